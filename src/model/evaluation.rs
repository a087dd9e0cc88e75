//! Issue 16: what the 链主 criteria and the 亩均效益评价 need from the project and its firms —
//! a firm's land type and state (evaluated only on industrial land while operating), and the
//! project's settings: the 链主 revenue threshold and score weights, the 亩均 indicator weights.
//! Every default is documented in docs/INDICATORS.md with its source.

use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What the land a firm uses is zoned for (用地类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LandType {
    /// 工业用地: the only land the 亩均 evaluation assesses.
    Industrial,
    /// 农用地 / 设施农业用地
    Agricultural,
    /// 商服用地
    Commercial,
    /// 公共管理与公共服务用地
    Public,
}

impl LandType {
    pub const ALL: [LandType; 4] = [
        LandType::Industrial,
        LandType::Agricultural,
        LandType::Commercial,
        LandType::Public,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LandType::Industrial => "industrial",
            LandType::Agricultural => "agricultural",
            LandType::Commercial => "commercial",
            LandType::Public => "public",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LandType::Industrial => lang.pick("工业用地", "Industrial"),
            LandType::Agricultural => lang.pick("农业用地", "Agricultural"),
            LandType::Commercial => lang.pick("商服用地", "Commercial"),
            LandType::Public => lang.pick("公共服务用地", "Public"),
        }
    }
}

/// Where a firm is in its life (企业状态): new, under construction and relocated firms are not
/// yet (or no longer) comparable and are left unclassified.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum FirmStatus {
    /// 正常生产经营 (what a firm is unless said otherwise)
    #[default]
    Operating,
    /// 新建投产 (not a full year of production yet)
    New,
    /// 在建
    UnderConstruction,
    /// 搬迁 / 关停
    Relocated,
}

impl FirmStatus {
    pub const ALL: [FirmStatus; 4] = [
        FirmStatus::Operating,
        FirmStatus::New,
        FirmStatus::UnderConstruction,
        FirmStatus::Relocated,
    ];

    /// For serde: the default is not written, so older files re-save unchanged.
    pub fn is_operating(&self) -> bool {
        *self == FirmStatus::Operating
    }

    pub fn code(self) -> &'static str {
        match self {
            FirmStatus::Operating => "operating",
            FirmStatus::New => "new",
            FirmStatus::UnderConstruction => "under_construction",
            FirmStatus::Relocated => "relocated",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FirmStatus::Operating => lang.pick("正常经营", "Operating"),
            FirmStatus::New => lang.pick("新建投产", "New"),
            FirmStatus::UnderConstruction => lang.pick("在建", "Under construction"),
            FirmStatus::Relocated => lang.pick("搬迁/关停", "Relocated"),
        }
    }
}

/// Who may be a 链主 candidate and how candidates are scored (DOMAIN.md: criteria first, then a
/// transparent score).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeaderCriteria {
    /// Minimum revenue (营业收入) in the project's money unit; 10,000 万元 (1 亿元) by default.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    pub min_revenue: Decimal,
    pub weights: LeaderWeights,
}

impl Default for LeaderCriteria {
    fn default() -> Self {
        Self {
            min_revenue: Decimal::from(10_000),
            weights: LeaderWeights::default(),
        }
    }
}

impl LeaderCriteria {
    /// For serde: the defaults are not written, so older files re-save unchanged.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// The weights of the parts of a 链主 candidate's score (any scale: the score divides by their
/// sum, so it stays 0–100).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeaderWeights {
    /// 营收占全链比重
    pub revenue_share: f64,
    /// 带动本地配套企业数
    pub local_suppliers: f64,
    /// 联农带农户数
    pub farmers: f64,
    /// 研发投入强度
    pub rd_intensity: f64,
    /// 枢纽位置 (betweenness)
    pub hub: f64,
}

impl Default for LeaderWeights {
    fn default() -> Self {
        Self {
            revenue_share: 30.0,
            local_suppliers: 25.0,
            farmers: 15.0,
            rd_intensity: 15.0,
            hub: 15.0,
        }
    }
}

/// The weights of the six 亩均 indicators (浙江 亩均论英雄 practice: 30/20/20/10/10/10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LandWeights {
    /// 亩均税收
    pub tax_per_mu: f64,
    /// 亩均增加值
    pub va_per_mu: f64,
    /// 单位能耗增加值
    pub va_per_energy: f64,
    /// 单位排放增加值
    pub va_per_emission: f64,
    /// 全员劳动生产率
    pub labour_productivity: f64,
    /// 研发投入占比
    pub rd_share: f64,
}

impl Default for LandWeights {
    fn default() -> Self {
        Self {
            tax_per_mu: 30.0,
            va_per_mu: 20.0,
            va_per_energy: 20.0,
            va_per_emission: 10.0,
            labour_productivity: 10.0,
            rd_share: 10.0,
        }
    }
}

impl LandWeights {
    /// For serde: the defaults are not written, so older files re-save unchanged.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Whether a weight is usable: a finite number, not negative.
pub fn weight_ok(w: f64) -> bool {
    w.is_finite() && w >= 0.0
}
