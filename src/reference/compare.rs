//! A project's chain set against its reference chain (全景图 vs 现状): which reference stages
//! and products the county has, has weakly, or lacks, under the matching the user confirmed.
//!
//! The rules (docs/INDICATORS.md, "Reference chains"):
//!
//! - a reference stage is **missing** when no project stage is matched to it, or the matched
//!   stage has no local firm; else it has the project stage's status (weak without a 规上,
//!   专精特新 or 高新 firm);
//! - a reference product is available locally by DOMAIN.md's rule (a local firm's stage lists
//!   it, the firm lists it among its products, or supplies it on a link), under its template
//!   name, the template's synonyms for it and the project's name for it in the matching, names
//!   compared as the gap analysis compares them (`names::key`): **missing** when no local firm
//!   can supply it; else as the project's report of that product says, or, when the project does
//!   not list it, by the same rules measured over all its names (local share, concentration);
//! - the comparison is **stale** when the template has been revised since the matching was
//!   confirmed, or the template is not a built-in one.

use crate::analysis::gaps::names::key;
use crate::analysis::gaps::{Availability, measure_supply};
use crate::analysis::{ProductReport, StageReport, Status};
use crate::i18n::Lang;
use crate::model::{ChainId, ReferenceMatch, Segment, StageId};
use crate::reference::Template;
use std::collections::BTreeSet;

/// One compared chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The project's chain.
    pub chain: ChainId,
    /// The reference chain's template id.
    pub template: String,
    /// The template has been revised since the matching was confirmed (or is not built in any
    /// more): the user should confirm the matching again.
    pub stale: bool,
    /// Every reference stage, in the reference chain's order.
    pub stages: Vec<StageComparison>,
    /// Every reference product, in stage order, then as the template lists them.
    pub products: Vec<ProductComparison>,
}

/// A reference stage and what the county has of it.
#[derive(Debug, Clone, PartialEq)]
pub struct StageComparison {
    /// Its id in the template.
    pub reference: StageId,
    pub name: String,
    pub name_en: String,
    pub segment: Segment,
    /// The project's stage matched to it, if any.
    pub project: Option<StageId>,
    /// Missing when unmatched or the matched stage has no local firm; else the project stage's
    /// status.
    pub status: Status,
}

/// A reference product and what the county has of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductComparison {
    /// The reference stage that lists it.
    pub reference_stage: StageId,
    /// Its name in the template.
    pub name: String,
    /// The project's name for it, if matched.
    pub project_name: Option<String>,
    pub required: bool,
    /// Missing when no local firm can supply it; weak or ok as the project's product report
    /// says.
    pub status: Status,
}

impl Comparison {
    /// The comparison in a line: "“木耳产业链”对照参考产业链“食用菌产业链”:环节 14/14 已有(其中
    /// 薄弱 9)· 必需产品 15/20 本地可供应" (the Gaps panel and the report).
    pub fn summary(&self, project: &crate::model::Project, lang: Lang) -> String {
        let c = self;
        let template = crate::reference::builtin()
            .find(&c.template)
            .map_or(c.template.clone(), |t| t.name(lang).to_owned());
        let chain = project
            .chains
            .get(&c.chain)
            .map_or(c.chain.to_string(), |ch| match lang {
                Lang::En if !ch.name_en.is_empty() => ch.name_en.clone(),
                _ => ch.name.clone(),
            });
        let present = c
            .stages
            .iter()
            .filter(|s| s.status != Status::Missing)
            .count();
        let weak = c.stages.iter().filter(|s| s.status == Status::Weak).count();
        let required: Vec<_> = c.products.iter().filter(|p| p.required).collect();
        let supplied = required
            .iter()
            .filter(|p| p.status != Status::Missing)
            .count();
        let stale = if c.stale {
            lang.pick(
                "(参考链已修订,匹配待重新确认)",
                " (the reference chain has been revised: confirm the matching again)",
            )
        } else {
            ""
        };
        match lang {
            Lang::Zh => format!(
                "“{chain}”对照参考产业链“{template}”:环节 {present}/{} 已有(其中薄弱 {weak})· 必需产品 {supplied}/{} 本地可供应{stale}",
                c.stages.len(),
                required.len()
            ),
            Lang::En => format!(
                "\"{chain}\" against the reference chain \"{template}\": {present}/{} stages present ({weak} weak) · {supplied}/{} required products available locally{stale}",
                c.stages.len(),
                required.len()
            ),
        }
    }

    /// The comparison of a reference stage.
    pub fn stage(&self, reference: &StageId) -> Option<&StageComparison> {
        self.stages.iter().find(|s| &s.reference == reference)
    }

    /// The reference products of a reference stage, as the template lists them.
    pub fn products_of<'c>(
        &'c self,
        reference: &'c StageId,
    ) -> impl Iterator<Item = &'c ProductComparison> + 'c {
        self.products
            .iter()
            .filter(move |p| &p.reference_stage == reference)
    }
}

/// Every name a reference product goes by: its template name, the template's synonyms for it
/// and the project's name for it in the matching, as `names::key` keys.
pub fn product_keys(
    template: &Template,
    matching: &ReferenceMatch,
    product: &str,
) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = std::iter::once(key(product)).collect();
    if let Some(others) = template.synonyms.get(product) {
        keys.extend(others.iter().map(|s| key(s)));
    }
    if let Some(Some(own)) = matching.products.get(product) {
        keys.insert(key(own));
    }
    keys
}

/// What the comparison reads of an analysis: who can supply what, and the project's stage and
/// product reports of the compared chain. Built by the analysis (`analysis::analyze`, or
/// `compare_project` below).
pub struct Parts<'a, 'p> {
    pub(crate) avail: &'a Availability<'p>,
    pub stages: &'a [StageReport],
    pub products: &'a [ProductReport],
}

/// Compares the project's chain of `matching` with `template`, under the matching.
pub fn compare(parts: &Parts, matching: &ReferenceMatch, template: &Template) -> Comparison {
    let built_in = crate::reference::builtin()
        .find(template.id())
        .is_some_and(|t| t.revision == template.revision);
    let stale =
        !built_in || matching.revision != template.revision || matching.template != template.id();
    let stages = template
        .chain
        .stages
        .iter()
        .map(|stage| {
            // A matched stage the project no longer has counts as unmatched (validation warns).
            let report = matching
                .stages
                .get(&stage.id)
                .and_then(Option::as_ref)
                .and_then(|own| parts.stages.iter().find(|r| &r.id == own));
            StageComparison {
                reference: stage.id.clone(),
                name: stage.name.clone(),
                name_en: stage.name_en.clone(),
                segment: stage.segment,
                project: report.map(|r| r.id.clone()),
                status: match report {
                    Some(r) if !r.local_enterprises.is_empty() => r.status,
                    _ => Status::Missing,
                },
            }
        })
        .collect();
    let products = template
        .chain
        .stages
        .iter()
        .flat_map(|stage| stage.products.iter().map(move |p| (stage, p)))
        .map(|(stage, product)| {
            let keys = product_keys(template, matching, &product.name);
            let supply = measure_supply(parts.avail, &keys);
            let own_status = parts
                .products
                .iter()
                .filter(|r| keys.contains(&key(&r.name)) && r.status != Status::Missing)
                .map(|r| r.status)
                .min();
            ProductComparison {
                reference_stage: stage.id.clone(),
                name: product.name.clone(),
                project_name: matching.products.get(&product.name).cloned().flatten(),
                required: product.required,
                status: match (supply.status, own_status) {
                    (Status::Missing, _) => Status::Missing,
                    (_, Some(own)) => own,
                    (measured, None) => measured,
                },
            }
        })
        .collect();
    Comparison {
        chain: matching.chain.clone(),
        template: template.id().to_owned(),
        stale,
        stages,
        products,
    }
}

/// The comparison of one matching on its own (the matching dialog's preview): the gap analysis
/// of the matching's chain for `year` (the project's base year when none), compared with
/// `template`. The network measures are not needed and not computed.
pub fn compare_project(
    project: &crate::model::Project,
    matching: &ReferenceMatch,
    template: &Template,
    year: Option<crate::model::Year>,
) -> Comparison {
    crate::analysis::gaps::compare_alone(project, matching, template, year)
}
