//! The key-help overlays, generated from the command table: F1 in the editor lists every
//! command with its keys, menu by menu, and the mouse gestures; H while presenting lists the
//! presentation keys with the state of each toggle.

use super::{AppCommand, CommandState, Menu, Mode, keys::keys_text};
use crate::i18n::Lang;
use egui::{Align2, RichText, Vec2, vec2};

/// Mouse gestures of the editor's canvas (not commands, so listed here).
fn editor_gestures(lang: Lang) -> [(&'static str, &'static str); 7] {
    [
        (
            lang.pick("双击空白处", "Double-click empty space"),
            lang.pick("添加节点", "add a node"),
        ),
        (
            lang.pick("拖动节点", "Drag a node"),
            lang.pick(
                "移动(所选节点一起移动)",
                "move it (with the rest of the selection)",
            ),
        ),
        (
            lang.pick("拖动节点旁的 +", "Drag a node's +"),
            lang.pick("连线到另一节点", "link it to another node"),
        ),
        (
            lang.pick("Shift + 拖动空白处", "Shift + drag empty space"),
            lang.pick("框选", "select by rectangle"),
        ),
        (
            lang.pick("Shift/Ctrl + 点击", "Shift/Ctrl + click"),
            lang.pick("加选或减选", "add to or take from the selection"),
        ),
        (
            lang.pick("拖动空白处 / 中键拖动", "Drag empty space / middle drag"),
            lang.pick("平移画布", "pan"),
        ),
        (
            lang.pick("滚轮 / 双指缩放", "Wheel / pinch"),
            lang.pick("以鼠标处为中心缩放", "zoom at the pointer"),
        ),
    ]
}

/// Mouse gestures while presenting.
fn presentation_gestures(lang: Lang) -> [(&'static str, &'static str); 2] {
    [
        (
            lang.pick("点击企业", "Click a firm"),
            lang.pick("聚焦其上下游", "focus on its upstream and downstream"),
        ),
        (
            lang.pick("再次点击 / 点击空白处", "Click it again / empty space"),
            lang.pick("取消聚焦", "clear the focus"),
        ),
    ]
}

/// The editor's key help, a window the user closes (F1 again, Esc or ×).
pub fn editor_help_ui(ctx: &egui::Context, lang: Lang, open: &mut bool) {
    egui::Window::new(lang.pick("快捷键与鼠标操作", "Keys and mouse"))
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().max_height(ctx.content_rect().height() * 0.7).show(ui, |ui| {
                egui::Grid::new("key-help").num_columns(2).striped(true).spacing([24.0, 4.0]).show(ui, |ui| {
                    for menu in Menu::ALL {
                        ui.strong(menu.label(lang));
                        ui.end_row();
                        for command in AppCommand::all().into_iter().filter(|c| c.menu() == Some(menu)) {
                            let keys = keys_text(ctx, command, Mode::Editor);
                            if keys.is_empty() {
                                continue;
                            }
                            ui.monospace(keys);
                            ui.label(command.label(lang));
                            ui.end_row();
                        }
                    }
                    ui.strong(lang.pick("鼠标", "Mouse"));
                    ui.end_row();
                    for (what, does) in editor_gestures(lang) {
                        ui.strong(what);
                        ui.label(does);
                        ui.end_row();
                    }
                });
                ui.add_space(6.0);
                ui.weak(lang.pick(
                    "在文本框中输入时,Delete、Ctrl+Z 等按键作用于文字。全部命令见 Ctrl+K。",
                    "While typing in a field, Delete, Ctrl+Z and the like act on the text. Every command: Ctrl+K.",
                ));
            });
        });
}

/// The presentation's key help, drawn over the graph until H is pressed again.
pub fn presentation_help_ui(ctx: &egui::Context, lang: Lang, state: &dyn CommandState) {
    let on_off = |on: bool| {
        if on {
            lang.pick("开", "on")
        } else {
            lang.pick("关", "off")
        }
    };
    let mut rows: Vec<(String, String, bool)> = AppCommand::PRESENTATION
        .into_iter()
        .map(|command| {
            let mut what = command.label(lang);
            if let Some(detail) = state.detail(command, lang) {
                what = format!("{what} ({detail})");
            } else if let Some(on) = state.checked(command) {
                what = format!("{what} ({})", on_off(on));
            }
            (keys_text(ctx, command, Mode::Presenting), what, true)
        })
        .collect();
    rows.extend(presentation_gestures(lang).map(|(a, b)| (a.to_owned(), b.to_owned(), false)));
    // Near the top, so the subtitle at the bottom stays readable.
    egui::Area::new(egui::Id::unique("present-help"))
        .anchor(Align2::CENTER_TOP, vec2(0.0, 24.0))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(18.0)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(lang.pick("演示模式按键", "Presentation keys"))
                            .size(20.0)
                            .strong(),
                    );
                    ui.add_space(6.0);
                    egui::Grid::new("present-help-grid")
                        .num_columns(2)
                        .spacing(vec2(24.0, 5.0))
                        .show(ui, |ui| {
                            for (keys, what, is_key) in rows {
                                let keys = RichText::new(keys).size(15.0).strong();
                                ui.label(if is_key { keys.monospace() } else { keys });
                                ui.label(RichText::new(what).size(15.0));
                                ui.end_row();
                            }
                        });
                });
        });
}
