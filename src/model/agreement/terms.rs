//! The parts of an agreement that real enclave documents add beyond yearly phases (issue 19):
//! each relocated firm's own anchor years (京津冀 92号 counts from every firm's own move), quota
//! transfers in physical units settled at a price (建设用地指标, 耕地占补, 能耗指标), the members of a
//! group party (鄞衢 消薄飞地: 162 village collectives as one party) and what a payment from a
//! higher level amounts to.

use super::Base;
use crate::model::ids::NodeId;
use crate::model::node::Year;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A scoped firm's own move: the year it moved (its eligibility, `prior_years` cap and
/// `after_signing` phases count from it) and its first production year (`after_production`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Anchor {
    pub node: NodeId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_year: Option<Year>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub production_year: Option<Year>,
}

/// Where the money of a priced quota transfer is booked.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Settlement {
    /// Between treasuries (财税分成).
    #[default]
    Fiscal,
    /// Between investors or platforms (企业收益).
    Corporate,
}

/// Quota moved from one party to another in one year; with a price, the receiver pays
/// `amount × price` to the giver in the settlement ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct QuotaTransfer {
    pub year: Year,
    /// One of the quota metrics (`Metric::QUOTA`).
    pub metric: super::Metric,
    /// Who gives the quota up.
    pub from: NodeId,
    /// Who receives it.
    pub to: NodeId,
    /// In the metric's unit (亩 or tce).
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount: Decimal,
    /// Money per unit, in the project's money unit; none for a transfer without payment.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub price: Option<Decimal>,
    pub settle_in: Settlement,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A member of a group party and its share of what the party receives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Member {
    pub name: String,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub share_pct: Decimal,
}

/// How much a payment from a higher level (or any payer) is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentAmount {
    /// A fixed sum each year of the phase (a one-off payment is a one-year phase).
    Fixed(#[serde(with = "rust_decimal::serde::arbitrary_precision")] Decimal),
    /// `pct` % of the phase metric's increment above `base` (a province's increment rebate).
    IncrementShare {
        base: Base,
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        pct: Decimal,
    },
}

impl Default for PaymentAmount {
    fn default() -> Self {
        PaymentAmount::Fixed(Decimal::ZERO)
    }
}
