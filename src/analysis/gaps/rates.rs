//! 本地配套率 as counties compute it (issue 16; DOMAIN.md): for a buyer, local purchases ÷ total
//! purchases from its surveyed figures (`purchases`, `local_purchases`) where they exist, else
//! from its supply links (labelled link-based; a link counts as local by its supplier's place).
//! For the chain: Σ local ÷ Σ total over the key buyers (链主 and 规上 firms), every local buyer
//! when none is marked. For a stage: over its local buyers; none → undefined, never 100 %.
//! An enclave buyer counts by its share (`Localities::weight`).

use super::super::figures;
use super::super::local::Localities;
use crate::i18n::Lang;
use crate::model::{LinkKind, Node, NodeId, Project, Year};
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;

/// Where a rate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RateSource {
    /// Surveyed purchases of every buyer counted.
    Surveyed,
    /// Supply links only.
    Links,
    /// Surveys where they exist, links for the other buyers.
    Mixed,
}

impl RateSource {
    pub fn code(self) -> &'static str {
        match self {
            RateSource::Surveyed => "surveyed",
            RateSource::Links => "link_based",
            RateSource::Mixed => "mixed",
        }
    }

    /// A short label after a rate: "(调查)", "(按连线)".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RateSource::Surveyed => lang.pick("调查", "surveyed"),
            RateSource::Links => lang.pick("按连线", "link-based"),
            RateSource::Mixed => lang.pick("调查+连线", "surveyed + links"),
        }
    }

    fn join(a: Option<RateSource>, b: RateSource) -> RateSource {
        match a {
            None => b,
            Some(a) if a == b => a,
            Some(_) => RateSource::Mixed,
        }
    }
}

/// One buyer's purchases: local and total, and where they come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Purchases {
    pub local: f64,
    pub total: f64,
    pub source: RateSource,
}

impl Purchases {
    pub fn rate(&self) -> Option<f64> {
        (self.total > 0.0).then(|| self.local / self.total)
    }
}

/// The chain's local supporting rate with its parts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SupplyRate {
    /// Surveys where they exist, else links: the headline figure.
    pub value: Option<f64>,
    pub source: Option<RateSource>,
    /// Over the buyers counted that have a survey.
    pub surveyed: Option<f64>,
    /// Over the buyers counted, from their supply links.
    pub link_based: Option<f64>,
    /// The buyers counted (key buyers, or every local buyer when none is marked).
    pub buyers: Vec<NodeId>,
    pub surveyed_buyers: usize,
    /// Whether only key buyers were counted.
    pub key_buyers_only: bool,
}

/// Whether the firm is above designated size (规上). (Tag for now; the 规上 field of issue 16
/// joins here.)
pub fn is_above_scale(node: &Node) -> bool {
    // Marked 规上 in the inspector or an import, or tagged so (older files). Every 链主
    // candidate is 规上 by its criteria, so key buyers take in the candidates too.
    node.is_above_scale()
}

/// Whether the firm is marked as the chain leader (链主 or 龙头).
pub fn is_leader(node: &Node) -> bool {
    node.tags.iter().any(|t| t == "链主" || t.contains("龙头"))
}

/// The key buyers among `candidates` (链主 and 规上 firms), and whether there were any: when
/// none is marked, every candidate.
pub fn key_buyers<'n>(candidates: &[&'n Node]) -> (Vec<&'n Node>, bool) {
    let key: Vec<&Node> = candidates
        .iter()
        .copied()
        .filter(|n| is_above_scale(n) || is_leader(n))
        .collect();
    if key.is_empty() {
        (candidates.to_vec(), false)
    } else {
        (key, true)
    }
}

/// A buyer's surveyed purchases for the year, when both figures are on record.
pub fn surveyed(node: &Node, year: Option<Year>) -> Option<Purchases> {
    let f = figures(node, year)?;
    let (total, local) = (f.purchases?.to_f64()?, f.local_purchases?.to_f64()?);
    (total > 0.0).then_some(Purchases {
        local: local.min(total),
        total,
        source: RateSource::Surveyed,
    })
}

/// Supply into every buyer from enterprise-like suppliers, local by the supplier's place.
pub fn link_purchases(project: &Project, places: &Localities) -> BTreeMap<NodeId, Purchases> {
    let mut by_buyer: BTreeMap<NodeId, Purchases> = BTreeMap::new();
    for link in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
    {
        let Some(supplier) = project.nodes.get(&link.from) else {
            continue;
        };
        if !supplier.kind.is_enterprise_like() || !project.nodes.contains_key(&link.to) {
            continue;
        }
        let v = link.value.and_then(|v| v.to_f64()).unwrap_or(0.0);
        let entry = by_buyer.entry(link.to.clone()).or_insert(Purchases {
            local: 0.0,
            total: 0.0,
            source: RateSource::Links,
        });
        entry.total += v;
        entry.local += v * places.weight(&link.from);
    }
    by_buyer
}

/// Rates of buyers, per buyer and summed over a set of buyers.
pub struct Rates<'a> {
    pub project: &'a Project,
    pub places: &'a Localities,
    pub year: Option<Year>,
    pub links: BTreeMap<NodeId, Purchases>,
}

impl<'a> Rates<'a> {
    pub fn new(project: &'a Project, places: &'a Localities, year: Option<Year>) -> Self {
        Rates {
            project,
            places,
            year,
            links: link_purchases(project, places),
        }
    }

    /// A buyer's purchases: surveyed when on record, else from its links.
    pub fn of(&self, id: &NodeId) -> Option<Purchases> {
        let node = self.project.nodes.get(id)?;
        surveyed(node, self.year).or_else(|| self.links.get(id).copied())
    }

    /// Σ local ÷ Σ total over `buyers` (each weighted by its local share), with the source.
    pub fn over(&self, buyers: &[&NodeId]) -> (Option<f64>, Option<RateSource>) {
        let (mut local, mut total, mut source) = (0.0, 0.0, None);
        for id in buyers {
            if let Some(p) = self.of(id) {
                let w = self.places.weight(id);
                local += w * p.local;
                total += w * p.total;
                source = Some(RateSource::join(source, p.source));
            }
        }
        ((total > 0.0).then(|| local / total), source)
    }

    /// The chain's rate over the key buyers among `candidates` (local firms in scope); every
    /// candidate when none is a key buyer.
    pub fn chain(&self, candidates: &[&Node]) -> SupplyRate {
        let (key, key_buyers_only) = key_buyers(candidates);
        let counted: Vec<&NodeId> = key
            .iter()
            .map(|n| &n.id)
            .filter(|id| self.of(id).is_some())
            .collect();
        let (value, source) = self.over(&counted);
        let sum = |pick: &dyn Fn(&NodeId) -> Option<Purchases>| {
            let (mut l, mut t) = (0.0, 0.0);
            for id in &counted {
                if let Some(p) = pick(id) {
                    let w = self.places.weight(id);
                    l += w * p.local;
                    t += w * p.total;
                }
            }
            (t > 0.0).then(|| l / t)
        };
        let surveyed_of = |id: &NodeId| {
            self.project
                .nodes
                .get(id)
                .and_then(|n| surveyed(n, self.year))
        };
        SupplyRate {
            value,
            source,
            surveyed: sum(&surveyed_of),
            link_based: sum(&|id| self.links.get(id).copied()),
            surveyed_buyers: counted
                .iter()
                .filter(|id| surveyed_of(id).is_some())
                .count(),
            buyers: counted.into_iter().cloned().collect(),
            key_buyers_only,
        }
    }
}
