//! The canvas's gestures driven headless with egui_kittest on the bundled sample (Zhashui
//! fungus chain): wheel zoom about the pointer, panning, rubber-band selection, dragging a
//! selection as one undo step, a link clicked, edited in the inspector and deleted; the
//! right-click menus of a node, a link and empty space (each choice one undo step); no tooltip
//! over the link-kind picker; analysis rows and their 定位 buttons framing at a readable zoom.
//!
//! Each test first puts the camera at a known zoom and offset, so canvas positions map to known
//! screen points: screen = canvas rect min + offset + position × zoom.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{LinkId, LinkKind, NodeId, NodeKind, Pos};
use chainmap::ui::ChainmapApp;
use chainmap::ui::canvas::READABLE_ZOOM;
use chainmap::ui::state::AnalysisTab;
use chainmap::ui::state::Camera;
use egui::accesskit::Role;
use egui::{Modifiers, PointerButton, Pos2, Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::collections::BTreeSet;

type App = Harness<'static, ChainmapApp>;

fn harness() -> App {
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::new(cc, None, Some(Lang::En)));
    harness.run_steps(3);
    // These tests work in the panels: open the ones a first start on a laptop folds.
    harness.state_mut().ui.settings.show_outline = true;
    harness.state_mut().ui.settings.show_analysis = true;
    harness.run_steps(3);
    // These tests reach firms anywhere in the chain: the whole graph in view, as Fit to View
    // shows it (the first view shows only the part whose names can be read).
    harness.state_mut().ui.fit_all_requested = true;
    harness.run_steps(2);
    harness
}

fn canvas_rect(harness: &App) -> Rect {
    harness.get_by_role_and_label(Role::Canvas, "canvas").rect()
}

/// Points the camera so the canvas point (0, 0) is `at` pixels from the canvas's top left.
fn look(harness: &mut App, zoom: f32, at: Vec2) {
    harness.state_mut().ui.camera = Camera { zoom, offset: at };
    harness.run_steps(2);
}

/// Where the canvas point `p` is on screen.
fn screen(harness: &App, p: Pos) -> Pos2 {
    harness
        .state()
        .ui
        .camera
        .to_screen(canvas_rect(harness).min, p)
}

fn position(harness: &App, id: &str) -> Pos {
    harness.state().doc.project.nodes[&NodeId::from(id)]
        .position
        .unwrap()
}

fn ids<T: From<&'static str> + Ord>(list: &[&'static str]) -> BTreeSet<T> {
    list.iter().map(|&s| T::from(s)).collect()
}

/// Presses `button` at `from`, moves to `to` in `steps` even steps and releases, with
/// `modifiers` held throughout.
fn drag(harness: &mut App, from: Pos2, to: Pos2, button: PointerButton, modifiers: Modifiers) {
    let steps = 5;
    harness.event(egui::Event::ModifiersChanged(modifiers));
    harness.hover_at(from);
    harness.run_steps(1);
    harness.event(egui::Event::PointerButton {
        pos: from,
        button,
        pressed: true,
        modifiers,
    });
    harness.run_steps(1);
    for i in 1..=steps {
        harness.hover_at(from + (to - from) * (i as f32 / steps as f32));
        harness.run_steps(1);
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button,
        pressed: false,
        modifiers,
    });
    harness.run_steps(1);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run_steps(2);
}

/// A primary click at a screen point.
fn click_at(harness: &mut App, p: Pos2) {
    harness.hover_at(p);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: p,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(1);
}

fn wheel(harness: &mut App, at: Pos2, delta_y: f32) {
    harness.hover_at(at);
    harness.run_steps(1);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, delta_y),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    // egui spreads a wheel step over a few frames.
    harness.run_steps(30);
}

fn assert_near(a: f32, b: f32, what: &str) {
    assert!((a - b).abs() < 1e-3, "{what}: {a} is not {b}");
}

#[test]
fn the_wheel_zooms_about_the_pointer() {
    let mut harness = harness();
    look(&mut harness, 0.5, vec2(60.0, 200.0));
    let rect = canvas_rect(&harness);
    let pointer = rect.min + vec2(500.0, 260.0);
    let under = harness.state().ui.camera.to_canvas(rect.min, pointer);
    assert_eq!(under, Pos { x: 880.0, y: 120.0 });
    let e01_before = screen(&harness, position(&harness, "E01"));

    // 100 points up: zoom × e^(100 × 0.0015), the canvas point under the pointer stays put.
    wheel(&mut harness, pointer, 100.0);
    let camera = harness.state().ui.camera;
    assert_near(camera.zoom, 0.5 * 0.15f32.exp(), "zoomed in");
    let still = camera.to_canvas(rect.min, pointer);
    assert_near(still.x, under.x, "x under the pointer");
    assert_near(still.y, under.y, "y under the pointer");
    // Everything else moves away from the pointer by the same factor.
    let e01_after = screen(&harness, position(&harness, "E01"));
    let expected = pointer + (e01_before - pointer) * 0.15f32.exp();
    assert_near(e01_after.x, expected.x, "E01's x");
    assert_near(e01_after.y, expected.y, "E01's y");

    // And back out: the same step down undoes it.
    wheel(&mut harness, pointer, -100.0);
    let camera = harness.state().ui.camera;
    assert_near(camera.zoom, 0.5, "zoomed back out");
    assert_near(camera.offset.x, 60.0, "offset x restored");
    assert_near(camera.offset.y, 200.0, "offset y restored");

    // Over a panel the wheel scrolls the panel, not the canvas.
    let outline = harness.get_by_label("Outline").rect().center() + vec2(0.0, 200.0);
    assert!(!rect.contains(outline));
    wheel(&mut harness, outline, 100.0);
    assert_eq!(harness.state().ui.camera, camera);
    assert_eq!(harness.state().doc.undo_depth(), 0, "zooming is no edit");
}

#[test]
fn dragging_empty_canvas_pans_and_so_does_a_middle_drag() {
    let mut harness = harness();
    look(&mut harness, 1.0, vec2(80.0, 100.0));
    let before = harness.state().doc.project.clone();
    let rect = canvas_rect(&harness);
    // Canvas (355, 340): between the lanes' nodes, far from any.
    let empty = rect.min + vec2(435.0, 440.0);

    drag(
        &mut harness,
        empty,
        empty + vec2(100.0, -50.0),
        PointerButton::Primary,
        Modifiers::NONE,
    );
    let camera = harness.state().ui.camera;
    assert_eq!(camera.offset, vec2(180.0, 50.0));
    assert_eq!(camera.zoom, 1.0);

    drag(
        &mut harness,
        empty,
        empty + vec2(-80.0, 40.0),
        PointerButton::Middle,
        Modifiers::NONE,
    );
    assert_eq!(harness.state().ui.camera.offset, vec2(100.0, 90.0));

    let app = harness.state();
    assert!(app.ui.selection.is_empty(), "a pan selects nothing");
    assert_eq!(app.doc.undo_depth(), 0, "a pan is no edit");
    assert_eq!(app.doc.project, before);
}

#[test]
fn shift_drag_selects_exactly_the_nodes_in_the_box() {
    let mut harness = harness();
    look(&mut harness, 1.0, vec2(80.0, 100.0));
    let before = harness.state().doc.project.clone();
    // Something else selected first: a plain band replaces it.
    harness.get_by_label("菌包工厂A").click();
    harness.run_steps(1);
    assert_eq!(harness.state().ui.selection.nodes, ids(&["E05"]));

    // Canvas (-60, -40) to (300, 130): E01 (0, 0), E02 (0, 90), E03 (240, 0), E04 (240, 90);
    // not E05 (480, 0) nor the county R0 (0, -225).
    let a = screen(&harness, Pos { x: -60.0, y: -40.0 });
    let b = screen(&harness, Pos { x: 300.0, y: 130.0 });
    drag(&mut harness, a, b, PointerButton::Primary, Modifiers::SHIFT);
    let selection = &harness.state().ui.selection;
    assert_eq!(selection.nodes, ids(&["E01", "E02", "E03", "E04"]));
    assert!(selection.links.is_empty());
    assert_eq!(
        harness.state().ui.camera.offset,
        vec2(80.0, 100.0),
        "a band does not pan"
    );

    // Ctrl+Shift adds a second band, (420, -40) to (540, 130): E05 and E06.
    let a = screen(&harness, Pos { x: 420.0, y: -40.0 });
    let b = screen(&harness, Pos { x: 540.0, y: 130.0 });
    drag(
        &mut harness,
        a,
        b,
        PointerButton::Primary,
        Modifiers::SHIFT | Modifiers::COMMAND,
    );
    assert_eq!(
        harness.state().ui.selection.nodes,
        ids(&["E01", "E02", "E03", "E04", "E05", "E06"])
    );
    assert_eq!(harness.state().doc.undo_depth(), 0, "selecting is no edit");
    assert_eq!(harness.state().doc.project, before);
}

#[test]
fn dragging_one_of_several_selected_nodes_moves_all_as_one_undo_step() {
    let mut harness = harness();
    // Zoom 2: a drag of (50, 30) pixels is (25, 15) on the canvas.
    look(&mut harness, 2.0, vec2(150.0, 175.0));
    let before = harness.state().doc.project.clone();
    harness.get_by_label("菌种公司A").click();
    harness.run_steps(1);
    harness
        .get_by_label("木屑加工厂A")
        .click_modifiers(Modifiers::SHIFT);
    harness.run_steps(1);
    harness
        .get_by_label("农科所菌种站")
        .click_modifiers(Modifiers::COMMAND);
    harness.run_steps(1);
    assert_eq!(
        harness.state().ui.selection.nodes,
        ids(&["E01", "E02", "E03"])
    );

    let from = screen(&harness, position(&harness, "E01"));
    assert_eq!(from, harness.get_by_label("菌种公司A").rect().center());
    drag(
        &mut harness,
        from,
        from + vec2(50.0, 30.0),
        PointerButton::Primary,
        Modifiers::NONE,
    );
    assert_eq!(position(&harness, "E01"), Pos { x: 25.0, y: 15.0 });
    assert_eq!(position(&harness, "E03"), Pos { x: 265.0, y: 15.0 });
    assert_eq!(position(&harness, "E02"), Pos { x: 25.0, y: 105.0 });
    assert_eq!(
        position(&harness, "E04"),
        Pos { x: 240.0, y: 90.0 },
        "not selected, not moved"
    );
    assert_eq!(harness.state().doc.undo_depth(), 1, "one drag, one step");
    assert_eq!(
        harness.state().ui.selection.nodes,
        ids(&["E01", "E02", "E03"]),
        "the selection stays"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(
        harness.state().doc.project,
        before,
        "one undo restores all three"
    );
    assert_eq!(harness.state().doc.undo_depth(), 0);
}

#[test]
fn a_link_is_clicked_edited_in_the_inspector_and_deleted() {
    let mut harness = harness();
    look(&mut harness, 1.0, vec2(80.0, 100.0));
    let before = harness.state().doc.project.clone();
    let s04 = LinkId::from("S04");
    assert_eq!(
        before.links[&s04].value.map(|v| v.to_string()),
        Some("60".into())
    );
    // S04 runs from E02 (0, 90) up to E01 (0, 0); its middle is 45 from both nodes.
    let middle = screen(&harness, Pos { x: 0.0, y: 45.0 });

    // 8 pixels beside the line is empty space: the click clears the selection.
    harness.get_by_label("菌包工厂A").click();
    harness.run_steps(1);
    click_at(&mut harness, middle + vec2(8.0, 0.0));
    assert!(harness.state().ui.selection.is_empty());

    // On the line: the link alone is selected and the inspector shows it.
    click_at(&mut harness, middle + vec2(2.0, 0.0));
    let selection = &harness.state().ui.selection;
    assert_eq!(selection.links, ids(&["S04"]));
    assert!(selection.nodes.is_empty());
    assert_eq!(
        harness.get_by_label("Value per year").value().as_deref(),
        Some("60")
    );

    // Edit its value: type, Enter commits one step.
    harness.get_by_label("Value per year").click();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Value per year").type_text("75.5");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let edited = harness.state().doc.project.links[&s04].clone();
    assert_eq!(edited.value.map(|v| v.to_string()), Some("75.5".into()));
    assert_eq!(harness.state().doc.undo_depth(), 1);

    // Delete removes the link and nothing else.
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    let project = &harness.state().doc.project;
    assert!(!project.links.contains_key(&s04));
    assert_eq!(project.links.len(), before.links.len() - 1);
    assert_eq!(project.nodes, before.nodes);
    assert_eq!(harness.state().doc.undo_depth(), 2);

    // Undo brings it back as edited; undo again, as it was.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.links.get(&s04), Some(&edited));
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project, before);
}

/// A right click at a screen point.
fn rclick_at(harness: &mut App, p: Pos2) {
    harness.hover_at(p);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: p,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(1);
}

fn rclick_node(harness: &mut App, name: &str) {
    let centre = harness
        .get_by_role_and_label(Role::Button, name)
        .rect()
        .center();
    rclick_at(harness, centre);
}

/// Clicks a menu entry or picker button (an entry's label may carry its key after it).
fn choose(harness: &mut App, entry: &str) {
    let found: Vec<_> = harness
        .get_all_by_role(Role::Button)
        .filter(|n| {
            let label = n.accesskit_node().label().unwrap_or_default();
            // "Fit to View F": the key follows the label.
            label == entry
                || label
                    .strip_prefix(&format!("{entry} "))
                    .is_some_and(|key| key.chars().count() <= 6)
        })
        .collect();
    assert_eq!(found.len(), 1, "one button {entry}: {found:#?}");
    found[0].click();
    harness.run_steps(3);
}

/// The text of the first gap of the Gaps tab that is about firms.
fn gap_row(harness: &App) -> String {
    let analysis = harness.state().analysis().expect("analysed");
    let gap = analysis
        .gaps
        .iter()
        .find(|g| !g.nodes.is_empty())
        .expect("a gap");
    gap.message(Lang::En).to_string()
}

fn undo(harness: &mut App) {
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
}

/// The node is on screen, inside the canvas.
fn in_view(harness: &App, id: &str) -> bool {
    canvas_rect(harness).contains(screen(harness, position(harness, id)))
}

#[test]
fn link_to_from_a_node_menu_then_a_click_on_the_other_end_and_its_kind() {
    let mut harness = harness();
    let before = harness.state().doc.project.clone();
    rclick_node(&mut harness, "电商企业1");
    assert_eq!(
        harness.state().ui.selection.nodes,
        ids(&["E29"]),
        "selected"
    );
    choose(&mut harness, "Link to…");
    // Nothing yet; a click on the other end opens the kind picker there.
    assert_eq!(harness.state().doc.project, before);
    harness
        .get_by_role_and_label(Role::Button, "县检验检测中心")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Link kind");
    choose(&mut harness, "Supply");
    let project = &harness.state().doc.project;
    assert_eq!(project.links.len(), before.links.len() + 1);
    assert!(
        project.links.values().any(|l| l.from.as_str() == "E29"
            && l.to.as_str() == "E36"
            && l.kind == LinkKind::Supply)
    );
    assert_eq!(harness.state().doc.undo_depth(), 1, "one choice, one step");
    undo(&mut harness);
    assert_eq!(harness.state().doc.project, before);

    // Esc gives up waiting for the other end.
    rclick_node(&mut harness, "电商企业1");
    choose(&mut harness, "Link to…");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(1);
    assert!(harness.state().ui.picker.is_none());
}

#[test]
fn focus_lights_a_node_and_its_neighbours_and_frames_them_readably() {
    let mut harness = harness();
    assert!(
        harness.state().ui.camera.zoom < READABLE_ZOOM,
        "starts fitted, far out"
    );
    rclick_node(&mut harness, "链主食品集团(县外引进)");
    choose(&mut harness, "Focus");
    harness.run_steps(3);
    let app = harness.state();
    let lit = &app.ui.highlight.as_ref().expect("lit").nodes;
    let p = &app.doc.project;
    let neighbours: BTreeSet<NodeId> = p
        .links
        .values()
        .filter(|l| l.from.as_str() == "E23" || l.to.as_str() == "E23")
        .flat_map(|l| [l.from.clone(), l.to.clone()])
        .collect();
    assert!(neighbours.len() > 3);
    assert_eq!(*lit, neighbours);
    assert!(
        app.ui.camera.zoom >= READABLE_ZOOM,
        "{}",
        app.ui.camera.zoom
    );
    assert!(in_view(&harness, "E23"));
    assert_eq!(harness.state().doc.undo_depth(), 0, "looking is no edit");
}

#[test]
fn impact_opens_the_impact_tab_on_the_firm_and_lights_it_up() {
    let mut harness = harness();
    harness.state_mut().ui.settings.show_analysis = false;
    harness.run_steps(1);
    rclick_node(&mut harness, "链主食品集团(县外引进)");
    choose(&mut harness, "Impact");
    harness.run_steps(3);
    let app = harness.state();
    assert!(app.ui.settings.show_analysis);
    assert_eq!(app.ui.analysis_tab, AnalysisTab::Impact);
    assert_eq!(app.ui.impact_node, Some(NodeId::from("E23")));
    let lit = app.ui.highlight.as_ref().expect("lit");
    assert!(lit.nodes.contains(&NodeId::from("E23")));
    assert!(
        lit.nodes.len() + lit.danger.len() > 1,
        "and what its leaving reaches"
    );
    assert!(in_view(&harness, "E23"));
}

#[test]
fn delete_on_a_selected_node_deletes_the_selection_as_one_step() {
    let mut harness = harness();
    let before = harness.state().doc.project.clone();
    harness
        .get_by_role_and_label(Role::Button, "菌种公司A")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::Button, "电商企业1")
        .click_modifiers(Modifiers::SHIFT);
    harness.run_steps(1);
    rclick_node(&mut harness, "菌种公司A");
    assert_eq!(harness.state().ui.selection.nodes, ids(&["E01", "E29"]));
    choose(&mut harness, "Delete 2 Selected");
    let p = &harness.state().doc.project;
    assert!(!p.nodes.contains_key(&NodeId::from("E01")));
    assert!(!p.nodes.contains_key(&NodeId::from("E29")));
    assert_eq!(harness.state().doc.undo_depth(), 1);
    undo(&mut harness);
    assert_eq!(harness.state().doc.project, before);

    // On a node that is not selected, the menu is about that node alone.
    harness
        .get_by_role_and_label(Role::Button, "菌种公司A")
        .click();
    harness.run_steps(1);
    rclick_node(&mut harness, "电商企业1");
    assert_eq!(harness.state().ui.selection.nodes, ids(&["E29"]));
    choose(&mut harness, "Delete");
    let p = &harness.state().doc.project;
    assert!(p.nodes.contains_key(&NodeId::from("E01")));
    assert!(!p.nodes.contains_key(&NodeId::from("E29")));
}

#[test]
fn a_links_menu_changes_its_kind_among_those_its_ends_allow_and_deletes_it() {
    let mut harness = harness();
    look(&mut harness, 1.0, vec2(80.0, 100.0));
    let before = harness.state().doc.project.clone();
    let s04 = LinkId::from("S04");
    assert_eq!(before.links[&s04].kind, LinkKind::Supply);
    // S04 runs from E02 (0, 90) up to E01 (0, 0).
    let middle = screen(&harness, Pos { x: 0.0, y: 45.0 });
    rclick_at(&mut harness, middle + vec2(2.0, 0.0));
    assert_eq!(harness.state().ui.selection.links, ids(&["S04"]));
    choose(&mut harness, "Kind");
    // Two firms: supply (ticked), farmer linkage, investment; no park kinds.
    assert!(harness.query_by_label("Located in").is_none());
    assert!(harness.query_by_label("Enclave").is_none());
    harness.get_by_label("Farmer linkage");
    harness
        .get_by_role_and_label(Role::RadioButton, "Investment")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().doc.project.links[&s04].kind,
        LinkKind::Investment
    );
    assert_eq!(harness.state().doc.undo_depth(), 1);
    undo(&mut harness);
    assert_eq!(harness.state().doc.project, before);

    // The inspector changed width, and the untouched view followed: look again.
    look(&mut harness, 1.0, vec2(80.0, 100.0));
    let middle = screen(&harness, Pos { x: 0.0, y: 45.0 });
    rclick_at(&mut harness, middle + vec2(2.0, 0.0));
    choose(&mut harness, "Delete");
    let project = &harness.state().doc.project;
    assert!(!project.links.contains_key(&s04));
    assert_eq!(project.nodes, before.nodes);
    undo(&mut harness);
    assert_eq!(harness.state().doc.project, before);
}

#[test]
fn add_here_on_empty_space_adds_a_node_there_named_by_typing() {
    let mut harness = harness();
    look(&mut harness, 1.0, vec2(80.0, 100.0));
    let before = harness.state().doc.project.clone();
    let rect = canvas_rect(&harness);
    // Canvas (355, 340): between the lanes' nodes, far from any.
    rclick_at(&mut harness, rect.min + vec2(435.0, 440.0));
    choose(&mut harness, "Add Here…");
    harness.get_by_label("Add node");
    choose(&mut harness, "Enterprise");
    let app = harness.state();
    let new = app
        .doc
        .project
        .nodes
        .values()
        .find(|n| !before.nodes.contains_key(&n.id))
        .cloned()
        .expect("added");
    assert_eq!(new.kind, NodeKind::Enterprise);
    assert_eq!(new.position, Some(Pos { x: 355.0, y: 340.0 }));
    assert_eq!(new.stages.len(), 1, "in the lane there");
    assert!(
        harness.get_by_label("Name").is_focused(),
        "ready to be named"
    );
    harness.event(egui::Event::Text("Spawn Lab".into()));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.nodes[&new.id].name, "Spawn Lab");
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(harness.state().doc.project, before);
}

#[test]
fn fit_to_view_on_empty_space_shows_the_whole_graph() {
    let mut harness = harness();
    let fitted = harness.state().ui.camera;
    look(&mut harness, 1.0, vec2(80.0, 100.0));
    let rect = canvas_rect(&harness);
    rclick_at(&mut harness, rect.min + vec2(435.0, 440.0));
    choose(&mut harness, "Fit to View");
    let camera = harness.state().ui.camera;
    assert_near(camera.zoom, fitted.zoom, "fitted zoom");
    assert_near(camera.offset.x, fitted.offset.x, "fitted x");
    assert_eq!(harness.state().doc.undo_depth(), 0);
}

#[test]
fn no_tooltip_covers_the_link_kind_picker() {
    let mut harness = harness();
    let target = harness
        .get_by_role_and_label(Role::Button, "县检验检测中心")
        .rect()
        .center();
    // Resting on a node shows its tooltip (so the check below can fail).
    harness.hover_at(target);
    harness.run_steps(6);
    assert!(
        harness.query_by_label_contains("(E36)").is_some(),
        "tooltip"
    );
    harness.hover_at(target + vec2(0.0, 200.0));
    harness.run_steps(6);

    harness
        .get_by_role_and_label(Role::Button, "电商企业1")
        .click();
    harness.run_steps(2);
    let handle = harness.get_by_label("link handle").rect().center();
    drag(
        &mut harness,
        handle,
        target,
        PointerButton::Primary,
        Modifiers::NONE,
    );
    harness.get_by_label("Link kind");
    // The pointer rests on the target, where the picker opened.
    harness.hover_at(target);
    harness.run_steps(8);
    assert!(
        harness.query_by_label_contains("(E36)").is_none(),
        "no tooltip"
    );
    harness.get_by_label("Supply");
}

/// A row of the analysis panel (or its 定位 button) frames what it is about: its names drawn,
/// on screen.
fn assert_framed_readably(harness: &App, id: &str) {
    let zoom = harness.state().ui.camera.zoom;
    assert!(zoom >= READABLE_ZOOM, "zoom {zoom}");
    assert!(in_view(harness, id), "{id} in view");
}

#[test]
fn analysis_rows_and_their_locate_buttons_frame_at_a_readable_zoom() {
    let mut harness = harness();
    let fitted = harness.state().ui.camera;
    assert!(fitted.zoom < READABLE_ZOOM);
    // A gap about firms.
    let row = gap_row(&harness);
    harness.get_by_label(&row).click();
    harness.run_steps(3);
    let supplier = harness.state().ui.highlight.clone().expect("lit");
    let id = supplier.nodes.iter().next().expect("a firm").clone();
    assert_framed_readably(&harness, id.as_str());

    // A leader, through its 定位 button.
    harness.state_mut().ui.camera = fitted;
    harness.state_mut().ui.analysis_tab = AnalysisTab::Leaders;
    harness.run_steps(2);
    let leader = harness.state().analysis().unwrap().leaders[0].id.clone();
    harness.get_all_by_label("Locate").next().unwrap().click();
    harness.run_steps(3);
    assert_eq!(harness.state().ui.selection.nodes, [leader.clone()].into());
    assert_framed_readably(&harness, leader.as_str());

    // A land row's 定位.
    harness.state_mut().ui.camera = fitted;
    harness.state_mut().ui.analysis_tab = AnalysisTab::Land;
    harness.run_steps(2);
    harness.get_all_by_label("Locate").next().unwrap().click();
    harness.run_steps(3);
    let lit = harness.state().ui.highlight.clone().expect("lit");
    let id = lit.nodes.iter().next().unwrap().clone();
    assert_framed_readably(&harness, id.as_str());
}

#[test]
fn framing_glides_unless_motion_is_reduced() {
    let mut harness = harness();
    let fitted = harness.state().ui.camera;
    let row = gap_row(&harness);
    harness.get_by_label(&row).click();
    harness.run_steps(6);
    let arrived = harness.state().ui.camera;
    assert!(arrived.zoom >= READABLE_ZOOM);

    // Again from the fitted view: one frame in (a quarter second of a 0.35 s glide), the
    // camera is on its way.
    harness.state_mut().ui.camera = fitted;
    harness.state_mut().ui.highlight = None;
    harness.run_steps(1);
    harness.get_by_label(&row).click();
    harness.run_steps(2);
    let zoom = harness.state().ui.camera.zoom;
    assert!(zoom > fitted.zoom && zoom < arrived.zoom, "gliding: {zoom}");
    harness.run_steps(2);
    assert_eq!(harness.state().ui.camera, arrived);

    harness.state_mut().ui.camera = fitted;
    harness.state_mut().ui.settings.reduce_motion = true;
    harness.run_steps(1);
    harness.get_by_label(&row).click();
    harness.run_steps(2);
    assert_eq!(harness.state().ui.camera, arrived, "there at once");
}
