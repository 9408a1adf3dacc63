//! Counting the syllables of a word, by the spelling rules of its language.
//!
//! The formulas were fitted to syllables as a reader says them, so each language counts
//! its vowel sounds: groups of vowel letters, split where the spelling says two vowels
//! are sounded apart. Spanish, Italian and Portuguese share one rule (strong and weak
//! vowels, accents marking a hiatus); French, German and Polish have their own; English,
//! whose spelling says least about sound, has a rule of its own in [`english`].
//!
//! Written by hand, not taken from a crate: the one multilingual crate (readsight 1.0)
//! counts with TeX hyphenation patterns, which never break next to a word's first or last
//! letters; measured, it gives "ejercicio" 3 syllables (4), "músculo" 2 (3), "Übung" 1 (2),
//! "esercizio" 3 (4) and "exercício" 3 (4), and it brings regex, serde_json and 4.7 MB of
//! patterns for 86 languages. textstat 0.1, English only, counts "created" as 2 (3).

mod english;

use super::language::Language;
use super::words::is_number;

/// The syllables of `word`: at least one for any word, one for a number, and one a
/// letter for an initialism read letter by letter ("MCL", "GP"). The parts of a
/// hyphenated word are counted apart.
pub fn syllables(word: &str, language: Language) -> usize {
    if is_number(word) {
        return 1;
    }
    if word.contains(['-', '‐']) {
        return word
            .split(['-', '‐'])
            .filter(|part| !part.is_empty())
            .map(|part| syllables(part, language))
            .sum::<usize>()
            .max(1);
    }
    if is_initialism(word) {
        return word.chars().count();
    }
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let count = match language {
        Language::English => english::syllables(&letters),
        Language::Spanish | Language::Italian | Language::Portuguese => romance(&letters),
        Language::French => french(&letters),
        Language::German => german(&letters),
        Language::Polish => polish(&letters),
    };
    count.max(1)
}

/// Capitals without a vowel, which can only be read letter by letter.
fn is_initialism(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().all(|c| c.is_uppercase())
        && !word
            .chars()
            .any(|c| "AEIOUYÀÁÂÃÄÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜ".contains(c))
}

/// The runs of vowels in `letters`, as index ranges; `u` after `q` is not a vowel.
fn vowel_groups(letters: &[char], is_vowel: impl Fn(char) -> bool) -> Vec<&[char]> {
    let mut groups = Vec::new();
    let mut start = None;
    for (i, &c) in letters.iter().enumerate() {
        let vowel = is_vowel(c) && !(c == 'u' && i > 0 && letters[i - 1] == 'q');
        match (start, vowel) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                groups.push(&letters[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        groups.push(&letters[s..]);
    }
    groups
}

/// Spanish, Italian and Portuguese: each strong vowel (a, e, o, or any vowel with an
/// accent, which marks a hiatus) is a syllable; an unaccented i or u next to one glides
/// into it ("bien", "cuando", "ciao"), and two weak vowels together make one ("ciudad",
/// "aiuto": a-iu-to). A y ending a word is the vowel i ("hoy", "muy"). Portuguese nasal
/// diphthongs are one: the o or e after ã or õ glides ("ação", "põe").
fn romance(letters: &[char]) -> usize {
    let is_vowel = |c: char| "aeiouáéíóúàèìòùâêôãõü".contains(c);
    let mut count = 0;
    let mut i = 0;
    while i < letters.len() {
        let final_y = letters[i] == 'y' && i + 1 == letters.len() && i > 0;
        if !is_vowel(letters[i]) && !final_y {
            i += 1;
            continue;
        }
        let start = i;
        while i < letters.len()
            && (is_vowel(letters[i]) || (letters[i] == 'y' && i + 1 == letters.len()))
            && !(letters[i] == 'u' && i > 0 && letters[i - 1] == 'q')
        {
            i += 1;
        }
        if i == start {
            // A u after q is silent ("que", "quando"): not a vowel of its own.
            i += 1;
            continue;
        }
        count += romance_nuclei(&letters[start..i]);
    }
    count
}

fn romance_nuclei(group: &[char]) -> usize {
    let weak = |i: usize| {
        let c = group[i];
        let nasal_glide = matches!(c, 'o' | 'e') && i > 0 && matches!(group[i - 1], 'ã' | 'õ');
        matches!(c, 'i' | 'u' | 'ü' | 'y') || nasal_glide
    };
    let strong = (0..group.len()).filter(|&i| !weak(i)).count();
    // Runs of two or more weak vowels make a syllable of their own.
    let mut weak_runs = 0;
    let mut run = 0;
    for i in 0..=group.len() {
        if i < group.len() && weak(i) {
            run += 1;
        } else {
            weak_runs += usize::from(run >= 2);
            run = 0;
        }
    }
    (strong + weak_runs).max(1)
}

/// French: each group of vowel letters is one sound ("eau", "oi", "ou"), except that é
/// stands alone ("ré-é-du-ca-tion", "thé-â-tre") and a trema starts a new one ("naïf").
/// A final e or es after a consonant is silent ("muscle", "exercices").
fn french(letters: &[char]) -> usize {
    let is_vowel = |c: char| "aeiouyàâéèêëîïôùûüÿæœ".contains(c);
    let mut count: usize = vowel_groups(letters, is_vowel)
        .iter()
        .map(|group| {
            let apart = group
                .windows(2)
                .filter(|pair| pair[0] == 'é' || matches!(pair[1], 'é' | 'ë' | 'ï' | 'ü'))
                .count();
            1 + apart
        })
        .sum();
    let stem = letters
        .strip_suffix(&['s'])
        .unwrap_or(letters)
        .strip_suffix(&['e']);
    if let Some(stem) = stem {
        if count > 1 && stem.last().is_some_and(|&c| !is_vowel(c)) {
            count -= 1;
        }
    }
    count
}

/// German: each vowel is a syllable, but for the diphthongs and long vowels written with
/// two letters (ei, ai, au, eu, äu, ie, aa, ee, oo), which make one ("Knie", "Mauer":
/// Mau-er).
fn german(letters: &[char]) -> usize {
    let is_vowel = |c: char| "aeiouyäöü".contains(c);
    const PAIRS: [[char; 2]; 11] = [
        ['e', 'i'],
        ['a', 'i'],
        ['a', 'u'],
        ['e', 'u'],
        ['ä', 'u'],
        ['i', 'e'],
        ['a', 'a'],
        ['e', 'e'],
        ['o', 'o'],
        ['e', 'y'],
        ['a', 'y'],
    ];
    vowel_groups(letters, is_vowel)
        .iter()
        .map(|group| {
            let mut count = 0;
            let mut i = 0;
            while i < group.len() {
                let pair = group.get(i..i + 2);
                i += if pair.is_some_and(|p| PAIRS.iter().any(|q| q == p)) {
                    2
                } else {
                    1
                };
                count += 1;
            }
            count
        })
        .sum()
}

/// Polish: every vowel is a syllable ("na-u-ka"), except an i before another vowel, which
/// only softens the consonant before it ("zapalenie": za-pa-le-nie).
fn polish(letters: &[char]) -> usize {
    let is_vowel = |c: char| "aąeęioóuy".contains(c);
    letters
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let softening = c == 'i' && letters.get(i + 1).is_some_and(|&n| is_vowel(n));
            is_vowel(c) && !softening
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word with the syllables a dictionary of its language divides it into.
    fn assert_counts(language: Language, words: &[(&str, usize)]) {
        for &(word, expected) in words {
            assert_eq!(syllables(word, language), expected, "{word} ({language:?})");
        }
    }

    #[test]
    fn english_syllables() {
        // Divisions as in Merriam-Webster's dictionary.
        assert_counts(
            Language::English,
            &[
                ("the", 1),
                ("knee", 1),
                ("knees", 1),
                ("make", 1),
                ("makes", 1),
                ("exercise", 3),
                ("exercises", 4),
                ("muscle", 2),
                ("muscles", 2),
                ("table", 2),
                ("centre", 2),
                ("jumped", 1),
                ("lifted", 2),
                ("created", 3),
                ("creature", 2),
                ("inflammation", 4),
                ("inflamed", 2),
                ("swelling", 2),
                ("bursitis", 3),
                ("hamstring", 2),
                ("strengthens", 2),
                ("media", 3),
                ("special", 2),
                ("radio", 3),
                ("nation", 2),
                ("serious", 3),
                ("people", 2),
                ("video", 3),
                ("actual", 3),
                ("language", 2),
                ("quiet", 2),
                ("easier", 3),
                ("patient", 2),
                ("lying", 2),
                ("studying", 3),
                ("being", 2),
                ("idea", 3),
                ("eye", 1),
                ("eyes", 1),
                ("player", 2),
                ("yes", 1),
                ("movement", 2),
                ("safely", 2),
                ("carefully", 3),
                ("family", 3),
                ("only", 2),
                ("sometimes", 2),
                ("someone", 2),
                ("therefore", 2),
                ("every", 2),
                ("everything", 3),
                ("changes", 2),
                ("stretches", 2),
                ("boxes", 2),
                ("tired", 1),
                ("troubled", 2),
                ("don't", 1),
                ("anti-inflammatory", 7),
                ("MCL", 3),
                ("GP", 2),
            ],
        );
    }

    #[test]
    fn spanish_syllables() {
        // Divisions as in the Real Academia Española's spelling rules (Ortografía 2010:
        // diphthongs, hiatus marked by an accent, the silent u of "que").
        assert_counts(
            Language::Spanish,
            &[
                ("rodilla", 3),
                ("inflamación", 4),
                ("ejercicio", 4),
                ("músculo", 3),
                ("aéreo", 4),
                ("ciudad", 2),
                ("día", 2),
                ("país", 2),
                ("hoy", 1),
                ("muy", 1),
                ("y", 1),
                ("queso", 2),
                ("guerra", 2),
                ("pingüino", 3),
                ("buey", 1),
                ("leer", 2),
                ("rehabilitación", 6),
                ("Dolor", 2),
            ],
        );
    }

    #[test]
    fn italian_syllables() {
        assert_counts(
            Language::Italian,
            &[
                ("ginocchio", 3),
                ("esercizio", 4),
                ("infiammazione", 5),
                ("muscolo", 3),
                ("aiuto", 3),
                ("gioia", 2),
                ("giorno", 2),
                ("può", 1),
                ("più", 1),
                ("quando", 2),
                ("idea", 3),
            ],
        );
    }

    #[test]
    fn portuguese_syllables() {
        assert_counts(
            Language::Portuguese,
            &[
                ("joelho", 3),
                ("inflamação", 4),
                ("exercício", 4),
                ("músculo", 3),
                ("saúde", 3),
                ("muito", 2),
                ("coração", 3),
                ("põe", 1),
                ("saiu", 2),
                ("dor", 1),
            ],
        );
    }

    #[test]
    fn french_syllables() {
        // Syllables as spoken, the final mute e not sounded.
        assert_counts(
            Language::French,
            &[
                ("genou", 2),
                ("douleur", 2),
                ("inflammation", 4),
                ("exercice", 3),
                ("exercices", 3),
                ("muscle", 1),
                ("rééducation", 5),
                ("théâtre", 2),
                ("naïf", 2),
                ("eau", 1),
                ("kinésithérapeute", 6),
                ("le", 1),
            ],
        );
    }

    #[test]
    fn german_syllables() {
        assert_counts(
            Language::German,
            &[
                ("Knie", 1),
                ("Entzündung", 3),
                ("Übung", 2),
                ("Schmerzen", 2),
                ("Muskel", 2),
                ("Krankengymnastik", 5),
                ("Mauer", 2),
                ("Feuer", 2),
                ("Physiotherapie", 6),
                ("Theater", 3),
                ("Quelle", 2),
                ("Oberschenkel", 4),
            ],
        );
    }

    #[test]
    fn polish_syllables() {
        assert_counts(
            Language::Polish,
            &[
                ("kolano", 3),
                ("zapalenie", 4),
                ("ćwiczenie", 3),
                ("ból", 1),
                ("mięsień", 2),
                ("nauka", 3),
                ("rehabilitacja", 6),
                ("fizjoterapia", 5),
                ("kręgosłup", 3),
            ],
        );
    }

    #[test]
    fn numbers_and_letterless_words_count_one() {
        for language in Language::ALL {
            assert_eq!(syllables("2.5", language), 1);
            assert_eq!(syllables("Hmm", language), 1);
        }
    }
}
