//! The header row above the lanes, as this frame lays it out: each header's text fitted to its
//! lane (see `lane_text`), one height for every header (the tallest text's), the segment band
//! above them, and how far the whole row is pushed down to stay at the top of the canvas when
//! the lanes' top has scrolled out of view (a sticky header; the lanes themselves scroll on).
//!
//! Painting only; the headers' clicks and menus are in `lanes`, the band's in `segment_band`.

use super::CanvasFrame;
use super::lane_text::{HeaderText, MAX_LINES, fit_header};
use super::lanes::{LANE_WIDTH, Lane};
use crate::model::Pos;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, CornerRadius, FontId, Rect, pos2, vec2};
use std::collections::HashMap;

/// A lane's header and background leave this much (canvas units) to each side of the lane.
pub(super) const LANE_INSET: f32 = 6.0;
/// Header text is never smaller than this (points, before the presentation's scale).
const SMALLEST_SIZE: f32 = 10.5;
/// Room between a header's text and its sides (points).
const TEXT_PAD: f32 = 3.0;
/// Room above and below a header's lines (points, both together).
const HEADER_PAD: f32 = 6.0;
/// Between the band and the headers (points).
const BAND_GAP: f32 = 3.0;
/// Glyph widths are measured at this size and scaled (widths grow in proportion to the size).
const MEASURE_SIZE: f32 = 100.0;

/// The header row of one frame.
pub(super) struct HeaderRow {
    /// Each lane's text, in lane order.
    pub texts: Vec<HeaderText>,
    /// Height of every header (screen points).
    pub header_h: f32,
    /// Height of the segment band above the headers, and its font size.
    pub band_h: f32,
    pub band_size: f32,
    /// Where the headers' bottom is: the lanes' top on screen, pushed down while pinned.
    pub header_bottom: f32,
    /// The row is pushed down from where the lanes put it, to stay at the canvas top.
    pub pinned: bool,
}

impl HeaderRow {
    /// Lays out the row for `lanes` spanning `top..bottom` (canvas units) in this frame.
    pub fn new(frame: &CanvasFrame<'_>, lanes: &[Lane], top: f32, bottom: f32) -> Self {
        let screen = &frame.screen;
        let (zoom, scale) = (screen.cam.zoom, screen.scale);
        let largest = header_size(zoom, scale);
        let smallest = SMALLEST_SIZE * scale;
        let width = lane_screen_width(zoom) - 2.0 * TEXT_PAD;
        let widths = glyph_widths(&frame.painter, lanes);
        let char_width = |c: char, size: f32| {
            widths.get(&c).copied().unwrap_or(MEASURE_SIZE) * size / MEASURE_SIZE
        };
        let texts: Vec<HeaderText> = lanes
            .iter()
            .map(|l| {
                fit_header(
                    l.stage.as_str(),
                    &l.name,
                    width,
                    (largest, smallest),
                    &char_width,
                )
            })
            .collect();
        let text_h = texts
            .iter()
            .map(|t| t.lines.len() as f32 * row_height(&frame.painter, t.size))
            .fold(0.0, f32::max);
        let header_h = base_header_height(zoom, scale).max(text_h + HEADER_PAD * scale);
        let band_size = band_size(zoom, scale);
        let band_h = row_height(&frame.painter, band_size) + 4.0 * scale;
        let origin = screen.origin();
        let lane_top = screen.cam.to_screen(origin, Pos { x: 0.0, y: top }).y;
        let lane_bottom = screen.cam.to_screen(origin, Pos { x: 0.0, y: bottom }).y;
        let row_h = header_h + (BAND_GAP * scale) + band_h;
        // Sticky: the row's top never goes above the canvas top while the lanes still show
        // below it; once the lanes leave, their headers leave with them.
        let push = (screen.rect.top() - (lane_top - row_h))
            .max(0.0)
            .min((lane_bottom - lane_top).max(0.0));
        Self {
            texts,
            header_h,
            band_h,
            band_size,
            header_bottom: lane_top + push,
            pinned: push > 0.0,
        }
    }

    /// The header of `lane` on screen (not clipped to the canvas).
    pub fn header_rect(&self, frame: &CanvasFrame<'_>, lane: &Lane) -> Rect {
        let (x0, x1) = lane_screen_x(frame, lane);
        Rect::from_min_max(
            pos2(x0, self.header_bottom - self.header_h),
            pos2(x1, self.header_bottom),
        )
    }

    /// The band over lanes `first..=last` on screen.
    pub fn band_rect(&self, frame: &CanvasFrame<'_>, first: &Lane, last: &Lane) -> Rect {
        let (x0, _) = lane_screen_x(frame, first);
        let (_, x1) = lane_screen_x(frame, last);
        let bottom = self.header_bottom - self.header_h - BAND_GAP * frame.screen.scale;
        Rect::from_min_max(pos2(x0, bottom - self.band_h), pos2(x1, bottom))
    }

    /// The whole row (band and headers) across `lanes`, on screen.
    pub fn row_rect(&self, frame: &CanvasFrame<'_>, lanes: &[Lane]) -> Option<Rect> {
        let (first, last) = (lanes.first()?, lanes.last()?);
        let band = self.band_rect(frame, first, last);
        Some(Rect::from_min_max(
            band.min,
            pos2(band.max.x, self.header_bottom),
        ))
    }
}

/// The largest size a header's text takes at `zoom` (it follows the zoom within limits).
fn header_size(zoom: f32, scale: f32) -> f32 {
    (13.0 * zoom * scale).clamp(11.0 * scale, 22.0 * scale)
}

/// A header's height before its text asks for more: readable when zoomed far out.
fn base_header_height(zoom: f32, scale: f32) -> f32 {
    (34.0 * zoom * scale).max(20.0 * scale)
}

fn band_size(zoom: f32, scale: f32) -> f32 {
    (12.0 * zoom * scale).clamp(11.0 * scale, 18.0 * scale)
}

/// Height (screen points) of the band and the headers at `zoom` when the header text takes two
/// lines at its largest size: what a camera leaves free above the lanes' top for them.
pub fn header_room(zoom: f32, scale: f32) -> f32 {
    // Proportional fonts' rows are about 1.3 of their size (CJK fonts a little more).
    let row = |size: f32| size * 1.35;
    let header = base_header_height(zoom, scale)
        .max(MAX_LINES as f32 * row(header_size(zoom, scale)) + HEADER_PAD * scale);
    header + BAND_GAP * scale + row(band_size(zoom, scale)) + 4.0 * scale
}

/// A lane's width on screen less its insets.
fn lane_screen_width(zoom: f32) -> f32 {
    (LANE_WIDTH - 2.0 * LANE_INSET) * zoom
}

/// Left and right of `lane`'s header and background on screen.
pub(super) fn lane_screen_x(frame: &CanvasFrame<'_>, lane: &Lane) -> (f32, f32) {
    let screen = &frame.screen;
    let x = |x: f32| screen.cam.to_screen(screen.origin(), Pos { x, y: 0.0 }).x;
    (
        x(lane.center_x - LANE_WIDTH / 2.0 + LANE_INSET),
        x(lane.center_x + LANE_WIDTH / 2.0 - LANE_INSET),
    )
}

fn row_height(painter: &egui::Painter, size: f32) -> f32 {
    painter.fonts_mut(|f| f.row_height(&FontId::proportional(size)))
}

/// The width of every character the headers may show, at [`MEASURE_SIZE`].
fn glyph_widths(painter: &egui::Painter, lanes: &[Lane]) -> HashMap<char, f32> {
    let font = FontId::proportional(MEASURE_SIZE);
    let mut widths = HashMap::new();
    painter.fonts_mut(|f| {
        let chars = lanes
            .iter()
            .flat_map(|l| l.stage.as_str().chars().chain(l.name.chars()))
            .chain([' ', '…']);
        for c in chars {
            widths.entry(c).or_insert_with(|| f.glyph_width(&font, c));
        }
    });
    widths
}

/// Paints a header: its fill, then its lines centred, the stage id (when shown) paler.
pub(super) fn paint_header(
    frame: &CanvasFrame<'_>,
    header: Rect,
    text: &HeaderText,
    fill: Color32,
    pinned: bool,
) {
    let painter = &frame.painter;
    let corners = if pinned {
        CornerRadius::same(6)
    } else {
        CornerRadius {
            nw: 6,
            ne: 6,
            sw: 0,
            se: 0,
        }
    };
    painter.rect_filled(header, corners, fill);
    let font = FontId::proportional(text.size);
    let row = row_height(painter, text.size);
    let clip = painter.with_clip_rect(header.intersect(frame.screen.rect));
    let mut y = header.center().y - row * text.lines.len() as f32 / 2.0;
    for (i, line) in text.lines.iter().enumerate() {
        let mut job = LayoutJob::default();
        let plain = TextFormat::simple(font.clone(), Color32::WHITE);
        let id = frame_id_prefix(text, i, line);
        if let Some((id, rest)) = id {
            let pale = TextFormat::simple(font.clone(), Color32::from_white_alpha(185));
            job.append(id, 0.0, pale);
            job.append(rest, 0.0, plain);
        } else {
            job.append(line, 0.0, plain);
        }
        let galley = painter.layout_job(job);
        let at = pos2(header.center().x - galley.size().x / 2.0, y);
        clip.galley(at, galley, Color32::WHITE);
        y += row;
    }
}

/// The stage id (with its space) and the rest of the first line, when the id is shown there.
fn frame_id_prefix<'t>(text: &HeaderText, i: usize, line: &'t str) -> Option<(&'t str, &'t str)> {
    if i != 0 || !text.with_id {
        return None;
    }
    let at = line.find(' ')?;
    Some(line.split_at(at + 1))
}

/// Paints the row's backdrop while it is pinned: the canvas colour across the lanes with a thin
/// shadow under it, so the nodes it passes over do not show between the headers.
pub(super) fn paint_pinned_backdrop(frame: &CanvasFrame<'_>, row: Rect) {
    let painter = &frame.painter;
    let backdrop = row.expand2(vec2(2.0, 2.0));
    painter.rect_filled(backdrop, 0.0, frame.opts.look.background());
    let shadow = Rect::from_min_size(backdrop.left_bottom(), vec2(backdrop.width(), 3.0));
    painter.rect_filled(shadow, 0.0, Color32::from_black_alpha(28));
}
