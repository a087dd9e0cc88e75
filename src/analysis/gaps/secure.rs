//! 固链: supply-security risks (issue 16):
//!
//! - a key buyer gets a product only from outside the county (every supplier of it on its
//!   links is outside);
//! - one local supplier is the only source of a product for several local buyers.

use super::availability::Availability;
use super::names::key;
use super::{Gap, GapClass, advice};
use crate::model::{Chain, Node, NodeId, Project, Stage, StageId};
use std::collections::{BTreeMap, BTreeSet};

/// The stage a product of `supplier` is about: a stage in scope listing the product that the
/// supplier works in, else any stage in scope listing it, else the supplier's main stage.
fn stage_of(
    project: &Project,
    stages: &[(&Chain, &Stage)],
    product: &str,
    supplier: &NodeId,
) -> Option<StageId> {
    let k = key(product);
    let lists = |s: &Stage| s.products.iter().any(|p| key(&p.name) == k);
    let member = |s: &Stage| {
        project
            .nodes
            .get(supplier)
            .is_some_and(|n| n.stages.contains(&s.id))
    };
    stages
        .iter()
        .find(|(_, s)| lists(s) && member(s))
        .or_else(|| stages.iter().find(|(_, s)| lists(s)))
        .map(|(_, s)| s.id.clone())
        .or_else(|| {
            project
                .nodes
                .get(supplier)
                .and_then(|n| n.main_stage().cloned())
        })
}

/// Each buyer's suppliers of each product (by key; the first spelling met names it).
fn sources<'p>(
    avail: &Availability<'p>,
    buyer: &NodeId,
) -> BTreeMap<String, (&'p str, BTreeSet<&'p NodeId>)> {
    let mut by_product: BTreeMap<String, (&'p str, BTreeSet<&'p NodeId>)> = BTreeMap::new();
    for link in avail.links_into(buyer) {
        if link.product.trim().is_empty() {
            continue;
        }
        by_product
            .entry(key(&link.product))
            .or_insert_with(|| (link.product.as_str(), BTreeSet::new()))
            .1
            .insert(&link.from);
    }
    by_product
}

/// The 固链 gaps of the key buyers and of the local buyers in scope.
pub(super) fn secure_gaps(
    avail: &Availability,
    stages: &[(&Chain, &Stage)],
    key_buyers: &[&Node],
    local_buyers: &[&Node],
    gaps: &mut Vec<Gap>,
) {
    let project = avail.project;
    let places = avail.places;
    for buyer in key_buyers {
        for (product, suppliers) in sources(avail, &buyer.id).into_values() {
            if suppliers.iter().any(|s| places.is_local(s)) {
                continue;
            }
            let local_capable = !avail.local_capable(product).is_empty();
            let first = suppliers.iter().next().map(|s| (*s).clone());
            let outside: Vec<String> = suppliers.iter().map(|s| project.node_name(s)).collect();
            let (b, o) = (&buyer.name, outside.join("、"));
            let mut nodes = vec![buyer.id.clone()];
            nodes.extend(suppliers.iter().map(|s| (*s).clone()));
            gaps.push(Gap::new(
                GapClass::AtRisk,
                first
                    .and_then(|s| stage_of(project, stages, product, &s))
                    .as_ref(),
                Some(product),
                nodes,
                (
                    format!("关键企业“{b}”的“{product}”只来自县外({o})"),
                    format!(
                        "key firm \"{b}\" gets \"{product}\" only from outside the county ({o})"
                    ),
                ),
                advice::secure_outside(local_capable),
            ));
        }
    }
    // product key → sole local supplier → (spelling, buyers relying on it alone)
    let mut sole: BTreeMap<String, BTreeMap<&NodeId, (&str, Vec<&NodeId>)>> = BTreeMap::new();
    for buyer in local_buyers {
        for (k, (product, suppliers)) in sources(avail, &buyer.id) {
            let only = match suppliers.iter().collect::<Vec<_>>().as_slice() {
                [only] if places.is_local(only) && ***only != buyer.id => *only,
                _ => continue,
            };
            sole.entry(k)
                .or_default()
                .entry(only)
                .or_insert_with(|| (product, Vec::new()))
                .1
                .push(&buyer.id);
        }
    }
    for by_supplier in sole.values() {
        for (supplier, (product, buyers)) in by_supplier {
            let Some(node) = project.nodes.get(*supplier) else {
                continue;
            };
            if buyers.len() < 2 {
                continue;
            }
            let n = buyers.len();
            let mut nodes = vec![(*supplier).clone()];
            nodes.extend(buyers.iter().map(|b| (*b).clone()));
            gaps.push(Gap::new(
                GapClass::AtRisk,
                stage_of(project, stages, product, supplier).as_ref(),
                Some(product),
                nodes,
                (
                    format!("本地 {n} 家企业的“{product}”都只来自“{}”", node.name),
                    format!(
                        "{n} local firms get \"{product}\" only from \"{}\"",
                        node.name
                    ),
                ),
                advice::secure_single(node),
            ));
        }
    }
}
