//! Workshop presentation mode: the map fullscreen on a projector, read-only, stepped through
//! with a presentation clicker (→ ← PageDown PageUp Home End).
//!
//! The story is either the chain itself (串珠成链: each step lights the next stage's firms and the
//! links into it, earlier stages stay lit, later ones dimmed) or the project's saved views, as
//! slides. A click on a firm focuses it (its upstream and downstream to a chosen depth, or what
//! breaks if it leaves); a spotlight follows the pointer; supply can be shown flowing.
//! Everything the mode changes in the UI state is put back when it ends.
//!
//! This module holds the presentation's state and draws a frame from its parts: `story` (the
//! steps and their captions), `camera` (where the camera goes and how it glides there), `focus`
//! (the clicked firm's view), `overlays` (subtitle, hint, help) and `agreement` (the split chart
//! beside the graph). The keys come from the command table (`AppCommand::PRESENTATION`).

mod agreement;
mod camera;
mod focus;
mod overlays;
mod story;

pub use crate::analysis::neighbourhood::{Neighbourhood, neighbourhood};
pub use camera::{camera_for_saved, glide_camera, saved_camera};
pub use focus::{impact_highlight, neighbourhood_highlight};
pub use story::{Step, Story, Target, chain_steps, compare_step, view_steps};

use crate::analysis::Analysis;
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{Colouring, NodeId, ViewFilter};
use crate::ui::canvas::{self, CanvasOptions, CanvasOutput, CanvasState};
use crate::ui::command::{AppCommand, Mode, keys};
use crate::ui::context::ViewCtx;
use crate::ui::state::{Camera, Highlight, Queue, Selection, UiState};
use crate::ui::theme::CanvasLook;
use std::sync::Arc;

/// Presentation text and node scale limits.
const MIN_SCALE: f32 = 0.6;
const MAX_SCALE: f32 = 3.0;
/// Between the lowest thing framed and the top of the subtitle (points).
const CAPTION_GAP: f32 = 8.0;
/// Focus reaches at most this many supply links up and down.
pub const MAX_DEPTH: usize = 6;

/// The UI state the mode changes, put back when it ends.
#[derive(Debug, Clone)]
struct Restore {
    camera: Camera,
    highlight: Option<Highlight>,
    colouring: Colouring,
    filter: ViewFilter,
    selection: Selection,
    link_tool: bool,
    fullscreen: bool,
}

/// The presentation in progress.
#[derive(Debug)]
pub struct Presentation {
    pub story: Story,
    pub step: usize,
    pub look: CanvasLook,
    /// Node and text scale (Ctrl + / Ctrl −).
    pub scale: f32,
    /// The firm clicked: its neighbourhood (or impact) is lit instead of the step's highlight.
    pub focus: Option<NodeId>,
    /// How many supply links up and down the focus reaches ([ and ]).
    pub depth: usize,
    /// Show what breaks if the focused firm leaves, instead of its neighbourhood.
    pub impact: bool,
    pub spotlight: bool,
    pub flow: bool,
    pub help: bool,
    restore: Restore,
    /// Where the camera is going, and the glide there.
    framing: camera::Framing,
    /// When the presentation began (the key hint shows for its first seconds).
    started: Option<f64>,
    steps: Option<(StepsKey, Arc<Vec<Step>>)>,
    /// The focused firm's highlight and subtitle, worked out once per change.
    focus_view: focus::FocusCache,
    /// The split schedule shown beside the graph, worked out once per revision.
    chart: agreement::ChartCache,
    /// Where the subtitle was drawn last (screen points): the camera frames above it.
    caption: Option<egui::Rect>,
    /// The enclave diagram (E): over the graph while open, ← / → stepping its years.
    pub enclave: crate::ui::enclave::EnclaveDiagram,
    /// The comparison marked on the canvas when the presentation began: the last step shows
    /// it (before / after), with its title and caption.
    pub compare: Option<BeforeAfter>,
}

/// What the before / after step shows.
#[derive(Debug, Clone)]
pub struct BeforeAfter {
    pub marks: Arc<crate::ui::compare::CompareMarks>,
    pub title: String,
    pub caption: String,
}

/// (document id, revision, story, language, analysis address).
type StepsKey = (u64, u64, Story, Lang, usize);

/// What the parts of one frame read besides the document.
#[derive(Debug, Clone, Copy)]
struct FrameInfo {
    /// The frame's time and the presentation's start (egui's clock, seconds).
    now: f64,
    started: f64,
    lang: Lang,
    /// The user asked for no glides or flow animation.
    reduce_motion: bool,
}

/// What the presentation asks of the app at the end of a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    Stay,
    Leave,
}

impl Presentation {
    /// Starts presenting `story` and remembers what to put back.
    pub fn start(story: Story, state: &mut UiState, fullscreen: bool) -> Self {
        let restore = Restore {
            camera: state.camera,
            highlight: state.highlight.take(),
            colouring: state.colouring,
            filter: std::mem::take(&mut state.filter),
            selection: std::mem::take(&mut state.selection),
            link_tool: std::mem::take(&mut state.link_tool),
            fullscreen,
        };
        state.picker = None;
        Self {
            story,
            step: 0,
            look: CanvasLook::ProjectorLight,
            scale: 1.0,
            focus: None,
            depth: 1,
            impact: false,
            spotlight: false,
            flow: false,
            help: false,
            restore,
            framing: camera::Framing::default(),
            started: None,
            steps: None,
            focus_view: focus::FocusCache::default(),
            chart: agreement::ChartCache::default(),
            caption: None,
            enclave: Default::default(),
            compare: None,
        }
    }

    /// Puts back the camera, highlight, colouring, filter and selection of before; returns
    /// whether the window was fullscreen before.
    pub fn finish(self, state: &mut UiState) -> bool {
        let r = self.restore;
        state.camera = r.camera;
        state.highlight = r.highlight;
        state.colouring = r.colouring;
        state.filter = r.filter;
        state.selection = r.selection;
        state.link_tool = r.link_tool;
        r.fullscreen
    }

    /// The steps of the story, worked out again only when the project or language changed.
    pub fn steps(
        &mut self,
        doc: &Document,
        analysis: Option<&Analysis>,
        lang: Lang,
    ) -> Arc<Vec<Step>> {
        let address = analysis.map_or(0, |a| a as *const Analysis as usize);
        let key = (doc.id(), doc.revision(), self.story, lang, address);
        match &self.steps {
            Some((k, steps)) if *k == key => steps.clone(),
            _ => {
                let mut steps = match self.story {
                    Story::Chain => chain_steps(&doc.project, analysis, lang),
                    Story::Views => view_steps(&doc.project, lang),
                };
                if let Some(c) = &self.compare {
                    steps.push(compare_step(
                        &doc.project,
                        c.title.clone(),
                        c.caption.clone(),
                    ));
                }
                let steps = Arc::new(steps);
                self.steps = Some((key, steps.clone()));
                steps
            }
        }
    }

    /// Goes to step `n` (clamped), glides the camera there and lights it up.
    pub fn go_to(&mut self, n: usize, count: usize) {
        let n = n.min(count.saturating_sub(1));
        if n != self.step || self.focus.is_some() {
            self.step = n;
            self.focus = None;
            self.impact = false;
            self.framing.retarget(true);
        }
    }

    /// Switches between the chain story and the saved views.
    pub fn switch_story(&mut self, story: Story) {
        if story != self.story {
            self.story = story;
            self.step = 0;
            self.focus = None;
            self.framing.retarget(true);
        }
    }

    /// Reads the presentation keys (from the command table). Everything else the keyboard
    /// sends is swallowed, so no editor shortcut can change the project.
    fn keys(&mut self, ctx: &egui::Context, count: usize, reduce_motion: bool) -> Request {
        let mut request = Request::Stay;
        for command in keys::pressed(ctx, Mode::Presenting) {
            if self.run(command, count, reduce_motion) == Request::Leave {
                request = Request::Leave;
            }
        }
        // Nothing else reads these keys this frame.
        ctx.input_mut(|i| {
            i.events.retain(|e| !matches!(e, egui::Event::Key { .. }));
            i.keys_down.clear();
        });
        request
    }

    /// Runs a presentation command; `count` is the number of steps.
    pub fn run(&mut self, command: AppCommand, count: usize, reduce_motion: bool) -> Request {
        use AppCommand::*;
        match command {
            // While the enclave diagram is shown, the step keys step its years and Esc closes it.
            NextStep if self.enclave.is_open() => self.enclave.step_year(1),
            PreviousStep if self.enclave.is_open() => self.enclave.step_year(-1),
            LeavePresentation if self.enclave.is_open() => self.enclave.close(),
            PresentEnclave if self.enclave.is_open() => self.enclave.close(),
            PresentEnclave => self.enclave.open(None),
            NextStep => self.go_to(self.step + 1, count),
            PreviousStep => self.go_to(self.step.saturating_sub(1), count),
            FirstStep => self.go_to(0, count),
            LastStep => self.go_to(count.saturating_sub(1), count),
            // With the key help open, Esc closes the help first, as it closes any overlay.
            LeavePresentation if self.help => self.help = false,
            LeavePresentation => return Request::Leave,
            LargerText => self.set_scale(self.scale * 1.15),
            SmallerText => self.set_scale(self.scale / 1.15),
            ResetText => self.set_scale(1.0),
            DepthLess => self.depth = self.depth.saturating_sub(1).max(1),
            DepthMore => self.depth = (self.depth + 1).min(MAX_DEPTH),
            ToggleImpact if self.focus.is_some() => self.impact = !self.impact,
            ToggleSpotlight => self.spotlight = !self.spotlight,
            ToggleFlow if !reduce_motion => self.flow = !self.flow,
            ToggleProjectorTheme => {
                self.look = match self.look {
                    CanvasLook::ProjectorDark => CanvasLook::ProjectorLight,
                    _ => CanvasLook::ProjectorDark,
                }
            }
            SwitchStory => self.switch_story(match self.story {
                Story::Chain => Story::Views,
                Story::Views => Story::Chain,
            }),
            Reframe => self.framing.retarget(true),
            TogglePresentHelp => self.help = !self.help,
            _ => {}
        }
        Request::Stay
    }

    fn set_scale(&mut self, scale: f32) {
        self.scale = scale.clamp(MIN_SCALE, MAX_SCALE);
        self.framing.retarget(true);
    }

    /// Draws one frame of the presentation: the graph, the subtitle, the split chart of the
    /// step's agreement, the help. Returns whether to leave.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        state: &mut UiState,
        canvas_state: &mut CanvasState,
    ) -> Request {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        let frame = FrameInfo {
            now,
            started: *self.started.get_or_insert(now),
            lang: cx.lang,
            reduce_motion: state.settings.reduce_motion,
        };
        let count = self.steps(cx.doc, cx.analysis(), cx.lang).len();
        let request = self.keys(&ctx, count, frame.reduce_motion);
        if count == 0 && self.story == Story::Views {
            // No saved views: the chain is the story.
            self.switch_story(Story::Chain);
        }
        let steps = self.steps(cx.doc, cx.analysis(), cx.lang);
        self.step = self.step.min(steps.len().saturating_sub(1));
        let step = steps.get(self.step);

        let focus = self
            .focus_view
            .get(cx.doc, self.focus_key(), cx.lang)
            .cloned();
        self.light(state, step, focus.as_ref().map(|f| &f.highlight));
        if let Some(agreement) = step
            .and_then(|s| s.agreement.as_ref())
            .and_then(|id| cx.project().agreements.get(id))
        {
            let (look, scale) = (self.look, self.scale);
            self.chart
                .panel_ui(ui, cx.doc, agreement, look, scale, cx.lang);
        }
        // The subtitle first, so the camera knows how much of the graph it leaves free. It
        // belongs to the graph, not to the chart beside it.
        let graph = ui.available_rect_before_wrap();
        let subtitle = match focus {
            Some(f) => f.subtitle,
            None => match step {
                Some(s) => (s.title.clone(), s.caption.clone()),
                None => (cx.project().meta.name.clone(), String::new()),
            },
        };
        let caption = self.subtitle_ui(&ctx, graph, subtitle, steps.len());
        self.caption = Some(caption);
        let output = self.graph_ui(ui, cx, state, canvas_state, step, frame);
        if self.clicked(&output) {
            // The subtitle tells of the new focus at once.
            ctx.request_repaint();
        }
        self.hints_ui(&ctx, graph, frame);
        if self.enclave.is_open() {
            // The step's agreement, else the one chosen in the editor (or the first).
            let agreement = step
                .and_then(|s| s.agreement.clone())
                .or_else(|| state.agreement.clone());
            self.enclave.show_agreement(agreement);
            self.enclave.ui(&ctx, cx.doc, cx.lang, false);
        }
        if self.framing.is_gliding() || (self.flow && !frame.reduce_motion) || self.spotlight {
            ctx.request_repaint();
        }
        request
    }

    /// Where the subtitle is on screen (after the first frame): nothing the camera frames
    /// goes under it.
    pub fn caption_rect(&self) -> Option<egui::Rect> {
        self.caption
    }

    /// The focus the highlight is worked out for, if a firm is focused.
    fn focus_key(&self) -> Option<focus::Focus> {
        Some(focus::Focus {
            node: self.focus.clone()?,
            depth: self.depth,
            impact: self.impact,
        })
    }

    /// Lights the focus, else the step; a saved view brings its own colouring and filter, the
    /// chain story keeps the ones the editor had when the presentation began.
    fn light(&self, state: &mut UiState, step: Option<&Step>, focus: Option<&Highlight>) {
        state.highlight = match focus {
            Some(highlight) => Some(highlight.clone()),
            None => step.and_then(|s| s.highlight.clone()),
        };
        if let Some(step) = step {
            state.colouring = step.colouring.unwrap_or(self.restore.colouring);
            state.filter = match self.story {
                Story::Views => step.filter.clone(),
                Story::Chain => self.restore.filter.clone(),
            };
        }
    }

    /// The graph, read-only, its camera moved to the step.
    fn graph_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        state: &mut UiState,
        canvas_state: &mut CanvasState,
        step: Option<&Step>,
        frame: FrameInfo,
    ) -> CanvasOutput {
        let FrameInfo {
            now, reduce_motion, ..
        } = frame;
        let mut output = CanvasOutput::default();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(self.look.background()))
            .show(ui, |ui| {
                let rect = ui.available_rect_before_wrap();
                // What the subtitle leaves free of the graph, from its top.
                let room = match self.caption {
                    Some(caption) => caption.top() - CAPTION_GAP - rect.top(),
                    None => rect.height(),
                };
                let view = camera::View {
                    size: rect.size(),
                    room,
                };
                let (project, scale) = (cx.project(), self.scale);
                let target = |view| camera::step_camera(project, step, view, scale);
                self.framing
                    .frame(&mut state.camera, view, now, !reduce_motion, target);
                canvas_state.touch_camera();
                let options = CanvasOptions {
                    look: self.look,
                    scale: self.scale,
                    read_only: true,
                    flow_time: (self.flow && !reduce_motion).then_some(now),
                    spotlight: self.spotlight,
                    show_minimap: false,
                    show_legend: false,
                    show_reference: state.settings.show_reference,
                    compare: step
                        .filter(|s| s.compare)
                        .and_then(|_| self.compare.as_ref().map(|c| c.marks.clone())),
                };
                // Read-only: whatever the canvas queues is dropped.
                let mut queue = Queue::default();
                output = canvas::canvas_ui(
                    ui,
                    cx.doc,
                    cx.analysis(),
                    state,
                    canvas_state,
                    &mut queue,
                    &options,
                );
            });
        output
    }

    /// A click on a firm focuses it (again: clears the focus); on empty space, clears it.
    /// Returns whether anything changed.
    fn clicked(&mut self, output: &CanvasOutput) -> bool {
        if let Some(node) = &output.clicked_node {
            if self.focus.as_ref() == Some(node) {
                self.focus = None;
            } else {
                self.focus = Some(node.clone());
            }
            true
        } else if output.clicked_empty && self.focus.is_some() {
            self.focus = None;
            self.impact = false;
            true
        } else {
            false
        }
    }
}
