//! Any bytes as one of the content files (handout, brand or library exercise): loading and
//! laying out must end in a handout or in diagnostics, never in a panic or a hang.
#![no_main]

use std::sync::OnceLock;

use handout::BuildOptions;
use handout_fuzz::Workspace;
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 3] = [
    "content/handouts/inner-knee-pain.toml",
    "content/brand.toml",
    "content/exercises/split-squat.toml",
];

fuzz_target!(|data: &[u8]| {
    static WORKSPACE: OnceLock<Workspace> = OnceLock::new();
    let workspace = WORKSPACE.get_or_init(Workspace::sample);
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let file = workspace.path(FILES[which as usize % FILES.len()]);
    let original = std::fs::read(&file).unwrap();
    std::fs::write(&file, text).unwrap();
    let result = handout::check(&workspace.handout(), &BuildOptions::default());
    std::fs::write(&file, original).unwrap();
    if let Err(diagnostics) = result {
        assert!(diagnostics.has_errors(), "a failed check reports an error");
    }
});
