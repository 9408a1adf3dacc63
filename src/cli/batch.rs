//! `handout build HANDOUT --roster FILE.csv`: one PDF per row, every row checked first.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::report::Reporter;
use super::{output, print_all, Outcome};
use crate::{roster, BuildError, BuildOptions};

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
    let prepared = match crate::prepare(handout, options) {
        Ok(prepared) => prepared,
        Err(diagnostics) => {
            print_all(reporter, &diagnostics);
            complain!("{}: not built, no PDF written", handout.display());
            return Outcome::ContentErrors;
        }
    };
    print_all(reporter, &prepared.warnings);
    let roster = match roster::read(roster_file, &prepared.document) {
        Ok(roster) => roster,
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
    // Rows are built on every core, each thread reusing its shaped words and pictures;
    // a row's PDF is written as soon as it is made, so memory does not grow with the roster.
    let rows: Vec<_> = roster.rows.iter().zip(&stems).collect();
    let results: Vec<Result<(), RowFailure>> = rows
        .par_iter()
        .map_init(
            || prepared.reuse(),
            |reuse, (row, stem)| {
                let document = row.apply(&prepared.document);
                let result = match prepared.build_reusing(&document, options.timestamp, reuse) {
                    Ok(built) => {
                        let target = out.join(format!("{stem}.pdf"));
                        output::write_atomically(&target, |file| built.pdf.write_to(file))
                            .map_err(|error| RowFailure::Write(target, error))
                    }
                    Err(error) => Err(RowFailure::Build(error)),
                };
                progress.inc(1);
                result
            },
        )
        .collect();
    progress.finish_and_clear();
    let mut outcome = Outcome::Success;
    let mut written = 0;
    for ((row, _), result) in rows.iter().zip(results) {
        let result = match result {
            Ok(()) => {
                written += 1;
                Outcome::Success
            }
            Err(RowFailure::Write(target, error)) => {
                complain!("error: cannot write {}: {error}", target.display());
                Outcome::UsageOrIo
            }
            Err(RowFailure::Build(BuildError::Content(diagnostics))) => {
                print_all(reporter, &diagnostics);
                complain!(
                    "{}: row on line {}: not built",
                    roster_file.display(),
                    row.line
                );
                Outcome::ContentErrors
            }
            Err(RowFailure::Build(BuildError::Render(error))) => {
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
