//! The leaders tab: the firms most likely to lead the chain, with the parts of their score
//! drawn as a stacked bar. A click on a firm (or its 定位) selects it, lights it up on the canvas
//! and brings it into view with its names readable.

use super::{locate, locate_button};
use crate::analysis::{Analysis, LeaderReport};
use crate::ui::context::ViewCtx;
use crate::ui::state::{Highlight, Queue, UiAction, UiState};
use egui::Color32;

/// How many leaders are listed.
const SHOWN: usize = 30;

/// The colours of the parts of the score: betweenness, strength, output.
const PART_COLOURS: [Color32; 3] = [
    Color32::from_rgb(52, 120, 198),
    Color32::from_rgb(46, 139, 87),
    Color32::from_rgb(222, 140, 20),
];

pub(super) fn leaders_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    ui.label(lang.pick(
        "得分 = 0.4 × 中介中心性 + 0.3 × 供应强度 + 0.3 × 产值(各项除以最大值)",
        "score = 0.4 × betweenness + 0.3 × strength + 0.3 × output (each divided by the largest)",
    ));
    egui::Grid::new("leaders")
        .num_columns(6)
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            ui.strong("#");
            ui.strong(lang.pick("企业", "Firm"));
            ui.strong(lang.pick("得分", "Score"));
            ui.strong(lang.pick("构成", "Parts"));
            ui.strong(lang.pick("中介 / 强度 / 产值", "Betweenness / strength / output"));
            ui.strong("");
            ui.end_row();
            for (i, l) in a.leaders.iter().take(SHOWN).enumerate() {
                ui.label(format!("{}", i + 1));
                let selected = state.selection.nodes.contains(&l.id);
                let clicked = ui.selectable_label(selected, &l.name).clicked();
                ui.label(format!("{:.3}", l.score));
                score_bar(ui, l);
                ui.label(format!(
                    "{:.2} / {:.2} / {:.2}",
                    l.betweenness_part, l.strength_part, l.output_part
                ));
                if locate_button(ui, lang) || clicked {
                    let mut only = crate::ui::state::Selection::default();
                    only.nodes.insert(l.id.clone());
                    queue.actions.push(UiAction::Select(only));
                    let highlight = Highlight {
                        nodes: [l.id.clone()].into(),
                        ..Highlight::default()
                    };
                    let project = cx.project();
                    locate(
                        project,
                        &mut state.frame_request,
                        queue,
                        highlight,
                        Some(&l.id),
                        None,
                    );
                }
                ui.end_row();
            }
        });
}

/// The weighted parts of a leader's score, stacked in one bar.
fn score_bar(ui: &mut egui::Ui, l: &LeaderReport) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(160.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, Color32::from_gray(230));
    let mut x = rect.left();
    for ((part, weight), colour) in [
        (l.betweenness_part, 0.4),
        (l.strength_part, 0.3),
        (l.output_part, 0.3),
    ]
    .into_iter()
    .zip(PART_COLOURS)
    {
        let w = (part * weight) as f32 * rect.width();
        ui.painter().rect_filled(
            egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(w, rect.height())),
            0.0,
            colour,
        );
        x += w;
    }
}
