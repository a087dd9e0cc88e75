//! The land tab: output and tax per mu of land for each firm and park, best first, with its
//! class, beside a bar chart with the class thresholds (land_chart.rs). A click on a row lights up that node on
//! the canvas and centres it.

use crate::analysis::{Analysis, LandReport};
use crate::i18n::Lang;
use crate::model::NodeId;
use crate::ui::context::ViewCtx;
use crate::ui::state::{Highlight, Queue, UiAction};

/// Draws the tab; `focus` is the canvas's centring request (camera, not what is on show).
pub(super) fn land_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    focus: &mut Option<NodeId>,
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
        table_ui(&mut cols[0], &rows, focus, queue, lang);
        let unit = &cx.project().meta.unit;
        super::land_chart::chart_ui(&mut cols[1], &rows, classes, unit, lang);
    });
}

fn table_ui(
    ui: &mut egui::Ui,
    rows: &[&LandReport],
    focus: &mut Option<NodeId>,
    queue: &mut Queue,
    lang: Lang,
) {
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    egui::Grid::new("land")
        .num_columns(5)
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            ui.strong(lang.pick("名称", "Name"));
            ui.strong(lang.pick("用地(亩)", "Land (mu)"));
            ui.strong(lang.pick("亩均税收", "Tax/mu"));
            ui.strong(lang.pick("亩均产值", "Output/mu"));
            ui.strong(lang.pick("类别", "Class"));
            ui.end_row();
            for r in rows {
                let label = if r.is_park {
                    format!("{} ({})", r.name, lang.pick("园区", "park"))
                } else {
                    r.name.clone()
                };
                if ui.selectable_label(false, label).clicked() {
                    queue.actions.push(UiAction::Highlight(Some(Highlight {
                        nodes: [r.id.clone()].into(),
                        ..Highlight::default()
                    })));
                    *focus = Some(r.id.clone());
                }
                ui.label(format!("{:.1}", r.land_mu));
                ui.label(or_dash(r.tax_per_mu.map(|v| format!("{v:.2}"))));
                ui.label(or_dash(r.output_per_mu.map(|v| format!("{v:.1}"))));
                ui.label(or_dash(r.class.clone()));
                ui.end_row();
            }
        });
}
