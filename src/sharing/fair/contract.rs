//! The contract's own split of v(N), read from its schedule, for the core check: what each
//! party receives over the schedule's horizon across the money ledgers the agreement chose.

use super::{Game, Q, decimal_to_q};
use crate::model::{Ledger, NodeId};
use crate::sharing::{Row, Schedule};
use num_traits::Zero;
use rust_decimal::Decimal;

/// The money ledger a row counts in for the fair split, if any: quota settlements (the money
/// rows of quota transfers, in the fiscal or corporate ledger) count as `Ledger::Quota`; other
/// fiscal and corporate rows as their ledger. Quota rows in physical units, per-firm rows
/// (their total rows count) and the statistics and assessment ledgers count nowhere.
pub fn fair_ledger(row: &Row) -> Option<Ledger> {
    if row.firm.is_some() {
        return None;
    }
    match row.ledger {
        Ledger::Fiscal | Ledger::Corporate if row.metric.is_quota() => Some(Ledger::Quota),
        Ledger::Fiscal | Ledger::Corporate => Some(row.ledger),
        Ledger::Statistics | Ledger::Assessment | Ledger::Quota => None,
    }
}

/// What each of `parties` receives over the horizon in each of the schedule's fair ledgers:
/// one entry per chosen ledger (in `Ledger::MONEY` order), the totals in `parties` order.
pub fn ledger_totals(schedule: &Schedule, parties: &[NodeId]) -> Vec<(Ledger, Vec<Decimal>)> {
    schedule
        .fair_ledgers
        .iter()
        .map(|ledger| {
            let totals = parties
                .iter()
                .map(|p| {
                    schedule
                        .rows
                        .iter()
                        .filter(|r| fair_ledger(r) == Some(*ledger))
                        .filter_map(|r| r.part(p))
                        .sum()
                })
                .collect();
            (*ledger, totals)
        })
        .collect()
}

/// What each of `parties` receives over the horizon across the schedule's fair ledgers.
pub fn received_totals(schedule: &Schedule, parties: &[NodeId]) -> Vec<Decimal> {
    let mut sums = vec![Decimal::ZERO; parties.len()];
    for (_, totals) in ledger_totals(schedule, parties) {
        for (sum, t) in sums.iter_mut().zip(totals) {
            *sum += t;
        }
    }
    sums
}

/// The contract's split of v(N), for the core check beside Shapley and the nucleolus: v(N) in
/// the proportions of what each party receives over the horizon across the agreement's fair
/// ledgers (fiscal, corporate and quota settlements unless it chose fewer). None when those
/// ledgers move nothing.
pub fn contract_allocation(schedule: &Schedule, game: &Game, parties: &[NodeId]) -> Option<Vec<Q>> {
    let totals: Vec<Q> = received_totals(schedule, parties)
        .into_iter()
        .map(decimal_to_q)
        .collect();
    let sum = totals.iter().fold(Q::zero(), |a, b| a + b);
    if sum.is_zero() {
        return None;
    }
    let grand = &game.values[game.grand()];
    Some(totals.iter().map(|t| grand * t / &sum).collect())
}
