//! File → Import Candidates…: the chosen list read against the project's candidates, applied as
//! one edit (one undo step), the counts and the rows with problems said in the status bar and
//! the log, and the 招商 tab opened on the result.

use crate::edit::Edit;
use crate::targets::read_candidates;
use crate::ui::app::ChainmapApp;
use crate::ui::state::AnalysisTab;
use std::path::Path;

/// Imports the candidate list at `path` into the open project.
pub fn import_candidates(app: &mut ChainmapApp, path: &Path) {
    let lang = app.ui.lang();
    let import = match read_candidates(path, &app.doc.project) {
        Ok(import) => import,
        Err(issue) => {
            app.ui.error(issue.text(lang));
            return;
        }
    };
    for problem in &import.problems {
        log::warn!("{}", problem.text(lang));
    }
    if import.changes() {
        let before = app.doc.revision();
        app.apply_edit(Edit::SetCandidates(import.candidates.clone()));
        if app.doc.revision() == before {
            // Refused: apply_edit has said why.
            return;
        }
    }
    let summary = import.summary(lang);
    if import.problems.is_empty() {
        app.ui.info(summary);
    } else {
        app.ui.error(summary);
    }
    app.ui.analysis_tab = AnalysisTab::Targets;
    app.ui.settings.show_analysis = true;
}
