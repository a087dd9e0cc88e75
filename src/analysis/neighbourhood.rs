//! A firm's supply neighbourhood: the firms a few supply links upstream and downstream of it,
//! and the links that lead there; and what a firm's leaving reaches, as id sets. The workshop
//! presentation lights these when a firm is clicked; nothing here knows how they are drawn.
//!
//! Supply links are followed whatever the kind of node at either end (DOMAIN.md: supply runs
//! supplier → buyer); other link kinds are not supply and are not followed.

use crate::analysis::Impact;
use crate::model::{LinkId, LinkKind, NodeId, Project};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// The firms within a number of supply links of one firm, and the links that lead to them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Neighbourhood {
    /// Its suppliers, their suppliers … up to the depth asked; never the firm itself.
    pub upstream: BTreeSet<NodeId>,
    /// Its buyers, their buyers … up to the depth asked; never the firm itself.
    pub downstream: BTreeSet<NodeId>,
    /// The supply links among the firm and its neighbourhood that lead towards it from upstream
    /// or away from it downstream: those touching the firm, those into an upstream firm and those
    /// out of a downstream firm.
    pub links: BTreeSet<LinkId>,
}

impl Neighbourhood {
    /// The firm and every firm of its neighbourhood.
    pub fn nodes(&self, node: &NodeId) -> BTreeSet<NodeId> {
        let mut nodes: BTreeSet<NodeId> = self.upstream.union(&self.downstream).cloned().collect();
        nodes.insert(node.clone());
        nodes
    }
}

/// The supply network as an adjacency list over dense indices, built once per call.
struct Adjacency<'a> {
    ids: Vec<&'a NodeId>,
    index: HashMap<&'a NodeId, usize>,
    /// Per node, its sellers (the `from` of each supply link into it).
    sellers: Vec<Vec<usize>>,
    /// Per node, its buyers (the `to` of each supply link out of it).
    buyers: Vec<Vec<usize>>,
    /// Every supply link as (id, from, to).
    links: Vec<(&'a LinkId, usize, usize)>,
}

impl<'a> Adjacency<'a> {
    /// Indexes every end of a supply link (a dangling end is a node like any other here, so the
    /// walk answers the same whatever validation would say of the file).
    fn supply(project: &'a Project) -> Self {
        let mut adjacency = Adjacency {
            ids: Vec::new(),
            index: HashMap::new(),
            sellers: Vec::new(),
            buyers: Vec::new(),
            links: Vec::new(),
        };
        for link in project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply)
        {
            let from = adjacency.intern(&link.from);
            let to = adjacency.intern(&link.to);
            adjacency.sellers[to].push(from);
            adjacency.buyers[from].push(to);
            adjacency.links.push((&link.id, from, to));
        }
        adjacency
    }

    fn intern(&mut self, id: &'a NodeId) -> usize {
        *self.index.entry(id).or_insert_with(|| {
            self.ids.push(id);
            self.sellers.push(Vec::new());
            self.buyers.push(Vec::new());
            self.ids.len() - 1
        })
    }

    /// Breadth-first from `start` along `next`, at most `depth` steps: whether each node was
    /// reached (the start only if a path leads back to it, which the caller ignores).
    fn reach(&self, start: usize, next: &[Vec<usize>], depth: usize) -> Vec<bool> {
        let mut seen = vec![false; self.ids.len()];
        let mut queue = VecDeque::from([(start, 0usize)]);
        while let Some((at, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for &n in &next[at] {
                if n != start && !seen[n] {
                    seen[n] = true;
                    queue.push_back((n, d + 1));
                }
            }
        }
        seen
    }

    fn ids_of(&self, marked: &[bool]) -> BTreeSet<NodeId> {
        marked
            .iter()
            .enumerate()
            .filter(|(_, m)| **m)
            .map(|(i, _)| self.ids[i].clone())
            .collect()
    }
}

/// The firms up to `depth` supply links upstream and downstream of `node`, and the supply links
/// that lead there ([`Neighbourhood::links`]). Breadth-first, so each firm is reached by its
/// shortest path; loops in the supply network end the walk where they close. A depth of 0, or a
/// firm with no supply links, has an empty neighbourhood.
///
/// # Complexity
/// O(V + E) over the supply links (E) and the firms at their ends (V): the adjacency list is
/// built once, each walk visits every node and link at most once; plus O(k log k) to sort the k
/// ids returned.
///
/// # Example
/// ```
/// # use chainmap::model::{Link, LinkId, LinkKind, NodeId, Project};
/// # use chainmap::analysis::neighbourhood::neighbourhood;
/// let mut project = Project::default();
/// for (a, b) in [("a", "b"), ("b", "c")] {
///     let id = LinkId::from(format!("{a}-{b}"));
///     let link = Link { id: id.clone(), kind: LinkKind::Supply, from: a.into(), to: b.into(), ..Link::default() };
///     project.links.insert(id, link);
/// }
/// let n = neighbourhood(&project, &NodeId::from("b"), 1);
/// assert_eq!(n.upstream, [NodeId::from("a")].into());
/// assert_eq!(n.downstream, [NodeId::from("c")].into());
/// assert_eq!(n.links.len(), 2);
/// ```
pub fn neighbourhood(project: &Project, node: &NodeId, depth: usize) -> Neighbourhood {
    let graph = Adjacency::supply(project);
    let Some(&start) = graph.index.get(node) else {
        return Neighbourhood::default();
    };
    let mut up = graph.reach(start, &graph.sellers, depth);
    let mut down = graph.reach(start, &graph.buyers, depth);
    up[start] = false;
    down[start] = false;
    let lit = |i: usize| i == start || up[i] || down[i];
    let links = graph
        .links
        .iter()
        .filter(|&&(_, from, to)| lit(from) && lit(to))
        .filter(|&&(_, from, to)| from == start || to == start || up[to] || down[from])
        .map(|(id, _, _)| (*id).clone())
        .collect();
    Neighbourhood {
        upstream: graph.ids_of(&up),
        downstream: graph.ids_of(&down),
        links,
    }
}

/// What a firm's leaving reaches, as id sets to light.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    /// The firm and every firm downstream of it.
    pub nodes: BTreeSet<NodeId>,
    /// The buyers left without local supply of a product.
    pub cut_off: BTreeSet<NodeId>,
    /// The links from the firm to those buyers.
    pub links: BTreeSet<LinkId>,
}

/// The id sets of an [`Impact`] (see `impact::impact` for what it counts): the firm with what
/// lies downstream, the buyers cut off, and the firm's links to them.
///
/// # Complexity
/// O(E + k log k): one pass over the links, and the k ids returned sorted.
pub fn impact_reach(project: &Project, impact: &Impact) -> Reach {
    let node = &impact.node;
    let mut nodes: BTreeSet<NodeId> = impact.downstream.iter().cloned().collect();
    nodes.insert(node.clone());
    let cut_off: BTreeSet<NodeId> = impact.buyers_cut_off.iter().cloned().collect();
    let links = project
        .links
        .values()
        .filter(|l| &l.from == node && cut_off.contains(&l.to))
        .map(|l| l.id.clone())
        .collect();
    Reach {
        nodes,
        cut_off,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::impact;
    use crate::model::{Link, Node, NodeKind};

    fn link(p: &mut Project, from: &str, to: &str, kind: LinkKind) {
        for id in [from, to] {
            p.nodes.insert(
                NodeId::from(id),
                Node {
                    id: NodeId::from(id),
                    kind: NodeKind::Enterprise,
                    ..Node::default()
                },
            );
        }
        let id = LinkId::from(format!("{from}-{to}"));
        p.links.insert(
            id.clone(),
            Link {
                id,
                from: NodeId::from(from),
                to: NodeId::from(to),
                kind,
                ..Link::default()
            },
        );
    }

    fn project(links: &[(&str, &str)]) -> Project {
        let mut p = Project::default();
        for (a, b) in links {
            link(&mut p, a, b, LinkKind::Supply);
        }
        p
    }

    fn ids(list: &[&str]) -> BTreeSet<NodeId> {
        list.iter().map(|s| NodeId::from(*s)).collect()
    }

    fn links(list: &[&str]) -> BTreeSet<LinkId> {
        list.iter().map(|s| LinkId::from(*s)).collect()
    }

    #[test]
    fn follows_supply_to_the_depth_asked() {
        // a → b → c → d, and e → c; c → b makes a loop that must not run forever.
        let p = project(&[("a", "b"), ("b", "c"), ("c", "d"), ("e", "c"), ("c", "b")]);
        let c = NodeId::from("c");
        let one = neighbourhood(&p, &c, 1);
        assert_eq!(one.upstream, ids(&["b", "e"]));
        assert_eq!(one.downstream, ids(&["b", "d"]));
        // Every link touches c.
        assert_eq!(one.links, links(&["b-c", "c-b", "c-d", "e-c"]));
        let two = neighbourhood(&p, &c, 2);
        assert_eq!(two.upstream, ids(&["a", "b", "e"]));
        assert_eq!(two.downstream, ids(&["b", "d"]));
        // a → b leads into an upstream firm; nothing new downstream (b's buyer is c itself).
        assert_eq!(two.links, links(&["a-b", "b-c", "c-b", "c-d", "e-c"]));
        assert_eq!(two.nodes(&c), ids(&["a", "b", "c", "d", "e"]));
        assert_eq!(neighbourhood(&p, &c, 0), Neighbourhood::default());

        let a = neighbourhood(&p, &NodeId::from("a"), 1);
        assert_eq!(a.nodes(&NodeId::from("a")), ids(&["a", "b"]));
        assert_eq!(a.links, links(&["a-b"]));
    }

    #[test]
    fn a_shortcut_past_the_firm_is_not_lit() {
        // s1 → f ← s2 and s1 → s2 (towards f); f → b, and s1 → b skips f.
        let p = project(&[
            ("s1", "f"),
            ("s2", "f"),
            ("s1", "s2"),
            ("f", "b"),
            ("s1", "b"),
        ]);
        let n = neighbourhood(&p, &NodeId::from("f"), 1);
        assert_eq!(n.upstream, ids(&["s1", "s2"]));
        assert_eq!(n.downstream, ids(&["b"]));
        // s1 → s2 ends at an upstream firm, so it leads towards f; s1 → b joins two lit firms but
        // neither ends upstream nor starts downstream: it is not part of f's story.
        assert_eq!(n.links, links(&["f-b", "s1-f", "s1-s2", "s2-f"]));
    }

    #[test]
    fn only_supply_is_followed() {
        let mut p = project(&[("a", "b")]);
        link(&mut p, "b", "c", LinkKind::Investment);
        let n = neighbourhood(&p, &NodeId::from("b"), 3);
        assert_eq!(n.upstream, ids(&["a"]));
        assert!(n.downstream.is_empty());
        assert_eq!(n.links, links(&["a-b"]));
    }

    #[test]
    fn a_firm_without_supply_or_unknown_has_no_neighbourhood() {
        let mut p = project(&[("a", "b")]);
        link(&mut p, "x", "y", LinkKind::Investment);
        assert_eq!(
            neighbourhood(&p, &NodeId::from("x"), 2),
            Neighbourhood::default()
        );
        assert_eq!(
            neighbourhood(&p, &NodeId::from("nobody"), 2),
            Neighbourhood::default()
        );
    }

    #[test]
    fn a_self_loop_neither_counts_the_firm_nor_hides_its_link() {
        let p = project(&[("a", "a"), ("a", "b")]);
        let n = neighbourhood(&p, &NodeId::from("a"), 1);
        assert!(n.upstream.is_empty());
        assert_eq!(n.downstream, ids(&["b"]));
        assert_eq!(n.links, links(&["a-a", "a-b"]));
    }

    #[test]
    fn impact_reach_lights_downstream_and_the_cut_off_buyers() {
        // a (local) is the only supplier of b; c gets the same product from d as well.
        let mut p = project(&[("a", "b"), ("a", "c"), ("d", "c"), ("b", "e")]);
        for l in p.links.values_mut() {
            l.product = "菌包".to_owned();
        }
        let i = impact::impact(&p, &NodeId::from("a")).unwrap();
        let reach = impact_reach(&p, &i);
        assert_eq!(reach.nodes, ids(&["a", "b", "c", "e"]));
        assert_eq!(reach.cut_off, ids(&["b"]));
        assert_eq!(reach.links, links(&["a-b"]));
    }
}
