//! Candidate lists in (招商对象名单): CSV (UTF-8 or GBK) and Excel, read by the project's table
//! reading (`file::table`), the table found under titles and unit lines and above totals and
//! notes as for every import (`file::import::locate_by`), its columns told by their headers:
//!
//! - name: 企业名称 / 公司名称 / 名称 …; location: 所在地 / 地区 / 注册地 …;
//! - products: 主营产品 / 主要产品 / 产品 …, a cell split on 、,;/ (full- or half-width);
//! - revenue: 营业收入 / 年营收 / 营收 …, in the unit the cell, the header or a 单位 line above the
//!   table names (元, 万元, 亿元 …), else the project's; stored in the project's unit;
//! - tags: 标签 / 资质 / 企业类型 … (上市, 专精特新, 小巨人, 龙头, 高新, 500强 … by `tags`), and
//!   the same words found in a free 备注 column.
//!
//! A row whose name is already on the project's list (compared written alike: width, spaces,
//! legal form) updates that candidate's facts — each fact the row gives replaces the old one, an
//! empty cell keeps it — and keeps the county's status and note; a new firm is added (its
//! 备注, if any, as its note). A cell that cannot be read is left out and a row without a name
//! skipped, each said with its row and column; nothing panics and nothing is dropped in silence.

pub use super::columns::{Column, column_of};
use super::tags::{push_once, read_tags_cell, tags_in, tidy};
use crate::file::import::headers::{Dimension, read_header, unit_named};
use crate::file::import::{Places, locate_by, name_key, read_number};
use crate::file::table::{Row, SkippedRow, Table, read_table};
use crate::i18n::Lang;
use crate::model::meta::MoneyUnit;
use crate::model::{Candidate, Issue, Project};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;

/// What an import of a candidate list comes to: the project's list as it will be, what changed,
/// and every problem with its place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CandidateImport {
    /// The file (and sheet) read.
    pub file: String,
    /// The project's candidates after the import (the old ones, updated, and the new).
    pub candidates: BTreeMap<String, Candidate>,
    /// Ids of the candidates added, in the list's order.
    pub added: Vec<String>,
    /// Ids of the candidates whose facts changed.
    pub updated: Vec<String>,
    /// Rows naming a candidate already on the list with the same facts.
    pub unchanged: usize,
    /// Cells left out and rows skipped, each with its row and column.
    pub problems: Vec<Issue>,
    /// Rows that are not rows of the list (titles, totals, notes), with why.
    pub skipped: Vec<SkippedRow>,
    /// Each header and the column it was read as.
    pub columns: Vec<(String, Option<Column>)>,
}

impl CandidateImport {
    /// Whether the import changes the project.
    pub fn changes(&self) -> bool {
        !self.added.is_empty() || !self.updated.is_empty()
    }

    /// One line for the status bar: counts, then the first problem (all of them are in
    /// `problems`).
    pub fn summary(&self, lang: Lang) -> String {
        let mut text = match lang {
            Lang::Zh => format!(
                "导入招商候选({}):新增 {} 家,更新 {} 家,未变 {} 家",
                self.file,
                self.added.len(),
                self.updated.len(),
                self.unchanged
            ),
            Lang::En => format!(
                "Candidates imported ({}): {} added, {} updated, {} unchanged",
                self.file,
                self.added.len(),
                self.updated.len(),
                self.unchanged
            ),
        };
        if let Some(first) = self.problems.first() {
            text.push_str(&match lang {
                Lang::Zh => format!(
                    ";{} 处问题,如 {}:{}",
                    self.problems.len(),
                    first.place,
                    first.zh
                ),
                Lang::En => format!(
                    "; {} problem{}, e.g. {}: {}",
                    self.problems.len(),
                    if self.problems.len() == 1 { "" } else { "s" },
                    first.place,
                    first.en
                ),
            });
        }
        text
    }
}

/// Reads a candidate list from a CSV or Excel file against the project's current list. In a
/// workbook whose first sheet has no name column, the first sheet that has one is read.
pub fn read_candidates(path: &Path, project: &Project) -> Result<CandidateImport, Issue> {
    let table = read_table(path, None)?;
    let sheets = table.sheets.clone();
    let first = import_table(table, project);
    if first.is_ok() || sheets.len() < 2 {
        return first;
    }
    for sheet in sheets.iter().skip(1) {
        if let Ok(found) = read_table(path, Some(sheet)).and_then(|t| import_table(t, project)) {
            return Ok(found);
        }
    }
    first
}

/// Imports a table as read (its header not yet found) against the project's current list.
pub fn import_table(mut table: Table, project: &Project) -> Result<CandidateImport, Issue> {
    locate_by(&mut table, &|cell| column_of(cell).is_some());
    let columns: Vec<Option<Column>> = first_of_each(&table.headers);
    if !columns.contains(&Some(Column::Name)) {
        return Err(Issue::blocking(
            "no_name_column",
            table.name.clone(),
            "找不到企业名称列:表头应有“企业名称”“公司名称”或“名称”".into(),
            "no name column: the header should have 企业名称, 公司名称 or 名称 (name)".into(),
        ));
    }
    let unit = MoneyUnit::parse(&project.meta.unit).unwrap_or(MoneyUnit::Wan);
    let mut reader = Reader {
        table: &table,
        columns: &columns,
        unit,
        problems: Vec::new(),
    };
    let mut result = CandidateImport {
        file: table.name.clone(),
        candidates: project.candidates.clone(),
        columns: table
            .headers
            .iter()
            .cloned()
            .zip(columns.iter().copied())
            .collect(),
        skipped: table.skipped.clone(),
        ..CandidateImport::default()
    };
    let places = Places::default();
    let key = |name: &str| name_key(name, &places).full;
    let mut by_key: BTreeMap<String, String> = result
        .candidates
        .values()
        .map(|c| (key(&c.name), c.id.clone()))
        .collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut next = next_number(&result.candidates);
    for row in &table.rows {
        let Some(facts) = reader.row(row) else {
            continue;
        };
        let k = key(&facts.name);
        if let Some(first) = seen.get(&k) {
            reader.problem(
                row,
                Some(Column::Name),
                format!("与第 {first} 行是同一企业,已跳过"),
                format!("the same firm as row {first}: skipped"),
            );
            continue;
        }
        seen.insert(k.clone(), row.number);
        match by_key.get(&k).and_then(|id| result.candidates.get_mut(id)) {
            Some(existing) => {
                let before = existing.clone();
                facts.update(existing);
                if *existing == before {
                    result.unchanged += 1;
                } else {
                    result.updated.push(existing.id.clone());
                }
            }
            None => {
                let id = format!("c{next}");
                next += 1;
                let candidate = facts.into_candidate(id.clone());
                by_key.insert(k, id.clone());
                result.candidates.insert(id.clone(), candidate);
                result.added.push(id);
            }
        }
    }
    result.problems = reader.problems;
    Ok(result)
}

/// Each header's column; a column named twice is read from its first header only.
fn first_of_each(headers: &[String]) -> Vec<Option<Column>> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let column = column_of(h).filter(|c| !taken.contains(c));
            taken.extend(column);
            column
        })
        .collect()
}

/// The number after the highest `cN` id in use.
fn next_number(candidates: &BTreeMap<String, Candidate>) -> usize {
    candidates
        .keys()
        .filter_map(|id| id.strip_prefix('c').and_then(|n| n.parse::<usize>().ok()))
        .max()
        .unwrap_or(0)
        + 1
}

/// What one row says of a firm.
struct Facts {
    name: String,
    location: String,
    products: Vec<String>,
    revenue: Option<Decimal>,
    tags: Vec<String>,
    note: String,
}

impl Facts {
    /// Each fact the row gives replaces the candidate's; status and note stay the county's.
    fn update(self, c: &mut Candidate) {
        c.name = self.name;
        if !self.location.is_empty() {
            c.location = self.location;
        }
        if !self.products.is_empty() {
            c.products = self.products;
        }
        if self.revenue.is_some() {
            c.revenue = self.revenue;
        }
        if !self.tags.is_empty() {
            c.tags = self.tags;
        }
    }

    fn into_candidate(self, id: String) -> Candidate {
        Candidate {
            id,
            name: self.name,
            location: self.location,
            products: self.products,
            revenue: self.revenue,
            tags: self.tags,
            note: self.note,
            ..Candidate::default()
        }
    }
}

/// Reads rows, collecting problems.
struct Reader<'a> {
    table: &'a Table,
    columns: &'a [Option<Column>],
    unit: MoneyUnit,
    problems: Vec<Issue>,
}

impl Reader<'_> {
    fn column(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }

    fn cell<'r>(&self, row: &'r Row, column: Column) -> &'r str {
        self.column(column).map(|c| row.cell(c)).unwrap_or("")
    }

    fn problem(&mut self, row: &Row, column: Option<Column>, zh: String, en: String) {
        let header = column
            .and_then(|c| self.column(c))
            .and_then(|c| self.table.headers.get(c));
        let place = match header {
            Some(h) => format!("{} row {}, column {h}", self.table.name, row.number),
            None => format!("{} row {}", self.table.name, row.number),
        };
        self.problems
            .push(Issue::warning("candidate_row", place, zh, en));
    }

    /// The firm a row describes; none (said why) without a name.
    fn row(&mut self, row: &Row) -> Option<Facts> {
        let name = self.cell(row, Column::Name).to_owned();
        if name.is_empty() {
            self.problem(
                row,
                Some(Column::Name),
                "没有企业名称,此行未导入".into(),
                "no firm name: the row is not imported".into(),
            );
            return None;
        }
        let note = self.cell(row, Column::Note).to_owned();
        let mut tags = read_tags_cell(self.cell(row, Column::Tags));
        for tag in tags_in(&note) {
            push_once(&mut tags, tag);
        }
        Some(Facts {
            location: self.cell(row, Column::Location).to_owned(),
            products: split_products(self.cell(row, Column::Products)),
            revenue: self.revenue(row),
            tags: tidy(tags),
            note,
            name,
        })
    }

    /// The revenue cell in the project's unit; none when empty or unreadable (said why).
    fn revenue(&mut self, row: &Row) -> Option<Decimal> {
        let c = self.column(Column::Revenue)?;
        let text = row.cell(c).to_owned();
        let number = match read_number(&text) {
            Ok(n) => n?,
            Err(()) => {
                self.problem(
                    row,
                    Some(Column::Revenue),
                    format!("“{text}”不是金额,营业收入留空"),
                    format!("\"{text}\" is not an amount: revenue left empty"),
                );
                return None;
            }
        };
        let unit = number
            .unit
            .or_else(|| read_header(&self.table.headers[c]).unit)
            .or_else(|| self.table.stated_unit.as_deref().and_then(unit_named));
        let problem = if number.percent {
            Some((
                format!("营业收入应是金额,不是百分比:“{text}”"),
                format!("revenue should be an amount, not a percentage: \"{text}\""),
            ))
        } else if let Some(u) = unit.filter(|u| u.dimension != Dimension::Money) {
            Some((
                format!("“{text}”的单位{}不是金额单位", u.name),
                format!("\"{text}\": {} is not a unit of money", u.name),
            ))
        } else if number.value.is_sign_negative() && !number.value.is_zero() {
            Some((
                format!("营业收入不能为负数:{text}"),
                format!("revenue cannot be negative: {text}"),
            ))
        } else {
            None
        };
        if let Some((zh, en)) = problem {
            self.problem(row, Some(Column::Revenue), zh, en);
            return None;
        }
        // In yuan, then in the project's unit.
        let factor = match unit {
            Some(u) => u.factor() * MoneyUnit::Yuan.factor_to(self.unit),
            None => Decimal::ONE,
        };
        Some((number.value * factor).normalize())
    }
}

/// A products cell split into products: 、 , ; / | (full- or half-width), each once.
pub fn split_products(text: &str) -> Vec<String> {
    let mut products: Vec<String> = Vec::new();
    for p in crate::file::import::headers::half_width(text)
        .split([',', ';', '、', '/', '|', '，', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        push_once(&mut products, p);
    }
    products
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_name_their_columns() {
        let cases = [
            ("企业名称", Some(Column::Name)),
            ("公司名称", Some(Column::Name)),
            ("所在地", Some(Column::Location)),
            ("注册地(省/市)", Some(Column::Location)),
            ("主营产品", Some(Column::Products)),
            ("2023年营业收入(亿元)", Some(Column::Revenue)),
            ("年营收/万元", Some(Column::Revenue)),
            ("资质荣誉", Some(Column::Tags)),
            ("企业类型", Some(Column::Tags)),
            ("备注", Some(Column::Note)),
            ("联系电话", None),
            ("序号", None),
        ];
        for (header, column) in cases {
            assert_eq!(column_of(header), column, "{header}");
        }
        assert_eq!(
            split_products("菌棒、菌袋;灭菌柜，装袋机/ 菌棒"),
            ["菌棒", "菌袋", "灭菌柜", "装袋机"]
        );
    }
}
