//! The territory view (县域空间, issue 20) and the 空间 tab driven headless at 1366×768 in
//! Chinese and English, on the 柞水 sample (no boundaries: the schematic of town tiles):
//! switching views is one command and no edit, a firm's bead is there and a click selects the
//! firm, the tab lists the towns with their location quotients, a zone warning's 定位 selects
//! its firm (and brings its bead into view), and snapshots of the view.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{NodeId, Segment};
use chainmap::ui::ChainmapApp;
use chainmap::ui::state::{AnalysisTab, ViewMode};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

type App = Harness<'static, ChainmapApp>;

fn sample(lang: Lang) -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join("zhashui-fungus.chainmap.json");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(lang), None));
    harness.run_steps(6);
    // The status line names the file by its full path, which differs between checkouts.
    harness.state_mut().ui.message = None;
    harness.run_steps(2);
    harness
}

fn switch(harness: &mut App) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::T);
    harness.run_steps(3);
}

fn selected(harness: &App) -> Vec<NodeId> {
    harness.state().ui.selection.nodes.iter().cloned().collect()
}

fn views_switch_and_back_with_no_edit(lang: Lang) {
    let mut h = sample(lang);
    let (revision, undo) = (h.state().doc.revision(), h.state().doc.undo_depth());
    assert_eq!(h.state().ui.view_mode, ViewMode::Chain);
    // The toolbar's switch (the analysis panel, with its own 空间 tab, is folded).
    h.get_by_role_and_label(Role::Button, lang.pick("空间", "Territory"))
        .click();
    h.run_steps(3);
    assert_eq!(h.state().ui.view_mode, ViewMode::Territory);
    h.get_by_label(lang.pick("县域空间图", "territory map"));
    assert!(h.query_by_label(lang.pick("画布", "canvas")).is_none());
    // Towns and firms are on the map.
    h.get_by_role_and_label(Role::Button, "镇甲");
    h.get_by_role_and_label(Role::Button, "菌种公司A");
    // Back with the key: the chain canvas again, and the document untouched.
    switch(&mut h);
    assert_eq!(h.state().ui.view_mode, ViewMode::Chain);
    h.get_by_label(lang.pick("画布", "canvas"));
    assert!(
        h.query_by_label(lang.pick("县域空间图", "territory map"))
            .is_none()
    );
    assert_eq!(h.state().doc.revision(), revision);
    assert_eq!(h.state().doc.undo_depth(), undo);
}

#[test]
fn views_switch_and_back_with_no_edit_in_chinese() {
    views_switch_and_back_with_no_edit(Lang::Zh);
}

#[test]
fn views_switch_and_back_with_no_edit_in_english() {
    views_switch_and_back_with_no_edit(Lang::En);
}

#[test]
fn clicking_a_bead_or_a_town_selects_it() {
    let mut h = sample(Lang::Zh);
    switch(&mut h);
    h.get_by_role_and_label(Role::Button, "菌种公司A").click();
    h.run_steps(3);
    assert_eq!(selected(&h), vec![NodeId::from("E01")]);
    // The inspector shows the firm, as from the chain view.
    assert!(
        !h.get_all_by_label("菌种公司A")
            .collect::<Vec<_>>()
            .is_empty()
    );
    // A town's name selects the town.
    h.get_by_role_and_label(Role::Button, "镇乙").click();
    h.run_steps(3);
    assert_eq!(selected(&h), vec![NodeId::from("T2")]);
    // Neither is an edit.
    assert_eq!(h.state().doc.undo_depth(), 0);
}

fn tab(lang: Lang) -> App {
    let mut h = sample(lang);
    h.state_mut().ui.settings.show_analysis = true;
    h.state_mut().ui.analysis_tab = AnalysisTab::Territory;
    h.run_steps(4);
    h
}

fn header_label(lang: Lang) -> String {
    match lang {
        Lang::Zh => "区位熵·中游".to_owned(),
        Lang::En => "LQ Midstream".to_owned(),
    }
}

fn towns_tab_lists_the_towns_with_their_lq(lang: Lang) {
    let h = tab(lang);
    // The outline names the towns too: the table's are in the analysis panel, at the bottom.
    let panel_top = h.get_by_label(&header_label(lang)).rect().top();
    for town in ["镇甲", "镇乙", "镇丙", "镇丁", "县城"] {
        assert!(
            h.get_all_by_label(town).any(|n| n.rect().top() > panel_top),
            "{town} not in the table"
        );
    }
    // 镇乙's midstream LQ as the analysis works it out, to two decimals.
    let analysis = chainmap::analysis::analyze(&h.state().doc.project, &Default::default());
    let town = analysis.territory.town(&NodeId::from("T2")).unwrap();
    let lq = town.segment_lq[&Segment::Midstream];
    assert!(lq >= 1.5, "镇乙 is specialised in midstream: {lq}");
    h.get_by_label(&format!("{lq:.2}"));
}

#[test]
fn towns_tab_lists_the_towns_with_their_lq_in_chinese() {
    towns_tab_lists_the_towns_with_their_lq(Lang::Zh);
}

#[test]
fn towns_tab_lists_the_towns_with_their_lq_in_english() {
    towns_tab_lists_the_towns_with_their_lq(Lang::En);
}

#[test]
fn a_zone_warnings_locate_selects_its_firm_and_shows_its_bead() {
    let mut h = tab(Lang::Zh);
    switch(&mut h);
    let first = h.state().doc.project.nodes[&NodeId::from("E07")]
        .name
        .clone();
    h.get_all_by_label("定位").next().unwrap().click();
    h.run_steps(4);
    assert_eq!(selected(&h), vec![NodeId::from("E07")]);
    // The territory view centred it.
    let map = h.get_by_label("县域空间图").rect();
    // Its bead (the warning's row names it too, in the panel below the map).
    let bead = h
        .get_all_by_role_and_label(Role::Button, &first)
        .map(|n| n.rect())
        .find(|r| map.contains(r.center()))
        .expect("the bead is on the map");
    assert!((bead.center() - map.center()).length() < 40.0);
}

fn territory_snapshot(lang: Lang, name: &str) {
    let mut h = sample(lang);
    switch(&mut h);
    h.run_steps(2);
    h.snapshot(name);
}

#[test]
fn territory_of_zhashui_in_chinese() {
    territory_snapshot(Lang::Zh, "territory_zhashui_1366_zh");
}

#[test]
fn territory_of_zhashui_in_english() {
    territory_snapshot(Lang::En, "territory_zhashui_1366_en");
}

/// The 柞水 sample with made-up square boundaries (an L for 镇甲, with a hole): the view draws
/// the projected outlines and puts every firm inside its own town.
#[test]
fn with_boundaries_the_towns_are_projected_and_their_firms_sit_inside() {
    use chainmap::model::Boundary;
    use chainmap::ui::territory::TerritoryLayout;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join("zhashui-fungus.chainmap.json");
    let mut project = chainmap::file::load_path(&path, Default::default())
        .unwrap()
        .project;
    let square = |x: f64, y: f64, side: f64| {
        vec![
            [x, y],
            [x + side, y],
            [x + side, y + side],
            [x, y + side],
            [x, y],
        ]
    };
    // 镇甲: an L of three 0.1° cells with a hole in its corner cell.
    let l = vec![
        [109.0, 33.6],
        [109.2, 33.6],
        [109.2, 33.7],
        [109.1, 33.7],
        [109.1, 33.8],
        [109.0, 33.8],
        [109.0, 33.6],
    ];
    let hole = square(109.02, 33.62, 0.02);
    let outlines = [
        ("T1", vec![vec![l, hole]]),
        ("T2", vec![vec![square(109.2, 33.6, 0.1)]]),
        ("T3", vec![vec![square(109.1, 33.7, 0.1)]]),
        ("T4", vec![vec![square(109.2, 33.7, 0.1)]]),
        ("T5", vec![vec![square(109.3, 33.6, 0.1)]]),
    ];
    for (id, polygons) in outlines {
        project.nodes.get_mut(&NodeId::from(id)).unwrap().boundary = Some(Boundary { polygons });
    }
    let analysis = chainmap::analysis::analyze(&project, &Default::default());
    let measure = |s: &str| s.chars().count() as f32 * 12.0;
    let layout = TerritoryLayout::build(&project, &analysis.territory, &measure);
    assert!(layout.geographic);
    for town in &analysis.territory.towns {
        let shape = layout
            .towns
            .iter()
            .find(|t| t.id.as_ref() == Some(&town.id))
            .unwrap();
        assert!(!shape.triangles.is_empty(), "{} is filled", town.name);
        for firm in &town.firms {
            let bead = layout.bead(firm).unwrap();
            assert!(
                shape.contains(bead.at),
                "{firm} of {} at {:?} outside its outline",
                town.name,
                bead.at
            );
        }
    }
    // North is up: 镇丙 (north of 镇甲's east half) is drawn above 镇乙.
    let top = |id: &str| {
        layout
            .towns
            .iter()
            .find(|t| t.id == Some(NodeId::from(id)))
            .unwrap()
            .rect
            .top()
    };
    assert!(top("T3") < top("T2"));
}
