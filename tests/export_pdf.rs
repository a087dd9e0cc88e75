//! The poster PDF read back as a PDF reader reads it: the page is the paper asked for, the font
//! is embedded as a subset, and the text layer holds the names (Chinese, and hostile ones as the
//! literal text), decoded through the ToUnicode map by lopdf.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::export::poster::{Orientation, Paper, Sheet};
use chainmap::export::{ExportFormat, ExportOptions, export};
use chainmap::i18n::Lang;
use chainmap::model::Project;
use lopdf::{Document, Object};
use std::path::PathBuf;
use std::process::{Command, Output};

fn sample() -> Project {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join("zhashui-fungus.chainmap.json");
    chainmap::file::load_path(&path, Default::default())
        .unwrap()
        .project
}

fn pdf_bytes(project: &Project, lang: Lang, sheet: Sheet) -> Vec<u8> {
    let options = ExportOptions {
        lang,
        sheet: Some(sheet),
        ..ExportOptions::default()
    };
    let files = export(project, ExportFormat::Pdf, &options).unwrap();
    assert_eq!(files.len(), 1);
    files.into_iter().next().unwrap().bytes
}

fn poster(project: &Project, lang: Lang, paper: Paper, orientation: Orientation) -> Document {
    let bytes = pdf_bytes(project, lang, Sheet { paper, orientation });
    assert!(bytes.starts_with(b"%PDF-"));
    Document::load_mem(&bytes).unwrap()
}

/// The page's text as a reader extracts it, without the spaces and line breaks it puts between
/// runs.
fn text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert_eq!(pages, vec![1], "one page");
    doc.extract_text(&pages)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn media_box(doc: &Document) -> (f32, f32) {
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(page).unwrap();
    let rect = page.get(b"MediaBox").unwrap().as_array().unwrap();
    let n: Vec<f32> = rect.iter().map(|o| o.as_float().unwrap()).collect();
    assert_eq!((n[0], n[1]), (0.0, 0.0));
    (n[2], n[3])
}

#[test]
fn the_page_is_the_paper_asked_for() {
    let project = sample();
    // ISO 216 in points (1 mm = 72 / 25.4 pt): A4 210 × 297, A3 297 × 420, A0 841 × 1189 mm.
    for (paper, w, h) in [
        (Paper::A4, 595.28, 841.89),
        (Paper::A3, 841.89, 1190.55),
        (Paper::A0, 2383.94, 3370.39),
    ] {
        let (pw, ph) = media_box(&poster(&project, Lang::Zh, paper, Orientation::Portrait));
        assert!(
            (pw - w).abs() < 0.05 && (ph - h).abs() < 0.05,
            "{paper:?}: {pw} × {ph}"
        );
        let (lw, lh) = media_box(&poster(&project, Lang::Zh, paper, Orientation::Landscape));
        assert!(
            (lw - h).abs() < 0.05 && (lh - w).abs() < 0.05,
            "{paper:?}: {lw} × {lh}"
        );
    }
}

#[test]
fn the_font_is_embedded_as_a_subset_with_a_unicode_map() {
    let doc = poster(&sample(), Lang::Zh, Paper::A3, Orientation::Landscape);
    let dicts: Vec<&lopdf::Dictionary> = doc
        .objects
        .values()
        .filter_map(|o| match o {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        })
        .collect();
    let name = |d: &lopdf::Dictionary, key: &[u8]| {
        d.get(key)
            .ok()
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
    };
    let type0: Vec<_> = dicts
        .iter()
        .filter(|d| name(d, b"Subtype").as_deref() == Some("Type0"))
        .collect();
    assert_eq!(type0.len(), 1, "one font");
    let base = name(type0[0], b"BaseFont").unwrap();
    let (tag, rest) = base.split_once('+').unwrap();
    assert!(
        tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
        "subset tag: {base}"
    );
    assert!(rest.contains("Noto"), "{base}");
    assert!(type0[0].get(b"ToUnicode").is_ok(), "ToUnicode map");

    let descriptor = dicts
        .iter()
        .find(|d| name(d, b"Type").as_deref() == Some("FontDescriptor"))
        .unwrap();
    let file = descriptor
        .get(b"FontFile3")
        .or_else(|_| descriptor.get(b"FontFile2"))
        .unwrap()
        .as_reference()
        .unwrap();
    let program = doc.get_object(file).unwrap().as_stream().unwrap();
    let bytes = program.decompressed_content().unwrap();
    // The bundled font is 5 MB; the glyphs of one poster are a few hundred kilobytes at most.
    assert!(
        bytes.len() > 1_000 && bytes.len() < 1_000_000,
        "subset of {} bytes",
        bytes.len()
    );
}

#[test]
fn every_firm_name_is_in_the_text_layer_in_chinese_and_english() {
    let project = sample();
    for lang in [Lang::Zh, Lang::En] {
        let text = text(&poster(&project, lang, Paper::A4, Orientation::Landscape));
        let mut found = 0;
        for node in project.nodes.values().filter(|n| n.position.is_some()) {
            // Names too long for a lane are shortened on the map, as in the picture export.
            let shown = chainmap::export::picture::fit(&node.name, 224.0, 12.5);
            let shown = squeeze(shown.trim_end_matches('…'));
            assert!(text.contains(&shown), "{lang:?}: {shown} not in {text}");
            found += 1;
        }
        assert!(found >= 30, "{found} names");
        assert!(text.contains("菌包工厂A"), "{text}");
        assert!(text.contains(&squeeze(&project.meta.name)), "title: {text}");
        assert!(text.contains(lang.pick("图例", "Legend")), "{text}");
        assert!(text.contains(&squeeze(lang.pick("企业", "Enterprise"))));
        assert!(text.contains("chainmap"), "note: {text}");
        assert!(
            text.contains(&chainmap::export::poster::today()),
            "date: {text}"
        );
    }
}

#[test]
fn hostile_names_are_text_in_the_pdf() {
    let mut project = sample();
    let script = "<script>alert(1)</script>";
    let cdata = "\"]]></w:t>";
    project.meta.name = format!("{script} & {cdata}");
    project.meta.county = "<b>柞水</b>".to_owned();
    let mut nodes = project.nodes.values_mut().filter(|n| n.position.is_some());
    nodes.next().unwrap().name = script.to_owned();
    nodes.next().unwrap().name = cdata.to_owned();
    let doc = poster(&project, Lang::Zh, Paper::A3, Orientation::Landscape);
    let text = text(&doc);
    for literal in [script, cdata, "<b>柞水</b>"] {
        assert!(text.contains(&squeeze(literal)), "{literal} not in {text}");
    }
    assert!(
        text.contains(&squeeze(&format!("{script} & {cdata}"))),
        "{text}"
    );
    // The document's title is the project's name, as text.
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let title = doc
        .get_dictionary(info)
        .unwrap()
        .get(b"Title")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    let title =
        lopdf::decode_text_string(&Object::String(title, lopdf::StringFormat::Literal)).unwrap();
    assert_eq!(title, format!("{script} & {cdata}"));
}

#[test]
fn a_big_project_fits_the_page() {
    let project = chainmap::generate::chain(1_000, 2_000, 7);
    let started = std::time::Instant::now();
    let bytes = pdf_bytes(
        &project,
        Lang::Zh,
        Sheet {
            paper: Paper::A0,
            orientation: Orientation::Landscape,
        },
    );
    eprintln!(
        "1,000 firms on A0: {} bytes in {:?}",
        bytes.len(),
        started.elapsed()
    );
    let doc = Document::load_mem(&bytes).unwrap();
    let text = text(&doc);
    // Every firm is 企业N: each label is in the text layer once (the legend adds one more).
    let labels = text.matches("企业").count();
    assert!(labels > 1_000, "{labels} firm labels in the text layer");
    assert!(text.contains("企业999"), "the last firm");
}

fn chainmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_command_line_takes_a_paper_for_pdf_and_pixels_for_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let sample = "sample_projects/zhashui-fungus.chainmap.json";
    let out = dir.path().join("poster.pdf");
    let o = chainmap(&[
        "export",
        sample,
        "--to",
        "pdf",
        "--size",
        "a0",
        "--orientation",
        "portrait",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (w, h) = media_box(&Document::load(&out).unwrap());
    assert!((w - 2383.94).abs() < 0.05 && (h - 3370.39).abs() < 0.05);

    // Defaults: A3, turned the way the map is (the sample's map is wider than tall).
    let o = chainmap(&["export", sample, "--to", "pdf", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let (w, h) = media_box(&Document::load(&out).unwrap());
    assert!((w - 1190.55).abs() < 0.05 && (h - 841.89).abs() < 0.05);

    for (args, says) in [
        (vec!["--to", "pdf", "--size", "800x600"], "paper size"),
        (
            vec!["--to", "png", "--size", "A3"],
            "is a paper size, for --to pdf",
        ),
        (
            vec!["--to", "svg", "--orientation", "portrait"],
            "goes with --to pdf",
        ),
        (vec!["--to", "pdf", "--size", "B5"], "nor a paper size"),
    ] {
        let mut all = vec!["export", sample];
        all.extend(args.iter().copied());
        all.extend(["-o", out.to_str().unwrap()]);
        let o = chainmap(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
