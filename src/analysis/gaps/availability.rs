//! Who can supply a product (issue 16; DOMAIN.md, "Product completeness"): a firm can when one
//! of its stages lists the product, when it lists the product among its own products, or when
//! it supplies the product on any link; names are matched with `names::key`. A firm that lists
//! its own products is taken at its word: its stages' lists no longer speak for it (a wood-chip
//! mill in the raw-materials stage does not make the stage's bags).
//!
//! The index also holds each product's supply links, by the same key, for the shares and
//! concentration of its supply.

use super::names::key;
use crate::analysis::local::Localities;
use crate::model::{Link, LinkKind, NodeId, Project};
use rust_decimal::prelude::ToPrimitive;
use std::collections::{BTreeMap, BTreeSet};

/// A link's value; 0 when it has none.
pub fn value(l: &Link) -> f64 {
    l.value.and_then(|v| v.to_f64()).unwrap_or(0.0)
}

/// Capabilities and supply, indexed once per analysis.
pub struct Availability<'p> {
    pub project: &'p Project,
    pub places: &'p Localities,
    /// Firms able to supply each product (local or not), by product key.
    capable: BTreeMap<String, BTreeSet<&'p NodeId>>,
    /// Supply links between enterprise-like nodes, by product key, in link-id order.
    links: BTreeMap<String, Vec<&'p Link>>,
    /// Supply links into each buyer, in link-id order.
    into: BTreeMap<&'p NodeId, Vec<&'p Link>>,
}

impl<'p> Availability<'p> {
    pub fn new(project: &'p Project, places: &'p Localities) -> Self {
        let mut capable: BTreeMap<String, BTreeSet<&'p NodeId>> = BTreeMap::new();
        for node in project
            .nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like())
        {
            if node.products.is_empty() {
                for (_, stage) in node.stages.iter().filter_map(|s| project.stage(s)) {
                    for p in &stage.products {
                        capable.entry(key(&p.name)).or_default().insert(&node.id);
                    }
                }
            } else {
                for p in &node.products {
                    capable.entry(key(p)).or_default().insert(&node.id);
                }
            }
        }
        let mut links: BTreeMap<String, Vec<&'p Link>> = BTreeMap::new();
        let mut into: BTreeMap<&'p NodeId, Vec<&'p Link>> = BTreeMap::new();
        let enterprise = |id: &NodeId| {
            project
                .nodes
                .get(id)
                .is_some_and(|n| n.kind.is_enterprise_like())
        };
        for link in project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply && enterprise(&l.from) && enterprise(&l.to))
        {
            let k = key(&link.product);
            if !link.product.trim().is_empty() {
                capable.entry(k.clone()).or_default().insert(&link.from);
            }
            links.entry(k).or_default().push(link);
            into.entry(&link.to).or_default().push(link);
        }
        Availability {
            project,
            places,
            capable,
            links,
            into,
        }
    }

    /// Every firm able to supply the product, local or not, in id order.
    pub fn capable(&self, product: &str) -> Vec<&'p NodeId> {
        self.capable
            .get(&key(product))
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    }

    /// The local firms able to supply the product, in id order.
    pub fn local_capable(&self, product: &str) -> Vec<NodeId> {
        self.capable(product)
            .into_iter()
            .filter(|id| self.places.is_local(id))
            .cloned()
            .collect()
    }

    /// Every firm able to supply the product under any of its keys (`names::key`), local or
    /// not, in id order.
    pub fn capable_any(&self, keys: &BTreeSet<String>) -> Vec<&'p NodeId> {
        let all: BTreeSet<&'p NodeId> = keys
            .iter()
            .filter_map(|k| self.capable.get(k))
            .flatten()
            .copied()
            .collect();
        all.into_iter().collect()
    }

    /// The supply links carrying the product under any of its keys, in link-id order.
    pub fn links_of_any(&self, keys: &BTreeSet<String>) -> Vec<&'p Link> {
        let mut all: Vec<&'p Link> = keys
            .iter()
            .filter_map(|k| self.links.get(k))
            .flatten()
            .copied()
            .collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all.dedup_by(|a, b| a.id == b.id);
        all
    }

    /// Every supply link between enterprise-like nodes, in product-key order.
    pub fn all_links(&self) -> impl Iterator<Item = &'p Link> + '_ {
        self.links.values().flatten().copied()
    }

    /// The supply links into a buyer.
    pub fn links_into(&self, buyer: &NodeId) -> &[&'p Link] {
        self.into.get(buyer).map(Vec::as_slice).unwrap_or(&[])
    }
}
