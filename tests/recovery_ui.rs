//! No lost work: autosave to the recovery file, the offer to restore after a crash, and a panic
//! caught at the frame boundary, driven headless with egui_kittest.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::edit::Edit;
use chainmap::i18n::Lang;
use chainmap::model::ProjectMeta;
use chainmap::ui::ChainmapApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

fn editor(data_dir: &Path, lang: Lang) -> Harness<'static, ChainmapApp> {
    let dir: PathBuf = data_dir.to_owned();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            ChainmapApp::with_data_dir(cc, None, Some(lang), Some(dir.clone()))
        });
    harness.run_steps(3);
    harness
}

fn rename(harness: &mut Harness<'static, ChainmapApp>, name: &str) {
    let app = harness.state_mut();
    let meta = ProjectMeta {
        name: name.to_owned(),
        ..app.doc.project.meta.clone()
    };
    app.apply_edit(Edit::SetMeta(meta));
}

/// Runs frames with the clock at `seconds`.
fn at(harness: &mut Harness<'static, ChainmapApp>, seconds: f64) {
    harness.input_mut().time = Some(seconds);
    harness.run_steps(1);
}

/// This run's recovery file.
fn recovery_file(data_dir: &Path) -> PathBuf {
    data_dir
        .join("recovery")
        .join(format!("autosave-{}.chainmap.json", std::process::id()))
}

/// The process id the crashed run had.
const GONE: u32 = u32::MAX - 3;

/// Makes this run's recovery files look like a crashed run's (a process that is gone): the
/// next window started in this test process then finds them as a crash's.
fn as_if_crashed(data_dir: &Path) -> PathBuf {
    let gone = GONE;
    let dir = data_dir.join("recovery");
    let info_file = dir.join(format!("autosave-{}.json", std::process::id()));
    let text = std::fs::read_to_string(&info_file).unwrap();
    let mut info: serde_json::Value = serde_json::from_str(&text).unwrap();
    info["pid"] = gone.into();
    std::fs::write(dir.join(format!("autosave-{gone}.json")), info.to_string()).unwrap();
    std::fs::remove_file(info_file).unwrap();
    let crashed = dir.join(format!("autosave-{gone}.chainmap.json"));
    std::fs::rename(recovery_file(data_dir), &crashed).unwrap();
    crashed
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let mut first = editor(data.path(), Lang::En);
    at(&mut first, 100.0);
    rename(&mut first, "柞水木耳 (draft 2)");
    at(&mut first, 101.0);
    at(&mut first, 130.0);
    assert!(!recovery_file(data.path()).exists(), "not before a minute");
    at(&mut first, 162.0);
    assert!(
        recovery_file(data.path()).exists(),
        "written after a minute"
    );
    let project = first.state().doc.project.clone();
    // The window vanishes without a word (no exit handler runs): a crash.
    drop(first);
    let crashed = as_if_crashed(data.path());

    let mut second = editor(data.path(), Lang::En);
    second.run_steps(2);
    second.get_by_label("Restore unsaved work?");
    second.get_by_label_contains("\"柞水木耳 (draft 2)\" (a project never saved)");
    assert_ne!(
        second.state().doc.project,
        project,
        "nothing restored unasked"
    );
    second.get_by_label("Restore").click();
    second.run_steps(3);
    let app = second.state();
    assert_eq!(app.doc.project, project);
    assert!(app.doc.is_dirty(), "restored work is unsaved work");
    assert!(app.window_title().starts_with('●'));
    // The work moved to this run's own recovery file.
    assert!(!crashed.exists());
    assert!(recovery_file(data.path()).exists());

    // Saving it removes the recovery file.
    let target = data.path().join("saved.chainmap.json");
    second.state_mut().doc.save(Some(&target)).unwrap();
    at(&mut second, 500.0);
    assert!(!recovery_file(data.path()).exists());
}

#[test]
fn a_running_windows_work_is_not_offered_and_a_crashed_ones_is() {
    let data = tempfile::tempdir().unwrap();
    let mut first = editor(data.path(), Lang::En);
    at(&mut first, 10.0);
    rename(&mut first, "另一个窗口");
    at(&mut first, 11.0);
    at(&mut first, 80.0);
    drop(first);
    as_if_crashed(data.path());
    // The window that wrote it still runs: it holds the lock on its recovery file.
    let lock = data
        .path()
        .join("recovery")
        .join(format!("autosave-{GONE}.lock"));
    let running = std::fs::File::create(&lock).unwrap();
    running.lock().unwrap();
    let mut second = editor(data.path(), Lang::En);
    second.run_steps(2);
    assert!(second.query_by_label("Restore unsaved work?").is_none());
    assert!(second.state().recovery_offer.is_none());
    drop(second);
    // It is gone (the system let go of its lock): its work is offered, with when it was saved
    // in the user's own time.
    running.unlock().unwrap();
    let mut third = editor(data.path(), Lang::En);
    third.run_steps(2);
    third.get_by_label("Restore unsaved work?");
    let offer = third.state().recovery_offer.clone().unwrap();
    let when = chainmap::time::local_text(offer.saved_at);
    third.get_by_label_contains("\"另一个窗口\" (a project never saved) were saved ");
    third.get_by_label_contains(&format!(" ago ({when})."));
    assert!(when.contains(" UTC"), "{when}");
}

#[test]
fn discarding_the_offer_removes_the_file_and_off_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut first = editor(data.path(), Lang::Zh);
    at(&mut first, 10.0);
    rename(&mut first, "草稿");
    at(&mut first, 11.0);
    at(&mut first, 80.0);
    assert!(recovery_file(data.path()).exists());
    drop(first);
    let crashed = as_if_crashed(data.path());

    let mut second = editor(data.path(), Lang::Zh);
    second.run_steps(2);
    second.get_by_label("恢复未保存的工作?");
    second.get_by_label("丢弃").click();
    second.run_steps(2);
    assert!(!crashed.exists());
    assert!(second.query_by_label("恢复未保存的工作?").is_none());

    // Autosave off: nothing is written however long the work stays unsaved.
    second.state_mut().ui.settings.autosave_seconds = 0;
    at(&mut second, 100.0);
    rename(&mut second, "草稿二");
    at(&mut second, 101.0);
    at(&mut second, 5000.0);
    assert!(!recovery_file(data.path()).exists());
}

#[test]
fn a_panic_in_a_frame_is_caught_the_work_saved_and_the_user_told() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = editor(data.path(), Lang::En);
    rename(&mut harness, "before the fault");
    harness.run_steps(1);
    harness.state_mut().panic_in_next_frame();
    harness.run_steps(3);
    harness.get_by_label("chainmap hit an internal error");
    harness.get_by_label_contains("a test asked this frame to fail");
    // The work is in the recovery file, whole.
    let saved = chainmap::file::load_path(&recovery_file(data.path()), Default::default()).unwrap();
    assert_eq!(saved.project.meta.name, "before the fault");
    assert_eq!(saved.project, harness.state().doc.project);
    // Continue: the editor works on.
    harness.get_by_label("Continue").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label("chainmap hit an internal error")
            .is_none()
    );
    harness.get_by_label("菌包工厂A").click();
    harness.run_steps(2);
    assert_eq!(harness.state().ui.selection.nodes.len(), 1);
}

#[test]
fn a_fault_that_keeps_coming_back_leaves_only_the_rescue() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = editor(data.path(), Lang::En);
    let target = data.path().join("work.chainmap.json");
    harness.state_mut().doc.save(Some(&target)).unwrap();
    rename(&mut harness, "unsaved rename");
    for _ in 0..3 {
        harness.state_mut().panic_in_next_frame();
        harness.run_steps(1);
    }
    harness.run_steps(2);
    harness.get_by_label("The error keeps coming back: save, then restart chainmap.");
    assert!(harness.query_by_label("Continue").is_none());
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    let on_disk = chainmap::file::load_path(&target, Default::default()).unwrap();
    assert_eq!(on_disk.project.meta.name, "unsaved rename");
    assert!(!harness.state().doc.is_dirty());
}

#[test]
fn bad_files_get_a_dialog_and_the_project_stays() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = editor(data.path(), Lang::En);
    let before = harness.state().doc.project.clone();
    let huge = data.path().join("huge.chainmap.json");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(chainmap::file::MAX_PROJECT_BYTES + 10)
        .unwrap();
    drop(file);
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    for (path, says) in [
        (huge, "over the 256 MB limit"),
        (corpus.join("deep-nesting.json"), "wrong type"),
        (corpus.join("gbk-encoded.json"), "is not UTF-8"),
        (corpus.join("truncated.json"), "EOF while parsing"),
        (
            corpus.join("nan-output-unknown-kind.json"),
            "unknown variant `spaceship`",
        ),
    ] {
        harness.state_mut().open_path(path.clone());
        harness.run_steps(3);
        harness.get_by_label("Cannot open the file");
        harness.get_by_label_contains(says);
        assert_eq!(harness.state().doc.project, before, "{}", path.display());
        // Let the dialog settle in size (its list is sized over a few frames), then close it.
        harness.run_steps(4);
        harness.get_by_label("Close").click_accesskit();
        harness.run_steps(2);
        assert!(
            harness.state().load_failure().is_none(),
            "{}",
            path.display()
        );
    }
}
