//! The headline figures of both sides, each read from the analysis:
//!
//! - `local_supporting_rate` (本地配套率): `Analysis::local_supporting_rate`, over the key buyers;
//! - `stage_coverage` (环节覆盖率) and `product_completeness` (产品完整度): `Completeness`;
//! - `gaps_<class>` (补链, 强链, 延链, 固链): how many gaps of the class the analysis finds;
//! - `firms`: the local enterprise-like nodes (enclave firms with a share included);
//! - `leader_candidates`: the firms meeting the 链主 criteria;
//! - `above_scale_firms`, `output`, `value_added`, `farmers_linked`: the indicator dashboard's
//!   figures for the year (over the local firms with figures that year); none when a side has
//!   no figures for it.

use super::{Sides, differs};
use crate::analysis::indicators::{IndicatorYear, Row};
use crate::analysis::{Analysis, GapClass};
use crate::i18n::Lang;
use crate::model::{Project, Year};

/// How a figure reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A fraction 0–1, shown as a percentage.
    Percent,
    /// A number of things.
    Count,
    /// An amount in the project's unit (万元).
    Amount,
}

impl FigureKind {
    pub fn code(self) -> &'static str {
        match self {
            FigureKind::Percent => "percent",
            FigureKind::Count => "count",
            FigureKind::Amount => "amount",
        }
    }
}

/// One headline figure on both sides; none where it is undefined ("—").
#[derive(Debug, Clone, PartialEq)]
pub struct FigureDelta {
    /// Its key in JSON: `local_supporting_rate`, `gaps_missing` …
    pub code: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub a: Option<f64>,
    pub b: Option<f64>,
    pub kind: FigureKind,
}

impl FigureDelta {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }

    /// Whether the two sides differ (one undefined and the other not counts).
    pub fn changed(&self) -> bool {
        differs(self.a, self.b)
    }

    /// B − A; none unless both are defined.
    pub fn delta(&self) -> Option<f64> {
        Some(self.b? - self.a?)
    }
}

/// A figure's value as shown: "85.5%", "12", "3456.78"; "—" when undefined.
pub fn format_value(v: Option<f64>, kind: FigureKind) -> String {
    match (v, kind) {
        (None, _) => "—".to_owned(),
        (Some(v), FigureKind::Percent) => format!("{:.1}%", v * 100.0),
        (Some(v), FigureKind::Count) => format!("{v:.0}"),
        (Some(v), FigureKind::Amount) => format!("{v:.2}"),
    }
}

/// The code and labels of a gap class's count.
pub(super) fn gap_figure(class: GapClass) -> (&'static str, &'static str, &'static str) {
    match class {
        GapClass::Missing => ("gaps_missing", "补链缺口", "Fill gaps"),
        GapClass::Weak => ("gaps_weak", "强链缺口", "Strengthen gaps"),
        GapClass::Extend => ("gaps_extend", "延链缺口", "Extend gaps"),
        GapClass::AtRisk => ("gaps_at_risk", "固链缺口", "Secure gaps"),
    }
}

/// The latest year either side's indicator dashboard has.
pub(super) fn latest_year(sides: &Sides) -> Option<Year> {
    let last = |a: &Analysis| a.indicators.latest().map(|y| y.year);
    last(sides.a.1).max(last(sides.b.1))
}

/// One side's value of a figure.
type Pick = Box<dyn Fn(&Project, &Analysis, Option<&IndicatorYear>) -> Option<f64>>;

/// A headline figure and how one side's value is read.
struct Spec {
    code: &'static str,
    zh: &'static str,
    en: &'static str,
    kind: FigureKind,
    pick: Pick,
}

fn spec(
    code: &'static str,
    (zh, en): (&'static str, &'static str),
    kind: FigureKind,
    pick: Pick,
) -> Spec {
    Spec {
        code,
        zh,
        en,
        kind,
        pick,
    }
}

fn count(n: usize) -> Option<f64> {
    Some(n as f64)
}

/// Every headline figure, in the order they are shown.
fn table() -> Vec<Spec> {
    use FigureKind::{Amount, Count, Percent};
    let mut t = vec![
        spec(
            "local_supporting_rate",
            ("本地配套率", "Local supporting rate"),
            Percent,
            Box::new(|_, a, _| a.local_supporting_rate),
        ),
        spec(
            "stage_coverage",
            ("环节覆盖率", "Stage coverage"),
            Percent,
            Box::new(|_, a, _| a.completeness.stage),
        ),
        spec(
            "product_completeness",
            ("产品完整度", "Product completeness"),
            Percent,
            Box::new(|_, a, _| a.completeness.product),
        ),
    ];
    for class in GapClass::ALL {
        let (code, zh, en) = gap_figure(class);
        t.push(spec(
            code,
            (zh, en),
            Count,
            Box::new(move |_, a, _| count(a.gaps.iter().filter(|g| g.class == class).count())),
        ));
    }
    t.push(spec(
        "firms",
        ("本地企业数", "Local firms"),
        Count,
        Box::new(|p, a, _| count(local_firms(p, a))),
    ));
    t.push(spec(
        "leader_candidates",
        ("链主候选企业数", "Chain-leader candidates"),
        Count,
        Box::new(|_, a, _| count(a.leaders.len())),
    ));
    for (indicator, kind) in [
        (Row::AboveScaleFirms, Count),
        (Row::Output, Amount),
        (Row::ValueAdded, Amount),
        (Row::FarmersLinked, Count),
    ] {
        t.push(spec(
            indicator.code(),
            (indicator.label(Lang::Zh), indicator.label(Lang::En)),
            kind,
            Box::new(move |_, _, y| y.and_then(|y| indicator.value(y))),
        ));
    }
    t
}

/// The local enterprise-like nodes of the project, as its analysis placed them.
fn local_firms(project: &Project, analysis: &Analysis) -> usize {
    project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like() && analysis.places.is_local(&n.id))
        .count()
}

/// The headline figures of both sides, for `year` where a figure is of one year.
pub(super) fn headline(sides: &Sides, year: Option<Year>) -> Vec<FigureDelta> {
    let of_year = |a: &'_ Analysis| -> Option<IndicatorYear> {
        let y = year?;
        a.indicators.years.iter().find(|i| i.year == y).cloned()
    };
    let (ya, yb) = (of_year(sides.a.1), of_year(sides.b.1));
    table()
        .into_iter()
        .map(|s| FigureDelta {
            code: s.code,
            zh: s.zh,
            en: s.en,
            a: (s.pick)(sides.a.0, sides.a.1, ya.as_ref()),
            b: (s.pick)(sides.b.0, sides.b.1, yb.as_ref()),
            kind: s.kind,
        })
        .collect()
}
