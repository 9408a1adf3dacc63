//! Fonts in the PDF. Each font file the pages use is cut down to the glyphs they use and
//! trimmed of hinting ([`super::sfnt`]); each glyph gets a code, the widths PDF places it
//! by and one fixed text for the ToUnicode map, so copying gives back the source.
//!
//! A font of at most 256 glyphs (every handout in one alphabet) is shown with one byte a
//! glyph, through a one-byte identity CMap; a larger one with two, through Identity-H.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustybuzz::ttf_parser;
use subsetter::GlyphRemapper;

use super::deflate::Deflater;
use super::file::{Body, PdfFile};
use super::syntax::{self, Dict, Ref};
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
/// (its id in the subset) and the text it copies as. Quick to make, so the pages can be
/// written while the font itself is cut.
#[derive(Clone)]
pub struct Codes {
    pub faces: Vec<FaceId>,
    /// Original glyph id → code.
    remapper: GlyphRemapper,
    /// By code: the text the glyph copies as.
    texts: Vec<String>,
    /// Bytes a code takes in a string: 1 or 2.
    pub width: usize,
}

impl Codes {
    pub fn new(used: &FontUse) -> Codes {
        let glyphs: Vec<u16> = used.texts.keys().copied().collect();
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&glyphs);
        let texts: Vec<String> = remapper
            .remapped_gids()
            .map(|original| used.texts.get(&original).cloned().unwrap_or_default())
            .collect();
        Codes {
            faces: used.faces.clone(),
            width: if texts.len() <= 256 { 1 } else { 2 },
            remapper,
            texts,
        }
    }

    /// The code and copy text of an original glyph.
    pub fn glyph(&self, original: u16) -> (u16, &str) {
        let code = self.remapper.get(original).unwrap_or(0);
        let text = self.texts.get(usize::from(code)).map_or("", String::as_str);
        (code, text)
    }
}

/// A font cut down to the glyphs of its [`Codes`], as the PDF objects it needs but for
/// their numbers.
pub struct Embedding {
    /// `ABCDEF+PostScriptName`, the tag derived from the subset itself.
    base_font: String,
    outlines: Outlines,
    program: Compressed,
    to_unicode: Compressed,
    /// The `W` array: each code's advance in thousandths of an em.
    widths: Vec<u8>,
    descriptor: Descriptor,
}

/// A font as one document uses it: its codes and its objects. A roster's documents
/// that use the same glyphs share one.
pub struct Subset {
    pub codes: Codes,
    pub embedding: Embedding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outlines {
    TrueType,
    /// An OpenType font with CFF outlines, subset and embedded as `FontFile3/OpenType`.
    Cff,
}

/// A stream's data deflated, and its length before.
struct Compressed {
    data: Vec<u8>,
    raw_length: usize,
}

impl Compressed {
    fn new(raw: &[u8], deflater: &mut Deflater) -> Compressed {
        Compressed {
            data: deflater.deflate(raw),
            raw_length: raw.len(),
        }
    }
}

/// What the font descriptor says, in thousandths of an em.
struct Descriptor {
    flags: i64,
    bbox: [f32; 4],
    italic_angle: f32,
    ascent: f32,
    descent: f32,
    cap_height: f32,
    stem_v: f32,
}

impl Embedding {
    /// Cuts the font of `codes` down to their glyphs.
    pub fn new(
        codes: &Codes,
        fonts: &FontBook,
        deflater: &mut Deflater,
    ) -> Result<Embedding, SubsetError> {
        let font = fonts.font(codes.faces[0]);
        let fail = |reason: String| SubsetError {
            name: font.postscript_name.clone(),
            reason,
        };
        let subset = subsetter::subset(&font.data, 0, &codes.remapper)
            .map_err(|e| fail(format!("{e:?}")))?;
        let (program, outlines) = if subset.starts_with(b"OTTO") {
            (subset, Outlines::Cff)
        } else {
            (
                super::sfnt::trim(&subset).unwrap_or(subset),
                Outlines::TrueType,
            )
        };
        let face = ttf_parser::Face::parse(&font.data, 0).map_err(|e| fail(e.to_string()))?;
        let per_em = 1000.0 / f32::from(face.units_per_em());
        let widths = widths_array(codes.remapper.remapped_gids().map(|original| {
            let advance = face.glyph_hor_advance(ttf_parser::GlyphId(original));
            f32::from(advance.unwrap_or(0)) * per_em
        }));
        let to_unicode = to_unicode_cmap(&codes.texts, codes.width);
        Ok(Embedding {
            base_font: format!("{}+{}", subset_tag(&program), font.postscript_name),
            descriptor: Descriptor::of(&face, per_em),
            program: Compressed::new(&program, deflater),
            to_unicode: Compressed::new(&to_unicode, deflater),
            outlines,
            widths,
        })
    }
}

impl Subset {
    /// Writes the font's objects; its Type0 font dictionary is `font`. `one_byte` is the
    /// document's one-byte identity CMap, there when some font's codes are single bytes.
    pub fn write(&self, file: &mut PdfFile, font: Ref, one_byte: Option<Ref>) {
        let [descendant, descriptor, program, to_unicode] = [(); 4].map(|_| file.alloc());
        let embedding = &self.embedding;
        let base_font = &embedding.base_font;
        file.packed(font, |o| {
            let mut d = Dict::new(o);
            d.name("Type", "Font")
                .name("Subtype", "Type0")
                .name("BaseFont", base_font)
                .references("DescendantFonts", &[descendant])
                .reference("ToUnicode", to_unicode);
            match one_byte.filter(|_| self.codes.width == 1) {
                Some(cmap) => d.reference("Encoding", cmap),
                None => d.name("Encoding", "Identity-H"),
            };
            d.finish();
        });
        file.packed(descendant, |o| {
            let mut d = Dict::new(o);
            d.name("Type", "Font")
                .name(
                    "Subtype",
                    match embedding.outlines {
                        Outlines::TrueType => "CIDFontType2",
                        Outlines::Cff => "CIDFontType0",
                    },
                )
                .name("BaseFont", base_font)
                .raw("CIDSystemInfo", identity_system_info)
                .reference("FontDescriptor", descriptor)
                .raw("W", |o| o.extend_from_slice(&embedding.widths));
            if embedding.outlines == Outlines::TrueType {
                d.name("CIDToGIDMap", "Identity");
            }
            d.finish();
        });
        file.packed(descriptor, |o| {
            let m = &embedding.descriptor;
            let mut d = Dict::new(o);
            d.name("Type", "FontDescriptor")
                .name("FontName", base_font)
                .int("Flags", m.flags)
                .numbers("FontBBox", &m.bbox)
                .real("ItalicAngle", m.italic_angle)
                .real("Ascent", m.ascent)
                .real("Descent", m.descent)
                .real("CapHeight", m.cap_height)
                .real("StemV", m.stem_v)
                .reference(
                    match embedding.outlines {
                        Outlines::TrueType => "FontFile2",
                        Outlines::Cff => "FontFile3",
                    },
                    program,
                );
            d.finish();
        });
        file.stream(
            program,
            |d| {
                d.name("Filter", "FlateDecode");
                match embedding.outlines {
                    Outlines::TrueType => d.int("Length1", embedding.program.raw_length as i64),
                    Outlines::Cff => d.name("Subtype", "OpenType"),
                };
            },
            Body::Encoded(&embedding.program.data),
        );
        file.stream(
            to_unicode,
            |d| {
                d.name("Filter", "FlateDecode");
            },
            Body::Encoded(&embedding.to_unicode.data),
        );
    }
}

/// Writes the CMap that reads each byte as the CID of the same number, for fonts whose
/// codes are single bytes. Its name is the one text extraction tools know it by.
pub fn write_one_byte_cmap(file: &mut PdfFile, id: Ref) {
    const CMAP: &[u8] = b"/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>def\n\
/CMapName/OneByteIdentityH def\n/CMapType 1 def\n\
1 begincodespacerange\n<00><FF>\nendcodespacerange\n\
1 begincidrange\n<00><FF>0\nendcidrange\n\
endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n";
    file.stream(
        id,
        |d| {
            d.name("Type", "CMap")
                .name("CMapName", "OneByteIdentityH")
                .raw("CIDSystemInfo", identity_system_info);
        },
        Body::Deflate(CMAP),
    );
}

fn identity_system_info(out: &mut Vec<u8>) {
    out.extend_from_slice(b"<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>");
}

impl Descriptor {
    fn of(face: &ttf_parser::Face, per_em: f32) -> Descriptor {
        const FIXED_PITCH: i64 = 1;
        // The font's glyphs are reached by our own codes, not a standard encoding.
        const SYMBOLIC: i64 = 4;
        const ITALIC: i64 = 64;
        let mut flags = SYMBOLIC;
        if face.is_monospaced() {
            flags |= FIXED_PITCH;
        }
        if face.is_italic() || face.italic_angle() != 0.0 {
            flags |= ITALIC;
        }
        let bbox = face.global_bounding_box();
        let ascent = f32::from(face.ascender()) * per_em;
        // Readers take a stem width only as a hint; this is the usual estimate from
        // the weight class.
        let weight = f32::from(face.weight().to_number());
        Descriptor {
            flags,
            bbox: [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max].map(|v| f32::from(v) * per_em),
            italic_angle: face.italic_angle(),
            ascent,
            descent: f32::from(face.descender()) * per_em,
            cap_height: face
                .capital_height()
                .map_or(ascent, |h| f32::from(h) * per_em),
            stem_v: 10.0 + 220.0 * (weight - 50.0).max(0.0) / 900.0,
        }
    }
}

/// `[0[w0 w1 …]]`: the widths of codes 0, 1, … in order.
fn widths_array(widths: impl Iterator<Item = f32>) -> Vec<u8> {
    let mut out = b"[0[".to_vec();
    for (i, width) in widths.enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        syntax::real(&mut out, width, 1);
    }
    out.extend_from_slice(b"]]");
    out
}

/// The ToUnicode CMap: each code with text → that text in UTF-16BE. Consecutive codes
/// for consecutive characters (a subset keeps the font's order, mostly the alphabet's)
/// are written as one range.
fn to_unicode_cmap(texts: &[String], code_width: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(200 + texts.len() * 16);
    out.extend_from_slice(
        b"/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n\
/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n",
    );
    let code = |out: &mut Vec<u8>, code: usize| {
        let bytes = (code as u16).to_be_bytes();
        syntax::hex(out, &bytes[2 - code_width..]);
    };
    code(&mut out, 0);
    code(&mut out, (1 << (8 * code_width)) - 1);
    out.extend_from_slice(b"\nendcodespacerange\n");
    let (ranges, singles) = unicode_ranges(texts);
    // A CMap block holds at most 100 entries.
    for block in ranges.chunks(100) {
        syntax::integer(&mut out, block.len() as u64);
        out.extend_from_slice(b" beginbfrange\n");
        for &(first, last, unit) in block {
            code(&mut out, first);
            code(&mut out, last);
            syntax::hex(&mut out, &unit.to_be_bytes());
            out.push(b'\n');
        }
        out.extend_from_slice(b"endbfrange\n");
    }
    for block in singles.chunks(100) {
        syntax::integer(&mut out, block.len() as u64);
        out.extend_from_slice(b" beginbfchar\n");
        for &at in block {
            code(&mut out, at);
            let utf16: Vec<u8> = texts[at]
                .encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect();
            syntax::hex(&mut out, &utf16);
            out.push(b'\n');
        }
        out.extend_from_slice(b"endbfchar\n");
    }
    out.extend_from_slice(b"endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
    out
}

/// The codes with text, as ranges `(first, last, first's UTF-16 unit)` of two or more
/// codes whose texts are consecutive single UTF-16 units, and the codes left over. Neither
/// the codes nor the texts of a range may cross a multiple of 256: a range's two ends
/// differ only in their last byte.
fn unicode_ranges(texts: &[String]) -> (Vec<(usize, usize, u16)>, Vec<usize>) {
    let unit = |text: &str| {
        let mut units = text.encode_utf16();
        match (units.next(), units.next()) {
            (Some(unit), None) => Some(unit),
            _ => None,
        }
    };
    let (mut ranges, mut singles) = (Vec::new(), Vec::new());
    let mut at = 0;
    while at < texts.len() {
        if texts[at].is_empty() {
            at += 1;
            continue;
        }
        let Some(first) = unit(&texts[at]) else {
            singles.push(at);
            at += 1;
            continue;
        };
        let mut end = at + 1;
        while end < texts.len()
            && unit(&texts[end]) == first.checked_add((end - at) as u16)
            && (first as usize + end - at) % 256 != 0
            && end % 256 != 0
        {
            end += 1;
        }
        if end - at >= 2 {
            ranges.push((at, end - 1, first));
        } else {
            singles.push(at);
        }
        at = end;
    }
    (ranges, singles)
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

    #[test]
    fn subset_tags_are_six_capitals_and_follow_the_bytes() {
        let a = subset_tag(b"one");
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(a, subset_tag(b"one"));
        assert_ne!(a, subset_tag(b"two"));
    }

    #[test]
    fn the_unicode_map_names_every_code_with_text_in_blocks_of_a_hundred() {
        // Codes 1, 3, 5, … stand for B, D, F, …: no two in a row.
        let texts: Vec<String> = (0..300u32)
            .map(|i| match i % 2 {
                1 => char::from_u32(0x41 + i).unwrap().to_string(),
                _ => String::new(),
            })
            .collect();
        let cmap = String::from_utf8(to_unicode_cmap(&texts, 2)).unwrap();
        assert!(cmap.contains("<0000><FFFF>"), "{cmap}");
        assert!(cmap.contains("100 beginbfchar"));
        assert!(cmap.contains("50 beginbfchar"));
        assert!(cmap.contains("<0001><0042>"));
        assert!(!cmap.contains("<0000><0"), "code 0 has no text");
        let one = String::from_utf8(to_unicode_cmap(&["".into(), "fi".into()], 1)).unwrap();
        assert!(one.contains("<00><FF>"));
        assert!(one.contains("<01><00660069>"));
    }

    #[test]
    fn consecutive_letters_are_one_range_that_never_crosses_a_block_of_256() {
        let texts: Vec<String> = ["", "a", "b", "c", "x", "’", "\u{FF}", "\u{100}", "\u{101}"]
            .map(String::from)
            .to_vec();
        let (ranges, singles) = unicode_ranges(&texts);
        assert_eq!(ranges, [(1, 3, 0x61), (7, 8, 0x100)]);
        assert_eq!(singles, [4, 5, 6]);
        let cmap = String::from_utf8(to_unicode_cmap(&texts, 1)).unwrap();
        assert!(
            cmap.contains("2 beginbfrange\n<01><03><0061>\n<07><08><0100>\n"),
            "{cmap}"
        );
        // Codes 250 to 260 stand for consecutive letters: two ranges, split at code 256.
        let texts: Vec<String> = (0..300u32)
            .map(|code| match code {
                250..=260 => char::from_u32(0x3B1 + code - 250).unwrap().to_string(),
                _ => String::new(),
            })
            .collect();
        let (ranges, _) = unicode_ranges(&texts);
        assert_eq!(ranges, [(250, 255, 0x3B1), (256, 260, 0x3B7)]);
    }

    #[test]
    fn widths_are_one_array_from_code_zero() {
        let w = widths_array([500.0, 333.33, 0.0].into_iter());
        assert_eq!(String::from_utf8(w).unwrap(), "[0[500 333.3 0]]");
    }
}
