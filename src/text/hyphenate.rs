//! Each language's hyphenation patterns, read from the binary the first time a word of
//! that language is to be hyphenated.

use std::sync::OnceLock;

use hyphenation::{Hyphenator, Load, Standard};

use crate::locale::{self, Language, LANGUAGES};

static LOADED: [OnceLock<Option<Standard>>; LANGUAGES.len()] =
    [const { OnceLock::new() }; LANGUAGES.len()];

/// The hyphenation patterns of one language, read when first asked for: reading them takes
/// up to a third of a millisecond (English's and German's, the largest), and most
/// paragraphs need none.
#[derive(Debug, Clone, Copy)]
pub struct Patterns {
    language: &'static Language,
}

/// Patterns are the same when they are one language's.
impl PartialEq for Patterns {
    fn eq(&self, other: &Patterns) -> bool {
        self.language.index() == other.language.index()
    }
}

impl Eq for Patterns {}

impl std::hash::Hash for Patterns {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.language.index().hash(state);
    }
}

impl Patterns {
    /// The patterns for text tagged `tag` (BCP 47, as a handout's `language`); `None` for a
    /// language handouts cannot be written in, whose words are then not hyphenated.
    pub fn for_language(tag: &str) -> Option<Patterns> {
        locale::resolve(tag).ok().map(Patterns::of)
    }

    pub fn of(language: &'static Language) -> Patterns {
        Patterns { language }
    }

    pub fn language(self) -> &'static Language {
        self.language
    }

    /// The patterns, read once per process; `None` if those in the binary cannot be read.
    pub fn get(self) -> Option<&'static Standard> {
        LOADED[self.language.index()]
            .get_or_init(|| Standard::from_embedded(self.language.hyphenation).ok())
            .as_ref()
    }

    /// Where `word` (in lower case) may be broken, as byte offsets.
    pub fn breaks(self, word: &str) -> Vec<usize> {
        self.get()
            .map(|patterns| patterns.hyphenate(word).breaks)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `word` with a hyphen at each place the language's patterns allow a break.
    fn hyphenated(tag: &str, word: &str) -> String {
        let breaks = Patterns::for_language(tag).unwrap().breaks(word);
        let mut text = String::new();
        let mut from = 0;
        for at in breaks {
            text.push_str(&word[from..at]);
            text.push('-');
            from = at;
        }
        text.push_str(&word[from..]);
        text
    }

    // Each word's syllables as the language divides them; English patterns would break
    // them elsewhere ("ar-tic-u-la-tion", "kni-escheibe").
    #[test]
    fn long_words_break_by_their_own_language_s_patterns() {
        assert_eq!(hyphenated("es", "articulación"), "ar-ti-cu-la-ción");
        assert_eq!(hyphenated("es-MX", "repeticiones"), "re-pe-ti-cio-nes");
        assert_eq!(hyphenated("fr", "articulation"), "ar-ti-cu-la-tion");
        assert_eq!(hyphenated("fr", "répétitions"), "ré-pé-ti-tions");
        assert_eq!(hyphenated("de", "wiederholungen"), "wie-der-ho-lun-gen");
        assert_eq!(hyphenated("it", "ripetizioni"), "ri-pe-ti-zio-ni");
        assert_eq!(hyphenated("pt", "exercícios"), "exer-cí-cios");
        assert_eq!(hyphenated("pl", "fizjoterapeuta"), "fi-zjo-te-ra-peu-ta");
        assert_eq!(hyphenated("en", "articulation"), "ar-tic-u-la-tion");
    }

    #[test]
    fn german_compounds_do_not_get_english_breaks() {
        for (word, german) in [
            ("kniescheibe", "knie-schei-be"),
            ("kniegelenkschmerzen", "knie-ge-lenk-schmer-zen"),
            ("oberschenkelmuskulatur", "ober-schen-kel-mus-ku-la-tur"),
        ] {
            assert_eq!(hyphenated("de", word), german);
            assert_ne!(hyphenated("en", word), german);
        }
    }

    #[test]
    fn text_in_an_unsupported_language_is_not_hyphenated() {
        assert!(Patterns::for_language("xx").is_none());
        assert!(Patterns::for_language("").is_none());
    }
}
