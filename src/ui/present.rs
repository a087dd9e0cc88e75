//! Workshop presentation mode: the map fullscreen on a projector, read-only, stepped through
//! with a presentation clicker (→ ← PageDown PageUp Home End).
//!
//! The story is either the chain itself (串珠成链: each step lights the next stage's firms and the
//! links into it, earlier stages stay lit, later ones dimmed) or the project's saved views, as
//! slides. A click on a firm focuses it (its upstream and downstream to a chosen depth, or what
//! breaks if it leaves); a spotlight follows the pointer; supply can be shown flowing.
//! Everything the mode changes in the UI state is put back when it ends.

use crate::analysis::{Analysis, impact};
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{AgreementId, Colouring, LinkKind, NodeId, Project, StageId, ViewFilter};
use crate::ui::canvas::{self, CanvasOptions, CanvasState, LANE_WIDTH};
use crate::ui::command::{AppCommand, CommandState, Mode, help, keys};
use crate::ui::state::{Camera, Highlight, Queue, Selection, UiState};
use crate::ui::theme::CanvasLook;
use crate::ui::widgets::split_chart as sharing_panel;
use egui::{Align2, Color32, Rect, RichText, Vec2, pos2, vec2};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

/// How long a camera move between steps takes (seconds).
const GLIDE_SECONDS: f64 = 0.35;
/// How long the key hint stays up after entering (seconds).
const HINT_SECONDS: f64 = 6.0;
/// At least this many lanes are in view on a chain step, so a stage is seen with its neighbours.
const MIN_LANES_IN_VIEW: usize = 4;
/// Presentation text and node scale limits.
const MIN_SCALE: f32 = 0.6;
const MAX_SCALE: f32 = 3.0;
/// Focus reaches at most this many supply links up and down.
pub const MAX_DEPTH: usize = 6;

/// What the steps walk through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Story {
    /// The chain, stage by stage (串珠成链).
    Chain,
    /// The saved views, in their order.
    Views,
}

/// Where the camera goes for a step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// Show this canvas area whole; `from_left` puts it at the left edge rather than the
    /// centre, so the stages still to come show on the right.
    Area { area: Rect, from_left: bool },
    /// A saved view's camera.
    Saved(crate::model::Camera),
}

/// One step of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub title: String,
    pub caption: String,
    /// None: nothing faded.
    pub highlight: Option<Highlight>,
    pub target: Target,
    /// The colouring of a saved view; none keeps the one in use.
    pub colouring: Option<Colouring>,
    pub filter: ViewFilter,
    /// An agreement whose split chart is shown beside the graph.
    pub agreement: Option<AgreementId>,
}

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

/// A camera move in progress.
#[derive(Debug, Clone, Copy)]
struct Glide {
    from: Camera,
    to: Camera,
    start: f64,
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
    glide: Option<Glide>,
    /// The step's camera is to be worked out for the canvas size (after a step change, a new
    /// scale or a resize).
    retarget: Option<bool>,
    /// The canvas size the current camera target was worked out for.
    target_size: Option<Vec2>,
    started: Option<f64>,
    steps: Option<(StepsKey, Arc<Vec<Step>>)>,
    /// The focused firm's highlight and subtitle, worked out again only when the focus, its
    /// depth, the impact toggle, the language or the project changes (not every frame).
    focus_view: Option<(FocusKey, FocusView)>,
    /// The split schedule shown beside the graph, by (document, revision, agreement).
    schedule: Option<((u64, u64, AgreementId), Arc<crate::sharing::Schedule>)>,
}

/// (document id, revision, focused firm, depth, impact shown, language).
type FocusKey = (u64, u64, NodeId, usize, bool, Lang);

/// What a focus lights, and its subtitle (title, caption).
type FocusView = (Highlight, (String, String));

/// (document id, revision, story, language, analysis address).
type StepsKey = (u64, u64, Story, Lang, usize);

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
            glide: None,
            retarget: Some(false),
            target_size: None,
            started: None,
            steps: None,
            focus_view: None,
            schedule: None,
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
                let steps = Arc::new(match self.story {
                    Story::Chain => chain_steps(&doc.project, analysis, lang),
                    Story::Views => view_steps(&doc.project, lang),
                });
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
            self.retarget = Some(true);
        }
    }

    /// Switches between the chain story and the saved views.
    pub fn switch_story(&mut self, story: Story) {
        if story != self.story {
            self.story = story;
            self.step = 0;
            self.focus = None;
            self.retarget = Some(true);
        }
    }

    /// The focused firm's highlight and subtitle; none without a focus.
    fn focus_view(&mut self, doc: &Document, lang: Lang) -> Option<&FocusView> {
        let node = self.focus.clone()?;
        let key = (
            doc.id(),
            doc.revision(),
            node.clone(),
            self.depth,
            self.impact,
            lang,
        );
        if self.focus_view.as_ref().map(|(k, _)| k) != Some(&key) {
            let project = &doc.project;
            let highlight = if self.impact {
                impact_highlight(project, &node)
            } else {
                neighbourhood_highlight(project, &node, self.depth)
            };
            let caption = self.focus_caption(project, &node, lang);
            self.focus_view = Some((key, (highlight, caption)));
        }
        self.focus_view.as_ref().map(|(_, view)| view)
    }

    /// The schedule of the agreement shown beside the graph, worked out once per revision.
    fn schedule(
        &mut self,
        doc: &Document,
        agreement: &crate::model::Agreement,
    ) -> Arc<crate::sharing::Schedule> {
        let key = (doc.id(), doc.revision(), agreement.id.clone());
        match &self.schedule {
            Some((k, s)) if *k == key => s.clone(),
            _ => {
                let s = Arc::new(crate::sharing::schedule(
                    &doc.project,
                    agreement,
                    None,
                    None,
                ));
                self.schedule = Some((key, s.clone()));
                s
            }
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
            NextStep => self.go_to(self.step + 1, count),
            PreviousStep => self.go_to(self.step.saturating_sub(1), count),
            FirstStep => self.go_to(0, count),
            LastStep => self.go_to(count.saturating_sub(1), count),
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
            Reframe => self.retarget = Some(true),
            TogglePresentHelp => self.help = !self.help,
            _ => {}
        }
        Request::Stay
    }

    fn set_scale(&mut self, scale: f32) {
        self.scale = scale.clamp(MIN_SCALE, MAX_SCALE);
        self.retarget = Some(true);
    }

    /// Draws one frame of the presentation: the graph, the subtitle, the split chart of the
    /// step's agreement, the help. Returns whether to leave.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        analysis: Option<&Analysis>,
        state: &mut UiState,
        canvas_state: &mut CanvasState,
        reduce_motion: bool,
    ) -> Request {
        let ctx = ui.ctx().clone();
        let lang = state.lang();
        let now = ctx.input(|i| i.time);
        let started = *self.started.get_or_insert(now);
        let steps = self.steps(doc, analysis, lang);
        let request = self.keys(&ctx, steps.len(), reduce_motion);
        if steps.is_empty() && self.story == Story::Views {
            // No saved views: the chain is the story.
            self.switch_story(Story::Chain);
        }
        let steps = self.steps(doc, analysis, lang);
        self.step = self.step.min(steps.len().saturating_sub(1));
        let step = steps.get(self.step);

        let focus = self.focus_view(doc, lang).cloned();
        state.highlight = match &focus {
            Some((highlight, _)) => Some(highlight.clone()),
            None => step.and_then(|s| s.highlight.clone()),
        };
        // A saved view brings its own colouring and filter; the chain story keeps the ones the
        // editor had when the presentation began.
        if let Some(step) = step {
            state.colouring = step.colouring.unwrap_or(self.restore.colouring);
            state.filter = match self.story {
                Story::Views => step.filter.clone(),
                Story::Chain => self.restore.filter.clone(),
            };
        }

        // The agreement chart sits beside the graph.
        if let Some(step) = step
            && let Some(id) = &step.agreement
            && let Some(agreement) = doc.project.agreements.get(id)
        {
            let width = (ctx.content_rect().width() * 0.36).max(360.0);
            let schedule = self.schedule(doc, agreement);
            egui::Panel::right("present-agreement")
                .resizable(false)
                .exact_size(width)
                .frame(
                    egui::Frame::new()
                        .fill(self.look.background())
                        .inner_margin(16.0),
                )
                .show(ui, |ui| {
                    agreement_ui(ui, doc, agreement, &schedule, self.look, self.scale, lang)
                });
        }

        let mut output = canvas::CanvasOutput::default();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(self.look.background()))
            .show(ui, |ui| {
                let rect = ui.available_rect_before_wrap();
                self.move_camera(doc, state, step, rect, now, reduce_motion);
                canvas_state.touch_camera();
                let options = CanvasOptions {
                    look: self.look,
                    scale: self.scale,
                    read_only: true,
                    flow_time: (self.flow && !reduce_motion).then_some(now),
                    spotlight: self.spotlight,
                    show_minimap: false,
                    show_legend: false,
                };
                let mut queue = Queue::default();
                output =
                    canvas::canvas_ui(ui, doc, analysis, state, canvas_state, &mut queue, &options);
                // Read-only: whatever the canvas queued is dropped.
                drop(queue);
            });
        if let Some(node) = output.clicked_node {
            if self.focus.as_ref() == Some(&node) {
                self.focus = None;
            } else {
                self.focus = Some(node);
            }
        } else if output.clicked_empty {
            self.focus = None;
            self.impact = false;
        }

        // Subtitle and hint belong to the graph, not to the chart beside it.
        let graph = state.canvas_rect.unwrap_or_else(|| ctx.content_rect());
        let focus_caption = focus.map(|(_, caption)| caption);
        self.subtitle_ui(&ctx, graph, doc, step, focus_caption, steps.len());
        if self.help {
            self.help_ui(&ctx, lang, reduce_motion);
        } else if now - started < HINT_SECONDS {
            hint_ui(&ctx, graph, lang, self.look);
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
        if self.glide.is_some() || (self.flow && !reduce_motion) || self.spotlight {
            ctx.request_repaint();
        }
        request
    }

    /// Works out the step's camera for the canvas size when needed, and glides (or jumps) to it.
    fn move_camera(
        &mut self,
        doc: &Document,
        state: &mut UiState,
        step: Option<&Step>,
        rect: Rect,
        now: f64,
        reduce_motion: bool,
    ) {
        let resized = self.target_size.is_some_and(|s| s != rect.size());
        if resized && self.retarget.is_none() {
            self.retarget = Some(false);
        }
        if let Some(animate) = self.retarget.take() {
            let to = match step.map(|s| s.target) {
                Some(Target::Area { area, from_left }) => {
                    camera_for_area(area, rect.size(), self.scale, from_left)
                }
                Some(Target::Saved(cam)) => camera_for_saved(cam, rect.size()),
                None => whole_project(&doc.project, rect.size()),
            };
            self.target_size = Some(rect.size());
            if animate && !reduce_motion {
                self.glide = Some(Glide {
                    from: state.camera,
                    to,
                    start: now,
                });
            } else {
                self.glide = None;
                state.camera = to;
            }
        }
        if let Some(glide) = self.glide {
            let t = ((now - glide.start) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
            state.camera = glide_camera(glide.from, glide.to, t, rect.size());
            if t >= 1.0 {
                self.glide = None;
            }
        }
    }

    /// The subtitle: step indicator, title and caption (or the focused firm's story).
    fn subtitle_ui(
        &self,
        ctx: &egui::Context,
        graph: Rect,
        doc: &Document,
        step: Option<&Step>,
        focus: Option<(String, String)>,
        count: usize,
    ) {
        let (title, caption) = match focus {
            Some(caption) => caption,
            None => match step {
                Some(s) => (s.title.clone(), s.caption.clone()),
                None => (doc.project.meta.name.clone(), String::new()),
            },
        };
        let dark = self.look.is_dark();
        let (fill, text, weak) = if dark {
            (
                Color32::from_rgba_unmultiplied(8, 10, 14, 230),
                Color32::from_rgb(245, 246, 248),
                Color32::from_rgb(170, 176, 186),
            )
        } else {
            (
                Color32::from_rgba_unmultiplied(255, 255, 255, 240),
                Color32::from_rgb(12, 12, 16),
                Color32::from_rgb(90, 96, 106),
            )
        };
        let width = (graph.width() * 0.86).min(1500.0);
        let s = self.scale.sqrt();
        egui::Area::new(egui::Id::unique("present-subtitle"))
            .pivot(Align2::CENTER_BOTTOM)
            .fixed_pos(graph.center_bottom() - vec2(0.0, 18.0))
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(fill)
                    .corner_radius(10)
                    .stroke(egui::Stroke::new(1.0, weak.gamma_multiply(0.4)))
                    .inner_margin(egui::Margin::symmetric(22, 12))
                    .show(ui, |ui| {
                        ui.set_width(width);
                        ui.horizontal(|ui| {
                            let indicator = match (self.story, count) {
                                (_, 0) => "0 / 0".to_owned(),
                                _ => format!("{} / {count}", self.step + 1),
                            };
                            ui.label(
                                RichText::new(indicator)
                                    .size(20.0 * s)
                                    .color(weak)
                                    .monospace(),
                            );
                            ui.add_space(12.0);
                            ui.vertical(|ui| {
                                ui.label(RichText::new(title).size(26.0 * s).strong().color(text));
                                if !caption.is_empty() {
                                    ui.label(RichText::new(caption).size(19.0 * s).color(text));
                                }
                            });
                        });
                        if count > 1 {
                            progress_dots(ui, self.step, count, weak, text);
                        }
                    });
            });
    }

    /// Title and caption while a firm is focused.
    fn focus_caption(&self, project: &Project, node: &NodeId, lang: Lang) -> (String, String) {
        let name = project.node_name(node);
        if self.impact {
            let caption = match impact(project, node) {
                Some(i) if i.buyers_cut_off.is_empty() => lang
                    .pick(
                        "若迁出:没有买方会失去全部本地供应",
                        "If it leaves: no buyer loses all its local supply",
                    )
                    .to_owned(),
                Some(i) => match lang {
                    Lang::Zh => format!(
                        "若迁出:{} 家买方失去本地供应,涉及 {:.0} {};下游受波及 {} 家",
                        i.buyers_cut_off.len(),
                        i.value_at_stake,
                        project.meta.unit,
                        i.downstream.len()
                    ),
                    Lang::En => format!(
                        "If it leaves: {} buyers lose their local supply, {:.0} {} at stake; {} firms downstream feel it",
                        i.buyers_cut_off.len(),
                        i.value_at_stake,
                        project.meta.unit,
                        i.downstream.len()
                    ),
                },
                None => String::new(),
            };
            let title = match lang {
                Lang::Zh => format!("{name} · 迁出影响"),
                Lang::En => format!("{name} · if it leaves"),
            };
            return (title, caption);
        }
        let (up, down) = neighbourhood(project, node, self.depth);
        let title = match lang {
            Lang::Zh => format!("{name} · 上下游 {} 级", self.depth),
            Lang::En => format!("{name} · {} step(s) up and down", self.depth),
        };
        let caption = match lang {
            Lang::Zh => format!(
                "上游 {} 家 · 下游 {} 家    [ ] 调整级数 · I 迁出影响 · 点击空白处返回",
                up.len(),
                down.len()
            ),
            Lang::En => format!(
                "{} upstream · {} downstream    [ ] depth · I if it leaves · click empty space to return",
                up.len(),
                down.len()
            ),
        };
        (title, caption)
    }

    fn help_ui(&self, ctx: &egui::Context, lang: Lang, reduce_motion: bool) {
        let state = PresentationState {
            presentation: self,
            reduce_motion,
        };
        help::presentation_help_ui(ctx, lang, &state);
    }
}

/// What the presentation's help shows beside each key: toggles on or off, depth, size, story.
struct PresentationState<'a> {
    presentation: &'a Presentation,
    reduce_motion: bool,
}

impl CommandState for PresentationState<'_> {
    fn enabled(&self, command: AppCommand) -> bool {
        match command {
            AppCommand::ToggleImpact => self.presentation.focus.is_some(),
            AppCommand::ToggleFlow => !self.reduce_motion,
            c => c.is_presentation(),
        }
    }

    fn checked(&self, command: AppCommand) -> Option<bool> {
        let p = self.presentation;
        match command {
            AppCommand::ToggleImpact => Some(p.impact),
            AppCommand::ToggleSpotlight => Some(p.spotlight),
            AppCommand::ToggleFlow => Some(p.flow && !self.reduce_motion),
            _ => None,
        }
    }

    fn detail(&self, command: AppCommand, lang: Lang) -> Option<String> {
        let p = self.presentation;
        match command {
            AppCommand::DepthLess | AppCommand::DepthMore => Some(p.depth.to_string()),
            AppCommand::LargerText | AppCommand::SmallerText | AppCommand::ResetText => {
                Some(format!("{:.0}%", p.scale * 100.0))
            }
            AppCommand::SwitchStory => Some(
                match p.story {
                    Story::Chain => lang.pick("产业链", "chain"),
                    Story::Views => lang.pick("视图", "views"),
                }
                .to_owned(),
            ),
            AppCommand::ToggleFlow if self.reduce_motion => {
                Some(lang.pick("已减少动画", "motion reduced").to_owned())
            }
            _ => None,
        }
    }
}

/// A row of dots, the current step's filled.
fn progress_dots(ui: &mut egui::Ui, step: usize, count: usize, weak: Color32, strong: Color32) {
    let shown = count.min(40);
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 12.0), egui::Sense::hover());
    let gap = (rect.width() / shown as f32).min(16.0);
    let left = rect.center().x - gap * (shown as f32 - 1.0) / 2.0;
    // With more steps than dots, each dot stands for a run of steps.
    let current = step * shown / count;
    for i in 0..shown {
        let c = pos2(left + gap * i as f32, rect.center().y);
        if i == current {
            ui.painter().circle_filled(c, 4.5, strong);
        } else {
            ui.painter().circle_filled(c, 3.0, weak.gamma_multiply(0.6));
        }
    }
}

/// The keys, for the first seconds of a presentation.
fn hint_ui(ctx: &egui::Context, graph: Rect, lang: Lang, look: CanvasLook) {
    let colour = if look.is_dark() {
        Color32::from_rgb(200, 204, 212)
    } else {
        Color32::from_rgb(80, 86, 96)
    };
    egui::Area::new(egui::Id::unique("present-hint"))
        .pivot(Align2::RIGHT_TOP)
        .fixed_pos(graph.right_top() + vec2(-16.0, 12.0))
        .interactable(false)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(lang.pick(
                    "→ 下一步 · ← 上一步 · H 帮助 · Esc 退出",
                    "→ next · ← back · H help · Esc leave",
                ))
                .size(15.0)
                .color(colour),
            );
        });
}

/// The split chart of an agreement, for the panel beside the graph.
fn agreement_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    agreement: &crate::model::Agreement,
    schedule: &crate::sharing::Schedule,
    look: CanvasLook,
    scale: f32,
    lang: Lang,
) {
    let text = look.text();
    ui.label(
        RichText::new(&agreement.name)
            .size(24.0 * scale.sqrt())
            .strong()
            .color(text),
    );
    let Some(view) = sharing_panel::preferred_view(schedule) else {
        ui.label(RichText::new(lang.pick("没有可计算的年份", "Nothing to schedule")).color(text));
        return;
    };
    ui.label(
        RichText::new(format!("{} · {}", view.0.label(lang), view.1.label(lang)))
            .size(17.0 * scale.sqrt())
            .color(text),
    );
    ui.add_space(8.0);
    let height = (ui.available_height() - 20.0).max(200.0);
    if look.is_dark() {
        ui.visuals_mut().override_text_color = Some(text);
    }
    sharing_panel::schedule_chart_ui(
        ui,
        &doc.project,
        schedule,
        view,
        lang,
        height,
        ("present", &agreement.id),
        false,
    );
}

/// The steps of the chain story: an overview, then one step per stage in lane order.
pub fn chain_steps(project: &Project, analysis: Option<&Analysis>, lang: Lang) -> Vec<Step> {
    let lanes = canvas::lanes(project, lang);
    let (top, bottom) = canvas::lane_extent(project);
    let lane_area = |from: usize, to: usize| {
        let left = lanes[from].center_x - LANE_WIDTH / 2.0;
        let right = lanes[to].center_x + LANE_WIDTH / 2.0;
        Rect::from_min_max(pos2(left, top - 40.0), pos2(right, bottom))
    };
    let mut steps = vec![overview_step(project, analysis, lang, &lanes, &lane_area)];
    if lanes.is_empty() {
        return steps;
    }
    // Who is linked to whom, for parks and regions (no stage): lit with their first lit firm.
    let mut neighbours: BTreeMap<&NodeId, Vec<&NodeId>> = BTreeMap::new();
    for link in project.links.values() {
        neighbours.entry(&link.from).or_default().push(&link.to);
        neighbours.entry(&link.to).or_default().push(&link.from);
    }
    let unit = &project.meta.unit;
    for (i, lane) in lanes.iter().enumerate() {
        let lit_stages: BTreeSet<&StageId> = lanes[..=i].iter().map(|l| &l.stage).collect();
        let staged_lit = |id: &NodeId| {
            project
                .nodes
                .get(id)
                .is_some_and(|n| n.stages.iter().any(|s| lit_stages.contains(s)))
        };
        let mut nodes: BTreeSet<NodeId> = BTreeSet::new();
        for node in project.nodes.values() {
            let lit = if node.stages.is_empty() {
                neighbours
                    .get(&node.id)
                    .is_some_and(|ns| ns.iter().any(|n| staged_lit(n)))
            } else {
                staged_lit(&node.id)
            };
            if lit {
                nodes.insert(node.id.clone());
            }
        }
        let in_stage = |id: &NodeId| {
            project
                .nodes
                .get(id)
                .is_some_and(|n| n.stages.contains(&lane.stage))
        };
        let links: BTreeSet<_> = project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply && in_stage(&l.to) && nodes.contains(&l.from))
            .map(|l| l.id.clone())
            .collect();
        let highlight = Highlight {
            nodes,
            stages: BTreeSet::from([lane.stage.clone()]),
            links,
            dim_stages: lanes[i + 1..].iter().map(|l| l.stage.clone()).collect(),
            ..Highlight::default()
        };
        // The lit stages, at least a few lanes wide: the chain grows across the screen.
        let to = i.max(MIN_LANES_IN_VIEW - 1).min(lanes.len() - 1);
        let segment = lane.segment.label(lang);
        let title = format!("{segment} · {}", lane.name);
        let caption = stage_caption(project, analysis, &lane.stage, lang, unit);
        steps.push(Step {
            title,
            caption,
            highlight: Some(highlight),
            target: Target::Area {
                area: lane_area(0, to),
                from_left: true,
            },
            colouring: None,
            filter: ViewFilter::default(),
            agreement: None,
        });
    }
    steps
}

fn overview_step(
    project: &Project,
    analysis: Option<&Analysis>,
    lang: Lang,
    lanes: &[canvas::Lane],
    lane_area: &dyn Fn(usize, usize) -> Rect,
) -> Step {
    let firms = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() && n.kind.is_local())
        .count();
    let mut parts = vec![match lang {
        Lang::Zh => format!("{} 个环节 · {firms} 家本地经营主体", lanes.len()),
        Lang::En => format!("{} stages · {}", lanes.len(), local_firms_en(firms)),
    }];
    if let Some(a) = analysis {
        let c = &a.completeness;
        parts.push(match lang {
            Lang::Zh => format!(
                "环节覆盖 {}/{} · 产品完整度 {}/{}",
                c.stages_covered, c.stages_total, c.products_covered, c.products_required
            ),
            Lang::En => format!(
                "stages covered {}/{} · products {}/{}",
                c.stages_covered, c.stages_total, c.products_covered, c.products_required
            ),
        });
        if a.local_supporting_rate.is_some() {
            parts.push(format!(
                "{} {}",
                lang.pick("本地配套率", "local supporting rate"),
                crate::analysis::percent(a.local_supporting_rate)
            ));
        }
    }
    let area = match lanes.len() {
        0 => canvas::bounds(project).unwrap_or(Rect::NOTHING),
        n => lane_area(0, n - 1),
    };
    let target = Target::Area {
        area,
        from_left: false,
    };
    let title = if project.meta.name.is_empty() {
        lang.pick("产业链全景", "The whole chain").to_owned()
    } else {
        project.meta.name.clone()
    };
    Step {
        title,
        caption: parts.join(" · "),
        highlight: None,
        target,
        colouring: None,
        filter: ViewFilter::default(),
        agreement: None,
    }
}

fn local_firms_en(n: usize) -> String {
    match n {
        1 => "1 local firm".to_owned(),
        n => format!("{n} local firms"),
    }
}

/// "3 local firms · output 1 200 万元 · local supply 90 %", then the stage's gaps.
fn stage_caption(
    project: &Project,
    analysis: Option<&Analysis>,
    stage: &StageId,
    lang: Lang,
    unit: &str,
) -> String {
    let Some(a) = analysis else {
        let n = project
            .nodes
            .values()
            .filter(|n| n.kind.is_local() && n.stages.contains(stage))
            .count();
        return match lang {
            Lang::Zh => format!("本地经营主体 {n} 家"),
            Lang::En => local_firms_en(n),
        };
    };
    let mut parts = Vec::new();
    if let Some(r) = a.stages.iter().find(|s| &s.id == stage) {
        parts.push(match lang {
            Lang::Zh => format!(
                "本地经营主体 {} 家 · 产值 {:.0} {unit}",
                r.local_enterprises.len(),
                r.output
            ),
            Lang::En => format!(
                "{} · output {:.0} {unit}",
                local_firms_en(r.local_enterprises.len()),
                r.output
            ),
        });
        if r.local_supporting_rate.is_some() {
            parts.push(format!(
                "{} {}",
                lang.pick("本地配套率", "local supply"),
                crate::analysis::percent(r.local_supporting_rate)
            ));
        }
    }
    let mut text = parts.join(" · ");
    let gaps: Vec<String> = a
        .gaps
        .iter()
        .filter(|g| g.stage.as_ref() == Some(stage))
        .take(2)
        .map(|g| match lang {
            Lang::Zh => format!("{}:{}", g.class.action(lang), g.message(lang)),
            Lang::En => format!("{}: {}", g.class.action(lang), g.message(lang)),
        })
        .collect();
    for g in gaps {
        text.push('\n');
        text.push_str(&g);
    }
    text
}

/// The steps of the saved views, in slide order.
pub fn view_steps(project: &Project, lang: Lang) -> Vec<Step> {
    let mut views: Vec<_> = project.views.values().collect();
    views.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    views
        .into_iter()
        .map(|v| {
            let nodes: BTreeSet<NodeId> = v
                .highlight
                .iter()
                .filter(|id| project.nodes.contains_key(*id))
                .cloned()
                .collect();
            let target = match v.camera {
                Some(cam) => Target::Saved(cam),
                None => Target::Area {
                    area: canvas::bounds(project).unwrap_or(Rect::NOTHING),
                    from_left: false,
                },
            };
            Step {
                title: if v.name.is_empty() {
                    lang.pick("(未命名视图)", "(untitled view)").to_owned()
                } else {
                    v.name.clone()
                },
                caption: v.caption.clone(),
                highlight: (!nodes.is_empty()).then(|| Highlight {
                    nodes,
                    ..Highlight::default()
                }),
                target,
                colouring: Some(v.colouring),
                filter: v.filter.clone(),
                agreement: v.agreement.clone(),
            }
        })
        .collect()
}

/// The firms up to `depth` supply links upstream of `node`, and those downstream (neither
/// includes `node`). Breadth-first, so each is reached by its shortest path.
pub fn neighbourhood(
    project: &Project,
    node: &NodeId,
    depth: usize,
) -> (BTreeSet<NodeId>, BTreeSet<NodeId>) {
    let mut sellers: BTreeMap<&NodeId, Vec<&NodeId>> = BTreeMap::new();
    let mut buyers: BTreeMap<&NodeId, Vec<&NodeId>> = BTreeMap::new();
    for l in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
    {
        sellers.entry(&l.to).or_default().push(&l.from);
        buyers.entry(&l.from).or_default().push(&l.to);
    }
    let walk = |next: &BTreeMap<&NodeId, Vec<&NodeId>>| {
        let mut seen: BTreeSet<NodeId> = BTreeSet::new();
        let mut queue = VecDeque::from([(node, 0usize)]);
        while let Some((at, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for n in next.get(at).into_iter().flatten() {
                if *n != node && seen.insert((*n).clone()) {
                    queue.push_back((n, d + 1));
                }
            }
        }
        seen
    };
    (walk(&sellers), walk(&buyers))
}

/// The focused firm with its neighbourhood lit, and the supply links among them.
pub fn neighbourhood_highlight(project: &Project, node: &NodeId, depth: usize) -> Highlight {
    let (up, down) = neighbourhood(project, node, depth);
    let mut nodes: BTreeSet<NodeId> = up.union(&down).cloned().collect();
    nodes.insert(node.clone());
    let links = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply && nodes.contains(&l.from) && nodes.contains(&l.to))
        .filter(|l| {
            &l.from == node || &l.to == node || up.contains(&l.to) || down.contains(&l.from)
        })
        .map(|l| l.id.clone())
        .collect();
    Highlight {
        nodes,
        links,
        ..Highlight::default()
    }
}

/// What breaks if the firm leaves: it and everything downstream lit, the buyers left without
/// local supply in the warning colour.
pub fn impact_highlight(project: &Project, node: &NodeId) -> Highlight {
    let Some(i) = impact(project, node) else {
        return Highlight::default();
    };
    let mut nodes: BTreeSet<NodeId> = i.downstream.iter().cloned().collect();
    nodes.insert(node.clone());
    let danger: BTreeSet<NodeId> = i.buyers_cut_off.iter().cloned().collect();
    let links = project
        .links
        .values()
        .filter(|l| &l.from == node && danger.contains(&l.to))
        .map(|l| l.id.clone())
        .collect();
    Highlight {
        nodes,
        danger,
        links,
        ..Highlight::default()
    }
}

/// Height kept free at the bottom of the screen for the subtitle.
fn subtitle_room(scale: f32) -> f32 {
    140.0 * scale.sqrt()
}

/// The camera showing a canvas area above the subtitle (whose height grows with `scale`).
fn camera_for_area(area: Rect, size: Vec2, scale: f32, from_left: bool) -> Camera {
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

fn whole_project(project: &Project, size: Vec2) -> Camera {
    match canvas::bounds(project) {
        Some(b) => camera_for_area(b, size, 1.0, false),
        None => Camera::default(),
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
    use crate::model::{Link, LinkId, Node, NodeKind};

    fn project(links: &[(&str, &str)]) -> Project {
        let mut p = Project::default();
        for (a, b) in links {
            for id in [a, b] {
                p.nodes.insert(
                    NodeId::from(*id),
                    Node {
                        id: NodeId::from(*id),
                        kind: NodeKind::Enterprise,
                        ..Node::default()
                    },
                );
            }
            let id = LinkId::from(format!("{a}-{b}"));
            p.links.insert(
                id.clone(),
                Link {
                    id,
                    from: NodeId::from(*a),
                    to: NodeId::from(*b),
                    kind: LinkKind::Supply,
                    ..Link::default()
                },
            );
        }
        p
    }

    fn ids(list: &[&str]) -> BTreeSet<NodeId> {
        list.iter().map(|s| NodeId::from(*s)).collect()
    }

    #[test]
    fn neighbourhood_follows_supply_to_the_depth_asked() {
        // a → b → c → d, and e → c; c → b makes a loop that must not run forever.
        let p = project(&[("a", "b"), ("b", "c"), ("c", "d"), ("e", "c"), ("c", "b")]);
        let c = NodeId::from("c");
        assert_eq!(
            neighbourhood(&p, &c, 1),
            (ids(&["b", "e"]), ids(&["b", "d"]))
        );
        assert_eq!(
            neighbourhood(&p, &c, 2),
            (ids(&["a", "b", "e"]), ids(&["b", "d"]))
        );
        assert_eq!(neighbourhood(&p, &c, 0), (ids(&[]), ids(&[])));
        let h = neighbourhood_highlight(&p, &NodeId::from("a"), 1);
        assert_eq!(h.nodes, ids(&["a", "b"]));
        assert_eq!(h.links, BTreeSet::from([LinkId::from("a-b")]));
    }

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
    fn an_empty_project_has_just_the_overview() {
        let empty = Project::default();
        let steps = chain_steps(&empty, None, Lang::En);
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].title, "The whole chain");
        let Target::Area { area, .. } = steps[0].target else {
            panic!("an area");
        };
        assert_eq!(
            camera_for_area(area, vec2(800.0, 600.0), 1.0, false),
            Camera::default()
        );
        assert!(view_steps(&empty, Lang::En).is_empty());
    }

    #[test]
    fn chain_story_lights_stage_by_stage() {
        let project = crate::ui::app::bundled_sample();
        let steps = chain_steps(&project, None, Lang::Zh);
        let lanes = canvas::lanes(&project, Lang::Zh);
        assert_eq!(steps.len(), lanes.len() + 1, "an overview, then each stage");
        assert!(steps[0].highlight.is_none());
        let mut previous: BTreeSet<NodeId> = BTreeSet::new();
        for (i, lane) in lanes.iter().enumerate() {
            let h = steps[i + 1]
                .highlight
                .as_ref()
                .expect("a stage step lights");
            // Every firm of this stage and of the earlier ones is lit ...
            for node in project.nodes.values() {
                let earlier = lanes[..=i].iter().any(|l| node.stages.contains(&l.stage));
                if earlier {
                    assert!(h.nodes.contains(&node.id), "{} at step {}", node.id, i + 1);
                }
                let later_only = !node.stages.is_empty() && !earlier;
                if later_only {
                    assert!(!h.nodes.contains(&node.id), "{} lit too early", node.id);
                }
            }
            // ... what was lit stays lit, later stages are dimmed, and the accented links are
            // the supply into this stage.
            assert!(previous.is_subset(&h.nodes));
            previous = h.nodes.clone();
            assert_eq!(h.dim_stages.len(), lanes.len() - i - 1);
            for id in &h.links {
                let link = &project.links[id];
                assert!(project.nodes[&link.to].stages.contains(&lane.stage));
            }
        }
    }
}
