//! The command line, run as a user runs it: exit codes, text and JSON output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common {
    pub mod exported;
}
use std::path::PathBuf;
use std::process::{Command, Output};

fn chainmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn check_samples_exits_0_with_a_summary() {
    let o = chainmap(&[
        "check",
        "sample_projects/zhashui-fungus.chainmap.json",
        "sample_projects/ankang-enclave.chainmap.json",
        "sample_projects/meixian-kiwi.chainmap.json",
        "sample_projects/enclave-cases.chainmap.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("chains 1, stages 14"), "{text}");
    assert!(text.contains("agreements 2"), "{text}");
    assert!(text.contains("supply 54"), "{text}");
    assert!(text.contains("agreements 1"), "{text}");
}

#[test]
fn check_a_bad_file_exits_1_naming_file_and_place() {
    let o = chainmap(&[
        "check",
        "sample_projects/meixian-kiwi.chainmap.json",
        "tests/fixtures/dangling-link.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains("tests/fixtures/dangling-link.json: cannot be opened"),
        "{text}"
    );
    assert!(text.contains("links/l1"), "{text}");
}

#[test]
fn check_json_lists_counts_and_issues() {
    let o = chainmap(&[
        "check",
        "--json",
        "sample_projects/zhashui-fungus.chainmap.json",
        "tests/fixtures/shares-not-100.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["ok"], true);
    assert_eq!(v[0]["counts"]["links_by_kind"]["supply"], 54);
    assert_eq!(v[1]["ok"], false);
    assert_eq!(v[1]["loaded"], true);
    assert_eq!(v[1]["issues"][0]["code"], "shares_not_100");
    assert_eq!(v[1]["issues"][0]["place"], "agreements/ag/phases/p1");
}

#[test]
fn check_speaks_chinese() {
    let o = chainmap(&["--lang", "zh", "check", "tests/fixtures/newer-version.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("第 7 版"), "{}", stdout(&o));
}

#[test]
fn missing_file_exits_1() {
    let o = chainmap(&["check", "no/such/file.chainmap.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("no/such/file.chainmap.json"));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(chainmap(&["check"]).status.code(), Some(2));
    assert_eq!(chainmap(&["frobnicate", "x", "y"]).status.code(), Some(2));
    assert_eq!(chainmap(&["check", "--bogus", "x"]).status.code(), Some(2));
}

#[test]
fn help_and_version() {
    let help = chainmap(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("check"));
    let version = chainmap(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(stdout(&version).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn fmt_rewrites_to_canonical_form() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("p.chainmap.json");
    let sample =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-minimal.json");
    std::fs::copy(&sample, &target).unwrap();
    let t = target.to_str().unwrap();
    assert_eq!(chainmap(&["fmt", "--check", t]).status.code(), Some(1));
    assert_eq!(chainmap(&["fmt", t]).status.code(), Some(0));
    assert_eq!(chainmap(&["fmt", "--check", t]).status.code(), Some(0));
}

#[test]
fn analyze_json_has_the_documented_keys() {
    let o = chainmap(&[
        "analyze",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in [
        "completeness",
        "local_supporting_rate",
        "stages",
        "products",
        "gaps",
        "nodes",
        "components",
        "articulation_points",
        "bridges",
        "land",
        "leaders",
        "not_eligible",
        "indicators",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert!(v["completeness"]["stage"].is_number() && v["completeness"]["product"].is_number());
    let stage = &v["stages"][0];
    for key in [
        "id",
        "chain",
        "segment",
        "local_enterprises",
        "output",
        "local_supporting_rate",
        "status",
    ] {
        assert!(stage.get(key).is_some(), "stage lacks {key}");
    }
    let gap = &v["gaps"][0];
    for key in ["class", "action", "stage", "product", "nodes", "message"] {
        assert!(gap.get(key).is_some(), "gap lacks {key}");
    }
    let node = &v["nodes"][0];
    for key in [
        "id",
        "name",
        "in_degree",
        "out_degree",
        "strength",
        "betweenness",
        "pagerank",
        "leader_score",
    ] {
        assert!(node.get(key).is_some(), "node lacks {key}");
    }
    assert!(v["bridges"][0].as_array().is_some_and(|p| p.len() == 2));
    // Issue 16: the 亩均 evaluation's groups and 不定等级; 链主 parts and who is not eligible;
    // the yearly indicators.
    assert!(v["land"]["groups"].is_array() && v["land"]["excluded"].is_array());
    let excluded = &v["land"]["excluded"][0];
    for key in ["id", "reason"] {
        assert!(excluded.get(key).is_some(), "excluded lacks {key}");
    }
    let leader = &v["leaders"][0];
    for key in ["id", "score", "parts", "revenue_share", "local_suppliers"] {
        assert!(leader.get(key).is_some(), "leader lacks {key}");
    }
    assert!(v["not_eligible"][0]["reasons"].is_array());
    // The sample has figures for 2023 and 2024: the dashboard has both, oldest first.
    assert_eq!(v["indicators"]["years"][0]["year"], 2023);
    assert_eq!(v["indicators"]["years"][1]["year"], 2024);
    assert!(v["indicators"]["years"][0]["above_scale_firms"].is_number());
    // A stage nothing flows into has null, not 0.
    assert!(
        v["stages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["local_supporting_rate"].is_null())
    );
}

#[test]
fn analyze_text_and_chain_errors() {
    let o = chainmap(&["analyze", "sample_projects/meixian-kiwi.chainmap.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("stage coverage 8/9"), "{}", stdout(&o));
    let o = chainmap(&[
        "analyze",
        "sample_projects/meixian-kiwi.chainmap.json",
        "--chain",
        "nope",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("kiwi"),
        "names the chains there are"
    );
    assert_eq!(
        chainmap(&["analyze", "tests/fixtures/dangling-link.json"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn impact_json_and_unknown_node() {
    let o = chainmap(&[
        "impact",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--node",
        "E05",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["value_at_stake"], 1650.0);
    assert_eq!(v["lost"].as_array().unwrap().len(), 7);
    let o = chainmap(&[
        "impact",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--node",
        "ZZ",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        chainmap(&["impact", "sample_projects/zhashui-fungus.chainmap.json"])
            .status
            .code(),
        Some(2)
    );
}

/// A fiscal 5 : 5 of a firm's tax (a small project of its own: the 安康 sample has no fiscal
/// split, its documented rule being about the assessment ledger only).
const FISCAL_5_5: &str = r#"{"format": "chainmap", "version": 2, "name": "t", "unit": "万元",
  "land_classes": [], "chains": [], "links": [], "views": [],
  "nodes": [
    {"id": "F", "name": "企业", "kind": "enterprise", "figures": {"2025": {"tax": 1212}}},
    {"id": "SRC", "name": "飞出地", "kind": "region"},
    {"id": "HOST", "name": "飞入地", "kind": "region"},
    {"id": "HTZ", "name": "托管园区", "kind": "park"}],
  "agreements": [{"id": "AK1", "name": "协议", "signed_year": 2025,
    "parties": [{"node": "SRC", "role": "source"}, {"node": "HOST", "role": "host"},
      {"node": "HTZ", "role": "trustee"}],
    "scope": ["F"],
    "phases": [{"id": "cs1", "ledger": "fiscal", "metric": "tax", "start": {"after_signing": 0},
      "rule": {"fixed_shares": {"shares": [{"party": "SRC", "pct": 50}, {"party": "HOST", "pct": 50}]}}}],
    "coalition_values": [
      {"parties": ["SRC"], "value": 1200}, {"parties": ["HOST"], "value": 800},
      {"parties": ["HTZ"], "value": 200}, {"parties": ["SRC", "HOST"], "value": 2600},
      {"parties": ["SRC", "HTZ"], "value": 1600}, {"parties": ["HOST", "HTZ"], "value": 1200},
      {"parties": ["SRC", "HOST", "HTZ"], "value": 3600}]}]}"#;

fn fiscal_5_5_file(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("fiscal.chainmap.json");
    std::fs::write(&path, FISCAL_5_5).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn split_prints_schedules_and_exact_json() {
    // The 安康 rule: value added all to the source for five years (2019–2023), then 7 : 3.
    let o = chainmap(&[
        "split",
        "sample_projects/ankang-enclave.chainmap.json",
        "--from",
        "2023",
        "--to",
        "2024",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.contains("Assessment · Value added"), "{text}");
    assert!(text.contains("Assessment · Key projects"), "{text}");
    // 2024: 7552 × 70 % = 5286.40 to 岚皋, 2265.60 to 汉滨.
    assert!(
        text.contains("5286.40") && text.contains("2265.60"),
        "{text}"
    );
    assert!(!text.contains("Fiscal"), "{text}");
    let o = chainmap(&[
        "split",
        "sample_projects/ankang-enclave.chainmap.json",
        "--agreement",
        "AK1",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v["agreements"][0]["rows"].as_array().unwrap();
    let investment_2025 = rows
        .iter()
        .find(|r| r["ledger"] == "assessment" && r["metric"] == "investment" && r["year"] == 2025)
        .unwrap();
    // 1600 × 70 % and × 30 %.
    assert_eq!(investment_2025["parts"]["SRC"].to_string(), "1120");
    assert_eq!(investment_2025["parts"]["HOST"].to_string(), "480");
    let dir = tempfile::tempdir().unwrap();
    let fiscal = fiscal_5_5_file(&dir);
    let o = chainmap(&["split", &fiscal, "--agreement", "AK1", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v["agreements"][0]["rows"].as_array().unwrap();
    let fiscal_2025 = rows
        .iter()
        .find(|r| r["ledger"] == "fiscal" && r["year"] == 2025)
        .unwrap();
    assert_eq!(fiscal_2025["parts"]["SRC"].to_string(), "606");
    assert_eq!(
        chainmap(&[
            "split",
            "sample_projects/ankang-enclave.chainmap.json",
            "--agreement",
            "nope"
        ])
        .status
        .code(),
        Some(1)
    );
}

#[test]
fn fair_prints_shapley_nucleolus_and_the_core() {
    let o = chainmap(&[
        "fair",
        "--players",
        "A,B,C",
        "--values",
        "0,0,0,60,60,60,72",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.contains("Nucleolus (not in the core)"), "{text}");
    assert!(text.contains("The core is empty"), "{text}");
    let o = chainmap(&[
        "fair",
        "--players",
        "A,B,C",
        "--values",
        "-1,0,1,3,4,2,5",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nucleolus"][0]["fraction"], "8/3");
    assert_eq!(v["nucleolus"][0]["decimal"], 2.666667);
    assert_eq!(v["nucleolus_in_core"], true);
    assert_eq!(v["core_empty"], false);
    assert_eq!(v["shapley"].as_array().unwrap().len(), 3);
}

#[test]
fn fair_on_the_enclave_sample_compares_the_contract() {
    let o = chainmap(&[
        "fair",
        "sample_projects/ankang-enclave.chainmap.json",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nucleolus"][0]["fraction"], "1700");
    assert_eq!(v["shapley"][0]["fraction"], "5200/3");
    assert_eq!(v["shapley_in_core"], true);
    // The same game under a fiscal 5 : 5 between source and host: the trustee gets no fiscal
    // share in the contract but could make 200 alone.
    let dir = tempfile::tempdir().unwrap();
    let fiscal = fiscal_5_5_file(&dir);
    let o = chainmap(&["fair", &fiscal, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nucleolus"][0]["fraction"], "1700");
    assert_eq!(v["contract"][0]["fraction"], "1800");
    assert_eq!(v["contract_in_core"], false);
    assert_eq!(v["contract_blocked_by"][0]["shortfall"], "200");
}

#[test]
fn fair_bad_input() {
    assert_eq!(
        chainmap(&["fair", "--players", "A,B", "--values", "1,x,3"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        chainmap(&["fair", "--players", "A,B", "--values", "1,2"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        chainmap(&["fair", "--players", "A,B"]).status.code(),
        Some(2)
    );
    assert_eq!(chainmap(&["fair"]).status.code(), Some(2));
}

#[test]
fn import_the_shared_data_then_export_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("imported.chainmap.json");
    let o = chainmap(&[
        "import",
        "--stages",
        "tests/data/import/zhashui_like_stages.csv",
        "--nodes",
        "tests/data/import/zhashui_like_enterprises.csv",
        "--links",
        "tests/data/import/zhashui_like_supply_edges.csv",
        "--year",
        "2024",
        "--name",
        "柞水木耳",
        "-o",
        project.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = stdout(&o);
    assert!(text.contains("nodes: added 39"), "{text}");
    let o = chainmap(&["check", project.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("supply 54"));

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
        let out = dir.path().join(format!("out.{format}"));
        let o = chainmap(&[
            "export",
            project.to_str().unwrap(),
            "--to",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let count = chainmap::file::load_path(&project, Default::default())
            .unwrap()
            .project
            .nodes
            .len();
        common::exported::assert_exported(&out, "菌包工厂A", count);
    }
    // The Markdown report's picture sits beside it, under a name of its own.
    assert!(dir.path().join("out-map.svg").exists());
    let md = std::fs::read_to_string(dir.path().join("out.md")).unwrap();
    assert!(md.contains("(out-map.svg)"));
    // Every table as CSV: a folder named after the project.
    let o = chainmap(&["export", project.to_str().unwrap(), "--to", "csv"]);
    assert_eq!(o.status.code(), Some(0));
    let folder = dir.path().join("imported-tables");
    assert!(folder.join("nodes.csv").exists() && folder.join("schedules.csv").exists());
    // One table to a named file.
    let one = dir.path().join("gaps.csv");
    let o = chainmap(&[
        "export",
        project.to_str().unwrap(),
        "--to",
        "csv",
        "--table",
        "gaps",
        "-o",
        one.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let gaps = std::fs::read_to_string(&one).unwrap();
    assert!(
        gaps.starts_with("\u{feff}名次,优先级得分,类别,对策"),
        "Chinese headers by default: {gaps}"
    );
}

#[test]
fn a_bad_import_writes_nothing_and_exits_1_with_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "名称,环节,产值\n甲公司,U1,abc\n").unwrap();
    let out = dir.path().join("never.chainmap.json");
    let o = chainmap(&[
        "import",
        "--stages",
        "tests/data/import/zhashui_like_stages.csv",
        "--nodes",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.csv row 2, column 产值"), "{err}");
    assert!(err.contains("\"abc\" is not a number"), "{err}");
    assert!(!out.exists());
    // No table at all, or a bad size: usage errors.
    assert_eq!(chainmap(&["import", "-o", "x.json"]).status.code(), Some(2));
    let o = chainmap(&[
        "export",
        "sample_projects/meixian-kiwi.chainmap.json",
        "--to",
        "png",
        "--size",
        "wide",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn every_nasty_file_exits_1_with_a_message_and_never_panics() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        for command in ["check", "analyze", "fmt"] {
            let o = chainmap(&[command, path.to_str().unwrap()]);
            let err = String::from_utf8_lossy(&o.stderr);
            let all = format!("{}{err}", stdout(&o));
            assert_eq!(
                o.status.code(),
                Some(1),
                "{command} {}: {all}",
                path.display()
            );
            assert!(!err.contains("panicked"), "{all}");
            assert!(
                all.to_lowercase().contains("error"),
                "{command} {}: {all}",
                path.display()
            );
        }
    }
}

#[test]
fn import_reads_the_named_sheet_of_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let book_path = dir.path().join("县企业名录.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let cover = book.add_worksheet();
    cover.set_name("说明").unwrap();
    cover.write_string(0, 0, "本表由园区管委会整理").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("企业").unwrap();
    for (c, h) in ["企业名称", "环节", "产值", "税收"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "新木耳公司").unwrap();
    sheet.write_string(1, 1, "U1").unwrap();
    sheet.write_number(1, 2, 1234.5).unwrap();
    sheet.write_number(1, 3, 61.2).unwrap();
    book.save(&book_path).unwrap();
    let out = dir.path().join("out.chainmap.json");
    let o = chainmap(&[
        "import",
        "--nodes",
        book_path.to_str().unwrap(),
        "--sheet",
        "企业",
        "--into",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--year",
        "2024",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout(&o).contains("nodes: added 1"), "{}", stdout(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("新木耳公司") && text.contains("1234.5"));
    // A sheet that is not there: the message lists the ones that are.
    let o = chainmap(&[
        "import",
        "--nodes",
        book_path.to_str().unwrap(),
        "--sheet",
        "名录",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no sheet named \"名录\" (there are: 说明, 企业)"),
        "{err}"
    );
}

/// Reads a template's sheets (name, headers) as a user's spreadsheet program shows them.
fn template_sheets(path: &std::path::Path) -> Vec<(String, Vec<String>)> {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let headers = range
                .rows()
                .next()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .unwrap_or_default();
            (name, headers)
        })
        .collect()
}

/// Rows of a sheet: (header, value) pairs.
type SheetRows<'a> = Vec<Vec<(&'a str, &'a str)>>;

/// The template filled in as a user would: the same sheets and headers, rows of (header, value)
/// written under them. Every header of the three tables must get a value in some row.
fn fill_template(template: &std::path::Path, filled: &std::path::Path, rows: &[(&str, SheetRows)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, headers) in template_sheets(template) {
        let sheet = book.add_worksheet();
        sheet.set_name(&name).unwrap();
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string(0, c as u16, h).unwrap();
        }
        let Some((_, sheet_rows)) = rows.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        for h in &headers {
            assert!(
                sheet_rows.iter().any(|r| r.iter().any(|(k, _)| k == h)),
                "the test fills every column: {name}/{h}"
            );
        }
        for (r, row) in sheet_rows.iter().enumerate() {
            for (header, value) in row {
                let c = headers
                    .iter()
                    .position(|h| h == header)
                    .unwrap_or_else(|| panic!("{name} has no column {header}: {headers:?}"));
                match value.parse::<f64>() {
                    Ok(n) => sheet.write_number(r as u32 + 1, c as u16, n).unwrap(),
                    Err(_) => sheet.write_string(r as u32 + 1, c as u16, *value).unwrap(),
                };
            }
        }
    }
    book.save(filled).unwrap();
}

#[test]
fn the_import_template_round_trips_every_column() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("模板.xlsx");
    let o = chainmap(&["import", "--template-sheet", template.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let sheets = template_sheets(&template);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["环节", "企业", "供应关系", "Notes"],
        "English notes under --lang en"
    );
    assert_eq!(
        sheets[0].1,
        ["环节编号", "上中下游", "环节名称", "英文名称", "产业链"]
    );
    assert_eq!(
        sheets[2].1,
        ["供方", "买方", "产品", "金额(万元)", "关系类型", "备注"]
    );
    assert!(
        sheets[1].1.contains(&"产值(万元)".to_owned()),
        "{:?}",
        sheets[1].1
    );
    // The template itself is empty: importing it adds nothing and finds no problem.
    let empty = dir.path().join("empty.chainmap.json");
    let o = chainmap(&[
        "import",
        "--nodes",
        template.to_str().unwrap(),
        "-o",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout(&o).contains("nodes: added 0"), "{}", stdout(&o));

    let filled = dir.path().join("填好的.xlsx");
    fill_template(&template, &filled, &filled_rows());
    // One workbook for all three tables: each reads the sheet of its name.
    let project_path = dir.path().join("filled.chainmap.json");
    let file = filled.to_str().unwrap();
    let o = chainmap(&[
        "import",
        "--stages",
        file,
        "--nodes",
        file,
        "--links",
        file,
        "-o",
        project_path.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let project = chainmap::file::load_path(&project_path, Default::default())
        .unwrap()
        .project;
    assert_every_column_landed(&project);
}

/// Every column of the template filled in at least once: two stages, a firm with every field,
/// a cooperative, a supply link.
fn filled_rows() -> Vec<(&'static str, SheetRows<'static>)> {
    vec![
        (
            "环节",
            vec![
                vec![
                    ("环节编号", "U1"),
                    ("上中下游", "上游"),
                    ("环节名称", "菌种"),
                    ("英文名称", "Spawn"),
                    ("产业链", "木耳"),
                ],
                vec![
                    ("环节编号", "M1"),
                    ("上中下游", "中游"),
                    ("环节名称", "加工"),
                    ("产业链", "木耳"),
                ],
            ],
        ),
        (
            "企业",
            vec![
                vec![
                    ("编号", "F1"),
                    ("企业名称", "甲菌种公司"),
                    ("环节", "U1"),
                    ("类型", "企业"),
                    ("所在镇", "小岭镇"),
                    ("园区", "木耳产业园"),
                    ("标签", "链主;规上"),
                    ("年份", "2023"),
                    ("产值(万元)", "1200"),
                    ("税收(万元)", "60.5"),
                    ("增值税(万元)", "30"),
                    ("企业所得税(万元)", "20"),
                    ("其他税收(万元)", "10.5"),
                    ("租金收入(万元)", "5"),
                    ("重点项目(个)", "2"),
                    ("增加值(万元)", "300"),
                    ("投资(万元)", "800"),
                    ("利润(万元)", "-20"),
                    ("用地(亩)", "40"),
                    ("从业人员(人)", "85"),
                    ("联农户数(户)", "120"),
                    ("统一社会信用代码", "91350100M000100Y43"),
                    ("主营产品", "菌种、菌包"),
                    ("是否专精特新", "是"),
                    ("是否小巨人", "否"),
                    ("是否规上", "是"),
                    ("是否高新技术企业", "√"),
                    ("是否链主", "Y"),
                    ("是否龙头企业", "1"),
                    ("备注", "示范基地"),
                ],
                vec![
                    ("企业名称", "乙加工合作社"),
                    ("环节", "加工"),
                    ("类型", "合作社"),
                ],
            ],
        ),
        (
            "供应关系",
            vec![vec![
                ("供方", "甲菌种公司"),
                ("买方", "乙加工合作社"),
                ("产品", "菌包"),
                ("金额(万元)", "350"),
                ("关系类型", "供应"),
                ("备注", "长期合同"),
            ]],
        ),
    ]
}

/// What `filled_rows` put in, found in the imported project, column by column.
fn assert_every_column_landed(project: &chainmap::model::Project) {
    use chainmap::model::{LinkKind, NodeKind, Segment};
    use rust_decimal::Decimal;
    let chain = project
        .chains
        .values()
        .find(|c| c.name == "木耳")
        .expect("the chain column");
    let u1 = &chain.stages[0];
    assert_eq!(
        (
            u1.id.as_str(),
            u1.name.as_str(),
            u1.name_en.as_str(),
            u1.segment
        ),
        ("U1", "菌种", "Spawn", Segment::Upstream)
    );
    assert_eq!(chain.stages[1].segment, Segment::Midstream);
    let f1 = &project.nodes[&"F1".into()];
    assert_eq!(f1.name, "甲菌种公司");
    assert_eq!(f1.stages, ["U1".into()]);
    assert_eq!(f1.kind, NodeKind::Enterprise);
    assert_eq!(project.node_name(f1.region.as_ref().unwrap()), "小岭镇");
    // The tags column, then the yes/no columns (规上 and 链主 already there).
    assert_eq!(f1.tags, ["链主", "规上", "高新", "龙头"]);
    assert_eq!(f1.srdi, Some(chainmap::model::SrdiTier::Provincial));
    assert_eq!(f1.credit_code, "91350100M000100Y43");
    let products: Vec<(&str, bool)> = u1
        .products
        .iter()
        .map(|p| (p.name.as_str(), p.required))
        .collect();
    assert_eq!(products, [("菌种", false), ("菌包", false)]);
    assert_eq!(f1.note, "示范基地");
    let figures = &f1.figures[&2023];
    let d = |s: &str| Some(s.parse::<Decimal>().unwrap());
    assert_eq!(figures.output, d("1200"));
    assert_eq!(figures.tax, d("60.5"));
    assert_eq!(
        (figures.vat, figures.cit, figures.other_tax),
        (d("30"), d("20"), d("10.5"))
    );
    assert_eq!((figures.rent, figures.key_projects), (d("5"), d("2")));
    assert_eq!(figures.value_added, d("300"));
    assert_eq!(figures.investment, d("800"));
    assert_eq!(figures.profit, d("-20"));
    assert_eq!(figures.land_mu, d("40"));
    assert_eq!(figures.employees, Some(85));
    assert_eq!(figures.farmers_linked, Some(120));
    let park = project
        .nodes
        .values()
        .find(|n| n.name == "木耳产业园")
        .expect("the park column");
    assert_eq!(park.kind, NodeKind::Park);
    assert!(
        project
            .links
            .values()
            .any(|l| l.kind == LinkKind::LocatedIn && l.from == f1.id && l.to == park.id)
    );
    let coop = project
        .nodes
        .values()
        .find(|n| n.name == "乙加工合作社")
        .unwrap();
    assert_eq!(
        (coop.kind, coop.stages.as_slice()),
        (NodeKind::Cooperative, &["M1".into()][..])
    );
    let supply = project
        .links
        .values()
        .find(|l| l.kind == LinkKind::Supply)
        .unwrap();
    assert_eq!((&supply.from, &supply.to), (&f1.id, &coop.id));
    assert_eq!(
        (supply.product.as_str(), supply.value, supply.note.as_str()),
        ("菌包", d("350"), "长期合同")
    );
}

#[test]
fn the_template_follows_the_projects_unit_and_says_what_went_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.chainmap.json");
    let o = chainmap(&[
        "new",
        "-o",
        project.to_str().unwrap(),
        "--name",
        "测试",
        "--county",
        "柞水县",
        "--unit",
        "亿元",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let template = dir.path().join("t.xlsx");
    let o = chainmap(&[
        "--lang",
        "zh",
        "import",
        "--template-sheet",
        template.to_str().unwrap(),
        "--into",
        project.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let sheets = template_sheets(&template);
    assert_eq!(sheets[3].0, "说明");
    assert!(
        sheets[1].1.contains(&"产值(亿元)".to_owned()),
        "{:?}",
        sheets[1].1
    );
    // A folder that does not exist: exit 1, the file named.
    let nowhere = dir.path().join("missing").join("t.xlsx");
    let o = chainmap(&["import", "--template-sheet", nowhere.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("t.xlsx") && err.contains("cannot write the file"),
        "{err}"
    );
    // The template with tables, or without anywhere to write: usage errors.
    assert_eq!(
        chainmap(&["import", "--template-sheet", "t.xlsx", "--nodes", "n.csv"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn new_writes_a_valid_empty_project_and_never_overwrites_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("柞水.chainmap.json");
    let p = path.to_str().unwrap();
    let o = chainmap(&[
        "new",
        "-o",
        p,
        "--name",
        "柞水木耳",
        "--county",
        "柞水县",
        "--unit",
        "亿元",
        "--year",
        "2024",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let project = chainmap::file::load_path(&path, Default::default())
        .unwrap()
        .project;
    assert_eq!(project.meta.name, "柞水木耳");
    assert_eq!(project.meta.county, "柞水县");
    assert_eq!(project.meta.unit, "亿元");
    assert_eq!(project.meta.base_year, Some(2024));
    assert!(project.nodes.is_empty() && project.chains.is_empty());
    // The land classes' thresholds (30 万元/亩 for A) are in the project's unit.
    assert_eq!(
        project.meta.land_classes[0].min_tax_per_mu.to_string(),
        "0.003"
    );
    let o = chainmap(&["check", p]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // An existing file is kept unless --force.
    let o = chainmap(&["new", "-o", p, "--name", "别的", "--county", "镇安县"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("exists already; add --force"), "{err}");
    assert!(std::fs::read_to_string(&path).unwrap().contains("柞水木耳"));
    let o = chainmap(&[
        "new",
        "-o",
        p,
        "--name",
        "别的",
        "--county",
        "镇安县",
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let project = chainmap::file::load_path(&path, Default::default())
        .unwrap()
        .project;
    assert_eq!(
        (project.meta.name.as_str(), project.meta.unit.as_str()),
        ("别的", "万元")
    );

    // Bad usage: no name, an empty county, an unknown unit, a year out of range.
    let other = dir.path().join("x.json");
    let x = other.to_str().unwrap();
    for args in [
        vec!["new", "-o", x, "--county", "柞水县"],
        vec!["new", "-o", x, "--name", "甲", "--county", "  "],
        vec![
            "new",
            "-o",
            x,
            "--name",
            "甲",
            "--county",
            "柞水县",
            "--unit",
            "千元",
        ],
        vec![
            "new",
            "-o",
            x,
            "--name",
            "甲",
            "--county",
            "柞水县",
            "--year",
            "24",
        ],
    ] {
        let o = chainmap(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!other.exists());
    }
    let o = chainmap(&[
        "new", "-o", x, "--name", "甲", "--county", "", "--lang", "en",
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("the county (--county) cannot be empty"));
}

/// Issue 19's terms in `chainmap split`: a per-firm phase on the local retained part, a priced
/// quota and a group party, in the text and in the new JSON keys.
#[test]
fn split_shows_bases_firms_quotas_members_and_marks() {
    let project = r#"{"format": "chainmap", "version": 2, "name": "t", "unit": "万元",
      "land_classes": [], "chains": [], "links": [], "views": [],
      "nodes": [
        {"id": "f", "name": "甲企业", "kind": "enterprise", "figures": {"2024": {"vat": 1000, "cit": 500, "output": 80}}},
        {"id": "src", "name": "飞出地", "kind": "region"},
        {"id": "host", "name": "飞入地", "kind": "region"},
        {"id": "vil", "name": "村集体", "kind": "village_collective"}],
      "agreements": [{"id": "A", "name": "协议", "signed_year": 2024,
        "parties": [{"node": "src", "role": "source",
                     "members": [{"name": "甲村", "share_pct": 50}, {"name": "乙村", "share_pct": 50}]},
                    {"node": "host", "role": "host"}],
        "scope": ["f"],
        "phases": [
          {"id": "p1", "ledger": "fiscal", "metric": "tax", "start": {"after_signing": 0},
           "basis": "local_retained", "per_firm": true,
           "rule": {"fixed_shares": {"shares": [{"party": "src", "pct": 50}, {"party": "host", "pct": 50}]}}},
          {"id": "p2", "ledger": "assessment", "metric": "output", "start": {"after_signing": 0},
           "rule": {"double_count": {"parties": ["src", "host"]}}}],
        "quotas": [{"year": 2024, "metric": "construction_land_mu", "from": "src", "to": "host",
          "amount": 120, "price": 30, "settle_in": "fiscal"}]}]}"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("terms.chainmap.json");
    std::fs::write(&path, project).unwrap();
    let path = path.to_str().unwrap();
    let o = chainmap(&["split", path, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    // Local retained: 1000 × 50 % + 500 × 40 % = 700, 350 each, 175 to each village.
    assert!(text.contains("Fiscal · Tax · Local retained"), "{text}");
    assert!(text.contains("甲企业"), "{text}");
    assert!(
        text.contains("VAT 500.00 · Corporate income tax 200.00"),
        "{text}"
    );
    assert!(
        text.contains("members: 甲村 175.00 · 乙村 175.00"),
        "{text}"
    );
    assert!(
        text.contains("Quotas · Construction land quota (mu)"),
        "{text}"
    );
    assert!(text.contains("120 mu × 30 = 3600"), "{text}");
    assert!(
        text.contains("for assessment only, not for publication"),
        "{text}"
    );

    let o = chainmap(&["split", path, "--json", "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let a = &v["agreements"][0];
    assert_eq!(
        a["fair_ledgers"],
        serde_json::json!(["fiscal", "corporate", "quota"])
    );
    assert_eq!(a["fair_totals"]["quota"]["src"].to_string(), "3600");
    let rows = a["rows"].as_array().unwrap();
    let firm_row = rows.iter().find(|r| r["firm"] == "f").unwrap();
    assert_eq!(firm_row["firm_name"], "甲企业");
    assert_eq!(firm_row["basis"], "local_retained");
    assert_eq!(firm_row["tax_parts"]["vat"].to_string(), "500");
    assert_eq!(firm_row["members"]["src"]["甲村"].to_string(), "175");
    let total = rows
        .iter()
        .find(|r| r["ledger"] == "fiscal" && r["metric"] == "tax" && r["firm"].is_null())
        .unwrap();
    assert_eq!(total["total"].to_string(), "700");
    let quota = rows.iter().find(|r| r["ledger"] == "quota").unwrap();
    assert_eq!(
        (quota["unit"].as_str(), quota["transfer"].as_bool()),
        (Some("亩"), Some(true))
    );
    let marked = rows.iter().find(|r| r["ledger"] == "assessment").unwrap();
    assert_eq!(marked["assessment_only"], true);
    assert_eq!(marked["mark"], "仅用于考核，不对外发布");
}
