//! The towns drawn from their boundaries: longitude and latitude projected equirectangularly
//! (east scaled by cos of the middle latitude, so a county keeps its shape), the county fitted
//! to about `EXTENT` canvas units. Firms sit on free points of a grid inside their town,
//! nearest its middle, each park's firms together with a frame round them. Towns without a
//! boundary (and firms in no town) get tiles in a row under the map.

use super::layout::{
    Bead, Measure, ParkFrame, TerritoryLayout, TownContents, TownShape, VillageTile, cell_size,
    grid, grid_size,
};
use super::polygon;
use crate::analysis::territory::TerritoryReport;
use crate::model::{Boundary, NodeId, Project};
use egui::{Pos2, Rect, pos2, vec2};
use std::collections::BTreeMap;

/// The county's longer side, in canvas units.
const EXTENT: f32 = 1100.0;
/// Points of a projected ring closer than this to the last kept one are dropped.
const SIMPLIFY: f32 = 1.0;

/// Lays out towns by their projected boundaries.
pub fn place(
    project: &Project,
    report: &TerritoryReport,
    contents: &BTreeMap<Option<NodeId>, TownContents>,
    beads: &mut [Bead],
    measure: Measure,
) -> TerritoryLayout {
    let boundary_of = |id: &NodeId| {
        project
            .nodes
            .get(id)
            .and_then(|n| n.boundary.as_ref())
            .filter(|b| b.bounds().is_some())
    };
    let bounds = report
        .towns
        .iter()
        .filter_map(|t| boundary_of(&t.id)?.bounds())
        .reduce(|a, b| {
            [
                [a[0][0].min(b[0][0]), a[0][1].min(b[0][1])],
                [a[1][0].max(b[1][0]), a[1][1].max(b[1][1])],
            ]
        })
        .unwrap_or([[0.0, 0.0], [1.0, 1.0]]);
    let projection = Projection::new(bounds);
    let empty = TownContents::default();
    let mut layout = TerritoryLayout::default();
    let mut without: Vec<TownShape> = Vec::new();
    for town in &report.towns {
        let mut shape = TownShape::of(town);
        let contents = contents.get(&Some(town.id.clone())).unwrap_or(&empty);
        match boundary_of(&town.id) {
            Some(boundary) => {
                outline(&mut shape, boundary, &projection);
                fill_outline(project, &mut shape, contents, beads, measure, &mut layout);
                layout.towns.push(shape);
            }
            None => without.push(shape),
        }
    }
    if contents.contains_key(&None) {
        without.push(TownShape {
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
    // Towns with no outline: tiles in a row under the map.
    let map = layout
        .towns
        .iter()
        .fold(Rect::NOTHING, |a, t| a.union(t.rect));
    let mut x = if map.is_positive() { map.left() } else { 0.0 };
    let y = if map.is_positive() {
        map.bottom() + 40.0
    } else {
        0.0
    };
    for mut shape in without {
        let c = contents.get(&shape.id).unwrap_or(&empty);
        let members: Vec<usize> = c
            .parks
            .iter()
            .flat_map(|(_, m)| m.iter().copied())
            .chain(c.loose.iter().copied())
            .collect();
        let cell = cell_size(beads, &members);
        let size = grid_size(members.len(), cell, 2.0);
        // The tile of firms in no town is named in the frame's language: room for the longer.
        let name = if shape.id.is_some() {
            shape.name.as_str()
        } else {
            "County level (no town)"
        };
        let width = size.x.max(measure(name) * 1.3 + 24.0).max(140.0) + 24.0;
        shape.rect = Rect::from_min_size(pos2(x, y), vec2(width, size.y + 58.0));
        shape.label_at = shape.rect.left_top() + vec2(12.0, 12.0);
        let area = Rect::from_center_size(
            pos2(
                shape.rect.center().x,
                shape.rect.top() + 46.0 + size.y / 2.0,
            ),
            size,
        );
        grid(beads, &members, area, 1.0);
        x += width + 30.0;
        layout.towns.push(shape);
    }
    layout
}

/// Longitude and latitude to canvas units.
struct Projection {
    centre: [f64; 2],
    east: f64,
    scale: f64,
}

impl Projection {
    fn new([[west, south], [east, north]]: [[f64; 2]; 2]) -> Self {
        let centre = [(west + east) / 2.0, (south + north) / 2.0];
        let cos = centre[1].to_radians().cos().max(0.01);
        let extent = ((east - west) * cos).max(north - south).max(1e-9);
        Self {
            centre,
            east: cos,
            scale: f64::from(EXTENT) / extent,
        }
    }

    fn point(&self, [lon, lat]: [f64; 2]) -> Pos2 {
        pos2(
            ((lon - self.centre[0]) * self.east * self.scale) as f32,
            (-(lat - self.centre[1]) * self.scale) as f32,
        )
    }
}

/// The town's rings and fill, projected.
fn outline(shape: &mut TownShape, boundary: &Boundary, projection: &Projection) {
    for polygon in &boundary.polygons {
        let rings: Vec<Vec<Pos2>> = polygon
            .iter()
            .map(|ring| {
                let mut points: Vec<Pos2> = Vec::with_capacity(ring.len());
                for p in ring.iter().map(|p| projection.point(*p)) {
                    if points.last().is_none_or(|l| (*l - p).length() >= SIMPLIFY) {
                        points.push(p);
                    }
                }
                polygon::open_ring(&points)
            })
            .filter(|r| r.len() >= 3)
            .collect();
        shape.triangles.extend(polygon::triangulate(&rings));
        shape.rings.extend(rings);
    }
    shape.rect = shape
        .rings
        .iter()
        .flatten()
        .fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p)));
}

/// The widest a park's frame grows to fit its name (canvas units); longer names end in "…".
const PARK_NAME_ROOM: f32 = 150.0;

/// Puts a town's name, parks, firms and villages inside its outline.
fn fill_outline(
    project: &Project,
    shape: &mut TownShape,
    contents: &TownContents,
    beads: &mut [Bead],
    measure: Measure,
    layout: &mut TerritoryLayout,
) {
    let all: Vec<usize> = contents
        .parks
        .iter()
        .flat_map(|(_, m)| m.iter().copied())
        .chain(contents.loose.iter().copied())
        .collect();
    let cell = cell_size(beads, &all);
    let mut free = inside_points(&shape.rings, shape.rect, cell);
    // The name goes on the point deepest inside; no bead within its box.
    let anchor = free
        .iter()
        .copied()
        .max_by(|a, b| {
            polygon::edge_distance(&shape.rings, *a)
                .total_cmp(&polygon::edge_distance(&shape.rings, *b))
        })
        .unwrap_or(shape.rect.center());
    shape.label_at = anchor;
    // The name (15 px) above its anchor, the figures line (about 150 px wide) below it.
    let label_box =
        Rect::from_center_size(anchor, vec2((measure(&shape.name) * 1.3).max(160.0), 44.0));
    shape.label_box = label_box;
    // A park's name row sits above its firms: keep that clear of the town's name too.
    let keep_clear = label_box.expand2(vec2(cell / 2.0, cell / 2.0 + 18.0));
    free.retain(|p| !keep_clear.contains(*p));
    let take_near = |free: &mut Vec<Pos2>, near: Pos2| -> Pos2 {
        let best = free
            .iter()
            .enumerate()
            .min_by(|a, b| (*a.1 - near).length().total_cmp(&(*b.1 - near).length()))
            .map(|(i, _)| i);
        match best {
            Some(i) => free.swap_remove(i),
            None => near,
        }
    };
    let below = anchor + vec2(0.0, 40.0 + cell);
    for (park, members) in &contents.parks {
        let seed = take_near(&mut free, below);
        let mut frame = Rect::from_center_size(seed, vec2(cell, cell));
        for (k, &b) in members.iter().enumerate() {
            let at = if k == 0 {
                seed
            } else {
                take_near(&mut free, seed)
            };
            beads[b].at = at;
            frame = frame.union(Rect::from_center_size(at, vec2(cell, cell)));
        }
        let name = project.node_name(park);
        // As wide as its name row (11 px type) when its firms alone are narrower: a one-firm
        // park would otherwise be a bead wide with its name cut to "…". Other firms keep out.
        let name_width = (measure(&name) * 11.0 / super::NAME_SIZE + 10.0).min(PARK_NAME_ROOM);
        if frame.width() < name_width {
            frame = Rect::from_center_size(frame.center(), vec2(name_width, frame.height()));
        }
        let rect = Rect::from_min_max(frame.min - vec2(0.0, 18.0), frame.max);
        free.retain(|p| !rect.expand(cell / 3.0).contains(*p));
        layout.parks.push(ParkFrame {
            id: park.clone(),
            name,
            level: project.nodes.get(park).and_then(|p| p.park_level),
            rect,
        });
    }
    for &b in &contents.loose {
        beads[b].at = take_near(&mut free, below);
    }
    for village in &contents.villages {
        let at = take_near(&mut free, below);
        let name = project.node_name(village);
        layout.villages.push(VillageTile {
            id: village.clone(),
            rect: Rect::from_center_size(at, vec2(measure(&name) + 18.0, 22.0)),
            name,
        });
    }
}

/// Points of a grid of `cell` spacing inside the rings, a bead's room from the edge.
fn inside_points(rings: &[Vec<Pos2>], bounds: Rect, cell: f32) -> Vec<Pos2> {
    let mut points = Vec::new();
    for spacing in [cell, cell * 0.6] {
        let (mut y, mut row) = (bounds.top() + spacing / 2.0, 0);
        while y < bounds.bottom() {
            // Every other row shifted by half a cell: beads pack like a honeycomb.
            let mut x = bounds.left() + spacing / 2.0 * if row % 2 == 0 { 1.0 } else { 2.0 };
            while x < bounds.right() {
                let p = pos2(x, y);
                if polygon::contains(rings, p) && polygon::edge_distance(rings, p) >= spacing * 0.45
                {
                    points.push(p);
                }
                x += spacing;
            }
            y += spacing * 0.87;
            row += 1;
        }
        if points.len() >= 8 {
            break;
        }
        points.clear();
    }
    points
}
