//! New, open and save, the questions they ask (save changes? a file that failed to open), the
//! window title, and the bundled sample.

use super::{ChainmapApp, Pending, SETTINGS_KEY};
use crate::document::Document;
use crate::edit::Edit;
use crate::file::{self, BUNDLED_SAMPLE, LoadOptions};
use crate::i18n::Lang;
use crate::model::Project;
use crate::ui::file_dialog::Purpose;
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
        format!(
            "{marker}{} — {file} — {}",
            self.doc.project.meta.name,
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
            Pending::New => {
                let lang = self.ui.lang();
                self.doc = Document::new(Project::new(lang.pick("新项目", "New project")));
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
            self.dialogs.start(ctx, Purpose::SaveAs, None, lang);
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
