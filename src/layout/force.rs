//! Force-directed layout for exploration: springs along every link, repulsion between nodes
//! computed on a uniform grid (only neighbouring cells, so a step is O(n + m), not O(n²)), and a
//! gentle pull of each firm toward its stage's column so the chain still reads left to right.
//! Pinned nodes stay put. Deterministic for the same input.

use super::{ROW_HEIGHT, lane_columns};
use crate::model::{NodeId, Pos, Project};
use std::collections::HashMap;

/// Ideal distance between linked nodes, in canvas units.
const IDEAL: f32 = 140.0;

/// The state of a running force layout, advanced step by step (so a caller can show progress
/// and stop early).
pub struct ForceLayout {
    ids: Vec<NodeId>,
    pos: Vec<Pos>,
    pinned: Vec<bool>,
    /// The x of each node's stage column, when it has one.
    column_x: Vec<Option<f32>>,
    edges: Vec<(usize, usize)>,
    temperature: f32,
}

impl ForceLayout {
    /// Starts from the current positions (nodes without one start in their column).
    pub fn new(project: &Project) -> Self {
        let columns = lane_columns(project);
        let ids: Vec<NodeId> = project.nodes.keys().cloned().collect();
        let index: HashMap<&NodeId, usize> =
            ids.iter().enumerate().map(|(i, id)| (id, i)).collect();
        let mut pos = Vec::with_capacity(ids.len());
        let mut column_x = Vec::with_capacity(ids.len());
        for (i, node) in project.nodes.values().enumerate() {
            let col = node
                .main_stage()
                .and_then(|s| columns.iter().find(|(id, _, _)| id == s))
                .map(|(_, x, _)| *x);
            column_x.push(col);
            pos.push(node.position.unwrap_or(Pos {
                x: col.unwrap_or(0.0),
                y: (i % 50) as f32 * ROW_HEIGHT,
            }));
        }
        let edges = project
            .links
            .values()
            .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
            .filter(|(a, b)| a != b)
            .collect();
        let pinned = project.nodes.values().map(|n| n.pinned).collect();
        Self {
            ids,
            pos,
            pinned,
            column_x,
            edges,
            temperature: IDEAL,
        }
    }

    /// One step: forces, then moves capped by the temperature, which cools.
    ///
    /// # Complexity
    /// O(n + m) with the grid (each node meets the others in its 3 × 3 cells).
    pub fn step(&mut self) {
        let n = self.pos.len();
        if n == 0 {
            return;
        }
        let mut force = vec![(0.0f32, 0.0f32); n];
        // Repulsion on a grid of cells 2 × IDEAL wide.
        let cell = 2.0 * IDEAL;
        let key = |p: Pos| ((p.x / cell).floor() as i64, (p.y / cell).floor() as i64);
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, p) in self.pos.iter().enumerate() {
            grid.entry(key(*p)).or_default().push(i);
        }
        for (i, p) in self.pos.iter().enumerate() {
            let (cx, cy) = key(*p);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(others) = grid.get(&(cx + dx, cy + dy)) else {
                        continue;
                    };
                    for &j in others {
                        if j == i {
                            continue;
                        }
                        let (mut ddx, mut ddy) = (p.x - self.pos[j].x, p.y - self.pos[j].y);
                        let mut d2 = ddx * ddx + ddy * ddy;
                        if d2 < 1e-4 {
                            // Coincident nodes: push apart along a direction fixed by their order.
                            ddx = if i < j { 1.0 } else { -1.0 };
                            ddy = 0.5;
                            d2 = 1.25;
                        }
                        let d = d2.sqrt();
                        if d < cell {
                            let f = IDEAL * IDEAL / d;
                            force[i].0 += ddx / d * f;
                            force[i].1 += ddy / d * f;
                        }
                    }
                }
            }
        }
        // Springs.
        for &(a, b) in &self.edges {
            let (dx, dy) = (self.pos[b].x - self.pos[a].x, self.pos[b].y - self.pos[a].y);
            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
            let f = d * d / IDEAL / 4.0;
            let (fx, fy) = (dx / d * f, dy / d * f);
            force[a].0 += fx;
            force[a].1 += fy;
            force[b].0 -= fx;
            force[b].1 -= fy;
        }
        // Stage columns pull gently, so upstream stays left of downstream.
        for (i, f) in force.iter_mut().enumerate() {
            if let Some(x) = self.column_x[i] {
                f.0 += (x - self.pos[i].x) * 0.8;
            }
        }
        for (i, (fx, fy)) in force.into_iter().enumerate() {
            if self.pinned[i] {
                continue;
            }
            let len = (fx * fx + fy * fy).sqrt();
            if len > 0.0 && len.is_finite() {
                let step = len.min(self.temperature);
                self.pos[i].x += fx / len * step;
                self.pos[i].y += fy / len * step;
            }
        }
        self.temperature = (self.temperature * 0.96).max(2.0);
    }

    /// The positions of the movable nodes, in id order.
    pub fn positions(&self) -> Vec<(NodeId, Pos)> {
        self.ids
            .iter()
            .zip(&self.pos)
            .zip(&self.pinned)
            .filter(|(_, pinned)| !**pinned)
            .map(|((id, p), _)| (id.clone(), *p))
            .collect()
    }
}

/// Runs `steps` steps and returns the new positions of the movable nodes.
pub fn force(project: &Project, steps: usize) -> Vec<(NodeId, Pos)> {
    let mut layout = ForceLayout::new(project);
    for _ in 0..steps {
        layout.step();
    }
    layout.positions()
}

/// How many steps a layout of this project gets by default.
pub fn default_steps(project: &Project) -> usize {
    if project.nodes.len() > 5_000 {
        120
    } else {
        250
    }
}
