//! The land tab's chart: one group's 亩均 scores as one horizontal bar per firm, best at the top
//! in the table's order, each bar named at its end with its class and coloured by it (A green,
//! B blue, C orange, D red); a vertical line marks the score of a firm at the group average on
//! every indicator (the sum of the weights). No legend: each bar's label ends with its class.

use crate::analysis::land::{LandFirm, LandGrade, LandGroup};
use crate::i18n::Lang;
use egui::{Align2, Color32, RichText};
use egui_plot::{Bar, BarChart, LineStyle, PlotPoint, Text, VLine};

/// Best class first: green, blue, orange, red.
const CLASS_COLOURS: [Color32; 4] = [
    Color32::from_rgb(46, 139, 87),
    Color32::from_rgb(52, 120, 198),
    Color32::from_rgb(222, 132, 20),
    Color32::from_rgb(204, 51, 51),
];
/// The average line.
const AVERAGE: Color32 = Color32::from_rgb(110, 110, 110);
/// Screen height per bar: enough for an 11-point name beside it.
const ROW_HEIGHT: f32 = 20.0;
/// Names longer than this are cut with "…" on the bar (in full on hover and in the table).
const NAME_CHARS: usize = 14;

/// The colour of a class.
pub(super) fn grade_colour(g: LandGrade) -> Color32 {
    CLASS_COLOURS[g as usize]
}

fn short(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(NAME_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// Draws the chart of one group's firms (already best first).
pub(super) fn chart_ui(ui: &mut egui::Ui, group: &LandGroup, weights_sum: f64, lang: Lang) {
    let firms = &group.firms;
    let top = firms
        .iter()
        .map(|f| f.score)
        .fold(weights_sum, f64::max)
        .max(1.0);
    let backdrop = ui.visuals().panel_fill.gamma_multiply(0.85);
    let height = firms.len() as f32 * ROW_HEIGHT + 80.0;
    egui_plot::Plot::new(("land-plot", group.group.code()))
        .height(height)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        // Room on the right for the names at the bars' ends.
        .include_x(top * 1.45)
        .include_y(1.3)
        .include_y(-(firms.len() as f64) + 0.4)
        .x_axis_label(lang.pick("综合得分", "Score"))
        .show_axes([true, false])
        .show_grid([false, false])
        .show(ui, |plot| {
            if weights_sum > 0.0 {
                plot.vline(
                    VLine::new("", weights_sum)
                        .color(AVERAGE)
                        .width(1.5)
                        .style(LineStyle::Dashed { length: 8.0 }),
                );
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(weights_sum, 0.55),
                        RichText::new(match lang {
                            Lang::Zh => format!("各项均为组平均 = {weights_sum:.0}"),
                            Lang::En => format!("group average on all = {weights_sum:.0}"),
                        })
                        .size(11.0)
                        .color(AVERAGE)
                        .background_color(backdrop),
                    )
                    .anchor(Align2::CENTER_BOTTOM),
                );
            }
            for chart in class_charts(firms, lang) {
                plot.bar_chart(chart);
            }
            for (i, f) in firms.iter().enumerate() {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(f.score + top * 0.015, -(i as f64)),
                        RichText::new(format!("{} · {}", short(&f.name), f.class.code()))
                            .size(11.0)
                            .background_color(backdrop),
                    )
                    .anchor(Align2::LEFT_CENTER),
                );
            }
        });
}

/// One bar chart per class present (so the legend shows each class once, in its colour).
fn class_charts(firms: &[LandFirm], lang: Lang) -> Vec<BarChart> {
    LandGrade::ALL
        .iter()
        .filter_map(|&g| {
            let colour = grade_colour(g);
            let bars: Vec<Bar> = firms
                .iter()
                .enumerate()
                .filter(|(_, f)| f.class == g)
                .map(|(i, f)| {
                    Bar::new(-(i as f64), f.score)
                        .name(&f.name)
                        .fill(colour)
                        .width(0.7)
                })
                .collect();
            let name = match lang {
                Lang::Zh => format!("{} 类", g.code()),
                Lang::En => format!("Class {}", g.code()),
            };
            (!bars.is_empty()).then(|| BarChart::new(name, bars).color(colour).horizontal())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_get_distinct_colours_best_green_worst_red() {
        let all: Vec<Color32> = LandGrade::ALL.iter().map(|&g| grade_colour(g)).collect();
        assert_eq!(all, CLASS_COLOURS);
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
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
