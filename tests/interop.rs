//! Spreadsheets in and files out: the shared chain data imports into the sample's counts in
//! every encoding and as XLSX; bad rows are reported by row and column and nothing is
//! imported; every export parses back with the right counts, and Chinese survives each trip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::{AnalysisOptions, analyze};
use chainmap::export::{ExportFormat, ExportOptions, TableName, export};
use chainmap::file::import::{ImportOptions, ImportSource, TableKind, guess_mapping, plan_import};
use chainmap::file::table::{TextEncoding, read_csv, read_table};
use chainmap::i18n::Lang;
use chainmap::model::{LinkKind, NodeKind, Project};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn sample(name: &str) -> Project {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(name);
    chainmap::file::load_path(&path, Default::default())
        .unwrap()
        .project
}

fn shared_sources() -> Vec<ImportSource> {
    [
        (TableKind::Stages, "zhashui_like_stages.csv"),
        (TableKind::Nodes, "zhashui_like_enterprises.csv"),
        (TableKind::Links, "zhashui_like_supply_edges.csv"),
    ]
    .into_iter()
    .map(|(kind, file)| ImportSource::guessed(kind, read_table(&data(file), None).unwrap()))
    .collect()
}

fn import_all(sources: &[ImportSource]) -> Project {
    let mut project = Project::new("导入");
    let plan = plan_import(
        &project,
        sources,
        &ImportOptions {
            year: Some(2024),
            chain: None,
        },
    );
    assert!(!plan.has_errors(), "{:#?}", plan.problems);
    plan.apply_to(&mut project);
    project
}

fn count(project: &Project, kind: LinkKind) -> usize {
    project.links.values().filter(|l| l.kind == kind).count()
}

#[test]
fn headers_map_to_fields_in_either_language() {
    let headers: Vec<String> = [
        "企业名称",
        "所属环节",
        "产值(万元)",
        "税收",
        "用地面积(亩)",
        "备注",
    ]
    .map(String::from)
    .to_vec();
    let m = guess_mapping(TableKind::Nodes, &headers);
    use chainmap::file::import::Field;
    assert_eq!(
        m.columns,
        vec![
            Some(Field::Name),
            Some(Field::Stage),
            Some(Field::Output),
            Some(Field::Tax),
            Some(Field::Land),
            Some(Field::Note)
        ]
    );
    let english: Vec<String> = [
        "id",
        "name",
        "stage",
        "kind",
        "revenue_wan",
        "tax_wan",
        "land_mu",
    ]
    .map(String::from)
    .to_vec();
    let m = guess_mapping(TableKind::Nodes, &english);
    assert_eq!(m.columns[4], Some(Field::Output));
    assert_eq!(m.columns[6], Some(Field::Land));
}

#[test]
fn the_shared_data_imports_into_the_samples_counts() {
    let project = import_all(&shared_sources());
    let sample = sample("zhashui-fungus.chainmap.json");
    assert_eq!(project.stages().count(), sample.stages().count());
    let firms = |p: &Project| {
        p.nodes
            .values()
            .filter(|n| n.kind.is_enterprise_like())
            .count()
    };
    assert_eq!(firms(&project), firms(&sample));
    assert_eq!(firms(&project), 39);
    assert_eq!(
        count(&project, LinkKind::Supply),
        count(&sample, LinkKind::Supply)
    );
    assert_eq!(
        count(&project, LinkKind::LocatedIn),
        count(&sample, LinkKind::LocatedIn)
    );
    let kind_count = |p: &Project, k: NodeKind| p.nodes.values().filter(|n| n.kind == k).count();
    assert_eq!(kind_count(&project, NodeKind::Park), 3);
    for kind in NodeKind::ALL.into_iter().filter(|k| k.is_enterprise_like()) {
        assert_eq!(
            kind_count(&project, kind),
            kind_count(&sample, kind),
            "{kind:?}"
        );
    }
    // Same names, same figures, same link-based local supporting rate (the sample's surveyed
    // purchases are not in the shared tables).
    let e23 = &project.nodes[&"E23".into()];
    assert_eq!(e23.name, "链主食品集团(县外引进)");
    assert_eq!(e23.tags, ["链主", "规上", "县外引进"]);
    assert_eq!(e23.figures[&2024].output, Some(21000.into()));
    let options = AnalysisOptions::default();
    assert_eq!(
        analyze(&project, &options).supply_rate.link_based,
        analyze(&sample, &options).supply_rate.link_based
    );
    // Every node has a place on the canvas, and the file is valid.
    assert!(project.nodes.values().all(|n| n.position.is_some()));
    assert!(
        chainmap::model::validate::validate(&project)
            .iter()
            .all(|i| i.severity != chainmap::model::Severity::Error)
    );
}

#[test]
fn gbk_bom_and_xlsx_copies_import_the_same() {
    let reference = import_all(&shared_sources());
    let text = std::fs::read_to_string(data("zhashui_like_enterprises.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();

    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let gbk_path = dir.path().join("enterprises-gbk.csv");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let bom_path = dir.path().join("enterprises-bom.csv");
    std::fs::write(&bom_path, &bom).unwrap();

    // An Excel workbook of the same rows (numbers as numbers).
    let xlsx_path = dir.path().join("enterprises.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .enumerate()
    {
        for (c, cell) in line.unwrap().iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(v) if r > 0 => sheet.write_number(r as u32, c as u16, v).unwrap(),
                _ => sheet.write_string(r as u32, c as u16, cell).unwrap(),
            };
        }
    }
    book.save(&xlsx_path).unwrap();

    for (path, encoding) in [
        (&gbk_path, Some(TextEncoding::Gbk)),
        (&bom_path, Some(TextEncoding::Utf8Bom)),
        (&xlsx_path, None),
    ] {
        let table = read_table(path, None).unwrap();
        assert_eq!(table.encoding, encoding);
        let mut sources = shared_sources();
        sources[1] = ImportSource::guessed(TableKind::Nodes, table);
        let project = import_all(&sources);
        assert_eq!(project, reference, "{}", path.display());
    }
}

#[test]
fn bad_rows_are_reported_by_row_and_column_and_nothing_is_imported() {
    let bad = "id,name,stage,kind,revenue_wan,tax_wan,land_mu,employees\n\
               E01,菌种公司A,U1,enterprise,1800,95,12,40\n\
               E02,坏数字公司,U1,enterprise,一千,95,12,40\n\
               E03,无环节公司,Z9,enterprise,100,5,1,3\n\
               E04,负税公司,U1,enterprise,100,-5,1,3\n\
               E05,怪类型,U1,spaceship,100,5,1,3\n\
               E06,小数人数,U1,enterprise,100,5,1,2.5\n\
               E01,重复,U1,enterprise,1,1,1,1\n";
    let table = read_csv("bad.csv", bad.as_bytes()).unwrap();
    let mut sources = shared_sources();
    sources[1] = ImportSource::guessed(TableKind::Nodes, table);
    let before = Project::new("x");
    let plan = plan_import(&before, &sources, &ImportOptions::default());
    assert!(plan.has_errors());
    let places: Vec<&str> = plan
        .problems
        .iter()
        .map(|p| p.issue.place.as_str())
        .collect();
    for expected in [
        "bad.csv row 3, column revenue_wan",
        "bad.csv row 4, column stage",
        "bad.csv row 5, column tax_wan",
        "bad.csv row 6, column kind",
        "bad.csv row 7, column employees",
        "bad.csv row 8, column id",
    ] {
        assert!(places.contains(&expected), "{expected} in {places:#?}");
    }
    let rows: Vec<Option<usize>> = plan.problems.iter().map(|p| p.row).collect();
    assert!(rows.contains(&Some(3)));
    // Nothing half-imported: no nodes, no links, no chains.
    assert!(plan.nodes.is_empty() && plan.links.is_empty() && plan.chains.is_empty());

    // Links to nobody are errors too, with their row and column.
    let links = read_csv(
        "links.csv",
        "supplier_id,buyer_id,product,amount_wan_per_year\nE01,E05,栽培种,420\nE01,E99,栽培种,-1\n"
            .as_bytes(),
    )
    .unwrap();
    let mut sources = shared_sources();
    sources[2] = ImportSource::guessed(TableKind::Links, links);
    let plan = plan_import(&before, &sources, &ImportOptions::default());
    let messages: Vec<String> = plan
        .problems
        .iter()
        .map(|p| p.issue.text(Lang::En))
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("links.csv row 3, column buyer_id") && m.contains("\"E99\"")),
        "{messages:#?}"
    );
}

#[test]
fn importing_again_updates_instead_of_duplicating() {
    let sample = sample("zhashui-fungus.chainmap.json");
    let update = read_csv(
        "update.csv",
        "名称,产值,税收\n菌种公司A,2000,100\n新菌种公司,50,1\n".as_bytes(),
    )
    .unwrap();
    let sources = vec![ImportSource::guessed(TableKind::Nodes, update)];
    let plan = plan_import(
        &sample,
        &sources,
        &ImportOptions {
            year: Some(2024),
            chain: None,
        },
    );
    assert!(!plan.has_errors(), "{:#?}", plan.problems);
    assert_eq!(plan.summary.nodes_updated, 1);
    assert_eq!(plan.summary.nodes_added, 1);
    let mut project = sample.clone();
    plan.apply_to(&mut project);
    assert_eq!(project.nodes.len(), sample.nodes.len() + 1);
    let e01 = &project.nodes[&"E01".into()];
    assert_eq!(e01.figures[&2024].output, Some(2000.into()));
    assert_eq!(e01.figures[&2024].tax, Some(100.into()));
    assert_eq!(
        e01.figures[&2024].employees,
        sample.nodes[&"E01".into()].figures[&2024].employees,
        "figures the table does not have are kept"
    );
    assert_eq!(e01.position, sample.nodes[&"E01".into()].position);
    // As one undoable edit.
    let mut doc = chainmap::document::Document::new(sample.clone());
    doc.apply(chainmap::edit::Edit::Import {
        chains: plan.chains.clone(),
        nodes: plan.nodes.clone(),
        links: plan.links.clone(),
    })
    .unwrap();
    assert_eq!(doc.project, project);
    assert!(doc.undo());
    assert_eq!(doc.project, sample);
}

fn export_one(project: &Project, format: ExportFormat, options: &ExportOptions) -> Vec<u8> {
    let files = export(project, format, options).unwrap();
    files.into_iter().next().unwrap().bytes
}

fn zh() -> ExportOptions {
    ExportOptions {
        lang: Lang::Zh,
        ..ExportOptions::default()
    }
}

#[test]
fn graphml_and_gexf_parse_back_with_every_node_and_link() {
    for name in [
        "zhashui-fungus.chainmap.json",
        "ankang-enclave.chainmap.json",
    ] {
        let project = sample(name);
        let bytes = export_one(&project, ExportFormat::Graphml, &zh());
        let text = String::from_utf8(bytes).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let nodes: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .collect();
        let edges: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("edge"))
            .collect();
        assert_eq!(nodes.len(), project.nodes.len());
        assert_eq!(edges.len(), project.links.len());
        for node in &nodes {
            let id = node.attribute("id").unwrap();
            let model = &project.nodes[&id.into()];
            // yEd: label, fill and geometry; Gephi: label, x, y, r, g, b.
            let label = node
                .descendants()
                .find(|n| n.has_tag_name("NodeLabel"))
                .and_then(|n| n.text())
                .unwrap();
            assert_eq!(label, model.name);
            assert!(node.descendants().any(|n| n.has_tag_name("Geometry")));
            let fill = node.descendants().find(|n| n.has_tag_name("Fill")).unwrap();
            assert_eq!(
                fill.attribute("color").unwrap(),
                chainmap::style::hex(chainmap::style::node_fill(model.kind))
            );
            let value = |key: &str| {
                node.children()
                    .find(|n| n.has_tag_name("data") && n.attribute("key") == Some(key))
                    .and_then(|n| n.text())
                    .unwrap()
                    .to_owned()
            };
            assert_eq!(value("label"), model.name);
            let pos = model.position.unwrap();
            assert_eq!(value("x").parse::<f32>().unwrap(), pos.x);
            assert_eq!(value("y").parse::<f32>().unwrap(), -pos.y);
            assert_eq!(
                value("r").parse::<u8>().unwrap(),
                chainmap::style::node_fill(model.kind)[0]
            );
        }
        for edge in &edges {
            let link = &project.links[&edge.attribute("id").unwrap().into()];
            assert_eq!(edge.attribute("source").unwrap(), link.from.as_str());
            assert_eq!(edge.attribute("target").unwrap(), link.to.as_str());
        }

        let text = String::from_utf8(export_one(&project, ExportFormat::Gexf, &zh())).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("version"), Some("1.3"));
        assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
        let nodes: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .collect();
        assert_eq!(nodes.len(), project.nodes.len());
        assert_eq!(
            doc.descendants().filter(|n| n.has_tag_name("edge")).count(),
            project.links.len()
        );
        for node in nodes {
            let model = &project.nodes[&node.attribute("id").unwrap().into()];
            assert_eq!(node.attribute("label").unwrap(), model.name);
            let viz = "http://gexf.net/1.3/viz";
            let position = node
                .children()
                .find(|n| {
                    n.tag_name().name() == "position" && n.tag_name().namespace() == Some(viz)
                })
                .unwrap();
            assert_eq!(
                position.attribute("x").unwrap().parse::<f32>().unwrap(),
                model.position.unwrap().x
            );
            let colour = node
                .children()
                .find(|n| n.tag_name().name() == "color" && n.tag_name().namespace() == Some(viz))
                .unwrap();
            assert_eq!(
                colour.attribute("g").unwrap().parse::<u8>().unwrap(),
                chainmap::style::node_fill(model.kind)[1]
            );
        }
    }
}

#[test]
fn svg_and_png_are_the_map_with_its_chinese_text() {
    let project = sample("zhashui-fungus.chainmap.json");
    let options = ExportOptions {
        lang: Lang::Zh,
        size: Some((1200, 500)),
        ..ExportOptions::default()
    };
    let svg = String::from_utf8(export_one(&project, ExportFormat::Svg, &options)).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("1200"));
    assert!(
        root.attribute("font-family")
            .unwrap()
            .contains("Noto Sans SC")
    );
    let groups = doc
        .descendants()
        .filter(|n| n.attribute("id").is_some_and(|id| id.starts_with("node-")))
        .count();
    assert_eq!(
        groups,
        project
            .nodes
            .values()
            .filter(|n| n.position.is_some())
            .count()
    );
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"菌包工厂A"));
    assert!(texts.contains(&"柞水木耳产业链图谱(示例)"));

    let png = export_one(&project, ExportFormat::Png, &options);
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let info = reader.info();
    assert_eq!((info.width, info.height), (1200, 500));
    // Drawn, not blank: the picture has many colours (lanes, nodes, text).
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buf).unwrap();
    let pixels = &buf[..frame.buffer_size()];
    let distinct: std::collections::BTreeSet<&[u8]> = pixels.chunks(4).collect();
    assert!(distinct.len() > 200, "{} colours", distinct.len());
    // A picture larger than the limit is refused with a message, not attempted.
    let huge = ExportOptions {
        size: Some((100_000, 100)),
        ..options
    };
    let e = export(&project, ExportFormat::Png, &huge).unwrap_err();
    assert!(e.to_string().contains("at most"));
}

#[test]
fn tables_read_back_from_xlsx_and_csv_and_reimport() {
    let project = sample("ankang-enclave.chainmap.json");
    let bytes = export_one(&project, ExportFormat::Xlsx, &zh());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tables.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "节点",
            "连线",
            "缺口",
            "链主",
            "亩均效益",
            "协议分成",
            "指标",
            "招商清单",
            "镇域",
            "主体功能区提示"
        ]
    );
    let nodes = book.worksheet_range("节点").unwrap();
    assert_eq!(nodes.height(), project.nodes.len() + 1);
    assert_eq!(
        nodes.get((0, 1)).unwrap().to_string(),
        "名称",
        "Chinese headers by default"
    );
    // Every node on its row, in id order, with its name and kind.
    for (r, node) in project.nodes.values().enumerate() {
        let cell = |c: usize| nodes.get((r + 1, c)).unwrap().to_string();
        assert_eq!(
            (cell(0), cell(1), cell(2)),
            (
                node.id.to_string(),
                node.name.clone(),
                node.kind.label(Lang::Zh).to_owned()
            )
        );
    }
    let links = book.worksheet_range("连线").unwrap();
    assert_eq!(links.height(), project.links.len() + 1);
    for (r, link) in project.links.values().enumerate() {
        let cell = |c: usize| links.get((r + 1, c)).unwrap().to_string();
        assert_eq!(cell(0), link.id.as_str());
        assert_eq!(cell(3), project.node_name(&link.from));
        assert_eq!(cell(5), project.node_name(&link.to));
    }
    // One row per party and year. The 2024 assessment (安康 rule, year 6) splits 70 : 30 the
    // four firms' value added, 3392 + 1152 + 2336 + 672 = 7552: 5286.4 to 岚皋县, 2265.6 to
    // 汉滨区; the investment of the firms and the park, 1500 + 350 + 600 + 120 + 2000 = 4570:
    // 3199 and 1371; and the 2 key projects: 1.4 and 0.6.
    let schedules = book.worksheet_range("协议分成").unwrap();
    let agreement = project.agreements.values().next().unwrap();
    let parts: usize = chainmap::sharing::schedule(&project, agreement, None, None)
        .rows
        .iter()
        .map(|r| r.parts.len())
        .sum();
    assert_eq!(schedules.height(), parts + 1);
    let assessed: Vec<(String, f64, f64)> = schedules
        .rows()
        .filter(|row| calamine::DataType::as_f64(&row[1]) == Some(2024.0) && row[2] == "考核")
        .map(|row| {
            let number = |c: usize| calamine::DataType::as_f64(&row[c]).unwrap();
            (row[5].to_string(), number(4), number(6))
        })
        .collect();
    assert_eq!(
        assessed,
        [
            ("岚皋县".to_owned(), 7552.0, 5286.4),
            ("汉滨区".to_owned(), 7552.0, 2265.6),
            ("岚皋县".to_owned(), 4570.0, 3199.0),
            ("汉滨区".to_owned(), 4570.0, 1371.0),
            ("岚皋县".to_owned(), 2.0, 1.4),
            ("汉滨区".to_owned(), 2.0, 0.6),
        ]
    );

    // The nodes table as CSV, imported into an empty project: the same names and kinds.
    let files = export(
        &project,
        ExportFormat::Csv,
        &ExportOptions {
            lang: Lang::Zh,
            table: Some(TableName::Nodes),
            ..ExportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(files.len(), 1);
    assert!(files[0].bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let table = read_csv("nodes.csv", &files[0].bytes).unwrap();
    let mut stages_only = project.clone();
    stages_only.nodes.clear();
    stages_only.links.clear();
    stages_only.agreements.clear();
    stages_only.views.clear();
    let plan = plan_import(
        &stages_only,
        &[ImportSource::guessed(TableKind::Nodes, table)],
        &ImportOptions::default(),
    );
    assert!(!plan.has_errors(), "{:#?}", plan.problems);
    let mut back = stages_only.clone();
    plan.apply_to(&mut back);
    for node in project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like())
    {
        let again = &back.nodes[&node.id];
        assert_eq!(again.name, node.name);
        assert_eq!(again.kind, node.kind);
        assert_eq!(again.stages, node.stages);
    }

    // Every table at once: one CSV each.
    let all = export(&project, ExportFormat::Csv, &zh()).unwrap();
    let names: Vec<&str> = all.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "nodes.csv",
            "links.csv",
            "gaps.csv",
            "leaders.csv",
            "land.csv",
            "schedules.csv",
            "indicators.csv",
            "targets.csv",
            "towns.csv",
            "zone_warnings.csv"
        ]
    );
}

#[test]
fn reports_hold_the_analysis_and_the_map() {
    let project = sample("zhashui-fungus.chainmap.json");
    let files = export(
        &project,
        ExportFormat::Md,
        &ExportOptions {
            lang: Lang::Zh,
            picture_name: Some("zhashui.svg".into()),
            ..ExportOptions::default()
        },
    )
    .unwrap();
    let md = String::from_utf8(files[0].bytes.clone()).unwrap();
    assert!(md.starts_with("# 柞水木耳产业链图谱(示例) — 产业链分析报告"));
    assert!(md.contains("![产业链图](zhashui.svg)"));
    for heading in [
        "## 概况",
        "## 环节",
        "## 缺口 (",
        "## 链主候选",
        "## 亩均效益",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(md.contains("本地配套率: 83.2%"));
    assert_eq!(files[1].name, "zhashui.svg");
    roxmltree::Document::parse(std::str::from_utf8(&files[1].bytes).unwrap()).unwrap();

    let ankang = sample("ankang-enclave.chainmap.json");
    let html = String::from_utf8(export_one(&ankang, ExportFormat::ReportHtml, &zh())).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("协议分成"));
    // Self-contained: the map is inline and nothing is fetched.
    let start = html.find("<svg").unwrap();
    let end = html.find("</svg>").unwrap() + "</svg>".len();
    roxmltree::Document::parse(&html[start..end]).unwrap();
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
}

#[test]
fn export_keeps_odd_names_well_formed() {
    let mut project = sample("ankang-enclave.chainmap.json");
    for node in project.nodes.values_mut().take(3) {
        node.name = format!("{} <&> \"引号\" '单' \u{1}", node.name);
    }
    for format in [ExportFormat::Graphml, ExportFormat::Gexf, ExportFormat::Svg] {
        let text = String::from_utf8(export_one(&project, format, &zh())).unwrap();
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{format:?}: {e}"));
    }
}

/// A CSV table the way a spreadsheet reads it (the BOM dropped): headers, then rows.
fn csv_table(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut reader = csv::Reader::from_reader(body);
    let headers = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

/// Each CSV table parses back with a row for every node, link, gap, leader, land figure and
/// schedule part, and the values in them.
#[test]
fn every_csv_table_holds_the_projects_rows() {
    let project = sample("ankang-enclave.chainmap.json");
    let analysis = analyze(&project, &AnalysisOptions::default());
    let files = export(&project, ExportFormat::Csv, &zh()).unwrap();
    let table = |name: &str| {
        let file = files.iter().find(|f| f.name == name).unwrap();
        csv_table(&file.bytes)
    };

    let (headers, rows) = table("nodes.csv");
    assert_eq!(headers[..3], ["编号", "名称", "类型"]);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<&str> = project.nodes.keys().map(|id| id.as_str()).collect();
    assert_eq!(ids, expected);
    for row in &rows {
        let node = &project.nodes[&row[0].as_str().into()];
        assert_eq!(row[1], node.name);
        assert_eq!(row[2], node.kind.label(Lang::Zh));
        assert_eq!(row.len(), headers.len());
    }
    // 岚皋魔芋食品公司's 2024 output, as in the file.
    let f1 = rows.iter().find(|r| r[0] == "F1").unwrap();
    assert_eq!((f1[6].as_str(), f1[7].as_str()), ("2024", "10600"));

    let (_, rows) = table("links.csv");
    assert_eq!(rows.len(), project.links.len());
    for row in &rows {
        let link = &project.links[&row[0].as_str().into()];
        assert_eq!(row[2], link.from.as_str());
        assert_eq!(row[3], project.node_name(&link.from));
        assert_eq!(row[4], link.to.as_str());
        assert_eq!(row[5], project.node_name(&link.to));
        assert_eq!(
            row[7],
            link.value
                .map(|v| v.normalize().to_string())
                .unwrap_or_default()
        );
    }

    let (_, rows) = table("gaps.csv");
    assert_eq!(rows.len(), analysis.gaps.len());
    let (_, rows) = table("leaders.csv");
    // The candidates ranked, then the firms not eligible (no rank).
    let ranked: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| !r[0].is_empty())
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        rows.len(),
        analysis.leaders.len() + analysis.not_eligible.len()
    );
    let expected: Vec<(String, &str)> = analysis
        .leaders
        .iter()
        .enumerate()
        .map(|(i, l)| ((i + 1).to_string(), l.id.as_str()))
        .collect();
    let expected: Vec<(&str, &str)> = expected.iter().map(|(r, id)| (r.as_str(), *id)).collect();
    assert_eq!(ranked, expected);
    let (_, rows) = table("land.csv");
    // Every firm evaluated (group by group, best first), then every firm left unclassified.
    let land: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    let expected: Vec<&str> = analysis
        .land
        .firms()
        .map(|f| f.id.as_str())
        .chain(analysis.land.excluded.iter().map(|e| e.id.as_str()))
        .collect();
    assert_eq!(land, expected);
    assert!(!land.is_empty());

    let (_, rows) = table("schedules.csv");
    let agreement = project.agreements.values().next().unwrap();
    let schedule = chainmap::sharing::schedule(&project, agreement, None, None);
    let parts: usize = schedule.rows.iter().map(|r| r.parts.len()).sum();
    assert_eq!(rows.len(), parts);
    let assessed: Vec<[&str; 3]> = rows
        .iter()
        .filter(|r| r[1] == "2024" && r[2] == "考核")
        .map(|r| [r[4].as_str(), r[5].as_str(), r[6].as_str()])
        .collect();
    // The 2024 assessment (安康 rule, year 6), 70 : 30 of the value added (7552), the
    // investment (4570) and the key projects (2).
    assert_eq!(
        assessed,
        [
            ["7552", "岚皋县", "5286.4"],
            ["7552", "汉滨区", "2265.6"],
            ["4570", "岚皋县", "3199"],
            ["4570", "汉滨区", "1371"],
            ["2", "岚皋县", "1.4"],
            ["2", "汉滨区", "0.6"]
        ]
    );
}

fn run_cli(args: &[&str]) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `<g id="node-ID">` groups of an SVG map, with the name each one shows.
fn svg_nodes(doc: &roxmltree::Document) -> Vec<(String, String)> {
    doc.descendants()
        .filter_map(|n| {
            let id = n.attribute("id")?.strip_prefix("node-")?;
            let label = n.children().find(|c| c.has_tag_name("text"))?.text()?;
            Some((id.to_owned(), label.to_owned()))
        })
        .collect()
}

/// The files `chainmap export` writes are the project, not just some bytes: each format parses
/// back with the sample's nodes, links and names.
#[test]
fn cli_exports_parse_back_with_the_projects_contents() {
    let input = "sample_projects/zhashui-fungus.chainmap.json";
    let project = sample("zhashui-fungus.chainmap.json");
    let names: Vec<(String, String)> = project
        .nodes
        .values()
        .map(|n| (n.id.to_string(), n.name.clone()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let out = |ext: &str| dir.path().join(format!("out.{ext}"));
    for format in [
        "svg",
        "png",
        "graphml",
        "gexf",
        "xlsx",
        "md",
        "report-html",
        "html",
    ] {
        let target = out(format);
        run_cli(&[
            "--lang",
            "zh",
            "export",
            input,
            "--to",
            format,
            "-o",
            target.to_str().unwrap(),
        ]);
    }

    // SVG: every node as a group showing its name, every link drawn, the title.
    let svg = std::fs::read_to_string(out("svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(svg_nodes(&doc), names);
    let links = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("links"))
        .unwrap();
    assert_eq!(
        links.children().filter(|n| n.is_element()).count(),
        project.links.len()
    );
    assert!(
        doc.descendants()
            .any(|n| n.text() == Some("柞水木耳产业链图谱(示例)"))
    );

    // PNG: a picture of the map's natural size, drawn.
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(out("png")).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buf).unwrap();
    assert!(frame.width > 400 && frame.height > 200);
    let colours: std::collections::BTreeSet<&[u8]> = buf[..frame.buffer_size()].chunks(4).collect();
    assert!(colours.len() > 200, "{} colours", colours.len());

    // GraphML and GEXF: every node with its name, every link between the right ends.
    for (format, label_of) in [("graphml", "NodeLabel"), ("gexf", "")] {
        let text = std::fs::read_to_string(out(format)).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let nodes: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .map(|n| {
                let label = if label_of.is_empty() {
                    n.attribute("label").unwrap().to_owned()
                } else {
                    n.descendants()
                        .find(|d| d.has_tag_name(label_of))
                        .and_then(|d| d.text())
                        .unwrap()
                        .to_owned()
                };
                (n.attribute("id").unwrap().to_owned(), label)
            })
            .collect();
        assert_eq!(nodes, names, "{format}");
        let edges: Vec<(String, String, String)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("edge"))
            .map(|n| {
                let a = |k: &str| n.attribute(k).unwrap().to_owned();
                (a("id"), a("source"), a("target"))
            })
            .collect();
        let expected: Vec<(String, String, String)> = project
            .links
            .values()
            .map(|l| (l.id.to_string(), l.from.to_string(), l.to.to_string()))
            .collect();
        assert_eq!(edges, expected, "{format}");
    }

    // XLSX: the ten tables (the 招商 list of issue 18, the towns and zone warnings of issue 20
    // among them), a row for every node and link.
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(out("xlsx")).unwrap();
    assert_eq!(book.sheet_names().len(), 10);
    let sheet = book.worksheet_range("节点").unwrap();
    let rows: Vec<(String, String)> = sheet
        .rows()
        .skip(1)
        .map(|r| (r[0].to_string(), r[1].to_string()))
        .collect();
    assert_eq!(rows, names);
    assert_eq!(
        book.worksheet_range("连线").unwrap().height(),
        project.links.len() + 1
    );

    // Markdown: the report with its sections, and its picture beside it, the same map.
    let md = std::fs::read_to_string(out("md")).unwrap();
    assert!(md.starts_with("# 柞水木耳产业链图谱(示例) — 产业链分析报告"));
    assert!(md.contains("![产业链图](out-map.svg)"));
    assert!(md.contains("本地配套率: 83.2%"));
    let picture = std::fs::read_to_string(dir.path().join("out-map.svg")).unwrap();
    let doc = roxmltree::Document::parse(&picture).unwrap();
    assert_eq!(svg_nodes(&doc), names);

    // The HTML report: one page with the map inline and the analysis.
    let html = std::fs::read_to_string(out("report-html")).unwrap();
    let start = html.find("<svg").unwrap();
    let end = html.find("</svg>").unwrap() + "</svg>".len();
    let doc = roxmltree::Document::parse(&html[start..end]).unwrap();
    assert_eq!(svg_nodes(&doc), names);
    assert!(html.contains("本地配套率"));

    // The interactive page: every node in its data, in id order, and the summary.
    let page = std::fs::read_to_string(out("html")).unwrap();
    let data = page_data(&page);
    let page_names: Vec<&str> = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = names.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(page_names, expected);
    assert_eq!(data["links"].as_array().unwrap().len(), project.links.len());
    assert!(
        data["summary"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["本地配套率", "83.2%"]))
    );
}

/// The data the interactive page embeds, parsed.
fn page_data(page: &str) -> serde_json::Value {
    let open = r#"<script type="application/json" id="data">"#;
    let start = page.find(open).unwrap() + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}
