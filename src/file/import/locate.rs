//! Finding the table in a sheet made for printing: the header is the row (among the first ones)
//! that names the most fields, whatever title, unit and 填报单位 rows stand above it; a second
//! header row below it (a merged 2023年 over 产值 | 税收) joins it; 合计 / 小计 / 总计 rows and the
//! notes below the table are taken out. Everything taken out is kept in `Table::skipped`, with
//! why, so it can be listed.

use super::headers::{
    GROUP_WORDS, NOTE_PREFIXES, TOTAL_WORDS, field_of, half_width, is_row_number, read_header,
    unit_named,
};
use super::mapping::TableKind;
use crate::file::table::{Row, SkipReason, Table};

/// How far down the header is looked for.
const HEADER_SEARCH_ROWS: usize = 30;

/// Whether a cell names a field of any table (or is a 序号 column).
fn names_a_field(cell: &str) -> bool {
    let words = read_header(cell).words;
    is_row_number(&words)
        || TableKind::ALL
            .into_iter()
            .any(|kind| field_of(kind, &words).is_some())
}

/// How many cells of a row name a field.
fn header_score(cells: &[String], names_a_field: &dyn Fn(&str) -> bool) -> usize {
    cells.iter().filter(|c| names_a_field(c)).count()
}

/// Finds the header, joins a second header row, takes out totals and notes, and reads a unit
/// stated above the table.
pub fn locate(table: &mut Table) {
    locate_by(table, &names_a_field);
}

/// [`locate`] for a table of another kind, whose header cells `names_a_field` recognises (the
/// 招商 candidate lists of `crate::targets`): the same titles, units, totals and notes.
pub fn locate_by(table: &mut Table, names_a_field: &dyn Fn(&str) -> bool) {
    let candidates: Vec<&[String]> = std::iter::once(table.headers.as_slice())
        .chain(table.rows.iter().map(|r| r.cells.as_slice()))
        .take(HEADER_SEARCH_ROWS)
        .collect();
    let scores: Vec<usize> = candidates
        .iter()
        .map(|c| header_score(c, names_a_field))
        .collect();
    let best = scores.iter().copied().max().unwrap_or(0);
    if best > 0 {
        let mut index = scores.iter().position(|s| *s == best).unwrap_or(0);
        // The row naming the most fields may be the lower row of a two-row header (产值 | 税收
        // under 2023年), or the upper one (企业名称 merged down, 2023年 over the figures).
        let below = |i: usize| {
            candidates
                .get(i + 1)
                .is_some_and(|b| is_second_header_row(candidates[i], b, names_a_field))
        };
        let two_rows = if index > 0 && below(index - 1) {
            index -= 1;
            true
        } else {
            below(index)
        };
        let stated = candidates[..index]
            .iter()
            .flat_map(|cells| cells.iter())
            .find_map(|cell| stated_unit(cell));
        table.set_header(index, two_rows);
        if stated.is_some() {
            table.stated_unit = stated;
        }
    }
    table.skip_rows(|row, trailing| {
        if is_total(row) {
            Some(SkipReason::Total)
        } else if trailing && is_note(row) {
            Some(SkipReason::Note)
        } else {
            None
        }
    });
}

/// Whether `below` is the second row of a two-row header under `top`: some column's top cell is
/// a group (no field of its own, or empty next to a group) and the cell below names a field; and
/// under every top cell that names a field, the cell below is empty or the same (merged down).
fn is_second_header_row(
    top: &[String],
    below: &[String],
    names_a_field: &dyn Fn(&str) -> bool,
) -> bool {
    fn cell(row: &[String], c: usize) -> &str {
        row.get(c).map(|s| s.trim()).unwrap_or("")
    }
    let width = top.len().max(below.len());
    let mut grouped = false;
    for c in 0..width {
        let (t, b) = (cell(top, c), cell(below, c));
        if b.is_empty() {
            continue;
        }
        let top_is_field = !t.is_empty() && names_a_field(t);
        if !t.is_empty() && !top_is_field && !is_group(t) {
            return false;
        }
        if top_is_field {
            if t != b {
                return false;
            }
        } else if names_a_field(b) {
            grouped = true;
        }
    }
    grouped
}

/// A cell over several columns of a two-row header: a year (2023年), a unit (万元), or words
/// such as 主要经济指标; not a line saying the unit of the whole table (单位:万元).
fn is_group(cell: &str) -> bool {
    let reading = read_header(cell);
    !cell.contains("单位")
        && (reading.year.is_some()
            || reading.unit.is_some()
            || GROUP_WORDS.iter().any(|w| reading.words.ends_with(w)))
}

/// A unit stated in a cell above the table: `单位:万元`, `金额单位：亿元`.
fn stated_unit(cell: &str) -> Option<String> {
    let text = half_width(cell);
    text.match_indices("单位").find_map(|(at, word)| {
        let after = text[at + word.len()..].trim_start_matches([':', ' ']);
        let unit: String = after
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ';' | '、' | ')'))
            .collect();
        unit_named(&unit).map(|u| u.name.to_owned())
    })
}

fn squeeze(cell: &str) -> String {
    half_width(cell)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// A 合计 / 小计 / 总计 row: one of its first three filled cells says so.
fn is_total(row: &Row) -> bool {
    row.cells
        .iter()
        .map(|c| squeeze(c))
        .filter(|c| !c.is_empty())
        .take(3)
        .any(|c| TOTAL_WORDS.iter().any(|w| c.starts_with(w)))
}

/// A note: its first filled cell starts with a note word (注:, 数据来源 …).
fn is_note(row: &Row) -> bool {
    let Some(first) = row.cells.iter().find(|c| !c.trim().is_empty()) else {
        return false;
    };
    let text = half_width(first.trim()).to_lowercase();
    NOTE_PREFIXES.iter().any(|p| text.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::table::read_csv;

    #[test]
    fn a_printed_list_is_found_under_its_title() {
        let text = "2023年XX县重点企业名录,,,\n\
                    填报单位:XX县工业和信息化局,,单位:万元,\n\
                    序号,企业名称,2023年产值,所属乡镇(街道)\n\
                    1,甲公司,1200,城关镇\n\
                    2,乙公司,800,小岭镇\n\
                    合  计,,2000,\n\
                    注:产值为快报数。,,,\n\
                    数据来源:县统计局,,,\n";
        let mut table = read_csv("名录.csv", text.as_bytes()).unwrap();
        locate(&mut table);
        assert_eq!(
            table.headers,
            ["序号", "企业名称", "2023年产值", "所属乡镇(街道)"]
        );
        assert_eq!(table.header_rows, [3]);
        assert_eq!(
            table.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            [4, 5]
        );
        let skipped: Vec<(usize, SkipReason)> =
            table.skipped.iter().map(|s| (s.number, s.reason)).collect();
        assert_eq!(
            skipped,
            [
                (1, SkipReason::AboveHeader),
                (2, SkipReason::AboveHeader),
                (6, SkipReason::Total),
                (7, SkipReason::Note),
                (8, SkipReason::Note),
            ]
        );
        assert_eq!(table.stated_unit.as_deref(), Some("万元"));
    }

    #[test]
    fn a_two_row_header_joins_its_group_cells() {
        // As CSV: the merged 2023年 is in its first column only.
        let text = "企业名称,2023年,,2022年,,备注\n\
                    ,产值,税收,产值,税收,\n\
                    甲公司,1200,60,1000,50,\n";
        let mut table = read_csv("t.csv", text.as_bytes()).unwrap();
        locate(&mut table);
        assert_eq!(
            table.headers,
            [
                "企业名称",
                "2023年 产值",
                "2023年 税收",
                "2022年 产值",
                "2022年 税收",
                "备注"
            ]
        );
        assert_eq!(table.header_rows, [1, 2]);
        assert_eq!(table.rows.len(), 1);
        // A plain header over data is not taken for two rows: the firm's name is under a field.
        let mut plain = read_csv("p.csv", "企业名称,产值\n甲公司,12\n".as_bytes()).unwrap();
        locate(&mut plain);
        assert_eq!(plain.header_rows, [1]);
        assert_eq!(plain.rows.len(), 1);
    }
}
