//! The enclave diagram (飞地示意图, issue 20): for one agreement and one year, the source and
//! host regions as blocks on either side, the park between them with the firms in scope, the
//! trustee above, and each ledger's amounts as labelled ribbons flowing to each party. A
//! full-window overlay opened from the Sharing tab, View → Enclave Diagram, or (E) while
//! presenting; Esc closes it, ← / → step the years. It only reads the document.
//!
//! - `flows`: each party's part of each ledger in a year, from the schedule;
//! - `layout`: where blocks, beads and ribbons go (worked out once per revision, agreement,
//!   year, language and size);
//! - `paint`: drawing it.

pub mod flows;
pub mod layout;
mod paint;

use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{AgreementId, Year};
use crate::sharing::Schedule;
use egui::{Key, Modifiers, RichText};
use layout::DiagramLayout;
use std::sync::Arc;

/// (document id, revision, agreement).
type ScheduleKey = (u64, u64, AgreementId);
/// The schedule's key, the year, the language and the diagram's size in whole points.
type LayoutKey = (ScheduleKey, Year, Lang, [i32; 4]);

/// The diagram's state: open or not, which agreement and year, and what was worked out.
#[derive(Debug, Default)]
pub struct EnclaveDiagram {
    open: bool,
    agreement: Option<AgreementId>,
    year: Option<Year>,
    /// Years to move on the next frame (← / → while presenting).
    step: i32,
    schedule: Option<(ScheduleKey, Arc<Schedule>)>,
    layout: Option<(LayoutKey, Arc<DiagramLayout>)>,
}

impl EnclaveDiagram {
    /// Opens the diagram on `agreement` (the first agreement when none is given).
    pub fn open(&mut self, agreement: Option<AgreementId>) {
        if agreement.is_some() && agreement != self.agreement {
            self.year = None;
        }
        self.agreement = agreement.or(self.agreement.take());
        self.open = true;
    }

    /// Shows `agreement` when given, keeping the year when it is the one already on show.
    pub fn show_agreement(&mut self, agreement: Option<AgreementId>) {
        if agreement.is_some() && agreement != self.agreement {
            self.agreement = agreement;
            self.year = None;
        }
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Moves the year by `delta` on the next frame (within the schedule's years).
    pub fn step_year(&mut self, delta: i32) {
        self.step += delta;
    }

    /// The year on show, once the diagram has been drawn.
    pub fn year(&self) -> Option<Year> {
        self.year
    }

    /// The agreement's schedule, worked out again only when the document or agreement changed.
    fn schedule(&mut self, doc: &Document, id: &AgreementId) -> Option<Arc<Schedule>> {
        let agreement = doc.project.agreements.get(id)?;
        let key = (doc.id(), doc.revision(), id.clone());
        if let Some((k, s)) = &self.schedule
            && *k == key
        {
            return Some(s.clone());
        }
        let s = Arc::new(crate::sharing::schedule(
            &doc.project,
            agreement,
            None,
            None,
        ));
        self.schedule = Some((key, s.clone()));
        Some(s)
    }

    /// Draws the diagram over the whole window (when open). `keys`: read Esc and ← / → here
    /// (the editor); a presentation sends them through its own commands instead.
    pub fn ui(&mut self, ctx: &egui::Context, doc: &Document, lang: Lang, keys: bool) {
        if !self.open {
            return;
        }
        if keys {
            ctx.input_mut(|i| {
                if i.consume_key(Modifiers::NONE, Key::Escape) {
                    self.open = false;
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
                    self.step -= 1;
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
                    self.step += 1;
                }
            });
            if !self.open {
                return;
            }
        }
        let screen = ctx.content_rect();
        egui::Area::new(egui::Id::unique("enclave-diagram"))
            .order(egui::Order::Foreground)
            .fixed_pos(screen.min)
            .show(ctx, |ui| {
                ui.set_min_size(screen.size());
                ui.set_max_size(screen.size());
                // The overlay takes every click and scroll meant for what lies beneath.
                let _ = ui.interact(screen, ui.scope_id().with("backdrop"), egui::Sense::click());
                ui.painter().rect_filled(screen, 0.0, egui::Color32::WHITE);
                egui::Frame::new().inner_margin(10.0).show(ui, |ui| {
                    self.contents(ui, doc, lang);
                });
            });
    }

    /// The head row (title, agreement, year, close) and the diagram below it.
    fn contents(&mut self, ui: &mut egui::Ui, doc: &Document, lang: Lang) {
        let project = &doc.project;
        let id = self
            .agreement
            .clone()
            .filter(|id| project.agreements.contains_key(id))
            .or_else(|| project.agreements.keys().next().cloned());
        let schedule = id.as_ref().and_then(|id| self.schedule(doc, id));
        let years = schedule.as_deref().map(flows::years).unwrap_or_default();
        let mut year = self
            .year
            .filter(|y| years.contains(y))
            .or(years.last().copied());
        if let (Some(y), Some(first), Some(last)) = (year, years.first(), years.last()) {
            year = Some((y + self.step).clamp(*first, *last));
        }
        self.step = 0;
        let mut changed = false;
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(lang.pick("飞地示意图", "Enclave diagram"))
                    .size(20.0)
                    .strong(),
            );
            ui.add_space(12.0);
            changed = self.agreement_combo(ui, project, id.as_ref(), lang);
            if let (Some(y), Some(first), Some(last)) = (year.as_mut(), years.first(), years.last())
            {
                year_controls(ui, y, *first, *last, lang);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(lang.pick("关闭 (Esc)", "Close (Esc)")).clicked() {
                    self.open = false;
                }
            });
        });
        if changed {
            // Another agreement: its own latest year, from the next frame on.
            self.year = None;
            ui.ctx().request_repaint();
            return;
        }
        self.year = year;
        let (Some(id), Some(schedule), Some(year)) = (id, schedule, year) else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.label(lang.pick(
                    "没有可画的协议:请先在“协议分成”中添加协议、阶段和范围内企业的年度数据。",
                    "Nothing to draw: add an agreement with phases and yearly figures of the firms in scope on the Sharing tab.",
                ));
            });
            return;
        };
        let unit = &project.meta.unit;
        ui.label(
            RichText::new(match lang {
                Lang::Zh => format!(
                    "{year} 年 · 金额单位 {unit} · 带宽按同一账目、同一单位内的金额比例 · 在地统计按国家规定 100% 计入飞入地"
                ),
                Lang::En => format!(
                    "{year} · amounts in {unit} · band widths in proportion within a ledger and unit · official statistics 100 % the host's by national rule"
                ),
            })
            .size(12.5)
            .color(egui::Color32::from_gray(90)),
        );
        let rect = ui.available_rect_before_wrap();
        let key: LayoutKey = (
            (doc.id(), doc.revision(), id.clone()),
            year,
            lang,
            [
                rect.left() as i32,
                rect.top() as i32,
                rect.right() as i32,
                rect.bottom() as i32,
            ],
        );
        let diagram = match &self.layout {
            Some((k, d)) if *k == key => d.clone(),
            _ => {
                let Some(agreement) = project.agreements.get(&id) else {
                    return;
                };
                let d = Arc::new(layout::layout(
                    project, agreement, &schedule, year, rect, lang,
                ));
                self.layout = Some((key, d.clone()));
                d
            }
        };
        if diagram.ribbons.is_empty() {
            ui.label(lang.pick("这一年没有可分的金额。", "Nothing is shared this year."));
        }
        paint::paint(ui, &diagram, lang);
    }

    fn agreement_combo(
        &mut self,
        ui: &mut egui::Ui,
        project: &crate::model::Project,
        shown: Option<&AgreementId>,
        lang: Lang,
    ) -> bool {
        let mut changed = false;
        let name = shown
            .and_then(|id| project.agreements.get(id))
            .map(|a| a.name.clone())
            .unwrap_or_default();
        ui.label(lang.pick("协议", "Agreement"));
        let combo = egui::ComboBox::from_id_salt("enclave-agreement")
            .selected_text(name)
            .width(280.0)
            .show_ui(ui, |ui| {
                for a in project.agreements.values() {
                    if ui.selectable_label(shown == Some(&a.id), &a.name).clicked() {
                        changed = shown != Some(&a.id);
                        self.agreement = Some(a.id.clone());
                    }
                }
            });
        let label = lang.pick("示意图的协议", "Agreement drawn");
        combo
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
        changed
    }
}

/// ← previous year, the year slider, next year →.
fn year_controls(ui: &mut egui::Ui, year: &mut Year, first: Year, last: Year, lang: Lang) {
    ui.add_space(12.0);
    ui.label(lang.pick("年份", "Year"));
    let earlier = ui.add_enabled(
        *year > first,
        egui::Button::new(lang.pick("← 上一年", "← Previous")),
    );
    if earlier.clicked() {
        *year -= 1;
    }
    let slider = ui.add(
        egui::Slider::new(year, first..=last)
            .step_by(1.0)
            .integer()
            .show_value(false),
    );
    let value = f64::from(*year);
    slider.widget_info(|| egui::WidgetInfo::slider(true, value, lang.pick("年份", "Year")));
    ui.label(RichText::new(year.to_string()).size(16.0).strong());
    let later = ui.add_enabled(
        *year < last,
        egui::Button::new(lang.pick("下一年 →", "Next →")),
    );
    if later.clicked() {
        *year += 1;
    }
}
