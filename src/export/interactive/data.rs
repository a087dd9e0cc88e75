//! What the interactive page draws, as data: lanes, nodes and links with their positions from
//! the project's layout, the kinds' colours, and the names as they are. The page's script builds
//! the map from it and writes every name as text, never as markup.

use crate::analysis::{Analysis, figures};
use crate::i18n::{Lang, amount_text};
use crate::layout::{LANE_WIDTH, lane_columns, lane_extent};
use crate::model::{LinkKind, Node, NodeId, NodeKind, Project, StageId};
use crate::style::{self, hex};
use pinyin::ToPinyin;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything the page shows; serialised once into the page.
#[derive(Debug, Serialize)]
pub struct PageData {
    pub lang: &'static str,
    pub title: String,
    pub description: String,
    pub strings: BTreeMap<&'static str, &'static str>,
    pub lane_width: f32,
    /// The lanes' top (header above it) and bottom, in canvas units.
    pub lane_top: f32,
    pub lane_bottom: f32,
    pub lanes: Vec<Lane>,
    pub node_kinds: Vec<Kind>,
    pub link_kinds: Vec<Kind>,
    pub nodes: Vec<PageNode>,
    pub links: Vec<PageLink>,
    pub summary: Vec<(String, String)>,
    pub leaders: Vec<Leader>,
    pub gaps: Vec<PageGap>,
    pub story: Vec<StoryStep>,
}

/// A stage lane: its centre x and colours.
#[derive(Debug, Serialize)]
pub struct Lane {
    pub name: String,
    pub segment: &'static str,
    pub x: f32,
    pub fill: String,
    pub strong: String,
}

/// A node or link kind: its code (the shape or the line), label and colour.
#[derive(Debug, Serialize)]
pub struct Kind {
    pub code: &'static str,
    pub label: &'static str,
    pub colour: String,
    /// Dash and gap of a link kind's line, if dashed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dash: Option<(f32, f32)>,
    /// Whether a link kind has a direction worth an arrowhead.
    pub arrow: bool,
}

/// One node. Stages and kinds are indices into the page's lanes and kinds.
#[derive(Debug, Serialize)]
pub struct PageNode {
    pub name: String,
    pub kind: usize,
    pub x: f32,
    pub y: f32,
    pub r: f32,
    pub stages: Vec<usize>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub output: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Tagged 链主: ringed in red.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub leader: bool,
    /// Full pinyin and initials of a Chinese name, for search ("jbgc" finds 菌包工厂).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub py: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pi: String,
}

/// One link between two nodes (indices into the page's nodes).
#[derive(Debug, Serialize)]
pub struct PageLink {
    pub a: usize,
    pub b: usize,
    pub kind: usize,
    pub width: f32,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub product: String,
}

/// A chain-leader candidate.
#[derive(Debug, Serialize)]
pub struct Leader {
    pub node: Option<usize>,
    pub name: String,
    pub score: String,
}

/// A gap, in priority order.
#[derive(Debug, Serialize)]
pub struct PageGap {
    pub rank: usize,
    pub score: String,
    pub action: &'static str,
    pub lane: Option<usize>,
    pub stage: String,
    pub product: String,
    pub message: String,
    pub advice: &'static str,
    pub nodes: Vec<usize>,
}

/// A step of the chain story: the overview (no lane), then one per lane in order.
#[derive(Debug, Serialize)]
pub struct StoryStep {
    pub title: String,
    pub caption: String,
    pub lane: Option<usize>,
}

/// One decimal is finer than a pixel at any readable zoom, and keeps the page small.
fn round1(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// The page's data for `project` (every node placed) and its analysis.
pub fn page_data(project: &Project, analysis: &Analysis, lang: Lang) -> PageData {
    let columns = lane_columns(project);
    let lane_index: BTreeMap<&StageId, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (id, _, _))| (id, i))
        .collect();
    let lanes: Vec<Lane> = columns
        .iter()
        .map(|(id, x, segment)| Lane {
            name: stage_name(project, id, lang),
            segment: segment.label(lang),
            x: *x,
            fill: hex(style::segment_fill(*segment)),
            strong: hex(style::segment_strong(*segment)),
        })
        .collect();
    let (lane_top, lane_bottom) = lane_extent(project);
    let node_index: BTreeMap<&NodeId, usize> = project
        .nodes
        .keys()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    let nodes = nodes(project, analysis, lang, &lane_index);
    let links = links(project, &node_index);
    let gaps = analysis
        .gaps
        .iter()
        .map(|g| PageGap {
            rank: g.priority.rank,
            score: format!("{:.1}", g.priority.score),
            action: g.class.action(lang),
            lane: g.stage.as_ref().and_then(|s| lane_index.get(s).copied()),
            stage: g.stage_name(project, lang),
            product: g.product.clone().unwrap_or_default(),
            message: g.message(lang).to_owned(),
            advice: g.advice(lang),
            nodes: g
                .nodes
                .iter()
                .filter_map(|n| node_index.get(n).copied())
                .collect(),
        })
        .collect();
    let leaders = analysis
        .leaders
        .iter()
        .take(10)
        .map(|l| Leader {
            node: node_index.get(&l.id).copied(),
            name: l.name.clone(),
            score: format!("{:.1}", l.score),
        })
        .collect();
    PageData {
        lang: lang.pick("zh", "en"),
        title: project.meta.name.clone(),
        description: project.meta.description.clone(),
        strings: super::strings::strings(lang),
        lane_width: LANE_WIDTH,
        lane_top: round1(lane_top),
        lane_bottom: round1(lane_bottom),
        story: super::story::steps(project, analysis, lang, &columns),
        lanes,
        node_kinds: NodeKind::ALL
            .iter()
            .map(|k| Kind {
                code: k.code(),
                label: k.label(lang),
                colour: hex(style::node_fill(*k)),
                dash: None,
                arrow: false,
            })
            .collect(),
        link_kinds: LinkKind::ALL
            .iter()
            .map(|k| Kind {
                code: k.code(),
                label: k.label(lang),
                colour: hex(style::link_colour(*k)),
                dash: style::link_dash(*k),
                arrow: directed(*k),
            })
            .collect(),
        nodes,
        links,
        summary: super::story::summary(project, analysis, lang),
        leaders,
        gaps,
    }
}

/// A stage's name in `lang` (the Chinese one when it has no English name).
pub fn stage_name(project: &Project, id: &StageId, lang: Lang) -> String {
    project
        .stage(id)
        .map(|(_, st)| match lang {
            Lang::En if !st.name_en.is_empty() => st.name_en.clone(),
            _ => st.name.clone(),
        })
        .unwrap_or_else(|| id.to_string())
}

/// Supply, enclave and trusteeship links go one way: drawn with an arrowhead, as in the picture.
fn directed(kind: LinkKind) -> bool {
    matches!(
        kind,
        LinkKind::Supply | LinkKind::Enclave | LinkKind::Trusteeship
    )
}

fn nodes(
    project: &Project,
    analysis: &Analysis,
    lang: Lang,
    lane_index: &BTreeMap<&StageId, usize>,
) -> Vec<PageNode> {
    let max_out = style::max_output(project);
    let unit = &project.meta.unit;
    project
        .nodes
        .values()
        .map(|node| {
            let p = node.position.unwrap_or_default();
            let (py, pi) = pinyin_of(&node.name);
            PageNode {
                name: node.name.clone(),
                kind: NodeKind::ALL
                    .iter()
                    .position(|k| *k == node.kind)
                    .unwrap_or(0),
                x: round1(p.x),
                y: round1(p.y),
                r: round1(style::node_radius(node, max_out)),
                stages: node
                    .stages
                    .iter()
                    .filter_map(|s| lane_index.get(s).copied())
                    .collect(),
                output: output_text(node, analysis, unit, lang),
                tags: node.tags.clone(),
                leader: node.tags.iter().any(|t| t == "链主"),
                py,
                pi,
            }
        })
        .collect()
}

/// "1800 万元(2024)": the output of the analysed year, else the latest; empty when unknown.
fn output_text(node: &Node, analysis: &Analysis, unit: &str, lang: Lang) -> String {
    let year = match analysis.year {
        Some(y) => Some(y),
        None => node.latest_figures().map(|(y, _)| y),
    };
    let output = figures(node, analysis.year)
        .and_then(|f| f.output)
        .and_then(|d| d.to_f64());
    match (output, year) {
        (Some(v), Some(y)) => format!(
            "{}{}",
            amount_text(v, unit, lang),
            match lang {
                Lang::Zh => format!("({y})"),
                Lang::En => format!(" ({y})"),
            }
        ),
        (Some(v), None) => amount_text(v, unit, lang),
        _ => String::new(),
    }
}

/// The first reading of each character, whole and as initials; empty for a name with no
/// Chinese (its text is searched as it is).
fn pinyin_of(name: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    let mut chinese = false;
    for c in name.to_lowercase().chars().filter(|c| !c.is_whitespace()) {
        match c.to_pinyin() {
            Some(p) => {
                chinese = true;
                full.push_str(p.plain());
                initials.push_str(p.first_letter());
            }
            None => {
                full.push(c);
                initials.push(c);
            }
        }
    }
    if chinese {
        (full.replace('ü', "v"), initials)
    } else {
        (String::new(), String::new())
    }
}

fn links(project: &Project, node_index: &BTreeMap<&NodeId, usize>) -> Vec<PageLink> {
    let max_value = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
        .filter_map(|l| l.value.and_then(|v| v.to_f64()))
        .fold(0.0, f64::max);
    project
        .links
        .values()
        .filter_map(|link| {
            let a = *node_index.get(&link.from)?;
            let b = *node_index.get(&link.to)?;
            // Supply lines as wide as their value, as in the picture.
            let width = match link.kind {
                LinkKind::Supply if max_value > 0.0 => {
                    let v = link.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
                    1.0 + 5.0 * (v / max_value).sqrt() as f32
                }
                LinkKind::Trusteeship | LinkKind::Enclave => 2.5,
                _ => 1.5,
            };
            Some(PageLink {
                a,
                b,
                kind: LinkKind::ALL
                    .iter()
                    .position(|k| *k == link.kind)
                    .unwrap_or(0),
                width: round1(width),
                product: link.product.clone(),
            })
        })
        .collect()
}
