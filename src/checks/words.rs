//! Splitting text into words.
//!
//! A word is a run of letters and digits, kept whole across an apostrophe ("don't"), a
//! hyphen ("anti-inflammatory") or a decimal point between digits ("2.5"). Everything
//! else separates words, so Markdown's `**` and `_` never join or split one. Web and
//! email addresses are not words: a reader does not read them as such, and their
//! letters would make a section look harder than it is.

use std::ops::Range;

/// The byte ranges of the words of `text`, in order.
pub fn words(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    // One buffer for the characters of every chunk rather than one each: a handout's
    // checks split its text into words several thousand times.
    let mut chars = Vec::new();
    for chunk in chunks(text) {
        if !is_address(&text[chunk.clone()]) {
            words_in(text, chunk, &mut chars, &mut found);
        }
    }
    found
}

/// Whether a word is a number ("12", "2.5") rather than made of letters.
pub fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Runs of text between spaces and brackets: the pieces an address is made of.
fn chunks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let is_break = |c: char| c.is_whitespace() || "()[]<>".contains(c);
    let mut start = None;
    let ends = text.char_indices().chain([(text.len(), ' ')]);
    ends.filter_map(move |(i, c)| match (start, is_break(c)) {
        (None, false) => {
            start = Some(i);
            None
        }
        (Some(s), true) => {
            start = None;
            Some(s..i)
        }
        _ => None,
    })
}

fn is_address(chunk: &str) -> bool {
    chunk.contains("://") || chunk.starts_with("www.") || chunk.contains('@')
}

fn words_in(
    text: &str,
    chunk: Range<usize>,
    chars: &mut Vec<(usize, char)>,
    found: &mut Vec<Range<usize>>,
) {
    let piece = &text[chunk.clone()];
    chars.clear();
    chars.extend(piece.char_indices());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            match chars.get(i) {
                Some(&(_, c)) if c.is_alphanumeric() => i += 1,
                Some(&(_, c)) if joins(c, chars[i - 1].1, chars.get(i + 1).map(|&(_, n)| n)) => {
                    i += 2;
                }
                _ => break,
            }
        }
        let end = chars.get(i).map_or(piece.len(), |&(at, _)| at);
        found.push(chunk.start + chars[start].0..chunk.start + end);
    }
}

/// Whether `c`, between `before` and `after`, joins them into one word.
fn joins(c: char, before: char, after: Option<char>) -> bool {
    let Some(after) = after else { return false };
    match c {
        '\'' | '’' | '-' | '‐' => before.is_alphanumeric() && after.is_alphanumeric(),
        '.' | ',' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_decimals() {
        assert_eq!(
            split("Don’t take anti-inflammatory pills, 2.5 mg or 1,000 mg."),
            [
                "Don’t",
                "take",
                "anti-inflammatory",
                "pills",
                "2.5",
                "mg",
                "or",
                "1,000",
                "mg"
            ]
        );
    }

    #[test]
    fn markdown_marks_and_punctuation_are_not_words() {
        assert_eq!(
            split("**Rest** your knee – *then* (slowly) go on…"),
            ["Rest", "your", "knee", "then", "slowly", "go", "on"]
        );
        assert_eq!(split("'quoted' - dash -"), ["quoted", "dash"]);
    }

    #[test]
    fn addresses_are_skipped_but_link_text_is_kept() {
        assert_eq!(
            split(
                "See [our video](https://example.org/knee-video) or www.example.org, mail a@b.org."
            ),
            ["See", "our", "video", "or", "mail"]
        );
    }

    #[test]
    fn ranges_are_byte_offsets_into_the_text() {
        let text = "Ça va, señor?";
        let ranges = words(text);
        assert_eq!(ranges, [0..3, 4..6, 8..14]);
        assert_eq!(&text[ranges[2].clone()], "señor");
    }

    #[test]
    fn numbers_are_told_from_words() {
        assert!(is_number("2.5"));
        assert!(!is_number("knee"));
    }
}
