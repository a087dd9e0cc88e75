//! Painting nodes: a shape per kind, the 链主 ring, the label below. Only the painter is touched
//! here: no input, no state. Links are painted by `links`.

use super::CanvasFrame;
use crate::model::{Node, NodeKind};
use crate::ui::state::Highlight;
use crate::ui::theme;
use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2};

/// Below this zoom, small details (arrowheads, the park's glyph) are left out so the picture
/// stays readable. Labels are placed by `labels` at any zoom.
pub(super) const LABEL_MIN_ZOOM: f32 = 0.35;

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
/// the 链主 ring. Its label is placed with the others (`labels`).
pub(super) fn paint_node(frame: &CanvasFrame<'_>, node: &Node, c: Pos2, r: f32, look: &NodeLook) {
    let (painter, canvas_look) = (&frame.painter, frame.opts.look);
    let zoom = frame.screen.zoom();
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

/// The box a node's shape (and its 链主 ring) covers on screen, as `paint_node` draws it at `c`
/// with radius `r`: what other nodes' labels keep clear of.
pub(super) fn bead_rect(node: &Node, c: Pos2, r: f32) -> Rect {
    let size = match node.kind {
        NodeKind::Enterprise | NodeKind::ExternalEnterprise => vec2(2.0 * r, 1.5 * r),
        NodeKind::Park => vec2(2.4 * r, 1.6 * r),
        _ => vec2(2.0 * r, 2.0 * r),
    };
    if node.tags.iter().any(|t| t == "链主") {
        Rect::from_center_size(c, Vec2::splat(2.0 * r + 10.0).max(size))
    } else {
        Rect::from_center_size(c, size)
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
