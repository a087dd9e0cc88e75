//! Long links on the 安康 sample, driven headless with egui_kittest: links to regions, 托管, 飞地
//! and 投资 are painted faint until a node at either end is selected or under the pointer; 入驻
//! lines are not painted at all (the park's colour on its firms says it) until the park or one
//! of its firms is selected, and can then be clicked. What is painted is read from the frame's
//! shapes by colour: a link kind's full colour, or the faint one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{LinkId, LinkKind, NodeId, Pos};
use chainmap::ui::ChainmapApp;
use chainmap::ui::state::Camera;
use chainmap::ui::theme::link_colour;
use egui::accesskit::Role;
use egui::epaint::Shape;
use egui::{Color32, Modifiers, PointerButton, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

type App = Harness<'static, ChainmapApp>;

/// How much of its colour a long link keeps while faint (as `links` paints it).
const FAINT: f32 = 0.3;

/// The 安康 sample at 1366×768, legend hidden (it draws link samples in the same colours), the
/// camera at zoom 0.5 with the canvas point (0, 0) 200 points right and 250 down of the canvas's
/// top left: lanes, regions and parks all in view.
fn ankang(lang: Lang) -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join("ankang-enclave.chainmap.json");
    let mut harness = Harness::builder()
        .with_size(vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(lang), None));
    harness.run_steps(3);
    harness.state_mut().ui.settings.show_legend = false;
    harness.state_mut().ui.camera = Camera {
        zoom: 0.5,
        offset: vec2(200.0, 250.0),
    };
    harness.run_steps(2);
    harness
}

fn canvas_rect(harness: &App, lang: Lang) -> Rect {
    harness
        .get_by_role_and_label(Role::Canvas, lang.pick("画布", "canvas"))
        .rect()
}

/// Where the canvas point `p` is on screen.
fn screen(harness: &App, lang: Lang, p: Pos) -> Pos2 {
    let origin = canvas_rect(harness, lang).min;
    harness.state().ui.camera.to_screen(origin, p)
}

fn node_at(harness: &App, lang: Lang, id: &str) -> Pos2 {
    let p = harness.state().doc.project.nodes[&NodeId::from(id)]
        .position
        .unwrap();
    screen(harness, lang, p)
}

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

/// The stroke colours of every line painted in the last frame.
fn strokes(harness: &App) -> Vec<Color32> {
    fn walk(shape: &Shape, out: &mut Vec<Color32>) {
        match shape {
            Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            Shape::LineSegment { stroke, .. } => out.push(stroke.color),
            Shape::Path(path) => {
                if let egui::epaint::ColorMode::Solid(c) = path.stroke.color {
                    out.push(c);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// How many lines of `kind` were painted in full colour, and how many faint.
fn painted(harness: &App, kind: LinkKind) -> (usize, usize) {
    let full = link_colour(kind);
    let faint = full.gamma_multiply(FAINT);
    let strokes = strokes(harness);
    (
        strokes.iter().filter(|&&c| c == full).count(),
        strokes.iter().filter(|&&c| c == faint).count(),
    )
}

#[test]
fn selecting_the_enclave_park_lifts_its_links_and_shows_its_located_in_lines() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = ankang(lang);
        // Away from everything: nothing in focus.
        h.hover_at(canvas_rect(&h, lang).right_bottom() - vec2(5.0, 5.0));
        h.run_steps(2);
        for kind in [
            LinkKind::Trusteeship,
            LinkKind::Enclave,
            LinkKind::Investment,
        ] {
            let (full, faint) = painted(&h, kind);
            assert_eq!(full, 0, "{kind:?} in full before any selection");
            assert!(faint > 0, "{kind:?} faint before any selection");
        }
        assert_eq!(painted(&h, LinkKind::LocatedIn), (0, 0), "no 入驻 lines");

        let park = node_at(&h, lang, "ENC");
        click_at(&mut h, park);
        h.hover_at(canvas_rect(&h, lang).right_bottom() - vec2(5.0, 5.0));
        h.run_steps(2);
        assert!(h.state().ui.selection.nodes.contains(&NodeId::from("ENC")));
        for kind in [
            LinkKind::Trusteeship,
            LinkKind::Enclave,
            LinkKind::Investment,
            LinkKind::LocatedIn,
        ] {
            let (full, faint) = painted(&h, kind);
            assert!(full > 0, "{kind:?} in full with the park selected");
            assert_eq!(
                faint, 0,
                "{kind:?}: every such link of the sample touches the park"
            );
        }
    }
}

#[test]
fn hovering_a_region_lifts_its_links_until_the_pointer_leaves() {
    let lang = Lang::Zh;
    let mut h = ankang(lang);
    let region = node_at(&h, lang, "SRC");
    h.hover_at(region);
    h.run_steps(2);
    // 岚皋县: the enclave and its investment in the park, in full; 汉滨区's investment faint.
    assert!(painted(&h, LinkKind::Enclave).0 > 0);
    let (full, faint) = painted(&h, LinkKind::Investment);
    assert!(full > 0 && faint > 0, "one investment lifted, one faint");
    assert!(painted(&h, LinkKind::Trusteeship).0 == 0);
    h.hover_at(canvas_rect(&h, lang).right_bottom() - vec2(5.0, 5.0));
    h.run_steps(2);
    assert_eq!(painted(&h, LinkKind::Enclave).0, 0);
}

#[test]
fn a_located_in_line_can_be_clicked_once_it_shows() {
    let lang = Lang::En;
    let mut h = ankang(lang);
    // 巴山富硒茶业 (F2, lane A2) to the park runs down the gutter at x 360 beside its lane.
    let on_line = screen(&h, lang, Pos { x: 360.0, y: 150.0 });
    click_at(&mut h, on_line);
    assert!(
        h.state().ui.selection.links.is_empty(),
        "hidden: nothing to click"
    );
    let park = node_at(&h, lang, "ENC");
    click_at(&mut h, park);
    click_at(&mut h, on_line);
    let selected: Vec<&LinkId> = h.state().ui.selection.links.iter().collect();
    assert_eq!(selected, vec![&LinkId::from("L11")]);
}
