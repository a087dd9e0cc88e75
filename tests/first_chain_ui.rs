//! A park administrator's first chain, from nothing, driven headless the way they would do it at
//! 1366×768 in Chinese: File → New (name and county), the first stage from the empty canvas, a
//! second stage from its lane header, a required product, a firm in each lane (a double-click
//! and a right-click "add here"), a supply link from the firm's menu, and its output typed into
//! the data year. Every step goes through what is on screen; the test reads the project only
//! to check what landed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{LinkKind, Node, NodeKind, Pos, Project, StageId};
use chainmap::ui::ChainmapApp;
use egui::accesskit::Role;
use egui::{Key, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rust_decimal::Decimal;

type App = Harness<'static, ChainmapApp>;

fn harness() -> App {
    let data = tempfile::tempdir().unwrap().keep();
    let mut harness = Harness::builder()
        .with_size(vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            ChainmapApp::with_data_dir(cc, None, Some(Lang::Zh), Some(data.clone()))
        });
    harness.run_steps(3);
    // These tests work in the panels: open the ones a first start on a laptop folds.
    harness.state_mut().ui.settings.show_outline = true;
    harness.state_mut().ui.settings.show_analysis = true;
    harness.run_steps(3);
    harness
}

fn step(harness: &mut App) {
    harness.run_steps(3);
}

fn click(harness: &mut App, label: &str) {
    harness.get_by_label(label).click();
    step(harness);
}

/// Clicks the only button whose label is `entry`, or `entry` followed by its key.
fn choose(harness: &mut App, entry: &str) {
    let found: Vec<_> = harness
        .get_all_by_role(Role::Button)
        .filter(|n| {
            let label = n.accesskit_node().label().unwrap_or_default();
            label == entry
                || label
                    .strip_prefix(&format!("{entry} "))
                    .is_some_and(|key| key.chars().count() <= 6)
        })
        .collect();
    assert_eq!(found.len(), 1, "one button {entry}");
    found[0].click();
    step(harness);
}

/// Types into whatever has the keyboard and presses Enter.
fn type_and_enter(harness: &mut App, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    step(harness);
}

fn project(harness: &App) -> &Project {
    &harness.state().doc.project
}

fn node_named<'a>(harness: &'a App, name: &str) -> &'a Node {
    project(harness)
        .nodes
        .values()
        .find(|n| n.name == name)
        .unwrap_or_else(|| panic!("no node {name}"))
}

fn lane_header(harness: &App, id: &str, name: &str) -> Rect {
    harness.get_by_label(&format!("环节 {id} {name}")).rect()
}

/// An empty point of a lane: well below its header.
fn in_lane(harness: &App, id: &str, name: &str) -> Pos2 {
    lane_header(harness, id, name).center_bottom() + vec2(0.0, 140.0)
}

fn on_screen(harness: &App, p: Pos) -> Pos2 {
    let ui = &harness.state().ui;
    ui.camera
        .to_screen(ui.canvas_rect.expect("a canvas").min, p)
}

fn press(harness: &mut App, at: Pos2, button: egui::PointerButton) {
    harness.hover_at(at);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    step(harness);
}

fn double_click(harness: &mut App, at: Pos2) {
    harness.hover_at(at);
    harness.run_steps(1);
    // Two press/release pairs within egui's double-click delay.
    for (pressed, time) in [(true, 20.0), (false, 20.05), (true, 20.1), (false, 20.15)] {
        harness.input_mut().time = Some(time);
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    step(harness);
}

#[test]
fn a_chain_built_from_an_empty_project_by_hand() {
    let mut h = harness();

    // File → New asks for the name and the county first.
    click(&mut h, "文件");
    choose(&mut h, "新建…");
    h.get_by_label("新建项目");
    h.event(egui::Event::Text("柞水木耳".into()));
    h.get_by_label("县(区)").click();
    h.run_steps(1);
    h.event(egui::Event::Text("柞水县".into()));
    click(&mut h, "创建");
    let year = project(&h).meta.base_year.expect("a data year");
    assert!(project(&h).nodes.is_empty() && project(&h).chains.is_empty());

    // The empty canvas offers the first stage, named on its lane.
    click(&mut h, "＋ 添加第一个环节");
    type_and_enter(&mut h, "菌种");
    // A second stage from the lane header's menu.
    h.get_by_label("环节 U1 菌种").click_secondary();
    step(&mut h);
    click(&mut h, "在右侧添加环节");
    type_and_enter(&mut h, "栽培");
    let stages: Vec<String> = project(&h).stages().map(|(_, s)| s.name.clone()).collect();
    assert_eq!(stages, ["菌种", "栽培"]);

    // A required product of 菌种, from the outline.
    h.get_by_label("U1 菌种 (0)").click_secondary();
    step(&mut h);
    click(&mut h, "添加产品");
    type_and_enter(&mut h, "菌包");
    h.get_by_label("菌包").click_secondary();
    step(&mut h);
    click(&mut h, "必需(缺了就是缺口)");
    let (_, spawn) = project(&h).stage(&StageId::from("U1")).unwrap();
    assert_eq!(spawn.products.len(), 1);
    assert!(spawn.products[0].required);

    // A firm in 菌种 by double-click: its name has the keyboard at once.
    let at = in_lane(&h, "U1", "菌种");
    double_click(&mut h, at);
    h.get_by_label("添加节点");
    choose(&mut h, "企业");
    type_and_enter(&mut h, "菌种公司");
    // A firm in 栽培 from the canvas's menu.
    let at = in_lane(&h, "U2", "栽培");
    press(&mut h, at, egui::PointerButton::Secondary);
    choose(&mut h, "在此添加…");
    choose(&mut h, "企业");
    type_and_enter(&mut h, "栽培合作社");
    let (spawn_firm, grower) = (
        node_named(&h, "菌种公司").clone(),
        node_named(&h, "栽培合作社").clone(),
    );
    assert_eq!(spawn_firm.kind, NodeKind::Enterprise);
    assert_eq!(spawn_firm.stages, [StageId::from("U1")]);
    assert_eq!(grower.stages, [StageId::from("U2")]);

    // A supply link from the first firm's menu: 连到…, a click on the other, 供应.
    let from = on_screen(&h, spawn_firm.position.unwrap());
    press(&mut h, from, egui::PointerButton::Secondary);
    choose(&mut h, "连到…");
    let to = on_screen(&h, grower.position.unwrap());
    press(&mut h, to, egui::PointerButton::Primary);
    choose(&mut h, "供应");
    let links: Vec<_> = project(&h).links.values().collect();
    assert_eq!(links.len(), 1);
    assert_eq!(
        (links[0].kind, &links[0].from, &links[0].to),
        (LinkKind::Supply, &spawn_firm.id, &grower.id)
    );

    // Its output, typed straight into the data year.
    press(&mut h, from, egui::PointerButton::Primary);
    h.get_by_label_contains(&format!("{year} (数据年份)"));
    h.get_by_label("产值(万元)").click();
    h.run_steps(1);
    type_and_enter(&mut h, "2100");
    let figures = &node_named(&h, "菌种公司").figures;
    assert_eq!(figures[&year].output, Some(Decimal::from(2100)));

    // The gap analysis sees the chain: 菌包 is required and 菌种公司, in the stage listing it,
    // can make it (issue 16: availability by capability), but the stage has no 规上, 专精特新 or
    // 高新 firm, so it is listed to strengthen.
    click(&mut h, "缺口");
    let gaps = &h.state().analysis().expect("analysed").gaps;
    assert!(
        gaps.iter().all(|g| g.product.as_deref() != Some("菌包")),
        "the required product has a local firm able to make it: {gaps:?}"
    );
    assert!(
        gaps.iter()
            .any(|g| g.class == chainmap::analysis::GapClass::Weak
                && g.product.is_none()
                && g.stage == Some(StageId::from("U1"))),
        "the stage has no strong firm: {gaps:?}"
    );
    h.get_by_label_contains(&format!("缺口 ({})", gaps.len()));
    // Every gesture was an undo step of its own, none lost: undo all the way back to empty.
    while h.state().doc.undo_depth() > 0 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        h.run_steps(1);
    }
    step(&mut h);
    assert!(project(&h).chains.is_empty() && project(&h).nodes.is_empty());
}
