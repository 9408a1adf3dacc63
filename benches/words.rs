//! How long a handout's words take to make, in each language, and its hyphenation patterns
//! to read:
//!
//!     cargo bench --bench words [-- RUNS]
//!
//! "first" is the first time in the process, as a cold build of one handout pays it: the
//! catalogue parsed, the plural rules made, the patterns read. "again" is the median of RUNS
//! more (default 200), as each further handout of a run pays it. "words" makes the Words and
//! fills in what a page asks for: a dosage line, a date, "Page X of Y", "Prepared for".

use std::time::{Duration, Instant};

use handout::locale::{Words, LANGUAGES};
use handout::model::{Date, Dosage, Recipient};
use handout::text::hyphenate::Patterns;

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(200);
    let dosage = Dosage {
        sets: Some(3),
        reps: Some(10),
        hold_seconds: Some(2),
        each_side: true,
        times_per_day: Some(2),
        days_per_week: Some(7),
        ..Dosage::default()
    };
    let date = Date {
        year: 2026,
        month: 11,
        day: 23,
    };
    let recipient = Recipient {
        name: Some("Ana Ruiz".into()),
        clinician: Some("Sam Lee".into()),
        date: Some(date),
        note: None,
    };
    let words = |language| {
        let words = Words::new(language, []);
        words.dosage(&dosage);
        words.date(date);
        words.page_of(1, 3);
        words.prepared(&recipient);
    };
    println!("{runs} runs, milliseconds");
    println!(
        "{:<7}{:>12}{:>12}{:>12}",
        "", "words first", "again", "patterns"
    );
    for language in LANGUAGES {
        let first = time(|| words(language));
        let mut again: Vec<Duration> = (0..runs).map(|_| time(|| words(language))).collect();
        again.sort();
        let patterns = time(|| {
            Patterns::of(language).get();
        });
        println!(
            "{:<7}{:>12.3}{:>12.3}{:>12.3}",
            language.tag,
            ms(first),
            ms(again[runs / 2]),
            ms(patterns)
        );
    }
}

fn time(run: impl FnOnce()) -> Duration {
    let start = Instant::now();
    run();
    start.elapsed()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
