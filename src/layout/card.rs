//! An exercise card: a numbered title band, what it is for, the dosage, pictures, numbered
//! steps, tips and cautions, and a QR code for the video.
//!
//! A card is made in several versions, its pictures above the steps or beside them, at
//! full size and smaller, and each is measured. The shortest at full size is drawn, unless
//! a smaller one keeps the card on the page it starts on (see [`Block::shorter`]).

use qrcode::{Color, QrCode};

use super::compose::{boxed, stack, BoxContent, BoxStyle, Breaks, Composer};
use super::frame::{Frame, Item, Shape};
use super::paginate::Block;
use super::structure::{Artifact, Mark, Role};
use crate::diag::Diagnostic;
use crate::geom::{Point, Size};
use crate::model::{Exercise, Figure, Paragraph, Rgb};
use crate::text::{FaceId, Span};

const PADDING: f32 = 16.0;
/// Space between the blocks of a card: purpose, dosage, pictures, steps, tips.
const GAP: f32 = 10.0;
const IMAGE_GAP: f32 = 14.0;
const MAX_CAPTION_LINES: usize = 3;
const STEP_INDENT: f32 = 24.0;
pub const BULLET_INDENT: f32 = 18.0;
const QR_SIZE: f32 = 64.0;
/// Version 6 (41 × 41 modules, about 100 characters): each module still prints
/// about 0.55 mm wide at `QR_SIZE`, which phones read easily.
const MAX_QR_MODULES: usize = 41;
const RADIUS: f32 = 6.0;
/// Space between a band's edges and its text: across, and above and below.
const BAND_PAD_X: f32 = 7.0;
const BAND_PAD_Y: f32 = 4.0;
/// The narrowest a picture is printed: 40 mm, at which a drawn pose still reads at arm's
/// length.
const MIN_PICTURE_WIDTH: f32 = 113.0;
/// A card's pictures are tried at full size, this much of it, and the narrowest.
const SHRINK: f32 = 0.8;
/// The narrowest column of text set beside pictures, in ems of body text: about 30
/// characters a line, below which lines break too often to read well.
const MIN_TEXT_EMS: f32 = 16.0;

/// Where a card's pictures go.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// In a row above the steps.
    Above,
    /// In a column to the right of the steps, the tips and cautions below both.
    BesideSteps,
    /// In a column to the right of the steps, tips, cautions and video link.
    BesideAll,
}

/// One way of laying a card out.
#[derive(Debug, Clone, Copy)]
struct Arrangement {
    place: Place,
    picture_width: f32,
}

pub fn exercise_card(
    c: &mut Composer,
    exercise: &Exercise,
    number: usize,
    page_height: f32,
) -> Vec<Block> {
    c.element(Role::Sect, |c| card(c, exercise, number, page_height))
}

fn card(c: &mut Composer, exercise: &Exercise, number: usize, page_height: f32) -> Vec<Block> {
    let width = c.theme.column_width();
    let style = card_style(c);
    let inner = style.inner_width(width);
    let arrangements = arrangements(c, exercise, inner);
    let contents = c.versions(arrangements.len(), |c, i| {
        content(c, exercise, number, arrangements[i], inner)
    });
    let mut made: Vec<(Arrangement, BoxContent)> = arrangements
        .into_iter()
        .zip(contents)
        .filter_map(|(arrangement, content)| Some((arrangement, content?)))
        .collect();
    // A card taller than a page whatever its arrangement goes on over the next, with its
    // pictures above the steps (a column beside them cannot break) and at full size:
    // smaller ones would not keep it on one page.
    if made
        .iter()
        .all(|(_, content)| content.height(style) > page_height)
    {
        let above = made
            .iter()
            .position(|(arrangement, _)| arrangement.place == Place::Above)
            .expect("every card can have its pictures above");
        let (_, content) = made.swap_remove(above);
        return boxed(content, style, width, page_height);
    }
    // At each picture size the shortest arrangement; then each smaller size that makes the
    // card shorter still, to fall back on where the card does not fit. Versions too tall
    // for any page are no use.
    let mut versions: Vec<BoxContent> = Vec::new();
    let mut made = made.into_iter().peekable();
    while let Some((arrangement, content)) = made.next() {
        let mut best = content;
        while let Some((_, other)) =
            made.next_if(|(next, _)| next.picture_width == arrangement.picture_width)
        {
            if other.height(style) < best.height(style) {
                best = other;
            }
        }
        let height = best.height(style);
        let shorter = versions
            .last()
            .is_none_or(|last| height < last.height(style) - 0.5);
        if height <= page_height && shorter {
            versions.push(best);
        }
    }
    let mut frames = versions
        .into_iter()
        .flat_map(|version| boxed(version, style, width, page_height))
        .map(|block| block.frame);
    let mut block = Block::new(frames.next().expect("a version fits"), 0.0);
    block.shorter = frames.collect();
    vec![block]
}

fn card_style(c: &Composer) -> BoxStyle {
    BoxStyle {
        fill: c.theme.colors.card_fill,
        border: Some(c.theme.colors.card_border),
        bar: None,
        padding: PADDING,
        radius: RADIUS,
    }
}

/// The arrangements worth measuring for `exercise`: its pictures above the steps and,
/// where the text beside them would still be wide enough, beside them; at full size, a
/// little smaller, and the narrowest that reads. Largest pictures first.
fn arrangements(c: &Composer, exercise: &Exercise, inner: f32) -> Vec<Arrangement> {
    if exercise.images.is_empty() {
        return vec![Arrangement {
            place: Place::Above,
            picture_width: 0.0,
        }];
    }
    let full = ((inner - IMAGE_GAP) / 2.0).min(c.theme.max_picture_width);
    let mut widths = vec![full];
    for smaller in [full * SHRINK, MIN_PICTURE_WIDTH] {
        if smaller < widths[widths.len() - 1] - 1.0 && smaller >= MIN_PICTURE_WIDTH {
            widths.push(smaller);
        }
    }
    let min_text = MIN_TEXT_EMS * c.theme.body_size;
    widths
        .into_iter()
        .flat_map(|picture_width| {
            let beside = inner - picture_width - IMAGE_GAP >= min_text;
            [Place::Above, Place::BesideSteps, Place::BesideAll]
                .into_iter()
                .filter(move |&place| place == Place::Above || beside)
                .map(move |place| Arrangement {
                    place,
                    picture_width,
                })
        })
        .collect()
}

/// The card's content laid out as `arrangement` says, in a box `inner` wide inside.
fn content(
    c: &mut Composer,
    exercise: &Exercise,
    number: usize,
    arrangement: Arrangement,
    inner: f32,
) -> BoxContent {
    let width = c.theme.column_width();
    let title = format!("{number}. {}", exercise.name);
    let header = c.element(Role::H3, |c| band(c, &title, width));
    let continued = c
        .words
        .format("continued", &[("title", title.as_str().into())]);
    let continuation = c.artifact(Artifact::Header, |c| band(c, &continued, width));

    let mut parts = Vec::new();
    if let Some(purpose) = &exercise.purpose {
        let (body, leading, gap) = (c.body(), c.theme.leading, c.theme.paragraph_gap);
        parts.extend(c.paragraph_lines(purpose, body, inner, leading, gap));
    }
    if let Some(meta) = setting(c, exercise, inner) {
        gap(&mut parts, GAP / 2.0);
        parts.push(meta);
    }
    let dosage = c.words.dosage(&exercise.dosage);
    if !dosage.is_empty() {
        gap(&mut parts, GAP);
        parts.push(dosage_pill(c, &dosage, inner));
    }
    if let Some(note) = &exercise.note {
        gap(&mut parts, GAP);
        parts.push(note_frame(c, note, inner));
    }
    // A card that has to continue on the next page starts with at least its
    // first row of pictures, or its first step.
    let mut breaks = Breaks::lead(parts.len() + 2);
    let picture_width = arrangement.picture_width;
    match arrangement.place {
        Place::Above => {
            for (i, row) in picture_rows(c, &exercise.images, picture_width, inner)
                .into_iter()
                .enumerate()
            {
                gap(&mut parts, GAP);
                parts.push(row);
                if i == 0 {
                    breaks.lead = parts.len();
                }
            }
            gap(&mut parts, GAP);
            parts.extend(steps(c, exercise, inner));
            lists(c, exercise, inner, &mut parts, &mut breaks);
            video(c, exercise, inner, &mut parts);
        }
        Place::BesideSteps | Place::BesideAll => {
            let pictures = picture_column(c, &exercise.images, picture_width);
            let text_width = inner - picture_width - IMAGE_GAP;
            let mut text = steps(c, exercise, text_width);
            let mut after = Vec::new();
            let (rest, rest_width) = if arrangement.place == Place::BesideAll {
                (&mut text, text_width)
            } else {
                (&mut after, inner)
            };
            lists(c, exercise, rest_width, rest, &mut Breaks::default());
            video(c, exercise, rest_width, rest);
            gap(&mut parts, GAP);
            let mut row = stack(text, 0.0);
            row.height = row.height.max(pictures.height);
            row.push_frame(Point::new(text_width + IMAGE_GAP, 0.0), pictures);
            parts.push(row);
            breaks.lead = parts.len();
            if !after.is_empty() {
                gap(&mut parts, GAP);
                parts.extend(after);
            }
        }
    }
    BoxContent {
        header: Some(header),
        parts,
        continuation: Some(continuation),
        breaks,
    }
}

/// The numbered steps, `width` wide, a frame a line.
fn steps(c: &mut Composer, exercise: &Exercise, width: f32) -> Vec<Frame> {
    let number_style = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.heading);
    let markers: Vec<Vec<Span>> = (1..=exercise.steps.len())
        .map(|n| c.plain(&format!("{n}."), number_style))
        .collect();
    let indent = c.marker_indent(markers.iter().map(Vec::as_slice), STEP_INDENT);
    let mut parts = Vec::new();
    c.element(Role::List { numbered: true }, |c| {
        for (i, (step, marker)) in exercise.steps.iter().zip(&markers).enumerate() {
            if i > 0 {
                parts.push(Frame::new(4.0));
            }
            let spans = c.spans(step, c.body());
            parts.extend(c.list_item(marker, &spans, width, indent));
        }
    });
    parts
}

/// The exercise's cue; the tips and the cautions; then what to do when the exercise
/// feels easy and what to do if it hurts: each pair one below the other, or side by side
/// where that is shorter.
fn lists(
    c: &mut Composer,
    exercise: &Exercise,
    width: f32,
    parts: &mut Vec<Frame>,
    breaks: &mut Breaks,
) {
    if let Some(cue) = &exercise.cue {
        let label = c.words.text("cue-label");
        let color = c.theme.colors.heading;
        gap(parts, GAP);
        parts.extend(labelled(c, &label, color, cue, width));
    }
    let tips_label = c
        .words
        .format("tips", &[("count", exercise.tips.len().into())]);
    let cautions_label = c.words.text("take-care");
    let tips = List {
        label: &tips_label,
        color: c.theme.colors.heading,
        items: &exercise.tips,
    };
    let cautions = List {
        label: &cautions_label,
        color: c.theme.colors.caution,
        items: &exercise.cautions,
    };
    pair(
        c,
        [!tips.items.is_empty(), !cautions.items.is_empty()],
        width,
        parts,
        breaks,
        &|c, side, width, parts, breaks| listed(c, [&tips, &cautions][side], width, parts, breaks),
    );
    let easier = c.words.text("when-it-feels-easy");
    let harder = c.words.text("if-it-hurts");
    let guidance = [
        (&easier, c.theme.colors.heading, &exercise.progression),
        (&harder, c.theme.colors.caution, &exercise.regression),
    ];
    pair(
        c,
        guidance.map(|(_, _, text)| text.is_some()),
        width,
        parts,
        breaks,
        &|c, side, width, parts, _| {
            let (label, color, text) = guidance[side];
            if let Some(text) = text {
                gap(parts, GAP);
                parts.extend(labelled(c, label, color, text, width));
            }
        },
    );
}

/// Draws one side of a pair of blocks into a column of the width it is given.
type Side<'a> = dyn Fn(&mut Composer, usize, f32, &mut Vec<Frame>, &mut Breaks) + 'a;

/// Two blocks drawn by `draw` (side 0 and side 1), those `present`: one below the other,
/// or side by side in two columns where both are there, the columns are wide enough,
/// and that is shorter.
fn pair(
    c: &mut Composer,
    present: [bool; 2],
    width: f32,
    parts: &mut Vec<Frame>,
    breaks: &mut Breaks,
    draw: &Side,
) {
    let column = (width - IMAGE_GAP) / 2.0;
    if present != [true, true] || column < MIN_TEXT_EMS * c.theme.body_size {
        for (side, _) in present.iter().enumerate().filter(|(_, &there)| there) {
            draw(c, side, width, parts, breaks);
        }
        return;
    }
    let versions = c.versions(2, |c, side_by_side| {
        if side_by_side == 1 {
            let mut left = Vec::new();
            let mut right = Vec::new();
            draw(c, 0, column, &mut left, &mut Breaks::default());
            draw(c, 1, column, &mut right, &mut Breaks::default());
            let mut row = stack(left, 0.0);
            let right = stack(right, 0.0);
            row.height = row.height.max(right.height);
            row.push_frame(Point::new(column + IMAGE_GAP, 0.0), right);
            (vec![row], Breaks::default())
        } else {
            let mut stacked = Vec::new();
            let mut glued = Breaks::default();
            for side in 0..2 {
                draw(c, side, width, &mut stacked, &mut glued);
            }
            (stacked, glued)
        }
    });
    let height = |version: &Option<(Vec<Frame>, Breaks)>| {
        version.as_ref().map_or(f32::INFINITY, |(frames, _)| {
            frames.iter().map(|f| f.height).sum()
        })
    };
    let [stacked, side_by_side]: [Option<(Vec<Frame>, Breaks)>; 2] =
        versions.try_into().expect("two versions");
    let chosen = if height(&side_by_side) < height(&stacked) {
        side_by_side
    } else {
        stacked
    };
    if let Some((frames, glued)) = chosen {
        gap(parts, GAP);
        let offset = parts.len();
        breaks
            .glued
            .extend(glued.glued.iter().map(|part| part + offset));
        parts.extend(frames);
    }
}

/// "When it feels easy: Hold a bottle of water in each hand." as one paragraph, its
/// label bold in `color`.
fn labelled(c: &mut Composer, label: &str, color: Rgb, text: &Paragraph, width: f32) -> Vec<Frame> {
    let body = c.body();
    let mut spans = c.plain(
        &format!("{label} "),
        c.style(FaceId::Bold, c.theme.body_size, color),
    );
    spans.extend(c.spans(text, body));
    let leading = c.theme.leading;
    c.element(Role::P, |c| {
        let lines = c.lines(&spans, width);
        c.line_frames(&lines, leading)
    })
}

/// The video link, when the exercise has one.
fn video(c: &mut Composer, exercise: &Exercise, width: f32, parts: &mut Vec<Frame>) {
    if let Some(video) = &exercise.video {
        gap(parts, GAP);
        parts.extend(video_link(c, video, width));
    }
}

/// Space before the next block of the card; none before the first.
fn gap(parts: &mut Vec<Frame>, height: f32) {
    if !parts.is_empty() {
        parts.push(Frame::new(height));
    }
}

/// The coloured title band across the top of the card.
fn band(c: &mut Composer, title: &str, width: f32) -> Frame {
    let style = c.style(
        FaceId::Bold,
        c.theme.card_title_size,
        c.theme.colors.on_primary,
    );
    let spans = c.plain(title, style);
    let text = c.text_frame(&spans, width - 2.0 * PADDING, 1.25);
    let height = text.height + 14.0;
    let mut frame = Frame::new(height);
    let fill = Some(c.theme.colors.primary);
    frame.rect(
        Point::new(0.0, 0.0),
        Shape {
            size: Size::new(width, height),
            fill,
            stroke: None,
            radius: RADIUS,
        },
    );
    // Square off the bottom corners, where the band meets the card.
    frame.fill(
        Point::new(0.0, height - RADIUS),
        Size::new(width, RADIUS),
        c.theme.colors.primary,
    );
    frame.push_frame(Point::new(PADDING, 7.0), text);
    frame
}

/// "Position: lying down · You need: mat".
fn setting(c: &mut Composer, exercise: &Exercise, width: f32) -> Option<Frame> {
    let label = c.style(FaceId::Bold, c.theme.caption_size, c.theme.colors.muted);
    let value = c.style(FaceId::Regular, c.theme.caption_size, c.theme.colors.muted);
    let mut items = Vec::new();
    if let Some(position) = exercise.position {
        let mut item = c.plain(&format!("{} ", c.words.text("position")), label);
        item.extend(c.plain(&c.words.position(position), value));
        items.push(item);
    }
    if !exercise.equipment.is_empty() {
        let mut item = c.plain(&format!("{} ", c.words.text("you-need")), label);
        item.extend(c.plain(&exercise.equipment.join(", "), value));
        items.push(item);
    }
    if items.is_empty() {
        return None;
    }
    let separator = c.plain(" · ", value);
    let lines = c.separated_lines(&items, &separator, width);
    Some(c.element(Role::P, |c| stack(c.line_frames(&lines, 1.3), 0.0)))
}

/// "How much: 3 sets × 10 reps · each side · daily", on a tinted band.
fn dosage_pill(c: &mut Composer, dosage: &[String], width: f32) -> Frame {
    let label = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.text);
    let value = c.style(FaceId::Regular, c.theme.body_size, c.theme.colors.text);
    let mut items: Vec<Vec<Span>> = dosage.iter().map(|part| c.plain(part, value)).collect();
    let how_much = format!("{} ", c.words.text("how-much"));
    items[0].splice(0..0, c.plain(&how_much, label));
    let separator = c.plain(" · ", value);
    let lines = c.separated_lines(&items, &separator, width - 2.0 * BAND_PAD_X);
    let text = c.element(Role::P, |c| stack(c.line_frames(&lines, 1.3), 0.0));
    on_band(text, width, c.theme.colors.dosage_fill, None)
}

/// `text`, set `2 × BAND_PAD_X` narrower than `width`, on a rounded band `width` wide.
fn on_band(text: Frame, width: f32, fill: Rgb, stroke: Option<(Rgb, f32)>) -> Frame {
    let height = text.height + 2.0 * BAND_PAD_Y;
    let mut frame = Frame::new(height);
    frame.rect(
        Point::new(0.0, 0.0),
        Shape {
            size: Size::new(width, height),
            fill: Some(fill),
            stroke,
            radius: 4.0,
        },
    );
    frame.push_frame(Point::new(BAND_PAD_X, BAND_PAD_Y), text);
    frame
}

/// The pictures in rows of two, `column` wide each, with their captions below. A caption
/// longer than a few lines would make a tall, narrow column, so then each picture gets a
/// row of its own with the caption beside it.
fn picture_rows(c: &mut Composer, figures: &[Figure], column: f32, width: f32) -> Vec<Frame> {
    let caption_style = caption_style(c);
    let short_captions = figures.iter().all(|figure| {
        figure.caption.as_ref().is_none_or(|caption| {
            let spans = c.plain(caption, caption_style);
            c.whole_word_lines(&spans, column).len() <= MAX_CAPTION_LINES
        })
    });
    // Each picture and its caption are one group, read as the picture's description,
    // then its caption.
    if !short_captions {
        return figures
            .iter()
            .map(|figure| {
                c.element(Role::Div, |c| {
                    let mut row = picture(c, figure, column);
                    if let Some(caption) = &figure.caption {
                        let spans = c.plain(caption, caption_style);
                        let caption_width = width - column - IMAGE_GAP;
                        let leading = 1.3;
                        let text = c.element(Role::Caption, |c| {
                            c.text_frame(&spans, caption_width, leading)
                        });
                        row.height = row.height.max(text.height);
                        row.push_frame(Point::new(column + IMAGE_GAP, 0.0), text);
                    }
                    row
                })
            })
            .collect();
    }
    figures
        .chunks(2)
        .map(|pair| {
            let mut row = Frame::default();
            for (i, figure) in pair.iter().enumerate() {
                let cell = captioned(c, figure, column);
                row.height = row.height.max(cell.height);
                row.push_frame(Point::new(i as f32 * (column + IMAGE_GAP), 0.0), cell);
            }
            row
        })
        .collect()
}

/// The pictures one below the other, `width` wide, each with its caption below.
fn picture_column(c: &mut Composer, figures: &[Figure], width: f32) -> Frame {
    let cells: Vec<Frame> = figures
        .iter()
        .map(|figure| captioned(c, figure, width))
        .collect();
    stack(cells, GAP)
}

/// A picture `width` wide with its caption below, as one group.
fn captioned(c: &mut Composer, figure: &Figure, width: f32) -> Frame {
    let caption_style = caption_style(c);
    c.element(Role::Div, |c| {
        let mut cell = picture(c, figure, width);
        if let Some(caption) = &figure.caption {
            let spans = c.plain(caption, caption_style);
            let leading = 1.3;
            let text = c.element(Role::Caption, |c| c.text_frame(&spans, width, leading));
            cell.append(3.0, text);
        }
        cell
    })
}

fn caption_style(c: &Composer) -> crate::text::TextStyle {
    c.style(FaceId::Bold, c.theme.caption_size, c.theme.colors.muted)
}

/// "Just for you: Left leg only this week", for one recipient, on a white band with
/// the brand's colour around it.
fn note_frame(c: &mut Composer, note: &str, width: f32) -> Frame {
    let label = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.heading);
    let mut spans = c.plain(&format!("{} ", c.words.text("exercise-note")), label);
    spans.extend(c.plain(note, c.body()));
    let leading = c.theme.leading;
    let text = c.element(Role::P, |c| {
        c.text_frame(&spans, width - 2.0 * BAND_PAD_X, leading)
    });
    on_band(text, width, Rgb::WHITE, Some((c.theme.colors.primary, 1.0)))
}

/// A picture with a thin frame, at most `width` wide and never taller than 0.9 of that.
fn picture(c: &mut Composer, figure: &Figure, width: f32) -> Frame {
    framed_picture(c, figure, Size::new(width, width * 0.9))
}

/// A picture as large as fits in `room` at its own proportions, with a thin frame, as the
/// figure element that carries its description.
pub(super) fn framed_picture(c: &mut Composer, figure: &Figure, room: Size) -> Frame {
    let picture = &figure.picture;
    let aspect = picture.height as f32 / picture.width.max(1) as f32;
    let (w, h) = if room.width * aspect > room.height {
        (room.height / aspect, room.height)
    } else {
        (room.width, room.width * aspect)
    };
    let mut frame = Frame::new(h);
    let alt = figure.alt.clone();
    frame.push(
        Point::new(0.0, 0.0),
        Item::Image {
            size: Size::new(w, h),
            picture: picture.clone(),
        },
        Mark::Content(c.add(Role::Figure { alt })),
    );
    frame.rect(
        Point::new(0.0, 0.0),
        Shape {
            size: Size::new(w, h),
            fill: None,
            stroke: Some((c.theme.colors.card_border, 0.6)),
            radius: 0.0,
        },
    );
    frame
}

/// Tips or cautions: a bold label and its items.
struct List<'a> {
    label: &'a str,
    color: Rgb,
    items: &'a [Paragraph],
}

/// A list as a bold label, then the items bulleted; the label stays with the first item.
fn listed(c: &mut Composer, list: &List, width: f32, parts: &mut Vec<Frame>, breaks: &mut Breaks) {
    if list.items.is_empty() {
        return;
    }
    let body = c.body();
    let label = c.plain(
        list.label,
        c.style(FaceId::Bold, c.theme.body_size, list.color),
    );
    gap(parts, GAP);
    breaks.glued.push(parts.len());
    let leading = c.theme.leading;
    parts.push(c.element(Role::P, |c| c.text_frame(&label, width, leading)));
    let marker = c.plain("•", c.style(FaceId::Bold, c.theme.body_size, list.color));
    c.element(Role::List { numbered: false }, |c| {
        for (i, item) in list.items.iter().enumerate() {
            if i > 0 {
                gap(parts, 3.0);
            }
            let spans = c.spans(item, body);
            parts.extend(c.list_item(&marker, &spans, width, BULLET_INDENT));
        }
    });
}

/// A QR code of the video's address, with the address as a link beside it; the
/// link alone, line by line, when the address is too long for a QR code that
/// prints clearly at this size.
fn video_link(c: &mut Composer, url: &str, width: f32) -> Vec<Frame> {
    let code = QrCode::new(url.as_bytes())
        .ok()
        .filter(|code| code.width() <= MAX_QR_MODULES);
    let mut link = c.plain(
        url,
        c.style(FaceId::Regular, c.theme.body_size, c.theme.colors.heading),
    );
    link[0].link = Some(url.to_string());
    // An address breaks only where its parts meet, never at a hyphen of its own.
    link[0].unbreakable = true;
    let leading = c.theme.leading;
    let Some(code) = code else {
        let shown: String = url.chars().take(60).collect();
        c.warnings.push(Diagnostic::warning(format!(
            "the video address {shown}… is too long for a QR code; only the link is printed"
        )));
        let label = c.plain(&c.words.text("video-go-to"), c.body());
        let mut lines = c.whole_word_lines(&label, width).to_vec();
        lines.extend_from_slice(&c.whole_word_lines(&link, width));
        return c.element(Role::P, |c| c.line_frames(&lines, leading));
    };
    let x = QR_SIZE + 12.0;
    let mut frame = Frame::default();
    let modules: Vec<bool> = code.to_colors().iter().map(|&m| m == Color::Dark).collect();
    let alt = c.words.format("qr-code-alt", &[("url", url.into())]);
    frame.push(
        Point::new(0.0, 0.0),
        Item::Qr {
            size: QR_SIZE,
            modules,
            width: code.width(),
            color: c.theme.colors.text,
        },
        Mark::Content(c.add(Role::Figure { alt })),
    );
    let label = c.plain(&c.words.text("video-scan-or-go-to"), c.body());
    let text = c.element(Role::P, |c| {
        let mut text = c.text_frame(&label, width - x, leading);
        text.append(0.0, c.text_frame(&link, width - x, leading));
        text
    });
    frame.height = text.height.max(QR_SIZE);
    frame.push_frame(Point::new(x, 0.0), text);
    vec![frame]
}
