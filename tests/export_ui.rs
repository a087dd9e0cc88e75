//! Writing the Sharing tab's schedule from the app: the table shown, never an empty one left
//! over from another agreement's choice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{Ledger, Metric};
use chainmap::ui::ChainmapApp;
use egui_kittest::Harness;
use std::path::PathBuf;

fn ankang() -> Harness<'static, ChainmapApp> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join("ankang-enclave.chainmap.json");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(Lang::En), None));
    harness.run_steps(3);
    harness
}

fn rows(path: &std::path::Path) -> Vec<csv::StringRecord> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader.records().map(|r| r.unwrap()).collect()
}

#[test]
fn a_stale_ledger_choice_falls_back_to_the_shown_table() {
    let mut h = ankang();
    let dir = tempfile::tempdir().unwrap();
    // A ledger/metric pair this agreement's schedule does not have.
    h.state_mut().ui.schedule_view = Some((Ledger::Corporate, Metric::ValueAdded));
    let file = dir.path().join("schedule");
    h.state_mut().export_schedule(file.clone());
    let written = file.with_extension("csv");
    let table = rows(&written);
    assert!(table.len() >= 5, "one row a year: {table:?}");
    assert!(
        table.iter().all(|r| r.len() >= 3),
        "year, total and parties"
    );
    let message = h.state().ui.message.clone().unwrap();
    assert!(!message.is_error, "{}", message.text);
}

#[test]
fn the_chosen_table_is_the_one_written() {
    let mut h = ankang();
    let dir = tempfile::tempdir().unwrap();
    h.state_mut().ui.schedule_view = Some((Ledger::Assessment, Metric::Investment));
    let file = dir.path().join("investment.csv");
    h.state_mut().export_schedule(file.clone());
    let table = rows(&file);
    // The sample's 2024 investment (安康 rule, year 6): 4570 split 7 : 3, 3199.00 / 1371.00;
    // 2023 (year 5) all to the source.
    let row = table.iter().find(|r| r.get(0) == Some("2024")).unwrap();
    assert!(
        row.iter().any(|c| c == "3199.00") && row.iter().any(|c| c == "1371.00"),
        "{row:?}"
    );
    let row = table.iter().find(|r| r.get(0) == Some("2023")).unwrap();
    assert_eq!(row.iter().filter(|c| *c == "3200.00").count(), 2, "{row:?}");
}
