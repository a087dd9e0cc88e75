//! The project: pure data the user edits and saves. No egui, petgraph or rfd here.
//!
//! Collections are `BTreeMap`s keyed by id, so files and reports come out in a stable order.

pub mod agreement;
pub mod chain;
pub mod credit_code;
pub mod evaluation;
pub mod figures;
pub mod ids;
pub mod issue;
pub mod link;
pub mod meta;
pub mod node;
pub mod scenario;
pub mod targeting;
pub mod tax;
pub mod territory;
pub mod validate;
pub mod view;

pub use agreement::*;
pub use chain::*;
pub use evaluation::{FirmStatus, LandType, LandWeights, LeaderCriteria, LeaderWeights};
pub use ids::*;
pub use issue::{Issue, Severity};
pub use link::*;
pub use node::*;
pub use scenario::{FieldChanges, ItemChanges, Scenario, ScenarioChanges};
pub use targeting::{Candidate, CandidateStatus, ReferenceMatch};
pub use tax::{TaxBasis, TaxSharing, TaxType, Tier, TierShares};
pub use territory::{Boundary, LandUse, MainFunctionZone, RegionLevel, TownClass};
pub use view::*;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything a project file holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Project {
    pub meta: ProjectMeta,
    /// Chains in id order; each keeps its stages in chain order.
    pub chains: BTreeMap<ChainId, Chain>,
    pub nodes: BTreeMap<NodeId, Node>,
    pub links: BTreeMap<LinkId, Link>,
    pub agreements: BTreeMap<AgreementId, Agreement>,
    pub views: BTreeMap<ViewId, View>,
    /// Each compared chain's matching to its reference chain, by the project's chain id.
    pub references: BTreeMap<ChainId, ReferenceMatch>,
    /// The 招商 list: candidate firms by id.
    pub candidates: BTreeMap<String, Candidate>,
    /// Scenarios (方案) by id: named sets of edits on top of everything above.
    pub scenarios: BTreeMap<String, Scenario>,
}

/// Project-wide facts and settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectMeta {
    pub name: String,
    /// The county the project maps; nodes that are not external enterprises are inside it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub county: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The unit of every amount (万元 unless the project says otherwise).
    pub unit: String,
    /// The year whose figures analysis uses by default; the latest year on record when unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_year: Option<Year>,
    /// Land-efficiency classes, best first: a node is in the first class whose thresholds it meets.
    pub land_classes: Vec<LandClass>,
    // Issue 16: 链主 eligibility and score weights; the 亩均效益评价 indicator weights.
    /// Who may be a 链主 candidate, and how candidates are scored.
    #[serde(skip_serializing_if = "LeaderCriteria::is_default")]
    pub leader_criteria: LeaderCriteria,
    /// The weights of the 亩均 indicators.
    #[serde(skip_serializing_if = "LandWeights::is_default")]
    pub land_weights: LandWeights,
    // Issue 16 (local by place, 延链 by conversion): additive, older files load unchanged.
    /// The region node of the project's home county (本县): a node is local when its region, or
    /// its park's region, lies within it. None: local by kind (older files, fresh imports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_region: Option<NodeId>,
    /// Target 加工产值比 (farm-produce processing output : farm output); 2.8 when unset (the
    /// 2020–2025 national rural-industry plan).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub processing_target: Option<Decimal>,
    // Issue 19: the tiers' shares of each tax type, for fiscal phases on a retained basis.
    /// Central, provincial, city and county percentages per tax type (national central shares
    /// by default, the local part undivided until a province's split is entered).
    #[serde(skip_serializing_if = "TaxSharing::is_default")]
    pub tax_sharing: TaxSharing,
}

impl Default for ProjectMeta {
    fn default() -> Self {
        Self {
            name: String::new(),
            county: String::new(),
            description: String::new(),
            unit: "万元".to_owned(),
            base_year: None,
            land_classes: LandClass::defaults(),
            leader_criteria: LeaderCriteria::default(),
            land_weights: LandWeights::default(),
            home_region: None,
            processing_target: None,
            tax_sharing: TaxSharing::default(),
        }
    }
}

/// A land-efficiency class (亩均效益评价), e.g. A: 亩均税收 ≥ 30 万元/亩·年.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct LandClass {
    pub name: String,
    /// Minimum 亩均税收 (unit per 亩 per year).
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub min_tax_per_mu: Decimal,
    /// Minimum 亩均产值, when the class also asks for one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub min_output_per_mu: Option<Decimal>,
}

impl LandClass {
    /// The usual A/B/C/D thresholds of county evaluations (万元/亩·年).
    pub fn defaults() -> Vec<LandClass> {
        [("A", 30), ("B", 15), ("C", 6), ("D", 0)]
            .into_iter()
            .map(|(name, min)| LandClass {
                name: name.to_owned(),
                min_tax_per_mu: Decimal::from(min),
                min_output_per_mu: None,
            })
            .collect()
    }
}

impl Project {
    /// An empty project with a name.
    pub fn new(name: &str) -> Self {
        Self {
            meta: ProjectMeta {
                name: name.to_owned(),
                ..ProjectMeta::default()
            },
            ..Self::default()
        }
    }

    /// The chains in the order the user put them in.
    pub fn chains_in_order(&self) -> Vec<&Chain> {
        chain::chains_in_order(&self.chains)
    }

    /// Every stage of every chain, with its chain, in chain order.
    pub fn stages(&self) -> impl Iterator<Item = (&Chain, &Stage)> {
        self.chains_in_order()
            .into_iter()
            .flat_map(|c| c.stages.iter().map(move |s| (c, s)))
    }

    /// The year figures are entered and analysed for by default: the project's data year when
    /// set, else the latest year any node has figures for, else the year before `this_year`
    /// (a county's statistics for a year come out the year after).
    pub fn data_year(&self, this_year: Year) -> Year {
        self.meta
            .base_year
            .or_else(|| {
                self.nodes
                    .values()
                    .filter_map(|n| n.figures.keys().next_back())
                    .max()
                    .copied()
            })
            .unwrap_or(this_year - 1)
    }

    /// The stage with this id, with its chain.
    pub fn stage(&self, id: &StageId) -> Option<(&Chain, &Stage)> {
        // Chain order does not matter for a lookup, which runs per node in hot loops.
        self.chains
            .values()
            .find_map(|c| c.stage(id).map(|s| (c, s)))
    }

    /// A node's name for display, or its id when the node is missing.
    pub fn node_name(&self, id: &NodeId) -> String {
        self.nodes
            .get(id)
            .map(|n| n.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// Counts of nodes by kind, in kind order.
    pub fn node_counts(&self) -> BTreeMap<NodeKind, usize> {
        let mut counts = BTreeMap::new();
        for node in self.nodes.values() {
            *counts.entry(node.kind).or_default() += 1;
        }
        counts
    }

    /// Counts of links by kind, in kind order.
    pub fn link_counts(&self) -> BTreeMap<LinkKind, usize> {
        let mut counts = BTreeMap::new();
        for link in self.links.values() {
            *counts.entry(link.kind).or_default() += 1;
        }
        counts
    }
}
