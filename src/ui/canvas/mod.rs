//! The canvas: stage lanes, links and nodes painted with egui's painter; pan, zoom, selection,
//! dragging, rubber band, link creation and the kind pickers. Gestures become edits on release;
//! nothing here changes the project.
//!
//! [`canvas_ui`] draws one frame back to front, a submodule a layer:
//!
//! | module     | owns |
//! |------------|------|
//! | `camera`   | where the canvas looks: bounds, fit, centring on a node, the untouched first view |
//! | `geometry` | the per-document cache (radii, link ends, widths), this frame's screen positions, hit-testing |
//! | `lanes`    | the stage lanes and their headers (click, menu, rename in place) |
//! | `lane_headers`, `lane_text`, `segment_band` | the header row: names fitted on two lines, the segment band; under the links, or over the nodes while pinned at the top |
//! | `empty`    | what an empty project's canvas says to do next |
//! | `routes`   | where long links run: around the lanes, down the gutters between them |
//! | `parks`    | parks' colours on their firms, frames round firms that sit together |
//! | `links`    | links: lines, dashes, arrowheads, flow dots; long links beneath the chain, faint: painting only |
//! | `paint`    | node shapes: painting only |
//! | `ghosts`   | the reference chain's missing stages and products as dashed beads (全景图 vs 现状) |
//! | `compare_marks` | a comparison's differences: added, changed and removed beads and links, its legend |
//! | `labels`   | node names: priority, short names, painting what `placement` finds room for |
//! | `placement`| greedy label placement around beads on a screen-space grid (pure geometry) |
//! | `nodes`    | each node as a labelled widget; its input handed to `gestures` |
//! | `gestures` | input → selection, camera and queued edits: zoom, pan, click, drag, rubber band, link drawing |
//! | `overlays` | spotlight, minimap, banners |
//! | `legend`   | the legend strip docked in a band below the map (kinds, colouring) |
//! | `picker`   | the node and link kind pickers that finish a double-click or a link drag |
//! | `context_menu` | the right-click menus of a node, a link and empty space |

mod camera;
mod compare_marks;
mod context_menu;
mod empty;
mod geometry;
mod gestures;
mod ghosts;
mod labels;
mod lane_headers;
mod lane_text;
mod lanes;
pub(crate) mod legend;
mod links;
mod nodes;
mod overlays;
mod paint;
mod parks;
mod picker;
pub(crate) mod placement;
mod routes;
mod segment_band;

use crate::analysis::Analysis;
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{Colouring, NodeId, Project};
use crate::ui::colouring::{NodeColours, node_colours};
use crate::ui::state::{Highlight, Queue, Settings, UiState};
use crate::ui::theme::CanvasLook;
use egui::{Rect, Role, Sense, WidgetInfo};
use std::sync::Arc;

/// Id generation lives in the model; these paths stay for existing callers.
pub use crate::model::{fresh_link_id, fresh_node_id};
pub use crate::style::node_radius;
pub use camera::{
    NAMES_ZOOM, READABLE_ZOOM, bounds, by_importance, camera_framing, camera_showing, fit,
    reading_camera,
};
pub use labels::{MIN_LABEL_PX, ShownLabel};
pub use lane_headers::header_room;
pub use lanes::{LANE_WIDTH, Lane, header_label, lane_extent, lanes};
pub use picker::enterprise_at_view_centre;
pub use segment_band::band_label;

/// Gesture state and caches that live across frames.
#[derive(Debug, Default)]
pub struct CanvasState {
    gesture: gestures::Gesture,
    fitted: camera::Fitted,
    /// A framing glide under way.
    glide: Option<camera::Glide>,
    /// The context menu open, and what it is about.
    menu: Option<context_menu::OpenMenu>,
    /// Context menus opened and choices made so far: each opening is a popup of its own, and
    /// each choice's edits join one undo step of their own.
    menu_choices: u64,
    geometry: geometry::Geometry,
    /// The reference chain's ghosts, with what they were worked out for.
    ghosts: ghosts::Ghosts,
    /// Which nodes are named first, and their short names.
    labels: labels::LabelOrder,
    /// The minimap's dots, with the (document, canvas) state they were built for.
    minimap: Option<(MinimapKey, Arc<egui::Mesh>)>,
    /// Node colours with what they were worked out for.
    colours: Option<(ColoursKey, Arc<NodeColours>)>,
    /// The legend strip laid out, with what it was laid out for.
    legend: Option<(LegendKey, Arc<legend::LegendStrip>)>,
    /// The territory view's layout and legend, kept per revision (issue 20).
    pub territory: crate::ui::territory::TerritoryCache,
}

/// (document id, revision, node colours' address, kinds and ghosts shown, width in pixels,
/// language).
type LegendKey = (u64, u64, usize, (bool, bool), i32, Lang);

/// (document id, revision, colouring, analysis address, language).
type ColoursKey = (u64, u64, Colouring, usize, Lang);

type MinimapKey = (Option<(u64, u64)>, Rect);

impl CanvasState {
    /// The camera was moved by a command or the user: window resizes no longer refit the view,
    /// and a glide under way stops where it is.
    pub fn touch_camera(&mut self) {
        self.fitted.touch();
        self.glide = None;
    }

    /// A right-click menu is open on the canvas.
    pub fn menu_open(&self) -> bool {
        self.menu.is_some()
    }

    /// Closes the right-click menu (Esc).
    pub fn close_menu(&mut self) {
        self.menu = None;
    }

    /// The node colours of `colouring`, worked out again only when something they depend on
    /// changed.
    fn colours(
        &mut self,
        doc: &Document,
        analysis: Option<&Analysis>,
        colouring: Colouring,
        lang: Lang,
    ) -> Arc<NodeColours> {
        let address = analysis.map_or(0, |a| a as *const Analysis as usize);
        let key = (doc.id(), doc.revision(), colouring, address, lang);
        match &self.colours {
            Some((k, colours)) if *k == key => colours.clone(),
            _ => {
                let colours = Arc::new(node_colours(&doc.project, analysis, colouring, lang));
                self.colours = Some((key, colours.clone()));
                colours
            }
        }
    }

    /// The legend strip for `width`, laid out again only when something it shows changed.
    fn legend(
        &mut self,
        ui: &egui::Ui,
        doc: &Document,
        colours: &Arc<NodeColours>,
        kinds: (bool, bool),
        width: f32,
        lang: Lang,
    ) -> Arc<legend::LegendStrip> {
        let address = Arc::as_ptr(colours) as usize;
        let key = (doc.id(), doc.revision(), address, kinds, width as i32, lang);
        match &self.legend {
            Some((k, strip)) if *k == key => strip.clone(),
            _ => {
                let strip = Arc::new(legend::LegendStrip::layout(
                    ui.painter(),
                    &doc.project,
                    &colours.legend,
                    kinds,
                    width,
                    lang,
                ));
                self.legend = Some((key, strip.clone()));
                strip
            }
        }
    }
}

/// How the canvas is drawn and what it lets the user do: the editor, or a presentation.
#[derive(Debug, Clone, PartialEq)]
pub struct CanvasOptions {
    pub look: CanvasLook,
    /// Nodes and labels are drawn this much larger (a projector needs bigger type).
    pub scale: f32,
    /// Nothing can be moved, linked, added or deleted; a click only reports the node.
    pub read_only: bool,
    /// The clock (seconds) when supply links show their flow; none when still.
    pub flow_time: Option<f64>,
    /// Darken everything but a circle around the pointer.
    pub spotlight: bool,
    pub show_minimap: bool,
    pub show_legend: bool,
    /// Ghost beads for what the reference chain has and the county lacks.
    pub show_reference: bool,
    /// The differences of a comparison, marked (issue 22).
    pub compare: Option<Arc<crate::ui::compare::CompareMarks>>,
}

impl CanvasOptions {
    /// The editor: everything editable, the panels' settings for minimap and legend.
    pub fn editor(settings: &Settings) -> Self {
        Self {
            look: CanvasLook::Editor,
            scale: 1.0,
            read_only: false,
            flow_time: None,
            spotlight: false,
            show_minimap: settings.show_minimap,
            show_legend: settings.show_legend,
            show_reference: settings.show_reference,
            compare: None,
        }
    }
}

/// What happened on the canvas that its caller acts on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CanvasOutput {
    /// A node was clicked (in read-only mode, where clicks do not select).
    pub clicked_node: Option<NodeId>,
    /// Empty space was clicked.
    pub clicked_empty: bool,
    /// The compare legend's × was clicked: stop marking the differences.
    pub stop_compare: bool,
}

/// What every layer of one frame reads.
struct CanvasFrame<'p> {
    project: &'p Project,
    opts: &'p CanvasOptions,
    lang: Lang,
    /// Paints inside the canvas only.
    painter: egui::Painter,
    /// A copy: the layers change the selection in the same `UiState`.
    highlight: Option<Highlight>,
    colouring: Colouring,
    colours: Arc<NodeColours>,
    screen: geometry::Screen,
    /// The legend strip and the band below the map it is drawn in.
    legend: Arc<legend::LegendStrip>,
    legend_band: Rect,
}

/// Draws the canvas and turns gestures into edits and selection changes.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    analysis: Option<&Analysis>,
    state: &mut UiState,
    canvas: &mut CanvasState,
    queue: &mut Queue,
    opts: &CanvasOptions,
) -> CanvasOutput {
    let mut output = CanvasOutput::default();
    let project = &doc.project;
    let lang = state.lang();
    // The legend is docked in a band below the map, so it never covers a bead.
    let colours = canvas.colours(doc, analysis, state.colouring, lang);
    let strip = canvas.legend(
        ui,
        doc,
        &colours,
        (opts.show_legend, opts.show_reference),
        ui.available_width(),
        lang,
    );
    let room = ui.available_size();
    let map = egui::vec2(room.x, (room.y - strip.height()).max(0.0));
    let (rect, bg) = ui.allocate_exact_size(map, Sense::click_and_drag());
    let legend_band = Rect::from_min_size(rect.left_bottom(), egui::vec2(room.x, strip.height()));
    ui.advance_cursor_after_rect(legend_band);
    // The canvas is the map and its legend; the camera looks at the map.
    state.canvas_rect = Some(rect.union(legend_band));
    bg.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, lang.pick("画布", "canvas")));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, opts.look.background());

    let now = ui.input(|i| i.time);
    if opts.show_reference {
        canvas.ghosts.refresh(doc, analysis, lang);
    }
    let ghost_area = opts
        .show_reference
        .then(|| canvas.ghosts.bounds())
        .flatten();
    camera::follow_requests(
        (project, ghost_area),
        state,
        &mut canvas.fitted,
        &mut canvas.glide,
        rect,
        now,
    );
    if canvas.glide.is_some() {
        ui.ctx().request_repaint();
    }
    // A picker opened this frame must not take this frame's click as a click elsewhere.
    let picker_before = state.picker.clone();
    gestures::wheel_zoom(ui, rect, state, canvas);
    canvas.geometry.refresh(doc);
    canvas.labels.refresh(doc, analysis);
    let pointer = ui.input(|i| i.pointer.hover_pos());
    let screen = geometry::Screen::new(
        project,
        &canvas.geometry,
        state,
        canvas.gesture.moving,
        rect,
        opts.scale,
        pointer,
    );
    let frame = CanvasFrame {
        project,
        opts,
        lang,
        painter,
        highlight: state.highlight.clone(),
        colouring: state.colouring,
        colours,
        screen,
        legend: strip,
        legend_band,
    };

    let lanes = lanes::lanes_ui(&frame, state);
    // The header row goes under the graph where the lanes put it, over it while pinned at the
    // top of the canvas with the lanes scrolling beneath.
    if !lanes.pinned() {
        lanes::headers_ui(ui, &frame, &lanes, state, queue);
    }
    let frame_names = links::links(&frame, &canvas.geometry, &state.selection);
    let seen = nodes::nodes_ui(ui, &frame, state, canvas, queue, &mut output);
    if lanes.pinned() {
        lanes::headers_ui(ui, &frame, &lanes, state, queue);
    }
    // Names keep clear of the header row, pinned or not, the parks' frame names and the minimap.
    let mut blocked = frame_names;
    blocked.extend(lanes.row_rect(&frame));
    blocked.extend(overlays::minimap_rect(&frame));
    state.canvas_labels = labels::labels_ui(
        &frame,
        &canvas.labels,
        &seen.drawn,
        seen.hovered_node,
        &blocked,
    );
    if opts.show_reference {
        let named: Vec<Rect> = state.canvas_labels.iter().map(|l| l.rect).collect();
        ghosts::ghosts_ui(ui, &frame, &canvas.ghosts, &named);
    }
    if let Some(marks) = &opts.compare {
        let named: Vec<Rect> = state.canvas_labels.iter().map(|l| l.rect).collect();
        output.stop_compare =
            compare_marks::compare_ui(ui, &frame, &canvas.geometry, marks, &named);
    }
    gestures::finish_stray_drag(ui, project, state, canvas, queue);
    gestures::link_handle_ui(ui, &frame, state, canvas);
    gestures::linking_ui(ui, &frame, state, canvas, seen.drop_target);
    gestures::background(&bg, &frame, &seen, state, canvas, &mut output);
    overlays::overlays_ui(ui, &frame, state, canvas);
    empty::empty_ui(ui, &frame, state, queue);
    if !opts.read_only {
        let just_opened = state.picker != picker_before;
        picker::picker_ui(ui, project, state, queue, &lanes.lanes, just_opened);
        context_menu::menu_ui(ui, &frame, state, canvas, queue);
    }
    output
}
