//! The characters a font has, read from its character map once. Asking the map itself
//! searches its segments each time, and every character of a handout is asked about
//! (for the loader's warnings, and to choose the fallback face).

use std::ops::RangeInclusive;

use rustybuzz::ttf_parser::{Face, Tag};

use crate::big_endian::{u16_at, u32_at};

const CMAP: Tag = Tag::from_bytes(b"cmap");
const LAST_CHAR: u32 = 0x10_FFFF;

#[derive(Clone)]
pub struct CharSet {
    /// One bit per character of the Basic Multilingual Plane.
    basic: Box<[u64; 1024]>,
    /// The characters beyond it, sorted.
    beyond: Vec<u32>,
}

impl CharSet {
    pub fn empty() -> CharSet {
        CharSet {
            basic: Box::new([0; 1024]),
            beyond: Vec::new(),
        }
    }

    /// The characters of the first face in `data`; a font that does not parse has none.
    pub fn of_font(data: &[u8]) -> CharSet {
        match Face::parse(data, 0) {
            Ok(face) => CharSet::of(&face),
            Err(_) => CharSet::empty(),
        }
    }

    pub fn of(face: &Face) -> CharSet {
        let mut set = CharSet::empty();
        let (Some(cmap), Some(raw)) = (face.tables().cmap, face.raw_face().table(CMAP)) else {
            return set;
        };
        for index in 0..cmap.subtables.len() {
            let Some(subtable) = cmap.subtables.get(index).filter(|s| s.is_unicode()) else {
                continue;
            };
            let mut add = |code: u32| {
                // A segment may map a character to no glyph, as the face's own lookup says.
                if subtable.glyph_index(code).is_none() {
                    return;
                }
                if code < 0x1_0000 {
                    set.basic[code as usize / 64] |= 1 << (code % 64);
                } else {
                    set.beyond.push(code);
                }
            };
            match segment_ranges(raw, index) {
                Some(ranges) => ranges.into_iter().flatten().for_each(&mut add),
                // The other formats list their characters one by one, so walking them
                // costs no more than reading the table did.
                None => subtable.codepoints(add),
            }
        }
        set.beyond.sort_unstable();
        set.beyond.dedup();
        set
    }

    pub fn contains(&self, c: char) -> bool {
        let code = c as u32;
        if code < 0x1_0000 {
            self.basic[code as usize / 64] & (1 << (code % 64)) != 0
        } else {
            self.beyond.binary_search(&code).is_ok()
        }
    }
}

/// The character ranges of subtable `index` when it is one of the formats that map
/// ranges (4, 12 and 13), cut to Unicode and merged. A damaged range can claim four
/// billion characters, which walked one by one would stall the build for minutes.
fn segment_ranges(cmap: &[u8], index: u16) -> Option<Vec<RangeInclusive<u32>>> {
    let record = 4 + 8 * usize::from(index);
    let offset = usize::try_from(u32_at(cmap, record + 4)?).ok()?;
    let subtable = cmap.get(offset..)?;
    let mut ranges = match u16_at(subtable, 0)? {
        4 => {
            let segments = usize::from(u16_at(subtable, 6)? / 2);
            let ends = 14;
            let starts = ends + 2 * segments + 2;
            (0..segments)
                .map_while(|i| {
                    let start = u16_at(subtable, starts + 2 * i)?;
                    let end = u16_at(subtable, ends + 2 * i)?;
                    Some(u32::from(start)..=u32::from(end))
                })
                .collect::<Vec<_>>()
        }
        12 | 13 => {
            let groups = u32_at(subtable, 12)?;
            (0..groups)
                .map_while(|i| {
                    let at = 16 + 12 * usize::try_from(i).ok()?;
                    Some(u32_at(subtable, at)?..=u32_at(subtable, at + 4)?.min(LAST_CHAR))
                })
                .collect()
        }
        _ => return None,
    };
    ranges.retain(|range| !range.is_empty());
    ranges.sort_unstable_by_key(|range| *range.start());
    let mut merged: Vec<RangeInclusive<u32>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if *range.start() <= last.end().saturating_add(1) => {
                *last = *last.start()..=*last.end().max(range.end());
            }
            _ => merged.push(range),
        }
    }
    Some(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fonts::{BUNDLED_REGULAR, FALLBACK};

    #[test]
    fn the_set_agrees_with_the_fonts_own_map() {
        for data in [BUNDLED_REGULAR, FALLBACK.1] {
            let face = Face::parse(data, 0).unwrap();
            let set = CharSet::of(&face);
            let probes = (0..0x3000u32)
                .chain(0x1_F300..0x1_F700)
                .filter_map(char::from_u32);
            for c in probes {
                assert_eq!(set.contains(c), face.glyph_index(c).is_some(), "{c:?}");
            }
        }
    }

    /// DejaVu Sans with its first format 12 group stretched to the end of `u32`.
    fn with_endless_group() -> Vec<u8> {
        let mut font = FALLBACK.1.to_vec();
        let tables = usize::from(u16_at(&font, 4).unwrap());
        let cmap = (0..tables)
            .map(|i| 12 + 16 * i)
            .find(|&record| font[record..record + 4] == *b"cmap")
            .map(|record| u32_at(&font, record + 8).unwrap() as usize)
            .unwrap();
        let subtables = usize::from(u16_at(&font, cmap + 2).unwrap());
        let format_12 = (0..subtables)
            .map(|i| cmap + u32_at(&font, cmap + 4 + 8 * i + 4).unwrap() as usize)
            .find(|&at| u16_at(&font, at) == Some(12))
            .expect("DejaVu Sans has a format 12 subtable");
        font[format_12 + 20..format_12 + 24].copy_from_slice(&u32::MAX.to_be_bytes());
        font
    }

    #[test]
    fn a_range_claiming_every_code_is_cut_to_unicode() {
        let font = with_endless_group();
        let face = Face::parse(&font, 0).unwrap();
        // Walking the damaged range one code at a time would take minutes.
        let set = CharSet::of(&face);
        for c in ['A', 'é', 'Ж', '\u{10FFFF}'] {
            assert_eq!(set.contains(c), face.glyph_index(c).is_some(), "{c:?}");
        }
        assert!(set.beyond.len() <= (LAST_CHAR - 0xFFFF) as usize);
    }
}
