//! Which characters of a text the handout's font lacks, for warnings that name them.

use std::sync::{Arc, OnceLock};

use crate::model::fonts::{BUNDLED_REGULAR, FALLBACK};
use crate::model::CharSet;
use crate::unicode::{shows, REPLACEMENT};

/// The characters of the regular face of the handout's family.
#[derive(Clone)]
pub struct Coverage {
    regular: Arc<CharSet>,
}

/// The characters of one text that the family lacks, each listed once.
#[derive(Debug, PartialEq)]
pub struct Missing {
    /// Printed in the fallback face.
    pub in_fallback: Vec<char>,
    /// In no face at all: printed as the replacement character.
    pub nowhere: Vec<char>,
}

impl Coverage {
    pub fn bundled() -> Coverage {
        Coverage::of(BUNDLED_REGULAR)
    }

    /// The coverage of a brand's regular face, whose bytes the loader checked; a font
    /// that does not parse covers nothing.
    pub fn of(regular: &[u8]) -> Coverage {
        Coverage {
            regular: Arc::new(CharSet::of_font(regular)),
        }
    }

    /// The coverage of a face already read.
    pub fn of_chars(regular: Arc<CharSet>) -> Coverage {
        Coverage { regular }
    }

    /// What of `text` the family cannot print, if anything.
    pub fn missing(&self, text: &str) -> Option<Missing> {
        let mut lacking: Vec<char> = Vec::new();
        for c in text.chars().filter(|&c| shows(c)) {
            if !self.regular.contains(c) && !lacking.contains(&c) {
                lacking.push(c);
            }
        }
        if lacking.is_empty() {
            return None;
        }
        let (in_fallback, nowhere) = lacking
            .into_iter()
            .partition(|&c| fallback_chars().contains(c));
        Some(Missing {
            in_fallback,
            nowhere,
        })
    }
}

/// The characters of the bundled fallback face, read when some text first needs it.
fn fallback_chars() -> &'static CharSet {
    static CHARS: OnceLock<CharSet> = OnceLock::new();
    CHARS.get_or_init(|| CharSet::of_font(FALLBACK.1))
}

impl Missing {
    /// These characters less `named`; none when nothing is left.
    pub fn without(self, named: &[char]) -> Option<Missing> {
        let keep = |chars: Vec<char>| -> Vec<char> {
            chars.into_iter().filter(|c| !named.contains(c)).collect()
        };
        let left = Missing {
            in_fallback: keep(self.in_fallback),
            nowhere: keep(self.nowhere),
        };
        (!left.in_fallback.is_empty() || !left.nowhere.is_empty()).then_some(left)
    }

    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.in_fallback.iter().chain(&self.nowhere).copied()
    }

    /// A warning's message and hint.
    pub fn explain(&self) -> (String, String) {
        let mut parts = Vec::new();
        if !self.in_fallback.is_empty() {
            parts.push(format!(
                "the font has no {}; {} printed in the fallback font, DejaVu Sans",
                list(&self.in_fallback),
                it_is(&self.in_fallback)
            ));
        }
        if !self.nowhere.is_empty() {
            parts.push(format!(
                "no bundled font has {}; {} printed as {REPLACEMENT} but copied as written",
                list(&self.nowhere),
                it_is(&self.nowhere)
            ));
        }
        let hint = "to print it in the handout's own font, choose a brand font that has it \
                    ([fonts] in brand.toml), or write it another way";
        (parts.join("; "), hint.to_string())
    }
}

fn it_is(chars: &[char]) -> &'static str {
    if chars.len() == 1 {
        "it is"
    } else {
        "they are"
    }
}

/// `“→” (U+2192), “✓” (U+2713)`
fn list(chars: &[char]) -> String {
    chars
        .iter()
        .map(|&c| format!("“{c}” (U+{:04X})", c as u32))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_missing_character_once_and_where_it_prints() {
        let coverage = Coverage::bundled();
        assert_eq!(coverage.missing("Knee pain, zero\u{200B}width"), None);
        let missing = coverage.missing("→ then → and 🏃 ✓").unwrap();
        assert_eq!(missing.in_fallback, ['→', '✓']);
        assert_eq!(missing.nowhere, ['🏃']);
        let (message, _) = missing.explain();
        assert_eq!(
            message,
            "the font has no “→” (U+2192), “✓” (U+2713); they are printed in the fallback \
             font, DejaVu Sans; no bundled font has “🏃” (U+1F3C3); it is printed as � but \
             copied as written"
        );
    }
}
