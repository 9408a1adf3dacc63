//! Loading the guidance a handout gives beside its text (pain rule, progressions, session
//! time), and the plain-language and contrast warnings a load gives, each at its place.

use std::time::Duration;

use super::tests::Workspace;
use crate::model::Paragraph;

const HANDOUT: &str = "content/handouts/knee.toml";

/// A sentence far above any school grade: long, and made of long medical words.
const DENSE: &str = "Patellofemoral pain syndrome, characterised by diffuse retropatellar \
    discomfort exacerbated by prolonged flexion, frequently necessitates comprehensive \
    biomechanical evaluation and individualised progressive rehabilitation programmes.";

/// A handout of one exercise after `before`, in a workspace with the default brand.
fn handout(before: &str) -> Workspace {
    let ws = Workspace::new();
    ws.write(
        HANDOUT,
        &format!("{before}\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat down.\"]\n"),
    );
    ws
}

/// The one warning of `warnings` that contains `needle`.
fn the_one<'w>(warnings: &'w [String], needle: &str) -> &'w str {
    let found: Vec<&String> = warnings.iter().filter(|w| w.contains(needle)).collect();
    assert_eq!(found.len(), 1, "{needle:?} in {warnings:#?}");
    found[0]
}

#[test]
fn a_hard_section_is_warned_at_its_table_with_its_grade_and_hardest_sentence() {
    let ws = handout(&format!(
        "title = \"Knee\"\n\n[[cause]]\nname = \"Kneecap pain\"\ntext = \"It hurts. {DENSE}\"\n"
    ));
    let warnings = ws.warnings(HANDOUT);
    let warning = the_one(&warnings, "reads at school grade");
    assert!(
        warning.starts_with("content/handouts/knee.toml:3:1 cause[1]: the cause “Kneecap pain”"),
        "{warning}"
    );
    let grade: f64 = warning
        .split("school grade ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|grade| grade.parse().ok())
        .expect("a grade");
    assert!(grade > 16.0, "{warning}");
    let dense = DENSE.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        warning.contains(&format!("its hardest sentence is “{dense}”")),
        "{warning}"
    );
    // Its words are jargon, each warned where it is written.
    let jargon = the_one(&warnings, "“Patellofemoral”");
    assert!(jargon.starts_with("content/handouts/knee.toml:5:19 cause[1].text:"));
}

#[test]
fn a_words_place_is_found_through_escapes_and_joined_lines() {
    let ws = handout(
        "title = \"Knee\"\nintro = \"\"\"\nRest your knee.\n\nThe \\\"sore\\\" part is \\\n    inflamed.\"\"\"\n",
    );
    let warnings = ws.warnings(HANDOUT);
    let jargon = the_one(&warnings, "“inflamed”");
    assert_eq!(
        jargon,
        "content/handouts/knee.toml:6:5 intro: “inflamed” is a word many readers do not know \
         | write “swollen and sore” instead, or explain it in brackets after it: inflamed \
         (swollen and sore)"
    );
}

#[test]
fn a_name_its_text_explains_is_not_jargon_and_one_it_does_not_is() {
    let ws = handout(
        "title = \"Knee\"\n\n[[cause]]\nname = \"Bursitis\"\n\
         text = \"Bursitis means a small cushion in the knee is sore.\"\n\n\
         [[red_flag]]\nname = \"Fracture\"\ntext = \"You can't stand on it.\"\n",
    );
    let warnings = ws.warnings(HANDOUT);
    assert!(
        !warnings.iter().any(|w| w.contains("Bursitis”")),
        "{warnings:#?}"
    );
    let fracture = the_one(&warnings, "“Fracture”");
    assert!(fracture.starts_with("content/handouts/knee.toml:8:9 red_flag[1].name:"));
}

#[test]
fn sample_text_left_in_place_is_warned_in_the_handout_and_the_brand() {
    let ws = Workspace::new();
    ws.write("content/brand.toml", "name = \"Your clinic\"\n");
    ws.write(
        HANDOUT,
        "title = \"Knee\"\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Stand tall.\", \"The next step.\"]\n",
    );
    let warnings = ws.warnings(HANDOUT);
    assert_eq!(
        warnings,
        [
            "content/handouts/knee.toml:4:26 exercise[1].steps[2]: “The next step.” is sample \
             text, left to be replaced | write your own words in its place",
            "content/brand.toml:1:9 name: “Your clinic” is sample text, left to be replaced \
             | write your own words in its place",
        ]
    );
}

#[test]
fn the_brand_sets_the_grade_and_the_sentence_length() {
    let ws = handout(
        "title = \"Knee\"\nintro = \"Put an ice pack on your painful knee for a few minutes.\"\n",
    );
    assert!(ws.warnings(HANDOUT).is_empty());
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n\n[checks]\nmax_grade = 1\nmax_sentence_words = 5\n",
    );
    let warnings = ws.warnings(HANDOUT);
    the_one(&warnings, "above grade 1;");
    let long = the_one(&warnings, "this sentence has 12 words, more than 5");
    assert!(long.starts_with("content/handouts/knee.toml:2:10 intro:"));

    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n\n[checks]\nmax_grade = 0\n",
    );
    assert_eq!(
        ws.problems(HANDOUT),
        ["content/brand.toml:4:13 checks.max_grade: expected a whole number from 1 to 20, found 0 \
          | write max_grade = and a number from 1 to 20"]
    );
}

#[test]
fn no_plain_language_warning_crowds_an_error() {
    let ws = handout(&format!(
        "title = \"Knee\"\nintro = \"{DENSE}\"\nreviewed = \"2026-11-23\"\n"
    ));
    let problems = ws.problems(HANDOUT);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("expected a date"));
}

#[test]
fn a_light_brand_colour_is_warned_at_its_value_with_the_colour_printed_instead() {
    let ws = handout("title = \"Knee\"\n");
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n\n[colors]\nprimary = \"#CCCCCC\"\n",
    );
    let warnings = ws.warnings(HANDOUT);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    let text = the_one(&warnings, "headings, links and step numbers");
    assert!(
        text.starts_with("content/brand.toml:4:11 colors.primary: headings, links and step numbers on white (#CCCCCC on #FFFFFF) read at 1.6:1, less than the 4.5:1 WCAG asks; the renderer prints them in #"),
        "{text}"
    );
    let graphics = the_one(&warnings, "bars, borders");
    assert!(
        graphics.contains("less than the 3:1 WCAG asks"),
        "{graphics}"
    );
    assert!(graphics.contains("| choose a darker primary colour, such as \"#"));
    // The default colour reads.
    ws.write("content/brand.toml", "name = \"Riverside\"\n");
    assert!(ws.warnings(HANDOUT).is_empty());
}

#[test]
fn the_pain_rule_is_the_handouts_over_the_brands_light_by_light() {
    let ws =
        handout("title = \"Knee\"\n\n[pain_rule]\nred = \"Any new swelling: stop and call us.\"\n");
    ws.write(
        "content/brand.toml",
        "name = \"Riverside\"\n\n[pain_rule]\ngreen = \"Up to 3 out of 10: **carry on**.\"\nred = \"6 out of 10: stop.\"\n",
    );
    let rule = ws.load(HANDOUT).unwrap().document.pain_rule;
    let plain = |light: Option<Paragraph>| light.map(|p| p.to_plain());
    assert_eq!(
        plain(rule.green.clone()).as_deref(),
        Some("Up to 3 out of 10: carry on.")
    );
    assert!(rule.green.unwrap().runs[1].bold);
    assert_eq!(rule.amber, None, "the language's own words are printed");
    assert_eq!(
        plain(rule.red).as_deref(),
        Some("Any new swelling: stop and call us.")
    );
    // Without one anywhere, every light is the language's.
    let ws = handout("title = \"Knee\"\n");
    let rule = ws.load(HANDOUT).unwrap().document.pain_rule;
    assert_eq!((rule.green, rule.amber, rule.red), (None, None, None));
}

#[test]
fn the_brands_pain_rule_is_printed_only_in_the_language_it_is_written_in() {
    let brand = |written_in: &str| {
        format!(
            "name = \"Riverside\"\n{written_in}\n[pain_rule]\ngreen = \"Up to 3 out of 10: carry on.\"\n\n\
             [language.es.pain_rule]\namber = \"4 o 5 de 10: haga menos.\"\n"
        )
    };
    let lights = |ws: &super::tests::Workspace| {
        let rule = ws.load(HANDOUT).unwrap().document.pain_rule;
        [rule.green, rule.amber, rule.red].map(|light| light.map(|p| p.to_plain()))
    };
    // English by default: a German handout prints German lights, none of the brand's.
    let ws = handout("title = \"Knie\"\nlanguage = \"de\"\n");
    ws.write("content/brand.toml", &brand(""));
    assert_eq!(lights(&ws), [None, None, None]);
    // A Spanish one its Spanish table's light, and no English one beside it.
    let ws = handout("title = \"Rodilla\"\nlanguage = \"es\"\n");
    ws.write("content/brand.toml", &brand(""));
    assert_eq!(
        lights(&ws),
        [None, Some("4 o 5 de 10: haga menos.".into()), None]
    );
    // An English one the brand's own.
    let ws = handout("title = \"Knee\"\nlanguage = \"en-US\"\n");
    ws.write("content/brand.toml", &brand(""));
    assert_eq!(
        lights(&ws)[0].as_deref(),
        Some("Up to 3 out of 10: carry on.")
    );
    // A brand written in German gives its rule to German handouts.
    let ws = handout("title = \"Knie\"\nlanguage = \"de\"\n");
    ws.write("content/brand.toml", &brand("written_in = \"de\""));
    assert_eq!(
        lights(&ws)[0].as_deref(),
        Some("Up to 3 out of 10: carry on.")
    );
}

#[test]
fn progressions_cues_and_tempo_come_from_the_library_and_give_way_to_the_handout() {
    let ws = Workspace::new();
    ws.write(
        "content/exercises/bridge.toml",
        "name = \"Bridge\"\nsteps = [\"Lift.\"]\ncue = \"Squeeze and lift.\"\n\
         progression = \"Hold for 5 seconds.\"\nregression = \"Lift *less* high.\"\n\
         reps = 10\ntempo_seconds = 4\n",
    );
    ws.write(
        HANDOUT,
        "title = \"Knee\"\n[[exercise]]\nuse = \"bridge\"\nprogression = \"Lift one foot.\"\n",
    );
    let exercise = &ws.load(HANDOUT).unwrap().document.exercises[0];
    let plain = |p: &Option<Paragraph>| p.as_ref().map(Paragraph::to_plain);
    assert_eq!(plain(&exercise.cue).as_deref(), Some("Squeeze and lift."));
    assert_eq!(
        plain(&exercise.progression).as_deref(),
        Some("Lift one foot.")
    );
    assert_eq!(
        plain(&exercise.regression).as_deref(),
        Some("Lift less high.")
    );
    assert_eq!(exercise.dosage.tempo_seconds, Some(4));
    assert_eq!(exercise.dosage.duration(), Some(Duration::from_secs(40)));
}

#[test]
fn the_texts_of_a_library_exercise_are_checked_where_they_are_written() {
    let ws = Workspace::new();
    ws.write(
        "content/exercises/bridge.toml",
        "name = \"Bridge\"\nsteps = [\"Lift.\"]\nregression = \"Keep the flexion small.\"\n\
         progression = \"Make it bilateral.\"\n",
    );
    ws.write(
        HANDOUT,
        "title = \"Knee\"\n[[exercise]]\nuse = \"bridge\"\nprogression = \"Add the distal part.\"\n",
    );
    let warnings = ws.warnings(HANDOUT);
    // The handout's progression replaces the library's, whose jargon is not printed.
    assert!(
        !warnings.iter().any(|w| w.contains("bilateral")),
        "{warnings:#?}"
    );
    let handouts = the_one(&warnings, "“distal”");
    assert!(handouts.starts_with("content/handouts/knee.toml:4:24 exercise[1].progression:"));
    let library = the_one(&warnings, "“flexion”");
    assert!(library.starts_with("content/exercises/bridge.toml:3:24 regression:"));
}

#[test]
fn a_library_list_the_handout_empties_is_not_checked() {
    let ws = Workspace::new();
    ws.write(
        "content/exercises/bridge.toml",
        "name = \"Bridge\"\nsteps = [\"Lift.\"]\ntips = [\"Mind the flexion.\"]\n",
    );
    ws.write(
        HANDOUT,
        "title = \"Knee\"\n[[exercise]]\nuse = \"bridge\"\ntips = []\n",
    );
    let loaded = ws.load(HANDOUT).unwrap();
    assert!(loaded.document.exercises[0].tips.is_empty());
    let warnings = ws.warnings(HANDOUT);
    assert!(
        !warnings.iter().any(|w| w.contains("flexion")),
        "{warnings:#?}"
    );
}

#[test]
fn the_session_time_adds_up_every_exercise_that_has_one() {
    let ws = Workspace::new();
    ws.write(
        HANDOUT,
        "title = \"Knee\"\n\
         [[exercise]]\nname = \"Bridge\"\nsteps = [\"Lift.\"]\nsets = 3\nreps = 10\nrest_seconds = 60\n\
         [[exercise]]\nname = \"Walk\"\nsteps = [\"Walk.\"]\ndays_per_week = 7\n\
         [[exercise]]\nname = \"Stretch\"\nsteps = [\"Hold.\"]\nhold_seconds = 30\neach_side = true\n",
    );
    let document = ws.load(HANDOUT).unwrap().document;
    let bridge = 3 * 10 * 3 + 2 * 60;
    let stretch = 2 * (3 + 30);
    assert_eq!(
        document.session_duration(),
        Some(Duration::from_secs(bridge + stretch))
    );
    assert_eq!(document.exercises[1].dosage.duration(), None);
}
