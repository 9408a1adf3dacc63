//! Bad input, faults and hostile content, one case per row of `docs/robustness.md`.
//!
//! Each case writes a small workspace, runs `handout build` on it and checks what the row
//! says: the exit code, the first error (or warning) line, and where it points. Beyond
//! the row, every case must end without a panic, and a failed build must leave the PDF an
//! earlier build wrote byte for byte as it was. `UPDATE_ROBUSTNESS=1` rewrites the table
//! from what the cases print, for review.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::*;

const TABLE: &str = "docs/robustness.md";

const BRAND: &str = "name = \"Riverside Physio\"\nwebsite = \"https://riverside.example\"\n";

const HANDOUT: &str = "\
title = \"Knee pain\"

[[exercise]]
use = \"split-squat\"
";

const LIBRARY_EXERCISE: &str = "\
name = \"Split squat\"
steps = [\"Stand tall with one foot forward.\", \"Lower the back knee towards the floor.\"]
sets = 3
reps = 8

[[image]]
file = \"/images/picture.png\"
alt = \"A person in a split squat\"
";

/// What the previous, good build left in `out/`; a failed build must not touch it.
const EARLIER_PDF: &[u8] = b"%PDF-1.7 an earlier good handout\n%%EOF\n";

/// A workspace with one handout using one library exercise with one picture.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "content/brand.toml", BRAND);
    write(dir.path(), "content/handouts/h.toml", HANDOUT);
    write(
        dir.path(),
        "content/exercises/split-squat.toml",
        LIBRARY_EXERCISE,
    );
    picture(dir.path(), "good.png");
    write(dir.path(), "out/h.pdf", EARLIER_PDF);
    dir
}

fn write(root: &Path, relative: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

/// Uses the fixture picture `name` as the exercise's picture.
fn picture(root: &Path, name: &str) {
    let bytes = fs::read(repo().join("tests/fixtures/images").join(name)).unwrap();
    write(root, "images/picture.png", bytes);
}

/// A PNG whose header declares `width` × `height` pixels, over a little valid data.
fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
        chunk.extend_from_slice(kind);
        chunk.extend_from_slice(data);
        chunk.extend(crc32fast::hash(&chunk[4..]).to_be_bytes());
        chunk
    };
    let mut header = width.to_be_bytes().to_vec();
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &header));
    // An empty zlib stream: no rows for no pixels.
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", b""));
    png
}

fn handout_with(root: &Path, extra: &str) {
    write(root, "content/handouts/h.toml", format!("{HANDOUT}{extra}"));
}

/// The handout with its one exercise written in place, `fields` added to it.
fn in_place_exercise(root: &Path, fields: &str) {
    let text = format!(
        "title = \"Knee pain\"\n\n[[exercise]]\nname = \"Wall sit\"\n\
         steps = [\"Stand with your back to a wall.\"]\n{fields}\n"
    );
    write(root, "content/handouts/h.toml", text);
}

/// `text` as a TOML basic string: quotes, backslashes and control characters escaped,
/// everything else written as it is.
fn toml_string(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

fn steps(root: &Path, steps: &[&str]) {
    let quoted: Vec<String> = steps.iter().map(|s| toml_string(s)).collect();
    let text = format!(
        "title = \"Knee pain\"\n\n[[exercise]]\nname = \"Wall sit\"\nsteps = [{}]\n",
        quoted.join(", ")
    );
    write(root, "content/handouts/h.toml", text);
}

struct Case {
    id: &'static str,
    input: &'static str,
    /// Writes the case into the workspace; returns the arguments after `build`.
    setup: fn(&Path) -> Vec<String>,
}

fn default_args() -> Vec<String> {
    Vec::new()
}

/// The handout with the roster `r.csv`.
fn roster_args() -> Vec<String> {
    ["content/handouts/h.toml", "--roster", "r.csv"]
        .map(String::from)
        .to_vec()
}

macro_rules! case {
    ($id:literal, $input:literal, |$root:ident| $body:block) => {
        Case {
            id: $id,
            input: $input,
            setup: |$root: &Path| {
                $body;
                #[allow(unreachable_code)]
                default_args()
            },
        }
    };
    ($id:literal, $input:literal, |$root:ident| -> args $body:block) => {
        Case {
            id: $id,
            input: $input,
            setup: |$root: &Path| $body,
        }
    };
}

fn cases() -> Vec<Case> {
    vec![
        // Content files.
        case!("empty-file", "an empty handout file", |r| {
            write(r, "content/handouts/h.toml", "")
        }),
        case!("comments-only", "a handout of comments only", |r| {
            write(r, "content/handouts/h.toml", "# to do\n")
        }),
        case!("binary-file", "a handout file of binary bytes", |r| {
            write(
                r,
                "content/handouts/h.toml",
                [0x89, b'P', b'N', b'G', 0, 0xFF, 0xFE, 7],
            )
        }),
        case!("latin-1", "text saved as Latin-1 (`Caf\\xE9`)", |r| {
            write(
                r,
                "content/handouts/h.toml",
                b"title = \"Caf\xe9 knee\"\n".as_slice(),
            )
        }),
        case!(
            "utf-16",
            "the handout saved as UTF-16 with a byte order mark",
            |r| {
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(HANDOUT.encode_utf16().flat_map(u16::to_le_bytes));
                write(r, "content/handouts/h.toml", bytes)
            }
        ),
        case!("utf-8-bom", "a UTF-8 byte order mark (builds)", |r| {
            write(r, "content/handouts/h.toml", format!("\u{FEFF}{HANDOUT}"))
        }),
        case!("crlf", "Windows line endings (builds)", |r| {
            write(r, "content/handouts/h.toml", HANDOUT.replace('\n', "\r\n"))
        }),
        case!("bare-cr", "a carriage return alone ending a line", |r| {
            write(
                r,
                "content/handouts/h.toml",
                HANDOUT.replacen("\n\n", "\r", 1),
            )
        }),
        case!(
            "unterminated-string",
            "`title = \"Knee pain` with no closing quote",
            |r| { write(r, "content/handouts/h.toml", "title = \"Knee pain\n") }
        ),
        case!("unclosed-header", "`[[exercise]` missing a bracket", |r| {
            write(
                r,
                "content/handouts/h.toml",
                HANDOUT.replace("[[exercise]]", "[[exercise]"),
            )
        }),
        case!("duplicate-key", "`title` written twice", |r| {
            write(
                r,
                "content/handouts/h.toml",
                format!("title = \"Again\"\n{HANDOUT}"),
            )
        }),
        case!(
            "key-after-table",
            "`author` written after `[[exercise]]`, so it lands in the exercise",
            |r| { handout_with(r, "author = \"Sam Lee\"\n") }
        ),
        case!("wrong-type", "`sets = \"three\"`", |r| {
            in_place_exercise(r, "sets = \"three\"")
        }),
        case!(
            "wrong-type-list",
            "`steps` as one string, not a list",
            |r| {
                write(
                    r,
                    "content/handouts/h.toml",
                    "title = \"K\"\n[[exercise]]\nname = \"W\"\nsteps = \"Stand up.\"\n",
                )
            }
        ),
        case!("negative", "`reps = -3`", |r| {
            in_place_exercise(r, "reps = -3")
        }),
        case!("overflow", "`reps = 99999999999999999999`", |r| {
            in_place_exercise(r, "reps = 99999999999999999999")
        }),
        case!("absurd", "`sets = 10000`", |r| {
            in_place_exercise(r, "sets = 10000")
        }),
        case!("fraction", "`hold_seconds = 2.5`", |r| {
            in_place_exercise(r, "hold_seconds = 2.5")
        }),
        case!(
            "unknown-language",
            "`language = \"xx\"`, a language handouts are not written in",
            |r| {
                write(
                    r,
                    "content/handouts/h.toml",
                    "title = \"K\"\nlanguage = \"xx\"\n[[exercise]]\nname = \"W\"\nsteps = [\"Stand.\"]\n",
                )
            }
        ),
        case!(
            "language-region",
            "`language = \"es-MX\"`, a region of a language (builds, in Spanish)",
            |r| {
                write(
                    r,
                    "content/handouts/h.toml",
                    "title = \"K\"\nlanguage = \"es-MX\"\n[[exercise]]\nname = \"W\"\nsteps = [\"Stand.\"]\n",
                )
            }
        ),
        case!("unknown-key", "`titel = \"…\"`", |r| {
            write(
                r,
                "content/handouts/h.toml",
                HANDOUT.replace("title", "titel"),
            )
        }),
        case!("unknown-choice", "`urgency = \"emergancy\"`", |r| {
            handout_with(r, "\n[[red_flag]]\nname = \"Locked knee\"\ntext = \"It won't straighten.\"\nurgency = \"emergancy\"\n")
        }),
        case!("empty-steps", "`steps = []`", |r| {
            write(
                r,
                "content/handouts/h.toml",
                "title = \"K\"\n[[exercise]]\nname = \"W\"\nsteps = []\n",
            )
        }),
        case!(
            "subtitle-no-title",
            "a `subtitle` but no `title` (found by fuzzing)",
            |r| {
                write(
                    r,
                    "content/handouts/h.toml",
                    HANDOUT.replace("title", "subtitle"),
                )
            }
        ),
        case!("empty-string", "`title = \"\"`", |r| {
            write(
                r,
                "content/handouts/h.toml",
                HANDOUT.replace("Knee pain", ""),
            )
        }),
        case!("invisible-text", "a title of zero-width spaces only", |r| {
            write(
                r,
                "content/handouts/h.toml",
                HANDOUT.replace("Knee pain", "\u{200B}\u{200B}"),
            )
        }),
        case!("unknown-use", "`use = \"split-sqat\"`", |r| {
            write(
                r,
                "content/handouts/h.toml",
                HANDOUT.replace("split-squat", "split-sqat"),
            )
        }),
        case!("no-exercises", "a handout with no `[[exercise]]`", |r| {
            write(r, "content/handouts/h.toml", "title = \"Knee pain\"\n")
        }),
        case!("control-character", "`\\u0007` (bell) in the title", |r| {
            write(
                r,
                "content/handouts/h.toml",
                HANDOUT.replace("Knee pain", "Knee\\u0007pain"),
            )
        }),
        case!("nul-character", "`\\u0000` in a step", |r| {
            steps(r, &["Stand\u{0}up."])
        }),
        case!(
            "bidi-override",
            "a right-to-left override (U+202E) in a step",
            |r| { steps(r, &["Stand \u{202E}up."]) }
        ),
        case!("bad-date", "`reviewed = 2026-02-30`", |r| {
            write(
                r,
                "content/handouts/h.toml",
                format!("reviewed = 2026-02-30\n{HANDOUT}"),
            )
        }),
        case!("bad-colour", "brand `primary = \"teal\"`", |r| {
            write(
                r,
                "content/brand.toml",
                format!("{BRAND}[colors]\nprimary = \"teal\"\n"),
            )
        }),
        case!(
            "colour-number",
            "brand `primary = 0x2E7D32`, a colour written as a number",
            |r| {
                write(
                    r,
                    "content/brand.toml",
                    format!("{BRAND}[colors]\nprimary = 0x2E7D32\n"),
                )
            }
        ),
        case!(
            "exercise-id-name",
            "`use = \"Split squat\"`, the exercise's name for its id",
            |r| {
                write(
                    r,
                    "content/handouts/h.toml",
                    HANDOUT.replace("split-squat", "Split squat"),
                )
            }
        ),
        case!("deep-nesting", "an array nested 10,000 deep", |r| {
            let deep = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
            write(r, "content/handouts/h.toml", format!("{deep}{HANDOUT}"))
        }),
        case!("huge-file", "a 2 MiB handout file", |r| {
            let padding = "# padding\n".repeat(210_000);
            write(r, "content/handouts/h.toml", format!("{HANDOUT}{padding}"))
        }),
        case!("huge-field", "a 40,000-character step", |r| {
            steps(r, &[&"Bend and straighten the knee. ".repeat(1_400)])
        }),
        case!("ten-thousand-steps", "an exercise with 10,000 steps", |r| {
            let many: Vec<String> = (1..=10_000).map(|i| format!("Step {i}.")).collect();
            let many: Vec<&str> = many.iter().map(String::as_str).collect();
            steps(r, &many)
        }),
        // Text that builds.
        case!(
            "long-word",
            "a 300-letter word and a 200-character URL in steps (builds)",
            |r| {
                let word = "knee".repeat(75);
                let url = format!("https://example.org/{}", "a".repeat(180));
                steps(r, &[&word, &format!("See [{url}]({url}).")])
            }
        ),
        case!(
            "right-to-left",
            "Hebrew and Arabic words in a step (builds)",
            |r| { steps(r, &["Say שלום עולם and مرحبا بكم to your physio."]) }
        ),
        case!(
            "combining-marks",
            "`e` with combining accents, decomposed (builds)",
            |r| {
                steps(
                    r,
                    &["Cafe\u{301} and nai\u{308}ve, with a\u{301}\u{302} two marks."],
                )
            }
        ),
        case!(
            "zero-width",
            "zero-width space, joiner and soft hyphen inside words (builds)",
            |r| {
                steps(
                    r,
                    &["Knee\u{200B}pain, re\u{00AD}hab and zero\u{200D}width."],
                )
            }
        ),
        case!(
            "fallback-glyphs",
            "arrows and ticks the bundled font lacks (builds, warns)",
            |r| { steps(r, &["Heel → toe, then ✓ done."]) }
        ),
        case!(
            "emoji-cjk",
            "an emoji and Chinese in the title (builds, warns)",
            |r| {
                write(
                    r,
                    "content/handouts/h.toml",
                    HANDOUT.replace("Knee pain", "Knee pain 🏃 膝痛"),
                )
            }
        ),
        case!("handout-is-a-pipe", "a named pipe given as the handout file", |r| -> args {
            let pipe = r.join("content/handouts/pipe.toml");
            make_pipe(&pipe);
            vec!["content/handouts/pipe.toml".into()]
        }),
        // The whole workspace.
        case!(
            "workspace-problems",
            "a misspelt brand key and a syntax error in an exercise no handout uses (both reported)",
            |r| {
                write(r, "content/brand.toml", BRAND.replace("website", "websit"));
                write(
                    r,
                    "content/exercises/unused.toml",
                    "name = \"Unused\"\nsteps = [\"Stand up.\"\n",
                )
            }
        ),
        case!(
            "workspace-folder",
            "the workspace's folder given for its handouts (builds)",
            |_r| -> args { vec![".".into()] }
        ),
        case!(
            "brand-as-handout",
            "the brand file given as a handout",
            |_r| -> args { vec!["content/brand.toml".into()] }
        ),
        case!(
            "exercise-as-handout",
            "a library exercise given as a handout",
            |_r| -> args { vec!["content/exercises/split-squat.toml".into()] }
        ),
        case!(
            "editor-files",
            "an editor's lock, backup, swap and autosave files beside the handout (builds)",
            |r| {
                for name in [".#h.toml", "h.toml~", ".h.toml.swp", "#h.toml#", ".hidden.toml"] {
                    write(r, &format!("content/handouts/{name}"), "not = [toml");
                }
            }
        ),
        case!(
            "date-not-a-day",
            "`--date 2026-02-30`, a day February does not have",
            |_r| -> args { vec!["--date".into(), "2026-02-30".into()] }
        ),
        case!(
            "paper-upper-case",
            "`--paper A4` in capitals, as `paper = \"A4\"` is taken (builds)",
            |_r| -> args { vec!["--paper".into(), "A4".into()] }
        ),
        case!(
            "brand-flag-missing",
            "`--brand` naming a file that does not exist",
            |_r| -> args { vec!["--brand".into(), "brand.toml".into()] }
        ),
        case!(
            "root-without-content",
            "`--root` naming a folder with no `content/`",
            |r| -> args {
                fs::create_dir(r.join("elsewhere")).unwrap();
                vec!["--root".into(), "elsewhere".into()]
            }
        ),
        case!(
            "note-too-long",
            "a `--note` of 40,000 characters",
            |_r| -> args { vec!["--note".into(), "Rest well. ".repeat(4_000)] }
        ),
        case!(
            "patient-bidi",
            "`--patient` with a right-to-left override (U+202E)",
            |_r| -> args { vec!["--patient".into(), "Aoife \u{202E}nirB".into()] }
        ),
        // Pictures.
        case!("image-missing", "a picture path that does not exist", |r| {
            fs::remove_file(r.join("images/picture.png")).unwrap()
        }),
        case!(
            "image-wrong-case",
            "a picture path in the wrong letter case",
            |r| { fs::rename(r.join("images/picture.png"), r.join("images/Picture.png")).unwrap() }
        ),
        case!("image-not-image", "a text file named `.png`", |r| {
            picture(r, "notes.png")
        }),
        case!("image-gif", "a GIF picture", |r| {
            picture(r, "animated.gif")
        }),
        case!("image-webp", "a WebP picture", |r| {
            picture(r, "photo.webp")
        }),
        case!("image-svg", "an SVG picture", |r| {
            picture(r, "drawing.svg")
        }),
        case!(
            "image-arithmetic-jpeg",
            "a JPEG with arithmetic coding, which few decoders read",
            |r| { picture(r, "arithmetic.jpg") }
        ),
        case!("image-truncated-png", "a PNG cut off halfway", |r| {
            picture(r, "truncated.png")
        }),
        case!(
            "image-corrupt-png",
            "a PNG with flipped bytes in its image data",
            |r| { picture(r, "corrupt.png") }
        ),
        case!(
            "image-bad-png-data",
            "a transparent PNG with sound checksums but pixel data that is not deflate data",
            |r| { picture(r, "bad-data.png") }
        ),
        case!("image-truncated-jpeg", "a JPEG cut off halfway", |r| {
            picture(r, "truncated.jpg")
        }),
        case!(
            "image-bomb",
            "an 83-byte PNG declaring 30,000 × 30,000 pixels",
            |r| { picture(r, "bomb.png") }
        ),
        case!(
            "image-no-pixels",
            "a PNG declaring 0 × 5 pixels, which PDF readers refuse",
            |r| { write(r, "images/picture.png", png_declaring(0, 5)) }
        ),
        case!("image-folder", "a folder given as a picture", |r| {
            fs::remove_file(r.join("images/picture.png")).unwrap();
            fs::create_dir(r.join("images/picture.png")).unwrap()
        }),
        case!("png-16-bit", "a 16-bit greyscale PNG (builds)", |r| {
            picture(r, "grey16.png")
        }),
        case!("png-grey", "a greyscale PNG (builds)", |r| {
            picture(r, "grey.png")
        }),
        case!("png-palette", "a palette PNG (builds)", |r| {
            picture(r, "palette.png")
        }),
        case!("png-interlaced", "an interlaced PNG (builds)", |r| {
            picture(r, "interlaced.png")
        }),
        case!("png-alpha", "a PNG with transparency (builds)", |r| {
            picture(r, "alpha.png")
        }),
        case!("jpeg-cmyk", "a CMYK JPEG (builds)", |r| {
            picture(r, "cmyk.jpg")
        }),
        case!("jpeg-grey", "a greyscale JPEG (builds)", |r| {
            picture(r, "grey.jpg")
        }),
        case!(
            "jpeg-exif",
            "a phone photo turned by EXIF, with camera and GPS data (builds)",
            |r| { picture(r, "rotated.jpg") }
        ),
        case!("jpeg-camera-data", "an upright phone photo with camera, owner and GPS data (builds; none of it reaches the PDF)", |r| {
            picture(r, "camera.jpg")
        }),
        // Paths.
        case!(
            "path-dot-dot",
            "`file = \"../../../etc/passwd\"` from `content/exercises/`",
            |r| {
                let text = LIBRARY_EXERCISE.replace("/images/picture.png", "../../../etc/passwd");
                write(r, "content/exercises/split-squat.toml", text)
            }
        ),
        case!("path-above-root", "`file = \"/../secret.png\"`", |r| {
            let text = LIBRARY_EXERCISE.replace("/images/picture.png", "/../secret.png");
            write(r, "content/exercises/split-squat.toml", text)
        }),
        case!(
            "path-symlink",
            "a picture that is a link to a file outside the workspace",
            |r| {
                let outside = r.join("../outside.png");
                fs::copy(repo().join("tests/fixtures/images/good.png"), &outside).unwrap();
                fs::remove_file(r.join("images/picture.png")).unwrap();
                std::os::unix::fs::symlink(&outside, r.join("images/picture.png")).unwrap()
            }
        ),
        // Fonts.
        case!(
            "font-not-a-font",
            "brand `regular` font that is a text file",
            |r| {
                write(r, "fonts/Brand.ttf", "not a font");
                write(
                    r,
                    "content/brand.toml",
                    format!("{BRAND}[fonts]\nregular = \"/fonts/Brand.ttf\"\n"),
                )
            }
        ),
        case!(
            "font-truncated",
            "brand `regular` font cut to its first 2,000 bytes",
            |r| {
                let font =
                    fs::read(repo().join("fonts/AtkinsonHyperlegible_400Regular.ttf")).unwrap();
                write(r, "fonts/Brand.ttf", &font[..2000]);
                write(
                    r,
                    "content/brand.toml",
                    format!("{BRAND}[fonts]\nregular = \"/fonts/Brand.ttf\"\n"),
                )
            }
        ),
        case!("font-woff", "brand `regular` font that is a WOFF web font", |r| {
            write(r, "fonts/Brand.ttf", b"wOFF\x00\x01\x00\x00 a web font".as_slice());
            write(
                r,
                "content/brand.toml",
                format!("{BRAND}[fonts]\nregular = \"/fonts/Brand.ttf\"\n"),
            )
        }),
        case!(
            "font-missing",
            "brand `regular` font that does not exist",
            |r| {
                write(
                    r,
                    "content/brand.toml",
                    format!("{BRAND}[fonts]\nregular = \"/fonts/Brand.ttf\"\n"),
                )
            }
        ),
        // Links.
        case!(
            "link-javascript",
            "`[tap](javascript:alert(1))` in a step",
            |r| { steps(r, &["Then [tap](javascript:alert(1))."]) }
        ),
        case!(
            "link-file",
            "`[notes](file:///etc/passwd)` in a step",
            |r| { steps(r, &["See [notes](file:///etc/passwd)."]) }
        ),
        case!("link-data", "a `data:` link in a step", |r| {
            steps(r, &["See [this](data:text/html,hi)."])
        }),
        case!(
            "website-javascript",
            "brand `website = \"javascript:alert(1)\"`",
            |r| {
                write(
                    r,
                    "content/brand.toml",
                    "name = \"Riverside\"\nwebsite = \"javascript:alert(1)\"\n",
                )
            }
        ),
        case!(
            "video-ftp",
            "exercise `video = \"ftp://example.org/v.mp4\"`",
            |r| { in_place_exercise(r, "video = \"ftp://example.org/v.mp4\"") }
        ),
        // Output.
        case!(
            "output-new-folder",
            "`-o` a folder that does not exist yet (builds)",
            |_r| -> args { vec!["-o".into(), "new/deeper".into()] }
        ),
        case!("output-is-file", "`-o` naming a file", |r| -> args {
            write(r, "taken", "a file");
            vec!["-o".into(), "taken".into()]
        }),
        case!(
            "output-unwritable",
            "`-o` a folder that cannot be made",
            |_r| -> args { vec!["-o".into(), "/proc/handout-out".into()] }
        ),
        // Rosters.
        case!("roster-missing", "`--roster` naming a file that does not exist", |_r| -> args {
            roster_args()
        }),
        case!(
            "roster-crlf",
            "a bad cell in a roster with Windows line endings",
            |r| -> args {
                write(r, "r.csv", "name,split-squat.reps\r\nAoife,6\r\nBrian,six\r\n");
                roster_args()
            }
        ),
        case!(
            "roster-pipe-separated",
            "a roster whose cells are separated by `|`",
            |r| -> args {
                write(r, "r.csv", "name|split-squat.reps\nAoife|6\n");
                roster_args()
            }
        ),
        case!(
            "roster-duplicate-column",
            "a roster naming a column twice (`Name` and `name`)",
            |r| -> args {
                write(r, "r.csv", "Name,note,name\nAoife,,Aoife\n");
                roster_args()
            }
        ),
        case!(
            "roster-unclosed-quote",
            "a roster cell whose opening quote is never closed",
            |r| -> args {
                write(r, "r.csv", "name,note\nAoife,\"Easy week\nBrian,Rest\n");
                roster_args()
            }
        ),
        case!(
            "same-pdf-name",
            "two handouts that would write the same PDF",
            |r| { write(r, "content/handouts/more/h.toml", HANDOUT) }
        ),
    ]
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: String,
    input: String,
    exit: i32,
    message: String,
    location: String,
}

const NONE: &str = "—";

fn run(case: &Case) -> (Row, Output, tempfile::TempDir) {
    let dir = workspace();
    let args = (case.setup)(dir.path());
    let mut all = vec!["build"];
    all.extend(args.iter().map(String::as_str));
    let output = handout(dir.path(), &all);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let headline = |prefix: &str| lines.iter().position(|l| l.starts_with(prefix));
    let first = headline("error: ").or_else(|| headline("warning: "));
    let message = first.map_or(NONE.to_string(), |i| lines[i].to_string());
    // A snippet's arrow, or the note a diagnostic without a snippet ends with.
    let location = first
        .and_then(|i| lines.get(i + 1))
        .map(|l| l.trim_start())
        .and_then(|l| {
            l.strip_prefix("--> ")
                .or_else(|| l.strip_prefix("= note: in "))
        })
        .map_or(NONE.to_string(), str::to_string);
    let row = Row {
        id: case.id.to_string(),
        input: case.input.to_string(),
        exit: output.status.code().unwrap_or(-1),
        message,
        location,
    };
    (row, output, dir)
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn uncell(text: &str) -> String {
    text.trim().replace("\\|", "|")
}

fn format_row(row: &Row) -> String {
    let code = |s: &str| {
        if s == NONE {
            NONE.to_string()
        } else {
            format!("`{}`", cell(s))
        }
    };
    format!(
        "| `{}` | {} | {} | {} | {} |",
        row.id,
        cell(&row.input),
        row.exit,
        code(&row.message),
        code(&row.location)
    )
}

/// The rows of the table in `docs/robustness.md`.
fn read_table(doc: &str) -> Vec<Row> {
    doc.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|line| {
            // Split on unescaped bars.
            let mut cells = Vec::new();
            let mut current = String::new();
            let mut chars = line.trim().trim_start_matches('|').chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\\' if chars.peek() == Some(&'|') => {
                        current.push_str("\\|");
                        chars.next();
                    }
                    '|' => cells.push(std::mem::take(&mut current)),
                    _ => current.push(c),
                }
            }
            let unquote = |s: &str| {
                let s = uncell(s);
                s.strip_prefix('`')
                    .and_then(|s| s.strip_suffix('`'))
                    .map_or(s.clone(), str::to_string)
            };
            Row {
                id: unquote(&cells[0]),
                input: uncell(&cells[1]),
                exit: uncell(&cells[2])
                    .parse()
                    .expect("the exit column is a number"),
                message: unquote(&cells[3]),
                location: unquote(&cells[4]),
            }
        })
        .collect()
}

#[test]
fn every_row_of_the_robustness_table_holds() {
    let cases = cases();
    let results: Vec<(Row, Output, tempfile::TempDir)> = std::thread::scope(|scope| {
        let chunks: Vec<_> = cases
            .chunks(cases.len().div_ceil(4))
            .map(|chunk| scope.spawn(move || chunk.iter().map(run).collect::<Vec<_>>()))
            .collect();
        chunks.into_iter().flat_map(|c| c.join().unwrap()).collect()
    });

    let doc_path = repo().join(TABLE);
    let doc = fs::read_to_string(&doc_path).unwrap_or_default();
    if std::env::var_os("UPDATE_ROBUSTNESS").is_some() {
        let rows: Vec<String> = results.iter().map(|(row, ..)| format_row(row)).collect();
        let start = doc.find("| `").unwrap_or(doc.len());
        let end = doc[start..].find("\n\n").map_or(doc.len(), |i| start + i);
        let ending = if end == doc.len() { "\n" } else { "" };
        let updated = format!(
            "{}{}{ending}{}",
            &doc[..start],
            rows.join("\n"),
            &doc[end..]
        );
        fs::write(&doc_path, updated).unwrap();
        return;
    }

    let table = read_table(&doc);
    let ids: Vec<&str> = table.iter().map(|r| r.id.as_str()).collect();
    let case_ids: Vec<&str> = cases.iter().map(|c| c.id).collect();
    assert_eq!(
        ids, case_ids,
        "{TABLE} and the cases list the same cases in one order"
    );

    let mut failures = Vec::new();
    for ((actual, output, dir), expected) in results.iter().zip(&table) {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if actual != expected {
            failures.push(format!(
                "{}:\n  table:  {}\n  actual: {}\n{stderr}",
                actual.id,
                format_row(expected),
                format_row(actual)
            ));
        }
        if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
            failures.push(format!("{}: panicked\n{stderr}", actual.id));
        }
        if ![0, 1, 2].contains(&actual.exit) {
            failures.push(format!("{}: exit {}", actual.id, actual.exit));
        }
        let pdf = dir.path().join("out/h.pdf");
        if actual.exit == 0 {
            let written = fs::read(dir.path().join(output_folder(actual)).join("h.pdf")).unwrap();
            if !written.starts_with(b"%PDF-") || !written.trim_ascii_end().ends_with(b"%%EOF") {
                failures.push(format!("{}: the PDF is not whole", actual.id));
            }
        } else if fs::read(&pdf).unwrap() != EARLIER_PDF {
            failures.push(format!("{}: the earlier PDF was changed", actual.id));
        }
        let placed = stderr.contains("--> ") || stderr.contains("= note: in ");
        if actual.exit == 1 && !(placed && stderr.contains("help: ")) {
            failures.push(format!(
                "{}: a content error gives a place and a fix\n{stderr}",
                actual.id
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn output_folder(row: &Row) -> &'static str {
    if row.id == "output-new-folder" {
        "new/deeper"
    } else {
        "out"
    }
}

/// Kills builds at moments spread over a whole build: whatever the moment, the PDF in the
/// output folder is the earlier one or the complete new one, and no other PDF appears.
#[test]
fn a_killed_build_leaves_the_earlier_pdf_or_the_whole_new_one() {
    let dir = workspace();
    let long_steps: Vec<String> = (1..=40)
        .map(|i| {
            format!(
                "Step {i}: {}",
                "bend the knee slowly and breathe out. ".repeat(8)
            )
        })
        .collect();
    let long_steps: Vec<&str> = long_steps.iter().map(String::as_str).collect();
    steps(dir.path(), &long_steps);
    let pdf = dir.path().join("out/h.pdf");

    let started = std::time::Instant::now();
    assert!(handout(dir.path(), &["build"]).status.success());
    let duration = started.elapsed();
    let complete = fs::read(&pdf).unwrap();

    for step in 0..=10 {
        fs::write(&pdf, EARLIER_PDF).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_handout"))
            .arg("build")
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(duration * step / 10);
        let _ = child.kill();
        child.wait().unwrap();
        let now = fs::read(&pdf).unwrap();
        assert!(
            now == EARLIER_PDF || now == complete,
            "killed at {step}/10 of a build, the PDF is neither the earlier one nor the new one"
        );
    }
    let pdfs: Vec<_> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".pdf"))
        .collect();
    assert_eq!(pdfs, ["h.pdf"]);
}

/// Every PDF the cases above build keeps no camera data, and is kept for the PDF
/// validators and accessibility checkers `.ci/run` runs over every PDF the tests write.
#[test]
fn every_pdf_the_cases_build_leaves_the_camera_data_out() {
    let doc = fs::read_to_string(repo().join(TABLE)).unwrap();
    let building: Vec<String> = read_table(&doc)
        .into_iter()
        .filter(|row| row.exit == 0)
        .map(|row| row.id)
        .collect();
    for case in cases()
        .iter()
        .filter(|c| building.iter().any(|id| id == c.id))
    {
        let (row, output, dir) = run(case);
        assert_eq!(
            row.exit,
            0,
            "{}: {}",
            case.id,
            String::from_utf8_lossy(&output.stderr)
        );
        let bytes = fs::read(dir.path().join(output_folder(&row)).join("h.pdf")).unwrap();
        for private in [&b"PhoneMaker"[..], b"Jane Photographer", b"Pocket Camera"] {
            let leaked = bytes.windows(private.len()).any(|w| w == private);
            assert!(
                !leaked,
                "{}: a photo's camera data reached the PDF",
                case.id
            );
        }
        keep(case.id, &bytes);
    }
}
