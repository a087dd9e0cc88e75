//! Where warnings and errors go, so a problem a user met can be looked at afterwards: the editor
//! writes them to stderr and to `chainmap.log` in the `logs` folder of its data folder (beside
//! the recovery files), rotated at 2 MB with two old files kept; the headless commands write them
//! to stderr only, and never touch stdout. `RUST_LOG` raises or narrows the level (warnings by
//! default; `RUST_LOG=debug`, or `RUST_LOG=chainmap=debug` for this program's messages alone).
//!
//! The editor also logs every panic with where it happened and a backtrace: most are caught at
//! the frame boundary and the user goes on, so the log is where they are remembered.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The log file's name in the log folder; older ones are `chainmap.log.1` and `chainmap.log.2`.
pub const LOG_FILE: &str = "chainmap.log";
/// A log file is rotated before it grows past this.
pub const MAX_LOG_BYTES: u64 = 2 * 1024 * 1024;
/// Rotated log files kept besides the current one.
pub const KEPT_LOGS: usize = 2;

/// The folder the editor's log is written to: `logs` in the data folder (see
/// [`crate::ui::recovery::data_folder`]); none where the platform has no data folder.
pub fn log_folder() -> Option<PathBuf> {
    crate::ui::recovery::data_folder().map(|d| log_folder_in(&d))
}

/// The log folder of a data folder.
pub fn log_folder_in(data_folder: &Path) -> PathBuf {
    data_folder.join("logs")
}

/// Installs the editor's logger (stderr and the log file) and a panic hook that logs panics.
/// Returns the log file written to; none when there is no data folder or it cannot be written
/// (then a warning on stderr says why, and logging goes to stderr only).
pub fn init_gui() -> Option<PathBuf> {
    let (file, problem) = match log_folder() {
        Some(folder) => {
            let path = folder.join(LOG_FILE);
            match RotatingFile::open(&path, MAX_LOG_BYTES, KEPT_LOGS) {
                Ok(file) => (Some(file), None),
                Err(e) => (
                    None,
                    Some(format!("cannot write the log {}: {e}", path.display())),
                ),
            }
        }
        None => (
            None,
            Some("no data folder: the log goes to stderr only".to_owned()),
        ),
    };
    let path = file.as_ref().map(|f| f.path.clone());
    let installed = filter()
        .format(|buf, record| {
            writeln!(
                buf,
                "{} {:<5} {}: {}",
                crate::time::local_log_stamp(),
                record.level(),
                record.target(),
                record.args()
            )
        })
        .target(env_logger::Target::Pipe(Box::new(Tee { file })))
        .try_init()
        .is_ok();
    if installed {
        install_panic_hook();
        if let Some(problem) = problem {
            log::warn!("{problem}");
        }
        log::info!(
            "chainmap {} started; log file {}",
            env!("CARGO_PKG_VERSION"),
            path.as_ref()
                .map_or_else(|| "none".to_owned(), |p| p.display().to_string())
        );
    }
    path
}

/// Installs the headless commands' logger: warnings (or what `RUST_LOG` asks for) to stderr as
/// `chainmap: warning: …`, no file.
pub fn init_cli() {
    let _ = filter()
        .format(|buf, record| {
            let level = match record.level() {
                log::Level::Error => "error",
                log::Level::Warn => "warning",
                log::Level::Info => "info",
                log::Level::Debug => "debug",
                log::Level::Trace => "trace",
            };
            if record.target().starts_with("chainmap") {
                writeln!(buf, "chainmap: {level}: {}", record.args())
            } else {
                writeln!(
                    buf,
                    "chainmap: {level}: {}: {}",
                    record.target(),
                    record.args()
                )
            }
        })
        .target(env_logger::Target::Stderr)
        .try_init();
}

/// Warnings and errors unless `RUST_LOG` says otherwise.
fn filter() -> env_logger::Builder {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
}

/// Logs every panic (message, place, thread, backtrace) before it unwinds to the frame
/// boundary. The default hook still runs when logging is off (`RUST_LOG=off`), so a panic is
/// never silent.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !log::log_enabled!(log::Level::Error) {
            previous(info);
            return;
        }
        let message = info.payload_as_str().unwrap_or("(no message)");
        let place = info.location().map_or_else(
            || "an unknown place".to_owned(),
            |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
        );
        let thread = std::thread::current();
        let backtrace = std::backtrace::Backtrace::force_capture();
        log::error!(
            "panic in thread '{}' at {place}: {message}\n{backtrace}",
            thread.name().unwrap_or("unnamed")
        );
    }));
}

/// Import problems shown to the user; the first few logged one by one, the rest counted.
pub fn warn_import_problems(problems: &[crate::file::import::RowProblem]) {
    const SHOWN: usize = 20;
    for p in problems.iter().take(SHOWN) {
        log::warn!("import: {}", p.issue.text(crate::i18n::Lang::En));
    }
    if problems.len() > SHOWN {
        log::warn!("import: {} more problems", problems.len() - SHOWN);
    }
}

/// Opens `folder` in the system's file manager (Explorer, Finder, or what `xdg-open` picks),
/// creating it first. Does not wait for the file manager; a failure is logged and returned.
pub fn open_folder(folder: &Path) -> io::Result<()> {
    let result = std::fs::create_dir_all(folder).and_then(|()| spawn_file_manager(folder));
    if let Err(e) = &result {
        log::warn!("cannot open the folder {}: {e}", folder.display());
    }
    result
}

fn spawn_file_manager(folder: &Path) -> io::Result<()> {
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(program)
        .arg(folder)
        .stdin(std::process::Stdio::null())
        .spawn()?;
    let folder = folder.to_owned();
    // Reaped off the UI thread (no zombie left behind); Explorer exits with 1 even when it
    // opened the folder, so only the others' failures are told.
    std::thread::Builder::new()
        .name("open-folder".to_owned())
        .spawn(move || match child.wait() {
            Ok(status) if !status.success() && !cfg!(windows) => {
                log::warn!("{program} could not open {}: {status}", folder.display());
            }
            Ok(_) => {}
            Err(e) => log::warn!("{program} {}: {e}", folder.display()),
        })?;
    Ok(())
}

/// Each log record goes to stderr and, when there is one, the log file. A write that fails is
/// dropped: logging never stops the program (stderr may be closed, a disk full).
struct Tee {
    file: Option<RotatingFile>,
}

impl Write for Tee {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let _ = io::stderr().lock().write_all(buf);
        if let Some(file) = &mut self.file {
            let _ = file.write_all(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let _ = io::stderr().flush();
        if let Some(file) = &mut self.file {
            let _ = file.flush();
        }
        Ok(())
    }
}

/// A file appended to that is kept under a size: before a write would take it past
/// `max_bytes`, `NAME` becomes `NAME.1`, `NAME.1` becomes `NAME.2` and so on up to `keep`, the
/// oldest dropped. The size is read from the file each time, so two windows sharing one log
/// still rotate it.
#[derive(Debug)]
pub struct RotatingFile {
    path: PathBuf,
    max_bytes: u64,
    keep: usize,
    file: Option<File>,
}

impl RotatingFile {
    /// Opens (or creates, with its folder) the file at `path` for appending.
    pub fn open(path: &Path, max_bytes: u64, keep: usize) -> io::Result<Self> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let file = append(path)?;
        Ok(Self {
            path: path.to_owned(),
            max_bytes,
            keep,
            file: Some(file),
        })
    }

    /// `NAME.n`: the `n`th older file (`n` ≥ 1).
    pub fn rotated_path(path: &Path, n: usize) -> PathBuf {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{n}"));
        PathBuf::from(name)
    }

    fn rotate(&mut self) -> io::Result<()> {
        self.file = None;
        if self.keep == 0 {
            let _ = std::fs::remove_file(&self.path);
        } else {
            let _ = std::fs::remove_file(Self::rotated_path(&self.path, self.keep));
            for n in (1..self.keep).rev() {
                let from = Self::rotated_path(&self.path, n);
                if from.exists() {
                    std::fs::rename(&from, Self::rotated_path(&self.path, n + 1))?;
                }
            }
            std::fs::rename(&self.path, Self::rotated_path(&self.path, 1))?;
        }
        self.file = Some(append(&self.path)?);
        Ok(())
    }
}

fn append(path: &Path) -> io::Result<File> {
    OpenOptions::new().create(true).append(true).open(path)
}

impl Write for RotatingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let size = match &self.file {
            Some(file) => file.metadata()?.len(),
            None => 0,
        };
        if self.file.is_none() || (size > 0 && size + buf.len() as u64 > self.max_bytes) {
            // A rename that failed (the file held open elsewhere on some systems) leaves the
            // log growing a little past the limit rather than lost.
            if let Err(e) = self.rotate()
                && self.file.is_none()
            {
                self.file = Some(append(&self.path).map_err(|_| e)?);
            }
        }
        match &mut self.file {
            Some(file) => file.write(buf),
            None => Err(io::Error::other("no log file")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_rotates_before_it_passes_the_limit_and_keeps_two() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logs").join(LOG_FILE);
        let mut log = RotatingFile::open(&path, 100, 2).unwrap();
        let line = [b'a'; 40];
        for i in 0..2 {
            log.write_all(&line).unwrap();
            assert_eq!(std::fs::metadata(&path).unwrap().len(), 40 * (i + 1));
        }
        // 80 + 40 > 100: the first two lines move to .1, the third starts a new file.
        log.write_all(&[b'b'; 40]).unwrap();
        let first = RotatingFile::rotated_path(&path, 1);
        assert_eq!(std::fs::read(&first).unwrap(), [b'a'; 80]);
        assert_eq!(std::fs::read(&path).unwrap(), [b'b'; 40]);
        for fill in [b'c', b'd', b'e', b'f'] {
            log.write_all(&[fill; 60]).unwrap();
        }
        // b+c (100), then d, e, f each alone; the oldest (a, b+c) are gone.
        let second = RotatingFile::rotated_path(&path, 2);
        assert_eq!(std::fs::read(&second).unwrap(), [b'd'; 60]);
        assert_eq!(std::fs::read(&first).unwrap(), [b'e'; 60]);
        assert_eq!(std::fs::read(&path).unwrap(), [b'f'; 60]);
        assert!(!RotatingFile::rotated_path(&path, 3).exists());
        let files = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(files, 3);
    }

    #[test]
    fn an_existing_log_is_appended_to_and_counts_towards_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOG_FILE);
        std::fs::write(&path, [b'x'; 90]).unwrap();
        let mut log = RotatingFile::open(&path, 100, 2).unwrap();
        log.write_all(&[b'y'; 5]).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 95);
        log.write_all(&[b'z'; 10]).unwrap();
        assert_eq!(
            std::fs::metadata(RotatingFile::rotated_path(&path, 1))
                .unwrap()
                .len(),
            95
        );
        assert_eq!(std::fs::read(&path).unwrap(), [b'z'; 10]);
    }

    #[test]
    fn the_log_folder_is_beside_the_recovery_files() {
        assert_eq!(
            log_folder_in(Path::new("/data/chainmap")),
            Path::new("/data/chainmap/logs")
        );
    }

    #[test]
    fn opening_a_folder_that_cannot_be_made_fails_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        assert!(open_folder(&file.join("below-a-file")).is_err());
    }
}
