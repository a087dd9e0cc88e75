//! Structure edits on a small hand-made project: two chains, three stages, four firms. Lanes
//! sit at column × 240: c1's 种植 at 0 and 加工 at 240, a gap column, then c2's 销售 at 720.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::{StageFirms, StructureEdit};
use crate::edit::{Change, Edit};
use crate::i18n::Lang;
use crate::model::{
    Chain, ChainId, Link, LinkId, Node, NodeId, Pos, Product, Project, Segment, Stage, StageId,
    View, ViewFilter, ViewId,
};

fn stage(id: &str, name: &str, segment: Segment) -> Stage {
    Stage {
        id: StageId::from(id),
        name: name.to_owned(),
        segment,
        ..Stage::default()
    }
}

fn firm(id: &str, stages: &[&str], x: f32, y: f32) -> Node {
    Node {
        id: NodeId::from(id),
        name: format!("企业{id}"),
        stages: stages.iter().map(|s| StageId::from(*s)).collect(),
        position: Some(Pos { x, y }),
        ..Node::default()
    }
}

fn project() -> Project {
    let mut p = Project::new("测试");
    let mut grow = stage("A", "种植", Segment::Upstream);
    grow.products = vec![
        Product {
            name: "菌包".to_owned(),
            required: true,
        },
        Product {
            name: "菌渣".to_owned(),
            required: false,
        },
    ];
    for (id, name, stages) in [
        (
            "c1",
            "木耳",
            vec![grow, stage("B", "加工", Segment::Midstream)],
        ),
        ("c2", "旅游", vec![stage("C", "销售", Segment::Downstream)]),
    ] {
        p.chains.insert(
            ChainId::from(id),
            Chain {
                id: ChainId::from(id),
                name: name.to_owned(),
                stages,
                ..Chain::default()
            },
        );
    }
    for node in [
        firm("n1", &["A"], 0.0, 0.0),
        firm("n2", &["A", "B"], 0.0, 90.0),
        firm("n3", &["B"], 240.0, 0.0),
        firm("n4", &["C"], 720.0, 0.0),
    ] {
        p.nodes.insert(node.id.clone(), node);
    }
    p.links.insert(
        LinkId::from("l1"),
        Link {
            id: LinkId::from("l1"),
            from: NodeId::from("n1"),
            to: NodeId::from("n3"),
            product: "菌包".to_owned(),
            ..Link::default()
        },
    );
    p
}

fn apply(p: &mut Project, edit: StructureEdit) -> Change {
    Edit::Structure(edit).apply(p).unwrap()
}

fn refused(p: &mut Project, edit: StructureEdit) -> String {
    let before = p.clone();
    let err = Edit::Structure(edit).apply(p).unwrap_err();
    assert_eq!(*p, before, "a refused edit leaves the project as it was");
    err.en
}

fn stage_ids(p: &Project) -> Vec<&str> {
    p.stages().map(|(_, s)| s.id.as_str()).collect()
}

fn pos(p: &Project, id: &str) -> (f32, f32) {
    let pos = p.nodes[&NodeId::from(id)].position.unwrap();
    (pos.x, pos.y)
}

fn stages_of<'p>(p: &'p Project, id: &str) -> Vec<&'p str> {
    p.nodes[&NodeId::from(id)]
        .stages
        .iter()
        .map(|s| s.as_str())
        .collect()
}

#[test]
fn a_chain_added_with_its_first_stage_is_one_step_and_goes_last() {
    let mut p = project();
    let before = p.clone();
    let chain = Chain {
        id: ChainId::from("c3"),
        name: "  茶叶 ".to_owned(),
        stages: vec![stage("D", "采茶", Segment::Upstream)],
        ..Chain::default()
    };
    let undo = apply(&mut p, StructureEdit::AddChain(chain));
    assert_eq!(
        p.chains[&ChainId::from("c3")].name,
        "茶叶",
        "names are trimmed"
    );
    assert_eq!(stage_ids(&p), ["A", "B", "C", "D"]);
    undo.apply(&mut p);
    assert_eq!(p, before);
}

#[test]
fn names_must_be_given_and_stage_names_and_ids_must_be_free() {
    let mut p = project();
    let add = |id: &str, name: &str| StructureEdit::AddStage {
        chain: ChainId::from("c1"),
        at: 9,
        stage: stage(id, name, Segment::Midstream),
    };
    assert_eq!(
        refused(&mut p, add("X", "  ")),
        "the stage name cannot be empty"
    );
    assert_eq!(
        refused(&mut p, add("X", "加工")),
        "chain \"木耳\" already has a stage named \"加工\""
    );
    // Stage ids are unique across chains: C belongs to 旅游.
    assert_eq!(
        refused(&mut p, add("C", "包装")),
        "stage id \"C\" is empty or already taken"
    );
    // The same name in another chain is fine.
    apply(
        &mut p,
        StructureEdit::AddStage {
            chain: ChainId::from("c2"),
            at: 0,
            stage: stage("X", "加工", Segment::Midstream),
        },
    );
    assert_eq!(stage_ids(&p), ["A", "B", "X", "C"]);
    let rename = StructureEdit::RenameChain {
        chain: ChainId::from("c1"),
        name: String::new(),
        name_en: "fungus".to_owned(),
    };
    assert_eq!(refused(&mut p, rename), "the chain name cannot be empty");
    let first = StructureEdit::AddChain(Chain {
        id: ChainId::from("c1"),
        name: "重复".to_owned(),
        ..Chain::default()
    });
    assert_eq!(
        refused(&mut p, first),
        "chain id \"c1\" is empty or already taken"
    );
}

#[test]
fn a_stage_added_before_others_moves_their_firms_with_their_lanes() {
    let mut p = project();
    let before = p.clone();
    let undo = apply(
        &mut p,
        StructureEdit::AddStage {
            chain: ChainId::from("c1"),
            at: 0,
            stage: stage("S0", "菌种", Segment::Upstream),
        },
    );
    assert_eq!(stage_ids(&p), ["S0", "A", "B", "C"]);
    // Every lane moved one column right: 种植 0 → 240, 加工 240 → 480, 销售 720 → 960.
    assert_eq!(pos(&p, "n1"), (240.0, 0.0));
    assert_eq!(pos(&p, "n2"), (240.0, 90.0));
    assert_eq!(pos(&p, "n3"), (480.0, 0.0));
    assert_eq!(pos(&p, "n4"), (960.0, 0.0));
    undo.apply(&mut p);
    assert_eq!(p, before, "undo puts back the chains and the firms");
}

#[test]
fn renaming_a_stage_sets_both_names_and_refuses_a_sibling_name() {
    let mut p = project();
    apply(
        &mut p,
        StructureEdit::RenameStage {
            stage: StageId::from("A"),
            name: "菌棒生产".to_owned(),
            name_en: " substrate ".to_owned(),
        },
    );
    let (_, a) = p.stage(&StageId::from("A")).unwrap();
    assert_eq!(
        (a.name.as_str(), a.name_en.as_str()),
        ("菌棒生产", "substrate")
    );
    let clash = StructureEdit::RenameStage {
        stage: StageId::from("A"),
        name: "加工".to_owned(),
        name_en: String::new(),
    };
    assert_eq!(
        refused(&mut p, clash),
        "chain \"木耳\" already has a stage named \"加工\""
    );
    // Its own name again is no clash.
    apply(
        &mut p,
        StructureEdit::RenameStage {
            stage: StageId::from("A"),
            name: "菌棒生产".to_owned(),
            name_en: String::new(),
        },
    );
}

#[test]
fn moving_a_stage_down_swaps_the_lanes_and_their_firms() {
    let mut p = project();
    apply(
        &mut p,
        StructureEdit::MoveStage {
            stage: StageId::from("A"),
            to: 1,
        },
    );
    assert_eq!(stage_ids(&p), ["B", "A", "C"]);
    // n2's main stage is A: it goes with A's lane to 240.
    assert_eq!(pos(&p, "n1"), (240.0, 0.0));
    assert_eq!(pos(&p, "n2"), (240.0, 90.0));
    assert_eq!(pos(&p, "n3"), (0.0, 0.0));
    assert_eq!(pos(&p, "n4"), (720.0, 0.0), "the other chain did not move");
}

#[test]
fn moving_a_chain_first_puts_its_lanes_first() {
    let mut p = project();
    apply(
        &mut p,
        StructureEdit::MoveChain {
            chain: ChainId::from("c2"),
            to: 0,
        },
    );
    assert_eq!(stage_ids(&p), ["C", "A", "B"]);
    // 销售 at column 0; 木耳 after a gap column: 种植 at 480, 加工 at 720.
    assert_eq!(pos(&p, "n4"), (0.0, 0.0));
    assert_eq!(pos(&p, "n1"), (480.0, 0.0));
    assert_eq!(pos(&p, "n3"), (720.0, 0.0));
}

#[test]
fn removing_a_stage_moves_its_firms_below_the_target_lanes_firms() {
    let mut p = project();
    let before = p.clone();
    let undo = apply(
        &mut p,
        StructureEdit::RemoveStage {
            stage: StageId::from("A"),
            firms: StageFirms::MoveTo(StageId::from("B")),
        },
    );
    assert_eq!(stage_ids(&p), ["B", "C"]);
    assert_eq!(stages_of(&p, "n1"), ["B"]);
    assert_eq!(stages_of(&p, "n2"), ["B"], "B is not listed twice");
    // 加工 is now column 0; n3 (y 0) shifts there, and n1, n2 arrive below it keeping their
    // order: the topmost (y 0) one row under n3.
    assert_eq!(pos(&p, "n3"), (0.0, 0.0));
    assert_eq!(pos(&p, "n1"), (0.0, 90.0));
    assert_eq!(pos(&p, "n2"), (0.0, 180.0));
    assert_eq!(pos(&p, "n4"), (480.0, 0.0));
    undo.apply(&mut p);
    assert_eq!(p, before, "undo restores the stage and its firms together");
}

#[test]
fn removing_a_stage_and_keeping_its_firms_takes_the_stage_off_them() {
    let mut p = project();
    p.views.insert(
        ViewId::from("v1"),
        View {
            id: ViewId::from("v1"),
            filter: ViewFilter {
                stages: vec![StageId::from("A"), StageId::from("C")],
                ..ViewFilter::default()
            },
            ..View::default()
        },
    );
    let before = p.clone();
    let undo = apply(
        &mut p,
        StructureEdit::RemoveStage {
            stage: StageId::from("A"),
            firms: StageFirms::Keep,
        },
    );
    assert!(stages_of(&p, "n1").is_empty());
    assert_eq!(pos(&p, "n1"), (0.0, 0.0), "a firm with no stage stays put");
    assert_eq!(stages_of(&p, "n2"), ["B"]);
    // n2 now has 加工 (column 0 now) as its main stage: it joins that lane under n3.
    assert_eq!(pos(&p, "n2"), (0.0, 90.0));
    assert_eq!(
        p.views[&ViewId::from("v1")].filter.stages,
        [StageId::from("C")]
    );
    undo.apply(&mut p);
    assert_eq!(p, before);
}

#[test]
fn removing_a_chain_moves_its_firms_to_a_stage_of_another_chain_only() {
    let mut p = project();
    let into_own = StructureEdit::RemoveChain {
        chain: ChainId::from("c1"),
        firms: StageFirms::MoveTo(StageId::from("B")),
    };
    assert_eq!(
        refused(&mut p, into_own),
        "firms cannot move to stage \"B\": it does not exist or is being removed"
    );
    let before = p.clone();
    let undo = apply(
        &mut p,
        StructureEdit::RemoveChain {
            chain: ChainId::from("c1"),
            firms: StageFirms::MoveTo(StageId::from("C")),
        },
    );
    assert_eq!(stage_ids(&p), ["C"]);
    for id in ["n1", "n2", "n3", "n4"] {
        assert_eq!(stages_of(&p, id), ["C"], "{id}");
    }
    assert_eq!(pos(&p, "n4"), (0.0, 0.0));
    // They arrive one row each under n4, top to bottom and left to right as they were:
    // n1 (0, 0), n3 (240, 0), n2 (0, 90).
    assert_eq!(pos(&p, "n1"), (0.0, 90.0));
    assert_eq!(pos(&p, "n3"), (0.0, 180.0));
    assert_eq!(pos(&p, "n2"), (0.0, 270.0));
    undo.apply(&mut p);
    assert_eq!(p, before);
}

#[test]
fn products_are_added_renamed_with_their_links_required_moved_and_removed() {
    let mut p = project();
    let a = || StageId::from("A");
    let products = |p: &Project| -> Vec<(String, bool)> {
        p.stage(&StageId::from("A"))
            .unwrap()
            .1
            .products
            .iter()
            .map(|x| (x.name.clone(), x.required))
            .collect()
    };
    let add = |name: &str| StructureEdit::AddProduct {
        stage: a(),
        at: 1,
        product: Product {
            name: name.to_owned(),
            required: false,
        },
    };
    assert_eq!(
        refused(&mut p, add("菌渣")),
        "the stage already has a product \"菌渣\""
    );
    apply(&mut p, add("木屑"));
    let before = p.clone();
    let undo = apply(
        &mut p,
        StructureEdit::RenameProduct {
            stage: a(),
            product: "菌包".to_owned(),
            name: "菌棒".to_owned(),
        },
    );
    assert_eq!(
        p.links[&LinkId::from("l1")].product,
        "菌棒",
        "n1 works in 种植 and delivers it: its link follows"
    );
    undo.apply(&mut p);
    assert_eq!(p, before);
    apply(
        &mut p,
        StructureEdit::SetRequired {
            stage: a(),
            product: "木屑".to_owned(),
            required: true,
        },
    );
    apply(
        &mut p,
        StructureEdit::MoveProduct {
            stage: a(),
            product: "菌渣".to_owned(),
            to: 0,
        },
    );
    apply(
        &mut p,
        StructureEdit::RemoveProduct {
            stage: a(),
            product: "菌包".to_owned(),
        },
    );
    assert_eq!(
        products(&p),
        [("菌渣".to_owned(), false), ("木屑".to_owned(), true)]
    );
    let gone = StructureEdit::RemoveProduct {
        stage: a(),
        product: "菌包".to_owned(),
    };
    assert_eq!(refused(&mut p, gone), "product \"菌包\" does not exist");
}

#[test]
fn a_segment_change_is_one_edit_with_a_readable_label() {
    let mut p = project();
    let edit = StructureEdit::SetSegment {
        stage: StageId::from("B"),
        segment: Segment::Support,
    };
    assert_eq!(edit.label(&p, Lang::Zh), "将环节“加工”设为支撑");
    assert_eq!(edit.label(&p, Lang::En), "make stage \"加工\" support");
    apply(&mut p, edit);
    assert_eq!(
        p.stage(&StageId::from("B")).unwrap().1.segment,
        Segment::Support
    );
    // A support stage sits after a gap column: 加工 moves from 240 to 480, n3 with it.
    assert_eq!(pos(&p, "n3"), (480.0, 0.0));
    let remove = StructureEdit::RemoveStage {
        stage: StageId::from("A"),
        firms: StageFirms::Keep,
    };
    assert_eq!(remove.label(&p, Lang::Zh), "删除环节“种植”");
    assert_eq!(remove.label(&p, Lang::En), "delete stage \"种植\"");
    let required = StructureEdit::SetRequired {
        stage: StageId::from("A"),
        product: "菌渣".to_owned(),
        required: true,
    };
    assert_eq!(required.label(&p, Lang::Zh), "将产品“菌渣”设为必需");
}

#[test]
fn a_stage_land_use_is_set_cleared_and_undone_with_a_readable_label() {
    let mut p = project();
    let stage_b = StageId::from("B");
    let edit = StructureEdit::SetLandUse {
        stage: stage_b.clone(),
        land_use: Some(crate::model::LandUse::EcoCompatible),
    };
    assert_eq!(
        edit.label(&p, Lang::Zh),
        "将环节“加工”的用地类型设为生态相容"
    );
    assert_eq!(
        edit.label(&p, Lang::En),
        "set the land use of stage \"加工\" to eco-compatible"
    );
    let undo = apply(&mut p, edit);
    assert_eq!(
        p.stage(&stage_b).unwrap().1.land_use,
        Some(crate::model::LandUse::EcoCompatible)
    );
    undo.apply(&mut p);
    assert_eq!(p.stage(&stage_b).unwrap().1.land_use, None);
    let missing = StructureEdit::SetLandUse {
        stage: StageId::from("nope"),
        land_use: None,
    };
    assert!(!refused(&mut p, missing).is_empty());
}
