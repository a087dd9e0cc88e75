//! The territory map exported the way a user does it: File → Export → 县域空间图 asks where to
//! write, the in-app file browser
//! takes a path, and the SVG or PNG is written with the towns of the 柞水 sample; no document
//! edit.
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
    h.get_by_label_contains(item).click();
    h.run_steps(4);
    // The dialog's name field holds the default name: replace it with the whole path.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(path.display().to_string()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(6);
}

#[test]
fn the_territory_map_is_written_as_svg_and_png() {
    for (lang, svg_command, png_command) in [
        (Lang::Zh, "县域空间图 SVG", "县域空间图 PNG"),
        (Lang::En, "Territory Map (SVG)", "Territory Map (PNG)"),
    ] {
        let mut h = editor(lang);
        let revision = h.state().doc.revision();
        let dir = tempfile::tempdir().unwrap();

        let svg = dir.path().join("territory.svg");
        export_through_the_menu(&mut h, lang, svg_command, &svg);
        let text = std::fs::read_to_string(&svg)
            .unwrap_or_else(|e| panic!("{lang:?}: no SVG written ({e})"));
        assert!(
            text.starts_with("<svg") || text.starts_with("<?xml"),
            "{lang:?}"
        );
        for town in ["镇甲", "镇乙", "镇丙", "镇丁", "县城"] {
            assert!(text.contains(town), "{lang:?}: {town} missing");
        }

        let png = dir.path().join("territory.png");
        export_through_the_menu(&mut h, lang, png_command, &png);
        let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("{lang:?}: no PNG ({e})"));
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{lang:?}");

        assert_eq!(
            h.state().doc.revision(),
            revision,
            "exporting edits nothing"
        );
    }
}

/// The palette finds the command by its label, space and all ("县域空间图 SVG").
#[test]
fn the_palette_finds_the_export_by_its_label() {
    let mut h = editor(Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("from-palette.svg");
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(2);
    h.event(egui::Event::Text("县域空间图 SVG".to_owned()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(svg.display().to_string()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(6);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("镇甲"));
}
