//! What an import reads and what it does not, listed so nothing is left out in silence: each
//! imported column with its field, year and unit conversion; each column not imported, and
//! why; each row that is not a row of its table (titles, 合计, notes), and why; and a warning
//! when an enterprises table has no figure column at all.

use super::headers::{Dimension, dimension_of, field_of, is_row_number, read_header, unit_named};
use super::mapping::{Field, TableKind};
use super::{ImportSource, Work};
use crate::file::table::SkipReason;
use crate::i18n::Lang;
use crate::model::Year;

/// An imported column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnUse {
    pub source: usize,
    pub column: usize,
    pub header: String,
    pub field: Field,
    /// The year its figures go to, when its header says.
    pub year: Option<Year>,
    /// The unit its numbers are read in, and the unit they are stored in, when they differ
    /// (`亿元` → `万元`, `平方米` → `亩`).
    pub conversion: Option<(String, String)>,
    /// The unit is the project's (or 亩) because neither the header nor a line above the table
    /// gives one.
    pub unit_assumed: bool,
}

/// A column that is not imported.
#[derive(Debug, Clone, PartialEq)]
pub struct IgnoredColumn {
    pub source: usize,
    pub column: usize,
    pub header: String,
    pub reason: IgnoreReason,
}

/// Why a column is not imported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IgnoreReason {
    /// Its header names no field chainmap keeps.
    NotRecognised,
    /// 序号: the rows' numbers.
    RowNumbers,
    /// It names a field, but another column fills the same (this column).
    Repeats(usize),
    /// It names a field, but the mapping leaves it out (the user chose so).
    LeftOut(Field),
}

impl IgnoreReason {
    pub fn text(self, headers: &[String], lang: Lang) -> String {
        match self {
            IgnoreReason::NotRecognised => lang
                .pick("未识别的列", "not a column chainmap reads")
                .to_owned(),
            IgnoreReason::RowNumbers => lang.pick("序号列", "row numbers").to_owned(),
            IgnoreReason::Repeats(other) => {
                let name = headers.get(other).map(String::as_str).unwrap_or("?");
                match lang {
                    Lang::Zh => format!("与第 {} 列“{name}”重复", column_letter(other)),
                    Lang::En => format!("repeats column {} \"{name}\"", column_letter(other)),
                }
            }
            IgnoreReason::LeftOut(field) => match lang {
                Lang::Zh => format!("已设为不导入(可作为“{}”)", field.label(lang)),
                Lang::En => format!("set to skip (could be \"{}\")", field.label(lang)),
            },
        }
    }

    /// A short code for `--json`.
    pub fn code(self) -> &'static str {
        match self {
            IgnoreReason::NotRecognised => "not_recognised",
            IgnoreReason::RowNumbers => "row_numbers",
            IgnoreReason::Repeats(_) => "repeats",
            IgnoreReason::LeftOut(_) => "left_out",
        }
    }
}

/// A row not read as a row of its table.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedRowReport {
    pub source: usize,
    /// The file (and sheet) it is in.
    pub table: String,
    pub row: usize,
    pub text: String,
    pub reason: SkipReason,
}

/// A table's own year: the one year its figure headers name (`2023年产值`, beside a plain
/// `税收`), else the year in its title (`2023年XX县重点企业名录`); none when its headers name
/// several years (each column keeps its own) or none at all.
pub(super) fn table_year(source: &ImportSource) -> Option<Year> {
    let years: std::collections::BTreeSet<Year> = source
        .mapping
        .columns
        .iter()
        .zip(&source.mapping.decor)
        .filter(|(f, _)| f.is_some_and(|f| dimension_of(f).is_some()))
        .filter_map(|(_, d)| d.year)
        .collect();
    match years.len() {
        1 => years.first().copied(),
        0 => source
            .table
            .skipped
            .iter()
            .filter(|s| s.reason == SkipReason::AboveHeader)
            .find_map(|s| super::headers::year_in(&s.text)),
        _ => None,
    }
}

/// A column's letter as spreadsheets show it: 0 → A, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl Work {
    /// Lists every source's columns (imported or not) and skipped rows; reports a unit that
    /// does not fit its field and an enterprises table without a figure column.
    pub(super) fn list_columns(&mut self, sources: &[ImportSource]) {
        for (i, source) in sources.iter().enumerate() {
            let headers = &source.table.headers;
            for (c, header) in headers.iter().enumerate() {
                match source.mapping.columns.get(c).copied().flatten() {
                    Some(field) => self.list_used(i, source, c, field),
                    None => {
                        let words = read_header(header).words;
                        let reason = match field_of(source.kind, &words) {
                            Some((field, _)) => match source.mapping.repeated_by(c, field) {
                                Some(other) => IgnoreReason::Repeats(other),
                                None => IgnoreReason::LeftOut(field),
                            },
                            None if is_row_number(&words) => IgnoreReason::RowNumbers,
                            None => IgnoreReason::NotRecognised,
                        };
                        self.plan.ignored_columns.push(IgnoredColumn {
                            source: i,
                            column: c,
                            header: header.clone(),
                            reason,
                        });
                    }
                }
            }
            for skipped in &source.table.skipped {
                self.plan.skipped_rows.push(SkippedRowReport {
                    source: i,
                    table: source.table.name.clone(),
                    row: skipped.number,
                    text: skipped.text.clone(),
                    reason: skipped.reason,
                });
            }
            let has_figures = source
                .mapping
                .columns
                .iter()
                .flatten()
                .any(|f| dimension_of(*f).is_some());
            if source.kind == TableKind::Nodes && !has_figures && !source.table.rows.is_empty() {
                self.warn(
                    i,
                    None,
                    &source.table.name,
                    "没有识别出任何数字列(产值、税收、用地、从业人员……):只导入名称等信息,请检查列对应".into(),
                    "no figure column was recognised (output, tax, land, employees …): only names and the like are imported; check the column mapping".into(),
                );
            }
        }
    }

    /// Lists an imported column; a unit that does not measure its field is an error.
    fn list_used(&mut self, i: usize, source: &ImportSource, c: usize, field: Field) {
        let header = source.table.headers.get(c).cloned().unwrap_or_default();
        let decor = source.mapping.decor.get(c).copied().unwrap_or_default();
        let mut conversion = None;
        let mut unit_assumed = false;
        if let Some(dimension) = dimension_of(field) {
            let stated = source
                .table
                .stated_unit
                .as_deref()
                .and_then(unit_named)
                .filter(|_| dimension == Dimension::Money);
            match decor.unit.or(stated) {
                Some(unit) if unit.dimension != dimension => self.problem(
                    i,
                    None,
                    &format!("{} column {header}", source.table.name),
                    format!("“{}”不是{}的单位", unit.name, field.label(Lang::Zh)),
                    format!("{} is not a unit of {}", unit.name, field.label(Lang::En)),
                ),
                Some(unit) => {
                    let stored = self.stored_unit(dimension);
                    if unit.name != stored && dimension != Dimension::Count {
                        conversion = Some((unit.name.to_owned(), stored.to_owned()));
                    }
                }
                None => unit_assumed = dimension != Dimension::Count,
            }
        }
        self.plan.columns.push(ColumnUse {
            source: i,
            column: c,
            header,
            field,
            year: decor
                .year
                .or_else(|| self.table_years.get(i).copied().flatten())
                .filter(|_| dimension_of(field).is_some() && source.column(Field::Year).is_none()),
            conversion,
            unit_assumed,
        });
    }

    /// The unit figures of a dimension are stored in: the project's money unit, 亩.
    pub(super) fn stored_unit(&self, dimension: Dimension) -> &'static str {
        match dimension {
            Dimension::Money => super::headers::UNITS
                .iter()
                .map(|(_, u)| *u)
                .find(|u| u.dimension == Dimension::Money && u.factor() == self.money)
                .map(|u| u.name)
                .unwrap_or("万元"),
            Dimension::Area => "亩",
            Dimension::Count => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
