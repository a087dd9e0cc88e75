//! Chain-leader candidates (链主) as provinces select them: first by criteria, then by a score
//! whose parts are shown (DOMAIN.md, docs/INDICATORS.md §5).
//!
//! Eligible: a local enterprise (firm kind 企业), 规上, with revenue (营业收入; its output when no
//! revenue is on record, and said so) at least the project's `min_revenue`. Every other local
//! enterprise, and any node tagged 链主 or 龙头, is listed as not eligible with every reason.
//!
//! Score (0–100) = Σ wₖ · partₖ ÷ Σ wₖ · 100 over five parts, each the candidate's value divided
//! by the largest value among the candidates (so the best on a part gets 1):
//! revenue share of the chain, local suppliers it buys from (带动), farmers linked (联农带农),
//! R&D intensity (rd ÷ revenue), hub position (betweenness in the supply graph).

use super::figures;
use super::graph::SupplyGraph;
use crate::model::{LeaderWeights, Node, NodeId, NodeKind, Project, Year};
use rust_decimal::prelude::ToPrimitive;

/// One eligible candidate and the parts of its score.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderReport {
    pub id: NodeId,
    pub name: String,
    /// 0–100.
    pub score: f64,
    /// Each part's value ÷ the largest among the candidates, in [0, 1].
    pub parts: LeaderParts,
    /// Revenue in the project's unit (output when `revenue_from_output`).
    pub revenue: f64,
    /// No revenue on record: its output stands in for it.
    pub revenue_from_output: bool,
    /// Its revenue ÷ the revenue of every local firm in scope.
    pub revenue_share: f64,
    /// Distinct local suppliers with a supply link into it.
    pub local_suppliers: usize,
    /// 联农带农户数 (figure of the year).
    pub farmers: u32,
    /// R&D spending ÷ revenue; none without R&D on record.
    pub rd_intensity: Option<f64>,
    pub betweenness: f64,
}

/// The five parts of a score, each in [0, 1] (before weighting).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LeaderParts {
    pub revenue_share: f64,
    pub local_suppliers: f64,
    pub farmers: f64,
    pub rd_intensity: f64,
    pub hub: f64,
}

impl LeaderParts {
    /// The parts with their weights, in the order they are shown.
    pub fn weighted(&self, w: &LeaderWeights) -> [(f64, f64); 5] {
        [
            (self.revenue_share, w.revenue_share),
            (self.local_suppliers, w.local_suppliers),
            (self.farmers, w.farmers),
            (self.rd_intensity, w.rd_intensity),
            (self.hub, w.hub),
        ]
    }
}

/// Why a firm is not a candidate.
#[derive(Debug, Clone, PartialEq)]
pub enum Ineligible {
    /// Cooperatives, institutes, public bodies … are not firms that can lead a chain.
    NotEnterprise(NodeKind),
    /// Outside the county.
    NotLocal,
    /// Not 规上.
    NotAboveScale,
    /// Revenue below the threshold (`from_output`: its output stood in for it); none on
    /// record when `None`.
    RevenueBelow {
        revenue: Option<f64>,
        from_output: bool,
        min: f64,
    },
}

impl Ineligible {
    pub fn code(&self) -> &'static str {
        match self {
            Ineligible::NotEnterprise(_) => "not_enterprise",
            Ineligible::NotLocal => "not_local",
            Ineligible::NotAboveScale => "not_above_scale",
            Ineligible::RevenueBelow { .. } => "revenue_below",
        }
    }

    /// The reason in words, with the numbers: "营收 5200 低于门槛 10000".
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Ineligible::NotEnterprise(kind) => match lang {
                crate::i18n::Lang::Zh => format!("{}不参评链主", kind.label(lang)),
                crate::i18n::Lang::En => format!("{} cannot lead a chain", kind.label(lang)),
            },
            Ineligible::NotLocal => lang.pick("不在本县", "outside the county").to_owned(),
            Ineligible::NotAboveScale => {
                lang.pick("非规上企业", "not above scale (规上)").to_owned()
            }
            Ineligible::RevenueBelow { revenue: None, .. } => lang
                .pick("无营收或产值数据", "no revenue or output on record")
                .to_owned(),
            Ineligible::RevenueBelow {
                revenue: Some(r),
                from_output,
                min,
            } => match (lang, from_output) {
                (crate::i18n::Lang::Zh, false) => format!("营收 {r:.0} 低于门槛 {min:.0}"),
                (crate::i18n::Lang::Zh, true) => {
                    format!("营收(无数据,按产值){r:.0} 低于门槛 {min:.0}")
                }
                (crate::i18n::Lang::En, false) => {
                    format!("revenue {r:.0} below the threshold {min:.0}")
                }
                (crate::i18n::Lang::En, true) => {
                    format!("revenue (none on record; output) {r:.0} below the threshold {min:.0}")
                }
            },
        }
    }
}

/// A firm that is not a candidate, with every reason.
#[derive(Debug, Clone, PartialEq)]
pub struct NotEligible {
    pub id: NodeId,
    pub name: String,
    /// Tagged 链主 or 龙头 by the user although the criteria say no.
    pub tagged_leader: bool,
    pub reasons: Vec<Ineligible>,
}

/// Candidates best first (ties by id) and the firms that are not, in id order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Leaders {
    pub candidates: Vec<LeaderReport>,
    pub not_eligible: Vec<NotEligible>,
}

/// Whether the user marked the node as a chain leader or 龙头 (any tag naming 链主 or 龙头).
pub fn tagged_leader(node: &Node) -> bool {
    node.tags
        .iter()
        .any(|t| t.contains("链主") || t.contains("龙头"))
}

/// A firm's revenue of the year, and whether its output stood in for it (none: neither known).
pub fn revenue(node: &Node, year: Option<Year>) -> Option<(f64, bool)> {
    let f = figures(node, year)?;
    match (f.revenue, f.output) {
        (Some(r), _) => r.to_f64().map(|r| (r, false)),
        (None, Some(o)) => o.to_f64().map(|o| (o, true)),
        (None, None) => None,
    }
}

/// Ranks the enterprise-like nodes of `g` by the project's criteria and weights.
pub fn rank(
    project: &Project,
    g: &SupplyGraph,
    betweenness: &[f64],
    year: Option<Year>,
    local: &dyn Fn(&Node) -> bool,
) -> Leaders {
    let criteria = &project.meta.leader_criteria;
    let min = criteria.min_revenue.to_f64().unwrap_or(0.0);
    let node = |i: usize| &project.nodes[&g.ids[i]];
    let chain_revenue: f64 = (0..g.len())
        .filter(|&i| local(node(i)))
        .filter_map(|i| revenue(node(i), year).map(|r| r.0))
        .sum();
    let mut leaders = Leaders::default();
    let mut raw: Vec<(usize, LeaderReport)> = Vec::new();
    for (i, &between) in betweenness.iter().enumerate().take(g.len()) {
        let n = node(i);
        let rev = revenue(n, year);
        let reasons = ineligible(n, rev, min, local(n));
        if !reasons.is_empty() {
            if (n.kind == NodeKind::Enterprise && local(n)) || tagged_leader(n) {
                leaders.not_eligible.push(NotEligible {
                    id: n.id.clone(),
                    name: n.name.clone(),
                    tagged_leader: tagged_leader(n),
                    reasons,
                });
            }
            continue;
        }
        let (r, from_output) = rev.unwrap_or((0.0, false));
        let f = figures(n, year);
        let rd = f.and_then(|f| f.rd).and_then(|d| d.to_f64());
        raw.push((
            i,
            LeaderReport {
                id: n.id.clone(),
                name: n.name.clone(),
                score: 0.0,
                parts: LeaderParts::default(),
                revenue: r,
                revenue_from_output: from_output,
                revenue_share: if chain_revenue > 0.0 {
                    r / chain_revenue
                } else {
                    0.0
                },
                local_suppliers: g.inc[i].iter().filter(|&&s| local(node(s))).count(),
                farmers: f.and_then(|f| f.farmers_linked).unwrap_or(0),
                rd_intensity: rd.filter(|_| r > 0.0).map(|rd| rd / r),
                betweenness: between,
            },
        ));
    }
    score(&mut raw, &criteria.weights);
    leaders.candidates = raw.into_iter().map(|(_, l)| l).collect();
    leaders
        .candidates
        .sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    leaders
}

/// Whether `node` meets the 链主 criteria in `year` (revenue at least `min`); `is_local` says
/// whether it lies in the home county (analysis::local).
pub fn eligible(node: &Node, year: Option<Year>, min: f64, is_local: bool) -> bool {
    ineligible(node, revenue(node, year), min, is_local).is_empty()
}

/// Every criterion `node` fails (none: eligible).
fn ineligible(
    node: &Node,
    revenue: Option<(f64, bool)>,
    min: f64,
    is_local: bool,
) -> Vec<Ineligible> {
    let mut reasons = Vec::new();
    if !matches!(
        node.kind,
        NodeKind::Enterprise | NodeKind::ExternalEnterprise
    ) {
        reasons.push(Ineligible::NotEnterprise(node.kind));
    }
    if !is_local {
        reasons.push(Ineligible::NotLocal);
    }
    if !node.is_above_scale() {
        reasons.push(Ineligible::NotAboveScale);
    }
    if revenue.is_none_or(|(r, _)| r < min) {
        reasons.push(Ineligible::RevenueBelow {
            revenue: revenue.map(|r| r.0),
            from_output: revenue.is_some_and(|r| r.1),
            min,
        });
    }
    reasons
}

/// Fills each candidate's parts (value ÷ the largest) and score.
fn score(candidates: &mut [(usize, LeaderReport)], w: &LeaderWeights) {
    let max =
        |f: &dyn Fn(&LeaderReport) -> f64| candidates.iter().map(|(_, l)| f(l)).fold(0.0, f64::max);
    let share = |l: &LeaderReport| l.revenue_share;
    let suppliers = |l: &LeaderReport| l.local_suppliers as f64;
    let farmers = |l: &LeaderReport| f64::from(l.farmers);
    let rd = |l: &LeaderReport| l.rd_intensity.unwrap_or(0.0);
    let hub = |l: &LeaderReport| l.betweenness;
    let maxima = [
        max(&share),
        max(&suppliers),
        max(&farmers),
        max(&rd),
        max(&hub),
    ];
    let part = |v: f64, m: f64| if m > 0.0 { v / m } else { 0.0 };
    let total: f64 = LeaderParts::default()
        .weighted(w)
        .iter()
        .map(|(_, w)| usable(*w))
        .sum();
    for (_, l) in candidates.iter_mut() {
        l.parts = LeaderParts {
            revenue_share: part(share(l), maxima[0]),
            local_suppliers: part(suppliers(l), maxima[1]),
            farmers: part(farmers(l), maxima[2]),
            rd_intensity: part(rd(l), maxima[3]),
            hub: part(hub(l), maxima[4]),
        };
        let sum: f64 = l
            .parts
            .weighted(w)
            .iter()
            .map(|(p, w)| p * usable(*w))
            .sum();
        l.score = if total > 0.0 {
            sum / total * 100.0
        } else {
            0.0
        };
    }
}

/// A weight as used: non-finite or negative ones count as 0 (validation names them).
pub fn usable(w: f64) -> f64 {
    if crate::model::evaluation::weight_ok(w) {
        w
    } else {
        0.0
    }
}
