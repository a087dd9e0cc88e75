//! A bounded fuzz run on stable Rust, part of every `cargo test`: the samples and the shared
//! spreadsheets, mutated byte by byte and structure by structure with a fixed seed, fed to the
//! project loader and the importers. Nothing may panic; whatever loads must survive analysis,
//! layout, splits, exports and a save-and-reload (see `chainmap::fuzzing`).
//!
//! `CHAINMAP_FUZZ_CASES=N` runs N cases per input instead of the default; `CHAINMAP_FUZZ_SEED`
//! picks another seed. A failing case is written to `target/fuzz-failures/` and belongs in
//! `tests/fuzz_regressions/` once fixed. Coverage-guided fuzzing (cargo-fuzz, nightly) lives in
//! `fuzz/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::fuzzing::{exercise_csv_bytes, exercise_project_bytes, exercise_workbook_bytes};
use chainmap::generate::Rng;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One of `items`, at random.
fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len())]
}

fn cases(default: usize) -> usize {
    std::env::var("CHAINMAP_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    std::env::var("CHAINMAP_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x00c0_ffee)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Tokens that break numbers, strings and structure in telling ways.
const NASTY: &[&str] = &[
    "1e400",
    "-1e400",
    "-1",
    "-0.0001",
    "NaN",
    "\"NaN\"",
    "Infinity",
    "null",
    "true",
    "[]",
    "{}",
    "\"\"",
    "18446744073709551616",
    "0.00000000000000000000000000001",
    "\"\\ud800\"",
    "\"菌\"",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "\u{feff}",
    "\"\u{0}\"",
    ",",
    ":",
    "\"id\"",
];

/// One random change to the bytes.
fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>) {
    if data.is_empty() {
        data.extend_from_slice(pick(rng, NASTY).as_bytes());
        return;
    }
    let at = rng.below(data.len());
    match rng.below(8) {
        0 => data[at] ^= 1 << rng.below(8),
        1 => data.truncate(at),
        2 => {
            let end = (at + rng.below(64)).min(data.len());
            data.drain(at..end);
        }
        3 => {
            let bytes: Vec<u8> = (0..rng.below(16) + 1)
                .map(|_| rng.next_u64() as u8)
                .collect();
            data.splice(at..at, bytes);
        }
        4 => {
            let end = (at + rng.below(256)).min(data.len());
            let chunk = data[at..end].to_vec();
            let to = rng.below(data.len());
            data.splice(to..to, chunk);
        }
        5 => {
            let token = pick(rng, NASTY).as_bytes().to_vec();
            let end = (at + rng.below(8)).min(data.len());
            data.splice(at..end, token);
        }
        6 => data[at] = *pick(rng, b"{}[]\",:0-e.\\\n"),
        _ => {
            // A digit run replaced by a huge or negative number.
            if data[at].is_ascii_digit() {
                let end = data[at..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .map(|p| at + p)
                    .unwrap_or(data.len());
                let token = pick(rng, &["-7", "99999999999999999999999999999", "1e39", "0"]);
                data.splice(at..end, token.bytes());
            }
        }
    }
}

/// Every value in a JSON tree, by path, so one can be picked at random.
fn paths(value: &Value, at: Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let mut p = at.clone();
                p.push(PathStep::Key(k.clone()));
                paths(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut p = at.clone();
                p.push(PathStep::Index(i));
                paths(v, p, out);
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn get_mut<'a>(value: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
    let mut v = value;
    for step in path {
        v = match step {
            PathStep::Key(k) => v.get_mut(k.as_str())?,
            PathStep::Index(i) => v.get_mut(*i)?,
        };
    }
    Some(v)
}

/// One random change to the structure: types swapped, keys dropped, items duplicated (so ids
/// repeat), references pointed at nothing, kinds unknown, numbers negative or huge.
fn mutate_json(rng: &mut Rng, value: &mut Value) {
    let mut all = Vec::new();
    paths(value, Vec::new(), &mut all);
    let path = pick(rng, &all).clone();
    let Some(target) = get_mut(value, &path) else {
        return;
    };
    let replacement = match rng.below(9) {
        0 => Value::Null,
        1 => Value::String("spaceship".into()),
        2 => serde_json::from_str::<Value>("-12.5").unwrap(),
        3 => serde_json::from_str::<Value>("1e39").unwrap(),
        4 => Value::Array(vec![]),
        5 => Value::String("missing-id".into()),
        6 => {
            // Duplicate an array item (a repeated id), or drop an object key.
            match target {
                Value::Array(items) if !items.is_empty() => {
                    let i = rng.below(items.len());
                    let copy = items[i].clone();
                    items.push(copy);
                    return;
                }
                Value::Object(map) if !map.is_empty() => {
                    let keys: Vec<String> = map.keys().cloned().collect();
                    let key = pick(rng, &keys).clone();
                    map.remove(&key);
                    return;
                }
                _ => Value::Bool(true),
            }
        }
        7 => {
            // Deep nesting in place of a value.
            let mut v = Value::Null;
            for _ in 0..(rng.below(200) + 1) {
                v = Value::Array(vec![v]);
            }
            v
        }
        _ => Value::String("菌包\u{0}\"<&>'".into()),
    };
    *target = replacement;
}

/// Runs `check` on an input; a panic is written out for reproduction and fails the test.
fn guarded(kind: &str, case: usize, data: &[u8], check: fn(&[u8])) {
    let result = std::panic::catch_unwind(|| check(data));
    if result.is_err() {
        let dir = root().join("target/fuzz-failures");
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join(format!("{kind}-{case}.bin"));
        let _ = std::fs::write(&file, data);
        panic!(
            "{kind} case {case} panicked; the input is in {}",
            file.display()
        );
    }
}

fn fuzz_project(file: &str, runs: usize, seed: u64) {
    let original = std::fs::read(root().join("sample_projects").join(file)).unwrap();
    let value: Value = serde_json::from_slice(&original).unwrap();
    let mut rng = Rng(seed ^ file.len() as u64 | 1);
    for case in 0..runs {
        let bytes = if case % 2 == 0 {
            let mut data = original.clone();
            for _ in 0..rng.below(4) + 1 {
                mutate_bytes(&mut rng, &mut data);
            }
            data
        } else {
            let mut v = value.clone();
            for _ in 0..rng.below(3) + 1 {
                mutate_json(&mut rng, &mut v);
            }
            serde_json::to_vec_pretty(&v).unwrap()
        };
        guarded("project", case, &bytes, exercise_project_bytes);
    }
}

#[test]
fn mutated_projects_never_panic() {
    let runs = cases(250);
    for file in [
        "zhashui-fungus.chainmap.json",
        "ankang-enclave.chainmap.json",
        "meixian-kiwi.chainmap.json",
    ] {
        fuzz_project(file, runs, seed());
    }
}

#[test]
fn mutated_spreadsheets_never_panic() {
    let runs = cases(250);
    let mut rng = Rng(seed() | 1);
    for file in [
        "zhashui_like_stages.csv",
        "zhashui_like_enterprises.csv",
        "zhashui_like_supply_edges.csv",
    ] {
        let original = std::fs::read(root().join("tests/data/import").join(file)).unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode(std::str::from_utf8(&original).unwrap());
        for case in 0..runs {
            let mut data = if case % 3 == 0 {
                gbk.to_vec()
            } else {
                original.clone()
            };
            for _ in 0..rng.below(4) + 1 {
                mutate_bytes(&mut rng, &mut data);
            }
            guarded("csv", case, &data, exercise_csv_bytes);
        }
    }
    // A workbook: mutated bytes mostly break the zip; some get through to the sheet reader.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let text =
        std::fs::read_to_string(root().join("tests/data/import/zhashui_like_enterprises.csv"))
            .unwrap();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    let original = book.save_to_buffer().unwrap();
    exercise_workbook_bytes(&original);
    for case in 0..runs / 2 {
        let mut data = original.clone();
        mutate_bytes(&mut rng, &mut data);
        guarded("xlsx", case, &data, exercise_workbook_bytes);
    }
}

/// Every input a fuzzer ever made fail stays here and must keep passing.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = root().join("tests/fuzz_regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let check: fn(&[u8]) = match extension(&path) {
            "csv" => exercise_csv_bytes,
            "xlsx" => exercise_workbook_bytes,
            "md" => continue,
            _ => exercise_project_bytes,
        };
        guarded("regression", seen, &data, check);
        seen += 1;
    }
    assert!(seen > 0, "the regression corpus is in {}", dir.display());
}

fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}
