//! The territory's rules (issue 20): a boundary's rings as GeoJSON wants them, 主体功能区 and
//! 禁止开发 only on regions, 联农带农 links reaching a village when they reach a region.
//! All warnings: the analysis still runs, the territory view draws what it can.

use super::node_place;
use crate::i18n::Lang;
use crate::model::territory::{RingProblem, ring_problem};
use crate::model::{Issue, LinkKind, NodeKind, Project, RegionLevel};

pub(super) fn check(project: &Project, issues: &mut Vec<Issue>) {
    for node in project.nodes.values() {
        let place = node_place(&node.id);
        if node.kind != NodeKind::Region
            && (node.zone.is_some() || node.no_development || node.boundary.is_some())
        {
            issues.push(Issue::warning(
                "territory_on_non_region",
                place.clone(),
                format!(
                    "{}“{}”不是行政区:主体功能区、禁止开发和边界只对行政区有效,将被忽略",
                    node.kind.label(Lang::Zh),
                    node.name
                ),
                format!(
                    "a {} (\"{}\") is not a region: a main function zone, the no-development flag and a boundary only apply to regions and are ignored",
                    node.kind.label(Lang::En),
                    node.name
                ),
            ));
        }
        let Some(boundary) = &node.boundary else {
            continue;
        };
        if boundary.polygons.iter().flatten().next().is_none() {
            issues.push(Issue::warning(
                "empty_boundary",
                format!("{place}/boundary"),
                format!("“{}”的边界没有任何环", node.name),
                format!("the boundary of \"{}\" has no rings", node.name),
            ));
        }
        for (p, polygon) in boundary.polygons.iter().enumerate() {
            for (r, ring) in polygon.iter().enumerate() {
                if let Some(problem) = ring_problem(ring) {
                    issues.push(ring_issue(
                        &node.name,
                        format!("{place}/boundary/polygons[{p}][{r}]"),
                        problem,
                    ));
                }
            }
        }
    }
    for link in project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::FarmerLinkage)
    {
        if let Some(to) = project.nodes.get(&link.to)
            && to.kind == NodeKind::Region
            && to.region_level != Some(RegionLevel::Village)
        {
            issues.push(Issue::warning(
                "farmer_linkage_not_village",
                super::link_place(&link.id),
                format!(
                    "联农带农连线连到行政区“{}”,但它不是村:请连到村或村集体、合作社",
                    to.name
                ),
                format!(
                    "the farmer-linkage link reaches region \"{}\", which is not a village: link it to a village, village collective or cooperative",
                    to.name
                ),
            ));
        }
    }
}

fn ring_issue(name: &str, place: String, problem: RingProblem) -> Issue {
    let (zh, en) = match problem {
        RingProblem::TooFewPoints(n) => (
            format!("“{name}”的边界环只有 {n} 个点,至少要 4 个(首尾相同)"),
            format!(
                "a boundary ring of \"{name}\" has {n} points; it needs at least 4 (the first repeated at the end)"
            ),
        ),
        RingProblem::NotClosed => (
            format!("“{name}”的边界环没有闭合:最后一点应与第一点相同"),
            format!(
                "a boundary ring of \"{name}\" is not closed: its last point should be its first"
            ),
        ),
        RingProblem::OutOfRange => (
            format!(
                "“{name}”的边界有点超出经纬度范围(应为 [经度, 纬度],经度 −180…180、纬度 −90…90)"
            ),
            format!(
                "a boundary ring of \"{name}\" has a point off the globe (points are [longitude, latitude], longitude −180…180, latitude −90…90)"
            ),
        ),
    };
    Issue::warning("bad_boundary", place, zh, en)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::model::*;

    fn region(id: &str, level: RegionLevel) -> Node {
        Node {
            id: NodeId::from(id),
            name: id.to_owned(),
            kind: NodeKind::Region,
            region_level: Some(level),
            ..Node::default()
        }
    }

    fn codes(project: &Project) -> Vec<(String, &'static str)> {
        let mut found: Vec<_> = validate::validate(project)
            .into_iter()
            .filter(|i| i.severity == Severity::Warning)
            .map(|i| (i.place, i.code))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn rings_zones_and_village_links_are_checked() {
        let mut p = Project::new("p");
        let mut town = region("T", RegionLevel::Town);
        town.boundary = Some(Boundary {
            polygons: vec![vec![
                vec![[109.0, 33.0], [109.1, 33.0], [109.1, 33.1], [109.0, 33.0]],
                vec![[109.0, 33.0], [109.1, 33.0], [109.0, 33.0]],
            ]],
        });
        let firm = Node {
            id: NodeId::from("F"),
            name: "F".into(),
            zone: Some(MainFunctionZone::Ecological),
            ..Node::default()
        };
        let village = region("V", RegionLevel::Village);
        for n in [town, firm, village] {
            p.nodes.insert(n.id.clone(), n);
        }
        for (id, to) in [("L1", "V"), ("L2", "T")] {
            let link = Link {
                id: LinkId::from(id),
                kind: LinkKind::FarmerLinkage,
                from: NodeId::from("F"),
                to: NodeId::from(to),
                ..Link::default()
            };
            p.links.insert(link.id.clone(), link);
        }
        assert_eq!(
            codes(&p),
            [
                ("links/L2".to_owned(), "farmer_linkage_not_village"),
                ("nodes/F".to_owned(), "territory_on_non_region"),
                ("nodes/T/boundary/polygons[0][1]".to_owned(), "bad_boundary"),
            ]
        );
    }
}
