//! 全景图 vs 现状 on the canvas: what the reference chain has and the county lacks, drawn as
//! ghost beads (dashed outlines) in the lanes they belong to. A missing stage the project's
//! chain lists is a ghost in its own (empty) lane; a reference stage the chain does not list at
//! all gets a ghost lane after the chain's lanes; a required product no local firm supplies is
//! a ghost below the firms of its stage's lane.
//!
//! Ghosts are not nodes: nothing can select, move or link them, and no measure sees them. They
//! are worked out once per document revision and analysis, from `Analysis::comparisons`.

use super::CanvasFrame;
use crate::analysis::{Analysis, Status};
use crate::document::Document;
use crate::i18n::Lang;
use crate::layout::{LANE_WIDTH, ROW_HEIGHT};
use crate::model::{Pos, Project, Segment, StageId};
use crate::reference::compare::Comparison;
use egui::{
    Align2, Color32, FontId, Pos2, Rect, Role, Sense, Shape, Stroke, WidgetInfo, pos2, vec2,
};
use std::collections::BTreeMap;

/// Radius of a ghost bead at zoom 1 (an average firm's).
const GHOST_RADIUS: f32 = 16.0;
/// Vertical distance between ghosts stacked in one lane.
const GHOST_STEP: f32 = ROW_HEIGHT * 0.75;

/// What a ghost stands for.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum GhostKind {
    /// A reference stage without a local firm.
    Stage,
    /// A required reference product no local firm can supply.
    Product { stage: String },
}

/// One ghost bead, in canvas units.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ghost {
    pub centre: Pos2,
    pub name: String,
    pub kind: GhostKind,
    /// The reference chain's name.
    pub reference: String,
}

impl Ghost {
    /// What it is, in words: its accessible name and its hover card.
    pub fn describe(&self, lang: Lang) -> String {
        match (&self.kind, lang) {
            (GhostKind::Stage, Lang::Zh) => format!(
                "全景图:本县缺少“{}”环节(参考产业链“{}”)",
                self.name, self.reference
            ),
            (GhostKind::Stage, Lang::En) => format!(
                "Reference chain: the county lacks the stage \"{}\" (reference chain \"{}\")",
                self.name, self.reference
            ),
            (GhostKind::Product { stage }, Lang::Zh) => format!(
                "全景图:本县无企业供应必需产品“{}”(“{stage}”环节,参考产业链“{}”)",
                self.name, self.reference
            ),
            (GhostKind::Product { stage }, Lang::En) => format!(
                "Reference chain: no local firm supplies the required product \"{}\" (stage \"{stage}\", reference chain \"{}\")",
                self.name, self.reference
            ),
        }
    }
}

/// A reference stage the chain does not list: a lane of its own after the chain's lanes.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct GhostLane {
    pub center_x: f32,
    pub name: String,
    pub segment: Segment,
}

/// The ghosts of one document revision and analysis.
#[derive(Debug, Default)]
pub(super) struct Ghosts {
    /// (document id, revision, analysis address, language) they were worked out for.
    key: Option<(u64, u64, usize, Lang)>,
    pub beads: Vec<Ghost>,
    pub lanes: Vec<GhostLane>,
}

impl Ghosts {
    /// Works the ghosts out again when the document, the analysis or the language changed.
    pub fn refresh(&mut self, doc: &Document, analysis: Option<&Analysis>, lang: Lang) {
        let address = analysis.map_or(0, |a| a as *const Analysis as usize);
        let key = (doc.id(), doc.revision(), address, lang);
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        let comparisons = analysis.map_or(&[][..], |a| a.comparisons.as_slice());
        (self.beads, self.lanes) = place(&doc.project, comparisons, lang);
    }
}

impl Ghosts {
    /// The canvas area the ghosts and ghost lanes take (with room for their names); none
    /// without ghosts.
    pub fn bounds(&self) -> Option<Rect> {
        let beads = self
            .beads
            .iter()
            .map(|g| Rect::from_center_size(g.centre, vec2(LANE_WIDTH, 2.0 * GHOST_RADIUS + 30.0)));
        let lanes = self
            .lanes
            .iter()
            .map(|l| Rect::from_center_size(pos2(l.center_x, 0.0), vec2(LANE_WIDTH, 0.0)));
        beads.chain(lanes).reduce(|a, b| a.union(b))
    }
}

/// Where each ghost goes: pure, so it is tested without a screen.
pub(super) fn place(
    project: &Project,
    comparisons: &[Comparison],
    lang: Lang,
) -> (Vec<Ghost>, Vec<GhostLane>) {
    let columns = crate::layout::lane_columns(project);
    let lane_x: BTreeMap<&StageId, f32> = columns.iter().map(|(s, x, _)| (s, *x)).collect();
    let mut next_x = columns.iter().map(|(_, x, _)| *x).fold(f32::MIN, f32::max);
    next_x = if next_x == f32::MIN {
        0.0
    } else {
        next_x + 2.0 * LANE_WIDTH
    };
    let (lanes_top, _) = crate::layout::lane_extent(project);
    let mut stack = LaneStacks::new(project, lanes_top);
    let mut beads = Vec::new();
    let mut ghost_lanes = Vec::new();
    for comparison in comparisons {
        let reference = reference_name(comparison, lang);
        // Each reference stage's lane: the matched project lane, or a ghost lane.
        let mut x_of: BTreeMap<&StageId, f32> = BTreeMap::new();
        for stage in &comparison.stages {
            let name = shown(&stage.name, &stage.name_en, lang);
            let matched = stage.project.as_ref().and_then(|p| lane_x.get(p)).copied();
            let x = matched.unwrap_or_else(|| {
                let x = next_x;
                next_x += LANE_WIDTH;
                ghost_lanes.push(GhostLane {
                    center_x: x,
                    name: name.clone(),
                    segment: stage.segment,
                });
                x
            });
            x_of.insert(&stage.reference, x);
            if stage.status == Status::Missing {
                beads.push(Ghost {
                    centre: stack.next(x),
                    name,
                    kind: GhostKind::Stage,
                    reference: reference.clone(),
                });
            }
        }
        for product in &comparison.products {
            let Some(&x) = x_of.get(&product.reference_stage) else {
                continue;
            };
            if !(product.required && product.status == Status::Missing) {
                continue;
            }
            let stage = comparison
                .stages
                .iter()
                .find(|s| s.reference == product.reference_stage)
                .map(|s| shown(&s.name, &s.name_en, lang))
                .unwrap_or_default();
            beads.push(Ghost {
                centre: stack.next(x),
                name: product.name.clone(),
                kind: GhostKind::Product { stage },
                reference: reference.clone(),
            });
        }
    }
    (beads, ghost_lanes)
}

fn reference_name(comparison: &Comparison, lang: Lang) -> String {
    crate::reference::builtin()
        .find(&comparison.template)
        .map_or_else(|| comparison.template.clone(), |t| t.name(lang).to_owned())
}

fn shown(name: &str, name_en: &str, lang: Lang) -> String {
    match lang {
        Lang::En if !name_en.is_empty() => name_en.to_owned(),
        _ => name.to_owned(),
    }
}

/// The next free place in each lane: below the lowest bead in it, one ghost under another.
struct LaneStacks {
    /// The lowest bead's y by lane centre (rounded to whole units).
    next_y: BTreeMap<i64, f32>,
    top: f32,
}

impl LaneStacks {
    fn new(project: &Project, lanes_top: f32) -> Self {
        let mut next_y: BTreeMap<i64, f32> = BTreeMap::new();
        let columns = crate::layout::lane_columns(project);
        for node in project
            .nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like())
        {
            let Some(p) = node.position else { continue };
            // The lane whose column the bead sits in.
            let lane = columns
                .iter()
                .find(|(_, x, _)| (p.x - x).abs() <= LANE_WIDTH / 2.0);
            if let Some((_, x, _)) = lane {
                let y = next_y.entry(x.round() as i64).or_insert(f32::MIN);
                *y = y.max(p.y + ROW_HEIGHT);
            }
        }
        Self {
            next_y,
            top: lanes_top + 45.0,
        }
    }

    fn next(&mut self, x: f32) -> Pos2 {
        let y = self.next_y.entry(x.round() as i64).or_insert(f32::MIN);
        let here = if *y == f32::MIN { self.top } else { *y };
        *y = here + GHOST_STEP;
        pos2(x, here)
    }
}

/// Paints the ghost lanes and beads, each bead a hover-only widget with its description; names
/// go where no node's name is. Returns nothing: ghosts never take a click.
pub(super) fn ghosts_ui(
    ui: &mut egui::Ui,
    frame: &CanvasFrame<'_>,
    ghosts: &Ghosts,
    shown_labels: &[Rect],
) {
    if ghosts.beads.is_empty() && ghosts.lanes.is_empty() {
        return;
    }
    let cam = &frame.screen.cam;
    let origin = frame.screen.origin();
    let zoom = frame.screen.zoom();
    let look = frame.opts.look;
    let colour = look.text().gamma_multiply(0.55);
    let stroke = Stroke::new(1.5, colour);
    let rect = frame.screen.rect;
    for lane in &ghosts.lanes {
        paint_ghost_lane(frame, lane, stroke);
    }
    let font = super::labels::label_font(zoom, frame.screen.scale, look);
    let mut taken: Vec<Rect> = shown_labels.to_vec();
    for (i, ghost) in ghosts.beads.iter().enumerate() {
        let c = cam.to_screen(
            origin,
            Pos {
                x: ghost.centre.x,
                y: ghost.centre.y,
            },
        );
        let r = (GHOST_RADIUS * zoom * frame.screen.scale).max(3.0);
        let bead = Rect::from_center_size(c, vec2(2.0 * r, 2.0 * r));
        if !rect.intersects(bead) {
            continue;
        }
        frame
            .painter
            .circle_filled(c, r, look.background().gamma_multiply(0.6));
        frame.painter.extend(Shape::dashed_line(
            &circle_points(c, r),
            stroke,
            (r * 0.35).max(2.5),
            (r * 0.25).max(2.0),
        ));
        let text = super::paint::fit_text(
            &frame.painter,
            &ghost.name,
            &font,
            (LANE_WIDTH - 16.0) * zoom,
        );
        if !text.is_empty() && zoom >= super::paint::LABEL_MIN_ZOOM {
            let galley = frame.painter.layout_no_wrap(text, font.clone(), colour);
            let at = Rect::from_min_size(
                pos2(c.x - galley.size().x / 2.0, c.y + r + 3.0),
                galley.size(),
            );
            if !taken.iter().any(|t| t.intersects(at)) {
                frame.painter.galley(at.min, galley, colour);
                taken.push(at);
            }
        }
        let description = ghost.describe(frame.lang);
        let response = ui.interact(bead, ui.scope_id().with(("ghost", i)), Sense::hover());
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &description));
        response.on_hover_text(description);
    }
}

/// A ghost lane: its column outlined with dashes and its name on top, marked as the
/// reference's.
fn paint_ghost_lane(frame: &CanvasFrame<'_>, lane: &GhostLane, stroke: Stroke) {
    let cam = &frame.screen.cam;
    let origin = frame.screen.origin();
    let (top, bottom) = crate::layout::lane_extent(frame.project);
    let half = LANE_WIDTH / 2.0 - 6.0;
    let a = cam.to_screen(
        origin,
        Pos {
            x: lane.center_x - half,
            y: top,
        },
    );
    let b = cam.to_screen(
        origin,
        Pos {
            x: lane.center_x + half,
            y: bottom,
        },
    );
    let column = Rect::from_two_pos(a, b);
    if !frame.screen.rect.intersects(column) {
        return;
    }
    let corners = [
        column.left_top(),
        column.right_top(),
        column.right_bottom(),
        column.left_bottom(),
        column.left_top(),
    ];
    frame
        .painter
        .extend(Shape::dashed_line(&corners, stroke, 6.0, 4.0));
    let zoom = frame.screen.zoom();
    let font = FontId::proportional((13.0 * zoom.sqrt()).clamp(10.5, 16.0));
    let title = format!(
        "{} · {}",
        frame.lang.pick("全景图", "Reference"),
        lane.segment.label(frame.lang)
    );
    let colour: Color32 = stroke.color;
    let width = column.width() - 8.0;
    let name = super::paint::fit_text(&frame.painter, &lane.name, &font, width);
    let title = super::paint::fit_text(&frame.painter, &title, &font, width);
    let at = column.center_top() + vec2(0.0, 6.0);
    frame.painter.text(
        at,
        Align2::CENTER_TOP,
        title,
        font.clone(),
        colour.gamma_multiply(0.8),
    );
    frame.painter.text(
        at + vec2(0.0, font.size * 1.35),
        Align2::CENTER_TOP,
        name,
        font,
        colour,
    );
}

/// A closed polygon round `c`, for a dashed circle.
pub(super) fn circle_points(c: Pos2, r: f32) -> Vec<Pos2> {
    let n = 28;
    (0..=n)
        .map(|k| {
            let a = k as f32 / n as f32 * std::f32::consts::TAU;
            c + vec2(a.cos(), a.sin()) * r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{Chain, Node, NodeKind, Stage};
    use crate::reference::compare::{ProductComparison, StageComparison};

    fn stage(id: &str) -> Stage {
        Stage {
            id: id.into(),
            name: id.to_owned(),
            ..Stage::default()
        }
    }

    fn reference_stage(id: &str, project: Option<&str>, status: Status) -> StageComparison {
        StageComparison {
            reference: id.into(),
            name: format!("参考{id}"),
            name_en: String::new(),
            segment: Segment::Upstream,
            project: project.map(StageId::from),
            status,
        }
    }

    fn product(stage: &str, name: &str, required: bool, status: Status) -> ProductComparison {
        ProductComparison {
            reference_stage: stage.into(),
            name: name.to_owned(),
            project_name: None,
            required,
            status,
        }
    }

    /// Lanes A (x 0) and B (x 240), one firm in A at y 0: lanes start at y −45, so a ghost in an
    /// empty lane sits at y 0, and one under the firm a row lower (y 90).
    #[test]
    fn ghosts_go_into_their_lanes_and_missing_stages_get_lanes_of_their_own() {
        let mut project = Project::new("t");
        project.chains.insert(
            "c".into(),
            Chain {
                id: "c".into(),
                stages: vec![stage("A"), stage("B")],
                ..Chain::default()
            },
        );
        let firm = Node {
            id: "f".into(),
            kind: NodeKind::Enterprise,
            name: "甲".to_owned(),
            position: Some(Pos { x: 0.0, y: 0.0 }),
            ..Node::default()
        };
        project.nodes.insert(firm.id.clone(), firm);
        let comparison = Comparison {
            chain: "c".into(),
            template: "no-such-template".to_owned(),
            stale: false,
            stages: vec![
                reference_stage("R1", Some("A"), Status::Ok),
                reference_stage("R2", Some("B"), Status::Missing),
                reference_stage("R3", None, Status::Missing),
            ],
            products: vec![
                product("R1", "p1", true, Status::Missing),
                product("R3", "p2", true, Status::Missing),
                product("R3", "p3", false, Status::Missing),
                product("R1", "p4", true, Status::Weak),
            ],
        };
        let (beads, lanes) = place(&project, &[comparison], Lang::Zh);
        let at: Vec<(&str, f32, f32)> = beads
            .iter()
            .map(|g| (g.name.as_str(), g.centre.x, g.centre.y))
            .collect();
        // R3's lane comes after B (240) and a gap lane: 240 + 2 × 240.
        assert_eq!(
            at,
            [
                ("参考R2", 240.0, 0.0),
                ("参考R3", 720.0, 0.0),
                ("p1", 0.0, 90.0),
                ("p2", 720.0, 67.5)
            ]
        );
        assert_eq!(lanes.len(), 1);
        assert_eq!(
            (lanes[0].name.as_str(), lanes[0].center_x),
            ("参考R3", 720.0)
        );
        assert_eq!(
            beads[2].kind,
            GhostKind::Product {
                stage: "参考R1".to_owned()
            }
        );
        assert!(beads[1].describe(Lang::Zh).contains("no-such-template"));
    }

    #[test]
    fn nothing_compared_no_ghosts() {
        let (beads, lanes) = place(&Project::new("t"), &[], Lang::En);
        assert!(beads.is_empty() && lanes.is_empty());
    }
}
