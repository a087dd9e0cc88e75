//! A problem found in a project or a project file: what is wrong, where, and how bad.

use crate::i18n::Lang;
use serde::Serialize;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The project is wrong; `chainmap check` fails.
    Error,
    /// Worth a look; nothing is wrong with the numbers.
    Warning,
}

/// One problem, with its place and a message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub severity: Severity,
    /// A stable machine-readable kind, e.g. `dangling_reference`.
    pub code: &'static str,
    /// Where: `line 12, column 5`, `link "L05"`, `agreement "A1", phase "p2"` ...
    pub place: String,
    /// The message in Chinese.
    pub zh: String,
    /// The message in English.
    pub en: String,
    /// The file cannot be opened while this problem stands (syntax, type, duplicate or dangling
    /// references): the model would not be able to hold it faithfully.
    pub blocks_loading: bool,
}

impl Issue {
    /// An error that still lets the project open (the user fixes it in the app).
    pub fn error(code: &'static str, place: impl Into<String>, zh: String, en: String) -> Self {
        Self {
            severity: Severity::Error,
            code,
            place: place.into(),
            zh,
            en,
            blocks_loading: false,
        }
    }

    /// An error that keeps the file from opening.
    pub fn blocking(code: &'static str, place: impl Into<String>, zh: String, en: String) -> Self {
        Self {
            blocks_loading: true,
            ..Self::error(code, place, zh, en)
        }
    }

    /// A warning.
    pub fn warning(code: &'static str, place: impl Into<String>, zh: String, en: String) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, place, zh, en)
        }
    }

    /// The message in the chosen language.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// `place: message`, in the chosen language.
    pub fn text(&self, lang: Lang) -> String {
        let level = match self.severity {
            Severity::Error => lang.pick("错误", "Error"),
            Severity::Warning => lang.pick("警告", "Warning"),
        };
        if self.place.is_empty() {
            format!("{level}: {}", self.message(lang))
        } else {
            format!("{level}: {}: {}", self.place, self.message(lang))
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
