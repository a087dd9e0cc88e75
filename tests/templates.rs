//! The built-in reference chains (全景图 templates): every one loads and keeps the template
//! rules, makes a project that `chainmap check`s clean, and the CLI lists them and builds from
//! them as documented (`chainmap templates`, `chainmap new --template`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::reference;
use std::path::Path;
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

#[test]
fn every_template_loads_and_keeps_the_rules() {
    let catalogue = reference::catalogue();
    let problems: Vec<String> = catalogue
        .problems
        .iter()
        .map(|i| i.text(chainmap::i18n::Lang::En))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        catalogue.templates.len() >= 12,
        "{}",
        catalogue.templates.len()
    );
    for t in &catalogue.templates {
        assert!(t.stage_count() >= 8, "{}", t.id());
        assert!(t.product_count() >= 20, "{}", t.id());
        // Every stage's land use is there, and activity (validated), so a project from it can
        // tell farming from processing.
        assert_eq!(t.stage_info.len(), t.stage_count(), "{}", t.id());
        assert!(!t.sources.is_empty(), "{}", t.id());
    }
}

#[test]
fn every_file_in_the_templates_folder_is_built_in() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/templates");
    let mut on_disk: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut built_in: Vec<String> = reference::embedded_files()
        .into_iter()
        .map(str::to_owned)
        .collect();
    built_in.sort();
    assert_eq!(on_disk, built_in);
}

#[test]
fn a_project_from_every_template_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    for id in reference::catalogue().ids() {
        let file = dir.path().join(format!("{id}.chainmap.json"));
        let file = file.to_str().unwrap();
        let o = chainmap(&["new", "--template", id, "-o", file, "--county", "样例县"]);
        assert_eq!(o.status.code(), Some(0), "{id}: {}", text(&o.stderr));
        let o = chainmap(&["check", file]);
        let out = text(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{id}: {out}");
        assert!(out.contains("no problems"), "{id}: {out}");
    }
}

#[test]
fn new_from_a_template_writes_a_loadable_project_with_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tea.chainmap.json");
    let o = chainmap(&[
        "new",
        "--template",
        "tea",
        "-o",
        file.to_str().unwrap(),
        "--name",
        "某县茶叶",
        "--county",
        "某县",
        "--year",
        "2024",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), file.to_str().unwrap());
    let loaded = chainmap::file::load_path(&file, Default::default()).unwrap();
    let project = loaded.project;
    assert_eq!(project.meta.name, "某县茶叶");
    assert_eq!(project.meta.county, "某县");
    assert_eq!(project.meta.base_year, Some(2024));
    let catalogue = reference::catalogue();
    let tea = catalogue.find("tea").unwrap();
    assert_eq!(project.chains.len(), 1);
    // The template's chain, each stage with the land use the template knows for it (issue 20).
    let mut chain = tea.chain.clone();
    for stage in &mut chain.stages {
        stage.land_use = Some(tea.stage_info[&stage.id].land_use);
    }
    assert_eq!(project.chains[&tea.chain.id], chain);
    assert!(project.nodes.is_empty());
    // Compared with its template from the start: every stage and product matched to itself.
    let matching = &project.references[&tea.chain.id];
    assert_eq!(matching.template, "tea");
    assert_eq!(matching.revision, tea.revision);
    assert_eq!(matching.stages.len(), tea.chain.stages.len());
    assert!(matching.stages.iter().all(|(r, p)| p.as_ref() == Some(r)));
    assert!(
        matching
            .products
            .iter()
            .all(|(r, p)| p.as_deref() == Some(r.as_str()))
    );
}

#[test]
fn new_from_a_template_names_the_project_after_the_county_and_chain_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let with_county = dir.path().join("a.chainmap.json");
    let o = chainmap(&[
        "new",
        "--template",
        "edible-fungi",
        "-o",
        with_county.to_str().unwrap(),
        "--county",
        "柞水县",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let project = chainmap::file::load_path(&with_county, Default::default())
        .unwrap()
        .project;
    assert_eq!(project.meta.name, "柞水县食用菌产业链(木耳、香菇)");
    // Without a county the project is the reference chain alone, county to be filled in.
    let bare = dir.path().join("b.chainmap.json");
    let o = chainmap(&["new", "--template", "pork", "-o", bare.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let project = chainmap::file::load_path(&bare, Default::default())
        .unwrap()
        .project;
    assert_eq!(project.meta.name, "生猪与肉制品产业链");
    assert_eq!(project.meta.county, "");
}

#[test]
fn an_unknown_template_exits_1_listing_the_ids() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.chainmap.json");
    let o = chainmap(&[
        "new",
        "--template",
        "mushrooms",
        "-o",
        file.to_str().unwrap(),
        "--county",
        "某县",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("unknown reference chain \"mushrooms\""),
        "{err}"
    );
    for id in reference::catalogue().ids() {
        assert!(err.contains(id), "{id} missing from: {err}");
    }
    assert!(!file.exists());
}

#[test]
fn new_without_a_template_still_needs_name_and_county() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.chainmap.json");
    let o = chainmap(&["new", "-o", file.to_str().unwrap(), "--county", "某县"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let o = chainmap(&["new", "-o", file.to_str().unwrap(), "--name", "某项目"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(!file.exists());
}

#[test]
fn templates_json_lists_id_names_and_counts() {
    let o = chainmap(&["templates", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = json["templates"].as_array().unwrap();
    let catalogue = reference::catalogue();
    assert_eq!(list.len(), catalogue.templates.len());
    for (entry, t) in list.iter().zip(&catalogue.templates) {
        let mut keys: Vec<&str> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "name", "name_en", "products", "stages"]);
        assert_eq!(entry["id"], t.id());
        assert_eq!(entry["name"], t.chain.name.as_str());
        assert_eq!(entry["name_en"], t.chain.name_en.as_str());
        assert_eq!(entry["stages"], t.stage_count());
        assert_eq!(entry["products"], t.product_count());
    }
    let fungi = list.iter().find(|e| e["id"] == "edible-fungi").unwrap();
    assert_eq!(fungi["stages"], 14);
    assert_eq!(fungi["products"], 32);
}

#[test]
fn templates_table_speaks_the_ui_language() {
    let o = chainmap(&["templates"]);
    assert_eq!(o.status.code(), Some(0));
    let en = text(&o.stdout);
    let lines: Vec<&str> = en.lines().collect();
    assert!(lines[0].starts_with("id"), "{en}");
    assert!(
        lines[0].contains("stages") && lines[0].contains("products"),
        "{en}"
    );
    let fungi = lines
        .iter()
        .find(|l| l.starts_with("edible-fungi"))
        .unwrap();
    assert!(fungi.contains("14") && fungi.contains("32"), "{fungi}");
    assert!(
        fungi.ends_with("Edible fungi (black fungus, shiitake)"),
        "{fungi}"
    );
    let o = chainmap(&["--lang", "zh", "templates"]);
    let zh = text(&o.stdout);
    assert!(zh.lines().next().unwrap().contains("环节"), "{zh}");
    assert!(zh.contains("食用菌产业链(木耳、香菇)"), "{zh}");
    assert_eq!(zh.lines().count(), lines.len());
}
