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
    // File → New asks for the name (selected, so typing replaces it) and the county first.
    let ctx = egui::Context::default();
    harness.state_mut().run_command(&ctx, AppCommand::New);
    harness.run_steps(3);
    harness.event(egui::Event::Text("测试项目".into()));
    harness.run_steps(1);
    let county = lang.pick("县(区)", "County");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, county)
        .click();
    harness.run_steps(1);
    harness.event(egui::Event::Text("柞水县".into()));
    harness.run_steps(1);
    harness.get_by_label(lang.pick("创建", "Create")).click();
    harness.run_steps(3);
    let meta = &harness.state().doc.project.meta;
    assert_eq!(
        (meta.name.as_str(), meta.county.as_str()),
        ("测试项目", "柞水县")
    );
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
        "Error: bad.csv row 3, column 环节: there is no stage coded \"U9\" (import the stages first, or check the code)",
    );
    harness.get_by_label("Error: bad.csv row 3, column 产值: \"abc\" is not a number");
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
        common::exported::assert_exported(&path, "菌包工厂A", 50);
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
    assert!(
        csv.starts_with("\u{feff}rank,priority score,class,action"),
        "{csv}"
    );
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
    // The sheet named for the table (企业) is read, not the cover note before it.
    harness.get_by_label("✓ No problems found");
    // Another sheet can be chosen: the cover note has no name column.
    harness.get_by_label("Sheet").click();
    harness.run_steps(3);
    harness.get_by_label("说明").click();
    harness.run_steps(3);
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

/// A folder with the three shared tables and a file that is not a table.
fn table_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "zhashui_like_stages.csv",
        "zhashui_like_enterprises.csv",
        "zhashui_like_supply_edges.csv",
    ] {
        std::fs::copy(data(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("说明.docx"), "not a table").unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    dir
}

fn type_and_enter(harness: &mut Harness<'static, ChainmapApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

/// Two press/release pairs within egui's double-click delay.
fn double_click(harness: &mut Harness<'static, ChainmapApp>, at: egui::Pos2) {
    harness.hover_at(at);
    harness.run_steps(1);
    // Later than any time before: egui tells a double click by the time between presses.
    let t = harness.input_mut().time.unwrap_or(0.0).max(100.0) + 1.0;
    for (pressed, dt) in [(true, 0.0), (false, 0.05), (true, 0.1), (false, 0.15)] {
        harness.input_mut().time = Some(t + dt);
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
}

/// The row of a file or folder in the in-app browser.
fn browser_row<'a>(
    harness: &'a Harness<'static, ChainmapApp>,
    name: &str,
) -> egui_kittest::Node<'a> {
    harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains(name) && !l.contains('·'))
        })
        .unwrap_or_else(|| panic!("no row {name} in the browser"))
}

#[test]
fn the_import_dialog_works_end_to_end_through_the_in_app_browser() {
    chainmap::ui::force_in_app_file_browser();
    let folder = table_folder();
    let dir = folder.path().to_owned();
    let mut harness = empty_editor(Lang::En);
    harness.get_by_label("File").click();
    harness.run_steps(3);
    harness
        .get_by_label_contains("Import Spreadsheets…")
        .click();
    harness.run_steps(3);

    // Stages: the browser opens above the dialog with the keyboard in its name field; a typed
    // folder is entered, a typed file name opens.
    harness.get_by_label("Choose stages…").click();
    harness.run_steps(3);
    harness.get_by_label("Import: stages");
    type_and_enter(&mut harness, dir.to_str().unwrap());
    assert_eq!(
        harness.state().file_browser_place().unwrap().0,
        dir,
        "Enter on a folder enters it"
    );
    browser_row(&harness, "archive");
    type_and_enter(&mut harness, "zhashui_like_stages.csv");
    assert!(
        harness.state().file_browser_place().is_none(),
        "chosen: the browser closed"
    );
    harness.get_by_label("zhashui_like_stages.csv · 14 rows · UTF-8");

    // Enterprises: the browser starts where the last table came from; a double click opens.
    harness.get_by_label("Choose enterprises…").click();
    harness.run_steps(3);
    assert_eq!(harness.state().file_browser_place().unwrap().0, dir);
    let row = browser_row(&harness, "zhashui_like_enterprises.csv")
        .rect()
        .center();
    double_click(&mut harness, row);
    harness.get_by_label("zhashui_like_enterprises.csv · 39 rows · UTF-8");

    // Links: a click selects (the name fills in), Open opens. Before that, what cannot be
    // opened is said in the browser, which stays open.
    harness.get_by_label("Choose links…").click();
    harness.run_steps(3);
    // A double click on a folder enters it; ⬆ goes back up.
    let archive = browser_row(&harness, "archive").rect().center();
    double_click(&mut harness, archive);
    assert_eq!(
        harness.state().file_browser_place().unwrap().0,
        dir.join("archive")
    );
    harness.get_by_label("⬆").click();
    harness.run_steps(3);
    assert_eq!(harness.state().file_browser_place().unwrap().0, dir);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "File name or path:")
        .click();
    harness.run_steps(1);
    type_and_enter(&mut harness, "说明.docx");
    harness.get_by_label(
        "\"说明.docx\" is not a spreadsheet: choose a CSV or Excel file (.csv .txt .xlsx .xlsm .xls .ods)",
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    type_and_enter(&mut harness, "nowhere.csv");
    harness.get_by_label(&format!(
        "No such file: {}",
        dir.join("nowhere.csv").display()
    ));
    browser_row(&harness, "zhashui_like_supply_edges.csv").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().file_browser_place().unwrap().1,
        "zhashui_like_supply_edges.csv"
    );
    harness.get_by_label("Open").click();
    harness.run_steps(3);
    harness.get_by_label_contains("zhashui_like_supply_edges.csv · 54 rows");

    // The preview, then Import: the nodes are in the project.
    harness.get_by_label("✓ No problems found");
    harness.get_by_label("Import").click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(!app.import.open);
    assert_eq!(app.doc.project.stages().count(), 14);
    assert_eq!(app.doc.project.nodes.len(), 47);
    assert!(
        app.doc
            .project
            .nodes
            .values()
            .any(|n| n.name == "菌包工厂A")
    );
}

#[test]
fn escape_closes_the_innermost_dialog_only() {
    chainmap::ui::force_in_app_file_browser();
    let mut harness = empty_editor(Lang::En);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::I);
    harness.run_steps(3);
    harness.get_by_label("Choose links…").click();
    harness.run_steps(3);
    assert!(harness.state().file_browser_place().is_some());
    // Esc: the browser goes, the import dialog stays (and keeps what it had).
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(harness.state().file_browser_place().is_none());
    assert!(
        harness.state().import.open,
        "the import dialog is still open"
    );
    harness.get_by_label("Import spreadsheets");
    // A second Esc closes the import dialog; the selection of the editor is untouched.
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(!harness.state().import.open);
    // Cancel in the browser is the same as Esc.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::I);
    harness.run_steps(3);
    harness.get_by_label("Choose stages…").click();
    harness.run_steps(3);
    let cancels: Vec<_> = harness.query_all_by_label("Cancel").collect();
    assert_eq!(cancels.len(), 2, "the browser's and the import dialog's");
    cancels[1].click();
    harness.run_steps(3);
    assert!(harness.state().file_browser_place().is_none());
    assert!(harness.state().import.open);
}

/// A file dropped on the window, as the windowing integration hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_dropped_on_the_import_dialog_are_taken_as_tables() {
    let folder = table_folder();
    let mut harness = empty_editor(Lang::En);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::I);
    harness.run_steps(3);
    let revision = harness.state().doc.revision();
    let dropped = |name: &str| -> egui::DroppedFileHandle {
        std::sync::Arc::new(Dropped(folder.path().join(name)))
    };
    // Each file goes to the table its headers say, whatever order they come in.
    harness.input_mut().dropped_files = vec![
        dropped("zhashui_like_supply_edges.csv"),
        dropped("zhashui_like_stages.csv"),
        dropped("zhashui_like_enterprises.csv"),
    ];
    harness.run_steps(3);
    harness.get_by_label("zhashui_like_stages.csv · 14 rows · UTF-8");
    harness.get_by_label("zhashui_like_enterprises.csv · 39 rows · UTF-8");
    harness.get_by_label_contains("zhashui_like_supply_edges.csv · 54 rows");
    assert!(harness.state().import.open);
    assert_eq!(
        harness.state().doc.revision(),
        revision,
        "nothing opened or imported yet"
    );
}

/// The editor on the bundled sample (柞水 black fungus), at the users' screen size.
fn sample_editor(lang: Lang) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    harness
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

#[test]
fn a_county_list_shows_what_it_leaves_out_before_importing() {
    for lang in [Lang::En, Lang::Zh] {
        let mut harness = sample_editor(lang);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::I);
        harness.run_steps(3);
        harness
            .state_mut()
            .import
            .load(TableKind::Nodes, &fixture("county_list_2023.xlsx"), lang);
        harness.run_steps(3);
        // The header found on row 3, under the title and the 填报单位 line.
        harness.get_by_label(lang.pick(
            "county_list_2023.xlsx [Sheet1] · 5 行 · 表头在第 3 行",
            "county_list_2023.xlsx [Sheet1] · 5 rows · header on row 3",
        ));
        // Under each field chooser: the year and the unit conversion its header says.
        harness.get_by_label("2023 · 元→万元");
        harness.get_by_label("2023 · 平方米→亩");
        // The columns left out and the rows skipped, each with why.
        harness.get_by_label(lang.pick(
            "A “序号”(序号列);P “联系电话”(未识别的列)",
            "A “序号”(row numbers); P “联系电话”(not a column chainmap reads)",
        ));
        harness.get_by_label(lang.pick(
            "第 1 行(表头上方的标题或说明):2023年柞水县重点企业名录",
            "row 1 (title or note above the header): 2023年柞水县重点企业名录",
        ));
        harness.get_by_label(lang.pick(
            "第 9 行(合计行,不是企业):合计 | 7375.5",
            "row 9 (a total row, not a firm): 合计 | 7375.5",
        ));
        harness.get_by_label(lang.pick(
            "新建环节(企业表中有、产业链中没有):木耳饮品、冷链物流",
            "New stages (named by firms, not in the chain): 木耳饮品, 冷链物流",
        ));
        harness.get_by_label(lang.pick("✓ 没有发现问题", "✓ No problems found"));
        harness.get_by_label(lang.pick("导入", "Import")).click();
        harness.run_steps(3);
        let project = &harness.state().doc.project;
        let e01 = &project.nodes[&"E01".into()];
        let f = &e01.figures[&2023];
        assert_eq!(
            (f.output, f.tax, f.land_mu),
            (
                Some(rust_decimal::Decimal::from(2150)),
                Some(rust_decimal::Decimal::from(125)),
                Some(rust_decimal::Decimal::from(12))
            )
        );
        assert_eq!(e01.credit_code, "91610933MA6YA1234D");
        assert!(project.stages().any(|(_, s)| s.name == "冷链物流"));
        // One undo step takes all of it back, new stages too.
        let ctx = egui::Context::default();
        harness.state_mut().run_command(&ctx, AppCommand::Undo);
        assert!(
            !harness
                .state()
                .doc
                .project
                .stages()
                .any(|(_, s)| s.name == "冷链物流")
        );
    }
}
