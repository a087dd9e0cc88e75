//! A side panel folded to a strip: its tabs as narrow vertical buttons, so the map keeps the
//! width and one click brings the panel back. Chinese reads top to bottom with its characters
//! upright (as on a book's spine); English is turned a quarter clockwise.

use crate::i18n::Lang;
use egui::{FontId, Rect, Role, Sense, Stroke, StrokeKind, WidgetInfo, pos2, vec2};

/// Width of a folded side panel (its strip), outer size.
pub const STRIP_WIDTH: f32 = 30.0;

/// Padding above and below a tab's text.
const PAD: f32 = 8.0;

/// One vertical tab of a strip: `label` written down the strip, `hint` on hover; clicked opens.
pub fn vertical_tab(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    selected: bool,
    lang: Lang,
) -> egui::Response {
    let font = FontId::proportional(13.5);
    let colour = ui.visuals().widgets.inactive.text_color();
    let width = (ui.available_width()).min(STRIP_WIDTH - 6.0);
    // Upright characters stacked (Chinese), or the whole word turned (English).
    let upright = lang == Lang::Zh;
    let galleys: Vec<_> = if upright {
        label
            .chars()
            .map(|c| {
                ui.painter()
                    .layout_no_wrap(c.to_string(), font.clone(), colour)
            })
            .collect()
    } else {
        vec![
            ui.painter()
                .layout_no_wrap(label.to_owned(), font.clone(), colour),
        ]
    };
    let text_len: f32 = if upright {
        galleys.iter().map(|g| g.size().y).sum()
    } else {
        galleys.iter().map(|g| g.size().x).sum()
    };
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, text_len + 2.0 * PAD), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, label));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() || response.has_focus() {
            ui.painter().rect(
                rect,
                4.0,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                StrokeKind::Inside,
            );
        }
        let text_colour = visuals.text_color();
        paint_label(ui.painter(), rect, galleys, upright, text_colour);
    }
    response.on_hover_text(hint)
}

fn paint_label(
    painter: &egui::Painter,
    rect: Rect,
    galleys: Vec<std::sync::Arc<egui::Galley>>,
    upright: bool,
    colour: egui::Color32,
) {
    if upright {
        let mut y = rect.top() + PAD;
        for galley in galleys {
            let size = galley.size();
            let at = pos2(rect.center().x - size.x / 2.0, y);
            painter.galley(at, galley, colour);
            y += size.y;
        }
    } else {
        for galley in galleys {
            // Turned a quarter clockwise about its top-left corner: the text runs down and its
            // top faces right, so it starts half its height right of the centre line.
            let h = galley.size().y;
            let at = pos2(rect.center().x + h / 2.0, rect.top() + PAD);
            painter.add(
                egui::epaint::TextShape::new(at, galley, colour)
                    .with_angle(std::f32::consts::FRAC_PI_2),
            );
        }
    }
}

/// A small button that folds a panel to its strip (or the analysis panel to its line).
pub fn fold_button(ui: &mut egui::Ui, symbol: &str, hint: &str, label: &str) -> bool {
    let response = ui
        .add(egui::Button::new(symbol).frame(false).stroke(Stroke::NONE))
        .on_hover_text(hint);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
    response.clicked()
}
