//! The parts of pages (header, body, footer, page number: [`super::page::PageContent`])
//! as content streams: printpdf writes each part's operations as bytes, which are then
//! deflated, each part once a run however many pages and documents draw it. A roster's
//! handouts differ from one recipient to the next only in the parts that name them, so
//! their bodies are written and deflated once.

use bytes::Bytes;
use printpdf::{Op, PdfDocument, PdfPage, Pt, Rect, TextItem};

use super::deflate::Deflater;
use crate::memo::hash_of;

/// A part's content stream, as the PDF stores it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Stream {
    pub bytes: Bytes,
    /// Whether `bytes` are deflated: a part so short that deflating would not shrink it
    /// is stored as it is.
    pub deflated: bool,
}

/// Parts written earlier in a run, by what they draw.
#[derive(Default)]
pub struct PartCache {
    entries: Vec<Entry>,
}

struct Entry {
    /// The part's [`recipe`] and its hash.
    recipe: Box<[u8]>,
    hash: u64,
    stream: Stream,
    /// Drawn since the cache was last thinned.
    used: bool,
}

/// The handout's parts, the few each recipient changes, and then some: when the cache
/// holds this many, the parts not drawn since it last filled up are forgotten.
const LIMIT: usize = 256;

impl PartCache {
    /// The stream of each part of `pages`, page by page: those seen before from the cache,
    /// the others written by printpdf (all in one go), deflated and kept.
    pub fn streams(
        &mut self,
        pages: Vec<Vec<Vec<Op>>>,
        deflater: &mut Deflater,
    ) -> Vec<Vec<Stream>> {
        // Where each part's stream comes from: an entry of the cache, or a new part.
        enum Source {
            Known(usize),
            New(usize),
        }
        let mut new: Vec<(Box<[u8]>, u64, Vec<Op>)> = Vec::new();
        let sources: Vec<Vec<Source>> = pages
            .into_iter()
            .map(|parts| {
                parts
                    .into_iter()
                    .map(|ops| {
                        let recipe = recipe(&ops);
                        let hash = hash_of(&recipe);
                        let known = self
                            .entries
                            .iter()
                            .position(|entry| entry.hash == hash && *entry.recipe == *recipe);
                        if let Some(at) = known {
                            self.entries[at].used = true;
                            return Source::Known(at);
                        }
                        // A header or footer repeated on several pages is written once.
                        let repeated = new.iter().position(|(known, known_hash, _)| {
                            *known_hash == hash && **known == *recipe
                        });
                        Source::New(repeated.unwrap_or_else(|| {
                            new.push((recipe.into(), hash, ops));
                            new.len() - 1
                        }))
                    })
                    .collect()
            })
            .collect();
        let (keys, new_ops): (Vec<(Box<[u8]>, u64)>, Vec<Vec<Op>>) = new
            .into_iter()
            .map(|(recipe, hash, ops)| ((recipe, hash), ops))
            .unzip();
        let new_streams: Vec<Stream> = write(new_ops)
            .into_iter()
            .map(|raw| deflate(raw, deflater))
            .collect();
        let streams = sources
            .into_iter()
            .map(|parts| {
                parts
                    .into_iter()
                    .map(|source| match source {
                        Source::Known(at) => self.entries[at].stream.clone(),
                        Source::New(at) => new_streams[at].clone(),
                    })
                    .collect()
            })
            .collect();
        for ((recipe, hash), stream) in keys.into_iter().zip(new_streams) {
            self.insert(Entry {
                recipe,
                hash,
                stream,
                used: true,
            });
        }
        streams
    }

    fn insert(&mut self, entry: Entry) {
        if self.entries.len() >= LIMIT {
            self.entries.retain(|entry| entry.used);
            if self.entries.len() >= LIMIT {
                self.entries.clear();
            }
            for entry in &mut self.entries {
                entry.used = false;
            }
        }
        self.entries.push(entry);
    }
}

/// Each part's operations as printpdf writes them into a content stream.
fn write(parts: Vec<Vec<Op>>) -> Vec<Vec<u8>> {
    if parts.is_empty() {
        return Vec::new();
    }
    // A document of one page a part, with no resources: printpdf writes a part's
    // operations without looking anything up, fonts and pictures being named only.
    let mut document = PdfDocument::new("");
    let nowhere = Rect::from_wh(Pt(0.0), Pt(0.0));
    document.with_pages(
        parts
            .into_iter()
            .map(|ops| PdfPage {
                media_box: nowhere.clone(),
                trim_box: nowhere.clone(),
                crop_box: nowhere.clone(),
                ops,
            })
            .collect(),
    );
    let mut doc = document.to_lopdf_document(&super::save_options(), &mut Vec::new());
    doc.get_pages()
        .into_values()
        .map(|page| {
            let contents = doc
                .get_dictionary(page)
                .and_then(|page| page.get(b"Contents"))
                .and_then(lopdf::Object::as_reference)
                .expect("printpdf gives every page its contents");
            match doc.objects.remove(&contents) {
                Some(lopdf::Object::Stream(stream)) => stream.content,
                _ => unreachable!("a page's contents are a stream"),
            }
        })
        .collect()
}

/// `raw` deflated, unless deflating would not shrink it (`/Filter/FlateDecode` costs 19
/// bytes).
fn deflate(raw: Vec<u8>, deflater: &mut Deflater) -> Stream {
    let deflated = deflater.deflate(&raw);
    if deflated.len() + 19 < raw.len() {
        Stream {
            bytes: deflated.into(),
            deflated: true,
        }
    } else {
        Stream {
            bytes: raw.into(),
            deflated: false,
        }
    }
}

/// What a part draws, as bytes that are the same exactly when its operations are: a key
/// that is quick to make and to compare, where writing the operations out is not (and
/// printpdf's own comparison of operations rounds numbers and tells no zero apart).
/// Text, the bulk of a page, is spelled out here; the few other operations by their
/// debug form, which gives every number in full.
fn recipe(ops: &[Op]) -> Vec<u8> {
    let mut recipe = Vec::with_capacity(ops.len() * 24);
    let bytes = |recipe: &mut Vec<u8>, data: &[u8]| {
        recipe.extend_from_slice(&(data.len() as u32).to_le_bytes());
        recipe.extend_from_slice(data);
    };
    for op in ops {
        match op {
            Op::ShowText { items } => {
                recipe.push(1);
                recipe.extend_from_slice(&(items.len() as u32).to_le_bytes());
                for item in items {
                    match item {
                        TextItem::GlyphIds(glyphs) => {
                            recipe.push(b'g');
                            recipe.extend_from_slice(&(glyphs.len() as u32).to_le_bytes());
                            for glyph in glyphs {
                                recipe.extend_from_slice(&glyph.gid.to_le_bytes());
                                recipe.extend_from_slice(&glyph.offset.to_bits().to_le_bytes());
                                bytes(&mut recipe, glyph.cid.as_deref().unwrap_or("").as_bytes());
                            }
                        }
                        TextItem::Offset(offset) => {
                            recipe.push(b'o');
                            recipe.extend_from_slice(&offset.to_bits().to_le_bytes());
                        }
                        TextItem::Text(text) => {
                            recipe.push(b't');
                            bytes(&mut recipe, text.as_bytes());
                        }
                    }
                }
            }
            Op::SetTextCursor { pos } => {
                recipe.push(2);
                recipe.extend_from_slice(&pos.x.0.to_bits().to_le_bytes());
                recipe.extend_from_slice(&pos.y.0.to_bits().to_le_bytes());
            }
            Op::StartTextSection => recipe.push(3),
            Op::EndTextSection => recipe.push(4),
            Op::EndMarkedContent => recipe.push(5),
            other => {
                recipe.push(0);
                bytes(&mut recipe, format!("{other:?}").as_bytes());
            }
        }
    }
    recipe
}
