//! The on-disk contract: the versioned JSON envelope, migration of old versions, and atomic save.
//!
//! A project file is UTF-8 JSON, `{"format": "chainmap", "version": N, ...}`, pretty-printed with
//! every array sorted by id, so files diff cleanly and re-saving an unchanged project gives the
//! same bytes. Loading reports every problem at once and never panics, whatever the bytes.

pub mod boundaries;
pub mod import;
mod load;
mod migrate;
mod save;
pub mod table;

pub use load::{
    LoadError, LoadOptions, Loaded, MAX_PROJECT_BYTES, load_bytes, load_path, load_str,
};
pub use migrate::migrate;
pub use save::{SaveError, backup_path, save, to_json};

/// The 柞水木耳 sample, compiled in: the editor opens on it from any folder.
pub const BUNDLED_SAMPLE: &str = include_str!("../../sample_projects/zhashui-fungus.chainmap.json");

/// The `format` field of every chainmap file.
pub const FORMAT: &str = "chainmap";

/// The file version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u32 = 3;

/// The file extension users see: `name.chainmap.json`.
pub const EXTENSION: &str = "chainmap.json";
