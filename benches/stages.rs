//! Times each stage of one build on its own, so that a change that slows one shows where:
//!
//!     cargo bench --bench stages [-- HANDOUT.toml [RUNS [ROSTER.csv]]]
//!
//! Load (content files read and checked, pictures made ready), layout, pictures (made into
//! PDF image objects: what rendering does on a build's second core) and render (the rest of
//! the PDF: fonts cut, pages written) are each run RUNS times (default 50), every run from
//! scratch; the median and the fastest run of each are printed in milliseconds. The sample
//! handout is the default.
//!
//! Then a roster's rows are built one after another on one thread, as each thread of
//! `handout build --roster` builds them, reusing what the rows before left: the roster
//! given, else 200 recipients who differ by name. The time a row takes is printed for the
//! whole build and for its layout alone, each as the median of RUNS / 10 rounds (at least 3).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use handout::model::Edition;
use handout::render::{self, PdfOptions, PictureStore, Renderer};
use handout::{roster, BuildOptions, Prepared};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let handout = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/handouts/inner-knee-pain.toml")
    });
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(50);
    let roster_file = args.get(2).map(PathBuf::from);
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

    let roster = read_roster(&prepared, roster_file);
    let rounds = (runs / 10).max(3);
    let per_row = |build: bool| {
        let mut times: Vec<Duration> = (0..rounds)
            .map(|_| {
                let reuse = prepared.reuse();
                let start = Instant::now();
                for row in &roster.rows {
                    let document = prepared
                        .personalizer
                        .personalize(&prepared.document, &row.personalization)
                        .unwrap()
                        .document;
                    if build {
                        reuse.build(&document, Edition::Standard, None).unwrap();
                    } else {
                        reuse.lay_out(&document, Edition::Standard).unwrap();
                    }
                }
                start.elapsed() / roster.rows.len() as u32
            })
            .collect();
        times.sort();
        (times[rounds / 2], times[0])
    };
    println!(
        "a roster of {} rows, {rounds} rounds, per row:",
        roster.rows.len()
    );
    for (name, build) in [("row", true), ("layout", false)] {
        let (median, fastest) = per_row(build);
        println!("{name:<9}{:>10.3}{:>10.3}", ms(median), ms(fastest));
    }
}

/// The roster at `file`, else one of 200 recipients who differ by name.
fn read_roster(prepared: &Prepared, file: Option<PathBuf>) -> roster::Roster {
    let folder = tempfile::tempdir().unwrap();
    let file = file.unwrap_or_else(|| {
        let names: String = (0..200).map(|i| format!("Runner {i:04}\n")).collect();
        let file = folder.path().join("roster.csv");
        std::fs::write(&file, format!("name\n{names}")).unwrap();
        file
    });
    roster::read(&file, &prepared.document, &prepared.personalizer).expect("the roster reads")
}

/// A stage's name and one run of it.
type Stage<'a> = (&'static str, Box<dyn Fn() + 'a>);

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
