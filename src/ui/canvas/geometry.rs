//! Where things are: the per-document geometry cache (node radii, link ends, widths and
//! classes, the lanes the long links route around, the parks' colours and members; rebuilt only
//! when the document changes), the per-frame screen positions worked out from it, the node under
//! the pointer and the nodes in focus, and hit-testing against them (the link under the pointer,
//! the nodes inside a rubber band).

use super::parks::Parks;
use super::routes::{RouteSpace, distance_to_polyline};
use crate::document::Document;
use crate::model::{Link, LinkId, LinkKind, NodeId, NodeKind, Project};
use crate::style::{max_output, node_radius};
use crate::ui::state::{Camera, UiState};
use egui::{Pos2, Rect, Vec2};
use std::collections::HashMap;

/// Below this zoom the canvas draws its overview (meshes, no labels or arrowheads).
const OVERVIEW_ZOOM: f32 = 0.12;
/// With more nodes than this in view, likewise.
const OVERVIEW_NODES: usize = 2_500;
/// A click this close to a link (pixels) selects it.
const LINK_HIT_DISTANCE: f32 = 5.0;

/// What the canvas needs of the project that only changes with it: node radii, link ends as
/// indices and link widths, in the project's (id) order. Rebuilt when the document changes, so a
/// frame does no map lookups or decimal conversions over thousands of items.
#[derive(Debug, Default)]
pub(super) struct Geometry {
    /// (document id, revision) this was built for.
    pub key: Option<(u64, u64)>,
    pub index: HashMap<NodeId, usize>,
    pub radius: Vec<f32>,
    /// (from, to, width at zoom 1), `usize::MAX` for a missing end.
    pub links: Vec<(usize, usize, f32)>,
    /// How each link is drawn, in the same order.
    pub classes: Vec<LinkClass>,
    /// For each routed link, how many routed links between the same two nodes come before it
    /// (they run side by side).
    pub nth: Vec<u8>,
    /// Each lane's left and right edge (canvas x), left to right: long links run down the
    /// gutters between them.
    pub lanes: Vec<(f32, f32)>,
    /// Top and bottom of the lanes (canvas y).
    pub band: (f32, f32),
    /// Each park's colour, its firms, and whether they are framed together.
    pub parks: Parks,
}

/// How a link is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LinkClass {
    /// Supply and farmer linkage between firms: straight, on top, always shown.
    Chain,
    /// Links to regions, 托管, 飞地, 投资, 一区多园 (and anything else that reaches a region):
    /// routed around the lanes, beneath the chain, faint unless one of their nodes is in focus.
    Long,
    /// A firm located in a park: the firm wears the park's colour, and the line shows only
    /// while the firm or the park is in focus.
    LocatedIn,
}

impl LinkClass {
    /// The class of a link of `kind` from a node of kind `from` to one of kind `to`.
    pub fn of(kind: LinkKind, from: Option<NodeKind>, to: Option<NodeKind>) -> Self {
        let region = |k: Option<NodeKind>| k == Some(NodeKind::Region);
        match kind {
            LinkKind::Supply | LinkKind::FarmerLinkage if !(region(from) || region(to)) => {
                Self::Chain
            }
            LinkKind::LocatedIn
                if to == Some(NodeKind::Park)
                    && from.is_some_and(|k| !matches!(k, NodeKind::Park | NodeKind::Region)) =>
            {
                Self::LocatedIn
            }
            _ => Self::Long,
        }
    }
}

impl Geometry {
    /// Rebuilds the cache if `doc` changed since it was built.
    pub fn refresh(&mut self, doc: &Document) {
        let key = (doc.id(), doc.revision());
        if self.key == Some(key) {
            return;
        }
        let project = &doc.project;
        let max_out = max_output(project);
        self.index = project
            .nodes
            .keys()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        self.radius = project
            .nodes
            .values()
            .map(|n| node_radius(n, max_out))
            .collect();
        let max_value = project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply)
            .map(link_value)
            .fold(0.0, f64::max);
        self.links = project
            .links
            .values()
            .map(|l| {
                let end = |id: &NodeId| self.index.get(id).copied().unwrap_or(usize::MAX);
                let width = match l.kind {
                    LinkKind::Supply if max_value > 0.0 => {
                        1.0 + 5.0 * (link_value(l) / max_value).sqrt() as f32
                    }
                    LinkKind::Trusteeship | LinkKind::Enclave => 2.5,
                    _ => 1.5,
                };
                (end(&l.from), end(&l.to), width)
            })
            .collect();
        let kind_of = |id: &NodeId| project.nodes.get(id).map(|n| n.kind);
        self.classes = project
            .links
            .values()
            .map(|l| LinkClass::of(l.kind, kind_of(&l.from), kind_of(&l.to)))
            .collect();
        let mut pairs: HashMap<(usize, usize), u8> = HashMap::new();
        self.nth = self
            .links
            .iter()
            .zip(&self.classes)
            .map(|(&(from, to, _), class)| match class {
                LinkClass::Chain => 0,
                _ => {
                    let seen = pairs.entry((from.min(to), from.max(to))).or_insert(0);
                    *seen = seen.saturating_add(1);
                    *seen - 1
                }
            })
            .collect();
        let half = crate::layout::LANE_WIDTH / 2.0;
        self.lanes = crate::layout::lane_columns(project)
            .iter()
            .map(|(_, x, _)| (x - half, x + half))
            .collect();
        self.band = crate::layout::lane_extent(project);
        self.parks = Parks::new(project, &self.index, &self.classes, &self.lanes);
        self.key = Some(key);
    }
}

fn link_value(link: &Link) -> f64 {
    link.value
        .and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d))
        .unwrap_or(0.0)
}

/// Where one frame draws: the canvas rectangle, the camera, and every node's screen centre and
/// radius (with the drag preview applied).
#[derive(Debug)]
pub(super) struct Screen {
    /// The canvas on screen.
    pub rect: Rect,
    pub cam: Camera,
    /// Node sizes and labels are multiplied by this (a projector needs bigger type).
    pub scale: f32,
    /// Where the pointer hovers, if anywhere.
    pub pointer: Option<Pos2>,
    /// Screen centre and radius of each node in project (id) order; `None` for a node without a
    /// position or hidden by the filter.
    pub centres: Vec<Option<(Pos2, f32)>>,
    /// Far out, or thousands of nodes in view: links and nodes are drawn as two meshes (no
    /// arrowheads, dashes or labels) and only the node under the pointer (and the selection) is
    /// interactive, so a frame stays cheap at 10,000 firms.
    pub overview: bool,
    /// Per node (project order): selected or under the pointer, so its long links and 入驻
    /// lines stand out. Empty when nothing is.
    focus: Vec<bool>,
}

/// A link's line on screen.
#[derive(Debug, Clone, Copy)]
pub(super) struct LinkEnds {
    /// The two node centres.
    pub a: Pos2,
    pub b: Pos2,
    /// Unit vector from `a` to `b`.
    pub dir: Vec2,
    /// Where the line leaves the first node's rim and stops short of the second's.
    pub start: Pos2,
    pub end: Pos2,
}

impl Screen {
    /// Places every node for this frame. `moving` is the canvas offset of the selection being
    /// dragged.
    pub fn new(
        project: &Project,
        geometry: &Geometry,
        state: &UiState,
        moving: Option<Vec2>,
        rect: Rect,
        scale: f32,
        pointer: Option<Pos2>,
    ) -> Self {
        let cam = state.camera;
        let origin = rect.min;
        let filtering = !state.filter.is_empty();
        let centres: Vec<Option<(Pos2, f32)>> = project
            .nodes
            .values()
            .zip(&geometry.radius)
            .map(|(node, radius)| {
                if filtering && !state.filter.admits(project, node) {
                    return None;
                }
                let mut p = node.position?;
                if let Some(moving) = moving
                    && state.selection.nodes.contains(&node.id)
                {
                    p.x += moving.x;
                    p.y += moving.y;
                }
                Some((cam.to_screen(origin, p), radius * cam.zoom * scale))
            })
            .collect();
        let in_view = centres
            .iter()
            .flatten()
            .filter(|(c, _)| rect.contains(*c))
            .count();
        let overview = cam.zoom < OVERVIEW_ZOOM || in_view > OVERVIEW_NODES;
        // The node under the pointer (the last drawn when several are) is in focus.
        let hovered = pointer.filter(|p| rect.contains(*p)).and_then(|p| {
            centres.iter().rposition(|centre| {
                centre.is_some_and(|(c, r)| node_hit_rect(c, r).expand(2.0).contains(p))
            })
        });
        let mut focus = Vec::new();
        if hovered.is_some() || !state.selection.nodes.is_empty() {
            focus = vec![false; centres.len()];
            let selected = state.selection.nodes.iter();
            for i in selected.filter_map(|id| geometry.index.get(id)).copied() {
                focus[i] = true;
            }
            if let Some(i) = hovered {
                focus[i] = true;
            }
        }
        Self {
            rect,
            cam,
            scale,
            pointer,
            centres,
            overview,
            focus,
        }
    }

    /// The node at index `i` is selected or under the pointer.
    pub fn focused(&self, i: usize) -> bool {
        self.focus.get(i).copied().unwrap_or(false)
    }

    /// The lanes as long links see them on this frame.
    pub fn route_space<'g>(&self, geometry: &'g Geometry) -> RouteSpace<'g> {
        RouteSpace {
            lanes: &geometry.lanes,
            band: geometry.band,
            cam: self.cam,
            origin: self.origin(),
        }
    }

    /// The polyline of the `i`th link (project order) routed around the lanes, if both its
    /// nodes are drawn and its box meets the canvas.
    pub fn link_route(&self, geometry: &Geometry, i: usize) -> Option<Vec<Pos2>> {
        let &(from, to, _) = geometry.links.get(i)?;
        let (Some(&Some((a, ra))), Some(&Some((b, rb)))) =
            (self.centres.get(from), self.centres.get(to))
        else {
            return None;
        };
        // A route strays from the box of its ends by at most a gutter's distance or an arc's
        // depth: a lane's width is a safe margin.
        let margin = crate::layout::LANE_WIDTH * self.cam.zoom + 100.0;
        if !self
            .rect
            .intersects(Rect::from_two_pos(a, b).expand(margin))
        {
            return None;
        }
        let nth = geometry.nth.get(i).copied().unwrap_or(0);
        let points = self.route_space(geometry).route(a, ra, b, rb, nth);
        (points.len() >= 2).then_some(points)
    }

    /// The top-left corner of the canvas, from which the camera measures.
    pub fn origin(&self) -> Pos2 {
        self.rect.min
    }

    pub fn zoom(&self) -> f32 {
        self.cam.zoom
    }

    /// Screen centre and radius of the node `id`, if it is drawn.
    pub fn centre_of(&self, geometry: &Geometry, id: &NodeId) -> Option<(Pos2, f32)> {
        geometry.index.get(id).and_then(|&i| self.centres[i])
    }

    /// The line of the link between the nodes at indices `from` and `to`, if both are drawn and
    /// the line crosses the canvas.
    pub fn link_ends(&self, from: usize, to: usize) -> Option<LinkEnds> {
        let (Some(&Some((a, ra))), Some(&Some((b, rb)))) =
            (self.centres.get(from), self.centres.get(to))
        else {
            return None;
        };
        if !self.rect.intersects(Rect::from_two_pos(a, b).expand(4.0)) {
            return None;
        }
        let dir = (b - a).normalized();
        if !dir.is_finite() {
            return None;
        }
        Some(LinkEnds {
            a,
            b,
            dir,
            start: a + dir * ra,
            end: b - dir * (rb + 2.0),
        })
    }

    /// The link under the screen point `p` (the last in id order when several are), never in the
    /// overview. Long links are hit along their routes; 入驻 lines only while they show in full
    /// (a node at either end in focus).
    pub fn link_at<'p>(
        &self,
        project: &'p Project,
        geometry: &Geometry,
        p: Pos2,
    ) -> Option<&'p LinkId> {
        if self.overview {
            return None;
        }
        project
            .links
            .values()
            .zip(geometry.links.iter().zip(&geometry.classes))
            .enumerate()
            .rev()
            .find(|&(i, (_, (&(from, to, _), &class)))| match class {
                LinkClass::Chain => self.link_ends(from, to).is_some_and(|ends| {
                    super::routes::distance_to_segment(p, ends.start, ends.end) < LINK_HIT_DISTANCE
                }),
                LinkClass::Long | LinkClass::LocatedIn => {
                    let shown = class == LinkClass::Long || self.focused(from) || self.focused(to);
                    shown
                        && self.link_route(geometry, i).is_some_and(|route| {
                            distance_to_polyline(p, &route) < LINK_HIT_DISTANCE
                        })
                }
            })
            .map(|(_, (link, _))| &link.id)
    }

    /// The nodes whose centres lie inside `band` (a screen rectangle), in id order.
    pub fn nodes_in<'p>(
        &self,
        project: &'p Project,
        band: Rect,
    ) -> impl Iterator<Item = &'p NodeId> {
        project
            .nodes
            .values()
            .zip(&self.centres)
            .filter(move |(_, centre)| centre.is_some_and(|(c, _)| band.contains(c)))
            .map(|(node, _)| &node.id)
    }

    /// How many nodes are drawn (the filter lets them through and they have a position).
    pub fn shown(&self) -> usize {
        self.centres.iter().filter(|c| c.is_some()).count()
    }
}

/// The rectangle a node at `c` with radius `r` answers the pointer in (as in `nodes`).
fn node_hit_rect(c: Pos2, r: f32) -> Rect {
    Rect::from_center_size(c, Vec2::splat(2.0 * r.max(6.0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Chain, ChainId, Node, Pos, Segment, Stage, StageId};
    use egui::{pos2, vec2};

    /// Lanes S1, S2, S3 (x 0, 240, 480); firms A (S1), C (S2), B (S3) in the first row; region R
    /// above, park P below. L1: R's enclave in B; L2: A supplies C; L3: C located in P.
    fn project() -> Project {
        let mut p = Project::default();
        let stages = ["S1", "S2", "S3"].map(|s| Stage {
            id: StageId::from(s),
            name: s.to_owned(),
            segment: Segment::Midstream,
            ..Stage::default()
        });
        let chain = Chain {
            id: ChainId::from("CH"),
            stages: stages.to_vec(),
            ..Chain::default()
        };
        p.chains.insert(chain.id.clone(), chain);
        let node = |id: &str, kind, stage: Option<&str>, x, y| Node {
            id: NodeId::from(id),
            name: id.to_owned(),
            kind,
            stages: stage.map(StageId::from).into_iter().collect(),
            position: Some(Pos { x, y }),
            ..Node::default()
        };
        for n in [
            node("A", NodeKind::Enterprise, Some("S1"), 0.0, 0.0),
            node("C", NodeKind::Enterprise, Some("S2"), 240.0, 0.0),
            node("B", NodeKind::Enterprise, Some("S3"), 480.0, 0.0),
            node("R", NodeKind::Region, None, 0.0, -270.0),
            node("P", NodeKind::Park, None, 480.0, 280.0),
        ] {
            p.nodes.insert(n.id.clone(), n);
        }
        let link = |id: &str, kind, from: &str, to: &str| Link {
            id: LinkId::from(id),
            kind,
            from: NodeId::from(from),
            to: NodeId::from(to),
            ..Link::default()
        };
        for l in [
            link("L1", LinkKind::Enclave, "R", "B"),
            link("L2", LinkKind::Supply, "A", "C"),
            link("L3", LinkKind::LocatedIn, "C", "P"),
        ] {
            p.links.insert(l.id.clone(), l);
        }
        p
    }

    /// Canvas (0, 0) at screen (300, 400), zoom 1.
    const AT: Vec2 = vec2(300.0, 400.0);

    fn hit(doc: &Document, state: &UiState, canvas: (f32, f32)) -> Option<String> {
        let mut geometry = Geometry::default();
        geometry.refresh(doc);
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 1000.0));
        let screen = Screen::new(&doc.project, &geometry, state, None, rect, 1.0, None);
        let p = pos2(canvas.0, canvas.1) + AT;
        screen
            .link_at(&doc.project, &geometry, p)
            .map(|id| id.to_string())
    }

    fn state() -> UiState {
        UiState {
            camera: Camera {
                offset: AT,
                zoom: 1.0,
            },
            ..UiState::default()
        }
    }

    #[test]
    fn classes_tell_the_chain_from_long_links_and_located_in() {
        use LinkClass::*;
        let firm = Some(NodeKind::Enterprise);
        let (park, region) = (Some(NodeKind::Park), Some(NodeKind::Region));
        assert_eq!(LinkClass::of(LinkKind::Supply, firm, firm), Chain);
        assert_eq!(
            LinkClass::of(LinkKind::FarmerLinkage, firm, Some(NodeKind::Cooperative)),
            Chain
        );
        assert_eq!(LinkClass::of(LinkKind::Supply, firm, region), Long);
        assert_eq!(LinkClass::of(LinkKind::LocatedIn, firm, park), LocatedIn);
        assert_eq!(LinkClass::of(LinkKind::LocatedIn, firm, region), Long);
        assert_eq!(LinkClass::of(LinkKind::LocatedIn, park, park), Long);
        for kind in [
            LinkKind::Trusteeship,
            LinkKind::Integrates,
            LinkKind::Enclave,
            LinkKind::Investment,
        ] {
            assert_eq!(LinkClass::of(kind, firm, firm), Long, "{kind:?}");
        }
    }

    #[test]
    fn a_long_link_is_hit_along_its_route_not_its_chord() {
        let doc = Document::new(project());
        let state = state();
        // The straight line from R (0, −270) to B (480, 0) would pass (240, −135): nothing there.
        assert_eq!(hit(&doc, &state, (240.0, -135.0)), None);
        // Along R's row, and down the gutter at 360 beside B's lane.
        assert_eq!(hit(&doc, &state, (150.0, -268.0)).as_deref(), Some("L1"));
        assert_eq!(hit(&doc, &state, (362.0, -100.0)).as_deref(), Some("L1"));
        // The supply link stays straight.
        assert_eq!(hit(&doc, &state, (120.0, 2.0)).as_deref(), Some("L2"));
    }

    #[test]
    fn a_located_in_line_is_hit_only_while_its_park_or_firm_is_in_focus() {
        let doc = Document::new(project());
        let mut state = state();
        // C (240, 0) to P (480, 280): down C's right gutter at 360.
        assert_eq!(hit(&doc, &state, (360.0, 150.0)), None);
        state.selection.nodes.insert(NodeId::from("P"));
        assert_eq!(hit(&doc, &state, (360.0, 150.0)).as_deref(), Some("L3"));
        state.selection.nodes.clear();
        state.selection.nodes.insert(NodeId::from("C"));
        assert_eq!(hit(&doc, &state, (361.0, 150.0)).as_deref(), Some("L3"));
    }
}
