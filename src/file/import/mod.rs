//! Import of stages, enterprises and links from spreadsheets into a project.
//!
//! Each table's columns are matched to fields by their header (Chinese or English: 企业名称 /
//! 名称 / name, 环节 / stage, 产值 / output, 税收 / tax, 用地 / 亩 …); the user may change the
//! match. Rows update what the project has (by id, else by name) and add what it lacks. Every
//! problem is reported with its file, row and column, and a plan with any error imports nothing.
//!
//! Files come as county offices keep them: a title, a unit line and 填报单位 above the header, a
//! two-row header under a merged 2023年, 合计 rows and notes below (`locate` finds the table);
//! headers decorated with a year and a unit (`2023年产值(亿元)`, `用地面积(平方米)`), read by the
//! rules in `headers` (data, not code).
//!
//! Our design choices, documented for users:
//! - a `town` cell names a region node (a town), created when missing; `(县外)` or `多镇`
//!   (outside the county, several towns) set no region;
//! - a `park` cell names a park node, created when missing, and adds a located-in link;
//! - a stage cell is a stage's code or name; a name the chain lacks becomes a new stage (its
//!   segment guessed from its words), listed;
//! - a supply link's product is added to its supplier's main stage as a required product when
//!   the stage does not list it yet; a firm's main products are added to its main stage as
//!   products that are not required;
//! - a firm is found by its 统一社会信用代码 when the row has one, else its id, else its name;
//! - figures go to the year in their header, else the row's `year` column, else the year chosen
//!   for the import; amounts are converted to the project's money unit and areas to 亩;
//! - nothing is left out in silence: columns not imported and rows skipped are listed, with why.
//!
//! The parts: `headers` (the rules), `locate` (the table in the sheet), `mapping` (header →
//! field), `cells` (reading a cell), `index` (lookups kept up to date), `stages`, `nodes` and
//! `links` (the rows of each table), `listing` (what was read and what was not), `summary`
//! (placing new nodes and counting what changed), `names` (firms found by names as people write
//! them), `survey` and `survey_rows` (the wide, one-row-per-firm shape of a links table),
//! `quality` (the data-quality summary of the project as the import leaves it). This file holds
//! the plan and the work in progress.

mod cells;
mod figures;
mod firm;
pub mod headers;
mod index;
mod links;
mod listing;
mod locate;
mod mapping;
mod name_matching;
mod names;
mod nodes;
mod quality;
pub mod short_name;
mod stages;
mod summary;
mod survey;
mod survey_rows;
mod template;
mod words;

pub(crate) use cells::read_number;
pub use listing::{ColumnUse, IgnoreReason, IgnoredColumn, SkippedRowReport, column_letter};
pub use locate::locate_by;
pub use mapping::{Decor, Field, Flag, Mapping, TableKind, guess_kind, guess_mapping};
pub use name_matching::NameMatch;
pub use names::{MatchKind, NameKey, Places, name_key};
pub use quality::{Duplicate, DuplicateReason, LinkOverOutput, NodeRef, Quality, check_quality};
pub use summary::ImportSummary;
pub use survey::looks_like_survey;
pub use template::{template_headers, template_workbook, write_template};

use crate::file::table::{Row, Table, read_table};
use crate::model::{Chain, ChainId, Issue, Link, LinkId, Node, NodeId, Project, Year};
use index::Index;
use std::collections::{BTreeMap, BTreeSet};

/// Reads a sheet and finds the table in it: the header row (under titles and unit lines), a
/// second header row, and the totals and notes that are not rows of it.
pub fn read_located(path: &std::path::Path, sheet: Option<&str>) -> Result<Table, Issue> {
    let mut table = read_table(path, sheet)?;
    locate::locate(&mut table);
    Ok(table)
}

/// Reads `path` as a table of `kind`: the sheet asked for; else, in a workbook with a sheet
/// named for the table (环节, 企业, 供应关系: the import template's), that sheet; else the first.
pub fn read_for(
    kind: TableKind,
    path: &std::path::Path,
    sheet: Option<&str>,
) -> Result<Table, Issue> {
    let table = read_located(path, sheet)?;
    if sheet.is_some() {
        return Ok(table);
    }
    match kind.sheet_among(&table.sheets) {
        Some(named) if table.sheet.as_deref() != Some(named) => read_located(path, Some(named)),
        _ => Ok(table),
    }
}

/// One table to import with its column mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportSource {
    pub kind: TableKind,
    pub table: Table,
    pub mapping: Mapping,
}

impl ImportSource {
    /// A table with the guessed mapping.
    pub fn guessed(kind: TableKind, table: Table) -> Self {
        let mapping = guess_mapping(kind, &table.headers);
        Self {
            kind,
            table,
            mapping,
        }
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.mapping.column(field)
    }

    /// Whether a links table is in the survey shape (one row per firm; `survey`).
    pub fn is_survey(&self) -> bool {
        self.kind == TableKind::Links && survey::is_survey(&self.mapping)
    }

    /// The fields its columns can fill (a survey's own for a survey).
    pub fn fields(&self) -> &'static [Field] {
        if self.is_survey() {
            survey::SURVEY_FIELDS
        } else {
            self.kind.fields()
        }
    }

    /// Whether several columns may fill `field` (a survey's suppliers, customers and theirs).
    pub fn repeats(&self, field: Field) -> bool {
        self.is_survey() && survey::repeats(field)
    }

    fn required(&self) -> &'static [Field] {
        if self.is_survey() {
            survey::SURVEY_REQUIRED
        } else {
            self.kind.required()
        }
    }
}

/// A problem with a row (or a whole table), for the preview and the report.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// Index of the source table.
    pub source: usize,
    /// Row number in the sheet; none for a problem with the table itself.
    pub row: Option<usize>,
    pub issue: Issue,
}

/// What an import would do: the values it sets, and every problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    /// Every chain after the import (stages added or renamed).
    pub chains: BTreeMap<ChainId, Chain>,
    /// New and changed nodes, with their final values.
    pub nodes: Vec<Node>,
    /// New and changed links.
    pub links: Vec<Link>,
    pub problems: Vec<RowProblem>,
    pub summary: ImportSummary,
    /// Each imported column: its field, year and unit conversion.
    pub columns: Vec<ColumnUse>,
    /// Every column not imported, and why.
    pub ignored_columns: Vec<IgnoredColumn>,
    /// Every row not read as a row of its table (titles, totals, notes), and why.
    pub skipped_rows: Vec<SkippedRowReport>,
    /// Stages the enterprises table named that the chain did not have: made by the import.
    pub new_stages: Vec<String>,
    /// Names that found their node past their exact spelling, for the user to confirm.
    pub matches: Vec<NameMatch>,
    /// The data-quality summary of the project as the import leaves it.
    pub quality: Quality,
}

impl ImportPlan {
    /// Any error: nothing may be imported.
    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.issue.severity == crate::model::Severity::Error)
    }

    /// Puts the plan into `project`.
    pub fn apply_to(&self, project: &mut Project) {
        project.chains = self.chains.clone();
        for node in &self.nodes {
            project.nodes.insert(node.id.clone(), node.clone());
        }
        for link in &self.links {
            project.links.insert(link.id.clone(), link.clone());
        }
    }
}

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The year figures are for, when the table has no year column.
    pub year: Option<Year>,
    /// The chain new stages join; the first chain (or a new one) when none.
    pub chain: Option<ChainId>,
}

/// Works out what importing `sources` into `project` does. Stages first, then nodes, then links,
/// whatever order the sources come in, so each can refer to what the one before brings.
pub fn plan_import(
    project: &Project,
    sources: &[ImportSource],
    options: &ImportOptions,
) -> ImportPlan {
    let mut work = Work {
        index: Index::new(project),
        project: project.clone(),
        plan: ImportPlan::default(),
        touched_nodes: BTreeSet::new(),
        touched_links: BTreeSet::new(),
        year: options
            .year
            .or(project.meta.base_year)
            .unwrap_or_else(last_full_year),
        chain: options.chain.clone(),
        money: headers::unit_named(&project.meta.unit)
            .filter(|u| u.dimension == headers::Dimension::Money)
            .map(headers::Unit::factor)
            .unwrap_or(rust_decimal::Decimal::from(10_000)),
        table_years: sources.iter().map(listing::table_year).collect(),
    };
    work.list_columns(sources);
    for (i, source) in sources.iter().enumerate() {
        for field in source.required() {
            if source.column(*field).is_none() {
                work.problem(
                    i,
                    None,
                    &source.table.name,
                    format!(
                        "没有“{}”列(请在列对应中指定)",
                        field.label(crate::i18n::Lang::Zh)
                    ),
                    format!(
                        "no \"{}\" column (choose one in the column mapping)",
                        field.label(crate::i18n::Lang::En)
                    ),
                );
            }
        }
    }
    if work.plan.has_errors() {
        return work.plan;
    }
    for kind in TableKind::ALL {
        for (i, source) in sources.iter().enumerate().filter(|(_, s)| s.kind == kind) {
            match kind {
                TableKind::Stages => work.stages(i, source, options.chain.as_ref()),
                TableKind::Nodes => work.nodes(i, source),
                TableKind::Links => work.links(i, source),
            }
        }
    }
    let mut plan = work.finish(project);
    if !plan.has_errors() {
        let mut after = project.clone();
        plan.apply_to(&mut after);
        plan.quality = check_quality(&after);
    }
    plan
}

/// The last calendar year that is over: the year statistics are usually for.
pub fn last_full_year() -> Year {
    (crate::time::utc_parts(crate::time::unix_now()).0 - 1) as Year
}

/// The import as it goes along: the project with every row so far, the plan, and what the rows
/// touched.
struct Work {
    index: Index,
    /// The project as the import goes along.
    project: Project,
    plan: ImportPlan,
    touched_nodes: BTreeSet<NodeId>,
    touched_links: BTreeSet<LinkId>,
    year: Year,
    /// The chain stages named by firms join when they are new.
    chain: Option<ChainId>,
    /// Yuan in one of the project's money unit.
    money: rust_decimal::Decimal,
    /// Each source's own year, if it has one: the one year its headers name, or its title's.
    table_years: Vec<Option<Year>>,
}

impl Work {
    fn problem(&mut self, source: usize, row: Option<usize>, place: &str, zh: String, en: String) {
        self.plan.problems.push(RowProblem {
            source,
            row,
            issue: Issue::error("import", place.to_owned(), zh, en),
        });
    }

    fn warn(&mut self, source: usize, row: Option<usize>, place: &str, zh: String, en: String) {
        self.plan.problems.push(RowProblem {
            source,
            row,
            issue: Issue::warning("import", place.to_owned(), zh, en),
        });
    }

    /// `enterprises.csv row 7, column 税收`.
    fn place(source: &ImportSource, row: &Row, field: Option<Field>) -> String {
        match field.and_then(|f| source.column(f)) {
            Some(c) => format!(
                "{} row {}, column {}",
                source.table.name,
                row.number,
                source
                    .table
                    .headers
                    .get(c)
                    .map(String::as_str)
                    .unwrap_or("?")
            ),
            None => format!("{} row {}", source.table.name, row.number),
        }
    }

    /// `enterprises.csv row 7, column 2023年产值(万元)`: the place of one column's cell (a
    /// field may have several columns, one per year).
    fn place_column(source: &ImportSource, row: &Row, column: usize) -> String {
        format!(
            "{} row {}, column {}",
            source.table.name,
            row.number,
            source
                .table
                .headers
                .get(column)
                .map(String::as_str)
                .unwrap_or("?")
        )
    }

    fn cell<'a>(source: &ImportSource, row: &'a Row, field: Field) -> &'a str {
        source.column(field).map(|c| row.cell(c)).unwrap_or("")
    }
}
