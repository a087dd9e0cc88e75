//! Yearly split schedules of an agreement, per ledger and metric, from the figures of the firms
//! and parks in its scope (DOMAIN.md, "Benefit sharing"). Every rule kind works; the official
//! statistics ledger is always 100 % the host's whatever the contract says; money splits are
//! exact to the smallest unit.

use super::money::{self, round};
use crate::i18n::Lang;
use crate::model::{
    Agreement, Base, Cap, CostKind, CostSplit, Eligibility, Ledger, Metric, NodeId, PartyRole,
    PhaseId, Project, Rule, Share, Year,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One year of one phase: the amount and each party's part.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub year: Year,
    pub ledger: Ledger,
    pub metric: Metric,
    pub phase: PhaseId,
    pub rule: &'static str,
    /// The amount the phase splits this year (sum over the eligible firms in scope).
    pub total: Decimal,
    /// Each party's part, in party order. They add up to `total`, except under double counting.
    pub parts: Vec<(NodeId, Decimal)>,
    pub note_zh: String,
    pub note_en: String,
    // Issue 19: what the real agreements need to show.
    /// The firm a per-firm phase's row is about; none for a row of the whole scope (a
    /// per-firm phase also has a total row per year, with none here).
    pub firm: Option<NodeId>,
    /// The part of the tax a fiscal row splits (total for every other row).
    pub basis: crate::model::TaxBasis,
    /// The amount on that basis by tax type (empty when the figures give no types).
    pub tax_parts: Vec<(crate::model::TaxType, Decimal)>,
    /// Parts that move an amount from one party to another and net to zero (quota transfers,
    /// payments): `total` is the amount moved, the giver's part negative.
    pub transfer: bool,
    /// An assessment row under double counting: "仅用于考核,不对外发布" in every export.
    pub assessment_only: bool,
    /// For each group party with members, its part split between them.
    pub members: Vec<(NodeId, Vec<(String, Decimal)>)>,
}

impl Row {
    pub fn note(&self, lang: Lang) -> &str {
        lang.pick(&self.note_zh, &self.note_en)
    }

    /// A party's part this year, if it has one.
    pub fn part(&self, party: &NodeId) -> Option<Decimal> {
        part_of(&self.parts, party)
    }
}

impl CostRow {
    /// A party's share of the cost, if it has one.
    pub fn part(&self, party: &NodeId) -> Option<Decimal> {
        part_of(&self.parts, party)
    }
}

fn part_of(parts: &[(NodeId, Decimal)], party: &NodeId) -> Option<Decimal> {
    parts.iter().find(|(p, _)| p == party).map(|(_, v)| *v)
}

/// One shared cost.
#[derive(Debug, Clone, PartialEq)]
pub struct CostRow {
    pub year: Year,
    pub name: String,
    pub kind: CostKind,
    pub amount: Decimal,
    pub parts: Vec<(NodeId, Decimal)>,
}

/// Whether a firm in scope meets the agreement's eligibility rules, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct EligibilityResult {
    pub node: NodeId,
    pub eligible: bool,
    pub zh: String,
    pub en: String,
}

/// An agreement's schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub agreement: crate::model::AgreementId,
    pub from: Year,
    pub to: Year,
    pub parties: Vec<NodeId>,
    /// By ledger, metric, then year.
    pub rows: Vec<Row>,
    pub costs: Vec<CostRow>,
    pub eligibility: Vec<EligibilityResult>,
}

/// Computes the schedule of `agreement` for the years `from..=to` (default: from the first phase
/// year to the last year with figures in scope).
pub fn schedule(
    project: &Project,
    agreement: &Agreement,
    from: Option<Year>,
    to: Option<Year>,
) -> Schedule {
    let eligibility = check_eligibility(project, agreement);
    let eligible: Vec<&NodeId> = eligibility
        .iter()
        .filter(|e| e.eligible)
        .map(|e| &e.node)
        .collect();
    let amount = |metric: Metric, year: Year| -> Decimal {
        eligible
            .iter()
            .filter_map(|id| project.nodes.get(*id))
            .filter_map(|n| n.figures.get(&year))
            .filter_map(|f| metric_value(f, metric))
            .sum()
    };
    let first_phase = agreement
        .phases
        .iter()
        .filter_map(|p| agreement.phase_first_year(p))
        .min();
    let last_figures = agreement
        .scope
        .iter()
        .filter_map(|id| project.nodes.get(id))
        .filter_map(|n| n.figures.keys().next_back().copied())
        .max();
    let from = from
        .or(first_phase)
        .or(agreement.signed_year)
        .unwrap_or(2000);
    let to = to.or(last_figures).unwrap_or(from).max(from);
    let parties: Vec<NodeId> = agreement.parties.iter().map(|p| p.node.clone()).collect();
    let host = agreement
        .parties
        .iter()
        .find(|p| p.role == PartyRole::Host)
        .map(|p| p.node.clone());

    let mut rows = Vec::new();
    for phase in &agreement.phases {
        let Some((first, last)) = agreement.phase_years(phase) else {
            continue;
        };
        let nominal_last = last.unwrap_or(to);
        // Capped phases run on state from their first year, and may run longer.
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
            } => agreement
                .signed_year
                .map(|s| ((s - *n as Year)..s).map(|y| amount(phase.metric, y)).sum()),
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
        for year in first..=end {
            let in_extension = year > nominal_last;
            if in_extension && cap_reached {
                break;
            }
            let total = round(amount(phase.metric, year));
            let (mut parts, mut note_zh, mut note_en) = match &phase.rule {
                Rule::Capped {
                    shares,
                    capped_party,
                    remainder_to,
                    ..
                } => {
                    let cap = cap.unwrap_or(Decimal::ZERO);
                    let year_state = super::capped::CappedYear {
                        cap,
                        total,
                        in_extension,
                    };
                    let split = super::capped::Split {
                        shares,
                        capped_party,
                        remainder_to,
                    };
                    super::capped::capped_year(&year_state, &split, &mut received, &mut cap_reached)
                }
                rule => apply(agreement, rule, total, phase.metric, &amount),
            };
            if phase.ledger == Ledger::Statistics {
                statistics_in_place(host.as_ref(), total, &mut parts, &mut note_zh, &mut note_en);
            }
            if (from..=to).contains(&year) {
                rows.push(Row {
                    year,
                    ledger: phase.ledger,
                    metric: phase.metric,
                    phase: phase.id.clone(),
                    rule: phase.rule.code(),
                    total,
                    parts: in_party_order(&parties, parts),
                    note_zh,
                    note_en,
                    firm: None,
                    basis: phase.basis,
                    tax_parts: Vec::new(),
                    transfer: false,
                    assessment_only: false,
                    members: Vec::new(),
                });
            }
        }
    }
    rows.sort_by_key(|r| (r.ledger, r.metric, r.year));

    let costs = agreement
        .costs
        .iter()
        .map(|c| {
            let parts = match &c.split {
                CostSplit::Shares(shares) => split_by_shares(c.amount, shares),
                CostSplit::Equity => split_by_equity(agreement, c.amount),
            };
            CostRow {
                year: c.year,
                name: c.name.clone(),
                kind: c.kind,
                amount: round(c.amount),
                parts: in_party_order(&parties, parts),
            }
        })
        .collect();
    Schedule {
        agreement: agreement.id.clone(),
        from,
        to,
        parties,
        rows,
        costs,
        eligibility,
    }
}

fn metric_value(f: &crate::model::Figures, metric: Metric) -> Option<Decimal> {
    match metric {
        Metric::Output => f.output,
        Metric::ValueAdded => f.value_added,
        Metric::Tax => f.tax,
        Metric::Investment => f.investment,
        Metric::Profit => f.profit,
        Metric::Rent => f.rent,
        Metric::KeyProjects => f.key_projects,
        // Quotas are not figures of a firm: they move by the agreement's transfers.
        Metric::ConstructionLandMu | Metric::FarmlandBalanceMu | Metric::EnergyTce => None,
    }
}

pub(super) fn split_by_shares(amount: Decimal, shares: &[Share]) -> Vec<(NodeId, Decimal)> {
    let weights: Vec<Decimal> = shares.iter().map(|s| s.pct).collect();
    shares
        .iter()
        .map(|s| s.party.clone())
        .zip(money::split(amount, &weights))
        .collect()
}

fn split_by_equity(agreement: &Agreement, amount: Decimal) -> Vec<(NodeId, Decimal)> {
    let weights: Vec<Decimal> = agreement
        .parties
        .iter()
        .map(|p| p.equity_pct.unwrap_or_default())
        .collect();
    agreement
        .parties
        .iter()
        .map(|p| p.node.clone())
        .zip(money::split(amount, &weights))
        .collect()
}

pub(super) fn add_to(parts: &mut Vec<(NodeId, Decimal)>, party: &NodeId, amount: Decimal) {
    match parts.iter_mut().find(|(p, _)| p == party) {
        Some((_, v)) => *v += amount,
        None => parts.push((party.clone(), amount)),
    }
}

/// Parts merged per party and listed in the agreement's party order (others after, by id).
fn in_party_order(parties: &[NodeId], parts: Vec<(NodeId, Decimal)>) -> Vec<(NodeId, Decimal)> {
    let mut merged: BTreeMap<NodeId, Decimal> = BTreeMap::new();
    for (p, v) in parts {
        *merged.entry(p).or_default() += v;
    }
    let mut out: Vec<(NodeId, Decimal)> = parties
        .iter()
        .filter_map(|p| merged.remove(p).map(|v| (p.clone(), v)))
        .collect();
    out.extend(merged);
    out
}

/// Applies a rule that needs no state across years.
fn apply(
    agreement: &Agreement,
    rule: &Rule,
    total: Decimal,
    metric: Metric,
    amount: &dyn Fn(Metric, Year) -> Decimal,
) -> (Vec<(NodeId, Decimal)>, String, String) {
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
                Base::Year(y) => amount(metric, *y),
                Base::Amount(a) => *a,
            });
            let kept = total.min(base_amount).max(Decimal::ZERO);
            let increment = (total - kept).max(Decimal::ZERO);
            let mut parts = split_by_shares(increment, shares);
            add_to(&mut parts, base_to, total - increment);
            (
                parts,
                format!("基数 {base_amount} 归 {base_to},只分享增量 {increment}"),
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
            ..
        } => {
            let mut parts = Vec::new();
            let mut paid = Decimal::ZERO;
            for r in recipients {
                let capital = agreement
                    .party(r)
                    .and_then(|p| p.capital)
                    .unwrap_or_default();
                let due = round(capital * *rate_pct / Decimal::ONE_HUNDRED);
                paid += due;
                parts.push((r.clone(), due));
            }
            let rest = total - paid;
            parts.push((payer.clone(), rest));
            let (zh, en) = if rest.is_sign_negative() && !rest.is_zero() {
                (
                    format!(
                        "固定回报 {paid} 超过可分配额,差额 {} 由 {payer} 承担",
                        -rest
                    ),
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
            (parts, zh, en)
        }
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
        Rule::Capped { .. } => (Vec::new(), none.0, none.1),
        // TODO(issue 19, engine helper): payments as transfer rows.
        Rule::Payment { .. } => (Vec::new(), none.0, none.1),
    }
}

/// Applies the agreement's eligibility rules to each firm in scope.
fn check_eligibility(project: &Project, agreement: &Agreement) -> Vec<EligibilityResult> {
    agreement
        .scope
        .iter()
        .map(|id| {
            let mut result = EligibilityResult {
                node: id.clone(),
                eligible: true,
                zh: String::new(),
                en: String::new(),
            };
            for rule in &agreement.eligibility {
                let Eligibility::MinAverageBefore {
                    metric,
                    years,
                    at_least,
                } = rule;
                let Some(signed) = agreement.signed_year else {
                    result.eligible = false;
                    result.zh = "协议没有签约(迁入)年份,无法判断资格".to_owned();
                    result.en =
                        "the agreement has no signing (moving) year to judge eligibility by"
                            .to_owned();
                    continue;
                };
                let span = (signed - *years as Year)..signed;
                let node = project.nodes.get(id);
                let sum: Decimal = span
                    .clone()
                    .filter_map(|y| {
                        node.and_then(|n| n.figures.get(&y))
                            .and_then(|f| metric_value(f, *metric))
                    })
                    .sum();
                let average = round(sum / Decimal::from(*years.max(&1)));
                let ok = average >= *at_least;
                result.eligible &= ok;
                let (zh_metric, en_metric) = (metric.label(Lang::Zh), metric.label(Lang::En));
                let (first, last) = (span.start, span.end - 1);
                result.zh = format!(
                    "{first}–{last} 年平均{zh_metric} {average} {} {at_least}",
                    if ok { "≥" } else { "<" }
                );
                result.en = format!(
                    "average {en_metric} {first}–{last} of {average} is {} {at_least}",
                    if ok { "at least" } else { "below" }
                );
            }
            result
        })
        .collect()
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
