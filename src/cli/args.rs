//! The command line, as clap reads it. The CLI keeps its own types and turns them
//! into the library's, so the library never depends on clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::content::{Date, Paper};

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
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
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
    #[command(flatten)]
    pub recipient: Recipient,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: Inputs,
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

/// Text to print: not blank, no control characters; spaces at the ends trimmed.
pub fn parse_text(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("the text is empty; leave the option out instead".to_string());
    }
    if let Some(c) = trimmed.chars().find(|c| c.is_control()) {
        return Err(format!(
            "the text holds the control character U+{:04X}; remove it",
            c as u32
        ));
    }
    Ok(trimmed.to_string())
}

/// A calendar date written YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let invalid = || format!("`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25");
    let mut parts = text.splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u16>().ok())
            .ok_or_else(invalid)
    };
    let (year, month, day) = (next(4)?, next(2)?, next(2)?);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return Err(invalid()),
    };
    if day == 0 || day > days_in_month {
        return Err(invalid());
    }
    Ok(Date {
        year,
        month: month as u8,
        day: day as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_text_is_trimmed_and_never_blank_or_with_control_characters() {
        assert_eq!(
            parse_text("  Aoife O’Brien "),
            Ok("Aoife O’Brien".to_string())
        );
        assert!(parse_text("   ").is_err());
        assert!(parse_text("Aoife\u{7}").is_err());
        assert!(parse_text("line\nbreak").is_err());
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        assert_eq!(
            parse_date("2026-11-25"),
            Ok(Date {
                year: 2026,
                month: 11,
                day: 25
            })
        );
        assert!(parse_date("2024-02-29").is_ok());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-11-31",
            "26-11-25",
            "2026/11/25",
            "2026-11-2",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
