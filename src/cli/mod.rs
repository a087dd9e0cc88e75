//! Headless commands. They never open a window, print human tables by default and JSON with
//! `--json`, and exit 0 on success, 1 on a problem with the input, 2 on bad usage.

use crate::file::{self, LoadOptions};
use crate::i18n::Lang;
use crate::model::{Issue, Project, Severity};
use clap::{Parser, Subcommand};
use serde::Serialize;
mod export;
mod import;

use crate::export::{ExportFormat, TableName};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit code: everything fine.
pub const EXIT_OK: u8 = 0;
/// Exit code: a problem with the input (the message names the file and the place).
pub const EXIT_PROBLEM: u8 = 1;
/// Exit code: bad usage.
pub const EXIT_USAGE: u8 = 2;

/// 串珠 chainmap: county industrial-chain mapping, gap analysis and enclave benefit sharing.
///
/// Without a command, opens the editor (on FILE, or on the bundled 柞水木耳 sample).
#[derive(Debug, Parser)]
#[command(
    name = "chainmap",
    version,
    about,
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// Project file to open in the editor.
    pub file: Option<PathBuf>,
    /// Language of messages: zh or en (default: from LANG, else zh).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check project files: a summary of each, and every problem with its place.
    Check {
        /// Project files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Treat unknown fields as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Analyse a chain: coverage, gaps (补链/强链/延链/固链), leaders, risks, land efficiency.
    Analyze {
        /// Project file.
        file: PathBuf,
        /// Only this chain (by id).
        #[arg(long)]
        chain: Option<String>,
        /// Year of figures (default: the project's base year, else each firm's latest).
        #[arg(long)]
        year: Option<i32>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// What breaks if a firm leaves: buyers left without local supply, value at stake.
    Impact {
        /// Project file.
        file: PathBuf,
        /// The firm's node id.
        #[arg(long)]
        node: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Yearly split schedules of benefit-sharing agreements, per ledger and metric.
    Split {
        /// Project file.
        file: PathBuf,
        /// Only this agreement (by id).
        #[arg(long)]
        agreement: Option<String>,
        /// First year (default: the first phase year).
        #[arg(long)]
        from: Option<i32>,
        /// Last year (default: the last year with figures in scope).
        #[arg(long)]
        to: Option<i32>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The fair-split benchmark: Shapley value, nucleolus and core check of a game.
    ///
    /// Either a quick game (--players A,B,C --values v1,…: values listed by coalition size, then
    /// in lexicographic order of player position: {A}, {B}, {C}, {A,B}, {A,C}, {B,C}, {A,B,C}),
    /// or the coalition values of a project's agreement (FILE [--agreement ID]), compared with
    /// the contract's split.
    Fair {
        /// Project file whose agreement's coalition values to use.
        file: Option<PathBuf>,
        /// The agreement (default: the first with coalition values).
        #[arg(long, requires = "file")]
        agreement: Option<String>,
        /// Player names, comma-separated.
        #[arg(
            long,
            value_delimiter = ',',
            conflicts_with = "file",
            requires = "values"
        )]
        players: Vec<String>,
        /// Coalition values, comma-separated (numbers or fractions such as 7/3).
        #[arg(
            long,
            value_delimiter = ',',
            conflicts_with = "file",
            requires = "players",
            allow_hyphen_values = true
        )]
        values: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Lay the chain out again and write the project (to OUT, or in place).
    Layout {
        /// Project file.
        file: PathBuf,
        /// The layout: swimlane (one column per stage, ordered to cut link crossings) or force.
        #[arg(long, value_enum, default_value = "swimlane")]
        algo: LayoutAlgo,
        /// Where to write the result (default: the file itself).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Measure speed on generated chains: load, save, analysis, layout, canvas frames.
    Bench {
        /// Only this many firms (default: 1,000, 10,000 and 50,000).
        #[arg(long)]
        nodes: Option<usize>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Import stages, enterprises and links from CSV (UTF-8, GBK) or Excel files into a project.
    ///
    /// Columns are matched by their headers (企业名称 / 名称 / name, 环节 / stage, 产值 / output,
    /// 税收 / tax, 用地 / 亩 …). Rows update what the project has (by id, else by name) and add what
    /// it lacks. Any error: nothing is written.
    #[command(group(clap::ArgGroup::new("tables").required(true).multiple(true).args(["stages", "nodes", "links"])))]
    Import {
        /// A table of stages (code, segment, name, English name).
        #[arg(long)]
        stages: Option<PathBuf>,
        /// A table of enterprises (id, name, stage, kind, town, park, tags, figures).
        #[arg(long)]
        nodes: Option<PathBuf>,
        /// A table of supply links (supplier, buyer, product, value).
        #[arg(long)]
        links: Option<PathBuf>,
        /// Merge into this project (default: a new project).
        #[arg(long)]
        into: Option<PathBuf>,
        /// Where to write the project.
        #[arg(short, long)]
        out: PathBuf,
        /// The year of the figures (default: the project's base year, else last year).
        #[arg(long)]
        year: Option<i32>,
        /// The chain new stages join (by id; default: the first chain).
        #[arg(long)]
        chain: Option<String>,
        /// The name of a new project.
        #[arg(long)]
        name: Option<String>,
        /// The sheet to read from Excel workbooks (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export tables, pictures, the graph or a report.
    ///
    /// svg and png draw the map (png with the bundled Chinese font); graphml (yEd, Gephi) and
    /// gexf (Gephi) carry labels, positions and colours; csv writes one table (--table) or every
    /// table into a folder; xlsx writes every table as one workbook; md and html write the report
    /// (md with its picture beside it as SVG; html self-contained).
    Export {
        /// Project file.
        file: PathBuf,
        /// The format.
        #[arg(long = "to", value_enum)]
        to: ExportFormat,
        /// Where to write (default: beside the project, named after it).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// The one table to write as CSV (default: all, into a folder).
        #[arg(long, value_enum)]
        table: Option<TableName>,
        /// Picture size in pixels, WIDTHxHEIGHT (default: one canvas unit a pixel).
        #[arg(long, value_parser = export::parse_size)]
        size: Option<(u32, u32)>,
        /// Year of figures for tables and report (default: the base year, else each latest).
        #[arg(long)]
        year: Option<i32>,
        /// Language of what is written: headers, labels, the report (default: zh, whatever
        /// --lang says for messages).
        #[arg(long, value_parser = parse_lang, default_value = "zh")]
        doc_lang: Lang,
    },
    /// Rewrite project files in canonical form (sorted, pretty-printed; migrates old versions).
    Fmt {
        /// Project files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Only report files that are not canonical (exit 1 if any).
        #[arg(long)]
        check: bool,
    },
}

/// The layouts `chainmap layout` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutAlgo {
    /// One column per stage (串珠成链), order chosen to minimise link crossings.
    Swimlane,
    /// Force-directed, for exploration (springs, grid-approximated repulsion, columns pull).
    Force,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language \"{s}\" (use zh or en)"))
}

/// The language of messages when `--lang` is not given: LANG / LC_ALL, else Chinese.
pub fn default_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_code(&v))
        .unwrap_or_default()
}

/// Runs a headless command; returns the exit code.
pub fn run(command: Command, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Check {
            files,
            json,
            strict,
        } => check(&files, json, strict, lang, out),
        Command::Fmt { files, check } => fmt(&files, check, lang, out, err),
        Command::Analyze {
            file,
            chain,
            year,
            json,
        } => analyze(&file, chain, year, json, lang, out, err),
        Command::Impact { file, node, json } => impact(&file, &node, json, lang, out, err),
        Command::Split {
            file,
            agreement,
            from,
            to,
            json,
        } => split(&file, agreement, from, to, json, lang, out, err),
        Command::Fair {
            file,
            agreement,
            players,
            values,
            json,
        } => fair(file, agreement, players, values, json, lang, out, err),
        Command::Layout {
            file,
            algo,
            out: target,
        } => layout(&file, algo, target, lang, out, err),
        Command::Bench { nodes, json } => bench(nodes, json, lang, out),
        Command::Export {
            file,
            to,
            out: target,
            table,
            size,
            year,
            doc_lang,
        } => export::export(
            &file,
            to,
            export::Where { target, table },
            size,
            year,
            (lang, doc_lang),
            out,
            err,
        ),
        Command::Import {
            stages,
            nodes,
            links,
            into,
            out: target,
            year,
            chain,
            name,
            sheet,
            json,
        } => import::import(
            import::Tables {
                stages,
                nodes,
                links,
                sheet,
            },
            into,
            &target,
            year,
            chain,
            name,
            json,
            lang,
            out,
            err,
        ),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`| head`): nothing is wrong with the input.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "chainmap: {e}");
            EXIT_PROBLEM
        }
    }
}

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
        Ok(loaded) => (
            Some(loaded.project),
            loaded.issues,
            Some(loaded.file_version),
        ),
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

fn check(
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

fn fmt(
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

/// Loads a project for a headless command; prints every problem and returns none when it cannot.
fn load_for_command(
    path: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> std::io::Result<Option<Project>> {
    match file::load_path(path, LoadOptions::default()) {
        Ok(loaded) => Ok(Some(loaded.project)),
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
            Ok(None)
        }
    }
}

use crate::analysis::percent;

fn analyze(
    path: &Path,
    chain: Option<String>,
    year: Option<i32>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    use crate::analysis::{AnalysisOptions, analyze};
    let Some(project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let chain = chain.map(crate::model::ChainId::from);
    if let Some(c) = &chain
        && !project.chains.contains_key(c)
    {
        let known: Vec<&str> = project.chains.keys().map(|k| k.as_str()).collect();
        writeln!(
            err,
            "{}: {} \"{c}\" ({}: {})",
            path.display(),
            lang.pick("没有这条产业链", "no such chain"),
            lang.pick("已有", "chains are"),
            known.join(", ")
        )?;
        return Ok(EXIT_PROBLEM);
    }
    let a = analyze(&project, &AnalysisOptions { chain, year });
    if json {
        serde_json::to_writer_pretty(&mut *out, &a.to_json(lang))?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let name = |id: &crate::model::NodeId| project.node_name(id);
    writeln!(
        out,
        "{}{}",
        project.meta.name,
        a.year.map(|y| format!(" — {y}")).unwrap_or_default()
    )?;
    let c = &a.completeness;
    writeln!(
        out,
        "{} {}/{} ({}) · {} {}/{} ({}) · {} {}",
        lang.pick("环节覆盖", "stage coverage"),
        c.stages_covered,
        c.stages_total,
        percent(c.stage),
        lang.pick("产品完整度", "product completeness"),
        c.products_covered,
        c.products_required,
        percent(c.product),
        lang.pick("本地配套率", "local supporting rate"),
        percent(a.local_supporting_rate)
    )?;
    writeln!(out, "\n{}", lang.pick("环节", "Stages"))?;
    for s in &a.stages {
        writeln!(
            out,
            "  {:<4} {:<10} {:>3} {:>10.0} {:>7}  {:<8} {}",
            s.id.as_str(),
            s.segment.label(lang),
            s.local_enterprises.len(),
            s.output,
            percent(s.local_supporting_rate),
            s.status.label(lang),
            s.name
        )?;
    }
    writeln!(out, "\n{} ({})", lang.pick("缺口", "Gaps"), a.gaps.len())?;
    for g in &a.gaps {
        let involved: Vec<String> = g.nodes.iter().map(&name).collect();
        writeln!(
            out,
            "  [{}] {}{}{}",
            g.class.action(lang),
            g.message(lang),
            if involved.is_empty() {
                String::new()
            } else {
                format!(" — {}", involved.join(", "))
            },
            format_args!(" → {}", g.class.advice(lang))
        )?;
    }
    writeln!(
        out,
        "\n{}",
        lang.pick(
            "链主候选(得分 = 0.4×中介 + 0.3×强度 + 0.3×产值)",
            "Chain-leader candidates (score = 0.4×betweenness + 0.3×strength + 0.3×output)"
        )
    )?;
    for (i, l) in a.leaders.iter().take(10).enumerate() {
        writeln!(
            out,
            "  {:>2}. {:.3}  ({:.2} / {:.2} / {:.2})  {} {}",
            i + 1,
            l.score,
            l.betweenness_part,
            l.strength_part,
            l.output_part,
            l.id,
            l.name
        )?;
    }
    writeln!(out, "\n{}", lang.pick("风险", "Risks"))?;
    let names = |ids: &[crate::model::NodeId]| ids.iter().map(&name).collect::<Vec<_>>().join(", ");
    writeln!(
        out,
        "  {}: {}",
        lang.pick("关键节点(割点)", "articulation points"),
        names(&a.articulation_points)
    )?;
    let bridges: Vec<String> = a
        .bridges
        .iter()
        .map(|(x, y)| format!("{}–{}", name(x), name(y)))
        .collect();
    writeln!(
        out,
        "  {}: {}",
        lang.pick("关键连线(桥)", "bridges"),
        bridges.join(", ")
    )?;
    writeln!(
        out,
        "  {}: {} ({})",
        lang.pick("连通片", "components"),
        a.components.len(),
        a.components
            .iter()
            .skip(1)
            .map(|c| names(c))
            .collect::<Vec<_>>()
            .join(" | ")
    )?;
    writeln!(
        out,
        "\n{}",
        lang.pick("亩均效益(万元/亩)", "Land efficiency (per mu)")
    )?;
    for l in &a.land {
        writeln!(
            out,
            "  {:<5} {:>7.1} {:>8} {:>9}  {:<2} {}",
            l.id.as_str(),
            l.land_mu,
            l.tax_per_mu
                .map(|v| format!("{v:.2}"))
                .unwrap_or_else(|| "—".into()),
            l.output_per_mu
                .map(|v| format!("{v:.1}"))
                .unwrap_or_else(|| "—".into()),
            l.class.as_deref().unwrap_or("—"),
            l.name
        )?;
    }
    Ok(EXIT_OK)
}

fn impact(
    path: &Path,
    node: &str,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let id = crate::model::NodeId::from(node);
    let Some(impact) = crate::analysis::impact(&project, &id) else {
        writeln!(
            err,
            "{}: {} \"{node}\"",
            path.display(),
            lang.pick("没有这个节点", "no such node")
        )?;
        return Ok(EXIT_PROBLEM);
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &impact.to_json())?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let name = |id: &crate::model::NodeId| project.node_name(id);
    writeln!(out, "{} ({})", name(&id), id)?;
    writeln!(
        out,
        "{}: {:.0} / {:.0} {}",
        lang.pick(
            "失去本地替代的供应 / 全部供应",
            "supply with no local replacement / all its supply"
        ),
        impact.value_at_stake,
        impact.supply_value,
        project.meta.unit
    )?;
    for l in &impact.lost {
        writeln!(out, "  {} ← {} ({:.0})", name(&l.buyer), l.product, l.value)?;
    }
    writeln!(
        out,
        "{} ({}): {}",
        lang.pick("下游受影响企业", "downstream firms affected"),
        impact.downstream.len(),
        impact
            .downstream
            .iter()
            .map(&name)
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    Ok(EXIT_OK)
}

/// An exact amount as a JSON number (every digit kept).
fn amount_json(d: rust_decimal::Decimal) -> serde_json::Value {
    use std::str::FromStr;
    serde_json::Number::from_str(&d.to_string())
        .map(serde_json::Value::Number)
        .unwrap_or_else(|_| serde_json::Value::String(d.to_string()))
}

#[allow(clippy::too_many_arguments)]
fn split(
    path: &Path,
    agreement: Option<String>,
    from: Option<i32>,
    to: Option<i32>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    use crate::sharing::schedule;
    use serde_json::json;
    let Some(project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let agreements: Vec<&crate::model::Agreement> = match &agreement {
        Some(id) => match project
            .agreements
            .get(&crate::model::AgreementId::from(id.as_str()))
        {
            Some(a) => vec![a],
            None => {
                let known: Vec<&str> = project.agreements.keys().map(|k| k.as_str()).collect();
                writeln!(
                    err,
                    "{}: {} \"{id}\" ({}: {})",
                    path.display(),
                    lang.pick("没有这个协议", "no such agreement"),
                    lang.pick("已有", "agreements are"),
                    if known.is_empty() {
                        "—".to_owned()
                    } else {
                        known.join(", ")
                    }
                )?;
                return Ok(EXIT_PROBLEM);
            }
        },
        None => project.agreements.values().collect(),
    };
    let name = |id: &crate::model::NodeId| project.node_name(id);
    let schedules: Vec<_> = agreements
        .iter()
        .map(|a| (a, schedule(&project, a, from, to)))
        .collect();
    if json {
        let doc: Vec<serde_json::Value> = schedules
            .iter()
            .map(|(a, s)| {
                json!({
                    "id": a.id,
                    "name": a.name,
                    "from": s.from,
                    "to": s.to,
                    "parties": a.parties.iter().map(|p| json!({"id": p.node, "name": name(&p.node), "role": p.role})).collect::<Vec<_>>(),
                    "eligibility": s.eligibility.iter().map(|e| json!({"node": e.node, "eligible": e.eligible, "reason": lang.pick(&e.zh, &e.en)})).collect::<Vec<_>>(),
                    "rows": s.rows.iter().map(|r| json!({
                        "year": r.year,
                        "ledger": r.ledger,
                        "metric": r.metric,
                        "phase": r.phase,
                        "rule": r.rule,
                        "total": amount_json(r.total),
                        "parts": r.parts.iter().map(|(p, v)| (p.to_string(), amount_json(*v))).collect::<serde_json::Map<_, _>>(),
                        "note": r.note(lang),
                    })).collect::<Vec<_>>(),
                    "costs": s.costs.iter().map(|c| json!({
                        "year": c.year,
                        "name": c.name,
                        "kind": c.kind,
                        "amount": amount_json(c.amount),
                        "parts": c.parts.iter().map(|(p, v)| (p.to_string(), amount_json(*v))).collect::<serde_json::Map<_, _>>(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &json!({ "agreements": doc }))?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    if schedules.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("项目中没有协议", "the project has no agreements")
        )?;
    }
    for (a, s) in &schedules {
        writeln!(
            out,
            "{} ({}) {}–{} · {}",
            a.name, a.id, s.from, s.to, project.meta.unit
        )?;
        let party_names: Vec<String> = s.parties.iter().map(&name).collect();
        for e in &s.eligibility {
            if !e.zh.is_empty() {
                let mark = if e.eligible {
                    lang.pick("符合", "eligible")
                } else {
                    lang.pick("不符合", "not eligible")
                };
                writeln!(
                    out,
                    "  {} {}: {}",
                    name(&e.node),
                    mark,
                    lang.pick(&e.zh, &e.en)
                )?;
            }
        }
        let mut groups: Vec<(crate::model::Ledger, crate::model::Metric)> =
            s.rows.iter().map(|r| (r.ledger, r.metric)).collect();
        groups.dedup();
        for (ledger, metric) in groups {
            writeln!(out, "\n  {} · {}", ledger.label(lang), metric.label(lang))?;
            writeln!(
                out,
                "  {:<6}{:>12}  {}",
                lang.pick("年份", "year"),
                lang.pick("合计", "total"),
                party_names
                    .iter()
                    .map(|n| format!("{n:>14}"))
                    .collect::<String>()
            )?;
            for r in s
                .rows
                .iter()
                .filter(|r| r.ledger == ledger && r.metric == metric)
            {
                let cells: String = s
                    .parties
                    .iter()
                    .map(|p| {
                        let v = r
                            .part(p)
                            .map(|v| format!("{v:.2}"))
                            .unwrap_or_else(|| "—".into());
                        format!("{v:>14}")
                    })
                    .collect();
                let note = r.note(lang);
                writeln!(
                    out,
                    "  {:<6}{:>12}  {cells}{}",
                    r.year,
                    format!("{:.2}", r.total),
                    if note.is_empty() {
                        String::new()
                    } else {
                        format!("  {note}")
                    }
                )?;
            }
        }
        if !s.costs.is_empty() {
            writeln!(out, "\n  {}", lang.pick("成本分担", "Cost sharing"))?;
            for c in &s.costs {
                let cells: String = s
                    .parties
                    .iter()
                    .map(|p| {
                        format!(
                            "{:>14}",
                            c.part(p)
                                .map(|v| format!("{v:.2}"))
                                .unwrap_or_else(|| "—".into())
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "  {:<6}{:>12}  {cells}  {}",
                    c.year,
                    format!("{:.2}", c.amount),
                    c.name
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(EXIT_OK)
}

#[allow(clippy::too_many_arguments)]
fn fair(
    file: Option<PathBuf>,
    agreement: Option<String>,
    players: Vec<String>,
    values: Vec<String>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    use crate::sharing::fair::{
        Game, Q, contract_allocation, core_check, decimal_to_q, nucleolus, parse_q,
        q_to_decimal_string, shapley,
    };
    use serde_json::json;
    let (game, contract) = match file {
        Some(path) => {
            let Some(project) = load_for_command(&path, lang, err)? else {
                return Ok(EXIT_PROBLEM);
            };
            let chosen = match &agreement {
                Some(id) => project
                    .agreements
                    .get(&crate::model::AgreementId::from(id.as_str())),
                None => project
                    .agreements
                    .values()
                    .find(|a| !a.coalition_values.is_empty()),
            };
            let Some(a) = chosen else {
                writeln!(
                    err,
                    "{}: {}",
                    path.display(),
                    lang.pick("没有带联盟价值的协议", "no agreement with coalition values")
                )?;
                return Ok(EXIT_PROBLEM);
            };
            let name = |id: &crate::model::NodeId| project.node_name(id);
            let names: Vec<String> = a.parties.iter().map(|p| name(&p.node)).collect();
            let coalitions: Vec<(Vec<String>, Q)> = a
                .coalition_values
                .iter()
                .map(|c| (c.parties.iter().map(&name).collect(), decimal_to_q(c.value)))
                .collect();
            let game = match Game::from_coalitions(names, &coalitions) {
                Ok(g) => g,
                Err(e) => {
                    writeln!(
                        err,
                        "{}: {} \"{}\": {e}",
                        path.display(),
                        lang.pick("协议", "agreement"),
                        a.id
                    )?;
                    return Ok(EXIT_PROBLEM);
                }
            };
            let schedule = crate::sharing::schedule(&project, a, None, None);
            let parties: Vec<crate::model::NodeId> =
                a.parties.iter().map(|p| p.node.clone()).collect();
            let contract = contract_allocation(&schedule, &game, &parties);
            (game, contract)
        }
        None => {
            if players.is_empty() {
                writeln!(
                    err,
                    "chainmap fair: {}",
                    lang.pick(
                        "需要 --players 和 --values,或一个项目文件",
                        "give --players and --values, or a project file"
                    )
                )?;
                return Ok(EXIT_USAGE);
            }
            let mut parsed = Vec::new();
            for (i, v) in values.iter().enumerate() {
                match parse_q(v) {
                    Some(q) => parsed.push(q),
                    None => {
                        let message = match lang {
                            Lang::Zh => format!("第 {} 个值“{v}”不是数字", i + 1),
                            Lang::En => format!("value {} \"{v}\" is not a number", i + 1),
                        };
                        writeln!(err, "chainmap fair: {message}")?;
                        return Ok(EXIT_PROBLEM);
                    }
                }
            }
            match Game::from_listed(players, parsed) {
                Ok(g) => (g, None),
                Err(e) => {
                    writeln!(err, "chainmap fair: {e}")?;
                    return Ok(EXIT_PROBLEM);
                }
            }
        }
    };
    let phi = shapley(&game);
    let nucleolus = nucleolus(&game);
    let phi_core = core_check(&game, &phi);
    let nuc_core = nucleolus.as_ref().ok().map(|x| core_check(&game, x));
    let contract_core = contract.as_ref().map(|x| core_check(&game, x));
    // The nucleolus lies in the core whenever the core is not empty.
    let core_empty = nuc_core.as_ref().map(|c| !c.in_core);
    if json {
        let values = |x: &[Q]| -> Vec<serde_json::Value> {
            game.players
                .iter()
                .zip(x)
                .map(|(p, v)| {
                    let decimal = q_to_decimal_string(v, 6);
                    json!({
                        "player": p,
                        "fraction": v.to_string(),
                        "decimal": std::str::FromStr::from_str(&decimal).map(serde_json::Value::Number).unwrap_or(serde_json::Value::String(decimal)),
                    })
                })
                .collect()
        };
        let blocking = |c: &crate::sharing::fair::CoreCheck| -> Vec<serde_json::Value> {
            c.blocking.iter().map(|(m, short)| json!({"coalition": game.name(*m), "shortfall": short.to_string()})).collect()
        };
        let doc = json!({
            "players": game.players,
            "shapley": values(&phi),
            "shapley_in_core": phi_core.in_core,
            "shapley_blocked_by": blocking(&phi_core),
            "nucleolus": nucleolus.as_ref().ok().map(|x| values(x)),
            "nucleolus_error": nucleolus.as_ref().err().map(|e| e.to_string()),
            "nucleolus_in_core": nuc_core.as_ref().map(|c| c.in_core),
            "core_empty": core_empty,
            "contract": contract.as_ref().map(|x| values(x)),
            "contract_in_core": contract_core.as_ref().map(|c| c.in_core),
            "contract_blocked_by": contract_core.as_ref().map(blocking),
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let yes_no = |b: bool| {
        if b {
            lang.pick("在核心中", "in the core")
        } else {
            lang.pick("不在核心中", "not in the core")
        }
    };
    let print = |out: &mut dyn Write,
                 title: &str,
                 x: &[Q],
                 check: &crate::sharing::fair::CoreCheck|
     -> std::io::Result<()> {
        writeln!(out, "{title} ({})", yes_no(check.in_core))?;
        for (p, v) in game.players.iter().zip(x) {
            writeln!(out, "  {p:<16} {:>16}  = {}", q_to_decimal_string(v, 4), v)?;
        }
        for (m, short) in check.blocking.iter().take(5) {
            writeln!(
                out,
                "  {} {} {}",
                game.name(*m),
                lang.pick("单干可多得", "would gain alone"),
                q_to_decimal_string(short, 4)
            )?;
        }
        Ok(())
    };
    print(
        out,
        lang.pick("Shapley 值", "Shapley value"),
        &phi,
        &phi_core,
    )?;
    match (&nucleolus, &nuc_core) {
        (Ok(x), Some(c)) => print(out, lang.pick("核仁", "Nucleolus"), x, c)?,
        (Err(e), _) => writeln!(out, "{}: {e}", lang.pick("核仁", "Nucleolus"))?,
        _ => {}
    }
    if let (Some(x), Some(c)) = (&contract, &contract_core) {
        print(
            out,
            lang.pick(
                "合同分成(按财税分成累计比例)",
                "Contract split (cumulative fiscal shares)",
            ),
            x,
            c,
        )?;
    }
    if core_empty == Some(true) {
        writeln!(
            out,
            "{}",
            lang.pick(
                "核心为空:没有任何分法能让所有联盟都满意。",
                "The core is empty: no split satisfies every coalition."
            )
        )?;
    }
    Ok(EXIT_OK)
}

fn layout(
    path: &Path,
    algo: LayoutAlgo,
    target: Option<PathBuf>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(mut project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let before = crate::layout::supply_crossings(&project);
    let moves = match algo {
        LayoutAlgo::Swimlane => crate::layout::swimlane(&project),
        LayoutAlgo::Force => {
            crate::layout::force(&project, crate::layout::force::default_steps(&project))
        }
    };
    let moved = moves.len();
    let edit = crate::edit::Edit::MoveNodes(moves);
    if let Err(e) = edit.apply(&mut project) {
        writeln!(err, "{}: {}", path.display(), e.message(lang))?;
        return Ok(EXIT_PROBLEM);
    }
    let after = crate::layout::supply_crossings(&project);
    let target = target.unwrap_or_else(|| path.to_owned());
    file::save(&target, &project).map_err(std::io::Error::other)?;
    writeln!(
        out,
        "{}: {} {moved} {}; {} {before} → {after}",
        target.display(),
        lang.pick("移动了", "moved"),
        lang.pick("个节点", "nodes"),
        lang.pick("供应连线交叉", "supply-link crossings"),
    )?;
    Ok(EXIT_OK)
}

fn bench(nodes: Option<usize>, json: bool, lang: Lang, out: &mut dyn Write) -> std::io::Result<u8> {
    let sizes = match nodes {
        Some(n) => vec![n.max(10)],
        None => vec![1_000, 10_000, 50_000],
    };
    let measures = crate::bench::run(&sizes);
    if json {
        serde_json::to_writer_pretty(&mut *out, &measures)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    writeln!(
        out,
        "{:>7} {:>7}  {:<26} {:>11}",
        lang.pick("节点", "nodes"),
        lang.pick("连线", "links"),
        lang.pick("测量", "measure"),
        lang.pick("中位数 ms", "median ms")
    )?;
    for m in &measures {
        writeln!(
            out,
            "{:>7} {:>7}  {:<26} {:>11.2}",
            m.nodes, m.links, m.what, m.median_ms
        )?;
    }
    Ok(EXIT_OK)
}
