//! The analysis panel: a tab bar over gaps (by stage and product), chain leaders with the parts
//! of their score, risks (articulation points, bridges, stray components), land efficiency
//! (table and a bar chart with the class thresholds), the impact of a firm leaving, and the
//! agreement tabs. A click on a row (or its 定位 button) lights up what it is about on the
//! canvas, through the queue's actions like every other change of what is on show, and brings it
//! into view at a zoom where the names can be read.

mod gaps;
mod impact;
mod indicators;
mod land;
mod land_chart;
mod leaders;
mod risks;
mod territory;
mod weights;

use crate::i18n::Lang;
use crate::model::{NodeId, Project, StageId};
use crate::ui::canvas::by_importance;
use crate::ui::context::ViewCtx;
use crate::ui::state::{AnalysisTab, FrameRequest, Highlight, Queue, UiAction, UiState};
use egui::{Color32, RichText};

/// Height of the analysis panel folded to its summary line (outer size).
pub const SUMMARY_HEIGHT: f32 = 28.0;

/// The analysis panel folded to one line: the headline figures the 缺口 tab opens with (stage
/// coverage, product completeness, local supporting rate) and the number of gaps. A click
/// anywhere on the line (or F9) opens the panel.
pub fn summary_line_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, queue: &mut Queue) {
    let lang = cx.lang;
    let room = ui.available_rect_before_wrap();
    let line = ui.interact(
        room,
        ui.scope_id().with("summary-line"),
        egui::Sense::click(),
    );
    let open_label = lang.pick("展开分析面板", "Open the analysis panel");
    line.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, open_label));
    if line.hovered() {
        ui.painter()
            .rect_filled(room, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let key = crate::ui::command::AppCommand::ToggleAnalysis
        .shortcut()
        .map(|k| crate::ui::command::keys::shortcut_text(ui.ctx(), &k))
        .unwrap_or_default();
    ui.scope_builder(egui::UiBuilder::new().max_rect(room), |ui| {
        ui.style_mut().interaction.selectable_labels = false;
        ui.horizontal_centered(|ui| {
            ui.label(RichText::new(format!("▲ {}", lang.pick("分析", "Analysis"))).strong());
            ui.separator();
            match cx.analysis() {
                Some(a) => {
                    let gaps = match lang {
                        Lang::Zh => format!("缺口 {} 处", a.gaps.len()),
                        Lang::En => format!("{} gaps", a.gaps.len()),
                    };
                    ui.add(
                        egui::Label::new(format!("{} · {gaps}", capitalised(&a.headline(lang))))
                            .truncate(),
                    );
                }
                None => {
                    ui.weak(lang.pick("正在计算…", "computing…"));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(format!(
                    "{} ({key})",
                    lang.pick("点击展开", "click to open")
                ));
            });
        });
    });
    if line.on_hover_text(open_label).clicked() {
        queue
            .commands
            .push(crate::ui::command::AppCommand::ToggleAnalysis);
    }
}

/// `text` begun with a capital (the CLI's headline is lower case in English).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Draws the analysis panel.
pub fn analysis_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    state: &mut UiState,
    panels: &mut super::Panels,
    queue: &mut Queue,
) {
    tab_bar(ui, cx, state, queue);
    ui.separator();
    // The agreement tabs need no analysis.
    match state.analysis_tab {
        AnalysisTab::Sharing => {
            return panels.agreements.sharing_ui(ui, cx, state, queue);
        }
        AnalysisTab::Fairness => return panels.agreements.fairness_ui(ui, cx, state, queue),
        AnalysisTab::Targets => return panels.targets.ui(ui, cx, queue),
        AnalysisTab::Compare => {
            return super::compare::compare_ui(ui, cx, &mut panels.compare, queue);
        }
        _ => {}
    }
    let Some(a) = cx.analysis() else {
        ui.weak(cx.lang.pick("正在计算…", "computing…"));
        return;
    };
    // The Gaps tab scrolls its two lists itself, drawing only the lines in view.
    if state.analysis_tab == AnalysisTab::Gaps {
        return gaps::gaps_ui(ui, cx, a, state, queue);
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match state.analysis_tab {
            AnalysisTab::Gaps => {}
            AnalysisTab::Leaders => leaders::leaders_ui(ui, cx, a, state, queue),
            AnalysisTab::Risks => risks::risks_ui(ui, cx, a, &mut state.frame_request, queue),
            AnalysisTab::Land => land::land_ui(ui, cx, a, &mut state.frame_request, queue),
            AnalysisTab::Indicators => {
                indicators::indicators_ui(ui, cx, a, &mut state.indicator_row)
            }
            AnalysisTab::Impact => impact::impact_ui(ui, cx, state, queue),
            AnalysisTab::Territory => territory::territory_ui(ui, cx, a, queue),
            AnalysisTab::Sharing
            | AnalysisTab::Fairness
            | AnalysisTab::Targets
            | AnalysisTab::Compare => {}
        });
}

/// The heading, the tabs, the colouring, "clear highlight" and the busy spinner.
fn tab_bar(ui: &mut egui::Ui, cx: &ViewCtx<'_>, state: &mut UiState, queue: &mut Queue) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        ui.heading(lang.pick("分析", "Analysis"));
        for (tab, label) in [
            (AnalysisTab::Gaps, lang.pick("缺口", "Gaps")),
            (AnalysisTab::Leaders, lang.pick("链主", "Leaders")),
            (AnalysisTab::Risks, lang.pick("风险", "Risks")),
            (AnalysisTab::Land, lang.pick("亩均效益", "Land")),
            (AnalysisTab::Indicators, lang.pick("指标", "Indicators")),
            (AnalysisTab::Impact, lang.pick("影响", "Impact")),
            (AnalysisTab::Territory, lang.pick("空间", "Territory")),
            (AnalysisTab::Targets, lang.pick("招商", "Targets")),
            (AnalysisTab::Sharing, lang.pick("协议分成", "Sharing")),
            (AnalysisTab::Fairness, lang.pick("公平分成", "Fair split")),
            (AnalysisTab::Compare, lang.pick("对比", "Compare")),
        ] {
            ui.selectable_value(&mut state.analysis_tab, tab, label);
        }
        ui.separator();
        super::views::colouring_combo(ui, state, "colour-by");
        if state.highlight.is_some()
            && ui
                .button(lang.pick("清除突出显示", "Clear highlight"))
                .clicked()
        {
            queue.actions.push(UiAction::Highlight(None));
        }
        if cx.derived.analysis_busy() {
            ui.spinner();
            ui.weak(lang.pick("正在计算…", "computing…"));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let key = crate::ui::command::AppCommand::ToggleAnalysis
                .shortcut()
                .map(|k| crate::ui::command::keys::shortcut_text(ui.ctx(), &k))
                .unwrap_or_default();
            let hint = format!(
                "{} ({key})",
                lang.pick("收起为一行概要", "Fold to one summary line")
            );
            let label = lang.pick("收起分析面板", "Close the analysis panel");
            if super::strip::fold_button(ui, "↓", &hint, label) {
                queue
                    .commands
                    .push(crate::ui::command::AppCommand::ToggleAnalysis);
            }
        });
    });
}

/// A small coloured tag with text, like a chip.
fn chip(ui: &mut egui::Ui, colour: Color32, text: &str) {
    egui::Frame::new()
        .fill(colour)
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(Color32::WHITE).small());
        });
}

/// Lights up `highlight` and brings what it is about into view: `main` (the item the row is
/// about, if it has one) in the middle when not everything fits, then the rest of the lit nodes
/// by importance; with no node placed, the lane of `stage`.
fn locate(
    project: &Project,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
    highlight: Highlight,
    main: Option<&NodeId>,
    stage: Option<&StageId>,
) {
    let lit: Vec<&NodeId> = highlight
        .nodes
        .iter()
        .chain(&highlight.danger)
        .filter(|id| Some(*id) != main)
        .collect();
    let mut nodes: Vec<NodeId> = main.into_iter().cloned().collect();
    nodes.extend(by_importance(project, lit));
    *frame = Some(FrameRequest {
        nodes,
        stage: stage.cloned(),
    });
    queue.actions.push(UiAction::Highlight(Some(highlight)));
}

/// The "定位" button at the end of a row; true when clicked.
fn locate_button(ui: &mut egui::Ui, lang: Lang) -> bool {
    ui.small_button(lang.pick("定位", "Locate"))
        .on_hover_text(lang.pick(
            "在画布上突出显示并移到视图中,名称清晰可读",
            "Light it up on the canvas and bring it into view, names readable",
        ))
        .clicked()
}
