//! The chain swimlane layout (串珠成链): one column per stage from upstream to downstream, the
//! support lanes apart, every firm in its main stage's column. The stages fix the layers, so what
//! remains is Sugiyama's ordering phase — layered barycentre sweeps over the supply links, keeping
//! the best order seen, then adjacent transposes — and a simple coordinate phase. External
//! suppliers go to the outer (bottom) edge of their lane; parks and regions go in rows below and
//! above the lanes, near what they link to (`places`). Pinned nodes never move and keep their
//! place free.

use super::{LANE_WIDTH, ROW_HEIGHT, crossings::segments_crossings};
use crate::model::{Chain, ChainId, LinkKind, NodeId, NodeKind, Pos, Project, Segment, StageId};
use std::collections::BTreeMap;

/// Top and bottom of the lanes (canvas units): around every placed enterprise-like node, with
/// room for the header.
pub fn lane_extent(project: &Project) -> (f32, f32) {
    let ys: Vec<f32> = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like())
        .filter_map(|n| n.position.map(|p| p.y))
        .collect();
    let top = ys.iter().copied().fold(f32::MAX, f32::min);
    let bottom = ys.iter().copied().fold(f32::MIN, f32::max);
    if ys.is_empty() {
        (-80.0, 600.0)
    } else {
        (top - 45.0, bottom + 70.0)
    }
}

/// Every stage's column centre, left to right: chains one after another, each chain's support
/// lanes after a gap column.
pub fn lane_columns(project: &Project) -> Vec<(StageId, f32, Segment)> {
    lane_columns_of(&project.chains)
}

/// [`lane_columns`] of a set of chains (a structure edit compares the lanes before and after).
pub fn lane_columns_of(chains: &BTreeMap<ChainId, Chain>) -> Vec<(StageId, f32, Segment)> {
    let mut lanes = Vec::new();
    let mut column = 0.0;
    for chain in crate::model::chains_in_order(chains) {
        let mut in_support = false;
        for stage in &chain.stages {
            if stage.segment == Segment::Support && !in_support {
                in_support = true;
                column += 1.0;
            }
            lanes.push((stage.id.clone(), column * LANE_WIDTH, stage.segment));
            column += 1.0;
        }
        column += 1.0;
    }
    lanes
}

/// Above this many supply links the best-of-sweeps choice uses the last sweep instead of
/// counting crossings (an O(E²) count, too slow for large chains).
const COUNT_LIMIT: usize = 1_500;

/// New positions for every movable node (pinned ones excluded), in id order.
pub fn swimlane(project: &Project) -> Vec<(NodeId, Pos)> {
    let ordering = Ordering::new(project);
    let (mut best, best_count) = ordering.sweeps();
    // Adjacent transposes while they help (small graphs: each trial recounts).
    let counting = ordering.segments.len() <= COUNT_LIMIT;
    if counting && ordering.segments.len() <= 600 {
        ordering.transpose(&mut best, best_count);
    }
    let best: Vec<Vec<&NodeId>> = best
        .iter()
        .map(|l| l.iter().map(|&n| ordering.ids[n]).collect())
        .collect();
    let mut placed = assign_rows(project, &best, &ordering.xs);
    super::places::place_parks_and_regions(project, &mut placed);
    placed.into_iter().collect()
}

/// The ordering phase's problem: the enterprise-like nodes as indices, in layers (one a stage
/// column, plus a lane of their own on the left for those without a known stage), with their
/// supply neighbours. From here on nodes are indices (ids only at the end): the sweeps touch
/// every node many times, and a 10,000-firm chain must lay out in well under a second.
struct Ordering<'p> {
    ids: Vec<&'p NodeId>,
    /// Node indices by layer, locals before externals, in the current vertical order.
    layers: Vec<Vec<usize>>,
    /// External suppliers keep to the outer (bottom) edge of their lane.
    external: Vec<bool>,
    /// Neighbours through supply links (either direction), between different layers.
    neighbours: Vec<Vec<usize>>,
    /// Those supply links, for counting crossings.
    segments: Vec<(usize, usize)>,
    /// Each layer's column centre.
    xs: Vec<f32>,
    /// Ids as text, for the crossing count's tie-breaks.
    names: Vec<String>,
}

impl<'p> Ordering<'p> {
    fn new(project: &'p Project) -> Self {
        let lanes = lane_columns(project);
        let column_of: BTreeMap<&StageId, usize> = lanes
            .iter()
            .enumerate()
            .map(|(i, (s, _, _))| (s, i))
            .collect();
        let loose_column = lanes.len();
        let mut layers: Vec<Vec<&NodeId>> = vec![Vec::new(); lanes.len() + 1];
        for node in project
            .nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like())
        {
            let c = node
                .main_stage()
                .and_then(|s| column_of.get(s).copied())
                .unwrap_or(loose_column);
            layers[c].push(&node.id);
        }
        let layer_of: BTreeMap<&NodeId, usize> = layers
            .iter()
            .enumerate()
            .flat_map(|(c, l)| l.iter().map(move |id| (*id, c)))
            .collect();
        let xs: Vec<f32> = (0..=loose_column)
            .map(|c| {
                if c == loose_column {
                    -LANE_WIDTH * 1.5
                } else {
                    lanes[c].1
                }
            })
            .collect();

        let ids: Vec<&NodeId> = layers.iter().flatten().copied().collect();
        let index: BTreeMap<&NodeId, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut layers: Vec<Vec<usize>> = layers
            .iter()
            .map(|l| l.iter().map(|id| index[id]).collect())
            .collect();
        let external: Vec<bool> = ids
            .iter()
            .map(|id| {
                project
                    .nodes
                    .get(*id)
                    .is_some_and(|n| n.kind == NodeKind::ExternalEnterprise)
            })
            .collect();
        let start_y: Vec<f32> = ids
            .iter()
            .map(|id| project.nodes[*id].position.map(|p| p.y).unwrap_or(f32::MAX))
            .collect();

        let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
        let mut segments: Vec<(usize, usize)> = Vec::new();
        for link in project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply)
        {
            if let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to))
                && layer_of[ids[a]] != layer_of[ids[b]]
            {
                neighbours[a].push(b);
                neighbours[b].push(a);
                segments.push((a, b));
            }
        }

        // Start from the current vertical order (so a re-layout stays close to what the user
        // had), locals before externals.
        for layer in layers.iter_mut() {
            layer.sort_by(|&a, &b| {
                external[a]
                    .cmp(&external[b])
                    .then(start_y[a].total_cmp(&start_y[b]))
                    .then(ids[a].cmp(ids[b]))
            });
        }
        let names = ids.iter().map(|id| id.to_string()).collect();
        Self {
            ids,
            layers,
            external,
            neighbours,
            segments,
            xs,
            names,
        }
    }

    /// Supply-link crossings with the layers in this order, one row apart.
    fn count(&self, layers: &[Vec<usize>]) -> usize {
        let mut pos = vec![Pos::default(); self.ids.len()];
        for (c, layer) in layers.iter().enumerate() {
            for (i, &n) in layer.iter().enumerate() {
                pos[n] = Pos {
                    x: self.xs[c],
                    y: i as f32 * ROW_HEIGHT,
                };
            }
        }
        let segs: Vec<(&str, &str, Pos, Pos)> = self
            .segments
            .iter()
            .map(|&(a, b)| {
                (
                    self.names[a].as_str(),
                    self.names[b].as_str(),
                    pos[a],
                    pos[b],
                )
            })
            .collect();
        segments_crossings(&segs)
    }

    /// Layered barycentre sweeps, alternating left-to-right and right-to-left: the best order
    /// seen and its crossings (`usize::MAX` when too many links to count: then the last sweep).
    fn sweeps(&self) -> (Vec<Vec<usize>>, usize) {
        let mut layers = self.layers.clone();
        let mut rank = vec![0.0f32; self.ids.len()];
        let set_ranks = |rank: &mut Vec<f32>, layer: &[usize]| {
            for (i, &n) in layer.iter().enumerate() {
                rank[n] = i as f32 / layer.len().max(1) as f32;
            }
        };
        for layer in &layers {
            set_ranks(&mut rank, layer);
        }
        let counting = self.segments.len() <= COUNT_LIMIT;
        let mut best = layers.clone();
        let mut best_count = if counting {
            self.count(&layers)
        } else {
            usize::MAX
        };
        let order: Vec<usize> = (0..layers.len()).collect();
        for sweep in 0..24 {
            let columns: Vec<usize> = if sweep % 2 == 0 {
                order.clone()
            } else {
                order.iter().rev().copied().collect()
            };
            for &c in &columns {
                let mut keyed: Vec<(f32, usize)> = layers[c]
                    .iter()
                    .map(|&n| {
                        let ns = &self.neighbours[n];
                        let bary = if ns.is_empty() {
                            rank[n]
                        } else {
                            ns.iter().map(|&m| rank[m]).sum::<f32>() / ns.len() as f32
                        };
                        (bary, n)
                    })
                    .collect();
                keyed.sort_by(|a, b| {
                    self.external[a.1]
                        .cmp(&self.external[b.1])
                        .then(a.0.total_cmp(&b.0))
                        .then(self.ids[a.1].cmp(self.ids[b.1]))
                });
                layers[c] = keyed.into_iter().map(|(_, n)| n).collect();
                set_ranks(&mut rank, &layers[c]);
            }
            if counting {
                let c = self.count(&layers);
                if c < best_count {
                    best_count = c;
                    best = layers.clone();
                }
            } else {
                best = layers.clone();
            }
        }
        (best, best_count)
    }

    /// Swaps neighbours in a layer (locals with locals, externals with externals) while that
    /// cuts crossings, for up to eight rounds.
    fn transpose(&self, best: &mut [Vec<usize>], mut best_count: usize) {
        let mut improved = true;
        let mut rounds = 0;
        while improved && rounds < 8 {
            improved = false;
            rounds += 1;
            for c in 0..best.len() {
                for i in 0..best[c].len().saturating_sub(1) {
                    if self.external[best[c][i]] != self.external[best[c][i + 1]] {
                        continue;
                    }
                    best[c].swap(i, i + 1);
                    let n = self.count(best);
                    if n < best_count {
                        best_count = n;
                        improved = true;
                    } else {
                        best[c].swap(i, i + 1);
                    }
                }
            }
        }
    }
}

/// Coordinates: rows from the top of each lane, skipping rows a pinned node occupies.
fn assign_rows(project: &Project, layers: &[Vec<&NodeId>], xs: &[f32]) -> BTreeMap<NodeId, Pos> {
    let mut placed: BTreeMap<NodeId, Pos> = BTreeMap::new();
    for (c, layer) in layers.iter().enumerate() {
        let x = xs[c];
        let pinned_rows: Vec<f32> = layer
            .iter()
            .filter(|id| project.nodes[**id].pinned)
            .filter_map(|id| project.nodes[*id].position)
            .filter(|p| (p.x - x).abs() < LANE_WIDTH / 2.0)
            .map(|p| p.y)
            .collect();
        let mut row = 0;
        for id in layer.iter().filter(|id| !project.nodes[**id].pinned) {
            let mut y = row as f32 * ROW_HEIGHT;
            while pinned_rows
                .iter()
                .any(|py| (py - y).abs() < ROW_HEIGHT * 0.75)
            {
                row += 1;
                y = row as f32 * ROW_HEIGHT;
            }
            placed.insert((*id).clone(), Pos { x, y });
            row += 1;
        }
    }
    placed
}

/// Positions for the nodes that have none yet (new ones), leaving every placed node where it is:
/// firms at the bottom of their stage's lane, others at the left.
pub fn place_new(project: &Project) -> Vec<(NodeId, Pos)> {
    let lanes = lane_columns(project);
    let mut bottom: BTreeMap<&StageId, f32> = BTreeMap::new();
    for node in project.nodes.values() {
        if let (Some(stage), Some(p)) = (node.main_stage(), node.position) {
            let b = bottom.entry(stage).or_insert(f32::MIN);
            *b = b.max(p.y);
        }
    }
    let mut loose_row = 0.0;
    let mut out = Vec::new();
    for node in project.nodes.values().filter(|n| n.position.is_none()) {
        let lane = node
            .main_stage()
            .and_then(|s| lanes.iter().find(|(id, _, _)| id == s));
        let pos = match lane {
            Some((stage, x, _)) => {
                let y = bottom.get(stage).map(|b| b + ROW_HEIGHT).unwrap_or(0.0);
                bottom.insert(stage, y);
                Pos { x: *x, y }
            }
            None => {
                loose_row += 1.0;
                Pos {
                    x: -LANE_WIDTH * 1.5,
                    y: loose_row * ROW_HEIGHT,
                }
            }
        };
        out.push((node.id.clone(), pos));
    }
    out
}
