//! Image snapshots of the main screen in both languages, rendered on the CPU (Mesa llvmpipe via
//! wgpu's GL backend; `.ci/run` sets `WGPU_BACKEND=gl`). `UPDATE_SNAPSHOTS=1 cargo test` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::ui::ChainmapApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn main_screen(lang: Lang, name: &str) {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(4);
    // Select the chain leader so the inspector and the link handle show too.
    harness.get_by_label("链主食品集团(县外引进)").click();
    harness.run_steps(4);
    harness.snapshot(name);
}

#[test]
fn main_screen_in_chinese() {
    main_screen(Lang::Zh, "main_screen_zh");
}

#[test]
fn main_screen_in_english() {
    main_screen(Lang::En, "main_screen_en");
}

/// The views tab with a view selected and the filter open, coloured by segment.
#[test]
fn views_tab_in_english() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(Lang::En), None));
    harness.run_steps(4);
    harness.get_by_label("Views").click();
    harness.run_steps(2);
    harness.get_by_label("2. 链主企业").click();
    harness.run_steps(2);
    harness.get_by_label("Kinds").click();
    harness.run_steps(4);
    harness.snapshot("views_tab_en");
}

/// The import dialog with the shared chain data loaded, the enterprises previewed.
#[test]
fn import_dialog_in_chinese() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(Lang::Zh), None));
    harness.run_steps(3);
    let ctx = egui::Context::default();
    harness
        .state_mut()
        .run_command(&ctx, chainmap::ui::command::AppCommand::Import);
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/import");
    for (kind, file) in [
        (
            chainmap::file::import::TableKind::Stages,
            "zhashui_like_stages.csv",
        ),
        (
            chainmap::file::import::TableKind::Links,
            "zhashui_like_supply_edges.csv",
        ),
        (
            chainmap::file::import::TableKind::Nodes,
            "zhashui_like_enterprises.csv",
        ),
    ] {
        harness
            .state_mut()
            .import
            .load(kind, &dir.join(file), Lang::Zh);
    }
    harness.run_steps(4);
    harness.snapshot("import_dialog_zh");
}

/// The app presenting the chain (F5) at a middle step, the key hint gone and the camera settled.
fn presenting(lang: Lang, keys: &[egui::Key]) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    harness.key_press(egui::Key::F5);
    // The hint leaves after 6 s (a step is 0.25 s).
    harness.run_steps(30);
    for key in [egui::Key::ArrowRight; 4].iter().chain(keys) {
        harness.key_press(*key);
        harness.run_steps(2);
    }
    // The glide takes 0.35 s.
    harness.run_steps(4);
    harness
}

/// Step 5 of the chain story: four stages lit, the rest dimmed, the subtitle with the stage's
/// firms, output and gaps.
#[test]
fn presenting_the_chain_in_chinese() {
    presenting(Lang::Zh, &[]).snapshot("present_chain_zh");
}

/// The presentation's key help (H) over the graph.
#[test]
fn presentation_help_in_english() {
    presenting(Lang::En, &[egui::Key::H]).snapshot("present_help_en");
}

/// The dark projector theme (T), for a dim room. The editor itself has no dark theme
/// (`theme::install_style` keeps it light), so this is the only dark look there is.
#[test]
fn presenting_in_the_dark_theme() {
    presenting(Lang::En, &[egui::Key::T]).snapshot("present_dark_en");
}
