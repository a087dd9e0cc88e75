//! The editor driven headless with egui_kittest, as a user drives it: click by label, type,
//! drag, keys.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::document::Document;
use chainmap::i18n::Lang;
use chainmap::model::NodeId;
use chainmap::ui::ChainmapApp;
use chainmap::ui::command::AppCommand;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(name)
}

fn harness(lang: Lang) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
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

fn node_centre(harness: &Harness<'_, ChainmapApp>, name: &str) -> egui::Pos2 {
    harness.get_by_label(name).rect().center()
}

#[test]
fn opens_on_the_bundled_sample_with_a_title() {
    let harness = harness(Lang::Zh);
    let app = harness.state();
    assert_eq!(app.doc.project.nodes.len(), 50);
    assert!(app.window_title().contains("柞水木耳"));
    assert!(!app.window_title().starts_with('●'));
    // Painted nodes are findable by name.
    harness.get_by_label("菌包工厂A");
    harness.get_by_label("大纲");
}

#[test]
fn add_node_by_double_click_rename_it_and_undo_redo_exactly() {
    let mut harness = harness(Lang::En);
    let before = harness.state().doc.project.clone();
    // Double-click empty canvas space (far below the chain).
    let canvas = harness.get_by_role_and_label(Role::Canvas, "canvas").rect();
    let spot = egui::pos2(canvas.center().x, canvas.bottom() - 40.0);
    harness.hover_at(spot);
    harness.run_steps(1);
    // A double click: two press/release pairs within egui's double-click delay.
    harness.input_mut().time = Some(10.0);
    for (pressed, time) in [(true, 10.0), (false, 10.05), (true, 10.1), (false, 10.15)] {
        harness.input_mut().time = Some(time);
        harness.event(egui::Event::PointerButton {
            pos: spot,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
    harness.get_by_label("Add node");
    harness
        .get_by_role_and_label(Role::Button, "Enterprise")
        .click();
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.nodes.len(), 51);
    assert!(
        harness.state().window_title().starts_with('●'),
        "unsaved marker"
    );

    // Rename it in the inspector: type, then Enter commits.
    let name_field = harness.get_by_label("Name");
    name_field.click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Name").type_text("菌种堃喆有限公司");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let renamed = harness
        .state()
        .doc
        .project
        .nodes
        .values()
        .find(|n| n.name == "菌种堃喆有限公司")
        .cloned()
        .expect("renamed node");
    assert_eq!(
        harness.state().doc.undo_label(Lang::En),
        Some("edit \"New enterprise\"")
    );
    harness.get_by_label("菌种堃喆有限公司");

    // Undo both steps through the keyboard: back to the exact earlier project.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Escape);
    harness.run_steps(1);
    let app = harness.state_mut();
    let ctx = egui::Context::default();
    app.run_command(&ctx, AppCommand::Undo);
    app.run_command(&ctx, AppCommand::Undo);
    assert_eq!(app.doc.project, before);
    assert!(
        !app.doc.is_dirty(),
        "undo back to the opened state clears the marker"
    );
    app.run_command(&ctx, AppCommand::Redo);
    app.run_command(&ctx, AppCommand::Redo);
    assert_eq!(app.doc.project.nodes.get(&renamed.id), Some(&renamed));
}

#[test]
fn drag_moves_a_node_as_one_undo_step() {
    let mut harness = harness(Lang::Zh);
    let id = NodeId::from("E24");
    let before = harness.state().doc.project.nodes[&id].position.unwrap();
    let from = node_centre(&harness, "木耳休闲食品公司");
    let to = from + egui::vec2(0.0, 60.0);
    harness.get_by_label("木耳休闲食品公司").hover();
    harness.run_steps(1);
    harness.drag_at(from);
    harness.run_steps(1);
    for i in 1..=6 {
        harness.hover_at(from + (to - from) * (i as f32 / 6.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(2);
    let after = harness.state().doc.project.nodes[&id].position.unwrap();
    assert!(
        after.y > before.y + 10.0,
        "moved down: {before:?} → {after:?}"
    );
    assert_eq!(harness.state().doc.undo_depth(), 1, "one gesture, one step");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(1);
    assert_eq!(
        harness.state().doc.project.nodes[&id].position.unwrap(),
        before
    );
}

#[test]
fn link_two_nodes_with_the_handle_and_the_kind_picker() {
    let mut harness = harness(Lang::Zh);
    let links_before = harness.state().doc.project.links.len();
    harness.get_by_label("电商企业1").click();
    harness.run_steps(2);
    let handle = harness.get_by_label("连线手柄").rect().center();
    let target = node_centre(&harness, "县检验检测中心");
    harness.hover_at(handle);
    harness.run_steps(1);
    harness.drag_at(handle);
    harness.run_steps(1);
    for i in 1..=8 {
        harness.hover_at(handle + (target - handle) * (i as f32 / 8.0));
        harness.run_steps(1);
    }
    harness.drop_at(target);
    harness.run_steps(2);
    harness.get_by_label("连线类型");
    harness.get_by_label("供应").click();
    harness.run_steps(2);
    let project = &harness.state().doc.project;
    assert_eq!(project.links.len(), links_before + 1);
    assert!(
        project
            .links
            .values()
            .any(|l| l.from.as_str() == "E29" && l.to.as_str() == "E36")
    );
}

#[test]
fn delete_removes_node_with_its_links_and_undo_restores() {
    let mut harness = harness(Lang::Zh);
    let before = harness.state().doc.project.clone();
    harness.get_by_label("菌种公司A").click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    let p = &harness.state().doc.project;
    assert!(!p.nodes.contains_key(&NodeId::from("E01")));
    assert!(
        p.links
            .values()
            .all(|l| l.from.as_str() != "E01" && l.to.as_str() != "E01")
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(1);
    assert_eq!(harness.state().doc.project, before);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run_steps(1);
    assert!(
        !harness
            .state()
            .doc
            .project
            .nodes
            .contains_key(&NodeId::from("E01"))
    );
}

#[test]
fn copy_paste_duplicates_with_new_ids() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("菌包工厂B").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::C);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::V);
    harness.run_steps(2);
    let copies: Vec<_> = harness
        .state()
        .doc
        .project
        .nodes
        .values()
        .filter(|n| n.name == "菌包工厂B")
        .collect();
    assert_eq!(copies.len(), 2);
    assert_ne!(copies[0].id, copies[1].id);
}

#[test]
fn open_a_sample_through_the_command_path_and_a_bad_file_keeps_the_project() {
    let mut harness = harness(Lang::En);
    harness
        .state_mut()
        .open_path(sample("ankang-enclave.chainmap.json"));
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.agreements.len(), 1);
    assert!(
        harness
            .state()
            .window_title()
            .contains("ankang-enclave.chainmap.json")
    );
    harness.get_by_label("岚皋魔芋食品公司");

    let bad = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dangling-link.json");
    harness.state_mut().open_path(bad);
    harness.run_steps(2);
    assert_eq!(
        harness.state().doc.project.agreements.len(),
        1,
        "current project kept"
    );
    harness.get_by_label("Cannot open the file");
    assert!(
        harness
            .state()
            .load_failure()
            .unwrap()
            .1
            .iter()
            .any(|i| i.place == "links/l1")
    );
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert!(harness.state().load_failure().is_none());
}

#[test]
fn unsaved_changes_prompt_on_new() {
    let mut harness = harness(Lang::En);
    harness.get_by_label("菌种公司A").click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(1);
    // New asks for the name and county first, then about the unsaved changes.
    let new_project = |harness: &mut Harness<'static, ChainmapApp>| {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
        harness.run_steps(3);
        harness
            .get_by_role_and_label(Role::TextInput, "County")
            .click();
        harness.run_steps(1);
        harness.event(egui::Event::Text("柞水县".into()));
        harness.run_steps(3);
        harness.get_by_label("Create").click();
        harness.run_steps(3);
    };
    new_project(&mut harness);
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().doc.project.nodes.len(),
        49,
        "cancel keeps the project"
    );
    new_project(&mut harness);
    harness.get_by_label("Discard").click();
    harness.run_steps(2);
    assert!(harness.state().doc.project.nodes.is_empty());
    assert_eq!(harness.state().doc.project.meta.county, "柞水县");
    assert!(!harness.state().doc.is_dirty());
}

#[test]
fn save_as_through_the_document_writes_and_clears_the_marker() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("菌种公司A").click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(1);
    assert!(harness.state().window_title().starts_with('●'));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.chainmap.json");
    harness.state_mut().doc.save(Some(&path)).unwrap();
    harness.run_steps(1);
    assert!(!harness.state().window_title().starts_with('●'));
    let reopened = Document::open(&path).unwrap();
    assert_eq!(reopened.project, harness.state().doc.project);
}

#[test]
fn language_switch_through_the_menu() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("视图").click();
    harness.run_steps(3);
    harness.get_by_label("语言 Language").click();
    harness.run_steps(3);
    harness.get_by_label("English").click();
    harness.run_steps(2);
    assert_eq!(harness.state().ui.settings.lang, Lang::En);
    harness.get_by_label("Outline");
    harness.get_by_label("Inspector");
    assert!(harness.query_by_label("大纲").is_none());
}

#[test]
fn outline_search_filters_and_focuses() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("搜索").click();
    harness.get_by_label("搜索").type_text("冷链");
    harness.run_steps(2);
    // The outline row (a selectable label) for the match is there; a non-match is not listed.
    let rows = harness.query_all_by_label("冷链仓储中心").count();
    assert!(rows >= 2, "canvas node and outline row");
    assert_eq!(
        harness.query_all_by_label("菌种公司A").count(),
        1,
        "only the canvas node"
    );
    harness
        .query_all_by_label("冷链仓储中心")
        .last()
        .unwrap()
        .click();
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .ui
            .selection
            .nodes
            .contains(&NodeId::from("E21"))
    );
}

#[test]
fn open_falls_back_to_the_in_app_browser_without_a_native_dialog() {
    // SAFETY of the environment: no other test in this binary opens a file dialog.
    unsafe_free_env();
    let mut harness = harness(Lang::En);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run_steps(4);
    harness.get_by_label("Cancel");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(
        harness.query_by_label("Cancel").is_none(),
        "the browser closed"
    );
    assert_eq!(
        harness.state().doc.project.nodes.len(),
        50,
        "nothing changed"
    );
}

/// Asks for the in-app browser (set once; reading it is all the app does).
fn unsafe_free_env() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Rust 2024 makes set_var unsafe, and the crate forbids unsafe code; use a child-free
        // route instead: the app also honours a process-wide switch.
        chainmap::ui::force_in_app_file_browser();
    });
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn language_and_recent_files_are_remembered_across_runs() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("视图").click();
    harness.run_steps(3);
    harness.get_by_label("语言 Language").click();
    harness.run_steps(3);
    harness.get_by_label("English").click();
    harness.run_steps(2);
    harness
        .state_mut()
        .open_path(sample("meixian-kiwi.chainmap.json"));
    harness.run_steps(1);
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let next_run = chainmap::ui::app::settings_from_storage(Some(&storage));
    assert_eq!(next_run.lang, Lang::En);
    assert_eq!(
        next_run.recent.first(),
        Some(&sample("meixian-kiwi.chainmap.json"))
    );
    assert_eq!(
        chainmap::ui::app::settings_from_storage(None).lang,
        Lang::Zh,
        "Chinese by default"
    );
}

#[test]
fn analysis_panel_gaps_highlight_the_canvas() {
    let mut harness = harness(Lang::Zh);
    assert!(
        harness.state().analysis().is_some(),
        "computed for the bundled sample"
    );
    harness.get_by_label("缺口").click();
    harness.run_steps(2);
    // Gaps come by priority (issue 18): this one is among the first in view.
    let row = "环节“物流配送”没有规上、专精特新或高新企业";
    harness.get_by_label(row).click();
    harness.run_steps(2);
    let h = harness.state().ui.highlight.clone().expect("a highlight");
    assert!(h.stages.contains(&"D3".into()));
    assert!(
        h.nodes.contains(&NodeId::from("E33")),
        "the stage's local firm"
    );
    harness.get_by_label("清除突出显示").click();
    harness.run_steps(2);
    assert!(harness.state().ui.highlight.is_none());
}

#[test]
fn analysis_follows_edits() {
    let mut harness = harness(Lang::En);
    let before = harness.state().analysis().unwrap().clone();
    assert!(
        !before
            .gaps
            .iter()
            .any(|g| g.product.as_deref() == Some("木屑")
                && g.class == chainmap::analysis::GapClass::Missing)
    );
    // Deleting the only local 木屑 supplier leaves 木屑 without a local supplier.
    harness.get_by_label("木屑加工厂A").click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    let a = harness.state().analysis().unwrap();
    assert_ne!(a, &before);
    assert!(a.gaps.iter().any(|g| g.product.as_deref() == Some("木屑")
        && g.class == chainmap::analysis::GapClass::Missing));
}

#[test]
fn leaders_tab_selects_and_impact_tab_highlights_what_breaks() {
    let mut harness = harness(Lang::En);
    harness.get_by_label("Leaders").click();
    harness.run_steps(2);
    harness
        .query_all_by_label("链主食品集团(县外引进)")
        .last()
        .unwrap()
        .click();
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .ui
            .selection
            .nodes
            .contains(&NodeId::from("E23"))
    );

    harness.get_by_label("Gaps").click();
    harness.run_steps(2);
    harness.get_by_label("菌包工厂A").click();
    harness.run_steps(1);
    harness.get_by_label("Impact").click();
    harness.run_steps(2);
    harness.get_by_label("Use the selected firm").click();
    harness.run_steps(2);
    harness.get_by_label("Show on the canvas").click();
    harness.run_steps(2);
    let h = harness.state().ui.highlight.clone().unwrap();
    assert_eq!(
        h.danger.len(),
        7,
        "the seven buyers left without 菌包 or 菌渣"
    );
    assert!(
        h.nodes.contains(&NodeId::from("E23")),
        "downstream reaches the chain leader"
    );
}

#[test]
fn land_tab_and_colouring_by_a_measure() {
    let mut harness = harness(Lang::En);
    harness.get_by_label("Land").click();
    harness.run_steps(3);
    // The sample's industrial firms are classed in their groups (the 链主 A among the 规上);
    // the rest are unclassified, each with why (farmland, commercial land, not in the county …).
    harness.get_by_label("Unclassified (不定等级) (27)");
    let a = harness.state().analysis().unwrap();
    assert_eq!(
        a.land.class_of(&NodeId::from("E23")).map(|c| c.code()),
        Some("A")
    );
    harness.get_by_label("Colour nodes by").click();
    harness.run_steps(2);
    harness.get_by_label("Betweenness").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().ui.colouring,
        chainmap::model::Colouring::Betweenness
    );
}

#[test]
fn ctrl_shift_z_redoes_rather_than_undoes() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("菌种公司A").click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(1);
    assert!(
        harness
            .state()
            .doc
            .project
            .nodes
            .contains_key(&NodeId::from("E01"))
    );
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(1);
    assert!(
        !harness
            .state()
            .doc
            .project
            .nodes
            .contains_key(&NodeId::from("E01")),
        "redone"
    );
    assert_eq!(harness.state().doc.redo_label(Lang::Zh), None);
}

#[test]
fn deleting_a_town_clears_the_region_of_its_firms_and_undo_restores_it() {
    let mut harness = harness(Lang::Zh);
    let before = harness.state().doc.project.clone();
    // The canvas node (the outline row may be scrolled out of view).
    harness.query_all_by_label("镇甲").last().unwrap().click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    let p = &harness.state().doc.project;
    assert!(
        p.nodes
            .values()
            .all(|n| n.region.as_ref().is_none_or(|r| r.as_str() != "T1"))
    );
    // The result still saves and loads: no dangling region.
    let text = chainmap::file::to_json(p).unwrap();
    assert!(chainmap::file::load_str(&text, Default::default()).is_ok());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(1);
    assert_eq!(harness.state().doc.project, before);
}

#[test]
fn a_party_to_an_agreement_cannot_be_deleted_from_under_it() {
    let mut harness = harness(Lang::En);
    harness
        .state_mut()
        .open_path(sample("ankang-enclave.chainmap.json"));
    harness.run_steps(2);
    harness.query_all_by_label("岚皋县").last().unwrap().click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .doc
            .project
            .nodes
            .contains_key(&NodeId::from("SRC"))
    );
    let message = harness.state().ui.message.clone().unwrap();
    assert!(
        message.is_error && message.text.contains("take it out of the agreement first"),
        "{}",
        message.text
    );
}

fn ankang(lang: Lang) -> Harness<'static, ChainmapApp> {
    open_with_analysis(sample("ankang-enclave.chainmap.json"), lang)
}

fn open_with_analysis(path: PathBuf, lang: Lang) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(lang), None));
    harness.run_steps(3);
    harness.state_mut().ui.settings.show_analysis = true;
    harness.run_steps(3);
    harness
}

#[test]
fn sharing_tab_shows_the_schedule_and_exports_csv() {
    let mut harness = ankang(Lang::En);
    harness.get_by_label("Sharing").click();
    harness.run_steps(3);
    harness.get_by_label("Schedule");
    // The first ledger the contract shapes: assessment · value added (安康 rule), 2024 split
    // 70 : 30.
    harness.get_by_label("5286.40");
    harness.get_by_label("2265.60");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schedule.csv");
    harness.state_mut().export_schedule(path.clone());
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    assert!(
        csv.contains("2024,Assessment,Value added,7552.00,5286.40,2265.60,"),
        "{csv}"
    );
}

#[test]
fn new_agreement_from_the_enclave_and_editing_it_are_undoable() {
    let mut harness = ankang(Lang::En);
    harness.get_by_label("Sharing").click();
    harness.run_steps(2);
    harness.get_by_label("New agreement").click();
    harness.run_steps(3);
    let p = &harness.state().doc.project;
    assert_eq!(p.agreements.len(), 2);
    let added = p
        .agreements
        .values()
        .find(|a| a.id.as_str() != "AK1")
        .unwrap();
    // Seeded from the enclave link: source county and host district, the park's firms in scope.
    let parties: Vec<&str> = added.parties.iter().map(|x| x.node.as_str()).collect();
    assert_eq!(parties, ["SRC", "HOST"]);
    assert_eq!(added.scope.len(), 4);
    // Scroll the agreement editor with the mouse wheel until its "Add phase" button is in view.
    let over_editor = harness.get_by_label("Parties").rect().center();
    harness.hover_at(over_editor);
    for _ in 0..40 {
        if harness.get_by_label("Add phase").rect().center().y < 930.0 {
            break;
        }
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -50.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Default::default(),
        });
        harness.run_steps(1);
    }
    harness.run_steps(5);
    harness.get_by_label("Add phase").click();
    harness.run_steps(3);
    let a = harness
        .state()
        .doc
        .project
        .agreements
        .values()
        .find(|a| a.id.as_str() != "AK1")
        .unwrap()
        .clone();
    assert_eq!(a.phases.len(), 1);
    match &a.phases[0].rule {
        chainmap::model::Rule::FixedShares { shares } => {
            let total: rust_decimal::Decimal = shares.iter().map(|s| s.pct).sum();
            assert_eq!(
                total,
                rust_decimal::Decimal::ONE_HUNDRED,
                "a new rule starts valid"
            );
        }
        other => panic!("{other:?}"),
    }
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.agreements.len(), 1);
}

/// The 安康 sample's game under a fiscal 5 : 5 between source and host (the sample itself has
/// no fiscal split: its documented rule is about the assessment ledger).
const FISCAL_GAME: &str = r#"{"format": "chainmap", "version": 2, "name": "t", "unit": "万元",
  "land_classes": [], "chains": [], "links": [], "views": [],
  "nodes": [
    {"id": "F", "name": "企业", "kind": "enterprise", "figures": {"2025": {"tax": 1212}}},
    {"id": "SRC", "name": "岚皋县", "kind": "region"},
    {"id": "HOST", "name": "汉滨区", "kind": "region"},
    {"id": "HTZ", "name": "安康高新技术产业开发区", "kind": "park"}],
  "agreements": [{"id": "AK1", "name": "协议", "signed_year": 2025,
    "parties": [{"node": "SRC", "role": "source"}, {"node": "HOST", "role": "host"},
      {"node": "HTZ", "role": "trustee"}],
    "scope": ["F"],
    "phases": [{"id": "cs1", "ledger": "fiscal", "metric": "tax", "start": {"after_signing": 0},
      "rule": {"fixed_shares": {"shares": [{"party": "SRC", "pct": 50}, {"party": "HOST", "pct": 50}]}}}],
    "coalition_values": [
      {"parties": ["SRC"], "value": 1200}, {"parties": ["HOST"], "value": 800},
      {"parties": ["HTZ"], "value": 200}, {"parties": ["SRC", "HOST"], "value": 2600},
      {"parties": ["SRC", "HTZ"], "value": 1600}, {"parties": ["HOST", "HTZ"], "value": 1200},
      {"parties": ["SRC", "HOST", "HTZ"], "value": 3600}]}]}"#;

#[test]
fn fairness_tab_shows_shapley_nucleolus_and_the_contract() {
    let mut harness = ankang(Lang::En);
    harness.get_by_label("Fair split").click();
    harness.run_steps(3);
    harness.get_by_label("1733.33");
    harness.get_by_label("1700.00");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fiscal.chainmap.json");
    std::fs::write(&path, FISCAL_GAME).unwrap();
    let mut harness = open_with_analysis(path, Lang::En);
    harness.get_by_label("Fair split").click();
    harness.run_steps(3);
    assert!(harness.query_all_by_label("Contract (cumulative)").count() >= 1);
    harness.get_by_label("1733.33");
    harness.get_by_label("1700.00");
    harness.get_by_label("No ↓");
    // The fiscal 5 : 5 gives the trustee nothing, short of the 200 it could make alone.
    harness.get_by_label(
        "Contract (cumulative): {安康高新技术产业开发区} would get 200.00 more on its own",
    );
}

#[test]
fn an_enclave_link_opens_its_agreement() {
    let mut harness = ankang(Lang::Zh);
    harness.state_mut().ui.selection.links.insert("L21".into());
    harness.run_steps(2);
    harness
        .get_by_label("打开协议 “岚皋–汉滨飞地园区合作共建协议”")
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().ui.analysis_tab,
        chainmap::ui::state::AnalysisTab::Sharing
    );
    assert_eq!(
        harness.state().ui.agreement.as_ref().map(|a| a.as_str()),
        Some("AK1")
    );
}

#[test]
fn typing_a_name_then_clicking_pinned_keeps_both_as_one_step() {
    let mut harness = harness(Lang::En);
    let id = NodeId::from("E24");
    harness.get_by_label("木耳休闲食品公司").click();
    harness.run_steps(2);
    harness.get_by_label("Name").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Name").type_text("木耳零食公司");
    harness.run_steps(1);
    // Clicking the checkbox takes focus from the name field in the same frame.
    harness.get_by_label("keep in place").click();
    harness.run_steps(3);
    let node = &harness.state().doc.project.nodes[&id];
    assert_eq!(node.name, "木耳零食公司");
    assert!(node.pinned);
    assert_eq!(harness.state().doc.undo_depth(), 1);
}

#[test]
fn a_drag_released_over_a_panel_still_moves_the_node() {
    let mut harness = harness(Lang::Zh);
    let id = NodeId::from("E24");
    let before = harness.state().doc.project.nodes[&id].position.unwrap();
    let from = node_centre(&harness, "木耳休闲食品公司");
    let over_inspector = harness.get_by_label("属性").rect().center();
    harness.get_by_label("木耳休闲食品公司").hover();
    harness.run_steps(1);
    harness.drag_at(from);
    harness.run_steps(1);
    for i in 1..=8 {
        harness.hover_at(from + (over_inspector - from) * (i as f32 / 8.0));
        harness.run_steps(1);
    }
    harness.drop_at(over_inspector);
    harness.run_steps(2);
    let after = harness.state().doc.project.nodes[&id].position.unwrap();
    assert!(after.x > before.x + 10.0, "{before:?} → {after:?}");
    assert_eq!(harness.state().doc.undo_depth(), 1);
}

#[test]
fn force_layout_runs_off_the_ui_thread_and_is_one_undo_step() {
    let mut harness = harness(Lang::En);
    let before = harness.state().doc.project.clone();
    harness
        .state_mut()
        .run_command(&egui::Context::default(), AppCommand::ForceLayout);
    assert!(harness.state().layout_running());
    for _ in 0..400 {
        harness.run_steps(1);
        if !harness.state().layout_running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!harness.state().layout_running(), "the layout finished");
    assert_ne!(harness.state().doc.project, before);
    assert_eq!(harness.state().doc.undo_depth(), 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(1);
    assert_eq!(harness.state().doc.project, before);
}

#[test]
fn force_layout_can_be_cancelled() {
    let mut harness = harness(Lang::En);
    // Big enough that the layout is still running when Cancel is pressed.
    harness.state_mut().doc = Document::new(chainmap::generate::chain(4_000, 12_000, 1));
    harness.run_steps(1);
    let before = harness.state().doc.project.clone();
    harness
        .state_mut()
        .run_command(&egui::Context::default(), AppCommand::ForceLayout);
    assert!(harness.state().layout_running());
    // The window's first frame only measures it.
    harness.run_steps(2);
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().layout_running());
    assert_eq!(harness.state().doc.project, before, "nothing applied");
}

#[test]
fn clicking_the_minimap_moves_the_view() {
    let mut harness = harness(Lang::En);
    // Zoomed in on the middle of the chain: the minimap shows only when part of it is out of
    // view.
    let camera = harness.state().ui.camera;
    harness.state_mut().ui.camera.zoom = camera.zoom * 2.0;
    harness.state_mut().ui.camera.offset = camera.offset * 2.0 - egui::vec2(500.0, 300.0);
    harness.run_steps(2);
    let before = harness.state().ui.camera.offset;
    let mini = harness.get_by_label("minimap").rect();
    // The left end of the minimap: the upstream lanes.
    harness.hover_at(mini.left_center() + egui::vec2(15.0, 0.0));
    harness.run_steps(1);
    harness.get_by_label("minimap").rect();
    harness.event(egui::Event::PointerButton {
        pos: mini.left_center() + egui::vec2(15.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Default::default(),
    });
    harness.event(egui::Event::PointerButton {
        pos: mini.left_center() + egui::vec2(15.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Default::default(),
    });
    harness.run_steps(2);
    assert_ne!(harness.state().ui.camera.offset, before);
}

#[test]
fn opening_a_file_places_nodes_that_have_no_position() {
    let mut project =
        chainmap::file::load_path(&sample("meixian-kiwi.chainmap.json"), Default::default())
            .unwrap()
            .project;
    project
        .nodes
        .get_mut(&NodeId::from("N05"))
        .unwrap()
        .position = None;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unplaced.chainmap.json");
    chainmap::file::save(&path, &project).unwrap();
    let mut harness = harness(Lang::En);
    harness.state_mut().open_path(path);
    harness.run_steps(2);
    let placed = harness.state().doc.project.nodes[&NodeId::from("N05")].position;
    assert!(placed.is_some(), "placed in its lane");
    harness.get_by_label("齐峰猕猴桃专业合作社");
}

#[test]
fn a_large_swimlane_layout_runs_off_the_ui_thread() {
    let mut harness = harness(Lang::En);
    harness.state_mut().doc = Document::new(chainmap::generate::chain(6_000, 18_000, 3));
    harness.run_steps(1);
    harness
        .state_mut()
        .run_command(&egui::Context::default(), AppCommand::AutoLayout);
    assert!(harness.state().layout_running());
    for _ in 0..2000 {
        harness.run_steps(1);
        if !harness.state().layout_running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!harness.state().layout_running());
    assert_eq!(harness.state().doc.undo_depth(), 1);
}
