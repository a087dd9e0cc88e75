//! `chainmap import`: stages, enterprises and links from spreadsheets into a project file.

use super::{EXIT_OK, EXIT_PROBLEM, load_for_command};
use crate::file::import::column_letter;
use crate::file::import::{
    ImportOptions, ImportPlan, ImportSource, ImportSummary, NameMatch, Quality, TableKind,
    plan_import, read_for, write_template,
};
use crate::i18n::Lang;
use crate::model::{ChainId, Project, Severity};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The tables given on the command line.
pub struct Tables {
    pub stages: Option<PathBuf>,
    pub nodes: Option<PathBuf>,
    pub links: Option<PathBuf>,
    /// The sheet of a workbook to read.
    pub sheet: Option<String>,
}

#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    written: Option<String>,
    summary: ImportSummary,
    problems: Vec<Problem<'a>>,
    /// Each imported column: field, year, unit conversion.
    columns: Vec<ColumnJson>,
    /// Every column not imported, and why.
    ignored_columns: Vec<IgnoredJson>,
    /// Every row not read as a row of its table (titles, totals, notes), and why.
    skipped_rows: Vec<SkippedJson>,
    /// Stages an enterprises table named that the chain lacked, made by the import.
    new_stages: &'a [String],
    /// Names matched past their exact spelling, for the user to confirm.
    matches: &'a [NameMatch],
    /// The data-quality summary of the project as imported.
    quality: &'a Quality,
}

#[derive(Serialize)]
struct ColumnJson {
    table: String,
    column: String,
    header: String,
    field: &'static str,
    year: Option<i32>,
    /// The unit the numbers were read in and the one they are stored in, when they differ.
    converted: Option<(String, String)>,
    /// No unit in the header or above the table: the project's unit (or 亩) was taken.
    unit_assumed: bool,
}

#[derive(Serialize)]
struct IgnoredJson {
    table: String,
    column: String,
    header: String,
    reason: &'static str,
    message: String,
}

#[derive(Serialize)]
struct SkippedJson {
    table: String,
    row: usize,
    text: String,
    reason: crate::file::table::SkipReason,
    message: &'static str,
}

#[derive(Serialize)]
struct Problem<'a> {
    severity: Severity,
    place: &'a str,
    message: &'a str,
}

#[allow(clippy::too_many_arguments)]
pub fn import(
    tables: Tables,
    into: Option<PathBuf>,
    target: &Path,
    year: Option<i32>,
    chain: Option<String>,
    name: Option<String>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let mut project = match &into {
        Some(path) => match load_for_command(path, lang, err)? {
            Some(p) => p,
            None => return Ok(EXIT_PROBLEM),
        },
        None => {
            let mut p = Project::new(name.as_deref().unwrap_or("导入的项目"));
            p.meta.base_year = year;
            p
        }
    };
    let mut sources = Vec::new();
    for (kind, path) in [
        (TableKind::Stages, &tables.stages),
        (TableKind::Nodes, &tables.nodes),
        (TableKind::Links, &tables.links),
    ] {
        let Some(path) = path else { continue };
        match read_for(kind, path, tables.sheet.as_deref()) {
            Ok(table) => sources.push(ImportSource::guessed(kind, table)),
            Err(issue) => {
                writeln!(err, "{}", issue.text(lang))?;
                return Ok(EXIT_PROBLEM);
            }
        }
    }
    let options = ImportOptions {
        year,
        chain: chain.map(ChainId::from),
    };
    let plan = plan_import(&project, &sources, &options);
    let ok = !plan.has_errors();
    if ok {
        plan.apply_to(&mut project);
        crate::file::save(target, &project).map_err(std::io::Error::other)?;
    }
    if json {
        let report = Report {
            ok,
            written: ok.then(|| target.display().to_string()),
            summary: plan.summary,
            problems: plan
                .problems
                .iter()
                .map(|p| Problem {
                    severity: p.issue.severity,
                    place: &p.issue.place,
                    message: p.issue.message(lang),
                })
                .collect(),
            columns: columns_json(&plan, &sources),
            ignored_columns: ignored_json(&plan, &sources, lang),
            skipped_rows: plan
                .skipped_rows
                .iter()
                .map(|r| SkippedJson {
                    table: r.table.clone(),
                    row: r.row,
                    text: r.text.clone(),
                    reason: r.reason,
                    message: r.reason.label(lang),
                })
                .collect(),
            new_stages: &plan.new_stages,
            matches: &plan.matches,
            quality: &plan.quality,
        };
        serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::other)?;
        writeln!(out)?;
    } else {
        for p in &plan.problems {
            writeln!(err, "{}", p.issue.text(lang))?;
        }
        if ok {
            let s = plan.summary;
            writeln!(out, "{}", target.display())?;
            let lines = [
                (
                    lang.pick("环节", "stages"),
                    s.stages_added,
                    s.stages_updated,
                ),
                (lang.pick("节点", "nodes"), s.nodes_added, s.nodes_updated),
                (lang.pick("连线", "links"), s.links_added, s.links_updated),
            ];
            for (what, added, updated) in lines {
                writeln!(
                    out,
                    "  {what}: {} {added}, {} {updated}",
                    lang.pick("新增", "added"),
                    lang.pick("更新", "updated")
                )?;
            }
            writeln!(
                out,
                "  {} {}, {} {}, {} {}",
                lang.pick("新建园区", "parks created"),
                s.parks_added,
                lang.pick("新建镇", "towns created"),
                s.towns_added,
                lang.pick("新增产品", "products listed"),
                s.products_added
            )?;
            write_matches_and_quality(&plan, lang, out)?;
        } else {
            writeln!(
                err,
                "{}",
                lang.pick(
                    "有错误,没有导入任何内容,也没有写文件。",
                    "There are errors: nothing was imported and no file was written."
                )
            )?;
        }
        write_listing(&plan, &sources, lang, out)?;
    }
    Ok(if ok { EXIT_OK } else { EXIT_PROBLEM })
}

/// `chainmap import --template-sheet OUT.xlsx [--into PROJECT]`: the empty import template, its
/// amounts in the project's money unit (万元 without a project).
pub fn template(
    target: &Path,
    into: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let unit = match into {
        Some(path) => match load_for_command(path, lang, err)? {
            Some(p) => p.meta.unit,
            None => return Ok(EXIT_PROBLEM),
        },
        None => crate::model::ProjectMeta::default().unit,
    };
    match write_template(target, &unit, lang) {
        Ok(()) => {
            writeln!(out, "{}", target.display())?;
            Ok(EXIT_OK)
        }
        Err(issue) => {
            writeln!(err, "{}", issue.text(lang))?;
            Ok(EXIT_PROBLEM)
        }
    }
}

fn table_name(sources: &[ImportSource], source: usize) -> String {
    sources
        .get(source)
        .map(|s| s.table.name.clone())
        .unwrap_or_default()
}

fn columns_json(plan: &ImportPlan, sources: &[ImportSource]) -> Vec<ColumnJson> {
    plan.columns
        .iter()
        .map(|c| ColumnJson {
            table: table_name(sources, c.source),
            column: column_letter(c.column),
            header: c.header.clone(),
            field: c.field.label(Lang::En),
            year: c.year,
            converted: c.conversion.clone(),
            unit_assumed: c.unit_assumed,
        })
        .collect()
}

fn ignored_json(plan: &ImportPlan, sources: &[ImportSource], lang: Lang) -> Vec<IgnoredJson> {
    plan.ignored_columns
        .iter()
        .map(|c| {
            let headers = sources
                .get(c.source)
                .map(|s| s.table.headers.as_slice())
                .unwrap_or(&[]);
            IgnoredJson {
                table: table_name(sources, c.source),
                column: column_letter(c.column),
                header: c.header.clone(),
                reason: c.reason.code(),
                message: c.reason.text(headers, lang),
            }
        })
        .collect()
}

/// The columns read (field, year, unit), the columns not imported, the rows skipped and the
/// stages made, as text: what the import did with every column and row of the files.
fn write_listing(
    plan: &ImportPlan,
    sources: &[ImportSource],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for (i, source) in sources.iter().enumerate() {
        writeln!(out, "{}", source.table.name)?;
        for c in plan.columns.iter().filter(|c| c.source == i) {
            let mut notes = Vec::new();
            if let Some(year) = c.year {
                notes.push(format!("{year}{}", lang.pick("年", "")));
            }
            if let Some((from, to)) = &c.conversion {
                notes.push(format!("{from} → {to}"));
            }
            if c.unit_assumed {
                notes.push(
                    lang.pick("未注明单位,按项目单位", "no unit given: the project's")
                        .to_owned(),
                );
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join(", "))
            };
            writeln!(
                out,
                "  {} {} “{}” → {}{notes}",
                lang.pick("列", "column"),
                column_letter(c.column),
                c.header,
                c.field.label(lang)
            )?;
        }
        for c in plan.ignored_columns.iter().filter(|c| c.source == i) {
            writeln!(
                out,
                "  {} {} “{}”: {}",
                lang.pick("未导入的列", "not imported: column"),
                column_letter(c.column),
                c.header,
                c.reason.text(&source.table.headers, lang)
            )?;
        }
        for r in plan.skipped_rows.iter().filter(|r| r.source == i) {
            writeln!(
                out,
                "  {} {}: {} — {}",
                lang.pick("跳过第", "skipped row"),
                match lang {
                    Lang::Zh => format!("{} 行", r.row),
                    Lang::En => r.row.to_string(),
                },
                r.reason.label(lang),
                r.text
            )?;
        }
    }
    if !plan.new_stages.is_empty() {
        writeln!(
            out,
            "{}: {}",
            lang.pick(
                "新建的环节(企业表中出现、产业链中没有)",
                "new stages (named by firms, not in the chain)"
            ),
            plan.new_stages.join(lang.pick("、", ", "))
        )?;
    }
    Ok(())
}

/// Names most lines list before "… and N more" (`--json` lists every one).
const LISTED: usize = 10;

/// The names matched past their spelling (to confirm) and the data-quality summary.
fn write_matches_and_quality(
    plan: &crate::file::import::ImportPlan,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if !plan.matches.is_empty() {
        writeln!(
            out,
            "{} ({}):",
            lang.pick("按名称匹配,请核对", "Names matched, please check"),
            plan.matches.len()
        )?;
        for m in &plan.matches {
            writeln!(
                out,
                "  “{}” → “{}” ({}) · {}",
                m.text,
                m.name,
                m.how.label(lang),
                m.place
            )?;
        }
    }
    let lines = plan.quality.lines(lang);
    if lines.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "数据质量:没有发现问题",
                "Data quality: nothing to point out"
            )
        )?;
        return Ok(());
    }
    writeln!(out, "{}", lang.pick("数据质量:", "Data quality:"))?;
    for line in lines {
        let shown: Vec<&str> = line.items.iter().take(LISTED).map(String::as_str).collect();
        let more = line.items.len().saturating_sub(LISTED);
        let rest = if more > 0 {
            format!(" {} {more}", lang.pick("… 另有", "… and"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {} {}: {}{rest}",
            line.label,
            line.items.len(),
            shown.join(lang.pick("、", "; "))
        )?;
    }
    Ok(())
}
