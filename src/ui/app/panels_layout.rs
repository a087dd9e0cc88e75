//! Where the panels and the canvas sit in the window, each drawn from the read-only context.

use super::ChainmapApp;
use crate::ui::canvas;
use crate::ui::context::ViewCtx;
use crate::ui::panels::{analysis, outline, status};
use crate::ui::state::Queue;

impl ChainmapApp {
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui, queue: &mut Queue) {
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, queue));
        let state = super::commands::EditorState::of(self);
        let lang = self.ui.lang();
        egui::Panel::top("toolbar").show(ui, |ui| {
            crate::ui::toolbar::toolbar_ui(ui, &state, queue, lang)
        });
        let cx = ViewCtx {
            doc: &self.doc,
            derived: &self.derived,
            issues: &self.issues,
            lang: self.ui.lang(),
        };
        egui::Panel::bottom("status").show(ui, |ui| status::status_ui(ui, cx.doc, &self.ui));
        // The inspector is drawn before the panels that change the selection (outline, analysis),
        // so a field being typed into commits before its item is replaced.
        if self.ui.settings.show_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(280.0)
                .min_size(220.0)
                .max_size(480.0)
                .show(ui, |ui| {
                    self.panels.inspector.ui(ui, &cx, &mut self.ui, queue)
                });
        }
        if self.ui.settings.show_analysis {
            egui::Panel::bottom("analysis")
                .resizable(true)
                .default_size(260.0)
                .min_size(120.0)
                .max_size(640.0)
                .show(ui, |ui| {
                    analysis::analysis_ui(ui, &cx, &mut self.ui, &mut self.panels, queue)
                });
        }
        if self.ui.settings.show_outline {
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(220.0)
                .min_size(160.0)
                .max_size(420.0)
                .show(ui, |ui| {
                    outline::left_panel_ui(
                        ui,
                        &cx,
                        &self.names,
                        &mut self.ui,
                        &mut self.panels,
                        queue,
                    )
                });
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let options = canvas::CanvasOptions::editor(&self.ui.settings);
                canvas::canvas_ui(
                    ui,
                    cx.doc,
                    cx.analysis(),
                    &mut self.ui,
                    &mut self.canvas,
                    queue,
                    &options,
                );
            });
    }
}
