//! The status bar: counts, selection, zoom, unsaved state, and the last message.

use crate::document::Document;
use crate::ui::state::UiState;
use crate::ui::theme;

pub fn status_ui(ui: &mut egui::Ui, doc: &Document, state: &UiState) {
    let lang = state.lang();
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} {} · {} {}",
            lang.pick("节点", "Nodes"),
            doc.project.nodes.len(),
            lang.pick("连线", "Links"),
            doc.project.links.len()
        ));
        ui.separator();
        ui.label(format!(
            "{} {}",
            lang.pick("已选", "Selected"),
            state.selection.count()
        ));
        ui.separator();
        let zoom = match state.view_mode {
            crate::ui::state::ViewMode::Chain => state.camera.zoom,
            crate::ui::state::ViewMode::Territory => state.territory.camera.zoom,
        };
        ui.label(format!(
            "{} {:.0}%",
            lang.pick("缩放", "Zoom"),
            zoom * 100.0
        ));
        ui.separator();
        if doc.is_dirty() {
            ui.colored_label(theme::WARNING, lang.pick("● 未保存", "● Unsaved"));
        } else {
            ui.label(lang.pick("已保存", "Saved"));
        }
        let hint = lang.pick(
            "拖动空白处平移 · 滚轮缩放 · Shift+拖动框选 · 双击空白处添加节点",
            "Drag empty space to pan · wheel to zoom · Shift+drag to select · double-click to add",
        );
        if let Some(m) = &state.message {
            ui.separator();
            // A long message is cut (whole on hover) before the hint, never drawn under it.
            let font = egui::TextStyle::Body.resolve(ui.style());
            let hint_width = ui
                .painter()
                .layout_no_wrap(hint.to_owned(), font, egui::Color32::PLACEHOLDER)
                .size()
                .x;
            let room = (ui.available_width() - hint_width - 16.0).max(120.0);
            let colour = if m.is_error {
                theme::ERROR
            } else {
                ui.visuals().text_color()
            };
            let text = egui::RichText::new(&m.text).color(colour);
            ui.allocate_ui(egui::vec2(room, ui.available_height()), |ui| {
                ui.add(egui::Label::new(text).truncate());
            });
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(hint);
        });
    });
}
