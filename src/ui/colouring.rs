//! Node colours for each way of colouring the canvas (kind, segment, local/external, land class,
//! or an analysis measure on a ramp), and the legend that explains them.

use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::model::{Colouring, NodeId, NodeKind, Project, Segment};
use crate::ui::theme;
use egui::Color32;
use std::collections::BTreeMap;

/// Drawn for a node the colouring has no value for.
pub const NO_VALUE: Color32 = Color32::from_gray(200);

/// The colours of one colouring, worked out once per document revision.
#[derive(Debug, Clone, Default)]
pub struct NodeColours {
    /// Empty for colouring by kind (each node's kind colour).
    pub by_node: BTreeMap<NodeId, Color32>,
    pub legend: Legend,
}

/// What the colour legend shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Legend {
    /// The kind legend strip already explains it.
    #[default]
    None,
    /// A ramp from low to high; `empty` when no node has a value.
    Ramp { title: String, empty: bool },
    /// A colour per category.
    Categories {
        title: String,
        items: Vec<(String, Color32)>,
    },
}

impl NodeColours {
    /// The fill of `id` (of `kind`).
    pub fn fill(&self, colouring: Colouring, id: &NodeId, kind: NodeKind) -> Color32 {
        if colouring == Colouring::Kind {
            theme::node_fill(kind)
        } else {
            self.by_node.get(id).copied().unwrap_or(NO_VALUE)
        }
    }
}

/// Local firms in green, external suppliers in grey (DOMAIN.md: local = inside the county).
const LOCAL: Color32 = Color32::from_rgb(46, 140, 80);
const EXTERNAL: Color32 = Color32::from_rgb(150, 150, 150);

/// Land classes best first: green, yellow-green, amber, red, then darker reds.
const CLASS_COLOURS: [Color32; 6] = [
    Color32::from_rgb(40, 150, 70),
    Color32::from_rgb(150, 190, 60),
    Color32::from_rgb(240, 170, 40),
    Color32::from_rgb(214, 70, 50),
    Color32::from_rgb(150, 40, 40),
    Color32::from_rgb(100, 30, 30),
];

/// The node colours of `colouring`. Measures need the analysis; without one every node is grey.
pub fn node_colours(
    project: &Project,
    analysis: Option<&Analysis>,
    colouring: Colouring,
    lang: Lang,
) -> NodeColours {
    let title = colouring.label(lang).to_owned();
    match colouring {
        Colouring::Kind => NodeColours::default(),
        Colouring::Segment => {
            let by_node = project
                .nodes
                .values()
                .filter_map(|n| {
                    let (_, stage) = project.stage(n.main_stage()?)?;
                    Some((n.id.clone(), theme::segment_strong(stage.segment)))
                })
                .collect();
            let items = Segment::ALL
                .into_iter()
                .map(|s| (s.label(lang).to_owned(), theme::segment_strong(s)))
                .collect();
            NodeColours {
                by_node,
                legend: Legend::Categories { title, items },
            }
        }
        Colouring::Locality => {
            let by_node = project
                .nodes
                .values()
                .filter(|n| n.kind.is_enterprise_like())
                .map(|n| {
                    (
                        n.id.clone(),
                        if n.kind.is_local() { LOCAL } else { EXTERNAL },
                    )
                })
                .collect();
            let items = vec![
                (lang.pick("本地", "Local").to_owned(), LOCAL),
                (lang.pick("外地", "External").to_owned(), EXTERNAL),
            ];
            NodeColours {
                by_node,
                legend: Legend::Categories { title, items },
            }
        }
        Colouring::LandClass => {
            // The 亩均效益评价 classes (issue 16): A–D by rank in the firm's group.
            use crate::analysis::land::LandGrade;
            let colour = |g: LandGrade| CLASS_COLOURS[(g as usize).min(CLASS_COLOURS.len() - 1)];
            let by_node = analysis
                .map(|a| {
                    a.land
                        .firms()
                        .map(|f| (f.id.clone(), colour(f.class)))
                        .collect()
                })
                .unwrap_or_default();
            let items = LandGrade::ALL
                .iter()
                .map(|&g| (g.code().to_owned(), colour(g)))
                .collect();
            NodeColours {
                by_node,
                legend: Legend::Categories { title, items },
            }
        }
        measure => {
            let values = analysis
                .map(|a| measure_values(a, measure))
                .unwrap_or_default();
            NodeColours {
                legend: Legend::Ramp {
                    title,
                    empty: values.is_empty(),
                },
                by_node: values.into_iter().map(|(id, v)| (id, ramp(v))).collect(),
            }
        }
    }
}

/// Each node's value of a measure, scaled to [0, 1] by the largest (0 when all are 0); nodes
/// without a value are left out (drawn grey).
fn measure_values(a: &Analysis, m: Colouring) -> BTreeMap<NodeId, f32> {
    let raw: Vec<(NodeId, f64)> = match m {
        Colouring::TaxPerMu => a
            .land
            .firms()
            .filter_map(|f| Some((f.id.clone(), f.values.tax_per_mu?)))
            .collect(),
        _ => a
            .nodes
            .iter()
            .filter_map(|n| {
                let v = match m {
                    Colouring::Betweenness => Some(n.betweenness),
                    Colouring::PageRank => Some(n.pagerank),
                    Colouring::Strength => Some(n.strength),
                    Colouring::LeaderScore => n.leader_score,
                    Colouring::LocalSupport => n.local_supporting_rate,
                    _ => None,
                };
                Some((n.id.clone(), v?))
            })
            .collect(),
    };
    let max = raw.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    raw.into_iter()
        .map(|(id, v)| (id, if max > 0.0 { (v / max) as f32 } else { 0.0 }))
        .collect()
}

/// A sequential colour ramp from pale yellow (0) through orange to deep red (1).
pub fn ramp(t: f32) -> Color32 {
    let stops = [
        (255.0, 237.0, 160.0),
        (253.0, 141.0, 60.0),
        (189.0, 0.0, 38.0),
    ];
    let t = t.clamp(0.0, 1.0) * 2.0;
    let i = (t.floor() as usize).min(1);
    let f = t - i as f32;
    let (a, b) = (stops[i], stops[i + 1]);
    let mix = |x: f32, y: f32| (x + (y - x) * f).round() as u8;
    Color32::from_rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_runs_from_pale_to_deep() {
        assert_eq!(ramp(0.0), Color32::from_rgb(255, 237, 160));
        assert_eq!(ramp(0.5), Color32::from_rgb(253, 141, 60));
        assert_eq!(ramp(1.0), Color32::from_rgb(189, 0, 38));
        assert_eq!(ramp(7.0), ramp(1.0));
    }

    #[test]
    fn locality_and_segment_colour_the_sample() {
        let project = crate::ui::app::bundled_sample();
        let local = node_colours(&project, None, Colouring::Locality, Lang::Zh);
        for node in project.nodes.values() {
            let expected = match (node.kind.is_enterprise_like(), node.kind.is_local()) {
                (false, _) => NO_VALUE,
                (true, true) => LOCAL,
                (true, false) => EXTERNAL,
            };
            assert_eq!(
                local.fill(Colouring::Locality, &node.id, node.kind),
                expected
            );
        }
        let segment = node_colours(&project, None, Colouring::Segment, Lang::En);
        let (id, node) = project
            .nodes
            .iter()
            .find(|(_, n)| n.main_stage().is_some())
            .expect("a staged node");
        let (_, stage) = project
            .stage(node.main_stage().expect("stage"))
            .expect("known");
        assert_eq!(
            segment.by_node.get(id),
            Some(&theme::segment_strong(stage.segment))
        );
        // Measures without an analysis: every node grey, and the legend says so.
        let none = node_colours(&project, None, Colouring::Betweenness, Lang::En);
        assert!(none.by_node.is_empty());
        assert_eq!(
            none.legend,
            Legend::Ramp {
                title: "Betweenness".into(),
                empty: true
            }
        );
    }
}
