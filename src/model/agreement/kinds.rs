//! The kinds behind an agreement's choices, as enums rather than strings: which ledger and
//! metric a phase splits, which kind of rule it has (named in files exactly as [`Rule`]'s serde
//! tags), and how a phase's start is anchored. Each knows its label in both languages.

use super::{PhaseStart, Rule};
use crate::i18n::Lang;
use crate::model::node::Year;
use serde::{Deserialize, Serialize};

/// The separate books a region's figures live in; they are never mixed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Ledger {
    /// 在地统计: always 100 % the host's, by national rule.
    Statistics,
    /// 考核
    #[default]
    Assessment,
    /// 财税分成
    Fiscal,
    /// corporate returns: dividends, rents, fixed returns
    Corporate,
    /// 指标交易: land and energy quotas, in their physical units
    Quota,
}

impl Ledger {
    pub const ALL: [Ledger; 5] = [
        Ledger::Statistics,
        Ledger::Assessment,
        Ledger::Fiscal,
        Ledger::Corporate,
        Ledger::Quota,
    ];

    /// The ledgers that hold money (what the fair split can judge a contract on).
    pub const MONEY: [Ledger; 3] = [Ledger::Fiscal, Ledger::Corporate, Ledger::Quota];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Ledger::Statistics => lang.pick("在地统计", "Official statistics"),
            Ledger::Assessment => lang.pick("考核", "Assessment"),
            Ledger::Fiscal => lang.pick("财税分成", "Fiscal"),
            Ledger::Corporate => lang.pick("企业收益", "Corporate returns"),
            Ledger::Quota => lang.pick("指标交易", "Quotas"),
        }
    }
}

/// Which figure of the scoped nodes a phase splits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Output,
    ValueAdded,
    #[default]
    Tax,
    Investment,
    Profit,
    /// 租金 of a park or building (消薄飞地 after the fixed-return years)
    Rent,
    /// 重点项目 (a count: the assessment of 安康-style agreements)
    KeyProjects,
    /// 建设用地指标 (亩), quota ledger only
    ConstructionLandMu,
    /// 耕地占补平衡指标 (亩), quota ledger only
    FarmlandBalanceMu,
    /// 能耗指标 (吨标准煤), quota ledger only
    EnergyTce,
}

impl Metric {
    /// The figures a phase can split (money and assessment figures).
    pub const ALL: [Metric; 7] = [
        Metric::Output,
        Metric::ValueAdded,
        Metric::Tax,
        Metric::Investment,
        Metric::Profit,
        Metric::Rent,
        Metric::KeyProjects,
    ];

    /// The quotas moved between parties, counted in physical units.
    pub const QUOTA: [Metric; 3] = [
        Metric::ConstructionLandMu,
        Metric::FarmlandBalanceMu,
        Metric::EnergyTce,
    ];

    pub fn is_quota(self) -> bool {
        Self::QUOTA.contains(&self)
    }

    /// The unit of a metric not counted in money (quotas, key projects); none for money.
    pub fn unit(self, lang: Lang) -> Option<&'static str> {
        match self {
            Metric::ConstructionLandMu | Metric::FarmlandBalanceMu => Some(lang.pick("亩", "mu")),
            Metric::EnergyTce => Some(lang.pick("吨标准煤", "tce")),
            Metric::KeyProjects => Some(lang.pick("个", "projects")),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Metric::Output => lang.pick("产值", "Output"),
            Metric::ValueAdded => lang.pick("增加值", "Value added"),
            Metric::Tax => lang.pick("税收", "Tax"),
            Metric::Investment => lang.pick("投资", "Investment"),
            Metric::Profit => lang.pick("利润", "Profit"),
            Metric::Rent => lang.pick("租金", "Rent"),
            Metric::KeyProjects => lang.pick("重点项目", "Key projects"),
            Metric::ConstructionLandMu => lang.pick("建设用地指标", "Construction land quota"),
            Metric::FarmlandBalanceMu => lang.pick("耕地占补指标", "Farmland balance quota"),
            Metric::EnergyTce => lang.pick("能耗指标", "Energy quota"),
        }
    }
}

/// A kind of [`Rule`], without its fields. Its file name ([`RuleKind::code`], also its serde
/// form) is the tag the rule is saved under: `{"fixed_shares": {...}}`, `"equity"`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    #[default]
    FixedShares,
    AllTo,
    DoubleCount,
    Increment,
    Capped,
    Equity,
    FixedReturn,
    PerUnit,
    Payment,
}

impl RuleKind {
    /// Every kind, in the order menus list them.
    pub const ALL: [RuleKind; 9] = [
        RuleKind::FixedShares,
        RuleKind::AllTo,
        RuleKind::DoubleCount,
        RuleKind::Increment,
        RuleKind::Capped,
        RuleKind::Equity,
        RuleKind::FixedReturn,
        RuleKind::PerUnit,
        RuleKind::Payment,
    ];

    /// The name used in files.
    pub fn code(self) -> &'static str {
        match self {
            RuleKind::FixedShares => "fixed_shares",
            RuleKind::AllTo => "all_to",
            RuleKind::DoubleCount => "double_count",
            RuleKind::Increment => "increment",
            RuleKind::Capped => "capped",
            RuleKind::Equity => "equity",
            RuleKind::FixedReturn => "fixed_return",
            RuleKind::PerUnit => "per_unit",
            RuleKind::Payment => "payment",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RuleKind::FixedShares => lang.pick("固定比例", "Fixed shares"),
            RuleKind::AllTo => lang.pick("全归一方", "All to one party"),
            RuleKind::DoubleCount => lang.pick("双方全额计入", "Double counting"),
            RuleKind::Increment => lang.pick("只分增量", "Increment above a base"),
            RuleKind::Capped => lang.pick("封顶分成", "Capped share"),
            RuleKind::Equity => lang.pick("按股权", "By equity"),
            RuleKind::FixedReturn => lang.pick("固定回报", "Fixed return on capital"),
            RuleKind::PerUnit => lang.pick("按单位固定支付", "Fixed payment per unit"),
            RuleKind::Payment => lang.pick("上级或第三方支付", "Payment from a payer"),
        }
    }
}

impl std::fmt::Display for RuleKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A name that is not a rule kind's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a kind of rule")]
pub struct UnknownRuleKind(pub String);

impl std::str::FromStr for RuleKind {
    type Err = UnknownRuleKind;

    /// Parses a file name of a kind (`"capped"`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleKind::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| UnknownRuleKind(s.to_owned()))
    }
}

impl Rule {
    /// What kind of rule this is.
    pub fn kind(&self) -> RuleKind {
        match self {
            Rule::FixedShares { .. } => RuleKind::FixedShares,
            Rule::AllTo { .. } => RuleKind::AllTo,
            Rule::DoubleCount { .. } => RuleKind::DoubleCount,
            Rule::Increment { .. } => RuleKind::Increment,
            Rule::Capped { .. } => RuleKind::Capped,
            Rule::Equity => RuleKind::Equity,
            Rule::FixedReturn { .. } => RuleKind::FixedReturn,
            Rule::PerUnit { .. } => RuleKind::PerUnit,
            Rule::Payment { .. } => RuleKind::Payment,
        }
    }

    /// The name used in files.
    pub fn code(&self) -> &'static str {
        self.kind().code()
    }
}

/// What a phase's start is anchored to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PhaseStartKind {
    /// A calendar year.
    Year,
    /// N years after the signing year.
    AfterSigning,
    /// N years after production starts.
    AfterProduction,
}

impl PhaseStartKind {
    pub const ALL: [PhaseStartKind; 3] = [
        PhaseStartKind::Year,
        PhaseStartKind::AfterSigning,
        PhaseStartKind::AfterProduction,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PhaseStartKind::Year => lang.pick("年份", "In year"),
            PhaseStartKind::AfterSigning => lang.pick("签约后第 N 年", "N years after signing"),
            PhaseStartKind::AfterProduction => {
                lang.pick("投产后第 N 年", "N years after production")
            }
        }
    }
}

/// The year a new calendar-year start gets when the agreement has no signing year.
pub const DEFAULT_START_YEAR: Year = 2024;

impl PhaseStart {
    pub fn kind(self) -> PhaseStartKind {
        match self {
            PhaseStart::Year(_) => PhaseStartKind::Year,
            PhaseStart::AfterSigning(_) => PhaseStartKind::AfterSigning,
            PhaseStart::AfterProduction(_) => PhaseStartKind::AfterProduction,
        }
    }

    /// A start of `kind`: the signing year (or [`DEFAULT_START_YEAR`]) for a calendar year,
    /// the anchor year itself (N = 0) otherwise.
    pub fn of_kind(kind: PhaseStartKind, signed_year: Option<Year>) -> Self {
        match kind {
            PhaseStartKind::Year => PhaseStart::Year(signed_year.unwrap_or(DEFAULT_START_YEAR)),
            PhaseStartKind::AfterSigning => PhaseStart::AfterSigning(0),
            PhaseStartKind::AfterProduction => PhaseStart::AfterProduction(0),
        }
    }

    /// The number beside the kind: the year, or N.
    pub fn number(self) -> i32 {
        match self {
            PhaseStart::Year(y) => y,
            PhaseStart::AfterSigning(n) | PhaseStart::AfterProduction(n) => {
                i32::try_from(n).unwrap_or(i32::MAX)
            }
        }
    }

    /// The same kind of start with another number (N below zero counts as zero).
    pub fn with_number(self, number: i32) -> Self {
        let n = u32::try_from(number).unwrap_or(0);
        match self {
            PhaseStart::Year(_) => PhaseStart::Year(number),
            PhaseStart::AfterSigning(_) => PhaseStart::AfterSigning(n),
            PhaseStart::AfterProduction(_) => PhaseStart::AfterProduction(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeId, default_rule};

    #[test]
    fn kinds_are_named_as_rules_are_saved() {
        let parties = [NodeId::from("A"), NodeId::from("B")];
        for kind in RuleKind::ALL {
            let rule = default_rule(kind, &parties);
            assert_eq!(rule.kind(), kind);
            let saved = serde_json::to_value(&rule).unwrap_or_default();
            let tag = match &saved {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Object(m) => m.keys().next().cloned().unwrap_or_default(),
                other => format!("{other}"),
            };
            assert_eq!(tag, kind.code());
            assert_eq!(
                serde_json::to_value(kind).unwrap_or_default(),
                serde_json::Value::String(kind.code().to_owned())
            );
            assert_eq!(kind.code().parse::<RuleKind>(), Ok(kind));
        }
        assert_eq!(
            "fixed".parse::<RuleKind>(),
            Err(UnknownRuleKind("fixed".to_owned()))
        );
    }

    #[test]
    fn a_start_keeps_its_kind_when_its_number_changes() {
        assert_eq!(
            PhaseStart::AfterSigning(2).with_number(5),
            PhaseStart::AfterSigning(5)
        );
        assert_eq!(
            PhaseStart::AfterProduction(2).with_number(-3),
            PhaseStart::AfterProduction(0)
        );
        assert_eq!(PhaseStart::Year(2020).with_number(2031).number(), 2031);
        assert_eq!(
            PhaseStart::of_kind(PhaseStartKind::Year, Some(2019)),
            PhaseStart::Year(2019)
        );
        assert_eq!(
            PhaseStart::of_kind(PhaseStartKind::Year, None),
            PhaseStart::Year(DEFAULT_START_YEAR)
        );
    }
}
