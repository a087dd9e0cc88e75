//! The land tab's chart: tax per mu as one horizontal bar per firm or park, best at the top in
//! the table's order, each bar named at its end, coloured by its class; each class threshold is a
//! vertical line in the class's colour and its own dash, labelled "A ≥ 30" at the top. The legend
//! names the classes, so no two entries look alike.

use crate::analysis::LandReport;
use crate::i18n::Lang;
use crate::model::LandClass;
use egui::{Align2, Color32, RichText};
use egui_plot::{Bar, BarChart, LineStyle, PlotPoint, Text, VLine};
use rust_decimal::prelude::ToPrimitive;

/// Best class first: green, blue, orange, red; a class list of another length is spread over
/// these four.
const CLASS_COLOURS: [Color32; 4] = [
    Color32::from_rgb(46, 139, 87),
    Color32::from_rgb(52, 120, 198),
    Color32::from_rgb(222, 132, 20),
    Color32::from_rgb(204, 51, 51),
];
/// Nodes in no class (no tax on record).
const UNCLASSED: Color32 = Color32::from_rgb(150, 150, 150);
/// Screen height per bar: enough for an 11-point name beside it.
const ROW_HEIGHT: f32 = 20.0;
/// Names longer than this are cut with "…" on the bar (in full on hover and in the table).
const NAME_CHARS: usize = 14;

fn class_colour(index: usize, count: usize) -> Color32 {
    let last = CLASS_COLOURS.len() - 1;
    let at = if count <= 1 {
        0
    } else {
        (index * last + (count - 1) / 2) / (count - 1)
    };
    CLASS_COLOURS[at.min(last)]
}

/// A threshold line's dash: solid, dashed, dotted, then again.
fn class_style(index: usize) -> LineStyle {
    match index % 3 {
        0 => LineStyle::Solid,
        1 => LineStyle::Dashed { length: 8.0 },
        _ => LineStyle::Dotted { spacing: 5.0 },
    }
}

fn short(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(NAME_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// Draws the chart of `rows` (already in table order) with the project's `classes`.
pub(super) fn chart_ui(
    ui: &mut egui::Ui,
    rows: &[&LandReport],
    classes: &[LandClass],
    unit: &str,
    lang: Lang,
) {
    let top = rows
        .iter()
        .filter_map(|r| r.tax_per_mu)
        .chain(classes.iter().filter_map(|c| c.min_tax_per_mu.to_f64()))
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let per_mu = match lang {
        Lang::Zh => format!("{}/亩", crate::i18n::money_unit(unit, lang)),
        Lang::En => format!("{} per mu", crate::i18n::money_unit(unit, lang)),
    };
    let backdrop = ui.visuals().panel_fill.gamma_multiply(0.85);
    let height = (rows.len() as f32 * ROW_HEIGHT + 70.0).max(ui.available_height().max(200.0));
    egui::ScrollArea::vertical()
        .id_salt("land-chart")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui_plot::Plot::new("land-plot")
                .height(height)
                .allow_scroll(false)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_boxed_zoom(false)
                .include_x(0.0)
                // Room on the right for the names at the bars' ends.
                .include_x(top * 1.45)
                .include_y(1.3)
                .include_y(-(rows.len() as f64) + 0.4)
                .x_axis_label(format!(
                    "{} ({per_mu})",
                    lang.pick("亩均税收", "Tax per mu")
                ))
                .show_axes([true, false])
                // The class lines are the grid that matters; a full grid would hide them.
                .show_grid([false, false])
                .legend(egui_plot::Legend::default().position(egui_plot::Corner::RightBottom))
                .show(ui, |plot| {
                    threshold_lines(plot, classes, backdrop);
                    for chart in class_charts(rows, classes, lang) {
                        plot.bar_chart(chart);
                    }
                    for (i, r) in rows.iter().enumerate() {
                        let value = r.tax_per_mu.unwrap_or(0.0);
                        let label = match &r.class {
                            Some(class) => format!("{} · {class}", short(&r.name)),
                            None => format!("{} · —", short(&r.name)),
                        };
                        plot.text(
                            Text::new(
                                "",
                                PlotPoint::new(value + top * 0.015, -(i as f64)),
                                // On a backdrop, so a class line behind a name never cuts it.
                                RichText::new(label).size(11.0).background_color(backdrop),
                            )
                            .anchor(Align2::LEFT_CENTER),
                        );
                    }
                });
        });
}

/// One bar chart per class (so the legend shows each class once, in its colour), and one for
/// the nodes in none.
fn class_charts(rows: &[&LandReport], classes: &[LandClass], lang: Lang) -> Vec<BarChart> {
    let bar = |i: usize, r: &LandReport, colour: Color32| {
        Bar::new(-(i as f64), r.tax_per_mu.unwrap_or(0.0))
            .name(&r.name)
            .fill(colour)
            .width(0.7)
    };
    let mut charts: Vec<BarChart> = classes
        .iter()
        .enumerate()
        .filter_map(|(c, class)| {
            let colour = class_colour(c, classes.len());
            let bars: Vec<Bar> = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.class.as_deref() == Some(class.name.as_str()))
                .map(|(i, r)| bar(i, r, colour))
                .collect();
            let name = match lang {
                Lang::Zh => format!("{} 类", class.name),
                Lang::En => format!("Class {}", class.name),
            };
            (!bars.is_empty()).then(|| BarChart::new(name, bars).color(colour).horizontal())
        })
        .collect();
    let unclassed: Vec<Bar> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.class.is_none())
        .map(|(i, r)| bar(i, r, UNCLASSED))
        .collect();
    if !unclassed.is_empty() {
        charts.push(
            BarChart::new(lang.pick("未分类", "No class"), unclassed)
                .color(UNCLASSED)
                .horizontal(),
        );
    }
    charts
}

/// Each class's lower threshold as a labelled vertical line (a threshold of 0 is the axis).
fn threshold_lines(plot: &mut egui_plot::PlotUi<'_>, classes: &[LandClass], backdrop: Color32) {
    for (c, class) in classes.iter().enumerate() {
        let Some(min) = class.min_tax_per_mu.to_f64().filter(|v| *v > 0.0) else {
            continue;
        };
        let colour = class_colour(c, classes.len());
        // Unnamed, so the legend lists the classes once (by their bars), not the lines again.
        plot.vline(
            VLine::new("", min)
                .color(colour)
                .width(1.5)
                .style(class_style(c)),
        );
        plot.text(
            Text::new(
                "",
                PlotPoint::new(min, 0.55),
                RichText::new(format!("{} ≥ {}", class.name, class.min_tax_per_mu))
                    .size(11.0)
                    .color(colour)
                    .background_color(backdrop)
                    .strong(),
            )
            .anchor(Align2::CENTER_BOTTOM),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_get_distinct_colours_best_green_worst_red() {
        let four: Vec<Color32> = (0..4).map(|i| class_colour(i, 4)).collect();
        assert_eq!(four, CLASS_COLOURS);
        assert_eq!(class_colour(0, 3), CLASS_COLOURS[0]);
        assert_eq!(class_colour(2, 3), CLASS_COLOURS[3]);
        assert_ne!(class_colour(1, 3), class_colour(0, 3));
        assert_ne!(class_colour(1, 3), class_colour(2, 3));
        assert_eq!(class_colour(0, 1), CLASS_COLOURS[0]);
        assert_ne!(class_style(0), class_style(1));
        assert_ne!(class_style(1), class_style(2));
    }

    #[test]
    fn long_names_are_cut_on_the_bar() {
        assert_eq!(short("菌包工厂A"), "菌包工厂A");
        assert_eq!(
            short("柞水县木耳产业发展有限责任公司第二分公司"),
            "柞水县木耳产业发展有限责任…"
        );
    }
}
