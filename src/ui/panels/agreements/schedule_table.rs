//! The schedule's table (issue 19 shows what real agreements need): a row a year, the rows of
//! each firm of a per-firm phase indented under their year's total; quotas in their physical
//! unit (亩, 吨标准煤) rather than money; the giver's part of a transfer in the error colour;
//! the "仅用于考核，不对外发布" mark on assessment-only rows; on a fiscal row's total, its tax
//! basis and each tax type's part; on a group party's part, its members' split, and under the
//! table each group's members' totals over the years.

use crate::i18n::Lang;
use crate::model::{Agreement, Ledger, Metric, NodeId, Project};
use crate::sharing::{Row, Schedule};
use crate::ui::theme;
use egui::RichText;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The mark of assessment-only rows, as every export writes it.
pub(super) fn assessment_mark(lang: Lang) -> &'static str {
    lang.pick(
        "仅用于考核，不对外发布",
        "For assessment only, not for publication",
    )
}

/// The unit amounts of `metric` are shown in: its own (亩, tce, 个), else the money unit.
pub(super) fn unit_of(project: &Project, metric: Metric, lang: Lang) -> String {
    metric.unit(lang).map_or_else(
        || crate::i18n::money_unit(&project.meta.unit, lang),
        str::to_owned,
    )
}

/// An amount as tables show it: two decimals, a dash for none.
pub(super) fn part_text(v: Option<Decimal>) -> String {
    v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".into())
}

/// The rows of a view in the order shown: by year and phase, each total before its firms.
fn ordered(s: &Schedule, view: (Ledger, Metric)) -> Vec<&Row> {
    let mut rows: Vec<&Row> = s
        .rows
        .iter()
        .filter(|r| (r.ledger, r.metric) == view)
        .collect();
    rows.sort_by(|a, b| {
        (a.year, &a.phase, a.firm.is_some(), &a.firm).cmp(&(
            b.year,
            &b.phase,
            b.firm.is_some(),
            &b.firm,
        ))
    });
    rows
}

/// Year, total and each party's part, a row a year (and a row a firm under it).
pub(super) fn table_ui(
    ui: &mut egui::Ui,
    project: &Project,
    a: &Agreement,
    s: &Schedule,
    view: (Ledger, Metric),
    lang: Lang,
) {
    let rows = ordered(s, view);
    if rows.iter().any(|r| r.assessment_only) {
        ui.colored_label(theme::WARNING, format!("※ {}", assessment_mark(lang)));
    }
    let unit = unit_of(project, view.1, lang);
    ui.weak(match lang {
        Lang::Zh => format!("单位:{unit}"),
        Lang::En => format!("Unit: {unit}"),
    });
    egui::Grid::new(("schedule-table", &a.id))
        .striped(true)
        .num_columns(s.parties.len() + 2)
        .show(ui, |ui| {
            ui.strong(lang.pick("年份", "Year"));
            ui.strong(lang.pick("合计", "Total"));
            for p in &s.parties {
                ui.strong(project.node_name(p));
            }
            ui.end_row();
            for r in rows {
                row_ui(ui, project, s, r, lang);
                ui.end_row();
            }
        });
    members_totals_ui(ui, project, a, s, view, lang);
}

fn row_ui(ui: &mut egui::Ui, project: &Project, s: &Schedule, r: &Row, lang: Lang) {
    let mut year = match &r.firm {
        Some(firm) => format!("  └ {}", project.node_name(firm)),
        None => r.year.to_string(),
    };
    if r.assessment_only {
        year.push_str(" ※");
    }
    if r.transfer {
        year.push_str(" ⇄");
    }
    let mut note = r.note(lang).to_owned();
    if r.assessment_only {
        note = format!("{}\n{note}", assessment_mark(lang));
    }
    if r.transfer {
        let moved = lang.pick(
            "转移:转出方为负,转入方为正,合计为转移数量",
            "Transfer: the giver's part is negative, the receiver's positive; the total is the amount moved",
        );
        note = format!("{moved}\n{note}");
    }
    let year_text = if r.firm.is_some() {
        RichText::new(year).weak()
    } else {
        RichText::new(year)
    };
    ui.label(year_text).on_hover_text(note);
    let total = ui.label(format!("{:.2}", r.total));
    if let Some(text) = tax_text(r, lang) {
        total.on_hover_text(text);
    }
    for p in &s.parties {
        let v = r.part(p);
        let text = part_text(v);
        let shown = if v.is_some_and(|v| v.is_sign_negative() && !v.is_zero()) {
            RichText::new(text).color(theme::ERROR)
        } else {
            RichText::new(text)
        };
        match r.members.iter().find(|(g, _)| g == p) {
            Some((_, members)) => {
                ui.label(shown.underline())
                    .on_hover_ui(|ui| members_card_ui(ui, members, lang));
            }
            None => {
                ui.label(shown);
            }
        }
    }
}

/// A fiscal row's basis and its parts by tax type: "地方留成 · 增值税 500.00 · 企业所得税 200.00".
pub(super) fn tax_text(r: &Row, lang: Lang) -> Option<String> {
    if r.ledger != Ledger::Fiscal || (r.basis.is_total() && r.tax_parts.is_empty()) {
        return None;
    }
    let mut parts = vec![format!(
        "{}:{}",
        lang.pick("税基", "Tax basis"),
        r.basis.label(lang)
    )];
    parts.extend(
        r.tax_parts
            .iter()
            .map(|(t, v)| format!("{} {v:.2}", t.label(lang))),
    );
    Some(parts.join(" · "))
}

/// How many members a hover card lists before saying how many more there are.
const CARD_MEMBERS: usize = 12;

/// A group party's part this year, split between its members.
fn members_card_ui(ui: &mut egui::Ui, members: &[(String, Decimal)], lang: Lang) {
    ui.strong(lang.pick("成员分配", "Members' split"));
    egui::Grid::new("members-card").show(ui, |ui| {
        for (name, v) in members.iter().take(CARD_MEMBERS) {
            ui.label(name);
            ui.label(format!("{v:.2}"));
            ui.end_row();
        }
    });
    if members.len() > CARD_MEMBERS {
        let more = members.len() - CARD_MEMBERS;
        ui.weak(match lang {
            Lang::Zh => format!("… 另有 {more} 个成员,见表下“成员累计”"),
            Lang::En => format!("… {more} more members, see “Members' totals” under the table"),
        });
    }
}

/// Each group party's members and what they receive over the years shown, folded.
fn members_totals_ui(
    ui: &mut egui::Ui,
    project: &Project,
    a: &Agreement,
    s: &Schedule,
    view: (Ledger, Metric),
    lang: Lang,
) {
    let mut totals: BTreeMap<&NodeId, Vec<(String, Decimal)>> = BTreeMap::new();
    for r in s
        .rows
        .iter()
        .filter(|r| (r.ledger, r.metric) == view && r.firm.is_none())
    {
        for (group, members) in &r.members {
            let list = totals.entry(group).or_default();
            for (name, v) in members {
                match list.iter_mut().find(|(n, _)| n == name) {
                    Some((_, sum)) => *sum += *v,
                    None => list.push((name.clone(), *v)),
                }
            }
        }
    }
    for (group, members) in totals {
        let title = format!(
            "{} · {} ({})",
            project.node_name(group),
            lang.pick("成员累计", "Members' totals"),
            members.len()
        );
        egui::CollapsingHeader::new(title)
            .id_salt(("members-totals", &a.id, group))
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt(("members-totals-scroll", group))
                    .max_height(180.0)
                    .show(ui, |ui| {
                        egui::Grid::new(("members-totals-grid", group))
                            .striped(true)
                            .show(ui, |ui| {
                                for (name, v) in &members {
                                    ui.label(name);
                                    ui.label(format!("{v:.2}"));
                                    ui.end_row();
                                }
                            });
                    });
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PhaseId, TaxBasis, TaxType};

    fn row(year: i32, firm: Option<&str>) -> Row {
        Row {
            year,
            ledger: Ledger::Fiscal,
            metric: Metric::Tax,
            phase: PhaseId::from("p1"),
            rule: "fixed_shares",
            total: Decimal::from(700),
            parts: Vec::new(),
            note_zh: String::new(),
            note_en: String::new(),
            firm: firm.map(NodeId::from),
            basis: TaxBasis::LocalRetained,
            tax_parts: vec![
                (TaxType::Vat, Decimal::from(500)),
                (TaxType::Cit, Decimal::from(200)),
            ],
            transfer: false,
            assessment_only: false,
            members: Vec::new(),
        }
    }

    #[test]
    fn a_fiscal_total_says_its_basis_and_tax_parts() {
        assert_eq!(
            tax_text(&row(2020, None), Lang::Zh).as_deref(),
            Some("税基:地方留成 · 增值税 500.00 · 企业所得税 200.00")
        );
        let mut plain = row(2020, None);
        plain.basis = TaxBasis::Total;
        plain.tax_parts.clear();
        assert_eq!(tax_text(&plain, Lang::En), None);
    }

    #[test]
    fn firms_come_under_their_years_total() {
        let s = Schedule {
            agreement: crate::model::AgreementId::from("A"),
            from: 2020,
            to: 2021,
            parties: Vec::new(),
            rows: vec![
                row(2021, Some("F1")),
                row(2020, Some("F2")),
                row(2021, None),
                row(2020, Some("F1")),
                row(2020, None),
            ],
            costs: Vec::new(),
            eligibility: Vec::new(),
            fair_ledgers: Ledger::MONEY.to_vec(),
        };
        let order: Vec<(i32, Option<&str>)> = ordered(&s, (Ledger::Fiscal, Metric::Tax))
            .iter()
            .map(|r| (r.year, r.firm.as_ref().map(NodeId::as_str)))
            .collect();
        assert_eq!(
            order,
            [
                (2020, None),
                (2020, Some("F1")),
                (2020, Some("F2")),
                (2021, None),
                (2021, Some("F1"))
            ]
        );
    }
}
