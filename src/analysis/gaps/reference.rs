//! The gaps a reference chain (全景图) adds to the project's own (issue 18), as
//! docs/INDICATORS.md, "Reference chains", defines them:
//!
//! - **补链**: a reference stage no project stage is matched to and of whose products no local
//!   firm can supply any; a required reference product no local firm can supply;
//! - **延链** instead of 补链: such a stage of the downstream segment that a stage the county
//!   covers feeds (the template's `flows`): the county can extend its chain towards higher
//!   value added; the stage's missing required products are 延链 too.
//!
//! Nothing is found twice: a matched stage is the project's (its own 补链 or 强链 gap speaks
//! for it), and a product the project's own analysis already reports as a 补链 gap (under any
//! of its names) is left to that gap.

use super::ProductReport;
use super::availability::Availability;
use super::names::key;
use super::{Gap, GapClass, GapOrigin, GapReference, StageReport, Status, advice};
use crate::model::{Node, NodeId, Project, ReferenceMatch, Segment, Stage, StageId, Year};
use crate::reference::Template;
use crate::reference::compare::Parts;
use crate::reference::compare::{Comparison, StageComparison, product_keys};
use std::collections::BTreeSet;

/// The reference stage's English name, else its name.
fn name_en(stage: &StageComparison) -> &str {
    if stage.name_en.is_empty() {
        &stage.name
    } else {
        &stage.name_en
    }
}

/// What the reference gaps of one compared chain need.
pub(super) struct Compared<'a> {
    pub comparison: &'a Comparison,
    pub matching: &'a ReferenceMatch,
    pub template: &'a Template,
}

impl Compared<'_> {
    fn template_names(&self) -> (&str, &str) {
        let chain = &self.template.chain;
        let en = if chain.name_en.is_empty() {
            &chain.name
        } else {
            &chain.name_en
        };
        (&chain.name, en)
    }

    fn spot(&self, stage: &StageComparison) -> GapReference {
        let (zh, en) = self.template_names();
        GapReference {
            chain: self.comparison.chain.clone(),
            template: self.template.id().to_owned(),
            template_name: zh.to_owned(),
            template_name_en: en.to_owned(),
            stage: stage.reference.clone(),
            stage_name: stage.name.clone(),
            stage_name_en: name_en(stage).to_owned(),
        }
    }

    fn template_stage(&self, id: &StageId) -> Option<&Stage> {
        self.template.chain.stage(id)
    }
}

/// The covered reference stages feeding `stage` (the template's flows into it), in template
/// order, with the project stage matched to each.
fn feeders<'c>(c: &'c Compared, stage: &StageId) -> Vec<&'c StageComparison> {
    let from: BTreeSet<&StageId> = c
        .template
        .flows
        .iter()
        .filter(|f| &f.to == stage)
        .map(|f| &f.from)
        .collect();
    c.comparison
        .stages
        .iter()
        .filter(|s| from.contains(&s.reference))
        .filter(|s| s.status != Status::Missing && s.project.is_some())
        .collect()
}

/// Pushes the gaps the comparison adds to `gaps` (which hold the project's own).
pub(super) fn reference_gaps(
    avail: &Availability,
    c: &Compared,
    stage_reports: &[StageReport],
    gaps: &mut Vec<Gap>,
) {
    let project = avail.project;
    let (t_zh, t_en) = c.template_names();
    let mut extended: BTreeSet<&StageId> = BTreeSet::new();
    for stage in &c.comparison.stages {
        let partly_here = c
            .comparison
            .products_of(&stage.reference)
            .any(|p| p.status != Status::Missing);
        if stage.project.is_some() || partly_here {
            continue;
        }
        let feeding = feeders(c, &stage.reference);
        let spot = c.spot(stage);
        let (s_zh, s_en) = (&stage.name, name_en(stage));
        let gap = if stage.segment == Segment::Downstream && !feeding.is_empty() {
            extended.insert(&stage.reference);
            let own = |f: &&StageComparison| f.project.as_ref().and_then(|id| project.stage(id));
            let names: Vec<&str> = feeding
                .iter()
                .filter_map(|f| own(f).map(|(_, s)| s.name.as_str()))
                .collect();
            let names_en: Vec<&str> = feeding
                .iter()
                .filter_map(|f| own(f).map(|(_, s)| super::coverage::name_en(s)))
                .collect();
            let local: Vec<NodeId> = feeding
                .iter()
                .filter_map(|f| f.project.as_ref())
                .filter_map(|id| stage_reports.iter().find(|r| &r.id == id))
                .flat_map(|r| r.local_enterprises.iter().cloned())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            Gap::new(
                GapClass::Extend,
                None,
                None,
                local,
                (
                    format!(
                        "参考产业链“{t_zh}”中的下游环节“{s_zh}”本县缺失,可由本县已有的“{}”环节向下游延伸",
                        names.join("”“")
                    ),
                    format!(
                        "the downstream stage \"{s_en}\" of the reference chain \"{t_en}\" is missing in the county; its \"{}\" stage could extend into it",
                        names_en.join("\", \"")
                    ),
                ),
                advice::extend_reference(c.template_stage(&stage.reference)),
            )
        } else {
            let keys: BTreeSet<String> = c
                .comparison
                .products_of(&stage.reference)
                .flat_map(|p| product_keys(c.template, c.matching, &p.name))
                .collect();
            let outside: Vec<NodeId> = avail
                .capable_any(&keys)
                .into_iter()
                .filter(|id| !avail.places.is_local(id))
                .cloned()
                .collect();
            Gap::new(
                GapClass::Missing,
                None,
                None,
                outside,
                (
                    format!("参考产业链“{t_zh}”中的“{s_zh}”环节本县缺失"),
                    format!(
                        "the stage \"{s_en}\" of the reference chain \"{t_en}\" is missing in the county"
                    ),
                ),
                advice::fill_segment(stage.segment),
            )
        };
        gaps.push(Gap {
            origin: GapOrigin::Reference,
            reference: Some(spot),
            ..gap
        });
    }
    product_gaps(avail, c, &extended, gaps);
}

/// The required reference products no local firm can supply, but those the project's own
/// analysis already reports missing.
fn product_gaps(
    avail: &Availability,
    c: &Compared,
    extended: &BTreeSet<&StageId>,
    gaps: &mut Vec<Gap>,
) {
    let (t_zh, t_en) = c.template_names();
    let reported: BTreeSet<String> = gaps
        .iter()
        .filter(|g| g.origin == GapOrigin::Project && g.class == GapClass::Missing)
        .filter_map(|g| g.product.as_deref().map(key))
        .collect();
    let mut found = Vec::new();
    for product in &c.comparison.products {
        if !product.required || product.status != Status::Missing {
            continue;
        }
        let keys = product_keys(c.template, c.matching, &product.name);
        if keys.iter().any(|k| reported.contains(k)) {
            continue;
        }
        let Some(stage) = c.comparison.stage(&product.reference_stage) else {
            continue;
        };
        let mut outside: BTreeSet<NodeId> = avail
            .capable_any(&keys)
            .into_iter()
            .filter(|id| !avail.places.is_local(id))
            .cloned()
            .collect();
        outside.extend(
            avail
                .links_of_any(&keys)
                .iter()
                .filter(|l| !avail.places.is_local(&l.from) && avail.places.is_local(&l.to))
                .map(|l| l.from.clone()),
        );
        let (class, advice) = if extended.contains(&stage.reference) {
            (
                GapClass::Extend,
                advice::extend_reference(c.template_stage(&stage.reference)),
            )
        } else {
            (GapClass::Missing, advice::fill_segment(stage.segment))
        };
        let p = &product.name;
        let (s_zh, s_en) = (&stage.name, name_en(stage));
        let gap = Gap::new(
            class,
            stage.project.as_ref(),
            Some(p),
            outside.into_iter().collect(),
            (
                format!("参考产业链“{t_zh}”中“{s_zh}”环节的必需产品“{p}”本县没有企业能供应"),
                format!(
                    "no local firm can supply \"{p}\", a required product of the stage \"{s_en}\" in the reference chain \"{t_en}\""
                ),
            ),
            advice,
        );
        found.push(Gap {
            origin: GapOrigin::Reference,
            reference: Some(c.spot(stage)),
            ..gap
        });
    }
    gaps.extend(found);
}

/// Compares each matching with its template, adds the gaps the comparisons find, and ranks
/// every gap by priority.
pub(super) fn compare_references(
    avail: &Availability,
    references: &[(&ReferenceMatch, &Template)],
    (stages, products): (&[StageReport], &[ProductReport]),
    leader: Option<&NodeId>,
    gaps: &mut Vec<Gap>,
) -> Vec<Comparison> {
    let parts = Parts {
        avail,
        stages,
        products,
    };
    let comparisons: Vec<Comparison> = references
        .iter()
        .map(|(matching, template)| crate::reference::compare::compare(&parts, matching, template))
        .collect();
    let compared: Vec<Compared> = references
        .iter()
        .zip(&comparisons)
        .map(|((matching, template), comparison)| Compared {
            comparison,
            matching,
            template,
        })
        .collect();
    for c in &compared {
        reference_gaps(avail, c, stages, gaps);
    }
    super::priority::prioritise(
        &super::priority::Context {
            avail,
            stages,
            leader,
            compared: &compared,
        },
        gaps,
    );
    comparisons
}

/// The comparison of one matching on its own (`reference::compare::compare_project`): the gap
/// analysis of its chain, without the network measures.
pub(crate) fn compare_alone(
    project: &Project,
    matching: &ReferenceMatch,
    template: &Template,
    year: Option<Year>,
) -> Comparison {
    let year = year.or(project.meta.base_year);
    let places = crate::analysis::Localities::new(project, year);
    let chain = &matching.chain;
    let in_scope = |n: &Node| crate::analysis::in_scope(project, Some(chain), n);
    let report = super::analyse(
        project,
        &super::Scope {
            chain: Some(chain),
            year,
            places: &places,
            in_scope: &in_scope,
            leader: None,
            references: &[(matching, template)],
        },
    );
    report
        .comparisons
        .into_iter()
        .next()
        .unwrap_or_else(|| Comparison {
            chain: chain.clone(),
            template: template.id().to_owned(),
            stale: true,
            stages: Vec::new(),
            products: Vec::new(),
        })
}
