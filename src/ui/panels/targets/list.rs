//! The ranked list: a line per candidate — rank, name, the gap it would fill, score, and where
//! the county stands with it (a combo: one choice, one undo step). A click on the name shows
//! its reason and note beside the list. Only the lines in view are drawn.

use super::{chip, edit_candidate, gap_colour};
use crate::i18n::Lang;
use crate::model::{Candidate, CandidateStatus};
use crate::targets::{Target, TargetList};
use crate::ui::context::ViewCtx;
use crate::ui::state::Queue;
use egui::{Color32, RichText};

/// Widths of the columns besides the name.
const RANK_WIDTH: f32 = 26.0;
const GAP_WIDTH: f32 = 190.0;
const SCORE_WIDTH: f32 = 44.0;
const STATUS_WIDTH: f32 = 92.0;

pub(super) fn list_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    list: &TargetList,
    shown: &[usize],
    selected: &mut Option<String>,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let height = ui.spacing().interact_size.y + 4.0;
    let spacing = ui.spacing().item_spacing.x;
    let name_width = (ui.available_width()
        - RANK_WIDTH
        - GAP_WIDTH
        - SCORE_WIDTH
        - STATUS_WIDTH
        - 5.0 * spacing
        - 16.0)
        .max(100.0);
    header(ui, name_width, lang);
    egui::ScrollArea::vertical()
        .id_salt("targets-list")
        .auto_shrink([false, false])
        .show_rows(ui, height, shown.len(), |ui, range| {
            for i in &shown[range] {
                let t = &list.targets[*i];
                let Some(c) = cx.project().candidates.get(&t.candidate) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    ui.set_height(height - 2.0);
                    line(ui, cx, list, t, c, name_width, selected, queue);
                });
            }
        });
}

fn header(ui: &mut egui::Ui, name_width: f32, lang: Lang) {
    ui.horizontal(|ui| {
        let weak = |text: &str| RichText::new(text).weak().small();
        cell(ui, RANK_WIDTH, egui::Label::new(weak("#")));
        cell(
            ui,
            name_width,
            egui::Label::new(weak(lang.pick("企业", "Firm"))),
        );
        cell(
            ui,
            GAP_WIDTH,
            egui::Label::new(weak(
                lang.pick("缺口(对策 · 产品或环节)", "Gap (action · what)"),
            )),
        );
        cell(
            ui,
            SCORE_WIDTH,
            egui::Label::new(weak(lang.pick("得分", "Score"))),
        );
        cell(
            ui,
            STATUS_WIDTH,
            egui::Label::new(weak(lang.pick("状态", "Status"))),
        );
    });
}

#[allow(clippy::too_many_arguments)]
fn line(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    list: &TargetList,
    t: &Target,
    c: &Candidate,
    name_width: f32,
    selected: &mut Option<String>,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let faded = c.status == CandidateStatus::Dropped;
    cell(
        ui,
        RANK_WIDTH,
        egui::Label::new(RichText::new(t.rank.to_string()).weak()),
    );
    let is_selected = selected.as_deref() == Some(c.id.as_str());
    let mut name = RichText::new(&c.name);
    if faded {
        name = name.weak().strikethrough();
    }
    let clicked = cell(
        ui,
        name_width,
        egui::Button::selectable(is_selected, name).truncate(),
    )
    .on_hover_text(t.reason(lang))
    .clicked();
    if clicked {
        *selected = Some(c.id.clone());
    }
    ui.allocate_ui_with_layout(
        egui::vec2(GAP_WIDTH, ui.available_height()),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(GAP_WIDTH);
            match t.best.as_ref().map(|m| &list.gaps[m.gap]) {
                Some(g) => {
                    chip(ui, gap_colour(g.class), g.class.action(lang));
                    ui.add(egui::Label::new(g.subject(lang)).truncate());
                }
                None => {
                    ui.weak(lang.pick("无缺口", "no gap"))
                        .on_hover_text(t.reason(lang));
                }
            }
        },
    );
    ui.allocate_ui_with_layout(
        egui::vec2(SCORE_WIDTH, ui.available_height()),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            ui.set_min_width(SCORE_WIDTH);
            let score = if t.best.is_some() {
                format!("{:.1}", t.score)
            } else {
                "—".to_owned()
            };
            ui.label(score);
        },
    );
    status_combo(ui, cx, c, queue);
}

/// Where the county stands with the candidate; a new choice is one edit.
fn status_combo(ui: &mut egui::Ui, cx: &ViewCtx<'_>, c: &Candidate, queue: &mut Queue) {
    let lang = cx.lang;
    let mut status = c.status;
    let mut text = RichText::new(c.status.label(lang));
    if let Some(colour) = status_colour(c.status) {
        text = text.color(colour);
    }
    let combo = egui::ComboBox::from_id_salt(("target-status", &c.id))
        .width(STATUS_WIDTH - 8.0)
        .selected_text(text)
        .show_ui(ui, |ui| {
            for s in CandidateStatus::ALL {
                ui.selectable_value(&mut status, s, s.label(lang));
            }
        })
        .response;
    let label = format!("{} · {}", lang.pick("状态", "Status"), c.name);
    combo.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label));
    if status != c.status
        && let Some(edit) = edit_candidate(cx.project(), &c.id, |c| c.status = status)
    {
        queue.edits.push(edit);
    }
}

/// The colour a status is written in: the work under way stands out, what is over recedes
/// (not yet approached: the text colour).
fn status_colour(status: CandidateStatus) -> Option<Color32> {
    match status {
        CandidateStatus::New => None,
        CandidateStatus::Contacted => Some(Color32::from_rgb(52, 120, 198)),
        CandidateStatus::Signed => Some(Color32::from_rgb(46, 139, 87)),
        CandidateStatus::Dropped => Some(Color32::from_gray(150)),
    }
}

/// `widget` at the left of a column `width` wide.
fn cell(ui: &mut egui::Ui, width: f32, widget: impl egui::Widget) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ui.available_height()),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.add(widget)
        },
    )
    .inner
}
