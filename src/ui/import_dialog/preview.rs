//! The import dialog's lower half: tabs for the loaded tables, the column mapping over the shown
//! table's first rows (rows with problems marked), and the list of every problem.

use super::{ImportDialog, PREVIEW_ROWS};
use crate::document::Document;
use crate::file::import::{ImportPlan, TableKind};
use crate::i18n::Lang;
use crate::model::Severity;
use crate::ui::theme;
use std::collections::BTreeMap;

impl ImportDialog {
    /// Tabs for the loaded tables; the shown one with a field chooser over each column and its
    /// first rows, rows with problems marked.
    pub(super) fn preview_ui(&mut self, ui: &mut egui::Ui, doc: &Document, lang: Lang) {
        ui.horizontal(|ui| {
            ui.label(lang.pick("列对应与预览:", "Columns and preview:"));
            let tabs: Vec<(TableKind, String)> = self
                .sources
                .iter()
                .map(|(k, s)| (*k, s.table.name.clone()))
                .collect();
            for (kind, name) in tabs {
                if ui
                    .selectable_label(self.shown == Some(kind), name)
                    .on_hover_text(kind.label(lang))
                    .clicked()
                {
                    self.shown = Some(kind);
                }
            }
        });
        let Some(kind) = self.shown.filter(|k| self.sources.contains_key(k)) else {
            return;
        };
        // Problems of the shown table, by row.
        let index = self.sources.keys().position(|k| *k == kind).unwrap_or(0);
        let plan = self.refresh(doc).clone();
        let mut by_row: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for p in plan.problems.iter().filter(|p| p.source == index) {
            if let Some(row) = p.row {
                by_row.entry(row).or_default().push(p.issue.text(lang));
            }
        }
        let Some(source) = self.sources.get_mut(&kind) else {
            return;
        };
        let mut changed: Option<usize> = None;
        egui::ScrollArea::both()
            .max_height(280.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                egui::Grid::new(("import-preview", kind))
                    .striped(true)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        ui.strong(lang.pick("行", "Row"));
                        let header_ids: Vec<egui::Id> = source
                            .table
                            .headers
                            .iter()
                            .map(|header| ui.strong(header).id)
                            .collect();
                        ui.end_row();
                        ui.weak(lang.pick("导入为", "import as"));
                        let fields = source.fields();
                        for (c, mapped) in source.mapping.columns.iter_mut().enumerate() {
                            let none = lang.pick("(不导入)", "(skip)");
                            let text = mapped.map(|f| f.label(lang)).unwrap_or(none);
                            let header = source.table.headers.get(c).cloned().unwrap_or_default();
                            egui::ComboBox::from_id_salt(("import-map", kind, c))
                                .selected_text(text)
                                .show_ui(ui, |ui| {
                                    if ui.selectable_value(mapped, None, none).changed() {
                                        changed = Some(c);
                                    }
                                    for field in fields {
                                        if ui
                                            .selectable_value(
                                                mapped,
                                                Some(*field),
                                                field.label(lang),
                                            )
                                            .changed()
                                        {
                                            changed = Some(c);
                                        }
                                    }
                                })
                                .response
                                .labelled_by(header_ids[c])
                                .on_hover_text(format!("{} “{header}”", lang.pick("列", "column")));
                        }
                        ui.end_row();
                        // What each header says besides its field: the year and unit.
                        ui.weak(lang.pick("年份·单位", "year · unit"));
                        for c in 0..source.table.headers.len() {
                            let text = plan
                                .columns
                                .iter()
                                .find(|u| u.source == index && u.column == c)
                                .map(|u| super::listing::decor_text(u, lang))
                                .unwrap_or_default();
                            ui.weak(text);
                        }
                        ui.end_row();
                        for row in source.table.rows.iter().take(PREVIEW_ROWS) {
                            match by_row.get(&row.number) {
                                Some(problems) => {
                                    ui.colored_label(theme::ERROR, format!("⚠ {}", row.number))
                                        .on_hover_text(problems.join("\n"));
                                }
                                None => {
                                    ui.label(row.number.to_string());
                                }
                            }
                            for c in 0..source.table.headers.len() {
                                ui.label(row.cell(c));
                            }
                            ui.end_row();
                        }
                    });
            });
        if source.table.rows.len() > PREVIEW_ROWS {
            ui.weak(format!(
                "{} {} {}",
                lang.pick("仅显示前", "showing the first"),
                PREVIEW_ROWS,
                lang.pick("行", "rows")
            ));
        }
        super::listing::left_out_ui(ui, &plan, index, &source.table.headers, lang);
        if let Some(c) = changed {
            // Each field (each year's, for figures) is filled by one column at most: the
            // newest choice wins; a survey's repeated fields (supplier 1, 2 …) excepted.
            let field = source.mapping.columns[c];
            if !field.is_some_and(|f| source.repeats(f)) {
                source.mapping.assign(c, field);
            }
            self.plan = None;
        }
    }
}

pub(super) fn problems_ui(ui: &mut egui::Ui, plan: &ImportPlan, lang: Lang) {
    if plan.problems.is_empty() {
        ui.colored_label(
            egui::Color32::from_rgb(40, 130, 70),
            lang.pick("✓ 没有发现问题", "✓ No problems found"),
        );
        return;
    }
    let errors = plan
        .problems
        .iter()
        .filter(|p| p.issue.severity == Severity::Error)
        .count();
    ui.label(format!(
        "{} {errors} · {} {}",
        lang.pick("错误", "errors"),
        lang.pick("警告", "warnings"),
        plan.problems.len() - errors
    ));
    egui::ScrollArea::vertical()
        .id_salt("import-problems")
        .max_height(120.0)
        .show(ui, |ui| {
            for p in &plan.problems {
                let colour = if p.issue.severity == Severity::Error {
                    theme::ERROR
                } else {
                    theme::WARNING
                };
                ui.colored_label(colour, p.issue.text(lang));
            }
        });
}
