//! Chain analysis: measures on small graphs with hand-computed answers, the samples' headline
//! figures, and betweenness / PageRank / cut points against networkx (tests/data).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::{AnalysisOptions, GapClass, RateSource, Status, analyze, impact};
use chainmap::file::{LoadOptions, load_path, load_str};
use chainmap::model::{NodeId, Project};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> Project {
    load_path(&root().join(rel), LoadOptions::default())
        .unwrap()
        .project
}

/// A small chain, written out so every figure below can be checked by hand:
///
/// stages: s1 (upstream, products 原料 req, 辅料 req), s2 (midstream, 半成品 req),
///         s3 (downstream, 成品 req)
/// a (s1, local, makes 原料)  --原料 60-->  c (s2, 链主 and 规上)
/// b (s1, local, makes 原料)  --原料 20-->  c
/// x (s1, external; its stage's list speaks for it) --辅料 20--> c
/// c (s2, local)  --半成品 100--> d (s2, local: a second firm in s2 buying from c)
/// s3 has no firm at all. No home county: local by kind.
const SMALL: &str = r#"{
  "format": "chainmap", "version": 1, "name": "small", "unit": "万元", "base_year": 2024,
  "land_classes": [{"name": "A", "min_tax_per_mu": 30}, {"name": "B", "min_tax_per_mu": 10}, {"name": "D", "min_tax_per_mu": 0}],
  "chains": [{"id": "c", "name": "链", "stages": [
    {"id": "s1", "name": "上游", "segment": "upstream", "products": [{"name": "原料", "required": true}, {"name": "辅料", "required": true}]},
    {"id": "s2", "name": "中游", "segment": "midstream", "products": [{"name": "半成品", "required": true}]},
    {"id": "s3", "name": "下游", "segment": "downstream", "products": [{"name": "成品", "required": true}]}]}],
  "nodes": [
    {"id": "a", "name": "甲", "kind": "enterprise", "stages": ["s1"], "products": ["原料"], "figures": {"2024": {"output": 100, "tax": 40, "land_mu": 1}}},
    {"id": "b", "name": "乙", "kind": "enterprise", "stages": ["s1"], "products": ["原料"], "figures": {"2024": {"output": 50, "tax": 12, "land_mu": 1}}},
    {"id": "c", "name": "丙", "kind": "enterprise", "stages": ["s2"], "tags": ["链主", "规上"], "figures": {"2024": {"output": 300, "tax": 5, "land_mu": 2}}},
    {"id": "d", "name": "丁", "kind": "enterprise", "stages": ["s2"], "figures": {"2024": {"output": 80}}},
    {"id": "x", "name": "县外", "kind": "external_enterprise", "stages": ["s1"]},
    {"id": "pk", "name": "园", "kind": "park"}],
  "links": [
    {"id": "l1", "kind": "supply", "from": "a", "to": "c", "product": "原料", "value": 60},
    {"id": "l2", "kind": "supply", "from": "b", "to": "c", "product": "原料", "value": 20},
    {"id": "l3", "kind": "supply", "from": "x", "to": "c", "product": "辅料", "value": 20},
    {"id": "l4", "kind": "supply", "from": "c", "to": "d", "product": "半成品", "value": 100},
    {"id": "p1", "kind": "located_in", "from": "a", "to": "pk"},
    {"id": "p2", "kind": "located_in", "from": "c", "to": "pk"}],
  "agreements": [], "views": []
}"#;

fn small() -> Project {
    load_str(SMALL, LoadOptions::default()).unwrap().project
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn coverage_completeness_and_supporting_rates_by_hand() {
    let a = analyze(&small(), &AnalysisOptions::default());
    // Stages with a local firm: s1, s2 of 3.
    assert_eq!(
        (a.completeness.stages_covered, a.completeness.stages_total),
        (2, 3)
    );
    // Required products a local firm can supply: 原料 (a, b), 半成品 (c, d by their stage) of
    // 原料, 辅料, 半成品, 成品. a and b list their own products, so s1's 辅料 is not theirs.
    assert_eq!(
        (
            a.completeness.products_covered,
            a.completeness.products_required
        ),
        (2, 4)
    );
    assert!(close(a.completeness.product.unwrap(), 0.5));
    // Chain: over the key buyer c (链主, 规上) only: local 60 + 20 of 100, from its links.
    assert!(close(a.local_supporting_rate.unwrap(), 0.8));
    assert_eq!(a.supply_rate.buyers, vec![NodeId::from("c")]);
    assert!(a.supply_rate.key_buyers_only);
    assert_eq!(a.supply_rate.source, Some(RateSource::Links));
    assert_eq!(a.supply_rate.surveyed, None);
    let stage = |id: &str| a.stages.iter().find(|s| s.id.as_str() == id).unwrap();
    // s2 over its local buyers c (80 of 100) and d (100 of 100): 180 of 200.
    assert!(close(stage("s2").local_supporting_rate.unwrap(), 0.9));
    // Nothing flows into s1's buyers, and s3 has none: "—", never 100 %.
    assert_eq!(stage("s1").local_supporting_rate, None);
    assert_eq!(stage("s3").local_supporting_rate, None);
    assert_eq!(stage("s3").status, Status::Missing);
    assert!(close(stage("s2").output, 380.0));
    // Per buyer: c gets 80 local of 100.
    assert!(close(
        a.node(&"c".into()).unwrap().local_supporting_rate.unwrap(),
        0.8
    ));
    assert_eq!(a.node(&"a".into()).unwrap().local_supporting_rate, None);
}

#[test]
fn the_gap_classes_by_hand() {
    let a = analyze(&small(), &AnalysisOptions::default());
    let product = |name: &str| a.products.iter().find(|p| p.name == name).unwrap();
    // 原料: a 60, b 20 → shares .75, .25 → HHI .625 > .25, and three firms could supply it
    // (a, b and x, whose stage lists it): concentrated, 强链.
    assert!(close(product("原料").hhi.unwrap(), 0.625));
    assert_eq!(product("原料").possible_suppliers, 3);
    assert_eq!(product("原料").status, Status::Weak);
    // 半成品: one supplier (HHI 1) but only c and d could supply it: not judged, OK.
    assert!(close(product("半成品").hhi.unwrap(), 1.0));
    assert_eq!(product("半成品").possible_suppliers, 2);
    assert_eq!(product("半成品").status, Status::Ok);
    // 辅料: only the external x → missing.
    assert_eq!(product("辅料").status, Status::Missing);
    assert_eq!(product("辅料").external_suppliers, vec![NodeId::from("x")]);
    let has = |class: GapClass, stage: Option<&str>, product: Option<&str>| {
        a.gaps.iter().any(|g| {
            g.class == class
                && g.stage.as_ref().map(|s| s.as_str()) == stage
                && g.product.as_deref() == product
        })
    };
    assert!(has(GapClass::Missing, Some("s1"), Some("辅料")));
    assert!(has(GapClass::Weak, Some("s1"), Some("原料")));
    assert!(!has(GapClass::Weak, Some("s2"), Some("半成品")));
    // A stage with no local firm is 补链, and so is its required product.
    assert!(has(GapClass::Missing, Some("s3"), None));
    assert!(has(GapClass::Missing, Some("s3"), Some("成品")));
    // s1 has no 规上, 专精特新 or 高新 firm: 强链; s2 has c (规上).
    assert!(has(GapClass::Weak, Some("s1"), None));
    assert!(!has(GapClass::Weak, Some("s2"), None));
    // Not a farm chain: no 延链 from output sums.
    assert!(a.gaps.iter().all(|g| g.class != GapClass::Extend));
    // c is a key buyer; its only 辅料 comes from outside: 固链, and no local firm can supply it.
    let risk = a.gaps.iter().find(|g| g.class == GapClass::AtRisk).unwrap();
    assert_eq!(risk.nodes, vec![NodeId::from("c"), NodeId::from("x")]);
    assert_eq!(risk.product.as_deref(), Some("辅料"));
    assert_eq!(risk.stage.as_ref().map(|s| s.as_str()), Some("s1"));
    assert_eq!(
        risk.advice(chainmap::i18n::Lang::Zh),
        "签订长期供货协议,并招引本地供应"
    );
    assert_eq!(
        a.gaps
            .iter()
            .filter(|g| g.class == GapClass::AtRisk)
            .count(),
        1
    );
}

#[test]
fn impact_by_hand() {
    let p = small();
    // Without c, d loses its only local 半成品 (100); nothing else depends on c.
    let i = impact(&p, &"c".into()).unwrap();
    assert_eq!(i.lost.len(), 1);
    assert_eq!(i.lost[0].buyer.as_str(), "d");
    assert!(close(i.value_at_stake, 100.0));
    assert_eq!(i.downstream, vec![NodeId::from("d")]);
    // Without a, c still has b for 原料: nothing without local replacement.
    let i = impact(&p, &"a".into()).unwrap();
    assert!(i.lost.is_empty());
    assert!(close(i.value_at_stake, 0.0) && close(i.supply_value, 60.0));
    assert_eq!(i.downstream, vec![NodeId::from("c"), NodeId::from("d")]);
    assert!(impact(&p, &"nobody".into()).is_none());
}

#[test]
fn zhashui_headline_figures() {
    let a = analyze(
        &load("sample_projects/zhashui-fungus.chainmap.json"),
        &AnalysisOptions::default(),
    );
    assert_eq!(
        (a.completeness.stages_covered, a.completeness.stages_total),
        (14, 14)
    );
    // 冷链运输 is available through the cold-chain centre E21 of its stage though no link carries
    // that name (issue 16); 菌袋 and 灭菌设备 are not: their stages' local firms (E03, E09) list
    // their own products (木屑, 大棚), so nothing local can supply them.
    assert_eq!(
        (
            a.completeness.products_covered,
            a.completeness.products_required
        ),
        (15, 17)
    );
    let missing: Vec<&str> = a
        .gaps
        .iter()
        .filter(|g| g.class == GapClass::Missing)
        .filter_map(|g| g.product.as_deref())
        .collect();
    assert_eq!(missing, ["菌袋", "灭菌设备"]);
    // Over the key buyers E05, E19 (规上), E23 (链主) and E24 (规上), from their links: 11 070
    // 万元 bought, 1 600 of it from the external E04, E08 and E27.
    assert!(close(
        a.supply_rate.link_based.unwrap(),
        (11070.0 - 1600.0) / 11070.0
    ));
    // The headline is the survey: the four surveyed their purchases (illustrative figures).
    assert_eq!(a.supply_rate.surveyed_buyers, 4);
    assert_eq!(a.local_supporting_rate, a.supply_rate.surveyed);
    assert_eq!(a.supply_rate.buyers.len(), 4);
    assert_eq!(a.leaders[0].id.as_str(), "E23", "the 链主 food group leads");
    assert_eq!(a.nodes.len(), 39);
    // Key buyers with a product only from outside: E05's 菌袋 and 灭菌设备, E23's 代工冰淇淋
    // (the gaps come by priority: sorted here).
    let mut outside: Vec<(&str, &str)> = a
        .gaps
        .iter()
        .filter(|g| g.class == GapClass::AtRisk && g.zh.contains("只来自县外"))
        .map(|g| (g.nodes[0].as_str(), g.product.as_deref().unwrap()))
        .collect();
    outside.sort();
    assert_eq!(
        outside,
        [("E05", "灭菌设备"), ("E05", "菌袋"), ("E23", "代工冰淇淋")]
    );
    // The testing centre is told to raise its capability, not to find a rival.
    let lab = a
        .gaps
        .iter()
        .find(|g| g.class == GapClass::AtRisk && g.nodes[0].as_str() == "E36")
        .unwrap();
    assert_eq!(
        lab.advice(chainmap::i18n::Lang::Zh),
        "提升检测能力,保障服务连续性"
    );
    // The beads not yet strung: the two tourism firms and the bank have no supply links.
    assert_eq!(a.components.len(), 4);
    assert_eq!(a.components[0].len(), 36);
}

#[test]
fn meixian_flags_the_missing_processing_stage_and_pollen() {
    let a = analyze(
        &load("sample_projects/meixian-kiwi.chainmap.json"),
        &AnalysisOptions::default(),
    );
    // The processing stage has no local firm: 补链, and no rate (not 100 %).
    assert!(a.gaps.iter().any(|g| g.class == GapClass::Missing
        && g.product.is_none()
        && g.stage.as_ref().is_some_and(|s| s.as_str() == "K6")));
    let k6 = a.stages.iter().find(|s| s.id.as_str() == "K6").unwrap();
    assert_eq!(k6.local_supporting_rate, None);
    // Four growers depend on the one pollen firm: 固链, not "only one supplier" noise.
    assert!(a.gaps.iter().any(|g| g.class == GapClass::AtRisk
        && g.product.as_deref() == Some("授粉花粉")
        && g.nodes.len() == 5));
    // 延链: the sample marks farming K3 (17 000) and processing K5–K6 (26 000 + 2 400; K6
    // has no local firm): 28 400 ÷ 17 000 = 1.67 : 1 < 2.8.
    let e = &a.extension[0];
    assert!(e.farm && !e.inferred);
    assert!(close(e.primary_output, 17000.0) && close(e.processing_output, 28400.0));
    assert!(a.gaps.iter().any(|g| g.class == GapClass::Extend));
}

#[test]
fn chain_filter_keeps_to_the_chain() {
    let p = load("sample_projects/zhashui-fungus.chainmap.json");
    let a = analyze(
        &p,
        &AnalysisOptions {
            chain: Some("muer".into()),
            year: None,
        },
    );
    assert_eq!(a.stages.len(), 14);
    assert_eq!(a.nodes.len(), 39);
}

/// Betweenness and PageRank match networkx to 1e-9 (PageRank run to tol=1e-13 there, as it is
/// iterated to convergence here); cut points and components exactly.
#[test]
fn network_measures_match_networkx() {
    let reference: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/networkx_reference.json")).unwrap(),
    )
    .unwrap();
    for file in [
        "sample_projects/zhashui-fungus.chainmap.json",
        "sample_projects/meixian-kiwi.chainmap.json",
        "sample_projects/ankang-enclave.chainmap.json",
        "tests/fixtures/random-supply.json",
    ] {
        let r = &reference[file];
        let a = analyze(&load(file), &AnalysisOptions::default());
        assert_eq!(
            a.nodes.len(),
            r["pagerank"].as_object().unwrap().len(),
            "{file}"
        );
        for n in &a.nodes {
            let b = r["betweenness"][n.id.as_str()].as_f64().unwrap();
            let pr = r["pagerank"][n.id.as_str()].as_f64().unwrap();
            assert!(
                (n.betweenness - b).abs() < 1e-9,
                "{file} {}: betweenness {} vs networkx {b}",
                n.id,
                n.betweenness
            );
            assert!(
                (n.pagerank - pr).abs() < 1e-9,
                "{file} {}: pagerank {} vs networkx {pr}",
                n.id,
                n.pagerank
            );
        }
        let points: Vec<&str> = a.articulation_points.iter().map(|i| i.as_str()).collect();
        let expected: Vec<&str> = r["articulation_points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(points, expected, "{file}");
        let bridges: Vec<[&str; 2]> = a
            .bridges
            .iter()
            .map(|(x, y)| [x.as_str(), y.as_str()])
            .collect();
        let expected: Vec<[&str; 2]> = r["bridges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| [p[0].as_str().unwrap(), p[1].as_str().unwrap()])
            .collect();
        assert_eq!(bridges, expected, "{file}");
        let comps: Vec<Vec<&str>> = a
            .components
            .iter()
            .map(|c| c.iter().map(|i| i.as_str()).collect())
            .collect();
        let expected: Vec<Vec<&str>> = r["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                c.as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect()
            })
            .collect();
        assert_eq!(comps, expected, "{file}");
    }
}
