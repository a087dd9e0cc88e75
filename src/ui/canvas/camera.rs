//! Where the canvas looks: the graph's bounds, the camera that fits an area into a window, and
//! the requests that move the camera without a gesture (fit the view, centre on a node, frame a
//! few nodes at a zoom where their names can be read, keep the untouched first view fitted while
//! the window settles in size). Framing glides there, like the presentation's steps, unless
//! motion is reduced.

use crate::model::{NodeId, Project};
use crate::ui::present::glide_camera;
use crate::ui::state::{Camera, FrameRequest, UiState};
use egui::{Rect, Vec2, pos2, vec2};

pub use crate::layout::LANE_WIDTH;

/// The zoom framing aims for. Labels are drawn from `LABEL_MIN_ZOOM` (0.35) on, but there they
/// are 9 px and cut to a few characters; at this zoom they are 10 px and a lane holds a name of
/// a dozen Chinese characters.
pub const READABLE_ZOOM: f32 = 0.65;

/// From this zoom on, the names of a chain laid out in lanes mostly find room (labels are 11 px
/// at least; a lane is 240 units, about 100 px here): the first view zooms out no further
/// unless the whole chain fits.
pub const NAMES_ZOOM: f32 = 0.4;

/// Framing a few nodes zooms in no further than this (one node would fill the window).
const FRAME_MAX_ZOOM: f32 = 1.0;

/// How long a framing glide takes (seconds), as between presentation steps.
const GLIDE_SECONDS: f64 = 0.35;

/// A camera move in progress.
#[derive(Debug, Clone, Copy)]
pub(super) struct Glide {
    from: Camera,
    to: Camera,
    start: f64,
}

/// Whether the view still follows the window: fitted at the start, until the user moves it.
#[derive(Debug, Default)]
pub(super) struct Fitted {
    /// The canvas size the view was last fitted to.
    size: Option<Vec2>,
    /// The last fit showed the whole graph (Fit to View) rather than the reading view.
    whole: bool,
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

/// The area a fit onto a canvas of `size` shows: every placed node, half a lane more each side
/// for labels, and room above the lanes for their header row, which keeps its height on screen
/// however far out (so the room it needs in canvas units grows as the zoom falls).
fn fit_area(project: &Project, size: Vec2) -> Option<Rect> {
    let area = bounds(project)?.expand2(vec2(LANE_WIDTH * 0.6, 120.0));
    if crate::layout::lane_columns(project).is_empty() {
        return Some(area);
    }
    let (lanes_top, _) = crate::layout::lane_extent(project);
    let with_row = |zoom: f32| {
        let row_top = lanes_top - super::header_room(zoom, 1.0) / zoom - 8.0 / zoom;
        area.with_min_y(area.min.y.min(row_top))
    };
    // Twice: the room taken lowers the zoom a little, which asks for a little more room.
    let first = with_row(camera_showing(area, size, 1.5).zoom);
    Some(with_row(camera_showing(first, size, 1.5).zoom))
}

/// Sets the camera so the whole graph fits `rect`.
pub fn fit(project: &Project, state: &mut UiState, rect: Rect) {
    fit_with(project, None, state, rect);
}

/// [`fit`], the area widened to take in `also` (canvas units) too: the reference chain's ghost
/// lanes beside the chain.
fn fit_with(project: &Project, also: Option<Rect>, state: &mut UiState, rect: Rect) {
    let area = match (fit_area(project, rect.size()), also) {
        (Some(area), Some(also)) => Some(area.union(also)),
        (area, _) => area,
    };
    state.camera = match area {
        Some(area) => camera_showing(area, rect.size(), 1.5),
        None => lanes_camera(project, rect.size()).unwrap_or_default(),
    };
}

/// The first view of a chain on a canvas of `size`: the whole chain when its names can be read
/// that way (`NAMES_ZOOM` or closer); else its height fitted, from the first stage on, and the
/// rest a pan sideways away (the minimap shows where); when even the height does not fit at
/// `NAMES_ZOOM`, the top left at that zoom. Never zoomed in past `READABLE_ZOOM` to fit a
/// height: a wide, flat chain shows more lanes instead. Lanes alone when no firm is placed.
pub fn reading_camera(project: &Project, size: Vec2) -> Camera {
    let Some(area) = fit_area(project, size) else {
        return lanes_camera(project, size).unwrap_or_default();
    };
    let whole = camera_showing(area, size, 1.5);
    if whole.zoom >= NAMES_ZOOM {
        return whole;
    }
    let zoom = (size.y / area.height().max(1.0)).clamp(NAMES_ZOOM, READABLE_ZOOM);
    let left = area.left() * zoom;
    let top = if area.height() * zoom <= size.y {
        // Centred in the height.
        area.center().y * zoom - size.y / 2.0
    } else {
        area.top() * zoom
    };
    Camera {
        zoom,
        offset: vec2(-left, -top),
    }
}

/// With stages but no firm placed yet there is nothing to fit: show the lanes instead, from the
/// first, headers at the top, at 100 % or less when they are many.
fn lanes_camera(project: &Project, size: Vec2) -> Option<Camera> {
    let columns = crate::layout::lane_columns(project);
    let (first, last) = (columns.first()?.1, columns.last()?.1);
    let (top, _) = crate::layout::lane_extent(project);
    // The header sits above the lane's top; a few rows of room for the first firms below.
    let area = Rect::from_min_max(
        pos2(first - LANE_WIDTH * 0.6, top - 60.0),
        pos2(last + LANE_WIDTH * 0.6, top + 360.0),
    );
    let mut camera = camera_showing(area, size, 1.0);
    // Top-aligned rather than centred: the lanes hang from the top of the canvas.
    camera.offset.y = -area.top() * camera.zoom;
    Some(camera)
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

/// The camera that shows `request` on a canvas of `size`: every node with room for its label,
/// at `READABLE_ZOOM` or closer; when they do not all fit at that zoom, the first in the middle.
/// `None` when there is nothing placed to show.
pub fn camera_framing(project: &Project, request: &FrameRequest, size: Vec2) -> Option<Camera> {
    let placed: Vec<egui::Pos2> = request
        .nodes
        .iter()
        .filter_map(|id| project.nodes.get(id)?.position)
        .map(|p| pos2(p.x, p.y))
        .collect();
    let Some(&main) = placed.first() else {
        // Nothing placed (a missing stage has no firms): the top of the stage's lane.
        let stage = request.stage.as_ref()?;
        let x = crate::layout::lane_columns(project)
            .into_iter()
            .find(|(s, _, _)| s == stage)?
            .1;
        let (top, _) = crate::layout::lane_extent(project);
        return Some(centred(pos2(x, top + 120.0), READABLE_ZOOM, size));
    };
    let area = Rect::from_points(&placed)
        // Half a lane each side for the labels, the header above and a label below.
        .expand2(vec2(LANE_WIDTH * 0.5, 0.0))
        .with_min_y(placed.iter().map(|p| p.y).fold(f32::MAX, f32::min) - 60.0)
        .with_max_y(placed.iter().map(|p| p.y).fold(f32::MIN, f32::max) + 60.0);
    let fitted = camera_showing(area, size, FRAME_MAX_ZOOM);
    if fitted.zoom >= READABLE_ZOOM {
        Some(fitted)
    } else {
        Some(centred(main, READABLE_ZOOM, size))
    }
}

/// The camera at `zoom` with the canvas point `centre` in the middle of a canvas of `size`.
fn centred(centre: egui::Pos2, zoom: f32, size: Vec2) -> Camera {
    Camera {
        zoom,
        offset: size / 2.0 - centre.to_vec2() * zoom,
    }
}

/// Fits the view on request, and keeps the untouched first view fitted while the window settles
/// in size; centres on the node a panel asked to see; frames the nodes a panel asked to show,
/// gliding there unless `reduce_motion`, and moves a glide on (`now`: the clock in seconds).
pub(super) fn follow_requests(
    (project, also): (&Project, Option<Rect>),
    state: &mut UiState,
    fitted: &mut Fitted,
    glide: &mut Option<Glide>,
    rect: Rect,
    now: f64,
) {
    let resized = fitted.size != Some(rect.size());
    if state.fit_all_requested || state.fit_requested || (resized && !fitted.touched) {
        // A resize of the untouched view keeps the kind of fit it had.
        if state.fit_all_requested || state.fit_requested {
            fitted.whole = state.fit_all_requested;
        }
        if fitted.whole {
            fit_with(project, also, state, rect);
        } else {
            state.camera = reading_camera(project, rect.size());
        }
        fitted.size = Some(rect.size());
        fitted.touched = false;
        state.fit_requested = false;
        state.fit_all_requested = false;
        *glide = None;
    }
    if let Some(id) = state.focus_request.take()
        && let Some(p) = project.nodes.get(&id).and_then(|n| n.position)
    {
        fitted.touched = true;
        *glide = None;
        state.camera.offset = rect.size() / 2.0 - vec2(p.x, p.y) * state.camera.zoom;
    }
    if let Some(request) = state.frame_request.take()
        && let Some(to) = camera_framing(project, &request, rect.size())
    {
        fitted.touched = true;
        if state.settings.reduce_motion {
            state.camera = to;
            *glide = None;
        } else {
            *glide = Some(Glide {
                from: state.camera,
                to,
                start: now,
            });
        }
    }
    if let Some(g) = *glide {
        let t = ((now - g.start) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
        state.camera = glide_camera(g.from, g.to, t, rect.size());
        if t >= 1.0 {
            *glide = None;
        }
    }
}

/// The most important of `nodes` first: by output in their latest year (the largest first),
/// then by id, so a frame of many firms centres on the one that matters most.
pub fn by_importance<'a>(
    project: &Project,
    nodes: impl IntoIterator<Item = &'a NodeId>,
) -> Vec<NodeId> {
    let output = |id: &NodeId| {
        project
            .nodes
            .get(id)
            .and_then(|n| n.latest_figures())
            .and_then(|(_, f)| f.output)
    };
    let mut sorted: Vec<NodeId> = nodes.into_iter().cloned().collect();
    sorted.sort_by(|a, b| output(b).cmp(&output(a)).then_with(|| a.cmp(b)));
    sorted.dedup();
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Chain, ChainId, Stage, StageId};

    fn with_stages(n: usize) -> Project {
        let mut project = Project::new("p");
        let stages = (1..=n)
            .map(|i| Stage {
                id: StageId::from(format!("U{i}").as_str()),
                name: format!("环节{i}"),
                ..Stage::default()
            })
            .collect();
        let id = ChainId::from("c1");
        project.chains.insert(
            id.clone(),
            Chain {
                id,
                stages,
                ..Chain::default()
            },
        );
        project
    }

    #[test]
    fn fit_without_firms_shows_every_lane_from_the_first_headers_on_screen() {
        let size = vec2(800.0, 500.0);
        for n in [1, 3, 14] {
            let project = with_stages(n);
            let camera = lanes_camera(&project, size).expect("lanes to show");
            let columns = crate::layout::lane_columns(&project);
            let (top, _) = crate::layout::lane_extent(&project);
            let screen =
                |x: f32, y: f32| camera.to_screen(egui::Pos2::ZERO, crate::model::Pos { x, y });
            let first = screen(columns[0].1 - LANE_WIDTH / 2.0, top - 40.0);
            let last = screen(columns[n - 1].1 + LANE_WIDTH / 2.0, top);
            assert!(first.x >= 0.0 && first.y >= 0.0, "{n} lanes: {first:?}");
            assert!(last.x <= size.x, "{n} lanes: {last:?}");
            assert!(camera.zoom <= 1.0);
        }
        assert!(lanes_camera(&Project::new("empty"), size).is_none());
    }
}
