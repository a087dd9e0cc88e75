//! Applying what a frame asked for, after everything is drawn: edits (gesture edits joining
//! one undo step while the gesture lasts), then commands, then changes of what is on show.

use super::ChainmapApp;
use crate::ui::state::{AnalysisTab, Highlight, LeftTab, Queue, UiAction};

impl ChainmapApp {
    /// Applies the frame's queue, then what waited for typed text to commit.
    pub(super) fn apply_queue(&mut self, ctx: &egui::Context, queue: Queue) {
        let deferred = std::mem::take(&mut self.deferred);
        let close_deferred = std::mem::take(&mut self.close_deferred);
        for edit in queue.edits {
            self.apply_edit(edit);
        }
        for (edit, key) in queue.gesture_edits {
            if let Err(e) = self.doc.apply_in_gesture(edit, &key) {
                self.refused(&e);
            }
        }
        // A gesture lasts while the pointer is held or its field has the keyboard.
        let holding = ctx.input(|i| i.pointer.any_down());
        let typing = ctx.memory(|m| m.focused()).is_some();
        if !holding && !typing {
            self.doc.end_gesture();
        }
        self.prune_selection();
        for command in queue.commands.into_iter().chain(deferred) {
            self.run_command(ctx, command);
        }
        for action in queue.actions {
            self.run_action(action);
        }
        if close_deferred {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.typing_last_frame = ctx.egui_wants_keyboard_input();
        if let Some(path) = queue.open_path {
            self.guard(super::Pending::OpenPath(path));
        }
    }

    /// Changes what is on show (selection, highlight, the agreement or view on show).
    pub fn run_action(&mut self, action: UiAction) {
        let action = match action {
            UiAction::Scenario(a) => return crate::ui::scenarios::run(self, a),
            other => other,
        };
        let p = &self.doc.project;
        match action {
            UiAction::ShowNode(id) if p.nodes.contains_key(&id) => {
                self.ui.selection.only_node(id.clone());
                self.ui.focus_request = Some(id);
            }
            UiAction::ShowStage(id) => {
                let first = p
                    .nodes
                    .values()
                    .find(|n| n.stages.first() == Some(&id))
                    .map(|n| n.id.clone());
                self.ui.highlight = Some(Highlight {
                    stages: [id].into_iter().collect(),
                    ..Highlight::default()
                });
                self.ui.focus_request = first;
            }
            UiAction::ShowAgreement(id) if p.agreements.contains_key(&id) => {
                self.ui.agreement = Some(id);
                self.ui.settings.show_analysis = true;
                self.ui.analysis_tab = AnalysisTab::Sharing;
            }
            UiAction::ShowView(id) => {
                if let Some(view) = p.views.get(&id) {
                    crate::ui::panels::views::show(view, &mut self.ui);
                    self.ui.selected_view = Some(id);
                    self.ui.left_tab = LeftTab::Views;
                    self.ui.settings.show_outline = true;
                }
            }
            UiAction::Select(selection) => self.ui.selection = selection,
            UiAction::Highlight(highlight) => self.ui.highlight = highlight,
            UiAction::ShowNode(_) | UiAction::ShowAgreement(_) | UiAction::Scenario(_) => {}
        }
    }
}
