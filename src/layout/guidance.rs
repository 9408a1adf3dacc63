//! What a handout says about doing its exercises: how long a session takes, and the pain
//! rule, how much pain is all right during and after them, as a traffic light printed once
//! per handout before the exercises.
//!
//! Each light is named in words as well as drawn in its colour, so the rule reads the same
//! in greyscale and to a reader who does not tell red from green.

use super::compose::{boxed, BoxContent, BoxStyle, Breaks, Composer};
use super::frame::{Frame, Shape};
use super::paginate::Block;
use super::structure::Role;
use crate::geom::{Point, Size};
use crate::model::{about_minutes, Document, PainRule, Paragraph, Rgb};
use crate::text::{FaceId, Span};

const DOT: f32 = 10.0;
const DOT_GAP: f32 = 6.0;

/// A light: its dot, and the ink its name is printed in (dark enough to read as text).
struct Light {
    name_key: &'static str,
    rule_key: &'static str,
    dot: Rgb,
    ink: Rgb,
}

const LIGHTS: [Light; 3] = [
    Light {
        name_key: "pain-light-green",
        rule_key: "pain-green",
        dot: Rgb(0x2E, 0x9B, 0x3E),
        ink: Rgb(0x1B, 0x5E, 0x20),
    },
    Light {
        name_key: "pain-light-amber",
        rule_key: "pain-amber",
        dot: Rgb(0xE8, 0xA2, 0x00),
        ink: Rgb(0x70, 0x4C, 0x00),
    },
    Light {
        name_key: "pain-light-red",
        rule_key: "pain-red",
        dot: Rgb(0xC8, 0x1E, 0x1E),
        ink: Rgb(0x9C, 0x12, 0x12),
    },
];

/// "About 12 minutes a session", in bold, when any exercise's dosage can be timed.
pub fn session_time(c: &mut Composer, doc: &Document, width: f32) -> Option<Frame> {
    let spans = session_spans(c, doc)?;
    Some(session_line(c, &spans, width))
}

/// The words of [`session_time`] set as its paragraph, once they have been measured.
pub fn session_line(c: &mut Composer, spans: &[Span], width: f32) -> Frame {
    c.element(Role::P, |c| c.text_frame(spans, width, 1.3))
}

/// The words of [`session_time`], to measure before they are set.
pub fn session_spans(c: &Composer, doc: &Document) -> Option<Vec<Span>> {
    let minutes = about_minutes(doc.session_duration()?);
    let text = c
        .words
        .format("session-time", &[("minutes", minutes.into())]);
    let style = c.style(FaceId::Bold, c.theme.body_size, c.theme.colors.text);
    Some(c.plain(&text, style))
}

/// The rule in a box: its title, then a line for each light, its own words where the
/// brand or handout gives them and else the language's.
pub fn pain_rule(c: &mut Composer, rule: &PainRule, page_height: f32) -> Vec<Block> {
    c.element(Role::Sect, |c| {
        let style = BoxStyle {
            fill: Rgb::WHITE,
            border: Some(c.theme.colors.card_border),
            bar: None,
            padding: 11.0,
            radius: 3.0,
        };
        let width = c.theme.column_width();
        let inner = style.inner_width(width);
        let title_style = c.style(FaceId::Bold, c.theme.h3_size, c.theme.colors.heading);
        let title = c.plain(&c.words.text("pain-rule-title"), title_style);
        let mut parts = c.element(Role::H3, |c| {
            let lines = c.whole_word_lines(&title, inner);
            c.line_frames(&lines, 1.3)
        });
        let written = [&rule.green, &rule.amber, &rule.red];
        let names: Vec<_> = LIGHTS
            .iter()
            .map(|light| {
                let style = c.style(FaceId::Bold, c.theme.body_size, light.ink);
                c.plain(&c.words.text(light.name_key), style)
            })
            .collect();
        let indent = c.marker_indent(names.iter().map(Vec::as_slice), 0.0);
        c.element(Role::List { numbered: false }, |c| {
            for ((light, name), own) in LIGHTS.iter().zip(&names).zip(written) {
                let words = own
                    .clone()
                    .unwrap_or_else(|| Paragraph::plain(c.words.text(light.rule_key)));
                let spans = c.spans(&words, c.body());
                let item = c.list_item(name, &spans, inner - DOT - DOT_GAP, indent);
                parts.push(Frame::new(4.0));
                parts.extend(with_dot(item, light.dot));
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

/// The lines of one light's item moved right, its dot drawn beside the first.
fn with_dot(lines: Vec<Frame>, color: Rgb) -> Vec<Frame> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mut moved = Frame::new(line.height);
            if i == 0 {
                let top = ((line.height - DOT) / 2.0).max(0.0);
                moved.rect(
                    Point::new(0.0, top),
                    Shape {
                        size: Size::new(DOT, DOT),
                        fill: Some(color),
                        stroke: None,
                        radius: DOT / 2.0,
                    },
                );
            }
            moved.mid_sentence = line.mid_sentence;
            moved.push_frame(Point::new(DOT + DOT_GAP, 0.0), line);
            moved
        })
        .collect()
}
