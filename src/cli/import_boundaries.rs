//! `chainmap import --boundaries FILE.geojson --into PROJECT -o OUT`: region outlines from a
//! GeoJSON (src/file/boundaries), the same reading and matching as File → Import Boundaries….
//! A file that cannot be read, or that names no region of the project, writes nothing.

use super::args::Command;
use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, load_for_command};
use crate::file::boundaries::{BoundaryImport, feature_label, import_boundaries as read};
use crate::i18n::Lang;
use std::io::Write;
use std::path::Path;

/// Runs `import --boundaries`; clap has checked that --into and -o are given.
pub fn run(
    command: Command,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Command::Import {
        boundaries: Some(geojson),
        into: Some(into),
        out: Some(target),
        json,
        ..
    } = command
    else {
        writeln!(
            err,
            "{}",
            lang.pick(
                "--boundaries 需要 --into 项目和 -o 输出文件",
                "--boundaries needs --into PROJECT and -o OUT"
            )
        )?;
        return Ok(EXIT_USAGE);
    };
    import_boundaries(&geojson, &into, &target, json, lang, out, err)
}

/// Reads `geojson`, sets the outlines it gives on the regions of the project at `into`, and
/// writes the project to `target`.
pub fn import_boundaries(
    geojson: &Path,
    into: &Path,
    target: &Path,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(mut project) = load_for_command(into, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let plan = match read(geojson, &project) {
        Ok(plan) => plan,
        Err(issue) => {
            writeln!(err, "{}", issue.text(lang))?;
            writeln!(
                err,
                "{}",
                lang.pick(
                    "没有导入任何边界,也没有写文件。",
                    "No boundary was imported and no file was written."
                )
            )?;
            return Ok(EXIT_PROBLEM);
        }
    };
    let ok = !plan.matched.is_empty();
    if ok {
        if let Some(edit) = plan.edit()
            && let Err(e) = edit.apply(&mut project)
        {
            writeln!(err, "{}", e.message(lang))?;
            return Ok(EXIT_PROBLEM);
        }
        crate::file::save(target, &project).map_err(std::io::Error::other)?;
    }
    if json {
        #[derive(serde::Serialize)]
        struct Report<'a> {
            ok: bool,
            written: Option<String>,
            #[serde(flatten)]
            plan: &'a BoundaryImport,
        }
        let report = Report {
            ok,
            written: ok.then(|| target.display().to_string()),
            plan: &plan,
        };
        // Written as text, so a closed pipe (`| head`) stays an I/O error of its own kind.
        let text = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        if ok {
            writeln!(out, "{}", target.display())?;
        }
        write_listing(&plan, lang, if ok { out } else { err })?;
    }
    Ok(if ok { EXIT_OK } else { EXIT_PROBLEM })
}

/// The summary, then each match, each feature not matched (with why) and the regions left
/// without a boundary.
fn write_listing(plan: &BoundaryImport, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", plan.summary(lang))?;
    for m in &plan.matched {
        let short = if m.by_short_name {
            lang.pick("(去掉后缀后同名)", " (same name without the suffix)")
        } else {
            ""
        };
        writeln!(
            out,
            "  {} → {} ({}){short}",
            feature_label(m.feature, Some(&m.feature_name), lang),
            m.region_name,
            m.region,
        )?;
    }
    if !plan.unmatched.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("未匹配的要素:", "Features not matched:")
        )?;
        for u in &plan.unmatched {
            let code = u
                .adcode
                .as_ref()
                .map(|c| format!(" [{c}]"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}{code}{}{}",
                feature_label(u.feature, u.name.as_deref(), lang),
                lang.pick(":", ": "),
                u.reason.text(lang)
            )?;
        }
    }
    if !plan.without_boundary.is_empty() {
        let names: Vec<&str> = plan
            .without_boundary
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        let sep = lang.pick("、", ", ");
        writeln!(
            out,
            "{}{}",
            lang.pick("没有边界的地区:", "Regions without a boundary: "),
            names.join(sep)
        )?;
    }
    Ok(())
}
