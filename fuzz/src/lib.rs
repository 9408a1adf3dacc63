//! A scratch workspace shaped like the sample, shared by the fuzz targets.
//!
//! The sample's content files are copied as they are; its pictures are replaced by small
//! PNGs so that one run takes microseconds, not the milliseconds a full decode of the real
//! illustrations would.

use std::fs;
use std::path::{Path, PathBuf};

pub struct Workspace {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

const PICTURES: [&str; 7] = [
    "images/brand/logo.png",
    "images/exercises/hamstring-bridge-start.png",
    "images/exercises/hamstring-bridge-end.png",
    "images/exercises/single-leg-bridge-start.png",
    "images/exercises/single-leg-bridge-end.png",
    "images/exercises/split-squat-start.png",
    "images/exercises/split-squat-end.png",
];

impl Workspace {
    pub fn sample() -> Workspace {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().to_path_buf();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for folder in ["content", "content/exercises", "content/handouts"] {
            fs::create_dir_all(root.join(folder)).unwrap();
            for entry in fs::read_dir(sample.join(folder)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "toml") {
                    fs::copy(&path, root.join(folder).join(path.file_name().unwrap())).unwrap();
                }
            }
        }
        for picture in PICTURES {
            let path = root.join(picture);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, small_png()).unwrap();
        }
        Workspace { _dir: dir, root }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn handout(&self) -> PathBuf {
        self.path("content/handouts/inner-knee-pain.toml")
    }
}

/// A 16 × 10 opaque RGB picture with the sample's aspect ratio.
pub fn small_png() -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(16, 10, |x, y| image::Rgb([x as u8 * 16, y as u8 * 25, 128]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut bytes, image::ImageFormat::Png)
        .unwrap();
    bytes.into_inner()
}

/// Asserts that a PDF the library returned is whole: header, trailer and end marker.
pub fn assert_whole_pdf(pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF-"), "no PDF header");
    let tail = &pdf[pdf.len().saturating_sub(64)..];
    assert!(
        tail.windows(5).any(|w| w == b"%%EOF"),
        "no %%EOF at the end"
    );
}
