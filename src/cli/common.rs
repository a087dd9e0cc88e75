//! What the headless commands share: loading a project with every problem printed.

use crate::file::{self, LoadOptions};
use crate::i18n::Lang;
use crate::model::Project;
use std::io::Write;
use std::path::Path;

/// Loads a project for a headless command; prints every problem and returns none when it cannot.
pub(super) fn load_for_command(
    path: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> std::io::Result<Option<Project>> {
    match file::load_path(path, LoadOptions::default()) {
        Ok(loaded) => Ok(Some(loaded.project)),
        Err(e) => {
            writeln!(
                err,
                "{}: {}",
                path.display(),
                lang.pick("无法打开", "cannot be opened")
            )?;
            for issue in &e.issues {
                writeln!(err, "  {}", issue.text(lang))?;
            }
            Ok(None)
        }
    }
}
