//! The land tab: output and tax per mu of land for each firm and park, best first, with its
//! class, beside a bar chart with the class thresholds (land_chart.rs). A click on a row (or
//! its 定位) lights up that node on the canvas and brings it into view with its name readable.

use super::{locate, locate_button};
use crate::analysis::{Analysis, LandReport};
use crate::i18n::Lang;
use crate::model::Project;
use crate::ui::context::ViewCtx;
use crate::ui::state::{FrameRequest, Highlight, Queue};

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
        let unit = &cx.project().meta.unit;
        super::land_chart::chart_ui(&mut cols[1], &rows, classes, unit, lang);
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
