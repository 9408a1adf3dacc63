//! What every page carries: the clinic's header, and the footer with "Prepared
//! for", the disclaimer, the review date and "Page X of Y".

use super::compose::{stack, Composer};
use super::frame::{Frame, Item};
use super::structure::{Artifact, Mark, Role};
use crate::geom::{Point, Size};
use crate::model::{Document, Rgb};
use crate::text::{FaceId, Span};

const LOGO_HEIGHT: f32 = 44.0;
const LOGO_GAP: f32 = 10.0;
const COLUMN_GAP: f32 = 16.0;
const LEADING: f32 = 1.3;

/// The header drawn at the top of the text column: the logo, the clinic's name, tagline
/// and address on the left, phone, email and website on the right. It is content, read
/// first, on the first page; where it repeats, an artifact (see [`Frame::as_artifact`]).
pub fn header(c: &mut Composer, doc: &Document) -> Frame {
    c.element(Role::Div, |c| clinic(c, doc))
}

fn clinic(c: &mut Composer, doc: &Document) -> Frame {
    let width = c.theme.column_width();
    let mut frame = Frame::default();
    let x = logo(c, &mut frame, doc, width);
    let left = identity_rows(c, doc);
    let right = contact_rows(c, doc);
    let left_width = widest(c, &left);
    let right_width = widest(c, &right);
    let mut bottom = frame.height;
    if left_width + COLUMN_GAP + right_width <= width - x {
        let left = rows_frame(c, &left, left_width);
        bottom = bottom.max(left.height);
        frame.push_frame(Point::new(x, 0.0), left);
        let mut y = 0.0;
        for row in &right {
            let lines = c.whole_word_lines(row, right_width);
            let frames = c.element(Role::P, |c| c.line_frames(&lines, LEADING));
            for (line, line_frame) in lines.iter().zip(frames) {
                let height = line_frame.height;
                frame.push_frame(Point::new(width - line.width, y), plain_links(line_frame));
                y += height;
            }
        }
        bottom = bottom.max(y);
    } else {
        // Text that wraps beside another column reads back interleaved with it, so
        // a long name takes the full width, with the contact details run in below.
        let mut block = rows_frame(c, &left, width - x);
        let separator = c.plain(
            " · ",
            c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.muted),
        );
        let lines = c.separated_lines(&right, &separator, width - x);
        let contact = c.element(Role::P, |c| stack(c.line_frames(&lines, LEADING), 0.0));
        block.append(0.0, plain_links(contact));
        bottom = bottom.max(block.height);
        frame.push_frame(Point::new(x, 0.0), block);
    }
    frame.height = bottom + 8.0;
    rule(&mut frame, width, 1.5, c.theme.colors.primary);
    frame
}

/// The slim header of every page after the first: the clinic's name, and on the right
/// the name of the person the handout is for, over a thin rule. It repeats what the first
/// page says, so it is an artifact.
pub fn running_header(c: &mut Composer, doc: &Document) -> Frame {
    c.artifact(Artifact::Header, |c| slim(c, doc))
        .as_artifact(Artifact::Header)
}

fn slim(c: &mut Composer, doc: &Document) -> Frame {
    let width = c.theme.column_width();
    let clinic = c.plain(
        &doc.brand.name,
        c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.heading),
    );
    let name = doc
        .recipient
        .as_ref()
        .and_then(|r| r.name.as_deref())
        .map(|name| {
            c.plain(
                name,
                c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.text),
            )
        });
    let name_width = name.as_ref().map_or(0.0, |name| c.natural_width(name));
    let mut frame = Frame::default();
    let clinic_width = if name_width > 0.0 {
        width - name_width - COLUMN_GAP
    } else {
        width
    };
    // A name too long to share the line goes below the clinic's.
    let beside = clinic_width >= width / 3.0;
    let clinic_width = if beside { clinic_width } else { width };
    let clinic = c.text_frame(&clinic, clinic_width, LEADING);
    let clinic_height = clinic.height;
    frame.push_frame(Point::new(0.0, 0.0), clinic);
    frame.height = clinic_height;
    if let Some(name) = name {
        let lines = c.whole_word_lines(&name, width);
        let top = if beside { 0.0 } else { clinic_height };
        let mut y = top;
        for (line, line_frame) in lines.iter().zip(c.line_frames(&lines, LEADING)) {
            let height = line_frame.height;
            frame.push_frame(Point::new(width - line.width, y), line_frame);
            y += height;
        }
        frame.height = frame.height.max(y);
    }
    frame.height += 4.0;
    rule(&mut frame, width, 0.8, c.theme.colors.rule);
    frame
}

/// Contact details are known for what they are: their links go without underlines.
fn plain_links(mut frame: Frame) -> Frame {
    frame
        .items
        .retain(|placed| !matches!(placed.item, Item::Shape(_)));
    frame
}

/// Draws the logo at the top left, its aspect kept; returns where the text starts.
fn logo(c: &mut Composer, frame: &mut Frame, doc: &Document, width: f32) -> f32 {
    let Some(logo) = &doc.brand.logo else {
        return 0.0;
    };
    let aspect = logo.width as f32 / logo.height.max(1) as f32;
    let logo_width = (LOGO_HEIGHT * aspect).min(width / 3.0);
    let logo_height = logo_width / aspect;
    let alt = c
        .words
        .format("logo-alt", &[("clinic", doc.brand.name.as_str().into())]);
    frame.push(
        Point::new(0.0, 0.0),
        Item::Image {
            size: Size::new(logo_width, logo_height),
            picture: logo.clone(),
        },
        Mark::Content(c.add(Role::Figure { alt })),
    );
    frame.height = logo_height;
    logo_width + LOGO_GAP
}

/// The clinic's name, tagline and address: one row of spans each.
fn identity_rows(c: &Composer, doc: &Document) -> Vec<Vec<Span>> {
    let brand = &doc.brand;
    let muted = c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.muted);
    let mut rows = vec![c.plain(
        &brand.name,
        c.style(FaceId::Bold, c.theme.brand_size, c.theme.colors.heading),
    )];
    for detail in [&brand.tagline, &brand.address].into_iter().flatten() {
        rows.push(c.plain(detail, muted));
    }
    rows
}

/// Phone, email and the website, each a link: one row of spans each, none broken
/// across lines where it can be helped.
fn contact_rows(c: &Composer, doc: &Document) -> Vec<Vec<Span>> {
    let brand = &doc.brand;
    let style = c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.text);
    let phone = brand.phone.as_ref().map(|phone| (phone, phone_uri(phone)));
    let email = brand
        .email
        .as_ref()
        .map(|email| (email, Some(format!("mailto:{}", email.trim()))));
    let mut rows: Vec<Vec<Span>> = [phone, email]
        .into_iter()
        .flatten()
        .map(|(detail, uri)| {
            let mut spans = c.unbroken(detail, style);
            spans[0].link = uri;
            spans
        })
        .collect();
    if let Some(website) = &brand.website {
        let mut spans = c.unbroken(
            website,
            c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.heading),
        );
        spans[0].link = brand.website_url.clone();
        rows.push(spans);
    }
    rows
}

/// The width of the widest row set on one line.
fn widest(c: &mut Composer, rows: &[Vec<Span>]) -> f32 {
    rows.iter()
        .map(|row| c.natural_width(row))
        .fold(0.0, f32::max)
}

/// A `tel:` address for a phone number as written: its digits, and a leading `+`. `None`
/// when it has too few digits to dial.
fn phone_uri(phone: &str) -> Option<String> {
    let international = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 3).then(|| format!("tel:{}{digits}", if international { "+" } else { "" }))
}

/// Rows one below the other, each a paragraph.
fn rows_frame(c: &mut Composer, rows: &[Vec<Span>], width: f32) -> Frame {
    let frames: Vec<Frame> = rows
        .iter()
        .map(|row| c.element(Role::P, |c| c.text_frame(row, width, LEADING)))
        .collect();
    stack(frames, 0.0)
}

fn rule(frame: &mut Frame, width: f32, thickness: f32, color: Rgb) {
    let y = frame.height;
    frame.fill(Point::new(0.0, y), Size::new(width, thickness), color);
    frame.height = y + thickness;
}

/// The footer's fixed part; the page number goes at the right of the line that
/// starts at `number_top`.
pub struct Footer {
    pub frame: Frame,
    pub number_top: f32,
}

/// The disclaimer, then "Prepared for …" and the review date on the line with the
/// page number. When they do not fit there, "Prepared for …" comes first and the
/// review date ends the disclaimer. The footer repeats on every page, so it is an
/// artifact.
pub fn footer(c: &mut Composer, doc: &Document) -> Footer {
    let footer = c.artifact(Artifact::Footer, |c| footer_lines(c, doc));
    Footer {
        // Its rule too.
        frame: footer.frame.as_artifact(Artifact::Footer),
        ..footer
    }
}

fn footer_lines(c: &mut Composer, doc: &Document) -> Footer {
    let width = c.theme.column_width();
    // Room for the widest page number a handout will need, and a gap before it.
    let number_style = c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.muted);
    let number = c.plain(&c.words.page_of(999, 999), number_style);
    let number_room = c.natural_width(&number) + 12.0;
    let mut frame = Frame::default();
    rule(&mut frame, width, 0.8, c.theme.colors.rule);
    frame.height += 5.0;
    let muted = c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.muted);
    let mut disclaimer = Vec::new();
    if let Some(text) = &doc.brand.disclaimer {
        for paragraph in &text.paragraphs {
            if !disclaimer.is_empty() {
                disclaimer.extend(c.plain(" ", muted));
            }
            disclaimer.extend(c.spans(paragraph, muted));
        }
    }
    let reviewed = doc.reviewed.map(|date| c.words.reviewed(date));
    let prepared = prepared_for(c, doc);
    let mut last = Vec::new();
    last.extend(prepared.clone());
    last.extend(reviewed.as_ref().map(|reviewed| c.plain(reviewed, muted)));
    let separator = c.plain(" · ", muted);
    let last_lines = c.separated_lines(&last, &separator, width - number_room);
    let mut lines = Vec::new();
    if last_lines.len() <= 1 {
        lines.extend_from_slice(&c.whole_word_lines(&disclaimer, width));
        lines.extend_from_slice(&last_lines);
    } else {
        if let Some(prepared) = &prepared {
            lines.extend_from_slice(&c.whole_word_lines(prepared, width));
        }
        if let Some(reviewed) = &reviewed {
            if !disclaimer.is_empty() {
                disclaimer.extend(c.plain(" ", muted));
            }
            // The date reads as one: never "23 / November".
            disclaimer.extend(c.unbroken(&format!("{reviewed}."), muted));
        }
        lines.extend_from_slice(&c.whole_word_lines(&disclaimer, width));
    }
    if lines.is_empty() {
        let name = c.plain(&doc.brand.name, muted);
        lines.extend_from_slice(&c.whole_word_lines(&name, width - number_room));
    }
    // The page number comes after all the footer's text: beside the last line when
    // it leaves room, else on a line of its own.
    let frames = c.line_frames(&lines, LEADING);
    let room = lines
        .last()
        .is_some_and(|line| line.width <= width - number_room);
    let before: f32 = frames.iter().map(|f| f.height).sum();
    let last_height = frames.last().map_or(0.0, |f| f.height);
    let number_top = frame.height + if room { before - last_height } else { before };
    frame.append(0.0, stack(frames, 0.0));
    frame.height = frame
        .height
        .max(number_top + c.theme.small_size * LEADING.max(c.theme.min_leading));
    Footer { frame, number_top }
}

/// "Prepared for NAME by CLINICIAN on DATE", from the command line's details.
fn prepared_for(c: &Composer, doc: &Document) -> Option<Vec<Span>> {
    let pieces = c.words.prepared(doc.recipient.as_ref()?)?;
    let muted = c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.text);
    let strong = c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.text);
    let spans = pieces
        .iter()
        .flat_map(|piece| c.plain(&piece.text, if piece.is_name { strong } else { muted }))
        .collect();
    Some(spans)
}

/// "Page 2 of 3", at the right of the footer (placed as the footer is), on one line
/// whatever its length.
pub fn page_number(c: &mut Composer, footer: &Footer, page: usize, total: usize) -> Frame {
    c.artifact(Artifact::Footer, |c| number(c, footer, page, total))
}

fn number(c: &mut Composer, footer: &Footer, page: usize, total: usize) -> Frame {
    let width = c.theme.column_width();
    let style = c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.muted);
    let spans = c.plain(&c.words.page_of(page, total), style);
    let lines = c.whole_word_lines(&spans, f32::INFINITY);
    let mut frame = Frame::new(footer.frame.height);
    for (line, line_frame) in lines.iter().zip(c.line_frames(&lines, LEADING)) {
        frame.push_frame(
            Point::new(width - line.width, footer.number_top),
            line_frame,
        );
    }
    frame
}
