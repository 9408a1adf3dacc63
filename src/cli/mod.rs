//! The command line: flags → library calls → files, messages and an exit code.

/// A line on standard output. A reader that stops reading (`handout build | head -1`) is
/// not a reason to stop building, and never a panic, as `println!` would make it.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// A line on standard error, written as [`say!`] writes to standard output.
macro_rules! complain {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod args;
mod batch;
mod new;
mod output;
mod report;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use args::Cli;
use args::{BuildArgs, CheckArgs, Command, Inputs, NewArgs};
use report::{Format, Reporter};

use handout::content::{self, workspace_root, Given, LoadOptions, Personalization};
use handout::diag::Diagnostics;
use handout::{BuildError, BuildOptions};

/// How a run ended, worst first wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Outcome {
    Success = 0,
    ContentErrors = 1,
    UsageOrIo = 2,
}

pub fn run(cli: Cli) -> ExitCode {
    let mut reporter = match &cli.command {
        Command::Check(args) => Reporter::new(args.format, args.strict),
        _ => Reporter::default(),
    };
    let outcome = match cli.command {
        Command::Build(args) => build(args, &mut reporter),
        Command::Check(args) => check(args, &mut reporter),
        Command::New(args) => new_file(args),
        Command::Schema => {
            say!("{}", handout::content::schema());
            Outcome::Success
        }
    };
    ExitCode::from(outcome as u8)
}

fn build(args: BuildArgs, reporter: &mut Reporter) -> Outcome {
    let handouts = match find_handouts(&args.inputs) {
        Ok(handouts) => handouts,
        Err(message) => return usage_error(&message),
    };
    if let Err(message) = output::check_names_unique(&handouts) {
        return usage_error(&message);
    }
    if let Err(message) = output::ready_folder(&args.out) {
        return usage_error(&message);
    }
    let options = match build_options(&args.inputs, &args.recipient) {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    if let Some(roster) = &args.roster {
        let [handout] = handouts.as_slice() else {
            return usage_error(
                "--roster builds one handout for many recipients; name one handout file",
            );
        };
        let outcome = check_workspaces(&handouts, &options, reporter);
        return outcome.max(batch::build(handout, roster, &args.out, &options, reporter));
    }
    let mut outcome = check_workspaces(&handouts, &options, reporter);
    for handout in &handouts {
        let result = match handout::build(handout, &options) {
            Ok(built) => {
                print_all(reporter, &built.warnings);
                let target = output::pdf_path(&args.out, handout);
                match output::write_atomically(&target, |file| file.write_all(&built.pdf)) {
                    Ok(()) => {
                        say!("{}: {} pages", target.display(), built.pages);
                        Outcome::Success
                    }
                    Err(error) => {
                        complain!("error: cannot write {}: {error}", target.display());
                        Outcome::UsageOrIo
                    }
                }
            }
            Err(BuildError::Content(diagnostics)) => {
                print_all(reporter, &diagnostics);
                complain!("{}: not built, no PDF written", handout.display());
                Outcome::ContentErrors
            }
            Err(BuildError::Render(error)) => {
                complain!("error: {}: {error}", handout.display());
                Outcome::UsageOrIo
            }
        };
        outcome = outcome.max(result);
    }
    outcome
}

fn check(args: CheckArgs, reporter: &mut Reporter) -> Outcome {
    let handouts = match find_handouts(&args.inputs) {
        Ok(handouts) => handouts,
        Err(message) => return usage_error(&message),
    };
    if let Err(message) = output::check_names_unique(&handouts) {
        return usage_error(&message);
    }
    let options = match build_options(&args.inputs, &args.recipient) {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    let mut outcome = check_workspaces(&handouts, &options, reporter);
    for handout in &handouts {
        match handout::check(handout, &options) {
            Ok(warnings) => {
                print_all(reporter, &warnings);
                if reporter.fails(&warnings) {
                    outcome = Outcome::ContentErrors;
                } else if args.format == Format::Human {
                    say!("{}: ok", handout.display());
                }
            }
            Err(diagnostics) => {
                print_all(reporter, &diagnostics);
                outcome = Outcome::ContentErrors;
            }
        }
    }
    outcome
}

/// Reports the problems of the brand and of every library exercise of the workspaces the
/// handouts are in, used or not; a handout's own check repeats none of them, as the
/// reporter prints each problem once.
fn check_workspaces(
    handouts: &[PathBuf],
    options: &BuildOptions,
    reporter: &mut Reporter,
) -> Outcome {
    let mut roots: Vec<PathBuf> = Vec::new();
    for handout in handouts {
        let root = options
            .load
            .root
            .clone()
            .or_else(|| workspace_root(handout));
        if let Some(root) = root.filter(|root| !roots.contains(root)) {
            roots.push(root);
        }
    }
    let mut outcome = Outcome::Success;
    for root in roots {
        let problems = handout::content::check_workspace(&root, &options.load);
        print_all(reporter, &problems);
        if reporter.fails(&problems) {
            outcome = Outcome::ContentErrors;
        }
    }
    outcome
}

fn new_file(args: NewArgs) -> Outcome {
    // The starting file's review date; the one place the clock is read, and only
    // to suggest a value the user will edit.
    let today = today();
    match new::create(&args.root, args.kind, &args.name, &today) {
        Ok(path) => {
            say!("wrote {}", path.display());
            Outcome::Success
        }
        Err(message) => usage_error(&message),
    }
}

/// Today's date (UTC) as YYYY-MM-DD.
fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let date = handout::calendar::date_of(seconds);
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

fn usage_error(message: &str) -> Outcome {
    complain!("error: {message}");
    Outcome::UsageOrIo
}

pub(crate) fn print_all(reporter: &mut Reporter, diagnostics: &Diagnostics) {
    for diagnostic in diagnostics.iter() {
        reporter.print(diagnostic);
    }
}

fn build_options(inputs: &Inputs, recipient: &args::Recipient) -> Result<BuildOptions, String> {
    Ok(BuildOptions {
        load: LoadOptions {
            root: inputs.root.clone(),
            brand: inputs.brand.clone(),
            paper: inputs.paper.map(Into::into),
        },
        personalization: personalization(recipient)?,
        large_print: inputs.large_print,
        timestamp: source_date_epoch(),
    })
}

/// The recipient's details the flags give, refused as text in a content file would be:
/// a usage error, before anything is read.
fn personalization(recipient: &args::Recipient) -> Result<Personalization, String> {
    let given = |flag: &str, text: &Option<String>| -> Result<Option<Given>, String> {
        let Some(text) = text else {
            return Ok(None);
        };
        content::check_text(text).map_err(|why| format!("`{flag}`: {why}"))?;
        Ok(Some(Given::flag(flag, text.as_str())))
    };
    Ok(Personalization {
        name: given("--patient", &recipient.patient)?,
        clinician: given("--clinician", &recipient.clinician)?,
        date: recipient.date,
        note: given("--note", &recipient.note)?,
        dosages: Vec::new(),
    })
}

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for a fixed date.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

const DEFAULT_HANDOUTS: &str = "content/handouts";

/// The handout files named, with folders expanded to every handout below them, sorted: a
/// workspace or its `content` folder stands for its `content/handouts`. The brand or an
/// exercise file named as a handout is refused with what it is.
fn find_handouts(inputs: &Inputs) -> Result<Vec<PathBuf>, String> {
    let root = inputs.root.as_deref();
    let defaulted = inputs.paths.is_empty();
    let paths = if defaulted {
        vec![PathBuf::from(DEFAULT_HANDOUTS)]
    } else {
        inputs.paths.clone()
    };
    let mut handouts = Vec::new();
    for path in &paths {
        if path.is_dir() {
            let folder = content::handouts_in(path, root)?;
            let mut found = Vec::new();
            collect_toml(&folder, &mut found)
                .map_err(|e| format!("cannot read the folder {}: {e}", folder.display()))?;
            found.retain(|file| content::not_a_handout(file, root).is_none());
            if found.is_empty() {
                return Err(format!(
                    "no handout files (*.toml) under {}",
                    folder.display()
                ));
            }
            handouts.extend(found);
        } else if path.is_file() {
            if let Some(what) = content::not_a_handout(path, root) {
                return Err(what);
            }
            handouts.push(path.clone());
        } else if defaulted {
            return Err(format!(
                "no {DEFAULT_HANDOUTS} folder here; run handout in a workspace, or name handout files"
            ));
        } else if path.exists() {
            return Err(format!(
                "{} is not a file or folder of handouts (a pipe or a device?)",
                path.display()
            ));
        } else {
            return Err(format!("{} does not exist", path.display()));
        }
    }
    Ok(handouts)
}

fn collect_toml(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_toml(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
    Ok(())
}
