//! Any bytes as an Excel workbook: reading and planning the import never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    chainmap::fuzzing::exercise_workbook_bytes(data);
});
