//! Stage lanes: one column per stage of every chain, left to right, painted behind the graph with
//! a header that stays readable at any zoom and names the stage on hover.

use super::CanvasFrame;
use super::paint::fit_text;
use crate::i18n::Lang;
use crate::model::{Pos, Project, Segment, StageId};
use crate::ui::theme;
use egui::{Align2, Color32, CornerRadius, FontId, Rect, Sense, Stroke, StrokeKind, vec2};

pub use crate::layout::{LANE_WIDTH, lane_extent};

/// A stage's lane: its column on the canvas.
pub struct Lane {
    pub stage: StageId,
    pub name: String,
    pub segment: Segment,
    pub center_x: f32,
}

/// Lanes of every chain, left to right (the layout's columns), named in the UI language.
pub fn lanes(project: &Project, lang: Lang) -> Vec<Lane> {
    crate::layout::lane_columns(project)
        .into_iter()
        .map(|(stage, center_x, segment)| {
            let name = project
                .stage(&stage)
                .map(|(_, s)| match lang {
                    Lang::En if !s.name_en.is_empty() => s.name_en.clone(),
                    _ => s.name.clone(),
                })
                .unwrap_or_default();
            Lane {
                stage,
                name,
                segment,
                center_x,
            }
        })
        .collect()
}

/// Paints every lane that shows on the canvas, and returns all of them.
pub(super) fn lanes_ui(ui: &egui::Ui, frame: &CanvasFrame<'_>) -> Vec<Lane> {
    let lanes = lanes(frame.project, frame.lang);
    let (top, bottom) = lane_extent(frame.project);
    for lane in &lanes {
        lane_ui(ui, frame, lane, top, bottom);
    }
    lanes
}

/// One lane from `top` to `bottom` (canvas units), its header above `top`.
fn lane_ui(ui: &egui::Ui, frame: &CanvasFrame<'_>, lane: &Lane, top: f32, bottom: f32) {
    let (screen, painter, look, lang) =
        (&frame.screen, &frame.painter, frame.opts.look, frame.lang);
    let (cam, origin, scale) = (screen.cam, screen.origin(), screen.scale);
    let x0 = lane.center_x - LANE_WIDTH / 2.0 + 6.0;
    let x1 = lane.center_x + LANE_WIDTH / 2.0 - 6.0;
    let header_h = (34.0 * cam.zoom * scale).max(20.0 * scale);
    let highlight = frame.highlight.as_ref();
    let dim = highlight.is_some_and(|h| h.dim_stages.contains(&lane.stage));
    let lane_colour = |c: Color32| {
        if dim {
            theme::blend(c, look.background(), 0.7)
        } else {
            c
        }
    };
    let mut r = Rect::from_min_max(
        cam.to_screen(origin, Pos { x: x0, y: top }),
        cam.to_screen(origin, Pos { x: x1, y: bottom }),
    );
    // Room for the header above the first row of nodes, whatever the zoom.
    r.min.y -= header_h;
    if !r.intersects(screen.rect) {
        return;
    }
    painter.rect_filled(
        r,
        CornerRadius::same(6),
        lane_colour(look.lane_fill(lane.segment)),
    );
    if highlight.is_some_and(|h| h.stages.contains(&lane.stage)) {
        painter.rect_stroke(
            r,
            CornerRadius::same(6),
            Stroke::new(3.0, theme::SELECTION),
            StrokeKind::Outside,
        );
    }
    // The header keeps a readable height when zoomed out: lanes stay legible at any zoom.
    let header = Rect::from_min_size(r.min, vec2(r.width(), header_h));
    painter.rect_filled(
        header,
        CornerRadius {
            nw: 6,
            ne: 6,
            sw: 0,
            se: 0,
        },
        lane_colour(look.lane_header(lane.segment)),
    );
    let font = FontId::proportional((13.0 * cam.zoom * scale).clamp(11.0 * scale, 22.0 * scale));
    let text = fit_text(
        painter,
        &format!("{} {}", lane.stage, lane.name),
        &font,
        r.width() - 8.0,
    );
    painter.with_clip_rect(header.intersect(screen.rect)).text(
        header.center(),
        Align2::CENTER_CENTER,
        text,
        font,
        Color32::WHITE,
    );
    let header_resp = ui.interact(
        header,
        ui.scope_id().with(("lane", lane.stage.as_str())),
        Sense::hover(),
    );
    header_resp.on_hover_text(format!(
        "{} {} · {}",
        lane.stage,
        lane.name,
        lane.segment.label(lang)
    ));
}
