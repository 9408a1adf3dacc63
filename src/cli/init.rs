//! `handout init`: a whole workspace that builds at once: a brand, one handout, one library
//! exercise with a picture, and a `.gitignore` that leaves the built PDFs out of git.

use std::io::Cursor;
use std::path::Path;

use image::{ImageFormat, Rgb, RgbImage};

use super::output::write_new;
use super::report::shown_path;
use super::{today, usage_error, Outcome};

const BRAND: &str = include_str!("templates/init/brand.toml");
const HANDOUT: &str = include_str!("templates/init/handout.toml");
const EXERCISE: &str = include_str!("templates/init/exercise.toml");

/// The handout's name: its file is content/handouts/NAME.toml and its PDF out/NAME.pdf.
const HANDOUT_NAME: &str = "runners-knee";

/// Writes the workspace into `dir`, made when it does not exist; refuses a folder that
/// is a workspace already, and writes nothing then.
pub fn run(dir: &Path) -> Outcome {
    match create(dir, &today()) {
        Ok(written) => {
            say!("wrote a workspace in {}:", shown_path(dir));
            for file in &written {
                say!("  {file}");
            }
            let go = if dir == Path::new(".") {
                String::new()
            } else {
                format!("cd {} && ", shown_path(dir))
            };
            say!("next: {go}handout build (or handout watch --open to rebuild as you edit)");
            Outcome::Success
        }
        Err(message) => usage_error(&message),
    }
}

/// The files of a new workspace in `dir`, written; returns their paths within it.
fn create(dir: &Path, today: &str) -> Result<Vec<String>, String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "{} is a file; name a folder for the workspace",
            dir.display()
        ));
    }
    if dir.join("content").exists() {
        return Err(format!(
            "{} is a workspace already (it has content/); add to it with `handout new \
             handout NAME` or `handout new exercise NAME`",
            dir.display()
        ));
    }
    let handout = format!("content/handouts/{HANDOUT_NAME}.toml");
    let files: [(&str, Vec<u8>); 4] = [
        ("content/brand.toml", BRAND.as_bytes().to_vec()),
        (
            &handout,
            HANDOUT
                .replace("{name}", HANDOUT_NAME)
                .replace("{today}", today)
                .into_bytes(),
        ),
        (
            "content/exercises/wall-sit.toml",
            EXERCISE.as_bytes().to_vec(),
        ),
        ("images/exercises/wall-sit.png", wall_sit_picture()),
    ];
    let mut written = Vec::new();
    for (relative, bytes) in &files {
        let path = dir.join(relative);
        write_new(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(relative.to_string());
    }
    if ignore_output(dir).map_err(|e| format!("cannot write {}/.gitignore: {e}", dir.display()))? {
        written.push(".gitignore".to_string());
    }
    Ok(written)
}

/// Adds `out/` to the workspace's `.gitignore`, made if there is none: the PDFs are built
/// from the content, so only the content is kept in git. Returns whether it wrote.
fn ignore_output(dir: &Path) -> std::io::Result<bool> {
    let path = dir.join(".gitignore");
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    if existing
        .lines()
        .any(|line| matches!(line.trim(), "out/" | "out" | "/out/" | "/out"))
    {
        return Ok(false);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# The PDFs `handout build` writes; they are made again from content/.\nout/\n");
    std::fs::write(path, text)?;
    Ok(true)
}

/// A simple drawing of a wall sit, as a PNG: a person with their back against a wall and
/// knees bent, arms held out. Drawn from rectangles and a circle, by hand: imageproc would
/// draw them too, but brings about 30 crates (nalgebra, rand, num, …) to a clean build
/// for these few shapes.
fn wall_sit_picture() -> Vec<u8> {
    const WHITE: Rgb<u8> = Rgb([255, 255, 255]);
    const GREY: Rgb<u8> = Rgb([190, 196, 200]);
    const FIGURE: Rgb<u8> = Rgb([0x0F, 0x6E, 0x6E]);
    let mut picture = RgbImage::from_pixel(480, 320, WHITE);
    let mut rect = |x: (u32, u32), y: (u32, u32), colour| {
        for py in y.0..y.1 {
            for px in x.0..x.1 {
                picture.put_pixel(px, py, colour);
            }
        }
    };
    rect((40, 56), (20, 290), GREY); // the wall
    rect((20, 460), (290, 302), GREY); // the floor
    rect((62, 82), (96, 198), FIGURE); // the back, against the wall
    rect((62, 184), (180, 198), FIGURE); // the thighs, level
    rect((166, 184), (180, 290), FIGURE); // the shins
    rect((166, 212), (280, 290), FIGURE); // the feet
    rect((82, 160), (108, 120), FIGURE); // the arms, held out
    let (cx, cy, r) = (72i64, 70i64, 22i64); // the head
    for py in cy - r..=cy + r {
        for px in cx - r..=cx + r {
            if (px - cx).pow(2) + (py - cy).pow(2) <= r * r {
                picture.put_pixel(px as u32, py as u32, FIGURE);
            }
        }
    }
    let mut png = Cursor::new(Vec::new());
    picture
        .write_to(&mut png, ImageFormat::Png)
        .expect("a picture in memory encodes");
    png.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_workspace_has_its_files_and_keeps_pdfs_out_of_git() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("clinic");
        let written = create(&root, "2026-11-25").unwrap();
        assert_eq!(
            written,
            [
                "content/brand.toml",
                "content/handouts/runners-knee.toml",
                "content/exercises/wall-sit.toml",
                "images/exercises/wall-sit.png",
                ".gitignore",
            ]
        );
        let handout = std::fs::read_to_string(root.join(&written[1])).unwrap();
        assert!(handout.contains("reviewed = 2026-11-25"), "{handout}");
        assert!(
            !handout.contains('{'),
            "every blank is filled in: {handout}"
        );
        let ignore = std::fs::read_to_string(root.join(".gitignore")).unwrap();
        assert!(ignore.lines().any(|line| line == "out/"), "{ignore}");
    }

    #[test]
    fn a_workspace_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        create(dir.path(), "2026-11-25").unwrap();
        let brand = dir.path().join("content/brand.toml");
        std::fs::write(&brand, "name = \"Mine\"\n").unwrap();
        let again = create(dir.path(), "2026-11-25").unwrap_err();
        assert!(again.contains("is a workspace already"), "{again}");
        assert_eq!(std::fs::read_to_string(brand).unwrap(), "name = \"Mine\"\n");
    }

    #[test]
    fn an_existing_gitignore_gains_out_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".gitignore");
        std::fs::write(&path, "*.log").unwrap();
        assert!(ignore_output(dir.path()).unwrap());
        assert!(!ignore_output(dir.path()).unwrap());
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.starts_with("*.log\n"), "{text}");
        assert_eq!(text.matches("out/").count(), 1, "{text}");
    }

    #[test]
    fn the_picture_is_a_png_the_loader_takes() {
        let png = wall_sit_picture();
        let picture = image::load_from_memory_with_format(&png, ImageFormat::Png).unwrap();
        assert_eq!((picture.width(), picture.height()), (480, 320));
        assert_eq!(png, wall_sit_picture(), "the same bytes every time");
    }
}
