//! SVG to PDF: the page's SVG is parsed and laid out by usvg (the same code that draws the PNG
//! export, with the bundled font), then its tree is written as PDF drawing operators. Shapes
//! become paths; text becomes glyphs of the embedded font (never outlines), one `TJ` run per
//! line so that readers see words, not scattered letters. A halo drawn under a label (SVG
//! `paint-order="stroke"`) is drawn as outlines, so each name is in the text layer once.

use super::PdfError;
use super::font::{EmbeddedFont, deflate};
use crate::i18n::Lang;
use pdf_writer::types::{LineCapStyle, LineJoinStyle};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use resvg::usvg::{self, Node, Paint, PaintOrder, Transform, fontdb, tiny_skia_path};
use std::sync::{Arc, OnceLock};

/// What the document says about itself.
pub(super) struct Meta {
    pub title: String,
    pub lang: Lang,
}

/// The bundled font as every family the SVG may name, parsed once per run.
fn font_database() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut fonts = fontdb::Database::new();
            fonts.load_font_source(fontdb::Source::Binary(Arc::new(crate::style::CJK_FONT)));
            let family = fonts
                .faces()
                .next()
                .and_then(|f| f.families.first().map(|(name, _)| name.clone()));
            if let Some(family) = family {
                fonts.set_sans_serif_family(family.clone());
                fonts.set_serif_family(family);
            }
            Arc::new(fonts)
        })
        .clone()
}

/// `svg` as a one-page PDF of `size` points.
pub(super) fn svg_to_pdf(svg: &str, size: (f32, f32), meta: &Meta) -> Result<Vec<u8>, PdfError> {
    let options = usvg::Options {
        fontdb: font_database(),
        font_family: "sans-serif".to_owned(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PdfError::Svg(e.to_string()))?;
    let (w, h) = size;
    let mut page = Page::new(tree.fontdb().clone());
    // SVG has y down, PDF y up; the drawing is scaled to the page if its size differs.
    page.content.transform([1.0, 0.0, 0.0, -1.0, 0.0, h]);
    let (tw, th) = (tree.size().width(), tree.size().height());
    page.content.transform([w / tw, 0.0, 0.0, h / th, 0.0, 0.0]);
    page.group(tree.root(), 1.0, Mode::All)?;
    page.finish(size, meta)
}

/// Whether fills are drawn (halos are the strokes alone).
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    All,
    StrokeOnly,
}

/// One run of glyphs on a line, being collected for one `TJ`.
struct Run {
    font: usize,
    size: f32,
    matrix: [f32; 6],
    /// Where the next glyph would be without adjustment, in text space along the line.
    pen: f32,
    items: Vec<(f32, u16)>,
}

struct Page {
    content: Content,
    fontdb: Arc<fontdb::Database>,
    fonts: Vec<(fontdb::ID, EmbeddedFont)>,
    /// Fill and stroke alpha (0–255) of each graphics state `/G{i}`.
    alphas: Vec<(u8, u8)>,
}

impl Page {
    fn new(fontdb: Arc<fontdb::Database>) -> Page {
        Page {
            content: Content::new(),
            fontdb,
            fonts: Vec::new(),
            alphas: Vec::new(),
        }
    }

    fn node(&mut self, node: &Node, opacity: f32, mode: Mode) -> Result<(), PdfError> {
        match node {
            Node::Group(g) => self.group(g, opacity, mode),
            Node::Path(p) => {
                self.path(p, opacity, mode);
                Ok(())
            }
            Node::Text(t) => self.text(t, opacity),
            // The poster has no pictures in it.
            Node::Image(_) => Ok(()),
        }
    }

    fn group(&mut self, g: &usvg::Group, opacity: f32, mode: Mode) -> Result<(), PdfError> {
        self.content.save_state();
        self.content.transform(matrix(g.transform()));
        if let Some(clip) = g.clip_path() {
            self.clip(clip);
        }
        let opacity = opacity * g.opacity().get();
        for child in g.children() {
            self.node(child, opacity, mode)?;
        }
        self.content.restore_state();
        Ok(())
    }

    /// Clips to the union of the clip path's shapes (the nested SVG's viewport is one).
    fn clip(&mut self, clip: &usvg::ClipPath) {
        fn shapes(page: &mut Page, g: &usvg::Group, ts: Transform) {
            for child in g.children() {
                match child {
                    Node::Path(p) => {
                        if let Some(data) = p.data().clone().transform(ts) {
                            page.outline(&data);
                        }
                    }
                    Node::Group(inner) => shapes(page, inner, ts.pre_concat(inner.transform())),
                    Node::Text(_) | Node::Image(_) => {}
                }
            }
        }
        // An empty clip hides everything, as in SVG.
        self.content.move_to(0.0, 0.0);
        self.content.close_path();
        shapes(self, clip.root(), clip.transform());
        self.content.clip_nonzero();
        self.content.end_path();
    }

    fn path(&mut self, p: &usvg::Path, opacity: f32, mode: Mode) {
        if !p.is_visible() {
            return;
        }
        let fill = p.fill().filter(|_| mode == Mode::All);
        let stroke = p.stroke();
        let stroke_first = p.paint_order() == PaintOrder::StrokeAndFill;
        if stroke_first && let Some(s) = stroke {
            self.stroke(p.data(), s, opacity);
        }
        if let Some(f) = fill {
            self.content.save_state();
            self.alpha(f.opacity().get() * opacity, 1.0);
            let (r, g, b) = colour(f.paint());
            self.content.set_fill_rgb(r, g, b);
            self.outline(p.data());
            match f.rule() {
                usvg::FillRule::NonZero => self.content.fill_nonzero(),
                usvg::FillRule::EvenOdd => self.content.fill_even_odd(),
            };
            self.content.restore_state();
        }
        if !stroke_first && let Some(s) = stroke {
            self.stroke(p.data(), s, opacity);
        }
    }

    fn stroke(&mut self, data: &tiny_skia_path::Path, s: &usvg::Stroke, opacity: f32) {
        let c = &mut self.content;
        c.save_state();
        let (r, g, b) = colour(s.paint());
        c.set_stroke_rgb(r, g, b);
        c.set_line_width(s.width().get());
        c.set_line_cap(match s.linecap() {
            usvg::LineCap::Butt => LineCapStyle::ButtCap,
            usvg::LineCap::Round => LineCapStyle::RoundCap,
            usvg::LineCap::Square => LineCapStyle::ProjectingSquareCap,
        });
        c.set_line_join(match s.linejoin() {
            usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoinStyle::MiterJoin,
            usvg::LineJoin::Round => LineJoinStyle::RoundJoin,
            usvg::LineJoin::Bevel => LineJoinStyle::BevelJoin,
        });
        c.set_miter_limit(s.miterlimit().get());
        if let Some(dashes) = s.dasharray() {
            c.set_dash_pattern(dashes.iter().copied(), s.dashoffset());
        }
        self.alpha(1.0, s.opacity().get() * opacity);
        self.outline(data);
        self.content.stroke();
        self.content.restore_state();
    }

    /// The path's segments (quadratic curves as cubics, which PDF has).
    fn outline(&mut self, data: &tiny_skia_path::Path) {
        use tiny_skia_path::PathSegment;
        let c = &mut self.content;
        let mut last = (0.0, 0.0);
        for segment in data.segments() {
            match segment {
                PathSegment::MoveTo(p) => {
                    c.move_to(p.x, p.y);
                    last = (p.x, p.y);
                }
                PathSegment::LineTo(p) => {
                    c.line_to(p.x, p.y);
                    last = (p.x, p.y);
                }
                PathSegment::QuadTo(q, p) => {
                    let c1 = (
                        last.0 + 2.0 / 3.0 * (q.x - last.0),
                        last.1 + 2.0 / 3.0 * (q.y - last.1),
                    );
                    let c2 = (p.x + 2.0 / 3.0 * (q.x - p.x), p.y + 2.0 / 3.0 * (q.y - p.y));
                    c.cubic_to(c1.0, c1.1, c2.0, c2.1, p.x, p.y);
                    last = (p.x, p.y);
                }
                PathSegment::CubicTo(p1, p2, p) => {
                    c.cubic_to(p1.x, p1.y, p2.x, p2.y, p.x, p.y);
                    last = (p.x, p.y);
                }
                PathSegment::Close => {
                    c.close_path();
                }
            }
        }
    }

    /// Sets fill and stroke alpha through a graphics state, when either is below one.
    fn alpha(&mut self, fill: f32, stroke: f32) {
        let key = (to_byte(fill), to_byte(stroke));
        if key == (255, 255) {
            return;
        }
        let index = match self.alphas.iter().position(|a| *a == key) {
            Some(i) => i,
            None => {
                self.alphas.push(key);
                self.alphas.len() - 1
            }
        };
        let name = format!("G{index}");
        self.content.set_parameters(Name(name.as_bytes()));
    }

    /// The index of the embedded font for `id`, loaded on first use.
    fn font(&mut self, id: fontdb::ID) -> Result<usize, PdfError> {
        if let Some(i) = self.fonts.iter().position(|(f, _)| *f == id) {
            return Ok(i);
        }
        let (data, index) = self
            .fontdb
            .with_face_data(id, |data, index| (data.to_vec(), index))
            .ok_or_else(|| PdfError::Font("a font the text uses is missing".to_owned()))?;
        self.fonts.push((id, EmbeddedFont::new(data, index)?));
        Ok(self.fonts.len() - 1)
    }

    fn text(&mut self, t: &usvg::Text, opacity: f32) -> Result<(), PdfError> {
        if t.layouted().iter().any(|s| s.visible && s.stroke.is_some()) {
            self.group(t.flattened(), opacity, Mode::StrokeOnly)?;
        }
        self.content.begin_text();
        let mut run: Option<Run> = None;
        for span in t.layouted() {
            let Some(fill) = span.fill.as_ref().filter(|_| span.visible) else {
                continue;
            };
            self.flush(run.take());
            let (r, g, b) = colour(fill.paint());
            self.content.set_fill_rgb(r, g, b);
            self.alpha(fill.opacity().get() * opacity, 1.0);
            for glyph in &span.positioned_glyphs {
                // CID fonts address 65,536 glyphs, as many as an OpenType font has.
                let Ok(glyph_id) = u16::try_from(glyph.id.0) else {
                    continue;
                };
                let font = self.font(glyph.font)?;
                let embedded = &mut self.fonts[font].1;
                let size = glyph.font_size();
                let units = embedded.units_per_em();
                let cid = embedded.cid(glyph_id, &glyph.text);
                let advance = embedded.width(cid) / 1000.0 * size;
                let m = matrix(
                    glyph
                        .transform()
                        .pre_scale(1.0, -1.0)
                        .pre_scale(units / size, units / size),
                );
                let along = run
                    .as_ref()
                    .filter(|r| r.font == font && r.size == size)
                    .and_then(|r| on_line(&r.matrix, &m));
                match (along, run.as_mut()) {
                    (Some(x), Some(r)) => {
                        // Thousandths of an em the reader moves back to reach this glyph.
                        r.items.push(((r.pen - x) * 1000.0 / size, cid));
                        r.pen = x + advance;
                    }
                    _ => {
                        self.flush(run.take());
                        run = Some(Run {
                            font,
                            size,
                            matrix: m,
                            pen: advance,
                            items: vec![(0.0, cid)],
                        });
                    }
                }
            }
        }
        self.flush(run);
        self.content.end_text();
        Ok(())
    }

    /// Writes a run of glyphs: font, matrix and one `TJ`.
    fn flush(&mut self, run: Option<Run>) {
        let Some(run) = run else { return };
        let name = format!("F{}", run.font);
        self.content.set_font(Name(name.as_bytes()), run.size);
        self.content.set_text_matrix(run.matrix);
        let mut shown = self.content.show_positioned();
        let mut items = shown.items();
        for (adjust, cid) in &run.items {
            if adjust.abs() > 0.5 {
                items.adjust(*adjust);
            }
            items.show(Str(&cid.to_be_bytes()));
        }
    }

    /// The document around the page.
    fn finish(self, (w, h): (f32, f32), meta: &Meta) -> Result<Vec<u8>, PdfError> {
        let mut next = 1;
        let mut alloc = || {
            next += 1;
            Ref::new(next - 1)
        };
        let (catalog, tree, page_id, content_id, info) =
            (alloc(), alloc(), alloc(), alloc(), alloc());
        let font_refs: Vec<Ref> = self.fonts.iter().map(|_| alloc()).collect();
        let state_refs: Vec<Ref> = self.alphas.iter().map(|_| alloc()).collect();

        let mut pdf = Pdf::new();
        pdf.catalog(catalog)
            .pages(tree)
            .lang(TextStr(meta.lang.pick("zh-CN", "en")));
        pdf.pages(tree).kids([page_id]).count(1);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, w, h))
            .parent(tree)
            .contents(content_id);
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        for (i, id) in font_refs.iter().enumerate() {
            fonts.pair(Name(format!("F{i}").as_bytes()), *id);
        }
        fonts.finish();
        let mut states = resources.ext_g_states();
        for (i, id) in state_refs.iter().enumerate() {
            states.pair(Name(format!("G{i}").as_bytes()), *id);
        }
        states.finish();
        resources.finish();
        page.finish();

        let content = deflate(&self.content.finish().into_vec());
        pdf.stream(content_id, &content).filter(Filter::FlateDecode);
        for (id, (fill, stroke)) in state_refs.iter().zip(&self.alphas) {
            pdf.ext_graphics(*id)
                .non_stroking_alpha(f32::from(*fill) / 255.0)
                .stroking_alpha(f32::from(*stroke) / 255.0);
        }
        for (id, (_, font)) in font_refs.iter().zip(&self.fonts) {
            font.write(&mut pdf, *id, &mut alloc)?;
        }
        pdf.document_info(info)
            .title(TextStr(&meta.title))
            .creator(TextStr("chainmap (串珠)"))
            .producer(TextStr("chainmap (串珠)"));
        Ok(pdf.finish())
    }
}

/// Where `m` sits along the line of `run` (text-space x), if it is on that line, the same way up.
fn on_line(run: &[f32; 6], m: &[f32; 6]) -> Option<f32> {
    let same = run[..4]
        .iter()
        .zip(&m[..4])
        .all(|(a, b)| (a - b).abs() < 1e-4);
    let det = run[0] * run[3] - run[1] * run[2];
    if !same || det.abs() < 1e-9 {
        return None;
    }
    let (dx, dy) = (m[4] - run[4], m[5] - run[5]);
    // The displacement in the run's text space.
    let x = (run[3] * dx - run[2] * dy) / det;
    let y = (-run[1] * dx + run[0] * dy) / det;
    (y.abs() < 1e-3).then_some(x)
}

fn matrix(t: Transform) -> [f32; 6] {
    [t.sx, t.ky, t.kx, t.sy, t.tx, t.ty]
}

fn to_byte(alpha: f32) -> u8 {
    (alpha.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// A plain colour; the poster uses no gradients or patterns, which would be grey here.
fn colour(paint: &Paint) -> (f32, f32, f32) {
    match paint {
        Paint::Color(c) => (
            f32::from(c.red) / 255.0,
            f32::from(c.green) / 255.0,
            f32::from(c.blue) / 255.0,
        ),
        _ => (0.5, 0.5, 0.5),
    }
}
