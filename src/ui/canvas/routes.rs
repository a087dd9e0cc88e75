//! Where the long links run: links to regions, 托管, 飞地, 投资 and 一区多园 links, and 入驻
//! lines while they show. A straight line from a region above the chain to a park below it cuts
//! diagonally through every lane; instead a route keeps outside the lanes where it can, and
//! where it must cross them, it runs down the gutter between two lanes (where no bead sits)
//! and turns into its node from the side. Two nodes on the same side of the lanes are joined
//! by an arc bulging away from the lanes; two nodes inside them by a gentle arc, so the link
//! does not hide under the supply lines between them.
//!
//! Painting and hit-testing both use [`RouteSpace::route`], so a click lands on the curve
//! that is drawn. Pure geometry on screen points: no painter, no state.

use crate::model::Pos;
use crate::ui::state::Camera;
use egui::{Pos2, Vec2, pos2, vec2};

/// Corners of a route are rounded with at most this radius (screen points).
const CORNER: f32 = 36.0;
/// How far (canvas units) an arc below the lanes may reach up into their foot, which is empty:
/// the layout leaves 70 below the lowest bead, whose label takes about 30.
const FOOT_ROOM: f32 = 35.0;
/// How far apart (screen points) links between the same two nodes run down a gutter.
const GUTTER_STEP: f32 = 5.0;
/// Points per quadratic piece, at most.
const MAX_PIECES: usize = 16;

/// Where a node sits relative to the lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Above,
    Inside,
    Below,
}

/// What routes go around on this frame: the lanes (canvas units) seen through the camera.
#[derive(Debug, Clone, Copy)]
pub(super) struct RouteSpace<'g> {
    /// Each lane's left and right edge (canvas x), left to right.
    pub lanes: &'g [(f32, f32)],
    /// Top and bottom of the lanes (canvas y).
    pub band: (f32, f32),
    pub cam: Camera,
    pub origin: Pos2,
}

impl RouteSpace<'_> {
    /// Which side of the lanes the screen point `p` is on.
    pub fn side(&self, p: Pos2) -> Side {
        let y = self.cam.to_canvas(self.origin, p).y;
        if y < self.band.0 {
            Side::Above
        } else if y > self.band.1 {
            Side::Below
        } else {
            Side::Inside
        }
    }

    /// The screen x of the gutter beside the lane `p` lies in, on the side facing `toward` (a
    /// screen x); none when `p` is in no lane.
    pub fn gutter(&self, p: Pos2, toward: f32) -> Option<f32> {
        let x = self.cam.to_canvas(self.origin, p).x;
        let &(left, right) = self.lanes.iter().find(|(l, r)| *l <= x && x <= *r)?;
        let edge = if toward < p.x { left } else { right };
        Some(self.origin.x + self.cam.offset.x + edge * self.cam.zoom)
    }

    /// The polyline of a link from the node at `a` (radius `ra`) to the node at `b` (radius
    /// `rb`), from `a`'s rim to just short of `b`'s; empty when the nodes overlap. `nth` tells
    /// apart links between the same two nodes (a 飞出地's enclave and investment in one park):
    /// each next one bows further, or runs a little further out in the gutter.
    pub fn route(&self, a: Pos2, ra: f32, b: Pos2, rb: f32, nth: u8) -> Vec<Pos2> {
        let apart = 1.0 + 0.45 * f32::from(nth);
        let line = match (self.side(a), self.side(b)) {
            // Labels hang below beads: arcs in a row above or below the lanes bow upwards,
            // clear of them; below the lanes no further than the lanes' empty foot.
            (Side::Above, Side::Above) => arc(a, b, vec2(0.0, -1.0), outward_depth(a, b) * apart),
            (Side::Below, Side::Below) => {
                let foot = self
                    .cam
                    .to_screen(
                        self.origin,
                        Pos {
                            x: 0.0,
                            y: self.band.1,
                        },
                    )
                    .y;
                let room = a.y.min(b.y) - foot + FOOT_ROOM * self.cam.zoom;
                arc(
                    a,
                    b,
                    vec2(0.0, -1.0),
                    outward_depth(a, b).min(2.0 * room.max(0.0)) * apart,
                )
            }
            // Both in the lanes: a gentle bow, so the link does not lie on a supply line.
            (Side::Inside, Side::Inside) => {
                let bend = (b - a).normalized().rot90();
                let bend = if bend.is_finite() { bend } else { Vec2::ZERO };
                arc(a, b, bend, (0.15 * (b - a).length()).min(60.0) * apart)
            }
            // Crossing into (or through) the lanes: the inner end is the one inside the lanes,
            // or the one below them.
            (Side::Inside, _) | (Side::Below, Side::Above) => {
                let mut line = self.through_gutter(b, a, nth);
                line.reverse();
                line
            }
            _ => self.through_gutter(a, b, nth),
        };
        trim(&line, a, ra, b, rb + 2.0)
    }

    /// From `outer` along its row to the gutter beside `inner`'s lane, down (or up) the gutter
    /// to `inner`'s height, and into `inner` from the side; corners rounded.
    fn through_gutter(&self, outer: Pos2, inner: Pos2, nth: u8) -> Vec<Pos2> {
        let g = self.gutter(inner, outer.x).unwrap_or(inner.x);
        // A second link between the same nodes runs beside the first, away from `inner`.
        let g = g + (g - inner.x).signum() * GUTTER_STEP * f32::from(nth);
        rounded(&[outer, pos2(g, outer.y), pos2(g, inner.y), inner], CORNER)
    }
}

/// A quadratic arc from `a` to `b` whose control point lies `depth` points from the chord's
/// middle towards `bow` (a unit vector, or zero for a straight line): the arc's middle bows
/// half as far.
fn arc(a: Pos2, b: Pos2, bow: Vec2, depth: f32) -> Vec<Pos2> {
    let control = a + (b - a) * 0.5 + bow * depth;
    let mut points = vec![a];
    quadratic(&mut points, a, control, b);
    points
}

/// How far an arc between two nodes on the same side of the lanes reaches out (its control
/// point): enough to clear the beads in the row between them, which sit at the same height.
fn outward_depth(a: Pos2, b: Pos2) -> f32 {
    (0.25 * (b.x - a.x).abs() + 12.0).min(90.0)
}

/// `points` (a polyline through `corners`) with each inner corner rounded by a quadratic
/// curve of radius at most `radius`, never more than half a shared leg.
pub(super) fn rounded(corners: &[Pos2], radius: f32) -> Vec<Pos2> {
    let n = corners.len();
    let Some(&first) = corners.first() else {
        return Vec::new();
    };
    let mut points = vec![first];
    for i in 1..n.saturating_sub(1) {
        let (prev, at, next) = (corners[i - 1], corners[i], corners[i + 1]);
        let (leg_in, leg_out) = ((at - prev).length(), (next - at).length());
        // The first and last legs are not shared with another corner.
        let room_in = if i == 1 { leg_in } else { leg_in / 2.0 };
        let room_out = if i == n - 2 { leg_out } else { leg_out / 2.0 };
        let r = radius.min(room_in).min(room_out);
        if r < 0.5 {
            points.push(at);
            continue;
        }
        let enter = at - (at - prev) / leg_in * r;
        let leave = at + (next - at) / leg_out * r;
        points.push(enter);
        quadratic(&mut points, enter, at, leave);
    }
    if n > 1 {
        points.push(corners[n - 1]);
    }
    points.dedup();
    points
}

/// Appends the quadratic Bézier from `p0` (already in `points`) through control `c` to `p1`.
fn quadratic(points: &mut Vec<Pos2>, p0: Pos2, c: Pos2, p1: Pos2) {
    let length = (c - p0).length() + (p1 - c).length();
    let pieces = ((length / 10.0).ceil() as usize).clamp(2, MAX_PIECES);
    for k in 1..=pieces {
        let t = k as f32 / pieces as f32;
        let u = 1.0 - t;
        let p = p0.to_vec2() * (u * u) + c.to_vec2() * (2.0 * u * t) + p1.to_vec2() * (t * t);
        points.push(p.to_pos2());
    }
}

/// `line` from where it leaves the circle around `a` (radius `ra`) to where it enters the one
/// around `b` (radius `rb`); empty when nothing is left between them.
fn trim(line: &[Pos2], a: Pos2, ra: f32, b: Pos2, rb: f32) -> Vec<Pos2> {
    let Some((first, start)) = leave_circle(line.iter().copied(), a, ra) else {
        return Vec::new();
    };
    let Some((from_end, end)) = leave_circle(line.iter().rev().copied(), b, rb) else {
        return Vec::new();
    };
    // `line[first..=last]` lies outside both circles.
    let last = line.len() - 1 - from_end;
    if first > last {
        // Both circles' edges on one leg: what is left of it, if anything.
        let leg = line[last + 1] - line[last];
        return if first == last + 1 && (end - start).dot(leg) > 0.0 {
            vec![start, end]
        } else {
            Vec::new()
        };
    }
    let mut out = Vec::with_capacity(last - first + 3);
    out.push(start);
    out.extend_from_slice(&line[first..=last]);
    out.push(end);
    out
}

/// Walking `points` from the first, where the walk leaves the circle around `c` of radius `r`:
/// the index of the first point outside and the crossing point.
fn leave_circle(mut points: impl Iterator<Item = Pos2>, c: Pos2, r: f32) -> Option<(usize, Pos2)> {
    let mut prev = points.next()?;
    for (i, p) in points.enumerate() {
        if (p - c).length() >= r {
            // Bisect the leg from `prev` (inside) to `p` (outside).
            let (mut lo, mut hi) = (0.0f32, 1.0f32);
            for _ in 0..12 {
                let mid = (lo + hi) / 2.0;
                if (prev + (p - prev) * mid - c).length() < r {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return Some((i + 1, prev + (p - prev) * hi));
        }
        prev = p;
    }
    None
}

/// The distance from `p` to the polyline `points`.
pub(super) fn distance_to_polyline(p: Pos2, points: &[Pos2]) -> f32 {
    points
        .windows(2)
        .map(|w| distance_to_segment(p, w[0], w[1]))
        .fold(f32::INFINITY, f32::min)
}

pub(super) fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t - p).length()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three touching lanes: x −120..120, 120..360, 360..600; rows from −45 to 70.
    const LANES: [(f32, f32); 3] = [(-120.0, 120.0), (120.0, 360.0), (360.0, 600.0)];

    /// Screen = canvas (zoom 1, no offset).
    fn space() -> RouteSpace<'static> {
        RouteSpace {
            lanes: &LANES,
            band: (-45.0, 70.0),
            cam: Camera {
                offset: Vec2::ZERO,
                zoom: 1.0,
            },
            origin: Pos2::ZERO,
        }
    }

    #[test]
    fn distance_to_a_segment_is_to_its_nearest_point() {
        let (a, b) = (pos2(0.0, 0.0), pos2(10.0, 0.0));
        assert_eq!(distance_to_segment(pos2(5.0, 3.0), a, b), 3.0);
        assert_eq!(distance_to_segment(pos2(-4.0, 3.0), a, b), 5.0);
        assert_eq!(distance_to_segment(pos2(13.0, 4.0), a, b), 5.0);
        assert_eq!(distance_to_segment(pos2(1.0, 1.0), a, a), 2.0_f32.sqrt());
        let corner = [pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 10.0)];
        assert_eq!(distance_to_polyline(pos2(12.0, 5.0), &corner), 2.0);
    }

    #[test]
    fn sides_and_gutters_follow_the_lanes() {
        let s = space();
        assert_eq!(s.side(pos2(0.0, -270.0)), Side::Above);
        assert_eq!(s.side(pos2(0.0, 0.0)), Side::Inside);
        assert_eq!(s.side(pos2(0.0, 280.0)), Side::Below);
        // A bead in the middle lane: its left gutter towards the left, its right one else.
        assert_eq!(s.gutter(pos2(240.0, 0.0), 0.0), Some(120.0));
        assert_eq!(s.gutter(pos2(240.0, 0.0), 900.0), Some(360.0));
        assert_eq!(s.gutter(pos2(900.0, 0.0), 0.0), None);
    }

    #[test]
    fn a_region_above_reaches_a_firm_down_the_gutter_beside_its_lane() {
        let (region, firm) = (pos2(0.0, -270.0), pos2(480.0, 0.0));
        let route = space().route(region, 22.0, firm, 13.0, 0);
        // It leaves the region's rim and stops short of the firm's.
        assert!(((route[0] - region).length() - 22.0).abs() < 0.5);
        assert!(((route[route.len() - 1] - firm).length() - 15.0).abs() < 0.5);
        // Inside the lanes it keeps to the gutter at 360 and the firm's own lane: never over
        // the first two lanes' beads, as the straight line would be.
        for p in route.iter().filter(|p| p.y > -45.0) {
            assert!(
                p.x >= 360.0 - 0.01 && p.x <= 480.0,
                "{p:?} strays into another lane"
            );
        }
        // The straight line's middle is far from it; the gutter is on it.
        assert!(distance_to_polyline(pos2(240.0, -135.0), &route) > 50.0);
        assert!(distance_to_polyline(pos2(360.0, -100.0), &route) < 0.5);
        assert!(distance_to_polyline(pos2(150.0, -270.0), &route) < 0.5);
    }

    #[test]
    fn a_route_keeps_its_direction_for_the_arrowhead() {
        // From a firm (inside) to a park below: it starts at the firm and ends at the park.
        let (firm, park) = (pos2(240.0, 0.0), pos2(480.0, 280.0));
        let route = space().route(firm, 13.0, park, 26.0, 0);
        assert!((route[0] - firm).length() < 14.0);
        assert!((route[route.len() - 1] - park).length() < 29.0);
        // Down the firm's right gutter, into the park from the side.
        assert!(distance_to_polyline(pos2(360.0, 150.0), &route) < 0.5);
        let last = route[route.len() - 1] - route[route.len() - 2];
        assert!(
            last.x > 0.0 && last.y.abs() < last.x,
            "enters from the left: {last:?}"
        );
    }

    #[test]
    fn nodes_in_a_row_are_joined_by_an_arc_bowing_up_over_the_beads_between() {
        let s = space();
        // Below the lanes: over a bead at 240 between them.
        let route = s.route(pos2(0.0, 280.0), 26.0, pos2(480.0, 280.0), 26.0, 0);
        let top = route.iter().map(|p| p.y).fold(f32::MAX, f32::min);
        assert!(
            top < 280.0 - 40.0,
            "bows up clear of the bead between: {top}"
        );
        // … but no higher than the lanes' empty foot (70 + 35).
        assert!(top >= 70.0 - 35.0 - 0.5, "{top}");
        // Above the lanes: bows up too (labels hang below beads).
        let route = s.route(pos2(0.0, -270.0), 22.0, pos2(480.0, -270.0), 22.0, 0);
        let top = route.iter().map(|p| p.y).fold(f32::MAX, f32::min);
        assert!(top < -270.0 - 40.0, "{top}");
    }

    #[test]
    fn a_second_link_between_the_same_nodes_runs_beside_the_first() {
        let s = space();
        let (a, b) = (pos2(0.0, 280.0), pos2(480.0, 280.0));
        let top = |r: &[Pos2]| r.iter().map(|p| p.y).fold(f32::MAX, f32::min);
        let (first, second) = (s.route(a, 26.0, b, 26.0, 0), s.route(a, 26.0, b, 26.0, 1));
        assert!(top(&second) < top(&first) - 10.0);
        // Down a gutter: 5 points further out.
        let (region, firm) = (pos2(0.0, -270.0), pos2(480.0, 0.0));
        let second = s.route(region, 22.0, firm, 13.0, 1);
        assert!(distance_to_polyline(pos2(355.0, -100.0), &second) < 0.5);
    }

    #[test]
    fn overlapping_nodes_have_no_route() {
        assert!(
            space()
                .route(pos2(0.0, 0.0), 20.0, pos2(10.0, 0.0), 20.0, 0)
                .is_empty()
        );
    }

    #[test]
    fn rounded_corners_stay_within_their_legs() {
        let corners = [pos2(0.0, 0.0), pos2(100.0, 0.0), pos2(100.0, 100.0)];
        let line = rounded(&corners, 36.0);
        assert_eq!(line[0], corners[0]);
        assert_eq!(line[line.len() - 1], corners[2]);
        // The corner is cut: no point at (100, 0), but one 36 before it.
        assert!(!line.contains(&pos2(100.0, 0.0)));
        assert!(line.contains(&pos2(64.0, 0.0)));
    }
}
