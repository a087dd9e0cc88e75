//! Id newtypes. Ids are strings chosen by the user or generated (`n12`), stable forever; a newtype
//! per kind of thing keeps a node id from being used where a stage id is meant.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }
    };
}

id_type!(
    /// Identifies a chain (产业链).
    ChainId
);
id_type!(
    /// Identifies a stage (环节); unique across the whole project, since nodes refer to stages directly.
    StageId
);
id_type!(
    /// Identifies a node: enterprise, park, region ...
    NodeId
);
id_type!(
    /// Identifies a link between two nodes.
    LinkId
);
id_type!(
    /// Identifies a benefit-sharing agreement.
    AgreementId
);
id_type!(
    /// Identifies a phase inside an agreement.
    PhaseId
);
id_type!(
    /// Identifies a saved view (a workshop slide).
    ViewId
);

/// Makes a fresh id `prefix` + number that is not yet taken, e.g. `n12`.
pub fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1u64..)
        .map(|i| format!("{prefix}{i}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| prefix.to_owned())
}

/// A node id (`n12`) that neither `project` nor `also_taken` uses: the ids of nodes being made
/// in one go (a paste) go into `also_taken` so they differ from each other too.
pub fn fresh_node_id(project: &super::Project, also_taken: &BTreeSet<NodeId>) -> NodeId {
    NodeId(fresh_id("n", |c| {
        let id = NodeId::from(c);
        project.nodes.contains_key(&id) || also_taken.contains(&id)
    }))
}

/// A link id (`l12`) that neither `project` nor `also_taken` uses.
pub fn fresh_link_id(project: &super::Project, also_taken: &BTreeSet<LinkId>) -> LinkId {
    LinkId(fresh_id("l", |c| {
        let id = LinkId::from(c);
        project.links.contains_key(&id) || also_taken.contains(&id)
    }))
}

/// A chain id (`c2`) the project does not use.
pub fn fresh_chain_id(project: &super::Project) -> ChainId {
    ChainId(fresh_id("c", |c| {
        project.chains.contains_key(&ChainId::from(c))
    }))
}

/// A stage id no chain of the project uses: the segment's letter and a number, like the
/// samples' U1 (upstream), M2 (midstream), D1 (downstream), S3 (support).
pub fn fresh_stage_id(project: &super::Project, segment: super::Segment) -> StageId {
    let letter = match segment {
        super::Segment::Upstream => "U",
        super::Segment::Midstream => "M",
        super::Segment::Downstream => "D",
        super::Segment::Support => "S",
    };
    StageId(fresh_id(letter, |c| {
        project.stage(&StageId::from(c)).is_some()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Chain, Link, Node, Project, Segment, Stage};

    #[test]
    fn fresh_ids_skip_the_project_and_the_ones_being_made() {
        let mut project = Project::default();
        for id in ["n1", "n3"] {
            project.nodes.insert(
                NodeId::from(id),
                Node {
                    id: NodeId::from(id),
                    ..Node::default()
                },
            );
        }
        project.links.insert(
            LinkId::from("l1"),
            Link {
                id: LinkId::from("l1"),
                ..Link::default()
            },
        );
        assert_eq!(
            fresh_node_id(&project, &BTreeSet::new()),
            NodeId::from("n2")
        );
        let making = BTreeSet::from([NodeId::from("n2")]);
        assert_eq!(fresh_node_id(&project, &making), NodeId::from("n4"));
        assert_eq!(
            fresh_link_id(&project, &BTreeSet::new()),
            LinkId::from("l2")
        );
        let making = BTreeSet::from([LinkId::from("l2"), LinkId::from("l3")]);
        assert_eq!(fresh_link_id(&project, &making), LinkId::from("l4"));
    }

    #[test]
    fn fresh_stage_ids_take_the_segment_letter_and_skip_every_chain() {
        let mut project = Project::default();
        for (chain, stage) in [("c1", "U1"), ("c3", "U2"), ("c2", "M1")] {
            project.chains.insert(
                ChainId::from(chain),
                Chain {
                    id: ChainId::from(chain),
                    stages: vec![Stage {
                        id: StageId::from(stage),
                        ..Stage::default()
                    }],
                    ..Chain::default()
                },
            );
        }
        assert_eq!(
            fresh_stage_id(&project, Segment::Upstream),
            StageId::from("U3")
        );
        assert_eq!(
            fresh_stage_id(&project, Segment::Midstream),
            StageId::from("M2")
        );
        assert_eq!(
            fresh_stage_id(&project, Segment::Support),
            StageId::from("S1")
        );
        assert_eq!(fresh_chain_id(&project), ChainId::from("c4"));
    }
}
