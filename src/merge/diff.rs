//! What changed from one project to another, by id and top-level field, with the new values, so
//! the difference can be shown and also applied.

use super::{Doc, Item, SECTIONS, from_doc, to_doc};
use crate::model::Project;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The changes of one section: ids added (with the new item), removed, and changed (each changed
/// field with its new value; none when B leaves the field out).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SectionDiff {
    pub added: BTreeMap<String, Item>,
    pub removed: BTreeSet<String>,
    pub changed: BTreeMap<String, BTreeMap<String, Option<Value>>>,
}

impl SectionDiff {
    /// Nothing added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Everything that differs from project A to project B.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectDiff {
    /// Project-wide fields (the file's top level) that differ, with B's value.
    pub project: BTreeMap<String, Option<Value>>,
    /// Per section (`SECTIONS`), every section present even when unchanged.
    pub sections: BTreeMap<&'static str, SectionDiff>,
}

impl ProjectDiff {
    /// A and B are the same project.
    pub fn is_empty(&self) -> bool {
        self.project.is_empty() && self.sections.values().all(SectionDiff::is_empty)
    }

    /// One section's changes (empty for an unknown name).
    pub fn section(&self, name: &str) -> SectionDiff {
        self.sections.get(name).cloned().unwrap_or_default()
    }
}

/// The fields whose values differ from `a` to `b`, with `b`'s value.
pub(crate) fn field_changes(a: &Item, b: &Item) -> BTreeMap<String, Option<Value>> {
    a.keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| (k.clone(), b.get(k).cloned()))
        .collect()
}

fn section_diff(a: &BTreeMap<String, Item>, b: &BTreeMap<String, Item>) -> SectionDiff {
    let mut out = SectionDiff::default();
    for (id, item) in b {
        match a.get(id) {
            None => {
                out.added.insert(id.clone(), item.clone());
            }
            Some(old) if old != item => {
                out.changed.insert(id.clone(), field_changes(old, item));
            }
            Some(_) => {}
        }
    }
    out.removed = a
        .keys()
        .filter(|id| !b.contains_key(*id))
        .cloned()
        .collect();
    out
}

pub(crate) fn doc_diff(a: &Doc, b: &Doc) -> ProjectDiff {
    let empty = BTreeMap::new();
    let sections = SECTIONS
        .iter()
        .map(|name| {
            let (sa, sb) = (
                a.section(name).unwrap_or(&empty),
                b.section(name).unwrap_or(&empty),
            );
            (*name, section_diff(sa, sb))
        })
        .collect();
    ProjectDiff {
        project: field_changes(&a.meta, &b.meta),
        sections,
    }
}

/// What changed from `a` to `b`. Fails only when a project cannot be encoded as JSON.
pub fn diff(a: &Project, b: &Project) -> Result<ProjectDiff, serde_json::Error> {
    Ok(doc_diff(&to_doc(a)?, &to_doc(b)?))
}

fn set_fields(item: &mut Item, fields: &BTreeMap<String, Option<Value>>) {
    for (field, value) in fields {
        match value {
            Some(v) => {
                item.insert(field.clone(), v.clone());
            }
            None => {
                item.remove(field);
            }
        }
    }
}

/// `a` with the changes of `diff` made: `apply(a, &diff(a, b)) == b`. Changes to items `a` lacks
/// make those items from the changed fields alone; an item that then does not read (a field of
/// the wrong type) fails with its section and id.
pub fn apply(a: &Project, diff: &ProjectDiff) -> Result<Project, serde_json::Error> {
    let mut doc = to_doc(a)?;
    set_fields(&mut doc.meta, &diff.project);
    for (name, changes) in &diff.sections {
        let section = doc.sections.entry(name).or_default();
        for id in &changes.removed {
            section.remove(id);
        }
        for (id, item) in &changes.added {
            section.insert(id.clone(), item.clone());
        }
        for (id, fields) in &changes.changed {
            set_fields(section.entry(id.clone()).or_default(), fields);
        }
    }
    from_doc(&doc)
}
