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

/// A project file named on the command line, as its base or as one of its scenarios.
#[derive(Debug, Clone, Copy)]
pub(super) struct Input<'a> {
    pub path: &'a Path,
    /// `--scenario`: the scenario's id or name.
    pub scenario: Option<&'a str>,
}

impl<'a> Input<'a> {
    pub fn new(path: &'a Path, scenario: Option<&'a str>) -> Self {
        Self { path, scenario }
    }

    /// Loads the project, with the scenario's edits made when one is named; prints every
    /// problem (an unknown scenario names the ones there are; edits that no longer fit the base
    /// are warnings) and returns none when it cannot.
    pub fn load(&self, lang: Lang, err: &mut dyn Write) -> std::io::Result<Option<Project>> {
        let Some(project) = load_for_command(self.path, lang, err)? else {
            return Ok(None);
        };
        let Some(key) = self.scenario else {
            return Ok(Some(project));
        };
        match crate::scenario::project_as(&project, key) {
            Ok(made) => {
                for (zh, en) in &made.skipped {
                    writeln!(
                        err,
                        "{}: {} {}",
                        self.path.display(),
                        lang.pick("方案中未应用的修改:", "scenario edit left out:"),
                        lang.pick(zh, en)
                    )?;
                }
                Ok(Some(made.project))
            }
            Err((zh, en)) => {
                writeln!(err, "{}: {}", self.path.display(), lang.pick(&zh, &en))?;
                Ok(None)
            }
        }
    }
}
