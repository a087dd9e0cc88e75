//! The parts of the .docx package round the body: content types, relationships, styles (宋体
//! body and 黑体 headings through `w:eastAsia`, Times New Roman and Arial for Latin text), the
//! font table (with the fonts' English names, so a reader without 宋体 finds SimSun), settings,
//! the footer with the page number, document properties; and the zip that holds them.

use crate::export::picture::xml_escape as esc;
use crate::i18n::Lang;
use std::fmt::Write as _;
use std::io::Write as _;

pub const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// A picture of the body: its relationship id, its file name under word/media, its bytes.
#[derive(Debug, Clone)]
pub struct Image {
    pub rel: String,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the package says about the document (core properties).
pub struct Properties<'a> {
    pub title: &'a str,
    pub lang: Lang,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
}

/// The package: document.xml and its pictures with every part Word, WPS and LibreOffice
/// expect, zipped.
pub fn package(
    document: &str,
    images: &[Image],
    props: &Properties,
) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    // PNGs are compressed already.
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts: [(&str, String); 10] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(props)),
        ("docProps/app.xml", app()),
        ("word/document.xml", document.to_owned()),
        ("word/_rels/document.xml.rels", document_rels(images)),
        ("word/styles.xml", super::styles::styles(props.lang)),
        ("word/fontTable.xml", font_table()),
        ("word/settings.xml", settings(props.lang)),
        ("word/footer1.xml", footer(props.lang)),
    ];
    for (name, text) in parts {
        zip.start_file(name, deflated)?;
        zip.write_all(text.as_bytes())?;
    }
    for image in images {
        zip.start_file(format!("word/media/{}", image.name), stored)?;
        zip.write_all(&image.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

fn content_types() -> String {
    let over = |part: &str, kind: &str| {
        format!(
            r#"<Override PartName="{part}" ContentType="application/vnd.openxmlformats-{kind}+xml"/>"#
        )
    };
    format!(
        r#"{XML_HEAD}
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>{}{}{}{}{}{}{}</Types>"#,
        over(
            "/word/document.xml",
            "officedocument.wordprocessingml.document.main"
        ),
        over("/word/styles.xml", "officedocument.wordprocessingml.styles"),
        over(
            "/word/fontTable.xml",
            "officedocument.wordprocessingml.fontTable"
        ),
        over(
            "/word/settings.xml",
            "officedocument.wordprocessingml.settings"
        ),
        over(
            "/word/footer1.xml",
            "officedocument.wordprocessingml.footer"
        ),
        over("/docProps/core.xml", "package.core-properties"),
        over("/docProps/app.xml", "officedocument.extended-properties"),
    )
}

fn package_rels() -> String {
    format!(
        r#"{XML_HEAD}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

/// The body's relationships: styles, fonts, settings, the footer (`rIdFooter`, which every
/// section names) and each picture.
fn document_rels(images: &[Image]) -> String {
    let mut s = format!(
        r#"{XML_HEAD}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rIdFonts" Type="{REL}/fontTable" Target="fontTable.xml"/><Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/><Relationship Id="rIdFooter" Type="{REL}/footer" Target="footer1.xml"/>"#
    );
    for image in images {
        let _ = write!(
            s,
            r#"<Relationship Id="{}" Type="{REL}/image" Target="media/{}"/>"#,
            image.rel, image.name
        );
    }
    s.push_str("</Relationships>");
    s
}

fn core(props: &Properties) -> String {
    format!(
        r#"{XML_HEAD}
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>chainmap</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{}T00:00:00Z</dcterms:modified></cp:coreProperties>"#,
        esc(props.title),
        props.lang.pick("zh-CN", "en-GB"),
        props.date,
        props.date
    )
}

fn app() -> String {
    format!(
        r#"{XML_HEAD}
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>chainmap</Application></Properties>"#
    )
}

/// Each font with its other name and character set, so a reader that lacks 宋体 or 黑体 by
/// their Chinese names still finds SimSun and SimHei (or a like font).
fn font_table() -> String {
    let font = |name: &str, alt: &str, charset: &str, family: &str, panose: &str| {
        format!(
            r#"<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>"#
        )
    };
    format!(
        r#"{XML_HEAD}
<w:fonts xmlns:w="{NS_W}">{}{}{}{}</w:fonts>"#,
        font("宋体", "SimSun", "86", "auto", "02010600030101010101"),
        font("黑体", "SimHei", "86", "modern", "02010609060101010101"),
        font(
            "Times New Roman",
            "Times",
            "00",
            "roman",
            "02020603050405020304"
        ),
        font("Arial", "Helvetica", "00", "swiss", "020B0604020202020204"),
    )
}

fn settings(lang: Lang) -> String {
    format!(
        r#"{XML_HEAD}
<w:settings xmlns:w="{NS_W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="{}" w:eastAsia="zh-CN"/></w:settings>"#,
        lang.pick("zh-CN", "en-GB")
    )
}

/// The footer: the page number, centred ("第 3 页" / "Page 3").
fn footer(lang: Lang) -> String {
    let text = |t: &str| format!(r#"<w:r><w:t xml:space="preserve">{t}</w:t></w:r>"#);
    format!(
        r#"{XML_HEAD}
<w:ftr xmlns:w="{NS_W}" xmlns:r="{NS_R}"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>{}</w:p></w:ftr>"#,
        text(lang.pick("第 ", "Page ")),
        text(lang.pick(" 页", "")),
    )
}
