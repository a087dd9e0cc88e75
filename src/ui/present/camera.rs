//! Where the presentation's camera goes and how it gets there: a step's target framed above the
//! subtitle, a saved view's camera fitted to whatever screen shows it, and the glide between
//! steps (skipped when motion is reduced). The views panel saves cameras through
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
    /// The canvas size the current camera target was worked out for.
    target_size: Option<Vec2>,
}

impl Default for Framing {
    /// The first frame jumps to the first step.
    fn default() -> Self {
        Self {
            glide: None,
            retarget: Some(false),
            target_size: None,
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

    /// Works out the target for a canvas of `size` when needed (`target` gives it), and glides
    /// `camera` towards it when `animate`, else puts it there.
    pub(super) fn frame(
        &mut self,
        camera: &mut Camera,
        size: Vec2,
        now: f64,
        animate: bool,
        target: impl FnOnce(Vec2) -> Camera,
    ) {
        let resized = self.target_size.is_some_and(|s| s != size);
        if resized && self.retarget.is_none() {
            self.retarget = Some(false);
        }
        if let Some(glide) = self.retarget.take() {
            let to = target(size);
            self.target_size = Some(size);
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
            *camera = glide_camera(glide.from, glide.to, t, size);
            if t >= 1.0 {
                self.glide = None;
            }
        }
    }
}

/// The camera for a step on a canvas of `size` (the whole project without a step).
pub(super) fn step_camera(
    project: &Project,
    step: Option<&Step>,
    size: Vec2,
    scale: f32,
) -> Camera {
    match step.map(|s| s.target) {
        Some(Target::Area { area, from_left }) => camera_for_area(area, size, scale, from_left),
        Some(Target::Saved(cam)) => camera_for_saved(cam, size),
        None => match canvas::bounds(project) {
            Some(b) => camera_for_area(b, size, 1.0, false),
            None => Camera::default(),
        },
    }
}

/// Height kept free at the bottom of the screen for the subtitle.
fn subtitle_room(scale: f32) -> f32 {
    140.0 * scale.sqrt()
}

/// The camera showing a canvas area above the subtitle (whose height grows with `scale`).
pub(super) fn camera_for_area(area: Rect, size: Vec2, scale: f32, from_left: bool) -> Camera {
    if !area.is_positive() {
        return Camera::default();
    }
    let margin = 30.0;
    let room = vec2(size.x, (size.y - subtitle_room(scale)).max(size.y * 0.5));
    // Room around the node centres for their labels.
    let padded = area.expand2(vec2(LANE_WIDTH * 0.4, 40.0));
    let zoom = canvas::camera_showing(padded.expand(margin), room, 1.4).zoom;
    let centre = area.center().to_vec2();
    let mut offset = room / 2.0 - centre * zoom;
    if from_left && padded.width() * zoom + 2.0 * margin < room.x {
        offset.x = margin - padded.left() * zoom;
    }
    Camera { zoom, offset }
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
        let to = Camera {
            offset: vec2(-300.0, 40.0),
            zoom: 2.0,
        };
        let mut camera = Camera::default();
        let mut framing = Framing::default();
        framing.frame(&mut camera, size, 0.0, true, |_| to);
        assert_eq!(camera, to, "the first frame jumps");
        assert!(!framing.is_gliding());

        framing.retarget(true);
        framing.frame(&mut camera, size, 1.0, true, |_| Camera::default());
        assert!(framing.is_gliding());
        assert_eq!(camera, to, "a glide starts where the camera is");
        framing.frame(&mut camera, size, 1.0 + GLIDE_SECONDS, true, |_| to);
        let home = Camera::default();
        assert!((camera.zoom - home.zoom).abs() < 1e-5);
        assert!((camera.offset - home.offset).length() < 1e-3);
        assert!(!framing.is_gliding());

        // A resize jumps to the target worked out for the new size; no target is asked otherwise.
        framing.frame(&mut camera, size, 2.0, true, |_| unreachable!());
        framing.frame(&mut camera, size * 2.0, 3.0, true, |s| Camera {
            zoom: s.x / 1000.0,
            ..Camera::default()
        });
        assert_eq!(camera.zoom, 2.0);
        assert!(!framing.is_gliding());

        // With motion reduced, a step jumps.
        framing.retarget(true);
        framing.frame(&mut camera, size * 2.0, 4.0, false, |_| to);
        assert_eq!(camera, to);
        assert!(!framing.is_gliding());
    }
}
