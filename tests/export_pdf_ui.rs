//! The poster exported the way a user does it: File → Export → 海报 PDF… asks for the paper,
//! then where to write; the PDF is that paper with the 柞水 sample's firms in its text layer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::ui::ChainmapApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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

/// File → Export → Poster (PDF)…
fn open_poster_dialog(h: &mut H, lang: Lang) {
    h.get_by_label(lang.pick("文件", "File")).click();
    h.run_steps(3);
    h.get_by_label(lang.pick("导出", "Export")).hover();
    h.run_steps(3);
    h.get_by_label(lang.pick("海报 PDF…", "Poster (PDF)…"))
        .click();
    h.run_steps(6);
}

fn media_box(path: &std::path::Path) -> (f32, f32) {
    let doc = lopdf::Document::load(path).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let rect = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect::<Vec<_>>();
    (rect[2], rect[3])
}

#[test]
fn the_poster_is_written_on_the_paper_chosen() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = editor(lang);
        let revision = h.state().doc.revision();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("poster.pdf");

        open_poster_dialog(&mut h, lang);
        h.get_by_label("A4").click();
        h.get_by_label(lang.pick("纵向", "Portrait")).click();
        h.run_steps(2);
        h.get_by_label(lang.pick("选择保存位置…", "Choose where to save…"))
            .click();
        h.run_steps(12);
        // The save dialog's name field holds the default name: replace it with the whole path.
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.event(egui::Event::Text(path.display().to_string()));
        h.run_steps(1);
        h.key_press(Key::Enter);
        h.run_steps(12);

        let (w, h_pt) = media_box(&path);
        assert!(
            (w - 595.28).abs() < 0.05 && (h_pt - 841.89).abs() < 0.05,
            "{lang:?}: A4 portrait, got {w} × {h_pt}"
        );
        let doc = lopdf::Document::load(&path).unwrap();
        let text: String = doc
            .extract_text(&[1])
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(text.contains("菌包工厂A"), "{lang:?}: {text}");
        assert!(text.contains(lang.pick("图例", "Legend")), "{lang:?}");
        let message = h.state().ui.message.clone().unwrap();
        assert!(!message.is_error, "{}", message.text);
        assert_eq!(
            h.state().doc.revision(),
            revision,
            "exporting edits nothing"
        );
    }
}

#[test]
fn cancelling_the_paper_writes_nothing() {
    let mut h = editor(Lang::En);
    open_poster_dialog(&mut h, Lang::En);
    h.get_by_label("Cancel").click();
    h.run_steps(6);
    // No save dialog follows: its name field would hold poster.pdf.
    assert!(h.query_by_label("Choose where to save…").is_none());
    assert!(h.query_by_label_contains("poster.pdf").is_none());
    assert!(h.state().ui.message.as_ref().is_none_or(|m| !m.is_error));
}
