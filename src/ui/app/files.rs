//! New, open and save, the questions they ask (save changes? a file that failed to open), the
//! project dialog's answers, where a first save starts, the import template, the window title,
//! and the bundled sample.

use super::{ChainmapApp, Pending, SETTINGS_KEY};
use crate::document::Document;
use crate::edit::Edit;
use crate::file::{self, BUNDLED_SAMPLE, LoadOptions};
use crate::i18n::Lang;
use crate::model::Project;
use crate::model::meta::Converted;
use crate::ui::file_dialog::Purpose;
use crate::ui::project_dialog;
use crate::ui::state::Settings;
use crate::ui::theme;
use std::path::PathBuf;

impl ChainmapApp {
    /// The window title: project name, file name, and a marker when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let lang = self.ui.lang();
        let file = self
            .doc
            .file_name()
            .unwrap_or_else(|| lang.pick("未保存的项目", "unsaved project").to_owned());
        let marker = if self.doc.is_dirty() { "● " } else { "" };
        let mut name = self.doc.project.meta.name.clone();
        if self.doc.active_scenario().is_some() {
            let scenario = crate::ui::scenarios::Choices::of(&self.doc).active_name(lang);
            name = crate::scenario::titled(&name, &scenario, lang);
        }
        format!(
            "{marker}{name} — {file} — {}",
            lang.pick("串珠", "chainmap")
        )
    }

    /// Opens a file, or shows every problem and keeps the current project.
    pub fn open_path(&mut self, path: PathBuf) {
        match Document::open(&path) {
            Ok(doc) => {
                self.doc = doc;
                self.generation += 1;
                // Nodes without a position (from an import, or written by hand) get a place in
                // their stage's lane; everything placed stays where it is. Undoable.
                let moves = crate::layout::place_new(&self.doc.project);
                if !moves.is_empty() {
                    self.apply_edit(Edit::MoveNodes(moves));
                }
                self.ui.highlight = None;
                self.ui.impact_node = None;
                self.ui.selection.clear();
                self.ui.fit_requested = true;
                self.ui.settings.remember(&path);
                self.issues_revision = None;
                self.derived.clear();
                let lang = self.ui.lang();
                self.ui.info(format!(
                    "{} {}",
                    lang.pick("已打开", "Opened"),
                    path.display()
                ));
            }
            Err(e) => {
                log::warn!("cannot open {}: {e}", path.display());
                self.load_failure = Some((path, e.issues));
            }
        }
    }

    /// Runs `pending` now, or first asks to save unsaved changes.
    pub(super) fn guard(&mut self, pending: Pending) {
        if self.doc.is_dirty() {
            self.confirm = Some(pending);
        } else {
            self.proceed(pending);
        }
    }

    pub(super) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::New(project) => {
                self.doc = Document::new(*project);
                self.generation += 1;
                self.ui.highlight = None;
                self.ui.impact_node = None;
                self.ui.selection.clear();
                self.ui.fit_requested = true;
                self.issues_revision = None;
                self.derived.clear();
            }
            Pending::OpenDialog => self.open_dialog_requested = true,
            Pending::OpenPath(path) => self.open_path(path),
            Pending::Close => self.allow_close = true,
        }
    }
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        let lang = self.ui.lang();
        if self.doc.path.is_none() {
            if self.dialogs.is_open() {
                return; // a dialog is already up; a stale follow-up must not run later
            }
            self.after_save = then;
            let suggested = self.save_suggestion();
            self.dialogs
                .start(ctx, Purpose::SaveAs, Some(suggested), lang);
            return;
        }
        self.save_to(None);
        if let Some(next) = then
            && !self.doc.is_dirty()
        {
            self.proceed(next);
        }
    }

    pub(super) fn save_to(&mut self, path: Option<PathBuf>) {
        let lang = self.ui.lang();
        match self.doc.save(path.as_deref()) {
            Ok(saved) => {
                self.ui.settings.remember(&saved);
                self.ui.info(format!(
                    "{} {}",
                    lang.pick("已保存到", "Saved to"),
                    saved.display()
                ));
            }
            Err(e) => {
                log::warn!("save failed: {e}");
                self.ui.error(format!(
                    "{}: {}",
                    lang.pick("保存失败", "Save failed"),
                    e.message(lang)
                ))
            }
        }
    }

    /// Saves where the Save As dialog said, then does what was waiting for the save.
    pub(super) fn saved_as(&mut self, path: PathBuf) {
        let path = with_extension(path);
        self.save_to(Some(path));
        if let Some(next) = self.after_save.take()
            && !self.doc.is_dirty()
        {
            self.proceed(next);
        }
    }
    pub(super) fn modals(&mut self, ctx: &egui::Context) {
        let lang = self.ui.lang();
        self.recovery_offer_ui(ctx);
        if let Some(pending) = self.confirm.clone() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                ui.set_width(380.0);
                ui.heading(lang.pick("保存修改?", "Save changes?"));
                ui.label(match lang {
                    Lang::Zh => format!(
                        "“{}”有未保存的修改。不保存的话,这些修改会丢失。",
                        self.doc.project.meta.name
                    ),
                    Lang::En => format!(
                        "\"{}\" has unsaved changes. They will be lost if you don't save them.",
                        self.doc.project.meta.name
                    ),
                });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(lang.pick("保存", "Save")).clicked() {
                        answer = Some(0);
                    }
                    if ui.button(lang.pick("不保存", "Discard")).clicked() {
                        answer = Some(1);
                    }
                    if ui.button(lang.pick("取消", "Cancel")).clicked() {
                        answer = Some(2);
                    }
                });
            });
            match answer {
                Some(0) => {
                    self.confirm = None;
                    self.save(ctx, Some(pending));
                }
                Some(1) => {
                    self.confirm = None;
                    self.proceed(pending);
                }
                Some(_) => self.confirm = None,
                None => {}
            }
        }
        if let Some((path, issues)) = &self.load_failure {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("load-failure")).show(ctx, |ui| {
                ui.set_width(560.0);
                ui.heading(lang.pick("无法打开文件", "Cannot open the file"));
                ui.label(path.display().to_string());
                ui.label(lang.pick(
                    "当前项目保持不变。发现以下问题:",
                    "The current project is unchanged. Problems found:",
                ));
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for issue in issues {
                            let colour = if issue.severity == crate::model::Severity::Error {
                                theme::ERROR
                            } else {
                                theme::WARNING
                            };
                            ui.colored_label(colour, issue.text(lang));
                        }
                    });
                if ui.button(lang.pick("关闭", "Close")).clicked() {
                    close = true;
                }
            });
            if close {
                self.load_failure = None;
            }
        }
    }
}

impl ChainmapApp {
    /// Where Save As starts: the project's file; for a project never saved, a file named after
    /// the project in the last folder used (the newest recent file's), else the documents folder.
    pub fn save_suggestion(&self) -> PathBuf {
        if let Some(path) = &self.doc.path {
            return path.clone();
        }
        let last_folder = self
            .ui
            .settings
            .recent
            .iter()
            .filter_map(|p| p.parent())
            .find(|d| d.is_dir())
            .map(|d| d.to_owned());
        let folder = last_folder
            .or_else(|| dirs::document_dir().filter(|d| d.is_dir()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        folder.join(project_file_name(&self.doc.project.meta.name))
    }

    /// The in-app file browser's folder and file name field, while it is open.
    pub fn file_browser_place(&self) -> Option<(PathBuf, String)> {
        self.dialogs.browser_place()
    }

    /// The project dialog, and what its OK does: one edit (one undo step) for the properties,
    /// a new project (after asking about unsaved changes) for New.
    pub(super) fn project_dialog_ui(&mut self, ctx: &egui::Context) {
        let lang = self.ui.lang();
        match self.project_dialog.ui(ctx, &self.doc, lang) {
            project_dialog::Request::None => {}
            project_dialog::Request::Create(project) => self.guard(Pending::New(project)),
            project_dialog::Request::Apply(converted) => self.apply_properties(*converted),
        }
    }

    /// The new meta, and every converted amount, as one undo step: the edits join one gesture
    /// whose last edit (the meta) names the step.
    fn apply_properties(&mut self, converted: Converted) {
        const KEY: &str = "project-properties";
        let mut edits: Vec<Edit> = Vec::new();
        if !converted.nodes.is_empty() {
            edits.push(Edit::SetNodes(converted.nodes));
        }
        edits.extend(converted.links.into_iter().map(Edit::SetLink));
        edits.extend(converted.agreements.into_iter().map(Edit::SetAgreement));
        edits.extend(converted.candidates.map(Edit::SetCandidates));
        edits.push(Edit::SetMeta(converted.meta));
        self.doc.end_gesture();
        let depth = self.doc.undo_depth();
        for edit in edits {
            if let Err(e) = self.doc.apply_in_gesture(edit, KEY) {
                // All or nothing: take back what this OK changed so far.
                if self.doc.undo_depth() > depth {
                    self.doc.undo();
                }
                self.refused(&e);
                break;
            }
        }
        self.doc.end_gesture();
    }

    /// Writes the empty import template (amounts in the project's unit) where the user said.
    pub fn write_import_template(&mut self, path: PathBuf) {
        let lang = self.ui.lang();
        let path = if path.extension().is_none() {
            path.with_extension("xlsx")
        } else {
            path
        };
        match crate::file::import::write_template(&path, &self.doc.project.meta.unit, lang) {
            Ok(()) => self.ui.info(format!(
                "{} {}",
                lang.pick("导入模板已写入", "Import template written to"),
                path.display()
            )),
            Err(issue) => {
                log::warn!("{}", issue.text(Lang::En));
                self.ui.error(issue.text(lang));
            }
        }
    }
}

/// A project's file name from its name: characters no file system takes replaced, never empty,
/// never a name Windows reserves (`柞水木耳.chainmap.json`).
pub fn project_file_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(80)
        .collect();
    let mut stem = cleaned.trim_end_matches(['.', ' ']).trim().to_owned();
    if stem.is_empty() || stem.chars().all(|c| c == '_') {
        stem = "project".to_owned();
    }
    let upper = stem.to_uppercase();
    let device = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.ends_with(|c: char| ('1'..='9').contains(&c)));
    if device {
        stem.push('_');
    }
    format!("{stem}.{}", file::EXTENSION)
}

/// The settings remembered by the last run (language, recent files, panels), or the defaults.
pub fn settings_from_storage(storage: Option<&dyn eframe::Storage>) -> Settings {
    storage
        .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
        .unwrap_or_default()
}

/// Adds `.chainmap.json` when the user typed a bare name.
fn with_extension(path: PathBuf) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.ends_with(".json") {
        path
    } else {
        path.with_file_name(format!("{name}.{}", file::EXTENSION))
    }
}

/// The bundled sample, parsed. It is checked by the tests, so it always loads.
pub fn bundled_sample() -> Project {
    file::load_str(BUNDLED_SAMPLE, LoadOptions::default())
        .map(|l| l.project)
        .unwrap_or_else(|_| Project::new("串珠"))
}
