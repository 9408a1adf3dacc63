//! English syllables from spelling: groups of vowel letters, less the silent ones (the
//! final e of "make", the e of "jumped" and "makes"), plus the vowel pairs that are sounded
//! apart ("me-di-a", "ra-di-o", "ly-ing"). Words built on a silent-e word ("some-times",
//! "care-ful-ly") are counted part by part.

/// Common words whose spelling misleads the rules, with their syllables.
const EXCEPTIONS: [(&str, usize); 2] = [("every", 2), ("business", 2)];

/// Endings that are a syllable of their own, after a stem that may end in a silent e
/// ("move-ment", "safe-ly"); "ments" before "ment".
const SUFFIXES: [&str; 6] = ["ments", "ment", "ness", "less", "ful", "ly"];

/// Words, most ending in a silent e, that start common compounds ("some-one",
/// "there-fore", "every-thing"), with their syllables.
const STEMS: [(&str, usize); 11] = [
    ("some", 1),
    ("there", 1),
    ("where", 1),
    ("here", 1),
    ("home", 1),
    ("care", 1),
    ("life", 1),
    ("time", 1),
    ("side", 1),
    ("base", 1),
    ("every", 2),
];

pub(super) fn syllables(letters: &[char]) -> usize {
    let word: String = letters.iter().collect();
    if let Some(&(_, count)) = EXCEPTIONS.iter().find(|(w, _)| *w == word) {
        return count;
    }
    let has_vowel = |part: &str| part.chars().any(is_vowel);
    for suffix in SUFFIXES {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 2 && has_vowel(base) {
                return syllables(&chars(base)) + 1;
            }
        }
    }
    for (stem, count) in STEMS {
        if let Some(rest) = word.strip_prefix(stem) {
            if rest.len() >= 2 && has_vowel(rest) {
                return count + syllables(&chars(rest));
            }
        }
    }
    simple(letters)
}

fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// A word without the endings and stems above.
fn simple(w: &[char]) -> usize {
    let at = |i: usize| w.get(i).copied();
    // Which letters sound as vowels: y before a vowel is a consonant ("yard", "player"),
    // but not before i ("lying") or a final e ("eye", "dyes"); u after q is not a vowel.
    let final_e = |i: usize| at(i) == Some('e') && (i + 1 == w.len() || w[i + 1..] == ['s']);
    let vowel: Vec<bool> = (0..w.len())
        .map(|i| match w[i] {
            'y' => !at(i + 1).is_some_and(|n| is_vowel(n) && n != 'i' && !final_e(i + 1)),
            'u' => i == 0 || w[i - 1] != 'q',
            c => is_vowel(c),
        })
        .collect();
    let mut count = 0;
    let mut i = 0;
    while i < w.len() {
        if !vowel[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < w.len() && vowel[i] {
            i += 1;
        }
        count += 1 + apart(w, start, i);
    }
    if count > 1 && silent_ending(w) {
        count -= 1;
    }
    count
}

/// How many more syllables the vowel group `w[start..end]` has than one: pairs of vowels
/// that English sounds apart.
fn apart(w: &[char], start: usize, end: usize) -> usize {
    let before = |i: usize| i.checked_sub(1).and_then(|p| w.get(p)).copied();
    let rest = |i: usize| &w[i..];
    let mut extra = 0;
    for i in start..end - 1 {
        let pair = (w[i], w[i + 1]);
        let after = rest(i + 2);
        let split = match pair {
            // me-di-a, tri-al; but spe-cial, A-sia
            ('i', 'a') => !matches!(before(i), Some('c' | 't' | 's' | 'g')),
            // ra-di-o, se-ri-ous; but na-tion, vi-sion, fash-ion, mil-lion
            ('i', 'o') => !matches!(
                before(i),
                Some('c' | 't' | 's' | 'g' | 'x' | 'l' | 'n' | 'h')
            ),
            // vi-de-o, ge-og-ra-phy; but peo-ple, sur-geon
            ('e', 'o') => !(before(i) == Some('p') || (before(i) == Some('g') && i > 1)),
            // ac-tu-al, flu-o-ride; but lan-guage
            ('u', 'a') | ('u', 'o') => before(i) != Some('g'),
            // fu-el, flu-ent, du-et; but guess, tis-sue
            ('u', 'e') => before(i) != Some('g') && matches!(after.first(), Some('l' | 'n' | 't')),
            // me-di-um, mu-se-um
            ('i', 'u') => true,
            ('e', 'u') => after == ['m'],
            // di-et, qui-et, eas-i-er, hap-pi-est, cli-ent; but pa-tient, an-cient
            ('i', 'e') => {
                let comparative = w.len() > 4 && (after == ['r'] || after == ['s', 't']);
                let ent = matches!(after, ['n', 't'] | ['n', 't', 's'] | ['n', 'c', 'e'])
                    && !matches!(before(i), Some('c' | 't'));
                after == ['t'] || comparative || ent
            }
            // po-em, po-et; but does, shoes
            ('o', 'e') => after.first().is_some_and(|&c| !is_vowel(c) && c != 's'),
            // ly-ing, stud-y-ing
            ('y', 'i') => true,
            // i-de-a, ar-e-a; but sea, tea
            ('e', 'a') if after.is_empty() => w.len() > 3,
            // cre-ate, cre-a-tion; but crea-ture, in-crease, cream
            ('e', 'a') => {
                i >= 2
                    && w[i - 2..i] == ['c', 'r']
                    && after.first() == Some(&'t')
                    && after.get(1).is_some_and(|&c| is_vowel(c) && c != 'u')
            }
            _ => false,
        };
        extra += usize::from(split);
    }
    // be-ing, do-ing, see-ing: a group ending in i before a final "ng"
    if end - start >= 2 && w[end - 1] == 'i' && rest(end) == ['n', 'g'] && w[end - 2] != 'y' {
        extra += 1;
    }
    extra
}

/// Whether the word ends in an e that is not sounded: "make", "jumped", "makes", but
/// not "table", "centre", "lifted", "boxes" or "muscles".
fn silent_ending(w: &[char]) -> bool {
    let n = w.len();
    let lone_e_at = |i: usize| w.get(i) == Some(&'e') && i >= 1 && !is_vowel(w[i - 1]);
    // A consonant, then l or r, then the e: a syllable of its own ("ta-ble", "cen-tre").
    let syllabic = |i: usize| {
        i >= 2 && matches!(w[i - 1], 'l' | 'r') && !is_vowel(w[i - 2]) && w[i - 2] != w[i - 1]
    };
    match w.last() {
        Some('e') => lone_e_at(n - 1) && !syllabic(n - 1),
        Some('d') if n >= 3 => {
            lone_e_at(n - 2) && !syllabic(n - 2) && !matches!(w[n - 3], 't' | 'd')
        }
        Some('s') if n >= 3 => {
            let sibilant = matches!(w[n - 3], 's' | 'x' | 'z' | 'c' | 'g')
                || (n >= 4 && w[n - 4..n - 2] == ['c', 'h'])
                || (n >= 4 && w[n - 4..n - 2] == ['s', 'h']);
            lone_e_at(n - 2) && !syllabic(n - 2) && !sibilant
        }
        _ => false,
    }
}
