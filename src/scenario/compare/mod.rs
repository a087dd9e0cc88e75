//! What differs in the figures between two versions of a project (the base, a scenario, another
//! project file): both are analysed as they are (`crate::analysis::analyze`, and the agreements'
//! schedules, `crate::sharing::schedule`) and their figures set side by side. Nothing is worked
//! out here that the analysis does not already work out; this module only pairs its results.
//! The items that differ (added, removed, changed by id and field) are `crate::merge::diff`'s.
//!
//! - `figures`: the headline figures (本地配套率, 环节覆盖率, 产品完整度, gaps per class, firms,
//!   output …);
//! - `gaps`: the gaps one side has and the other has not, by what they are about;
//! - `rows`: per stage, per 链主 candidate, per 亩均 class, per town;
//! - `agreements`: each agreement's parts per party for the year, per ledger and metric;
//! - `json`: `Comparison::to_json` (the CLI's `--json`).
//!
//! No egui: the compare panel and the command line share it.

mod agreements;
mod figures;
mod gaps;
mod json;
mod rows;

pub use agreements::{AgreementDelta, PartDelta};
pub use figures::{FigureDelta, FigureKind, format_value};
pub use gaps::GapLabel;
pub use rows::{ClassDelta, LeaderDelta, StageDelta, TownDelta};

use crate::analysis::{Analysis, AnalysisOptions, GapClass, analyze};
use crate::model::{Project, Year};
use std::collections::BTreeMap;

/// The figures of two versions of a project, A and B, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The year whose figures are compared (output, agreements' parts): the year asked for,
    /// else A's base year, else B's, else the latest year either side has figures for; none
    /// when neither has any.
    pub year: Option<Year>,
    /// Headline figures, in a fixed order (`figures::CODES`): local supporting rate, stage
    /// coverage, product completeness, gaps per class, firms, output …
    pub figures: Vec<FigureDelta>,
    /// The local supporting rate of every stage of either side: A's stages in chain order,
    /// then those only B has, in B's order.
    pub stage_rates: Vec<StageDelta>,
    /// Gaps A has and B has not (identity: class, stage, product and, where several gaps share
    /// those, what they are about), in class, stage, product order.
    pub gaps_closed: Vec<GapLabel>,
    /// Gaps B has and A has not, in the same order.
    pub gaps_opened: Vec<GapLabel>,
    /// 链主 candidates whose rank changed, or that are candidates on one side only: by rank in
    /// B, then rank in A, then id.
    pub leaders: Vec<LeaderDelta>,
    /// 亩均 evaluation: firms per class A–D, then 不定等级.
    pub land_classes: Vec<ClassDelta>,
    /// Per town of either side, in id order; empty when neither has towns.
    pub towns: Vec<TownDelta>,
    /// Per agreement of either side, in id order: each party's part of each ledger and metric
    /// in the year, as the schedule gives them.
    pub agreements: Vec<AgreementDelta>,
}

impl Comparison {
    /// A headline figure by its code (`"local_supporting_rate"`, `"gaps_missing"` …).
    pub fn figure(&self, code: &str) -> Option<&FigureDelta> {
        self.figures.iter().find(|f| f.code == code)
    }

    /// The gap counts of each side by `GapClass::code()`, every class present.
    pub fn gap_counts(&self) -> [BTreeMap<&'static str, usize>; 2] {
        let side = |pick: fn(&FigureDelta) -> Option<f64>| {
            GapClass::ALL
                .iter()
                .map(|c| {
                    let n = self
                        .figure(figures::gap_figure(*c).0)
                        .and_then(pick)
                        .map_or(0, |v| v as usize);
                    (c.code(), n)
                })
                .collect()
        };
        [side(|f| f.a), side(|f| f.b)]
    }

    /// Whether nothing differs: no figure, stage rate, gap, rank, class, town or agreement part.
    pub fn is_unchanged(&self) -> bool {
        self.figures.iter().all(|f| !f.changed())
            && self.stage_rates.iter().all(|s| !s.changed())
            && self.gaps_closed.is_empty()
            && self.gaps_opened.is_empty()
            && self.leaders.is_empty()
            && self.land_classes.iter().all(|c| c.a == c.b)
            && self.towns.iter().all(|t| !t.changed())
            && self.agreements.iter().all(|a| !a.changed())
    }
}

/// The two sides' analyses, with the project each belongs to.
struct Sides<'p> {
    a: (&'p Project, &'p Analysis),
    b: (&'p Project, &'p Analysis),
}

/// Compares the figures of `a` and `b` for `year` (the base year when none: A's, else B's;
/// without either, each node's latest figures, and the latest year on record for yearly sums).
pub fn compare(a: &Project, b: &Project, year: Option<Year>) -> Comparison {
    let analysed = year.or(a.meta.base_year).or(b.meta.base_year);
    let options = AnalysisOptions {
        chain: None,
        year: analysed,
    };
    let (report_a, report_b) = (analyze(a, &options), analyze(b, &options));
    let sides = Sides {
        a: (a, &report_a),
        b: (b, &report_b),
    };
    let year = analysed.or_else(|| figures::latest_year(&sides));
    let (gaps_closed, gaps_opened) = gaps::closed_and_opened(&sides);
    Comparison {
        year,
        figures: figures::headline(&sides, year),
        stage_rates: rows::stages(&sides),
        gaps_closed,
        gaps_opened,
        leaders: rows::leaders(&sides),
        land_classes: rows::land_classes(&sides),
        towns: rows::towns(&sides),
        agreements: agreements::agreements(a, b, year),
    }
}

/// Two optional numbers differ (beyond rounding noise), or one is missing.
fn differs(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() > 1e-12 * x.abs().max(y.abs()).max(1.0),
        (None, None) => false,
        _ => true,
    }
}
