//! One year of a rule that needs no state across years: fixed shares, all to one party, double
//! counting, the increment above a base, equity, fixed return on capital (with its yearly
//! escalation) and fixed payments per unit. Capped shares carry state (`capped`); payments from
//! a payer move money outside the split (`payments`).

use super::money::round;
use super::schedule::{add_to, split_by_equity, split_by_shares};
use crate::model::{Agreement, Base, NodeId, Project, Rule, Year};
use rust_decimal::Decimal;

/// Parts of one year and the note in both languages.
pub(super) type Parts = (Vec<(NodeId, Decimal)>, String, String);

/// What a rule needs of its year.
pub(super) struct YearInput<'a> {
    /// The amount the phase splits this year, rounded.
    pub total: Decimal,
    /// Years since the phase's first (0 in its first year).
    pub k: u32,
    /// The amount on the phase's basis in any year (for base years).
    pub amount_in: &'a dyn Fn(Year) -> Decimal,
    /// For the parties' names in notes (a user reads "岚皋县", not "N3").
    pub project: &'a Project,
}

/// The parts of one year under `rule`.
pub(super) fn apply(agreement: &Agreement, rule: &Rule, input: &YearInput<'_>) -> Parts {
    let total = input.total;
    let none = (String::new(), String::new());
    match rule {
        Rule::FixedShares { shares } => (split_by_shares(total, shares), none.0, none.1),
        Rule::AllTo { party } => (vec![(party.clone(), total)], none.0, none.1),
        Rule::DoubleCount { parties } => (
            parties.iter().map(|p| (p.clone(), total)).collect(),
            "各方均全额计入(仅限考核账)".to_owned(),
            "every party counts the full amount (assessment ledger only)".to_owned(),
        ),
        Rule::Increment {
            base,
            base_to,
            shares,
        } => {
            let base_amount = round(match base {
                Base::Year(y) => (input.amount_in)(*y),
                Base::Amount(a) => *a,
            });
            let kept = total.min(base_amount).max(Decimal::ZERO);
            let increment = (total - kept).max(Decimal::ZERO);
            let mut parts = split_by_shares(increment, shares);
            add_to(&mut parts, base_to, total - increment);
            let base_to = input.project.node_name(base_to);
            (
                parts,
                format!("基数 {base_amount} 归{base_to},只分享增量 {increment}"),
                format!(
                    "the base of {base_amount} stays with {base_to}; only the increment of {increment} is shared"
                ),
            )
        }
        Rule::Equity => (split_by_equity(agreement, total), none.0, none.1),
        Rule::FixedReturn {
            rate_pct,
            recipients,
            payer,
            escalation_pct,
        } => fixed_return(
            agreement,
            FixedReturn {
                rate_pct: *rate_pct,
                escalation_pct: *escalation_pct,
                recipients,
                payer,
            },
            input,
        ),
        Rule::PerUnit {
            payer,
            payee,
            per_unit,
            units,
            unit,
        } => {
            let due = round(*per_unit * *units);
            (
                vec![(payee.clone(), due), (payer.clone(), total - due)],
                format!("按 {units} {unit} × {per_unit} 固定支付 {due}(亏损也照付)"),
                format!("a fixed {due} = {units} {unit} × {per_unit}, paid even at a loss"),
            )
        }
        // Stateful or outside the split: handled by their own modules.
        Rule::Capped { .. } | Rule::Payment { .. } => (Vec::new(), none.0, none.1),
    }
}

/// The terms of a fixed return.
struct FixedReturn<'a> {
    rate_pct: Decimal,
    escalation_pct: Option<Decimal>,
    recipients: &'a [NodeId],
    payer: &'a NodeId,
}

/// The rate in the k-th year of the phase: rate × (1 + e/100)^k (exact, rounded only when the
/// money is).
pub(super) fn escalated_rate(
    rate_pct: Decimal,
    escalation_pct: Option<Decimal>,
    k: u32,
) -> Decimal {
    let Some(e) = escalation_pct.filter(|e| !e.is_zero()) else {
        return rate_pct;
    };
    let factor = Decimal::ONE + e / Decimal::ONE_HUNDRED;
    (0..k).fold(rate_pct, |rate, _| rate * factor)
}

/// Each recipient gets its rate on its capital; the payer keeps what is left of the amount
/// (or carries the difference when the returns exceed it).
fn fixed_return(agreement: &Agreement, terms: FixedReturn<'_>, input: &YearInput<'_>) -> Parts {
    let rate = escalated_rate(terms.rate_pct, terms.escalation_pct, input.k);
    let payer = terms.payer;
    let mut parts = Vec::new();
    let mut paid = Decimal::ZERO;
    for r in terms.recipients {
        let capital = agreement
            .party(r)
            .and_then(|p| p.capital)
            .unwrap_or_default();
        let due = round(capital * rate / Decimal::ONE_HUNDRED);
        paid += due;
        parts.push((r.clone(), due));
    }
    let rest = input.total - paid;
    parts.push((payer.clone(), rest));
    let payer = input.project.node_name(payer);
    let (mut zh, mut en) = if rest.is_sign_negative() && !rest.is_zero() {
        (
            format!("固定回报 {paid} 超过可分配额,差额 {} 由{payer}承担", -rest),
            format!(
                "fixed returns of {paid} exceed the amount; {payer} bears the {} difference",
                -rest
            ),
        )
    } else {
        (
            format!("固定回报 {paid}"),
            format!("fixed returns of {paid}"),
        )
    };
    if terms.escalation_pct.is_some_and(|e| !e.is_zero()) {
        let shown = rate.round_dp(4).normalize();
        zh = format!("{zh}(第 {} 年回报率 {shown}%)", input.k + 1);
        en = format!("{en} (year {} rate {shown} %)", input.k + 1);
    }
    (parts, zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn escalation_compounds_from_the_second_year() {
        // 10 % rising 10 % a year: 10, 11, 12.1.
        assert_eq!(escalated_rate(d("10"), Some(d("10")), 0), d("10"));
        assert_eq!(escalated_rate(d("10"), Some(d("10")), 1), d("11"));
        assert_eq!(escalated_rate(d("10"), Some(d("10")), 2), d("12.1"));
        assert_eq!(escalated_rate(d("10"), None, 5), d("10"));
    }
}
