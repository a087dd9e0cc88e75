//! The empty canvas: a project with no stages and no firms shows, in the middle of the canvas,
//! what to do next — add the first stage (named at once on its lane) or import spreadsheets.

use super::CanvasFrame;
use crate::ui::command::AppCommand;
use crate::ui::panels::outline::Gestures;
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;
use egui::{Align, Color32, CornerRadius, Frame, Layout, Margin, RichText, Stroke, vec2};

/// The card's width (points): wide enough for the Chinese text in two short paragraphs.
const CARD_WIDTH: f32 = 420.0;

/// Draws the card when the project is empty (editor only).
pub(super) fn empty_ui(
    ui: &mut egui::Ui,
    frame: &CanvasFrame<'_>,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let project = frame.project;
    if frame.opts.read_only || project.stages().next().is_some() || !project.nodes.is_empty() {
        return;
    }
    let lang = frame.lang;
    let dark = frame.opts.look.is_dark();
    let area = frame.screen.rect;
    let width = CARD_WIDTH.min(area.width() - 32.0).max(200.0);
    let fill = if dark {
        Color32::from_rgb(40, 44, 52)
    } else {
        Color32::WHITE
    };
    egui::Area::new(ui.scope_id().with("empty-canvas"))
        .order(egui::Order::Middle)
        .pivot(egui::Align2::CENTER_CENTER)
        .fixed_pos(area.center())
        .constrain_to(area)
        .show(ui.ctx(), |ui| {
            Frame::new()
                .fill(fill)
                .stroke(Stroke::new(
                    1.0,
                    ui.visuals().widgets.noninteractive.bg_stroke.color,
                ))
                .corner_radius(CornerRadius::same(10))
                .shadow(ui.visuals().popup_shadow)
                .inner_margin(Margin::same(24))
                .show(ui, |ui| {
                    ui.set_width(width);
                    card_ui(ui, frame, state, queue, lang);
                });
        });
}

fn card_ui(
    ui: &mut egui::Ui,
    frame: &CanvasFrame<'_>,
    state: &mut UiState,
    queue: &mut Queue,
    lang: crate::i18n::Lang,
) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
    ui.label(
        RichText::new(lang.pick("从第一个环节开始", "Start with the first stage"))
            .size(20.0)
            .strong(),
    );
    ui.add_space(8.0);
    ui.label(lang.pick(
        "产业链图谱按环节分成一列列泳道(如“菌种研发”“栽培”“加工”“销售”),企业放进它所在环节的泳道。",
        "A chain map is laid out in lanes, one per stage of the chain (spawn, growing, processing, sales …); each firm sits in the lane of its stage.",
    ));
    ui.add_space(4.0);
    ui.label(
        RichText::new(lang.pick(
            "先添加环节并命名,再给环节添加产品、在泳道里添加企业;或者从已有的表格导入环节和企业。",
            "Add and name the stages first, then their products and the firms in each lane — or import stages and firms from spreadsheets you already have.",
        ))
        .weak(),
    );
    ui.add_space(16.0);
    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
        let first = egui::Button::new(
            RichText::new(lang.pick("＋ 添加第一个环节", "＋ Add the first stage"))
                .color(Color32::WHITE)
                .size(15.0),
        )
        .fill(theme::segment_strong(crate::model::Segment::Upstream))
        .min_size(vec2(0.0, 32.0));
        if ui.add(first).clicked() {
            let mut g = Gestures {
                project: frame.project,
                lang,
                state,
                queue,
            };
            g.add_first_stage();
        }
        let import = egui::Button::new(
            RichText::new(lang.pick("导入表格…", "Import spreadsheets…")).size(15.0),
        )
        .min_size(vec2(0.0, 32.0));
        if ui.add(import).clicked() {
            queue.commands.push(AppCommand::Import);
        }
    });
}
