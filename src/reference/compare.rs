//! A project's chain set against its reference chain (全景图 vs 现状): which reference stages
//! and products the county has, has weakly, or lacks, under the matching the user confirmed.

use crate::analysis::Status;
use crate::model::{ChainId, Segment, StageId};

/// One compared chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The project's chain.
    pub chain: ChainId,
    /// The reference chain's template id.
    pub template: String,
    /// The template has been revised since the matching was confirmed (or is not built in any
    /// more): the user should confirm the matching again.
    pub stale: bool,
    /// Every reference stage, in the reference chain's order.
    pub stages: Vec<StageComparison>,
    /// Every reference product, in stage order, then as the template lists them.
    pub products: Vec<ProductComparison>,
}

/// A reference stage and what the county has of it.
#[derive(Debug, Clone, PartialEq)]
pub struct StageComparison {
    /// Its id in the template.
    pub reference: StageId,
    pub name: String,
    pub name_en: String,
    pub segment: Segment,
    /// The project's stage matched to it, if any.
    pub project: Option<StageId>,
    /// Missing when unmatched or the matched stage has no local firm; else the project stage's
    /// status.
    pub status: Status,
}

/// A reference product and what the county has of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductComparison {
    /// The reference stage that lists it.
    pub reference_stage: StageId,
    /// Its name in the template.
    pub name: String,
    /// The project's name for it, if matched.
    pub project_name: Option<String>,
    pub required: bool,
    /// Missing when no local firm can supply it; weak or ok as the project's product report
    /// says.
    pub status: Status,
}
