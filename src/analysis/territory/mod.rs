//! The county's territory (issue 20; DOMAIN.md "Territory"; docs/INDICATORS.md §10): where the
//! local firms' output sits, town by town, against each town's class and 主体功能区.
//!
//! - `places`: a firm's town (its region if a town or street, else its park's town) and the
//!   主体功能区 a place falls in (the nearest region up the tree that has a type);
//! - `towns`: per town: firms, output, share, location quotients (区位熵) per segment and per
//!   stage, specialisation, whether the town fits its class, farmer linkage;
//! - `concentration`: the share of output and of firms in parks (core platforms), by park level
//!   and by year;
//! - `zones`: the 主体功能区 check (industry in ecological or no-development places, farmland in
//!   urbanised ones).
//!
//! Local firms only: enterprise-like nodes whose place is 本地 (`Localities`; 飞地 firms sit on
//! another county's land and are left out), each counted once, in its first stage in scope.

mod concentration;
mod json;
mod places;
mod text;
mod towns;
mod zones;

pub use concentration::{Concentration, LevelShare, YearShare};
pub use towns::{FITS, SPECIALISED, TownReport, lq};
pub use zones::{ZoneRule, ZoneWarning};

use super::{Localities, Locality};
use crate::model::{ChainId, Node, NodeId, Project, Stage, Year};

/// Everything the territory analysis finds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TerritoryReport {
    /// The year whose output is used: the analysis year, else the latest year a local firm
    /// reports output for; none when no firm reports any.
    pub year: Option<Year>,
    /// O: the output of every local firm in scope that year.
    pub output: f64,
    /// Local firms in scope (id order).
    pub firms: Vec<NodeId>,
    /// Each town (region of level town within the home county), in id order.
    pub towns: Vec<TownReport>,
    /// Local firms in no town (their region is the county itself and no park puts them in a
    /// town), with their output: the part of O no town's share holds.
    pub unplaced: Vec<NodeId>,
    pub unplaced_output: f64,
    pub concentration: Concentration,
    /// In firm-id order, then stage order.
    pub zone_warnings: Vec<ZoneWarning>,
}

/// A local firm as the territory counts it.
struct Firm<'p> {
    node: &'p Node,
    /// Its first stage in scope: its output counts there (and in that stage's segment).
    stage: &'p Stage,
    /// Its town, if it has one.
    town: Option<NodeId>,
}

/// Runs the territory analysis for the analysed chain (all when none) and year.
pub fn analyse(
    project: &Project,
    chain: Option<&ChainId>,
    year: Option<Year>,
    places: &Localities,
) -> TerritoryReport {
    let parks = places::parks_of(project);
    let firms: Vec<Firm> = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like())
        .filter(|n| places.place(&n.id).map(|p| p.locality) == Some(Locality::Local))
        .filter_map(|node| {
            let stage = node.stages.iter().find_map(|s| {
                project
                    .stage(s)
                    .filter(|(c, _)| chain.is_none_or(|want| &c.id == want))
                    .map(|(_, stage)| stage)
            })?;
            let town = places::town_of_firm(project, node, &parks);
            Some(Firm { node, stage, town })
        })
        .collect();
    let year = year.or_else(|| {
        firms
            .iter()
            .flat_map(|f| f.node.figures.iter())
            .filter(|(_, f)| f.output.is_some())
            .map(|(y, _)| *y)
            .max()
    });
    let output_of = |n: &Node| year.map_or(0.0, |y| super::output(n, Some(y)));
    let towns = towns::analyse(project, &firms, year, places, &parks);
    let unplaced: Vec<&Firm> = firms.iter().filter(|f| f.town.is_none()).collect();
    TerritoryReport {
        year,
        output: firms
            .iter()
            .map(|f| output_of(f.node))
            .fold(0.0, |a, b| a + b),
        firms: firms.iter().map(|f| f.node.id.clone()).collect(),
        towns,
        unplaced: unplaced.iter().map(|f| f.node.id.clone()).collect(),
        unplaced_output: unplaced
            .iter()
            .map(|f| output_of(f.node))
            .fold(0.0, |a, b| a + b),
        concentration: concentration::analyse(&firms, year, &parks),
        zone_warnings: zones::check(project, &firms, chain, &parks),
    }
}

impl TerritoryReport {
    /// The report of one town.
    pub fn town(&self, id: &NodeId) -> Option<&TownReport> {
        self.towns.iter().find(|t| &t.id == id)
    }
}
