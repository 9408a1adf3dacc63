//! Measures of plain language and legibility.
pub mod jargon;
pub mod language;
pub mod readability;
pub mod sentences;
pub mod syllables;
pub mod words;
