//! Checks of plain language and legibility: pure measures over text and colours, for
//! `check` and `build` to turn into warnings at the file, line and column of each field.
//!
//! Each text check takes one field's text (a section's intro, a cause's name and text, an
//! exercise's steps, …) and answers with byte ranges into that text:
//!
//! - [`readability::reading_level`]: the school grade, by the standard formula of the
//!   language, and the hardest sentence; compare it with [`readability::TARGET_GRADE`]
//!   or the brand's own target.
//! - [`readability::long_sentences`]: sentences over a number of words, by default
//!   [`readability::LONG_SENTENCE_WORDS`].
//! - [`jargon::find`]: medical and formal words from the shipped list that the text does
//!   not explain, each with everyday words to use instead.
//! - [`placeholders::find`]: sample phrases of `handout new` left in place.
//!
//! The language comes from the handout's BCP 47 tag through [`Language::from_tag`], which
//! is `None` for a language these checks do not know. The text may be the field as
//! written, Markdown and all: emphasis marks and link addresses are not words.
//!
//! [`contrast::brand_problems`] checks the brand's colours as the renderer prints them,
//! in colour and in grey.
//!
//! ```
//! use handout::checks::{jargon, readability, Language};
//!
//! let text = "Inflammation of the bursa is common. Rest helps.";
//! let language = Language::from_tag("en").unwrap();
//! let level = readability::reading_level(text, language).unwrap();
//! assert_eq!(level.formula, readability::Formula::FleschKincaid);
//! assert_eq!(&text[level.hardest.clone()], "Inflammation of the bursa is common.");
//! let jargon = jargon::find(text, language);
//! assert_eq!(jargon[0].plain, "swelling and soreness");
//! assert_eq!(&text[jargon[0].range.clone()], "Inflammation");
//! ```

pub mod contrast;
pub mod jargon;
pub mod language;
pub mod placeholders;
pub mod readability;
mod sentences;
mod syllables;
mod words;

pub use language::Language;

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_text_is_measured_without_panicking_and_ranges_slice_it(
            text in "[a-zA-Z0-9 .,;:!?'\"()\\[\\]*_\n/@–—’“”…éñüçłÉ¿¡-]{0,80}",
            language in 0..Language::ALL.len(),
        ) {
            let language = Language::ALL[language];
            let mut ranges = Vec::new();
            if let Some(level) = readability::reading_level(&text, language) {
                proptest::prop_assert!(level.grade.is_finite() && level.score.is_finite());
                ranges.push(level.hardest);
            }
            ranges.extend(readability::long_sentences(&text, language, 3).into_iter().map(|s| s.range));
            ranges.extend(jargon::find(&text, language).into_iter().map(|j| j.range));
            ranges.extend(placeholders::find(&text).into_iter().map(|p| p.range));
            for range in ranges {
                proptest::prop_assert!(text.get(range.clone()).is_some_and(|s| !s.is_empty()), "{range:?}");
            }
        }
    }
}
