//! Shaping: text in one face and size → glyphs with advances, kerning applied.

use rustybuzz::{Face, UnicodeBuffer};

use super::fonts::{FaceId, FontBook};

/// One shaped glyph. Distances are in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// How far the pen moves after this glyph, kerning included.
    pub advance: f32,
    /// The font's own advance for the glyph, without kerning; the PDF viewer
    /// moves by this much unless told otherwise.
    pub natural_advance: f32,
    /// Byte offset of the glyph's cluster in the shaped text.
    pub cluster: usize,
}

/// Turns text into glyphs. Layout measures through this trait so that line
/// breaking can be tested with a fake measurer.
pub trait Measure {
    fn shape(&self, text: &str, face: FaceId, size: f32) -> Vec<Glyph>;
}

/// Shapes with rustybuzz over the faces of a [`FontBook`].
pub struct Shaper<'a> {
    faces: Vec<Face<'a>>,
}

impl<'a> Shaper<'a> {
    pub fn new(book: &'a FontBook) -> Shaper<'a> {
        let faces = FaceId::ALL
            .iter()
            .map(|&id| {
                Face::from_slice(&book.font(id).data, 0).expect("fonts are checked when loaded")
            })
            .collect();
        Shaper { faces }
    }

    /// Whether the face has a glyph for `c`.
    pub fn covers(&self, face: FaceId, c: char) -> bool {
        self.faces[face.index()].glyph_index(c).is_some()
    }
}

impl Measure for Shaper<'_> {
    fn shape(&self, text: &str, face: FaceId, size: f32) -> Vec<Glyph> {
        let font = &self.faces[face.index()];
        let scale = size / font.units_per_em() as f32;
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(font, &[], buffer);
        shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, position)| {
                let id = info.glyph_id as u16;
                let natural = font
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
                    .unwrap_or(0);
                Glyph {
                    id,
                    advance: position.x_advance as f32 * scale,
                    natural_advance: f32::from(natural) * scale,
                    cluster: info.cluster as usize,
                }
            })
            .collect()
    }
}
