//! The gaps of the chain as a whole: 延链 when downstream output is small next to the midstream
//! output it could process, and 固链 when a key buyer's main supply of a product comes from
//! outside the county.

use super::coverage::{SupplyIndex, value};
use super::{EXTEND_THRESHOLD, Gap, GapClass, StageReport};
use crate::analysis::leaders::LeaderReport;
use crate::analysis::output;
use crate::model::{Chain, ChainId, NodeId, Project, Segment, Stage, StageId, Year};
use std::collections::{BTreeMap, BTreeSet};

/// 延链: downstream output below [`EXTEND_THRESHOLD`] of midstream output. Each firm counts
/// once, under its main stage, however many stages it lists.
pub(super) fn extend_gap(
    project: &Project,
    stages: &[(&Chain, &Stage)],
    stage_reports: &[StageReport],
    year: Option<Year>,
) -> Option<Gap> {
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
    if !(mid > 0.0 && down < EXTEND_THRESHOLD * mid) {
        return None;
    }
    let nodes = stage_reports
        .iter()
        .filter(|s| s.segment == Segment::Downstream)
        .flat_map(|s| s.local_enterprises.clone())
        .collect();
    Some(Gap {
        class: GapClass::Extend,
        stage: None,
        product: None,
        nodes,
        zh: format!("下游产值 {down:.0} 不到中游产值 {mid:.0} 的 20%,加工转化不足"),
        en: format!(
            "downstream output {down:.0} is below 20 % of midstream output {mid:.0}: too little is processed locally"
        ),
    })
}

/// 固链: for each key buyer (tagged 链主 or 规上, or one of the three best chain-leader
/// candidates) in the chain, each product whose main supplier is outside the county.
pub(super) fn at_risk_gaps(
    project: &Project,
    index: &SupplyIndex,
    chain: Option<&ChainId>,
    stages: &[(&Chain, &Stage)],
    leaders: &[LeaderReport],
    gaps: &mut Vec<Gap>,
) {
    let stage_ids: BTreeSet<&StageId> = stages.iter().map(|(_, s)| &s.id).collect();
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
        for link in index.links_into(buyer) {
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
            if index.is_local(main) || suppliers.values().all(|v| *v <= 0.0) {
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
}
