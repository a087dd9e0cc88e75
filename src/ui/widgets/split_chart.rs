//! The split chart of an agreement's schedule: each party's part by year as stacked bars, with
//! each party's cumulative line. Drawn in the Sharing tab and, larger and without the lines, in
//! presentation mode; both choose the ledger shown first the same way ([`preferred_view`]).

use crate::i18n::Lang;
use crate::model::{Ledger, Metric, Project};
use crate::sharing::Schedule;
use egui::Color32;
use rust_decimal::prelude::ToPrimitive;

/// Colours for parties in charts, in party order.
const PARTY_COLOURS: [Color32; 6] = [
    Color32::from_rgb(52, 120, 198),
    Color32::from_rgb(222, 140, 20),
    Color32::from_rgb(46, 139, 87),
    Color32::from_rgb(140, 80, 180),
    Color32::from_rgb(200, 70, 70),
    Color32::from_rgb(30, 150, 160),
];

/// The colour of the `i`-th party (or series) of a chart.
pub fn party_colour(i: usize) -> Color32 {
    PARTY_COLOURS[i % PARTY_COLOURS.len()]
}

/// The (ledger, metric) pairs a schedule has rows for, in row order.
pub fn schedule_views(s: &Schedule) -> Vec<(Ledger, Metric)> {
    let mut views: Vec<(Ledger, Metric)> = Vec::new();
    for r in &s.rows {
        if !views.contains(&(r.ledger, r.metric)) {
            views.push((r.ledger, r.metric));
        }
    }
    views
}

/// The ledger shown first: official statistics are the host's by rule, so the ledgers the
/// contract shapes come first. None when the schedule has no rows.
pub fn preferred_view(s: &Schedule) -> Option<(Ledger, Metric)> {
    let views = schedule_views(s);
    views
        .iter()
        .copied()
        .find(|v| v.0 != Ledger::Statistics)
        .or(views.first().copied())
}

/// Stacked bars of each party's part by year, with each party's cumulative line when
/// `cumulative` (a projector shows the bars alone: the lines would squash them).
#[allow(clippy::too_many_arguments)]
pub fn schedule_chart_ui(
    ui: &mut egui::Ui,
    project: &Project,
    s: &Schedule,
    view: (Ledger, Metric),
    lang: Lang,
    height: f32,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    cumulative: bool,
) {
    let rows: Vec<_> = s
        .rows
        .iter()
        // A per-firm phase's firm rows are in its yearly total already.
        .filter(|r| (r.ledger, r.metric) == view && r.firm.is_none())
        .collect();
    let mut charts: Vec<egui_plot::BarChart> = Vec::new();
    let mut lines = Vec::new();
    for (i, p) in s.parties.iter().enumerate() {
        let mut cumulative = 0.0;
        let mut points = Vec::new();
        let bars: Vec<egui_plot::Bar> = rows
            .iter()
            .map(|r| {
                let v = r.part(p).and_then(|v| v.to_f64()).unwrap_or(0.0);
                cumulative += v;
                points.push([r.year as f64, cumulative]);
                egui_plot::Bar::new(r.year as f64, v).width(0.6)
            })
            .collect();
        let name = project.node_name(p);
        let others: Vec<&egui_plot::BarChart> = charts.iter().collect();
        let chart = egui_plot::BarChart::new(name.clone(), bars)
            .color(party_colour(i))
            .stack_on(&others);
        charts.push(chart);
        lines.push(
            egui_plot::Line::new(
                format!("{name} {}", lang.pick("累计", "cumulative")),
                egui_plot::PlotPoints::from(points),
            )
            .color(party_colour(i))
            .width(2.0),
        );
    }
    egui_plot::Plot::new(("schedule-plot", id_salt))
        .height(height)
        .allow_scroll(false)
        .legend(egui_plot::Legend::default())
        // Quotas in their own unit (亩, 吨标准煤), key projects counted; the rest is money.
        .y_axis_label(view.1.unit(lang).map_or_else(
            || crate::i18n::money_unit(&project.meta.unit, lang),
            str::to_owned,
        ))
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
            if cumulative {
                for l in lines {
                    plot.line(l);
                }
            }
        });
}
