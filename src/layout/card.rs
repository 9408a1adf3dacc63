//! An exercise card: a numbered title band, what it is for, the dosage, pictures
//! side by side, numbered steps, tips and cautions, and a QR code for the video.

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
    let style = BoxStyle {
        fill: c.theme.colors.card_fill,
        border: Some(c.theme.colors.card_border),
        bar: None,
        padding: PADDING,
        radius: RADIUS,
    };
    let inner = style.inner_width(width);
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
    // A card that has to continue on the next page starts with at least its
    // first row of pictures, or its first step.
    let mut breaks = Breaks::lead(parts.len() + 2);
    for (i, row) in pictures(c, &exercise.images, inner).into_iter().enumerate() {
        gap(&mut parts, GAP);
        parts.push(row);
        if i == 0 {
            breaks.lead = parts.len();
        }
    }
    gap(&mut parts, GAP);
    let number_style = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.heading);
    let markers: Vec<Vec<Span>> = (1..=exercise.steps.len())
        .map(|n| c.plain(&format!("{n}."), number_style))
        .collect();
    let indent = c.marker_indent(markers.iter().map(Vec::as_slice), STEP_INDENT);
    c.element(Role::List { numbered: true }, |c| {
        for (i, (step, marker)) in exercise.steps.iter().zip(&markers).enumerate() {
            if i > 0 {
                gap(&mut parts, 4.0);
            }
            let spans = c.spans(step, c.body());
            parts.extend(c.list_item(marker, &spans, inner, indent));
        }
    });
    let tip_color = c.theme.colors.heading;
    let caution_color = c.theme.colors.caution;
    let tips_label = c
        .words
        .format("tips", &[("count", exercise.tips.len().into())]);
    let cautions_label = c.words.text("take-care");
    let tips = List {
        label: &tips_label,
        color: tip_color,
        items: &exercise.tips,
    };
    let cautions = List {
        label: &cautions_label,
        color: caution_color,
        items: &exercise.cautions,
    };
    for list in [tips, cautions] {
        listed(c, &list, inner, &mut parts, &mut breaks);
    }
    if let Some(video) = &exercise.video {
        gap(&mut parts, GAP);
        parts.extend(video_link(c, video, inner));
    }
    let content = BoxContent {
        header: Some(header),
        parts,
        continuation: Some(continuation),
        breaks,
    };
    boxed(content, style, width, page_height)
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
    let pad = 7.0;
    let label = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.text);
    let value = c.style(FaceId::Regular, c.theme.body_size, c.theme.colors.text);
    let mut items: Vec<Vec<Span>> = dosage.iter().map(|part| c.plain(part, value)).collect();
    let how_much = format!("{} ", c.words.text("how-much"));
    items[0].splice(0..0, c.plain(&how_much, label));
    let separator = c.plain(" · ", value);
    let lines = c.separated_lines(&items, &separator, width - 2.0 * pad);
    let text = c.element(Role::P, |c| stack(c.line_frames(&lines, 1.3), 0.0));
    let height = text.height + 2.0 * 4.0;
    let mut frame = Frame::new(height);
    frame.rect(
        Point::new(0.0, 0.0),
        Shape {
            size: Size::new(width, height),
            fill: Some(c.theme.colors.dosage_fill),
            stroke: None,
            radius: 4.0,
        },
    );
    frame.push_frame(Point::new(pad, 4.0), text);
    frame
}

/// The pictures, two side by side with their captions below. A caption longer
/// than a few lines would make a tall, narrow column, so then each picture gets
/// a row of its own with the caption beside it.
fn pictures(c: &mut Composer, figures: &[Figure], width: f32) -> Vec<Frame> {
    let column = ((width - IMAGE_GAP) / 2.0).min(c.theme.max_picture_width);
    let caption_style = c.style(FaceId::Bold, c.theme.caption_size, c.theme.colors.muted);
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
                        let text =
                            c.element(Role::Caption, |c| c.text_frame(&spans, caption_width, 1.3));
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
                let cell = c.element(Role::Div, |c| {
                    let mut cell = picture(c, figure, column);
                    if let Some(caption) = &figure.caption {
                        let spans = c.plain(caption, caption_style);
                        let text = c.element(Role::Caption, |c| c.text_frame(&spans, column, 1.3));
                        cell.append(3.0, text);
                    }
                    cell
                });
                row.height = row.height.max(cell.height);
                row.push_frame(Point::new(i as f32 * (column + IMAGE_GAP), 0.0), cell);
            }
            row
        })
        .collect()
}

/// A picture with a thin frame, at most `width` wide and never taller than 0.9 of that.
fn picture(c: &mut Composer, figure: &Figure, width: f32) -> Frame {
    let picture = &figure.picture;
    let aspect = picture.height as f32 / picture.width.max(1) as f32;
    let max_height = width * 0.9;
    let (w, h) = if width * aspect > max_height {
        (max_height / aspect, max_height)
    } else {
        (width, width * aspect)
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
