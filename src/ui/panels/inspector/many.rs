//! The fields several selected nodes share: kind, main stage, region and pinned. A field where
//! they differ shows "(mixed)"; a change applies to every selected node as one edit.

use super::{Choice, stage_label};
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Node, NodeKind, Project, StageId};
use crate::ui::state::Queue;
use std::collections::BTreeSet;

/// Draws the common fields of `nodes` (several; `links` more links are selected too).
pub(super) fn many_ui(
    ui: &mut egui::Ui,
    project: &Project,
    nodes: &[&Node],
    links: usize,
    queue: &mut Queue,
    lang: Lang,
) {
    ui.label(match lang {
        Lang::Zh => format!("已选择 {} 个节点、{links} 条连线", nodes.len()),
        Lang::En => format!(
            "{} and {} selected",
            crate::i18n::count_en(nodes.len(), "node", "nodes"),
            crate::i18n::count_en(links, "link", "links")
        ),
    });
    ui.weak(lang.pick(
        "修改将应用到全部所选节点",
        "Changes apply to every selected node",
    ));
    ui.separator();
    let Some(first) = nodes.first() else {
        return;
    };
    egui::Grid::new("many-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let kind = same(nodes, |n| n.kind).then_some(first.kind);
            let choice = Choice::new("many-kind", lang.pick("类型", "Kind"), kind, &NodeKind::ALL);
            if let Some(Some(kind)) = choice.show(ui, |k| k.label(lang).to_owned()) {
                set_all(queue, nodes, |n| n.kind = kind);
            }
            stage_row(ui, project, nodes, queue, lang);
            region_row(ui, project, nodes, queue, lang);
            ui.label(lang.pick("固定位置", "Pinned"));
            let mut pinned = nodes.iter().all(|n| n.pinned);
            let pin = lang.pick("布局时不移动", "layouts leave them in place");
            if ui.checkbox(&mut pinned, pin).changed() {
                set_all(queue, nodes, |n| n.pinned = pinned);
            }
            ui.end_row();
        });
}

/// Whether every node has the same `f`.
fn same<T: Ord>(nodes: &[&Node], f: impl Fn(&Node) -> T) -> bool {
    nodes.iter().map(|n| f(n)).collect::<BTreeSet<_>>().len() == 1
}

/// One edit changing every node in `nodes` by `change` (those it leaves as they are are left
/// out).
fn set_all(queue: &mut Queue, nodes: &[&Node], change: impl Fn(&mut Node)) {
    let changed: Vec<Node> = nodes
        .iter()
        .filter_map(|n| {
            let mut m = (*n).clone();
            change(&mut m);
            (m != **n).then_some(m)
        })
        .collect();
    if !changed.is_empty() {
        queue.edits.push(Edit::SetNodes(changed));
    }
}

/// The main stage of the firms among the nodes (parks and regions have none).
fn stage_row(ui: &mut egui::Ui, project: &Project, nodes: &[&Node], queue: &mut Queue, lang: Lang) {
    let stages: Vec<(StageId, String)> = project
        .stages()
        .map(|(_, s)| (s.id.clone(), stage_label(s, lang)))
        .collect();
    let indices: Vec<usize> = (0..stages.len()).collect();
    let current = same(nodes, |n| n.stages.first().cloned())
        .then(|| {
            let first = nodes.first()?.stages.first()?;
            stages.iter().position(|(id, _)| id == first)
        })
        .flatten();
    let choice = Choice::new("many-stage", lang.pick("环节", "Stage"), current, &indices);
    if let Some(Some(i)) = choice.show(ui, |i| stages[i].1.clone()) {
        let stage = &stages[i].0;
        set_all(queue, nodes, |n| {
            if !n.kind.is_enterprise_like() {
                return;
            }
            // The chosen stage replaces the main one (and leaves the other stages).
            n.stages.retain(|s| s != stage);
            match n.stages.first_mut() {
                Some(main) => *main = stage.clone(),
                None => n.stages.push(stage.clone()),
            }
        });
    }
}

/// The region the nodes sit in; a region node is never put in itself.
fn region_row(
    ui: &mut egui::Ui,
    project: &Project,
    nodes: &[&Node],
    queue: &mut Queue,
    lang: Lang,
) {
    let regions: Vec<&Node> = project
        .nodes
        .values()
        .filter(|n| n.kind == NodeKind::Region)
        .collect();
    let indices: Vec<usize> = (0..regions.len()).collect();
    let mixed = !same(nodes, |n| n.region.clone());
    let current = nodes
        .first()
        .and_then(|n| n.region.as_ref())
        .and_then(|r| regions.iter().position(|n| &n.id == r))
        .filter(|_| !mixed);
    let text = match (mixed, current) {
        (true, _) => lang.pick("(多个值)", "(mixed)").to_owned(),
        (false, Some(i)) => regions[i].name.clone(),
        (false, None) => lang.pick("(无)", "(none)").to_owned(),
    };
    let choice = Choice::new(
        "many-region",
        lang.pick("所在地区", "Region"),
        current,
        &indices,
    )
    .or_none(lang.pick("(无)", "(none)"))
    .showing(text);
    if let Some(choice) = choice.show(ui, |i| regions[i].name.clone()) {
        let region = choice.map(|i| regions[i].id.clone());
        set_all(queue, nodes, |n| {
            if Some(&n.id) != region.as_ref() {
                n.region = region.clone();
            }
        });
    }
}
