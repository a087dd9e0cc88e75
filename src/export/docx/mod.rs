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

/// Column widths (twips) filling `total`: each column as wide as its longest line (headers may
/// wrap, so they count half), within bounds, so names get room and numbers do not.
fn column_widths(headers: &[String], rows: &[Vec<TableCell>], total: u32) -> Vec<u32> {
    let weights: Vec<f64> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let longest = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| {
                    let text: String = c.runs.iter().map(|(t, _)| t.as_str()).collect();
                    text.split('\n').map(text_width).max().unwrap_or(0)
                })
                .max()
                .unwrap_or(0);
            (longest.max(text_width(h).div_ceil(2)) as f64).clamp(4.0, 40.0)
        })
        .collect();
    let sum: f64 = weights.iter().sum::<f64>().max(1.0);
    weights
        .iter()
        .map(|w| ((w / sum) * total as f64) as u32)
        .collect()
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
