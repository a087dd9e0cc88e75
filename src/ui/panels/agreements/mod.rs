//! The agreement tabs of the analysis panel. Sharing: the list of benefit-sharing agreements,
//! the editor of the one on show (head, parties and scope, phases and their rules, shared
//! costs, coalition values, with its problems listed above) and its yearly schedule beside it.
//! Fair split: the Shapley value, nucleolus and contract side by side.
//!
//! Every field is keyed by what it edits (a party by node id, a phase by id, a coalition by its
//! members), never by its row, and every drag of a number is one undo step.

mod anchors;
mod coalitions;
mod costs;
mod fairness;
mod form;
mod head;
mod list;
mod members;
mod parties;
mod payment;
mod phases;
mod quotas;
mod rules;
mod schedule;
mod schedule_table;

pub use schedule::schedule_csv;

use crate::model::{Agreement, AgreementId, Issue, NodeId, Project, Severity};
use crate::ui::context::ViewCtx;
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;
use crate::ui::widgets::draft::Drafts;
use form::Form;

/// The agreement tabs' own state.
#[derive(Default)]
pub struct AgreementsPanel {
    /// Text being typed into the editor's fields.
    drafts: Drafts,
    /// A party whose removal waits for the user to say what becomes of the coalition values
    /// naming it.
    removing: Option<(AgreementId, NodeId)>,
}

impl AgreementsPanel {
    /// The Sharing tab: list, editor and schedule.
    pub fn sharing_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        state: &mut UiState,
        queue: &mut Queue,
    ) {
        let (lang, project) = (cx.lang, cx.project());
        list::list_ui(ui, project, state, queue, lang);
        ui.separator();
        let Some(a) = current(project, state) else {
            ui.weak(lang.pick(
                "还没有协议。点“新建协议”开始。",
                "No agreement yet. Press “New agreement” to start.",
            ));
            return;
        };
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical()
                .id_salt("agreement-editor")
                .auto_shrink([false, false])
                .show(&mut cols[0], |ui| {
                    let mut form = Form::new(cx.doc, lang, a, &mut self.drafts, &mut self.removing);
                    editor_ui(ui, &mut form, cx.issues);
                    form.finish(queue);
                });
            let Some(s) = cx.derived.schedule(&a.id) else {
                cols[1].spinner();
                return;
            };
            egui::ScrollArea::vertical()
                .id_salt("agreement-schedule")
                .auto_shrink([false, false])
                .show(&mut cols[1], |ui| {
                    schedule::schedule_ui(ui, project, a, s, state, queue, lang);
                });
        });
    }

    /// The Fair split tab.
    pub fn fairness_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        state: &mut UiState,
        queue: &mut Queue,
    ) {
        fairness::fairness_ui(ui, cx, state, queue);
    }
}

/// The agreement shown: the chosen one, else the first.
fn current<'a>(project: &'a Project, state: &UiState) -> Option<&'a Agreement> {
    state
        .agreement
        .as_ref()
        .and_then(|id| project.agreements.get(id))
        .or_else(|| project.agreements.values().next())
}

/// The agreement's problems, then its parts.
fn editor_ui(ui: &mut egui::Ui, form: &mut Form<'_>, issues: &[Issue]) {
    let place = format!("agreements/{}", form.a.id);
    for issue in issues
        .iter()
        .filter(|i| i.place == place || i.place.starts_with(&format!("{place}/")))
    {
        let colour = if issue.severity == Severity::Error {
            theme::ERROR
        } else {
            theme::WARNING
        };
        ui.colored_label(colour, format!("⚠ {}", issue.message(form.lang)));
    }
    head::head_ui(ui, form);
    parties::parties_ui(ui, form);
    members::members_ui(ui, form);
    anchors::anchors_ui(ui, form);
    phases::phases_ui(ui, form);
    quotas::quotas_ui(ui, form);
    costs::costs_ui(ui, form);
    coalitions::coalitions_ui(ui, form);
}
