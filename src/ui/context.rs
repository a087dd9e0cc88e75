//! The read-only context every panel and the canvas draw from: the document, the derived data
//! computed for its revision, its problems and the language. Panels change nothing through it;
//! they queue edits, commands and actions, applied after the frame is drawn.

use crate::analysis::Analysis;
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{Issue, Project};
use crate::ui::derived::Derived;

/// What a panel may read.
pub struct ViewCtx<'a> {
    pub doc: &'a Document,
    pub derived: &'a Derived,
    /// The project's problems (validation), for the current revision.
    pub issues: &'a [Issue],
    pub lang: Lang,
}

impl<'a> ViewCtx<'a> {
    pub fn project(&self) -> &'a Project {
        &self.doc.project
    }

    pub fn analysis(&self) -> Option<&'a Analysis> {
        self.derived.analysis()
    }
}
