//! Every input the fuzz targets (`fuzz/`) ever failed on, replayed the way the target fed
//! it: the first byte picks the content file, the rest replaces it in a copy of the sample.
//! Loading must end in a handout or in errors, never in silence or a panic.

mod common;

use std::fs;

use handout::BuildOptions;

use common::*;

const FILES: [&str; 3] = [
    "content/handouts/inner-knee-pain.toml",
    "content/brand.toml",
    "content/exercises/split-squat.toml",
];

#[test]
fn inputs_the_content_fuzzer_found_are_reported_not_passed_over() {
    let found = repo().join("tests/fixtures/fuzz/content");
    let mut replayed = 0;
    for entry in fs::read_dir(found).unwrap() {
        let input = fs::read(entry.unwrap().path()).unwrap();
        let Some((&which, text)) = input.split_first() else {
            continue;
        };
        let ws = sample_workspace();
        fs::write(ws.path().join(FILES[which as usize % FILES.len()]), text).unwrap();
        let handout = ws.path().join(FILES[0]);
        if let Err(diagnostics) = handout::check(&handout, &BuildOptions::default()) {
            assert!(diagnostics.has_errors(), "a failed check names an error");
        }
        replayed += 1;
    }
    assert!(replayed > 0);
}
