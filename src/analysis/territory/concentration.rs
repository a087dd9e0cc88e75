//! Concentration in core platforms (向县域核心平台集中): the share of local output, and of local
//! firms, located in parks; by park level (a firm in the level of the first park it is located
//! in); and year by year over every year with figures.
//!
//! Where a firm is located is not dated (a `located_in` link holds today's parks), so the trend
//! shows how the output of today's park firms grew against the rest, not moves between years.
//! In a year's row the firms counted are those reporting output that year.

use super::Firm;
use super::places::Parks;
use crate::model::{ParkLevel, Year};
use rust_decimal::prelude::ToPrimitive;
use std::collections::{BTreeMap, BTreeSet};

/// Concentration in parks for the analysed year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Concentration {
    /// Output of local firms located in a park ÷ all local output; none when there is none.
    pub park_output_share: Option<f64>,
    /// Local firms located in a park ÷ local firms; none without firms.
    pub park_firm_share: Option<f64>,
    /// Per park level (levels with firms, in level order, parks without a level last).
    pub by_level: Vec<LevelShare>,
    /// Every year a local firm reports output for, oldest first.
    pub by_year: Vec<YearShare>,
}

/// The part of the county in parks of one level.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LevelShare {
    /// None: parks whose level is not given.
    pub level: Option<ParkLevel>,
    pub firms: usize,
    pub output: f64,
    pub output_share: Option<f64>,
    pub firm_share: Option<f64>,
}

/// One year's concentration.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearShare {
    pub year: Year,
    /// Local firms reporting output that year, and those of them in parks.
    pub firms: usize,
    pub park_firms: usize,
    pub output: f64,
    pub park_output: f64,
    pub park_output_share: Option<f64>,
    pub park_firm_share: Option<f64>,
}

fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// The output a firm reports for `year`, if it reports one.
fn reported(firm: &Firm, year: Year) -> Option<f64> {
    firm.node
        .figures
        .get(&year)
        .and_then(|f| f.output)
        .and_then(|d| d.to_f64())
}

pub(super) fn analyse(firms: &[Firm], year: Option<Year>, parks: &Parks) -> Concentration {
    // The level of the park each firm is counted in (its first park), or none outside parks.
    let park_level = |f: &Firm| -> Option<Option<ParkLevel>> {
        parks.get(&f.node.id)?.first().map(|p| p.park_level)
    };
    let output_of = |f: &Firm| year.and_then(|y| reported(f, y)).unwrap_or(0.0);
    let total: f64 = firms.iter().map(output_of).fold(0.0, |a, b| a + b);
    let count = firms.len() as f64;
    let mut levels: BTreeMap<(bool, Option<ParkLevel>), (usize, f64)> = BTreeMap::new();
    for f in firms {
        if let Some(level) = park_level(f) {
            // Keyed so that parks without a level sort last.
            let entry = levels.entry((level.is_none(), level)).or_default();
            entry.0 += 1;
            entry.1 += output_of(f);
        }
    }
    let park_firms: usize = levels.values().map(|(n, _)| n).sum();
    let park_output: f64 = levels.values().fold(0.0, |a, (_, o)| a + o);
    let years: BTreeSet<Year> = firms
        .iter()
        .flat_map(|f| f.node.figures.iter())
        .filter(|(_, f)| f.output.is_some())
        .map(|(y, _)| *y)
        .collect();
    let by_year = years
        .into_iter()
        .map(|y| {
            let mut row = YearShare {
                year: y,
                ..YearShare::default()
            };
            for f in firms {
                let Some(o) = reported(f, y) else { continue };
                let in_park = park_level(f).is_some();
                row.firms += 1;
                row.output += o;
                if in_park {
                    row.park_firms += 1;
                    row.park_output += o;
                }
            }
            row.park_output_share = ratio(row.park_output, row.output);
            row.park_firm_share = ratio(row.park_firms as f64, row.firms as f64);
            row
        })
        .collect();
    Concentration {
        park_output_share: ratio(park_output, total),
        park_firm_share: ratio(park_firms as f64, count),
        by_level: levels
            .into_iter()
            .map(|((_, level), (n, o))| LevelShare {
                level,
                firms: n,
                output: o,
                output_share: ratio(o, total),
                firm_share: ratio(n as f64, count),
            })
            .collect(),
        by_year,
    }
}

#[cfg(test)]
mod tests {
    use super::ratio;

    #[test]
    fn a_share_needs_a_whole() {
        assert_eq!(ratio(3.0, 4.0), Some(0.75));
        assert_eq!(ratio(0.0, 0.0), None);
    }
}
