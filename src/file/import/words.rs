//! Rules for the words in cells and rows, as data: what a yes/no column does and the words that
//! say yes or no, 专精特新 tiers named in a cell, the 企业类型 words of each kind of node, the
//! words that tell a new stage's segment, and the rows that are not firms (合计, notes) or are
//! the upper row of a two-row header.

use super::mapping::Flag;
use crate::model::{NodeKind, Segment, SrdiTier};

/// What a flag column does to a firm when its cell says yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagEffect {
    /// Sets the 专精特新 tier (this one unless the cell names another).
    Srdi(SrdiTier),
    /// Adds the tag.
    Tag(&'static str),
}

/// Each flag column's label and effect.
pub const FLAGS: &[(Flag, (&str, &str), FlagEffect)] = &[
    (
        Flag::Srdi,
        ("是否专精特新", "SRDI (yes/no)"),
        FlagEffect::Srdi(SrdiTier::Provincial),
    ),
    (
        Flag::LittleGiant,
        ("是否小巨人", "little giant (yes/no)"),
        FlagEffect::Srdi(SrdiTier::LittleGiant),
    ),
    (
        Flag::AboveScale,
        ("是否规上", "above scale (yes/no)"),
        FlagEffect::Tag("规上"),
    ),
    (
        Flag::HighTech,
        ("是否高新技术企业", "high-tech (yes/no)"),
        FlagEffect::Tag("高新"),
    ),
    (
        Flag::ChainLeader,
        ("是否链主", "chain leader (yes/no)"),
        FlagEffect::Tag("链主"),
    ),
    (
        Flag::Leading,
        ("是否龙头企业", "leading firm (yes/no)"),
        FlagEffect::Tag("龙头"),
    ),
];

/// Cells that say yes, and cells that say no, in a flag column (lower case, half-width). An
/// empty cell says nothing.
pub const YES_WORDS: &[&str] = &["是", "√", "✓", "✔", "y", "yes", "1", "true", "有", "●", "★"];
pub const NO_WORDS: &[&str] = &[
    "否", "×", "✗", "✘", "n", "no", "0", "false", "无", "不是", "-", "—", "/",
];

/// 专精特新 tiers named in a cell (`国家级小巨人`), most specific first.
pub const SRDI_TIER_WORDS: &[(&str, SrdiTier)] = &[
    ("单项冠军", SrdiTier::Champion),
    ("小巨人", SrdiTier::LittleGiant),
    ("国家级", SrdiTier::LittleGiant),
    ("省级", SrdiTier::Provincial),
    ("市级", SrdiTier::Provincial),
    ("专精特新中小企业", SrdiTier::Provincial),
    ("创新型", SrdiTier::InnovativeSme),
];

/// 企业类型 words and the kind of node they make, most specific first (a 股份经济合作社 is a
/// village collective, not a cooperative). A cell containing the word matches.
pub const KIND_WORDS: &[(&str, NodeKind)] = &[
    ("县外", NodeKind::ExternalEnterprise),
    ("外地", NodeKind::ExternalEnterprise),
    ("村集体", NodeKind::VillageCollective),
    ("股份经济合作社", NodeKind::VillageCollective),
    ("经济合作社", NodeKind::VillageCollective),
    ("村经济", NodeKind::VillageCollective),
    ("家庭农场", NodeKind::FamilyFarms),
    ("合作社", NodeKind::Cooperative),
    ("合作联社", NodeKind::Cooperative),
    ("研究所", NodeKind::Institute),
    ("研究院", NodeKind::Institute),
    ("科研院所", NodeKind::Institute),
    ("高校", NodeKind::Institute),
    ("大学", NodeKind::Institute),
    ("银行", NodeKind::Financial),
    ("信用社", NodeKind::Financial),
    ("担保", NodeKind::Financial),
    ("保险", NodeKind::Financial),
    ("金融", NodeKind::Financial),
    ("事业单位", NodeKind::PublicInstitution),
    ("检测", NodeKind::PublicInstitution),
    ("服务中心", NodeKind::PublicInstitution),
    ("推广站", NodeKind::PublicInstitution),
    ("公司", NodeKind::Enterprise),
    ("企业", NodeKind::Enterprise),
    ("个体", NodeKind::Enterprise),
    ("工商户", NodeKind::Enterprise),
    ("独资", NodeKind::Enterprise),
    ("合伙", NodeKind::Enterprise),
    ("厂", NodeKind::Enterprise),
];

/// Words in a stage's name that tell its segment, for stages an enterprises table names that
/// the chain does not have yet; most specific first. None of these: midstream.
pub const SEGMENT_HINTS: &[(&str, Segment)] = &[
    ("检测", Segment::Support),
    ("金融", Segment::Support),
    ("研发", Segment::Support),
    ("科研", Segment::Support),
    ("服务", Segment::Support),
    ("销售", Segment::Downstream),
    ("物流", Segment::Downstream),
    ("冷链", Segment::Downstream),
    ("电商", Segment::Downstream),
    ("品牌", Segment::Downstream),
    ("零售", Segment::Downstream),
    ("餐饮", Segment::Downstream),
    ("旅游", Segment::Downstream),
    ("文旅", Segment::Downstream),
    ("种苗", Segment::Upstream),
    ("育种", Segment::Upstream),
    ("菌种", Segment::Upstream),
    ("原料", Segment::Upstream),
    ("饲料", Segment::Upstream),
    ("农资", Segment::Upstream),
    ("种植", Segment::Upstream),
    ("养殖", Segment::Upstream),
    ("基地", Segment::Upstream),
    ("加工", Segment::Midstream),
    ("制造", Segment::Midstream),
];

/// Words that end the upper cell of a two-row header over several figure columns, besides a
/// year or a unit: 主要经济指标 over 产值 | 税收.
pub const GROUP_WORDS: &[&str] = &[
    "指标",
    "情况",
    "数据",
    "经济",
    "效益",
    "figures",
    "indicators",
];

/// Rows that are sums of the rows above, not firms: a cell among a row's first three equal to
/// one of these, or starting with one (`合计(35家)`).
pub const TOTAL_WORDS: &[&str] = &[
    "合计",
    "小计",
    "总计",
    "共计",
    "总合计",
    "total",
    "subtotal",
];

/// Rows below a table that are notes, not firms: their first cell starts with one of these.
pub const NOTE_PREFIXES: &[&str] = &[
    "注:",
    "注1",
    "注 ",
    "注。",
    "备注:",
    "说明:",
    "说明",
    "数据来源",
    "资料来源",
    "来源:",
    "填表人",
    "制表人",
    "制表:",
    "制表单位",
    "审核人",
    "负责人",
    "联系人",
    "联系电话",
    "填报日期",
    "填表日期",
    "统计时间",
    "note:",
    "notes:",
    "source:",
];
