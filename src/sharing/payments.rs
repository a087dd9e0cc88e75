//! Payments from a payer outside the split of the figure (a province's increment rebate, a
//! one-off subsidy): a fixed sum each year of the phase, or a percentage of the phase amount's
//! increment above a base. A payment row moves money: the payee's part is the payment, the
//! payer's the same amount negative, and the row's total is the amount moved.

use super::money::round;
use super::rules::{Parts, YearInput};
use crate::model::{Base, NodeId, PaymentAmount, Project};
use rust_decimal::Decimal;

/// Who pays whom, and how much.
pub(super) struct Payment<'a> {
    pub payer: &'a NodeId,
    pub payee: &'a NodeId,
    pub amount: &'a PaymentAmount,
}

/// The amount paid this year, the parts (payee +, payer −) and the note saying what it is.
pub(super) fn payment_year(
    project: &Project,
    payment: &Payment<'_>,
    input: &YearInput<'_>,
) -> (Decimal, Parts) {
    let (payer, payee) = (
        project.node_name(payment.payer),
        project.node_name(payment.payee),
    );
    let (paid, zh, en) = match payment.amount {
        PaymentAmount::Fixed(v) => {
            let paid = round(*v);
            (
                paid,
                format!("{payer}向{payee}支付固定金额 {paid}"),
                format!("{payer} pays {payee} a fixed {paid}"),
            )
        }
        PaymentAmount::IncrementShare { base, pct } => {
            let base_amount = round(match base {
                Base::Year(y) => (input.amount_in)(*y),
                Base::Amount(a) => *a,
            });
            let increment = input.total - base_amount;
            let pct = pct.normalize();
            if increment > Decimal::ZERO {
                let paid = round(increment * pct / Decimal::ONE_HUNDRED);
                (
                    paid,
                    format!(
                        "{payer}按增量 {pct}% 返还{payee}:({} − 基数 {base_amount}) × {pct}% = {paid}",
                        input.total
                    ),
                    format!(
                        "{payer} pays {payee} {pct} % of the increment: ({} − base {base_amount}) × {pct} % = {paid}",
                        input.total
                    ),
                )
            } else {
                (
                    Decimal::ZERO,
                    format!(
                        "{payer}按增量 {pct}% 返还{payee}:本年 {} 未超过基数 {base_amount},不支付",
                        input.total
                    ),
                    format!(
                        "{payer} pays {payee} {pct} % of the increment: {} is not above the base of {base_amount}, nothing is paid",
                        input.total
                    ),
                )
            }
        }
    };
    (
        paid,
        (
            vec![
                (payment.payee.clone(), paid),
                (payment.payer.clone(), super::money::negated(paid)),
            ],
            zh,
            en,
        ),
    )
}
