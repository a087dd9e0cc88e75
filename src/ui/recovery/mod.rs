//! No lost work: unsaved changes are written to a recovery file in the user's data folder every
//! so often (a minute by default); after a crash the next start offers them back. A save, or
//! leaving on purpose, removes the file.
//!
//! Each running window has its own files, `autosave-ID` with ID its process id (`ID-2`, `ID-3` …
//! when files of that id are still there, left by a crashed run whose id came round again): the
//! project as `autosave-ID.chainmap.json` (an ordinary project file, written atomically), then
//! `autosave-ID.json` saying when, which project, from where. So two windows never write over
//! each other. Before writing them a window takes an OS lock on `autosave-ID.lock`
//! ([`std::fs::File::try_lock`]: `flock` on Unix, `LockFileEx` on Windows) and holds it as long
//! as it runs; the system lets go of it when the process ends, however it ends. So another window
//! knows a running window's files (locked) from a crashed run's (free) on every platform. A
//! window offering a crash's work back holds that lock too, so no second window offers it as well.

use crate::document::Document;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The user's data folder for chainmap, where the recovery files and the log go:
/// `CHAINMAP_DATA_DIR` when set, else the platform's (`~/.local/share/chainmap` on Linux,
/// `~/Library/Application Support/chainmap` on macOS, `%APPDATA%\chainmap\data` on Windows).
/// None where the platform has none.
pub fn data_folder() -> Option<PathBuf> {
    std::env::var_os("CHAINMAP_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir("chainmap"))
}

/// What a recovery file holds, for the offer to restore it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// Unix seconds.
    pub saved_at: u64,
    pub project: String,
    /// The file the project came from; none for a project never saved.
    pub path: Option<PathBuf>,
    /// The process that wrote it (for people reading the folder; the lock tells whether it
    /// still runs).
    pub pid: u32,
    /// The recovered project's file (not stored: it is named like the info file).
    #[serde(skip)]
    pub file: PathBuf,
}

/// The recovery files of this run, and when to write them next.
#[derive(Debug, Default)]
pub struct Recovery {
    /// None: nowhere to write (no data folder); autosave is off.
    dir: Option<PathBuf>,
    /// This window's files, chosen and locked at the first write.
    slot: Option<Slot>,
    /// The lock of the crashed run's files on offer, held until they are answered for.
    claimed: Option<File>,
    /// (document id, revision) last written.
    written: Option<(u64, u64)>,
    /// When the changes not yet written began (egui time, seconds).
    dirty_since: Option<f64>,
}

/// A window's own recovery files: their common stem, and the lock that says it is running.
#[derive(Debug)]
struct Slot {
    dir: PathBuf,
    stem: String,
    /// None where the system cannot lock files (then windows cannot tell each other apart, and
    /// every other window's files are offered, as after a crash).
    _lock: Option<File>,
}

const PREFIX: &str = "autosave-";
const PROJECT_EXT: &str = ".chainmap.json";
const INFO_EXT: &str = ".json";
const LOCK_EXT: &str = ".lock";

fn named(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    dir.join(format!("{stem}{ext}"))
}

/// The stem of a recovery project file: `autosave-ID` of `autosave-ID.chainmap.json`.
fn stem_of(project_file: &Path) -> Option<String> {
    let name = project_file.file_name()?.to_str()?;
    Some(name.strip_suffix(PROJECT_EXT)?.to_owned())
}

/// What a try for a file's lock found.
#[derive(Debug)]
enum Lock {
    /// Taken: held until the file is dropped.
    Taken(File),
    /// Held by another open handle: a running window's.
    Held,
    /// No lock file: nobody holds it.
    Missing,
    /// The system cannot say (no file locks here).
    Unknown(std::io::Error),
}

fn try_lock(path: &Path, create: bool) -> Lock {
    let file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create(create)
        .truncate(false)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Lock::Missing,
        Err(e) => return Lock::Unknown(e),
    };
    match file.try_lock() {
        Ok(()) => Lock::Taken(file),
        Err(TryLockError::WouldBlock) => Lock::Held,
        Err(TryLockError::Error(e)) => Lock::Unknown(e),
    }
}

impl Recovery {
    /// Recovery files live in `dir/recovery/`.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir: dir.map(|d| d.join("recovery")),
            ..Self::default()
        }
    }

    fn stem(&self) -> String {
        match &self.slot {
            Some(slot) => slot.stem.clone(),
            None => format!("{PREFIX}{}", std::process::id()),
        }
    }

    /// Where this run's project is written.
    pub fn project_file(&self) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| named(d, &self.stem(), PROJECT_EXT))
    }

    fn info_file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| named(d, &self.stem(), INFO_EXT))
    }

    /// This window's files, locked: the first stem of this process id that no other run's
    /// files use and whose lock is free.
    fn take_slot(&mut self, dir: &Path) -> Result<(), String> {
        if self.slot.is_some() {
            return Ok(());
        }
        let pid = std::process::id();
        for n in 1..=64 {
            let stem = if n == 1 {
                format!("{PREFIX}{pid}")
            } else {
                format!("{PREFIX}{pid}-{n}")
            };
            if named(dir, &stem, INFO_EXT).exists() || named(dir, &stem, PROJECT_EXT).exists() {
                continue;
            }
            let lock = match try_lock(&named(dir, &stem, LOCK_EXT), true) {
                Lock::Taken(file) => Some(file),
                Lock::Held | Lock::Missing => continue,
                Lock::Unknown(e) => {
                    log::debug!("recovery files are not locked here: {e}");
                    None
                }
            };
            self.slot = Some(Slot {
                dir: dir.to_owned(),
                stem,
                _lock: lock,
            });
            return Ok(());
        }
        Err(format!("{}: no free recovery file name", dir.display()))
    }

    /// The newest recovery file a run left when it ended without saving (not this run's, and
    /// not one of a window that is still open, whose lock is held). Its lock is held from now
    /// until [`Recovery::discard`], so no other window offers it too.
    pub fn left_over(&mut self) -> Option<RecoveryInfo> {
        self.claimed = None;
        let dir = self.dir.clone()?;
        let ours = self.slot.as_ref().map(|s| s.stem.clone());
        let mut found: Vec<(RecoveryInfo, Option<File>)> = std::fs::read_dir(&dir)
            .ok()?
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.starts_with(PREFIX) || name.ends_with(PROJECT_EXT) {
                    return None;
                }
                let stem = name.strip_suffix(INFO_EXT)?;
                let file = named(&dir, stem, PROJECT_EXT);
                if ours.as_deref() == Some(stem) || !file.exists() {
                    return None;
                }
                let claim = match try_lock(&named(&dir, stem, LOCK_EXT), false) {
                    Lock::Taken(lock) => Some(lock),
                    Lock::Held => return None,
                    Lock::Missing => None,
                    // No telling whether it runs: offered, as a crash's work should never be
                    // kept from the user.
                    Lock::Unknown(_) => None,
                };
                let text = std::fs::read_to_string(entry.path()).ok()?;
                let mut info: RecoveryInfo = serde_json::from_str(&text).ok()?;
                info.file = file;
                Some((info, claim))
            })
            .collect();
        found.sort_by(|(a, _), (b, _)| a.saved_at.cmp(&b.saved_at).then(a.file.cmp(&b.file)));
        let (info, claim) = found.pop()?;
        self.claimed = claim;
        Some(info)
    }

    /// Writes the document now; remembers that this revision is safe.
    pub fn write(&mut self, doc: &Document) -> Result<PathBuf, String> {
        let Some(dir) = self.dir.clone() else {
            return Err("no data folder".to_owned());
        };
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        self.take_slot(&dir)?;
        let (Some(project_file), Some(info_file)) = (self.project_file(), self.info_file()) else {
            return Err("no data folder".to_owned());
        };
        // The file as a save would write it: the base and every scenario, not only the one
        // being edited.
        let project = doc.file_project().map_err(|e| e.to_string())?;
        crate::file::save(&project_file, &project).map_err(|e| e.to_string())?;
        let info = RecoveryInfo {
            saved_at: crate::time::unix_now(),
            project: doc.project.meta.name.clone(),
            path: doc.path.clone(),
            pid: std::process::id(),
            file: project_file.clone(),
        };
        let text = serde_json::to_string_pretty(&info).map_err(|e| e.to_string())?;
        std::fs::write(&info_file, text).map_err(|e| format!("{}: {e}", info_file.display()))?;
        self.written = Some((doc.id(), doc.revision()));
        self.dirty_since = None;
        Ok(project_file)
    }

    /// Removes this run's recovery files (after a save, or a clean exit). The lock stays: the
    /// window may write again.
    pub fn clear(&mut self) {
        if let (Some(project), Some(info)) = (self.project_file(), self.info_file()) {
            remove_files(&project, &info);
        }
        self.written = None;
        self.dirty_since = None;
    }

    /// Removes the files of a crashed run's work (discarded, or taken over after a restore).
    pub fn discard(&mut self, offer: &RecoveryInfo) {
        if let (Some(dir), Some(stem)) = (&self.dir, stem_of(&offer.file)) {
            remove_files(&offer.file, &named(dir, &stem, INFO_EXT));
            let _ = std::fs::remove_file(named(dir, &stem, LOCK_EXT));
        }
        self.claimed = None;
    }

    /// Called every frame: writes unsaved changes once they are `interval` seconds old, and
    /// removes the file once nothing is unsaved. Returns how long until the next write is due,
    /// so the caller can wake up for it.
    pub fn tick(&mut self, now: f64, doc: &Document, interval: u32) -> Option<f64> {
        if interval == 0 || self.dir.is_none() {
            return None;
        }
        if !doc.is_dirty() {
            if self.written.is_some() {
                self.clear();
            }
            self.dirty_since = None;
            return None;
        }
        if self.written == Some((doc.id(), doc.revision())) {
            return None;
        }
        let since = *self.dirty_since.get_or_insert(now);
        let due = since + f64::from(interval);
        if now >= due {
            // A failed write is tried again at the next interval; the work is still in memory.
            if self.write(doc).is_err() {
                self.dirty_since = Some(now);
            }
            None
        } else {
            Some(due - now)
        }
    }

    /// Reads the recovered project back as an unsaved document of its old place.
    pub fn restore(&self, info: &RecoveryInfo) -> Result<Document, crate::file::LoadError> {
        let mut doc = Document::open(&info.file)?;
        doc.path = info.path.clone();
        doc.mark_unsaved();
        Ok(doc)
    }
}

/// Removes a recovery pair and the backup the atomic save keeps beside the project.
fn remove_files(project: &Path, info: &Path) {
    for file in [
        info.to_owned(),
        project.to_owned(),
        crate::file::backup_path(project),
    ] {
        let _ = std::fs::remove_file(file);
    }
}

impl Drop for Slot {
    /// A window closing with nothing left to recover takes its lock file along; with work left
    /// (kept on purpose) the file stays beside it, free, so the next start offers the work.
    fn drop(&mut self) {
        if !named(&self.dir, &self.stem, INFO_EXT).exists() {
            let _ = std::fs::remove_file(named(&self.dir, &self.stem, LOCK_EXT));
        }
    }
}

/// "5 分钟前" / "5 minutes ago", for the restore offer.
pub fn ago(saved_at: u64, lang: crate::i18n::Lang) -> String {
    ago_from(crate::time::unix_now(), saved_at, lang)
}

/// [`ago`] as seen at `now`: seconds up to a minute and a half, minutes up to an hour and a half,
/// hours up to a day and a half, then days; English says "1 minute", "2 minutes".
fn ago_from(now: u64, saved_at: u64, lang: crate::i18n::Lang) -> String {
    let secs = now.saturating_sub(saved_at);
    let (n, zh, en) = match secs {
        s if s < 90 => (s, "秒", "second"),
        s if s < 90 * 60 => (s / 60, "分钟", "minute"),
        s if s < 36 * 3600 => (s / 3600, "小时", "hour"),
        s => (s / 86_400, "天", "day"),
    };
    match lang {
        crate::i18n::Lang::Zh => format!("{n} {zh}前"),
        crate::i18n::Lang::En if n == 1 => format!("1 {en} ago"),
        crate::i18n::Lang::En => format!("{n} {en}s ago"),
    }
}

#[cfg(test)]
mod tests;
