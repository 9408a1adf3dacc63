//! Every fixed word of a handout, in the reader's language.
//!
//! Each language has a message catalogue in Project Fluent's syntax, `locales/TAG.ftl`,
//! built into the binary; its plurals and word order are the catalogue's, not the code's.
//! [`resolve`] finds the language for a handout's `language` tag, [`check_label`] checks a
//! clinic's `[labels]`, and [`Words`] gives layout each message filled in, with the
//! clinic's labels in place of the catalogue's.
//!
//! Below every stage beside the model: it imports only the model.

mod catalogue;
mod labels;
mod languages;
mod nearest;
mod words;

#[cfg(test)]
mod tests;

pub use catalogue::label_keys;
pub use labels::{check_label, LabelError};
pub use languages::{english, resolve, supported, Language, UnknownLanguage, LANGUAGES};
pub use words::{Piece, Value, Words};
