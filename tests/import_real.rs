//! Spreadsheets as county offices keep them (issue 15): a 名录 workbook with a title, a
//! 填报单位 line, decorated headers, a 合计 row and notes; a workbook with a two-row header
//! (merged years over 产值 | 税收) and 小计 / 总计 rows; a GBK CSV with 亿元 / 元 / 公顷 units,
//! numbers as text and a bad credit code. Each test checks the exact figures that land and that
//! every column and every row of the file is either imported or listed with why.
//!
//! The fixtures in `tests/fixtures/import/` are made by `make_fixtures` below:
//! `cargo test --test import_real -- --ignored make_fixtures`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::file::import::{
    IgnoreReason, ImportOptions, ImportPlan, ImportSource, TableKind, plan_import, read_for,
};
use chainmap::file::table::{SkipReason, read_csv};
use chainmap::i18n::Lang;
use chainmap::model::{Node, NodeKind, Project, Segment, SrdiTier};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn sample() -> Project {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects/zhashui-fungus.chainmap.json");
    chainmap::file::load_path(&path, Default::default())
        .unwrap()
        .project
}

fn d(text: &str) -> Option<Decimal> {
    Some(text.parse().unwrap())
}

fn plan_of(project: &Project, file: &str, year: Option<i32>) -> (ImportPlan, ImportSource) {
    let table = read_for(TableKind::Nodes, &fixture(file), None).unwrap();
    let source = ImportSource::guessed(TableKind::Nodes, table);
    let plan = plan_import(
        project,
        std::slice::from_ref(&source),
        &ImportOptions { year, chain: None },
    );
    (plan, source)
}

fn imported(project: &Project, plan: &ImportPlan) -> Project {
    assert!(!plan.has_errors(), "{:#?}", plan.problems);
    let mut after = project.clone();
    plan.apply_to(&mut after);
    assert!(
        chainmap::model::validate::validate(&after)
            .iter()
            .all(|i| i.severity != chainmap::model::Severity::Error),
        "the imported project is valid"
    );
    after
}

fn node<'a>(project: &'a Project, name: &str) -> &'a Node {
    project
        .nodes
        .values()
        .find(|n| n.name == name)
        .unwrap_or_else(|| panic!("no node {name}"))
}

fn town_of(project: &Project, n: &Node) -> String {
    project.node_name(n.region.as_ref().unwrap()).to_string()
}

/// Every header of the file is an imported column or an ignored one (never both, never
/// neither), and every row is a row of the table or a skipped one.
fn nothing_dropped_unlisted(plan: &ImportPlan, source: &ImportSource, all_rows: &[usize]) {
    let used: BTreeSet<usize> = plan.columns.iter().map(|c| c.column).collect();
    let ignored: BTreeSet<usize> = plan.ignored_columns.iter().map(|c| c.column).collect();
    assert!(used.is_disjoint(&ignored));
    let all: BTreeSet<usize> = (0..source.table.headers.len()).collect();
    assert_eq!(
        used.union(&ignored).copied().collect::<BTreeSet<_>>(),
        all,
        "every column listed"
    );
    let mut rows: Vec<usize> = source.table.rows.iter().map(|r| r.number).collect();
    rows.extend(&source.table.header_rows);
    rows.extend(plan.skipped_rows.iter().map(|r| r.row));
    rows.sort_unstable();
    assert_eq!(
        rows, all_rows,
        "every row read, skipped with why, or the header"
    );
}

#[test]
fn a_county_list_with_title_total_and_notes_lands_exactly() {
    let project = sample();
    let (plan, source) = plan_of(&project, "county_list_2023.xlsx", None);
    // The header found under the title and the 填报单位 line.
    assert_eq!(source.table.header_rows, [3]);
    assert_eq!(source.table.stated_unit.as_deref(), Some("万元"));
    nothing_dropped_unlisted(&plan, &source, &(1..=11).collect::<Vec<_>>());
    let skipped: Vec<(usize, SkipReason)> = plan
        .skipped_rows
        .iter()
        .map(|r| (r.row, r.reason))
        .collect();
    assert_eq!(
        skipped,
        [
            (1, SkipReason::AboveHeader),
            (2, SkipReason::AboveHeader),
            (9, SkipReason::Total),
            (10, SkipReason::Note),
            (11, SkipReason::Note),
        ]
    );
    assert_eq!(plan.skipped_rows[0].text, "2023年柞水县重点企业名录");
    let ignored: Vec<(&str, IgnoreReason)> = plan
        .ignored_columns
        .iter()
        .map(|c| (c.header.as_str(), c.reason))
        .collect();
    assert_eq!(
        ignored,
        [
            ("序号", IgnoreReason::RowNumbers),
            ("联系电话", IgnoreReason::NotRecognised)
        ]
    );
    // Units: 元 and 平方米 converted; the year from the header.
    type Conversion<'a> = (&'a str, Option<i32>, Option<(String, String)>);
    let conversions: Vec<Conversion> = plan
        .columns
        .iter()
        .filter(|c| c.year.is_some() || c.conversion.is_some())
        .map(|c| (c.header.as_str(), c.year, c.conversion.clone()))
        .collect();
    assert_eq!(
        conversions,
        [
            ("2023年产值(万元)", Some(2023), None),
            // No year in its header: the table's (from 2023年产值), not the project's 2024.
            (
                "税收总额(元)",
                Some(2023),
                Some(("元".into(), "万元".into()))
            ),
            ("利润总额", Some(2023), None),
            (
                "用地面积(平方米)",
                Some(2023),
                Some(("平方米".into(), "亩".into()))
            ),
            ("从业人员(人)", Some(2023), None),
        ]
    );
    assert_eq!(plan.new_stages, ["木耳饮品", "冷链物流"]);
    // One warning at most: none here (every credit code checks).
    assert!(plan.problems.is_empty(), "{:#?}", plan.problems);

    let after = imported(&project, &plan);
    // An existing firm, updated by name; its credit code now stored.
    let e01 = node(&after, "菌种公司A");
    assert_eq!(e01.id.as_str(), "E01");
    assert_eq!(e01.credit_code, "91610933MA6YA1234D");
    let f = &e01.figures[&2023];
    assert_eq!(
        (f.output, f.tax, f.profit, f.land_mu, f.employees),
        (d("2150"), d("125"), d("180"), d("12"), Some(45))
    );
    assert_eq!(e01.srdi, Some(SrdiTier::Provincial));
    assert!(e01.tags.contains(&"规上".to_owned()));
    assert!(
        !e01.tags.contains(&"高新".to_owned()),
        "否 takes the tag away"
    );
    assert_eq!(town_of(&after, e01), "镇甲");
    // The 2024 figures the sample had are untouched: the header said 2023.
    assert_eq!(
        e01.figures.get(&2024),
        project.nodes[&"E01".into()].figures.get(&2024)
    );
    let u1 = after
        .stages()
        .find(|(_, s)| s.id.as_str() == "U1")
        .unwrap()
        .1;
    let products: Vec<(&str, bool)> = u1
        .products
        .iter()
        .map(|p| (p.name.as_str(), p.required))
        .collect();
    assert_eq!(
        products,
        [("母种", true), ("栽培种", true), ("液体菌种", false)]
    );

    // A new firm in a new town and a new stage, a little giant.
    let drink = node(&after, "秦岭木耳饮品有限公司");
    let f = &drink.figures[&2023];
    assert_eq!(
        (f.output, f.tax, f.profit, f.land_mu, f.employees),
        (d("3600"), d("210"), d("-35"), d("30"), Some(120))
    );
    assert_eq!(drink.srdi, Some(SrdiTier::LittleGiant));
    assert_eq!(drink.tags, ["规上", "高新"]);
    assert_eq!(town_of(&after, drink), "小岭镇");
    let stage = after
        .stages()
        .find(|(_, s)| Some(&s.id) == drink.main_stage())
        .unwrap()
        .1;
    assert_eq!(
        (stage.name.as_str(), stage.segment),
        ("木耳饮品", Segment::Midstream)
    );
    assert_eq!(
        stage.products.iter().map(|p| &p.name).collect::<Vec<_>>(),
        ["木耳饮料", "木耳原浆"]
    );

    // 企业类型 words → kinds; — is no figure; 33,340 m² = 50.01 亩.
    let village = node(&after, "金米村股份经济合作社");
    assert_eq!(village.kind, NodeKind::VillageCollective);
    assert_eq!(village.stages, ["M1".into()]);
    let f = &village.figures[&2023];
    assert_eq!(
        (f.output, f.tax, f.profit, f.land_mu),
        (d("560"), None, d("12"), d("50.01"))
    );
    let cold = node(&after, "柞水县冷链物流有限公司");
    let cold_stage = after
        .stages()
        .find(|(_, s)| Some(&s.id) == cold.main_stage())
        .unwrap()
        .1;
    assert_eq!(
        (cold_stage.name.as_str(), cold_stage.segment),
        ("冷链物流", Segment::Downstream)
    );
    assert_eq!(cold.figures[&2023].tax, d("4.5"));
    assert_eq!(cold.srdi, None);
    let farm = node(&after, "小岭家庭农场");
    assert_eq!(farm.kind, NodeKind::FamilyFarms);
    let f = &farm.figures[&2023];
    assert_eq!(
        (f.output, f.tax, f.profit, f.land_mu, f.employees),
        (d("85"), d("0"), None, d("6"), Some(6))
    );
    // The 合计 row is no firm.
    assert!(after.nodes.values().all(|n| !n.name.contains("合计")));
    assert_eq!(plan.summary.nodes_added, 4);
    assert_eq!(plan.summary.towns_added, 1);
    assert_eq!(plan.summary.stages_added, 2);
}

#[test]
fn the_credit_code_finds_a_firm_under_another_name() {
    let project = sample();
    let (plan, _) = plan_of(&project, "county_list_2023.xlsx", None);
    let after = imported(&project, &plan);
    let drink = node(&after, "秦岭木耳饮品有限公司");
    let renamed = "统一社会信用代码,企业名称,产值(万元)\n91610933MA6YB56789,秦岭饮品公司,3700\n";
    let table = read_csv("renamed.csv", renamed.as_bytes()).unwrap();
    let again = plan_import(
        &after,
        &[ImportSource::guessed(TableKind::Nodes, table)],
        &ImportOptions {
            year: Some(2023),
            chain: None,
        },
    );
    assert_eq!(
        (again.summary.nodes_added, again.summary.nodes_updated),
        (0, 1)
    );
    assert_eq!(again.nodes[0].id, drink.id);
    assert_eq!(again.nodes[0].name, "秦岭饮品公司");
    assert_eq!(again.nodes[0].figures[&2023].output, d("3700"));
}

#[test]
fn a_two_row_header_gives_each_year_its_figures() {
    let project = sample();
    let (plan, source) = plan_of(&project, "two_row_header.xlsx", Some(2024));
    assert_eq!(source.table.header_rows, [1, 2]);
    assert_eq!(
        source.table.headers,
        [
            "企业名称",
            "2023年 产值(亿元)",
            "2023年 税收(万元)",
            "2022年 产值(亿元)",
            "2022年 税收(万元)",
            "所属乡镇"
        ]
    );
    nothing_dropped_unlisted(&plan, &source, &(1..=7).collect::<Vec<_>>());
    let skipped: Vec<(usize, SkipReason)> = plan
        .skipped_rows
        .iter()
        .map(|r| (r.row, r.reason))
        .collect();
    assert_eq!(skipped, [(5, SkipReason::Total), (7, SkipReason::Total)]);
    assert!(plan.ignored_columns.is_empty());
    let years: Vec<Option<i32>> = plan.columns.iter().map(|c| c.year).collect();
    assert_eq!(
        years,
        [None, Some(2023), Some(2023), Some(2022), Some(2022), None]
    );
    let after = imported(&project, &plan);
    let a = node(&after, "菌包工厂A");
    assert_eq!(
        (a.figures[&2023].output, a.figures[&2023].tax),
        (d("12500"), d("310"))
    );
    assert_eq!(
        (a.figures[&2022].output, a.figures[&2022].tax),
        (d("11000"), d("280"))
    );
    let b = node(&after, "菌包工厂B");
    assert_eq!(
        (b.figures[&2023].output, b.figures[&2023].tax),
        (d("8000"), d("150.5"))
    );
    assert_eq!(
        b.figures.get(&2022),
        project.nodes[&b.id].figures.get(&2022),
        "— over both 2022 columns: nothing set"
    );
    let coop = node(&after, "木耳专业合作社1");
    assert_eq!(
        (coop.figures[&2022].output, coop.figures[&2022].tax),
        (d("3000"), d("4"))
    );
    // The explicit year (2024) filled in nowhere: every figure column had its own.
    assert_eq!(
        a.figures.get(&2024),
        project.nodes[&a.id].figures.get(&2024)
    );
    assert_eq!(plan.summary.nodes_added, 0);
}

#[test]
fn a_gbk_csv_with_units_and_numbers_as_text() {
    let project = sample();
    let (plan, source) = plan_of(&project, "enterprises_gbk.csv", Some(2023));
    assert_eq!(
        source.table.encoding,
        Some(chainmap::file::table::TextEncoding::Gbk)
    );
    nothing_dropped_unlisted(&plan, &source, &(1..=4).collect::<Vec<_>>());
    assert_eq!(plan.skipped_rows.len(), 1, "the title");
    assert!(plan.ignored_columns.is_empty());
    // The bad credit code is a warning, with its row and column; the import goes ahead.
    assert_eq!(plan.problems.len(), 1, "{:#?}", plan.problems);
    let warning = &plan.problems[0];
    assert_eq!(warning.issue.severity, chainmap::model::Severity::Warning);
    assert_eq!(
        warning.issue.place,
        "enterprises_gbk.csv row 3, column 统一社会信用代码"
    );
    assert!(
        warning.issue.text(Lang::En).contains("check character"),
        "{}",
        warning.issue.text(Lang::En)
    );
    let after = imported(&project, &plan);
    let shop = node(&after, "木耳电商服务中心");
    let f = &shop.figures[&2023];
    assert_eq!(
        (f.output, f.tax, f.land_mu, f.employees),
        (d("850"), d("12"), d("3"), Some(15))
    );
    assert_eq!(shop.stages, ["D2".into()]);
    assert_eq!(
        shop.credit_code, "91610933MA6YD13570",
        "kept, with the warning"
    );
    assert_eq!(shop.note, "新成立");
    let compost = node(&after, "菌渣有机肥厂");
    let f = &compost.figures[&2023];
    assert_eq!(
        (f.output, f.tax, f.land_mu, f.employees),
        (d("310"), d("3.5"), None, Some(8))
    );
    assert_eq!(compost.stages, ["S3".into()]);
    assert_eq!(compost.tags, ["规上"]);
    assert!(plan.new_stages.is_empty(), "both stages matched by name");
}

#[test]
fn a_list_without_figures_says_so_and_a_percentage_is_no_amount() {
    let project = Project::new("x");
    let table = read_csv("names.csv", "企业名称,联系人\n甲公司,张三\n".as_bytes()).unwrap();
    let plan = plan_import(
        &project,
        &[ImportSource::guessed(TableKind::Nodes, table)],
        &ImportOptions::default(),
    );
    assert!(!plan.has_errors());
    assert!(
        plan.problems.iter().any(|p| p
            .issue
            .text(Lang::En)
            .contains("no figure column was recognised")),
        "{:#?}",
        plan.problems
    );
    assert_eq!(plan.ignored_columns[0].header, "联系人");

    let table = read_csv("pct.csv", "企业名称,产值\n甲公司,35%\n".as_bytes()).unwrap();
    let plan = plan_import(
        &project,
        &[ImportSource::guessed(TableKind::Nodes, table)],
        &ImportOptions::default(),
    );
    assert!(plan.has_errors());
    assert!(
        plan.problems[0]
            .issue
            .text(Lang::En)
            .contains("not a percentage"),
        "{:#?}",
        plan.problems
    );
}

fn chainmap(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_command_line_lists_what_it_left_out_and_the_result_checks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("imported.chainmap.json");
    let list = fixture("county_list_2023.xlsx");
    let args = [
        "import",
        "--into",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--nodes",
        list.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let o = chainmap(&[&args[..], &["--json"]].concat());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ignored: Vec<(&str, &str, &str)> = report["ignored_columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["column"].as_str().unwrap(),
                c["header"].as_str().unwrap(),
                c["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ignored,
        [
            ("A", "序号", "row_numbers"),
            ("P", "联系电话", "not_recognised")
        ]
    );
    let skipped: Vec<(u64, &str)> = report["skipped_rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        skipped,
        [
            (1, "above_header"),
            (2, "above_header"),
            (9, "total"),
            (10, "note"),
            (11, "note")
        ]
    );
    assert_eq!(
        report["new_stages"],
        serde_json::json!(["木耳饮品", "冷链物流"])
    );
    let tax = report["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["header"] == "税收总额(元)")
        .unwrap();
    assert_eq!(tax["field"], "tax");
    assert_eq!(tax["year"], 2023);
    assert_eq!(tax["converted"], serde_json::json!(["元", "万元"]));
    // The file written (a new optional field: the credit code) checks.
    let check = chainmap(&["check", out.to_str().unwrap()]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"credit_code\": \"91610933MA6YA1234D\""));

    // As text: every column, every left-out column and skipped row, the new stages.
    let o = chainmap(&args);
    let text = String::from_utf8_lossy(&o.stdout);
    for line in [
        "  column I “税收总额(元)” → tax (2023, 元 → 万元)",
        "  not imported: column A “序号”: row numbers",
        "  not imported: column P “联系电话”: not a column chainmap reads",
        "  skipped row 9: a total row, not a firm — 合计 | 7375.5",
        "new stages (named by firms, not in the chain): 木耳饮品, 冷链物流",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

/// Writes the fixtures (run by hand; the files are committed).
#[test]
#[ignore]
fn make_fixtures() {
    let dir = fixture("");
    std::fs::create_dir_all(&dir).unwrap();
    make_county_list(&dir);
    make_two_row_header(&dir);
    make_gbk_csv(&dir);
}

/// A 名录 made for printing.
fn make_county_list(dir: &std::path::Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let merge = Format::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .merge_range(0, 0, 0, 15, "2023年柞水县重点企业名录", &merge)
        .unwrap();
    sheet
        .write_string(1, 0, "填报单位:柞水县工业和信息化局")
        .unwrap();
    sheet.write_string(1, 13, "单位:万元").unwrap();
    let header = [
        "序号",
        "企业名称",
        "统一社会信用代码",
        "所属乡镇(街道)",
        "所属产业链环节",
        "主营产品",
        "企业类型",
        "2023年产值(万元)",
        "税收总额(元)",
        "利润总额",
        "用地面积(平方米)",
        "从业人员(人)",
        "是否专精特新",
        "是否规上",
        "高新技术企业",
        "联系电话",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let rows: [[&str; 16]; 5] = [
        [
            "1",
            "菌种公司A",
            "91610933MA6YA1234D",
            "镇甲",
            "菌种研发与繁育",
            "母种、栽培种、液体菌种",
            "有限责任公司",
            "2,150",
            "1,250,000",
            "180",
            "8,000",
            "45",
            "是",
            "是",
            "否",
            "0914-4312001",
        ],
        [
            "2",
            "秦岭木耳饮品有限公司",
            "91610933MA6YB56789",
            "小岭镇",
            "木耳饮品",
            "木耳饮料;木耳原浆",
            "股份有限公司",
            "3600",
            "2100000",
            "-35",
            "20000",
            "120",
            "国家级小巨人",
            "√",
            "√",
            "0914-4312002",
        ],
        [
            "3",
            "金米村股份经济合作社",
            "",
            "镇乙",
            "种植基地(地栽/吊袋)",
            "鲜木耳",
            "村股份经济合作社",
            "560",
            "—",
            "12",
            "33,340",
            "30",
            "否",
            "否",
            "",
            "",
        ],
        [
            "4",
            "柞水县冷链物流有限公司",
            "91610933MA6YC2468Y",
            "县城",
            "冷链物流",
            "冷链运输/仓储",
            "有限责任公司",
            "980.5",
            "45,000",
            "20",
            "6,000",
            "25",
            "",
            "是",
            "否",
            "0914-4312004",
        ],
        [
            "5",
            "小岭家庭农场",
            "",
            "小岭镇",
            "种植基地(地栽/吊袋)",
            "鲜木耳",
            "家庭农场",
            "85",
            "0",
            "-",
            "4,000",
            "6",
            "否",
            "否",
            "否",
            "",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 3, c as u16);
            match v.parse::<f64>() {
                // Plain numbers as numbers; 2,150 and 0914-… stay text as typed.
                Ok(n) if !v.starts_with('0') || *v == "0" => {
                    sheet.write_number(r, c, n).unwrap();
                }
                _ => {
                    sheet.write_string(r, c, *v).unwrap();
                }
            }
        }
    }
    sheet.merge_range(8, 0, 8, 1, "合计", &merge).unwrap();
    sheet.write_number(8, 7, 7375.5).unwrap();
    sheet
        .write_string(9, 0, "注:产值为快报数,税收为入库税金。")
        .unwrap();
    sheet.write_string(10, 0, "数据来源:柞水县统计局").unwrap();
    book.save(dir.join("county_list_2023.xlsx")).unwrap();
}

/// A two-row header: years merged over 产值 | 税收; a name and a town merged down.
fn make_two_row_header(dir: &std::path::Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let merge = Format::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("经济指标").unwrap();
    sheet.merge_range(0, 0, 1, 0, "企业名称", &merge).unwrap();
    sheet.merge_range(0, 1, 0, 2, "2023年", &merge).unwrap();
    sheet.merge_range(0, 3, 0, 4, "2022年", &merge).unwrap();
    sheet.merge_range(0, 5, 1, 5, "所属乡镇", &merge).unwrap();
    for (c, h) in ["产值(亿元)", "税收(万元)", "产值(亿元)", "税收(万元)"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16 + 1, *h).unwrap();
    }
    let rows: [[&str; 6]; 5] = [
        ["菌包工厂A", "1.25", "310", "1.1", "280", "镇乙"],
        ["菌包工厂B", "0.8", "150.5", "—", "—", "镇乙"],
        ["小计", "2.05", "460.5", "1.1", "280", ""],
        ["木耳专业合作社1", "0.32", "5", "0.3", "4", "镇丙"],
        ["总计", "2.37", "465.5", "1.4", "284", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 2, c as u16);
            match v.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n).unwrap(),
                Err(_) => sheet.write_string(r, c, *v).unwrap(),
            };
        }
    }
    book.save(dir.join("two_row_header.xlsx")).unwrap();
}

fn make_gbk_csv(dir: &std::path::Path) {
    // GBK, as Excel on a Chinese Windows saves "CSV": units in the headers, numbers as text,
    // full-width digits, a credit code with a wrong check character.
    let text = "柞水县木耳产业企业统计表,,,,,,,,\r\n\
                单位名称,统一社会信用代码,所属环节,营业收入/亿元,税收(元),占地(公顷),年末从业人员,是否规上,备注\r\n\
                木耳电商服务中心,91610933MA6YD13570,品牌营销与电商,0.0850,\"１２０,０００\",0.2,１５,否,新成立\r\n\
                菌渣有机肥厂,,菌渣循环利用(有机肥/基质),0.031,\"35,000\",—,8,Y,\r\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    std::fs::write(dir.join("enterprises_gbk.csv"), &gbk).unwrap();
}
