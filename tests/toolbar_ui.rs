//! The toolbar driven headless with egui_kittest at 1366×768, as a new user drives it: each tool
//! gives its command (the same as its menu item), toggles look pressed while on, the tooltips
//! give the keys, everything fits in Chinese and English, "Add enterprise" is named by typing,
//! and F9 toggles the analysis panel.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::NodeKind;
use chainmap::ui::ChainmapApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type App = Harness<'static, ChainmapApp>;

fn harness(lang: Lang) -> App {
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

fn tool(harness: &App, label: &str) -> egui::Rect {
    harness.get_by_role_and_label(Role::Button, label).rect()
}

fn click_tool(harness: &mut App, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run_steps(2);
}

fn pressed(harness: &App, label: &str) -> bool {
    harness
        .get_by_role_and_label(Role::Button, label)
        .accesskit_node()
        .toggled()
        == Some(egui::accesskit::Toggled::True)
}

#[test]
fn every_tool_fits_in_one_row_at_1366_in_both_languages() {
    for (lang, labels) in [
        (
            Lang::Zh,
            ["添加企业", "连线", "自动布局", "分析", "演示", "命令面板"],
        ),
        (
            Lang::En,
            [
                "Add Enterprise",
                "Link",
                "Auto Layout",
                "Analysis",
                "Present",
                "Command Palette",
            ],
        ),
    ] {
        let harness = harness(lang);
        let rects: Vec<egui::Rect> = labels.iter().map(|l| tool(&harness, l)).collect();
        let menu_bottom = harness
            .get_by_role_and_label(Role::Button, lang.pick("文件", "File"))
            .rect()
            .bottom();
        for (rect, label) in rects.iter().zip(labels) {
            assert!(
                rect.left() >= 0.0 && rect.right() <= 1366.0,
                "{label} {rect:?}"
            );
            assert!(rect.top() >= menu_bottom, "{label} sits under the menu bar");
            assert!(
                (rect.center().y - rects[0].center().y).abs() < 1.0,
                "{label} in the one row"
            );
        }
        // Left to right without overlapping, the palette at the right end.
        for pair in rects.windows(2) {
            assert!(pair[0].right() <= pair[1].left(), "{pair:?}");
        }
        assert!(rects[5].right() > 1300.0, "the palette sits at the right");
    }
}

#[test]
fn add_enterprise_puts_one_in_the_lane_at_the_centre_and_typing_names_it() {
    let mut harness = harness(Lang::Zh);
    let before = harness.state().doc.project.clone();
    click_tool(&mut harness, "添加企业");
    let app = harness.state();
    assert_eq!(app.doc.project.nodes.len(), before.nodes.len() + 1);
    let new = app
        .doc
        .project
        .nodes
        .values()
        .find(|n| !before.nodes.contains_key(&n.id))
        .cloned()
        .unwrap();
    assert_eq!(new.kind, NodeKind::Enterprise);
    assert!(app.ui.selection.nodes.contains(&new.id), "it is selected");
    // At the centre of the view, in the lane there.
    let rect = app.ui.canvas_rect.unwrap();
    let centre = app.ui.camera.to_canvas(rect.min, rect.center());
    let at = new.position.unwrap();
    assert!((at.x - centre.x).abs() < 1.0 && (at.y - centre.y).abs() < 1.0);
    let lane = chainmap::ui::canvas::lanes(&app.doc.project, Lang::Zh)
        .into_iter()
        .find(|l| (l.center_x - at.x).abs() <= chainmap::ui::canvas::LANE_WIDTH / 2.0)
        .expect("the view's centre is over a lane");
    assert_eq!(new.stages, vec![lane.stage]);

    // The name field has the keyboard with the name selected: typing replaces it.
    assert!(harness.get_by_label("名称").is_focused());
    harness.event(egui::Event::Text("菌包新厂".into()));
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.nodes[&new.id].name, "菌包新厂");
    // Adding and naming are two steps; undoing both gives the project back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(1);
    assert_eq!(harness.state().doc.project.nodes[&new.id].name, "新企业");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(1);
    assert_eq!(harness.state().doc.project, before);
}

#[test]
fn the_add_enterprise_key_does_not_type_its_letter_into_the_name() {
    let mut harness = harness(Lang::En);
    let before = harness.state().doc.project.nodes.len();
    // With a node in the inspector, its fields are laid out already and the new one's name
    // field takes the keyboard in the very frame of the key.
    harness
        .get_by_role_and_label(Role::Button, "菌种公司A")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Name");
    // A key press as a window delivers it: the key and the text it types, in one frame.
    let key = |pressed| egui::Event::Key {
        key: egui::Key::E,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    let events = &mut harness.input_mut().events;
    events.extend([key(true), egui::Event::Text("e".into()), key(false)]);
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.doc.project.nodes.len(), before + 1);
    let id = app.ui.selection.nodes.iter().next().unwrap().clone();
    assert!(harness.get_by_label("Name").is_focused());
    harness.event(egui::Event::Text("Mushroom Co".into()));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.nodes[&id].name, "Mushroom Co");
}

#[test]
fn link_and_analysis_are_toggles_drawn_pressed_while_on() {
    let mut harness = harness(Lang::Zh);
    assert!(!harness.state().ui.link_tool);
    assert!(!pressed(&harness, "连线"));
    click_tool(&mut harness, "连线");
    assert!(harness.state().ui.link_tool);
    assert!(pressed(&harness, "连线"));
    click_tool(&mut harness, "连线");
    assert!(!harness.state().ui.link_tool);

    assert!(harness.state().ui.settings.show_analysis);
    assert!(pressed(&harness, "分析"));
    click_tool(&mut harness, "分析");
    assert!(!harness.state().ui.settings.show_analysis);
    assert!(!pressed(&harness, "分析"));
    assert!(harness.query_by_label("亩均效益").is_none(), "panel hidden");
    click_tool(&mut harness, "分析");
    assert!(harness.state().ui.settings.show_analysis);
    harness.get_by_label("亩均效益");
}

#[test]
fn auto_layout_present_and_palette_tools_give_their_commands() {
    let mut harness = harness(Lang::En);
    click_tool(&mut harness, "Auto Layout");
    for _ in 0..40 {
        if !harness.state().busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert_eq!(
        harness.state().doc.undo_label(Lang::En),
        Some("auto layout"),
        "one undo step, as from the menu"
    );

    click_tool(&mut harness, "Command Palette");
    assert!(harness.state().palette.open);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().palette.open);

    click_tool(&mut harness, "Present");
    assert!(harness.state().present.is_some());
}

#[test]
fn tooltips_say_what_a_tool_does_and_its_key() {
    let mut harness = harness(Lang::Zh);
    for (label, key) in [
        ("添加企业", "快捷键 E"),
        ("连线", "快捷键 L"),
        ("分析", "快捷键 F9"),
        ("演示", "快捷键 F5"),
        ("命令面板", "快捷键 Ctrl+K"),
    ] {
        harness.get_by_role_and_label(Role::Button, label).hover();
        harness.run_steps(4);
        harness.get_by_label_contains(key);
        // Away from the toolbar before the next.
        harness.hover_at(egui::pos2(700.0, 300.0));
        harness.run_steps(4);
    }
}

#[test]
fn f9_hides_the_analysis_panel_and_f9_again_shows_it() {
    let mut harness = harness(Lang::Zh);
    // Open at start (the default), so the first F9 hides it.
    assert!(harness.state().ui.settings.show_analysis);
    harness.get_by_label("亩均效益");
    harness.key_press(egui::Key::F9);
    harness.run_steps(2);
    assert!(!harness.state().ui.settings.show_analysis);
    assert!(harness.query_by_label("亩均效益").is_none());
    harness.key_press(egui::Key::F9);
    harness.run_steps(2);
    assert!(harness.state().ui.settings.show_analysis);
    harness.get_by_label("亩均效益");
    // The same while a text field has the keyboard: F9 is not a key that types.
    harness.get_by_label("搜索").click();
    harness.run_steps(1);
    harness.key_press(egui::Key::F9);
    harness.run_steps(2);
    assert!(!harness.state().ui.settings.show_analysis);
}
