//! The import dialog: pick a stages, an enterprises and a links table (CSV or Excel; through the
//! file dialog, or dropped on the window), check the column mapping the headers suggested,
//! preview the rows with their problems (`preview`), then merge all of it into the project as
//! one undoable step. Esc closes it when it is the innermost dialog.

mod listing;
mod matches;
mod preview;
mod quality;

use crate::document::Document;
use crate::edit::Edit;
use crate::file::import::{
    ImportOptions, ImportPlan, ImportSource, TableKind, guess_kind, plan_import, read_for,
    read_located,
};
use crate::i18n::Lang;
use crate::ui::theme;
use egui::RichText;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
    /// The last file read: the file dialog starts in its folder.
    last_path: Option<PathBuf>,
}

/// What the dialog asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    None,
    /// Pick a file for this table.
    Choose(TableKind),
    /// Ask where to write the import template.
    SaveTemplate,
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

    /// Reads a file as the given table (from the file dialog, or a test): in a workbook, the
    /// sheet named for the table (the template's), else the first.
    pub fn load(&mut self, kind: TableKind, path: &Path, lang: Lang) {
        self.load_sheet(kind, path, None, lang);
    }

    /// The file read last, if any.
    pub fn last_path(&self) -> Option<&Path> {
        self.last_path.as_deref()
    }

    /// Reads one sheet of a workbook (the one named for the table, else the first, when none).
    pub fn load_sheet(&mut self, kind: TableKind, path: &Path, sheet: Option<&str>, lang: Lang) {
        match read_for(kind, path, sheet) {
            Ok(table) => {
                self.sources
                    .insert(kind, ImportSource::guessed(kind, table));
                self.paths.insert(kind, path.to_owned());
                self.last_path = Some(path.to_owned());
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

    /// Files dropped on the window while the dialog is open: a workbook with sheets named for
    /// the tables (the template) fills each of them; any other file is read as the table its
    /// headers look like.
    pub fn take_dropped(&mut self, paths: &[PathBuf], lang: Lang) {
        for path in paths {
            let table = match read_located(path, None) {
                Ok(table) => table,
                Err(issue) => {
                    self.error = Some(issue.text(lang));
                    continue;
                }
            };
            let named: Vec<(TableKind, String)> = TableKind::ALL
                .into_iter()
                .filter_map(|k| k.sheet_among(&table.sheets).map(|s| (k, s.to_owned())))
                .collect();
            if named.is_empty() {
                self.load(guess_kind(&table.headers), path, lang);
            }
            for (kind, sheet) in named {
                self.load_sheet(kind, path, Some(&sheet), lang);
            }
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context, doc: &Document, lang: Lang) -> Request {
        if !self.open {
            return Request::None;
        }
        // Esc is for a field being typed into first (it leaves the field).
        let escape =
            ctx.input(|i| i.key_pressed(egui::Key::Escape)) && !ctx.egui_wants_keyboard_input();
        let mut request = Request::None;
        let screen = ctx.content_rect();
        let modal = egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
            ui.set_width((screen.width() - 80.0).clamp(480.0, 1100.0));
            // The preview scrolls; the dialog never grows past the window.
            ui.set_max_height(screen.height() - 60.0);
            ui.horizontal(|ui| {
                ui.heading(lang.pick("导入表格", "Import spreadsheets"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(lang.pick("导出导入模板…", "Save a template…"))
                        .on_hover_text(lang.pick(
                            "一个空白的 Excel 工作簿,表头与本对话框能识别的一致,附各列说明",
                            "An empty Excel workbook headed as this dialog reads it, with notes on each column",
                        ))
                        .clicked()
                    {
                        request = Request::SaveTemplate;
                    }
                });
            });
            ui.label(
                RichText::new(lang.pick(
                    "CSV(UTF-8 或 GBK)或 Excel,也可直接把文件拖到窗口上。按编号、否则按名称更新已有的环节、企业和连线,其余新增;整个导入可一步撤销。",
                    "CSV (UTF-8 or GBK) or Excel; files can be dropped on the window too. Rows update what the project has (by id, else by name) and add the rest; the whole import is one undo step.",
                ))
                .small()
                .color(ui.visuals().weak_text_color()),
            );
            ui.add_space(6.0);
            if let Some(kind) = self.files_ui(ui, lang) {
                request = Request::Choose(kind);
            }
            ui.horizontal(|ui| {
                let label = ui.label(lang.pick("数据年份", "Year of the figures")).id;
                if ui
                    .add(egui::DragValue::new(&mut self.year).range(1900..=2200))
                    .labelled_by(label)
                    .changed()
                {
                    self.plan = None;
                }
                ui.weak(lang.pick(
                    "(用于表头和标题中没有年份、也没有年份列的数字)",
                    "(for figures whose header, title and row name no year)",
                ));
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
            if let Some(import) = self.footer_ui(ui, doc, lang) {
                request = import;
            }
        });
        // Only the innermost dialog closes: not while the file browser (a modal above this one)
        // or a drop-down is open.
        if escape && modal.is_top_modal && !modal.any_popup_open {
            self.open = false;
        }
        request
    }

    /// A row per table: the file read, its choose button, its sheet, and Remove. Returns the
    /// table whose choose button was clicked.
    fn files_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<TableKind> {
        let mut chosen_kind = None;
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
                            // Where the header was found, when not on the first row.
                            let header = match s.table.header_rows.as_slice() {
                                [1] | [] => String::new(),
                                [one] => {
                                    format!(" · {} {one}", lang.pick("表头在第", "header on row"))
                                }
                                [first, .., last] => format!(
                                    " · {} {first}–{last}",
                                    lang.pick("表头在第", "header on rows")
                                ),
                            };
                            let header = match lang {
                                Lang::Zh if !header.is_empty() => format!("{header} 行"),
                                _ => header,
                            };
                            ui.label(format!(
                                "{} · {} {}{encoding}{header}",
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
                        chosen_kind = Some(kind);
                    }
                    ui.horizontal(|ui| self.sheet_ui(ui, kind, lang));
                    ui.end_row();
                }
            });
        chosen_kind
    }

    /// The sheet chooser of a workbook with several sheets, and Remove.
    fn sheet_ui(&mut self, ui: &mut egui::Ui, kind: TableKind, lang: Lang) {
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
                && let (Some(sheet), Some(path)) = (chosen, self.paths.get(&kind).cloned())
            {
                self.load_sheet(kind, &path, Some(&sheet), lang);
            }
        }
        if self.sources.contains_key(&kind) && ui.button(lang.pick("移除", "Remove")).clicked() {
            self.sources.remove(&kind);
            self.plan = None;
            if self.shown == Some(kind) {
                self.shown = self.sources.keys().next().copied();
            }
        }
    }

    /// The problems, what the import would do, and Import / Cancel.
    fn footer_ui(&mut self, ui: &mut egui::Ui, doc: &Document, lang: Lang) -> Option<Request> {
        let plan = self.refresh(doc).clone();
        preview::problems_ui(ui, &plan, lang);
        matches::review_ui(ui, &plan, lang);
        let ok = !plan.has_errors();
        ui.label(RichText::new(summary(&plan, lang)).strong());
        if !plan.new_stages.is_empty() {
            ui.label(format!(
                "{}{}",
                lang.pick(
                    "新建环节(企业表中有、产业链中没有):",
                    "New stages (named by firms, not in the chain): "
                ),
                plan.new_stages.join(lang.pick("、", ", "))
            ));
        }
        let mut request = None;
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
                request = Some(Request::Import(Box::new(edit), summary(&plan, lang)));
                self.open = false;
            }
            if ui.button(lang.pick("取消", "Cancel")).clicked() {
                self.open = false;
            }
        });
        request
    }
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
