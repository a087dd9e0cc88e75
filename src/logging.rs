//! Where the app writes its log. (The logger itself is installed at start-up.)

use std::path::PathBuf;

/// The folder the log file is written to: the app's data folder (or `CHAINMAP_DATA_DIR`).
pub fn log_folder() -> Option<PathBuf> {
    std::env::var_os("CHAINMAP_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir("chainmap"))
}

/// Opens the log folder in the system's file manager; returns the folder.
pub fn open_log_folder() -> std::io::Result<PathBuf> {
    let folder = log_folder()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no data folder"))?;
    std::fs::create_dir_all(&folder)?;
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program).arg(&folder).spawn()?;
    Ok(folder)
}
