//! The command palette (Ctrl+K, Ctrl+Shift+P), the outline search by pinyin and the key help,
//! driven headless as a user drives them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::NodeId;
use chainmap::ui::ChainmapApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(lang: Lang) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    // These tests work in the panels: open the ones a first start on a laptop folds.
    harness.state_mut().ui.settings.show_outline = true;
    harness.state_mut().ui.settings.show_analysis = true;
    harness.run_steps(3);
    harness
}

fn node_named(app: &ChainmapApp, name: &str) -> NodeId {
    app.doc
        .project
        .nodes
        .values()
        .find(|n| n.name == name)
        .map(|n| n.id.clone())
        .unwrap_or_else(|| panic!("no node {name}"))
}

fn type_text(harness: &mut Harness<'_, ChainmapApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(2);
}

fn open_palette(harness: &mut Harness<'_, ChainmapApp>, shift_p: bool) {
    if shift_p {
        let m = Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        };
        harness.key_press_modifiers(m, Key::P);
    } else {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    }
    harness.run_steps(2);
    assert!(harness.state().palette.open, "the palette opens");
}

#[test]
fn pinyin_initials_find_a_firm_and_enter_selects_it() {
    let mut harness = harness(Lang::Zh);
    open_palette(&mut harness, false);
    type_text(&mut harness, "jbgc");
    // Both 菌包工厂 rows match; the first (A) is chosen, ↓ moves to B.
    harness.key_press(Key::ArrowDown);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    let app = harness.state();
    assert!(!app.palette.open);
    let b = node_named(app, "菌包工厂B");
    assert_eq!(app.ui.selection.nodes.iter().collect::<Vec<_>>(), vec![&b]);
}

#[test]
fn every_reading_of_a_polyphone_is_searched() {
    // 行 reads háng in 农商行 and xíng elsewhere: both initials find the bank.
    for query in ["nsh", "nsx", "nongshanghang"] {
        let mut harness = harness(Lang::Zh);
        open_palette(&mut harness, true);
        type_text(&mut harness, query);
        harness.key_press(Key::Enter);
        harness.run_steps(2);
        let app = harness.state();
        let bank = node_named(app, "农商行县支行");
        assert!(
            app.ui.selection.nodes.contains(&bank),
            "{query} finds 农商行县支行"
        );
    }
}

#[test]
fn a_command_runs_from_the_palette_in_either_language() {
    let mut harness = harness(Lang::Zh);
    open_palette(&mut harness, false);
    // "zdbj": 自动布局 by its initials.
    type_text(&mut harness, "zdbj");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(harness.state().doc.undo_label(Lang::Zh), Some("自动布局"));
    // An English word finds the command in the Chinese UI too.
    open_palette(&mut harness, false);
    type_text(&mut harness, "keyboard");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(harness.state().key_help);
    harness.get_by_label("快捷键与鼠标操作");
}

#[test]
fn escape_closes_the_palette_and_changes_nothing() {
    let mut harness = harness(Lang::En);
    open_palette(&mut harness, false);
    type_text(&mut harness, "jbgc");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    let app = harness.state();
    assert!(!app.palette.open);
    assert!(app.ui.selection.is_empty());
    assert_eq!(app.doc.undo_depth(), 0);
}

#[test]
fn nothing_found_says_so() {
    let mut harness = harness(Lang::En);
    open_palette(&mut harness, false);
    type_text(&mut harness, "qqqqzzzz");
    harness.get_by_label("Nothing found");
}

#[test]
fn the_outline_search_finds_by_pinyin() {
    let mut harness = harness(Lang::Zh);
    let search = harness.get_by_label("搜索");
    search.click();
    harness.run_steps(1);
    type_text(&mut harness, "jbgc");
    // Only the matches are listed under their stage; others are gone from the outline.
    assert!(
        harness.query_all_by_label("菌包工厂A").count() >= 2,
        "outline and canvas"
    );
    assert_eq!(
        harness.query_all_by_label("木耳专业合作社1").count(),
        1,
        "only the canvas still shows it"
    );
}

#[test]
fn f1_lists_the_keys_from_the_command_table() {
    let mut harness = harness(Lang::En);
    harness.key_press(Key::F1);
    harness.run_steps(2);
    harness.get_by_label("Keys and mouse");
    harness.get_by_label("Command Palette…");
    harness.get_by_label("Present: the Chain");
    harness.get_by_label("Double-click empty space");
    harness.key_press(Key::F1);
    harness.run_steps(2);
    assert!(!harness.state().key_help);
}

/// A picture of the palette with a pinyin query (Chinese, 1366×768).
#[test]
fn palette_snapshot_in_chinese() {
    let mut zh = harness(Lang::Zh);
    open_palette(&mut zh, false);
    type_text(&mut zh, "jbgc");
    zh.run_steps(2);
    zh.snapshot("palette_zh");
}

/// The palette with a command query, in English.
#[test]
fn palette_snapshot_in_english() {
    let mut en = harness(Lang::En);
    open_palette(&mut en, false);
    type_text(&mut en, "layout");
    en.run_steps(2);
    en.snapshot("palette_en");
}

/// The key help (F1), generated from the command table.
#[test]
fn key_help_snapshot() {
    let mut help = harness(Lang::En);
    help.key_press(Key::F1);
    help.run_steps(3);
    help.snapshot("key_help_en");
}

#[test]
fn a_click_elsewhere_closes_the_palette_and_escape_closes_the_key_help() {
    let mut harness = harness(Lang::En);
    open_palette(&mut harness, false);
    harness.get_by_label("Inspector").click();
    harness.run_steps(2);
    assert!(!harness.state().palette.open);
    harness.key_press(Key::F1);
    harness.run_steps(2);
    assert!(harness.state().key_help);
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().key_help);
}

#[test]
fn the_palette_opens_from_the_help_menu() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("帮助").click();
    harness.run_steps(2);
    // A menu item's accessible label carries its shortcut, from the same command table.
    harness.get_by_label("命令面板… Ctrl+K").click();
    harness.run_steps(3);
    assert!(harness.state().palette.open);
    type_text(&mut harness, "zsx");
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    let app = harness.state();
    assert!(app.ui.selection.nodes.contains(&node_named(app, "柞水县")));
}
