//! Painting a laid-out diagram: blocks, the park and its beads, the ribbons as bands (a mesh
//! between two curves) in their ledger's colour, their labels. Every name and ribbon is also an
//! accessible label, so a screen reader (and the tests) can read the diagram.

use super::flows::Side;
use super::layout::{BEND, Bead, Block, DiagramLayout, Ribbon};
use crate::i18n::Lang;
use crate::model::Ledger;
use crate::sharing::assessment_mark;
use crate::ui::theme;
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, pos2, vec2,
};

/// Each ledger's colour (the same in every diagram).
pub fn ledger_colour(ledger: Ledger) -> Color32 {
    match ledger {
        Ledger::Statistics => Color32::from_rgb(96, 116, 140),
        Ledger::Assessment => Color32::from_rgb(222, 140, 20),
        Ledger::Fiscal => Color32::from_rgb(46, 139, 87),
        Ledger::Corporate => Color32::from_rgb(140, 80, 180),
        Ledger::Quota => Color32::from_rgb(30, 150, 160),
    }
}

fn side_fill(side: Side) -> Color32 {
    match side {
        Side::Left => Color32::from_rgb(226, 236, 250),
        Side::Right => Color32::from_rgb(250, 236, 222),
        Side::Top => Color32::from_rgb(236, 232, 248),
        Side::Bottom => Color32::from_rgb(236, 244, 232),
    }
}

/// Paints the diagram and gives its parts their accessible names.
pub fn paint(ui: &mut egui::Ui, d: &DiagramLayout, lang: Lang) {
    let painter = ui.painter().clone();
    if let Some((from, to)) = d.trustee_link {
        let dash = Shape::dashed_line(&[from, to], Stroke::new(1.5, Color32::GRAY), 6.0, 4.0);
        painter.extend(dash);
        painter.text(
            pos2(from.x + 6.0, (from.y + to.y) / 2.0),
            Align2::LEFT_CENTER,
            lang.pick("托管", "manages"),
            FontId::proportional(12.0),
            Color32::DARK_GRAY,
        );
    }
    for r in &d.ribbons {
        band(&painter, r);
    }
    park(ui, d, lang);
    for b in &d.blocks {
        block(ui, b);
    }
    for r in &d.ribbons {
        ribbon_label(ui, r, lang);
    }
}

/// A party's block: its name large, its role beneath.
fn block(ui: &mut egui::Ui, b: &Block) {
    let painter = ui.painter().clone();
    painter.rect(
        b.rect,
        CornerRadius::same(8),
        side_fill(b.side),
        Stroke::new(1.0, Color32::from_gray(170)),
        StrokeKind::Inside,
    );
    let wide = matches!(b.side, Side::Left | Side::Right);
    let (name_at, role_at, align) = if wide {
        (
            pos2(b.rect.center().x, b.rect.top() + 20.0),
            pos2(b.rect.center().x, b.rect.top() + 42.0),
            Align2::CENTER_CENTER,
        )
    } else {
        (
            pos2(b.rect.center().x, b.rect.top() + 20.0),
            pos2(b.rect.center().x, b.rect.top() + 41.0),
            Align2::CENTER_CENTER,
        )
    };
    let name = fitted(ui, &b.name, 18.0, b.rect.width() - 12.0);
    painter.text(
        name_at,
        align,
        &b.name,
        FontId::proportional(name),
        theme::CANVAS_TEXT,
    );
    painter.text(
        role_at,
        align,
        &b.role,
        FontId::proportional(13.0),
        Color32::from_gray(90),
    );
    accessible(
        ui,
        b.rect,
        &format!("{} {}", b.role, b.name),
        "enclave-block",
    );
}

/// The park: its frame and name, the firms in scope inside.
fn park(ui: &mut egui::Ui, d: &DiagramLayout, lang: Lang) {
    let painter = ui.painter().clone();
    painter.rect(
        d.park,
        CornerRadius::same(12),
        Color32::from_rgb(240, 248, 240),
        Stroke::new(2.0, Color32::from_rgb(60, 130, 80)),
        StrokeKind::Inside,
    );
    let size = fitted(ui, &d.park_name, 17.0, d.park.width() - 16.0);
    painter.text(
        pos2(d.park.center().x, d.park.top() + 22.0),
        Align2::CENTER_CENTER,
        &d.park_name,
        FontId::proportional(size),
        theme::CANVAS_TEXT,
    );
    let head = Rect::from_min_size(d.park.min, vec2(d.park.width(), 40.0));
    accessible(ui, head, &d.park_label, "enclave-park");
    if d.beads.is_empty() {
        painter.text(
            d.park.center(),
            Align2::CENTER_CENTER,
            lang.pick("范围内没有企业", "No firm in scope"),
            FontId::proportional(13.0),
            Color32::GRAY,
        );
    }
    for bead in &d.beads {
        bead_ui(ui, bead);
    }
}

fn bead_ui(ui: &mut egui::Ui, b: &Bead) {
    let painter = ui.painter();
    let colour = Color32::from_rgb(52, 120, 198);
    if b.output.is_some() {
        painter.circle(b.centre, b.radius, colour, Stroke::new(1.0, Color32::WHITE));
    } else {
        painter.circle_stroke(b.centre, b.radius, Stroke::new(1.5, colour));
    }
    let size = fitted(ui, &b.name, 12.5, b.cell.width() - 6.0);
    painter.text(
        pos2(b.centre.x, b.centre.y + b.radius + 3.0),
        Align2::CENTER_TOP,
        &b.name,
        FontId::proportional(size),
        theme::CANVAS_TEXT,
    );
}

/// The band of a ribbon: a strip between two curves that leave the park and reach the block
/// square to their edges.
fn band(painter: &egui::Painter, r: &Ribbon) {
    let colour = ledger_colour(r.flow.ledger);
    let fill = colour.gamma_multiply(if r.flow.pays { 0.35 } else { 0.6 });
    let horizontal = matches!(r.side, Side::Left | Side::Right);
    let (a, b) = (r.start, r.end);
    // A cubic from the park to the knee, square to both, then straight into the block (the
    // label sits over the straight part).
    let knee = if horizontal {
        pos2(a.x + (b.x - a.x) * BEND, b.y)
    } else {
        pos2(b.x, a.y + (b.y - a.y) * BEND)
    };
    let point = |t: f32| -> Pos2 {
        if t > 0.5 {
            return knee + (b - knee) * ((t - 0.5) * 2.0);
        }
        let t = t * 2.0;
        let b = knee;
        let (c1, c2) = if horizontal {
            let mid = (a.x + b.x) / 2.0;
            (pos2(mid, a.y), pos2(mid, b.y))
        } else {
            let mid = (a.y + b.y) / 2.0;
            (pos2(a.x, mid), pos2(b.x, mid))
        };
        let u = 1.0 - t;
        let v = a.to_vec2() * (u * u * u)
            + c1.to_vec2() * (3.0 * u * u * t)
            + c2.to_vec2() * (3.0 * u * t * t)
            + b.to_vec2() * (t * t * t);
        v.to_pos2()
    };
    let half = if horizontal {
        vec2(0.0, r.width / 2.0)
    } else {
        vec2(r.width / 2.0, 0.0)
    };
    let mut mesh = egui::Mesh::default();
    const STEPS: u32 = 32;
    for s in 0..=STEPS {
        let p = point(s as f32 / STEPS as f32);
        mesh.colored_vertex(p - half, fill);
        mesh.colored_vertex(p + half, fill);
        if s > 0 {
            let i = 2 * s;
            mesh.add_triangle(i - 2, i - 1, i);
            mesh.add_triangle(i - 1, i, i + 1);
        }
    }
    painter.add(Shape::mesh(mesh));
    if r.flow.assessment_only {
        // Double counting: an outline in dashes, so the two full ribbons read as "not real".
        let edge: Vec<Pos2> = (0..=STEPS)
            .map(|s| point(s as f32 / STEPS as f32) - half)
            .collect();
        painter.extend(Shape::dashed_line(
            &edge,
            Stroke::new(1.5, colour),
            5.0,
            3.0,
        ));
    }
}

/// A ribbon's title (in its ledger's colour) and amount (bold), its accessible name, and the
/// double-counting mark where it applies.
fn ribbon_label(ui: &mut egui::Ui, r: &Ribbon, lang: Lang) {
    let painter = ui.painter().clone();
    let colour = ledger_colour(r.flow.ledger);
    let rect = r.label_rect;
    let align_right = r.side == Side::Right;
    let (x, align_top, align_bottom) = if align_right {
        (rect.right(), Align2::RIGHT_TOP, Align2::RIGHT_BOTTOM)
    } else {
        (rect.left(), Align2::LEFT_TOP, Align2::LEFT_BOTTOM)
    };
    let mark = r
        .flow
        .assessment_only
        .then(|| format!(" · {}", assessment_mark(lang)));
    let title = format!("{}{}", r.title, mark.unwrap_or_default());
    let title_size = fitted(ui, &title, 12.5, rect.width());
    if r.one_line {
        let text = format!("{}  {}", title, r.amount);
        let size = fitted(ui, &text, 13.0, rect.width());
        painter.text(
            pos2(x, rect.bottom()),
            align_bottom,
            text,
            FontId::proportional(size),
            colour,
        );
    } else {
        painter.text(
            pos2(x, rect.top()),
            align_top,
            &title,
            FontId::proportional(title_size),
            colour,
        );
        painter.text(
            pos2(x, rect.bottom()),
            align_bottom,
            &r.amount,
            FontId::proportional(15.0),
            theme::CANVAS_TEXT,
        );
    }
    let response = accessible(ui, rect, &r.label, "enclave-ribbon");
    // The whole name (party and all) when the label is pointed at.
    response.on_hover_text(&r.label);
}

/// The font size at which `text` fits `width` (down to 70 % of `size`).
fn fitted(ui: &egui::Ui, text: &str, size: f32, width: f32) -> f32 {
    let measured = ui.fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::BLACK)
            .size()
            .x
    });
    if measured <= width || measured <= 0.0 {
        size
    } else {
        (size * width / measured).max(size * 0.7)
    }
}

/// A hover area over `rect` that a screen reader reads as `label`.
fn accessible(ui: &mut egui::Ui, rect: Rect, label: &str, salt: &str) -> egui::Response {
    let response = ui.interact(rect, ui.scope_id().with((salt, label)), Sense::hover());
    let text = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    response
}
