//! Any bytes as an exercise picture: the build either embeds it or names the file in an
//! error, and never panics, hangs or allocates without bound.
#![no_main]

use std::sync::OnceLock;

use handout::BuildOptions;
use handout_fuzz::{assert_whole_pdf, Workspace};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static WORKSPACE: OnceLock<Workspace> = OnceLock::new();
    let workspace = WORKSPACE.get_or_init(Workspace::sample);
    let file = workspace.path("images/exercises/split-squat-start.png");
    std::fs::write(&file, data).unwrap();
    match handout::build(&workspace.handout(), &BuildOptions::default()) {
        Ok(built) => assert_whole_pdf(&built.pdf.to_vec()),
        Err(handout::BuildError::Content(diagnostics)) => {
            let named = diagnostics
                .iter()
                .any(|d| d.to_string().contains("split-squat-start.png"));
            assert!(named, "the error names the picture: {diagnostics}");
        }
        Err(e) => panic!("a picture must not break rendering: {e}"),
    }
});
