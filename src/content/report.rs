//! Collects every problem of one load and hands them back in reading order.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};

/// The problems found so far, shared by everything that reads one handout.
///
/// Fields are checked in the order the code asks for them, not the order they are written, so
/// the problems are sorted when the load ends: by file in the order the files were read, then
/// by line and column.
#[derive(Debug, Default)]
pub(crate) struct Report {
    files: RefCell<Vec<PathBuf>>,
    diagnostics: RefCell<Vec<Diagnostic>>,
}

impl Report {
    /// Notes that `file` is being read, which places its problems after those of earlier files.
    pub fn file_read(&self, file: &Path) {
        let mut files = self.files.borrow_mut();
        if !files.iter().any(|f| f == file) {
            files.push(file.to_path_buf());
        }
    }

    pub fn push(&self, diagnostic: Diagnostic) {
        self.diagnostics.borrow_mut().push(diagnostic);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.borrow().iter().any(Diagnostic::is_error)
    }

    pub fn finish(self) -> Diagnostics {
        let files = self.files.into_inner();
        let mut diagnostics = self.diagnostics.into_inner();
        diagnostics.sort_by_key(|d| {
            let location = d.location.as_ref();
            let file = location
                .and_then(|l| files.iter().position(|f| *f == l.file))
                .unwrap_or(files.len());
            (
                file,
                location.and_then(|l| l.line),
                location.and_then(|l| l.column),
            )
        });
        Diagnostics(diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;

    #[test]
    fn sorts_by_file_read_then_position() {
        let report = Report::default();
        report.file_read(Path::new("handout.toml"));
        report.file_read(Path::new("brand.toml"));
        let at = |file: &str, line| Location {
            file: file.into(),
            line: Some(line),
            column: Some(1),
        };
        report.push(Diagnostic::error("b2").at(at("brand.toml", 2)));
        report.push(Diagnostic::error("h9").at(at("handout.toml", 9)));
        report.push(Diagnostic::error("h3").at(at("handout.toml", 3)));
        let messages: Vec<_> = report.finish().0.into_iter().map(|d| d.message).collect();
        assert_eq!(messages, ["h3", "h9", "b2"]);
    }
}
