//! How well each stage and each of its products is covered by local firms, and the gaps that
//! follow (issue 16, by capability):
//!
//! - a stage with no local firm, or a required product no local firm can supply: 补链;
//! - a stage with no 规上, 专精特新 or 高新 firm: 强链;
//! - a required product whose local supply covers less than half of what local buyers buy of
//!   it, or whose supply is highly concentrated (HHI > 0.25) although at least three firms could
//!   supply it: 强链.

use super::availability::Availability;
use super::names::key;
use super::rates::{Rates, is_above_scale};
use super::{Gap, GapClass, ProductReport, StageReport, Status, advice, supply};
use crate::analysis::figures;
use crate::model::{Chain, Node, NodeId, Product, Stage, Year};
use rust_decimal::prelude::ToPrimitive;

/// HHI above this reads as highly concentrated (the usual reading: 2 500 on the 0–10 000 scale).
pub const HHI_CONCENTRATED: f64 = 0.25;
/// Concentration is judged only where at least this many firms could supply.
pub const MIN_POSSIBLE_SUPPLIERS: usize = 3;
/// Local supply below this share of local buyers' purchases of a product is weak.
pub const MIN_LOCAL_SHARE: f64 = 0.5;

/// The stage's English name, else its name.
pub(super) fn name_en(stage: &Stage) -> &str {
    if stage.name_en.is_empty() {
        &stage.name
    } else {
        &stage.name_en
    }
}

/// Whether the firm gives a stage strength: 规上, 专精特新 or 高新.
pub fn is_strong_firm(node: &Node) -> bool {
    is_above_scale(node) || node.srdi.is_some() || node.tags.iter().any(|t| t.contains("高新"))
}

fn figure(
    node: &Node,
    year: Option<Year>,
    pick: fn(&crate::model::Figures) -> Option<rust_decimal::Decimal>,
) -> Option<f64> {
    figures(node, year).and_then(pick).and_then(|d| d.to_f64())
}

/// A stage's local and external firms, output, value added and supporting rate; pushes its
/// gap: 补链 with no local firm, 强链 with no strong one.
pub(super) fn stage_report(
    avail: &Availability,
    rates: &Rates,
    chain_of: &Chain,
    stage: &Stage,
    gaps: &mut Vec<Gap>,
) -> StageReport {
    let project = avail.project;
    let places = avail.places;
    let members: Vec<&Node> = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() && n.stages.contains(&stage.id))
        .collect();
    let (local, external): (Vec<&Node>, Vec<&Node>) =
        members.iter().partition(|n| places.is_local(&n.id));
    let ids = |v: &[&Node]| v.iter().map(|n| n.id.clone()).collect::<Vec<NodeId>>();
    let year = rates.year;
    let weighted = |pick| {
        let values: Vec<f64> = local
            .iter()
            .filter_map(|n| figure(n, year, pick).map(|v| v * places.weight(&n.id)))
            .collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>())
    };
    let output = weighted(|f| f.output).unwrap_or(0.0);
    let value_added = weighted(|f| f.value_added);
    let buyers: Vec<&NodeId> = local
        .iter()
        .filter(|n| n.main_stage() == Some(&stage.id))
        .map(|n| &n.id)
        .collect();
    let (rate, rate_source) = rates.over(&buyers);
    let status = if local.is_empty() {
        Status::Missing
    } else if !local.iter().any(|n| is_strong_firm(n)) {
        Status::Weak
    } else {
        Status::Ok
    };
    let name_en = name_en(stage);
    match status {
        Status::Missing => gaps.push(Gap::new(
            GapClass::Missing,
            Some(&stage.id),
            None,
            ids(&external),
            (
                format!("环节“{}”没有本地企业", stage.name),
                format!("stage \"{name_en}\" has no local firm"),
            ),
            advice::fill(stage),
        )),
        Status::Weak => gaps.push(Gap::new(
            GapClass::Weak,
            Some(&stage.id),
            None,
            ids(&local),
            (
                format!("环节“{}”没有规上、专精特新或高新企业", stage.name),
                format!("stage \"{name_en}\" has no above-scale, 专精特新 or high-tech firm"),
            ),
            advice::strengthen_stage(&local),
        )),
        Status::Ok => {}
    }
    StageReport {
        id: stage.id.clone(),
        chain: chain_of.id.clone(),
        name: stage.name.clone(),
        segment: stage.segment,
        local_enterprises: ids(&local),
        output,
        value_added,
        local_supporting_rate: rate,
        rate_source,
        status,
    }
}

/// A product's local capability, the local share of local buyers' purchases of it and the
/// concentration of that supply; pushes the gap of a required product (补链 or 强链).
pub(super) fn product_report(
    avail: &Availability,
    stage: &Stage,
    product: &Product,
    gaps: &mut Vec<Gap>,
) -> ProductReport {
    let project = avail.project;
    let keys = std::iter::once(key(&product.name)).collect();
    let supply::Supply {
        suppliers,
        external_suppliers,
        by_supplier,
        hhi,
        local_share,
        possible,
        short,
        status,
    } = supply::measure(avail, &keys);
    if product.required {
        let name_en = name_en(stage);
        let p = &product.name;
        match status {
            Status::Missing => gaps.push(Gap::new(
                GapClass::Missing,
                Some(&stage.id),
                Some(p),
                external_suppliers.clone(),
                (
                    format!("“{}”环节的必需产品“{p}”没有本地企业能供应", stage.name),
                    format!("no local firm can supply \"{p}\", required by stage \"{name_en}\""),
                ),
                advice::fill(stage),
            )),
            Status::Weak if short => {
                let s = local_share.unwrap_or(0.0) * 100.0;
                gaps.push(Gap::new(
                    GapClass::Weak,
                    Some(&stage.id),
                    Some(p),
                    suppliers.clone(),
                    (
                        format!("本地供应只占本地企业“{p}”采购的 {s:.0}%"),
                        format!("local supply covers only {s:.0} % of local buyers' \"{p}\""),
                    ),
                    advice::STRENGTHEN_SHARE,
                ));
            }
            Status::Weak => {
                let h = hhi.unwrap_or(0.0);
                let n = possible;
                let largest = by_supplier
                    .iter()
                    .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .and_then(|(id, _)| project.nodes.get(*id));
                gaps.push(Gap::new(
                    GapClass::Weak,
                    Some(&stage.id),
                    Some(p),
                    suppliers.clone(),
                    (
                        format!("“{p}”的供应高度集中(HHI = {h:.2},可供应企业 {n} 家)"),
                        format!("supply of \"{p}\" is highly concentrated (HHI = {h:.2}; {n} firms could supply)"),
                    ),
                    advice::strengthen_concentration(largest),
                ));
            }
            Status::Ok => {}
        }
    }
    ProductReport {
        stage: stage.id.clone(),
        name: product.name.clone(),
        required: product.required,
        status,
        suppliers,
        external_suppliers,
        hhi,
        local_share,
        possible_suppliers: possible,
    }
}
