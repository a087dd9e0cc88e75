//! The dialogs of the reference chains (全景图): File → New from Reference Chain… (a project
//! started from a built-in template, its chain matched to the template from the start) and
//! Compare with Reference Chain… (the user confirms or corrects which of the project's stages and
//! products are the reference's; one OK is one undo step).
//!
//! - [`new_project`]: the new-project dialog, with the template list and its preview;
//! - [`preview`]: what a template holds, drawn for the user to choose by (stages by segment,
//!   counts, description, sources);
//! - [`matching`]: the comparison dialog's rows and what its OK makes; [`matching_ui`] draws it.

mod matching;
mod matching_ui;
mod new_project;
mod preview;

pub use matching::{CompareDialog, CompareRequest};
pub use new_project::NewFromTemplate;

/// A count and its noun in the UI language ("14 个环节", "14 stages").
fn counted(lang: crate::i18n::Lang, n: usize, zh: &str, en_one: &str, en_many: &str) -> String {
    match lang {
        crate::i18n::Lang::Zh => format!("{n} {zh}"),
        crate::i18n::Lang::En if n == 1 => format!("1 {en_one}"),
        crate::i18n::Lang::En => format!("{n} {en_many}"),
    }
}
