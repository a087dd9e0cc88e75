//! The reference-chain dialogs, driven headless with egui_kittest: File → New from Reference
//! Chain… (a project from a template, its chain matched to it from the start, after the
//! unsaved-changes question) and Compare with Reference Chain… (one OK is one undo step; Cancel,
//! Esc and Stop comparing), both at 1366×768 in Chinese and English.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{ChainId, StageId};
use chainmap::ui::ChainmapApp;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, ChainmapApp>;

const SCREEN: egui::Rect =
    egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1366.0, 768.0));

/// The editor on the bundled sample (the 柞水 fungus chain, 47 nodes) at 1366×768.
fn editor(lang: Lang) -> H {
    chainmap::ui::force_in_app_file_browser();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    harness
}

/// Opens `menu` and clicks its entry `item` (the leftmost widget of that label: menus open at
/// the left).
fn menu(h: &mut H, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run_steps(3);
    let entry = h
        .get_all_by_label_contains(item)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap_or_else(|| panic!("no {item} in {menu}"));
    entry.click();
    h.run_steps(4);
}

/// Everything labelled `label` lies on the screen, whole.
fn on_screen(h: &H, label: &str) {
    let node = h.get_by_label(label);
    let rect = node.rect();
    assert!(
        SCREEN.contains_rect(rect),
        "{label} at {rect:?} is off the 1366×768 screen"
    );
}

#[test]
fn the_new_from_template_dialog_fits_the_screen_in_both_languages() {
    for (lang, menu_name, item, heading, buttons) in [
        (
            Lang::Zh,
            "文件",
            "新建自参考产业链…",
            "新建自参考产业链",
            ["创建", "取消"],
        ),
        (
            Lang::En,
            "File",
            "New from Reference Chain…",
            "New from a reference chain",
            ["Create", "Cancel"],
        ),
    ] {
        let mut h = editor(lang);
        menu(&mut h, menu_name, item);
        on_screen(&h, heading);
        for button in buttons {
            on_screen(&h, button);
        }
    }
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
    h.run_steps(3);
}

/// Opens the combo labelled `combo` and picks its entry `entry` (the popup is drawn last, so its
/// entry is the last widget of that name).
fn pick(h: &mut H, combo: &str, entry: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run_steps(3);
    // Long lists scroll inside the popup.
    h.get_all_by_label(entry)
        .last()
        .unwrap_or_else(|| panic!("no {entry} in the {combo} combo"))
        .scroll_to_me();
    h.run_steps(3);
    h.get_all_by_label(entry)
        .last()
        .unwrap_or_else(|| panic!("no {entry} in the {combo} combo"))
        .click();
    h.run_steps(3);
    assert_eq!(
        h.get_by_role_and_label(Role::ComboBox, combo)
            .value()
            .as_deref(),
        Some(entry),
        "{entry} picked in the {combo} combo"
    );
}

/// Deletes the firm `name`: the project has unsaved changes.
fn make_dirty(h: &mut H, name: &str) {
    h.get_by_label(name).click();
    h.run_steps(1);
    h.key_press(Key::Delete);
    h.run_steps(2);
    assert!(h.state().doc.is_dirty());
}

#[test]
fn a_project_from_a_template_asks_about_unsaved_work_and_is_compared_from_the_start() {
    let mut h = editor(Lang::En);
    make_dirty(&mut h, "菌种公司A");
    let nodes = h.state().doc.project.nodes.len();
    let create = |h: &mut H| {
        menu(h, "File", "New from Reference Chain…");
        h.get_by_role_and_label(Role::Button, "Tea").click();
        h.run_steps(2);
        // The preview shows the chosen chain, its stages by segment and its sources.
        h.get_by_label("Tea gardens");
        h.get_by_label("Tea culture tourism");
        retype(h, "County", "安化县");
        assert_eq!(
            h.get_by_role_and_label(Role::TextInput, "Name").value(),
            Some("Tea chain, 安化县".to_owned()),
            "the name follows the chain and county until typed"
        );
        h.get_by_label("Create").click();
        h.run_steps(3);
    };
    create(&mut h);
    // Nothing the user made is lost: the question first, and Cancel keeps everything.
    h.get_by_label("Save changes?");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.project.nodes.len(), nodes);
    assert!(h.state().doc.is_dirty());
    create(&mut h);
    h.get_by_label("Discard").click();
    h.run_steps(3);
    let project = &h.state().doc.project;
    let tea = chainmap::reference::builtin().find("tea").unwrap();
    assert_eq!(project.meta.name, "Tea chain, 安化县");
    assert_eq!(project.meta.county, "安化县");
    assert!(project.nodes.is_empty());
    let chain = &project.chains[&ChainId::from("tea")];
    // The template's stages, each with the land use the template knows for it (issue 20).
    let mut stages = tea.chain.stages.clone();
    for stage in &mut stages {
        stage.land_use = Some(tea.stage_info[&stage.id].land_use);
    }
    assert_eq!(chain.stages, stages);
    // Compared from the start: every stage and product matched to itself.
    let matching = &project.references[&chain.id];
    assert_eq!(matching.template, "tea");
    assert_eq!(matching.revision, tea.revision);
    assert_eq!(matching.stages.len(), tea.stage_count());
    assert!(matching.stages.iter().all(|(r, p)| p.as_ref() == Some(r)));
    assert_eq!(matching.products.len(), tea.product_count());
    assert!(matching.products.iter().all(|(r, p)| p.as_ref() == Some(r)));
    assert!(
        !h.state().doc.is_dirty(),
        "a new project, nothing to save yet"
    );
    assert!(!h.state().new_from_template.open);
}

#[test]
fn the_new_from_template_dialog_says_what_is_missing_and_esc_changes_nothing() {
    let mut h = editor(Lang::Zh);
    let before = h.state().doc.project.clone();
    menu(&mut h, "文件", "新建自参考产业链…");
    h.get_by_role_and_label(Role::Button, "茶叶产业链").click();
    h.run_steps(2);
    h.get_by_label("创建").click();
    h.run_steps(3);
    // The county is asked for, the dialog stays.
    h.get_by_label("请填写县(区)名称,如“柞水县”");
    assert!(h.state().new_from_template.open);
    retype(&mut h, "县(区)", "安化县");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "项目名称").value(),
        Some("安化县茶叶产业链".to_owned())
    );
    // Esc closes the dialog, as File → New's does: nothing changed.
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().new_from_template.open);
    assert_eq!(h.state().doc.project, before);
}

/// The sample's one chain, and the edible-fungi template's stage named `name_en`.
fn fungi_stage(name_en: &str) -> StageId {
    let fungi = chainmap::reference::builtin().find("edible-fungi").unwrap();
    fungi
        .chain
        .stages
        .iter()
        .find(|s| s.name_en == name_en)
        .unwrap()
        .id
        .clone()
}

#[test]
fn correcting_one_stage_is_one_undo_step_back_to_the_previous_matching() {
    let mut h = editor(Lang::En);
    let muer = ChainId::from("muer");
    assert!(h.state().doc.project.references.is_empty());
    // First comparison: the suggestion, confirmed as it is.
    menu(&mut h, "View", "Compare with Reference Chain…");
    h.get_by_label("Compare with a reference chain");
    assert_eq!(
        h.get_by_role_and_label(Role::ComboBox, "Reference chain")
            .value()
            .as_deref(),
        Some("Edible fungi (black fungus, shiitake)"),
        "the template the chain matches best"
    );
    h.get_by_label("OK").click();
    h.run_steps(3);
    let first = h.state().doc.project.references[&muer].clone();
    assert_eq!(first.template, "edible-fungi");
    let deep = fungi_stage("Deep processing");
    assert_eq!(first.stages[&deep], Some(StageId::from("D1")));
    // Opened again, it shows what is saved; one stage is corrected.
    menu(&mut h, "View", "Compare with Reference Chain…");
    h.get_by_label("(the matching saved in the project)");
    let depth = h.state().doc.undo_depth();
    pick(&mut h, "Deep processing", "brand, marketing, e-commerce");
    assert_eq!(
        h.state().doc.undo_depth(),
        depth,
        "nothing changes before OK"
    );
    h.get_by_label("OK").click();
    h.run_steps(3);
    let second = &h.state().doc.project.references[&muer];
    assert_eq!(second.stages[&deep], Some(StageId::from("D2")));
    let mut expected = first.clone();
    expected
        .stages
        .insert(deep.clone(), Some(StageId::from("D2")));
    assert_eq!(*second, expected, "only that stage changed");
    assert_eq!(h.state().doc.undo_depth(), depth + 1, "one undo step");
    assert_eq!(
        h.state().doc.undo_label(Lang::En),
        Some("compare with a reference chain".to_owned()).as_deref()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().doc.project.references[&muer], first);
}

#[test]
fn cancel_and_esc_leave_the_project_as_it_was() {
    let mut h = editor(Lang::En);
    let before = h.state().doc.project.clone();
    let revision = h.state().doc.revision();
    menu(&mut h, "View", "Compare with Reference Chain…");
    pick(&mut h, "Deep processing", "None");
    pick(&mut h, "母种", "None");
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert!(!h.state().compare_reference.open);
    assert_eq!(h.state().doc.project, before);
    assert_eq!(h.state().doc.revision(), revision);
    // Esc: the open combo closes first, then the dialog; still nothing changes.
    menu(&mut h, "View", "Compare with Reference Chain…");
    h.get_by_role_and_label(Role::ComboBox, "Deep processing")
        .click();
    h.run_steps(3);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(
        h.state().compare_reference.open,
        "Esc closed the combo only"
    );
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().compare_reference.open);
    assert_eq!(h.state().doc.revision(), revision);
}

#[test]
fn stop_comparing_forgets_the_matching_in_one_undoable_step() {
    let mut h = editor(Lang::Zh);
    let muer = ChainId::from("muer");
    menu(&mut h, "视图", "对照参考产业链…");
    assert!(
        h.query_by_label("停止对照").is_none(),
        "nothing saved to stop"
    );
    h.get_by_label("确定").click();
    h.run_steps(3);
    let saved = h.state().doc.project.references[&muer].clone();
    menu(&mut h, "视图", "对照参考产业链…");
    h.get_by_label("停止对照").click();
    h.run_steps(3);
    assert!(h.state().doc.project.references.is_empty());
    assert_eq!(
        h.state().doc.undo_label(Lang::Zh),
        Some("取消参考产业链对照")
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().doc.project.references[&muer], saved);
}

#[test]
fn the_compare_dialog_fits_the_screen_with_the_largest_template_in_both_languages() {
    let largest = chainmap::reference::builtin()
        .templates
        .iter()
        .max_by_key(|t| t.product_count())
        .unwrap();
    for (lang, menu_name, item, heading, buttons, reference) in [
        (
            Lang::Zh,
            "视图",
            "对照参考产业链…",
            "对照参考产业链",
            ["确定", "取消"],
            "参考产业链",
        ),
        (
            Lang::En,
            "View",
            "Compare with Reference Chain…",
            "Compare with a reference chain",
            ["OK", "Cancel"],
            "Reference chain",
        ),
    ] {
        let mut h = editor(lang);
        menu(&mut h, menu_name, item);
        pick(&mut h, reference, largest.name(lang));
        on_screen(&h, heading);
        for button in buttons {
            on_screen(&h, button);
        }
        // The last reference product is reached by scrolling inside the dialog.
        let last = largest
            .chain
            .stages
            .iter()
            .flat_map(|s| &s.products)
            .last()
            .unwrap();
        let combo = h.get_by_role_and_label(Role::ComboBox, &last.name);
        combo.scroll_to_me();
        h.run_steps(4);
        let combo = h.get_by_role_and_label(Role::ComboBox, &last.name);
        let rect = combo.rect();
        assert!(
            rect.bottom() < 768.0,
            "{} at {rect:?} cannot be reached",
            last.name
        );
    }
}

#[test]
fn a_project_from_a_template_by_keyboard_alone() {
    let mut h = editor(Lang::Zh);
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::N);
    h.run_steps(3);
    assert!(h.state().new_from_template.open);
    // The county field has the keyboard; ↓ ↓ goes from 食用菌 past 猕猴桃 to 茶叶.
    h.key_press(Key::ArrowDown);
    h.run_steps(1);
    h.key_press(Key::ArrowDown);
    h.run_steps(2);
    h.get_by_label("茶树良种繁育");
    h.event(egui::Event::Text("安化县".into()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(4);
    let project = &h.state().doc.project;
    assert!(!h.state().new_from_template.open);
    assert_eq!(project.meta.name, "安化县茶叶产业链");
    assert!(project.chains.contains_key(&ChainId::from("tea")));
    assert!(project.references.contains_key(&ChainId::from("tea")));
}
