//! The figures of an enterprises row: every figure column, each for the year its header names
//! (else the row's year column, else the import's year), its numbers read as lists write them
//! and converted to the project's money unit and to 亩.

use super::cells::read_number;
use super::headers::{Dimension, Unit, dimension_of, unit_named};
use super::mapping::Field;
use super::{ImportSource, Work};
use crate::file::table::Row;
use crate::i18n::Lang;
use crate::model::{Figures, Node, Year};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;

impl Work {
    /// The figures of one row, by year: a column's header year, else the row's year column,
    /// else the table's year (the one year its headers name, or its title's), else the
    /// import's.
    pub(super) fn node_figures(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        node: &mut Node,
    ) {
        let Ok(row_year) = self.row_year(i, source, row) else {
            return;
        };
        let row_year = row_year
            .or_else(|| self.table_years.get(i).copied().flatten())
            .unwrap_or(self.year);
        let mut by_year: BTreeMap<Year, Figures> = BTreeMap::new();
        for (c, field) in source.mapping.columns.iter().enumerate() {
            let Some(field) = field.filter(|f| dimension_of(*f).is_some()) else {
                continue;
            };
            let Some(value) = self.figure(i, source, row, c, field) else {
                continue;
            };
            let year = source
                .mapping
                .decor
                .get(c)
                .and_then(|d| d.year)
                .unwrap_or(row_year);
            let figures = by_year
                .entry(year)
                .or_insert_with(|| node.figures.get(&year).cloned().unwrap_or_default());
            set(figures, field, value);
        }
        node.figures.extend(by_year);
    }

    /// The year in a row's year column, if it has one; `Err` (with the problem reported) when
    /// the column holds something else.
    fn row_year(&mut self, i: usize, source: &ImportSource, row: &Row) -> Result<Option<Year>, ()> {
        let text = Self::cell(source, row, Field::Year);
        if text.is_empty() {
            return Ok(None);
        }
        let digits = text.trim_end_matches(['年', '度']);
        match digits.parse::<Year>() {
            Ok(y) if (1900..=2200).contains(&y) => Ok(Some(y)),
            _ => {
                self.problem(
                    i,
                    Some(row.number),
                    &Self::place(source, row, Some(Field::Year)),
                    format!("“{text}”不是年份"),
                    format!("\"{text}\" is not a year"),
                );
                Err(())
            }
        }
    }

    /// One figure cell, converted to the unit it is stored in; none when empty (or a dash) or
    /// wrong (the problem reported).
    fn figure(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        c: usize,
        field: Field,
    ) -> Option<Decimal> {
        let text = row.cell(c);
        let place = Self::place_column(source, row, c);
        let label = (field.label(Lang::Zh), field.label(Lang::En));
        let number = match read_number(text) {
            Ok(n) => n?,
            Err(()) => {
                self.problem(
                    i,
                    Some(row.number),
                    &place,
                    format!("“{text}”不是数字"),
                    format!("\"{text}\" is not a number"),
                );
                return None;
            }
        };
        if number.percent {
            self.problem(
                i,
                Some(row.number),
                &place,
                format!("{}应是数量,不是百分比:“{text}”", label.0),
                format!(
                    "{} should be an amount, not a percentage: \"{text}\"",
                    label.1
                ),
            );
            return None;
        }
        let dimension = dimension_of(field)?;
        let unit = number
            .unit
            .or_else(|| self.column_unit(source, c, dimension));
        let factor = match unit {
            Some(u) if u.dimension != dimension => {
                self.problem(
                    i,
                    Some(row.number),
                    &place,
                    format!("“{text}”的单位{}不是{}的单位", u.name, label.0),
                    format!("\"{text}\": {} is not a unit of {}", u.name, label.1),
                );
                return None;
            }
            Some(u) => match dimension {
                Dimension::Money => u.factor() / self.money,
                _ => u.factor(),
            },
            None => Decimal::ONE,
        };
        let value = (number.value * factor).normalize();
        let negative = value.is_sign_negative() && !value.is_zero();
        if negative && field != Field::Profit {
            self.problem(
                i,
                Some(row.number),
                &place,
                format!("{}不能为负数:{text}", label.0),
                format!("{} cannot be negative: {text}", label.1),
            );
            return None;
        }
        if dimension == Dimension::Count && (!value.fract().is_zero() || value.to_u32().is_none()) {
            self.problem(
                i,
                Some(row.number),
                &place,
                format!("“{text}”不是非负整数"),
                format!("\"{text}\" is not a whole number ≥ 0"),
            );
            return None;
        }
        // A minus zero is zero.
        Some(if value.is_zero() {
            Decimal::ZERO
        } else {
            value
        })
    }

    /// The unit a column's numbers are in: its header's, else (for money) the one stated above
    /// the table; none: already the stored unit.
    fn column_unit(&self, source: &ImportSource, c: usize, dimension: Dimension) -> Option<Unit> {
        let decor = source.mapping.decor.get(c).and_then(|d| d.unit);
        decor.or_else(|| {
            source
                .table
                .stated_unit
                .as_deref()
                .and_then(unit_named)
                .filter(|_| dimension == Dimension::Money)
        })
    }
}

/// Puts a figure in its place.
fn set(figures: &mut Figures, field: Field, value: Decimal) {
    match field {
        Field::Output => figures.output = Some(value),
        Field::Tax => figures.tax = Some(value),
        Field::ValueAdded => figures.value_added = Some(value),
        Field::Investment => figures.investment = Some(value),
        Field::Profit => figures.profit = Some(value),
        Field::Land => figures.land_mu = Some(value),
        Field::Employees => figures.employees = value.to_u32(),
        Field::Farmers => figures.farmers_linked = value.to_u32(),
        Field::Vat => figures.vat = Some(value),
        Field::Cit => figures.cit = Some(value),
        Field::OtherTax => figures.other_tax = Some(value),
        Field::Rent => figures.rent = Some(value),
        Field::KeyProjects => figures.key_projects = Some(value),
        _ => {}
    }
}
