//! The interactive page exported the way a user does it: File → Export → 交互网页… asks where
//! to write, the in-app file browser takes a path, and one HTML file is written with the 柞水
//! sample's firms in the export's language; the report stays under 报告 HTML…; no document edit.
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
    h.run_steps(6);
}

#[test]
fn the_interactive_page_is_written_from_the_menu() {
    for (lang, page_item, report_item, summary) in [
        (Lang::Zh, "交互网页…", "报告 HTML…", "本地配套率"),
        (
            Lang::En,
            "Interactive Page…",
            "Report (HTML)…",
            "Local supporting rate",
        ),
    ] {
        let mut h = editor(lang);
        let revision = h.state().doc.revision();
        let dir = tempfile::tempdir().unwrap();

        let page = dir.path().join("chain.html");
        export_through_the_menu(&mut h, lang, page_item, &page);
        let text = std::fs::read_to_string(&page)
            .unwrap_or_else(|e| panic!("{lang:?}: no page written ({e})"));
        assert!(text.starts_with("<!DOCTYPE html>"), "{lang:?}");
        assert!(text.contains("Content-Security-Policy"), "{lang:?}");
        assert!(
            text.contains(r#"<script type="application/json" id="data">"#),
            "{lang:?}"
        );
        for firm in ["菌包工厂A", "链主食品集团(县外引进)", "电商企业4"] {
            assert!(text.contains(firm), "{lang:?}: {firm} missing");
        }
        assert!(text.contains(summary), "{lang:?}: in the export's language");

        // The static report is still there, under its own item.
        let report = dir.path().join("report.html");
        export_through_the_menu(&mut h, lang, report_item, &report);
        let text = std::fs::read_to_string(&report)
            .unwrap_or_else(|e| panic!("{lang:?}: no report written ({e})"));
        assert!(
            text.contains("<svg"),
            "{lang:?}: the report has its map inline"
        );
        assert!(!text.contains("application/json"), "{lang:?}");

        assert_eq!(
            h.state().doc.revision(),
            revision,
            "exporting edits nothing"
        );
    }
}
