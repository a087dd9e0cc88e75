//! A node's yearly figures (产值, 税收, 用地 …), one collapsible block a year, latest first,
//! with a field per figure, each labelled with its unit, and a row to add a year. The project's
//! data year is always there, open and ready to type into, even before the node has any figure:
//! the first number typed creates the year. The text is read by
//! [`FigureField`](crate::model::figures::FigureField), so what the inspector accepts is what
//! the model says a figure is.

use super::Form;
use crate::model::figures::FigureField;
use crate::model::{Figures, Node, Year};
use crate::ui::widgets::draft::DraftKey;

/// The years a figure can be added for.
const YEARS: std::ops::RangeInclusive<Year> = 1949..=2100;

/// Draws the figures of `node`; changes go into `pending`.
pub(super) fn figures_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    node: &Node,
    pending: &mut Node,
    new_year: &mut String,
) {
    let lang = form.lang;
    ui.label(egui::RichText::new(lang.pick("年度数据", "Yearly figures")).strong());
    let data_year = form.doc.project.data_year(crate::time::this_year());
    let empty = Figures::default();
    let mut years: Vec<(Year, &Figures)> = node.figures.iter().map(|(y, f)| (*y, f)).collect();
    if !node.figures.contains_key(&data_year) {
        years.push((data_year, &empty));
    }
    years.sort_by_key(|(year, _)| std::cmp::Reverse(*year));
    for (year, figures) in years {
        let recorded = node.figures.contains_key(&year);
        let title = if year == data_year {
            format!("{year} {}", lang.pick("(数据年份)", "(data year)"))
        } else {
            year.to_string()
        };
        egui::CollapsingHeader::new(title)
            .id_salt(("year", year))
            .default_open(year == data_year)
            .show(ui, |ui| {
                year_ui(ui, form, node, year, figures, pending);
                if recorded
                    && ui
                        .button(lang.pick("删除这一年", "Remove this year"))
                        .clicked()
                {
                    pending.figures.remove(&year);
                }
            });
    }
    add_year_ui(ui, node, pending, new_year, lang);
}

/// One year's figures, a field each.
fn year_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    node: &Node,
    year: Year,
    figures: &Figures,
    pending: &mut Node,
) {
    let lang = form.lang;
    let unit = form.doc.project.meta.unit.clone();
    let item = format!("node:{}/year:{year}", node.id);
    let mut rows = |ui: &mut egui::Ui, fields: &[FigureField]| {
        for &field in fields {
            let key = DraftKey::new(&item, field.code());
            let parse = |text: &str| {
                let mut parsed = figures.clone();
                field
                    .set(&mut parsed, text)
                    .map(|()| parsed)
                    .map_err(|e| e.message(lang))
            };
            let value = field.text(figures);
            let label = field.label_with_unit(&unit, lang);
            if let Some(parsed) = form.text(ui, &key, &label, &value, 1, parse)
                && (node.figures.contains_key(&year) || parsed != Figures::default())
            {
                // The data year may not be on record yet: the first figure creates it.
                field.copy(&parsed, pending.figures.entry(year).or_default());
            }
        }
    };
    egui::Grid::new(("figures", year))
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| rows(ui, &FigureField::MAIN));
    // The survey and evaluation figures fold away; the header says how many are on record.
    let more: Vec<FigureField> = FigureField::ALL
        .into_iter()
        .filter(|f| !FigureField::MAIN.contains(f))
        .collect();
    let recorded = more.iter().filter(|f| !f.text(figures).is_empty()).count();
    let title = match recorded {
        0 => lang.pick("更多指标", "More figures").to_owned(),
        n => format!("{} ({n})", lang.pick("更多指标", "More figures")),
    };
    egui::CollapsingHeader::new(title)
        .id_salt(("more-figures", year))
        .default_open(false)
        .show(ui, |ui| {
            egui::Grid::new(("figures-more", year))
                .num_columns(2)
                .spacing([10.0, 4.0])
                .show(ui, |ui| rows(ui, &more));
        });
}

/// A year typed in, added with empty figures.
fn add_year_ui(
    ui: &mut egui::Ui,
    node: &Node,
    pending: &mut Node,
    new_year: &mut String,
    lang: crate::i18n::Lang,
) {
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("添加年份", "Add year")).id;
        ui.add(egui::TextEdit::singleline(new_year).desired_width(60.0))
            .labelled_by(label);
        let parsed = new_year
            .trim()
            .parse::<Year>()
            .ok()
            .filter(|y| YEARS.contains(y));
        let add = ui.add_enabled(
            parsed.is_some_and(|y| !node.figures.contains_key(&y)),
            egui::Button::new(lang.pick("添加", "Add")),
        );
        if add.clicked()
            && let Some(y) = parsed
        {
            pending.figures.insert(y, Figures::default());
            new_year.clear();
        }
    });
}
