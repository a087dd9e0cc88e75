//! Parks and their firms without a line per firm (入驻): each park has a colour of its own, its
//! firms wear a thin outline in it (the park bead too), and where a park's firms sit together —
//! in one lane or two side by side, with no other bead among them — a rounded frame in that
//! colour goes round them, named after the park. The 入驻 lines themselves show only while the
//! park or one of its firms is selected or under the pointer (see `links`).
//!
//! What is known per document (colours, members, which groups can be framed) is worked out in
//! [`Parks::new`] when the document changes; a frame only places and paints.

use super::CanvasFrame;
use super::geometry::{Geometry, LinkClass};
use super::paint::fit_text;
use crate::model::{NodeId, NodeKind, Pos, Project};
use crate::style::Rgb;
use crate::ui::theme;
use egui::{Color32, FontId, Pos2, Rect, Stroke, StrokeKind, pos2, vec2};
use std::collections::HashMap;

/// The parks' colours, in park (id) order, repeating after the last: distinct from each other,
/// from the node fills and from the lanes' pale segment colours.
const PARK_HUES: [Rgb; 8] = [
    [0, 137, 123],
    [142, 36, 170],
    [216, 27, 96],
    [57, 73, 171],
    [121, 85, 72],
    [0, 131, 143],
    [124, 179, 66],
    [94, 53, 177],
];

/// The frame's name (points, before the frame's scale).
const NAME_SIZE: f32 = 11.0;
/// Below this zoom a name on a frame's bottom edge would run into the next bead in the lane.
const NAME_BELOW_ZOOM: f32 = 0.4;
/// Room (canvas units) between a frame and the lane edges it spans.
const FRAME_INSET: f32 = 10.0;

/// Every park's colour and firms, worked out once per document revision.
#[derive(Debug, Default)]
pub(super) struct Parks {
    pub groups: Vec<ParkGroup>,
    /// The outlines to draw, in node order.
    outlines: Vec<Rim>,
}

/// One park and the firms located in it.
#[derive(Debug)]
pub(super) struct ParkGroup {
    /// The park's node index.
    pub park: usize,
    pub name: String,
    pub hue: Color32,
    /// Node indices of its firms, in id order.
    pub members: Vec<usize>,
    /// Their ids, and the park's last (a highlight asks by id).
    ids: Vec<NodeId>,
    /// The lanes' span (canvas x, left and right) when the firms sit together and are framed.
    pub frame: Option<(f32, f32)>,
}

/// One bead's outline in its park's colour.
#[derive(Debug)]
struct Rim {
    /// The node's index and id (a highlight asks by id).
    node: usize,
    id: NodeId,
    outline: Outline,
    /// Index in `Parks::groups`.
    group: usize,
}

/// The outline a node gets: around its shape (see `paint::paint_shape`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outline {
    /// A rounded rectangle `w`·r by `h`·r.
    Rect {
        w: f32,
        h: f32,
    },
    Circle,
}

impl Outline {
    fn of(kind: NodeKind) -> Self {
        match kind {
            NodeKind::Enterprise | NodeKind::ExternalEnterprise => Self::Rect { w: 2.0, h: 1.5 },
            NodeKind::Park => Self::Rect { w: 2.4, h: 1.6 },
            _ => Self::Circle,
        }
    }
}

/// The colour of the `i`th park.
pub(super) fn park_hue(i: usize) -> Color32 {
    let [r, g, b] = PARK_HUES[i % PARK_HUES.len()];
    Color32::from_rgb(r, g, b)
}

impl Parks {
    /// The parks of `project` with their firms (through 入驻 links, `classes` in link order),
    /// given the node `index` and the `lanes` (canvas x edges, left to right).
    pub fn new(
        project: &Project,
        index: &HashMap<NodeId, usize>,
        classes: &[LinkClass],
        lanes: &[(f32, f32)],
    ) -> Self {
        let nodes: Vec<_> = project.nodes.values().collect();
        let mut group_of: HashMap<usize, usize> = HashMap::new();
        let mut groups: Vec<ParkGroup> = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            if node.kind == NodeKind::Park {
                group_of.insert(i, groups.len());
                groups.push(ParkGroup {
                    park: i,
                    name: node.name.clone(),
                    hue: park_hue(groups.len()),
                    members: Vec::new(),
                    ids: Vec::new(),
                    frame: None,
                });
            }
        }
        if groups.is_empty() {
            return Self::default();
        }
        // A firm in two parks wears the first one's colour.
        let mut worn: HashMap<usize, usize> = HashMap::new();
        for (link, class) in project.links.values().zip(classes) {
            if *class != LinkClass::LocatedIn {
                continue;
            }
            let (Some(&firm), Some(&park)) = (index.get(&link.from), index.get(&link.to)) else {
                continue;
            };
            if let Some(&g) = group_of.get(&park) {
                groups[g].members.push(firm);
                worn.entry(firm).or_insert(g);
            }
        }
        for group in &mut groups {
            group.members.sort_unstable();
            group.members.dedup();
            group.frame = frame_span(&nodes, group, lanes);
            group.ids = group.members.iter().map(|&m| nodes[m].id.clone()).collect();
            group.ids.push(nodes[group.park].id.clone());
        }
        let rim = |node: usize, group: usize| Rim {
            node,
            id: nodes[node].id.clone(),
            outline: Outline::of(nodes[node].kind),
            group,
        };
        let mut outlines: Vec<Rim> = groups
            .iter()
            .enumerate()
            .map(|(g, group)| rim(group.park, g))
            .chain(worn.into_iter().map(|(firm, g)| rim(firm, g)))
            .collect();
        outlines.sort_by_key(|r| r.node);
        Self { groups, outlines }
    }
}

/// The lanes a frame round `group`'s firms spans, if they sit together: at least two firms,
/// all placed in one lane or two adjacent ones, and no other node among them.
fn frame_span(
    nodes: &[&crate::model::Node],
    group: &ParkGroup,
    lanes: &[(f32, f32)],
) -> Option<(f32, f32)> {
    if group.members.len() < 2 {
        return None;
    }
    let mut spots = Vec::with_capacity(group.members.len());
    let mut used: Vec<usize> = Vec::new();
    for &m in &group.members {
        let p = nodes[m].position?;
        let lane = lanes.iter().position(|(l, r)| *l <= p.x && p.x <= *r)?;
        if !used.contains(&lane) {
            used.push(lane);
        }
        spots.push(p);
    }
    used.sort_unstable();
    let (first, last) = (*used.first()?, *used.last()?);
    let adjacent = used.len() == 1
        || used.len() == 2 && last == first + 1 && (lanes[first].1 - lanes[last].0).abs() < 1.0;
    if !adjacent {
        return None;
    }
    let (x0, x1) = (lanes[first].0, lanes[last].1);
    let top = spots.iter().map(|p| p.y).fold(f32::MAX, f32::min);
    let bottom = spots.iter().map(|p| p.y).fold(f32::MIN, f32::max);
    // Half a row of room above and below, as the frame has on screen.
    let margin = crate::layout::ROW_HEIGHT / 2.0;
    let inside =
        |p: &crate::model::Pos| x0 < p.x && p.x < x1 && top - margin < p.y && p.y < bottom + margin;
    let intruder = nodes.iter().enumerate().any(|(i, n)| {
        i != group.park
            && group.members.binary_search(&i).is_err()
            && n.position.is_some_and(|p| inside(&p))
    });
    (!intruder).then_some((x0, x1))
}

/// Paints the frames round parks' firms that sit together, beneath the links; returns them to
/// be named (after the links). Nothing in the overview.
pub(super) fn paint_frames<'g>(frame: &CanvasFrame<'_>, geometry: &'g Geometry) -> FrameNames<'g> {
    let screen = &frame.screen;
    let mut names = FrameNames::default();
    if screen.overview {
        return names;
    }
    let (zoom, scale, look) = (screen.zoom(), screen.scale, frame.opts.look);
    let highlight = frame.highlight.as_ref();
    let origin = screen.origin() + screen.cam.offset;
    for group in &geometry.parks.groups {
        let Some((x0, x1)) = group.frame else {
            continue;
        };
        let mut ys = (f32::MAX, f32::MIN);
        let mut radius = 0.0f32;
        let all_shown = group.members.iter().all(|&m| match screen.centres[m] {
            Some((c, r)) => {
                ys = (ys.0.min(c.y), ys.1.max(c.y));
                radius = radius.max(r);
                true
            }
            None => false,
        });
        if !all_shown {
            continue;
        }
        // Room for the name under the lowest bead (as `paint` sizes it).
        let label = (12.5 * zoom.sqrt()).clamp(look.min_label_size(), 20.0) * scale + 6.0;
        let rect = Rect::from_min_max(
            pos2(
                origin.x + (x0 + FRAME_INSET) * zoom,
                ys.0 - radius - 8.0 * scale,
            ),
            pos2(origin.x + (x1 - FRAME_INSET) * zoom, ys.1 + radius + label),
        );
        if !rect.intersects(screen.rect) {
            continue;
        }
        let faded = highlight.is_some_and(|h| !group.ids.iter().all(|id| h.contains(id)));
        let hue = if faded {
            group.hue.gamma_multiply(look.faded())
        } else {
            group.hue
        };
        frame.painter.rect(
            rect,
            8.0 * scale,
            hue.gamma_multiply(0.07),
            Stroke::new(1.5 * scale, hue.gamma_multiply(0.8)),
            StrokeKind::Middle,
        );
        names.0.push((group, rect, hue));
    }
    names
}

/// The frames painted, whose names go on top of the links that cross them: (group, frame on
/// screen, colour).
#[derive(Default)]
pub(super) struct FrameNames<'g>(Vec<(&'g ParkGroup, Rect, Color32)>);

/// Paints the names of the frames `paint_frames` painted; returns where they are on screen
/// (node labels keep clear of them).
pub(super) fn paint_frame_names(
    frame: &CanvasFrame<'_>,
    geometry: &Geometry,
    names: FrameNames<'_>,
) -> Vec<Rect> {
    let screen = &frame.screen;
    let top = Pos {
        x: 0.0,
        y: geometry.band.0,
    };
    let lanes_top = screen.cam.to_screen(screen.origin(), top).y;
    names
        .0
        .into_iter()
        .filter_map(|(group, rect, hue)| paint_frame_name(frame, group, rect, hue, lanes_top))
        .collect()
}

/// The park's name on the frame's top edge, at the left, on a backdrop that breaks the edge;
/// on the bottom edge when the top one is too near the lane headers (`lanes_top`, the lanes'
/// top on screen, with the headers above it); left out when zoomed out too far for either, or
/// when not even two characters fit.
fn paint_frame_name(
    frame: &CanvasFrame<'_>,
    group: &ParkGroup,
    rect: Rect,
    hue: Color32,
    lanes_top: f32,
) -> Option<Rect> {
    let scale = frame.screen.scale;
    let font = FontId::proportional(NAME_SIZE * scale);
    let text = fit_text(
        &frame.painter,
        &group.name,
        &font,
        rect.width() - 24.0 * scale,
    );
    if text.chars().count() < 3 && text != group.name {
        return None;
    }
    let galley = frame
        .painter
        .layout_no_wrap(text, font, theme::blend(hue, Color32::BLACK, 0.25));
    let half = galley.size().y / 2.0;
    let y = if rect.top() - half >= lanes_top {
        rect.top()
    } else if frame.screen.zoom() >= NAME_BELOW_ZOOM {
        rect.bottom()
    } else {
        return None;
    };
    let at = pos2(rect.left() + 10.0 * scale, y - half);
    let backdrop = Rect::from_min_size(at, galley.size()).expand2(vec2(3.0, 0.0) * scale);
    frame
        .painter
        .rect_filled(backdrop, 3.0 * scale, frame.opts.look.label_backdrop());
    frame.painter.galley(at, galley, Color32::PLACEHOLDER);
    Some(backdrop)
}

/// Paints each park's colour as a thin outline round the park's bead and its firms' beads,
/// beneath the nodes (so it shows as a rim). Nothing in the overview.
pub(super) fn paint_outlines(frame: &CanvasFrame<'_>, geometry: &Geometry) {
    let screen = &frame.screen;
    if screen.overview {
        return;
    }
    let highlight = frame.highlight.as_ref();
    let rim = 2.5 * screen.scale;
    for bead in &geometry.parks.outlines {
        let Some((c, r)) = screen.centres[bead.node] else {
            continue;
        };
        if !screen
            .rect
            .intersects(Rect::from_center_size(c, vec2(3.0 * r, 3.0 * r)))
        {
            continue;
        }
        if highlight.is_some_and(|h| !h.contains(&bead.id)) {
            continue;
        }
        let hue = geometry.parks.groups[bead.group].hue;
        paint_outline(frame, bead.outline, c, r, rim, hue);
    }
}

fn paint_outline(
    frame: &CanvasFrame<'_>,
    outline: Outline,
    c: Pos2,
    r: f32,
    rim: f32,
    hue: Color32,
) {
    match outline {
        Outline::Rect { w, h } => {
            let rect = Rect::from_center_size(c, vec2(w * r, h * r)).expand(rim + 1.0);
            frame.painter.rect_filled(rect, r * 0.3 + rim, hue);
        }
        Outline::Circle => {
            frame.painter.circle_filled(c, r + rim + 1.0, hue);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, LinkId, LinkKind, Node, Pos};

    const LANES: [(f32, f32); 4] = [
        (-120.0, 120.0),
        (120.0, 360.0),
        (360.0, 600.0),
        // After a gap column: not adjacent to the third.
        (840.0, 1080.0),
    ];

    /// Park P with firms at `members` (x, y); other firms at `others`.
    fn parks(members: &[(f32, f32)], others: &[(f32, f32)]) -> Parks {
        let mut p = Project::default();
        let mut add = |id: String, kind, (x, y): (f32, f32)| {
            let id = NodeId::from(id.as_str());
            p.nodes.insert(
                id.clone(),
                Node {
                    id,
                    name: "园".to_owned(),
                    kind,
                    position: Some(Pos { x, y }),
                    ..Node::default()
                },
            );
        };
        add("P".to_owned(), NodeKind::Park, (0.0, 400.0));
        for (i, &at) in members.iter().enumerate() {
            add(format!("M{i}"), NodeKind::Enterprise, at);
        }
        for (i, &at) in others.iter().enumerate() {
            add(format!("O{i}"), NodeKind::Enterprise, at);
        }
        for i in 0..members.len() {
            let link = Link {
                id: LinkId::from(format!("L{i}").as_str()),
                kind: LinkKind::LocatedIn,
                from: NodeId::from(format!("M{i}").as_str()),
                to: NodeId::from("P"),
                ..Link::default()
            };
            p.links.insert(link.id.clone(), link);
        }
        let index: HashMap<NodeId, usize> = p
            .nodes
            .keys()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        let classes = vec![LinkClass::LocatedIn; p.links.len()];
        Parks::new(&p, &index, &classes, &LANES)
    }

    #[test]
    fn firms_in_one_lane_or_two_side_by_side_are_framed() {
        let one = parks(&[(0.0, 0.0), (0.0, 90.0)], &[(0.0, 180.0), (240.0, 90.0)]);
        assert_eq!(one.groups[0].frame, Some((-120.0, 120.0)));
        let two = parks(&[(240.0, 0.0), (480.0, 90.0)], &[(0.0, 0.0)]);
        assert_eq!(two.groups[0].frame, Some((120.0, 600.0)));
        // Outlines: the park and each firm, in its colour.
        assert_eq!(two.outlines.len(), 3);
        assert!(two.outlines.iter().all(|rim| rim.group == 0));
        assert_eq!(two.groups[0].hue, park_hue(0));
    }

    #[test]
    fn firms_apart_or_with_another_among_them_are_not_framed() {
        // Three lanes.
        let wide = parks(&[(0.0, 0.0), (240.0, 0.0), (480.0, 0.0)], &[]);
        assert_eq!(wide.groups[0].frame, None);
        // Two lanes with a gap column between.
        let gap = parks(&[(480.0, 0.0), (960.0, 0.0)], &[]);
        assert_eq!(gap.groups[0].frame, None);
        // Another firm between two of the park's in their lane.
        let among = parks(&[(0.0, 0.0), (0.0, 180.0)], &[(0.0, 90.0)]);
        assert_eq!(among.groups[0].frame, None);
        // One firm alone: its rim says enough.
        let alone = parks(&[(0.0, 0.0)], &[]);
        assert_eq!(alone.groups[0].frame, None);
        assert_eq!(alone.outlines.len(), 2);
    }

    #[test]
    fn parks_get_distinct_colours() {
        let hues: Vec<Color32> = (0..PARK_HUES.len()).map(park_hue).collect();
        for (i, a) in hues.iter().enumerate() {
            assert!(hues[i + 1..].iter().all(|b| b != a));
        }
    }
}
