//! Benefit sharing: agreements → yearly split schedules per ledger and metric, with exact money.

pub mod benchmark;
mod capped;
mod eligibility;
pub mod fair;
pub mod money;
mod payments;
mod per_firm;
mod phases;
mod quotas;
mod rules;
pub mod schedule;
mod taxes;

pub use quotas::QUOTA_RULE;
pub use schedule::{CostRow, EligibilityResult, Row, Schedule, assessment_mark, schedule};
