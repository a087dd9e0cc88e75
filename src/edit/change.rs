//! The prior values of what an edit touched, and how two of them compose into one undo step.

use crate::model::{
    Agreement, AgreementId, Candidate, Chain, ChainId, Link, LinkId, Node, NodeId, Project,
    ProjectMeta, ReferenceMatch, Scenario, View, ViewId,
};
use std::collections::BTreeMap;

/// The prior values of everything an edit touched: applying it restores them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Change {
    pub(super) nodes: Vec<(NodeId, Option<Node>)>,
    pub(super) links: Vec<(LinkId, Option<Link>)>,
    pub(super) agreements: Vec<(AgreementId, Option<Agreement>)>,
    pub(super) meta: Option<ProjectMeta>,
    pub(super) views: Option<BTreeMap<ViewId, View>>,
    pub(super) chains: Option<BTreeMap<ChainId, Chain>>,
    pub(super) references: Option<BTreeMap<ChainId, ReferenceMatch>>,
    pub(super) candidates: Option<BTreeMap<String, Candidate>>,
    pub(super) scenarios: Option<BTreeMap<String, Scenario>>,
}

impl Change {
    /// The change that undoes `self` and then `newer` together, where `self` undoes an edit
    /// and `newer` undoes the edit made right after it: for everything either touched, the
    /// value from before the first edit (one undo step for a whole gesture).
    pub fn compose(mut self, newer: Change) -> Change {
        fn merge<K: PartialEq, V>(older: &mut Vec<(K, V)>, newer: Vec<(K, V)>) {
            for (id, value) in newer {
                if !older.iter().any(|(k, _)| *k == id) {
                    older.push((id, value));
                }
            }
        }
        merge(&mut self.nodes, newer.nodes);
        merge(&mut self.links, newer.links);
        merge(&mut self.agreements, newer.agreements);
        self.meta = self.meta.or(newer.meta);
        self.views = self.views.or(newer.views);
        self.chains = self.chains.or(newer.chains);
        self.references = self.references.or(newer.references);
        self.candidates = self.candidates.or(newer.candidates);
        self.scenarios = self.scenarios.or(newer.scenarios);
        self
    }

    /// Puts the recorded values in place and returns the change that puts back the current ones.
    pub fn apply(self, project: &mut Project) -> Change {
        let mut inverse = Change::default();
        // Nodes before links going forward; links first going back would also work, since the
        // project is only observed between changes.
        for (id, value) in self.nodes {
            let old = match value {
                Some(node) => project.nodes.insert(id.clone(), node),
                None => project.nodes.remove(&id),
            };
            inverse.nodes.push((id, old));
        }
        for (id, value) in self.links {
            let old = match value {
                Some(link) => project.links.insert(id.clone(), link),
                None => project.links.remove(&id),
            };
            inverse.links.push((id, old));
        }
        for (id, value) in self.agreements {
            let old = match value {
                Some(a) => project.agreements.insert(id.clone(), a),
                None => project.agreements.remove(&id),
            };
            inverse.agreements.push((id, old));
        }
        if let Some(meta) = self.meta {
            inverse.meta = Some(std::mem::replace(&mut project.meta, meta));
        }
        if let Some(chains) = self.chains {
            inverse.chains = Some(std::mem::replace(&mut project.chains, chains));
        }
        if let Some(views) = self.views {
            inverse.views = Some(std::mem::replace(&mut project.views, views));
        }
        if let Some(references) = self.references {
            inverse.references = Some(std::mem::replace(&mut project.references, references));
        }
        if let Some(candidates) = self.candidates {
            inverse.candidates = Some(std::mem::replace(&mut project.candidates, candidates));
        }
        if let Some(scenarios) = self.scenarios {
            inverse.scenarios = Some(std::mem::replace(&mut project.scenarios, scenarios));
        }
        inverse.nodes.reverse();
        inverse.links.reverse();
        inverse.agreements.reverse();
        inverse
    }
}
