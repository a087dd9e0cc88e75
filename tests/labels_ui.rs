//! Names on the map at the sizes county offices have: the first view of each sample at
//! 1366×768 and 1280×800, with nothing remembered, shows firm names at a readable size, none
//! over another; the selection and the node under the pointer always get their full name; a
//! name too long for its lane shows its short form.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use chainmap::i18n::Lang;
use chainmap::model::NodeKind;
use chainmap::ui::ChainmapApp;
use chainmap::ui::canvas::{MIN_LABEL_PX, NAMES_ZOOM, ShownLabel};
use egui::{Rect, accesskit::Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;

type App = Harness<'static, ChainmapApp>;

fn open(sample: &str, size: (f32, f32), lang: Lang) -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(sample);
    let mut harness = Harness::builder()
        .with_size(vec2(size.0, size.1))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(lang), None));
    harness.run_steps(4);
    harness
}

fn shown(harness: &App) -> Vec<ShownLabel> {
    harness.state().ui.canvas_labels.clone()
}

fn name_of(harness: &App, label: &ShownLabel) -> String {
    harness.state().doc.project.nodes[&label.node].name.clone()
}

/// No two labels overlap, each is inside the canvas and at least 11 px high.
fn assert_tidy(harness: &App, labels: &[ShownLabel]) {
    let canvas = harness.state().ui.canvas_rect.expect("the canvas is drawn");
    for (i, a) in labels.iter().enumerate() {
        assert!(
            a.rect.height() >= MIN_LABEL_PX,
            "{} is {} px",
            a.text,
            a.rect.height()
        );
        assert!(canvas.contains_rect(a.rect), "{} leaves the canvas", a.text);
        for b in &labels[i + 1..] {
            assert!(!a.rect.intersects(b.rect), "{} overlaps {}", a.text, b.text);
        }
    }
}

#[test]
fn the_first_view_of_zhashui_names_its_firms_at_laptop_sizes() {
    for size in [(1366.0, 768.0), (1280.0, 800.0)] {
        let harness = open("zhashui-fungus.chainmap.json", size, Lang::Zh);
        let labels = shown(&harness);
        assert!(
            harness.state().ui.camera.zoom >= NAMES_ZOOM - 1e-4,
            "zoom {}",
            harness.state().ui.camera.zoom
        );
        assert_tidy(&harness, &labels);
        let names: Vec<String> = labels.iter().map(|l| name_of(&harness, l)).collect();
        assert!(names.len() >= 15, "{size:?}: only {names:?}");
        // The chain leader, and the first stage's firm: the view starts upstream.
        for firm in ["链主食品集团(县外引进)", "菌种公司A"] {
            assert!(
                names.iter().any(|n| n == firm),
                "{size:?}: {firm} not in {names:?}"
            );
        }
    }
}

#[test]
fn a_name_wider_than_its_lane_shows_short() {
    let mut harness = open("ankang-enclave.chainmap.json", (1366.0, 768.0), Lang::Zh);
    // At 40 % a lane is about 90 px: too narrow for the testing centre's eleven characters.
    let camera = harness.state().ui.camera;
    harness.state_mut().ui.camera.zoom = 0.4;
    harness.state_mut().ui.camera.offset = camera.offset * (0.4 / camera.zoom);
    harness.run_steps(2);
    let labels = shown(&harness);
    assert_tidy(&harness, &labels);
    let centre = labels
        .iter()
        .find(|l| name_of(&harness, l) == "安康市富硒产品检测中心")
        .expect("the testing centre is named");
    // 安康市 is one of the project's regions: the place comes off the front.
    assert_eq!(centre.text, "富硒产品检测中心");
}

#[test]
fn the_selection_and_the_pointer_get_their_full_names_first() {
    let mut harness = open("zhashui-fungus.chainmap.json", (1366.0, 768.0), Lang::En);
    // Far out, where most names find no room.
    harness.state_mut().ui.camera.zoom = 0.12;
    harness.run_steps(2);
    let far = shown(&harness);
    let hidden = harness
        .state()
        .doc
        .project
        .nodes
        .values()
        .find(|n| n.position.is_some() && !far.iter().any(|l| l.node == n.id))
        .map(|n| n.id.clone())
        .expect("a node without a label this far out");
    harness.state_mut().ui.selection.only_node(hidden.clone());
    harness.run_steps(2);
    let selected = shown(&harness);
    assert_tidy(&harness, &selected);
    assert_eq!(selected[0].node, hidden, "the selection is named first");
    let full = harness.state().doc.project.nodes[&hidden].name.clone();
    assert_eq!(selected[0].text, full);

    // The node under the pointer comes next: one without a label and clear of other nodes,
    // so the pointer is over it alone.
    let rect_of = |h: &App, name: &str| h.get_by_role_and_label(Role::Button, name).rect();
    let project = harness.state().doc.project.clone();
    let placed: Vec<_> = project
        .nodes
        .values()
        // Parks and regions are listed in the outline too, under the same name.
        .filter(|n| n.position.is_some() && n.id != hidden)
        .filter(|n| !matches!(n.kind, NodeKind::Park | NodeKind::Region))
        .collect();
    let other = placed
        .iter()
        .find(|n| {
            let r = rect_of(&harness, &n.name);
            !far.iter().any(|l| l.node == n.id)
                && placed
                    .iter()
                    .all(|m| m.id == n.id || !rect_of(&harness, &m.name).intersects(r))
        })
        .map(|n| n.name.clone())
        .expect("another node without a label");
    let at = rect_of(&harness, &other).center();
    harness.hover_at(at);
    harness.run_steps(2);
    let hovered = shown(&harness);
    assert_tidy(&harness, &hovered);
    assert_eq!(name_of(&harness, &hovered[1]), other);
}

#[test]
fn labels_keep_clear_of_lane_headers() {
    let harness = open("zhashui-fungus.chainmap.json", (1366.0, 768.0), Lang::En);
    let headers: Vec<Rect> = harness
        .query_all_by_role(Role::Button)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("Stage "))
        })
        .map(|n| n.rect())
        .collect();
    assert!(!headers.is_empty());
    for label in shown(&harness) {
        for header in &headers {
            assert!(
                !label.rect.intersects(*header),
                "{} on a header",
                label.text
            );
        }
    }
}
