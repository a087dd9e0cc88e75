//! "What if this firm leaves": the firms downstream that lose all their local supply of some
//! product, and the supply value at stake (DOMAIN.md).
//!
//! First-order, as DOMAIN.md defines it: a buyer loses a product when the leaving firm was its
//! only local supplier of it. Everything reachable downstream is listed too, as the part of the
//! chain that feels it.

use crate::model::{LinkKind, NodeId, Project};
use rust_decimal::prelude::ToPrimitive;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// A buyer left without local supply of a product.
#[derive(Debug, Clone, PartialEq)]
pub struct LostSupply {
    pub buyer: NodeId,
    pub product: String,
    /// The value the leaving firm supplied of it.
    pub value: f64,
}

/// The impact of one firm leaving.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    pub node: NodeId,
    pub lost: Vec<LostSupply>,
    /// Buyers in `lost`, each once, in id order.
    pub buyers_cut_off: Vec<NodeId>,
    /// Σ value of the supply that has no local replacement.
    pub value_at_stake: f64,
    /// Everything the firm supplies, for scale.
    pub supply_value: f64,
    /// Every firm reachable downstream through supply links, in id order.
    pub downstream: Vec<NodeId>,
}

/// The impact of `node` leaving; none when it is not a node of the project.
pub fn impact(project: &Project, node: &NodeId) -> Option<Impact> {
    project.nodes.get(node)?;
    let supply: Vec<_> = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
        .collect();
    let value = |l: &crate::model::Link| l.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
    let is_local = |id: &NodeId| project.nodes.get(id).is_some_and(|n| n.kind.is_local());

    // What the firm delivers, by (buyer, product).
    let mut delivered: BTreeMap<(&NodeId, &str), f64> = BTreeMap::new();
    for l in supply.iter().filter(|l| &l.from == node) {
        *delivered.entry((&l.to, l.product.as_str())).or_default() += value(l);
    }
    let mut lost = Vec::new();
    if is_local(node) {
        for ((buyer, product), v) in &delivered {
            let replaced = supply.iter().any(|l| {
                &l.to == *buyer && l.product == *product && &l.from != node && is_local(&l.from)
            });
            if !replaced {
                lost.push(LostSupply {
                    buyer: (*buyer).clone(),
                    product: (*product).to_owned(),
                    value: *v,
                });
            }
        }
    }
    let buyers_cut_off: BTreeSet<NodeId> = lost.iter().map(|l| l.buyer.clone()).collect();

    let mut seen: BTreeSet<&NodeId> = BTreeSet::new();
    let mut queue = VecDeque::from([node]);
    while let Some(v) = queue.pop_front() {
        for l in supply.iter().filter(|l| &l.from == v) {
            if &l.to != node && seen.insert(&l.to) {
                queue.push_back(&l.to);
            }
        }
    }
    Some(Impact {
        node: node.clone(),
        // Folded from +0.0: an empty float sum is −0.0 in Rust.
        value_at_stake: lost.iter().map(|l| l.value).fold(0.0, |a, b| a + b),
        supply_value: delivered.values().fold(0.0, |a, b| a + b),
        lost,
        buyers_cut_off: buyers_cut_off.into_iter().collect(),
        downstream: seen.into_iter().cloned().collect(),
    })
}
