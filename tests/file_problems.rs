//! One fixture per problem class: loading reports it, and the message names the place.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::file::{self, LoadOptions, load_bytes, load_path};
use chainmap::i18n::Lang;
use chainmap::model::{Issue, Severity};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Every issue of a fixture, whether it loaded or not.
fn issues_of(name: &str, options: LoadOptions) -> (bool, Vec<Issue>) {
    match load_path(&fixture(name), options) {
        Ok(l) => (true, l.issues),
        Err(e) => (false, e.issues),
    }
}

fn find<'a>(issues: &'a [Issue], code: &str) -> Vec<&'a Issue> {
    issues.iter().filter(|i| i.code == code).collect()
}

#[test]
fn valid_minimal_loads_clean() {
    let (loaded, issues) = issues_of("valid-minimal.json", LoadOptions::default());
    assert!(loaded);
    assert!(issues.is_empty(), "{issues:?}");
}

#[test]
fn syntax_error_names_line_and_column() {
    let (loaded, issues) = issues_of("syntax-error.json", LoadOptions::default());
    assert!(!loaded);
    let issue = &find(&issues, "json_syntax")[0];
    assert_eq!(issue.place, "line 7, column 6");
    assert!(issue.zh.contains("第 7 行第 6 列"), "{}", issue.zh);
}

#[test]
fn not_a_chainmap_file() {
    let (loaded, issues) = issues_of("not-chainmap.json", LoadOptions::default());
    assert!(!loaded);
    assert!(find(&issues, "not_chainmap")[0].en.contains("\"format\""));
}

#[test]
fn newer_version_is_refused_naming_the_version() {
    let (loaded, issues) = issues_of("newer-version.json", LoadOptions::default());
    assert!(!loaded);
    let issue = find(&issues, "newer_version")[0];
    assert!(issue.en.contains("version 7"), "{}", issue.en);
    assert!(issue.en.contains("up to 3"), "{}", issue.en);
    assert!(issue.zh.contains("第 7 版"), "{}", issue.zh);
}

#[test]
fn dangling_link_names_link_and_node() {
    let (loaded, issues) = issues_of("dangling-link.json", LoadOptions::default());
    assert!(!loaded);
    let issue = find(&issues, "dangling_reference")[0];
    assert_eq!(issue.place, "links/l1");
    assert!(issue.en.contains("\"ghost\""), "{}", issue.en);
}

#[test]
fn enterprise_in_unknown_stage() {
    let (_, issues) = issues_of("unknown-stage.json", LoadOptions::default());
    let issue = find(&issues, "dangling_reference")[0];
    assert_eq!(issue.place, "nodes/b");
    assert!(issue.en.contains("\"s9\""), "{}", issue.en);
}

#[test]
fn share_for_a_non_party() {
    let (_, issues) = issues_of("unknown-party.json", LoadOptions::default());
    let issue = find(&issues, "dangling_reference")[0];
    assert_eq!(issue.place, "agreements/ag/phases/p1");
    assert!(
        issue.en.contains("\"nobody\" is not a party"),
        "{}",
        issue.en
    );
}

#[test]
fn agreement_party_that_does_not_exist() {
    let (loaded, issues) = issues_of("party-not-a-node.json", LoadOptions::default());
    assert!(!loaded);
    let issue = find(&issues, "dangling_reference")[0];
    assert_eq!(issue.place, "agreements/ag/parties/missing_region");
}

#[test]
fn duplicate_ids_name_both_items() {
    let (loaded, issues) = issues_of("duplicate-node-id.json", LoadOptions::default());
    assert!(!loaded);
    let issue = find(&issues, "duplicate_id")[0];
    assert_eq!(issue.place, "nodes/a");
    assert!(issue.en.contains("items 1 and 6"), "{}", issue.en);
}

#[test]
fn shares_not_adding_to_100_name_agreement_phase_and_parties() {
    let (loaded, issues) = issues_of("shares-not-100.json", LoadOptions::default());
    assert!(loaded, "a share table that is off can be fixed in the app");
    let issue = find(&issues, "shares_not_100")[0];
    assert_eq!(issue.severity, Severity::Error);
    assert_eq!(issue.place, "agreements/ag/phases/p1");
    assert!(issue.en.contains("90 %"), "{}", issue.en);
    assert!(issue.en.contains("src 50%, host 40%"), "{}", issue.en);
}

#[test]
fn negative_amounts_are_errors_with_their_place() {
    let (_, issues) = issues_of("negative-amounts.json", LoadOptions::default());
    let places: Vec<&str> = find(&issues, "negative_amount")
        .iter()
        .map(|i| i.place.as_str())
        .collect();
    assert_eq!(places, ["nodes/a/figures/2024", "links/l1"]);
}

#[test]
fn overlapping_phases_name_both() {
    let (_, issues) = issues_of("overlapping-phases.json", LoadOptions::default());
    let issue = find(&issues, "overlapping_phases")[0];
    assert_eq!(issue.place, "agreements/ag/phases/p2");
    assert!(
        issue.en.contains("\"p2\" (2023–)") && issue.en.contains("\"p1\" (2020–2024)"),
        "{}",
        issue.en
    );
}

#[test]
fn wrong_types_are_all_reported_with_paths() {
    let (loaded, issues) = issues_of("wrong-types.json", LoadOptions::default());
    assert!(!loaded);
    let places: Vec<&str> = find(&issues, "wrong_type")
        .iter()
        .map(|i| i.place.as_str())
        .collect();
    assert_eq!(places, ["nodes/a/kind", "nodes/b/figures/2024/output"]);
    assert!(find(&issues, "wrong_type")[0].en.contains("spaceship"));
    // Lines and columns are the file's, not counted from the item's first character.
    assert!(
        find(&issues, "wrong_type")[0]
            .en
            .starts_with("wrong type (line 50, column 25)"),
        "{}",
        find(&issues, "wrong_type")[0].en
    );
    assert!(
        find(&issues, "wrong_type")[1]
            .zh
            .contains("第 70 行第 26 列")
    );
}

#[test]
fn unknown_fields_warn_and_fail_only_in_strict_mode() {
    let (loaded, issues) = issues_of("unknown-field.json", LoadOptions::default());
    assert!(loaded);
    let issue = find(&issues, "unknown_field")[0];
    assert_eq!(issue.severity, Severity::Warning);
    assert_eq!(issue.place, "nodes/a/colour");
    let (_, strict) = issues_of("unknown-field.json", LoadOptions { strict: true });
    assert_eq!(find(&strict, "unknown_field")[0].severity, Severity::Error);
}

#[test]
fn non_utf8_bytes_are_reported_with_their_position() {
    // "名称" in GBK, inside an otherwise fine file.
    let mut bytes = b"{\n  \"format\": \"chainmap\",\n  \"name\": \"".to_vec();
    bytes.extend_from_slice(&[0xC3, 0xFB, 0xB3, 0xC6]);
    bytes.extend_from_slice(b"\"\n}\n");
    let err = load_bytes(&bytes, LoadOptions::default()).unwrap_err();
    assert_eq!(err.issues[0].code, "not_utf8");
    assert_eq!(err.issues[0].place, "line 3, column 12");
}

#[test]
fn v0_sketch_migrates() {
    let loaded = load_path(&fixture("v0-sketch.json"), LoadOptions::default()).unwrap();
    assert_eq!(loaded.file_version, 0);
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let p = &loaded.project;
    assert_eq!(p.chains.len(), 1);
    assert_eq!(p.stages().count(), 2);
    let b = &p.nodes[&"b".into()];
    assert_eq!(b.stages, vec!["s2".into()]);
    let f = &b.figures[&2023];
    assert_eq!(f.output.unwrap().to_string(), "1200");
    assert_eq!(f.tax.unwrap().to_string(), "36.5");
    assert_eq!(b.position.unwrap().x, 240.0);
    let link = &p.links[&"l1".into()];
    assert_eq!((link.from.as_str(), link.to.as_str()), ("a", "b"));
    assert_eq!(link.value.unwrap().to_string(), "180");
    // Re-saved, it is a current-version file that loads as itself.
    let text = file::to_json(p).unwrap();
    assert!(text.contains("\"version\": 3"));
    let again = file::load_str(&text, LoadOptions::default()).unwrap();
    assert_eq!(&again.project, p);
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = std::fs::read_to_string(fixture("valid-minimal.json"))
        .unwrap()
        .replace("\"to\": \"b\"", "\"to\": \"ghost\"")
        .replace(
            "\"stages\": [\n        \"s2\"",
            "\"stages\": [\n        \"s9\"",
        )
        .replacen("\"pct\": 50", "\"pct\": 20", 1);
    let err = file::load_str(&text, LoadOptions::default()).unwrap_err();
    let codes: Vec<&str> = err.issues.iter().map(|i| i.code).collect();
    assert!(codes.contains(&"dangling_reference"), "{codes:?}");
    assert_eq!(
        codes.iter().filter(|c| **c == "dangling_reference").count(),
        2
    );
    assert!(codes.contains(&"shares_not_100"), "{codes:?}");
}

#[test]
fn amounts_keep_every_digit() {
    let text = std::fs::read_to_string(fixture("valid-minimal.json"))
        .unwrap()
        .replace("\"value\": 40", "\"value\": 40.12345678901234567890");
    let loaded = file::load_str(&text, LoadOptions::default()).unwrap();
    let saved = file::to_json(&loaded.project).unwrap();
    assert!(
        saved.contains("\"value\": 40.12345678901234567890"),
        "{saved}"
    );
}

#[test]
fn messages_exist_in_both_languages() {
    for name in [
        "dangling-link.json",
        "shares-not-100.json",
        "overlapping-phases.json",
        "newer-version.json",
    ] {
        let (_, issues) = issues_of(name, LoadOptions::default());
        for issue in issues {
            assert!(!issue.message(Lang::Zh).is_empty() && !issue.message(Lang::En).is_empty());
            assert_ne!(issue.zh, issue.en);
        }
    }
}

/// Loading never panics: truncations and byte mutations of a real sample (a cheap, deterministic
/// mutation run; the fuzzers go further).
#[test]
fn mangled_files_never_panic() {
    let sample = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("sample_projects/ankang-enclave.chainmap.json"),
    )
    .unwrap();
    for cut in (0..sample.len()).step_by(97) {
        let _ = load_bytes(&sample[..cut], LoadOptions::default());
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"{}[]\",:0-9.eE nulltruefalse\xff\xe4";
    for _ in 0..300 {
        let mut bytes = sample.clone();
        for _ in 0..(next() % 4 + 1) {
            let at = (next() as usize) % bytes.len();
            bytes[at] = alphabet[(next() as usize) % alphabet.len()];
        }
        let _ = load_bytes(&bytes, LoadOptions::default());
    }
    let deep = "[".repeat(100_000);
    assert!(load_bytes(deep.as_bytes(), LoadOptions::default()).is_err());
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.chainmap.json");
    // A sparse file: as large as it says, at no cost.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(file::MAX_PROJECT_BYTES + 1).unwrap();
    drop(file);
    let e = load_path(&path, LoadOptions::default()).unwrap_err();
    assert_eq!(e.issues[0].code, "too_large");
    assert!(
        e.issues[0].en.contains("over the 256 MB limit"),
        "{}",
        e.issues[0].en
    );
}

#[test]
fn a_100_mb_file_of_junk_fails_fast_with_a_message() {
    // 100 MB of bytes that are not UTF-8 from the first one: refused at once, not parsed.
    let junk = vec![0xFFu8; 100 * 1024 * 1024];
    let e = load_bytes(&junk, LoadOptions::default()).unwrap_err();
    assert_eq!(e.issues[0].code, "not_utf8");
    assert_eq!(e.issues[0].place, "line 1, column 1");
    // 100 MB of valid text that is not JSON: a syntax error with its place.
    let text = "x".repeat(100 * 1024 * 1024);
    let e = load_bytes(text.as_bytes(), LoadOptions::default()).unwrap_err();
    assert_eq!(e.issues[0].code, "json_syntax");
}

#[test]
fn numbers_that_make_no_sense_are_reported_where_they_are() {
    for (name, place, code) in [
        ("position-1e400.json", "nodes/N01/position/x", "wrong_type"),
        (
            "nan-output-unknown-kind.json",
            "nodes/N01/figures/2024/output",
            "wrong_type",
        ),
        (
            "nan-output-unknown-kind.json",
            "nodes/N02/kind",
            "wrong_type",
        ),
    ] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz_regressions")
            .join(name);
        let e = load_path(&path, LoadOptions::default()).unwrap_err();
        assert!(
            e.issues.iter().any(|i| i.place == place && i.code == code),
            "{name}: {place} in {:#?}",
            e.issues
        );
    }
}
