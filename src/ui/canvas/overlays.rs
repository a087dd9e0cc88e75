//! What is drawn over the graph: the spotlight, the minimap (click or drag in it to look
//! elsewhere; only on a map large enough to spare the room), and the banners for the link tool
//! and an active filter. The legend has a band of its own below the map (`legend`).

use super::camera::bounds;
use super::lanes::LANE_WIDTH;
use super::{CanvasFrame, CanvasState};
use crate::i18n::Lang;
use crate::model::Project;
use crate::ui::state::UiState;
use crate::ui::theme;
use egui::{
    Align2, Color32, FontId, Pos2, Rect, Role, Sense, Shape, Stroke, StrokeKind, Vec2, WidgetInfo,
    pos2, vec2,
};
use std::sync::Arc;

/// Where the minimap goes this frame, if it shows: asked for, on a map large enough to spare
/// the room, and with some of the graph out of view (with all of it in view it would show
/// nothing new, over the map's corner).
pub(super) fn minimap_rect(frame: &CanvasFrame<'_>) -> Option<Rect> {
    let rect = frame.screen.rect;
    if !(frame.opts.show_minimap && minimap_fits(rect)) {
        return None;
    }
    let graph = bounds(frame.project)?;
    let (cam, origin) = (frame.screen.cam, frame.screen.origin());
    let corner = |p: Pos2| cam.to_screen(origin, crate::model::Pos { x: p.x, y: p.y });
    let on_screen = Rect::from_two_pos(corner(graph.min), corner(graph.max));
    if rect.contains_rect(on_screen) {
        return None;
    }
    Some(Rect::from_min_size(
        rect.right_bottom() - MINIMAP_SIZE - vec2(10.0, 10.0),
        MINIMAP_SIZE,
    ))
}

/// Everything over the graph, in the order it stacks.
pub(super) fn overlays_ui(
    ui: &egui::Ui,
    frame: &CanvasFrame<'_>,
    state: &mut UiState,
    canvas: &mut CanvasState,
) {
    let (opts, rect, lang) = (frame.opts, frame.screen.rect, frame.lang);
    if opts.spotlight
        && let Some(p) = frame.screen.pointer
        && rect.contains(p)
    {
        paint_spotlight(&frame.painter, rect, p, 150.0 * frame.screen.scale.sqrt());
    }
    if minimap_rect(frame).is_some() {
        minimap_ui(ui, frame.project, state, canvas, rect);
    }
    // The legend (kinds and colouring) in its band below the map.
    let band = frame.legend_band;
    if band.height() > 0.0 {
        frame.legend.paint(&ui.painter_at(band), band);
        let resp = ui.interact(band, ui.scope_id().with("legend"), Sense::hover());
        resp.widget_info(|| WidgetInfo::labeled(Role::Legend, true, lang.pick("图例", "legend")));
    }
    if state.link_tool && !opts.read_only {
        frame.painter.text(
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
    if !state.filter.is_empty() && !opts.read_only {
        filter_banner(ui, frame, state);
    }
}

/// A filter hides nodes: say so where the eye is, with a way out.
fn filter_banner(ui: &egui::Ui, frame: &CanvasFrame<'_>, state: &mut UiState) {
    let (shown, total) = (frame.screen.shown(), frame.project.nodes.len());
    let lang = frame.lang;
    let text = match lang {
        Lang::Zh => format!("筛选中:显示 {shown}/{total} 个节点"),
        Lang::En => format!("Filtered: {shown} of {total} nodes shown"),
    };
    let at = frame.screen.rect.center_top() + vec2(0.0, if state.link_tool { 34.0 } else { 10.0 });
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

/// The smallest map (width, height) the minimap is drawn over: below it, the minimap would hide
/// too much of the map it stands for.
pub const MINIMAP_MIN_MAP: Vec2 = vec2(700.0, 420.0);

/// Size of the minimap.
const MINIMAP_SIZE: Vec2 = vec2(200.0, 120.0);

fn minimap_fits(map: Rect) -> bool {
    map.width() >= MINIMAP_MIN_MAP.x && map.height() >= MINIMAP_MIN_MAP.y
}

/// The minimap: every node as a dot, the part on screen as a frame; click or drag in it to look
/// elsewhere.
fn minimap_ui(
    ui: &egui::Ui,
    project: &Project,
    state: &mut UiState,
    canvas: &mut CanvasState,
    rect: Rect,
) {
    let Some(bounds) = bounds(project) else {
        return;
    };
    let bounds = bounds.expand(LANE_WIDTH / 2.0);
    let size = MINIMAP_SIZE;
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
            let mesh = Arc::new(dots);
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
        canvas.fitted.touch();
    }
}
