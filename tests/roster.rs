//! Rosters: one PDF per row, overrides on the right exercise, every row checked first.

mod common;

use common::{handout, page_text, sample_workspace};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const HANDOUT: &str = "content/handouts/inner-knee-pain.toml";

fn text_of(pdf: &std::path::Path) -> String {
    let pages = (1..=6).map(|page| page_text(pdf, page)).collect::<String>();
    pages.replace('\u{a0}', " ")
}

#[test]
fn each_row_gets_its_own_pdf_with_its_dosages_on_the_right_exercise() {
    let ws = sample_workspace();
    let roster = "\u{feff}name,note,split-squat.reps,single-leg-bridge.sets\n\
                  \"Aoife O’Brien\",\"Easy week, keep runs short\",6,2\n\
                  Sinéad Ní Bhriain,,,\n\
                  Jane Doe,,,\n\
                  Jane Doe,,9,\n";
    std::fs::write(ws.path().join("roster.csv"), roster).unwrap();
    let out = handout(
        ws.path(),
        &[
            "build",
            HANDOUT,
            "--roster",
            "roster.csv",
            "--clinician",
            "Dr Shah",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("4 handouts in"));
    let mut names: Vec<String> = std::fs::read_dir(ws.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "inner-knee-pain--aoife-obrien.pdf",
            "inner-knee-pain--jane-doe-2.pdf",
            "inner-knee-pain--jane-doe.pdf",
            "inner-knee-pain--sinead-ni-bhriain.pdf"
        ]
    );
    let aoife = text_of(&ws.path().join("out/inner-knee-pain--aoife-obrien.pdf"));
    assert!(
        aoife.contains("Prepared for Aoife O’Brien by Dr Shah"),
        "{aoife}"
    );
    assert!(aoife.contains("Easy week, keep runs short"));
    assert!(
        aoife.contains("How much: 2 sets × 8 reps"),
        "single leg bridge: 2 sets"
    );
    assert!(
        aoife.contains("How much: 3 sets × 10 reps"),
        "hamstring bridge unchanged"
    );
    assert!(
        aoife.contains("How much: 3 sets × 6 reps"),
        "split squat: 6 reps"
    );
    let sinead = text_of(&ws.path().join("out/inner-knee-pain--sinead-ni-bhriain.pdf"));
    assert!(sinead.contains("Prepared for Sinéad Ní Bhriain"));
    assert!(
        sinead.contains("How much: 3 sets × 8 reps"),
        "no override: the handout's own dosage"
    );
    let second_jane = text_of(&ws.path().join("out/inner-knee-pain--jane-doe-2.pdf"));
    assert!(
        second_jane.contains("3 sets × 9 reps"),
        "the second Jane Doe has her own row"
    );
}

#[test]
fn the_same_roster_gives_the_same_bytes() {
    let ws = sample_workspace();
    std::fs::write(
        ws.path().join("roster.csv"),
        "name,split-squat.reps\nAoife,7\nBrian,8\n",
    )
    .unwrap();
    let mut runs = Vec::new();
    for dir in ["a", "b"] {
        let out = handout(
            ws.path(),
            &["build", HANDOUT, "--roster", "roster.csv", "-o", dir],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        runs.push(std::fs::read(ws.path().join(dir).join("inner-knee-pain--brian.pdf")).unwrap());
    }
    assert!(runs[0] == runs[1]);
}

/// Rows are built in parallel, each thread reusing what earlier rows shaped, embedded
/// and deflated; none of that may show: every row's PDF is the one a build for that
/// recipient alone gives.
#[test]
fn a_rows_pdf_is_the_one_a_build_for_that_reader_alone_gives() {
    let ws = sample_workspace();
    let names = [
        "Aoife O’Brien",
        "Sinéad Ní Bhriain",
        "Jane Doe",
        "Zoë Łukasiewicz",
        "Brian Ó Dálaigh",
        "Anna-Lena Müller",
        "Kai",
        "Jane Doe",
    ];
    let mut csv = String::from("name\n");
    for name in names {
        csv.push_str(&format!("\"{name}\"\n"));
    }
    std::fs::write(ws.path().join("roster.csv"), csv).unwrap();
    let batch = handout(
        ws.path(),
        &["build", HANDOUT, "--roster", "roster.csv", "-o", "batch"],
    );
    assert_eq!(batch.status.code(), Some(0), "{}", stderr(&batch));
    let made: Vec<_> = std::fs::read_dir(ws.path().join("batch"))
        .unwrap()
        .collect();
    assert_eq!(made.len(), names.len());

    for (name, file) in [
        (
            "Sinéad Ní Bhriain",
            "inner-knee-pain--sinead-ni-bhriain.pdf",
        ),
        ("Zoë Łukasiewicz", "inner-knee-pain--zoe-lukasiewicz.pdf"),
        ("Kai", "inner-knee-pain--kai.pdf"),
    ] {
        let alone = handout(
            ws.path(),
            &["build", HANDOUT, "--patient", name, "-o", "alone"],
        );
        assert_eq!(alone.status.code(), Some(0), "{}", stderr(&alone));
        let alone = std::fs::read(ws.path().join("alone/inner-knee-pain.pdf")).unwrap();
        let from_batch = std::fs::read(ws.path().join("batch").join(file)).unwrap();
        assert!(
            alone == from_batch,
            "{name}: the roster's PDF differs from a single build"
        );
    }
}

#[test]
fn a_bad_row_stops_the_batch_with_its_row_and_column_and_writes_nothing() {
    let cases = [
        (
            "name,split-sqat.reps\nAoife,6\n",
            "roster.csv:1:6",
            "did you mean `split-squat.reps`?",
        ),
        (
            "name,split-squat.repz\nAoife,6\n",
            "roster.csv:1:6",
            "did you mean `split-squat.reps`?",
        ),
        (
            "name,split-squat.reps\nAoife,six\n",
            "roster.csv:2:7",
            "expected a whole number from 1 to 500, found `six`",
        ),
        (
            "name,split-squat.sets\nAoife,99\n",
            "roster.csv:2:7",
            "expected a whole number from 1 to 20",
        ),
        (
            "name,split-squat.each_side\nAoife,maybe\n",
            "roster.csv:2:7",
            "expected yes or no",
        ),
        (
            "name,note\nAoife,ok\n,no name here\n",
            "roster.csv:3:1",
            "the name is empty",
        ),
        (
            "patient,note\nAoife,ok\n",
            "roster.csv:1:1",
            "the roster has no `name` column",
        ),
        (
            "name,date\nAoife,25/11/2026\n",
            "roster.csv:2:7",
            "is not a date",
        ),
        (
            "name,note\nAoife\n",
            "roster.csv:2:1",
            "this row has 1 cells",
        ),
        (
            "name,note\nAoife,\"Rest \u{202E}well\"\n",
            "roster.csv:2:7",
            "the text contains the direction control U+202E, which would show the text in \
             another order than it is written",
        ),
        (
            "name,clinician\n\"Ao\u{7}ife\",Dr Shah\n",
            "roster.csv:2:1",
            "the text contains the control character U+0007",
        ),
    ];
    for (roster, place, message) in cases {
        let ws = sample_workspace();
        std::fs::write(ws.path().join("roster.csv"), roster).unwrap();
        let out = handout(ws.path(), &["build", HANDOUT, "--roster", "roster.csv"]);
        assert_eq!(out.status.code(), Some(1), "{roster}");
        let report = stderr(&out);
        assert!(report.contains(place), "{roster}: {report}");
        assert!(report.contains(message), "{roster}: {report}");
        assert!(
            !ws.path().join("out").exists(),
            "{roster}: a PDF was written"
        );
    }
}

#[test]
fn a_damaged_picture_stops_the_roster_once_before_any_row() {
    let ws = sample_workspace();
    let damaged = common::repo().join("tests/fixtures/images/bad-data.png");
    let picture = ws.path().join("images/exercises/split-squat-end.png");
    std::fs::copy(damaged, picture).unwrap();
    std::fs::write(ws.path().join("roster.csv"), "name\nAoife\nSinéad\nJane\n").unwrap();
    let out = handout(ws.path(), &["build", HANDOUT, "--roster", "roster.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let report = stderr(&out);
    // Once for each file that names it: the exercise and its Spanish edition.
    assert_eq!(
        report.matches("can't be read as a picture").count(),
        2,
        "{report}"
    );
    for file in [
        "content/exercises/split-squat.toml",
        "content/exercises/split-squat.es.toml",
    ] {
        let place = common::place(ws.path(), file, "\"/images/exercises/split-squat-end.png\"");
        assert!(report.contains(&place), "{report}");
    }
    assert!(!report.contains("row on line"), "{report}");
    assert!(!ws.path().join("out").exists(), "a PDF was written");
}

#[test]
fn a_roster_goes_with_exactly_one_handout() {
    let ws = sample_workspace();
    std::fs::write(ws.path().join("roster.csv"), "name\nAoife\n").unwrap();
    let out = handout(
        ws.path(),
        &["build", HANDOUT, HANDOUT, "--roster", "roster.csv"],
    );
    assert_eq!(out.status.code(), Some(2));
    let missing = handout(ws.path(), &["build", HANDOUT, "--roster", "nope.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("--roster nope.csv does not exist"),
        "{}",
        stderr(&missing)
    );
    let folder = handout(ws.path(), &["build", HANDOUT, "--roster", "content"]);
    assert_eq!(folder.status.code(), Some(2));
    assert!(stderr(&folder).contains("--roster content is not a file; --roster takes a CSV file"));
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What European Excel saves as "CSV": a byte order mark, semicolons, CRLF line ends and
/// column names as typed.
#[test]
fn a_spreadsheets_roster_is_read_as_it_was_saved() {
    let ws = sample_workspace();
    let roster = "\u{feff}Name;Note;Split-Squat.Reps\r\nAoife O’Brien;Easy week, 5,5 km at most;6\r\nBrian;;\r\n";
    std::fs::write(ws.path().join("squad.csv"), roster).unwrap();
    let out = handout(ws.path(), &["build", HANDOUT, "--roster", "squad.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    let listed: Vec<&str> = said.lines().collect();
    assert_eq!(listed.len(), 3, "{said}");
    assert!(
        listed[0].starts_with("out/inner-knee-pain--aoife-obrien.pdf: ")
            && listed[1].starts_with("out/inner-knee-pain--brian.pdf: ")
            && listed[2].starts_with("2 handouts in "),
        "each PDF written, then how many: {said}"
    );
    let aoife = text_of(&ws.path().join("out/inner-knee-pain--aoife-obrien.pdf"));
    assert!(aoife.contains("Easy week, 5,5 km at most"), "{aoife}");
    assert!(aoife.contains("How much: 3 sets × 6 reps"), "{aoife}");
}

#[test]
fn a_bad_cell_of_a_crlf_roster_is_pointed_at_on_its_own_line() {
    let ws = sample_workspace();
    let roster = "name,split-squat.reps\r\nAoife,6\r\nBrian,six\r\n";
    std::fs::write(ws.path().join("squad.csv"), roster).unwrap();
    for command in ["build", "check"] {
        let out = handout(ws.path(), &[command, HANDOUT, "--roster", "squad.csv"]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let report = stderr(&out);
        assert!(report.contains("--> squad.csv:3:7"), "{command}: {report}");
        assert!(report.contains("found `six`"), "{command}: {report}");
    }
    assert!(!ws.path().join("out").exists());
}

#[test]
fn check_reads_every_row_of_a_roster_and_writes_nothing() {
    let ws = sample_workspace();
    std::fs::write(
        ws.path().join("squad.csv"),
        "name,split-squat.note\nAoife,Left leg only\nBrian,\n",
    )
    .unwrap();
    let out = handout(ws.path(), &["check", HANDOUT, "--roster", "squad.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        format!("squad.csv: ok, 2 rows for {HANDOUT}")
    );
    assert!(!ws.path().join("out").exists());
}

/// A coach's note for one person on one exercise reaches that person's copy, and only it.
#[test]
fn an_exercise_note_of_a_row_is_in_that_recipients_document() {
    let ws = sample_workspace();
    let path = ws.path().join("squad.csv");
    std::fs::write(
        &path,
        "name,Split-Squat.Note\nAoife,Left leg only this week\nBrian,\n",
    )
    .unwrap();
    let options = handout::BuildOptions::default();
    let prepared = handout::prepare(&ws.path().join(HANDOUT), &options).unwrap();
    let roster = handout::roster::read(&path, &prepared.document, &prepared.personalizer).unwrap();
    let copies: Vec<_> = roster
        .rows
        .iter()
        .map(|row| {
            prepared
                .personalizer
                .personalize(&prepared.document, &row.personalization)
                .unwrap()
                .document
        })
        .collect();
    let note = |copy: &handout::model::Document, id: &str| {
        let exercise = copy.exercises.iter().find(|e| e.id.as_deref() == Some(id));
        exercise.unwrap().note.clone()
    };
    assert_eq!(
        note(&copies[0], "split-squat").as_deref(),
        Some("Left leg only this week")
    );
    assert_eq!(note(&copies[0], "hamstring-bridge"), None);
    assert_eq!(
        note(&copies[1], "split-squat"),
        None,
        "an empty cell: no note"
    );
}

#[test]
fn very_long_names_give_file_names_that_fit_and_stay_apart() {
    let ws = sample_workspace();
    let long = "Maximiliana Wolfeschlegelsteinhausenbergerdorff ".repeat(8);
    let roster = format!("name\n{long} Senior\n{long} Junior\n{long}\n");
    std::fs::write(ws.path().join("squad.csv"), roster).unwrap();
    let out = handout(ws.path(), &["build", HANDOUT, "--roster", "squad.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(ws.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    for name in &names {
        assert!(name.len() <= 255, "{} bytes: {name}", name.len());
        assert!(
            name.starts_with("inner-knee-pain--maximiliana-wolfeschlegelsteinhausenbergerdorff-"),
            "{name}"
        );
        assert!(!name.contains("--."), "cut at a word: {name}");
    }
}

#[test]
fn an_exercise_written_in_place_is_named_by_its_name() {
    let ws = common::clinic_workspace();
    // "Cat–cow" is written in place in the handout; glute-bridge comes from the library.
    std::fs::write(
        ws.path().join("r.csv"),
        "name,cat-cow.reps,glute-bridge.sets\nSam,4,5\n",
    )
    .unwrap();
    let out = handout(
        ws.path(),
        &[
            "build",
            "content/handouts/low-back-pain.toml",
            "--roster",
            "r.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = ws.path().join("out/low-back-pain--sam.pdf");
    let text: String = (1..=3)
        .map(|p| page_text(&pdf, p))
        .collect::<String>()
        .replace('\u{a0}', " ");
    assert!(text.contains("How much: 4 reps"), "{text}");
    assert!(text.contains("How much: 5 sets × 8 reps"), "{text}");
}
