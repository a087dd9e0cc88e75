//! Where the presentation's camera goes and how it gets there: a step's target framed above the
//! subtitle (its measured height, whatever the step's text), a saved view's camera fitted to
//! whatever screen shows it, and the glide between steps (skipped when motion is reduced). The views panel saves cameras through
//! [`saved_camera`] and shows them through [`camera_for_saved`].

use super::story::{Step, Target};
use crate::model::Project;
use crate::ui::canvas::{self, LANE_WIDTH};
use crate::ui::state::Camera;
use egui::{Rect, Vec2, vec2};

/// How long a camera move between steps takes (seconds).
const GLIDE_SECONDS: f64 = 0.35;

/// A camera move in progress.
#[derive(Debug, Clone, Copy)]
struct Glide {
    from: Camera,
    to: Camera,
    start: f64,
}

/// The camera's work over the frames: the target worked out for the canvas size when the step,
/// the scale or the size changes, and the glide towards it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Framing {
    glide: Option<Glide>,
    /// The step's camera is to be worked out for the canvas size (after a step change, a new
    /// scale or a resize); `true` glides there, `false` jumps.
    retarget: Option<bool>,
    /// The view the current camera target was worked out for.
    target_view: Option<View>,
}

impl Default for Framing {
    /// The first frame jumps to the first step.
    fn default() -> Self {
        Self {
            glide: None,
            retarget: Some(false),
            target_view: None,
        }
    }
}

impl Framing {
    /// Asks for the camera to go to the step's target again; `glide` moves it there smoothly.
    pub(super) fn retarget(&mut self, glide: bool) {
        self.retarget = Some(glide);
    }

    pub(super) fn is_gliding(&self) -> bool {
        self.glide.is_some()
    }

    /// Works out the target for `view` when needed (`target` gives it), and glides `camera`
    /// towards it when `animate`, else puts it there. A new canvas size jumps to the new target;
    /// a subtitle of another height glides to it.
    pub(super) fn frame(
        &mut self,
        camera: &mut Camera,
        view: View,
        now: f64,
        animate: bool,
        target: impl FnOnce(View) -> Camera,
    ) {
        if self.retarget.is_none()
            && let Some(before) = self.target_view
        {
            if before.size != view.size {
                self.retarget = Some(false);
            } else if (before.room - view.room).abs() > 0.5 {
                self.retarget = Some(true);
            }
        }
        if let Some(glide) = self.retarget.take() {
            let to = target(view);
            self.target_view = Some(view);
            if glide && animate {
                self.glide = Some(Glide {
                    from: *camera,
                    to,
                    start: now,
                });
            } else {
                self.glide = None;
                *camera = to;
            }
        }
        if let Some(glide) = self.glide {
            let t = ((now - glide.start) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
            *camera = glide_camera(glide.from, glide.to, t, view.size);
            if t >= 1.0 {
                self.glide = None;
            }
        }
    }
}

/// Where a step is framed: the canvas's size, and how much of its height, from the top, is free
/// above the subtitle (nothing framed goes under it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct View {
    pub size: Vec2,
    pub room: f32,
}

impl View {
    /// The part of the canvas above the subtitle, as a size from the canvas's top left.
    fn free(self) -> Vec2 {
        vec2(self.size.x, self.room.clamp(1.0, self.size.y.max(1.0)))
    }
}

/// Room (screen points) left under the lowest bead framed, for its label.
const LABEL_ROOM: f32 = 24.0;

/// The camera for a step in `view` (the whole project without a step), framed above the
/// subtitle, the lane headers (and their segment band) in view above the lanes.
pub(super) fn step_camera(
    project: &Project,
    step: Option<&Step>,
    view: View,
    scale: f32,
) -> Camera {
    let lanes_top = project
        .stages()
        .next()
        .map(|_| canvas::lane_extent(project).0);
    match step.map(|s| s.target) {
        Some(Target::Area { area, from_left }) => {
            camera_for_area(area, view, scale, from_left, lanes_top)
        }
        Some(Target::Saved(cam)) => camera_for_saved(cam, view.free()),
        None => match canvas::bounds(project) {
            Some(b) => camera_for_area(b, view, 1.0, false, lanes_top),
            None => Camera::default(),
        },
    }
}

/// The camera showing a canvas area in the free part of `view`, above the subtitle; with lanes
/// whose top is at `lanes_top`, their header row (which grows as the zoom shrinks) shows too.
pub(super) fn camera_for_area(
    area: Rect,
    view: View,
    scale: f32,
    from_left: bool,
    lanes_top: Option<f32>,
) -> Camera {
    if !area.is_positive() {
        return Camera::default();
    }
    let margin = 30.0;
    let free = view.free();
    let avail = vec2(
        free.x - 2.0 * margin,
        free.y - 2.0 * margin - LABEL_ROOM * scale,
    )
    .max(vec2(1.0, 1.0));
    // Room around the node centres for their beads and labels.
    let padded = area.expand2(vec2(LANE_WIDTH * 0.4, 40.0));
    let zoom_for = |top: f32| {
        (avail.x / padded.width())
            .min(avail.y / (padded.bottom() - top).max(1.0))
            .clamp(Camera::MIN_ZOOM, 1.4)
    };
    // The header row is a height on screen, so its height on the canvas depends on the zoom:
    // a few rounds settle both.
    let top_at = |zoom: f32| match lanes_top {
        Some(lanes) => padded
            .top()
            .min(lanes - canvas::header_room(zoom, scale) / zoom),
        None => padded.top(),
    };
    let mut zoom = zoom_for(padded.top());
    for _ in 0..4 {
        zoom = zoom_for(top_at(zoom));
    }
    let top = top_at(zoom);
    let height = (padded.bottom() - top) * zoom;
    let y = margin + ((avail.y - height) / 2.0).max(0.0) - top * zoom;
    let x = if from_left && padded.width() * zoom < avail.x {
        margin - padded.left() * zoom
    } else {
        free.x / 2.0 - padded.center().x * zoom
    };
    Camera {
        zoom,
        offset: vec2(x, y),
    }
}

/// A saved view's camera on a canvas of `size`: its area fitted when it has one, else its zoom
/// about its centre.
pub fn camera_for_saved(cam: crate::model::Camera, size: Vec2) -> Camera {
    let centre = vec2(cam.center.x, cam.center.y);
    if cam.width > 0.0 && cam.height > 0.0 {
        let area = Rect::from_center_size(centre.to_pos2(), vec2(cam.width, cam.height));
        return canvas::camera_showing(area, size, Camera::MAX_ZOOM);
    }
    let zoom = if cam.zoom.is_finite() && cam.zoom > 0.0 {
        cam.zoom.clamp(Camera::MIN_ZOOM, Camera::MAX_ZOOM)
    } else {
        1.0
    };
    Camera {
        zoom,
        offset: size / 2.0 - centre * zoom,
    }
}

/// The saved-view camera of what a canvas of `size` shows through `camera`.
pub fn saved_camera(camera: Camera, size: Vec2) -> crate::model::Camera {
    let centre = (size / 2.0 - camera.offset) / camera.zoom;
    crate::model::Camera {
        center: crate::model::Pos {
            x: centre.x,
            y: centre.y,
        },
        zoom: camera.zoom,
        width: size.x / camera.zoom,
        height: size.y / camera.zoom,
    }
}

/// The camera `t` of the way (0..=1, eased) from `a` to `b`: the zoom changes geometrically and
/// the point at the centre of the screen moves in a straight line, so the move reads as one glide.
pub fn glide_camera(a: Camera, b: Camera, t: f32, size: Vec2) -> Camera {
    let t = t.clamp(0.0, 1.0);
    let eased = t * t * (3.0 - 2.0 * t);
    let centre = |c: Camera| (size / 2.0 - c.offset) / c.zoom;
    let (ca, cb) = (centre(a), centre(b));
    let zoom = a.zoom * (b.zoom / a.zoom).powf(eased);
    let c = ca + (cb - ca) * eased;
    Camera {
        zoom,
        offset: size / 2.0 - c * zoom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glide_ends_where_it_is_going() {
        let size = vec2(1000.0, 600.0);
        let a = Camera {
            offset: vec2(10.0, 20.0),
            zoom: 0.5,
        };
        let b = Camera {
            offset: vec2(-300.0, 40.0),
            zoom: 2.0,
        };
        assert_eq!(glide_camera(a, b, 0.0, size), a);
        let end = glide_camera(a, b, 1.0, size);
        assert!((end.zoom - b.zoom).abs() < 1e-5);
        assert!((end.offset - b.offset).length() < 1e-3);
        // Halfway in zoom is the geometric mean.
        assert!((glide_camera(a, b, 0.5, size).zoom - 1.0).abs() < 1e-5);
    }

    #[test]
    fn saved_camera_frames_the_same_area_on_another_screen() {
        let laptop = vec2(1000.0, 600.0);
        let cam = Camera {
            offset: vec2(-200.0, 50.0),
            zoom: 0.8,
        };
        let saved = saved_camera(cam, laptop);
        assert!((saved.width - 1250.0).abs() < 1e-3);
        // On the same screen it comes back as it was.
        let back = camera_for_saved(saved, laptop);
        assert!((back.zoom - cam.zoom).abs() < 1e-5);
        assert!((back.offset - cam.offset).length() < 1e-2);
        // On a screen twice as large, twice the zoom: the same area is in view.
        let projector = camera_for_saved(saved, laptop * 2.0);
        assert!((projector.zoom - 1.6).abs() < 1e-5);
    }

    #[test]
    fn framing_jumps_first_then_glides_and_refits_on_resize() {
        let size = vec2(1000.0, 600.0);
        let view = |size: Vec2| View {
            size,
            room: size.y - 150.0,
        };
        let to = Camera {
            offset: vec2(-300.0, 40.0),
            zoom: 2.0,
        };
        let mut camera = Camera::default();
        let mut framing = Framing::default();
        framing.frame(&mut camera, view(size), 0.0, true, |_| to);
        assert_eq!(camera, to, "the first frame jumps");
        assert!(!framing.is_gliding());

        framing.retarget(true);
        framing.frame(&mut camera, view(size), 1.0, true, |_| Camera::default());
        assert!(framing.is_gliding());
        assert_eq!(camera, to, "a glide starts where the camera is");
        framing.frame(&mut camera, view(size), 1.0 + GLIDE_SECONDS, true, |_| to);
        let home = Camera::default();
        assert!((camera.zoom - home.zoom).abs() < 1e-5);
        assert!((camera.offset - home.offset).length() < 1e-3);
        assert!(!framing.is_gliding());

        // A resize jumps to the target worked out for the new size; no target is asked otherwise.
        framing.frame(&mut camera, view(size), 2.0, true, |_| unreachable!());
        framing.frame(&mut camera, view(size * 2.0), 3.0, true, |v| Camera {
            zoom: v.size.x / 1000.0,
            ..Camera::default()
        });
        assert_eq!(camera.zoom, 2.0);
        assert!(!framing.is_gliding());

        // A taller subtitle (the same canvas) glides to the target worked out for the room left.
        let taller = View {
            room: view(size * 2.0).room - 60.0,
            ..view(size * 2.0)
        };
        framing.frame(&mut camera, taller, 3.5, true, |v| Camera {
            zoom: v.room / 1000.0,
            ..Camera::default()
        });
        assert!(framing.is_gliding());
        framing.frame(
            &mut camera,
            taller,
            3.5 + GLIDE_SECONDS,
            true,
            |_| unreachable!(),
        );
        assert!((camera.zoom - 0.99).abs() < 1e-5);

        // With motion reduced, a step jumps.
        framing.retarget(true);
        framing.frame(&mut camera, taller, 4.0, false, |_| to);
        assert_eq!(camera, to);
        assert!(!framing.is_gliding());
    }

    #[test]
    fn an_area_is_framed_above_the_subtitle_with_the_header_row_above_the_lanes() {
        let view = View {
            size: vec2(1366.0, 768.0),
            room: 560.0,
        };
        // Lanes from y 0 (their top) to 600, a park below at 700.
        let area = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1200.0, 700.0));
        let cam = camera_for_area(area, view, 1.0, false, Some(0.0));
        let y = |canvas_y: f32| cam.offset.y + canvas_y * cam.zoom;
        // The lowest bead and its label end above the room's bottom (30 margin, 24 label).
        assert!(y(700.0 + 40.0) + LABEL_ROOM <= view.room - 30.0 + 0.5);
        // The header row above the lanes' top starts inside the canvas.
        let header_top = y(0.0) - canvas::header_room(cam.zoom, 1.0);
        assert!(header_top >= 30.0 - 0.5, "header row from {header_top}");
        // Filling the room's height: the vertical extent is what limits the zoom here.
        assert!(y(740.0) + LABEL_ROOM > view.room - 31.0);
        // Without lanes nothing is reserved above: the area's top is at the margin.
        let cam = camera_for_area(area, view, 1.0, false, None);
        assert!((cam.offset.y + (area.top() - 40.0) * cam.zoom - 30.0).abs() < 0.5);
    }
}
