//! Which region node each feature of a boundary file outlines: by name, as people write it.
//!
//! Names are compared normalised (spaces dropped, full-width letters and digits made half-width,
//! Latin letters lower-cased). A feature takes the region of the same name; failing that, the
//! one whose name is the same without the suffix 街道, 镇, 乡, 县 or 区 ("营盘镇" for a region
//! "营盘"), when only one region reads so. Exact names are matched first, over the whole file,
//! so a shortened name never takes a region another feature names exactly. Two features for one
//! region: the first keeps it. Every feature not matched is listed with why, and so are the
//! towns left without a boundary.

use super::FeatureOutline;
use crate::i18n::{Lang, count_en};
use crate::model::{Boundary, Node, NodeId, NodeKind, Project, RegionLevel};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Suffixes of place names that files and projects write or leave out; longest first.
const SUFFIXES: [&str; 5] = ["街道", "镇", "乡", "县", "区"];

/// A name as compared: without spaces, full-width forms made half-width, lower-case.
pub fn normalise_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A normalised name without its place suffix (none left when the name is only a suffix).
pub fn short_name(normalised: &str) -> &str {
    SUFFIXES
        .iter()
        .find_map(|s| normalised.strip_suffix(s).filter(|rest| !rest.is_empty()))
        .unwrap_or(normalised)
}

/// A feature matched to a region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matched {
    /// The feature's number in the file, from 1.
    pub feature: usize,
    pub feature_name: String,
    pub region: NodeId,
    pub region_name: String,
    /// How many polygons its outline has.
    pub polygons: usize,
    /// Matched without the place suffix (营盘镇 → 营盘): worth a look.
    pub by_short_name: bool,
}

/// Why a feature outlines no region.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum UnmatchedReason {
    /// It has no `name` property.
    NoName,
    /// Its geometry is not a Polygon or MultiPolygon.
    NotPolygon { geometry: String },
    /// No region has its name.
    NoRegion,
    /// Several regions have its name (or its name without the suffix).
    Ambiguous { regions: Vec<String> },
    /// An earlier feature took the same region.
    SameRegion { region: String, feature: usize },
}

impl UnmatchedReason {
    /// Why, in words.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            UnmatchedReason::NoName => lang.pick("没有 name 属性", "no name property").to_owned(),
            UnmatchedReason::NotPolygon { geometry } => match lang {
                Lang::Zh => format!("不是多边形({geometry})"),
                Lang::En => format!("not a polygon ({geometry})"),
            },
            UnmatchedReason::NoRegion => lang
                .pick(
                    "项目中没有同名的地区",
                    "no region of that name in the project",
                )
                .to_owned(),
            UnmatchedReason::Ambiguous { regions } => match lang {
                Lang::Zh => format!("同名地区不止一个:{}", regions.join("、")),
                Lang::En => format!("several regions of that name: {}", regions.join(", ")),
            },
            UnmatchedReason::SameRegion { region, feature } => match lang {
                Lang::Zh => format!("“{region}”已由第 {feature} 个要素匹配"),
                Lang::En => format!("\"{region}\" already matched by feature {feature}"),
            },
        }
    }
}

/// A feature that outlines no region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unmatched {
    pub feature: usize,
    pub name: Option<String>,
    pub adcode: Option<String>,
    #[serde(flatten)]
    pub reason: UnmatchedReason,
}

/// A region, by id and name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionRef {
    pub id: NodeId,
    pub name: String,
}

/// A boundary file matched against a project: what it sets, and what it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoundaryImport {
    /// The file's name.
    pub file: String,
    pub matched: Vec<Matched>,
    pub unmatched: Vec<Unmatched>,
    /// Towns (and regions at the levels the file outlined) that have no boundary afterwards.
    pub without_boundary: Vec<RegionRef>,
    /// The matched regions whose boundary changes, with their new boundary.
    #[serde(skip)]
    pub nodes: Vec<Node>,
}

impl BoundaryImport {
    /// The edit setting the new boundaries (one undo step); none when nothing changes.
    pub fn edit(&self) -> Option<crate::edit::Edit> {
        (!self.nodes.is_empty()).then(|| crate::edit::Edit::SetNodes(self.nodes.clone()))
    }

    /// One line for the status bar: what was matched and what was not.
    pub fn summary(&self, lang: Lang) -> String {
        let (m, u, w) = (
            self.matched.len(),
            self.unmatched.len(),
            self.without_boundary.len(),
        );
        if m == 0 {
            return match lang {
                Lang::Zh => format!(
                    "{}中没有要素与项目的地区同名,没有导入边界({u} 个要素未匹配)",
                    self.file
                ),
                Lang::En => format!(
                    "No feature of {} names a region of the project: no boundary imported ({} not matched)",
                    self.file,
                    count_en(u, "feature", "features")
                ),
            };
        }
        let counts = match lang {
            Lang::Zh => format!("{m} 个地区匹配,{u} 个要素未匹配,{w} 个地区没有边界"),
            Lang::En => format!(
                "{} matched, {} not matched, {} without a boundary",
                count_en(m, "region", "regions"),
                count_en(u, "feature", "features"),
                count_en(w, "region", "regions"),
            ),
        };
        match (lang, self.nodes.is_empty()) {
            (Lang::Zh, false) => format!("已导入边界({}):{counts}", self.file),
            (Lang::En, false) => format!("Boundaries imported ({}): {counts}", self.file),
            (Lang::Zh, true) => format!("{}中的边界与项目中的相同,没有修改({counts})", self.file),
            (Lang::En, true) => format!(
                "{} has the boundaries the project already has: nothing changed ({counts})",
                self.file
            ),
        }
    }
}

/// The region nodes, each with its name as compared, whole and short.
struct Regions<'a> {
    nodes: Vec<(&'a Node, String)>,
}

impl<'a> Regions<'a> {
    fn of(project: &'a Project) -> Self {
        let nodes = project
            .nodes
            .values()
            .filter(|n| n.kind == NodeKind::Region)
            .map(|n| (n, normalise_name(&n.name)))
            .collect();
        Self { nodes }
    }

    /// The regions whose name, whole or short, is `key`.
    fn named(&self, key: &str, short: bool) -> Vec<&'a Node> {
        self.nodes
            .iter()
            .filter(|(_, name)| {
                if short {
                    short_name(name) == short_name(key)
                } else {
                    name == key
                }
            })
            .map(|(n, _)| *n)
            .collect()
    }
}

/// Matches the features read from `file` to the project's regions.
pub fn plan_boundaries(
    project: &Project,
    file: &str,
    features: Vec<FeatureOutline>,
) -> BoundaryImport {
    let regions = Regions::of(project);
    // Feature number → its region (and whether by the short name), or why none.
    let mut found: BTreeMap<usize, Result<(&Node, bool), UnmatchedReason>> = BTreeMap::new();
    // Region → the feature that took it.
    let mut taken: BTreeMap<&NodeId, usize> = BTreeMap::new();
    for short in [false, true] {
        for f in &features {
            // The short names only for what no region names exactly.
            if short && found.get(&f.number) != Some(&Err(UnmatchedReason::NoRegion)) {
                continue;
            }
            let result = match (&f.name, &f.boundary) {
                (None, _) => Err(UnmatchedReason::NoName),
                (Some(_), None) => Err(UnmatchedReason::NotPolygon {
                    geometry: f.geometry.clone(),
                }),
                (Some(name), Some(_)) => {
                    match regions.named(&normalise_name(name), short).as_slice() {
                        [] => Err(UnmatchedReason::NoRegion),
                        [one] => match taken.get(&one.id) {
                            Some(&feature) => Err(UnmatchedReason::SameRegion {
                                region: one.name.clone(),
                                feature,
                            }),
                            None => {
                                taken.insert(&one.id, f.number);
                                Ok((*one, short))
                            }
                        },
                        several => Err(UnmatchedReason::Ambiguous {
                            regions: several
                                .iter()
                                .map(|n| format!("{} ({})", n.name, n.id))
                                .collect(),
                        }),
                    }
                }
            };
            found.insert(f.number, result);
        }
    }
    let mut plan = BoundaryImport {
        file: file.to_owned(),
        matched: Vec::new(),
        unmatched: Vec::new(),
        without_boundary: Vec::new(),
        nodes: Vec::new(),
    };
    for f in features {
        match found.remove(&f.number) {
            Some(Ok((node, by_short_name))) => {
                let boundary = f.boundary.unwrap_or_default();
                plan.matched.push(Matched {
                    feature: f.number,
                    feature_name: f.name.unwrap_or_default(),
                    region: node.id.clone(),
                    region_name: node.name.clone(),
                    polygons: boundary.polygons.len(),
                    by_short_name,
                });
                if node.boundary.as_ref() != Some(&boundary) {
                    plan.nodes.push(Node {
                        boundary: Some(boundary),
                        ..node.clone()
                    });
                }
            }
            Some(Err(reason)) => plan.unmatched.push(Unmatched {
                feature: f.number,
                name: f.name,
                adcode: f.adcode,
                reason,
            }),
            None => {}
        }
    }
    plan.without_boundary = without_boundary(&regions, &taken, &plan.matched);
    plan
}

/// The regions left without a boundary: towns (and regions of no level), and regions at any
/// level the file outlined, that neither had one nor got one.
fn without_boundary(
    regions: &Regions<'_>,
    taken: &BTreeMap<&NodeId, usize>,
    matched: &[Matched],
) -> Vec<RegionRef> {
    let mut levels: BTreeSet<Option<RegionLevel>> = BTreeSet::from([None, Some(RegionLevel::Town)]);
    for m in matched {
        if let Some((node, _)) = regions.nodes.iter().find(|(n, _)| n.id == m.region) {
            levels.insert(node.region_level);
        }
    }
    regions
        .nodes
        .iter()
        .filter(|(n, _)| {
            levels.contains(&n.region_level) && n.boundary.is_none() && !taken.contains_key(&n.id)
        })
        .map(|(n, _)| RegionRef {
            id: n.id.clone(),
            name: n.name.clone(),
        })
        .collect()
}

/// The boundary of a region with this many polygons, for the inspector: "有 2 个多边形".
pub fn polygons_text(boundary: Option<&Boundary>, lang: Lang) -> String {
    match boundary.map(|b| b.polygons.len()) {
        None | Some(0) => lang.pick("无", "none").to_owned(),
        Some(n) => match lang {
            Lang::Zh => format!("有 {n} 个多边形"),
            Lang::En => count_en(n, "polygon", "polygons"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_spaces_width_or_case() {
        assert_eq!(normalise_name(" 镇　甲 "), "镇甲");
        assert_eq!(normalise_name("ＡＢ１镇"), "ab1镇");
        assert_eq!(short_name("营盘镇"), "营盘");
        assert_eq!(short_name("乾佑街道"), "乾佑");
        assert_eq!(short_name("镇"), "镇", "a suffix alone stays a name");
        assert_eq!(short_name("县城"), "县城");
    }
}
