//! The canvas: stage lanes, links and nodes painted with egui's painter; pan, zoom, selection,
//! dragging, rubber-band, link creation and the kind pickers. Gestures become edits on release.

use crate::analysis::Analysis;
use crate::document::Document;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::Colouring;
use crate::model::validate::link_endpoints_ok;
use crate::model::{
    Link, LinkId, LinkKind, Node, NodeId, NodeKind, Pos, Project, Segment, StageId,
};
use crate::ui::colouring::{Legend, NodeColours, node_colours, ramp};
use crate::ui::state::{Picker, Queue, UiState};
use crate::ui::theme::{self, CanvasLook};
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Role, Sense, Shape, Stroke, StrokeKind,
    Vec2, WidgetInfo, pos2, vec2,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub use crate::layout::LANE_WIDTH;
/// Id generation lives in the model; these paths stay for existing callers.
pub use crate::model::{fresh_link_id, fresh_node_id};
/// Below this zoom the canvas draws its overview (meshes, no labels or arrowheads).
const OVERVIEW_ZOOM: f32 = 0.12;
/// With more nodes than this in view, likewise.
const OVERVIEW_NODES: usize = 2_500;

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

/// Below this zoom, labels are left out so the picture stays readable.
const LABEL_MIN_ZOOM: f32 = 0.35;

/// Gesture state that lives across frames.
#[derive(Debug, Default)]
pub struct CanvasState {
    /// Canvas offset of the selection being dragged.
    moving: Option<Vec2>,
    /// Rubber-band corners (screen).
    rubber: Option<(Pos2, Pos2)>,
    /// A link being drawn from this node, to the pointer.
    linking: Option<NodeId>,
    /// The canvas size the view was last fitted to.
    fitted_size: Option<Vec2>,
    /// The user has panned or zoomed since the last fit: window resizes no longer refit.
    camera_touched: bool,
    geometry: Geometry,
    /// The minimap's dots, with the (document, canvas) state they were built for.
    minimap: Option<(MinimapKey, std::sync::Arc<egui::Mesh>)>,
    /// Node colours with what they were worked out for.
    colours: Option<(ColoursKey, Arc<NodeColours>)>,
}

/// (document id, revision, colouring, analysis address, language).
type ColoursKey = (u64, u64, Colouring, usize, Lang);

/// How the canvas is drawn and what it lets the user do: the editor, or a presentation.
#[derive(Debug, Clone, Copy, PartialEq)]
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
}

impl CanvasOptions {
    /// The editor: everything editable, the panels' settings for minimap and legend.
    pub fn editor(settings: &crate::ui::state::Settings) -> Self {
        Self {
            look: CanvasLook::Editor,
            scale: 1.0,
            read_only: false,
            flow_time: None,
            spotlight: false,
            show_minimap: settings.show_minimap,
            show_legend: settings.show_legend,
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
}

type MinimapKey = (Option<(u64, u64)>, Rect);

/// What the canvas needs of the project that only changes with it: node radii, link ends as
/// indices and link widths, in the project's (id) order. Rebuilt when the document changes, so a
/// frame does no map lookups or decimal conversions over thousands of items.
#[derive(Debug, Default)]
struct Geometry {
    key: Option<(u64, u64)>,
    index: std::collections::HashMap<NodeId, usize>,
    radius: Vec<f32>,
    /// (from, to, width at zoom 1), `usize::MAX` for a missing end.
    links: Vec<(usize, usize, f32)>,
}

impl Geometry {
    fn refresh(&mut self, doc: &Document) {
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
        self.key = Some(key);
    }
}

impl CanvasState {
    /// The camera was moved by a command: window resizes no longer refit the view.
    pub fn touch_camera(&mut self) {
        self.camera_touched = true;
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
}

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

pub use crate::style::node_radius;

/// The bounding box of every placed node, in canvas units.
pub fn bounds(project: &Project) -> Option<Rect> {
    let mut it = project.nodes.values().filter_map(|n| n.position);
    let first = it.next()?;
    let mut r = Rect::from_min_max(pos2(first.x, first.y), pos2(first.x, first.y));
    for p in it {
        r.extend_with(pos2(p.x, p.y));
    }
    Some(r)
}

/// Sets the camera so the whole graph fits `rect`.
pub fn fit(project: &Project, state: &mut UiState, rect: Rect) {
    let Some(b) = bounds(project) else {
        state.camera = Default::default();
        return;
    };
    state.camera = camera_showing(b.expand2(vec2(LANE_WIDTH * 0.6, 120.0)), rect.size(), 1.5);
}

/// The camera that shows the canvas area `area` whole and centred on a canvas of `size`
/// pixels, zoomed in no further than `max_zoom`.
pub fn camera_showing(area: Rect, size: Vec2, max_zoom: f32) -> crate::ui::state::Camera {
    let zoom = (size.x / area.width().max(1.0))
        .min(size.y / area.height().max(1.0))
        .clamp(crate::ui::state::Camera::MIN_ZOOM, max_zoom);
    crate::ui::state::Camera {
        zoom,
        offset: size / 2.0 - area.center().to_vec2() * zoom,
    }
}

use crate::style::max_output;

fn link_value(link: &Link) -> f64 {
    link.value
        .and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d))
        .unwrap_or(0.0)
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
    let colouring = state.colouring;
    let colours = canvas.colours(doc, analysis, colouring, lang);
    let look = opts.look;
    let scale = opts.scale;
    let highlight = state.highlight.clone();
    let (rect, bg) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    state.canvas_rect = Some(rect);
    bg.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, lang.pick("画布", "canvas")));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, look.background());
    let origin = rect.min;

    // Fit on request, and keep the untouched first view fitted while the window settles in size.
    let resized = canvas.fitted_size != Some(rect.size());
    if state.fit_requested || (resized && !canvas.camera_touched) {
        fit(project, state, rect);
        canvas.fitted_size = Some(rect.size());
        canvas.camera_touched = false;
        state.fit_requested = false;
    }
    if let Some(id) = state.focus_request.take()
        && let Some(p) = project.nodes.get(&id).and_then(|n| n.position)
    {
        canvas.camera_touched = true;
        state.camera.offset = rect.size() / 2.0 - vec2(p.x, p.y) * state.camera.zoom;
    }

    // Zoom at the cursor: wheel, pinch, Ctrl+wheel.
    if let Some(hover) = ui.input(|i| i.pointer.hover_pos())
        && rect.contains(hover)
        && ui.ui_contains_pointer()
    {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll * 0.0015).exp();
        if (factor - 1.0).abs() > 1e-4 {
            state.camera.zoom_at(origin, hover, factor);
            canvas.camera_touched = true;
        }
    }
    let cam = state.camera;
    let zoom = cam.zoom;

    // Lanes.
    let lanes = lanes(project, lang);
    let lane_of: BTreeMap<&StageId, &Lane> = lanes.iter().map(|l| (&l.stage, l)).collect();
    let (top, bottom) = lane_extent(project);
    for lane in &lanes {
        let x0 = lane.center_x - LANE_WIDTH / 2.0 + 6.0;
        let x1 = lane.center_x + LANE_WIDTH / 2.0 - 6.0;
        let header_h = (34.0 * zoom * scale).max(20.0 * scale);
        let dim = highlight
            .as_ref()
            .is_some_and(|h| h.dim_stages.contains(&lane.stage));
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
        if !r.intersects(rect) {
            continue;
        }
        painter.rect_filled(
            r,
            CornerRadius::same(6),
            lane_colour(look.lane_fill(lane.segment)),
        );
        if highlight
            .as_ref()
            .is_some_and(|h| h.stages.contains(&lane.stage))
        {
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
        let font = FontId::proportional((13.0 * zoom * scale).clamp(11.0 * scale, 22.0 * scale));
        let text = fit_text(
            &painter,
            &format!("{} {}", lane.stage, lane.name),
            &font,
            r.width() - 8.0,
        );
        painter.with_clip_rect(header.intersect(rect)).text(
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

    // Geometry of every placed node this frame (with the drag preview applied), from radii and
    // link ends worked out once per document revision.
    canvas.geometry.refresh(doc);
    let geometry = &canvas.geometry;
    let moving = canvas.moving.unwrap_or(Vec2::ZERO);
    let dragging = canvas.moving.is_some();
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
            if dragging && state.selection.nodes.contains(&node.id) {
                p.x += moving.x;
                p.y += moving.y;
            }
            Some((cam.to_screen(origin, p), radius * zoom * scale))
        })
        .collect();
    let centre_of = |id: &NodeId| geometry.index.get(id).and_then(|&i| centres[i]);

    // Overview: far out or with thousands of nodes in view, links and nodes go into two meshes
    // (no arrowheads, dashes or labels) and only the node under the pointer (and the selection)
    // is interactive, so a frame stays cheap at 10,000 firms.
    let in_view = centres
        .iter()
        .flatten()
        .filter(|(c, _)| rect.contains(*c))
        .count();
    let overview = zoom < OVERVIEW_ZOOM || in_view > OVERVIEW_NODES;
    let mut link_mesh = egui::Mesh::default();
    let mut node_mesh = egui::Mesh::default();

    // Links.
    let pointer = ui.input(|i| i.pointer.hover_pos());
    let mut hovered_link: Option<&LinkId> = None;
    for (link, &(from, to, base_width)) in project.links.values().zip(&geometry.links) {
        let (Some(&Some((a, ra))), Some(&Some((b, rb)))) = (centres.get(from), centres.get(to))
        else {
            continue;
        };
        if !rect.intersects(Rect::from_two_pos(a, b).expand(4.0)) {
            continue;
        }
        let dir = (b - a).normalized();
        if !dir.is_finite() {
            continue;
        }
        if overview {
            let colour = match &highlight {
                Some(h) if !(h.contains(&link.from) && h.contains(&link.to)) => {
                    look.link(link.kind).gamma_multiply(0.12)
                }
                _ => look.link(link.kind).gamma_multiply(0.55),
            };
            push_segment(&mut link_mesh, a, b, 0.8, colour);
            continue;
        }
        let start = a + dir * ra;
        let end = b - dir * (rb + 2.0);
        let width = base_width * zoom.sqrt().clamp(0.4, 1.6) * look.link_width() * scale.sqrt();
        let selected = state.selection.links.contains(&link.id);
        let accent = highlight
            .as_ref()
            .is_some_and(|h| h.links.contains(&link.id));
        let (lit, faded) = match &highlight {
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
        if let Some(t) = opts.flow_time
            && link.kind == LinkKind::Supply
            && !faded
        {
            paint_flow(&painter, start, end, t, base_width, width, look);
        }
        if let Some(p) = pointer
            && distance_to_segment(p, start, end) < 5.0
        {
            hovered_link = Some(&link.id);
        }
    }

    if !link_mesh.is_empty() {
        painter.add(Shape::mesh(link_mesh));
    }
    // Nodes: each is an interactive widget with its name as label, so tests and screen readers
    // find it.
    let mods = ui.input(|i| i.modifiers);
    let extend = mods.shift || mods.command;
    let mut node_hovered = false;
    let mut drop_target: Option<&NodeId> = None;
    for (node, centre) in project.nodes.values().zip(&centres) {
        let Some((c, r)) = *centre else {
            continue;
        };
        let hit = Rect::from_center_size(c, Vec2::splat(2.0 * r.max(6.0)));
        if !rect.intersects(hit) {
            continue;
        }
        let selected = state.selection.nodes.contains(&node.id);
        let fill = colours.fill(colouring, &node.id, node.kind);
        if overview {
            let faded = highlight.as_ref().is_some_and(|h| !h.contains(&node.id));
            let fill = if selected {
                theme::SELECTION
            } else if faded {
                fill.gamma_multiply(look.faded())
            } else {
                fill
            };
            node_mesh.add_colored_rect(
                Rect::from_center_size(c, Vec2::splat((2.0 * r).max(2.0))),
                fill,
            );
            let near_pointer = pointer.is_some_and(|p| hit.expand(2.0).contains(p));
            if !(near_pointer || selected) {
                continue;
            }
        }
        let node_look = NodeLook {
            fill,
            selected,
            faded: highlight.as_ref().is_some_and(|h| !h.contains(&node.id)),
            danger: highlight
                .as_ref()
                .is_some_and(|h| h.danger.contains(&node.id)),
            lit: highlight
                .as_ref()
                .is_some_and(|h| h.nodes.contains(&node.id)),
        };
        if !overview {
            paint_node(&painter, node, c, r, &node_look, look, zoom, scale, lang);
        }
        let resp = ui.interact(
            hit,
            ui.scope_id().with(("node", node.id.as_str())),
            if opts.read_only {
                Sense::click()
            } else {
                Sense::click_and_drag()
            },
        );
        let name = node.name.clone();
        resp.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &name));
        if resp.hovered() {
            node_hovered = true;
            if canvas.linking.is_some() {
                drop_target = Some(&node.id);
            }
        }
        if resp.clicked() && opts.read_only {
            output.clicked_node = Some(node.id.clone());
        } else if resp.clicked() {
            if extend {
                if !state.selection.nodes.remove(&node.id) {
                    state.selection.nodes.insert(node.id.clone());
                }
            } else {
                state.selection.only_node(node.id.clone());
            }
        }
        if resp.drag_started() && !opts.read_only {
            if state.link_tool {
                canvas.linking = Some(node.id.clone());
            } else {
                if !selected {
                    if extend {
                        state.selection.nodes.insert(node.id.clone());
                    } else {
                        state.selection.only_node(node.id.clone());
                    }
                }
                canvas.moving = Some(Vec2::ZERO);
            }
        }
        if resp.dragged()
            && let Some(m) = canvas.moving.as_mut()
        {
            *m += resp.drag_delta() / zoom;
        }
        if resp.drag_stopped()
            && let Some(delta) = canvas.moving.take()
            && delta.length() > 0.0
        {
            queue.edits.push(move_selection(project, state, delta));
        }
        // Built only for the hovered node: thousands of tooltips a frame would cost dearly.
        if resp.hovered() {
            resp.on_hover_text(node_tooltip(node, project, lang));
        }
    }

    if !node_mesh.is_empty() {
        painter.add(Shape::mesh(node_mesh));
    }

    // A drag released where no visible node saw it (over a panel, or the node scrolled out of
    // view) still ends, and still counts.
    if let Some(delta) = canvas.moving
        && ui.input(|i| i.pointer.any_released())
    {
        canvas.moving = None;
        if delta.length() > 0.0 {
            queue.edits.push(move_selection(project, state, delta));
        }
    }

    // The link handle of the single selected node: drag it onto another node to link them.
    if let [only] = state.selection.nodes.iter().collect::<Vec<_>>().as_slice()
        && let Some((c, r)) = centre_of(only)
        && canvas.moving.is_none()
        && !opts.read_only
    {
        let handle = c + vec2(r + 9.0, 0.0);
        let handle_rect = Rect::from_center_size(handle, Vec2::splat(14.0));
        painter.circle(
            handle,
            6.0,
            Color32::WHITE,
            Stroke::new(2.0, theme::SELECTION),
        );
        painter.line_segment(
            [handle - vec2(3.0, 0.0), handle + vec2(3.0, 0.0)],
            Stroke::new(1.5, theme::SELECTION),
        );
        painter.line_segment(
            [handle - vec2(0.0, 3.0), handle + vec2(0.0, 3.0)],
            Stroke::new(1.5, theme::SELECTION),
        );
        let resp = ui.interact(
            handle_rect,
            ui.scope_id().with("link-handle"),
            Sense::drag(),
        );
        resp.widget_info(|| {
            WidgetInfo::labeled(Role::Button, true, lang.pick("连线手柄", "link handle"))
        });
        if resp.drag_started() {
            canvas.linking = Some((*only).clone());
        }
        resp.on_hover_text(lang.pick(
            "拖到另一个节点上创建连线",
            "Drag onto another node to link them",
        ));
    }

    // A link being drawn.
    if let Some(from) = canvas.linking.clone() {
        if let (Some((a, _)), Some(p)) = (centre_of(&from), pointer) {
            painter.add(Shape::dashed_line(
                &[a, p],
                Stroke::new(2.0, theme::SELECTION),
                6.0,
                4.0,
            ));
        }
        if ui.input(|i| i.pointer.any_released()) {
            canvas.linking = None;
            if let (Some(to), Some(p)) = (drop_target, pointer)
                && *to != from
            {
                state.picker = Some(Picker::NewLink {
                    from,
                    to: to.clone(),
                    screen: p,
                });
            }
        }
    }

    // Empty space: pan (drag, middle drag), rubber band (Shift+drag), click to clear, double-click
    // to add a node.
    if bg.drag_started()
        && mods.shift
        && !opts.read_only
        && bg.dragged_by(egui::PointerButton::Primary)
        && let Some(p) = bg.interact_pointer_pos()
    {
        canvas.rubber = Some((p, p));
    }
    if bg.dragged() {
        match canvas.rubber.as_mut() {
            Some((_, end)) => {
                if let Some(p) = bg.interact_pointer_pos() {
                    *end = p;
                }
            }
            None => {
                state.camera.offset += bg.drag_delta();
                canvas.camera_touched = true;
            }
        }
    }
    if let Some((a, b)) = canvas.rubber {
        let band = Rect::from_two_pos(a, b);
        painter.rect(
            band,
            0.0,
            theme::SELECTION.gamma_multiply(0.12),
            Stroke::new(1.0, theme::SELECTION),
            StrokeKind::Inside,
        );
        if bg.drag_stopped() {
            canvas.rubber = None;
            // Shift starts the band; Ctrl/Cmd adds to the selection instead of replacing it.
            if !mods.command {
                state.selection.clear();
            }
            for (node, centre) in project.nodes.values().zip(&centres) {
                if centre.is_some_and(|(c, _)| band.contains(c)) {
                    state.selection.nodes.insert(node.id.clone());
                }
            }
        }
    }
    if bg.clicked() && !node_hovered && opts.read_only {
        output.clicked_empty = true;
    } else if bg.clicked() && !node_hovered {
        match hovered_link {
            Some(id) => {
                if !extend {
                    state.selection.clear();
                }
                state.selection.links.insert(id.clone());
            }
            None if !extend => state.selection.clear(),
            None => {}
        }
    }
    if bg.double_clicked()
        && !opts.read_only
        && let Some(p) = bg.interact_pointer_pos()
    {
        state.picker = Some(Picker::NewNode {
            at: cam.to_canvas(origin, p),
            screen: p,
        });
    }

    if opts.spotlight
        && let Some(p) = pointer
        && rect.contains(p)
    {
        paint_spotlight(&painter, rect, p, 150.0 * scale.sqrt());
    }
    if opts.show_minimap {
        minimap_ui(ui, project, state, canvas, rect);
    }
    if opts.show_legend {
        let reserved = if opts.show_minimap { 220.0 } else { 0.0 };
        paint_legend(&painter, rect, reserved, lang);
    }
    // The colour legend is needed to read the colours, legend strip or not.
    paint_colour_legend(&painter, rect, &colours.legend, lang);
    if state.link_tool && !opts.read_only {
        painter.text(
            rect.center_top() + vec2(0.0, 10.0),
            Align2::CENTER_TOP,
            lang.pick(
                "连线工具:从一个节点拖到另一个节点(L 或 Esc 退出)",
                "Link tool: drag from one node to another (L or Esc to leave)",
            ),
            FontId::proportional(14.0),
            theme::SELECTION,
        );
    }

    // A filter hides nodes: say so where the eye is, with a way out.
    if filtering && !opts.read_only {
        let shown = centres.iter().filter(|c| c.is_some()).count();
        let text = match lang {
            Lang::Zh => format!("筛选中:显示 {shown}/{} 个节点", project.nodes.len()),
            Lang::En => format!("Filtered: {shown} of {} nodes shown", project.nodes.len()),
        };
        let at = rect.center_top() + vec2(0.0, if state.link_tool { 34.0 } else { 10.0 });
        egui::Area::new(ui.scope_id().with("filter-banner"))
            .fixed_pos(at)
            .pivot(Align2::CENTER_TOP)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(text);
                        if ui.button(lang.pick("清除筛选", "Clear filter")).clicked() {
                            state.filter = crate::model::ViewFilter::default();
                        }
                    });
                });
            });
    }

    if !opts.read_only {
        picker_ui(ui, project, state, queue, &lane_of);
    }
    output
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

/// Darkens the canvas outside a circle around `centre`: a ring mesh from the circle out past
/// the corners of the canvas.
fn paint_spotlight(painter: &egui::Painter, rect: Rect, centre: Pos2, radius: f32) {
    let far = radius + rect.size().length() * 2.0;
    let shade = Color32::from_black_alpha(165);
    let steps = 72u32;
    let mut mesh = egui::Mesh::default();
    for i in 0..steps {
        let a = std::f32::consts::TAU * i as f32 / steps as f32;
        let dir = vec2(a.cos(), a.sin());
        mesh.colored_vertex(centre + dir * radius, shade);
        mesh.colored_vertex(centre + dir * far, shade);
    }
    for i in 0..steps {
        let (inner, outer) = (2 * i, 2 * i + 1);
        let (next_inner, next_outer) = (2 * ((i + 1) % steps), 2 * ((i + 1) % steps) + 1);
        mesh.add_triangle(inner, outer, next_outer);
        mesh.add_triangle(inner, next_outer, next_inner);
    }
    painter.add(Shape::mesh(mesh));
    painter.circle_stroke(
        centre,
        radius,
        Stroke::new(2.0, Color32::from_white_alpha(90)),
    );
}

/// `text`, cut with an ellipsis to fit `width` pixels.
fn fit_text(painter: &egui::Painter, text: &str, font: &FontId, width: f32) -> String {
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

/// The edit that moves every selected node by `delta` (canvas units): one drag, one undo step.
fn move_selection(project: &Project, state: &UiState, delta: Vec2) -> Edit {
    let moves = state
        .selection
        .nodes
        .iter()
        .filter_map(|id| {
            let p = project.nodes.get(id)?.position?;
            Some((
                id.clone(),
                Pos {
                    x: p.x + delta.x,
                    y: p.y + delta.y,
                },
            ))
        })
        .collect();
    Edit::MoveNodes(moves)
}

pub use crate::layout::lane_extent;

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t - p).length()
}

fn node_tooltip(node: &Node, project: &Project, lang: Lang) -> String {
    let mut lines = vec![format!(
        "{} ({}) · {}",
        node.name,
        node.id,
        node.kind.label(lang)
    )];
    for stage in &node.stages {
        if let Some((_, s)) = project.stage(stage) {
            lines.push(format!("{}: {}", lang.pick("环节", "stage"), s.name));
        }
    }
    if let Some((year, f)) = node.latest_figures() {
        if let Some(o) = f.output {
            lines.push(format!(
                "{year} {}: {o} {}",
                lang.pick("产值", "output"),
                project.meta.unit
            ));
        }
        if let Some(t) = f.tax {
            lines.push(format!(
                "{year} {}: {t} {}",
                lang.pick("税收", "tax"),
                project.meta.unit
            ));
        }
    }
    if !node.tags.is_empty() {
        lines.push(node.tags.join(" · "));
    }
    lines.join("\n")
}

/// How a node is drawn this frame.
struct NodeLook {
    fill: Color32,
    selected: bool,
    /// Not part of the highlight: drawn pale.
    faded: bool,
    /// Part of the highlight as what breaks.
    danger: bool,
    /// Part of the highlight.
    lit: bool,
}

/// Paints one node: shape and colour by kind (or by measure), label below.
/// `zoom` is the camera's; `scale` makes labels larger (presentations), still cut to the lane.
#[allow(clippy::too_many_arguments)]
fn paint_node(
    painter: &egui::Painter,
    node: &Node,
    c: Pos2,
    r: f32,
    look: &NodeLook,
    canvas_look: CanvasLook,
    zoom: f32,
    scale: f32,
    lang: Lang,
) {
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
        painter.circle_stroke(c, r + 4.0, Stroke::new(2.0, Color32::from_rgb(212, 40, 40)));
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
            lang.pick("园", "P"),
            FontId::proportional(r * 0.9),
            Color32::WHITE,
        );
    }
}

/// The shape of a node kind, used on the canvas and in the legend.
fn paint_shape(
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

/// The legend: a strip along the bottom of the canvas whose items flow into as many rows as
/// the width needs, so it stays small on a small window.
/// `reserved` is the width kept free at the right (the minimap).
fn paint_legend(painter: &egui::Painter, rect: Rect, reserved: f32, lang: Lang) {
    enum Item {
        Node(NodeKind),
        Link(LinkKind),
    }
    let items: Vec<Item> = NodeKind::ALL
        .into_iter()
        .map(Item::Node)
        .chain(LinkKind::ALL.into_iter().map(Item::Link))
        .collect();
    let font = FontId::proportional(12.0);
    let row_h = 18.0;
    let max_w = (rect.width() - 40.0 - reserved).clamp(200.0, 900.0);
    // Lay out first (to size the box), then paint.
    let mut placed = Vec::new();
    let (mut x, mut y, mut widest) = (0.0f32, 0.0f32, 0.0f32);
    for item in &items {
        let label = match item {
            Item::Node(k) => k.label(lang),
            Item::Link(k) => k.label(lang),
        };
        let text_w = painter
            .layout_no_wrap(label.to_owned(), font.clone(), theme::CANVAS_TEXT)
            .size()
            .x;
        let w = 26.0 + text_w + 14.0;
        if x > 0.0 && x + w > max_w {
            x = 0.0;
            y += row_h;
        }
        placed.push((item, label, x, y));
        x += w;
        widest = widest.max(x);
    }
    let size = vec2(widest + 12.0, y + row_h + 10.0);
    let box_rect = Rect::from_min_size(
        pos2(rect.left() + 10.0, rect.bottom() - size.y - 10.0),
        size,
    );
    painter.rect(
        box_rect,
        6.0,
        Color32::from_rgba_unmultiplied(255, 255, 255, 230),
        Stroke::new(1.0, Color32::from_gray(205)),
        StrokeKind::Inside,
    );
    for (item, label, x, y) in placed {
        let origin = box_rect.min + vec2(6.0 + x, 5.0 + y + row_h / 2.0);
        match item {
            Item::Node(kind) => {
                paint_shape(
                    painter,
                    *kind,
                    origin + vec2(9.0, 0.0),
                    5.5,
                    theme::node_fill(*kind),
                    Stroke::NONE,
                );
            }
            Item::Link(kind) => {
                let stroke = Stroke::new(2.0, theme::link_colour(*kind));
                let (a, b) = (origin, origin + vec2(20.0, 0.0));
                match theme::link_dash(*kind) {
                    None => {
                        painter.line_segment([a, b], stroke);
                    }
                    Some((d, g)) => {
                        painter.extend(Shape::dashed_line(&[a, b], stroke, d.min(6.0), g.min(3.0)));
                    }
                }
            }
        }
        painter.text(
            origin + vec2(26.0, 0.0),
            Align2::LEFT_CENTER,
            label,
            font.clone(),
            theme::CANVAS_TEXT,
        );
    }
}

/// The colour legend of a colouring other than by kind, at the top right: a ramp for a measure,
/// swatches for categories.
fn paint_colour_legend(painter: &egui::Painter, rect: Rect, legend: &Legend, lang: Lang) {
    let (title, rows) = match legend {
        Legend::None => return,
        Legend::Ramp { title, .. } => (title, 2.0),
        Legend::Categories { title, items } => (title, (items.len() as f32 / 2.0).ceil()),
    };
    let size = vec2(240.0, 30.0 + rows * 18.0 + 6.0);
    let box_rect = Rect::from_min_size(pos2(rect.right() - size.x - 10.0, rect.top() + 10.0), size);
    painter.rect(
        box_rect,
        6.0,
        Color32::from_rgba_unmultiplied(255, 255, 255, 235),
        Stroke::new(1.0, Color32::from_gray(200)),
        StrokeKind::Inside,
    );
    painter.text(
        box_rect.min + vec2(8.0, 5.0),
        Align2::LEFT_TOP,
        title,
        FontId::proportional(13.0),
        theme::CANVAS_TEXT,
    );
    let font = FontId::proportional(11.5);
    match legend {
        Legend::None => {}
        Legend::Ramp { empty, .. } => {
            let bar =
                Rect::from_min_size(box_rect.min + vec2(8.0, 26.0), vec2(size.x - 16.0, 10.0));
            let steps = 40;
            for i in 0..steps {
                let x0 = bar.left() + bar.width() * i as f32 / steps as f32;
                let x1 = bar.left() + bar.width() * (i + 1) as f32 / steps as f32;
                painter.rect_filled(
                    Rect::from_x_y_ranges(x0..=x1, bar.y_range()),
                    0.0,
                    ramp(i as f32 / (steps - 1) as f32),
                );
            }
            painter.text(
                bar.left_bottom() + vec2(0.0, 2.0),
                Align2::LEFT_TOP,
                lang.pick("低", "low"),
                font.clone(),
                theme::CANVAS_TEXT,
            );
            painter.text(
                bar.right_bottom() + vec2(0.0, 2.0),
                Align2::RIGHT_TOP,
                lang.pick("高(最大值)", "high (largest)"),
                font.clone(),
                theme::CANVAS_TEXT,
            );
            painter.text(
                bar.left_bottom() + vec2(0.0, 18.0),
                Align2::LEFT_TOP,
                if *empty {
                    lang.pick("无数据", "no values")
                } else {
                    lang.pick("灰色:无数据", "grey: no value")
                },
                font,
                Color32::from_gray(120),
            );
        }
        Legend::Categories { items, .. } => {
            for (i, (label, colour)) in items.iter().enumerate() {
                let at = box_rect.min
                    + vec2(
                        8.0 + (i % 2) as f32 * 116.0,
                        30.0 + (i / 2) as f32 * 18.0 + 7.0,
                    );
                painter.rect_filled(
                    Rect::from_center_size(at + vec2(6.0, 0.0), Vec2::splat(11.0)),
                    2.0,
                    *colour,
                );
                painter.text(
                    at + vec2(17.0, 0.0),
                    Align2::LEFT_CENTER,
                    label,
                    font.clone(),
                    theme::CANVAS_TEXT,
                );
            }
        }
    }
}

/// The minimap: every node as a dot, the part on screen as a frame; click or drag in it to look
/// elsewhere.
fn minimap_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut UiState,
    canvas: &mut CanvasState,
    rect: Rect,
) {
    let Some(bounds) = bounds(project) else {
        return;
    };
    let bounds = bounds.expand(LANE_WIDTH / 2.0);
    let size = vec2(200.0, 120.0);
    let mini = Rect::from_min_size(rect.right_bottom() - size - vec2(10.0, 10.0), size);
    let scale = (size.x / bounds.width()).min(size.y / bounds.height());
    let inner = Rect::from_center_size(mini.center(), bounds.size() * scale);
    let to_mini = |p: Pos2| inner.min + (p - bounds.min) * scale;
    let painter = ui.painter_at(rect);
    painter.rect(
        mini,
        4.0,
        Color32::from_rgba_unmultiplied(255, 255, 255, 225),
        Stroke::new(1.0, Color32::from_gray(190)),
        StrokeKind::Inside,
    );
    // The dots only change with the project or the canvas size: built once, then shared.
    let key = (canvas.geometry.key, mini);
    let dots = match &canvas.minimap {
        Some((k, mesh)) if *k == key => mesh.clone(),
        _ => {
            let mut dots = egui::Mesh::default();
            let mut seen = std::collections::HashSet::new();
            for node in project.nodes.values() {
                if let Some(p) = node.position {
                    let at = to_mini(pos2(p.x, p.y));
                    // One dot per pixel is all a minimap can show.
                    if seen.insert((at.x as i32, at.y as i32)) {
                        dots.add_colored_rect(
                            Rect::from_center_size(at, Vec2::splat(2.0)),
                            theme::node_fill(node.kind),
                        );
                    }
                }
            }
            let mesh = std::sync::Arc::new(dots);
            canvas.minimap = Some((key, mesh.clone()));
            mesh
        }
    };
    painter.add(Shape::mesh(dots));
    let origin = rect.min;
    let cam = state.camera;
    let seen_min = cam.to_canvas(origin, rect.min);
    let seen_max = cam.to_canvas(origin, rect.max);
    let seen = Rect::from_min_max(
        to_mini(pos2(seen_min.x, seen_min.y)),
        to_mini(pos2(seen_max.x, seen_max.y)),
    )
    .intersect(mini);
    painter.rect_stroke(
        seen,
        1.0,
        Stroke::new(1.5, theme::SELECTION),
        StrokeKind::Inside,
    );
    let lang = state.lang();
    let resp = ui.interact(mini, ui.scope_id().with("minimap"), Sense::click_and_drag());
    resp.widget_info(|| WidgetInfo::labeled(Role::Image, true, lang.pick("小地图", "minimap")));
    if (resp.clicked() || resp.dragged())
        && let Some(p) = resp.interact_pointer_pos()
    {
        let target = bounds.min + (p - inner.min) / scale;
        state.camera.offset = rect.size() / 2.0 - target.to_vec2() * state.camera.zoom;
        canvas.camera_touched = true;
    }
}

/// The node and link kind pickers.
fn picker_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut UiState,
    queue: &mut Queue,
    lane_of: &BTreeMap<&StageId, &Lane>,
) {
    let Some(picker) = state.picker.clone() else {
        return;
    };
    let lang = state.lang();
    let screen = match &picker {
        Picker::NewNode { screen, .. } | Picker::NewLink { screen, .. } => *screen,
    };
    let mut done = false;
    let area = egui::Area::new(ui.scope_id().with("picker"))
        .order(egui::Order::Foreground)
        .fixed_pos(screen)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(160.0);
                match &picker {
                    Picker::NewNode { at, .. } => {
                        ui.label(egui::RichText::new(lang.pick("添加节点", "Add node")).strong());
                        // The lane under the point gives the stage.
                        let stage = lane_of
                            .values()
                            .find(|l| (at.x - l.center_x).abs() <= LANE_WIDTH / 2.0)
                            .map(|l| l.stage.clone());
                        for kind in NodeKind::ALL {
                            if ui.button(kind.label(lang)).clicked() {
                                let id = fresh_node_id(project, &BTreeSet::new());
                                let mut node = Node {
                                    name: format!(
                                        "{}{}",
                                        lang.pick("新", "New "),
                                        kind.label(lang)
                                    ),
                                    id: id.clone(),
                                    kind,
                                    position: Some(*at),
                                    ..Node::default()
                                };
                                if kind.is_enterprise_like()
                                    && let Some(s) = &stage
                                {
                                    node.stages = vec![s.clone()];
                                }
                                queue.edits.push(Edit::AddNode(node));
                                state.selection.only_node(id);
                                done = true;
                            }
                        }
                    }
                    Picker::NewLink { from, to, .. } => {
                        ui.label(egui::RichText::new(lang.pick("连线类型", "Link kind")).strong());
                        let (Some(a), Some(b)) = (project.nodes.get(from), project.nodes.get(to))
                        else {
                            done = true;
                            return;
                        };
                        let allowed: Vec<LinkKind> = LinkKind::ALL
                            .into_iter()
                            .filter(|k| link_endpoints_ok(*k, a.kind, b.kind))
                            .collect();
                        if allowed.is_empty() {
                            ui.colored_label(
                                theme::ERROR,
                                lang.pick(
                                    "这两类节点之间不能连线",
                                    "These kinds of node cannot be linked",
                                ),
                            );
                        }
                        for kind in allowed {
                            let button = egui::Button::new(kind.label(lang))
                                .selected(kind == LinkKind::Supply);
                            let enter = kind == LinkKind::Supply
                                && ui.input(|i| i.key_pressed(egui::Key::Enter));
                            if ui.add(button).clicked() || enter {
                                let id = fresh_link_id(project, &BTreeSet::new());
                                queue.edits.push(Edit::AddLink(Link {
                                    id: id.clone(),
                                    kind,
                                    from: from.clone(),
                                    to: to.clone(),
                                    ..Link::default()
                                }));
                                state.selection.clear();
                                state.selection.links.insert(id);
                                done = true;
                            }
                        }
                    }
                }
                ui.separator();
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    done = true;
                }
            });
        });
    let clicked_elsewhere = ui.input(|i| i.pointer.any_pressed())
        && !area.response.contains_pointer()
        && ui
            .input(|i| i.pointer.press_origin())
            .is_some_and(|p| !area.response.rect.contains(p));
    if done || clicked_elsewhere {
        state.picker = None;
    }
}
