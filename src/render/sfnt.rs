//! Trimming a subset TrueType font to what a printed page needs.
//!
//! Hinting (the `fpgm`, `prep` and `cvt ` tables and each glyph's instructions) fits
//! outlines to a screen's pixel grid at small sizes; printers and PDF viewers at
//! print resolution draw the plain outlines. In the bundled fonts hinting is over half
//! of every subset, so it is left out. So are the `name` table (a PDF names its fonts
//! itself, and the OFL asks for its notices with font files, not in documents the fonts
//! are embedded in) and the glyph names in `post`; PDF readers read neither.

use crate::big_endian::{u16_at, u32_at};

/// `font` without hinting, names or glyph names; `None` when it is not a TrueType font
/// this can read, in which case it is embedded as it is.
pub fn trim(font: &[u8]) -> Option<Vec<u8>> {
    let tables = read_tables(font)?;
    let table = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
    let head = table(b"head")?;
    let long_offsets = u16_at(head, 50)? == 1;
    let maxp = table(b"maxp")?;
    let glyph_count = usize::from(u16_at(maxp, 4)?);
    let offsets = read_loca(table(b"loca")?, glyph_count, long_offsets)?;
    let (glyf, loca) = strip_instructions(table(b"glyf")?, &offsets)?;
    let long_loca = glyf.len() > 0x1FFFE;
    let mut head = head.to_vec();
    head[50..52].copy_from_slice(&i16::from(long_loca).to_be_bytes());
    // The whole-font checksum adjustment is summed as zero, then set.
    head.get_mut(8..12)?.fill(0);

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(tables.len());
    for (tag, data) in &tables {
        let data = match tag {
            b"fpgm" | b"prep" | b"cvt " | b"hdmx" | b"LTSH" | b"VDMX" | b"gasp" | b"name" => {
                continue
            }
            b"glyf" => glyf.clone(),
            b"loca" => write_loca(&loca, long_loca),
            b"head" => head.clone(),
            b"maxp" => unhinted_maxp(data),
            b"post" => post_without_names(data),
            _ => data.to_vec(),
        };
        out_tables.push((*tag, data));
    }
    Some(write_font(&out_tables))
}

/// The tables of a TrueType (not CFF, not a collection) font, in directory order.
fn read_tables(font: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    if u32_at(font, 0)? != 0x0001_0000 && font.get(..4)? != b"true" {
        return None;
    }
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
            let offset = u32_at(font, record + 8)? as usize;
            let length = u32_at(font, record + 12)? as usize;
            Some((tag, font.get(offset..offset.checked_add(length)?)?))
        })
        .collect()
}

fn read_loca(loca: &[u8], glyphs: usize, long: bool) -> Option<Vec<usize>> {
    (0..=glyphs)
        .map(|i| {
            if long {
                u32_at(loca, 4 * i).map(|o| o as usize)
            } else {
                u16_at(loca, 2 * i).map(|o| usize::from(o) * 2)
            }
        })
        .collect()
}

fn write_loca(offsets: &[usize], long: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(offsets.len() * if long { 4 } else { 2 });
    for &offset in offsets {
        if long {
            out.extend_from_slice(&(offset as u32).to_be_bytes());
        } else {
            out.extend_from_slice(&((offset / 2) as u16).to_be_bytes());
        }
    }
    out
}

/// Every glyph without its instructions, each padded to an even length as the short
/// `loca` format needs; the new glyph data and offsets.
fn strip_instructions(glyf: &[u8], offsets: &[usize]) -> Option<(Vec<u8>, Vec<usize>)> {
    let mut out = Vec::with_capacity(glyf.len());
    let mut new_offsets = Vec::with_capacity(offsets.len());
    new_offsets.push(0);
    for window in offsets.windows(2) {
        let glyph = glyf.get(window[0]..window[1])?;
        if !glyph.is_empty() {
            // A negative count marks a composite glyph.
            let contours = u16_at(glyph, 0)? as i16;
            if contours >= 0 {
                simple_glyph(glyph, contours as usize, &mut out)?;
            } else {
                composite_glyph(glyph, &mut out)?;
            }
            if out.len() % 2 == 1 {
                out.push(0);
            }
        }
        new_offsets.push(out.len());
    }
    Some((out, new_offsets))
}

/// Header and contour ends, an instruction length of zero, then the flags and points.
fn simple_glyph(glyph: &[u8], contours: usize, out: &mut Vec<u8>) -> Option<()> {
    let lengths_at = 10 + 2 * contours;
    let instructions = usize::from(u16_at(glyph, lengths_at)?);
    let points_at = lengths_at + 2 + instructions;
    out.extend_from_slice(glyph.get(..lengths_at)?);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(glyph.get(points_at..)?);
    Some(())
}

/// The components, each without the flag that says instructions follow the last.
fn composite_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Option<()> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAS_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const HAS_XY_SCALE: u16 = 0x0040;
    const HAS_2X2: u16 = 0x0080;
    const HAS_INSTRUCTIONS: u16 = 0x0100;
    out.extend_from_slice(glyph.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        let mut length = 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        if flags & HAS_SCALE != 0 {
            length += 2;
        } else if flags & HAS_XY_SCALE != 0 {
            length += 4;
        } else if flags & HAS_2X2 != 0 {
            length += 8;
        }
        out.extend_from_slice(&(flags & !HAS_INSTRUCTIONS).to_be_bytes());
        out.extend_from_slice(glyph.get(at + 2..at + length)?);
        at += length;
        if flags & MORE_COMPONENTS == 0 {
            return Some(());
        }
    }
}

/// `maxp` saying there is no hinting program, storage or twilight zone.
fn unhinted_maxp(maxp: &[u8]) -> Vec<u8> {
    let mut maxp = maxp.to_vec();
    // Version 1.0 tables carry the hinting limits after the glyph and point counts:
    // maxZones (at 14), twilight points, storage, function defs, instruction defs,
    // stack elements and the size of the longest instructions.
    if u32_at(&maxp, 0) == Some(0x0001_0000) && maxp.len() >= 32 {
        maxp[14..16].copy_from_slice(&1u16.to_be_bytes());
        maxp[16..28].fill(0);
    }
    maxp
}

/// `post` version 3: the same header, no glyph names.
fn post_without_names(post: &[u8]) -> Vec<u8> {
    let mut post = post.get(..32).unwrap_or(post).to_vec();
    if post.len() == 32 {
        post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    }
    post
}

/// An sfnt file of `tables` (sorted by tag, as the subsetter leaves them), with fresh
/// checksums and the whole-font checksum adjustment set in `head`, which comes with it
/// zeroed.
fn write_font(tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = tables.len();
    let selector = (usize::BITS - 1 - count.max(1).leading_zeros()) as u16;
    let search_range = (1u16 << selector) * 16;
    let mut out =
        Vec::with_capacity(12 + 16 * count + tables.iter().map(|t| t.1.len() + 3).sum::<usize>());
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&(count as u16).to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&selector.to_be_bytes());
    out.extend_from_slice(&((count as u16) * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * count;
    let mut head_at = None;
    for (tag, data) in tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// The sum of a table's big-endian 32-bit words, the last one padded with zeros.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustybuzz::ttf_parser::{Face, GlyphId, OutlineBuilder};

    use crate::model::fonts::BUNDLED_REGULAR;

    /// A glyph's outline as a list of drawing commands, to compare two fonts by.
    #[derive(Default)]
    struct Path(Vec<String>);

    impl OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("M{x},{y}"));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("L{x},{y}"));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(format!("Q{x1},{y1},{x},{y}"));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(format!("C{x1},{y1},{x2},{y2},{x},{y}"));
        }
        fn close(&mut self) {
            self.0.push("Z".into());
        }
    }

    fn outline(face: &Face, glyph: u16) -> Vec<String> {
        let mut path = Path::default();
        face.outline_glyph(GlyphId(glyph), &mut path);
        path.0
    }

    #[test]
    fn trimming_keeps_every_outline_and_metric_and_drops_hinting() {
        let trimmed = trim(BUNDLED_REGULAR).expect("a TrueType font");
        let before = Face::parse(BUNDLED_REGULAR, 0).unwrap();
        let after = Face::parse(&trimmed, 0).expect("the trimmed font parses");
        assert_eq!(before.number_of_glyphs(), after.number_of_glyphs());
        for glyph in 0..before.number_of_glyphs() {
            assert_eq!(
                outline(&before, glyph),
                outline(&after, glyph),
                "glyph {glyph}"
            );
            assert_eq!(
                before.glyph_hor_advance(GlyphId(glyph)),
                after.glyph_hor_advance(GlyphId(glyph))
            );
        }
        let tags: Vec<[u8; 4]> = read_tables(&trimmed).unwrap().iter().map(|t| t.0).collect();
        for dropped in [b"fpgm", b"prep", b"cvt ", b"name"] {
            assert!(!tags.contains(dropped));
        }
        assert!(
            trimmed.len() * 10 < BUNDLED_REGULAR.len() * 7,
            "{}",
            trimmed.len()
        );
    }

    #[test]
    fn the_checksums_add_up() {
        let trimmed = trim(BUNDLED_REGULAR).unwrap();
        assert_eq!(
            checksum(&trimmed),
            0xB1B0_AFBA,
            "the whole font sums to the magic"
        );
        for (_, data) in read_tables(&trimmed).unwrap() {
            assert!(!data.is_empty());
        }
    }

    #[test]
    fn what_is_not_truetype_is_left_alone() {
        assert_eq!(trim(b"OTTO\0\0\0\0\0\0\0\0"), None);
        assert_eq!(trim(b"not a font"), None);
        assert_eq!(trim(&BUNDLED_REGULAR[..100]), None);
    }
}
