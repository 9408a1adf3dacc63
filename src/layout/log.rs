//! The log edition: a form to fill in at home, two weeks to a page. Each week is a table
//! with a row for each exercise (its name and dosage, then a box a day to tick, one for
//! each time a day it is done) and a row for the day's pain, 0 to 10; each page ends in
//! lines for notes. The days are dated from the recipient's date, or numbered, with a
//! line to write the date on, when there is none. The clinician's note for the
//! recipient goes with the instructions on the first page.
//!
//! Nothing relies on colour: the boxes and lines are dark enough to print in grey, and
//! every row and column says what it is in words.

use super::article::{Entry, Flow};
use super::compose::{stack, Composer};
use super::frame::{Frame, Item, Shape};
use super::guidance::session_time;
use super::paginate::{paginate, Block, Heights};
use super::sheet::{note_box, note_width};
use super::structure::{Artifact, Role, Scope};
use super::theme::Palette;
use crate::calendar;
use crate::diag::Diagnostic;
use crate::geom::{Point, Size};
use crate::model::{Date, Document, Dosage, Edition, Exercise, Rgb};
use crate::text::{FaceId, Span};

const TITLE_SIZE: f32 = 22.0;
const LEADING: f32 = 1.25;
/// The width of a day's column: room for a weekday's short name, and for a box to write
/// a number in.
const DAY_WIDTH: f32 = 36.0;
const DAYS: usize = 7;
const CELL_PADDING: f32 = 4.0;
/// A box to tick: about 5 mm, room for a tick or a cross with a pen.
const TICK: f32 = 14.0;
const TICK_GAP: f32 = 5.0;
/// The most boxes a day holds, one above the other; an exercise done more often a day
/// gets a box to write the count in.
const MOST_TICKS: u32 = 3;
/// A box to write a number in: the pain, or a count.
const NUMBER_BOX: Size = Size {
    width: 26.0,
    height: 20.0,
};
/// A week's table up to this share of a page is kept whole: with its heading it still
/// fits on a fresh page.
const WHOLE_TABLE_SHARE: f32 = 0.9;
/// Between lines to write notes on: about 8.5 mm, as wide-ruled paper has.
const NOTE_LINE: f32 = 24.0;
/// 7.1 mm, as college-ruled paper has: for a page that has no room for
/// [`MIN_NOTE_LINES`] wider apart.
const NARROW_NOTE_LINE: f32 = 20.0;
const MIN_NOTE_LINES: usize = 2;
const NOTES_SPACE: f32 = 12.0;
const GRID_WIDTH: f32 = 0.7;
/// The line to write the recipient's name on.
const NAME_LINE: f32 = 180.0;
/// The most of the column the recipient's note takes at the right of the instructions.
const NOTE_SHARE: f32 = 0.45;
/// Between the instructions and the note's box at their right.
const NOTE_GUTTER: f32 = 16.0;
/// Above the recipient's note, when it is below the instructions.
const NOTE_SPACE: f32 = 10.0;

/// Lays out a log of `weeks` weeks (1 to [`Edition::MAX_WEEKS`]), two to a page.
pub fn flow(c: &mut Composer, doc: &Document, weeks: u8, heights: Heights) -> Flow {
    let weeks = weeks.clamp(1, Edition::MAX_WEEKS);
    let mut blocks = Vec::new();
    let mut entries = Vec::new();
    opening(c, doc, heights.rest, &mut blocks);
    let start = doc.recipient.as_ref().and_then(|r| r.date);
    for week in 1..=weeks {
        let heading = week_heading(c, week, start);
        let mut block = Block::new(heading.frame, 14.0);
        block.new_page = week > 1 && week % 2 == 1;
        entries.push(Entry {
            block: blocks.len(),
            level: 0,
            title: heading.text,
        });
        blocks.push(block);
        blocks.extend(week_table(c, doc, week, start, heights.rest));
        if week % 2 == 0 || week == weeks {
            blocks.extend(notes(c, room_left(&blocks, heights)));
        }
    }
    let pages = paginate(&blocks, heights).len();
    let aimed = usize::from(weeks).div_ceil(2);
    if pages > aimed {
        c.warnings
            .push(overflow_warning(doc, weeks, pages, aimed).in_file(&doc.source));
    }
    Flow::new(blocks, entries)
}

/// What to say when the log takes more than a page for each two weeks.
fn overflow_warning(doc: &Document, weeks: u8, pages: usize, aimed: usize) -> Diagnostic {
    let noted = doc.recipient.as_ref().is_some_and(|r| r.note.is_some());
    let hint = if noted {
        "shorten the recipient's note (--note, or the roster's note column), which takes the \
         first page's room"
    } else {
        "shorten the exercises' names, or build the log from a handout with fewer exercises"
    };
    Diagnostic::warning(format!(
        "the log edition of {} takes {pages} pages for its {weeks} weeks, not {aimed}: a week \
         runs onto a page of its own",
        doc.stem
    ))
    .hint(hint)
}

/// What a reader needs before the first week: what the form is and whose it is, which
/// handout it goes with, how to fill it in, and the clinician's note.
fn opening(c: &mut Composer, doc: &Document, page_height: f32, blocks: &mut Vec<Block>) {
    let width = c.theme.column_width();
    title_and_name(c, doc, blocks);
    let handout = c.plain(
        &doc.title,
        c.style(FaceId::Regular, c.theme.subtitle_size, c.theme.colors.muted),
    );
    let frame = c.element(Role::P, |c| c.text_frame(&handout, width, 1.3));
    blocks.push(Block::new(frame, 2.0).keep_with_previous());
    instructions(c, doc, page_height, blocks);
}

/// How to fill the log in, and the session time; then the recipient's note, in the box
/// the sheet prints it in. The box goes at the right of the instructions, in a column
/// narrowed for it, unless that is taller than the box under them: the first page has
/// little room to spare for its second week and the lines for notes, and beside the
/// instructions' short lines is room otherwise left empty.
fn instructions(c: &mut Composer, doc: &Document, page_height: f32, blocks: &mut Vec<Block>) {
    let width = c.theme.column_width();
    let full = how_to(c, doc, width);
    let recipient = doc.recipient.as_ref();
    let Some(note) = recipient.and_then(|r| r.note.as_deref()) else {
        blocks.push(Block::new(full, 8.0).keep_with_previous());
        return;
    };
    let clinician = recipient.and_then(|r| r.clinician.as_deref());
    // Both are composed, and one is placed: the other's elements, drawn nowhere, are
    // left out of the structure tree.
    let mut below = note_box(c, note, clinician, width, page_height);
    let below_height: f32 = below.iter().map(|block| block.frame.height).sum();
    let beside = beside_note(c, doc, note, clinician, page_height)
        .filter(|beside| beside.height <= full.height + NOTE_SPACE + below_height);
    if let Some(beside) = beside {
        blocks.push(Block::new(beside, 8.0).keep_with_previous());
        return;
    }
    blocks.push(Block::new(full, 8.0).keep_with_previous());
    below[0].space_before = NOTE_SPACE;
    blocks.extend(below);
}

/// The instructions with the recipient's note in its box at their right; `None` when
/// the box would go on over a page.
fn beside_note(
    c: &mut Composer,
    doc: &Document,
    note: &str,
    clinician: Option<&str>,
    page_height: f32,
) -> Option<Frame> {
    let width = c.theme.column_width();
    let box_width = note_width(c, note, clinician).min(width * NOTE_SHARE);
    let mut frame = how_to(c, doc, width - box_width - NOTE_GUTTER);
    let mut boxed = note_box(c, note, clinician, box_width, page_height);
    let note = boxed.pop().filter(|_| boxed.is_empty())?;
    frame.height = frame.height.max(note.frame.height);
    frame.push_frame(Point::new(width - box_width, 0.0), note.frame);
    Some(frame)
}

/// How to fill the log in, in lines of even length (no word left alone beside the note),
/// with the session time below, in a column `width` wide.
fn how_to(c: &mut Composer, doc: &Document, width: f32) -> Frame {
    let how = c.plain(&c.words.text("log-how-to"), c.body());
    let lines = c.balanced_lines(&how, width);
    let leading = c.theme.leading;
    let mut frame = c.element(Role::P, |c| stack(c.line_frames(&lines, leading), 0.0));
    if let Some(session) = session_time(c, doc, width) {
        frame.append(4.0, session);
    }
    frame
}

/// The log's title, and "Name:" with the recipient's name or a line to write it on: at
/// the right of the title when both fit on one line, else below it.
fn title_and_name(c: &mut Composer, doc: &Document, blocks: &mut Vec<Block>) {
    let width = c.theme.column_width();
    let ink = c.theme.colors.text;
    let title = c.plain(
        &c.words.text("log-title"),
        c.style(FaceId::Bold, TITLE_SIZE, c.theme.colors.heading),
    );
    let name = doc.recipient.as_ref().and_then(|r| r.name.as_deref());
    let field = name_field(c, name);
    let label_width = c.natural_width(&field);
    let field_width = label_width + if name.is_some() { 0.0 } else { NAME_LINE };
    let beside = c.natural_width(&title) + 24.0 + field_width <= width;
    let mut frame = c.element(Role::H1, |c| c.text_frame(&title, width, 1.18));
    let field = c.element(Role::P, |c| {
        let mut frame = c.text_frame(&field, width, 1.3);
        if name.is_none() {
            frame.fill(
                Point::new(label_width + 4.0, frame.height - 4.0),
                Size::new(NAME_LINE - 4.0, GRID_WIDTH),
                ink,
            );
        }
        frame
    });
    if beside {
        // On the title's baseline, drawn after the title as it is read after it.
        let top = last_baseline(&frame) - last_baseline(&field);
        frame.push_frame(Point::new(width - field_width, top), field);
        blocks.push(Block::new(frame, 0.0));
    } else {
        blocks.push(Block::new(frame, 0.0));
        blocks.push(Block::new(field, 6.0).keep_with_previous());
    }
}

/// The baseline of the last text in `frame`.
fn last_baseline(frame: &Frame) -> f32 {
    frame
        .items
        .iter()
        .rev()
        .find(|placed| matches!(placed.item, Item::Text(_)))
        .map_or(frame.height, |placed| placed.at.y)
}

/// "Name:" and the recipient's name, or "Name:" alone to write it after.
fn name_field(c: &Composer, name: Option<&str>) -> Vec<Span> {
    let size = c.theme.body_size;
    let text = c.theme.colors.text;
    let mut spans = c.plain(&c.words.text("log-name"), c.style(FaceId::Bold, size, text));
    if let Some(name) = name {
        spans.extend(c.plain(&format!(" {name}"), c.style(FaceId::Regular, size, text)));
    }
    spans
}

/// A week's heading, and its text for the outline.
struct Heading {
    frame: Frame,
    text: String,
}

/// "Week 1", with its first and last dates when the log is dated.
fn week_heading(c: &mut Composer, week: u8, start: Option<Date>) -> Heading {
    let text = match start {
        Some(start) => {
            let first = calendar::days_after(start, i64::from(week - 1) * 7);
            let last = calendar::days_after(first, 6);
            c.words.format(
                "log-week-dates",
                &[
                    ("week", week.into()),
                    ("first", c.words.date(first).into()),
                    ("last", c.words.date(last).into()),
                ],
            )
        }
        None => c.words.format("log-week", &[("week", week.into())]),
    };
    let style = c.style(FaceId::Bold, c.theme.h3_size, c.theme.colors.heading);
    let spans = c.plain(&text, style);
    let width = c.theme.column_width();
    let frame = c.element(Role::H2, |c| c.text_frame(&spans, width, LEADING));
    Heading { frame, text }
}

/// The columns of a week's table: the row headers, then the days.
struct Columns {
    /// The row headers' column: what is left of the width beside the days.
    first: f32,
    /// The whole table's.
    width: f32,
}

impl Columns {
    fn of(c: &Composer) -> Columns {
        let width = c.theme.column_width();
        Columns {
            first: width - DAY_WIDTH * DAYS as f32,
            width,
        }
    }

    /// Where day `day` (from 0) starts.
    fn day(&self, day: usize) -> f32 {
        self.first + DAY_WIDTH * day as f32
    }
}

/// The colours of the grid, all readable in grey: boxes dark enough for a pen to find
/// them, lines lighter, rows told apart by a light tint.
struct Ink {
    boxes: Rgb,
    grid: Rgb,
    header_fill: Rgb,
    stripe: Rgb,
}

impl Ink {
    fn of(colors: &Palette) -> Ink {
        Ink {
            boxes: colors.text,
            grid: Rgb(0x76, 0x76, 0x76),
            header_fill: colors.summary_fill,
            stripe: Rgb(0xF1, 0xF1, 0xF1),
        }
    }
}

/// A week's table as blocks of one row each: kept whole on a page, with its heading, when
/// it fits on one; else going on over a page, its header row repeated above the rest.
fn week_table(
    c: &mut Composer,
    doc: &Document,
    week: u8,
    start: Option<Date>,
    page_height: f32,
) -> Vec<Block> {
    let columns = Columns::of(c);
    let ink = Ink::of(&c.theme.colors);
    c.element(Role::Table, |c| {
        let header = header_row(c, &columns, &ink, week, start);
        let continuation = header.clone().as_artifact(Artifact::Header);
        let mut blocks = vec![Block::new(header, 6.0).keep_with_previous()];
        for (i, exercise) in doc.exercises.iter().enumerate() {
            let row = exercise_row(c, &columns, &ink, exercise, i + 1, i % 2 == 1);
            let mut block = Block::new(row, 0.0);
            // The first row stays with the header, and the last with the pain row.
            block.break_before = i > 0;
            block.continuation = Some(continuation.clone());
            blocks.push(block);
        }
        let pain = pain_row(c, &columns, &ink);
        let mut block = Block::new(pain, 0.0).keep_with_previous();
        block.continuation = Some(continuation);
        blocks.push(block);
        let height: f32 = blocks.iter().map(|b| b.space_before + b.frame.height).sum();
        if height < page_height * WHOLE_TABLE_SHARE {
            blocks = blocks.into_iter().map(Block::keep_with_previous).collect();
        }
        blocks
    })
}

/// The row naming the days: the weekday and the day of the month, or the day's
/// number and a line to write its date on.
fn header_row(
    c: &mut Composer,
    columns: &Columns,
    ink: &Ink,
    week: u8,
    start: Option<Date>,
) -> Frame {
    c.element(Role::TableRow, |c| {
        let bold = c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.text);
        let inner = columns.first - 2.0 * CELL_PADDING;
        let corner = c.plain(&c.words.text("log-exercise"), bold);
        let corner = c.element(
            Role::TableHeader {
                scope: Scope::Column,
            },
            |c| c.text_frame(&corner, inner, LEADING),
        );
        let mut cells = vec![(0.0, corner)];
        for day in 0..DAYS {
            let index = i64::from(week - 1) * DAYS as i64 + day as i64;
            let date = start.map(|start| calendar::days_after(start, index));
            let cell = c.element(
                Role::TableHeader {
                    scope: Scope::Column,
                },
                |c| day_header(c, ink, date, index + 1),
            );
            cells.push((columns.day(day), cell));
        }
        row(columns, ink, Some(ink.header_fill), true, cells)
    })
}

/// A day's column header, centred: its short weekday name over its day of the month, or
/// without a `date` its `number` in the log over a line to write the date on.
fn day_header(c: &mut Composer, ink: &Ink, date: Option<Date>, number: i64) -> Frame {
    let size = c.theme.small_size;
    let bold = c.style(FaceId::Bold, size, c.theme.colors.text);
    let inner = DAY_WIDTH - 2.0 * CELL_PADDING;
    let Some(date) = date else {
        let mut frame = centred(c, &c.plain(&number.to_string(), bold), inner);
        frame.height += size * LEADING;
        frame.fill(
            Point::new(2.0, frame.height - 2.0),
            Size::new(inner - 4.0, GRID_WIDTH),
            ink.grid,
        );
        return frame;
    };
    let weekday = c
        .words
        .format("weekday-short", &[("day", calendar::weekday(date).into())]);
    let regular = c.style(FaceId::Regular, size, c.theme.colors.text);
    let mut frame = centred(c, &c.plain(&weekday, bold), inner);
    frame.append(
        0.0,
        centred(c, &c.plain(&date.day.to_string(), regular), inner),
    );
    frame
}

/// `spans` broken between words into lines of `width`, each centred.
fn centred(c: &mut Composer, spans: &[Span], width: f32) -> Frame {
    let lines = c.whole_word_lines(spans, width);
    let frames = c.line_frames(&lines, LEADING);
    let mut frame = Frame::default();
    for (line, line_frame) in lines.iter().zip(frames) {
        let top = frame.height;
        frame.height += line_frame.height;
        frame.push_frame(
            Point::new(((width - line.width) / 2.0).max(0.0), top),
            line_frame,
        );
    }
    frame
}

/// How a day's doing of an exercise is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tally {
    /// A box to tick for each time a day.
    Ticks(u32),
    /// More times a day than boxes fit: a box to write how many.
    Count,
}

impl Tally {
    fn of(dosage: &Dosage) -> Tally {
        match dosage.times_per_day.unwrap_or(1) {
            times if times > MOST_TICKS => Tally::Count,
            times => Tally::Ticks(times.max(1)),
        }
    }
}

/// An exercise's row: its number, name and dosage, then each day's boxes.
fn exercise_row(
    c: &mut Composer,
    columns: &Columns,
    ink: &Ink,
    exercise: &Exercise,
    number: usize,
    striped: bool,
) -> Frame {
    c.element(Role::TableRow, |c| {
        let inner = columns.first - 2.0 * CELL_PADDING;
        let text = c.theme.colors.text;
        let name_style = c.style(FaceId::Bold, c.theme.small_size, text);
        let dosage_style = c.style(FaceId::Regular, c.theme.small_size, text);
        // The log records how much and how often; how each repetition goes (a hold, the
        // rest between sets) is the handout's to say.
        let dosage = Dosage {
            hold_seconds: None,
            rest_seconds: None,
            ..exercise.dosage
        };
        // The name and the dosage run on as one text, to keep the row low, broken only
        // between its parts ("3 days a week" stays whole), a broken line ending with the
        // dot that says the list goes on.
        let mut items = vec![c.plain(&format!("{number}. {}", exercise.name), name_style)];
        for part in c.words.dosage(&dosage) {
            items.push(c.plain(&part, dosage_style));
        }
        let separator = c.plain(" · ", dosage_style);
        let lines = c.separated_lines(&items, &separator, inner);
        let header = c.element(Role::TableHeader { scope: Scope::Row }, |c| {
            stack(c.line_frames(&lines, LEADING), 0.0)
        });
        let mut cells = vec![(0.0, header)];
        let tally = Tally::of(&exercise.dosage);
        for day in 0..DAYS {
            let cell = c.element(Role::TableCell, |c| boxes(c, ink, tally));
            cells.push((columns.day(day), cell));
        }
        row(columns, ink, striped.then_some(ink.stripe), false, cells)
    })
}

/// The row for the day's pain, a box a day to write it in.
fn pain_row(c: &mut Composer, columns: &Columns, ink: &Ink) -> Frame {
    c.element(Role::TableRow, |c| {
        let inner = columns.first - 2.0 * CELL_PADDING;
        let style = c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.text);
        let label = c.plain(&c.words.text("log-pain"), style);
        let header = c.element(Role::TableHeader { scope: Scope::Row }, |c| {
            c.text_frame(&label, inner, LEADING)
        });
        let mut cells = vec![(0.0, header)];
        for day in 0..DAYS {
            let cell = c.element(Role::TableCell, |c| boxes(c, ink, Tally::Count));
            cells.push((columns.day(day), cell));
        }
        row(columns, ink, Some(ink.header_fill), false, cells)
    })
}

/// The boxes of a day's cell, one above the other, as the content of the cell open now.
///
/// A cell with a box to fill in holds no text, and the structure tree leaves out an
/// element with nothing drawn, so a row would lose its empty cells and its others would
/// be read under the wrong day. The box is what the cell holds for a sighted reader, so
/// it is the cell's content (read as an empty cell), not decoration.
fn boxes(c: &mut Composer, ink: &Ink, tally: Tally) -> Frame {
    let (count, size) = match tally {
        Tally::Ticks(count) => (count, Size::new(TICK, TICK)),
        Tally::Count => (1, NUMBER_BOX),
    };
    let inner = DAY_WIDTH - 2.0 * CELL_PADDING;
    let mark = c.mark();
    let mut frame = Frame::default();
    for i in 0..count {
        let x = (inner - size.width) / 2.0;
        let y = i as f32 * (size.height + TICK_GAP);
        let shape = Shape {
            size,
            fill: Some(Rgb::WHITE),
            stroke: Some((ink.boxes, 1.0)),
            radius: 2.0,
        };
        frame.push(Point::new(x, y), Item::Shape(shape), mark);
        frame.height = y + size.height;
    }
    frame
}

/// A table row of `cells` (each at its column's left, drawn inside its padding), as tall
/// as its tallest cell, each cell centred in its height; over `fill`, between the grid's
/// lines. The header row draws the table's top line too.
fn row(
    columns: &Columns,
    ink: &Ink,
    fill: Option<Rgb>,
    top_line: bool,
    cells: Vec<(f32, Frame)>,
) -> Frame {
    let tallest = cells
        .iter()
        .map(|(_, cell)| cell.height)
        .fold(0.0, f32::max);
    let height = tallest + 2.0 * CELL_PADDING;
    let mut frame = Frame::new(height);
    if let Some(fill) = fill {
        frame.fill(Point::new(0.0, 0.0), Size::new(columns.width, height), fill);
    }
    for (x, cell) in cells {
        let top = (height - cell.height) / 2.0;
        // Text in the row-header column starts at the top; boxes are centred.
        let top = if x == 0.0 { CELL_PADDING } else { top };
        frame.push_frame(Point::new(x + CELL_PADDING, top), cell);
    }
    let half = GRID_WIDTH / 2.0;
    if top_line {
        frame.fill(
            Point::new(0.0, -half),
            Size::new(columns.width, GRID_WIDTH),
            ink.grid,
        );
    }
    frame.fill(
        Point::new(0.0, height - half),
        Size::new(columns.width, GRID_WIDTH),
        ink.grid,
    );
    for x in std::iter::once(0.0)
        .chain((0..DAYS).map(|day| columns.day(day)))
        .chain(std::iter::once(columns.width))
    {
        frame.fill(
            Point::new(x - half, 0.0),
            Size::new(GRID_WIDTH, height),
            ink.grid,
        );
    }
    frame
}

/// "Notes" on the first of the lines to write on, as many as `room` holds: ruled wide
/// when that leaves [`MIN_NOTE_LINES`], else narrower; none when not even one fits.
fn notes(c: &mut Composer, room: f32) -> Option<Block> {
    let fitting = |pitch: f32| ((room - NOTES_SPACE - GRID_WIDTH) / pitch).floor().max(0.0);
    let pitch = if fitting(NOTE_LINE) >= MIN_NOTE_LINES as f32 {
        NOTE_LINE
    } else {
        NARROW_NOTE_LINE
    };
    let lines = fitting(pitch);
    if lines < 1.0 {
        return None;
    }
    let width = c.theme.column_width();
    let style = c.style(FaceId::Bold, c.theme.h3_size, c.theme.colors.heading);
    let spans = c.plain(&c.words.text("log-notes"), style);
    let label = c.element(Role::H2, |c| c.text_frame(&spans, width, LEADING));
    let label_width = c.natural_width(&spans) + 6.0;
    let mut frame = Frame::new(lines * pitch + GRID_WIDTH);
    // The label sits on the first line, as a form's do.
    let rule = c.theme.colors.muted;
    let above = last_baseline(&label);
    frame.push_frame(Point::new(0.0, pitch - 3.0 - above), label);
    for line in 1..=lines as usize {
        let x = if line == 1 { label_width } else { 0.0 };
        frame.fill(
            Point::new(x, line as f32 * pitch),
            Size::new(width - x, GRID_WIDTH),
            rule,
        );
    }
    Some(Block::new(frame, NOTES_SPACE))
}

/// The height left below the last of `blocks` on its page.
fn room_left(blocks: &[Block], heights: Heights) -> f32 {
    let pages = paginate(blocks, heights);
    let last = pages.len().saturating_sub(1);
    let used = pages
        .last()
        .and_then(|page| page.last())
        .map_or(0.0, |slot| {
            slot.top + blocks[slot.block].frame_in(slot).height
        });
    heights.of(last) - used
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Theme;
    use crate::model::{Brand, Colors, FontFiles, Paper, GRAPHICS_CONTRAST, TEXT_CONTRAST};

    fn colors(primary: Rgb) -> Palette {
        let brand = Brand {
            name: "Clinic".to_string(),
            tagline: None,
            logo: None,
            phone: None,
            email: None,
            website: None,
            website_url: None,
            address: None,
            disclaimer: None,
            colors: Colors {
                primary,
                accent: primary,
            },
            fonts: FontFiles::default(),
        };
        Theme::new(&brand, Paper::A4).colors
    }

    // Contrast is a ratio of luminances, which printing in grey keeps: what passes here
    // passes on a black-and-white printer too.
    #[test]
    fn the_log_reads_in_grey_whatever_the_brand() {
        let primaries = [
            Rgb(0x0F, 0x6E, 0x6E),
            Rgb(0xFF, 0xE0, 0x00),
            Rgb(0xE0, 0x10, 0x10),
            Rgb(0x00, 0x00, 0x00),
        ];
        for primary in primaries {
            let colors = colors(primary);
            let ink = Ink::of(&colors);
            for fill in [Rgb::WHITE, ink.header_fill, ink.stripe] {
                assert!(colors.text.contrast(fill) >= TEXT_CONTRAST, "{primary:?}");
                assert!(ink.boxes.contrast(fill) >= GRAPHICS_CONTRAST, "{primary:?}");
                assert!(ink.grid.contrast(fill) >= GRAPHICS_CONTRAST, "{primary:?}");
            }
        }
    }

    #[test]
    fn a_day_holds_a_box_for_each_time_or_one_for_the_count() {
        let dosage = |times_per_day| Dosage {
            times_per_day,
            ..Dosage::default()
        };
        assert_eq!(Tally::of(&dosage(None)), Tally::Ticks(1));
        assert_eq!(Tally::of(&dosage(Some(2))), Tally::Ticks(2));
        assert_eq!(Tally::of(&dosage(Some(3))), Tally::Ticks(3));
        assert_eq!(Tally::of(&dosage(Some(4))), Tally::Count);
    }
}
