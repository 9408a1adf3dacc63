//! "Did you mean …?" for misspelt keys, choices and exercise ids.

/// How alike two words must be (Jaro-Winkler, 0 to 1) before one is offered for the other.
const LIKENESS: f64 = 0.8;

/// The candidate most like `word`, when one is alike enough to be a likely slip of the keyboard.
///
/// Case is ignored; on a tie the earlier candidate wins.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&word, &candidate.to_lowercase());
        if score >= LIKENESS && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// `items` for a sentence, each wrapped in `quote`: "`a`, `b` or `c`".
pub(crate) fn one_of(items: &[&str], quote: char) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("{quote}{i}{quote}")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_the_nearest_word_only_when_it_is_close() {
        let keys = ["title", "subtitle", "summary"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("SUMARY", keys), Some("summary"));
        assert_eq!(closest("colour", keys), None);
    }

    #[test]
    fn lists_choices_for_a_sentence() {
        assert_eq!(one_of(&["a"], '`'), "`a`");
        assert_eq!(
            one_of(&["soon", "urgent", "emergency"], '"'),
            "\"soon\", \"urgent\" or \"emergency\""
        );
    }
}
