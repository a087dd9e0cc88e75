//! The comparison dialog's rows: where they come from (saved, stale, suggested), what OK makes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::model::meta::{Identity, MoneyUnit};
use crate::reference::self_matching;

fn sample() -> Document {
    Document::new(crate::ui::app::bundled_sample())
}

fn fungi() -> &'static Template {
    reference::builtin().find("edible-fungi").unwrap()
}

#[test]
fn a_chain_never_compared_gets_the_template_it_matches_best_and_suggested_rows() {
    let doc = sample();
    let mut dialog = CompareDialog::default();
    dialog.show(&doc);
    assert!(dialog.open);
    assert_eq!(dialog.chain, ChainId::from("muer"));
    assert_eq!(dialog.template, "edible-fungi");
    assert_eq!(dialog.origin, Origin::Suggested);
    let suggested = reference::matching::suggest(fungi(), &doc.project, &dialog.chain);
    assert_eq!(dialog.stages, suggested.stages);
    assert_eq!(dialog.products, suggested.products);
    // OK saves exactly that, every reference stage and product listed.
    let CompareRequest::Apply(edit) = dialog.confirm(&doc.project) else {
        panic!("nothing saved yet: OK saves")
    };
    assert_eq!(
        *edit,
        Edit::SetReference {
            chain: ChainId::from("muer"),
            matching: Some(suggested),
        }
    );
}

#[test]
fn saved_decisions_stand_lost_stages_go_and_a_revised_template_is_said() {
    let mut doc = sample();
    let template = fungi();
    let deep = StageId::from("D1");
    let mut saved = reference::matching::suggest(template, &doc.project, &ChainId::from("muer"));
    // The user put 精深加工 on the project's D2, a stage since removed on U1, and the file was
    // confirmed against an older revision that lacked S4.
    saved.stages.insert(deep.clone(), Some(StageId::from("D2")));
    saved
        .stages
        .insert(StageId::from("U1"), Some(StageId::from("Z9")));
    saved.stages.remove(&StageId::from("S4"));
    saved.revision = template.revision - 1;
    doc.project
        .references
        .insert(ChainId::from("muer"), saved.clone());
    let mut dialog = CompareDialog::default();
    dialog.show(&doc);
    assert_eq!(dialog.template, "edible-fungi");
    assert_eq!(
        dialog.origin,
        Origin::Stale {
            saved: template.revision - 1,
            now: template.revision
        }
    );
    assert_eq!(dialog.stages[&deep], Some(StageId::from("D2")));
    assert_eq!(dialog.stages[&StageId::from("U1")], None, "Z9 is gone");
    let suggested = reference::matching::suggest(template, &doc.project, &dialog.chain);
    assert_eq!(
        dialog.stages[&StageId::from("S4")],
        suggested.stages[&StageId::from("S4")],
        "what the template gained is suggested"
    );
    // "Match by name again" drops the corrections.
    dialog.suggest_again(&doc.project);
    assert_eq!(dialog.stages, suggested.stages);
    assert_eq!(dialog.origin, Origin::Suggested);
}

#[test]
fn a_project_made_from_a_template_opens_on_its_own_matching_and_ok_changes_nothing() {
    let template = reference::builtin().find("tea").unwrap();
    let identity = Identity {
        name: "安化茶叶".into(),
        county: "安化县".into(),
        unit: MoneyUnit::Wan,
        year: Some(2024),
        description: String::new(),
    };
    let mut project = reference::new_project(template, &identity);
    let matching = self_matching(template);
    project.references.insert(matching.chain.clone(), matching);
    let doc = Document::new(project);
    let mut dialog = CompareDialog::default();
    dialog.show(&doc);
    assert_eq!(dialog.template, "tea");
    assert_eq!(dialog.origin, Origin::Saved);
    assert!(dialog.stages.iter().all(|(r, p)| p.as_ref() == Some(r)));
    assert_eq!(coverage(&dialog), (12, 12, 28, 28));
    assert_eq!(dialog.confirm(&doc.project), CompareRequest::None);
    assert!(!dialog.open);
    // Stop comparing forgets it.
    dialog.show(&doc);
    assert_eq!(
        dialog.stop(),
        CompareRequest::Apply(Box::new(Edit::SetReference {
            chain: ChainId::from("tea"),
            matching: None
        }))
    );
}

#[test]
fn choosing_another_template_shows_its_suggestion_and_back_the_saved_rows() {
    let mut doc = sample();
    let mut saved = reference::matching::suggest(fungi(), &doc.project, &ChainId::from("muer"));
    saved.stages.insert(StageId::from("D1"), None);
    doc.project.references.insert(ChainId::from("muer"), saved);
    let mut dialog = CompareDialog::default();
    dialog.show(&doc);
    dialog.choose_template(&doc.project, "tea".into());
    assert_eq!(dialog.origin, Origin::Suggested);
    assert_eq!(dialog.stages.len(), 12);
    dialog.choose_template(&doc.project, "edible-fungi".into());
    assert_eq!(dialog.origin, Origin::Saved);
    assert_eq!(dialog.stages[&StageId::from("D1")], None);
}
