//! The right-click menus of the canvas: on a node (link to…, focus, impact, delete), on a link
//! (kind, delete) and on empty space (add here…, fit to view). Right-clicking an item that is not
//! selected selects it first; on a selected item the menu acts on the whole selection where that
//! makes sense (focus, delete, kind). Each choice is one edit, one undo step.

use super::{CanvasFrame, CanvasState, by_importance};
use crate::model::validate::link_endpoints_ok;
use crate::model::{LinkId, LinkKind, NodeId, Pos, Project};
use crate::ui::command::AppCommand;
use crate::ui::command::keys::shortcut_text;
use crate::ui::state::{AnalysisTab, FrameRequest, Highlight, Picker, Queue, UiAction, UiState};
use egui::{Align, Layout, Pos2, RichText};
use std::collections::BTreeSet;

/// What a context menu is about.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum MenuTarget {
    Node(NodeId),
    Link(LinkId),
    /// Empty space at this canvas point.
    Empty(Pos),
}

/// The open context menu: what it is about and where it was asked for (screen).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct OpenMenu {
    target: MenuTarget,
    screen: Pos2,
    /// Which opening this is: each opening is a popup of its own, so nothing of how the last one
    /// was left (a submenu, a click under way) carries over.
    serial: u64,
}

/// Opens the menu of `target` at the screen point `screen`. An item that is not selected
/// becomes the selection, so what the menu does is what the user sees selected.
pub(super) fn open(
    target: MenuTarget,
    screen: Pos2,
    state: &mut UiState,
    canvas: &mut CanvasState,
) {
    match &target {
        MenuTarget::Node(id) if !state.selection.nodes.contains(id) => {
            state.selection.only_node(id.clone());
        }
        MenuTarget::Link(id) if !state.selection.links.contains(id) => {
            state.selection.clear();
            state.selection.links.insert(id.clone());
        }
        _ => {}
    }
    state.picker = None;
    canvas.menu_choices += 1;
    let serial = canvas.menu_choices;
    canvas.menu = Some(OpenMenu {
        target,
        screen,
        serial,
    });
}

/// Draws the open menu (an egui menu popup of the canvas's layer, so no canvas tooltip covers
/// it) and does what is chosen.
pub(super) fn menu_ui(
    ui: &egui::Ui,
    frame: &CanvasFrame<'_>,
    state: &mut UiState,
    canvas: &mut CanvasState,
    queue: &mut Queue,
) {
    let Some(menu) = canvas.menu.clone() else {
        return;
    };
    let project = frame.project;
    // The item may have gone while the menu was open (undo, a panel's edit).
    let exists = match &menu.target {
        MenuTarget::Node(id) => project.nodes.contains_key(id),
        MenuTarget::Link(id) => project.links.contains_key(id),
        MenuTarget::Empty(_) => true,
    };
    if !exists {
        canvas.menu = None;
        return;
    }
    let popup = egui::Popup::new(
        ui.scope_id().with(("canvas-menu", menu.serial)),
        ui.ctx().clone(),
        egui::PopupAnchor::Position(menu.screen),
        ui.layer_id(),
    )
    .kind(egui::PopupKind::Menu)
    .layout(Layout::top_down_justified(Align::Min))
    .style(egui::containers::menu::menu_style)
    .show(|ui| {
        ui.set_min_width(150.0);
        let before = (
            queue.commands.len(),
            queue.actions.len(),
            queue.gesture_edits.len(),
        );
        let picker = state.picker.clone();
        match &menu.target {
            MenuTarget::Node(id) => node_menu(ui, project, id, state, queue),
            MenuTarget::Link(id) => link_menu(ui, project, id, state, canvas, queue),
            MenuTarget::Empty(at) => empty_menu(ui, *at, menu.screen, state, queue),
        }
        // Something was chosen (a choice in a submenu, too): the menu has done its work.
        let after = (
            queue.commands.len(),
            queue.actions.len(),
            queue.gesture_edits.len(),
        );
        after != before || state.picker != picker || state.impact_show
    });
    let chosen = popup.as_ref().is_some_and(|p| p.inner);
    if chosen || popup.is_none_or(|p| p.response.should_close()) {
        canvas.menu = None;
    }
}

/// A menu entry with its key, if the command has one.
fn entry(ui: &mut egui::Ui, label: &str, key: Option<AppCommand>) -> egui::Response {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = key.and_then(AppCommand::shortcut) {
        button = button.shortcut_text(shortcut_text(ui.ctx(), &shortcut));
    }
    ui.add(button)
}

fn node_menu(
    ui: &mut egui::Ui,
    project: &Project,
    id: &NodeId,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = state.lang();
    let Some(node) = project.nodes.get(id) else {
        return;
    };
    ui.label(RichText::new(&node.name).strong());
    ui.separator();
    if entry(ui, lang.pick("连到…", "Link to…"), None)
        .on_hover_text(lang.pick(
            "再点击另一个节点,选择连线类型",
            "Then click another node and choose the kind of link",
        ))
        .clicked()
    {
        state.picker = Some(Picker::LinkTarget { from: id.clone() });
    }
    if entry(ui, lang.pick("聚焦", "Focus"), None)
        .on_hover_text(lang.pick(
            "突出显示它及直接相连的节点,并移到视图中央",
            "Light it up with the nodes linked to it, and bring them into view",
        ))
        .clicked()
    {
        focus(project, id, state, queue);
    }
    let firm = node.kind.is_enterprise_like();
    if ui
        .add_enabled(firm, egui::Button::new(lang.pick("影响", "Impact")))
        .on_hover_text(lang.pick(
            "如果它离开:哪些企业失去本地供应(分析面板“影响”页)",
            "If it leaves: who loses local supply (the analysis panel's Impact tab)",
        ))
        .on_disabled_hover_text(lang.pick("只对企业类节点", "For firms only"))
        .clicked()
    {
        state.impact_node = Some(id.clone());
        state.impact_show = true;
        state.analysis_tab = AnalysisTab::Impact;
        state.settings.show_analysis = true;
    }
    ui.separator();
    delete_entry(ui, state, queue);
}

/// "Delete", or "Delete 3 items" when the selection holds more than one.
fn delete_entry(ui: &mut egui::Ui, state: &UiState, queue: &mut Queue) {
    let lang = state.lang();
    let label = match (state.selection.count(), lang) {
        (0 | 1, _) => lang.pick("删除", "Delete").to_owned(),
        (n, crate::i18n::Lang::Zh) => format!("删除所选 {n} 项"),
        (n, crate::i18n::Lang::En) => format!("Delete {n} Selected"),
    };
    if entry(ui, &label, Some(AppCommand::Delete)).clicked() {
        queue.commands.push(AppCommand::Delete);
    }
}

/// Lights up the selected nodes (or `id`) with every node linked to them, and frames them with
/// `id` in the middle when they do not all fit.
fn focus(project: &Project, id: &NodeId, state: &mut UiState, queue: &mut Queue) {
    let mut centre: BTreeSet<NodeId> = state.selection.nodes.clone();
    centre.insert(id.clone());
    let touching: Vec<&crate::model::Link> = project
        .links
        .values()
        .filter(|l| centre.contains(&l.from) || centre.contains(&l.to))
        .collect();
    let mut nodes = centre.clone();
    nodes.extend(touching.iter().flat_map(|l| [l.from.clone(), l.to.clone()]));
    let others: Vec<&NodeId> = nodes.iter().filter(|n| *n != id).collect();
    let mut order = vec![id.clone()];
    order.extend(by_importance(project, others));
    queue.actions.push(UiAction::Highlight(Some(Highlight {
        nodes,
        links: touching.iter().map(|l| l.id.clone()).collect(),
        ..Highlight::default()
    })));
    state.frame_request = Some(FrameRequest {
        nodes: order,
        stage: None,
    });
}

fn link_menu(
    ui: &mut egui::Ui,
    project: &Project,
    id: &LinkId,
    state: &mut UiState,
    canvas: &mut CanvasState,
    queue: &mut Queue,
) {
    let lang = state.lang();
    // The kind acts on every selected link (the right-clicked one is among them).
    let links: Vec<&crate::model::Link> = state
        .selection
        .links
        .iter()
        .chain(std::iter::once(id))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter_map(|l| project.links.get(l))
        .collect();
    let allowed: Vec<LinkKind> = LinkKind::ALL
        .into_iter()
        .filter(|k| {
            links.iter().all(|l| {
                let kinds = (project.nodes.get(&l.from), project.nodes.get(&l.to));
                matches!(kinds, (Some(a), Some(b)) if link_endpoints_ok(*k, a.kind, b.kind))
            })
        })
        .collect();
    let current = links
        .first()
        .map(|l| l.kind)
        .filter(|k| links.iter().all(|l| l.kind == *k));
    ui.menu_button(lang.pick("类型", "Kind"), |ui| {
        for kind in allowed {
            if ui.radio(current == Some(kind), kind.label(lang)).clicked() && current != Some(kind)
            {
                set_kind(&links, kind, canvas, queue);
            }
        }
    });
    ui.separator();
    delete_entry(ui, state, queue);
}

/// Gives every link in `links` the kind `kind`: one choice, one undo step (the edits of one
/// menu choice join one gesture, under a key no other choice shares).
fn set_kind(
    links: &[&crate::model::Link],
    kind: LinkKind,
    canvas: &mut CanvasState,
    queue: &mut Queue,
) {
    canvas.menu_choices += 1;
    let key = format!("canvas-menu/link-kind/{}", canvas.menu_choices);
    for link in links.iter().filter(|l| l.kind != kind) {
        let mut changed = (*link).clone();
        changed.kind = kind;
        queue
            .gesture_edits
            .push((crate::edit::Edit::SetLink(changed), key.clone()));
    }
}

fn empty_menu(ui: &mut egui::Ui, at: Pos, screen: Pos2, state: &mut UiState, queue: &mut Queue) {
    let lang = state.lang();
    if entry(ui, lang.pick("在此添加…", "Add Here…"), None)
        .on_hover_text(lang.pick(
            "选择节点类型,添加在这里(所在环节由泳道决定)",
            "Choose a kind of node to add here (its stage is the lane's)",
        ))
        .clicked()
    {
        state.picker = Some(Picker::NewNode { at, screen });
    }
    if entry(
        ui,
        &AppCommand::FitView.label(lang),
        Some(AppCommand::FitView),
    )
    .clicked()
    {
        queue.commands.push(AppCommand::FitView);
    }
}
