//! Times each stage of one build on its own, so that a change that slows one shows where:
//!
//!     cargo bench --bench stages [-- HANDOUT.toml [RUNS]]
//!
//! Load (content files read and checked, pictures made ready), layout, pictures (made into
//! PDF image objects: what rendering does on a build's second core) and render (the rest of
//! the PDF: fonts cut, pages written) are each run RUNS times (default 50), every run from scratch; the median and the fastest run of each
//! are printed in milliseconds. The sample handout is the default.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use handout::model::Edition;
use handout::render::{self, PdfOptions, PictureStore, Renderer};
use handout::BuildOptions;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let handout = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/handouts/inner-knee-pain.toml")
    });
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(50);
    let options = BuildOptions::default();

    let prepared = handout::prepare(&handout, &options).expect("the handout loads");
    let layout = prepared
        .lay_out(&prepared.document, Edition::Standard)
        .expect("the handout lays out");
    let document = &prepared.document;
    let figures = document.exercises.iter().flat_map(|e| &e.images);
    let shown: Vec<_> = document
        .brand
        .logo
        .iter()
        .chain(figures.map(|f| &f.picture))
        .collect();
    let pictures = || {
        let store = PictureStore::default();
        for picture in &shown {
            store.get(picture);
        }
        store
    };
    let made = pictures();
    // Fonts are cut afresh each time, as in a cold build; the pictures are made already.
    let render = || {
        let renderer = Renderer::default();
        let options = PdfOptions::default();
        render::pdf(&layout, &prepared.fonts, &options, &made, &renderer).unwrap()
    };
    let pdf = render();

    let stages: [Stage; 4] = [
        (
            "load",
            Box::new(|| {
                handout::prepare(&handout, &options).unwrap();
            }),
        ),
        (
            "layout",
            Box::new(|| {
                prepared
                    .lay_out(&prepared.document, Edition::Standard)
                    .unwrap();
            }),
        ),
        (
            "pictures",
            Box::new(|| {
                pictures();
            }),
        ),
        (
            "render",
            Box::new(|| {
                render();
            }),
        ),
    ];
    println!(
        "{}: {} pages, {} KB, {runs} runs",
        handout.display(),
        layout.pages.len(),
        pdf.len() / 1024
    );
    println!("{:<9}{:>10}{:>10}", "stage", "median", "fastest");
    for (name, stage) in &stages {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                stage();
                start.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "{name:<9}{:>10.2}{:>10.2}",
            ms(times[runs / 2]),
            ms(times[0])
        );
    }
}

/// A stage's name and one run of it.
type Stage<'a> = (&'static str, Box<dyn Fn() + 'a>);

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
