//! Image snapshots of the first view of each sample, as a county office opens it: nothing
//! remembered, at the laptop size most offices have (1366×768) and at full HD, in Chinese and
//! English. Rendered on the CPU like `snapshots.rs`; `UPDATE_SNAPSHOTS=1 cargo test` rewrites
//! them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::ui::ChainmapApp;
use egui_kittest::Harness;
use std::path::PathBuf;

fn first_view(sample: &str, size: (f32, f32), lang: Lang, name: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(format!("{sample}.chainmap.json"));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(lang), None));
    harness.run_steps(6);
    // The status line names the file opened by its full path, which differs from one checkout
    // to the next: the picture is of the map, not of where the repository lives.
    harness.state_mut().ui.message = None;
    harness.run_steps(2);
    harness.snapshot(name);
}

const LAPTOP: (f32, f32) = (1366.0, 768.0);
const FULL_HD: (f32, f32) = (1920.0, 1080.0);

#[test]
fn zhashui_on_a_laptop_in_chinese() {
    first_view("zhashui-fungus", LAPTOP, Lang::Zh, "map_zhashui_1366_zh");
}

#[test]
fn zhashui_on_a_laptop_in_english() {
    first_view("zhashui-fungus", LAPTOP, Lang::En, "map_zhashui_1366_en");
}

#[test]
fn zhashui_in_full_hd_in_chinese() {
    first_view("zhashui-fungus", FULL_HD, Lang::Zh, "map_zhashui_1920_zh");
}

#[test]
fn zhashui_in_full_hd_in_english() {
    first_view("zhashui-fungus", FULL_HD, Lang::En, "map_zhashui_1920_en");
}

#[test]
fn ankang_on_a_laptop_in_chinese() {
    first_view("ankang-enclave", LAPTOP, Lang::Zh, "map_ankang_1366_zh");
}

#[test]
fn ankang_on_a_laptop_in_english() {
    first_view("ankang-enclave", LAPTOP, Lang::En, "map_ankang_1366_en");
}

#[test]
fn ankang_in_full_hd_in_chinese() {
    first_view("ankang-enclave", FULL_HD, Lang::Zh, "map_ankang_1920_zh");
}

#[test]
fn ankang_in_full_hd_in_english() {
    first_view("ankang-enclave", FULL_HD, Lang::En, "map_ankang_1920_en");
}
