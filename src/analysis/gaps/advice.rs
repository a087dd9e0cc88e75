//! What to do about a gap, fitting the node it is about (issue 16): a public testing centre is
//! told to raise its capability, a group of cooperatives to scale up, the chain leader to
//! secure its own supply, a firm to grow a second supplier. Each function gives (zh, en).

use super::rates::is_leader;
use crate::model::{Node, NodeKind, Segment, Stage, StageActivity};

pub type Advice = (&'static str, &'static str);

fn is_public(node: &Node) -> bool {
    matches!(
        node.kind,
        NodeKind::PublicInstitution | NodeKind::Institute | NodeKind::Financial
    )
}

fn is_farm_producer(node: &Node) -> bool {
    matches!(
        node.kind,
        NodeKind::Cooperative | NodeKind::FamilyFarms | NodeKind::VillageCollective
    )
}

/// 补链: a stage or a required product no local firm can supply.
pub fn fill(stage: &Stage) -> Advice {
    fill_segment(stage.segment)
}

/// 补链 by the segment of the stage lacking: services are brought in, goods attracted.
pub fn fill_segment(segment: Segment) -> Advice {
    if segment == Segment::Support {
        (
            "引进服务机构或共建公共服务平台",
            "bring in a service provider or set up a shared public platform",
        )
    } else {
        (
            "招引或培育能供应的本地企业",
            "attract or grow a local firm that can supply it",
        )
    }
}

/// 延链: a downstream stage of the reference chain the county's stages could extend into, by
/// what the stage does: processing is attracted to the county's produce, brands, trade and
/// tourism are built on it.
pub fn extend_reference(stage: Option<&Stage>) -> Advice {
    if stage.is_some_and(|s| s.activity == Some(StageActivity::Processing)) {
        (
            "引进或培育精深加工企业,就地转化本县产品,提高附加值",
            "attract or grow deep-processing firms that turn the county's produce into higher-value goods",
        )
    } else {
        (
            "依托本县已有产品发展品牌营销、电商或农文旅,提高附加值",
            "build brands, e-commerce or agri-tourism on the county's products for higher value added",
        )
    }
}

/// 强链: a stage with no 规上, 专精特新 or 高新 firm, by who works in it.
pub fn strengthen_stage(members: &[&Node]) -> Advice {
    if !members.is_empty() && members.iter().all(|n| is_public(n)) {
        (
            "提升检测和研发能力,争取资质认定",
            "raise testing and research capability; seek accreditation",
        )
    } else if !members.is_empty() && members.iter().all(|n| is_farm_producer(n)) {
        (
            "培育示范合作社和龙头企业,推进规模化、标准化",
            "grow model cooperatives and a leading firm; scale up and standardise",
        )
    } else {
        (
            "培育规上、专精特新或高新技术企业",
            "grow firms to above-scale, 专精特新 or high-tech status",
        )
    }
}

/// 强链: local supply covers less than half of what local buyers buy.
pub const STRENGTHEN_SHARE: Advice = (
    "扩大本地产能,组织本地供需对接",
    "expand local capacity and match local buyers with local suppliers",
);

/// 强链: supply concentrated on few of the firms that could supply, by the largest supplier.
pub fn strengthen_concentration(largest: Option<&Node>) -> Advice {
    match largest {
        Some(n) if is_public(n) => (
            "提升检测能力,扩大服务覆盖",
            "raise testing capability and reach more firms",
        ),
        _ => (
            "支持其他有能力的供应商扩大供应",
            "help the other capable suppliers grow their share",
        ),
    }
}

/// 固链: a key buyer gets a product only from outside the county.
pub fn secure_outside(local_capable: bool) -> Advice {
    if local_capable {
        (
            "对接本地有能力的供应商,建立第二来源",
            "match it with a capable local supplier as a second source",
        )
    } else {
        (
            "签订长期供货协议,并招引本地供应",
            "sign long-term supply contracts and attract a local supplier",
        )
    }
}

/// 固链: one local supplier serves several local buyers, by who the supplier is.
pub fn secure_single(supplier: &Node) -> Advice {
    if is_public(supplier) {
        (
            "提升检测能力,保障服务连续性",
            "raise testing capability and keep the service running",
        )
    } else if is_farm_producer(supplier) {
        (
            "扩大基地规模,组织更多农户",
            "expand the growing base and organise more farmers",
        )
    } else if is_leader(supplier) {
        (
            "链主保供:签订长期协议,带动配套企业",
            "the chain leader secures supply: long-term contracts, bring in partner firms",
        )
    } else {
        (
            "签订保供协议,培育备份供应商",
            "sign supply-security agreements and grow a backup supplier",
        )
    }
}
