//! 全景图 vs 现状 (issue 18): a chain compared with a reference chain, the gaps the reference
//! adds (补链 / 延链, never twice), every gap's priority on a hand-computed case, measures left
//! alone by a comparison, and the `compare` / `analyze --json` contract on the samples.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::{
    Analysis, AnalysisOptions, Gap, GapClass, GapOrigin, Status, analyze, analyze_with,
};
use chainmap::file::{LoadOptions, load_path, load_str};
use chainmap::model::{Project, ReferenceMatch, StageId};
use chainmap::reference::{self, Template};
use std::path::PathBuf;
use std::process::{Command, Output};

/// A reference chain of six stages, written so every status and gap below can be checked by
/// hand. Flows: 种苗 U1→M1, 包材 U2→M1, 鲜果 M1→D1, 冷链运输 S1→D1, 检测报告 S2→M1.
const TEMPLATE: &str = r#"{
  "format": "chainmap-template", "version": 1, "revision": 3,
  "chain": {"id": "test-fruit", "name": "水果", "name_en": "Fruit", "stages": [
    {"id": "U1", "name": "种苗繁育", "name_en": "Seedlings", "segment": "upstream", "activity": "other",
     "products": [{"name": "种苗", "required": true}, {"name": "营养钵", "required": true}]},
    {"id": "U2", "name": "包装材料", "name_en": "Packaging", "segment": "upstream", "activity": "other",
     "products": [{"name": "包材", "required": true}]},
    {"id": "M1", "name": "种植", "name_en": "Growing", "segment": "midstream", "activity": "farming",
     "products": [{"name": "鲜果", "required": true}]},
    {"id": "D1", "name": "精深加工", "name_en": "Deep processing", "segment": "downstream", "activity": "processing",
     "products": [{"name": "果汁", "required": true}, {"name": "果干", "required": false}]},
    {"id": "S1", "name": "冷链物流", "name_en": "Cold chain", "segment": "support", "activity": "other",
     "products": [{"name": "冷链运输", "required": true}]},
    {"id": "S2", "name": "检测", "name_en": "Testing", "segment": "support", "activity": "other",
     "products": [{"name": "检测报告", "required": true}]}]},
  "synonyms": {"种苗": ["苗木"]},
  "flows": [
    {"from": "U1", "to": "M1", "product": "种苗"},
    {"from": "U2", "to": "M1", "product": "包材"},
    {"from": "M1", "to": "D1", "product": "鲜果"},
    {"from": "S1", "to": "D1", "product": "冷链运输"},
    {"from": "S2", "to": "M1", "product": "检测报告"}],
  "sources": []
}"#;

/// The county's chain: P1 苗木繁育 (苗木, 营养钵), P2 包材 (包材), P3 果园 (鲜果), P4 销售
/// (鲜果销售, optional). No home county: local by kind.
///
/// s (P1, makes 苗木) --苗木 40--> f1, --苗木 20--> f2 (cooperatives in P3)
/// x (P2, outside)    --包材 30--> f1, --包材 10--> f2
/// f1 --鲜果 100--> k, f2 --鲜果 50--> k (k: P4, 链主, 规上)
/// cl (P4, makes 冷链物流) --冷链物流 15--> k
const PROJECT: &str = r#"{
  "format": "chainmap", "version": 1, "name": "果", "unit": "万元",
  "chains": [{"id": "c", "name": "水果链", "stages": [
    {"id": "P1", "name": "苗木繁育", "segment": "upstream", "products": [{"name": "苗木", "required": true}, {"name": "营养钵", "required": true}]},
    {"id": "P2", "name": "包材", "segment": "upstream", "products": [{"name": "包材", "required": true}]},
    {"id": "P3", "name": "果园", "segment": "midstream", "products": [{"name": "鲜果", "required": true}]},
    {"id": "P4", "name": "销售", "segment": "downstream", "products": [{"name": "鲜果销售", "required": false}]}]}],
  "nodes": [
    {"id": "s", "name": "种苗公司", "kind": "enterprise", "stages": ["P1"], "products": ["苗木"]},
    {"id": "x", "name": "县外包材厂", "kind": "external_enterprise", "stages": ["P2"]},
    {"id": "f1", "name": "合作社一", "kind": "cooperative", "stages": ["P3"]},
    {"id": "f2", "name": "合作社二", "kind": "cooperative", "stages": ["P3"]},
    {"id": "k", "name": "果业集团", "kind": "enterprise", "stages": ["P4"], "tags": ["链主"], "above_scale": true},
    {"id": "cl", "name": "冷链公司", "kind": "enterprise", "stages": ["P4"], "products": ["冷链物流"]}],
  "links": [
    {"id": "l1", "kind": "supply", "from": "s", "to": "f1", "product": "苗木", "value": 40},
    {"id": "l2", "kind": "supply", "from": "s", "to": "f2", "product": "苗木", "value": 20},
    {"id": "l3", "kind": "supply", "from": "x", "to": "f1", "product": "包材", "value": 30},
    {"id": "l4", "kind": "supply", "from": "x", "to": "f2", "product": "包材", "value": 10},
    {"id": "l5", "kind": "supply", "from": "f1", "to": "k", "product": "鲜果", "value": 100},
    {"id": "l6", "kind": "supply", "from": "f2", "to": "k", "product": "鲜果", "value": 50},
    {"id": "l7", "kind": "supply", "from": "cl", "to": "k", "product": "冷链物流", "value": 15}],
  "agreements": [], "views": []
}"#;

fn template() -> Template {
    reference::parse("test", TEMPLATE).unwrap()
}

fn project() -> Project {
    load_str(PROJECT, LoadOptions::default()).unwrap().project
}

/// U1→P1, U2→P2, M1→P3; D1, S1, S2 unmatched; the products the project names.
fn matching() -> ReferenceMatch {
    let stage = |s: &str| Some(StageId::from(s));
    ReferenceMatch {
        chain: "c".into(),
        template: "test-fruit".to_owned(),
        revision: 3,
        stages: [
            ("U1".into(), stage("P1")),
            ("U2".into(), stage("P2")),
            ("M1".into(), stage("P3")),
            ("D1".into(), None),
            ("S1".into(), None),
            ("S2".into(), None),
        ]
        .into(),
        products: [
            ("种苗", Some("苗木")),
            ("营养钵", Some("营养钵")),
            ("包材", Some("包材")),
            ("鲜果", Some("鲜果")),
            ("果汁", None),
            ("果干", None),
            ("冷链运输", None),
            ("检测报告", None),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.map(str::to_owned)))
        .collect(),
    }
}

fn analysed() -> Analysis {
    let (p, t, m) = (project(), template(), matching());
    analyze_with(&p, &AnalysisOptions::default(), &[(&m, &t)])
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn reference_stages_and_products_get_their_status_under_the_matching() {
    let a = analysed();
    assert_eq!(a.comparisons.len(), 1);
    let c = &a.comparisons[0];
    assert_eq!((c.chain.as_str(), c.template.as_str()), ("c", "test-fruit"));
    // Not a built-in template: the comparison says so.
    assert!(c.stale);
    let stages: Vec<(&str, Option<&str>, Status)> = c
        .stages
        .iter()
        .map(|s| {
            (
                s.reference.as_str(),
                s.project.as_ref().map(|p| p.as_str()),
                s.status,
            )
        })
        .collect();
    assert_eq!(
        stages,
        vec![
            // P1 has one local firm, none 规上: weak, as the project's own report says.
            ("U1", Some("P1"), Status::Weak),
            // P2's only firm is outside the county: missing although matched.
            ("U2", Some("P2"), Status::Missing),
            ("M1", Some("P3"), Status::Weak),
            ("D1", None, Status::Missing),
            // Unmatched: missing, even though a local firm supplies its product.
            ("S1", None, Status::Missing),
            ("S2", None, Status::Missing),
        ]
    );
    let products: Vec<(&str, Status)> = c
        .products
        .iter()
        .map(|p| (p.name.as_str(), p.status))
        .collect();
    assert_eq!(
        products,
        vec![
            // Under the project's name 苗木 (also the template's synonym).
            ("种苗", Status::Ok),
            ("营养钵", Status::Missing),
            // Only an outside firm makes it.
            ("包材", Status::Missing),
            ("鲜果", Status::Ok),
            ("果汁", Status::Missing),
            ("果干", Status::Missing),
            // cl lists 冷链物流, the same product by the gap analysis's synonyms.
            ("冷链运输", Status::Ok),
            ("检测报告", Status::Missing),
        ]
    );
    assert_eq!(c.products[0].project_name.as_deref(), Some("苗木"));
}

#[test]
fn a_built_in_template_at_the_matched_revision_is_not_stale() {
    let project = load("sample_projects/zhashui-fungus.chainmap.json");
    let template = reference::builtin().find("edible-fungi").unwrap();
    let mut m = reference::matching::suggest(template, &project, &"muer".into());
    m.revision = template.revision;
    let c = reference::compare::compare_project(&project, &m, template, None);
    assert!(!c.stale);
    assert_eq!(c.stages.len(), template.chain.stages.len());
    m.revision = template.revision + 1;
    assert!(reference::compare::compare_project(&project, &m, template, None).stale);
}

fn reference_gaps(a: &Analysis) -> Vec<&Gap> {
    a.gaps
        .iter()
        .filter(|g| g.origin == GapOrigin::Reference)
        .collect()
}

#[test]
fn the_reference_adds_fill_and_extend_gaps_and_nothing_the_project_already_has() {
    let a = analysed();
    let found: Vec<(GapClass, &str, Option<&str>, Option<&str>)> = reference_gaps(&a)
        .iter()
        .map(|g| {
            let r = g.reference.as_ref().unwrap();
            (
                g.class,
                r.stage.as_str(),
                g.stage.as_ref().map(|s| s.as_str()),
                g.product.as_deref(),
            )
        })
        .collect();
    // D1 is downstream and fed by M1, which the county has: 延链, its required 果汁 too.
    // S2 is missing altogether: 补链, its required 检测报告 too. S1 is not a gap: a local firm
    // supplies its product. U2 (matched, no local firm), 营养钵 and 包材 are the project's own
    // 补链 gaps already.
    let mut expected = vec![
        (GapClass::Extend, "D1", None, None),
        (GapClass::Missing, "S2", None, None),
        (GapClass::Extend, "D1", None, Some("果汁")),
        (GapClass::Missing, "S2", None, Some("检测报告")),
    ];
    let mut sorted = found.clone();
    sorted.sort();
    expected.sort();
    assert_eq!(sorted, expected);
    let own: Vec<&Gap> = a
        .gaps
        .iter()
        .filter(|g| g.origin == GapOrigin::Project)
        .collect();
    assert_eq!(own.len(), 6, "{own:#?}");
    for product in ["营养钵", "包材"] {
        let n = a
            .gaps
            .iter()
            .filter(|g| g.product.as_deref() == Some(product))
            .count();
        assert_eq!(n, 1, "{product} is reported once");
    }
    // The messages name the template and the stage; the 延链 one the county's stage it grows from.
    let extend = reference_gaps(&a)
        .into_iter()
        .find(|g| g.class == GapClass::Extend && g.product.is_none())
        .unwrap();
    assert_eq!(
        extend.zh,
        "参考产业链“水果”中的下游环节“精深加工”本县缺失,可由本县已有的“果园”环节向下游延伸"
    );
    assert!(extend.en.contains("\"Deep processing\""), "{}", extend.en);
    assert_eq!(extend.nodes, vec!["f1".into(), "f2".into()]);
    let fill = reference_gaps(&a)
        .into_iter()
        .find(|g| g.class == GapClass::Missing && g.product.is_none())
        .unwrap();
    assert_eq!(fill.zh, "参考产业链“水果”中的“检测”环节本县缺失");
    assert_eq!(fill.advice_zh, "引进服务机构或共建公共服务平台");
}

/// rank, class, stage (the project's, else the reference's), product, value, buyers, 链主.
type Row<'a> = (
    usize,
    GapClass,
    Option<&'a str>,
    Option<&'a str>,
    f64,
    usize,
    bool,
);

/// Every gap's priority, worked out by hand (v_max = 150, b_max = 2; weights 40/25/20/15):
///
/// | gap                         | value | buyers        | 链主 | c   | score                        |
/// |-----------------------------|-------|---------------|------|-----|------------------------------|
/// | 强链 stage P3               | 150   | k             | yes  | —   | (40 + 12.5 + 20)/85 = 85.294 |
/// | 固链 苗木 only from s       | 60    | f1, f2        | no   | 1   | (16 + 25 + 15)/100 = 56.0    |
/// | 补链 stage P2               | 40    | f1, f2        | no   | 1   | (10.667 + 25 + 15)/100 = 50.667 |
/// | 补链 包材                   | 40    | f1, f2        | no   | 1   | 50.667 (after P2: found later)|
/// | 强链 stage P1               | 60    | f1, f2        | no   | —   | (16 + 25)/85 = 48.235        |
/// | 补链 ref. stage S2          | 0     | f1, f2 (flow) | no   | 1   | (25 + 15)/100 = 40.0         |
/// | 补链 ref. 检测报告          | 0     | f1, f2 (flow) | no   | 1   | 40.0                         |
/// | 补链 营养钵                 | 0     | —             | no   | 1   | 15.0                         |
/// | 延链 ref. stage D1          | 0     | —             | no   | —   | 0                            |
/// | 延链 ref. 果汁              | 0     | —             | no   | —   | 0                            |
///
/// c is the HHI of the suppliers for weak or at-risk supply of a product, 1 for every 补链 (no
/// local source at all), and does not apply to a weak stage or to 延链.
#[test]
fn gap_priority_by_hand() {
    let a = analysed();
    let rows: Vec<Row> = a
        .gaps
        .iter()
        .map(|g| {
            let p = &g.priority;
            let place = g
                .stage
                .as_ref()
                .map(|s| s.as_str())
                .or(g.reference.as_ref().map(|r| r.stage.as_str()));
            (
                p.rank,
                g.class,
                place,
                g.product.as_deref(),
                p.value_at_stake,
                p.buyers,
                p.leader_depends,
            )
        })
        .collect();
    use GapClass::*;
    assert_eq!(
        rows,
        vec![
            (1, Weak, Some("P3"), None, 150.0, 1, true),
            (2, AtRisk, Some("P1"), Some("苗木"), 60.0, 2, false),
            (3, Missing, Some("P2"), None, 40.0, 2, false),
            (4, Missing, Some("P2"), Some("包材"), 40.0, 2, false),
            (5, Weak, Some("P1"), None, 60.0, 2, false),
            (6, Missing, Some("S2"), None, 0.0, 2, false),
            (7, Missing, Some("S2"), Some("检测报告"), 0.0, 2, false),
            (8, Missing, Some("P1"), Some("营养钵"), 0.0, 0, false),
            (9, Extend, Some("D1"), None, 0.0, 0, false),
            (10, Extend, Some("D1"), Some("果汁"), 0.0, 0, false),
        ]
    );
    let scores: Vec<f64> = a.gaps.iter().map(|g| g.priority.score).collect();
    let expected = [
        72.5 / 85.0 * 100.0,
        56.0,
        40.0 * 40.0 / 150.0 + 25.0 + 15.0,
        40.0 * 40.0 / 150.0 + 25.0 + 15.0,
        41.0 / 85.0 * 100.0,
        40.0,
        40.0,
        15.0,
        0.0,
        0.0,
    ];
    for (got, want) in scores.iter().zip(expected) {
        assert!(close(*got, want), "{scores:?}");
    }
    assert!(close(
        (a.gaps[0].priority.score * 10.0).round() / 10.0,
        85.3
    ));
    // Concentration for weak or at-risk supply of a product (here 苗木's single supplier) and,
    // at its extreme of 1, for every 补链; not for a weak stage or 延链.
    let hhi: Vec<Option<f64>> = a.gaps.iter().map(|g| g.priority.concentration).collect();
    assert_eq!(
        hhi,
        [
            None,
            Some(1.0),
            Some(1.0),
            Some(1.0),
            None,
            Some(1.0),
            Some(1.0),
            Some(1.0),
            None,
            None
        ]
    );
    // The tooltip adds the parts up to the score.
    let explained = a.gaps[0].priority_explained("万元", chainmap::i18n::Lang::Zh);
    assert!(
        explained.contains("合计 72.5 / 85 × 100 = 85.3"),
        "{explained}"
    );
}

#[test]
fn a_comparison_changes_no_measure() {
    let plain = load("sample_projects/zhashui-fungus.chainmap.json");
    let template = reference::builtin().find("edible-fungi").unwrap();
    let mut compared = plain.clone();
    let mut m = reference::matching::suggest(template, &plain, &"muer".into());
    m.revision = template.revision;
    compared.references.insert("muer".into(), m);
    let options = AnalysisOptions::default();
    let (a, b) = (analyze(&plain, &options), analyze(&compared, &options));
    assert!(a.comparisons.is_empty());
    assert_eq!(b.comparisons.len(), 1);
    assert!(
        b.comparisons[0]
            .stages
            .iter()
            .any(|s| s.status == Status::Missing)
            || b.comparisons[0]
                .products
                .iter()
                .any(|p| p.status == Status::Missing),
        "the sample lacks something of the reference chain, so there are ghosts to keep out"
    );
    assert_eq!(a.nodes, b.nodes);
    assert_eq!(a.completeness, b.completeness);
    assert_eq!(a.local_supporting_rate, b.local_supporting_rate);
    assert_eq!(a.supply_rate, b.supply_rate);
    assert_eq!(a.stages, b.stages);
    assert_eq!(a.products, b.products);
    assert_eq!(a.leaders, b.leaders);
    assert_eq!(a.components, b.components);
    assert_eq!(a.land, b.land);
    assert_eq!(a.indicators, b.indicators);
    assert_eq!(a.extension, b.extension);
    // The project's own gaps are all still there; the reference only adds.
    let own: Vec<&str> = b
        .gaps
        .iter()
        .filter(|g| g.origin == GapOrigin::Project)
        .map(|g| g.zh.as_str())
        .collect();
    let mut before: Vec<&str> = a.gaps.iter().map(|g| g.zh.as_str()).collect();
    let mut after = own.clone();
    before.sort();
    after.sort();
    assert_eq!(before, after);
    assert!(b.gaps.len() > a.gaps.len());
}

#[test]
fn saved_matchings_with_problems_are_warnings_with_their_place() {
    let mut p = project();
    let mut m = matching();
    m.template = "edible-fungi".to_owned();
    m.revision = 0;
    p.references.insert("c".into(), m.clone());
    let mut unknown = m.clone();
    unknown.chain = "gone".into();
    p.references.insert("gone".into(), unknown);
    let mut other = m;
    other.template = "no-such-chain".to_owned();
    p.chains.insert(
        "d".into(),
        chainmap::model::Chain {
            id: "d".into(),
            name: "另一链".to_owned(),
            ..Default::default()
        },
    );
    other.chain = "d".into();
    p.references.insert("d".into(), other);
    // A matched stage the chain no longer has.
    p.references
        .get_mut(&"c".into())
        .unwrap()
        .stages
        .insert("U9".into(), Some("P9".into()));
    let issues = chainmap::model::validate::validate(&p);
    let found: Vec<(&str, &str)> = issues
        .iter()
        .filter(|i| i.code.starts_with("reference_"))
        .map(|i| (i.code, i.place.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("reference_stage_missing", "references/c/stages/U9"),
            ("reference_stale", "references/c/revision"),
            ("reference_template_unknown", "references/d/template"),
            ("reference_chain_missing", "references/gone"),
        ]
    );
    assert!(
        issues
            .iter()
            .filter(|i| i.code.starts_with("reference_"))
            .all(|i| i.severity == chainmap::model::Severity::Warning)
    );
    let unknown = issues
        .iter()
        .find(|i| i.code == "reference_template_unknown")
        .unwrap();
    assert!(unknown.en.contains("edible-fungi"), "{}", unknown.en);
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> Project {
    load_path(&root().join(rel), LoadOptions::default())
        .unwrap()
        .project
}

fn chainmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The shape `analyze --json` and `compare --json` share for a gap.
fn assert_gap_shape(g: &serde_json::Value) {
    for key in [
        "class", "action", "advice", "stage", "product", "nodes", "message", "origin", "priority",
    ] {
        assert!(g.get(key).is_some(), "{key} missing in {g}");
    }
    let p = &g["priority"];
    assert!(p["score"].as_f64().unwrap() >= 0.0 && p["score"].as_f64().unwrap() <= 100.0);
    assert!(p["rank"].as_u64().unwrap() >= 1);
    assert!(p["value_at_stake"].is_number());
    assert!(p["buyers"].is_u64());
    assert!(p["leader_depends"].is_boolean());
    assert!(p.get("concentration").is_some());
}

#[test]
fn compare_json_on_the_zhashui_sample_against_edible_fungi() {
    let doc = json(&chainmap(&[
        "compare",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--template",
        "edible-fungi",
        "--json",
    ]));
    assert_eq!(doc["template"], "edible-fungi");
    assert_eq!(doc["chain"], "muer");
    assert_eq!(doc["matching"], "suggested");
    assert_eq!(doc["stale"], false);
    let template = reference::builtin().find("edible-fungi").unwrap();
    let stages = doc["stages"].as_array().unwrap();
    assert_eq!(stages.len(), template.chain.stages.len());
    for s in stages {
        for key in ["id", "name", "project_stage", "status"] {
            assert!(s.get(key).is_some(), "{key} missing in {s}");
        }
        assert!(["ok", "weak", "missing"].contains(&s["status"].as_str().unwrap()));
    }
    // The sample's 菌包 stage is matched and covered.
    let u3 = stages.iter().find(|s| s["id"] == "U3").unwrap();
    assert_eq!(u3["project_stage"], "U3");
    assert_ne!(u3["status"], "missing");
    let products = doc["products"].as_array().unwrap();
    assert_eq!(products.len(), 32);
    for p in products {
        for key in ["stage", "name", "project_name", "required", "status"] {
            assert!(p.get(key).is_some(), "{key} missing in {p}");
        }
    }
    let gaps = doc["gaps"].as_array().unwrap();
    assert!(!gaps.is_empty());
    for g in gaps {
        assert_gap_shape(g);
        assert_eq!(g["origin"], "reference");
        assert_eq!(g["reference"]["template"], "edible-fungi");
    }
    // Every required reference product the comparison finds missing is a gap, unless the
    // project's own analysis has it.
    for p in products
        .iter()
        .filter(|p| p["required"] == true && p["status"] == "missing")
    {
        let analysis = json(&chainmap(&[
            "analyze",
            "sample_projects/zhashui-fungus.chainmap.json",
            "--json",
        ]));
        let own = analysis["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["class"] == "missing" && g["product"] == p["project_name"]);
        let added = gaps.iter().any(|g| g["product"] == p["name"]);
        assert!(own || added, "{p}");
    }
}

#[test]
fn compare_with_an_unknown_template_lists_the_ids() {
    let o = chainmap(&[
        "compare",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--template",
        "durian",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("\"durian\""), "{err}");
    assert!(
        err.contains("edible-fungi") && err.contains("kiwifruit"),
        "{err}"
    );
    assert!(err.contains("chainmap templates"), "{err}");
}

#[test]
fn compare_text_shows_statuses_and_the_gaps_with_their_priority() {
    let o = chainmap(&[
        "compare",
        "sample_projects/meixian-kiwi.chainmap.json",
        "--template",
        "kiwifruit",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("matching: suggested (not saved)"), "{text}");
    assert!(text.contains("Missing") && text.contains("OK"), "{text}");
    assert!(text.contains("Gaps the reference chain adds"), "{text}");
    assert!(text.contains("supply at stake"), "{text}");
}

#[test]
fn analyze_json_gives_every_gap_a_priority_and_origin_sorted_by_rank() {
    for sample in [
        "sample_projects/zhashui-fungus.chainmap.json",
        "sample_projects/meixian-kiwi.chainmap.json",
        "sample_projects/ankang-enclave.chainmap.json",
    ] {
        let doc = json(&chainmap(&["analyze", sample, "--json"]));
        let gaps = doc["gaps"].as_array().unwrap();
        assert!(!gaps.is_empty(), "{sample}");
        for (i, g) in gaps.iter().enumerate() {
            assert_gap_shape(g);
            assert_eq!(g["origin"], "project");
            assert_eq!(g["priority"]["rank"].as_u64().unwrap(), i as u64 + 1);
        }
        let scores: Vec<f64> = gaps
            .iter()
            .map(|g| g["priority"]["score"].as_f64().unwrap())
            .collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "{sample}: {scores:?}"
        );
        assert_eq!(doc["comparisons"], serde_json::json!([]));
    }
}
