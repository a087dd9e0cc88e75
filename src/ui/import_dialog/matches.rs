//! The import dialog's review of what the import would take on trust: the names that found
//! their firm past their exact spelling (short names, places, legal forms), listed for the
//! user to confirm before importing, and the data-quality summary of the project as the import
//! would leave it (`quality`).

use super::quality::quality_ui;
use crate::file::import::ImportPlan;
use crate::i18n::Lang;
use crate::ui::theme;
use egui::RichText;

/// The matches to confirm, then the quality summary; nothing when the plan has errors (it
/// imports nothing).
pub(super) fn review_ui(ui: &mut egui::Ui, plan: &ImportPlan, lang: Lang) {
    if plan.has_errors() {
        return;
    }
    matches_ui(ui, plan, lang);
    quality_ui(ui, &plan.quality, lang);
}

fn matches_ui(ui: &mut egui::Ui, plan: &ImportPlan, lang: Lang) {
    if plan.matches.is_empty() {
        return;
    }
    let title = RichText::new(format!(
        "{} {} {}",
        lang.pick("按名称匹配:", "Names matched:"),
        plan.matches.len(),
        lang.pick("处,导入前请核对", "to check before importing")
    ))
    .color(theme::WARNING);
    egui::CollapsingHeader::new(title)
        .id_salt("import-matches")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("import-matches-list")
                .max_height(96.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new("import-matches-grid")
                        .num_columns(4)
                        .spacing([10.0, 2.0])
                        .striped(true)
                        .show(ui, |ui| {
                            for m in &plan.matches {
                                ui.label(format!("“{}”", m.text));
                                ui.label(format!("→ {}", m.name))
                                    .on_hover_text(m.node.as_str());
                                ui.weak(m.how.label(lang));
                                ui.weak(&m.place);
                                ui.end_row();
                            }
                        });
                });
        });
}
