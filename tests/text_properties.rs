//! Properties of the text layer over generated strings: any text, in any script, with marks,
//! invisible characters, emoji and words longer than the column, breaks into lines without
//! a panic, no line is wider than the column, and the glyphs copy back to the text.

use handout::model::Rgb;
use handout::text::bidi::{strong_direction, Direction};
use handout::text::{break_lines, FaceId, FontBook, Line, Measure, Shaper, Span, TextStyle};
use proptest::prelude::*;

/// Pieces of text to build strings from, weighted towards the awkward.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z]{1,14}",
        3 => Just(" ".to_string()),
        1 => "[.,;:!?()–—'’\"-]",
        1 => "[a-z]{40,90}",
        1 => "[\u{05D0}-\u{05EA}]{1,6}",
        1 => "[\u{0627}-\u{064A}]{1,6}",
        1 => "[\u{10800}-\u{10838}\u{1EE00}-\u{1EE3B}]{1,3}",
        1 => "[a-e][\u{0300}-\u{036F}]{1,3}",
        1 => "[\u{1F600}-\u{1F64F}\u{1F3C3}]",
        1 => "[\u{4E00}-\u{4E80}]{1,4}",
        1 => "[\u{200B}-\u{200D}\u{00AD}\u{FEFF}]",
        1 => "[\u{2190}-\u{2193}\u{2713}\u{2714}\u{2011}]",
        1 => "https://example\\.org/[a-z0-9/]{20,60}",
        1 => "\\PC",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

/// A long word, mostly in one script, the kind a line is cut out of.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,200} ?",
        "[a-zA-Z0-9:/.,'-]{1,200}",
        "[\u{0627}-\u{064A}]{1,80} ?",
        "[\u{05D0}-\u{05EA}]{1,80}",
        "[\u{0410}-\u{044F}]{1,80}",
        "([a-z][\u{0300}-\u{036F}]?){1,80}",
        text(),
    ]
}

fn span(text: &str, bold: bool) -> Span {
    Span {
        text: text.to_string(),
        style: TextStyle {
            face: FaceId::new(bold, false),
            size: 13.0,
            color: Rgb(0, 0, 0),
        },
        link: None,
        unbreakable: false,
    }
}

/// Characters that print: what copying must give back.
fn printed(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .filter(|c| !matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}'))
        .collect()
}

fn copied(lines: &[Line]) -> String {
    lines
        .iter()
        .flat_map(|line| &line.fragments)
        .flat_map(|fragment| fragment.glyphs.iter())
        .map(|glyph| glyph.text.as_str())
        .collect()
}

/// Whether any character of `text` reads right to left (Hebrew, Arabic and their
/// relatives, wherever Unicode puts them).
fn right_to_left(text: &str) -> bool {
    text.chars()
        .any(|c| strong_direction(&c.to_string()) == Some(Direction::RightToLeft))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_fits_its_column_and_copies_back(
        text in text(),
        bold_from in 0usize..60,
        width in 60.0f32..480.0,
    ) {
        let book = FontBook::bundled();
        let shaper = Shaper::new(&book);
        // Two spans, the second bold, split at a character boundary.
        let split = text.char_indices().map(|(i, _)| i).find(|&i| i >= bold_from).unwrap_or(text.len());
        let spans = shaper.fall_back(&[span(&text[..split], false), span(&text[split..], true)]);
        let lines = break_lines(&spans, width, &shaper, None);

        for line in &lines {
            prop_assert!(line.width <= width + 0.01, "a line of {} pt in {} pt", line.width, width);
            let drawn: f32 = line.fragments.iter().map(|f| f.width).sum();
            prop_assert!((drawn - line.width).abs() < 0.01);
        }
        let back = copied(&lines);
        if right_to_left(&text) {
            // Right-to-left runs are stored in the order they are seen.
            let mut want = printed(&text);
            let mut got = printed(&back);
            want.sort_unstable();
            got.sort_unstable();
            prop_assert_eq!(got, want);
        } else {
            prop_assert_eq!(printed(&back), printed(&text));
        }
    }

    #[test]
    fn a_part_cut_out_of_a_shaped_word_is_what_shaping_the_part_gives(
        text in word(),
        from in 0usize..400,
        to in 0usize..400,
        face in 0usize..5,
    ) {
        let book = FontBook::bundled();
        let shaper = Shaper::new(&book);
        let face = [FaceId::Regular, FaceId::Bold, FaceId::Italic, FaceId::BoldItalic, FaceId::Fallback][face];
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let (from, to) = (bounds[from % bounds.len()], bounds[to % bounds.len()]);
        let part = from.min(to)..from.max(to);
        let whole = shaper.shape(&text, face, 13.0);
        let alone = shaper.shape(&text[part.clone()], face, 13.0);
        prop_assert_eq!(shaper.shape_part(&text, &whole, part, face, 13.0), alone);
    }
}
