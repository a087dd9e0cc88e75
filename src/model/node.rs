//! Nodes: enterprises and their relatives (cooperatives, village collectives ...), external
//! enterprises, parks and regions.

use super::evaluation::{FirmStatus, LandType};
use super::ids::{NodeId, StageId};
use super::territory::{Boundary, MainFunctionZone, RegionLevel, TownClass};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A calendar year, e.g. 2024.
pub type Year = i32;

/// One bead of the chain, or a park, or a region (the parties of agreements).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Node {
    pub id: NodeId,
    pub name: String,
    pub kind: NodeKind,
    /// Stages this node works in (enterprise-like nodes); the first is its main stage.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageId>,
    /// 统一社会信用代码 (normalised; see `credit_code`): the firm's identity across lists;
    /// empty when not known. Optional in the file: files without it (older ones) load as
    /// before.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub credit_code: String,
    /// The region node (town, county ...) where it sits; none for external enterprises.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<NodeId>,
    /// Free tags: 链主, 规上, 高新, 国有, 联农带农 ...
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// 专精特新 tier, when the firm holds one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub srdi: Option<SrdiTier>,
    // Issue 16 (亩均效益评价, 链主 criteria): statistical size, land type and state of a firm.
    /// 规上: above the statistical size threshold (the tag 规上 of older files counts too).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub above_scale: bool,
    /// What the land it uses is zoned for; unknown when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub land_type: Option<LandType>,
    /// Operating unless said otherwise.
    #[serde(skip_serializing_if = "FirmStatus::is_operating")]
    pub status: FirmStatus,
    /// Level of a park.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub park_level: Option<ParkLevel>,
    /// Level of a region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_level: Option<RegionLevel>,
    /// Class of a town (农业大镇 ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub town_class: Option<TownClass>,
    // Issue 20 (territory): a region's 主体功能区, 禁止开发 flag and outline; additive.
    /// 主体功能区 type of a region; a place without one takes its parent region's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<MainFunctionZone>,
    /// 禁止开发区域: the region (or part of it that the node stands for) is a nature reserve or
    /// the like, where no industry may be placed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_development: bool,
    /// A region's outline (lon/lat), for the territory view; none when not imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boundary: Option<Boundary>,
    /// Yearly figures, by calendar year.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub figures: BTreeMap<Year, Figures>,
    /// Where the node sits on the canvas, in canvas units; none until placed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Pos>,
    /// A pinned node is never moved by a layout.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    // Issue 16 (gaps by capability): additive.
    /// Products the firm can supply besides those of its stages (names as the chain writes them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<String>,
}

/// A point on the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Pos {
    pub x: f32,
    pub y: f32,
}

/// What a node is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// 企业
    #[default]
    Enterprise,
    /// 专业合作社
    Cooperative,
    /// 村集体经济组织
    VillageCollective,
    /// 家庭农场(群)
    FamilyFarms,
    /// 科研院所
    Institute,
    /// 公共服务机构 (testing centre, extension station ...)
    PublicInstitution,
    /// 金融机构
    Financial,
    /// 县外企业: outside the county, counts as non-local.
    ExternalEnterprise,
    /// 园区
    Park,
    /// 行政区 (county, town, city or province government)
    Region,
}

impl NodeKind {
    pub const ALL: [NodeKind; 10] = [
        NodeKind::Enterprise,
        NodeKind::Cooperative,
        NodeKind::VillageCollective,
        NodeKind::FamilyFarms,
        NodeKind::Institute,
        NodeKind::PublicInstitution,
        NodeKind::Financial,
        NodeKind::ExternalEnterprise,
        NodeKind::Park,
        NodeKind::Region,
    ];

    /// Enterprise-like nodes take part in the supply graph; parks and regions do not.
    pub fn is_enterprise_like(self) -> bool {
        !matches!(self, NodeKind::Park | NodeKind::Region)
    }

    /// Local means inside the project's county (DOMAIN.md: everything but external enterprises).
    pub fn is_local(self) -> bool {
        self != NodeKind::ExternalEnterprise
    }

    /// The name used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            NodeKind::Enterprise => "enterprise",
            NodeKind::Cooperative => "cooperative",
            NodeKind::VillageCollective => "village_collective",
            NodeKind::FamilyFarms => "family_farms",
            NodeKind::Institute => "institute",
            NodeKind::PublicInstitution => "public_institution",
            NodeKind::Financial => "financial",
            NodeKind::ExternalEnterprise => "external_enterprise",
            NodeKind::Park => "park",
            NodeKind::Region => "region",
        }
    }

    /// Label in the chosen language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NodeKind::Enterprise => lang.pick("企业", "Enterprise"),
            NodeKind::Cooperative => lang.pick("合作社", "Cooperative"),
            NodeKind::VillageCollective => lang.pick("村集体", "Village collective"),
            NodeKind::FamilyFarms => lang.pick("家庭农场", "Family farms"),
            NodeKind::Institute => lang.pick("科研院所", "Institute"),
            NodeKind::PublicInstitution => lang.pick("公共服务机构", "Public institution"),
            NodeKind::Financial => lang.pick("金融机构", "Financial institution"),
            NodeKind::ExternalEnterprise => lang.pick("县外企业", "External enterprise"),
            NodeKind::Park => lang.pick("园区", "Park"),
            NodeKind::Region => lang.pick("行政区", "Region"),
        }
    }
}

/// 专精特新 tiers, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SrdiTier {
    /// 创新型中小企业
    InnovativeSme,
    /// 省级专精特新中小企业
    Provincial,
    /// 国家级专精特新"小巨人"
    LittleGiant,
    /// 制造业单项冠军
    Champion,
}

impl SrdiTier {
    pub const ALL: [SrdiTier; 4] = [
        SrdiTier::InnovativeSme,
        SrdiTier::Provincial,
        SrdiTier::LittleGiant,
        SrdiTier::Champion,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SrdiTier::InnovativeSme => lang.pick("创新型中小企业", "Innovative SME"),
            SrdiTier::Provincial => lang.pick("省级专精特新", "Provincial SRDI"),
            SrdiTier::LittleGiant => lang.pick("专精特新“小巨人”", "SRDI little giant"),
            SrdiTier::Champion => lang.pick("单项冠军", "Single-product champion"),
        }
    }
}

/// Level of a park.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParkLevel {
    /// 国家级经开区/高新区
    National,
    /// 省级
    Provincial,
    /// 县域工业集中区
    County,
    /// 镇级园区
    Town,
    /// 现代农业产业园
    Agricultural,
}

impl ParkLevel {
    pub const ALL: [ParkLevel; 5] = [
        ParkLevel::National,
        ParkLevel::Provincial,
        ParkLevel::County,
        ParkLevel::Town,
        ParkLevel::Agricultural,
    ];

    /// The name used in files, `--json` and tables.
    pub fn code(self) -> &'static str {
        match self {
            ParkLevel::National => "national",
            ParkLevel::Provincial => "provincial",
            ParkLevel::County => "county",
            ParkLevel::Town => "town",
            ParkLevel::Agricultural => "agricultural",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ParkLevel::National => lang.pick("国家级园区", "National park"),
            ParkLevel::Provincial => lang.pick("省级园区", "Provincial park"),
            ParkLevel::County => lang.pick("县域园区", "County park"),
            ParkLevel::Town => lang.pick("镇级园区", "Town park"),
            ParkLevel::Agricultural => lang.pick("农业产业园", "Agricultural park"),
        }
    }
}

/// One year's figures of a node. Money in the project's unit (万元 by default), land in 亩.
/// A figure that is not known is left out, which is not the same as zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Figures {
    /// 产值
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub output: Option<Decimal>,
    /// 税收
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub tax: Option<Decimal>,
    /// 增加值
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub value_added: Option<Decimal>,
    /// 固定资产投资
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub investment: Option<Decimal>,
    /// 利润 (may be negative)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub profit: Option<Decimal>,
    /// 从业人员
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    /// 用地 (亩)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub land_mu: Option<Decimal>,
    /// 联农带农户数
    #[serde(skip_serializing_if = "Option::is_none")]
    pub farmers_linked: Option<u32>,
    // Issue 16 (亩均效益评价, 链主 criteria, indicators).
    /// 营业收入
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub revenue: Option<Decimal>,
    /// 研发经费支出 (R&D)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub rd: Option<Decimal>,
    /// 综合能耗 (吨标准煤)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub energy_tce: Option<Decimal>,
    /// 主要污染物排放量 (吨)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub emissions_t: Option<Decimal>,
    // Issue 16 (本地配套率 as surveyed): the firm's surveyed purchases that year.
    /// 采购总额 (surveyed)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub purchases: Option<Decimal>,
    /// 本地采购额: the part of `purchases` bought from suppliers inside the county (surveyed)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub local_purchases: Option<Decimal>,
    // Issue 19 (taxes by type and tier; rent): `tax` stays the total, and is the sum of these
    // three when they are given (`Figures::tax_parts`).
    /// 增值税 (VAT), all tiers together
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub vat: Option<Decimal>,
    /// 企业所得税 (corporate income tax), all tiers together
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub cit: Option<Decimal>,
    /// 其他税收: the rest of `tax` (when not given, `tax` − VAT − CIT)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub other_tax: Option<Decimal>,
    /// 租金收入: the rent a park or building earns (分红 of 消薄飞地 after the fixed-return years)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub rent: Option<Decimal>,
    /// 重点项目: the firm's provincial or municipal key projects this year (a count, for the
    /// assessment ledger of 安康-style agreements)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub key_projects: Option<Decimal>,
}

impl Node {
    /// The figures of the latest year on record.
    pub fn latest_figures(&self) -> Option<(Year, &Figures)> {
        self.figures.iter().next_back().map(|(y, f)| (*y, f))
    }

    /// 规上: marked so, or tagged 规上 (as files before issue 16 say it).
    pub fn is_above_scale(&self) -> bool {
        self.above_scale || self.has_tag("规上")
    }

    /// Whether one of its tags is exactly `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// The node's main stage.
    pub fn main_stage(&self) -> Option<&StageId> {
        self.stages.first()
    }
}

/// Tags as people type them in one line: separated by commas or semicolons, ASCII or
/// full-width, or by 、; spaces around each tag dropped, empty tags left out.
pub fn parse_tags(text: &str) -> Vec<String> {
    text.split([',', '，', ';', '；', '、'])
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_on_any_comma_people_type() {
        assert_eq!(
            parse_tags(" 链主, 规上，高新;国有；联农带农、 龙头 "),
            ["链主", "规上", "高新", "国有", "联农带农", "龙头"]
        );
        assert_eq!(parse_tags("a,,  ,b"), ["a", "b"]);
        assert!(parse_tags("").is_empty());
        assert!(parse_tags(" ， ").is_empty());
        assert_eq!(parse_tags("one tag with spaces"), ["one tag with spaces"]);
    }
}
