//! Helpers shared by the integration tests.
#![allow(dead_code)]

mod reading;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub use reading::*;

use handout::content::{Given, Personalization};
use handout::locale::{self, Words};
use handout::model::Document;
use handout::BuildOptions;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample handout of the repository's own workspace.
pub fn sample() -> PathBuf {
    repo().join("content/handouts/inner-knee-pain.toml")
}

/// A workspace written from the content format alone: Letter paper, in-place
/// exercises, overrides, Markdown, all three urgencies and an extra section.
pub fn clinic() -> PathBuf {
    repo().join("tests/fixtures/clinic/content/handouts/low-back-pain.toml")
}

pub fn build(handout: &Path, options: &BuildOptions) -> Vec<u8> {
    let pdf = handout::build(handout, options)
        .unwrap_or_else(|e| panic!("{} does not build: {e}", handout.display()))
        .pdf;
    let stem = handout.file_stem().unwrap().to_string_lossy();
    keep(&stem, &pdf);
    pdf
}

/// Keeps a copy of a PDF a test made, for the PDF validators and accessibility checkers
/// that `.ci/run` runs over all of them once the tests are done: when `HANDOUT_KEEP_PDFS`
/// names a folder, the PDF is written there, named for what it is and its bytes.
pub fn keep(name: &str, pdf: &[u8]) {
    let Some(folder) = std::env::var_os("HANDOUT_KEEP_PDFS") else {
        return;
    };
    let name: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let path = Path::new(&folder).join(format!("{name}-{:08x}.pdf", crc32fast::hash(pdf)));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(path, pdf).unwrap();
}

pub fn for_patient(name: &str) -> BuildOptions {
    BuildOptions {
        personalization: Personalization {
            name: Some(Given::flag("--patient", name)),
            ..Personalization::default()
        },
        ..BuildOptions::default()
    }
}

/// A copy of the repository's workspace (content, images) in a temporary folder.
pub fn sample_workspace() -> tempfile::TempDir {
    workspace_copy(&repo())
}

/// A copy of the clinic fixture's workspace in a temporary folder.
pub fn clinic_workspace() -> tempfile::TempDir {
    workspace_copy(&repo().join("tests/fixtures/clinic"))
}

fn workspace_copy(root: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["content", "images"] {
        copy_dir(&root.join(part), &dir.path().join(part));
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs the built `handout` binary in `dir`.
pub fn handout(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handout"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the handout binary runs")
}

/// The text of one page (from 1) of the PDF file at `pdf`, as it is drawn.
pub fn page_text(pdf: &Path, page: usize) -> String {
    let doc = parse(&std::fs::read(pdf).expect("the PDF is there"));
    page_texts(&doc).swap_remove(page - 1)
}

pub fn write_temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::io::Write::write_all(&mut file, bytes).unwrap();
    file
}

/// The line and column of the first `needle` in the file at `path`, as `path:line:col`.
pub fn place(root: &Path, relative: &str, needle: &str) -> String {
    let text = std::fs::read_to_string(root.join(relative)).unwrap();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {relative}"));
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rfind('\n').map_or(at, |start| at - start - 1) + 1;
    format!("{relative}:{line}:{column}")
}

/// The handout as loaded, and the words of its language.
pub fn document(handout: &Path) -> (Document, Words) {
    let doc = handout::prepare(handout, &BuildOptions::default())
        .unwrap()
        .document;
    let language = locale::resolve(&doc.language).unwrap();
    let words = Words::new(
        language,
        doc.labels.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    );
    (doc, words)
}

/// Makes a named pipe at `path`, as `mkfifo` does, without needing that command.
#[cfg(unix)]
pub fn make_pipe(path: &Path) {
    let path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: `path` is a NUL-terminated string that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
}
