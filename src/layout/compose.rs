//! Setting text: styled spans → broken lines → frames, and boxes around frames.

use std::sync::Arc;

use super::frame::{Frame, Shape};
use super::paginate::Block;
use super::structure::{Artifact, ElementId, Mark, Role, Structure};
use super::theme::Theme;
use crate::diag::Diagnostics;
use crate::geom::{Point, Size};
use crate::locale::Words;
use crate::model::{Paragraph, Rgb, RichText};
use crate::text::hyphenate::Patterns;
use crate::text::{FaceId, Line, Span, TextStyle, Typesetter};

/// How far a [`Composer`]'s structure and warnings had grown at some moment.
#[derive(Debug, Clone, Copy)]
pub struct Checkpoint {
    elements: usize,
    warnings: usize,
}

/// What every part of layout needs: the theme, the fonts, the structure being built and
/// somewhere to put warnings.
pub struct Composer<'a, 's> {
    pub theme: &'a Theme,
    /// Every fixed word, in the handout's language.
    pub words: Words,
    typesetter: &'a Typesetter<'s>,
    hyphenation: Option<Patterns>,
    ascent: f32,
    descent: f32,
    pub structure: Structure,
    /// What the items made now are: the innermost element open, or an artifact.
    open: Vec<Mark>,
    pub warnings: Diagnostics,
}

impl<'a, 's> Composer<'a, 's> {
    pub fn new(theme: &'a Theme, typesetter: &'a Typesetter<'s>, words: Words) -> Composer<'a, 's> {
        // Words are hyphenated by their language's patterns, where the theme allows.
        let hyphenation = theme.hyphenate.then(|| Patterns::of(words.language()));
        let regular = typesetter.shaper.fonts().font(FaceId::Regular);
        Composer {
            theme,
            words,
            typesetter,
            hyphenation,
            ascent: regular.ascender,
            descent: regular.descender,
            structure: Structure::default(),
            open: vec![Mark::Content(ElementId::DOCUMENT)],
            warnings: Diagnostics::default(),
        }
    }

    /// What the items made now are.
    pub fn mark(&self) -> Mark {
        *self.open.last().expect("the document is always open")
    }

    /// Runs `compose` inside a new element of `role`, a child of the element open now; the
    /// items it makes are that element's content.
    pub fn element<R>(&mut self, role: Role, compose: impl FnOnce(&mut Self) -> R) -> R {
        let id = self.add(role);
        self.open.push(Mark::Content(id));
        let made = compose(self);
        self.open.pop();
        made
    }

    /// Runs `compose` with the items it makes marked as an artifact of `kind`.
    pub fn artifact<R>(&mut self, kind: Artifact, compose: impl FnOnce(&mut Self) -> R) -> R {
        self.open.push(Mark::Artifact(kind));
        let made = compose(self);
        self.open.pop();
        made
    }

    /// Makes `count` versions of one part of the handout (a card with its pictures in
    /// different places and sizes), of which one is drawn. Each is made with the same
    /// elements, so whichever is drawn, the structure holds it; the warnings are one
    /// version's. A version whose elements come out different from the last one's is
    /// left out (`None`): it could not be drawn without a reader missing part of it.
    pub fn versions<T>(
        &mut self,
        count: usize,
        mut make: impl FnMut(&mut Self, usize) -> T,
    ) -> Vec<Option<T>> {
        let start = self.checkpoint();
        let mut made = Vec::with_capacity(count);
        let mut shapes = Vec::with_capacity(count);
        for index in 0..count {
            self.rewind(start);
            made.push(make(self, index));
            shapes.push(self.structure.since(start.elements).to_vec());
        }
        let last = shapes.last().cloned().unwrap_or_default();
        made.into_iter()
            .zip(shapes)
            .map(|(version, shape)| (shape == last).then_some(version))
            .collect()
    }

    /// How far the structure and the warnings have grown, to [`Composer::rewind`] to.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            elements: self.structure.len(),
            warnings: self.warnings.0.len(),
        }
    }

    /// Drops the elements and warnings made since `checkpoint`: a layout tried and not
    /// drawn leaves neither.
    pub fn rewind(&mut self, checkpoint: Checkpoint) {
        self.structure.truncate(checkpoint.elements);
        self.warnings.0.truncate(checkpoint.warnings);
    }

    /// A new element of `role` in the element open now, for items made outside it (a
    /// picture, a link).
    pub fn add(&mut self, role: Role) -> ElementId {
        let parent = self
            .open
            .iter()
            .rev()
            .find_map(|mark| match mark {
                Mark::Content(id) => Some(*id),
                Mark::Artifact(_) => None,
            })
            .unwrap_or(ElementId::DOCUMENT);
        self.structure.add(parent, role)
    }

    pub fn style(&self, face: FaceId, size: f32, color: Rgb) -> TextStyle {
        TextStyle { face, size, color }
    }

    pub fn body(&self) -> TextStyle {
        self.style(
            FaceId::Regular,
            self.theme.body_size,
            self.theme.colors.text,
        )
    }

    /// Spans of a paragraph in `base` style: Markdown bold and italic pick the face,
    /// links take the heading colour.
    pub fn spans(&self, paragraph: &Paragraph, base: TextStyle) -> Vec<Span> {
        paragraph
            .runs
            .iter()
            .map(|run| {
                let bold = base.face.is_bold() || run.bold;
                let italic = matches!(base.face, FaceId::Italic | FaceId::BoldItalic) || run.italic;
                let color = if run.link.is_some() {
                    self.theme.colors.heading
                } else {
                    base.color
                };
                Span {
                    text: run.text.clone(),
                    style: TextStyle {
                        face: FaceId::new(bold, italic),
                        color,
                        ..base
                    },
                    link: run.link.clone(),
                    unbreakable: false,
                }
            })
            .collect()
    }

    pub fn plain(&self, text: &str, style: TextStyle) -> Vec<Span> {
        vec![Span {
            text: text.to_string(),
            style,
            link: None,
            unbreakable: false,
        }]
    }

    /// Like [`Composer::plain`], but never broken across lines unless it must be.
    pub fn unbroken(&self, text: &str, style: TextStyle) -> Vec<Span> {
        let mut spans = self.plain(text, style);
        spans[0].unbreakable = true;
        spans
    }

    /// Breaks running text into lines of at most `width`, hyphenating long words
    /// where a line would otherwise end short.
    pub fn lines(&mut self, spans: &[Span], width: f32) -> Arc<[Line]> {
        self.break_spans(spans, width, true)
    }

    /// Breaks headings, names, labels and captions into lines, between words only.
    pub fn whole_word_lines(&mut self, spans: &[Span], width: f32) -> Arc<[Line]> {
        self.break_spans(spans, width, false)
    }

    /// Breaks a title, subtitle or short paragraph into whole-word lines of even length:
    /// as many lines as at `width`, set in the narrowest column that keeps that many, so
    /// that the last line is not one word left alone ("How to fix inner knee pain from /
    /// running") unless the words are too few to share.
    pub fn balanced_lines(&mut self, spans: &[Span], width: f32) -> Arc<[Line]> {
        let lines = self.whole_word_lines(spans, width);
        if lines.len() < 2 {
            return lines;
        }
        // A search to the nearest point: a title is a few words, each try a cached break.
        let (mut narrow, mut wide) = (0.0, width);
        while wide - narrow > 1.0 {
            let middle = (narrow + wide) / 2.0;
            if self.whole_word_lines(spans, middle).len() == lines.len() {
                wide = middle;
            } else {
                narrow = middle;
            }
        }
        self.whole_word_lines(spans, wide)
    }

    fn break_spans(&mut self, spans: &[Span], width: f32, hyphenate: bool) -> Arc<[Line]> {
        let hyphenation = self.hyphenation.filter(|_| hyphenate);
        self.typesetter.lines(spans, width, hyphenation)
    }

    /// Items one after another with `separator` between them, broken into lines of
    /// `width` only between items. Where the line breaks, the separator ends the line,
    /// tied to the item before it, so that the reader sees the list go on ("between
    /// sets ·" / "each side"), and no line starts with one. An item wider than a line
    /// is broken between its words.
    pub fn separated_lines(
        &mut self,
        items: &[Vec<Span>],
        separator: &[Span],
        width: f32,
    ) -> Vec<Line> {
        // Items measured apart can come out a hair wider together (kerning across them).
        const SLACK: f32 = 0.5;
        let end_mark = line_end_mark(separator);
        let end_mark_width = self.natural_width(&end_mark);
        let mut rows: Vec<(Vec<Span>, f32)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let item_width = self.natural_width(item);
            // The separator is measured with the item after it: alone, its last space
            // would hang at the end of the line and count for nothing.
            let joined = [separator, item.as_slice()].concat();
            let joined_width = self.natural_width(&joined);
            // Room for the mark after this item, should the next one need a new line.
            let mark_room = if i + 1 < items.len() {
                end_mark_width
            } else {
                0.0
            };
            match rows.last_mut() {
                Some((row, row_width))
                    if *row_width + joined_width + mark_room <= width - SLACK =>
                {
                    row.extend(joined);
                    *row_width += joined_width;
                }
                Some((row, row_width)) => {
                    // A row that began with an item too wide for the mark after it
                    // ends without one, rather than push the item's last word over.
                    if *row_width + end_mark_width <= width - SLACK {
                        row.extend(end_mark.iter().cloned());
                    }
                    rows.push((item.clone(), item_width));
                }
                None => rows.push((item.clone(), item_width)),
            }
        }
        rows.iter()
            .flat_map(|(row, _)| self.whole_word_lines(row, width).to_vec())
            .collect()
    }

    /// The width of spans set on one line.
    pub fn natural_width(&mut self, spans: &[Span]) -> f32 {
        self.whole_word_lines(spans, f32::INFINITY)
            .iter()
            .map(|line| line.width)
            .sum()
    }

    /// An indent that holds the widest of `markers` with a gap after it, and at
    /// least `minimum`, so every item of a list starts its text at the same place.
    pub fn marker_indent<'m>(
        &mut self,
        markers: impl IntoIterator<Item = &'m [Span]>,
        minimum: f32,
    ) -> f32 {
        let gap = self.theme.body_size * 0.5;
        markers
            .into_iter()
            .map(|marker| self.natural_width(marker) + gap)
            .fold(minimum, f32::max)
    }

    /// The paragraphs of a text as line frames of `width`, `gap` apart, each a paragraph
    /// element.
    pub fn paragraph_lines(
        &mut self,
        text: &RichText,
        base: TextStyle,
        width: f32,
        leading: f32,
        gap: f32,
    ) -> Vec<Frame> {
        let mut frames = Vec::new();
        for (i, paragraph) in text.paragraphs.iter().enumerate() {
            if i > 0 {
                frames.push(Frame::new(gap));
            }
            let spans = self.spans(paragraph, base);
            let lines = self.lines(&spans, width);
            frames.extend(self.element(Role::P, |c| c.line_frames(&lines, leading)));
        }
        frames
    }

    /// One frame per line, each as tall as its line's leading (at least the theme's). The text is content of
    /// what is open now; a linked fragment is a link element in it (one for the
    /// fragments of one address that follow each other, across lines too).
    pub fn line_frames(&mut self, lines: &[Line], leading: f32) -> Vec<Frame> {
        let last = lines.len().saturating_sub(1);
        let mut link: Option<(&str, Mark)> = None;
        let mut frames = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            let marks: Vec<Mark> = line
                .fragments
                .iter()
                .map(|fragment| match (fragment.link.as_deref(), self.mark()) {
                    (Some(uri), Mark::Content(_)) => match link {
                        Some((open, mark)) if open == uri => mark,
                        _ => {
                            let shown: String =
                                fragment.glyphs.iter().map(|g| g.text.as_str()).collect();
                            let role = Role::Link {
                                uri: uri.to_string(),
                                description: link_description(uri, &shown),
                            };
                            let mark = Mark::Content(self.add(role));
                            link = Some((uri, mark));
                            mark
                        }
                    },
                    (_, mark) => {
                        link = None;
                        mark
                    }
                })
                .collect();
            let size = line.size();
            let height = size * leading.max(self.theme.min_leading);
            let half_leading = (height - (self.ascent - self.descent) * size) / 2.0;
            let baseline = half_leading + self.ascent * size;
            let mut frame = Frame::new(height);
            let metrics = (self.ascent, self.descent);
            frame.push_line(line, Point::new(0.0, baseline), metrics, &marks);
            frame.mid_sentence = i < last && !ends_sentence(&line.text());
            frames.push(frame);
        }
        frames
    }

    /// A heading, label or caption set as a column of `width`, all lines in one frame,
    /// content of what is open now.
    pub fn text_frame(&mut self, spans: &[Span], width: f32, leading: f32) -> Frame {
        let lines = self.whole_word_lines(spans, width);
        stack(self.line_frames(&lines, leading), 0.0)
    }

    /// A paragraph element's lines as flow blocks that may break between lines, but never
    /// leave a single line of the paragraph alone at the foot or head of a page.
    pub fn paragraph_blocks(
        &mut self,
        spans: &[Span],
        space_before: f32,
        keep_with_previous: bool,
    ) -> Vec<Block> {
        let width = self.theme.column_width();
        let lines = self.lines(spans, width);
        let leading = self.theme.leading;
        let frames = self.element(Role::P, |c| c.line_frames(&lines, leading));
        lines_to_blocks(frames, space_before, keep_with_previous)
    }

    /// An item of the list open now: `marker` (its label) hangs in the left `indent`, the
    /// text (its body) wraps beside it. The label is drawn first, so that it is read
    /// first by every reader, including those that go by the drawing order. The marker is
    /// never broken; `indent` should leave room for it (see [`Composer::marker_indent`]).
    pub fn list_item(
        &mut self,
        marker: &[Span],
        text: &[Span],
        width: f32,
        indent: f32,
    ) -> Vec<Frame> {
        self.element(Role::ListItem, |c| {
            let marker_lines = c.whole_word_lines(marker, f32::INFINITY);
            let leading = c.theme.leading;
            let label = c.element(Role::Label, |c| c.line_frames(&marker_lines, leading));
            let lines = c.lines(text, width - indent);
            let mut frames = c.element(Role::ListBody, |c| c.line_frames(&lines, leading));
            if let (Some(first), Some(label)) = (frames.first_mut(), label.into_iter().next()) {
                let body = std::mem::take(&mut first.items);
                first.push_frame(Point::new(0.0, 0.0), label);
                first.push_frame(
                    Point::new(indent, 0.0),
                    Frame {
                        items: body,
                        ..Frame::default()
                    },
                );
                for line in frames.iter_mut().skip(1) {
                    for placed in &mut line.items {
                        placed.at.x += indent;
                    }
                }
            }
            frames
        })
    }
}

/// What a link says to a reader who cannot see it: where it leads. A phone number or an
/// email address is best said as it is printed (`shown`); a web page by its address.
fn link_description(uri: &str, shown: &str) -> String {
    if uri.starts_with("tel:") || uri.starts_with("mailto:") {
        shown.trim().to_string()
    } else {
        uri.to_string()
    }
}

/// `separator` as it ends a line: tied by a no-break space to the word before it, so that
/// it never starts the next line alone. Its last space hangs at the line's end, unmeasured
/// but kept in the text, so that the words either side of the break read apart.
fn line_end_mark(separator: &[Span]) -> Vec<Span> {
    let mut mark = separator.to_vec();
    if let Some(first) = mark.first_mut() {
        if let Some(rest) = first.text.strip_prefix(' ') {
            first.text = format!("\u{a0}{rest}");
        }
    }
    mark
}

/// Whether a line ends a sentence: a full stop, question or exclamation mark,
/// perhaps followed by closing quotes or brackets.
fn ends_sentence(text: &str) -> bool {
    let end = text
        .trim_end()
        .trim_end_matches(['’', '”', '"', '\'', ')', ']']);
    end.ends_with(['.', '!', '?'])
}

/// Lines of one paragraph as blocks, with widow and orphan control, breaking
/// only between sentences.
pub fn lines_to_blocks(
    frames: Vec<Frame>,
    space_before: f32,
    keep_with_previous: bool,
) -> Vec<Block> {
    let count = frames.len();
    let mut after_mid_sentence = false;
    frames
        .into_iter()
        .enumerate()
        .map(|(i, frame)| {
            let follows_mid_sentence =
                std::mem::replace(&mut after_mid_sentence, frame.mid_sentence);
            let block = Block::new(frame, if i == 0 { space_before } else { 0.0 });
            let lone_line = i == 1 || i + 1 == count;
            if (i == 0 && keep_with_previous) || (i > 0 && (lone_line || follows_mid_sentence)) {
                block.keep_with_previous()
            } else {
                block
            }
        })
        .collect()
}

/// Frames one below the other, `gap` apart.
pub fn stack(frames: impl IntoIterator<Item = Frame>, gap: f32) -> Frame {
    let mut out = Frame::default();
    for frame in frames {
        out.append(gap, frame);
    }
    out
}

/// Where a box too tall for one page may continue on the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breaks {
    /// The first parts stay on the page the box starts on, so it never starts
    /// with a header alone.
    pub lead: usize,
    /// Parts (labels) that stay with the part after them.
    pub glued: Vec<usize>,
}

/// The last parts of a box stay together, so a box never ends with one line
/// alone on a page.
const TAIL: usize = 3;

impl Breaks {
    pub fn lead(lead: usize) -> Breaks {
        Breaks {
            lead,
            glued: Vec::new(),
        }
    }

    /// Whether the page may end before part `i` of `count`.
    fn allows_before(&self, i: usize, count: usize) -> bool {
        i >= self.lead.max(1) && i + TAIL < count + 1 && !self.glued.contains(&(i - 1))
    }
}

/// How a box around content looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxStyle {
    pub fill: Rgb,
    pub border: Option<Rgb>,
    /// A thick bar down the left side.
    pub bar: Option<Rgb>,
    pub padding: f32,
    pub radius: f32,
}

const BAR_WIDTH: f32 = 5.0;
const BORDER_WIDTH: f32 = 0.8;

impl BoxStyle {
    /// Width left for content inside a box `width` wide.
    pub fn inner_width(&self, width: f32) -> f32 {
        width - 2.0 * self.padding - self.bar.map_or(0.0, |_| BAR_WIDTH)
    }

    fn inset(&self) -> f32 {
        self.padding + self.bar.map_or(0.0, |_| BAR_WIDTH)
    }
}

/// What goes in a box: an optional full-width `header`, the `parts` one below
/// the other, and, for a box too tall for one page, the `continuation` drawn
/// where it goes on and the `breaks` where it may.
#[derive(Debug, Default)]
pub struct BoxContent {
    pub header: Option<Frame>,
    pub parts: Vec<Frame>,
    pub continuation: Option<Frame>,
    pub breaks: Breaks,
}

impl BoxContent {
    /// How tall the box around the content is when it is whole.
    pub fn height(&self, style: BoxStyle) -> f32 {
        let header = self.header.as_ref().map_or(0.0, |h| h.height);
        let body: f32 = self.parts.iter().map(|p| p.height).sum();
        header + body + 2.0 * style.padding
    }
}

/// A box of `width` around `content`.
///
/// When the whole box fits in `max_height` it is one unbreakable block. Otherwise
/// each part becomes a block of its own, boxed edge to edge, so the box continues
/// on the next page.
pub fn boxed(content: BoxContent, style: BoxStyle, width: f32, max_height: f32) -> Vec<Block> {
    let BoxContent {
        header,
        parts,
        continuation,
        breaks,
    } = content;
    let header_height = header.as_ref().map_or(0.0, |h| h.height);
    let body: f32 = parts.iter().map(|p| p.height).sum();
    let total = header_height + body + 2.0 * style.padding;
    if total <= max_height {
        let mut frame = Frame::new(total);
        draw_box(&mut frame, total, width, style);
        if let Some(header) = header {
            frame.push_frame(Point::new(0.0, 0.0), header);
        }
        let mut y = header_height + style.padding;
        for part in parts {
            let height = part.height;
            frame.push_frame(Point::new(style.inset(), y), part);
            y += height;
        }
        return vec![Block::new(frame, 0.0)];
    }
    let count = parts.len();
    let mut blocks = Vec::with_capacity(count + 1);
    let has_header = header.is_some();
    // The header repeated on the next page, with a little of the box below it.
    let continuation = continuation.map(|mut repeated| {
        let top = repeated.height;
        let gap = style.padding / 2.0;
        let mut below = Frame::new(gap);
        draw_slice(&mut below, gap, width, style, false, false);
        repeated.push_frame(Point::new(0.0, top), below);
        repeated.height = top + gap;
        repeated
    });
    if let Some(header) = header {
        let height = header.height;
        let mut frame = Frame::new(height);
        draw_slice(&mut frame, height, width, style, false, false);
        frame.push_frame(Point::new(0.0, 0.0), header);
        blocks.push(Block::new(frame, 0.0));
    }
    let mut after_mid_sentence = false;
    for (i, part) in parts.into_iter().enumerate() {
        let (first, last) = (i == 0, i + 1 == count);
        let follows_mid_sentence = std::mem::replace(&mut after_mid_sentence, part.mid_sentence);
        let top = if first { style.padding } else { 0.0 };
        let bottom = if last { style.padding } else { 0.0 };
        let height = top + part.height + bottom;
        let mut frame = Frame::new(height);
        draw_slice(&mut frame, height, width, style, first && !has_header, last);
        frame.push_frame(Point::new(style.inset(), top), part);
        let mut block = Block::new(frame, 0.0);
        if (first && has_header) || follows_mid_sentence || !breaks.allows_before(i, count) {
            block = block.keep_with_previous();
        }
        block.continuation = continuation.clone();
        blocks.push(block);
    }
    blocks
}

fn draw_box(frame: &mut Frame, height: f32, width: f32, style: BoxStyle) {
    frame.rect(
        Point::new(0.0, 0.0),
        Shape {
            size: Size::new(width, height),
            fill: Some(style.fill),
            stroke: style.border.map(|c| (c, BORDER_WIDTH)),
            radius: style.radius,
        },
    );
    if let Some(bar) = style.bar {
        frame.fill(Point::new(0.0, 0.0), Size::new(BAR_WIDTH, height), bar);
    }
}

/// The top of a box with `content` in it, to repeat where the box continues
/// on a new page.
pub fn box_top(content: Frame, style: BoxStyle, width: f32) -> Frame {
    let height = style.padding + content.height;
    let mut frame = Frame::new(height);
    draw_slice(&mut frame, height, width, style, true, false);
    frame.push_frame(Point::new(style.inset(), style.padding), content);
    frame
}

/// One horizontal slice of a box that spans several blocks: the fill, the bar, the
/// side borders, and the top or bottom border only where the box starts or ends.
fn draw_slice(
    frame: &mut Frame,
    height: f32,
    width: f32,
    style: BoxStyle,
    top: bool,
    bottom: bool,
) {
    frame.fill(Point::new(0.0, 0.0), Size::new(width, height), style.fill);
    if let Some(border) = style.border {
        let half = BORDER_WIDTH / 2.0;
        frame.fill(
            Point::new(-half, 0.0),
            Size::new(BORDER_WIDTH, height),
            border,
        );
        frame.fill(
            Point::new(width - half, 0.0),
            Size::new(BORDER_WIDTH, height),
            border,
        );
        if top {
            frame.fill(
                Point::new(-half, -half),
                Size::new(width + BORDER_WIDTH, BORDER_WIDTH),
                border,
            );
        }
        if bottom {
            frame.fill(
                Point::new(-half, height - half),
                Size::new(width + BORDER_WIDTH, BORDER_WIDTH),
                border,
            );
        }
    }
    if let Some(bar) = style.bar {
        frame.fill(Point::new(0.0, 0.0), Size::new(BAR_WIDTH, height), bar);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(mid_sentence: bool) -> Frame {
        Frame {
            height: 10.0,
            mid_sentence,
            ..Frame::default()
        }
    }

    #[test]
    fn sentences_end_at_stops_and_closing_quotes() {
        for ended in ["Rest.", "Why?", "Now!", "“Rest.”", "(see below.)", "ends. "] {
            assert!(ends_sentence(ended), "{ended}");
        }
        for open in ["Rest your knee", "for example:", "e.g", "3 × 10 reps ·"] {
            assert!(!ends_sentence(open), "{open}");
        }
    }

    #[test]
    fn a_paragraph_breaks_only_between_sentences_and_never_leaves_a_line_alone() {
        // Six lines (from 0); lines 2 and 4 end inside a sentence.
        let frames = [false, false, true, false, true, false].map(line).to_vec();
        let allowed: Vec<bool> = lines_to_blocks(frames, 0.0, false)
            .iter()
            .map(|block| block.break_before)
            .collect();
        // Line 1 would leave line 0 alone, lines 3 and 5 follow a line that ends
        // mid-sentence, and line 5 would be alone: a page may end before 0, 2 or 4.
        assert_eq!(allowed, [true, false, true, false, true, false]);
    }
}
