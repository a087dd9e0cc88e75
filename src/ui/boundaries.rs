//! File → Import Boundaries…: the chosen GeoJSON read and matched to the project's regions
//! (src/file/boundaries), the new outlines applied as one edit (one undo step), the counts said
//! in the status bar, and a small window listing what was matched, the features not matched
//! (with why) and the regions left without a boundary. A file that cannot be read changes nothing
//! and says what is wrong where.

use crate::document::Document;
use crate::file::boundaries::{BoundaryImport, feature_label, import_boundaries as read};
use crate::i18n::Lang;
use crate::ui::app::ChainmapApp;
use egui::{Align2, RichText, Vec2};
use std::path::Path;

/// Imports the boundary file at `path` into the open project.
pub fn import_boundaries(app: &mut ChainmapApp, path: &Path) {
    let lang = app.ui.lang();
    let plan = match read(path, &app.doc.project) {
        Ok(plan) => plan,
        Err(issue) => {
            app.ui.error(format!(
                "{} {}",
                issue.text(lang),
                lang.pick("(没有导入任何边界)", "(no boundary imported)")
            ));
            return;
        }
    };
    if !plan.matched.is_empty()
        && let Some(edit) = plan.edit()
    {
        let before = app.doc.revision();
        app.apply_edit(edit);
        if app.doc.revision() == before {
            // Refused: apply_edit has said why.
            return;
        }
    }
    let summary = plan.summary(lang);
    if plan.matched.is_empty() {
        app.ui.error(summary);
    } else {
        app.ui.info(summary);
    }
    app.boundaries.show(&app.doc, plan);
}

/// The result window of the last boundary import, while open.
#[derive(Debug, Default)]
pub struct BoundariesReport {
    /// The document it was imported into (the window closes when another opens), and what came
    /// of it.
    shown: Option<(u64, BoundaryImport)>,
}

impl BoundariesReport {
    fn show(&mut self, doc: &Document, plan: BoundaryImport) {
        self.shown = Some((doc.id(), plan));
    }

    /// Whether the window is open.
    pub fn is_open(&self) -> bool {
        self.shown.is_some()
    }

    /// Draws the window, if open.
    pub fn ui(&mut self, ctx: &egui::Context, doc: &Document, lang: Lang) {
        if self.shown.as_ref().is_some_and(|(id, _)| *id != doc.id()) {
            self.shown = None;
        }
        let Some((_, plan)) = &self.shown else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(lang.pick("导入行政区边界", "Import Boundaries"))
            .id(egui::Id::unique("boundaries-report"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
            .show(ctx, |ui| {
                ui.set_width(440.0);
                report_ui(ui, plan, lang);
                ui.add_space(6.0);
                ui.vertical_centered(|ui| {
                    close = ui.button(lang.pick("关闭", "Close")).clicked();
                });
            });
        if !open || close {
            self.shown = None;
        }
    }
}

/// The file's name, then the three lists.
fn report_ui(ui: &mut egui::Ui, plan: &BoundaryImport, lang: Lang) {
    ui.label(RichText::new(&plan.file).strong());
    ui.add(egui::Label::new(RichText::new(plan.summary(lang)).weak()).wrap());
    ui.separator();
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            heading(ui, lang.pick("已匹配", "Matched"), plan.matched.len());
            egui::Grid::new("boundaries-matched")
                .num_columns(3)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for m in &plan.matched {
                        ui.label(feature_label(m.feature, Some(&m.feature_name), lang));
                        ui.label(format!("→ {}", m.region_name));
                        let polygons = match lang {
                            Lang::Zh => format!("{} 个多边形", m.polygons),
                            Lang::En => crate::i18n::count_en(m.polygons, "polygon", "polygons"),
                        };
                        let note = if m.by_short_name {
                            lang.pick(" · 去掉后缀后同名", " · same name without the suffix")
                        } else {
                            ""
                        };
                        ui.label(RichText::new(format!("{polygons}{note}")).weak());
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            heading(
                ui,
                lang.pick("未匹配的要素", "Features not matched"),
                plan.unmatched.len(),
            );
            for u in &plan.unmatched {
                let code = u
                    .adcode
                    .as_ref()
                    .map(|c| format!(" [{c}]"))
                    .unwrap_or_default();
                let text = format!(
                    "{}{code}{}{}",
                    feature_label(u.feature, u.name.as_deref(), lang),
                    lang.pick(":", ": "),
                    u.reason.text(lang)
                );
                ui.add(egui::Label::new(text).wrap());
            }
            ui.add_space(6.0);
            heading(
                ui,
                lang.pick("没有边界的地区", "Regions without a boundary"),
                plan.without_boundary.len(),
            );
            if !plan.without_boundary.is_empty() {
                let names: Vec<&str> = plan
                    .without_boundary
                    .iter()
                    .map(|r| r.name.as_str())
                    .collect();
                ui.add(egui::Label::new(names.join(lang.pick("、", ", "))).wrap());
            }
        });
}

/// A list's heading with its count.
fn heading(ui: &mut egui::Ui, title: &str, count: usize) {
    ui.label(RichText::new(format!("{title} ({count})")).strong());
}
