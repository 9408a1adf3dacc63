//! A text a content file writes, as its value reads, and where in the file each of its
//! bytes is written: for warnings that point at a word or a sentence inside a value.
//!
//! A string value's text is not a slice of its file: TOML writes it between quotes, with
//! escapes (`\"`, `\u00E9`) and, in a multi-line basic string, a backslash that joins a
//! line to the next without the line break and the space around it. A byte of the text
//! is found in the file by reading the value as written again, step by step beside the
//! text. Should the two ever disagree, the warning points at the value's start instead.

use std::ops::Range;

use super::file::{FileCx, Value};
use super::kinds::Text;
use super::written::{Leaf, List, Written};
use crate::diag::Location;

/// A string value: its text, Markdown and all, and where it is written.
#[derive(Debug, Clone)]
pub(crate) struct Passage {
    pub text: String,
    /// The value's dotted key, e.g. `cause[1].text`.
    pub key: String,
    /// The value as the file writes it, quotes and escapes included.
    source: String,
    /// Where the value starts.
    start: Location,
}

impl Passage {
    /// The passage `value` writes, whose text reads `text`.
    pub fn of(value: &Value, text: &str) -> Passage {
        Passage {
            text: text.to_string(),
            key: value.key(),
            source: value.source().to_string(),
            start: value.location(),
        }
    }

    /// The passage of a text field, when it holds text.
    pub fn of_leaf<'a>(cx: &'a FileCx<'a>, leaf: &Option<Leaf<Text>>) -> Option<Passage> {
        let leaf = leaf.as_ref()?;
        match &leaf.written {
            Written::Text(text) => Some(Passage::of(&cx.at(leaf.span.clone()), text)),
            _ => None,
        }
    }

    /// The passages of a list of text fields, one an item.
    pub fn of_list<'a>(cx: &'a FileCx<'a>, list: &Option<List<Leaf<Text>>>) -> Vec<Passage> {
        let items = list.as_ref().and_then(|list| list.items.as_ref().ok());
        let items = items.map(Vec::as_slice).unwrap_or_default();
        items
            .iter()
            .filter_map(|item| match &item.written {
                Written::Text(text) => Some(Passage::of(&cx.at(item.span.clone()), text)),
                _ => None,
            })
            .collect()
    }

    /// Where byte `offset` of the text is written.
    pub fn location(&self, offset: usize) -> Location {
        let Some(at) = source_offset(&self.source, &self.text, offset) else {
            return self.start.clone();
        };
        let before = &self.source[..at];
        let (line, column) = match before.rfind('\n') {
            Some(last) => (
                self.start
                    .line
                    .map(|line| line + before.matches('\n').count()),
                Some(before[last + 1..].chars().count() + 1),
            ),
            None => (
                self.start.line,
                self.start.column.map(|c| c + before.chars().count()),
            ),
        };
        Location {
            file: self.start.file.clone(),
            line,
            column,
        }
    }
}

/// The byte of `source`, a TOML string as written, at which the byte `offset` of its text
/// `text` is written; `None` when reading `source` does not give `text`.
fn source_offset(source: &str, text: &str, offset: usize) -> Option<usize> {
    let (delimiter, basic, multi_line) = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|d| source.len() >= 2 * d.len() && source.starts_with(d) && source.ends_with(d))
        .map(|d| (d, d.starts_with('"'), d.len() == 3))?;
    let mut body = delimiter.len()..source.len() - delimiter.len();
    if multi_line {
        // A line break right after the opening quotes is not part of the text.
        let rest = &source[body.clone()];
        body.start += [("\n", 1), ("\r\n", 2)]
            .into_iter()
            .find_map(|(newline, length)| rest.starts_with(newline).then_some(length))
            .unwrap_or(0);
    }
    let mut read = 0;
    let mut at = body.start;
    while at < body.end {
        let (written, produced) = next_character(source, at..body.end, basic, multi_line)?;
        if !produced.is_empty() {
            if read == offset {
                return Some(at);
            }
            if !text[read..].starts_with(produced.as_str()) {
                return None;
            }
            read += produced.len();
        }
        at = written.end;
    }
    (read == offset && offset == text.len()).then_some(at)
}

/// What TOML skips after a backslash that ends a line: spaces, tabs and line breaks.
const TOML_SPACE: [char; 4] = [' ', '\t', '\r', '\n'];

/// The next piece of a string's body from `range.start`: the bytes written and what they
/// read as (one character, or nothing for a joined line break).
fn next_character(
    source: &str,
    range: Range<usize>,
    basic: bool,
    multi_line: bool,
) -> Option<(Range<usize>, String)> {
    let rest = &source[range.clone()];
    let first = rest.chars().next()?;
    if !(basic && first == '\\') {
        let end = range.start + first.len_utf8();
        return Some((range.start..end, first.to_string()));
    }
    let escape = &rest[1..];
    let letter = escape.chars().next()?;
    let simple = match letter {
        'b' => Some('\u{8}'),
        'e' => Some('\u{1b}'),
        'f' => Some('\u{c}'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        '"' => Some('"'),
        '\\' => Some('\\'),
        _ => None,
    };
    if let Some(c) = simple {
        return Some((range.start..range.start + 2, c.to_string()));
    }
    let digits = match letter {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        ' ' | '\t' | '\r' | '\n' if multi_line => {
            // A backslash at the end of a line: the line break and the space and line
            // breaks after it read as nothing.
            let skipped = escape.len() - escape.trim_start_matches(TOML_SPACE).len();
            return Some((range.start..range.start + 1 + skipped, String::new()));
        }
        _ => return None,
    };
    let hex = escape.get(1..1 + digits)?;
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    Some((range.start..range.start + 2 + digits, c.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text and where each of its characters is written, as (line, column), for a
    /// one-value file `value = …`.
    fn placed(written: &str) -> (String, Vec<(usize, usize)>) {
        let file = format!("value = {written}\n");
        let parsed: toml::Table = toml::from_str(&file).unwrap();
        let text = parsed["value"].as_str().unwrap().to_string();
        let passage = Passage {
            text: text.clone(),
            key: "value".into(),
            source: written.to_string(),
            start: Location::at_offset("x.toml", &file, "value = ".len()),
        };
        let columns = text
            .char_indices()
            .map(|(i, _)| {
                let location = passage.location(i);
                (location.line.unwrap(), location.column.unwrap())
            })
            .collect();
        (text, columns)
    }

    /// The character of `file`'s line and column.
    fn character_at(file: &str, (line, column): (usize, usize)) -> Option<char> {
        file.split('\n').nth(line - 1)?.chars().nth(column - 1)
    }

    #[test]
    fn plain_characters_are_found_where_they_are_written() {
        for written in ["\"Rest your knee\"", "'C:\\knee'", "\"Ça va, señor\""] {
            let (text, places) = placed(written);
            let file = format!("value = {written}\n");
            for (c, place) in text.chars().zip(places) {
                assert_eq!(character_at(&file, place), Some(c), "{written}");
            }
        }
    }

    #[test]
    fn an_escape_is_found_at_its_backslash_and_the_text_after_it_in_step() {
        let written = r#""Say \"ow\" \u00E9 \U0001F600 \t done""#;
        let (text, places) = placed(written);
        assert_eq!(text, "Say \"ow\" é 😀 \t done");
        let index = |c: char| text.chars().position(|t| t == c).unwrap();
        // `value = "` is nine columns, so the text starts at column 10.
        assert_eq!(places[index('"')], (1, 14));
        assert_eq!(places[index('é')], (1, 21));
        assert_eq!(places[index('😀')], (1, 28));
        let file = format!("value = {written}\n");
        assert_eq!(character_at(&file, places[index('d')]), Some('d'));
    }

    #[test]
    fn multi_line_strings_count_lines_and_skip_the_first_break_and_joined_lines() {
        let written = "\"\"\"\nFirst line.\n\nSecond \\\n    paragraph.\"\"\"";
        let (text, places) = placed(written);
        assert_eq!(text, "First line.\n\nSecond paragraph.");
        let file = format!("value = {written}\n");
        for (c, place) in text.chars().zip(&places) {
            if c != '\n' {
                assert_eq!(character_at(&file, *place), Some(c), "{place:?}");
            }
        }
        assert_eq!(places[0], (2, 1));
        let paragraph = text.find("paragraph").unwrap();
        assert_eq!(places[text[..paragraph].chars().count()], (5, 5));

        let literal = "'''\nNo \\escapes\r\nhere'''";
        let (text, found) = placed(literal);
        assert_eq!(text, "No \\escapes\r\nhere");
        assert_eq!(found[text.find("here").unwrap()], (3, 1));
    }

    #[test]
    fn a_text_the_source_does_not_read_as_points_at_the_start() {
        let passage = Passage {
            text: "something else".into(),
            key: "value".into(),
            source: "\"Rest\"".into(),
            start: Location::at_offset("x.toml", "value = \"Rest\"", 8),
        };
        assert_eq!(passage.location(5), passage.start);
        assert_eq!(source_offset("\"Rest\"", "Rest", 2), Some(3));
        assert_eq!(source_offset("\"Rest\"", "Rest", 4), Some(5));
        assert_eq!(source_offset("\"Rest\"", "Rest", 9), None);
    }

    proptest::proptest! {
        #[test]
        fn every_character_of_any_basic_string_is_found(text in "[a-z \"\\\\\n\té€😀]{0,30}") {
            let escaped: String = text.chars().map(|c| match c {
                '"' => "\\\"".to_string(),
                '\\' => "\\\\".to_string(),
                '\n' => "\\n".to_string(),
                'é' => "\\u00E9".to_string(),
                c => c.to_string(),
            }).collect();
            let written = format!("\"{escaped}\"");
            let (read, places) = placed(&written);
            proptest::prop_assert_eq!(&read, &text);
            let file = format!("value = {written}\n");
            for ((c, place), (i, _)) in text.chars().zip(places).zip(text.char_indices()) {
                let at = source_offset(&written, &text, i).unwrap();
                let expected_start = match c {
                    '"' | '\\' | '\n' | 'é' => '\\',
                    c => c,
                };
                proptest::prop_assert_eq!(written[at..].chars().next(), Some(expected_start));
                proptest::prop_assert_eq!(character_at(&file, place), Some(expected_start));
            }
        }
    }
}
