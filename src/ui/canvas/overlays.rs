//! What is drawn over the graph: the spotlight, the minimap (click or drag in it to look
//! elsewhere), the legend strip of node and link kinds, the colour legend of a measure, and the
//! banners for the link tool and an active filter.

use super::camera::bounds;
use super::lanes::LANE_WIDTH;
use super::paint::paint_shape;
use super::{CanvasFrame, CanvasState};
use crate::i18n::Lang;
use crate::model::{LinkKind, NodeKind, Project};
use crate::ui::colouring::{Legend, ramp};
use crate::ui::state::UiState;
use crate::ui::theme;
use egui::{
    Align2, Color32, FontId, Pos2, Rect, Role, Sense, Shape, Stroke, StrokeKind, Vec2, WidgetInfo,
    pos2, vec2,
};
use std::sync::Arc;

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
    if opts.show_minimap {
        minimap_ui(ui, frame.project, state, canvas, rect);
    }
    // Nothing drawn, nothing to explain: an empty project shows its next steps, not a key.
    if opts.show_legend && !frame.project.nodes.is_empty() {
        let reserved = if opts.show_minimap { 220.0 } else { 0.0 };
        paint_legend(&frame.painter, rect, reserved, lang);
    }
    // The colour legend is needed to read the colours, legend strip or not.
    paint_colour_legend(&frame.painter, rect, &frame.colours.legend, lang);
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

/// The legend: a strip along the bottom of the canvas whose items flow into as many rows as
/// the width needs, so it stays small on a small window.
/// `reserved` is the width kept free at the right (the minimap).
fn paint_legend(painter: &egui::Painter, rect: Rect, reserved: f32, lang: Lang) {
    enum Item {
        Node(NodeKind),
        /// The red ring of a firm tagged 链主.
        LeaderRing,
        Link(LinkKind),
    }
    let items: Vec<Item> = NodeKind::ALL
        .into_iter()
        .map(Item::Node)
        .chain([Item::LeaderRing])
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
            Item::LeaderRing => lang.pick("链主", "Chain leader"),
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
            Item::LeaderRing => {
                let c = origin + vec2(9.0, 0.0);
                let fill = theme::node_fill(NodeKind::Enterprise);
                paint_shape(painter, NodeKind::Enterprise, c, 4.0, fill, Stroke::NONE);
                painter.circle_stroke(c, 7.0, Stroke::new(1.8, theme::LEADER_RING));
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
