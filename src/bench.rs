//! `chainmap bench`: headless measurements on generated chains — load and validate, save,
//! analysis, the swimlane layout, one force-layout step, the canvas frame's CPU time (the egui
//! pass plus tessellation) at full view and zoomed in, and the whole window's frame with the
//! analysis panel on the Gaps, Impact, Sharing and Fair split tabs (12 parties); a scenario
//! recorded and made again, and two versions compared. Medians of repeated runs; figures,
//! never asserts.

use crate::analysis::{AnalysisOptions, analyze};
use crate::document::Document;
use crate::file::{self, LoadOptions};
use crate::model::Project;
use crate::ui::ChainmapApp;
use crate::ui::canvas::{CanvasOptions, CanvasState, canvas_ui};
use crate::ui::state::{Queue, UiState};
use serde::Serialize;
use std::time::Instant;

/// One measurement.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    pub nodes: usize,
    pub links: usize,
    pub what: &'static str,
    pub median_ms: f64,
    pub runs: usize,
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// Canvas frames: full view (fitted), then zoomed in on the middle. Fonts as in the app.
fn canvas_frames(project: &Project, zoomed: bool, runs: usize) -> f64 {
    let ctx = egui::Context::default();
    crate::ui::theme::install_fonts(&ctx);
    crate::ui::theme::install_style(&ctx);
    let doc = Document::new(project.clone());
    let mut state = UiState::default();
    let mut canvas = CanvasState::default();
    let size = egui::vec2(1600.0, 1000.0);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    };
    let frame = |state: &mut UiState, canvas: &mut CanvasState| {
        let mut output = ctx.run_ui(input(), |ui| {
            let mut queue = Queue::default();
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    let options = CanvasOptions::editor(&state.settings);
                    canvas_ui(ui, &doc, None, state, canvas, &mut queue, &options);
                });
        });
        // Nothing uploads the textures here; egui asks that their changes be dropped on purpose.
        output.textures_delta.clear();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
    };
    // Warm up: fonts, the whole graph fitted (a first view would show only its readable part).
    state.fit_all_requested = true;
    for _ in 0..3 {
        frame(&mut state, &mut canvas);
    }
    if zoomed {
        canvas.touch_camera();
        let center = egui::pos2(size.x / 2.0, size.y / 2.0);
        state
            .camera
            .zoom_at(egui::Pos2::ZERO, center, 1.0 / state.camera.zoom.max(0.01));
        frame(&mut state, &mut canvas);
    }
    median_ms(runs, || frame(&mut state, &mut canvas))
}

/// What the whole-window frame shows besides the canvas.
#[derive(Clone, Copy)]
enum WindowTab {
    Gaps,
    Impact,
    Sharing,
    Fairness,
}

/// Whole-window frames (menu, outline, inspector, analysis panel on `tab`, canvas) of the
/// real app, once the derived data for the tab is computed: what a user waits for on every
/// mouse move.
fn window_frames(project: &Project, tab: WindowTab, runs: usize) -> f64 {
    use crate::ui::state::{AnalysisTab, Settings};
    let ctx = egui::Context::default();
    let mut app = ChainmapApp::headless(&ctx, Document::new(project.clone()), Settings::default());
    app.ui.analysis_tab = match tab {
        WindowTab::Gaps => AnalysisTab::Gaps,
        WindowTab::Impact => AnalysisTab::Impact,
        WindowTab::Sharing => AnalysisTab::Sharing,
        WindowTab::Fairness => AnalysisTab::Fairness,
    };
    app.ui.impact_node = widest_impact(project);
    app.ui.agreement = project.agreements.keys().next().cloned();
    let size = egui::vec2(1600.0, 1000.0);
    let frame = |app: &mut ChainmapApp| {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| app.frame(ui));
        // Nothing uploads the textures here; egui asks that their changes be dropped on purpose.
        output.textures_delta.clear();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
    };
    // Warm up: fonts, the first fit, and the derived data (on a worker for big inputs).
    for _ in 0..3 {
        frame(&mut app);
    }
    for _ in 0..2_000 {
        if !app.busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        frame(&mut app);
    }
    frame(&mut app);
    median_ms(runs, || frame(&mut app))
}

/// The firm among the first stages whose leaving reaches the most firms downstream.
fn widest_impact(project: &Project) -> Option<crate::model::NodeId> {
    project
        .nodes
        .keys()
        .take(60)
        .filter_map(|id| crate::analysis::impact(project, id).map(|i| (i.downstream.len(), id)))
        .max_by_key(|(n, _)| *n)
        .map(|(_, id)| id.clone())
}

/// Runs every measurement for each size.
pub fn run(sizes: &[usize]) -> Vec<Measure> {
    let mut out = Vec::new();
    for &n in sizes {
        let project = crate::generate::chain(n, n * 3, 42);
        let links = project.links.len();
        let text = file::to_json(&project).unwrap_or_default();
        let runs = if n >= 50_000 {
            3
        } else if n >= 10_000 {
            5
        } else {
            11
        };
        let mut push = |what, median_ms| {
            out.push(Measure {
                nodes: n,
                links,
                what,
                median_ms,
                runs,
            })
        };
        // Canvas frames first, on a fresh heap: after the loader's many small allocations the
        // allocator's state would make the frame look slower than it is in the app.
        push(
            "canvas frame, full view",
            canvas_frames(&project, false, runs),
        );
        push(
            "canvas frame, zoomed in",
            canvas_frames(&project, true, runs),
        );
        push(
            "window frame, Gaps tab",
            window_frames(&project, WindowTab::Gaps, runs),
        );
        push(
            "window frame, Impact tab",
            window_frames(&project, WindowTab::Impact, runs),
        );
        let mut with_agreement = project.clone();
        crate::generate::agreement(&mut with_agreement, 12);
        push(
            "window frame, Sharing tab (12 parties)",
            window_frames(&with_agreement, WindowTab::Sharing, runs),
        );
        push(
            "window frame, Fair split tab (12 parties)",
            window_frames(&with_agreement, WindowTab::Fairness, runs),
        );
        push(
            "load + validate",
            median_ms(runs, || {
                std::hint::black_box(file::load_str(&text, LoadOptions::default()).ok());
            }),
        );
        push(
            "save (to text)",
            median_ms(runs, || {
                std::hint::black_box(file::to_json(&project).ok());
            }),
        );
        push(
            "analysis",
            median_ms(if n >= 50_000 { 1 } else { runs }, || {
                std::hint::black_box(analyze(&project, &AnalysisOptions::default()));
            }),
        );
        push(
            "swimlane layout",
            median_ms(if n >= 50_000 { 1 } else { runs }, || {
                std::hint::black_box(crate::layout::swimlane(&project));
            }),
        );
        let mut force = crate::layout::ForceLayout::new(&project);
        push("one force step", median_ms(runs, || force.step()));
        // Scenarios (issue 22): a plan that lets 1 % of the firms go, recorded and made again
        // on the base, then compared with the base as the Compare tab does.
        let mut plan = project.clone();
        let leaving: Vec<_> = plan.nodes.keys().step_by(100).cloned().collect();
        for id in &leaving {
            plan.nodes.remove(id);
        }
        crate::merge::clean_dangling(&mut plan);
        let few_runs = if n >= 10_000 { 1 } else { runs.min(5) };
        push(
            "scenario record + materialise (1 % of firms gone)",
            median_ms(few_runs, || {
                if let Ok(changes) = crate::scenario::record(&project, &plan) {
                    std::hint::black_box(crate::scenario::materialise(&project, &changes));
                }
            }),
        );
        push(
            "compare two versions (figures + changes)",
            median_ms(few_runs, || {
                std::hint::black_box(crate::scenario::compare::compare(&project, &plan, None));
                std::hint::black_box(crate::merge::diff(&project, &plan).ok());
            }),
        );
        // Reports: the picture and the graph files, and a spreadsheet import of every firm.
        let lang = crate::i18n::Lang::Zh;
        let few = if n >= 10_000 { 1 } else { runs.min(5) };
        push(
            "export SVG",
            median_ms(few, || {
                std::hint::black_box(crate::export::picture::svg(&project, lang, None));
            }),
        );
        push(
            "export PNG 1920x1080",
            median_ms(few, || {
                std::hint::black_box(
                    crate::export::picture::png(&project, lang, Some((1920, 1080))).ok(),
                );
            }),
        );
        push(
            "export GraphML",
            median_ms(few, || {
                std::hint::black_box(crate::export::graph::graphml(&project, lang).ok());
            }),
        );
        let analysis = analyze(&project, &AnalysisOptions::default());
        let nodes_csv = crate::export::tables::to_csv(&crate::export::tables::table(
            &project,
            &analysis,
            crate::export::TableName::Nodes,
            lang,
        ))
        .unwrap_or_default();
        push(
            "import nodes CSV",
            median_ms(few, || {
                if let Ok(table) = file::table::read_csv("nodes.csv", &nodes_csv) {
                    let source =
                        file::import::ImportSource::guessed(file::import::TableKind::Nodes, table);
                    std::hint::black_box(file::import::plan_import(
                        &project,
                        &[source],
                        &Default::default(),
                    ));
                }
            }),
        );
    }
    out
}
