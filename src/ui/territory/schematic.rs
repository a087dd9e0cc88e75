//! The schematic of a county without boundaries: each town a rounded tile whose area is in
//! proportion to its output (a squarified treemap, largest first from the top left, the box
//! made large enough that every tile holds its firms; the county seat drawn with a strong
//! edge and tagged 县城). Inside a tile:
//! its parks as frames with their firms, its other firms in a grid, its villages as small
//! tiles, packed in rows.

use super::layout::{
    Bead, Measure, ParkFrame, TerritoryLayout, TownContents, TownShape, VillageTile, cell_size,
    grid, grid_size,
};
use crate::analysis::territory::TerritoryReport;
use crate::model::{NodeId, NodeKind, ParkLevel, Project};
use egui::{Pos2, Rect, Vec2, pos2, vec2};
use std::collections::BTreeMap;

/// Room for a tile's name and its figures line.
pub const HEADER: f32 = 46.0;
/// Room inside a tile's edge.
const PAD: f32 = 12.0;
/// Between items packed in a tile.
const GAP: f32 = 10.0;
/// Between two tiles (room for the arcs between them).
const TILE_GAP: f32 = 40.0;
/// A park frame's name row.
const PARK_HEADER: f32 = 20.0;
/// A village tile's height.
const VILLAGE_H: f32 = 24.0;
/// Contents are spread out to at most this many times their packed spacing.
const MAX_SPREAD: f32 = 2.5;
/// The tiles fill a box this much wider than tall (a laptop's map).
const MAP_ASPECT: f32 = 1.7;
/// The least share of the county a tile's area stands for.
const MIN_SHARE: f64 = 0.03;
/// Tiles are this much wider than tall.
const ASPECT: f32 = 1.4;

/// What one item packed in a tile is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    Park(usize),
    Loose,
    Village(usize),
}

/// Lays the towns out as tiles round the county seat.
pub fn place(
    project: &Project,
    report: &TerritoryReport,
    contents: &BTreeMap<Option<NodeId>, TownContents>,
    beads: &mut [Bead],
    measure: Measure,
) -> TerritoryLayout {
    let mut towns = Vec::new();
    for town in &report.towns {
        towns.push(TownShape::of(town));
    }
    if contents.contains_key(&None) {
        towns.push(TownShape {
            id: None,
            name: String::new(),
            class: None,
            zone: None,
            no_development: false,
            output: report.unplaced_output,
            share: (report.output > 0.0).then(|| report.unplaced_output / report.output),
            seat: false,
            rect: Rect::NOTHING,
            rings: Vec::new(),
            triangles: Vec::new(),
            label_at: Pos2::ZERO,
            label_box: Rect::NOTHING,
        });
    }
    let empty = TownContents::default();
    let contents_of = |t: &TownShape| contents.get(&t.id).unwrap_or(&empty);
    // Natural sizes, then the area per unit of output that gives every town room.
    let natural: Vec<Vec2> = towns
        .iter()
        .map(|t| {
            let size = natural_size(project, contents_of(t), beads, measure, 1.0);
            // Room for the name, the output and its share on the header line.
            // The tile of firms in no town is named in the language of the frame: room for
            // the longer name.
            let name = if t.id.is_some() {
                t.name.as_str()
            } else {
                "County level (no town)"
            };
            vec2(size.x.max(measure(name) * 1.25 + 150.0), size.y)
        })
        .collect();
    let weights = weights(&towns, &natural);
    // The box: the map's proportions, large enough that every tile holds its contents.
    let total: f64 = weights.iter().sum();
    let area = towns
        .iter()
        .zip(&natural)
        .zip(&weights)
        .map(|((_, size), w)| {
            let needs = f64::from((size.x + TILE_GAP) * (size.y + TILE_GAP)) * 1.3;
            needs * total / w
        })
        .fold(0.0f64, f64::max) as f32;
    let width = (area * MAP_ASPECT).sqrt();
    let bounds = Rect::from_min_size(Pos2::ZERO, vec2(width, area / width));
    let seat = county_seat(project, report, &towns);
    if let Some(seat) = seat {
        towns[seat].seat = true;
    }
    let rects = super::treemap::squarify(&weights, bounds);
    let mut layout = TerritoryLayout::default();
    for (town, rect) in towns.iter_mut().zip(rects) {
        let rect = rect.shrink(TILE_GAP / 2.0);
        town.rect = rect;
        town.label_at = rect.left_top() + vec2(PAD, PAD);
        let inner = Rect::from_min_max(
            rect.left_top() + vec2(PAD, HEADER),
            rect.right_bottom() - vec2(PAD, PAD),
        );
        fill_tile(
            project,
            contents_of(town),
            beads,
            measure,
            inner,
            &mut layout,
        );
    }
    layout.towns = towns;
    layout
}

/// The county seat: a town named 县城 or 城关 (or a 街道), else the one with the most output in
/// county-level parks, else the largest.
fn county_seat(project: &Project, report: &TerritoryReport, towns: &[TownShape]) -> Option<usize> {
    let named = towns.iter().position(|t| {
        t.id.is_some() && ["县城", "城关", "街道"].iter().any(|w| t.name.contains(w))
    });
    let county_parks = || {
        let mut best: Option<(usize, usize)> = None;
        for (i, town) in towns.iter().enumerate() {
            let Some(id) = &town.id else { continue };
            let parks = project
                .nodes
                .values()
                .filter(|p| p.kind == NodeKind::Park)
                .filter(|p| p.park_level.is_some_and(|l| l <= ParkLevel::County))
                .filter(|p| super::layout::park_town(project, &p.id).as_ref() == Some(id))
                .count();
            if parks > 0 && best.is_none_or(|(_, n)| parks > n) {
                best = Some((i, parks));
            }
        }
        best.map(|(i, _)| i)
    };
    let largest = || {
        (0..towns.len())
            .filter(|&i| towns[i].id.is_some())
            .max_by(|&a, &b| towns[a].output.total_cmp(&towns[b].output).then(b.cmp(&a)))
    };
    let _ = report;
    named.or_else(county_parks).or_else(largest)
}

/// Each tile's weight: its output, but never less than a small share of the county's, so a
/// town with no output still shows.
fn weights(towns: &[TownShape], natural: &[Vec2]) -> Vec<f64> {
    let total: f64 = towns.iter().map(|t| t.output.max(0.0)).sum();
    let floor = if total > 0.0 { total * MIN_SHARE } else { 1.0 };
    let _ = natural;
    towns.iter().map(|t| t.output.max(floor)).collect()
}

/// The items of a town in packing order, with their sizes.
fn items(
    project: &Project,
    contents: &TownContents,
    beads: &[Bead],
    measure: Measure,
    spread: f32,
) -> Vec<(Item, Vec2)> {
    let mut items = Vec::new();
    for (i, (park, members)) in contents.parks.iter().enumerate() {
        let name = project.node_name(park);
        let cell = cell_size(beads, members) * spread;
        let grid = grid_size(members.len(), cell, 2.0);
        // Room for the name and its level (" · 县域园区", " · County park").
        let width = grid.x.max(measure(&name) + 90.0).max(cell) + 12.0;
        let height = PARK_HEADER + grid.y.max(8.0) + 6.0;
        items.push((Item::Park(i), vec2(width, height)));
    }
    if !contents.loose.is_empty() {
        let cell = cell_size(beads, &contents.loose) * spread;
        items.push((
            Item::Loose,
            grid_size(contents.loose.len(), cell, ASPECT * 1.3),
        ));
    }
    for (i, village) in contents.villages.iter().enumerate() {
        let width = measure(&project.node_name(village)) + 18.0;
        items.push((Item::Village(i), vec2(width, VILLAGE_H)));
    }
    items
}

/// The size a tile needs for its contents alone (and its name).
fn natural_size(
    project: &Project,
    contents: &TownContents,
    beads: &[Bead],
    measure: Measure,
    spread: f32,
) -> Vec2 {
    let items = items(project, contents, beads, measure, spread);
    let area: f32 = items.iter().map(|(_, s)| (s.x + GAP) * (s.y + GAP)).sum();
    let widest = items.iter().map(|(_, s)| s.x).fold(120.0, f32::max);
    let width = widest.max((area * ASPECT).sqrt());
    let height = pack(&items, width).1;
    vec2(width + 2.0 * PAD, height + HEADER + PAD)
}

/// Rows of `items` no wider than `width`: each item's offset, and the height used.
fn pack(items: &[(Item, Vec2)], width: f32) -> (Vec<Vec2>, f32) {
    let mut offsets = Vec::with_capacity(items.len());
    let (mut x, mut y, mut row_h) = (0.0f32, 0.0f32, 0.0f32);
    let mut row_start = 0;
    let centre_row = |offsets: &mut Vec<Vec2>, from: usize, used: f32| {
        let shift = ((width - used) / 2.0).max(0.0);
        for o in &mut offsets[from..] {
            o.x += shift;
        }
    };
    for (_, size) in items {
        if x > 0.0 && x + size.x > width {
            centre_row(&mut offsets, row_start, x - GAP);
            row_start = offsets.len();
            y += row_h + GAP;
            x = 0.0;
            row_h = 0.0;
        }
        offsets.push(vec2(x, y));
        x += size.x + GAP;
        row_h = row_h.max(size.y);
    }
    centre_row(&mut offsets, row_start, x - GAP);
    (offsets, y + row_h)
}

/// Places a town's parks, firms and villages in `inner`, centred vertically.
fn fill_tile(
    project: &Project,
    contents: &TownContents,
    beads: &mut [Bead],
    measure: Measure,
    inner: Rect,
    layout: &mut TerritoryLayout,
) {
    // Spread the contents out (wider cells, beads their own size) while they fill less than
    // the tile: a big town's firms spread over it rather than huddle in a corner.
    let mut spread = 1.0;
    while spread < MAX_SPREAD {
        let next = spread + 0.1;
        let size = natural_size(project, contents, beads, measure, next);
        if size.x - 2.0 * PAD > inner.width() || size.y - HEADER - PAD > inner.height() * 0.9 {
            break;
        }
        spread = next;
    }
    let items = items(project, contents, beads, measure, spread);
    let (offsets, height) = pack(&items, inner.width());
    let top = inner.top() + ((inner.height() - height) / 2.0).max(0.0);
    for ((item, size), offset) in items.iter().zip(offsets) {
        let rect = Rect::from_min_size(pos2(inner.left(), top) + offset, *size);
        match *item {
            Item::Park(i) => {
                let (id, members) = &contents.parks[i];
                let area = Rect::from_min_max(
                    rect.left_top() + vec2(6.0, PARK_HEADER),
                    rect.right_bottom() - vec2(6.0, 6.0),
                );
                let cell = cell_size(beads, members) * spread;
                let used = grid_size(members.len(), cell, 2.0);
                let centred = Rect::from_center_size(area.center(), used);
                grid(beads, members, centred, spread);
                let park = project.nodes.get(id);
                layout.parks.push(ParkFrame {
                    id: id.clone(),
                    name: project.node_name(id),
                    level: park.and_then(|p| p.park_level),
                    rect,
                });
            }
            Item::Loose => {
                grid(beads, &contents.loose, rect, spread);
            }
            Item::Village(i) => {
                let id = &contents.villages[i];
                layout.villages.push(VillageTile {
                    id: id.clone(),
                    name: project.node_name(id),
                    rect,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(w: f32, h: f32) -> (Item, Vec2) {
        (Item::Loose, vec2(w, h))
    }

    #[test]
    fn packing_wraps_rows_at_the_width_and_centres_them() {
        // 50 + 10 + 50 = 110 fits in 120; the third wraps to a row 30 + 10 below.
        let (offsets, height) = pack(
            &[item(50.0, 30.0), item(50.0, 20.0), item(100.0, 10.0)],
            120.0,
        );
        assert_eq!(offsets[0], vec2(5.0, 0.0));
        assert_eq!(offsets[1], vec2(65.0, 0.0));
        assert_eq!(offsets[2], vec2(10.0, 40.0));
        assert_eq!(height, 50.0);
    }
}
