//! Chain analysis: pure functions of the project, following DOMAIN.md's definitions exactly.
//! petgraph is used here (built per run); every result is keyed by our ids.
//!
//! - `gaps`: stage coverage, product completeness, local supporting rates, the four gap classes;
//! - `network`: betweenness, PageRank, components, articulation points and bridges;
//! - `leaders`: chain-leader candidates by criteria, with the parts of their score;
//! - `impact`: what a firm's leaving takes down;
//! - `land`: the 亩均效益评价 (groups, indicator scores, classes by rank, 不定等级);
//! - `indicators`: the yearly indicator dashboard.
//! - `local`: which nodes are local, by place (issue 16);
//! - `extension`: 延链 by conversion: 加工产值比 and 加工转化率 (issue 16);
//! - `territory`: towns, location quotients, core-platform concentration, 主体功能区 (issue 20).

pub mod extension;
pub mod gaps;
pub mod graph;
pub mod impact;
pub mod indicators;
pub mod land;
pub mod leaders;
pub mod local;
pub mod neighbourhood;
pub mod network;
mod report;
pub mod territory;

pub use extension::Extension;
pub use gaps::{
    Completeness, Gap, GapClass, GapOrigin, GapReference, Priority, ProductReport, RateSource,
    StageReport, Status, SupplyRate,
};
pub use impact::{Impact, LostSupply, impact};
pub use indicators::IndicatorReport;
pub use land::LandEvaluation;
pub use leaders::{LeaderReport, NotEligible};
pub use local::{Localities, Locality};
pub use territory::TerritoryReport;

use crate::model::{ChainId, Figures, Node, NodeId, Project, Year};
use graph::SupplyGraph;
use rust_decimal::prelude::ToPrimitive;

/// What to analyse.
#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    /// Only this chain (its stages, and the firms in them); all chains when none.
    pub chain: Option<ChainId>,
    /// The year of figures; the project's base year, else each node's latest year.
    pub year: Option<Year>,
}

/// Network measures of one node of the supply graph.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeReport {
    pub id: NodeId,
    pub name: String,
    pub local: bool,
    /// Local, enclave (飞地) or outside (issue 16).
    pub locality: Locality,
    pub in_degree: usize,
    pub out_degree: usize,
    pub strength: f64,
    pub betweenness: f64,
    pub pagerank: f64,
    /// Its local purchases ÷ its purchases: surveyed, else from its supply links; none when
    /// nothing is known.
    pub local_supporting_rate: Option<f64>,
    pub rate_source: Option<RateSource>,
    /// Chain-leader score (local firms only).
    pub leader_score: Option<f64>,
}

/// Everything `analyze` finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub chain: Option<ChainId>,
    pub year: Option<Year>,
    pub completeness: Completeness,
    /// Of the whole chain (or project), over its key buyers; none when nothing is known.
    pub local_supporting_rate: Option<f64>,
    /// The same with its parts: surveyed and link-based, the buyers counted (issue 16).
    pub supply_rate: SupplyRate,
    /// Which nodes are local and how that was decided (issue 16).
    pub places: Localities,
    /// 延链: conversion figures of each chain analysed (issue 16).
    pub extension: Vec<Extension>,
    pub stages: Vec<StageReport>,
    pub products: Vec<ProductReport>,
    pub gaps: Vec<Gap>,
    /// In id order.
    pub nodes: Vec<NodeReport>,
    /// 链主 candidates meeting the criteria, best first.
    pub leaders: Vec<LeaderReport>,
    /// Local firms (and firms tagged 链主 or 龙头) that do not meet them, with why; id order.
    pub not_eligible: Vec<NotEligible>,
    /// Largest first.
    pub components: Vec<Vec<NodeId>>,
    pub articulation_points: Vec<NodeId>,
    pub bridges: Vec<(NodeId, NodeId)>,
    pub land: LandEvaluation,
    /// The yearly indicator dashboard.
    pub indicators: IndicatorReport,
    /// Each saved matching of a chain in scope set against its reference chain (全景图 vs 现状),
    /// in chain-id order; matchings naming an unknown template are left out (validation warns).
    pub comparisons: Vec<crate::reference::compare::Comparison>,
    /// Towns, location quotients, concentration in parks, the 主体功能区 check (issue 20).
    pub territory: TerritoryReport,
}

impl Analysis {
    /// The report of one node, if it is in the supply graph.
    pub fn node(&self, id: &NodeId) -> Option<&NodeReport> {
        self.nodes
            .binary_search_by(|n| n.id.cmp(id))
            .ok()
            .map(|i| &self.nodes[i])
    }

    /// The headline figures in one line: "stage coverage 14/14 (100.0%) · product completeness
    /// 17/17 (100.0%) · local supporting rate 85.5%" (the CLI's report and the Gaps tab).
    pub fn headline(&self, lang: crate::i18n::Lang) -> String {
        let c = &self.completeness;
        format!(
            "{} {}/{} ({}) · {} {}/{} ({}) · {} {}",
            lang.pick("环节覆盖", "stage coverage"),
            c.stages_covered,
            c.stages_total,
            percent(c.stage),
            lang.pick("产品完整度", "product completeness"),
            c.products_covered,
            c.products_required,
            percent(c.product),
            lang.pick("本地配套率", "local supporting rate"),
            percent(self.local_supporting_rate)
        )
    }
}

/// The figures of a node for the analysed year: that year's when a year is set, else the latest.
pub fn figures(node: &Node, year: Option<Year>) -> Option<&Figures> {
    match year {
        Some(y) => node.figures.get(&y),
        None => node.latest_figures().map(|(_, f)| f),
    }
}

/// A node's output for the analysed year, 0 when unknown.
pub fn output(node: &Node, year: Option<Year>) -> f64 {
    figures(node, year)
        .and_then(|f| f.output)
        .and_then(|d| d.to_f64())
        .unwrap_or(0.0)
}

/// A rate as a percentage with one decimal, "—" when it is undefined (not 0: DOMAIN.md).
pub fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.1}%", v * 100.0))
        .unwrap_or_else(|| "—".to_owned())
}

/// Whether a node belongs to the analysed scope.
pub(crate) fn in_scope(project: &Project, chain: Option<&ChainId>, node: &Node) -> bool {
    match chain {
        None => true,
        Some(c) => node
            .stages
            .iter()
            .any(|s| project.stage(s).is_some_and(|(ch, _)| &ch.id == c)),
    }
}

/// Analyses the project.
///
/// # Complexity
/// Dominated by betweenness: O(V·E) on the supply graph, split over the cores.
pub fn analyze(project: &Project, options: &AnalysisOptions) -> Analysis {
    let references = references_in_scope(project, options.chain.as_ref());
    analyze_with(project, options, &references)
}

/// Analyses the project, comparing its chains with the reference chains given (each matching
/// with its template) instead of its saved matchings: `chainmap compare` with a suggested
/// matching, tests with a template of their own. Matchings of chains out of scope are skipped.
pub fn analyze_with(
    project: &Project,
    options: &AnalysisOptions,
    references: &[(&crate::model::ReferenceMatch, &crate::reference::Template)],
) -> Analysis {
    let year = options.year.or(project.meta.base_year);
    let chain = options.chain.as_ref();
    let graph = SupplyGraph::build(project, |n| in_scope(project, chain, n));
    let betweenness = network::betweenness(&graph);
    let pagerank = network::pagerank(&graph, 0.85);
    let components = network::components(&graph);
    let (points, bridges) = network::cut_points(&graph);
    // Place decides local (issue 16): the same rule for leaders, land, indicators and gaps.
    let places = Localities::new(project, year);
    let local = |n: &Node| places.is_local(&n.id);
    let leaders::Leaders {
        candidates: leaders,
        not_eligible,
    } = leaders::rank(project, &graph, &betweenness, year, &local);
    let scope = |n: &Node| in_scope(project, chain, n);
    let references: Vec<_> = references
        .iter()
        .filter(|(m, _)| {
            chain.is_none_or(|c| &m.chain == c) && project.chains.contains_key(&m.chain)
        })
        .copied()
        .collect();
    let gap_report = gaps::analyse(
        project,
        &gaps::Scope {
            chain,
            year,
            places: &places,
            in_scope: &scope,
            leader: leaders.first().map(|l| &l.id),
            references: &references,
        },
    );
    let rates = gaps::Rates::new(project, &places, year);
    let score_of: std::collections::BTreeMap<&NodeId, f64> =
        leaders.iter().map(|l| (&l.id, l.score)).collect();
    let nodes = (0..graph.len())
        .map(|i| {
            let id = &graph.ids[i];
            let node = &project.nodes[id];
            let purchases = rates.of(id);
            NodeReport {
                id: id.clone(),
                name: node.name.clone(),
                local: places.is_local(id),
                locality: places.place(id).map_or(Locality::Outside, |p| p.locality),
                in_degree: graph.inc[i].len(),
                out_degree: graph.out[i].len(),
                strength: graph.strength[i],
                betweenness: betweenness[i],
                pagerank: pagerank[i],
                local_supporting_rate: purchases.and_then(|p| p.rate()),
                rate_source: purchases.map(|p| p.source),
                leader_score: score_of.get(id).copied(),
            }
        })
        .collect();
    let ids = |v: &[usize]| v.iter().map(|&i| graph.ids[i].clone()).collect::<Vec<_>>();
    let indicators = indicators::analyse(
        project,
        |n| in_scope(project, chain, n),
        year,
        analysed_year(&gap_report),
        &local,
    );
    Analysis {
        chain: options.chain.clone(),
        year,
        completeness: gap_report.completeness,
        local_supporting_rate: gap_report.supply_rate.value,
        supply_rate: gap_report.supply_rate,
        extension: gap_report.extension,
        stages: gap_report.stages,
        products: gap_report.products,
        gaps: gap_report.gaps,
        nodes,
        leaders,
        not_eligible,
        components: components.iter().map(|c| ids(c)).collect(),
        articulation_points: ids(&points),
        bridges: bridges
            .iter()
            .map(|&(a, b)| (graph.ids[a].clone(), graph.ids[b].clone()))
            .collect(),
        land: land::analyse(project, |n| in_scope(project, chain, n), year, &local),
        indicators,
        comparisons: gap_report.comparisons,
        territory: territory::analyse(project, chain, year, &places),
        places,
    }
}

/// The saved matchings of the chains analysed whose template is built in, each with it.
fn references_in_scope<'p>(
    project: &'p Project,
    chain: Option<&ChainId>,
) -> Vec<(
    &'p crate::model::ReferenceMatch,
    &'static crate::reference::Template,
)> {
    let catalogue = crate::reference::builtin();
    project
        .references
        .values()
        .filter(|m| chain.is_none_or(|c| &m.chain == c) && project.chains.contains_key(&m.chain))
        .filter_map(|m| catalogue.find(&m.template).map(|t| (m, t)))
        .collect()
}

/// The dashboard's figures for the analysed year that the gap analysis works out: both
/// 本地配套率 and, over the farm chains together, 加工产值比 and 加工转化率.
fn analysed_year(gaps: &gaps::GapReport) -> indicators::AnalysedYear {
    let farm: Vec<&Extension> = gaps.extension.iter().filter(|e| e.farm).collect();
    let primary: f64 = farm.iter().map(|e| e.primary_output).sum();
    let processing: f64 = farm.iter().map(|e| e.processing_output).sum();
    // Conversion by value is the processors' share of farm output; weighted by farm output.
    let converted: Vec<(f64, f64)> = farm
        .iter()
        .filter_map(|e| e.conversion.map(|c| (c, e.primary_output)))
        .collect();
    let weight: f64 = converted.iter().map(|(_, w)| w).sum();
    indicators::AnalysedYear {
        links_rate: gaps.supply_rate.link_based,
        surveyed_rate: gaps.supply_rate.surveyed,
        processing_ratio: (primary > 0.0).then(|| processing / primary),
        processing_conversion: (weight > 0.0)
            .then(|| converted.iter().map(|(c, w)| c * w).sum::<f64>() / weight),
    }
}
