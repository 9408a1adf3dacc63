//! Plain-language warnings on what a handout prints: a section that reads above the
//! brand's grade, with its hardest sentence; and long sentences, jargon and placeholders,
//! each at the place in its file it is written. The measures are the `checks` module's;
//! this one chooses what to measure together and says where.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

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
    let mut jargon = Vec::new();
    for (index, section) in sections.iter().enumerate() {
        for passage in &section.passages {
            report_placeholders(passage, report);
        }
        if let Some(language) = language {
            let joined = Joined::of(&section.passages);
            if section.graded {
                report_reading_level(section, &joined, language, targets, report);
            }
            report_long_sentences(&joined, language, targets, report);
            jargon.extend(jargon_uses(&joined, language, index));
        }
    }
    report_jargon(jargon, sections, report);
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

/// A use of a jargon word: where it is written, and in which section.
struct JargonUse {
    word: String,
    found: jargon::Jargon,
    location: Location,
    key: String,
    section: usize,
}

/// The uses of jargon in the `joined` texts of the section at `section`.
fn jargon_uses(joined: &Joined, language: Language, section: usize) -> Vec<JargonUse> {
    jargon::find(&joined.text, language)
        .into_iter()
        .map(|found| {
            let (passage, start) = joined.find(found.range.start);
            JargonUse {
                word: joined.text[found.range.clone()].to_string(),
                location: passage.location(start),
                key: passage.key.clone(),
                section,
                found,
            }
        })
        .collect()
}

/// Reports each jargon word once a file, at its first use, saying how many more times
/// the file uses it: a long handout uses a word dozens of times, and a warning at each
/// would bury everything else it is told.
fn report_jargon(uses: Vec<JargonUse>, sections: &[Section], report: &Report) {
    let mut by_word: BTreeMap<(&Path, &str), Vec<&JargonUse>> = BTreeMap::new();
    for used in &uses {
        let word = (used.location.file.as_path(), used.found.term);
        by_word.entry(word).or_default().push(used);
    }
    for mut uses in by_word.into_values() {
        uses.sort_by_key(|used| (used.location.line, used.location.column));
        // An exercise a handout lists twice is checked twice, at the same places.
        uses.dedup_by(|a, b| a.location == b.location);
        report.push(jargon_warning(&uses, sections));
    }
}

/// The warning about a word at the first of its `uses` in a file, in the order written.
fn jargon_warning(uses: &[&JargonUse], sections: &[Section]) -> Diagnostic {
    let first = uses[0];
    let (word, plain) = (&first.word, first.found.plain);
    let more = uses.len() - 1;
    let warning = |message: String, hint: String| {
        Diagnostic::warning(message)
            .at(first.location.clone())
            .key(&first.key)
            .hint(hint)
            .repeats(more)
    };
    let message = format!("“{word}” is a word many readers do not know");
    let times = match more {
        0 => {
            let hint = format!(
                "write “{plain}” instead, or explain it in brackets after it: {word} ({plain})"
            );
            return warning(message, hint);
        }
        1 => "once more".to_string(),
        _ => format!("{more} more times"),
    };
    let message = format!("{message}; also used {times} in this file");
    // An explanation serves the uses in its own section only.
    let mut used_in: Vec<usize> = uses.iter().map(|used| used.section).collect();
    used_in.sort_unstable();
    used_in.dedup();
    let place = match used_in[..] {
        [_] => "after its first use".to_string(),
        _ => {
            let names = used_in.iter().map(|&s| sections[s].name.as_str());
            format!("after its first use in each of {}", listed(names))
        }
    };
    let hint = format!(
        "write “{plain}” instead each time, or explain it in brackets {place}: {word} ({plain})"
    );
    warning(message, hint)
}

/// The most names a message lists before it counts the rest.
const LISTED_NAMES: usize = 3;

/// `names` as a message lists them: "a, b and c", or "a, b, c and 4 more".
fn listed<'n>(names: impl ExactSizeIterator<Item = &'n str>) -> String {
    let count = names.len();
    let mut shown: Vec<&str> = names.take(LISTED_NAMES).collect();
    let last = if count > LISTED_NAMES {
        format!("{} more", count - LISTED_NAMES)
    } else {
        shown.pop().unwrap_or_default().to_string()
    };
    if shown.is_empty() {
        last
    } else {
        format!("{} and {last}", shown.join(", "))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::Workspace;

    const HANDOUT: &str = "content/handouts/knee.toml";

    /// A handout that says "inflamed" in two sections and "flexion" once, beside a
    /// library exercise that says "flexion" twice and that it lists twice.
    fn repeating() -> Workspace {
        let ws = Workspace::new();
        ws.write(
            "content/exercises/bridge.toml",
            "name = \"Bridge\"\nsteps = [\"Lift with some flexion.\", \"Lower, flexion again.\"]\n",
        );
        ws.write(
            HANDOUT,
            "title = \"Knee\"\n\
             intro = \"Your knee is inflamed. Rest the inflamed knee.\"\n\n\
             [[cause]]\nname = \"Overuse\"\ntext = \"Running a lot leaves it inflamed.\"\n\n\
             [[exercise]]\nuse = \"bridge\"\n\n\
             [[exercise]]\nname = \"Squat\"\nsteps = [\"Squat with little flexion.\"]\n\n\
             [[exercise]]\nuse = \"bridge\"\n",
        );
        ws
    }

    #[test]
    fn a_word_is_warned_once_a_file_at_its_first_use_with_how_often_it_comes_again() {
        let warnings = repeating().warnings(HANDOUT);
        assert_eq!(
            warnings,
            [
                "content/handouts/knee.toml:2:23 intro: “inflamed” is a word many readers do \
                 not know; also used 2 more times in this file | write “swollen and sore” \
                 instead each time, or explain it in brackets after its first use in each of \
                 the intro and the cause “Overuse”: inflamed (swollen and sore)",
                "content/handouts/knee.toml:13:29 exercise[2].steps[1]: “flexion” is a word \
                 many readers do not know | write “bending” instead, or explain it in brackets \
                 after it: flexion (bending)",
                "content/exercises/bridge.toml:2:26 steps[1]: “flexion” is a word many readers \
                 do not know; also used once more in this file | write “bending” instead each \
                 time, or explain it in brackets after its first use: flexion (bending)",
            ]
        );
    }

    #[test]
    fn a_warning_counts_the_uses_it_stands_for() {
        let loaded = repeating().load(HANDOUT).unwrap();
        let repeats: Vec<usize> = loaded.warnings.iter().map(|d| d.repeats).collect();
        assert_eq!(repeats, [2, 0, 1]);
    }

    #[test]
    fn names_are_listed_up_to_three_then_counted() {
        let names = ["a", "b", "c", "d", "e"];
        let listed_first = |n: usize| listed(names[..n].iter().copied());
        assert_eq!(listed_first(1), "a");
        assert_eq!(listed_first(2), "a and b");
        assert_eq!(listed_first(3), "a, b and c");
        assert_eq!(listed_first(5), "a, b, c and 2 more");
    }
}
