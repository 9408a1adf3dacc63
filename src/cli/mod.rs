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
mod init;
mod new;
mod output;
mod report;
mod watch;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use args::Cli;
use args::{BuildArgs, CheckArgs, Command, Inputs, NewArgs};
use report::{shown_path, Reporter};

use handout::content::{self, workspace_root, Given, LoadOptions, Personalization};
use handout::diag::Diagnostics;
use handout::model::Edition;
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
        Command::Init(args) => init::run(&args.dir),
        Command::New(args) => new_file(args),
        Command::Watch(args) => watch::run(args),
        Command::Schema => {
            say!("{}", handout::content::schema());
            Outcome::Success
        }
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let shell = clap_complete::Shell::from(shell);
            // Made in memory: the generator panics on a write error, such as a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "handout", &mut script);
            print_bytes(&script)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            match clap_mangen::Man::new(command).render(&mut page) {
                Ok(()) => print_bytes(&page),
                Err(error) => usage_error(&format!("cannot make the manual page: {error}")),
            }
        }
    };
    ExitCode::from(outcome as u8)
}

fn build(args: BuildArgs, reporter: &mut Reporter) -> Outcome {
    let editions = args.inputs.editions();
    let (options, handouts) = match handouts_and_options(&args.inputs, &args.recipient) {
        Ok(read) => read,
        Err(message) => return usage_error(&message),
    };
    let out = |handout: &Path| out_folder(args.out.as_deref(), handout, &options);
    let mut folders: Vec<PathBuf> = handouts.iter().map(|h| out(h)).collect();
    folders.sort();
    folders.dedup();
    for folder in &folders {
        if let Err(message) = output::ready_folder(folder) {
            return usage_error(&message);
        }
    }
    if let Some(roster) = &args.roster {
        let [handout] = handouts.as_slice() else {
            return usage_error(
                "--roster builds one handout for many recipients; name one handout file",
            );
        };
        let outcome = check_workspaces(&handouts, &options, reporter);
        return outcome.max(batch::build(
            handout,
            roster,
            &out(handout),
            &options,
            &editions,
            reporter,
        ));
    }
    let mut outcome = check_workspaces(&handouts, &options, reporter);
    for handout in &handouts {
        let targets = editions
            .iter()
            .map(|&edition| output::pdf_path(&out(handout), handout, edition));
        let built = handout::build_editions(handout, &options, &editions);
        outcome = outcome.max(write_editions(handout, targets, built, reporter));
    }
    outcome
}

/// Writes each edition building `handout` gave to its target, or reports why there is
/// nothing to write.
fn write_editions(
    handout: &Path,
    targets: impl Iterator<Item = PathBuf>,
    built: Result<Vec<Result<handout::Built, BuildError>>, BuildError>,
    reporter: &mut Reporter,
) -> Outcome {
    let target = targets.collect::<Vec<_>>();
    match built {
        Ok(editions) => editions
            .into_iter()
            .zip(&target)
            .map(|(built, target)| write_built(handout, target, built, reporter))
            .max()
            .unwrap_or(Outcome::Success),
        Err(error) => write_built(handout, &target[0], Err(error), reporter),
    }
}

/// Writes what building `handout` gave to `target`, or reports why there is nothing to
/// write; the PDF already at `target` stays as it was unless a new one replaces it whole.
fn write_built(
    handout: &Path,
    target: &Path,
    built: Result<handout::Built, BuildError>,
    reporter: &mut Reporter,
) -> Outcome {
    match built {
        Ok(built) => {
            print_all(reporter, &built.warnings);
            match output::write_atomically(target, |file| file.write_all(&built.pdf)) {
                Ok(()) => {
                    say!(
                        "{}: {}",
                        shown_path(target),
                        counted(built.pages, "page", "pages")
                    );
                    Outcome::Success
                }
                Err(error) => {
                    complain!("error: cannot write {}: {error}", shown_path(target));
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
    }
}

/// "1 page", "2 pages".
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Where the PDF of `handout` goes: the folder `-o` names, else `out/` of the handout's
/// workspace (so a build from any folder writes where the last one did), else `out/`
/// here.
fn out_folder(out: Option<&Path>, handout: &Path, options: &BuildOptions) -> PathBuf {
    if let Some(out) = out {
        return out.to_path_buf();
    }
    let root = options
        .load
        .root
        .clone()
        .or_else(|| workspace_root(handout));
    match root {
        Some(root) => PathBuf::from(shown_path(&root.join("out"))),
        None => PathBuf::from("out"),
    }
}

fn check(args: CheckArgs, reporter: &mut Reporter) -> Outcome {
    let editions = args.inputs.editions();
    let (options, handouts) = match handouts_and_options(&args.inputs, &args.recipient) {
        Ok(read) => read,
        Err(message) => return usage_error(&message),
    };
    if let Some(roster) = &args.roster {
        let [handout] = handouts.as_slice() else {
            return usage_error("--roster is checked against one handout; name one handout file");
        };
        let outcome = check_workspaces(&handouts, &options, reporter);
        return outcome.max(batch::check(handout, roster, &options, reporter));
    }
    let mut outcome = check_workspaces(&handouts, &options, reporter);
    for handout in &handouts {
        let mut sound = true;
        for &edition in &editions {
            let options = BuildOptions {
                edition,
                ..options.clone()
            };
            match handout::check(handout, &options) {
                Ok(warnings) => {
                    print_all(reporter, &warnings);
                    if reporter.fails(&warnings) {
                        outcome = Outcome::ContentErrors;
                        sound = false;
                    }
                }
                Err(diagnostics) => {
                    print_all(reporter, &diagnostics);
                    outcome = Outcome::ContentErrors;
                    sound = false;
                    break;
                }
            }
        }
        if sound && reporter.for_people() {
            say!("{}: ok", handout.display());
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

/// Writes `bytes` to standard output; a reader that stops reading is no failure, as with
/// [`say!`].
fn print_bytes(bytes: &[u8]) -> Outcome {
    match std::io::stdout().write_all(bytes) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            usage_error(&format!("cannot write to standard output: {error}"))
        }
        _ => Outcome::Success,
    }
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

/// The options and the handouts the command line gives, each checked: the flags first, so
/// that a `--root` that is no workspace is said before its files are looked for.
fn handouts_and_options(
    inputs: &Inputs,
    recipient: &args::Recipient,
) -> Result<(BuildOptions, Vec<PathBuf>), String> {
    let options = build_options(inputs, recipient)?;
    let handouts = find_handouts(inputs)?;
    output::check_names_unique(&handouts, &inputs.editions())?;
    Ok((options, handouts))
}

fn build_options(inputs: &Inputs, recipient: &args::Recipient) -> Result<BuildOptions, String> {
    if let Some(contradiction) = inputs.contradiction() {
        return Err(contradiction);
    }
    if let Some(root) = &inputs.root {
        check_root(root)?;
    }
    if let Some(brand) = &inputs.brand {
        check_brand(brand)?;
    }
    Ok(BuildOptions {
        load: LoadOptions {
            root: inputs.root.clone(),
            brand: inputs.brand.clone(),
            paper: inputs.paper.map(Into::into),
        },
        personalization: personalization(recipient)?,
        edition: Edition::Standard,
        timestamp: source_date_epoch(),
    })
}

/// Refuses a `--root` that is not a workspace, before any file in it is blamed.
fn check_root(root: &Path) -> Result<(), String> {
    let what = "--root names the workspace: the folder that holds content/";
    if !root.exists() {
        return Err(format!("--root {} does not exist; {what}", root.display()));
    }
    if !root.join("content").is_dir() {
        let here = if root.join("handouts").is_dir() || root.join("brand.toml").is_file() {
            let above = root
                .parent()
                .filter(|above| !above.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            format!(
                "; this looks like a content/ folder itself, so try --root {}",
                above.display()
            )
        } else {
            String::new()
        };
        return Err(format!(
            "--root {} has no content/ folder; {what}{here}",
            root.display()
        ));
    }
    Ok(())
}

/// Refuses a `--brand` that names no file: a mistyped flag, not a mistake in the content.
fn check_brand(brand: &Path) -> Result<(), String> {
    if brand.is_file() {
        Ok(())
    } else if brand.is_dir() {
        Err(format!(
            "--brand {} is a folder; name the brand file, e.g. --brand {}",
            brand.display(),
            brand.join("brand.toml").display()
        ))
    } else {
        Err(format!(
            "--brand {} does not exist; name a brand file such as content/brand.toml",
            brand.display()
        ))
    }
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
        exercise_notes: Vec::new(),
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
    let default = match root {
        Some(root) => root.join(DEFAULT_HANDOUTS),
        None => PathBuf::from(DEFAULT_HANDOUTS),
    };
    let paths = if defaulted {
        vec![default.clone()]
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
        } else if let (true, Some(root)) = (defaulted, root) {
            return Err(format!(
                "no {} folder; add a handout with `handout new handout NAME --root {}`",
                default.display(),
                root.display()
            ));
        } else if defaulted {
            return Err(format!(
                "no {DEFAULT_HANDOUTS} folder here; run handout in a workspace (`handout init` \
                 makes one), or name handout files"
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

/// The content files under `dir`, sorted; hidden files and folders and what editors
/// keep beside a file they edit (locks, backups, swap files) are left out.
fn collect_toml(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if path.is_dir() && !hidden {
            collect_toml(&path, found)?;
        } else if content::is_content_file(&path) {
            found.push(path);
        }
    }
    Ok(())
}
