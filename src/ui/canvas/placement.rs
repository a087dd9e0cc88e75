//! Which labels fit, and where: greedy placement in priority order, as map makers place names.
//! Each candidate tries its texts (the full name, a short name) at a few spots around its bead,
//! and takes the first spot that overlaps no label placed before it and no other bead. A
//! screen-space grid keeps each test to the few rectangles near it, so a frame of thousands of
//! beads stays cheap.
//!
//! Pure geometry: no painter, no fonts. The canvas measures texts and paints what this returns.

use egui::{Pos2, Rect, Vec2, pos2};

/// Around its bead, the spots a label tries, in the order tried: below first, as a 图谱 reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    Below,
    Above,
    Right,
    Left,
    BelowRight,
    AboveRight,
    BelowLeft,
    AboveLeft,
}

/// Every spot, in the order tried.
pub const SPOTS: [Spot; 8] = [
    Spot::Below,
    Spot::Above,
    Spot::Right,
    Spot::Left,
    Spot::BelowRight,
    Spot::AboveRight,
    Spot::BelowLeft,
    Spot::AboveLeft,
];

/// Pixels between a bead and its label.
const GAP: f32 = 2.0;

/// Labels keep this much clear space around them, so two never touch.
const MARGIN: f32 = 1.5;

impl Spot {
    /// Where a label of `size` sits at this spot of `bead`.
    pub fn rect(self, bead: Rect, size: Vec2) -> Rect {
        let c = bead.center();
        let (left, right) = (bead.left() - GAP - size.x, bead.right() + GAP);
        let (above, below) = (bead.top() - GAP - size.y, bead.bottom() + GAP);
        let min = match self {
            Spot::Below => pos2(c.x - size.x / 2.0, below),
            Spot::Above => pos2(c.x - size.x / 2.0, above),
            Spot::Right => pos2(right, c.y - size.y / 2.0),
            Spot::Left => pos2(left, c.y - size.y / 2.0),
            Spot::BelowRight => pos2(right, below),
            Spot::AboveRight => pos2(right, above),
            Spot::BelowLeft => pos2(left, below),
            Spot::AboveLeft => pos2(left, above),
        };
        Rect::from_min_size(min, size)
    }
}

/// One label to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The node it names (any number the caller uses; beads carry the same).
    pub node: usize,
    /// The node's bead on screen.
    pub bead: Rect,
    /// The texts it may show, in the order tried (`None`: no such text), as sizes on screen.
    pub texts: [Option<Vec2>; 2],
    /// Shown even over other beads (the selection, the node under the pointer): still never
    /// over another label.
    pub over_beads: bool,
}

/// A label placed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub node: usize,
    /// Which of the candidate's texts (0 or 1).
    pub text: usize,
    pub rect: Rect,
}

/// How much one frame tries: far out on a large chain, most candidates cannot fit, and trying
/// them all would cost more than the frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub max_labels: usize,
    pub max_candidates: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_labels: 600,
            max_candidates: 2_500,
        }
    }
}

/// Places the labels of `candidates` (most important first) inside `area`, around `beads`
/// ((node, screen rectangle)) and clear of `blocked` (headers, overlays). A candidate's own
/// bead is not in its way.
///
/// # Complexity
/// O(b + c · s · k) for b beads, c candidates tried, s spots and k rectangles in the grid cells a
/// label covers (a handful where labels fit).
pub fn place(
    area: Rect,
    beads: &[(usize, Rect)],
    blocked: &[Rect],
    candidates: impl IntoIterator<Item = Candidate>,
    limits: Limits,
) -> Vec<Placed> {
    let mut grid = Grid::new(area, GRID_CELL);
    for &(node, rect) in beads {
        grid.insert(rect, node, Kind::Bead);
    }
    for &rect in blocked {
        grid.insert(rect, usize::MAX, Kind::Blocked);
    }
    let mut placed = Vec::new();
    for candidate in candidates.into_iter().take(limits.max_candidates) {
        if placed.len() >= limits.max_labels {
            break;
        }
        if let Some(p) = first_free(&grid, area, &candidate) {
            grid.insert(p.rect.expand(MARGIN), candidate.node, Kind::Label);
            placed.push(p);
        }
    }
    placed
}

/// The first (text, spot) of `candidate` that is inside `area` and free.
fn first_free(grid: &Grid, area: Rect, candidate: &Candidate) -> Option<Placed> {
    for (text, size) in candidate.texts.iter().enumerate() {
        let Some(size) = *size else { continue };
        for spot in SPOTS {
            let rect = spot.rect(candidate.bead, size);
            if area.contains_rect(rect)
                && !grid.collides(rect.expand(MARGIN), candidate.node, candidate.over_beads)
            {
                return Some(Placed {
                    node: candidate.node,
                    text,
                    rect,
                });
            }
        }
    }
    None
}

/// Grid cells are this many pixels square: about a short label's height, two beads wide.
const GRID_CELL: f32 = 40.0;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Bead,
    Label,
    /// In every label's way.
    Blocked,
}

/// Rectangles on screen, each listed in the cells it covers.
struct Grid {
    origin: Pos2,
    cell: f32,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    items: Vec<(Rect, usize, Kind)>,
}

impl Grid {
    fn new(area: Rect, cell: f32) -> Self {
        let cols = (area.width() / cell).ceil().max(1.0) as usize;
        let rows = (area.height() / cell).ceil().max(1.0) as usize;
        Self {
            origin: area.min,
            cell,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            items: Vec::new(),
        }
    }

    /// The cells `rect` covers, clamped to the grid; none when it lies outside.
    fn cells_of(&self, rect: Rect) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let to_cell = |v: f32, origin: f32| ((v - origin) / self.cell).floor();
        let (c0, c1) = (
            to_cell(rect.left(), self.origin.x),
            to_cell(rect.right(), self.origin.x),
        );
        let (r0, r1) = (
            to_cell(rect.top(), self.origin.y),
            to_cell(rect.bottom(), self.origin.y),
        );
        if !(c0.is_finite() && c1.is_finite() && r0.is_finite() && r1.is_finite())
            || c1 < 0.0
            || r1 < 0.0
            || c0 >= self.cols as f32
            || r0 >= self.rows as f32
        {
            return None;
        }
        let clamp = |v: f32, n: usize| (v.max(0.0) as usize).min(n - 1);
        Some((
            clamp(c0, self.cols)..clamp(c1, self.cols) + 1,
            clamp(r0, self.rows)..clamp(r1, self.rows) + 1,
        ))
    }

    fn insert(&mut self, rect: Rect, node: usize, kind: Kind) {
        let Some((cols, rows)) = self.cells_of(rect) else {
            return;
        };
        let index = self.items.len() as u32;
        self.items.push((rect, node, kind));
        for row in rows {
            for col in cols.clone() {
                self.cells[row * self.cols + col].push(index);
            }
        }
    }

    /// Whether `rect` overlaps a label, or a bead other than `own`'s (unless `over_beads`).
    fn collides(&self, rect: Rect, own: usize, over_beads: bool) -> bool {
        let Some((cols, rows)) = self.cells_of(rect) else {
            return false;
        };
        rows.flat_map(|row| cols.clone().map(move |col| row * self.cols + col))
            .flat_map(|cell| &self.cells[cell])
            .any(|&i| {
                let (other, node, kind) = self.items[i as usize];
                let in_the_way = match kind {
                    Kind::Label | Kind::Blocked => true,
                    Kind::Bead => !over_beads && node != own,
                };
                in_the_way && other.intersects(rect)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;
    use proptest::prelude::*;

    fn bead(node: usize, x: f32, y: f32) -> (usize, Rect) {
        (node, Rect::from_center_size(pos2(x, y), vec2(12.0, 10.0)))
    }

    fn candidate(bead: (usize, Rect), width: f32) -> Candidate {
        Candidate {
            node: bead.0,
            bead: bead.1,
            texts: [Some(vec2(width, 14.0)), Some(vec2(width / 2.0, 14.0))],
            over_beads: false,
        }
    }

    const AREA: Rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(400.0, 300.0));

    #[test]
    fn a_lone_bead_gets_its_full_name_below() {
        let b = bead(0, 200.0, 100.0);
        let placed = place(AREA, &[b], &[], [candidate(b, 60.0)], Limits::default());
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].text, 0);
        assert_eq!(placed[0].rect, Spot::Below.rect(b.1, vec2(60.0, 14.0)));
        // Centred under the bead, two pixels below it.
        assert_eq!(placed[0].rect.center().x, 200.0);
        assert_eq!(placed[0].rect.top(), 107.0);
    }

    #[test]
    fn the_second_of_two_close_beads_goes_below_when_above_is_taken() {
        let (a, b) = (bead(0, 200.0, 100.0), bead(1, 205.0, 130.0));
        let placed = place(
            AREA,
            &[a, b],
            &[],
            [candidate(a, 60.0), candidate(b, 60.0)],
            Limits::default(),
        );
        assert_eq!(placed.len(), 2);
        assert_eq!(placed[0].rect, Spot::Below.rect(a.1, vec2(60.0, 14.0)));
        // Above b is a's label: b's goes below.
        assert_eq!(placed[1].rect, Spot::Below.rect(b.1, vec2(60.0, 14.0)));
    }

    #[test]
    fn priority_decides_who_keeps_the_spot() {
        // Two beads side by side: only one wide label fits below, or anywhere.
        let (a, b) = (bead(0, 190.0, 150.0), bead(1, 210.0, 150.0));
        let area = Rect::from_min_max(pos2(100.0, 140.0), pos2(300.0, 180.0));
        let wide = |b| Candidate {
            texts: [Some(vec2(150.0, 14.0)), None],
            ..candidate(b, 0.0)
        };
        let first_b = place(area, &[a, b], &[], [wide(b), wide(a)], Limits::default());
        assert_eq!(first_b.iter().map(|p| p.node).collect::<Vec<_>>(), vec![1]);
        let first_a = place(area, &[a, b], &[], [wide(a), wide(b)], Limits::default());
        assert_eq!(first_a.iter().map(|p| p.node).collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn the_short_name_is_taken_when_the_full_one_does_not_fit() {
        // b in a row of beads, three more under them; the area leaves no room above.
        let beads = [
            bead(0, 100.0, 50.0),
            bead(1, 160.0, 50.0),
            bead(2, 220.0, 50.0),
            bead(3, 100.0, 66.0),
            bead(4, 160.0, 66.0),
            bead(5, 220.0, 66.0),
        ];
        let area = Rect::from_min_max(pos2(0.0, 40.0), pos2(400.0, 80.0));
        let b = Candidate {
            texts: [Some(vec2(110.0, 14.0)), Some(vec2(40.0, 14.0))],
            ..candidate(beads[1], 0.0)
        };
        let placed = place(area, &beads, &[], [b], Limits::default());
        // The full name (110 px) runs into a bead wherever it goes; the short one fits right.
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].text, 1);
        assert_eq!(
            placed[0].rect,
            Spot::Right.rect(beads[1].1, vec2(40.0, 14.0))
        );
    }

    #[test]
    fn a_label_never_covers_another_bead_unless_it_may() {
        let (a, b) = (bead(0, 100.0, 100.0), bead(1, 100.0, 117.0));
        let area = Rect::from_min_max(pos2(70.0, 90.0), pos2(130.0, 140.0));
        let narrow = |b| Candidate {
            texts: [Some(vec2(40.0, 12.0)), None],
            ..candidate(b, 0.0)
        };
        // Below a is b; every other spot leaves the area.
        assert!(place(area, &[a, b], &[], [narrow(a)], Limits::default()).is_empty());
        let forced = Candidate {
            over_beads: true,
            ..narrow(a)
        };
        assert_eq!(
            place(area, &[a, b], &[], [forced], Limits::default()).len(),
            1
        );
    }

    #[test]
    fn blocked_rectangles_push_labels_elsewhere() {
        let a = bead(0, 200.0, 100.0);
        // A header right under the bead: the label goes above instead.
        let header = Rect::from_min_size(pos2(150.0, 106.0), vec2(100.0, 20.0));
        let placed = place(
            AREA,
            &[a],
            &[header],
            [candidate(a, 60.0)],
            Limits::default(),
        );
        assert_eq!(placed[0].rect, Spot::Above.rect(a.1, vec2(60.0, 14.0)));
        // Even the selection keeps clear of a header.
        let forced = Candidate {
            over_beads: true,
            ..candidate(a, 60.0)
        };
        let placed = place(AREA, &[a], &[header], [forced], Limits::default());
        assert_eq!(placed[0].rect, Spot::Above.rect(a.1, vec2(60.0, 14.0)));
    }

    #[test]
    fn limits_stop_the_frame_early() {
        let beads: Vec<_> = (0..20)
            .map(|i| bead(i, 20.0 + 18.0 * i as f32, 150.0))
            .collect();
        let limits = Limits {
            max_labels: 3,
            max_candidates: 100,
        };
        let placed = place(
            AREA,
            &beads,
            &[],
            beads.iter().map(|&b| candidate(b, 10.0)),
            limits,
        );
        assert_eq!(placed.len(), 3);
    }

    proptest! {
        /// Whatever the chain and the zoom: no two labels overlap, none leaves the canvas, and
        /// none covers another node's bead.
        #[test]
        fn labels_never_overlap(
            points in prop::collection::vec((0.0f32..1.0, 0.0f32..1.0, 2.0f32..14.0, 10.0f32..160.0), 1..160),
            zoom in 0.1f32..3.0,
        ) {
            let area = Rect::from_min_max(pos2(30.0, 20.0), pos2(1030.0, 620.0));
            let beads: Vec<(usize, Rect)> = points.iter().enumerate().map(|(i, &(x, y, r, _))| {
                let c = pos2(30.0 + 1000.0 * x * zoom, 20.0 + 600.0 * y * zoom);
                (i, Rect::from_center_size(c, Vec2::splat(2.0 * r)))
            }).collect();
            let candidates = points.iter().zip(&beads).map(|(&(_, _, _, w), &(node, bead))| Candidate {
                node,
                bead,
                texts: [Some(vec2(w, 15.0)), Some(vec2(w * 0.5, 15.0))],
                over_beads: node % 17 == 0,
            });
            let placed = place(area, &beads, &[], candidates, Limits::default());
            for (i, p) in placed.iter().enumerate() {
                prop_assert!(area.contains_rect(p.rect));
                for q in &placed[i + 1..] {
                    prop_assert!(!p.rect.intersects(q.rect), "{:?} overlaps {:?}", p, q);
                }
                if p.node % 17 != 0 {
                    for &(node, bead) in &beads {
                        prop_assert!(node == p.node || !bead.intersects(p.rect));
                    }
                }
            }
        }
    }
}
