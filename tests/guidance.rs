//! What a handout prints about doing its exercises safely: how long a session takes, the
//! pain rule as a traffic light named in words, and each exercise's cue, progression and
//! regression; the sheet's one line per exercise is its cue.

mod common;

use std::path::Path;

use handout::locale::Words;
use handout::model::{about_minutes, Document, Edition, Paragraph};
use handout::BuildOptions;

use common::*;

/// The text of every page of the `edition` of `handout`, its words one space apart.
fn printed(handout: &Path, edition: Edition) -> String {
    let options = BuildOptions {
        edition,
        ..BuildOptions::default()
    };
    let pdf = build(handout, &options);
    keep(&format!("guidance-{}", edition.name()), &pdf);
    let text = page_texts(&parse(&pdf)).join(" ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words_of(paragraph: &Paragraph) -> String {
    paragraph
        .to_plain()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn session_line(doc: &Document, words: &Words) -> String {
    let minutes = about_minutes(doc.session_duration().expect("the sample is timed"));
    words.format("session-time", &[("minutes", minutes.into())])
}

#[test]
fn the_standard_edition_prints_session_time_pain_rule_and_each_exercises_cue_and_adjustments() {
    for handout in [
        sample(),
        repo().join("content/handouts/inner-knee-pain.es.toml"),
    ] {
        let (doc, words) = document(&handout);
        let text = printed(&handout, Edition::Standard);
        let session = session_line(&doc, &words);
        assert!(text.contains(&session), "{session:?} in {text}");

        // Every light named in words before its rule, so it never goes by colour alone.
        let title = words.text("pain-rule-title");
        let at = text.find(&title).unwrap_or_else(|| panic!("{title:?}"));
        let lights = [
            ("pain-light-green", &doc.pain_rule.green),
            ("pain-light-amber", &doc.pain_rule.amber),
            ("pain-light-red", &doc.pain_rule.red),
        ];
        let mut from = at;
        for (name, rule) in lights {
            let rule = words_of(rule.as_ref().expect("the sample gives every light"));
            let line = format!("{} {rule}", words.text(name));
            let found = text[from..]
                .find(&line)
                .unwrap_or_else(|| panic!("{line:?} after {from} in {text}"));
            from += found + line.len();
        }

        for exercise in &doc.exercises {
            for (key, guidance) in [
                ("cue-label", &exercise.cue),
                ("when-it-feels-easy", &exercise.progression),
                ("if-it-hurts", &exercise.regression),
            ] {
                let guidance = words_of(guidance.as_ref().expect("the sample has each"));
                let line = format!("{} {guidance}", words.text(key));
                assert!(text.contains(&line), "{}: {line:?}", exercise.name);
            }
        }
    }
}

#[test]
fn the_spanish_handout_prints_the_brands_spanish_pain_rule() {
    let handout = repo().join("content/handouts/inner-knee-pain.es.toml");
    let (doc, _) = document(&handout);
    let brand = std::fs::read_to_string(repo().join("content/brand.toml")).unwrap();
    let (_, spanish) = brand.split_once("[language.es.pain_rule]").unwrap();
    let green = words_of(doc.pain_rule.green.as_ref().unwrap());
    assert!(spanish.contains(&green), "{green:?} is the brand's Spanish");
    assert!(!brand
        .split_once("[language.es]")
        .unwrap()
        .0
        .contains(&green));
}

#[test]
fn the_sheet_prints_each_cue_and_the_log_the_session_time() {
    let (doc, words) = document(&sample());
    let sheet = printed(&sample(), Edition::Sheet);
    let session = session_line(&doc, &words);
    assert!(sheet.contains(&session), "{session:?} in {sheet}");
    for exercise in &doc.exercises {
        let cue = words_of(exercise.cue.as_ref().expect("the sample has cues"));
        assert!(sheet.contains(&cue), "{cue:?} in {sheet}");
        let first_step = words_of(&exercise.steps[0]);
        assert!(
            !sheet.contains(&first_step),
            "{first_step:?} instead of the cue"
        );
    }
    let log = printed(&sample(), Edition::Log { weeks: 2 });
    assert!(log.contains(&session), "{session:?} in {log}");
}
