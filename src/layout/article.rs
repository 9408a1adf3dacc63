//! The handout's content, in reading order, as a flow of blocks.

use super::card::{exercise_card, BULLET_INDENT};
use super::compose::{
    box_top, boxed, lines_to_blocks, stack, BoxContent, BoxStyle, Breaks, Composer,
};
use super::frame::Frame;
use super::guidance::{pain_rule, session_time};
use super::paginate::{Block, Heights};
use super::structure::{Artifact, Role};
use super::theme::urgency_colors;
use crate::model::{Document, Paragraph, RedFlag, Rgb, RichText};
use crate::text::{FaceId, Span, TextStyle};

/// Space above a section heading, and below it before what it introduces.
const SECTION_SPACE: f32 = 24.0;
const AFTER_HEADING: f32 = 8.0;
/// Space above a sub-heading such as a cause's name.
const SUBSECTION_SPACE: f32 = 14.0;
/// Space between boxes, cards and other blocks of one section.
const BLOCK_SPACE: f32 = 12.0;

/// A flow of blocks, and the blocks that start an outline entry.
pub struct Flow {
    pub blocks: Vec<Block>,
    pub entries: Vec<Entry>,
    /// Whether the last block was a heading, which sets the space below it.
    after_heading: bool,
    /// How tall the headings just above are, which the next box must share a page with.
    heading_height: f32,
}

/// An entry of the outline: a section's heading (level 0), or an exercise in its section
/// (level 1), at the block it starts.
pub struct Entry {
    pub block: usize,
    pub level: usize,
    pub title: String,
}

/// Lays out everything between the header and the footer of the pages.
pub fn flow(c: &mut Composer, doc: &Document, heights: Heights) -> Flow {
    // A box taller than a whole page goes on over the next.
    let page_height = heights.rest;
    let mut flow = Flow {
        blocks: Vec::new(),
        entries: Vec::new(),
        after_heading: false,
        heading_height: 0.0,
    };
    title(c, doc, &mut flow);
    if let Some(summary) = &doc.summary {
        let color = c.theme.colors.heading;
        let label = c.words.text("in-short");
        let blocks = callout(c, &label, summary, color, page_height, summary_style(c));
        flow.push_all(blocks, 16.0, false);
    }
    if let Some(note) = doc.recipient.as_ref().and_then(|r| r.note.as_deref()) {
        let clinician = doc.recipient.as_ref().and_then(|r| r.clinician.as_deref());
        let label = c.words.note_from(clinician);
        // White with a brand border: personal, and never mistaken for a warning.
        let style = BoxStyle {
            fill: Rgb(255, 255, 255),
            border: Some(c.theme.colors.primary),
            bar: None,
            padding: 16.0,
            radius: 3.0,
        };
        let color = c.theme.colors.heading;
        let blocks = callout(c, &label, &RichText::plain(note), color, page_height, style);
        flow.push_all(blocks, BLOCK_SPACE, false);
    }
    if let Some(intro) = &doc.intro {
        rich_paragraphs(c, intro, &mut flow, 16.0);
    }
    if !doc.causes.is_empty() {
        let heading = heading_or(c, &doc.headings.causes, "heading-causes");
        heading2(c, &heading, &mut flow);
        for cause in &doc.causes {
            heading3(c, &cause.name, &mut flow);
            rich_paragraphs(c, &cause.text, &mut flow, 4.0);
            if !cause.self_care.is_empty() {
                let style = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.text);
                let label = c.plain(&c.words.text("what-you-can-do"), style);
                let (width, leading) = (c.theme.column_width(), c.theme.leading);
                let frame = c.element(Role::P, |c| c.text_frame(&label, width, leading));
                flow.push(Block::new(frame, 8.0));
                bullets(c, &cause.self_care, &mut flow);
            }
        }
    }
    if !doc.red_flags.is_empty() {
        let heading = heading_or(c, &doc.headings.red_flags, "heading-red-flags");
        heading2(c, &heading, &mut flow);
        // The most pressing first; within one urgency, as written.
        let mut flags: Vec<&RedFlag> = doc.red_flags.iter().collect();
        flags.sort_by_key(|flag| std::cmp::Reverse(flag.urgency));
        for flag in flags {
            let blocks = care_card(c, flag, flow.room(page_height));
            flow.push_boxes(blocks);
        }
    }
    if !doc.exercises.is_empty() {
        let heading = heading_or(c, &doc.headings.exercises, "heading-exercises");
        heading2(c, &heading, &mut flow);
        let blocks = pain_rule(c, &doc.pain_rule, flow.room(page_height));
        flow.push_boxes(blocks);
        for (i, exercise) in doc.exercises.iter().enumerate() {
            flow.entries.push(Entry {
                block: flow.blocks.len(),
                level: 1,
                title: exercise.name.clone(),
            });
            let mut blocks = exercise_card(c, exercise, i + 1, flow.room(page_height));
            // An exercise a page; the first shares its page with the section's heading and
            // the pain rule only when it is whole, so that a card that goes on over a page
            // starts one.
            let new_page = i > 0 || blocks.len() > 1;
            if let (true, Some(first)) = (new_page && c.theme.exercise_per_page, blocks.first_mut())
            {
                first.new_page = true;
            }
            flow.push_boxes(blocks);
        }
    }
    for section in &doc.sections {
        heading2(c, &section.title, &mut flow);
        if let Some(text) = &section.text {
            rich_paragraphs(c, text, &mut flow, 4.0);
        }
        bullets(c, &section.bullets, &mut flow);
    }
    if let Some(closing) = &doc.closing {
        let heading = heading_or(c, &closing.title, "heading-closing");
        heading2(c, &heading, &mut flow);
        rich_paragraphs(c, &closing.text, &mut flow, 4.0);
    }
    byline(c, doc, &mut flow);
    flow
}

impl Flow {
    /// A flow of `blocks`, with the outline's `entries` among them.
    pub(super) fn new(blocks: Vec<Block>, entries: Vec<Entry>) -> Flow {
        Flow {
            blocks,
            entries,
            after_heading: false,
            heading_height: 0.0,
        }
    }

    fn push(&mut self, block: Block) {
        self.blocks.push(block);
        self.after_heading = false;
        self.heading_height = 0.0;
    }

    /// The height a box may take and still share a page with the headings above it.
    fn room(&self, page_height: f32) -> f32 {
        if self.after_heading {
            page_height - self.heading_height - AFTER_HEADING
        } else {
            page_height
        }
    }

    /// Adds blocks, the first `space` below what comes before; the first stays with
    /// a heading just above it.
    fn push_all(&mut self, blocks: Vec<Block>, space: f32, keep_with_previous: bool) {
        let follows_heading = self.after_heading;
        for (i, mut block) in blocks.into_iter().enumerate() {
            if i == 0 {
                block.space_before = space;
                if keep_with_previous || follows_heading {
                    block.break_before = false;
                }
            }
            self.push(block);
        }
    }

    /// Adds a box or card: close under its heading, a little apart from its siblings.
    fn push_boxes(&mut self, blocks: Vec<Block>) {
        let space = if self.after_heading {
            AFTER_HEADING
        } else {
            BLOCK_SPACE
        };
        self.push_all(blocks, space, false);
    }
}

fn title(c: &mut Composer, doc: &Document, flow: &mut Flow) {
    let width = c.theme.column_width();
    let style = c.style(FaceId::Bold, c.theme.title_size, c.theme.colors.heading);
    let spans = c.plain(&doc.title, style);
    let lines = c.balanced_lines(&spans, width);
    let frames = c.element(Role::H1, |c| c.line_frames(&lines, 1.18));
    for (i, frame) in frames.into_iter().enumerate() {
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
            let lines = c.balanced_lines(&spans, width);
            let frame = c.element(Role::P, |c| stack(c.line_frames(&lines, 1.3), 0.0));
            flow.push(Block::new(frame, 4.0).keep_with_previous());
        }
    }
    if let Some(frame) = session_time(c, doc, width) {
        flow.push(Block::new(frame, 6.0).keep_with_previous());
    }
}

fn summary_style(c: &Composer) -> BoxStyle {
    BoxStyle {
        fill: c.theme.colors.summary_fill,
        border: None,
        bar: Some(c.theme.colors.primary),
        padding: 11.0,
        radius: 3.0,
    }
}

/// A boxed message with a bold label: the summary, or the clinician's note.
fn callout(
    c: &mut Composer,
    label: &str,
    text: &RichText,
    label_color: Rgb,
    page_height: f32,
    style: BoxStyle,
) -> Vec<Block> {
    c.element(Role::Sect, |c| {
        let width = c.theme.column_width();
        let inner = style.inner_width(width);
        let label_spans = c.plain(label, c.style(FaceId::Bold, c.theme.body_size, label_color));
        let lines = c.whole_word_lines(&label_spans, inner);
        let leading = c.theme.leading;
        let mut parts = c.element(Role::P, |c| c.line_frames(&lines, leading));
        let base = c.style(FaceId::Regular, c.theme.callout_size, c.theme.colors.text);
        let gap = c.theme.paragraph_gap;
        parts.extend(c.paragraph_lines(text, base, inner, 1.35, gap));
        let content = BoxContent {
            parts,
            breaks: Breaks::lead(2),
            ..BoxContent::default()
        };
        boxed(content, style, width, page_height)
    })
}

/// The handout's own heading, or else its language's (`key` in the catalogue).
fn heading_or(c: &Composer, own: &Option<String>, key: &str) -> String {
    own.clone().unwrap_or_else(|| c.words.text(key))
}

fn heading2(c: &mut Composer, text: &str, flow: &mut Flow) {
    flow.entries.push(Entry {
        block: flow.blocks.len(),
        level: 0,
        title: text.to_string(),
    });
    let style = c.style(FaceId::Bold, c.theme.h2_size, c.theme.colors.heading);
    c.element(Role::H2, |c| heading(c, text, style, SECTION_SPACE, flow));
}

fn heading3(c: &mut Composer, text: &str, flow: &mut Flow) {
    let style = c.style(FaceId::Bold, c.theme.h3_size, c.theme.colors.text);
    let space = if flow.after_heading {
        AFTER_HEADING
    } else {
        SUBSECTION_SPACE
    };
    let above = flow
        .after_heading
        .then_some(flow.heading_height + AFTER_HEADING);
    c.element(Role::H3, |c| heading(c, text, style, space, flow));
    if let Some(above) = above {
        flow.heading_height += above;
        if let Some(last) = flow.blocks.last_mut() {
            last.break_before = false;
        }
    }
}

/// A heading's lines; what follows keeps them company across a page break.
fn heading(c: &mut Composer, text: &str, style: TextStyle, space: f32, flow: &mut Flow) {
    let width = c.theme.column_width();
    let spans = c.plain(text, style);
    let frame = c.text_frame(&spans, width, 1.25);
    let height = frame.height;
    flow.push(Block::new(frame, space));
    flow.after_heading = true;
    flow.heading_height = height;
}

/// Body paragraphs; the first stays with a heading just above it.
fn rich_paragraphs(c: &mut Composer, text: &RichText, flow: &mut Flow, space: f32) {
    let body = c.body();
    for (i, paragraph) in text.paragraphs.iter().enumerate() {
        let spans = c.spans(paragraph, body);
        let gap = if i == 0 { space } else { c.theme.paragraph_gap };
        let keep = i == 0 && flow.after_heading;
        let blocks = c.paragraph_blocks(&spans, gap, keep);
        for block in blocks {
            flow.push(block);
        }
    }
}

/// A bulleted list. It breaks only between items, never leaving a single item
/// alone at the foot or head of a page, and its first item stays with what
/// introduces it.
fn bullets(c: &mut Composer, items: &[Paragraph], flow: &mut Flow) {
    if items.is_empty() {
        return;
    }
    let body = c.body();
    let width = c.theme.column_width();
    let marker_style = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.heading);
    let marker = c.plain("•", marker_style);
    let count = items.len();
    c.element(Role::List { numbered: false }, |c| {
        for (i, item) in items.iter().enumerate() {
            let spans = c.spans(item, body);
            let frames = c.list_item(&marker, &spans, width, BULLET_INDENT);
            let lone_item = i == 0 || i == 1 || i + 1 == count;
            for block in lines_to_blocks(frames, 3.0, lone_item) {
                flow.push(block);
            }
        }
    });
}

/// A red flag: urgency in words and colour, the condition, and what it means.
fn care_card(c: &mut Composer, flag: &RedFlag, page_height: f32) -> Vec<Block> {
    c.element(Role::Sect, |c| care_card_content(c, flag, page_height))
}

fn care_card_content(c: &mut Composer, flag: &RedFlag, page_height: f32) -> Vec<Block> {
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
    let (level, action) = c.words.urgency(flag.urgency);
    let size = c.theme.body_size;
    let label = vec![
        Span {
            text: c
                .words
                .format("urgency-label", &[("urgency", level.into())])
                + " ",
            style: c.style(FaceId::Bold, size, colors.label),
            link: None,
            unbreakable: false,
        },
        Span {
            text: action.to_string(),
            style: c.style(FaceId::Regular, size, colors.label),
            link: None,
            unbreakable: false,
        },
    ];
    let name_style = c.style(FaceId::Bold, c.theme.h3_size, c.theme.colors.text);
    let name = c.plain(&flag.name, name_style);
    let continued = c
        .words
        .format("continued", &[("title", flag.name.as_str().into())]);
    let continued = c.plain(&continued, name_style);
    let mut parts = Vec::new();
    for (spans, role) in [(&label, Role::P), (&name, Role::H3)] {
        let lines = c.whole_word_lines(spans, inner);
        parts.extend(c.element(role, |c| c.line_frames(&lines, 1.3)));
    }
    // Where the card goes on over a page, its urgency and name go with it.
    let continuation = c.artifact(Artifact::Header, |c| {
        let mut heading = c.text_frame(&label, inner, 1.3);
        heading.append(0.0, c.text_frame(&continued, inner, 1.3));
        box_top(heading, style, width)
    });
    parts.push(Frame::new(2.0));
    let (body, leading, gap) = (c.body(), c.theme.leading, c.theme.paragraph_gap);
    let text = c.paragraph_lines(&flag.text, body, inner, leading, gap);
    // The urgency and the name never end a page alone: two lines of what the flag means
    // go with them (the gap between two paragraphs is no line).
    let second_line = text
        .iter()
        .enumerate()
        .filter(|(_, frame)| !frame.items.is_empty())
        .nth(1)
        .map_or(text.len(), |(i, _)| i + 1);
    let lead = parts.len() + second_line;
    parts.extend(text);
    let content = BoxContent {
        header: None,
        parts,
        continuation: Some(continuation),
        breaks: Breaks::lead(lead),
    };
    boxed(content, style, width, page_height)
}

/// Who wrote the handout and when it was last reviewed.
fn byline(c: &mut Composer, doc: &Document, flow: &mut Flow) {
    // Upright: clear-print guidance asks for no italics, which are harder to read.
    let style = c.style(FaceId::Regular, c.theme.caption_size, c.theme.colors.muted);
    let mut parts = Vec::new();
    if let Some(author) = &doc.author {
        let written = c
            .words
            .format("written-by", &[("author", author.as_str().into())]);
        parts.push(c.plain(&written, style));
    }
    if let Some(reviewed) = doc.reviewed {
        parts.push(c.plain(&c.words.reviewed(reviewed), style));
    }
    if parts.is_empty() {
        return;
    }
    let separator = c.plain(" · ", style);
    let lines = c.separated_lines(&parts, &separator, c.theme.column_width());
    let leading = c.theme.leading;
    let frame = c.element(Role::P, |c| stack(c.line_frames(&lines, leading), 0.0));
    flow.push(Block::new(frame, 20.0).keep_with_previous());
}
