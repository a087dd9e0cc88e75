//! Scenarios and compare driven headless with egui_kittest on the 柞水 sample at 1366×768: a
//! scenario made from the toolbar's switch, a firm deleted in it (the base keeps it), back to
//! the base and into the scenario again; a scenario from the 招商 list with a candidate ticked;
//! Scenarios → Compare Scenarios marking the differences on the canvas (legend, removed and
//! added beads by name) and listing the figures; the legend's × stops the marks. zh and en.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::NodeId;
use chainmap::ui::ChainmapApp;
use chainmap::ui::state::UiAction;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;

type H = Harness<'static, ChainmapApp>;

/// 木耳休闲食品公司 of the sample (with its two links): deleted in the scenario.
const GONE: &str = "E24";

fn sample(lang: Lang) -> H {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    h.run_steps(3);
    h
}

fn switch_label(h: &H) -> String {
    h.get_all_by_role(Role::ComboBox)
        .filter_map(|n| n.accesskit_node().value())
        .find(|v| v.starts_with("方案") || v.starts_with("Scenario"))
        .unwrap_or_default()
}

/// Opens the toolbar's scenario switch.
fn open_switch(h: &mut H, lang: Lang) {
    let current = switch_label(h);
    assert!(!current.is_empty(), "no scenario switch on the toolbar");
    h.get_all_by_role(Role::ComboBox)
        .find(|n| n.accesskit_node().value().as_deref() == Some(current.as_str()))
        .unwrap()
        .click();
    h.run_steps(3);
    let _ = lang;
}

/// A new scenario from the toolbar, with its suggested name.
fn new_scenario(h: &mut H, lang: Lang) {
    open_switch(h, lang);
    h.get_by_label(lang.pick("新建方案…", "New Scenario…"))
        .click();
    h.run_steps(6);
    h.get_by_label(lang.pick("新建并切换", "Create and Switch"))
        .click();
    h.run_steps(4);
}

fn delete_node(h: &mut H, id: &str) {
    h.state_mut()
        .run_action(UiAction::ShowNode(NodeId::from(id)));
    h.run_steps(3);
    h.key_press(egui::Key::Delete);
    h.run_steps(3);
}

#[test]
fn a_scenario_takes_the_edits_and_the_base_stays() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = sample(lang);
        assert_eq!(
            switch_label(&h),
            lang.pick("方案:现状", "Scenario: Base (as is)")
        );
        new_scenario(&mut h, lang);
        let plan = lang.pick("规划方案", "Plan");
        assert_eq!(
            switch_label(&h),
            format!("{}{plan}", lang.pick("方案:", "Scenario: "))
        );
        assert!(h.state().window_title().contains(plan));
        delete_node(&mut h, GONE);
        let gone = NodeId::from(GONE);
        assert!(!h.state().doc.project.nodes.contains_key(&gone));
        assert!(h.state().doc.base().nodes.contains_key(&gone));
        // Back to the base on the switch: the firm is there.
        open_switch(&mut h, lang);
        h.get_by_role_and_label(Role::RadioButton, lang.pick("现状", "Base (as is)"))
            .click();
        h.run_steps(4);
        assert_eq!(h.state().doc.active_scenario(), None);
        assert!(h.state().doc.project.nodes.contains_key(&gone));
        // Into the scenario again, through the Scenarios menu: the firm is gone.
        h.get_by_label(lang.pick("方案", "Scenarios")).click();
        h.run_steps(3);
        h.get_by_role_and_label(Role::RadioButton, plan).click();
        h.run_steps(4);
        assert_eq!(h.state().doc.active_scenario(), Some("s1"));
        assert!(!h.state().doc.project.nodes.contains_key(&gone));
        // Undo takes back the switches one by one.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run_steps(3);
        assert_eq!(h.state().doc.active_scenario(), None);
    }
}

#[test]
fn compare_marks_the_differences_on_the_canvas_and_lists_the_figures() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = sample(lang);
        new_scenario(&mut h, lang);
        let gone = h.state().doc.base().nodes[&NodeId::from(GONE)].clone();
        let name = gone.name.clone();
        delete_node(&mut h, GONE);
        // A firm added in the scenario, below where the deleted one was (in view: the camera
        // went to it to delete it).
        let mut firm = gone.clone();
        firm.id = NodeId::from("E99");
        firm.name = "新引进菌种企业".to_owned();
        firm.position = gone.position.map(|p| chainmap::model::Pos {
            x: p.x,
            y: p.y + 60.0,
        });
        h.state_mut()
            .apply_edit(chainmap::edit::Edit::AddNode(firm));
        h.run_steps(2);
        h.get_by_label(lang.pick("方案", "Scenarios")).click();
        h.run_steps(3);
        h.get_by_label(lang.pick("对比方案", "Compare Scenarios"))
            .click();
        h.run_steps(5);
        let legend = match lang {
            Lang::Zh => "对比:现状 → 规划方案;新增 1    修改 0    删除 3",
            Lang::En => "Compare: Base (as is) → Plan;Added 1    Changed 0    Removed 3",
        };
        h.get_by_label(legend);
        h.get_by_label(&format!("{}:{name}", lang.pick("已删除", "removed")));
        h.get_by_label(&format!("{}:新引进菌种企业", lang.pick("新增", "added")));
        // The figures and the changes on the Compare tab.
        h.get_by_label(lang.pick("本地配套率", "Local supporting rate"));
        h.get_by_label(&format!("− {name}"));
        // × on the legend stops the marks.
        h.get_by_label(lang.pick("停止标出差异", "Stop marking the differences"))
            .click();
        h.run_steps(3);
        assert!(h.query_by_label(legend).is_none());
    }
}

#[test]
fn a_scenario_from_the_targets_list_signs_the_ticked_candidate() {
    let lang = Lang::Zh;
    let mut h = sample(lang);
    let list =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_projects/zhashui-candidates.csv");
    let import = chainmap::targets::read_candidates(&list, &h.state().doc.project).unwrap();
    h.state_mut()
        .apply_edit(chainmap::edit::Edit::SetCandidates(import.candidates));
    h.run_steps(6);
    h.get_by_label("方案").click();
    h.run_steps(3);
    h.get_by_label("从招商清单新建方案…").click();
    h.run_steps(6);
    let first = h
        .get_all_by_role(Role::CheckBox)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("1. "))
        .expect("the ranked list in the window");
    let firm = first[3..].split(" — ").next().unwrap().to_owned();
    h.get_by_role_and_label(Role::CheckBox, &first).click();
    h.run_steps(2);
    h.get_by_label("新建并切换").click();
    h.run_steps(4);
    let doc = &h.state().doc;
    assert_eq!(doc.active_scenario(), Some("s1"));
    assert!(doc.project.nodes.values().any(|n| n.name == firm), "{firm}");
    assert!(!doc.base().nodes.values().any(|n| n.name == firm));
    let scenario = &doc.scenarios()["s1"];
    assert!(
        scenario.description.contains(&firm),
        "{}",
        scenario.description
    );
}
