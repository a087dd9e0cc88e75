//! `chainmap split`: the yearly split schedules of a project's agreements, per ledger and
//! metric, as text tables or JSON with every digit of the amounts kept.

use super::{EXIT_OK, EXIT_PROBLEM, load_for_command};
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
    path: &Path,
    agreement: Option<String>,
    from: Option<i32>,
    to: Option<i32>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(project) = load_for_command(path, lang, err)? else {
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
                "rows": s.rows.iter().map(|r| json!({
                    "year": r.year,
                    "ledger": r.ledger,
                    "metric": r.metric,
                    "phase": r.phase,
                    "rule": r.rule,
                    "total": amount_json(r.total),
                    "parts": r.parts.iter().map(|(p, v)| (p.to_string(), amount_json(*v))).collect::<serde_json::Map<_, _>>(),
                    "note": r.note(lang),
                })).collect::<Vec<_>>(),
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
    for (ledger, metric) in groups {
        print_rows(s, ledger, metric, &party_names, lang, out)?;
    }
    if !s.costs.is_empty() {
        print_costs(s, lang, out)?;
    }
    writeln!(out)
}

/// The table of one ledger and metric: a row a year, a column a party.
fn print_rows(
    s: &Schedule,
    ledger: Ledger,
    metric: Metric,
    party_names: &[String],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "\n  {} · {}", ledger.label(lang), metric.label(lang))?;
    writeln!(
        out,
        "  {:<6}{:>12}  {}",
        lang.pick("年份", "year"),
        lang.pick("合计", "total"),
        party_names
            .iter()
            .map(|n| format!("{n:>14}"))
            .collect::<String>()
    )?;
    for r in s
        .rows
        .iter()
        .filter(|r| r.ledger == ledger && r.metric == metric)
    {
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
        let note = r.note(lang);
        writeln!(
            out,
            "  {:<6}{:>12}  {cells}{}",
            r.year,
            format!("{:.2}", r.total),
            if note.is_empty() {
                String::new()
            } else {
                format!("  {note}")
            }
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
