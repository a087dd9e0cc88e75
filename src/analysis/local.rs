//! Which nodes are local (issue 16; DOMAIN.md, "Local"): place decides, not kind.
//!
//! With a home county (`ProjectMeta::home_region`), a node is local when its region, or the
//! region of a park it is located in, lies within the home county through the region tree
//! (town → county → city …), whatever its kind. A firm in a park outside the county that the
//! county develops as an enclave (飞地: an `enclave` link from the county, or a region in it, to
//! the park) is shown as 飞地 and counted as the agreements covering it say: by the home
//! county's share of the assessment ledger (考核, output first) in the analysed year, in full
//! when no agreement splits it. A node with no region and no park is judged by its kind.
//!
//! Without a home county (older files, fresh imports) every node but an external enterprise is
//! local, as before, and the analysis says so.

use crate::i18n::Lang;
use crate::model::{AgreementId, Ledger, LinkKind, Metric, Node, NodeId, Project, Year};
use rust_decimal::prelude::ToPrimitive;
use std::collections::{BTreeMap, BTreeSet};

/// Where a node stands with respect to the home county.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Locality {
    Local,
    /// In an enclave park of the county outside it (飞地).
    Enclave,
    Outside,
}

impl Locality {
    pub fn code(self) -> &'static str {
        match self {
            Locality::Local => "local",
            Locality::Enclave => "enclave",
            Locality::Outside => "outside",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Locality::Local => lang.pick("本地", "local"),
            Locality::Enclave => lang.pick("飞地", "enclave"),
            Locality::Outside => lang.pick("县外", "outside"),
        }
    }
}

/// A node's place and how much of it counts for the county.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub locality: Locality,
    /// The share of its figures and supply counted as local: 1 local, 0 outside, an enclave
    /// firm's share by agreement.
    pub weight: f64,
    /// The agreement an enclave firm's share comes from.
    pub agreement: Option<AgreementId>,
    /// Judged by kind (no home county, or the node has no place on record).
    pub by_kind: bool,
}

impl Place {
    fn by_kind(node: &Node) -> Place {
        let local = node.kind.is_local();
        Place {
            locality: if local {
                Locality::Local
            } else {
                Locality::Outside
            },
            weight: if local { 1.0 } else { 0.0 },
            agreement: None,
            by_kind: true,
        }
    }
}

/// How local was decided for the whole project.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// By place, within this home county.
    Place { home: NodeId },
    /// By kind: no home county set.
    Kind,
    /// By kind: the home county named is not a region of the project.
    UnknownHome { home: NodeId },
}

/// The place of every node, decided once per analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Localities {
    pub basis: Basis,
    pub places: BTreeMap<NodeId, Place>,
    /// How local was decided, in one sentence (zh, en).
    note: (String, String),
}

/// Region steps followed at most (a cycle in a hand-edited file must not hang the analysis).
const MAX_DEPTH: usize = 64;

impl Localities {
    /// Decides every node's place for the analysed year (the latest year of the agreement's
    /// figures when none).
    pub fn new(project: &Project, year: Option<Year>) -> Self {
        let home = project.meta.home_region.clone();
        let basis = match home {
            None => Basis::Kind,
            Some(h)
                if project
                    .nodes
                    .get(&h)
                    .is_some_and(|n| n.kind == crate::model::NodeKind::Region) =>
            {
                Basis::Place { home: h }
            }
            Some(h) => Basis::UnknownHome { home: h },
        };
        let Basis::Place { home } = &basis else {
            let places = project
                .nodes
                .values()
                .map(|n| (n.id.clone(), Place::by_kind(n)))
                .collect();
            return Localities::with_note(project, basis, places);
        };
        let within = |region: &NodeId| within(project, region, home);
        let parks = parks_of(project);
        let enclave_parks: BTreeSet<&NodeId> = project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Enclave && within(&l.from))
            .map(|l| &l.to)
            .collect();
        let mut shares = ShareCache::default();
        let mut places = BTreeMap::new();
        for node in project.nodes.values() {
            let my_parks = parks.get(&node.id).map(Vec::as_slice).unwrap_or(&[]);
            let park_regions = my_parks
                .iter()
                .filter_map(|p| project.nodes.get(*p))
                .filter_map(|p| p.region.as_ref());
            let regions: Vec<&NodeId> = node.region.iter().chain(park_regions).collect();
            // A region node's own place is itself.
            let is_region = node.kind == crate::model::NodeKind::Region;
            let place = if (is_region && within(&node.id)) || regions.iter().any(|r| within(r)) {
                Place {
                    locality: Locality::Local,
                    weight: 1.0,
                    agreement: None,
                    by_kind: false,
                }
            } else if let Some(park) = my_parks
                .iter()
                .copied()
                .chain((node.kind == crate::model::NodeKind::Park).then_some(&node.id))
                .find(|p| enclave_parks.contains(p))
            {
                let (weight, agreement) = shares.share(project, home, &node.id, park, year);
                Place {
                    locality: Locality::Enclave,
                    weight,
                    agreement,
                    by_kind: false,
                }
            } else if regions.is_empty() && !is_region {
                Place::by_kind(node)
            } else {
                Place {
                    locality: Locality::Outside,
                    weight: 0.0,
                    agreement: None,
                    by_kind: false,
                }
            };
            places.insert(node.id.clone(), place);
        }
        let basis = basis.clone();
        Localities::with_note(project, basis, places)
    }

    fn with_note(project: &Project, basis: Basis, places: BTreeMap<NodeId, Place>) -> Self {
        let mut l = Localities {
            basis,
            places,
            note: (String::new(), String::new()),
        };
        l.note = (l.describe(project, Lang::Zh), l.describe(project, Lang::En));
        l
    }

    /// How local was decided, in one sentence for the panel and the CLI.
    pub fn note(&self, lang: Lang) -> &str {
        lang.pick(&self.note.0, &self.note.1)
    }

    /// The node's place; a node not in the project is outside.
    pub fn place(&self, id: &NodeId) -> Option<&Place> {
        self.places.get(id)
    }

    /// Whether the node counts as local at all (local, or an enclave firm with a share).
    pub fn is_local(&self, id: &NodeId) -> bool {
        self.weight(id) > 0.0
    }

    /// The share of the node counted as local.
    pub fn weight(&self, id: &NodeId) -> f64 {
        self.places.get(id).map_or(0.0, |p| p.weight)
    }

    /// The enclave firms (not the enclave parks), in id order.
    pub fn enclave_firms(&self, project: &Project) -> Vec<NodeId> {
        self.places
            .iter()
            .filter(|(_, p)| p.locality == Locality::Enclave)
            .filter(|(id, _)| {
                project
                    .nodes
                    .get(*id)
                    .is_some_and(|n| n.kind.is_enterprise_like())
            })
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Firms judged by kind although a home county is set (no place on record); external
    /// enterprises, outside whatever their place, are not counted.
    pub fn unplaced(&self, project: &Project) -> Vec<NodeId> {
        if !matches!(self.basis, Basis::Place { .. }) {
            return Vec::new();
        }
        self.places
            .iter()
            .filter(|(id, p)| {
                p.by_kind
                    && project.nodes.get(*id).is_some_and(|n| {
                        n.kind.is_enterprise_like()
                            && n.kind != crate::model::NodeKind::ExternalEnterprise
                    })
            })
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn describe(&self, project: &Project, lang: Lang) -> String {
        match &self.basis {
            Basis::Kind => lang
                .pick(
                    "未设置本县(文件 → 项目属性):除县外企业外都算本地",
                    "No home county set (Project Properties): all but external firms count as local",
                )
                .to_owned(),
            Basis::UnknownHome { home } => match lang {
                Lang::Zh => format!("本县“{home}”不是项目中的行政区:除县外企业外都算本地"),
                Lang::En => format!(
                    "The home county \"{home}\" is not a region of the project: everything but external enterprises counts as local"
                ),
            },
            Basis::Place { home } => {
                let name = project.node_name(home);
                let enclave = self.enclave_firms(project).len();
                let unplaced = self.unplaced(project).len();
                let mut zh = format!("本地按所在地判断:位于{name}境内");
                let mut en = format!("Local by place: within {name}");
                if enclave > 0 {
                    zh.push_str(&format!(";飞地企业 {enclave} 家按协议计入"));
                    en.push_str(&format!(
                        "; {enclave} enclave firm{} counted as the agreements say",
                        if enclave == 1 { "" } else { "s" }
                    ));
                }
                if unplaced > 0 {
                    zh.push_str(&format!(";{unplaced} 家未填所在地,按类型判断"));
                    en.push_str(&format!(
                        "; {unplaced} firm{} with no region or park judged by kind",
                        if unplaced == 1 { "" } else { "s" }
                    ));
                }
                lang.pick(&zh, &en).to_owned()
            }
        }
    }
}

/// Whether `region` is `home` or lies within it through the region tree.
pub fn within(project: &Project, region: &NodeId, home: &NodeId) -> bool {
    let mut current = Some(region);
    for _ in 0..MAX_DEPTH {
        match current {
            Some(r) if r == home => return true,
            Some(r) => current = project.nodes.get(r).and_then(|n| n.region.as_ref()),
            None => return false,
        }
    }
    false
}

/// The parks each node is located in (`located_in` links), in link order.
fn parks_of(project: &Project) -> BTreeMap<&NodeId, Vec<&NodeId>> {
    let mut parks: BTreeMap<&NodeId, Vec<&NodeId>> = BTreeMap::new();
    for link in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::LocatedIn)
    {
        parks.entry(&link.from).or_default().push(&link.to);
    }
    parks
}

/// The home county's share of each agreement's assessment ledger, computed once per agreement.
#[derive(Default)]
struct ShareCache {
    by_agreement: BTreeMap<AgreementId, Option<f64>>,
}

impl ShareCache {
    /// The share of an enclave firm (or park) counted for the county: the home parties' part of
    /// the assessment ledger of the first agreement covering the firm or its park, in `year`;
    /// in full when no agreement splits it.
    fn share(
        &mut self,
        project: &Project,
        home: &NodeId,
        node: &NodeId,
        park: &NodeId,
        year: Option<Year>,
    ) -> (f64, Option<AgreementId>) {
        for agreement in project.agreements.values() {
            let covers = agreement.scope.iter().any(|s| s == node || s == park);
            let home_parties: Vec<&NodeId> = agreement
                .parties
                .iter()
                .map(|p| &p.node)
                .filter(|p| within(project, p, home))
                .collect();
            if !covers || home_parties.is_empty() {
                continue;
            }
            let share = *self
                .by_agreement
                .entry(agreement.id.clone())
                .or_insert_with(|| assessment_share(project, agreement, &home_parties, year));
            if let Some(s) = share {
                return (s, Some(agreement.id.clone()));
            }
        }
        (1.0, None)
    }
}

/// The home parties' part ÷ the total of the agreement's assessment ledger in `year` (output
/// first, then value added, tax, investment, profit); none when the ledger has no amount then.
fn assessment_share(
    project: &Project,
    agreement: &crate::model::Agreement,
    home_parties: &[&NodeId],
    year: Option<Year>,
) -> Option<f64> {
    let schedule = crate::sharing::schedule(project, agreement, None, None);
    let year = year.or_else(|| schedule.rows.iter().map(|r| r.year).max())?;
    let order = [
        Metric::Output,
        Metric::ValueAdded,
        Metric::Tax,
        Metric::Investment,
        Metric::Profit,
    ];
    order.iter().find_map(|metric| {
        let rows: Vec<_> = schedule
            .rows
            .iter()
            .filter(|r| r.ledger == Ledger::Assessment && r.metric == *metric && r.year == year)
            .filter(|r| r.total > rust_decimal::Decimal::ZERO)
            .collect();
        let total: rust_decimal::Decimal = rows.iter().map(|r| r.total).sum();
        let part: rust_decimal::Decimal = rows
            .iter()
            .flat_map(|r| home_parties.iter().filter_map(|p| r.part(p)))
            .sum();
        (total > rust_decimal::Decimal::ZERO)
            .then(|| (part / total).to_f64())
            .flatten()
            .map(|s| s.clamp(0.0, 1.0))
    })
}
