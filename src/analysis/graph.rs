//! The supply graph of DOMAIN.md: every enterprise-like node (external enterprises, cooperatives,
//! institutes … included; parks and regions not) and every supply link, directed supplier → buyer.
//! Parallel links between the same two nodes count once for the structure; their values add up
//! in strength. Built per analysis run; results are keyed by our ids, never by index.

use crate::model::{LinkKind, NodeId, Project};
use rust_decimal::prelude::ToPrimitive;
use std::collections::{BTreeMap, BTreeSet};

/// A compact directed simple graph over the supply network.
#[derive(Debug, Clone, Default)]
pub struct SupplyGraph {
    /// Node ids, in id order; index `i` in every vector below is `ids[i]`.
    pub ids: Vec<NodeId>,
    pub index: BTreeMap<NodeId, usize>,
    /// Distinct successors (buyers) of each node, ascending.
    pub out: Vec<Vec<usize>>,
    /// Distinct predecessors (suppliers) of each node, ascending.
    pub inc: Vec<Vec<usize>>,
    /// Sum of the values of every supply link in and out of each node.
    pub strength: Vec<f64>,
}

impl SupplyGraph {
    /// Builds the graph over the enterprise-like nodes that `keep` accepts.
    pub fn build(project: &Project, keep: impl Fn(&crate::model::Node) -> bool) -> Self {
        let ids: Vec<NodeId> = project
            .nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like() && keep(n))
            .map(|n| n.id.clone())
            .collect();
        let index: BTreeMap<NodeId, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        let n = ids.len();
        let mut out: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
        let mut inc: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
        let mut strength = vec![0.0; n];
        for link in project.links.values() {
            if link.kind != LinkKind::Supply {
                continue;
            }
            let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
                continue;
            };
            let value = link.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
            strength[a] += value;
            strength[b] += value;
            if a != b {
                out[a].insert(b);
                inc[b].insert(a);
            }
        }
        Self {
            ids,
            index,
            out: out.into_iter().map(|s| s.into_iter().collect()).collect(),
            inc: inc.into_iter().map(|s| s.into_iter().collect()).collect(),
            strength,
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Distinct undirected neighbours of each node (the undirected view).
    pub fn undirected(&self) -> Vec<Vec<usize>> {
        (0..self.len())
            .map(|i| {
                let mut nb: Vec<usize> = self.out[i].iter().chain(&self.inc[i]).copied().collect();
                nb.sort_unstable();
                nb.dedup();
                nb
            })
            .collect()
    }
}
