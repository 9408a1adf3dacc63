//! Diagnostics on the terminal: the location, the offending line with a caret
//! under the column, and the hint; or one JSON object a line, for editors and scripts.

use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use annotate_snippets::{Level, Renderer, Snippet};
use clap::ValueEnum;

use handout::diag::{Diagnostic, Diagnostics, Location, Severity};

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// On standard error, each with the line it is about.
    #[default]
    Human,
    /// On standard output, one JSON object a line with the fields file, line, column,
    /// key, severity, message and hint (null when not known), and repeats: how many
    /// more times the problem occurs further on in the file (0 for most).
    Json,
}

/// Prints diagnostics, reading each file once for its snippets, and each problem once:
/// the brand's problems, say, come with every handout a run checks.
#[derive(Default)]
pub struct Reporter {
    sources: HashMap<PathBuf, Option<String>>,
    printed: HashSet<String>,
    format: Format,
    /// Warnings are printed as errors, and fail the run as errors do.
    strict: bool,
}

impl Reporter {
    pub fn new(format: Format, strict: bool) -> Reporter {
        Reporter {
            format,
            strict,
            ..Reporter::default()
        }
    }

    /// Whether what is printed is for people: JSON lines have no room for a summary.
    pub fn for_people(&self) -> bool {
        self.format == Format::Human
    }

    /// Whether `diagnostics` fail the run: any error does, and in strict mode any warning.
    pub fn fails(&self, diagnostics: &Diagnostics) -> bool {
        diagnostics.has_errors() || (self.strict && !diagnostics.is_empty())
    }

    pub fn print(&mut self, diagnostic: &Diagnostic) {
        if !self.printed.insert(diagnostic.to_string()) {
            return;
        }
        let escalated;
        let diagnostic = if self.strict && !diagnostic.is_error() {
            escalated = Diagnostic {
                severity: Severity::Error,
                ..diagnostic.clone()
            };
            &escalated
        } else {
            diagnostic
        };
        match self.format {
            Format::Human => {
                let text = self.render(diagnostic);
                let _ = writeln!(std::io::stderr().lock(), "{text}\n");
            }
            Format::Json => say!("{}", json(diagnostic)),
        }
    }

    fn render(&mut self, d: &Diagnostic) -> String {
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let title = match &d.key {
            Some(key) => format!("`{key}`: {}", d.message),
            None => d.message.clone(),
        };
        let origin = d.location.as_ref().map(|l| shown_path(&l.file));
        let line = d.location.as_ref().and_then(|location| {
            let number = location.line?;
            let source = self
                .sources
                .entry(location.file.clone())
                .or_insert_with(|| std::fs::read_to_string(&location.file).ok())
                .as_deref()?;
            let text = source.lines().nth(number - 1)?.to_string();
            Some((number, text, location.column.unwrap_or(1)))
        });
        let snippet_text;
        let origin_text;
        let mut message = level.title(&title);
        if let Some((number, text, column)) = line {
            snippet_text = text;
            origin_text = origin.unwrap_or_default();
            let start = snippet_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(snippet_text.len(), |(i, _)| i);
            let end = snippet_text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            message = message.snippet(
                Snippet::source(&snippet_text)
                    .line_start(number)
                    .origin(&origin_text)
                    .annotation(level.span(start..end.max(start))),
            );
        } else if let Some(location) = &d.location {
            origin_text = format!("in {}", shown(location));
            message = message.footer(Level::Note.title(&origin_text));
        }
        if let Some(hint) = &d.hint {
            message = message.footer(Level::Help.title(hint));
        }
        let renderer = if std::io::stderr().is_terminal() {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let rendered = renderer.render(message).to_string();
        rendered
    }
}

/// One line of JSON for `d`.
fn json(d: &Diagnostic) -> serde_json::Value {
    let location = d.location.as_ref();
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    serde_json::json!({
        "file": location.map(|l| shown_path(&l.file)),
        "line": location.and_then(|l| l.line),
        "column": location.and_then(|l| l.column),
        "key": d.key,
        "severity": severity,
        "message": d.message,
        "hint": d.hint,
        "repeats": d.repeats,
    })
}

/// A path as the user would type it: relative to the current folder when inside it.
pub(crate) fn shown_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    relative.as_deref().unwrap_or(path).display().to_string()
}

/// A location with its path shown as the user would type it.
fn shown(location: &Location) -> String {
    Location {
        file: PathBuf::from(shown_path(&location.file)),
        ..location.clone()
    }
    .to_string()
}
