//! The eframe app: the frame loop. Shortcuts become commands; panels and the canvas read the
//! document and fill the queue; the queue is applied at the end of the frame.

use crate::analysis::{Analysis, AnalysisOptions, analyze};
use crate::document::Document;
use crate::edit::Edit;
use crate::export::{ExportFormat, TableName};
use crate::file::{self, LoadOptions};
use crate::i18n::Lang;
use crate::model::{Issue, Link, LinkId, NodeId, Pos, Project};
use crate::ui::canvas::{self, CanvasState};
use crate::ui::command::{AppCommand, Menu};
use crate::ui::file_dialog::{FileDialogs, Outcome, Purpose};
use crate::ui::import_dialog::{self, ImportDialog};
use crate::ui::panels::{analysis as analysis_panel, inspector, outline, status};
use crate::ui::present::{Presentation, Story};
use crate::ui::recovery::{Recovery, RecoveryInfo};
use crate::ui::state::{Queue, Settings, UiState};
use crate::ui::theme;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

pub use crate::file::BUNDLED_SAMPLE;

mod export;
mod presenting;
mod rescue;

const SETTINGS_KEY: &str = "chainmap-settings";

/// Something that would throw away unsaved changes, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    New,
    OpenDialog,
    OpenPath(PathBuf),
    Close,
}

/// The editor.
pub struct ChainmapApp {
    pub doc: Document,
    pub ui: UiState,
    canvas: CanvasState,
    inspector: inspector::InspectorState,
    dialogs: FileDialogs,
    /// Problems of the project, recomputed when the revision changes.
    issues: Vec<Issue>,
    issues_revision: Option<u64>,
    /// Asking "save changes?" before this.
    confirm: Option<Pending>,
    /// A file that failed to open, with every problem.
    load_failure: Option<(PathBuf, Vec<Issue>)>,
    /// The user answered the unsaved-changes prompt for closing: let the window close.
    allow_close: bool,
    title: String,
    /// What to do once a Save As started from the unsaved prompt has finished.
    after_save: Option<Pending>,
    /// Start the open dialog on the next frame (needs the context).
    open_dialog_requested: bool,
    /// Bumped whenever a different document is loaded, so results of the old one are dropped.
    generation: u64,
    analysis: Option<Arc<Analysis>>,
    /// (generation, revision) the analysis was computed for.
    analysis_key: Option<(u64, u64)>,
    /// An analysis running on a worker thread for a large project.
    analysis_job: Option<((u64, u64), Receiver<Analysis>)>,
    /// Commands waiting one frame for the text field being typed into to commit.
    deferred: Vec<AppCommand>,
    /// A close request waiting for the same.
    close_deferred: bool,
    /// A text field had the keyboard at the end of the last frame (Escape has cleared it by
    /// the time keys are read).
    typing_last_frame: bool,
    /// A force layout running on a worker thread.
    layout_job: Option<LayoutJob>,
    /// The workshop presentation, while one runs (read-only).
    pub present: Option<Presentation>,
    /// The spreadsheet import dialog.
    pub import: ImportDialog,
    /// Autosave of unsaved changes, for recovery after a crash.
    pub recovery: Recovery,
    /// Work a run that crashed left behind, offered back at start.
    pub recovery_offer: Option<RecoveryInfo>,
    /// An internal error caught at the frame boundary, told to the user.
    pub crash: Option<String>,
    /// Frames in a row that panicked: after a few, only the rescue dialog is drawn.
    panics_in_a_row: u32,
    /// Panic in the next frame (tests of the net under frames).
    fail_next_frame: bool,
}

/// Messages from the layout worker.
enum LayoutMessage {
    Progress(f32),
    Done(Vec<(NodeId, Pos)>),
}

/// A layout running off the UI thread, with its progress and a way to stop it.
struct LayoutJob {
    rx: Receiver<LayoutMessage>,
    cancel: Arc<std::sync::atomic::AtomicBool>,
    progress: f32,
    /// The document revision it started from: results for an edited project are dropped.
    key: (u64, u64),
}

/// Above this many nodes the swimlane layout runs off the UI thread too.
const BACKGROUND_LAYOUT_NODES: usize = 5_000;

/// Above this many nodes the analysis runs off the UI thread.
const BACKGROUND_ANALYSIS_NODES: usize = 2_000;

impl ChainmapApp {
    /// Creates the app: fonts, style, remembered settings, and the project to show. Recovery
    /// files go to the user's data folder (or `CHAINMAP_DATA_DIR`).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
        lang: Option<Lang>,
    ) -> Self {
        let data_dir = std::env::var_os("CHAINMAP_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| eframe::storage_dir("chainmap"));
        Self::with_data_dir(cc, file, lang, data_dir)
    }

    /// Like `new`, with recovery files in `data_dir` (none: no autosave).
    pub fn with_data_dir(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
        lang: Option<Lang>,
        data_dir: Option<PathBuf>,
    ) -> Self {
        theme::install_fonts(&cc.egui_ctx);
        theme::install_style(&cc.egui_ctx);
        let mut settings = settings_from_storage(cc.storage);
        if let Some(lang) = lang {
            settings.lang = lang;
        }
        let mut app = Self::with_document(Document::new(bundled_sample()), settings);
        app.recovery = Recovery::new(data_dir);
        app.recovery_offer = app.recovery.left_over();
        if let Some(path) = file {
            app.open_path(path);
        }
        app
    }

    fn with_document(doc: Document, settings: Settings) -> Self {
        Self {
            doc,
            ui: UiState {
                settings,
                fit_requested: true,
                ..UiState::default()
            },
            canvas: CanvasState::default(),
            inspector: Default::default(),
            dialogs: FileDialogs::default(),
            issues: Vec::new(),
            issues_revision: None,
            confirm: None,
            load_failure: None,
            allow_close: false,
            title: String::new(),
            after_save: None,
            open_dialog_requested: false,
            generation: 0,
            analysis: None,
            analysis_key: None,
            analysis_job: None,
            deferred: Vec::new(),
            close_deferred: false,
            typing_last_frame: false,
            layout_job: None,
            present: None,
            import: ImportDialog::default(),
            recovery: Recovery::default(),
            recovery_offer: None,
            crash: None,
            panics_in_a_row: 0,
            fail_next_frame: false,
        }
    }

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

    /// Problems of the current project.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The problems of a file that failed to open, if one did.
    pub fn load_failure(&self) -> Option<&(PathBuf, Vec<Issue>)> {
        self.load_failure.as_ref()
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

    /// Runs a command (from a menu, a key, or a test).
    pub fn run_command(&mut self, ctx: &egui::Context, command: AppCommand) {
        let lang = self.ui.lang();
        // Text typed into a field reaches the project when the field loses focus: let it, then
        // save (or leave) on the next frame, so nothing typed is lost or left out.
        let touches_file = matches!(
            command,
            AppCommand::New
                | AppCommand::Open
                | AppCommand::Save
                | AppCommand::SaveAs
                | AppCommand::Quit
        );
        if touches_file && let Some(id) = ctx.memory(|m| m.focused()) {
            ctx.memory_mut(|m| m.surrender_focus(id));
            self.deferred.push(command);
            ctx.request_repaint();
            return;
        }
        match command {
            AppCommand::New => self.guard(Pending::New),
            AppCommand::Import => self.import.show_dialog(&self.doc),
            AppCommand::Open => self.guard(Pending::OpenDialog),
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            AppCommand::Save => self.save(ctx, None),
            AppCommand::SaveAs => {
                self.dialogs
                    .start(ctx, Purpose::SaveAs, self.doc.path.clone(), lang)
            }
            AppCommand::Undo => {
                if self.doc.undo() {
                    self.prune_selection();
                }
            }
            AppCommand::Redo => {
                if self.doc.redo() {
                    self.prune_selection();
                }
            }
            AppCommand::SelectAll => {
                self.ui.selection.nodes = self.doc.project.nodes.keys().cloned().collect();
            }
            AppCommand::Copy => self.copy(),
            AppCommand::Paste => self.paste(),
            AppCommand::Delete => {
                if !self.ui.selection.is_empty() {
                    let edit = Edit::Remove {
                        nodes: self.ui.selection.nodes.iter().cloned().collect(),
                        links: self.ui.selection.links.iter().cloned().collect(),
                    };
                    self.apply_edit(edit);
                    self.ui.selection.clear();
                }
            }
            AppCommand::Deselect => {
                if self.ui.picker.is_some() {
                    self.ui.picker = None;
                } else if self.ui.link_tool {
                    self.ui.link_tool = false;
                } else {
                    self.ui.selection.clear();
                }
            }
            AppCommand::LinkTool => self.ui.link_tool = !self.ui.link_tool,
            AppCommand::ForceLayout => self.start_layout(ctx, true),
            AppCommand::AutoLayout if self.doc.project.nodes.len() > BACKGROUND_LAYOUT_NODES => {
                self.start_layout(ctx, false);
            }
            AppCommand::AutoLayout => {
                let moves = crate::layout::swimlane(&self.doc.project);
                if !moves.is_empty() {
                    self.apply_edit(Edit::MoveNodes(moves));
                    self.ui.fit_requested = true;
                }
            }
            AppCommand::FitView => self.ui.fit_requested = true,
            AppCommand::ZoomIn | AppCommand::ZoomOut => {
                let factor = if command == AppCommand::ZoomIn {
                    1.25
                } else {
                    0.8
                };
                let rect = self.ui.canvas_rect.unwrap_or_else(|| ctx.content_rect());
                self.ui.camera.zoom_at(rect.min, rect.center(), factor);
                self.canvas.touch_camera();
            }
            AppCommand::ToggleOutline => self.ui.settings.show_outline ^= true,
            AppCommand::ToggleInspector => self.ui.settings.show_inspector ^= true,
            AppCommand::ToggleLegend => self.ui.settings.show_legend ^= true,
            AppCommand::ToggleAnalysis => self.ui.settings.show_analysis ^= true,
            AppCommand::ToggleMinimap => self.ui.settings.show_minimap ^= true,
            AppCommand::Present => self.start_presentation(ctx, Story::Chain),
            AppCommand::PresentViews => self.start_presentation(ctx, Story::Views),
            AppCommand::ReduceMotion => self.ui.settings.reduce_motion ^= true,
            AppCommand::LangZh => self.ui.settings.lang = Lang::Zh,
            AppCommand::LangEn => self.ui.settings.lang = Lang::En,
        }
    }

    /// Applies an edit; a refused edit is reported in the status bar.
    pub fn apply_edit(&mut self, edit: Edit) {
        if let Err(e) = self.doc.apply(edit) {
            let lang = self.ui.lang();
            self.ui.error(format!(
                "{}: {}",
                lang.pick("无法修改", "Not changed"),
                e.message(lang)
            ));
        }
    }

    fn prune_selection(&mut self) {
        let p = &self.doc.project;
        self.ui
            .selection
            .nodes
            .retain(|id| p.nodes.contains_key(id));
        self.ui
            .selection
            .links
            .retain(|id| p.links.contains_key(id));
    }

    /// Runs `pending` now, or first asks to save unsaved changes.
    fn guard(&mut self, pending: Pending) {
        if self.doc.is_dirty() {
            self.confirm = Some(pending);
        } else {
            self.proceed(pending);
        }
    }

    fn proceed(&mut self, pending: Pending) {
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
            }
            Pending::OpenDialog => self.open_dialog_requested = true,
            Pending::OpenPath(path) => self.open_path(path),
            Pending::Close => self.allow_close = true,
        }
    }
}

impl ChainmapApp {
    fn save(&mut self, ctx: &egui::Context, then: Option<Pending>) {
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

    fn save_to(&mut self, path: Option<PathBuf>) {
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
            Err(e) => self
                .ui
                .error(format!("{}: {e}", lang.pick("保存失败", "Save failed"))),
        }
    }

    fn copy(&mut self) {
        let p = &self.doc.project;
        let nodes: Vec<_> = self
            .ui
            .selection
            .nodes
            .iter()
            .filter_map(|id| p.nodes.get(id).cloned())
            .collect();
        let links: Vec<Link> = p
            .links
            .values()
            .filter(|l| {
                self.ui.selection.nodes.contains(&l.from) && self.ui.selection.nodes.contains(&l.to)
            })
            .cloned()
            .collect();
        if !nodes.is_empty() {
            self.ui.clipboard = Some((nodes, links));
        }
    }

    /// Pastes the clipboard as new nodes with fresh ids, shifted so the copies are visible.
    fn paste(&mut self) {
        let Some((nodes, links)) = self.ui.clipboard.clone() else {
            return;
        };
        let p = &self.doc.project;
        let mut new_ids: BTreeMap<NodeId, NodeId> = BTreeMap::new();
        let mut taken_nodes = BTreeSet::new();
        for n in &nodes {
            let id = canvas::fresh_node_id(p, &taken_nodes);
            taken_nodes.insert(id.clone());
            new_ids.insert(n.id.clone(), id);
        }
        let copies: Vec<_> = nodes
            .into_iter()
            .map(|mut n| {
                n.id = new_ids[&n.id].clone();
                n.position = n.position.map(|q| Pos {
                    x: q.x + 40.0,
                    y: q.y + 40.0,
                });
                n
            })
            .collect();
        let mut taken_links: BTreeSet<LinkId> = BTreeSet::new();
        let link_copies: Vec<Link> = links
            .into_iter()
            .map(|mut l| {
                let id = canvas::fresh_link_id(p, &taken_links);
                taken_links.insert(id.clone());
                l.id = id;
                l.from = new_ids[&l.from].clone();
                l.to = new_ids[&l.to].clone();
                l
            })
            .collect();
        let selected: BTreeSet<NodeId> = copies.iter().map(|n| n.id.clone()).collect();
        self.apply_edit(Edit::Paste {
            nodes: copies,
            links: link_copies,
        });
        self.ui.selection.clear();
        self.ui.selection.nodes = selected;
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input() || self.typing_last_frame;
        // egui matches shortcuts "logically": Ctrl+Shift+Z also matches Ctrl+Z. Trying the
        // shortcuts with more modifiers first lets Ctrl+Shift+Z redo and Ctrl+Shift+S save as.
        let mut shortcuts: Vec<(AppCommand, egui::KeyboardShortcut)> = AppCommand::ALL
            .into_iter()
            .filter(|c| !(typing && c.is_canvas_key()))
            .flat_map(|c| {
                c.shortcut()
                    .into_iter()
                    .chain(c.extra_shortcuts().iter().copied())
                    .map(move |s| (c, s))
            })
            .collect();
        let weight = |m: egui::Modifiers| {
            [m.alt, m.shift, m.command || m.ctrl || m.mac_cmd]
                .iter()
                .filter(|b| **b)
                .count()
        };
        shortcuts.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s.modifiers)));
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for (command, shortcut) in &shortcuts {
                if input.consume_shortcut(shortcut) {
                    fired.push(*command);
                }
            }
        });
        for command in fired {
            self.run_command(ctx, command);
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui, queue: &mut Queue) {
        let lang = self.ui.lang();
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(menu.label(lang), |ui| {
                    for command in AppCommand::ALL.into_iter().filter(|c| c.menu() == menu) {
                        if matches!(command, AppCommand::LangZh | AppCommand::LangEn) {
                            continue;
                        }
                        let mut label = command.label(lang).to_owned();
                        match command {
                            AppCommand::Undo => {
                                if let Some(what) = self.doc.undo_label(lang) {
                                    label = format!("{label} {what}");
                                }
                            }
                            AppCommand::Redo => {
                                if let Some(what) = self.doc.redo_label(lang) {
                                    label = format!("{label} {what}");
                                }
                            }
                            _ => {}
                        }
                        let enabled = match command {
                            AppCommand::Undo => self.doc.undo_label(lang).is_some(),
                            AppCommand::Redo => self.doc.redo_label(lang).is_some(),
                            AppCommand::Paste => self.ui.clipboard.is_some(),
                            AppCommand::Copy | AppCommand::Delete => !self.ui.selection.is_empty(),
                            AppCommand::PresentViews => !self.doc.project.views.is_empty(),
                            _ => true,
                        };
                        let checked = match command {
                            AppCommand::ToggleOutline => Some(self.ui.settings.show_outline),
                            AppCommand::ToggleInspector => Some(self.ui.settings.show_inspector),
                            AppCommand::ToggleLegend => Some(self.ui.settings.show_legend),
                            AppCommand::ToggleAnalysis => Some(self.ui.settings.show_analysis),
                            AppCommand::ToggleMinimap => Some(self.ui.settings.show_minimap),
                            AppCommand::LinkTool => Some(self.ui.link_tool),
                            AppCommand::ReduceMotion => Some(self.ui.settings.reduce_motion),
                            _ => None,
                        };
                        let mut button = egui::Button::new(label).selected(checked == Some(true));
                        if let Some(shortcut) = command.shortcut() {
                            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
                        }
                        if ui
                            .add_enabled(enabled, button)
                            .on_hover_text(command.tooltip(lang))
                            .clicked()
                        {
                            queue.commands.push(command);
                        }
                        if command == AppCommand::Import {
                            ui.menu_button(lang.pick("导出", "Export"), |ui| {
                                for format in ExportFormat::ALL {
                                    if format == ExportFormat::Csv {
                                        ui.menu_button(format.label(lang), |ui| {
                                            for table in TableName::ALL {
                                                if ui.button(table.label(lang)).clicked() {
                                                    queue.export = Some((format, Some(table)));
                                                }
                                            }
                                        });
                                    } else if ui.button(format.label(lang)).clicked() {
                                        queue.export = Some((format, None));
                                    }
                                }
                            });
                            ui.menu_button(lang.pick("自动保存", "Autosave"), |ui| {
                                for (seconds, zh, en) in [
                                    (0, "关闭", "Off"),
                                    (30, "每 30 秒", "Every 30 seconds"),
                                    (60, "每分钟", "Every minute"),
                                    (300, "每 5 分钟", "Every 5 minutes"),
                                    (600, "每 10 分钟", "Every 10 minutes"),
                                ] {
                                    let on = self.ui.settings.autosave_seconds == seconds;
                                    if ui.radio(on, lang.pick(zh, en)).clicked() {
                                        self.ui.settings.autosave_seconds = seconds;
                                    }
                                }
                                ui.separator();
                                ui.weak(lang.pick(
                                    "未保存的修改写入恢复文件;意外退出后下次启动时可恢复。",
                                    "Unsaved changes go to a recovery file, offered back after a crash.",
                                ));
                            });
                        }
                        if command == AppCommand::Open {
                            ui.menu_button(lang.pick("最近打开", "Open Recent"), |ui| {
                                if self.ui.settings.recent.is_empty() {
                                    ui.weak(lang.pick("(无)", "(none)"));
                                }
                                for path in self.ui.settings.recent.clone() {
                                    if ui.button(path.display().to_string()).clicked() {
                                        queue.open_path = Some(path);
                                    }
                                }
                            });
                        }
                    }
                    if menu == Menu::View {
                        ui.separator();
                        ui.menu_button(lang.pick("语言 Language", "Language 语言"), |ui| {
                            for command in [AppCommand::LangZh, AppCommand::LangEn] {
                                let on = (command == AppCommand::LangZh) == (lang == Lang::Zh);
                                if ui
                                    .radio(on, command.label(lang))
                                    .on_hover_text(command.tooltip(lang))
                                    .clicked()
                                {
                                    queue.commands.push(command);
                                }
                            }
                        });
                    }
                });
            }
        });
    }

    fn modals(&mut self, ctx: &egui::Context) {
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

    /// Runs one frame: the whole loop (also what tests drive).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if std::mem::take(&mut self.fail_next_frame) {
            #[allow(clippy::panic)]
            {
                panic!("a test asked this frame to fail");
            }
        }
        let lang = self.ui.lang();

        // Files dropped on the window open (the first project file among them).
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.guard(Pending::OpenPath(path));
        }
        // Closing the window with unsaved changes asks first.
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if let Some(id) = ctx.memory(|m| m.focused()) {
                // Let the field commit first, then ask again.
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                ctx.memory_mut(|m| m.surrender_focus(id));
                self.close_deferred = true;
                ctx.request_repaint();
            } else if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.confirm = Some(Pending::Close);
            }
        }
        if self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // A question for the user (save before closing? a file that failed to open?) ends the
        // presentation, so it can be seen and answered.
        if self.present.is_some() && (self.confirm.is_some() || self.load_failure.is_some()) {
            self.stop_presentation(&ctx);
        }
        if self.present.is_some() {
            self.presentation_frame(ui);
            return;
        }
        // Shortcuts wait while a dialog asks something.
        let asking = self.confirm.is_some()
            || self.load_failure.is_some()
            || self.import.open
            || self.recovery_offer.is_some()
            || self.crash.is_some();
        if !asking {
            self.handle_keys(&ctx);
        }
        if self.open_dialog_requested {
            self.open_dialog_requested = false;
            self.dialogs
                .start(&ctx, Purpose::Open, self.doc.path.clone(), lang);
        }
        if self.issues_revision != Some(self.doc.revision()) {
            self.issues = crate::model::validate::validate(&self.doc.project);
            self.issues.extend(
                self.doc
                    .load_issues
                    .iter()
                    .filter(|i| i.code == "unknown_field")
                    .cloned(),
            );
            self.issues_revision = Some(self.doc.revision());
        }

        self.refresh_analysis(&ctx);

        let mut queue = Queue::default();
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut queue));
        egui::Panel::bottom("status").show(ui, |ui| status::status_ui(ui, &self.doc, &self.ui));
        // The inspector is drawn before the panels that change the selection (outline, analysis),
        // so a field being typed into commits before its item is replaced.
        if self.ui.settings.show_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(280.0)
                .min_size(220.0)
                .max_size(480.0)
                .show(ui, |ui| {
                    inspector::inspector_ui(
                        ui,
                        &self.doc,
                        &self.issues,
                        &mut self.ui,
                        &mut self.inspector,
                        &mut queue,
                    )
                });
        }
        if self.ui.settings.show_analysis {
            let busy = self.analysis_job.is_some();
            egui::Panel::bottom("analysis")
                .resizable(true)
                .default_size(260.0)
                .min_size(120.0)
                .max_size(640.0)
                .show(ui, |ui| {
                    analysis_panel::analysis_ui(
                        ui,
                        &self.doc,
                        self.analysis.as_deref(),
                        &self.issues,
                        busy,
                        &mut self.ui,
                        &mut queue,
                    )
                });
        }
        if self.ui.settings.show_outline {
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(220.0)
                .min_size(160.0)
                .max_size(420.0)
                .show(ui, |ui| {
                    outline::left_panel_ui(ui, &self.doc, &mut self.ui, &mut queue)
                });
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let options = canvas::CanvasOptions::editor(&self.ui.settings);
                canvas::canvas_ui(
                    ui,
                    &self.doc,
                    self.analysis.as_deref(),
                    &mut self.ui,
                    &mut self.canvas,
                    &mut queue,
                    &options,
                );
            });
        self.modals(&ctx);
        self.layout_job_ui(&ctx);
        match self.import.ui(&ctx, &self.doc, lang) {
            import_dialog::Request::None => {}
            import_dialog::Request::Choose(kind) => self.dialogs.start(
                &ctx,
                Purpose::ImportTable(kind),
                self.doc.path.clone(),
                lang,
            ),
            import_dialog::Request::Import(edit, summary) => {
                let before = self.doc.revision();
                self.apply_edit(*edit);
                if self.doc.revision() != before {
                    self.ui.info(summary);
                    self.ui.fit_requested = true;
                }
            }
        }

        if self.ui.export_schedule {
            self.ui.export_schedule = false;
            self.dialogs.start(&ctx, Purpose::ExportCsv, None, lang);
        }
        match self.dialogs.poll(&ctx, lang) {
            Some(Outcome::Chosen(Purpose::ExportCsv, path)) => self.export_schedule(path),
            Some(Outcome::Chosen(Purpose::ImportTable(kind), path)) => {
                self.import.load(kind, &path, lang)
            }
            Some(Outcome::Chosen(Purpose::Export(format, table), path)) => {
                self.export_to(format, table, path)
            }
            // The user may have edited while the dialog was open: ask again about unsaved work.
            Some(Outcome::Chosen(Purpose::Open, path)) => self.guard(Pending::OpenPath(path)),
            Some(Outcome::Chosen(Purpose::SaveAs, path)) => {
                let path = with_extension(path);
                self.save_to(Some(path));
                if let Some(next) = self.after_save.take()
                    && !self.doc.is_dirty()
                {
                    self.proceed(next);
                }
            }
            Some(Outcome::Cancelled) => self.after_save = None,
            None => {}
        }

        // Apply what the frame asked for, then what waited for typed text to commit.
        let deferred = std::mem::take(&mut self.deferred);
        let close_deferred = std::mem::take(&mut self.close_deferred);
        for edit in queue.edits {
            self.apply_edit(edit);
        }
        self.prune_selection();
        for command in queue.commands.into_iter().chain(deferred) {
            self.run_command(&ctx, command);
        }
        if close_deferred {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.typing_last_frame = ctx.egui_wants_keyboard_input();
        if let Some((format, table)) = queue.export {
            self.dialogs.start(
                &ctx,
                Purpose::Export(format, table),
                self.doc.path.clone(),
                lang,
            );
        }
        if let Some(path) = queue.open_path {
            self.guard(Pending::OpenPath(path));
        }

        let now = ctx.input(|i| i.time);
        if let Some(wait) = self
            .recovery
            .tick(now, &self.doc, self.ui.settings.autosave_seconds)
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }

        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// The settings remembered by the last run (language, recent files, panels), or the defaults.
pub fn settings_from_storage(storage: Option<&dyn eframe::Storage>) -> Settings {
    storage
        .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
        .unwrap_or_default()
}

impl ChainmapApp {
    /// Whether a layout is running on its worker thread.
    pub fn layout_running(&self) -> bool {
        self.layout_job.is_some()
    }

    /// Starts a layout (force-directed, or a large swimlane) on a worker thread; progress and
    /// Cancel show in a window.
    fn start_layout(&mut self, ctx: &egui::Context, force: bool) {
        if self.layout_job.is_some() {
            return;
        }
        let project = self.doc.project.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = cancel.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("layout".to_owned())
            .spawn(move || {
                if !force {
                    // The swimlane runs in one go; the window still shows it is under way.
                    let _ = tx.send(LayoutMessage::Done(crate::layout::swimlane(&project)));
                    ctx.request_repaint();
                    return;
                }
                let steps = crate::layout::force::default_steps(&project);
                let mut layout = crate::layout::ForceLayout::new(&project);
                for step in 0..steps {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        return;
                    }
                    layout.step();
                    if step % 5 == 0 {
                        let _ = tx.send(LayoutMessage::Progress(step as f32 / steps as f32));
                        ctx.request_repaint();
                    }
                }
                let _ = tx.send(LayoutMessage::Done(layout.positions()));
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.layout_job = Some(LayoutJob {
                rx,
                cancel,
                progress: 0.0,
                key: (self.doc.id(), self.doc.revision()),
            });
        }
    }

    /// Shows the layout's progress; applies its result as one edit when it is done.
    fn layout_job_ui(&mut self, ctx: &egui::Context) {
        let Some(job) = self.layout_job.as_mut() else {
            return;
        };
        let mut done = None;
        while let Ok(message) = job.rx.try_recv() {
            match message {
                LayoutMessage::Progress(p) => job.progress = p,
                LayoutMessage::Done(moves) => done = Some(moves),
            }
        }
        let lang = self.ui.lang();
        let mut cancelled = false;
        egui::Window::new(lang.pick("正在布局", "Laying out"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.add(
                    egui::ProgressBar::new(job.progress)
                        .show_percentage()
                        .desired_width(260.0),
                );
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    cancelled = true;
                }
            });
        if cancelled {
            job.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            self.layout_job = None;
            self.ui.info(lang.pick("布局已取消", "Layout cancelled"));
            return;
        }
        if let Some(moves) = done {
            let key = job.key;
            self.layout_job = None;
            if key == (self.doc.id(), self.doc.revision()) {
                self.apply_edit(Edit::MoveNodes(moves));
                self.ui.fit_requested = true;
            } else {
                self.ui.error(lang.pick(
                    "项目在布局期间被修改,布局结果未应用",
                    "The project changed during the layout; the result was not applied",
                ));
            }
        }
    }

    /// Keeps the analysis in step with the document: recomputed when the revision changes, on a
    /// worker thread for large projects (the old results stay on screen meanwhile).
    fn refresh_analysis(&mut self, ctx: &egui::Context) {
        let key = (self.generation, self.doc.revision());
        if let Some((job_key, rx)) = &self.analysis_job
            && let Ok(result) = rx.try_recv()
        {
            if *job_key == key {
                self.analysis = Some(Arc::new(result));
                self.analysis_key = Some(key);
            }
            self.analysis_job = None;
        }
        // One job at a time: when a stale one finishes, the next frame starts the latest.
        if self.analysis_key == Some(key) || self.analysis_job.is_some() {
            return;
        }
        if self.generation_changed(key) {
            self.analysis = None;
        }
        if self.doc.project.nodes.len() < BACKGROUND_ANALYSIS_NODES {
            self.analysis = Some(Arc::new(analyze(
                &self.doc.project,
                &AnalysisOptions::default(),
            )));
            self.analysis_key = Some(key);
            return;
        }
        let project = self.doc.project.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("analysis".to_owned())
            .spawn(move || {
                let _ = tx.send(analyze(&project, &AnalysisOptions::default()));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.analysis_job = Some((key, rx)),
            Err(_) => {
                self.analysis = Some(Arc::new(analyze(
                    &self.doc.project,
                    &AnalysisOptions::default(),
                )));
                self.analysis_key = Some(key);
            }
        }
    }

    fn generation_changed(&self, key: (u64, u64)) -> bool {
        self.analysis_key.is_some_and(|(g, _)| g != key.0)
    }

    /// The current analysis results, if computed.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_deref()
    }
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

impl eframe::App for ChainmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.guarded_frame(ui);
    }

    /// Leaving on purpose: unsaved work was either saved or discarded at the prompt, so the
    /// recovery file goes (unless it holds an older crash's work not yet answered for).
    fn on_exit(&mut self) {
        // Kept after an internal error, and when the window went without the user answering
        // for unsaved work (safe mode draws no prompt): only saved or knowingly discarded work
        // lets the file go. (A crashed run's files are separate, and stay until answered.)
        let answered = !self.doc.is_dirty() || self.allow_close;
        if self.crash.is_none() && answered {
            self.recovery.clear();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.ui.settings);
    }
}
