//! The sample projects load clean, hold what they promise, and re-save byte-identically.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::file::{self, LoadOptions};
use chainmap::model::{LinkKind, NodeKind, Project, Segment};
use std::path::PathBuf;

const SAMPLES: [&str; 4] = [
    "zhashui-fungus.chainmap.json",
    "ankang-enclave.chainmap.json",
    "meixian-kiwi.chainmap.json",
    "enclave-cases.chainmap.json",
];

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(name)
}

fn load(name: &str) -> Project {
    let loaded = file::load_path(&path(name), LoadOptions { strict: true })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(loaded.issues.is_empty(), "{name}: {:?}", loaded.issues);
    loaded.project
}

#[test]
fn samples_load_clean_and_resave_byte_identical() {
    for name in SAMPLES {
        let project = load(name);
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join(name);
        file::save(&out, &project).unwrap();
        let original = std::fs::read(path(name)).unwrap();
        let resaved = std::fs::read(&out).unwrap();
        assert!(
            original == resaved,
            "{name} does not re-save byte-identically"
        );
        // Only the target is left behind: the temp file was renamed.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

#[test]
fn zhashui_holds_the_shared_chain() {
    let p = load("zhashui-fungus.chainmap.json");
    let firms = p
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like())
        .count();
    assert_eq!(firms, 39);
    assert_eq!(p.stages().count(), 14);
    assert_eq!(p.link_counts()[&LinkKind::Supply], 54);
    assert!(p.node_counts()[&NodeKind::Park] >= 3);
    let towns: Vec<_> = p
        .nodes
        .values()
        .filter(|n| n.kind == NodeKind::Region && n.town_class.is_some())
        .collect();
    assert!(towns.len() >= 4);
    assert!(p.nodes.values().any(|n| n.tags.iter().any(|t| t == "链主")));
    assert!(p.nodes.values().any(|n| n.srdi.is_some()));
    // Laid out left to right: every firm of a later stage sits right of every firm of an earlier one.
    let order: Vec<_> = p.stages().map(|(_, s)| s.id.clone()).collect();
    let x_of_stage = |i: usize| {
        p.nodes
            .values()
            .filter(|n| n.stages.first() == Some(&order[i]))
            .map(|n| n.position.unwrap().x)
            .collect::<Vec<_>>()
    };
    for i in 1..order.len() {
        let before = x_of_stage(i - 1).into_iter().fold(f32::MIN, f32::max);
        let after = x_of_stage(i).into_iter().fold(f32::MAX, f32::min);
        assert!(
            after > before,
            "stage {} is not right of {}",
            order[i],
            order[i - 1]
        );
    }
}

#[test]
fn ankang_is_an_enclave_with_the_rules_asked_for() {
    use chainmap::model::{Ledger, PartyRole, Rule};
    let p = load("ankang-enclave.chainmap.json");
    assert_eq!(p.link_counts()[&LinkKind::Trusteeship], 1);
    assert_eq!(p.link_counts()[&LinkKind::Enclave], 1);
    let a = p.agreements.values().next().unwrap();
    let roles: Vec<_> = a.parties.iter().map(|x| x.role).collect();
    assert!(roles.contains(&PartyRole::Source) && roles.contains(&PartyRole::Host));
    assert!(a.scope.len() >= 3);
    let assessment: Vec<_> = a
        .phases
        .iter()
        .filter(|ph| ph.ledger == Ledger::Assessment)
        .collect();
    assert!(
        assessment
            .iter()
            .any(|ph| ph.years == Some(5) && matches!(ph.rule, Rule::AllTo { .. }))
    );
    // Money moves only as the park company's dividends: the documented 安康 rule names no
    // fiscal split (tests/enclave_samples.rs checks the rule itself).
    assert!(a.phases.iter().all(|ph| ph.ledger != Ledger::Fiscal));
    assert!(a.phases.iter().any(|ph| ph.ledger == Ledger::Corporate));
    assert!(!a.costs.is_empty());
    assert_eq!(
        a.coalition_values.len(),
        7,
        "every coalition of three parties"
    );
    let enterprise_years = p
        .nodes
        .values()
        .filter(|n| a.scope.contains(&n.id))
        .map(|n| n.figures.len())
        .min()
        .unwrap();
    assert!(enterprise_years >= 5);
}

#[test]
fn meixian_has_a_missing_stage_and_a_single_supplier_product() {
    let p = load("meixian-kiwi.chainmap.json");
    let local_in = |stage: &str| {
        p.nodes
            .values()
            .filter(|n| n.kind.is_local() && n.stages.iter().any(|s| s.as_str() == stage))
            .count()
    };
    let (_, processing) = p
        .stages()
        .find(|(_, s)| s.segment == Segment::Downstream)
        .unwrap();
    assert_eq!(
        local_in(processing.id.as_str()),
        0,
        "deep processing has no local firm"
    );
    let pollen_suppliers: std::collections::BTreeSet<_> = p
        .links
        .values()
        .filter(|l| l.product == "授粉花粉")
        .map(|l| &l.from)
        .collect();
    assert_eq!(pollen_suppliers.len(), 1);
}

/// A chain filter on a project of two chains (`tests/fixtures/two-chains.json`: 木耳 with four
/// firms, 茶叶 with three, a supply link from a tea firm into the fungus chain, a park and a town
/// shared) admits exactly the chosen chain's firms: in the analysis, and in the canvas's view
/// filter, where the park and the town (no stage) stay as the setting.
#[test]
fn a_chain_filter_admits_exactly_one_chains_firms() {
    use chainmap::analysis::{AnalysisOptions, analyze};
    use chainmap::model::ViewFilter;
    use std::collections::BTreeSet;
    let p = file::load_path(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-chains.json"),
        LoadOptions { strict: true },
    )
    .unwrap()
    .project;
    assert_eq!(p.chains.len(), 2);
    let set = |ids: &[&'static str]| ids.iter().copied().collect::<BTreeSet<&str>>();
    for (chain, firms, stages) in [
        (
            "muer",
            set(&["m1", "m2", "m3", "m4"]),
            ["mu1", "mu2", "mu3"],
        ),
        ("tea", set(&["t1", "t2", "t3"]), ["te1", "te2", "te3"]),
    ] {
        let a = analyze(
            &p,
            &AnalysisOptions {
                chain: Some(chain.into()),
                year: None,
            },
        );
        let nodes: BTreeSet<&str> = a.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(nodes, firms, "{chain}");
        let analysed: Vec<&str> = a.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(analysed, stages, "{chain}");
        assert!(a.stages.iter().all(|s| s.chain.as_str() == chain));
        // Candidates and the firms not eligible: only the chain's.
        let judged: BTreeSet<&str> = a
            .leaders
            .iter()
            .map(|l| l.id.as_str())
            .chain(a.not_eligible.iter().map(|n| n.id.as_str()))
            .collect();
        assert!(
            !judged.is_empty() && judged.is_subset(&firms),
            "{chain}: {judged:?}"
        );
        // The land evaluation (classed or not) only of the chain's firms; parks are not firms.
        let land: BTreeSet<&str> = a
            .land
            .firms()
            .map(|f| f.id.as_str())
            .chain(a.land.excluded.iter().map(|e| e.id.as_str()))
            .collect();
        assert!(
            !land.is_empty() && land.is_subset(&firms),
            "{chain}: {land:?}"
        );
        let filter = ViewFilter {
            chains: vec![chain.into()],
            ..ViewFilter::default()
        };
        let shown: BTreeSet<&str> = p
            .nodes
            .values()
            .filter(|n| filter.admits(&p, n))
            .map(|n| n.id.as_str())
            .collect();
        let mut expected = firms.clone();
        expected.extend(["pk", "r1"]);
        assert_eq!(shown, expected, "{chain}");
    }
    // Unfiltered: both chains' firms and stages.
    let all = analyze(&p, &AnalysisOptions::default());
    assert_eq!(all.nodes.len(), 7);
    assert_eq!(all.stages.len(), 6);
}
