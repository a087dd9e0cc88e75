//! The yearly schedule of an agreement beside its editor: one ledger and metric at a time, as a
//! table, the split chart and the shared costs; and the same rows as CSV text for export.

use super::form::combo;
use super::schedule_table::{assessment_mark, part_text};
use crate::i18n::Lang;
use crate::model::{Agreement, Ledger, Metric, Project};
use crate::sharing::Schedule;
use crate::ui::command::AppCommand;
use crate::ui::state::{Queue, UiState};
use crate::ui::widgets::split_chart::{preferred_view, schedule_chart_ui, schedule_views};
use egui::RichText;

/// The schedule of the ledger and metric chosen (or the preferred one): table, chart, costs.
pub(super) fn schedule_ui(
    ui: &mut egui::Ui,
    project: &Project,
    a: &Agreement,
    s: &Schedule,
    state: &mut UiState,
    queue: &mut Queue,
    lang: Lang,
) {
    let views = schedule_views(s);
    let Some(preferred) = preferred_view(s) else {
        ui.weak(lang.pick(
            "没有可计算的年份:请添加阶段,并确认范围内企业有年度数据。",
            "Nothing to schedule: add phases, and check the firms in scope have yearly figures.",
        ));
        return;
    };
    let view = state
        .schedule_view
        .filter(|v| views.contains(v))
        .unwrap_or(preferred);
    ui.horizontal(|ui| {
        let title = lang.pick("分成表", "Schedule");
        ui.label(RichText::new(title).strong());
        let label = |v: &(Ledger, Metric)| format!("{} · {}", v.0.label(lang), v.1.label(lang));
        let name = lang.pick("账目与指标", "Ledger and metric");
        if let Some(v) = combo(
            ui,
            ("schedule-view", &a.id),
            &view,
            &views,
            label,
            200.0,
            name,
        ) {
            state.schedule_view = Some(v);
        }
        if ui.button(lang.pick("导出 CSV…", "Export CSV…")).clicked() {
            state.schedule_view = Some(view);
            queue.commands.push(AppCommand::ExportSchedule);
        }
    });
    super::schedule_table::table_ui(ui, project, a, s, view, lang);
    schedule_chart_ui(ui, project, s, view, lang, 220.0, &a.id, true);
    costs_table_ui(ui, a, s, lang);
}

/// Each shared cost and each party's part of it.
fn costs_table_ui(ui: &mut egui::Ui, a: &Agreement, s: &Schedule, lang: Lang) {
    if s.costs.is_empty() {
        return;
    }
    ui.label(RichText::new(lang.pick("成本分担", "Cost sharing")).strong());
    egui::Grid::new(("costs-table", &a.id))
        .striped(true)
        .show(ui, |ui| {
            for c in &s.costs {
                ui.label(format!("{} {}", c.year, c.name));
                ui.label(format!("{:.2}", c.amount));
                for p in &s.parties {
                    ui.label(part_text(c.part(p)));
                }
                ui.end_row();
            }
        });
}

/// The schedule rows of one ledger and metric as CSV (UTF-8 with BOM so Excel reads Chinese).
pub fn schedule_csv(project: &Project, s: &Schedule, view: (Ledger, Metric), lang: Lang) -> String {
    let quote = |t: &str| {
        if t.contains([',', '"', '\n']) {
            format!("\"{}\"", t.replace('"', "\"\""))
        } else {
            t.to_owned()
        }
    };
    let line = |cells: &[String]| {
        let quoted: Vec<String> = cells.iter().map(|c| quote(c)).collect();
        quoted.join(",") + "\n"
    };
    let mut header = vec![
        lang.pick("年份", "Year").to_owned(),
        lang.pick("账目", "Ledger").to_owned(),
        lang.pick("指标", "Metric").to_owned(),
        lang.pick("合计", "Total").to_owned(),
    ];
    // Per-firm phases: a column naming each row's firm (empty on the yearly totals).
    let rows: Vec<_> = s
        .rows
        .iter()
        .filter(|r| (r.ledger, r.metric) == view)
        .collect();
    let firms = rows.iter().any(|r| r.firm.is_some());
    if firms {
        header.insert(1, lang.pick("企业", "Firm").to_owned());
    }
    header.extend(s.parties.iter().map(|p| project.node_name(p)));
    header.push(lang.pick("说明", "Note").to_owned());
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&header));
    for r in rows {
        let mut cells = vec![
            r.year.to_string(),
            r.ledger.label(lang).to_owned(),
            r.metric.label(lang).to_owned(),
            format!("{:.2}", r.total),
        ];
        if firms {
            let firm = r.firm.as_ref().map(|f| project.node_name(f));
            cells.insert(1, firm.unwrap_or_default());
        }
        cells.extend(
            s.parties
                .iter()
                .map(|p| r.part(p).map(|v| format!("{v:.2}")).unwrap_or_default()),
        );
        cells.push(if r.assessment_only {
            format!("{} {}", assessment_mark(lang), r.note(lang))
        } else {
            r.note(lang).to_owned()
        });
        out.push_str(&line(&cells));
    }
    out
}
