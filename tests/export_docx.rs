//! The Word report (`--to docx`) unzipped and read back: headings in Word's Heading 1–3 styles
//! with the sections a reader expects of the 柞水 sample (and none without data), tables with a
//! header row repeated across pages, pictures as PNG parts with their relationships, 宋体/黑体
//! set on eastAsia in styles.xml, the page number in the footer, a package whose every part is
//! declared and every id unique, and hostile names kept as text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::export::{ExportFormat, ExportOptions, export};
use chainmap::file::{LoadOptions, load_path};
use chainmap::i18n::Lang;
use chainmap::model::Project;
use chainmap::reference;
use roxmltree::{Document, Node};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::PathBuf;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> Project {
    load_path(&root().join(rel), LoadOptions::default())
        .unwrap()
        .project
}

fn docx(project: &Project, lang: Lang) -> Vec<u8> {
    let options = ExportOptions {
        lang,
        ..ExportOptions::default()
    };
    let files = export(project, ExportFormat::Docx, &options).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, "report.docx");
    files[0].bytes.clone()
}

/// Every part of the package by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        parts.insert(f.name().unwrap().to_string(), data);
    }
    parts
}

fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
}

fn is(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn w_attr<'a>(n: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

/// The paragraph's text, its runs joined.
fn para_text(p: &Node) -> String {
    p.descendants()
        .filter(|n| is(n, "t"))
        .filter_map(|n| n.text())
        .collect()
}

fn style_of(p: &Node) -> Option<String> {
    p.children()
        .find(|n| is(n, "pPr"))
        .and_then(|ppr| ppr.children().find(|n| is(n, "pStyle")))
        .and_then(|s| w_attr(&s, "val").map(str::to_owned))
}

/// (level, text) of every heading of the body.
fn headings(xml: &str) -> Vec<(u8, String)> {
    let doc = Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| is(n, "p"))
        .filter_map(|p| {
            let style = style_of(&p)?;
            let level = style.strip_prefix("Heading")?.parse().ok()?;
            Some((level, para_text(&p)))
        })
        .collect()
}

fn has(headings: &[(u8, String)], level: u8, start: &str) -> bool {
    headings
        .iter()
        .any(|(l, t)| *l == level && t.starts_with(start))
}

#[test]
fn the_sample_has_its_sections_as_word_headings() {
    let project = load("sample_projects/zhashui-fungus.chainmap.json");
    let parts = unzip(&docx(&project, Lang::Zh));
    let h = headings(&text(&parts, "word/document.xml"));
    for title in [
        "一、概况",
        "二、产业链图谱",
        "三、产业链清单",
        "附录 指标定义",
    ] {
        assert!(has(&h, 1, title), "no Heading 1 {title}: {h:?}");
    }
    for title in [
        "现状图",
        "区域分布图",
        "企业清单 (",
        "缺口清单 (",
        "链主候选",
        "亩均效益评价",
        "指标",
    ] {
        assert!(has(&h, 2, title), "no Heading 2 {title}: {h:?}");
    }
    assert!(
        has(&h, 3, "环节"),
        "the stage table under the chain map: {h:?}"
    );
    // Firms: the 39 operating entities of the sample.
    assert!(
        h.iter().any(|(_, t)| t == "企业清单 (39)"),
        "firm count: {h:?}"
    );
    // No agreements, no candidates, no reference matching in the sample: none of their
    // sections, not even empty.
    for absent in ["飞地协议", "招商清单", "全景图", "逐年分成表", "公平分成"] {
        assert!(
            !h.iter().any(|(_, t)| t.contains(absent)),
            "{absent} shown without data: {h:?}"
        );
    }
}

#[test]
fn english_headings_follow_the_document_language() {
    let project = load("sample_projects/zhashui-fungus.chainmap.json");
    let parts = unzip(&docx(&project, Lang::En));
    let h = headings(&text(&parts, "word/document.xml"));
    for title in [
        "1 Summary",
        "2 Chain maps",
        "3 Lists",
        "Appendix: definitions",
    ] {
        assert!(has(&h, 1, title), "no Heading 1 {title}: {h:?}");
    }
    assert!(has(&h, 2, "The chain as it is"), "{h:?}");
    assert!(has(&h, 2, "Firms (39)"), "{h:?}");
}

#[test]
fn heading_styles_are_words_own_with_outline_levels_and_chinese_fonts() {
    let project = load("sample_projects/zhashui-fungus.chainmap.json");
    let parts = unzip(&docx(&project, Lang::Zh));
    let xml = text(&parts, "word/styles.xml");
    let doc = Document::parse(&xml).unwrap();
    // The document defaults: 宋体 for East Asian text, a Latin font beside it.
    let defaults = doc.descendants().find(|n| is(n, "docDefaults")).unwrap();
    let fonts = defaults.descendants().find(|n| is(n, "rFonts")).unwrap();
    assert_eq!(w_attr(&fonts, "eastAsia"), Some("宋体"));
    assert_eq!(w_attr(&fonts, "ascii"), Some("Times New Roman"));
    for (level, id) in [(0, "Heading1"), (1, "Heading2"), (2, "Heading3")] {
        let style = doc
            .descendants()
            .find(|n| is(n, "style") && w_attr(n, "styleId") == Some(id))
            .unwrap_or_else(|| panic!("no style {id}"));
        let name = style.children().find(|n| is(n, "name")).unwrap();
        assert_eq!(
            w_attr(&name, "val"),
            Some(format!("heading {}", level + 1).as_str())
        );
        let outline = style.descendants().find(|n| is(n, "outlineLvl")).unwrap();
        assert_eq!(w_attr(&outline, "val"), Some(level.to_string().as_str()));
        let fonts = style.descendants().find(|n| is(n, "rFonts")).unwrap();
        assert_eq!(w_attr(&fonts, "eastAsia"), Some("黑体"), "{id}");
        assert_eq!(w_attr(&fonts, "ascii"), Some("Arial"), "{id}");
    }
    // Every style the body names is defined.
    let defined: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| is(n, "style"))
        .filter_map(|n| w_attr(&n, "styleId"))
        .collect();
    let body = text(&parts, "word/document.xml");
    let body = Document::parse(&body).unwrap();
    for n in body
        .descendants()
        .filter(|n| is(n, "pStyle") || is(n, "tblStyle"))
    {
        let id = w_attr(&n, "val").unwrap();
        assert!(defined.contains(id), "style {id} used but not defined");
    }
}

#[test]
fn tables_repeat_their_header_row_and_have_borders() {
    let project = load("sample_projects/zhashui-fungus.chainmap.json");
    let parts = unzip(&docx(&project, Lang::Zh));
    let xml = text(&parts, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let tables: Vec<_> = doc.descendants().filter(|n| is(n, "tbl")).collect();
    assert!(tables.len() >= 6, "{} tables", tables.len());
    for t in &tables {
        let rows: Vec<_> = t.children().filter(|n| is(n, "tr")).collect();
        assert!(rows.len() >= 2, "a table with a header and no rows");
        let header = rows[0].children().find(|n| is(n, "trPr")).unwrap();
        assert!(header.children().any(|n| is(&n, "tblHeader")));
        // Only the first row repeats.
        for r in &rows[1..] {
            assert!(!r.descendants().any(|n| is(&n, "tblHeader")));
        }
        let borders = t.descendants().find(|n| is(n, "tblBorders")).unwrap();
        assert_eq!(borders.children().filter(|n| n.is_element()).count(), 6);
        // The grid and every row have as many columns.
        let grid = t.descendants().filter(|n| is(n, "gridCol")).count();
        for r in &rows {
            assert_eq!(r.children().filter(|n| is(n, "tc")).count(), grid);
        }
    }
    // The firms list carries the sample's firms by name.
    assert!(xml.contains("柞水县金米村木耳专业合作社") || xml.contains("合作社"));
}

#[test]
fn pictures_are_png_parts_with_relationships_and_extents() {
    let project = load("sample_projects/zhashui-fungus.chainmap.json");
    let parts = unzip(&docx(&project, Lang::Zh));
    let rels = text(&parts, "word/_rels/document.xml.rels");
    let rels = Document::parse(&rels).unwrap();
    let targets: BTreeMap<&str, (&str, &str)> = rels
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
        .map(|n| {
            (
                n.attribute("Id").unwrap(),
                (n.attribute("Type").unwrap(), n.attribute("Target").unwrap()),
            )
        })
        .collect();
    let xml = text(&parts, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let blips: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "blip")
        .map(|n| n.attribute((R, "embed")).unwrap())
        .collect();
    // The chain map and the territory map (the sample has towns).
    assert_eq!(blips.len(), 2, "{blips:?}");
    for id in &blips {
        let (kind, target) = targets[id];
        assert!(kind.ends_with("/image"), "{kind}");
        let png = &parts[&format!("word/{target}")];
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
    for extent in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "extent")
    {
        let cx: u64 = extent.attribute("cx").unwrap().parse().unwrap();
        let cy: u64 = extent.attribute("cy").unwrap().parse().unwrap();
        // On the landscape page: at most 25.7 cm wide (EMU: 360 000 a cm).
        assert!(cx > 0 && cy > 0 && cx <= 9_252_000, "{cx}×{cy}");
    }
    // Drawing ids are unique, as are bookmark ids.
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "docPr")
        .map(|n| n.attribute("id").unwrap())
        .collect();
    assert_eq!(ids.len(), ids.iter().collect::<BTreeSet<_>>().len());
    let marks: Vec<&str> = doc
        .descendants()
        .filter(|n| is(n, "bookmarkStart"))
        .map(|n| w_attr(&n, "id").unwrap())
        .collect();
    assert!(!marks.is_empty());
    assert_eq!(marks.len(), marks.iter().collect::<BTreeSet<_>>().len());
    // Every relationship the body names exists.
    for n in doc.descendants() {
        for a in n.attributes().filter(|a| a.namespace() == Some(R)) {
            assert!(targets.contains_key(a.value()), "{} missing", a.value());
        }
    }
}

#[test]
fn the_footer_numbers_the_pages_on_a4() {
    let project = load("sample_projects/zhashui-fungus.chainmap.json");
    let parts = unzip(&docx(&project, Lang::Zh));
    let footer = text(&parts, "word/footer1.xml");
    let doc = Document::parse(&footer).unwrap();
    let instr: String = doc
        .descendants()
        .filter(|n| is(n, "instrText"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(instr.trim(), "PAGE");
    let xml = text(&parts, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let sections: Vec<_> = doc.descendants().filter(|n| is(n, "sectPr")).collect();
    assert!(sections.len() >= 4);
    for s in &sections {
        let size = s.children().find(|n| is(n, "pgSz")).unwrap();
        let (w, h) = (w_attr(&size, "w").unwrap(), w_attr(&size, "h").unwrap());
        assert!(
            (w, h) == ("11906", "16838") || (w, h) == ("16838", "11906"),
            "{w}×{h}"
        );
        let footer = s.children().find(|n| is(n, "footerReference")).unwrap();
        assert_eq!(footer.attribute((R, "id")), Some("rIdFooter"));
    }
    // The body's last child is the last section's properties.
    let body = doc.descendants().find(|n| is(n, "body")).unwrap();
    let last = body.children().rfind(|n| n.is_element()).unwrap();
    assert!(is(&last, "sectPr"));
    // The contents: a TOC field over the headings.
    let toc: String = doc
        .descendants()
        .filter(|n| is(n, "instrText"))
        .filter_map(|n| n.text())
        .collect();
    assert!(toc.contains("TOC \\o \"1-2\""), "{toc}");
}

#[test]
fn every_part_is_declared() {
    let project = load("sample_projects/zhashui-fungus.chainmap.json");
    let parts = unzip(&docx(&project, Lang::Zh));
    let types = text(&parts, "[Content_Types].xml");
    let types = Document::parse(&types).unwrap();
    let overrides: BTreeSet<&str> = types
        .descendants()
        .filter_map(|n| n.attribute("PartName"))
        .collect();
    let defaults: BTreeSet<&str> = types
        .descendants()
        .filter_map(|n| n.attribute("Extension"))
        .collect();
    for name in parts.keys().filter(|n| *n != "[Content_Types].xml") {
        let ext = name.rsplit('.').next().unwrap();
        assert!(
            overrides.contains(format!("/{name}").as_str()) || defaults.contains(ext),
            "{name} not declared"
        );
        if name.ends_with(".xml") || name.ends_with(".rels") {
            Document::parse(&text(&parts, name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    for part in overrides {
        assert!(parts.contains_key(&part[1..]), "{part} declared, not there");
    }
    let rels = text(&parts, "_rels/.rels");
    assert!(rels.contains("Target=\"word/document.xml\""));
}

#[test]
fn hostile_names_are_text() {
    let mut project = load("sample_projects/zhashui-fungus.chainmap.json");
    let hostile = ["<script>alert(1)</script>", "\"]]></w:t>"];
    let mut firms = project
        .nodes
        .values_mut()
        .filter(|n| n.kind.is_enterprise_like());
    for name in hostile {
        firms.next().unwrap().name = name.to_owned();
    }
    project.meta.name = "A & B <项目>".to_owned();
    let parts = unzip(&docx(&project, Lang::Zh));
    let xml = text(&parts, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| is(n, "t"))
        .filter_map(|n| n.text())
        .collect();
    for name in hostile.iter().chain(&["A & B <项目>"]) {
        assert!(texts.contains(name), "{name} not a text of its own");
    }
    assert!(!xml.contains("<script>"));
    let core = text(&parts, "docProps/core.xml");
    Document::parse(&core).unwrap();
    assert!(core.contains("A &amp; B &lt;项目&gt;"));
}

#[test]
fn the_panorama_marks_what_the_county_has_weakly_or_lacks() {
    let mut project = load("sample_projects/zhashui-fungus.chainmap.json");
    let template = reference::builtin().find("edible-fungi").unwrap();
    let mut m = reference::matching::suggest(template, &project, &"muer".into());
    m.revision = template.revision;
    project.references.insert("muer".into(), m);
    let parts = unzip(&docx(&project, Lang::Zh));
    let xml = text(&parts, "word/document.xml");
    let h = headings(&xml);
    assert!(has(&h, 2, "全景图"), "{h:?}");
    assert!(
        h.iter()
            .any(|(l, t)| *l == 3 && t.contains("对照参考产业链")),
        "{h:?}"
    );
    // A row per reference stage, each marked; the products marked one by one.
    let doc = Document::parse(&xml).unwrap();
    let table = doc
        .descendants()
        .filter(|n| is(n, "tbl"))
        .find(|t| para_text(t).contains("参考环节"))
        .unwrap();
    let rows: Vec<_> = table.children().filter(|n| is(n, "tr")).collect();
    let stages = template.stage_count();
    assert_eq!(rows.len(), stages + 1);
    let marks: Vec<String> = rows[1..]
        .iter()
        .map(|r| para_text(&r.children().filter(|n| is(n, "tc")).nth(2).unwrap()))
        .collect();
    assert!(
        marks
            .iter()
            .all(|m| ["有", "弱", "缺"].contains(&m.as_str())),
        "{marks:?}"
    );
    let products = para_text(&table);
    assert!(products.contains("【有】") || products.contains("【弱】"));
    // The appendix explains the comparison.
    assert!(xml.contains("全景图对照"));
}

#[test]
fn agreements_have_their_schedule_and_fair_split() {
    let project = load("sample_projects/ankang-enclave.chainmap.json");
    let parts = unzip(&docx(&project, Lang::Zh));
    let h = headings(&text(&parts, "word/document.xml"));
    assert!(has(&h, 1, "四、飞地协议与分成"), "{h:?}");
    for a in project.agreements.values() {
        assert!(h.iter().any(|(l, t)| *l == 2 && *t == a.name), "{h:?}");
    }
    assert!(has(&h, 3, "逐年分成表"), "{h:?}");
    assert!(has(&h, 3, "公平分成"), "{h:?}");
    let xml = text(&parts, "word/document.xml");
    assert!(xml.contains("Shapley") && xml.contains("核仁"));
}

#[test]
fn the_command_line_writes_a_docx() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("报告.docx");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .arg("export")
        .arg(root().join("sample_projects/zhashui-fungus.chainmap.json"))
        .args(["--to", "docx", "--doc-lang", "en", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let parts = unzip(&std::fs::read(&out).unwrap());
    let h = headings(&text(&parts, "word/document.xml"));
    assert!(has(&h, 1, "1 Summary"), "{h:?}");
}
