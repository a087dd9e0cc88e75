//! The differences of a comparison on the canvas (issue 22): beads and links the shown version
//! added ringed in green with "+", changed ones in amber with "Δ", and what it removed drawn
//! as dashed ghosts where the other version had them, with "−". A legend in the map's lower
//! left corner names the two versions and counts each kind; its × stops marking. Every mark
//! has a hover card and an accessible name.

use super::CanvasFrame;
use super::geometry::Geometry;
use crate::i18n::Lang;
use crate::ui::compare::{ADDED, CHANGED, CompareMarks, REMOVED};
use egui::{
    Align2, Color32, FontId, Pos2, Rect, Role, Sense, Shape, Stroke, WidgetInfo, pos2, vec2,
};

/// Draws the marks; true when the legend's × was clicked (stop marking).
pub(super) fn compare_ui(
    ui: &mut egui::Ui,
    frame: &CanvasFrame<'_>,
    geometry: &Geometry,
    marks: &CompareMarks,
    shown_labels: &[Rect],
) -> bool {
    removed_ui(ui, frame, marks, shown_labels);
    links_ui(frame, geometry, marks);
    for (id, colour, badge, what) in marks
        .added_nodes
        .iter()
        .map(|id| (id, ADDED, "+", frame.lang.pick("新增", "added")))
        .chain(
            marks
                .changed_nodes
                .keys()
                .map(|id| (id, CHANGED, "Δ", frame.lang.pick("修改", "changed"))),
        )
    {
        let Some((c, r)) = frame.screen.centre_of(geometry, id) else {
            continue;
        };
        if !frame.screen.rect.expand(r + 12.0).contains(c) {
            continue;
        }
        frame
            .painter
            .circle_stroke(c, r + 4.0, Stroke::new(3.0, colour));
        badge_at(frame, c + vec2(r, -r) * 0.8, badge, colour);
        let name = frame.project.node_name(id);
        let detail = marks
            .changed_nodes
            .get(id)
            .map(|f| format!("({})", f.join(", ")))
            .unwrap_or_default();
        let text = format!("{what}:{name}{detail}");
        let hit = Rect::from_center_size(c + vec2(r, -r) * 0.8, vec2(14.0, 14.0));
        let response = ui.interact(
            hit,
            ui.scope_id().with(("compare-mark", id)),
            Sense::hover(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &text));
        response.on_hover_text(text);
    }
    legend_ui(ui, frame, marks)
}

/// A small filled disc with a sign in it.
fn badge_at(frame: &CanvasFrame<'_>, at: Pos2, sign: &str, colour: Color32) {
    frame.painter.circle_filled(at, 7.5, colour);
    frame.painter.text(
        at,
        Align2::CENTER_CENTER,
        sign,
        FontId::proportional(11.0),
        Color32::WHITE,
    );
}

/// Added and changed links, drawn over in their colour along their route.
fn links_ui(frame: &CanvasFrame<'_>, geometry: &Geometry, marks: &CompareMarks) {
    if marks.added_links.is_empty() && marks.changed_links.is_empty() {
        return;
    }
    for (i, id) in frame.project.links.keys().enumerate() {
        let colour = if marks.added_links.contains(id) {
            ADDED
        } else if marks.changed_links.contains_key(id) {
            CHANGED
        } else {
            continue;
        };
        if let Some(points) = frame.screen.link_route(geometry, i) {
            frame.painter.add(Shape::line(
                points,
                Stroke::new(3.0, colour.gamma_multiply(0.8)),
            ));
        }
    }
}

/// What the shown version no longer has: dashed links and beads where the other had them.
/// A removed bead's name shows where it meets no name already shown (its hover card always
/// names it).
fn removed_ui(ui: &mut egui::Ui, frame: &CanvasFrame<'_>, marks: &CompareMarks, shown: &[Rect]) {
    let mut taken: Vec<Rect> = shown.to_vec();
    let cam = &frame.screen.cam;
    let origin = frame.screen.origin();
    let stroke = Stroke::new(2.0, REMOVED.gamma_multiply(0.8));
    for link in &marks.removed_links {
        let (a, b) = (
            cam.to_screen(origin, link.from),
            cam.to_screen(origin, link.to),
        );
        if !frame.screen.rect.intersects(Rect::from_two_pos(a, b)) {
            continue;
        }
        frame
            .painter
            .extend(Shape::dashed_line(&[a, b], stroke, 7.0, 5.0));
    }
    let zoom = frame.screen.zoom() * frame.screen.scale;
    let r = (16.0 * zoom).max(4.0);
    for node in &marks.removed_nodes {
        let c = cam.to_screen(origin, node.at);
        if !frame.screen.rect.expand(r).contains(c) {
            continue;
        }
        frame
            .painter
            .circle_filled(c, r, frame.opts.look.background().gamma_multiply(0.7));
        frame.painter.extend(Shape::dashed_line(
            &super::ghosts::circle_points(c, r),
            stroke,
            5.0,
            4.0,
        ));
        badge_at(frame, c + vec2(r, -r) * 0.8, "−", REMOVED);
        if zoom >= super::paint::LABEL_MIN_ZOOM {
            let galley = frame.painter.layout_no_wrap(
                node.name.clone(),
                FontId::proportional(12.0),
                REMOVED,
            );
            let at = Rect::from_min_size(
                pos2(c.x - galley.size().x / 2.0, c.y + r + 3.0),
                galley.size(),
            );
            if !taken.iter().any(|t| t.intersects(at)) {
                frame.painter.galley(at.min, galley, REMOVED);
                taken.push(at);
            }
        }
        let text = format!("{}:{}", frame.lang.pick("已删除", "removed"), node.name);
        let hit = Rect::from_center_size(c, vec2(2.0 * r, 2.0 * r));
        let response = ui.interact(
            hit,
            ui.scope_id().with(("compare-removed", &node.id)),
            Sense::hover(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &text));
        response.on_hover_text(text);
    }
}

/// The legend: the two versions, a swatch and count per kind, and × to stop marking.
fn legend_ui(ui: &mut egui::Ui, frame: &CanvasFrame<'_>, marks: &CompareMarks) -> bool {
    let lang = frame.lang;
    let count = |n: usize, m: usize| n + m;
    let rows = [
        (
            ADDED,
            "+",
            lang.pick("新增", "Added"),
            count(marks.added_nodes.len(), marks.added_links.len()),
        ),
        (
            CHANGED,
            "Δ",
            lang.pick("修改", "Changed"),
            count(marks.changed_nodes.len(), marks.changed_links.len()),
        ),
        (
            REMOVED,
            "−",
            lang.pick("删除", "Removed"),
            count(marks.removed_nodes.len(), marks.removed_links.len()),
        ),
    ];
    let title = match lang {
        Lang::Zh => format!("对比:{} → {}", marks.before, marks.after),
        Lang::En => format!("Compare: {} → {}", marks.before, marks.after),
    };
    let font = FontId::proportional(13.0);
    let text = frame.opts.look.text();
    let title_galley = frame
        .painter
        .layout_no_wrap(title.clone(), font.clone(), text);
    let line = rows
        .iter()
        .map(|(_, _, label, n)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join("    ");
    let line_galley = frame
        .painter
        .layout_no_wrap(line.clone(), font.clone(), text);
    let width = title_galley.size().x.max(line_galley.size().x + 3.0 * 22.0) + 40.0;
    let map = frame.screen.rect;
    // Lower left in the editor; upper left in a presentation, whose subtitle covers the bottom.
    let top = if frame.opts.read_only {
        map.top() + 10.0
    } else {
        map.bottom() - 62.0
    };
    let box_rect = Rect::from_min_size(pos2(map.left() + 10.0, top), vec2(width, 52.0));
    frame.painter.rect_filled(
        box_rect,
        6.0,
        frame.opts.look.background().gamma_multiply(0.95),
    );
    frame.painter.rect_stroke(
        box_rect,
        6.0,
        Stroke::new(1.0, text.gamma_multiply(0.3)),
        egui::StrokeKind::Inside,
    );
    frame
        .painter
        .galley(box_rect.min + vec2(10.0, 7.0), title_galley, text);
    let mut x = box_rect.left() + 18.0;
    let y = box_rect.top() + 36.0;
    for (colour, sign, label, n) in rows {
        badge_at(frame, pos2(x, y), sign, colour);
        let g = frame
            .painter
            .layout_no_wrap(format!("{label} {n}"), font.clone(), text);
        let w = g.size().x;
        frame
            .painter
            .galley(pos2(x + 11.0, y - g.size().y / 2.0), g, text);
        x += w + 36.0;
    }
    let summary = format!("{title};{line}");
    let response = ui.interact(
        box_rect,
        ui.scope_id().with("compare-legend"),
        Sense::hover(),
    );
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &summary));
    let close = Rect::from_center_size(
        pos2(box_rect.right() - 12.0, box_rect.top() + 12.0),
        vec2(18.0, 18.0),
    );
    let stop = lang.pick("停止标出差异", "Stop marking the differences");
    let close_response = ui.interact(
        close,
        ui.scope_id().with("compare-legend-close"),
        Sense::click(),
    );
    close_response.widget_info(|| WidgetInfo::labeled(Role::Button, true, stop));
    let colour = if close_response.hovered() {
        text
    } else {
        text.gamma_multiply(0.6)
    };
    frame.painter.text(
        close.center(),
        Align2::CENTER_CENTER,
        "×",
        FontId::proportional(15.0),
        colour,
    );
    close_response.on_hover_text(stop).clicked()
}
