//! Supply between towns on the territory view: one arc per (from town, to town) with the
//! value of the supply links between their firms, a curve bending to its left whose ends are
//! cut back to the edge of each town's name, so no arc runs through a name or its figures.

use super::layout::{TerritoryLayout, TownArc};
use crate::analysis::territory::TerritoryReport;
use crate::model::{LinkKind, NodeId, Project};
use egui::{Pos2, Rect, vec2};
use std::collections::BTreeMap;

/// How far an arc bends from the straight line, as a share of its length.
const BEND: f32 = 0.18;
/// Steps along the curve when finding where it leaves a name's box.
const STEPS: usize = 48;

/// Supply between the firms of two different towns, summed per (from, to).
pub(super) fn arcs(
    project: &Project,
    report: &TerritoryReport,
    layout: &TerritoryLayout,
) -> Vec<TownArc> {
    let mut town_of: BTreeMap<&NodeId, Option<&NodeId>> = BTreeMap::new();
    for town in &report.towns {
        for firm in &town.firms {
            town_of.insert(firm, Some(&town.id));
        }
    }
    for firm in &report.unplaced {
        town_of.insert(firm, None);
    }
    type Towns<'a> = (Option<&'a NodeId>, Option<&'a NodeId>);
    let mut sums: BTreeMap<Towns, (f64, usize)> = BTreeMap::new();
    for link in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
    {
        let (Some(a), Some(b)) = (town_of.get(&link.from), town_of.get(&link.to)) else {
            continue;
        };
        if a == b {
            continue;
        }
        let value = link
            .value
            .and_then(|v| rust_decimal::prelude::ToPrimitive::to_f64(&v))
            .unwrap_or(0.0);
        let sum = sums.entry((*a, *b)).or_default();
        sum.0 += value;
        sum.1 += 1;
    }
    sums.into_iter()
        .filter_map(|((a, b), (value, links))| {
            let (from, control, to) = curve(
                layout.hub(a)?,
                layout.hub(b)?,
                label_box(layout, a),
                label_box(layout, b),
            );
            Some(TownArc {
                from,
                control,
                to,
                value,
                links,
            })
        })
        .collect()
}

/// The name box of a town (nothing for a tile or an unknown town).
fn label_box(layout: &TerritoryLayout, town: Option<&NodeId>) -> Rect {
    layout
        .towns
        .iter()
        .find(|t| t.id.as_ref() == town)
        .map_or(Rect::NOTHING, |t| t.label_box)
}

/// The quadratic curve from `a` to `b` bending to its left, its start moved out of `from_box`
/// and its end out of `to_box` (each at most to the middle): (start, control, end).
pub fn curve(a: Pos2, b: Pos2, from_box: Rect, to_box: Rect) -> (Pos2, Pos2, Pos2) {
    let d = b - a;
    if d.length() < 1.0 {
        return (a, a, b);
    }
    let normal = vec2(d.y, -d.x).normalized();
    let control = a + d / 2.0 + normal * d.length() * BEND;
    let at = |t: f32| point(a, control, b, t);
    let steps = (0..=STEPS / 2).map(|i| i as f32 / STEPS as f32);
    let t0 = steps
        .clone()
        .find(|&t| !from_box.contains(at(t)))
        .unwrap_or(0.5);
    let t1 = steps
        .map(|t| 1.0 - t)
        .find(|&t| !to_box.contains(at(t)))
        .unwrap_or(0.5);
    sub_curve(a, control, b, t0, t1.max(t0))
}

/// The point at `t` of the quadratic curve p0 → p2 with control p1.
pub fn point(p0: Pos2, p1: Pos2, p2: Pos2, t: f32) -> Pos2 {
    let u = 1.0 - t;
    (p0.to_vec2() * u * u + p1.to_vec2() * 2.0 * u * t + p2.to_vec2() * t * t).to_pos2()
}

/// The part of a quadratic curve between `t0` and `t1`, itself a quadratic curve.
fn sub_curve(p0: Pos2, p1: Pos2, p2: Pos2, t0: f32, t1: f32) -> (Pos2, Pos2, Pos2) {
    let start = point(p0, p1, p2, t0);
    let end = point(p0, p1, p2, t1);
    // The new control lies along the tangent at the start: B(t0) + (t1 − t0)/2 · B′(t0).
    let derivative = (p1 - p0) * 2.0 * (1.0 - t0) + (p2 - p1) * 2.0 * t0;
    (start, start + derivative * (t1 - t0) / 2.0, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn a_sub_curve_follows_the_whole_one() {
        let (p0, p1, p2) = (pos2(0.0, 0.0), pos2(50.0, -40.0), pos2(100.0, 0.0));
        let (s, c, e) = sub_curve(p0, p1, p2, 0.2, 0.9);
        for k in 0..=10 {
            let u = k as f32 / 10.0;
            let whole = point(p0, p1, p2, 0.2 + 0.7 * u);
            let part = point(s, c, e, u);
            assert!((whole - part).length() < 1e-3, "{whole:?} vs {part:?}");
        }
    }

    #[test]
    fn the_ends_leave_the_name_boxes() {
        let (a, b) = (pos2(0.0, 0.0), pos2(200.0, 0.0));
        let boxes = (
            Rect::from_center_size(a, vec2(80.0, 40.0)),
            Rect::from_center_size(b, vec2(60.0, 40.0)),
        );
        let (s, _, e) = curve(a, b, boxes.0, boxes.1);
        assert!(!boxes.0.contains(s) && (s - a).length() < 60.0, "{s:?}");
        assert!(!boxes.1.contains(e) && (e - b).length() < 50.0, "{e:?}");
        let (s, c, e) = curve(a, b, Rect::NOTHING, Rect::NOTHING);
        assert_eq!((s, e), (a, b));
        assert!(
            c.y < 0.0,
            "bends to its left (up, for a rightward arc): {c:?}"
        );
    }
}
