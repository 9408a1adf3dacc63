//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use handout::content::{Given, Personalization};
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
    handout::build(handout, options)
        .unwrap_or_else(|e| panic!("{} does not build: {e}", handout.display()))
        .pdf
        .to_vec()
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

/// A command-line tool's output, failing the test with a hint when it is missing.
pub fn tool(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is needed by this test ({e}); install poppler-utils and qpdf")
        })
}

/// The text of one page (from 1), as poppler's pdftotext reads it.
pub fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    let out = tool(
        "pdftotext",
        &[
            "-enc",
            "UTF-8",
            "-f",
            &page,
            "-l",
            &page,
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).unwrap()
}

pub fn write_temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::io::Write::write_all(&mut file, bytes).unwrap();
    file
}
