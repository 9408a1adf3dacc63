//! Handouts in each language: every fixed word in it, its hyphens its own, its tag checked.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};
use handout::content::{Given, Personalization};
use handout::layout::Item;
use handout::locale::LANGUAGES;
use handout::model::Date;
use handout::text::hyphenate::Patterns;
use handout::BuildOptions;

use common::*;

/// A copy of the sample workspace whose handout and exercises are the Spanish ones, in
/// whatever language `language` names: the content then has no English, and every English
/// word in a build is a fixed word left untranslated.
fn spanish_content_in(language: &str) -> tempfile::TempDir {
    let workspace = sample_workspace();
    let content = workspace.path().join("content");
    let exercises = content.join("exercises");
    for entry in std::fs::read_dir(&exercises).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if let Some(id) = name.strip_suffix(".es.toml") {
            std::fs::rename(&path, exercises.join(format!("{id}.toml"))).unwrap();
        }
    }
    // The brand's words, English in the sample, as the Spanish handouts print them.
    let brand = std::fs::read_to_string(content.join("brand.toml")).unwrap();
    let (english, spanish) = brand.split_once("[language.es]").unwrap();
    let (english, _english_rule) = english.split_once("[pain_rule]").unwrap();
    let (spanish, spanish_rule) = spanish.split_once("[language.es.pain_rule]").unwrap();
    let mut neutral: Vec<&str> = spanish.lines().filter(|l| l.contains(" = ")).collect();
    neutral.extend(
        english
            .lines()
            .filter(|l| !l.starts_with("tagline") && !l.starts_with("disclaimer")),
    );
    neutral.push("[pain_rule]");
    neutral.extend(spanish_rule.lines());
    std::fs::write(content.join("brand.toml"), neutral.join("\n")).unwrap();
    let handouts = content.join("handouts");
    let spanish = std::fs::read_to_string(handouts.join("inner-knee-pain.es.toml")).unwrap();
    std::fs::remove_file(handouts.join("inner-knee-pain.es.toml")).unwrap();
    assert!(
        spanish.contains("language = \"es\"\n"),
        "the Spanish sample names its language"
    );
    let written = spanish.replace("language = \"es\"", &format!("language = \"{language}\""));
    std::fs::write(handouts.join("inner-knee-pain.toml"), written).unwrap();
    workspace
}

/// Every "prepared for" piece and the personal note, for the words around them.
fn for_a_named_recipient() -> BuildOptions {
    let given = |text: &str| Some(Given::flag("--patient", text));
    BuildOptions {
        personalization: Personalization {
            name: given("Zoë"),
            clinician: given("Kasia"),
            date: Some(Date {
                year: 2027,
                month: 1,
                day: 12,
            }),
            note: given("¡Ánimo!"),
            ..Personalization::default()
        },
        ..BuildOptions::default()
    }
}

fn text_of(workspace: &Path, options: &BuildOptions) -> String {
    let handout = workspace.join("content/handouts/inner-knee-pain.toml");
    page_texts(&parse(&build(&handout, options))).join("\n")
}

/// The English catalogue's own words, message by message: the text around the values it
/// fills in, in every plural form, split where a value goes.
fn english_words() -> BTreeSet<String> {
    let catalogue = std::fs::read_to_string(repo().join("locales/en.ftl")).unwrap();
    let resource = fluent_syntax::parser::parse(catalogue.as_str()).expect("en.ftl parses");
    let mut words = BTreeSet::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            if let Some(pattern) = message.value {
                collect_words(&pattern, &mut words);
            }
        }
    }
    words
}

fn collect_words(pattern: &Pattern<&str>, words: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                let phrase = value.trim_matches(|c: char| !c.is_alphabetic());
                if !phrase.is_empty() {
                    words.insert(phrase.to_string());
                }
            }
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                for variant in variants {
                    collect_words(&variant.value, words);
                }
            }
            PatternElement::Placeable { .. } => {}
        }
    }
}

/// Whether `phrase` is in `text` as whole words.
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// Words a language writes as English does.
const SAME_IN_BOTH: [(&str, &str); 3] = [("fr", "Page"), ("fr", "Position"), ("de", "November")];

#[test]
fn a_handout_in_each_language_prints_no_fixed_english_word() {
    let english_words = english_words();
    let workspace = spanish_content_in("en");
    let in_english = text_of(workspace.path(), &for_a_named_recipient());
    let printed: Vec<&String> = english_words
        .iter()
        .filter(|phrase| has_phrase(&in_english, phrase))
        .collect();
    // The test sees what it looks for: the English build prints the catalogue's words.
    for expected in [
        "In short",
        "What you can do",
        "Page",
        "Prepared for",
        "Take care",
    ] {
        assert!(
            printed.iter().any(|p| p.as_str() == expected),
            "{expected:?} not among {printed:?}"
        );
    }
    for language in LANGUAGES.iter().filter(|l| !l.tag.starts_with("en")) {
        let workspace = spanish_content_in(language.tag);
        let text = text_of(workspace.path(), &for_a_named_recipient());
        let left_in_english: Vec<&&String> = printed
            .iter()
            .filter(|phrase| !SAME_IN_BOTH.contains(&(language.tag, phrase.as_str())))
            .filter(|phrase| has_phrase(&text, phrase))
            .collect();
        assert!(
            left_in_english.is_empty(),
            "{}: English words {left_in_english:?} in\n{text}",
            language.tag
        );
    }
}

#[test]
fn a_region_of_a_language_is_written_in_that_language() {
    let workspace = spanish_content_in("es-MX");
    let text = text_of(workspace.path(), &BuildOptions::default());
    assert!(text.contains("En resumen"), "{text}");
    assert!(text.contains("Página 1 de"), "{text}");
}

#[test]
fn an_unknown_language_is_refused_with_the_languages_there_are() {
    let workspace = spanish_content_in("xx");
    let handout = workspace
        .path()
        .join("content/handouts/inner-knee-pain.toml");
    let error = handout::build(&handout, &BuildOptions::default())
        .expect_err("xx is no language")
        .to_string();
    assert!(
        error.contains("language") && error.contains("\"xx\""),
        "{error}"
    );
    for language in LANGUAGES {
        assert!(
            error.contains(&format!("\"{}\" ({})", language.tag, language.english_name)),
            "{language:?} not listed: {error}"
        );
    }
}

/// A handout whose introduction is `words` over and over, in `language`.
fn long_words_in(language: &str, words: &str) -> tempfile::TempDir {
    let workspace = spanish_content_in(language);
    let handout = workspace
        .path()
        .join("content/handouts/inner-knee-pain.toml");
    let text = std::fs::read_to_string(&handout).unwrap();
    let intro_at = text.find("intro = \"\"\"").unwrap();
    let intro_end = intro_at + text[intro_at..].find("\"\"\"\n\n").unwrap() + 4;
    // Each round starts a word further on, so that lines end in many places.
    let words: Vec<&str> = words.split_whitespace().collect();
    let paragraph = (0..words.len())
        .flat_map(|round| words.iter().cycle().skip(round).take(words.len()))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let written = format!(
        "{}intro = \"\"\"\n{paragraph}\n\"\"\"\n{}",
        &text[..intro_at],
        &text[intro_end..]
    );
    std::fs::write(&handout, written).unwrap();
    workspace
}

/// Each line that ends in a hyphen the layout added, as the word's start and the rest of it.
fn hyphenated_words(workspace: &Path) -> Vec<(String, String)> {
    let handout = workspace.join("content/handouts/inner-knee-pain.toml");
    let layout = handout::lay_out(&handout, &BuildOptions::default())
        .unwrap()
        .0;
    let lines: Vec<String> = layout
        .pages
        .iter()
        .flat_map(|page| &page.items)
        .filter_map(|placed| match &placed.item {
            Item::Text(run) => Some(run.text()),
            _ => None,
        })
        .collect();
    lines
        .windows(2)
        .filter_map(|pair| {
            let start = pair[0].strip_suffix('-')?;
            let start = start.rsplit(' ').next()?;
            let rest = pair[1].split([' ', ',', '.']).next()?;
            Some((start.to_string(), rest.to_string()))
        })
        .collect()
}

#[test]
fn spanish_french_and_german_break_words_by_their_own_patterns() {
    for (language, words) in [
        (
            "es",
            "esternocleidomastoideo otorrinolaringólogo electroencefalografista \
             desafortunadamente internacionalización fisioterapeuta rehabilitación \
             interdisciplinaria responsabilidades",
        ),
        (
            "fr",
            "anticonstitutionnellement électroencéphalographie kinésithérapeutique \
             désolidarisation internationalisation malheureusement réhabilitation \
             interdisciplinaire responsabilités",
        ),
        (
            "de",
            "Oberschenkelmuskulatur Gesundheitsversorgungseinrichtung \
             Rehabilitationsmaßnahme Kniegelenksbeschwerden Bewegungseinschränkung \
             Unglücklicherweise Physiotherapeutin Schmerzempfindlichkeit",
        ),
    ] {
        let workspace = long_words_in(language, words);
        let broken = hyphenated_words(workspace.path());
        assert!(!broken.is_empty(), "{language}: no word was hyphenated");
        let own = Patterns::for_language(language).unwrap();
        let english = Patterns::for_language("en").unwrap();
        let mut differs_from_english = false;
        for (start, rest) in &broken {
            let word = format!("{start}{rest}").to_lowercase();
            let at = start.to_lowercase().len();
            assert!(
                own.breaks(&word).contains(&at),
                "{language}: {start}-{rest} is not a break of {language}'s patterns: {:?}",
                own.breaks(&word)
            );
            differs_from_english |= !english.breaks(&word).contains(&at);
        }
        // At least one break English would not make: the patterns really are the language's.
        assert!(
            differs_from_english,
            "{language}: every break of {broken:?} is English's too"
        );
    }
}
