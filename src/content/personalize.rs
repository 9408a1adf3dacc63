//! Personalizing: one copy of a loaded handout made someone's own, with the "prepared for"
//! details and the dosages changed for them, from the command line or a roster's row.
//!
//! The details are checked as text in a content file is: the same characters are refused
//! with the same messages, and the characters the font lacks are warned about. The loaded
//! document is never changed: each copy is a new one.

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{Date, Document, DosageField, DosageValue, Exercise, Recipient};

use super::coverage::Coverage;
use super::fields;

/// Who one copy of a handout is for, and the dosages changed for them, each detail with
/// where it was given. A detail left out keeps the document's own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Personalization {
    /// "Prepared for NAME".
    pub name: Option<Given>,
    pub clinician: Option<Given>,
    pub date: Option<Date>,
    /// A personal note, printed in a box on the first page.
    pub note: Option<Given>,
    pub dosages: Vec<DosageChange>,
    /// Notes on single exercises, printed in their cards.
    pub exercise_notes: Vec<ExerciseNote>,
}

/// Text as it was given, and where: a command-line flag, or a roster's cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    pub text: String,
    /// The flag (`--patient`) or the roster's column (`name`), for diagnostics.
    pub key: String,
    /// The roster's cell; `None` for a flag.
    pub location: Option<Location>,
}

/// One dosage field of one exercise, changed.
#[derive(Debug, Clone, PartialEq)]
pub struct DosageChange {
    /// The exercise: its library id, or for one written in place, its name as lower-case
    /// words joined by hyphens (`split-squat`).
    pub exercise: String,
    pub field: DosageField,
    /// The value as written, read here.
    pub value: Given,
}

/// A note on one exercise, for one recipient.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseNote {
    /// The exercise, named as in [`DosageChange::exercise`].
    pub exercise: String,
    pub note: Given,
}

/// A personalized copy of a document, and what it warned about.
#[derive(Debug, Clone)]
pub struct Personalized {
    pub document: Document,
    pub warnings: Diagnostics,
}

/// Personalizes copies of documents, knowing which characters their font has.
#[derive(Clone)]
pub struct Personalizer {
    coverage: Coverage,
}

/// A copy of `document` with `personalization`'s details and dosages over its own.
pub fn personalize(
    document: &Document,
    personalization: &Personalization,
) -> Result<Personalized, Diagnostics> {
    Personalizer::new(document).personalize(document, personalization)
}

/// Whether `text` may be printed as a detail given on the command line, by the rules of
/// text in content files; when not, why, with what to do, as one line.
pub fn check_text(text: &str) -> Result<(), String> {
    let problem = unprintable_detail(text)
        .map(|(message, hint)| (message, hint.to_string()))
        .or_else(|| {
            fields::invisible(text).map(|m| (m, "write the text, or leave it out".to_string()))
        });
    match problem {
        Some((message, hint)) => Err(format!("{message}; {hint}")),
        None => Ok(()),
    }
}

impl std::fmt::Debug for Personalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Personalizer").finish_non_exhaustive()
    }
}

impl Personalizer {
    /// A personalizer for documents in the regular face of `document`'s brand.
    pub fn new(document: &Document) -> Personalizer {
        let coverage = match &document.brand.fonts.regular {
            Some(regular) => Coverage::of(&regular.data),
            None => Coverage::bundled(),
        };
        Personalizer { coverage }
    }

    /// A personalizer for documents whose regular face covers what `coverage` says.
    pub fn with_coverage(coverage: Coverage) -> Personalizer {
        Personalizer { coverage }
    }

    /// A copy of `document` with `personalization`'s details and dosages over its own;
    /// every problem of them is reported.
    pub fn personalize(
        &self,
        document: &Document,
        personalization: &Personalization,
    ) -> Result<Personalized, Diagnostics> {
        let mut problems = Diagnostics::default();
        let mut text = |given: &Option<Given>| -> Option<String> {
            let given = given.as_ref()?;
            self.check_text(given, &mut problems)
        };
        let own = document.recipient.clone().unwrap_or_default();
        let recipient = Recipient {
            name: text(&personalization.name).or(own.name),
            clinician: text(&personalization.clinician).or(own.clinician),
            date: personalization.date.or(own.date),
            note: text(&personalization.note).or(own.note),
        };
        let mut exercises = document.exercises.clone();
        for change in &personalization.dosages {
            change_dosage(&mut exercises, change, &mut problems);
        }
        for note in &personalization.exercise_notes {
            let Some(text) = self.check_text(&note.note, &mut problems) else {
                continue;
            };
            for exercise in named(&mut exercises, &note.exercise, &note.note, &mut problems) {
                exercise.note = Some(text.clone());
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let document = Document {
            recipient: (recipient != Recipient::default()).then_some(recipient),
            exercises,
            ..document.clone()
        };
        Ok(Personalized {
            document,
            warnings: problems,
        })
    }

    /// The text of a detail, trimmed, once it is known to print; warns about the characters
    /// the font lacks.
    fn check_text(&self, given: &Given, problems: &mut Diagnostics) -> Option<String> {
        let text = given.text.trim();
        if let Some((message, hint)) = unprintable_detail(text) {
            problems.push(given.error(message).hint(hint));
            return None;
        }
        if let Some(message) = fields::invisible(text) {
            problems.push(given.error(message).hint("write the text, or leave it out"));
            return None;
        }
        if let Some(missing) = self.coverage.missing(text) {
            let (message, hint) = missing.explain();
            problems.push(given.diagnostic(Diagnostic::warning(message)).hint(hint));
        }
        Some(text.to_string())
    }
}

/// Why a detail can't be printed, by the rules of text in content files; a detail too long
/// is told to be shortened, having no sections to be split over as a content file's text has.
fn unprintable_detail(text: &str) -> Option<(String, &'static str)> {
    let (message, hint) = fields::unprintable(text)?;
    if text.chars().count() > fields::MAX_TEXT_CHARS {
        return Some((
            message,
            "shorten it to what fits on the handout: a few sentences",
        ));
    }
    Some((message, hint))
}

impl Given {
    /// A detail given on the command line as `flag`.
    pub fn flag(flag: &str, text: impl Into<String>) -> Given {
        Given {
            text: text.into(),
            key: flag.to_string(),
            location: None,
        }
    }

    fn error(&self, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Diagnostic::error(message))
    }

    fn diagnostic(&self, diagnostic: Diagnostic) -> Diagnostic {
        let diagnostic = diagnostic.key(&self.key);
        match &self.location {
            Some(location) => diagnostic.at(location.clone()),
            None => diagnostic,
        }
    }
}

/// Reads a change's value and sets it on every exercise it names.
fn change_dosage(exercises: &mut [Exercise], change: &DosageChange, problems: &mut Diagnostics) {
    let value = match dosage_value(change.field, change.value.text.trim()) {
        Ok(value) => value,
        Err(diagnostic) => {
            problems.push(change.value.diagnostic(*diagnostic));
            return;
        }
    };
    for exercise in named(exercises, &change.exercise, &change.value, problems) {
        exercise.dosage.set(change.field, value);
    }
}

/// The exercises `key` names (see [`exercise_key`]); when it names none, an error at
/// `given`, where the key was written.
fn named<'e>(
    exercises: &'e mut [Exercise],
    key: &str,
    given: &Given,
    problems: &mut Diagnostics,
) -> Vec<&'e mut Exercise> {
    let matching: Vec<&mut Exercise> = exercises
        .iter_mut()
        .filter(|e| exercise_key(e) == key)
        .collect();
    if matching.is_empty() {
        problems.push(given.error(format!("the handout has no exercise `{key}`")));
    }
    matching
}

/// A dosage field's value, as a roster's cell writes it.
fn dosage_value(field: DosageField, written: &str) -> Result<DosageValue, Box<Diagnostic>> {
    let Some(range) = field.range() else {
        return match written.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" => Ok(DosageValue::Flag(true)),
            "false" | "no" | "n" | "0" => Ok(DosageValue::Flag(false)),
            _ => Err(Box::new(
                Diagnostic::error(format!("expected yes or no, found `{written}`"))
                    .hint("write yes, no, true or false"),
            )),
        };
    };
    match written.parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(DosageValue::Count(n)),
        _ => Err(Box::new(
            Diagnostic::error(format!(
                "expected a whole number from {} to {}, found `{written}`",
                range.start(),
                range.end()
            ))
            .hint(format!(
                "write a number from {} to {}, or leave the cell empty for the handout's own",
                range.start(),
                range.end()
            )),
        )),
    }
}

/// How a roster names an exercise: its library id, or for one written in place, its name
/// as lower-case words joined by hyphens ("Split Squat" → `split-squat`).
pub(crate) fn exercise_key(exercise: &Exercise) -> String {
    exercise.id.clone().unwrap_or_else(|| slug(&exercise.name))
}

/// "Aoife O’Brien" → "aoife-obrien", "Sinéad Ní Bhriain" → "sinead-ni-bhriain".
pub(crate) fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if c == '\'' {
            // Apostrophes join: O'Brien is one word.
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{load, LoadOptions};

    /// The repository's sample handout, loaded.
    fn test_document() -> Document {
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/handouts/inner-knee-pain.toml");
        load(&sample, &LoadOptions::default()).unwrap().document
    }

    fn patient(text: &str) -> Personalization {
        Personalization {
            name: Some(Given::flag("--patient", text)),
            ..Personalization::default()
        }
    }

    fn shown(problems: &Diagnostics) -> Vec<String> {
        problems.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn details_given_replace_the_documents_own_and_the_rest_stay() {
        let document = test_document();
        let first = personalize(&document, &patient("  Aoife O’Brien ")).unwrap();
        let recipient = first.document.recipient.clone().unwrap();
        assert_eq!(recipient.name.as_deref(), Some("Aoife O’Brien"));
        let note = Personalization {
            note: Some(Given::flag("--note", "Rest well.")),
            ..Personalization::default()
        };
        let second = personalize(&first.document, &note).unwrap().document;
        let recipient = second.recipient.unwrap();
        assert_eq!(recipient.name.as_deref(), Some("Aoife O’Brien"));
        assert_eq!(recipient.note.as_deref(), Some("Rest well."));
        assert_eq!(
            document.recipient, None,
            "the loaded document is not changed"
        );
    }

    #[test]
    fn details_are_refused_with_the_messages_content_files_get() {
        let document = test_document();
        let refused = personalize(&document, &patient("Aoife \u{202E}nirB")).unwrap_err();
        assert_eq!(
            shown(&refused),
            [
                "error: `--patient`: the text contains the direction control U+202E, which would \
              show the text in another order than it is written\n  hint: delete it; \
              right-to-left words are set in their own direction without it"
            ]
        );
        let refused = personalize(&document, &patient("Aoife\u{7}")).unwrap_err();
        assert_eq!(
            refused.0[0].message,
            "the text contains the control character U+0007"
        );
        let refused = personalize(&document, &patient("\u{200B}")).unwrap_err();
        assert_eq!(
            refused.0[0].message,
            "the text has no visible characters, only invisible ones (U+200B)"
        );
    }

    #[test]
    fn characters_the_font_lacks_are_warned_about() {
        let personalized = personalize(&test_document(), &patient("张伟")).unwrap();
        let warning = &personalized.warnings.0[0];
        assert!(!warning.is_error());
        assert_eq!(warning.key.as_deref(), Some("--patient"));
        assert!(
            warning.message.contains("“张” (U+5F20)"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn a_dosage_change_is_checked_and_set_on_its_exercise() {
        let document = test_document();
        let key = exercise_key(&document.exercises[0]);
        let change = |field, text: &str| DosageChange {
            exercise: key.clone(),
            field,
            value: Given::flag("reps", text),
        };
        let changed = Personalization {
            dosages: vec![
                change(DosageField::Reps, "12"),
                change(DosageField::EachSide, "Yes"),
            ],
            ..Personalization::default()
        };
        let document = personalize(&document, &changed).unwrap().document;
        assert_eq!(document.exercises[0].dosage.reps, Some(12));
        assert!(document.exercises[0].dosage.each_side);
        for (field, bad) in [
            (DosageField::Sets, "21"),
            (DosageField::Sets, "three"),
            (DosageField::Sets, "-1"),
            (DosageField::EachSide, "maybe"),
        ] {
            let refused = Personalization {
                dosages: vec![change(field, bad)],
                ..Personalization::default()
            };
            assert!(personalize(&document, &refused).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_exercise_note_is_checked_as_text_and_set_on_its_exercise() {
        let document = test_document();
        let key = exercise_key(&document.exercises[2]);
        let noted = |text: &str| Personalization {
            exercise_notes: vec![ExerciseNote {
                exercise: key.clone(),
                note: Given::flag("split-squat.note", text),
            }],
            ..Personalization::default()
        };
        let copy = personalize(&document, &noted(" Left leg only this week. "))
            .unwrap()
            .document;
        assert_eq!(
            copy.exercises[2].note.as_deref(),
            Some("Left leg only this week.")
        );
        assert!(copy.exercises[..2].iter().all(|e| e.note.is_none()));
        assert!(document.exercises.iter().all(|e| e.note.is_none()));
        let refused = personalize(&document, &noted("Left \u{202E}leg")).unwrap_err();
        assert!(refused.0[0].message.contains("U+202E"), "{refused}");
        let long = "Keep it easy. ".repeat(3_000);
        let refused = personalize(&document, &noted(&long)).unwrap_err();
        assert_eq!(
            refused.0[0].hint.as_deref(),
            Some("shorten it to what fits on the handout: a few sentences")
        );
    }

    #[test]
    fn names_become_readable_ascii_file_names() {
        assert_eq!(slug("Aoife O’Brien"), "aoife-obrien");
        assert_eq!(slug("Sinéad Ní Bhriain"), "sinead-ni-bhriain");
        assert_eq!(slug("  Jane   Doe (2nd) "), "jane-doe-2nd");
        assert_eq!(slug("张伟"), "zhang-wei");
    }
}
