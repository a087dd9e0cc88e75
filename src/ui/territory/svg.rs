//! The territory map as a standalone picture (File → Export → 县域空间图): the same layout the
//! view paints, written as SVG in the view's colours (towns by 主体功能区 or town class,
//! outlines as even-odd paths so holes stay holes, beads by segment, park frames, supply arcs as
//! wide as their value, 联农带农 dashed), with a title and a legend; the PNG is rendered from it
//! by the map export's resvg renderer with the bundled Chinese font. Every text is escaped: names
//! come from files anyone may have written.

use super::layout::{Bead, ParkFrame, TerritoryLayout, TownShape};
use super::paint::{share_text, thousands, town_name, town_tags};
use super::schematic::HEADER;
use super::{TownColouring, class_fill, town_fill, zone_fill};
use crate::analysis::territory::TerritoryReport;
use crate::export::picture::{self, MAX_PNG_SIDE, PngError, fit, xml_escape};
use crate::i18n::Lang;
use crate::model::{LinkKind, MainFunctionZone, NodeKind, Project, Segment, TownClass};
use crate::style::{self, hex};
use egui::{Color32, Pos2, Rect, vec2};
use std::fmt::Write;

/// Room round the map.
const MARGIN: f32 = 32.0;
/// The title band above the map.
const TITLE_BAND: f32 = 64.0;
/// The legend band below the map.
const LEGEND_BAND: f32 = 64.0;
const INK: &str = "#282c34";

/// The layout of `project`'s territory, its texts measured by estimate (an export has no
/// painter; the estimate errs wide, so names keep their room).
pub fn export_layout(project: &Project, report: &TerritoryReport) -> TerritoryLayout {
    let measure = |s: &str| picture::text_width(s, super::NAME_SIZE);
    TerritoryLayout::build(project, report, &measure)
}

/// The area the picture covers (canvas units): the map with margins, the title and the legend.
fn extent(layout: &TerritoryLayout) -> Rect {
    let map = if layout.bounds.is_positive() {
        layout.bounds
    } else {
        Rect::from_min_size(Pos2::ZERO, vec2(480.0, 200.0))
    };
    let width = map.width().max(640.0);
    let map = Rect::from_center_size(map.center(), vec2(width, map.height()));
    Rect::from_min_max(
        map.min - vec2(MARGIN, MARGIN + TITLE_BAND),
        map.max + vec2(MARGIN, MARGIN + LEGEND_BAND),
    )
}

/// The picture's natural size in pixels (one canvas unit a pixel).
pub fn natural_size(layout: &TerritoryLayout) -> (u32, u32) {
    let r = extent(layout);
    (
        r.width().ceil().max(1.0) as u32,
        r.height().ceil().max(1.0) as u32,
    )
}

fn colour(c: Color32) -> String {
    hex([c.r(), c.g(), c.b()])
}

/// The territory map as SVG of `size` pixels (scaled to fit; the natural size when none).
pub fn territory_svg(
    layout: &TerritoryLayout,
    project: &Project,
    lang: Lang,
    colouring: TownColouring,
    size: Option<(u32, u32)>,
) -> String {
    let area = extent(layout);
    let (pw, ph) = size.unwrap_or_else(|| natural_size(layout));
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{pw}" height="{ph}" viewBox="{:.1} {:.1} {:.1} {:.1}" font-family="{}">"#,
        area.min.x,
        area.min.y,
        area.width(),
        area.height(),
        style::SVG_FONT_FAMILY.replace('"', "'")
    );
    let title = format!(
        "{} · {}",
        project.meta.name,
        lang.pick("县域空间图", "Territory map")
    );
    let _ = writeln!(s, "<title>{}</title>", xml_escape(&title));
    let _ = writeln!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#fafaf8"/>"##,
        area.min.x,
        area.min.y,
        area.width(),
        area.height()
    );
    let _ = writeln!(
        s,
        r#"<text x="{:.1}" y="{:.1}" font-size="24" font-weight="bold" fill="{INK}">{}</text>"#,
        area.min.x + MARGIN,
        area.min.y + MARGIN + 14.0,
        xml_escape(&fit(&title, area.width() - 2.0 * MARGIN, 24.0))
    );
    s.push_str("<g id=\"towns\">\n");
    for town in &layout.towns {
        town_shape(&mut s, town, colouring, lang);
    }
    s.push_str("</g>\n");
    arcs(&mut s, layout);
    villages(&mut s, layout);
    s.push_str("<g id=\"parks\">\n");
    for park in &layout.parks {
        park_frame(&mut s, park, lang);
    }
    s.push_str("</g>\n");
    farmer_lines(&mut s, layout);
    s.push_str("<g id=\"firms\">\n");
    for bead in &layout.beads {
        bead_circle(&mut s, bead, lang);
    }
    s.push_str("</g>\n");
    super::svg_names::firm_names(&mut s, layout, layout.bounds.expand(MARGIN / 2.0));
    s.push_str("<g id=\"town-names\">\n");
    for town in &layout.towns {
        town_texts(&mut s, town, lang);
    }
    s.push_str("</g>\n");
    legend(&mut s, area, colouring, lang);
    s.push_str("</svg>\n");
    s
}

/// The territory map as a PNG of `size` pixels, drawn with the bundled font.
pub fn territory_png(
    layout: &TerritoryLayout,
    project: &Project,
    lang: Lang,
    colouring: TownColouring,
    size: (u32, u32),
) -> Result<Vec<u8>, PngError> {
    let (w, h) = size;
    if w == 0 || h == 0 || w > MAX_PNG_SIDE || h > MAX_PNG_SIDE {
        return Err(PngError::TooLarge(w, h));
    }
    picture::render_svg(
        &territory_svg(layout, project, lang, colouring, Some(size)),
        w,
        h,
    )
}

/// `M x,y L … Z` per ring: one path, filled even-odd, so a ring inside another is a hole.
fn rings_path(rings: &[Vec<Pos2>]) -> String {
    let mut d = String::new();
    for ring in rings.iter().filter(|r| r.len() >= 3) {
        for (i, p) in ring.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1},{:.1} ",
                if i == 0 { "M" } else { "L" },
                p.x,
                p.y
            );
        }
        d.push_str("Z ");
    }
    d.trim_end().to_owned()
}

fn town_shape(s: &mut String, town: &TownShape, colouring: TownColouring, lang: Lang) {
    let fill = match town.id {
        None => Color32::from_gray(244),
        Some(_) => town_fill(town, colouring),
    };
    let (width, edge) = if town.seat {
        (2.4, "#464646")
    } else {
        (1.2, "#969696")
    };
    let d = if town.rings.is_empty() {
        let r = town.rect;
        format!(
            "M{:.1},{:.1} H{:.1} V{:.1} H{:.1} Z",
            r.left(),
            r.top(),
            r.right(),
            r.bottom(),
            r.left()
        )
    } else {
        rings_path(&town.rings)
    };
    let dash = if town.id.is_none() {
        r#" stroke-dasharray="6 4""#
    } else {
        ""
    };
    let _ = writeln!(
        s,
        r#"<path class="town" d="{d}" fill="{}" fill-rule="evenodd" stroke="{edge}" stroke-width="{width}" stroke-linejoin="round"{dash}><title>{}</title></path>"#,
        colour(fill),
        xml_escape(&super::paint::town_hint(town, lang))
    );
}

/// A town's name with its output and share, and (on a tile) its tags, as on screen.
fn town_texts(s: &mut String, town: &TownShape, lang: Lang) {
    let name = town_name(town, lang);
    let halo = r##"stroke="#fafaf8" stroke-width="3" paint-order="stroke""##;
    if town.rings.is_empty() {
        let r = town.rect;
        let room = r.width() - 24.0;
        let (x, y) = (r.left() + 12.0, r.top() + 10.0 + 15.0);
        let name = fit(&name, room, 15.0);
        let _ = writeln!(
            s,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="15" fill="{INK}">{}</text>"#,
            xml_escape(&name)
        );
        // The figures after the name when they fit whole, the tags on the line below.
        let share = share_text(town, lang);
        let after = x + picture::text_width(&name, 15.0) + 8.0;
        if after + picture::text_width(&share, 12.0) <= r.right() - 8.0 {
            let _ = writeln!(
                s,
                r##"<text x="{after:.1}" y="{y:.1}" font-size="12" fill="#505050">{}</text>"##,
                xml_escape(&share)
            );
        }
        let tags = fit(&town_tags(town, lang), room, 12.0);
        let _ = writeln!(
            s,
            r##"<text x="{x:.1}" y="{:.1}" font-size="12" fill="#5a5a5a">{}</text>"##,
            (y + 19.0).min(r.top() + HEADER),
            xml_escape(&tags)
        );
    } else {
        let p = town.label_at;
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-size="15" font-weight="bold" fill="{INK}" text-anchor="middle" {halo}>{}</text>"#,
            p.x,
            p.y - 3.0,
            xml_escape(&name)
        );
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" fill="#5a5a5a" text-anchor="middle" {halo}>{}</text>"##,
            p.x,
            p.y + 13.0,
            xml_escape(&share_text(town, lang))
        );
    }
}

/// Supply between towns: a curve bending to its left, as wide as its value, an arrowhead at
/// 80 % of the way (as the view draws it).
fn arcs(s: &mut String, layout: &TerritoryLayout) {
    let max = layout.arcs.iter().map(|a| a.value).fold(0.0f64, f64::max);
    let ink = hex(style::link_colour(LinkKind::Supply));
    s.push_str("<g id=\"supply\" opacity=\"0.55\">\n");
    for arc in &layout.arcs {
        let (a, control, b) = (arc.from, arc.control, arc.to);
        if (b - a).length() < 1.0 {
            continue;
        }
        let share = if max > 0.0 {
            (arc.value / max) as f32
        } else {
            0.0
        };
        let width = 1.5 + 12.0 * share;
        let t = 0.8;
        let point = super::arcs::point(a, control, b, t);
        let tangent = ((control - a) * (1.0 - t) + (b - control) * t).normalized();
        let size = (width * 1.6).max(7.0);
        let side = vec2(-tangent.y, tangent.x) * size * 0.6;
        let (tip, l, r) = (point + tangent * size, point - side, point + side);
        let _ = writeln!(
            s,
            r#"<path d="M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}" fill="none" stroke="{ink}" stroke-width="{width:.2}" stroke-linecap="round"><title>{} ({})</title></path><path d="M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="{ink}"/>"#,
            a.x,
            a.y,
            control.x,
            control.y,
            b.x,
            b.y,
            thousands(arc.value),
            arc.links,
            tip.x,
            tip.y,
            l.x,
            l.y,
            r.x,
            r.y
        );
    }
    s.push_str("</g>\n");
}

fn villages(s: &mut String, layout: &TerritoryLayout) {
    s.push_str("<g id=\"villages\">\n");
    for village in &layout.villages {
        let text_width = picture::text_width(&village.name, 11.0);
        let size = village.rect.size().max(vec2(text_width + 10.0, 18.0));
        let r = Rect::from_center_size(village.rect.center(), size);
        let _ = writeln!(
            s,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="4" fill="#ecf6e6" stroke="#78aa64"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#326428" text-anchor="middle">{}</text>"##,
            r.left(),
            r.top(),
            r.width(),
            r.height(),
            r.center().x,
            r.center().y + 4.0,
            xml_escape(&village.name)
        );
    }
    s.push_str("</g>\n");
}

fn park_frame(s: &mut String, park: &ParkFrame, lang: Lang) {
    let r = park.rect;
    let hue = hex(style::node_fill(NodeKind::Park));
    let level = park
        .level
        .map(|l| format!(" · {}", l.label(lang)))
        .unwrap_or_default();
    let room = r.width() - 8.0;
    let full = format!("{}{level}", park.name);
    let text = if picture::text_width(&full, 11.0) <= room {
        full
    } else {
        fit(&park.name, room, 11.0)
    };
    let _ = writeln!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="#ffffff" fill-opacity="0.6" stroke="{hue}" stroke-width="1.4"><title>{}</title></rect><text x="{:.1}" y="{:.1}" font-size="11" fill="#96500a">{}</text>"##,
        r.left() + 0.7,
        r.top() + 0.7,
        (r.width() - 1.4).max(0.0),
        (r.height() - 1.4).max(0.0),
        xml_escape(&park.name),
        r.left() + 4.0,
        r.top() + 13.0,
        xml_escape(&text)
    );
}

fn farmer_lines(s: &mut String, layout: &TerritoryLayout) {
    let ink = hex(style::link_colour(LinkKind::FarmerLinkage));
    let _ = writeln!(
        s,
        r#"<g id="farmer-links" stroke="{ink}" stroke-width="1.4" stroke-dasharray="4 3">"#
    );
    for line in &layout.farmer_lines {
        let _ = writeln!(
            s,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
            line.from.x, line.from.y, line.to.x, line.to.y
        );
    }
    s.push_str("</g>\n");
}

fn bead_circle(s: &mut String, bead: &Bead, lang: Lang) {
    let fill = bead
        .segment
        .map_or(style::node_fill(bead.kind), style::segment_strong);
    let _ = writeln!(
        s,
        r##"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{}" stroke="#ffffff" stroke-width="1.2"><title>{}</title></circle>"##,
        bead.at.x,
        bead.at.y,
        bead.radius,
        hex(fill),
        xml_escape(&super::paint::bead_hint(bead, lang))
    );
}

/// One legend entry: a swatch (a square, a dot or a line) and its label; returns the x after it.
fn legend_entry(s: &mut String, x: f32, y: f32, swatch: &str, label: &str) -> f32 {
    let _ = write!(s, "{}", swatch.replace("{X}", &format!("{x:.1}")));
    let _ = writeln!(
        s,
        r#"<text x="{:.1}" y="{:.1}" font-size="12" fill="{INK}">{}</text>"#,
        x + 20.0,
        y + 4.0,
        xml_escape(label)
    );
    x + 20.0 + picture::text_width(label, 12.0) + 18.0
}

/// Two rows under the map: the town colours; the firms' segments, the arcs and the lines.
fn legend(s: &mut String, area: Rect, colouring: TownColouring, lang: Lang) {
    let left = area.min.x + MARGIN;
    let y1 = area.max.y - MARGIN - 30.0;
    let y2 = y1 + 24.0;
    s.push_str("<g id=\"legend\">\n");
    let square = |c: Color32, y: f32| {
        format!(
            r##"<rect x="{{X}}" y="{:.1}" width="14" height="14" rx="2" fill="{}" stroke="#969696"/>"##,
            y - 7.0,
            colour(c)
        )
    };
    let mut x = left;
    let _ = writeln!(
        s,
        r#"<text x="{x:.1}" y="{:.1}" font-size="12" font-weight="bold" fill="{INK}">{}</text>"#,
        y1 + 4.0,
        xml_escape(colouring.label(lang))
    );
    x += picture::text_width(colouring.label(lang), 12.0) + 14.0;
    match colouring {
        TownColouring::Zone => {
            for zone in MainFunctionZone::ALL {
                x = legend_entry(
                    s,
                    x,
                    y1,
                    &square(zone_fill(Some(zone)), y1),
                    zone.label(lang),
                );
            }
        }
        TownColouring::Class => {
            for class in TownClass::ALL {
                x = legend_entry(
                    s,
                    x,
                    y1,
                    &square(class_fill(Some(class)), y1),
                    class.label(lang),
                );
            }
        }
    }
    let _ = legend_entry(
        s,
        x,
        y1,
        &square(zone_fill(None), y1),
        lang.pick("未设定", "not set"),
    );
    let mut x = left;
    for segment in Segment::ALL {
        let dot = format!(
            r#"<circle cx="{{X}}" cy="{y2:.1}" r="6" fill="{}" transform="translate(7 0)"/>"#,
            hex(style::segment_strong(segment))
        );
        x = legend_entry(s, x, y2, &dot, segment.label(lang));
    }
    let supply = format!(
        r#"<line x1="{x:.1}" y1="{y2:.1}" x2="{:.1}" y2="{y2:.1}" stroke="{}" stroke-opacity="0.55" stroke-width="5"/>"#,
        x + 14.0,
        hex(style::link_colour(LinkKind::Supply))
    );
    x = legend_entry(
        s,
        x,
        y2,
        &supply,
        lang.pick(
            "镇间供货(宽度=金额)",
            "supply between towns (width = value)",
        ),
    );
    let farmers = format!(
        r#"<line x1="{x:.1}" y1="{y2:.1}" x2="{:.1}" y2="{y2:.1}" stroke="{}" stroke-width="1.4" stroke-dasharray="4 3"/>"#,
        x + 14.0,
        hex(style::link_colour(LinkKind::FarmerLinkage))
    );
    let _ = legend_entry(s, x, y2, &farmers, lang.pick("联农带农", "farmer linkage"));
    s.push_str("</g>\n");
}
