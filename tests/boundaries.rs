//! Town boundaries from GeoJSON (issue 20): Polygon, MultiPolygon and holes kept; features
//! matched to regions by name (whole, then without the suffix 镇/乡/街道/县/区), features not
//! matched and towns left without a boundary listed; a broken file refused with what and where,
//! nothing changed; the import one undo step; the CLI path; the 柞水 sample's illustrative file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::document::Document;
use chainmap::file::boundaries::{UnmatchedReason, import_boundaries};
use chainmap::i18n::Lang;
use chainmap::model::{Node, NodeId, NodeKind, Project, RegionLevel};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn region(id: &str, name: &str, level: RegionLevel, parent: Option<&str>) -> Node {
    Node {
        id: NodeId::from(id),
        name: name.to_owned(),
        kind: NodeKind::Region,
        region_level: Some(level),
        region: parent.map(NodeId::from),
        ..Node::default()
    }
}

/// A county with four towns (one written without its suffix) and a village.
fn project() -> Project {
    let mut p = Project::new("边界测试");
    for node in [
        region("R0", "测试县", RegionLevel::County, None),
        region("T1", "营盘", RegionLevel::Town, Some("R0")),
        region("T2", "镇甲", RegionLevel::Town, Some("R0")),
        region("T3", "镇乙", RegionLevel::Town, Some("R0")),
        region("T4", "镇丙", RegionLevel::Town, Some("R0")),
        region("V1", "一村", RegionLevel::Village, Some("T3")),
    ] {
        p.nodes.insert(node.id.clone(), node);
    }
    p
}

/// A closed square ring, counter-clockwise, as GeoJSON text.
fn square(x: f64, y: f64, d: f64) -> String {
    format!(
        "[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]",
        x + d,
        x + d,
        y + d,
        y + d
    )
}

fn feature(name: &str, geometry: &str) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"name":"{name}","adcode":611000}},"geometry":{geometry}}}"#
    )
}

fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

/// 营盘镇 (a Polygon), 镇甲 (a MultiPolygon of two), 镇乙 (a Polygon with a hole), 凤凰镇 (no
/// such town), a river (a LineString); no feature for 镇丙.
fn towns_file() -> String {
    collection(&[
        feature(
            "营盘镇",
            &format!(
                r#"{{"type":"Polygon","coordinates":[{}]}}"#,
                square(109.0, 33.6, 0.1)
            ),
        ),
        feature(
            "镇甲",
            &format!(
                r#"{{"type":"MultiPolygon","coordinates":[[{}],[{}]]}}"#,
                square(109.1, 33.6, 0.1),
                square(109.25, 33.6, 0.02)
            ),
        ),
        feature(
            "　镇乙 ",
            &format!(
                r#"{{"type":"Polygon","coordinates":[{},{}]}}"#,
                square(109.0, 33.7, 0.1),
                square(109.03, 33.73, 0.02)
            ),
        ),
        feature(
            "凤凰镇",
            &format!(
                r#"{{"type":"Polygon","coordinates":[{}]}}"#,
                square(109.3, 33.7, 0.1)
            ),
        ),
        feature(
            "乾佑河",
            r#"{"type":"LineString","coordinates":[[109.0,33.6],[109.2,33.8]]}"#,
        ),
    ])
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn polygons_multipolygons_and_holes_are_matched_by_name_and_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "towns.geojson", &towns_file());
    let mut doc = Document::new(project());
    let plan = import_boundaries(&path, &doc.project).unwrap();

    let matched: Vec<(&str, &str, usize, bool)> = plan
        .matched
        .iter()
        .map(|m| {
            (
                m.feature_name.as_str(),
                m.region.as_str(),
                m.polygons,
                m.by_short_name,
            )
        })
        .collect();
    assert_eq!(
        matched,
        [
            ("营盘镇", "T1", 1, true),
            ("镇甲", "T2", 2, false),
            ("镇乙", "T3", 1, false),
        ]
    );
    // The feature with no town and the one without a polygon are listed, with their names.
    let unmatched: Vec<(usize, Option<&str>, &UnmatchedReason)> = plan
        .unmatched
        .iter()
        .map(|u| (u.feature, u.name.as_deref(), &u.reason))
        .collect();
    assert_eq!(
        unmatched,
        [
            (4, Some("凤凰镇"), &UnmatchedReason::NoRegion),
            (
                5,
                Some("乾佑河"),
                &UnmatchedReason::NotPolygon {
                    geometry: "LineString".to_owned()
                }
            ),
        ]
    );
    assert_eq!(
        plan.unmatched[0].reason.text(Lang::En),
        "no region of that name in the project"
    );
    // The town with no feature is listed; the county and the village are not (the file is of
    // towns).
    let without: Vec<&str> = plan
        .without_boundary
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(without, ["镇丙"]);
    assert_eq!(
        plan.summary(Lang::En),
        "Boundaries imported (towns.geojson): 3 regions matched, 2 features not matched, 1 region without a boundary"
    );

    let depth = doc.undo_depth();
    doc.apply(plan.edit().unwrap()).unwrap();
    assert_eq!(doc.undo_depth(), depth + 1, "one undo step");
    let boundary = |doc: &Document, id: &str| doc.project.nodes[&NodeId::from(id)].boundary.clone();
    let jia = boundary(&doc, "T2").unwrap();
    assert_eq!(jia.polygons.len(), 2, "a MultiPolygon keeps both parts");
    let yi = boundary(&doc, "T3").unwrap();
    assert_eq!(yi.polygons[0].len(), 2, "outer ring and hole");
    assert_eq!(yi.polygons[0][1][0], [109.03, 33.73]);
    assert_eq!(yi.polygons[0][1].len(), 5);
    assert_eq!(boundary(&doc, "T4"), None);
    doc.undo();
    for id in ["T1", "T2", "T3"] {
        assert_eq!(boundary(&doc, id), None, "{id} after undo");
    }
}

#[test]
fn an_exact_name_wins_over_a_shortened_one_and_two_features_for_one_town_are_listed() {
    let mut p = project();
    p.nodes.insert(
        NodeId::from("T5"),
        region("T5", "营盘镇", RegionLevel::Town, Some("R0")),
    );
    let dir = tempfile::tempdir().unwrap();
    let poly = format!(
        r#"{{"type":"Polygon","coordinates":[{}]}}"#,
        square(109.0, 33.6, 0.1)
    );
    // "营盘" fits 营盘 exactly though listed after "营盘镇", which fits 营盘镇 exactly; a second
    // 镇甲 finds its town taken.
    let text = collection(&[
        feature("营盘镇", &poly),
        feature("营盘", &poly),
        feature("镇甲", &poly),
        feature("镇甲", &poly),
    ]);
    let path = write(dir.path(), "dupes.geojson", &text);
    let plan = import_boundaries(&path, &p).unwrap();
    let matched: Vec<(&str, bool)> = plan
        .matched
        .iter()
        .map(|m| (m.region.as_str(), m.by_short_name))
        .collect();
    assert_eq!(matched, [("T5", false), ("T1", false), ("T2", false)]);
    assert_eq!(
        plan.unmatched[0].reason,
        UnmatchedReason::SameRegion {
            region: "镇甲".to_owned(),
            feature: 3
        }
    );
    assert_eq!(
        plan.unmatched[0].reason.text(Lang::Zh),
        "“镇甲”已由第 3 个要素匹配"
    );
}

#[test]
fn a_broken_file_is_refused_naming_what_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let p = project();
    let good = format!(
        r#"{{"type":"Polygon","coordinates":[{}]}}"#,
        square(109.0, 33.6, 0.1)
    );
    let cases = [
        (
            "not-json.geojson",
            "{\"type\": \"FeatureCollection\",\n\"features\": [".to_owned(),
            "not JSON: line 2",
        ),
        (
            "not-geojson.geojson",
            r#"{"format": "chainmap"}"#.to_owned(),
            "not GeoJSON",
        ),
        (
            "no-polygons.geojson",
            collection(&[feature(
                "河",
                r#"{"type":"Point","coordinates":[109.0,33.6]}"#,
            )]),
            "no polygons (Polygon or MultiPolygon) among the 1 features",
        ),
        (
            "out-of-range.geojson",
            collection(&[
                feature("镇甲", &good),
                feature(
                    "镇乙",
                    r#"{"type":"Polygon","coordinates":[[[109.0,33.6],[109.1,33.6],[109.1,133.7],[109.0,33.6]]]}"#,
                ),
            ]),
            "feature 2 \"镇乙\", outer ring, point 3: [109.1, 133.7] is outside longitude −180…180, latitude −90…90",
        ),
        (
            "bad-geometry.geojson",
            collection(&[feature(
                "镇丙",
                r#"{"type":"Polygon","coordinates":[109.0, 33.6]}"#,
            )]),
            "feature 1 \"镇丙\" is not a valid GeoJSON feature",
        ),
    ];
    for (name, text, expected) in cases {
        let path = write(dir.path(), name, &text);
        let issue = import_boundaries(&path, &p).unwrap_err();
        let message = issue.text(Lang::En);
        assert!(message.contains(expected), "{name}: {message}");
        assert!(message.contains(name), "{name} is named: {message}");
        assert!(!issue.text(Lang::Zh).is_empty());
    }
}

fn chainmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_cli_writes_the_boundaries_and_lists_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let project_path = dir.path().join("p.chainmap.json");
    chainmap::file::save(&project_path, &project()).unwrap();
    let geojson = write(dir.path(), "towns.geojson", &towns_file());
    let out = dir.path().join("out.chainmap.json");
    let args = |json: bool| {
        let mut a = vec![
            "--lang".to_owned(),
            "en".to_owned(),
            "import".to_owned(),
            "--boundaries".to_owned(),
            geojson.display().to_string(),
            "--into".to_owned(),
            project_path.display().to_string(),
            "-o".to_owned(),
            out.display().to_string(),
        ];
        if json {
            a.push("--json".to_owned());
        }
        a
    };
    let run = |a: Vec<String>| chainmap(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let o = run(args(false));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        text.contains("3 regions matched, 2 features not matched"),
        "{text}"
    );
    assert!(
        text.contains("feature 1 \"营盘镇\" → 营盘 (T1) (same name without the suffix)"),
        "{text}"
    );
    assert!(
        text.contains("feature 4 \"凤凰镇\" [611000]: no region of that name"),
        "{text}"
    );
    assert!(text.contains("Regions without a boundary: 镇丙"), "{text}");
    let written = chainmap::file::load_path(&out, Default::default())
        .unwrap()
        .project;
    assert_eq!(
        written.nodes[&NodeId::from("T2")]
            .boundary
            .as_ref()
            .unwrap()
            .polygons
            .len(),
        2
    );

    let o = run(args(true));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["matched"].as_array().unwrap().len(), 3);
    assert_eq!(report["unmatched"][0]["name"], "凤凰镇");
    assert_eq!(report["unmatched"][0]["reason"], "no_region");
    assert_eq!(report["without_boundary"][0]["name"], "镇丙");

    // A broken file: exit 1, the place said, nothing written.
    let bad = write(dir.path(), "bad.geojson", "[1, 2");
    std::fs::remove_file(&out).unwrap();
    let o = chainmap(&[
        "--lang",
        "en",
        "import",
        "--boundaries",
        bad.to_str().unwrap(),
        "--into",
        project_path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("bad.geojson") && err.contains("not JSON"),
        "{err}"
    );
    assert!(err.contains("no file was written"), "{err}");
    assert!(!out.exists());
    // --boundaries needs a project to go into.
    let o = chainmap(&[
        "import",
        "--boundaries",
        bad.to_str().unwrap(),
        "-o",
        "x.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_sample_carries_its_illustrative_town_boundaries() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_projects");
    let text = std::fs::read_to_string(root.join("zhashui-towns.geojson")).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["illustrative"], true, "the file says it is made up");
    let project = chainmap::file::load_path(
        &root.join("zhashui-fungus.chainmap.json"),
        Default::default(),
    )
    .unwrap()
    .project;
    let plan = import_boundaries(&root.join("zhashui-towns.geojson"), &project).unwrap();
    assert_eq!(plan.matched.len(), 6, "the county and its five towns");
    assert!(plan.unmatched.is_empty() && plan.without_boundary.is_empty());
    assert!(
        plan.nodes.is_empty(),
        "the sample already carries these outlines"
    );
    let outline = |id: &str| project.nodes[&NodeId::from(id)].boundary.clone().unwrap();
    assert_eq!(outline("T4").polygons.len(), 2, "镇丁 is a MultiPolygon");
    assert_eq!(
        outline("T2").polygons[0].len(),
        2,
        "镇乙 has a hole: the county seat"
    );
    assert_eq!(
        outline("T2").polygons[0][1].len(),
        outline("T5").polygons[0][0].len()
    );
    // Around 109.1°E 33.7°N.
    let [[w, s], [e, n]] = outline("R0").bounds().unwrap();
    assert!(
        (108.9..109.0).contains(&w) && (109.3..109.4).contains(&e),
        "{w} {e}"
    );
    assert!(
        (33.5..33.6).contains(&s) && (33.8..33.9).contains(&n),
        "{s} {n}"
    );
}
