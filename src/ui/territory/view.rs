//! One frame of the territory view: the map and its legend band, the camera (fitted when the
//! layout or the window changes until the user moves it; wheel zoom, drag pan, Fit to View,
//! centring on a firm asked for elsewhere), clicks selecting firms, parks, villages and towns
//! (the same selection the chain view and the inspector use), and the colouring switch.

use super::paint::{self, Painted};
use super::{TerritoryCache, TownColouring, class_fill, zone_fill};
use crate::analysis::Analysis;
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{LinkKind, MainFunctionZone, NodeId, Segment, TownClass};
use crate::ui::canvas::legend::LegendStrip;
use crate::ui::state::{Camera, Queue, Selection, UiAction, UiState};
use crate::ui::theme;
use egui::{Rect, Role, Sense, WidgetInfo, vec2};
use std::sync::Arc;

/// Room left round the county when it is fitted.
const FIT_MARGIN: f32 = 36.0;
/// The zoom a firm asked for is shown at, at least (its name readable).
const FOCUS_ZOOM: f32 = 1.2;

/// Draws the territory view in the room `ui` has.
pub fn territory_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    analysis: Option<&Analysis>,
    state: &mut UiState,
    cache: &mut TerritoryCache,
    queue: &mut Queue,
) {
    let lang = state.lang();
    let Some(analysis) = analysis else {
        let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
        ui.painter()
            .rect_filled(rect, 0.0, theme::CanvasLook::Editor.background());
        centred_note(ui, rect, lang.pick("正在计算…", "computing…"));
        return;
    };
    let layout = cache.layout(ui.painter(), doc, analysis);
    let key = TerritoryCache::key(doc, analysis);
    let colouring = state.territory.colouring;
    let width = ui.available_width();
    let strip = match &cache.legend {
        Some((k, strip)) if *k == (key, colouring, width as i32, lang) => strip.clone(),
        _ => {
            let strip = Arc::new(legend(ui.painter(), colouring, width, lang));
            cache.legend = Some(((key, colouring, width as i32, lang), strip.clone()));
            strip
        }
    };
    let strip = if state.settings.show_legend {
        strip
    } else {
        Arc::new(LegendStrip::default())
    };
    let room = ui.available_size();
    let map = vec2(room.x, (room.y - strip.height()).max(0.0));
    let (rect, bg) = ui.allocate_exact_size(map, Sense::click_and_drag());
    let band = Rect::from_min_size(rect.left_bottom(), vec2(room.x, strip.height()));
    ui.advance_cursor_after_rect(band);
    state.canvas_rect = Some(rect.union(band));
    bg.widget_info(|| {
        WidgetInfo::labeled(Role::Canvas, true, lang.pick("县域空间图", "territory map"))
    });
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, theme::CanvasLook::Editor.background());
    strip.paint(ui.painter(), band);
    if layout.towns.is_empty() {
        centred_note(
            ui,
            rect,
            lang.pick(
                "还没有镇级区域:在大纲中添加区域节点并把级别设为“镇”,把企业登记到镇或入驻镇里的园区,这里就会按镇显示",
                "No towns yet: add region nodes of level Town, and register firms in them (or in parks in them), to see the county town by town",
            ),
        );
        return;
    }
    camera(ui, rect, &bg, &layout, key, state);
    let look = Painted {
        layout: &layout,
        camera: state.territory.camera,
        origin: rect.min,
        colouring,
        lang,
        selection: &state.selection,
        highlight: state.highlight.as_ref(),
    };
    paint::paint(&painter, &look);
    let clicked = widgets(ui, rect, &look);
    colouring_switch(ui, rect, &mut state.territory.colouring, lang);
    if let Some(id) = clicked {
        queue.actions.push(UiAction::Select(Selection {
            nodes: [id].into(),
            ..Selection::default()
        }));
    } else if bg.clicked() {
        queue.actions.push(UiAction::Select(Selection::default()));
    }
}

/// Fits, follows requests, zooms and pans.
fn camera(
    ui: &egui::Ui,
    rect: Rect,
    bg: &egui::Response,
    layout: &super::TerritoryLayout,
    key: super::LayoutKey,
    state: &mut UiState,
) {
    let view = &mut state.territory;
    let size = rect.size();
    let refit = match view.fitted {
        Some((k, s)) => k.0 != key.0 || (s != size && !view.touched),
        None => true,
    };
    if refit || std::mem::take(&mut state.fit_all_requested) {
        view.camera = fit(layout.bounds, size);
        view.fitted = Some((key, size));
        view.touched = false;
    }
    view.fitted = view.fitted.map(|(_, s)| (key, s));
    // A firm asked for elsewhere (the panel's 定位, the palette): centred, readable.
    let asked = state.focus_request.take().or_else(|| {
        state
            .frame_request
            .take()
            .and_then(|f| f.nodes.into_iter().next())
    });
    if let Some(bead) = asked.as_ref().and_then(|id| layout.bead(id)) {
        let zoom = view.camera.zoom.max(FOCUS_ZOOM);
        view.camera = Camera {
            zoom,
            offset: rect.size() / 2.0 - bead.at.to_vec2() * zoom,
        };
        view.touched = true;
    }
    if bg.hovered() || bg.dragged() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = zoom * (scroll.y / 400.0).exp();
        if let Some(pointer) = ui.input(|i| i.pointer.hover_pos())
            && (factor - 1.0).abs() > 1e-4
        {
            view.camera.zoom_at(rect.min, pointer, factor);
            view.touched = true;
        }
    }
    if bg.dragged() {
        view.camera.offset += bg.drag_delta();
        view.touched = true;
    }
}

/// The camera showing all of `bounds` in a map of `size`.
fn fit(bounds: Rect, size: egui::Vec2) -> Camera {
    if !bounds.is_positive() {
        return Camera::default();
    }
    let room = (size - vec2(2.0, 2.0) * FIT_MARGIN).max(vec2(40.0, 40.0));
    let zoom = (room.x / bounds.width())
        .min(room.y / bounds.height())
        .clamp(Camera::MIN_ZOOM, Camera::MAX_ZOOM);
    Camera {
        zoom,
        offset: size / 2.0 - bounds.center().to_vec2() * zoom,
    }
}

/// Each firm, park, village and town as a widget (named, clickable); the node clicked.
fn widgets(ui: &mut egui::Ui, rect: Rect, look: &Painted<'_>) -> Option<NodeId> {
    let mut clicked = None;
    let mut add = |ui: &mut egui::Ui, area: Rect, id: &NodeId, name: &str, hint: String| {
        let area = area.intersect(rect);
        if !area.is_positive() {
            return;
        }
        let response = ui.interact(area, ui.scope_id().with(("territory", id)), Sense::click());
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, name));
        if response.on_hover_text(hint).clicked() {
            clicked = Some(id.clone());
        }
    };
    let lang = look.lang;
    for town in &look.layout.towns {
        if let Some(id) = &town.id {
            let header = paint::town_header(look, town);
            add(ui, header, id, &town.name, paint::town_hint(town, lang));
        }
    }
    for park in &look.layout.parks {
        let header = paint::park_header(look, park);
        add(ui, header, &park.id, &park.name, park.name.clone());
    }
    for village in &look.layout.villages {
        let area = look.rect(village.rect);
        add(ui, area, &village.id, &village.name, village.name.clone());
    }
    for bead in &look.layout.beads {
        let r = look.radius(bead).max(5.0);
        let area = Rect::from_center_size(look.at(bead.at), vec2(2.0 * r, 2.0 * r));
        add(ui, area, &bead.id, &bead.name, paint::bead_hint(bead, lang));
    }
    clicked
}

/// The colour-by switch in the map's top-left corner.
fn colouring_switch(ui: &mut egui::Ui, rect: Rect, colouring: &mut TownColouring, lang: Lang) {
    let area = Rect::from_min_size(rect.min + vec2(10.0, 8.0), vec2(rect.width() - 20.0, 26.0));
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(area)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    egui::Frame::new()
        .fill(egui::Color32::from_white_alpha(235))
        .stroke(egui::Stroke::new(1.0, egui::Color32::from_gray(210)))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(&mut child, |ui| {
            ui.horizontal(|ui| {
                ui.label(lang.pick("镇着色:", "Colour towns by:"));
                for option in [TownColouring::Zone, TownColouring::Class] {
                    ui.selectable_value(colouring, option, option.label(lang));
                }
            });
        });
}

fn centred_note(ui: &egui::Ui, rect: Rect, text: &str) {
    let galley = ui.painter().layout(
        text.to_owned(),
        egui::FontId::proportional(14.0),
        theme::CANVAS_TEXT,
        (rect.width() - 80.0).clamp(100.0, 560.0),
    );
    let at = rect.center() - galley.size() / 2.0;
    ui.painter().galley(at, galley, theme::CANVAS_TEXT);
}

/// The legend: segments (beads), the towns' colouring, arcs and 联农带农 lines.
fn legend(
    painter: &egui::Painter,
    colouring: TownColouring,
    width: f32,
    lang: Lang,
) -> LegendStrip {
    let segments = (
        lang.pick("企业(按产业链环段)", "Firms by segment")
            .to_owned(),
        Segment::ALL
            .iter()
            .map(|s| (s.label(lang).to_owned(), theme::segment_strong(*s)))
            .collect(),
    );
    let towns = match colouring {
        TownColouring::Zone => {
            let mut items: Vec<(String, egui::Color32)> = MainFunctionZone::ALL
                .iter()
                .map(|z| (z.label(lang).to_owned(), zone_fill(Some(*z))))
                .collect();
            items.push((lang.pick("未定", "not set").to_owned(), zone_fill(None)));
            (lang.pick("镇:主体功能区", "Towns: zone").to_owned(), items)
        }
        TownColouring::Class => {
            let mut items: Vec<(String, egui::Color32)> = TownClass::ALL
                .iter()
                .map(|c| (c.label(lang).to_owned(), class_fill(Some(*c))))
                .collect();
            items.push((lang.pick("未定", "not set").to_owned(), class_fill(None)));
            (lang.pick("镇:类型", "Towns: class").to_owned(), items)
        }
    };
    let links = [
        (
            LinkKind::Supply,
            lang.pick(
                "镇间供货(宽度∝金额)",
                "Supply between towns (width ∝ value)",
            )
            .to_owned(),
        ),
        (
            LinkKind::FarmerLinkage,
            LinkKind::FarmerLinkage.label(lang).to_owned(),
        ),
    ];
    LegendStrip::of_groups(painter, &[segments, towns], &links, width)
}
