//! Right-to-left text (Hebrew, Arabic) inside a left-to-right handout.
//!
//! Each word is shaped in its own direction, so its glyphs come out in the order they are
//! seen; what is left is the order of the words. A run of right-to-left words reads from
//! its right end, so on a line its words are set last word first.

use unicode_bidi::{bidi_class, BidiClass};

/// The direction of the first character in `text` that has one of its own.
pub fn strong_direction(text: &str) -> Option<Direction> {
    text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(Direction::LeftToRight),
        BidiClass::R | BidiClass::AL => Some(Direction::RightToLeft),
        _ => None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// Reverses each run of right-to-left items in `items`, in place. Items with no direction
/// of their own (numbers, punctuation) join a run when right-to-left items surround them.
pub fn reorder<T>(items: &mut [T], direction: impl Fn(&T) -> Option<Direction>) {
    let directions: Vec<Option<Direction>> = items.iter().map(direction).collect();
    let mut start = 0;
    while start < items.len() {
        if directions[start] != Some(Direction::RightToLeft) {
            start += 1;
            continue;
        }
        let mut last = start;
        for (i, d) in directions.iter().enumerate().skip(start + 1) {
            match d {
                Some(Direction::LeftToRight) => break,
                Some(Direction::RightToLeft) => last = i,
                None => {}
            }
        }
        items[start..=last].reverse();
        start = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_words_are_set_last_word_first() {
        let mut words = ["see ", "שלום ", "- ", "עולם ", "and ", "مرحبا ", "بكم"];
        reorder(&mut words, |w| strong_direction(w));
        assert_eq!(
            words,
            ["see ", "עולם ", "- ", "שלום ", "and ", "بكم", "مرحبا "]
        );
        let mut english = ["a ", "b ", "1 "];
        reorder(&mut english, |w| strong_direction(w));
        assert_eq!(english, ["a ", "b ", "1 "]);
    }
}
