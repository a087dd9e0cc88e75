//! Lanes and segments named, driven headless with egui_kittest on a 1366×768 laptop: every lane
//! header shows its stage's name at the first view (two lines, a smaller font, never an
//! ellipsis while there is room), a band names each run of lanes of one segment, the header row
//! stays at the top of the canvas while the lanes are panned up beneath it (and still answers
//! clicks, right clicks and double clicks), and the presentation frames every step, a focused
//! firm and an agreement's view above its subtitle.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::document::Document;
use chainmap::file::{LoadOptions, load_path};
use chainmap::i18n::Lang;
use chainmap::model::{
    Chain, ChainId, Node, NodeId, NodeKind, Pos, Project, Segment, Stage, StageId, View, ViewId,
};
use chainmap::ui::ChainmapApp;
use chainmap::ui::canvas::{Lane, band_label, header_label, lanes};
use chainmap::ui::state::Settings;
use egui::{Key, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

type App = Harness<'static, ChainmapApp>;

fn sample(file: &str) -> Project {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(file);
    load_path(&path, LoadOptions::default()).unwrap().project
}

/// `project` open at 1366×768, as on a county office's laptop; camera glides off so a step's
/// camera is where it settles.
fn laptop(project: Project, lang: Lang) -> App {
    let mut harness = Harness::builder()
        .with_size(vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            let settings = Settings {
                lang,
                reduce_motion: true,
                ..Settings::default()
            };
            ChainmapApp::headless(&cc.egui_ctx, Document::new(project), settings)
        });
    harness.run_steps(4);
    harness
}

/// `project` open at 1366×768 with the whole chain in view (Fit to View), every lane on screen.
fn laptop_whole(project: Project, lang: Lang) -> App {
    let mut harness = laptop(project, lang);
    harness.state_mut().ui.fit_all_requested = true;
    harness.run_steps(3);
    harness
}

fn canvas_rect(h: &App) -> Rect {
    h.state().ui.canvas_rect.expect("a canvas")
}

fn all_lanes(h: &App, lang: Lang) -> Vec<Lane> {
    lanes(&h.state().doc.project, lang)
}

fn header(h: &App, lane: &Lane, lang: Lang) -> Rect {
    h.get_by_label(&header_label(&lane.stage, &lane.name, lang))
        .rect()
}

/// The text a header shows, its lines joined without the breaks and spaces between them.
fn shown(h: &App, lane: &Lane, lang: Lang) -> String {
    let value = h
        .get_by_label(&header_label(&lane.stage, &lane.name, lang))
        .value()
        .unwrap_or_default();
    value.chars().filter(|c| !c.is_whitespace()).collect()
}

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The name without its bracketed detail: what a header keeps when the detail cannot fit.
fn before_detail(name: &str) -> String {
    let mut depth = 0;
    let mut out = String::new();
    for c in name.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Characters a header holds on its two lines at the smallest size (10.5 points, a Chinese
/// character as wide as the size, 3 points of room each side): fewer than it really holds
/// when some are narrower.
fn room_for(header: Rect) -> usize {
    2 * ((header.width() - 6.0) / 10.5).floor().max(0.0) as usize
}

/// Every header shows its stage's name (the id in front or not): whole, or without its
/// bracketed detail when the whole name does not fit; cut with "…" only when even that is
/// longer than two lines can hold. Returns how many show whole, of how many on screen.
fn assert_headers_name_their_stages(h: &App, lang: Lang) -> (usize, usize) {
    let lanes = all_lanes(h, lang);
    assert!(!lanes.is_empty());
    let mut whole = 0;
    let mut seen = 0;
    for lane in &lanes {
        if h.query_by_label(&header_label(&lane.stage, &lane.name, lang))
            .is_none()
        {
            continue;
        }
        seen += 1;
        let text = shown(h, lane, lang);
        let rect = header(h, lane, lang);
        let room = room_for(rect);
        let without_id = text
            .strip_prefix(lane.stage.as_str())
            .unwrap_or(&text)
            .to_owned();
        let short = squeezed(&before_detail(&lane.name));
        if without_id == squeezed(&lane.name) {
            whole += 1;
        } else if text.contains('…') {
            assert!(
                short.chars().count() > room,
                "{}: {text:?} cut though {short:?} fits {room}",
                lane.stage
            );
        } else {
            assert_eq!(without_id, short, "{} shows {text:?}", lane.stage);
            assert!(
                squeezed(&lane.name).chars().count() > room,
                "{}: {text:?} though the whole name fits {room}",
                lane.stage
            );
        }
        assert!(rect.height() >= 20.0, "{}: {rect:?}", lane.stage);
    }
    (whole, seen)
}

#[test]
fn headers_show_the_stage_names_at_the_first_view() {
    let mut h = laptop(sample("zhashui-fungus.chainmap.json"), Lang::Zh);
    let (whole, seen) = assert_headers_name_their_stages(&h, Lang::Zh);
    // The first view fits the chain's height at a zoom where names show: the first lanes, the
    // rest a pan sideways away.
    assert!(seen >= 8, "{seen} lanes in view");
    // Names without detail show whole: "菌种研发与繁育", not "U1 菌…" as before.
    let lanes = all_lanes(&h, Lang::Zh);
    assert!(whole >= 5, "{whole} whole");
    assert!(shown(&h, &lanes[0], Lang::Zh).ends_with("菌种研发与繁育"));
    assert!(shown(&h, &lanes[5], Lang::Zh).ends_with("采收烘干与初加工"));
    // Two lines where one cannot hold the name, never more.
    let line_counts: Vec<usize> = lanes
        .iter()
        .filter_map(|lane| {
            h.query_by_label(&header_label(&lane.stage, &lane.name, Lang::Zh))
                .map(|n| n.value().unwrap_or_default().lines().count())
        })
        .collect();
    assert!(line_counts.iter().all(|&n| n <= 2), "{line_counts:?}");
    assert!(line_counts.contains(&2), "{line_counts:?}");

    // Lanes 114 points wide (zoom 0.5): every name shows, whole or without its detail.
    let camera = h.state().ui.camera;
    h.state_mut().ui.camera.zoom = 0.5;
    h.state_mut().ui.camera.offset = camera.offset * (0.5 / camera.zoom);
    h.run_steps(3);
    let (whole, seen) = assert_headers_name_their_stages(&h, Lang::Zh);
    assert!(seen >= 6, "{seen} lanes in view");
    for lane in &lanes {
        let label = header_label(&lane.stage, &lane.name, Lang::Zh);
        if h.query_by_label(&label).is_some() {
            assert!(!shown(&h, lane, Lang::Zh).contains('…'), "{}", lane.stage);
        }
    }
    assert!(whole * 2 >= seen, "{whole} of {seen} whole");

    let h = laptop(sample("ankang-enclave.chainmap.json"), Lang::En);
    let lanes = all_lanes(&h, Lang::En);
    let (whole, seen) = assert_headers_name_their_stages(&h, Lang::En);
    assert_eq!((whole, seen), (lanes.len(), lanes.len()));
    // English breaks between words: "selenium-rich farming" is never cut inside a word.
    let value = h
        .get_by_label(&header_label(&lanes[0].stage, &lanes[0].name, Lang::En))
        .value()
        .unwrap();
    for line in value.lines() {
        let line = line.strip_prefix("A1 ").unwrap_or(line);
        assert!(
            "selenium-rich farming"
                .split(' ')
                .any(|w| line.starts_with(w)),
            "{value:?}"
        );
    }
}

/// The widgets of the band labelled for `segment`.
fn band_values(h: &App, segment: Segment, lang: Lang) -> Vec<(String, Rect)> {
    h.query_all_by_label(&band_label(segment, lang))
        .map(|n| (n.value().unwrap_or_default(), n.rect()))
        .collect()
}

#[test]
fn the_band_names_each_run_of_lanes_of_a_segment_once() {
    let h = laptop_whole(sample("zhashui-fungus.chainmap.json"), Lang::Zh);
    let lanes = all_lanes(&h, Lang::Zh);
    let expect = [
        (Segment::Upstream, "上游", 0, 3),
        (Segment::Midstream, "中游", 4, 6),
        (Segment::Downstream, "下游", 7, 10),
        (Segment::Support, "支撑服务", 11, 13),
    ];
    for (segment, text, first, last) in expect {
        let bands = band_values(&h, segment, Lang::Zh);
        assert_eq!(bands.len(), 1, "{segment:?}: {bands:?}");
        let (value, band) = &bands[0];
        assert_eq!(value, text);
        // Over its lanes' headers, from the first one's left to the last one's right.
        let (a, b) = (
            header(&h, &lanes[first], Lang::Zh),
            header(&h, &lanes[last], Lang::Zh),
        );
        assert!((band.left() - a.left()).abs() < 1.0, "{band:?} {a:?}");
        assert!((band.right() - b.right()).abs() < 1.0, "{band:?} {b:?}");
        assert!(band.bottom() <= a.top() && band.bottom() > a.top() - 8.0);
    }

    // English, and two chains: each chain's runs are its own.
    let h = laptop_whole(two_chains(), Lang::En);
    let ups = band_values(&h, Segment::Upstream, Lang::En);
    assert_eq!(ups.len(), 2, "one run per chain: {ups:?}");
    assert!(ups.iter().all(|(v, _)| v == "Upstream"));
    assert_eq!(band_values(&h, Segment::Midstream, Lang::En).len(), 1);
    assert_eq!(band_values(&h, Segment::Downstream, Lang::En).len(), 1);
    // Two upstream lanes of chain a are one run: its band spans both headers.
    let lanes = all_lanes(&h, Lang::En);
    let a1 = header(&h, &lanes[0], Lang::En);
    let a2 = header(&h, &lanes[1], Lang::En);
    let first = ups
        .iter()
        .map(|(_, r)| *r)
        .min_by(|x, y| x.left().total_cmp(&y.left()))
        .unwrap();
    assert!((first.left() - a1.left()).abs() < 1.0 && (first.right() - a2.right()).abs() < 1.0);
}

/// Chain a: two upstream stages and a midstream one; chain b: upstream and downstream; a firm
/// in each lane.
fn two_chains() -> Project {
    let mut project = Project::new("two chains");
    let stage = |id: &str, name: &str, segment| Stage {
        id: StageId::from(id),
        name: name.to_owned(),
        segment,
        ..Stage::default()
    };
    for (id, order, stages) in [
        (
            "a",
            1,
            vec![
                stage("A1", "seedlings", Segment::Upstream),
                stage("A2", "inputs", Segment::Upstream),
                stage("A3", "orchards", Segment::Midstream),
            ],
        ),
        (
            "b",
            2,
            vec![
                stage("B1", "feed", Segment::Upstream),
                stage("B2", "packing", Segment::Downstream),
            ],
        ),
    ] {
        project.chains.insert(
            ChainId::from(id),
            Chain {
                id: ChainId::from(id),
                name: format!("chain {id}"),
                order,
                stages,
                ..Chain::default()
            },
        );
    }
    let columns = chainmap::layout::lane_columns(&project);
    for (i, (stage, x, _)) in columns.into_iter().enumerate() {
        let node = Node {
            id: NodeId::from(format!("n{i}").as_str()),
            name: format!("firm {i}"),
            kind: NodeKind::Enterprise,
            stages: vec![stage],
            position: Some(Pos { x, y: 0.0 }),
            ..Node::default()
        };
        project.nodes.insert(node.id.clone(), node);
    }
    project
}

/// Drags the canvas by `by` from `at` (a point of empty canvas).
fn drag(h: &mut App, at: Pos2, by: egui::Vec2) {
    h.hover_at(at);
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(1);
    for i in 1..=5 {
        h.hover_at(at + by * (i as f32 / 5.0));
        h.run_steps(1);
    }
    h.event(egui::Event::PointerButton {
        pos: at + by,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(3);
}

#[test]
fn headers_stay_at_the_canvas_top_while_the_lanes_are_panned_up() {
    let mut h = laptop_whole(sample("zhashui-fungus.chainmap.json"), Lang::Zh);
    let lanes = all_lanes(&h, Lang::Zh);
    let canvas = canvas_rect(&h);
    let before = header(&h, &lanes[12], Lang::Zh);
    let band_before = band_values(&h, Segment::Support, Lang::Zh)[0].1;
    assert!(band_before.top() > canvas.top(), "not pinned at first");
    let camera = h.state().ui.camera;

    // Empty canvas below the support lanes' single row of firms: pan the lanes up.
    let at = before.center_bottom() + vec2(0.0, 90.0);
    drag(&mut h, at, vec2(0.0, -220.0));
    let moved = h.state().ui.camera.offset.y - camera.offset.y;
    assert!(moved < -200.0, "the canvas panned: {moved}");

    // The lanes' top is above the canvas now; the band sits at the canvas top and the
    // headers right under it, the same size as before.
    for lane in &lanes {
        let now = header(&h, lane, Lang::Zh);
        assert!(
            now.top() > canvas.top() && now.top() < canvas.top() + 40.0,
            "{now:?}"
        );
        assert!((now.height() - before.height()).abs() < 0.5);
    }
    let band = band_values(&h, Segment::Support, Lang::Zh)[0].1;
    assert!(
        (band.top() - canvas.top()).abs() < 1.0,
        "{band:?} {canvas:?}"
    );

    // Pinned, a header still shows its stage, opens its menu and is renamed in place.
    let u1 = header_label(&lanes[0].stage, &lanes[0].name, Lang::Zh);
    h.get_by_label(&u1).click();
    h.run_steps(3);
    assert_eq!(h.state().ui.selection.stage, Some(lanes[0].stage.clone()));
    h.get_by_label(&u1).click_secondary();
    h.run_steps(3);
    h.get_by_label("在左侧添加环节");
    h.key_press(Key::Escape);
    h.run_steps(3);
    let at = header(&h, &lanes[0], Lang::Zh).center();
    double_click(&mut h, at);
    h.event(egui::Event::Text("菌种选育".to_owned()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    let stage = h.state().doc.project.stage(&lanes[0].stage).unwrap().1;
    assert_eq!(stage.name, "菌种选育", "renamed on its pinned header");
    let u1 = header_label(&lanes[0].stage, "菌种选育", Lang::Zh);
    h.get_by_label(&u1);

    // Panned until the lanes are gone above, their headers go with them.
    let lanes_height = {
        let (top, bottom) = chainmap::ui::canvas::lane_extent(&h.state().doc.project);
        (bottom - top) * h.state().ui.camera.zoom
    };
    h.state_mut().ui.camera.offset.y -= lanes_height + canvas.height();
    h.run_steps(3);
    assert!(h.query_by_label(&u1).is_none(), "gone with its lane");
}

fn double_click(h: &mut App, at: Pos2) {
    h.hover_at(at);
    h.run_steps(1);
    for (pressed, time) in [(true, 20.0), (false, 20.05), (true, 20.1), (false, 20.15)] {
        h.input_mut().time = Some(time);
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run_steps(1);
    }
    h.run_steps(3);
}

/// Every node on screen, its bead and label, ends above the subtitle; the header row shows
/// from the canvas's top. Returns how many nodes are on screen.
fn assert_framed_above_the_subtitle(h: &App, what: &str) -> usize {
    let app = h.state();
    let caption = app
        .present
        .as_ref()
        .and_then(|p| p.caption_rect())
        .expect("a subtitle");
    let canvas = canvas_rect(h);
    let camera = app.ui.camera;
    let mut seen = 0;
    for node in app.doc.project.nodes.values() {
        let Some(p) = node.position else { continue };
        let at = camera.to_screen(canvas.min, p);
        if at.x < canvas.left() || at.x > canvas.right() || at.y > canvas.bottom() {
            continue;
        }
        seen += 1;
        // The bead (up to ~20 points) and its label (~16) under the centre.
        assert!(
            at.y + 36.0 <= caption.top(),
            "{what}: {} at {at:?} under the subtitle {caption:?}",
            node.name
        );
        assert!(
            at.y >= canvas.top(),
            "{what}: {} above the canvas",
            node.name
        );
    }
    for band in [Segment::Upstream, Segment::Support] {
        for (_, rect) in band_values(h, band, Lang::Zh) {
            assert!(
                rect.top() >= canvas.top() - 0.5,
                "{what}: band cut {rect:?}"
            );
        }
    }
    seen
}

#[test]
fn presentation_frames_each_step_above_its_subtitle() {
    let mut h = laptop(sample("zhashui-fungus.chainmap.json"), Lang::Zh);
    h.key_press(Key::F5);
    h.run_steps(4);
    let count = 15;
    for step in 0..count {
        let seen = assert_framed_above_the_subtitle(&h, &format!("step {}", step + 1));
        assert!(seen >= 8, "step {}: {seen} nodes on screen", step + 1);
        // The parks under the lanes are on screen, not hidden under the subtitle.
        if step == 0 {
            assert_eq!(
                seen,
                h.state().doc.project.nodes.len(),
                "the overview shows all"
            );
        }
        h.key_press(Key::ArrowRight);
        h.run_steps(4);
    }

    // A firm clicked: its story (a longer subtitle) and the camera above it.
    h.key_press(Key::Home);
    h.run_steps(4);
    let firm = h
        .state()
        .doc
        .project
        .nodes
        .values()
        .find(|n| n.kind == NodeKind::Enterprise && n.position.is_some())
        .map(|n| n.name.clone())
        .unwrap();
    h.get_by_label(&firm).click();
    h.run_steps(4);
    assert!(h.state().present.as_ref().unwrap().focus.is_some());
    assert_framed_above_the_subtitle(&h, "focus");
}

#[test]
fn an_agreement_view_is_framed_above_its_subtitle_beside_the_chart() {
    let mut project = sample("ankang-enclave.chainmap.json");
    let agreement = project.agreements.keys().next().cloned().unwrap();
    let id = ViewId::from("split");
    project.views.insert(
        id.clone(),
        View {
            id,
            name: "飞地分成".to_owned(),
            caption:
                "税收分成十年:飞出地与飞入地各得多少,一年一年看得清清楚楚,托管园区的管理费也在其中"
                    .to_owned(),
            order: 0,
            agreement: Some(agreement),
            ..View::default()
        },
    );
    let mut h = laptop(project, Lang::Zh);
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::F5);
    h.run_steps(4);
    let canvas = canvas_rect(&h);
    assert!(
        canvas.width() < 1200.0,
        "the chart takes the right: {canvas:?}"
    );
    let seen = assert_framed_above_the_subtitle(&h, "agreement view");
    assert!(seen >= 10, "{seen} nodes on screen");
    h.key_press(Key::ArrowRight);
    h.run_steps(4);
    assert_framed_above_the_subtitle(&h, "second view");
}
