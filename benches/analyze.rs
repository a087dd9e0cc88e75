//! `cargo bench --bench analyze`: the time `analyze` takes on generated chains (median of runs).
//! A plain timing loop (no harness crate): figures for the closing note, never asserted.

use chainmap::analysis::{AnalysisOptions, analyze};
use std::time::Instant;

fn main() {
    if std::env::args().any(|a| a == "--phases") {
        let project = chainmap::generate::chain(10_000, 30_000, 42);
        let t = Instant::now();
        let g = chainmap::analysis::graph::SupplyGraph::build(&project, |_| true);
        println!(
            "build graph   {:>8.1} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
        let t = Instant::now();
        std::hint::black_box(chainmap::analysis::network::betweenness(&g));
        println!(
            "betweenness   {:>8.1} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
        let t = Instant::now();
        std::hint::black_box(chainmap::analysis::network::pagerank(&g, 0.85));
        println!(
            "pagerank      {:>8.1} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
        let t = Instant::now();
        std::hint::black_box(chainmap::analysis::network::cut_points(&g));
        println!(
            "cut points    {:>8.1} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
        return;
    }
    for (nodes, links, runs) in [
        (1_000, 3_000, 21),
        (10_000, 30_000, 9),
        (50_000, 150_000, 3),
    ] {
        let project = chainmap::generate::chain(nodes, links, 42);
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                let a = analyze(&project, &AnalysisOptions::default());
                std::hint::black_box(&a);
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "analyze  {nodes:>6} firms {:>7} links   median {:>8.1} ms   (min {:.1}, max {:.1}, {runs} runs)",
            project.links.len(),
            times[runs / 2],
            times[0],
            times[runs - 1]
        );
    }
}
