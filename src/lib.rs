//! chainmap (串珠): county industrial-chain mapping.
//!
//! Layers, each depending only on those above it:
//!
//! ```text
//! i18n                 the two languages every message comes in
//! model                pure data: Project, chains, nodes, links, agreements, views; validate()
//! file                 the on-disk contract: versioned JSON envelope, migrate(), atomic save
//! analysis             gaps, network measures, leaders, impact, land efficiency (pure functions)
//! reference            reference chains (全景图 templates, built in): load, validate, new project
//! sharing              agreements → yearly split schedules per ledger, exact money
//! export               tables, pictures, GraphML/GEXF and reports out (pure functions)
//! layout               swimlane layout, link crossings (pure functions of positions)
//! merge                semantic diff and three-way merge of projects, by id and field
//! edit, document       the only way the project changes; undo and redo; the unsaved marker
//! cli                  headless commands (check, fmt ...)
//! ui                   the egui editor: the only place eframe, egui and rfd are used
//! logging              where warnings go: stderr, and the editor's rotated log file in its data
//!                      folder (which `ui` knows); the binary installs it at start
//! ```

pub mod analysis;
pub mod bench;
pub mod cli;
pub mod document;
pub mod edit;
pub mod export;
pub mod file;
#[doc(hidden)]
pub mod fuzzing;
pub mod generate;
pub mod i18n;
pub mod layout;
pub mod logging;
pub mod merge;
pub mod model;
pub mod reference;
pub mod scenario;
pub mod search;
pub mod sharing;
pub mod style;
pub mod targets;
pub mod time;
pub mod ui;
