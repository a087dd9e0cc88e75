//! The legend, docked: a band along the bottom of the canvas that the map does not use, so it
//! never covers a bead. It names the node and link kinds the project has (and the 链主 ring),
//! and, when nodes are coloured by a measure or a category, what the colours mean. Its items
//! flow into as many rows as the width needs (one on a laptop in Chinese, two in English).
//!
//! The layout depends on the document, the colouring, the language and the width only: it is
//! worked out once for those and kept (`CanvasState`), not per frame.

use super::paint::paint_shape;
use crate::i18n::Lang;
use crate::model::{LinkKind, NodeKind, Project};
use crate::ui::colouring::{Legend, ramp};
use crate::ui::theme;
use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, pos2, vec2};
use std::collections::BTreeSet;

/// Height of one row of the strip.
const ROW_H: f32 = 20.0;
/// Room above and below the rows.
const PAD_Y: f32 = 3.0;
/// Room left and right of the rows.
const PAD_X: f32 = 10.0;
/// Room between two items.
const GAP: f32 = 14.0;
/// Width of the mark (shape, line) before an item's label.
const MARK_W: f32 = 22.0;
/// Width of the colour ramp's bar.
const RAMP_W: f32 = 90.0;

fn font() -> FontId {
    FontId::proportional(12.0)
}

/// What an item of the strip shows before (or instead of) its label.
#[derive(Debug, Clone, PartialEq)]
enum Mark {
    Node(NodeKind),
    /// The red ring of a firm tagged 链主.
    LeaderRing,
    /// A dashed bead: what the reference chain has and the county lacks.
    Ghost,
    Link(LinkKind),
    /// The colouring's title: text only, set apart from the kinds by a divider.
    Title,
    /// The colour ramp of a measure: "low", the bar, "high".
    Ramp {
        low: String,
    },
    Swatch(Color32),
    /// A note in grey (no values).
    Note,
}

#[derive(Debug, Clone, PartialEq)]
struct Item {
    mark: Mark,
    label: String,
    /// Where it starts in its row, from the strip's left edge.
    x: f32,
    row: usize,
}

/// The strip laid out for one width.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LegendStrip {
    items: Vec<Item>,
    rows: usize,
}

impl LegendStrip {
    /// The legend of `project` (kinds when `kinds`, the reference chain's ghost beads when
    /// `ghosts` and a chain is compared, and the colouring's `colours`) flowed into rows `width`
    /// wide.
    pub fn layout(
        painter: &egui::Painter,
        project: &Project,
        colours: &Legend,
        (kinds, ghosts): (bool, bool),
        width: f32,
        lang: Lang,
    ) -> Self {
        let mut marks: Vec<(Mark, String)> = Vec::new();
        // Nothing drawn, nothing to explain: an empty project shows its next steps, not a key.
        if kinds && !project.nodes.is_empty() {
            marks.extend(kind_marks(project, lang));
        }
        if kinds && ghosts && !project.references.is_empty() {
            let label = lang.pick("全景图缺口(虚线)", "Reference gap (dashed)");
            marks.push((Mark::Ghost, label.to_owned()));
        }
        marks.extend(colour_marks(colours, lang));
        Self::flow(painter, marks, width)
    }

    /// A strip of colour groups (a title, then its swatches) and link kinds: the territory
    /// view's legend, drawn like the chain's.
    pub fn of_groups(
        painter: &egui::Painter,
        groups: &[(String, Vec<(String, Color32)>)],
        links: &[(LinkKind, String)],
        width: f32,
    ) -> Self {
        let mut marks: Vec<(Mark, String)> = links
            .iter()
            .map(|(kind, label)| (Mark::Link(*kind), label.clone()))
            .collect();
        for (title, items) in groups {
            marks.push((Mark::Title, title.clone()));
            marks.extend(
                items
                    .iter()
                    .map(|(label, colour)| (Mark::Swatch(*colour), label.clone())),
            );
        }
        Self::flow(painter, marks, width)
    }

    /// `marks` flowed into rows `width` wide.
    fn flow(painter: &egui::Painter, marks: Vec<(Mark, String)>, width: f32) -> Self {
        let text_w = |s: &str| {
            painter
                .layout_no_wrap(s.to_owned(), font(), Color32::BLACK)
                .size()
                .x
        };
        let room = (width - 2.0 * PAD_X).max(120.0);
        let (mut x, mut row) = (0.0f32, 0usize);
        let mut items = Vec::new();
        for (mark, label) in marks {
            let w = match &mark {
                Mark::Node(_) | Mark::LeaderRing | Mark::Ghost | Mark::Link(_) => {
                    MARK_W + text_w(&label)
                }
                Mark::Swatch(_) => 16.0 + text_w(&label),
                Mark::Title => text_w(&label) + 10.0,
                Mark::Ramp { low } => text_w(low) + 6.0 + RAMP_W + 6.0 + text_w(&label),
                Mark::Note => text_w(&label),
            };
            // A title starts a new group: it never ends a row alone.
            let needs = if mark == Mark::Title { w + 120.0 } else { w };
            if x > 0.0 && x + needs > room {
                x = 0.0;
                row += 1;
            }
            items.push(Item {
                mark,
                label,
                x,
                row,
            });
            x += w + GAP;
        }
        let rows = if items.is_empty() { 0 } else { row + 1 };
        Self { items, rows }
    }

    /// Height of the band the strip needs (0: no strip).
    pub fn height(&self) -> f32 {
        if self.rows == 0 {
            0.0
        } else {
            self.rows as f32 * ROW_H + 2.0 * PAD_Y
        }
    }

    /// Paints the strip into `band` (the bottom of the canvas, below the map).
    pub fn paint(&self, painter: &egui::Painter, band: Rect) {
        if self.rows == 0 {
            return;
        }
        painter.rect_filled(band, 0.0, Color32::from_gray(246));
        painter.line_segment(
            [band.left_top(), band.right_top()],
            Stroke::new(1.0, Color32::from_gray(212)),
        );
        for item in &self.items {
            let at = pos2(
                band.left() + PAD_X + item.x,
                band.top() + PAD_Y + (item.row as f32 + 0.5) * ROW_H,
            );
            paint_item(painter, item, at);
        }
    }
}

/// The kinds of node and link the project has, and the 链主 ring if a firm is tagged so.
fn kind_marks(project: &Project, lang: Lang) -> Vec<(Mark, String)> {
    let nodes: BTreeSet<NodeKind> = project.nodes.values().map(|n| n.kind).collect();
    let links: BTreeSet<LinkKind> = project.links.values().map(|l| l.kind).collect();
    let leader = project
        .nodes
        .values()
        .any(|n| n.tags.iter().any(|t| t == "链主"));
    let mut marks: Vec<(Mark, String)> = NodeKind::ALL
        .into_iter()
        .filter(|k| nodes.contains(k))
        .map(|k| (Mark::Node(k), k.label(lang).to_owned()))
        .collect();
    if leader {
        marks.push((
            Mark::LeaderRing,
            lang.pick("链主", "Chain leader").to_owned(),
        ));
    }
    marks.extend(
        LinkKind::ALL
            .into_iter()
            .filter(|k| links.contains(k))
            .map(|k| (Mark::Link(k), link_label(k, lang))),
    );
    marks
}

/// A link kind as the legend names it. 入驻 is drawn as a rim in the park's colour on its firms
/// (the lines only show with the park in focus): the legend says so.
fn link_label(kind: LinkKind, lang: Lang) -> String {
    match kind {
        LinkKind::LocatedIn => lang
            .pick("入驻(园区同色边框)", "Located in (park-colour rim)")
            .to_owned(),
        _ => kind.label(lang).to_owned(),
    }
}

/// What the colours of a colouring other than by kind mean.
fn colour_marks(legend: &Legend, lang: Lang) -> Vec<(Mark, String)> {
    let title = |t: &str| {
        (
            Mark::Title,
            format!("{}{t}", lang.pick("颜色:", "Colour: ")),
        )
    };
    match legend {
        Legend::None => Vec::new(),
        Legend::Ramp { title: t, empty } => {
            let mut marks = vec![title(t)];
            if *empty {
                marks.push((Mark::Note, lang.pick("无数据", "no values").to_owned()));
            } else {
                marks.push((
                    Mark::Ramp {
                        low: lang.pick("低", "low").to_owned(),
                    },
                    lang.pick("高(最大值)", "high (largest)").to_owned(),
                ));
                marks.push((
                    Mark::Note,
                    lang.pick("灰色:无数据", "grey: no value").to_owned(),
                ));
            }
            marks
        }
        Legend::Categories { title: t, items } => {
            let mut marks = vec![title(t)];
            marks.extend(
                items
                    .iter()
                    .map(|(label, colour)| (Mark::Swatch(*colour), label.clone())),
            );
            marks
        }
    }
}

/// One item, its mark's left edge at `at` (vertically centred on the row).
fn paint_item(painter: &egui::Painter, item: &Item, at: Pos2) {
    let text = |x: f32, s: &str, colour: Color32| {
        painter.text(pos2(x, at.y), Align2::LEFT_CENTER, s, font(), colour)
    };
    match &item.mark {
        Mark::Node(kind) => {
            let c = at + vec2(8.0, 0.0);
            paint_shape(
                painter,
                *kind,
                c,
                5.5,
                theme::node_fill(*kind),
                Stroke::NONE,
            );
            text(at.x + MARK_W, &item.label, theme::CANVAS_TEXT);
        }
        Mark::LeaderRing => {
            let c = at + vec2(8.0, 0.0);
            let fill = theme::node_fill(NodeKind::Enterprise);
            paint_shape(painter, NodeKind::Enterprise, c, 4.0, fill, Stroke::NONE);
            painter.circle_stroke(c, 7.0, Stroke::new(1.8, theme::LEADER_RING));
            text(at.x + MARK_W, &item.label, theme::CANVAS_TEXT);
        }
        Mark::Ghost => {
            let c = at + vec2(8.0, 0.0);
            let points: Vec<Pos2> = (0..=16)
                .map(|k| {
                    let a = k as f32 / 16.0 * std::f32::consts::TAU;
                    c + vec2(a.cos(), a.sin()) * 6.0
                })
                .collect();
            let stroke = Stroke::new(1.3, theme::CANVAS_TEXT.gamma_multiply(0.55));
            painter.extend(Shape::dashed_line(&points, stroke, 2.5, 2.0));
            text(at.x + MARK_W, &item.label, theme::CANVAS_TEXT);
        }
        Mark::Link(LinkKind::LocatedIn) => {
            // A firm rimmed in a park's colour, as the map draws it.
            let c = at + vec2(8.0, 0.0);
            let fill = theme::node_fill(NodeKind::Enterprise);
            let rim = Stroke::new(1.8, super::parks::park_hue(0));
            paint_shape(painter, NodeKind::Enterprise, c, 5.0, fill, rim);
            text(at.x + MARK_W, &item.label, theme::CANVAS_TEXT);
        }
        Mark::Link(kind) => {
            let stroke = Stroke::new(2.0, theme::link_colour(*kind));
            let (a, b) = (at, at + vec2(17.0, 0.0));
            match theme::link_dash(*kind) {
                None => {
                    painter.line_segment([a, b], stroke);
                }
                Some((d, g)) => {
                    painter.extend(Shape::dashed_line(&[a, b], stroke, d.min(6.0), g.min(3.0)));
                }
            }
            text(at.x + MARK_W, &item.label, theme::CANVAS_TEXT);
        }
        Mark::Title => {
            // A divider from the kinds before it (when it does not start its row).
            if item.x > 0.0 {
                painter.line_segment(
                    [at + vec2(-GAP / 2.0, -7.0), at + vec2(-GAP / 2.0, 7.0)],
                    Stroke::new(1.0, Color32::from_gray(190)),
                );
            }
            text(at.x + 2.0, &item.label, Color32::from_gray(40));
        }
        Mark::Ramp { low } => {
            let low_end = text(at.x, low, theme::CANVAS_TEXT).right();
            let bar = Rect::from_min_size(pos2(low_end + 6.0, at.y - 5.0), vec2(RAMP_W, 10.0));
            let steps = 30;
            for i in 0..steps {
                let x0 = bar.left() + bar.width() * i as f32 / steps as f32;
                let x1 = bar.left() + bar.width() * (i + 1) as f32 / steps as f32;
                painter.rect_filled(
                    Rect::from_x_y_ranges(x0..=x1, bar.y_range()),
                    0.0,
                    ramp(i as f32 / (steps - 1) as f32),
                );
            }
            text(bar.right() + 6.0, &item.label, theme::CANVAS_TEXT);
        }
        Mark::Swatch(colour) => {
            painter.rect_filled(
                Rect::from_center_size(at + vec2(5.5, 0.0), egui::Vec2::splat(11.0)),
                2.0,
                *colour,
            );
            text(at.x + 16.0, &item.label, theme::CANVAS_TEXT);
        }
        Mark::Note => {
            text(at.x, &item.label, Color32::from_gray(110));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(width: f32, legend: &Legend) -> LegendStrip {
        let ctx = egui::Context::default();
        let mut strip = LegendStrip::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let project = crate::ui::app::bundled_sample();
            strip = LegendStrip::layout(
                ui.painter(),
                &project,
                legend,
                (true, true),
                width,
                Lang::Zh,
            );
        });
        output.textures_delta.clear();
        strip
    }

    #[test]
    fn items_flow_into_more_rows_when_narrow_and_never_past_the_width() {
        let wide = strip(1300.0, &Legend::None);
        let narrow = strip(500.0, &Legend::None);
        assert_eq!(wide.rows, 1, "{wide:?}");
        assert!(narrow.rows > 1);
        assert!(narrow.height() > wide.height());
        // No item starts past the room of its row.
        assert!(narrow.items.iter().all(|i| i.x < 500.0 - 2.0 * PAD_X));
    }

    #[test]
    fn only_the_kinds_the_project_has_are_named() {
        let s = strip(1300.0, &Legend::None);
        let project = crate::ui::app::bundled_sample();
        let kinds: BTreeSet<NodeKind> = project.nodes.values().map(|n| n.kind).collect();
        let shown = s
            .items
            .iter()
            .filter(|i| matches!(i.mark, Mark::Node(_)))
            .count();
        assert_eq!(shown, kinds.len());
    }

    #[test]
    fn a_colouring_adds_its_title_and_ramp() {
        let ramp = Legend::Ramp {
            title: "产值".into(),
            empty: false,
        };
        let s = strip(1300.0, &ramp);
        let title = s.items.iter().position(|i| i.mark == Mark::Title).unwrap();
        assert_eq!(s.items[title].label, "颜色:产值");
        assert!(matches!(s.items[title + 1].mark, Mark::Ramp { .. }));
        assert!(
            strip(1300.0, &Legend::None)
                .items
                .iter()
                .all(|i| i.mark != Mark::Title)
        );
    }
}
