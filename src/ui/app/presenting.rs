//! Presentation mode as the app enters and leaves it: fullscreen on, the UI state put back.

use super::ChainmapApp;
use crate::ui::command::AppCommand;
use crate::ui::context::ViewCtx;
use crate::ui::present::{self, Presentation, Story};

impl ChainmapApp {
    /// Enters presentation mode: fullscreen, panels hidden, the canvas read-only.
    pub(super) fn start_presentation(&mut self, ctx: &egui::Context, story: Story) {
        // A field being typed into commits first; the presentation starts on the next frame.
        if let Some(id) = ctx.memory(|m| m.focused()) {
            ctx.memory_mut(|m| m.surrender_focus(id));
            self.deferred.push(match story {
                Story::Chain => AppCommand::Present,
                Story::Views => AppCommand::PresentViews,
            });
            return;
        }
        let story = if story == Story::Views && self.doc.project.views.is_empty() {
            let lang = self.ui.lang();
            self.ui.info(lang.pick(
                "还没有保存的视图:按产业链演示",
                "No saved views yet: presenting the chain",
            ));
            Story::Chain
        } else {
            story
        };
        let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        let mut presentation = Presentation::start(story, &mut self.ui, fullscreen);
        presentation.compare =
            crate::ui::compare::before_after(&mut self.panels.compare, &self.doc, self.ui.lang());
        self.present = Some(presentation);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Leaves presentation mode: the window, panels, camera and highlights as they were.
    pub fn stop_presentation(&mut self, ctx: &egui::Context) {
        if let Some(p) = self.present.take() {
            let was_fullscreen = p.finish(&mut self.ui);
            if !was_fullscreen {
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
        }
    }

    /// A frame of the presentation: no menus, panels or editing.
    pub(super) fn presentation_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.refresh_derived(&ctx);
        let Some(presentation) = self.present.as_mut() else {
            return;
        };
        let cx = ViewCtx {
            doc: &self.doc,
            derived: &self.derived,
            issues: &self.issues,
            lang: self.ui.lang(),
        };
        let request = presentation.ui(ui, &cx, &mut self.ui, &mut self.canvas);
        if request == present::Request::Leave {
            self.stop_presentation(&ctx);
        }
        // Autosave goes on during a workshop.
        let now = ctx.input(|i| i.time);
        if let Some(wait) = self
            .recovery
            .tick(now, &self.doc, self.ui.settings.autosave_seconds)
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }
}
