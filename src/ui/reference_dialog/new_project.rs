//! File → New from Reference Chain…: the built-in reference chains listed with what each holds,
//! and the project's name and county. Create makes the project from the chosen template (its
//! chain matched to the template, so it is compared from the start); the app asks about unsaved
//! changes of the current project first, as File → New does. Esc or Cancel changes nothing.

use super::preview::{size_line, template_preview};
use crate::i18n::Lang;
use crate::model::Project;
use crate::model::meta::{Identity, MoneyUnit};
use crate::reference::{self, Template};
use crate::ui::theme;
use egui::RichText;

/// The dialog's fields while it is open.
#[derive(Debug, Default)]
pub struct NewFromTemplate {
    pub open: bool,
    /// The chosen template's id.
    chosen: String,
    name: String,
    /// The user typed a name: choosing another template or county keeps it.
    name_typed: bool,
    county: String,
    /// Create was tried: missing fields are said from then on.
    tried: bool,
    /// The county field takes the keyboard when the dialog opens (the name is suggested).
    focus_county: bool,
    /// The chosen template is scrolled into view when the dialog opens.
    reveal_chosen: bool,
}

impl NewFromTemplate {
    /// Opens the dialog on the first template (or the one chosen last time).
    pub fn show(&mut self, lang: Lang) {
        let catalogue = reference::builtin();
        let chosen = Some(self.chosen.as_str())
            .filter(|id| catalogue.find(id).is_some())
            .or_else(|| catalogue.ids().first().copied())
            .unwrap_or_default()
            .to_owned();
        *self = NewFromTemplate {
            open: true,
            chosen,
            focus_county: true,
            reveal_chosen: true,
            ..NewFromTemplate::default()
        };
        self.suggest_name(lang);
    }

    /// The template chosen, if the catalogue has it.
    fn template(&self) -> Option<&'static Template> {
        reference::builtin().find(&self.chosen)
    }

    /// Names the project after the county and the chain until the user types a name.
    fn suggest_name(&mut self, lang: Lang) {
        if self.name_typed {
            return;
        }
        let Some(template) = self.template() else {
            return;
        };
        let county = self.county.trim();
        self.name = match lang {
            Lang::Zh => format!("{county}{}", template.name(lang)),
            Lang::En if county.is_empty() => format!("{} chain", template.name(lang)),
            Lang::En => format!("{} chain, {county}", template.name(lang)),
        };
    }

    /// What is missing (zh, en) for each field: name, county.
    fn problems(&self) -> [Option<(&'static str, &'static str)>; 2] {
        [
            self.name
                .trim()
                .is_empty()
                .then_some(("请填写项目名称", "Give the project a name")),
            self.county.trim().is_empty().then_some((
                "请填写县(区)名称,如“柞水县”",
                "Name the county, e.g. 柞水县 (Zhashui County)",
            )),
        ]
    }

    /// Draws the dialog; the new project when the user pressed Create.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Project> {
        if !self.open {
            return None;
        }
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        let screen = ctx.content_rect();
        let mut create = false;
        let id = egui::Id::unique("new-from-template");
        let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]);
        let modal = egui::Modal::new(id).area(area).show(ctx, |ui| {
            ui.set_width((screen.width() - 80.0).clamp(600.0, 980.0));
            ui.heading(lang.pick("新建自参考产业链", "New from a reference chain"));
            ui.weak(lang.pick(
                "从内置的参考产业链(全景图)开始:环节和产品已经列好,只需添加本县的企业;项目与参考链的对照一并保存。↑ ↓ 选择产业链。",
                "Start from a built-in reference chain: its stages and products are laid out, only the county's firms are left to add; the comparison with the reference is kept in the project. ↑ ↓ choose a chain.",
            ));
            ui.add_space(6.0);
            // The list and the preview scroll; the fields and buttons stay in view.
            let body = (screen.height() - 330.0).clamp(180.0, 470.0);
            ui.horizontal_top(|ui| {
                self.list_ui(ui, body, lang);
                // As tall as the lists: a plain separator would take the row's whole height,
                // which grows with the dialog each frame.
                ui.add_sized([8.0, body], egui::Separator::default().vertical());
                egui::ScrollArea::vertical()
                    .id_salt("template-preview")
                    .max_height(body)
                    .min_scrolled_height(body)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if let Some(template) = self.template() {
                            ui.vertical(|ui| template_preview(ui, template, lang));
                        }
                    });
            });
            ui.separator();
            create |= self.fields_ui(ui, lang);
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let ready = self.template().is_some();
                if ui
                    .add_enabled(ready, egui::Button::new(RichText::new(lang.pick("创建", "Create")).strong()))
                    .clicked()
                {
                    create = true;
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    self.open = false;
                }
            });
        });
        if create {
            return self.finish();
        }
        if modal.is_top_modal && !modal.any_popup_open {
            if escape {
                self.open = false;
            }
            self.arrow_keys(ctx, lang);
        }
        None
    }

    /// ↑ and ↓ choose the previous or next template, wherever the keyboard is (the one-line
    /// fields have no use for them): Ctrl+Shift+N, arrows, the county, Enter.
    fn arrow_keys(&mut self, ctx: &egui::Context, lang: Lang) {
        let step = ctx.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown) {
                1
            } else if i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp) {
                -1
            } else {
                0
            }
        });
        let ids = reference::builtin().ids();
        let Some(at) = ids.iter().position(|id| *id == self.chosen) else {
            return;
        };
        let next = at
            .saturating_add_signed(step)
            .min(ids.len().saturating_sub(1));
        if next != at {
            self.chosen = ids[next].to_owned();
            self.reveal_chosen = true;
            self.suggest_name(lang);
        }
    }

    /// The templates, one selectable row each with its size under the name.
    fn list_ui(&mut self, ui: &mut egui::Ui, height: f32, lang: Lang) {
        let mut chosen = None;
        ui.vertical(|ui| {
            ui.set_width(250.0);
            egui::ScrollArea::vertical()
                .id_salt("template-list")
                .max_height(height)
                .min_scrolled_height(height)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for template in &reference::builtin().templates {
                        let selected = template.id() == self.chosen;
                        let row = ui.add(
                            egui::Button::selectable(selected, template.name(lang))
                                .min_size(egui::vec2(ui.available_width(), 0.0)),
                        );
                        if row.clicked() {
                            chosen = Some(template.id().to_owned());
                        }
                        if selected && std::mem::take(&mut self.reveal_chosen) {
                            row.scroll_to_me(None);
                        }
                        ui.indent(template.id(), |ui| ui.weak(size_line(template, lang)));
                        ui.add_space(3.0);
                    }
                });
        });
        if let Some(id) = chosen {
            self.chosen = id;
            self.suggest_name(lang);
        }
    }

    /// Name and county, each with its problem beside it once Create was tried; true when Enter
    /// was pressed in one (Create).
    fn fields_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> bool {
        let [name_problem, county_problem] = self.problems();
        let mut entered = false;
        egui::Grid::new("new-from-template-fields")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .min_col_width(90.0)
            .show(ui, |ui| {
                let label = ui.label(lang.pick("县(区)", "County"));
                ui.horizontal(|ui| {
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.county)
                                .hint_text(lang.pick("如 柞水县", "e.g. 柞水县"))
                                .desired_width(260.0),
                        )
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus_county) {
                        field.request_focus();
                    }
                    if field.changed() {
                        self.suggest_name(lang);
                    }
                    entered |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    problem(ui, county_problem.filter(|_| self.tried), lang);
                });
                ui.end_row();
                let label = ui.label(lang.pick("项目名称", "Name"));
                ui.horizontal(|ui| {
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.name)
                                .hint_text(
                                    lang.pick("如 柞水木耳产业链", "e.g. Zhashui fungus chain"),
                                )
                                .desired_width(420.0),
                        )
                        .labelled_by(label.id);
                    if field.changed() {
                        self.name_typed = true;
                    }
                    entered |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    problem(ui, name_problem.filter(|_| self.tried), lang);
                });
                ui.end_row();
            });
        ui.weak(lang.pick(
            "金额单位为万元,数据年份为上一年;都可在“项目属性”中修改。",
            "Amounts in 万元, figures of last year: both can be changed in Project Properties.",
        ));
        entered
    }

    /// The new project, or (with a field missing) nothing yet and every problem said.
    fn finish(&mut self) -> Option<Project> {
        let template = self.template()?;
        if self.problems().iter().any(Option::is_some) {
            self.tried = true;
            return None;
        }
        self.open = false;
        let identity = Identity {
            name: self.name.clone(),
            county: self.county.clone(),
            unit: MoneyUnit::Wan,
            year: Some(crate::file::import::last_full_year()),
            description: String::new(),
        };
        Some(reference::new_project(template, &identity))
    }
}

/// A field's problem, in the error colour beside it.
fn problem(ui: &mut egui::Ui, problem: Option<(&'static str, &'static str)>, lang: Lang) {
    if let Some((zh, en)) = problem {
        ui.colored_label(theme::ERROR, lang.pick(zh, en));
    }
}
