//! The territory map exported (File → Export → 县域空间图): the SVG of the 柞水 sample (which has
//! town boundaries) is well-formed XML with every town as a path and its name as text, names
//! from the file are escaped, and the PNG rendered from it has the size asked for.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::{AnalysisOptions, analyze};
use chainmap::file::{LoadOptions, load_path};
use chainmap::i18n::Lang;
use chainmap::model::{NodeKind, Project};
use chainmap::ui::territory::TownColouring;
use chainmap::ui::territory::svg::{export_layout, natural_size, territory_png, territory_svg};

fn sample() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects/zhashui-fungus.chainmap.json");
    load_path(&path, LoadOptions::default()).unwrap().project
}

/// The sample with its largest placed firm renamed to something that breaks naive XML.
const HOSTILE: &str = r#"<script>&"x"'"#;

fn svg_of(project: &Project, lang: Lang) -> (String, usize, Vec<String>) {
    let analysis = analyze(project, &AnalysisOptions::default());
    let layout = export_layout(project, &analysis.territory);
    assert!(layout.geographic, "the sample's towns have boundaries");
    let names = analysis
        .territory
        .towns
        .iter()
        .map(|t| t.name.clone())
        .collect();
    (
        territory_svg(&layout, project, lang, TownColouring::Zone, None),
        layout.towns.len(),
        names,
    )
}

#[test]
fn svg_is_xml_with_every_town_as_a_path_and_named() {
    let mut project = sample();
    let firm = analyze(&project, &AnalysisOptions::default())
        .territory
        .towns[0]
        .firms[0]
        .clone();
    project.nodes.get_mut(&firm).unwrap().name = HOSTILE.to_owned();
    assert_eq!(project.nodes[&firm].kind, NodeKind::Enterprise);
    for lang in [Lang::Zh, Lang::En] {
        let (svg, shapes, names) = svg_of(&project, lang);
        assert!(names.len() >= 3, "the sample has several towns: {names:?}");
        let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        let town_paths: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("path") && n.attribute("class") == Some("town"))
            .collect();
        assert_eq!(town_paths.len(), shapes, "one path per town shape");
        for p in &town_paths {
            assert_eq!(p.attribute("fill-rule"), Some("evenodd"));
            assert!(p.attribute("d").unwrap().starts_with('M'));
        }
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        for name in &names {
            assert!(texts.contains(&name.as_str()), "town {name} is labelled");
        }
        // The hostile name is in the firm's tooltip, escaped in the file, whole once parsed.
        assert!(svg.contains("&lt;script&gt;&amp;&quot;x&quot;&apos;"));
        assert!(!svg.contains("<script"));
        assert!(
            doc.descendants()
                .filter(|n| n.has_tag_name("title"))
                .filter_map(|n| n.text())
                .any(|t| t.starts_with(HOSTILE)),
            "the firm's name reads back whole"
        );
        let legend = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("legend"))
            .expect("a legend");
        assert!(legend.children().any(|n| n.has_tag_name("text")));
        let title = lang.pick("县域空间图", "Territory map");
        assert!(texts.iter().any(|t| t.contains(title)), "titled {title}");
    }
}

#[test]
fn svg_has_arcs_and_dashed_farmer_links_of_the_sample() {
    let (svg, _, _) = svg_of(&sample(), Lang::Zh);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let group = |id: &str| {
        doc.descendants()
            .find(|n| n.attribute("id") == Some(id))
            .unwrap_or_else(|| panic!("group {id}"))
    };
    assert!(group("firms").children().any(|n| n.has_tag_name("circle")));
    assert_eq!(
        group("farmer-links").attribute("stroke-dasharray"),
        Some("4 3")
    );
    // Arcs, if the sample has supply between towns, are quadratic curves.
    for arc in group("supply")
        .children()
        .filter(|n| n.has_tag_name("path") && n.attribute("fill") == Some("none"))
    {
        assert!(arc.attribute("d").unwrap().contains('Q'));
    }
}

#[test]
fn png_has_the_signature_and_the_size_asked_for() {
    let project = sample();
    let analysis = analyze(&project, &AnalysisOptions::default());
    let layout = export_layout(&project, &analysis.territory);
    let (w, h) = natural_size(&layout);
    let size = (w * 3 / 2, h * 3 / 2);
    let png = territory_png(&layout, &project, Lang::Zh, TownColouring::Zone, size).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), size);
    if let Ok(dir) = std::env::var("TERRITORY_PNG_OUT") {
        std::fs::write(std::path::Path::new(&dir).join("territory.png"), &png).unwrap();
    }
    assert!(territory_png(&layout, &project, Lang::Zh, TownColouring::Zone, (0, 10)).is_err());
}

/// A printed map has no hover: the firms are named on it where their names fit, the largest
/// first, and no label or arc end sits on a town's name.
#[test]
fn the_printed_map_names_firms_and_keeps_town_names_clear() {
    let project = sample();
    let analysis = analyze(&project, &AnalysisOptions::default());
    let layout = export_layout(&project, &analysis.territory);
    let svg = territory_svg(&layout, &project, Lang::Zh, TownColouring::Zone, None);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let names: Vec<&str> = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("firm-names"))
        .expect("a firm-names group")
        .children()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    let largest = layout
        .beads
        .iter()
        .max_by(|a, b| a.output.total_cmp(&b.output))
        .unwrap();
    assert!(names.contains(&largest.name.as_str()), "{names:?}");
    assert!(
        names.len() * 2 >= layout.beads.len(),
        "most of the {} firms are named: {names:?}",
        layout.beads.len()
    );
    assert!(
        !layout.arcs.is_empty(),
        "the sample has supply between towns"
    );
    for arc in &layout.arcs {
        for town in layout.towns.iter().filter(|t| !t.rings.is_empty()) {
            assert!(
                !town.label_box.contains(arc.from) && !town.label_box.contains(arc.to),
                "an arc ends on {}'s name",
                town.name
            );
        }
    }
}
