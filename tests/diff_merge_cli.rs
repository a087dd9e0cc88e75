//! `chainmap diff` and `chainmap merge` run as a user (or git) runs them: JSON shapes, exit
//! codes, what is written and what is not.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn chainmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A small chain: 甲 (stage s1) supplies 乙 and 丙 (stage s2).
fn base() -> Value {
    json!({
        "format": "chainmap",
        "version": 2,
        "name": "测试链",
        "unit": "万元",
        "chains": [{"id": "c", "name": "链", "stages": [
            {"id": "s1", "name": "种植", "segment": "upstream", "products": []},
            {"id": "s2", "name": "加工", "segment": "midstream", "products": []}
        ]}],
        "nodes": [
            {"id": "a", "name": "甲", "kind": "enterprise", "stages": ["s1"]},
            {"id": "b", "name": "乙", "kind": "enterprise", "stages": ["s2"]},
            {"id": "c1", "name": "丙", "kind": "enterprise", "stages": ["s2"]}
        ],
        "links": [
            {"id": "l1", "kind": "supply", "from": "a", "to": "b"},
            {"id": "l2", "kind": "supply", "from": "a", "to": "c1"}
        ],
        "agreements": [],
        "views": []
    })
}

fn items<'a>(doc: &'a mut Value, section: &str) -> &'a mut Vec<Value> {
    doc[section].as_array_mut().unwrap()
}

fn item<'a>(doc: &'a mut Value, section: &str, id: &str) -> &'a mut Value {
    items(doc, section)
        .iter_mut()
        .find(|i| i["id"] == id)
        .unwrap()
}

fn remove(doc: &mut Value, section: &str, id: &str) {
    items(doc, section).retain(|i| i["id"] != id);
}

fn write(dir: &Path, name: &str, doc: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(doc).unwrap()).unwrap();
    path.display().to_string()
}

/// Writes base, ours and theirs; returns their paths and the output path.
fn three(dir: &Path, ours: &Value, theirs: &Value) -> [String; 4] {
    [
        write(dir, "base.chainmap.json", &base()),
        write(dir, "ours.chainmap.json", ours),
        write(dir, "theirs.chainmap.json", theirs),
        dir.join("out.chainmap.json").display().to_string(),
    ]
}

fn merged(out: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

fn ids(doc: &Value, section: &str) -> Vec<String> {
    doc[section]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

fn passes_check(path: &str) {
    let o = chainmap(&["check", path]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
}

#[test]
fn diff_json_lists_sorted_ids_and_changed_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = base();
    b["name"] = json!("改名后");
    items(&mut b, "nodes").push(json!({"id": "z9", "name": "后", "kind": "enterprise"}));
    items(&mut b, "nodes").push(json!({"id": "b2", "name": "先", "kind": "enterprise"}));
    remove(&mut b, "nodes", "c1");
    remove(&mut b, "links", "l2");
    let a_node = item(&mut b, "nodes", "a");
    a_node["note"] = json!("新备注");
    a_node["name"] = json!("甲公司");
    let pa = write(dir.path(), "a.chainmap.json", &base());
    let pb = write(dir.path(), "b.chainmap.json", &b);
    let o = chainmap(&["diff", &pa, &pb, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let d: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(d["project"], json!({"fields": ["name"]}));
    assert_eq!(
        d["nodes"],
        json!({"added": ["b2", "z9"], "removed": ["c1"],
               "changed": [{"id": "a", "fields": ["name", "note"]}]})
    );
    assert_eq!(
        d["links"],
        json!({"added": [], "removed": ["l2"], "changed": []})
    );
    for section in ["chains", "agreements", "views", "references", "candidates"] {
        assert_eq!(
            d[section],
            json!({"added": [], "removed": [], "changed": []}),
            "{section}"
        );
    }
    // 甲 covers s1 and 乙 s2 on both sides: full stage coverage either way.
    assert_eq!(d["metrics"]["stage_coverage"], json!({"a": 1.0, "b": 1.0}));
    for key in ["local_supporting_rate", "product_completeness"] {
        assert!(d["metrics"][key].get("a").is_some(), "{key}");
    }
    assert!(d["metrics"]["gaps"]["a"]["missing"].is_u64());

    let o = chainmap(&["diff", &pa, &pb]);
    let t = text(&o.stdout);
    assert!(t.contains("Nodes: added 2, removed 1, changed 1"), "{t}");
    assert!(t.contains("  ~ a 甲公司: name, note"), "{t}");
    assert!(t.contains("  - c1 丙"), "{t}");
    let o = chainmap(&["--lang", "zh", "diff", &pa, &pb]);
    assert!(text(&o.stdout).contains("节点: 新增 2, 删除 1, 修改 1"));
    let o = chainmap(&["diff", &pa, &pa]);
    assert!(text(&o.stdout).contains("The projects are the same"));
}

#[test]
fn merge_combines_different_fields_of_one_node() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ours, mut theirs) = (base(), base());
    item(&mut ours, "nodes", "a")["name"] = json!("甲公司");
    item(&mut theirs, "nodes", "a")["note"] = json!("<script>alert(1)</script>");
    item(&mut theirs, "links", "l1")["value"] = json!(120);
    let [b, o, t, out] = three(dir.path(), &ours, &theirs);
    let r = chainmap(&["merge", &b, &o, &t, "-o", &out]);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}{}",
        text(&r.stdout),
        text(&r.stderr)
    );
    assert!(text(&r.stdout).contains("Merged, written to"));
    let mut m = merged(&out);
    let a = item(&mut m, "nodes", "a").clone();
    assert_eq!(a["name"], "甲公司");
    assert_eq!(a["note"], "<script>alert(1)</script>");
    assert_eq!(item(&mut m, "links", "l1")["value"], json!(120));
    passes_check(&out);
    // Written canonically: `fmt --check` finds nothing to rewrite, and no .bak is left.
    let f = chainmap(&["fmt", "--check", &out]);
    assert_eq!(f.status.code(), Some(0), "{}", text(&f.stdout));
    assert!(!Path::new(&format!("{out}.bak")).exists());
}

#[test]
fn removing_a_node_removes_what_depended_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ours, mut theirs) = (base(), base());
    // Theirs removes 丙 with its link, as the editor does.
    remove(&mut theirs, "nodes", "c1");
    remove(&mut theirs, "links", "l2");
    // Ours, unaware, adds a link to 丙 and a view highlighting it.
    items(&mut ours, "links").push(json!({"id": "l3", "kind": "supply", "from": "b", "to": "c1"}));
    items(&mut ours, "views").push(json!({"id": "v", "name": "看", "order": 1,
        "highlight": ["a", "c1"], "filter": {}, "colouring": "kind"}));
    let [b, o, t, out] = three(dir.path(), &ours, &theirs);
    let r = chainmap(&["merge", &b, &o, &t, "-o", &out, "--json"]);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}{}",
        text(&r.stdout),
        text(&r.stderr)
    );
    let report: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(report["conflicts"], json!([]));
    let mut m = merged(&out);
    assert_eq!(ids(&m, "nodes"), ["a", "b"]);
    assert_eq!(ids(&m, "links"), ["l1"]);
    assert_eq!(item(&mut m, "views", "v")["highlight"], json!(["a"]));
    passes_check(&out);
}

#[test]
fn conflicts_exit_1_write_nothing_and_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ours, mut theirs) = (base(), base());
    item(&mut ours, "nodes", "a")["name"] = json!("甲一");
    item(&mut theirs, "nodes", "a")["name"] = json!("甲二");
    // Removed on our side, changed on theirs.
    remove(&mut ours, "nodes", "c1");
    remove(&mut ours, "links", "l2");
    item(&mut theirs, "nodes", "c1")["note"] = json!("still here");
    let [b, o, t, out] = three(dir.path(), &ours, &theirs);
    let r = chainmap(&["merge", &b, &o, &t, "-o", &out, "--json"]);
    assert_eq!(r.status.code(), Some(1));
    assert!(!Path::new(&out).exists());
    let report: Value = serde_json::from_slice(&r.stdout).unwrap();
    let conflicts = report["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 2, "{report}");
    assert_eq!(
        conflicts[0],
        json!({"kind": "changed_both", "section": "nodes", "id": "a", "field": "name",
               "ours": "甲一", "theirs": "甲二"})
    );
    assert_eq!(conflicts[1]["kind"], "removed_changed");
    assert_eq!(conflicts[1]["id"], "c1");
    assert_eq!(conflicts[1]["field"], Value::Null);
    assert_eq!(conflicts[1]["ours"], Value::Null);
    assert_eq!(conflicts[1]["theirs"]["note"], "still here");

    let r = chainmap(&["merge", &b, &o, &t, "-o", &out]);
    assert_eq!(r.status.code(), Some(1));
    let t_out = text(&r.stdout);
    assert!(t_out.contains("2 conflict(s)"), "{t_out}");
    assert!(
        t_out.contains("nodes/a/name: changed on both sides"),
        "{t_out}"
    );
    assert!(t_out.contains("ours: \"甲一\""), "{t_out}");
    assert!(!Path::new(&out).exists());

    // Ours is kept as the target git would hand over (%A): untouched by a failed merge.
    let before = std::fs::read(&o).unwrap();
    let r = chainmap(&["merge", &b, &o, &t, "-o", &o]);
    assert_eq!(r.status.code(), Some(1));
    assert_eq!(std::fs::read(&o).unwrap(), before);
}

#[test]
fn take_resolves_every_conflict_one_way() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ours, mut theirs) = (base(), base());
    item(&mut ours, "nodes", "a")["name"] = json!("甲一");
    item(&mut theirs, "nodes", "a")["name"] = json!("甲二");
    item(&mut theirs, "nodes", "b")["note"] = json!("theirs only");
    remove(&mut ours, "nodes", "c1");
    remove(&mut ours, "links", "l2");
    item(&mut theirs, "nodes", "c1")["note"] = json!("kept by theirs");
    let [b, o, t, out] = three(dir.path(), &ours, &theirs);

    let r = chainmap(&["merge", &b, &o, &t, "-o", &out, "--take", "ours"]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stdout));
    let mut m = merged(&out);
    assert_eq!(item(&mut m, "nodes", "a")["name"], "甲一");
    assert_eq!(item(&mut m, "nodes", "b")["note"], "theirs only");
    assert_eq!(ids(&m, "nodes"), ["a", "b"]);
    passes_check(&out);

    let r = chainmap(&["merge", &b, &o, &t, "-o", &out, "--take", "theirs"]);
    assert_eq!(r.status.code(), Some(0), "{}", text(&r.stdout));
    let mut m = merged(&out);
    assert_eq!(item(&mut m, "nodes", "a")["name"], "甲二");
    assert_eq!(item(&mut m, "nodes", "c1")["note"], "kept by theirs");
    // 丙 is back, but its link was removed on our side and left alone on theirs.
    assert_eq!(ids(&m, "links"), ["l1"]);
    passes_check(&out);
}

#[test]
fn a_merge_that_would_fail_check_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ours, mut theirs) = (base(), base());
    // Theirs removes 丙; ours makes 丙 a party to a new agreement: the contract would lose a
    // party silently, so the merge stops instead.
    remove(&mut theirs, "nodes", "c1");
    remove(&mut theirs, "links", "l2");
    items(&mut ours, "agreements").push(json!({"id": "g", "name": "协议",
        "parties": [{"node": "a", "role": "source"}, {"node": "c1", "role": "host"}],
        "phases": []}));
    let [b, o, t, out] = three(dir.path(), &ours, &theirs);
    // The agreement must be valid on our side for the test to mean anything.
    passes_check(&o);
    let r = chainmap(&["merge", &b, &o, &t, "-o", &out, "--json"]);
    assert_eq!(r.status.code(), Some(1), "{}", text(&r.stdout));
    let report: Value = serde_json::from_slice(&r.stdout).unwrap();
    let problems = report["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p["code"] == "dangling_reference"),
        "{report}"
    );
    assert!(!Path::new(&out).exists());
}

#[test]
fn bad_input_gets_a_clear_message_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.chainmap.json", &base());
    let missing = dir
        .path()
        .join("missing.chainmap.json")
        .display()
        .to_string();
    let not_project = dir.path().join("notes.txt");
    std::fs::write(&not_project, "just some notes").unwrap();
    let not_project = not_project.display().to_string();
    let out = dir.path().join("out.chainmap.json").display().to_string();

    let r = chainmap(&["diff", &good, &missing]);
    assert_eq!(r.status.code(), Some(1));
    let e = text(&r.stderr);
    assert!(e.contains("missing.chainmap.json: cannot be opened"), "{e}");
    assert!(!e.contains("panicked"), "{e}");

    let r = chainmap(&["merge", &good, &not_project, &missing, "-o", &out]);
    assert_eq!(r.status.code(), Some(1));
    let e = text(&r.stderr);
    assert!(e.contains("notes.txt: cannot be opened"), "{e}");
    assert!(e.contains("JSON syntax error"), "{e}");
    assert!(e.contains("missing.chainmap.json: cannot be opened"), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    assert!(!Path::new(&out).exists());

    let r = chainmap(&["merge", &good, &good, "-o", &out]);
    assert_eq!(r.status.code(), Some(2), "missing THEIRS is a usage error");
}

#[test]
fn works_as_a_git_merge_driver() {
    let git = |dir: &Path, args: &[&str]| {
        let o = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output();
        o.ok().filter(|o| o.status.success())
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    if git(d, &["init", "-q", "-b", "main"]).is_none() {
        eprintln!("git is not available; skipped");
        return;
    }
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_chainmap"));
    let driver = format!("'{}' merge %O %A %B -o %A", bin.display());
    git(d, &["config", "merge.chainmap.driver", &driver]).unwrap();
    std::fs::write(d.join(".gitattributes"), "*.chainmap.json merge=chainmap\n").unwrap();
    write(d, "p.chainmap.json", &base());
    git(d, &["add", "."]).unwrap();
    git(d, &["commit", "-qm", "base"]).unwrap();
    git(d, &["checkout", "-qb", "other"]).unwrap();
    let mut theirs = base();
    item(&mut theirs, "nodes", "a")["note"] = json!("from other");
    write(d, "p.chainmap.json", &theirs);
    git(d, &["commit", "-qam", "note"]).unwrap();
    git(d, &["checkout", "-q", "main"]).unwrap();
    let mut ours = base();
    item(&mut ours, "nodes", "a")["name"] = json!("甲公司");
    write(d, "p.chainmap.json", &ours);
    git(d, &["commit", "-qam", "name"]).unwrap();
    // Both edited the same line range of the file; a text merge would conflict.
    git(d, &["merge", "-q", "other", "-m", "merge"]).expect("the driver merges cleanly");
    let mut m = merged(&d.join("p.chainmap.json").display().to_string());
    let a = item(&mut m, "nodes", "a").clone();
    assert_eq!(
        (a["name"].as_str(), a["note"].as_str()),
        (Some("甲公司"), Some("from other"))
    );
}
