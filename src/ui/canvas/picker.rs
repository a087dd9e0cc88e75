//! The kind pickers that finish a gesture: after a double-click on empty space (or the context
//! menu's "Add here…"), which kind of node to add (its stage from the lane under the point);
//! after a link drag (or "Link to…" and a click on the other end), which kind of link the two ends
//! allow. A choice queues the edit and selects what it makes; a new node's name field takes the
//! keyboard with its text selected, so typing names it. A click elsewhere cancels.
//!
//! The pickers are egui popups of the canvas's layer, so no tooltip of the canvas covers them.

use super::lanes::{LANE_WIDTH, Lane, lanes};
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::validate::link_endpoints_ok;
use crate::model::{
    Link, LinkKind, Node, NodeId, NodeKind, Pos, Project, StageId, fresh_link_id, fresh_node_id,
};
use crate::ui::panels::inspector::node::focus_name;
use crate::ui::state::{Picker, Queue, UiState};
use crate::ui::theme;
use std::collections::BTreeSet;

/// The open picker, if any, as a popup where the gesture ended. `just_opened`: it opened this
/// frame, so this frame's click is the one that opened it, not a click elsewhere.
pub(super) fn picker_ui(
    ui: &egui::Ui,
    project: &Project,
    state: &mut UiState,
    queue: &mut Queue,
    lanes: &[Lane],
    just_opened: bool,
) {
    let Some(picker) = state.picker.clone() else {
        return;
    };
    let lang = state.lang();
    let screen = match &picker {
        Picker::NewNode { screen, .. } | Picker::NewLink { screen, .. } => *screen,
        // Waiting for the click on the other end: drawn by the gestures, nothing to pick yet.
        Picker::LinkTarget { .. } => return,
    };
    let mut done = false;
    let popup = egui::Popup::new(
        ui.scope_id().with("picker"),
        ui.ctx().clone(),
        egui::PopupAnchor::Position(screen),
        ui.layer_id(),
    )
    .align(egui::RectAlign::BOTTOM_START)
    .close_behavior(egui::PopupCloseBehavior::IgnoreClicks)
    .show(|ui| {
        ui.set_min_width(160.0);
        done = match &picker {
            Picker::NewNode { at, .. } => node_kinds_ui(ui, project, state, queue, lanes, *at),
            Picker::NewLink { from, to, .. } => {
                match link_kinds_ui(ui, project, state, queue, (from, to)) {
                    Some(chosen) => chosen,
                    // An end has gone (undone, deleted): nothing left to choose.
                    None => {
                        done = true;
                        return;
                    }
                }
            }
            Picker::LinkTarget { .. } => true,
        };
        ui.separator();
        if ui.button(lang.pick("取消", "Cancel")).clicked() {
            done = true;
        }
    });
    let Some(popup) = popup else {
        return;
    };
    let rect = popup.response.rect;
    let clicked_elsewhere = !just_opened
        && ui.input(|i| i.pointer.any_pressed())
        && ui
            .input(|i| i.pointer.press_origin())
            .is_some_and(|p| !rect.contains(p));
    if done || clicked_elsewhere {
        state.picker = None;
    }
}

/// The stage of the lane under the canvas point `at` (the first in stage order on a shared edge).
fn stage_at(lanes: &[Lane], at: Pos) -> Option<StageId> {
    lanes
        .iter()
        .filter(|l| (at.x - l.center_x).abs() <= LANE_WIDTH / 2.0)
        .min_by(|a, b| a.stage.cmp(&b.stage))
        .map(|l| l.stage.clone())
}

/// A new node of `kind` at `at` with a fresh id, named after its kind, in the stage of the lane
/// there when its kind has stages.
fn new_node(project: &Project, kind: NodeKind, at: Pos, lanes: &[Lane], lang: Lang) -> Node {
    let mut node = Node {
        // "New enterprise": the kind's label is a title, lower-cased inside a name.
        name: match lang {
            Lang::Zh => format!("新{}", kind.label(lang)),
            Lang::En => format!("New {}", kind.label(lang).to_lowercase()),
        },
        id: fresh_node_id(project, &BTreeSet::new()),
        kind,
        position: Some(at),
        ..Node::default()
    };
    if kind.is_enterprise_like()
        && let Some(stage) = stage_at(lanes, at)
    {
        node.stages = vec![stage];
    }
    node
}

/// The enterprise the toolbar's "Add enterprise" makes: at the centre of the view, in the lane
/// under it.
pub fn enterprise_at_view_centre(project: &Project, state: &UiState) -> Node {
    let at = match state.canvas_rect {
        Some(rect) => state.camera.to_canvas(rect.min, rect.center()),
        None => Pos { x: 0.0, y: 0.0 },
    };
    let lanes = lanes(project, state.lang());
    new_node(project, NodeKind::Enterprise, at, &lanes, state.lang())
}

/// A button per node kind; true once one was chosen.
fn node_kinds_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut UiState,
    queue: &mut Queue,
    lanes: &[Lane],
    at: Pos,
) -> bool {
    let lang = state.lang();
    ui.label(egui::RichText::new(lang.pick("添加节点", "Add node")).strong());
    let mut done = false;
    for kind in NodeKind::ALL {
        if ui.button(kind.label(lang)).clicked() {
            let node = new_node(project, kind, at, lanes, lang);
            focus_name(ui.ctx(), &node.id, &node.name);
            state.selection.only_node(node.id.clone());
            // The name is typed in the inspector.
            state.settings.show_inspector = true;
            queue.edits.push(Edit::AddNode(node));
            done = true;
        }
    }
    done
}

/// A button per link kind the two ends allow, supply first and chosen by Enter; whether one was
/// chosen, or `None` when an end has gone.
fn link_kinds_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut UiState,
    queue: &mut Queue,
    (from, to): (&NodeId, &NodeId),
) -> Option<bool> {
    let lang = state.lang();
    ui.label(egui::RichText::new(lang.pick("连线类型", "Link kind")).strong());
    let (a, b) = (project.nodes.get(from)?, project.nodes.get(to)?);
    let allowed: Vec<LinkKind> = LinkKind::ALL
        .into_iter()
        .filter(|k| link_endpoints_ok(*k, a.kind, b.kind))
        .collect();
    if allowed.is_empty() {
        ui.colored_label(
            theme::ERROR,
            lang.pick(
                "这两类节点之间不能连线",
                "These kinds of node cannot be linked",
            ),
        );
    }
    let mut done = false;
    for kind in allowed {
        let button = egui::Button::new(kind.label(lang)).selected(kind == LinkKind::Supply);
        let enter = kind == LinkKind::Supply && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.add(button).clicked() || enter {
            let id = fresh_link_id(project, &BTreeSet::new());
            queue.edits.push(Edit::AddLink(Link {
                id: id.clone(),
                kind,
                from: from.clone(),
                to: to.clone(),
                ..Link::default()
            }));
            state.selection.clear();
            state.selection.links.insert(id);
            done = true;
        }
    }
    Some(done)
}
