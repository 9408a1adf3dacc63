//! Fonts in the PDF. Each font file the pages use is cut down to the glyphs they use and
//! trimmed of hinting ([`super::sfnt`]); each glyph gets a code (its number in the cut-down
//! font) and one fixed text, from which printpdf writes the ToUnicode map, so copying
//! gives back the source.
//!
//! printpdf is handed the cut-down font with its metrics already read: parsing it again
//! would cost more than cutting it.

use std::collections::BTreeMap;
use std::sync::Arc;

use bytes::Bytes;
use printpdf::{Codepoint, FontMetrics, FontType, ParsedFont, PdfFontMetricsStub};
use rustybuzz::ttf_parser;
use subsetter::GlyphRemapper;

use super::deflate::Deflater;
use crate::big_endian::u16_at;
use crate::layout::{Item, PagedLayout};
use crate::memo::{hash_of, Memo};
use crate::text::{FaceId, FontBook};

/// The glyphs one document sets in one font file, each with the text it copies as.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FontUse {
    /// The faces set in this font: more than one when a brand leaves a face out and its
    /// sibling's font stands in (italics in the regular font, say).
    pub faces: Vec<FaceId>,
    pub texts: BTreeMap<u16, String>,
}

/// The glyphs of a layout by font file, in a fixed order.
pub fn uses(layout: &PagedLayout, fonts: &FontBook) -> Vec<FontUse> {
    // By face, by glyph id: the text each glyph copies as, once it has been seen.
    let mut by_face: BTreeMap<FaceId, Vec<Option<&str>>> = BTreeMap::new();
    for page in &layout.pages {
        for placed in &page.items {
            let Item::Text(run) = &placed.item else {
                continue;
            };
            let seen = by_face.entry(run.style.face).or_default();
            for glyph in run.glyphs.iter() {
                let id = usize::from(glyph.id);
                if seen.len() <= id {
                    seen.resize(id + 1, None);
                }
                // Glyph 0 stands for every character the font lacks, so it copies as the
                // replacement character, never as one of them.
                let text = if id == 0 {
                    "\u{FFFD}"
                } else {
                    glyph.text.as_str()
                };
                keep_first_text(&mut seen[id], Some(text));
            }
        }
    }
    let mut uses: Vec<(Vec<FaceId>, Vec<Option<&str>>)> = Vec::new();
    for (face, seen) in by_face {
        let data = &fonts.font(face).data;
        let same_file = uses
            .iter_mut()
            .find(|(faces, _)| fonts.font(faces[0]).data.same_file(data));
        match same_file {
            Some((faces, merged)) => {
                faces.push(face);
                if merged.len() < seen.len() {
                    merged.resize(seen.len(), None);
                }
                for (known, text) in merged.iter_mut().zip(seen) {
                    keep_first_text(known, text);
                }
            }
            None => uses.push((vec![face], seen)),
        }
    }
    uses.into_iter()
        .map(|(faces, seen)| FontUse {
            faces,
            texts: seen
                .into_iter()
                .enumerate()
                .filter_map(|(id, text)| Some((id as u16, text?.to_string())))
                .collect(),
        })
        .collect()
}

/// A glyph keeps the first non-empty text it is seen with, so that one glyph never
/// copies as two texts.
fn keep_first_text<'a>(known: &mut Option<&'a str>, text: Option<&'a str>) {
    match (known, text) {
        (Some(known), Some(text)) if known.is_empty() => *known = text,
        (unseen @ None, text) => *unseen = text,
        _ => {}
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot subset the font {name}: {reason}")]
pub struct SubsetError {
    name: String,
    reason: String,
}

/// How a document's text in one font is coded: each glyph's code in the content streams
/// (its id in the cut-down font), the text it copies as, and how far a PDF reader moves
/// after it. Quick to make, so the pages can be written while the font itself is cut.
#[derive(Clone)]
pub struct Codes {
    pub faces: Vec<FaceId>,
    /// Original glyph id → code.
    remapper: GlyphRemapper,
    /// By code: the text the glyph copies as.
    texts: Vec<String>,
    /// By code: the advance a PDF reader moves by, in thousandths of an em, as the font's
    /// `W` array says it (whole numbers, as printpdf writes them).
    widths: Vec<i64>,
}

impl Codes {
    pub fn new(used: &FontUse, fonts: &FontBook) -> Codes {
        let glyphs: Vec<u16> = used.texts.keys().copied().collect();
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&glyphs);
        let face = parsed(fonts, used.faces[0]);
        let per_em = f32::from(face.units_per_em());
        let (texts, widths) = remapper
            .remapped_gids()
            .map(|original| {
                let text = used.texts.get(&original).cloned().unwrap_or_default();
                let advance = face
                    .glyph_hor_advance(ttf_parser::GlyphId(original))
                    .unwrap_or(0);
                // The very arithmetic printpdf writes the W array with: the viewer moves
                // by exactly this, so the pen can be put right after every glyph.
                (text, (f32::from(advance) * 1000.0 / per_em) as i64)
            })
            .unzip();
        Codes {
            faces: used.faces.clone(),
            remapper,
            texts,
            widths,
        }
    }

    /// Every glyph the document shows, by code, with the text it copies as: the code of
    /// `.notdef` only when it stands for a missing character.
    pub fn shown(&self) -> Vec<Codepoint> {
        self.texts
            .iter()
            .enumerate()
            .filter(|(code, text)| *code > 0 || !text.is_empty())
            .map(|(code, text)| Codepoint {
                gid: code as u16,
                offset: 0.0,
                cid: Some(text.clone()),
            })
            .collect()
    }

    /// The code, copy text and width of an original glyph.
    pub fn glyph(&self, original: u16) -> (u16, &str, i64) {
        let code = self.remapper.get(original).unwrap_or(0);
        let at = usize::from(code);
        let text = self.texts.get(at).map_or("", String::as_str);
        (code, text, self.widths.get(at).copied().unwrap_or(0))
    }
}

/// A font as one document uses it: its codes, the cut-down font, and that font's program
/// deflated as the PDF stores it. A roster's documents that use the same glyphs share one.
pub struct Subset {
    pub codes: Codes,
    pub font: ParsedFont,
    pub deflated: Bytes,
}

impl Subset {
    /// Cuts the font of `codes` down to their glyphs, and deflates it.
    pub fn cut(
        codes: Codes,
        fonts: &FontBook,
        deflater: &mut Deflater,
    ) -> Result<Subset, SubsetError> {
        let font = fonts.font(codes.faces[0]);
        let fail = |reason: String| SubsetError {
            name: font.postscript_name.clone(),
            reason,
        };
        let subset = subsetter::subset(&font.data, 0, &codes.remapper)
            .map_err(|e| fail(format!("{e:?}")))?;
        let (program, font_type) = if subset.starts_with(b"OTTO") {
            (subset, FontType::OpenTypeCFF(()))
        } else {
            (
                super::sfnt::trim(&subset).unwrap_or(subset),
                FontType::TrueType,
            )
        };
        let face = parsed(fonts, codes.faces[0]);
        let glyph_widths = codes
            .remapper
            .remapped_gids()
            .enumerate()
            .map(|(code, original)| {
                let advance = face.glyph_hor_advance(ttf_parser::GlyphId(original));
                (code as u16, advance.unwrap_or(0))
            })
            .collect();
        let bbox = face.global_bounding_box();
        // The slope of the caret, from which printpdf works out the italic angle; ttf-parser
        // does not read it.
        let hhea = face.raw_face().table(ttf_parser::Tag::from_bytes(b"hhea"));
        let caret = |at| hhea.and_then(|h| u16_at(h, at)).map_or(0, |v| v as i16);
        let name = format!("{}+{}", subset_tag(&program), font.postscript_name);
        let deflated = deflater.deflate(&program).into();
        let font = ParsedFont {
            original_bytes: program,
            font_index: 0,
            font_name: Some(name),
            // Text is set by glyph, never by character.
            codepoint_to_glyph: BTreeMap::new(),
            glyph_widths,
            units_per_em: face.units_per_em(),
            font_metrics: FontMetrics {
                ascent: face.ascender(),
                descent: face.descender(),
            },
            font_type,
            pdf_font_metrics: PdfFontMetricsStub {
                units_per_em: face.units_per_em(),
                x_min: bbox.x_min,
                y_min: bbox.y_min,
                x_max: bbox.x_max,
                y_max: bbox.y_max,
                caret_slope_rise: caret(18),
                caret_slope_run: caret(20),
                us_weight_class: face.weight().to_number(),
            },
        };
        Ok(Subset {
            codes,
            font,
            deflated,
        })
    }
}

/// The font of `face`, its tables found.
fn parsed(fonts: &FontBook, face: FaceId) -> ttf_parser::Face<'_> {
    ttf_parser::Face::parse(&fonts.font(face).data, 0).expect("fonts are checked when loaded")
}

/// Six capital letters from the subset's bytes, as PDF names subsets.
fn subset_tag(bytes: &[u8]) -> String {
    let mut hash = crc32fast::hash(bytes);
    (0..6)
        .map(|_| {
            let letter = (b'A' + (hash % 26) as u8) as char;
            hash /= 26;
            letter
        })
        .collect()
}

/// Subsets made earlier in a run, by the glyphs they hold.
pub struct SubsetCache {
    memo: Memo<(FontUse, Arc<Subset>)>,
}

impl Default for SubsetCache {
    fn default() -> Self {
        // Each recipient's name may need letters of its own; the subsets of a few dozen
        // recipients are plenty to keep.
        SubsetCache {
            memo: Memo::new(64),
        }
    }
}

impl SubsetCache {
    pub fn get(&self, used: &FontUse) -> Option<Arc<Subset>> {
        let (_, found) = self.memo.find(hash_of(used), |(known, _)| known == used)?;
        Some(found.clone())
    }

    pub fn insert(&mut self, used: FontUse, subset: Arc<Subset>) {
        self.memo.insert(hash_of(&used), (used, subset));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::deflate::Effort;

    #[test]
    fn subset_tags_are_six_capitals_and_follow_the_bytes() {
        let a = subset_tag(b"one");
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(a, subset_tag(b"one"));
        assert_ne!(a, subset_tag(b"two"));
    }

    #[test]
    fn codes_number_the_glyphs_in_order_with_their_text_and_width() {
        let book = FontBook::bundled();
        let face = parsed(&book, FaceId::Regular);
        let glyph = |c| face.glyph_index(c).unwrap().0;
        let used = FontUse {
            faces: vec![FaceId::Regular],
            texts: [(glyph('b'), "b".to_string()), (glyph('a'), "a".to_string())].into(),
        };
        let codes = Codes::new(&used, &book);
        let (a, a_text, a_width) = codes.glyph(glyph('a'));
        let (b, b_text, _) = codes.glyph(glyph('b'));
        // Code 0 is the font's .notdef, which every subset keeps.
        assert_eq!((a, b), (1, 2));
        assert_eq!((a_text, b_text), ("a", "b"));
        let advance = face
            .glyph_hor_advance(ttf_parser::GlyphId(glyph('a')))
            .unwrap();
        let per_em = f32::from(face.units_per_em());
        assert_eq!(a_width, (f32::from(advance) * 1000.0 / per_em) as i64);
        assert!(a_width > 400 && a_width < 700, "{a_width}");

        let mut deflater = Deflater::new(Effort::Font);
        let subset = Subset::cut(codes, &book, &mut deflater).unwrap();
        let name = subset.font.font_name.as_deref().unwrap();
        assert!(name.ends_with("+AtkinsonHyperlegible-Regular"), "{name}");
        assert_eq!(subset.font.glyph_widths.get(&1), Some(&advance));
        let cut = ttf_parser::Face::parse(&subset.font.original_bytes, 0).unwrap();
        assert_eq!(cut.number_of_glyphs(), 3);
    }
}
