//! The words of one language, with a clinic's labels: what layout prints around the content.

use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};

use super::catalogue;
use super::labels;
use super::languages::Language;
use crate::model::{Date, Dosage, Position, Recipient, Urgency};

/// A value a message fills in: text, or a number, whose plural form the message picks.
pub type Value<'a> = FluentValue<'a>;

/// The words of one language, each of a clinic's labels in place of its message.
///
/// Made once per handout; the catalogues behind it are parsed once per process. It is
/// `Send` and `Sync`, so the threads of a roster can share one.
pub struct Words {
    language: &'static Language,
    bundle: FluentBundle<Arc<FluentResource>>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("language", &self.language.tag)
            .finish_non_exhaustive()
    }
}

/// A piece of a sentence: the catalogue's words, or a name filled into them, which
/// layout may set apart (in bold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub is_name: bool,
}

/// Stand-ins for the names in "Prepared for …", found in the formatted sentence to split
/// it into [`Piece`]s. Unicode keeps these code points (noncharacters) for a program's
/// own use, so no text a person writes holds them.
const NAME: char = '\u{FDD0}';
const CLINICIAN: char = '\u{FDD1}';

impl Words {
    /// The words of `language`, each label (key, text) replacing its message. A label
    /// that does not pass [`labels::check_label`] is left out: the loader reports it.
    pub fn new<'a>(
        language: &'static Language,
        labels: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Words {
        let mut bundle = FluentBundle::new_concurrent(vec![language.identifier()]);
        // Unicode isolation marks around every value would be printed as invisible
        // characters, and handouts are written left to right.
        bundle.set_use_isolating(false);
        for layer in catalogue::layers(language) {
            bundle.add_resource_overriding(Arc::clone(layer));
        }
        for (key, text) in labels {
            if let Ok(label) = labels::parse(key, text) {
                bundle.add_resource_overriding(Arc::new(label));
            }
        }
        Words { language, bundle }
    }

    pub fn language(&self) -> &'static Language {
        self.language
    }

    /// The message `key`, which fills in nothing.
    pub fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The message `key` with its values filled in, e.g.
    /// `format("page-of", &[("page", 2.into()), ("total", 6.into())])`. A key no catalogue
    /// has comes back as itself, where a reader of the handout will see it.
    pub fn format(&self, key: &str, args: &[(&str, Value)]) -> String {
        self.fill(key, args)
            .map_or_else(|| key.to_string(), |(text, _)| text)
    }

    /// The message `key` filled in, with what went wrong doing it; `None` when no
    /// catalogue has the key.
    pub(super) fn fill(
        &self,
        key: &str,
        args: &[(&str, Value)],
    ) -> Option<(String, Vec<FluentError>)> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some((text.into_owned(), errors))
    }

    fn count(&self, key: &str, name: &str, count: u32) -> String {
        self.format(key, &[(name, count.into())])
    }

    /// The parts of a line such as "3 sets × 10 reps · hold 2 seconds · each side · daily",
    /// which layout sets apart and breaks only between; none when the dosage says nothing.
    pub fn dosage(&self, dosage: &Dosage) -> Vec<String> {
        let mut parts = Vec::new();
        let sets = dosage.sets.map(|n| self.count("dosage-sets", "count", n));
        let reps = dosage.reps.map(|n| self.count("dosage-reps", "count", n));
        match (sets, reps) {
            (Some(sets), Some(reps)) => parts.push(self.format(
                "dosage-sets-and-reps",
                &[("sets", sets.into()), ("reps", reps.into())],
            )),
            (Some(only), None) | (None, Some(only)) => parts.push(only),
            (None, None) => {}
        }
        if let Some(hold) = dosage.hold_seconds {
            parts.push(self.count("dosage-hold", "seconds", hold));
        }
        if let Some(rest) = dosage.rest_seconds {
            parts.push(self.count("dosage-rest", "seconds", rest));
        }
        if dosage.each_side {
            parts.push(self.text("dosage-each-side"));
        }
        parts.extend(self.how_often(dosage.times_per_day, dosage.days_per_week));
        parts
    }

    /// "twice a day, 3 days a week"; once a day goes without saying beside the days.
    fn how_often(&self, times_per_day: Option<u32>, days_per_week: Option<u32>) -> Option<String> {
        let times = times_per_day
            .filter(|&n| n != 1)
            .map(|n| self.count("dosage-times-a-day", "count", n));
        let days = match (days_per_week, &times) {
            (Some(7), None) => Some(self.text("dosage-daily")),
            (Some(n), _) => Some(self.count("dosage-days-a-week", "count", n)),
            (None, _) => None,
        };
        match (times, days) {
            (Some(times), Some(days)) => Some(self.format(
                "dosage-times-and-days",
                &[("times", times.into()), ("days", days.into())],
            )),
            (Some(only), None) | (None, Some(only)) => Some(only),
            (None, None) => times_per_day.map(|n| self.count("dosage-times-a-day", "count", n)),
        }
    }

    /// "23 November 2026", as the language writes a date.
    pub fn date(&self, date: Date) -> String {
        self.format(
            "date",
            &[
                ("day", date.day.into()),
                ("month", date.month.into()),
                ("year", date.year.into()),
            ],
        )
    }

    /// "Reviewed 23 November 2026".
    pub fn reviewed(&self, date: Date) -> String {
        self.format("reviewed", &[("date", self.date(date).into())])
    }

    /// "Page 2 of 6".
    pub fn page_of(&self, page: usize, total: usize) -> String {
        self.format("page-of", &[("page", page.into()), ("total", total.into())])
    }

    /// An urgency's word and what to do: "Soon", "book a visit with your doctor".
    pub fn urgency(&self, urgency: Urgency) -> (String, String) {
        let key = match urgency {
            Urgency::Soon => "urgency-soon",
            Urgency::Urgent => "urgency-urgent",
            Urgency::Emergency => "urgency-emergency",
        };
        (self.text(key), self.text(&format!("{key}-action")))
    }

    /// "lying down".
    pub fn position(&self, position: Position) -> String {
        self.text(match position {
            Position::Lying => "position-lying",
            Position::Sitting => "position-sitting",
            Position::Kneeling => "position-kneeling",
            Position::Standing => "position-standing",
        })
    }

    /// "A note from Dr Lee", or "A note from your clinician" when the clinician is not named.
    pub fn note_from(&self, clinician: Option<&str>) -> String {
        match clinician {
            Some(clinician) => self.format("note-from", &[("clinician", clinician.into())]),
            None => self.text("note-from-your-clinician"),
        }
    }

    /// "Prepared for NAME by CLINICIAN on DATE", with as much as the recipient's details
    /// give; `None` when they give none of the three.
    pub fn prepared(&self, recipient: &Recipient) -> Option<Vec<Piece>> {
        let name = recipient.name.as_deref();
        let clinician = recipient.clinician.as_deref();
        let given = [
            name.map(|_| "name"),
            clinician.map(|_| "clinician"),
            recipient.date.map(|_| "date"),
        ];
        let parts: Vec<&str> = given.into_iter().flatten().collect();
        if parts.is_empty() {
            return None;
        }
        let mut args = vec![("parts", Value::from(parts.join("-")))];
        if name.is_some() {
            args.push(("name", NAME.to_string().into()));
        }
        if clinician.is_some() {
            args.push(("clinician", CLINICIAN.to_string().into()));
        }
        if let Some(date) = recipient.date {
            args.push(("date", self.date(date).into()));
        }
        let sentence = self.format("prepared", &args);
        let mut pieces = Vec::new();
        let mut words = String::new();
        for c in sentence.chars() {
            let filled = match c {
                NAME => name,
                CLINICIAN => clinician,
                _ => None,
            };
            let Some(filled) = filled else {
                words.push(c);
                continue;
            };
            if !words.is_empty() {
                pieces.push(Piece {
                    text: std::mem::take(&mut words),
                    is_name: false,
                });
            }
            pieces.push(Piece {
                text: filled.to_string(),
                is_name: true,
            });
        }
        if !words.is_empty() {
            pieces.push(Piece {
                text: words,
                is_name: false,
            });
        }
        Some(pieces)
    }
}
