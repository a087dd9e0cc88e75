//! No lost work: unsaved changes are written to a recovery file in the user's data folder every
//! so often (a minute by default); after a crash the next start offers them back. A save, or
//! leaving on purpose, removes the file.
//!
//! Each running window has its own pair of files, named by its process id: the project as
//! `autosave-PID.chainmap.json` (an ordinary project file, written atomically), then
//! `autosave-PID.json` saying when, which project, from where. So two windows never write over
//! each other, and a window that is still running is not mistaken for a crash.

use crate::document::Document;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What a recovery file holds, for the offer to restore it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// Unix seconds.
    pub saved_at: u64,
    pub project: String,
    /// The file the project came from; none for a project never saved.
    pub path: Option<PathBuf>,
    pub pid: u32,
    /// The recovered project's file (not stored: it is named by the pid).
    #[serde(skip)]
    pub file: PathBuf,
}

/// The recovery files of this run, and when to write them next.
#[derive(Debug, Default)]
pub struct Recovery {
    /// None: nowhere to write (no data folder); autosave is off.
    dir: Option<PathBuf>,
    /// (document id, revision) last written.
    written: Option<(u64, u64)>,
    /// When the changes not yet written began (egui time, seconds).
    dirty_since: Option<f64>,
}

fn project_name(pid: u32) -> String {
    format!("autosave-{pid}.chainmap.json")
}

fn info_name(pid: u32) -> String {
    format!("autosave-{pid}.json")
}

impl Recovery {
    /// Recovery files live in `dir/recovery/`.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir: dir.map(|d| d.join("recovery")),
            ..Self::default()
        }
    }

    /// Where this run's project is written.
    pub fn project_file(&self) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(project_name(std::process::id())))
    }

    fn info_file(&self) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(info_name(std::process::id())))
    }

    /// The newest recovery file a run left when it ended without saving (not this run's, and
    /// not one of a window that is still open).
    pub fn left_over(&self) -> Option<RecoveryInfo> {
        let dir = self.dir.as_ref()?;
        let mut found: Vec<RecoveryInfo> = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.starts_with("autosave-")
                    || !name.ends_with(".json")
                    || name.ends_with(".chainmap.json")
                {
                    return None;
                }
                let text = std::fs::read_to_string(entry.path()).ok()?;
                let mut info: RecoveryInfo = serde_json::from_str(&text).ok()?;
                info.file = dir.join(project_name(info.pid));
                let ours = info.pid == std::process::id();
                (!ours && info.file.exists() && !process_alive(info.pid)).then_some(info)
            })
            .collect();
        found.sort_by_key(|i| i.saved_at);
        found.pop()
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
            file: project_file.clone(),
        };
        let text = serde_json::to_string_pretty(&info).map_err(|e| e.to_string())?;
        std::fs::write(&info_file, text).map_err(|e| format!("{}: {e}", info_file.display()))?;
        self.written = Some((doc.id(), doc.revision()));
        self.dirty_since = None;
        Ok(project_file)
    }

    /// Removes this run's recovery files (after a save, or a clean exit).
    pub fn clear(&mut self) {
        if let (Some(project), Some(info)) = (self.project_file(), self.info_file()) {
            remove_files(&project, &info);
        }
        self.written = None;
        self.dirty_since = None;
    }

    /// Removes the files of a crashed run's work (discarded, or taken over after a restore).
    pub fn discard(&self, offer: &RecoveryInfo) {
        if let Some(dir) = &self.dir {
            remove_files(&offer.file, &dir.join(info_name(offer.pid)));
        }
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

    /// Makes this run's recovery files look like those of process `pid` (a run that crashed,
    /// or another window).
    fn as_if_from(recovery: &Recovery, pid: u32) {
        let dir = recovery.dir.clone().unwrap();
        let info_file = recovery.info_file().unwrap();
        let mut info: RecoveryInfo =
            serde_json::from_str(&std::fs::read_to_string(&info_file).unwrap()).unwrap();
        info.pid = pid;
        std::fs::write(
            dir.join(info_name(pid)),
            serde_json::to_string(&info).unwrap(),
        )
        .unwrap();
        std::fs::rename(
            recovery.project_file().unwrap(),
            dir.join(project_name(pid)),
        )
        .unwrap();
        std::fs::remove_file(info_file).unwrap();
    }

    /// A process id no system hands out.
    const GONE: u32 = u32::MAX - 7;

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
        // This run's own file is never offered to itself.
        assert!(recovery.left_over().is_none());
        // Saved: the file goes.
        let target = dir.path().join("p.chainmap.json");
        doc.save(Some(&target)).unwrap();
        recovery.tick(80.0, &doc, 60);
        assert!(!file.exists());
    }

    #[test]
    fn a_crashed_runs_work_is_offered_restored_and_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let mut recovery = Recovery::new(Some(dir.path().to_owned()));
        let mut doc = Document::new(Project::new("甲"));
        renamed(&mut doc, "乙");
        recovery.write(&doc).unwrap();
        as_if_from(&recovery, GONE);
        let info = recovery.left_over().unwrap();
        assert_eq!((info.project.as_str(), info.pid), ("乙", GONE));
        let back = recovery.restore(&info).unwrap();
        assert_eq!(back.project, doc.project);
        assert!(back.is_dirty());
        // This run writing its own work leaves the crashed run's files alone.
        renamed(&mut doc, "丙");
        recovery.write(&doc).unwrap();
        assert!(info.file.exists());
        recovery.discard(&info);
        assert!(!info.file.exists());
        assert!(recovery.left_over().is_none());
        // Two crashed runs: the newer is offered first.
        recovery.write(&doc).unwrap();
        as_if_from(&recovery, GONE - 1);
        assert_eq!(recovery.left_over().unwrap().project, "丙");
    }

    #[test]
    fn a_running_window_is_not_a_crash_and_off_means_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut recovery = Recovery::new(Some(dir.path().to_owned()));
        let mut doc = Document::new(Project::new("甲"));
        renamed(&mut doc, "乙");
        recovery.write(&doc).unwrap();
        // Another running chainmap (a copy of `sleep` named like one, so it stays up for as
        // long as the check takes): its work is not a crash.
        let sleeper = dir.path().join("chainmap-window");
        if Path::new("/proc/self/exe").exists() && std::fs::copy("/bin/sleep", &sleeper).is_ok() {
            let mut sibling = std::process::Command::new(&sleeper)
                .arg("30")
                .spawn()
                .unwrap();
            as_if_from(&recovery, sibling.id());
            let while_running = recovery.left_over();
            let _ = sibling.kill();
            let _ = sibling.wait();
            assert!(while_running.is_none(), "a running window is not a crash");
            // Gone (or its id taken by another program): the work is offered.
            assert!(recovery.left_over().is_some());
        }
        let mut off = Recovery::new(Some(dir.path().to_owned()));
        renamed(&mut doc, "丙");
        assert_eq!(off.tick(0.0, &doc, 0), None);
        assert_eq!(off.tick(1000.0, &doc, 0), None);
        let mut nowhere = Recovery::new(None);
        assert_eq!(nowhere.tick(1000.0, &doc, 60), None);
        assert!(nowhere.write(&doc).is_err());
    }
}
