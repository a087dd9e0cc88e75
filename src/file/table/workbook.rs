//! Reading a workbook (xlsx, xls, ods) into a [`Table`]: the sheet asked for or the first, merged
//! cells filled from the file, numbers written as people typed them.

use super::*;

/// Reads the named sheet (or the first) of a workbook.
pub fn read_workbook(name: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table, Issue> {
    use calamine::Reader;
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| {
            problem(
                name,
                format!("无法读取工作簿:{e}"),
                format!("cannot read the workbook: {e}"),
            )
        })?;
    let names = book.sheet_names();
    let chosen = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                problem(
                    name,
                    format!("没有名为“{s}”的工作表(有:{})", names.join("、")),
                    format!("no sheet named \"{s}\" (there are: {})", names.join(", ")),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| problem(name, "工作簿是空的".into(), "the workbook is empty".into()))?,
    };
    let range = book.worksheet_range(&chosen).map_err(|e| {
        problem(
            name,
            format!("无法读取工作表“{chosen}”:{e}"),
            format!("cannot read sheet \"{chosen}\": {e}"),
        )
    })?;
    let mut table = Table {
        name: format!("{name} [{chosen}]"),
        sheets: names.clone(),
        sheet: Some(chosen.clone()),
        ..Table::default()
    };
    let (first_row, first_col) = range
        .start()
        .map(|(r, c)| (r as usize, c as usize))
        .unwrap_or((0, 0));
    let mut grid: Vec<Vec<String>> = range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect();
    // A merged cell holds its text in its first cell only; every cell it covers shows it (a
    // 2023年 over two columns, a town merged down over its firms).
    let merges = match &mut book {
        calamine::Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&chosen).unwrap_or_default(),
        calamine::Sheets::Xls(x) => x.merge_cells_by_sheet_name(&chosen).unwrap_or_default(),
        _ => Vec::new(),
    };
    for merge in merges {
        fill_merged(&mut grid, (first_row, first_col), merge.start, merge.end);
    }
    for (i, cells) in grid.into_iter().enumerate() {
        push_row(&mut table, first_row + i + 1, cells);
    }
    finish(table)
}

fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => number_text(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Copies the first cell of a merged range (sheet coordinates) over the rest of it, in a grid
/// that starts at `origin`.
fn fill_merged(
    grid: &mut [Vec<String>],
    origin: (usize, usize),
    start: (u32, u32),
    end: (u32, u32),
) {
    let at = |(r, c): (u32, u32)| {
        (r as usize)
            .checked_sub(origin.0)
            .zip((c as usize).checked_sub(origin.1))
    };
    let (Some((r0, c0)), Some((r1, c1))) = (at(start), at(end)) else {
        return;
    };
    let Some(text) = grid.get(r0).and_then(|row| row.get(c0)).cloned() else {
        return;
    };
    for row in grid.iter_mut().take(r1 + 1).skip(r0) {
        if row.len() <= c1 {
            row.resize(c1 + 1, String::new());
        }
        for cell in row.iter_mut().take(c1 + 1).skip(c0) {
            if cell.is_empty() {
                *cell = text.clone();
            }
        }
    }
}

/// A spreadsheet number as Excel shows it: 15 significant digits, no trailing zeros (1800, not
/// 1800.0; 0.3, not 0.30000000000000004).
pub(super) fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    let digits = if f == 0.0 {
        1
    } else {
        f.abs().log10().floor() as i32 + 1
    };
    let places = (15 - digits).clamp(0, 15) as usize;
    let text = format!("{f:.places$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    if text == "-0" { "0".to_owned() } else { text }
}
