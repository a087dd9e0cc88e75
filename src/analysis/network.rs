//! Network measures on the supply graph, as DOMAIN.md defines them: betweenness (Brandes),
//! PageRank (networkx's iteration, run to convergence), weakly connected components, articulation points and
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

/// PageRank stops when the L1 change of an iteration is below n times this: the stationary
/// vector to about 1e-11, where networkx's default (n·1e-6) stops ~1e-6 short of it.
const PAGERANK_TOLERANCE: f64 = 1e-12;

/// Iterations PageRank may take. Each iteration shrinks the L1 change by the damping factor
/// (0.85) at least, so the tolerance is met in about 180 iterations; the cap only guards against
/// a damping factor near 1.
const PAGERANK_MAX_ITERATIONS: usize = 10_000;

/// PageRank, unweighted, damping `alpha`, dangling nodes spread evenly: the power iteration of
/// networkx's `pagerank` (uniform start and teleport), run to convergence (see
/// [`pagerank_iterated`]) rather than to networkx's early default stop.
///
/// # Complexity
/// O(iterations · (V + E)), about 180 iterations at damping 0.85.
///
/// # Example
/// Two nodes a → b: b is dangling; the stationary vector is a = 20/57 ≈ 0.3509, b = 37/57 ≈ 0.6491.
pub fn pagerank(g: &SupplyGraph, alpha: f64) -> Vec<f64> {
    let result = pagerank_iterated(g, alpha, PAGERANK_MAX_ITERATIONS);
    if !result.converged {
        // Only reachable with a damping factor too close to 1: the last iterate is still a
        // probability vector, the best estimate there is, so the analysis goes on with it.
        log::warn!(
            "PageRank did not converge in {} iterations (damping {alpha}); using the last iterate",
            result.iterations
        );
    }
    result.scores
}

/// The outcome of the PageRank power iteration.
#[derive(Debug, Clone, PartialEq)]
pub struct PageRank {
    /// One score per node, summing to 1.
    pub scores: Vec<f64>,
    /// Iterations run.
    pub iterations: usize,
    /// Whether the L1 change fell below n·1e-12 within the cap; if not, `scores` is the last
    /// iterate, renormalised to sum 1.
    pub converged: bool,
}

/// PageRank by power iteration until the L1 change is below n·1e-12, at most `max_iterations`.
pub fn pagerank_iterated(g: &SupplyGraph, alpha: f64, max_iterations: usize) -> PageRank {
    let n = g.len();
    if n == 0 {
        return PageRank {
            scores: Vec::new(),
            iterations: 0,
            converged: true,
        };
    }
    let nf = n as f64;
    let p = 1.0 / nf;
    let dangling_nodes: Vec<usize> = (0..n).filter(|&i| g.out[i].is_empty()).collect();
    let share: Vec<f64> = g
        .out
        .iter()
        .map(|o| {
            if o.is_empty() {
                0.0
            } else {
                1.0 / o.len() as f64
            }
        })
        .collect();
    let mut x = vec![p; n];
    let mut next = vec![0.0; n];
    for iteration in 1..=max_iterations {
        let dangling: f64 = dangling_nodes.iter().map(|&i| x[i]).sum();
        let base = alpha * dangling * p + (1.0 - alpha) * p;
        for (v, incoming) in g.inc.iter().enumerate() {
            let s: f64 = incoming.iter().map(|&u| x[u] * share[u]).sum();
            next[v] = alpha * s + base;
        }
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < nf * PAGERANK_TOLERANCE {
            return PageRank {
                scores: x,
                iterations: iteration,
                converged: true,
            };
        }
    }
    let total: f64 = x.iter().sum();
    if total > 0.0 {
        for v in &mut x {
            *v /= total;
        }
    }
    PageRank {
        scores: x,
        iterations: max_iterations,
        converged: false,
    }
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
    use crate::model::{Link, LinkKind, Node, NodeId, NodeKind, Project};
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
    fn pagerank_of_two_nodes_is_the_stationary_vector() {
        // a → b, b dangling: x_a = 0.15/2 + 0.85·x_b/2, x_b = 0.15/2 + 0.85·(x_a + x_b/2),
        // so x_a = 20/57 and x_b = 37/57 exactly.
        let pr = pagerank(&graph(&[("a", "b")]), 0.85);
        assert!((pr[0] - 20.0 / 57.0).abs() < 1e-11, "{pr:?}");
        assert!((pr[1] - 37.0 / 57.0).abs() < 1e-11, "{pr:?}");
        assert!(close(pr.iter().sum::<f64>(), 1.0));
    }

    /// Asserts that PageRank on `edges` gives `expected` (by node name) to 1e-10: networkx's
    /// early stop (L1 change < n·1e-6) is some 1e-7 away on these graphs, so it would fail.
    fn assert_pagerank(edges: &[(&str, &str)], expected: &[(&str, f64)]) {
        let g = graph(edges);
        let pr = pagerank(&g, 0.85);
        assert_eq!(pr.len(), expected.len());
        for (name, want) in expected {
            let got = pr[g.index[&NodeId::from(*name)]];
            assert!(
                (got - want).abs() < 1e-10,
                "{name}: {got} against networkx {want}"
            );
        }
        assert!(close(pr.iter().sum::<f64>(), 1.0));
    }

    // The expected numbers come from networkx 3.6.1 at tol=1e-13 (not its default 1e-6):
    //
    //     import networkx as nx
    //     g = nx.DiGraph(edges)
    //     nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=10000)

    #[test]
    fn pagerank_of_a_cycle_with_dangling_nodes_matches_networkx_converged() {
        // edges = [("a","b"),("b","c"),("c","a"),("c","d"),("d","e"),("f","a"),("f","e"),("b","g")]
        // e and g are dangling (their rank is spread evenly); f has no suppliers.
        assert_pagerank(
            &[
                ("a", "b"),
                ("b", "c"),
                ("c", "a"),
                ("c", "d"),
                ("d", "e"),
                ("f", "a"),
                ("f", "e"),
                ("b", "g"),
            ],
            &[
                ("a", 0.14902035243222675),
                ("b", 0.18878663299822623),
                ("c", 0.14235365245509002),
                ("d", 0.12261963572414648),
                ("e", 0.19274674050442422),
                ("f", 0.062119333430796134),
                ("g", 0.14235365245509002),
            ],
        );
    }

    #[test]
    fn pagerank_of_a_supply_chain_with_a_loop_matches_networkx_converged() {
        // edges = [("u1","m1"),("u1","m2"),("u2","m1"),("m1","d1"),("m2","d1"),("m2","d2"),
        //          ("d1","s1"),("s1","u1"),("d2","m2"),("u3","m2")]
        assert_pagerank(
            &[
                ("u1", "m1"),
                ("u1", "m2"),
                ("u2", "m1"),
                ("m1", "d1"),
                ("m2", "d1"),
                ("m2", "d2"),
                ("d1", "s1"),
                ("s1", "u1"),
                ("d2", "m2"),
                ("u3", "m2"),
            ],
            &[
                ("d1", 0.19498820997296296),
                ("d2", 0.10208044345684822),
                ("m1", 0.10930325472477147),
                ("m2", 0.19607163166303343),
                ("s1", 0.18448997847690052),
                ("u1", 0.1755664817054834),
                ("u2", 0.018750000000000003),
                ("u3", 0.018750000000000003),
            ],
        );
    }

    #[test]
    fn pagerank_converges_well_within_the_cap_and_falls_back_to_the_last_iterate() {
        let g = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]);
        let full = pagerank_iterated(&g, 0.85, PAGERANK_MAX_ITERATIONS);
        assert!(full.converged);
        // 0.85^k < 1e-12 from k ≈ 170: the contraction, not the cap, ends the iteration.
        assert!(full.iterations < 250, "{}", full.iterations);
        let capped = pagerank_iterated(&g, 0.85, 3);
        assert!(!capped.converged);
        assert_eq!(capped.iterations, 3);
        assert!(close(capped.scores.iter().sum::<f64>(), 1.0));
        assert!(
            capped
                .scores
                .iter()
                .zip(&full.scores)
                .any(|(a, b)| (a - b).abs() > 1e-6)
        );
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
