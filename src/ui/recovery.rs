//! No lost work: unsaved changes are written to a recovery file in the user's data folder every
//! so often (a minute by default); after a crash the next start offers them back. A save, or
//! leaving on purpose, removes the file.
//!
//! The project goes to `autosave.chainmap.json` (an ordinary project file, written atomically),
//! then a small `autosave.json` says when, which project, from where, and which process wrote
//! it, so a second window that is still running is not mistaken for a crash.

use crate::document::Document;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const PROJECT_FILE: &str = "autosave.chainmap.json";
const INFO_FILE: &str = "autosave.json";

/// What a recovery file holds, for the offer to restore it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// Unix seconds.
    pub saved_at: u64,
    pub project: String,
    /// The file the project came from; none for a project never saved.
    pub path: Option<PathBuf>,
    pub pid: u32,
}

/// The recovery file of this run, and when to write it next.
#[derive(Debug, Default)]
pub struct Recovery {
    /// None: nowhere to write (no data folder); autosave is off.
    dir: Option<PathBuf>,
    /// (document id, revision) last written.
    written: Option<(u64, u64)>,
    /// When the changes not yet written began (egui time, seconds).
    dirty_since: Option<f64>,
    /// Do not write over a recovery file the user has not answered about yet.
    pub paused: bool,
}

impl Recovery {
    /// Recovery files live in `dir/recovery/`.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir: dir.map(|d| d.join("recovery")),
            ..Self::default()
        }
    }

    /// Where the project is written.
    pub fn project_file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(PROJECT_FILE))
    }

    fn info_file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(INFO_FILE))
    }

    /// A recovery file left by a run that ended without saving (not one of a window that is
    /// still open).
    pub fn left_over(&self) -> Option<RecoveryInfo> {
        let text = std::fs::read_to_string(self.info_file()?).ok()?;
        let info: RecoveryInfo = serde_json::from_str(&text).ok()?;
        if !self.project_file()?.exists() {
            return None;
        }
        if info.pid != std::process::id() && process_alive(info.pid) {
            return None;
        }
        Some(info)
    }

    /// Writes the document now; remembers that this revision is safe.
    pub fn write(&mut self, doc: &Document) -> Result<PathBuf, String> {
        let (Some(dir), Some(project_file), Some(info_file)) =
            (self.dir.clone(), self.project_file(), self.info_file())
        else {
            return Err("no data folder".to_owned());
        };
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        crate::file::save(&project_file, &doc.project).map_err(|e| e.to_string())?;
        let info = RecoveryInfo {
            saved_at: crate::time::unix_now(),
            project: doc.project.meta.name.clone(),
            path: doc.path.clone(),
            pid: std::process::id(),
        };
        let text = serde_json::to_string_pretty(&info).map_err(|e| e.to_string())?;
        std::fs::write(&info_file, text).map_err(|e| format!("{}: {e}", info_file.display()))?;
        self.written = Some((doc.id(), doc.revision()));
        self.dirty_since = None;
        Ok(project_file)
    }

    /// Removes the recovery file (after a save, a clean exit, or a discarded offer).
    pub fn clear(&mut self) {
        for file in [self.info_file(), self.project_file()]
            .into_iter()
            .flatten()
        {
            let _ = std::fs::remove_file(file);
        }
        self.written = None;
        self.dirty_since = None;
    }

    /// Called every frame: writes unsaved changes once they are `interval` seconds old, and
    /// removes the file once nothing is unsaved. Returns how long until the next write is due,
    /// so the caller can wake up for it.
    pub fn tick(&mut self, now: f64, doc: &Document, interval: u32) -> Option<f64> {
        if self.paused || interval == 0 || self.dir.is_none() {
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

    /// Takes over the file a crashed run left (after restoring it): this run's autosaves and
    /// its clean-up apply to it from now on.
    pub fn adopt(&mut self) {
        self.paused = false;
        self.written = Some((u64::MAX, u64::MAX));
    }

    /// Reads the recovered project back as an unsaved document of its old place.
    pub fn restore(&self, info: &RecoveryInfo) -> Result<Document, crate::file::LoadError> {
        let file = self.project_file().unwrap_or_default();
        let mut doc = Document::open(&file)?;
        doc.path = info.path.clone();
        doc.mark_unsaved();
        Ok(doc)
    }
}

/// Whether this process id is a chainmap that is running (Linux: `/proc`, where an id reused by
/// another program does not count; elsewhere, assume not, so a crashed run's work is always
/// offered).
fn process_alive(pid: u32) -> bool {
    let Ok(exe) = std::fs::read_link(Path::new("/proc").join(pid.to_string()).join("exe")) else {
        return false;
    };
    let ours = std::env::current_exe().ok();
    ours.as_deref() == Some(exe.as_path())
        || exe
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("chainmap"))
}

/// "5 分钟前" / "5 minutes ago", for the restore offer.
pub fn ago(saved_at: u64, lang: crate::i18n::Lang) -> String {
    let secs = crate::time::unix_now().saturating_sub(saved_at);
    let (n, zh, en) = match secs {
        s if s < 90 => (s, "秒", "seconds"),
        s if s < 90 * 60 => (s / 60, "分钟", "minutes"),
        s if s < 36 * 3600 => (s / 3600, "小时", "hours"),
        s => (s / 86_400, "天", "days"),
    };
    match lang {
        crate::i18n::Lang::Zh => format!("{n} {zh}前"),
        crate::i18n::Lang::En => format!("{n} {en} ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::{Project, ProjectMeta};

    fn renamed(doc: &mut Document, name: &str) {
        let meta = ProjectMeta {
            name: name.to_owned(),
            ..doc.project.meta.clone()
        };
        doc.apply(Edit::SetMeta(meta)).unwrap();
    }

    #[test]
    fn unsaved_changes_are_written_after_the_interval_and_cleared_when_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut recovery = Recovery::new(Some(dir.path().to_owned()));
        let mut doc = Document::new(Project::new("甲"));
        assert_eq!(recovery.tick(0.0, &doc, 60), None, "nothing unsaved");
        renamed(&mut doc, "乙");
        assert_eq!(recovery.tick(10.0, &doc, 60), Some(60.0));
        assert_eq!(recovery.tick(40.0, &doc, 60), Some(30.0));
        assert!(!recovery.project_file().unwrap().exists());
        assert_eq!(recovery.tick(70.0, &doc, 60), None);
        let file = recovery.project_file().unwrap();
        let written = crate::file::load_path(&file, Default::default()).unwrap();
        assert_eq!(written.project, doc.project);
        // This run's own file is not offered as a crash while it runs ... unless the pid is
        // not alive: the info names our pid, so it is offered (same process).
        let info = recovery.left_over().unwrap();
        assert_eq!(info.project, "乙");
        // Restoring gives the project back, unsaved.
        let back = recovery.restore(&info).unwrap();
        assert_eq!(back.project, doc.project);
        assert!(back.is_dirty());
        // Saved: the file goes.
        let target = dir.path().join("p.chainmap.json");
        doc.save(Some(&target)).unwrap();
        recovery.tick(80.0, &doc, 60);
        assert!(!file.exists());
        assert!(recovery.left_over().is_none());
    }

    #[test]
    fn a_running_window_is_not_a_crash_and_off_means_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut recovery = Recovery::new(Some(dir.path().to_owned()));
        let mut doc = Document::new(Project::new("甲"));
        renamed(&mut doc, "乙");
        recovery.write(&doc).unwrap();
        // Another running copy of this program wrote it: not a crash.
        let info_file = recovery.info_file().unwrap();
        let text = std::fs::read_to_string(&info_file).unwrap();
        let mut info: RecoveryInfo = serde_json::from_str(&text).unwrap();
        let mut sibling = std::process::Command::new(std::env::current_exe().unwrap())
            .arg("--list")
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        info.pid = sibling.id();
        std::fs::write(&info_file, serde_json::to_string(&info).unwrap()).unwrap();
        let while_running = recovery.left_over();
        let _ = sibling.kill();
        let _ = sibling.wait();
        if Path::new("/proc/self/exe").exists() {
            assert!(while_running.is_none(), "a running window is not a crash");
            // Gone (or its id taken by another program): the work is offered.
            assert!(recovery.left_over().is_some());
        }
        // An id that belongs to some other program (pid 1, init) does not hold the work back.
        info.pid = 1;
        std::fs::write(&info_file, serde_json::to_string(&info).unwrap()).unwrap();
        assert!(recovery.left_over().is_some());
        let mut off = Recovery::new(Some(dir.path().to_owned()));
        renamed(&mut doc, "丙");
        assert_eq!(off.tick(0.0, &doc, 0), None);
        assert_eq!(off.tick(1000.0, &doc, 0), None);
        let mut nowhere = Recovery::new(None);
        assert_eq!(nowhere.tick(1000.0, &doc, 60), None);
        assert!(nowhere.write(&doc).is_err());
    }
}
