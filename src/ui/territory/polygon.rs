//! Plane geometry for town outlines: filling a polygon with holes by ear clipping (egui fills
//! convex paths only, and town outlines are rarely convex), the even-odd inside test, and the
//! distance from a point to a ring.

use egui::Pos2;

/// Twice the signed area (positive when the ring turns from +x to +y).
fn signed_area(ring: &[Pos2]) -> f32 {
    let mut sum = 0.0;
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
        sum += a.x * b.y - b.x * a.y;
    }
    sum
}

fn cross(o: Pos2, a: Pos2, b: Pos2) -> f32 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/// The ring without its closing point (GeoJSON repeats the first point at the end).
pub fn open_ring(ring: &[Pos2]) -> Vec<Pos2> {
    let mut points: Vec<Pos2> = ring.to_vec();
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    points
}

/// Triangles covering the polygon of `rings` (the first the outer edge, the others holes).
pub fn triangulate(rings: &[Vec<Pos2>]) -> Vec<[Pos2; 3]> {
    let Some(outer) = rings.first() else {
        return Vec::new();
    };
    let mut outer = open_ring(outer);
    if outer.len() < 3 {
        return Vec::new();
    }
    if signed_area(&outer) < 0.0 {
        outer.reverse();
    }
    let mut holes: Vec<Vec<Pos2>> = rings[1..]
        .iter()
        .map(|r| {
            let mut hole = open_ring(r);
            if signed_area(&hole) > 0.0 {
                hole.reverse();
            }
            hole
        })
        .filter(|h| h.len() >= 3)
        .collect();
    // Rightmost holes first, each joined to the outer edge by a bridge to its right.
    holes.sort_by(|a, b| max_x(b).total_cmp(&max_x(a)));
    for hole in holes {
        outer = bridge(outer, &hole);
    }
    ear_clip(outer)
}

fn max_x(ring: &[Pos2]) -> f32 {
    ring.iter().map(|p| p.x).fold(f32::MIN, f32::max)
}

/// `outer` with `hole` spliced in through a bridge from the hole's rightmost point to the
/// nearest point of `outer` it sees along +x.
fn bridge(outer: Vec<Pos2>, hole: &[Pos2]) -> Vec<Pos2> {
    let Some((m_index, m)) = hole
        .iter()
        .copied()
        .enumerate()
        .max_by(|a, b| a.1.x.total_cmp(&b.1.x))
    else {
        return outer;
    };
    let mut best: Option<(f32, usize)> = None;
    for i in 0..outer.len() {
        let (a, b) = (outer[i], outer[(i + 1) % outer.len()]);
        if (a.y > m.y) == (b.y > m.y) {
            continue;
        }
        let x = a.x + (m.y - a.y) / (b.y - a.y) * (b.x - a.x);
        if x >= m.x && best.is_none_or(|(bx, _)| x < bx) {
            let end = if a.x >= b.x { i } else { (i + 1) % outer.len() };
            best = Some((x, end));
        }
    }
    let Some((_, p_index)) = best else {
        return outer;
    };
    let mut merged = Vec::with_capacity(outer.len() + hole.len() + 2);
    merged.extend_from_slice(&outer[..=p_index]);
    for k in 0..=hole.len() {
        merged.push(hole[(m_index + k) % hole.len()]);
    }
    merged.push(outer[p_index]);
    merged.extend_from_slice(&outer[p_index + 1..]);
    merged
}

/// Ear clipping of a counter-clockwise (positive area) ring.
fn ear_clip(points: Vec<Pos2>) -> Vec<[Pos2; 3]> {
    let mut index: Vec<usize> = (0..points.len()).collect();
    let mut triangles = Vec::with_capacity(points.len().saturating_sub(2));
    let mut misses = 0;
    let mut i = 0;
    while index.len() > 3 {
        let n = index.len();
        let (a, b, c) = (
            points[index[(i + n - 1) % n]],
            points[index[i % n]],
            points[index[(i + 1) % n]],
        );
        let convex = cross(a, b, c) > 0.0;
        let empty = convex
            && index.iter().all(|&k| {
                let p = points[k];
                p == a || p == b || p == c || !inside_triangle(p, a, b, c)
            });
        if empty {
            triangles.push([a, b, c]);
            index.remove(i % n);
            misses = 0;
        } else {
            i = (i + 1) % n;
            misses += 1;
            if misses > n {
                // Degenerate (self-touching) remains: fan out what is left rather than loop.
                for k in 1..n - 1 {
                    triangles.push([points[index[0]], points[index[k]], points[index[k + 1]]]);
                }
                return triangles;
            }
        }
    }
    if index.len() == 3 {
        triangles.push([points[index[0]], points[index[1]], points[index[2]]]);
    }
    triangles
}

fn inside_triangle(p: Pos2, a: Pos2, b: Pos2, c: Pos2) -> bool {
    cross(a, b, p) >= 0.0 && cross(b, c, p) >= 0.0 && cross(c, a, p) >= 0.0
}

/// Inside the rings by the even-odd rule (a hole's inside is outside).
pub fn contains(rings: &[Vec<Pos2>], p: Pos2) -> bool {
    let mut inside = false;
    for ring in rings {
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x) {
                inside = !inside;
            }
        }
    }
    inside
}

/// The distance from `p` to the nearest edge of any ring.
pub fn edge_distance(rings: &[Vec<Pos2>], p: Pos2) -> f32 {
    let mut best = f32::MAX;
    for ring in rings {
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            let ab = b - a;
            let t = ((p - a).dot(ab) / ab.length_sq().max(f32::EPSILON)).clamp(0.0, 1.0);
            best = best.min((a + ab * t - p).length());
        }
    }
    best
}

/// The total area of triangles.
#[cfg(test)]
fn area(triangles: &[[Pos2; 3]]) -> f32 {
    triangles
        .iter()
        .map(|[a, b, c]| cross(*a, *b, *c).abs() / 2.0)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn an_l_shape_is_filled_by_its_area_and_no_more() {
        // An L of three unit squares, concave at (1, 1); drawn clockwise to check the turn.
        let l = vec![
            pos2(0.0, 0.0),
            pos2(0.0, 2.0),
            pos2(2.0, 2.0),
            pos2(2.0, 1.0),
            pos2(1.0, 1.0),
            pos2(1.0, 0.0),
            pos2(0.0, 0.0),
        ];
        let triangles = triangulate(&[l]);
        assert_eq!(triangles.len(), 4);
        assert!((area(&triangles) - 3.0).abs() < 1e-4);
    }

    #[test]
    fn a_hole_is_left_out_of_the_fill_and_out_of_the_inside() {
        let outer = vec![
            pos2(0.0, 0.0),
            pos2(4.0, 0.0),
            pos2(4.0, 4.0),
            pos2(0.0, 4.0),
        ];
        let hole = vec![
            pos2(1.0, 1.0),
            pos2(3.0, 1.0),
            pos2(3.0, 3.0),
            pos2(1.0, 3.0),
        ];
        let rings = vec![outer, hole];
        // 16 − 4 = 12.
        assert!((area(&triangulate(&rings)) - 12.0).abs() < 1e-4);
        assert!(contains(&rings, pos2(0.5, 0.5)));
        assert!(!contains(&rings, pos2(2.0, 2.0)));
        assert!(!contains(&rings, pos2(5.0, 2.0)));
        assert!((edge_distance(&rings, pos2(2.0, 2.0)) - 1.0).abs() < 1e-6);
    }
}
