//! The report as a Word document (.docx), organised as the "图谱 + 清单" set counties hand in:
//! a cover, the contents, a summary, the maps (全景图 against the reference chain, 现状图, 区域
//! 分布图), the lists (firms, ranked gaps, 链主, 招商, 亩均, indicators), each agreement's
//! schedule and fair split, and the definitions in an appendix. Sections without data are left
//! out. The tables are those of the CSV/XLSX exports and the HTML report (`tables.rs`,
//! `report.rs`), not computed again.
//!
//! Written as OOXML parts by hand and zipped with `zip`: docx-rs (0.4) has no repeating table
//! header row (`w:tblHeader`) and would bring a second `zip`; the parts are few and fixed.

mod agreements;
mod body;
mod content;
mod definitions;
mod maps;
mod package;
mod styles;

use super::tables::{Cell, DataTable};
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::model::Project;
use body::{Body, Page, TableCell};

/// The report as .docx bytes; `date` (`YYYY-MM-DD`) is the date on the cover.
pub fn docx(
    project: &Project,
    analysis: &Analysis,
    lang: Lang,
    date: &str,
) -> Result<Vec<u8>, super::ExportError> {
    let mut body = Body::new();
    let title = content::cover(&mut body, project, analysis, lang, date);
    let cover = body.take_xml();
    let last = content::chapters(&mut body, project, analysis, lang)?;
    let chapters = body.take_xml();
    body.heading_plain(lang.pick("目  录", "Contents"));
    let entries = body.headings.clone();
    body.contents(&entries);
    body.para(
        "Note",
        lang.pick(
            "页码:在 Word 中右键目录 → 更新域;WPS 中点击目录 → 更新目录。",
            "Page numbers: right-click the contents in Word → Update Field (in WPS: Update Contents).",
        ),
    );
    body.end_section(Page::Portrait, false);
    let contents = body.take_xml();
    for part in [cover, contents, chapters] {
        body.push_xml(&part);
    }
    let document = body.document(last);
    let props = package::Properties {
        title: &title,
        lang,
        date,
    };
    package::package(&document, &body.images, &props).map_err(super::write_error)
}

/// Today's date (UTC), `YYYY-MM-DD`, for the cover.
pub fn today() -> String {
    let (y, m, d, ..) = crate::time::utc_parts(crate::time::unix_now());
    format!("{y:04}-{m:02}-{d:02}")
}

/// How wide a text runs: CJK characters count two, others one.
fn text_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

/// Column widths (twips) filling `total`. Each column first gets what keeps its numbers and
/// short words on one line (its header may wrap at about four characters; long text has eight
/// characters at least); what is left goes
/// to the columns with longer text, by how much more they would take (up to 40 characters).
fn column_widths(headers: &[String], rows: &[Vec<TableCell>], total: u32) -> Vec<u32> {
    // Twips a width unit (half a CJK character at 9 pt) takes, with the cell margins.
    const UNIT: f64 = 95.0;
    const PADDING: f64 = 2.5;
    let (mut least, mut wanted) = (Vec::new(), Vec::new());
    for (i, h) in headers.iter().enumerate() {
        let cells: Vec<(usize, bool)> = rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(|c| {
                let text: String = c.runs.iter().map(|(t, _)| t.as_str()).collect();
                (text.split('\n').map(text_width).max().unwrap_or(0), c.right)
            })
            .collect();
        let numbers = cells.iter().filter(|(_, n)| *n).map(|(w, _)| *w).max();
        let short = cells
            .iter()
            .map(|(w, _)| *w)
            .filter(|w| *w <= 8)
            .max()
            .unwrap_or(0);
        let longest = cells.iter().map(|(w, _)| *w).max().unwrap_or(0);
        // Long text gets eight characters at least, so it never stands in a thin column.
        let min = numbers
            .unwrap_or(0)
            .max(short)
            .max(longest.min(16))
            .max(text_width(h).min(8))
            .max(4) as f64
            + PADDING;
        least.push(min);
        wanted.push((longest.min(40) as f64 + PADDING).max(min));
    }
    let total = total as f64;
    let floor: f64 = least.iter().map(|w| w * UNIT).sum();
    let want: f64 = wanted.iter().map(|w| w * UNIT).sum();
    let widths: Vec<f64> = if floor >= total || want <= total {
        // Too narrow for even the least, or room for all: scale what each wants alike.
        let base = if floor >= total { &least } else { &wanted };
        let sum: f64 = base.iter().sum::<f64>().max(1.0);
        base.iter().map(|w| w / sum * total).collect()
    } else {
        let extra = total - floor;
        let more: f64 = (want - floor).max(1.0);
        least
            .iter()
            .zip(&wanted)
            .map(|(l, w)| l * UNIT + (w - l) * UNIT / more * extra)
            .collect()
    };
    widths.into_iter().map(|w| w as u32).collect()
}

/// A cell of the exports' tables as the document shows it: numbers right-aligned, measures to
/// two decimals (three below one), so a share reads 0.345 and an output 12345.68.
fn cell(c: &Cell) -> TableCell {
    match c {
        Cell::Text(s) => TableCell::text(s.clone()),
        Cell::Number(_) => TableCell {
            right: true,
            ..TableCell::text(c.as_text())
        },
        Cell::Float(f) => {
            let places = if f.abs() < 1.0 { 3 } else { 2 };
            let s = format!("{f:.places$}");
            let s = if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.').to_owned()
            } else {
                s
            };
            TableCell {
                right: true,
                ..TableCell::text(s)
            }
        }
        Cell::Empty => TableCell::default(),
    }
}

/// One of the exports' tables in the document, columns fitted to `page`; only the columns
/// `keep` lists, when it is given.
fn data_table(body: &mut Body, table: &DataTable, page: Page, keep: Option<&[usize]>) {
    let all: Vec<usize> = (0..table.headers.len()).collect();
    let keep = keep.unwrap_or(&all);
    let headers: Vec<String> = keep
        .iter()
        .filter_map(|i| table.headers.get(*i).cloned())
        .collect();
    let rows: Vec<Vec<TableCell>> = table
        .rows
        .iter()
        .map(|r| {
            keep.iter()
                .map(|i| r.get(*i).map(cell).unwrap_or_default())
                .collect()
        })
        .collect();
    let widths = column_widths(&headers, &rows, page.text_width());
    body.table(&headers, &rows, &widths);
}
