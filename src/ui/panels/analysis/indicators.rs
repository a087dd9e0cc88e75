//! The indicators tab (issue 16): what counties report about the chain, a column a year with
//! the change into the latest year (↑ up, ↓ down), and a small line chart of the row picked.

use crate::analysis::Analysis;
use crate::analysis::indicators::{Measure, Row, format_change, format_value};
use crate::i18n::Lang;
use crate::ui::context::ViewCtx;
use egui::{Color32, RichText};
use egui_plot::{Line, PlotPoints};

/// How many years are shown as columns (the latest ones); the chart shows all.
const YEARS_SHOWN: usize = 6;

const UP: Color32 = Color32::from_rgb(46, 139, 87);
const DOWN: Color32 = Color32::from_rgb(204, 51, 51);

pub(super) fn indicators_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, a: &Analysis, picked: &mut Row) {
    let lang = cx.lang;
    let report = &a.indicators;
    let Some(latest) = report.latest() else {
        ui.weak(lang.pick(
            "还没有年度数据:在检查器中为企业填写某年的产值等数据",
            "No yearly figures yet: enter a year's output and other figures for firms in the inspector",
        ));
        return;
    };
    ui.weak(match lang {
        Lang::Zh => format!(
            "本县企业,按各年有数据的企业统计;金额单位 {}。本地配套率、加工产值比和加工转化率只有分析年份的值。",
            crate::i18n::money_unit(&cx.project().meta.unit, lang)
        ),
        Lang::En => format!(
            "Local firms with figures for each year; money in {}. The local supporting rates and the processing figures are for the analysed year only.",
            crate::i18n::money_unit(&cx.project().meta.unit, lang)
        ),
    });
    let shown: Vec<_> = report.years.iter().rev().take(YEARS_SHOWN).rev().collect();
    ui.columns(2, |cols| {
        egui::Grid::new("indicators")
            .num_columns(shown.len() + 2)
            .striped(true)
            .spacing([14.0, 3.0])
            .show(&mut cols[0], |ui| {
                ui.strong(lang.pick("指标", "Indicator"));
                for y in &shown {
                    ui.strong(y.year.to_string());
                }
                ui.strong(lang.pick("较上年", "Change"));
                ui.end_row();
                for row in Row::ALL {
                    ui.selectable_value(picked, row, row.label(lang));
                    for y in &shown {
                        ui.label(format_value(row, row.value(y)));
                    }
                    change_label(ui, report.change(row, latest.year), row, lang);
                    ui.end_row();
                }
            });
        trend_chart(&mut cols[1], a, *picked, lang);
    });
}

/// The change into the latest year, coloured: green up, red down (a plain dash when unknown).
fn change_label(ui: &mut egui::Ui, change: Option<f64>, row: Row, lang: Lang) {
    match change {
        None => {
            ui.weak("—")
                .on_hover_text(lang.pick("无上年数据", "no figure for the year before"));
        }
        // A change too small to show at the row's precision is no change, not "↓ -0.0 pp".
        Some(c)
            if format_change(row, c).trim_start_matches(['+', '-'])
                == format_change(row, 0.0).trim_start_matches('+') =>
        {
            ui.label(format_change(row, 0.0));
        }
        Some(c) => {
            let (arrow, colour) = if c > 0.0 { ("↑", UP) } else { ("↓", DOWN) };
            ui.label(RichText::new(format!("{arrow} {}", format_change(row, c))).color(colour));
        }
    }
}

/// The picked row over every year with a value.
fn trend_chart(ui: &mut egui::Ui, a: &Analysis, row: Row, lang: Lang) {
    let points: Vec<[f64; 2]> = a
        .indicators
        .years
        .iter()
        .filter_map(|y| {
            let v = row.value(y)?;
            let v = if row.measure() == Measure::Rate {
                v * 100.0
            } else {
                v
            };
            Some([f64::from(y.year), v])
        })
        .collect();
    ui.strong(row.label(lang));
    if points.len() < 2 {
        ui.weak(lang.pick("不足两年数据,无趋势", "fewer than two years: no trend"));
        return;
    }
    egui_plot::Plot::new("indicator-trend")
        .height(180.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .y_axis_label(if row.measure() == Measure::Rate {
            "%"
        } else {
            ""
        })
        .show(ui, |plot| {
            plot.line(
                Line::new(row.label(lang), PlotPoints::from(points))
                    .color(Color32::from_rgb(52, 120, 198))
                    .width(2.0),
            );
        });
}
