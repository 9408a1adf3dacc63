//! The command line, as clap reads it. The CLI keeps its own types and turns them
//! into the library's, so the library never depends on clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use handout::model::{Date, Edition, Paper};

use super::report::Format;

/// Turn TOML content into branded, printable PDF handouts.
///
/// Exit status: 0 success (warnings allowed), 1 the content has errors,
/// 2 usage or I/O errors.
#[derive(Debug, Parser)]
#[command(name = "handout", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  handout init my-clinic          a workspace that builds at once
  handout build                   every handout of the workspace, into its out/
  handout watch --open            build, open the PDF, rebuild on every save
  handout build content/handouts/knee.toml --patient \"Aoife O'Brien\" --date 2026-11-25
  handout build content/handouts/knee.toml --roster squad.csv
  handout check --roster squad.csv content/handouts/knee.toml";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDFs for handout files, or for every handout under a folder.
    Build(BuildArgs),
    /// Check handouts as a build would, without writing a PDF.
    Check(CheckArgs),
    /// Write a whole workspace that builds at once: a brand, a handout, a library
    /// exercise and its picture.
    Init(InitArgs),
    /// Write a commented starting file for a handout or a library exercise.
    New(NewArgs),
    /// Build, then build again whatever a saved file changes, until Ctrl-C.
    Watch(WatchArgs),
    /// Print the JSON Schema of brand, handout and exercise files, for editor completion.
    Schema,
    /// Print a completion script for a shell, e.g. `handout completions bash >
    /// /etc/bash_completion.d/handout`.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page, e.g. `handout man > handout.1`.
    Man,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to make the workspace in; made when it does not exist
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

impl From<Shell> for clap_complete::Shell {
    fn from(shell: Shell) -> clap_complete::Shell {
        match shell {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
            Shell::Powershell => clap_complete::Shell::PowerShell,
        }
    }
}

#[derive(Debug, Args)]
pub struct NewArgs {
    pub kind: NewKind,
    /// Lower-case words joined by hyphens; the file is content/handouts/NAME.toml
    /// or content/exercises/NAME.toml
    pub name: String,
    /// The workspace to write into [default: the current folder]
    #[arg(
        long,
        value_name = "DIR",
        default_value = ".",
        hide_default_value = true
    )]
    pub root: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    Handout,
    Exercise,
}

#[derive(Debug, Args)]
pub struct Inputs {
    /// Handout files or folders of them [default: content/handouts of the workspace]
    pub paths: Vec<PathBuf>,
    /// The workspace root [default: the nearest folder above the handout holding content/,
    /// or the current folder]
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// The brand file [default: content/brand.toml of the workspace]
    #[arg(long, value_name = "FILE")]
    pub brand: Option<PathBuf>,
    /// Paper size, over the brand's [page] paper
    #[arg(long, value_enum, ignore_case = true)]
    pub paper: Option<PaperArg>,
    /// The editions to write, comma separated: standard (NAME.pdf), large (NAME.large.pdf:
    /// 18 pt, an exercise a page), sheet (NAME.sheet.pdf: one page for the fridge), log
    /// (NAME.log.pdf: a tick-box log of the exercises), or all [default: standard]
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "EDITION",
        ignore_case = true
    )]
    pub edition: Vec<EditionArg>,
    /// Another name for --edition large
    #[arg(long)]
    pub large_print: bool,
    /// The weeks the log edition covers, two to a page; its days are dated from --date
    /// (1 to 13, default 2; with --edition log or all)
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u8).range(1..=i64::from(Edition::MAX_WEEKS))
    )]
    pub weeks: Option<u8>,
}

impl Inputs {
    /// Why these flags ask for nothing that could be built, if they do: weeks for a log
    /// no edition asks for.
    pub fn contradiction(&self) -> Option<String> {
        let log = self
            .editions()
            .iter()
            .any(|edition| matches!(edition, Edition::Log { .. }));
        (self.weeks.is_some() && !log).then(|| {
            "--weeks sets the weeks of the log edition, which was not asked for; \
             add --edition log (or all)"
                .to_string()
        })
    }

    /// The editions asked for, each once, in the order they are written.
    pub fn editions(&self) -> Vec<Edition> {
        let mut asked = self.edition.clone();
        if self.large_print {
            asked.push(EditionArg::Large);
        }
        if asked.is_empty() {
            return vec![Edition::Standard];
        }
        Edition::all(self.weeks.unwrap_or(Edition::DEFAULT_WEEKS))
            .into_iter()
            .filter(|&edition| asked.iter().any(|arg| arg.names(edition)))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EditionArg {
    Standard,
    Large,
    Sheet,
    Log,
    All,
}

impl EditionArg {
    /// Whether it names `edition`: `log` names the log whatever weeks it covers.
    fn names(self, edition: Edition) -> bool {
        match self {
            EditionArg::Standard => edition == Edition::Standard,
            EditionArg::Large => edition == Edition::Large,
            EditionArg::Sheet => edition == Edition::Sheet,
            EditionArg::Log => matches!(edition, Edition::Log { .. }),
            EditionArg::All => true,
        }
    }
}

#[derive(Debug, Args)]
pub struct Recipient {
    /// "Prepared for NAME" on every page
    #[arg(long, value_name = "NAME", value_parser = parse_text)]
    pub patient: Option<String>,
    /// The clinician preparing the handout
    #[arg(long, value_name = "NAME", value_parser = parse_text)]
    pub clinician: Option<String>,
    /// The date printed beside "Prepared for" (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = handout::calendar::parse_date)]
    pub date: Option<Date>,
    /// A personal note, printed in a box on the first page
    #[arg(long, value_name = "TEXT", value_parser = parse_text)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Where the PDFs go, each named after its handout file [default: out/ of the workspace]
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// One PDF per row of a CSV file with the columns name (required), note,
    /// clinician, date and EXERCISE_ID.FIELD dosage overrides (e.g. split-squat.reps)
    #[arg(long, value_name = "FILE.csv")]
    pub roster: Option<PathBuf>,
    #[command(flatten)]
    pub recipient: Recipient,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Check every row of a roster (CSV) against the one handout named, as a build would
    #[arg(long, value_name = "FILE.csv")]
    pub roster: Option<PathBuf>,
    #[command(flatten)]
    pub recipient: Recipient,
    /// Count warnings as errors: print them as errors and exit with 1
    #[arg(long)]
    pub strict: bool,
    /// How problems are printed: for people, or one JSON object a line on standard
    /// output for editors and scripts
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Where the PDFs go, each named after its handout file [default: out/ of the workspace]
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Open each PDF in the system's viewer once it is first built
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub recipient: Recipient,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Paper {
        match paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

/// Text to print: not blank; spaces at the ends trimmed. Its characters are checked with
/// the rest of the recipient's details, by the rules of text in content files.
pub fn parse_text(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("the text is empty; leave the option out instead".to_string());
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editions(args: &[&str]) -> Vec<Edition> {
        let mut argv = vec!["handout", "build"];
        argv.extend(args);
        match <Cli as clap::Parser>::parse_from(argv).command {
            Command::Build(build) => build.inputs.editions(),
            _ => unreachable!("a build"),
        }
    }

    #[test]
    fn editions_are_listed_named_or_all_and_written_in_one_order() {
        assert_eq!(editions(&[]), [Edition::Standard]);
        assert_eq!(editions(&["--large-print"]), [Edition::Large]);
        assert_eq!(
            editions(&["--edition", "large,standard", "--large-print"]),
            [Edition::Standard, Edition::Large]
        );
        assert_eq!(editions(&["--edition", "ALL"]), Edition::all(2));
        assert_eq!(
            editions(&["--edition", "log,sheet", "--weeks", "4"]),
            [Edition::Sheet, Edition::Log { weeks: 4 }]
        );
    }

    #[test]
    fn weeks_are_asked_for_with_the_edition_they_are_of() {
        let contradiction = |args: &[&str]| {
            let cli = <Cli as clap::Parser>::try_parse_from(args).unwrap();
            let Command::Build(build) = cli.command else {
                panic!("a build");
            };
            build.inputs.contradiction()
        };
        for without_log in [
            &["handout", "build", "--weeks", "4"][..],
            &[
                "handout",
                "build",
                "--weeks",
                "4",
                "--edition",
                "standard,sheet",
            ],
        ] {
            let message = contradiction(without_log).expect("refused");
            assert!(message.contains("--edition log"), "{message}");
        }
        for with_log in [
            &["handout", "build", "--weeks", "4", "--edition", "log"][..],
            &["handout", "build", "--weeks", "4", "--edition", "all"],
            &["handout", "build", "--edition", "sheet"],
        ] {
            assert_eq!(contradiction(with_log), None, "{with_log:?}");
        }
    }

    #[test]
    fn a_log_covers_one_to_thirteen_weeks() {
        let parse = |weeks: &str| {
            <Cli as clap::Parser>::try_parse_from([
                "handout",
                "build",
                "--edition",
                "log",
                "--weeks",
                weeks,
            ])
        };
        assert!(parse("13").is_ok());
        for refused in ["0", "14", "two"] {
            assert!(parse(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn printed_text_is_trimmed_and_never_blank() {
        assert_eq!(
            parse_text("  Aoife O’Brien "),
            Ok("Aoife O’Brien".to_string())
        );
        assert!(parse_text("   ").is_err());
    }
}
