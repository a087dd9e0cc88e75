//! The command line as clap parses it: the editor's arguments and every headless command with
//! its options. Each command's doc comment is its `--help` text.

use super::export::{SizeArg, parse_size_arg};
use crate::export::poster::Orientation;
use crate::export::{ExportFormat, TableName};
use crate::i18n::Lang;
use crate::model::meta::MoneyUnit;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

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
        /// Use this scenario (方案, by id or name) instead of the project as it is.
        #[arg(long)]
        scenario: Option<String>,
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
        /// Use this scenario (方案, by id or name) instead of the project as it is.
        #[arg(long)]
        scenario: Option<String>,
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
    /// it lacks. Any error: nothing is written. A workbook with sheets named 环节, 企业 and
    /// 供应关系 (the template's) gives each table its own sheet.
    ///
    /// With --template-sheet OUT.xlsx, writes an empty workbook to fill in instead: one sheet per
    /// table with the headers this command reads, and a 说明 (notes) sheet explaining each column.
    ///
    /// With --boundaries FILE.geojson --into PROJECT, sets the outlines of the project's regions
    /// instead: each feature of the GeoJSON (Polygon or MultiPolygon, holes kept) goes to the
    /// region of its `name` (also without the suffix 镇/乡/街道/县/区 when only one region reads
    /// so); features not matched and towns left without a boundary are listed.
    #[command(group(clap::ArgGroup::new("tables").required(true).multiple(true).args(["stages", "nodes", "links", "template_sheet", "boundaries"])))]
    Import {
        /// Write the empty import template (xlsx) here instead of importing (amounts in the
        /// money unit of --into's project, else 万元).
        #[arg(long, value_name = "OUT.xlsx", conflicts_with_all = ["stages", "nodes", "links", "out", "year", "chain", "name", "sheet", "json"])]
        template_sheet: Option<PathBuf>,
        /// A GeoJSON of town (or county) boundaries to set on the regions of --into's project.
        #[arg(long, value_name = "FILE.geojson", requires = "into", conflicts_with_all = ["stages", "nodes", "links", "template_sheet", "year", "chain", "name", "sheet"])]
        boundaries: Option<PathBuf>,
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
        #[arg(short, long, required_unless_present = "template_sheet")]
        out: Option<PathBuf>,
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
    /// svg and png draw the map (png with the bundled Chinese font); pdf is the map as a poster
    /// (title, legend, date) on A4–A0 paper with the font embedded, text selectable; graphml (yEd, Gephi) and
    /// gexf (Gephi) carry labels, positions and colours; csv writes one table (--table) or every
    /// table into a folder; xlsx writes every table as one workbook; md and report-html write the
    /// report (md with its picture beside it as SVG; report-html self-contained); docx writes the
    /// report as a Word document (maps and lists, headings in Word's Heading styles); html writes
    /// the interactive page (the map to pan, zoom and search, with the analysis; works offline).
    Export {
        /// Project file.
        file: PathBuf,
        /// Use this scenario (方案, by id or name) instead of the project as it is.
        #[arg(long)]
        scenario: Option<String>,
        /// The format.
        #[arg(long = "to", value_enum)]
        to: ExportFormat,
        /// Where to write (default: beside the project, named after it).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// The one table to write as CSV (default: all, into a folder).
        #[arg(long, value_enum)]
        table: Option<TableName>,
        /// Picture size in pixels, WIDTHxHEIGHT (default: one canvas unit a pixel); for pdf the
        /// paper: A4, A3, A2, A1 or A0 (default: A3).
        #[arg(long, value_parser = parse_size_arg)]
        size: Option<SizeArg>,
        /// Which way round the poster's paper is (pdf; default: the way the map is).
        #[arg(long, value_enum)]
        orientation: Option<Orientation>,
        /// Year of figures for tables and report (default: the base year, else each latest).
        #[arg(long)]
        year: Option<i32>,
        /// Language of what is written: headers, labels, the report (default: zh, whatever
        /// --lang says for messages).
        #[arg(long, value_parser = parse_lang, default_value = "zh")]
        doc_lang: Lang,
    },
    /// Write a new project: its name, county, money unit and data year; empty, or with the
    /// stages and products of a reference chain (--template, see `chainmap templates`).
    New {
        /// Where to write the project (refused if the file exists, unless --force).
        #[arg(short, long)]
        out: PathBuf,
        /// Start from this reference chain (its id, as `chainmap templates` lists them).
        #[arg(long, value_name = "ID")]
        template: Option<String>,
        /// The project's name (with --template: the county and the chain's name by default).
        #[arg(long, required_unless_present = "template")]
        name: Option<String>,
        /// The county (home region) the project maps (with --template: may be set later).
        #[arg(long, required_unless_present = "template")]
        county: Option<String>,
        /// The money unit of every amount: 元, 万元 or 亿元.
        #[arg(long, default_value = "万元", value_parser = parse_unit)]
        unit: MoneyUnit,
        /// The year whose figures analysis uses (the data year).
        #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2200))]
        year: Option<i32>,
        /// A description of the project.
        #[arg(long)]
        description: Option<String>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Compare a project's chain with a reference chain (全景图 vs 现状): each reference stage and
    /// product covered, weak or missing, and the gaps it adds with their priority.
    ///
    /// Uses the matching saved in the project when it is for that reference chain, else a
    /// suggested one (names, other names, shared products).
    Compare {
        /// Project file.
        file: PathBuf,
        /// The reference chain's id (see `chainmap templates`).
        #[arg(long)]
        template: String,
        /// The project's chain to compare (default: the one matched to the template, else the
        /// first).
        #[arg(long)]
        chain: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the built-in reference chains (全景图): id, name, number of stages and products.
    Templates {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The 招商 list: candidate firms ranked by the gaps they fill (gap priority × fit), each
    /// with the reason.
    Targets {
        /// Project file.
        file: PathBuf,
        /// The candidate list to rank, CSV (UTF-8 or GBK) or Excel (default: the project's
        /// saved list; the file is not changed).
        #[arg(long, value_name = "LIST")]
        candidates: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// What differs between two project files, by id and field: items added, removed and
    /// changed (with the fields), and key figures of the analysis on both sides.
    Diff {
        /// The first project (A).
        a: PathBuf,
        /// The second project (B).
        b: PathBuf,
        /// Read B as this scenario (方案, by id or name) of it: `chainmap diff P P --scenario S`
        /// is what scenario S changes in project P.
        #[arg(long)]
        scenario: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Three-way merge of project files by id and field: the changes OURS and THEIRS made to
    /// BASE, combined. Conflicts (the same field changed differently, an item removed on one side
    /// and changed on the other) are listed and nothing is written (exit 1), unless --take picks
    /// a side for all of them. The result must pass `chainmap check`, else nothing is written.
    ///
    /// As a git merge driver: `*.chainmap.json merge=chainmap` in .gitattributes and
    /// `git config merge.chainmap.driver "chainmap merge %O %A %B -o %A"`.
    Merge {
        /// The common ancestor.
        base: PathBuf,
        /// Our version.
        ours: PathBuf,
        /// Their version.
        theirs: PathBuf,
        /// Where to write the merged project (may be OURS).
        #[arg(short, long)]
        out: PathBuf,
        /// Resolve every conflict this side's way.
        #[arg(long, value_enum)]
        take: Option<super::merge::Take>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
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

fn parse_unit(s: &str) -> Result<MoneyUnit, String> {
    MoneyUnit::parse(s).ok_or_else(|| format!("unknown money unit \"{s}\" (use 元, 万元 or 亿元)"))
}
