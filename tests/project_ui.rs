//! The project dialog (properties; the questions of File → New), the first save's folder and
//! file name, and Esc, driven headless with egui_kittest.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::ui::ChainmapApp;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

type H = Harness<'static, ChainmapApp>;

/// The editor on the bundled sample (amounts in 万元).
fn editor(lang: Lang) -> H {
    chainmap::ui::force_in_app_file_browser();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    harness
}

fn menu(h: &mut H, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run_steps(3);
    // The menu's entry, not the inspector's button of the same name: the menu opens at the left.
    let entry = h
        .get_all_by_label_contains(item)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap_or_else(|| panic!("no {item} in {menu}"));
    entry.click();
    // A dialog sizes itself to its contents over its first frames (the tax-sharing grid is
    // wide); clicks wait until it has settled, as a user's would.
    h.run_steps(12);
}

/// Replaces the text of the field labelled `label`.
fn retype(h: &mut H, label: &str, text: &str) {
    let field = h.get_by_role_and_label(Role::TextInput, label);
    if !field.is_focused() {
        field.click();
        h.run_steps(1);
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    if !text.is_empty() {
        h.event(egui::Event::Text(text.to_owned()));
    }
    // Until the dialog has settled (a problem line may come or go).
    h.run_steps(4);
}

fn output_of(h: &H, name: &str) -> Option<Decimal> {
    let node = h
        .state()
        .doc
        .project
        .nodes
        .values()
        .find(|n| n.name == name)
        .unwrap();
    node.figures.values().next().and_then(|f| f.output)
}

#[test]
fn properties_are_one_edit_with_the_amounts_converted_and_one_undo() {
    let mut h = editor(Lang::En);
    let before = h.state().doc.project.clone();
    let output = output_of(&h, "菌包工厂A").unwrap();
    menu(&mut h, "File", "Project Properties…");
    h.get_by_label("Project properties");
    retype(&mut h, "Name", "柞水木耳 2025");
    retype(&mut h, "County", "柞水县(商洛市)");
    retype(&mut h, "Data year", "2023");
    h.get_by_label("100M yuan (亿元)").click();
    h.run_steps(2);
    // Amounts are on record: convert them (the default) or only relabel.
    h.get_by_label("Convert the amounts on record (1 万元 = 0.0001 亿元)");
    h.get_by_label("Only change the label (numbers stay)");
    h.get_by_role_and_label(Role::Button, "OK").click();
    h.run_steps(3);
    let app = h.state();
    assert!(!app.project_dialog.open);
    let meta = &app.doc.project.meta;
    assert_eq!(meta.name, "柞水木耳 2025");
    assert_eq!(meta.county, "柞水县(商洛市)");
    assert_eq!(meta.unit, "亿元");
    assert_eq!(meta.base_year, Some(2023));
    assert_eq!(
        output_of(&h, "菌包工厂A"),
        Some((output * Decimal::new(1, 4)).normalize())
    );
    assert_eq!(
        h.state().doc.undo_label(Lang::En),
        Some("edit project details")
    );
    assert!(h.state().window_title().contains("柞水木耳 2025"));
    // One Ctrl+Z takes all of it back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().doc.project, before);
}

#[test]
fn the_unit_can_be_relabelled_without_touching_the_numbers() {
    let mut h = editor(Lang::Zh);
    let output = output_of(&h, "菌包工厂A");
    menu(&mut h, "文件", "项目属性…");
    h.get_by_label("元").click();
    h.run_steps(2);
    h.get_by_label("只改单位名称(数字不变)").click();
    h.run_steps(2);
    h.get_by_label("确定").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.project.meta.unit, "元");
    assert_eq!(output_of(&h, "菌包工厂A"), output, "numbers stay");
}

#[test]
fn problems_are_said_under_their_field_and_block_ok() {
    let mut h = editor(Lang::En);
    let revision = h.state().doc.revision();
    menu(&mut h, "File", "Project Properties…");
    retype(&mut h, "Name", "");
    h.get_by_label("Give the project a name");
    retype(&mut h, "Data year", "20x4");
    h.get_by_label("The year is a whole number from 1900 to 2200, or empty");
    h.get_by_role_and_label(Role::Button, "OK").click();
    h.run_steps(3);
    assert!(
        h.state().project_dialog.open,
        "OK waits for the problems to be fixed"
    );
    assert_eq!(h.state().doc.revision(), revision);
    retype(&mut h, "Name", "柞水");
    retype(&mut h, "Data year", "");
    assert!(h.query_by_label("Give the project a name").is_none());
    // Esc cancels: nothing changes.
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!h.state().project_dialog.open);
    assert_eq!(h.state().doc.revision(), revision);
}

#[test]
fn new_asks_name_and_county_first_and_cancel_keeps_the_project() {
    let mut h = editor(Lang::Zh);
    let before = h.state().doc.project.clone();
    menu(&mut h, "文件", "新建");
    h.get_by_label("新建项目");
    // Create without a county: said under the field, nothing made.
    retype(&mut h, "县(区)", "");
    h.get_by_label("创建").click();
    h.run_steps(3);
    h.get_by_label("请填写县(区)名称,如“柞水县”");
    assert_eq!(h.state().doc.project, before);
    h.get_by_label("取消").click();
    h.run_steps(3);
    assert!(!h.state().project_dialog.open);
    assert_eq!(
        h.state().doc.project,
        before,
        "Cancel keeps the current project"
    );
    // Esc too.
    menu(&mut h, "文件", "新建");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!h.state().project_dialog.open);
    assert_eq!(h.state().doc.project, before);
    // Now make one: name (its suggestion is selected, typing replaces it), county, unit.
    menu(&mut h, "文件", "新建");
    h.event(egui::Event::Text("镇安板栗".into()));
    retype(&mut h, "县(区)", "镇安县");
    h.get_by_label("亿元").click();
    h.run_steps(2);
    h.get_by_label("创建").click();
    h.run_steps(3);
    let meta = &h.state().doc.project.meta;
    assert_eq!(
        (meta.name.as_str(), meta.county.as_str(), meta.unit.as_str()),
        ("镇安板栗", "镇安县", "亿元")
    );
    assert_eq!(
        meta.base_year,
        Some(chainmap::file::import::last_full_year())
    );
    assert!(h.state().doc.project.nodes.is_empty());
    assert_eq!(h.state().doc.path, None);
}

#[test]
fn a_new_projects_first_save_is_named_after_it_in_the_last_folder_used() {
    let folder = tempfile::tempdir().unwrap();
    let mut h = editor(Lang::En);
    h.state_mut().ui.settings.recent = vec![folder.path().join("earlier.chainmap.json")];
    std::fs::write(folder.path().join("earlier.chainmap.json"), "{}").unwrap();
    menu(&mut h, "File", "New");
    h.event(egui::Event::Text("柞水/木耳: 2025?".into()));
    retype(&mut h, "County", "柞水县");
    h.get_by_label("Create").click();
    h.run_steps(3);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    let (dir, name) = h
        .state()
        .file_browser_place()
        .expect("the in-app browser is open");
    assert_eq!(dir, folder.path());
    assert_eq!(
        name, "柞水_木耳_ 2025_.chainmap.json",
        "characters files cannot have are replaced"
    );
    // Enter saves there.
    h.get_by_role_and_label(Role::TextInput, "File name or path:")
        .click();
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    let saved = folder.path().join("柞水_木耳_ 2025_.chainmap.json");
    assert!(saved.exists());
    assert_eq!(h.state().doc.path.as_deref(), Some(saved.as_path()));
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn without_a_last_folder_the_first_save_starts_in_the_documents_folder() {
    let mut h = editor(Lang::En);
    h.state_mut().ui.settings.recent.clear();
    menu(&mut h, "File", "New");
    retype(&mut h, "County", "柞水县");
    h.get_by_label("Create").click();
    h.run_steps(3);
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
    h.run_steps(3);
    let (dir, name) = h.state().file_browser_place().unwrap();
    let expected = dirs::document_dir()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| std::env::current_dir().unwrap());
    assert_eq!(dir, expected);
    assert_eq!(name, "New project.chainmap.json");
    // Esc closes the browser; nothing was saved.
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().file_browser_place().is_none());
    assert_eq!(h.state().doc.path, None);
}

#[test]
fn the_inspector_opens_the_properties_when_nothing_is_selected() {
    let mut h = editor(Lang::Zh);
    assert!(h.state().ui.selection.is_empty());
    h.get_by_role_and_label(Role::Button, "项目属性…").click();
    h.run_steps(3);
    assert!(h.state().project_dialog.open);
    h.get_by_label("项目名称");
}
