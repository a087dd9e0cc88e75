//! Chain-leader candidates (链主): local firms ranked by a transparent score.
//!
//! score = 0.4 · betweenness / max + 0.3 · strength / max + 0.3 · output / max, each part in
//! [0, 1] and shown beside the total: brokerage in the network, the volume of supply it
//! organises, and its own size. (Our design; DOMAIN.md asks for these three parts, visibly.)

use super::graph::SupplyGraph;
use super::output;
use crate::model::{NodeId, Project, Year};

pub const WEIGHT_BETWEENNESS: f64 = 0.4;
pub const WEIGHT_STRENGTH: f64 = 0.3;
pub const WEIGHT_OUTPUT: f64 = 0.3;

/// One candidate and the parts of its score.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderReport {
    pub id: NodeId,
    pub name: String,
    pub score: f64,
    /// betweenness ÷ the largest betweenness
    pub betweenness_part: f64,
    /// strength ÷ the largest strength
    pub strength_part: f64,
    /// output ÷ the largest output
    pub output_part: f64,
    pub betweenness: f64,
    pub strength: f64,
    pub output: f64,
}

/// Every local firm of the graph, best first (ties by id).
pub fn rank(
    project: &Project,
    g: &SupplyGraph,
    betweenness: &[f64],
    year: Option<Year>,
) -> Vec<LeaderReport> {
    let local: Vec<usize> = (0..g.len())
        .filter(|&i| project.nodes[&g.ids[i]].kind.is_local())
        .collect();
    let outputs: Vec<f64> = (0..g.len())
        .map(|i| output(&project.nodes[&g.ids[i]], year))
        .collect();
    let max = |f: &dyn Fn(usize) -> f64| local.iter().map(|&i| f(i)).fold(0.0, f64::max);
    let (mb, ms, mo) = (
        max(&|i| betweenness[i]),
        max(&|i| g.strength[i]),
        max(&|i| outputs[i]),
    );
    let part = |v: f64, m: f64| if m > 0.0 { v / m } else { 0.0 };
    let mut leaders: Vec<LeaderReport> = local
        .iter()
        .map(|&i| {
            let (b, s, o) = (
                part(betweenness[i], mb),
                part(g.strength[i], ms),
                part(outputs[i], mo),
            );
            LeaderReport {
                id: g.ids[i].clone(),
                name: project.nodes[&g.ids[i]].name.clone(),
                score: WEIGHT_BETWEENNESS * b + WEIGHT_STRENGTH * s + WEIGHT_OUTPUT * o,
                betweenness_part: b,
                strength_part: s,
                output_part: o,
                betweenness: betweenness[i],
                strength: g.strength[i],
                output: outputs[i],
            }
        })
        .collect();
    leaders.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    leaders
}
