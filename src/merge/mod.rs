//! Semantic diff and three-way merge of projects, by id and field (no egui: the command line and
//! the editor both use it).
//!
//! Items are compared through their serialized form: each chain, node, link, agreement, view,
//! reference matching and candidate becomes the JSON object it is in the file, and two versions
//! of an item differ in the top-level fields whose values differ. The project-wide settings
//! (the file's top-level fields such as `name` or `home_region`) are one more item, the section
//! `project`. Every field of the file is covered this way, new ones included, without code per
//! field; a field is absent when the file leaves it out (its default).

mod diff;
mod names;
mod three_way;

pub(crate) use diff::doc_diff;
pub use diff::{ProjectDiff, SectionDiff, apply, diff};
pub use names::{item_name, section_label};
pub use three_way::{Conflict, ConflictKind, MergeError, Side, clean_dangling, merge, merge_with};

use crate::model::{Issue, Project, Severity};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Display;

/// The sections of a project file that hold items by id, in file order.
pub const SECTIONS: [&str; 8] = [
    "chains",
    "nodes",
    "links",
    "agreements",
    "views",
    "references",
    "candidates",
    "scenarios",
];

/// The name under which the project-wide settings are diffed and merged.
pub const PROJECT: &str = "project";

/// One item as in the file: its top-level fields.
pub(crate) type Item = Map<String, Value>;

/// A project as JSON items: the project-wide fields, and each section's items by id.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Doc {
    pub meta: Item,
    pub sections: BTreeMap<&'static str, BTreeMap<String, Item>>,
}

impl Doc {
    /// The items of a section (empty when it has none).
    pub fn section(&self, name: &str) -> Option<&BTreeMap<String, Item>> {
        self.sections.get(name)
    }
}

fn object<T: Serialize>(value: &T) -> Result<Item, serde_json::Error> {
    match serde_json::to_value(value)? {
        Value::Object(map) => Ok(map),
        other => Err(serde::ser::Error::custom(format!(
            "expected an object, got {other}"
        ))),
    }
}

fn items<K: Display, V: Serialize>(
    map: &BTreeMap<K, V>,
) -> Result<BTreeMap<String, Item>, serde_json::Error> {
    map.iter()
        .map(|(k, v)| Ok((k.to_string(), object(v)?)))
        .collect()
}

/// The project as JSON items.
pub(crate) fn to_doc(project: &Project) -> Result<Doc, serde_json::Error> {
    let sections = BTreeMap::from([
        ("chains", items(&project.chains)?),
        ("nodes", items(&project.nodes)?),
        ("links", items(&project.links)?),
        ("agreements", items(&project.agreements)?),
        ("views", items(&project.views)?),
        ("references", items(&project.references)?),
        ("candidates", items(&project.candidates)?),
        ("scenarios", items(&project.scenarios)?),
    ]);
    Ok(Doc {
        meta: object(&project.meta)?,
        sections,
    })
}

/// Reads a section back, each item keyed by its own id; an item that does not read names its
/// section and id.
fn back<K: Ord, V: DeserializeOwned>(
    doc: &Doc,
    section: &str,
    key: impl Fn(&V) -> K,
) -> Result<BTreeMap<K, V>, serde_json::Error> {
    let mut out = BTreeMap::new();
    for (id, item) in doc.section(section).into_iter().flatten() {
        let value: V = serde_json::from_value(Value::Object(item.clone()))
            .map_err(|e| serde::de::Error::custom(format!("{section}/{id}: {e}")))?;
        out.insert(key(&value), value);
    }
    Ok(out)
}

/// The project the JSON items describe.
pub(crate) fn from_doc(doc: &Doc) -> Result<Project, serde_json::Error> {
    Ok(Project {
        meta: serde_json::from_value(Value::Object(doc.meta.clone()))
            .map_err(|e| serde::de::Error::custom(format!("{PROJECT}: {e}")))?,
        chains: back(doc, "chains", |c: &crate::model::Chain| c.id.clone())?,
        nodes: back(doc, "nodes", |n: &crate::model::Node| n.id.clone())?,
        links: back(doc, "links", |l: &crate::model::Link| l.id.clone())?,
        agreements: back(doc, "agreements", |a: &crate::model::Agreement| {
            a.id.clone()
        })?,
        views: back(doc, "views", |v: &crate::model::View| v.id.clone())?,
        references: back(doc, "references", |r: &crate::model::ReferenceMatch| {
            r.chain.clone()
        })?,
        candidates: back(doc, "candidates", |c: &crate::model::Candidate| {
            c.id.clone()
        })?,
        scenarios: back(doc, "scenarios", |s: &crate::model::Scenario| s.id.clone())?,
    })
}

/// The errors `chainmap check` would report for this project, had it been saved: it is written
/// and read back the way a file is, then checked like one (fair-split games included).
pub fn problems(project: &Project) -> Vec<Issue> {
    let text = match crate::file::to_json(project) {
        Ok(text) => text,
        Err(e) => {
            return vec![Issue::error(
                "encode",
                String::new(),
                format!("项目无法编码:{e}"),
                format!("cannot encode the project: {e}"),
            )];
        }
    };
    let mut issues = match crate::file::load_str(&text, crate::file::LoadOptions::default()) {
        Ok(loaded) => loaded.issues,
        Err(e) => e.issues,
    };
    issues.extend(crate::sharing::benchmark::game_issues(project));
    issues.retain(|i| i.severity == Severity::Error);
    issues
}
