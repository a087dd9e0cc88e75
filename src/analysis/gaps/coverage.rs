//! How well each stage and each of its products is covered by local firms, and the gaps that
//! follow: 补链 (none local; 延链 for a downstream stage) and 强链 (one local, or concentrated).

use super::{Gap, GapClass, HHI_WEAK, ProductReport, StageReport, Status, rate};
use crate::analysis::output;
use crate::model::{
    Chain, Link, LinkKind, Node, NodeId, Product, Project, Segment, Stage, StageId, Year,
};
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;

/// A link's value; 0 when it has none.
pub(super) fn value(l: &Link) -> f64 {
    l.value.and_then(|v| v.to_f64()).unwrap_or(0.0)
}

/// What the per-stage and per-product work needs, indexed in one pass over nodes and links, so
/// the analysis stays linear in the size of the project.
pub(super) struct SupplyIndex<'p> {
    project: &'p Project,
    /// The enterprise-like nodes listing each stage.
    members_of: BTreeMap<&'p StageId, Vec<&'p Node>>,
    /// (local, all) supply value into the buyers whose main stage it is.
    into_stage: BTreeMap<&'p StageId, (f64, f64)>,
    /// Supply links between enterprise-like nodes, by product and by buyer, in link-id order.
    by_product: BTreeMap<&'p str, Vec<&'p Link>>,
    by_buyer: BTreeMap<&'p NodeId, Vec<&'p Link>>,
}

impl<'p> SupplyIndex<'p> {
    pub(super) fn new(project: &'p Project) -> Self {
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
        let mut index = SupplyIndex {
            project,
            members_of: BTreeMap::new(),
            into_stage: BTreeMap::new(),
            by_product: BTreeMap::new(),
            by_buyer: BTreeMap::new(),
        };
        for node in project
            .nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like())
        {
            for stage in &node.stages {
                index.members_of.entry(stage).or_default().push(node);
            }
        }
        for link in supply {
            if let Some(stage) = project.nodes[&link.to].main_stage() {
                let local = index.is_local(&link.from);
                let entry = index.into_stage.entry(stage).or_default();
                entry.1 += value(link);
                if local {
                    entry.0 += value(link);
                }
            }
            index
                .by_product
                .entry(link.product.as_str())
                .or_default()
                .push(link);
            index.by_buyer.entry(&link.to).or_default().push(link);
        }
        index
    }

    /// Whether the node is in the project and local.
    pub(super) fn is_local(&self, id: &NodeId) -> bool {
        self.project
            .nodes
            .get(id)
            .is_some_and(|n| n.kind.is_local())
    }

    /// (local, all, any) supply value into the buyers whose main stage this is.
    pub(super) fn supply_into_stage(&self, stage: &StageId) -> (f64, f64, bool) {
        match self.into_stage.get(stage) {
            Some(&(l, t)) => (l, t, true),
            None => (0.0, 0.0, false),
        }
    }

    /// The supply links into a buyer.
    pub(super) fn links_into(&self, buyer: &NodeId) -> &[&'p Link] {
        self.by_buyer
            .get(buyer)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }
}

/// The stage's English name, else its name.
fn name_en(stage: &Stage) -> &str {
    if stage.name_en.is_empty() {
        &stage.name
    } else {
        &stage.name_en
    }
}

/// A stage's local and external enterprises, output and supporting rate; pushes its gap when it
/// has no local enterprise (补链, or 延链 downstream) or only one (强链).
pub(super) fn stage_report(
    index: &SupplyIndex,
    chain_of: &Chain,
    stage: &Stage,
    year: Option<Year>,
    gaps: &mut Vec<Gap>,
) -> StageReport {
    let name_en = name_en(stage);
    let members: &[&Node] = index
        .members_of
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
    let (l, t, any) = index.supply_into_stage(&stage.id);
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
    StageReport {
        id: stage.id.clone(),
        chain: chain_of.id.clone(),
        name: stage.name.clone(),
        segment: stage.segment,
        local_enterprises: local,
        output: stage_output,
        local_supporting_rate: rate(l, t, any),
        status,
    }
}

/// A product's suppliers in its stage (local and external) and their concentration; pushes the
/// gap of a required product with no local supplier (补链), or one, or concentrated supply (强链).
pub(super) fn product_report(
    index: &SupplyIndex,
    stage: &Stage,
    product: &Product,
    gaps: &mut Vec<Gap>,
) -> ProductReport {
    let project = index.project;
    let mut by_supplier: BTreeMap<&NodeId, f64> = BTreeMap::new();
    for link in index
        .by_product
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
        .filter(|id| index.is_local(id))
        .map(|id| (*id).clone())
        .collect();
    let external_suppliers: Vec<NodeId> = by_supplier
        .keys()
        .filter(|id| !index.is_local(id))
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
        let gap = product_gap(stage, product, status, &suppliers, &external_suppliers, hhi);
        gaps.extend(gap);
    }
    ProductReport {
        stage: stage.id.clone(),
        name: product.name.clone(),
        required: product.required,
        status,
        suppliers,
        external_suppliers,
        hhi,
    }
}

/// The gap of a required product of that status, if any.
fn product_gap(
    stage: &Stage,
    product: &Product,
    status: Status,
    suppliers: &[NodeId],
    external_suppliers: &[NodeId],
    hhi: Option<f64>,
) -> Option<Gap> {
    let name_en = name_en(stage);
    match status {
        Status::Missing => Some(Gap {
            class: GapClass::Missing,
            stage: Some(stage.id.clone()),
            product: Some(product.name.clone()),
            nodes: external_suppliers.to_vec(),
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
            Some(Gap {
                class: GapClass::Weak,
                stage: Some(stage.id.clone()),
                product: Some(product.name.clone()),
                nodes: suppliers.to_vec(),
                zh,
                en,
            })
        }
        Status::Ok => None,
    }
}
