//! Placeholders: the sample words `handout new` writes for the author to replace, and the
//! brand name the loader suggests, found where they were left in place.

use std::ops::Range;

use super::language::Language;
use super::sentences::sentences;

/// Every phrase `handout new` leaves for the author to replace, and the clinic name the
/// loader's hint for a missing brand file suggests. Phrases a real handout may keep as
/// they are ("Final thoughts", "Stop if you feel sharp pain.") are not placeholders.
pub const PHRASES: [&str; 18] = [
    "Your clinic",
    "Your name",
    "The one thing to remember, printed first in a box.",
    "A few short sentences about the condition, in everyday words.",
    "A likely cause",
    "What it is, in one or two sentences.",
    "Something the reader can do about it.",
    "A sign to see a doctor",
    "What to look out for.",
    "An exercise",
    "What it helps with.",
    "The first step.",
    "The next step.",
    "A tip that makes it easier to do well.",
    "The one thing to think of while doing it.",
    "A harder way to do it.",
    "An easier way to do it.",
    "A last word of encouragement.",
];

/// A placeholder left in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// Where, as a byte range of the text.
    pub range: Range<usize>,
    pub phrase: &'static str,
}

/// The placeholders in `text`: sentences that are one of [`PHRASES`] as written, so that
/// prose which only starts the same way ("The next step is to rest.") is not one.
pub fn find(text: &str) -> Vec<Placeholder> {
    // The templates are English; their sentences split the same in any language.
    sentences(text, Language::English)
        .into_iter()
        .filter_map(|range| {
            let sentence = text[range.clone()].trim_matches(['*', '_']);
            let phrase = PHRASES.iter().find(|phrase| **phrase == sentence)?;
            Some(Placeholder { range, phrase })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_is_one_the_templates_or_the_brand_hint_write() {
        let written = [
            include_str!("../cli/templates/handout.toml"),
            include_str!("../cli/templates/exercise.toml"),
            include_str!("../content/brand.rs"),
        ];
        for phrase in PHRASES {
            assert!(
                written.iter().any(|text| text.contains(phrase)),
                "{phrase:?} is no longer written by `handout new`"
            );
        }
    }

    #[test]
    fn placeholders_are_found_as_whole_sentences() {
        let text = "Rest your knee. The first step. A tip that makes it easier to do well.";
        let found = find(text);
        assert_eq!(
            found
                .iter()
                .map(|p| (&text[p.range.clone()], p.phrase))
                .collect::<Vec<_>>(),
            [
                ("The first step.", "The first step."),
                (
                    "A tip that makes it easier to do well.",
                    "A tip that makes it easier to do well."
                ),
            ]
        );
        assert_eq!(find("Your clinic")[0].range, 0..11);
    }

    #[test]
    fn prose_that_starts_like_a_placeholder_is_not_one() {
        assert!(find("The next step is to rest. An exercise a day helps.").is_empty());
        assert!(find("Richard's clinic").is_empty());
    }
}
