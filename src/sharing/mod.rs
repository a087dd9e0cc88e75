//! Benefit sharing: agreements → yearly split schedules per ledger and metric, with exact money.

pub mod benchmark;
mod capped;
pub mod fair;
pub mod money;
pub mod schedule;

pub use schedule::{CostRow, EligibilityResult, Row, Schedule, schedule};
