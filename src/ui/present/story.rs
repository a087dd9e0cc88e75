//! The steps of a presentation and their subtitles. The chain story (串珠成链) is an overview,
//! then one step per stage in lane order, each lighting that stage's firms and the supply into
//! it while earlier stages stay lit and later ones are dimmed; the views story plays the saved
//! views as slides, each caption as its subtitle.

use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::model::{AgreementId, Colouring, LinkKind, NodeId, Project, StageId, ViewFilter};
use crate::ui::canvas::{self, LANE_WIDTH};
use crate::ui::state::Highlight;
use egui::{Rect, pos2};
use std::collections::{BTreeMap, BTreeSet};

/// At least this many lanes are in view on a chain step, so a stage is seen with its neighbours.
const MIN_LANES_IN_VIEW: usize = 4;

/// What the steps walk through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Story {
    /// The chain, stage by stage (串珠成链).
    Chain,
    /// The saved views, in their order.
    Views,
}

/// Where the camera goes for a step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// Show this canvas area whole; `from_left` puts it at the left edge rather than the
    /// centre, so the stages still to come show on the right.
    Area { area: Rect, from_left: bool },
    /// A saved view's camera.
    Saved(crate::model::Camera),
}

/// One step of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub title: String,
    pub caption: String,
    /// None: nothing faded.
    pub highlight: Option<Highlight>,
    pub target: Target,
    /// The colouring of a saved view; none keeps the one in use.
    pub colouring: Option<Colouring>,
    pub filter: ViewFilter,
    /// An agreement whose split chart is shown beside the graph.
    pub agreement: Option<AgreementId>,
    /// The before / after step: the comparison's differences marked on the graph (issue 22).
    pub compare: bool,
}

/// The steps of the chain story: an overview, then one step per stage in lane order.
pub fn chain_steps(project: &Project, analysis: Option<&Analysis>, lang: Lang) -> Vec<Step> {
    let lanes = canvas::lanes(project, lang);
    // Every step shows the graph's whole height: the lanes, and the parks and regions above
    // and below them, so none of them can end up under the subtitle. (The camera leaves room
    // for the lane headers above the lanes.)
    let (mut top, mut bottom) = canvas::lane_extent(project);
    if let Some(b) = canvas::bounds(project) {
        (top, bottom) = (top.min(b.top()), bottom.max(b.bottom()));
    }
    let lane_area = |from: usize, to: usize| {
        let left = lanes[from].center_x - LANE_WIDTH / 2.0;
        let right = lanes[to].center_x + LANE_WIDTH / 2.0;
        Rect::from_min_max(pos2(left, top), pos2(right, bottom))
    };
    let mut steps = vec![overview_step(project, analysis, lang, &lanes, &lane_area)];
    if lanes.is_empty() {
        return steps;
    }
    // Who is linked to whom, for parks and regions (no stage): lit with their first lit firm.
    let mut neighbours: BTreeMap<&NodeId, Vec<&NodeId>> = BTreeMap::new();
    for link in project.links.values() {
        neighbours.entry(&link.from).or_default().push(&link.to);
        neighbours.entry(&link.to).or_default().push(&link.from);
    }
    let unit = &project.meta.unit;
    for (i, lane) in lanes.iter().enumerate() {
        // The lit stages, at least a few lanes wide: the chain grows across the screen.
        let to = i.max(MIN_LANES_IN_VIEW - 1).min(lanes.len() - 1);
        let segment = lane.segment.label(lang);
        steps.push(Step {
            title: format!("{segment} · {}", lane.name),
            caption: stage_caption(project, analysis, &lane.stage, lang, unit),
            highlight: Some(stage_highlight(project, &lanes, i, &neighbours)),
            target: Target::Area {
                area: lane_area(0, to),
                from_left: true,
            },
            colouring: None,
            filter: ViewFilter::default(),
            agreement: None,
            compare: false,
        });
    }
    steps
}

/// What the step of lane `i` lights: the firms of this stage and the earlier ones (a firm
/// without a stage with its first lit neighbour), the supply into this stage from lit firms;
/// the later stages dimmed.
fn stage_highlight(
    project: &Project,
    lanes: &[canvas::Lane],
    i: usize,
    neighbours: &BTreeMap<&NodeId, Vec<&NodeId>>,
) -> Highlight {
    let stage = &lanes[i].stage;
    let lit_stages: BTreeSet<&StageId> = lanes[..=i].iter().map(|l| &l.stage).collect();
    let staged_lit = |id: &NodeId| {
        project
            .nodes
            .get(id)
            .is_some_and(|n| n.stages.iter().any(|s| lit_stages.contains(s)))
    };
    let nodes: BTreeSet<NodeId> = project
        .nodes
        .values()
        .filter(|node| {
            if node.stages.is_empty() {
                neighbours
                    .get(&node.id)
                    .is_some_and(|ns| ns.iter().any(|n| staged_lit(n)))
            } else {
                staged_lit(&node.id)
            }
        })
        .map(|node| node.id.clone())
        .collect();
    let in_stage = |id: &NodeId| {
        project
            .nodes
            .get(id)
            .is_some_and(|n| n.stages.contains(stage))
    };
    let links: BTreeSet<_> = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply && in_stage(&l.to) && nodes.contains(&l.from))
        .map(|l| l.id.clone())
        .collect();
    Highlight {
        nodes,
        stages: BTreeSet::from([stage.clone()]),
        links,
        dim_stages: lanes[i + 1..].iter().map(|l| l.stage.clone()).collect(),
        ..Highlight::default()
    }
}

fn overview_step(
    project: &Project,
    analysis: Option<&Analysis>,
    lang: Lang,
    lanes: &[canvas::Lane],
    lane_area: &dyn Fn(usize, usize) -> Rect,
) -> Step {
    let firms = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() && n.kind.is_local())
        .count();
    let mut parts = vec![match lang {
        Lang::Zh => format!("{} 个环节 · {firms} 家本地经营主体", lanes.len()),
        Lang::En => format!("{} stages · {}", lanes.len(), local_firms_en(firms)),
    }];
    if let Some(a) = analysis {
        let c = &a.completeness;
        parts.push(match lang {
            Lang::Zh => format!(
                "环节覆盖 {}/{} · 产品完整度 {}/{}",
                c.stages_covered, c.stages_total, c.products_covered, c.products_required
            ),
            Lang::En => format!(
                "stages covered {}/{} · products {}/{}",
                c.stages_covered, c.stages_total, c.products_covered, c.products_required
            ),
        });
        if a.local_supporting_rate.is_some() {
            parts.push(format!(
                "{} {}",
                lang.pick("本地配套率", "local supporting rate"),
                crate::analysis::percent(a.local_supporting_rate)
            ));
        }
    }
    let area = match lanes.len() {
        0 => canvas::bounds(project).unwrap_or(Rect::NOTHING),
        n => lane_area(0, n - 1),
    };
    let target = Target::Area {
        area,
        from_left: false,
    };
    let title = if project.meta.name.is_empty() {
        lang.pick("产业链全景", "The whole chain").to_owned()
    } else {
        project.meta.name.clone()
    };
    Step {
        title,
        caption: parts.join(" · "),
        highlight: None,
        target,
        colouring: None,
        filter: ViewFilter::default(),
        agreement: None,
        compare: false,
    }
}

/// The before / after step: the whole graph with the comparison's differences marked, the
/// two versions named in the title and the headline figures before and after in the caption.
pub fn compare_step(project: &Project, title: String, caption: String) -> Step {
    Step {
        title,
        caption,
        highlight: None,
        target: Target::Area {
            area: canvas::bounds(project).unwrap_or(Rect::NOTHING),
            from_left: false,
        },
        colouring: None,
        filter: ViewFilter::default(),
        agreement: None,
        compare: true,
    }
}

fn local_firms_en(n: usize) -> String {
    crate::i18n::count_en(n, "local firm", "local firms")
}

/// "3 local firms · output 1 200 万元 · local supply 90 %", then the stage's gaps.
fn stage_caption(
    project: &Project,
    analysis: Option<&Analysis>,
    stage: &StageId,
    lang: Lang,
    unit: &str,
) -> String {
    let Some(a) = analysis else {
        let n = project
            .nodes
            .values()
            .filter(|n| n.kind.is_local() && n.stages.contains(stage))
            .count();
        return match lang {
            Lang::Zh => format!("本地经营主体 {n} 家"),
            Lang::En => local_firms_en(n),
        };
    };
    let mut parts = Vec::new();
    if let Some(r) = a.stages.iter().find(|s| &s.id == stage) {
        parts.push(match lang {
            Lang::Zh => format!(
                "本地经营主体 {} 家 · 产值 {:.0} {unit}",
                r.local_enterprises.len(),
                r.output
            ),
            Lang::En => format!(
                "{} · output {}",
                local_firms_en(r.local_enterprises.len()),
                crate::i18n::amount_text(r.output.round(), unit, lang)
            ),
        });
        if r.local_supporting_rate.is_some() {
            parts.push(format!(
                "{} {}",
                lang.pick("本地配套率", "local supply"),
                crate::analysis::percent(r.local_supporting_rate)
            ));
        }
    }
    let mut text = parts.join(" · ");
    let gaps: Vec<String> = a
        .gaps
        .iter()
        .filter(|g| g.stage.as_ref() == Some(stage))
        .take(2)
        .map(|g| match lang {
            Lang::Zh => format!("{}:{}", g.class.action(lang), g.message(lang)),
            Lang::En => format!("{}: {}", g.class.action(lang), g.message(lang)),
        })
        .collect();
    for g in gaps {
        text.push('\n');
        text.push_str(&g);
    }
    text
}

/// The steps of the saved views, in slide order.
pub fn view_steps(project: &Project, lang: Lang) -> Vec<Step> {
    let mut views: Vec<_> = project.views.values().collect();
    views.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    views
        .into_iter()
        .map(|v| {
            let nodes: BTreeSet<NodeId> = v
                .highlight
                .iter()
                .filter(|id| project.nodes.contains_key(*id))
                .cloned()
                .collect();
            let target = match v.camera {
                Some(cam) => Target::Saved(cam),
                None => Target::Area {
                    area: canvas::bounds(project).unwrap_or(Rect::NOTHING),
                    from_left: false,
                },
            };
            Step {
                title: if v.name.is_empty() {
                    lang.pick("(未命名视图)", "(untitled view)").to_owned()
                } else {
                    v.name.clone()
                },
                caption: v.caption.clone(),
                highlight: (!nodes.is_empty()).then(|| Highlight {
                    nodes,
                    ..Highlight::default()
                }),
                target,
                colouring: Some(v.colouring),
                filter: v.filter.clone(),
                agreement: v.agreement.clone(),
                compare: false,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::present::camera::{View, camera_for_area};
    use crate::ui::state::Camera;
    use egui::vec2;

    #[test]
    fn an_empty_project_has_just_the_overview() {
        let empty = Project::default();
        let steps = chain_steps(&empty, None, Lang::En);
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].title, "The whole chain");
        let Target::Area { area, .. } = steps[0].target else {
            panic!("an area");
        };
        assert_eq!(
            camera_for_area(
                area,
                View {
                    size: vec2(800.0, 600.0),
                    room: 450.0
                },
                1.0,
                false,
                None
            ),
            Camera::default()
        );
        assert!(view_steps(&empty, Lang::En).is_empty());
    }

    #[test]
    fn chain_story_lights_stage_by_stage() {
        let project = crate::ui::app::bundled_sample();
        let steps = chain_steps(&project, None, Lang::Zh);
        let lanes = canvas::lanes(&project, Lang::Zh);
        assert_eq!(steps.len(), lanes.len() + 1, "an overview, then each stage");
        assert!(steps[0].highlight.is_none());
        let mut previous: BTreeSet<NodeId> = BTreeSet::new();
        for (i, lane) in lanes.iter().enumerate() {
            let h = steps[i + 1]
                .highlight
                .as_ref()
                .expect("a stage step lights");
            // Every firm of this stage and of the earlier ones is lit ...
            for node in project.nodes.values() {
                let earlier = lanes[..=i].iter().any(|l| node.stages.contains(&l.stage));
                if earlier {
                    assert!(h.nodes.contains(&node.id), "{} at step {}", node.id, i + 1);
                }
                let later_only = !node.stages.is_empty() && !earlier;
                if later_only {
                    assert!(!h.nodes.contains(&node.id), "{} lit too early", node.id);
                }
            }
            // ... what was lit stays lit, later stages are dimmed, and the accented links are
            // the supply into this stage.
            assert!(previous.is_subset(&h.nodes));
            previous = h.nodes.clone();
            assert_eq!(h.dim_stages.len(), lanes.len() - i - 1);
            for id in &h.links {
                let link = &project.links[id];
                assert!(project.nodes[&link.to].stages.contains(&lane.stage));
            }
        }
    }
}
