//! Where the swimlane layout puts parks and regions: each near the barycentre (x) of what it is
//! linked to, so their links are short — parks in a row below the lanes, regions above them,
//! except a region whose links go mostly to parks, which joins the parks' row (a 飞出地 and the
//! enclave park it invests in sit side by side instead of on either side of the whole chain).
//! Within a row, the places anchored by firms keep their order and move apart as little as
//! possible (least squares); those placed by other places (a region investing in a park, a city
//! above its counties) then take the free spot nearest their target, so a park with its
//! partners sits in their middle; all step aside from pinned nodes.

use super::{LANE_WIDTH, ROW_HEIGHT};
use crate::model::{LinkKind, NodeId, NodeKind, Pos, Project};
use std::collections::BTreeMap;

/// Distance between the centres of two neighbours in a row: a bead and its label (a park's
/// name runs to ten characters or more).
pub const PLACE_GAP: f32 = LANE_WIDTH;
/// The regions' row above the lanes (canvas y): clear of the lane headers and their band.
pub const REGION_ROW: f32 = -3.0 * ROW_HEIGHT;
/// Passes over the places: a park or region tied only to other parks or regions finds its
/// place once those have theirs (a city above its counties, a park managed by another).
const PASSES: usize = 5;

/// Parks and regions (unpinned) placed in their rows given the firms in `placed`, which gets
/// their positions.
pub fn place_parks_and_regions(project: &Project, placed: &mut BTreeMap<NodeId, Pos>) {
    let lowest = placed.values().map(|p| p.y).fold(0.0f32, f32::max);
    let targets = targets(project, placed);
    let mut below: Vec<Target> = Vec::new();
    let mut above: Vec<Target> = Vec::new();
    for target in targets {
        let node = &project.nodes[target.id];
        if node.kind == NodeKind::Park || mostly_to_parks(project, target.id) {
            below.push(target);
        } else {
            above.push(target);
        }
    }
    let pinned: Vec<Pos> = project
        .nodes
        .values()
        .filter(|n| n.pinned)
        .filter_map(|n| n.position)
        .collect();
    for (row, y) in [(below, lowest + 2.0 * ROW_HEIGHT), (above, REGION_ROW)] {
        let taken: Vec<f32> = pinned
            .iter()
            .filter(|p| (p.y - y).abs() < ROW_HEIGHT)
            .map(|p| p.x)
            .collect();
        for (id, x) in place_row(row, &taken) {
            placed.insert(id.clone(), Pos { x, y });
        }
    }
}

/// Where a park or region would like to be.
#[derive(Debug, Clone, Copy)]
struct Target<'p> {
    id: &'p NodeId,
    x: f32,
    /// Found from firms (or pinned nodes) alone, not from other parks or regions.
    anchored: bool,
}

/// One row's places: the anchored spread about their targets, then each other one at the free
/// spot nearest its target (the left one of two as near), none within [`PLACE_GAP`] of another
/// or of a `taken` (pinned) spot.
fn place_row<'p>(mut row: Vec<Target<'p>>, taken: &[f32]) -> Vec<(&'p NodeId, f32)> {
    row.sort_by(|a, b| {
        b.anchored
            .cmp(&a.anchored)
            .then(a.x.total_cmp(&b.x))
            .then(a.id.cmp(b.id))
    });
    let anchors = row.iter().take_while(|t| t.anchored).count();
    let xs = spread(
        &row[..anchors].iter().map(|t| t.x).collect::<Vec<_>>(),
        PLACE_GAP,
    );
    let mut used: Vec<f32> = taken.to_vec();
    let mut out = Vec::with_capacity(row.len());
    for (target, x) in row.iter().zip(xs) {
        let x = nearest_free(x, &used);
        used.push(x);
        out.push((target.id, x));
    }
    for target in &row[anchors..] {
        let x = nearest_free(target.x, &used);
        used.push(x);
        out.push((target.id, x));
    }
    out
}

/// The spot nearest `x` at least [`PLACE_GAP`] from every spot in `used`: `x` itself, or just
/// beside one of them (left first when both sides are as near).
fn nearest_free(x: f32, used: &[f32]) -> f32 {
    let free = |c: f32| used.iter().all(|u| (u - c).abs() >= PLACE_GAP - 1e-3);
    std::iter::once(x)
        .chain(used.iter().flat_map(|u| [u - PLACE_GAP, u + PLACE_GAP]))
        .filter(|&c| free(c))
        .min_by(|a, b| (a - x).abs().total_cmp(&(b - x).abs()).then(a.total_cmp(b)))
        .unwrap_or(x)
}

/// The x each unpinned park and region would like, in id order: the mean x of what it is
/// linked to (a park: its firms first), else of its member firms, else of the regions within
/// it, else where it is now. A first pass finds those the firms (and pinned nodes) alone place:
/// the anchors; the passes after place the others from them.
fn targets<'p>(project: &'p Project, placed: &BTreeMap<NodeId, Pos>) -> Vec<Target<'p>> {
    let places: Vec<&NodeId> = project
        .nodes
        .values()
        .filter(|n| !n.pinned && matches!(n.kind, NodeKind::Park | NodeKind::Region))
        .map(|n| &n.id)
        .collect();
    let ties = Ties::new(project);
    let mut targets: BTreeMap<&NodeId, f32> = BTreeMap::new();
    let anchors: BTreeMap<&NodeId, f32> = places
        .iter()
        .filter_map(|&id| {
            let x = ties.target(id, true, |o| known_x(project, placed, &targets, o))?;
            Some((id, x))
        })
        .collect();
    targets.extend(anchors.iter().map(|(id, x)| (*id, *x)));
    for pass in 1..PASSES {
        // The last pass settles for a weaker tie where the first kind stays unknown.
        let strict = pass + 1 < PASSES;
        for &id in places.iter().filter(|id| !anchors.contains_key(*id)) {
            if let Some(x) = ties.target(id, strict, |o| known_x(project, placed, &targets, o)) {
                targets.insert(id, x);
            }
        }
    }
    places
        .iter()
        .map(|&id| Target {
            id,
            x: targets
                .get(id)
                .copied()
                .unwrap_or_else(|| project.nodes[id].position.map_or(0.0, |p| p.x)),
            anchored: anchors.contains_key(id),
        })
        .collect()
}

/// What each node is tied to: its 入驻 firms (for a park), its link neighbours, the nodes and
/// the regions that name it as their region.
#[derive(Default)]
struct Ties<'p> {
    firms: BTreeMap<&'p NodeId, Vec<&'p NodeId>>,
    linked: BTreeMap<&'p NodeId, Vec<&'p NodeId>>,
    members: BTreeMap<&'p NodeId, Vec<&'p NodeId>>,
    regions: BTreeMap<&'p NodeId, Vec<&'p NodeId>>,
}

impl<'p> Ties<'p> {
    fn new(project: &'p Project) -> Self {
        let mut ties = Self::default();
        for link in project.links.values() {
            ties.linked.entry(&link.from).or_default().push(&link.to);
            ties.linked.entry(&link.to).or_default().push(&link.from);
            if link.kind == LinkKind::LocatedIn {
                ties.firms.entry(&link.to).or_default().push(&link.from);
            }
        }
        for node in project.nodes.values() {
            if let Some(region) = &node.region {
                let within = if node.kind == NodeKind::Region {
                    &mut ties.regions
                } else {
                    &mut ties.members
                };
                within.entry(region).or_default().push(&node.id);
            }
        }
        ties
    }

    /// The barycentre of the known xs (`x_of`) among the first kind of tie `id` has. `strict`:
    /// none when none of those is known yet (a later pass will know more); else the next kind.
    fn target(
        &self,
        id: &NodeId,
        strict: bool,
        x_of: impl Fn(&NodeId) -> Option<f32>,
    ) -> Option<f32> {
        for ties in [&self.firms, &self.linked, &self.members, &self.regions] {
            let Some(ids) = ties.get(id).filter(|ids| !ids.is_empty()) else {
                continue;
            };
            let xs: Vec<f32> = ids.iter().filter_map(|o| x_of(o)).collect();
            if !xs.is_empty() {
                return Some(xs.iter().sum::<f32>() / xs.len() as f32);
            }
            if strict {
                return None;
            }
        }
        None
    }
}

/// Where `id` is for a barycentre: placed by this layout, a target found so far, or pinned.
fn known_x(
    project: &Project,
    placed: &BTreeMap<NodeId, Pos>,
    targets: &BTreeMap<&NodeId, f32>,
    id: &NodeId,
) -> Option<f32> {
    if let Some(p) = placed.get(id) {
        return Some(p.x);
    }
    if let Some(x) = targets.get(id) {
        return Some(*x);
    }
    let node = project.nodes.get(id)?;
    if node.pinned || node.kind.is_enterprise_like() {
        node.position.map(|p| p.x)
    } else {
        None
    }
}

/// A region more of whose links go to parks than elsewhere (a 飞出地 investing in an enclave
/// park) sits in the parks' row.
fn mostly_to_parks(project: &Project, region: &NodeId) -> bool {
    let (mut parks, mut others) = (0, 0);
    for link in project.links.values() {
        let other = if &link.from == region {
            &link.to
        } else if &link.to == region {
            &link.from
        } else {
            continue;
        };
        match project.nodes.get(other).map(|n| n.kind) {
            Some(NodeKind::Park) => parks += 1,
            Some(_) => others += 1,
            None => {}
        }
    }
    parks > others
}

/// Positions for items wanting `targets` (sorted) in a row, in the same order, at least `gap`
/// apart, moved as little as possible (least squares). With `yᵢ = xᵢ − i·gap` the condition is
/// `y` non-decreasing: the isotonic regression of `targetᵢ − i·gap`, by pooling adjacent
/// violators.
pub fn spread(targets: &[f32], gap: f32) -> Vec<f32> {
    // Blocks of pooled items: (sum of shifted targets, count).
    let mut blocks: Vec<(f32, usize)> = Vec::with_capacity(targets.len());
    for (i, t) in targets.iter().enumerate() {
        blocks.push((t - i as f32 * gap, 1));
        while blocks.len() >= 2 {
            let (s1, n1) = blocks[blocks.len() - 1];
            let (s0, n0) = blocks[blocks.len() - 2];
            if s0 / n0 as f32 <= s1 / n1 as f32 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = (s0 + s1, n0 + n1);
        }
    }
    let mut out = Vec::with_capacity(targets.len());
    for (sum, n) in blocks {
        let y = sum / n as f32;
        for _ in 0..n {
            out.push(y + out.len() as f32 * gap);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Chain, ChainId, Link, LinkId, Node, Segment, Stage, StageId};

    #[test]
    fn spread_moves_crowded_items_apart_evenly_about_their_targets() {
        assert_eq!(spread(&[0.0, 0.0], 180.0), vec![-90.0, 90.0]);
        // 0 and 100 pool (shifted 0 and −80, mean −40); 500 is clear of them.
        assert_eq!(
            spread(&[0.0, 100.0, 500.0], 180.0),
            vec![-40.0, 140.0, 500.0]
        );
        assert_eq!(spread(&[0.0, 400.0], 180.0), vec![0.0, 400.0]);
        // Three at one spot: centred on it.
        assert_eq!(spread(&[60.0; 3], 180.0), vec![-120.0, 60.0, 240.0]);
        assert!(spread(&[], 180.0).is_empty());
    }

    #[test]
    fn spread_never_leaves_two_items_closer_than_the_gap() {
        let targets = [-50.0, -10.0, 0.0, 5.0, 300.0, 310.0, 900.0, 905.0, 906.0];
        let xs = spread(&targets, 180.0);
        for w in xs.windows(2) {
            assert!(w[1] - w[0] >= 180.0 - 1e-3, "{xs:?}");
        }
    }

    fn node(id: &str, kind: NodeKind, stage: Option<&str>, x: f32) -> Node {
        Node {
            id: NodeId::from(id),
            name: id.to_owned(),
            kind,
            stages: stage.map(StageId::from).into_iter().collect(),
            position: Some(Pos { x, y: 0.0 }),
            ..Node::default()
        }
    }

    fn link(id: &str, kind: LinkKind, from: &str, to: &str) -> Link {
        Link {
            id: LinkId::from(id),
            kind,
            from: NodeId::from(from),
            to: NodeId::from(to),
            ..Link::default()
        }
    }

    /// Three lanes (x 0, 240, 480), firms A (lane 0), B (lane 1), C (lane 2); park P with A
    /// and C; region R investing in P, home of C; town T, home of A; city K, above R and T.
    fn project() -> Project {
        let mut p = Project::default();
        let stages = ["S1", "S2", "S3"].map(|s| Stage {
            id: StageId::from(s),
            name: s.to_owned(),
            segment: Segment::Midstream,
            ..Stage::default()
        });
        p.chains.insert(
            ChainId::from("C"),
            Chain {
                id: ChainId::from("C"),
                name: "C".to_owned(),
                stages: stages.to_vec(),
                ..Chain::default()
            },
        );
        let mut a = node("A", NodeKind::Enterprise, Some("S1"), 0.0);
        a.region = Some(NodeId::from("T"));
        let mut r = node("R", NodeKind::Region, None, 900.0);
        r.region = Some(NodeId::from("K"));
        let mut t = node("T", NodeKind::Region, None, 900.0);
        t.region = Some(NodeId::from("K"));
        let mut c = node("C", NodeKind::Enterprise, Some("S3"), 480.0);
        c.region = Some(NodeId::from("R"));
        for n in [
            a,
            node("B", NodeKind::Enterprise, Some("S2"), 240.0),
            c,
            node("P", NodeKind::Park, None, 900.0),
            r,
            t,
            node("K", NodeKind::Region, None, 900.0),
        ] {
            p.nodes.insert(n.id.clone(), n);
        }
        for l in [
            link("L1", LinkKind::LocatedIn, "A", "P"),
            link("L2", LinkKind::LocatedIn, "C", "P"),
            link("L3", LinkKind::Investment, "R", "P"),
            link("L4", LinkKind::Supply, "A", "B"),
        ] {
            p.links.insert(l.id.clone(), l);
        }
        p
    }

    fn firms_placed(p: &Project) -> BTreeMap<NodeId, Pos> {
        p.nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like())
            .map(|n| (n.id.clone(), n.position.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn places_go_to_the_barycentre_of_what_they_link_to() {
        let p = project();
        let placed = firms_placed(&p);
        let t = targets(&p, &placed);
        let at = |id: &str| {
            let t = t.iter().find(|t| t.id.as_str() == id).unwrap();
            (t.x, t.anchored)
        };
        // P: its firms A (0) and C (480).
        assert_eq!(at("P"), (240.0, true));
        // R: linked to P, which counts before its member C (480), so R waits for P.
        assert_eq!(at("R"), (240.0, false));
        // T: no links; its member A.
        assert_eq!(at("T"), (0.0, true));
        // K: no links, no firms; its regions R (240) and T (0).
        assert_eq!(at("K"), (120.0, false));
    }

    #[test]
    fn rows_hold_parks_with_the_regions_that_invest_in_them_and_the_rest_above() {
        let p = project();
        let mut placed = firms_placed(&p);
        place_parks_and_regions(&p, &mut placed);
        let at = |id: &str| placed[&NodeId::from(id)];
        let below = 2.0 * ROW_HEIGHT;
        // P (anchored by its firms) at 240; R wants 240 too and takes the nearest free spot,
        // the left one of two as near.
        assert_eq!(at("P"), Pos { x: 240.0, y: below });
        assert_eq!(at("R"), Pos { x: 0.0, y: below });
        // T (anchored by its firm) at 0; K wants 120, too near T: beside T on its side.
        assert_eq!(
            at("T"),
            Pos {
                x: 0.0,
                y: REGION_ROW
            }
        );
        assert_eq!(
            at("K"),
            Pos {
                x: 240.0,
                y: REGION_ROW
            }
        );
    }

    #[test]
    fn the_nearest_free_spot_is_the_target_or_beside_a_used_one() {
        assert_eq!(nearest_free(100.0, &[]), 100.0);
        assert_eq!(nearest_free(100.0, &[400.0]), 100.0);
        assert_eq!(PLACE_GAP, 240.0);
        assert_eq!(nearest_free(100.0, &[0.0]), 240.0);
        assert_eq!(nearest_free(0.0, &[0.0]), -240.0);
        // Between 0 and 200 there is no room: outside them, on the nearer side (left on a tie).
        assert_eq!(nearest_free(110.0, &[0.0, 200.0]), 440.0);
        assert_eq!(nearest_free(90.0, &[0.0, 200.0]), -240.0);
        assert_eq!(nearest_free(100.0, &[0.0, 200.0]), -240.0);
    }

    #[test]
    fn places_keep_clear_of_pinned_nodes_and_of_each_other() {
        let mut p = project();
        let pinned = p.nodes.get_mut(&NodeId::from("K")).unwrap();
        pinned.pinned = true;
        pinned.position = Some(Pos {
            x: 0.0,
            y: REGION_ROW,
        });
        let mut placed = firms_placed(&p);
        place_parks_and_regions(&p, &mut placed);
        let t = placed[&NodeId::from("T")];
        assert!(
            (t.x - 0.0).abs() >= PLACE_GAP,
            "T steps aside from K: {t:?}"
        );
        assert!(!placed.contains_key(&NodeId::from("K")), "K is pinned");
        let row: Vec<f32> = ["P", "R"]
            .iter()
            .map(|id| placed[&NodeId::from(*id)].x)
            .collect();
        assert!((row[1] - row[0]).abs() >= PLACE_GAP);
    }
}
