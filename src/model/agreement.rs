//! Benefit-sharing agreements (成本共担、利益共享、统计分成) between parties, as DOMAIN.md describes
//! them: parties with roles, a scope of enterprises and parks, yearly phases per ledger and metric,
//! each with one rule, cost items, eligibility rules and optional coalition values for the
//! fair-split benchmark. The split engine that turns these into schedules lives in `sharing`.
//!
//! Rules are externally tagged enums (`{"fixed_shares": {...}}`): exact decimal numbers and
//! internally tagged enums do not mix in serde. Their kinds, and how phases start, are enums in
//! `kinds`; what new parts start as, in `defaults`.

mod defaults;
mod kinds;
mod terms;

pub use defaults::{
    coalition_key, default_rule, even_shares, fresh_agreement_id, member_share_left,
    party_candidates, scope_candidates,
};
pub use kinds::{DEFAULT_START_YEAR, Ledger, Metric, PhaseStartKind, RuleKind, UnknownRuleKind};
pub use terms::{Anchor, Member, PaymentAmount, QuotaTransfer, Settlement};

use super::ids::{AgreementId, NodeId, PhaseId};
use super::node::Year;
use super::tax::TaxBasis;
use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A contract between regions (and investors) about one enclave park or relocation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Agreement {
    pub id: AgreementId,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Year the agreement was signed (or the firm moved): anchor of `after_signing` phases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_year: Option<Year>,
    /// First year of production: anchor of `after_production` phases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub production_year: Option<Year>,
    pub parties: Vec<Party>,
    /// Enterprises and parks whose figures the agreement splits.
    pub scope: Vec<NodeId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub eligibility: Vec<Eligibility>,
    pub phases: Vec<Phase>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub costs: Vec<CostItem>,
    /// v(S) for coalitions of parties, for Shapley value, nucleolus and core check.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coalition_values: Vec<CoalitionValue>,
    // Issue 19: agreements as they are really written.
    /// Each scoped firm's own move and production years, for `per_firm` phases and eligibility.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<Anchor>,
    /// Quotas moved between parties (the quota ledger), with their settlement.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotas: Vec<QuotaTransfer>,
    /// The money ledgers the fair split judges the contract on (what each party receives over
    /// the horizon across them); empty means fiscal, corporate and quota settlements.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fair_ledgers: Vec<Ledger>,
}

/// A party to an agreement: a region, park or investor node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Party {
    pub node: NodeId,
    pub role: PartyRole,
    /// Equity share in percent, for rules and costs shared by equity.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub equity_pct: Option<Decimal>,
    /// Capital invested, for fixed returns on capital.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub capital: Option<Decimal>,
    /// The members of a group party (162 village collectives) and their shares of what it
    /// receives; empty for a single party.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
}

/// What a party is in the agreement.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// 飞出地
    #[default]
    Source,
    /// 飞入地
    Host,
    /// the park that manages it in trusteeship (托管方)
    Trustee,
    /// 投资方
    Investor,
    /// 村集体
    VillageCollective,
    /// 运营方
    Operator,
    /// 上级财政 (province or city finance paying a rebate or subsidy)
    HigherLevel,
}

impl PartyRole {
    pub const ALL: [PartyRole; 7] = [
        PartyRole::Source,
        PartyRole::Host,
        PartyRole::Trustee,
        PartyRole::Investor,
        PartyRole::VillageCollective,
        PartyRole::Operator,
        PartyRole::HigherLevel,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PartyRole::Source => lang.pick("飞出地", "Source"),
            PartyRole::Host => lang.pick("飞入地", "Host"),
            PartyRole::Trustee => lang.pick("托管方", "Trustee"),
            PartyRole::Investor => lang.pick("投资方", "Investor"),
            PartyRole::VillageCollective => lang.pick("村集体", "Village collective"),
            PartyRole::Operator => lang.pick("运营方", "Operator"),
            PartyRole::HigherLevel => lang.pick("上级财政", "Higher level"),
        }
    }
}

/// A span of years in which one rule applies to one ledger and metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Phase {
    pub id: PhaseId,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub ledger: Ledger,
    pub metric: Metric,
    pub start: PhaseStart,
    /// How many years the phase lasts; none means until the agreement ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    pub rule: Rule,
    /// Which part of the tax a fiscal phase of the tax metric splits (files before version 2:
    /// the total).
    #[serde(skip_serializing_if = "TaxBasis::is_total")]
    pub basis: TaxBasis,
    /// Runs for each scoped firm from its own anchors (京津冀 92号): eligibility, years, caps
    /// and extensions per firm; the schedule has a row per firm and the totals.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub per_firm: bool,
    /// The tax types a fiscal phase of the tax counts; empty means every type. 92号 shares the
    /// VAT and corporate income tax (with the former business tax), not the other taxes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tax_types: Vec<crate::model::TaxType>,
}

impl Phase {
    /// Whether the phase counts this tax type (every type when it names none).
    pub fn counts_tax(&self, tax: crate::model::TaxType) -> bool {
        self.tax_types.is_empty() || self.tax_types.contains(&tax)
    }
}

/// When a phase starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseStart {
    /// A calendar year.
    Year(Year),
    /// N years after the signing year (0 = the signing year itself).
    AfterSigning(u32),
    /// N years after production starts (0 = the first production year).
    AfterProduction(u32),
}

impl Default for PhaseStart {
    fn default() -> Self {
        PhaseStart::AfterSigning(0)
    }
}

/// A party's share in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Share {
    pub party: NodeId,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub pct: Decimal,
}

/// How a phase splits its amount. Every kind of rule found in real agreements (DOMAIN.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Fixed shares that add up to 100 % (中山–河源 5 : 5).
    FixedShares { shares: Vec<Share> },
    /// Everything to one party (安康: years 1–5 to the source county).
    AllTo { party: NodeId },
    /// Every listed party counts the full amount (assessment ledger only; Guangxi 2024).
    DoubleCount { parties: Vec<NodeId> },
    /// Only the increment above a base year's or a base amount is split; the base stays with
    /// `base_to`.
    Increment {
        base: Base,
        base_to: NodeId,
        shares: Vec<Share>,
    },
    /// Shares until `capped_party` has received `cap` in total (京津冀 92号): the year that hits
    /// the cap is clipped, then everything goes to `remainder_to`; if the cap is not reached when
    /// the phase ends, it runs `extension_years` longer.
    Capped {
        shares: Vec<Share>,
        capped_party: NodeId,
        cap: Cap,
        remainder_to: NodeId,
        extension_years: u32,
    },
    /// In proportion to the parties' equity (Jiangsu 南北共建).
    Equity,
    /// Each recipient gets `rate_pct` % of its capital a year, paid by `payer` (消薄飞地 10 %);
    /// with `escalation_pct`, the rate rises by that percentage every year of the phase.
    FixedReturn {
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        rate_pct: Decimal,
        recipients: Vec<NodeId>,
        payer: NodeId,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "rust_decimal::serde::arbitrary_precision_option"
        )]
        escalation_pct: Option<Decimal>,
    },
    /// A fixed payment per unit per year, paid even at a loss (炉霍: 3 万元 per greenhouse).
    PerUnit {
        payer: NodeId,
        payee: NodeId,
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        per_unit: Decimal,
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        units: Decimal,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        unit: String,
    },
    /// A payment from `payer` to `payee` outside the split of the figure (a province's
    /// increment rebate, a one-off subsidy): a fixed sum, or a share of the increment.
    Payment {
        payer: NodeId,
        payee: NodeId,
        amount: PaymentAmount,
    },
}

impl Default for Rule {
    fn default() -> Self {
        Rule::FixedShares { shares: Vec::new() }
    }
}

/// The base of an increment rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// The scoped figure of this year.
    Year(Year),
    /// A fixed amount.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    Amount(Decimal),
}

/// The cap of a capped rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cap {
    /// A fixed amount.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    Amount(Decimal),
    /// The scoped figure summed over this many years before the signing (moving) year.
    PriorYears(u32),
}

/// A condition a scoped firm must meet for the agreement to apply to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    /// The firm's average `metric` over the `years` before signing is at least `at_least`
    /// (京津冀: tax ≥ 2000 万元 a year over the 3 years before moving).
    MinAverageBefore {
        metric: Metric,
        years: u32,
        #[serde(with = "rust_decimal::serde::arbitrary_precision")]
        at_least: Decimal,
    },
}

/// A cost shared between parties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CostItem {
    pub name: String,
    pub kind: CostKind,
    pub year: Year,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub amount: Decimal,
    pub split: CostSplit,
}

/// Kinds of shared cost.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum CostKind {
    /// 土地
    Land,
    /// 场地平整
    Levelling,
    /// 基础设施
    #[default]
    Infrastructure,
    /// 厂房
    Plant,
    /// 补贴
    Subsidy,
    Other,
}

impl CostKind {
    pub const ALL: [CostKind; 6] = [
        CostKind::Land,
        CostKind::Levelling,
        CostKind::Infrastructure,
        CostKind::Plant,
        CostKind::Subsidy,
        CostKind::Other,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CostKind::Land => lang.pick("土地", "Land"),
            CostKind::Levelling => lang.pick("场地平整", "Levelling"),
            CostKind::Infrastructure => lang.pick("基础设施", "Infrastructure"),
            CostKind::Plant => lang.pick("标准厂房", "Plant"),
            CostKind::Subsidy => lang.pick("补贴", "Subsidy"),
            CostKind::Other => lang.pick("其他", "Other"),
        }
    }
}

/// How a cost is shared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CostSplit {
    Shares(Vec<Share>),
    #[default]
    Equity,
}

/// What a coalition of parties could make on its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CoalitionValue {
    pub parties: Vec<NodeId>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub value: Decimal,
}

impl Agreement {
    /// The party with this node, if it is one.
    pub fn party(&self, node: &NodeId) -> Option<&Party> {
        self.parties.iter().find(|p| &p.node == node)
    }

    /// A scoped firm's move and production years: its own anchor's where given, else the
    /// agreement's signing and production years.
    pub fn firm_years(&self, node: &NodeId) -> (Option<Year>, Option<Year>) {
        let own = self.anchors.iter().find(|a| &a.node == node);
        (
            own.and_then(|a| a.moved_year).or(self.signed_year),
            own.and_then(|a| a.production_year).or(self.production_year),
        )
    }

    /// First year of a phase, or none when its anchor year is not set.
    pub fn phase_first_year(&self, phase: &Phase) -> Option<Year> {
        match phase.start {
            PhaseStart::Year(y) => Some(y),
            PhaseStart::AfterSigning(n) => self.signed_year.map(|y| y + n as Year),
            PhaseStart::AfterProduction(n) => self.production_year.map(|y| y + n as Year),
        }
    }

    /// Year range of a phase, last year included; `None` as the end means open-ended.
    pub fn phase_years(&self, phase: &Phase) -> Option<(Year, Option<Year>)> {
        let first = self.phase_first_year(phase)?;
        Some((first, phase.years.map(|n| first + n as Year - 1)))
    }
}
