//! The eframe app. `mod.rs` holds the state and the frame loop: keys become commands; the
//! derived data is brought up to the document's revision; the menu, panels and canvas draw from
//! a read-only context and fill the queue; the queue is applied at the end of the frame.
//!
//! - `commands`: what each command does, and the enabled/checked state menus ask for;
//! - `queue`: applying what a frame asked for (edits, gestures, commands, actions);
//! - `menu`: the menu bar, generated from the command table;
//! - `panels`: laying out the panels and the canvas;
//! - `files`: new, open, save, and the questions they ask;
//! - `clipboard`, `layout_job`, `export`, `presenting`, `rescue` (panic net, recovery offer).

use crate::document::Document;
use crate::i18n::Lang;
use crate::model::Issue;
use crate::ui::canvas::CanvasState;
use crate::ui::command::{AppCommand, Mode, help, keys};
use crate::ui::derived::{Derived, Wanted};
use crate::ui::file_dialog::{FileDialogs, Outcome, Purpose};
use crate::ui::import_dialog::{self, ImportDialog};
use crate::ui::palette::{NameIndex, Palette};
use crate::ui::present::Presentation;
use crate::ui::project_dialog::ProjectDialog;
use crate::ui::recovery::{Recovery, RecoveryInfo};
use crate::ui::state::{AnalysisTab, Queue, Settings, UiState};
use crate::ui::{panels, theme};
use std::path::PathBuf;

pub use crate::file::BUNDLED_SAMPLE;
pub use files::{bundled_sample, settings_from_storage};

mod clipboard;
mod commands;
mod export;
mod files;
mod layout_job;
mod menu;
mod panels_layout;
mod presenting;
mod queue;
mod reference;
mod rescue;

const SETTINGS_KEY: &str = "chainmap-settings";

/// Something that would throw away unsaved changes, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    /// Replace the project with this new one (from the new-project dialog).
    New(Box<crate::model::Project>),
    OpenDialog,
    OpenPath(PathBuf),
    Close,
}

/// The editor.
pub struct ChainmapApp {
    pub doc: Document,
    pub ui: UiState,
    canvas: CanvasState,
    panels: panels::Panels,
    pub(crate) dialogs: FileDialogs,
    /// Analysis, schedules, fair splits and impact for the document's revision.
    pub(crate) derived: Derived,
    /// The project's names for the palette and the outline search.
    names: NameIndex,
    /// The command palette (Ctrl+K).
    pub palette: Palette,
    /// The editor's key help (F1).
    pub key_help: bool,
    /// Help → User Guide and Help → About.
    pub help_windows: crate::ui::help_windows::HelpWindows,
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
    /// Bumped whenever a different document is loaded.
    generation: u64,
    /// Commands waiting one frame for the text field being typed into to commit.
    deferred: Vec<AppCommand>,
    /// A close request waiting for the same.
    close_deferred: bool,
    /// A text field had the keyboard at the end of the last frame (Escape has cleared it by
    /// the time keys are read).
    typing_last_frame: bool,
    /// A layout running on a worker thread, keyed by the document state it started from.
    layout_job: Option<layout_job::LayoutJob>,
    /// The enclave diagram (issue 20), drawn over the window while open.
    pub enclave: crate::ui::enclave::EnclaveDiagram,
    /// The workshop presentation, while one runs (read-only).
    pub present: Option<Presentation>,
    /// The spreadsheet import dialog.
    pub import: ImportDialog,
    /// What the last File → Import Boundaries… matched and left out.
    pub boundaries: crate::ui::boundaries::BoundariesReport,
    /// File → Merge…: the colleague's file between its dialog and the base's, then the
    /// conflicts window.
    pub merge: crate::ui::merge_dialog::MergeDialog,
    /// The scenario window (new, from the 招商 list, manage).
    pub scenario_dialog: crate::ui::scenarios::ScenarioDialog,
    /// Project properties, and the questions for a new project.
    pub project_dialog: ProjectDialog,
    /// File → New from Reference Chain… and Compare with Reference Chain….
    pub new_from_template: crate::ui::reference_dialog::NewFromTemplate,
    pub compare_reference: crate::ui::reference_dialog::CompareDialog,
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
    /// Nothing was remembered: the first frame sizes the panels for the window.
    first_start: bool,
    /// The panels open when "map only" started.
    map_only_from: Option<panels_layout::PanelSet>,
}

impl ChainmapApp {
    /// Creates the app: fonts, style, remembered settings, and the project to show. Recovery
    /// files go to the user's data folder (or `CHAINMAP_DATA_DIR`).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
        lang: Option<Lang>,
    ) -> Self {
        Self::with_data_dir(cc, file, lang, crate::ui::recovery::data_folder())
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
        let remembered = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY));
        let first_start = remembered.is_none();
        let mut settings = remembered.unwrap_or_default();
        if let Some(lang) = lang {
            settings.lang = lang;
        }
        let mut app = Self::with_document(Document::new(bundled_sample()), settings);
        app.first_start = first_start;
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
            panels: panels::Panels::default(),
            dialogs: FileDialogs::default(),
            derived: Derived::default(),
            names: NameIndex::default(),
            palette: Palette::default(),
            key_help: false,
            help_windows: Default::default(),
            issues: Vec::new(),
            issues_revision: None,
            confirm: None,
            load_failure: None,
            allow_close: false,
            title: String::new(),
            after_save: None,
            open_dialog_requested: false,
            generation: 0,
            deferred: Vec::new(),
            close_deferred: false,
            typing_last_frame: false,
            layout_job: None,
            enclave: Default::default(),
            present: None,
            import: ImportDialog::default(),
            boundaries: Default::default(),
            merge: Default::default(),
            scenario_dialog: Default::default(),
            project_dialog: ProjectDialog::default(),
            new_from_template: Default::default(),
            compare_reference: Default::default(),
            recovery: Recovery::default(),
            recovery_offer: None,
            crash: None,
            panics_in_a_row: 0,
            fail_next_frame: false,
            first_start: false,
            map_only_from: None,
        }
    }

    /// The app drawing into `ctx` without a window (benchmarks): fonts and style installed,
    /// no recovery files, nothing remembered.
    pub fn headless(ctx: &egui::Context, doc: Document, settings: Settings) -> Self {
        theme::install_fonts(ctx);
        theme::install_style(ctx);
        Self::with_document(doc, settings)
    }

    /// Derived data or a layout is being computed on a worker.
    pub fn busy(&self) -> bool {
        self.derived.analysis_busy() || self.derived.fair_busy() || self.layout_job.is_some()
    }

    /// Problems of the current project.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The problems of a file that failed to open, if one did.
    pub fn load_failure(&self) -> Option<&(PathBuf, Vec<Issue>)> {
        self.load_failure.as_ref()
    }

    /// The current analysis results, if computed.
    pub fn analysis(&self) -> Option<&crate::analysis::Analysis> {
        self.derived.analysis()
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
        self.window_events(&ctx);
        if self.present.is_some() {
            self.presentation_frame(ui);
            return;
        }
        // Shortcuts wait while a dialog asks something.
        let asking = self.confirm.is_some()
            || self.load_failure.is_some()
            || self.import.open
            || self.project_dialog.open
            || self.new_from_template.open
            || self.compare_reference.open
            || self.dialogs.is_open()
            || self.recovery_offer.is_some()
            || self.crash.is_some()
            || self.palette.open
            || self.enclave.is_open();
        if !asking {
            let typing = ctx.egui_wants_keyboard_input() || self.typing_last_frame;
            let mode = if typing { Mode::Typing } else { Mode::Editor };
            for command in keys::pressed(&ctx, mode) {
                self.run_command(&ctx, command);
            }
        }
        if self.open_dialog_requested {
            self.open_dialog_requested = false;
            let lang = self.ui.lang();
            self.dialogs
                .start(&ctx, Purpose::Open, self.doc.path.clone(), lang);
        }
        self.refresh_derived(&ctx);

        let mut queue = Queue::default();
        self.panels_ui(ui, &mut queue);
        self.modals(&ctx);
        self.layout_job_ui(&ctx);
        let lang = self.ui.lang();
        help::editor_help_ui(&ctx, lang, &mut self.key_help);
        self.help_windows.ui(&ctx, lang);
        self.enclave.ui(&ctx, &self.doc, lang, true);
        let state = commands::EditorState::of(self);
        self.palette.ui(&ctx, &self.names, &state, lang, &mut queue);
        self.import_ui(&ctx);
        self.project_dialog_ui(&ctx);
        self.reference_dialogs_ui(&ctx);
        self.boundaries.ui(&ctx, &self.doc, lang);
        crate::ui::merge_dialog::window(self, &ctx);
        self.scenario_window(&ctx, &mut queue);
        // Last: the file browser is drawn above whatever dialog opened it.
        self.dialog_outcome(&ctx);
        self.apply_queue(&ctx, queue);

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

    /// Brings the problems and the derived data up to the document's revision.
    fn refresh_derived(&mut self, ctx: &egui::Context) {
        if self.issues_revision != Some(self.doc.revision()) {
            self.issues = crate::model::validate::validate(&self.doc.project);
            // Coalition values that do not make a game, shown in both agreement tabs.
            self.issues
                .extend(crate::sharing::benchmark::game_issues(&self.doc.project));
            self.issues.extend(
                self.doc
                    .load_issues
                    .iter()
                    .filter(|i| i.code == "unknown_field")
                    .cloned(),
            );
            self.issues_revision = Some(self.doc.revision());
        }
        let analysis_open = self.ui.settings.show_analysis && self.present.is_none();
        let tab = self.ui.analysis_tab;
        let wanted = Wanted {
            agreement: self.ui.agreement.as_ref(),
            fairness: analysis_open && tab == AnalysisTab::Fairness,
            impact: (analysis_open && tab == AnalysisTab::Impact)
                .then_some(self.ui.impact_node.as_ref())
                .flatten(),
        };
        self.derived.refresh(ctx, &self.doc, &wanted);
        // The palette and the outline search look names up here.
        self.names.refresh(&self.doc, self.ui.lang());
    }

    /// The spreadsheet import dialog, and what it asks for.
    fn import_ui(&mut self, ctx: &egui::Context) {
        let lang = self.ui.lang();
        match self.import.ui(ctx, &self.doc, lang) {
            import_dialog::Request::None => {}
            import_dialog::Request::Choose(kind) => {
                let near = self.import.last_path().map(|p| p.to_owned());
                let suggested = near.or_else(|| self.doc.path.clone());
                self.dialogs
                    .start(ctx, Purpose::ImportTable(kind), suggested, lang)
            }
            import_dialog::Request::SaveTemplate => {
                let near = self.import.last_path().and_then(|p| p.parent());
                let suggested = near.map(|dir| dir.to_owned());
                self.dialogs
                    .start(ctx, Purpose::ImportTemplate, suggested, lang)
            }
            import_dialog::Request::Import(edit, summary) => {
                let before = self.doc.revision();
                self.apply_edit(*edit);
                if self.doc.revision() != before {
                    self.ui.info(summary);
                    self.ui.fit_requested = true;
                }
            }
        }
    }

    /// What the user chose in a file dialog.
    fn dialog_outcome(&mut self, ctx: &egui::Context) {
        let lang = self.ui.lang();
        match self.dialogs.poll(ctx, lang) {
            Some(Outcome::Chosen(Purpose::ExportCsv, path)) => self.export_schedule(path),
            Some(Outcome::Chosen(Purpose::ImportTemplate, path)) => {
                self.write_import_template(path)
            }
            Some(Outcome::Chosen(Purpose::ImportCandidates, path)) => {
                crate::ui::panels::targets::import_candidates(self, &path)
            }
            Some(Outcome::Chosen(Purpose::ImportBoundaries, path)) => {
                crate::ui::boundaries::import_boundaries(self, &path)
            }
            Some(Outcome::Chosen(Purpose::MergeTheirs, path)) => {
                crate::ui::merge_dialog::theirs_chosen(self, ctx, &path)
            }
            Some(Outcome::Chosen(Purpose::MergeBase, path)) => {
                crate::ui::merge_dialog::base_chosen(self, &path)
            }
            Some(Outcome::Chosen(Purpose::CompareFile, path)) => {
                self.panels.compare.file_chosen(&path, lang);
                self.panels.compare.on_canvas = true;
                self.ui.settings.show_analysis = true;
                self.ui.analysis_tab = crate::ui::state::AnalysisTab::Compare;
            }
            Some(Outcome::Chosen(Purpose::ImportTable(kind), path)) => {
                self.import.load(kind, &path, lang)
            }
            Some(Outcome::Chosen(Purpose::Export(format, table), path)) => {
                self.export_to(format, table, path)
            }
            Some(Outcome::Chosen(Purpose::ExportTerritory(format), path)) => {
                self.export_territory_to(format, path)
            }
            // The user may have edited while the dialog was open: ask again about unsaved work.
            Some(Outcome::Chosen(Purpose::Open, path)) => self.guard(Pending::OpenPath(path)),
            Some(Outcome::Chosen(Purpose::SaveAs, path)) => self.saved_as(path),
            Some(Outcome::Cancelled) => {
                self.after_save = None;
                self.merge.cancelled();
            }
            None => {}
        }
    }

    /// Files dropped on the window, the window's close button, and questions that end a
    /// presentation.
    fn window_events(&mut self, ctx: &egui::Context) {
        // Files dropped on the window open (the first project file among them); while the
        // import dialog is open, it takes them as tables.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if self.import.open && !dropped.is_empty() {
            let lang = self.ui.lang();
            self.import.take_dropped(&dropped, lang);
        } else if let Some(path) = dropped.into_iter().next() {
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
            self.stop_presentation(ctx);
        }
    }
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
