//! Stage lanes: one column per stage of every chain, left to right, painted behind the graph,
//! and their headers over it: the stage's full name fitted on one or two lines (`lane_text`),
//! the segment band above them (`segment_band`), the row pinned at the top of the canvas while
//! the lanes' top is panned out of view (`lane_headers`), the stage named on hover. In the editor a click
//! on a header shows the stage in the inspector, a right click opens the stage's menu (rename,
//! add a stage before or after, add a product, move, segment, delete), and a stage being renamed
//! on the canvas gets its text field on its header.
//!
//! The question a stage removal asks is drawn from here too: the lanes are drawn every editor
//! frame, whichever panels are open.

use super::CanvasFrame;
use super::lane_headers::{
    HeaderRow, header_room, lane_screen_x, paint_header, paint_pinned_backdrop,
};
use super::lane_text::HeaderText;
use super::segment_band;
use crate::i18n::Lang;
use crate::model::{ChainId, Pos, Project, Segment, StageId};
use crate::ui::panels::outline::{self, Gestures, Item, Place, RenameEnd};
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;
use egui::{Color32, CornerRadius, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

pub use crate::layout::{LANE_WIDTH, lane_extent};

/// A stage's lane: its column on the canvas.
pub struct Lane {
    pub stage: StageId,
    /// The chain the stage belongs to (a chain's lanes are consecutive).
    pub chain: ChainId,
    pub name: String,
    pub segment: Segment,
    pub center_x: f32,
}

/// Lanes of every chain, left to right (the layout's columns), named in the UI language.
pub fn lanes(project: &Project, lang: Lang) -> Vec<Lane> {
    crate::layout::lane_columns(project)
        .into_iter()
        .map(|(stage, center_x, segment)| {
            let (chain, name) = project
                .stage(&stage)
                .map(|(c, s)| {
                    let name = outline::shown_name(&s.name, &s.name_en, lang).to_owned();
                    (c.id.clone(), name)
                })
                .unwrap_or_default();
            Lane {
                stage,
                chain,
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

/// The lanes of one frame and their header row, from [`lanes_ui`] to [`headers_ui`].
pub(super) struct FrameLanes {
    pub lanes: Vec<Lane>,
    row: Option<HeaderRow>,
}

impl FrameLanes {
    /// The header row is pinned at the canvas top, over the lanes scrolled beneath it.
    pub fn pinned(&self) -> bool {
        self.row.as_ref().is_some_and(|r| r.pinned)
    }

    /// The segment band and the headers on screen, across every lane.
    pub fn row_rect(&self, frame: &CanvasFrame<'_>) -> Option<Rect> {
        self.row.as_ref()?.row_rect(frame, &self.lanes)
    }
}

/// Paints every lane that shows on the canvas, behind the links and nodes; returns all lanes.
/// Their headers come later, over the nodes ([`headers_ui`]).
pub(super) fn lanes_ui(frame: &CanvasFrame<'_>, state: &mut UiState) -> FrameLanes {
    let lanes = lanes(frame.project, frame.lang);
    if lanes.is_empty() {
        return FrameLanes { lanes, row: None };
    }
    let (top, bottom) = lane_extent(frame.project);
    let row = HeaderRow::new(frame, &lanes, top, bottom);
    if !frame.opts.read_only {
        reveal(frame, &lanes, top, state);
    }
    for lane in &lanes {
        lane_ui(frame, lane, top, bottom, row.header_h, state);
    }
    FrameLanes {
        lanes,
        row: Some(row),
    }
}

/// Paints the segment band and the lane headers (pinned at the canvas top while the lanes' top
/// is scrolled away) and handles the headers' clicks, menus and renaming.
pub(super) fn headers_ui(
    ui: &mut egui::Ui,
    frame: &CanvasFrame<'_>,
    frame_lanes: &FrameLanes,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let editing = !frame.opts.read_only;
    if let Some(row) = &frame_lanes.row {
        let lanes = &frame_lanes.lanes;
        if row.pinned
            && let Some(rect) = row.row_rect(frame, lanes)
        {
            paint_pinned_backdrop(frame, rect);
        }
        segment_band::band_ui(ui, frame, lanes, row);
        for (lane, text) in lanes.iter().zip(&row.texts) {
            let header = row.header_rect(frame, lane);
            if !header.intersects(frame.screen.rect) {
                continue;
            }
            let fill = lane_colour(frame, lane, frame.opts.look.lane_header(lane.segment));
            paint_header(frame, header, text, fill, row.pinned);
            // Pinned, the header is away from its lane's outline: it shows the selection itself.
            if row.pinned && editing && state.selection.stage.as_ref() == Some(&lane.stage) {
                let stroke = Stroke::new(2.0, theme::SELECTION);
                let corners = CornerRadius::same(6);
                frame
                    .painter
                    .rect_stroke(header, corners, stroke, StrokeKind::Outside);
            }
            let shown = Shown { header, text };
            if editing {
                header_ui(ui, frame, lane, &shown, state, queue);
            } else {
                header_hover(ui, frame, lane, &shown, Sense::hover());
            }
        }
    }
    if editing {
        outline::question_ui(ui.ctx(), frame.project, frame.lang, state, queue);
    }
}

/// A header as drawn this frame: where, and the text it shows.
struct Shown<'a> {
    header: Rect,
    text: &'a HeaderText,
}

/// `c` as `lane` shows it: paler when the highlight dims the lane's stage.
fn lane_colour(frame: &CanvasFrame<'_>, lane: &Lane, c: Color32) -> Color32 {
    let dim = frame
        .highlight
        .as_ref()
        .is_some_and(|h| h.dim_stages.contains(&lane.stage));
    if dim {
        theme::blend(c, frame.opts.look.background(), 0.7)
    } else {
        c
    }
}

/// One lane's background from `top` to `bottom` (canvas units) with room for its header above
/// `top`, outlined when its stage is selected or highlighted.
fn lane_ui(
    frame: &CanvasFrame<'_>,
    lane: &Lane,
    top: f32,
    bottom: f32,
    header_h: f32,
    state: &UiState,
) {
    let (screen, painter) = (&frame.screen, &frame.painter);
    let (x0, x1) = lane_screen_x(frame, lane);
    let y = |y: f32| screen.cam.to_screen(screen.origin(), Pos { x: 0.0, y }).y;
    let r = Rect::from_min_max(pos2(x0, y(top) - header_h), pos2(x1, y(bottom)));
    if !r.intersects(screen.rect) {
        return;
    }
    let fill = lane_colour(frame, lane, frame.opts.look.lane_fill(lane.segment));
    painter.rect_filled(r, CornerRadius::same(6), fill);
    let selected = !frame.opts.read_only && state.selection.stage.as_ref() == Some(&lane.stage);
    let lit = frame
        .highlight
        .as_ref()
        .is_some_and(|h| h.stages.contains(&lane.stage));
    if selected || lit {
        painter.rect_stroke(
            r,
            CornerRadius::same(6),
            Stroke::new(if selected { 2.0 } else { 3.0 }, theme::SELECTION),
            StrokeKind::Outside,
        );
    }
}

/// The header as a widget: named for screen readers and tests, the stage's full name on hover.
/// Its value is the text shown, a line a line ("U1 菌种研\n发与繁育").
fn header_hover(
    ui: &egui::Ui,
    frame: &CanvasFrame<'_>,
    lane: &Lane,
    shown: &Shown<'_>,
    sense: Sense,
) -> egui::Response {
    let lang = frame.lang;
    let resp = ui.interact(
        shown.header.intersect(frame.screen.rect),
        ui.scope_id().with(("lane", lane.stage.as_str())),
        sense,
    );
    resp.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            header_label(&lane.stage, &lane.name, lang),
        );
        info.current_text_value = Some(shown.text.lines.join("\n"));
        info
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
    shown: &Shown<'_>,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let header = shown.header;
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
    let resp = header_hover(ui, frame, lane, shown, Sense::click());
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
    let header_h = header_room(cam.zoom, screen.scale);
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
