//! Issue 20 (territory) on a small county with hand-computed answers: a firm's town (its own
//! region, a village's town, or its park's town), location quotients, class fit, concentration
//! in parks by level and by year, the 主体功能区 check, farmer linkage; the JSON on the 柞水
//! sample through the command line; the new file fields round trip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::territory::{TerritoryReport, ZoneRule};
use chainmap::analysis::{AnalysisOptions, analyze};
use chainmap::file::{LoadOptions, load_str};
use chainmap::model::{
    Boundary, LandUse, MainFunctionZone, NodeId, ParkLevel, Project, RegionLevel, Segment,
    Severity, StageId,
};
use std::process::Command;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn project(text: &str) -> Project {
    load_str(text, LoadOptions::default()).unwrap().project
}

fn territory(p: &Project) -> TerritoryReport {
    analyze(p, &AnalysisOptions::default()).territory
}

/// HOME (county, 重点生态功能区) has towns A (城市化地区, 工业重镇), B (农产品主产区, 农业大镇),
/// C (no type: HOME's, 商贸强镇), D (文旅名镇, no firms); village VB in B, VC in C. Park PA
/// (county level) lies in A, PB (town level) in B.
///
/// Stages: s1 upstream, agricultural land; s2 midstream, industrial; s3 downstream, service.
///
/// | firm | place              | town | stage | 2024 | 2023 | park |
/// |------|--------------------|------|-------|------|------|------|
/// | a1   | A                  | A    | s2    | 60   | 40   | PA   |
/// | a2   | none, in PA        | A    | s3    | 20   | 20   | PA   |
/// | a3   | A                  | A    | s1    | 20   | —    |      |
/// | b1   | B                  | B    | s1    | 50   | 50   |      |
/// | b2   | VB                 | B    | s2    | 30   | 30   | PB   |
/// | c1   | VC                 | C    | s2    | 20   | 10   |      |
/// | u    | HOME               | none | s3    | —    | —    |      |
/// | x    | external           | —    | s2    | 100  | —    |      |
///
/// 联农带农: a1 → VB (village in B), a1 → b1 (firm in B), a2 → VC (village in C); farmers
/// linked in 2024: b1 100, b2 50.
const COUNTY: &str = r#"{
  "format": "chainmap", "version": 2, "name": "territory", "unit": "万元",
  "home_region": "HOME",
  "chains": [{"id": "c", "name": "链", "stages": [
    {"id": "s1", "name": "种植", "segment": "upstream", "products": [], "land_use": "agricultural"},
    {"id": "s2", "name": "加工", "segment": "midstream", "products": [], "land_use": "industrial"},
    {"id": "s3", "name": "销售", "segment": "downstream", "products": [], "land_use": "service"}]}],
  "nodes": [
    {"id": "HOME", "name": "本县", "kind": "region", "region_level": "county", "zone": "ecological"},
    {"id": "A", "name": "甲镇", "kind": "region", "region": "HOME", "region_level": "town",
     "town_class": "industrial", "zone": "urbanised"},
    {"id": "B", "name": "乙镇", "kind": "region", "region": "HOME", "region_level": "town",
     "town_class": "agricultural", "zone": "agricultural"},
    {"id": "C", "name": "丙镇", "kind": "region", "region": "HOME", "region_level": "town",
     "town_class": "commercial"},
    {"id": "D", "name": "丁镇", "kind": "region", "region": "HOME", "region_level": "town",
     "town_class": "tourism"},
    {"id": "VB", "name": "乙村", "kind": "region", "region": "B", "region_level": "village"},
    {"id": "VC", "name": "丙村", "kind": "region", "region": "C", "region_level": "village"},
    {"id": "PA", "name": "县园区", "kind": "park", "region": "A", "park_level": "county"},
    {"id": "PB", "name": "镇园区", "kind": "park", "region": "B", "park_level": "town"},
    {"id": "a1", "name": "a1", "stages": ["s2"], "region": "A",
     "figures": {"2023": {"output": 40}, "2024": {"output": 60}}},
    {"id": "a2", "name": "a2", "stages": ["s3"],
     "figures": {"2023": {"output": 20}, "2024": {"output": 20}}},
    {"id": "a3", "name": "a3", "stages": ["s1"], "region": "A", "figures": {"2024": {"output": 20}}},
    {"id": "b1", "name": "b1", "kind": "cooperative", "stages": ["s1"], "region": "B",
     "figures": {"2023": {"output": 50}, "2024": {"output": 50, "farmers_linked": 100}}},
    {"id": "b2", "name": "b2", "stages": ["s2"], "region": "VB",
     "figures": {"2023": {"output": 30}, "2024": {"output": 30, "farmers_linked": 50}}},
    {"id": "c1", "name": "c1", "stages": ["s2"], "region": "VC",
     "figures": {"2023": {"output": 10}, "2024": {"output": 20}}},
    {"id": "u", "name": "u", "stages": ["s3"], "region": "HOME"},
    {"id": "x", "name": "x", "kind": "external_enterprise", "stages": ["s2"],
     "figures": {"2024": {"output": 100}}}],
  "links": [
    {"id": "F1", "kind": "farmer_linkage", "from": "a1", "to": "VB"},
    {"id": "F2", "kind": "farmer_linkage", "from": "a1", "to": "b1"},
    {"id": "F3", "kind": "farmer_linkage", "from": "a2", "to": "VC"},
    {"id": "P1", "kind": "located_in", "from": "a1", "to": "PA"},
    {"id": "P2", "kind": "located_in", "from": "a2", "to": "PA"},
    {"id": "P3", "kind": "located_in", "from": "b2", "to": "PB"}]
}"#;

fn ids(v: &[NodeId]) -> Vec<&str> {
    v.iter().map(NodeId::as_str).collect()
}

#[test]
fn firms_find_their_town_through_a_village_or_a_park() {
    let p = project(COUNTY);
    let t = territory(&p);
    assert_eq!(t.year, Some(2024), "the latest year with output");
    // The external firm x is not local; u's region is the county itself: in no town.
    assert_eq!(ids(&t.firms), ["a1", "a2", "a3", "b1", "b2", "c1", "u"]);
    let town = |id: &str| t.town(&NodeId::from(id)).unwrap();
    // a2 has no region: its park PA lies in A. b2 and c1 are in villages of B and C.
    assert_eq!(ids(&town("A").firms), ["a1", "a2", "a3"]);
    assert_eq!(ids(&town("B").firms), ["b1", "b2"]);
    assert_eq!(ids(&town("C").firms), ["c1"]);
    assert!(town("D").firms.is_empty());
    assert_eq!(ids(&t.unplaced), ["u"]);
    // Villages are not towns.
    assert!(t.town(&NodeId::from("VB")).is_none());
}

#[test]
fn location_quotients_and_shares_by_hand() {
    let t = territory(&project(COUNTY));
    // O = 60 + 20 + 20 + 50 + 30 + 20 = 200 (x is external, u reports nothing).
    assert!(close(t.output, 200.0));
    // O_A = 100, O_B = 80, O_C = 20: shares 0.5, 0.4, 0.1.
    let town = |id: &str| t.town(&NodeId::from(id)).unwrap();
    let (a, b, c, d) = (town("A"), town("B"), town("C"), town("D"));
    assert!(close(a.output, 100.0) && close(b.output, 80.0) && close(c.output, 20.0));
    assert!(close(a.share.unwrap(), 0.5) && close(b.share.unwrap(), 0.4));
    assert!(close(c.share.unwrap(), 0.1) && close(d.share.unwrap(), 0.0));
    // County by segment: upstream 20 + 50 = 70 (0.35), midstream 60 + 30 + 20 = 110 (0.55),
    // downstream 20 (0.10).
    // A: upstream (20/100)/0.35 = 0.571428…, midstream (60/100)/0.55 = 1.090909…,
    //    downstream (20/100)/0.10 = 2 (specialised).
    let lq = |t: &chainmap::analysis::territory::TownReport, s: Segment| t.segment_lq[&s];
    assert!(close(lq(a, Segment::Upstream), 0.2 / 0.35));
    assert!(close(lq(a, Segment::Midstream), 0.6 / 0.55));
    assert!(close(lq(a, Segment::Downstream), 2.0));
    assert_eq!(a.specialised, [Segment::Downstream]);
    // B: upstream (50/80)/0.35 = 1.785714… (specialised), midstream (30/80)/0.55 = 0.681818…,
    //    downstream 0.
    assert!(close(lq(b, Segment::Upstream), 0.625 / 0.35));
    assert!(close(lq(b, Segment::Midstream), 0.375 / 0.55));
    assert!(close(lq(b, Segment::Downstream), 0.0));
    assert_eq!(b.specialised, [Segment::Upstream]);
    // C: midstream (20/20)/0.55 = 1.818181… (specialised).
    assert!(close(lq(c, Segment::Midstream), 1.0 / 0.55));
    assert_eq!(c.specialised, [Segment::Midstream]);
    // No support output in the county: no support LQ; D has no output: no LQ at all.
    assert!(!a.segment_lq.contains_key(&Segment::Support));
    assert!(d.segment_lq.is_empty() && d.stage_lq.is_empty());
    // One stage a segment here, so the stage LQs are the segment LQs.
    assert!(close(a.stage_lq[&StageId::from("s3")], 2.0));
    assert!(close(b.stage_lq[&StageId::from("s1")], 0.625 / 0.35));
}

#[test]
fn a_town_fits_its_class_by_the_lq_of_its_land_use() {
    let t = territory(&project(COUNTY));
    let town = |id: &str| t.town(&NodeId::from(id)).unwrap();
    // 工业重镇 A: industrial land (s2) 60 of 100 against 110 of 200: 1.0909… ≥ 1.
    assert!(close(town("A").class_lq.unwrap(), 0.6 / 0.55));
    assert_eq!(town("A").fits_class, Some(true));
    // 农业大镇 B: agricultural land (s1) 50 of 80 against 70 of 200: 1.7857… ≥ 1.
    assert_eq!(town("B").fits_class, Some(true));
    // 商贸强镇 C: service land (s3) 0 of 20 against 20 of 200: 0 < 1.
    assert!(close(town("C").class_lq.unwrap(), 0.0));
    assert_eq!(town("C").fits_class, Some(false));
    // 文旅名镇 D: no output (and no eco-compatible stage in the county): not judged.
    assert_eq!(town("D").fits_class, None);
    // A town without a class is not judged either.
    let mut p = project(COUNTY);
    p.nodes.get_mut(&NodeId::from("A")).unwrap().town_class = None;
    let t = territory(&p);
    assert_eq!(t.town(&NodeId::from("A")).unwrap().fits_class, None);
}

#[test]
fn concentration_in_parks_by_level_and_year() {
    let t = territory(&project(COUNTY));
    let c = &t.concentration;
    // In parks: a1 60 + a2 20 (PA, county) + b2 30 (PB, town) = 110 of 200; 3 of 7 firms.
    assert!(close(c.park_output_share.unwrap(), 110.0 / 200.0));
    assert!(close(c.park_firm_share.unwrap(), 3.0 / 7.0));
    let levels: Vec<_> = c
        .by_level
        .iter()
        .map(|l| (l.level, l.firms, l.output))
        .collect();
    assert_eq!(
        levels,
        [
            (Some(ParkLevel::County), 2, 80.0),
            (Some(ParkLevel::Town), 1, 30.0)
        ]
    );
    assert!(close(c.by_level[0].output_share.unwrap(), 0.4));
    assert!(close(c.by_level[1].firm_share.unwrap(), 1.0 / 7.0));
    // 2023: a1 40, a2 20, b1 50, b2 30, c1 10 report: 150, in parks 90 (0.6); 3 of 5 firms.
    // 2024: six firms report (u does not): 200, in parks 110 (0.55); 3 of 6 firms.
    let years: Vec<_> = c
        .by_year
        .iter()
        .map(|y| (y.year, y.firms, y.park_firms, y.output, y.park_output))
        .collect();
    assert_eq!(
        years,
        [(2023, 5, 3, 150.0, 90.0), (2024, 6, 3, 200.0, 110.0)]
    );
    assert!(close(c.by_year[0].park_output_share.unwrap(), 0.6));
    assert!(close(c.by_year[1].park_firm_share.unwrap(), 0.5));
}

#[test]
fn an_earlier_year_is_analysed_when_asked() {
    let p = project(COUNTY);
    let a = analyze(
        &p,
        &AnalysisOptions {
            year: Some(2023),
            ..AnalysisOptions::default()
        },
    );
    let t = &a.territory;
    assert_eq!(t.year, Some(2023));
    // 2023: A = a1 40 + a2 20 = 60 of 150.
    assert!(close(t.output, 150.0));
    assert!(close(
        t.town(&NodeId::from("A")).unwrap().share.unwrap(),
        0.4
    ));
    assert!(close(t.concentration.park_output_share.unwrap(), 0.6));
}

#[test]
fn zone_warnings_name_the_rule_and_where_it_comes_from() {
    let t = territory(&project(COUNTY));
    let found: Vec<_> = t
        .zone_warnings
        .iter()
        .map(|w| {
            (
                w.node.as_str(),
                w.region.as_str(),
                w.zone,
                w.rule_from.as_str(),
                w.stage.as_str(),
                w.rule,
            )
        })
        .collect();
    // a3 farms (agricultural land) in urbanised A; c1 processes (industrial land) in village
    // VC, whose town C has no type: the county's 重点生态功能区 applies. a1 (industry in
    // urbanised A) and b2 (industry in agricultural B) break no rule.
    assert_eq!(
        found,
        [
            (
                "a3",
                "A",
                Some(MainFunctionZone::Urbanised),
                "A",
                "s1",
                ZoneRule::FarmlandInUrbanised
            ),
            (
                "c1",
                "VC",
                Some(MainFunctionZone::Ecological),
                "HOME",
                "s2",
                ZoneRule::IndustrialInEcological
            ),
        ]
    );
    assert_eq!(
        t.zone_warnings[1].message(chainmap::i18n::Lang::Zh),
        "c1(加工,工矿仓储用地)位于丙村(重点生态功能区,随本县):重点生态功能区限制工业开发"
    );
}

#[test]
fn a_no_development_place_rules_out_industry_once() {
    let mut p = project(COUNTY);
    // VC becomes a nature reserve: c1's industry there is named by the stricter rule only.
    p.nodes.get_mut(&NodeId::from("VC")).unwrap().no_development = true;
    let t = territory(&p);
    let c1: Vec<_> = t
        .zone_warnings
        .iter()
        .filter(|w| w.node.as_str() == "c1")
        .map(|w| (w.rule, w.rule_from.as_str(), w.zone))
        .collect();
    assert_eq!(
        c1,
        [(
            ZoneRule::IndustrialInNoDevelopment,
            "VC",
            Some(MainFunctionZone::Ecological)
        )]
    );
    assert!(t.town(&NodeId::from("C")).unwrap().firms.len() == 1);
    // A stage with no land use is not judged.
    for chain in p.chains.values_mut() {
        for stage in &mut chain.stages {
            stage.land_use = None;
        }
    }
    assert!(territory(&p).zone_warnings.is_empty());
}

#[test]
fn farmer_linkage_counts_figures_and_links_to_villages() {
    let p = project(COUNTY);
    // A farmer-linkage link may reach a village region: no error.
    let issues = chainmap::model::validate::validate(&p);
    assert!(
        issues.iter().all(|i| i.severity != Severity::Error),
        "{issues:?}"
    );
    let t = territory(&p);
    let town = |id: &str| t.town(&NodeId::from(id)).unwrap();
    // B: farmers 100 + 50; links a1 → VB and a1 → b1; village VB.
    assert_eq!(town("B").farmers_linked, 150);
    assert_eq!(town("B").farmer_links, 2);
    assert_eq!(ids(&town("B").villages_linked), ["VB"]);
    // C: a2 → VC.
    assert_eq!(town("C").farmer_links, 1);
    assert_eq!(ids(&town("C").villages_linked), ["VC"]);
    assert_eq!(town("A").farmer_links, 0);
}

#[test]
fn the_new_fields_round_trip_and_old_files_read_without_them() {
    let mut p = project(COUNTY);
    let boundary = Boundary {
        polygons: vec![vec![
            vec![[109.1, 33.6], [109.2, 33.6], [109.2, 33.7], [109.1, 33.6]],
            vec![
                [109.12, 33.62],
                [109.14, 33.62],
                [109.14, 33.64],
                [109.12, 33.62],
            ],
        ]],
    };
    {
        let a = p.nodes.get_mut(&NodeId::from("A")).unwrap();
        a.boundary = Some(boundary.clone());
        a.no_development = true;
    }
    let text = chainmap::file::to_json(&p).unwrap();
    assert!(text.contains("\"zone\": \"urbanised\""));
    assert!(text.contains("\"land_use\": \"industrial\""));
    assert!(text.contains("\"region_level\": \"village\""));
    assert!(text.contains("\"no_development\": true"));
    let loaded = load_str(&text, LoadOptions::default()).unwrap();
    assert!(
        loaded.issues.iter().all(|i| i.severity != Severity::Error),
        "{:?}",
        loaded.issues
    );
    assert_eq!(loaded.project, p);
    let a = &loaded.project.nodes[&NodeId::from("A")];
    assert_eq!(a.boundary.as_ref(), Some(&boundary));
    assert_eq!(a.zone, Some(MainFunctionZone::Urbanised));
    assert_eq!(
        loaded.project.nodes[&NodeId::from("VB")].region_level,
        Some(RegionLevel::Village)
    );
    // Saving again is byte-identical.
    assert_eq!(chainmap::file::to_json(&loaded.project).unwrap(), text);
    // A version 1 file has none of them: no zone, no flag, no boundary, no land use.
    let old = project(
        r#"{"format": "chainmap", "version": 1, "name": "old",
            "chains": [{"id": "c", "name": "链", "stages": [{"id": "s", "name": "s", "segment": "upstream", "products": []}]}],
            "nodes": [{"id": "T", "name": "镇", "kind": "region", "region_level": "town"}]}"#,
    );
    let t = &old.nodes[&NodeId::from("T")];
    assert_eq!(
        (t.zone, t.no_development, t.boundary.is_none()),
        (None, false, true)
    );
    assert_eq!(
        old.chains[&chainmap::model::ChainId::from("c")].stages[0].land_use,
        None
    );
}

#[test]
fn a_project_from_a_reference_chain_takes_its_land_uses() {
    let template = chainmap::reference::builtin().find("edible-fungi").unwrap();
    let identity = chainmap::model::meta::Identity {
        name: "柞水".into(),
        county: "柞水县".into(),
        unit: chainmap::model::meta::MoneyUnit::Wan,
        year: Some(2024),
        description: String::new(),
    };
    let p = chainmap::reference::new_project(template, &identity);
    let chain = p.chains.values().next().unwrap();
    for stage in &chain.stages {
        assert_eq!(
            stage.land_use,
            Some(template.stage_info[&stage.id].land_use),
            "{}",
            stage.id
        );
    }
    assert_eq!(
        chain.stage(&StageId::from("U3")).unwrap().land_use,
        Some(LandUse::Industrial)
    );
}

/// The `--json` keys of issue 20 on the 柞水 sample, and figures that must agree with each other.
#[test]
fn analyze_json_carries_towns_concentration_and_zone_warnings() {
    let o = Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args([
            "analyze",
            "--json",
            "sample_projects/zhashui-fungus.chainmap.json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let towns = doc["towns"].as_array().unwrap();
    let names: Vec<&str> = towns.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["镇甲", "镇乙", "镇丙", "镇丁", "县城"]);
    for t in towns {
        for key in [
            "id",
            "name",
            "class",
            "zone",
            "firms",
            "output",
            "share",
            "segment_lq",
            "stage_lq",
            "specialised",
            "fits_class",
            "farmers_linked",
        ] {
            assert!(t.get(key).is_some(), "town {} lacks {key}", t["id"]);
        }
    }
    let jia = &towns[0];
    assert_eq!(jia["class"], "industrial");
    assert_eq!(jia["zone"], "urbanised");
    assert_eq!(jia["fits_class"], true);
    // 镇丁, a 文旅名镇 with no 农文旅 firm of its own, does not fit its class.
    assert_eq!(towns[3]["fits_class"], false);
    assert_eq!(towns[3]["zone"], "ecological", "inherited from the county");
    // The towns' shares and the firms in no town make the whole county.
    let shares: f64 = towns.iter().map(|t| t["share"].as_f64().unwrap()).sum();
    let territory = &doc["territory"];
    let unplaced =
        territory["unplaced_output"].as_f64().unwrap() / territory["output"].as_f64().unwrap();
    assert!(close(shares + unplaced, 1.0));
    let c = &doc["concentration"];
    for key in [
        "park_output_share",
        "park_firm_share",
        "by_level",
        "by_year",
    ] {
        assert!(c.get(key).is_some(), "concentration lacks {key}");
    }
    let levels: f64 = c["by_level"]
        .as_object()
        .unwrap()
        .values()
        .map(|l| l["output_share"].as_f64().unwrap())
        .sum();
    assert!(close(levels, c["park_output_share"].as_f64().unwrap()));
    assert_eq!(c["by_year"].as_array().unwrap().len(), 2);
    let warnings = doc["zone_warnings"].as_array().unwrap();
    assert!(!warnings.is_empty());
    for w in warnings {
        for key in ["node", "region", "zone", "stage", "rule"] {
            assert!(w.get(key).is_some(), "zone warning lacks {key}");
        }
    }
    let rules: Vec<(&str, &str)> = warnings
        .iter()
        .map(|w| (w["node"].as_str().unwrap(), w["rule"].as_str().unwrap()))
        .collect();
    assert!(rules.contains(&("E07", "industrial_in_ecological")));
    assert!(rules.contains(&("E13", "farmland_in_urbanised")));
}
