//! The 招商 tab driven headless with egui_kittest on the 柞水 sample at 1366×768: File → Import
//! Candidates… through the in-app file browser (one undo step), the ranked list, the filter by
//! gap, a status chosen (one undo step), a note typed (one edit when committed, none per key).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::CandidateStatus;
use chainmap::ui::ChainmapApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

type H = Harness<'static, ChainmapApp>;

const BAGS: &str = "陕西秦岭菌业包装材料有限公司";
// The first of the ranked list on the sample (固链 物流), always in view.
const LOGISTICS: &str = "陕西速达供应链管理有限公司";

fn list_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_projects/zhashui-candidates.csv")
}

/// The bundled sample (柞水 black fungus) at the users' screen size.
fn sample(lang: Lang) -> H {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    h.run_steps(3);
    h
}

fn undo(h: &mut H) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
}

fn click_at(h: &mut H, pos: egui::Pos2) {
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
    }
    h.run_steps(3);
}

/// Opens the combo box named `combo` and picks `option` (the one nearest below it), scrolling
/// the popup's list as a user would when the option is below the window's edge.
fn choose(h: &mut H, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run_steps(3);
    let below = h
        .get_by_role_and_label(Role::ComboBox, combo)
        .rect()
        .left_bottom();
    // The option nearest the combo (a name may also show in the list behind the popup).
    let find = |h: &H| {
        h.query_all_by_label(option)
            .map(|n| n.rect())
            .min_by(|a, b| {
                let d = |r: &egui::Rect| (r.left() - below.x).abs();
                d(a).total_cmp(&d(b))
            })
            .unwrap_or_else(|| panic!("no option {option} in {combo}"))
    };
    let window_bottom = 768.0 - 8.0;
    for _ in 0..40 {
        let rect = find(h);
        let step = if rect.bottom() > window_bottom {
            -40.0
        } else if rect.top() < below.y {
            40.0
        } else {
            break;
        };
        h.hover_at(below + egui::vec2(20.0, 30.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, step),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Default::default(),
        });
        h.run_steps(2);
    }
    let pick = find(h);
    assert!(
        pick.top() >= below.y && pick.bottom() <= window_bottom,
        "{option} stays out of view"
    );
    click_at(h, pick.center());
}

/// How many widgets read `label` (a name shows in the list and, when selected, beside it).
fn count(h: &H, label: &str) -> usize {
    h.query_all_by_label(label).count()
}

/// File → Import Candidates…, the list typed into the in-app browser.
fn import_through_the_menu(h: &mut H, lang: Lang) {
    chainmap::ui::force_in_app_file_browser();
    h.get_by_label(lang.pick("文件", "File")).click();
    h.run_steps(3);
    // The menu's item (the 招商 tab has the same button, lower down).
    let item = h
        .query_all_by_label(lang.pick("导入招商候选…", "Import Candidates…"))
        .map(|n| n.rect())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap();
    click_at(h, item.center());
    h.event(egui::Event::Text(list_path().display().to_string()));
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
}

#[test]
fn an_imported_list_is_one_undo_step_and_shows_ranked() {
    let mut h = sample(Lang::En);
    let depth = h.state().doc.undo_depth();
    import_through_the_menu(&mut h, Lang::En);
    let app = h.state();
    assert_eq!(app.doc.project.candidates.len(), 18);
    assert_eq!(app.doc.undo_depth(), depth + 1);
    assert_eq!(app.doc.undo_label(Lang::En), Some("import 18 candidates"));
    assert_eq!(
        app.ui.message.as_ref().map(|m| m.text.as_str()),
        Some("Candidates imported (zhashui-candidates.csv): 18 added, 0 updated, 0 unchanged")
    );
    // The tab opened on the list: the gap fillers first, each with its gap.
    h.get_by_label("18 candidates · 13 fill a gap");
    assert!(count(&h, BAGS) >= 1);
    assert!(count(&h, LOGISTICS) >= 1);
    // The same list again: every firm found by name, nothing changed, no undo step.
    import_through_the_menu(&mut h, Lang::En);
    assert_eq!(h.state().doc.undo_depth(), depth + 1);
    assert_eq!(
        h.state().ui.message.as_ref().map(|m| m.text.as_str()),
        Some("Candidates imported (zhashui-candidates.csv): 0 added, 0 updated, 18 unchanged")
    );
    undo(&mut h);
    assert!(h.state().doc.project.candidates.is_empty());
    h.get_by_label("No candidate firms yet");
}

#[test]
fn filter_status_and_note() {
    let mut h = sample(Lang::Zh);
    import_through_the_menu(&mut h, Lang::Zh);
    h.get_by_label("招商清单 18 家 · 可补缺口 13 家");
    assert!(count(&h, LOGISTICS) >= 1);

    // The filter by gap: only the firms making 菌袋 stay.
    choose(&mut h, "按缺口筛选", "补链 · 菌袋 (1)");
    assert!(count(&h, BAGS) >= 1);
    assert_eq!(count(&h, LOGISTICS), 0, "filtered out");

    // A status chosen on the row: one edit, one undo step.
    let id = |h: &H| {
        h.state()
            .doc
            .project
            .candidates
            .values()
            .find(|c| c.name == BAGS)
            .unwrap()
            .id
            .clone()
    };
    let bags = id(&h);
    let status = |h: &H| h.state().doc.project.candidates[&bags].status;
    let depth = h.state().doc.undo_depth();
    choose(&mut h, &format!("状态 · {BAGS}"), "已接洽");
    assert_eq!(status(&h), CandidateStatus::Contacted);
    assert_eq!(h.state().doc.undo_depth(), depth + 1);
    assert_eq!(
        h.state().doc.undo_label(Lang::Zh),
        Some(format!("修改招商对象“{BAGS}”").as_str())
    );
    undo(&mut h);
    assert_eq!(status(&h), CandidateStatus::New);

    // The note: no edit while typing, one when Enter commits it.
    let note = |h: &H| h.state().doc.project.candidates[&bags].note.clone();
    let before = note(&h);
    let depth = h.state().doc.undo_depth();
    h.get_by_role_and_label(Role::TextInput, "备注").click();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("3月已拜访,".into()));
    h.run_steps(1);
    h.event(egui::Event::Text("对方关心用地".into()));
    h.run_steps(2);
    assert_eq!(note(&h), before, "nothing committed while typing");
    assert_eq!(h.state().doc.undo_depth(), depth);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(note(&h), "3月已拜访,对方关心用地");
    assert_eq!(h.state().doc.undo_depth(), depth + 1, "one undo step");
    undo(&mut h);
    assert_eq!(note(&h), before);

    // Back to all candidates.
    choose(&mut h, "按缺口筛选", "全部候选");
    assert!(count(&h, LOGISTICS) >= 1);
}

#[test]
fn a_file_that_is_no_candidate_list_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "产品,营收\n菌袋,100\n").unwrap();
    let mut h = sample(Lang::En);
    chainmap::ui::force_in_app_file_browser();
    h.get_by_label("File").click();
    h.run_steps(3);
    h.get_by_label("Import Candidates…").click();
    h.run_steps(3);
    h.event(egui::Event::Text(bad.display().to_string()));
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    let app = h.state();
    assert!(app.doc.project.candidates.is_empty());
    let message = app.ui.message.as_ref().unwrap();
    assert!(message.is_error);
    assert!(
        message.text.contains("bad.csv") && message.text.contains("no name column"),
        "{}",
        message.text
    );
}
