//! What the presentation draws over the graph: the subtitle (step indicator, title, caption and
//! progress dots), the key hint of the first seconds, and the key help (H), generated from the
//! command table with the state of each toggle.

use super::{FrameInfo, Presentation, Story};
use crate::i18n::Lang;
use crate::ui::command::{AppCommand, CommandState, help};
use crate::ui::theme::CanvasLook;
use egui::{Align2, Color32, Rect, RichText, pos2, vec2};

/// How long the key hint stays up after entering (seconds).
const HINT_SECONDS: f64 = 6.0;

impl Presentation {
    /// The help or, in the first seconds, the key hint, over the `graph` area.
    pub(super) fn hints_ui(&self, ctx: &egui::Context, graph: Rect, frame: FrameInfo) {
        if self.help {
            let state = PresentationState {
                presentation: self,
                reduce_motion: frame.reduce_motion,
            };
            help::presentation_help_ui(ctx, frame.lang, &state);
        } else if frame.now - frame.started < HINT_SECONDS {
            hint_ui(ctx, graph, frame.lang, self.look);
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    }

    /// The subtitle of `count` steps at the bottom of the `graph` area: step indicator, title
    /// and caption (or the focused firm's story). Returns where it is on screen.
    pub(super) fn subtitle_ui(
        &self,
        ctx: &egui::Context,
        graph: Rect,
        (title, caption): (String, String),
        count: usize,
    ) -> Rect {
        let (fill, text, weak) = subtitle_colours(self.look);
        let width = (graph.width() * 0.86).min(1500.0);
        let s = self.scale.sqrt();
        let indicator = match (self.story, count) {
            (_, 0) => "0 / 0".to_owned(),
            _ => format!("{} / {count}", self.step + 1),
        };
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
                            let indicator = RichText::new(indicator).size(20.0 * s);
                            ui.label(indicator.color(weak).monospace());
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
            })
            .response
            .rect
    }
}

/// The subtitle's (fill, text, weak text) colours for the projector look.
fn subtitle_colours(look: CanvasLook) -> (Color32, Color32, Color32) {
    if look.is_dark() {
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
            AppCommand::LargerText | AppCommand::SmallerText => {
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
