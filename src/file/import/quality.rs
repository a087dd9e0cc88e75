//! The data-quality summary after an import: what a list made for printing usually lacks, said
//! so the user can fix it before analysing. Over the whole project as the import leaves it:
//! - firms (local enterprise-like nodes) without a stage;
//! - producing firms (enterprises, cooperatives, village collectives, family farms) without an
//!   output figure in any year;
//! - firms without any supply link, in or out: beads not yet strung;
//! - suspected duplicates: the same credit code, or names that come to the same key once
//!   written alike (places, legal form, width and spaces: see `names`);
//! - supply links whose amount exceeds the buyer's output (its latest year with one): most
//!   often an amount in 元 where 万元 was meant.

use super::names::{Places, name_key};
use crate::model::{Link, LinkId, LinkKind, Node, NodeId, NodeKind, Project, Year};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A node as the summary names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NodeRef {
    pub id: NodeId,
    pub name: String,
}

impl NodeRef {
    fn of(node: &Node) -> Self {
        NodeRef {
            id: node.id.clone(),
            name: node.name.clone(),
        }
    }
}

/// Why nodes look like one firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    /// The same 统一社会信用代码.
    SameCode,
    /// Names that come to the same key.
    NamesAlike,
}

/// Nodes that look like one firm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    pub reason: DuplicateReason,
    /// The code, or the name's key, they share.
    pub key: String,
    pub nodes: Vec<NodeRef>,
}

/// A supply link whose amount exceeds its buyer's output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkOverOutput {
    pub link: LinkId,
    pub supplier: NodeRef,
    pub buyer: NodeRef,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub value: Decimal,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub buyer_output: Decimal,
    /// The year of the buyer's output.
    pub year: Year,
}

/// The data-quality summary (also `quality` in `chainmap import --json`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Quality {
    pub without_stage: Vec<NodeRef>,
    pub without_output: Vec<NodeRef>,
    pub without_link: Vec<NodeRef>,
    pub duplicates: Vec<Duplicate>,
    pub links_over_output: Vec<LinkOverOutput>,
}

impl Quality {
    /// Nothing to point out.
    pub fn is_clean(&self) -> bool {
        self.without_stage.is_empty()
            && self.without_output.is_empty()
            && self.without_link.is_empty()
            && self.duplicates.is_empty()
            && self.links_over_output.is_empty()
    }
}

/// Firms: local enterprise-like nodes (an external enterprise is outside what the map covers).
fn is_firm(node: &Node) -> bool {
    node.kind.is_enterprise_like() && node.kind.is_local()
}

/// Firms expected to have an output: not institutes, public services or banks.
fn produces(node: &Node) -> bool {
    matches!(
        node.kind,
        NodeKind::Enterprise
            | NodeKind::Cooperative
            | NodeKind::VillageCollective
            | NodeKind::FamilyFarms
    )
}

/// The latest year's output on record.
fn latest_output(node: &Node) -> Option<(Year, Decimal)> {
    node.figures
        .iter()
        .rev()
        .find_map(|(year, f)| f.output.map(|o| (*year, o)))
}

/// The 统一社会信用代码 a node carries, when it has one.
fn credit_code(node: &Node) -> Option<&str> {
    let code = node.credit_code.trim();
    (!code.is_empty()).then_some(code)
}

/// The summary of `project`.
pub fn check_quality(project: &Project) -> Quality {
    let firms: Vec<&Node> = project.nodes.values().filter(|n| is_firm(n)).collect();
    let supply: Vec<&Link> = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
        .collect();
    let linked: BTreeSet<&NodeId> = supply.iter().flat_map(|l| [&l.from, &l.to]).collect();
    let refs = |keep: &dyn Fn(&Node) -> bool| -> Vec<NodeRef> {
        firms
            .iter()
            .filter(|n| keep(n))
            .map(|n| NodeRef::of(n))
            .collect()
    };
    Quality {
        without_stage: refs(&|n| n.stages.is_empty()),
        without_output: refs(&|n| produces(n) && latest_output(n).is_none()),
        without_link: refs(&|n| !linked.contains(&n.id)),
        duplicates: duplicates(project, &firms),
        links_over_output: supply
            .iter()
            .filter_map(|l| over_output(project, l))
            .collect(),
    }
}

/// Firms with one code, then firms whose names come to one key.
fn duplicates(project: &Project, firms: &[&Node]) -> Vec<Duplicate> {
    let places = Places::of(project);
    let mut by_code: BTreeMap<String, Vec<NodeRef>> = BTreeMap::new();
    let mut by_name: BTreeMap<String, Vec<NodeRef>> = BTreeMap::new();
    for node in firms {
        if let Some(code) = credit_code(node) {
            by_code
                .entry(code.to_uppercase())
                .or_default()
                .push(NodeRef::of(node));
        }
        let key = name_key(&node.name, &places).bare;
        if !key.is_empty() {
            by_name.entry(key).or_default().push(NodeRef::of(node));
        }
    }
    let grouped = |reason, map: BTreeMap<String, Vec<NodeRef>>| {
        map.into_iter()
            .filter(|(_, nodes)| nodes.len() > 1)
            .map(move |(key, nodes)| Duplicate { reason, key, nodes })
    };
    grouped(DuplicateReason::SameCode, by_code)
        .chain(grouped(DuplicateReason::NamesAlike, by_name))
        .collect()
}

fn over_output(project: &Project, link: &Link) -> Option<LinkOverOutput> {
    let value = link.value?;
    let buyer = project.nodes.get(&link.to)?;
    let (year, output) = latest_output(buyer)?;
    let supplier = project.nodes.get(&link.from)?;
    (value > output).then(|| LinkOverOutput {
        link: link.id.clone(),
        supplier: NodeRef::of(supplier),
        buyer: NodeRef::of(buyer),
        value,
        buyer_output: output,
        year,
    })
}

/// One finding of the summary for people: what, how many, and each item.
#[derive(Debug, Clone, PartialEq)]
pub struct QualityLine {
    pub label: &'static str,
    pub items: Vec<String>,
}

impl Quality {
    /// The findings there are, in the order of the summary.
    pub fn lines(&self, lang: crate::i18n::Lang) -> Vec<QualityLine> {
        let names =
            |nodes: &[NodeRef]| -> Vec<String> { nodes.iter().map(|n| n.name.clone()).collect() };
        let duplicates = self
            .duplicates
            .iter()
            .map(|d| {
                let why = match d.reason {
                    DuplicateReason::SameCode => {
                        format!(
                            "{} {}",
                            lang.pick("信用代码相同", "same credit code"),
                            d.key
                        )
                    }
                    DuplicateReason::NamesAlike => lang.pick("名称相近", "names alike").to_owned(),
                };
                let names: Vec<String> = d.nodes.iter().map(|n| format!("“{}”", n.name)).collect();
                format!("{}({why})", names.join(lang.pick("、", ", ")))
            })
            .collect();
        let over = self
            .links_over_output
            .iter()
            .map(|l| {
                format!(
                    "{} → {}: {} > {} ({} {})",
                    l.supplier.name,
                    l.buyer.name,
                    l.value.normalize(),
                    l.buyer_output.normalize(),
                    l.year,
                    lang.pick("年产值", "output")
                )
            })
            .collect();
        let lines = [
            (
                lang.pick("没有环节的企业", "Firms without a stage"),
                names(&self.without_stage),
            ),
            (
                lang.pick("没有产值的企业", "Firms without output"),
                names(&self.without_output),
            ),
            (
                lang.pick(
                    "没有任何供应关系的企业(珠子未串起)",
                    "Firms without any supply link (beads not strung)",
                ),
                names(&self.without_link),
            ),
            (lang.pick("疑似重复", "Suspected duplicates"), duplicates),
            (
                lang.pick("金额超过买方产值的连线", "Links above the buyer's output"),
                over,
            ),
        ];
        lines
            .into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(label, items)| QualityLine { label, items })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{NodeId, NodeKind};

    fn firm(id: &str, name: &str, code: &str) -> Node {
        Node {
            id: NodeId::from(id),
            name: name.to_owned(),
            kind: NodeKind::Enterprise,
            credit_code: code.to_owned(),
            ..Node::default()
        }
    }

    #[test]
    fn two_firms_with_one_credit_code_are_suspected_duplicates() {
        let mut project = Project::new("p");
        for node in [
            firm("a", "甲农业科技有限公司", "91610000MA6TG1234X"),
            firm("b", "乙菌业", "91610000ma6tg1234x"),
            firm("c", "丙食品", "91610000MA6TG9999Y"),
            firm("d", "丁商贸", ""),
        ] {
            project.nodes.insert(node.id.clone(), node);
        }
        let quality = check_quality(&project);
        let same: Vec<&Duplicate> = quality
            .duplicates
            .iter()
            .filter(|d| d.reason == DuplicateReason::SameCode)
            .collect();
        assert_eq!(same.len(), 1, "{:?}", quality.duplicates);
        assert_eq!(same[0].key, "91610000MA6TG1234X");
        let ids: Vec<&str> = same[0].nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
