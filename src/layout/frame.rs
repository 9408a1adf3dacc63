//! The display list: what goes where on a page, and what each item is to a reader.
//! Layout builds it, render draws it.

use std::sync::Arc;

use super::structure::{Artifact, Mark};
use crate::geom::{Point, Size};
use crate::model::{Picture, Rgb};
use crate::text::{Line, PlacedGlyph, TextStyle};

/// Something drawn at a position. For text the position is the start of the
/// baseline; for everything else it is the top left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub at: Point,
    pub item: Item,
    pub mark: Mark,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Shape(Shape),
    Image {
        size: Size,
        picture: Arc<Picture>,
    },
    /// A clickable area that opens `uri`.
    Link {
        size: Size,
        uri: String,
    },
    /// A QR code: `modules` is a square of dark (true) and light cells, row by row.
    Qr {
        size: f32,
        modules: Vec<bool>,
        width: usize,
        color: Rgb,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub style: TextStyle,
    pub glyphs: Arc<[PlacedGlyph]>,
}

impl TextRun {
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
}

/// A rectangle, optionally rounded, filled and/or stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub size: Size,
    pub fill: Option<Rgb>,
    pub stroke: Option<(Rgb, f32)>,
    pub radius: f32,
}

impl Shape {
    /// A plain filled rectangle.
    pub fn filled(size: Size, color: Rgb) -> Shape {
        Shape {
            size,
            fill: Some(color),
            stroke: None,
            radius: 0.0,
        }
    }
}

/// A laid-out piece of content with a known height, positioned from its own top left.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    pub height: f32,
    pub items: Vec<Placed>,
    /// The frame ends inside a sentence, so a page should not end after it: a
    /// sentence read across a page break is broken by the footer and header.
    pub mid_sentence: bool,
}

impl Frame {
    pub fn new(height: f32) -> Frame {
        Frame {
            height,
            ..Frame::default()
        }
    }

    pub fn push(&mut self, at: Point, item: Item, mark: Mark) {
        self.items.push(Placed { at, item, mark });
    }

    /// Places `other` with its top left at `at`.
    pub fn push_frame(&mut self, at: Point, other: Frame) {
        self.items
            .extend(other.items.into_iter().map(|placed| Placed {
                at: placed.at.offset(at),
                ..placed
            }));
    }

    /// The frame as an artifact of `kind`, for what repeats (a running header, a box's
    /// heading where the box goes on): read once where it first appears, not again. Its
    /// links are left out, as a link is always content.
    pub fn as_artifact(mut self, kind: Artifact) -> Frame {
        self.items
            .retain(|placed| !matches!(placed.item, Item::Link { .. }));
        for placed in &mut self.items {
            placed.mark = Mark::Artifact(kind);
        }
        self
    }

    /// Puts `other` below everything so far, `gap` lower, and grows to hold it.
    pub fn append(&mut self, gap: f32, other: Frame) {
        let top = if self.items.is_empty() && self.height == 0.0 {
            0.0
        } else {
            self.height + gap
        };
        self.height = top + other.height;
        self.mid_sentence = other.mid_sentence;
        self.push_frame(Point::new(0.0, top), other);
    }

    /// A decoration: a rule, a fill, a border. Decorations are artifacts.
    pub fn rect(&mut self, at: Point, shape: Shape) {
        self.push(at, Item::Shape(shape), Mark::Artifact(Artifact::Layout));
    }

    /// A plain filled rectangle at `at`, as decoration.
    pub fn fill(&mut self, at: Point, size: Size, color: Rgb) {
        self.rect(at, Shape::filled(size, color));
    }

    /// Places a line of text with its baseline at `origin`, each fragment marked as
    /// `marks` says, adding a link area for each linked fragment, and an underline unless
    /// it is already set apart in bold.
    pub fn push_line(
        &mut self,
        line: &Line,
        origin: Point,
        (ascent, descent): (f32, f32),
        marks: &[Mark],
    ) {
        for (fragment, &mark) in line.fragments.iter().zip(marks) {
            let at = Point::new(origin.x + fragment.x, origin.y);
            if let Some(uri) = &fragment.link {
                let size = fragment.style.size;
                if !fragment.style.face.is_bold() {
                    self.fill(
                        Point::new(at.x, at.y + size * 0.12),
                        Size::new(fragment.width, size * 0.06),
                        fragment.style.color,
                    );
                }
                self.push(
                    Point::new(at.x, at.y - ascent * size),
                    Item::Link {
                        size: Size::new(fragment.width, (ascent - descent) * size),
                        uri: uri.clone(),
                    },
                    mark,
                );
            }
            self.push(
                at,
                Item::Text(TextRun {
                    style: fragment.style,
                    glyphs: fragment.glyphs.clone(),
                }),
                mark,
            );
        }
    }
}
