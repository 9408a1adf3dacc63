//! The handout file: its text, sections and exercises, with the defaults applied.

use std::collections::BTreeMap;
use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;

use super::brand::{BrandInLanguage, BrandRead};
use super::exercise::{self, ExerciseRead, HandoutExercise, Library};
use super::fields;
use super::file::{self, FileCx, Tabled};
use super::kinds::{Choice, Day, Text};
use super::labels::{self, LabelsTable};
use super::loader::Loader;
use super::pain_rule::{self, PainRuleTable, WrittenRule};
use super::passage::Passage;
use super::plain::{self, Targets};
use super::source::SourceFile;
use super::written::{Leaf, List, Table};
use crate::diag::Diagnostic;
use crate::model::{
    Cause, Closing, Document, Exercise, Headings, Paper, RedFlag, Section, Urgency,
};

/// content/handouts/NAME.toml: one condition handout. Top-level keys come before the first
/// [table]. Text fields take inline **bold**, *italic* and [links](https://example.org); a
/// blank line starts a new paragraph.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "handout")]
pub(crate) struct HandoutFile {
    #[schemars(required)]
    title: Option<Leaf<Text>>,
    subtitle: Option<Leaf<Text>>,
    /// The main message, printed first in a box.
    summary: Option<Leaf<Text>>,
    /// A BCP 47 language tag such as "en", "en-US" or "es": every fixed word, date and hyphen
    /// follows it. One of en, es, fr, de, it, pt, pl, with any region. Default "en".
    #[schemars(regex(pattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    language: Option<Leaf<String>>,
    author: Option<Leaf<Text>>,
    /// A TOML date such as 2026-11-23 (no quotes), printed in the footer.
    reviewed: Option<Leaf<Day>>,
    intro: Option<Leaf<Text>>,
    headings: Option<Table<HeadingsTable>>,
    cause: Option<List<Table<CauseTable>>>,
    /// When to see a doctor.
    red_flag: Option<List<Table<RedFlagTable>>>,
    #[schemars(required, length(min = 1))]
    exercise: Option<List<Table<HandoutExercise>>>,
    /// Extra sections, printed after the exercises.
    section: Option<List<Table<SectionTable>>>,
    closing: Option<Table<ClosingTable>>,
    /// Your own words for any fixed word of this handout, over the brand's.
    labels: Option<Table<LabelsTable>>,
    /// How much pain is all right, over the brand's `[pain_rule]`, light by light.
    pain_rule: Option<Table<PainRuleTable>>,
    /// "position": the exercises in the order a body moves through them, lying, then
    /// sitting, kneeling and standing, each position's in the order written, those with no
    /// position last; so a patient does not get up and down. Left out: as written.
    group_by: Option<Leaf<Choice<GroupBy>>>,
}

/// How the exercises may be grouped.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "group_by")]
enum GroupBy {
    Position,
}

/// Section headings of your own, over the language's.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "headings")]
struct HeadingsTable {
    /// In English, "What might be causing it?".
    causes: Option<Leaf<Text>>,
    /// In English, "When to see a doctor".
    red_flags: Option<Leaf<Text>>,
    /// In English, "Exercises to try".
    exercises: Option<Leaf<Text>>,
}

/// A likely cause of the condition.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "cause")]
struct CauseTable {
    #[schemars(required)]
    name: Option<Leaf<Text>>,
    #[schemars(required)]
    text: Option<Leaf<Text>>,
    /// What the reader can do about it.
    self_care: Option<List<Leaf<Text>>>,
}

/// A sign to see a doctor.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "red_flag")]
struct RedFlagTable {
    #[schemars(required)]
    name: Option<Leaf<Text>>,
    #[schemars(required)]
    text: Option<Leaf<Text>>,
    /// How soon to act. Default "soon".
    urgency: Option<Leaf<Choice<UrgencyChoice>>>,
}

/// How soon to see a doctor.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "urgency")]
pub(crate) enum UrgencyChoice {
    /// Book a visit.
    Soon,
    /// The same day.
    Urgent,
    /// Call now.
    Emergency,
}

impl From<UrgencyChoice> for Urgency {
    fn from(urgency: UrgencyChoice) -> Urgency {
        match urgency {
            UrgencyChoice::Soon => Urgency::Soon,
            UrgencyChoice::Urgent => Urgency::Urgent,
            UrgencyChoice::Emergency => Urgency::Emergency,
        }
    }
}

/// A section of your own, printed after the exercises.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "section")]
struct SectionTable {
    #[schemars(required)]
    title: Option<Leaf<Text>>,
    text: Option<Leaf<Text>>,
    bullets: Option<List<Leaf<Text>>>,
}

/// The last word of the handout.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "closing")]
struct ClosingTable {
    /// In English, "Final thoughts".
    title: Option<Leaf<Text>>,
    #[schemars(required)]
    text: Option<Leaf<Text>>,
}

const DEFAULT_LANGUAGE: &str = "en";

/// What the document takes from outside the handout file.
pub(crate) struct Frame {
    pub brand: Option<BrandRead>,
    pub paper: Paper,
    pub stem: String,
    /// The brand's targets for the plain-language checks.
    pub targets: Targets,
}

/// Reads the handout in `source` into a document; `None` when anything was wrong with it.
pub(crate) fn read(loader: &Loader, source: &SourceFile, frame: Frame) -> Option<Document> {
    let (cx, file) = file::read::<HandoutFile>(source, loader.report, &loader.coverage)?;
    let example = "title = \"How to fix inner knee pain from running\"";
    let title = cx
        .require(&file.title, cx.top(), "title", example)
        .and_then(|_| cx.leaf(&file.title, fields::plain));
    let subtitle = cx.leaf(&file.subtitle, fields::rich_text);
    let summary = cx.leaf(&file.summary, fields::rich_text);
    let language = cx
        .leaf(&file.language, fields::language)
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string());
    let author = cx.leaf(&file.author, fields::plain);
    let reviewed = cx.leaf(&file.reviewed, fields::date);
    let intro = cx.leaf(&file.intro, fields::rich_text);
    let headings = read_headings(&cx, &file);
    let causes = each(&cx, &file.cause, read_cause);
    let red_flags = each(&cx, &file.red_flag, read_red_flag);
    let exercises = read_exercises(loader, &cx, &file, &language);
    let group_by = cx.leaf(&file.group_by, |_, Choice(group)| Some(group));
    let sections = each(&cx, &file.section, read_section);
    let closing = cx
        .table(&file.closing)
        .map(|closing| read_closing(&cx, &file, closing));
    let (brand, mut labels, brand_rule) = match frame.brand.map(|b| b.in_language(&language)) {
        Some(BrandInLanguage {
            brand,
            labels,
            pain_rule,
        }) => (Some(brand), labels, pain_rule),
        None => (None, BTreeMap::new(), WrittenRule::default()),
    };
    labels.extend(labels::read(&cx, &file.labels));
    let pain_rule = pain_rule::read(&cx, &file.pain_rule).over(&brand_rule);

    let (exercises, exercise_texts): (Vec<Exercise>, Vec<Vec<Passage>>) = exercises?
        .into_iter()
        .map(|read| (read.exercise, read.texts))
        .unzip();
    let mut document = Document {
        source: source.path.clone(),
        stem: frame.stem,
        language,
        brand: brand?,
        paper: frame.paper,
        title: title?,
        subtitle,
        summary,
        intro,
        author,
        reviewed,
        headings,
        causes: causes?,
        red_flags: red_flags?,
        exercises,
        sections: sections?,
        closing: closing.flatten(),
        labels,
        pain_rule: pain_rule.rule(),
        recipient: None,
    };
    // Plain-language warnings would only crowd the errors that stop the build.
    if !loader.report.has_errors() {
        let mut texts = texts_to_check(&cx, &file, &document, exercise_texts);
        texts.extend(pain_rule.section());
        plain::review(&texts, &document.language, frame.targets, loader.report);
    }
    // After the checks, which pair each exercise with its table in the file.
    if group_by == Some(GroupBy::Position) {
        // A stable sort: within a position, the order written.
        document
            .exercises
            .sort_by_key(|exercise| (exercise.position.is_none(), exercise.position));
    }
    Some(document)
}

/// The parts of the handout to check for plain language, with the texts of each as the
/// file writes them; `exercise_texts` are those of each exercise, from whichever file
/// gives them.
fn texts_to_check(
    cx: &FileCx,
    file: &HandoutFile,
    document: &Document,
    exercise_texts: Vec<Vec<Passage>>,
) -> Vec<plain::Section> {
    let leaves = |fields: &[&Option<Leaf<Text>>]| -> Vec<Passage> {
        fields
            .iter()
            .filter_map(|field| Passage::of_leaf(cx, field))
            .collect()
    };
    let list = |list: &Option<List<Leaf<Text>>>| Passage::of_list(cx, list);
    let section = |name: String, span: Range<usize>, passages, graded| {
        plain::Section::new(name, &cx.at(span), passages, graded)
    };
    let mut sections = Vec::new();
    let titles = leaves(&[&file.title, &file.subtitle, &file.author]);
    sections.push(section("the title".into(), cx.top(), titles, false));
    for (name, field) in [("the summary", &file.summary), ("the intro", &file.intro)] {
        if let Some(written) = field {
            let passages = leaves(&[field]);
            sections.push(section(name.into(), written.span.clone(), passages, true));
        }
    }
    if let Some(headings) = cx.table(&file.headings) {
        let passages = leaves(&[&headings.causes, &headings.red_flags, &headings.exercises]);
        sections.push(section("the headings".into(), cx.top(), passages, false));
    }
    let causes = cx.tables(&file.cause).unwrap_or_default();
    for (cause, table) in document.causes.iter().zip(causes) {
        let mut passages = leaves(&[&table.fields.name, &table.fields.text]);
        passages.extend(list(&table.fields.self_care));
        let name = format!("the cause “{}”", cause.name);
        sections.push(section(name, table.span, passages, true));
    }
    let red_flags = cx.tables(&file.red_flag).unwrap_or_default();
    for (red_flag, table) in document.red_flags.iter().zip(red_flags) {
        let passages = leaves(&[&table.fields.name, &table.fields.text]);
        let name = format!("the red flag “{}”", red_flag.name);
        sections.push(section(name, table.span, passages, true));
    }
    let exercises = document.exercises.iter().zip(exercise_texts);
    let tables = cx.tables(&file.exercise).unwrap_or_default();
    for ((exercise, passages), table) in exercises.zip(tables) {
        let name = format!("the exercise “{}”", exercise.name);
        sections.push(section(name, table.span, passages, true));
    }
    let extras = cx.tables(&file.section).unwrap_or_default();
    for (extra, table) in document.sections.iter().zip(extras) {
        let mut passages = leaves(&[&table.fields.title, &table.fields.text]);
        passages.extend(list(&table.fields.bullets));
        let name = format!("the section “{}”", extra.title);
        sections.push(section(name, table.span, passages, true));
    }
    if let (Some(closing), Some(table)) = (&document.closing, &file.closing) {
        if let Ok(fields) = &table.fields {
            let passages = leaves(&[&fields.title, &fields.text]);
            let name = match &closing.title {
                Some(title) => format!("the closing “{title}”"),
                None => "the closing".to_string(),
            };
            sections.push(section(name, table.span.clone(), passages, true));
        }
    }
    sections
}

fn read_headings(cx: &FileCx, file: &HandoutFile) -> Headings {
    let headings = cx.table(&file.headings);
    let heading = |leaf: Option<&Option<Leaf<Text>>>| leaf.and_then(|l| cx.leaf(l, fields::plain));
    Headings {
        causes: heading(headings.map(|h| &h.causes)),
        red_flags: heading(headings.map(|h| &h.red_flags)),
        exercises: heading(headings.map(|h| &h.exercises)),
    }
}

/// `read` applied to each `[[name]]` table; empty when there are none, `None` when any is wrong.
fn each<'f, S, T>(
    cx: &FileCx,
    list: &'f Option<List<Table<S>>>,
    mut read: impl FnMut(&FileCx, &Tabled<'f, S>) -> Option<T>,
) -> Option<Vec<T>> {
    if list.is_none() {
        return Some(Vec::new());
    }
    file::read_all(&cx.tables(list)?, |table| read(cx, table))
}

fn read_cause(cx: &FileCx, cause: &Tabled<CauseTable>) -> Option<Cause> {
    let table = cause.fields;
    let span = cause.span.clone();
    let name = cx
        .require(&table.name, span.clone(), "name", "name = \"Bursitis\"")
        .and_then(|_| cx.leaf(&table.name, fields::plain));
    let example = "text = \"What it is and why it hurts.\"";
    let text = cx
        .require(&table.text, span, "text", example)
        .and_then(|_| cx.leaf(&table.text, fields::rich_text));
    let self_care = cx.items(&table.self_care, fields::paragraph);
    Some(Cause {
        name: name?,
        text: text?,
        self_care: self_care.unwrap_or_default(),
    })
}

fn read_red_flag(cx: &FileCx, red_flag: &Tabled<RedFlagTable>) -> Option<RedFlag> {
    let table = red_flag.fields;
    let span = red_flag.span.clone();
    let name = cx
        .require(
            &table.name,
            span.clone(),
            "name",
            "name = \"Torn meniscus\"",
        )
        .and_then(|_| cx.leaf(&table.name, fields::plain));
    let example = "text = \"What to look out for.\"";
    let text = cx
        .require(&table.text, span, "text", example)
        .and_then(|_| cx.leaf(&table.text, fields::rich_text));
    let urgency = cx.leaf(&table.urgency, |_, Choice(urgency)| Some(urgency.into()));
    Some(RedFlag {
        name: name?,
        text: text?,
        urgency: urgency.unwrap_or_default(),
    })
}

fn read_exercises(
    loader: &Loader,
    cx: &FileCx,
    file: &HandoutFile,
    language: &str,
) -> Option<Vec<ExerciseRead>> {
    let hint = "add an [[exercise]] with use = \"id\" (an exercise from content/exercises/), \
                or with its own name and steps";
    let message = "a handout needs at least one [[exercise]]";
    let Some(list) = &file.exercise else {
        let diagnostic = Diagnostic::error(message)
            .at(cx.location(cx.top().start))
            .key("exercise");
        cx.emit(diagnostic.hint(hint));
        return None;
    };
    let tables = cx.tables(&file.exercise)?;
    if tables.is_empty() {
        let value = cx.at(list.span.clone());
        value.emit(value.error(message).hint(hint));
        return None;
    }
    let library = Library::default();
    file::read_all(&tables, |exercise| {
        exercise::read_in_handout(loader, &library, cx, exercise, language)
    })
}

fn read_section(cx: &FileCx, section: &Tabled<SectionTable>) -> Option<Section> {
    let table = section.fields;
    let example = "title = \"Getting back to running\"";
    let title = cx
        .require(&table.title, section.span.clone(), "title", example)
        .and_then(|_| cx.leaf(&table.title, fields::plain));
    let text = cx.leaf(&table.text, fields::rich_text);
    let bullets = cx.items(&table.bullets, fields::paragraph);
    Some(Section {
        title: title?,
        text,
        bullets: bullets.unwrap_or_default(),
    })
}

fn read_closing(cx: &FileCx, file: &HandoutFile, closing: &ClosingTable) -> Option<Closing> {
    let title = cx.leaf(&closing.title, fields::plain);
    let span = file.closing.as_ref().map_or(cx.top(), |t| t.span.clone());
    let text = cx
        .require(&closing.text, span, "text", "text = \"What to do next.\"")
        .and_then(|_| cx.leaf(&closing.text, fields::rich_text));
    Some(Closing { title, text: text? })
}
