//! Comparing the figures of two versions of a project (`chainmap::scenario::compare`): small
//! projects with hand-computed answers, the bundled samples against themselves and with one
//! firm or agreement gone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::land::LandGrade;
use chainmap::analysis::{AnalysisOptions, GapClass, Status, analyze};
use chainmap::file::{LoadOptions, load_path, load_str};
use chainmap::i18n::Lang;
use chainmap::model::{AgreementId, Ledger, Metric, NodeId, Project, StageId};
use chainmap::scenario::compare::{Comparison, FigureKind, GapLabel, compare, format_value};
use rust_decimal::Decimal;
use std::path::PathBuf;

fn sample(name: &str) -> Project {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(name);
    load_path(&path, LoadOptions::default()).unwrap().project
}

fn load(text: &str) -> Project {
    load_str(text, LoadOptions::default()).unwrap().project
}

/// Two stages; one local 规上 firm f in s2 buying its 原料 (100) from x, outside the county.
/// No home county: local by kind.
const BASE: &str = r#"{
  "format": "chainmap", "version": 1, "name": "两环节", "unit": "万元", "base_year": 2024,
  "chains": [{"id": "c", "name": "链", "stages": [
    {"id": "s1", "name": "原料", "name_en": "Materials", "segment": "upstream", "products": [{"name": "原料", "required": true}]},
    {"id": "s2", "name": "加工", "name_en": "Processing", "segment": "midstream", "products": [{"name": "成品", "required": true}]}]}],
  "nodes": [
    {"id": "f", "name": "加工厂", "kind": "enterprise", "stages": ["s2"], "tags": ["规上"], "land_type": "industrial",
     "figures": {"2024": {"output": 20000, "tax": 100, "land_mu": 10}}},
    {"id": "x", "name": "县外供应商", "kind": "external_enterprise", "stages": ["s1"]}
    GREENFIELD],
  "links": [{"id": "l1", "kind": "supply", "from": "SUPPLIER", "to": "f", "product": "原料", "value": 100}],
  "agreements": [], "views": []
}"#;

/// The base as it is (x supplies f).
fn base() -> Project {
    load(&BASE.replace("GREENFIELD", "").replace("SUPPLIER", "x"))
}

/// The base with a local high-tech firm g in s1 that takes over x's supply of 原料 to f.
fn with_local_supplier() -> Project {
    let g = r#", {"id": "g", "name": "原料厂", "kind": "enterprise", "stages": ["s1"], "tags": ["高新技术企业"],
     "figures": {"2024": {"output": 3000}}}"#;
    load(&BASE.replace("GREENFIELD", g).replace("SUPPLIER", "g"))
}

fn figure(c: &Comparison, code: &str) -> (Option<f64>, Option<f64>) {
    let f = c.figure(code).unwrap_or_else(|| panic!("no figure {code}"));
    (f.a, f.b)
}

/// A gap as (class, stage, product, subject).
type GapId<'a> = (GapClass, Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// (class, stage, product, subject) of each gap listed.
fn gap_ids(gaps: &[GapLabel]) -> Vec<GapId<'_>> {
    gaps.iter()
        .map(|g| {
            (
                g.class,
                g.stage.as_ref().map(StageId::as_str),
                g.product.as_deref(),
                g.subject.as_deref(),
            )
        })
        .collect()
}

#[test]
fn a_local_supplier_in_the_empty_stage_by_hand() {
    let c = compare(&base(), &with_local_supplier(), None);
    assert_eq!(c.year, Some(2024));
    // Stage coverage: A has a local firm in s2 only (x is outside): 1/2; B in both: 2/2.
    assert_eq!(figure(&c, "stage_coverage"), (Some(0.5), Some(1.0)));
    // Required products: 原料 (s1) and 成品 (s2). A: only 成品 (f's stage lists it) → 1/2;
    // B: 原料 too (g's stage lists it) → 2/2.
    assert_eq!(figure(&c, "product_completeness"), (Some(0.5), Some(1.0)));
    // Key buyer f (规上): A buys 100, none of it local → 0; B buys 100, all from g → 1.
    assert_eq!(figure(&c, "local_supporting_rate"), (Some(0.0), Some(1.0)));
    // Gaps. A: 补链 stage s1 (no local firm), 补链 product 原料; 固链: f's 原料 only from
    // outside. B: none (g is 高新, so s1 is not weak; 原料 has one possible local supplier and
    // x: fewer than three, so concentration is not judged).
    assert_eq!(figure(&c, "gaps_missing"), (Some(2.0), Some(0.0)));
    assert_eq!(figure(&c, "gaps_weak"), (Some(0.0), Some(0.0)));
    assert_eq!(figure(&c, "gaps_extend"), (Some(0.0), Some(0.0)));
    assert_eq!(figure(&c, "gaps_at_risk"), (Some(1.0), Some(0.0)));
    let [ga, gb] = c.gap_counts();
    assert_eq!(ga.get("missing"), Some(&2));
    assert_eq!(ga.get("at_risk"), Some(&1));
    assert!(gb.values().all(|n| *n == 0), "{gb:?}");
    assert_eq!(
        gap_ids(&c.gaps_closed),
        vec![
            (GapClass::Missing, Some("s1"), None, None),
            (GapClass::Missing, Some("s1"), Some("原料"), None),
            (GapClass::AtRisk, Some("s1"), Some("原料"), Some("f")),
        ]
    );
    assert!(c.gaps_opened.is_empty(), "{:?}", c.gaps_opened);
    assert_eq!(c.gaps_closed[0].stage_name, "原料");
    assert_eq!(c.gaps_closed[0].stage_name_en, "Materials");
    assert!(c.gaps_closed[0].label(Lang::Zh).starts_with("补链 · "));
    assert!(c.gaps_closed[0].label(Lang::En).starts_with("Fill · "));
    // Firms: f; then f and g. Output in 2024: 20000; 20000 + 3000.
    assert_eq!(figure(&c, "firms"), (Some(1.0), Some(2.0)));
    assert_eq!(figure(&c, "output"), (Some(20000.0), Some(23000.0)));
    assert_eq!(figure(&c, "above_scale_firms"), (Some(1.0), Some(1.0)));
    assert_eq!(figure(&c, "value_added"), (None, None));
    // f is the one 链主 candidate on both sides (g is not 规上): no rank changes.
    assert_eq!(figure(&c, "leader_candidates"), (Some(1.0), Some(1.0)));
    assert!(c.leaders.is_empty(), "{:?}", c.leaders);
}

#[test]
fn stage_rates_land_classes_and_no_towns_by_hand() {
    let c = compare(&base(), &with_local_supplier(), None);
    type Row<'a> = (
        &'a str,
        Option<f64>,
        Option<f64>,
        Option<Status>,
        Option<Status>,
    );
    let stages: Vec<Row> = c
        .stage_rates
        .iter()
        .map(|s| (s.id.as_str(), s.a, s.b, s.status_a, s.status_b))
        .collect();
    assert_eq!(
        stages,
        vec![
            // s1: no local buyer in A; in B g buys nothing: undefined on both sides, never 100 %.
            ("s1", None, None, Some(Status::Missing), Some(Status::Ok)),
            // s2: its local buyer f, 0 of 100 local, then 100 of 100.
            (
                "s2",
                Some(0.0),
                Some(1.0),
                Some(Status::Ok),
                Some(Status::Ok)
            ),
        ]
    );
    assert_eq!(c.stage_rates[1].name(Lang::En), "Processing");
    // 亩均: f (industrial land, operating, 10 亩) alone in the 规上 group: class A. g has no
    // land type on record: 不定等级. x is outside the county and not counted.
    let classes: Vec<(Option<LandGrade>, usize, usize)> =
        c.land_classes.iter().map(|k| (k.class, k.a, k.b)).collect();
    assert_eq!(
        classes,
        vec![
            (Some(LandGrade::A), 1, 1),
            (Some(LandGrade::B), 0, 0),
            (Some(LandGrade::C), 0, 0),
            (Some(LandGrade::D), 0, 0),
            (None, 0, 1),
        ]
    );
    assert_eq!(c.land_classes[4].label(Lang::Zh), "不定等级");
    assert!(c.towns.is_empty());
    assert!(c.agreements.is_empty());
    assert!(!c.is_unchanged());
}

#[test]
fn the_other_way_round_opens_what_was_closed() {
    let forward = compare(&base(), &with_local_supplier(), None);
    let back = compare(&with_local_supplier(), &base(), None);
    assert_eq!(back.gaps_opened, forward.gaps_closed);
    assert!(back.gaps_closed.is_empty());
    for (f, b) in forward.figures.iter().zip(&back.figures) {
        assert_eq!((f.code, f.a, f.b), (b.code, b.b, b.a));
    }
}

#[test]
fn json_has_every_figure_and_the_gap_counts() {
    let c = compare(&base(), &with_local_supplier(), None);
    let j = c.to_json();
    assert_eq!(j["year"], 2024);
    assert_eq!(j["local_supporting_rate"]["a"], 0.0);
    assert_eq!(j["local_supporting_rate"]["b"], 1.0);
    assert_eq!(j["stage_coverage"]["a"], 0.5);
    assert_eq!(j["product_completeness"]["b"], 1.0);
    assert_eq!(j["gaps"]["a"]["missing"], 2);
    assert_eq!(j["gaps"]["a"]["at_risk"], 1);
    assert_eq!(j["gaps"]["b"]["weak"], 0);
    assert_eq!(j["value_added"]["a"], serde_json::Value::Null);
    assert_eq!(j["stages"][0]["id"], "s1");
    assert_eq!(j["stages"][0]["a"], serde_json::Value::Null);
    assert_eq!(j["stages"][0]["status_a"], "missing");
    assert_eq!(j["stages"][1]["segment"], "midstream");
    assert_eq!(j["gaps_closed"].as_array().unwrap().len(), 3);
    assert_eq!(j["gaps_closed"][2]["class"], "at_risk");
    assert_eq!(j["gaps_closed"][2]["subject"], "f");
    assert_eq!(j["gaps_opened"], serde_json::json!([]));
    assert_eq!(
        j["land_classes"][4],
        serde_json::json!({"class": "unclassified", "a": 0, "b": 1})
    );
    for key in ["leaders", "towns", "agreements"] {
        assert_eq!(j[key], serde_json::json!([]), "{key}");
    }
    for f in &c.figures {
        assert!(j.get(f.code).is_some(), "{} missing", f.code);
    }
}

#[test]
fn figures_read_as_the_cli_shows_them() {
    assert_eq!(format_value(Some(0.855), FigureKind::Percent), "85.5%");
    assert_eq!(format_value(Some(3.0), FigureKind::Count), "3");
    assert_eq!(format_value(Some(1234.5), FigureKind::Amount), "1234.50");
    assert_eq!(format_value(None, FigureKind::Percent), "—");
    let c = compare(&base(), &with_local_supplier(), None);
    let rate = c.figure("local_supporting_rate").unwrap();
    assert_eq!(rate.label(Lang::Zh), "本地配套率");
    assert_eq!(rate.label(Lang::En), "Local supporting rate");
    assert_eq!(rate.delta(), Some(1.0));
    assert!(rate.changed());
    assert!(!c.figure("above_scale_firms").unwrap().changed());
}

/// The sample without one node and the links touching it.
fn without(project: &Project, id: &str) -> Project {
    let mut p = project.clone();
    let id = NodeId::from(id);
    assert!(p.nodes.remove(&id).is_some(), "no node {id}");
    p.links.retain(|_, l| l.from != id && l.to != id);
    p
}

#[test]
fn the_sample_against_itself_changes_nothing() {
    let p = sample("zhashui-fungus.chainmap.json");
    let c = compare(&p, &p, None);
    assert!(c.is_unchanged());
    for f in &c.figures {
        assert_eq!(f.a, f.b, "{}", f.code);
    }
    assert!(c.figure("output").unwrap().a.is_some_and(|v| v > 0.0));
    assert_eq!(c.stage_rates.len(), 14);
    assert!(
        c.stage_rates
            .iter()
            .all(|s| s.a == s.b && s.status_a == s.status_b)
    );
    assert!(c.gaps_closed.is_empty() && c.gaps_opened.is_empty());
    assert!(c.leaders.is_empty());
    // Five towns on both sides, their shares of county output adding up to at most 1.
    assert_eq!(c.towns.len(), 5);
    assert!(
        c.towns
            .iter()
            .all(|t| t.share_a == t.share_b && t.specialised_a == t.specialised_b)
    );
    let shares: f64 = c.towns.iter().filter_map(|t| t.share_a).sum();
    assert!(shares > 0.0 && shares <= 1.0 + 1e-9, "{shares}");
    let total: usize = c.land_classes.iter().map(|k| k.a).sum();
    assert!(total > 0);
    assert!(c.land_classes.iter().all(|k| k.a == k.b));
}

#[test]
fn the_sample_without_its_logistics_firm() {
    // E33 (县域物流公司, 县城, output 2600 in 2024) is the only local firm of stage D3 (物流配送,
    // requiring 快递物流 and 物流), and the only supplier of 物流 to five local firms.
    let a = sample("zhashui-fungus.chainmap.json");
    let b = without(&a, "E33");
    let c = compare(&a, &b, None);
    // 14 of 14 stages covered, then 13; 15 of 17 required products, then 13 (D3's two).
    assert_eq!(figure(&c, "stage_coverage"), (Some(1.0), Some(13.0 / 14.0)));
    assert_eq!(
        figure(&c, "product_completeness"),
        (Some(15.0 / 17.0), Some(13.0 / 17.0))
    );
    let (fa, fb) = figure(&c, "firms");
    assert_eq!(fb, fa.map(|n| n - 1.0));
    let (oa, ob) = figure(&c, "output");
    assert_eq!(ob, oa.map(|o| o - 2600.0));
    // Closed: D3 is no longer a weak stage (it has no firm at all), and the five firms no
    // longer rely on E33 alone for 物流. Opened: D3 and its two required products, 补链.
    assert_eq!(
        gap_ids(&c.gaps_closed),
        vec![
            (GapClass::Weak, Some("D3"), None, None),
            (GapClass::AtRisk, Some("D3"), Some("物流"), Some("E33")),
        ]
    );
    assert_eq!(
        gap_ids(&c.gaps_opened),
        vec![
            (GapClass::Missing, Some("D3"), None, None),
            (GapClass::Missing, Some("D3"), Some("快递物流"), None),
            (GapClass::Missing, Some("D3"), Some("物流"), None),
        ]
    );
    let d3 = c
        .stage_rates
        .iter()
        .find(|s| s.id.as_str() == "D3")
        .unwrap();
    assert_eq!(
        (d3.status_a, d3.status_b),
        (Some(Status::Weak), Some(Status::Missing))
    );
    // E33 was not a 链主 candidate: no ranks change.
    assert!(c.leaders.is_empty(), "{:?}", c.leaders);
    // Its town (县城, T5) loses its output; the others keep theirs, with larger shares.
    let town = |id: &str| c.towns.iter().find(|t| t.id.as_str() == id).unwrap();
    let t5 = town("T5");
    assert_eq!(t5.output_b, t5.output_a.map(|o| o - 2600.0));
    let t1 = town("T1");
    assert_eq!(t1.output_a, t1.output_b);
    assert!(t1.share_b > t1.share_a);
}

#[test]
fn the_sample_without_its_chain_leader() {
    let mut a = sample("zhashui-fungus.chainmap.json");
    // Revenue from 3000 万元 (not 1 亿): E05, E19, E23 and E24 are candidates.
    a.meta.leader_criteria.min_revenue = Decimal::from(3000);
    let b = without(&a, "E23");
    let c = compare(&a, &b, None);
    let ranked = |p: &Project| -> Vec<NodeId> {
        analyze(p, &AnalysisOptions::default())
            .leaders
            .iter()
            .map(|l| l.id.clone())
            .collect()
    };
    let (ra, rb) = (ranked(&a), ranked(&b));
    assert_eq!(ra.len(), 4, "{ra:?}");
    // The 链主, biggest on revenue and farmers linked, comes first.
    assert_eq!(ra[0].as_str(), "E23");
    assert_eq!(rb.len(), 3);
    // The others keep their order and move up one.
    assert_eq!(rb, ra[1..].to_vec());
    let rows: Vec<(&str, Option<usize>, Option<usize>)> = c
        .leaders
        .iter()
        .map(|l| (l.id.as_str(), l.rank_a, l.rank_b))
        .collect();
    assert_eq!(
        rows,
        vec![
            (ra[1].as_str(), Some(2), Some(1)),
            (ra[2].as_str(), Some(3), Some(2)),
            (ra[3].as_str(), Some(4), Some(3)),
            ("E23", Some(1), None),
        ]
    );
    let rank_a = 1;
    let e23 = c.leaders.iter().find(|l| l.id.as_str() == "E23").unwrap();
    assert_eq!((e23.rank_a, e23.rank_b), (Some(rank_a), None));
    assert_eq!(e23.name, "链主食品集团(县外引进)");
    // Every row is a rank that changed; every candidate whose rank changed has its row.
    for l in &c.leaders {
        assert_ne!(l.rank_a, l.rank_b, "{l:?}");
    }
    let pos = |v: &[NodeId], id: &NodeId| v.iter().position(|x| x == id).map(|i| i + 1);
    for id in ra.iter().chain(&rb) {
        let moved = pos(&ra, id) != pos(&rb, id);
        assert_eq!(c.leaders.iter().any(|l| &l.id == id), moved, "{id}");
    }
    // Whoever is first now was not before; ordered by rank in B, the one that left last.
    assert!(c.leaders.len() >= 2, "{:?}", c.leaders);
    assert_eq!(c.leaders[0].rank_b, Some(1));
    assert_eq!(c.leaders.last().map(|l| l.id.as_str()), Some("E23"));
    assert_eq!(figure(&c, "leader_candidates"), (Some(4.0), Some(3.0)));
    // Without its output (21000 of 39000 processing), processing falls to 18000 against 8220 of
    // farm output: 2.19 : 1, under the 2.8 : 1 target. A 延链 gap of the chain opens.
    assert_eq!(
        gap_ids(&c.gaps_opened),
        vec![(GapClass::Extend, None, None, Some("muer"))]
    );
    assert_eq!(figure(&c, "gaps_extend"), (Some(0.0), Some(1.0)));
}

/// Two counties and an enclave firm e (tax 200, output 1000 in 2024): fiscal tax by fixed
/// shares S : H = PCT_S : PCT_H; official statistics of output all the host's.
const AGREEMENT: &str = r#"{
  "format": "chainmap", "version": 1, "name": "飞地", "unit": "万元", "base_year": 2024,
  "chains": [],
  "nodes": [
    {"id": "S", "name": "飞出县", "kind": "region"},
    {"id": "H", "name": "飞入县", "kind": "region"},
    {"id": "e", "name": "飞地企业", "kind": "enterprise", "figures": {"2024": {"output": 1000, "tax": 200}}}],
  "links": [],
  "agreements": [{"id": "ag", "name": "分成协议", "signed_year": 2020,
    "parties": [{"node": "S", "role": "source"}, {"node": "H", "role": "host"}],
    "scope": ["e"],
    "phases": [
      {"id": "stat", "name": "在地统计", "ledger": "statistics", "metric": "output", "start": {"after_signing": 0}, "rule": {"all_to": {"party": "H"}}},
      {"id": "fs", "name": "税收分成", "ledger": "fiscal", "metric": "tax", "start": {"after_signing": 0},
       "rule": {"fixed_shares": {"shares": [{"party": "S", "pct": PCT_S}, {"party": "H", "pct": PCT_H}]}}}]}],
  "views": []
}"#;

fn agreement(s: u32, h: u32) -> Project {
    load(
        &AGREEMENT
            .replace("PCT_S", &s.to_string())
            .replace("PCT_H", &h.to_string()),
    )
}

#[test]
fn agreement_parts_of_the_year_by_hand() {
    let c = compare(&agreement(50, 50), &agreement(70, 30), Some(2024));
    assert_eq!(c.agreements.len(), 1);
    let ag = &c.agreements[0];
    assert_eq!(
        (ag.id.as_str(), ag.year, ag.in_a, ag.in_b),
        ("ag", 2024, true, true)
    );
    let part = |ledger: Ledger, metric: Metric, party: &str| {
        ag.parts
            .iter()
            .find(|p| p.ledger == ledger && p.metric == metric && p.party.as_str() == party)
            .map(|p| (p.a, p.b))
    };
    let d = |v: i64| Some(Decimal::from(v));
    // Tax 200: 50 % each, then 70 % : 30 %.
    assert_eq!(
        part(Ledger::Fiscal, Metric::Tax, "S"),
        Some((d(100), d(140)))
    );
    assert_eq!(
        part(Ledger::Fiscal, Metric::Tax, "H"),
        Some((d(100), d(60)))
    );
    // Output in the official statistics: the host's, on both sides.
    assert_eq!(
        part(Ledger::Statistics, Metric::Output, "H"),
        Some((d(1000), d(1000)))
    );
    assert!(ag.changed());
    // Ledgers in order, then parties in the agreement's order.
    let order: Vec<(Ledger, &str)> = ag
        .parts
        .iter()
        .map(|p| (p.ledger, p.party.as_str()))
        .collect();
    let fiscal: Vec<&str> = order
        .iter()
        .filter(|(l, _)| *l == Ledger::Fiscal)
        .map(|(_, p)| *p)
        .collect();
    assert_eq!(fiscal, vec!["S", "H"]);
    assert!(order.first().is_some_and(|(l, _)| *l == Ledger::Statistics));
    let j = c.to_json();
    let fiscal_s = j["agreements"][0]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["ledger"] == "fiscal" && p["party"] == "S")
        .unwrap();
    assert_eq!(fiscal_s["a"].to_string(), "100");
    assert_eq!(fiscal_s["b"].to_string(), "140");
}

#[test]
fn an_agreement_on_one_side_only() {
    let a = sample("ankang-enclave.chainmap.json");
    let same = compare(&a, &a, None);
    assert!(!same.agreements.is_empty());
    assert!(same.is_unchanged());
    assert!(
        same.agreements
            .iter()
            .all(|g| g.parts.iter().all(|p| p.a == p.b))
    );
    assert!(
        same.agreements
            .iter()
            .any(|g| g.parts.iter().any(|p| p.a.is_some_and(|v| !v.is_zero())))
    );
    let gone: AgreementId = a.agreements.keys().next().unwrap().clone();
    let mut b = a.clone();
    b.agreements.remove(&gone);
    let c = compare(&a, &b, None);
    let row = c.agreements.iter().find(|g| g.id == gone).unwrap();
    assert!(row.in_a && !row.in_b);
    assert!(row.parts.iter().all(|p| p.a.is_some() && p.b.is_none()));
    assert!(row.changed());
    // The others are as they were.
    assert!(
        c.agreements
            .iter()
            .filter(|g| g.id != gone)
            .all(|g| !g.changed())
    );
}

#[test]
fn a_scenario_compares_as_the_project_it_makes() {
    let base = base();
    let edited = with_local_supplier();
    let changes = chainmap::scenario::record(&base, &edited).unwrap();
    let made = chainmap::scenario::materialise(&base, &changes);
    assert!(made.skipped.is_empty(), "{:?}", made.skipped);
    assert_eq!(
        compare(&base, &made.project, None),
        compare(&base, &edited, None)
    );
}
