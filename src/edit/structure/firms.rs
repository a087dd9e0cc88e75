//! What a structure edit does to the firms and views that refer to stages: the firms of a
//! removed stage move to another stage or let go of it, saved views stop filtering on it, and
//! every placed firm stays in its lane when the lanes shift.

use super::{EditError, Reshape, StageFirms};
use crate::layout::{ROW_HEIGHT, lane_columns_of};
use crate::model::{ChainId, Node, NodeId, Pos, StageId};
use std::collections::{BTreeMap, BTreeSet};

impl Reshape<'_> {
    /// The firms of the removed stages `gone` (with the removed chains `chains_gone`) move or
    /// let go of them as `firms` says; saved views stop filtering on them.
    pub(super) fn let_go(
        &mut self,
        gone: &BTreeSet<StageId>,
        chains_gone: &[ChainId],
        firms: &StageFirms,
    ) -> Result<(), EditError> {
        if let StageFirms::MoveTo(target) = firms
            && (gone.contains(target) || self.find_stage(target).is_err())
        {
            return Err(EditError::new(
                format!("不能把企业移到环节“{target}”:它不存在或正被删除"),
                format!(
                    "firms cannot move to stage \"{target}\": it does not exist or is being removed"
                ),
            ));
        }
        for node in self.project.nodes.values() {
            if !node.stages.iter().any(|s| gone.contains(s)) {
                continue;
            }
            let mut stages: Vec<StageId> = Vec::new();
            for stage in &node.stages {
                let kept = match firms {
                    _ if !gone.contains(stage) => Some(stage),
                    StageFirms::MoveTo(target) => Some(target),
                    StageFirms::Keep => None,
                };
                if let Some(kept) = kept
                    && !stages.contains(kept)
                {
                    stages.push(kept.clone());
                }
            }
            let node = Node {
                stages,
                ..node.clone()
            };
            self.nodes.insert(node.id.clone(), node);
        }
        let mut views = self.project.views.clone();
        let mut changed = false;
        for view in views.values_mut() {
            let filter = &mut view.filter;
            let before = (filter.stages.len(), filter.chains.len());
            filter.stages.retain(|s| !gone.contains(s));
            filter.chains.retain(|c| !chains_gone.contains(c));
            changed |= before != (filter.stages.len(), filter.chains.len());
        }
        if changed {
            self.views = Some(views);
        }
        Ok(())
    }

    /// Placed firms stay in their lanes: when lanes shift (a stage added, moved or removed
    /// before theirs, a chain moved), the firms shift with them; firms whose main stage changed
    /// go to its lane, one row each below the firms already there, keeping their order.
    pub(super) fn follow_lanes(&mut self) {
        let column = |lanes: Vec<(StageId, f32, _)>| -> BTreeMap<StageId, f32> {
            lanes.into_iter().map(|(id, x, _)| (id, x)).collect()
        };
        let before = column(lane_columns_of(&self.project.chains));
        let after = column(lane_columns_of(&self.chains));
        // The lowest firm staying in each lane, and the firms arriving in it.
        let mut bottom: BTreeMap<StageId, f32> = BTreeMap::new();
        let mut arriving: BTreeMap<StageId, Vec<(NodeId, Pos)>> = BTreeMap::new();
        for old in self.project.nodes.values() {
            let node = self.nodes.get(&old.id).unwrap_or(old);
            let (Some(pos), Some(main)) = (node.position, node.main_stage()) else {
                continue;
            };
            let Some(&x) = after.get(main) else {
                continue;
            };
            if !node.kind.is_enterprise_like() {
                continue;
            }
            if old.main_stage() != Some(main) {
                arriving
                    .entry(main.clone())
                    .or_default()
                    .push((node.id.clone(), pos));
                continue;
            }
            let lowest = bottom.entry(main.clone()).or_insert(f32::MIN);
            *lowest = lowest.max(pos.y);
            if let Some(&x0) = before.get(main)
                && (x - x0).abs() > 0.01
            {
                let shifted = Node {
                    position: Some(Pos {
                        x: pos.x + x - x0,
                        ..pos
                    }),
                    ..node.clone()
                };
                self.nodes.insert(shifted.id.clone(), shifted);
            }
        }
        for (stage, mut firms) in arriving {
            let x = after[&stage];
            // One row each, top to bottom as they were (left to right on a tie), under the
            // lowest firm already there; into an empty lane from where the topmost was.
            firms.sort_by(|(_, a), (_, b)| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
            let top = firms.first().map_or(0.0, |(_, p)| p.y);
            let first_row = bottom.get(&stage).map_or(top, |lowest| lowest + ROW_HEIGHT);
            for (row, (id, _)) in firms.into_iter().enumerate() {
                if let Some(node) = self.nodes.get_mut(&id) {
                    node.position = Some(Pos {
                        x,
                        y: first_row + row as f32 * ROW_HEIGHT,
                    });
                }
            }
        }
    }
}
