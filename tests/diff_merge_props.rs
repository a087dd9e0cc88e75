//! Properties of diff and three-way merge on random edits of the 柞水 sample: merging one side's
//! changes gives that side; disjoint edits merge to the same project in either order (and to the
//! edits made one after the other); applying a diff gives its target.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::merge::{apply, clean_dangling, diff, merge};
use chainmap::model::{Figures, Link, LinkId, LinkKind, Node, NodeId, NodeKind, Project, StageId};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn sample() -> Project {
    chainmap::file::load_str(
        chainmap::file::BUNDLED_SAMPLE,
        chainmap::file::LoadOptions::default(),
    )
    .unwrap()
    .project
}

/// One random edit: what, two numbers choosing targets or values, and a text.
type Edit = (u8, u16, u16, String);

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (0u8..8, any::<u16>(), any::<u16>(), "[a-z甲乙丙<>\"]{1,6}"),
        0..8,
    )
}

/// The base's firms one side may edit: every firm, or those of one half (by position), so two
/// sides' edits never touch the same item. Firms a view highlights are left alone: removing one
/// edits the view's list, which both halves would then do.
fn firms(base: &Project, half: Option<usize>) -> Vec<NodeId> {
    let highlighted: Vec<&NodeId> = base.views.values().flat_map(|v| &v.highlight).collect();
    base.nodes
        .values()
        .filter(|n| n.kind == NodeKind::Enterprise && !highlighted.contains(&&n.id))
        .enumerate()
        .filter(|(i, _)| half.is_none_or(|h| i % 2 == h))
        .map(|(_, n)| n.id.clone())
        .collect()
}

/// `edits` made on `project`, touching only `own` firms (and links between them), naming what
/// it adds with `tag`; each edit leaves a valid project, as the editor would.
fn edit(project: &mut Project, own: &[NodeId], tag: &str, edits: &[Edit], chains: bool) {
    let stages: Vec<StageId> = project.stages().map(|(_, s)| s.id.clone()).collect();
    for (n, (what, x, y, text)) in edits.iter().enumerate() {
        let live: Vec<&NodeId> = own
            .iter()
            .filter(|id| project.nodes.contains_key(*id))
            .collect();
        let pick = |k: u16| {
            live.get(usize::from(k) % live.len().max(1))
                .map(|id| (*id).clone())
        };
        match what {
            0 => {
                if let Some(node) = pick(*x).and_then(|id| project.nodes.get_mut(&id)) {
                    node.name = format!("{}{text}", node.name);
                }
            }
            1 => {
                if let Some(node) = pick(*x).and_then(|id| project.nodes.get_mut(&id)) {
                    node.figures.insert(
                        2020 + i32::from(*y % 6),
                        Figures {
                            output: Some(Decimal::from(*y)),
                            ..Figures::default()
                        },
                    );
                }
            }
            2 => {
                if let Some(node) = pick(*x).and_then(|id| project.nodes.get_mut(&id)) {
                    node.stages = vec![stages[usize::from(*y) % stages.len()].clone()];
                }
            }
            3 => {
                if let Some(id) = pick(*x) {
                    project.nodes.remove(&id);
                    clean_dangling(project);
                }
            }
            4 => {
                let id = NodeId::from(format!("{tag}{n}"));
                let node = Node {
                    id: id.clone(),
                    name: text.clone(),
                    kind: NodeKind::Enterprise,
                    stages: vec![stages[usize::from(*y) % stages.len()].clone()],
                    ..Node::default()
                };
                project.nodes.insert(id, node);
            }
            5 => {
                if let (Some(from), Some(to)) = (pick(*x), pick(*y))
                    && from != to
                {
                    let id = LinkId::from(format!("{tag}L{n}"));
                    let link = Link {
                        id: id.clone(),
                        kind: LinkKind::Supply,
                        from,
                        to,
                        ..Link::default()
                    };
                    project.links.insert(id, link);
                }
            }
            6 => {
                let mine: Vec<LinkId> = project
                    .links
                    .values()
                    .filter(|l| live.contains(&&l.from) && live.contains(&&l.to))
                    .map(|l| l.id.clone())
                    .collect();
                if !mine.is_empty() {
                    project.links.remove(&mine[usize::from(*x) % mine.len()]);
                }
            }
            _ if chains => {
                if let Some(chain) = project.chains.values_mut().next() {
                    let i = usize::from(*x) % chain.stages.len().max(1);
                    if let Some(stage) = chain.stages.get_mut(i) {
                        stage.name = format!("{}{text}", stage.name);
                    }
                }
            }
            _ => project.meta.description = text.clone(),
        }
    }
}

fn edited(base: &Project, half: Option<usize>, tag: &str, e: &[Edit], chains: bool) -> Project {
    let mut p = base.clone();
    edit(&mut p, &firms(base, half), tag, e, chains);
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn merging_only_our_changes_gives_ours(e in edits()) {
        let base = sample();
        let x = edited(&base, None, "x", &e, true);
        prop_assert_eq!(merge(&base, &x, &base, None).unwrap(), x.clone());
        prop_assert_eq!(merge(&base, &base, &x, None).unwrap(), x);
    }

    #[test]
    fn disjoint_edits_merge_the_same_in_either_order(a in edits(), b in edits()) {
        let base = sample();
        let ours = edited(&base, Some(0), "a", &a, true);
        let theirs = edited(&base, Some(1), "b", &b, false);
        let one = merge(&base, &ours, &theirs, None).unwrap();
        let other = merge(&base, &theirs, &ours, None).unwrap();
        prop_assert_eq!(&one, &other);
        // Disjoint edits made one after the other give the same project.
        let mut both = ours.clone();
        edit(&mut both, &firms(&base, Some(1)), "b", &b, false);
        prop_assert_eq!(&one, &both);
        prop_assert!(chainmap::merge::problems(&one).is_empty());
    }

    #[test]
    fn applying_a_diff_gives_its_target(a in edits(), b in edits()) {
        let base = sample();
        let pa = edited(&base, None, "a", &a, true);
        let pb = edited(&base, None, "b", &b, true);
        let d = diff(&pa, &pb).unwrap();
        prop_assert_eq!(apply(&pa, &d).unwrap(), pb.clone());
        prop_assert_eq!(d.is_empty(), pa == pb);
    }
}
