//! Where a firm is, as the territory counts it: its town, its parks, the 主体功能区 of its place.

use crate::model::{LinkKind, MainFunctionZone, Node, NodeId, NodeKind, Project, RegionLevel};
use std::collections::BTreeMap;

/// Region steps followed at most (a cycle in a hand-edited file must not hang the analysis).
const MAX_DEPTH: usize = 64;

/// The parks each node is located in (`located_in` links to a park), in link-id order.
pub(super) type Parks<'p> = BTreeMap<&'p NodeId, Vec<&'p Node>>;

pub(super) fn parks_of(project: &Project) -> Parks<'_> {
    let mut parks: Parks = BTreeMap::new();
    for link in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::LocatedIn)
    {
        if let Some(park) = project
            .nodes
            .get(&link.to)
            .filter(|p| p.kind == NodeKind::Park)
        {
            parks.entry(&link.from).or_default().push(park);
        }
    }
    parks
}

/// The town a region belongs to: the region itself when it is a town (or street), the town
/// above it when it is a village; none for a county or anything above, or a region without a
/// level.
pub(super) fn town_of_region<'p>(project: &'p Project, region: &'p NodeId) -> Option<&'p NodeId> {
    let mut current = region;
    for _ in 0..MAX_DEPTH {
        let node = project.nodes.get(current)?;
        match node.region_level? {
            RegionLevel::Town => return Some(current),
            RegionLevel::Village => current = node.region.as_ref()?,
            _ => return None,
        }
    }
    None
}

/// A firm's town (DOMAIN.md): its region's town when its region is a town, street or village;
/// else the town of the first park it is located in (the park's region's town).
pub(super) fn town_of_firm(project: &Project, firm: &Node, parks: &Parks) -> Option<NodeId> {
    let own = firm
        .region
        .as_ref()
        .and_then(|r| town_of_region(project, r));
    let by_park = || {
        parks
            .get(&firm.id)?
            .iter()
            .find_map(|p| p.region.as_ref().and_then(|r| town_of_region(project, r)))
    };
    own.or_else(by_park).cloned()
}

/// The region a firm stands in: its own, else its first park's.
pub(super) fn place_of_firm<'p>(firm: &'p Node, parks: &Parks<'p>) -> Option<&'p NodeId> {
    firm.region
        .as_ref()
        .or_else(|| parks.get(&firm.id)?.iter().find_map(|p| p.region.as_ref()))
}

/// The 主体功能区 rules that apply at a place.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct ZoneAt {
    /// The nearest region up the tree (the place itself first) that has a type, with it.
    pub zone: Option<(MainFunctionZone, NodeId)>,
    /// The nearest region up the tree flagged 禁止开发.
    pub no_development: Option<NodeId>,
}

/// What applies at `region`: a village without a type takes its town's, a town its county's.
pub(super) fn zone_at(project: &Project, region: &NodeId) -> ZoneAt {
    let mut at = ZoneAt::default();
    let mut current = Some(region);
    for _ in 0..MAX_DEPTH {
        let Some(node) = current.and_then(|r| project.nodes.get(r)) else {
            break;
        };
        if node.kind == NodeKind::Region {
            if at.zone.is_none() {
                at.zone = node.zone.map(|z| (z, node.id.clone()));
            }
            if at.no_development.is_none() && node.no_development {
                at.no_development = Some(node.id.clone());
            }
        }
        current = node.region.as_ref();
    }
    at
}
