//! Tests across every catalogue: the same messages, each filling in without a Fluent error,
//! none left in English, every character in the bundled font; and the words that are easy
//! to get wrong, in the languages that make them hard.

use std::collections::BTreeSet;

use super::catalogue::{self, References};
use super::*;
use crate::model::fonts::BUNDLED;
use crate::model::{CharSet, Date, Dosage, Position, Recipient, Urgency};

fn words(tag: &str) -> Words {
    Words::new(resolve(tag).unwrap(), [])
}

fn english_keys() -> Vec<&'static str> {
    label_keys().collect()
}

fn variables(language: &Language, key: &str) -> BTreeSet<String> {
    catalogue::message(catalogue::parsed(language), key)
        .map(|message| References::of(message).variables)
        .unwrap_or_default()
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The ways "Prepared for …" can be asked for: which of name, clinician and date are given.
const PREPARED_PARTS: [&str; 7] = [
    "name",
    "name-clinician",
    "name-date",
    "clinician",
    "clinician-date",
    "date",
    "name-clinician-date",
];

/// Numbers that land in every plural form of the supported languages (Polish: 1 one;
/// 2, 3, 4, 22 few; 0, 5, 11, 12, 25 many), and the exact numbers the catalogues pick.
const NUMBERS: [u32; 13] = [0, 1, 2, 3, 4, 5, 7, 11, 12, 21, 22, 25, 101];

/// A value for each name a message fills in, to format every message with.
fn sample(name: &str, number: u32, round: usize) -> Value<'static> {
    match name {
        "count" | "seconds" | "minutes" | "page" | "total" | "week" | "year" => number.into(),
        "day" => (number % 31 + 1).into(),
        "month" => (number % 12 + 1).into(),
        "parts" => PREPARED_PARTS[round % PREPARED_PARTS.len()].into(),
        "clinician" | "name" | "author" => "Sam Lee".into(),
        "clinic" => "Riverside Physio".into(),
        "url" => "https://example.org/video".into(),
        "title" => "Split squat".into(),
        "urgency" => "Urgent".into(),
        "date" | "first" | "last" => "1.1.2027".into(),
        "sets" | "reps" | "times" | "days" => "…".into(),
        other => panic!("no sample value for ${other}: add one to `sample`"),
    }
}

/// Every message of `words` filled in with samples, by key, several times over.
fn formatted(words: &Words) -> Vec<(&'static str, String)> {
    let english = english();
    let mut all = Vec::new();
    for key in english_keys() {
        let names = variables(english, key);
        for (round, &number) in NUMBERS.iter().enumerate() {
            let args: Vec<(&str, Value)> = names
                .iter()
                .map(|name| (name.as_str(), sample(name, number, round)))
                .collect();
            let (text, errors) = words
                .fill(key, &args)
                .unwrap_or_else(|| panic!("{}: no message {key}", words.language().tag));
            assert!(
                errors.is_empty(),
                "{}: {key} with {args:?}: {errors:?}",
                words.language().tag
            );
            all.push((key, text));
        }
    }
    all
}

#[test]
fn every_catalogue_reads_without_errors() {
    for language in LANGUAGES {
        let (_, errors) = catalogue::parse(language.catalogue.to_string());
        assert!(errors.is_empty(), "{}.ftl: {errors:?}", language.tag);
    }
}

#[test]
fn every_language_has_the_messages_english_has_and_no_others() {
    let english: BTreeSet<&str> = english_keys().into_iter().collect();
    for language in LANGUAGES {
        let keys: BTreeSet<&str> = catalogue::keys(catalogue::parsed(language)).collect();
        let extra: Vec<_> = keys.difference(&english).collect();
        assert!(
            extra.is_empty(),
            "{}.ftl has keys en.ftl lacks: {extra:?}",
            language.tag
        );
        // A region's catalogue holds only what differs from its language's.
        if language.extends.is_none() {
            let missing: Vec<_> = english.difference(&keys).collect();
            assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", language.tag);
        }
    }
}

#[test]
fn every_translation_fills_in_what_english_does() {
    for language in LANGUAGES {
        for key in catalogue::keys(catalogue::parsed(language)) {
            assert_eq!(
                variables(language, key),
                variables(english(), key),
                "{}.ftl: {key}",
                language.tag
            );
        }
    }
}

#[test]
fn every_message_formats_in_every_language_without_errors() {
    for language in LANGUAGES {
        for (key, text) in formatted(&Words::new(language, [])) {
            assert!(!text.trim().is_empty(), "{}: {key} is empty", language.tag);
        }
    }
}

/// The sample texts filled into messages, which are the same in every language.
const SAMPLE_TEXTS: [&str; 6] = [
    "Sam Lee",
    "Riverside Physio",
    "https://example.org/video",
    "Split squat",
    "1.1.2027",
    "Urgent",
];

/// Whether a formatted message has words of its own, besides the values filled in:
/// "… × …" has none.
fn has_own_words(text: &str) -> bool {
    let own = SAMPLE_TEXTS
        .iter()
        .fold(text.to_string(), |text, sample| text.replace(sample, ""));
    own.chars().any(char::is_alphabetic)
}

#[test]
fn no_message_is_left_in_english() {
    let english = formatted(&words("en"));
    for language in LANGUAGES.iter().filter(|l| !l.tag.starts_with("en")) {
        let translated = formatted(&Words::new(language, []));
        for ((key, english), (_, translated)) in english.iter().zip(&translated) {
            if has_own_words(english) {
                assert_ne!(english, translated, "{}: {key}", language.tag);
            }
        }
    }
}

#[test]
fn the_bundled_font_has_every_character_of_every_catalogue() {
    let faces: Vec<(&str, CharSet)> = BUNDLED
        .iter()
        .map(|(name, data)| (*name, CharSet::of_font(data)))
        .collect();
    for language in LANGUAGES {
        for (key, text) in formatted(&Words::new(language, [])) {
            for (name, chars) in &faces {
                let missing: String = text.chars().filter(|&c| !chars.contains(c)).collect();
                assert!(
                    missing.is_empty(),
                    "{}: {key}: {name} lacks {missing:?}",
                    language.tag
                );
            }
        }
    }
}

#[test]
fn words_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>(_: &T) {}
    shared(&words("pl"));
}

fn dosage(tag: &str, dosage: Dosage) -> String {
    words(tag).dosage(&dosage).join(" · ")
}

fn sets_and_reps(tag: &str, sets: u32, reps: u32) -> String {
    let given = Dosage {
        sets: Some(sets),
        reps: Some(reps),
        ..Dosage::default()
    };
    dosage(tag, given)
}

#[test]
fn the_english_dosage_line_reads_as_the_format_writes_it() {
    let example = Dosage {
        sets: Some(3),
        reps: Some(10),
        each_side: true,
        times_per_day: Some(1),
        days_per_week: Some(7),
        ..Dosage::default()
    };
    assert_eq!(
        dosage("en", example),
        "3 sets × 10 reps · each side · daily"
    );
    let everything = Dosage {
        sets: Some(3),
        reps: Some(10),
        hold_seconds: Some(2),
        rest_seconds: Some(60),
        each_side: true,
        times_per_day: Some(2),
        days_per_week: Some(3),
        ..Dosage::default()
    };
    assert_eq!(
        dosage("en", everything),
        "3 sets × 10 reps · hold 2 seconds · rest 60 seconds between sets · each side · \
         twice a day, 3 days a week"
    );
}

#[test]
fn english_counts_one_and_many() {
    let ones = Dosage {
        sets: Some(1),
        reps: Some(1),
        hold_seconds: Some(1),
        times_per_day: Some(3),
        days_per_week: Some(1),
        ..Dosage::default()
    };
    assert_eq!(
        dosage("en", ones),
        "1 set × 1 rep · hold 1 second · 3 times a day, 1 day a week"
    );
}

#[test]
fn how_often_says_once_a_day_only_when_nothing_else_does() {
    let often = |times_per_day, days_per_week| {
        let given = Dosage {
            times_per_day,
            days_per_week,
            ..Dosage::default()
        };
        words("en").dosage(&given)
    };
    assert_eq!(often(Some(1), None), ["once a day"]);
    assert_eq!(often(Some(1), Some(3)), ["3 days a week"]);
    assert_eq!(often(None, Some(7)), ["daily"]);
    assert_eq!(often(Some(2), Some(7)), ["twice a day, every day"]);
    assert!(often(None, None).is_empty());
}

#[test]
fn a_dosage_comes_in_parts_for_layout_to_keep_whole() {
    let parts = words("es").dosage(&Dosage {
        hold_seconds: Some(5),
        each_side: true,
        ..Dosage::default()
    });
    assert_eq!(parts, ["mantenga 5 segundos", "por cada lado"]);
}

#[test]
fn polish_counts_in_three_forms() {
    // One: 1; few: 2–4, 22–24, but not 12–14; many: 0, 5–21, 25–31 … (CLDR's Polish rules).
    assert_eq!(sets_and_reps("pl", 1, 1), "1 seria × 1 powtórzenie");
    assert_eq!(sets_and_reps("pl", 2, 3), "2 serie × 3 powtórzenia");
    assert_eq!(sets_and_reps("pl", 5, 10), "5 serii × 10 powtórzeń");
    assert_eq!(sets_and_reps("pl", 12, 22), "12 serii × 22 powtórzenia");
    let holds = |seconds| {
        let given = Dosage {
            hold_seconds: Some(seconds),
            ..Dosage::default()
        };
        dosage("pl", given)
    };
    assert_eq!(holds(1), "wytrzymaj 1 sekundę");
    assert_eq!(holds(4), "wytrzymaj 4 sekundy");
    assert_eq!(holds(15), "wytrzymaj 15 sekund");
}

#[test]
fn spanish_numbers_read_naturally() {
    let given = Dosage {
        sets: Some(3),
        reps: Some(10),
        times_per_day: Some(2),
        days_per_week: Some(7),
        ..Dosage::default()
    };
    assert_eq!(
        dosage("es", given),
        "3 series × 10 repeticiones · 2 veces al día, todos los días"
    );
    assert_eq!(sets_and_reps("es", 1, 1), "1 serie × 1 repetición");
}

fn date(tag: &str, day: u8, month: u8) -> String {
    words(tag).date(Date {
        year: 2026,
        month,
        day,
    })
}

#[test]
fn english_dates_are_british_but_in_american_english() {
    assert_eq!(date("en", 23, 11), "23 November 2026");
    assert_eq!(date("en-GB", 23, 11), "23 November 2026");
    assert_eq!(date("en-US", 23, 11), "November 23, 2026");
    assert_eq!(date("en-US", 1, 5), "May 1, 2026");
}

#[test]
fn each_language_writes_a_date_its_own_way() {
    assert_eq!(date("es", 23, 11), "23 de noviembre de 2026");
    assert_eq!(date("fr", 23, 11), "23 novembre 2026");
    assert_eq!(date("fr", 1, 5), "1er mai 2026");
    assert_eq!(date("de", 23, 11), "23. November 2026");
    assert_eq!(date("it", 1, 3), "1º marzo 2026");
    assert_eq!(date("pt", 5, 3), "5 de março de 2026");
    // Polish dates name the month in the genitive.
    assert_eq!(date("pl", 23, 11), "23 listopada 2026");
}

#[test]
fn a_region_keeps_its_language_s_other_words() {
    let american = words("en-US");
    assert_eq!(american.text("in-short"), "In short");
    assert_eq!(
        american.reviewed(Date {
            year: 2026,
            month: 11,
            day: 23
        }),
        "Reviewed November 23, 2026"
    );
}

#[test]
fn page_numbers_urgencies_positions_and_notes() {
    assert_eq!(words("de").page_of(2, 6), "Seite 2 von 6");
    assert_eq!(words("en").page_of(1, 6), "Page 1 of 6");
    assert_eq!(
        words("en").urgency(Urgency::Soon),
        (
            "Soon".to_string(),
            "book a visit with your doctor".to_string()
        )
    );
    assert_eq!(words("es").urgency(Urgency::Emergency).0, "Emergencia");
    assert_eq!(words("pl").position(Position::Kneeling), "na klęczkach");
    assert_eq!(words("en").note_from(Some("Dr Lee")), "A note from Dr Lee");
    assert_eq!(words("en").note_from(None), "A note from your clinician");
}

fn prepared(tag: &str, recipient: &Recipient) -> Option<Vec<(String, bool)>> {
    let pieces = words(tag).prepared(recipient)?;
    Some(pieces.into_iter().map(|p| (p.text, p.is_name)).collect())
}

fn piece(text: &str, is_name: bool) -> (String, bool) {
    (text.to_string(), is_name)
}

#[test]
fn prepared_for_says_what_is_given_with_the_names_apart() {
    let everything = Recipient {
        name: Some("Ana Ruiz".into()),
        clinician: Some("Sam Lee".into()),
        date: Some(Date {
            year: 2026,
            month: 11,
            day: 23,
        }),
        note: None,
    };
    assert_eq!(
        prepared("en", &everything),
        Some(vec![
            piece("Prepared for ", false),
            piece("Ana Ruiz", true),
            piece(" by ", false),
            piece("Sam Lee", true),
            piece(" on 23 November 2026", false),
        ])
    );
    let clinician_only = Recipient {
        clinician: Some("Sam Lee".into()),
        ..Recipient::default()
    };
    assert_eq!(
        prepared("es", &clinician_only),
        Some(vec![piece("Preparado por ", false), piece("Sam Lee", true)])
    );
    assert_eq!(prepared("en", &Recipient::default()), None);
}

#[test]
fn a_label_replaces_its_message() {
    let labels = [
        ("in_short", "The main thing"),
        ("note-from", "From { $clinician }, with care"),
        ("page-of", "{ $page }/{ $total }"),
    ];
    let words = Words::new(resolve("en-US").unwrap(), labels);
    assert_eq!(words.text("in-short"), "The main thing");
    assert_eq!(words.note_from(Some("Sam")), "From Sam, with care");
    assert_eq!(words.page_of(2, 6), "2/6");
    assert_eq!(words.text("heading-closing"), "Final thoughts");
}

#[test]
fn a_label_over_several_lines_reads_as_written() {
    let text = "Lines:\n[not a variant]\n* not a default\n.not an attribute";
    let words = Words::new(english(), [("heading-closing", text)]);
    assert_eq!(words.text("heading-closing"), text);
}

#[test]
fn a_label_that_does_not_check_is_an_error_and_left_out() {
    assert_eq!(
        check_label("in_shrot", "x"),
        Err(LabelError::UnknownKey {
            key: "in_shrot".to_string(),
            suggestion: Some("in-short"),
        })
    );
    assert_eq!(check_label("in-short", "  "), Err(LabelError::Empty));
    let unknown_value = check_label("note-from", "From { $clinican }").unwrap_err();
    assert_eq!(
        unknown_value,
        LabelError::UnknownValue {
            key: "note-from",
            name: "clinican".to_string(),
            known: vec!["clinician"],
        }
    );
    assert_eq!(unknown_value.hint(), "it may fill in { $clinician }");
    assert!(matches!(
        check_label("in-short", "Tips {for you}"),
        Err(LabelError::Unreadable { .. })
    ));
    assert!(matches!(
        check_label("in-short", "{ heading-closing }"),
        Err(LabelError::Unreadable { .. })
    ));
    let words = Words::new(english(), [("in-short", "{ $nothing }"), ("nope", "x")]);
    assert_eq!(words.text("in-short"), "In short");
}
