//! One gesture, one undo step: edits made by one gesture on one field join one step; anything
//! else (another field, the gesture ended, undo) starts a new one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::document::Document;
use chainmap::edit::Edit;
use chainmap::model::{Node, NodeId, Pos, Project};

fn project() -> Project {
    let mut p = Project::new("t");
    for id in ["a", "b"] {
        p.nodes.insert(
            NodeId::from(id),
            Node {
                id: NodeId::from(id),
                name: id.to_uppercase(),
                position: Some(Pos { x: 0.0, y: 0.0 }),
                ..Node::default()
            },
        );
    }
    p
}

fn rename(doc: &Document, id: &str, name: &str) -> Edit {
    let mut node = doc.project.nodes[&NodeId::from(id)].clone();
    node.name = name.to_owned();
    Edit::SetNodes(vec![node])
}

fn name(doc: &Document, id: &str) -> String {
    doc.project.nodes[&NodeId::from(id)].name.clone()
}

#[test]
fn a_gesture_is_one_step() {
    let mut doc = Document::new(project());
    for step in ["A1", "A12", "A123"] {
        let edit = rename(&doc, "a", step);
        doc.apply_in_gesture(edit, "node:a/name").unwrap();
    }
    assert_eq!(doc.undo_depth(), 1);
    assert_eq!(name(&doc, "a"), "A123");
    assert!(doc.undo());
    assert_eq!(name(&doc, "a"), "A");
    assert!(!doc.undo(), "nothing else to undo");
    assert!(doc.redo());
    assert_eq!(name(&doc, "a"), "A123");
}

#[test]
fn another_field_or_an_ended_gesture_starts_a_new_step() {
    let mut doc = Document::new(project());
    let e = rename(&doc, "a", "A1");
    doc.apply_in_gesture(e, "node:a/name").unwrap();
    let e = rename(&doc, "b", "B1");
    doc.apply_in_gesture(e, "node:b/name").unwrap();
    assert_eq!(doc.undo_depth(), 2);
    doc.end_gesture();
    let e = rename(&doc, "b", "B2");
    doc.apply_in_gesture(e, "node:b/name").unwrap();
    assert_eq!(doc.undo_depth(), 3);
    // A plain edit never joins a gesture.
    let e = rename(&doc, "b", "B3");
    doc.apply(e).unwrap();
    let e = rename(&doc, "b", "B4");
    doc.apply_in_gesture(e, "node:b/name").unwrap();
    assert_eq!(doc.undo_depth(), 5);
}

#[test]
fn after_undo_a_gesture_does_not_join_the_undone_step() {
    let mut doc = Document::new(project());
    let e = rename(&doc, "a", "A1");
    doc.apply_in_gesture(e, "node:a/name").unwrap();
    let e = rename(&doc, "a", "A2");
    doc.apply_in_gesture(e, "node:a/name").unwrap();
    assert!(doc.undo());
    let e = rename(&doc, "a", "A9");
    doc.apply_in_gesture(e, "node:a/name").unwrap();
    assert_eq!(doc.undo_depth(), 1);
    assert!(doc.undo());
    assert_eq!(
        name(&doc, "a"),
        "A",
        "the new step undoes to where it began"
    );
}

#[test]
fn a_gesture_touching_several_items_undoes_all_of_them() {
    // A drag that first moves one node, then (same gesture) both: undo restores both.
    let mut doc = Document::new(project());
    let a = NodeId::from("a");
    let b = NodeId::from("b");
    let at = |x| Pos { x, y: 0.0 };
    doc.apply_in_gesture(Edit::MoveNodes(vec![(a.clone(), at(5.0))]), "drag")
        .unwrap();
    doc.apply_in_gesture(
        Edit::MoveNodes(vec![(a.clone(), at(9.0)), (b.clone(), at(7.0))]),
        "drag",
    )
    .unwrap();
    assert_eq!(doc.undo_depth(), 1);
    assert!(doc.undo());
    assert_eq!(doc.project.nodes[&a].position, Some(at(0.0)));
    assert_eq!(doc.project.nodes[&b].position, Some(at(0.0)));
    assert!(!doc.is_dirty());
}

#[test]
fn a_refused_edit_in_a_gesture_changes_nothing() {
    let mut doc = Document::new(project());
    let e = rename(&doc, "a", "A1");
    doc.apply_in_gesture(e, "k").unwrap();
    let ghost = Node {
        id: NodeId::from("nobody"),
        ..Node::default()
    };
    let refused = doc.apply_in_gesture(Edit::SetNodes(vec![ghost]), "k");
    assert!(refused.is_err());
    assert_eq!(doc.undo_depth(), 1);
    assert!(doc.undo());
    assert_eq!(name(&doc, "a"), "A");
}
