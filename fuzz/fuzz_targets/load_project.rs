//! Any bytes as a project file: loading never panics; what loads survives analysis, layout,
//! the split schedules and a save-and-reload.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    chainmap::fuzzing::exercise_project_bytes(data);
});
