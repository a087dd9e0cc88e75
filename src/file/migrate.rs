//! Old file versions, brought up to the current one step by step on load.
//!
//! Version 0 was the first sketch: one chain implied by a top-level `stages` list (with `tier`),
//! nodes with a single `stage`, flat figures and `x`/`y`, and `edges` with `source`/`target`/
//! `amount` that were always supply links.
//!
//! Version 1 had no tax bases: a fiscal phase split the firms' total tax. Version 2 (issue 19)
//! lets a fiscal phase split the local or county-retained part (`basis`), and adds taxes by
//! type, per-firm anchors, quotas, group parties and payments. Everything it adds has a default
//! that means what version 1 meant (no `basis` is the total), so a version 1 file is read as it
//! is, without a rewrite, and its problems keep the file's own lines and columns.
//!
//! Version 3 (issue 22) adds `scenarios`, named sets of edits on top of the project. A version 2
//! file has none and reads as it is; the number goes up so that an older build refuses a file
//! with scenarios instead of opening it and dropping them on its next save.

/// Whether a file of `version` must be rewritten by [`migrate`] before it is read.
pub fn rewrites(version: u32) -> bool {
    version == 0
}

use crate::model::Issue;
use serde_json::{Map, Value, json};

/// Brings a file object of `version` up to [`super::CURRENT_VERSION`], in place.
pub fn migrate(file: &mut Map<String, Value>, version: u32) -> Result<(), Issue> {
    if version == 0 {
        v0_to_v1(file)?;
    }
    file.insert("version".to_owned(), json!(super::CURRENT_VERSION));
    Ok(())
}

fn v0_to_v1(file: &mut Map<String, Value>) -> Result<(), Issue> {
    let bad = |what: &str| {
        Issue::blocking(
            "bad_v0",
            what.to_owned(),
            format!("旧版(第 0 版)文件的“{what}”无法转换"),
            format!("cannot convert \"{what}\" of this old (version 0) file"),
        )
    };
    let year = file.remove("year").unwrap_or(json!(2024));
    let year_key = match &year {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return Err(bad("year")),
    };
    if let Some(stages) = file.remove("stages") {
        let Value::Array(stages) = stages else {
            return Err(bad("stages"));
        };
        let stages: Vec<Value> = stages
            .into_iter()
            .map(|mut s| {
                if let Some(obj) = s.as_object_mut()
                    && let Some(tier) = obj.remove("tier")
                {
                    obj.insert("segment".to_owned(), tier);
                }
                s
            })
            .collect();
        let name = file.get("name").cloned().unwrap_or(json!(""));
        file.insert(
            "chains".to_owned(),
            json!([{ "id": "main", "name": name, "stages": stages }]),
        );
    }
    if let Some(Value::Array(nodes)) = file.get_mut("nodes") {
        for node in nodes.iter_mut() {
            let Some(obj) = node.as_object_mut() else {
                continue;
            };
            if let Some(stage) = obj.remove("stage") {
                obj.insert("stages".to_owned(), json!([stage]));
            }
            let mut figures = Map::new();
            for (old, new) in [
                ("revenue", "output"),
                ("tax", "tax"),
                ("land_mu", "land_mu"),
                ("employees", "employees"),
            ] {
                if let Some(v) = obj.remove(old) {
                    figures.insert(new.to_owned(), v);
                }
            }
            if !figures.is_empty() {
                obj.insert(
                    "figures".to_owned(),
                    json!({ year_key.clone(): Value::Object(figures) }),
                );
            }
            if let (Some(x), Some(y)) = (obj.remove("x"), obj.remove("y")) {
                obj.insert("position".to_owned(), json!({ "x": x, "y": y }));
            }
        }
    }
    if let Some(edges) = file.remove("edges") {
        let Value::Array(edges) = edges else {
            return Err(bad("edges"));
        };
        let links: Vec<Value> = edges
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let get = |k: &str| e.get(k).cloned().unwrap_or(Value::Null);
                let mut link = json!({
                    "id": format!("l{}", i + 1),
                    "kind": "supply",
                    "from": get("source"),
                    "to": get("target"),
                });
                if let Some(p) = e.get("product") {
                    link["product"] = p.clone();
                }
                if let Some(a) = e.get("amount") {
                    link["value"] = a.clone();
                }
                link
            })
            .collect();
        file.insert("links".to_owned(), Value::Array(links));
    }
    Ok(())
}
