//! The Help menu, driven headless as a user drives it: the user guide and About open from it,
//! in the interface's language, and Esc closes the innermost window only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::ui::ChainmapApp;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(lang: Lang) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    harness
}

fn help_item(harness: &mut Harness<'static, ChainmapApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
    harness.run_steps(3);
}

#[test]
fn the_user_guide_opens_from_the_help_menu_in_each_language() {
    let mut harness = harness(Lang::Zh);
    help_item(&mut harness, "帮助", "用户指南");
    assert!(harness.state().help_windows.guide);
    harness.get_by_label("串珠用户指南");
    harness.get_by_label_contains("添加第一个环节");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().help_windows.guide, "Esc closes the guide");
    assert!(harness.query_by_label("串珠用户指南").is_none());

    let mut harness = self::harness(Lang::En);
    help_item(&mut harness, "Help", "User Guide");
    harness.get_by_label("chainmap User Guide");
    harness.get_by_label_contains("Add the first stage");
}

#[test]
fn about_names_the_version_the_file_format_and_the_licences() {
    let mut harness = harness(Lang::En);
    help_item(&mut harness, "Help", "About chainmap");
    harness.get_by_label(env!("CARGO_PKG_VERSION"));
    harness.get_by_label(&format!(
        "chainmap version {}",
        chainmap::file::CURRENT_VERSION
    ));
    harness.get_by_label_contains("SIL Open Font License 1.1");
    harness.get_by_label("Font licences in full").click();
    harness.run_steps(2);
    harness.get_by_label_contains("SIL OPEN FONT LICENSE Version 1.1");
}

#[test]
fn esc_closes_the_innermost_help_window_first() {
    let mut harness = harness(Lang::En);
    help_item(&mut harness, "Help", "User Guide");
    help_item(&mut harness, "Help", "About chainmap");
    // A selected node stays selected until the windows are gone.
    harness.state_mut().ui.selection.nodes.insert("E01".into());
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    let app = harness.state();
    assert!(!app.help_windows.about && app.help_windows.guide);
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().help_windows.guide);
    assert!(!harness.state().ui.selection.nodes.is_empty());
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().ui.selection.nodes.is_empty());
}
