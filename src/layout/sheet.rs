//! The sheet edition: one page to put on the fridge. The title and the summary, the red
//! flags together in one box, the pain rule, then every exercise as a row: a thumbnail,
//! its name, its dosage and one line to remember it by.
//!
//! The rows are set in the roomiest arrangement that keeps the sheet on one page,
//! measured, from one column with large thumbnails down to two columns with small ones.
//! When even the most compact leaves exercises over, the pain rule makes way for them;
//! what does not fit even then goes on a second page, and the build says so.

use std::cmp::Reverse;

use super::article::{Entry, Flow};
use super::card::framed_picture;
use super::compose::{boxed, stack, BoxContent, BoxStyle, Breaks, Checkpoint, Composer};
use super::frame::{Frame, Shape};
use super::guidance::{pain_rule, session_line, session_spans};
use super::paginate::{paginate, Block, Heights};
use super::structure::Role;
use super::theme::urgency_colors;
use crate::diag::Diagnostic;
use crate::geom::{Point, Size};
use crate::model::{Document, Exercise, Figure, Paragraph, RedFlag, Rgb};
use crate::text::{FaceId, Span, TextStyle};

const TITLE_SIZE: f32 = 22.0;
/// Space between the boxes and the exercises.
const SPACE: f32 = 10.0;
/// Space between two columns of rows.
const GUTTER: f32 = 12.0;
/// Space between two rows of exercises; a rule runs along its middle.
const ROW_GAP: f32 = 10.0;
const LEADING: f32 = 1.25;

/// How the exercise rows are set: in one column or two, with thumbnails this wide and
/// the text in this size.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Arrangement {
    columns: usize,
    thumbnail: f32,
    /// Between the thumbnail and the text beside it.
    gap: f32,
    name_size: f32,
    text_size: f32,
    /// The text's line height, as a multiple of its size.
    leading: f32,
}

/// The arrangements tried, roomiest first; text never under 12 pt.
const ARRANGEMENTS: [Arrangement; 9] = [
    one_column(152.0, 18.0, 15.0),
    one_column(128.0, 17.0, 14.0),
    one_column(112.0, 16.0, 13.5),
    one_column(96.0, 15.0, 13.0),
    one_column(84.0, 14.0, 12.5),
    one_column(72.0, 14.0, 12.0),
    Arrangement {
        columns: 2,
        thumbnail: 64.0,
        gap: 10.0,
        name_size: 14.0,
        text_size: 12.0,
        leading: 1.25,
    },
    Arrangement {
        columns: 2,
        thumbnail: 52.0,
        gap: 9.0,
        name_size: 13.0,
        text_size: 12.0,
        leading: 1.25,
    },
    Arrangement {
        columns: 2,
        thumbnail: 44.0,
        gap: 8.0,
        name_size: 13.0,
        text_size: 12.0,
        leading: 1.2,
    },
];

const fn one_column(thumbnail: f32, name_size: f32, text_size: f32) -> Arrangement {
    Arrangement {
        columns: 1,
        thumbnail,
        gap: 12.0,
        name_size,
        text_size,
        leading: 1.3,
    }
}

/// Lays out the sheet: on one page of `heights.first` when it fits.
pub fn flow(c: &mut Composer, doc: &Document, heights: Heights) -> Flow {
    let mut flow = Flow::new(Vec::new(), Vec::new());
    title(c, doc, &mut flow.blocks);
    if let Some(summary) = &doc.summary {
        let summary = summary_box(c, &summary.paragraphs, heights.rest);
        push_box(&mut flow.blocks, summary);
    }
    if let Some(note) = doc.recipient.as_ref().and_then(|r| r.note.as_deref()) {
        let clinician = doc.recipient.as_ref().and_then(|r| r.clinician.as_deref());
        let width = c.theme.column_width();
        let note = note_box(c, note, clinician, width, heights.rest);
        push_box(&mut flow.blocks, note);
    }
    if !doc.red_flags.is_empty() {
        let heading = heading_or(c, &doc.headings.red_flags, "heading-red-flags");
        flow.entries.push(Entry {
            block: flow.blocks.len(),
            level: 0,
            title: heading.clone(),
        });
        let red_flags = red_flags_box(c, &heading, &doc.red_flags, heights.rest);
        push_box(&mut flow.blocks, red_flags);
    }
    if !doc.exercises.is_empty() {
        pain_rule_and_exercises(c, doc, heights, &mut flow);
    }
    flow
}

/// The pain rule, then the exercises, when they all still fit on the sheet's page in as
/// many columns as without it: the rule may make the pictures smaller, but never pushes
/// the rows into two columns or off the page; it makes way for them instead.
fn pain_rule_and_exercises(c: &mut Composer, doc: &Document, heights: Heights, flow: &mut Flow) {
    let count = doc.exercises.len();
    let before = Tried::of(c, flow);
    let alone = exercises(c, doc, heights, flow);
    if alone.fitted < count {
        c.warnings
            .push(overflow_warning(doc, alone.fitted, count).in_file(&doc.source));
        return;
    }
    before.restore(c, flow);
    push_box(&mut flow.blocks, pain_rule(c, &doc.pain_rule, heights.rest));
    let with_rule = exercises(c, doc, heights, flow);
    if with_rule.fitted < count || with_rule.columns != alone.columns {
        before.restore(c, flow);
        exercises(c, doc, heights, flow);
    }
}

/// How far the sheet had been laid out, to go back to and try another way.
struct Tried {
    blocks: usize,
    entries: usize,
    composed: Checkpoint,
}

impl Tried {
    fn of(c: &Composer, flow: &Flow) -> Tried {
        Tried {
            blocks: flow.blocks.len(),
            entries: flow.entries.len(),
            composed: c.checkpoint(),
        }
    }

    fn restore(&self, c: &mut Composer, flow: &mut Flow) {
        flow.blocks.truncate(self.blocks);
        flow.entries.truncate(self.entries);
        c.rewind(self.composed);
    }
}

/// How the exercises were set: how many are on the first page, in how many columns.
struct Placement {
    fitted: usize,
    columns: usize,
}

/// The handout's own heading, or else its language's (`key` in the catalogue).
fn heading_or(c: &Composer, own: &Option<String>, key: &str) -> String {
    own.clone().unwrap_or_else(|| c.words.text(key))
}

/// The exercises' heading and rows, in the roomiest arrangement that leaves the sheet
/// one page.
fn exercises(c: &mut Composer, doc: &Document, heights: Heights, flow: &mut Flow) -> Placement {
    let heading = heading_or(c, &doc.headings.exercises, "sheet-your-exercises");
    flow.entries.push(Entry {
        block: flow.blocks.len(),
        level: 0,
        title: heading.clone(),
    });
    let style = c.style(FaceId::Bold, c.theme.h3_size, c.theme.colors.heading);
    let spans = c.plain(&heading, style);
    let width = c.theme.column_width();
    let mut frame = c.element(Role::H2, |c| c.text_frame(&spans, width, LEADING));
    // How long the exercises take, at the right of their heading where it fits: a line
    // of its own would cost a row of exercises on a full sheet.
    if let Some(session) = session_spans(c, doc) {
        let session_width = c.natural_width(&session);
        let beside = c.natural_width(&spans) + 2.0 * c.theme.body_size + session_width <= width;
        let session = session_line(c, &session, width);
        if beside {
            let top = (frame.height - session.height).max(0.0);
            frame.push_frame(Point::new(width - session_width, top), session);
        } else {
            frame.append(2.0, session);
        }
    }
    flow.blocks.push(Block::new(frame, SPACE + 2.0));

    let room = heights.first - height(&flow.blocks);
    let first_row = flow.blocks.len();
    let (rows, arrangement) = arranged_rows(c, doc, room);
    for (i, row) in rows.into_iter().enumerate() {
        // The heading stays with the first row.
        let mut block = Block::new(row.frame, ROW_GAP);
        block.break_before = i > 0;
        for name in row.names {
            flow.entries.push(Entry {
                block: flow.blocks.len(),
                level: 1,
                title: name,
            });
        }
        flow.blocks.push(block);
    }
    let on_first_page = rows_on_first_page(&flow.blocks, heights, first_row);
    let fitted = flow
        .entries
        .iter()
        .filter(|entry| entry.level == 1 && entry.block < first_row + on_first_page)
        .count();
    Placement {
        fitted,
        columns: arrangement.columns,
    }
}

/// What to say when only `fitted` of `count` exercises fit on the sheet's page.
fn overflow_warning(doc: &Document, fitted: usize, count: usize) -> Diagnostic {
    let hint = if fitted > 0 {
        format!(
            "to keep the sheet to one page, build it from a handout with at most {fitted} \
             exercises (the standard edition can still print all {count}), or shorten the \
             summary and the red flags"
        )
    } else {
        "shorten the summary and the red flags, which leave the first page no room for the \
         exercises"
            .to_string()
    };
    Diagnostic::warning(format!(
        "the sheet edition of {} does not fit on one page: {fitted} of its {count} exercises \
         are on the first, the others on a second page",
        doc.stem
    ))
    .hint(hint)
}

/// A row of one or two exercises, and their names for the outline.
struct Row {
    frame: Frame,
    names: Vec<String>,
}

/// The exercises as rows in the roomiest arrangement whose rows take no more than `room`;
/// the most compact when none does.
fn arranged_rows(c: &mut Composer, doc: &Document, room: f32) -> (Vec<Row>, Arrangement) {
    let start = c.checkpoint();
    let (&most_compact, roomier) = ARRANGEMENTS.split_last().expect("arrangements");
    for &arrangement in roomier {
        let rows = exercise_rows(c, &doc.exercises, arrangement);
        let tall: f32 = rows.iter().map(|row| ROW_GAP + row.frame.height).sum();
        if tall <= room {
            return (rows, arrangement);
        }
        c.rewind(start);
    }
    (exercise_rows(c, &doc.exercises, most_compact), most_compact)
}

fn exercise_rows(c: &mut Composer, exercises: &[Exercise], arrangement: Arrangement) -> Vec<Row> {
    let width = c.theme.column_width();
    let columns = arrangement.columns;
    let cell_width = (width - GUTTER * (columns - 1) as f32) / columns as f32;
    let numbered: Vec<(usize, &Exercise)> = (1..).zip(exercises).collect();
    numbered
        .chunks(columns)
        .enumerate()
        .map(|(row, chunk)| {
            let mut frame = Frame::default();
            for (column, &(number, exercise)) in chunk.iter().enumerate() {
                let cell = exercise_cell(c, exercise, number, cell_width, arrangement);
                frame.height = frame.height.max(cell.height);
                let x = column as f32 * (cell_width + GUTTER);
                frame.push_frame(Point::new(x, 0.0), cell);
            }
            // A rule between this row and the one above, in the middle of the gap.
            if row > 0 {
                frame.fill(
                    Point::new(0.0, -ROW_GAP / 2.0),
                    Size::new(width, 0.6),
                    c.theme.colors.rule,
                );
            }
            Row {
                frame,
                names: chunk.iter().map(|(_, e)| e.name.clone()).collect(),
            }
        })
        .collect()
}

/// One exercise, a row's or half of one: its thumbnail at the left, and beside it the numbered name, the dosage,
/// the line to remember it by, and the recipient's own note for it.
fn exercise_cell(
    c: &mut Composer,
    exercise: &Exercise,
    number: usize,
    width: f32,
    arrangement: Arrangement,
) -> Frame {
    c.element(Role::Sect, |c| {
        let text_x = arrangement.thumbnail + arrangement.gap;
        let text_width = width - text_x;
        let colors = c.theme.colors.clone();
        let name_style = c.style(FaceId::Bold, arrangement.name_size, colors.heading);
        let name = c.plain(&format!("{number}. {}", exercise.name), name_style);
        let name = c.element(Role::H3, |c| c.text_frame(&name, text_width, LEADING));
        let mut frame = Frame::default();
        let body_top = name.height + 2.0;
        // The name is read first, then the picture, then what the text says.
        frame.push_frame(Point::new(text_x, 0.0), name);
        if let Some(figure) = exercise.images.first() {
            // Level with the top of the name's capitals.
            let picture = thumbnail(c, figure, arrangement.thumbnail);
            frame.height = picture.height + 2.0;
            frame.push_frame(Point::new(0.0, 2.0), picture);
        }
        let text = c.style(FaceId::Regular, arrangement.text_size, colors.text);
        let mut parts = Vec::new();
        let dosage = c.words.dosage(&exercise.dosage);
        if !dosage.is_empty() {
            parts.push(dosage_band(
                c,
                &dosage,
                text,
                text_width,
                arrangement.leading,
            ));
        }
        if let Some(reminder) = reminder(exercise) {
            let spans = c.spans(reminder, text);
            let lines = c.lines(&spans, text_width);
            let leading = arrangement.leading;
            parts.push(c.element(Role::P, |c| stack(c.line_frames(&lines, leading), 0.0)));
        }
        if let Some(note) = &exercise.note {
            let style = c.style(FaceId::Bold, arrangement.text_size, colors.caution);
            let spans = c.plain(note, style);
            let lines = c.lines(&spans, text_width);
            let leading = arrangement.leading;
            parts.push(c.element(Role::P, |c| stack(c.line_frames(&lines, leading), 0.0)));
        }
        let body = stack(parts, 2.0);
        frame.height = frame.height.max(body_top + body.height);
        frame.push_frame(Point::new(text_x, body_top), body);
        frame
    })
}

/// The dosage on a tinted band, as the standard edition's cards print it, broken only
/// between its parts where it can be.
fn dosage_band(
    c: &mut Composer,
    dosage: &[String],
    style: TextStyle,
    width: f32,
    leading: f32,
) -> Frame {
    const PAD: f32 = 3.0;
    let parts: Vec<Vec<Span>> = dosage.iter().map(|part| c.plain(part, style)).collect();
    let separator = c.plain(" · ", style);
    let lines = c.separated_lines(&parts, &separator, width - PAD);
    let text = c.element(Role::P, |c| stack(c.line_frames(&lines, leading), 0.0));
    let band_width = lines.iter().map(|line| line.width).fold(0.0, f32::max) + 2.0 * PAD;
    let mut frame = Frame::new(text.height + 2.0);
    // The band reaches into the margin, so that its text lines up with the rest.
    frame.rect(
        Point::new(-PAD, 0.0),
        Shape {
            size: Size::new(band_width, frame.height),
            fill: Some(c.theme.colors.dosage_fill),
            stroke: None,
            radius: 3.0,
        },
    );
    frame.push_frame(Point::new(0.0, 1.0), text);
    frame
}

/// The line that reminds the reader how the exercise goes: its cue, or else its first
/// step.
fn reminder(exercise: &Exercise) -> Option<&Paragraph> {
    exercise.cue.as_ref().or(exercise.steps.first())
}

/// A picture scaled to fit a square `side` wide, with a thin frame.
fn thumbnail(c: &mut Composer, figure: &Figure, side: f32) -> Frame {
    framed_picture(c, figure, Size::new(side, side))
}

/// The title, whole words a line.
fn title(c: &mut Composer, doc: &Document, blocks: &mut Vec<Block>) {
    let width = c.theme.column_width();
    let style = c.style(FaceId::Bold, TITLE_SIZE, c.theme.colors.heading);
    let spans = c.plain(&doc.title, style);
    let lines = c.balanced_lines(&spans, width);
    let frame = c.element(Role::H1, |c| stack(c.line_frames(&lines, 1.18), 0.0));
    blocks.push(Block::new(frame, 0.0));
}

/// Adds a box's blocks below what comes before.
fn push_box(blocks: &mut Vec<Block>, boxed: Vec<Block>) {
    for (i, mut block) in boxed.into_iter().enumerate() {
        if i == 0 {
            block.space_before = SPACE;
        }
        blocks.push(block);
    }
}

/// The summary on a tinted band, as the standard edition prints it.
fn summary_box(c: &mut Composer, paragraphs: &[Paragraph], page_height: f32) -> Vec<Block> {
    let style = BoxStyle {
        fill: c.theme.colors.summary_fill,
        border: None,
        bar: Some(c.theme.colors.primary),
        padding: 8.0,
        radius: 3.0,
    };
    let width = c.theme.column_width();
    let inner = style.inner_width(width);
    let base = c.body();
    c.element(Role::Sect, |c| {
        let mut parts = Vec::new();
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if i > 0 {
                parts.push(Frame::new(c.theme.paragraph_gap));
            }
            let spans = c.spans(paragraph, base);
            let lines = c.lines(&spans, inner);
            parts.extend(c.element(Role::P, |c| c.line_frames(&lines, 1.3)));
        }
        let content = BoxContent {
            parts,
            ..BoxContent::default()
        };
        boxed(content, style, width, page_height)
    })
}

/// The clinician's note for the recipient, in a white box `width` wide with a brand
/// border.
pub(super) fn note_box(
    c: &mut Composer,
    note: &str,
    clinician: Option<&str>,
    width: f32,
    page_height: f32,
) -> Vec<Block> {
    let style = note_style(c);
    let inner = style.inner_width(width);
    c.element(Role::Sect, |c| {
        let (label, note) = note_spans(c, note, clinician);
        let mut parts = vec![c.element(Role::P, |c| c.text_frame(&label, inner, 1.3))];
        let lines = c.lines(&note, inner);
        parts.extend(c.element(Role::P, |c| c.line_frames(&lines, 1.3)));
        let content = BoxContent {
            parts,
            breaks: Breaks::lead(2),
            ..BoxContent::default()
        };
        boxed(content, style, width, page_height)
    })
}

/// The width of the narrowest [`note_box`] that holds its label and its note each on
/// one line.
pub(super) fn note_width(c: &mut Composer, note: &str, clinician: Option<&str>) -> f32 {
    let (label, note) = note_spans(c, note, clinician);
    let widest = c.natural_width(&label).max(c.natural_width(&note));
    let width = c.theme.column_width();
    let padding = width - note_style(c).inner_width(width);
    // A point to spare, so that rounding never breaks a line that fits.
    widest + padding + 1.0
}

fn note_style(c: &Composer) -> BoxStyle {
    BoxStyle {
        fill: Rgb::WHITE,
        border: Some(c.theme.colors.primary),
        bar: None,
        padding: 8.0,
        radius: 3.0,
    }
}

/// The note's label ("A note from your clinician") and the note, as the box sets them.
fn note_spans(c: &Composer, note: &str, clinician: Option<&str>) -> (Vec<Span>, Vec<Span>) {
    let label = c.words.note_from(clinician);
    let label_style = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.heading);
    (c.plain(&label, label_style), c.plain(note, c.body()))
}

/// The red flags in one box, the most urgent first: each as its condition's name, then
/// the urgency and what to do, in the urgency's colour.
fn red_flags_box(
    c: &mut Composer,
    heading: &str,
    flags: &[RedFlag],
    page_height: f32,
) -> Vec<Block> {
    let caution = c.theme.colors.caution;
    let style = BoxStyle {
        fill: Rgb::WHITE,
        border: Some(caution),
        bar: Some(caution),
        padding: 8.0,
        radius: 3.0,
    };
    let width = c.theme.column_width();
    let inner = style.inner_width(width);
    let mut flags: Vec<&RedFlag> = flags.iter().collect();
    flags.sort_by_key(|flag| Reverse(flag.urgency));
    c.element(Role::Sect, |c| {
        let heading_style = c.style(FaceId::Bold, c.theme.h3_size, caution);
        let heading = c.plain(heading, heading_style);
        let mut parts = vec![c.element(Role::H2, |c| c.text_frame(&heading, inner, LEADING))];
        parts.push(Frame::new(2.0));
        let size = c.theme.body_size;
        let name_style = c.style(FaceId::Bold, size, c.theme.colors.text);
        let marker_style = c.style(FaceId::Bold, size, caution);
        let marker = c.plain("•", marker_style);
        let indent = c.marker_indent([marker.as_slice()], 14.0);
        c.element(Role::List { numbered: false }, |c| {
            for flag in flags {
                let colors = urgency_colors(flag.urgency);
                let (level, action) = c.words.urgency(flag.urgency);
                let label = c
                    .words
                    .format("urgency-label", &[("urgency", level.into())]);
                let mut urgency = c.plain(
                    &format!("{label} "),
                    c.style(FaceId::Bold, size, colors.label),
                );
                urgency.extend(c.plain(&action, c.style(FaceId::Regular, size, colors.label)));
                let name = c.plain(&flag.name, name_style);
                let separator = c.plain(" · ", c.style(FaceId::Regular, size, c.theme.colors.text));
                parts.push(flag_item(
                    c,
                    &marker,
                    &[name, urgency],
                    &separator,
                    inner,
                    indent,
                ));
            }
        });
        let content = BoxContent {
            parts,
            breaks: Breaks::lead(3),
            ..BoxContent::default()
        };
        boxed(content, style, width, page_height)
    })
}

/// A bulleted item of the list open now, its body `items` with `separator` between them,
/// broken only between items where it can be.
fn flag_item(
    c: &mut Composer,
    marker: &[Span],
    items: &[Vec<Span>],
    separator: &[Span],
    width: f32,
    indent: f32,
) -> Frame {
    c.element(Role::ListItem, |c| {
        let marker_lines = c.whole_word_lines(marker, f32::INFINITY);
        let label = c.element(Role::Label, |c| {
            stack(c.line_frames(&marker_lines, LEADING), 0.0)
        });
        let lines = c.separated_lines(items, separator, width - indent);
        let body = c.element(Role::ListBody, |c| {
            stack(c.line_frames(&lines, LEADING), 0.0)
        });
        let mut frame = Frame::new(body.height.max(label.height));
        frame.push_frame(Point::new(0.0, 0.0), label);
        frame.push_frame(Point::new(indent, 0.0), body);
        frame
    })
}

/// How tall `blocks` are, one below the other.
fn height(blocks: &[Block]) -> f32 {
    blocks
        .iter()
        .enumerate()
        .map(|(i, block)| block.frame.height + if i == 0 { 0.0 } else { block.space_before })
        .sum()
}

/// How many of the rows, which start at block `first_row`, pagination puts on the first
/// page.
fn rows_on_first_page(blocks: &[Block], heights: Heights, first_row: usize) -> usize {
    let pages = paginate(blocks, heights);
    let end = pages
        .first()
        .and_then(|page| page.last())
        .map_or(0, |slot| slot.block + 1);
    end.saturating_sub(first_row)
}
