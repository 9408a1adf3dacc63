//! The command line as a user runs it: files written, messages, exit codes.

mod common;

use std::path::Path;

use common::{handout, place, sample_workspace};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn break_file(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn build_with_no_arguments_writes_every_handout_of_the_workspace() {
    let ws = sample_workspace();
    let out = handout(ws.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = std::fs::read(ws.path().join("out/inner-knee-pain.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("out/inner-knee-pain.pdf"));
}

#[test]
fn out_and_patient_flags_name_the_folder_and_the_reader() {
    let ws = sample_workspace();
    let out = handout(
        ws.path(),
        &[
            "build",
            "content/handouts/inner-knee-pain.toml",
            "-o",
            "for-aoife",
            "--patient",
            "Aoife O’Brien",
            "--clinician",
            "Dr Shah",
            "--date",
            "2026-11-25",
            "--note",
            "Start with the bridges.",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = ws.path().join("for-aoife/inner-knee-pain.pdf");
    let first = common::page_text(&pdf, 1);
    assert!(
        first.contains("Prepared for Aoife O’Brien by Dr Shah on 25 November 2026"),
        "{first}"
    );
    assert!(first.contains("Start with the bridges."), "{first}");
}

#[test]
fn a_content_error_exits_1_with_its_place_and_a_fix_and_writes_nothing() {
    let ws = sample_workspace();
    let file = ws.path().join("content/handouts/inner-knee-pain.toml");
    break_file(&file, "subtitle =", "subtitel =");
    let line = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("subtitel"))
        .unwrap()
        + 1;
    let out = handout(ws.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains(&format!("content/handouts/inner-knee-pain.toml:{line}:1")),
        "{message}"
    );
    assert!(message.contains("unknown key `subtitel`"), "{message}");
    assert!(message.contains("did you mean `subtitle`?"), "{message}");
    assert!(
        !ws.path().join("out/inner-knee-pain.pdf").exists(),
        "no PDF for a handout that failed"
    );
}

#[test]
fn a_failed_build_leaves_the_earlier_good_pdf_untouched() {
    let ws = sample_workspace();
    assert_eq!(handout(ws.path(), &["build"]).status.code(), Some(0));
    let pdf = ws.path().join("out/inner-knee-pain.pdf");
    let good = std::fs::read(&pdf).unwrap();
    break_file(
        &ws.path().join("content/exercises/split-squat.toml"),
        "sets = 3",
        "sets = -3",
    );
    let out = handout(ws.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/exercises/split-squat.toml:"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), good);
    let mut left: Vec<String> = std::fs::read_dir(ws.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["inner-knee-pain.es.pdf", "inner-knee-pain.pdf"],
        "no temporary file is left behind"
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let ws = sample_workspace();
    let handout_file = ws.path().join("content/handouts/inner-knee-pain.toml");
    break_file(&handout_file, "urgency = \"soon\"", "urgency = \"later\"");
    break_file(
        &handout_file,
        "use = \"split-squat\"",
        "use = \"split-sqat\"",
    );
    break_file(
        &ws.path().join("content/brand.toml"),
        "primary = \"#0F6E6E\"",
        "primary = \"teal\"",
    );
    let out = handout(ws.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.contains("urgency"), "{message}");
    assert!(message.contains("split-squat"), "{message}");
    assert!(message.contains("content/brand.toml:"), "{message}");
}

/// Copies the fixture whose pixel data is damaged (its checksums are sound, so only
/// decoding finds it) over two of the sample's pictures.
fn damage_two_pictures(workspace: &Path) {
    let damaged = common::repo().join("tests/fixtures/images/bad-data.png");
    for picture in ["split-squat-end.png", "hamstring-bridge-start.png"] {
        std::fs::copy(&damaged, workspace.join("images/exercises").join(picture)).unwrap();
    }
}

#[test]
fn every_picture_damaged_inside_is_reported_where_it_is_named() {
    let ws = sample_workspace();
    damage_two_pictures(ws.path());
    for command in ["build", "check"] {
        let out = handout(ws.path(), &[command]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let report = stderr(&out);
        for (file, picture, key) in [
            ("split-squat", "split-squat-end", "image[2].file"),
            (
                "hamstring-bridge",
                "hamstring-bridge-start",
                "image[1].file",
            ),
        ] {
            let file = format!("content/exercises/{file}.toml");
            let written = format!("\"/images/exercises/{picture}.png\"");
            let place = place(ws.path(), &file, &written);
            assert!(report.contains(&place), "{command}: {report}");
            assert!(report.contains(key), "{command}: {report}");
        }
        // The Spanish editions of the two exercises name the same pictures.
        assert_eq!(report.matches("can't be read as a picture").count(), 4);
        assert!(!ws.path().join("out").exists(), "{command} wrote a PDF");
    }
}

#[test]
fn check_reports_without_writing() {
    let ws = sample_workspace();
    let out = handout(ws.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!ws.path().join("out").exists());
}

#[test]
fn usage_and_io_errors_exit_2() {
    let ws = sample_workspace();
    assert_eq!(
        handout(ws.path(), &["build", "--paper", "a3"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        handout(ws.path(), &["build", "--date", "25/11/2026"])
            .status
            .code(),
        Some(2)
    );
    let missing = handout(ws.path(), &["build", "content/handouts/nope.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.toml does not exist"));
    let empty = tempfile::tempdir().unwrap();
    let outside = handout(empty.path(), &["build"]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(stderr(&outside).contains("no content/handouts folder here"));
}

#[test]
fn an_output_path_that_is_a_file_is_an_io_error() {
    let ws = sample_workspace();
    std::fs::write(ws.path().join("taken"), b"not a folder").unwrap();
    let out = handout(ws.path(), &["build", "-o", "taken"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("taken is a file"), "{}", stderr(&out));
}

#[test]
fn new_writes_starting_files_that_build_and_never_overwrite() {
    let ws = sample_workspace();
    let out = handout(ws.path(), &["new", "handout", "ankle-sprain"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = handout(ws.path(), &["new", "exercise", "calf-raise"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let handout_file = ws.path().join("content/handouts/ankle-sprain.toml");
    assert!(std::fs::read_to_string(&handout_file)
        .unwrap()
        .contains("title = \"Ankle sprain\""));
    // The new exercise is usable from a handout as it stands.
    break_file(
        &handout_file,
        "[[exercise]]                   # or",
        "[[exercise]]\nuse = \"calf-raise\"\n\n[[exercise]]                   # or",
    );
    let check = handout(ws.path(), &["check", "content/handouts/ankle-sprain.toml"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));

    let again = handout(ws.path(), &["new", "handout", "ankle-sprain"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"));
    let bad = handout(ws.path(), &["new", "exercise", "Calf Raise"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn blank_or_control_character_details_are_refused() {
    let ws = sample_workspace();
    for args in [["--patient", "  "], ["--clinician", ""]] {
        let out = handout(ws.path(), &["build", args[0], args[1]]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    // The messages a content file gets for the same characters.
    for (flag, text, message) in [
        (
            "--note",
            "Rest\u{7} well",
            "the text contains the control character U+0007",
        ),
        (
            "--clinician",
            "Dr \u{202E}hahS",
            "the text contains the direction control U+202E, which would show the text in \
             another order than it is written",
        ),
        (
            "--patient",
            "Aoife\u{2066}",
            "the text contains the direction control U+2066",
        ),
    ] {
        let out = handout(ws.path(), &["check", flag, text]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(
            stderr(&out).contains(&format!("`{flag}`: {message}")),
            "{}",
            stderr(&out)
        );
    }
    assert!(!ws.path().join("out").exists());
}

#[test]
fn two_handouts_with_one_pdf_name_are_refused_by_check_too() {
    let ws = sample_workspace();
    let other = ws.path().join("content/handouts/more");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(
        ws.path().join("content/handouts/inner-knee-pain.toml"),
        other.join("inner-knee-pain.toml"),
    )
    .unwrap();
    for command in ["check", "build"] {
        let out = handout(ws.path(), &[command]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(
            stderr(&out).contains("would both write inner-knee-pain.pdf"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn new_needs_an_existing_workspace_folder() {
    let ws = sample_workspace();
    let out = handout(
        ws.path(),
        &["new", "handout", "shin-splints", "--root", "no-such-folder"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!ws.path().join("no-such-folder").exists());
}

#[test]
fn schema_prints_a_json_schema_of_the_three_file_kinds() {
    let ws = sample_workspace();
    let out = handout(ws.path(), &["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for kind in ["brand", "handout", "exercise"] {
        assert!(schema["$defs"][kind]["properties"].is_object(), "{kind}");
    }
}

/// `handout schema | head -1` and the like: output that nobody reads any more is no
/// reason to fail, and never a panic.
#[test]
fn a_closed_output_pipe_is_not_a_failure() {
    let ws = sample_workspace();
    for args in [
        &["schema"][..],
        &["build"],
        &["check"],
        &["completions", "zsh"],
        &["man"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_handout"))
            .args(args)
            .current_dir(ws.path())
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{args:?}");
    }
}

#[test]
fn check_reports_every_problem_of_the_whole_workspace_at_once() {
    let ws = sample_workspace();
    let root = ws.path();
    break_file(
        &root.join("content/exercises/split-squat.toml"),
        "sets = 3",
        "sets = = 3",
    );
    break_file(&root.join("content/brand.toml"), "tagline =", "taglin =");
    std::fs::write(
        root.join("content/exercises/unused.toml"),
        "name = \"Unused\"\nsteps = [\"Stand.\"]\nreps = \"a\"\n",
    )
    .unwrap();
    break_file(
        &root.join("content/handouts/inner-knee-pain.toml"),
        "use = \"hamstring-bridge\"",
        "use = \"hamstring-bridg\"",
    );
    let out = handout(root, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let report = stderr(&out);
    let syntax = place(root, "content/exercises/split-squat.toml", "= 3");
    let expected = [
        (syntax.as_str(), "split-squat.toml"),
        (
            &place(root, "content/brand.toml", "taglin"),
            "unknown key `taglin`",
        ),
        (
            &place(root, "content/exercises/unused.toml", "\"a\""),
            "`reps`: expected a whole number, found a string",
        ),
        (
            &place(
                root,
                "content/handouts/inner-knee-pain.toml",
                "\"hamstring-bridg\"",
            ),
            "unknown exercise \"hamstring-bridg\"",
        ),
    ];
    for (place, message) in expected {
        assert!(report.contains(place), "{place} in:\n{report}");
        assert!(report.contains(message), "{message} in:\n{report}");
    }
    assert_eq!(
        report.matches("unknown key `taglin`").count(),
        1,
        "each problem once"
    );
}

#[test]
fn a_workspace_or_its_content_folder_stands_for_its_handouts() {
    let ws = sample_workspace();
    for folder in [".", "content", "content/handouts"] {
        let out = handout(ws.path(), &["check", folder]);
        assert_eq!(out.status.code(), Some(0), "{folder}: {}", stderr(&out));
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        assert_eq!(said.lines().count(), 2, "{folder}: {said}");
        for handout in ["inner-knee-pain.toml: ok", "inner-knee-pain.es.toml: ok"] {
            assert!(said.contains(handout), "{folder}: {said}");
        }
        let built = handout(ws.path(), &["build", folder, "-o", "built"]);
        assert_eq!(built.status.code(), Some(0), "{folder}: {}", stderr(&built));
        let mut pdfs: Vec<_> = std::fs::read_dir(ws.path().join("built"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        pdfs.sort();
        assert_eq!(
            pdfs,
            ["inner-knee-pain.es.pdf", "inner-knee-pain.pdf"],
            "{folder}"
        );
    }
}

#[test]
fn the_brand_or_an_exercise_given_as_a_handout_is_answered_by_what_it_is() {
    let ws = sample_workspace();
    for (given, what) in [
        ("content/brand.toml", "is the brand file"),
        ("content/exercises/split-squat.toml", "is an exercise file"),
        ("content/exercises", "holds the exercise library"),
    ] {
        let out = handout(ws.path(), &["check", given]);
        assert_eq!(out.status.code(), Some(2), "{given}");
        let message = stderr(&out);
        assert!(message.contains(what), "{given}: {message}");
        assert!(
            message.contains("handouts live in content/handouts"),
            "{message}"
        );
    }
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The first thing a new user runs: a workspace that builds as it is.
#[test]
fn init_makes_a_workspace_that_builds_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = handout(dir.path(), &["init", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let built = handout(dir.path(), &["build"]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    // The only warnings are reminders to put the clinic's own name and the author's in.
    let warnings = stderr(&built);
    let said: Vec<&str> = warnings
        .lines()
        .filter(|l| l.starts_with("warning"))
        .collect();
    assert_eq!(said.len(), 2, "{warnings}");
    assert!(said
        .iter()
        .all(|w| w.ends_with("is sample text, left to be replaced")));
    let pdf = std::fs::read(dir.path().join("out/runners-knee.pdf")).unwrap();
    common::keep("init", &pdf);
    let text = common::page_text(&dir.path().join("out/runners-knee.pdf"), 2);
    assert!(text.contains("Wall sit"), "{text}");
    let ignored = std::fs::read_to_string(dir.path().join(".gitignore")).unwrap();
    assert!(ignored.lines().any(|line| line == "out/"), "{ignored}");

    let again = handout(dir.path(), &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("is a workspace already"));
}

#[test]
fn init_makes_the_folder_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = handout(dir.path(), &["init", "clinic/new"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("cd clinic/new && handout build"));
    let built = handout(&dir.path().join("clinic/new"), &["check"]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
}

/// A build from anywhere writes into the workspace's out/, as one from its top does.
#[test]
fn pdfs_go_to_the_workspaces_out_folder_wherever_the_build_runs() {
    let ws = sample_workspace();
    let handouts = ws.path().join("content/handouts");
    let out = handout(&handouts, &["build", "inner-knee-pain.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(ws.path().join("out/inner-knee-pain.pdf").is_file());
    assert!(!handouts.join("out").exists());

    let elsewhere = tempfile::tempdir().unwrap();
    let root = ws.path().to_str().unwrap();
    let out = handout(elsewhere.path(), &["build", "--root", root, "-o", "here"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        elsewhere.path().join("here/inner-knee-pain.pdf").is_file(),
        "--root finds the handouts, -o says where they go"
    );
    assert!(
        stdout(&out)
            .lines()
            .any(|line| line.starts_with("here/inner-knee-pain.pdf: ")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn one_page_and_one_handout_are_said_in_the_singular() {
    let ws = sample_workspace();
    std::fs::write(
        ws.path().join("content/handouts/short.toml"),
        "title = \"Short\"\n[[exercise]]\nname = \"Stand\"\nsteps = [\"Stand up.\"]\n",
    )
    .unwrap();
    let out = handout(ws.path(), &["build", "content/handouts/short.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "out/short.pdf: 1 page\n");
    std::fs::write(ws.path().join("one.csv"), "name\nAoife\n").unwrap();
    let out = handout(
        ws.path(),
        &[
            "build",
            "content/handouts/short.toml",
            "--roster",
            "one.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with("out/short--aoife.pdf: 1 page\n1 handout in "),
        "{said}"
    );
}

#[test]
fn paper_is_taken_in_any_letter_case_on_the_command_line_as_in_the_brand() {
    let ws = sample_workspace();
    for paper in ["A4", "Letter", "a4"] {
        let out = handout(ws.path(), &["check", "--paper", paper]);
        assert_eq!(out.status.code(), Some(0), "{paper}: {}", stderr(&out));
    }
}

#[test]
fn help_gives_examples_and_each_default_once() {
    let ws = sample_workspace();
    let help = stdout(&handout(ws.path(), &["--help"]));
    assert!(help.contains("Examples:"), "{help}");
    for command in ["init", "watch", "completions"] {
        assert!(help.contains(command), "{command}: {help}");
    }
    let new = stdout(&handout(ws.path(), &["new", "--help"]));
    assert_eq!(new.matches("default").count(), 1, "{new}");
}

/// What a shell needs of a completion script: the commands and flags, hooked up to the
/// `handout` command. (`.ci/run` has bash itself read the bash script.)
#[test]
fn completions_name_every_command_for_each_shell() {
    let ws = sample_workspace();
    for (shell, hook) in [
        ("bash", "complete -F _handout"),
        ("zsh", "#compdef handout"),
        ("fish", "complete -c handout"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = handout(ws.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(hook), "{shell}: {script}");
        for word in [
            "build",
            "check",
            "init",
            "watch",
            "roster",
            "paper",
            "large-print",
        ] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let out = handout(ws.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_prints_a_manual_page() {
    let ws = sample_workspace();
    let out = handout(ws.path(), &["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH handout 1"), "{page}");
    assert!(page.contains("Examples:"), "{page}");
}

/// One sentence of dense medical prose, far above school grade 8.
const DENSE: &str = "Patellofemoral pain syndrome, characterised by diffuse retropatellar \
    discomfort exacerbated by prolonged flexion, frequently necessitates comprehensive \
    biomechanical evaluation and individualised progressive rehabilitation programmes.";

/// A copy of the sample whose closing is the dense sentence.
fn with_hard_closing() -> tempfile::TempDir {
    with_closing(DENSE)
}

/// A copy of the sample whose closing text is `closing`.
fn with_closing(closing: &str) -> tempfile::TempDir {
    let ws = sample_workspace();
    let file = ws.path().join("content/handouts/inner-knee-pain.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let at = text.find("[closing]").unwrap();
    let start = at + text[at..].find("text = ").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    let written = format!("{}text = \"{closing}\"{}", &text[..start], &text[end..]);
    std::fs::write(&file, written).unwrap();
    ws
}

#[test]
fn the_sample_checks_without_a_warning_even_when_strict() {
    let ws = sample_workspace();
    let out = handout(ws.path(), &["check", "--strict"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_hard_paragraph_is_warned_with_its_section_grade_and_sentence_and_fails_when_strict() {
    let ws = with_hard_closing();
    let out = handout(ws.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "warnings alone pass");
    let message = stderr(&out);
    let warning = message
        .split("\n\n")
        .find(|w| w.contains("reads at school grade"))
        .unwrap_or_else(|| panic!("no reading level in {message}"));
    assert!(
        warning
            .starts_with("warning: `closing`: the closing “Final thoughts” reads at school grade"),
        "{warning}"
    );
    let grade: f64 = warning
        .split("school grade ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|grade| grade.parse().ok())
        .expect("a grade");
    assert!(grade >= 20.0, "{warning}");
    let sentence = DENSE.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(warning.contains(&format!("“{sentence}”")), "{warning}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("inner-knee-pain.toml: ok"));

    let strict = handout(ws.path(), &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    let message = stderr(&strict);
    assert!(
        message.contains("error: `closing`: the closing “Final thoughts” reads at school grade"),
        "{message}"
    );
    assert!(!message.contains("warning:"), "{message}");
    assert!(!String::from_utf8_lossy(&strict.stdout).contains("inner-knee-pain.toml: ok"));
}

#[test]
fn a_light_grey_brand_colour_is_warned_about_and_fails_when_strict() {
    let ws = sample_workspace();
    let brand = ws.path().join("content/brand.toml");
    break_file(&brand, "primary = \"#0F6E6E\"", "primary = \"#D0D0D0\"");
    let line = place(ws.path(), "content/brand.toml", "\"#D0D0D0\"");
    let out = handout(ws.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains("warning: `colors.primary`: headings, links and step numbers on white (#D0D0D0 on #FFFFFF) read at"),
        "{message}"
    );
    assert!(
        message.contains("the renderer prints them in #"),
        "{message}"
    );
    assert!(message.contains(&format!("--> {line}")), "{message}");

    let strict = handout(ws.path(), &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).contains("error: `colors.primary`"));
}

#[test]
fn a_roster_checked_as_json_prints_nothing_but_json() {
    let ws = with_hard_closing();
    std::fs::write(ws.path().join("squad.csv"), "name\nAoife\n").unwrap();
    let out = handout(
        ws.path(),
        &[
            "check",
            "content/handouts/inner-knee-pain.toml",
            "--roster",
            "squad.csv",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|e| panic!("{line:?} is not JSON: {e}"));
    }
}

#[test]
fn json_output_is_one_object_a_line_with_every_field() {
    let ws = with_hard_closing();
    let out = handout(ws.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "everything goes to standard output");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.len() >= 4, "{stdout}");
    for line in &lines {
        let object: serde_json::Value = serde_json::from_str(line).expect("a line of JSON");
        let fields = object.as_object().expect("an object");
        for field in [
            "file", "line", "column", "key", "severity", "message", "hint", "repeats",
        ] {
            assert!(fields.contains_key(field), "{field} missing in {line}");
        }
        assert_eq!(fields["file"], "content/handouts/inner-knee-pain.toml");
        assert_eq!(fields["severity"], "warning");
        assert!(
            fields["line"].is_u64() && fields["column"].is_u64(),
            "{line}"
        );
    }
    let grade = lines
        .iter()
        .find(|l| l.contains("reads at school grade"))
        .expect("the reading level");
    let object: serde_json::Value = serde_json::from_str(grade).unwrap();
    assert_eq!(object["key"], "closing");

    let strict = handout(ws.path(), &["check", "--format", "json", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    let stdout = String::from_utf8(strict.stdout).unwrap();
    assert!(stdout
        .lines()
        .all(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["severity"] == "error"));
}

#[test]
fn a_jargon_word_used_twelve_times_is_warned_once_at_its_first_use() {
    let ws = with_closing(&"Ice the inflamed knee. ".repeat(12));
    let first = place(
        ws.path(),
        "content/handouts/inner-knee-pain.toml",
        "inflamed",
    );
    let out = handout(ws.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = stderr(&out);
    let warnings: Vec<&str> = message
        .split("\n\n")
        .filter(|w| w.contains("inflamed"))
        .collect();
    assert_eq!(warnings.len(), 1, "{message}");
    assert!(
        warnings[0].starts_with(
            "warning: `closing.text`: “inflamed” is a word many readers do not know; \
             also used 11 more times in this file"
        ),
        "{message}"
    );
    assert!(warnings[0].contains(&format!("--> {first}")), "{message}");

    let json = handout(ws.path(), &["check", "--format", "json"]);
    let stdout = String::from_utf8(json.stdout).unwrap();
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .filter(|object: &serde_json::Value| {
            object["message"].as_str().unwrap().contains("inflamed")
        })
        .collect();
    assert_eq!(objects.len(), 1, "{stdout}");
    assert_eq!(objects[0]["repeats"], 11);
    let (line, column) = (&objects[0]["line"], &objects[0]["column"]);
    assert!(
        first.ends_with(&format!(":{line}:{column}")),
        "{first}: {stdout}"
    );

    let strict = handout(ws.path(), &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).contains("error: `closing.text`: “inflamed”"));
}
