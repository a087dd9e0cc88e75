//! Tests of the recovery files: locks, offers, clean-up, times.
use super::*;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Project, ProjectMeta};

fn renamed(doc: &mut Document, name: &str) {
    let meta = ProjectMeta {
        name: name.to_owned(),
        ..doc.project.meta.clone()
    };
    doc.apply(Edit::SetMeta(meta)).unwrap();
}

/// Makes this run's recovery files look like those of the run `stem` (one that crashed, or
/// another window): the pair renamed, no lock file of that name.
fn as_if_from(recovery: &Recovery, stem: &str) {
    let dir = recovery.dir.clone().unwrap();
    std::fs::rename(recovery.info_file().unwrap(), named(&dir, stem, INFO_EXT)).unwrap();
    std::fs::rename(
        recovery.project_file().unwrap(),
        named(&dir, stem, PROJECT_EXT),
    )
    .unwrap();
}

/// A run that is gone.
const GONE: &str = "autosave-4294967288";

fn lock_file(dir: &Path, stem: &str) -> PathBuf {
    named(&dir.join("recovery"), stem, LOCK_EXT)
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
    // This run's own file is never offered to itself.
    assert!(recovery.left_over().is_none());
    // Saved: the file goes.
    let target = dir.path().join("p.chainmap.json");
    doc.save(Some(&target)).unwrap();
    recovery.tick(80.0, &doc, 60);
    assert!(!file.exists());
    // Closed with nothing to recover: nothing is left in the folder.
    drop(recovery);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("recovery"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
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
    assert_eq!(info.project, "乙");
    assert_eq!(
        info.file,
        named(&recovery.dir.clone().unwrap(), GONE, PROJECT_EXT)
    );
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
    as_if_from(&recovery, "autosave-4294967287");
    assert_eq!(recovery.left_over().unwrap().project, "丙");
}

#[test]
fn a_locked_recovery_file_is_not_offered_and_an_unlocked_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut recovery = Recovery::new(Some(dir.path().to_owned()));
    let mut doc = Document::new(Project::new("甲"));
    renamed(&mut doc, "乙");
    recovery.write(&doc).unwrap();
    as_if_from(&recovery, GONE);
    // Its window still running: the lock is held (here by a handle of this process, which
    // counts the same: the lock belongs to the open file, not to the process).
    let window = File::create(lock_file(dir.path(), GONE)).unwrap();
    window.lock().unwrap();
    assert!(
        recovery.left_over().is_none(),
        "a running window is not a crash"
    );
    window.unlock().unwrap();
    assert_eq!(recovery.left_over().unwrap().project, "乙");
    // While one window offers it, the lock is held for it: a second window does not offer
    // it too; once the first lets go (it closed unanswered), the next start does.
    let mut second = Recovery::new(Some(dir.path().to_owned()));
    assert!(second.left_over().is_none());
    drop(recovery);
    assert_eq!(second.left_over().unwrap().project, "乙");
    // Gone, lock file and all (a run from before there were locks): offered too.
    second.claimed = None;
    std::fs::remove_file(lock_file(dir.path(), GONE)).unwrap();
    assert!(
        Recovery::new(Some(dir.path().to_owned()))
            .left_over()
            .is_some()
    );
}

#[test]
fn a_running_window_is_not_a_crash_and_off_means_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Recovery::new(Some(dir.path().to_owned()));
    let mut doc = Document::new(Project::new("甲"));
    renamed(&mut doc, "乙");
    first.write(&doc).unwrap();
    // Another window on the same data folder (in this process, as tests run): it does not
    // take the first one's work for a crash, and writes files of its own.
    let mut second = Recovery::new(Some(dir.path().to_owned()));
    assert!(second.left_over().is_none());
    renamed(&mut doc, "丙");
    let written = second.write(&doc).unwrap();
    assert_ne!(Some(written), first.project_file());
    assert!(first.left_over().is_none());
    // The first window vanishes with its work unsaved: the work is offered to the second.
    let first_file = first.project_file().unwrap();
    drop(first);
    let offer = second.left_over().unwrap();
    assert_eq!((offer.project.as_str(), &offer.file), ("乙", &first_file));

    let mut off = Recovery::new(Some(dir.path().to_owned()));
    renamed(&mut doc, "丁");
    assert_eq!(off.tick(0.0, &doc, 0), None);
    assert_eq!(off.tick(1000.0, &doc, 0), None);
    let mut nowhere = Recovery::new(None);
    assert_eq!(nowhere.tick(1000.0, &doc, 60), None);
    assert!(nowhere.write(&doc).is_err());
}

#[test]
fn a_crash_under_a_reused_process_id_is_neither_hidden_nor_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut crashed = Recovery::new(Some(dir.path().to_owned()));
    let mut doc = Document::new(Project::new("甲"));
    renamed(&mut doc, "旧");
    let old_file = crashed.write(&doc).unwrap();
    // The run crashed (its lock went with it); a new run got the same process id.
    crashed.slot = None;
    drop(crashed);
    let mut recovery = Recovery::new(Some(dir.path().to_owned()));
    assert_eq!(recovery.left_over().unwrap().project, "旧");
    renamed(&mut doc, "新");
    let new_file = recovery.write(&doc).unwrap();
    assert_ne!(new_file, old_file);
    assert!(new_file.ends_with(format!("autosave-{}-2.chainmap.json", std::process::id())));
    let old = crate::file::load_path(&old_file, Default::default()).unwrap();
    assert_eq!(old.project.meta.name, "旧");
}

#[test]
fn ago_says_the_unit_and_its_plural() {
    let t = 1_000_000;
    for (secs, en, zh) in [
        (0, "0 seconds ago", "0 秒前"),
        (1, "1 second ago", "1 秒前"),
        (45, "45 seconds ago", "45 秒前"),
        (90, "1 minute ago", "1 分钟前"),
        (150, "2 minutes ago", "2 分钟前"),
        (90 * 60, "1 hour ago", "1 小时前"),
        (5 * 3600, "5 hours ago", "5 小时前"),
        (36 * 3600, "1 day ago", "1 天前"),
        (3 * 86_400, "3 days ago", "3 天前"),
    ] {
        assert_eq!(ago_from(t + secs, t, Lang::En), en);
        assert_eq!(ago_from(t + secs, t, Lang::Zh), zh);
    }
    // A clock set back: not "in the future", just now.
    assert_eq!(ago_from(t, t + 50, Lang::En), "0 seconds ago");
}
