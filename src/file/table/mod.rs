//! Spreadsheets in: a CSV file (UTF-8, UTF-8 with BOM, GBK as Excel in China writes it, or
//! UTF-16 with BOM) or an Excel/ODS workbook, read into a plain table of text cells, each row
//! keeping its row number in the sheet so problems can say where they are.

use crate::model::Issue;
use std::path::Path;

mod workbook;

pub use workbook::read_workbook;

/// Rows and columns of one sheet, as text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The file name (and sheet), for messages.
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// How the bytes were decoded (CSV only).
    pub encoding: Option<TextEncoding>,
    /// Every sheet of the workbook it came from, and the one read (workbooks only).
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// Sheet row numbers of the header: one row, or two (a merged 2023年 over 产值 | 税收).
    pub header_rows: Vec<usize>,
    /// Rows read but not part of the table (titles above the header, 合计 rows, notes below),
    /// each with why: listed to the user, never dropped in silence.
    pub skipped: Vec<SkippedRow>,
    /// A money unit stated above the header (`单位:万元`): the unit of amount columns whose
    /// header names none.
    pub stated_unit: Option<String>,
}

/// A row that is not a row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedRow {
    pub number: usize,
    /// Its cells, joined, for the list.
    pub text: String,
    pub reason: SkipReason,
}

/// Why a row is not a row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Above the header: a title, a unit line, 填报单位.
    AboveHeader,
    /// A 合计 / 小计 / 总计 row: a sum of firms, not a firm.
    Total,
    /// A note below the table (注:, 数据来源 …).
    Note,
}

impl SkipReason {
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            SkipReason::AboveHeader => {
                lang.pick("表头上方的标题或说明", "title or note above the header")
            }
            SkipReason::Total => lang.pick("合计行,不是企业", "a total row, not a firm"),
            SkipReason::Note => lang.pick("表格下方的注释", "a note below the table"),
        }
    }
}

impl Row {
    /// Its non-empty cells joined by " | ", for lists; a merged cell (the same text in the
    /// cells side by side) once.
    pub fn text(&self) -> String {
        let mut cells: Vec<&str> = self
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        cells.dedup();
        cells.join(" | ")
    }
}

impl Table {
    /// Makes the row at `index` (0: the first row read, the header so far) the header, with the
    /// one after it as its second row when `two_rows`; rows above it are skipped as such.
    /// A top cell left empty by a merged cell that was not filled (CSV) takes the group of the
    /// cell to its left when the cell below has a field: `2023年 | (empty)` over `产值 | 税收`.
    pub fn set_header(&mut self, index: usize, two_rows: bool) {
        if index == 0 && !two_rows {
            return;
        }
        let first = Row {
            number: self.header_rows.first().copied().unwrap_or(0),
            cells: std::mem::take(&mut self.headers),
        };
        let mut all: Vec<Row> = std::iter::once(first)
            .chain(std::mem::take(&mut self.rows))
            .collect();
        let take = index + 1 + usize::from(two_rows);
        if take > all.len() {
            self.headers = all.remove(0).cells;
            self.rows = all;
            return;
        }
        let mut rest = all.split_off(take);
        let mut header_rows: Vec<Row> = all.split_off(index);
        for above in all {
            self.skipped.push(SkippedRow {
                number: above.number,
                text: above.text(),
                reason: SkipReason::AboveHeader,
            });
        }
        self.header_rows = header_rows.iter().map(|r| r.number).collect();
        let top = header_rows.remove(0).cells;
        self.headers = match header_rows.pop() {
            None => top.iter().map(|c| c.trim().to_owned()).collect(),
            Some(bottom) => combine_header_rows(&top, &bottom.cells),
        };
        self.rows = std::mem::take(&mut rest);
    }

    /// Takes out the rows `reason_of` says are not rows of the table.
    pub fn skip_rows(&mut self, reason_of: impl Fn(&Row, bool) -> Option<SkipReason>) {
        // Notes count only below the last row that is not one: walk back from the end.
        let mut trailing = self.rows.len();
        while trailing > 0 && reason_of(&self.rows[trailing - 1], true).is_some() {
            trailing -= 1;
        }
        let rows = std::mem::take(&mut self.rows);
        for (i, row) in rows.into_iter().enumerate() {
            match reason_of(&row, i >= trailing) {
                Some(reason) => self.skipped.push(SkippedRow {
                    number: row.number,
                    text: row.text(),
                    reason,
                }),
                None => self.rows.push(row),
            }
        }
        self.skipped.sort_by_key(|s| s.number);
    }
}

/// The header of a two-row header: the top cell and the one below (`2023年 产值`); one of them
/// when the other is empty or the same (a cell merged down over both rows).
fn combine_header_rows(top: &[String], bottom: &[String]) -> Vec<String> {
    let width = top.len().max(bottom.len());
    let cell =
        |row: &[String], c: usize| row.get(c).map(|s| s.trim().to_owned()).unwrap_or_default();
    let mut group = String::new();
    (0..width)
        .map(|c| {
            let (mut t, b) = (cell(top, c), cell(bottom, c));
            if t.is_empty() && !b.is_empty() {
                t = group.clone();
            } else if !b.is_empty() {
                group = t.clone();
            } else {
                group.clear();
            }
            match (t.is_empty(), b.is_empty()) {
                (_, true) => t,
                (true, false) => b,
                (false, false) if t == b => t,
                (false, false) => format!("{t} {b}"),
            }
        })
        .collect()
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// Its row number in the sheet, the header being row 1.
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in `column`, trimmed; empty when the row is short.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map(|c| c.trim()).unwrap_or("")
    }
}

/// The text encoding a CSV file turned out to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Gbk,
    Utf16,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Gbk => "GBK",
            TextEncoding::Utf16 => "UTF-16",
        }
    }
}

/// Largest spreadsheet read (bytes): far above any county's enterprise list, far below memory.
pub const MAX_TABLE_BYTES: u64 = 64 * 1024 * 1024;

fn problem(name: &str, zh: String, en: String) -> Issue {
    Issue::blocking("bad_table", name.to_owned(), zh, en)
}

/// Reads a CSV, XLSX, XLS or ODS file by its extension (CSV when it has none of those).
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, Issue> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_TABLE_BYTES {
        return Err(problem(
            &name,
            format!(
                "文件太大({} MB),上限 {} MB",
                size / 1_048_576,
                MAX_TABLE_BYTES / 1_048_576
            ),
            format!(
                "the file is too large ({} MB; the limit is {} MB)",
                size / 1_048_576,
                MAX_TABLE_BYTES / 1_048_576
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        problem(
            &name,
            format!("无法读取文件:{e}"),
            format!("cannot read the file: {e}"),
        )
    })?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(&name, bytes, sheet),
        _ => read_csv(&name, &bytes),
    }
}

/// Decodes CSV bytes: a BOM says UTF-8 or UTF-16; otherwise valid UTF-8 is UTF-8 and anything
/// else must be GBK (Excel's "CSV" on a Chinese Windows).
pub fn decode_text(name: &str, bytes: &[u8]) -> Result<(String, TextEncoding), Issue> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_owned(), TextEncoding::Utf8Bom)),
            Err(e) => Err(bad_utf8(name, bytes, e.valid_up_to() + 3)),
        };
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        if bad {
            return Err(problem(
                name,
                "UTF-16 文本中有无效字符".into(),
                "the UTF-16 text has invalid characters".into(),
            ));
        }
        return Ok((text.into_owned(), TextEncoding::Utf16));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), TextEncoding::Utf8));
    }
    // Not UTF-8: GBK, or neither. The decoder says where the first byte that fits neither is.
    let mut decoder = encoding_rs::GBK.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok((text, TextEncoding::Gbk)),
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            Err(bad_utf8(name, bytes, read.saturating_sub(usize::from(bad))))
        }
        encoding_rs::DecoderResult::OutputFull => Err(bad_utf8(name, bytes, read)),
    }
}

/// Line breaks in `bytes`: `\n`, `\r\n`, or a lone `\r` (old Mac Excel).
fn line_breaks(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

fn bad_utf8(name: &str, bytes: &[u8], at: usize) -> Issue {
    let line = line_breaks(&bytes[..at.min(bytes.len())]) + 1;
    problem(
        &format!("{name} line {line}"),
        "既不是 UTF-8 也不是 GBK 编码的文本(请在 Excel 中另存为“CSV UTF-8”)".into(),
        "the text is neither UTF-8 nor GBK (in Excel, save as \"CSV UTF-8\")".into(),
    )
}

/// Reads CSV bytes (any of the encodings above). Blank lines are skipped; rows keep their line.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table, Issue> {
    let (text, encoding) = decode_text(name, bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table {
        name: name.to_owned(),
        encoding: Some(encoding),
        ..Table::default()
    };
    let raw = text.as_bytes();
    let (mut line, mut counted_to) = (1usize, 0usize);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            problem(
                &format!("{name} line {line}"),
                format!("CSV 格式错误:{e}"),
                format!("not valid CSV: {e}"),
            )
        })?;
        // The record's line from its byte offset (which is where the blank lines before it
        // start): the reader's own line count leaves blank lines out. Counted on from the last
        // record, so a long file is read in one pass.
        let mut byte = record.position().map(|p| p.byte() as usize).unwrap_or(0);
        while byte < raw.len() && matches!(raw[byte], b'\n' | b'\r') {
            byte += 1;
        }
        let byte = byte.min(raw.len()).max(counted_to);
        line += line_breaks(&raw[counted_to..byte]);
        counted_to = byte;
        let number = line;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        push_row(&mut table, number, cells);
    }
    finish(table)
}

pub(super) fn push_row(table: &mut Table, number: usize, cells: Vec<String>) {
    if cells.iter().all(|c| c.trim().is_empty()) {
        return;
    }
    if table.headers.is_empty() && table.rows.is_empty() {
        table.headers = cells.into_iter().map(|c| c.trim().to_owned()).collect();
        table.header_rows = vec![number];
    } else {
        table.rows.push(Row { number, cells });
    }
}

pub(super) fn finish(table: Table) -> Result<Table, Issue> {
    if table.headers.is_empty() {
        return Err(problem(
            &table.name,
            "表格是空的:第一行应是列名".into(),
            "the table is empty: the first row should name the columns".into(),
        ));
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::workbook::number_text;
    use super::*;

    const TEXT: &str = "名称,产值\n菌种公司A,1800\n\n\"木耳,干\",12.5\n";

    #[test]
    fn utf8_bom_and_gbk_read_the_same() {
        let plain = read_csv("a.csv", TEXT.as_bytes()).unwrap();
        assert_eq!(plain.encoding, Some(TextEncoding::Utf8));
        assert_eq!(plain.headers, ["名称", "产值"]);
        assert_eq!(plain.rows.len(), 2);
        assert_eq!(plain.rows[1].number, 4, "the blank line still counts");
        assert_eq!(plain.rows[1].cell(0), "木耳,干");

        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(TEXT.as_bytes());
        let with_bom = read_csv("b.csv", &bom).unwrap();
        assert_eq!(with_bom.encoding, Some(TextEncoding::Utf8Bom));
        assert_eq!(with_bom.headers, plain.headers);

        let (gbk, _, _) = encoding_rs::GBK.encode(TEXT);
        let from_gbk = read_csv("c.csv", &gbk).unwrap();
        assert_eq!(from_gbk.encoding, Some(TextEncoding::Gbk));
        assert_eq!(from_gbk.rows, plain.rows);

        let mut utf16 = vec![0xFF, 0xFE];
        for unit in TEXT.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(read_csv("d.csv", &utf16).unwrap().rows, plain.rows);
    }

    #[test]
    fn errors_and_rows_count_lines_as_written() {
        // GBK text with a bad byte on line 3: the place is line 3, not the first Chinese.
        let (gbk, _, _) = encoding_rs::GBK.encode("名称\n甲公司\n乙");
        let mut bytes = gbk.to_vec();
        bytes.extend_from_slice(b"\xff\n");
        assert_eq!(read_csv("g.csv", &bytes).unwrap_err().place, "g.csv line 3");
        // A BOM does not shift the line.
        assert_eq!(
            read_csv("b.csv", b"\xEF\xBB\xBFa\nb\xff\n")
                .unwrap_err()
                .place,
            "b.csv line 2"
        );
        // Old Mac line endings (a lone CR) number rows too.
        let t = read_csv("m.csv", b"name\rone\r\rtwo\r").unwrap();
        assert_eq!(t.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 4]);
    }

    #[test]
    fn bytes_in_no_known_encoding_say_so_with_the_line() {
        let bytes = b"name\nok\n\xff\xff\xff\n";
        let e = read_csv("x.csv", bytes).unwrap_err();
        assert_eq!(e.place, "x.csv line 3");
        assert!(e.en.contains("neither UTF-8 nor GBK"));
        assert!(read_csv("e.csv", b"").is_err());
        assert!(read_csv("e.csv", b"\n\n ,\n").is_err());
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number_text(1800.0), "1800");
        assert_eq!(number_text(12.5), "12.5");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-2.25), "-2.25");
        assert_eq!(number_text(0.0), "0");
    }
}
