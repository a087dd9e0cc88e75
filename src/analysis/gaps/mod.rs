//! Stage coverage, product completeness, local supporting rates and the four gap classes, as
//! DOMAIN.md defines them:
//!
//! - **missing (补链)**: a required product with no local supplier; a stage (not downstream) with
//!   no local enterprise;
//! - **weak (强链)**: a required product with exactly one local supplier, or supplier
//!   concentration HHI = Σ sᵢ² ≥ 0.5 over the suppliers' shares of its supply value; a stage
//!   with exactly one local enterprise;
//! - **extend (延链)**: a downstream stage with no local enterprise, or downstream output below
//!   20 % of midstream output (our design);
//! - **at risk (固链)**: a key buyer's main supply of a product comes from outside the county.
//!   Key buyers (our design): firms tagged 链主 or 规上, and the three best chain-leader candidates.
//!
//! A product's suppliers are the nodes of its stage that deliver it (supply links carrying the
//! product's name). A stage's local supporting rate counts the supply into buyers whose main stage
//! it is.
//!
//! `coverage` works out each stage and product and their gaps; `chain_level` the gaps of the
//! chain as a whole (延链 by output, 固链); this file holds the reports and puts them together.

mod chain_level;
mod coverage;

use super::graph::SupplyGraph;
use super::leaders::LeaderReport;
use crate::i18n::Lang;
use crate::model::{ChainId, LinkKind, NodeId, Project, Segment, StageId, Year};
use coverage::SupplyIndex;
use rust_decimal::prelude::ToPrimitive;

/// Downstream output below this share of midstream output is a gap (延链; our design).
pub const EXTEND_THRESHOLD: f64 = 0.2;
/// Supplier concentration at or above this is weak (强链).
pub const HHI_WEAK: f64 = 0.5;

/// How well a stage or product is covered locally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Missing,
    Weak,
    Ok,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Weak => "weak",
            Status::Ok => "ok",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Missing => lang.pick("缺失", "Missing"),
            Status::Weak => lang.pick("薄弱", "Weak"),
            Status::Ok => lang.pick("完整", "OK"),
        }
    }
}

/// The four gap classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GapClass {
    Missing,
    Weak,
    Extend,
    AtRisk,
}

impl GapClass {
    pub const ALL: [GapClass; 4] = [
        GapClass::Missing,
        GapClass::Weak,
        GapClass::Extend,
        GapClass::AtRisk,
    ];

    pub fn code(self) -> &'static str {
        match self {
            GapClass::Missing => "missing",
            GapClass::Weak => "weak",
            GapClass::Extend => "extend",
            GapClass::AtRisk => "at_risk",
        }
    }

    /// What the finding is, in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            GapClass::Missing => lang.pick("缺失", "Missing"),
            GapClass::Weak => lang.pick("薄弱", "Weak"),
            GapClass::Extend => lang.pick("可延伸", "To extend"),
            GapClass::AtRisk => lang.pick("有风险", "At risk"),
        }
    }

    /// The policy word for it.
    pub fn action(self, lang: Lang) -> &'static str {
        match self {
            GapClass::Missing => lang.pick("补链", "Fill"),
            GapClass::Weak => lang.pick("强链", "Strengthen"),
            GapClass::Extend => lang.pick("延链", "Extend"),
            GapClass::AtRisk => lang.pick("固链", "Secure"),
        }
    }

    /// What to do about it.
    pub fn advice(self, lang: Lang) -> &'static str {
        match self {
            GapClass::Missing => {
                lang.pick("招引或培育本地供应商", "attract or grow a local supplier")
            }
            GapClass::Weak => lang.pick(
                "培育第二家本地供应商,分散集中度",
                "grow a second local supplier to spread the risk",
            ),
            GapClass::Extend => lang.pick(
                "向下游精深加工、品牌和文旅延伸",
                "extend downstream: deep processing, brands, tourism",
            ),
            GapClass::AtRisk => lang.pick(
                "推动关键供应本地化或建立备份供应",
                "localise the key supply or secure a backup",
            ),
        }
    }
}

/// Coverage figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Completeness {
    /// Stages with ≥ 1 local enterprise ÷ all stages; none when there are no stages.
    pub stage: Option<f64>,
    /// Required products with ≥ 1 local supplier ÷ required products; none when none required.
    pub product: Option<f64>,
    pub stages_covered: usize,
    pub stages_total: usize,
    pub products_covered: usize,
    pub products_required: usize,
}

/// One stage.
#[derive(Debug, Clone, PartialEq)]
pub struct StageReport {
    pub id: StageId,
    pub chain: ChainId,
    pub name: String,
    pub segment: Segment,
    pub local_enterprises: Vec<NodeId>,
    /// Output of its local enterprises.
    pub output: f64,
    pub local_supporting_rate: Option<f64>,
    pub status: Status,
}

/// One product of a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductReport {
    pub stage: StageId,
    pub name: String,
    pub required: bool,
    pub status: Status,
    /// Local suppliers, by id.
    pub suppliers: Vec<NodeId>,
    pub external_suppliers: Vec<NodeId>,
    /// Σ sᵢ² over all suppliers' shares of the product's supply value; none without values.
    pub hhi: Option<f64>,
}

/// One gap, with what to do and who is involved.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub class: GapClass,
    pub stage: Option<StageId>,
    pub product: Option<String>,
    pub nodes: Vec<NodeId>,
    pub zh: String,
    pub en: String,
}

impl Gap {
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

pub(super) struct GapReport {
    pub completeness: Completeness,
    pub local_supporting_rate: Option<f64>,
    pub stages: Vec<StageReport>,
    pub products: Vec<ProductReport>,
    pub gaps: Vec<Gap>,
}

fn rate(local: f64, total: f64, any: bool) -> Option<f64> {
    (any && total > 0.0).then(|| local / total)
}

/// Local supporting rate of every node of the graph, as a buyer.
pub(super) fn buyer_rates(project: &Project, graph: &SupplyGraph) -> Vec<Option<f64>> {
    let mut local = vec![0.0; graph.len()];
    let mut total = vec![0.0; graph.len()];
    let mut any = vec![false; graph.len()];
    for link in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
    {
        let (Some(&b), Some(supplier)) = (graph.index.get(&link.to), project.nodes.get(&link.from))
        else {
            continue;
        };
        if !supplier.kind.is_enterprise_like() {
            continue;
        }
        let v = link.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
        any[b] = true;
        total[b] += v;
        if supplier.kind.is_local() {
            local[b] += v;
        }
    }
    (0..graph.len())
        .map(|i| rate(local[i], total[i], any[i]))
        .collect()
}

pub(super) fn analyse(
    project: &Project,
    chain: Option<&ChainId>,
    year: Option<Year>,
    leaders: &[LeaderReport],
) -> GapReport {
    let stages: Vec<_> = project
        .stages()
        .filter(|(c, _)| chain.is_none_or(|id| &c.id == id))
        .collect();
    let index = SupplyIndex::new(project);
    let mut gaps = Vec::new();
    let mut stage_reports = Vec::new();
    let mut products = Vec::new();
    let (mut chain_local, mut chain_total, mut chain_any) = (0.0, 0.0, false);
    for (chain_of, stage) in &stages {
        let (l, t, any) = index.supply_into_stage(&stage.id);
        chain_local += l;
        chain_total += t;
        chain_any |= any;
        let report = coverage::stage_report(&index, chain_of, stage, year, &mut gaps);
        for product in &stage.products {
            products.push(coverage::product_report(&index, stage, product, &mut gaps));
        }
        stage_reports.push(report);
    }
    gaps.extend(chain_level::extend_gap(
        project,
        &stages,
        &stage_reports,
        year,
    ));
    chain_level::at_risk_gaps(project, &index, chain, &stages, leaders, &mut gaps);

    let required: Vec<&ProductReport> = products.iter().filter(|p| p.required).collect();
    let covered_stages = stage_reports
        .iter()
        .filter(|s| !s.local_enterprises.is_empty())
        .count();
    let covered_products = required.iter().filter(|p| !p.suppliers.is_empty()).count();
    let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    GapReport {
        completeness: Completeness {
            stage: ratio(covered_stages, stage_reports.len()),
            product: ratio(covered_products, required.len()),
            stages_covered: covered_stages,
            stages_total: stage_reports.len(),
            products_covered: covered_products,
            products_required: required.len(),
        },
        local_supporting_rate: rate(chain_local, chain_total, chain_any),
        stages: stage_reports,
        products,
        gaps,
    }
}
