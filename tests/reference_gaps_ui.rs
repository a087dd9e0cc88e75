//! The Gaps tab with a reference chain compared (issue 18), driven headless at 1366×768: the
//! comparison in a line, each gap with its rank and score, how the score is made on hover, and
//! a gap the reference chain adds, marked so, lighting up its stage when clicked.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::GapOrigin;
use chainmap::document::Document;
use chainmap::file::{LoadOptions, load_path};
use chainmap::i18n::Lang;
use chainmap::model::Project;
use chainmap::reference;
use chainmap::ui::ChainmapApp;
use chainmap::ui::state::Settings;
use egui::{Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type App = Harness<'static, ChainmapApp>;

/// The 眉县 sample with its chain matched to the built-in 猕猴桃 reference chain (the suggested
/// matching, as if confirmed).
fn compared_kiwi() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects/meixian-kiwi.chainmap.json");
    let mut project = load_path(&path, LoadOptions::default()).unwrap().project;
    let template = reference::builtin().find("kiwifruit").unwrap();
    let mut matching = reference::matching::suggest(template, &project, &"kiwi".into());
    matching.revision = template.revision;
    project.references.insert("kiwi".into(), matching);
    project
}

fn harness(lang: Lang) -> App {
    let project = compared_kiwi();
    let mut harness = Harness::builder()
        .with_size(vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            let settings = Settings {
                lang,
                show_analysis: true,
                ..Settings::default()
            };
            ChainmapApp::headless(&cc.egui_ctx, Document::new(project), settings)
        });
    harness.run_steps(5);
    harness
}

fn step(harness: &mut App) {
    harness.run_steps(3);
}

/// Scrolls the gap list (the right half of the Gaps tab) a few lines down.
fn scroll_gaps(harness: &mut App, at: Pos2) {
    harness.hover_at(at);
    harness.run_steps(1);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: vec2(0.0, -3.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(30);
}

#[test]
fn gaps_show_rank_and_score_and_the_reference_gaps_marked() {
    let mut h = harness(Lang::Zh);
    h.get_by_label("缺口").click();
    step(&mut h);
    let analysis = h.state().analysis().expect("analysed").clone();
    assert_eq!(analysis.comparisons.len(), 1);
    // The comparison in a line under the headline.
    h.get_by_label_contains("对照参考产业链“猕猴桃产业链”:环节");
    h.get_by_label_contains("按优先级");
    // The first gap's rank and score, at the head of its line.
    let first = &analysis.gaps[0];
    assert_eq!(first.priority.rank, 1);
    h.get_by_label("1.");
    let score = format!("{:.1}", first.priority.score);
    // Hovering the score tells how it is made.
    h.get_by_label(&score).hover();
    h.run_steps(10);
    h.get_by_label_contains("优先级得分");
    h.get_by_label_contains("× 100 =");

    // Scroll down to the first gap the reference chain adds.
    let (rank, gap) = analysis
        .gaps
        .iter()
        .enumerate()
        .find(|(_, g)| g.origin == GapOrigin::Reference && g.stage.is_some())
        .map(|(i, g)| (i + 1, g.clone()))
        .expect("a reference gap about a stage the project has");
    let list = h.get_by_label("1.").rect().center() + vec2(300.0, 0.0);
    for _ in 0..20 {
        if h.query_by_label(&gap.zh).is_some() {
            break;
        }
        scroll_gaps(&mut h, list);
    }
    h.get_by_label(&format!("{rank}."));
    assert!(
        h.query_all_by_label("参考").count() >= 1,
        "reference gaps are marked"
    );
    h.get_by_label(&gap.zh).click();
    step(&mut h);
    let lit = h.state().ui.highlight.clone().expect("lit");
    assert!(lit.stages.contains(gap.stage.as_ref().unwrap()));
}

#[test]
fn in_english_too() {
    let mut h = harness(Lang::En);
    h.get_by_label("Gaps").click();
    step(&mut h);
    let analysis = h.state().analysis().expect("analysed").clone();
    h.get_by_label_contains("against the reference chain");
    h.get_by_label_contains("by priority");
    let score = format!("{:.1}", analysis.gaps[0].priority.score);
    h.get_by_label(&score).hover();
    h.run_steps(10);
    h.get_by_label_contains("Priority score");
}
