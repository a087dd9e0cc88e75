//! Yearly split schedules of an agreement, per ledger and metric, from the figures of the firms
//! and parks in its scope (DOMAIN.md, "Benefit sharing"). Every rule kind works; the official
//! statistics ledger is always 100 % the host's whatever the contract says; money splits are
//! exact to the smallest unit.
//!
//! This module holds the rows and puts the schedule together: eligibility (`eligibility`), each
//! phase's runs (`phases`, per firm in `per_firm`) on its tax basis (`taxes`) under its rule
//! (`rules`, `capped`, `payments`), quota transfers (`quotas`), and group members' parts.

use super::eligibility::check_eligibility;
use super::money::{self, round};
use super::per_firm::per_firm_rows;
use super::phases::{Context, Run, phase_span, run_phase};
use super::quotas::quota_rows;
use crate::i18n::Lang;
use crate::model::{
    Agreement, CostKind, CostSplit, Ledger, Metric, NodeId, PartyRole, PhaseId, Project, Share,
    Year,
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

    /// The unit of the row's amounts when they are not money: the physical unit of a quota
    /// row (亩, tce), the count of key projects; none for money (the project's money unit),
    /// the money rows of quota settlements included.
    pub fn unit(&self, lang: Lang) -> Option<&'static str> {
        match (self.ledger, self.metric) {
            (Ledger::Quota, m) | (_, m @ Metric::KeyProjects) => m.unit(lang),
            _ => None,
        }
    }

    /// The row's tax basis when it splits the tax of the fiscal ledger (none for other rows,
    /// which always count the whole figure).
    pub fn tax_basis(&self) -> Option<crate::model::TaxBasis> {
        (self.ledger == Ledger::Fiscal && self.metric == Metric::Tax && !self.transfer)
            .then_some(self.basis)
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
    /// By ledger, metric, then year; within a year, a per-firm phase's firm rows come before
    /// its total row.
    pub rows: Vec<Row>,
    pub costs: Vec<CostRow>,
    pub eligibility: Vec<EligibilityResult>,
    /// The money ledgers the fair split judges the contract on: the agreement's choice of
    /// money ledgers, or all of them (`Ledger::MONEY`) when it chose none.
    pub fair_ledgers: Vec<Ledger>,
}

/// The mark of assessment figures counted by both sides: they may not be published.
pub fn assessment_mark(lang: Lang) -> &'static str {
    lang.pick(
        "仅用于考核，不对外发布",
        "for assessment only, not for publication",
    )
}

/// Computes the schedule of `agreement` for the years `from..=to` (default: from the first phase
/// year to the last year with figures in scope or with a quota transfer).
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
    let (from, to) = horizon(project, agreement, from, to);
    let parties: Vec<NodeId> = agreement.parties.iter().map(|p| p.node.clone()).collect();
    let host = agreement
        .parties
        .iter()
        .find(|p| p.role == PartyRole::Host)
        .map(|p| &p.node);
    let ctx = Context {
        project,
        agreement,
        parties: &parties,
        host,
        from,
        to,
    };
    let mut rows = Vec::new();
    for phase in &agreement.phases {
        if phase.per_firm {
            rows.extend(per_firm_rows(&ctx, phase, &eligible));
        } else {
            let run = Run {
                firms: eligible.clone(),
                moved: agreement.signed_year,
                production: agreement.production_year,
                firm: None,
            };
            rows.extend(run_phase(&ctx, phase, &run));
        }
    }
    rows.extend(quota_rows(project, agreement, &parties, (from, to)));
    rows.sort_by_key(|r| (r.ledger, r.metric, r.year));
    for row in &mut rows {
        row.members = member_parts(agreement, &row.parts);
    }

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
    let chosen: Vec<Ledger> = Ledger::MONEY
        .into_iter()
        .filter(|l| agreement.fair_ledgers.contains(l))
        .collect();
    Schedule {
        agreement: agreement.id.clone(),
        from,
        to,
        parties,
        rows,
        costs,
        eligibility,
        fair_ledgers: if chosen.is_empty() {
            Ledger::MONEY.to_vec()
        } else {
            chosen
        },
    }
}

/// The schedule's years: those asked for, else from the first phase year (each firm's own
/// for a per-firm phase) or quota transfer to the last year with figures in scope or a
/// transfer.
fn horizon(
    project: &Project,
    agreement: &Agreement,
    from: Option<Year>,
    to: Option<Year>,
) -> (Year, Year) {
    let phase_firsts = agreement.phases.iter().flat_map(|p| {
        let anchors: Vec<(Option<Year>, Option<Year>)> = if p.per_firm {
            agreement
                .scope
                .iter()
                .map(|n| agreement.firm_years(n))
                .collect()
        } else {
            vec![(agreement.signed_year, agreement.production_year)]
        };
        anchors
            .into_iter()
            .filter_map(|(m, pr)| phase_span(p, m, pr).map(|s| s.0))
    });
    let quota_years = agreement.quotas.iter().map(|q| q.year);
    let first = phase_firsts.chain(quota_years.clone()).min();
    let last_figures = agreement
        .scope
        .iter()
        .filter_map(|id| project.nodes.get(id))
        .filter_map(|n| n.figures.keys().next_back().copied())
        .chain(quota_years)
        .max();
    let from = from.or(first).or(agreement.signed_year).unwrap_or(2000);
    let to = to.or(last_figures).unwrap_or(from).max(from);
    (from, to)
}

/// For each group party with a part, that part split between its members by their shares
/// (exact: the members' parts add up to the party's).
fn member_parts(
    agreement: &Agreement,
    parts: &[(NodeId, Decimal)],
) -> Vec<(NodeId, Vec<(String, Decimal)>)> {
    parts
        .iter()
        .filter_map(|(party, amount)| {
            let p = agreement.party(party).filter(|p| !p.members.is_empty())?;
            let weights: Vec<Decimal> = p.members.iter().map(|m| m.share_pct).collect();
            let split = money::split(*amount, &weights);
            Some((
                party.clone(),
                p.members
                    .iter()
                    .map(|m| m.name.clone())
                    .zip(split)
                    .collect(),
            ))
        })
        .collect()
}

pub(super) fn split_by_shares(amount: Decimal, shares: &[Share]) -> Vec<(NodeId, Decimal)> {
    let weights: Vec<Decimal> = shares.iter().map(|s| s.pct).collect();
    shares
        .iter()
        .map(|s| s.party.clone())
        .zip(money::split(amount, &weights))
        .collect()
}

pub(super) fn split_by_equity(agreement: &Agreement, amount: Decimal) -> Vec<(NodeId, Decimal)> {
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
pub(super) fn in_party_order(
    parties: &[NodeId],
    parts: Vec<(NodeId, Decimal)>,
) -> Vec<(NodeId, Decimal)> {
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
