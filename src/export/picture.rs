//! The map as a picture: an SVG drawn from the project (stage lanes, links, nodes, labels, in the
//! canvas's colours), and a PNG rendered from it by resvg with the bundled Chinese font, so the
//! picture is right on a machine with no fonts installed.

use crate::i18n::Lang;
use crate::layout::{LANE_WIDTH, lane_columns, lane_extent};
use crate::model::{LinkKind, Node, NodeKind, Project};
use crate::style::{self, Rgb, hex};
use rust_decimal::prelude::ToPrimitive;
use std::fmt::Write;

/// Largest PNG side (pixels): a wall-sized poster, and still memory a laptop has.
pub const MAX_PNG_SIDE: u32 = 16_384;

/// Room around the drawing, in canvas units.
const MARGIN: f32 = 40.0;
/// Height of the title band.
const TITLE_HEIGHT: f32 = 56.0;

/// Text with the five XML specials escaped.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The area the drawing covers (canvas units): min x, min y, width, height.
fn extent(project: &Project) -> (f32, f32, f32, f32) {
    let max_out = style::max_output(project);
    let mut min = (f32::MAX, f32::MAX);
    let mut max = (f32::MIN, f32::MIN);
    let mut grow = |x: f32, y: f32| {
        min = (min.0.min(x), min.1.min(y));
        max = (max.0.max(x), max.1.max(y));
    };
    let lanes = lane_columns(project);
    let (top, bottom) = lane_extent(project);
    for (_, x, _) in &lanes {
        grow(x - LANE_WIDTH / 2.0, top - 34.0);
        grow(x + LANE_WIDTH / 2.0, bottom);
    }
    for node in project.nodes.values() {
        if let Some(p) = node.position {
            let r = style::node_radius(node, max_out);
            grow(p.x - r - 60.0, p.y - r);
            grow(p.x + r + 60.0, p.y + r + 24.0);
        }
    }
    if min.0 > max.0 {
        return (0.0, 0.0, 400.0, 300.0);
    }
    (
        min.0 - MARGIN,
        min.1 - MARGIN - TITLE_HEIGHT,
        max.0 - min.0 + 2.0 * MARGIN,
        max.1 - min.1 + 2.0 * MARGIN + TITLE_HEIGHT,
    )
}

/// The picture's natural size in pixels (one canvas unit a pixel).
pub fn natural_size(project: &Project) -> (u32, u32) {
    let (_, _, w, h) = extent(project);
    (w.ceil().max(1.0) as u32, h.ceil().max(1.0) as u32)
}

/// The map as SVG. `size` sets the width and height attributes (the drawing is scaled to fit);
/// none gives the natural size.
pub fn svg(project: &Project, lang: Lang, size: Option<(u32, u32)>) -> String {
    let (x0, y0, w, h) = extent(project);
    let (pw, ph) = size.unwrap_or_else(|| natural_size(project));
    let max_out = style::max_output(project);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{pw}" height="{ph}" viewBox="{x0:.1} {y0:.1} {w:.1} {h:.1}" font-family="{}">"#,
        style::SVG_FONT_FAMILY.replace('"', "'")
    );
    let _ = writeln!(s, "<title>{}</title>", xml_escape(&project.meta.name));
    // One arrowhead per link colour.
    s.push_str("<defs>\n");
    for kind in LinkKind::ALL {
        let _ = writeln!(
            s,
            r#"<marker id="arrow-{}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{}"/></marker>"#,
            kind.code(),
            hex(style::link_colour(kind))
        );
    }
    s.push_str("</defs>\n");
    let _ = writeln!(
        s,
        r##"<rect x="{x0:.1}" y="{y0:.1}" width="{w:.1}" height="{h:.1}" fill="#fafaf8"/>"##
    );
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="{:.1}" font-size="26" font-weight="bold" fill="#282c34">{}</text>"##,
        x0 + MARGIN,
        y0 + MARGIN + 18.0,
        xml_escape(&project.meta.name)
    );
    svg_lanes(&mut s, project, lang);
    svg_links(&mut s, project, lang, max_out);
    svg_nodes(&mut s, project, max_out);
    s.push_str("</svg>\n");
    s
}

/// The stage lanes with their headers.
fn svg_lanes(s: &mut String, project: &Project, lang: Lang) {
    let (top, bottom) = lane_extent(project);
    s.push_str("<g id=\"lanes\">\n");
    for (stage, x, segment) in lane_columns(project) {
        let name = project
            .stage(&stage)
            .map(|(_, st)| match lang {
                Lang::En if !st.name_en.is_empty() => st.name_en.clone(),
                _ => st.name.clone(),
            })
            .unwrap_or_default();
        let left = x - LANE_WIDTH / 2.0 + 6.0;
        let width = LANE_WIDTH - 12.0;
        let _ = writeln!(
            s,
            r#"<rect x="{left:.1}" y="{:.1}" width="{width:.1}" height="{:.1}" rx="6" fill="{}"/>"#,
            top - 34.0,
            bottom - top + 34.0,
            hex(style::segment_fill(segment))
        );
        let _ = writeln!(
            s,
            r#"<rect x="{left:.1}" y="{:.1}" width="{width:.1}" height="34" rx="6" fill="{}"/>"#,
            top - 34.0,
            hex(style::segment_strong(segment))
        );
        let _ = writeln!(
            s,
            r##"<text x="{x:.1}" y="{:.1}" font-size="13" fill="#ffffff" text-anchor="middle"><title>{} {}</title>{}</text>"##,
            top - 12.0,
            xml_escape(stage.as_str()),
            xml_escape(&name),
            xml_escape(&fit(&format!("{stage} {name}"), width - 12.0, 13.0))
        );
    }
    s.push_str("</g>\n");
}

/// The links, drawn under the nodes: supply width by value, arrowheads on directed kinds.
fn svg_links(s: &mut String, project: &Project, lang: Lang, max_out: f64) {
    let max_value = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
        .filter_map(|l| l.value.and_then(|v| v.to_f64()))
        .fold(0.0, f64::max);
    s.push_str("<g id=\"links\" fill=\"none\">\n");
    for link in project.links.values() {
        let (Some(a), Some(b)) = (project.nodes.get(&link.from), project.nodes.get(&link.to))
        else {
            continue;
        };
        let (Some(pa), Some(pb)) = (a.position, b.position) else {
            continue;
        };
        let (dx, dy) = (pb.x - pa.x, pb.y - pa.y);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1.0 {
            continue;
        }
        let (ux, uy) = (dx / len, dy / len);
        let (ra, rb) = (
            style::node_radius(a, max_out),
            style::node_radius(b, max_out) + 2.0,
        );
        let width = match link.kind {
            LinkKind::Supply if max_value > 0.0 => {
                let v = link.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
                1.0 + 5.0 * (v / max_value).sqrt() as f32
            }
            LinkKind::Trusteeship | LinkKind::Enclave => 2.5,
            _ => 1.5,
        };
        let dash = style::link_dash(link.kind)
            .map(|(d, g)| format!(r#" stroke-dasharray="{d} {g}""#))
            .unwrap_or_default();
        let arrow = if matches!(
            link.kind,
            LinkKind::Supply | LinkKind::Enclave | LinkKind::Trusteeship
        ) {
            format!(r#" marker-end="url(#arrow-{})""#, link.kind.code())
        } else {
            String::new()
        };
        let title = if link.product.is_empty() {
            link.kind.label(lang).to_owned()
        } else {
            format!("{} · {}", link.kind.label(lang), link.product)
        };
        let _ = writeln!(
            s,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="{width:.2}"{dash}{arrow}><title>{}</title></line>"#,
            pa.x + ux * ra,
            pa.y + uy * ra,
            pb.x - ux * rb,
            pb.y - uy * rb,
            hex(style::link_colour(link.kind)),
            xml_escape(&title)
        );
    }
    s.push_str("</g>\n");
}

/// The nodes with their labels; chain leaders ringed.
fn svg_nodes(s: &mut String, project: &Project, max_out: f64) {
    s.push_str("<g id=\"nodes\">\n");
    for node in project.nodes.values() {
        let Some(p) = node.position else { continue };
        let r = style::node_radius(node, max_out);
        let _ = writeln!(
            s,
            r#"<g id="node-{}"><title>{}</title>"#,
            xml_escape(node.id.as_str()),
            xml_escape(&node.name)
        );
        s.push_str(&shape(node, p.x, p.y, r));
        if node.tags.iter().any(|t| t == "链主") {
            let _ = writeln!(
                s,
                r##"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="#d42828" stroke-width="2"/>"##,
                p.x,
                p.y,
                r + 4.0
            );
        }
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="12.5" fill="#282c34" text-anchor="middle" stroke="#fafaf8" stroke-width="3" paint-order="stroke">{}</text>"##,
            p.x,
            p.y + r + 15.0,
            xml_escape(&fit(&node.name, LANE_WIDTH - 16.0, 12.5))
        );
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");
}

/// Roughly how wide `c` is, in ems: Chinese and full-width forms a whole em, Latin about half.
fn char_width(c: char) -> f32 {
    if c.is_ascii() {
        if c.is_ascii_uppercase() { 0.62 } else { 0.52 }
    } else if ('\u{2000}'..='\u{206f}').contains(&c) || c == '·' {
        0.55
    } else {
        1.0
    }
}

/// Roughly how wide `text` is at `font_size`, in the same units (the pictures have no text
/// measurement; the territory map's layout is measured with this for its export).
pub fn text_width(text: &str, font_size: f32) -> f32 {
    text.chars().map(char_width).sum::<f32>() * font_size
}

/// `text` cut with an ellipsis to fit `width` pixels at `font_size` (the picture has no text
/// measurement, so an estimate that errs short).
pub fn fit(text: &str, width: f32, font_size: f32) -> String {
    let budget = width / font_size;
    let total: f32 = text.chars().map(char_width).sum();
    if total <= budget {
        return text.to_owned();
    }
    let mut used = 1.0; // the ellipsis
    let mut out = String::new();
    for c in text.chars() {
        used += char_width(c);
        if used > budget {
            break;
        }
        out.push(c);
    }
    out + "…"
}

/// The shape of a node kind, as on the canvas.
fn shape(node: &Node, x: f32, y: f32, r: f32) -> String {
    let fill: Rgb = style::node_fill(node.kind);
    let fill = hex(fill);
    let stroke = r##"stroke="#33333355" stroke-width="1.2""##;
    let polygon = |points: &[(f32, f32)]| {
        let pts: Vec<String> = points
            .iter()
            .map(|(px, py)| format!("{:.1},{:.1}", x + px, y + py))
            .collect();
        format!(
            r#"<polygon points="{}" fill="{fill}" {stroke}/>"#,
            pts.join(" ")
        ) + "\n"
    };
    match node.kind {
        NodeKind::Enterprise => {
            format!(
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{:.1}" fill="{fill}" {stroke}/>"#,
                x - r,
                y - 0.75 * r,
                2.0 * r,
                1.5 * r,
                0.3 * r
            ) + "\n"
        }
        NodeKind::ExternalEnterprise => {
            format!(
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{:.1}" fill="#ececec" stroke="{fill}" stroke-width="1.5" stroke-dasharray="4 3"/>"##,
                x - r,
                y - 0.75 * r,
                2.0 * r,
                1.5 * r,
                0.3 * r
            ) + "\n"
        }
        NodeKind::Cooperative | NodeKind::VillageCollective | NodeKind::FamilyFarms => {
            format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}" {stroke}/>"#) + "\n"
        }
        NodeKind::Institute | NodeKind::PublicInstitution => {
            polygon(&[(0.0, -r), (r, 0.0), (0.0, r), (-r, 0.0)])
        }
        NodeKind::Financial => {
            let pts: Vec<(f32, f32)> = (0..6)
                .map(|i| {
                    let a = std::f32::consts::TAU * i as f32 / 6.0;
                    (a.cos() * r, a.sin() * r)
                })
                .collect();
            polygon(&pts)
        }
        NodeKind::Park => {
            format!(
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="4" fill="{fill}" {stroke}/><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="none" stroke="#ffffff"/>"##,
                x - 1.2 * r,
                y - 0.8 * r,
                2.4 * r,
                1.6 * r,
                x - 1.2 * r + 3.0,
                y - 0.8 * r + 3.0,
                2.4 * r - 6.0,
                1.6 * r - 6.0
            ) + "\n"
        }
        NodeKind::Region => polygon(&[(0.0, -r), (r * 0.95, r * 0.75), (-r * 0.95, r * 0.75)]),
    }
}

/// Why a PNG could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("the picture would be {0}×{1} pixels; each side may be at most {MAX_PNG_SIDE}")]
    TooLarge(u32, u32),
    #[error("the SVG could not be read: {0}")]
    Svg(String),
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// The map as a PNG of `size` pixels (natural size when none), drawn with the bundled font.
pub fn png(project: &Project, lang: Lang, size: Option<(u32, u32)>) -> Result<Vec<u8>, PngError> {
    let (w, h) = size.unwrap_or_else(|| natural_size(project));
    if w == 0 || h == 0 || w > MAX_PNG_SIDE || h > MAX_PNG_SIDE {
        return Err(PngError::TooLarge(w, h));
    }
    let text = svg(project, lang, Some((w, h)));
    render_svg(&text, w, h)
}

/// The bundled font as every family the SVG may name, parsed once per run (it is 5 MB).
fn font_database() -> std::sync::Arc<resvg::usvg::fontdb::Database> {
    static FONTS: std::sync::OnceLock<std::sync::Arc<resvg::usvg::fontdb::Database>> =
        std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut fonts = resvg::usvg::fontdb::Database::new();
            fonts.load_font_data(style::CJK_FONT.to_vec());
            let family = fonts
                .faces()
                .next()
                .and_then(|f| f.families.first().map(|(name, _)| name.clone()));
            if let Some(family) = family {
                // Whatever family the SVG names, the bundled font draws it.
                fonts.set_sans_serif_family(family.clone());
                fonts.set_serif_family(family);
            }
            std::sync::Arc::new(fonts)
        })
        .clone()
}

/// Renders SVG text to a PNG of `w`×`h` with the bundled font as every family.
pub fn render_svg(text: &str, w: u32, h: u32) -> Result<Vec<u8>, PngError> {
    use resvg::{tiny_skia, usvg};
    let options = usvg::Options {
        fontdb: font_database(),
        font_family: "sans-serif".to_owned(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(text, &options).map_err(|e| PngError::Svg(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(PngError::TooLarge(w, h))?;
    // The drawing keeps its proportions; what the requested size adds around it is background.
    pixmap.fill(tiny_skia::Color::from_rgba8(250, 250, 248, 255));
    let scale_x = w as f32 / tree.size().width();
    let scale_y = h as f32 / tree.size().height();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale_x, scale_y),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(e.to_string()))
}
