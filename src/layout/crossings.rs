//! Link crossings of a drawing: supply links drawn as straight segments between node centres,
//! counted pair by pair (links sharing an end never cross). The measure used to compare our
//! swimlane layout with Graphviz `dot`.

use crate::model::{LinkKind, Pos, Project};

/// Proper crossings of two segments (touching ends or collinear overlaps do not count).
fn cross(a: Pos, b: Pos, c: Pos, d: Pos) -> bool {
    let orient = |p: Pos, q: Pos, r: Pos| {
        let v = (q.x - p.x) as f64 * (r.y - p.y) as f64 - (q.y - p.y) as f64 * (r.x - p.x) as f64;
        if v.abs() < 1e-9 {
            0
        } else if v > 0.0 {
            1
        } else {
            -1
        }
    };
    let (o1, o2, o3, o4) = (
        orient(a, b, c),
        orient(a, b, d),
        orient(c, d, a),
        orient(c, d, b),
    );
    o1 * o2 < 0 && o3 * o4 < 0
}

/// How many pairs of supply links cross in the project's current positions.
///
/// # Complexity
/// O(E²) pairs; meant for comparison on chains of county size.
pub fn supply_crossings(project: &Project) -> usize {
    let segments: Vec<(&str, &str, Pos, Pos)> = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
        .filter_map(|l| {
            let a = project.nodes.get(&l.from)?.position?;
            let b = project.nodes.get(&l.to)?.position?;
            Some((l.from.as_str(), l.to.as_str(), a, b))
        })
        .collect();
    segments_crossings(&segments)
}

/// Crossings among segments named by their end ids.
pub fn segments_crossings(segments: &[(&str, &str, Pos, Pos)]) -> usize {
    let mut count = 0;
    for (i, (a1, b1, p1, q1)) in segments.iter().enumerate() {
        for (a2, b2, p2, q2) in &segments[i + 1..] {
            let shares_end = a1 == a2 || a1 == b2 || b1 == a2 || b1 == b2;
            if !shares_end && cross(*p1, *q1, *p2, *q2) {
                count += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f32, y: f32) -> Pos {
        Pos { x, y }
    }

    #[test]
    fn an_x_crosses_once_and_parallels_do_not() {
        let segs = [
            ("a", "b", p(0.0, 0.0), p(10.0, 10.0)),
            ("c", "d", p(0.0, 10.0), p(10.0, 0.0)),
        ];
        assert_eq!(segments_crossings(&segs), 1);
        let segs = [
            ("a", "b", p(0.0, 0.0), p(10.0, 0.0)),
            ("c", "d", p(0.0, 5.0), p(10.0, 5.0)),
        ];
        assert_eq!(segments_crossings(&segs), 0);
        // Sharing an end is not a crossing.
        let segs = [
            ("a", "b", p(0.0, 0.0), p(10.0, 10.0)),
            ("a", "d", p(0.0, 0.0), p(10.0, 0.0)),
        ];
        assert_eq!(segments_crossings(&segs), 0);
    }
}
