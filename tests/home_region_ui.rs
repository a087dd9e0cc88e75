//! Issue 16 in the editor: Project Properties names the home county (本县), which decides what is
//! local, as one edit undone in one step; the Gaps tab says how local was decided.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::NodeId;
use chainmap::ui::ChainmapApp;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, ChainmapApp>;

/// The editor on the bundled sample (柞水).
fn editor(lang: Lang) -> H {
    editor_on(lang, None)
}

/// The editor on `file`, else the bundled sample.
fn editor_on(lang: Lang, file: Option<std::path::PathBuf>) -> H {
    chainmap::ui::force_in_app_file_browser();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, file.clone(), Some(lang), None));
    harness.run_steps(3);
    harness
}

fn open_properties(h: &mut H, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run_steps(3);
    let entry = h
        .get_all_by_label_contains(item)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap();
    entry.click();
    // A dialog sizes itself to its contents over its first frames; clicks wait until it has
    // settled, as a user's would.
    h.run_steps(12);
}

#[test]
fn the_home_county_is_chosen_in_project_properties_as_one_edit() {
    // The 柞水 sample as a file made before issue 16: no home county.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zhashui.chainmap.json");
    let text = std::fs::read_to_string("sample_projects/zhashui-fungus.chainmap.json").unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json.as_object_mut().unwrap().remove("home_region");
    std::fs::write(&path, serde_json::to_string(&json).unwrap()).unwrap();
    let mut h = editor_on(Lang::Zh, Some(path));
    assert_eq!(h.state().doc.project.meta.home_region, None);
    let note = |h: &H| {
        h.state()
            .analysis()
            .map(|a| a.places.note(Lang::Zh).to_owned())
            .unwrap_or_default()
    };
    assert!(note(&h).starts_with("未设置本县"), "{}", note(&h));
    open_properties(&mut h, "文件", "项目属性…");
    h.get_by_role_and_label(Role::ComboBox, "本县").click();
    h.run_steps(3);
    // Counties first: 柞水县, then its towns.
    let below = h
        .get_by_role_and_label(Role::ComboBox, "本县")
        .rect()
        .left_bottom();
    let option = h
        .query_all_by_label("柞水县")
        .min_by(|a, b| {
            let d = |n: &egui_kittest::Node<'_>| n.rect().left_top().distance(below);
            d(a).total_cmp(&d(b))
        })
        .unwrap();
    option.click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.run_steps(4);
    assert_eq!(
        h.state().doc.project.meta.home_region,
        Some(NodeId::from("R0"))
    );
    assert!(
        note(&h).starts_with("本地按所在地判断:位于柞水县境内"),
        "{}",
        note(&h)
    );
    // One Ctrl+Z takes it back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(4);
    assert_eq!(h.state().doc.project.meta.home_region, None);
}

#[test]
fn the_processing_target_is_kept_unset_while_it_is_the_default() {
    let mut h = editor(Lang::En);
    open_properties(&mut h, "File", "Project Properties…");
    h.get_by_role_and_label(Role::ComboBox, "Home county");
    h.get_by_label("Processing target");
    // Changing only the name leaves the target unset (2.8 by default).
    h.get_by_role_and_label(Role::Button, "OK").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.project.meta.processing_target, None);
}
