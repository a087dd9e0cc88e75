//! The contract's own split of v(N), read from its schedule, for the core check.

use super::{Game, Q, decimal_to_q};
use num_traits::Zero;

/// The contract's split of v(N), for the core check beside Shapley and the nucleolus: v(N) in
/// the proportions of each party's cumulative fiscal transfers in the schedule (the real money
/// the contract moves); the assessment ledger when there is no fiscal row. None when the
/// schedule moves nothing.
pub fn contract_allocation(
    schedule: &crate::sharing::Schedule,
    game: &Game,
    parties: &[crate::model::NodeId],
) -> Option<Vec<Q>> {
    use crate::model::Ledger;
    let ledger = if schedule.rows.iter().any(|r| r.ledger == Ledger::Fiscal) {
        Ledger::Fiscal
    } else {
        Ledger::Assessment
    };
    let totals: Vec<Q> = parties
        .iter()
        .map(|p| {
            schedule
                .rows
                .iter()
                .filter(|r| r.ledger == ledger)
                .flat_map(|r| {
                    r.parts
                        .iter()
                        .filter(|(q, _)| q == p)
                        .map(|(_, v)| decimal_to_q(*v))
                })
                .fold(Q::zero(), |a, b| a + b)
        })
        .collect();
    let sum = totals.iter().fold(Q::zero(), |a, b| a + b);
    if sum.is_zero() {
        return None;
    }
    let grand = &game.values[game.grand()];
    Some(totals.iter().map(|t| grand * t / &sum).collect())
}
