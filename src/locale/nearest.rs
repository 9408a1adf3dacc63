//! "Did you mean …?" for a language tag or a label's key.

/// How alike a word and a candidate must be (Jaro-Winkler, 0 to 1) for the candidate to be
/// offered: as alike as the loader asks of a misspelt key.
const LIKENESS: f64 = 0.8;

/// What goes with the candidate most like `word`, when one is alike enough to be a likely
/// slip. Case is ignored; on a tie the earlier candidate wins.
pub(super) fn nearest<'a, T>(
    word: &str,
    candidates: impl IntoIterator<Item = (&'a str, T)>,
) -> Option<T> {
    let word = word.to_lowercase();
    let mut best: Option<(f64, T)> = None;
    for (candidate, value) in candidates {
        let score = strsim::jaro_winkler(&word, &candidate.to_lowercase());
        if score >= LIKENESS && best.as_ref().is_none_or(|(top, _)| score > *top) {
            best = Some((score, value));
        }
    }
    best.map(|(_, value)| value)
}
