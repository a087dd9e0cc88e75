//! Per town: firms, output and share, location quotients (区位熵) per segment and per stage,
//! specialisation, whether the town fits its class, and farmer linkage.
//!
//! LQ of town t in s (a segment, a stage, or the stages of one land use) = (O_ts / O_t) ÷
//! (O_s / O), O being local firms' output, each firm's counted in its first stage. Defined only
//! when O_t > 0 and O_s > 0.

use super::places::{Parks, town_of_firm, town_of_region, zone_at};
use super::{Firm, Localities};
use crate::analysis::local::{Basis, within};
use crate::model::{
    LandUse, LinkKind, MainFunctionZone, NodeId, NodeKind, Project, RegionLevel, Segment, StageId,
    TownClass, Year,
};
use std::collections::{BTreeMap, BTreeSet};

/// A location quotient at or above this reads as specialised (DOMAIN.md).
pub const SPECIALISED: f64 = 1.5;
/// A town fits its class when the LQ of its class's land use is at least this.
pub const FITS: f64 = 1.0;
/// Rounding slack, so an LQ of exactly 1.5 worked out as 1.4999999… still counts.
const SLACK: f64 = 1e-9;

/// One town's figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TownReport {
    pub id: NodeId,
    pub name: String,
    pub class: Option<TownClass>,
    /// Its 主体功能区: its own, else its county's; with the 禁止开发 flag (its own or above).
    pub zone: Option<MainFunctionZone>,
    pub no_development: bool,
    /// The local firms whose town it is (id order).
    pub firms: Vec<NodeId>,
    /// O_t.
    pub output: f64,
    /// O_t ÷ O; none when the county has no output.
    pub share: Option<f64>,
    /// LQ per segment with county output (O_s > 0); empty when the town has no output.
    pub segment_lq: BTreeMap<Segment, f64>,
    /// LQ per stage with county output.
    pub stage_lq: BTreeMap<StageId, f64>,
    /// Segments with LQ ≥ 1.5, in segment order.
    pub specialised: Vec<Segment>,
    /// The LQ of the stages whose land use the class calls for (`TownClass::land_use`).
    pub class_lq: Option<f64>,
    /// class_lq ≥ 1; none when the town has no class or the LQ is undefined (no town output,
    /// or no county output on that land use).
    pub fits_class: Option<bool>,
    /// Σ 联农带农户数 of its firms that year.
    pub farmers_linked: u64,
    /// 联农带农 links reaching it: to a village in it, or to a firm, cooperative or village
    /// collective whose town it is.
    pub farmer_links: usize,
    /// The villages in it those links reach (directly or through a node registered there).
    pub villages_linked: Vec<NodeId>,
}

/// (part_t ÷ total_t) ÷ (part ÷ total); none unless total_t, part and total are positive.
pub fn lq(part_t: f64, total_t: f64, part: f64, total: f64) -> Option<f64> {
    (total_t > 0.0 && part > 0.0 && total > 0.0).then(|| (part_t / total_t) / (part / total))
}

pub(super) fn analyse(
    project: &Project,
    firms: &[Firm],
    year: Option<Year>,
    places: &Localities,
    parks: &Parks,
) -> Vec<TownReport> {
    let output_of = |f: &Firm| year.map_or(0.0, |y| crate::analysis::output(f.node, Some(y)));
    let total: f64 = firms.iter().map(output_of).fold(0.0, |a, b| a + b);
    // County totals per segment, stage and land use.
    let mut by_segment: BTreeMap<Segment, f64> = BTreeMap::new();
    let mut by_stage: BTreeMap<&StageId, f64> = BTreeMap::new();
    let mut by_land: BTreeMap<LandUse, f64> = BTreeMap::new();
    for f in firms {
        let o = output_of(f);
        *by_segment.entry(f.stage.segment).or_default() += o;
        *by_stage.entry(&f.stage.id).or_default() += o;
        if let Some(land) = f.stage.land_use {
            *by_land.entry(land).or_default() += o;
        }
    }
    let links = farmer_links(project, parks);
    let home = match &places.basis {
        Basis::Place { home } => Some(home),
        _ => None,
    };
    project
        .nodes
        .values()
        .filter(|n| n.kind == NodeKind::Region && n.region_level == Some(RegionLevel::Town))
        .filter(|n| home.is_none_or(|h| within(project, &n.id, h)))
        .map(|town| {
            let mine: Vec<&Firm> = firms
                .iter()
                .filter(|f| f.town.as_ref() == Some(&town.id))
                .collect();
            let o_t: f64 = mine.iter().map(|f| output_of(f)).fold(0.0, |a, b| a + b);
            let sum_where = |keep: &dyn Fn(&Firm) -> bool| -> f64 {
                mine.iter()
                    .filter(|f| keep(f))
                    .map(|f| output_of(f))
                    .fold(0.0, |a, b| a + b)
            };
            let segment_lq: BTreeMap<Segment, f64> = by_segment
                .iter()
                .filter_map(|(s, o_s)| {
                    lq(sum_where(&|f| f.stage.segment == *s), o_t, *o_s, total).map(|v| (*s, v))
                })
                .collect();
            let stage_lq = by_stage
                .iter()
                .filter_map(|(s, o_s)| {
                    lq(sum_where(&|f| &f.stage.id == *s), o_t, *o_s, total)
                        .map(|v| ((*s).clone(), v))
                })
                .collect();
            let class_lq = town.town_class.and_then(|c| {
                let land = c.land_use();
                let o_g = by_land.get(&land).copied().unwrap_or(0.0);
                lq(
                    sum_where(&|f| f.stage.land_use == Some(land)),
                    o_t,
                    o_g,
                    total,
                )
            });
            let linked = links.get(&town.id);
            let at = zone_at(project, &town.id);
            TownReport {
                id: town.id.clone(),
                name: town.name.clone(),
                class: town.town_class,
                zone: at.zone.map(|(z, _)| z),
                no_development: at.no_development.is_some(),
                firms: mine.iter().map(|f| f.node.id.clone()).collect(),
                output: o_t,
                share: (total > 0.0).then(|| o_t / total),
                specialised: segment_lq
                    .iter()
                    .filter(|(_, v)| **v >= SPECIALISED - SLACK)
                    .map(|(s, _)| *s)
                    .collect(),
                segment_lq,
                stage_lq,
                class_lq,
                fits_class: class_lq.map(|v| v >= FITS - SLACK),
                farmers_linked: mine
                    .iter()
                    .filter_map(|f| {
                        let y = year?;
                        f.node.figures.get(&y)?.farmers_linked
                    })
                    .map(u64::from)
                    .sum(),
                farmer_links: linked.map_or(0, |l| l.links),
                villages_linked: linked
                    .map_or(Vec::new(), |l| l.villages.iter().cloned().collect()),
            }
        })
        .collect()
}

/// The 联农带农 links reaching each town.
#[derive(Default)]
struct Linked {
    links: usize,
    villages: BTreeSet<NodeId>,
}

/// Each 联农带农 link counted for the town of its far end: a village (or town) region, or a
/// node whose town it is; the village reached, when the far end is one or is registered in one.
fn farmer_links(project: &Project, parks: &Parks) -> BTreeMap<NodeId, Linked> {
    let mut by_town: BTreeMap<NodeId, Linked> = BTreeMap::new();
    for link in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::FarmerLinkage)
    {
        let Some(to) = project.nodes.get(&link.to) else {
            continue;
        };
        let town = if to.kind == NodeKind::Region {
            town_of_region(project, &to.id).cloned()
        } else {
            town_of_firm(project, to, parks)
        };
        let Some(town) = town else {
            continue;
        };
        let is_village = |id: &NodeId| {
            project.nodes.get(id).is_some_and(|n| {
                n.kind == NodeKind::Region && n.region_level == Some(RegionLevel::Village)
            })
        };
        let village = if is_village(&to.id) {
            Some(to.id.clone())
        } else {
            to.region.clone().filter(|r| is_village(r))
        };
        let entry = by_town.entry(town).or_default();
        entry.links += 1;
        entry.villages.extend(village);
    }
    by_town
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lq_is_the_towns_share_over_the_countys() {
        // Town: 30 of its 40 in midstream (75 %); county: 50 of 200 (25 %): LQ = 3.
        assert_eq!(lq(30.0, 40.0, 50.0, 200.0), Some(3.0));
        // Town with nothing in the segment: 0, not undefined.
        assert_eq!(lq(0.0, 40.0, 50.0, 200.0), Some(0.0));
        // Undefined without town output or county output in the segment.
        assert_eq!(lq(0.0, 0.0, 50.0, 200.0), None);
        assert_eq!(lq(0.0, 40.0, 0.0, 200.0), None);
    }
}
