//! The document body as WordprocessingML: paragraphs in the styles of `styles.xml`, tables with
//! a header row that repeats on every page, pictures inline, fields (PAGE, TOC) and section
//! breaks. Every text goes through `esc`: names come from whoever made the project, so a firm
//! called `"]]></w:t>` is text, never markup.

use super::package::Image;
use crate::export::picture::xml_escape as esc;
use std::fmt::Write;

/// EMUs (the unit of picture extents) in a twip.
const EMU_PER_TWIP: u64 = 635;

/// A page: its width and height (twips) and whether it is turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Portrait,
    Landscape,
}

/// A4 (210 × 297 mm) in twips, and the margins round the text.
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;
const MARGIN_TOP: u32 = 1_440;
const MARGIN_SIDE: u32 = 1_134;

impl Page {
    /// The width text may take (twips).
    pub fn text_width(self) -> u32 {
        match self {
            Page::Portrait => A4_SHORT - 2 * MARGIN_SIDE,
            Page::Landscape => A4_LONG - 2 * MARGIN_SIDE,
        }
    }

    /// The height text may take (twips).
    pub fn text_height(self) -> u32 {
        match self {
            Page::Portrait => A4_LONG - 2 * MARGIN_TOP,
            Page::Landscape => A4_SHORT - 2 * MARGIN_TOP,
        }
    }
}

/// How a run of text looks beyond its paragraph's style.
#[derive(Debug, Clone, Copy, Default)]
pub struct Look {
    pub bold: bool,
    /// Text colour, `RRGGBB`.
    pub colour: Option<&'static str>,
}

/// A table cell: its text (lines kept as line breaks), alignment and shading.
#[derive(Debug, Clone, Default)]
pub struct TableCell {
    /// Runs of text, each with its look; lines within a run become line breaks.
    pub runs: Vec<(String, Look)>,
    pub right: bool,
    /// Background, `RRGGBB`.
    pub fill: Option<&'static str>,
}

impl TableCell {
    pub fn text(text: impl Into<String>) -> TableCell {
        TableCell {
            runs: vec![(text.into(), Look::default())],
            ..TableCell::default()
        }
    }
}

/// The body being written, with the counters that keep ids unique.
pub struct Body {
    xml: String,
    /// Headings written so far (level, text, bookmark), for the table of contents.
    pub headings: Vec<(u8, String, String)>,
    pub images: Vec<Image>,
    next_bookmark: u32,
}

impl Default for Body {
    fn default() -> Self {
        Self::new()
    }
}

impl Body {
    pub fn new() -> Body {
        Body {
            xml: String::new(),
            headings: Vec::new(),
            images: Vec::new(),
            next_bookmark: 1,
        }
    }

    /// A paragraph in `style` (a style id of styles.xml) with one run of text.
    pub fn para(&mut self, style: &str, text: &str) {
        self.para_runs(style, &[(text, Look::default())]);
    }

    /// A paragraph in `style` with several runs.
    pub fn para_runs(&mut self, style: &str, runs: &[(&str, Look)]) {
        let _ = write!(
            self.xml,
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#
        );
        for (text, look) in runs {
            run(&mut self.xml, text, *look);
        }
        self.xml.push_str("</w:p>");
    }

    /// A heading (level 1–3, Word's Heading 1–3 styles, so the navigation pane and the table
    /// of contents find it), with a bookmark the table of contents links to.
    pub fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 3);
        let id = self.next_bookmark;
        self.next_bookmark += 1;
        let mark = format!("_Toc{id:08}");
        let _ = write!(
            self.xml,
            r#"<w:p><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr><w:bookmarkStart w:id="{id}" w:name="{mark}"/>"#
        );
        run(&mut self.xml, text, Look::default());
        let _ = write!(self.xml, r#"<w:bookmarkEnd w:id="{id}"/></w:p>"#);
        self.headings.push((level, text.to_owned(), mark));
    }

    /// A heading that the contents do not list (the contents' own).
    pub fn heading_plain(&mut self, text: &str) {
        self.para("TOCHeading", text);
    }

    /// Lines as a bulleted list (a dash, hanging), in the body style.
    pub fn bullets(&mut self, lines: &[String]) {
        for line in lines {
            self.para("ListBullet", &format!("– {line}"));
        }
    }

    /// Ends the section so far: its page turned as `page`, the footer with the page number;
    /// `first_blank` leaves the footer off its first page (the cover).
    pub fn end_section(&mut self, page: Page, first_blank: bool) {
        let _ = write!(
            self.xml,
            "<w:p><w:pPr>{}</w:pPr></w:p>",
            section_properties(page, first_blank)
        );
    }

    /// A table: the header row repeated on every page it runs onto, rows kept whole, the
    /// columns as wide as `widths` (twips).
    pub fn table(&mut self, headers: &[String], rows: &[Vec<TableCell>], widths: &[u32]) {
        let total: u32 = widths.iter().sum();
        let _ = write!(
            self.xml,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="{total}" w:type="dxa"/>{TABLE_BORDERS}<w:tblLayout w:type="fixed"/>{TABLE_MARGINS}<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        );
        for w in widths {
            let _ = write!(self.xml, r#"<w:gridCol w:w="{w}"/>"#);
        }
        self.xml.push_str("</w:tblGrid>");
        self.xml
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (h, w) in headers.iter().zip(widths) {
            let cell = TableCell {
                fill: Some(HEADER_FILL),
                ..TableCell::text(h.clone())
            };
            table_cell(&mut self.xml, &cell, *w, "TableHeading");
        }
        self.xml.push_str("</w:tr>");
        for row in rows {
            self.xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, w) in widths.iter().enumerate() {
                let empty = TableCell::default();
                table_cell(&mut self.xml, row.get(i).unwrap_or(&empty), *w, "TableText");
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
        // A table is never the last thing before a section break: Word wants a paragraph.
        self.para("TableAfter", "");
    }

    /// A PNG picture inline, centred, `size` its pixels, fitted into `max` (twips) keeping its
    /// shape; `descr` is its alternative text.
    pub fn picture(&mut self, png: Vec<u8>, size: (u32, u32), max: (u32, u32), descr: &str) {
        let number = self.images.len() + 1;
        let (w, h) = (size.0.max(1) as f64, size.1.max(1) as f64);
        let scale = (max.0 as f64 / w).min(max.1 as f64 / h);
        let cx = (w * scale) as u64 * EMU_PER_TWIP;
        let cy = (h * scale) as u64 * EMU_PER_TWIP;
        let rel = format!("rIdImage{number}");
        let name = format!("image{number}.png");
        let descr = esc(descr);
        let _ = write!(
            self.xml,
            r#"<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{number}" name="{name}" descr="{descr}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{number}" name="{name}" descr="{descr}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
        );
        self.images.push(Image {
            rel,
            name,
            bytes: png,
        });
    }

    /// A table of contents field over Heading 1–2, its entries written in already (each a
    /// link to its heading), so every reader shows it before anything updates the field;
    /// Word adds the page numbers when the field is updated.
    pub fn contents(&mut self, entries: &[(u8, String, String)]) {
        let begin = r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#;
        let end = r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
        let shown: Vec<_> = entries.iter().filter(|(level, ..)| *level <= 2).collect();
        if shown.is_empty() {
            return;
        }
        for (i, (level, text, mark)) in shown.iter().enumerate() {
            let _ = write!(
                self.xml,
                r#"<w:p><w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr>"#
            );
            if i == 0 {
                self.xml.push_str(begin);
            }
            let _ = write!(self.xml, r#"<w:hyperlink w:anchor="{mark}" w:history="1">"#);
            run(&mut self.xml, text, Look::default());
            self.xml.push_str("</w:hyperlink>");
            if i + 1 == shown.len() {
                self.xml.push_str(end);
            }
            self.xml.push_str("</w:p>");
        }
    }

    /// Takes what has been written, to place it elsewhere (the contents go before the
    /// sections they list, but are known only after).
    pub fn take_xml(&mut self) -> String {
        std::mem::take(&mut self.xml)
    }

    pub fn push_xml(&mut self, xml: &str) {
        self.xml.push_str(xml);
    }

    /// The whole document.xml, `last` the properties of the last section.
    pub fn document(&self, last: Page) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:pic="{PIC}"><w:body>{}{}</w:body></w:document>"#,
            self.xml,
            section_properties(last, false),
            W = super::package::NS_W,
            R = super::package::NS_R,
            WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
            A = "http://schemas.openxmlformats.org/drawingml/2006/main",
            PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture",
        )
    }
}

const HEADER_FILL: &str = "DCE6F1";

const TABLE_BORDERS: &str = r#"<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders>"#;

const TABLE_MARGINS: &str = r#"<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#;

/// A run of text: line breaks for new lines, characters XML cannot hold dropped.
fn run(xml: &mut String, text: &str, look: Look) {
    xml.push_str("<w:r>");
    if look.bold || look.colour.is_some() {
        xml.push_str("<w:rPr>");
        if look.bold {
            xml.push_str("<w:b/><w:bCs/>");
        }
        if let Some(c) = look.colour {
            let _ = write!(xml, r#"<w:color w:val="{c}"/>"#);
        }
        xml.push_str("</w:rPr>");
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            xml.push_str("<w:br/>");
        }
        let _ = write!(
            xml,
            r#"<w:t xml:space="preserve">{}</w:t>"#,
            esc(line.trim_end_matches('\r'))
        );
    }
    xml.push_str("</w:r>");
}

fn table_cell(xml: &mut String, cell: &TableCell, width: u32, style: &str) {
    let _ = write!(xml, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
    if let Some(fill) = cell.fill {
        let _ = write!(
            xml,
            r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#
        );
    }
    let _ = write!(xml, r#"</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>"#);
    if cell.right {
        xml.push_str(r#"<w:jc w:val="right"/>"#);
    }
    xml.push_str("</w:pPr>");
    for (text, look) in &cell.runs {
        run(xml, text, *look);
    }
    xml.push_str("</w:p></w:tc>");
}

/// A section's page (A4, turned as `page`) and footer; `first_blank` gives its first page no
/// footer (the cover).
fn section_properties(page: Page, first_blank: bool) -> String {
    let (w, h, orient) = match page {
        Page::Portrait => (A4_SHORT, A4_LONG, ""),
        Page::Landscape => (A4_LONG, A4_SHORT, r#" w:orient="landscape""#),
    };
    format!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:type w:val="nextPage"/><w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_SIDE}" w:bottom="{MARGIN_TOP}" w:left="{MARGIN_SIDE}" w:header="720" w:footer="567" w:gutter="0"/><w:cols w:space="425"/>{}<w:docGrid w:linePitch="360"/></w:sectPr>"#,
        if first_blank { "<w:titlePg/>" } else { "" }
    )
}
