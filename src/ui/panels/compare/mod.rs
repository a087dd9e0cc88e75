//! The Compare tab (issue 22): pick the two versions (the base, a scenario, another project
//! file), see the figures side by side with the change (本地配套率, 环节覆盖率, gaps …, per stage,
//! gaps closed and opened, 链主 ranks, 亩均 classes, towns, each agreement's parts) and the list
//! of what was added, removed and changed; the canvas marks the differences while asked to.

mod changes;
mod figures;

use crate::i18n::Lang;
use crate::ui::compare::{CompareState, Version};
use crate::ui::context::ViewCtx;
use crate::ui::state::Queue;

/// Draws the tab.
pub fn compare_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    compare: &mut CompareState,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let mut open_file = false;
    pickers_ui(ui, cx, compare, &mut open_file);
    if open_file {
        queue
            .commands
            .push(crate::ui::command::AppCommand::CompareWithFile);
    }
    ui.separator();
    let result = match compare.result(cx.doc, lang) {
        Ok(r) => r,
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return;
        }
    };
    if result.changes.is_empty() {
        ui.weak(match lang {
            Lang::Zh => format!("“{}”与“{}”相同", result.before, result.after),
            Lang::En => format!(
                "\"{}\" and \"{}\" are the same",
                result.before, result.after
            ),
        });
        if cx.doc.scenarios().is_empty() {
            ui.weak(lang.pick(
                "先用工具栏的“方案”或“方案 → 新建方案…”在现状之上做一组修改,再来对比。",
                "Make a scenario first (the toolbar's Scenario switch, or Scenarios → New Scenario…), then compare.",
            ));
        }
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("compare-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                figures::figures_ui(&mut columns[0], &result, lang);
                changes::changes_ui(&mut columns[1], cx, &result, queue);
            });
        });
}

/// "Before [▾] → After [▾]", a file to compare with, swap, and marking on the canvas.
fn pickers_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    compare: &mut CompareState,
    open_file: &mut bool,
) {
    let lang = cx.lang;
    let doc = cx.doc;
    let mut versions = vec![Version::Base];
    versions.extend(
        doc.scenarios()
            .keys()
            .map(|id| Version::Scenario(id.clone())),
    );
    let files: Vec<Version> = compare.files().cloned().map(Version::File).collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.pick("对比", "Compare"));
        let before = compare.before.name(doc, lang);
        egui::ComboBox::from_id_salt("compare-before")
            .selected_text(before)
            .width(150.0)
            .truncate()
            .show_ui(ui, |ui| {
                for v in versions.iter().chain(&files) {
                    let name = v.name(doc, lang);
                    ui.selectable_value(&mut compare.before, v.clone(), name);
                }
            });
        ui.label("→");
        let shown = Version::shown(doc);
        let after_text = match &compare.after {
            None => format!("{}{}", shown.name(doc, lang), lang.pick("(画布)", " (canvas)")),
            Some(v) => v.name(doc, lang),
        };
        egui::ComboBox::from_id_salt("compare-after")
            .selected_text(after_text)
            .width(170.0)
            .truncate()
            .show_ui(ui, |ui| {
                let canvas = match lang {
                    Lang::Zh => format!("画布上显示的({})", shown.name(doc, lang)),
                    Lang::En => format!("What the canvas shows ({})", shown.name(doc, lang)),
                };
                ui.selectable_value(&mut compare.after, None, canvas);
                for v in versions.iter().chain(&files) {
                    let name = v.name(doc, lang);
                    ui.selectable_value(&mut compare.after, Some(v.clone()), name);
                }
            });
        if ui
            .button(lang.pick("与文件对比…", "Compare with File…"))
            .on_hover_text(lang.pick(
                "选择另一个项目文件(如同事的副本或去年的版本)作为对比的“前”",
                "Pick another project file (a colleague's copy, last year's version) as the \"before\" side",
            ))
            .clicked()
        {
            *open_file = true;
        }
        let marks_possible = compare.after(doc) == shown;
        ui.add_enabled(
            marks_possible,
            egui::Checkbox::new(&mut compare.on_canvas, lang.pick("在画布上标出差异", "Mark on canvas")),
        )
        .on_disabled_hover_text(lang.pick(
            "画布只显示正在编辑的版本:把“后”设为画布上显示的版本才能标出",
            "The canvas shows the version being edited: make it the \"after\" side to mark the differences",
        ));
    });
}
