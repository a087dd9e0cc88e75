//! `validate(&Project)`: every problem of a project, each with where it is. The file loader adds
//! the problems only a file can have (syntax, types, duplicate ids); everything about meaning is
//! checked here, so the editor can check a project it built itself the same way.
//!
//! Agreements (parties, shares, phases, overlapping years, costs, coalition values) are checked
//! in `agreements`; the rest of the project here.

mod agreements;
mod terms;
mod territory;

use super::*;
use crate::i18n::Lang;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// Where a node lives in the file, for messages: `nodes/E04`.
pub fn node_place(id: &NodeId) -> String {
    format!("nodes/{id}")
}

/// Where a link lives in the file: `links/L05`.
pub fn link_place(id: &LinkId) -> String {
    format!("links/{id}")
}

/// Where an agreement lives in the file: `agreements/A1`.
pub fn agreement_place(id: &AgreementId) -> String {
    format!("agreements/{id}")
}

/// Every problem of the project, in a stable order: chains, nodes, links, agreements, views,
/// reference matchings.
pub fn validate(project: &Project) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_meta(project, &mut issues);
    terms::check_tax_sharing(project, &mut issues);
    terms::check_tax_figures(project, &mut issues);
    check_chains(project, &mut issues);
    check_nodes(project, &mut issues);
    check_credit_codes(project, &mut issues);
    check_links(project, &mut issues);
    // Issue 20: boundaries, 主体功能区 on regions, 联农带农 to villages.
    territory::check(project, &mut issues);
    for agreement in project.agreements.values() {
        agreements::check_agreement(project, agreement, &mut issues);
        terms::check_terms(project, agreement, &mut issues);
    }
    check_views(project, &mut issues);
    // Issue 18: the saved matchings with reference chains (their rules live with the templates).
    issues.extend(crate::reference::check_matchings(project));
    issues
}

/// True when the project has problems that are errors (not just warnings).
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(|i| i.severity == Severity::Error)
}

fn negative(place: String, what_zh: &str, what_en: &str, value: Decimal) -> Issue {
    Issue::error(
        "negative_amount",
        place,
        format!("{what_zh}为负数({value}),这里不能为负"),
        format!("{what_en} is negative ({value}); it cannot be negative here"),
    )
}

fn check_meta(project: &Project, issues: &mut Vec<Issue>) {
    let mut previous: Option<&LandClass> = None;
    for (i, class) in project.meta.land_classes.iter().enumerate() {
        let place = format!("land_classes[{i}]");
        if class.min_tax_per_mu.is_sign_negative() {
            issues.push(negative(
                place.clone(),
                "亩均税收门槛",
                "tax-per-mu threshold",
                class.min_tax_per_mu,
            ));
        }
        if let Some(prev) = previous
            && class.min_tax_per_mu > prev.min_tax_per_mu
        {
            issues.push(Issue::error(
                "land_classes_order",
                place,
                format!(
                    "亩均效益分类须从高到低排列:“{}”的门槛 {} 高于前一类“{}”的 {}",
                    class.name, class.min_tax_per_mu, prev.name, prev.min_tax_per_mu
                ),
                format!(
                    "land classes must go from best to worst: \"{}\" asks {} but the class before it, \"{}\", asks {}",
                    class.name, class.min_tax_per_mu, prev.name, prev.min_tax_per_mu
                ),
            ));
        }
        previous = Some(class);
    }
}

fn check_chains(project: &Project, issues: &mut Vec<Issue>) {
    // Stage ids are unique across chains; duplicates inside the file are reported by the loader,
    // but a project built in memory can have them too.
    let mut seen: BTreeMap<&StageId, &ChainId> = BTreeMap::new();
    for chain in project.chains.values() {
        if chain.stages.is_empty() {
            issues.push(Issue::warning(
                "empty_chain",
                format!("chains/{}", chain.id),
                format!("产业链“{}”还没有环节", chain.name),
                format!("chain \"{}\" has no stages yet", chain.name),
            ));
        }
        for stage in &chain.stages {
            let place = format!("chains/{}/stages/{}", chain.id, stage.id);
            if let Some(other) = seen.insert(&stage.id, &chain.id) {
                issues.push(Issue::blocking(
                    "duplicate_id",
                    place.clone(),
                    format!("环节编号“{}”重复(也出现在产业链“{other}”中)", stage.id),
                    format!(
                        "stage id \"{}\" is used twice (also in chain \"{other}\")",
                        stage.id
                    ),
                ));
            }
            let mut products = BTreeSet::new();
            for product in &stage.products {
                if !products.insert(product.name.as_str()) {
                    issues.push(Issue::error(
                        "duplicate_product",
                        place.clone(),
                        format!("环节“{}”的产品“{}”列了两次", stage.name, product.name),
                        format!(
                            "stage \"{}\" lists product \"{}\" twice",
                            stage.name, product.name
                        ),
                    ));
                }
            }
        }
    }
}

fn check_nodes(project: &Project, issues: &mut Vec<Issue>) {
    for node in project.nodes.values() {
        let place = node_place(&node.id);
        if node.name.trim().is_empty() {
            issues.push(Issue::warning(
                "empty_name",
                place.clone(),
                "节点没有名称".to_owned(),
                "the node has no name".to_owned(),
            ));
        }
        for stage in &node.stages {
            if project.stage(stage).is_none() {
                issues.push(Issue::blocking(
                    "dangling_reference",
                    place.clone(),
                    format!("“{}”所在环节“{stage}”不存在", node.name),
                    format!(
                        "\"{}\" is in stage \"{stage}\", which does not exist",
                        node.name
                    ),
                ));
            }
        }
        if !node.stages.is_empty() && !node.kind.is_enterprise_like() {
            issues.push(Issue::warning(
                "stage_on_non_enterprise",
                place.clone(),
                format!(
                    "{}“{}”不属于产业链环节,环节将被忽略",
                    node.kind.label(crate::i18n::Lang::Zh),
                    node.name
                ),
                format!(
                    "a {} (\"{}\") does not sit in a chain stage; its stages are ignored",
                    node.kind.label(crate::i18n::Lang::En),
                    node.name
                ),
            ));
        }
        if let Some(region) = &node.region {
            match project.nodes.get(region) {
                None => issues.push(Issue::blocking(
                    "dangling_reference",
                    place.clone(),
                    format!("“{}”所在地区“{region}”不存在", node.name),
                    format!(
                        "\"{}\" lies in region \"{region}\", which does not exist",
                        node.name
                    ),
                )),
                Some(r) if r.kind != NodeKind::Region => issues.push(Issue::error(
                    "wrong_kind",
                    place.clone(),
                    format!("“{}”的所在地区“{}”不是行政区", node.name, r.name),
                    format!(
                        "the region of \"{}\", \"{}\", is not a region",
                        node.name, r.name
                    ),
                )),
                Some(_) => {}
            }
        }
        for (year, figures) in &node.figures {
            let fplace = format!("{place}/figures/{year}");
            let amounts = [
                (figures.output, "产值", "output"),
                (figures.tax, "税收", "tax"),
                (figures.vat, "增值税", "VAT"),
                (figures.cit, "企业所得税", "corporate income tax"),
                (figures.other_tax, "其他税收", "other taxes"),
                (figures.rent, "租金", "rent"),
                (figures.key_projects, "重点项目", "key projects"),
                (figures.value_added, "增加值", "value added"),
                (figures.investment, "投资", "investment"),
                (figures.land_mu, "用地", "land"),
                (figures.revenue, "营业收入", "revenue"),
                (figures.rd, "研发投入", "R&D spending"),
                (figures.energy_tce, "综合能耗", "energy use"),
                (figures.emissions_t, "污染物排放", "emissions"),
            ];
            for (value, zh, en) in amounts {
                if let Some(v) = value
                    && v.is_sign_negative()
                    && !v.is_zero()
                {
                    issues.push(negative(fplace.clone(), zh, en, v));
                }
            }
        }
        // Blocking: a position beyond f32 (1e39 reads as infinity) would be written back as
        // null, and the file would not open again.
        if let Some(pos) = node.position
            && !(pos.x.is_finite() && pos.y.is_finite())
        {
            issues.push(Issue::blocking(
                "bad_position",
                place.clone(),
                "位置超出范围(不是有限数)".to_owned(),
                "the position is out of range (not a finite number)".to_owned(),
            ));
        }
    }
}

/// Whether a link of `kind` may join a node of kind `from` to one of kind `to`.
pub fn link_endpoints_ok(kind: LinkKind, from: NodeKind, to: NodeKind) -> bool {
    match kind {
        LinkKind::Supply => from.is_enterprise_like() && to.is_enterprise_like(),
        // 联农带农 reaches a cooperative or village collective, or a village itself (issue 20;
        // a region that is not a village is warned of in `territory`).
        LinkKind::FarmerLinkage => {
            from.is_enterprise_like() && (to.is_enterprise_like() || to == NodeKind::Region)
        }
        LinkKind::LocatedIn => from.is_enterprise_like() && to == NodeKind::Park,
        LinkKind::Trusteeship | LinkKind::Integrates => {
            from == NodeKind::Park && to == NodeKind::Park
        }
        LinkKind::Enclave => from == NodeKind::Region && to == NodeKind::Park,
        LinkKind::Investment => to == NodeKind::Park || to.is_enterprise_like(),
    }
}

/// A credit code that is not a valid 统一社会信用代码 is kept (lists have typos) but said, so a
/// file handed over says which codes to check.
fn check_credit_codes(project: &Project, issues: &mut Vec<Issue>) {
    for node in project.nodes.values().filter(|n| !n.credit_code.is_empty()) {
        if let Err(problem) = crate::model::credit_code::check(&node.credit_code) {
            issues.push(Issue::warning(
                "bad_credit_code",
                format!("nodes/{}/credit_code", node.id),
                format!("“{}”的{}", node.name, problem.message(Lang::Zh)),
                format!("\"{}\": {}", node.name, problem.message(Lang::En)),
            ));
        }
    }
}

fn check_links(project: &Project, issues: &mut Vec<Issue>) {
    for link in project.links.values() {
        let place = link_place(&link.id);
        let mut ends = Vec::new();
        for (end, zh, en) in [(&link.from, "起点", "from"), (&link.to, "终点", "to")] {
            match project.nodes.get(end) {
                Some(node) => ends.push(node),
                None => issues.push(Issue::blocking(
                    "dangling_reference",
                    place.clone(),
                    format!("连线的{zh}“{end}”不是已有节点"),
                    format!("the link's {en} node \"{end}\" does not exist"),
                )),
            }
        }
        if link.from == link.to {
            issues.push(Issue::error(
                "self_link",
                place.clone(),
                format!("连线从“{}”指向自身", link.from),
                format!("the link goes from \"{}\" to itself", link.from),
            ));
        }
        if let [from, to] = ends.as_slice()
            && !link_endpoints_ok(link.kind, from.kind, to.kind)
        {
            issues.push(Issue::error(
                "wrong_kind",
                place.clone(),
                format!(
                    "{}连线不能从{}“{}”连到{}“{}”",
                    link.kind.label(crate::i18n::Lang::Zh),
                    from.kind.label(crate::i18n::Lang::Zh),
                    from.name,
                    to.kind.label(crate::i18n::Lang::Zh),
                    to.name
                ),
                format!(
                    "a {} link cannot go from {} \"{}\" to {} \"{}\"",
                    link.kind.label(crate::i18n::Lang::En),
                    from.kind.label(crate::i18n::Lang::En),
                    from.name,
                    to.kind.label(crate::i18n::Lang::En),
                    to.name
                ),
            ));
        }
        if let Some(v) = link.value
            && v.is_sign_negative()
            && !v.is_zero()
        {
            issues.push(negative(place.clone(), "连线金额", "link value", v));
        }
        if let Some(p) = link.equity_pct
            && (p < Decimal::ZERO || p > Decimal::ONE_HUNDRED)
        {
            issues.push(Issue::error(
                "bad_percentage",
                place.clone(),
                format!("股权比例 {p}% 不在 0–100 之间"),
                format!("equity {p} % is not between 0 and 100"),
            ));
        }
    }
}

fn check_views(project: &Project, issues: &mut Vec<Issue>) {
    for view in project.views.values() {
        for node in &view.highlight {
            if !project.nodes.contains_key(node) {
                issues.push(Issue::warning(
                    "dangling_reference",
                    format!("views/{}", view.id),
                    format!("视图“{}”突出显示的“{node}”已不存在", view.name),
                    format!(
                        "view \"{}\" highlights \"{node}\", which no longer exists",
                        view.name
                    ),
                ));
            }
        }
        if let Some(a) = &view.agreement
            && !project.agreements.contains_key(a)
        {
            issues.push(Issue::warning(
                "dangling_reference",
                format!("views/{}", view.id),
                format!("视图“{}”要显示的协议“{a}”已不存在", view.name),
                format!(
                    "view \"{}\" shows agreement \"{a}\", which no longer exists",
                    view.name
                ),
            ));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_credit_code_is_a_warning_naming_the_firm() {
        let mut project = Project::new("p");
        // a: a valid code (check character 9); b: none; c: mistyped check character; d: short.
        for (id, code) in [
            ("a", "91610000MA6TG12349"),
            ("b", ""),
            ("c", "91610000MA6TG1234X"),
            ("d", "12345"),
        ] {
            let node = Node {
                id: NodeId::from(id),
                name: format!("企业{id}"),
                credit_code: code.to_owned(),
                ..Node::default()
            };
            project.nodes.insert(node.id.clone(), node);
        }
        let bad: Vec<String> = validate(&project)
            .into_iter()
            .filter(|i| i.code == "bad_credit_code")
            .map(|i| i.place)
            .collect();
        assert_eq!(bad, ["nodes/c/credit_code", "nodes/d/credit_code"]);
    }
}
