//! The row above the agreement editor: every agreement by name (click to show it), a button to
//! start a new one (from the project's enclave link when it has one) and one to delete the
//! agreement on show.

use super::current;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Agreement, Project, fresh_agreement_id};
use crate::ui::state::{Queue, UiState};
use egui::RichText;

/// The agreements, New and Delete.
pub(super) fn list_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut UiState,
    queue: &mut Queue,
    lang: Lang,
) {
    let shown = current(project, state).map(|a| a.id.clone());
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(lang.pick("协议:", "Agreements:")).strong());
        for a in project.agreements.values() {
            if ui
                .selectable_label(shown.as_ref() == Some(&a.id), &a.name)
                .clicked()
            {
                state.agreement = Some(a.id.clone());
            }
        }
        ui.separator();
        // Issue 20: the agreement on show drawn between its regions.
        if let Some(id) = &shown
            && ui
                .button(lang.pick("飞地示意图", "Enclave diagram"))
                .clicked()
        {
            state.agreement = Some(id.clone());
            queue
                .commands
                .push(crate::ui::command::AppCommand::EnclaveDiagram);
        }
        if ui.button(lang.pick("新建协议", "New agreement")).clicked() {
            let id = fresh_agreement_id(project);
            let name = format!("{} {id}", lang.pick("协议", "Agreement"));
            queue.edits.push(Edit::SetAgreement(Agreement::started(
                project,
                id.clone(),
                name,
            )));
            state.agreement = Some(id);
        }
        if let Some(id) = shown
            && ui
                .button(lang.pick("删除协议", "Delete agreement"))
                .clicked()
        {
            queue.edits.push(Edit::RemoveAgreement(id));
            state.agreement = None;
        }
    });
}
