//! The first guess at how a project's chain corresponds to a reference chain, for the user to
//! confirm or correct: stages by name (the template's name, English name and other names, the
//! project's name with its bracketed detail dropped), then by the products they share; products
//! by name with the template's synonyms and the analysis's product synonyms.
//!
//! Each project stage answers for one reference stage at most: the pairs are taken best score
//! first, so a clear name match is never displaced by a loose one.

use super::Template;
use crate::analysis::gaps::names;
use crate::model::{Chain, ChainId, Project, ReferenceMatch, Stage, StageId};
use std::collections::{BTreeMap, BTreeSet};

/// Scores of a stage pair: higher is a surer match; below `LOOSE` is no match.
const SAME_NAME: f64 = 4.0;
const NAME_CONTAINS: f64 = 3.0;
/// Character-pair similarity (Dice) at or above this is a near name ("设施与装备" / "设施装备").
const NEAR_NAME: f64 = 0.5;
const LOOSE: f64 = 1.0;

/// The suggested matching of `chain` (a project chain) to `template`; every reference stage and
/// product appears, matched or not. An unknown chain gives a matching with nothing matched.
pub fn suggest(template: &Template, project: &Project, chain: &ChainId) -> ReferenceMatch {
    let empty = Chain::default();
    let compared = project.chains.get(chain).unwrap_or(&empty);
    let synonyms = SynonymKeys::new(template);
    let stages = match_stages(template, compared, &synonyms);
    let products = match_products(template, compared, &stages, &synonyms);
    ReferenceMatch {
        chain: chain.clone(),
        template: template.id().to_owned(),
        revision: template.revision,
        stages,
        products,
    }
}

/// Every name of a reference product, by the key names compare by, to the template's name.
struct SynonymKeys {
    to_reference: BTreeMap<String, String>,
}

impl SynonymKeys {
    fn new(template: &Template) -> Self {
        let mut to_reference = BTreeMap::new();
        for stage in &template.chain.stages {
            for product in &stage.products {
                to_reference
                    .entry(names::key(&product.name))
                    .or_insert_with(|| product.name.clone());
            }
        }
        // Synonyms after the products' own names: a product's own name wins over another's
        // synonym that happens to be spelt the same.
        for (product, others) in &template.synonyms {
            for other in others {
                to_reference
                    .entry(names::key(other))
                    .or_insert_with(|| product.clone());
            }
        }
        Self { to_reference }
    }

    /// The reference product a project product name stands for, if any.
    fn reference_of(&self, name: &str) -> Option<&str> {
        self.to_reference.get(&names::key(name)).map(String::as_str)
    }
}

fn match_stages(
    template: &Template,
    compared: &Chain,
    synonyms: &SynonymKeys,
) -> BTreeMap<StageId, Option<StageId>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (r, reference) in template.chain.stages.iter().enumerate() {
        let names = reference_names(template, reference);
        for (p, stage) in compared.stages.iter().enumerate() {
            let score = stage_score(&names, reference, stage, synonyms);
            if score >= LOOSE {
                pairs.push((score, r, p));
            }
        }
    }
    // Best first; equal scores in chain order, so the result does not depend on sort details.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken_reference = BTreeSet::new();
    let mut taken_project = BTreeSet::new();
    let mut matched: BTreeMap<StageId, Option<StageId>> = template
        .chain
        .stages
        .iter()
        .map(|s| (s.id.clone(), None))
        .collect();
    for (_, r, p) in pairs {
        if taken_reference.contains(&r) || taken_project.contains(&p) {
            continue;
        }
        taken_reference.insert(r);
        taken_project.insert(p);
        matched.insert(
            template.chain.stages[r].id.clone(),
            Some(compared.stages[p].id.clone()),
        );
    }
    matched
}

/// A reference stage's names, normalised: its name, English name and other names.
fn reference_names(template: &Template, stage: &Stage) -> Vec<String> {
    let aliases = template
        .stage_info
        .get(&stage.id)
        .map(|info| info.aliases.as_slice())
        .unwrap_or_default();
    [&stage.name, &stage.name_en]
        .into_iter()
        .chain(aliases)
        .filter(|n| !n.trim().is_empty())
        .map(|n| core_name(n))
        .collect()
}

/// A stage name without its bracketed detail ("种植基地(地栽/吊袋)" → "种植基地"), normalised.
fn core_name(name: &str) -> String {
    let mut depth = 0usize;
    let kept: String = names::normalise(name)
        .chars()
        .filter(|c| {
            match c {
                '(' | '[' | '【' | '〔' => depth += 1,
                ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect();
    kept
}

/// How surely the project stage is the reference stage: by name first, then by the share of
/// the reference stage's products the project stage lists.
fn stage_score(
    reference_names: &[String],
    reference: &Stage,
    stage: &Stage,
    synonyms: &SynonymKeys,
) -> f64 {
    let project_names = [core_name(&stage.name), core_name(&stage.name_en)];
    let project_names = project_names.iter().filter(|n| !n.is_empty());
    let mut score: f64 = 0.0;
    for project in project_names {
        for reference in reference_names {
            let s = if project == reference {
                SAME_NAME
            } else if project.contains(reference.as_str()) || reference.contains(project.as_str()) {
                NAME_CONTAINS
            } else {
                let near = dice(project, reference);
                if near >= NEAR_NAME { 2.0 + near } else { 0.0 }
            };
            score = score.max(s);
        }
    }
    let wanted: BTreeSet<&str> = reference.products.iter().map(|p| p.name.as_str()).collect();
    let shared: BTreeSet<&str> = stage
        .products
        .iter()
        .filter_map(|p| synonyms.reference_of(&p.name))
        .filter(|name| wanted.contains(name))
        .collect();
    if !wanted.is_empty() && !shared.is_empty() {
        // Sharing products adds to a name match and on its own makes a match (1–2).
        score += 1.0 + shared.len() as f64 / wanted.len() as f64;
    }
    score
}

/// Dice similarity of two names over their character pairs (0–1).
fn dice(a: &str, b: &str) -> f64 {
    fn pairs(s: &str) -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    }
    let (pa, pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return 0.0;
    }
    let mut rest = pb.clone();
    let mut common = 0usize;
    for pair in &pa {
        if let Some(i) = rest.iter().position(|q| q == pair) {
            rest.swap_remove(i);
            common += 1;
        }
    }
    2.0 * common as f64 / (pa.len() + pb.len()) as f64
}

/// Each reference product to the project's name for it: first among the products of the
/// project stage matched to its reference stage, then anywhere in the chain.
fn match_products(
    template: &Template,
    compared: &Chain,
    stages: &BTreeMap<StageId, Option<StageId>>,
    synonyms: &SynonymKeys,
) -> BTreeMap<String, Option<String>> {
    let mut products = BTreeMap::new();
    for reference in &template.chain.stages {
        let home = stages
            .get(&reference.id)
            .and_then(Option::as_ref)
            .and_then(|id| compared.stage(id));
        for product in &reference.products {
            let stands_for = |name: &&str| synonyms.reference_of(name) == Some(&product.name);
            let in_home = home
                .into_iter()
                .flat_map(|s| s.products.iter().map(|p| p.name.as_str()))
                .find(stands_for);
            let anywhere = || {
                compared
                    .stages
                    .iter()
                    .flat_map(|s| s.products.iter().map(|p| p.name.as_str()))
                    .find(stands_for)
            };
            let found = in_home.or_else(anywhere).map(str::to_owned);
            products.entry(product.name.clone()).or_insert(found);
        }
    }
    products
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::model::{Product, Segment};

    fn stage(id: &str, name: &str, products: &[&str]) -> Stage {
        Stage {
            id: id.into(),
            name: name.to_owned(),
            segment: Segment::Upstream,
            products: products
                .iter()
                .map(|p| Product {
                    name: (*p).to_owned(),
                    required: true,
                })
                .collect(),
            ..Stage::default()
        }
    }

    fn edible_fungi() -> Template {
        super::super::builtin()
            .find("edible-fungi")
            .expect("edible-fungi is built in")
            .clone()
    }

    fn project_with(stages: Vec<Stage>) -> Project {
        let mut project = Project::new("t");
        project.chains.insert(
            "c".into(),
            Chain {
                id: "c".into(),
                name: "木耳".to_owned(),
                stages,
                ..Chain::default()
            },
        );
        project
    }

    #[test]
    fn stages_match_by_name_alias_near_name_and_products() {
        let project = project_with(vec![
            stage("a", "菌种研发与繁育", &["母种"]),
            // An alias of 出菇种植, with bracketed detail.
            stage("b", "种植基地(地栽/吊袋)", &["鲜木耳"]),
            // Near name of 设施与装备.
            stage("c", "设施装备(大棚/灭菌设备)", &["大棚"]),
            // No shared name: matched by 检测 ~ 质量检测 (the analysis's synonyms).
            stage("d", "标准化服务", &["检测", "品种选育"]),
            stage("e", "不相干的环节", &["无关产品"]),
        ]);
        let m = suggest(&edible_fungi(), &project, &"c".into());
        let of = |r: &str| m.stages[&StageId::from(r)].clone().map(|s| s.0);
        assert_eq!(of("U1").as_deref(), Some("a"));
        assert_eq!(of("M1").as_deref(), Some("b"));
        assert_eq!(of("U4").as_deref(), Some("c"));
        assert_eq!(of("S1").as_deref(), Some("d"));
        assert_eq!(m.stages.values().flatten().count(), 4, "{m:?}");
        assert_eq!(m.stages.len(), 14, "every reference stage is listed");
        assert_eq!(m.template, "edible-fungi");
    }

    #[test]
    fn products_match_by_synonym_preferring_the_matched_stage() {
        let project = project_with(vec![
            stage("u3", "菌包(棒)工厂化生产", &["菌棒"]),
            stage("m1", "出菇种植", &["鲜木耳"]),
            stage("x", "其他", &["菌包"]),
        ]);
        let m = suggest(&edible_fungi(), &project, &"c".into());
        // 菌棒 is a synonym of 菌包 in the template and lies in the matched stage.
        assert_eq!(m.products["菌包"].as_deref(), Some("菌棒"));
        assert_eq!(m.products["鲜菇"].as_deref(), Some("鲜木耳"));
        assert_eq!(m.products["母种"], None);
    }

    #[test]
    fn a_project_stage_answers_for_one_reference_stage() {
        let project = project_with(vec![stage("x", "品牌营销与电商", &["电商销售"])]);
        let m = suggest(&edible_fungi(), &project, &"c".into());
        let matched: Vec<_> = m.stages.iter().filter(|(_, p)| p.is_some()).collect();
        assert_eq!(matched.len(), 1);
        assert_eq!(matched[0].0.as_str(), "D2");
    }

    #[test]
    fn the_zhashui_sample_matches_its_reference_chain() {
        let text = include_str!("../../sample_projects/zhashui-fungus.chainmap.json");
        let project = crate::file::load_str(text, crate::file::LoadOptions::default())
            .expect("loads")
            .project;
        let chain = project.chains.keys().next().unwrap().clone();
        let m = suggest(&edible_fungi(), &project, &chain);
        let of = |r: &str| m.stages[&StageId::from(r)].clone().map(|s| s.0);
        for (reference, project_stage) in [
            ("U1", "U1"),
            ("U2", "U2"),
            ("U3", "U3"),
            ("U4", "U4"),
            ("M1", "M1"),
            ("M2", "M2"),
            ("M3", "M3"),
            ("D1", "D1"),
            ("D2", "D2"),
            ("D3", "D4"),
            ("S1", "S1"),
            ("S3", "S3"),
            ("S4", "S2"),
        ] {
            assert_eq!(of(reference).as_deref(), Some(project_stage), "{reference}");
        }
        assert_eq!(m.products["干菇"].as_deref(), Some("干木耳"));
    }

    #[test]
    fn dice_of_near_names() {
        assert!((dice("设施装备", "设施与装备") - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(dice("a", "abc"), 0.0);
        assert_eq!(dice("abc", "abc"), 1.0);
    }
}
