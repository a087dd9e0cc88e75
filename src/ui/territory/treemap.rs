//! Squarified treemap (Bruls, Huizing and van Wijk 2000): rectangles whose areas are in
//! proportion to their weights, filling a box, each as near a square as the rows allow. The
//! schematic's towns are laid out this way, so the map shows each town's share of output at a
//! glance with no room wasted.

use egui::{Rect, pos2};

/// Rectangles tiling `area`, one per weight (same order), areas in proportion to the weights.
/// Weights must be positive; a weight of zero or less gets no room.
pub fn squarify(weights: &[f64], area: Rect) -> Vec<Rect> {
    let mut rects = vec![Rect::NOTHING; weights.len()];
    let total: f64 = weights.iter().filter(|w| **w > 0.0).sum();
    if total <= 0.0 || !area.is_positive() {
        return rects;
    }
    let scale = f64::from(area.width()) * f64::from(area.height()) / total;
    let mut order: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] > 0.0).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]).then(a.cmp(&b)));
    let mut free = area;
    let mut row: Vec<usize> = Vec::new();
    let mut rest = order.as_slice();
    while let Some((&next, tail)) = rest.split_first() {
        let side = f64::from(free.width().min(free.height()));
        let areas = |items: &[usize]| {
            items
                .iter()
                .map(|&i| weights[i] * scale)
                .collect::<Vec<_>>()
        };
        let mut with = row.clone();
        with.push(next);
        if row.is_empty() || worst(&areas(&with), side) <= worst(&areas(&row), side) {
            row = with;
            rest = tail;
        } else {
            free = lay_row(&row, weights, scale, free, &mut rects);
            row.clear();
        }
    }
    if !row.is_empty() {
        lay_row(&row, weights, scale, free, &mut rects);
    }
    rects
}

/// The worst aspect ratio of a row of `areas` along a side of `side`.
fn worst(areas: &[f64], side: f64) -> f64 {
    let sum: f64 = areas.iter().sum();
    let (min, max) = areas
        .iter()
        .fold((f64::MAX, 0.0f64), |(lo, hi), a| (lo.min(*a), hi.max(*a)));
    if sum <= 0.0 || min <= 0.0 {
        return f64::MAX;
    }
    let (s2, w2) = (sum * sum, side * side);
    (w2 * max / s2).max(s2 / (w2 * min))
}

/// Lays `row` along the shorter side of `free`; returns what is left of it.
fn lay_row(row: &[usize], weights: &[f64], scale: f64, free: Rect, rects: &mut [Rect]) -> Rect {
    let sum: f64 = row.iter().map(|&i| weights[i] * scale).sum();
    if free.width() >= free.height() {
        // A column at the left, as wide as the row's area needs.
        let width = (sum / f64::from(free.height())) as f32;
        let mut y = free.top();
        for &i in row {
            let h = (weights[i] * scale / f64::from(width)) as f32;
            rects[i] = Rect::from_min_max(pos2(free.left(), y), pos2(free.left() + width, y + h));
            y += h;
        }
        Rect::from_min_max(pos2(free.left() + width, free.top()), free.max)
    } else {
        let height = (sum / f64::from(free.width())) as f32;
        let mut x = free.left();
        for &i in row {
            let w = (weights[i] * scale / f64::from(height)) as f32;
            rects[i] = Rect::from_min_max(pos2(x, free.top()), pos2(x + w, free.top() + height));
            x += w;
        }
        Rect::from_min_max(pos2(free.left(), free.top() + height), free.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paper_example_fills_the_box_in_proportion() {
        // Bruls et al.'s example: 6 × 4 filled by 6, 6, 4, 3, 2, 2, 1.
        let weights = [6.0, 6.0, 4.0, 3.0, 2.0, 2.0, 1.0];
        let area = Rect::from_min_max(pos2(0.0, 0.0), pos2(6.0, 4.0));
        let rects = squarify(&weights, area);
        for (r, w) in rects.iter().zip(weights) {
            assert!((r.area() - w as f32).abs() < 1e-4, "{r:?} for {w}");
            assert!(area.expand(1e-4).contains_rect(*r));
        }
        // The first two share the left column, 3 wide and 2 high each.
        assert_eq!(rects[0], Rect::from_min_max(pos2(0.0, 0.0), pos2(3.0, 2.0)));
        assert_eq!(rects[1], Rect::from_min_max(pos2(0.0, 2.0), pos2(3.0, 4.0)));
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(a.intersect(*b).area() < 1e-4, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn no_weight_no_room() {
        let area = Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 1.0));
        let rects = squarify(&[0.0, 1.0], area);
        assert_eq!(rects[0], Rect::NOTHING);
        assert_eq!(rects[1], area);
    }
}
