//! The gaps tab: stage coverage, product completeness and the local supporting rate, each stage
//! with its products and how well they are supplied locally, and the list of gaps with what to
//! do about each. A click lights up the stage or the firms involved on the canvas.

use super::chip;
use crate::analysis::{Analysis, GapClass, Status, percent};
use crate::i18n::Lang;
use crate::ui::context::ViewCtx;
use crate::ui::state::{Highlight, Queue, UiAction, UiState};
use egui::{Color32, RichText};

/// Colour of a stage or product status.
fn status_colour(status: Status) -> Color32 {
    match status {
        Status::Missing => Color32::from_rgb(204, 51, 51),
        Status::Weak => Color32::from_rgb(222, 140, 20),
        Status::Ok => Color32::from_rgb(46, 139, 87),
    }
}

/// Colour of a gap class.
fn gap_colour(class: GapClass) -> Color32 {
    match class {
        GapClass::Missing => Color32::from_rgb(204, 51, 51),
        GapClass::Weak => Color32::from_rgb(222, 140, 20),
        GapClass::Extend => Color32::from_rgb(52, 120, 198),
        GapClass::AtRisk => Color32::from_rgb(140, 80, 180),
    }
}

pub(super) fn gaps_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    state: &UiState,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let c = &a.completeness;
    ui.label(format!(
        "{} {}/{} ({}) · {} {}/{} ({}) · {} {}",
        lang.pick("环节覆盖", "Stage coverage"),
        c.stages_covered,
        c.stages_total,
        percent(c.stage),
        lang.pick("产品完整度", "product completeness"),
        c.products_covered,
        c.products_required,
        percent(c.product),
        lang.pick("本地配套率", "local supporting rate"),
        percent(a.local_supporting_rate)
    ));
    ui.add_space(4.0);
    ui.columns(2, |cols| {
        stages_ui(&mut cols[0], cx, a, state, queue);
        gap_list_ui(&mut cols[1], a, queue, lang);
    });
}

/// Each stage with its status, firms and supporting rate, and its products under it.
fn stages_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    state: &UiState,
    queue: &mut Queue,
) {
    let (project, lang) = (cx.project(), cx.lang);
    ui.label(RichText::new(lang.pick("环节与产品", "Stages and products")).strong());
    egui::Grid::new("gap-stages")
        .num_columns(4)
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for s in &a.stages {
                chip(ui, status_colour(s.status), s.status.label(lang));
                let stage_name = project
                    .stage(&s.id)
                    .map(|(_, st)| match lang {
                        Lang::En if !st.name_en.is_empty() => st.name_en.clone(),
                        _ => st.name.clone(),
                    })
                    .unwrap_or_default();
                let selected = state
                    .highlight
                    .as_ref()
                    .is_some_and(|h| h.stages.contains(&s.id) && h.stages.len() == 1);
                if ui
                    .selectable_label(selected, format!("{} {stage_name}", s.id))
                    .clicked()
                {
                    queue.actions.push(UiAction::Highlight(Some(Highlight {
                        nodes: s.local_enterprises.iter().cloned().collect(),
                        stages: [s.id.clone()].into(),
                        ..Highlight::default()
                    })));
                }
                ui.label(format!(
                    "{} {}",
                    s.local_enterprises.len(),
                    lang.pick("家", "firms")
                ));
                ui.label(format!(
                    "{} {}",
                    lang.pick("配套", "local"),
                    percent(s.local_supporting_rate)
                ));
                ui.end_row();
                for p in a.products.iter().filter(|p| p.stage == s.id) {
                    ui.label("");
                    let optional = if p.required {
                        ""
                    } else {
                        lang.pick("(非必需)", " (optional)")
                    };
                    let colour = if p.required {
                        status_colour(p.status)
                    } else {
                        Color32::GRAY
                    };
                    ui.label(RichText::new(format!("  · {}{optional}", p.name)).color(colour));
                    ui.label(format!(
                        "{} {}",
                        p.suppliers.len(),
                        lang.pick("家本地", "local")
                    ));
                    ui.label(p.hhi.map(|h| format!("HHI {h:.2}")).unwrap_or_default());
                    ui.end_row();
                }
            }
        });
}

/// The gaps, each with what to do; a click lights up its stage and the firms involved (for a
/// firm at risk: the firm, and in the warning colour what depends on it).
fn gap_list_ui(ui: &mut egui::Ui, a: &Analysis, queue: &mut Queue, lang: Lang) {
    ui.label(RichText::new(format!("{} ({})", lang.pick("缺口", "Gaps"), a.gaps.len())).strong());
    for g in &a.gaps {
        ui.horizontal_wrapped(|ui| {
            chip(ui, gap_colour(g.class), g.class.action(lang));
            let resp = ui
                .selectable_label(false, g.message(lang))
                .on_hover_text(g.class.advice(lang));
            if resp.clicked() {
                let mut h = Highlight::default();
                if let Some(s) = &g.stage {
                    h.stages.insert(s.clone());
                }
                if g.class == GapClass::AtRisk {
                    h.danger.extend(g.nodes.iter().skip(1).cloned());
                    h.nodes.extend(g.nodes.iter().take(1).cloned());
                } else {
                    h.nodes.extend(g.nodes.iter().cloned());
                }
                queue.actions.push(UiAction::Highlight(Some(h)));
            }
        });
    }
}
