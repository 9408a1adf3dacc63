//! The four faces a handout is set in (the bundled Atkinson Hyperlegible, or the brand's own),
//! and the fallback face for characters they lack.

use std::fmt;
use std::sync::{Arc, OnceLock};

use rustybuzz::ttf_parser;

use crate::model::fonts::{BUNDLED, FALLBACK};
use crate::model::{CharSet, FontFile, FontFiles};

/// Which face a piece of text uses: one of the family's four, or the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaceId {
    Regular,
    Bold,
    Italic,
    BoldItalic,
    /// DejaVu Sans, for the characters the family lacks: arrows, ticks, Greek, Cyrillic,
    /// Hebrew, Arabic and many symbols.
    Fallback,
}

impl FaceId {
    pub const ALL: [FaceId; 5] = [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Italic,
        FaceId::BoldItalic,
        FaceId::Fallback,
    ];

    pub fn new(bold: bool, italic: bool) -> FaceId {
        match (bold, italic) {
            (false, false) => FaceId::Regular,
            (true, false) => FaceId::Bold,
            (false, true) => FaceId::Italic,
            (true, true) => FaceId::BoldItalic,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn is_bold(self) -> bool {
        matches!(self, FaceId::Bold | FaceId::BoldItalic)
    }
}

/// A font file's bytes: built into the binary, or read from the brand's files.
#[derive(Clone)]
pub enum FontData {
    Bundled(&'static [u8]),
    Read(Arc<[u8]>),
}

impl std::ops::Deref for FontData {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            FontData::Bundled(bytes) => bytes,
            FontData::Read(bytes) => bytes,
        }
    }
}

impl FontData {
    /// Whether both are the one file (a face standing in for a sibling the brand left out).
    pub fn same_file(&self, other: &FontData) -> bool {
        std::ptr::eq::<[u8]>(&**self, &**other)
    }
}

/// One font file and the metrics layout needs from it.
#[derive(Clone)]
pub struct Font {
    pub data: FontData,
    /// The PostScript name, used as the PDF font name.
    pub postscript_name: String,
    pub units_per_em: f32,
    /// Ascender and descender as fractions of the em (descender negative).
    pub ascender: f32,
    pub descender: f32,
    /// The characters it has a glyph for, read when first asked.
    chars: OnceLock<Arc<CharSet>>,
}

impl fmt::Debug for Font {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Font")
            .field("postscript_name", &self.postscript_name)
            .field("bytes", &self.data.len())
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("{path} is not a TrueType or OpenType font")]
    Parse { path: String },
}

/// The face's PostScript name, from whichever name record can be read: Unicode
/// records decode through ttf-parser, Macintosh ones are plain ASCII by the spec.
/// Only the characters a PDF font name may hold are kept.
fn postscript_name(face: &ttf_parser::Face) -> Option<String> {
    face.names()
        .into_iter()
        .filter(|name| name.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|name| {
            name.to_string()
                .or_else(|| std::str::from_utf8(name.name).ok().map(str::to_string))
        })
        .map(|name| {
            name.chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
}

impl Font {
    /// The characters the font has a glyph for.
    pub fn chars(&self) -> &Arc<CharSet> {
        self.chars
            .get_or_init(|| Arc::new(CharSet::of_font(&self.data)))
    }

    pub fn from_bytes(data: FontData, origin: &str) -> Result<Font, FontError> {
        let face = ttf_parser::Face::parse(&data, 0).map_err(|_| FontError::Parse {
            path: origin.to_string(),
        })?;
        let units_per_em = f32::from(face.units_per_em());
        let postscript_name = postscript_name(&face).unwrap_or_else(|| "Font".to_string());
        let ascender = f32::from(face.ascender()) / units_per_em;
        let descender = f32::from(face.descender()) / units_per_em;
        Ok(Font {
            postscript_name,
            units_per_em,
            ascender,
            descender,
            chars: OnceLock::new(),
            data,
        })
    }
}

/// The regular, bold, italic and bold italic faces of one family, and the fallback face.
#[derive(Debug, Clone)]
pub struct FontBook {
    faces: [Font; 4],
    /// Read on first use: most handouts never need it.
    fallback: OnceLock<Font>,
}

impl FontBook {
    /// Atkinson Hyperlegible, built into the binary.
    pub fn bundled() -> FontBook {
        let faces = BUNDLED.map(|(name, bytes)| {
            Font::from_bytes(FontData::Bundled(bytes), name).expect("the bundled fonts parse")
        });
        FontBook {
            faces,
            fallback: OnceLock::new(),
        }
    }

    /// The brand's fonts where it names them. A face the brand leaves out is taken
    /// from its nearest sibling in the brand's family (bold italic from bold, then
    /// italic; italic and bold from regular), so one family sets the whole handout;
    /// without a regular face the bundled family is used throughout.
    ///
    /// The loader has read the files and checked that they parse; nothing is read here.
    pub fn from_brand(files: &FontFiles) -> Result<FontBook, FontError> {
        let Some(regular) = &files.regular else {
            return Ok(FontBook::bundled());
        };
        let bold = files.bold.as_ref().unwrap_or(regular);
        let italic = files.italic.as_ref().unwrap_or(regular);
        let bold_italic = files
            .bold_italic
            .as_ref()
            .or(files.bold.as_ref())
            .unwrap_or(italic);
        let load = |file: &FontFile| {
            Font::from_bytes(
                FontData::Read(file.data.clone()),
                &file.path.display().to_string(),
            )
        };
        Ok(FontBook {
            faces: [
                load(regular)?,
                load(bold)?,
                load(italic)?,
                load(bold_italic)?,
            ],
            fallback: OnceLock::new(),
        })
    }

    pub fn font(&self, face: FaceId) -> &Font {
        match face {
            FaceId::Fallback => self.fallback.get_or_init(|| {
                let (name, bytes) = FALLBACK;
                Font::from_bytes(FontData::Bundled(bytes), name).expect("the fallback font parses")
            }),
            _ => &self.faces[face.index()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FontFile;

    #[test]
    fn the_brand_faces_come_from_the_bytes_the_loader_read() {
        // No file is at this path: the book must take the bytes it is given, not read.
        let bold = FontFile {
            path: "/nowhere/Bold.ttf".into(),
            data: Arc::from(BUNDLED[3].1),
        };
        let regular = FontFile {
            path: "/nowhere/Regular.ttf".into(),
            data: Arc::from(BUNDLED[0].1),
        };
        let files = FontFiles {
            regular: Some(regular.clone()),
            bold: Some(bold.clone()),
            ..FontFiles::default()
        };
        let book = FontBook::from_brand(&files).unwrap();
        let read = |file: &FontFile| FontData::Read(file.data.clone());
        assert!(book.font(FaceId::Bold).data.same_file(&read(&bold)));
        // Faces the brand leaves out come from its own family, not the bundled one.
        assert!(book.font(FaceId::Italic).data.same_file(&read(&regular)));
        assert!(book.font(FaceId::BoldItalic).data.same_file(&read(&bold)));
        assert!(!book.font(FaceId::Bold).data.same_file(&read(&regular)));
        let broken = FontFiles {
            regular: Some(regular),
            italic: Some(FontFile {
                path: "/nowhere/Italic.ttf".into(),
                data: Arc::from(&b"not a font"[..]),
            }),
            ..FontFiles::default()
        };
        assert_eq!(
            FontBook::from_brand(&broken).unwrap_err().to_string(),
            "/nowhere/Italic.ttf is not a TrueType or OpenType font"
        );
    }
}
