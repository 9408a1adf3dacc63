//! Text: fonts, shaping and line breaking. Knows nothing of pages.

pub mod bidi;
mod fit;
pub mod fonts;
pub mod hyphenate;
pub mod linebreak;
pub mod shape;
mod span;
pub mod typeset;

pub use fonts::{FaceId, Font, FontBook, FontError};
pub use linebreak::{break_lines, Fragment, Line, PlacedGlyph};
pub use shape::{Glyph, Measure, Shaper};
pub use span::{Span, TextStyle};
pub use typeset::Typesetter;
