//! The handout's content, in reading order, as a flow of blocks.

use super::card::exercise_card;
use super::compose::{boxed, stack, BoxStyle, Composer};
use super::frame::Frame;
use super::paginate::Block;
use super::theme::urgency_colors;
use super::words;
use crate::content::{Document, Paragraph, RedFlag, RichText};
use crate::text::{FaceId, Span, TextStyle};

/// A flow of blocks, and the blocks that start an outline entry.
pub struct Flow {
    pub blocks: Vec<Block>,
    pub marks: Vec<(usize, String)>,
}

/// Lays out everything between the header and the footer of the pages.
pub fn flow(c: &mut Composer, doc: &Document, page_height: f32) -> Flow {
    let mut flow = Flow {
        blocks: Vec::new(),
        marks: Vec::new(),
    };
    title(c, doc, &mut flow);
    if let Some(summary) = &doc.summary {
        let label = "In short";
        let blocks = callout(
            c,
            label,
            summary,
            c.theme.colors.heading,
            page_height,
            summary_style(c),
        );
        flow.push_all(blocks, 16.0, false);
    }
    if let Some(note) = doc.recipient.as_ref().and_then(|r| r.note.as_deref()) {
        let label = match doc.recipient.as_ref().and_then(|r| r.clinician.as_deref()) {
            Some(clinician) => format!("A note from {clinician}"),
            None => "A note from your clinician".to_string(),
        };
        let style = BoxStyle {
            fill: c.theme.colors.dosage_fill,
            bar: Some(c.theme.colors.accent),
            ..summary_style(c)
        };
        let blocks = callout(
            c,
            &label,
            &RichText::plain(note),
            c.theme.colors.text,
            page_height,
            style,
        );
        flow.push_all(blocks, 12.0, false);
    }
    if let Some(intro) = &doc.intro {
        rich_paragraphs(c, intro, &mut flow, 16.0, false);
    }
    if !doc.causes.is_empty() {
        heading2(c, &doc.headings.causes, &mut flow);
        for cause in &doc.causes {
            heading3(c, &cause.name, &mut flow);
            rich_paragraphs(c, &cause.text, &mut flow, 4.0, true);
            if !cause.self_care.is_empty() {
                let label = c.plain(
                    "What you can do",
                    c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.text),
                );
                let width = c.theme.column_width();
                let frame = c.text_frame(&label, width, c.theme.leading);
                flow.push(Block::new(frame, 8.0));
                bullets(c, &cause.self_care, &mut flow, true);
            }
        }
    }
    if !doc.red_flags.is_empty() {
        heading2(c, &doc.headings.red_flags, &mut flow);
        for (i, flag) in doc.red_flags.iter().enumerate() {
            let blocks = care_card(c, flag, page_height);
            flow.push_all(blocks, if i == 0 { 6.0 } else { 10.0 }, i == 0);
        }
    }
    if !doc.exercises.is_empty() {
        heading2(c, &doc.headings.exercises, &mut flow);
        for (i, exercise) in doc.exercises.iter().enumerate() {
            flow.marks.push((flow.blocks.len(), exercise.name.clone()));
            let blocks = exercise_card(c, exercise, i + 1, page_height);
            flow.push_all(blocks, if i == 0 { 6.0 } else { 16.0 }, i == 0);
        }
    }
    for section in &doc.sections {
        heading2(c, &section.title, &mut flow);
        if let Some(text) = &section.text {
            rich_paragraphs(c, text, &mut flow, 4.0, true);
        }
        let first = section.text.is_none();
        bullets(c, &section.bullets, &mut flow, first);
    }
    if let Some(closing) = &doc.closing {
        heading2(c, &closing.title, &mut flow);
        rich_paragraphs(c, &closing.text, &mut flow, 4.0, true);
    }
    byline(c, doc, &mut flow);
    flow
}

impl Flow {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Adds blocks, the first `space` below what comes before (and kept with it if asked).
    fn push_all(&mut self, blocks: Vec<Block>, space: f32, keep_with_previous: bool) {
        for (i, mut block) in blocks.into_iter().enumerate() {
            if i == 0 {
                block.space_before = space;
                if keep_with_previous {
                    block.break_before = false;
                }
            }
            self.blocks.push(block);
        }
    }
}

fn title(c: &mut Composer, doc: &Document, flow: &mut Flow) {
    let width = c.theme.column_width();
    let style = c.style(FaceId::Bold, c.theme.title_size, c.theme.colors.heading);
    let spans = c.plain(&doc.title, style);
    let lines = c.whole_word_lines(&spans, width);
    for (i, frame) in c.line_frames(&lines, 1.18).into_iter().enumerate() {
        let block = Block::new(frame, 0.0);
        flow.push(if i == 0 {
            block
        } else {
            block.keep_with_previous()
        });
    }
    if let Some(subtitle) = &doc.subtitle {
        let style = c.style(FaceId::Regular, c.theme.subtitle_size, c.theme.colors.muted);
        for paragraph in &subtitle.paragraphs {
            let spans = c.spans(paragraph, style);
            let frame = c.text_frame(&spans, width, 1.3);
            flow.push(Block::new(frame, 4.0).keep_with_previous());
        }
    }
}

fn summary_style(c: &Composer) -> BoxStyle {
    BoxStyle {
        fill: c.theme.colors.summary_fill,
        border: None,
        bar: Some(c.theme.colors.primary),
        padding: 12.0,
        radius: 3.0,
    }
}

/// A boxed message with a bold label: the summary, or the clinician's note.
fn callout(
    c: &mut Composer,
    label: &str,
    text: &RichText,
    label_color: crate::content::Rgb,
    page_height: f32,
    style: BoxStyle,
) -> Vec<Block> {
    let width = c.theme.column_width();
    let inner = style.inner_width(width);
    let label_spans = c.plain(label, c.style(FaceId::Bold, c.theme.body_size, label_color));
    let lines = c.whole_word_lines(&label_spans, inner);
    let mut parts = c.line_frames(&lines, c.theme.leading);
    let base = c.style(FaceId::Regular, 14.5, c.theme.colors.text);
    for (i, paragraph) in text.paragraphs.iter().enumerate() {
        if i > 0 {
            parts.push(Frame::new(c.theme.paragraph_gap));
        }
        let spans = c.spans(paragraph, base);
        let lines = c.lines(&spans, inner);
        parts.extend(c.line_frames(&lines, 1.35));
    }
    boxed(None, parts, style, width, page_height, None, 2)
}

fn heading2(c: &mut Composer, text: &str, flow: &mut Flow) {
    flow.marks.push((flow.blocks.len(), text.to_string()));
    let style = c.style(FaceId::Bold, c.theme.h2_size, c.theme.colors.heading);
    heading(c, text, style, 24.0, flow);
}

fn heading3(c: &mut Composer, text: &str, flow: &mut Flow) {
    let style = c.style(FaceId::Bold, c.theme.h3_size, c.theme.colors.text);
    heading(c, text, style, 14.0, flow);
}

/// A heading's lines; the text after it keeps them company across a page break.
fn heading(c: &mut Composer, text: &str, style: TextStyle, space: f32, flow: &mut Flow) {
    let width = c.theme.column_width();
    let spans = c.plain(text, style);
    let frame = c.text_frame(&spans, width, 1.25);
    flow.push(Block::new(frame, space));
}

/// Body paragraphs; the first stays with the heading above it when `keep_first` is set.
fn rich_paragraphs(
    c: &mut Composer,
    text: &RichText,
    flow: &mut Flow,
    space: f32,
    keep_first: bool,
) {
    let body = c.body();
    for (i, paragraph) in text.paragraphs.iter().enumerate() {
        let spans = c.spans(paragraph, body);
        let gap = if i == 0 { space } else { c.theme.paragraph_gap };
        let blocks = c.paragraph_blocks(&spans, gap, keep_first && i == 0);
        flow.blocks.extend(blocks);
    }
}

fn bullets(c: &mut Composer, items: &[Paragraph], flow: &mut Flow, keep_first: bool) {
    let body = c.body();
    let width = c.theme.column_width();
    let marker_style = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.heading);
    for (i, item) in items.iter().enumerate() {
        let marker = vec![Span {
            text: "•".to_string(),
            style: marker_style,
            link: None,
        }];
        let spans = c.spans(item, body);
        let frames = c.hanging(&marker, &spans, width, 18.0);
        let blocks = super::compose::lines_to_blocks(frames, 3.0, i == 0 && keep_first);
        flow.blocks.extend(blocks);
    }
}

/// A red flag: urgency in words and colour, the condition, and what it means.
fn care_card(c: &mut Composer, flag: &RedFlag, page_height: f32) -> Vec<Block> {
    let colors = urgency_colors(flag.urgency);
    let style = BoxStyle {
        fill: colors.fill,
        border: None,
        bar: Some(colors.bar),
        padding: 11.0,
        radius: 3.0,
    };
    let width = c.theme.column_width();
    let inner = style.inner_width(width);
    let (level, action) = words::urgency(flag.urgency);
    let label = vec![
        Span {
            text: format!("{level}: "),
            style: c.style(FaceId::Bold, 12.5, colors.label),
            link: None,
        },
        Span {
            text: action.to_string(),
            style: c.style(FaceId::Regular, 12.5, colors.label),
            link: None,
        },
    ];
    let name = c.plain(
        &flag.name,
        c.style(FaceId::Bold, c.theme.h3_size, c.theme.colors.text),
    );
    let mut parts = Vec::new();
    for spans in [label, name] {
        let lines = c.whole_word_lines(&spans, inner);
        parts.extend(c.line_frames(&lines, 1.3));
    }
    let body = c.body();
    for (i, paragraph) in flag.text.paragraphs.iter().enumerate() {
        parts.push(Frame::new(if i == 0 { 2.0 } else { c.theme.paragraph_gap }));
        let spans = c.spans(paragraph, body);
        let lines = c.lines(&spans, inner);
        parts.extend(c.line_frames(&lines, c.theme.leading));
    }
    boxed(None, parts, style, width, page_height, None, 2)
}

/// Who wrote the handout and when it was last reviewed.
fn byline(c: &mut Composer, doc: &Document, flow: &mut Flow) {
    let mut parts = Vec::new();
    if let Some(author) = &doc.author {
        parts.push(format!("Written by {author}"));
    }
    if let Some(reviewed) = doc.reviewed {
        parts.push(format!("Reviewed {}", words::date(reviewed)));
    }
    if parts.is_empty() {
        return;
    }
    let style = c.style(FaceId::Italic, 12.0, c.theme.colors.muted);
    let spans = c.plain(&parts.join(" · "), style);
    let frame = c.text_frame(&spans, c.theme.column_width(), c.theme.leading);
    flow.push(Block::new(stack([frame], 0.0), 20.0).keep_with_previous());
}
