//! Measures of plain language and legibility.
pub mod language;
pub mod sentences;
pub mod syllables;
pub mod words;
