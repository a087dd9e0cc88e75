//! One run of one phase: the years it covers from its anchor, the amount it splits each year
//! (on its tax basis), the rule applied year by year (capped shares carrying their state), and
//! the rows. A pooled phase runs once over every eligible firm from the agreement's years; a
//! per-firm phase runs once per firm from that firm's own years (`per_firm`).

use super::capped::{CappedYear, Split, capped_year};
use super::money::round;
use super::payments::{Payment, payment_year};
use super::rules::{YearInput, apply};
use super::schedule::{Row, assessment_mark, in_party_order};
use super::taxes::{self, effective_basis};
use crate::i18n::Lang;
use crate::model::{Agreement, Cap, Ledger, NodeId, Phase, PhaseStart, Project, Rule, Year};
use rust_decimal::Decimal;

/// What every run of the agreement's phases shares.
pub(super) struct Context<'a> {
    pub project: &'a Project,
    pub agreement: &'a Agreement,
    pub parties: &'a [NodeId],
    pub host: Option<&'a NodeId>,
    /// The schedule's years: rows outside them are computed (capped state) but not kept.
    pub from: Year,
    pub to: Year,
}

/// Whom one run of a phase counts, and the years it counts from.
pub(super) struct Run<'a> {
    pub firms: Vec<&'a NodeId>,
    pub moved: Option<Year>,
    pub production: Option<Year>,
    /// The firm of a per-firm run (its rows name it).
    pub firm: Option<&'a NodeId>,
}

/// A phase's first year and last (none: open-ended) counted from `moved` and `production`.
pub(super) fn phase_span(
    phase: &Phase,
    moved: Option<Year>,
    production: Option<Year>,
) -> Option<(Year, Option<Year>)> {
    let first = match phase.start {
        PhaseStart::Year(y) => y,
        PhaseStart::AfterSigning(n) => moved? + n as Year,
        PhaseStart::AfterProduction(n) => production? + n as Year,
    };
    Some((first, phase.years.map(|n| first + n as Year - 1)))
}

/// The rows of one run of `phase`.
pub(super) fn run_phase(ctx: &Context<'_>, phase: &Phase, run: &Run<'_>) -> Vec<Row> {
    let Some((first, last)) = phase_span(phase, run.moved, run.production) else {
        return Vec::new();
    };
    let basis = effective_basis(phase);
    let types = taxes::effective_types(phase);
    let amount =
        |year: Year| taxes::amount(ctx.project, &run.firms, phase.metric, basis, types, year);
    let amount_in = |year: Year| amount(year).value;
    let nominal_last = last.unwrap_or(ctx.to);
    let mut received = Decimal::ZERO;
    let mut cap_reached = false;
    let cap = match &phase.rule {
        Rule::Capped {
            cap: Cap::Amount(a),
            ..
        } => Some(*a),
        Rule::Capped {
            cap: Cap::PriorYears(n),
            ..
        } => run
            .moved
            .map(|m| ((m - *n as Year)..m).map(amount_in).sum()),
        _ => None,
    };
    let extension = match &phase.rule {
        Rule::Capped {
            extension_years, ..
        } => *extension_years as Year,
        _ => 0,
    };
    // An open-ended phase runs to the end of the schedule; a capped one that has not reached
    // its cap when its years are over runs `extension` years longer.
    let end = if last.is_some() {
        nominal_last + extension
    } else {
        nominal_last
    };
    let mut rows = Vec::new();
    for year in first..=end {
        let in_extension = year > nominal_last;
        if in_extension && cap_reached {
            break;
        }
        let counted = amount(year);
        let mut total = round(counted.value);
        let input = YearInput {
            total,
            k: u32::try_from(year - first).unwrap_or(0),
            amount_in: &amount_in,
            project: ctx.project,
        };
        let mut transfer = false;
        let (mut parts, mut note_zh, mut note_en) = match &phase.rule {
            Rule::Capped {
                shares,
                capped_party,
                remainder_to,
                ..
            } => {
                let state = CappedYear {
                    cap: cap.unwrap_or(Decimal::ZERO),
                    total,
                    in_extension,
                };
                let split = Split {
                    shares,
                    capped_party,
                    remainder_to,
                    remainder_name: ctx.project.node_name(remainder_to),
                };
                capped_year(&state, &split, &mut received, &mut cap_reached)
            }
            Rule::Payment {
                payer,
                payee,
                amount,
            } => {
                let payment = Payment {
                    payer,
                    payee,
                    amount,
                };
                let (paid, parts) = payment_year(ctx.project, &payment, &input);
                total = paid;
                transfer = true;
                parts
            }
            rule => apply(ctx.agreement, rule, &input),
        };
        if phase.ledger == Ledger::Statistics {
            statistics_in_place(ctx.host, total, &mut parts, &mut note_zh, &mut note_en);
        }
        let assessment_only =
            phase.ledger == Ledger::Assessment && matches!(phase.rule, Rule::DoubleCount { .. });
        if assessment_only {
            note_zh = join(assessment_mark(Lang::Zh), &note_zh, ";");
            note_en = join(assessment_mark(Lang::En), &note_en, "; ");
        }
        let (left_zh, left_en) = taxes::left_out_note(ctx.project, &counted.left_out);
        if !(ctx.from..=ctx.to).contains(&year) {
            continue;
        }
        rows.push(Row {
            year,
            ledger: phase.ledger,
            metric: phase.metric,
            phase: phase.id.clone(),
            rule: phase.rule.code(),
            total,
            parts: in_party_order(ctx.parties, parts),
            note_zh: join(&note_zh, &left_zh, ";"),
            note_en: join(&note_en, &left_en, "; "),
            firm: run.firm.cloned(),
            basis,
            tax_parts: if transfer || phase.metric != crate::model::Metric::Tax {
                Vec::new()
            } else {
                let mut parts = taxes::tax_parts(total, counted.by_type);
                parts.retain(|(t, _)| types.is_empty() || types.contains(t));
                parts
            },
            transfer,
            assessment_only,
            members: Vec::new(),
        });
    }
    rows
}

/// Two notes as one, either may be empty.
pub(super) fn join(a: &str, b: &str, sep: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (_, true) => a.to_owned(),
        (true, false) => b.to_owned(),
        (false, false) => format!("{a}{sep}{b}"),
    }
}

/// National rule: official statistics are counted where the activity is, 100 % the host's,
/// whatever the contract says (with a note when it said otherwise).
fn statistics_in_place(
    host: Option<&NodeId>,
    total: Decimal,
    parts: &mut Vec<(NodeId, Decimal)>,
    note_zh: &mut String,
    note_en: &mut String,
) {
    match host {
        Some(h) => {
            if parts.len() != 1 || &parts[0].0 != h || parts[0].1 != total {
                *note_zh = "在地统计按国家规定 100% 计入飞入地,合同约定不适用于此账".to_owned();
                *note_en = "official statistics are 100 % the host's by national rule; the contract does not apply here".to_owned();
            }
            *parts = vec![(h.clone(), total)];
        }
        None => {
            *note_zh = "协议没有飞入地参与方,无法记入在地统计".to_owned();
            *note_en =
                "the agreement has no host party to count official statistics for".to_owned();
            parts.clear();
        }
    }
}
