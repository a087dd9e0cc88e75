//! Stage coverage, product completeness, local supporting rates and the four gap classes, as
//! DOMAIN.md defines them (issue 16: local by place, gaps by capability):
//!
//! - **补链 (fill)**: a stage with no local firm; a required product no local firm can supply;
//! - **强链 (strengthen)**: a stage with no 规上, 专精特新 or 高新 firm; a required product whose
//!   local supply covers less than half of local buyers' purchases of it, or whose supply is
//!   highly concentrated (HHI > 0.25) where at least three firms could supply;
//! - **延链 (extend)**: a farm chain whose 加工产值比 falls short of the target (`extension`);
//! - **固链 (secure)**: a key buyer whose only source of a product is outside the county; one
//!   local supplier that is the only source of a product for several local buyers.
//!
//! Each gap carries advice fitting the node it is about (`advice`). `availability` says who can
//! supply what, `names` matches product names, `supply` measures a product's local supply,
//! `rates` holds the 本地配套率, `coverage` the stage and product reports, `secure` the 固链
//! gaps, `reference` the gaps a reference chain (全景图) adds, `priority` every gap's score and
//! rank (issue 18); this file holds the reports and puts them together.

mod advice;
mod availability;
mod coverage;
pub(super) mod json;
pub mod names;
mod priority;
pub mod rates;
mod reference;
mod secure;
mod supply;

use super::extension::{self, Extension};
use super::local::Localities;
use crate::i18n::Lang;
use crate::model::{ChainId, Node, NodeId, Project, ReferenceMatch, Segment, StageId, Year};
use crate::reference::Template;
use crate::reference::compare::Comparison;
pub(crate) use availability::Availability;
pub use coverage::{HHI_CONCENTRATED, MIN_LOCAL_SHARE, MIN_POSSIBLE_SUPPLIERS, is_strong_firm};
pub(crate) use json::gap as gap_json;
pub use priority::{WEIGHT_BUYERS, WEIGHT_CONCENTRATION, WEIGHT_LEADER, WEIGHT_VALUE};
pub use rates::{Purchases, RateSource, Rates, SupplyRate};
pub(crate) use reference::compare_alone;
pub(crate) use supply::measure as measure_supply;

/// How well a stage or product is covered locally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Missing,
    Weak,
    Ok,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Weak => "weak",
            Status::Ok => "ok",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Missing => lang.pick("缺失", "Missing"),
            Status::Weak => lang.pick("薄弱", "Weak"),
            Status::Ok => lang.pick("完整", "OK"),
        }
    }
}

/// The four gap classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GapClass {
    Missing,
    Weak,
    Extend,
    AtRisk,
}

impl GapClass {
    pub const ALL: [GapClass; 4] = [
        GapClass::Missing,
        GapClass::Weak,
        GapClass::Extend,
        GapClass::AtRisk,
    ];

    pub fn code(self) -> &'static str {
        match self {
            GapClass::Missing => "missing",
            GapClass::Weak => "weak",
            GapClass::Extend => "extend",
            GapClass::AtRisk => "at_risk",
        }
    }

    /// What the finding is, in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            GapClass::Missing => lang.pick("缺失", "Missing"),
            GapClass::Weak => lang.pick("薄弱", "Weak"),
            GapClass::Extend => lang.pick("可延伸", "To extend"),
            GapClass::AtRisk => lang.pick("有风险", "At risk"),
        }
    }

    /// The policy word for it.
    pub fn action(self, lang: Lang) -> &'static str {
        match self {
            GapClass::Missing => lang.pick("补链", "Fill"),
            GapClass::Weak => lang.pick("强链", "Strengthen"),
            GapClass::Extend => lang.pick("延链", "Extend"),
            GapClass::AtRisk => lang.pick("固链", "Secure"),
        }
    }
}

/// Coverage figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Completeness {
    /// Stages with ≥ 1 local enterprise ÷ all stages; none when there are no stages.
    pub stage: Option<f64>,
    /// Required products with ≥ 1 local supplier ÷ required products; none when none required.
    pub product: Option<f64>,
    pub stages_covered: usize,
    pub stages_total: usize,
    pub products_covered: usize,
    pub products_required: usize,
}

/// One stage.
#[derive(Debug, Clone, PartialEq)]
pub struct StageReport {
    pub id: StageId,
    pub chain: ChainId,
    pub name: String,
    pub segment: Segment,
    pub local_enterprises: Vec<NodeId>,
    /// Output of its local firms (enclave firms by their share).
    pub output: f64,
    /// Value added of its local firms; none when none has the figure.
    pub value_added: Option<f64>,
    /// Over its local buyers (firms whose main stage it is); none without any: never 100 %.
    pub local_supporting_rate: Option<f64>,
    pub rate_source: Option<RateSource>,
    pub status: Status,
}

/// One product of a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductReport {
    pub stage: StageId,
    pub name: String,
    pub required: bool,
    pub status: Status,
    /// Local firms able to supply it (by stage, own products or links), by id.
    pub suppliers: Vec<NodeId>,
    /// Suppliers outside the county on its links into local buyers.
    pub external_suppliers: Vec<NodeId>,
    /// Σ sᵢ² over the suppliers' shares of local buyers' purchases of it; none without values.
    pub hhi: Option<f64>,
    /// Local supply ÷ local buyers' purchases of it; none without values.
    pub local_share: Option<f64>,
    /// Firms that could supply it, local or not.
    pub possible_suppliers: usize,
}

/// One gap, with what to do and who is involved.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub class: GapClass,
    /// The project's stage it is about; none for a whole chain (延链 by conversion) and for a
    /// reference stage no project stage is matched to (`reference` names it then).
    pub stage: Option<StageId>,
    pub product: Option<String>,
    pub nodes: Vec<NodeId>,
    pub zh: String,
    pub en: String,
    /// What to do, fitting the node it is about.
    pub advice_zh: &'static str,
    pub advice_en: &'static str,
    /// Whether the project's own chain or the reference chain it is compared with found it.
    pub origin: GapOrigin,
    /// For a gap the reference chain found: the template and its stage the gap is about (the
    /// project may have no such stage, so `stage` may be none).
    pub reference: Option<GapReference>,
    /// How much it matters, with the parts the score is made of (issue 18).
    pub priority: Priority,
}

/// Where a gap was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum GapOrigin {
    /// The stages and products the project lists.
    #[default]
    Project,
    /// A stage or required product of the reference chain (全景图) the county lacks.
    Reference,
}

impl GapOrigin {
    pub fn code(self) -> &'static str {
        match self {
            GapOrigin::Project => "project",
            GapOrigin::Reference => "reference",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            GapOrigin::Project => lang.pick("本链", "own chain"),
            GapOrigin::Reference => lang.pick("参考链", "reference chain"),
        }
    }
}

/// Where in a reference chain a reference gap lies.
#[derive(Debug, Clone, PartialEq)]
pub struct GapReference {
    /// The project's chain compared.
    pub chain: ChainId,
    /// The template's id.
    pub template: String,
    /// The template's chain name, Chinese and English.
    pub template_name: String,
    pub template_name_en: String,
    /// The reference stage, by its id in the template.
    pub stage: StageId,
    pub stage_name: String,
    pub stage_name_en: String,
}

/// A gap's priority: the score and rank, and what they are made of, so a user can see why one
/// gap comes before another. The formula is in the user guide (docs/INDICATORS.md).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Priority {
    /// 0–100, higher first.
    pub score: f64,
    /// 1 for the highest score; gaps of equal score share no rank (ties broken by class, then
    /// stage order).
    pub rank: usize,
    /// The supply the gap concerns (the project's unit a year): local buyers' purchases of the
    /// product or from the stage, from links and figures.
    pub value_at_stake: f64,
    /// Local firms that buy the product or from the stage.
    pub buyers: usize,
    /// Whether a 链主 (tagged, or the top leader candidate) is among those buyers.
    pub leader_depends: bool,
    /// For a concentrated or at-risk supply: the HHI of its suppliers' shares (0–1).
    pub concentration: Option<f64>,
    /// The value at stake as a share of the largest among the analysis's gaps (0–1): the
    /// value part of the score before its weight.
    pub value_share: f64,
    /// The buyers as a share of the most any gap has (0–1): the buyers part before its weight.
    pub buyers_share: f64,
}

impl Gap {
    pub fn new(
        class: GapClass,
        stage: Option<&StageId>,
        product: Option<&str>,
        nodes: Vec<NodeId>,
        (zh, en): (String, String),
        (advice_zh, advice_en): (&'static str, &'static str),
    ) -> Gap {
        Gap {
            class,
            stage: stage.cloned(),
            product: product.map(str::to_owned),
            nodes,
            zh,
            en,
            advice_zh,
            advice_en,
            origin: GapOrigin::Project,
            reference: None,
            priority: Priority::default(),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    pub fn advice(&self, lang: Lang) -> &'static str {
        lang.pick(self.advice_zh, self.advice_en)
    }

    /// The name of the stage it is about: the project's stage, else the reference chain's
    /// ("食用菌 · 菌包(棒)工厂化生产"); empty for a gap of a whole chain.
    pub fn stage_name(&self, project: &Project, lang: Lang) -> String {
        let own = self
            .stage
            .as_ref()
            .and_then(|s| project.stage(s))
            .map(|(_, s)| match lang {
                Lang::En if !s.name_en.is_empty() => s.name_en.clone(),
                _ => s.name.clone(),
            });
        match (own, &self.reference) {
            (Some(name), _) => name,
            (None, Some(r)) => match lang {
                Lang::Zh => format!("{} · {}", r.template_name, r.stage_name),
                Lang::En => format!("{} · {}", r.template_name_en, r.stage_name_en),
            },
            (None, None) => String::new(),
        }
    }
}

impl super::Analysis {
    /// The local supporting rate with where it comes from: "本地配套率 84.9%(调查+连线;关键企业
    /// 3 家,调查 1 家)· 调查 80.0% · 按连线 86.0%".
    pub fn rate_line(&self, lang: Lang) -> String {
        let r = &self.supply_rate;
        let source = r.source.map(|s| s.label(lang)).unwrap_or("—");
        let n = r.buyers.len();
        let who = match (lang, r.key_buyers_only) {
            (Lang::Zh, true) => format!("关键企业 {n} 家,调查 {} 家", r.surveyed_buyers),
            (Lang::Zh, false) => format!(
                "未标注规上或链主,计全部 {n} 家买方,调查 {} 家",
                r.surveyed_buyers
            ),
            (Lang::En, true) => format!(
                "{n} key buyer{}, {} surveyed",
                if n == 1 { "" } else { "s" },
                r.surveyed_buyers
            ),
            (Lang::En, false) => format!(
                "no firm marked 规上 or 链主: all {n} buyers, {} surveyed",
                r.surveyed_buyers
            ),
        };
        match lang {
            Lang::Zh => format!(
                "本地配套率 {}({source};{who})· 调查 {} · 按连线 {}",
                super::percent(r.value),
                super::percent(r.surveyed),
                super::percent(r.link_based)
            ),
            Lang::En => format!(
                "Local supporting rate {} ({source}; {who}) · surveyed {} · link-based {}",
                super::percent(r.value),
                super::percent(r.surveyed),
                super::percent(r.link_based)
            ),
        }
    }
}

pub(super) struct GapReport {
    pub completeness: Completeness,
    pub supply_rate: SupplyRate,
    pub stages: Vec<StageReport>,
    pub products: Vec<ProductReport>,
    pub gaps: Vec<Gap>,
    pub extension: Vec<Extension>,
    pub comparisons: Vec<Comparison>,
}

/// Everything the gap analysis needs to know besides the project.
pub(super) struct Scope<'a> {
    pub chain: Option<&'a ChainId>,
    pub year: Option<Year>,
    pub places: &'a Localities,
    /// Whether a node belongs to the analysed chain (all nodes without a chain filter).
    pub in_scope: &'a dyn Fn(&Node) -> bool,
    /// The top eligible 链主 candidate (gap priority).
    pub leader: Option<&'a NodeId>,
    /// The matchings to compare, each with its template (chains in scope only).
    pub references: &'a [(&'a ReferenceMatch, &'a Template)],
}

pub(super) fn analyse(project: &Project, scope: &Scope) -> GapReport {
    let stages: Vec<_> = project
        .stages()
        .filter(|(c, _)| scope.chain.is_none_or(|id| &c.id == id))
        .collect();
    let places = scope.places;
    let avail = Availability::new(project, places);
    let rates = Rates::new(project, places, scope.year);
    let mut gaps = Vec::new();
    let mut stage_reports = Vec::new();
    let mut products = Vec::new();
    for (chain_of, stage) in &stages {
        let report = coverage::stage_report(&avail, &rates, chain_of, stage, &mut gaps);
        for product in &stage.products {
            products.push(coverage::product_report(&avail, stage, product, &mut gaps));
        }
        stage_reports.push(report);
    }
    let extension: Vec<Extension> = project
        .chains_in_order()
        .into_iter()
        .filter(|c| scope.chain.is_none_or(|id| &c.id == id))
        .map(|c| extension::extension(project, places, c, scope.year))
        .collect();
    gaps.extend(extension.iter().filter_map(|e| extension::gap(project, e)));
    let local_buyers: Vec<&Node> = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() && places.is_local(&n.id) && (scope.in_scope)(n))
        .collect();
    let (key_buyers, _) = rates::key_buyers(&local_buyers);
    secure::secure_gaps(&avail, &stages, &key_buyers, &local_buyers, &mut gaps);

    let comparisons = reference::compare_references(
        &avail,
        scope.references,
        (&stage_reports, &products),
        scope.leader,
        &mut gaps,
    );

    let required: Vec<&ProductReport> = products.iter().filter(|p| p.required).collect();
    let covered_stages = stage_reports
        .iter()
        .filter(|s| !s.local_enterprises.is_empty())
        .count();
    let covered_products = required.iter().filter(|p| !p.suppliers.is_empty()).count();
    let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    GapReport {
        completeness: Completeness {
            stage: ratio(covered_stages, stage_reports.len()),
            product: ratio(covered_products, required.len()),
            stages_covered: covered_stages,
            stages_total: stage_reports.len(),
            products_covered: covered_products,
            products_required: required.len(),
        },
        supply_rate: rates.chain(&local_buyers),
        stages: stage_reports,
        products,
        gaps,
        extension,
        comparisons,
    }
}
