//! Survey tables (suppliers and customers side by side), names as people write them, and the
//! data-quality summary: through the library as the dialog uses it, and the command line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::file::import::{
    DuplicateReason, ImportOptions, ImportPlan, ImportSource, MatchKind, TableKind, guess_kind,
    plan_import, read_for,
};
use chainmap::file::table::read_table;
use chainmap::i18n::Lang;
use chainmap::model::{LinkKind, NodeId, NodeKind, Project, Severity};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn source(kind: TableKind, name: &str) -> ImportSource {
    ImportSource::guessed(kind, read_for(kind, &fixture(name), None).unwrap())
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Stages, firms and a survey, imported into a new project of 柞水县 for 2023.
fn plan_with(survey: &str) -> (Project, ImportPlan) {
    let mut project = Project::new("调查");
    project.meta.county = "柞水县".into();
    let sources = [
        source(TableKind::Stages, "survey_stages.csv"),
        source(TableKind::Nodes, "survey_firms.csv"),
        source(TableKind::Links, survey),
    ];
    let options = ImportOptions {
        year: Some(2023),
        chain: None,
    };
    let plan = plan_import(&project, &sources, &options);
    let mut after = project.clone();
    if !plan.has_errors() {
        plan.apply_to(&mut after);
    }
    (after, plan)
}

/// Every supply link as (supplier name, buyer name, product, value).
fn supply(project: &Project) -> Vec<(String, String, String, Option<Decimal>)> {
    let name = |id: &NodeId| project.nodes[id].name.clone();
    let mut links: Vec<_> = project
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Supply)
        .map(|l| {
            (
                name(&l.from),
                name(&l.to),
                l.product.clone(),
                l.value.map(|v| v.normalize()),
            )
        })
        .collect();
    links.sort();
    links
}

fn problems(plan: &ImportPlan) -> Vec<String> {
    plan.problems
        .iter()
        .map(|p| p.issue.text(Lang::En))
        .collect()
}

#[test]
fn a_survey_table_is_recognised_as_links_and_its_columns_grouped() {
    let table = read_table(&fixture("survey_wide.csv"), None).unwrap();
    assert_eq!(guess_kind(&table.headers), TableKind::Links);
    let s = ImportSource::guessed(TableKind::Links, table);
    assert!(s.is_survey());
    // 联系人 (a contact person) is no survey column: left for the ignored list.
    assert_eq!(s.mapping.columns.last(), Some(&None));
    assert!(s.repeats(chainmap::file::import::Field::Supplier));
}

#[test]
fn a_survey_with_short_names_and_shares_becomes_these_links() {
    let (project, plan) = plan_with("survey_wide.csv");
    assert!(!plan.has_errors(), "{:#?}", problems(&plan));
    let full = |s: &str| s.to_owned();
    let (zb, jm, qf, xl) = (
        full("陕西省柞水县中博农业科技有限公司"),
        full("柞水县金米木耳有限公司"),
        full("秦峰菌种场"),
        full("小岭镇香菇合作社"),
    );
    let mut expected = vec![
        // 秦峰菌种场 → 中博农业: 300 万元 as written.
        (qf.clone(), zb.clone(), full("栽培种"), Some(dec("300"))),
        // A supplier not in the project: 30 % of 中博's 2000 万元 of purchases.
        (
            full("西安菌业科技有限公司"),
            zb.clone(),
            full("菌种"),
            Some(dec("600")),
        ),
        // Said by both firms (中博's customer, 金米's supplier): one link.
        (zb.clone(), jm.clone(), full("菌包"), Some(dec("1200"))),
        // 25 % of 金米's sales: no sales column, so of its 3000 万元 output.
        (
            jm.clone(),
            full("永辉超市股份有限公司"),
            full("干木耳"),
            Some(dec("750")),
        ),
        (qf.clone(), xl.clone(), full("栽培种"), Some(dec("350"))),
        // 10 % of purchases nobody gave: no value, the share kept in the note.
        (zb.clone(), xl.clone(), full("菌包"), None),
    ];
    expected.sort();
    assert_eq!(supply(&project), expected);
    let note = project
        .links
        .values()
        .find(|l| l.to.as_str() == "E5" && l.from.as_str() == "E1")
        .map(|l| l.note.clone());
    assert_eq!(note.as_deref(), Some("占采购总额 10%"));
    // The two firms the project lacked are external enterprises, and said so.
    let external: Vec<&str> = project
        .nodes
        .values()
        .filter(|n| n.kind == NodeKind::ExternalEnterprise)
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(external, ["西安菌业科技有限公司", "永辉超市股份有限公司"]);
    let warnings = problems(&plan);
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(warnings[0].contains("\"西安菌业科技有限公司\" is not in the project"));
    assert!(warnings[1].contains("\"永辉超市股份有限公司\" is not in the project"));
    assert!(warnings[2].contains("survey_wide.csv row 4, column 主要供应商2"));
    assert!(warnings[2].contains("the share 10% cannot become an amount"));
    assert_eq!(project.nodes.len(), 7);
    assert_eq!(plan.summary.links_added, 6);
}

#[test]
fn every_name_matched_past_its_spelling_is_listed_once() {
    let (_, plan) = plan_with("survey_wide.csv");
    let matches: Vec<(&str, &str, MatchKind)> = plan
        .matches
        .iter()
        .map(|m| (m.text.as_str(), m.node.as_str(), m.how))
        .collect();
    assert_eq!(
        matches,
        [
            ("中博农业", "E1", MatchKind::Short),
            ("金米木耳", "E2", MatchKind::Alike),
            ("中博农业科技公司", "E1", MatchKind::Alike),
            ("秦峰", "E3", MatchKind::Short),
        ]
    );
    assert_eq!(
        plan.matches[0].place,
        "survey_wide.csv row 2, column 企业名称"
    );
}

#[test]
fn the_quality_summary_names_what_is_missing_and_what_is_too_big() {
    let (_, plan) = plan_with("survey_wide.csv");
    let q = &plan.quality;
    let names = |v: &[chainmap::file::import::NodeRef]| -> Vec<String> {
        v.iter().map(|n| n.name.clone()).collect()
    };
    assert_eq!(names(&q.without_stage), ["柞水县金米村股份经济合作社"]);
    assert_eq!(names(&q.without_output), ["柞水县金米村股份经济合作社"]);
    assert_eq!(names(&q.without_link), ["柞水县金米村股份经济合作社"]);
    assert!(q.duplicates.is_empty());
    // 秦峰 sells 350 万元 to a cooperative whose output is 200 万元.
    assert_eq!(q.links_over_output.len(), 1);
    let over = &q.links_over_output[0];
    assert_eq!(
        (
            over.supplier.name.as_str(),
            over.buyer.name.as_str(),
            over.value,
            over.buyer_output,
            over.year
        ),
        (
            "秦峰菌种场",
            "小岭镇香菇合作社",
            dec("350"),
            dec("200"),
            2023
        )
    );
}

#[test]
fn an_ambiguous_short_name_is_an_error_listing_the_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ambiguous.csv");
    std::fs::write(
        &path,
        "企业名称,主要供应商1,年采购额1(万元)\n金米,秦峰菌种场,10\n",
    )
    .unwrap();
    let project = Project::new("调查");
    let sources = [
        source(TableKind::Stages, "survey_stages.csv"),
        source(TableKind::Nodes, "survey_firms.csv"),
        ImportSource::guessed(TableKind::Links, read_table(&path, None).unwrap()),
    ];
    let plan = plan_import(&project, &sources, &ImportOptions::default());
    assert!(plan.has_errors());
    let errors: Vec<String> = plan
        .problems
        .iter()
        .filter(|p| p.issue.severity == Severity::Error)
        .map(|p| p.issue.text(Lang::En))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains(
            "\"金米\" could be any of 2 nodes: “柞水县金米木耳有限公司”(E2), “柞水县金米村股份经济合作社”(E4)"
        ),
        "{}",
        errors[0]
    );
    assert!(plan.nodes.is_empty() && plan.links.is_empty());
}

#[test]
fn an_update_by_a_name_written_differently_keeps_the_firm_and_its_name() {
    let (mut project, _) = plan_with("survey_wide.csv");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("update.csv");
    std::fs::write(
        &path,
        "企业名称,产值(万元)\n中博农业科技有限责任公司,5600\n新来的菌业公司,90\n柞水中博农业科技公司,1\n",
    )
    .unwrap();
    let sources = [ImportSource::guessed(
        TableKind::Nodes,
        read_table(&path, None).unwrap(),
    )];
    let options = ImportOptions {
        year: Some(2023),
        chain: None,
    };
    let plan = plan_import(&project, &sources, &options);
    // The third row is the firm of the first, written another way: never a silent merge.
    let errors = problems(&plan);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("row 4"), "{}", errors[0]);
    assert!(
        errors[0].contains("looks like the firm of row 2"),
        "{}",
        errors[0]
    );

    std::fs::write(
        &path,
        "企业名称,产值(万元)\n中博农业科技有限责任公司,5600\n新来的菌业公司,90\n",
    )
    .unwrap();
    let sources = [ImportSource::guessed(
        TableKind::Nodes,
        read_table(&path, None).unwrap(),
    )];
    let plan = plan_import(&project, &sources, &options);
    assert!(!plan.has_errors(), "{:#?}", problems(&plan));
    plan.apply_to(&mut project);
    let e1 = &project.nodes[&NodeId::from("E1")];
    assert_eq!(e1.name, "陕西省柞水县中博农业科技有限公司");
    assert_eq!(e1.figures[&2023].output, Some(dec("5600")));
    assert_eq!(plan.summary.nodes_added, 1);
    assert_eq!(plan.summary.nodes_updated, 1);
}

#[test]
fn firms_whose_names_normalise_alike_are_suspected_duplicates() {
    let (mut project, _) = plan_with("survey_wide.csv");
    let mut twin = project.nodes[&NodeId::from("E3")].clone();
    twin.id = NodeId::from("E9");
    twin.name = "商洛市秦峰菌种场有限公司".into();
    project.nodes.insert(twin.id.clone(), twin);
    // 商洛市 alone at the front is not taken off (超市 ends in 市 too): not alike.
    assert!(
        chainmap::file::import::check_quality(&project)
            .duplicates
            .is_empty()
    );
    project.nodes.get_mut(&NodeId::from("E9")).unwrap().name =
        "陕西省商洛市秦峰菌种场有限公司".into();
    let q = chainmap::file::import::check_quality(&project);
    assert_eq!(q.duplicates.len(), 1);
    assert_eq!(q.duplicates[0].reason, DuplicateReason::NamesAlike);
    let ids: Vec<&str> = q.duplicates[0]
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(ids, ["E3", "E9"]);
}

fn chainmap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_command_line_lists_matches_and_quality_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("survey.chainmap.json");
    let args = |json: bool| {
        let mut a = vec![
            "import",
            "--stages",
            "tests/fixtures/import/survey_stages.csv",
            "--nodes",
            "tests/fixtures/import/survey_firms.csv",
            "--links",
            "tests/fixtures/import/survey_wide.csv",
            "--year",
            "2023",
            "-o",
            out.to_str().unwrap(),
        ];
        if json {
            a.push("--json");
        }
        a
    };
    let o = chainmap(&args(false));
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Names matched, please check (4):"), "{text}");
    assert!(
        text.contains("“中博农业” → “陕西省柞水县中博农业科技有限公司” (short name) · survey_wide.csv row 2, column 企业名称"),
        "{text}"
    );
    assert!(text.contains("Data quality:"), "{text}");
    assert!(
        text.contains("Firms without a stage 1: 柞水县金米村股份经济合作社"),
        "{text}"
    );
    assert!(
        text.contains("Links above the buyer's output 1: 秦峰菌种场 → 小岭镇香菇合作社: 350 > 200 (2023 output)"),
        "{text}"
    );
    let o = chainmap(&args(true));
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["matches"].as_array().unwrap().len(), 4);
    assert_eq!(json["matches"][3]["text"], "秦峰");
    assert_eq!(json["matches"][3]["node"], "E3");
    assert_eq!(json["matches"][3]["how"], "short");
    let q = &json["quality"];
    assert_eq!(q["without_link"][0]["id"], "E4");
    assert_eq!(q["links_over_output"][0]["value"].to_string(), "350");
    assert_eq!(q["duplicates"].as_array().unwrap().len(), 0);
    let saved = chainmap::file::load_path(&out, Default::default()).unwrap();
    assert_eq!(supply(&saved.project).len(), 6);
}

/// Writes `survey_blocks.xlsx`: suppliers, products and amounts in blocks, amounts in 元, a
/// share as a spreadsheet percentage. Run with `cargo test --test import_survey -- --ignored`
/// after changing it; the workbook is committed.
#[test]
#[ignore]
fn write_survey_workbook() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("供应商调查").unwrap();
    let headers = [
        "调查企业",
        "年采购总额(元)",
        "第一供应商",
        "第二供应商",
        "供应产品1",
        "供应产品2",
        "采购金额1(元)",
        "占采购额比例2",
        "主要客户1",
        "客户1采购额(元)",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let percent = Format::new().set_num_format("0%");
    let row = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, cells: [&str; 10]| {
        for (c, text) in cells.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            match text.parse::<f64>() {
                Ok(v) if c == 7 => {
                    sheet
                        .write_number_with_format(r, c as u16, v, &percent)
                        .unwrap();
                }
                Ok(v) => {
                    sheet.write_number(r, c as u16, v).unwrap();
                }
                Err(_) => {
                    sheet.write_string(r, c as u16, *text).unwrap();
                }
            }
        }
    };
    row(
        sheet,
        1,
        [
            "中博农业科技",
            "20000000",
            "秦峰菌种场",
            "西安菌业",
            "栽培种",
            "菌种",
            "3000000",
            "0.3",
            "金米木耳",
            "12000000",
        ],
    );
    row(
        sheet,
        2,
        [
            "柞水县金米木耳有限公司",
            "",
            "中博农业",
            "",
            "菌包",
            "",
            "12000000",
            "",
            "永辉超市",
            "",
        ],
    );
    book.save(fixture("survey_blocks.xlsx")).unwrap();
}

#[test]
fn a_workbook_survey_in_blocks_with_amounts_in_yuan_lands_in_wan() {
    let (project, plan) = plan_with("survey_blocks.xlsx");
    assert!(!plan.has_errors(), "{:#?}", problems(&plan));
    let s = |t: &str| t.to_owned();
    let mut expected = vec![
        // 3,000,000 元 = 300 万元.
        (
            s("秦峰菌种场"),
            s("陕西省柞水县中博农业科技有限公司"),
            s("栽培种"),
            Some(dec("300")),
        ),
        // 30 % (a percentage cell) of 20,000,000 元 of purchases = 600 万元.
        (
            s("西安菌业"),
            s("陕西省柞水县中博农业科技有限公司"),
            s("菌种"),
            Some(dec("600")),
        ),
        (
            s("陕西省柞水县中博农业科技有限公司"),
            s("柞水县金米木耳有限公司"),
            s("菌包"),
            Some(dec("1200")),
        ),
        (s("柞水县金米木耳有限公司"), s("永辉超市"), s(""), None),
    ];
    expected.sort();
    assert_eq!(supply(&project), expected);
    let warnings = problems(&plan);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("row 3, column 主要客户1") && w.contains("no value")),
        "{warnings:#?}"
    );
}

mod dialog {
    use super::*;
    use chainmap::document::Document;
    use chainmap::ui::ChainmapApp;
    use chainmap::ui::command::AppCommand;
    use chainmap::ui::state::Settings;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// The editor on 柞水县's project with the stages and firms of the survey fixtures.
    fn editor(lang: Lang) -> Harness<'static, ChainmapApp> {
        let mut project = Project::new("调查");
        project.meta.county = "柞水县".into();
        let sources = [
            source(TableKind::Stages, "survey_stages.csv"),
            source(TableKind::Nodes, "survey_firms.csv"),
        ];
        let options = ImportOptions {
            year: Some(2023),
            chain: None,
        };
        plan_import(&project, &sources, &options).apply_to(&mut project);
        project.meta.base_year = Some(2023);
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1366.0, 768.0))
            .with_theme(egui::Theme::Light)
            .build_eframe(move |cc| {
                let settings = Settings {
                    lang,
                    ..Settings::default()
                };
                ChainmapApp::headless(&cc.egui_ctx, Document::new(project), settings)
            });
        harness.run_steps(3);
        let ctx = egui::Context::default();
        harness.state_mut().run_command(&ctx, AppCommand::Import);
        harness.run_steps(2);
        harness
            .state_mut()
            .import
            .load(TableKind::Links, &fixture("survey_wide.csv"), lang);
        harness.run_steps(3);
        harness
    }

    #[test]
    fn the_dialog_lists_the_matches_to_confirm_and_the_quality_summary() {
        let mut harness = editor(Lang::En);
        harness.get_by_label("Names matched: 4 to check before importing");
        harness.get_by_label("“中博农业”");
        harness.get_by_label("“秦峰”");
        assert_eq!(
            harness
                .get_all_by_label("→ 陕西省柞水县中博农业科技有限公司")
                .count(),
            2
        );
        harness.get_by_label("survey_wide.csv row 4, column 主要供应商1");
        // The quality summary counts in its header, names when opened.
        let header = "Data quality: Firms without a stage 1 · Firms without output 1 · \
                      Firms without any supply link (beads not strung) 1 · \
                      Links above the buyer's output 1";
        assert!(
            harness
                .query_by_label("Firms without a stage (1)")
                .is_none()
        );
        harness.get_by_label(header).click();
        harness.run_steps(3);
        harness.get_by_label("Firms without a stage (1)");
        harness.get_by_label("秦峰菌种场 → 小岭镇香菇合作社: 350 > 200 (2023 output)");
        // The survey's columns offer the survey's fields, and several columns keep one field:
        // making the second amount a product leaves the product columns as they were.
        harness
            .get_by_role_and_label(egui::accesskit::Role::ComboBox, "年采购额2(万元)")
            .click();
        harness.run_steps(3);
        harness.get_by_label("total purchases");
        harness.get_by_label("share (%)");
        harness.get_by_label("product").click();
        harness.run_steps(3);
        harness.get_by_label(
            "Warning: survey_wide.csv, column 年采购额2(万元): column \"年采购额2(万元)\" goes with no supplier or customer column: not imported",
        );
        harness.get_by_label("Import").click();
        harness.run_steps(3);
        let project = &harness.state().doc.project;
        let mut products: Vec<String> = supply(project).into_iter().map(|l| l.2).collect();
        products.sort();
        assert_eq!(
            products,
            ["干木耳", "栽培种", "栽培种", "菌包", "菌包", "菌种"]
        );
        assert_eq!(
            harness.state().doc.undo_label(Lang::En),
            Some("import 2 nodes and 6 links")
        );
    }

    #[test]
    fn in_chinese_the_review_reads_in_chinese() {
        let harness = editor(Lang::Zh);
        harness.get_by_label("按名称匹配: 4 处,导入前请核对");
        harness.get_all_by_label("简称").next().unwrap();
        harness.get_by_label(
            "数据质量: 没有环节的企业 1 · 没有产值的企业 1 · 没有任何供应关系的企业(珠子未串起) 1 · 金额超过买方产值的连线 1",
        );
    }
}
