//! Saving is safe: a process killed at random moments while saving, many times over, always
//! leaves the file either the old version or the new one (never a mix or a stub), and the
//! backup, when there is one, is the old version whole.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::generate::Rng;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let runs: usize = std::env::var("CHAINMAP_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let project = chainmap::generate::chain(3_000, 9_000, 7);
    let new = chainmap::file::to_json(&project).unwrap();
    // The same project, not in canonical form: `chainmap fmt` rewrites it (an atomic save).
    let value: serde_json::Value = serde_json::from_str(&new).unwrap();
    let old = serde_json::to_string(&value).unwrap();
    assert_ne!(old, new);

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("project.chainmap.json");
    let backup = chainmap::file::backup_path(&target);
    let fmt = || {
        Command::new(env!("CARGO_BIN_EXE_chainmap"))
            .arg("fmt")
            .arg(&target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long a whole save takes here, to spread the kills over it.
    std::fs::write(&target, &old).unwrap();
    let started = Instant::now();
    assert!(fmt().wait().unwrap().success());
    let whole = started.elapsed();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), new);
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), old);

    let mut rng = Rng(0x5eed_cafe);
    let (mut saw_old, mut saw_new) = (0, 0);
    for run in 0..runs {
        std::fs::write(&target, &old).unwrap();
        let _ = std::fs::remove_file(&backup);
        let mut child = fmt();
        let wait = whole.as_micros() as usize * 12 / 10;
        std::thread::sleep(Duration::from_micros(rng.below(wait) as u64));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(&target).unwrap();
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
        } else {
            panic!(
                "run {run}: the file is neither version ({} bytes)",
                now.len()
            );
        }
        if let Ok(bak) = std::fs::read_to_string(&backup) {
            assert_eq!(bak, old, "run {run}: the backup is the old version whole");
        }
        // Whatever happened, the file still opens.
        chainmap::file::load_str(&now, Default::default()).unwrap();
    }
    // Both outcomes happened, so the kills really fell before and after the save.
    assert!(saw_old > 0 && saw_new > 0, "old {saw_old}, new {saw_new}");
}
