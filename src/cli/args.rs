//! The command line, as clap reads it. The CLI keeps its own types and turns them
//! into the library's, so the library never depends on clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use handout::model::{Date, Paper};

use super::report::Format;

/// Turn TOML content into branded, printable PDF handouts.
///
/// Exit status: 0 success (warnings allowed), 1 the content has errors,
/// 2 usage or I/O errors.
#[derive(Debug, Parser)]
#[command(name = "handout", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDFs for handout files, or for every handout under a folder.
    Build(BuildArgs),
    /// Check handouts as a build would, without writing a PDF.
    Check(CheckArgs),
    /// Write a commented starting file for a handout or a library exercise.
    New(NewArgs),
    /// Print the JSON Schema of brand, handout and exercise files, for editor completion.
    Schema,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    pub kind: NewKind,
    /// Lower-case words joined by hyphens; the file is content/handouts/NAME.toml
    /// or content/exercises/NAME.toml
    pub name: String,
    /// The workspace to write into [default: the current folder]
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    Handout,
    Exercise,
}

#[derive(Debug, Args)]
pub struct Inputs {
    /// Handout files or folders of them [default: content/handouts]
    pub paths: Vec<PathBuf>,
    /// The workspace root [default: the nearest folder above the handout holding content/]
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// The brand file [default: content/brand.toml of the workspace]
    #[arg(long, value_name = "FILE")]
    pub brand: Option<PathBuf>,
    /// Paper size, over the brand's [page] paper
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// The large-print edition: 18 pt body text, wider spacing, one exercise a page
    #[arg(long)]
    pub large_print: bool,
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
    /// Where the PDFs go; each is named after its handout file
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
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

    #[test]
    fn printed_text_is_trimmed_and_never_blank() {
        assert_eq!(
            parse_text("  Aoife O’Brien "),
            Ok("Aoife O’Brien".to_string())
        );
        assert!(parse_text("   ").is_err());
    }
}
