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
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("chains 1, stages 14"), "{text}");
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
    let land = &v["land"][0];
    for key in ["id", "tax_per_mu", "output_per_mu", "class"] {
        assert!(land.get(key).is_some(), "land lacks {key}");
    }
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

#[test]
fn split_prints_schedules_and_exact_json() {
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
    assert!(text.contains("assessment · output"), "{text}");
    assert!(text.contains("16520.00"), "{text}");
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
    // The trustee gets no fiscal share in the contract but could make 200 alone.
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

    for format in ["svg", "png", "graphml", "gexf", "xlsx", "md", "html"] {
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
        gaps.starts_with("\u{feff}类别,对策"),
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
            assert!(all.contains("error"), "{command} {}: {all}", path.display());
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
