//! The poster page as SVG in points: a header (title, county and description), the chain map of
//! `picture.rs` fitted to the space left, and a footer (legend of what the map shows, and the
//! note saying what made it and when). Sizes grow with the sheet so that a poster read from
//! across a room is as legible as an A4 sheet read at a desk.

use super::Sheet;
use crate::export::picture::{self, fit, text_width, xml_escape};
use crate::i18n::Lang;
use crate::model::{LinkKind, NodeKind, Project};
use crate::style::{self, hex};
use std::fmt::Write;

/// The short side of A4, in points: one layout unit is a point there.
const A4_SHORT_SIDE: f32 = 595.3;
/// Text colour, as on the map.
const INK: &str = "#282c34";
/// Secondary text.
const GREY: &str = "#5c6370";

/// The page's measures, in points.
struct Measures {
    width: f32,
    height: f32,
    margin: f32,
    title: f32,
    small: f32,
}

impl Measures {
    fn of(sheet: Sheet) -> Measures {
        let (width, height) = sheet.points();
        let unit = width.min(height) / A4_SHORT_SIDE;
        Measures {
            width,
            height,
            margin: 28.0 * unit,
            title: 22.0 * unit,
            small: 9.5 * unit,
        }
    }

    fn inner_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    fn line(&self) -> f32 {
        self.small * 1.8
    }
}

/// One entry of the legend.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    Node(NodeKind),
    Link(LinkKind),
    Leader,
}

impl Entry {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Entry::Node(kind) => kind.label(lang),
            Entry::Link(kind) => kind.label(lang),
            Entry::Leader => lang.pick("链主企业", "Chain leader"),
        }
    }
}

/// What the map shows, in the order the editor lists kinds: the node and link kinds present,
/// and the 链主 ring if any firm has it.
fn entries(project: &Project) -> Vec<Entry> {
    let nodes = NodeKind::ALL
        .into_iter()
        .filter(|k| {
            project
                .nodes
                .values()
                .any(|n| n.kind == *k && n.position.is_some())
        })
        .map(Entry::Node);
    let links = LinkKind::ALL
        .into_iter()
        .filter(|k| project.links.values().any(|l| l.kind == *k))
        .map(Entry::Link);
    let leader = project
        .nodes
        .values()
        .any(|n| n.position.is_some() && n.tags.iter().any(|t| t == "链主"))
        .then_some(Entry::Leader);
    nodes.chain(links).chain(leader).collect()
}

/// The poster page: header, map, legend and note.
pub(super) fn poster_svg(project: &Project, lang: Lang, sheet: Sheet, date: &str) -> String {
    let m = Measures::of(sheet);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.2}" height="{h:.2}" viewBox="0 0 {w:.2} {h:.2}" font-family="{}">"#,
        style::SVG_FONT_FAMILY.replace('"', "'"),
        w = m.width,
        h = m.height,
    );
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{:.2}" height="{:.2}" fill="#ffffff"/>"##,
        m.width, m.height
    );
    let header_bottom = header(&mut s, project, lang, &m);
    let footer_top = footer(&mut s, project, lang, &m, date);
    let gap = m.small * 0.8;
    map(
        &mut s,
        project,
        lang,
        (m.margin, header_bottom + gap),
        (m.inner_width(), footer_top - gap - header_bottom - gap),
    );
    s.push_str("</svg>\n");
    s
}

/// Title and subtitle; returns where the header ends.
fn header(s: &mut String, project: &Project, lang: Lang, m: &Measures) -> f32 {
    let title = if project.meta.name.trim().is_empty() {
        lang.pick("产业链图谱", "Industrial chain map").to_owned()
    } else {
        project.meta.name.clone()
    };
    let baseline = m.margin + m.title;
    let _ = writeln!(
        s,
        r#"<text x="{:.2}" y="{baseline:.2}" font-size="{:.2}" font-weight="bold" fill="{INK}">{}</text>"#,
        m.margin,
        m.title,
        xml_escape(&fit(&title, m.inner_width(), m.title))
    );
    let mut parts = Vec::new();
    if !project.meta.county.trim().is_empty() {
        parts.push(project.meta.county.trim().to_owned());
    }
    parts.push(lang.pick("产业链图谱", "industrial chain map").to_owned());
    let description = project
        .meta
        .description
        .split_whitespace()
        .collect::<Vec<_>>();
    if !description.is_empty() {
        parts.push(description.join(" "));
    }
    let subtitle = parts.join(" · ");
    let baseline = baseline + m.title * 0.35 + m.line();
    let _ = writeln!(
        s,
        r#"<text x="{:.2}" y="{baseline:.2}" font-size="{:.2}" fill="{GREY}">{}</text>"#,
        m.margin,
        m.small * 1.1,
        xml_escape(&fit(&subtitle, m.inner_width(), m.small * 1.1))
    );
    let rule = baseline + m.small * 0.9;
    let _ = writeln!(
        s,
        r##"<line x1="{:.2}" y1="{rule:.2}" x2="{:.2}" y2="{rule:.2}" stroke="#c8ccd4" stroke-width="{:.2}"/>"##,
        m.margin,
        m.width - m.margin,
        m.small * 0.08
    );
    rule
}

/// The legend rows and the note under them; returns where the footer starts.
fn footer(s: &mut String, project: &Project, lang: Lang, m: &Measures, date: &str) -> f32 {
    let size = m.small;
    let swatch = size * 2.0;
    let heading = lang.pick("图例", "Legend");
    let heading_width = text_width(heading, size) + size;
    // Entries laid left to right, wrapping under the heading.
    let mut rows: Vec<Vec<(Entry, f32)>> = vec![Vec::new()];
    let mut x = heading_width;
    for entry in entries(project) {
        let width = swatch + size * 0.5 + text_width(entry.label(lang), size) + size * 1.4;
        if x + width > m.inner_width() && x > heading_width {
            rows.push(Vec::new());
            x = heading_width;
        }
        if let Some(row) = rows.last_mut() {
            row.push((entry, x));
        }
        x += width;
    }
    let note = match lang {
        Lang::Zh => format!("制图:串珠 chainmap · {date}"),
        Lang::En => format!("Made with chainmap (串珠) · {date}"),
    };
    let bottom = m.height - m.margin;
    let top = bottom - m.line() * (rows.len() as f32 + 1.0);
    let _ = writeln!(
        s,
        r##"<line x1="{:.2}" y1="{top:.2}" x2="{:.2}" y2="{top:.2}" stroke="#c8ccd4" stroke-width="{:.2}"/>"##,
        m.margin,
        m.width - m.margin,
        size * 0.08
    );
    let _ = writeln!(
        s,
        r#"<text x="{:.2}" y="{:.2}" font-size="{size:.2}" font-weight="bold" fill="{INK}">{}</text>"#,
        m.margin,
        top + m.line() * 0.5 + size * 0.35,
        xml_escape(heading)
    );
    for (i, row) in rows.iter().enumerate() {
        let middle = top + m.line() * (i as f32 + 0.5);
        for (entry, x) in row {
            let x = m.margin + x;
            draw_swatch(s, *entry, x, middle, size);
            let _ = writeln!(
                s,
                r#"<text x="{:.2}" y="{:.2}" font-size="{size:.2}" fill="{INK}">{}</text>"#,
                x + swatch + size * 0.5,
                middle + size * 0.35,
                xml_escape(entry.label(lang))
            );
        }
    }
    let _ = writeln!(
        s,
        r#"<text x="{:.2}" y="{:.2}" font-size="{:.2}" fill="{GREY}" text-anchor="end">{}</text>"#,
        m.width - m.margin,
        bottom - size * 0.3,
        size * 0.9,
        xml_escape(&note)
    );
    top
}

/// The symbol of a legend entry, `size` high, its left edge at `x`, centred on `y`.
fn draw_swatch(s: &mut String, entry: Entry, x: f32, y: f32, size: f32) {
    let r = size * 0.55;
    let cx = x + size;
    let stroke = format!(r##"stroke="#33333355" stroke-width="{:.2}""##, size * 0.08);
    let polygon = |points: &[(f32, f32)], fill: &str| {
        let pts: Vec<String> = points
            .iter()
            .map(|(px, py)| format!("{:.2},{:.2}", cx + px * r, y + py * r))
            .collect();
        format!(
            r#"<polygon points="{}" fill="{fill}" {stroke}/>"#,
            pts.join(" ")
        )
    };
    let shape = match entry {
        Entry::Node(kind) => {
            let fill = hex(style::node_fill(kind));
            match kind {
                NodeKind::Enterprise | NodeKind::Park => format!(
                    r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}" fill="{fill}" {stroke}/>"#,
                    cx - 1.3 * r,
                    y - 0.8 * r,
                    2.6 * r,
                    1.6 * r,
                    0.3 * r
                ),
                NodeKind::ExternalEnterprise => format!(
                    r##"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}" fill="#ececec" stroke="{fill}" stroke-width="{:.2}" stroke-dasharray="{:.2} {:.2}"/>"##,
                    cx - 1.3 * r,
                    y - 0.8 * r,
                    2.6 * r,
                    1.6 * r,
                    0.3 * r,
                    size * 0.12,
                    size * 0.3,
                    size * 0.2
                ),
                NodeKind::Cooperative | NodeKind::VillageCollective | NodeKind::FamilyFarms => {
                    format!(
                        r#"<circle cx="{cx:.2}" cy="{y:.2}" r="{r:.2}" fill="{fill}" {stroke}/>"#
                    )
                }
                NodeKind::Institute | NodeKind::PublicInstitution => {
                    polygon(&[(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)], &fill)
                }
                NodeKind::Financial => {
                    let pts: Vec<(f32, f32)> = (0..6)
                        .map(|i| {
                            let a = std::f32::consts::TAU * i as f32 / 6.0;
                            (a.cos(), a.sin())
                        })
                        .collect();
                    polygon(&pts, &fill)
                }
                NodeKind::Region => polygon(&[(0.0, -1.0), (0.95, 0.75), (-0.95, 0.75)], &fill),
            }
        }
        Entry::Link(kind) => {
            let unit = size / 12.0;
            let dash = style::link_dash(kind)
                .map(|(d, g)| format!(r#" stroke-dasharray="{:.2} {:.2}""#, d * unit, g * unit))
                .unwrap_or_default();
            format!(
                r#"<line x1="{x:.2}" y1="{y:.2}" x2="{:.2}" y2="{y:.2}" stroke="{}" stroke-width="{:.2}"{dash}/>"#,
                x + 2.0 * size,
                hex(style::link_colour(kind)),
                size * 0.2
            )
        }
        Entry::Leader => format!(
            r##"<circle cx="{cx:.2}" cy="{y:.2}" r="{r:.2}" fill="none" stroke="#d42828" stroke-width="{:.2}"/>"##,
            size * 0.15
        ),
    };
    s.push_str(&shape);
    s.push('\n');
}

/// The chain map, fitted (proportions kept, centred) into the box at `at` of `size`, without
/// its own title: the poster's header has it.
fn map(s: &mut String, project: &Project, lang: Lang, at: (f32, f32), size: (f32, f32)) {
    let (nw, nh) = picture::natural_size(project);
    let drawing = without_title(&picture::svg(project, lang, None));
    let placed = drawing.replacen(
        &format!(r#"width="{nw}" height="{nh}""#),
        &format!(
            r#"x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}""#,
            at.0,
            at.1,
            size.0.max(1.0),
            size.1.max(1.0)
        ),
        1,
    );
    s.push_str(&placed);
}

/// The map SVG without its title text (the one element at title size; names are escaped, so
/// its end is the first `</text>` after it).
fn without_title(svg: &str) -> String {
    let Some(mark) = svg.find(r#"font-size="26" font-weight="bold""#) else {
        return svg.to_owned();
    };
    let start = svg[..mark].rfind("<text").unwrap_or(mark);
    match svg[mark..].find("</text>") {
        Some(end) => {
            let end = mark + end + "</text>".len();
            format!("{}{}", &svg[..start], &svg[end..])
        }
        None => svg.to_owned(),
    }
}
