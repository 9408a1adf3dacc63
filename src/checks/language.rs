//! The languages the checks know, and the little each needs besides its formula:
//! the abbreviations whose full stop does not end a sentence.

/// A language the reading-level formulas, syllable counting and jargon list cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Spanish,
    French,
    German,
    Italian,
    Portuguese,
    Polish,
}

impl Language {
    pub const ALL: [Language; 7] = [
        Language::English,
        Language::Spanish,
        Language::French,
        Language::German,
        Language::Italian,
        Language::Portuguese,
        Language::Polish,
    ];

    /// The language of a BCP 47 tag by its primary subtag (`"es"`, `"pt-BR"`), in any
    /// case; `None` for a language the checks do not cover.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Language::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(primary))
    }

    /// The lower-case primary subtag, as the jargon list names the language.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::French => "fr",
            Language::German => "de",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Polish => "pl",
        }
    }

    /// Words that, right after a term, start a definition of it ("The MCL is a
    /// ligament …"), lower case.
    pub(crate) fn definers(self) -> &'static [&'static str] {
        match self {
            Language::English => &["is a", "is an", "is the", "are the", "means"],
            Language::Spanish => &[
                "es un",
                "es una",
                "es el",
                "es la",
                "son los",
                "son las",
                "significa",
            ],
            Language::French => &[
                "est un", "est une", "est le", "est la", "sont les", "désigne", "signifie",
            ],
            Language::German => &[
                "ist ein",
                "ist eine",
                "ist der",
                "ist die",
                "ist das",
                "sind die",
                "bedeutet",
                "bezeichnet",
            ],
            Language::Italian => &[
                "è un",
                "è una",
                "è il",
                "è la",
                "è lo",
                "sono i",
                "sono le",
                "significa",
            ],
            Language::Portuguese => &[
                "é um",
                "é uma",
                "é o",
                "é a",
                "são os",
                "são as",
                "significa",
            ],
            Language::Polish => &["to", "jest to", "oznacza"],
        }
    }

    /// Abbreviations, lower case and without their last full stop, that are usually
    /// followed by more of the same sentence. Single letters ("z. B.", initials) are
    /// handled apart, so they are not listed.
    pub(crate) fn abbreviations(self) -> &'static [&'static str] {
        match self {
            Language::English => &[
                "e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "st", "vs", "approx", "fig", "no",
                "min", "max", "cf",
            ],
            Language::Spanish => &[
                "p. ej", "p.ej", "dr", "dra", "sr", "sra", "srta", "ud", "uds", "aprox", "núm",
                "pág", "fig",
            ],
            Language::French => &[
                "p. ex", "p.ex", "dr", "mme", "mlle", "env", "fig", "cf", "min", "max",
            ],
            Language::German => &[
                "z.b", "d.h", "u.a", "bzw", "ca", "dr", "evtl", "ggf", "inkl", "max", "min", "nr",
                "vgl", "sog",
            ],
            Language::Italian => &["es", "dott", "dr", "sig", "sig.ra", "ca", "fig", "pag"],
            Language::Portuguese => &[
                "p. ex", "p.ex", "dr", "dra", "sr", "sra", "aprox", "fig", "pág", "nº",
            ],
            Language::Polish => &[
                "np", "tzn", "tj", "dr", "prof", "ok", "m.in", "godz", "min", "tzw", "wg", "nr",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        assert_eq!(Language::from_tag("en"), Some(Language::English));
        assert_eq!(Language::from_tag("pt-BR"), Some(Language::Portuguese));
        assert_eq!(Language::from_tag("DE"), Some(Language::German));
        assert_eq!(Language::from_tag("nl"), None);
        assert_eq!(Language::from_tag(""), None);
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.code()), Some(language));
        }
    }
}
