//! Load: TOML files → a validated [`Document`], and copies of it for each recipient.
//!
//! [`load`] reads a handout file, the brand file and the library exercises it uses, and every
//! picture and font they name; [`check_workspace`] reads the brand and the whole library,
//! used or not. Both report every problem they find, not just the first, each with its
//! file, line, column, key and, where one is known, a fix. The files are read with serde
//! into structs (see `written`) whose every value keeps what was written and where; the same
//! structs make the [`schema`]. [`personalize`] makes a copy of a document for one
//! recipient, checking the details given for them as text in a content file is checked.

mod allowed_keys;
mod brand;
mod contrast;
mod coverage;
mod exercise;
mod fields;
mod file;
#[cfg(test)]
mod guidance_tests;
mod handout;
mod jpeg;
mod key_path;
mod kinds;
mod labels;
mod links;
mod loader;
mod markdown;
mod pain_rule;
mod passage;
mod paths;
mod personalize;
mod pictures;
mod pixels;
mod plain;
pub(crate) mod png;
mod report;
mod schema;
mod source;
pub(crate) mod suggest;
#[cfg(test)]
mod tests;
mod written;

use std::path::{Path, PathBuf};

pub use coverage::{Coverage, Missing};
pub use paths::{handouts_in, is_content_file, not_a_handout, workspace_root};
pub use personalize::{
    check_text, personalize, DosageChange, ExerciseNote, Given, Personalization, Personalized,
    Personalizer,
};
pub(crate) use personalize::{exercise_key, slug};
pub use schema::schema;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Document, Paper};
use loader::Loader;
use paths::Workspace;
use report::Report;
use source::SourceFile;

/// Choices made outside the content files, usually on the command line.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The workspace root; found from the handout's path when `None`.
    pub root: Option<PathBuf>,
    /// The brand file; `content/brand.toml` of the workspace when `None`.
    pub brand: Option<PathBuf>,
    /// The paper size, over the brand's `[page] paper`.
    pub paper: Option<Paper>,
}

/// A loaded handout, and the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    pub warnings: Diagnostics,
}

const HANDOUT_NEEDS: &str =
    "a handout needs at least title = \"…\" and one [[exercise]]; see `handout new handout`";

/// Reads the handout file at `handout`, with everything it refers to, into a [`Document`].
///
/// On failure the diagnostics hold every problem found, errors and warnings, in file order.
pub fn load(handout: &Path, options: &LoadOptions) -> Result<Loaded, Diagnostics> {
    let report = Report::default();
    let document = read_document(handout, options, &report);
    let diagnostics = report.finish();
    match document {
        Some(document) if !diagnostics.has_errors() => Ok(Loaded {
            document,
            warnings: diagnostics,
        }),
        _ => Err(diagnostics),
    }
}

fn read_document(handout: &Path, options: &LoadOptions, report: &Report) -> Option<Document> {
    let source = SourceFile::read(handout, HANDOUT_NEEDS, report);
    let root = options.root.clone().or_else(|| workspace_root(handout));
    let Some(root) = root else {
        // An unreadable handout has been reported; no root is found above a missing file.
        if source.is_some() {
            report.push(
                Diagnostic::error(
                    "no workspace: no folder above this file holds a content/ folder",
                )
                .in_file(handout)
                .hint("run handout from inside a workspace, or pass --root DIR"),
            );
        }
        return None;
    };
    let workspace = open_workspace(&root, report)?;
    let loader = Loader::new(report, workspace);
    let brand = read_brand(&loader, options);
    loader.coverage.get_or_init(Coverage::bundled);
    let source = source?;
    let paper = options
        .paper
        .or(brand.as_ref().and_then(|b| b.paper))
        .unwrap_or_default();
    let targets = brand.as_ref().map(|b| b.targets).unwrap_or_default();
    let frame = handout::Frame {
        brand,
        paper,
        stem: stem(handout),
        targets,
    };
    handout::read(&loader, &source, frame)
}

/// Reads the brand and every exercise of the library of the workspace at `root`, whether a
/// handout uses it or not, and gives back their problems: what a check of the whole
/// workspace adds to its handouts' own. The brand is `options.brand` when given.
///
/// Loading a handout reports the brand's problems, and those of the exercises it uses,
/// again: a caller showing both shows each problem once.
pub fn check_workspace(root: &Path, options: &LoadOptions) -> Diagnostics {
    let report = Report::default();
    if let Some(workspace) = open_workspace(root, &report) {
        let loader = Loader::new(&report, workspace);
        read_brand(&loader, options);
        exercise::read_library(&loader);
    }
    report.finish()
}

fn open_workspace(root: &Path, report: &Report) -> Option<Workspace> {
    match Workspace::new(root.to_path_buf()) {
        Ok(workspace) => Some(workspace),
        Err(e) => {
            report.push(
                Diagnostic::error(format!(
                    "cannot use {} as the workspace root: {e}",
                    root.display()
                ))
                .hint("--root must name an existing folder"),
            );
            None
        }
    }
}

/// The brand file of `options`, or else of the workspace, read.
fn read_brand(loader: &Loader, options: &LoadOptions) -> Option<brand::BrandRead> {
    let path = options
        .brand
        .clone()
        .unwrap_or_else(|| loader.workspace.content("brand.toml"));
    brand::read(loader, &path, options.brand.is_some())
}

/// The handout file's name without `.toml`.
fn stem(handout: &Path) -> String {
    let name = handout
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.strip_suffix(".toml") {
        Some(stem) => stem.to_string(),
        None => name,
    }
}
