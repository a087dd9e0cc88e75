//! Where everything of the territory view sits, in canvas units (1 unit = 1 pixel at zoom 1):
//! the towns (tiles, or projected outlines when they have boundaries), the parks as frames in
//! their town, the villages, the firms as beads, supply between towns as arcs and 联农带农 as
//! lines to villages. Worked out once per document revision (`TerritoryCache`), never per frame.
//!
//! What goes where comes from the analysis (`TerritoryReport`): a firm's town is the one whose
//! `firms` list holds it; firms in no town get a tile of their own ("县级,未落到镇").
//! Texts are measured with the closure given, so this stays free of fonts and painters.

use super::geo;
use super::schematic;
use crate::analysis::territory::TerritoryReport;
use crate::model::{LinkKind, MainFunctionZone, NodeId, NodeKind, Project, RegionLevel, Segment};
use crate::model::{ParkLevel, TownClass};
use egui::{Pos2, Rect, Vec2, vec2};
use std::collections::BTreeMap;

/// Smallest and largest bead radius: a firm's area grows with its output.
pub const BEAD_MIN: f32 = 5.0;
pub const BEAD_MAX: f32 = 14.0;

/// Measures a text's width in canvas units at the layout's font size.
pub type Measure<'a> = &'a dyn Fn(&str) -> f32;

/// One town as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct TownShape {
    /// None: the tile of the firms in no town.
    pub id: Option<NodeId>,
    pub name: String,
    pub class: Option<TownClass>,
    pub zone: Option<MainFunctionZone>,
    pub no_development: bool,
    pub output: f64,
    pub share: Option<f64>,
    /// The county seat (县城), drawn with a stronger edge.
    pub seat: bool,
    /// The tile, or the projected outline's box.
    pub rect: Rect,
    /// Projected outlines (rings) when the town has a boundary; empty for a tile.
    pub rings: Vec<Vec<Pos2>>,
    /// Triangles filling the outline (with its holes left out).
    pub triangles: Vec<[Pos2; 3]>,
    /// Where its name goes (the top of a tile, the inside of an outline).
    pub label_at: Pos2,
    /// The room an outline's name and figures take (nothing for a tile): arcs end at its edge
    /// and firm names keep out of it.
    pub label_box: Rect,
}

impl TownShape {
    /// A town of the analysis, not yet placed (no tile, outline or name point).
    pub fn of(town: &crate::analysis::territory::TownReport) -> Self {
        Self {
            id: Some(town.id.clone()),
            name: town.name.clone(),
            class: town.class,
            zone: town.zone,
            no_development: town.no_development,
            output: town.output,
            share: town.share,
            seat: false,
            rect: Rect::NOTHING,
            rings: Vec::new(),
            triangles: Vec::new(),
            label_at: Pos2::ZERO,
            label_box: Rect::NOTHING,
        }
    }

    /// `p` is inside the town: its outline (holes out), or its tile.
    pub fn contains(&self, p: Pos2) -> bool {
        if self.rings.is_empty() {
            self.rect.contains(p)
        } else {
            super::polygon::contains(&self.rings, p)
        }
    }
}

/// A park's frame round its firms.
#[derive(Debug, Clone, PartialEq)]
pub struct ParkFrame {
    pub id: NodeId,
    pub name: String,
    pub level: Option<ParkLevel>,
    pub rect: Rect,
}

/// A village, as a small tile in (or beside) its town.
#[derive(Debug, Clone, PartialEq)]
pub struct VillageTile {
    pub id: NodeId,
    pub name: String,
    pub rect: Rect,
}

/// A firm.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub id: NodeId,
    pub name: String,
    pub kind: NodeKind,
    pub at: Pos2,
    pub radius: f32,
    /// The segment of its first stage.
    pub segment: Option<Segment>,
    pub output: f64,
}

/// Supply from the firms of one town to those of another, summed.
#[derive(Debug, Clone, PartialEq)]
pub struct TownArc {
    /// A quadratic curve bending to its left, its ends outside the towns' names.
    pub from: Pos2,
    pub control: Pos2,
    pub to: Pos2,
    pub value: f64,
    /// Links summed.
    pub links: usize,
}

/// A 联农带农 link: from a firm (or its town) to a village or a farmers' firm.
#[derive(Debug, Clone, PartialEq)]
pub struct FarmerLine {
    pub from: Pos2,
    pub to: Pos2,
}

/// The whole view laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct TerritoryLayout {
    /// Towns have projected boundaries (else the schematic of tiles).
    pub geographic: bool,
    pub towns: Vec<TownShape>,
    pub parks: Vec<ParkFrame>,
    pub villages: Vec<VillageTile>,
    pub beads: Vec<Bead>,
    pub arcs: Vec<TownArc>,
    pub farmer_lines: Vec<FarmerLine>,
    /// Everything drawn (for Fit to View).
    pub bounds: Rect,
}

impl Default for TerritoryLayout {
    fn default() -> Self {
        Self {
            geographic: false,
            towns: Vec::new(),
            parks: Vec::new(),
            villages: Vec::new(),
            beads: Vec::new(),
            arcs: Vec::new(),
            farmer_lines: Vec::new(),
            bounds: Rect::NOTHING,
        }
    }
}

/// What the layout places in one town (or in the county's tile of firms in no town).
#[derive(Debug, Clone, Default)]
pub struct TownContents {
    /// Parks in it, each with its firms (bead ids), in id order.
    pub parks: Vec<(NodeId, Vec<usize>)>,
    /// Firms in no park of this town (indexes into the beads), largest first.
    pub loose: Vec<usize>,
    pub villages: Vec<NodeId>,
}

impl TerritoryLayout {
    /// Lays out the territory of `project` as `report` finds it.
    pub fn build(project: &Project, report: &TerritoryReport, measure: Measure) -> Self {
        let (mut beads, contents) = gather(project, report);
        let geographic = report.towns.iter().any(|t| {
            project
                .nodes
                .get(&t.id)
                .and_then(|n| n.boundary.as_ref())
                .is_some_and(|b| b.bounds().is_some())
        });
        let mut layout = if geographic {
            geo::place(project, report, &contents, &mut beads, measure)
        } else {
            schematic::place(project, report, &contents, &mut beads, measure)
        };
        layout.geographic = geographic;
        layout.beads = beads;
        layout.arcs = super::arcs::arcs(project, report, &layout);
        layout.farmer_lines = farmer_lines(project, &layout);
        layout.bounds = layout
            .towns
            .iter()
            .map(|t| t.rect)
            .chain(layout.villages.iter().map(|v| v.rect))
            .fold(Rect::NOTHING, |a, b| a.union(b));
        layout
    }

    /// The bead of a firm.
    pub fn bead(&self, id: &NodeId) -> Option<&Bead> {
        self.beads.iter().find(|b| &b.id == id)
    }

    /// The point a town's arcs and lines start from.
    pub fn hub(&self, town: Option<&NodeId>) -> Option<Pos2> {
        self.towns
            .iter()
            .find(|t| t.id.as_ref() == town)
            // An outline's box may lie outside it (an L's corner): its name's point is inside.
            .map(|t| {
                if t.rings.is_empty() {
                    t.rect.center()
                } else {
                    t.label_at
                }
            })
    }
}

/// The bead radius of a firm of `output` where the largest has `max`.
pub fn bead_radius(output: f64, max: f64) -> f32 {
    if max <= 0.0 || output <= 0.0 {
        return BEAD_MIN;
    }
    BEAD_MIN + (BEAD_MAX - BEAD_MIN) * (output / max).sqrt() as f32
}

/// Beads (positions left at zero) and, per town (None: no town), what goes in it.
fn gather(
    project: &Project,
    report: &TerritoryReport,
) -> (Vec<Bead>, BTreeMap<Option<NodeId>, TownContents>) {
    let year = report.year;
    let output_of = |id: &NodeId| {
        project.nodes.get(id).map_or(0.0, |n| {
            year.map_or(0.0, |y| crate::analysis::output(n, Some(y)))
        })
    };
    let max = report.firms.iter().map(output_of).fold(0.0f64, f64::max);
    let mut beads = Vec::new();
    let mut contents: BTreeMap<Option<NodeId>, TownContents> = BTreeMap::new();
    let placed = report
        .towns
        .iter()
        .map(|t| (Some(t.id.clone()), &t.firms))
        .chain(std::iter::once((None, &report.unplaced)));
    let first_park = first_parks(project);
    for (town, firms) in placed {
        if town.is_none() && firms.is_empty() {
            continue;
        }
        let entry = contents.entry(town.clone()).or_default();
        let mut ids: Vec<&NodeId> = firms.iter().collect();
        ids.sort_by(|a, b| output_of(b).total_cmp(&output_of(a)).then(a.cmp(b)));
        for id in ids {
            let Some(node) = project.nodes.get(id) else {
                continue;
            };
            let output = output_of(id);
            let segment = node
                .stages
                .iter()
                .find_map(|s| project.stage(s))
                .map(|(_, s)| s.segment);
            let index = beads.len();
            beads.push(Bead {
                id: id.clone(),
                name: node.name.clone(),
                kind: node.kind,
                at: Pos2::ZERO,
                radius: bead_radius(output, max),
                segment,
                output,
            });
            // A park of the firm in this town holds it; else it stands loose in the town.
            match first_park.get(id).filter(|p| park_town(project, p) == town) {
                Some(park) => match entry.parks.iter_mut().find(|(p, _)| p == *park) {
                    Some((_, members)) => members.push(index),
                    None => entry.parks.push(((*park).clone(), vec![index])),
                },
                None => entry.loose.push(index),
            }
        }
    }
    // Parks without local firms still show, as empty frames, in their town.
    for park in project.nodes.values().filter(|n| n.kind == NodeKind::Park) {
        let town = park_town(project, &park.id);
        if let Some(entry) = contents.get_mut(&town)
            && town.is_some()
            && !entry.parks.iter().any(|(p, _)| p == &park.id)
        {
            entry.parks.push((park.id.clone(), Vec::new()));
        }
    }
    for village in project
        .nodes
        .values()
        .filter(|n| n.kind == NodeKind::Region && n.region_level == Some(RegionLevel::Village))
    {
        if let Some(entry) = contents.get_mut(&village.region.clone()) {
            entry.villages.push(village.id.clone());
        }
    }
    for entry in contents.values_mut() {
        entry.parks.sort_by(|a, b| a.0.cmp(&b.0));
    }
    (beads, contents)
}

/// Each node's first park (`located_in` links in id order).
fn first_parks(project: &Project) -> BTreeMap<&NodeId, &NodeId> {
    let mut parks = BTreeMap::new();
    for link in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::LocatedIn)
    {
        if project
            .nodes
            .get(&link.to)
            .is_some_and(|p| p.kind == NodeKind::Park)
        {
            parks.entry(&link.from).or_insert(&link.to);
        }
    }
    parks
}

/// The town a park stands in: its region if a town, the town above if a village.
pub fn park_town(project: &Project, park: &NodeId) -> Option<NodeId> {
    let region = project.nodes.get(park)?.region.as_ref()?;
    let node = project.nodes.get(region)?;
    match node.region_level? {
        RegionLevel::Town => Some(region.clone()),
        RegionLevel::Village => {
            let up = node.region.as_ref()?;
            (project.nodes.get(up)?.region_level == Some(RegionLevel::Town)).then(|| up.clone())
        }
        _ => None,
    }
}

/// 联农带农 links with both ends on the view: a firm's bead (or a village, or a town) to another.
fn farmer_lines(project: &Project, layout: &TerritoryLayout) -> Vec<FarmerLine> {
    let at = |id: &NodeId| -> Option<Pos2> {
        layout
            .bead(id)
            .map(|b| b.at)
            .or_else(|| {
                layout
                    .villages
                    .iter()
                    .find(|v| &v.id == id)
                    .map(|v| v.rect.center())
            })
            .or_else(|| layout.hub(Some(id)))
    };
    project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::FarmerLinkage)
        .filter_map(|l| {
            Some(FarmerLine {
                from: at(&l.from)?,
                to: at(&l.to)?,
            })
        })
        .collect()
}

/// Beads laid out in rows inside `area`, each in a cell of the largest bead's size: the
/// smallest grid of about the area's proportions. Returns the height used.
pub fn grid(beads: &mut [Bead], members: &[usize], area: Rect, spread: f32) -> f32 {
    if members.is_empty() {
        return 0.0;
    }
    let cell = cell_size(beads, members) * spread;
    let columns = ((area.width() / cell + 0.01).floor() as usize).max(1);
    for (i, &b) in members.iter().enumerate() {
        let (row, col) = (i / columns, i % columns);
        beads[b].at = area.min + vec2((col as f32 + 0.5) * cell, (row as f32 + 0.5) * cell);
    }
    members.len().div_ceil(columns) as f32 * cell
}

/// The side of a grid cell holding the largest of `members` with room round it.
pub fn cell_size(beads: &[Bead], members: &[usize]) -> f32 {
    let largest = members
        .iter()
        .map(|&b| beads[b].radius)
        .fold(BEAD_MIN, f32::max);
    2.0 * largest + 8.0
}

/// The size of a grid of `n` cells of side `cell` about `aspect` (width ÷ height) wide.
pub fn grid_size(n: usize, cell: f32, aspect: f32) -> Vec2 {
    if n == 0 {
        return Vec2::ZERO;
    }
    let columns = ((n as f32 * aspect).sqrt().ceil() as usize).clamp(1, n);
    vec2(columns as f32 * cell, n.div_ceil(columns) as f32 * cell)
}
