//! Saved views: camera, highlights, filters and colouring, used as slides in workshops.

use super::Project;
use super::ids::{AgreementId, ChainId, NodeId, StageId, ViewId};
use super::node::{Node, NodeKind, Pos};
use serde::{Deserialize, Serialize};

/// A named, captioned state of the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct View {
    pub id: ViewId,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// Position in the slide order.
    pub order: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub camera: Option<Camera>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<NodeId>,
    pub filter: ViewFilter,
    pub colouring: Colouring,
    /// An agreement whose split chart is shown beside the graph when the view is presented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
}

/// Where the canvas looks: the canvas point at the centre of the screen, and the zoom.
///
/// `width` and `height` are the canvas area that was in view when the view was saved; when they
/// are set, showing the view fits that area to the screen, so a view saved on a laptop frames
/// the same part of the chain on a projector.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Camera {
    pub center: Pos,
    pub zoom: f32,
    #[serde(skip_serializing_if = "is_zero")]
    pub width: f32,
    #[serde(skip_serializing_if = "is_zero")]
    pub height: f32,
}

fn is_zero(v: &f32) -> bool {
    *v == 0.0
}

/// What is shown; an empty list means everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ViewFilter {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<NodeKind>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub chains: Vec<ChainId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl ViewFilter {
    /// Shows everything.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && self.chains.is_empty()
            && self.stages.is_empty()
            && self.tags.is_empty()
    }

    /// Whether `node` is shown: it meets every list that is not empty. A node without stages
    /// (a park, a partner region) is not held back by the chain and stage lists: it is the
    /// setting of the firms those lists pick.
    pub fn admits(&self, project: &Project, node: &Node) -> bool {
        if !self.kinds.is_empty() && !self.kinds.contains(&node.kind) {
            return false;
        }
        if !self.tags.is_empty() && !node.tags.iter().any(|t| self.tags.contains(t)) {
            return false;
        }
        if node.stages.is_empty() {
            return true;
        }
        if !self.stages.is_empty() && !node.stages.iter().any(|s| self.stages.contains(s)) {
            return false;
        }
        if !self.chains.is_empty()
            && !node.stages.iter().any(|s| {
                project
                    .stage(s)
                    .is_some_and(|(chain, _)| self.chains.contains(&chain.id))
            })
        {
            return false;
        }
        true
    }
}

/// How nodes are coloured: by a category, or by a measure of the analysis on a colour ramp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Colouring {
    /// by node kind
    #[default]
    Kind,
    /// by the segment of the node's main stage
    Segment,
    /// local vs. external
    Locality,
    /// by land-efficiency class
    LandClass,
    /// 中介中心性
    Betweenness,
    #[serde(rename = "pagerank")]
    PageRank,
    /// supply strength: value in + out
    Strength,
    /// 链主 score
    LeaderScore,
    /// 本地配套率
    LocalSupport,
    /// 亩均税收
    TaxPerMu,
}

impl Colouring {
    pub const ALL: [Colouring; 10] = [
        Colouring::Kind,
        Colouring::Segment,
        Colouring::Locality,
        Colouring::LandClass,
        Colouring::Betweenness,
        Colouring::PageRank,
        Colouring::Strength,
        Colouring::LeaderScore,
        Colouring::LocalSupport,
        Colouring::TaxPerMu,
    ];

    /// A measure drawn on a colour ramp (the others are categories).
    pub fn is_measure(self) -> bool {
        !matches!(
            self,
            Colouring::Kind | Colouring::Segment | Colouring::Locality | Colouring::LandClass
        )
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Colouring::Kind => lang.pick("类型", "Kind"),
            Colouring::Segment => lang.pick("上中下游", "Segment"),
            Colouring::Locality => lang.pick("本地/外地", "Local / external"),
            Colouring::LandClass => lang.pick("亩均等级", "Land class"),
            Colouring::Betweenness => lang.pick("中介中心性", "Betweenness"),
            Colouring::PageRank => "PageRank",
            Colouring::Strength => lang.pick("供应强度", "Strength"),
            Colouring::LeaderScore => lang.pick("链主得分", "Leader score"),
            Colouring::LocalSupport => lang.pick("本地配套率", "Local supporting rate"),
            Colouring::TaxPerMu => lang.pick("亩均税收", "Tax per mu"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Chain, Stage};

    fn node(id: &str, kind: NodeKind, stages: &[&str], tags: &[&str]) -> Node {
        Node {
            id: NodeId::from(id),
            kind,
            stages: stages.iter().map(|s| StageId::from(*s)).collect(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Node::default()
        }
    }

    #[test]
    fn filter_lists_all_have_to_be_met() {
        let mut project = Project::default();
        for (chain, stages) in [("c1", ["s1", "s2"]), ("c2", ["t1", "t2"])] {
            project.chains.insert(
                ChainId::from(chain),
                Chain {
                    id: ChainId::from(chain),
                    stages: stages
                        .iter()
                        .map(|s| Stage {
                            id: StageId::from(*s),
                            ..Stage::default()
                        })
                        .collect(),
                    ..Chain::default()
                },
            );
        }
        let firm = node("a", NodeKind::Enterprise, &["s2"], &["链主"]);
        let coop = node("b", NodeKind::Cooperative, &["t1"], &[]);
        let park = node("p", NodeKind::Park, &[], &[]);
        let all = ViewFilter::default();
        assert!(all.is_empty());
        assert!(
            [&firm, &coop, &park]
                .iter()
                .all(|n| all.admits(&project, n))
        );

        let chain = ViewFilter {
            chains: vec![ChainId::from("c1")],
            ..ViewFilter::default()
        };
        assert!(chain.admits(&project, &firm));
        assert!(!chain.admits(&project, &coop));
        assert!(chain.admits(&project, &park), "parks stay as the setting");

        let leaders = ViewFilter {
            tags: vec!["链主".into()],
            stages: vec![StageId::from("s2")],
            ..ViewFilter::default()
        };
        assert!(leaders.admits(&project, &firm));
        assert!(!leaders.admits(&project, &coop));
        assert!(
            !leaders.admits(&project, &park),
            "a tag list holds back untagged parks"
        );

        let kinds = ViewFilter {
            kinds: vec![NodeKind::Cooperative],
            ..ViewFilter::default()
        };
        assert!(!kinds.admits(&project, &firm));
        assert!(kinds.admits(&project, &coop));
    }
}
