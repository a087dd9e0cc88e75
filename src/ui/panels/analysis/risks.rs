//! The risks tab: articulation points (a firm whose loss splits the supply network), bridges
//! (the only link between two parts) and firms not strung to the main chain, each a column
//! with a button lighting up all of them and a row per item lighting up that one and bringing it
//! into view (a click on the row or its 定位).

use super::{locate, locate_button};
use crate::analysis::Analysis;
use crate::model::NodeId;
use crate::ui::context::ViewCtx;
use crate::ui::state::{FrameRequest, Highlight, Queue, UiAction};
use egui::RichText;

/// Draws the tab; `frame` is the canvas's framing request (camera, not what is on show).
pub(super) fn risks_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
) {
    ui.columns(3, |cols| {
        articulation_ui(&mut cols[0], cx, a, frame, queue);
        bridges_ui(&mut cols[1], cx, a, frame, queue);
        stray_ui(&mut cols[2], cx, a, frame, queue);
    });
}

/// A row: its text (clickable) and its 定位 button; true when either was clicked.
fn row(ui: &mut egui::Ui, cx: &ViewCtx<'_>, text: String) -> bool {
    ui.horizontal(|ui| {
        let located = locate_button(ui, cx.lang);
        ui.selectable_label(false, text).clicked() || located
    })
    .inner
}

/// A column's title, what it means, and "Highlight all"; true when that was clicked.
fn column_head(ui: &mut egui::Ui, cx: &ViewCtx<'_>, title: String, meaning: &str) -> bool {
    ui.label(RichText::new(title).strong());
    ui.weak(meaning);
    ui.button(cx.lang.pick("全部突出显示", "Highlight all"))
        .clicked()
}

fn light(queue: &mut Queue, highlight: Highlight) {
    queue.actions.push(UiAction::Highlight(Some(highlight)));
}

fn articulation_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
) {
    let (project, lang) = (cx.project(), cx.lang);
    let title = format!(
        "{} ({})",
        lang.pick("关键节点(割点)", "Articulation points"),
        a.articulation_points.len()
    );
    let meaning = lang.pick(
        "去掉它,供应网络就断成几块",
        "Remove one and the supply network falls apart",
    );
    if column_head(ui, cx, title, meaning) {
        let danger = a.articulation_points.iter().cloned().collect();
        light(
            queue,
            Highlight {
                danger,
                ..Highlight::default()
            },
        );
    }
    for id in &a.articulation_points {
        if row(ui, cx, project.node_name(id)) {
            let danger = [id.clone()].into();
            let highlight = Highlight {
                danger,
                ..Highlight::default()
            };
            locate(project, frame, queue, highlight, Some(id), None);
        }
    }
}

fn bridges_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
) {
    let (project, lang) = (cx.project(), cx.lang);
    let title = format!(
        "{} ({})",
        lang.pick("关键连线(桥)", "Bridges"),
        a.bridges.len()
    );
    let meaning = lang.pick(
        "唯一的连接,断了就分开",
        "The only connection between two parts",
    );
    if column_head(ui, cx, title, meaning) {
        light(
            queue,
            Highlight {
                nodes: a
                    .bridges
                    .iter()
                    .flat_map(|(x, y)| [x.clone(), y.clone()])
                    .collect(),
                edges: a.bridges.iter().cloned().collect(),
                ..Highlight::default()
            },
        );
    }
    for (x, y) in &a.bridges {
        let text = format!("{} – {}", project.node_name(x), project.node_name(y));
        if row(ui, cx, text) {
            let highlight = Highlight {
                nodes: [x.clone(), y.clone()].into(),
                edges: [(x.clone(), y.clone())].into(),
                ..Highlight::default()
            };
            locate(project, frame, queue, highlight, None, None);
        }
    }
}

fn stray_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
) {
    let (project, lang) = (cx.project(), cx.lang);
    let stray: Vec<&Vec<NodeId>> = a.components.iter().skip(1).collect();
    let title = format!(
        "{} ({})",
        lang.pick("未串起的珠子", "Beads not yet strung"),
        stray.iter().map(|c| c.len()).sum::<usize>()
    );
    let meaning = lang.pick(
        "与主链没有供应关系的企业",
        "Firms with no supply path to the main chain",
    );
    if column_head(ui, cx, title, meaning) {
        let danger = stray.iter().flat_map(|c| c.iter().cloned()).collect();
        light(
            queue,
            Highlight {
                danger,
                ..Highlight::default()
            },
        );
    }
    for comp in stray {
        let names: Vec<String> = comp.iter().map(|id| project.node_name(id)).collect();
        if row(ui, cx, names.join("、")) {
            let danger = comp.iter().cloned().collect();
            let highlight = Highlight {
                danger,
                ..Highlight::default()
            };
            locate(project, frame, queue, highlight, None, None);
        }
    }
}
