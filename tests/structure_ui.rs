//! Structure editing driven headless with egui_kittest, as a new user does it: from an empty
//! project, the empty canvas's first stage, chains, stages and products made and renamed in the
//! outline and on lane headers, reordered, given a segment and made required (which gap analysis
//! then sees), a stage with a firm deleted with each answer (and undone), the stage inspector.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::document::Document;
use chainmap::i18n::Lang;
use chainmap::model::{
    Chain, ChainId, Node, NodeId, Pos, Product, Project, Segment, Stage, StageId,
};
use chainmap::ui::ChainmapApp;
use chainmap::ui::state::Settings;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type App = Harness<'static, ChainmapApp>;

fn harness_with(project: Project, lang: Lang) -> App {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            let settings = Settings {
                lang,
                show_analysis: true,
                ..Settings::default()
            };
            ChainmapApp::headless(&cc.egui_ctx, Document::new(project), settings)
        });
    harness.run_steps(3);
    harness
}

fn empty(lang: Lang) -> App {
    let mut project = Project::new("柞水木耳");
    project.meta.county = "柞水县".to_owned();
    harness_with(project, lang)
}

fn project(harness: &App) -> &Project {
    &harness.state().doc.project
}

fn step(harness: &mut App) {
    harness.run_steps(3);
}

fn click(harness: &mut App, label: &str) {
    harness.get_by_label(label).click();
    step(harness);
}

fn right_click(harness: &mut App, label: &str) {
    harness.get_by_label(label).click_secondary();
    step(harness);
}

/// Types into the field that has the keyboard (its text selected, so it is replaced) and
/// presses Enter.
fn type_and_enter(harness: &mut App, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    step(harness);
}

fn undo(harness: &mut App) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    step(harness);
}

/// (id, name, segment) of every stage, in chain order.
fn stages(harness: &App) -> Vec<(String, String, Segment)> {
    project(harness)
        .stages()
        .map(|(_, s)| (s.id.to_string(), s.name.clone(), s.segment))
        .collect()
}

fn products(harness: &App, stage: &str) -> Vec<(String, bool)> {
    project(harness)
        .stage(&StageId::from(stage))
        .unwrap()
        .1
        .products
        .iter()
        .map(|p| (p.name.clone(), p.required))
        .collect()
}

fn lane(id: &str, name: &str) -> String {
    format!("环节 {id} {name}")
}

fn undo_label(harness: &App) -> String {
    harness
        .state()
        .doc
        .undo_label(Lang::Zh)
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_empty_canvas_offers_the_first_stage_and_opens_it_for_naming() {
    let mut harness = empty(Lang::Zh);
    harness.get_by_label("从第一个环节开始");
    click(&mut harness, "＋ 添加第一个环节");
    let chains = project(&harness).chains_in_order();
    assert_eq!(chains.len(), 1);
    assert_eq!(
        chains[0].name, "柞水木耳",
        "the chain is named after the project"
    );
    assert_eq!(
        stages(&harness),
        [("U1".to_owned(), "环节 1".to_owned(), Segment::Upstream)]
    );
    assert_eq!(
        harness.state().doc.undo_depth(),
        1,
        "chain and stage: one step"
    );
    assert_eq!(
        harness.state().ui.selection.stage,
        Some(StageId::from("U1"))
    );
    // The name field on the lane header has the keyboard with the default name selected.
    type_and_enter(&mut harness, "菌种");
    assert_eq!(stages(&harness)[0].1, "菌种");
    assert_eq!(undo_label(&harness), "重命名环节“环节 1”");
    assert!(
        harness.query_by_label("从第一个环节开始").is_none(),
        "the card is gone once there is a stage"
    );
    // The lane's header is there, and the inspector shows the stage.
    harness.get_by_label(&lane("U1", "菌种"));
    assert_eq!(
        harness.get_by_label("名称").value().as_deref(),
        Some("菌种")
    );
}

#[test]
fn the_empty_canvas_imports_spreadsheets() {
    let mut harness = empty(Lang::En);
    harness.get_by_label("Start with the first stage");
    click(&mut harness, "Import spreadsheets…");
    assert!(harness.state().import.open, "the import dialog opened");
    harness.get_by_label("Import spreadsheets");
}

#[test]
fn a_chain_is_built_in_the_outline_and_on_lane_headers_and_gap_analysis_sees_it() {
    let mut harness = empty(Lang::Zh);
    // A chain from the outline's ＋, named at once.
    click(&mut harness, "＋ 产业链");
    assert_eq!(project(&harness).chains.len(), 1);
    type_and_enter(&mut harness, "木耳");
    assert_eq!(project(&harness).chains[&ChainId::from("c1")].name, "木耳");
    // A stage from the chain's ＋, then a second one.
    click(&mut harness, "＋ 环节");
    type_and_enter(&mut harness, "菌种");
    click(&mut harness, "＋ 环节");
    type_and_enter(&mut harness, "栽培");
    assert_eq!(
        stages(&harness),
        [
            ("U1".to_owned(), "菌种".to_owned(), Segment::Upstream),
            ("U2".to_owned(), "栽培".to_owned(), Segment::Upstream),
        ]
    );
    // A product from the stage row's menu, renamed in the outline, then made required.
    right_click(&mut harness, "U1 菌种 (0)");
    click(&mut harness, "添加产品");
    type_and_enter(&mut harness, "菌包");
    right_click(&mut harness, "菌包");
    click(&mut harness, "必需(缺了就是缺口)");
    assert_eq!(products(&harness, "U1"), [("菌包".to_owned(), true)]);
    assert_eq!(undo_label(&harness), "将产品“菌包”设为必需");
    // A stage after 栽培 from its lane header's menu, named on the header.
    right_click(&mut harness, &lane("U2", "栽培"));
    click(&mut harness, "在右侧添加环节");
    type_and_enter(&mut harness, "加工");
    // Its segment from the header's menu.
    right_click(&mut harness, &lane("U3", "加工"));
    harness.get_by_label("环节类别").hover();
    step(&mut harness);
    click(&mut harness, "中游");
    assert_eq!(
        stages(&harness)[2],
        ("U3".to_owned(), "加工".to_owned(), Segment::Midstream)
    );
    // Reorder in the outline: 加工 up, before 栽培.
    right_click(&mut harness, "U3 加工 (0)");
    click(&mut harness, "上移");
    let order: Vec<String> = stages(&harness).into_iter().map(|s| s.0).collect();
    assert_eq!(order, ["U1", "U3", "U2"]);
    assert_eq!(undo_label(&harness), "移动环节“加工”");
    // Gap analysis: the required product has no supplier, so it is a gap.
    let gaps = &harness.state().analysis().expect("analysis").gaps;
    assert!(
        gaps.iter().any(|g| g.product.as_deref() == Some("菌包")),
        "{gaps:?}"
    );
    harness.get_by_label(&format!("缺口 ({})", gaps.len()));
}

#[test]
fn renaming_in_place_commits_on_enter_and_escape_keeps_the_old_name() {
    let mut harness = empty(Lang::Zh);
    click(&mut harness, "＋ 产业链");
    harness.key_press(Key::Escape);
    step(&mut harness);
    assert_eq!(
        project(&harness).chains[&ChainId::from("c1")].name,
        "产业链 1"
    );
    assert_eq!(
        harness.state().doc.undo_depth(),
        1,
        "only the chain was added"
    );
    // Rename from the chain's menu.
    right_click(&mut harness, "产业链 1");
    click(&mut harness, "重命名");
    type_and_enter(&mut harness, "茶叶");
    assert_eq!(project(&harness).chains[&ChainId::from("c1")].name, "茶叶");
    // A second chain goes last; moved up, it comes first.
    click(&mut harness, "＋ 产业链");
    type_and_enter(&mut harness, "木耳");
    let names = |h: &App| -> Vec<String> {
        project(h)
            .chains_in_order()
            .iter()
            .map(|c| c.name.clone())
            .collect()
    };
    assert_eq!(names(&harness), ["茶叶", "木耳"]);
    right_click(&mut harness, "木耳");
    click(&mut harness, "上移");
    assert_eq!(names(&harness), ["木耳", "茶叶"]);
    undo(&mut harness);
    assert_eq!(names(&harness), ["茶叶", "木耳"]);
    // An empty name is refused and said so.
    right_click(&mut harness, "木耳");
    click(&mut harness, "重命名");
    harness.key_press(Key::Backspace);
    type_and_enter(&mut harness, "");
    assert_eq!(names(&harness), ["茶叶", "木耳"]);
    let message = harness.state().ui.message.clone().unwrap();
    assert!(
        message.is_error && message.text.contains("产业链名称不能为空"),
        "{message:?}"
    );
}

/// A chain 木耳 with stages 菌种 (U1, with firm n1) and 栽培 (U2), the firm at U1's lane.
fn with_a_firm() -> Project {
    let mut p = Project::new("测试");
    let stage = |id: &str, name: &str| Stage {
        id: StageId::from(id),
        name: name.to_owned(),
        products: vec![Product {
            name: format!("{name}产品"),
            required: false,
        }],
        ..Stage::default()
    };
    p.chains.insert(
        ChainId::from("c1"),
        Chain {
            id: ChainId::from("c1"),
            name: "木耳".to_owned(),
            stages: vec![stage("U1", "菌种"), stage("U2", "栽培")],
            ..Chain::default()
        },
    );
    let firm = Node {
        id: NodeId::from("n1"),
        name: "菌种公司".to_owned(),
        stages: vec![StageId::from("U1")],
        position: Some(Pos { x: 0.0, y: 0.0 }),
        ..Node::default()
    };
    p.nodes.insert(firm.id.clone(), firm);
    p
}

fn firm_stages(harness: &App) -> Vec<StageId> {
    project(harness).nodes[&NodeId::from("n1")].stages.clone()
}

#[test]
fn deleting_a_stage_with_a_firm_asks_and_each_answer_is_one_undo_step() {
    let mut harness = harness_with(with_a_firm(), Lang::Zh);
    let before = project(&harness).clone();

    // Move it to another stage (the default answer: the stage next to it).
    right_click(&mut harness, &lane("U1", "菌种"));
    click(&mut harness, "删除环节…");
    harness.get_by_label("删除环节“菌种”");
    click(&mut harness, "删除");
    assert_eq!(stages(&harness).len(), 1);
    assert_eq!(firm_stages(&harness), [StageId::from("U2")]);
    assert_eq!(
        project(&harness).nodes[&NodeId::from("n1")].position,
        Some(Pos { x: 0.0, y: 0.0 }),
        "栽培's lane is now the first: the firm is in it"
    );
    assert_eq!(undo_label(&harness), "删除环节“菌种”");
    undo(&mut harness);
    assert_eq!(
        *project(&harness),
        before,
        "one undo restores stage and firm"
    );

    // Keep it, without the stage (from the outline's menu this time).
    right_click(&mut harness, "U1 菌种 (1)");
    click(&mut harness, "删除环节…");
    click(&mut harness, "保留企业,只去掉这个环节");
    click(&mut harness, "删除");
    assert!(firm_stages(&harness).is_empty());
    harness.get_by_label("未归环节 (1)");
    undo(&mut harness);
    assert_eq!(*project(&harness), before);

    // Cancel: nothing changes (from the stage inspector's button).
    click(&mut harness, &lane("U1", "菌种"));
    click(&mut harness, "删除环节…");
    click(&mut harness, "取消");
    assert_eq!(*project(&harness), before);
    assert_eq!(harness.state().doc.undo_depth(), 0);
    assert!(harness.query_by_label("删除环节“菌种”").is_none());

    // Esc cancels the question only: the stage stays selected.
    click(&mut harness, "删除环节…");
    harness.get_by_label("删除环节“菌种”");
    harness.key_press(Key::Escape);
    step(&mut harness);
    assert!(harness.query_by_label("删除环节“菌种”").is_none());
    assert_eq!(*project(&harness), before);
    assert_eq!(
        harness.state().ui.selection.stage,
        Some(StageId::from("U1")),
        "Esc closed the question, not the selection"
    );

    // The whole chain, from its outline row: no other chain to move the firm to, so it is kept
    // without a stage. (Esc first: the inspector leaves the stage, whose chain it names.)
    harness.key_press(Key::Escape);
    step(&mut harness);
    right_click(&mut harness, "木耳");
    click(&mut harness, "删除产业链…");
    harness.get_by_label("删除产业链“木耳”");
    click(&mut harness, "删除");
    assert!(project(&harness).chains.is_empty());
    assert!(firm_stages(&harness).is_empty());
    assert_eq!(undo_label(&harness), "删除产业链“木耳”");
    undo(&mut harness);
    assert_eq!(*project(&harness), before);
}

#[test]
fn the_stage_inspector_edits_names_segment_and_products_and_lists_the_firms() {
    let mut harness = harness_with(with_a_firm(), Lang::En);
    click(&mut harness, &format!("Stage U1 {}", "菌种"));
    assert_eq!(
        harness.state().ui.selection.stage,
        Some(StageId::from("U1"))
    );
    // The English name, typed into its field.
    harness.get_by_label("English name").click();
    step(&mut harness);
    type_and_enter(&mut harness, "spawn");
    let u1 = |h: &App| project(h).stage(&StageId::from("U1")).unwrap().1.clone();
    assert_eq!(u1(&harness).name_en, "spawn");
    assert_eq!(u1(&harness).name, "菌种", "the Chinese name stays");
    // English shows the English name: on the lane and in the inspector.
    harness.get_by_label("Stage U1 spawn");
    // A product added here takes the keyboard with its default name selected.
    click(&mut harness, "＋ Add product");
    type_and_enter(&mut harness, "mother spawn");
    assert_eq!(
        products(&harness, "U1"),
        [
            ("菌种产品".to_owned(), false),
            ("mother spawn".to_owned(), false)
        ]
    );
    // Required, moved up, the other removed.
    harness.get_all_by_label("Required").nth(1).unwrap().click();
    step(&mut harness);
    harness.get_all_by_label("↑").nth(1).unwrap().click();
    step(&mut harness);
    assert_eq!(
        products(&harness, "U1"),
        [
            ("mother spawn".to_owned(), true),
            ("菌种产品".to_owned(), false)
        ]
    );
    harness.get_all_by_label("✕").nth(1).unwrap().click();
    step(&mut harness);
    assert_eq!(
        products(&harness, "U1"),
        [("mother spawn".to_owned(), true)]
    );
    assert_eq!(
        harness.state().doc.undo_label(Lang::En),
        Some("delete product \"菌种产品\"")
    );
    // A product added from the lane header's menu is named in the inspector.
    right_click(&mut harness, "Stage U1 spawn");
    click(&mut harness, "Add product");
    type_and_enter(&mut harness, "culture");
    assert_eq!(
        products(&harness, "U1"),
        [
            ("mother spawn".to_owned(), true),
            ("culture".to_owned(), false)
        ]
    );
    // The segment.
    harness.get_by_label("Segment").click();
    step(&mut harness);
    click(&mut harness, "Support");
    assert_eq!(u1(&harness).segment, Segment::Support);
    // What it does for the 加工产值比: inferred until chosen, one undo step.
    assert_eq!(u1(&harness).activity, None);
    harness.get_by_label("Activity").click();
    step(&mut harness);
    click(&mut harness, "Processing");
    assert_eq!(
        u1(&harness).activity,
        Some(chainmap::model::StageActivity::Processing)
    );
    let label = harness
        .state()
        .doc
        .undo_label(Lang::En)
        .unwrap_or_default()
        .to_owned();
    assert!(label.ends_with("\" processing"), "{label}");
    // The firm in it (the row in the right-hand inspector, not the node on the canvas): a
    // click selects it, and the inspector shows the firm instead.
    let canvas_right = harness.state().ui.canvas_rect.unwrap().right();
    harness
        .get_all_by_label("菌种公司")
        .find(|n| n.rect().left() > canvas_right)
        .expect("the firm's row in the inspector")
        .click();
    step(&mut harness);
    let selection = &harness.state().ui.selection;
    assert!(selection.nodes.contains(&NodeId::from("n1")));
    assert_eq!(selection.stage, None);
    assert_eq!(
        harness.get_by_label("Name").value().as_deref(),
        Some("菌种公司")
    );
}
