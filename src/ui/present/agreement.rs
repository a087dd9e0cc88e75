//! The split chart beside the graph, when a saved view names an agreement: the agreement's name,
//! the ledger and measure shown, and its yearly split as stacked bars, in the projector look.
//! The schedule is worked out once per revision, not every frame.

use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{Agreement, AgreementId};
use crate::sharing::Schedule;
use crate::ui::theme::CanvasLook;
use crate::ui::widgets::split_chart::{preferred_view, schedule_chart_ui};
use egui::RichText;
use std::sync::Arc;

/// The schedule of the agreement on show, by (document id, revision, agreement).
#[derive(Debug, Default)]
pub(super) struct ChartCache {
    cached: Option<((u64, u64, AgreementId), Arc<Schedule>)>,
}

impl ChartCache {
    fn schedule(&mut self, doc: &Document, agreement: &Agreement) -> Arc<Schedule> {
        let key = (doc.id(), doc.revision(), agreement.id.clone());
        match &self.cached {
            Some((k, s)) if *k == key => s.clone(),
            _ => {
                let s = Arc::new(crate::sharing::schedule(
                    &doc.project,
                    agreement,
                    None,
                    None,
                ));
                self.cached = Some((key, s.clone()));
                s
            }
        }
    }

    /// The panel on the right of the screen with `agreement`'s split chart.
    pub(super) fn panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        agreement: &Agreement,
        look: CanvasLook,
        scale: f32,
        lang: Lang,
    ) {
        let width = (ui.ctx().content_rect().width() * 0.36).max(360.0);
        let schedule = self.schedule(doc, agreement);
        egui::Panel::right("present-agreement")
            .resizable(false)
            .exact_size(width)
            .frame(
                egui::Frame::new()
                    .fill(look.background())
                    .inner_margin(16.0),
            )
            .show(ui, |ui| {
                chart_ui(ui, doc, agreement, &schedule, (look, scale), lang);
            });
    }
}

/// The split chart of an agreement, in `look` with text scaled by `scale`.
fn chart_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    agreement: &Agreement,
    schedule: &Schedule,
    (look, scale): (CanvasLook, f32),
    lang: Lang,
) {
    let text = look.text();
    ui.label(
        RichText::new(&agreement.name)
            .size(24.0 * scale.sqrt())
            .strong()
            .color(text),
    );
    let Some(view) = preferred_view(schedule) else {
        ui.label(RichText::new(lang.pick("没有可计算的年份", "Nothing to schedule")).color(text));
        return;
    };
    ui.label(
        RichText::new(format!("{} · {}", view.0.label(lang), view.1.label(lang)))
            .size(17.0 * scale.sqrt())
            .color(text),
    );
    ui.add_space(8.0);
    let height = (ui.available_height() - 20.0).max(200.0);
    if look.is_dark() {
        ui.visuals_mut().override_text_color = Some(text);
    }
    schedule_chart_ui(
        ui,
        &doc.project,
        schedule,
        view,
        lang,
        height,
        ("present", &agreement.id),
        false,
    );
}
