//! The land tab: output and tax per mu of land for each firm and park, best first, with its
//! class, beside a bar chart with the class thresholds. A click on a row (or its 定位) lights up
//! that node on the canvas and brings it into view with its name readable.

use super::{locate, locate_button};
use crate::analysis::{Analysis, LandReport};
use crate::i18n::Lang;
use crate::model::{LandClass, Project};
use crate::ui::context::ViewCtx;
use crate::ui::state::{FrameRequest, Highlight, Queue};
use crate::ui::theme;
use egui::Color32;
use rust_decimal::prelude::ToPrimitive;

/// Draws the tab; `frame` is the canvas's framing request (camera, not what is on show).
pub(super) fn land_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let mut rows: Vec<&LandReport> = a.land.iter().collect();
    rows.sort_by(|x, y| {
        y.tax_per_mu
            .unwrap_or(0.0)
            .total_cmp(&x.tax_per_mu.unwrap_or(0.0))
    });
    let classes = &cx.project().meta.land_classes;
    ui.label(format!(
        "{}: {}",
        lang.pick(
            "分类门槛(亩均税收,万元/亩)",
            "Class thresholds (tax per mu)"
        ),
        classes
            .iter()
            .map(|c| format!("{} ≥ {}", c.name, c.min_tax_per_mu))
            .collect::<Vec<_>>()
            .join(" · ")
    ));
    ui.columns(2, |cols| {
        table_ui(&mut cols[0], cx.project(), &rows, frame, queue, lang);
        chart_ui(&mut cols[1], &rows, classes, lang);
    });
}

fn table_ui(
    ui: &mut egui::Ui,
    project: &Project,
    rows: &[&LandReport],
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
    lang: Lang,
) {
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    egui::Grid::new("land")
        .num_columns(6)
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            ui.strong(lang.pick("名称", "Name"));
            ui.strong(lang.pick("用地(亩)", "Land (mu)"));
            ui.strong(lang.pick("亩均税收", "Tax/mu"));
            ui.strong(lang.pick("亩均产值", "Output/mu"));
            ui.strong(lang.pick("类别", "Class"));
            ui.strong("");
            ui.end_row();
            for r in rows {
                let label = if r.is_park {
                    format!("{} ({})", r.name, lang.pick("园区", "park"))
                } else {
                    r.name.clone()
                };
                let clicked = ui.selectable_label(false, label).clicked();
                ui.label(format!("{:.1}", r.land_mu));
                ui.label(or_dash(r.tax_per_mu.map(|v| format!("{v:.2}"))));
                ui.label(or_dash(r.output_per_mu.map(|v| format!("{v:.1}"))));
                ui.label(or_dash(r.class.clone()));
                if locate_button(ui, lang) || clicked {
                    let highlight = Highlight {
                        nodes: [r.id.clone()].into(),
                        ..Highlight::default()
                    };
                    locate(project, frame, queue, highlight, Some(&r.id), None);
                }
                ui.end_row();
            }
        });
}

/// Tax per mu as bars (best class green, worst red), with the class thresholds as lines.
fn chart_ui(ui: &mut egui::Ui, rows: &[&LandReport], classes: &[LandClass], lang: Lang) {
    let bars: Vec<egui_plot::Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let colour = match r.class.as_deref() {
                Some(c) if classes.first().is_some_and(|f| f.name == c) => {
                    Color32::from_rgb(46, 139, 87)
                }
                Some(c) if classes.last().is_some_and(|l| l.name == c) => {
                    Color32::from_rgb(204, 51, 51)
                }
                _ => Color32::from_rgb(52, 120, 198),
            };
            egui_plot::Bar::new(i as f64, r.tax_per_mu.unwrap_or(0.0))
                .name(&r.name)
                .fill(colour)
        })
        .collect();
    let thresholds: Vec<(String, f64)> = classes
        .iter()
        .filter_map(|c| {
            c.min_tax_per_mu
                .to_f64()
                .filter(|v| *v > 0.0)
                .map(|v| (format!("{} ≥ {v}", c.name), v))
        })
        .collect();
    egui_plot::Plot::new("land-plot")
        .height(ui.available_height().max(200.0))
        .allow_scroll(false)
        .include_y(0.0)
        .y_axis_label(lang.pick("亩均税收(万元/亩)", "tax per mu"))
        // Names are in the table and on hover; under the bars they would run into each other.
        .show_axes([false, true])
        .legend(egui_plot::Legend::default())
        .show(ui, |plot| {
            plot.bar_chart(
                egui_plot::BarChart::new(lang.pick("亩均税收", "tax per mu"), bars).width(0.7),
            );
            for (label, y) in thresholds {
                plot.hline(
                    egui_plot::HLine::new(label, y)
                        .color(theme::WARNING)
                        .width(1.5),
                );
            }
        });
}
