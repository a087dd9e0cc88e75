//! The inspector and the analysis panel driven headless with egui_kittest on the bundled
//! sample, as a user drives them: what a field shows after an undo, what one drag or one
//! combined change costs in undo steps, typed text staying with its item, and analysis rows
//! changing what the canvas lights up.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{LinkId, NodeId};
use chainmap::ui::ChainmapApp;
use chainmap::ui::state::{Highlight, Selection, UiAction};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

/// 木耳休闲食品公司: 2024 figures with tax 210, at x = 1680.
const SNACKS: &str = "E24";
const SNACKS_NAME: &str = "木耳休闲食品公司";
/// 菌种公司A.
const SPAWN: &str = "E01";

fn harness(lang: Lang) -> Harness<'static, ChainmapApp> {
    harness_of_height(lang, 900.0)
}

fn harness_of_height(lang: Lang, height: f32) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, height))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    // These tests work in the panels: open the ones a first start on a laptop folds.
    harness.state_mut().ui.settings.show_outline = true;
    harness.state_mut().ui.settings.show_analysis = true;
    harness.run_steps(3);
    harness
}

/// Changes what is on show the way the palette, the outline or an analysis row does.
fn act(harness: &mut Harness<'static, ChainmapApp>, action: UiAction) {
    harness.state_mut().run_action(action);
    harness.run_steps(2);
}

fn show_node(harness: &mut Harness<'static, ChainmapApp>, id: &str) {
    act(harness, UiAction::ShowNode(NodeId::from(id)));
}

/// Clicks the field labelled `label`, selects all its text and types `text` (no Enter).
fn type_into(harness: &mut Harness<'static, ChainmapApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(1);
}

fn undo(harness: &mut Harness<'static, ChainmapApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
}

fn field(harness: &Harness<'static, ChainmapApp>, label: &str) -> String {
    harness.get_by_label(label).value().unwrap_or_default()
}

fn node_name(harness: &Harness<'static, ChainmapApp>, id: &str) -> String {
    harness.state().doc.project.nodes[&NodeId::from(id)]
        .name
        .clone()
}

fn tax_2024(harness: &Harness<'static, ChainmapApp>) -> Option<Decimal> {
    harness.state().doc.project.nodes[&NodeId::from(SNACKS)].figures[&2024].tax
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn undo_of_a_rename_shows_the_old_name_and_enter_does_not_apply_it_again() {
    let mut harness = harness(Lang::En);
    harness.get_by_label(SNACKS_NAME).click();
    harness.run_steps(2);
    assert_eq!(field(&harness, "Name"), SNACKS_NAME);
    type_into(&mut harness, "Name", "木耳零食公司");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(node_name(&harness, SNACKS), "木耳零食公司");
    assert_eq!(harness.state().doc.undo_depth(), 1);
    assert!(
        !harness.get_by_label("Name").is_focused(),
        "Enter left the field"
    );

    undo(&mut harness);
    assert_eq!(node_name(&harness, SNACKS), SNACKS_NAME);
    assert_eq!(
        field(&harness, "Name"),
        SNACKS_NAME,
        "the field shows the undone name"
    );

    // Into the field and out with Enter: nothing to apply, so the redo stays.
    harness.get_by_label("Name").click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(node_name(&harness, SNACKS), SNACKS_NAME);
    assert_eq!(harness.state().doc.undo_depth(), 0);
    assert_eq!(
        harness.state().doc.redo_label(Lang::En),
        Some("edit \"木耳休闲食品公司\"")
    );
}

#[test]
fn a_figure_edit_undone_shows_the_old_figure_and_bad_text_is_refused() {
    let mut harness = harness(Lang::En);
    show_node(&mut harness, SNACKS);
    assert_eq!(field(&harness, "Tax (10k yuan)"), "210");
    type_into(&mut harness, "Tax (10k yuan)", "250.5");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(tax_2024(&harness), Some(dec("250.5")));
    assert_eq!(field(&harness, "Tax (10k yuan)"), "250.5");

    undo(&mut harness);
    assert_eq!(tax_2024(&harness), Some(dec("210")));
    assert_eq!(field(&harness, "Tax (10k yuan)"), "210");

    // Text that is not an amount: told while typing, refused on Enter, the figure kept.
    type_into(&mut harness, "Tax (10k yuan)", "-5");
    harness.get_by_label("Enter a number, not negative");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(tax_2024(&harness), Some(dec("210")));
    assert_eq!(field(&harness, "Tax (10k yuan)"), "210");
    assert_eq!(harness.state().doc.undo_depth(), 0);
    let message = harness.state().ui.message.clone().expect("told why");
    assert!(message.is_error);
    assert!(
        message.text.starts_with("Tax (10k yuan): “-5”"),
        "{}",
        message.text
    );

    // Emptied: not known, which is not zero.
    type_into(&mut harness, "Tax (10k yuan)", "  ");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(tax_2024(&harness), None);
}

#[test]
fn the_data_year_is_ready_to_type_into_with_each_unit_shown() {
    // 县外菌袋耗材供应商X has no figures at all; the project's data year is 2024 (its latest).
    let mut harness = harness(Lang::Zh);
    show_node(&mut harness, "E04");
    harness.get_by_label_contains("2024 (数据年份)");
    for label in ["产值(万元)", "税收(万元)", "用地(亩)", "从业人员(人)"] {
        assert_eq!(field(&harness, label), "", "{label} is there, empty");
    }
    assert!(
        harness.query_by_label("年度数据(万元)").is_none(),
        "no money unit over land and people"
    );
    type_into(&mut harness, "产值(万元)", "2100");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let figures = &harness.state().doc.project.nodes[&NodeId::from("E04")].figures;
    assert_eq!(figures[&2024].output, Some(dec("2100")));
    assert_eq!(harness.state().doc.undo_depth(), 1, "one step");
    undo(&mut harness);
    assert!(
        harness.state().doc.project.nodes[&NodeId::from("E04")]
            .figures
            .is_empty(),
        "undo takes the year away again"
    );
    assert_eq!(field(&harness, "产值(万元)"), "");
}

#[test]
fn one_drag_of_the_position_is_one_undo_step() {
    let mut harness = harness(Lang::En);
    let id = NodeId::from(SNACKS);
    show_node(&mut harness, SNACKS);
    let before = harness.state().doc.project.nodes[&id].position.unwrap();
    assert_eq!(before.x, 1680.0);
    let start = harness.get_by_label("x").rect().center();
    harness.hover_at(start);
    harness.run_steps(1);
    harness.drag_at(start);
    harness.run_steps(1);
    for i in 1..=6 {
        harness.hover_at(start + egui::vec2(10.0 * i as f32, 0.0));
        harness.run_steps(1);
    }
    harness.drop_at(start + egui::vec2(60.0, 0.0));
    harness.run_steps(2);
    let after = harness.state().doc.project.nodes[&id].position.unwrap();
    assert!(
        after.x >= before.x + 30.0,
        "dragged right: {before:?} → {after:?}"
    );
    assert_eq!(after.y, before.y);
    assert_eq!(harness.state().doc.undo_depth(), 1, "six changes, one step");
    assert_eq!(
        harness.state().doc.undo_label(Lang::En),
        Some("move \"木耳休闲食品公司\"")
    );

    undo(&mut harness);
    assert_eq!(
        harness.state().doc.project.nodes[&id].position.unwrap(),
        before
    );
    assert_eq!(harness.state().doc.undo_depth(), 0);
}

#[test]
fn text_typed_for_one_node_never_shows_on_another() {
    // The whole form in view (its English labels wrap to two lines): a tall window, the
    // analysis folded to its line.
    let mut harness = harness_of_height(Lang::En, 1100.0);
    harness.state_mut().ui.settings.show_analysis = false;
    harness.run_steps(3);
    show_node(&mut harness, SNACKS);
    type_into(&mut harness, "Add year", "2023");
    // Leaving a field commits it, so the name is typed last and still has the keyboard.
    type_into(&mut harness, "Name", "半截名字");
    assert_eq!(field(&harness, "Name"), "半截名字");
    assert_eq!(field(&harness, "Add year"), "2023");

    // Another node is put on show (palette, outline) while typing.
    show_node(&mut harness, SPAWN);
    assert_eq!(field(&harness, "Name"), "菌种公司A");
    assert_eq!(field(&harness, "Add year"), "");
    assert_eq!(field(&harness, "Tax (10k yuan)"), "95");

    // Back again: the document's name, not the half-typed one.
    show_node(&mut harness, SNACKS);
    assert_eq!(field(&harness, "Name"), SNACKS_NAME);
    assert_eq!(node_name(&harness, SNACKS), SNACKS_NAME);
    assert_eq!(node_name(&harness, SPAWN), "菌种公司A");
    assert_eq!(harness.state().doc.undo_depth(), 0);
}

#[test]
fn the_link_inspector_edits_a_value_and_undo_restores_it() {
    let mut harness = harness(Lang::En);
    let id = LinkId::from("F01");
    let mut only = Selection::default();
    only.links.insert(id.clone());
    act(&mut harness, UiAction::Select(only));
    assert_eq!(field(&harness, "Value per year"), "120");
    type_into(&mut harness, "Value per year", "150");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(
        harness.state().doc.project.links[&id].value,
        Some(dec("150"))
    );
    assert_eq!(harness.state().doc.undo_depth(), 1);

    undo(&mut harness);
    assert_eq!(
        harness.state().doc.project.links[&id].value,
        Some(dec("120"))
    );
    assert_eq!(field(&harness, "Value per year"), "120");
    assert_eq!(field(&harness, "Note"), "订单收购");
}

#[test]
fn a_change_to_several_nodes_is_one_undo_step() {
    let mut harness = harness(Lang::En);
    let ids = ["E01", "E03", SNACKS].map(NodeId::from);
    let pinned = |h: &Harness<'static, ChainmapApp>| {
        ids.iter()
            .map(|id| h.state().doc.project.nodes[id].pinned)
            .collect::<Vec<_>>()
    };
    assert_eq!(pinned(&harness), [false; 3]);
    let mut many = Selection::default();
    many.nodes.extend(ids.iter().cloned());
    act(&mut harness, UiAction::Select(many));
    harness.get_by_label("3 nodes and 0 links selected");
    harness.get_by_label("layouts leave them in place").click();
    harness.run_steps(2);
    assert_eq!(pinned(&harness), [true; 3]);
    assert_eq!(harness.state().doc.undo_depth(), 1);

    undo(&mut harness);
    assert_eq!(pinned(&harness), [false; 3]);
    assert_eq!(harness.state().doc.undo_depth(), 0);
}

#[test]
fn a_gaps_row_lights_up_the_canvas_and_a_leader_row_selects_the_firm() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("缺口").click();
    harness.run_steps(2);
    let before = harness.state().ui.selection.clone();
    // Gaps come by priority (issue 18): this one is among the first in view.
    let row = "环节“物流配送”没有规上、专精特新或高新企业";
    harness.get_by_label(row).click();
    harness.run_steps(2);
    let h = harness.state().ui.highlight.clone().expect("a highlight");
    assert_eq!(
        h.stages.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        ["D3"]
    );
    // The stage's local firm (issue 16: weak capability).
    assert!(h.nodes.contains(&NodeId::from("E33")), "{h:?}");
    assert!(h.danger.is_empty());
    assert_eq!(
        harness.state().ui.selection,
        before,
        "a gap row selects nothing"
    );
    harness.get_by_label("清除突出显示").click();
    harness.run_steps(2);
    assert!(harness.state().ui.highlight.is_none());

    // A leader row selects the firm: the inspector shows it, the canvas lights it up.
    harness.get_by_label("链主").click();
    harness.run_steps(2);
    // The row in the panel at the bottom, not the node on the canvas above it.
    harness
        .query_all_by_label("链主食品集团(县外引进)")
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap()
        .click();
    harness.run_steps(2);
    let leader = NodeId::from("E23");
    assert_eq!(
        harness
            .state()
            .ui
            .selection
            .nodes
            .iter()
            .collect::<Vec<_>>(),
        [&leader]
    );
    assert_eq!(
        harness.state().ui.highlight,
        Some(Highlight {
            nodes: [leader].into(),
            ..Highlight::default()
        })
    );
    assert_eq!(field(&harness, "名称"), "链主食品集团(县外引进)");
}

#[test]
fn a_firms_credit_code_and_products_are_typed_in_the_inspector() {
    let mut harness = harness(Lang::En);
    show_node(&mut harness, "E06");
    // Typed as people copy it from a licence: spaces, lower case.
    type_into(&mut harness, "Credit code", "91610000 ma6tg1234x");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let node = &harness.state().doc.project.nodes[&NodeId::from("E06")];
    assert_eq!(node.credit_code, "91610000MA6TG1234X");
    // Its check character is wrong: said on the firm, not refused.
    harness.get_by_label_contains("check character");
    type_into(&mut harness, "Products", "菌包、 栽培种 ,菌包");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let node = &harness.state().doc.project.nodes[&NodeId::from("E06")];
    assert_eq!(node.products, ["菌包", "栽培种"], "each once");
    assert_eq!(harness.state().doc.undo_depth(), 2, "one step each");
    undo(&mut harness);
    assert!(
        harness.state().doc.project.nodes[&NodeId::from("E06")]
            .products
            .is_empty()
    );
}
