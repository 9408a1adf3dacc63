//! What every page carries: the clinic's header, "Prepared for", and the footer
//! with the disclaimer, the review date and "Page X of Y".

use super::compose::{stack, Composer};
use super::frame::{Frame, Item, Shape};
use super::words;
use crate::content::Document;
use crate::geom::{Point, Size};
use crate::text::{FaceId, Line, Span};

const LOGO_HEIGHT: f32 = 44.0;
const LOGO_GAP: f32 = 10.0;

/// The header drawn at the top of the text column on every page.
pub fn header(c: &mut Composer, doc: &Document) -> Frame {
    let brand = &doc.brand;
    let width = c.theme.column_width();
    let mut frame = Frame::default();
    let mut x = 0.0;
    if let Some(logo) = &brand.logo {
        let aspect = logo.width as f32 / logo.height.max(1) as f32;
        let logo_width = (LOGO_HEIGHT * aspect).min(width / 3.0);
        let logo_height = logo_width / aspect;
        frame.push(
            Point::new(0.0, 0.0),
            Item::Image {
                size: Size::new(logo_width, logo_height),
                picture: logo.clone(),
            },
        );
        frame.height = logo_height;
        x = logo_width + LOGO_GAP;
    }

    let rows = contact_rows(c, doc);
    let contact: Vec<Line> = rows
        .iter()
        .flat_map(|spans| c.whole_word_lines(spans, width / 2.0))
        .collect();
    let contact_width = contact.iter().map(|l| l.width).fold(0.0, f32::max);
    let beside = width - x - contact_width - 12.0;
    let narrow = identity(c, doc, beside);
    let mut y = 0.0;
    if narrow.lines == 1 && contact.len() == rows.len() {
        // Name and tagline on the left, contact lines right-aligned beside them.
        frame.height = frame.height.max(narrow.frame.height);
        frame.push_frame(Point::new(x, 0.0), narrow.frame);
        let frames = c.line_frames(&contact, 1.3);
        for (line, line_frame) in contact.iter().zip(frames) {
            let height = line_frame.height;
            frame.push_frame(Point::new(width - line.width, y), line_frame);
            y += height;
        }
    } else {
        // Text that wraps beside another column reads back interleaved with it, so
        // a long name takes the full width, with the contact details run in below.
        let wide = identity(c, doc, width - x);
        // The dot clings to the item before it, so no line starts with one.
        let separator = c.plain(
            "\u{a0}· ",
            c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.muted),
        );
        let joined: Vec<Span> = rows.join(separator.as_slice());
        let details = c.text_frame(&joined, width - x, 1.3);
        y = wide.frame.height + 3.0;
        frame.push_frame(Point::new(x, 0.0), wide.frame);
        frame.push_frame(Point::new(x, y), details.clone());
        y += details.height;
    }
    frame.height = frame.height.max(y) + 8.0;
    rule(&mut frame, width, 1.5, c.theme.colors.primary);

    if let Some(recipient) = &doc.recipient {
        let muted = c.style(FaceId::Regular, 12.0, c.theme.colors.text);
        let bold = c.style(FaceId::Bold, 12.0, c.theme.colors.text);
        let mut spans = Vec::new();
        if let Some(name) = &recipient.name {
            spans.extend(c.plain("Prepared for ", muted));
            spans.extend(c.plain(name, bold));
        }
        if let Some(clinician) = &recipient.clinician {
            spans.extend(c.plain(if spans.is_empty() { "From " } else { " by " }, muted));
            spans.extend(c.plain(clinician, bold));
        }
        if let Some(date) = recipient.date {
            let sep = if spans.is_empty() { "" } else { " · " };
            spans.extend(c.plain(&format!("{sep}{}", words::date(date)), muted));
        }
        if !spans.is_empty() {
            let line = c.text_frame(&spans, width, 1.3);
            frame.append(6.0, line);
        }
    }
    frame
}

/// The clinic's name and tagline, set in `width`.
struct Identity {
    frame: Frame,
    /// The most lines either of them took.
    lines: usize,
}

fn identity(c: &mut Composer, doc: &Document, width: f32) -> Identity {
    let brand = &doc.brand;
    let name = c.plain(
        &brand.name,
        c.style(FaceId::Bold, 14.0, c.theme.colors.heading),
    );
    let name_lines = c.whole_word_lines(&name, width);
    let mut lines = name_lines.len();
    let mut frame = stack(c.line_frames(&name_lines, 1.25), 0.0);
    if let Some(tagline) = &brand.tagline {
        let spans = c.plain(
            tagline,
            c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.muted),
        );
        let tagline_lines = c.whole_word_lines(&spans, width);
        lines = lines.max(tagline_lines.len());
        frame.append(1.0, stack(c.line_frames(&tagline_lines, 1.3), 0.0));
    }
    Identity { frame, lines }
}

/// Address, phone and email, and the website as a link: one row of spans each.
fn contact_rows(c: &mut Composer, doc: &Document) -> Vec<Vec<Span>> {
    let brand = &doc.brand;
    let style = c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.text);
    let mut rows: Vec<Vec<Span>> = Vec::new();
    if let Some(address) = &brand.address {
        rows.push(c.plain(address, style));
    }
    let reach: Vec<&str> = [brand.phone.as_deref(), brand.email.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !reach.is_empty() {
        rows.push(c.plain(&reach.join(" · "), style));
    }
    if let Some(website) = &brand.website {
        let mut spans = c.plain(
            website,
            c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.heading),
        );
        spans[0].link = Some(link_target(website));
        rows.push(spans);
    }
    rows
}

/// A website as written, made absolute for the link.
fn link_target(website: &str) -> String {
    if website.contains("://") {
        website.to_string()
    } else {
        format!("https://{website}")
    }
}

fn rule(frame: &mut Frame, width: f32, thickness: f32, color: crate::content::Rgb) {
    let y = frame.height;
    frame.rect(
        Point::new(0.0, y),
        Shape {
            size: Size::new(width, thickness),
            fill: Some(color),
            stroke: None,
            radius: 0.0,
        },
    );
    frame.height = y + thickness;
}

/// The footer's fixed part (rule, disclaimer, review line); the page number goes
/// beside its last line of text, which starts at `text_top`.
pub struct Footer {
    pub frame: Frame,
    pub text_top: f32,
}

const NUMBER_ROOM: f32 = 80.0;

pub fn footer(c: &mut Composer, doc: &Document) -> Footer {
    let width = c.theme.column_width();
    let mut frame = Frame::default();
    rule(&mut frame, width, 0.8, c.theme.colors.rule);
    frame.height += 5.0;
    let top = frame.height;
    let text_width = width - NUMBER_ROOM;
    let muted = c.style(FaceId::Regular, c.theme.small_size, c.theme.colors.muted);
    let mut lines = Vec::new();
    if let Some(disclaimer) = &doc.brand.disclaimer {
        for paragraph in &disclaimer.paragraphs {
            let spans = c.spans(paragraph, muted);
            lines.extend(c.whole_word_lines(&spans, text_width));
        }
    }
    let mut about = vec![doc.brand.name.clone()];
    if let Some(reviewed) = doc.reviewed {
        about.push(format!("Reviewed {}", words::date(reviewed)));
    }
    let spans = c.plain(&about.join(" · "), muted);
    lines.extend(c.whole_word_lines(&spans, text_width));
    // The page number sits beside the last line, so whatever wraps above it reads
    // back whole before "Page X of Y".
    let frames = c.line_frames(&lines, 1.3);
    let text_top = top + frames.iter().rev().skip(1).map(|f| f.height).sum::<f32>();
    frame.append(0.0, stack(frames, 0.0));
    Footer { text_top, frame }
}

/// "Page 2 of 3", right-aligned on the footer's last line.
pub fn page_number(c: &mut Composer, footer: &Footer, page: usize, total: usize) -> Frame {
    let width = c.theme.column_width();
    let style = c.style(FaceId::Bold, c.theme.small_size, c.theme.colors.muted);
    let spans = c.plain(&format!("Page {page} of {total}"), style);
    let lines = c.whole_word_lines(&spans, NUMBER_ROOM);
    let mut frame = footer.frame.clone();
    if let Some(line) = lines.first() {
        let frames = c.line_frames(std::slice::from_ref(line), 1.3);
        for line_frame in frames {
            frame.push_frame(Point::new(width - line.width, footer.text_top), line_frame);
        }
    }
    frame
}
