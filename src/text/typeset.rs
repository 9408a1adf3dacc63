//! Setting text into lines, each paragraph once a run: a roster's handouts set the same
//! paragraphs at the same widths for every recipient, and only the few that name the recipient
//! or change a dosage are set anew.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rustc_hash::FxHasher;

use super::linebreak::{break_lines, Line, Patterns};
use super::shape::Shaper;
use super::span::Span;
use crate::memo::Memo;

/// One paragraph set at one width, as asked for.
struct Setting {
    spans: Vec<Span>,
    width: u32,
    hyphenate: Option<Patterns>,
    lines: Arc<[Line]>,
}

pub struct Typesetter<'a> {
    pub shaper: Shaper<'a>,
    settings: RefCell<Memo<Setting>>,
}

impl<'a> Typesetter<'a> {
    pub fn new(shaper: Shaper<'a>) -> Typesetter<'a> {
        Typesetter {
            shaper,
            // A handout sets a few hundred paragraphs; a roster adds each recipient's few.
            settings: RefCell::new(Memo::new(1024)),
        }
    }

    /// `spans` broken into lines no wider than `width`, characters the face lacks set in
    /// the fallback face; long words hyphenated where a line would end short, when
    /// patterns are given.
    pub fn lines(&self, spans: &[Span], width: f32, hyphenate: Option<Patterns>) -> Arc<[Line]> {
        let key = key(spans, width, hyphenate);
        let same = |s: &Setting| {
            s.width == width.to_bits() && s.hyphenate == hyphenate && s.spans == spans
        };
        if let Some(found) = self.settings.borrow().find(key, same) {
            return found.lines.clone();
        }
        let spans_with_fallback = self.shaper.fall_back(spans);
        let lines: Arc<[Line]> =
            break_lines(&spans_with_fallback, width, &self.shaper, hyphenate).into();
        self.settings.borrow_mut().insert(
            key,
            Setting {
                spans: spans.to_vec(),
                width: width.to_bits(),
                hyphenate,
                lines: lines.clone(),
            },
        );
        lines
    }
}

fn key(spans: &[Span], width: f32, hyphenate: Option<Patterns>) -> u64 {
    let mut hasher = FxHasher::default();
    for span in spans {
        span.text.hash(&mut hasher);
        span.style.face.hash(&mut hasher);
        span.style.size.to_bits().hash(&mut hasher);
        span.style.color.hash(&mut hasher);
        span.link.hash(&mut hasher);
        span.unbreakable.hash(&mut hasher);
    }
    width.to_bits().hash(&mut hasher);
    hyphenate.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rgb;
    use crate::text::{FaceId, FontBook, TextStyle};

    fn span(text: &str, color: Rgb) -> Span {
        Span {
            text: text.to_string(),
            style: TextStyle {
                face: FaceId::Regular,
                size: 12.0,
                color,
            },
            link: None,
            unbreakable: false,
        }
    }

    #[test]
    fn a_paragraph_is_set_once_and_a_different_one_anew() {
        let book = FontBook::bundled();
        let typesetter = Typesetter::new(Shaper::new(&book));
        let black = [span(
            "Rest your knee for a week, then run again.",
            Rgb(0, 0, 0),
        )];
        let first = typesetter.lines(&black, 100.0, None);
        let again = typesetter.lines(&black, 100.0, None);
        assert!(Arc::ptr_eq(&first, &again), "set once");
        assert!(first.len() > 1);

        let wider = typesetter.lines(&black, 1000.0, None);
        assert_eq!(wider.len(), 1, "another width is another setting");
        let red = [span(
            "Rest your knee for a week, then run again.",
            Rgb(200, 0, 0),
        )];
        let other = typesetter.lines(&red, 100.0, None);
        assert!(!Arc::ptr_eq(&first, &other));
        assert_eq!(other[0].fragments[0].style.color, Rgb(200, 0, 0));
    }
}
