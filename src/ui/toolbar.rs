//! The toolbar under the menu bar: the tools a new user looks for first (add an enterprise, link,
//! lay out, analyse, present) and the command palette. Each button gives the same command as its
//! menu item, from the command table, so its state (enabled, on) and its key come from one place;
//! the tooltip says what it does and its key. Toggles are drawn pressed while on.
//!
//! The icons are painted, not glyphs: the bundled fonts cover Chinese and a few symbols, not the
//! pictographs a toolbar wants.

use crate::i18n::Lang;
use crate::ui::command::keys::shortcut_text;
use crate::ui::command::{AppCommand, CommandState};
use crate::ui::state::Queue;
use egui::{Color32, Pos2, Rect, Response, Role, Sense, Shape, Stroke, Vec2, WidgetInfo};
use egui::{pos2, vec2};

/// A toolbar tool: its command and its picture.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Icon {
    Plus,
    Link,
    Lanes,
    Chart,
    Play,
    Search,
    /// Town tiles: the territory view.
    Map,
}

/// The tools in order; a separator goes before each group after the first.
const GROUPS: [&[(AppCommand, Icon)]; 3] = [
    &[
        (AppCommand::AddEnterprise, Icon::Plus),
        (AppCommand::LinkTool, Icon::Link),
    ],
    &[(AppCommand::AutoLayout, Icon::Lanes)],
    &[
        (AppCommand::ToggleAnalysis, Icon::Chart),
        (AppCommand::Present, Icon::Play),
    ],
];

/// The short name a tool shows (menus say more: "自动布局(串珠成链)").
fn tool_label(command: AppCommand, lang: Lang) -> String {
    let text = match command {
        AppCommand::AddEnterprise => lang.pick("添加企业", "Add Enterprise"),
        AppCommand::LinkTool => lang.pick("连线", "Link"),
        AppCommand::AutoLayout => lang.pick("自动布局", "Auto Layout"),
        AppCommand::ToggleAnalysis => lang.pick("分析", "Analysis"),
        AppCommand::Present => lang.pick("演示", "Present"),
        AppCommand::Palette => lang.pick("命令面板", "Command Palette"),
        other => return other.label(lang),
    };
    text.to_owned()
}

/// Draws the toolbar; a click queues the tool's command.
pub fn toolbar_ui(
    ui: &mut egui::Ui,
    state: &dyn CommandState,
    scenarios: &crate::ui::scenarios::Choices,
    queue: &mut Queue,
    lang: Lang,
) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        view_switch(ui, state, queue, lang);
        ui.separator();
        crate::ui::scenarios::switch_ui(ui, scenarios, queue, lang);
        for group in GROUPS {
            ui.separator();
            for &(command, icon) in group {
                tool(ui, command, icon, state, queue, lang, false);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            tool(
                ui,
                AppCommand::Palette,
                Icon::Search,
                state,
                queue,
                lang,
                true,
            );
        });
    });
}

/// The two views, side by side, the one on show pressed: 产业链 (the chain in its lanes) and
/// 空间 (the county's towns). Either gives the one toggle command, so the menu, the key and
/// this switch agree.
fn view_switch(ui: &mut egui::Ui, state: &dyn CommandState, queue: &mut Queue, lang: Lang) {
    let command = AppCommand::ToggleTerritory;
    let territory = state.checked(command) == Some(true);
    let key = command
        .shortcut()
        .map(|shortcut| shortcut_text(ui.ctx(), &shortcut))
        .unwrap_or_default();
    for (is_territory, icon, label, hint) in [
        (
            false,
            Icon::Lanes,
            lang.pick("产业链", "Chain"),
            lang.pick("产业链视图:按环节分泳道", "Chain view: one lane per stage"),
        ),
        (
            true,
            Icon::Map,
            lang.pick("空间", "Territory"),
            lang.pick(
                "县域空间视图:各镇及其企业、园区",
                "Territory view: the towns with their firms and parks",
            ),
        ),
    ] {
        let on = territory == is_territory;
        let response = tool_button(ui, icon, label, None, true, on);
        let tooltip = format!("{hint}\n{} {key}", lang.pick("快捷键", "Key:"));
        if response.on_hover_text(tooltip).clicked() && !on {
            queue.commands.push(command);
        }
    }
}

/// One tool button: the icon, the label, and (for the palette) its key beside the label.
fn tool(
    ui: &mut egui::Ui,
    command: AppCommand,
    icon: Icon,
    state: &dyn CommandState,
    queue: &mut Queue,
    lang: Lang,
    show_key: bool,
) {
    let enabled = state.enabled(command);
    let on = state.checked(command) == Some(true);
    let label = tool_label(command, lang);
    let key = command
        .shortcut()
        .map(|shortcut| shortcut_text(ui.ctx(), &shortcut));
    let response = tool_button(
        ui,
        icon,
        &label,
        key.as_deref().filter(|_| show_key),
        enabled,
        on,
    );
    let tooltip = match &key {
        Some(key) => format!(
            "{}\n{} {key}",
            command.tooltip(lang),
            lang.pick("快捷键", "Key:")
        ),
        None => command.tooltip(lang).to_owned(),
    };
    if response.on_hover_text(tooltip).clicked() {
        queue.commands.push(command);
    }
}

/// Room for the icon, and between icon, label and key.
const ICON: f32 = 14.0;
const GAP: f32 = 5.0;

/// A button showing `icon` and `label` (and `key`, weak, after it), drawn pressed when `on`.
fn tool_button(
    ui: &mut egui::Ui,
    icon: Icon,
    label: &str,
    key: Option<&str>,
    enabled: bool,
    on: bool,
) -> Response {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let text_colour = ui.visuals().text_color();
    let galley = ui
        .painter()
        .layout_no_wrap(label.to_owned(), font.clone(), text_colour);
    let key_galley = key.map(|k| {
        ui.painter()
            .layout_no_wrap(k.to_owned(), font.clone(), ui.visuals().weak_text_color())
    });
    let padding = ui.spacing().button_padding;
    let key_width = key_galley.as_ref().map_or(0.0, |g| g.size().x + 2.0 * GAP);
    let size = vec2(
        padding.x * 2.0 + ICON + GAP + galley.size().x + key_width,
        (galley.size().y.max(ICON) + padding.y * 2.0).max(ui.spacing().interact_size.y),
    );
    let sense = if enabled {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(size, sense);
    response.widget_info(|| WidgetInfo::selected(Role::Button, enabled, on, label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, on);
    let painter = ui.painter();
    if on || response.hovered() || response.is_pointer_button_down_on() {
        painter.rect(
            rect,
            visuals.corner_radius,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    let fade = |c: Color32| if enabled { c } else { c.gamma_multiply(0.45) };
    let ink = fade(if on {
        visuals.text_color()
    } else {
        ui.visuals().text_color()
    });
    let icon_rect = Rect::from_center_size(
        pos2(rect.left() + padding.x + ICON / 2.0, rect.center().y),
        Vec2::splat(ICON),
    );
    paint_icon(painter, icon, icon_rect, ink);
    let text_pos = pos2(
        icon_rect.right() + GAP,
        rect.center().y - galley.size().y / 2.0,
    );
    let text_width = galley.size().x;
    painter.galley(text_pos, galley, ink);
    if let Some(key_galley) = key_galley {
        let pos = pos2(
            text_pos.x + text_width + 2.0 * GAP,
            rect.center().y - key_galley.size().y / 2.0,
        );
        painter.galley(pos, key_galley, fade(ui.visuals().weak_text_color()));
    }
    response
}

/// Paints `icon` in `rect` with the colour `ink`.
fn paint_icon(painter: &egui::Painter, icon: Icon, rect: Rect, ink: Color32) {
    let stroke = Stroke::new(1.6, ink);
    let at = |x: f32, y: f32| {
        pos2(
            rect.left() + x * rect.width(),
            rect.top() + y * rect.height(),
        )
    };
    match icon {
        Icon::Plus => {
            painter.line_segment([at(0.5, 0.1), at(0.5, 0.9)], Stroke::new(2.0, ink));
            painter.line_segment([at(0.1, 0.5), at(0.9, 0.5)], Stroke::new(2.0, ink));
        }
        Icon::Link => {
            painter.line_segment([at(0.25, 0.75), at(0.75, 0.25)], stroke);
            painter.circle(at(0.22, 0.78), 2.6, ink, Stroke::NONE);
            painter.circle(at(0.78, 0.22), 2.6, ink, Stroke::NONE);
        }
        Icon::Lanes => {
            for (x, top) in [(0.15, 0.15), (0.5, 0.35), (0.85, 0.1)] {
                painter.line_segment(
                    [at(x, 0.05), at(x, 0.95)],
                    Stroke::new(1.0, ink.gamma_multiply(0.5)),
                );
                painter.circle(at(x, top + 0.25), 2.0, ink, Stroke::NONE);
                painter.circle(at(x, top + 0.6), 2.0, ink, Stroke::NONE);
            }
        }
        Icon::Chart => {
            for (x, h) in [(0.12, 0.4), (0.42, 0.75), (0.72, 0.55)] {
                let bar = Rect::from_min_max(at(x, 0.95 - h), at(x + 0.2, 0.95));
                painter.rect_filled(bar, 1.0, ink);
            }
        }
        Icon::Play => {
            let points: Vec<Pos2> = vec![at(0.2, 0.1), at(0.9, 0.5), at(0.2, 0.9)];
            painter.add(Shape::convex_polygon(points, ink, Stroke::NONE));
        }
        Icon::Map => {
            let tiles = [
                (0.05, 0.1, 0.55, 0.55),
                (0.6, 0.1, 0.95, 0.45),
                (0.05, 0.6, 0.4, 0.95),
                (0.45, 0.5, 0.95, 0.95),
            ];
            for (x0, y0, x1, y1) in tiles {
                let tile = Rect::from_min_max(at(x0, y0), at(x1, y1));
                painter.rect_stroke(tile, 1.5, stroke, egui::StrokeKind::Inside);
            }
        }
        Icon::Search => {
            painter.circle_stroke(at(0.42, 0.42), rect.width() * 0.3, stroke);
            painter.line_segment([at(0.64, 0.64), at(0.92, 0.92)], Stroke::new(2.0, ink));
        }
    }
}
