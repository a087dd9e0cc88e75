//! Painting links: lines dashed by kind, arrowheads for flows, flow dots, or one mesh in the
//! overview. Only the painter is touched here: no input, no state.

use super::CanvasFrame;
use super::geometry::{Geometry, LinkEnds};
use super::paint::LABEL_MIN_ZOOM;
use crate::model::{Link, LinkKind};
use crate::ui::state::{Highlight, Selection};
use crate::ui::theme::{self, CanvasLook};
use egui::{Color32, Pos2, Shape, Stroke, vec2};

/// Paints every link that shows on the canvas.
pub(super) fn links(frame: &CanvasFrame<'_>, geometry: &Geometry, selection: &Selection) {
    let look = frame.opts.look;
    let highlight = frame.highlight.as_ref();
    let mut mesh = egui::Mesh::default();
    for (link, &(from, to, base_width)) in frame.project.links.values().zip(&geometry.links) {
        let Some(ends) = frame.screen.link_ends(from, to) else {
            continue;
        };
        if frame.screen.overview {
            let colour = match highlight {
                Some(h) if !(h.contains(&link.from) && h.contains(&link.to)) => {
                    look.link(link.kind).gamma_multiply(0.12)
                }
                _ => look.link(link.kind).gamma_multiply(0.55),
            };
            push_segment(&mut mesh, ends.a, ends.b, 0.8, colour);
            continue;
        }
        let selected = selection.links.contains(&link.id);
        paint_link(frame, link, &ends, base_width, selected);
    }
    if !mesh.is_empty() {
        frame.painter.add(Shape::mesh(mesh));
    }
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
    if matches!(
        link.kind,
        LinkKind::Supply | LinkKind::Enclave | LinkKind::Trusteeship
    ) && zoom >= LABEL_MIN_ZOOM
    {
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
