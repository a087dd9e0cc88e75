//! Per-firm phases (京津冀 92号): the phase runs for each eligible firm from that firm's own move
//! and production years, with its own cap and extension; the schedule gets a row per firm and
//! year, then the year's total row (no firm) so that ledger and metric totals stay right.

use super::phases::{Context, Run, join, run_phase};
use super::schedule::{Row, assessment_mark, in_party_order};
use crate::i18n::Lang;
use crate::model::{NodeId, Phase, TaxType, Year};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The rows of a per-firm phase: each year's firm rows in scope order, then their total.
pub(super) fn per_firm_rows(ctx: &Context<'_>, phase: &Phase, eligible: &[&NodeId]) -> Vec<Row> {
    let mut by_year: BTreeMap<Year, Vec<Row>> = BTreeMap::new();
    for firm in eligible {
        let (moved, production) = ctx.agreement.firm_years(firm);
        let run = Run {
            firms: vec![*firm],
            moved,
            production,
            firm: Some(*firm),
        };
        for row in run_phase(ctx, phase, &run) {
            by_year.entry(row.year).or_default().push(row);
        }
    }
    let mut out = Vec::new();
    for firm_rows in by_year.into_values() {
        let total = total_row(ctx.parties, &firm_rows);
        out.extend(firm_rows);
        out.extend(total);
    }
    out
}

/// One year's firm rows summed: the total, each party's part, the tax by type (when every
/// firm with an amount gives it).
fn total_row(parties: &[NodeId], firm_rows: &[Row]) -> Option<Row> {
    let first = firm_rows.first()?;
    let total: Decimal = firm_rows.iter().map(|r| r.total).sum();
    let parts = in_party_order(
        parties,
        firm_rows
            .iter()
            .flat_map(|r| r.parts.iter().cloned())
            .collect(),
    );
    let typed = firm_rows
        .iter()
        .all(|r| !r.tax_parts.is_empty() || r.total.is_zero())
        && firm_rows.iter().any(|r| !r.tax_parts.is_empty());
    let tax_parts = if typed {
        TaxType::ALL
            .into_iter()
            .map(|t| {
                let sum = firm_rows
                    .iter()
                    .flat_map(|r| r.tax_parts.iter())
                    .filter(|(tt, _)| *tt == t)
                    .map(|(_, v)| *v)
                    .sum();
                (t, sum)
            })
            .collect()
    } else {
        Vec::new()
    };
    let n = firm_rows.len();
    let (mut note_zh, mut note_en) = (
        format!("{n} 家企业合计"),
        format!("total of {n} {}", if n == 1 { "firm" } else { "firms" }),
    );
    if first.assessment_only {
        note_zh = join(assessment_mark(Lang::Zh), &note_zh, ";");
        note_en = join(assessment_mark(Lang::En), &note_en, "; ");
    }
    Some(Row {
        total,
        parts,
        tax_parts,
        firm: None,
        note_zh,
        note_en,
        members: Vec::new(),
        ..first.clone()
    })
}
