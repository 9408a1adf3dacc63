//! The languages a handout can be written in, and finding one from a BCP 47 tag.

use unic_langid::LanguageIdentifier;

use super::nearest::nearest;

/// A language handouts can be written in.
#[derive(Debug)]
pub struct Language {
    /// BCP 47, e.g. `es` or `en-US`.
    pub tag: &'static str,
    pub english_name: &'static str,
    /// The language's name for itself, e.g. "español".
    pub native_name: &'static str,
    /// Its catalogue, `locales/TAG.ftl`, in Fluent syntax.
    pub(super) catalogue: &'static str,
    /// The language whose catalogue this one's completes: a region's catalogue holds only
    /// the messages that differ from its language's.
    pub(super) extends: Option<&'static str>,
    /// The patterns its words are hyphenated by.
    pub hyphenation: hyphenation::Language,
}

macro_rules! language {
    ($tag:literal, $english:literal, $native:literal, $patterns:ident $(, extends $base:literal)?) => {
        Language {
            tag: $tag,
            english_name: $english,
            native_name: $native,
            catalogue: include_str!(concat!("../../locales/", $tag, ".ftl")),
            extends: language!(@base $($base)?),
            hyphenation: hyphenation::Language::$patterns,
        }
    };
    (@base $base:literal) => { Some($base) };
    (@base) => { None };
}

/// Every language a handout can be written in. Adding one takes its catalogue,
/// `locales/TAG.ftl` with every key of `locales/en.ftl`, and a line here.
///
/// English comes first: every other catalogue is checked against it. Its dates are British
/// ("23 November 2026"), so `en-GB` and every English but `en-US` resolve to it.
pub const LANGUAGES: &[Language] = &[
    language!("en", "English", "English", EnglishUS),
    language!("en-US", "American English", "American English", EnglishUS, extends "en"),
    language!("es", "Spanish", "español", Spanish),
    language!("fr", "French", "français", French),
    language!("de", "German", "Deutsch", German1996),
    language!("it", "Italian", "italiano", Italian),
    language!("pt", "Portuguese", "português", Portuguese),
    language!("pl", "Polish", "polski", Polish),
];

/// The language every catalogue is checked against.
pub fn english() -> &'static Language {
    &LANGUAGES[0]
}

impl Language {
    /// Its place in [`LANGUAGES`], for what is kept once per language.
    pub(crate) fn index(&self) -> usize {
        LANGUAGES
            .iter()
            .position(|language| language.tag == self.tag)
            .unwrap_or(0)
    }

    /// Whether the language writes every noun with a capital, as German does, so that a
    /// capital does not mark the name of a person or a place.
    pub fn capitalises_nouns(&self) -> bool {
        self.subtags().0 == "de"
    }

    /// The tag as Fluent takes it, for the language's plural rules.
    pub(super) fn identifier(&self) -> LanguageIdentifier {
        self.tag.parse().unwrap_or_default()
    }

    /// The primary language subtag and the region, e.g. `("en", Some("US"))`.
    fn subtags(&self) -> (&'static str, Option<&'static str>) {
        match self.tag.split_once('-') {
            Some((language, region)) => (language, Some(region)),
            None => (self.tag, None),
        }
    }
}

/// The language for a BCP 47 tag: the one with the tag's language and region (`en-US`), else
/// the one with its language alone (`es-MX` is written in `es`). Case does not matter.
pub fn resolve(tag: &str) -> Result<&'static Language, UnknownLanguage> {
    find(tag).ok_or_else(|| UnknownLanguage {
        tag: tag.to_string(),
        suggestion: suggest(tag),
    })
}

fn find(tag: &str) -> Option<&'static Language> {
    // A PDF's language must be a BCP 47 tag, whose subtags are separated by `-` only;
    // the parser would also take `_`.
    if tag.contains('_') {
        return None;
    }
    let id: LanguageIdentifier = tag.parse().ok()?;
    let language = id.language.as_str();
    let region = id.region.as_ref().map(|region| region.as_str());
    let exact = LANGUAGES.iter().find(|l| l.subtags() == (language, region));
    exact.or_else(|| LANGUAGES.iter().find(|l| l.subtags() == (language, None)))
}

/// A tag that would resolve, for one that did not: the same tag written with `-`, the tag
/// of its primary language, or the language whose tag or name it is most like ("Spanish",
/// "deutsch").
fn suggest(tag: &str) -> Option<String> {
    let hyphenated = tag.replace('_', "-");
    if hyphenated != tag && find(&hyphenated).is_some() {
        return Some(hyphenated);
    }
    let primary = hyphenated.split('-').next().unwrap_or_default();
    if let Some(language) = find(primary) {
        return Some(language.tag.to_string());
    }
    let names = LANGUAGES
        .iter()
        .flat_map(|l| [l.tag, l.english_name, l.native_name].map(|name| (name, l.tag.to_string())));
    nearest(tag, names)
}

/// A tag that names no supported language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("handouts cannot be written in the language \"{tag}\"")]
pub struct UnknownLanguage {
    /// The tag as written.
    pub tag: String,
    /// A tag that would resolve and is likely what was meant.
    pub suggestion: Option<String>,
}

impl UnknownLanguage {
    /// What to write instead: the suggestion, when there is one, and the supported languages.
    pub fn hint(&self) -> String {
        let supported = format!("the languages are {}", supported());
        match &self.suggestion {
            Some(tag) => format!("did you mean \"{tag}\"? {supported}"),
            None => supported,
        }
    }
}

/// The supported languages for a sentence: `"en" (English), "en-US" (American English), …`.
pub fn supported() -> String {
    let names: Vec<String> = LANGUAGES
        .iter()
        .map(|l| format!("\"{}\" ({})", l.tag, l.english_name))
        .collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_of(tag: &str) -> &'static str {
        resolve(tag).map(|l| l.tag).unwrap_or("none")
    }

    #[test]
    fn a_tag_resolves_to_its_region_else_its_language() {
        assert_eq!(tag_of("es"), "es");
        assert_eq!(tag_of("en-US"), "en-US");
        assert_eq!(tag_of("es-MX"), "es");
        assert_eq!(tag_of("es-419"), "es");
        assert_eq!(tag_of("en-GB"), "en");
        assert_eq!(tag_of("pt-BR"), "pt");
        assert_eq!(tag_of("de-CH"), "de");
    }

    #[test]
    fn case_and_script_do_not_matter() {
        assert_eq!(tag_of("EN-us"), "en-US");
        assert_eq!(tag_of("en-Latn-US"), "en-US");
        assert_eq!(tag_of("FR"), "fr");
    }

    #[test]
    fn an_unknown_language_suggests_one_and_lists_them_all() {
        let error = resolve("xx").unwrap_err();
        assert_eq!(error.suggestion, None);
        assert_eq!(
            error.to_string(),
            "handouts cannot be written in the language \"xx\""
        );
        let hint = error.hint();
        for language in LANGUAGES {
            assert!(hint.contains(&format!("\"{}\"", language.tag)), "{hint}");
        }
        assert!(hint.contains("\"pl\" (Polish)"), "{hint}");
    }

    #[test]
    fn suggestions_come_from_tags_and_names() {
        let suggestion = |tag: &str| resolve(tag).unwrap_err().suggestion;
        assert_eq!(suggestion("es_MX").as_deref(), Some("es-MX"));
        assert_eq!(suggestion("en_us").as_deref(), Some("en-us"));
        assert_eq!(suggestion("Spanish").as_deref(), Some("es"));
        assert_eq!(suggestion("deutsch").as_deref(), Some("de"));
        assert_eq!(suggestion("polski").as_deref(), Some("pl"));
        assert_eq!(suggestion("fra").as_deref(), Some("fr"));
        assert_eq!(suggestion("").as_deref(), None);
        assert!(resolve("").is_err());
    }
}
