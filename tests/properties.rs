//! Properties checked on many random cases (proptest): random edit sequences undo back to the
//! exact project; random projects survive the file unchanged; random agreements split every
//! amount without losing or making a cent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::document::Document;
use chainmap::edit::Edit;
use chainmap::file::{LoadOptions, load_str, to_json};
use chainmap::model::{
    Chain, ChainId, Figures, Link, LinkId, LinkKind, Node, NodeId, NodeKind, Pos, Product, Project,
    ProjectMeta, Segment, Stage, StageId, View, ViewId,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn sample() -> Project {
    chainmap::file::load_path(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("sample_projects/zhashui-fungus.chainmap.json"),
        LoadOptions::default(),
    )
    .unwrap()
    .project
}

/// Names as users type them: Chinese, Latin, digits, punctuation, quotes, an emoji.
fn name() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::char::range('一', '龥'),
            proptest::char::range('a', 'z'),
            proptest::sample::select(vec![
                ' ', '(', ')', '(', ')', '"', '\'', '\\', '/', '·', '—', '&', '<', '🍄'
            ]),
        ],
        1..12,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

/// An exact amount: up to 12 digits, up to 6 decimals, either sign.
fn amount() -> impl Strategy<Value = Decimal> {
    (-999_999_999_999i64..999_999_999_999, 0u32..7).prop_map(|(m, s)| Decimal::new(m, s))
}

/// An edit in the abstract: indices are taken modulo what the project has when it is applied.
#[derive(Debug, Clone)]
enum Op {
    AddNode(usize, String, f32, f32),
    Rename(usize, String),
    Move(usize, f32, f32),
    SetOutput(usize, i32, Decimal),
    Remove(usize),
    AddLink(usize, usize, Decimal),
    RemoveLink(usize),
    SetMeta(String),
    SaveView(String),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..10, name(), -2000f32..2000.0, -500f32..1500.0)
            .prop_map(|(k, n, x, y)| Op::AddNode(k, n, x, y)),
        (any::<usize>(), name()).prop_map(|(i, n)| Op::Rename(i, n)),
        (any::<usize>(), -300f32..300.0, -300f32..300.0).prop_map(|(i, x, y)| Op::Move(i, x, y)),
        (any::<usize>(), 2015i32..2030, amount()).prop_map(|(i, y, v)| Op::SetOutput(i, y, v)),
        any::<usize>().prop_map(Op::Remove),
        (any::<usize>(), any::<usize>(), amount()).prop_map(|(a, b, v)| Op::AddLink(a, b, v)),
        any::<usize>().prop_map(Op::RemoveLink),
        name().prop_map(Op::SetMeta),
        name().prop_map(Op::SaveView),
    ]
}

fn nth_node(p: &Project, i: usize) -> Option<Node> {
    (!p.nodes.is_empty()).then(|| p.nodes.values().nth(i % p.nodes.len()).unwrap().clone())
}

/// The concrete edit an op makes on `p` (none when the project has nothing for it).
fn concrete(p: &Project, op: &Op, serial: usize) -> Option<Edit> {
    Some(match op {
        Op::AddNode(k, name, x, y) => Edit::AddNode(Node {
            id: NodeId::from(format!("new{serial}")),
            name: name.clone(),
            kind: NodeKind::ALL[k % NodeKind::ALL.len()],
            stages: p
                .stages()
                .next()
                .map(|(_, s)| vec![s.id.clone()])
                .unwrap_or_default(),
            position: Some(Pos { x: *x, y: *y }),
            ..Node::default()
        }),
        Op::Rename(i, name) => {
            let mut n = nth_node(p, *i)?;
            n.name = name.clone();
            Edit::SetNodes(vec![n])
        }
        Op::Move(i, dx, dy) => {
            let n = nth_node(p, *i)?;
            let at = n.position.unwrap_or_default();
            Edit::MoveNodes(vec![(
                n.id,
                Pos {
                    x: at.x + dx,
                    y: at.y + dy,
                },
            )])
        }
        Op::SetOutput(i, year, v) => {
            let mut n = nth_node(p, *i)?;
            n.figures
                .entry(*year)
                .or_insert_with(Figures::default)
                .output = Some(v.abs());
            Edit::SetNodes(vec![n])
        }
        Op::Remove(i) => Edit::Remove {
            nodes: vec![nth_node(p, *i)?.id],
            links: Vec::new(),
        },
        Op::AddLink(a, b, v) => Edit::AddLink(Link {
            id: LinkId::from(format!("newlink{serial}")),
            kind: LinkKind::Supply,
            from: nth_node(p, *a)?.id,
            to: nth_node(p, *b)?.id,
            product: "菌包".into(),
            value: Some(v.abs()),
            ..Link::default()
        }),
        Op::RemoveLink(i) => {
            let id = p.links.keys().nth(i % p.links.len().max(1))?.clone();
            Edit::Remove {
                nodes: Vec::new(),
                links: vec![id],
            }
        }
        Op::SetMeta(name) => Edit::SetMeta(ProjectMeta {
            name: name.clone(),
            ..p.meta.clone()
        }),
        Op::SaveView(name) => {
            let mut views = p.views.clone();
            let id = ViewId::from(format!("view{serial}"));
            views.insert(
                id.clone(),
                View {
                    id,
                    name: name.clone(),
                    order: serial as u32,
                    ..View::default()
                },
            );
            Edit::SetViews(views)
        }
    })
}

/// The op's kind, for counting what applied.
fn kind(op: &Op) -> usize {
    match op {
        Op::AddNode(..) => 0,
        Op::Rename(..) => 1,
        Op::Move(..) => 2,
        Op::SetOutput(..) => 3,
        Op::Remove(_) => 4,
        Op::AddLink(..) => 5,
        Op::RemoveLink(_) => 6,
        Op::SetMeta(_) => 7,
        Op::SaveView(_) => 8,
    }
}

const KINDS: [&str; 9] = [
    "add node",
    "rename",
    "move",
    "set output",
    "remove node",
    "add link",
    "remove link",
    "set meta",
    "save view",
];

/// Any sequence of edits, then undo all of it, gives back the project exactly; redo all of it
/// gives back where it ended. Edits the model refuses test nothing, so the run counts them: most
/// must apply, and every kind of edit must apply in some case.
#[test]
fn undo_all_gives_back_the_original() {
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::RefCell;
    // (tried, applied) by kind of edit, over every case.
    let counts = RefCell::new([(0usize, 0usize); KINDS.len()]);
    let mut runner = TestRunner::new(Config {
        cases: 64,
        source_file: Some(file!()),
        ..Config::default()
    });
    let result = runner.run(&proptest::collection::vec(op(), 1..40), |ops| {
        let original = sample();
        let mut doc = Document::new(original.clone());
        let mut applied = 0;
        for (serial, op) in ops.iter().enumerate() {
            let ok = concrete(&doc.project, op, serial).is_some_and(|edit| doc.apply(edit).is_ok());
            let mut counts = counts.borrow_mut();
            counts[kind(op)].0 += 1;
            if ok {
                counts[kind(op)].1 += 1;
                applied += 1;
            }
        }
        let end = doc.project.clone();
        let mut undone = 0;
        while doc.undo() {
            undone += 1;
        }
        prop_assert_eq!(undone, applied);
        prop_assert_eq!(&doc.project, &original);
        prop_assert!(!doc.is_dirty());
        while doc.redo() {}
        prop_assert_eq!(&doc.project, &end);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let counts = counts.into_inner();
    let tried: usize = counts.iter().map(|c| c.0).sum();
    let applied: usize = counts.iter().map(|c| c.1).sum();
    // Typically 96 % apply; of supply links about two in three, as one to or from a park or a
    // town (a sixth of the sample's nodes) or to itself is refused.
    for (name, (t, a)) in KINDS.iter().zip(counts) {
        assert!(a * 3 >= t && a > 0, "only {a} of {t} {name} edits applied");
    }
    assert!(
        applied * 10 >= tried * 9,
        "only {applied} of {tried} edits applied"
    );
}

/// A random but well-formed project: chains with stages and products, nodes in them with
/// figures, links between them, a view.
fn project() -> impl Strategy<Value = Project> {
    let node = (
        name(),
        0usize..10,
        proptest::option::of((amount(), amount())),
        -5000f32..5000.0,
        -5000f32..5000.0,
        proptest::collection::vec(name(), 0..3),
    );
    (
        name(),
        proptest::collection::vec(
            (
                name(),
                0usize..4,
                proptest::collection::vec((name(), any::<bool>()), 0..3),
            ),
            1..6,
        ),
        proptest::collection::vec(node, 0..25),
        proptest::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                0usize..7,
                proptest::option::of(amount()),
                name(),
            ),
            0..40,
        ),
    )
        .prop_map(|(project_name, stages, nodes, links)| {
            let mut p = Project::new(&project_name);
            let stages: Vec<Stage> = stages
                .into_iter()
                .enumerate()
                .map(|(i, (n, seg, products))| Stage {
                    id: StageId::from(format!("s{i}")),
                    name: n,
                    segment: Segment::ALL[seg],
                    products: products
                        .into_iter()
                        .map(|(name, required)| Product { name, required })
                        .collect(),
                    ..Stage::default()
                })
                .collect();
            let stage_ids: Vec<StageId> = stages.iter().map(|s| s.id.clone()).collect();
            p.chains.insert(
                ChainId::from("c"),
                Chain {
                    id: ChainId::from("c"),
                    name: "链".into(),
                    stages,
                    ..Chain::default()
                },
            );
            for (i, (n, kind, figures, x, y, tags)) in nodes.into_iter().enumerate() {
                let kind = NodeKind::ALL[kind];
                let mut node = Node {
                    id: NodeId::from(format!("n{i:03}")),
                    name: n,
                    kind,
                    position: Some(Pos { x, y }),
                    tags,
                    ..Node::default()
                };
                if kind.is_enterprise_like() {
                    node.stages = vec![stage_ids[i % stage_ids.len()].clone()];
                }
                if let Some((output, tax)) = figures {
                    node.figures = BTreeMap::from([(
                        2024,
                        Figures {
                            output: Some(output.abs()),
                            tax: Some(tax.abs()),
                            profit: Some(tax),
                            ..Figures::default()
                        },
                    )]);
                }
                p.nodes.insert(node.id.clone(), node);
            }
            let ids: Vec<NodeId> = p.nodes.keys().cloned().collect();
            if !ids.is_empty() {
                for (i, (a, b, kind, value, product)) in links.into_iter().enumerate() {
                    let link = Link {
                        id: LinkId::from(format!("l{i:03}")),
                        kind: LinkKind::ALL[kind],
                        from: ids[a % ids.len()].clone(),
                        to: ids[b % ids.len()].clone(),
                        product,
                        value: value.map(|v| v.abs()),
                        ..Link::default()
                    };
                    p.links.insert(link.id.clone(), link);
                }
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Save, load: the same project; save again: the same bytes.
    #[test]
    fn random_projects_round_trip_through_the_file(p in project()) {
        let text = to_json(&p).unwrap();
        let loaded = load_str(&text, LoadOptions::default())
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        prop_assert_eq!(&loaded.project, &p);
        prop_assert_eq!(to_json(&loaded.project).unwrap(), text);
    }
}

/// A project with one firm in scope of a fixed-shares agreement between `n` parties.
fn agreement_project(pcts: &[Decimal], taxes: &[Decimal]) -> Project {
    let parties: Vec<String> = (0..pcts.len())
        .map(|i| {
            format!(
                r#"{{"node": "p{i}", "role": "{}"}}"#,
                if i == 0 { "source" } else { "host" }
            )
        })
        .collect();
    let shares: Vec<String> = pcts
        .iter()
        .enumerate()
        .map(|(i, pct)| format!(r#"{{"party": "p{i}", "pct": {pct}}}"#))
        .collect();
    let nodes: Vec<String> = (0..pcts.len())
        .map(|i| format!(r#"{{"id": "p{i}", "name": "方{i}", "kind": "region"}}"#))
        .collect();
    let figures: Vec<String> = taxes
        .iter()
        .enumerate()
        .map(|(i, t)| format!(r#""{}": {{"tax": {t}, "output": {t}}}"#, 2020 + i))
        .collect();
    let text = format!(
        r#"{{"format": "chainmap", "version": 1, "name": "t", "unit": "万元", "land_classes": [],
        "chains": [], "links": [], "views": [],
        "nodes": [{{"id": "f", "name": "企业", "kind": "enterprise", "figures": {{{}}}}}, {}],
        "agreements": [{{"id": "a", "name": "协议", "signed_year": 2020, "parties": [{}], "scope": ["f"],
          "phases": [{{"id": "x", "name": "分成", "ledger": "fiscal", "metric": "tax",
            "start": {{"after_signing": 0}}, "rule": {{"fixed_shares": {{"shares": [{}]}}}}}}]}}]}}"#,
        figures.join(", "),
        nodes.join(", "),
        parties.join(", "),
        shares.join(", ")
    );
    load_str(&text, LoadOptions::default())
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .project
}

/// Percentages with up to two decimals that add up to exactly 100.
fn shares() -> impl Strategy<Value = Vec<Decimal>> {
    proptest::collection::vec(1u32..10_000, 1..7).prop_map(|weights| {
        let total: u32 = weights.iter().sum();
        let mut pcts: Vec<Decimal> = weights
            .iter()
            .map(|w| Decimal::new(i64::from(w * 10_000 / total), 2))
            .collect();
        let sum: Decimal = pcts.iter().copied().sum();
        pcts[0] += Decimal::from(100) - sum;
        pcts
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Every year's parts add up to the year's amount, to the cent, whatever the shares.
    #[test]
    fn random_agreements_conserve_every_total(
        pcts in shares(),
        taxes in proptest::collection::vec((0i64..10_000_000_000, 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)), 1..8),
    ) {
        let p = agreement_project(&pcts, &taxes);
        let a = p.agreements.values().next().unwrap();
        let s = chainmap::sharing::schedule(&p, a, None, None);
        prop_assert_eq!(s.rows.len(), taxes.len());
        let cent = Decimal::new(1, 2);
        for row in &s.rows {
            let sum: Decimal = row.parts.iter().map(|(_, v)| *v).sum();
            let tax = taxes[(row.year - 2020) as usize];
            // The amount is money: to the cent, and the parts add up to exactly that.
            prop_assert_eq!(row.total, chainmap::sharing::money::round(tax));
            prop_assert_eq!(sum, row.total, "{:?}", row);
            // Each party gets its share, within a cent of the exact amount, in party order.
            prop_assert_eq!(row.parts.len(), pcts.len());
            for (i, (party, part)) in row.parts.iter().enumerate() {
                prop_assert_eq!(party.as_str(), format!("p{i}"));
                let exact = row.total * pcts[i] / Decimal::from(100);
                prop_assert!((*part - exact).abs() < cent, "p{}: {} of {} at {}%", i, part, row.total, pcts[i]);
            }
        }
    }
}
