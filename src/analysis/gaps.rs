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

use super::graph::SupplyGraph;
use super::leaders::LeaderReport;
use super::output;
use crate::i18n::Lang;
use crate::model::{ChainId, LinkKind, NodeId, Project, Segment, StageId, Year};
use rust_decimal::prelude::ToPrimitive;
use std::collections::{BTreeMap, BTreeSet};

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
            Status::Missing => lang.pick("缺失", "missing"),
            Status::Weak => lang.pick("薄弱", "weak"),
            Status::Ok => lang.pick("完整", "ok"),
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
            GapClass::Missing => lang.pick("缺失", "missing"),
            GapClass::Weak => lang.pick("薄弱", "weak"),
            GapClass::Extend => lang.pick("可延伸", "to extend"),
            GapClass::AtRisk => lang.pick("有风险", "at risk"),
        }
    }

    /// The policy word for it.
    pub fn action(self, lang: Lang) -> &'static str {
        match self {
            GapClass::Missing => lang.pick("补链", "fill"),
            GapClass::Weak => lang.pick("强链", "strengthen"),
            GapClass::Extend => lang.pick("延链", "extend"),
            GapClass::AtRisk => lang.pick("固链", "secure"),
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
    let stage_ids: BTreeSet<&StageId> = stages.iter().map(|(_, s)| &s.id).collect();
    let supply: Vec<_> = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
        .filter(|l| {
            project
                .nodes
                .get(&l.from)
                .is_some_and(|n| n.kind.is_enterprise_like())
                && project
                    .nodes
                    .get(&l.to)
                    .is_some_and(|n| n.kind.is_enterprise_like())
        })
        .collect();
    let value = |l: &crate::model::Link| l.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
    let is_local = |id: &NodeId| project.nodes.get(id).is_some_and(|n| n.kind.is_local());

    // One pass over nodes and links to index what the per-stage and per-product loops need, so
    // the work stays linear in the size of the project.
    let mut members_of: BTreeMap<&StageId, Vec<&crate::model::Node>> = BTreeMap::new();
    for node in project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like())
    {
        for stage in &node.stages {
            members_of.entry(stage).or_default().push(node);
        }
    }
    let mut into_stage: BTreeMap<&StageId, (f64, f64)> = BTreeMap::new();
    let mut by_product: BTreeMap<&str, Vec<&crate::model::Link>> = BTreeMap::new();
    let mut by_buyer: BTreeMap<&NodeId, Vec<&crate::model::Link>> = BTreeMap::new();
    for link in &supply {
        if let Some(stage) = project.nodes[&link.to].main_stage() {
            let entry = into_stage.entry(stage).or_default();
            entry.1 += value(link);
            if is_local(&link.from) {
                entry.0 += value(link);
            }
        }
        by_product
            .entry(link.product.as_str())
            .or_default()
            .push(link);
        by_buyer.entry(&link.to).or_default().push(link);
    }

    let mut gaps = Vec::new();
    let mut stage_reports = Vec::new();
    let mut products = Vec::new();
    let (mut chain_local, mut chain_total, mut chain_any) = (0.0, 0.0, false);
    for (chain_of, stage) in &stages {
        let name_en = if stage.name_en.is_empty() {
            &stage.name
        } else {
            &stage.name_en
        };
        let members: &[&crate::model::Node] = members_of
            .get(&stage.id)
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        let local: Vec<NodeId> = members
            .iter()
            .filter(|n| n.kind.is_local())
            .map(|n| n.id.clone())
            .collect();
        let external: Vec<NodeId> = members
            .iter()
            .filter(|n| !n.kind.is_local())
            .map(|n| n.id.clone())
            .collect();
        let stage_output: f64 = members
            .iter()
            .filter(|n| n.kind.is_local())
            .map(|n| output(n, year))
            .fold(0.0, |a, b| a + b);
        let (l, t, any) = match into_stage.get(&stage.id) {
            Some(&(l, t)) => (l, t, true),
            None => (0.0, 0.0, false),
        };
        chain_local += l;
        chain_total += t;
        chain_any |= any;
        let status = match local.len() {
            0 => Status::Missing,
            1 => Status::Weak,
            _ => Status::Ok,
        };
        match status {
            Status::Missing => {
                let class = if stage.segment == Segment::Downstream {
                    GapClass::Extend
                } else {
                    GapClass::Missing
                };
                gaps.push(Gap {
                    class,
                    stage: Some(stage.id.clone()),
                    product: None,
                    nodes: external.clone(),
                    zh: format!("环节“{}”没有本地企业", stage.name),
                    en: format!("stage \"{name_en}\" has no local enterprise"),
                });
            }
            Status::Weak => gaps.push(Gap {
                class: GapClass::Weak,
                stage: Some(stage.id.clone()),
                product: None,
                nodes: local.clone(),
                zh: format!("环节“{}”只有一家本地企业", stage.name),
                en: format!("stage \"{name_en}\" has only one local enterprise"),
            }),
            Status::Ok => {}
        }
        for product in &stage.products {
            let mut by_supplier: BTreeMap<&NodeId, f64> = BTreeMap::new();
            for link in by_product
                .get(product.name.as_str())
                .map(|v| v.as_slice())
                .unwrap_or(&[])
            {
                if project.nodes[&link.from].stages.contains(&stage.id) {
                    *by_supplier.entry(&link.from).or_default() += value(link);
                }
            }
            let suppliers: Vec<NodeId> = by_supplier
                .keys()
                .filter(|id| is_local(id))
                .map(|id| (*id).clone())
                .collect();
            let external_suppliers: Vec<NodeId> = by_supplier
                .keys()
                .filter(|id| !is_local(id))
                .map(|id| (*id).clone())
                .collect();
            let total: f64 = by_supplier.values().fold(0.0, |a, b| a + b);
            let hhi = (total > 0.0).then(|| {
                by_supplier
                    .values()
                    .map(|v| (v / total).powi(2))
                    .sum::<f64>()
            });
            let status = if suppliers.is_empty() {
                Status::Missing
            } else if suppliers.len() == 1 || hhi.is_some_and(|h| h >= HHI_WEAK) {
                Status::Weak
            } else {
                Status::Ok
            };
            if product.required {
                match status {
                    Status::Missing => gaps.push(Gap {
                        class: GapClass::Missing,
                        stage: Some(stage.id.clone()),
                        product: Some(product.name.clone()),
                        nodes: external_suppliers.clone(),
                        zh: format!(
                            "“{}”环节的必需产品“{}”没有本地供应商",
                            stage.name, product.name
                        ),
                        en: format!(
                            "required product \"{}\" of stage \"{name_en}\" has no local supplier",
                            product.name
                        ),
                    }),
                    Status::Weak => {
                        let (zh, en) = if suppliers.len() == 1 {
                            (
                                format!("“{}”只有一家本地供应商", product.name),
                                format!("\"{}\" has a single local supplier", product.name),
                            )
                        } else {
                            let h = hhi.unwrap_or(0.0);
                            (
                                format!("“{}”的供应高度集中(HHI = {h:.2})", product.name),
                                format!(
                                    "supply of \"{}\" is concentrated (HHI = {h:.2})",
                                    product.name
                                ),
                            )
                        };
                        gaps.push(Gap {
                            class: GapClass::Weak,
                            stage: Some(stage.id.clone()),
                            product: Some(product.name.clone()),
                            nodes: suppliers.clone(),
                            zh,
                            en,
                        });
                    }
                    Status::Ok => {}
                }
            }
            products.push(ProductReport {
                stage: stage.id.clone(),
                name: product.name.clone(),
                required: product.required,
                status,
                suppliers,
                external_suppliers,
                hhi,
            });
        }
        stage_reports.push(StageReport {
            id: stage.id.clone(),
            chain: chain_of.id.clone(),
            name: stage.name.clone(),
            segment: stage.segment,
            local_enterprises: local,
            output: stage_output,
            local_supporting_rate: rate(l, t, any),
            status,
        });
    }

    // 延链: downstream output small next to the midstream output it could process.
    // Each firm counts once, under its main stage, however many stages it lists.
    let segment_output = |seg: Segment| -> f64 {
        project
            .nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like() && n.kind.is_local())
            .filter(|n| {
                n.main_stage()
                    .and_then(|st| stages.iter().find(|(_, s)| &s.id == st))
                    .is_some_and(|(_, s)| s.segment == seg)
            })
            .map(|n| output(n, year))
            .fold(0.0, |a, b| a + b)
    };
    let (mid, down) = (
        segment_output(Segment::Midstream),
        segment_output(Segment::Downstream),
    );
    if mid > 0.0 && down < EXTEND_THRESHOLD * mid {
        let nodes = stage_reports
            .iter()
            .filter(|s| s.segment == Segment::Downstream)
            .flat_map(|s| s.local_enterprises.clone())
            .collect();
        gaps.push(Gap {
            class: GapClass::Extend,
            stage: None,
            product: None,
            nodes,
            zh: format!("下游产值 {down:.0} 不到中游产值 {mid:.0} 的 20%,加工转化不足"),
            en: format!("downstream output {down:.0} is below 20 % of midstream output {mid:.0}: too little is processed locally"),
        });
    }

    // 固链: a key buyer's main supply of a product comes from outside the county.
    let mut key_buyers: BTreeSet<&NodeId> = project
        .nodes
        .values()
        .filter(|n| n.kind.is_local() && n.tags.iter().any(|t| t == "链主" || t == "规上"))
        .map(|n| &n.id)
        .collect();
    key_buyers.extend(leaders.iter().take(3).map(|l| &l.id));
    for buyer in key_buyers {
        if chain.is_some()
            && !project.nodes[buyer]
                .stages
                .iter()
                .any(|s| stage_ids.contains(s))
        {
            continue;
        }
        let mut by_product: BTreeMap<&str, BTreeMap<&NodeId, f64>> = BTreeMap::new();
        for link in by_buyer.get(buyer).map(|v| v.as_slice()).unwrap_or(&[]) {
            *by_product
                .entry(link.product.as_str())
                .or_default()
                .entry(&link.from)
                .or_default() += value(link);
        }
        for (product, suppliers) in by_product {
            // The main supplier: the largest value; ties go to the smallest id (deterministic).
            let Some((main, _)) =
                suppliers
                    .iter()
                    .fold(None::<(&&NodeId, f64)>, |best, (id, v)| match best {
                        Some((_, bv)) if bv >= *v => best,
                        _ => Some((id, *v)),
                    })
            else {
                continue;
            };
            // Without values there is no "main" supply to speak of.
            if is_local(main) || suppliers.values().all(|v| *v <= 0.0) {
                continue;
            }
            let supplier = &project.nodes[*main];
            let stage = stages
                .iter()
                .find(|(_, s)| {
                    s.products.iter().any(|p| p.name == product) && supplier.stages.contains(&s.id)
                })
                .map(|(_, s)| s.id.clone())
                .or_else(|| supplier.main_stage().cloned());
            let buyer_name = &project.nodes[buyer].name;
            gaps.push(Gap {
                class: GapClass::AtRisk,
                stage,
                product: (!product.is_empty()).then(|| product.to_owned()),
                nodes: vec![buyer.clone(), (*main).clone()],
                zh: format!("关键企业“{buyer_name}”的“{product}”主要来自县外的“{}”", supplier.name),
                en: format!("key firm \"{buyer_name}\" gets most of its \"{product}\" from \"{}\", outside the county", supplier.name),
            });
        }
    }

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
