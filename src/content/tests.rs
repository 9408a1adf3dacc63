//! Loading whole workspaces built in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::*;
use crate::content::pictures::tests::png;
use crate::model::*;

/// A workspace in a temporary folder, with a brand file and an empty exercise library.
pub(super) struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    pub(super) fn new() -> Self {
        let workspace = Workspace {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir_all(workspace.path("content/exercises")).unwrap();
        workspace.write("content/brand.toml", "name = \"Riverside Physio\"\n");
        workspace
    }

    pub(super) fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub(super) fn write(&self, relative: &str, text: &str) -> PathBuf {
        self.write_bytes(relative, text.as_bytes())
    }

    fn write_bytes(&self, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    pub(super) fn load(&self, handout: &str) -> Result<Loaded, Diagnostics> {
        load(&self.path(handout), &LoadOptions::default())
    }

    /// The problems of loading `handout`, one line each:
    /// `file:line:col key: message | hint`, with files relative to the workspace.
    pub(super) fn problems(&self, handout: &str) -> Vec<String> {
        let diagnostics = self.load(handout).expect_err("the handout has problems");
        self.shown(&diagnostics)
    }

    /// The warnings of a handout that loads, shown as [`Workspace::problems`] shows them.
    pub(super) fn warnings(&self, handout: &str) -> Vec<String> {
        let loaded = self.load(handout).expect("the handout loads");
        self.shown(&loaded.warnings)
    }

    fn shown(&self, diagnostics: &Diagnostics) -> Vec<String> {
        let root = self.dir.path().canonicalize().unwrap();
        diagnostics
            .iter()
            .map(|d| {
                let l = d.location.as_ref().expect("every problem has a location");
                let file = l.file.strip_prefix(&root).unwrap_or(&l.file);
                let position = match (l.line, l.column) {
                    (Some(line), Some(column)) => format!(":{line}:{column}"),
                    _ => String::new(),
                };
                format!(
                    "{}{position} {}: {} | {}",
                    file.display(),
                    d.key.as_deref().unwrap_or(""),
                    d.message,
                    d.hint.as_deref().unwrap_or("")
                )
            })
            .collect()
    }
}

const SPLIT_SQUAT: &str = r#"name = "Split squat"
steps = ["Stand facing away from a chair.", "Squat down, then stand back up."]
"#;

const CLAMSHELL: &str = r#"name = "Clamshell"
purpose = "Strengthens the side of the hip."
position = "lying"
steps = ["Lie on your side.", "Lift the top knee."]
sets = 2
reps = 15

[[image]]
file = "/images/clamshell.png"
alt = "Lying on the side, knees bent"
"#;

#[test]
fn loads_a_handout_with_defaults_applied() {
    let ws = Workspace::new();
    ws.write("content/exercises/split-squat.toml", SPLIT_SQUAT);
    ws.write(
        "content/handouts/knee.toml",
        r#"title = "Inner *knee* pain"
reviewed = 2026-11-23

[[red_flag]]
name = "A knee that locks"
text = "Locking or giving way."

[[exercise]]
use = "split-squat"
sets = 3

[closing]
text = "Keep going."
"#,
    );
    let loaded = ws.load("content/handouts/knee.toml").unwrap();
    assert!(loaded.warnings.is_empty());
    let doc = loaded.document;
    assert_eq!(doc.stem, "knee");
    assert_eq!(doc.title, "Inner knee pain");
    assert_eq!(doc.language, "en");
    assert_eq!(doc.paper, Paper::A4);
    assert_eq!(
        doc.reviewed,
        Some(Date {
            year: 2026,
            month: 11,
            day: 23
        })
    );
    assert_eq!(doc.brand.name, "Riverside Physio");
    assert_eq!(doc.brand.colors.primary, Rgb(0x0F, 0x6E, 0x6E));
    assert_eq!(doc.brand.colors.accent, Rgb(0xE6, 0x91, 0x38));
    // Headings not written are the language's, which layout prints.
    assert_eq!(doc.headings.causes, None);
    assert_eq!(doc.headings.red_flags, None);
    assert_eq!(doc.headings.exercises, None);
    assert_eq!(doc.red_flags[0].urgency, Urgency::Soon);
    assert_eq!(doc.closing.as_ref().unwrap().title, None);
    assert_eq!(doc.recipient, None);
    let exercise = &doc.exercises[0];
    assert_eq!(exercise.id.as_deref(), Some("split-squat"));
    assert_eq!(exercise.name, "Split squat");
    assert_eq!(exercise.dosage.sets, Some(3));
    assert!(!exercise.dosage.each_side);
}

#[test]
fn paper_comes_from_the_options_then_the_brand() {
    let ws = Workspace::new();
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n\n[page]\npaper = \"letter\"\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    let handout = ws.path("content/handouts/knee.toml");
    let from_brand = load(&handout, &LoadOptions::default()).unwrap();
    assert_eq!(from_brand.document.paper, Paper::Letter);
    let options = LoadOptions {
        paper: Some(Paper::A4),
        ..LoadOptions::default()
    };
    assert_eq!(load(&handout, &options).unwrap().document.paper, Paper::A4);
}

#[test]
fn an_unknown_key_is_reported_with_a_suggestion() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        "titel = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\nrepz = 10\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        [
            "content/handouts/knee.toml:1:1 titel: unknown key `titel` | did you mean `title`?",
            "content/handouts/knee.toml:5:1 exercise[1].repz: unknown key `repz` | did you mean `reps`?",
        ]
    );
}

#[test]
fn a_wrong_type_says_how_to_write_it() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n\n[[exercise]]\nname = \"Bridge\"\nsteps = [\"Lift.\"]\nsets = \"3\"\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/handouts/knee.toml:9:8 exercise[2].sets: expected a whole number, found a string | write sets = 3 without quotes"]
    );
}

#[test]
fn a_missing_required_key_points_at_its_table() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        r#"title = "Knee"

[[cause]]
name = "Bursitis"
text = "Inflamed tissue."

[[cause]]
text = "The cartilage can tear."

[[exercise]]
name = "Squat"
"#,
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        [
            "content/handouts/knee.toml:7:1 cause[2].name: missing required key `name` | add a line `name = \"Bursitis\"`",
            "content/handouts/knee.toml:10:1 exercise[1].steps: missing required key `steps` | add a line `steps = [\"First step.\", \"Second step.\"]`",
        ]
    );
}

#[test]
fn an_unknown_exercise_id_suggests_the_closest_and_lists_the_library() {
    let ws = Workspace::new();
    ws.write("content/exercises/clamshell.toml", SPLIT_SQUAT);
    ws.write("content/exercises/split-squat.toml", SPLIT_SQUAT);
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nuse = \"clamshel\"\n[[exercise]]\nuse = \"plank\"\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        [
            "content/handouts/knee.toml:3:7 exercise[1].use: unknown exercise \"clamshel\": there is no content/exercises/clamshel.toml | did you mean \"clamshell\"? The library has clamshell, split-squat",
            "content/handouts/knee.toml:5:7 exercise[2].use: unknown exercise \"plank\": there is no content/exercises/plank.toml | The library has clamshell, split-squat",
        ]
    );
}

#[test]
fn an_exercise_id_cannot_climb_out_of_the_library() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nuse = \"../brand\"\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/handouts/knee.toml:3:7 exercise[1].use: \"../brand\" is not an exercise id: an id is lower-case words joined by hyphens, the name of a file in content/exercises/ without .toml | write use = \"brand\" for content/exercises/brand.toml, or write the exercise in place with name and steps"]
    );
}

#[test]
fn an_id_written_as_a_name_is_answered_with_the_rule_and_the_id() {
    let ws = Workspace::new();
    ws.write(
        "content/exercises/split-squat.toml",
        "name = \"Split squat\"\nsteps = [\"Squat.\"]\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nuse = \"Split squat\"\n[[exercise]]\nuse = \"Split_Squat\"\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        [
            "content/handouts/knee.toml:3:7 exercise[1].use: \"Split squat\" is not an exercise id: an id is lower-case words joined by hyphens, the name of a file in content/exercises/ without .toml | did you mean use = \"split-squat\"?",
            "content/handouts/knee.toml:5:7 exercise[2].use: unknown exercise \"Split_Squat\": there is no content/exercises/Split_Squat.toml | did you mean \"split-squat\"? An id is lower-case words joined by hyphens, as the file is named",
        ]
    );
}

#[test]
fn fields_beside_use_replace_the_library_values() {
    let ws = Workspace::new();
    ws.write_bytes("images/clamshell.png", &png(4, 3));
    ws.write_bytes("images/side.png", &png(2, 2));
    ws.write("content/exercises/clamshell.toml", CLAMSHELL);
    ws.write(
        "content/handouts/knee.toml",
        r#"title = "Knee"

[[exercise]]
use = "clamshell"
reps = 10
steps = ["Lie on your side, knees bent.", "Lift the top knee.", "Lower slowly."]

[[exercise.image]]
file = "/images/side.png"
alt = "Side view"

[[exercise]]
use = "clamshell"
"#,
    );
    let doc = ws.load("content/handouts/knee.toml").unwrap().document;
    let [overridden, plain] = &doc.exercises[..] else {
        panic!("two exercises expected");
    };
    let steps: Vec<String> = overridden.steps.iter().map(Paragraph::to_plain).collect();
    assert_eq!(
        steps,
        [
            "Lie on your side, knees bent.",
            "Lift the top knee.",
            "Lower slowly."
        ]
    );
    assert_eq!(overridden.name, "Clamshell");
    assert_eq!(overridden.position, Some(Position::Lying));
    assert_eq!(overridden.dosage.sets, Some(2));
    assert_eq!(overridden.dosage.reps, Some(10));
    assert_eq!(overridden.images.len(), 1);
    assert_eq!(overridden.images[0].alt, "Side view");
    assert_eq!(overridden.images[0].picture.width, 2);

    assert_eq!(plain.steps.len(), 2);
    assert_eq!(plain.dosage.reps, Some(15));
    assert_eq!(plain.images[0].picture.width, 4);
}

#[test]
fn a_library_file_is_read_once_and_its_problems_point_into_it() {
    let ws = Workspace::new();
    ws.write(
        "content/exercises/bridge.toml",
        "name = \"Bridge\"\nsteps = [\"Lift.\"]\nsets = 0\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nuse = \"bridge\"\n[[exercise]]\nuse = \"bridge\"\nsets = 2\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/exercises/bridge.toml:3:8 sets: expected a whole number from 1 to 20, found 0 | write sets = and a number from 1 to 20"]
    );
}

#[test]
fn an_exercise_written_in_place_with_an_image() {
    let ws = Workspace::new();
    ws.write_bytes("content/handouts/squat.png", &png(5, 7));
    ws.write(
        "content/handouts/knee.toml",
        r#"title = "Knee"

[[exercise]]
name = "Split **squat**"
steps = ["Stand tall.", "Squat down."]
equipment = ["chair"]
each_side = true
video = "https://example.org/squat"

[[exercise.image]]
file = "squat.png"
caption = "Start"
alt = "Standing in front of a chair"

[[exercise.image]]
file = "/content/handouts/squat.png"
alt = "The same picture, named from the root"
"#,
    );
    let doc = ws.load("content/handouts/knee.toml").unwrap().document;
    let exercise = &doc.exercises[0];
    assert_eq!(exercise.id, None);
    assert_eq!(exercise.name, "Split squat");
    assert_eq!(exercise.equipment, ["chair"]);
    assert!(exercise.dosage.each_side);
    assert_eq!(exercise.video.as_deref(), Some("https://example.org/squat"));
    let [first, second] = &exercise.images[..] else {
        panic!("two images expected");
    };
    assert_eq!(first.caption.as_deref(), Some("Start"));
    assert_eq!((first.picture.width, first.picture.height), (5, 7));
    assert!(matches!(first.picture.pixels, Pixels::Png { .. }));
    assert_eq!(
        first.picture.path,
        ws.path("content/handouts/squat.png")
            .canonicalize()
            .unwrap()
    );
    assert!(Arc::ptr_eq(&first.picture, &second.picture));
}

#[test]
fn a_path_outside_the_workspace_is_refused() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        r#"title = "Knee"

[[exercise]]
name = "Squat"
steps = ["Squat."]

[[exercise.image]]
file = "../../../outside.png"
alt = "x"
"#,
    );
    let problems = ws.problems("content/handouts/knee.toml");
    let root = ws.dir.path().canonicalize().unwrap();
    assert_eq!(
        problems,
        [format!(
            "content/handouts/knee.toml:8:8 exercise[1].image[1].file: `../../../outside.png` is outside the workspace | files must be inside the workspace {}; a path starting with / starts there",
            root.display()
        )]
    );
}

#[test]
fn a_picture_that_is_not_png_or_jpeg_is_refused() {
    let ws = Workspace::new();
    ws.write_bytes("images/knee.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n[[exercise.image]]\nfile = \"/images/knee.gif\"\nalt = \"A knee\"\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/handouts/knee.toml:6:8 exercise[1].image[1].file: `/images/knee.gif` is a GIF image; a picture must be PNG or JPEG | save it as PNG (drawings, diagrams) or JPEG (photos)"]
    );
}

#[test]
fn a_bad_colour_in_the_brand() {
    let ws = Workspace::new();
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n\n[colors]\nprimary = \"teal\"\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/brand.toml:4:11 colors.primary: expected a colour like \"#0F6E6E\", found \"teal\" | write # and six hex digits (0-9, A-F): two each for red, green and blue"]
    );
}

#[test]
fn a_bad_urgency_lists_the_choices() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[red_flag]]\nname = \"Fracture\"\ntext = \"Can't bear weight.\"\nurgency = \"urgnt\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/handouts/knee.toml:5:11 red_flag[1].urgency: expected \"soon\", \"urgent\" or \"emergency\", found \"urgnt\" | did you mean \"urgent\"?"]
    );
}

#[test]
fn text_fields_carry_bold_italic_and_links() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        r#"title = "Knee"
summary = """
Most pain **settles** with *rest*.

Read [the guide](https://example.org/guide)."""

[[exercise]]
name = "Squat"
steps = ["Squat."]
tips = ["Keep **knees** over toes."]
"#,
    );
    let doc = ws.load("content/handouts/knee.toml").unwrap().document;
    let summary = doc.summary.unwrap();
    let styled = |p: &Paragraph| -> Vec<(String, bool, bool, Option<String>)> {
        p.runs
            .iter()
            .map(|r| (r.text.clone(), r.bold, r.italic, r.link.clone()))
            .collect()
    };
    let guide = Some("https://example.org/guide".to_string());
    assert_eq!(
        styled(&summary.paragraphs[0]),
        [
            ("Most pain ".into(), false, false, None),
            ("settles".into(), true, false, None),
            (" with ".into(), false, false, None),
            ("rest".into(), false, true, None),
            (".".into(), false, false, None),
        ]
    );
    assert_eq!(
        styled(&summary.paragraphs[1]),
        [
            ("Read ".into(), false, false, None),
            ("the guide".into(), false, false, guide),
            (".".into(), false, false, None),
        ]
    );
    assert_eq!(doc.exercises[0].tips[0].runs[1].text, "knees");
    assert!(doc.exercises[0].tips[0].runs[1].bold);
}

#[test]
fn a_link_with_a_forbidden_scheme_is_refused() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\nintro = \"Click [here](javascript:alert(1)).\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/handouts/knee.toml:2:9 intro: the link `javascript:alert(1)` starts with `javascript:`, which is not allowed | links may start with https://, http://, mailto: or tel:"]
    );
}

#[test]
fn problems_in_several_files_are_reported_together() {
    let ws = Workspace::new();
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\nwebsite = \"javascript:alert(1)\"\n\n[colors]\naccent = \"#12345\"\n",
    );
    ws.write(
        "content/exercises/bridge.toml",
        "name = \"Bridge\"\nstep = [\"Lift.\"]\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        r#"title = ""
language = "en_GB"
reviewed = "2026-11-23"

[headings]
causes = "Why?"
summary = "Rest helps."

[[exercise]]
use = "bridge"

[[exercise]]
name = "Squat"
steps = []
days_per_week = 8
"#,
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        [
            "content/handouts/knee.toml:1:9 title: the text is empty | write the text, or delete the `title` line",
            "content/handouts/knee.toml:2:12 language: handouts cannot be written in the language \"en_GB\" | did you mean language = \"en-GB\"? the languages are \"en\" (English), \"en-US\" (American English), \"es\" (Spanish), \"fr\" (French), \"de\" (German), \"it\" (Italian), \"pt\" (Portuguese), \"pl\" (Polish)",
            "content/handouts/knee.toml:3:12 reviewed: expected a date, found a string | write reviewed = 2026-11-23 without quotes",
            "content/handouts/knee.toml:7:1 headings.summary: unknown key `summary` | keys below a [header] line belong to that table; move `summary` above the first [table]",
            "content/handouts/knee.toml:14:9 exercise[2].steps: expected at least one step, found an empty list | write at least one step, e.g. steps = [\"Lie on your back.\"]",
            "content/handouts/knee.toml:15:17 exercise[2].days_per_week: expected a whole number from 1 to 7, found 8 | write days_per_week = and a number from 1 to 7",
            "content/brand.toml:2:11 website: the link `javascript:alert(1)` starts with `javascript:`, which is not allowed | write a web address starting with https://",
            "content/brand.toml:5:10 colors.accent: expected a colour like \"#0F6E6E\", found \"#12345\" | write # and six hex digits (0-9, A-F): two each for red, green and blue",
            "content/exercises/bridge.toml:2:1 step: unknown key `step` | did you mean `steps`?",
        ]
    );
}

#[test]
fn a_handout_needs_an_exercise() {
    let ws = Workspace::new();
    ws.write("content/handouts/knee.toml", "title = \"Knee\"\n");
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/handouts/knee.toml:1:1 exercise: a handout needs at least one [[exercise]] | add an [[exercise]] with use = \"id\" (an exercise from content/exercises/), or with its own name and steps"]
    );
}

#[test]
fn a_missing_brand_file_says_how_to_create_it() {
    let ws = Workspace::new();
    fs::remove_file(ws.path("content/brand.toml")).unwrap();
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    let problems = ws.problems("content/handouts/knee.toml");
    let root = ws.dir.path().canonicalize().unwrap();
    assert_eq!(
        problems,
        [format!(
            "content/brand.toml : brand file not found | create {} with at least the line name = \"Your clinic\", or pass --brand FILE",
            root.join("content/brand.toml").display()
        )]
    );
}

#[test]
fn a_handout_outside_any_workspace_needs_a_root() {
    let dir = tempfile::tempdir().unwrap();
    let handout = dir.path().join("knee.toml");
    fs::write(&handout, "title = \"Knee\"\n").unwrap();
    let diagnostics = load(&handout, &LoadOptions::default()).unwrap_err();
    assert_eq!(diagnostics.0.len(), 1);
    assert_eq!(
        diagnostics.0[0].message,
        "no workspace: no folder above this file holds a content/ folder"
    );
    assert_eq!(
        diagnostics.0[0].hint.as_deref(),
        Some("run handout from inside a workspace, or pass --root DIR")
    );
}

#[test]
fn a_missing_handout_file_is_named() {
    let ws = Workspace::new();
    assert_eq!(
        ws.problems("content/handouts/nope.toml"),
        ["content/handouts/nope.toml : file not found | "]
    );
}

#[test]
fn brand_fonts_need_a_regular_face_for_the_others_to_fall_back_on() {
    let ws = Workspace::new();
    let font = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/AtkinsonHyperlegible_700Bold.ttf"),
    )
    .unwrap();
    ws.write_bytes("fonts/Bold.ttf", &font);
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n[fonts]\nbold = \"/fonts/Bold.ttf\"\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/brand.toml:2:1 fonts.regular: missing required key `regular` | add a line `regular = \"/fonts/MyFont-Regular.ttf\"`"]
    );
}

#[test]
fn brand_fonts_must_be_font_files_inside_the_workspace() {
    let ws = Workspace::new();
    let font = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/AtkinsonHyperlegible_400Regular.ttf"),
    )
    .unwrap();
    ws.write_bytes("fonts/Regular.ttf", &font);
    ws.write("fonts/Bold.ttf", "not a font");
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n[fonts]\nregular = \"/fonts/Regular.ttf\"\nbold = \"../fonts/Bold.ttf\"\nitalic = \"/fonts/Italic.ttf\"\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    let problems = ws.problems("content/handouts/knee.toml");
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].starts_with("content/brand.toml:4:8 fonts.bold: `../fonts/Bold.ttf` is not a font that can be used: it is not a TrueType or OpenType font | "), "{}", problems[0]);
    assert!(problems[1].starts_with("content/brand.toml:5:10 fonts.italic: file `/fonts/Italic.ttf` not found | a path starting with / starts at the workspace "), "{}", problems[1]);

    fs::remove_file(ws.path("fonts/Bold.ttf")).unwrap();
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n[fonts]\nregular = \"/fonts/Regular.ttf\"\nbold_italic = \"/fonts/Regular.ttf\"\n",
    );
    let fonts = ws
        .load("content/handouts/knee.toml")
        .unwrap()
        .document
        .brand
        .fonts;
    let regular = ws.path("fonts/Regular.ttf").canonicalize().unwrap();
    let (Some(read), Some(bold_italic)) = (&fonts.regular, &fonts.bold_italic) else {
        panic!("regular and bold italic are named: {fonts:?}");
    };
    assert_eq!(read.path, regular);
    assert_eq!(&*read.data, &font[..], "the bytes are kept as read");
    assert!(
        Arc::ptr_eq(&read.data, &bold_italic.data),
        "one file named twice is read once"
    );
    assert_eq!(fonts.bold, None);
}

#[test]
fn a_font_that_parses_but_cannot_be_subset_is_a_content_error() {
    let ws = Workspace::new();
    let mut font = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/AtkinsonHyperlegible_400Regular.ttf"),
    )
    .unwrap();
    // Rename the `glyf` table to `glyg`, which keeps the table directory sorted: the face
    // still parses, but has no outlines the subsetter knows.
    let tables = usize::from(u16::from_be_bytes([font[4], font[5]]));
    let record = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&at| &font[at..at + 4] == b"glyf")
        .expect("a TrueType font has a glyf table");
    font[record + 3] = b'g';
    assert!(rustybuzz::ttf_parser::Face::parse(&font, 0).is_ok());
    ws.write_bytes("fonts/NoOutlines.ttf", &font);
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n[fonts]\nregular = \"/fonts/NoOutlines.ttf\"\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        ["content/brand.toml:3:11 fonts.regular: `/fonts/NoOutlines.ttf` is not a font that can be used: it has no letter shapes in a form handout can read (TrueType or CFF outlines): it is cut short, or not a whole font | use a TrueType (.ttf) or OpenType (.otf) font file"]
    );
}

#[test]
fn the_website_is_resolved_once_and_the_language_written_in_the_usual_case() {
    let ws = Workspace::new();
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\nwebsite = \"riverside.example:8080/physio\"\n",
    );
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\nlanguage = \"EN-gb\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n",
    );
    let doc = ws.load("content/handouts/knee.toml").unwrap().document;
    assert_eq!(
        doc.brand.website.as_deref(),
        Some("riverside.example:8080/physio")
    );
    assert_eq!(
        doc.brand.website_url.as_deref(),
        Some("https://riverside.example:8080/physio")
    );
    assert_eq!(doc.language, "en-GB");
}

#[test]
fn a_caption_or_name_that_would_print_as_nothing_is_refused() {
    let ws = Workspace::new();
    ws.write_bytes("images/squat.png", &png(2, 2));
    ws.write(
        "content/handouts/knee.toml",
        "title = \"\\u200B\"\n[[exercise]]\nname = \"Squat ![p](x)\"\nsteps = [\"Squat.\"]\n[[exercise.image]]\nfile = \"/images/squat.png\"\ncaption = \"![x](y)\"\nalt = \"Squatting\"\n",
    );
    let picture = "a picture can't go inside text | add it as an [[image]] with `file` and `alt`";
    assert_eq!(
        ws.problems("content/handouts/knee.toml"),
        [
            "content/handouts/knee.toml:1:9 title: the text has no visible characters, only invisible ones (U+200B) | write the text, or delete the `title` line".to_string(),
            format!("content/handouts/knee.toml:3:8 exercise[1].name: {picture}"),
            format!("content/handouts/knee.toml:7:11 exercise[1].image[1].caption: {picture}"),
        ]
    );
}

#[test]
fn a_workspace_check_reads_the_brand_and_every_exercise_used_or_not() {
    let ws = Workspace::new();
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\ntaglin = \"Keeping runners running\"\n",
    );
    ws.write("content/exercises/used.toml", SPLIT_SQUAT);
    ws.write(
        "content/exercises/broken.toml",
        "name = \"Broken\"\nsteps = [\"Up.\"\n",
    );
    ws.write(
        "content/exercises/unused.toml",
        "name = \"Unused\"\nsteps = [\"Up.\"]\nreps = \"a\"\n",
    );
    let problems = check_workspace(ws.dir.path(), &LoadOptions::default());
    let shown: Vec<String> = problems
        .iter()
        .map(|d| {
            let l = d.location.as_ref().unwrap();
            let file = l.file.strip_prefix(ws.dir.path()).unwrap();
            format!(
                "{}:{}:{} {}",
                file.display(),
                l.line.unwrap(),
                l.column.unwrap(),
                d.message
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            "content/brand.toml:2:1 unknown key `taglin`",
            "content/exercises/broken.toml:2:15 unclosed array, expected `]`",
            "content/exercises/unused.toml:3:8 expected a whole number, found a string",
        ]
    );
}

#[test]
fn a_handout_uses_the_library_s_edition_in_its_language() {
    let ws = Workspace::new();
    ws.write("content/exercises/split-squat.toml", SPLIT_SQUAT);
    ws.write(
        "content/exercises/split-squat.es.toml",
        "name = \"Sentadilla\"\nsteps = [\"Póngase de pie.\"]\nreps = 8\n",
    );
    ws.write(
        "content/exercises/clamshell.toml",
        "name = \"Clamshell\"\nsteps = [\"Lie on your side.\"]\n",
    );
    let handout = |language: &str| {
        format!(
            "title = \"Rodilla\"\nlanguage = \"{language}\"\n\
             [[exercise]]\nuse = \"split-squat\"\n[[exercise]]\nuse = \"clamshell\"\n"
        )
    };
    let names = |language: &str| -> Vec<String> {
        ws.write("content/handouts/knee.toml", &handout(language));
        let document = ws.load("content/handouts/knee.toml").unwrap().document;
        document.exercises.iter().map(|e| e.name.clone()).collect()
    };
    assert_eq!(names("es"), ["Sentadilla", "Clamshell"]);
    assert_eq!(names("es-MX"), ["Sentadilla", "Clamshell"]);
    assert_eq!(names("en"), ["Split squat", "Clamshell"]);
    assert_eq!(names("fr"), ["Split squat", "Clamshell"]);
    // An edition is its exercise's, not an exercise of its own.
    ws.write(
        "content/handouts/knee.toml",
        "title = \"Knee\"\n[[exercise]]\nuse = \"split-squat.es\"\n[[exercise]]\nuse = \"plank\"\n",
    );
    let problems = ws.problems("content/handouts/knee.toml");
    assert!(
        problems[0].contains("\"split-squat.es\" is not an exercise id"),
        "{problems:?}"
    );
    assert!(
        problems[1].ends_with("The library has clamshell, split-squat"),
        "{problems:?}"
    );
}

#[test]
fn the_brand_s_words_in_a_language_are_printed_on_handouts_in_it() {
    let ws = Workspace::new();
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\ntagline = \"Keeping runners running\"\n\
         disclaimer = \"General advice.\"\n\
         [labels]\nin_short = \"The main thing\"\n\
         [language.es]\ntagline = \"Para que sigan corriendo\"\n\
         [language.es.labels]\ntake-care = \"Cuidado\"\n",
    );
    ws.write("content/exercises/split-squat.toml", SPLIT_SQUAT);
    let brand_in = |language: &str| {
        ws.write(
            "content/handouts/knee.toml",
            &format!(
                "title = \"K\"\nlanguage = \"{language}\"\n[[exercise]]\nuse = \"split-squat\"\n"
            ),
        );
        ws.load("content/handouts/knee.toml").unwrap().document
    };
    let spanish = brand_in("es-MX");
    assert_eq!(
        spanish.brand.tagline.as_deref(),
        Some("Para que sigan corriendo")
    );
    assert_eq!(
        spanish.brand.disclaimer,
        brand_in("en").brand.disclaimer,
        "what a language leaves out is the brand's own"
    );
    assert_eq!(spanish.labels["take-care"], "Cuidado");
    assert_eq!(spanish.labels["in-short"], "The main thing");
    let french = brand_in("fr");
    assert_eq!(
        french.brand.tagline.as_deref(),
        Some("Keeping runners running")
    );
    assert!(!french.labels.contains_key("take-care"));
}

#[test]
fn the_brand_s_languages_are_checked() {
    let ws = Workspace::new();
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n[language.sp]\ntagline = \"Hola\"\n[language.fr]\ntaglin = \"Salut\"\n",
    );
    ws.write("content/exercises/split-squat.toml", SPLIT_SQUAT);
    ws.write(
        "content/handouts/knee.toml",
        "title = \"K\"\n[[exercise]]\nuse = \"split-squat\"\n",
    );
    let problems = ws.problems("content/handouts/knee.toml");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "content/brand.toml:2:1 language.sp: handouts cannot be written in the language \"sp\" | did you mean [language.es]?"
        ),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with(
            "content/brand.toml:5:1 language.fr.taglin: unknown key `taglin` | did you mean `tagline`?"
        ),
        "{problems:?}"
    );
}

/// A handout whose exercises are written standing, with no position, lying, sitting and
/// lying again, grouped by position or not.
fn handout_in_mixed_positions(group_by: &str) -> String {
    let mut text = format!("title = \"Knee\"\n{group_by}\n");
    for (name, position) in [
        ("Squat", Some("standing")),
        ("Walk", None),
        ("Bridge", Some("lying")),
        ("Knee lift", Some("sitting")),
        ("Clam", Some("lying")),
    ] {
        text.push_str(&format!(
            "\n[[exercise]]\nname = \"{name}\"\nsteps = [\"Go.\"]\n"
        ));
        if let Some(position) = position {
            text.push_str(&format!("position = \"{position}\"\n"));
        }
    }
    text
}

fn exercise_names(loaded: &Loaded) -> Vec<&str> {
    loaded
        .document
        .exercises
        .iter()
        .map(|exercise| exercise.name.as_str())
        .collect()
}

#[test]
fn exercises_grouped_by_position_go_from_the_floor_up_keeping_the_written_order() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        &handout_in_mixed_positions("group_by = \"position\""),
    );
    let loaded = ws.load("content/handouts/knee.toml").unwrap();
    assert_eq!(
        exercise_names(&loaded),
        ["Bridge", "Clam", "Knee lift", "Squat", "Walk"]
    );

    ws.write(
        "content/handouts/knee.toml",
        &handout_in_mixed_positions(""),
    );
    let loaded = ws.load("content/handouts/knee.toml").unwrap();
    assert_eq!(
        exercise_names(&loaded),
        ["Squat", "Walk", "Bridge", "Knee lift", "Clam"]
    );
}

#[test]
fn an_unknown_grouping_names_the_one_there_is() {
    let ws = Workspace::new();
    ws.write(
        "content/handouts/knee.toml",
        &handout_in_mixed_positions("group_by = \"height\""),
    );
    let problems = ws.problems("content/handouts/knee.toml");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("content/handouts/knee.toml:2:12 group_by"),
        "{problems:#?}"
    );
    assert!(problems[0].contains("\"position\""), "{problems:#?}");
}
