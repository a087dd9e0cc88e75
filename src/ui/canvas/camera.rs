//! Where the canvas looks: the graph's bounds, the camera that fits an area into a window, and
//! the requests that move the camera without a gesture (fit the view, centre on a node, keep the
//! untouched first view fitted while the window settles in size).

use crate::model::Project;
use crate::ui::state::{Camera, UiState};
use egui::{Rect, Vec2, pos2, vec2};

pub use crate::layout::LANE_WIDTH;

/// Whether the view still follows the window: fitted at the start, until the user moves it.
#[derive(Debug, Default)]
pub(super) struct Fitted {
    /// The canvas size the view was last fitted to.
    size: Option<Vec2>,
    /// The user has panned or zoomed since the last fit: window resizes no longer refit.
    touched: bool,
}

impl Fitted {
    /// The camera was moved by the user or a command.
    pub fn touch(&mut self) {
        self.touched = true;
    }
}

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
pub fn camera_showing(area: Rect, size: Vec2, max_zoom: f32) -> Camera {
    let zoom = (size.x / area.width().max(1.0))
        .min(size.y / area.height().max(1.0))
        .clamp(Camera::MIN_ZOOM, max_zoom);
    Camera {
        zoom,
        offset: size / 2.0 - area.center().to_vec2() * zoom,
    }
}

/// Fits the view on request, and keeps the untouched first view fitted while the window settles
/// in size; centres on the node a panel asked to see.
pub(super) fn follow_requests(
    project: &Project,
    state: &mut UiState,
    fitted: &mut Fitted,
    rect: Rect,
) {
    let resized = fitted.size != Some(rect.size());
    if state.fit_requested || (resized && !fitted.touched) {
        fit(project, state, rect);
        fitted.size = Some(rect.size());
        fitted.touched = false;
        state.fit_requested = false;
    }
    if let Some(id) = state.focus_request.take()
        && let Some(p) = project.nodes.get(&id).and_then(|n| n.position)
    {
        fitted.touched = true;
        state.camera.offset = rect.size() / 2.0 - vec2(p.x, p.y) * state.camera.zoom;
    }
}
