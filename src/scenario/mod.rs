//! Scenarios (方案): the project as it is (the base, 现状) with a named set of edits on top.
//!
//! A scenario keeps only its edits (`model::ScenarioChanges`), by id and field as the file
//! writes items, the way `merge` compares projects: `record` turns "the base" and "the base as
//! edited in the scenario" into those edits, `materialise` puts them back on top of the base.
//! Because the edits are per field, the base can change afterwards and a scenario still applies
//! to the new base; an edit that no longer fits (it changes a firm the base has since removed)
//! is left out and said, never fatal. No egui: the editor and the command line share it.

pub mod compare;
mod from_targets;

pub use from_targets::{SignedFirm, describe, sign_candidates};

use crate::merge::{Doc, Item, PROJECT, SECTIONS, clean_dangling, doc_diff, from_doc, to_doc};
use crate::model::{FieldChanges, ItemChanges, Project, Scenario, ScenarioChanges};
use serde_json::Value;
use std::collections::BTreeMap;

/// The file section that holds the scenarios themselves: a scenario never edits it.
const OWN_SECTION: &str = "scenarios";

/// What the edits of a scenario gave: the project, and the edits that no longer fit the base.
#[derive(Debug, Clone, PartialEq)]
pub struct Materialised {
    pub project: Project,
    /// One line per edit left out (`nodes/E12: …`), in English and Chinese.
    pub skipped: Vec<(String, String)>,
}

/// The edits that turn `base` into `edited` (the scenarios section aside). Fails only when a
/// project cannot be encoded as JSON.
pub fn record(base: &Project, edited: &Project) -> Result<ScenarioChanges, serde_json::Error> {
    let diff = doc_diff(&to_doc(base)?, &to_doc(edited)?);
    let mut changes = ScenarioChanges {
        project: field_changes(&diff.project),
        sections: BTreeMap::new(),
    };
    for (name, section) in diff.sections {
        if name == OWN_SECTION || section.is_empty() {
            continue;
        }
        let items = ItemChanges {
            added: section.added,
            removed: section.removed,
            changed: section
                .changed
                .iter()
                .map(|(id, fields)| (id.clone(), field_changes(fields)))
                .collect(),
        };
        changes.sections.insert(name.to_owned(), items);
    }
    Ok(changes)
}

fn field_changes(fields: &BTreeMap<String, Option<Value>>) -> FieldChanges {
    let mut out = FieldChanges::default();
    for (field, value) in fields {
        match value {
            Some(v) => {
                out.set.insert(field.clone(), v.clone());
            }
            None => {
                out.unset.insert(field.clone());
            }
        }
    }
    out
}

fn set_fields(item: &mut Item, fields: &FieldChanges) {
    for (field, value) in &fields.set {
        item.insert(field.clone(), value.clone());
    }
    for field in &fields.unset {
        item.remove(field);
    }
}

/// Whether an item reads as what its section holds (an edit may have made it unreadable: a
/// field of the wrong type in a hand-edited file).
fn reads(section: &str, item: &Item) -> Result<(), String> {
    use crate::model::{Agreement, Candidate, Chain, Link, Node, ReferenceMatch, View};
    fn check<T: serde::de::DeserializeOwned>(item: &Item) -> Result<(), String> {
        serde_json::from_value::<T>(Value::Object(item.clone()))
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    match section {
        "chains" => check::<Chain>(item),
        "nodes" => check::<Node>(item),
        "links" => check::<Link>(item),
        "agreements" => check::<Agreement>(item),
        "views" => check::<View>(item),
        "references" => check::<ReferenceMatch>(item),
        "candidates" => check::<Candidate>(item),
        other => Err(format!("unknown section {other}")),
    }
}

/// `base` with the scenario's edits made. Edits that do not fit are left out and listed; links
/// and references left pointing at nothing are dropped as a merge drops them.
pub fn materialise(base: &Project, changes: &ScenarioChanges) -> Materialised {
    let mut skipped = Vec::new();
    let Ok(mut doc) = to_doc(base) else {
        return Materialised {
            project: base.clone(),
            skipped: vec![(
                "项目无法编码,方案未应用".to_owned(),
                "the project cannot be encoded; the scenario was not applied".to_owned(),
            )],
        };
    };
    let meta_before = doc.meta.clone();
    set_fields(&mut doc.meta, &changes.project);
    for (name, items) in &changes.sections {
        match SECTIONS
            .iter()
            .find(|s| **s == name.as_str() && **s != OWN_SECTION)
        {
            Some(section) => edit_section(&mut doc, section, items, &mut skipped),
            None => skipped.push((
                format!("{name}:无法识别的部分"),
                format!("{name}: not a section of a project"),
            )),
        }
    }
    let project = match from_doc(&doc) {
        Ok(p) => p,
        Err(e) => {
            // Only the project-wide fields are left unchecked item by item.
            skipped.push((format!("{PROJECT}:{e}"), format!("{PROJECT}: {e}")));
            doc.meta = meta_before;
            from_doc(&doc).unwrap_or_else(|_| base.clone())
        }
    };
    let mut project = project;
    clean_dangling(&mut project);
    Materialised { project, skipped }
}

fn edit_section(
    doc: &mut Doc,
    section: &'static str,
    items: &ItemChanges,
    skipped: &mut Vec<(String, String)>,
) {
    let current = doc.sections.entry(section).or_default();
    for id in &items.removed {
        current.remove(id);
    }
    for (id, item) in &items.added {
        match reads(section, item) {
            Ok(()) => {
                current.insert(id.clone(), item.clone());
            }
            Err(e) => skipped.push((
                format!("{section}/{id}:{e}"),
                format!("{section}/{id}: {e}"),
            )),
        }
    }
    for (id, fields) in &items.changed {
        let Some(item) = current.get(id) else {
            skipped.push((
                format!("{section}/{id}:现状中已没有此项,修改未应用"),
                format!("{section}/{id}: no longer in the base; its change was left out"),
            ));
            continue;
        };
        let mut edited = item.clone();
        set_fields(&mut edited, fields);
        match reads(section, &edited) {
            Ok(()) => {
                current.insert(id.clone(), edited);
            }
            Err(e) => skipped.push((
                format!("{section}/{id}:{e}"),
                format!("{section}/{id}: {e}"),
            )),
        }
    }
}

/// The scenario with this id, or else with this name (as the command line and users say it).
pub fn find<'a>(project: &'a Project, key: &str) -> Option<&'a Scenario> {
    project
        .scenarios
        .get(key)
        .or_else(|| project.scenarios.values().find(|s| s.name == key))
}

/// A project's title as a scenario of it: "柞水木耳产业链 · 方案:签约 3 家".
pub fn titled(project: &str, scenario: &str, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::Zh => format!("{project} · 方案:{scenario}"),
        crate::i18n::Lang::En => format!("{project} · scenario: {scenario}"),
    }
}

/// An id no scenario has yet: `s1`, `s2` …
pub fn next_id(project: &Project) -> String {
    (1..)
        .map(|n| format!("s{n}"))
        .find(|id| !project.scenarios.contains_key(id))
        .unwrap_or_default()
}

/// A name no scenario has yet: `base` itself when free, else `base 2`, `base 3` …
pub fn unique_name(project: &Project, base: &str) -> String {
    let taken = |n: &str| project.scenarios.values().any(|s| s.name == n);
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|n| !taken(n))
        .unwrap_or_default()
}

/// The project as scenario `key` (id or name) makes it, for the command line; the message
/// names the scenarios there are when there is no such one.
pub fn project_as(project: &Project, key: &str) -> Result<Materialised, (String, String)> {
    match find(project, key) {
        Some(s) => Ok(materialise(project, &s.changes)),
        None => {
            let names: Vec<String> = project
                .scenarios
                .values()
                .map(|s| format!("{} ({})", s.name, s.id))
                .collect();
            let list = if names.is_empty() {
                (
                    "项目中没有方案".to_owned(),
                    "the project has no scenarios".to_owned(),
                )
            } else {
                (
                    format!("已有方案:{}", names.join("、")),
                    format!("its scenarios: {}", names.join(", ")),
                )
            };
            Err((
                format!("没有名为“{key}”的方案;{}", list.0),
                format!("no scenario named \"{key}\"; {}", list.1),
            ))
        }
    }
}
