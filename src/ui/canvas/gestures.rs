//! What the user does on the canvas, turned into UI-state changes and queued edits: wheel and
//! pinch zoom, panning, clicking and Shift/Ctrl-clicking nodes and links, dragging the
//! selection (one `Edit::MoveNodes` on release), rubber-band selection, drawing a link from a
//! node's handle and double-clicking to add a node (both finish in a picker).
//! Gestures never change the project: edits go to the queue.

use super::context_menu::{self, MenuTarget};
use super::nodes::NodesSeen;
use super::{CanvasFrame, CanvasOutput, CanvasState};
use crate::edit::Edit;
use crate::model::{NodeId, Pos, Project};
use crate::ui::state::{Picker, Queue, UiState};
use crate::ui::theme;
use egui::{Color32, Pos2, Rect, Response, Sense, Shape, Stroke, StrokeKind, Vec2, WidgetInfo};
use egui::{Role, vec2};

/// A gesture in progress, across frames.
#[derive(Debug, Default)]
pub(super) struct Gesture {
    /// Canvas offset of the selection being dragged.
    pub moving: Option<Vec2>,
    /// Rubber-band corners (screen).
    pub rubber: Option<(Pos2, Pos2)>,
    /// A link being drawn from this node, to the pointer.
    pub linking: Option<NodeId>,
}

/// Zoom at the cursor: wheel, pinch, Ctrl+wheel.
pub(super) fn wheel_zoom(ui: &egui::Ui, rect: Rect, state: &mut UiState, canvas: &mut CanvasState) {
    if let Some(hover) = ui.input(|i| i.pointer.hover_pos())
        && rect.contains(hover)
        && ui.ui_contains_pointer()
    {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll * 0.0015).exp();
        if (factor - 1.0).abs() > 1e-4 {
            state.camera.zoom_at(rect.min, hover, factor);
            canvas.touch_camera();
        }
    }
}

/// A node's clicks and drags: a click selects it (Shift or Ctrl toggles it), a drag moves the
/// selection (or draws a link with the link tool). Read-only canvases only report clicks, which
/// their caller handles.
pub(super) fn on_node(
    resp: &Response,
    id: &NodeId,
    selected: bool,
    frame: &CanvasFrame<'_>,
    state: &mut UiState,
    canvas: &mut CanvasState,
    queue: &mut Queue,
) {
    let read_only = frame.opts.read_only;
    let extend = || resp.ctx.input(|i| i.modifiers.shift || i.modifiers.command);
    // "Link to…" waits for this click: the other end, then the kind.
    if let Some(Picker::LinkTarget { from }) = &state.picker
        && resp.clicked()
        && !read_only
    {
        if from != id
            && let Some(p) = resp.interact_pointer_pos()
        {
            state.picker = Some(Picker::NewLink {
                from: from.clone(),
                to: id.clone(),
                screen: p,
            });
        }
        return;
    }
    if resp.clicked() && !read_only {
        if extend() {
            if !state.selection.nodes.remove(id) {
                state.selection.nodes.insert(id.clone());
            }
        } else {
            state.selection.only_node(id.clone());
        }
    }
    let gesture = &mut canvas.gesture;
    if resp.drag_started() && !read_only {
        if state.link_tool {
            gesture.linking = Some(id.clone());
        } else {
            if !selected {
                if extend() {
                    state.selection.nodes.insert(id.clone());
                } else {
                    state.selection.only_node(id.clone());
                }
            }
            gesture.moving = Some(Vec2::ZERO);
        }
    }
    if resp.dragged()
        && let Some(m) = gesture.moving.as_mut()
    {
        *m += resp.drag_delta() / frame.screen.zoom();
    }
    if resp.drag_stopped()
        && let Some(delta) = gesture.moving.take()
        && delta.length() > 0.0
    {
        queue
            .edits
            .push(move_selection(frame.project, state, delta));
    }
}

/// A drag released where no visible node saw it (over a panel, or the node scrolled out of
/// view) still ends, and still counts.
pub(super) fn finish_stray_drag(
    ui: &egui::Ui,
    project: &Project,
    state: &UiState,
    canvas: &mut CanvasState,
    queue: &mut Queue,
) {
    if let Some(delta) = canvas.gesture.moving
        && ui.input(|i| i.pointer.any_released())
    {
        canvas.gesture.moving = None;
        if delta.length() > 0.0 {
            queue.edits.push(move_selection(project, state, delta));
        }
    }
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

/// The link handle of the single selected node: drag it onto another node to link them.
pub(super) fn link_handle_ui(
    ui: &egui::Ui,
    frame: &CanvasFrame<'_>,
    state: &UiState,
    canvas: &mut CanvasState,
) {
    let [only] = state.selection.nodes.iter().collect::<Vec<_>>()[..] else {
        return;
    };
    let Some((c, r)) = frame.screen.centre_of(&canvas.geometry, only) else {
        return;
    };
    if canvas.gesture.moving.is_some() || frame.opts.read_only {
        return;
    }
    let painter = &frame.painter;
    let lang = frame.lang;
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
        canvas.gesture.linking = Some(only.clone());
    }
    if state.picker.is_none() && !canvas.menu_open() {
        resp.on_hover_text(lang.pick(
            "拖到另一个节点上创建连线",
            "Drag onto another node to link them",
        ));
    }
}

/// A link being drawn: a dashed line to the pointer; released over another node, the link kind
/// picker opens.
pub(super) fn linking_ui(
    ui: &egui::Ui,
    frame: &CanvasFrame<'_>,
    state: &mut UiState,
    canvas: &mut CanvasState,
    drop_target: Option<&NodeId>,
) {
    if let Some(Picker::LinkTarget { from }) = &state.picker {
        // "Link to…": a dashed line follows the pointer until the other end is clicked.
        dashed_to_pointer(frame, canvas, from);
        return;
    }
    let Some(from) = canvas.gesture.linking.clone() else {
        return;
    };
    let pointer = frame.screen.pointer;
    dashed_to_pointer(frame, canvas, &from);
    if ui.input(|i| i.pointer.any_released()) {
        canvas.gesture.linking = None;
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

/// The line of a link being drawn, from its first end to the pointer.
fn dashed_to_pointer(frame: &CanvasFrame<'_>, canvas: &CanvasState, from: &NodeId) {
    let pointer = frame.screen.pointer;
    if let (Some((a, _)), Some(p)) = (frame.screen.centre_of(&canvas.geometry, from), pointer) {
        frame.painter.add(Shape::dashed_line(
            &[a, p],
            Stroke::new(2.0, theme::SELECTION),
            6.0,
            4.0,
        ));
    }
}

/// Empty space: pan (drag, middle drag), rubber band (Shift+drag), click to select a link or
/// clear the selection (or to give up "Link to…"), double-click to add a node, right-click for
/// the menu of the link under the pointer or of the empty space.
pub(super) fn background(
    bg: &Response,
    frame: &CanvasFrame<'_>,
    nodes: &NodesSeen<'_>,
    state: &mut UiState,
    canvas: &mut CanvasState,
    output: &mut CanvasOutput,
) {
    let mods = bg.ctx.input(|i| i.modifiers);
    let read_only = frame.opts.read_only;
    rubber_band(bg, frame, mods, state, canvas);
    let hovered_link = || {
        frame
            .screen
            .pointer
            .and_then(|p| frame.screen.link_at(frame.project, &canvas.geometry, p))
            .cloned()
    };
    if bg.secondary_clicked()
        && !nodes.hovered
        && !read_only
        && let Some(p) = bg.interact_pointer_pos()
    {
        let target = match hovered_link() {
            Some(id) => MenuTarget::Link(id),
            None => MenuTarget::Empty(frame.screen.cam.to_canvas(frame.screen.origin(), p)),
        };
        context_menu::open(target, p, state, canvas);
        return;
    }
    if bg.clicked() && matches!(state.picker, Some(Picker::LinkTarget { .. })) {
        state.picker = None;
        return;
    }
    if bg.clicked() && !nodes.hovered && read_only {
        output.clicked_empty = true;
    } else if bg.clicked() && !nodes.hovered {
        let extend = mods.shift || mods.command;
        match hovered_link() {
            Some(id) => {
                if !extend {
                    state.selection.clear();
                }
                state.selection.links.insert(id);
            }
            None if !extend => state.selection.clear(),
            None => {}
        }
    }
    if bg.double_clicked()
        && !read_only
        && let Some(p) = bg.interact_pointer_pos()
    {
        state.picker = Some(Picker::NewNode {
            at: frame.screen.cam.to_canvas(frame.screen.origin(), p),
            screen: p,
        });
    }
}

/// A drag on empty space: with Shift a rubber band that selects the nodes inside it on release
/// (Ctrl/Cmd adds them to the selection), otherwise a pan.
fn rubber_band(
    bg: &Response,
    frame: &CanvasFrame<'_>,
    mods: egui::Modifiers,
    state: &mut UiState,
    canvas: &mut CanvasState,
) {
    if bg.drag_started()
        && mods.shift
        && !frame.opts.read_only
        && bg.dragged_by(egui::PointerButton::Primary)
        && let Some(p) = bg.interact_pointer_pos()
    {
        // The drag is recognised only once the pointer has moved a little: the band starts where
        // the button went down, or the nodes the user started it beside would be left out.
        let origin = bg.ctx.input(|i| i.pointer.press_origin()).unwrap_or(p);
        canvas.gesture.rubber = Some((origin, p));
    }
    if bg.dragged() {
        match canvas.gesture.rubber.as_mut() {
            Some((_, end)) => {
                if let Some(p) = bg.interact_pointer_pos() {
                    *end = p;
                }
            }
            None => {
                state.camera.offset += bg.drag_delta();
                canvas.touch_camera();
            }
        }
    }
    let Some((a, b)) = canvas.gesture.rubber else {
        return;
    };
    let band = Rect::from_two_pos(a, b);
    frame.painter.rect(
        band,
        0.0,
        theme::SELECTION.gamma_multiply(0.12),
        Stroke::new(1.0, theme::SELECTION),
        StrokeKind::Inside,
    );
    if bg.drag_stopped() {
        canvas.gesture.rubber = None;
        // Shift starts the band; Ctrl/Cmd adds to the selection instead of replacing it.
        if !mods.command {
            state.selection.clear();
        }
        for id in frame.screen.nodes_in(frame.project, band) {
            state.selection.nodes.insert(id.clone());
        }
    }
}
