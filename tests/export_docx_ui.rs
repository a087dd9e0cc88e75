//! The Word report exported the way a user does it: File → Export → 报告 Word… asks where to
//! write, the in-app file browser takes a path, and a .docx of the 柞水 sample is written, its
//! headings in the editor's language; no document edit.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::ui::ChainmapApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::io::Read;

type H = Harness<'static, ChainmapApp>;

fn editor(lang: Lang) -> H {
    chainmap::ui::force_in_app_file_browser();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    h.run_steps(3);
    h
}

/// File → Export → `item`, and the save dialog answered with `path`.
fn export_through_the_menu(h: &mut H, lang: Lang, item: &str, path: &std::path::Path) {
    h.get_by_label(lang.pick("文件", "File")).click();
    h.run_steps(3);
    h.get_by_label(lang.pick("导出", "Export")).hover();
    h.run_steps(3);
    h.get_by_label(item).click();
    h.run_steps(4);
    // The dialog's name field holds the default name: replace it with the whole path.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(path.display().to_string()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(8);
}

fn document_xml(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("no docx written ({e})"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn file_export_report_word_writes_a_docx() {
    for (lang, item, chapter) in [
        (Lang::Zh, "报告 Word…", "二、产业链图谱"),
        (Lang::En, "Report (Word)…", "2 Chain maps"),
    ] {
        let mut h = editor(lang);
        let revision = h.state().doc.revision();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("county-report.docx");
        export_through_the_menu(&mut h, lang, item, &path);
        let xml = document_xml(&path);
        roxmltree::Document::parse(&xml).unwrap();
        assert!(xml.contains(chapter), "{lang:?}: no {chapter}");
        assert!(
            xml.contains(r#"w:val="Heading2""#),
            "{lang:?}: no Heading 2"
        );
        assert_eq!(
            h.state().doc.revision(),
            revision,
            "exporting edits nothing"
        );
    }
}
