//! The egui editor: the only place eframe, egui and rfd are used.
//!
//! Each frame: keys become commands (`command`); derived data is brought up to the document's
//! revision (`derived`); the menu, panels and canvas draw from a read-only context (`context`)
//! and queue edits, commands and actions; the queue is applied at the end of the frame (`app`).
//!
//! - `app`: the frame loop, what commands do, menus, files, jobs, presentation entry, rescue;
//! - `command`: the command table (labels, keys per mode, help overlays);
//! - `palette`: the command palette and the name index it shares with the outline search;
//! - `canvas`, `panels`, `present`: what is drawn; `widgets`: drafts, the split chart;
//! - `state`: selection, camera, settings, the queue; `derived`, `job`: work by revision and
//!   off the UI thread. See docs/ARCHITECTURE.md for the whole map.

pub mod app;
pub mod boundaries;
pub mod canvas;
pub mod colouring;
pub mod command;
pub mod compare;
pub mod context;
pub mod derived;
pub mod enclave;
mod file_dialog;
mod help_windows;
pub mod import_dialog;
pub mod job;
pub mod merge_dialog;
pub mod palette;
mod panels;
pub mod present;
pub mod project_dialog;
pub mod recovery;
pub mod reference_dialog;
pub mod scenarios;
pub mod state;
pub mod territory;
pub mod theme;
mod toolbar;
pub mod widgets;

pub use app::ChainmapApp;
pub use file_dialog::force_in_app_browser as force_in_app_file_browser;

use crate::i18n::Lang;
use std::path::PathBuf;

/// Opens the editor window on `file`, or on the bundled sample.
pub fn run_native(file: Option<PathBuf>, lang: Option<Lang>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("串珠 chainmap")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "chainmap",
        options,
        Box::new(move |cc| Ok(Box::new(ChainmapApp::new(cc, file, lang)))),
    )
}
