//! `handout build HANDOUT --roster FILE.csv`: one PDF per row, every row checked first.

use std::io::IsTerminal;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use super::report::{shown_path, Reporter};
use super::{counted, output, print_all, Outcome};
use handout::model::Edition;
use handout::{roster, BuildError, BuildOptions};

pub fn build(
    handout: &Path,
    roster_file: &Path,
    out: &Path,
    options: &BuildOptions,
    editions: &[Edition],
    reporter: &mut Reporter,
) -> Outcome {
    let started = Instant::now();
    let (prepared, roster) = match read(handout, roster_file, options, reporter) {
        Ok(read) => read,
        Err(outcome) => return outcome,
    };
    let stem = handout
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let stems = roster::file_stems(&stem, &roster);
    // Each row in each edition.
    let rows: Vec<_> = roster
        .rows
        .iter()
        .zip(&stems)
        .flat_map(|(row, stem)| editions.iter().map(move |&edition| (row, stem, edition)))
        .collect();
    let progress = progress_bar(rows.len() as u64);
    // Once the disk is full every later row would fail the same way: they are not built.
    let disk_full = AtomicBool::new(false);
    let build_row = |reuse: &handout::Reuse,
                     &(row, stem, edition): &(&roster::Row, &String, Edition)| {
        let target = out.join(format!("{stem}{}.pdf", edition.file_suffix()));
        if disk_full.load(Ordering::Relaxed) {
            progress.inc(1);
            return Err(RowFailure::NotTried(target));
        }
        let personalized = prepared
            .personalizer
            .personalize(&prepared.document, &row.personalization);
        let built = personalized
            .map_err(BuildError::Content)
            .and_then(|personalized| {
                reuse.build(&personalized.document, edition, options.timestamp)
            });
        let result = match built {
            Ok(built) => {
                match output::write_atomically(&target, |file| file.write_all(&built.pdf)) {
                    Ok(()) => Ok((target, built.pages)),
                    Err(error) => {
                        if error.kind() == std::io::ErrorKind::StorageFull {
                            disk_full.store(true, Ordering::Relaxed);
                        }
                        Err(RowFailure::Write(target, error))
                    }
                }
            }
            Err(error) => Err(RowFailure::Build(error)),
        };
        progress.inc(1);
        result
    };
    let results = on_every_core(&rows, || prepared.reuse(), build_row);
    progress.finish_and_clear();
    let mut outcome = Outcome::Success;
    let mut written = 0;
    let mut unwritten = Vec::new();
    for (result, (row, ..)) in results.into_iter().zip(&rows) {
        let failure = match result {
            Ok((target, pages)) => {
                say!(
                    "{}: {}",
                    shown_path(&target),
                    counted(pages, "page", "pages")
                );
                written += 1;
                continue;
            }
            Err(failure) => failure,
        };
        let result = match failure {
            RowFailure::Write(target, error) => {
                unwritten.push((target, Some(error)));
                Outcome::UsageOrIo
            }
            RowFailure::NotTried(target) => {
                unwritten.push((target, None));
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
    for line in write_failures(&unwritten, out) {
        complain!("{line}");
    }
    say!(
        "{} in {:.2} s → {}",
        counted(written, "handout", "handouts"),
        started.elapsed().as_secs_f64(),
        shown_path(out)
    );
    outcome
}

/// `handout check HANDOUT --roster FILE`: every row checked as a build would check it,
/// nothing written.
pub fn check(
    handout: &Path,
    roster_file: &Path,
    options: &BuildOptions,
    reporter: &mut Reporter,
) -> Outcome {
    match read(handout, roster_file, options, reporter) {
        Ok((prepared, roster)) => {
            if reporter.fails(&prepared.warnings) || reporter.fails(&roster.warnings) {
                return Outcome::ContentErrors;
            }
            if !reporter.for_people() {
                return Outcome::Success;
            }
            say!(
                "{}: ok, {} for {}",
                roster_file.display(),
                counted(roster.rows.len(), "row", "rows"),
                handout.display()
            );
            Outcome::Success
        }
        Err(outcome) => outcome,
    }
}

/// The handout, loaded, and the roster's rows, each checked against it; every problem
/// reported, and why nothing can be built when something can't.
fn read(
    handout: &Path,
    roster_file: &Path,
    options: &BuildOptions,
    reporter: &mut Reporter,
) -> Result<(handout::Prepared, roster::Roster), Outcome> {
    if !roster_file.exists() {
        complain!(
            "error: --roster {} does not exist; name the CSV file of the recipients",
            roster_file.display()
        );
        return Err(Outcome::UsageOrIo);
    }
    if !roster_file.is_file() {
        complain!(
            "error: --roster {} is not a file; --roster takes a CSV file",
            roster_file.display()
        );
        return Err(Outcome::UsageOrIo);
    }
    let prepared = match handout::prepare(handout, options) {
        Ok(prepared) => prepared,
        Err(diagnostics) => {
            print_all(reporter, &diagnostics);
            complain!("{}: not built, no PDF written", handout.display());
            return Err(Outcome::ContentErrors);
        }
    };
    print_all(reporter, &prepared.warnings);
    match roster::read(roster_file, &prepared.document, &prepared.personalizer) {
        Ok(roster) => {
            print_all(reporter, &roster.warnings);
            Ok((prepared, roster))
        }
        Err(diagnostics) => {
            print_all(reporter, &diagnostics);
            complain!("{}: not built, no PDF written", roster_file.display());
            Err(Outcome::ContentErrors)
        }
    }
}

/// What to say of the PDFs that were not written: each reason once, with how many PDFs
/// it stopped and the first of them, so a full disk is one line, not one a row. A row
/// not tried (`None`) was stopped by the disk being full.
fn write_failures(unwritten: &[(PathBuf, Option<std::io::Error>)], out: &Path) -> Vec<String> {
    let mut reasons: Vec<(String, Vec<&Path>)> = Vec::new();
    for (target, error) in unwritten {
        let reason = match error {
            Some(error) => error.to_string(),
            None => std::io::Error::from(std::io::ErrorKind::StorageFull).to_string(),
        };
        match reasons.iter_mut().find(|(known, _)| *known == reason) {
            Some((_, targets)) => targets.push(target),
            None => reasons.push((reason, vec![target])),
        }
    }
    reasons
        .into_iter()
        .map(|(reason, targets)| match targets.as_slice() {
            [one] => format!("error: cannot write {}: {reason}", shown_path(one)),
            [first, ..] => format!(
                "error: cannot write {} in {} (the first {}): {reason}",
                counted(targets.len(), "PDF", "PDFs"),
                shown_path(out),
                shown_path(first)
            ),
            [] => String::new(),
        })
        .collect()
}

/// `work` done on each item, on every core, each thread with its own `state` (what it
/// keeps from one item for the next: a roster's rows reuse the words, paragraphs and
/// fonts the thread has set before). Each thread takes the next item not yet taken, so a
/// slow row holds no other back. What `work` returns comes back in the items' order; a
/// row's is small (where its PDF went, or why not), so memory grows with the roster only
/// by that.
fn on_every_core<T: Sync, S, R: Send>(
    items: &[T],
    state: impl Fn() -> S + Sync,
    work: impl Fn(&S, &T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let worker = || {
        let state = state();
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, work(&state, item)));
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
    results.into_iter().map(|(_, result)| result).collect()
}

/// Why one row of a roster gave no PDF.
enum RowFailure {
    Build(BuildError),
    Write(PathBuf, std::io::Error),
    /// Not built: the disk was full by the time the row's turn came.
    NotTried(PathBuf),
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
    fn every_item_is_worked_once_and_results_come_back_in_order() {
        let items: Vec<u32> = (0..500).collect();
        let started = AtomicUsize::new(0);
        let worked = AtomicUsize::new(0);
        let results = on_every_core(
            &items,
            || started.fetch_add(1, Ordering::Relaxed),
            |_, &item| {
                worked.fetch_add(1, Ordering::Relaxed);
                item * 2
            },
        );
        assert_eq!(worked.load(Ordering::Relaxed), items.len());
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(
            started.load(Ordering::Relaxed),
            cores.min(items.len()),
            "one state a thread"
        );
        let expected: Vec<u32> = (0..500).map(|i| i * 2).collect();
        assert_eq!(results, expected);
        assert!(on_every_core(&[] as &[u32], || (), |_, _| 1).is_empty());
    }

    #[test]
    fn a_reason_many_pdfs_were_not_written_for_is_said_once() {
        let full = || Some(std::io::Error::from(std::io::ErrorKind::StorageFull));
        let denied = || Some(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        let out = Path::new("out");
        let unwritten = vec![
            (out.join("a.pdf"), full()),
            (out.join("b.pdf"), None),
            (out.join("c.pdf"), full()),
            (out.join("d.pdf"), denied()),
        ];
        let said = write_failures(&unwritten, out);
        let storage_full = std::io::Error::from(std::io::ErrorKind::StorageFull).to_string();
        let permission = std::io::Error::from(std::io::ErrorKind::PermissionDenied).to_string();
        assert_eq!(
            said,
            [
                format!("error: cannot write 3 PDFs in out (the first out/a.pdf): {storage_full}"),
                format!("error: cannot write out/d.pdf: {permission}"),
            ]
        );
    }
}
