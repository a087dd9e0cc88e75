//! Where everything of the diagram goes, worked out once per (document revision, agreement,
//! year, language, size): the parties' blocks around the park (sources left, hosts right, the
//! trustee above, the rest below), the firms in scope as beads inside the park sized by their
//! output that year, and one ribbon per party's part of each ledger and metric, its width in
//! proportion to the amount among the ribbons of the same ledger and unit. Painting reads this
//! and computes nothing.

use super::flows::{Flow, Side, flows, sides};
use crate::i18n::Lang;
use crate::model::{Agreement, Ledger, NodeId, NodeKind, Project, Year};
use crate::sharing::Schedule;
use egui::{Pos2, Rect, pos2, vec2};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;

/// The widest ribbon (points): the largest amount of its ledger and unit.
pub const MAX_RIBBON: f32 = 26.0;
/// The narrowest ribbon, so a small part can still be seen.
pub const MIN_RIBBON: f32 = 2.0;
const MARGIN: f32 = 16.0;
/// Height of the trustee's and the other parties' blocks.
const BAND_BLOCK: f32 = 58.0;
/// Between the park and the blocks above and below it (where their ribbons run).
const BAND_GAP: f32 = 84.0;
/// The head of a side block: the party's name and role.
const BLOCK_HEAD: f32 = 58.0;
/// The head of the park: its name.
const PARK_HEAD: f32 = 46.0;
/// The share of the way from the park to a block in which a ribbon bends; the rest runs
/// straight into the block, with the ribbon's label above it.
pub const BEND: f32 = 0.4;
/// A ribbon's two-line label above it (title and amount).
const LABEL_HEIGHT: f32 = 34.0;

/// A party's block.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub party: NodeId,
    pub name: String,
    /// 飞出地, 飞入地, 托管方 …
    pub role: String,
    pub side: Side,
    pub rect: Rect,
}

/// A firm in scope, inside the park.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub name: String,
    pub centre: Pos2,
    pub radius: f32,
    /// The firm's output that year; none when it has no figure (drawn hollow).
    pub output: Option<Decimal>,
    /// Where its name may go (below the bead).
    pub cell: Rect,
}

/// One party's part of one ledger and metric, as a band from the park to the party's block.
#[derive(Debug, Clone, PartialEq)]
pub struct Ribbon {
    pub flow: Flow,
    /// "考核 · 增加值" (with the tax basis on fiscal ribbons).
    pub title: String,
    /// "5286.40 万元".
    pub amount: String,
    /// The accessible name: "考核 · 增加值 → 岚皋县 5286.40 万元".
    pub label: String,
    pub side: Side,
    /// Centre of the band where it leaves the park and where it reaches the block.
    pub start: Pos2,
    pub end: Pos2,
    pub width: f32,
    /// Where the label sits: above the band's end on the left and right, beside it above and
    /// below the park.
    pub label_rect: Rect,
    /// The label is on one line (little room between ribbons).
    pub one_line: bool,
}

/// The whole diagram for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramLayout {
    pub year: Year,
    pub park: Rect,
    pub park_name: String,
    /// The park's accessible name ("飞地园区 …"; the park's name alone is also on the canvas).
    pub park_label: String,
    pub blocks: Vec<Block>,
    pub beads: Vec<Bead>,
    pub ribbons: Vec<Ribbon>,
    /// The trustee's link to the park it manages: from its block down to the park.
    pub trustee_link: Option<(Pos2, Pos2)>,
}

/// Lays the diagram of `agreement` in `year` out in `rect`.
pub fn layout(
    project: &Project,
    agreement: &Agreement,
    schedule: &Schedule,
    year: Year,
    rect: Rect,
    lang: Lang,
) -> DiagramLayout {
    let flows = flows(project, agreement, schedule, year, lang);
    let sides = sides(agreement);
    let has = |side: Side| sides.iter().any(|(_, s)| *s == side);
    let block_w = (rect.width() * 0.16).clamp(140.0, 260.0);
    let park_w = (rect.width() * 0.27).clamp(260.0, 440.0);
    let top = rect.top() + MARGIN;
    let bottom = rect.bottom() - MARGIN;
    let middle_top = if has(Side::Top) {
        top + BAND_BLOCK + BAND_GAP
    } else {
        top
    };
    let middle_bottom = if has(Side::Bottom) {
        bottom - BAND_BLOCK - BAND_GAP
    } else {
        bottom
    };
    let park = Rect::from_center_size(
        pos2(rect.center().x, (middle_top + middle_bottom) / 2.0),
        vec2(park_w, (middle_bottom - middle_top).max(120.0)),
    );
    let blocks = blocks(project, agreement, &sides, rect, park, block_w, lang);
    let widths = widths(&flows);
    let ribbons = ribbons(project, &flows, &widths, &blocks, park, lang);
    let trustee_link = blocks.iter().find(|b| b.side == Side::Top).map(|b| {
        let x = park.left() + 28.0;
        (pos2(x, b.rect.bottom()), pos2(x, park.top()))
    });
    DiagramLayout {
        year,
        park,
        park_label: format!(
            "{} {}",
            lang.pick("飞地园区", "Enclave park"),
            park_name(project, agreement, lang)
        ),
        park_name: park_name(project, agreement, lang),
        beads: beads(project, agreement, year, park),
        blocks,
        ribbons,
        trustee_link,
    }
}

/// The park's name: the first park in scope; else the scope is firms on their own.
fn park_name(project: &Project, agreement: &Agreement, lang: Lang) -> String {
    agreement
        .scope
        .iter()
        .filter_map(|id| project.nodes.get(id))
        .find(|n| n.kind == NodeKind::Park)
        .map(|n| n.name.clone())
        .unwrap_or_else(|| lang.pick("协议范围内的企业", "Firms in scope").to_owned())
}

/// The blocks: each side's parties share its length.
fn blocks(
    project: &Project,
    agreement: &Agreement,
    sides: &[(NodeId, Side)],
    rect: Rect,
    park: Rect,
    block_w: f32,
    lang: Lang,
) -> Vec<Block> {
    let mut out = Vec::new();
    for side in [Side::Left, Side::Right, Side::Top, Side::Bottom] {
        let on_side: Vec<&NodeId> = sides
            .iter()
            .filter(|(_, s)| *s == side)
            .map(|(id, _)| id)
            .collect();
        let n = on_side.len() as f32;
        for (i, party) in on_side.into_iter().enumerate() {
            let i = i as f32;
            let r = match side {
                Side::Left | Side::Right => {
                    let h = (park.height() - 8.0 * (n - 1.0)) / n;
                    let y = park.top() + i * (h + 8.0);
                    let x = match side {
                        Side::Left => rect.left() + MARGIN,
                        _ => rect.right() - MARGIN - block_w,
                    };
                    Rect::from_min_size(pos2(x, y), vec2(block_w, h))
                }
                _ => {
                    // Above or below the park, side by side, centred on it.
                    let w = (park.width().max(n * 220.0) - 12.0 * (n - 1.0)) / n;
                    let total = n * w + 12.0 * (n - 1.0);
                    let x = park.center().x - total / 2.0 + i * (w + 12.0);
                    let y = match side {
                        Side::Top => park.top() - BAND_GAP - BAND_BLOCK,
                        _ => park.bottom() + BAND_GAP,
                    };
                    Rect::from_min_size(pos2(x, y), vec2(w, BAND_BLOCK))
                }
            };
            let role = agreement
                .parties
                .iter()
                .find(|p| p.node == *party)
                .map(|p| p.role.label(lang))
                .unwrap_or_default();
            out.push(Block {
                party: party.clone(),
                name: project.node_name(party),
                role: role.to_owned(),
                side,
                rect: r,
            });
        }
    }
    out
}

/// Each flow's ribbon width: in proportion to its amount among the flows of the same ledger and
/// unit (so 考核 增加值 and 投资, both in 万元, share a scale; 重点项目, a count, has its own).
pub fn widths(flows: &[Flow]) -> Vec<f32> {
    let mut largest: BTreeMap<(Ledger, &str), Decimal> = BTreeMap::new();
    for f in flows {
        let max = largest.entry((f.ledger, &f.unit)).or_insert(Decimal::ZERO);
        *max = (*max).max(f.amount);
    }
    flows
        .iter()
        .map(|f| {
            let max = largest[&(f.ledger, f.unit.as_str())];
            let share = if max.is_zero() {
                0.0
            } else {
                (f.amount / max).to_f32().unwrap_or(0.0)
            };
            (MAX_RIBBON * share).max(MIN_RIBBON)
        })
        .collect()
}

/// The ribbons of every block: on the park's edge packed side by side (a Sankey node), at the
/// block spread out with room for their labels.
fn ribbons(
    project: &Project,
    flows: &[Flow],
    widths: &[f32],
    blocks: &[Block],
    park: Rect,
    lang: Lang,
) -> Vec<Ribbon> {
    let mut out = Vec::new();
    for side in [Side::Left, Side::Right, Side::Top, Side::Bottom] {
        let of_side: Vec<(usize, &Block)> = flows
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let b = blocks
                    .iter()
                    .find(|b| b.party == f.party && b.side == side)?;
                Some((i, b))
            })
            .collect();
        if of_side.is_empty() {
            continue;
        }
        // Along the park's edge: packed, centred.
        let packed: f32 = of_side.iter().map(|(i, _)| widths[*i] + 4.0).sum::<f32>() - 4.0;
        let mut at = match side {
            Side::Left | Side::Right => park.center().y - packed / 2.0,
            _ => park.center().x - packed / 2.0,
        };
        for (i, block) in &of_side {
            let flow = &flows[*i];
            let width = widths[*i];
            let centre_on_edge = at + width / 2.0;
            at += width + 4.0;
            let start = match side {
                Side::Left => pos2(park.left(), centre_on_edge),
                Side::Right => pos2(park.right(), centre_on_edge),
                Side::Top => pos2(centre_on_edge, park.top()),
                Side::Bottom => pos2(centre_on_edge, park.bottom()),
            };
            // This ribbon's place among its block's ribbons.
            let mine: Vec<usize> = of_side
                .iter()
                .filter(|(_, b)| b.party == block.party)
                .map(|(i, _)| *i)
                .collect();
            let k = mine.iter().position(|j| j == i).unwrap_or(0);
            let (end, label_rect, one_line) = ribbon_end(side, block, k, mine.len(), width, park);
            out.push(Ribbon {
                title: flow.title(lang),
                amount: flow.amount_text(lang),
                label: flow.label(project, lang),
                flow: flow.clone(),
                side,
                start,
                end,
                width,
                label_rect,
                one_line,
            });
        }
    }
    out
}

/// Where the `k`-th of a block's `count` ribbons reaches it, and where its label goes.
fn ribbon_end(
    side: Side,
    block: &Block,
    k: usize,
    count: usize,
    width: f32,
    park: Rect,
) -> (Pos2, Rect, bool) {
    let r = block.rect;
    match side {
        Side::Left | Side::Right => {
            // Below the block's head, spread evenly; the label above the band.
            let room = (r.height() - BLOCK_HEAD - 8.0).max(20.0);
            let pitch = room / count as f32;
            let one_line = pitch < LABEL_HEIGHT + MAX_RIBBON + 4.0;
            let label_h = if one_line { 18.0 } else { LABEL_HEIGHT };
            let y = r.top() + BLOCK_HEAD + pitch * k as f32 + label_h + (pitch - label_h) / 2.0;
            let y = y.min(r.bottom() - width / 2.0 - 2.0);
            // The label over the straight part, from the block's edge.
            let gap = match side {
                Side::Left => park.left() - r.right(),
                _ => r.left() - park.right(),
            };
            let label_w = gap * (1.0 - BEND) - 12.0;
            let (x, label_x) = match side {
                Side::Left => (r.right(), r.right() + 8.0),
                _ => (r.left(), r.left() - 8.0 - label_w),
            };
            let label = Rect::from_min_size(
                pos2(label_x, y - width / 2.0 - label_h - 1.0),
                vec2(label_w, label_h),
            );
            (pos2(x, y), label, one_line)
        }
        _ => {
            // Side by side about the block's middle, each label to the right of its ribbon.
            let pitch = (r.width() / count as f32).min(200.0);
            let x =
                r.center().x - pitch * (count as f32 - 1.0) / 2.0 + pitch * k as f32 - pitch / 3.0;
            let y = match side {
                Side::Top => r.bottom(),
                _ => r.top(),
            };
            let label_top = match side {
                Side::Top => r.bottom() + 6.0,
                // Over the straight part, next to the block.
                _ => r.top() - 6.0 - LABEL_HEIGHT,
            };
            let label = Rect::from_min_size(
                pos2(x + width / 2.0 + 6.0, label_top),
                vec2((pitch - width - 12.0).max(120.0), LABEL_HEIGHT),
            );
            (pos2(x, y), label, false)
        }
    }
}

/// The firms in scope inside the park, in a grid below its name, each bead's area in
/// proportion to its output that year.
fn beads(project: &Project, agreement: &Agreement, year: Year, park: Rect) -> Vec<Bead> {
    let firms: Vec<_> = agreement
        .scope
        .iter()
        .filter_map(|id| project.nodes.get(id))
        .filter(|n| !matches!(n.kind, NodeKind::Park | NodeKind::Region))
        .collect();
    if firms.is_empty() {
        return Vec::new();
    }
    let output = |n: &crate::model::Node| n.figures.get(&year).and_then(|f| f.output);
    let largest = firms
        .iter()
        .filter_map(|n| output(n))
        .max()
        .unwrap_or(Decimal::ZERO);
    let inner = Rect::from_min_max(
        pos2(park.left() + 10.0, park.top() + PARK_HEAD),
        pos2(park.right() - 10.0, park.bottom() - 10.0),
    );
    let columns = ((inner.width() / 120.0).floor() as usize).clamp(1, firms.len());
    let rows = firms.len().div_ceil(columns);
    let cell = vec2(inner.width() / columns as f32, inner.height() / rows as f32);
    let biggest = (cell.x.min(cell.y - 22.0) / 2.0 - 4.0).clamp(8.0, 30.0);
    firms
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let (row, col) = (i / columns, i % columns);
            let min = inner.min + vec2(col as f32 * cell.x, row as f32 * cell.y);
            let cell_rect = Rect::from_min_size(min, cell);
            let out = output(n);
            let share = match out {
                Some(o) if !largest.is_zero() && o > Decimal::ZERO => {
                    (o / largest).to_f32().unwrap_or(0.0)
                }
                _ => 0.0,
            };
            let radius = (biggest * share.sqrt()).max(5.0);
            Bead {
                name: n.name.clone(),
                centre: pos2(cell_rect.center().x, cell_rect.center().y - 9.0),
                radius,
                output: out,
                cell: cell_rect,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
