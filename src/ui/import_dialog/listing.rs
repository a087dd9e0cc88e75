//! What the import dialog says it will not read: the shown table's columns not imported and
//! rows skipped (titles, 合计, notes), each with why; and the year and unit each imported
//! column's header carries, under its field chooser.

use crate::file::import::{ColumnUse, ImportPlan, column_letter};
use crate::i18n::Lang;
use egui::RichText;

/// `2023 · 元→万元`, `亿元→万元`, `万元?` (no unit given: the project's taken).
pub(super) fn decor_text(column: &ColumnUse, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(year) = column.year {
        parts.push(year.to_string());
    }
    if let Some((from, to)) = &column.conversion {
        parts.push(format!("{from}→{to}"));
    }
    if column.unit_assumed {
        parts.push(lang.pick("未注明单位", "no unit given").to_owned());
    }
    parts.join(" · ")
}

/// The shown table's columns not imported and rows skipped, with why; nothing when there are
/// none.
pub(super) fn left_out_ui(
    ui: &mut egui::Ui,
    plan: &ImportPlan,
    source: usize,
    headers: &[String],
    lang: Lang,
) {
    let columns: Vec<String> = plan
        .ignored_columns
        .iter()
        .filter(|c| c.source == source)
        .map(|c| {
            format!(
                "{} “{}”({})",
                column_letter(c.column),
                c.header,
                c.reason.text(headers, lang)
            )
        })
        .collect();
    let rows: Vec<String> = plan
        .skipped_rows
        .iter()
        .filter(|r| r.source == source)
        .map(|r| match lang {
            Lang::Zh => format!("第 {} 行({}):{}", r.row, r.reason.label(lang), r.text),
            Lang::En => format!("row {} ({}): {}", r.row, r.reason.label(lang), r.text),
        })
        .collect();
    if columns.is_empty() && rows.is_empty() {
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("import-left-out")
        .max_height(96.0)
        .show(ui, |ui| {
            if !columns.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(lang.pick("未导入的列:", "Columns not imported:")).strong(),
                    );
                    ui.label(columns.join(lang.pick(";", "; ")));
                });
            }
            if !rows.is_empty() {
                ui.label(RichText::new(lang.pick("跳过的行:", "Rows skipped:")).strong());
                for row in rows {
                    ui.add(egui::Label::new(row).truncate());
                }
            }
        });
}
