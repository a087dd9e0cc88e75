//! The project dialog: 文件 → 项目属性 (name, county, description, money unit, data year of the
//! project open) and 文件 → 新建 (the same questions for a project about to be made). One OK is
//! one edit, one undo step: the new meta, and when the unit changes with amounts on record and
//! the user chose to convert them, every amount in the new unit. Problems are said under the
//! field they concern, and OK waits until there are none. Esc or Cancel changes nothing.

use crate::analysis::extension::DEFAULT_PROCESSING_TARGET;
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::meta::{Converted, Identity, MoneyUnit, convert_amounts, has_amounts};
use crate::model::{NodeId, Project, ProjectMeta, Year};
use crate::ui::theme;
use egui::RichText;
use rust_decimal::prelude::ToPrimitive;

// Issue 16: the 本县 and 加工产值比 rows, kept apart so this file stays one size.
#[path = "project_dialog_home.rs"]
mod home;
use home::regions;
// Issue 19: the 税收分享 part.
#[path = "project_dialog_tax.rs"]
mod tax;

/// What the dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Purpose {
    /// The properties of the project open.
    #[default]
    Properties,
    /// A new project (the current one stays until OK).
    New,
}

/// The unit chosen: one of ours, or the unit a file came with that is none of them.
#[derive(Debug, Clone, PartialEq)]
enum UnitChoice {
    Known(MoneyUnit),
    Other(String),
}

impl UnitChoice {
    fn of(text: &str) -> Self {
        MoneyUnit::parse(text).map_or_else(|| UnitChoice::Other(text.to_owned()), UnitChoice::Known)
    }

    fn code(&self) -> String {
        match self {
            UnitChoice::Known(u) => u.code().to_owned(),
            UnitChoice::Other(t) => t.clone(),
        }
    }
}

/// The dialog's fields while it is open.
#[derive(Debug, Default)]
pub struct ProjectDialog {
    pub open: bool,
    purpose: Purpose,
    name: String,
    county: String,
    description: String,
    /// The unit before the dialog (a project's, or 万元 for a new one).
    unit_before: Option<UnitChoice>,
    unit: Option<UnitChoice>,
    /// Convert the amounts on record when the unit changes (else only the label changes).
    convert: bool,
    /// The project has amounts the unit applies to.
    has_amounts: bool,
    year: String,
    /// The name field takes the keyboard (its text selected) when the dialog opens.
    focus_name: bool,
    // Issue 16: the home county (本县) deciding what is local, and the 加工产值比 target.
    home_region: Option<NodeId>,
    /// The project's regions to choose from (id, name), counties first.
    regions: Vec<(NodeId, String)>,
    processing_target: f64,
    /// Fields the user has edited, and whether OK was tried: problems are said from then on.
    touched: [bool; 3],
    tried: bool,
    /// Issue 19: the project's tax sharing between tiers, as typed.
    tax: tax::TaxDraft,
}

/// What the dialog asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    None,
    /// Set the project's meta, with every amount converted when `converted` says so (one step).
    Apply(Box<Converted>),
    /// Make this project (after asking about unsaved changes).
    Create(Box<Project>),
}

/// A problem of a field (zh, en), said under it.
type Problem = Option<(&'static str, &'static str)>;

/// The problem of each field.
struct Problems {
    name: Problem,
    county: Problem,
    year: Problem,
    tax: Problem,
}

impl Problems {
    fn any(&self) -> bool {
        self.name.is_some() || self.county.is_some() || self.year.is_some() || self.tax.is_some()
    }
}

impl ProjectDialog {
    /// Opens the properties of the project in `doc`.
    pub fn show_properties(&mut self, doc: &Document) {
        let meta = &doc.project.meta;
        let unit = UnitChoice::of(&meta.unit);
        *self = ProjectDialog {
            open: true,
            purpose: Purpose::Properties,
            name: meta.name.clone(),
            county: meta.county.clone(),
            description: meta.description.clone(),
            unit_before: Some(unit.clone()),
            unit: Some(unit),
            convert: true,
            has_amounts: has_amounts(&doc.project),
            year: meta.base_year.map(|y| y.to_string()).unwrap_or_default(),
            focus_name: true,
            home_region: meta.home_region.clone(),
            regions: regions(&doc.project),
            processing_target: meta
                .processing_target
                .and_then(|t| t.to_f64())
                .unwrap_or(DEFAULT_PROCESSING_TARGET),
            tax: tax::TaxDraft::of(&meta.tax_sharing),
            ..ProjectDialog::default()
        };
    }

    /// Opens the questions for a new project: its data year is last year, its unit 万元.
    pub fn show_new(&mut self, lang: Lang) {
        let unit = UnitChoice::Known(MoneyUnit::Wan);
        *self = ProjectDialog {
            open: true,
            purpose: Purpose::New,
            name: lang.pick("新项目", "New project").to_owned(),
            unit_before: Some(unit.clone()),
            unit: Some(unit),
            year: crate::file::import::last_full_year().to_string(),
            focus_name: true,
            ..ProjectDialog::default()
        };
    }

    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    fn problems(&self) -> Problems {
        let year = self.year.trim();
        Problems {
            name: self
                .name
                .trim()
                .is_empty()
                .then_some(("请填写项目名称", "Give the project a name")),
            county: (self.purpose == Purpose::New && self.county.trim().is_empty()).then_some((
                "请填写县(区)名称,如“柞水县”",
                "Name the county, e.g. 柞水县 (Zhashui County)",
            )),
            year: (!year.is_empty()
                && !year
                    .parse::<Year>()
                    .is_ok_and(|y| (1900..=2200).contains(&y)))
            .then_some((
                "年份应为 1900 至 2200 之间的整数,或留空",
                "The year is a whole number from 1900 to 2200, or empty",
            )),
            tax: if self.purpose == Purpose::Properties {
                self.tax.problem()
            } else {
                None
            },
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context, doc: &Document, lang: Lang) -> Request {
        if !self.open {
            return Request::None;
        }
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        let mut request = Request::None;
        let mut ok = false;
        let problems = self.problems();
        let shown = |field: Field, problem: Problem| {
            problem.filter(|_| self.tried || self.touched[field as usize])
        };
        let shown = Problems {
            name: shown(Field::Name, problems.name),
            county: shown(Field::County, problems.county),
            year: shown(Field::Year, problems.year),
            tax: problems.tax,
        };
        // Anchored at the top: lines that come and go (problems, the conversion question) grow
        // it downwards instead of moving what is under the pointer.
        let id = egui::Id::unique("project-dialog");
        let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, [0.0, 90.0]);
        let modal = egui::Modal::new(id).area(area).show(ctx, |ui| {
            ui.set_width(500.0);
            ui.heading(match self.purpose {
                Purpose::Properties => lang.pick("项目属性", "Project properties"),
                Purpose::New => lang.pick("新建项目", "New project"),
            });
            if self.purpose == Purpose::New {
                ui.weak(lang.pick(
                    "先说明这是哪个县的哪个项目;其余各项以后可在“项目属性”中修改。",
                    "Say which county and project this is first; the rest can be changed later in Project Properties.",
                ));
            }
            ui.add_space(6.0);
            egui::Grid::new("project-fields")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .min_col_width(90.0)
                .show(ui, |ui| {
                    ok |= self.text_row(ui, lang.pick("项目名称", "Name"), Field::Name, shown.name, lang);
                    ok |= self.text_row(ui, lang.pick("县(区)", "County"), Field::County, shown.county, lang);
                    ui.label(lang.pick("说明", "Description"));
                    ui.add(
                        egui::TextEdit::multiline(&mut self.description)
                            .desired_rows(3)
                            .desired_width(f32::INFINITY)
                            .hint_text(lang.pick("项目的目的、范围、数据来源…", "Purpose, scope, sources of the data…")),
                    );
                    ui.end_row();
                    self.unit_row(ui, lang);
                    ok |= self.text_row(ui, lang.pick("数据年份", "Data year"), Field::Year, shown.year, lang);
                    if self.purpose == Purpose::Properties {
                        self.home_rows(ui, lang);
                    }
                });
            if self.purpose == Purpose::Properties {
                self.tax_ui(ui, lang, self.tried);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let label = match self.purpose {
                    Purpose::Properties => lang.pick("确定", "OK"),
                    Purpose::New => lang.pick("创建", "Create"),
                };
                if ui.button(RichText::new(label).strong()).clicked() {
                    ok = true;
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    self.open = false;
                }
            });
        });
        if ok && problems.any() {
            // Say every problem now, where it is.
            self.tried = true;
        } else if ok {
            request = self.finish(doc);
        } else if escape && modal.is_top_modal && !modal.any_popup_open {
            self.open = false;
        }
        request
    }

    /// A label, a one-line field, and the field's problem under it; true when Enter was pressed
    /// in it (OK).
    fn text_row(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        field: Field,
        problem: Problem,
        lang: Lang,
    ) -> bool {
        let label = ui.label(label);
        let mut entered = false;
        ui.horizontal(|ui| {
            let (text, hint) = match field {
                Field::Name => (
                    &mut self.name,
                    lang.pick("如 柞水木耳产业链", "e.g. Zhashui fungus chain"),
                ),
                Field::County => (&mut self.county, lang.pick("如 柞水县", "e.g. 柞水县")),
                Field::Year => (&mut self.year, lang.pick("如 2024", "e.g. 2024")),
            };
            let width = if field == Field::Year {
                80.0
            } else {
                f32::INFINITY
            };
            let text_len = text.chars().count();
            let response = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(width),
                )
                .labelled_by(label.id);
            if field == Field::Name && self.focus_name {
                response.request_focus();
                select_all(ui.ctx(), response.id, text_len);
                self.focus_name = false;
            }
            if response.changed() {
                self.touched[field as usize] = true;
                // The problems were worked out before this edit: draw again with the new ones.
                ui.ctx().request_repaint();
            }
            entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if field == Field::Year {
                ui.weak(lang.pick(
                    "分析默认用这一年的数据;留空则用各企业最近一年",
                    "Analysis uses this year; empty: each firm's latest",
                ));
            }
        });
        ui.end_row();
        // The problem in a row of its own, under the field.
        if let Some((zh, en)) = problem {
            ui.label("");
            ui.colored_label(theme::ERROR, lang.pick(zh, en));
            ui.end_row();
        }
        entered
    }

    /// The money unit, and when it changes with amounts on record, whether to convert them.
    fn unit_row(&mut self, ui: &mut egui::Ui, lang: Lang) {
        ui.label(lang.pick("金额单位", "Money unit"));
        ui.horizontal(|ui| {
            if let Some(UnitChoice::Other(text)) = &self.unit_before {
                let other = UnitChoice::Other(text.clone());
                let selected = self.unit.as_ref() == Some(&other);
                if ui.selectable_label(selected, text.as_str()).clicked() {
                    self.unit = Some(other);
                }
            }
            for unit in MoneyUnit::ALL {
                let choice = UnitChoice::Known(unit);
                let selected = self.unit.as_ref() == Some(&choice);
                if ui.selectable_label(selected, unit.label(lang)).clicked() {
                    self.unit = Some(choice);
                }
            }
        });
        ui.end_row();
        let (Some(before), Some(after)) = (&self.unit_before, &self.unit) else {
            return;
        };
        if before == after || self.purpose == Purpose::New {
            return;
        }
        // The question under the units, in its own row.
        ui.label("");
        ui.vertical(|ui| match (before, after, self.has_amounts) {
            (UnitChoice::Known(from), UnitChoice::Known(to), true) => {
                let factor = from.factor_to(*to).normalize();
                let convert = match lang {
                    Lang::Zh => {
                        format!("换算已有金额(1 {} = {factor} {})", from.code(), to.code())
                    }
                    Lang::En => format!(
                        "Convert the amounts on record (1 {} = {factor} {})",
                        from.code(),
                        to.code()
                    ),
                };
                ui.radio_value(&mut self.convert, true, convert);
                ui.radio_value(
                    &mut self.convert,
                    false,
                    lang.pick(
                        "只改单位名称(数字不变)",
                        "Only change the label (numbers stay)",
                    ),
                );
            }
            (_, _, true) => {
                ui.weak(lang.pick(
                    "原单位无法换算:只改单位名称,数字不变。",
                    "The old unit cannot be converted: only the label changes.",
                ));
            }
            (_, _, false) => {
                ui.weak(lang.pick(
                    "项目中还没有金额;亩均评价的门槛会一起换算。",
                    "No amounts yet; the land-evaluation thresholds are converted.",
                ));
            }
        });
        ui.end_row();
    }

    /// What OK does: the edit for the project open, or the new project.
    fn finish(&mut self, doc: &Document) -> Request {
        self.open = false;
        let year = self.year.trim().parse::<Year>().ok();
        let unit = self
            .unit
            .clone()
            .unwrap_or(UnitChoice::Known(MoneyUnit::Wan));
        if self.purpose == Purpose::New {
            let identity = Identity {
                name: self.name.clone(),
                county: self.county.clone(),
                unit: match unit {
                    UnitChoice::Known(u) => u,
                    UnitChoice::Other(_) => MoneyUnit::Wan,
                },
                year,
                description: self.description.clone(),
            };
            return Request::Create(Box::new(identity.project()));
        }
        let meta = ProjectMeta {
            name: self.name.trim().to_owned(),
            county: self.county.trim().to_owned(),
            description: self.description.trim().to_owned(),
            unit: unit.code(),
            base_year: year,
            home_region: self.home_region.clone(),
            processing_target: self.target_decimal(&doc.project.meta),
            tax_sharing: self.tax.sharing(&doc.project.meta.tax_sharing),
            ..doc.project.meta.clone()
        };
        // With no amounts on record, the thresholds follow the unit; with amounts, everything
        // does when the user says so.
        let factor = match (&self.unit_before, &unit) {
            (Some(UnitChoice::Known(from)), UnitChoice::Known(to))
                if from != to && (self.convert || !self.has_amounts) =>
            {
                Some(from.factor_to(*to))
            }
            _ => None,
        };
        let converted = match factor {
            Some(factor) => convert_amounts(&doc.project, &meta, factor),
            None => Converted {
                meta,
                ..Converted::default()
            },
        };
        if converted.meta == doc.project.meta && !converted.touches_items() {
            return Request::None;
        }
        Request::Apply(Box::new(converted))
    }
}

/// The one-line fields (their number indexes `touched`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name = 0,
    County = 1,
    Year = 2,
}

/// Selects the whole text of a field, so typing replaces a suggested name.
fn select_all(ctx: &egui::Context, id: egui::Id, len: usize) {
    use egui::text::{CCursor, CCursorRange};
    if let Some(mut state) = egui::TextEdit::load_state(ctx, id) {
        state
            .cursor
            .set_char_range(Some(CCursorRange::two(CCursor::new(0), CCursor::new(len))));
        state.store(ctx, id);
    }
}
