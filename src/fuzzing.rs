//! What the fuzzers run on each input: the cargo-fuzz targets in `fuzz/` and the bounded
//! mutation run in `tests/fuzz.rs` call these, so both exercise the same paths. Each takes any
//! bytes and must never panic; what loads must also survive everything done with a project.
//! The two panics below are the oracle: they are how a fuzzer learns a saved file would not
//! reopen.
#![allow(clippy::panic)]

use crate::file::import::{ImportOptions, ImportSource, TableKind, plan_import};
use crate::file::table::{Table, read_csv, read_workbook};
use crate::model::Project;

/// Any bytes as a project file. What loads is analysed, laid out, split, exported, saved and
/// loaded again (which must work: a file chainmap writes always reopens).
pub fn exercise_project_bytes(data: &[u8]) {
    let Ok(loaded) = crate::file::load_bytes(data, Default::default()) else {
        return;
    };
    exercise_project(&loaded.project);
}

/// Everything the app and the CLI do with a project that opened.
pub fn exercise_project(project: &Project) {
    let _ = crate::model::validate::validate(project);
    let analysis = crate::analysis::analyze(project, &Default::default());
    let _ = analysis.to_json(crate::i18n::Lang::Zh);
    for id in project.nodes.keys().take(5) {
        if let Some(impact) = crate::analysis::impact::impact(project, id) {
            let _ = impact.to_json();
        }
    }
    for agreement in project.agreements.values() {
        let _ = crate::sharing::schedule(project, agreement, None, None);
    }
    let _ = crate::layout::swimlane(project);
    let _ = crate::layout::place_new(project);
    let _ = crate::layout::supply_crossings(project);
    let _ = crate::export::picture::svg(project, crate::i18n::Lang::Zh, Some((800, 600)));
    let _ = crate::export::graph::graphml(project, crate::i18n::Lang::Zh);
    let _ = crate::export::graph::gexf(project, crate::i18n::Lang::En);
    for name in crate::export::TableName::ALL {
        let t = crate::export::tables::table(project, &analysis, name, crate::i18n::Lang::Zh);
        let _ = crate::export::tables::to_csv(&t);
    }
    let text = match crate::file::to_json(project) {
        Ok(text) => text,
        Err(e) => panic!("a loaded project could not be written: {e}"),
    };
    if let Err(e) = crate::file::load_str(&text, Default::default()) {
        panic!("a file chainmap wrote does not open again: {e}");
    }
}

/// Any bytes as a CSV table of each kind, imported into an empty project and the sample.
pub fn exercise_csv_bytes(data: &[u8]) {
    if let Ok(table) = read_csv("fuzz.csv", data) {
        exercise_table(table);
    }
}

/// Any bytes as a workbook (xlsx, xls, ods), imported the same way.
pub fn exercise_workbook_bytes(data: &[u8]) {
    if let Ok(table) = read_workbook("fuzz.xlsx", data.to_vec(), None) {
        exercise_table(table);
    }
}

fn exercise_table(table: Table) {
    let sample = crate::file::load_str(crate::file::BUNDLED_SAMPLE, Default::default())
        .map(|l| l.project)
        .unwrap_or_default();
    for base in [Project::new("fuzz"), sample] {
        for kind in TableKind::ALL {
            let source = ImportSource::guessed(kind, table.clone());
            let plan = plan_import(&base, &[source], &ImportOptions::default());
            if !plan.has_errors() {
                let mut project = base.clone();
                plan.apply_to(&mut project);
                exercise_project(&project);
            }
        }
    }
}
