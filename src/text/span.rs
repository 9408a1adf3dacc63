//! Styled text as a paragraph is given to shaping and line breaking: pieces of text, each
//! in one style.

use super::fonts::FaceId;
use crate::model::Rgb;

/// How a piece of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub face: FaceId,
    pub size: f32,
    pub color: Rgb,
}

/// A piece of a paragraph in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: TextStyle,
    pub link: Option<String>,
    /// A phone number, address or name that lines never break inside, unless it
    /// is wider than a whole line.
    pub unbreakable: bool,
}
