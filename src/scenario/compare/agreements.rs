//! Each agreement's parts for the year on both sides, from its schedule (`sharing::schedule`,
//! as `chainmap split` and the agreements panel work it out): the year's rows of the whole
//! scope (a per-firm phase's firm rows are summed in its total row), the parts of several
//! phases of one ledger, metric and tax basis added per party. A part is signed: negative when
//! the party gives it (a payment, a quota transferred). Amounts stay exact.

use crate::i18n::Lang;
use crate::model::{Agreement, AgreementId, Ledger, Metric, NodeId, Project, TaxBasis, Year};
use crate::sharing::{Schedule, schedule};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// One party's part of one ledger and metric in the year, on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct PartDelta {
    pub ledger: Ledger,
    pub metric: Metric,
    /// The tax basis of a fiscal tax split; none for other rows.
    pub basis: Option<TaxBasis>,
    pub party: NodeId,
    /// B's name for the party when B has the node, else A's.
    pub party_name: String,
    /// The part in the year (negative: the party gives it); none when the side has no such
    /// agreement or the node is not one of its parties there; 0 when it is and gets nothing.
    pub a: Option<Decimal>,
    pub b: Option<Decimal>,
    /// Double-counted assessment figures (for the assessment only, never published).
    pub assessment_only: bool,
}

impl PartDelta {
    /// The unit of the amounts when they are not money (亩, tce, 个); none for money.
    pub fn unit(&self, lang: Lang) -> Option<&'static str> {
        match (self.ledger, self.metric) {
            (Ledger::Quota, m) | (_, m @ Metric::KeyProjects) => m.unit(lang),
            _ => None,
        }
    }

    pub fn changed(&self) -> bool {
        self.a != self.b
    }

    /// "财税分成 · 税收(地方留成)".
    pub fn title(&self, lang: Lang) -> String {
        let base = format!("{} · {}", self.ledger.label(lang), self.metric.label(lang));
        match (self.basis, lang) {
            (Some(b), Lang::Zh) => format!("{base}（{}）", b.label(lang)),
            (Some(b), Lang::En) => format!("{base} ({})", b.label(lang)),
            (None, _) => base,
        }
    }
}

/// One agreement on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementDelta {
    pub id: AgreementId,
    /// B's name when B has it, else A's.
    pub name: String,
    /// Whether each side has the agreement.
    pub in_a: bool,
    pub in_b: bool,
    /// The year compared: the comparison's, else the last year of its schedules.
    pub year: Year,
    /// By ledger, metric, tax basis, then party (in B's party order, then A's others).
    pub parts: Vec<PartDelta>,
}

impl AgreementDelta {
    pub fn changed(&self) -> bool {
        self.in_a != self.in_b || self.parts.iter().any(PartDelta::changed)
    }
}

/// (ledger, metric, basis, party) of a part.
type Key = (Ledger, Metric, Option<TaxBasis>, NodeId);

/// One side's parts of the year: each summed, and whether it is double-counted assessment.
fn parts_of(s: &Schedule, year: Year) -> BTreeMap<Key, (Decimal, bool)> {
    let mut sums: BTreeMap<Key, (Decimal, bool)> = BTreeMap::new();
    for row in s.rows.iter().filter(|r| r.year == year && r.firm.is_none()) {
        for (party, part) in &row.parts {
            let entry = sums
                .entry((row.ledger, row.metric, row.tax_basis(), party.clone()))
                .or_insert((Decimal::ZERO, false));
            entry.0 += *part;
            entry.1 |= row.assessment_only;
        }
    }
    sums
}

/// One side's agreement and its parts of the year (none when the side has no such agreement).
struct Side<'p> {
    agreement: Option<&'p Agreement>,
    parts: BTreeMap<Key, (Decimal, bool)>,
}

impl Side<'_> {
    /// A party's part: summed from the rows; 0 for a party that gets nothing; none when the
    /// side has no such agreement or the node is not one of its parties.
    fn value(&self, key: &Key) -> Option<Decimal> {
        match self.parts.get(key) {
            Some((v, _)) => Some(*v),
            None => self
                .agreement
                .is_some_and(|g| g.parties.iter().any(|p| p.node == key.3))
                .then_some(Decimal::ZERO),
        }
    }

    fn assessment_only(&self, key: &Key) -> bool {
        self.parts.get(key).is_some_and(|x| x.1)
    }
}

/// Every agreement of either side, in id order.
pub(super) fn agreements(a: &Project, b: &Project, year: Option<Year>) -> Vec<AgreementDelta> {
    let ids: BTreeSet<&AgreementId> = a.agreements.keys().chain(b.agreements.keys()).collect();
    ids.into_iter().map(|id| one(a, b, id, year)).collect()
}

/// One agreement on both sides.
fn one(a: &Project, b: &Project, id: &AgreementId, year: Option<Year>) -> AgreementDelta {
    let (ga, gb) = (a.agreements.get(id), b.agreements.get(id));
    let (sa, sb) = (
        ga.map(|g| schedule(a, g, year, year)),
        gb.map(|g| schedule(b, g, year, year)),
    );
    // Without a year, each schedule runs to its last year of figures: the later one.
    let year = year
        .or_else(|| sa.iter().chain(&sb).map(|s| s.to).max())
        .unwrap_or_default();
    let parts = |s: Option<&Schedule>| s.map(|s| parts_of(s, year)).unwrap_or_default();
    let side_a = Side {
        agreement: ga,
        parts: parts(sa.as_ref()),
    };
    let side_b = Side {
        agreement: gb,
        parts: parts(sb.as_ref()),
    };
    // Parties in B's order, then A's others.
    let mut order: Vec<&NodeId> = Vec::new();
    for p in [gb, ga].into_iter().flatten().flat_map(|g| &g.parties) {
        if !order.contains(&&p.node) {
            order.push(&p.node);
        }
    }
    let position = |n: &NodeId| order.iter().position(|o| *o == n).unwrap_or(usize::MAX);
    let keys: BTreeSet<&Key> = side_a.parts.keys().chain(side_b.parts.keys()).collect();
    let mut parts: Vec<PartDelta> = keys
        .into_iter()
        .map(|key| PartDelta {
            ledger: key.0,
            metric: key.1,
            basis: key.2,
            party: key.3.clone(),
            party_name: name(a, b, &key.3),
            a: side_a.value(key),
            b: side_b.value(key),
            assessment_only: side_a.assessment_only(key) || side_b.assessment_only(key),
        })
        .collect();
    parts.sort_by_key(|p| (p.ledger, p.metric, p.basis, position(&p.party)));
    AgreementDelta {
        id: id.clone(),
        name: gb.or(ga).map(|g| g.name.clone()).unwrap_or_default(),
        in_a: ga.is_some(),
        in_b: gb.is_some(),
        year,
        parts,
    }
}

/// A node's name, B's when B has it.
fn name(a: &Project, b: &Project, id: &NodeId) -> String {
    b.nodes
        .get(id)
        .or_else(|| a.nodes.get(id))
        .map_or_else(|| id.to_string(), |n| n.name.clone())
}
