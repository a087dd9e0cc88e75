//! `chainmap merge BASE OURS THEIRS -o OUT [--take ours|theirs] [--json]`: three-way merge by id
//! and field (`crate::merge::merge`). Conflicts → exit 1 and each listed, nothing written; a
//! result that would fail `chainmap check` → exit 1 with the problems, nothing written; else the
//! merged project written canonically (as a save writes it) to OUT.
//!
//! JSON: `{"conflicts": [{"kind", "section", "id", "field", "ours", "theirs"}], "problems":
//! [{"code", "place", "message"}], "written": path or null}`.

use super::{EXIT_OK, EXIT_PROBLEM, load_for_command};
use crate::i18n::Lang;
use crate::merge::{Conflict, MergeError, Side};
use crate::model::{Issue, Project};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The side `--take` resolves every conflict to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Take {
    Ours,
    Theirs,
}

/// Runs `chainmap diff` or `chainmap merge`.
pub(super) fn run(
    command: super::Command,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    match command {
        super::Command::Diff {
            a,
            b,
            scenario,
            json,
        } => {
            let b = super::common::Input::new(&b, scenario.as_deref());
            super::diff::diff(&a, b, json, lang, out, err)
        }
        super::Command::Merge {
            base,
            ours,
            theirs,
            out: target,
            take,
            json,
        } => merge([&base, &ours, &theirs], &target, take, json, lang, out, err),
        // The caller hands over only these two commands.
        _ => Ok(super::EXIT_USAGE),
    }
}

fn merge(
    paths: [&Path; 3],
    target: &Path,
    take: Option<Take>,
    as_json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let mut projects = Vec::with_capacity(3);
    for path in paths {
        // Every file is tried, so one run names every file that cannot be opened.
        projects.push(load_for_command(path, lang, err)?);
    }
    let [Some(base), Some(ours), Some(theirs)] =
        <[Option<Project>; 3]>::try_from(projects).unwrap_or([None, None, None])
    else {
        return Ok(EXIT_PROBLEM);
    };
    let side = take.map(|t| match t {
        Take::Ours => Side::Ours,
        Take::Theirs => Side::Theirs,
    });
    let merged = match crate::merge::merge(&base, &ours, &theirs, side) {
        Ok(p) => p,
        Err(MergeError::Conflicts(conflicts)) => {
            report_conflicts(&conflicts, target, as_json, lang, out)?;
            return Ok(EXIT_PROBLEM);
        }
        Err(MergeError::Encode(e)) => {
            let message = match lang {
                Lang::Zh => format!("合并结果无法组成项目:{e}"),
                Lang::En => format!("the merged items do not make a project: {e}"),
            };
            writeln!(err, "{}: {message}", lang.pick("错误", "error"))?;
            return Ok(EXIT_PROBLEM);
        }
    };
    let problems = crate::merge::problems(&merged);
    if !problems.is_empty() {
        report_problems(&problems, target, as_json, lang, out)?;
        return Ok(EXIT_PROBLEM);
    }
    let text = crate::file::to_json(&merged).map_err(std::io::Error::other)?;
    if let Err(e) = write_replacing(target, text.as_bytes()) {
        let message = match lang {
            Lang::Zh => format!("无法写入 {}:{e}", target.display()),
            Lang::En => format!("cannot write {}: {e}", target.display()),
        };
        writeln!(err, "{}: {message}", lang.pick("错误", "error"))?;
        return Ok(EXIT_PROBLEM);
    }
    if as_json {
        let doc = json!({"conflicts": [], "problems": [], "written": target.display().to_string()});
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
    } else {
        summarise(&ours, &merged, target, lang, out)?;
    }
    Ok(EXIT_OK)
}

/// Writes the file through a temporary beside it and a rename, so an interrupted merge leaves
/// the old file whole. Unlike a save it keeps no `.bak`: as a git merge driver the target is
/// git's temporary file, and a backup would litter the work tree.
fn write_replacing(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "merged".to_owned());
    let tmp = dir.join(format!(".{name}.merge.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// What the merge changed relative to our side.
fn summarise(
    ours: &Project,
    merged: &Project,
    target: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} {}",
        lang.pick("已合并,写入", "Merged, written to"),
        target.display()
    )?;
    let changes = crate::merge::diff(ours, merged).map_err(std::io::Error::other)?;
    if changes.is_empty() {
        writeln!(out, "  {}", lang.pick("与我方相同", "the same as ours"))?;
    }
    if !changes.project.is_empty() {
        let fields: Vec<&str> = changes.project.keys().map(String::as_str).collect();
        writeln!(
            out,
            "  {}: {}",
            crate::merge::section_label(crate::merge::PROJECT, lang),
            fields.join(", ")
        )?;
    }
    for name in crate::merge::SECTIONS {
        let s = changes.section(name);
        if !s.is_empty() {
            writeln!(
                out,
                "  {}: {} {}, {} {}, {} {} {}",
                crate::merge::section_label(name, lang),
                lang.pick("新增", "added"),
                s.added.len(),
                lang.pick("删除", "removed"),
                s.removed.len(),
                lang.pick("修改", "changed"),
                s.changed.len(),
                lang.pick("(相对我方)", "(relative to ours)")
            )?;
        }
    }
    Ok(())
}

/// A value for a line of text: compact JSON, cut short when long.
fn shown(value: Option<&Value>, lang: Lang) -> String {
    let Some(value) = value else {
        return lang.pick("(无)", "(none)").to_owned();
    };
    let text = value.to_string();
    if text.chars().count() > 100 {
        let cut: String = text.chars().take(100).collect();
        format!("{cut}…")
    } else {
        text
    }
}

fn report_conflicts(
    conflicts: &[Conflict],
    target: &Path,
    as_json: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if as_json {
        let doc = json!({"conflicts": conflicts, "problems": [], "written": Value::Null});
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
        return Ok(());
    }
    match lang {
        Lang::Zh => writeln!(
            out,
            "{} 处冲突,未写入 {}(用 --take ours 或 --take theirs 全部取一方):",
            conflicts.len(),
            target.display()
        )?,
        Lang::En => writeln!(
            out,
            "{} conflict(s), {} not written (--take ours or --take theirs resolves them all):",
            conflicts.len(),
            target.display()
        )?,
    }
    for c in conflicts {
        let place = match (&c.field, c.id.is_empty()) {
            (Some(f), false) => format!("{}/{}/{f}", c.section, c.id),
            (Some(f), true) => format!("{}/{f}", c.section),
            (None, _) => format!("{}/{}", c.section, c.id),
        };
        writeln!(out, "  {place}: {}", c.kind.label(lang))?;
        writeln!(
            out,
            "    {}: {}",
            lang.pick("我方", "ours"),
            shown(c.ours.as_ref(), lang)
        )?;
        writeln!(
            out,
            "    {}: {}",
            lang.pick("对方", "theirs"),
            shown(c.theirs.as_ref(), lang)
        )?;
    }
    Ok(())
}

fn report_problems(
    problems: &[Issue],
    target: &Path,
    as_json: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if as_json {
        let list: Vec<Value> = problems
            .iter()
            .map(|i| json!({"code": i.code, "place": i.place, "message": i.message(lang)}))
            .collect();
        let doc = json!({"conflicts": [], "problems": list, "written": Value::Null});
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
        return Ok(());
    }
    match lang {
        Lang::Zh => writeln!(
            out,
            "合并结果有 {} 个错误,未写入 {}:",
            problems.len(),
            target.display()
        )?,
        Lang::En => writeln!(
            out,
            "the merged project has {} error(s); {} not written:",
            problems.len(),
            target.display()
        )?,
    }
    for issue in problems {
        writeln!(out, "  {}", issue.text(lang))?;
    }
    Ok(())
}
