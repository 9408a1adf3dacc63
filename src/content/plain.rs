//! Plain-language warnings on what a handout prints: a section that reads above the
//! brand's grade, with its hardest sentence; and long sentences, jargon and placeholders,
//! each at the place in its file it is written. The measures are the `checks` module's;
//! this one chooses what to measure together and says where.

use std::ops::Range;

use super::file::Value;
use super::passage::Passage;
use super::report::Report;
use crate::checks::readability::{self, LONG_SENTENCE_WORDS, TARGET_GRADE};
use crate::checks::{jargon, placeholders, Language};
use crate::diag::{Diagnostic, Location};

/// What the brand's `[checks]` asks of a handout's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Targets {
    /// The highest school grade a section may read at.
    pub max_grade: f64,
    /// The most words a sentence may have.
    pub max_sentence_words: usize,
}

impl Default for Targets {
    fn default() -> Targets {
        Targets {
            max_grade: TARGET_GRADE,
            max_sentence_words: LONG_SENTENCE_WORDS,
        }
    }
}

/// A part of a handout a reader takes in as one, such as the intro, a cause with its
/// name, or an exercise with its steps and tips.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    /// What a warning calls it: "the intro", "the cause “Bursitis”".
    pub name: String,
    /// Where a warning about the section as a whole points, and its key.
    pub location: Location,
    pub key: String,
    pub passages: Vec<Passage>,
    /// Whether its reading level is measured: not for titles and headings, which are
    /// too short for a formula to say anything of.
    pub graded: bool,
}

impl Section {
    /// The section written in the table or value at `at`.
    pub fn new(name: String, at: &Value, passages: Vec<Passage>, graded: bool) -> Section {
        Section {
            name,
            location: at.location(),
            key: at.key(),
            passages,
            graded,
        }
    }
}

/// Reports what the checks find in the `sections` of a handout written in the language
/// of the BCP 47 tag `language`, as warnings. Placeholders are looked for in any
/// language; the rest only in a language the checks know.
pub(crate) fn review(sections: &[Section], language: &str, targets: Targets, report: &Report) {
    let language = Language::from_tag(language);
    for section in sections {
        for passage in &section.passages {
            report_placeholders(passage, report);
        }
        if let Some(language) = language {
            let joined = Joined::of(&section.passages);
            if section.graded {
                report_reading_level(section, &joined, language, targets, report);
            }
            report_long_sentences(&joined, language, targets, report);
            report_jargon(&joined, language, report);
        }
    }
}

/// Reports each sample phrase of `handout new` left in `passage`.
pub(crate) fn report_placeholders(passage: &Passage, report: &Report) {
    for found in placeholders::find(&passage.text) {
        let message = format!("“{}” is sample text, left to be replaced", found.phrase);
        let diagnostic = Diagnostic::warning(message)
            .at(passage.location(found.range.start))
            .key(&passage.key)
            .hint("write your own words in its place");
        report.push(diagnostic);
    }
}

fn report_reading_level(
    section: &Section,
    joined: &Joined,
    language: Language,
    targets: Targets,
    report: &Report,
) {
    let Some(level) = readability::reading_level(&joined.text, language) else {
        return;
    };
    if level.grade <= targets.max_grade {
        return;
    }
    let message = format!(
        "{} reads at school grade {:.1} ({}), above grade {}; its hardest sentence is “{}”",
        section.name,
        level.grade,
        level.formula.name(),
        targets.max_grade,
        quoted(&joined.text[level.hardest]),
    );
    let diagnostic = Diagnostic::warning(message)
        .at(section.location.clone())
        .key(&section.key)
        .hint("use shorter sentences and everyday words, starting with the hardest one");
    report.push(diagnostic);
}

fn report_long_sentences(joined: &Joined, language: Language, targets: Targets, report: &Report) {
    let max = targets.max_sentence_words;
    for sentence in readability::long_sentences(&joined.text, language, max) {
        let (passage, start) = joined.find(sentence.range.start);
        let message = format!(
            "this sentence has {} words, more than {max}: “{}”",
            sentence.words,
            quoted(&joined.text[sentence.range])
        );
        let diagnostic = Diagnostic::warning(message)
            .at(passage.location(start))
            .key(&passage.key)
            .hint("split it into shorter sentences, one idea each");
        report.push(diagnostic);
    }
}

fn report_jargon(joined: &Joined, language: Language, report: &Report) {
    for found in jargon::find(&joined.text, language) {
        let (passage, start) = joined.find(found.range.start);
        let word = &joined.text[found.range];
        let message = format!("“{word}” is a word many readers do not know");
        let hint = format!(
            "write “{}” instead, or explain it in brackets after it: {word} ({})",
            found.plain, found.plain
        );
        let diagnostic = Diagnostic::warning(message)
            .at(passage.location(start))
            .key(&passage.key)
            .hint(hint);
        report.push(diagnostic);
    }
}

/// The most words of a sentence a message quotes.
const QUOTED_WORDS: usize = 30;

/// A sentence as a message quotes it: on one line, and cut short after
/// [`QUOTED_WORDS`] words.
fn quoted(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut quoted = words[..words.len().min(QUOTED_WORDS)].join(" ");
    if words.len() > QUOTED_WORDS {
        quoted.push_str(" …");
    }
    quoted
}

/// A section's passages joined into one text, each a paragraph of its own so that no
/// sentence runs from one into the next, and where each starts in it.
struct Joined<'p> {
    text: String,
    parts: Vec<(Range<usize>, &'p Passage)>,
}

impl<'p> Joined<'p> {
    fn of(passages: &'p [Passage]) -> Joined<'p> {
        let mut text = String::new();
        let mut parts = Vec::with_capacity(passages.len());
        for passage in passages {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&passage.text);
            parts.push((start..text.len(), passage));
        }
        Joined { text, parts }
    }

    /// The passage byte `offset` of the joined text is in, and the offset in it.
    fn find(&self, offset: usize) -> (&'p Passage, usize) {
        let (range, passage) = self
            .parts
            .iter()
            .rfind(|(range, _)| range.start <= offset)
            .unwrap_or(&self.parts[0]);
        (passage, offset - range.start)
    }
}
