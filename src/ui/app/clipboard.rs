//! Copy and paste of nodes and the links between them.

use super::ChainmapApp;
use crate::edit::Edit;
use crate::model::{Link, LinkId, NodeId, Pos};
use std::collections::{BTreeMap, BTreeSet};

impl ChainmapApp {
    pub(super) fn copy(&mut self) {
        let p = &self.doc.project;
        let nodes: Vec<_> = self
            .ui
            .selection
            .nodes
            .iter()
            .filter_map(|id| p.nodes.get(id).cloned())
            .collect();
        let links: Vec<Link> = p
            .links
            .values()
            .filter(|l| {
                self.ui.selection.nodes.contains(&l.from) && self.ui.selection.nodes.contains(&l.to)
            })
            .cloned()
            .collect();
        if !nodes.is_empty() {
            self.ui.clipboard = Some((nodes, links));
        }
    }

    /// Pastes the clipboard as new nodes with fresh ids, shifted so the copies are visible.
    pub(super) fn paste(&mut self) {
        let Some((nodes, links)) = self.ui.clipboard.clone() else {
            return;
        };
        let p = &self.doc.project;
        let mut new_ids: BTreeMap<NodeId, NodeId> = BTreeMap::new();
        let mut taken_nodes = BTreeSet::new();
        for n in &nodes {
            let id = crate::model::fresh_node_id(p, &taken_nodes);
            taken_nodes.insert(id.clone());
            new_ids.insert(n.id.clone(), id);
        }
        let copies: Vec<_> = nodes
            .into_iter()
            .map(|mut n| {
                n.id = new_ids[&n.id].clone();
                n.position = n.position.map(|q| Pos {
                    x: q.x + 40.0,
                    y: q.y + 40.0,
                });
                n
            })
            .collect();
        let mut taken_links: BTreeSet<LinkId> = BTreeSet::new();
        let link_copies: Vec<Link> = links
            .into_iter()
            .map(|mut l| {
                let id = crate::model::fresh_link_id(p, &taken_links);
                taken_links.insert(id.clone());
                l.id = id;
                l.from = new_ids[&l.from].clone();
                l.to = new_ids[&l.to].clone();
                l
            })
            .collect();
        let selected: BTreeSet<NodeId> = copies.iter().map(|n| n.id.clone()).collect();
        self.apply_edit(Edit::Paste {
            nodes: copies,
            links: link_copies,
        });
        self.ui.selection.clear();
        self.ui.selection.nodes = selected;
    }
}
