//! `chainmap diff A B [--json]`: what differs between two projects, by id and field
//! (`crate::merge::diff`), with key figures of the analysis on both sides. Exit 0 whether or not
//! they differ (1 only when a file cannot be opened).
//!
//! JSON: `{"project": {"fields": [..]}, "chains" | "nodes" | "links" | "agreements" | "views" |
//! "references" | "candidates": {"added": [ids], "removed": [ids], "changed": [{"id", "fields"}]},
//! "metrics": {"local_supporting_rate" | "stage_coverage" | "product_completeness": {"a", "b"},
//! "gaps": {"a": {class: count}, "b": {..}}}}`; ids and field names sorted, field names as in
//! the file.

use super::common::Input;
use super::{EXIT_OK, EXIT_PROBLEM, load_for_command};
use crate::analysis::{AnalysisOptions, GapClass, analyze};
use crate::i18n::Lang;
use crate::merge::{ProjectDiff, SECTIONS, SectionDiff, item_name, section_label};
use crate::model::Project;
use serde_json::{Value, json};
use std::collections::BTreeMap;
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
    let (Some(pa), Some(pb)) = (
        load_for_command(a, lang, err)?,
        b.load(lang, err)?,
    ) else {
        return Ok(EXIT_PROBLEM);
    };
    let changes = crate::merge::diff(&pa, &pb).map_err(std::io::Error::other)?;
    let metrics = [Metrics::of(&pa), Metrics::of(&pb)];
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &to_json(&changes, &metrics))?;
        writeln!(out)?;
    } else {
        print_text((a, b.path), (&pa, &pb), &changes, &metrics, lang, out)?;
    }
    Ok(EXIT_OK)
}

/// The figures compared on both sides.
struct Metrics {
    local_supporting_rate: Option<f64>,
    stage_coverage: Option<f64>,
    product_completeness: Option<f64>,
    gaps: BTreeMap<&'static str, usize>,
}

impl Metrics {
    fn of(project: &Project) -> Self {
        let analysis = analyze(project, &AnalysisOptions::default());
        let gaps = GapClass::ALL
            .iter()
            .map(|c| {
                let n = analysis.gaps.iter().filter(|g| g.class == *c).count();
                (c.code(), n)
            })
            .collect();
        Self {
            local_supporting_rate: analysis.local_supporting_rate,
            stage_coverage: analysis.completeness.stage,
            product_completeness: analysis.completeness.product,
            gaps,
        }
    }

    fn rates(&self) -> [(&'static str, Option<f64>); 3] {
        [
            ("local_supporting_rate", self.local_supporting_rate),
            ("stage_coverage", self.stage_coverage),
            ("product_completeness", self.product_completeness),
        ]
    }
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

fn to_json(changes: &ProjectDiff, metrics: &[Metrics; 2]) -> Value {
    let mut doc = serde_json::Map::new();
    doc.insert(
        crate::merge::PROJECT.to_owned(),
        json!({"fields": changes.project.keys().collect::<Vec<_>>()}),
    );
    for name in SECTIONS {
        doc.insert(name.to_owned(), section_json(&changes.section(name)));
    }
    let mut m = serde_json::Map::new();
    for ((name, a), (_, b)) in metrics[0].rates().into_iter().zip(metrics[1].rates()) {
        m.insert(name.to_owned(), json!({"a": a, "b": b}));
    }
    m.insert(
        "gaps".to_owned(),
        json!({"a": metrics[0].gaps, "b": metrics[1].gaps}),
    );
    doc.insert("metrics".to_owned(), Value::Object(m));
    Value::Object(doc)
}

fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn print_text(
    paths: (&Path, &Path),
    projects: (&Project, &Project),
    changes: &ProjectDiff,
    metrics: &[Metrics; 2],
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
    let labels = [
        lang.pick("本地配套率", "Local supporting rate"),
        lang.pick("环节覆盖率", "Stage coverage"),
        lang.pick("产品完整度", "Product completeness"),
    ];
    for ((label, (_, a)), (_, b)) in labels
        .iter()
        .zip(metrics[0].rates())
        .zip(metrics[1].rates())
    {
        writeln!(out, "  {label}: {} → {}", percent(a), percent(b))?;
    }
    for class in GapClass::ALL {
        let count = |m: &Metrics| m.gaps.get(class.code()).copied().unwrap_or(0);
        writeln!(
            out,
            "  {}({}): {} → {}",
            class.action(lang),
            class.label(lang),
            count(&metrics[0]),
            count(&metrics[1])
        )?;
    }
    Ok(())
}
