//! Breaking styled text into lines that fit a column: Unicode break opportunities,
//! first fit, hyphenation of long words (by their language's patterns) when a line would
//! otherwise end short, and words wider than the column cut to fit.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use hyphenation::Hyphenator;
use smol_str::SmolStr;
use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::bidi::{self, Direction};
use super::fit::{last_fitting, Reach};
pub use super::hyphenate::Patterns;
use super::shape::{Glyph, Measure};
use super::span::{Span, TextStyle};

/// A glyph placed on a line, with the text it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    pub id: u16,
    pub advance: f32,
    pub natural_advance: f32,
    /// How far right of the pen the glyph is drawn.
    pub x_offset: f32,
    /// The characters this glyph shows, for copy and paste; empty for the
    /// second and later glyphs of one cluster.
    pub text: SmolStr,
}

/// Consecutive glyphs of one line in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// Distance from the line's start.
    pub x: f32,
    pub width: f32,
    pub style: TextStyle,
    pub link: Option<String>,
    /// Shared by every copy of the line: a roster's documents set the same lines.
    pub glyphs: Arc<[PlacedGlyph]>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub fragments: Vec<Fragment>,
    pub width: f32,
}

impl Line {
    /// The largest font size on the line.
    pub fn size(&self) -> f32 {
        self.fragments
            .iter()
            .map(|f| f.style.size)
            .fold(0.0, f32::max)
    }

    pub fn text(&self) -> String {
        self.fragments
            .iter()
            .flat_map(|f| f.glyphs.iter().map(|g| g.text.as_str()))
            .collect()
    }
}

/// A line shorter than this share of the column is worth hyphenating the next word for.
const HYPHENATE_BELOW_FILL: f32 = 0.85;
/// Words shorter than this are never hyphenated.
const MIN_HYPHENATED_CHARS: usize = 7;
const EPSILON: f32 = 0.01;

/// Breaks `spans` into lines no wider than `width`.
pub fn break_lines(
    spans: &[Span],
    width: f32,
    measure: &dyn Measure,
    hyphenation: Option<Patterns>,
) -> Vec<Line> {
    let paragraph = Paragraph::new(spans);
    if paragraph.text.is_empty() {
        return Vec::new();
    }
    let breaker = Breaker {
        paragraph: &paragraph,
        measure,
        hyphenation,
        width,
    };
    breaker.run()
}

/// The spans joined into one string, with where each span starts.
struct Paragraph<'a> {
    text: String,
    spans: &'a [Span],
    starts: Vec<usize>,
}

impl<'a> Paragraph<'a> {
    fn new(spans: &'a [Span]) -> Self {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(spans.len());
        for span in spans {
            starts.push(text.len());
            text.push_str(&span.text);
        }
        Paragraph {
            text,
            spans,
            starts,
        }
    }

    /// Whether byte `at` falls strictly inside a span that must not break, or between
    /// two such spans (one name set partly in the fallback face holds together too).
    fn inside_unbreakable(&self, at: usize) -> bool {
        // Only the last span starting before `at` can hold it.
        let Some(i) = self
            .starts
            .partition_point(|&start| start < at)
            .checked_sub(1)
        else {
            return false;
        };
        let span = &self.spans[i];
        let end = self.starts[i] + span.text.len();
        let next_unbreakable = self.spans.get(i + 1).is_some_and(|next| next.unbreakable);
        span.unbreakable && (at < end || (at == end && next_unbreakable))
    }

    /// The spans overlapping `range`, each with the part of `range` it covers.
    fn pieces(&self, range: Range<usize>) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        let first = self
            .starts
            .partition_point(|&start| start <= range.start)
            .saturating_sub(1);
        (first..self.spans.len())
            .take_while(move |&i| self.starts[i] < range.end)
            .filter_map(move |i| {
                let start = self.starts[i];
                let end = start + self.spans[i].text.len();
                let from = range.start.max(start);
                let to = range.end.min(end);
                (from < to).then_some((i, from..to))
            })
    }
}

/// Shaped text of one span, part of a word.
#[derive(Debug, Clone)]
struct Piece {
    span: usize,
    text: String,
    glyphs: Vec<Glyph>,
}

impl Piece {
    fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// Width of the whitespace glyphs at the end.
    fn trailing_space(&self) -> f32 {
        self.glyphs
            .iter()
            .rev()
            .take_while(|g| self.char_at(g.cluster).is_some_and(char::is_whitespace))
            .map(|g| g.advance)
            .sum()
    }

    fn char_at(&self, index: usize) -> Option<char> {
        self.text.get(index..).and_then(|s| s.chars().next())
    }

    /// The whitespace glyphs at the end as a piece of their own, if there are any and
    /// something else is left.
    fn split_off_trailing_space(&mut self) -> Option<Piece> {
        let spaces = self
            .glyphs
            .iter()
            .rev()
            .take_while(|g| self.char_at(g.cluster).is_some_and(char::is_whitespace))
            .count();
        let keep = self.glyphs.len() - spaces;
        if spaces == 0 || keep == 0 {
            return None;
        }
        let cut = self.glyphs[keep].cluster;
        if self.glyphs[..keep].iter().any(|g| g.cluster >= cut) {
            return None;
        }
        let glyphs = self
            .glyphs
            .split_off(keep)
            .into_iter()
            .map(|g| Glyph {
                cluster: g.cluster - cut,
                ..g
            })
            .collect();
        let text = self.text.split_off(cut);
        Some(Piece {
            span: self.span,
            text,
            glyphs,
        })
    }

    /// Drops the whitespace glyphs at the end, and their text.
    fn trim_trailing_space(&mut self) {
        while let Some(last) = self.glyphs.last() {
            if !self.char_at(last.cluster).is_some_and(char::is_whitespace) {
                break;
            }
            let cluster = last.cluster;
            self.glyphs.pop();
            if self.glyphs.iter().all(|g| g.cluster < cluster) {
                self.text.truncate(cluster);
            }
        }
    }
}

/// The text between two break opportunities, shaped.
#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    pieces: Vec<Piece>,
    mandatory_break_after: bool,
}

impl Word {
    fn width(&self) -> f32 {
        self.pieces.iter().map(Piece::width).sum()
    }

    /// The width the word takes at the end of a line, where its trailing space hangs.
    fn visible_width(&self) -> f32 {
        self.width() - self.pieces.last().map_or(0.0, Piece::trailing_space)
    }

    /// The word's glyph widths by where in the paragraph their clusters start.
    fn reach(&self) -> Reach {
        let mut start = self.range.start;
        let mut glyphs = Vec::new();
        for piece in &self.pieces {
            glyphs.extend(piece.glyphs.iter().map(|g| (start + g.cluster, g.advance)));
            start += piece.text.len();
        }
        Reach::new(glyphs)
    }
}

/// Where a web or email address may be cut across lines, as byte offsets into it: after a
/// slash or an @, and before a dot, hyphen, underscore, ?, #, & or =, so that a line never
/// ends in what reads as a hyphen or a full stop, and the next starts with what shows the
/// address goes on (the Chicago Manual of Style's rule for URLs). Never inside `//`, and
/// never where a line would hold punctuation alone (a sentence's full stop after a link).
fn address_cuts(address: &str) -> Vec<usize> {
    let has_word = |part: &str| part.chars().any(char::is_alphanumeric);
    let mut cuts: Vec<usize> = address
        .char_indices()
        .filter_map(|(i, c)| match c {
            '/' | '@' => {
                let end = i + c.len_utf8();
                (!address[end..].starts_with('/')).then_some(end)
            }
            '.' | '-' | '_' | '?' | '#' | '&' | '=' => Some(i),
            _ => None,
        })
        .filter(|&at| has_word(&address[..at]) && has_word(&address[at..]))
        .collect();
    cuts.dedup();
    cuts
}

struct Breaker<'a> {
    paragraph: &'a Paragraph<'a>,
    measure: &'a dyn Measure,
    hyphenation: Option<Patterns>,
    width: f32,
}

impl Breaker<'_> {
    fn run(&self) -> Vec<Line> {
        let mut words: VecDeque<Word> = self.words().collect();
        let mut lines = Vec::new();
        let mut line: Vec<Piece> = Vec::new();
        let mut line_width = 0.0;

        while let Some(mut word) = words.pop_front() {
            let fits = line_width + word.visible_width() <= self.width + EPSILON;
            if !fits && line.is_empty() {
                // Wider than the column on its own: cut it where it must be cut.
                let (heads, rest) = self.cut_to_fit(&word);
                lines.extend(heads.into_iter().map(|head| self.finish(head.pieces)));
                word = rest;
            } else if !fits {
                if line_width < self.width * HYPHENATE_BELOW_FILL {
                    if let Some((head, tail)) = self.hyphenate(&word, self.width - line_width) {
                        line.extend(head);
                        lines.push(self.finish(std::mem::take(&mut line)));
                        line_width = 0.0;
                        words.push_front(tail);
                        continue;
                    }
                }
                lines.push(self.finish(std::mem::take(&mut line)));
                line_width = 0.0;
                words.push_front(word);
                continue;
            }
            line_width += word.width();
            let mandatory = word.mandatory_break_after;
            line.extend(word.pieces);
            if mandatory && !words.is_empty() {
                lines.push(self.finish(std::mem::take(&mut line)));
                line_width = 0.0;
            }
        }
        if !line.is_empty() {
            lines.push(self.finish(line));
        }
        lines
    }

    fn words(&self) -> impl Iterator<Item = Word> + '_ {
        let mut start = 0;
        let breakable = |at: usize| !self.paragraph.inside_unbreakable(at);
        linebreaks(&self.paragraph.text)
            .filter(move |&(at, _)| breakable(at))
            .filter_map(move |(end, opportunity)| {
                let range = start..end;
                start = end;
                (!range.is_empty()).then(|| {
                    let mut word = self.shape(range);
                    word.mandatory_break_after = opportunity == BreakOpportunity::Mandatory;
                    word
                })
            })
    }

    fn shape(&self, range: Range<usize>) -> Word {
        let pieces = self
            .paragraph
            .pieces(range.clone())
            .map(|(span, part)| {
                let style = self.paragraph.spans[span].style;
                let text = self.paragraph.text[part].to_string();
                let glyphs = self.measure.shape(&text, style.face, style.size);
                Piece { span, text, glyphs }
            })
            .collect();
        Word {
            range,
            pieces,
            mandatory_break_after: false,
        }
    }

    /// The part `range` of `word`, shaped: cut out of the word's glyphs where that gives
    /// the same.
    fn shape_within(&self, word: &Word, range: Range<usize>) -> Word {
        let pieces = self
            .paragraph
            .pieces(range.clone())
            .map(|(span, part)| {
                // The word's piece in this span; the word's pieces go span by span.
                let piece = &word.pieces[word.pieces.partition_point(|p| p.span < span)];
                let piece_start = self.paragraph.starts[span].max(word.range.start);
                let style = self.paragraph.spans[span].style;
                let glyphs = self.measure.shape_part(
                    &piece.text,
                    &piece.glyphs,
                    part.start - piece_start..part.end - piece_start,
                    style.face,
                    style.size,
                );
                let text = self.paragraph.text[part].to_string();
                Piece { span, text, glyphs }
            })
            .collect();
        Word {
            range,
            pieces,
            mandatory_break_after: false,
        }
    }

    /// `word`, wider than the column, cut into heads that each fill a line (the longest
    /// that fits, or one character when none does) and the rest, which starts the next
    /// line: it fits there, or it is one character. A web or email address is cut where
    /// its parts meet (see [`address_cuts`]) wherever one of those fits.
    fn cut_to_fit(&self, word: &Word) -> (Vec<Word>, Word) {
        let reach = word.reach();
        // The space at the end hangs: it is not cut off, nor measured.
        let visible = self.paragraph.text[word.range.clone()].trim_end();
        let visible_end = word.range.start + visible.len();
        let at = |i: usize| word.range.start + i;
        // Where a line may end: after any character, the last taking the space with it.
        let anywhere: Vec<usize> = visible
            .char_indices()
            .skip(1)
            .map(|(i, _)| at(i))
            .chain([word.range.end])
            .collect();
        let preferred: Vec<usize> = if self.is_address(word) {
            address_cuts(visible)
                .into_iter()
                .map(at)
                .chain([word.range.end])
                .collect()
        } else {
            Vec::new()
        };
        let fits = |head: &Word| head.visible_width() <= self.width + EPSILON;
        // The longest head from `start` ending at one of `ends` that fits, if any does.
        let longest = |start: usize, ends: &[usize]| -> Option<(usize, Word)> {
            let guess = ends
                .partition_point(|&end| reach.width(start, end.min(visible_end)) <= self.width)
                .saturating_sub(1);
            let mut longest = None;
            let found = last_fitting(ends.len(), guess, |i| {
                let head = self.shape_within(word, start..ends[i]);
                let fits = fits(&head);
                if fits {
                    longest = Some(head);
                }
                fits
            });
            Some((ends[found?], longest?))
        };
        let mut heads = Vec::new();
        let mut start = word.range.start;
        loop {
            let after = |ends: &[usize]| {
                ends.iter()
                    .copied()
                    .filter(|&e| e > start)
                    .collect::<Vec<_>>()
            };
            let (end, head) = longest(start, &after(&preferred))
                .or_else(|| longest(start, &after(&anywhere)))
                .unwrap_or_else(|| {
                    let end = after(&anywhere)[0];
                    (end, self.shape_within(word, start..end))
                });
            if end == word.range.end {
                let rest = Word {
                    mandatory_break_after: word.mandatory_break_after,
                    ..head
                };
                return (heads, rest);
            }
            heads.push(head);
            start = end;
        }
    }

    /// Whether `word` is a web or email address: set in a link, or holding a slash or an
    /// @. (A hyphenated name is cut as any word is.)
    fn is_address(&self, word: &Word) -> bool {
        word.pieces.iter().any(|piece| {
            let span = &self.paragraph.spans[piece.span];
            span.link.is_some() || piece.text.contains(['/', '@'])
        })
    }

    /// Splits `word` at a hyphenation point so the head and a hyphen fit in `room`.
    fn hyphenate(&self, word: &Word, room: f32) -> Option<(Vec<Piece>, Word)> {
        let hyphenation = self.hyphenation?;
        let start = word.range.start;
        let text = &self.paragraph.text[word.range.clone()];
        let core = text.trim_end_matches(|c: char| !c.is_alphabetic());
        if core.chars().count() < MIN_HYPHENATED_CHARS || !core.chars().all(char::is_alphabetic) {
            return None;
        }
        // Names of people and places are left whole; in German a capital starts every noun.
        if core.starts_with(char::is_uppercase) && !hyphenation.language().capitalises_nouns() {
            return None;
        }
        let lowered = core.to_lowercase();
        if lowered.len() != core.len() {
            return None;
        }
        let breaks = hyphenation.get()?.hyphenate(&lowered).breaks;
        let reach = word.reach();
        let guess = breaks
            .partition_point(|&at| reach.width(start, start + at) <= room)
            .saturating_sub(1);
        let mut longest = None;
        let last = last_fitting(breaks.len(), guess, |i| {
            let head = self.shape_within(word, start..start + breaks[i]);
            // A hyphen in the style of the head's last character.
            let Some(span) = head.pieces.last().map(|p| p.span) else {
                return false;
            };
            let style = self.paragraph.spans[span].style;
            let glyphs = self.measure.shape("-", style.face, style.size);
            let hyphen = Piece {
                span,
                text: "-".to_string(),
                glyphs,
            };
            let fits = head.width() + hyphen.width() <= room + EPSILON;
            if fits {
                longest = Some((head, hyphen));
            }
            fits
        })?;
        let at = breaks[last];
        let (head, hyphen) = longest?;
        let mut pieces = head.pieces;
        pieces.push(hyphen);
        let mut tail = self.shape_within(word, start + at..word.range.end);
        tail.mandatory_break_after = word.mandatory_break_after;
        Some((pieces, tail))
    }

    /// Joins a line's pieces into fragments of one style each.
    fn finish(&self, mut pieces: Vec<Piece>) -> Line {
        let ends_at_space = pieces
            .last()
            .is_some_and(|p| p.text.ends_with(char::is_whitespace));
        while let Some(last) = pieces.last_mut() {
            last.trim_trailing_space();
            if last.glyphs.is_empty() {
                pieces.pop();
            } else {
                break;
            }
        }
        let direction = |piece: &Piece| bidi::strong_direction(&piece.text);
        if pieces
            .iter()
            .any(|p| direction(p) == Some(Direction::RightToLeft))
        {
            // The spaces between right-to-left words turn with them; so they must stand alone.
            pieces = pieces
                .into_iter()
                .flat_map(|mut piece| {
                    let space = piece.split_off_trailing_space();
                    std::iter::once(piece).chain(space)
                })
                .collect();
            bidi::reorder(&mut pieces, direction);
        }
        // Pieces in one style and link join into one fragment: (span, x, width, glyphs).
        let mut joined: Vec<(usize, f32, f32, Vec<PlacedGlyph>)> = Vec::new();
        let mut line_width = 0.0;
        for piece in pieces {
            let span = &self.paragraph.spans[piece.span];
            let glyphs = placed_glyphs(&piece);
            let width: f32 = glyphs.iter().map(|g| g.advance).sum();
            match joined.last_mut() {
                Some((last, _, last_width, last_glyphs))
                    if self.paragraph.spans[*last].style == span.style
                        && self.paragraph.spans[*last].link == span.link =>
                {
                    last_glyphs.extend(glyphs);
                    *last_width += width;
                }
                _ => joined.push((piece.span, line_width, width, glyphs)),
            }
            line_width += width;
        }
        // The space where a line breaks is not drawn, nor measured, but it stays in the
        // text after the line's last glyph: without it, a screen reader or a copy runs the
        // words either side of the break into one ("thepain").
        if let Some((span, _, _, glyphs)) = joined.last_mut().filter(|_| ends_at_space) {
            let style = self.paragraph.spans[*span].style;
            let space = Piece {
                span: *span,
                text: " ".to_string(),
                glyphs: self.measure.shape(" ", style.face, style.size),
            };
            glyphs.extend(placed_glyphs(&space));
        }
        let fragments = joined
            .into_iter()
            .map(|(span, x, width, glyphs)| {
                let span = &self.paragraph.spans[span];
                Fragment {
                    x,
                    width,
                    style: span.style,
                    link: span.link.clone(),
                    glyphs: glyphs.into(),
                }
            })
            .collect();
        Line {
            fragments,
            width: line_width,
        }
    }
}

/// Gives each glyph the text of its cluster (the first glyph of a cluster carries it).
fn placed_glyphs(piece: &Piece) -> Vec<PlacedGlyph> {
    let place = |glyph: &Glyph, text: &str| PlacedGlyph {
        id: glyph.id,
        advance: glyph.advance,
        natural_advance: glyph.natural_advance,
        x_offset: glyph.x_offset,
        text: SmolStr::new(text),
    };
    let clusters = || piece.glyphs.iter().map(|g| g.cluster);
    // Usually each glyph starts a cluster of its own, in order: its text runs to the next.
    if clusters().zip(clusters().skip(1)).all(|(a, b)| a < b) {
        let ends = clusters().skip(1).chain([piece.text.len()]);
        return piece
            .glyphs
            .iter()
            .zip(ends)
            .map(|(glyph, end)| place(glyph, piece.text.get(glyph.cluster..end).unwrap_or("")))
            .collect();
    }
    let mut starts: Vec<usize> = clusters().collect();
    starts.sort_unstable();
    starts.dedup();
    // Whether each cluster's text went to a glyph already: to the first one seen.
    let mut given = vec![false; starts.len()];
    piece
        .glyphs
        .iter()
        .map(|glyph| {
            let i = starts.partition_point(|&start| start < glyph.cluster);
            if std::mem::replace(&mut given[i], true) {
                return place(glyph, "");
            }
            let next = starts.get(i + 1).copied().unwrap_or(piece.text.len());
            place(glyph, piece.text.get(glyph.cluster..next).unwrap_or(""))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rgb;
    use crate::text::FaceId;

    /// English hyphenation.
    fn english() -> Option<Patterns> {
        Patterns::for_language("en")
    }

    /// Every character is one glyph, 1 pt wide per point of size.
    struct Monospace;

    impl Measure for Monospace {
        fn shape(&self, text: &str, _face: FaceId, size: f32) -> Vec<Glyph> {
            monospaced(text, size, true)
        }
    }

    fn monospaced(text: &str, size: f32, safe_to_break: bool) -> Vec<Glyph> {
        text.char_indices()
            .map(|(cluster, c)| Glyph {
                id: c as u16,
                advance: size,
                natural_advance: size,
                x_offset: 0.0,
                cluster,
                safe_to_break,
            })
            .collect()
    }

    /// Monospace that counts the bytes it shapes, and can forbid cutting shaped text (as
    /// kerning or joining letters do), so that every piece must be shaped anew.
    struct Counting {
        safe_to_break: bool,
        shaped: std::cell::Cell<usize>,
    }

    impl Measure for Counting {
        fn shape(&self, text: &str, _face: FaceId, size: f32) -> Vec<Glyph> {
            self.shaped.set(self.shaped.get() + text.len());
            monospaced(text, size, self.safe_to_break)
        }
    }

    fn style(face: FaceId) -> TextStyle {
        TextStyle {
            face,
            size: 1.0,
            color: Rgb(0, 0, 0),
        }
    }

    fn plain(text: &str) -> Vec<Span> {
        vec![Span {
            text: text.to_string(),
            style: style(FaceId::Regular),
            link: None,
            unbreakable: false,
        }]
    }

    /// The lines as they show: without the space that hangs at a break.
    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.text().trim_end().to_string())
            .collect()
    }

    #[test]
    fn fills_lines_first_fit_and_hangs_the_space_at_each_break() {
        let lines = break_lines(&plain("one two three four five"), 9.0, &Monospace, None);
        let text: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(text, ["one two ", "three ", "four five"]);
        assert_eq!(lines[0].width, 7.0);
        let fragment = &lines[0].fragments[0];
        assert_eq!(fragment.width, 7.0, "the space is not measured");
    }

    #[test]
    fn a_cut_address_hangs_no_space() {
        let lines = break_lines(&plain("https://example.org/a/b"), 8.0, &Monospace, None);
        assert!(lines.iter().all(|l| !l.text().ends_with(' ')), "{lines:?}");
    }

    #[test]
    fn a_word_exactly_as_wide_as_the_column_fits() {
        let lines = break_lines(&plain("abcd efgh"), 4.0, &Monospace, None);
        assert_eq!(texts(&lines), ["abcd", "efgh"]);
    }

    #[test]
    fn cuts_a_word_wider_than_the_column() {
        let lines = break_lines(&plain("https://example.org/a/b"), 8.0, &Monospace, None);
        assert!(lines.iter().all(|l| l.width <= 8.0), "{lines:?}");
        assert_eq!(texts(&lines).concat(), "https://example.org/a/b");
    }

    #[test]
    fn no_line_is_wider_than_the_column() {
        let text = "Supercalifragilistic words and a verylongwordwithoutanybreaks here";
        for width in [3.0, 5.0, 8.0, 13.0, 21.0] {
            for line in break_lines(&plain(text), width, &Monospace, None) {
                assert!(line.width <= width + EPSILON, "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn keeps_styles_apart_and_positions_fragments() {
        let spans = vec![
            Span {
                text: "Rest ".into(),
                style: style(FaceId::Regular),
                link: None,
                unbreakable: false,
            },
            Span {
                text: "well".into(),
                style: style(FaceId::Bold),
                link: None,
                unbreakable: false,
            },
            Span {
                text: " now".into(),
                style: style(FaceId::Regular),
                link: None,
                unbreakable: false,
            },
        ];
        let lines = break_lines(&spans, 40.0, &Monospace, None);
        assert_eq!(lines.len(), 1);
        let fragments = &lines[0].fragments;
        assert_eq!(fragments.len(), 3);
        assert_eq!(fragments[1].style.face, FaceId::Bold);
        assert_eq!(fragments[1].x, 5.0);
        assert_eq!(fragments[2].x, 9.0);
    }

    #[test]
    fn hyphenates_a_long_word_when_the_line_would_end_short() {
        let lines = break_lines(&plain("It is an inflammation"), 16.0, &Monospace, english());
        assert_eq!(lines.len(), 2, "{:?}", texts(&lines));
        assert!(texts(&lines)[0].ends_with('-'), "{:?}", texts(&lines));
        let joined = texts(&lines).concat().replace('-', "");
        assert_eq!(joined, "It is an inflammation");
    }

    #[test]
    fn never_hyphenates_words_with_digits_or_hyphens() {
        let lines = break_lines(
            &plain("Try the knee-to-chest stretch"),
            12.0,
            &Monospace,
            english(),
        );
        assert_eq!(texts(&lines), ["Try the", "knee-to-", "chest", "stretch"]);
    }

    #[test]
    fn names_are_never_hyphenated() {
        let lines = break_lines(&plain("It is an Inflammation"), 16.0, &Monospace, english());
        assert_eq!(texts(&lines), ["It is an", "Inflammation"]);
        let lines = break_lines(&plain("It is an inflammation"), 16.0, &Monospace, english());
        assert!(texts(&lines)[0].ends_with('-'), "{:?}", texts(&lines));
    }

    #[test]
    fn german_nouns_are_hyphenated_for_all_their_capitals() {
        let german = Patterns::for_language("de");
        let lines = break_lines(
            &plain("Es ist die Oberschenkelmuskulatur"),
            20.0,
            &Monospace,
            german,
        );
        assert_eq!(texts(&lines), ["Es ist die Ober-", "schenkelmuskulatur"]);
    }

    #[test]
    fn an_unbreakable_span_moves_whole_unless_it_is_wider_than_a_line() {
        let mut spans = plain("Call ");
        spans.push(Span {
            text: "020 7946 0321".into(),
            style: style(FaceId::Regular),
            link: None,
            unbreakable: true,
        });
        let lines = break_lines(&spans, 16.0, &Monospace, None);
        assert_eq!(texts(&lines), ["Call", "020 7946 0321"]);
        let lines = break_lines(&spans, 8.0, &Monospace, None);
        assert!(lines.iter().all(|l| l.width <= 8.0), "{:?}", texts(&lines));
        assert_eq!(texts(&lines).concat().replace(' ', ""), "Call02079460321");
    }

    #[test]
    fn an_address_wider_than_a_line_is_cut_where_its_parts_meet() {
        let address = Span {
            text: "https://www.northside-rehab.example/patients/knee".into(),
            style: style(FaceId::Regular),
            link: Some("https://www.northside-rehab.example/patients/knee".into()),
            unbreakable: true,
        };
        let lines = break_lines(&[address], 20.0, &Monospace, None);
        assert_eq!(
            texts(&lines),
            [
                "https://www",
                ".northside-rehab",
                ".example/patients/",
                "knee"
            ]
        );
        let email = Span {
            text: "reception@northside-rehab.example".into(),
            style: style(FaceId::Regular),
            link: None,
            unbreakable: true,
        };
        let lines = break_lines(&[email], 12.0, &Monospace, None);
        assert_eq!(
            texts(&lines),
            ["reception@", "northside", "-rehab", ".example"]
        );
        // A full stop after an address never goes to a line alone, nor a leading slash.
        assert_eq!(address_cuts("https://ab.example/knee."), [8, 10, 19]);
        assert_eq!(address_cuts("/path/to/x"), [6, 9]);
        assert_eq!(address_cuts("x/.y/.z"), [2, 5]);
    }

    #[test]
    fn glyphs_carry_their_text_so_lines_extract_back() {
        let lines = break_lines(&plain("Aoife O’Brien – 3 × 10"), 100.0, &Monospace, None);
        assert_eq!(lines[0].text(), "Aoife O’Brien – 3 × 10");
    }

    #[test]
    fn a_long_word_is_cut_into_pieces_that_each_fill_the_line() {
        let text = "Go abcdefghijklmnopqrstuvwxyzab now";
        let lines = break_lines(&plain(text), 8.0, &Monospace, None);
        assert_eq!(
            texts(&lines),
            ["Go", "abcdefgh", "ijklmnop", "qrstuvwx", "yzab now"]
        );
        let lines = break_lines(&plain("abcdefghijklmnop now"), 8.0, &Monospace, None);
        assert_eq!(
            texts(&lines),
            ["abcdefgh", "ijklmnop", "now"],
            "the space hangs"
        );
    }

    #[test]
    fn a_column_narrower_than_a_character_takes_one_a_line() {
        let lines = break_lines(&plain("abc de"), 0.5, &Monospace, None);
        assert_eq!(texts(&lines), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn a_long_word_is_shaped_in_time_proportional_to_its_length() {
        let word: String = ('a'..='z').cycle().take(20_000).collect();
        for safe_to_break in [true, false] {
            for text in [word.clone(), format!("Take the {word} now")] {
                let measure = Counting {
                    safe_to_break,
                    shaped: Default::default(),
                };
                let lines = break_lines(&plain(&text), 30.0, &measure, english());
                assert!(lines.iter().all(|l| l.width <= 30.0));
                let copied = texts(&lines).concat().replace(['-', ' '], "");
                assert!(copied == text.replace(' ', ""), "the text copies back");
                // Once for the word; where pieces cannot be cut out of that, the rest after
                // a hyphen once more, and for each line the longest head that fits and
                // one character more, which does not.
                let most = if safe_to_break { 1.1 } else { 4.5 };
                let shaped = measure.shaped.get() as f32 / text.len() as f32;
                assert!(shaped < most, "{shaped} times the text, {safe_to_break}");
            }
        }
    }
}
