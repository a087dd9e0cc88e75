//! The import dialog and the export menu, driven headless with egui_kittest.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common {
    pub mod exported;
}
use chainmap::export::ExportFormat;
use chainmap::file::import::TableKind;
use chainmap::i18n::Lang;
use chainmap::model::LinkKind;
use chainmap::ui::ChainmapApp;
use chainmap::ui::command::AppCommand;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

/// The editor on a new, empty project.
fn empty_editor(lang: Lang) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    let ctx = egui::Context::default();
    harness.state_mut().run_command(&ctx, AppCommand::New);
    harness.run_steps(3);
    assert!(harness.state().doc.project.nodes.is_empty());
    harness
}

fn load_shared(harness: &mut Harness<'static, ChainmapApp>, lang: Lang) {
    for (kind, file) in [
        (TableKind::Stages, "zhashui_like_stages.csv"),
        (TableKind::Nodes, "zhashui_like_enterprises.csv"),
        (TableKind::Links, "zhashui_like_supply_edges.csv"),
    ] {
        harness.state_mut().import.load(kind, &data(file), lang);
    }
    harness.run_steps(3);
}

#[test]
fn import_through_the_dialog_is_one_undo_step() {
    let mut harness = empty_editor(Lang::En);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::I);
    harness.run_steps(3);
    harness.get_by_label("Import spreadsheets");
    harness.get_by_label("Choose enterprises…");
    load_shared(&mut harness, Lang::En);
    harness.get_by_label("zhashui_like_enterprises.csv · 39 rows · UTF-8");
    harness.get_by_label("✓ No problems found");
    harness.get_by_label(
        "Adds 14 stages, 47 nodes, 68 links; updates 0 stages, 0 nodes, 0 links (3 parks and 5 towns created)",
    );
    // The preview shows the rows, the mapping the headers suggested.
    harness.get_by_label("zhashui_like_enterprises.csv").click();
    harness.run_steps(2);
    harness.get_by_label("链主食品集团(县外引进)");
    let before = harness.state().doc.project.clone();
    harness.get_by_label("Import").click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(!app.import.open);
    let project = &app.doc.project;
    assert_eq!(project.stages().count(), 14);
    assert_eq!(
        project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply)
            .count(),
        54
    );
    assert_eq!(
        app.doc.undo_label(Lang::En),
        Some("import 47 nodes and 68 links")
    );
    // The imported firms are on the canvas, by name.
    harness.get_by_label("菌包工厂A");
    let ctx = egui::Context::default();
    harness.state_mut().run_command(&ctx, AppCommand::Undo);
    assert_eq!(harness.state().doc.project, before);
}

#[test]
fn a_column_can_be_left_out_and_bad_rows_block_the_import() {
    let mut harness = empty_editor(Lang::En);
    let ctx = egui::Context::default();
    harness.state_mut().run_command(&ctx, AppCommand::Import);
    harness.run_steps(2);
    load_shared(&mut harness, Lang::En);
    // Show the enterprises and leave the tax column out.
    harness.get_by_label("zhashui_like_enterprises.csv").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "tax_wan")
        .click();
    harness.run_steps(3);
    harness.get_by_label("(skip)").click();
    harness.run_steps(3);
    harness.get_by_label("Import").click();
    harness.run_steps(3);
    let e05 = &harness.state().doc.project.nodes[&"E05".into()];
    let year = *e05.figures.keys().next().unwrap();
    assert_eq!(e05.figures[&year].tax, None, "the tax column was left out");
    assert!(e05.figures[&year].output.is_some());

    // A table with bad rows: the problems are listed by row and column, Import is disabled.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "名称,环节,产值\n甲公司,U1,12\n乙公司,U9,abc\n").unwrap();
    let revision = harness.state().doc.revision();
    harness.state_mut().run_command(&ctx, AppCommand::Import);
    harness.run_steps(2);
    harness
        .state_mut()
        .import
        .load(TableKind::Nodes, &bad, Lang::En);
    harness.run_steps(3);
    harness.get_by_label("errors 2 · warnings 0");
    harness.get_by_label(
        "error: bad.csv row 3, column 环节: there is no stage \"U9\" (import the stages first, or check the code)",
    );
    harness.get_by_label("error: bad.csv row 3, column 产值: \"abc\" is not a number");
    let import = harness.get_by_label("Import");
    assert!(import.accesskit_node().is_disabled());
    import.click();
    harness.run_steps(2);
    assert!(
        harness.state().import.open,
        "a disabled button does nothing"
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().import.open);
    assert_eq!(harness.state().doc.revision(), revision, "nothing imported");
}

#[test]
fn a_file_that_cannot_be_read_is_reported_in_the_dialog() {
    let mut harness = empty_editor(Lang::Zh);
    let ctx = egui::Context::default();
    harness.state_mut().run_command(&ctx, AppCommand::Import);
    harness.run_steps(2);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("garbled.csv");
    std::fs::write(&bad, b"name\n\xff\xfe\xff\xff\n").unwrap();
    harness
        .state_mut()
        .import
        .load(TableKind::Nodes, &bad, Lang::Zh);
    harness.run_steps(2);
    harness.get_by_label(
        "错误: garbled.csv line 2: 既不是 UTF-8 也不是 GBK 编码的文本(请在 Excel 中另存为“CSV UTF-8”)",
    );
}

#[test]
fn the_export_menu_writes_pictures_tables_and_reports() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(Lang::En), None));
    harness.run_steps(3);
    harness.get_by_label("File").click();
    harness.run_steps(3);
    harness.get_by_label("Export").hover();
    harness.run_steps(3);
    harness.get_by_label("Picture (SVG)…");
    harness.get_by_label("All tables (XLSX)…");
    harness.get_by_label("Report (HTML)…");
    let dir = tempfile::tempdir().unwrap();
    for format in [
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Xlsx,
        ExportFormat::Md,
    ] {
        let path = dir.path().join(format!("zhashui.{}", format.extension()));
        harness.state_mut().export_to(format, None, path.clone());
        common::exported::assert_exported(&path, "菌包工厂A", 48);
    }
    // The report's picture is beside it, not over the SVG exported before.
    assert!(dir.path().join("zhashui-map.svg").exists());
    assert!(
        std::fs::read_to_string(dir.path().join("zhashui.svg"))
            .unwrap()
            .contains("<svg")
    );
    // A CSV of one table, without an extension typed: it gets one.
    harness.state_mut().export_to(
        ExportFormat::Csv,
        Some(chainmap::export::TableName::Gaps),
        dir.path().join("gaps"),
    );
    let csv = std::fs::read_to_string(dir.path().join("gaps.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}class,action"), "{csv}");
    // A folder that does not exist: an error in the status bar, no panic.
    harness.state_mut().export_to(
        ExportFormat::Svg,
        None,
        dir.path().join("missing").join("x.svg"),
    );
    let message = harness.state().ui.message.clone().unwrap();
    assert!(
        message.is_error && message.text.contains("Cannot write"),
        "{message:?}"
    );
}

#[test]
fn another_sheet_of_a_workbook_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名录.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let cover = book.add_worksheet();
    cover.set_name("说明").unwrap();
    cover.write_string(0, 0, "本表由园区管委会整理").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("企业").unwrap();
    for (c, h) in ["企业名称", "环节", "产值"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "新木耳公司").unwrap();
    sheet.write_string(1, 1, "U1").unwrap();
    sheet.write_number(1, 2, 99.5).unwrap();
    book.save(&path).unwrap();

    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(Lang::En), None));
    harness.run_steps(3);
    let ctx = egui::Context::default();
    harness.state_mut().run_command(&ctx, AppCommand::Import);
    harness.run_steps(2);
    harness
        .state_mut()
        .import
        .load(TableKind::Nodes, &path, Lang::En);
    harness.run_steps(3);
    // The first sheet is the cover note: no name column there.
    harness.get_by_label_contains("no \"name\" column");
    harness.get_by_label("Sheet").click();
    harness.run_steps(3);
    harness.get_by_label("企业").click();
    harness.run_steps(3);
    harness.get_by_label("✓ No problems found");
    harness.get_by_label("Import").click();
    harness.run_steps(3);
    let project = &harness.state().doc.project;
    let firm = project
        .nodes
        .values()
        .find(|n| n.name == "新木耳公司")
        .unwrap();
    assert_eq!(firm.stages, ["U1".into()]);
}
