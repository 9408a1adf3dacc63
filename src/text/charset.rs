//! The characters a font has, read from its character map once. Asking the map itself
//! searches its segments each time, and every character of a handout is asked about
//! (for the loader's warnings, and to choose the fallback face).

use rustybuzz::ttf_parser::Face;

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

    pub fn of(face: &Face) -> CharSet {
        let mut set = CharSet::empty();
        let Some(cmap) = face.tables().cmap else {
            return set;
        };
        for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            subtable.codepoints(|code| {
                // A segment may map a character to no glyph, as the face's own lookup says.
                if subtable.glyph_index(code).is_none() {
                    return;
                }
                if code < 0x1_0000 {
                    set.basic[code as usize / 64] |= 1 << (code % 64);
                } else {
                    set.beyond.push(code);
                }
            });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::{BUNDLED_REGULAR, FALLBACK};

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
}
