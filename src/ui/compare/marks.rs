//! What the canvas marks when it compares: the beads and links the "after" side added or
//! changed (by id), and what it removed, where it stood on the "before" side. A node only moved
//! (its `position`, `pinned`) is not marked: a layout would mark every bead.

use crate::merge::ProjectDiff;
use crate::model::{LinkId, NodeId, Pos, Project};
use std::collections::{BTreeMap, BTreeSet};

/// Fields that only say where a bead is drawn.
const PLACEMENT: [&str; 2] = ["position", "pinned"];

/// A bead the "after" side no longer has, where the "before" side drew it.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedNode {
    pub id: NodeId,
    pub name: String,
    pub at: Pos,
}

/// A link the "after" side no longer has, between where its ends are drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedLink {
    pub id: LinkId,
    pub from: Pos,
    pub to: Pos,
    /// "A → B · product".
    pub name: String,
}

/// The differences as the canvas marks them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompareMarks {
    /// The names of the two sides ("现状", a scenario's name, a file's name).
    pub before: String,
    pub after: String,
    pub added_nodes: BTreeSet<NodeId>,
    /// Changed beads with the fields that changed (as named in the file).
    pub changed_nodes: BTreeMap<NodeId, Vec<String>>,
    pub removed_nodes: Vec<RemovedNode>,
    pub added_links: BTreeSet<LinkId>,
    pub changed_links: BTreeMap<LinkId, Vec<String>>,
    pub removed_links: Vec<RemovedLink>,
}

impl CompareMarks {
    /// The marks for `after` compared with `before`, from their differences.
    pub fn of(before: &Project, after: &Project, changes: &ProjectDiff) -> Self {
        let nodes = changes.section("nodes");
        let links = changes.section("links");
        let fields = |f: &BTreeMap<String, Option<serde_json::Value>>| -> Vec<String> {
            f.keys()
                .filter(|k| !PLACEMENT.contains(&k.as_str()))
                .cloned()
                .collect()
        };
        let position = |id: &NodeId| {
            after
                .nodes
                .get(id)
                .and_then(|n| n.position)
                .or_else(|| before.nodes.get(id).and_then(|n| n.position))
        };
        let removed_nodes = nodes
            .removed
            .iter()
            .filter_map(|id| before.nodes.get(&NodeId::from(id.as_str())))
            .filter_map(|n| {
                Some(RemovedNode {
                    id: n.id.clone(),
                    name: n.name.clone(),
                    at: n.position?,
                })
            })
            .collect();
        let removed_links = links
            .removed
            .iter()
            .filter_map(|id| before.links.get(&LinkId::from(id.as_str())))
            .filter_map(|l| {
                let product = if l.product.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", l.product)
                };
                Some(RemovedLink {
                    id: l.id.clone(),
                    from: position(&l.from)?,
                    to: position(&l.to)?,
                    name: format!(
                        "{} → {}{product}",
                        before.node_name(&l.from),
                        before.node_name(&l.to)
                    ),
                })
            })
            .collect();
        Self {
            before: String::new(),
            after: String::new(),
            added_nodes: nodes
                .added
                .keys()
                .map(|k| NodeId::from(k.as_str()))
                .collect(),
            changed_nodes: nodes
                .changed
                .iter()
                .map(|(id, f)| (NodeId::from(id.as_str()), fields(f)))
                .filter(|(_, f)| !f.is_empty())
                .collect(),
            removed_nodes,
            added_links: links
                .added
                .keys()
                .map(|k| LinkId::from(k.as_str()))
                .collect(),
            changed_links: links
                .changed
                .iter()
                .map(|(id, f)| (LinkId::from(id.as_str()), fields(f)))
                .collect(),
            removed_links,
        }
    }

    /// Nothing to mark.
    pub fn is_empty(&self) -> bool {
        self.added_nodes.is_empty()
            && self.changed_nodes.is_empty()
            && self.removed_nodes.is_empty()
            && self.added_links.is_empty()
            && self.changed_links.is_empty()
            && self.removed_links.is_empty()
    }
}
