//! Town boundaries from GeoJSON (File → Import Boundaries…, `chainmap import --boundaries`): the
//! features of a DataV-style FeatureCollection (each a town or county with `name` and `adcode`
//! properties and a Polygon or MultiPolygon, holes kept) read into [`Boundary`]s, then matched to
//! the project's region nodes by name ([`matching`]).
//!
//! A file that cannot be read as outlines (not UTF-8, not JSON, not GeoJSON, a feature whose
//! geometry is malformed, a ring with too few points or a point off the globe, no polygon at all)
//! is refused with one message naming the feature (its number and name), polygon, ring and point,
//! so the user can find it in the file; nothing is imported then. Features without a polygon
//! (points, lines, empty geometries) are kept and listed as not imported.
//!
//! The `geojson` crate parses each feature from an already-read `serde_json::Value`: this crate
//! builds serde_json with `arbitrary_precision`, under which the crate's own text parser cannot
//! read coordinates, while parsing from a `Value` can.

pub mod matching;

pub use matching::{
    BoundaryImport, Matched, RegionRef, Unmatched, UnmatchedReason, plan_boundaries, polygons_text,
};

use crate::model::{Boundary, Issue, Project};
use geojson::{Feature, GeometryValue, Position};
use serde_json::Value;
use std::path::Path;

/// The largest boundary file read: a county's towns from DataV are a few MB at full detail.
pub const MAX_BOUNDARY_BYTES: u64 = 64 * 1024 * 1024;

/// One feature of a boundary file as read.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureOutline {
    /// Its place in the file, from 1 (as people count).
    pub number: usize,
    /// Its `name` property, trimmed; none when missing or empty.
    pub name: Option<String>,
    /// Its `adcode` property (行政区划代码), as text; none when missing.
    pub adcode: Option<String>,
    /// The outline, for a Polygon or MultiPolygon; none for any other geometry.
    pub boundary: Option<Boundary>,
    /// The geometry's GeoJSON type ("Polygon", "LineString" …), or "null".
    pub geometry: String,
}

impl FeatureOutline {
    /// "第 3 个要素“镇乙”" / "feature 3 \"镇乙\"": how messages name it.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        feature_label(self.number, self.name.as_deref(), lang)
    }
}

/// How messages name the feature numbered `number`.
pub fn feature_label(number: usize, name: Option<&str>, lang: crate::i18n::Lang) -> String {
    match (lang, name) {
        (crate::i18n::Lang::Zh, Some(name)) => format!("第 {number} 个要素“{name}”"),
        (crate::i18n::Lang::Zh, None) => format!("第 {number} 个要素(无名称)"),
        (crate::i18n::Lang::En, Some(name)) => format!("feature {number} \"{name}\""),
        (crate::i18n::Lang::En, None) => format!("feature {number} (no name)"),
    }
}

/// Reads the boundary file at `path` and matches its features to the project's regions.
pub fn import_boundaries(path: &Path, project: &Project) -> Result<BoundaryImport, Issue> {
    let features = read_boundaries(path)?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok(plan_boundaries(project, &file, features))
}

/// Reads the features of the GeoJSON file at `path`.
pub fn read_boundaries(path: &Path) -> Result<Vec<FeatureOutline>, Issue> {
    let place = path.display().to_string();
    let fail = |code, zh: String, en: String| Issue::blocking(code, place.clone(), zh, en);
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_BOUNDARY_BYTES
    {
        let mb = meta.len() / 1_048_576;
        return Err(fail(
            "too_large",
            format!("文件有 {mb} MB,超过边界文件的上限 64 MB"),
            format!("the file is {mb} MB, over the 64 MB limit for boundary files"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        fail(
            "io",
            format!("无法读取文件:{e}"),
            format!("cannot read the file: {e}"),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        fail(
            "not_utf8",
            "文件不是 UTF-8 文本(GeoJSON 必须是 UTF-8)".to_owned(),
            "the file is not UTF-8 text (GeoJSON must be UTF-8)".to_owned(),
        )
    })?;
    parse_boundaries(&text).map_err(|(zh, en)| fail("bad_geojson", zh, en))
}

/// A problem with the file, in Chinese and English.
type Problem = (String, String);

/// Reads the features of GeoJSON text: a FeatureCollection, or a single Feature.
pub fn parse_boundaries(text: &str) -> Result<Vec<FeatureOutline>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        (
            format!("不是 JSON:第 {} 行第 {} 列:{e}", e.line(), e.column()),
            format!("not JSON: line {}, column {}: {e}", e.line(), e.column()),
        )
    })?;
    let kind = value.get("type").and_then(Value::as_str).unwrap_or("");
    let features: Vec<&Value> = match kind {
        "FeatureCollection" => match value.get("features").and_then(Value::as_array) {
            Some(features) => features.iter().collect(),
            None => {
                return Err((
                    "FeatureCollection 缺少 features 数组".to_owned(),
                    "the FeatureCollection has no \"features\" array".to_owned(),
                ));
            }
        },
        "Feature" => vec![&value],
        "Polygon" | "MultiPolygon" | "GeometryCollection" => {
            return Err((
                format!("文件只有一个几何({kind}),没有带名称的要素,无法对应到镇"),
                format!(
                    "the file is a bare {kind} without names: a FeatureCollection whose features carry a \"name\" is needed to match towns"
                ),
            ));
        }
        _ => {
            return Err((
                "不是 GeoJSON:顶层缺少 \"type\": \"FeatureCollection\"".to_owned(),
                "not GeoJSON: no \"type\": \"FeatureCollection\" at the top".to_owned(),
            ));
        }
    };
    let outlines = features
        .into_iter()
        .enumerate()
        .map(|(i, value)| read_feature(i + 1, value))
        .collect::<Result<Vec<_>, _>>()?;
    if !outlines.iter().any(|f| f.boundary.is_some()) {
        return Err((
            format!(
                "{} 个要素中没有多边形(Polygon 或 MultiPolygon)",
                outlines.len()
            ),
            format!(
                "no polygons (Polygon or MultiPolygon) among the {} features",
                outlines.len()
            ),
        ));
    }
    Ok(outlines)
}

/// Reads one feature: its name and code, and its outline when it is polygonal.
fn read_feature(number: usize, value: &Value) -> Result<FeatureOutline, Problem> {
    // The name first, so a broken geometry can be reported with it.
    let properties = value.get("properties");
    let property = |key: &str| properties.and_then(|p| p.get(key)).and_then(text_of);
    let name = property("name").or_else(|| property("NAME"));
    let adcode = property("adcode");
    let feature: Feature = serde_json::from_value(value.clone()).map_err(|e| {
        let zh = feature_label(number, name.as_deref(), crate::i18n::Lang::Zh);
        let en = feature_label(number, name.as_deref(), crate::i18n::Lang::En);
        (
            format!("{zh}不是有效的 GeoJSON 要素:{e}"),
            format!("{en} is not a valid GeoJSON feature: {e}"),
        )
    })?;
    let mut outline = FeatureOutline {
        number,
        name,
        adcode,
        boundary: None,
        geometry: "null".to_owned(),
    };
    let Some(geometry) = feature.geometry else {
        return Ok(outline);
    };
    outline.geometry = geometry.value.type_name().to_owned();
    let polygons = match geometry.value {
        GeometryValue::Polygon { coordinates } => vec![coordinates],
        GeometryValue::MultiPolygon { coordinates } => coordinates,
        _ => return Ok(outline),
    };
    let mut boundary = Boundary::default();
    for (p, polygon) in polygons.iter().enumerate() {
        let at = Where {
            feature: &outline,
            polygon: p + 1,
            polygons: polygons.len(),
        };
        boundary.polygons.push(read_polygon(polygon, &at)?);
    }
    outline.boundary = Some(boundary);
    Ok(outline)
}

/// A property as text: strings trimmed (none when empty), numbers as written.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Which polygon of which feature is being read, for messages.
struct Where<'a> {
    feature: &'a FeatureOutline,
    polygon: usize,
    polygons: usize,
}

impl Where<'_> {
    /// "第 3 个要素“镇乙”第 2 个多边形的第 1 个洞" and its English.
    fn ring(&self, ring: usize) -> Problem {
        let (zh, en) = (
            self.feature.label(crate::i18n::Lang::Zh),
            self.feature.label(crate::i18n::Lang::En),
        );
        let (pzh, pen) = if self.polygons > 1 {
            (
                format!("第 {} 个多边形的", self.polygon),
                format!(", polygon {}", self.polygon),
            )
        } else {
            (String::new(), String::new())
        };
        let (rzh, ren) = if ring == 0 {
            ("外边界".to_owned(), "outer ring".to_owned())
        } else {
            (format!("第 {ring} 个洞"), format!("hole {ring}"))
        };
        (format!("{zh}的{pzh}{rzh}"), format!("{en}{pen}, {ren}"))
    }
}

/// A polygon's rings as `[lon, lat]` points: every point on the globe, every ring of at least
/// four points; a ring not closed is closed (hand-made files often leave it open).
fn read_polygon(polygon: &[Vec<Position>], at: &Where<'_>) -> Result<Vec<Vec<[f64; 2]>>, Problem> {
    if polygon.is_empty() {
        let (zh, en) = at.ring(0);
        return Err((format!("{zh}缺失(多边形没有环)"), format!("{en}: missing")));
    }
    let mut rings = Vec::with_capacity(polygon.len());
    for (r, ring) in polygon.iter().enumerate() {
        let mut points = Vec::with_capacity(ring.len() + 1);
        for (i, position) in ring.iter().enumerate() {
            let point = read_point(position).map_err(|(zh, en)| {
                let (rzh, ren) = at.ring(r);
                (
                    format!("{rzh}的第 {} 个点:{zh}", i + 1),
                    format!("{ren}, point {}: {en}", i + 1),
                )
            })?;
            points.push(point);
        }
        if let (Some(first), Some(last)) = (points.first(), points.last())
            && first != last
        {
            points.push(*first);
        }
        if points.len() < 4 {
            let (zh, en) = at.ring(r);
            return Err((
                format!("{zh}只有 {} 个点,围不成面(至少 3 个不同的点)", ring.len()),
                format!(
                    "{en} has {} points: too few to enclose an area (3 distinct points at least)",
                    ring.len()
                ),
            ));
        }
        rings.push(points);
    }
    Ok(rings)
}

/// A position as `[lon, lat]` in degrees (a height, if any, dropped).
fn read_point(position: &Position) -> Result<[f64; 2], Problem> {
    let [lon, lat, ..] = position.as_slice() else {
        return Err((
            "只有一个数,缺少纬度".to_owned(),
            "has one number: the latitude is missing".to_owned(),
        ));
    };
    let (lon, lat) = (*lon, *lat);
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        let swapped = (-90.0..=90.0).contains(&lon) && (-180.0..=180.0).contains(&lat);
        let (hint_zh, hint_en) = if swapped {
            (
                "(经纬度是否写反了?GeoJSON 先经度后纬度)",
                " (longitude and latitude swapped? GeoJSON gives longitude first)",
            )
        } else {
            (
                "(坐标应为经纬度,不是投影坐标)",
                " (coordinates must be degrees, not projected metres)",
            )
        };
        return Err((
            format!("[{lon}, {lat}] 超出经度 −180…180、纬度 −90…90 的范围{hint_zh}"),
            format!("[{lon}, {lat}] is outside longitude −180…180, latitude −90…90{hint_en}"),
        ));
    }
    Ok([lon, lat])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, d: f64) -> String {
        format!(
            "[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]",
            x + d,
            x + d,
            y + d,
            y + d
        )
    }

    #[test]
    fn a_polygon_with_a_hole_keeps_both_rings() {
        let text = format!(
            r#"{{"type":"Feature","properties":{{"name":" 镇甲 ","adcode":611026100}},
                "geometry":{{"type":"Polygon","coordinates":[{},{}]}}}}"#,
            square(109.0, 33.6, 0.1),
            square(109.02, 33.62, 0.02)
        );
        let features = parse_boundaries(&text).unwrap();
        assert_eq!(features.len(), 1);
        let f = &features[0];
        assert_eq!(f.name.as_deref(), Some("镇甲"));
        assert_eq!(f.adcode.as_deref(), Some("611026100"));
        let b = f.boundary.as_ref().unwrap();
        assert_eq!(b.polygons.len(), 1);
        assert_eq!(b.polygons[0].len(), 2, "outer ring and hole");
        assert_eq!(b.polygons[0][1][0], [109.02, 33.62]);
    }

    #[test]
    fn an_open_ring_is_closed_and_heights_are_dropped() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},
            "geometry":{"type":"Polygon","coordinates":[[[109,33,500],[109.1,33],[109.1,33.1]]]}}]}"#;
        let features = parse_boundaries(text).unwrap();
        let ring = &features[0].boundary.as_ref().unwrap().polygons[0][0];
        assert_eq!(
            ring,
            &vec![[109.0, 33.0], [109.1, 33.0], [109.1, 33.1], [109.0, 33.0]]
        );
    }

    #[test]
    fn broken_files_say_what_and_where() {
        let (zh, en) =
            parse_boundaries("{\"type\": \"FeatureCollection\",\n \"features\": [}").unwrap_err();
        assert!(en.starts_with("not JSON: line 2"), "{en}");
        assert!(zh.starts_with("不是 JSON:第 2 行"), "{zh}");
        let (_, en) = parse_boundaries(r#"{"chains": []}"#).unwrap_err();
        assert!(en.starts_with("not GeoJSON"), "{en}");
        let swapped = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"镇乙"},
            "geometry":{"type":"MultiPolygon","coordinates":[[[[109,33],[109.1,33],[109.1,33.1],[109,33]]],
            [[[33.6,109],[33.7,109],[33.7,109.1],[33.6,109]]]]}}]}"#;
        let (zh, en) = parse_boundaries(swapped).unwrap_err();
        assert_eq!(
            en,
            "feature 1 \"镇乙\", polygon 2, outer ring, point 1: [33.6, 109] is outside longitude −180…180, latitude −90…90 (longitude and latitude swapped? GeoJSON gives longitude first)"
        );
        assert!(
            zh.starts_with("第 1 个要素“镇乙”的第 2 个多边形的外边界的第 1 个点:[33.6, 109]"),
            "{zh}"
        );
        let lines = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"河"},
            "geometry":{"type":"LineString","coordinates":[[109,33],[109.1,33]]}}]}"#;
        let (_, en) = parse_boundaries(lines).unwrap_err();
        assert_eq!(
            en,
            "no polygons (Polygon or MultiPolygon) among the 1 features"
        );
        let short = r#"{"type":"Feature","properties":{"name":"镇丙"},
            "geometry":{"type":"Polygon","coordinates":[[[109,33],[109.1,33],[109,33]]]}}"#;
        let (_, en) = parse_boundaries(short).unwrap_err();
        assert!(
            en.starts_with("feature 1 \"镇丙\", outer ring has 3 points"),
            "{en}"
        );
        let malformed = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"镇丁"},
            "geometry":{"type":"Polygon","coordinates":[[109,33],[109.1,33]]}}]}"#;
        let (_, en) = parse_boundaries(malformed).unwrap_err();
        assert!(
            en.starts_with("feature 1 \"镇丁\" is not a valid GeoJSON feature"),
            "{en}"
        );
    }
}
