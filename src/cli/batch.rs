//! `handout build HANDOUT --roster FILE.csv`: one PDF per row, every row checked first.

use std::io::IsTerminal;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use super::report::Reporter;
use super::{output, print_all, Outcome};
use handout::{roster, BuildError, BuildOptions};

pub fn build(
    handout: &Path,
    roster_file: &Path,
    out: &Path,
    options: &BuildOptions,
    reporter: &mut Reporter,
) -> Outcome {
    let started = Instant::now();
    if !roster_file.is_file() {
        complain!(
            "error: {} is not a file; --roster takes a CSV file",
            roster_file.display()
        );
        return Outcome::UsageOrIo;
    }
    let prepared = match handout::prepare(handout, options) {
        Ok(prepared) => prepared,
        Err(diagnostics) => {
            print_all(reporter, &diagnostics);
            complain!("{}: not built, no PDF written", handout.display());
            return Outcome::ContentErrors;
        }
    };
    print_all(reporter, &prepared.warnings);
    let roster = match roster::read(roster_file, &prepared.document, &prepared.personalizer) {
        Ok(roster) => {
            print_all(reporter, &roster.warnings);
            roster
        }
        Err(diagnostics) => {
            print_all(reporter, &diagnostics);
            complain!("{}: not built, no PDF written", roster_file.display());
            return Outcome::ContentErrors;
        }
    };
    let stem = handout
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let stems = roster::file_stems(&stem, &roster);
    let progress = progress_bar(roster.rows.len() as u64);
    let rows: Vec<_> = roster.rows.iter().zip(&stems).collect();
    let build_row = |reuse: &handout::Reuse, &(row, stem): &(&roster::Row, &String)| {
        let personalized = prepared
            .personalizer
            .personalize(&prepared.document, &row.personalization);
        let built = personalized
            .map_err(BuildError::Content)
            .and_then(|personalized| reuse.build(&personalized.document, options.timestamp));
        let result = match built {
            Ok(built) => {
                let target = out.join(format!("{stem}.pdf"));
                output::write_atomically(&target, |file| file.write_all(&built.pdf))
                    .map_err(|error| RowFailure::Write(target, error))
            }
            Err(error) => Err(RowFailure::Build(error)),
        };
        progress.inc(1);
        result.err()
    };
    let failures = on_every_core(&rows, || prepared.reuse(), build_row);
    progress.finish_and_clear();
    let mut outcome = Outcome::Success;
    let written = rows.len() - failures.len();
    for (index, failure) in failures {
        let (row, _) = rows[index];
        let result = match failure {
            RowFailure::Write(target, error) => {
                complain!("error: cannot write {}: {error}", target.display());
                Outcome::UsageOrIo
            }
            RowFailure::Build(BuildError::Content(diagnostics)) => {
                print_all(reporter, &diagnostics);
                complain!(
                    "{}: row on line {}: not built",
                    roster_file.display(),
                    row.line
                );
                Outcome::ContentErrors
            }
            RowFailure::Build(BuildError::Render(error)) => {
                complain!("error: row on line {}: {error}", row.line);
                Outcome::UsageOrIo
            }
        };
        outcome = outcome.max(result);
    }
    say!(
        "{written} handouts in {:.2} s → {}",
        started.elapsed().as_secs_f64(),
        out.display()
    );
    outcome
}

/// `work` done on each item, on every core, each thread with its own `state` (what it
/// keeps from one item for the next: a roster's rows reuse the words, paragraphs and
/// fonts the thread has set before). Each thread takes the next item not yet taken, so a
/// slow row holds no other back. What `work` returns (a row's failure) is kept with the
/// item's index, in the items' order; nothing else, so memory does not grow with the
/// roster.
fn on_every_core<T: Sync, S, R: Send>(
    items: &[T],
    state: impl Fn() -> S + Sync,
    work: impl Fn(&S, &T) -> Option<R> + Sync,
) -> Vec<(usize, R)> {
    let next = AtomicUsize::new(0);
    let worker = || {
        let state = state();
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            if let Some(result) = work(&state, item) {
                done.push((index, result));
            }
        }
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..cores.min(items.len()))
            .map(|_| scope.spawn(worker))
            .collect();
        let mut results = worker();
        for helper in helpers {
            match helper.join() {
                Ok(done) => results.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    });
    results.sort_by_key(|(index, _)| *index);
    results
}

/// Why one row of a roster gave no PDF.
enum RowFailure {
    Build(BuildError),
    Write(PathBuf, std::io::Error),
}

/// A progress bar on a terminal; nothing on a pipe or in a log.
fn progress_bar(rows: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(rows);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} handouts") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_worked_once_and_failures_come_back_in_order() {
        let items: Vec<u32> = (0..500).collect();
        let started = AtomicUsize::new(0);
        let worked = AtomicUsize::new(0);
        let failures = on_every_core(
            &items,
            || started.fetch_add(1, Ordering::Relaxed),
            |_, &item| {
                worked.fetch_add(1, Ordering::Relaxed);
                (item % 7 == 0).then_some(item)
            },
        );
        assert_eq!(worked.load(Ordering::Relaxed), items.len());
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(
            started.load(Ordering::Relaxed),
            cores.min(items.len()),
            "one state a thread"
        );
        let expected: Vec<(usize, u32)> = (0..500)
            .filter(|i| i % 7 == 0)
            .map(|i| (i as usize, i))
            .collect();
        assert_eq!(failures, expected);
        assert!(on_every_core(&[] as &[u32], || (), |_, _| Some(1)).is_empty());
    }
}
