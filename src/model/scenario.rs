//! Scenarios (方案): named sets of edits on top of the project as it is (the base, 现状), such as
//! "引进 3 家之后". A scenario stores only what it changes, item by item and field by field, in the
//! file's own terms, so the base can be edited afterwards and every scenario still applies to it
//! (`crate::merge::scenario` turns the changes into a project and back).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// A named set of edits on top of the base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Scenario {
    /// Stable id within the project (`s1`, `s2` …).
    pub id: String,
    pub name: String,
    /// What the scenario assumes, in the user's words (or how it was made).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub changes: ScenarioChanges,
}

/// What a scenario changes: project-wide fields, and per section of the file (`nodes`, `links` …)
/// the items it adds, removes and changes. In the file one object: `project` beside the
/// sections' names (written by hand rather than with serde's `flatten`, which would garble the
/// file's exact decimal numbers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(try_from = "Map<String, Value>", into = "Map<String, Value>")]
pub struct ScenarioChanges {
    /// Project-wide fields (the file's top level).
    pub project: FieldChanges,
    /// By section name as in the file; sections it leaves alone are left out.
    pub sections: BTreeMap<String, ItemChanges>,
}

/// The key of the project-wide fields among the sections.
const PROJECT_KEY: &str = "project";

impl TryFrom<Map<String, Value>> for ScenarioChanges {
    type Error = String;

    fn try_from(map: Map<String, Value>) -> Result<Self, String> {
        let mut out = ScenarioChanges::default();
        for (key, value) in map {
            let fail = |e: serde_json::Error| format!("{key}: {e}");
            if key == PROJECT_KEY {
                out.project = serde_json::from_value(value).map_err(fail)?;
            } else {
                let items = serde_json::from_value(value).map_err(fail)?;
                out.sections.insert(key, items);
            }
        }
        Ok(out)
    }
}

impl From<ScenarioChanges> for Map<String, Value> {
    fn from(changes: ScenarioChanges) -> Self {
        let mut map = Map::new();
        // Neither part holds anything serde_json could fail on (maps with string keys).
        let value = |v: serde_json::Result<Value>| v.unwrap_or(Value::Null);
        if !changes.project.is_empty() {
            map.insert(
                PROJECT_KEY.to_owned(),
                value(serde_json::to_value(changes.project)),
            );
        }
        for (name, items) in changes.sections {
            if !items.is_empty() {
                map.insert(name, value(serde_json::to_value(items)));
            }
        }
        map
    }
}

impl ScenarioChanges {
    /// The scenario changes nothing (yet).
    pub fn is_empty(&self) -> bool {
        self.project.is_empty() && self.sections.values().all(ItemChanges::is_empty)
    }

    /// How many items it adds, removes and changes, over all sections.
    pub fn counts(&self) -> [usize; 3] {
        self.sections.values().fold([0; 3], |[a, r, c], s| {
            [a + s.added.len(), r + s.removed.len(), c + s.changed.len()]
        })
    }
}

/// The changes of one section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ItemChanges {
    /// New items by id, each as the file writes it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub added: BTreeMap<String, Map<String, Value>>,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub removed: BTreeSet<String>,
    /// Changed items by id: the fields set to new values, and the fields taken out.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub changed: BTreeMap<String, FieldChanges>,
}

impl ItemChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Fields of one item set to new values, and fields taken out (back to their default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct FieldChanges {
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub set: Map<String, Value>,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub unset: BTreeSet<String>,
}

impl FieldChanges {
    pub fn is_empty(&self) -> bool {
        self.set.is_empty() && self.unset.is_empty()
    }
}
