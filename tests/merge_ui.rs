//! File → Merge… headless with egui_kittest on the 柞水 sample (ours) at 1366×768: theirs and
//! base typed into the in-app file browser; a conflict settled in the window, the result one
//! undo step; Cancel changes nothing; a merge without conflicts applied at once with the counts
//! in the status bar; a long value cut in its cell and whole on hover; a result failing the
//! checks and a file that is not a project change nothing. In zh and en.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{NodeId, Project};
use chainmap::ui::ChainmapApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

type H = Harness<'static, ChainmapApp>;

/// 菌种公司A: renamed on both sides (the conflict).
const BOTH: &str = "E01";
/// 木屑加工厂A: renamed by the colleague only.
const THEIRS_ONLY: &str = "E03";

fn sample(lang: Lang) -> H {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    h.run_steps(3);
    h
}

fn name(p: &Project, id: &str) -> String {
    p.nodes[&NodeId::from(id)].name.clone()
}

fn renamed(p: &Project, renames: &[(&str, &str)]) -> Project {
    let mut p = p.clone();
    for (id, name) in renames {
        p.nodes.get_mut(&NodeId::from(*id)).unwrap().name = (*name).to_owned();
    }
    p
}

fn write(dir: &Path, file: &str, p: &Project) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, chainmap::file::to_json(p).unwrap()).unwrap();
    path
}

/// Base: the sample with 菌种公司A called 菌种公司(旧名), so our sample renamed it; theirs
/// renamed it otherwise (a conflict) and renamed 木屑加工厂A (no conflict).
fn files(dir: &Path, ours: &Project, theirs_name: &str) -> (PathBuf, PathBuf) {
    let base = renamed(ours, &[(BOTH, "菌种公司(旧名)")]);
    let theirs = renamed(
        &base,
        &[(BOTH, theirs_name), (THEIRS_ONLY, "木屑厂(对方改名)")],
    );
    (
        write(dir, "base.chainmap.json", &base),
        write(dir, "同事.chainmap.json", &theirs),
    )
}

/// Types a path into the open in-app file browser.
fn type_path(h: &mut H, path: &Path) {
    h.event(egui::Event::Text(path.display().to_string()));
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(6);
}

/// File → Merge…, theirs then base.
fn merge_through_the_menu(h: &mut H, lang: Lang, theirs: &Path, base: &Path) {
    chainmap::ui::force_in_app_file_browser();
    h.get_by_label(lang.pick("文件", "File")).click();
    h.run_steps(3);
    h.get_by_label(lang.pick("合并…", "Merge…")).click();
    h.run_steps(4);
    type_path(h, theirs);
    type_path(h, base);
    h.run_steps(6);
}

fn message(h: &H) -> (String, bool) {
    let m = h.state().ui.message.as_ref().unwrap();
    (m.text.clone(), m.is_error)
}

fn conflict_taken_from_theirs(lang: Lang) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(lang);
    let original = h.state().doc.project.clone();
    let depth = h.state().doc.undo_depth();
    let hostile = "<script>alert(1)</script>";
    let (base, theirs) = files(dir.path(), &original, hostile);
    merge_through_the_menu(&mut h, lang, &theirs, &base);
    // Nothing applied yet: the window lists the one conflict, names as text.
    assert!(h.state().merge.is_open());
    assert_eq!(h.state().doc.project, original);
    h.get_by_label(lang.pick("合并冲突", "Merge conflicts"));
    h.get_by_label(&format!(
        "{} · {BOTH} “{}”",
        lang.pick("节点", "Nodes"),
        name(&original, BOTH)
    ));
    h.get_by_label("name");
    h.get_by_label(hostile);
    h.get_by_label(lang.pick("对方", "Theirs")).click();
    h.run_steps(3);
    h.get_by_label(lang.pick("合并", "Merge")).click();
    h.run_steps(6);
    let app = h.state();
    assert!(!app.merge.is_open());
    assert_eq!(name(&app.doc.project, BOTH), hostile);
    assert_eq!(name(&app.doc.project, THEIRS_ONLY), "木屑厂(对方改名)");
    assert_eq!(app.doc.undo_depth(), depth + 1, "one undo step");
    let (text, error) = message(&h);
    assert!(!error, "{text}");
    assert_eq!(
        text,
        lang.pick(
            "已合并“同事.chainmap.json”:新增 0、删除 0、修改 2(节点)",
            "Merged \"同事.chainmap.json\": 0 added, 0 removed, 2 changed (Nodes)"
        )
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().doc.project, original, "one Ctrl+Z restores ours");
}

#[test]
fn a_conflict_taken_from_theirs_merges_both_edits_as_one_undo_step_zh() {
    conflict_taken_from_theirs(Lang::Zh);
}

#[test]
fn a_conflict_taken_from_theirs_merges_both_edits_as_one_undo_step_en() {
    conflict_taken_from_theirs(Lang::En);
}

fn cancel_changes_nothing(lang: Lang) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(lang);
    let original = h.state().doc.project.clone();
    let depth = h.state().doc.undo_depth();
    let (base, theirs) = files(dir.path(), &original, "菌种公司(对方)");
    merge_through_the_menu(&mut h, lang, &theirs, &base);
    assert!(h.state().merge.is_open());
    h.get_by_label(lang.pick("全部对方", "All theirs")).click();
    h.run_steps(3);
    h.get_by_label(lang.pick("取消", "Cancel")).click();
    h.run_steps(4);
    let app = h.state();
    assert!(!app.merge.is_open());
    assert_eq!(app.doc.project, original);
    assert_eq!(app.doc.undo_depth(), depth);
}

#[test]
fn cancel_in_the_conflict_window_changes_nothing_zh() {
    cancel_changes_nothing(Lang::Zh);
}

#[test]
fn cancel_in_the_conflict_window_changes_nothing_en() {
    cancel_changes_nothing(Lang::En);
}

#[test]
fn without_conflicts_the_merge_applies_at_once_and_counts_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(Lang::En);
    let original = h.state().doc.project.clone();
    // Base is ours itself: every edit of theirs goes through.
    let base = write(dir.path(), "base.chainmap.json", &original);
    let mut theirs = renamed(&original, &[(THEIRS_ONLY, "Sawdust mill")]);
    theirs.nodes.remove(&NodeId::from("E06"));
    theirs
        .links
        .retain(|_, l| l.from.as_str() != "E06" && l.to.as_str() != "E06");
    let theirs = write(dir.path(), "theirs.chainmap.json", &theirs);
    merge_through_the_menu(&mut h, Lang::En, &theirs, &base);
    let app = h.state();
    assert!(!app.merge.is_open(), "{:?}", message(&h));
    assert_eq!(
        name(&app.doc.project, THEIRS_ONLY),
        "Sawdust mill",
        "{:?}",
        message(&h)
    );
    assert!(!app.doc.project.nodes.contains_key(&NodeId::from("E06")));
    // E06's links went with it.
    assert!(
        app.doc
            .project
            .links
            .values()
            .all(|l| l.from.as_str() != "E06" && l.to.as_str() != "E06")
    );
    let (text, error) = message(&h);
    assert!(!error, "{text}");
    assert!(
        text.starts_with("Merged \"theirs.chainmap.json\": 0 added, ")
            && text.contains(" removed, 1 changed (Nodes, Links"),
        "{text}"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().doc.project, original);
}

#[test]
fn a_file_that_is_not_a_project_changes_nothing_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("boundaries.json");
    std::fs::write(&bad, r#"{"type":"FeatureCollection","features":[]}"#).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = sample(lang);
        let original = h.state().doc.project.clone();
        chainmap::ui::force_in_app_file_browser();
        h.get_by_label(lang.pick("文件", "File")).click();
        h.run_steps(3);
        h.get_by_label(lang.pick("合并…", "Merge…")).click();
        h.run_steps(4);
        type_path(&mut h, &bad);
        let app = h.state();
        assert_eq!(app.doc.project, original);
        assert!(!app.merge.is_open());
        let (text, error) = message(&h);
        assert!(error);
        assert!(
            text.contains("boundaries.json")
                && text.contains(lang.pick("未合并", "nothing merged")),
            "{text}"
        );
    }
}

#[test]
fn a_result_that_fails_the_checks_lists_the_problems_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(Lang::En);
    let original = h.state().doc.project.clone();
    // Ours makes 菌包工厂B a party to a new agreement; theirs removes 菌包工厂B: the contract
    // would lose a party silently, so the merge stops instead.
    let agreement: chainmap::model::Agreement = serde_json::from_value(serde_json::json!({
        "id": "g", "name": "托管协议",
        "parties": [{"node": "E05", "role": "source"}, {"node": "E06", "role": "host"}],
        "phases": []}))
    .unwrap();
    h.state_mut()
        .apply_edit(chainmap::edit::Edit::SetAgreement(agreement));
    h.run_steps(2);
    let ours = h.state().doc.project.clone();
    assert!(chainmap::merge::problems(&ours).is_empty());
    let depth = h.state().doc.undo_depth();
    let base = write(dir.path(), "base.chainmap.json", &original);
    let mut theirs = original.clone();
    theirs.nodes.remove(&NodeId::from("E06"));
    theirs
        .links
        .retain(|_, l| l.from.as_str() != "E06" && l.to.as_str() != "E06");
    let theirs = write(dir.path(), "theirs.chainmap.json", &theirs);
    merge_through_the_menu(&mut h, Lang::En, &theirs, &base);
    let app = h.state();
    assert_eq!(app.doc.project, ours, "nothing changed");
    assert_eq!(app.doc.undo_depth(), depth);
    assert!(app.merge.is_open());
    let (text, error) = message(&h);
    assert!(
        error && text.starts_with("The merge of \"theirs.chainmap.json\" would have "),
        "{text}"
    );
    h.get_by_label("Problems in the merge");
    h.get_by_label("Close").click();
    h.run_steps(4);
    assert!(!h.state().merge.is_open());
    assert_eq!(h.state().doc.project, ours);
}

#[test]
fn a_long_value_is_cut_in_its_cell_and_whole_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample(Lang::Zh);
    let original = h.state().doc.project.clone();
    let long = "菌种公司A(已并入陕西秦岭食用菌菌种繁育有限公司,2025年起统一供种)";
    let (base, theirs) = files(dir.path(), &original, long);
    merge_through_the_menu(&mut h, Lang::Zh, &theirs, &base);
    assert!(h.state().merge.is_open());
    assert!(h.query_by_label(long).is_none(), "cut to fit the window");
    // The cell of their value in the conflict's row.
    let column = h.get_by_label("对方的值").rect().left();
    let row = h
        .get_by_label(&format!("节点 · {BOTH} “{}”", name(&original, BOTH)))
        .rect()
        .center()
        .y;
    let cell = h
        .query_all_by_label_contains("菌种公司A(已并入")
        .map(|n| n.rect())
        .find(|r| (r.center().y - row).abs() < 4.0 && r.left() >= column - 1.0)
        .expect("their value in the row");
    assert!(cell.right() < 1366.0 / 2.0 + 430.0, "inside the window");
    h.hover_at(cell.center());
    h.run_steps(6);
    h.get_by_label(long);
}
