//! Painting links, back to front: the parks' frames and colours (`parks`), then the long links
//! (regions, 托管, 飞地, 投资, 一区多园) routed around the lanes (`routes`) and faint unless one
//! of their nodes is selected or under the pointer, with the 入驻 lines of such nodes; then the
//! chain itself — supply and farmer linkage — straight, dashed by kind, arrowheads for flows,
//! flow dots. In the overview, one mesh. Only the painter is touched here: no input, no state.

use super::CanvasFrame;
use super::geometry::{Geometry, LinkClass, LinkEnds};
use super::paint::LABEL_MIN_ZOOM;
use super::parks;
use crate::model::{Link, LinkKind};
use crate::ui::state::{Highlight, Selection};
use crate::ui::theme::{self, CanvasLook};
use egui::{Color32, Pos2, Shape, Stroke, Vec2, vec2};

/// How much of its colour a long link keeps while none of its nodes is in focus.
const FAINT: f32 = 0.3;

/// How strongly a link shows this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Emphasis {
    Full,
    /// Pale: there, but beneath the chain's own links.
    Faint,
    /// Not drawn: the parks' colours say it.
    Hidden,
}

/// How a link of `class` shows: the chain always in full; long links faint and 入驻 lines
/// hidden unless the link is `selected`, a node at either end is in focus (selected or under
/// the pointer), or the highlight holds it.
pub(super) fn emphasis(
    class: LinkClass,
    selected: bool,
    end_in_focus: bool,
    highlighted: bool,
) -> Emphasis {
    match class {
        LinkClass::Chain => Emphasis::Full,
        _ if selected || end_in_focus || highlighted => Emphasis::Full,
        LinkClass::Long => Emphasis::Faint,
        LinkClass::LocatedIn => Emphasis::Hidden,
    }
}

/// Paints every link that shows on the canvas; returns where the parks' frame names went.
pub(super) fn links(
    frame: &CanvasFrame<'_>,
    geometry: &Geometry,
    selection: &Selection,
) -> Vec<egui::Rect> {
    if frame.screen.overview {
        overview(frame, geometry);
        return Vec::new();
    }
    let frame_names = parks::paint_frames(frame, geometry);
    parks::paint_outlines(frame, geometry);
    let highlight = frame.highlight.as_ref();
    let items = || {
        frame
            .project
            .links
            .values()
            .zip(geometry.links.iter().zip(&geometry.classes))
    };
    // First pass: what runs beneath the chain.
    for (i, (link, (&(from, to, base_width), &class))) in items().enumerate() {
        if class == LinkClass::Chain {
            continue;
        }
        let selected = selection.links.contains(&link.id);
        let shown = emphasis(
            class,
            selected,
            frame.screen.focused(from) || frame.screen.focused(to),
            highlighted(highlight, link),
        );
        if shown == Emphasis::Hidden {
            continue;
        }
        if let Some(route) = frame.screen.link_route(geometry, i) {
            paint_routed(frame, link, &route, base_width, selected, shown);
        }
    }
    for (link, (&(from, to, base_width), &class)) in items() {
        if class != LinkClass::Chain {
            continue;
        }
        if let Some(ends) = frame.screen.link_ends(from, to) {
            let selected = selection.links.contains(&link.id);
            paint_link(frame, link, &ends, base_width, selected);
        }
    }
    // Parks' names on their frames stay readable over the lines that cross them.
    parks::paint_frame_names(frame, geometry, frame_names)
}

/// The highlight holds `link`: its accent, or both its nodes.
fn highlighted(highlight: Option<&Highlight>, link: &Link) -> bool {
    highlight.is_some_and(|h| {
        h.links.contains(&link.id) || h.contains(&link.from) && h.contains(&link.to)
    })
}

/// The overview: every link a thin straight line in one mesh, long links faint and 入驻 lines
/// left out unless in focus, so the frame stays cheap at 10,000 firms.
fn overview(frame: &CanvasFrame<'_>, geometry: &Geometry) {
    let look = frame.opts.look;
    let highlight = frame.highlight.as_ref();
    let mut mesh = egui::Mesh::default();
    for (link, (&(from, to, _), &class)) in frame
        .project
        .links
        .values()
        .zip(geometry.links.iter().zip(&geometry.classes))
    {
        let shown = match class {
            LinkClass::Chain => Emphasis::Full,
            _ => emphasis(
                class,
                false,
                frame.screen.focused(from) || frame.screen.focused(to),
                false,
            ),
        };
        if shown == Emphasis::Hidden {
            continue;
        }
        let Some(ends) = frame.screen.link_ends(from, to) else {
            continue;
        };
        let alpha = match highlight {
            Some(h) if !(h.contains(&link.from) && h.contains(&link.to)) => 0.12,
            _ if shown == Emphasis::Faint => 0.2,
            _ => 0.55,
        };
        push_segment(
            &mut mesh,
            ends.a,
            ends.b,
            0.8,
            look.link(link.kind).gamma_multiply(alpha),
        );
    }
    if !mesh.is_empty() {
        frame.painter.add(Shape::mesh(mesh));
    }
}

/// A long link (or a 入驻 line) along its route: dashed by kind, faint or in full, an
/// arrowhead where the kind has one.
fn paint_routed(
    frame: &CanvasFrame<'_>,
    link: &Link,
    route: &[Pos2],
    base_width: f32,
    selected: bool,
    shown: Emphasis,
) {
    let (painter, look, zoom) = (&frame.painter, frame.opts.look, frame.screen.zoom());
    let width =
        base_width * zoom.sqrt().clamp(0.4, 1.6) * look.link_width() * frame.screen.scale.sqrt();
    let style = LinkStyle::of(link, selected, frame.highlight.as_ref(), look, width);
    let colour = if shown == Emphasis::Faint && !selected {
        style.colour.gamma_multiply(FAINT)
    } else {
        style.colour
    };
    let stroke = Stroke::new(
        if selected {
            style.width + 2.0
        } else {
            style.width
        },
        colour,
    );
    match theme::link_dash(link.kind) {
        None => {
            painter.add(Shape::line(route.to_vec(), stroke));
        }
        Some((dash, gap)) => {
            painter.extend(Shape::dashed_line(
                route,
                stroke,
                dash * zoom.max(0.5),
                gap * zoom.max(0.5),
            ));
        }
    }
    let n = route.len();
    if n >= 2 && has_arrow(link.kind) && zoom >= LABEL_MIN_ZOOM {
        let dir = (route[n - 1] - route[n - 2]).normalized();
        if dir.is_finite() {
            arrowhead(painter, route[n - 1], dir, style.width, zoom, colour);
        }
    }
}

/// Links of these kinds carry something from one end to the other: they get an arrowhead.
fn has_arrow(kind: LinkKind) -> bool {
    matches!(
        kind,
        LinkKind::Supply | LinkKind::Enclave | LinkKind::Trusteeship
    )
}

fn arrowhead(
    painter: &egui::Painter,
    end: Pos2,
    dir: Vec2,
    width: f32,
    zoom: f32,
    colour: Color32,
) {
    let size = (6.0 + width * 1.5) * zoom.sqrt().clamp(0.6, 1.4);
    let normal = vec2(-dir.y, dir.x);
    painter.add(Shape::convex_polygon(
        vec![
            end,
            end - dir * size + normal * size * 0.5,
            end - dir * size - normal * size * 0.5,
        ],
        colour,
        Stroke::NONE,
    ));
}

/// How a link is drawn this frame.
struct LinkStyle {
    colour: Color32,
    width: f32,
    /// Outside the highlight: drawn pale, no flow.
    faded: bool,
}

impl LinkStyle {
    /// The style of `link`, `width` pixels wide before the highlight and selection widen it.
    fn of(
        link: &Link,
        selected: bool,
        highlight: Option<&Highlight>,
        look: CanvasLook,
        width: f32,
    ) -> Self {
        let accent = highlight.is_some_and(|h| h.links.contains(&link.id));
        let (lit, faded) = match highlight {
            None => (false, false),
            Some(h) => {
                let pair = if link.from < link.to {
                    (link.from.clone(), link.to.clone())
                } else {
                    (link.to.clone(), link.from.clone())
                };
                let lit = h.edges.contains(&pair);
                (
                    lit,
                    !(lit || h.contains(&link.from) && h.contains(&link.to)),
                )
            }
        };
        let colour = if selected || accent {
            theme::SELECTION
        } else if lit {
            theme::ERROR
        } else if faded {
            look.link(link.kind).gamma_multiply(look.faded() * 0.8)
        } else {
            look.link(link.kind)
        };
        let width = if lit || accent { width + 2.5 } else { width };
        Self {
            colour,
            width,
            faded,
        }
    }
}

/// One link in full: its line (dashed by kind), an arrowhead for flows, and flow dots when the
/// options animate them.
fn paint_link(
    frame: &CanvasFrame<'_>,
    link: &Link,
    ends: &LinkEnds,
    base_width: f32,
    selected: bool,
) {
    let (painter, look, zoom) = (&frame.painter, frame.opts.look, frame.screen.zoom());
    let (start, end, dir) = (ends.start, ends.end, ends.dir);
    let width =
        base_width * zoom.sqrt().clamp(0.4, 1.6) * look.link_width() * frame.screen.scale.sqrt();
    let style = LinkStyle::of(link, selected, frame.highlight.as_ref(), look, width);
    let (colour, width) = (style.colour, style.width);
    let stroke = Stroke::new(if selected { width + 2.0 } else { width }, colour);
    match theme::link_dash(link.kind) {
        None => {
            painter.line_segment([start, end], stroke);
        }
        Some((dash, gap)) => {
            painter.extend(Shape::dashed_line(
                &[start, end],
                stroke,
                dash * zoom.max(0.5),
                gap * zoom.max(0.5),
            ));
        }
    }
    if has_arrow(link.kind) && zoom >= LABEL_MIN_ZOOM {
        arrowhead(painter, end, dir, width, zoom, colour);
    }
    if let Some(t) = frame.opts.flow_time
        && link.kind == LinkKind::Supply
        && !style.faded
    {
        paint_flow(painter, start, end, t, base_width, width, look);
    }
}

/// A straight line of `width` pixels as two triangles in `mesh`.
fn push_segment(mesh: &mut egui::Mesh, a: Pos2, b: Pos2, width: f32, colour: Color32) {
    let n = (b - a).normalized().rot90() * (width / 2.0);
    let i = mesh.vertices.len() as u32;
    for p in [a + n, a - n, b - n, b + n] {
        mesh.colored_vertex(p, colour);
    }
    mesh.add_triangle(i, i + 1, i + 2);
    mesh.add_triangle(i, i + 2, i + 3);
}

/// Dots running along a supply link from seller to buyer; the more value, the faster they run.
fn paint_flow(
    painter: &egui::Painter,
    start: Pos2,
    end: Pos2,
    time: f64,
    base_width: f32,
    width: f32,
    look: CanvasLook,
) {
    let length = (end - start).length();
    if length < 4.0 {
        return;
    }
    // `base_width` runs from 1 (no value) to 6 (the largest supply): 30 to 130 px a second.
    let speed = 10.0 + 20.0 * base_width as f64;
    let spacing = 36.0_f64;
    let phase = (time * speed).rem_euclid(spacing);
    let dot = if look.is_dark() {
        Color32::from_rgb(255, 236, 170)
    } else {
        Color32::from_rgb(255, 190, 40)
    };
    let radius = (width * 0.6).clamp(2.0, 5.0);
    let mut d = phase;
    while d < length as f64 {
        let p = start + (end - start) * (d as f32 / length);
        painter.circle_filled(p, radius, dot);
        d += spacing;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_shows_in_full_long_links_faint_and_located_in_hidden_until_in_focus() {
        use Emphasis::*;
        use LinkClass::*;
        // (selected, a node at either end in focus, in the highlight)
        let quiet = (false, false, false);
        let cases = [
            (Chain, quiet, Full),
            (Long, quiet, Faint),
            (LocatedIn, quiet, Hidden),
            (Long, (true, false, false), Full),
            (Long, (false, true, false), Full),
            (Long, (false, false, true), Full),
            (LocatedIn, (true, false, false), Full),
            (LocatedIn, (false, true, false), Full),
            (LocatedIn, (false, false, true), Full),
            (Chain, (false, true, false), Full),
        ];
        for (class, (selected, focus, lit), expected) in cases {
            assert_eq!(
                emphasis(class, selected, focus, lit),
                expected,
                "{class:?} selected {selected} focus {focus} highlighted {lit}"
            );
        }
    }
}
