//! `chainmap split`: the yearly split schedules of a project's agreements, per ledger and
//! metric, as text tables or JSON with every digit of the amounts kept.

use super::common::Input;
use super::{EXIT_OK, EXIT_PROBLEM};
use crate::i18n::Lang;
use crate::model::{Agreement, AgreementId, Ledger, Metric, NodeId, Project};
use crate::sharing::{Schedule, schedule};
use serde_json::json;
use std::io::Write;
use std::path::Path;

/// An exact amount as a JSON number (every digit kept).
fn amount_json(d: rust_decimal::Decimal) -> serde_json::Value {
    use std::str::FromStr;
    serde_json::Number::from_str(&d.to_string())
        .map(serde_json::Value::Number)
        .unwrap_or_else(|_| serde_json::Value::String(d.to_string()))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn split(
    input: Input,
    agreement: Option<String>,
    from: Option<i32>,
    to: Option<i32>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let path = input.path;
    let Some(project) = input.load(lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let Some(agreements) = chosen_agreements(&project, agreement.as_deref(), path, lang, err)?
    else {
        return Ok(EXIT_PROBLEM);
    };
    let schedules: Vec<(&Agreement, Schedule)> = agreements
        .into_iter()
        .map(|a| (a, schedule(&project, a, from, to)))
        .collect();
    if json {
        write_json(&project, &schedules, lang, out)?;
        return Ok(EXIT_OK);
    }
    if schedules.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("项目中没有协议", "the project has no agreements")
        )?;
    }
    for (a, s) in &schedules {
        print_schedule(&project, a, s, lang, out)?;
    }
    Ok(EXIT_OK)
}

/// The agreement asked for, else all of them; none (after saying which there are) when the
/// project has no agreement of that id.
fn chosen_agreements<'p>(
    project: &'p Project,
    agreement: Option<&str>,
    path: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> std::io::Result<Option<Vec<&'p Agreement>>> {
    Ok(Some(match agreement {
        Some(id) => match project.agreements.get(&AgreementId::from(id)) {
            Some(a) => vec![a],
            None => {
                let known: Vec<&str> = project.agreements.keys().map(|k| k.as_str()).collect();
                writeln!(
                    err,
                    "{}: {} \"{id}\" ({}: {})",
                    path.display(),
                    lang.pick("没有这个协议", "no such agreement"),
                    lang.pick("已有", "agreements are"),
                    if known.is_empty() {
                        "—".to_owned()
                    } else {
                        known.join(", ")
                    }
                )?;
                return Ok(None);
            }
        },
        None => project.agreements.values().collect(),
    }))
}

/// `{"agreements": [...]}`: each schedule's parties, eligibility, rows and costs.
fn write_json(
    project: &Project,
    schedules: &[(&Agreement, Schedule)],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let name = |id: &NodeId| project.node_name(id);
    let doc: Vec<serde_json::Value> = schedules
        .iter()
        .map(|(a, s)| {
            json!({
                "id": a.id,
                "name": a.name,
                "from": s.from,
                "to": s.to,
                "parties": a.parties.iter().map(|p| json!({"id": p.node, "name": name(&p.node), "role": p.role})).collect::<Vec<_>>(),
                "eligibility": s.eligibility.iter().map(|e| json!({"node": e.node, "eligible": e.eligible, "reason": lang.pick(&e.zh, &e.en)})).collect::<Vec<_>>(),
                "rows": s.rows.iter().map(|r| row_json(project, r, lang)).collect::<Vec<_>>(),
                "fair_ledgers": s.fair_ledgers,
                "fair_totals": fair_totals_json(s),
                "costs": s.costs.iter().map(|c| json!({
                    "year": c.year,
                    "name": c.name,
                    "kind": c.kind,
                    "amount": amount_json(c.amount),
                    "parts": c.parts.iter().map(|(p, v)| (p.to_string(), amount_json(*v))).collect::<serde_json::Map<_, _>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "agreements": doc }))?;
    writeln!(out)
}

/// Parts (or any amounts by key) as a JSON object of exact numbers.
fn amounts_json<K: ToString>(parts: &[(K, rust_decimal::Decimal)]) -> serde_json::Value {
    serde_json::Value::Object(
        parts
            .iter()
            .map(|(k, v)| (k.to_string(), amount_json(*v)))
            .collect(),
    )
}

/// One schedule row. Keys since issue 19: `firm` and `firm_name` (per-firm rows; null on
/// total rows), `basis`, `tax_parts` (by tax type on that basis), `transfer`,
/// `assessment_only` and `mark`, `unit` (null for money) and `members` (group parties).
fn row_json(project: &Project, r: &crate::sharing::Row, lang: Lang) -> serde_json::Value {
    let tax_parts: Vec<(&str, rust_decimal::Decimal)> =
        r.tax_parts.iter().map(|(t, v)| (t.code(), *v)).collect();
    let members: serde_json::Map<String, serde_json::Value> = r
        .members
        .iter()
        .map(|(party, split)| (party.to_string(), amounts_json(split)))
        .collect();
    json!({
        "year": r.year,
        "ledger": r.ledger,
        "metric": r.metric,
        "phase": r.phase,
        "rule": r.rule,
        "total": amount_json(r.total),
        "parts": amounts_json(&r.parts),
        "note": r.note(lang),
        "firm": r.firm,
        "firm_name": r.firm.as_ref().map(|f| project.node_name(f)),
        "basis": r.basis.code(),
        "tax_parts": amounts_json(&tax_parts),
        "transfer": r.transfer,
        "assessment_only": r.assessment_only,
        "mark": r.assessment_only.then(|| crate::sharing::assessment_mark(lang)),
        "unit": r.unit(lang),
        "members": members,
    })
}

/// What each party receives over the horizon in each fair ledger: `{ledger: {party: amount}}`.
fn fair_totals_json(s: &Schedule) -> serde_json::Value {
    serde_json::Value::Object(
        crate::sharing::fair::ledger_totals(s, &s.parties)
            .into_iter()
            .map(|(ledger, totals)| {
                let parts: Vec<(&NodeId, rust_decimal::Decimal)> =
                    s.parties.iter().zip(totals).collect();
                (ledger_code(ledger), amounts_json(&parts))
            })
            .collect(),
    )
}

/// A ledger's name in files and JSON.
fn ledger_code(ledger: Ledger) -> String {
    serde_json::to_value(ledger)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// One agreement: its eligibility findings, a table per ledger and metric, the shared costs.
fn print_schedule(
    project: &Project,
    a: &Agreement,
    s: &Schedule,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let name = |id: &NodeId| project.node_name(id);
    writeln!(
        out,
        "{} ({}) {}–{} · {}",
        a.name,
        a.id,
        s.from,
        s.to,
        crate::i18n::money_unit(&project.meta.unit, lang)
    )?;
    let party_names: Vec<String> = s.parties.iter().map(&name).collect();
    for e in &s.eligibility {
        if !e.zh.is_empty() {
            let mark = if e.eligible {
                lang.pick("符合", "eligible")
            } else {
                lang.pick("不符合", "not eligible")
            };
            writeln!(
                out,
                "  {} {}: {}",
                name(&e.node),
                mark,
                lang.pick(&e.zh, &e.en)
            )?;
        }
    }
    let mut groups: Vec<(Ledger, Metric)> = s.rows.iter().map(|r| (r.ledger, r.metric)).collect();
    groups.dedup();
    for group in groups {
        print_rows(project, s, group, &party_names, lang, out)?;
    }
    if !s.costs.is_empty() {
        print_costs(s, lang, out)?;
    }
    writeln!(out)
}

/// The table of one ledger and metric: a row a year (and firm, for per-firm phases), a column
/// a party; under a row, its tax by type and its group members' parts.
fn print_rows(
    project: &Project,
    s: &Schedule,
    (ledger, metric): (Ledger, Metric),
    party_names: &[String],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let rows: Vec<&crate::sharing::Row> = s
        .rows
        .iter()
        .filter(|r| r.ledger == ledger && r.metric == metric)
        .collect();
    writeln!(out, "\n  {}", group_title(&rows, ledger, metric, lang))?;
    let with_firm = rows.iter().any(|r| r.firm.is_some());
    let firm_header = if with_firm {
        format!("{:<16}", lang.pick("企业", "firm"))
    } else {
        String::new()
    };
    writeln!(
        out,
        "  {:<6}{firm_header}{:>12}  {}",
        lang.pick("年份", "year"),
        lang.pick("合计", "total"),
        party_names
            .iter()
            .map(|n| format!("{n:>14}"))
            .collect::<String>()
    )?;
    for r in rows {
        let cells: String = s
            .parties
            .iter()
            .map(|p| {
                let v = r
                    .part(p)
                    .map(|v| format!("{v:.2}"))
                    .unwrap_or_else(|| "—".into());
                format!("{v:>14}")
            })
            .collect();
        let firm = match (&r.firm, with_firm) {
            (Some(f), _) => format!("{:<16}", project.node_name(f)),
            // A payment among per-firm rows is about no firm; a total row sums the firms.
            (None, true) if r.transfer => format!("{:<16}", "—"),
            (None, true) => format!("{:<16}", lang.pick("合计", "total")),
            (None, false) => String::new(),
        };
        let note = r.note(lang);
        writeln!(
            out,
            "  {:<6}{firm}{:>12}  {cells}{}",
            r.year,
            format!("{:.2}", r.total),
            if note.is_empty() {
                String::new()
            } else {
                format!("  {note}")
            }
        )?;
        print_details(project, r, lang, out)?;
    }
    Ok(())
}

/// "Fiscal · Tax · Local retained", "Quotas · Construction land quota (mu)", with a transfer
/// or assessment mark when the rows carry one.
fn group_title(
    rows: &[&crate::sharing::Row],
    ledger: Ledger,
    metric: Metric,
    lang: Lang,
) -> String {
    let mut title = format!("{} · {}", ledger.label(lang), metric.label(lang));
    if let Some(unit) = rows.first().and_then(|r| r.unit(lang)) {
        title = format!("{title} ({unit})");
    }
    let mut bases: Vec<crate::model::TaxBasis> =
        rows.iter().filter_map(|r| r.tax_basis()).collect();
    bases.sort();
    bases.dedup();
    for b in bases {
        title = format!("{title} · {}", b.label(lang));
    }
    if rows.iter().any(|r| r.transfer) {
        title = format!(
            "{title} · {}",
            lang.pick("含转移支付行", "with transfer rows")
        );
    }
    if rows.iter().any(|r| r.assessment_only) {
        title = format!("{title} · {}", crate::sharing::assessment_mark(lang));
    }
    title
}

/// A row's tax by type and its group members' parts, indented under it.
fn print_details(
    project: &Project,
    r: &crate::sharing::Row,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if !r.tax_parts.is_empty() {
        let by_type: Vec<String> = r
            .tax_parts
            .iter()
            .map(|(t, v)| format!("{} {v:.2}", t.label(lang)))
            .collect();
        writeln!(out, "        {}", by_type.join(" · "))?;
    }
    for (party, split) in &r.members {
        let members: Vec<String> = split.iter().map(|(m, v)| format!("{m} {v:.2}")).collect();
        writeln!(
            out,
            "        {} {}: {}",
            project.node_name(party),
            lang.pick("成员", "members"),
            members.join(" · ")
        )?;
    }
    Ok(())
}

/// The shared costs: a row a cost, a column a party.
fn print_costs(s: &Schedule, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "\n  {}", lang.pick("成本分担", "Cost sharing"))?;
    for c in &s.costs {
        let cells: String = s
            .parties
            .iter()
            .map(|p| {
                format!(
                    "{:>14}",
                    c.part(p)
                        .map(|v| format!("{v:.2}"))
                        .unwrap_or_else(|| "—".into())
                )
            })
            .collect();
        writeln!(
            out,
            "  {:<6}{:>12}  {cells}  {}",
            c.year,
            format!("{:.2}", c.amount),
            c.name
        )?;
    }
    Ok(())
}
