//! Network measures on the supply graph, as DOMAIN.md defines them: betweenness (Brandes),
//! PageRank (as networkx computes it), weakly connected components, articulation points and
//! bridges of the undirected view.

use super::graph::SupplyGraph;
use petgraph::graph::UnGraph;

/// Betweenness centrality of every node: Brandes' algorithm, unweighted, on the directed graph,
/// normalised as networkx's `betweenness_centrality` does for directed graphs (divided by
/// (n−1)(n−2); not normalised when n ≤ 2).
///
/// # Complexity
/// O(V·E) time, O(V + E) space per worker; the sources are split over the available cores.
///
/// # Example
/// In the path a → b → c, only b lies between two others: b = 1 / ((3−1)(3−2)) = 0.5.
pub fn betweenness(g: &SupplyGraph) -> Vec<f64> {
    let n = g.len();
    if n == 0 {
        return Vec::new();
    }
    let workers = std::thread::available_parallelism()
        .map(|p| p.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(n);
    let chunk = n.div_ceil(workers);
    let mut total = vec![0.0; n];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let range = (w * chunk)..((w + 1) * chunk).min(n);
                scope.spawn(move || brandes_from(g, range))
            })
            .collect();
        for handle in handles {
            // A worker only computes; should one fail, the measure is left out rather than
            // taking the app down.
            if let Ok(part) = handle.join() {
                for (t, p) in total.iter_mut().zip(part) {
                    *t += p;
                }
            }
        }
    });
    if n > 2 {
        let scale = 1.0 / ((n as f64 - 1.0) * (n as f64 - 2.0));
        for b in &mut total {
            *b *= scale;
        }
    }
    total
}

/// Successors in compressed form: `targets[offsets[v]..offsets[v + 1]]` (cache-friendly).
struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    fn new(adjacency: &[Vec<usize>]) -> Self {
        let mut offsets = Vec::with_capacity(adjacency.len() + 1);
        let mut targets = Vec::new();
        offsets.push(0);
        for list in adjacency {
            targets.extend(list.iter().map(|&t| t as u32));
            offsets.push(targets.len() as u32);
        }
        Self { offsets, targets }
    }

    fn of(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }
}

/// Brandes' accumulation for the sources in `sources`.
///
/// The shortest-path DAG edges found by the BFS are kept in discovery order; walking them
/// backwards visits every node's successors before the node itself, so the dependency pass only
/// touches shortest-path edges.
fn brandes_from(g: &SupplyGraph, sources: std::ops::Range<usize>) -> Vec<f64> {
    let n = g.len();
    let out = Csr::new(&g.out);
    let mut centrality = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    // (successor, predecessor) pairs on shortest paths.
    let mut dag: Vec<(u32, u32)> = Vec::new();
    for s in sources {
        if out.of(s).is_empty() {
            continue; // a source with no successors is on nobody's path from itself
        }
        for &v in &order {
            let v = v as usize;
            sigma[v] = 0.0;
            dist[v] = u32::MAX;
            delta[v] = 0.0;
        }
        order.clear();
        dag.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let next = dist[v] + 1;
            for &w in out.of(v) {
                let wi = w as usize;
                if dist[wi] == u32::MAX {
                    dist[wi] = next;
                    order.push(w);
                }
                if dist[wi] == next {
                    sigma[wi] += sigma[v];
                    dag.push((w, v as u32));
                }
            }
        }
        for &(w, v) in dag.iter().rev() {
            let (w, v) = (w as usize, v as usize);
            delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
        }
        for &w in &order[1..] {
            centrality[w as usize] += delta[w as usize];
        }
    }
    centrality
}

/// PageRank, unweighted, damping `alpha`, dangling nodes spread evenly: the power iteration of
/// networkx's `pagerank` (uniform start and teleport, at most 100 iterations, stop when the L1
/// change is below n·1e-6), so the figures match networkx's.
///
/// # Complexity
/// O(iterations · (V + E)).
///
/// # Example
/// Two nodes a → b: a is dangling-free, b dangling; networkx gives b ≈ 0.6491, a ≈ 0.3509.
pub fn pagerank(g: &SupplyGraph, alpha: f64) -> Vec<f64> {
    const MAX_ITER: usize = 100;
    const TOL: f64 = 1e-6;
    let n = g.len();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let mut x = vec![1.0 / nf; n];
    let p = 1.0 / nf;
    for _ in 0..MAX_ITER {
        let dangling: f64 = (0..n).filter(|&i| g.out[i].is_empty()).map(|i| x[i]).sum();
        let mut next = vec![0.0; n];
        for (v, incoming) in g.inc.iter().enumerate() {
            let mut s = 0.0;
            for &u in incoming {
                s += x[u] / g.out[u].len() as f64;
            }
            next[v] = alpha * (s + dangling * p) + (1.0 - alpha) * p;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < nf * TOL {
            break;
        }
    }
    x
}

/// Weakly connected components, largest first (ties: smallest first id); ids inside ascending.
pub fn components(g: &SupplyGraph) -> Vec<Vec<usize>> {
    let n = g.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (a, outs) in g.out.iter().enumerate() {
        for &b in outs {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut comps: Vec<Vec<usize>> = groups.into_values().collect();
    comps.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    comps
}

/// Articulation points and bridges of the undirected simple view, as sorted index lists
/// (bridges as (smaller, larger) pairs, sorted).
pub fn cut_points(g: &SupplyGraph) -> (Vec<usize>, Vec<(usize, usize)>) {
    let mut ug: UnGraph<(), ()> = UnGraph::with_capacity(g.len(), 0);
    let nodes: Vec<_> = (0..g.len()).map(|_| ug.add_node(())).collect();
    for (a, nb) in g.undirected().iter().enumerate() {
        for &b in nb {
            if a < b {
                ug.add_edge(nodes[a], nodes[b], ());
            }
        }
    }
    let mut points: Vec<usize> = petgraph::algo::articulation_points::articulation_points(&ug)
        .into_iter()
        .map(|n| n.index())
        .collect();
    points.sort_unstable();
    let mut bridges: Vec<(usize, usize)> = petgraph::algo::bridges::bridges(&ug)
        .map(|e| {
            use petgraph::visit::EdgeRef;
            let (a, b) = (e.source().index(), e.target().index());
            (a.min(b), a.max(b))
        })
        .collect();
    bridges.sort_unstable();
    (points, bridges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, LinkKind, Node, NodeKind, Project};
    use rust_decimal::Decimal;

    /// A project whose supply graph has the given edges between nodes named by letters.
    pub fn graph(edges: &[(&str, &str)]) -> SupplyGraph {
        let mut p = Project::default();
        for (a, b) in edges {
            for id in [a, b] {
                p.nodes.insert(
                    (*id).into(),
                    Node {
                        id: (*id).into(),
                        name: id.to_string(),
                        kind: NodeKind::Enterprise,
                        ..Node::default()
                    },
                );
            }
        }
        for (i, (a, b)) in edges.iter().enumerate() {
            let id = format!("l{i}");
            p.links.insert(
                id.clone().into(),
                Link {
                    id: id.into(),
                    kind: LinkKind::Supply,
                    from: (*a).into(),
                    to: (*b).into(),
                    value: Some(Decimal::ONE),
                    ..Link::default()
                },
            );
        }
        SupplyGraph::build(&p, |_| true)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn betweenness_of_a_path() {
        let g = graph(&[("a", "b"), ("b", "c")]);
        assert_eq!(betweenness(&g), vec![0.0, 0.5, 0.0]);
    }

    #[test]
    fn betweenness_splits_over_equal_shortest_paths() {
        // a → b → d and a → c → d: b and c each carry half of the one a–d pair.
        let g = graph(&[("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]);
        let b = betweenness(&g);
        // (n−1)(n−2) = 6; b and c: 0.5 / 6.
        assert!(close(b[1], 0.5 / 6.0) && close(b[2], 0.5 / 6.0), "{b:?}");
        assert_eq!((b[0], b[3]), (0.0, 0.0));
    }

    #[test]
    fn parallel_links_count_once_but_add_strength() {
        let g = graph(&[("a", "b"), ("a", "b")]);
        assert_eq!(g.out[0], vec![1]);
        assert_eq!(g.strength, vec![2.0, 2.0]);
    }

    #[test]
    fn pagerank_of_two_nodes_matches_networkx() {
        // networkx.pagerank(DiGraph([("a","b")])) = {a: 0.350877..., b: 0.649122...}
        let pr = pagerank(&graph(&[("a", "b")]), 0.85);
        assert!((pr[0] - 0.3508771929824561).abs() < 1e-6, "{pr:?}");
        assert!((pr[1] - 0.6491228070175439).abs() < 1e-6, "{pr:?}");
        assert!(close(pr.iter().sum::<f64>(), 1.0));
    }

    #[test]
    fn components_largest_first() {
        let g = graph(&[("a", "b"), ("c", "d"), ("d", "e")]);
        let comps = components(&g);
        assert_eq!(comps, vec![vec![2, 3, 4], vec![0, 1]]);
    }

    #[test]
    fn cut_points_of_a_bow_tie() {
        // a–b–c triangle joined to c–d: c is the articulation point, c–d the bridge.
        let g = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]);
        let (points, bridges) = cut_points(&g);
        assert_eq!(points, vec![2]);
        assert_eq!(bridges, vec![(2, 3)]);
    }
}
