//! Reading a TOML file: its bytes as UTF-8 text, then a tree of spanned values.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use toml::de::DeTable;
use toml::Spanned;

use super::report::Report;
use crate::diag::{Diagnostic, Location};

/// Far above any real content file (the sample handout is 4 KB), and low enough that the
/// longest file that passes lays out in about a second.
const MAX_BYTES: u64 = 1024 * 1024;

/// A content file's path, as diagnostics show it, and its text.
#[derive(Debug)]
pub(crate) struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    /// Reads `path` as UTF-8 text (a byte order mark is dropped), reporting why when it can't.
    ///
    /// `what` says what the file should hold, for the hint when it is empty.
    pub fn read(path: &Path, what: &str, report: &Report) -> Option<SourceFile> {
        report.file_read(path);
        let fail = |message: String, hint: Option<&str>| {
            let mut diagnostic = Diagnostic::error(message).in_file(path);
            diagnostic.hint = hint.map(str::to_string);
            report.push(diagnostic);
            None
        };
        match fs::metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return fail("file not found".into(), None)
            }
            Err(e) => return fail(format!("cannot read the file: {e}"), None),
            Ok(m) if m.is_dir() => return fail("this is a folder, not a file".into(), None),
            Ok(m) if !m.is_file() => return fail("this is not a regular file".into(), None),
            Ok(m) if m.len() > MAX_BYTES => {
                return fail(
                    format!(
                        "the file is too large ({:.1} MiB); content files may be at most {} MiB",
                        m.len() as f64 / (1024.0 * 1024.0),
                        MAX_BYTES / (1024 * 1024)
                    ),
                    Some("is this the right file?"),
                )
            }
            Ok(_) => {}
        }
        let mut bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => return fail(format!("cannot read the file: {e}"), None),
        };
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.as_bytes();
                let before = String::from_utf8_lossy(&bytes[..valid]);
                report.push(
                    Diagnostic::error(format!(
                        "the file is not UTF-8 text (byte 0x{:02X})",
                        bytes[valid]
                    ))
                    .at(Location::at_offset(path, &before, valid))
                    .hint("save the file with the UTF-8 encoding"),
                );
                return None;
            }
        };
        if text.trim().is_empty() {
            return fail("empty file".into(), Some(what));
        }
        Some(SourceFile {
            path: path.to_path_buf(),
            text,
        })
    }

    /// The file's TOML tree, or `None` after reporting every syntax error in it.
    pub fn parse(&self, report: &Report) -> Option<Spanned<DeTable<'_>>> {
        let (table, errors) = DeTable::parse_recoverable(&self.text);
        for error in &errors {
            let offset = error.span().map_or(0, |span| span.start);
            let diagnostic = Diagnostic::error(error.message())
                .at(Location::at_offset(&self.path, &self.text, offset))
                .hint(syntax_hint(error.message()));
            report.push(diagnostic);
        }
        errors.is_empty().then_some(table)
    }
}

/// Advice for a TOML syntax error: specific for the mistakes people make most when typing
/// by hand, general otherwise.
fn syntax_hint(message: &str) -> &'static str {
    let advice: [(&str, &str); 11] = [
        ("duplicate key", "each key may appear only once in a table; delete or rename one of them"),
        ("invalid basic string", "close the text with \" on the same line, or use \"\"\" … \"\"\" for text over several lines"),
        ("string values must be quoted", "put text in double quotes, e.g. name = \"Split squat\""),
        ("carriage return", "save the file with ordinary line endings (LF, or CR LF on Windows)"),
        ("unclosed array table", "write the header with two brackets on each side, e.g. [[exercise]]"),
        ("unclosed table", "write the header with one bracket on each side, e.g. [headings]"),
        ("unclosed array", "close the list with ], e.g. steps = [\"First.\", \"Second.\"]"),
        ("invalid date", "write a date that exists, as YYYY-MM-DD, e.g. reviewed = 2026-11-23"),
        ("cannot recurse", "lists and tables are nested too deeply; a handout needs only a list of text"),
        ("escape", "write a backslash as \\\\, or use '…' quotes, in which \\ is plain"),
        ("unicode", "write a character as \\u and four hex digits (\\u00E9), or type it as it is"),
    ];
    advice
        .iter()
        .find(|(start, _)| message.contains(start))
        .map_or(
            "compare the line with a file from `handout new handout`: text in double quotes, \
             lists in [ ], tables under [name] or [[name]]",
            |(_, hint)| hint,
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (Option<SourceFile>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        fs::write(&path, bytes).unwrap();
        let report = Report::default();
        let file = SourceFile::read(&path, "a handout", &report);
        let shown = report
            .finish()
            .iter()
            .map(|d| {
                let l = d.location.as_ref().unwrap();
                format!("{:?}:{:?}: {}", l.line, l.column, d.message)
            })
            .collect();
        (file, shown)
    }

    #[test]
    fn drops_a_byte_order_mark() {
        let (file, problems) = read(b"\xEF\xBB\xBFtitle = \"x\"\n");
        assert_eq!(file.unwrap().text, "title = \"x\"\n");
        assert!(problems.is_empty());
    }

    #[test]
    fn locates_the_first_byte_that_is_not_utf8() {
        let (file, problems) = read(b"title = \"x\"\nname = \"Caf\xE9\"\n");
        assert!(file.is_none());
        assert_eq!(
            problems,
            ["Some(2):Some(12): the file is not UTF-8 text (byte 0xE9)"]
        );
    }

    #[test]
    fn refuses_an_empty_file() {
        let (file, problems) = read(b"  \n\n");
        assert!(file.is_none());
        assert_eq!(problems, ["None:None: empty file"]);
    }

    #[test]
    fn reports_every_syntax_error() {
        let file = SourceFile {
            path: "x.toml".into(),
            text: "title = \"x\nsets = 3\nsets = 4\n".into(),
        };
        let report = Report::default();
        assert!(file.parse(&report).is_none());
        let shown: Vec<String> = report.finish().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            [
                "x.toml:1:11: error: invalid basic string, expected `\"`\n  hint: close the text with \" on the same line, or use \"\"\" … \"\"\" for text over several lines",
                "x.toml:3:1: error: duplicate key\n  hint: each key may appear only once in a table; delete or rename one of them",
            ]
        );
    }
}
