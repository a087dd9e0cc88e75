//! Reference chains (全景图): the chains counties build, shipped as templates in
//! `assets/templates/` and built into the binary, so the app finds them from any folder.
//!
//! A template's `chain` is a project's `Chain` (same schema, so it drops into a project as it
//! is). Beside it the template carries what a reference knows and a project does not: each
//! stage's land use, industry codes and other names (`stage_info`), the names people use for
//! each product (`synonyms`), the typical product flows between stages, and the public sources
//! its structure follows. Pure data and functions: no UI.
//!
//! `catalogue()` parses and validates every built-in template; `validate` holds the rules;
//! `new_project` makes a project from a template.

mod check;
pub mod compare;
mod embedded;
pub mod matching;
mod validate;

pub use check::check_matchings;
pub use validate::validate;

use crate::i18n::Lang;
use crate::model::meta::Identity;
use crate::model::{Chain, Issue, Project, ReferenceMatch, StageId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a template file says it is in its `format` field.
pub const FORMAT: &str = "chainmap-template";
/// The newest template schema this build reads.
pub const VERSION: u32 = 1;

/// A reference chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// Always `chainmap-template`.
    pub format: String,
    /// The schema version (1).
    pub version: u32,
    /// The content's revision, raised whenever stages, products or flows change, so a matching
    /// saved against one revision can tell it is stale.
    pub revision: u32,
    /// What the chain covers, in a sentence.
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub description_en: String,
    /// The chain itself: id (the template's id), names, stages with segment, activity and products.
    pub chain: Chain,
    /// What the template knows of each stage beyond the chain's schema, by stage id.
    #[serde(default)]
    pub stage_info: BTreeMap<StageId, StageInfo>,
    /// Other names people use for a product, by the product's name (菌包: 菌棒, 菌袋 …).
    #[serde(default)]
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// The typical product flows between stages.
    #[serde(default)]
    pub flows: Vec<Flow>,
    /// The public sources the structure follows.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A stage's facts beyond the chain schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageInfo {
    /// The land the stage's activity needs.
    pub land_use: LandUse,
    /// GB/T 4754—2017 codes of the industry the stage's main activity falls in (a four-digit
    /// class, or a two- or three-digit group where the stage spans several classes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industry_codes: Vec<String>,
    /// Other names of the stage (种植基地, 出耳基地 …), for matching a county's stages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

pub use crate::model::LandUse;

/// A product going from the stage that makes it to a stage that uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub from: StageId,
    pub to: StageId,
    pub product: String,
}

/// A public source the template's structure follows; the template words it in its own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    /// The document's title as published (with its number, e.g. GB/T 4754—2017).
    pub title: String,
    /// Who published it.
    pub publisher: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// What the template takes from it.
    pub used_for: String,
}

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A national or provincial plan, opinion or programme.
    Plan,
    /// A national, industry or local standard, or a regulatory norm.
    Standard,
    /// A statistical classification (GB/T 4754, 战略性新兴产业分类 …).
    Classification,
    /// A published industry-chain map (产业链图谱) or report.
    Map,
}

impl Template {
    /// The template's id: its chain's id.
    pub fn id(&self) -> &str {
        self.chain.id.as_str()
    }

    /// The chain's name in the chosen language (English falls back to Chinese).
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.chain.name_en.is_empty() => &self.chain.name_en,
            _ => &self.chain.name,
        }
    }

    /// Number of stages.
    pub fn stage_count(&self) -> usize {
        self.chain.stages.len()
    }

    /// Number of distinct products over all stages.
    pub fn product_count(&self) -> usize {
        self.chain
            .stages
            .iter()
            .flat_map(|s| s.products.iter().map(|p| p.name.as_str()))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    }
}

/// The built-in templates that passed validation, in catalogue order, and the problems of those
/// that did not (empty in a release: tests/templates.rs checks every file).
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub templates: Vec<Template>,
    pub problems: Vec<Issue>,
}

impl Catalogue {
    /// The template with this id.
    pub fn find(&self, id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.id() == id)
    }

    /// Every template's id, in catalogue order.
    pub fn ids(&self) -> Vec<&str> {
        self.templates.iter().map(Template::id).collect()
    }
}

/// Every built-in template, parsed and validated. A template with errors is left out and its
/// problems listed; warnings do not keep a template out.
pub fn catalogue() -> Catalogue {
    let mut catalogue = Catalogue::default();
    for (file, text) in embedded::FILES {
        let place = format!("assets/templates/{file}");
        let template = match parse(&place, text) {
            Ok(template) => template,
            Err(issues) => {
                catalogue.problems.extend(issues);
                continue;
            }
        };
        let mut issues = validate(&template, &place);
        if format!("{}.json", template.id()) != *file {
            issues.push(Issue::error(
                "template_file_name",
                place.clone(),
                format!("模板文件名应为“{}.json”(与产业链编号一致)", template.id()),
                format!(
                    "the template's file should be named \"{}.json\" after its chain id",
                    template.id()
                ),
            ));
        }
        if catalogue.find(template.id()).is_some() {
            issues.push(Issue::error(
                "duplicate_id",
                place.clone(),
                format!("模板编号“{}”已被另一个模板使用", template.id()),
                format!(
                    "template id \"{}\" is used by another template",
                    template.id()
                ),
            ));
        }
        let failed = crate::model::validate::has_errors(&issues);
        catalogue.problems.extend(issues);
        if !failed {
            catalogue.templates.push(template);
        }
    }
    catalogue
}

/// The built-in catalogue, parsed and validated once per run (the GUI and the analysis look
/// templates up every revision).
pub fn builtin() -> &'static Catalogue {
    static CATALOGUE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(catalogue)
}

/// The names of the built-in template files, as they lie in `assets/templates/`.
pub fn embedded_files() -> Vec<&'static str> {
    embedded::FILES.iter().map(|(file, _)| *file).collect()
}

/// Reads a template from JSON text. Syntax and type errors, and fields the schema does not know
/// (a misspelt field would silently drop what it holds), are errors naming `place` and where.
pub fn parse(place: &str, text: &str) -> Result<Template, Vec<Issue>> {
    let mut unknown = Vec::new();
    let mut json = serde_json::Deserializer::from_str(text);
    let result: Result<Template, _> =
        serde_ignored::deserialize(&mut json, |path| unknown.push(path.to_string()));
    let mut issues: Vec<Issue> = unknown
        .iter()
        .map(|field| {
            Issue::error(
                "unknown_field",
                format!("{place}: {field}"),
                format!("未知字段“{field}”"),
                format!("unknown field \"{field}\""),
            )
        })
        .collect();
    match result {
        Ok(template) if issues.is_empty() => Ok(template),
        Ok(_) => Err(issues),
        Err(e) => {
            issues.push(Issue::error(
                "template_syntax",
                format!("{place}: line {}, column {}", e.line(), e.column()),
                format!("模板无法读取:{e}"),
                format!("the template cannot be read: {e}"),
            ));
            Err(issues)
        }
    }
}

/// A new project of `identity` (name, county, unit, year) whose one chain is the template's:
/// its stages and products, ready for the county's firms.
pub fn new_project(template: &Template, identity: &Identity) -> Project {
    let mut project = identity.project();
    let mut chain = template.chain.clone();
    chain.order = 0;
    // Each stage takes the land use the reference knows for it (the 主体功能区 check and the
    // town classes read it), unless the template's chain already says.
    for stage in &mut chain.stages {
        if stage.land_use.is_none() {
            stage.land_use = template.stage_info.get(&stage.id).map(|i| i.land_use);
        }
    }
    project.chains.insert(chain.id.clone(), chain);
    // Compared with its template from the start, so the ghost beads, the reference gaps and
    // the 招商 list's synonyms work without a trip through the Compare dialog.
    let matching = self_matching(template);
    project.references.insert(matching.chain.clone(), matching);
    project
}

/// The matching of a chain that is the template's own copy: every reference stage and product
/// matched to itself (the project made from the template is compared from the start).
pub fn self_matching(template: &Template) -> ReferenceMatch {
    ReferenceMatch {
        chain: template.chain.id.clone(),
        template: template.id().to_owned(),
        revision: template.revision,
        stages: template
            .chain
            .stages
            .iter()
            .map(|s| (s.id.clone(), Some(s.id.clone())))
            .collect(),
        products: template
            .chain
            .stages
            .iter()
            .flat_map(|s| &s.products)
            .map(|p| (p.name.clone(), Some(p.name.clone())))
            .collect(),
    }
}

#[cfg(test)]
mod tests;
