//! The import dialog: pick a stages, an enterprises and a links table (CSV or Excel), check the
//! column mapping the headers suggested, preview the rows with their problems, then merge all
//! of it into the project as one undoable step.

use crate::document::Document;
use crate::edit::Edit;
use crate::file::import::{ImportOptions, ImportPlan, ImportSource, TableKind, plan_import};
use crate::file::table::read_table;
use crate::i18n::Lang;
use crate::model::Severity;
use crate::ui::theme;
use egui::RichText;
use std::collections::BTreeMap;
use std::path::Path;

/// Rows shown in the preview; the problems list covers every row.
const PREVIEW_ROWS: usize = 40;

/// The dialog's state while it is open.
#[derive(Debug, Default)]
pub struct ImportDialog {
    pub open: bool,
    sources: BTreeMap<TableKind, ImportSource>,
    /// Where each table was read from (a workbook's other sheets are read from there).
    paths: BTreeMap<TableKind, std::path::PathBuf>,
    year: i32,
    /// The table the preview shows.
    shown: Option<TableKind>,
    /// Worked out again whenever a table, the mapping, the year or the project changes (the
    /// key is the project's (document, revision)).
    plan: Option<ImportPlan>,
    plan_key: Option<(u64, u64)>,
    /// A file that could not be read.
    error: Option<String>,
}

/// What the dialog asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    None,
    /// Pick a file for this table.
    Choose(TableKind),
    /// Apply this edit (the import) and close.
    Import(Box<Edit>, String),
}

impl ImportDialog {
    /// Opens the dialog, empty, with the project's year.
    pub fn show_dialog(&mut self, doc: &Document) {
        *self = ImportDialog {
            open: true,
            year: doc
                .project
                .meta
                .base_year
                .unwrap_or_else(crate::file::import::last_full_year),
            ..ImportDialog::default()
        };
    }

    /// Reads a file as the given table (from the file dialog, or a test).
    pub fn load(&mut self, kind: TableKind, path: &Path, lang: Lang) {
        self.load_sheet(kind, path, None, lang);
    }

    /// Reads one sheet of a workbook (the first when none).
    pub fn load_sheet(&mut self, kind: TableKind, path: &Path, sheet: Option<&str>, lang: Lang) {
        match read_table(path, sheet) {
            Ok(table) => {
                self.sources
                    .insert(kind, ImportSource::guessed(kind, table));
                self.paths.insert(kind, path.to_owned());
                self.shown = Some(kind);
                self.error = None;
            }
            Err(issue) => self.error = Some(issue.text(lang)),
        }
        if let Some(e) = &self.error {
            log::warn!("import: {e}");
        }
        self.plan = None;
    }

    fn refresh(&mut self, doc: &Document) -> &ImportPlan {
        let key = Some((doc.id(), doc.revision()));
        if self.plan_key != key {
            self.plan = None;
            self.plan_key = key;
        }
        let sources: Vec<ImportSource> = self.sources.values().cloned().collect();
        let year = self.year;
        self.plan.get_or_insert_with(|| {
            let plan = plan_import(
                &doc.project,
                &sources,
                &ImportOptions {
                    year: Some(year),
                    chain: None,
                },
            );
            crate::logging::warn_import_problems(&plan.problems);
            plan
        })
    }

    pub fn ui(&mut self, ctx: &egui::Context, doc: &Document, lang: Lang) -> Request {
        if !self.open {
            return Request::None;
        }
        let mut request = Request::None;
        let screen = ctx.content_rect();
        egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
            ui.set_width((screen.width() - 80.0).clamp(480.0, 1100.0));
            ui.heading(lang.pick("导入表格", "Import spreadsheets"));
            ui.label(
                RichText::new(lang.pick(
                    "CSV(UTF-8 或 GBK)或 Excel。按编号、否则按名称更新已有的环节、企业和连线,其余新增;整个导入可一步撤销。",
                    "CSV (UTF-8 or GBK) or Excel. Rows update what the project has (by id, else by name) and add the rest; the whole import is one undo step.",
                ))
                .small()
                .color(ui.visuals().weak_text_color()),
            );
            ui.add_space(6.0);
            egui::Grid::new("import-files")
                .num_columns(4)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for kind in TableKind::ALL {
                        ui.label(RichText::new(kind.label(lang)).strong());
                        match self.sources.get(&kind) {
                            Some(s) => {
                                let encoding = s
                                    .table
                                    .encoding
                                    .map(|e| format!(" · {}", e.label()))
                                    .unwrap_or_default();
                                ui.label(format!(
                                    "{} · {} {}{encoding}",
                                    s.table.name,
                                    s.table.rows.len(),
                                    lang.pick("行", "rows")
                                ));
                            }
                            None => {
                                ui.weak(lang.pick("(未选择)", "(none)"));
                            }
                        }
                        let choose = match kind {
                            TableKind::Stages => lang.pick("选择环节表…", "Choose stages…"),
                            TableKind::Nodes => lang.pick("选择企业表…", "Choose enterprises…"),
                            TableKind::Links => lang.pick("选择供应关系表…", "Choose links…"),
                        };
                        if ui.button(choose).clicked() {
                            request = Request::Choose(kind);
                        }
                        ui.horizontal(|ui| {
                            let sheets = self
                                .sources
                                .get(&kind)
                                .map(|s| (s.table.sheets.clone(), s.table.sheet.clone()))
                                .filter(|(all, _)| all.len() > 1);
                            if let Some((all, current)) = sheets {
                                let mut chosen = current.clone();
                                let label = ui.label(lang.pick("工作表", "Sheet")).id;
                                egui::ComboBox::from_id_salt(("import-sheet", kind))
                                    .selected_text(current.clone().unwrap_or_default())
                                    .show_ui(ui, |ui| {
                                        for name in &all {
                                            ui.selectable_value(&mut chosen, Some(name.clone()), name);
                                        }
                                    })
                                    .response
                                    .labelled_by(label);
                                if chosen != current
                                    && let (Some(sheet), Some(path)) =
                                        (chosen, self.paths.get(&kind).cloned())
                                {
                                    self.load_sheet(kind, &path, Some(&sheet), lang);
                                }
                            }
                            if self.sources.contains_key(&kind)
                                && ui.button(lang.pick("移除", "Remove")).clicked()
                            {
                                self.sources.remove(&kind);
                                self.plan = None;
                                if self.shown == Some(kind) {
                                    self.shown = self.sources.keys().next().copied();
                                }
                            }
                        });
                        ui.end_row();
                    }
                });
            ui.horizontal(|ui| {
                let label = ui.label(lang.pick("数据年份", "Year of the figures")).id;
                if ui
                    .add(egui::DragValue::new(&mut self.year).range(1900..=2200))
                    .labelled_by(label)
                    .changed()
                {
                    self.plan = None;
                }
            });
            if let Some(e) = &self.error {
                ui.colored_label(theme::ERROR, e);
            }
            if self.sources.is_empty() {
                ui.add_space(8.0);
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    self.open = false;
                }
                return;
            }
            ui.separator();
            self.preview_ui(ui, doc, lang);
            ui.separator();
            let plan = self.refresh(doc).clone();
            problems_ui(ui, &plan, lang);
            let ok = !plan.has_errors();
            ui.label(RichText::new(summary(&plan, lang)).strong());
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(ok, egui::Button::new(lang.pick("导入", "Import")))
                    .on_disabled_hover_text(lang.pick(
                        "先改正上面的错误:有错误时什么都不导入",
                        "Fix the errors above first: with errors, nothing is imported",
                    ))
                    .clicked()
                {
                    let edit = Edit::Import {
                        chains: plan.chains.clone(),
                        nodes: plan.nodes.clone(),
                        links: plan.links.clone(),
                    };
                    request = Request::Import(Box::new(edit), summary(&plan, lang));
                    self.open = false;
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    self.open = false;
                }
            });
        });
        request
    }

    /// Tabs for the loaded tables; the shown one with a field chooser over each column and its
    /// first rows, rows with problems marked.
    fn preview_ui(&mut self, ui: &mut egui::Ui, doc: &Document, lang: Lang) {
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
                                    for field in kind.fields() {
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
        if let Some(c) = changed {
            // Each field is filled by one column at most: the newest choice wins.
            if let Some(field) = source.mapping.columns[c] {
                for (other, mapped) in source.mapping.columns.iter_mut().enumerate() {
                    if other != c && *mapped == Some(field) {
                        *mapped = None;
                    }
                }
            }
            self.plan = None;
        }
    }
}

fn problems_ui(ui: &mut egui::Ui, plan: &ImportPlan, lang: Lang) {
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

/// "Adds 14 stages, 39 nodes (0 updated), 68 links …".
pub fn summary(plan: &ImportPlan, lang: Lang) -> String {
    let s = plan.summary;
    match lang {
        Lang::Zh => format!(
            "新增 {} 个环节、{} 个节点、{} 条连线;更新 {} 个环节、{} 个节点、{} 条连线(其中新建园区 {}、镇 {})",
            s.stages_added,
            s.nodes_added + s.parks_added + s.towns_added,
            s.links_added,
            s.stages_updated,
            s.nodes_updated,
            s.links_updated,
            s.parks_added,
            s.towns_added
        ),
        Lang::En => format!(
            "Adds {} stages, {} nodes, {} links; updates {} stages, {} nodes, {} links ({} parks and {} towns created)",
            s.stages_added,
            s.nodes_added + s.parks_added + s.towns_added,
            s.links_added,
            s.stages_updated,
            s.nodes_updated,
            s.links_updated,
            s.parks_added,
            s.towns_added
        ),
    }
}
