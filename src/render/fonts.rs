//! Font subsetting: each face is cut down to the glyphs the pages use, and every
//! glyph gets one fixed text for the PDF's ToUnicode map.

use std::collections::BTreeMap;
use std::sync::Arc;

use subsetter::GlyphRemapper;

use crate::layout::{Item, PagedLayout};
use crate::text::{FaceId, FontBook};

/// A font cut down to the glyphs one document uses.
pub struct Subset {
    /// The faces set in this font: more than one when a brand leaves a face out and its
    /// sibling's font stands in (italics in the regular font, say).
    pub faces: Vec<FaceId>,
    pub bytes: Vec<u8>,
    /// Original glyph id → id in the subset.
    remapper: GlyphRemapper,
    /// Original glyph id → the text it stands for when copied.
    texts: BTreeMap<u16, String>,
    pub postscript_name: String,
}

impl Subset {
    /// The subset's glyph id and copy text for an original glyph.
    pub fn glyph(&self, original: u16) -> (u16, String) {
        let id = self.remapper.get(original).unwrap_or(0);
        let text = self.texts.get(&original).cloned().unwrap_or_default();
        (id, text)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot subset the font {name}: {reason}")]
pub struct SubsetError {
    name: String,
    reason: String,
}

/// Subsets every font the layout uses, in a fixed order; faces set in one font file share
/// one subset.
pub fn subset_fonts(layout: &PagedLayout, fonts: &FontBook) -> Result<Vec<Subset>, SubsetError> {
    let mut used: BTreeMap<FaceId, BTreeMap<u16, String>> = BTreeMap::new();
    for page in &layout.pages {
        for placed in &page.items {
            if let Item::Text(run) = &placed.item {
                let texts = used.entry(run.style.face).or_default();
                for glyph in &run.glyphs {
                    // A glyph keeps the first non-empty text it is seen with, so one glyph
                    // never maps to two texts. Glyph 0 stands for every character the font
                    // lacks, so it copies as the replacement character, never as one of them.
                    let entry = texts.entry(glyph.id).or_default();
                    if glyph.id == 0 {
                        *entry = "\u{FFFD}".to_string();
                    } else if entry.is_empty() {
                        entry.clone_from(&glyph.text);
                    }
                }
            }
        }
    }
    let mut groups: Vec<(Vec<FaceId>, BTreeMap<u16, String>)> = Vec::new();
    for (face, texts) in used {
        let data = &fonts.font(face).data;
        let same_file = groups
            .iter_mut()
            .find(|(faces, _)| Arc::ptr_eq(&fonts.font(faces[0]).data, data));
        match same_file {
            Some((faces, merged)) => {
                faces.push(face);
                for (glyph, text) in texts {
                    let entry = merged.entry(glyph).or_default();
                    if entry.is_empty() {
                        *entry = text;
                    }
                }
            }
            None => groups.push((vec![face], texts)),
        }
    }
    groups
        .into_iter()
        .map(|(faces, texts)| {
            let font = fonts.font(faces[0]);
            let glyphs: Vec<u16> = texts.keys().copied().collect();
            let remapper = GlyphRemapper::new_from_glyphs_sorted(&glyphs);
            let bytes = subsetter::subset(&font.data, 0, &remapper).map_err(|e| SubsetError {
                name: font.postscript_name.clone(),
                reason: format!("{e:?}"),
            })?;
            Ok(Subset {
                faces,
                bytes,
                remapper,
                texts,
                postscript_name: font.postscript_name.clone(),
            })
        })
        .collect()
}
