//! What a project keeps of its comparison with reference chains (全景图 vs 现状) and of its
//! 招商 work: the confirmed matching of each compared chain to a reference chain, and the
//! candidate firms to attract with where the county stands with each.

use super::ids::{ChainId, StageId};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How one of the project's chains corresponds to a reference chain, as the user confirmed it.
/// Every reference stage and product is listed, matched or not, so the file shows what the
/// user decided and a stale matching (the template has changed since) can be told apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ReferenceMatch {
    /// The project's chain compared (one reference per chain).
    pub chain: ChainId,
    /// The reference chain's id (a built-in template).
    pub template: String,
    /// The template revision the matching was confirmed against.
    pub revision: u32,
    /// Each reference stage, by its id in the template: the project stage that does the same
    /// work, or none when the county has no such stage.
    pub stages: BTreeMap<StageId, Option<StageId>>,
    /// Each reference product, by its name in the template: the project's name for it, or
    /// none when the project's chain does not list it.
    pub products: BTreeMap<String, Option<String>>,
}

/// A firm the county could attract (招商对象), from the list the user imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Candidate {
    /// Stable id within the project (`c1`, `c2` …).
    pub id: String,
    pub name: String,
    /// Where the firm is (province, city or county as the list gives it).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// What it makes or offers, as the list names them.
    pub products: Vec<String>,
    /// Yearly revenue (营业收入) in the project's unit; none when the list does not say.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub revenue: Option<Decimal>,
    /// 上市, 专精特新, 小巨人, 龙头, 高新 …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Where the county's contact with it stands.
    pub status: CandidateStatus,
    /// The user's note (who met them, what they asked for).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Where the county stands with a candidate.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum CandidateStatus {
    /// Not yet approached.
    #[default]
    New,
    /// 已接洽: approached, talks under way.
    Contacted,
    /// 已签约: an agreement signed.
    Signed,
    /// 已放弃: no longer pursued.
    Dropped,
}

impl CandidateStatus {
    pub const ALL: [CandidateStatus; 4] = [
        CandidateStatus::New,
        CandidateStatus::Contacted,
        CandidateStatus::Signed,
        CandidateStatus::Dropped,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CandidateStatus::New => "new",
            CandidateStatus::Contacted => "contacted",
            CandidateStatus::Signed => "signed",
            CandidateStatus::Dropped => "dropped",
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            CandidateStatus::New => lang.pick("未接洽", "Not contacted"),
            CandidateStatus::Contacted => lang.pick("已接洽", "Contacted"),
            CandidateStatus::Signed => lang.pick("已签约", "Signed"),
            CandidateStatus::Dropped => lang.pick("已放弃", "Dropped"),
        }
    }
}
