//! The reference-chain dialogs' answers: a project made from a template (after asking about
//! unsaved changes, as File → New does), and a chain's matching saved or forgotten (one edit).

use super::{ChainmapApp, Pending};
use crate::ui::reference_dialog::CompareRequest;

impl ChainmapApp {
    pub(super) fn reference_dialogs_ui(&mut self, ctx: &egui::Context) {
        let lang = self.ui.lang();
        if let Some(project) = self.new_from_template.ui(ctx, lang) {
            self.guard(Pending::New(Box::new(project)));
        }
        match self.compare_reference.ui(ctx, &self.doc, lang) {
            CompareRequest::None => {}
            CompareRequest::Apply(edit) => self.apply_edit(*edit),
        }
    }
}

impl ChainmapApp {
    /// The scenario window (new scenario, from the 招商 list, manage), while open.
    pub(super) fn scenario_window(
        &mut self,
        ctx: &egui::Context,
        queue: &mut crate::ui::state::Queue,
    ) {
        let cx = crate::ui::context::ViewCtx {
            doc: &self.doc,
            derived: &self.derived,
            issues: &self.issues,
            lang: self.ui.lang(),
        };
        crate::ui::scenarios::window(ctx, &mut self.scenario_dialog, &cx, queue);
    }
}
