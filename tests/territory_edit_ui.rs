//! Editing the territory (issue 20) headless with egui_kittest on the 柞水 sample at 1366×768: a
//! region's 主体功能区 and 禁止开发 in the inspector, a stage's land use, each one undo step;
//! the boundary a region carries; File → Import Boundaries… through the in-app file browser
//! (one undo step, the status message, the result window listing what was left out).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{LandUse, MainFunctionZone, NodeId, StageId};
use chainmap::ui::ChainmapApp;
use chainmap::ui::state::UiAction;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

type H = Harness<'static, ChainmapApp>;

/// 镇丁: a town with no 主体功能区 of its own (it takes 柞水县's), two polygons.
const DING: &str = "T4";
/// 物流配送: an industrial-land stage.
const LOGISTICS: &str = "D3";

fn sample(lang: Lang) -> H {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    h.run_steps(3);
    h.state_mut().ui.settings.show_inspector = true;
    h.run_steps(2);
    h
}

fn act(h: &mut H, action: UiAction) {
    h.state_mut().run_action(action);
    h.run_steps(3);
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

/// Opens the combo box named `combo` and picks `option`, the entry nearest below it (the same
/// words may show elsewhere, e.g. in the combo itself).
fn choose(h: &mut H, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run_steps(3);
    let below = h
        .get_by_role_and_label(Role::ComboBox, combo)
        .rect()
        .left_bottom();
    let pick = h
        .query_all_by_label(option)
        .map(|n| n.rect())
        .filter(|r| r.top() >= below.y - 1.0)
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap_or_else(|| panic!("no option {option} below {combo}"));
    assert!(pick.bottom() <= 768.0, "{option} is on screen");
    click_at(h, pick.center());
}

fn zone(h: &H) -> Option<MainFunctionZone> {
    h.state().doc.project.nodes[&NodeId::from(DING)].zone
}

#[test]
fn a_regions_zone_and_no_development_are_one_undo_step_each() {
    let mut h = sample(Lang::Zh);
    act(&mut h, UiAction::ShowNode(NodeId::from(DING)));
    // No type of its own: the inspector says what it takes from the county.
    assert_eq!(
        h.get_by_role_and_label(Role::ComboBox, "主体功能区")
            .value(),
        Some("—".to_owned())
    );
    h.get_by_label("随柞水县:\n重点生态功能区");
    h.get_by_label("有 2 个多边形");
    let depth = h.state().doc.undo_depth();

    choose(&mut h, "主体功能区", "农产品主产区");
    assert_eq!(zone(&h), Some(MainFunctionZone::Agricultural));
    assert_eq!(h.state().doc.undo_depth(), depth + 1, "one undo step");
    assert_eq!(h.query_all_by_label("随柞水县:\n重点生态功能区").count(), 0);
    assert_eq!(h.state().doc.undo_label(Lang::Zh), Some("修改“镇丁”"));

    h.get_by_label("自然保护区等").click();
    h.run_steps(3);
    let node = &h.state().doc.project.nodes[&NodeId::from(DING)];
    assert!(node.no_development);
    assert_eq!(node.zone, Some(MainFunctionZone::Agricultural));
    assert_eq!(h.state().doc.undo_depth(), depth + 2, "one more step");

    undo(&mut h);
    assert!(!h.state().doc.project.nodes[&NodeId::from(DING)].no_development);
    assert_eq!(zone(&h), Some(MainFunctionZone::Agricultural));
    undo(&mut h);
    assert_eq!(zone(&h), None);

    // Cleared again through the combo's "—".
    choose(&mut h, "主体功能区", "城市化地区");
    assert_eq!(zone(&h), Some(MainFunctionZone::Urbanised));
    choose(&mut h, "主体功能区", "—");
    assert_eq!(zone(&h), None);
}

#[test]
fn a_village_level_is_offered_and_a_region_without_boundary_says_none() {
    let mut h = sample(Lang::En);
    act(&mut h, UiAction::ShowNode(NodeId::from("V1")));
    h.get_by_label("none");
    choose(&mut h, "Region level", "Town");
    assert_eq!(
        h.state().doc.project.nodes[&NodeId::from("V1")].region_level,
        Some(chainmap::model::RegionLevel::Town)
    );
    choose(&mut h, "Region level", "Village");
    assert_eq!(
        h.state().doc.project.nodes[&NodeId::from("V1")].region_level,
        Some(chainmap::model::RegionLevel::Village)
    );
    act(&mut h, UiAction::ShowNode(NodeId::from(DING)));
    h.get_by_label("2 polygons");
}

#[test]
fn a_stages_land_use_is_one_undo_step() {
    let mut h = sample(Lang::En);
    // Picked as a click on its lane header or in the outline picks it.
    h.state_mut()
        .ui
        .selection
        .only_stage(StageId::from(LOGISTICS));
    h.run_steps(3);
    let land_use = |h: &H| {
        h.state()
            .doc
            .project
            .stage(&StageId::from(LOGISTICS))
            .unwrap()
            .1
            .land_use
    };
    assert_eq!(land_use(&h), Some(LandUse::Industrial));
    let depth = h.state().doc.undo_depth();
    choose(&mut h, "Land use", "Service");
    assert_eq!(land_use(&h), Some(LandUse::Service));
    assert_eq!(h.state().doc.undo_depth(), depth + 1);
    assert_eq!(
        h.state().doc.undo_label(Lang::En),
        Some("set the land use of stage \"logistics\" to service")
    );
    undo(&mut h);
    assert_eq!(land_use(&h), Some(LandUse::Industrial));
}

/// File → Import Boundaries…, the file typed into the in-app browser.
fn import_through_the_menu(h: &mut H, lang: Lang, path: &Path) {
    chainmap::ui::force_in_app_file_browser();
    h.get_by_label(lang.pick("文件", "File")).click();
    h.run_steps(3);
    h.get_by_label(lang.pick("导入行政区边界…", "Import Boundaries…"))
        .click();
    h.run_steps(3);
    h.event(egui::Event::Text(path.display().to_string()));
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
}

#[test]
fn boundaries_imported_through_the_menu_are_one_undo_step_with_a_result_window() {
    let dir = tempfile::tempdir().unwrap();
    // 镇甲 moved east, and a town the project does not have.
    let path = dir.path().join("新边界.geojson");
    std::fs::write(
        &path,
        r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"镇甲镇","adcode":611026101},"geometry":{"type":"Polygon",
             "coordinates":[[[109.5,33.7],[109.6,33.7],[109.6,33.8],[109.5,33.7]]]}},
            {"type":"Feature","properties":{"name":"凤凰镇","adcode":611026199},"geometry":{"type":"Polygon",
             "coordinates":[[[109.7,33.7],[109.8,33.7],[109.8,33.8],[109.7,33.7]]]}}]}"#,
    )
    .unwrap();
    let mut h = sample(Lang::En);
    let depth = h.state().doc.undo_depth();
    let before = h.state().doc.project.nodes[&NodeId::from("T1")]
        .boundary
        .clone();
    import_through_the_menu(&mut h, Lang::En, &path);
    let app = h.state();
    assert_eq!(app.doc.undo_depth(), depth + 1, "one undo step");
    let jia = app.doc.project.nodes[&NodeId::from("T1")]
        .boundary
        .clone()
        .unwrap();
    assert_eq!(jia.polygons[0][0][0], [109.5, 33.7]);
    assert_eq!(
        app.ui.message.as_ref().map(|m| m.text.as_str()),
        Some(
            "Boundaries imported (新边界.geojson): 1 region matched, 1 feature not matched, 0 regions without a boundary"
        )
    );
    // The window lists the match (by the name without 镇) and the feature left out.
    assert!(app.boundaries.is_open());
    h.get_by_label("Features not matched (1)");
    h.get_by_label("feature 2 \"凤凰镇\" [611026199]: no region of that name in the project");
    h.get_by_label("feature 1 \"镇甲镇\"");
    h.get_by_label("→ 镇甲");
    h.get_by_label("1 polygon · same name without the suffix");
    h.get_by_label("Close").click();
    h.run_steps(3);
    assert!(!h.state().boundaries.is_open());
    undo(&mut h);
    assert_eq!(
        h.state().doc.project.nodes[&NodeId::from("T1")].boundary,
        before
    );
}

#[test]
fn a_broken_boundary_file_through_the_menu_changes_nothing_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.geojson");
    std::fs::write(
        &path,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"镇乙"},
            "geometry":{"type":"Polygon","coordinates":[[[33.7,109.1],[33.8,109.1],[33.8,109.2],[33.7,109.1]]]}}]}"#,
    )
    .unwrap();
    let mut h = sample(Lang::Zh);
    let before = h.state().doc.project.clone();
    import_through_the_menu(&mut h, Lang::Zh, &path);
    let app = h.state();
    assert_eq!(app.doc.project, before, "nothing changed");
    assert!(!app.boundaries.is_open());
    let message = app.ui.message.as_ref().unwrap();
    assert!(message.is_error);
    assert!(
        message.text.contains("broken.geojson")
            && message
                .text
                .contains("第 1 个要素“镇乙”的外边界的第 1 个点:[33.7, 109.1]")
            && message.text.contains("经纬度是否写反了")
            && message.text.contains("没有导入任何边界"),
        "{}",
        message.text
    );
}
