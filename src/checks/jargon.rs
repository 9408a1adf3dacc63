//! Jargon: medical and formal words a patient may not know, found from the list shipped in
//! `jargon.tsv`, each with everyday words to use instead.
//!
//! A term matches whole words only, in any case and with or without accents ("Inflamed",
//! "inflamacion"), never inside another word ("anti-inflammatory" is not
//! "inflammatory"). Its forms are listed (inflamed, inflammation, inflammatory), and in
//! English, Spanish, French and Portuguese a plural in -s or -es matches too.
//!
//! A handout may use a term it explains: health-literacy guidance asks for the plain
//! words, but a patient also needs the name a doctor will use. A term counts as
//! explained, and none of its uses in the text is reported, when one of them
//! - is followed by an explanation in brackets or after a dash: "the meniscus (the
//!   knee's cartilage cushion)", "your hamstrings – the muscles at the back of the thigh";
//! - stands in brackets after the plain words it names: "bottom muscles (glutes)",
//!   "MCL (medial collateral ligament)";
//! - starts a definition: "The MCL is a ligament on the inner side of your knee".
//!
//! So a cause or red flag is best checked with its name and text together, where the
//! text explains what the name means.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::language::Language;
use super::words::words;

const LIST: &str = include_str!("jargon.tsv");

static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    LIST.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(Entry::parse)
        .collect()
});

/// Each form of the list by its language and first word, as (entry, form) indices: a
/// text's words are looked up in it rather than compared with every form of the list,
/// which took two thirds of the time the checks of the sample handout took.
static BY_FIRST_WORD: LazyLock<FxHashMap<Language, FormsByFirstWord>> = LazyLock::new(|| {
    let mut index: FxHashMap<Language, FormsByFirstWord> = FxHashMap::default();
    for (e, entry) in ENTRIES.iter().enumerate() {
        for (f, form) in entry.forms.iter().enumerate() {
            let by_word = index.entry(entry.language).or_default();
            by_word.entry(form[0].as_str()).or_default().push((e, f));
        }
    }
    index
});

/// The forms of one language's terms by their first word, as (entry, form) indices.
type FormsByFirstWord = FxHashMap<&'static str, Vec<(usize, usize)>>;

/// A term of the list used in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jargon {
    /// Where the text uses it, as a byte range.
    pub range: Range<usize>,
    /// The term as the list names it.
    pub term: &'static str,
    /// Everyday words to use instead.
    pub plain: &'static str,
}

/// The unexplained terms of the jargon list that `text` uses, in order.
pub fn find(text: &str, language: Language) -> Vec<Jargon> {
    let ranges = words(text);
    let folded: Vec<String> = ranges.iter().map(|r| fold(&text[r.clone()])).collect();
    let Some(by_first_word) = BY_FIRST_WORD.get(&language) else {
        return Vec::new();
    };
    let plurals = matches!(
        language,
        Language::English | Language::Spanish | Language::French | Language::Portuguese
    );
    // (entry, word range) for each use, the longest form winning where several start.
    let mut uses: Vec<(usize, Range<usize>)> = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        // A form starts here if its first word is this one, or this one less a plural
        // ending; which it is, `form_matches` says.
        let word = folded[i].as_str();
        let singulars = [word.strip_suffix('s'), word.strip_suffix("es")];
        let starts = [Some(word)]
            .into_iter()
            .chain(singulars.into_iter().filter(|_| plurals))
            .flatten();
        let longest = starts
            .filter_map(|start| by_first_word.get(start))
            .flatten()
            .map(|&(e, f)| (e, &ENTRIES[e].forms[f]))
            .filter(|(_, form)| form_matches(form, &folded[i..], plurals))
            .map(|(e, form)| (e, form.len()))
            .reduce(|best, next| if next.1 > best.1 { next } else { best });
        match longest {
            Some((e, length)) => {
                uses.push((e, i..i + length));
                i += length;
            }
            None => i += 1,
        }
    }
    let definers: Vec<Vec<String>> = language
        .definers()
        .iter()
        .map(|definer| definer.split_whitespace().map(fold).collect())
        .collect();
    let explained: HashSet<usize> = uses
        .iter()
        .filter(|(_, at)| {
            let bytes = ranges[at.start].start..ranges[at.end - 1].end;
            let defined = definers
                .iter()
                .any(|definer| folded[at.end..].starts_with(definer));
            defined || explained_by_punctuation(text, bytes)
        })
        .map(|(e, _)| *e)
        .collect();
    uses.into_iter()
        .filter(|(e, _)| !explained.contains(e))
        .map(|(e, at)| Jargon {
            range: ranges[at.start].start..ranges[at.end - 1].end,
            term: ENTRIES[e].term,
            plain: ENTRIES[e].plain,
        })
        .collect()
}

/// Whether the use of a term at `bytes` stands in brackets or is followed by an
/// explanation in brackets or after a dash.
fn explained_by_punctuation(text: &str, bytes: Range<usize>) -> bool {
    let before = &text[..bytes.start];
    let in_brackets = before.matches('(').count() > before.matches(')').count();
    let after =
        text[bytes.end..].trim_start_matches(|c: char| c.is_whitespace() || "*_".contains(c));
    in_brackets
        || after.starts_with(['(', '–', '—'])
        || after
            .strip_prefix('-')
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
}

fn form_matches(form: &[String], words: &[String], plurals: bool) -> bool {
    if words.len() < form.len() {
        return false;
    }
    let last = form.len() - 1;
    form.iter().zip(words).enumerate().all(|(k, (term, word))| {
        let plural =
            || [word.strip_suffix('s'), word.strip_suffix("es")].contains(&Some(term.as_str()));
        term == word || (k == last && plurals && plural())
    })
}

/// A word as the list is compared: lower case, without accents or a possessive 's.
fn fold(word: &str) -> String {
    let folded = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        deunicode::deunicode(word).to_lowercase()
    };
    match folded.strip_suffix("'s") {
        Some(stem) => stem.to_string(),
        None => folded,
    }
}

/// A line of the list.
struct Entry {
    language: Language,
    term: &'static str,
    plain: &'static str,
    /// Each form as its words, folded.
    forms: Vec<Vec<String>>,
}

impl Entry {
    /// Reads `language<TAB>forms<TAB>plain words`; `None` for a line that is not one.
    fn parse(line: &'static str) -> Option<Entry> {
        let mut fields = line.split('\t');
        let (code, forms, plain) = (fields.next()?, fields.next()?, fields.next()?.trim());
        let language = Language::from_tag(code)?;
        let term = forms.split(',').next()?.trim();
        let forms: Vec<Vec<String>> = forms
            .split(',')
            .map(|form| form.split_whitespace().map(fold).collect::<Vec<_>>())
            .filter(|form| !form.is_empty())
            .collect();
        let whole = fields.next().is_none() && !term.is_empty() && !plain.is_empty();
        whole.then_some(Entry {
            language,
            term,
            plain,
            forms,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, language: Language) -> Vec<(&str, &'static str)> {
        find(text, language)
            .into_iter()
            .map(|hit| (&text[hit.range], hit.term))
            .collect()
    }

    #[test]
    fn every_line_of_the_list_is_an_entry() {
        let lines = LIST
            .lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .count();
        assert_eq!(ENTRIES.len(), lines);
    }

    #[test]
    fn the_list_covers_english_and_spanish_well() {
        let count = |language| ENTRIES.iter().filter(|e| e.language == language).count();
        assert!(count(Language::English) >= 100);
        assert!(count(Language::Spanish) >= 60);
    }

    #[test]
    fn no_form_is_listed_twice_in_a_language() {
        let mut seen = HashSet::new();
        for entry in ENTRIES.iter() {
            for form in &entry.forms {
                assert!(
                    seen.insert((entry.language, form.clone())),
                    "{form:?} twice in {:?}",
                    entry.language
                );
            }
        }
    }

    #[test]
    fn terms_match_whole_words_in_any_case_and_inflection() {
        let text = "Inflammation of the Patella's tendon: the knees are inflamed, \
            both NSAIDs and analgesics help.";
        assert_eq!(
            terms(text, Language::English),
            [
                ("Inflammation", "inflammation"),
                ("Patella's", "patella"),
                ("inflamed", "inflamed"),
                ("NSAIDs", "NSAID"),
                ("analgesics", "analgesic"),
            ]
        );
        let hit = &find(text, Language::English)[0];
        assert_eq!(hit.plain, "swelling and soreness");
    }

    #[test]
    fn terms_never_match_inside_another_word() {
        assert!(terms(
            "Flexible, unflexed, acuteness, lateralise.",
            Language::English
        )
        .is_empty());
        assert_eq!(
            terms("Take an anti-inflammatory.", Language::English),
            [("anti-inflammatory", "anti-inflammatory")]
        );
    }

    #[test]
    fn the_longest_form_wins() {
        assert_eq!(
            terms(
                "Check the range of motion and the internal rotation.",
                Language::English
            ),
            [
                ("range of motion", "range of motion"),
                ("internal rotation", "internal rotation")
            ]
        );
    }

    #[test]
    fn spanish_terms_match_with_or_without_accents_and_in_the_plural() {
        assert_eq!(
            terms(
                "Las inflamaciones crónicas y la inflamacion aguda. Evite la flexión.",
                Language::Spanish
            ),
            [
                ("inflamaciones", "inflamación"),
                ("crónicas", "crónico"),
                ("inflamacion", "inflamación"),
                ("flexión", "flexión"),
            ]
        );
    }

    #[test]
    fn explained_terms_are_not_reported() {
        let sample = "MCL (medial collateral ligament) injury. The MCL is a ligament on \
            the inner side of your knee. It keeps the joint steady.";
        assert!(terms(sample, Language::English).is_empty());
        assert!(terms(
            "Strengthens your bottom muscles (glutes).",
            Language::English
        )
        .is_empty());
        assert!(terms(
            "The **meniscus** (a cushion in the knee) can tear. A torn meniscus hurts.",
            Language::English
        )
        .is_empty());
        assert!(terms(
            "Work your quadriceps – the muscles at the front.",
            Language::English
        )
        .is_empty());
        // A hyphen between spaces is a dash too.
        assert!(terms("Flexion - bending the knee - helps.", Language::English).is_empty());
    }

    #[test]
    fn a_term_explained_elsewhere_in_another_text_is_still_reported() {
        assert_eq!(
            terms("A torn meniscus hurts.", Language::English),
            [("meniscus", "meniscus")]
        );
    }

    #[test]
    fn a_language_without_a_list_finds_nothing() {
        assert!(find("Inflammation.", Language::Polish).is_empty());
    }
}
