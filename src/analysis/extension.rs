//! 延链 by conversion (issue 16; DOMAIN.md, "Gap classes"). For a chain whose upstream is farm
//! produce, the national yardstick of the 全国乡村产业发展规划(2020—2025年):
//!
//! - 加工产值比 = output of the chain's processing stages ÷ output of its farming stages
//!   (农产品加工业产值 : 农业总产值), against the project's target (2.8 : 1 by default);
//! - 加工转化率 (by value, where figures exist) = farm produce bought by local processors on
//!   supply links ÷ farm output.
//!
//! Each local firm counts once, under its main stage, by its local share (an enclave firm by
//! its agreement). A stage's activity is the one marked on it; unmarked, it is inferred and the
//! result says so: farming when farm producers (cooperatives, family farms, village
//! collectives) are at least half of its local firms; processing when it is a later, non-support
//! stage of a chain with a farming stage. For other chains the gap report shows value added per
//! stage; gross output is never summed along the chain (it counts the same value again at every
//! step).

use super::local::Localities;
use super::output;
use crate::i18n::Lang;
use crate::model::{
    Chain, ChainId, LinkKind, Node, NodeId, NodeKind, Project, Segment, Stage, StageActivity,
    StageId, Year,
};
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeSet;

/// The target 加工产值比 when the project sets none (national rural-industry plan 2020–2025).
pub const DEFAULT_PROCESSING_TARGET: f64 = 2.8;

/// The conversion figures of one chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Extension {
    pub chain: ChainId,
    /// Its upstream is farm produce: it has a farming stage.
    pub farm: bool,
    /// Some stage's activity was inferred, not marked.
    pub inferred: bool,
    pub farm_stages: Vec<StageId>,
    pub processing_stages: Vec<StageId>,
    /// 农业总产值 of the chain's farming stages (local firms).
    pub primary_output: f64,
    /// 农产品加工业产值 of its processing stages (local firms).
    pub processing_output: f64,
    /// 加工产值比 (processing : farm = ratio : 1); none without farm output.
    pub ratio: Option<f64>,
    pub target: f64,
    /// 加工转化率 by value; none without farm output or supply from farms to processors.
    pub conversion: Option<f64>,
    /// The local processing firms.
    pub processors: Vec<NodeId>,
}

impl Extension {
    /// Whether the ratio falls short of the target (a 延链 gap).
    pub fn short(&self) -> bool {
        self.farm && self.ratio.is_some_and(|r| r < self.target)
    }

    /// "加工产值比 0.42 : 1(目标 2.8 : 1)· 加工转化率 35.0%", with "(环节类型为推断)" when inferred.
    pub fn summary(&self, lang: Lang) -> String {
        if !self.farm {
            return lang
                .pick(
                    "非农产品链:看各环节增加值",
                    "Not a farm-produce chain: see value added by stage",
                )
                .to_owned();
        }
        let ratio = self
            .ratio
            .map(|r| format!("{r:.2} : 1"))
            .unwrap_or_else(|| "—".to_owned());
        let (t, c) = (trim(self.target), super::percent(self.conversion));
        let mut text = match lang {
            Lang::Zh => format!("加工产值比 {ratio}(目标 {t} : 1)· 加工转化率 {c}"),
            Lang::En => format!(
                "processing-to-farm output {ratio} (target {t} : 1) · processing conversion {c}"
            ),
        };
        if self.inferred {
            text.push_str(lang.pick("(环节类型为推断)", " (stage activities inferred)"));
        }
        text
    }
}

/// A number without trailing zeros: 2.8, 3.
fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn is_farm_producer(node: &Node) -> bool {
    matches!(
        node.kind,
        NodeKind::Cooperative | NodeKind::FamilyFarms | NodeKind::VillageCollective
    )
}

/// Each stage's activity in chain order, and whether any was inferred.
fn activities(project: &Project, places: &Localities, chain: &Chain) -> (Vec<StageActivity>, bool) {
    let mut inferred = false;
    let mut seen_farm = false;
    let mut out = Vec::with_capacity(chain.stages.len());
    for stage in &chain.stages {
        let activity = match stage.activity {
            Some(a) => a,
            None => {
                inferred = true;
                infer(project, places, stage, seen_farm)
            }
        };
        seen_farm |= activity == StageActivity::Farming;
        out.push(activity);
    }
    (out, inferred)
}

fn infer(project: &Project, places: &Localities, stage: &Stage, after_farm: bool) -> StageActivity {
    if stage.segment == Segment::Support {
        return StageActivity::Other;
    }
    let local: Vec<&Node> = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() && n.stages.contains(&stage.id))
        .filter(|n| places.is_local(&n.id))
        .collect();
    let farmers = local.iter().filter(|n| is_farm_producer(n)).count();
    if !local.is_empty() && 2 * farmers >= local.len() {
        StageActivity::Farming
    } else if after_farm {
        StageActivity::Processing
    } else {
        StageActivity::Other
    }
}

/// The conversion figures of a chain for the year.
pub fn extension(
    project: &Project,
    places: &Localities,
    chain: &Chain,
    year: Option<Year>,
) -> Extension {
    let (acts, inferred) = activities(project, places, chain);
    let with = |a: StageActivity| -> BTreeSet<&StageId> {
        chain
            .stages
            .iter()
            .zip(&acts)
            .filter(|(_, x)| **x == a)
            .map(|(s, _)| &s.id)
            .collect()
    };
    let (farm, processing) = (
        with(StageActivity::Farming),
        with(StageActivity::Processing),
    );
    let local_in = |set: &BTreeSet<&StageId>| -> Vec<&Node> {
        project
            .nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like() && places.is_local(&n.id))
            .filter(|n| n.main_stage().is_some_and(|s| set.contains(s)))
            .collect()
    };
    let sum = |nodes: &[&Node]| -> f64 {
        nodes
            .iter()
            .map(|n| output(n, year) * places.weight(&n.id))
            .sum()
    };
    let (farmers, processors) = (local_in(&farm), local_in(&processing));
    let primary_output = sum(&farmers);
    let processing_output = sum(&processors);
    let farmer_ids: BTreeSet<&NodeId> = farmers.iter().map(|n| &n.id).collect();
    let processor_ids: BTreeSet<&NodeId> = processors.iter().map(|n| &n.id).collect();
    let bought: Vec<f64> = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
        .filter(|l| farmer_ids.contains(&l.from) && processor_ids.contains(&l.to))
        .filter_map(|l| {
            let v = l.value.and_then(|v| v.to_f64())?;
            Some(v * places.weight(&l.from) * places.weight(&l.to))
        })
        .collect();
    let has_farm = !farm.is_empty();
    Extension {
        chain: chain.id.clone(),
        farm: has_farm,
        inferred,
        farm_stages: farm.into_iter().cloned().collect(),
        processing_stages: processing.into_iter().cloned().collect(),
        primary_output,
        processing_output,
        ratio: (has_farm && primary_output > 0.0).then(|| processing_output / primary_output),
        target: project
            .meta
            .processing_target
            .and_then(|t| t.to_f64())
            .unwrap_or(DEFAULT_PROCESSING_TARGET),
        conversion: (primary_output > 0.0 && !bought.is_empty())
            .then(|| bought.iter().sum::<f64>() / primary_output),
        processors: processors.iter().map(|n| n.id.clone()).collect(),
    }
}

/// The 延链 gap of a farm chain whose 加工产值比 falls short of its target.
pub fn gap(project: &Project, ext: &Extension) -> Option<super::Gap> {
    if !ext.short() {
        return None;
    }
    let name = project
        .chains
        .get(&ext.chain)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let (r, t) = (ext.ratio.unwrap_or(0.0), trim(ext.target));
    let (p, f) = (ext.processing_output, ext.primary_output);
    let (mut zh, mut en) = (
        format!("“{name}”加工产值比 {r:.2} : 1,低于目标 {t} : 1(加工产值 {p:.0},农业产值 {f:.0})"),
        format!(
            "\"{name}\": processing output is {r:.2} times farm output, below the target of {t} (processing {p:.0}, farm {f:.0})"
        ),
    );
    if ext.inferred {
        zh.push_str(",环节类型为推断");
        en.push_str("; stage activities inferred");
    }
    let mut gap = super::Gap::new(
        super::GapClass::Extend,
        None,
        None,
        ext.processors.clone(),
        (zh, en),
        (
            "发展农产品加工特别是精深加工,提高加工转化率",
            "grow processing, deep processing above all, and process more of the county's produce",
        ),
    );
    // Its priority's value at stake: the farm output not processed in the county (the part
    // local processors do not buy on supply links); the gap priority reads it from here.
    gap.priority.value_at_stake =
        (ext.primary_output * (1.0 - ext.conversion.unwrap_or(0.0))).max(0.0);
    Some(gap)
}
