//! styles.xml: the body in 宋体 (Times New Roman for Latin), headings in 黑体 (Arial), set on
//! `w:eastAsia` in the document defaults and the heading styles; Word's built-in Heading 1–3
//! (their built-in names and outline levels, so the navigation pane and a table of contents
//! find them), the contents entries, the table texts and the table style with borders.

use super::package::NS_W;
use crate::i18n::Lang;
use std::fmt::Write as _;

const BODY_FONTS: &str = r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>"#;
const HEADING_FONTS: &str =
    r#"<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="黑体" w:cs="Arial"/>"#;

/// One paragraph style: id, name (Word's own name for built-ins), what it is based on, its
/// paragraph and run properties.
struct Para {
    id: &'static str,
    name: &'static str,
    based_on: Option<&'static str>,
    ppr: &'static str,
    rpr: &'static str,
}

const PARAS: [Para; 17] = [
    Para {
        id: "Heading1",
        name: "heading 1",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="200" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="0"/>"#,
        rpr: r#"<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/>"#,
    },
    Para {
        id: "Heading2",
        name: "heading 2",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="140" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="1"/>"#,
        rpr: r#"<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>"#,
    },
    Para {
        id: "Heading3",
        name: "heading 3",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="100" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="2"/>"#,
        rpr: r#"<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>"#,
    },
    Para {
        id: "Title",
        name: "Title",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:before="2400" w:after="480"/><w:jc w:val="center"/>"#,
        rpr: r#"<w:b/><w:bCs/><w:sz w:val="52"/><w:szCs w:val="52"/>"#,
    },
    Para {
        id: "Subtitle",
        name: "Subtitle",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="1600"/><w:jc w:val="center"/>"#,
        rpr: r#"<w:sz w:val="36"/><w:szCs w:val="36"/>"#,
    },
    Para {
        id: "CoverLine",
        name: "Cover Line",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="160"/><w:jc w:val="center"/>"#,
        rpr: r#"<w:sz w:val="28"/><w:szCs w:val="28"/>"#,
    },
    Para {
        id: "TOCHeading",
        name: "TOC Heading",
        based_on: Some("Heading1"),
        ppr: r#"<w:jc w:val="center"/><w:outlineLvl w:val="9"/>"#,
        rpr: "",
    },
    Para {
        id: "TOC1",
        name: "toc 1",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:before="120" w:after="60"/>"#,
        rpr: r#"<w:b/><w:bCs/>"#,
    },
    Para {
        id: "TOC2",
        name: "toc 2",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="40"/><w:ind w:left="420"/>"#,
        rpr: "",
    },
    Para {
        id: "TableText",
        name: "Table Text",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#,
        rpr: r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#,
    },
    Para {
        id: "TableHeading",
        name: "Table Heading",
        based_on: Some("TableText"),
        ppr: r#"<w:keepNext/><w:jc w:val="center"/>"#,
        rpr: r#"<w:b/><w:bCs/>"#,
    },
    Para {
        id: "TableAfter",
        name: "Table After",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/>"#,
        rpr: r#"<w:sz w:val="12"/><w:szCs w:val="12"/>"#,
    },
    Para {
        id: "ListBullet",
        name: "List Bullet",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="40"/><w:ind w:left="360" w:hanging="240"/>"#,
        rpr: "",
    },
    Para {
        id: "Note",
        name: "Note",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="80"/>"#,
        rpr: r#"<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
    },
    Para {
        id: "Caption",
        name: "caption",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:before="60" w:after="240"/><w:jc w:val="center"/>"#,
        rpr: r#"<w:sz w:val="20"/><w:szCs w:val="20"/>"#,
    },
    Para {
        id: "Figure",
        name: "Figure",
        based_on: Some("Normal"),
        ppr: r#"<w:keepNext/><w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>"#,
        rpr: "",
    },
    Para {
        id: "Footer",
        name: "footer",
        based_on: Some("Normal"),
        ppr: r#"<w:spacing w:after="0"/>"#,
        rpr: r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#,
    },
];

/// The styles in black-typeface (黑体) headings: headings, title, captions and table headers.
fn heading_like(id: &str) -> bool {
    matches!(
        id,
        "Heading1"
            | "Heading2"
            | "Heading3"
            | "Title"
            | "Subtitle"
            | "TOCHeading"
            | "Caption"
            | "TableHeading"
    )
}

/// The whole styles.xml.
pub fn styles(lang: Lang) -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{NS_W}"><w:docDefaults><w:rPrDefault><w:rPr>{BODY_FONTS}<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="{}" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="312" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        lang.pick("zh-CN", "en-GB")
    );
    s.push_str(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>"#);
    s.push_str(r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#);
    s.push_str(r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    s.push_str(r#"<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders></w:tblPr></w:style>"#);
    for p in &PARAS {
        let _ = write!(
            s,
            r#"<w:style w:type="paragraph" w:styleId="{}"><w:name w:val="{}"/>"#,
            p.id, p.name
        );
        if let Some(b) = p.based_on {
            let _ = write!(s, r#"<w:basedOn w:val="{b}"/>"#);
        }
        if p.id.starts_with("Heading") || p.id == "Title" {
            s.push_str(r#"<w:next w:val="Normal"/><w:qFormat/>"#);
        }
        let fonts = if heading_like(p.id) {
            HEADING_FONTS
        } else {
            ""
        };
        let _ = write!(
            s,
            "<w:pPr>{}</w:pPr><w:rPr>{fonts}{}</w:rPr></w:style>",
            p.ppr, p.rpr
        );
    }
    s.push_str("</w:styles>");
    s
}
