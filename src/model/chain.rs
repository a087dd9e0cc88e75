//! Chains (产业链) and their ordered stages (环节) and products (产品).

use super::ids::{ChainId, StageId};
use serde::{Deserialize, Serialize};

/// One industry chain, e.g. 木耳. Its stages are ordered from upstream to downstream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Chain {
    pub id: ChainId,
    pub name: String,
    /// English name, shown when the UI speaks English (falls back to `name`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    /// Stages in chain order: upstream first, support services last.
    pub stages: Vec<Stage>,
    /// Where the chain comes among the project's chains (lanes, outline): by this number, then
    /// by id. Files written before chains could be reordered leave it 0, hence id order.
    #[serde(skip_serializing_if = "is_zero")]
    pub order: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The chains in the order the user put them in: by `order`, then by id.
pub fn chains_in_order(chains: &std::collections::BTreeMap<ChainId, Chain>) -> Vec<&Chain> {
    let mut ordered: Vec<&Chain> = chains.values().collect();
    // Stable: chains with the same number stay in id order, the map's order.
    ordered.sort_by_key(|c| c.order);
    ordered
}

/// A step of a chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    pub segment: Segment,
    /// What the stage needs or makes.
    pub products: Vec<Product>,
    // Issue 16 (延链 by conversion): additive, older files load unchanged.
    /// What the stage does, for the 加工产值比; unset: inferred (see `analysis::extension`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<StageActivity>,
    // Issue 20 (territory): additive.
    /// The land the stage's activity needs, for the 主体功能区 check and the town classes;
    /// unset: not judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub land_use: Option<super::territory::LandUse>,
}

/// What a stage does, as the 加工产值比 counts it (issue 16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageActivity {
    /// 农业生产: growing or raising farm produce (its output is 农业总产值).
    Farming,
    /// 农产品加工: primary and deep processing of farm produce (农产品加工业产值).
    Processing,
    /// Anything else: inputs, storage, trade, logistics, services.
    Other,
}

impl StageActivity {
    pub const ALL: [StageActivity; 3] = [
        StageActivity::Farming,
        StageActivity::Processing,
        StageActivity::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StageActivity::Farming => "farming",
            StageActivity::Processing => "processing",
            StageActivity::Other => "other",
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            StageActivity::Farming => lang.pick("农业生产", "Farming"),
            StageActivity::Processing => lang.pick("农产品加工", "Processing"),
            StageActivity::Other => lang.pick("其他", "Other"),
        }
    }
}

/// Where a stage sits in the chain.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    /// 上游
    #[default]
    Upstream,
    /// 中游
    Midstream,
    /// 下游
    Downstream,
    /// 支撑 (support services: testing, finance, recycling ...)
    Support,
}

impl Segment {
    pub const ALL: [Segment; 4] = [
        Segment::Upstream,
        Segment::Midstream,
        Segment::Downstream,
        Segment::Support,
    ];

    /// Label in the chosen language.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Segment::Upstream => lang.pick("上游", "Upstream"),
            Segment::Midstream => lang.pick("中游", "Midstream"),
            Segment::Downstream => lang.pick("下游", "Downstream"),
            Segment::Support => lang.pick("支撑", "Support"),
        }
    }
}

/// A product a stage makes or needs (菌种, 菌包, 干木耳, 冷链服务 ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Product {
    pub name: String,
    /// The chain cannot do without it: a required product with no local supplier is a gap (补链).
    pub required: bool,
}

impl Chain {
    /// The stage with this id, if the chain has it.
    pub fn stage(&self, id: &StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }
}
