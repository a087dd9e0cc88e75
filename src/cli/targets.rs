//! `chainmap targets FILE [--candidates LIST] [--json]`: the 招商 list — candidate firms ranked
//! by the gaps they fill (gap priority × fit), each with its reason. Without `--candidates` the
//! project's saved list is ranked; with it, the list is read as the editor's File → Import
//! Candidates reads it (matched to the saved list by name, keeping status and note) and the
//! project file is left as it is.
//!
//! JSON: `{"unit", "targets": [{"rank", "candidate": {"id", "name", "location", "products",
//! "revenue", "tags", "status"}, "gap": {"class", "action", "stage", "stage_name", "product",
//! "origin", "priority"} | null, "score", "fit", "standing", "other_gaps", "reason"}]}`, best
//! first.

use super::common::load_for_command;
use super::templates::{display_width, pad_right};
use super::{EXIT_OK, EXIT_PROBLEM};
use crate::analysis::{AnalysisOptions, analyze};
use crate::i18n::Lang;
use crate::model::Project;
use crate::targets::{GapMatch, GapTarget, Target, TargetList, rank, read_candidates};
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;

pub(super) fn targets(
    path: &Path,
    candidates: Option<&Path>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(mut project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    if let Some(list) = candidates {
        match read_candidates(list, &project) {
            Ok(import) => {
                for problem in &import.problems {
                    writeln!(err, "{}", problem.text(lang))?;
                }
                project.candidates = import.candidates;
            }
            Err(issue) => {
                writeln!(err, "{}", issue.text(lang))?;
                return Ok(EXIT_PROBLEM);
            }
        }
    }
    if project.candidates.is_empty() {
        writeln!(
            err,
            "{}",
            lang.pick(
                "项目还没有招商候选:用 --candidates 指定名单(CSV 或 Excel),或在编辑器中“文件 → 导入招商候选…”",
                "the project has no candidates yet: give a list with --candidates (CSV or Excel), or use File → Import Candidates… in the editor",
            )
        )?;
    }
    let analysis = analyze(&project, &AnalysisOptions::default());
    let list = rank(&project, &analysis);
    if json {
        serde_json::to_writer_pretty(&mut *out, &to_json(&project, &list, lang))?;
        writeln!(out)?;
    } else {
        print_list(&project, &list, lang, out)?;
    }
    Ok(EXIT_OK)
}

/// The list as JSON (the contract in the module's doc).
pub fn to_json(project: &Project, list: &TargetList, lang: Lang) -> Value {
    let targets: Vec<Value> = list
        .targets
        .iter()
        .filter_map(|t| {
            let c = project.candidates.get(&t.candidate)?;
            let gap = t.best.as_ref().map(|m| gap_json(&list.gaps[m.gap], lang));
            let fit = t.best.as_ref().map(|m| {
                json!({
                    "value": m.fit.value,
                    "match": m.fit.kind.code(),
                    "offered": m.fit.offered,
                    "wanted": m.fit.wanted,
                    "size": m.fit.size,
                    "tags": m.fit.tags,
                })
            });
            let others: Vec<Value> = t.others.iter().map(|m| other_json(list, m, lang)).collect();
            Some(json!({
                "rank": t.rank,
                "candidate": {
                    "id": c.id,
                    "name": c.name,
                    "location": c.location,
                    "products": c.products,
                    "revenue": c.revenue.and_then(|r| r.to_f64()),
                    "tags": c.tags,
                    "status": c.status.code(),
                    "note": c.note,
                },
                "gap": gap,
                "score": t.score,
                "fit": fit,
                "standing": t.standing.code(),
                "supplied": t.supplied,
                "other_gaps": others,
                "reason": t.reason(lang),
            }))
        })
        .collect();
    json!({"unit": project.meta.unit, "targets": targets})
}

fn gap_json(g: &GapTarget, lang: Lang) -> Value {
    json!({
        "class": g.class.code(),
        "action": g.class.action(lang),
        "stage": g.stage,
        "stage_name": lang.pick(&g.stage_name, if g.stage_name_en.is_empty() { &g.stage_name } else { &g.stage_name_en }),
        "product": g.product,
        "origin": match g.origin {
            crate::analysis::GapOrigin::Project => "project",
            crate::analysis::GapOrigin::Reference => "reference",
        },
        "priority": g.priority,
    })
}

fn other_json(list: &TargetList, m: &GapMatch, lang: Lang) -> Value {
    let mut gap = gap_json(&list.gaps[m.gap], lang);
    gap["score"] = json!(m.score);
    gap
}

/// The list as a table: rank, score, gap, status and firm on one line, the reason under it.
fn print_list(
    project: &Project,
    list: &TargetList,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} — {} ({} {})",
        project.meta.name,
        lang.pick("招商清单", "firms to attract (招商)"),
        list.targets.len(),
        lang.pick("家候选", "candidates")
    )?;
    let gap_text = |t: &Target| {
        t.best
            .as_ref()
            .map(|m| list.gaps[m.gap].label(lang))
            .unwrap_or_else(|| lang.pick("(无缺口)", "(no gap)").to_owned())
    };
    let heads = [
        lang.pick("排名", "rank"),
        lang.pick("得分", "score"),
        lang.pick("缺口", "gap"),
        lang.pick("状态", "status"),
        lang.pick("企业", "firm"),
    ];
    let gap_width = list
        .targets
        .iter()
        .map(|t| display_width(&gap_text(t)))
        .chain([display_width(heads[2])])
        .max()
        .unwrap_or(0);
    let status_width = crate::model::CandidateStatus::ALL
        .iter()
        .map(|s| display_width(s.label(lang)))
        .chain([display_width(heads[3])])
        .max()
        .unwrap_or(0);
    writeln!(
        out,
        "{}  {}  {}  {}  {}",
        pad_left(heads[0], 4),
        pad_left(heads[1], 5),
        pad_right(heads[2], gap_width),
        pad_right(heads[3], status_width),
        heads[4]
    )?;
    for t in &list.targets {
        let Some(c) = project.candidates.get(&t.candidate) else {
            continue;
        };
        let place = if c.location.is_empty() {
            String::new()
        } else {
            format!(" ({})", c.location)
        };
        writeln!(
            out,
            "{:>4}  {:>5.1}  {}  {}  {}{place}",
            t.rank,
            t.score,
            pad_right(&gap_text(t), gap_width),
            pad_right(c.status.label(lang), status_width),
            c.name
        )?;
        writeln!(out, "{}  {}", " ".repeat(13), t.reason(lang))?;
    }
    Ok(())
}

fn pad_left(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(display_width(text));
    format!("{}{text}", " ".repeat(pad))
}
