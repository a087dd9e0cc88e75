//! The rules a reference chain keeps: a well-formed chain (ids, names in both languages, stages
//! in segment order), enough of it to be a reference (≥ 8 stages, ≥ 20 products), every flow
//! between stages that exist carrying a product its source stage makes, every stage's land use,
//! synonyms and aliases that name one thing only, and named sources.

use super::{FORMAT, Template, VERSION};
use crate::analysis::gaps::names::normalise;
use crate::model::{Issue, Segment, Stage};
use std::collections::{BTreeMap, BTreeSet};

/// A reference chain has at least this many stages …
pub const MIN_STAGES: usize = 8;
/// … and at least this many products over all its stages.
pub const MIN_PRODUCTS: usize = 20;

/// Every problem of `template`, each placed under `place` (the file): errors keep the template
/// out of the catalogue, warnings do not.
pub fn validate(template: &Template, place: &str) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_header(template, place, &mut issues);
    check_stages(template, place, &mut issues);
    check_stage_info(template, place, &mut issues);
    check_synonyms(template, place, &mut issues);
    check_flows(template, place, &mut issues);
    check_sources(template, place, &mut issues);
    issues
}

fn error(code: &'static str, place: String, zh: String, en: String) -> Issue {
    Issue::error(code, place, zh, en)
}

fn check_header(t: &Template, place: &str, issues: &mut Vec<Issue>) {
    if t.format != FORMAT {
        issues.push(error(
            "template_format",
            format!("{place}: format"),
            format!("不是串珠参考链模板(format 应为“{FORMAT}”)"),
            format!("not a chainmap reference chain (format should be \"{FORMAT}\")"),
        ));
    }
    if t.version == 0 || t.version > VERSION {
        issues.push(error(
            "template_version",
            format!("{place}: version"),
            format!(
                "模板格式版本 {} 本程序不能读取(支持 1–{VERSION})",
                t.version
            ),
            format!(
                "template schema version {} cannot be read by this build (1–{VERSION})",
                t.version
            ),
        ));
    }
    if t.revision == 0 {
        issues.push(error(
            "template_revision",
            format!("{place}: revision"),
            "内容修订号(revision)应从 1 开始".to_owned(),
            "the content revision should start at 1".to_owned(),
        ));
    }
    let id = t.id();
    let id_ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        issues.push(error(
            "template_id",
            format!("{place}: chain/id"),
            format!("模板编号“{id}”只能由小写英文字母、数字和连字符组成(命令行要用它)"),
            format!(
                "template id \"{id}\" must be lower-case letters, digits and hyphens (it is typed on the command line)"
            ),
        ));
    }
    for (value, field) in [(&t.chain.name, "name"), (&t.chain.name_en, "name_en")] {
        if value.trim().is_empty() {
            issues.push(missing_name(format!("{place}: chain/{field}"), field));
        }
    }
    for (value, field) in [
        (&t.description, "description"),
        (&t.description_en, "description_en"),
    ] {
        if value.trim().is_empty() {
            issues.push(Issue::warning(
                "template_description",
                format!("{place}: {field}"),
                "模板缺少简介".to_owned(),
                "the template has no description".to_owned(),
            ));
        }
    }
}

fn missing_name(place: String, field: &str) -> Issue {
    let (zh, en) = if field == "name_en" {
        ("英文名称", "English name")
    } else {
        ("中文名称", "Chinese name")
    };
    error(
        "template_name",
        place,
        format!("缺少{zh}"),
        format!("the {en} is missing"),
    )
}

/// The letter a stage id starts with in its segment, as the samples' U1, M1, D1, S1.
fn segment_letter(segment: Segment) -> char {
    match segment {
        Segment::Upstream => 'U',
        Segment::Midstream => 'M',
        Segment::Downstream => 'D',
        Segment::Support => 'S',
    }
}

fn check_stages(t: &Template, place: &str, issues: &mut Vec<Issue>) {
    let stages = &t.chain.stages;
    if stages.len() < MIN_STAGES {
        issues.push(error(
            "template_too_small",
            format!("{place}: chain/stages"),
            format!("参考链只有 {} 个环节,至少要 {MIN_STAGES} 个", stages.len()),
            format!(
                "the reference chain has {} stages; it needs at least {MIN_STAGES}",
                stages.len()
            ),
        ));
    }
    let mut ids = BTreeSet::new();
    let mut maker: BTreeMap<&str, &str> = BTreeMap::new();
    let mut previous: Option<&Stage> = None;
    for stage in stages {
        let at = format!("{place}: chain/stages/{}", stage.id);
        check_stage_id(stage, &at, &mut ids, issues);
        for (value, field) in [(&stage.name, "name"), (&stage.name_en, "name_en")] {
            if value.trim().is_empty() {
                issues.push(missing_name(format!("{at}/{field}"), field));
            }
        }
        if stage.activity.is_none() {
            issues.push(error(
                "template_activity",
                format!("{at}/activity"),
                format!(
                    "环节“{}”未注明活动类型(farming / processing / other)",
                    stage.name
                ),
                format!(
                    "stage \"{}\" does not say its activity (farming / processing / other)",
                    stage.name
                ),
            ));
        }
        if let Some(before) = previous
            && stage.segment < before.segment
        {
            issues.push(error(
                "template_segment_order",
                at.clone(),
                format!(
                    "环节“{}”({})排在“{}”({})之后:环节应按上游、中游、下游、支撑的顺序排列",
                    stage.name,
                    stage.segment.label(crate::i18n::Lang::Zh),
                    before.name,
                    before.segment.label(crate::i18n::Lang::Zh)
                ),
                format!(
                    "stage \"{}\" ({}) comes after \"{}\" ({}): stages go upstream, midstream, downstream, support",
                    stage.name,
                    stage.segment.label(crate::i18n::Lang::En),
                    before.name,
                    before.segment.label(crate::i18n::Lang::En)
                ),
            ));
        }
        previous = Some(stage);
        for product in &stage.products {
            let name = product.name.trim();
            if name.is_empty() {
                issues.push(error(
                    "template_product_name",
                    format!("{at}/products"),
                    format!("环节“{}”有一个没有名称的产品", stage.name),
                    format!("stage \"{}\" has a product without a name", stage.name),
                ));
            } else if let Some(other) = maker.insert(name, stage.id.as_str()) {
                issues.push(error(
                    "template_product_twice",
                    format!("{at}/products"),
                    format!(
                        "产品“{name}”已列在环节“{other}”:每个产品只列在生产它的一个环节,用它的环节由 flows 表示"
                    ),
                    format!(
                        "product \"{name}\" is listed by stage \"{other}\" already: a product is listed once, by the stage that makes it; flows say who uses it"
                    ),
                ));
            }
        }
    }
    if maker.len() < MIN_PRODUCTS {
        issues.push(error(
            "template_too_small",
            format!("{place}: chain/stages"),
            format!("参考链只有 {} 种产品,至少要 {MIN_PRODUCTS} 种", maker.len()),
            format!(
                "the reference chain has {} products; it needs at least {MIN_PRODUCTS}",
                maker.len()
            ),
        ));
    }
}

fn check_stage_id<'a>(
    stage: &'a Stage,
    at: &str,
    ids: &mut BTreeSet<&'a str>,
    issues: &mut Vec<Issue>,
) {
    let id = stage.id.as_str();
    if !ids.insert(id) {
        issues.push(error(
            "duplicate_id",
            at.to_owned(),
            format!("环节编号“{id}”重复"),
            format!("stage id \"{id}\" is used twice"),
        ));
    }
    let letter = segment_letter(stage.segment);
    let mut chars = id.chars();
    let well_formed = chars.next() == Some(letter)
        && !chars.as_str().is_empty()
        && chars.all(|c| c.is_ascii_digit());
    if !well_formed {
        issues.push(error(
            "template_stage_id",
            at.to_owned(),
            format!(
                "{}环节“{}”的编号应为“{letter}”加数字(如 {letter}1),而不是“{id}”",
                stage.segment.label(crate::i18n::Lang::Zh),
                stage.name
            ),
            format!(
                "the {} stage \"{}\" should have an id \"{letter}\" and a number (such as {letter}1), not \"{id}\"",
                stage.segment.label(crate::i18n::Lang::En).to_lowercase(),
                stage.name
            ),
        ));
    }
}

fn check_stage_info(t: &Template, place: &str, issues: &mut Vec<Issue>) {
    for stage in &t.chain.stages {
        if !t.stage_info.contains_key(&stage.id) {
            issues.push(error(
                "template_stage_info",
                format!("{place}: stage_info"),
                format!(
                    "环节“{}”({})缺少 stage_info(用地类型)",
                    stage.name, stage.id
                ),
                format!(
                    "stage \"{}\" ({}) has no stage_info (land use)",
                    stage.name, stage.id
                ),
            ));
        }
    }
    let mut alias_owner: BTreeMap<String, String> = t
        .chain
        .stages
        .iter()
        .map(|s| (normalise(&s.name), s.id.to_string()))
        .collect();
    for (id, info) in &t.stage_info {
        let at = format!("{place}: stage_info/{id}");
        if t.chain.stage(id).is_none() {
            issues.push(error(
                "template_stage_info",
                at.clone(),
                format!("stage_info 提到的环节“{id}”不存在"),
                format!("stage_info names stage \"{id}\", which does not exist"),
            ));
        }
        for code in &info.industry_codes {
            if !(2..=4).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_digit()) {
                issues.push(error(
                    "template_industry_code",
                    at.clone(),
                    format!("行业代码“{code}”应为 GB/T 4754 的 2–4 位数字代码"),
                    format!("industry code \"{code}\" should be a 2- to 4-digit GB/T 4754 code"),
                ));
            }
        }
        for alias in &info.aliases {
            let key = normalise(alias);
            match alias_owner.get(&key) {
                Some(owner) if owner != id.as_str() => issues.push(error(
                    "template_alias",
                    at.clone(),
                    format!("别名“{alias}”也指环节“{owner}”:一个名称只能指一个环节"),
                    format!(
                        "alias \"{alias}\" also names stage \"{owner}\": a name may mean one stage only"
                    ),
                )),
                _ => {
                    alias_owner.insert(key, id.to_string());
                }
            }
        }
    }
}

fn check_synonyms(t: &Template, place: &str, issues: &mut Vec<Issue>) {
    // Every name (a product's own or a synonym), normalised, to the product it means.
    let mut meaning: BTreeMap<String, String> = t
        .chain
        .stages
        .iter()
        .flat_map(|s| &s.products)
        .map(|p| (normalise(&p.name), p.name.trim().to_owned()))
        .collect();
    for (product, synonyms) in &t.synonyms {
        let at = format!("{place}: synonyms/{product}");
        if !meaning.contains_key(&normalise(product)) {
            issues.push(error(
                "template_synonym",
                at.clone(),
                format!("同义词表里的“{product}”不是本链的产品"),
                format!("\"{product}\" in synonyms is not a product of the chain"),
            ));
            continue;
        }
        for synonym in synonyms {
            let key = normalise(synonym);
            match meaning.get(&key) {
                _ if key.is_empty() => issues.push(error(
                    "template_synonym",
                    at.clone(),
                    format!("产品“{product}”有一个空的同义词"),
                    format!("product \"{product}\" has an empty synonym"),
                )),
                Some(owner) if owner == product.trim() => issues.push(error(
                    "template_synonym",
                    at.clone(),
                    format!("“{synonym}”就是产品“{product}”本身或已列过"),
                    format!("\"{synonym}\" is the product \"{product}\" itself or listed twice"),
                )),
                Some(owner) => issues.push(error(
                    "template_synonym",
                    at.clone(),
                    format!(
                        "同义词“{synonym}”也指产品“{owner}”:一个名称只能指本链的一种产品"
                    ),
                    format!(
                        "synonym \"{synonym}\" also means product \"{owner}\": a name may mean one product of the chain only"
                    ),
                )),
                None => {
                    meaning.insert(key, product.trim().to_owned());
                }
            }
        }
    }
}

fn check_flows(t: &Template, place: &str, issues: &mut Vec<Issue>) {
    let mut seen = BTreeSet::new();
    let mut touched = BTreeSet::new();
    for (i, flow) in t.flows.iter().enumerate() {
        let at = format!("{place}: flows[{i}]");
        let from = t.chain.stage(&flow.from);
        for (id, end) in [(&flow.from, "from"), (&flow.to, "to")] {
            if t.chain.stage(id).is_none() {
                issues.push(error(
                    "template_flow",
                    format!("{at}/{end}"),
                    format!("流向中的环节“{id}”不存在"),
                    format!("the flow names stage \"{id}\", which does not exist"),
                ));
            }
            touched.insert(id);
        }
        if flow.from == flow.to {
            issues.push(error(
                "template_flow",
                at.clone(),
                format!("流向从环节“{}”到它自己", flow.from),
                format!("the flow goes from stage \"{}\" to itself", flow.from),
            ));
        }
        if let Some(from) = from
            && !from
                .products
                .iter()
                .any(|p| p.name.trim() == flow.product.trim())
        {
            issues.push(error(
                "template_flow",
                format!("{at}/product"),
                format!(
                    "环节“{}”({})的产品里没有“{}”:流向的产品须由起点环节生产",
                    from.name, from.id, flow.product
                ),
                format!(
                    "stage \"{}\" ({}) does not list \"{}\": a flow carries a product its source stage makes",
                    from.name, from.id, flow.product
                ),
            ));
        }
        if !seen.insert((&flow.from, &flow.to, flow.product.trim())) {
            issues.push(error(
                "template_flow",
                at.clone(),
                format!("流向 {} → {}({})重复", flow.from, flow.to, flow.product),
                format!(
                    "the flow {} → {} ({}) is listed twice",
                    flow.from, flow.to, flow.product
                ),
            ));
        }
    }
    for stage in &t.chain.stages {
        if !touched.contains(&stage.id) {
            issues.push(error(
                "template_flow",
                format!("{place}: flows"),
                format!(
                    "环节“{}”({})不在任何流向中:它从哪个环节买、卖给哪个环节?",
                    stage.name, stage.id
                ),
                format!(
                    "stage \"{}\" ({}) is in no flow: whom does it buy from or sell to?",
                    stage.name, stage.id
                ),
            ));
        }
    }
}

fn check_sources(t: &Template, place: &str, issues: &mut Vec<Issue>) {
    if t.sources.is_empty() {
        issues.push(error(
            "template_sources",
            format!("{place}: sources"),
            "模板没有注明来源:参考链的结构须有公开的依据".to_owned(),
            "the template names no sources: a reference chain's structure must follow public ones"
                .to_owned(),
        ));
    }
    for (i, source) in t.sources.iter().enumerate() {
        for (value, field) in [
            (&source.title, "title"),
            (&source.publisher, "publisher"),
            (&source.used_for, "used_for"),
        ] {
            if value.trim().is_empty() {
                issues.push(error(
                    "template_sources",
                    format!("{place}: sources[{i}]/{field}"),
                    format!("来源缺少 {field}"),
                    format!("the source has no {field}"),
                ));
            }
        }
    }
}
