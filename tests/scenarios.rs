//! Scenarios (方案): edits recorded by id and field and made again on the base; the document
//! editing a scenario with the base untouched, each scenario step one undo step; a file with
//! scenarios saved and read back byte for byte; a scenario made by signing 招商 candidates,
//! checked by hand on a small chain; `--scenario` on the command line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::{AnalysisOptions, analyze};
use chainmap::document::Document;
use chainmap::file::{self, LoadOptions};
use chainmap::model::{LinkId, Node, NodeId, NodeKind, Project};
use chainmap::scenario::{materialise, record};
use rust_decimal::Decimal;
use serde_json::Value;
use std::process::{Command, Output};

fn sample() -> Project {
    file::load_str(file::BUNDLED_SAMPLE, LoadOptions::default())
        .unwrap()
        .project
}

fn node(p: &Project, id: &str) -> Node {
    p.nodes[&NodeId::from(id)].clone()
}

/// The sample with a firm added, one removed (and its links with it) and one's output changed.
fn edited(base: &Project) -> Project {
    let mut p = base.clone();
    let mut new = node(&p, "E01");
    new.id = NodeId::from("E90");
    new.name = "新引进菌种企业".to_owned();
    p.nodes.insert(new.id.clone(), new);
    p.nodes.remove(&NodeId::from("E24"));
    p.links
        .retain(|_, l| l.from.as_str() != "E24" && l.to.as_str() != "E24");
    let e03 = p.nodes.get_mut(&NodeId::from("E03")).unwrap();
    let year = *e03.figures.keys().next_back().unwrap();
    e03.figures.get_mut(&year).unwrap().output = Some(Decimal::from(4321));
    p
}

#[test]
fn recorded_edits_made_again_give_the_edited_project() {
    let base = sample();
    let after = edited(&base);
    let changes = record(&base, &after).unwrap();
    assert_eq!(changes.sections["nodes"].added.len(), 1);
    assert!(changes.sections["nodes"].removed.contains("E24"));
    assert_eq!(
        changes.sections["nodes"].changed["E03"]
            .set
            .keys()
            .collect::<Vec<_>>(),
        ["figures"]
    );
    let made = materialise(&base, &changes);
    assert!(made.skipped.is_empty(), "{:?}", made.skipped);
    // What pointed at the removed firm (a view's highlight) is dropped as a merge drops it.
    let mut expected = after.clone();
    chainmap::merge::clean_dangling(&mut expected);
    assert!(made.project == expected, "the materialised project differs");
    assert!(
        !expected
            .views
            .values()
            .any(|v| v.highlight.iter().any(|n| n.as_str() == "E24"))
    );
}

#[test]
fn a_scenario_still_applies_after_the_base_changed_and_says_what_no_longer_fits() {
    let base = sample();
    let changes = record(&base, &edited(&base)).unwrap();
    // The base, edited afterwards: E03 (changed by the scenario) removed, E05 renamed.
    let mut later = base.clone();
    later.nodes.remove(&NodeId::from("E03"));
    later
        .links
        .retain(|_, l| l.from.as_str() != "E03" && l.to.as_str() != "E03");
    later.nodes.get_mut(&NodeId::from("E05")).unwrap().name = "改名后的企业".to_owned();
    let made = materialise(&later, &changes);
    assert_eq!(made.skipped.len(), 1, "{:?}", made.skipped);
    assert!(
        made.skipped[0].1.starts_with("nodes/E03"),
        "{:?}",
        made.skipped
    );
    let p = made.project;
    assert!(p.nodes.contains_key(&NodeId::from("E90")));
    assert!(!p.nodes.contains_key(&NodeId::from("E24")));
    assert!(!p.nodes.contains_key(&NodeId::from("E03")));
    assert_eq!(node(&p, "E05").name, "改名后的企业");
    assert!(chainmap::merge::problems(&p).is_empty());
}

#[test]
fn edits_go_into_the_active_scenario_and_the_base_stays_untouched() {
    let base = sample();
    let mut doc = Document::new(base.clone());
    let id = doc
        .add_scenario("规划 2027", "引进一家菌种企业", None)
        .unwrap();
    assert_eq!(doc.active_scenario(), Some(id.as_str()));
    let mut e01 = node(&doc.project, "E01");
    e01.name = "方案中改名".to_owned();
    doc.apply(chainmap::edit::Edit::SetNodes(vec![e01]))
        .unwrap();
    assert_eq!(node(&doc.project, "E01").name, "方案中改名");
    assert_eq!(node(doc.base(), "E01").name, node(&base, "E01").name);
    // The file holds the base and the scenario's one edit.
    let file_project = doc.file_project().unwrap();
    assert_eq!(file_project.nodes, base.nodes);
    let changes = &file_project.scenarios[&id].changes;
    assert_eq!(changes.counts(), [0, 0, 1]);
    // Back to the base: the edit is not there; into the scenario again: it is.
    doc.switch_scenario(None).unwrap();
    assert_eq!(doc.project.nodes, base.nodes);
    doc.switch_scenario(Some(&id)).unwrap();
    assert_eq!(node(&doc.project, "E01").name, "方案中改名");
    // Undo: the switch, the switch, the edit, the new scenario — each one step.
    for expected_active in [None, Some(id.as_str()), Some(id.as_str())] {
        assert!(doc.undo());
        assert_eq!(doc.active_scenario(), expected_active);
    }
    assert_eq!(node(&doc.project, "E01").name, node(&base, "E01").name);
    assert!(doc.undo());
    assert_eq!(doc.active_scenario(), None);
    assert!(doc.scenarios().is_empty());
    assert!(!doc.is_dirty());
    // Redo all four.
    for _ in 0..4 {
        assert!(doc.redo());
    }
    assert_eq!(doc.active_scenario(), Some(id.as_str()));
    assert_eq!(node(&doc.project, "E01").name, "方案中改名");
}

#[test]
fn applying_a_scenario_makes_it_the_base_and_removing_one_keeps_the_base() {
    let base = sample();
    let mut doc = Document::new(base.clone());
    let kept = doc.add_scenario("另一个方案", "", None).unwrap();
    doc.switch_scenario(None).unwrap();
    let id = doc.add_scenario("规划", "", Some(&edited(&base))).unwrap();
    assert!(doc.project.nodes.contains_key(&NodeId::from("E90")));
    doc.apply_scenario().unwrap();
    assert_eq!(doc.active_scenario(), None);
    assert!(doc.project.nodes.contains_key(&NodeId::from("E90")));
    assert!(!doc.scenarios().contains_key(&id));
    assert!(doc.scenarios().contains_key(&kept));
    doc.undo();
    assert_eq!(doc.active_scenario(), Some(id.as_str()));
    assert_eq!(doc.base().nodes, base.nodes);
    doc.remove_scenario(&id).unwrap();
    assert_eq!(doc.active_scenario(), None);
    assert_eq!(doc.project.nodes, base.nodes);
}

#[test]
fn names_must_be_given_and_unique() {
    let mut doc = Document::new(sample());
    assert!(doc.add_scenario("  ", "", None).is_err());
    let a = doc.add_scenario("规划", "", None).unwrap();
    let b = doc.add_scenario("规划", "", None).unwrap();
    assert_eq!(doc.scenarios()[&b].name, "规划 2");
    let e = doc.rename_scenario(&b, "规划", "").unwrap_err();
    assert!(e.zh.contains("已有名为“规划”的方案"), "{e:?}");
    doc.rename_scenario(&a, "现状之后", "说明").unwrap();
    assert_eq!(doc.scenarios()[&a].description, "说明");
}

#[test]
fn scenarios_survive_save_and_reload_byte_for_byte() {
    let base = sample();
    let mut doc = Document::new(base.clone());
    doc.add_scenario("规划", "引进与退出", Some(&edited(&base)))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("带方案.chainmap.json");
    doc.save(Some(&path)).unwrap();
    // Choosing what to edit changes nothing a save would write.
    doc.switch_scenario(None).unwrap();
    assert!(!doc.is_dirty());
    doc.undo();
    assert!(!doc.is_dirty());
    let first = std::fs::read(&path).unwrap();
    let text = String::from_utf8(first.clone()).unwrap();
    assert!(text.contains("\"version\": 3"));
    assert!(text.contains("\"scenarios\""));
    let reopened = Document::open(&path).unwrap();
    assert!(
        reopened.load_issues.is_empty(),
        "{:?}",
        reopened.load_issues
    );
    assert_eq!(reopened.project, doc.file_project().unwrap());
    let again = dir.path().join("again.chainmap.json");
    file::save(&again, &reopened.project).unwrap();
    assert_eq!(std::fs::read(&again).unwrap(), first);
    // And the scenario made from the reloaded file is the edited project.
    let s = reopened.project.scenarios.values().next().unwrap();
    assert_eq!(
        materialise(&reopened.project, &s.changes).project.nodes,
        edited(&base).nodes
    );
}

/// Two stages: 菌袋 (s1, no local firm) and 加工 (s2: the local buyer B); B buys 菌袋 for 100
/// from X outside the county. Candidate C makes 菌袋 with revenue 500.
fn small_chain() -> Project {
    let text = r#"{"format": "chainmap", "version": 3, "name": "小链", "unit": "万元",
        "chains": [{"id": "c", "name": "链", "stages": [
            {"id": "s1", "name": "菌袋生产", "segment": "upstream", "products": [{"name": "菌袋", "required": true}]},
            {"id": "s2", "name": "加工", "segment": "midstream", "products": [{"name": "木耳", "required": true}]}]}],
        "nodes": [
            {"id": "B", "name": "本地加工厂", "kind": "enterprise", "stages": ["s2"], "above_scale": true,
             "figures": {"2024": {"output": 1000}}},
            {"id": "X", "name": "外地菌袋厂", "kind": "external_enterprise", "stages": ["s1"]}],
        "links": [{"id": "l1", "kind": "supply", "from": "X", "to": "B", "product": "菌袋", "value": 100}],
        "agreements": [], "views": [],
        "candidates": [{"id": "c1", "name": "某菌袋公司", "products": ["菌袋"], "revenue": 500, "status": "new"}]}"#;
    file::load_str(text, LoadOptions::default())
        .unwrap()
        .project
}

#[test]
fn signing_a_candidate_fills_the_gap_and_takes_over_the_outside_supply() {
    let base = small_chain();
    let analysis = analyze(&base, &AnalysisOptions::default());
    assert_eq!(analysis.local_supporting_rate, Some(0.0));
    assert_eq!(analysis.completeness.stage, Some(0.5));
    let list = chainmap::targets::rank(&base, &analysis);
    let (after, signed) = chainmap::scenario::sign_candidates(
        &base,
        &list,
        &analysis.places,
        &["c1".to_owned()],
        2024,
    );
    assert_eq!(signed.len(), 1);
    let firm = &after.nodes[&signed[0].node];
    assert_eq!(firm.name, "某菌袋公司");
    assert_eq!(firm.kind, NodeKind::Enterprise);
    assert_eq!(firm.stages, [chainmap::model::StageId::from("s1")]);
    assert_eq!(firm.figures[&2024].output, Some(Decimal::from(500)));
    assert!(firm.position.is_some());
    assert_eq!(signed[0].links_taken_over, 1);
    assert_eq!(after.links[&LinkId::from("l1")].from, signed[0].node);
    assert_eq!(
        after.candidates["c1"].status,
        chainmap::model::CandidateStatus::Signed
    );
    // By hand: B's only purchase (100) now comes from a local firm: 0 % → 100 %; both stages
    // have a local firm: 50 % → 100 %.
    let figures = chainmap::scenario::compare::compare(&base, &after, None);
    let rate = figures.figure("local_supporting_rate").unwrap();
    assert_eq!((rate.a, rate.b), (Some(0.0), Some(1.0)));
    let coverage = figures.figure("stage_coverage").unwrap();
    assert_eq!((coverage.a, coverage.b), (Some(0.5), Some(1.0)));
    assert!(!figures.gaps_closed.is_empty());
}

fn chainmap_cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_command_line_reads_a_scenario_by_name() {
    let base = sample();
    let mut doc = Document::new(base.clone());
    doc.add_scenario("规划", "", Some(&edited(&base))).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.chainmap.json");
    doc.save(Some(&path)).unwrap();
    let p = path.to_str().unwrap();

    let out = chainmap_cli(&["diff", p, p, "--scenario", "规划", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["nodes"]["added"], serde_json::json!(["E90"]));
    assert_eq!(json["nodes"]["removed"], serde_json::json!(["E24"]));
    assert_eq!(json["nodes"]["changed"][0]["id"], "E03");
    assert_eq!(
        json["nodes"]["changed"][0]["fields"],
        serde_json::json!(["figures"])
    );
    let rate = &json["metrics"]["local_supporting_rate"];
    assert_ne!(rate["a"], rate["b"]);

    let out = chainmap_cli(&["analyze", p, "--scenario", "s1", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let scenario: Value = serde_json::from_slice(&out.stdout).unwrap();
    let out = chainmap_cli(&["analyze", p, "--json"]);
    let as_is: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_ne!(scenario, as_is);

    let out = chainmap_cli(&["analyze", p, "--scenario", "没有这个"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no scenario named \"没有这个\"; its scenarios: 规划 (s1)"),
        "{err}"
    );

    let out = chainmap_cli(&["export", p, "--scenario", "规划", "--to", "md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = std::fs::read_to_string(dir.path().join("p-规划.md")).unwrap();
    assert!(
        report.contains("方案:规划"),
        "{}",
        &report[..200.min(report.len())]
    );
}
