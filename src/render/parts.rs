//! The parts of pages (header, body, footer, page number: [`super::page::PageContent`])
//! as content streams: printpdf writes each part's operations as bytes, which are then
//! deflated, each part once a run however many pages and documents draw it. A roster's
//! handouts differ from one recipient to the next only in the parts that name them, so
//! their bodies are written and deflated once.

use bytes::Bytes;
use printpdf::{Color, DictItem, Op, PdfDocument, PdfFontHandle, PdfPage, Pt, Rect, TextItem};

use super::deflate::Deflater;
use crate::memo::hash_of;

/// A part's content stream, as the PDF stores it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
        let (keys, new_ops): (Vec<_>, Vec<_>) = new
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
/// What pages are made of (text, marked content, fonts and colours) is spelled out
/// here; the few other operations by their debug form, which gives every number in full.
fn recipe(ops: &[Op]) -> Vec<u8> {
    let mut recipe = Recipe(Vec::with_capacity(ops.len() * 24));
    for op in ops {
        match op {
            Op::ShowText { items } => {
                recipe.tag(1, items.len());
                for item in items {
                    match item {
                        TextItem::GlyphIds(glyphs) => {
                            recipe.tag(b'g', glyphs.len());
                            for glyph in glyphs {
                                recipe.0.extend_from_slice(&glyph.gid.to_le_bytes());
                                recipe.number(glyph.offset);
                                recipe.bytes(glyph.cid.as_deref().unwrap_or("").as_bytes());
                            }
                        }
                        TextItem::Offset(offset) => {
                            recipe.tag(b'o', 0);
                            recipe.number(*offset);
                        }
                        TextItem::Text(text) => {
                            recipe.tag(b't', 0);
                            recipe.bytes(text.as_bytes());
                        }
                    }
                }
            }
            Op::SetTextCursor { pos } => {
                recipe.tag(2, 0);
                recipe.number(pos.x.0);
                recipe.number(pos.y.0);
            }
            Op::StartTextSection => recipe.tag(3, 0),
            Op::EndTextSection => recipe.tag(4, 0),
            Op::EndMarkedContent => recipe.tag(5, 0),
            Op::BeginMarkedContentWithProperties { tag, properties } => {
                recipe.tag(6, 0);
                recipe.bytes(tag.as_bytes());
                recipe.dict_item(properties);
            }
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size,
            } => {
                recipe.tag(7, 0);
                recipe.bytes(font.0.as_bytes());
                recipe.number(size.0);
            }
            Op::SetFillColor {
                col: Color::Greyscale(grey),
            } if grey.icc_profile.is_none() => {
                recipe.tag(8, 0);
                recipe.number(grey.percent);
            }
            Op::SetFillColor {
                col: Color::Rgb(rgb),
            } if rgb.icc_profile.is_none() => {
                recipe.tag(9, 0);
                for channel in [rgb.r, rgb.g, rgb.b] {
                    recipe.number(channel);
                }
            }
            // A QR code is drawn as hundreds of them.
            Op::DrawRectangle { rectangle } => {
                recipe.tag(10, 0);
                for number in [rectangle.x, rectangle.y, rectangle.width, rectangle.height] {
                    recipe.number(number.0);
                }
                recipe
                    .0
                    .push(rectangle.mode.map_or(u8::MAX, |mode| mode as u8));
                let winding = rectangle.winding_order.map_or(u8::MAX, |order| order as u8);
                recipe.0.push(winding);
            }
            other => recipe.debug(other),
        }
    }
    recipe.0
}

/// The bytes of a [`recipe`], each piece of data after what it is, and how long when its
/// length varies, so that different operations never spell the same.
struct Recipe(Vec<u8>);

impl Recipe {
    fn tag(&mut self, tag: u8, count: usize) {
        self.0.push(tag);
        self.0.extend_from_slice(&(count as u32).to_le_bytes());
    }

    fn number(&mut self, number: f32) {
        self.0.extend_from_slice(&number.to_bits().to_le_bytes());
    }

    fn bytes(&mut self, data: &[u8]) {
        self.0.extend_from_slice(&(data.len() as u32).to_le_bytes());
        self.0.extend_from_slice(data);
    }

    fn dict_item(&mut self, item: &DictItem) {
        match item {
            DictItem::Dict { map } => {
                self.tag(b'd', map.len());
                for (key, value) in map {
                    self.bytes(key.as_bytes());
                    self.dict_item(value);
                }
            }
            DictItem::Name(name) => {
                self.tag(b'n', 0);
                self.bytes(name);
            }
            DictItem::Int(int) => {
                self.tag(b'i', 0);
                self.0.extend_from_slice(&int.to_le_bytes());
            }
            DictItem::String { data, literal } => {
                self.tag(b's', usize::from(*literal));
                self.bytes(data);
            }
            other => self.debug(other),
        }
    }

    fn debug(&mut self, value: &impl std::fmt::Debug) {
        self.tag(0, 0);
        self.bytes(format!("{value:?}").as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::deflate::Effort;
    use printpdf::{Codepoint, PaintMode, Point};

    fn line(x: f32, glyphs: &[u16]) -> Vec<Op> {
        vec![
            Op::StartTextSection,
            Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(0.0),
                },
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(
                    glyphs
                        .iter()
                        .map(|&gid| Codepoint {
                            gid,
                            offset: 0.0,
                            cid: Some("a".to_string()),
                        })
                        .collect(),
                )],
            },
            Op::EndTextSection,
        ]
    }

    fn inflate(stream: &Stream) -> String {
        use std::io::Read;
        let mut out = String::new();
        flate2::read::ZlibDecoder::new(&stream.bytes[..])
            .read_to_string(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn a_part_is_written_once_a_run_and_told_apart_by_every_number() {
        let mut cache = PartCache::default();
        let mut deflater = Deflater::new(Effort::Page);
        let body = line(10.0, &[1, 2, 3].repeat(20));
        let footer = line(0.0, &[4]);
        let first = cache.streams(
            vec![
                vec![body.clone(), footer.clone()],
                vec![line(20.0, &[3].repeat(60)), footer.clone()],
            ],
            &mut deflater,
        );
        assert_eq!(
            cache.entries.len(),
            3,
            "the footer of both pages is one part"
        );
        assert_eq!(first[0][1], first[1][1]);
        assert!(first[0][0].deflated && !first[0][1].deflated);
        assert!(
            inflate(&first[0][0]).contains("10 0 Td"),
            "{}",
            inflate(&first[0][0])
        );

        // The next document: the same body, a footer a ten-thousandth of a point off
        // (which printpdf's comparison of operations would call the same).
        let second = cache.streams(vec![vec![body, line(0.0001, &[4])]], &mut deflater);
        assert_eq!(
            second[0][0].bytes.as_ptr(),
            first[0][0].bytes.as_ptr(),
            "the body comes from the cache"
        );
        assert_ne!(second[0][1], first[0][1]);
        assert_eq!(cache.entries.len(), 4);

        // Rectangles, filled or stroked.
        let square = |mode| {
            vec![Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(mode),
                    ..Rect::from_wh(Pt(5.0), Pt(5.0))
                },
            }]
        };
        let squares = cache.streams(
            vec![vec![square(PaintMode::Fill), square(PaintMode::Stroke)]],
            &mut deflater,
        );
        assert_ne!(squares[0][0], squares[0][1]);
    }
}
