//! The handout file: its text, sections and exercises, with the defaults applied.

use super::exercise;
use super::fields;
use super::loader::Loader;
use super::source::SourceFile;
use super::toml_tree::{read_all, Outer, Table};
use crate::model::{
    Brand, Cause, Closing, Document, Exercise, Headings, Paper, RedFlag, Section, Urgency,
};

pub(crate) const KEYS: &[&str] = &[
    "title", "subtitle", "summary", "language", "author", "reviewed", "intro", "headings", "cause",
    "red_flag", "exercise", "section", "closing",
];
pub(crate) const HEADING_KEYS: &[&str] = &["causes", "red_flags", "exercises"];
pub(crate) const CAUSE_KEYS: &[&str] = &["name", "text", "self_care"];
pub(crate) const RED_FLAG_KEYS: &[&str] = &["name", "text", "urgency"];
pub(crate) const SECTION_KEYS: &[&str] = &["title", "text", "bullets"];
pub(crate) const CLOSING_KEYS: &[&str] = &["title", "text"];
const OUTER: Outer = Outer {
    keys: KEYS,
    move_above: "the first [table]",
};

pub(crate) const URGENCIES: &[(&str, Urgency)] = &[
    ("soon", Urgency::Soon),
    ("urgent", Urgency::Urgent),
    ("emergency", Urgency::Emergency),
];
const DEFAULT_LANGUAGE: &str = "en";
const DEFAULT_CLOSING_TITLE: &str = "Final thoughts";

/// What the document takes from outside the handout file.
pub(crate) struct Frame {
    pub brand: Option<Brand>,
    pub paper: Paper,
    pub stem: String,
}

/// Reads the handout in `source` into a document; `None` when anything was wrong with it.
pub(crate) fn read(loader: &Loader, source: &SourceFile, frame: Frame) -> Option<Document> {
    let tree = source.parse(loader.report)?;
    let cx = loader.file_cx(source);
    let table = Table::root(&cx, &tree);
    table.check_keys(KEYS, None);

    let title = table
        .require(
            "title",
            "title = \"How to fix inner knee pain from running\"",
        )
        .and_then(|v| fields::plain(&v));
    let subtitle = table.read("subtitle", fields::rich_text);
    let summary = table.read("summary", fields::rich_text);
    let language = match table.get("language") {
        Some(value) => fields::language(&value),
        None => Some(DEFAULT_LANGUAGE.to_string()),
    };
    let author = table.read("author", fields::plain);
    let reviewed = table.read("reviewed", fields::date);
    let intro = table.read("intro", fields::rich_text);
    let headings = read_headings(&table);
    let causes = each_table(&table, "cause", read_cause);
    let red_flags = each_table(&table, "red_flag", read_red_flag);
    let exercises = read_exercises(loader, &table);
    let sections = each_table(&table, "section", read_section);
    let closing = match table.read("closing", |v| v.table()) {
        Some(closing) => read_closing(&closing).map(Some),
        None => Some(None),
    };

    Some(Document {
        source: source.path.clone(),
        stem: frame.stem,
        language: language?,
        brand: frame.brand?,
        paper: frame.paper,
        title: title?,
        subtitle,
        summary,
        intro,
        author,
        reviewed,
        headings: headings?,
        causes: causes?,
        red_flags: red_flags?,
        exercises: exercises?,
        sections: sections?,
        closing: closing?,
        recipient: None,
    })
}

fn read_headings(table: &Table) -> Option<Headings> {
    let headings = table.read("headings", |v| v.table());
    if let Some(headings) = &headings {
        headings.check_keys(HEADING_KEYS, Some(&OUTER));
    }
    let heading = |name, default: &str| match headings.as_ref().and_then(|h| h.get(name)) {
        Some(value) => fields::plain(&value),
        None => Some(default.to_string()),
    };
    let causes = heading("causes", "What might be causing it?");
    let red_flags = heading("red_flags", "When to see a doctor");
    let exercises = heading("exercises", "Exercises to try");
    Some(Headings {
        causes: causes?,
        red_flags: red_flags?,
        exercises: exercises?,
    })
}

/// `read` applied to each `[[name]]` table; empty when there are none, `None` when any is wrong.
fn each_table<'a, T>(
    table: &Table<'a>,
    name: &'a str,
    read: impl FnMut(&Table<'a>) -> Option<T>,
) -> Option<Vec<T>> {
    let Some(value) = table.get(name) else {
        return Some(Vec::new());
    };
    read_all(&value.tables()?, read)
}

fn read_cause(table: &Table) -> Option<Cause> {
    table.check_keys(CAUSE_KEYS, Some(&OUTER));
    let name = table
        .require("name", "name = \"Bursitis\"")
        .and_then(|v| fields::plain(&v));
    let text = table
        .require("text", "text = \"What it is and why it hurts.\"")
        .and_then(|v| fields::rich_text(&v));
    let self_care = table.read("self_care", fields::paragraphs);
    Some(Cause {
        name: name?,
        text: text?,
        self_care: self_care.unwrap_or_default(),
    })
}

fn read_red_flag(table: &Table) -> Option<RedFlag> {
    table.check_keys(RED_FLAG_KEYS, Some(&OUTER));
    let name = table
        .require("name", "name = \"Torn meniscus\"")
        .and_then(|v| fields::plain(&v));
    let text = table
        .require("text", "text = \"What to look out for.\"")
        .and_then(|v| fields::rich_text(&v));
    let urgency = match table.get("urgency") {
        Some(value) => fields::choice(&value, URGENCIES),
        None => Some(Urgency::default()),
    };
    Some(RedFlag {
        name: name?,
        text: text?,
        urgency: urgency?,
    })
}

fn read_exercises(loader: &Loader, table: &Table) -> Option<Vec<Exercise>> {
    let hint = "add an [[exercise]] with use = \"id\" (an exercise from content/exercises/), \
                or with its own name and steps";
    let Some(value) = table.get("exercise") else {
        let message = "a handout needs at least one [[exercise]]";
        let diagnostic = table.cx().error(table.offset(), "exercise", message);
        table.cx().emit(diagnostic.hint(hint));
        return None;
    };
    let tables = value.tables()?;
    if tables.is_empty() {
        value.emit(
            value
                .error("a handout needs at least one [[exercise]]")
                .hint(hint),
        );
        return None;
    }
    read_all(&tables, |t| exercise::read_in_handout(loader, t, &OUTER))
}

fn read_section(table: &Table) -> Option<Section> {
    table.check_keys(SECTION_KEYS, Some(&OUTER));
    let title = table
        .require("title", "title = \"Getting back to running\"")
        .and_then(|v| fields::plain(&v));
    let text = table.read("text", fields::rich_text);
    let bullets = table.read("bullets", fields::paragraphs);
    Some(Section {
        title: title?,
        text,
        bullets: bullets.unwrap_or_default(),
    })
}

fn read_closing(table: &Table) -> Option<Closing> {
    table.check_keys(CLOSING_KEYS, Some(&OUTER));
    let title = match table.get("title") {
        Some(value) => fields::plain(&value),
        None => Some(DEFAULT_CLOSING_TITLE.to_string()),
    };
    let text = table
        .require("text", "text = \"What to do next.\"")
        .and_then(|v| fields::rich_text(&v));
    Some(Closing {
        title: title?,
        text: text?,
    })
}
