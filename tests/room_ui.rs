//! Room for the map (issue 17, point 3), driven headless with egui_kittest on a first start
//! (nothing remembered): the map's share of laptop-sized windows, the analysis panel as one
//! summary line opened by F9 or a click, "map only" with Tab and F11 and back, a side panel that
//! keeps its width whatever is selected, the legend docked below the map never over a bead, and
//! the minimap only on a map large enough for it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::edit::Edit;
use chainmap::edit::StructureEdit;
use chainmap::i18n::Lang;
use chainmap::model::{NodeId, StageId};
use chainmap::ui::ChainmapApp;
use egui::accesskit::Role;
use egui::{Key, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;

type App = Harness<'static, ChainmapApp>;

const ZHASHUI: &str = "sample_projects/zhashui-fungus.chainmap.json";
const ANKANG: &str = "sample_projects/ankang-enclave.chainmap.json";

/// The app started for the first time (nothing remembered) in a `w`×`h` window on `file`.
fn first_start(w: f32, h: f32, lang: Lang, file: &str) -> App {
    let file = PathBuf::from(file);
    let mut harness = Harness::builder()
        .with_size(vec2(w, h))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(file), Some(lang), None));
    settle(&mut harness);
    harness
}

/// Enough frames for a panel's slide to finish.
fn settle(harness: &mut App) {
    harness.run_steps(12);
}

fn map(harness: &App) -> Rect {
    harness
        .state()
        .ui
        .canvas_rect
        .expect("the canvas was drawn")
}

fn press(harness: &mut App, key: Key) {
    harness.key_press(key);
    settle(harness);
}

fn has(harness: &App, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

#[test]
fn a_first_start_on_a_laptop_gives_the_map_two_thirds_of_the_window() {
    for (w, h) in [(1366.0, 768.0), (1280.0, 800.0)] {
        for lang in [Lang::Zh, Lang::En] {
            let harness = first_start(w, h, lang, ZHASHUI);
            let share = map(&harness).area() / (w * h);
            assert!(
                share >= 2.0 / 3.0,
                "{w}×{h} {lang:?}: the map has {share:.3}"
            );
            // The outline is its strip of tabs, the analysis one summary line.
            let app = harness.state();
            assert!(!app.ui.settings.show_outline && !app.ui.settings.show_analysis);
            assert!(app.ui.settings.show_inspector);
            assert!(has(&harness, lang.pick("大纲", "Outline")));
            assert!(
                !has(&harness, lang.pick("搜索", "Search")),
                "the outline is folded"
            );
        }
    }
    // A wide screen has room for the outline.
    let harness = first_start(1920.0, 1080.0, Lang::Zh, ZHASHUI);
    assert!(harness.state().ui.settings.show_outline);
    assert!(has(&harness, "搜索"));
}

#[test]
fn the_strips_unfold_with_a_click_and_fold_back() {
    let mut harness = first_start(1366.0, 768.0, Lang::Zh, ZHASHUI);
    let folded = map(&harness);
    harness.get_by_label("已存视图").click();
    settle(&mut harness);
    assert!(harness.state().ui.settings.show_outline);
    assert_eq!(
        harness.state().ui.left_tab,
        chainmap::ui::state::LeftTab::Views
    );
    assert!(map(&harness).width() < folded.width() - 100.0);
    harness.get_by_label("收起大纲").click();
    settle(&mut harness);
    assert!(!harness.state().ui.settings.show_outline);
    assert_eq!(map(&harness), folded);
    // The inspector folds to its strip and back.
    harness.get_by_label("收起属性面板").click();
    settle(&mut harness);
    assert!(!harness.state().ui.settings.show_inspector);
    assert!(map(&harness).width() > folded.width() + 150.0);
    harness.get_by_label("属性").click();
    settle(&mut harness);
    assert!(harness.state().ui.settings.show_inspector);
    assert_eq!(map(&harness), folded);
}

#[test]
fn the_analysis_summary_line_names_the_headline_figures() {
    for (lang, words) in [
        (
            Lang::Zh,
            ["环节覆盖", "产品完整度", "本地配套率", "缺口 25 处"],
        ),
        (
            Lang::En,
            [
                "Stage coverage",
                "product completeness",
                "local supporting rate",
                "25 gaps",
            ],
        ),
    ] {
        let harness = first_start(1366.0, 768.0, lang, ZHASHUI);
        let node = harness.get_by_label_contains(words[0]);
        let node = node.accesskit_node();
        let line = node
            .label()
            .or_else(|| node.value())
            .expect("the summary line");
        for word in words {
            assert!(line.contains(word), "{line} names {word}");
        }
        assert_eq!(
            line,
            format!(
                "{} · {}",
                {
                    let h = harness.state().analysis().unwrap().headline(lang);
                    let mut c = h.chars();
                    c.next()
                        .unwrap()
                        .to_uppercase()
                        .chain(c)
                        .collect::<String>()
                },
                words[3]
            )
        );
    }
}

#[test]
fn f9_or_a_click_opens_and_closes_the_analysis_panel() {
    let mut harness = first_start(1366.0, 768.0, Lang::Zh, ZHASHUI);
    let closed = map(&harness);
    assert!(!has(&harness, "缺口"), "no tabs while folded");
    press(&mut harness, Key::F9);
    assert!(harness.state().ui.settings.show_analysis);
    assert!(has(&harness, "缺口"));
    assert!(map(&harness).height() < closed.height() - 150.0);
    press(&mut harness, Key::F9);
    assert!(!harness.state().ui.settings.show_analysis);
    assert_eq!(map(&harness), closed);
    // A click on the line opens it, the fold button closes it.
    harness.get_by_label("展开分析面板").click();
    settle(&mut harness);
    assert!(harness.state().ui.settings.show_analysis);
    harness.get_by_label("收起分析面板").click();
    settle(&mut harness);
    assert!(!harness.state().ui.settings.show_analysis);
    // The toolbar's 分析 opens it too, and the tab asked for from elsewhere shows.
    harness.get_by_label("分析").click();
    settle(&mut harness);
    assert!(has(&harness, "缺口"));
    press(&mut harness, Key::F9);
    // Right-click a firm: "if it leaves" opens the impact tab.
    let firm = harness.state().doc.project.nodes[&NodeId::from("E01")]
        .name
        .clone();
    harness
        .get_by_role_and_label(Role::Button, &firm)
        .click_secondary();
    harness.run_steps(2);
    harness.get_by_label("影响").click();
    settle(&mut harness);
    assert!(harness.state().ui.settings.show_analysis);
    assert_eq!(
        harness.state().ui.analysis_tab,
        chainmap::ui::state::AnalysisTab::Impact
    );
}

#[test]
fn f9_is_in_the_view_menu_with_its_key() {
    use chainmap::ui::command::{AppCommand, Menu};
    assert_eq!(AppCommand::ToggleAnalysis.menu(), Some(Menu::View));
    assert_eq!(AppCommand::MapOnly.menu(), Some(Menu::View));
    let keys = |c: AppCommand| c.shortcut().map(|s| s.logical_key);
    assert_eq!(keys(AppCommand::ToggleAnalysis), Some(Key::F9));
    assert_eq!(keys(AppCommand::MapOnly), Some(Key::Tab));
    let mut harness = first_start(1366.0, 768.0, Lang::Zh, ZHASHUI);
    harness.get_by_label("视图").click();
    harness.run_steps(3);
    // The menu shows each with its key.
    assert!(has(&harness, "分析面板 F9"));
    assert!(has(&harness, "仅地图 Tab"));
}

#[test]
fn map_only_with_tab_or_f11_hides_every_panel_and_brings_the_same_ones_back() {
    for key in [Key::Tab, Key::F11] {
        let mut harness = first_start(1366.0, 768.0, Lang::Zh, ZHASHUI);
        // Some panels open, one folded: the same come back.
        press(&mut harness, Key::F9);
        let before = map(&harness);
        let settings = harness.state().ui.settings.clone();
        press(&mut harness, key);
        assert!(harness.state().ui.map_only, "{key:?}");
        for gone in ["添加企业", "大纲", "属性", "缺口", "收起分析面板"] {
            assert!(!has(&harness, gone), "{gone} hidden by {key:?}");
        }
        assert!(has(&harness, "视图"), "the menu bar stays");
        assert!(has(&harness, "退出仅地图 (Tab)"));
        let alone = map(&harness);
        assert_eq!(alone.width(), 1366.0);
        assert!(alone.area() > 0.85 * 1366.0 * 768.0, "{alone:?}");
        press(&mut harness, key);
        assert!(!harness.state().ui.map_only);
        assert_eq!(map(&harness), before);
        let after = &harness.state().ui.settings;
        assert_eq!(
            (
                after.show_outline,
                after.show_inspector,
                after.show_analysis
            ),
            (
                settings.show_outline,
                settings.show_inspector,
                settings.show_analysis
            )
        );
        assert!(has(&harness, "缺口"));
    }
}

#[test]
fn map_only_ends_with_its_button_or_when_a_panel_is_asked_for() {
    let mut harness = first_start(1366.0, 768.0, Lang::En, ZHASHUI);
    let before = map(&harness);
    press(&mut harness, Key::Tab);
    harness.get_by_label("Leave map only (Tab)").click();
    settle(&mut harness);
    assert!(!harness.state().ui.map_only);
    assert_eq!(map(&harness), before);
    // F9 while the map is alone: the panels come back with the analysis open.
    press(&mut harness, Key::Tab);
    press(&mut harness, Key::F9);
    assert!(!harness.state().ui.map_only);
    assert!(harness.state().ui.settings.show_analysis);
    assert!(has(&harness, "Add Enterprise"));
}

#[test]
fn tab_in_a_text_field_stays_in_the_form() {
    let mut harness = first_start(1366.0, 768.0, Lang::En, ZHASHUI);
    harness
        .state_mut()
        .ui
        .selection
        .only_node(NodeId::from("E01"));
    settle(&mut harness);
    harness.get_by_label("Name").click();
    harness.run_steps(2);
    assert!(harness.get_by_label("Name").is_focused());
    press(&mut harness, Key::Tab);
    assert!(!harness.state().ui.map_only, "Tab moved on in the form");
    // F11 works while typing.
    harness.get_by_label("Name").click();
    harness.run_steps(2);
    press(&mut harness, Key::F11);
    assert!(harness.state().ui.map_only);
}

/// A very long name for a stage and for a firm.
const LONG: &str = "超长环节名称用于检验属性面板不会因为内容过长而变宽导致画布缩小与缩放变化的情况之一二三四五六七八九十";

#[test]
fn selecting_a_long_named_stage_or_firm_never_widens_the_inspector() {
    let mut harness = first_start(1366.0, 768.0, Lang::Zh, ZHASHUI);
    let app = harness.state_mut();
    let stage = StageId::from("U1");
    app.apply_edit(Edit::Structure(StructureEdit::RenameStage {
        stage: stage.clone(),
        name: LONG.to_owned(),
        name_en: format!("{LONG} in English too"),
    }));
    let mut firm = app.doc.project.nodes[&NodeId::from("E01")].clone();
    firm.name = LONG.to_owned();
    app.apply_edit(Edit::SetNodes(vec![firm]));
    assert_eq!(app.doc.project.stage(&stage).unwrap().1.name, LONG);
    settle(&mut harness);
    let (before, zoom) = (map(&harness), harness.state().ui.camera.zoom);
    let selections: [fn(&mut chainmap::ui::state::Selection); 3] = [
        |s| s.only_stage(StageId::from("U1")),
        |s| s.only_node(NodeId::from("E01")),
        |s| s.clear(),
    ];
    for select in selections {
        select(&mut harness.state_mut().ui.selection);
        settle(&mut harness);
        assert_eq!(map(&harness), before);
        assert_eq!(harness.state().ui.camera.zoom, zoom);
    }
}

/// The legend's band and the screen rectangles of every node drawn.
fn legend_and_beads(harness: &App) -> (Rect, Vec<(String, Rect)>) {
    let legend = harness.get_by_role(Role::Legend).rect();
    let project = &harness.state().doc.project;
    let beads = project
        .nodes
        .values()
        .flat_map(|n| {
            harness
                .query_all_by_role_and_label(Role::Button, &n.name)
                .map(|q| (n.name.clone(), q.rect()))
                .collect::<Vec<_>>()
        })
        .collect();
    (legend, beads)
}

#[test]
fn the_legend_never_covers_a_bead() {
    for file in [ZHASHUI, ANKANG] {
        for lang in [Lang::Zh, Lang::En] {
            let mut harness = first_start(1366.0, 768.0, lang, file);
            let (legend, beads) = legend_and_beads(&harness);
            let map = map(&harness);
            // Docked below the map, across its width, one or two rows.
            assert_eq!(legend.bottom(), map.bottom());
            assert_eq!(legend.width(), map.width());
            assert!(legend.height() <= 50.0, "{file} {lang:?}: {legend:?}");
            assert!(!beads.is_empty());
            for (name, bead) in &beads {
                assert!(!bead.intersects(legend), "{file} {lang:?}: {name} {bead:?}");
            }
            // Coloured by a measure, the colours' key joins the strip, still below the map.
            harness.state_mut().ui.colouring = chainmap::model::Colouring::Betweenness;
            settle(&mut harness);
            let (legend, beads) = legend_and_beads(&harness);
            assert!(legend.height() <= 50.0, "{file} {lang:?}: {legend:?}");
            for (name, bead) in &beads {
                assert!(!bead.intersects(legend), "{file} {lang:?}: {name} {bead:?}");
            }
        }
    }
}

#[test]
fn no_bead_is_drawn_under_the_legend_when_the_map_is_panned() {
    let mut harness = first_start(1366.0, 768.0, Lang::Zh, ZHASHUI);
    // Every firm's row, pushed down until it sits in the legend's band.
    let legend = harness.get_by_role(Role::Legend).rect();
    let origin = map(&harness).min;
    let n1 = harness.state().doc.project.nodes[&NodeId::from("E01")]
        .position
        .unwrap();
    let cam = harness.state().ui.camera;
    let at = cam.to_screen(origin, n1);
    harness.state_mut().ui.camera.offset.y += legend.center().y - at.y;
    settle(&mut harness);
    let (legend, beads) = legend_and_beads(&harness);
    for (name, bead) in &beads {
        assert!(!bead.intersects(legend.shrink(8.0)), "{name} {bead:?}");
    }
}

#[test]
fn the_minimap_shows_on_a_large_map_only_and_never_over_the_legend() {
    let harness = first_start(1366.0, 768.0, Lang::Zh, ZHASHUI);
    let mini = harness.get_by_label("小地图").rect();
    let legend = harness.get_by_role(Role::Legend).rect();
    assert!(!mini.intersects(legend));
    assert!(map(&harness).contains_rect(mini));
    // No name is drawn under it.
    for label in &harness.state().ui.canvas_labels {
        assert!(
            !label.rect.intersects(mini),
            "{} under the minimap",
            label.text
        );
    }
    // The whole chain in view (安康 opens whole): nothing for a minimap to show.
    let harness = first_start(1366.0, 768.0, Lang::Zh, ANKANG);
    assert!(!has(&harness, "小地图"));
    // A small window: the minimap gives its room back.
    let harness = first_start(960.0, 640.0, Lang::Zh, ZHASHUI);
    assert!(map(&harness).width() < 700.0);
    assert!(!has(&harness, "小地图"));
    // Unfolding the analysis panel on a laptop leaves the map too low for it.
    let mut harness = first_start(1366.0, 768.0, Lang::Zh, ZHASHUI);
    press(&mut harness, Key::F9);
    let legend = harness.get_by_role(Role::Legend).rect();
    assert!(map(&harness).height() - legend.height() < 420.0);
    assert!(!has(&harness, "小地图"));
}
