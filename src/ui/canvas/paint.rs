//! Painting the graph: links (lines, dashes, arrowheads, flow dots, or one mesh in the overview)
//! and nodes (a shape per kind, label below). Only the painter is touched here: no input, no
//! state.

use super::CanvasFrame;
use super::geometry::{Geometry, LinkEnds};
use super::lanes::LANE_WIDTH;
use crate::model::{Link, LinkKind, Node, NodeKind};
use crate::ui::state::{Highlight, Selection};
use crate::ui::theme::{self, CanvasLook};
use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, vec2};

/// Below this zoom, labels are left out so the picture stays readable.
pub(super) const LABEL_MIN_ZOOM: f32 = 0.35;

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

/// `text`, cut with an ellipsis to fit `width` pixels.
pub(super) fn fit_text(painter: &egui::Painter, text: &str, font: &FontId, width: f32) -> String {
    let measure = |t: &str| {
        painter
            .layout_no_wrap(t.to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x
    };
    if measure(text) <= width {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let candidate: String = chars[..n].iter().collect::<String>() + "…";
        if measure(&candidate) <= width {
            return candidate;
        }
    }
    String::new()
}

/// How a node is drawn this frame.
pub(super) struct NodeLook {
    pub fill: Color32,
    pub selected: bool,
    /// Not part of the highlight: drawn pale.
    pub faded: bool,
    /// Part of the highlight as what breaks.
    pub danger: bool,
    /// Part of the highlight.
    pub lit: bool,
}

impl NodeLook {
    /// The look of `node` filled with `fill`, given the selection and the highlight.
    pub fn of(node: &Node, fill: Color32, selected: bool, highlight: Option<&Highlight>) -> Self {
        Self {
            fill,
            selected,
            faded: highlight.is_some_and(|h| !h.contains(&node.id)),
            danger: highlight.is_some_and(|h| h.danger.contains(&node.id)),
            lit: highlight.is_some_and(|h| h.nodes.contains(&node.id)),
        }
    }
}

/// Paints one node at `c` with radius `r` (screen): shape and colour by kind (or by measure),
/// label below. The frame's `scale` makes labels larger (presentations), still cut to the lane.
pub(super) fn paint_node(frame: &CanvasFrame<'_>, node: &Node, c: Pos2, r: f32, look: &NodeLook) {
    let (painter, canvas_look) = (&frame.painter, frame.opts.look);
    let (zoom, scale) = (frame.screen.zoom(), frame.screen.scale);
    let fill = if look.faded {
        look.fill.gamma_multiply(canvas_look.faded())
    } else {
        look.fill
    };
    if look.danger || look.lit {
        let ring = if look.danger {
            theme::ERROR
        } else {
            theme::SELECTION
        };
        painter.circle_filled(c, r + 9.0, ring.gamma_multiply(0.25));
    }
    let outline = if look.selected {
        Stroke::new(3.0, theme::SELECTION)
    } else if look.danger {
        Stroke::new(2.5, theme::ERROR)
    } else {
        Stroke::new(1.2, fill.linear_multiply(0.6).to_opaque())
    };
    paint_shape(painter, node.kind, c, r, fill, outline);
    if node.tags.iter().any(|t| t == "链主") && !look.faded {
        painter.circle_stroke(c, r + 4.0, Stroke::new(2.0, theme::LEADER_RING));
    }
    if zoom >= LABEL_MIN_ZOOM {
        // One line, cut to the lane so labels of a crowded lane do not run into each other; the
        // tooltip has the whole name.
        let font = FontId::proportional(
            (12.5 * zoom.sqrt()).clamp(canvas_look.min_label_size(), 20.0) * scale,
        );
        let label = fit_text(painter, &node.name, &font, (LANE_WIDTH - 16.0) * zoom);
        let text_colour = if look.faded {
            canvas_look.text().gamma_multiply(0.35)
        } else {
            canvas_look.text()
        };
        let galley = painter.layout_no_wrap(label, font, text_colour);
        let pos = c + vec2(-galley.size().x / 2.0, r + 3.0);
        let bg = Rect::from_min_size(pos, galley.size()).expand(1.5);
        if !look.faded {
            painter.rect_filled(bg, 3.0, canvas_look.label_backdrop());
        }
        painter.galley(pos, galley, text_colour);
    }
    if node.kind == NodeKind::Park && zoom >= LABEL_MIN_ZOOM {
        painter.text(
            c,
            Align2::CENTER_CENTER,
            frame.lang.pick("园", "P"),
            FontId::proportional(r * 0.9),
            Color32::WHITE,
        );
    }
}

/// The shape of a node kind, used on the canvas and in the legend.
pub(super) fn paint_shape(
    painter: &egui::Painter,
    kind: NodeKind,
    c: Pos2,
    r: f32,
    fill: Color32,
    outline: Stroke,
) {
    match kind {
        NodeKind::Enterprise => {
            painter.rect(
                Rect::from_center_size(c, vec2(2.0 * r, 1.5 * r)),
                r * 0.3,
                fill,
                outline,
                StrokeKind::Outside,
            );
        }
        NodeKind::ExternalEnterprise => {
            let rect = Rect::from_center_size(c, vec2(2.0 * r, 1.5 * r));
            painter.rect(
                rect,
                r * 0.3,
                Color32::from_rgb(236, 236, 236),
                Stroke::NONE,
                StrokeKind::Outside,
            );
            let pts = [
                rect.left_top(),
                rect.right_top(),
                rect.right_bottom(),
                rect.left_bottom(),
                rect.left_top(),
            ];
            let stroke = if outline.color == theme::SELECTION {
                outline
            } else {
                Stroke::new(1.5, fill)
            };
            painter.extend(Shape::dashed_line(&pts, stroke, 4.0, 3.0));
        }
        NodeKind::Cooperative | NodeKind::VillageCollective | NodeKind::FamilyFarms => {
            painter.circle(c, r, fill, outline);
        }
        NodeKind::Institute | NodeKind::PublicInstitution => {
            let pts = vec![
                c + vec2(0.0, -r),
                c + vec2(r, 0.0),
                c + vec2(0.0, r),
                c + vec2(-r, 0.0),
            ];
            painter.add(Shape::convex_polygon(pts, fill, outline));
        }
        NodeKind::Financial => {
            let pts = (0..6)
                .map(|i| {
                    let a = std::f32::consts::TAU * (i as f32) / 6.0;
                    c + vec2(a.cos(), a.sin()) * r
                })
                .collect();
            painter.add(Shape::convex_polygon(pts, fill, outline));
        }
        NodeKind::Park => {
            let rect = Rect::from_center_size(c, vec2(2.4 * r, 1.6 * r));
            painter.rect(rect, 4.0, fill, outline, StrokeKind::Outside);
            painter.rect_stroke(
                rect.shrink(3.0),
                3.0,
                Stroke::new(1.0, Color32::WHITE),
                StrokeKind::Inside,
            );
        }
        NodeKind::Region => {
            let pts = vec![
                c + vec2(0.0, -r),
                c + vec2(r * 0.95, r * 0.75),
                c + vec2(-r * 0.95, r * 0.75),
            ];
            painter.add(Shape::convex_polygon(pts, fill, outline));
        }
    }
}
