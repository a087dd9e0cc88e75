//! The indicator dashboard (docs/INDICATORS.md §7): what counties report about a chain, year by
//! year, over the local firms in scope that have figures for the year.
//!
//! - 规上 firms: how many are 规上;
//! - output (产值) and value added (增加值): sums;
//! - 龙头带动率: the output of the 链主 and 龙头 (firms tagged so; without any, the firms meeting
//!   the 链主 criteria that year) ÷ all output;
//! - CR4 / CR8: the output of the 4 / 8 largest firms ÷ all output;
//! - 研发投入强度: Σ R&D ÷ Σ revenue of the 规上 firms (of every firm when none is 规上);
//! - 专精特新 (a tier or a tag naming it), 高新 (a tag naming 高新), brands (a tag naming 品牌,
//!   商标 or 老字号) and 地理标志 (a tag naming it): counts of firms;
//! - farmers linked (联农带农户数): the sum;
//! - 本地配套率 (link-based): supply links carry no year, so it is the analysed year's only.

use super::figures;
use super::leaders::{revenue, tagged_leader};
use crate::model::{Node, Project, Year};
use rust_decimal::prelude::ToPrimitive;

/// One year's indicators.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorYear {
    pub year: Year,
    /// Local firms with figures for the year.
    pub firms: usize,
    pub above_scale_firms: usize,
    pub output: f64,
    /// None when no firm reports value added.
    pub value_added: Option<f64>,
    pub leader_output_share: Option<f64>,
    pub cr4: Option<f64>,
    pub cr8: Option<f64>,
    pub rd_intensity: Option<f64>,
    pub srdi_firms: usize,
    pub high_tech_firms: usize,
    pub brands: usize,
    pub geographical_indications: usize,
    pub farmers_linked: u64,
    /// Link-based 本地配套率: the analysed year only.
    pub local_supporting_rate_links: Option<f64>,
    /// Surveyed 本地配套率 over the key buyers with a survey: the analysed year only.
    pub local_supporting_rate_surveyed: Option<f64>,
    /// 加工产值比 of the farm chains together (x : 1): the analysed year only.
    pub processing_ratio: Option<f64>,
    /// 加工转化率 of the farm chains together: the analysed year only.
    pub processing_conversion: Option<f64>,
}

/// What the analysis worked out for the analysed year only (the rates and the 延链 figures
/// come from the gap analysis, not from one year's figures alone).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AnalysedYear {
    pub links_rate: Option<f64>,
    pub surveyed_rate: Option<f64>,
    pub processing_ratio: Option<f64>,
    pub processing_conversion: Option<f64>,
}

/// The dashboard: every year with figures, oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorReport {
    pub years: Vec<IndicatorYear>,
}

/// How a row's value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Count,
    Money,
    Rate,
    /// "2.32 : 1"
    Ratio,
}

/// One row of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Row {
    AboveScaleFirms,
    #[default]
    Output,
    ValueAdded,
    LeaderOutputShare,
    Cr4,
    Cr8,
    RdIntensity,
    SrdiFirms,
    HighTechFirms,
    Brands,
    GeographicalIndications,
    FarmersLinked,
    LocalSupportingRateLinks,
    LocalSupportingRateSurveyed,
    ProcessingRatio,
    ProcessingConversion,
}

impl Row {
    pub const ALL: [Row; 16] = [
        Row::AboveScaleFirms,
        Row::Output,
        Row::ValueAdded,
        Row::LeaderOutputShare,
        Row::Cr4,
        Row::Cr8,
        Row::RdIntensity,
        Row::SrdiFirms,
        Row::HighTechFirms,
        Row::Brands,
        Row::GeographicalIndications,
        Row::FarmersLinked,
        Row::LocalSupportingRateLinks,
        Row::LocalSupportingRateSurveyed,
        Row::ProcessingRatio,
        Row::ProcessingConversion,
    ];

    /// The key in `analyze --json` and the exports.
    pub fn code(self) -> &'static str {
        match self {
            Row::AboveScaleFirms => "above_scale_firms",
            Row::Output => "output",
            Row::ValueAdded => "value_added",
            Row::LeaderOutputShare => "leader_output_share",
            Row::Cr4 => "cr4",
            Row::Cr8 => "cr8",
            Row::RdIntensity => "rd_intensity",
            Row::SrdiFirms => "srdi_firms",
            Row::HighTechFirms => "high_tech_firms",
            Row::Brands => "brands",
            Row::GeographicalIndications => "geographical_indications",
            Row::FarmersLinked => "farmers_linked",
            Row::LocalSupportingRateLinks => "local_supporting_rate_links",
            Row::LocalSupportingRateSurveyed => "local_supporting_rate_surveyed",
            Row::ProcessingRatio => "processing_ratio",
            Row::ProcessingConversion => "processing_conversion",
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Row::AboveScaleFirms => lang.pick("规上企业数", "Firms above scale (规上)"),
            Row::Output => lang.pick("产值", "Output"),
            Row::ValueAdded => lang.pick("增加值", "Value added"),
            Row::LeaderOutputShare => lang.pick("龙头带动率", "Leaders' output share"),
            Row::Cr4 => lang.pick("CR4(前4家产值占比)", "CR4 (top 4 output share)"),
            Row::Cr8 => lang.pick("CR8(前8家产值占比)", "CR8 (top 8 output share)"),
            Row::RdIntensity => lang.pick("研发投入强度", "R&D intensity"),
            Row::SrdiFirms => lang.pick("专精特新企业数", "SRDI firms (专精特新)"),
            Row::HighTechFirms => lang.pick("高新技术企业数", "High-tech firms (高新)"),
            Row::Brands => lang.pick("品牌数", "Brands"),
            Row::GeographicalIndications => lang.pick("地理标志数", "Geographical indications"),
            Row::FarmersLinked => lang.pick("联农带农户数", "Farmers linked"),
            Row::LocalSupportingRateLinks => {
                lang.pick("本地配套率(按连线)", "Local supporting rate (links)")
            }
            Row::LocalSupportingRateSurveyed => {
                lang.pick("本地配套率(调查)", "Local supporting rate (surveyed)")
            }
            Row::ProcessingRatio => lang.pick("加工产值比", "Processing : farm output"),
            Row::ProcessingConversion => lang.pick("加工转化率", "Processing conversion rate"),
        }
    }

    pub fn measure(self) -> Measure {
        match self {
            Row::Output | Row::ValueAdded => Measure::Money,
            Row::LeaderOutputShare
            | Row::Cr4
            | Row::Cr8
            | Row::RdIntensity
            | Row::LocalSupportingRateLinks
            | Row::LocalSupportingRateSurveyed
            | Row::ProcessingConversion => Measure::Rate,
            Row::ProcessingRatio => Measure::Ratio,
            _ => Measure::Count,
        }
    }

    /// The row's value in a year; none when undefined.
    pub fn value(self, y: &IndicatorYear) -> Option<f64> {
        let count = |n: usize| Some(n as f64);
        match self {
            Row::AboveScaleFirms => count(y.above_scale_firms),
            Row::Output => Some(y.output),
            Row::ValueAdded => y.value_added,
            Row::LeaderOutputShare => y.leader_output_share,
            Row::Cr4 => y.cr4,
            Row::Cr8 => y.cr8,
            Row::RdIntensity => y.rd_intensity,
            Row::SrdiFirms => count(y.srdi_firms),
            Row::HighTechFirms => count(y.high_tech_firms),
            Row::Brands => count(y.brands),
            Row::GeographicalIndications => count(y.geographical_indications),
            Row::FarmersLinked => Some(y.farmers_linked as f64),
            Row::LocalSupportingRateLinks => y.local_supporting_rate_links,
            Row::LocalSupportingRateSurveyed => y.local_supporting_rate_surveyed,
            Row::ProcessingRatio => y.processing_ratio,
            Row::ProcessingConversion => y.processing_conversion,
        }
    }
}

impl IndicatorReport {
    /// A row's change from the year before `year` to `year`: a difference for counts and
    /// rates (rates in percentage points ÷ 100), a relative change for money; none without
    /// both values (or, for money, from 0).
    pub fn change(&self, row: Row, year: Year) -> Option<f64> {
        let at = self.years.iter().position(|y| y.year == year)?;
        let now = row.value(&self.years[at])?;
        let before = row.value(self.years.get(at.checked_sub(1)?)?)?;
        match row.measure() {
            Measure::Money => (before > 0.0).then(|| now / before - 1.0),
            _ => Some(now - before),
        }
    }

    /// The latest year's indicators.
    pub fn latest(&self) -> Option<&IndicatorYear> {
        self.years.last()
    }
}

fn tag_names(node: &Node, words: &[&str]) -> bool {
    node.tags
        .iter()
        .any(|t| words.iter().any(|w| t.contains(w)))
}

/// The dashboard over the local enterprise-like nodes `in_scope` accepts; `analysed` is the
/// analysed year and `figures` what the analysis worked out for it alone.
pub fn analyse(
    project: &Project,
    in_scope: impl Fn(&Node) -> bool,
    analysed: Option<Year>,
    figures: AnalysedYear,
    local: &dyn Fn(&Node) -> bool,
) -> IndicatorReport {
    let firms: Vec<&Node> = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() && local(n) && in_scope(n))
        .collect();
    let mut years: Vec<Year> = firms
        .iter()
        .flat_map(|n| n.figures.keys().copied())
        .collect();
    years.sort_unstable();
    years.dedup();
    let latest = years.last().copied();
    let years = years
        .into_iter()
        .map(|year| {
            let mut y = one_year(project, &firms, year);
            if Some(year) == analysed.or(latest) {
                y.local_supporting_rate_links = figures.links_rate;
                y.local_supporting_rate_surveyed = figures.surveyed_rate;
                y.processing_ratio = figures.processing_ratio;
                y.processing_conversion = figures.processing_conversion;
            }
            y
        })
        .collect();
    IndicatorReport { years }
}

/// The indicators of one year over the firms with figures for it.
fn one_year(project: &Project, all: &[&Node], year: Year) -> IndicatorYear {
    let firms: Vec<&Node> = all
        .iter()
        .copied()
        .filter(|n| n.figures.contains_key(&year))
        .collect();
    let at = Some(year);
    let num = |v: Option<rust_decimal::Decimal>| v.and_then(|d| d.to_f64());
    let output_of = |n: &Node| num(figures(n, at).and_then(|f| f.output)).unwrap_or(0.0);
    let output: f64 = firms.iter().map(|n| output_of(n)).sum::<f64>() + 0.0;
    // `+ 0.0`: a sum of nothing is −0.0, which would read "-0.0%".
    let share = |part: f64| (output > 0.0).then(|| part / output + 0.0);
    let value_added = firms
        .iter()
        .filter_map(|n| num(figures(n, at).and_then(|f| f.value_added)))
        .fold(None, |acc: Option<f64>, v| Some(acc.unwrap_or(0.0) + v));
    let mut outputs: Vec<f64> = firms.iter().map(|n| output_of(n)).collect();
    outputs.sort_by(|a, b| b.total_cmp(a));
    let top = |k: usize| share(outputs.iter().take(k).sum());
    let min = project
        .meta
        .leader_criteria
        .min_revenue
        .to_f64()
        .unwrap_or(0.0);
    let mut leaders: Vec<&&Node> = firms.iter().filter(|n| tagged_leader(n)).collect();
    if leaders.is_empty() {
        leaders = firms
            .iter()
            // The firms here are the local ones already.
            .filter(|n| super::leaders::eligible(n, at, min, true))
            .collect();
    }
    let above: Vec<&&Node> = firms.iter().filter(|n| n.is_above_scale()).collect();
    let rd_base: Vec<&&Node> = if above.is_empty() {
        firms.iter().collect()
    } else {
        above.clone()
    };
    let rd: Vec<f64> = rd_base
        .iter()
        .filter_map(|n| num(figures(n, at).and_then(|f| f.rd)))
        .collect();
    let revenue_sum: f64 = rd_base
        .iter()
        .filter_map(|n| revenue(n, at).map(|r| r.0))
        .sum();
    let count = |words: &[&str]| firms.iter().filter(|n| tag_names(n, words)).count();
    IndicatorYear {
        year,
        firms: firms.len(),
        above_scale_firms: above.len(),
        output,
        value_added,
        leader_output_share: share(leaders.iter().map(|n| output_of(n)).sum()),
        cr4: top(4),
        cr8: top(8),
        rd_intensity: (!rd.is_empty() && revenue_sum > 0.0)
            .then(|| rd.iter().sum::<f64>() / revenue_sum),
        srdi_firms: firms
            .iter()
            .filter(|n| n.srdi.is_some() || tag_names(n, &["专精特新"]))
            .count(),
        high_tech_firms: count(&["高新"]),
        brands: count(&["品牌", "商标", "老字号"]),
        geographical_indications: count(&["地理标志"]),
        farmers_linked: firms
            .iter()
            .filter_map(|n| figures(n, at).and_then(|f| f.farmers_linked))
            .map(u64::from)
            .sum(),
        local_supporting_rate_links: None,
        local_supporting_rate_surveyed: None,
        processing_ratio: None,
        processing_conversion: None,
    }
}

/// A row's value as people read it: counts whole, money with no decimals, rates in % ("—" when
/// undefined).
pub fn format_value(row: Row, v: Option<f64>) -> String {
    match (row.measure(), v) {
        (_, None) => "—".to_owned(),
        (Measure::Count, Some(v)) => format!("{v:.0}"),
        (Measure::Money, Some(v)) => format!("{v:.0}"),
        (Measure::Rate, v) => super::percent(v),
        (Measure::Ratio, Some(v)) => format!("{v:.2} : 1"),
    }
}

/// A row's change as people read it: "+2", "+12.5%" for money, "+3.1 pp" for rates.
pub fn format_change(row: Row, c: f64) -> String {
    match row.measure() {
        Measure::Count => format!("{c:+.0}"),
        Measure::Money => format!("{:+.1}%", c * 100.0),
        Measure::Rate => format!("{:+.1} pp", c * 100.0),
        Measure::Ratio => format!("{c:+.2}"),
    }
}
