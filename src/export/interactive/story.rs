//! The page's chain story (串珠成链: an overview, then one step per stage in lane order, as the
//! editor's presentation tells it) and its summary of the analysis.

use super::data::{StoryStep, stage_name};
use crate::analysis::{Analysis, percent};
use crate::i18n::{Lang, amount_text, count_en};
use crate::model::{Project, Segment, StageId};

/// The headline figures: coverage, completeness, local supporting rate, how big the map is.
pub fn summary(project: &Project, analysis: &Analysis, lang: Lang) -> Vec<(String, String)> {
    let c = &analysis.completeness;
    vec![
        (
            lang.pick("环节覆盖", "Stage coverage").to_owned(),
            format!(
                "{}/{} ({})",
                c.stages_covered,
                c.stages_total,
                percent(c.stage)
            ),
        ),
        (
            lang.pick("产品完整度", "Product completeness").to_owned(),
            format!(
                "{}/{} ({})",
                c.products_covered,
                c.products_required,
                percent(c.product)
            ),
        ),
        (
            lang.pick("本地配套率", "Local supporting rate").to_owned(),
            percent(analysis.local_supporting_rate),
        ),
        (
            lang.pick("节点 · 连线", "Nodes · links").to_owned(),
            format!("{} · {}", project.nodes.len(), project.links.len()),
        ),
        (
            lang.pick("缺口", "Gaps").to_owned(),
            analysis.gaps.len().to_string(),
        ),
    ]
}

/// The overview, then a step per lane of `columns` (as `layout::lane_columns` gives them).
pub fn steps(
    project: &Project,
    analysis: &Analysis,
    lang: Lang,
    columns: &[(StageId, f32, Segment)],
) -> Vec<StoryStep> {
    let firms = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() && n.kind.is_local())
        .count();
    let c = &analysis.completeness;
    let overview = match lang {
        Lang::Zh => format!(
            "{} 个环节 · {firms} 家本地经营主体 · 环节覆盖 {}/{} · 产品完整度 {}/{} · 本地配套率 {}",
            columns.len(),
            c.stages_covered,
            c.stages_total,
            c.products_covered,
            c.products_required,
            percent(analysis.local_supporting_rate)
        ),
        Lang::En => format!(
            "{} stages · {} · stages covered {}/{} · products {}/{} · local supporting rate {}",
            columns.len(),
            count_en(firms, "local firm", "local firms"),
            c.stages_covered,
            c.stages_total,
            c.products_covered,
            c.products_required,
            percent(analysis.local_supporting_rate)
        ),
    };
    let title = if project.meta.name.is_empty() {
        lang.pick("产业链全景", "The whole chain").to_owned()
    } else {
        project.meta.name.clone()
    };
    let mut steps = vec![StoryStep {
        title,
        caption: overview,
        lane: None,
    }];
    for (i, (stage, _, segment)) in columns.iter().enumerate() {
        steps.push(StoryStep {
            title: format!(
                "{} · {}",
                segment.label(lang),
                stage_name(project, stage, lang)
            ),
            caption: stage_caption(project, analysis, stage, lang),
            lane: Some(i),
        });
    }
    steps
}

/// "3 local firms · output 1 200 万元 · local supply 90 %", then the stage's first two gaps.
fn stage_caption(project: &Project, analysis: &Analysis, stage: &StageId, lang: Lang) -> String {
    let unit = &project.meta.unit;
    let mut parts = Vec::new();
    if let Some(r) = analysis.stages.iter().find(|s| &s.id == stage) {
        parts.push(match lang {
            Lang::Zh => format!(
                "本地经营主体 {} 家 · 产值 {}",
                r.local_enterprises.len(),
                amount_text(r.output.round(), unit, lang)
            ),
            Lang::En => format!(
                "{} · output {}",
                count_en(r.local_enterprises.len(), "local firm", "local firms"),
                amount_text(r.output.round(), unit, lang)
            ),
        });
        if r.local_supporting_rate.is_some() {
            parts.push(format!(
                "{} {}",
                lang.pick("本地配套率", "local supply"),
                percent(r.local_supporting_rate)
            ));
        }
    }
    let mut text = parts.join(" · ");
    for g in analysis
        .gaps
        .iter()
        .filter(|g| g.stage.as_ref() == Some(stage))
        .take(2)
    {
        text.push('\n');
        text.push_str(&match lang {
            Lang::Zh => format!("{}:{}", g.class.action(lang), g.message(lang)),
            Lang::En => format!("{}: {}", g.class.action(lang), g.message(lang)),
        });
    }
    text
}
