//! Painting the territory view from its layout and camera: town tiles or outlines, arcs of
//! supply between towns, villages, park frames, 联农带农 lines, firm beads, then the names
//! (town names always, firm names only when zoomed in far enough to read them, placed so none
//! overlaps another or a bead).

use super::layout::{Bead, ParkFrame, TerritoryLayout, TownShape};
use super::schematic::HEADER;
use super::{TownColouring, town_fill};
use crate::i18n::Lang;
use crate::model::{LinkKind, NodeKind};
use crate::ui::canvas::placement::{Candidate, Limits, place};
use crate::ui::state::{Camera, Highlight, Selection};
use crate::ui::theme;
use egui::epaint::QuadraticBezierShape;
use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

/// Firm names show from this zoom on.
pub const BEAD_NAMES_ZOOM: f32 = 0.95;

/// What a frame paints from.
pub struct Painted<'a> {
    pub layout: &'a TerritoryLayout,
    pub camera: Camera,
    pub origin: Pos2,
    pub colouring: TownColouring,
    pub lang: Lang,
    pub selection: &'a Selection,
    pub highlight: Option<&'a Highlight>,
}

impl Painted<'_> {
    pub fn at(&self, p: Pos2) -> Pos2 {
        self.origin + self.camera.offset + p.to_vec2() * self.camera.zoom
    }

    pub fn rect(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.at(r.min), self.at(r.max))
    }

    pub fn radius(&self, bead: &Bead) -> f32 {
        bead.radius * self.camera.zoom
    }

    /// A font of `size` canvas units, kept between a readable floor and `size` itself: map
    /// names stay legible when the county is fitted small, and do not balloon when zoomed in.
    fn font(&self, size: f32, floor: f32) -> FontId {
        FontId::proportional((size * self.camera.zoom).clamp(floor, size.max(floor)))
    }
}

/// Paints everything but the widgets and the colour switch.
pub fn paint(painter: &egui::Painter, look: &Painted<'_>) {
    for town in &look.layout.towns {
        paint_town(painter, look, town);
    }
    paint_arcs(painter, look);
    for village in &look.layout.villages {
        let font = look.font(11.0, 10.0);
        let text = painter.layout_no_wrap(village.name.clone(), font, Color32::BLACK);
        let rect = look.rect(village.rect);
        let rect = Rect::from_center_size(
            rect.center(),
            rect.size().max(text.size() + vec2(10.0, 4.0)),
        );
        painter.rect(
            rect,
            4.0 * look.camera.zoom,
            Color32::from_rgb(236, 246, 230),
            Stroke::new(1.0, Color32::from_rgb(120, 170, 100)),
            StrokeKind::Inside,
        );
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            &village.name,
            look.font(11.0, 10.0),
            Color32::from_rgb(50, 100, 40),
        );
    }
    for park in &look.layout.parks {
        paint_park(painter, look, park);
    }
    let farmers = Stroke::new(1.4, theme::link_colour(LinkKind::FarmerLinkage));
    for line in &look.layout.farmer_lines {
        let (a, b) = (look.at(line.from), look.at(line.to));
        painter.extend(Shape::dashed_line(&[a, b], farmers, 4.0, 3.0));
    }
    for bead in &look.layout.beads {
        paint_bead(painter, look, bead);
    }
    for town in &look.layout.towns {
        paint_town_name(painter, look, town);
    }
    if look.camera.zoom >= BEAD_NAMES_ZOOM {
        paint_bead_names(painter, look);
    }
}

fn paint_town(painter: &egui::Painter, look: &Painted<'_>, town: &TownShape) {
    let fill = if town.id.is_none() {
        Color32::from_gray(244)
    } else {
        town_fill(town, look.colouring)
    };
    let edge = Stroke::new(
        if town.seat { 2.4 } else { 1.2 },
        if town.seat {
            Color32::from_gray(70)
        } else {
            Color32::from_gray(150)
        },
    );
    if town.rings.is_empty() {
        let rect = look.rect(town.rect);
        let radius = 10.0 * look.camera.zoom;
        if town.id.is_none() {
            painter.rect_filled(rect, radius, fill);
            let corners = [
                rect.left_top(),
                rect.right_top(),
                rect.right_bottom(),
                rect.left_bottom(),
                rect.left_top(),
            ];
            painter.extend(Shape::dashed_line(&corners, edge, 6.0, 4.0));
        } else {
            painter.rect(rect, radius, fill, edge, StrokeKind::Inside);
        }
        return;
    }
    let mut mesh = egui::Mesh::default();
    for triangle in &town.triangles {
        let base = mesh.vertices.len() as u32;
        for p in triangle {
            mesh.colored_vertex(look.at(*p), fill);
        }
        mesh.add_triangle(base, base + 1, base + 2);
    }
    painter.add(Shape::mesh(mesh));
    for ring in &town.rings {
        let points: Vec<Pos2> = ring.iter().map(|p| look.at(*p)).collect();
        painter.add(Shape::closed_line(points, edge));
    }
}

/// The screen rectangle of a town's name (the header of a tile, the box round an outline's).
pub fn town_header(look: &Painted<'_>, town: &TownShape) -> Rect {
    if town.rings.is_empty() {
        let rect = look.rect(town.rect);
        Rect::from_min_max(
            rect.min,
            pos2(rect.right(), rect.top() + HEADER * look.camera.zoom),
        )
    } else {
        Rect::from_center_size(
            look.at(town.label_at),
            vec2(120.0, 34.0) * look.camera.zoom.max(0.5),
        )
    }
}

/// The name of the tile of firms in no town.
pub(super) fn town_name(town: &TownShape, lang: Lang) -> String {
    match town.id {
        Some(_) => town.name.clone(),
        None => lang
            .pick("县级(未落到镇)", "County level (no town)")
            .to_owned(),
    }
}

/// "工业重镇 · 城市化地区 · 禁止开发".
pub(super) fn town_tags(town: &TownShape, lang: Lang) -> String {
    let mut tags: Vec<&str> = Vec::new();
    if town.seat {
        tags.push(lang.pick("县城", "County seat"));
    }
    tags.extend(town.class.map(|c| c.label(lang)));
    tags.extend(town.zone.map(|z| z.label(lang)));
    if town.no_development {
        tags.push(lang.pick("含禁止开发区域", "no-development area"));
    }
    tags.join(" · ")
}

pub(super) fn share_text(town: &TownShape, lang: Lang) -> String {
    let output = thousands(town.output);
    match town.share {
        Some(s) => format!(
            "{} {output} · {:.1}%",
            lang.pick("产值", "output"),
            s * 100.0
        ),
        None => format!("{} {output}", lang.pick("产值", "output")),
    }
}

/// A town's tooltip.
pub fn town_hint(town: &TownShape, lang: Lang) -> String {
    format!(
        "{}\n{}\n{}",
        town_name(town, lang),
        town_tags(town, lang),
        share_text(town, lang)
    )
}

fn paint_town_name(painter: &egui::Painter, look: &Painted<'_>, town: &TownShape) {
    let header = town_header(look, town);
    let zoom = look.camera.zoom;
    let ink = theme::CANVAS_TEXT;
    let name = town_name(town, look.lang);
    let clip = painter.with_clip_rect(painter.clip_rect().intersect(if town.rings.is_empty() {
        look.rect(town.rect).shrink(2.0)
    } else {
        painter.clip_rect()
    }));
    let name_font = look.font(15.0, 13.0);
    let (name_at, align, line2_at) = if town.rings.is_empty() {
        let at = header.left_top() + vec2(12.0, 10.0) * zoom.min(1.0);
        (at, Align2::LEFT_TOP, at + vec2(0.0, name_font.size + 4.0))
    } else {
        let c = header.center();
        (c, Align2::CENTER_BOTTOM, c + vec2(0.0, 2.0))
    };
    // A tile's name is cut with "…" to the tile (the whole name is in its tooltip); an
    // outline's name is centred inside it and drawn whole.
    let name_room = if town.rings.is_empty() {
        clip.clip_rect().right() - name_at.x - 4.0
    } else {
        f32::INFINITY
    };
    let name_galley = fitted(painter, name, name_font, ink, name_room);
    let name_rect = align.anchor_size(name_at, name_galley.size());
    if !town.rings.is_empty() {
        // A light plate under an outline's name and figures: supply arcs and park frames
        // may pass beneath them, and the text stays readable over any of them.
        let figures = painter.layout_no_wrap(
            share_text(town, look.lang),
            look.font(12.0, 11.0),
            Color32::from_gray(90),
        );
        let figures_rect = Align2::CENTER_TOP.anchor_size(line2_at, figures.size());
        painter.rect_filled(
            name_rect.union(figures_rect).expand2(vec2(5.0, 2.0)),
            4.0,
            Color32::from_white_alpha(150),
        );
    }
    clip.galley(name_rect.min, name_galley, ink);
    if town.rings.is_empty() {
        // The output and its share after the name, the tags on the line below.
        let font = look.font(12.0, 11.0);
        let grey = Color32::from_gray(80);
        let galley = painter.layout_no_wrap(share_text(town, look.lang), font, grey);
        let at = pos2(
            name_rect.right() + 8.0,
            name_rect.center().y - galley.size().y / 2.0,
        );
        // Only whole: the figures are in the tooltip and the 空间 tab when the tile is narrow.
        if at.x + galley.size().x <= clip.clip_rect().right() - 4.0 {
            clip.galley(at, galley, grey);
        }
    }
    {
        let line2 = if town.rings.is_empty() {
            town_tags(town, look.lang)
        } else {
            share_text(town, look.lang)
        };
        let align2 = if town.rings.is_empty() {
            Align2::LEFT_TOP
        } else {
            Align2::CENTER_TOP
        };
        let grey = Color32::from_gray(90);
        let room = if town.rings.is_empty() {
            clip.clip_rect().right() - line2_at.x - 4.0
        } else {
            f32::INFINITY
        };
        let galley = fitted(painter, line2, look.font(12.0, 11.0), grey, room);
        let at = align2.anchor_size(line2_at, galley.size()).min;
        clip.galley(at, galley, grey);
    }
}

/// Supply between towns: a curve bending to its left, as wide as its value, an arrowhead near
/// the end.
fn paint_arcs(painter: &egui::Painter, look: &Painted<'_>) {
    let max = look
        .layout
        .arcs
        .iter()
        .map(|a| a.value)
        .fold(0.0f64, f64::max);
    let colour = theme::link_colour(LinkKind::Supply).gamma_multiply(0.55);
    for arc in &look.layout.arcs {
        let (a, control, b) = (look.at(arc.from), look.at(arc.control), look.at(arc.to));
        if (b - a).length() < 1.0 {
            continue;
        }
        let share = if max > 0.0 {
            (arc.value / max) as f32
        } else {
            0.0
        };
        let width = ((1.5 + 12.0 * share) * look.camera.zoom).clamp(1.0, 18.0);
        let curve = QuadraticBezierShape::from_points_stroke(
            [a, control, b],
            false,
            Color32::TRANSPARENT,
            Stroke::new(width, colour),
        );
        // The arrowhead where the curve has gone 80 % of the way.
        let t = 0.8;
        let point = curve.sample(t);
        let tangent = ((control - a) * (1.0 - t) + (b - control) * t).normalized();
        let size = (width * 1.6).max(7.0);
        let side = vec2(-tangent.y, tangent.x) * size * 0.6;
        painter.add(curve);
        painter.add(Shape::convex_polygon(
            vec![point + tangent * size, point - side, point + side],
            colour,
            Stroke::NONE,
        ));
    }
}

/// A park's name row.
pub fn park_header(look: &Painted<'_>, park: &ParkFrame) -> Rect {
    let rect = look.rect(park.rect);
    Rect::from_min_max(
        rect.min,
        pos2(rect.right(), rect.top() + 18.0 * look.camera.zoom),
    )
}

fn paint_park(painter: &egui::Painter, look: &Painted<'_>, park: &ParkFrame) {
    let rect = look.rect(park.rect);
    let hue = theme::node_fill(NodeKind::Park);
    let selected = look.selection.nodes.contains(&park.id);
    let stroke = if selected {
        Stroke::new(2.5, theme::SELECTION)
    } else {
        Stroke::new(1.4, hue)
    };
    painter.rect(
        rect,
        6.0 * look.camera.zoom,
        Color32::from_white_alpha(150),
        stroke,
        StrokeKind::Inside,
    );
    let level = park
        .level
        .map(|l| format!(" · {}", l.label(look.lang)))
        .unwrap_or_default();
    let header = park_header(look, park);
    let font = look.font(11.0, 10.0);
    let ink = Color32::from_rgb(150, 80, 10);
    let room = rect.width() - 8.0;
    let full = format!("{}{level}", park.name);
    let text = if painter
        .layout_no_wrap(full.clone(), font.clone(), ink)
        .size()
        .x
        <= room
    {
        full
    } else {
        park.name.clone()
    };
    // Zoomed far out the name row is lower than the type or the frame narrower than three
    // characters: no "电…" stubs over the firms then; the name is in the tooltip and comes
    // back on zooming in.
    if room < font.size * 3.0 || header.height() < font.size * 0.9 {
        return;
    }
    let galley = fitted(painter, text, font, ink, room);
    let at = pos2(
        header.left() + 4.0,
        header.center().y - galley.size().y / 2.0,
    );
    painter.galley(at, galley, ink);
}

fn paint_bead(painter: &egui::Painter, look: &Painted<'_>, bead: &Bead) {
    let c = look.at(bead.at);
    let r = look.radius(bead).max(2.0);
    let mut fill = bead
        .segment
        .map_or(theme::node_fill(bead.kind), theme::segment_strong);
    if let Some(h) = look.highlight
        && !h.contains(&bead.id)
    {
        fill = fill.gamma_multiply(0.3);
    }
    let danger = look.highlight.is_some_and(|h| h.danger.contains(&bead.id));
    painter.circle(c, r, fill, Stroke::new(1.2, Color32::WHITE));
    if danger {
        painter.circle_stroke(c, r + 2.5, Stroke::new(2.0, theme::ERROR));
    }
    if look.selection.nodes.contains(&bead.id) {
        painter.circle_stroke(c, r + 3.0, Stroke::new(2.5, theme::SELECTION));
    }
}

/// A firm's tooltip: name, output.
pub fn bead_hint(bead: &Bead, lang: Lang) -> String {
    let segment = bead.segment.map(|s| s.label(lang)).unwrap_or_default();
    format!(
        "{}\n{} · {} {}",
        bead.name,
        segment,
        lang.pick("产值", "output"),
        thousands(bead.output)
    )
}

/// Firm names, largest firms first, where they fit.
fn paint_bead_names(painter: &egui::Painter, look: &Painted<'_>) {
    let font = look.font(11.0, 9.0);
    let mut order: Vec<usize> = (0..look.layout.beads.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&look.layout.beads[a], &look.layout.beads[b]);
        let selected = |x: &Bead| look.selection.nodes.contains(&x.id);
        selected(b)
            .cmp(&selected(a))
            .then(b.output.total_cmp(&a.output))
    });
    let area = painter.clip_rect();
    let bead_rect = |b: &Bead| {
        let r = look.radius(b);
        Rect::from_center_size(look.at(b.at), vec2(2.0 * r, 2.0 * r))
    };
    let beads: Vec<(usize, Rect)> = (0..look.layout.beads.len())
        .map(|i| (i, bead_rect(&look.layout.beads[i])))
        .filter(|(_, r)| area.intersects(*r))
        .collect();
    let galleys: Vec<_> = look
        .layout
        .beads
        .iter()
        .map(|b| painter.layout_no_wrap(b.name.clone(), font.clone(), theme::CANVAS_TEXT))
        .collect();
    let candidates = order
        .iter()
        .filter(|&&i| area.intersects(bead_rect(&look.layout.beads[i])))
        .map(|&i| Candidate {
            node: i,
            bead: bead_rect(&look.layout.beads[i]),
            texts: [Some(galleys[i].size()), None],
            over_beads: look.selection.nodes.contains(&look.layout.beads[i].id),
        });
    for placed in place(area, &beads, &[], candidates, Limits::default()) {
        painter.rect_filled(placed.rect.expand(1.0), 2.0, Color32::from_white_alpha(200));
        painter.galley(
            placed.rect.min,
            galleys[placed.node].clone(),
            theme::CANVAS_TEXT,
        );
    }
}

/// A whole number with thousands separators: "46,840".
pub fn thousands(v: f64) -> String {
    let whole = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < -0.5 { format!("-{out}") } else { out }
}

/// `text` on one line, cut with "…" to `width`.
fn fitted(
    painter: &egui::Painter,
    text: String,
    font: FontId,
    colour: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text, font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(10.0));
    painter.layout_job(job)
}
