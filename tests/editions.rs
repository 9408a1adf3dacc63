//! The sheet and the log: one page for the fridge and a tick-box log, laid out, tagged and
//! written beside the other editions.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use handout::content::{Given, LoadOptions, Personalization};
use handout::layout::{ElementId, Item, Mark, PagedLayout, Placed, Role, Scope, Structure};
use handout::model::{Date, Edition, Paper};
use handout::BuildOptions;

use common::*;

const LOG: Edition = Edition::Log { weeks: 2 };

fn fixture(name: &str) -> PathBuf {
    repo().join(format!(
        "tests/fixtures/home-program/content/handouts/{name}.toml"
    ))
}

fn spanish() -> PathBuf {
    repo().join("content/handouts/inner-knee-pain.es.toml")
}

fn options(edition: Edition, paper: Paper) -> BuildOptions {
    BuildOptions {
        load: LoadOptions {
            paper: Some(paper),
            ..LoadOptions::default()
        },
        edition,
        ..BuildOptions::default()
    }
}

fn dated(edition: Edition, date: Date) -> BuildOptions {
    BuildOptions {
        personalization: Personalization {
            date: Some(date),
            ..Personalization::default()
        },
        ..options(edition, Paper::A4)
    }
}

fn lay_out(handout: &Path, options: &BuildOptions) -> PagedLayout {
    handout::lay_out(handout, options)
        .unwrap_or_else(|e| panic!("{}: {e}", handout.display()))
        .0
}

/// Each text run: its page (from 0), its size and its text.
fn runs(layout: &PagedLayout) -> Vec<(usize, f32, String)> {
    let mut runs = Vec::new();
    for (page, p) in layout.pages.iter().enumerate() {
        for placed in &p.items {
            if let Item::Text(run) = &placed.item {
                runs.push((page, run.style.size, run.text()));
            }
        }
    }
    runs
}

/// The words of page `page` (from 0), one space apart.
fn page_words(layout: &PagedLayout, page: usize) -> String {
    let text: Vec<String> = runs(layout)
        .into_iter()
        .filter(|(on, ..)| *on == page)
        .map(|(.., text)| text)
        .collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn assert_text_at_least_12_pt(layout: &PagedLayout, what: &str) {
    for (page, size, text) in runs(layout) {
        assert!(size >= 12.0, "{what} p{}: {text:?} at {size} pt", page + 1);
    }
}

#[test]
fn the_sheet_is_one_page_with_every_exercise_and_its_dosage_at_12_pt_or_more() {
    for (handout, paper) in [
        (sample(), Paper::A4),
        (sample(), Paper::Letter),
        (spanish(), Paper::A4),
        (spanish(), Paper::Letter),
    ] {
        let what = format!("{} {paper:?}", handout.display());
        let layout = lay_out(&handout, &options(Edition::Sheet, paper));
        assert_eq!(layout.pages.len(), 1, "{what}");
        assert!(layout.warnings.is_empty(), "{what}: {}", layout.warnings);
        assert_text_at_least_12_pt(&layout, &what);
        let text = page_words(&layout, 0);
        let (doc, words) = document(&handout);
        assert!(text.contains(&doc.title), "{what}");
        for exercise in &doc.exercises {
            assert!(text.contains(&exercise.name), "{what}: {}", exercise.name);
            for part in words.dosage(&exercise.dosage) {
                assert!(
                    text.contains(&part),
                    "{what}: {part:?} of {}",
                    exercise.name
                );
            }
        }
        for flag in &doc.red_flags {
            assert!(text.contains(&flag.name), "{what}: {}", flag.name);
        }
        // The pain rule, with each light named, when the exercises still fit with it.
        for key in [
            "pain-rule-title",
            "pain-light-green",
            "pain-light-amber",
            "pain-light-red",
        ] {
            assert!(text.contains(&words.text(key)), "{what}: {key}");
        }
    }
}

#[test]
fn the_pain_rule_never_pushes_the_sheets_rows_into_two_columns() {
    for handout in [sample(), spanish()] {
        for paper in [Paper::A4, Paper::Letter] {
            for options in [
                options(Edition::Sheet, paper),
                with_note(Edition::Sheet, paper, NOTE),
            ] {
                let layout = lay_out(&handout, &options);
                let widths: Vec<f32> = layout.pages[0]
                    .items
                    .iter()
                    .filter_map(|placed| match &placed.item {
                        Item::Image { size, .. } => Some(size.width),
                        _ => None,
                    })
                    .collect();
                // Three exercises' thumbnails, the logo aside, at one-column sizes.
                let thumbnails = widths.iter().filter(|&&w| w >= 72.0 - 2.0).count();
                assert!(
                    thumbnails >= 3,
                    "{paper:?} {}: {widths:?}",
                    handout.display()
                );
            }
        }
    }
}

#[test]
fn eight_exercises_fit_one_sheet_in_a4_and_letter() {
    for paper in [Paper::A4, Paper::Letter] {
        for options in [options(Edition::Sheet, paper), for_patient("Aoife O’Brien")] {
            let options = BuildOptions {
                load: LoadOptions {
                    paper: Some(paper),
                    ..LoadOptions::default()
                },
                edition: Edition::Sheet,
                ..options
            };
            let layout = lay_out(&fixture("eight"), &options);
            assert_eq!(layout.pages.len(), 1, "{paper:?}");
            assert!(layout.warnings.is_empty(), "{}", layout.warnings);
            assert_text_at_least_12_pt(&layout, "eight");
        }
    }
}

#[test]
fn a_ninth_exercise_goes_on_a_second_page_and_the_build_says_what_to_do() {
    let (doc, _) = document(&fixture("nine"));
    for paper in [Paper::A4, Paper::Letter] {
        let layout = lay_out(&fixture("nine"), &options(Edition::Sheet, paper));
        assert_eq!(layout.pages.len(), 2, "{paper:?}");
        let first_page = page_words(&layout, 0);
        let fitted = doc
            .exercises
            .iter()
            .filter(|e| first_page.contains(&e.name))
            .count();
        assert!(fitted < 9);
        let warning = layout
            .warnings
            .iter()
            .find(|w| w.message.contains("does not fit on one page"))
            .expect("a warning that the sheet takes two pages");
        assert!(
            warning
                .message
                .contains(&format!("{fitted} of its 9 exercises")),
            "{}",
            warning.message
        );
        let hint = warning.hint.as_deref().unwrap_or_default();
        assert!(
            hint.contains(&format!("at most {fitted} exercises")),
            "{hint}"
        );
        let last = doc.exercises.last().unwrap();
        assert!(page_words(&layout, 1).contains(&last.name));
    }
}

/// The elements of a layout's structure, with each one's children, texts and drawn shapes.
struct Tree<'a> {
    structure: &'a Structure,
    children: BTreeMap<ElementId, Vec<ElementId>>,
    texts: BTreeMap<ElementId, Vec<String>>,
    shapes: BTreeMap<ElementId, usize>,
}

impl<'a> Tree<'a> {
    fn of(layout: &'a PagedLayout) -> Tree<'a> {
        let structure = &layout.structure;
        let mut children: BTreeMap<ElementId, Vec<ElementId>> = BTreeMap::new();
        for (id, element) in structure.iter() {
            if let Some(parent) = element.parent {
                children.entry(parent).or_default().push(id);
            }
        }
        let mut texts: BTreeMap<ElementId, Vec<String>> = BTreeMap::new();
        let mut shapes: BTreeMap<ElementId, usize> = BTreeMap::new();
        for placed in layout.pages.iter().flat_map(|page| &page.items) {
            let Mark::Content(id) = placed.mark else {
                continue;
            };
            match &placed.item {
                Item::Text(run) => texts.entry(id).or_default().push(run.text()),
                Item::Shape(_) => *shapes.entry(id).or_default() += 1,
                _ => {}
            }
        }
        Tree {
            structure,
            children,
            texts,
            shapes,
        }
    }

    fn role(&self, id: ElementId) -> &Role {
        &self.structure.get(id).role
    }

    fn children(&self, id: ElementId) -> &[ElementId] {
        self.children.get(&id).map_or(&[], Vec::as_slice)
    }

    fn text(&self, id: ElementId) -> String {
        self.texts
            .get(&id)
            .map_or(String::new(), |texts| texts.join(" "))
            .replace('\u{a0}', " ")
    }

    fn tables(&self) -> Vec<ElementId> {
        self.structure
            .iter()
            .filter(|(_, e)| e.role == Role::Table)
            .map(|(id, _)| id)
            .collect()
    }

    /// Each row of `table`: its cells, the header cells' texts and the data cells' shapes.
    fn rows(&self, table: ElementId) -> Vec<Vec<Cell>> {
        self.children(table)
            .iter()
            .map(|&row| {
                assert_eq!(self.role(row), &Role::TableRow);
                self.children(row)
                    .iter()
                    .map(|&cell| match self.role(cell) {
                        Role::TableHeader { scope } => Cell::Header(*scope, self.text(cell)),
                        Role::TableCell => {
                            assert!(self.text(cell).is_empty());
                            Cell::Boxes(self.shapes.get(&cell).copied().unwrap_or(0))
                        }
                        other => panic!("a row holds a {other:?}"),
                    })
                    .collect()
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Header(Scope, String),
    Boxes(usize),
}

#[test]
fn the_spanish_log_keeps_two_weeks_to_a_page_in_a4_and_letter() {
    for paper in [Paper::A4, Paper::Letter] {
        let layout = lay_out(&spanish(), &options(LOG, paper));
        assert_eq!(layout.pages.len(), 1, "{paper:?}");
        assert_text_at_least_12_pt(&layout, "Spanish log");
    }
    // Its taller rows leave A4 room for lines to write notes on, ruled closer.
    let layout = lay_out(&spanish(), &options(LOG, Paper::A4));
    assert!(page_words(&layout, 0).contains("Notas"));
}

#[test]
fn the_log_has_a_table_a_week_two_to_a_page() {
    let (doc, _) = document(&sample());
    for (weeks, pages) in [(1, 1), (2, 1), (3, 2), (4, 2)] {
        for paper in [Paper::A4, Paper::Letter] {
            let layout = lay_out(&sample(), &options(Edition::Log { weeks }, paper));
            assert_eq!(layout.pages.len(), pages, "{weeks} weeks on {paper:?}");
            assert_text_at_least_12_pt(&layout, "log");
            let tree = Tree::of(&layout);
            assert_eq!(tree.tables().len(), usize::from(weeks));
            for page in 0..pages {
                assert!(page_words(&layout, page).contains("Notes"), "p{}", page + 1);
            }
            for (week, table) in tree.tables().into_iter().enumerate() {
                let rows = tree.rows(table);
                // The days, a row for each exercise, and the pain.
                assert_eq!(rows.len(), doc.exercises.len() + 2);
                let days: Vec<String> = (week * 7 + 1..=week * 7 + 7)
                    .map(|day| day.to_string())
                    .collect();
                let header: Vec<&Cell> = rows[0].iter().skip(1).collect();
                let expected: Vec<Cell> = days
                    .iter()
                    .map(|day| Cell::Header(Scope::Column, day.clone()))
                    .collect();
                assert_eq!(header, expected.iter().collect::<Vec<_>>());
                for (exercise, row) in doc.exercises.iter().zip(&rows[1..]) {
                    let Cell::Header(Scope::Row, name) = &row[0] else {
                        panic!("{row:?} starts without its exercise");
                    };
                    assert!(name.contains(&exercise.name), "{name}");
                    assert_eq!(row[1..], vec![Cell::Boxes(1); 7], "{name}");
                }
                let pain = rows.last().unwrap();
                assert_eq!(pain[0], Cell::Header(Scope::Row, "Pain (0–10)".into()));
                assert_eq!(pain[1..], vec![Cell::Boxes(1); 7]);
            }
        }
    }
}

#[test]
fn an_exercise_done_twice_a_day_gets_two_boxes_a_day() {
    let (doc, _) = document(&fixture("eight"));
    let layout = lay_out(&fixture("eight"), &options(LOG, Paper::A4));
    let tree = Tree::of(&layout);
    for table in tree.tables() {
        let rows = tree.rows(table);
        for (exercise, row) in doc.exercises.iter().zip(&rows[1..]) {
            let times = exercise.dosage.times_per_day.unwrap_or(1) as usize;
            assert!(times <= 3, "the fixture needs no box for a count");
            assert_eq!(row[1..], vec![Cell::Boxes(times); 7], "{}", exercise.name);
        }
    }
    assert!(doc
        .exercises
        .iter()
        .any(|e| e.dosage.times_per_day == Some(2)));
}

fn date(year: u16, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// The header row of each of a log's tables, past its corner.
fn day_headers(layout: &PagedLayout) -> Vec<Vec<String>> {
    let tree = Tree::of(layout);
    tree.tables()
        .into_iter()
        .map(|table| {
            tree.rows(table)[0][1..]
                .iter()
                .map(|cell| match cell {
                    Cell::Header(Scope::Column, text) => text.clone(),
                    other => panic!("a day's header is {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_log_dates_its_days_from_the_date_given() {
    // 23 November 2026 is a Monday.
    let layout = lay_out(&sample(), &dated(LOG, date(2026, 11, 23)));
    let days = day_headers(&layout);
    assert_eq!(
        days[0],
        ["Mon 23", "Tue 24", "Wed 25", "Thu 26", "Fri 27", "Sat 28", "Sun 29"]
    );
    assert_eq!(
        days[1],
        ["Mon 30", "Tue 1", "Wed 2", "Thu 3", "Fri 4", "Sat 5", "Sun 6"]
    );
    let text = page_words(&layout, 0);
    assert!(text.contains("Week 1: 23 November 2026 – 29 November 2026"));
    assert!(text.contains("Week 2: 30 November 2026 – 6 December 2026"));

    // From a Friday, over the end of February.
    let layout = lay_out(&sample(), &dated(LOG, date(2027, 2, 26)));
    assert_eq!(
        day_headers(&layout)[0],
        ["Fri 26", "Sat 27", "Sun 28", "Mon 1", "Tue 2", "Wed 3", "Thu 4"]
    );

    // In the handout's language.
    let layout = lay_out(&spanish(), &dated(LOG, date(2026, 11, 23)));
    assert_eq!(day_headers(&layout)[0][0], "lun 23");
}

#[test]
fn an_undated_log_numbers_its_days_and_leaves_the_name_to_write_in() {
    let layout = lay_out(&sample(), &options(LOG, Paper::A4));
    assert_eq!(day_headers(&layout)[1][0], "8");
    let text = page_words(&layout, 0);
    assert!(text.contains("Week 2"));
    assert!(text.contains("Name:"));
    let named = lay_out(
        &sample(),
        &BuildOptions {
            edition: LOG,
            ..for_patient("Aoife O’Brien")
        },
    );
    assert!(page_words(&named, 0).contains("Name: Aoife O’Brien"));
}

/// Each printed line of text, in reading order on its page: runs on one baseline joined.
fn printed_lines(layout: &PagedLayout) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for page in &layout.pages {
        let mut on_page: BTreeMap<(i64, i64), String> = BTreeMap::new();
        for placed in &page.items {
            if let Item::Text(run) = &placed.item {
                let key = ((placed.at.y * 10.0) as i64, (placed.at.x * 10.0) as i64);
                on_page.insert(key, run.text());
            }
        }
        let mut baseline = None;
        for ((y, _), text) in on_page {
            match lines.last_mut() {
                Some(line) if baseline == Some(y) => line.push_str(&text),
                _ => lines.push(text),
            }
            baseline = Some(y);
        }
    }
    lines
}

#[test]
fn the_logs_instructions_leave_no_word_alone_on_their_last_line() {
    for handout in [sample(), spanish()] {
        let (_, words) = document(&handout);
        let how_to = words.text("log-how-to");
        for paper in [Paper::A4, Paper::Letter] {
            for options in [options(LOG, paper), with_note(LOG, paper, NOTE)] {
                let lines = printed_lines(&lay_out(&handout, &options));
                let instructions: Vec<&String> = lines
                    .iter()
                    .filter(|line| how_to.contains(line.trim()))
                    .collect();
                assert!(instructions.len() >= 2, "{paper:?}: {lines:#?}");
                let last = instructions.last().unwrap().trim();
                assert!(last.contains(' '), "{paper:?}: {last:?} alone");
            }
        }
    }
}

#[test]
fn a_dosage_that_wraps_ends_its_line_with_a_separator_and_starts_none_with_one() {
    for edition in [Edition::Standard, Edition::Sheet, LOG, Edition::Large] {
        let lines = printed_lines(&lay_out(&sample(), &options(edition, Paper::A4)));
        let lines: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
        assert!(
            lines.iter().all(|line| !line.starts_with('·')),
            "{edition:?}: {lines:#?}"
        );
        // The sample's first exercise has five dosage parts: too many for one line here.
        let ended = lines.iter().filter(|line| line.ends_with('·')).count();
        assert!(ended >= 1, "{edition:?}: {lines:#?}");
    }
}

#[test]
fn the_same_input_gives_the_same_sheet_and_log() {
    for edition in [Edition::Sheet, Edition::Log { weeks: 4 }] {
        let options = dated(edition, date(2026, 11, 23));
        let first = build(&sample(), &options);
        assert_eq!(first, build(&sample(), &options), "{}", edition.name());
    }
}

/// Every marked-content id on every page, by page.
fn marked(doc: &lopdf::Document) -> BTreeSet<(lopdf::ObjectId, i64)> {
    let mut ids = BTreeSet::new();
    for page in doc.get_pages().into_values() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        for operation in &content.operations {
            let mcid = (operation.operator == "BDC")
                .then(|| operation.operands.get(1)?.as_dict().ok()?.get(b"MCID").ok())
                .flatten();
            if let Some(mcid) = mcid {
                ids.insert((page, mcid.as_i64().unwrap()));
            }
        }
    }
    ids
}

fn name(object: &lopdf::Object) -> &str {
    std::str::from_utf8(object.as_name().unwrap()).unwrap()
}

#[test]
fn the_sheet_and_the_log_are_tagged_and_their_tables_read_by_row_and_column() {
    let builds = [
        ("sheet", build(&sample(), &for_edition(Edition::Sheet))),
        (
            "log",
            build(
                &sample(),
                &dated(Edition::Log { weeks: 3 }, date(2026, 11, 23)),
            ),
        ),
        ("undated log", build(&fixture("nine"), &for_edition(LOG))),
    ];
    for (what, bytes) in builds {
        let doc = parse(&bytes);
        let tree = structure_tree(&doc);
        // Everything drawn as content is claimed by the element it is the content of.
        let claimed: BTreeSet<(lopdf::ObjectId, i64)> = tree
            .walk()
            .iter()
            .flat_map(|element| &element.kids)
            .filter_map(|kid| match kid {
                Kid::Content { page, mcid } => Some((*page, *mcid)),
                _ => None,
            })
            .collect();
        assert_eq!(claimed, marked(&doc), "{what}");

        let levels: Vec<u32> = tree
            .walk()
            .iter()
            .filter_map(|e| e.role.strip_prefix('H')?.parse().ok())
            .collect();
        assert_eq!(levels.first(), Some(&1), "{what}");
        assert!(
            levels.windows(2).all(|w| w[1] <= w[0] + 1),
            "{what}: {levels:?}"
        );

        let tables: Vec<&Element> = tree
            .walk()
            .into_iter()
            .filter(|e| e.role == "Table")
            .collect();
        assert_eq!(tables.is_empty(), what == "sheet", "{what}");
        for table in tables {
            for (r, row) in table.kids.iter().enumerate() {
                let Kid::Element(row) = row else {
                    panic!("{what}: a table holds content");
                };
                assert_eq!(row.role, "TR", "{what}");
                assert_eq!(row.kids.len(), 8, "{what}: a row has its header and 7 days");
                for (c, cell) in row.kids.iter().enumerate() {
                    let Kid::Element(cell) = cell else {
                        panic!("{what}: a row holds content");
                    };
                    let expected = match (r, c) {
                        (0, _) => ("TH", Some("Column")),
                        (_, 0) => ("TH", Some("Row")),
                        _ => ("TD", None),
                    };
                    let scope = cell.attributes.as_ref().map(|a| {
                        assert_eq!(name(a.get(b"O").unwrap()), "Table");
                        name(a.get(b"Scope").unwrap())
                    });
                    assert_eq!((cell.role.as_str(), scope), expected, "{what}");
                    assert!(!cell.kids.is_empty(), "{what}: an empty {}", cell.role);
                }
            }
        }
    }
}

/// A note as a clinician writes one.
const NOTE: &str = "Keep runs short — 20 min";

/// The `edition` on `paper` for a named recipient with `note`.
fn with_note(edition: Edition, paper: Paper, note: &str) -> BuildOptions {
    BuildOptions {
        personalization: Personalization {
            name: Some(Given::flag("--patient", "Zoë Müller")),
            note: Some(Given::flag("--note", note)),
            ..Personalization::default()
        },
        ..options(edition, paper)
    }
}

/// The role and text of each element in the part that holds `text`: the note's box as
/// the structure tree tells it.
fn tagged_parts(layout: &PagedLayout, text: &str) -> Vec<(Role, String)> {
    let tree = Tree::of(layout);
    let holds = |id: ElementId| tree.children(id).iter().any(|&kid| tree.text(kid) == text);
    let sections: Vec<ElementId> = tree
        .structure
        .iter()
        .filter(|(id, e)| e.role == Role::Sect && holds(*id))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(sections.len(), 1, "one part holds {text:?}");
    tree.children(sections[0])
        .iter()
        .map(|&kid| (tree.role(kid).clone(), tree.text(kid)))
        .collect()
}

#[test]
fn the_log_prints_the_note_after_its_instructions_as_the_sheet_does_two_weeks_a_page() {
    for handout in [sample(), spanish()] {
        let (_, words) = document(&handout);
        let label = words.note_from(None);
        let how_to: String = words.text("log-how-to").chars().take(12).collect();
        let first_week = words.format("log-week", &[("week", 1.into())]);
        for paper in [Paper::A4, Paper::Letter] {
            let what = format!("{} {paper:?}", handout.display());
            let log = with_note(LOG, paper, NOTE);
            let pages = page_texts(&parse(&build(&handout, &log)));
            assert_eq!(pages.len(), 1, "{what}");
            let at = |needle: &str| {
                pages[0]
                    .find(needle)
                    .unwrap_or_else(|| panic!("{what}: no {needle:?} in {}", pages[0]))
            };
            assert!(at(&how_to) < at(&label), "{what}");
            assert!(
                at(&label) < at(NOTE) && at(NOTE) < at(&first_week),
                "{what}"
            );

            let parts = tagged_parts(&lay_out(&handout, &log), NOTE);
            assert_eq!(parts, [(Role::P, label.clone()), (Role::P, NOTE.into())]);
            let sheet = lay_out(&handout, &with_note(Edition::Sheet, paper, NOTE));
            assert_eq!(parts, tagged_parts(&sheet, NOTE), "{what}");

            let four_weeks = with_note(Edition::Log { weeks: 4 }, paper, NOTE);
            let pages = page_texts(&parse(&build(&handout, &four_weeks)));
            assert_eq!(pages.len(), 2, "{what}");
            // Once, with the instructions, as a screen reader reads it.
            assert!(
                pages[0].contains(NOTE) && !pages[1].contains(NOTE),
                "{what}"
            );
        }
    }
}

/// Where on the first page the first line that starts with `prefix` begins.
fn left_of(layout: &PagedLayout, prefix: &str) -> f32 {
    let starts = |placed: &&Placed| matches!(&placed.item, Item::Text(run) if run.text().starts_with(prefix));
    layout.pages[0]
        .items
        .iter()
        .find(starts)
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
        .at
        .x
}

#[test]
fn a_short_note_goes_beside_the_instructions_and_a_long_one_under_them() {
    let short = lay_out(&sample(), &with_note(LOG, Paper::A4, NOTE));
    let note = left_of(&short, "Keep runs");
    let page = short.pages[0].size.width;
    assert!(note > page / 2.0, "{note} of {page}");

    // Beside the instructions, a note this long would make a box taller than the
    // instructions and the note one under the other.
    let long = "Keep runs short and flat, every other day, and no longer than 20 minutes. \
        Ice the knee for ten minutes after a run if it aches. Stop and call us if the pain \
        goes above 4 out of 10, or if the knee swells, locks or gives way. Do the bridges \
        on the days you do not run, and bring this log to your next visit so that we can \
        see how the weeks went.";
    let under = lay_out(&sample(), &with_note(LOG, Paper::A4, long));
    let (note, instructions) = (left_of(&under, "Keep runs"), left_of(&under, "Tick a box"));
    assert!((note - instructions).abs() < 20.0, "{note} {instructions}");
    let words = page_words(&under, 0);
    assert!(words.contains("see how the weeks went."), "{words}");
    // A short note keeps two weeks to a page, quietly; this one costs week 2 its place
    // on page 1 in Letter, and the build says so.
    assert!(short.warnings.is_empty(), "{}", short.warnings);
    let letter = lay_out(&sample(), &with_note(LOG, Paper::Letter, long));
    assert_eq!(letter.pages.len(), 2);
    let warning = letter.warnings.to_string();
    assert!(
        warning.contains("takes 2 pages for its 2 weeks, not 1"),
        "{warning}"
    );
    assert!(
        warning.contains("shorten the recipient's note"),
        "{warning}"
    );
}

fn for_edition(edition: Edition) -> BuildOptions {
    BuildOptions {
        edition,
        ..BuildOptions::default()
    }
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn pdfs_in(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(entry.path()).unwrap())
        })
        .collect()
}

#[test]
fn edition_all_writes_four_pdfs_a_handout_the_same_each_time() {
    let ws = sample_workspace();
    let out = handout(ws.path(), &["build", "--edition", "all", "-o", "first"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first = pdfs_in(&ws.path().join("first"));
    let names: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "inner-knee-pain.es.large.pdf",
            "inner-knee-pain.es.log.pdf",
            "inner-knee-pain.es.pdf",
            "inner-knee-pain.es.sheet.pdf",
            "inner-knee-pain.large.pdf",
            "inner-knee-pain.log.pdf",
            "inner-knee-pain.pdf",
            "inner-knee-pain.sheet.pdf",
        ]
    );
    let out = handout(ws.path(), &["build", "--edition", "all", "-o", "again"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        first == pdfs_in(&ws.path().join("again")),
        "the bytes differ"
    );
    for (name, pdf) in &first {
        keep(name, pdf);
    }
}

#[test]
fn each_roster_row_gets_every_edition_its_log_dated_from_its_own_date() {
    let ws = sample_workspace();
    let roster = "name,date\nAoife O’Brien,2026-11-23\nJane Doe,\n";
    std::fs::write(ws.path().join("squad.csv"), roster).unwrap();
    let out = handout(
        ws.path(),
        &[
            "build",
            "content/handouts/inner-knee-pain.toml",
            "--roster",
            "squad.csv",
            "--edition",
            "all",
            "--weeks",
            "4",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = pdfs_in(&ws.path().join("out"));
    let mut expected = Vec::new();
    for person in ["aoife-obrien", "jane-doe"] {
        for suffix in ["", ".large", ".sheet", ".log"] {
            expected.push(format!("inner-knee-pain--{person}{suffix}.pdf"));
        }
    }
    expected.sort();
    assert_eq!(written.keys().cloned().collect::<Vec<_>>(), expected);

    let log = ws.path().join("out/inner-knee-pain--aoife-obrien.log.pdf");
    let pages = page_texts(&parse(&std::fs::read(&log).unwrap()));
    assert_eq!(pages.len(), 2, "four weeks, two to a page");
    assert!(
        pages[0].contains("Week 1: 23 November 2026"),
        "{}",
        pages[0]
    );
    assert!(
        pages[1].contains("Week 4: 14 December 2026"),
        "{}",
        pages[1]
    );
    let undated = ws.path().join("out/inner-knee-pain--jane-doe.log.pdf");
    let text = page_text(&undated, 1);
    assert!(
        text.contains("Jane Doe") && !text.contains("Week 1:"),
        "{text}"
    );
    for (name, pdf) in &written {
        if name.ends_with(".sheet.pdf") || name.ends_with(".log.pdf") {
            keep(name, pdf);
        }
    }
}
