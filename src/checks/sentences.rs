//! Splitting text into sentences.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by a space or the end of the text
//! (closing quotes, brackets and Markdown emphasis marks after the stop stay with it), at
//! a blank line, and at a line break before a list item, so that bullet points written
//! without full stops count one each. A full stop does not end a sentence after an
//! abbreviation of the language ("e.g.", "Dr."), after a single letter ("z. B.", an
//! initial), after the number of a numbered list item, or when the next word starts
//! with a small letter. A single line break inside a paragraph is only a wrapped line.
//! A list item's marker (`-`, `1.`) is left out of its sentence.

use std::ops::Range;

use super::language::Language;

/// The byte ranges of the sentences of `text`, without the space around them. A
/// sentence's range includes its closing punctuation.
pub fn sentences(text: &str, language: Language) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '.' | '!' | '?' | '…' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, next)) = chars.peek() {
                    if !is_closing(next) && !matches!(next, '.' | '!' | '?' | '…') {
                        break;
                    }
                    end = j + next.len_utf8();
                    chars.next();
                }
                let rest = &text[end..];
                let at_break = rest.chars().next().is_none_or(char::is_whitespace);
                let ends =
                    at_break && (c != '.' || full_stop_ends(&text[start..i], rest, language));
                ends.then_some(end)
            }
            '\n' if starts_block(&text[i + 1..]) => Some(i),
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(text, start..end, &mut found);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut found);
    found
}

/// Whether a full stop ends the sentence, given the sentence so far before it and the
/// text after it.
fn full_stop_ends(before: &str, after: &str, language: Language) -> bool {
    let mut tokens = before.split_whitespace().rev();
    let last = tokens.next().unwrap_or_default();
    let word = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first_of_sentence = tokens.clone().all(is_list_marker);
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false;
    }
    if first_of_sentence && !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let word = word.to_lowercase();
    let with_previous = tokens
        .next()
        .map(|previous| format!("{} {word}", previous.to_lowercase()));
    let abbreviations = language.abbreviations();
    if abbreviations.contains(&word.as_str())
        || with_previous.is_some_and(|pair| abbreviations.contains(&pair.as_str()))
    {
        return false;
    }
    !after
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '’' | '”' | '»' | '›' | ')' | ']' | '*' | '_'
    )
}

/// Whether the text after a line break starts a new block: a blank line, or a list item.
fn starts_block(after: &str) -> bool {
    let line = after.split('\n').next().unwrap_or_default();
    line.trim().is_empty() || line.split_whitespace().next().is_some_and(is_list_marker)
}

fn is_list_marker(token: &str) -> bool {
    matches!(token, "-" | "*" | "+" | "•" | "–")
        || token
            .strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Keeps `range` of `text` as a sentence, without the space around it and without the
/// marker of a list item, if it has any words left.
fn push_trimmed(text: &str, range: Range<usize>, found: &mut Vec<Range<usize>>) {
    let piece = text[range.clone()].trim_end();
    let mut body = piece.trim_start();
    if let Some((first, rest)) = body.split_once(char::is_whitespace) {
        if is_list_marker(first) {
            body = rest.trim_start();
        }
    }
    if !body.is_empty() {
        let start = range.start + (piece.len() - body.len());
        found.push(start..range.start + piece.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, language: Language) -> Vec<&str> {
        sentences(text, language)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_followed_by_space() {
        assert_eq!(
            split(
                "Rest your knee. Does it hurt? Stop!  Then (slowly) go on.",
                Language::English
            ),
            [
                "Rest your knee.",
                "Does it hurt?",
                "Stop!",
                "Then (slowly) go on."
            ]
        );
    }

    #[test]
    fn abbreviations_numbers_and_initials_do_not_end_a_sentence() {
        assert_eq!(
            split(
                "Take a painkiller, e.g. paracetamol. Dr. Smith and J. R. Jones said 2.5 mg. Go on.",
                Language::English
            ),
            [
                "Take a painkiller, e.g. paracetamol.",
                "Dr. Smith and J. R. Jones said 2.5 mg.",
                "Go on."
            ]
        );
        assert_eq!(
            split("Üben Sie z. B. Kniebeugen. Dann ruhen.", Language::German),
            ["Üben Sie z. B. Kniebeugen.", "Dann ruhen."]
        );
        assert_eq!(
            split("Camine, p. ej. en casa. Descanse.", Language::Spanish),
            ["Camine, p. ej. en casa.", "Descanse."]
        );
    }

    #[test]
    fn a_small_letter_after_a_full_stop_continues_the_sentence() {
        assert_eq!(
            split("Use an ice pack etc. as needed. Rest.", Language::English),
            ["Use an ice pack etc. as needed.", "Rest."]
        );
    }

    #[test]
    fn quotes_brackets_and_emphasis_stay_with_their_stop() {
        assert_eq!(
            split(
                "**Put ice on it.** Wrap it first. She said “rest.” Then go.",
                Language::English
            ),
            [
                "**Put ice on it.**",
                "Wrap it first.",
                "She said “rest.”",
                "Then go."
            ]
        );
    }

    #[test]
    fn list_items_and_paragraphs_end_sentences_without_a_stop() {
        let text = "Do this:\n- Run less\n- Work on one leg\n1. Lie down\n2. Lift\n\nNew paragraph";
        assert_eq!(
            split(text, Language::English),
            [
                "Do this:",
                "Run less",
                "Work on one leg",
                "Lie down",
                "Lift",
                "New paragraph"
            ]
        );
    }

    #[test]
    fn a_wrapped_line_is_not_a_sentence_end() {
        assert_eq!(
            split(
                "Pain on the inside\nof the knee is common. Rest.",
                Language::English
            ),
            ["Pain on the inside\nof the knee is common.", "Rest."]
        );
    }

    #[test]
    fn the_number_of_a_list_item_is_not_a_sentence() {
        assert_eq!(
            split("1. Lie on your back. Rest.", Language::English),
            ["Lie on your back.", "Rest."]
        );
    }

    #[test]
    fn nothing_but_space_has_no_sentences() {
        assert!(sentences("", Language::English).is_empty());
        assert!(sentences(" \n\n ", Language::English).is_empty());
    }
}
