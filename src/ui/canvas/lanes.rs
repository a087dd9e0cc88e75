//! Stage lanes: one column per stage of every chain, left to right, painted behind the graph with
//! a header that stays readable at any zoom and names the stage on hover. In the editor a click
//! on a header shows the stage in the inspector, a right click opens the stage's menu (rename,
//! add a stage before or after, add a product, move, segment, delete), and a stage being renamed
//! on the canvas gets its text field on its header.
//!
//! The question a stage removal asks is drawn from here too: the lanes are drawn every editor
//! frame, whichever panels are open.

use super::CanvasFrame;
use super::paint::fit_text;
use crate::i18n::Lang;
use crate::model::{Pos, Project, Segment, StageId};
use crate::ui::panels::outline::{self, Gestures, Item, Place, RenameEnd};
use crate::ui::state::{Queue, UiState};
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
                .map(|(_, s)| outline::shown_name(&s.name, &s.name_en, lang).to_owned())
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

/// The accessible name of a lane's header ("环节 U1 菌种"), which tests click by.
pub fn header_label(stage: &StageId, name: &str, lang: Lang) -> String {
    format!("{} {stage} {name}", lang.pick("环节", "Stage"))
}

/// Paints every lane that shows on the canvas and handles their headers; returns all lanes, and
/// the headers' screen rectangles (labels keep clear of them).
pub(super) fn lanes_ui(
    ui: &mut egui::Ui,
    frame: &CanvasFrame<'_>,
    state: &mut UiState,
    queue: &mut Queue,
) -> (Vec<Lane>, Vec<Rect>) {
    let lanes = lanes(frame.project, frame.lang);
    let (top, bottom) = lane_extent(frame.project);
    let editing = !frame.opts.read_only;
    if editing {
        reveal(frame, &lanes, top, state);
    }
    let mut headers = Vec::new();
    for lane in &lanes {
        let Some(header) = lane_ui(frame, lane, top, bottom, state) else {
            continue;
        };
        headers.push(header);
        if editing {
            header_ui(ui, frame, lane, header, state, queue);
        } else {
            header_hover(ui, frame, lane, header, Sense::hover());
        }
    }
    if editing {
        outline::question_ui(ui.ctx(), frame.project, frame.lang, state, queue);
    }
    (lanes, headers)
}

/// The header's height on screen at the current zoom (readable when zoomed far out).
fn header_height(frame: &CanvasFrame<'_>) -> f32 {
    let (zoom, scale) = (frame.screen.cam.zoom, frame.screen.scale);
    (34.0 * zoom * scale).max(20.0 * scale)
}

/// One lane from `top` to `bottom` (canvas units), its header above `top`; returns the
/// header's screen rectangle when the lane shows.
fn lane_ui(
    frame: &CanvasFrame<'_>,
    lane: &Lane,
    top: f32,
    bottom: f32,
    state: &UiState,
) -> Option<Rect> {
    let (screen, painter, look) = (&frame.screen, &frame.painter, frame.opts.look);
    let (cam, origin, scale) = (screen.cam, screen.origin(), screen.scale);
    let x0 = lane.center_x - LANE_WIDTH / 2.0 + 6.0;
    let x1 = lane.center_x + LANE_WIDTH / 2.0 - 6.0;
    let header_h = header_height(frame);
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
        return None;
    }
    painter.rect_filled(
        r,
        CornerRadius::same(6),
        lane_colour(look.lane_fill(lane.segment)),
    );
    let selected = !frame.opts.read_only && state.selection.stage.as_ref() == Some(&lane.stage);
    if selected || highlight.is_some_and(|h| h.stages.contains(&lane.stage)) {
        painter.rect_stroke(
            r,
            CornerRadius::same(6),
            Stroke::new(if selected { 2.0 } else { 3.0 }, theme::SELECTION),
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
    Some(header)
}

/// The header as a widget: named for screen readers and tests, the stage's full name on hover.
fn header_hover(
    ui: &egui::Ui,
    frame: &CanvasFrame<'_>,
    lane: &Lane,
    header: Rect,
    sense: Sense,
) -> egui::Response {
    let lang = frame.lang;
    let resp = ui.interact(
        header.intersect(frame.screen.rect),
        ui.scope_id().with(("lane", lane.stage.as_str())),
        sense,
    );
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            header_label(&lane.stage, &lane.name, lang),
        )
    });
    resp.on_hover_text(format!(
        "{} {} · {}",
        lane.stage,
        lane.name,
        lane.segment.label(lang)
    ))
}

/// An editor's header: click shows the stage in the inspector, right click opens its menu;
/// while the stage is renamed on the canvas, the name field sits on the header.
fn header_ui(
    ui: &mut egui::Ui,
    frame: &CanvasFrame<'_>,
    lane: &Lane,
    header: Rect,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let item = Item::Stage(lane.stage.clone());
    let renaming = state
        .structure
        .renaming
        .take_if(|r| r.place == Place::Lane && r.item == item);
    let mut g = Gestures {
        project: frame.project,
        lang: frame.lang,
        state,
        queue,
    };
    if let Some(mut renaming) = renaming {
        let width = header.width().max(160.0) - 8.0;
        let field = Rect::from_center_size(header.center(), vec2(width, 24.0));
        let label = frame.lang.pick("环节名称", "Stage name");
        let end = ui
            .scope_builder(egui::UiBuilder::new().max_rect(field), |ui| {
                outline::rename_field(ui, &mut renaming, width, label)
            })
            .inner;
        match end {
            None => g.state.structure.renaming = Some(renaming),
            Some(RenameEnd::Commit(done)) => g.commit_rename(done),
            Some(RenameEnd::Cancel) => {}
        }
        return;
    }
    let resp = header_hover(ui, frame, lane, header, Sense::click());
    if resp.clicked() {
        g.state.selection.only_stage(lane.stage.clone());
    }
    if resp.double_clicked() {
        g.rename(item, Place::Lane);
    }
    resp.context_menu(|ui| outline::stage_menu(ui, &mut g, &lane.stage, Place::Lane));
}

/// Brings the lane a gesture asked for into view (a lane just added, or renamed on the canvas).
fn reveal(frame: &CanvasFrame<'_>, lanes: &[Lane], top: f32, state: &mut UiState) {
    let Some(stage) = state.structure.reveal.take() else {
        return;
    };
    let Some(lane) = lanes.iter().find(|l| l.stage == stage) else {
        return;
    };
    let screen = &frame.screen;
    let cam = &mut state.camera;
    let header_h = header_height(frame);
    let at = cam.to_screen(
        screen.origin(),
        Pos {
            x: lane.center_x,
            y: top,
        },
    );
    let half = LANE_WIDTH / 2.0 * cam.zoom;
    let inside = screen.rect.shrink2(vec2(8.0, 8.0));
    if at.x - half < inside.left() || at.x + half > inside.right() {
        cam.offset.x += screen.rect.center().x - at.x;
    }
    if at.y - header_h < inside.top() || at.y > inside.bottom() {
        cam.offset.y += inside.top() + header_h + 16.0 - at.y;
    }
}
