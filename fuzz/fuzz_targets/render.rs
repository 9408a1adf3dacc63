//! Any text in a loaded handout's fields, as the loader could never produce it (control
//! characters, unpaired marks, right-to-left runs, characters no font has, huge words):
//! layout and rendering end in a whole PDF or in diagnostics, never in a panic.
#![no_main]

use std::sync::OnceLock;

use handout::model::{Edition, Paragraph, Recipient, RichText, Run};
use handout::{BuildError, BuildOptions, Prepared};
use handout_fuzz::{assert_whole_pdf, Workspace};
use libfuzzer_sys::fuzz_target;

fn sample() -> &'static Prepared {
    static SAMPLE: OnceLock<(Workspace, Prepared)> = OnceLock::new();
    let (_, prepared) = SAMPLE.get_or_init(|| {
        let workspace = Workspace::sample();
        let prepared = handout::prepare(&workspace.handout(), &BuildOptions::default())
            .expect("the sample loads");
        (workspace, prepared)
    });
    prepared
}

/// A paragraph of `text`, emphasised by the first character's low bits.
fn paragraph(text: &str) -> Paragraph {
    let bits = text.chars().next().map_or(0, |c| c as u32);
    Paragraph {
        runs: vec![Run {
            text: text.to_string(),
            bold: bits & 1 == 1,
            italic: bits & 2 == 2,
            link: (bits & 4 == 4).then(|| "https://example.org/".to_string()),
        }],
    }
}

fuzz_target!(|data: &[u8]| {
    let prepared = sample();
    let text = String::from_utf8_lossy(data);
    let mut pieces = text.split('\n');
    let mut next = || pieces.next().map(str::to_string);
    let mut document = prepared.document.clone();
    if let Some(title) = next() {
        document.title = title;
    }
    document.intro = next().map(|t| RichText {
        paragraphs: vec![paragraph(&t)],
    });
    document.recipient = next().map(|name| Recipient {
        name: Some(name),
        clinician: next(),
        date: None,
        note: next(),
    });
    for exercise in &mut document.exercises {
        if let Some(name) = next() {
            exercise.name = name;
        }
        for step in &mut exercise.steps {
            if let Some(t) = next() {
                *step = paragraph(&t);
            }
        }
        if let Some(caption) = next() {
            for figure in &mut exercise.images {
                figure.caption = Some(caption.clone());
            }
        }
    }
    for cause in &mut document.causes {
        if let Some(name) = next() {
            cause.name = name;
        }
    }
    for edition in Edition::all(2) {
        match prepared.build(&document, edition, None) {
            Ok(built) => assert_whole_pdf(&built.pdf.to_vec()),
            Err(BuildError::Content(diagnostics)) => assert!(diagnostics.has_errors()),
            Err(e) => panic!("rendering the {} edition failed: {e}", edition.name()),
        }
    }
});
