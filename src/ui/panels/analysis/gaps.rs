//! The gaps tab: stage coverage, product completeness and the local supporting rate, each stage
//! with its products and how well they are supplied locally, and the list of gaps with what to
//! do about each. A click (or 定位) lights up the stage or the firms involved on the canvas and
//! brings them into view.

use super::{chip, locate, locate_button};
use crate::analysis::{Analysis, GapClass, GapOrigin, Status, percent};
use crate::i18n::Lang;
use crate::model::Project;
use crate::ui::context::ViewCtx;
use crate::ui::state::{FrameRequest, Highlight, Queue, UiState};
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
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    // The CLI's headline, begun with a capital in the panel.
    ui.label(super::capitalised(&a.headline(lang)));
    // Issue 16: how local was decided, where the rate comes from, 延链 by conversion.
    let how = format!("{} · {}", a.rate_line(lang), a.places.note(lang));
    ui.label(RichText::new(how).weak());
    for e in &a.extension {
        let name = cx
            .project()
            .chains
            .get(&e.chain)
            .map(|c| match lang {
                Lang::En if !c.name_en.is_empty() => c.name_en.clone(),
                _ => c.name.clone(),
            })
            .unwrap_or_default();
        ui.label(format!(
            "{name}{}{}",
            lang.pick("：", ": "),
            e.summary(lang)
        ));
    }
    // Issue 18: each saved comparison with a reference chain, in a line (its gaps are in the
    // list, marked 参考).
    for c in &a.comparisons {
        ui.label(c.summary(cx.project(), lang));
    }
    ui.add_space(4.0);
    ui.columns(2, |cols| {
        stages_ui(&mut cols[0], cx, a, state, queue);
        gap_list_ui(
            &mut cols[1],
            cx.project(),
            a,
            &mut state.frame_request,
            queue,
            lang,
        );
    });
}

/// One line of the stage table: a stage, or one of its products.
enum Line<'a> {
    Stage(&'a crate::analysis::StageReport),
    Product(&'a crate::analysis::ProductReport),
}

/// Height of one line of the lists: they scroll by line, and only the lines in view are drawn
/// (a county chain can have hundreds of products and gaps).
fn line_height(ui: &egui::Ui) -> f32 {
    ui.spacing().interact_size.y + 2.0
}

/// Each stage with its status, firms and supporting rate, and its products under it.
fn stages_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    ui.label(RichText::new(lang.pick("环节与产品", "Stages and products")).strong());
    let lines: Vec<Line<'_>> = a
        .stages
        .iter()
        .flat_map(|s| {
            std::iter::once(Line::Stage(s)).chain(
                a.products
                    .iter()
                    .filter(move |p| p.stage == s.id)
                    .map(Line::Product),
            )
        })
        .collect();
    let height = line_height(ui);
    // Column widths fixed once for all lines, from the room the column has.
    let spacing = ui.spacing().item_spacing.x;
    let name = (ui.available_width()
        - CHIP_WIDTH
        - COUNT_WIDTH
        - RATE_WIDTH
        - LOCATE_WIDTH
        - 5.0 * spacing
        - 16.0)
        .max(80.0);
    egui::ScrollArea::vertical()
        .id_salt("gap-stages")
        .auto_shrink([false, false])
        .show_rows(ui, height, lines.len(), |ui, range| {
            for line in &lines[range] {
                ui.horizontal(|ui| {
                    ui.set_height(height - 2.0);
                    match line {
                        Line::Stage(s) => stage_line(ui, cx, s, name, state, queue),
                        Line::Product(p) => product_line(ui, p, name, lang),
                    }
                });
            }
        });
}

/// Widths of the stage table's columns besides the name.
const CHIP_WIDTH: f32 = 56.0;
const COUNT_WIDTH: f32 = 76.0;
const RATE_WIDTH: f32 = 96.0;
/// Room for a row's 定位 button.
const LOCATE_WIDTH: f32 = 52.0;

fn stage_line(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    s: &crate::analysis::StageReport,
    width: f32,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    ui.allocate_ui_with_layout(
        egui::vec2(CHIP_WIDTH, ui.available_height()),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(CHIP_WIDTH);
            chip(ui, status_colour(s.status), s.status.label(lang));
        },
    );
    let stage_name = cx
        .project()
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
    let text = format!("{} {stage_name}", s.id);
    let resp = left_aligned(
        ui,
        width,
        egui::Button::selectable(selected, text.as_str()).truncate(),
    )
    .on_hover_text(&text);
    let clicked = resp.clicked();
    cell(
        ui,
        COUNT_WIDTH,
        match (lang, s.local_enterprises.len()) {
            (Lang::Zh, n) => format!("{n} 家"),
            (Lang::En, 1) => "1 firm".to_owned(),
            (Lang::En, n) => format!("{n} firms"),
        },
    );
    let source = s
        .rate_source
        .map(|r| r.label(lang))
        .unwrap_or(lang.pick("无本地买方或采购数据", "no local buyer or purchases"));
    cell(
        ui,
        RATE_WIDTH,
        format!(
            "{} {}",
            lang.pick("配套", "local"),
            percent(s.local_supporting_rate)
        ),
    )
    .on_hover_text(format!(
        "{}: {source}",
        lang.pick("本地配套率来源", "local supporting rate from")
    ));
    if locate_button(ui, lang) || clicked {
        let highlight = Highlight {
            nodes: s.local_enterprises.iter().cloned().collect(),
            stages: [s.id.clone()].into(),
            ..Highlight::default()
        };
        locate(
            cx.project(),
            &mut state.frame_request,
            queue,
            highlight,
            None,
            Some(&s.id),
        );
    }
}

fn product_line(ui: &mut egui::Ui, p: &crate::analysis::ProductReport, width: f32, lang: Lang) {
    ui.add_space(CHIP_WIDTH + ui.spacing().item_spacing.x);
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
    let text = format!("· {}{optional}", p.name);
    left_aligned(
        ui,
        width,
        egui::Label::new(RichText::new(text).color(colour)).truncate(),
    );
    cell(
        ui,
        COUNT_WIDTH,
        format!("{} {}", p.suppliers.len(), lang.pick("家本地", "local")),
    );
    cell(
        ui,
        RATE_WIDTH,
        p.hhi.map(|h| format!("HHI {h:.2}")).unwrap_or_default(),
    )
    .on_hover_text(format!(
        "{} {} · {} {}",
        lang.pick("可供应企业", "firms that could supply:"),
        p.possible_suppliers,
        lang.pick("本地供应占比", "local share"),
        percent(p.local_share)
    ));
}

/// Widths of a gap line's rank and score.
const RANK_WIDTH: f32 = 24.0;
const SCORE_WIDTH: f32 = 36.0;

/// A right-aligned cell of a fixed width (numbers line up on their last digit).
fn cell_right(ui: &mut egui::Ui, width: f32, text: RichText) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ui.available_height()),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.label(text)
        },
    )
    .inner
}

/// A left-aligned cell of a fixed width.
fn cell(ui: &mut egui::Ui, width: f32, text: String) -> egui::Response {
    left_aligned(ui, width, egui::Label::new(text).truncate())
}

/// `widget` at the left of a column `width` wide (the rest of the column left empty).
fn left_aligned(ui: &mut egui::Ui, width: f32, widget: impl egui::Widget) -> egui::Response {
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

/// The gaps, each with what to do; a click lights up its stage and the firms involved (for a
/// firm at risk: the firm, and in the warning colour what depends on it) and frames them.
fn gap_list_ui(
    ui: &mut egui::Ui,
    project: &Project,
    a: &Analysis,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
    lang: Lang,
) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("{} ({})", lang.pick("缺口", "Gaps"), a.gaps.len())).strong(),
        );
        ui.label(
            RichText::new(lang.pick(
                "按优先级:名次 · 得分 0–100(悬停看构成)",
                "by priority: rank · score 0–100 (hover)",
            ))
            .weak(),
        );
    });
    let height = line_height(ui);
    egui::ScrollArea::vertical()
        .id_salt("gap-list")
        .auto_shrink([false, false])
        .show_rows(ui, height, a.gaps.len(), |ui, range| {
            for g in &a.gaps[range] {
                ui.horizontal(|ui| {
                    ui.set_height(height - 2.0);
                    gap_line(ui, project, g, frame, queue, lang);
                });
            }
        });
}

/// One gap on one line: its rank and score, its action, the message and its 定位 button at the
/// end (the whole message, what to do, and how the score is made, on hover).
fn gap_line(
    ui: &mut egui::Ui,
    project: &Project,
    g: &crate::analysis::Gap,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
    lang: Lang,
) {
    let p = &g.priority;
    let explained = g.priority_explained(&project.meta.unit, lang);
    let rank = cell_right(ui, RANK_WIDTH, RichText::new(format!("{}.", p.rank)).weak());
    let score = cell_right(
        ui,
        SCORE_WIDTH,
        RichText::new(format!("{:.1}", p.score))
            .monospace()
            .strong(),
    );
    rank.union(score).on_hover_text(&explained);
    chip(ui, gap_colour(g.class), g.class.action(lang));
    let reference = g.origin == GapOrigin::Reference;
    let message = g.message(lang);
    // 定位 at the right edge, the message (cut to fit) in the room left of it.
    let (located, resp) = ui
        .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let located = locate_button(ui, lang);
            if reference {
                ui.label(RichText::new(lang.pick("参考", "ref.")).weak().small())
                    .on_hover_text(lang.pick(
                        "由参考产业链(全景图)对照得出",
                        "found by the comparison with the reference chain",
                    ));
            }
            let resp = ui
                .with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Button::selectable(false, message).truncate())
                })
                .inner;
            (located, resp)
        })
        .inner;
    let resp = resp.on_hover_text(format!("{message}\n{}\n\n{explained}", g.advice(lang)));
    if located || resp.clicked() {
        let mut h = Highlight::default();
        if let Some(s) = &g.stage {
            h.stages.insert(s.clone());
        }
        // A firm at risk is what the gap is about; what depends on it is lit as what breaks.
        let main = (g.class == GapClass::AtRisk)
            .then(|| g.nodes.first())
            .flatten();
        if main.is_some() {
            h.danger.extend(g.nodes.iter().skip(1).cloned());
            h.nodes.extend(g.nodes.iter().take(1).cloned());
        } else {
            h.nodes.extend(g.nodes.iter().cloned());
        }
        locate(project, frame, queue, h, main, g.stage.as_ref());
    }
}
