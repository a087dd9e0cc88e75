//! "What if this firm leaves": the firms downstream that lose all their local supply of some
//! product, and the supply value at stake (DOMAIN.md).
//!
//! First-order, as DOMAIN.md defines it: a buyer loses a product when the leaving firm was its
//! only local supplier of it. Everything reachable downstream is listed too, as the part of the
//! chain that feels it.

use crate::model::{Link, LinkKind, NodeId, Project};
use rust_decimal::prelude::ToPrimitive;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

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

/// The supply links out of and into each node, each list in link-id order (so sums over it add
/// in the same order as a scan of the project's links).
struct Adjacency<'p> {
    out: HashMap<&'p NodeId, Vec<&'p Link>>,
    into: HashMap<&'p NodeId, Vec<&'p Link>>,
}

impl<'p> Adjacency<'p> {
    fn supply(project: &'p Project) -> Self {
        let mut adjacency = Adjacency {
            out: HashMap::new(),
            into: HashMap::new(),
        };
        for link in project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply)
        {
            adjacency.out.entry(&link.from).or_default().push(link);
            adjacency.into.entry(&link.to).or_default().push(link);
        }
        adjacency
    }

    fn links_out_of(&self, node: &NodeId) -> &[&'p Link] {
        self.out.get(node).map_or(&[], Vec::as_slice)
    }

    fn links_into(&self, node: &NodeId) -> &[&'p Link] {
        self.into.get(node).map_or(&[], Vec::as_slice)
    }
}

/// The impact of `node` leaving; none when it is not a node of the project.
///
/// A buyer loses a product when `node` (a local firm) delivers it and no other local firm does;
/// an external firm leaving takes no local supply away. Downstream is everything reachable from
/// `node` along supply links, `node` itself left out even on a cycle.
///
/// # Complexity
///
/// O(V + E): the supply links are indexed by supplier and by buyer once, then each firm reached
/// is visited once and each link looked at a bounded number of times; plus sorting what is
/// reported.
///
/// # Example
///
/// a → b (原料, 60) and c → b (原料, 40), all local: without a, b still has c, so nothing is
/// lost; `supply_value` is 60 and `downstream` is [b].
pub fn impact(project: &Project, node: &NodeId) -> Option<Impact> {
    project.nodes.get(node)?;
    let supply = Adjacency::supply(project);
    let value = |l: &Link| l.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
    let is_local = |id: &NodeId| project.nodes.get(id).is_some_and(|n| n.kind.is_local());

    // What the firm delivers, by (buyer, product).
    let mut delivered: BTreeMap<(&NodeId, &str), f64> = BTreeMap::new();
    for l in supply.links_out_of(node) {
        *delivered.entry((&l.to, l.product.as_str())).or_default() += value(l);
    }
    let mut lost = Vec::new();
    if is_local(node) {
        for ((buyer, product), v) in &delivered {
            let replaced = supply
                .links_into(buyer)
                .iter()
                .any(|l| l.product == *product && &l.from != node && is_local(&l.from));
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

    let mut seen: HashSet<&NodeId> = HashSet::new();
    let mut queue = VecDeque::from([node]);
    while let Some(v) = queue.pop_front() {
        for l in supply.links_out_of(v) {
            if &l.to != node && seen.insert(&l.to) {
                queue.push_back(&l.to);
            }
        }
    }
    let mut downstream: Vec<NodeId> = seen.into_iter().cloned().collect();
    downstream.sort_unstable();
    Some(Impact {
        node: node.clone(),
        // Folded from +0.0: an empty float sum is −0.0 in Rust.
        value_at_stake: lost.iter().map(|l| l.value).fold(0.0, |a, b| a + b),
        supply_value: delivered.values().fold(0.0, |a, b| a + b),
        lost,
        buyers_cut_off: buyers_cut_off.into_iter().collect(),
        downstream,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::{LoadOptions, load_str};

    /// A: local, supplies B (p1, in two links 100 + 50) and C (p2, 30).
    /// E: local, also supplies C with p2 (20), so C keeps a local p2 without A.
    /// X: external, supplies B with p1 (10): no local replacement.
    /// B → D (p3, 70), C → D (p4, 40), D → A (p5, 5): a cycle back to A.
    /// A is also located in park P (not a supply link).
    const CASCADE: &str = r#"{
      "format": "chainmap", "version": 1, "name": "cascade", "unit": "万元",
      "chains": [], "agreements": [], "views": [],
      "nodes": [
        {"id": "A", "name": "A", "kind": "enterprise"},
        {"id": "B", "name": "B", "kind": "enterprise"},
        {"id": "C", "name": "C", "kind": "enterprise"},
        {"id": "D", "name": "D", "kind": "enterprise"},
        {"id": "E", "name": "E", "kind": "enterprise"},
        {"id": "X", "name": "X", "kind": "external_enterprise"},
        {"id": "P", "name": "P", "kind": "park"}],
      "links": [
        {"id": "l1", "kind": "supply", "from": "A", "to": "B", "product": "p1", "value": 100},
        {"id": "l2", "kind": "supply", "from": "A", "to": "B", "product": "p1", "value": 50},
        {"id": "l3", "kind": "supply", "from": "A", "to": "C", "product": "p2", "value": 30},
        {"id": "l4", "kind": "supply", "from": "E", "to": "C", "product": "p2", "value": 20},
        {"id": "l5", "kind": "supply", "from": "X", "to": "B", "product": "p1", "value": 10},
        {"id": "l6", "kind": "supply", "from": "B", "to": "D", "product": "p3", "value": 70},
        {"id": "l7", "kind": "supply", "from": "C", "to": "D", "product": "p4", "value": 40},
        {"id": "l8", "kind": "supply", "from": "D", "to": "A", "product": "p5", "value": 5},
        {"id": "l9", "kind": "located_in", "from": "A", "to": "P"}]
    }"#;

    fn ids(list: &[&str]) -> Vec<NodeId> {
        list.iter().map(|s| NodeId::from(*s)).collect()
    }

    #[test]
    fn cascading_downstream_by_hand() {
        let p = load_str(CASCADE, LoadOptions::default()).unwrap().project;
        // Without A: B loses p1 (150, X is not local); C keeps p2 from E. Downstream B, C and,
        // one step on, D; the cycle D → A does not list A itself.
        let i = impact(&p, &"A".into()).unwrap();
        assert_eq!(
            i.lost,
            vec![LostSupply {
                buyer: "B".into(),
                product: "p1".into(),
                value: 150.0
            }]
        );
        assert_eq!(i.buyers_cut_off, ids(&["B"]));
        assert_eq!((i.value_at_stake, i.supply_value), (150.0, 180.0));
        assert_eq!(i.downstream, ids(&["B", "C", "D"]));
        // Without X (external): no local supply lost, but the whole loop feels it:
        // X → B → D → A → C.
        let i = impact(&p, &"X".into()).unwrap();
        assert!(i.lost.is_empty() && i.buyers_cut_off.is_empty());
        assert_eq!((i.value_at_stake, i.supply_value), (0.0, 10.0));
        assert_eq!(i.downstream, ids(&["A", "B", "C", "D"]));
        // Without D: A loses its only local p5; downstream runs round the cycle to D's
        // suppliers B and C, never D itself.
        let i = impact(&p, &"D".into()).unwrap();
        assert_eq!(i.buyers_cut_off, ids(&["A"]));
        assert_eq!(i.value_at_stake, 5.0);
        assert_eq!(i.downstream, ids(&["A", "B", "C"]));
        // A park supplies nothing and reaches nothing.
        let i = impact(&p, &"P".into()).unwrap();
        assert!(i.lost.is_empty() && i.downstream.is_empty());
        assert_eq!(i.supply_value, 0.0);
    }

    /// The definition followed literally: every supply link scanned for every question.
    fn reference(project: &Project, node: &NodeId) -> Option<Impact> {
        project.nodes.get(node)?;
        let supply: Vec<&Link> = project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply)
            .collect();
        let value = |l: &Link| l.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
        let is_local = |id: &NodeId| project.nodes.get(id).is_some_and(|n| n.kind.is_local());
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
            value_at_stake: lost.iter().map(|l| l.value).fold(0.0, |a, b| a + b),
            supply_value: delivered.values().fold(0.0, |a, b| a + b),
            lost,
            buyers_cut_off: buyers_cut_off.into_iter().collect(),
            downstream: seen.into_iter().cloned().collect(),
        })
    }

    #[test]
    fn generated_chain_matches_the_reference() {
        let p = crate::generate::chain(4_000, 12_000, 7);
        let mut lost_somewhere = false;
        for id in [
            "g00000", "g00123", "g00400", "g00599", "g02500", "g03999", "nobody",
        ] {
            let id = NodeId::from(id);
            let fast = impact(&p, &id);
            assert_eq!(fast, reference(&p, &id), "{id}");
            lost_somewhere |= fast.is_some_and(|i| !i.lost.is_empty() && !i.downstream.is_empty());
        }
        assert!(
            lost_somewhere,
            "the sample should include a firm that cuts buyers off"
        );
    }
}
