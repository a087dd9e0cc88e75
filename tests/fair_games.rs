//! An agreement's coalition values as a game: keyed by the parties' node ids, refused (with
//! every reason) when they name someone who is not a party or leave out a coalition, never
//! computed around — in the library, `chainmap fair` and `chainmap check`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::file::{self, LoadOptions};
use chainmap::model::{AgreementId, NodeId, Project};
use chainmap::sharing::benchmark::{GameProblem, agreement_game, fair_split, game_issues};
use chainmap::sharing::fair::q_to_decimal_string;
use std::path::PathBuf;
use std::process::Command;

fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_projects/ankang-enclave.chainmap.json")
}

fn sample() -> Project {
    file::load_path(&sample_path(), LoadOptions::default())
        .unwrap()
        .project
}

fn agreement_id(p: &Project) -> AgreementId {
    p.agreements.keys().next().cloned().unwrap()
}

#[test]
fn the_sample_game_is_keyed_by_node_id_and_splits_v_n() {
    let p = sample();
    let a = &p.agreements[&agreement_id(&p)];
    let game = agreement_game(a).unwrap();
    let ids: Vec<String> = a.parties.iter().map(|x| x.node.to_string()).collect();
    assert_eq!(game.players, ids);
    let s = chainmap::sharing::schedule(&p, a, None, None);
    let split = fair_split(&p, a, &s).unwrap();
    // Hand-checked on the sample: Shapley 5200/3, 4000/3, 1600/3 of v(N) = 3600.
    let shown: Vec<String> = split
        .shapley
        .iter()
        .map(|x| q_to_decimal_string(x, 2))
        .collect();
    assert_eq!(shown, ["1733.33", "1333.33", "533.33"]);
}

#[test]
fn a_removed_party_flags_the_game_instead_of_miscomputing_it() {
    let mut p = sample();
    let id = agreement_id(&p);
    // A party taken out of the agreement (but still a node of the project), its coalition
    // values kept: before, {A, B} overwrote v({A}) and Shapley summed to less than v(N).
    let a = p.agreements.get_mut(&id).unwrap();
    let gone = a.parties[1].node.clone();
    a.parties.remove(1);
    let mut rules_clean = a.clone();
    for phase in &mut rules_clean.phases {
        phase.rule = chainmap::model::Rule::AllTo {
            party: rules_clean.parties[0].node.clone(),
        };
    }
    rules_clean.costs.clear();
    *a = rules_clean;
    let problems = agreement_game(a).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, GameProblem::NotAParty { node, .. } if *node == gone)),
        "{problems:?}"
    );
    let s = chainmap::sharing::schedule(&p, &p.agreements[&id], None, None);
    assert!(
        fair_split(&p, &p.agreements[&id], &s).is_err(),
        "no numbers"
    );
    // Validation flags the kept values without stopping the file from opening.
    let issues = chainmap::model::validate::validate(&p);
    let flagged: Vec<_> = issues
        .iter()
        .filter(|i| i.code == "coalition_not_a_party")
        .collect();
    assert!(!flagged.is_empty(), "{issues:?}");
    assert!(flagged.iter().all(|i| !i.blocks_loading));
    let text = file::to_json(&p).unwrap();
    let reopened = file::load_str(&text, LoadOptions::default());
    assert!(reopened.is_ok(), "it still opens: {:?}", reopened.err());
    // Dropping them leaves a valid game again.
    let a = p.agreements.get_mut(&id).unwrap();
    a.coalition_values.retain(|c| !c.parties.contains(&gone));
    assert!(agreement_game(a).is_ok());
    assert!(game_issues(&p).is_empty());
}

#[test]
fn two_parties_with_one_name_are_two_players() {
    let mut p = sample();
    let id = agreement_id(&p);
    let nodes: Vec<NodeId> = p.agreements[&id]
        .parties
        .iter()
        .map(|x| x.node.clone())
        .collect();
    for n in &nodes {
        p.nodes.get_mut(n).unwrap().name = "同名".to_owned();
    }
    let a = &p.agreements[&id];
    let game = agreement_game(a).unwrap();
    assert_eq!(game.players.len(), 3);
    let s = chainmap::sharing::schedule(&p, a, None, None);
    assert!(fair_split(&p, a, &s).is_ok());
}

#[test]
fn a_missing_coalition_is_named() {
    let mut p = sample();
    let id = agreement_id(&p);
    let a = p.agreements.get_mut(&id).unwrap();
    let dropped = a.coalition_values.remove(0);
    match agreement_game(a).unwrap_err().as_slice() {
        [GameProblem::Missing(missing)] => {
            let names: Vec<String> = dropped.parties.iter().map(|n| n.to_string()).collect();
            assert_eq!(missing, &vec![names]);
        }
        other => panic!("{other:?}"),
    }
}

fn write_without_first_value() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample_path()).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["agreements"][0]["coalition_values"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    std::fs::write(
        dir.path().join("broken.chainmap.json"),
        serde_json::to_string_pretty(&json).unwrap(),
    )
    .unwrap();
    dir
}

#[test]
fn chainmap_fair_refuses_and_chainmap_check_warns() {
    let dir = write_without_first_value();
    let file = dir.path().join("broken.chainmap.json");
    let fair = Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(["fair", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(fair.status.code(), Some(1));
    let err = String::from_utf8_lossy(&fair.stderr);
    assert!(err.contains("coalition values missing"), "{err}");
    assert!(
        err.contains("岚皋县"),
        "names the coalition by party name: {err}"
    );
    let check = Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(["check", "--lang", "en", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("incomplete_game"), "{out}");
}

#[test]
fn a_project_with_a_removed_party_still_saves_and_opens() {
    // Taking a party out leaves rules and costs that name it: errors to fix in the Sharing
    // tab, never a file that no longer opens.
    let mut p = sample();
    let id = agreement_id(&p);
    let a = p.agreements.get_mut(&id).unwrap();
    let gone = a.parties[1].node.clone();
    a.remove_party(&gone, false);
    let text = file::to_json(&p).unwrap();
    let reopened = file::load_str(&text, LoadOptions::default()).unwrap();
    assert_eq!(reopened.project, p);
    assert!(
        reopened
            .issues
            .iter()
            .any(|i| i.code == "dangling_reference" && !i.blocks_loading)
    );
}
