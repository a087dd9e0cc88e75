//! The kind pickers that finish a gesture: after a double-click on empty space, which kind of node
//! to add (its stage from the lane under the point); after a link drag, which kind of link the two
//! ends allow. A choice queues the edit and selects what it makes; a click elsewhere cancels.

use super::lanes::{LANE_WIDTH, Lane};
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::validate::link_endpoints_ok;
use crate::model::{
    Link, LinkKind, Node, NodeId, NodeKind, Pos, Project, fresh_link_id, fresh_node_id,
};
use crate::ui::state::{Picker, Queue, UiState};
use crate::ui::theme;
use std::collections::BTreeSet;

/// The open picker, if any, as a popup where the gesture ended.
pub(super) fn picker_ui(
    ui: &egui::Ui,
    project: &Project,
    state: &mut UiState,
    queue: &mut Queue,
    lanes: &[Lane],
) {
    let Some(picker) = state.picker.clone() else {
        return;
    };
    let lang = state.lang();
    let screen = match &picker {
        Picker::NewNode { screen, .. } | Picker::NewLink { screen, .. } => *screen,
    };
    let mut done = false;
    let area = egui::Area::new(ui.scope_id().with("picker"))
        .order(egui::Order::Foreground)
        .fixed_pos(screen)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(160.0);
                done = match &picker {
                    Picker::NewNode { at, .. } => {
                        node_kinds_ui(ui, project, state, queue, lanes, *at)
                    }
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
                };
                ui.separator();
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    done = true;
                }
            });
        });
    let clicked_elsewhere = ui.input(|i| i.pointer.any_pressed())
        && !area.response.contains_pointer()
        && ui
            .input(|i| i.pointer.press_origin())
            .is_some_and(|p| !area.response.rect.contains(p));
    if done || clicked_elsewhere {
        state.picker = None;
    }
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
    // The lane under the point gives the stage (the first in stage order on a shared edge).
    let stage = lanes
        .iter()
        .filter(|l| (at.x - l.center_x).abs() <= LANE_WIDTH / 2.0)
        .min_by(|a, b| a.stage.cmp(&b.stage))
        .map(|l| l.stage.clone());
    let mut done = false;
    for kind in NodeKind::ALL {
        if ui.button(kind.label(lang)).clicked() {
            let id = fresh_node_id(project, &BTreeSet::new());
            let mut node = Node {
                name: new_node_name(kind, lang),
                id: id.clone(),
                kind,
                position: Some(at),
                ..Node::default()
            };
            if kind.is_enterprise_like()
                && let Some(s) = &stage
            {
                node.stages = vec![s.clone()];
            }
            queue.edits.push(Edit::AddNode(node));
            state.selection.only_node(id);
            done = true;
        }
    }
    done
}

fn new_node_name(kind: NodeKind, lang: Lang) -> String {
    format!("{}{}", lang.pick("新", "New "), kind.label(lang))
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
