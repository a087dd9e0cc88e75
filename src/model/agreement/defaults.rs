//! What a new agreement, party, phase, rule or cost starts as, so each is valid the moment it
//! is added, and the changes of an agreement that touch several of its parts at once (taking a
//! party out, setting a coalition's value). The editor calls these; it holds no such rules
//! itself.

use super::{
    Agreement, CoalitionValue, CostItem, CostSplit, Party, PartyRole, Phase, PhaseStart, Rule,
    RuleKind, Share,
};
use super::{Anchor, Base, Cap, DEFAULT_START_YEAR, Member, PaymentAmount, QuotaTransfer};
use crate::model::{
    AgreementId, Ledger, Link, LinkKind, Metric, Node, NodeId, NodeKind, PhaseId, Project,
    TaxBasis, Year, fresh_id,
};
use rust_decimal::Decimal;

/// 100 % split evenly between `parties`, in hundredths of a percent; the hundredths left over go
/// one each to the first parties (100 between three: 33.34, 33.33, 33.33), so the shares add up
/// to exactly 100 %.
pub fn even_shares(parties: &[NodeId]) -> Vec<Share> {
    if parties.is_empty() {
        return Vec::new();
    }
    // The same arithmetic as `sharing::money::split` with equal weights, so the numbers (and
    // their written form) are those the split engine would give.
    let unit = Decimal::new(1, 2);
    let each = (Decimal::ONE_HUNDRED / Decimal::from(parties.len()))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
    let mut left = ((Decimal::ONE_HUNDRED - each * Decimal::from(parties.len())) / unit).round();
    parties
        .iter()
        .map(|party| {
            let extra = if left > Decimal::ZERO {
                left -= Decimal::ONE;
                unit
            } else {
                Decimal::ZERO
            };
            Share {
                party: party.clone(),
                pct: each + extra,
            }
        })
        .collect()
}

/// A new rule of `kind`, filled in with the agreement's parties so it is valid from the start:
/// even shares, the first party as the one who receives (or is capped, or is paid a return) and
/// the last as the one who keeps the base, the remainder or pays.
pub fn default_rule(kind: RuleKind, parties: &[NodeId]) -> Rule {
    let first = parties.first().cloned().unwrap_or_default();
    let last = parties.last().cloned().unwrap_or_default();
    match kind {
        RuleKind::FixedShares => Rule::FixedShares {
            shares: even_shares(parties),
        },
        RuleKind::AllTo => Rule::AllTo { party: first },
        RuleKind::DoubleCount => Rule::DoubleCount {
            parties: parties.to_vec(),
        },
        RuleKind::Increment => Rule::Increment {
            base: Base::Amount(Decimal::ZERO),
            base_to: last,
            shares: even_shares(parties),
        },
        RuleKind::Capped => Rule::Capped {
            shares: even_shares(parties),
            capped_party: first,
            cap: Cap::PriorYears(3),
            remainder_to: last,
            extension_years: 0,
        },
        RuleKind::Equity => Rule::Equity,
        RuleKind::FixedReturn => Rule::FixedReturn {
            rate_pct: Decimal::TEN,
            recipients: vec![first],
            payer: last,
            escalation_pct: None,
        },
        RuleKind::PerUnit => Rule::PerUnit {
            payer: first,
            payee: last,
            per_unit: Decimal::ONE,
            units: Decimal::ONE,
            unit: String::new(),
        },
        RuleKind::Payment => Rule::Payment {
            payer: last,
            payee: first,
            amount: PaymentAmount::Fixed(Decimal::ZERO),
        },
    }
}

/// An agreement id no agreement of the project has yet (`A1`, `A2`, ...).
pub fn fresh_agreement_id(project: &Project) -> AgreementId {
    AgreementId(fresh_id("A", |c| {
        project.agreements.contains_key(&AgreementId::from(c))
    }))
}

/// The nodes that may be parties: every node inside the county (not an external enterprise).
pub fn party_candidates(project: &Project) -> Vec<NodeId> {
    project
        .nodes
        .values()
        .filter(|n| n.kind != NodeKind::ExternalEnterprise)
        .map(|n| n.id.clone())
        .collect()
}

/// The nodes whose figures an agreement may split: firms and parks.
pub fn scope_candidates(project: &Project) -> impl Iterator<Item = &Node> {
    project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() || n.kind == NodeKind::Park)
}

impl Agreement {
    /// A new agreement, started from the project's first enclave link when it has one
    /// ([`Agreement::from_enclave`]), else empty.
    pub fn started(project: &Project, id: AgreementId, name: String) -> Self {
        match project.links.values().find(|l| l.kind == LinkKind::Enclave) {
            Some(enclave) => Self::from_enclave(project, enclave, id, name),
            None => Self {
                id,
                name,
                ..Self::default()
            },
        }
    }

    /// A new agreement for an enclave link (source region → host park): the source region and
    /// the host park's region (when it has another) as parties, and the firms located in the
    /// park as scope. No phases yet: which ledgers a deal splits is the user's to say.
    pub fn from_enclave(project: &Project, enclave: &Link, id: AgreementId, name: String) -> Self {
        let mut parties = vec![Party {
            node: enclave.from.clone(),
            role: PartyRole::Source,
            ..Party::default()
        }];
        if let Some(host) = project
            .nodes
            .get(&enclave.to)
            .and_then(|park| park.region.clone())
            && host != enclave.from
        {
            parties.push(Party {
                node: host,
                role: PartyRole::Host,
                ..Party::default()
            });
        }
        let scope = project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::LocatedIn && l.to == enclave.to)
            .map(|l| l.from.clone())
            .collect();
        Self {
            id,
            name,
            parties,
            scope,
            ..Self::default()
        }
    }

    /// The parties' node ids, in party order.
    pub fn party_ids(&self) -> Vec<NodeId> {
        self.parties.iter().map(|p| p.node.clone()).collect()
    }

    /// The next party to add: the first candidate not yet a party, as an investor.
    pub fn next_party(&self, project: &Project) -> Option<Party> {
        party_candidates(project)
            .into_iter()
            .find(|c| self.party(c).is_none())
            .map(|node| Party {
                node,
                role: PartyRole::Investor,
                ..Party::default()
            })
    }

    /// How many coalition values name `node`.
    pub fn values_naming(&self, node: &NodeId) -> usize {
        self.coalition_values
            .iter()
            .filter(|c| c.parties.contains(node))
            .count()
    }

    /// Takes `node` out of the parties, and with `drop_values` the coalition values that name
    /// it. Kept values name a non-party, which validation and the fair split report until they
    /// are fixed. Rules naming the party are left to validation too.
    pub fn remove_party(&mut self, node: &NodeId, drop_values: bool) {
        self.parties.retain(|p| &p.node != node);
        if drop_values {
            self.coalition_values.retain(|c| !c.parties.contains(node));
        }
    }

    /// A new phase with an id no phase has: fiscal tax on the local retained part (what real
    /// deals split: 中山–河源, 京津冀 92号), split in even fixed shares between the parties.
    pub fn new_phase(&self) -> Phase {
        let id = PhaseId(fresh_id("p", |c| {
            self.phases.iter().any(|p| p.id.as_str() == c)
        }));
        Phase {
            id,
            ledger: Ledger::Fiscal,
            metric: Metric::Tax,
            start: PhaseStart::default(),
            rule: default_rule(RuleKind::FixedShares, &self.party_ids()),
            basis: TaxBasis::LocalRetained,
            ..Phase::default()
        }
    }

    /// A new quota transfer: construction land in the signing year, from the last party to the
    /// first (the host's land quota going to the source's firms is the usual direction), no
    /// amount yet and no price.
    pub fn new_quota(&self) -> QuotaTransfer {
        let ids = self.party_ids();
        QuotaTransfer {
            year: self.signed_year.unwrap_or(DEFAULT_START_YEAR),
            metric: Metric::ConstructionLandMu,
            from: ids.last().cloned().unwrap_or_default(),
            to: ids.first().cloned().unwrap_or_default(),
            ..QuotaTransfer::default()
        }
    }

    /// Sets a scoped firm's own move and production years; with neither left, the firm has
    /// no anchor of its own (it follows the agreement's years).
    pub fn set_anchor(&mut self, node: &NodeId, moved: Option<Year>, production: Option<Year>) {
        self.anchors.retain(|a| &a.node != node);
        if moved.is_some() || production.is_some() {
            self.anchors.push(Anchor {
                node: node.clone(),
                moved_year: moved,
                production_year: production,
            });
            self.anchors.sort_by(|a, b| a.node.cmp(&b.node));
        }
    }

    /// Whether any phase runs per firm (the firms' own years then matter).
    pub fn has_per_firm_phases(&self) -> bool {
        self.phases.iter().any(|p| p.per_firm)
    }

    /// A new cost called `name`, in the signing year, shared by equity.
    pub fn new_cost(&self, name: &str) -> CostItem {
        CostItem {
            name: name.to_owned(),
            year: self.signed_year.unwrap_or(DEFAULT_START_YEAR),
            ..CostItem::default()
        }
    }

    /// A cost split in even shares between the parties.
    pub fn even_cost_split(&self) -> CostSplit {
        CostSplit::Shares(even_shares(&self.party_ids()))
    }

    /// What tells cost `index` apart from the others while it is edited: its name, and how many
    /// costs before it have the same name (`基础设施#0`). Its position alone would not do:
    /// taking out an earlier cost would hand its typed text to the next one.
    pub fn cost_key(&self, index: usize) -> String {
        let Some(cost) = self.costs.get(index) else {
            return format!("#{index}");
        };
        let before = self.costs[..index]
            .iter()
            .filter(|c| c.name == cost.name)
            .count();
        format!("{}#{before}", cost.name)
    }

    /// Where the value of the coalition of `members` is, in any order of members.
    pub fn coalition_index(&self, members: &[NodeId]) -> Option<usize> {
        let key = coalition_key(members);
        self.coalition_values
            .iter()
            .position(|c| coalition_key(&c.parties) == key)
    }

    /// Sets (or with `None` removes) the value of the coalition of `members`.
    pub fn set_coalition_value(&mut self, members: &[NodeId], value: Option<Decimal>) {
        match (self.coalition_index(members), value) {
            (Some(i), Some(v)) => self.coalition_values[i].value = v,
            (Some(i), None) => {
                self.coalition_values.remove(i);
            }
            (None, Some(value)) => self.coalition_values.push(CoalitionValue {
                parties: members.to_vec(),
                value,
            }),
            (None, None) => {}
        }
    }
}

impl Phase {
    /// Whether the phase splits taxes between treasuries, so its tax basis matters.
    pub fn splits_tax(&self) -> bool {
        self.ledger == Ledger::Fiscal && self.metric == Metric::Tax
    }

    /// Moves the phase to another ledger or metric: a phase that comes to split tax between
    /// treasuries starts on the local retained part (what deals split), one that stops has no
    /// basis.
    pub fn set_ledger_metric(&mut self, ledger: Ledger, metric: Metric) {
        let before = self.splits_tax();
        self.ledger = ledger;
        self.metric = metric;
        match (before, self.splits_tax()) {
            (false, true) => self.basis = TaxBasis::LocalRetained,
            (true, false) => self.basis = TaxBasis::Total,
            _ => {}
        }
    }
}

/// A member's default share when it joins a group: what the others leave of 100 % (never
/// below zero).
pub fn member_share_left(members: &[Member]) -> Decimal {
    let taken: Decimal = members.iter().map(|m| m.share_pct).sum();
    (Decimal::ONE_HUNDRED - taken).max(Decimal::ZERO)
}

/// A coalition's identity: its members' ids, sorted and joined (`HOST+SRC`).
pub fn coalition_key(members: &[NodeId]) -> String {
    let mut ids: Vec<&str> = members.iter().map(NodeId::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<NodeId> {
        v.iter().map(|s| NodeId::from(*s)).collect()
    }

    #[test]
    fn even_shares_add_up_to_exactly_100_as_money_splits_them() {
        for n in 1..=7 {
            let parties: Vec<NodeId> = (0..n).map(|i| NodeId(format!("P{i}"))).collect();
            let shares = even_shares(&parties);
            let total: Decimal = shares.iter().map(|s| s.pct).sum();
            assert_eq!(total, Decimal::ONE_HUNDRED);
            let money = crate::sharing::money::split(Decimal::ONE_HUNDRED, &vec![Decimal::ONE; n]);
            let ours: Vec<String> = shares.iter().map(|s| s.pct.to_string()).collect();
            let money: Vec<String> = money.iter().map(Decimal::to_string).collect();
            assert_eq!(ours, money, "{n} parties");
        }
        let three: Vec<String> = even_shares(&ids(&["A", "B", "C"]))
            .iter()
            .map(|s| s.pct.to_string())
            .collect();
        assert_eq!(three, ["33.34", "33.33", "33.33"]);
        assert!(even_shares(&[]).is_empty());
    }

    #[test]
    fn removing_a_party_keeps_or_drops_the_values_naming_it() {
        let mut a = Agreement {
            parties: ids(&["A", "B", "C"])
                .into_iter()
                .map(|node| Party {
                    node,
                    ..Party::default()
                })
                .collect(),
            ..Agreement::default()
        };
        for (members, v) in [(&["A"][..], 1), (&["B"][..], 2), (&["A", "B"][..], 5)] {
            a.set_coalition_value(&ids(members), Some(Decimal::from(v)));
        }
        assert_eq!(a.values_naming(&NodeId::from("B")), 2);
        let mut kept = a.clone();
        kept.remove_party(&NodeId::from("B"), false);
        assert_eq!(kept.party_ids(), ids(&["A", "C"]));
        assert_eq!(kept.coalition_values.len(), 3);
        a.remove_party(&NodeId::from("B"), true);
        assert_eq!(a.coalition_values.len(), 1);
        assert_eq!(a.coalition_values[0].parties, ids(&["A"]));
    }

    #[test]
    fn coalitions_are_found_in_any_member_order() {
        let mut a = Agreement::default();
        a.set_coalition_value(&ids(&["B", "A"]), Some(Decimal::TEN));
        assert_eq!(a.coalition_index(&ids(&["A", "B"])), Some(0));
        a.set_coalition_value(&ids(&["A", "B"]), Some(Decimal::ONE));
        assert_eq!(a.coalition_values.len(), 1);
        assert_eq!(a.coalition_values[0].value, Decimal::ONE);
        a.set_coalition_value(&ids(&["A", "B"]), None);
        assert!(a.coalition_values.is_empty());
        assert_eq!(coalition_key(&ids(&["SRC", "HOST"])), "HOST+SRC");
    }

    #[test]
    fn new_fiscal_tax_phases_split_the_local_retained_part() {
        let a = Agreement::default();
        let mut p = a.new_phase();
        assert_eq!(p.basis, TaxBasis::LocalRetained);
        p.set_ledger_metric(Ledger::Assessment, Metric::Output);
        assert_eq!(p.basis, TaxBasis::Total);
        p.set_ledger_metric(Ledger::Fiscal, Metric::Tax);
        assert_eq!(p.basis, TaxBasis::LocalRetained);
        p.basis = TaxBasis::CountyRetained;
        // A change that keeps it fiscal tax keeps the chosen basis.
        p.set_ledger_metric(Ledger::Fiscal, Metric::Tax);
        assert_eq!(p.basis, TaxBasis::CountyRetained);
    }

    #[test]
    fn anchors_come_and_go_with_their_years() {
        let mut a = Agreement::default();
        let (f1, f2) = (NodeId::from("F1"), NodeId::from("F2"));
        a.set_anchor(&f2, Some(2018), None);
        a.set_anchor(&f1, None, Some(2020));
        assert_eq!(a.anchors.len(), 2);
        assert_eq!(a.anchors[0].node, f1);
        a.set_anchor(&f2, Some(2019), Some(2021));
        assert_eq!(a.firm_years(&f2), (Some(2019), Some(2021)));
        a.set_anchor(&f2, None, None);
        assert_eq!(a.anchors.len(), 1);
    }

    #[test]
    fn a_new_member_takes_what_the_others_leave() {
        let m = |pct: i64| Member {
            name: String::new(),
            share_pct: Decimal::from(pct),
        };
        assert_eq!(member_share_left(&[]), Decimal::ONE_HUNDRED);
        assert_eq!(member_share_left(&[m(30), m(20)]), Decimal::from(50));
        assert_eq!(member_share_left(&[m(80), m(40)]), Decimal::ZERO);
    }

    #[test]
    fn costs_are_told_apart_by_name_not_position() {
        let mut a = Agreement::default();
        for name in ["土地", "厂房", "土地"] {
            a.costs.push(a.new_cost(name));
        }
        assert_eq!(
            (0..3).map(|i| a.cost_key(i)).collect::<Vec<_>>(),
            ["土地#0", "厂房#0", "土地#1"]
        );
        a.costs.remove(0);
        // 厂房 keeps its key though its row moved up.
        assert_eq!(a.cost_key(0), "厂房#0");
    }
}
