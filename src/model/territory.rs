//! The county's territory (issue 20; DOMAIN.md, "Territory"): region levels and town classes,
//! each place's 主体功能区 type and 禁止开发 flag, an optional boundary, and the land class a
//! stage's activity needs. Additive in file version 2: a file without them reads as before.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Level of a region. A 街道 (sub-district) counts as a town: both are the level below the county.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionLevel {
    Province,
    City,
    County,
    /// 乡、镇 or 街道.
    Town,
    /// 行政村 (or 社区): the level below the town, where farmers are linked (联农带农).
    Village,
}

impl RegionLevel {
    pub const ALL: [RegionLevel; 5] = [
        RegionLevel::Province,
        RegionLevel::City,
        RegionLevel::County,
        RegionLevel::Town,
        RegionLevel::Village,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RegionLevel::Province => lang.pick("省", "Province"),
            RegionLevel::City => lang.pick("市", "City"),
            RegionLevel::County => lang.pick("县(区)", "County"),
            RegionLevel::Town => lang.pick("镇", "Town"),
            RegionLevel::Village => lang.pick("村", "Village"),
        }
    }
}

/// Class of a town (the policy's 镇域专业化特色化).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TownClass {
    /// 农业大镇
    Agricultural,
    /// 工业重镇
    Industrial,
    /// 商贸强镇
    Commercial,
    /// 文旅名镇
    Tourism,
}

impl TownClass {
    pub const ALL: [TownClass; 4] = [
        TownClass::Agricultural,
        TownClass::Industrial,
        TownClass::Commercial,
        TownClass::Tourism,
    ];

    /// The name used in files, `--json` and tables.
    pub fn code(self) -> &'static str {
        match self {
            TownClass::Agricultural => "agricultural",
            TownClass::Industrial => "industrial",
            TownClass::Commercial => "commercial",
            TownClass::Tourism => "tourism",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TownClass::Agricultural => lang.pick("农业大镇", "Agricultural town"),
            TownClass::Industrial => lang.pick("工业重镇", "Industrial town"),
            TownClass::Commercial => lang.pick("商贸强镇", "Commercial town"),
            TownClass::Tourism => lang.pick("文旅名镇", "Culture & tourism town"),
        }
    }

    /// The land class of the stages a town of this class should be strong in: its `fits_class`
    /// is the location quotient of the stages of that land use (docs/INDICATORS.md).
    pub fn land_use(self) -> LandUse {
        match self {
            TownClass::Agricultural => LandUse::Agricultural,
            TownClass::Industrial => LandUse::Industrial,
            TownClass::Commercial => LandUse::Service,
            TownClass::Tourism => LandUse::EcoCompatible,
        }
    }
}

/// 主体功能区: what the national and provincial plans let a place be developed for.
/// 禁止开发区域 (nature reserves, scenic areas …) is not a type but a flag on a place
/// (`Node::no_development`), since such areas lie inside places of any type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MainFunctionZone {
    /// 城市化地区 (优化开发、重点开发): industry and towns gather here.
    Urbanised,
    /// 农产品主产区: farmland is protected; farming and its processing.
    Agricultural,
    /// 重点生态功能区: ecological services first; industry limited.
    Ecological,
}

impl MainFunctionZone {
    pub const ALL: [MainFunctionZone; 3] = [
        MainFunctionZone::Urbanised,
        MainFunctionZone::Agricultural,
        MainFunctionZone::Ecological,
    ];

    /// The name used in files, `--json` and tables.
    pub fn code(self) -> &'static str {
        match self {
            MainFunctionZone::Urbanised => "urbanised",
            MainFunctionZone::Agricultural => "agricultural",
            MainFunctionZone::Ecological => "ecological",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MainFunctionZone::Urbanised => lang.pick("城市化地区", "Urbanised area"),
            MainFunctionZone::Agricultural => {
                lang.pick("农产品主产区", "Main agricultural production area")
            }
            MainFunctionZone::Ecological => {
                lang.pick("重点生态功能区", "Key ecological function area")
            }
        }
    }
}

/// The land class a stage's activity needs (after GB/T 21010—2017's land-use classes), which
/// decides where a county may put it (the 主体功能区 warnings of DOMAIN.md). Reference chains
/// give it for each of their stages; a project's stage may carry it too (`Stage::land_use`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LandUse {
    /// 工矿仓储用地: factories, warehouses, logistics.
    Industrial,
    /// 农用地 (耕地、园地、设施农用地): farming and processing at the farm.
    Agricultural,
    /// 商服与公共服务用地: trade, research, testing, finance.
    Service,
    /// Fits key ecological function zones (重点生态功能区): under-forest farming, eco-tourism.
    EcoCompatible,
}

impl LandUse {
    pub const ALL: [LandUse; 4] = [
        LandUse::Industrial,
        LandUse::Agricultural,
        LandUse::Service,
        LandUse::EcoCompatible,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LandUse::Industrial => "industrial",
            LandUse::Agricultural => "agricultural",
            LandUse::Service => "service",
            LandUse::EcoCompatible => "eco_compatible",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LandUse::Industrial => lang.pick("工矿仓储用地", "Industrial"),
            LandUse::Agricultural => lang.pick("农用地", "Agricultural"),
            LandUse::Service => lang.pick("商服与公共服务用地", "Service"),
            LandUse::EcoCompatible => lang.pick("生态相容", "Eco-compatible"),
        }
    }
}

/// A region's outline, GeoJSON-style: polygons, each a list of rings (the first the outer edge,
/// any further ones holes), each ring a closed list of `[longitude, latitude]` points in
/// degrees, WGS84 or GCJ-02 as the source gave them (the territory view projects either the
/// same way; the few hundred metres between them do not matter at a county's scale).
/// A GeoJSON Polygon is one polygon; a MultiPolygon several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Boundary {
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

impl Boundary {
    /// The smallest box holding every point: `[[west, south], [east, north]]`; none when empty.
    pub fn bounds(&self) -> Option<[[f64; 2]; 2]> {
        let mut points = self.polygons.iter().flatten().flatten();
        let first = *points.next()?;
        Some(points.fold([first, first], |[lo, hi], p| {
            [
                [lo[0].min(p[0]), lo[1].min(p[1])],
                [hi[0].max(p[0]), hi[1].max(p[1])],
            ]
        }))
    }
}

/// What is wrong with one ring of a boundary (a warning: the territory view still draws what
/// it can).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RingProblem {
    /// Fewer than 4 points (a closed triangle needs 4: the first repeated at the end).
    TooFewPoints(usize),
    /// The last point is not the first.
    NotClosed,
    /// A longitude outside −180…180 or a latitude outside −90…90.
    OutOfRange,
}

/// The problem of a ring, if any: the GeoJSON rules for a linear ring.
pub fn ring_problem(ring: &[[f64; 2]]) -> Option<RingProblem> {
    if ring.len() < 4 {
        return Some(RingProblem::TooFewPoints(ring.len()));
    }
    if ring.first() != ring.last() {
        return Some(RingProblem::NotClosed);
    }
    let in_range =
        |p: &[f64; 2]| (-180.0..=180.0).contains(&p[0]) && (-90.0..=90.0).contains(&p[1]);
    (!ring.iter().all(in_range)).then_some(RingProblem::OutOfRange)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ring_must_have_four_points_be_closed_and_lie_on_the_globe() {
        let square = [[109.0, 33.6], [109.2, 33.6], [109.2, 33.8], [109.0, 33.6]];
        assert_eq!(ring_problem(&square), None);
        assert_eq!(
            ring_problem(&square[..3]),
            Some(RingProblem::TooFewPoints(3))
        );
        let open = [[109.0, 33.6], [109.2, 33.6], [109.2, 33.8], [109.0, 33.8]];
        assert_eq!(ring_problem(&open), Some(RingProblem::NotClosed));
        let swapped = [[33.6, 109.0], [33.6, 109.2], [33.8, 109.2], [33.6, 109.0]];
        assert_eq!(ring_problem(&swapped), Some(RingProblem::OutOfRange));
    }

    #[test]
    fn bounds_cover_every_polygon() {
        let b = Boundary {
            polygons: vec![
                vec![vec![[1.0, 2.0], [3.0, 2.0], [3.0, 5.0], [1.0, 2.0]]],
                vec![vec![[-1.0, 4.0], [0.0, 4.0], [0.0, 6.0], [-1.0, 4.0]]],
            ],
        };
        assert_eq!(b.bounds(), Some([[-1.0, 2.0], [3.0, 6.0]]));
        assert_eq!(Boundary::default().bounds(), None);
    }
}
