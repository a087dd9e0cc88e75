//! Three-way merge: what each side changed since the common base, combined by id and field.
//!
//! Per item: the same on both sides → kept; changed (or added, or removed) on one side only →
//! that side's version; changed on both → field by field, each field likewise, and a field
//! changed differently on both sides is a conflict. An item removed on one side and changed on
//! the other is a conflict about the whole item; added on both sides with different content, a
//! conflict per differing field. Removing an item also drops what only made sense with it (the
//! links of a removed node, a removed node in views and agreement scopes: `clean_dangling`).

use super::{Doc, Item, PROJECT, SECTIONS, from_doc, to_doc};
use crate::model::Project;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One side of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Ours,
    Theirs,
}

/// What kind of disagreement a conflict is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// The same field of an item changed differently on both sides.
    ChangedBoth,
    /// The same id added on both sides, with different values of this field.
    AddedBoth,
    /// The item removed on one side and changed on the other (`field` is none; the removed
    /// side's value is none).
    RemovedChanged,
}

impl ConflictKind {
    /// The kind in words.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            ConflictKind::ChangedBoth => lang.pick("双方都改了", "changed on both sides"),
            ConflictKind::AddedBoth => lang.pick("双方都添加了", "added on both sides"),
            ConflictKind::RemovedChanged => lang.pick(
                "一方删除、一方修改",
                "removed on one side, changed on the other",
            ),
        }
    }
}

/// A disagreement the merge cannot settle by itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// `nodes`, `links` … or `project` for project-wide fields.
    pub section: &'static str,
    /// The item's id (empty for `project`).
    pub id: String,
    /// The field (as named in the file); none for the whole item.
    pub field: Option<String>,
    /// Our value; none when absent (removed, or the field left out).
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
}

/// Why a merge gave no project.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeError {
    /// Conflicts nobody chose a side for.
    Conflicts(Vec<Conflict>),
    /// A project could not be encoded, or a combined item does not read back (`section/id:
    /// why`).
    Encode(String),
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeError::Conflicts(c) => write!(f, "{} conflict(s)", c.len()),
            MergeError::Encode(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for MergeError {}

/// Merges the changes `ours` and `theirs` made to `base`; with `take`, every conflict goes that
/// side's way, else conflicts come back and no project.
pub fn merge(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    take: Option<Side>,
) -> Result<Project, MergeError> {
    merge_with(base, ours, theirs, &|_| take)
}

/// Merges, asking `choose` which side wins each conflict (none: the conflict stays). The editor
/// first merges with no choices to list the conflicts, then again with the user's.
pub fn merge_with(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    choose: &dyn Fn(&Conflict) -> Option<Side>,
) -> Result<Project, MergeError> {
    let encode = |e: serde_json::Error| MergeError::Encode(e.to_string());
    let (b, o, t) = (
        to_doc(base).map_err(encode)?,
        to_doc(ours).map_err(encode)?,
        to_doc(theirs).map_err(encode)?,
    );
    let mut merger = Merger {
        choose,
        conflicts: Vec::new(),
    };
    let doc = merger.doc(&b, &o, &t);
    if !merger.conflicts.is_empty() {
        return Err(MergeError::Conflicts(merger.conflicts));
    }
    let mut project = from_doc(&doc).map_err(encode)?;
    clean_dangling(&mut project);
    Ok(project)
}

struct Merger<'a> {
    choose: &'a dyn Fn(&Conflict) -> Option<Side>,
    conflicts: Vec<Conflict>,
}

impl Merger<'_> {
    fn doc(&mut self, b: &Doc, o: &Doc, t: &Doc) -> Doc {
        let meta = self.fields(PROJECT, "", Some(&b.meta), &o.meta, &t.meta);
        let empty = BTreeMap::new();
        let sections = SECTIONS
            .iter()
            .map(|name| {
                let get = |d: &'_ Doc| d.section(name).unwrap_or(&empty).clone();
                (*name, self.section(name, &get(b), &get(o), &get(t)))
            })
            .collect();
        Doc { meta, sections }
    }

    /// Records a conflict the chooser leaves open, or gives the chosen side's value.
    fn settle(&mut self, conflict: Conflict) -> Option<Value> {
        match (self.choose)(&conflict) {
            Some(Side::Ours) => conflict.ours,
            Some(Side::Theirs) => conflict.theirs,
            None => {
                self.conflicts.push(conflict);
                None
            }
        }
    }

    fn section(
        &mut self,
        name: &'static str,
        b: &BTreeMap<String, Item>,
        o: &BTreeMap<String, Item>,
        t: &BTreeMap<String, Item>,
    ) -> BTreeMap<String, Item> {
        let ids: BTreeSet<&String> = b.keys().chain(o.keys()).chain(t.keys()).collect();
        let mut out = BTreeMap::new();
        for id in ids {
            let (bi, oi, ti) = (b.get(id), o.get(id), t.get(id));
            let merged = if oi == ti || ti == bi {
                oi.cloned()
            } else if oi == bi {
                ti.cloned()
            } else if let (Some(oi), Some(ti)) = (oi, ti) {
                Some(self.fields(name, id, bi, oi, ti))
            } else {
                let whole = |i: Option<&Item>| i.map(|i| Value::Object(i.clone()));
                let chosen = self.settle(Conflict {
                    kind: ConflictKind::RemovedChanged,
                    section: name,
                    id: id.clone(),
                    field: None,
                    ours: whole(oi),
                    theirs: whole(ti),
                });
                match chosen {
                    Some(Value::Object(item)) => Some(item),
                    _ => None,
                }
            };
            if let Some(item) = merged {
                out.insert(id.clone(), item);
            }
        }
        out
    }

    /// Field by field; without a base (added on both sides) every difference is a conflict.
    fn fields(
        &mut self,
        section: &'static str,
        id: &str,
        b: Option<&Item>,
        o: &Item,
        t: &Item,
    ) -> Item {
        let mut keys: Vec<&String> = o.keys().chain(t.keys()).collect();
        if let Some(b) = b {
            keys.extend(b.keys());
        }
        keys.sort();
        keys.dedup();
        let mut out = Item::new();
        for key in keys {
            let (ov, tv) = (o.get(key), t.get(key));
            let bv = b.and_then(|b| b.get(key));
            let value = if ov == tv || (b.is_some() && tv == bv) {
                ov.cloned()
            } else if b.is_some() && ov == bv {
                tv.cloned()
            } else {
                self.settle(Conflict {
                    kind: if b.is_some() {
                        ConflictKind::ChangedBoth
                    } else {
                        ConflictKind::AddedBoth
                    },
                    section,
                    id: id.to_owned(),
                    field: Some(key.clone()),
                    ours: ov.cloned(),
                    theirs: tv.cloned(),
                })
            };
            if let Some(v) = value {
                out.insert(key.clone(), v);
            }
        }
        out
    }
}

/// Drops references to things the project no longer has, as removing them in the editor does:
/// links to or from a missing node; a missing region, stage, home county; missing nodes in views'
/// highlights and agreements' scopes; missing chains and stages in view filters; a view's missing
/// agreement; the reference matching of a missing chain. A missing agreement party is left: who
/// gets what must not change silently, so `problems` reports it.
pub fn clean_dangling(project: &mut Project) {
    let nodes: BTreeSet<_> = project.nodes.keys().cloned().collect();
    let stages: BTreeSet<_> = project.stages().map(|(_, s)| s.id.clone()).collect();
    project
        .links
        .retain(|_, l| nodes.contains(&l.from) && nodes.contains(&l.to));
    for node in project.nodes.values_mut() {
        if node.region.as_ref().is_some_and(|r| !nodes.contains(r)) {
            node.region = None;
        }
        node.stages.retain(|s| stages.contains(s));
    }
    if project
        .meta
        .home_region
        .as_ref()
        .is_some_and(|r| !nodes.contains(r))
    {
        project.meta.home_region = None;
    }
    for agreement in project.agreements.values_mut() {
        agreement.scope.retain(|n| nodes.contains(n));
    }
    let agreements: BTreeSet<_> = project.agreements.keys().cloned().collect();
    for view in project.views.values_mut() {
        view.highlight.retain(|n| nodes.contains(n));
        view.filter
            .chains
            .retain(|c| project.chains.contains_key(c));
        view.filter.stages.retain(|s| stages.contains(s));
        if view
            .agreement
            .as_ref()
            .is_some_and(|a| !agreements.contains(a))
        {
            view.agreement = None;
        }
    }
    let chains = &project.chains;
    project.references.retain(|c, _| chains.contains_key(c));
}
