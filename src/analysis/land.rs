//! 亩均效益评价 as Zhejiang's 亩均论英雄 evaluations practise it (DOMAIN.md, docs/INDICATORS.md §6).
//!
//! Evaluated: local firms on industrial land (`land_type` industrial), operating, with land on
//! record; 规上 and 规下 in separate groups. Everyone else is 不定等级, with the reason.
//!
//! Per indicator (亩均税收 = tax ÷ land, 亩均增加值 = value added ÷ land, 单位能耗增加值 = value
//! added ÷ energy, 单位排放增加值 = value added ÷ emissions, 全员劳动生产率 = value added ÷
//! employees, 研发投入占比 = R&D ÷ revenue): score = weight × min(value ÷ the group's average of
//! it, 2); a missing indicator scores 0 (and is left out of the average); total = Σ. Classes by
//! rank in the group (higher score first, then id): A the top 25 % (rounded down, at least 1),
//! D the bottom 5 % (rounded down; at least 1 from 10 firms), B the next 50 % (rounded down),
//! C the rest.

use super::figures;
use crate::model::{FirmStatus, LandType, LandWeights, Node, NodeId, NodeKind, Project, Year};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The cap of an indicator's value ÷ the group average.
pub const CAP: f64 = 2.0;

/// 规上 or 规下.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScaleGroup {
    AboveScale,
    BelowScale,
}

impl ScaleGroup {
    pub fn code(self) -> &'static str {
        match self {
            ScaleGroup::AboveScale => "above_scale",
            ScaleGroup::BelowScale => "below_scale",
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            ScaleGroup::AboveScale => lang.pick("规上企业", "Above scale (规上)"),
            ScaleGroup::BelowScale => lang.pick("规下企业", "Below scale (规下)"),
        }
    }
}

/// The six indicators, one value each (what they hold depends on where: values, averages,
/// weighted scores).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Indicators<T> {
    pub tax_per_mu: T,
    pub va_per_mu: T,
    pub va_per_energy: T,
    pub va_per_emission: T,
    pub labour_productivity: T,
    pub rd_share: T,
}

/// Which indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Indicator {
    TaxPerMu,
    VaPerMu,
    VaPerEnergy,
    VaPerEmission,
    LabourProductivity,
    RdShare,
}

impl Indicator {
    pub const ALL: [Indicator; 6] = [
        Indicator::TaxPerMu,
        Indicator::VaPerMu,
        Indicator::VaPerEnergy,
        Indicator::VaPerEmission,
        Indicator::LabourProductivity,
        Indicator::RdShare,
    ];

    /// The key in `analyze --json` and the exports.
    pub fn code(self) -> &'static str {
        match self {
            Indicator::TaxPerMu => "tax_per_mu",
            Indicator::VaPerMu => "va_per_mu",
            Indicator::VaPerEnergy => "va_per_energy",
            Indicator::VaPerEmission => "va_per_emission",
            Indicator::LabourProductivity => "labour_productivity",
            Indicator::RdShare => "rd_share",
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Indicator::TaxPerMu => lang.pick("亩均税收", "Tax per mu"),
            Indicator::VaPerMu => lang.pick("亩均增加值", "Value added per mu"),
            Indicator::VaPerEnergy => lang.pick("单位能耗增加值", "Value added per tce"),
            Indicator::VaPerEmission => lang.pick("单位排放增加值", "Value added per t emitted"),
            Indicator::LabourProductivity => lang.pick("全员劳动生产率", "Labour productivity"),
            Indicator::RdShare => lang.pick("研发投入占比", "R&D share of revenue"),
        }
    }

    /// The unit of the value, for a money unit such as 万元.
    pub fn unit(self, money: &str, lang: crate::i18n::Lang) -> String {
        let m = crate::i18n::money_unit(money, lang);
        match (self, lang) {
            (Indicator::TaxPerMu | Indicator::VaPerMu, crate::i18n::Lang::Zh) => format!("{m}/亩"),
            (Indicator::TaxPerMu | Indicator::VaPerMu, _) => format!("{m} per mu"),
            (Indicator::VaPerEnergy, crate::i18n::Lang::Zh) => format!("{m}/吨标准煤"),
            (Indicator::VaPerEnergy, _) => format!("{m} per tce"),
            (Indicator::VaPerEmission, crate::i18n::Lang::Zh) => format!("{m}/吨"),
            (Indicator::VaPerEmission, _) => format!("{m} per t"),
            (Indicator::LabourProductivity, crate::i18n::Lang::Zh) => format!("{m}/人"),
            (Indicator::LabourProductivity, _) => format!("{m} per person"),
            (Indicator::RdShare, _) => "%".to_owned(),
        }
    }

    /// The weight the project gives it.
    pub fn weight(self, w: &LandWeights) -> f64 {
        super::leaders::usable(match self {
            Indicator::TaxPerMu => w.tax_per_mu,
            Indicator::VaPerMu => w.va_per_mu,
            Indicator::VaPerEnergy => w.va_per_energy,
            Indicator::VaPerEmission => w.va_per_emission,
            Indicator::LabourProductivity => w.labour_productivity,
            Indicator::RdShare => w.rd_share,
        })
    }
}

impl<T: Copy> Indicators<T> {
    pub fn get(&self, i: Indicator) -> T {
        match i {
            Indicator::TaxPerMu => self.tax_per_mu,
            Indicator::VaPerMu => self.va_per_mu,
            Indicator::VaPerEnergy => self.va_per_energy,
            Indicator::VaPerEmission => self.va_per_emission,
            Indicator::LabourProductivity => self.labour_productivity,
            Indicator::RdShare => self.rd_share,
        }
    }

    fn from_fn(f: impl Fn(Indicator) -> T) -> Self {
        Self {
            tax_per_mu: f(Indicator::TaxPerMu),
            va_per_mu: f(Indicator::VaPerMu),
            va_per_energy: f(Indicator::VaPerEnergy),
            va_per_emission: f(Indicator::VaPerEmission),
            labour_productivity: f(Indicator::LabourProductivity),
            rd_share: f(Indicator::RdShare),
        }
    }
}

/// A class of the evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LandGrade {
    A,
    B,
    C,
    D,
}

impl LandGrade {
    pub const ALL: [LandGrade; 4] = [LandGrade::A, LandGrade::B, LandGrade::C, LandGrade::D];

    pub fn code(self) -> &'static str {
        match self {
            LandGrade::A => "A",
            LandGrade::B => "B",
            LandGrade::C => "C",
            LandGrade::D => "D",
        }
    }

    /// What the class means for the firm (资源要素差别化配置, as the provincial guidance sets
    /// it; the county's own rules decide the amounts).
    pub fn consequence(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            LandGrade::A => lang.pick(
                "优先保障用地、用能、用水等要素,优先享受奖补和城镇土地使用税减免",
                "first call on land, energy and water quotas; first in line for awards and land-use tax relief",
            ),
            LandGrade::B => lang.pick(
                "正常保障要素供给,适当支持",
                "factors supplied as usual, with some support",
            ),
            LandGrade::C => lang.pick(
                "从严控制新增用地、用能,不享受奖补;限期提升",
                "new land and energy held back, no awards; must improve within a deadline",
            ),
            LandGrade::D => lang.pick(
                "执行差别化电价、水价(加价),不安排新增用地;限期整治或退出",
                "surcharged electricity and water prices, no new land; remediation or exit",
            ),
        }
    }
}

/// One evaluated firm.
#[derive(Debug, Clone, PartialEq)]
pub struct LandFirm {
    pub id: NodeId,
    pub name: String,
    pub land_mu: f64,
    /// The indicators' values; none where a figure is missing.
    pub values: Indicators<Option<f64>>,
    /// The weighted score of each indicator.
    pub parts: Indicators<f64>,
    pub score: f64,
    pub class: LandGrade,
}

/// The firms of one group, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct LandGroup {
    pub group: ScaleGroup,
    /// The group's average of each indicator (over the firms that have it).
    pub averages: Indicators<Option<f64>>,
    pub firms: Vec<LandFirm>,
}

/// Why a firm is 不定等级.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    NotLocal,
    /// A public body (公共服务机构, 科研院所, 金融机构) or a firm on public land.
    Public,
    LandTypeUnknown,
    NotIndustrialLand(LandType),
    Status(FirmStatus),
    NoLand,
}

impl Exclusion {
    /// The reason in `analyze --json`.
    pub fn code(self) -> &'static str {
        match self {
            Exclusion::NotLocal => "not_local",
            Exclusion::Public => "public",
            Exclusion::LandTypeUnknown => "land_type_unknown",
            Exclusion::NotIndustrialLand(LandType::Agricultural) => "agricultural_land",
            Exclusion::NotIndustrialLand(LandType::Commercial) => "commercial_land",
            Exclusion::NotIndustrialLand(_) => "public_land",
            Exclusion::Status(FirmStatus::New) => "new",
            Exclusion::Status(FirmStatus::UnderConstruction) => "under_construction",
            Exclusion::Status(_) => "relocated",
            Exclusion::NoLand => "no_land",
        }
    }

    pub fn message(self, lang: crate::i18n::Lang) -> String {
        match self {
            Exclusion::NotLocal => lang.pick("不在本县", "outside the county").to_owned(),
            Exclusion::Public => lang.pick("公共服务或事业单位", "public body").to_owned(),
            Exclusion::LandTypeUnknown => lang
                .pick("未填用地类型", "land type not recorded")
                .to_owned(),
            Exclusion::NotIndustrialLand(t) => match lang {
                crate::i18n::Lang::Zh => format!("{},非工业用地", t.label(lang)),
                crate::i18n::Lang::En => {
                    format!("{} land, not industrial", t.label(lang).to_lowercase())
                }
            },
            Exclusion::Status(s) => match lang {
                crate::i18n::Lang::Zh => format!("{}企业", s.label(lang)),
                crate::i18n::Lang::En => format!("{} firm", s.label(lang).to_lowercase()),
            },
            Exclusion::NoLand => lang.pick("无用地面积", "no land area on record").to_owned(),
        }
    }
}

/// A firm that is not evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct Excluded {
    pub id: NodeId,
    pub name: String,
    pub reason: Exclusion,
}

/// The whole evaluation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LandEvaluation {
    /// 规上 first; a group without firms is left out.
    pub groups: Vec<LandGroup>,
    /// In id order.
    pub excluded: Vec<Excluded>,
}

impl LandEvaluation {
    /// Every evaluated firm, group by group.
    pub fn firms(&self) -> impl Iterator<Item = &LandFirm> {
        self.groups.iter().flat_map(|g| &g.firms)
    }

    /// The class of a firm, when it was evaluated.
    pub fn class_of(&self, id: &NodeId) -> Option<LandGrade> {
        self.firms().find(|f| &f.id == id).map(|f| f.class)
    }
}

/// Why `node` is not evaluated; none when it is.
fn exclusion(node: &Node, land: Option<Decimal>, is_local: bool) -> Option<Exclusion> {
    if !is_local {
        return Some(Exclusion::NotLocal);
    }
    if matches!(
        node.kind,
        NodeKind::PublicInstitution | NodeKind::Institute | NodeKind::Financial
    ) || node.land_type == Some(LandType::Public)
    {
        return Some(Exclusion::Public);
    }
    match node.land_type {
        None => return Some(Exclusion::LandTypeUnknown),
        Some(LandType::Industrial) => {}
        Some(t) => return Some(Exclusion::NotIndustrialLand(t)),
    }
    if node.status != FirmStatus::Operating {
        return Some(Exclusion::Status(node.status));
    }
    land.filter(|l| *l > Decimal::ZERO)
        .is_none()
        .then_some(Exclusion::NoLand)
}

/// Evaluates the enterprise-like nodes `in_scope` accepts, with the project's weights.
pub fn analyse(
    project: &Project,
    in_scope: impl Fn(&Node) -> bool,
    year: Option<Year>,
    local: &dyn Fn(&Node) -> bool,
) -> LandEvaluation {
    let mut evaluation = LandEvaluation::default();
    let mut above = Vec::new();
    let mut below = Vec::new();
    for node in project.nodes.values() {
        if !node.kind.is_enterprise_like() || !in_scope(node) {
            continue;
        }
        let f = figures(node, year);
        let land = f.and_then(|f| f.land_mu);
        if let Some(reason) = exclusion(node, land, local(node)) {
            evaluation.excluded.push(Excluded {
                id: node.id.clone(),
                name: node.name.clone(),
                reason,
            });
            continue;
        }
        let values = indicator_values(node, year);
        let land_mu = land.and_then(|l| l.to_f64()).unwrap_or(0.0);
        let firm = (node, land_mu, values);
        if node.is_above_scale() {
            above.push(firm);
        } else {
            below.push(firm);
        }
    }
    let weights = &project.meta.land_weights;
    for (group, firms) in [
        (ScaleGroup::AboveScale, above),
        (ScaleGroup::BelowScale, below),
    ] {
        if !firms.is_empty() {
            evaluation.groups.push(evaluate(group, firms, weights));
        }
    }
    evaluation
}

/// The six indicator values of a firm (none where a figure is missing or a divisor is 0).
fn indicator_values(node: &Node, year: Option<Year>) -> Indicators<Option<f64>> {
    let f = figures(node, year);
    let get = |v: Option<Decimal>| v.and_then(|d| d.to_f64());
    let ratio = |num: Option<f64>, den: Option<f64>| match (num, den) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d),
        _ => None,
    };
    let land = get(f.and_then(|f| f.land_mu));
    let va = get(f.and_then(|f| f.value_added));
    let revenue = super::leaders::revenue(node, year).map(|r| r.0);
    Indicators {
        tax_per_mu: ratio(get(f.and_then(|f| f.tax)), land),
        va_per_mu: ratio(va, land),
        va_per_energy: ratio(va, get(f.and_then(|f| f.energy_tce))),
        va_per_emission: ratio(va, get(f.and_then(|f| f.emissions_t))),
        labour_productivity: ratio(va, f.and_then(|f| f.employees).map(f64::from)),
        rd_share: ratio(get(f.and_then(|f| f.rd)), revenue),
    }
}

/// Scores and classes one group.
fn evaluate(
    group: ScaleGroup,
    firms: Vec<(&Node, f64, Indicators<Option<f64>>)>,
    weights: &LandWeights,
) -> LandGroup {
    let averages = Indicators::from_fn(|i| {
        let known: Vec<f64> = firms.iter().filter_map(|(_, _, v)| v.get(i)).collect();
        (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
    });
    let mut scored: Vec<LandFirm> = firms
        .into_iter()
        .map(|(node, land_mu, values)| {
            let parts = Indicators::from_fn(|i| match (values.get(i), averages.get(i)) {
                (Some(v), Some(avg)) if avg > 0.0 => i.weight(weights) * (v / avg).min(CAP),
                _ => 0.0,
            });
            LandFirm {
                id: node.id.clone(),
                name: node.name.clone(),
                land_mu,
                values,
                score: Indicator::ALL.iter().map(|&i| parts.get(i)).sum(),
                parts,
                class: LandGrade::C,
            }
        })
        .collect();
    scored.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    let n = scored.len();
    for (rank, firm) in scored.iter_mut().enumerate() {
        firm.class = class_by_rank(rank, n);
    }
    LandGroup {
        group,
        averages,
        firms: scored,
    }
}

/// The class of the firm at `rank` (0 = best) among `n`.
pub fn class_by_rank(rank: usize, n: usize) -> LandGrade {
    let a = (n / 4).max(1);
    let d = if n >= 10 { (n / 20).max(1) } else { n / 20 };
    let b = n / 2;
    if rank < a {
        LandGrade::A
    } else if rank >= n - d {
        LandGrade::D
    } else if rank < a + b {
        LandGrade::B
    } else {
        LandGrade::C
    }
}
