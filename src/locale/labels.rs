//! A clinic's own words in place of a catalogue's: the `[labels]` of a brand or a handout.
//!
//! A label is plain text, and may fill in the values its message does, written as the
//! catalogue writes them: `note-from = "From { $clinician }, with care"`.

use fluent_bundle::FluentResource;

use super::catalogue::{self, label_keys, References};
use super::languages::english;
use super::nearest::nearest;

/// Why a label cannot replace its message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("there is no label \"{key}\"")]
    UnknownKey {
        key: String,
        /// The label most like it, when one is alike enough to be a slip of the keyboard.
        suggestion: Option<&'static str>,
    },
    #[error("a label cannot be empty")]
    Empty,
    #[error("this label fills in {{ ${name} }}, which \"{key}\" does not have")]
    UnknownValue {
        key: &'static str,
        name: String,
        /// The values the message fills in, which the label may use.
        known: Vec<&'static str>,
    },
    #[error("this label cannot be read: {reason}")]
    Unreadable { reason: String },
}

impl LabelError {
    /// How to put it right.
    pub fn hint(&self) -> String {
        match self {
            LabelError::UnknownKey {
                suggestion: Some(key),
                ..
            } => format!("did you mean `{key}`?"),
            LabelError::UnknownKey {
                suggestion: None, ..
            } => format!(
                "the labels are {}",
                label_keys().collect::<Vec<_>>().join(", ")
            ),
            LabelError::Empty => "write the words to print, or leave the label out".to_string(),
            LabelError::UnknownValue { known, .. } if known.is_empty() => {
                "write the label without { }".to_string()
            }
            LabelError::UnknownValue { known, .. } => {
                let known: Vec<String> =
                    known.iter().map(|name| format!("{{ ${name} }}")).collect();
                format!("it may fill in {}", known.join(", "))
            }
            LabelError::Unreadable { .. } => {
                "a brace that is not around a value is written {\"{\"} or {\"}\"}".to_string()
            }
        }
    }
}

/// Checks a label: its key names a message, and its text reads and fills in only what the
/// message does. `in_short` names `in-short`, as TOML keys elsewhere are written with `_`.
pub fn check_label(key: &str, text: &str) -> Result<(), LabelError> {
    parse(key, text).map(|_| ())
}

/// The label as a one-message catalogue, to lay over the language's.
pub(super) fn parse(key: &str, text: &str) -> Result<FluentResource, LabelError> {
    let key = catalogue_key(key)?;
    if text.trim().is_empty() {
        return Err(LabelError::Empty);
    }
    let (resource, errors) = catalogue::parse(format!("{key} = {}", continued(text.trim())));
    if let Some(error) = errors.first() {
        return Err(LabelError::Unreadable {
            reason: error.kind.to_string(),
        });
    }
    let Some(message) = catalogue::message(&resource, key) else {
        return Err(LabelError::Empty);
    };
    let english = catalogue::parsed(english());
    let known = catalogue::message(english, key)
        .map(|message| References::of(message).variables)
        .unwrap_or_default();
    let references = References::of(message);
    if let Some(name) = references.variables.iter().find(|v| !known.contains(v)) {
        return Err(LabelError::UnknownValue {
            key,
            name: name.to_string(),
            known,
        });
    }
    if let Some(other) = references.others.first() {
        return Err(LabelError::Unreadable {
            reason: format!("{{ {other} }} is not a value this label fills in"),
        });
    }
    Ok(resource)
}

/// The catalogue's key a label's key names.
fn catalogue_key(key: &str) -> Result<&'static str, LabelError> {
    let wanted = key.replace('_', "-");
    if let Some(found) = label_keys().find(|k| *k == wanted) {
        return Ok(found);
    }
    Err(LabelError::UnknownKey {
        key: key.to_string(),
        suggestion: nearest(&wanted, label_keys().map(|k| (k, k))),
    })
}

/// Text written on several lines, indented as Fluent reads a message's later lines; a line
/// that starts with a character Fluent would read as syntax starts with an empty literal.
fn continued(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let line = line.trim_start();
            if line.starts_with(['[', '*', '.']) {
                format!("{{\"\"}}{line}")
            } else {
                line.to_string()
            }
        })
        .collect();
    lines.join("\n    ")
}
