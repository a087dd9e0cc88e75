//! The end of a plan: new nodes placed, the final values collected, and the summary of what the
//! import adds and updates.

use super::{ImportPlan, Work};
use crate::model::{NodeId, Pos, Project, Stage, StageId};
use std::collections::BTreeMap;

/// How many things the import adds and updates (also the `summary` of `chainmap import --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct ImportSummary {
    pub stages_added: usize,
    pub stages_updated: usize,
    pub nodes_added: usize,
    pub nodes_updated: usize,
    pub parks_added: usize,
    pub towns_added: usize,
    pub links_added: usize,
    pub links_updated: usize,
    pub products_added: usize,
}

impl Work {
    /// Places new nodes (a whole swimlane layout when nothing had a place before) and collects
    /// the final values.
    pub(super) fn finish(mut self, before: &Project) -> ImportPlan {
        if self.plan.has_errors() {
            // Nothing to apply; what was read and what was not stays listed.
            return ImportPlan {
                chains: Default::default(),
                nodes: Vec::new(),
                links: Vec::new(),
                ..self.plan
            };
        }
        let nothing_placed = before.nodes.values().all(|n| n.position.is_none());
        let moves: Vec<(NodeId, Pos)> = if nothing_placed {
            crate::layout::swimlane(&self.project)
        } else {
            crate::layout::place_new(&self.project)
        };
        for (id, pos) in moves {
            if let Some(n) = self.project.nodes.get_mut(&id) {
                n.position = Some(pos);
                self.touched_nodes.insert(id);
            }
        }
        self.plan.chains = self.project.chains.clone();
        self.plan.nodes = self
            .touched_nodes
            .iter()
            .filter_map(|id| self.project.nodes.get(id).cloned())
            .filter(|n| before.nodes.get(&n.id) != Some(n))
            .collect();
        self.plan.links = self
            .touched_links
            .iter()
            .filter_map(|id| self.project.links.get(id).cloned())
            .filter(|l| before.links.get(&l.id) != Some(l))
            .collect();
        // "Updated" means changed: rows that match the project exactly are left out.
        let s = &mut self.plan.summary;
        s.nodes_updated = self
            .plan
            .nodes
            .iter()
            .filter(|n| before.nodes.contains_key(&n.id) && n.position.is_some())
            .filter(|n| {
                before.nodes.get(&n.id).is_some_and(|b| {
                    let mut placed = (*n).clone();
                    placed.position = b.position;
                    placed != *b
                })
            })
            .count();
        s.links_updated = self
            .plan
            .links
            .iter()
            .filter(|l| before.links.contains_key(&l.id))
            .count();
        let old_stages: BTreeMap<&StageId, &Stage> =
            before.stages().map(|(_, st)| (&st.id, st)).collect();
        s.stages_updated = self
            .project
            .stages()
            .filter(|(_, st)| {
                old_stages.get(&st.id).is_some_and(|o| {
                    (o.name.as_str(), o.name_en.as_str(), o.segment)
                        != (st.name.as_str(), st.name_en.as_str(), st.segment)
                })
            })
            .count();
        self.plan
    }
}
