//! Lookups by name and by link identity that the import keeps up to date as it goes, and the
//! next free generated id of each prefix.

use crate::model::{Link, LinkId, LinkKind, Node, NodeId, NodeKind, Project};
use std::collections::HashMap;

/// Lookups by name and by link identity, kept up to date as the import adds things, so a row
/// never scans the whole project (10,000 rows against 10,000 nodes would be 10⁸ comparisons).
pub(super) struct Index {
    /// The first node (in id order) of each name.
    pub(super) by_name: HashMap<String, NodeId>,
    /// The node of each 统一社会信用代码.
    pub(super) by_code: HashMap<String, NodeId>,
    pub(super) regions: HashMap<String, NodeId>,
    pub(super) parks: HashMap<String, NodeId>,
    /// (kind, from, to, product) → link.
    pub(super) links: HashMap<(LinkKind, NodeId, NodeId, String), LinkId>,
    /// Where the search for a free generated id goes on from, by prefix.
    pub(super) next_id: HashMap<&'static str, u64>,
    /// Names as people write them (short names, places, legal forms): see `names`.
    pub(super) names: super::names::NameIndex,
}

impl Index {
    pub(super) fn new(project: &Project) -> Self {
        let mut index = Index {
            by_name: HashMap::new(),
            by_code: HashMap::new(),
            regions: HashMap::new(),
            parks: HashMap::new(),
            links: HashMap::new(),
            next_id: HashMap::new(),
            names: super::names::NameIndex::new(project),
        };
        for node in project.nodes.values() {
            index.node(node);
        }
        for link in project.links.values() {
            index.link(link);
        }
        index
    }

    pub(super) fn node(&mut self, node: &Node) {
        if !node.credit_code.is_empty() {
            self.by_code
                .entry(node.credit_code.clone())
                .or_insert_with(|| node.id.clone());
        }
        self.names.add(node);
        self.by_name
            .entry(node.name.clone())
            .or_insert_with(|| node.id.clone());
        let by_kind = match node.kind {
            NodeKind::Region => Some(&mut self.regions),
            NodeKind::Park => Some(&mut self.parks),
            _ => None,
        };
        if let Some(map) = by_kind {
            map.entry(node.name.clone())
                .or_insert_with(|| node.id.clone());
        }
    }

    pub(super) fn link(&mut self, link: &Link) {
        self.links
            .entry((
                link.kind,
                link.from.clone(),
                link.to.clone(),
                link.product.clone(),
            ))
            .or_insert_with(|| link.id.clone());
    }

    /// `prefix` + the first number not taken, searching on from the last one given.
    pub(super) fn fresh(&mut self, prefix: &'static str, taken: impl Fn(&str) -> bool) -> String {
        let n = self.next_id.entry(prefix).or_insert(1);
        loop {
            let candidate = format!("{prefix}{n}");
            *n += 1;
            if !taken(&candidate) {
                return candidate;
            }
        }
    }
}
