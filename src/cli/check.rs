//! `chainmap check` and `chainmap fmt`: project files summarised with every problem and its
//! place, and rewritten in canonical form.

use super::{EXIT_OK, EXIT_PROBLEM};
use crate::file::{self, LoadOptions};
use crate::i18n::Lang;
use crate::model::{Issue, Project, Severity};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Serialize)]
struct CheckReport {
    file: String,
    ok: bool,
    loaded: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<Counts>,
    errors: usize,
    warnings: usize,
    issues: Vec<IssueOut>,
}

#[derive(Serialize)]
struct IssueOut {
    severity: Severity,
    code: &'static str,
    place: String,
    message: String,
    blocks_loading: bool,
}

#[derive(Serialize)]
struct Counts {
    chains: usize,
    stages: usize,
    products: usize,
    nodes: usize,
    nodes_by_kind: std::collections::BTreeMap<&'static str, usize>,
    links: usize,
    links_by_kind: std::collections::BTreeMap<&'static str, usize>,
    agreements: usize,
    views: usize,
}

fn counts(project: &Project) -> Counts {
    Counts {
        chains: project.chains.len(),
        stages: project.stages().count(),
        products: project.stages().map(|(_, s)| s.products.len()).sum(),
        nodes: project.nodes.len(),
        nodes_by_kind: project
            .node_counts()
            .into_iter()
            .map(|(k, n)| (k.code(), n))
            .collect(),
        links: project.links.len(),
        links_by_kind: project
            .link_counts()
            .into_iter()
            .map(|(k, n)| (k.code(), n))
            .collect(),
        agreements: project.agreements.len(),
        views: project.views.len(),
    }
}

fn check_one(path: &Path, strict: bool, lang: Lang) -> CheckReport {
    let (project, issues, version) = match file::load_path(path, LoadOptions { strict }) {
        Ok(loaded) => {
            // Coalition values that do not make a fair-split game are a problem here too.
            let mut issues = loaded.issues;
            issues.extend(crate::sharing::benchmark::game_issues(&loaded.project));
            (Some(loaded.project), issues, Some(loaded.file_version))
        }
        Err(e) => (None, e.issues, None),
    };
    let errors = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    CheckReport {
        file: path.display().to_string(),
        ok: project.is_some() && errors == 0,
        loaded: project.is_some(),
        name: project.as_ref().map(|p| p.meta.name.clone()),
        file_version: version,
        counts: project.as_ref().map(counts),
        errors,
        warnings: issues.len() - errors,
        issues: issues.iter().map(|i| issue_out(i, lang)).collect(),
    }
}

fn issue_out(issue: &Issue, lang: Lang) -> IssueOut {
    IssueOut {
        severity: issue.severity,
        code: issue.code,
        place: issue.place.clone(),
        message: issue.message(lang).to_owned(),
        blocks_loading: issue.blocks_loading,
    }
}

pub(super) fn check(
    files: &[PathBuf],
    json: bool,
    strict: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<u8> {
    let reports: Vec<CheckReport> = files.iter().map(|f| check_one(f, strict, lang)).collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    } else {
        for report in &reports {
            print_check(report, lang, out)?;
        }
    }
    Ok(if reports.iter().all(|r| r.ok) {
        EXIT_OK
    } else {
        EXIT_PROBLEM
    })
}

fn print_check(report: &CheckReport, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    match (&report.name, &report.counts) {
        (Some(name), Some(c)) => {
            writeln!(out, "{}: {name}", report.file)?;
            let kinds = |m: &std::collections::BTreeMap<&'static str, usize>| {
                m.iter()
                    .map(|(k, n)| format!("{k} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            writeln!(
                out,
                "  {} {}, {} {}, {} {}",
                lang.pick("产业链", "chains"),
                c.chains,
                lang.pick("环节", "stages"),
                c.stages,
                lang.pick("产品", "products"),
                c.products
            )?;
            writeln!(
                out,
                "  {} {} ({})",
                lang.pick("节点", "nodes"),
                c.nodes,
                kinds(&c.nodes_by_kind)
            )?;
            writeln!(
                out,
                "  {} {} ({})",
                lang.pick("连线", "links"),
                c.links,
                kinds(&c.links_by_kind)
            )?;
            writeln!(
                out,
                "  {} {}, {} {}",
                lang.pick("协议", "agreements"),
                c.agreements,
                lang.pick("视图", "views"),
                c.views
            )?;
        }
        _ => writeln!(
            out,
            "{}: {}",
            report.file,
            lang.pick("无法打开", "cannot be opened")
        )?,
    }
    for issue in &report.issues {
        let level = match issue.severity {
            Severity::Error => lang.pick("错误", "error"),
            Severity::Warning => lang.pick("警告", "warning"),
        };
        if issue.place.is_empty() {
            writeln!(out, "  {level}: {}", issue.message)?;
        } else {
            writeln!(out, "  {level}: {}: {}", issue.place, issue.message)?;
        }
    }
    if report.ok {
        if report.warnings == 0 {
            writeln!(out, "  {}", lang.pick("没有问题", "no problems"))?;
        } else {
            writeln!(
                out,
                "  {} {} {}",
                lang.pick("没有错误,", "no errors,"),
                report.warnings,
                lang.pick("个警告", "warning(s)")
            )?;
        }
    } else {
        writeln!(
            out,
            "  {} {}, {} {}",
            report.errors,
            lang.pick("个错误", "error(s)"),
            report.warnings,
            lang.pick("个警告", "warning(s)")
        )?;
    }
    Ok(())
}

pub(super) fn fmt(
    files: &[PathBuf],
    check_only: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let mut code = EXIT_OK;
    for path in files {
        let loaded = match file::load_path(path, LoadOptions::default()) {
            Ok(l) => l,
            Err(e) => {
                writeln!(
                    err,
                    "{}: {}",
                    path.display(),
                    lang.pick("无法打开", "cannot be opened")
                )?;
                for issue in &e.issues {
                    writeln!(err, "  {}", issue.text(lang))?;
                }
                code = EXIT_PROBLEM;
                continue;
            }
        };
        let text = file::to_json(&loaded.project).map_err(std::io::Error::other)?;
        let current = std::fs::read(path)?;
        if current == text.as_bytes() {
            continue;
        }
        if check_only {
            writeln!(
                out,
                "{}: {}",
                path.display(),
                lang.pick("不是规范格式", "not in canonical form")
            )?;
            code = EXIT_PROBLEM;
        } else {
            file::save(path, &loaded.project).map_err(std::io::Error::other)?;
            writeln!(
                out,
                "{}: {}",
                path.display(),
                lang.pick("已重写", "rewritten")
            )?;
        }
    }
    Ok(code)
}
