//! Validation on small hand-made templates: a good one passes, and each rule, broken once,
//! gives its error (and only the rule broken).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::model::{Product, Segment, Stage, StageActivity};

/// A template that keeps every rule: 8 stages (U1–U3, M1–M2, D1–D2, S1) of 3 products
/// each (p1 … p24), a flow out of every stage into the next, land use for each.
fn good() -> Template {
    let segments = [
        ("U1", Segment::Upstream),
        ("U2", Segment::Upstream),
        ("U3", Segment::Upstream),
        ("M1", Segment::Midstream),
        ("M2", Segment::Midstream),
        ("D1", Segment::Downstream),
        ("D2", Segment::Downstream),
        ("S1", Segment::Support),
    ];
    let stages: Vec<Stage> = segments
        .iter()
        .enumerate()
        .map(|(i, (id, segment))| Stage {
            id: (*id).into(),
            name: format!("环节{i}"),
            name_en: format!("Stage {i}"),
            segment: *segment,
            activity: Some(StageActivity::Other),
            land_use: None,
            products: (0..3)
                .map(|k| Product {
                    name: format!("p{}", i * 3 + k + 1),
                    required: k == 0,
                })
                .collect(),
        })
        .collect();
    let flows = stages
        .windows(2)
        .map(|w| Flow {
            from: w[0].id.clone(),
            to: w[1].id.clone(),
            product: w[0].products[0].name.clone(),
        })
        .collect();
    let stage_info = stages
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                StageInfo {
                    land_use: LandUse::Industrial,
                    industry_codes: vec!["1372".to_owned()],
                    aliases: vec![format!("{}别名", s.name)],
                },
            )
        })
        .collect();
    Template {
        format: FORMAT.to_owned(),
        version: VERSION,
        revision: 1,
        description: "测试".to_owned(),
        description_en: "test".to_owned(),
        chain: Chain {
            id: "test-chain".into(),
            name: "测试链".to_owned(),
            name_en: "Test chain".to_owned(),
            stages,
            order: 0,
        },
        stage_info,
        synonyms: BTreeMap::from([("p1".to_owned(), vec!["甲".to_owned(), "乙".to_owned()])]),
        flows,
        sources: vec![Source {
            kind: SourceKind::Standard,
            title: "GB/T 4754—2017".to_owned(),
            publisher: "国家标准化管理委员会".to_owned(),
            year: Some(2017),
            used_for: "行业代码".to_owned(),
        }],
    }
}

/// The codes of the errors validation finds.
fn errors(t: &Template) -> Vec<&'static str> {
    validate(t, "t.json")
        .into_iter()
        .filter(|i| i.severity == crate::model::Severity::Error)
        .map(|i| i.code)
        .collect()
}

#[test]
fn a_good_template_has_no_problems() {
    let t = good();
    assert_eq!(validate(&t, "t.json"), vec![]);
    assert_eq!((t.stage_count(), t.product_count()), (8, 24));
}

#[test]
fn fewer_than_eight_stages_or_twenty_products_is_too_small() {
    let mut t = good();
    t.chain.stages.pop();
    t.stage_info.remove(&StageId::from("S1"));
    t.flows.pop();
    // 7 stages, 21 products: only the stage count is short.
    assert_eq!(errors(&t), vec!["template_too_small"]);
    let mut t = good();
    for stage in &mut t.chain.stages {
        stage.products.truncate(2);
    }
    // 16 products.
    assert_eq!(errors(&t), vec!["template_too_small"]);
}

#[test]
fn names_in_both_languages_and_the_activity_are_required() {
    let mut t = good();
    t.chain.name_en.clear();
    t.chain.stages[2].name.clear();
    t.chain.stages[3].activity = None;
    assert_eq!(
        errors(&t),
        vec!["template_name", "template_name", "template_activity"]
    );
    let issues = validate(&t, "t.json");
    assert_eq!(issues[0].place, "t.json: chain/name_en");
    assert_eq!(issues[1].place, "t.json: chain/stages/U3/name");
}

#[test]
fn stage_ids_are_unique_carry_their_segment_letter_and_stages_keep_segment_order() {
    let mut t = good();
    t.chain.stages[1].id = "U1".into();
    assert!(errors(&t).contains(&"duplicate_id"), "{:?}", errors(&t));
    let mut t = good();
    t.chain.stages[3].id = "X1".into(); // a midstream stage
    t.stage_info
        .insert("X1".into(), t.stage_info[&StageId::from("M1")].clone());
    t.stage_info.remove(&StageId::from("M1"));
    t.flows[2].to = "X1".into();
    t.flows[3].from = "X1".into();
    assert_eq!(errors(&t), vec!["template_stage_id"]);
    let mut t = good();
    t.chain.stages.swap(4, 5); // D1 before M2
    assert_eq!(errors(&t), vec!["template_segment_order"]);
}

#[test]
fn a_product_is_listed_by_one_stage_only() {
    let mut t = good();
    t.chain.stages[4].products[2].name = "p2".to_owned();
    assert_eq!(errors(&t), vec!["template_product_twice"]);
}

#[test]
fn every_flow_names_existing_stages_and_a_product_its_source_makes() {
    let mut t = good();
    t.flows.push(Flow {
        from: "U1".into(),
        to: "Z9".into(),
        product: "p1".to_owned(),
    });
    assert_eq!(errors(&t), vec!["template_flow"]);
    let mut t = good();
    t.flows.push(Flow {
        from: "U1".into(),
        to: "D1".into(),
        product: "p9".to_owned(), // made by U3
    });
    assert_eq!(errors(&t), vec!["template_flow"]);
    let issues = validate(&t, "t.json");
    assert_eq!(issues[0].place, "t.json: flows[7]/product");
    let mut t = good();
    t.flows.push(t.flows[0].clone());
    assert_eq!(errors(&t), vec!["template_flow"]);
    let mut t = good();
    t.flows.push(Flow {
        from: "U2".into(),
        to: "U2".into(),
        product: "p4".to_owned(),
    });
    assert_eq!(errors(&t), vec!["template_flow"]);
}

#[test]
fn a_stage_in_no_flow_is_an_error() {
    let mut t = good();
    t.flows.pop(); // D2 → S1 was S1's only flow
    assert_eq!(errors(&t), vec!["template_flow"]);
    assert!(validate(&t, "t.json")[0].en.contains("(S1) is in no flow"));
}

#[test]
fn synonyms_name_one_product_only() {
    // Shared by two products.
    let mut t = good();
    t.synonyms.insert("p5".to_owned(), vec!["乙".to_owned()]);
    assert_eq!(errors(&t), vec!["template_synonym"]);
    // Another product's own name (written full-width: the same name once normalised).
    let mut t = good();
    t.synonyms.insert("p5".to_owned(), vec!["Ｐ6".to_owned()]);
    assert_eq!(errors(&t), vec!["template_synonym"]);
    // Synonyms of something that is not a product.
    let mut t = good();
    t.synonyms
        .insert("菌包".to_owned(), vec!["菌棒".to_owned()]);
    assert_eq!(errors(&t), vec!["template_synonym"]);
    // The product itself.
    let mut t = good();
    t.synonyms.insert("p7".to_owned(), vec!["p7".to_owned()]);
    assert_eq!(errors(&t), vec!["template_synonym"]);
}

#[test]
fn every_stage_has_its_land_use_and_well_formed_codes_and_aliases() {
    let mut t = good();
    t.stage_info.remove(&StageId::from("M2"));
    assert_eq!(errors(&t), vec!["template_stage_info"]);
    let mut t = good();
    let mut extra = t.stage_info[&StageId::from("M2")].clone();
    extra.aliases.clear(); // M2's alias would clash too
    t.stage_info.insert("M9".into(), extra);
    assert_eq!(errors(&t), vec!["template_stage_info"]);
    let mut t = good();
    if let Some(info) = t.stage_info.get_mut(&StageId::from("U1")) {
        info.industry_codes = vec!["A0142".to_owned()];
        info.aliases = vec!["环节3".to_owned()]; // U3's name
    }
    assert_eq!(errors(&t), vec!["template_industry_code", "template_alias"]);
}

#[test]
fn sources_are_required_and_named() {
    let mut t = good();
    t.sources[0].publisher.clear();
    assert_eq!(errors(&t), vec!["template_sources"]);
    t.sources.clear();
    assert_eq!(errors(&t), vec!["template_sources"]);
}

#[test]
fn the_header_says_what_the_file_is() {
    let mut t = good();
    t.format = "chainmap".to_owned();
    t.version = VERSION + 1;
    t.revision = 0;
    t.chain.id = "食用菌".into();
    assert_eq!(
        errors(&t),
        vec![
            "template_format",
            "template_version",
            "template_revision",
            "template_id"
        ]
    );
}

#[test]
fn parsing_reports_unknown_fields_and_syntax_errors_with_their_place() {
    let text = serde_json::to_string_pretty(&good()).unwrap();
    assert_eq!(parse("t.json", &text).unwrap(), good());
    let misspelt = text.replacen(
        "\"name_en\": \"Test chain\"",
        "\"name_eng\": \"Test chain\"",
        1,
    );
    let issues = parse("t.json", &misspelt).unwrap_err();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].code, "unknown_field");
    assert_eq!(issues[0].place, "t.json: chain.name_eng");
    let broken = text.replacen('{', "{,", 1);
    let issues = parse("t.json", &broken).unwrap_err();
    assert_eq!(issues[0].code, "template_syntax");
    assert!(
        issues[0].place.starts_with("t.json: line 1, column 2"),
        "{}",
        issues[0].place
    );
}

#[test]
fn a_new_project_holds_the_template_chain_and_the_identity() {
    let identity = Identity {
        name: "柞水县食用菌".to_owned(),
        county: "柞水县".to_owned(),
        unit: crate::model::meta::MoneyUnit::Wan,
        year: Some(2024),
        description: String::new(),
    };
    let t = good();
    let project = new_project(&t, &identity);
    assert_eq!(project.meta.name, "柞水县食用菌");
    assert_eq!(project.meta.county, "柞水县");
    assert_eq!(project.meta.base_year, Some(2024));
    assert_eq!(project.chains.len(), 1);
    // The template's chain, each stage with the land use the template knows for it.
    let mut chain = t.chain.clone();
    for stage in &mut chain.stages {
        stage.land_use = t.stage_info.get(&stage.id).map(|i| i.land_use);
    }
    assert!(chain.stages.iter().all(|s| s.land_use.is_some()));
    assert_eq!(project.chains[&t.chain.id], chain);
    assert!(project.nodes.is_empty() && project.links.is_empty());
    assert_eq!(project.references[&t.chain.id], self_matching(&t));
    // This test's template is not built in, so the matching is the one thing checking notes.
    let issues = crate::model::validate::validate(&project);
    let codes: Vec<&str> = issues.iter().map(|i| i.code).collect();
    assert_eq!(codes, ["reference_template_unknown"]);
}
