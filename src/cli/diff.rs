//! `chainmap diff A B [--scenario S] [--json]`: what differs between two projects, by id and
//! field (`crate::merge::diff`), with the figures of the analysis on both sides
//! (`crate::scenario::compare`). With `--scenario`, B is read as that scenario of it. Exit 0
//! whether or not they differ (1 only when a file or the scenario cannot be opened).
//!
//! JSON: `{"project": {"fields": [..]}, "chains" | "nodes" | "links" | "agreements" | "views" |
//! "references" | "candidates" | "scenarios": {"added": [ids], "removed": [ids], "changed":
//! [{"id", "fields"}]}, "metrics": {"local_supporting_rate" | "stage_coverage" |
//! "product_completeness" | "gaps_missing" | … | "output" …: {"a", "b"}, "gaps": {"a": {class:
//! count}, "b": {..}}}, "compare": {"year", "stages", "gaps_closed", "gaps_opened", "leaders",
//! "land_classes", "towns", "agreements"}}`; ids and field names sorted, field names as in the
//! file.

use super::common::Input;
use super::{EXIT_OK, EXIT_PROBLEM, load_for_command};
use crate::i18n::Lang;
use crate::merge::{ProjectDiff, SECTIONS, SectionDiff, item_name, section_label};
use crate::model::Project;
use crate::scenario::compare::{Comparison, compare, format_value};
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;

pub(super) fn diff(
    a: &Path,
    b: Input,
    as_json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let (Some(pa), Some(pb)) = (load_for_command(a, lang, err)?, b.load(lang, err)?) else {
        return Ok(EXIT_PROBLEM);
    };
    let changes = crate::merge::diff(&pa, &pb).map_err(std::io::Error::other)?;
    let metrics = compare(&pa, &pb, None);
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &to_json(&changes, &metrics))?;
        writeln!(out)?;
    } else {
        print_text((a, b.path), (&pa, &pb), &changes, &metrics, lang, out)?;
    }
    Ok(EXIT_OK)
}

fn section_json(s: &SectionDiff) -> Value {
    let changed: Vec<Value> = s
        .changed
        .iter()
        .map(|(id, fields)| json!({"id": id, "fields": fields.keys().collect::<Vec<_>>()}))
        .collect();
    json!({
        "added": s.added.keys().collect::<Vec<_>>(),
        "removed": s.removed.iter().collect::<Vec<_>>(),
        "changed": changed,
    })
}

fn to_json(changes: &ProjectDiff, metrics: &Comparison) -> Value {
    let mut doc = serde_json::Map::new();
    doc.insert(
        crate::merge::PROJECT.to_owned(),
        json!({"fields": changes.project.keys().collect::<Vec<_>>()}),
    );
    for name in SECTIONS {
        doc.insert(name.to_owned(), section_json(&changes.section(name)));
    }
    // The figures, each {"a", "b"}, go under "metrics"; the rows (per stage, gaps closed and
    // opened, leaders, classes, towns, agreements) and the year under "compare".
    let mut figures = serde_json::Map::new();
    let mut rows = serde_json::Map::new();
    if let Value::Object(all) = metrics.to_json() {
        for (key, value) in all {
            let is_pair = value.get("a").is_some() && value.get("b").is_some();
            if is_pair {
                figures.insert(key, value);
            } else {
                rows.insert(key, value);
            }
        }
    }
    doc.insert("metrics".to_owned(), Value::Object(figures));
    doc.insert("compare".to_owned(), Value::Object(rows));
    Value::Object(doc)
}

fn print_text(
    paths: (&Path, &Path),
    projects: (&Project, &Project),
    changes: &ProjectDiff,
    metrics: &Comparison,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (pa, pb) = projects;
    writeln!(out, "A: {}\nB: {}", paths.0.display(), paths.1.display())?;
    if changes.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("两个项目相同", "The projects are the same")
        )?;
    }
    if !changes.project.is_empty() {
        let fields: Vec<&str> = changes.project.keys().map(String::as_str).collect();
        writeln!(
            out,
            "{}: {}",
            section_label(crate::merge::PROJECT, lang),
            fields.join(", ")
        )?;
    }
    for name in SECTIONS {
        let s = changes.section(name);
        if s.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}: {} {}, {} {}, {} {}",
            section_label(name, lang),
            lang.pick("新增", "added"),
            s.added.len(),
            lang.pick("删除", "removed"),
            s.removed.len(),
            lang.pick("修改", "changed"),
            s.changed.len()
        )?;
        let named = |p: &Project, id: &str| match item_name(p, name, id) {
            Some(n) => format!("{id} {n}"),
            None => id.to_owned(),
        };
        for id in s.added.keys() {
            writeln!(out, "  + {}", named(pb, id))?;
        }
        for id in &s.removed {
            writeln!(out, "  - {}", named(pa, id))?;
        }
        for (id, fields) in &s.changed {
            let fields: Vec<&str> = fields.keys().map(String::as_str).collect();
            writeln!(out, "  ~ {}: {}", named(pb, id), fields.join(", "))?;
        }
    }
    writeln!(out, "{}", lang.pick("指标(A → B):", "Figures (A → B):"))?;
    for f in &metrics.figures {
        let mark = if f.changed() { "*" } else { " " };
        writeln!(
            out,
            " {mark}{}: {} → {}",
            f.label(lang),
            format_value(f.a, f.kind),
            format_value(f.b, f.kind)
        )?;
    }
    for (title, gaps) in [
        (lang.pick("补上的缺口", "Gaps closed"), &metrics.gaps_closed),
        (
            lang.pick("新出现的缺口", "Gaps opened"),
            &metrics.gaps_opened,
        ),
    ] {
        if !gaps.is_empty() {
            writeln!(out, "{title}:")?;
            for gap in gaps {
                writeln!(out, "  {}", gap.label(lang))?;
            }
        }
    }
    Ok(())
}
