//! The leaders tab: the project's 链主 criteria and weights (editable), the firms that meet the
//! criteria best first with the weighted parts of their score drawn as a stacked bar and their
//! raw figures beside it, then the firms that do not, each with why. A click on a firm (or its
//! 定位) selects it, lights it up on the canvas and brings it into view with its names readable.

use super::{locate, locate_button};
use crate::analysis::{Analysis, LeaderReport, percent};
use crate::i18n::Lang;
use crate::model::{LeaderWeights, NodeId};
use crate::ui::context::ViewCtx;
use crate::ui::state::{Highlight, Queue, UiAction, UiState};
use egui::{Color32, RichText};

/// How many leaders are listed.
const SHOWN: usize = 30;

/// The colours of the parts of the score: revenue share, local suppliers, farmers, R&D, hub.
const PART_COLOURS: [Color32; 5] = [
    Color32::from_rgb(222, 140, 20),
    Color32::from_rgb(46, 139, 87),
    Color32::from_rgb(150, 110, 60),
    Color32::from_rgb(140, 80, 170),
    Color32::from_rgb(52, 120, 198),
];

fn part_names(lang: Lang) -> [&'static str; 5] {
    [
        lang.pick("营收占比", "revenue share"),
        lang.pick("本地配套", "local suppliers"),
        lang.pick("联农带农", "farmers"),
        lang.pick("研发强度", "R&D intensity"),
        lang.pick("枢纽位置", "hub"),
    ]
}

pub(super) fn leaders_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let meta = &cx.project().meta;
    super::weights::leader_settings_ui(ui, meta, queue, lang);
    part_legend(ui, lang);
    ui.add_space(4.0);
    let weights = &meta.leader_criteria.weights;
    let mut clicked_id: Option<NodeId> = None;
    if a.leaders.is_empty() {
        ui.weak(lang.pick(
            "没有企业符合链主条件(见下方原因);可调低营收门槛或在检查器中标记规上",
            "No firm meets the criteria (reasons below); lower the revenue threshold or mark firms as above scale in the inspector",
        ));
    } else {
        egui::Grid::new("leaders")
            .num_columns(10)
            .striped(true)
            .spacing([12.0, 3.0])
            .show(ui, |ui| {
                for h in [
                    "#",
                    lang.pick("企业", "Firm"),
                    lang.pick("得分", "Score"),
                    lang.pick("构成", "Parts"),
                    lang.pick("营收占比", "Revenue share"),
                    lang.pick("本地供应商", "Local suppliers"),
                    lang.pick("联农户数", "Farmers"),
                    lang.pick("研发强度", "R&D intensity"),
                    lang.pick("中介中心性", "Betweenness"),
                    "",
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for (i, l) in a.leaders.iter().take(SHOWN).enumerate() {
                    ui.label(format!("{}", i + 1));
                    let selected = state.selection.nodes.contains(&l.id);
                    let mut name = ui.selectable_label(selected, &l.name);
                    if l.revenue_from_output {
                        name = name.on_hover_text(
                            lang.pick("无营收数据,按产值计", "no revenue on record: output used"),
                        );
                    }
                    let clicked = name.clicked();
                    ui.label(format!("{:.1}", l.score));
                    score_bar(ui, l, weights, lang);
                    let share = if l.revenue_from_output {
                        format!("{} *", percent(Some(l.revenue_share)))
                    } else {
                        percent(Some(l.revenue_share))
                    };
                    ui.label(share);
                    ui.label(l.local_suppliers.to_string());
                    ui.label(l.farmers.to_string());
                    ui.label(percent(l.rd_intensity));
                    ui.label(format!("{:.3}", l.betweenness));
                    if locate_button(ui, lang) || clicked {
                        clicked_id = Some(l.id.clone());
                    }
                    ui.end_row();
                }
            });
        if a.leaders.iter().any(|l| l.revenue_from_output) {
            ui.weak(lang.pick(
                "* 无营收数据,按产值计",
                "* no revenue on record: output used",
            ));
        }
    }
    if let Some(id) = not_eligible_ui(ui, a, lang) {
        clicked_id = Some(id);
    }
    if let Some(id) = clicked_id {
        let mut only = crate::ui::state::Selection::default();
        only.nodes.insert(id.clone());
        queue.actions.push(UiAction::Select(only));
        let highlight = Highlight {
            nodes: [id.clone()].into(),
            ..Highlight::default()
        };
        locate(
            cx.project(),
            &mut state.frame_request,
            queue,
            highlight,
            Some(&id),
            None,
        );
    }
}

/// The colours of the parts, named.
fn part_legend(ui: &mut egui::Ui, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.weak(lang.pick(
            "得分(0–100)= 各分项除以候选中最大值后加权:",
            "Score (0–100) = parts, each over the largest among candidates, weighted:",
        ));
        for (name, colour) in part_names(lang).into_iter().zip(PART_COLOURS) {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.label(RichText::new(name).small());
        }
    });
}

/// The local firms (and firms tagged 链主 or 龙头) that do not meet the criteria, with why;
/// the id of a clicked one.
fn not_eligible_ui(ui: &mut egui::Ui, a: &Analysis, lang: Lang) -> Option<NodeId> {
    if a.not_eligible.is_empty() {
        return None;
    }
    let mut clicked = None;
    ui.add_space(6.0);
    egui::CollapsingHeader::new(format!(
        "{} ({})",
        lang.pick("不符合链主条件", "Not eligible"),
        a.not_eligible.len()
    ))
    .id_salt("not-eligible")
    .default_open(true)
    .show(ui, |ui| {
        egui::Grid::new("not-eligible-grid")
            .num_columns(2)
            .striped(true)
            .spacing([12.0, 3.0])
            .show(ui, |ui| {
                for n in &a.not_eligible {
                    let mut name = n.name.clone();
                    if n.tagged_leader {
                        name.push_str(lang.pick("(标为链主/龙头)", " (tagged leader)"));
                    }
                    if ui.selectable_label(false, name).clicked() {
                        clicked = Some(n.id.clone());
                    }
                    let reasons: Vec<String> = n.reasons.iter().map(|r| r.message(lang)).collect();
                    ui.label(reasons.join(lang.pick(";", "; ")));
                    ui.end_row();
                }
            });
    });
    clicked
}

/// The weighted parts of a leader's score, stacked in one bar (full width = 100).
fn score_bar(ui: &mut egui::Ui, l: &LeaderReport, w: &LeaderWeights, lang: Lang) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(160.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, Color32::from_gray(230));
    let weighted = l.parts.weighted(w);
    let total: f64 = weighted
        .iter()
        .map(|(_, w)| crate::analysis::leaders::usable(*w))
        .sum();
    if total <= 0.0 {
        return;
    }
    let mut x = rect.left();
    let mut tip = Vec::new();
    for (((part, weight), colour), name) in
        weighted.into_iter().zip(PART_COLOURS).zip(part_names(lang))
    {
        let points = part * crate::analysis::leaders::usable(weight) / total;
        let width = points as f32 * rect.width();
        ui.painter().rect_filled(
            egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(width, rect.height())),
            0.0,
            colour,
        );
        x += width;
        tip.push(format!(
            "{name}: {part:.2} × {weight} → {:.1}",
            points * 100.0
        ));
    }
    response.on_hover_text(tip.join("\n"));
}
