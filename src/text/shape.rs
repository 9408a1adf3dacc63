//! Shaping: text in one face and size → glyphs with advances, kerning applied.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;

use rustybuzz::{Direction, Face, Script, ShapePlan, UnicodeBuffer};
use unicode_linebreak::{break_property, BreakClass};
use unicode_script::{Script as UnicodeScript, UnicodeScript as _};

use super::bidi::{self, strong_direction};
use super::fonts::{FaceId, FontBook};
use super::span::Span;
use crate::memo::{hash_of, Memo};
use crate::unicode::{shows, REPLACEMENT};

/// One shaped glyph. Distances are in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// How far the pen moves after this glyph, kerning included.
    pub advance: f32,
    /// The font's own advance for the glyph, without kerning; the PDF viewer
    /// moves by this much unless told otherwise.
    pub natural_advance: f32,
    /// How far right of the pen the glyph is drawn (a combining mark over its base).
    pub x_offset: f32,
    /// Byte offset of the glyph's cluster in the shaped text.
    pub cluster: usize,
    /// Whether the text may be cut before this glyph's cluster and each side keep the
    /// glyphs it has here, as [`Measure::shape_part`] does.
    pub safe_to_break: bool,
}

/// Turns text into glyphs. Layout measures through this trait so that line
/// breaking can be tested with a fake measurer.
pub trait Measure {
    fn shape(&self, text: &str, face: FaceId, size: f32) -> Vec<Glyph>;

    /// What `shape` gives for `text[part]`, where `glyphs` is what it gave for all of
    /// `text`: cut out of `glyphs` where that is sure to be the same, else shaped anew.
    /// A long word is shaped once, not again for each line it is cut into.
    fn shape_part(
        &self,
        text: &str,
        glyphs: &[Glyph],
        part: Range<usize>,
        face: FaceId,
        size: f32,
    ) -> Vec<Glyph> {
        cut_out(text, glyphs, part.clone()).unwrap_or_else(|| self.shape(&text[part], face, size))
    }
}

/// The glyphs of the clusters in `text[part]`, if shaping the part alone gives the same.
///
/// rustybuzz promises that where it has not flagged a cluster unsafe to break, text cut
/// before it shapes on each side into the glyphs it had (see `GlyphInfo::unsafe_to_break`),
/// when each side is shaped as the same kind of run as the whole. [`Shaper`] keeps the
/// flags only for text it shapes as one run with letters of one script at most, so the
/// part is shaped alike if it is one run too and has a letter of a script: rustybuzz
/// guesses the run's script from its first such letter, and its direction from that.
fn cut_out(text: &str, glyphs: &[Glyph], part: Range<usize>) -> Option<Vec<Glyph>> {
    let piece = &text[part.clone()];
    if trailing_space_run(piece).is_some() || !piece.chars().any(|c| own_script(c).is_some()) {
        return None;
    }
    let ascending = glyphs.first()?.cluster <= glyphs.last()?.cluster;
    // In one run clusters go one way: up left to right, down right to left.
    let position = |at: usize| {
        if ascending {
            glyphs.partition_point(|g| g.cluster < at)
        } else {
            glyphs.partition_point(|g| g.cluster >= at)
        }
    };
    let cuttable = |at: usize| {
        if at == 0 || at == text.len() {
            return true;
        }
        let i = position(at);
        let cluster = if ascending {
            let n = glyphs[i..].iter().take_while(|g| g.cluster == at).count();
            &glyphs[i..i + n]
        } else {
            let n = glyphs[..i]
                .iter()
                .rev()
                .take_while(|g| g.cluster == at)
                .count();
            &glyphs[i - n..i]
        };
        !cluster.is_empty() && cluster.iter().all(|g| g.safe_to_break)
    };
    if !cuttable(part.start) || !cuttable(part.end) {
        return None;
    }
    let (from, to) = match ascending {
        true => (position(part.start), position(part.end)),
        false => (position(part.end), position(part.start)),
    };
    let glyphs = glyphs[from..to].iter().map(|g| Glyph {
        cluster: g.cluster - part.start,
        ..g.clone()
    });
    Some(glyphs.collect())
}

/// The script `c` belongs to, unless it is shared by all (digits, punctuation, spaces)
/// or taken from the letter before (marks).
fn own_script(c: char) -> Option<UnicodeScript> {
    match c.script() {
        UnicodeScript::Common | UnicodeScript::Inherited | UnicodeScript::Unknown => None,
        script => Some(script),
    }
}

/// Where a right-to-left word's trailing space starts, which is shaped apart from it: it
/// stays after the word, where line breaking looks for it, instead of being turned to the
/// word's left with its letters.
fn trailing_space_run(text: &str) -> Option<usize> {
    let word = text.trim_end();
    (word.len() < text.len()
        && !word.is_empty()
        && strong_direction(word) == Some(bidi::Direction::RightToLeft))
    .then_some(word.len())
}

/// A word shaped in one face and size (its bits).
struct Shaped {
    face: FaceId,
    size: u32,
    text: String,
    glyphs: Vec<Glyph>,
}

/// Shapes with rustybuzz over the faces of a [`FontBook`].
pub struct Shaper<'a> {
    book: &'a FontBook,
    /// By [`FaceId::index`], each parsed on first use: most handouts never set bold
    /// italics, and few need the fallback.
    faces: [OnceCell<Face<'a>>; 5],
    /// Words shaped before, by face and size: a handout repeats its words, and line
    /// breaking measures the same word more than once.
    shaped: RefCell<Memo<Shaped>>,
    plans: RefCell<HashMap<(FaceId, Direction, Script), ShapePlan>>,
}

impl<'a> Shaper<'a> {
    pub fn new(book: &'a FontBook) -> Shaper<'a> {
        Shaper {
            book,
            faces: Default::default(),
            // A handout has a few thousand different words; a roster adds each recipient's.
            shaped: RefCell::new(Memo::new(16_384)),
            plans: RefCell::default(),
        }
    }

    fn face(&self, face: FaceId) -> &Face<'a> {
        self.faces[face.index()].get_or_init(|| {
            let data: &'a [u8] = &self.book.font(face).data;
            Face::from_slice(data, 0).expect("fonts are checked when loaded")
        })
    }

    /// The fonts this shaper sets text in.
    pub fn fonts(&self) -> &'a FontBook {
        self.book
    }

    /// Whether the face has a glyph for `c`.
    pub fn covers(&self, face: FaceId, c: char) -> bool {
        self.book.font(face).chars().contains(c)
    }

    /// The spans again, with each run of characters their face lacks moved to the
    /// fallback face. A combining mark, joiner or invisible character goes with the
    /// character before it, so a letter and its accents are set in one face.
    pub fn fall_back(&self, spans: &[Span]) -> Vec<Span> {
        let mut out = Vec::with_capacity(spans.len());
        for span in spans {
            let face = span.style.face;
            if span.text.chars().all(|c| self.covers(face, c) || !shows(c)) {
                out.push(span.clone());
                continue;
            }
            for (text, fallback) in clusters_by_face(&span.text, |cluster| {
                cluster
                    .chars()
                    .filter(|&c| shows(c))
                    .any(|c| !self.covers(face, c))
            }) {
                let mut piece = span.clone();
                piece.text = text.to_string();
                if fallback {
                    piece.style.face = FaceId::Fallback;
                }
                out.push(piece);
            }
        }
        out
    }
}

/// Whether `c` belongs to the character before it: a mark, a joiner or an invisible
/// character (but not a space, which separates).
fn attaches(c: char) -> bool {
    (!shows(c) && !c.is_whitespace())
        || matches!(
            break_property(c as u32),
            BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner
        )
}

/// `text` cut into the longest pieces whose clusters all agree on `needs_fallback`.
fn clusters_by_face(text: &str, needs_fallback: impl Fn(&str) -> bool) -> Vec<(&str, bool)> {
    let mut clusters: Vec<(usize, usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        match clusters.last_mut() {
            Some(last) if attaches(c) => last.1 = end,
            _ => clusters.push((at, end)),
        }
    }
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    for (start, end) in clusters {
        let fallback = needs_fallback(&text[start..end]);
        match pieces.last_mut() {
            Some(last) if last.2 == fallback => last.1 = end,
            _ => pieces.push((start, end, fallback)),
        }
    }
    pieces
        .into_iter()
        .map(|(start, end, fallback)| (&text[start..end], fallback))
        .collect()
}

impl Measure for Shaper<'_> {
    fn shape(&self, text: &str, face: FaceId, size: f32) -> Vec<Glyph> {
        let size_bits = size.to_bits();
        let hash = hash_of(&(face, size_bits, text));
        let same = |s: &Shaped| s.face == face && s.size == size_bits && s.text == text;
        if let Some(known) = self.shaped.borrow().find(hash, same) {
            return known.glyphs.clone();
        }
        let glyphs = self.shape_word(text, face, size);
        self.shaped.borrow_mut().insert(
            hash,
            Shaped {
                face,
                size: size_bits,
                text: text.to_string(),
                glyphs: glyphs.clone(),
            },
        );
        glyphs
    }
}

impl Shaper<'_> {
    fn shape_word(&self, text: &str, face: FaceId, size: f32) -> Vec<Glyph> {
        if let Some(space) = trailing_space_run(text) {
            let mut glyphs = self.shape_run(&text[..space], face, size);
            let spaces = self.shape_run(&text[space..], face, size);
            glyphs.extend(spaces.into_iter().map(|g| Glyph {
                cluster: g.cluster + space,
                ..g
            }));
            return forget_safe_breaks(glyphs);
        }
        let glyphs = self.shape_run(text, face, size);
        // rustybuzz guesses a run's script from what is drawn, `cut_out` from the text.
        let replaced = text.chars().any(|c| self.drawn(c, face) != c);
        let mut scripts = text.chars().filter_map(own_script);
        let first = scripts.next();
        if replaced || scripts.any(|script| Some(script) != first) {
            return forget_safe_breaks(glyphs);
        }
        glyphs
    }

    /// The character drawn for `c` in `face`: what even the fallback face lacks is drawn
    /// as the replacement character.
    fn drawn(&self, c: char, face: FaceId) -> char {
        if face == FaceId::Fallback && shows(c) && !self.covers(face, c) {
            REPLACEMENT
        } else {
            c
        }
    }

    fn shape_run(&self, text: &str, face: FaceId, size: f32) -> Vec<Glyph> {
        let font = self.face(face);
        let scale = size / font.units_per_em() as f32;
        let mut buffer = UnicodeBuffer::new();
        if face == FaceId::Fallback {
            // The cluster keeps pointing at the original character, which is what
            // copying gives.
            for (at, c) in text.char_indices() {
                buffer.add(self.drawn(c, face), at as u32);
            }
        } else {
            buffer.push_str(text);
        }
        buffer.guess_segment_properties();
        // Making a shaping plan costs more than shaping a word with it; one plan serves
        // every run of a face in one direction and script.
        let key = (face, buffer.direction(), buffer.script());
        let mut plans = self.plans.borrow_mut();
        let plan = plans.entry(key).or_insert_with(|| {
            ShapePlan::new(font, key.1, Some(key.2), buffer.language().as_ref(), &[])
        });
        let shaped = rustybuzz::shape_with_plan(font, plan, buffer);
        shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, position)| {
                let id = info.glyph_id as u16;
                let natural = font
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
                    .unwrap_or(0);
                Glyph {
                    id,
                    advance: position.x_advance as f32 * scale,
                    natural_advance: f32::from(natural) * scale,
                    x_offset: position.x_offset as f32 * scale,
                    cluster: info.cluster as usize,
                    safe_to_break: !info.unsafe_to_break(),
                }
            })
            .collect()
    }
}

/// `glyphs` with no cluster safe to cut before: text shaped as more than one run, or in
/// more than one script, is not cut out of (see [`cut_out`]).
fn forget_safe_breaks(glyphs: Vec<Glyph>) -> Vec<Glyph> {
    glyphs
        .into_iter()
        .map(|g| Glyph {
            safe_to_break: false,
            ..g
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rgb;
    use crate::text::TextStyle;

    fn span(text: &str) -> Span {
        Span {
            text: text.to_string(),
            style: TextStyle {
                face: FaceId::Regular,
                size: 12.0,
                color: Rgb(0, 0, 0),
            },
            link: None,
            unbreakable: true,
        }
    }

    fn faces(spans: &[Span]) -> Vec<(&str, FaceId)> {
        spans
            .iter()
            .map(|s| (s.text.as_str(), s.style.face))
            .collect()
    }

    #[test]
    fn characters_the_family_lacks_move_to_the_fallback_face() {
        let book = FontBook::bundled();
        let shaper = Shaper::new(&book);
        let spans = shaper.fall_back(&[span("Knee → hip ✓ done")]);
        assert_eq!(
            faces(&spans),
            [
                ("Knee ", FaceId::Regular),
                ("→", FaceId::Fallback),
                (" hip ", FaceId::Regular),
                ("✓", FaceId::Fallback),
                (" done", FaceId::Regular),
            ]
        );
        assert!(
            spans.iter().all(|s| s.unbreakable),
            "pieces keep the span's ways"
        );
    }

    #[test]
    fn a_letter_keeps_its_combining_marks_and_invisible_characters() {
        let book = FontBook::bundled();
        let shaper = Shaper::new(&book);
        // Atkinson has "e" but not the combining hook above, so both go together.
        let spans = shaper.fall_back(&[span("ae\u{0309}\u{200B}b")]);
        assert_eq!(
            faces(&spans),
            [
                ("a", FaceId::Regular),
                ("e\u{0309}\u{200B}", FaceId::Fallback),
                ("b", FaceId::Regular),
            ]
        );
        let covered = shaper.fall_back(&[span("zero\u{200B}width")]);
        assert_eq!(faces(&covered), [("zero\u{200B}width", FaceId::Regular)]);
    }

    #[test]
    fn what_no_face_has_is_drawn_as_the_replacement_but_keeps_its_cluster() {
        let book = FontBook::bundled();
        let shaper = Shaper::new(&book);
        let text = "a🏃b";
        let glyphs = shaper.shape(text, FaceId::Fallback, 12.0);
        let fallback = shaper.face(FaceId::Fallback);
        let replacement = fallback.glyph_index(REPLACEMENT).unwrap().0;
        assert_eq!(glyphs.len(), 3);
        assert_eq!(glyphs[1].id, replacement);
        assert_eq!(glyphs[1].cluster, 1, "the emoji's own byte offset");
        assert!(glyphs[1].advance > 0.0, "the replacement is visible");
    }
}
