//! Issue 16 on small projects with hand-computed answers: local by place (the region tree, a
//! park's region, an enclave firm counted by its agreement, the fallback by kind), 本地配套率
//! from surveys over the key buyers, gaps by capability (names matched with synonyms, 固链 of a
//! sole local supplier, advice by node) and 延链 by conversion.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::{AnalysisOptions, GapClass, Locality, RateSource, Status, analyze};
use chainmap::file::{LoadOptions, load_str};
use chainmap::i18n::Lang;
use chainmap::model::{NodeId, Project, StageActivity};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// HOME (county) ⊂ CITY ⊃ OTHER (county); TOWN ⊂ HOME. Park PK in TOWN; enclave park ENC in
/// OTHER, developed by HOME (enclave link), its assessment split HOME 60 : OTHER 40.
///
/// f1 (TOWN) --原料 50--> f3 (in ENC, region OTHER: enclave, 规上)
/// f4 (region OTHER: outside although an enterprise) --原料 50--> f3
/// f2 (no region, in PK) --原料 100--> g (TOWN, 规上, surveyed: 150 local of 200)
/// lab (public, TOWN) --检测 10--> f3, --检测 10--> g
const PLACE: &str = r#"{
  "format": "chainmap", "version": 1, "name": "place", "unit": "万元", "base_year": 2024,
  "home_region": "HOME",
  "chains": [{"id": "c", "name": "链", "stages": [
    {"id": "s1", "name": "原料", "segment": "upstream", "products": [{"name": "原料", "required": true}]},
    {"id": "s2", "name": "加工", "segment": "midstream", "products": [{"name": "加工品", "required": true}]},
    {"id": "s3", "name": "检测", "segment": "support", "products": [{"name": "检测", "required": true}]}]}],
  "nodes": [
    {"id": "CITY", "name": "市", "kind": "region", "region_level": "city"},
    {"id": "HOME", "name": "本县", "kind": "region", "region": "CITY", "region_level": "county"},
    {"id": "OTHER", "name": "邻县", "kind": "region", "region": "CITY", "region_level": "county"},
    {"id": "TOWN", "name": "本镇", "kind": "region", "region": "HOME", "region_level": "town"},
    {"id": "PK", "name": "县园区", "kind": "park", "region": "TOWN"},
    {"id": "ENC", "name": "飞地园", "kind": "park", "region": "OTHER"},
    {"id": "f1", "name": "甲", "kind": "enterprise", "stages": ["s1"], "region": "TOWN"},
    {"id": "f2", "name": "乙", "kind": "enterprise", "stages": ["s1"]},
    {"id": "f3", "name": "丙", "kind": "enterprise", "stages": ["s2"], "region": "OTHER", "tags": ["规上"],
     "figures": {"2024": {"output": 100}}},
    {"id": "f4", "name": "丁", "kind": "enterprise", "stages": ["s1"], "region": "OTHER"},
    {"id": "g", "name": "戊", "kind": "enterprise", "stages": ["s2"], "region": "TOWN", "tags": ["规上"],
     "figures": {"2024": {"purchases": 200, "local_purchases": 150}}},
    {"id": "lab", "name": "检测中心", "kind": "public_institution", "stages": ["s3"], "region": "TOWN"},
    {"id": "ext", "name": "县外", "kind": "external_enterprise"}],
  "links": [
    {"id": "l1", "kind": "supply", "from": "f1", "to": "f3", "product": "原料", "value": 50},
    {"id": "l2", "kind": "supply", "from": "f4", "to": "f3", "product": "原料", "value": 50},
    {"id": "l3", "kind": "supply", "from": "f2", "to": "g", "product": "原料", "value": 100},
    {"id": "l4", "kind": "supply", "from": "lab", "to": "f3", "product": "检测", "value": 10},
    {"id": "l5", "kind": "supply", "from": "lab", "to": "g", "product": "检测", "value": 10},
    {"id": "p1", "kind": "located_in", "from": "f2", "to": "PK"},
    {"id": "p2", "kind": "located_in", "from": "f3", "to": "ENC"},
    {"id": "e1", "kind": "enclave", "from": "HOME", "to": "ENC"}],
  "agreements": [{"id": "AG", "name": "共建", "signed_year": 2020,
    "parties": [{"node": "HOME", "role": "source"}, {"node": "OTHER", "role": "host"}],
    "scope": ["ENC", "f3"],
    "phases": [{"id": "k", "name": "考核", "ledger": "assessment", "metric": "output",
      "start": {"after_signing": 0},
      "rule": {"fixed_shares": {"shares": [{"party": "HOME", "pct": 60}, {"party": "OTHER", "pct": 40}]}}}]}],
  "views": []
}"#;

fn project(text: &str) -> Project {
    load_str(text, LoadOptions::default()).unwrap().project
}

#[test]
fn place_decides_local_through_the_region_tree_parks_and_enclaves() {
    let a = analyze(&project(PLACE), &AnalysisOptions::default());
    let place = |id: &str| a.places.place(&NodeId::from(id)).unwrap().clone();
    // f1: its town lies in HOME; f2: no region, but its park's does; lab: whatever its kind.
    for id in ["f1", "f2", "lab", "g"] {
        assert_eq!(place(id).locality, Locality::Local, "{id}");
        assert!(!place(id).by_kind, "{id}");
    }
    // f4 is an enterprise in the neighbouring county: outside.
    assert_eq!(place("f4").locality, Locality::Outside);
    assert!(!a.places.is_local(&"f4".into()));
    // f3 sits in HOME's enclave park: 飞地, counted 60 % as the agreement's assessment says.
    assert_eq!(place("f3").locality, Locality::Enclave);
    assert!(close(place("f3").weight, 0.6));
    assert_eq!(
        place("f3").agreement.as_ref().map(|a| a.as_str()),
        Some("AG")
    );
    // The external enterprise has no place: outside by its kind.
    assert_eq!(place("ext").locality, Locality::Outside);
    assert_eq!(
        a.places.note(Lang::Zh),
        "本地按所在地判断:位于本县境内;飞地企业 1 家按协议计入"
    );
}

#[test]
fn without_a_home_county_local_falls_back_to_kind_and_says_so() {
    let mut p = project(PLACE);
    p.meta.home_region = None;
    let a = analyze(&p, &AnalysisOptions::default());
    // f4 and f3 count as local again, being enterprises.
    assert!(a.places.is_local(&"f4".into()));
    assert_eq!(
        a.places.place(&"f3".into()).unwrap().locality,
        Locality::Local
    );
    assert!(a.places.note(Lang::En).starts_with("No home county set"));
    // f3's links are now all local: 110 of 110.
    assert!(close(
        a.node(&"f3".into()).unwrap().local_supporting_rate.unwrap(),
        1.0
    ));
}

#[test]
fn local_supporting_rate_from_surveys_over_key_buyers() {
    let a = analyze(&project(PLACE), &AnalysisOptions::default());
    // f3 (link-based): 50 from f1 + 10 from lab local, 50 from f4 outside → 60 / 110.
    let f3 = a.node(&"f3".into()).unwrap();
    assert!(close(f3.local_supporting_rate.unwrap(), 60.0 / 110.0));
    assert_eq!(f3.rate_source, Some(RateSource::Links));
    // g (surveyed): 150 / 200, although its links say 110 / 110.
    let g = a.node(&"g".into()).unwrap();
    assert!(close(g.local_supporting_rate.unwrap(), 0.75));
    assert_eq!(g.rate_source, Some(RateSource::Surveyed));
    // The chain over the key buyers f3 (规上, counted 60 %) and g (规上):
    // (0.6·60 + 150) / (0.6·110 + 200) = 186 / 266.
    let r = &a.supply_rate;
    assert!(close(r.value.unwrap(), 186.0 / 266.0));
    assert_eq!(r.source, Some(RateSource::Mixed));
    assert!(close(r.surveyed.unwrap(), 0.75));
    // Link-based: (0.6·60 + 110) / (0.6·110 + 110) = 146 / 176.
    assert!(close(r.link_based.unwrap(), 146.0 / 176.0));
    assert_eq!(r.surveyed_buyers, 1);
    // s1's local buyers (f1, f2) buy nothing: no rate, never 100 %.
    let s1 = a.stages.iter().find(|s| s.id.as_str() == "s1").unwrap();
    assert_eq!(s1.local_supporting_rate, None);
    // s2 over f3 and g, as the chain.
    let s2 = a.stages.iter().find(|s| s.id.as_str() == "s2").unwrap();
    assert!(close(s2.local_supporting_rate.unwrap(), 186.0 / 266.0));
    // f3's output counts 60 % for the county.
    assert!(close(s2.output, 60.0));
}

#[test]
fn a_sole_local_supplier_of_several_buyers_is_secured_with_advice_that_fits_it() {
    let a = analyze(&project(PLACE), &AnalysisOptions::default());
    let lab: Vec<_> = a
        .gaps
        .iter()
        .filter(|g| g.class == GapClass::AtRisk && g.product.as_deref() == Some("检测"))
        .collect();
    assert_eq!(lab.len(), 1);
    assert_eq!(
        lab[0].nodes,
        ["lab", "f3", "g"].map(NodeId::from).to_vec(),
        "the supplier first, then the buyers relying on it"
    );
    assert_eq!(lab[0].advice(Lang::Zh), "提升检测能力,保障服务连续性");
    assert_eq!(lab[0].stage.as_ref().map(|s| s.as_str()), Some("s3"));
    // The testing stage has no 规上/专精特新/高新 member: 强链, with advice for an institution.
    let stage = a
        .gaps
        .iter()
        .find(|g| g.class == GapClass::Weak && g.stage.as_ref().is_some_and(|s| s.as_str() == "s3"))
        .unwrap();
    assert_eq!(
        stage.advice(Lang::En),
        "raise testing and research capability; seek accreditation"
    );
    // f3's 原料 comes partly from f1 (local): not "only from outside".
    assert!(
        !a.gaps
            .iter()
            .any(|g| g.class == GapClass::AtRisk && g.product.as_deref() == Some("原料"))
    );
    // Local supply of 原料 into local buyers: 50·0.6 + 100 of 50·0.6 + 50·0.6 + 100 = 130/160.
    let raw = a.products.iter().find(|p| p.name == "原料").unwrap();
    assert!(close(raw.local_share.unwrap(), 130.0 / 160.0));
}

/// s1 farming (cooperative 1000, family farms 500) → s2 processing (proc 1200, needs 冷链运输)
/// → s3 e-commerce (shop 5000); cold (s3) lists 冷链物流 among its products.
const FARM: &str = r#"{
  "format": "chainmap", "version": 1, "name": "farm", "unit": "万元", "base_year": 2024,
  "chains": [{"id": "c", "name": "果业", "stages": [
    {"id": "s1", "name": "种植", "segment": "upstream", "activity": "farming", "products": [{"name": "鲜果", "required": true}]},
    {"id": "s2", "name": "加工", "segment": "midstream", "activity": "processing",
     "products": [{"name": "果干", "required": true}, {"name": "冷链运输", "required": true}]},
    {"id": "s3", "name": "电商", "segment": "downstream", "activity": "other", "products": [{"name": "线上销售"}]}]}],
  "nodes": [
    {"id": "coop", "name": "合作社", "kind": "cooperative", "stages": ["s1"], "figures": {"2024": {"output": 1000, "value_added": 300}}},
    {"id": "farm", "name": "家庭农场", "kind": "family_farms", "stages": ["s1"], "figures": {"2024": {"output": 500, "value_added": 150}}},
    {"id": "proc", "name": "加工厂", "kind": "enterprise", "stages": ["s2"], "products": ["果干"], "figures": {"2024": {"output": 1200, "value_added": 400}}},
    {"id": "shop", "name": "电商", "kind": "enterprise", "stages": ["s3"], "figures": {"2024": {"output": 5000}}},
    {"id": "cold", "name": "冷链公司", "kind": "enterprise", "stages": ["s3"], "products": ["冷链物流"]}],
  "links": [
    {"id": "l1", "kind": "supply", "from": "coop", "to": "proc", "product": "鲜果", "value": 400},
    {"id": "l2", "kind": "supply", "from": "farm", "to": "proc", "product": "鲜果", "value": 200},
    {"id": "l3", "kind": "supply", "from": "proc", "to": "shop", "product": "果干", "value": 800}],
  "agreements": [], "views": []
}"#;

#[test]
fn extension_by_processing_ratio_and_conversion() {
    let p = project(FARM);
    let a = analyze(&p, &AnalysisOptions::default());
    let e = &a.extension[0];
    assert!(e.farm && !e.inferred);
    // 加工产值比 = 1200 / (1000 + 500) = 0.8 < 2.8; 加工转化率 = (400 + 200) / 1500 = 0.4.
    assert!(close(e.primary_output, 1500.0) && close(e.processing_output, 1200.0));
    assert!(close(e.ratio.unwrap(), 0.8));
    assert!(close(e.conversion.unwrap(), 0.4));
    assert!(close(e.target, 2.8));
    let gap = a.gaps.iter().find(|g| g.class == GapClass::Extend).unwrap();
    assert_eq!(gap.nodes, vec![NodeId::from("proc")]);
    assert!(gap.zh.contains("0.80 : 1") && gap.zh.contains("2.8 : 1"));
    // Value added per stage, not output summed along the chain.
    let va = |id: &str| {
        a.stages
            .iter()
            .find(|s| s.id.as_str() == id)
            .unwrap()
            .value_added
    };
    assert_eq!(
        (va("s1"), va("s2"), va("s3")),
        (Some(450.0), Some(400.0), None)
    );
    // A project target of 0.5 is met: no 延链.
    let mut met = p.clone();
    met.meta.processing_target = Some("0.5".parse().unwrap());
    let a = analyze(&met, &AnalysisOptions::default());
    assert!(a.gaps.iter().all(|g| g.class != GapClass::Extend));
}

#[test]
fn unmarked_stages_are_inferred_and_said_to_be() {
    let mut p = project(FARM);
    for c in p.chains.values_mut() {
        for s in &mut c.stages {
            s.activity = None;
        }
    }
    let a = analyze(&p, &AnalysisOptions::default());
    let e = &a.extension[0];
    // s1 (all farm producers) farming; s2 and s3 after it processing: (1200 + 5000) / 1500.
    assert!(e.inferred);
    assert!(close(e.ratio.unwrap(), 6200.0 / 1500.0));
    assert!(e.summary(Lang::Zh).contains("环节类型为推断"));
    assert_eq!(StageActivity::Farming.code(), "farming");
}

#[test]
fn availability_by_stage_own_products_links_and_synonyms() {
    let a = analyze(&project(FARM), &AnalysisOptions::default());
    let product = |name: &str| a.products.iter().find(|p| p.name == name).unwrap();
    // 冷链运输 is listed by no link; cold lists 冷链物流, a synonym: available.
    assert_eq!(product("冷链运输").suppliers, vec![NodeId::from("cold")]);
    // 果干: proc lists it; shop, in a stage that does not list it, cannot.
    assert_eq!(product("果干").suppliers, vec![NodeId::from("proc")]);
    // 鲜果 by its stage's farm producers.
    assert_eq!(
        product("鲜果").suppliers,
        ["coop", "farm"].map(NodeId::from).to_vec()
    );
    assert!(a.gaps.iter().all(|g| g.class != GapClass::Missing));
    assert_eq!(product("鲜果").status, Status::Ok);
}
