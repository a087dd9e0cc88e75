//! Node names on the canvas, placed rather than cut off by zoom: which nodes are named first,
//! the texts each may show (its name, or the short name when the lane is narrow), and painting
//! what `placement` finds room for. The full name is always on hover (the node's tooltip).
//!
//! Priority, most important first: the selection, the node under the pointer, the highlighted
//! nodes (a chain story step, an impact), firms tagged 链主 or 龙头, the analysis's top leader
//! candidates, parks and regions (they name the map's places), then every other node by output
//! in its latest year, the largest first. The part that depends only on the document and the
//! analysis is worked out once per revision.

use super::CanvasFrame;
use super::lanes::LANE_WIDTH;
use super::placement::{self, Candidate, Limits};
use crate::analysis::Analysis;
use crate::analysis::leaders::tagged_leader;
use crate::document::Document;
use crate::file::import::{Places, short_name::short_name};
use crate::model::{NodeId, NodeKind, Project};
use crate::ui::theme::CanvasLook;
use egui::{Color32, FontId, Rect, Vec2};
use std::cmp::Reverse;

/// Labels are never drawn smaller than this (pixels), at any zoom: smaller is not read.
pub const MIN_LABEL_PX: f32 = 11.0;

/// The analysis's leader candidates named before ordinary firms.
const TOP_LEADERS: usize = 5;

/// A label on screen this frame (what tests and the status line can ask about).
#[derive(Debug, Clone, PartialEq)]
pub struct ShownLabel {
    pub node: NodeId,
    /// The text drawn: the name, or its short form.
    pub text: String,
    pub rect: Rect,
}

/// The static part of the label priority and the short names, for one document revision and
/// analysis.
#[derive(Debug, Default)]
pub(super) struct LabelOrder {
    /// (document id, revision, analysis address) this was worked out for.
    key: Option<(u64, u64, usize)>,
    /// Node indices (project order), most important first.
    order: Vec<usize>,
    /// Each node's short name, if it has one.
    short: Vec<Option<String>>,
}

impl LabelOrder {
    /// Works the order out again if the document or the analysis changed.
    pub fn refresh(&mut self, doc: &Document, analysis: Option<&Analysis>) {
        let address = analysis.map_or(0, |a| a as *const Analysis as usize);
        let key = (doc.id(), doc.revision(), address);
        if self.key == Some(key) {
            return;
        }
        let project = &doc.project;
        let places = Places::of(project);
        self.short = project
            .nodes
            .values()
            .map(|n| short_name(&n.name, &places))
            .collect();
        self.order = static_order(project, analysis);
        self.key = Some(key);
    }
}

/// Node indices by tier (leaders, then places, then the rest), then output, then id.
fn static_order(project: &Project, analysis: Option<&Analysis>) -> Vec<usize> {
    let top_leaders: Vec<&NodeId> = analysis
        .map(|a| a.leaders.iter().take(TOP_LEADERS).map(|l| &l.id).collect())
        .unwrap_or_default();
    let mut ranked: Vec<(u8, Reverse<i64>, usize)> = project
        .nodes
        .values()
        .enumerate()
        .map(|(i, node)| {
            let tier = if tagged_leader(node) {
                0
            } else if top_leaders.contains(&&node.id) {
                1
            } else if matches!(node.kind, NodeKind::Park | NodeKind::Region) {
                2
            } else {
                3
            };
            let output = node
                .latest_figures()
                .and_then(|(_, f)| f.output)
                .and_then(|o| rust_decimal::prelude::ToPrimitive::to_f64(&o))
                .unwrap_or(0.0);
            // Whole units are enough to order by, and an integer sorts without NaN questions.
            (tier, Reverse(output.round() as i64), i)
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, _, i)| i).collect()
}

/// The texts a label may show, in the order tried, with their sizes on screen.
type Texts<'a> = [Option<(&'a str, Vec2)>; 2];

/// A node drawn this frame, as the labels need it.
#[derive(Debug, Clone, Copy)]
pub(super) struct DrawnNode {
    /// Index in project order.
    pub index: usize,
    /// Its bead's bounding box on screen.
    pub bead: Rect,
    pub faded: bool,
    pub selected: bool,
    /// Highlighted (a story step, an impact, what breaks).
    pub lit: bool,
}

/// The label font at this zoom: 11 px at least, larger as one zooms in, larger again on a
/// projector (`scale`).
pub(super) fn label_font(zoom: f32, scale: f32, look: CanvasLook) -> FontId {
    let min = MIN_LABEL_PX.max(look.min_label_size());
    FontId::proportional((12.0 * zoom.sqrt()).clamp(min, 18.0) * scale)
}

/// Places and paints the labels of the `drawn` nodes, clear of the `blocked` rectangles (lane
/// headers); `hovered` is the node under the pointer. Returns what was drawn.
pub(super) fn labels_ui(
    frame: &CanvasFrame<'_>,
    order: &LabelOrder,
    drawn: &[DrawnNode],
    hovered: Option<usize>,
    blocked: &[Rect],
) -> Vec<ShownLabel> {
    let project = frame.project;
    let nodes: Vec<_> = project.nodes.values().collect();
    let mut by_index: Vec<Option<DrawnNode>> = vec![None; nodes.len()];
    for d in drawn {
        by_index[d.index] = Some(*d);
    }
    let look = frame.opts.look;
    let font = label_font(frame.screen.zoom(), frame.screen.scale, look);
    let colour = |faded: bool| {
        if faded {
            look.text().gamma_multiply(0.35)
        } else {
            look.text()
        }
    };
    let painter = &frame.painter;
    let measure = |text: &str, faded: bool| -> Vec2 {
        painter
            .layout_no_wrap(text.to_owned(), font.clone(), colour(faded))
            .size()
    };
    // The lane's width on screen: a name wider than that tries its short form first.
    let lane_px = (LANE_WIDTH - 16.0) * frame.screen.zoom();
    let pinned = |d: &DrawnNode| d.selected || hovered == Some(d.index);
    // The texts of node `i` in the order tried, with their sizes; the selection and the node
    // under the pointer try their full name first.
    let texts = |i: usize| -> Option<(DrawnNode, Texts<'_>)> {
        let d = by_index[i]?;
        let name = nodes[i].name.as_str();
        if name.trim().is_empty() {
            return None;
        }
        let full = (name, measure(name, d.faded));
        let short = order.short[i].as_deref().map(|s| (s, measure(s, d.faded)));
        Some(match short {
            Some(short) if full.1.x > lane_px && !pinned(&d) => (d, [Some(short), Some(full)]),
            _ => (d, [Some(full), short]),
        })
    };
    let first = drawn
        .iter()
        .filter(|d| d.selected)
        .map(|d| d.index)
        .chain(hovered)
        .chain(drawn.iter().filter(|d| d.lit).map(|d| d.index));
    let mut seen = vec![false; nodes.len()];
    let candidates = first
        .chain(order.order.iter().copied())
        .filter(|&i| by_index[i].is_some() && !std::mem::replace(&mut seen[i], true))
        .filter_map(|i| {
            let (d, texts) = texts(i)?;
            Some(Candidate {
                node: i,
                bead: d.bead,
                texts: texts.map(|t| t.map(|(_, size)| size)),
                over_beads: pinned(&d),
            })
        });
    let beads: Vec<(usize, Rect)> = drawn.iter().map(|d| (d.index, d.bead)).collect();
    // In the overview (thousands of beads in view) few names can fit: try only the first few
    // hundred, so the frame stays within its budget.
    let limits = if frame.screen.overview {
        Limits {
            max_labels: 150,
            max_candidates: 300,
        }
    } else {
        Limits::default()
    };
    let placed = placement::place(frame.screen.rect, &beads, blocked, candidates, limits);
    placed
        .into_iter()
        .filter_map(|p| {
            let (d, texts) = texts(p.node)?;
            let (text, _) = texts[p.text]?;
            paint_label(frame, &font, colour(d.faded), text, p.rect, d.faded);
            Some(ShownLabel {
                node: nodes[p.node].id.clone(),
                text: text.to_owned(),
                rect: p.rect,
            })
        })
        .collect()
}

/// One label: a pale backdrop (none when faded, so the highlight stands out) and the text.
fn paint_label(
    frame: &CanvasFrame<'_>,
    font: &FontId,
    colour: Color32,
    text: &str,
    rect: Rect,
    faded: bool,
) {
    let painter = &frame.painter;
    if !faded {
        painter.rect_filled(rect.expand(1.5), 3.0, frame.opts.look.label_backdrop());
    }
    let galley = painter.layout_no_wrap(text.to_owned(), font.clone(), colour);
    painter.galley(rect.min, galley, colour);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figures, Node};
    use rust_decimal::Decimal;

    fn node(id: &str, kind: NodeKind, output: i64, tags: &[&str]) -> Node {
        let mut node = Node {
            id: NodeId::from(id),
            kind,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Node::default()
        };
        if output > 0 {
            let figures = Figures {
                output: Some(Decimal::from(output)),
                ..Figures::default()
            };
            node.figures.insert(2024, figures);
        }
        node
    }

    #[test]
    fn leaders_then_places_then_output_then_id() {
        let mut project = Project::default();
        for n in [
            node("a", NodeKind::Enterprise, 100, &[]),
            node("b", NodeKind::Enterprise, 5, &["龙头"]),
            node("c", NodeKind::Park, 0, &[]),
            node("d", NodeKind::Enterprise, 500, &[]),
            node("e", NodeKind::Region, 0, &[]),
            node("f", NodeKind::Cooperative, 100, &[]),
            node("g", NodeKind::Enterprise, 7, &["链主"]),
        ] {
            project.nodes.insert(n.id.clone(), n);
        }
        let ids: Vec<&str> = static_order(&project, None)
            .into_iter()
            .map(|i| project.nodes.values().nth(i).map_or("", |n| n.id.as_str()))
            .collect();
        // Tagged leaders by output (g 7 before b 5); parks and regions by id; then the largest
        // output first, ties by id.
        assert_eq!(ids, ["g", "b", "c", "e", "d", "a", "f"]);
    }
}
