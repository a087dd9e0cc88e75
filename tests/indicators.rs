//! Issue 16's evaluations on small projects whose every figure is worked out by hand in the
//! comments: 链主 by criteria then a weighted score, the 亩均效益评价 (groups, capped indicator
//! scores, classes by rank, 不定等级), and the yearly indicator dashboard; plus the JSON shapes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::indicators::Row;
use chainmap::analysis::land::{Exclusion, Indicator, LandGrade, ScaleGroup, class_by_rank};
use chainmap::analysis::leaders::Ineligible;
use chainmap::analysis::{AnalysisOptions, analyze};
use chainmap::file::{LoadOptions, load_str};
use chainmap::i18n::Lang;
use chainmap::model::{FirmStatus, LandType, NodeKind, Project};
use rust_decimal::Decimal;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn load(text: &str) -> Project {
    load_str(text, LoadOptions { strict: true })
        .unwrap()
        .project
}

/// 链主 by hand (2024, threshold 10 000 万元 by default, weights 30/25/15/15/15):
///
/// L1 规上 (field), revenue 20 000, R&D 400, 300 farmers; L2 tagged 规上, no revenue but output
/// 12 000 (stands in); S1 规下 revenue 3 000; S2 规上 revenue 5 000; C1 a cooperative tagged
/// 国家级龙头 with output 8 000; P a public testing centre; X external, revenue 50 000.
/// Supply: S1, S2, P, X → L1; C1 → L2; L1 → L2.
///
/// Local revenue of the chain: 20 000 + 12 000 + 3 000 + 5 000 + 8 000 = 48 000.
/// L1: share 20 000/48 000, 3 local suppliers (S1, S2, P), 300 farmers, R&D 400/20 000 = 2 %,
///     betweenness: S1, S2, P, X → L1 → L2 are 4 shortest paths through L1, over (7−1)(7−2) = 30.
/// L2: share 12 000/48 000 = 0.25, 2 local suppliers (C1, L1), no farmers, no R&D, betweenness 0.
/// Parts (÷ the largest): L1 all 1 → score 100; L2 share 0.25/0.41667 = 0.6, suppliers 2/3 →
/// score (30·0.6 + 25·2/3) ÷ 100 · 100 = 18 + 16.667 = 34.667.
const LEADERS: &str = r#"{
  "format": "chainmap", "version": 1, "name": "leaders", "unit": "万元", "base_year": 2024,
  "chains": [{"id": "c", "name": "链", "stages": [
    {"id": "s1", "name": "原料", "segment": "upstream", "products": [{"name": "原料", "required": true}]},
    {"id": "s2", "name": "加工", "segment": "midstream", "products": [{"name": "成品", "required": true}]}]}],
  "nodes": [
    {"id": "C1", "name": "合作社", "kind": "cooperative", "stages": ["s1"], "tags": ["国家级龙头"], "figures": {"2024": {"output": 8000}}},
    {"id": "L1", "name": "链主甲", "kind": "enterprise", "stages": ["s2"], "above_scale": true, "figures": {"2024": {"revenue": 20000, "rd": 400, "farmers_linked": 300}}},
    {"id": "L2", "name": "龙头乙", "kind": "enterprise", "stages": ["s2"], "tags": ["规上"], "figures": {"2024": {"output": 12000}}},
    {"id": "P", "name": "检测中心", "kind": "public_institution", "stages": ["s2"]},
    {"id": "S1", "name": "小厂", "kind": "enterprise", "stages": ["s1"], "figures": {"2024": {"revenue": 3000}}},
    {"id": "S2", "name": "中厂", "kind": "enterprise", "stages": ["s1"], "above_scale": true, "figures": {"2024": {"revenue": 5000}}},
    {"id": "X", "name": "县外", "kind": "external_enterprise", "stages": ["s1"], "above_scale": true, "figures": {"2024": {"revenue": 50000}}}],
  "links": [
    {"id": "k1", "kind": "supply", "from": "S1", "to": "L1", "product": "原料", "value": 100},
    {"id": "k2", "kind": "supply", "from": "S2", "to": "L1", "product": "原料", "value": 50},
    {"id": "k3", "kind": "supply", "from": "P", "to": "L1", "product": "检测", "value": 5},
    {"id": "k4", "kind": "supply", "from": "X", "to": "L1", "product": "原料", "value": 30},
    {"id": "k5", "kind": "supply", "from": "C1", "to": "L2", "product": "原料", "value": 40},
    {"id": "k6", "kind": "supply", "from": "L1", "to": "L2", "product": "成品", "value": 60}],
  "agreements": [], "views": []
}"#;

#[test]
fn leaders_by_criteria_then_a_weighted_score() {
    let a = analyze(&load(LEADERS), &AnalysisOptions::default());
    let ids: Vec<&str> = a.leaders.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["L1", "L2"]);
    let (l1, l2) = (&a.leaders[0], &a.leaders[1]);
    assert!(close(l1.revenue_share, 20000.0 / 48000.0));
    assert_eq!((l1.local_suppliers, l1.farmers), (3, 300));
    assert!(close(l1.rd_intensity.unwrap(), 0.02));
    assert!(close(l1.betweenness, 4.0 / 30.0));
    assert!(close(l1.score, 100.0), "{}", l1.score);
    assert!(!l1.revenue_from_output);
    assert!(l2.revenue_from_output, "output stands in for revenue");
    assert!(close(l2.parts.revenue_share, 0.6));
    assert!(close(l2.parts.local_suppliers, 2.0 / 3.0));
    assert_eq!(
        (l2.parts.farmers, l2.parts.rd_intensity, l2.parts.hub),
        (0.0, 0.0, 0.0)
    );
    assert!(close(l2.score, 18.0 + 25.0 * 2.0 / 3.0), "{}", l2.score);
    assert_eq!(l2.rd_intensity, None);
    // Not eligible, with every reason; X (external, untagged) and P (public) are not listed.
    let why: Vec<(&str, &Vec<Ineligible>)> = a
        .not_eligible
        .iter()
        .map(|n| (n.id.as_str(), &n.reasons))
        .collect();
    assert_eq!(
        why,
        [
            (
                "C1",
                &vec![
                    Ineligible::NotEnterprise(NodeKind::Cooperative),
                    Ineligible::NotAboveScale,
                    Ineligible::RevenueBelow {
                        revenue: Some(8000.0),
                        from_output: true,
                        min: 10000.0
                    }
                ]
            ),
            (
                "S1",
                &vec![
                    Ineligible::NotAboveScale,
                    Ineligible::RevenueBelow {
                        revenue: Some(3000.0),
                        from_output: false,
                        min: 10000.0
                    }
                ]
            ),
            (
                "S2",
                &vec![Ineligible::RevenueBelow {
                    revenue: Some(5000.0),
                    from_output: false,
                    min: 10000.0
                }]
            ),
        ]
    );
    assert!(a.not_eligible[0].tagged_leader);
    assert_eq!(
        a.not_eligible[2].reasons[0].message(Lang::Zh),
        "营收 5000 低于门槛 10000"
    );
    // Node reports carry the score of candidates only.
    assert!(close(
        a.node(&"L1".into()).unwrap().leader_score.unwrap(),
        100.0
    ));
    assert_eq!(a.node(&"S1".into()).unwrap().leader_score, None);
}

#[test]
fn the_projects_threshold_and_weights_decide() {
    let mut p = load(LEADERS);
    // Only the hub counts: L2 (betweenness 0) scores 0, L1 100.
    p.meta.leader_criteria.weights = chainmap::model::LeaderWeights {
        revenue_share: 0.0,
        local_suppliers: 0.0,
        farmers: 0.0,
        rd_intensity: 0.0,
        hub: 5.0,
    };
    let a = analyze(&p, &AnalysisOptions::default());
    assert!(close(a.leaders[0].score, 100.0) && close(a.leaders[1].score, 0.0));
    // A threshold of 15 000 leaves L2 (12 000) out, with the figures said.
    p.meta.leader_criteria.min_revenue = Decimal::from(15000);
    let a = analyze(&p, &AnalysisOptions::default());
    assert_eq!(a.leaders.len(), 1);
    let l2 = a
        .not_eligible
        .iter()
        .find(|n| n.id.as_str() == "L2")
        .unwrap();
    assert_eq!(
        l2.reasons,
        [Ineligible::RevenueBelow {
            revenue: Some(12000.0),
            from_output: true,
            min: 15000.0
        }]
    );
    assert_eq!(
        l2.reasons[0].message(Lang::En),
        "revenue (none on record; output) 12000 below the threshold 15000"
    );
}

/// 亩均 by hand (2024, weights 30/20/20/10/10/10).
///
/// 规上 (industrial, operating), land 10 亩 each:
/// | firm | tax | VA  | energy | emissions | staff | R&D | revenue |
/// | A1   | 60  | 500 | 100    | 2         | 50    | 30  | 1000    |
/// | A2   | 20  | 100 | 100    | —         | 50    | —   | 1000    |
/// | A3   | 0   | 60  | 60     | —         | 60    | —   | 500     |
/// Values: tax/mu 6, 2, 0 (avg 8/3); VA/mu 50, 10, 6 (avg 22); VA/tce 5, 1, 1 (avg 7/3);
/// VA/t 250 (A1 only: avg 250); VA/person 10, 2, 1 (avg 13/3); R&D 3 % (A1 only).
/// A1: every ratio ≥ 2 is capped: 30·2 + 20·2 + 20·2 + 10·1 + 10·2 + 10·1 = 180.
/// A2: 30·0.75 + 20·10/22 + 20·3/7 + 0 + 10·6/13 + 0 = 22.5 + 9.0909 + 8.5714 + 4.6154.
/// A3: 0 + 20·6/22 + 20·3/7 + 0 + 10·3/13 + 0 = 5.4545 + 8.5714 + 2.3077.
/// Three firms: A = 1 (A1), B = 1 (A2), D = 0, C = the rest (A3).
/// 规下: B1 alone, tax 5 on 1 亩 (its average): 30 → A.
/// 不定等级: E1 agricultural land, E2 new, E3 a public testing centre, E4 no land, E5 land
/// type not recorded, X external.
const LAND: &str = r#"{
  "format": "chainmap", "version": 1, "name": "land", "unit": "万元", "base_year": 2024,
  "chains": [{"id": "c", "name": "链", "stages": [{"id": "s1", "name": "加工", "segment": "midstream"}]}],
  "nodes": [
    {"id": "A1", "name": "甲", "kind": "enterprise", "stages": ["s1"], "above_scale": true, "land_type": "industrial",
     "figures": {"2024": {"tax": 60, "land_mu": 10, "value_added": 500, "energy_tce": 100, "emissions_t": 2, "employees": 50, "rd": 30, "revenue": 1000}}},
    {"id": "A2", "name": "乙", "kind": "enterprise", "stages": ["s1"], "above_scale": true, "land_type": "industrial",
     "figures": {"2024": {"tax": 20, "land_mu": 10, "value_added": 100, "energy_tce": 100, "employees": 50, "revenue": 1000}}},
    {"id": "A3", "name": "丙", "kind": "enterprise", "stages": ["s1"], "tags": ["规上"], "land_type": "industrial",
     "figures": {"2024": {"tax": 0, "land_mu": 10, "value_added": 60, "energy_tce": 60, "employees": 60, "revenue": 500}}},
    {"id": "B1", "name": "丁", "kind": "enterprise", "stages": ["s1"], "land_type": "industrial", "status": "operating",
     "figures": {"2024": {"tax": 5, "land_mu": 1}}},
    {"id": "E1", "name": "果园", "kind": "family_farms", "stages": ["s1"], "land_type": "agricultural", "figures": {"2024": {"tax": 1, "land_mu": 3000}}},
    {"id": "E2", "name": "新厂", "kind": "enterprise", "stages": ["s1"], "land_type": "industrial", "status": "new", "figures": {"2024": {"tax": 1, "land_mu": 5}}},
    {"id": "E3", "name": "检测中心", "kind": "public_institution", "stages": ["s1"], "land_type": "industrial", "figures": {"2024": {"land_mu": 5}}},
    {"id": "E4", "name": "无地", "kind": "enterprise", "stages": ["s1"], "land_type": "industrial", "figures": {"2024": {"tax": 3}}},
    {"id": "E5", "name": "未填", "kind": "enterprise", "stages": ["s1"], "figures": {"2024": {"tax": 3, "land_mu": 2}}},
    {"id": "X", "name": "县外", "kind": "external_enterprise", "stages": ["s1"], "land_type": "industrial", "figures": {"2024": {"tax": 9, "land_mu": 1}}},
    {"id": "pk", "name": "园区", "kind": "park", "figures": {"2024": {"tax": 100, "land_mu": 50}}}],
  "links": [], "agreements": [], "views": []
}"#;

#[test]
fn land_evaluation_by_hand() {
    let p = load(LAND);
    assert_eq!(p.nodes[&"E2".into()].status, FirmStatus::New);
    assert_eq!(
        p.nodes[&"E1".into()].land_type,
        Some(LandType::Agricultural)
    );
    let a = analyze(&p, &AnalysisOptions::default());
    let land = &a.land;
    assert_eq!(land.groups.len(), 2);
    let above = &land.groups[0];
    assert_eq!(above.group, ScaleGroup::AboveScale);
    let order: Vec<&str> = above.firms.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(order, ["A1", "A2", "A3"]);
    assert!(close(above.averages.tax_per_mu.unwrap(), 8.0 / 3.0));
    assert!(close(above.averages.va_per_emission.unwrap(), 250.0));
    let (a1, a2, a3) = (&above.firms[0], &above.firms[1], &above.firms[2]);
    assert!(
        close(a1.parts.tax_per_mu, 60.0),
        "capped at twice the weight"
    );
    assert!(close(a1.parts.va_per_emission, 10.0));
    assert!(close(a1.score, 180.0), "{}", a1.score);
    assert!(close(a2.parts.tax_per_mu, 22.5));
    assert_eq!(a2.values.va_per_emission, None);
    assert_eq!(
        a2.parts.va_per_emission, 0.0,
        "a missing indicator scores 0"
    );
    let a2_score = 22.5 + 20.0 * 10.0 / 22.0 + 20.0 * 3.0 / 7.0 + 10.0 * 6.0 / 13.0;
    assert!(close(a2.score, a2_score), "{}", a2.score);
    let a3_score = 20.0 * 6.0 / 22.0 + 20.0 * 3.0 / 7.0 + 10.0 * 3.0 / 13.0;
    assert!(close(a3.score, a3_score), "{}", a3.score);
    assert!(
        close(a3.values.tax_per_mu.unwrap(), 0.0),
        "zero tax is a value, not missing"
    );
    let classes: Vec<LandGrade> = above.firms.iter().map(|f| f.class).collect();
    assert_eq!(classes, [LandGrade::A, LandGrade::B, LandGrade::C]);
    let below = &land.groups[1];
    assert_eq!(below.group, ScaleGroup::BelowScale);
    assert_eq!(below.firms.len(), 1);
    assert!(close(below.firms[0].score, 30.0));
    assert_eq!(below.firms[0].class, LandGrade::A);
    let excluded: Vec<(&str, Exclusion)> = land
        .excluded
        .iter()
        .map(|e| (e.id.as_str(), e.reason))
        .collect();
    assert_eq!(
        excluded,
        [
            ("E1", Exclusion::NotIndustrialLand(LandType::Agricultural)),
            ("E2", Exclusion::Status(FirmStatus::New)),
            ("E3", Exclusion::Public),
            ("E4", Exclusion::NoLand),
            ("E5", Exclusion::LandTypeUnknown),
            ("X", Exclusion::NotLocal),
        ]
    );
    assert_eq!(
        Exclusion::Status(FirmStatus::New).message(Lang::Zh),
        "新建投产企业"
    );
    // Other weights: only 亩均税收 counts.
    let mut p = p;
    p.meta.land_weights = chainmap::model::LandWeights {
        tax_per_mu: 100.0,
        va_per_mu: 0.0,
        va_per_energy: 0.0,
        va_per_emission: 0.0,
        labour_productivity: 0.0,
        rd_share: 0.0,
    };
    let a = analyze(&p, &AnalysisOptions::default());
    let scores: Vec<f64> = a.land.groups[0].firms.iter().map(|f| f.score).collect();
    assert!(close(scores[0], 200.0) && close(scores[1], 75.0) && close(scores[2], 0.0));
}

#[test]
fn classes_by_rank_in_a_group() {
    let count = |n: usize| {
        let mut c = [0; 4];
        for r in 0..n {
            c[class_by_rank(r, n) as usize] += 1;
        }
        c
    };
    // [A, B, C, D]: A 25 % (at least 1), B 50 %, D 5 % (at least 1 from 10 firms), C the rest.
    assert_eq!(count(1), [1, 0, 0, 0]);
    assert_eq!(count(2), [1, 1, 0, 0]);
    assert_eq!(count(4), [1, 2, 1, 0]);
    assert_eq!(count(9), [2, 4, 3, 0]);
    assert_eq!(count(10), [2, 5, 2, 1]);
    assert_eq!(count(20), [5, 10, 4, 1]);
    assert_eq!(count(41), [10, 20, 9, 2]);
    // Best first: A, then B, then C, D last.
    let ten: Vec<LandGrade> = (0..10).map(|r| class_by_rank(r, 10)).collect();
    assert_eq!(ten[0], LandGrade::A);
    assert_eq!(ten[2], LandGrade::B);
    assert_eq!(ten[7], LandGrade::C);
    assert_eq!(ten[9], LandGrade::D);
}

#[test]
fn ties_go_by_id() {
    // Two identical firms: equal scores, the smaller id ranks first and takes the A.
    let text = LAND.replace(
        r#""tax": 20, "land_mu": 10, "value_added": 100, "energy_tce": 100, "employees": 50, "revenue": 1000"#,
        r#""tax": 0, "land_mu": 10, "value_added": 60, "energy_tce": 60, "employees": 60, "revenue": 500"#,
    );
    let a = analyze(&load(&text), &AnalysisOptions::default());
    let g = &a.land.groups[0];
    assert!(close(g.firms[1].score, g.firms[2].score));
    assert_eq!(
        g.firms.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["A1", "A2", "A3"]
    );
}

#[test]
fn land_json_has_the_shape_of_the_issue() {
    let a = analyze(&load(LAND), &AnalysisOptions::default());
    let v = a.to_json(Lang::En);
    let land = &v["land"];
    let keys = |o: &serde_json::Value| {
        let mut k: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(land), ["excluded", "groups"]);
    assert_eq!(land["groups"][0]["group"], "above_scale");
    assert_eq!(land["groups"][1]["group"], "below_scale");
    let firm = &land["groups"][0]["firms"][0];
    assert_eq!(keys(firm), ["class", "id", "parts", "score"]);
    assert_eq!(firm["id"], "A1");
    assert_eq!(firm["class"], "A");
    let mut parts = keys(&firm["parts"]);
    parts.sort();
    let mut expected: Vec<&str> = Indicator::ALL.iter().map(|i| i.code()).collect();
    expected.sort();
    assert_eq!(parts, expected);
    assert!(close(firm["parts"]["tax_per_mu"].as_f64().unwrap(), 60.0));
    assert_eq!(
        land["excluded"][0],
        serde_json::json!({"id": "E1", "reason": "agricultural_land"})
    );
    assert_eq!(land["excluded"][5]["reason"], "not_local");
}

/// The dashboard by hand. 2023: F1 (链主, 规上, output 600, VA 150, revenue 600, R&D 12, 100
/// farmers, provincial 专精特新), F2 (300, tagged 高新技术企业 and 区域公用品牌), F3 (100).
/// 2024: F1 (800, VA 200, revenue 800, R&D 24, 150 farmers), F2 (200), F3 (100), F4 (新, tagged
/// 规上 and 地理标志产品, output 100), F5 (50); X external (not counted).
/// 2024: output 1250; leaders' share 800/1250 = 0.64; CR4 = 1200/1250 = 0.96; CR8 = 1;
/// R&D intensity over the 规上 (F1, F4): 24 ÷ (800 + 100) — F4's output stands in for revenue.
/// 2023: output 1000; share 0.6; CR4 = 1; R&D 12/600 = 0.02.
const YEARS: &str = r#"{
  "format": "chainmap", "version": 1, "name": "years", "unit": "万元", "base_year": 2024,
  "chains": [{"id": "c", "name": "链", "stages": [{"id": "s1", "name": "加工", "segment": "midstream", "products": [{"name": "原料", "required": true}]}]}],
  "nodes": [
    {"id": "F1", "name": "链主", "kind": "enterprise", "stages": ["s1"], "tags": ["链主"], "above_scale": true, "srdi": "provincial",
     "figures": {"2023": {"output": 600, "value_added": 150, "revenue": 600, "rd": 12, "farmers_linked": 100},
                 "2024": {"output": 800, "value_added": 200, "revenue": 800, "rd": 24, "farmers_linked": 150}}},
    {"id": "F2", "name": "乙", "kind": "enterprise", "stages": ["s1"], "tags": ["高新技术企业", "区域公用品牌"],
     "figures": {"2023": {"output": 300}, "2024": {"output": 200}}},
    {"id": "F3", "name": "丙", "kind": "enterprise", "stages": ["s1"], "figures": {"2023": {"output": 100}, "2024": {"output": 100}}},
    {"id": "F4", "name": "丁", "kind": "enterprise", "stages": ["s1"], "tags": ["规上", "地理标志产品"], "figures": {"2024": {"output": 100}}},
    {"id": "F5", "name": "戊", "kind": "enterprise", "stages": ["s1"], "figures": {"2024": {"output": 50}}},
    {"id": "X", "name": "县外", "kind": "external_enterprise", "stages": ["s1"], "figures": {"2024": {"output": 9000}}}],
  "links": [
    {"id": "k1", "kind": "supply", "from": "F2", "to": "F1", "product": "原料", "value": 300},
    {"id": "k2", "kind": "supply", "from": "X", "to": "F1", "product": "原料", "value": 100}],
  "agreements": [], "views": []
}"#;

#[test]
fn indicators_year_by_year() {
    let a = analyze(&load(YEARS), &AnalysisOptions::default());
    let r = &a.indicators;
    let years: Vec<i32> = r.years.iter().map(|y| y.year).collect();
    assert_eq!(years, [2023, 2024]);
    let (y23, y24) = (&r.years[0], &r.years[1]);
    assert_eq!((y23.firms, y24.firms), (3, 5));
    assert_eq!((y23.above_scale_firms, y24.above_scale_firms), (1, 2));
    assert!(close(y23.output, 1000.0) && close(y24.output, 1250.0));
    assert_eq!(
        (y23.value_added, y24.value_added),
        (Some(150.0), Some(200.0))
    );
    assert!(close(y23.leader_output_share.unwrap(), 0.6));
    assert!(close(y24.leader_output_share.unwrap(), 0.64));
    assert!(close(y23.cr4.unwrap(), 1.0));
    assert!(close(y24.cr4.unwrap(), 0.96));
    assert!(close(y24.cr8.unwrap(), 1.0));
    assert!(close(y23.rd_intensity.unwrap(), 0.02));
    assert!(close(y24.rd_intensity.unwrap(), 24.0 / 900.0));
    assert_eq!(
        (
            y24.srdi_firms,
            y24.high_tech_firms,
            y24.brands,
            y24.geographical_indications
        ),
        (1, 1, 1, 1)
    );
    assert_eq!((y23.farmers_linked, y24.farmers_linked), (100, 150));
    // Links carry no year: the link-based rate is the analysed year's only (300 of 400 local).
    assert_eq!(y23.local_supporting_rate_links, None);
    assert_eq!(y24.local_supporting_rate_links, a.local_supporting_rate);
    assert!(close(y24.local_supporting_rate_links.unwrap(), 0.75));
    // Trends into 2024: counts and rates as differences, money as growth.
    assert_eq!(r.change(Row::AboveScaleFirms, 2024), Some(1.0));
    assert!(close(r.change(Row::Output, 2024).unwrap(), 0.25));
    assert!(close(r.change(Row::LeaderOutputShare, 2024).unwrap(), 0.04));
    assert_eq!(r.change(Row::Output, 2023), None, "no year before");
    assert_eq!(r.change(Row::LocalSupportingRateLinks, 2024), None);
    // JSON: a year per object, and the change into the latest.
    let v = a.to_json(Lang::En);
    let ind = &v["indicators"];
    assert_eq!(ind["years"][1]["year"], 2024);
    assert_eq!(ind["years"][1]["above_scale_firms"], 2.0);
    assert!(close(ind["years"][1]["cr4"].as_f64().unwrap(), 0.96));
    assert!(close(ind["change"]["output"].as_f64().unwrap(), 0.25));
    for row in Row::ALL {
        assert!(ind["years"][0].get(row.code()).is_some(), "{}", row.code());
    }
}

#[test]
fn older_files_re_save_unchanged_and_settings_round_trip() {
    let p = load(LEADERS);
    let text = chainmap::file::to_json(&p).unwrap();
    assert!(!text.contains("leader_criteria") && !text.contains("land_weights"));
    assert!(!text.contains("\"status\""), "operating is not written");
    let mut changed = p.clone();
    changed.meta.leader_criteria.min_revenue = Decimal::from(50000);
    changed.meta.land_weights.rd_share = 15.0;
    let back = load(&chainmap::file::to_json(&changed).unwrap());
    assert_eq!(back.meta, changed.meta);
    assert_eq!(back.nodes, changed.nodes);
}

mod ui {
    //! The tabs and fields driven headless on the bundled 柞水 sample, as a user drives them.
    use chainmap::analysis::indicators::Row;
    use chainmap::i18n::Lang;
    use chainmap::model::{LandType, NodeId};
    use chainmap::ui::ChainmapApp;
    use chainmap::ui::state::{AnalysisTab, UiAction};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn harness() -> Harness<'static, ChainmapApp> {
        harness_on(None)
    }

    fn harness_on(file: Option<std::path::PathBuf>) -> Harness<'static, ChainmapApp> {
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1366.0, 768.0))
            .with_theme(egui::Theme::Light)
            .build_eframe(move |cc| {
                ChainmapApp::with_data_dir(cc, file.clone(), Some(Lang::En), None)
            });
        harness.run_steps(3);
        // These tests work in the panels: open the ones a first start on a laptop folds.
        harness.state_mut().ui.settings.show_outline = true;
        harness.state_mut().ui.settings.show_analysis = true;
        harness.run_steps(3);
        harness
    }

    /// The 柞水 sample as a file made before issue 16: none of the fields and figures its
    /// indicators read (land type, 规上 flag, status, R&D, energy …), one year of figures.
    fn sample_before_issue_16(dir: &std::path::Path) -> std::path::PathBuf {
        let text = std::fs::read_to_string("sample_projects/zhashui-fungus.chainmap.json").unwrap();
        let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
        for node in json["nodes"].as_array_mut().unwrap() {
            let node = node.as_object_mut().unwrap();
            for key in ["land_type", "above_scale", "status", "products"] {
                node.remove(key);
            }
            if let Some(figures) = node.get_mut("figures").and_then(|f| f.as_object_mut()) {
                figures.remove("2023");
                for year in figures.values_mut() {
                    let year = year.as_object_mut().unwrap();
                    for key in [
                        "revenue",
                        "value_added",
                        "rd",
                        "energy_tce",
                        "emissions_t",
                        "purchases",
                        "local_purchases",
                    ] {
                        year.remove(key);
                    }
                }
            }
        }
        let path = dir.join("zhashui-2024.chainmap.json");
        std::fs::write(&path, serde_json::to_string(&json).unwrap()).unwrap();
        path
    }

    fn undo(harness: &mut Harness<'static, ChainmapApp>) {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        harness.run_steps(2);
    }

    #[test]
    fn a_leader_weight_typed_is_one_undo_step_and_rescores() {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = harness_on(Some(sample_before_issue_16(dir.path())));
        harness.get_by_label("Leaders").click();
        harness.run_steps(2);
        harness.get_by_label("Not eligible (22)");
        let before = harness.state().doc.undo_depth();
        // The number beside the label "hub" (a spin button labelled by it).
        let spin = egui::accesskit::Role::SpinButton;
        harness.get_by_role_and_label(spin, "hub").click();
        harness.run_steps(1);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.get_by_role_and_label(spin, "hub").type_text("0");
        harness.key_press(egui::Key::Enter);
        harness.run_steps(3);
        let meta = &harness.state().doc.project.meta;
        assert_eq!(meta.leader_criteria.weights.hub, 0.0);
        assert_eq!(harness.state().doc.undo_depth(), before + 1);
        // The one candidate (E23, no R&D on record) had 30 + 25 + 15 + 15 (hub) of 100 = 85;
        // without the hub it has 30 + 25 + 15 of the 85 weight left.
        let top = harness.state().analysis().unwrap().leaders[0].score;
        assert!((top - 70.0 / 85.0 * 100.0).abs() < 1e-9, "{top}");
        undo(&mut harness);
        assert_eq!(
            harness.state().doc.project.meta.leader_criteria.weights.hub,
            15.0
        );
    }

    #[test]
    fn the_indicators_tab_draws_the_trend_of_the_row_picked() {
        let mut harness = harness();
        harness.get_by_label("Indicators").click();
        harness.run_steps(2);
        assert_eq!(harness.state().ui.analysis_tab, AnalysisTab::Indicators);
        harness.get_by_label("2023");
        harness.get_by_label("2024");
        harness.get_by_label("CR4 (top 4 output share)").click();
        harness.run_steps(2);
        assert_eq!(harness.state().ui.indicator_row, Row::Cr4);
        // The sample has 2023 and 2024: the trend is drawn, not the "no trend" note.
        assert!(
            harness
                .query_by_label("fewer than two years: no trend")
                .is_none()
        );
        // A file with one year says there is no trend yet.
        let dir = tempfile::tempdir().unwrap();
        let mut harness = harness_on(Some(sample_before_issue_16(dir.path())));
        harness.get_by_label("Indicators").click();
        harness.run_steps(2);
        harness.get_by_label("fewer than two years: no trend");
    }

    #[test]
    fn marking_a_firm_industrial_and_above_scale_puts_it_in_the_land_evaluation() {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = harness_on(Some(sample_before_issue_16(dir.path())));
        let snacks = NodeId::from("E24");
        harness
            .state_mut()
            .run_action(UiAction::ShowNode(snacks.clone()));
        harness.run_steps(2);
        harness.get_by_label("Land type").click();
        harness.run_steps(2);
        harness.get_by_label("Industrial").click();
        harness.run_steps(3);
        let node = &harness.state().doc.project.nodes[&snacks];
        assert_eq!(node.land_type, Some(LandType::Industrial));
        // Tagged 规上 in the sample: it is evaluated among the 规上 firms, alone, so class A.
        let a = harness.state().analysis().unwrap();
        assert_eq!(a.land.class_of(&snacks).map(|c| c.code()), Some("A"));
        harness.get_by_label("规上").click();
        harness.run_steps(3);
        assert!(harness.state().doc.project.nodes[&snacks].above_scale);
        harness.get_by_label("Land").click();
        harness.run_steps(2);
        harness.get_by_label("Above scale (规上) (1)");
    }
}
