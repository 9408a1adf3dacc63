//! Render: a [`PagedLayout`] → PDF bytes.
//!
//! The PDF is written directly, object by object, in one pass: each page's content
//! stream from its display list, the fonts subset and trimmed, the pictures embedded
//! losslessly and once each, the dictionaries packed into one compressed object stream.
//! Resource names, font tags, dates and the document ID all derive from the input, so
//! the same layout always gives the same bytes.
//!
//! What a run's documents share is made once: the pictures ([`PictureStore`], shared by
//! every thread) and font subsets for the same glyphs ([`Renderer`], one a thread).

mod content;
mod deflate;
mod file;
mod fonts;
mod images;
mod jpeg;
mod sfnt;
mod syntax;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

pub use file::Pdf;
pub use images::{ImageError, PictureStore};

use crate::geom::Size;
use crate::layout::{Item, PagedLayout};
use crate::model::Picture;
use crate::text::FontBook;
use deflate::{DeflatedCache, Deflater, Effort};
use file::{Body, PdfFile, Trailer};
use fonts::{Codes, Embedding, FontUse, Subset, SubsetCache, SubsetError};
use syntax::{Dict, Ref};

/// Choices for the PDF file that are not part of the layout.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Creation date as Unix seconds; no date is written without one.
    pub timestamp: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Subset(#[from] SubsetError),
    #[error(transparent)]
    Image(#[from] ImageError),
}

/// Renders the documents of one thread, keeping what the next document of the run can
/// use: font subsets by the glyphs they hold (a roster's handouts differ only where a
/// recipient's name needs other letters), and content streams deflated (most pages are the
/// same for every recipient).
#[derive(Default)]
pub struct Renderer {
    subsets: RefCell<SubsetCache>,
    streams: RefCell<DeflatedCache>,
    /// Setting a compressor up costs more than deflating a page; one, set up when first
    /// needed, serves every document of the thread.
    deflater: RefCell<Option<Deflater>>,
    /// Whether a core is free to cut fonts while this one writes the pages: so for a
    /// single handout, not for a roster, whose rows keep every core busy.
    spare_core: bool,
}

impl Renderer {
    /// A renderer for a build that has a core to spare while it renders.
    pub fn with_spare_core() -> Renderer {
        Renderer {
            spare_core: true,
            ..Renderer::default()
        }
    }
}

/// The object numbers every document has.
struct Skeleton {
    catalog: Ref,
    page_tree: Ref,
    info: Ref,
}

/// One font of a document: subset earlier in the run, or to be cut for this document.
enum FontPlan {
    Known(Arc<Subset>),
    New(Codes),
}

impl FontPlan {
    fn codes(&self) -> &Codes {
        match self {
            FontPlan::Known(subset) => &subset.codes,
            FontPlan::New(codes) => codes,
        }
    }
}

/// Writes the layout as a PDF.
pub fn pdf(
    layout: &PagedLayout,
    fonts: &FontBook,
    options: &PdfOptions,
    pictures: &PictureStore,
    renderer: &Renderer,
) -> Result<Pdf, RenderError> {
    let uses = fonts::uses(layout, fonts);
    let plans: Vec<FontPlan> = {
        let subsets = renderer.subsets.borrow();
        uses.iter()
            .map(|used| match subsets.get(used) {
                Some(subset) => FontPlan::Known(subset),
                None => FontPlan::New(Codes::new(used)),
            })
            .collect()
    };
    let cut = |deflater: &mut Deflater| {
        plans
            .iter()
            .filter_map(|plan| match plan {
                FontPlan::New(codes) => Some(Embedding::new(codes, fonts, deflater)),
                FontPlan::Known(_) => None,
            })
            .collect::<Result<Vec<Embedding>, SubsetError>>()
    };
    let mut deflater = renderer.deflater.borrow_mut();
    let mut file = PdfFile::new(deflater.get_or_insert_with(|| Deflater::new(Effort::Text)));
    let skeleton = Skeleton {
        catalog: file.alloc(),
        page_tree: file.alloc(),
        info: file.alloc(),
    };
    let images = distinct_pictures(layout);
    let names = content::Resources {
        fonts: plans
            .iter()
            .enumerate()
            .flat_map(|(index, plan)| {
                let codes = plan.codes();
                codes.faces.iter().map(move |&face| (face, (index, codes)))
            })
            .collect(),
        images: images
            .iter()
            .enumerate()
            .map(|(index, picture)| (picture.path.as_path(), index))
            .collect(),
    };
    let any_new = plans.iter().any(|plan| matches!(plan, FontPlan::New(_)));
    let (pages, embedded) = std::thread::scope(|scope| {
        // The fonts are cut on another core, if there is one, while this writes the pages.
        let cutting = (renderer.spare_core && any_new)
            .then(|| scope.spawn(|| cut(&mut Deflater::new(Effort::Text))));
        let pages = write_pages(&mut file, layout, &names, &skeleton, renderer);
        let embedded = match cutting {
            Some(cutting) => cutting
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => cut(file.deflater()),
        };
        (pages, embedded)
    });
    let subsets = keep_subsets(uses, plans, embedded?, renderer);
    let font_ids = write_fonts(&mut file, &subsets);
    // The pictures come last: another thread may still be making them.
    let image_ids = images
        .iter()
        .map(|picture| {
            let id = file.alloc();
            pictures.get(picture)?.write(&mut file, id);
            Ok(id)
        })
        .collect::<Result<Vec<Ref>, ImageError>>()?;
    write_page_tree(&mut file, layout, &skeleton, &pages, &font_ids, &image_ids);
    let outline = outline(&mut file, layout, &pages);
    file.packed(skeleton.info, |o| {
        document_info(o, layout, options.timestamp)
    });
    file.packed(skeleton.catalog, |o| {
        let mut d = Dict::new(o);
        d.name("Type", "Catalog")
            .reference("Pages", skeleton.page_tree)
            .text("Lang", &layout.info.language);
        // The outline is there for who wants it; the sidebar stays closed.
        if let Some(outline) = outline {
            d.reference("Outlines", outline);
        }
        d.raw("ViewerPreferences", |o| {
            let mut v = Dict::new(o);
            v.bool("DisplayDocTitle", true);
            v.finish();
        });
        d.finish();
    });
    Ok(file.finish(Trailer {
        root: skeleton.catalog,
        info: skeleton.info,
    }))
}

/// Every font's subset: those of earlier documents as they were, the new ones made
/// from their programs (`embedded`, in the plans' order) and kept for the next document.
fn keep_subsets(
    uses: Vec<FontUse>,
    plans: Vec<FontPlan>,
    embedded: Vec<Embedding>,
    renderer: &Renderer,
) -> Vec<Arc<Subset>> {
    let mut embedded = embedded.into_iter();
    uses.into_iter()
        .zip(plans)
        .map(|(used, plan)| match plan {
            FontPlan::Known(subset) => subset,
            FontPlan::New(codes) => {
                let embedding = embedded.next().expect("a program for every new font");
                let subset = Arc::new(Subset { codes, embedding });
                renderer.subsets.borrow_mut().insert(used, subset.clone());
                subset
            }
        })
        .collect()
}

/// Writes the fonts, and the one-byte CMap if any font uses it; the fonts' object numbers.
fn write_fonts(file: &mut PdfFile, subsets: &[Arc<Subset>]) -> Vec<Ref> {
    let font_ids: Vec<Ref> = subsets.iter().map(|_| file.alloc()).collect();
    let one_byte = subsets.iter().any(|s| s.codes.width == 1).then(|| {
        let id = file.alloc();
        fonts::write_one_byte_cmap(file, id);
        id
    });
    for (subset, &id) in subsets.iter().zip(&font_ids) {
        subset.write(file, id, one_byte);
    }
    font_ids
}

/// The page tree, with the size and resources every page shares.
fn write_page_tree(
    file: &mut PdfFile,
    layout: &PagedLayout,
    skeleton: &Skeleton,
    pages: &[Ref],
    font_ids: &[Ref],
    image_ids: &[Ref],
) {
    file.packed(skeleton.page_tree, |o| {
        let mut d = Dict::new(o);
        d.name("Type", "Pages")
            .references("Kids", pages)
            .int("Count", pages.len() as i64);
        if let Some(size) = common_size(layout) {
            d.numbers("MediaBox", &[0.0, 0.0, size.width, size.height]);
        }
        d.raw("Resources", |o| {
            let mut r = Dict::new(o);
            r.raw("Font", |o| named_references(o, "F", font_ids));
            if !image_ids.is_empty() {
                r.raw("XObject", |o| named_references(o, "Im", image_ids));
            }
            r.finish();
        });
        d.finish();
    });
}

/// The size all pages share, which their page tree says once for them.
fn common_size(layout: &PagedLayout) -> Option<Size> {
    let size = layout.pages.first()?.size;
    layout
        .pages
        .iter()
        .all(|page| page.size == size)
        .then_some(size)
}

/// `/Filter/FlateDecode`
const FILTER_NAME_BYTES: usize = 19;

/// Writes each page, its contents and its links; the pages' object numbers.
fn write_pages(
    file: &mut PdfFile,
    layout: &PagedLayout,
    names: &content::Resources,
    skeleton: &Skeleton,
    renderer: &Renderer,
) -> Vec<Ref> {
    let shared_size = common_size(layout).is_some();
    let pages: Vec<Ref> = layout.pages.iter().map(|_| file.alloc()).collect();
    // A stream drawn on several pages (the header, the footer) is stored once.
    let mut written: HashMap<Vec<u8>, Ref> = HashMap::new();
    let mut deflated = renderer.streams.borrow_mut();
    for (page, &id) in layout.pages.iter().zip(&pages) {
        let mut contents = Vec::with_capacity(3);
        for items in [page.header(), page.body(), page.footer(), page.number()] {
            if items.is_empty() {
                continue;
            }
            let raw = content::stream(items, page.size.height, names);
            if let Some(&known) = written.get(&raw) {
                contents.push(known);
                continue;
            }
            let stream = file.alloc();
            let deflated = deflated.get(&raw, file.deflater());
            // A short stream (a page number) can come out of deflate no smaller, less
            // the filter's name; it is stored as it is.
            if deflated.data.len() + FILTER_NAME_BYTES >= raw.len() {
                file.stream(stream, |_| {}, Body::Encoded(&raw));
            } else {
                file.stream(
                    stream,
                    |d| {
                        d.name("Filter", "FlateDecode");
                    },
                    Body::Shared {
                        data: &[deflated.data],
                        fingerprint: deflated.fingerprint,
                    },
                );
            }
            written.insert(raw, stream);
            contents.push(stream);
        }
        let annotations = links(file, page);
        file.packed(id, |o| {
            let mut d = Dict::new(o);
            d.name("Type", "Page")
                .reference("Parent", skeleton.page_tree);
            if !shared_size {
                d.numbers("MediaBox", &[0.0, 0.0, page.size.width, page.size.height]);
            }
            d.references("Contents", &contents);
            if !annotations.is_empty() {
                d.references("Annots", &annotations);
            }
            d.finish();
        });
    }
    pages
}

/// The pictures the pages draw, each once, in the order they first appear.
fn distinct_pictures(layout: &PagedLayout) -> Vec<&Picture> {
    let mut seen: HashSet<&Path> = HashSet::new();
    let mut distinct = Vec::new();
    for placed in layout.pages.iter().flat_map(|page| &page.items) {
        if let Item::Image { picture, .. } = &placed.item {
            if seen.insert(picture.path.as_path()) {
                distinct.push(picture.as_ref());
            }
        }
    }
    distinct
}

/// `<</F1 4 0 R/F2 9 0 R>>`
fn named_references(out: &mut Vec<u8>, prefix: &str, ids: &[Ref]) {
    out.extend_from_slice(b"<<");
    for (index, &id) in ids.iter().enumerate() {
        out.push(b'/');
        out.extend_from_slice(prefix.as_bytes());
        syntax::integer(out, index as u64 + 1);
        out.push(b' ');
        syntax::reference(out, id);
    }
    out.extend_from_slice(b">>");
}

/// The page's links as annotations, each its own object.
fn links(file: &mut PdfFile, page: &crate::layout::Page) -> Vec<Ref> {
    let mut ids = Vec::new();
    for placed in &page.items {
        let Item::Link { size, uri } = &placed.item else {
            continue;
        };
        let (x, top) = (placed.at.x, page.size.height - placed.at.y);
        let id = file.alloc();
        file.packed(id, |o| {
            let mut d = Dict::new(o);
            d.name("Type", "Annot")
                .name("Subtype", "Link")
                .numbers("Rect", &[x, top - size.height, x + size.width, top])
                .numbers("Border", &[0.0, 0.0, 0.0])
                .raw("A", |o| {
                    let mut a = Dict::new(o);
                    a.name("S", "URI")
                        .raw("URI", |o| syntax::literal(o, &uri_bytes(uri)));
                    a.finish();
                });
            d.finish();
        });
        ids.push(id);
    }
    ids
}

/// A URI as PDF stores it, in 7-bit ASCII: anything else percent-encoded as UTF-8.
fn uri_bytes(uri: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(uri.len());
    for &byte in uri.as_bytes() {
        if byte.is_ascii_graphic() {
            out.push(byte);
        } else {
            out.extend_from_slice(format!("%{byte:02X}").as_bytes());
        }
    }
    out
}

/// The outline (bookmarks) in reading order, each pointing at its heading.
fn outline(file: &mut PdfFile, layout: &PagedLayout, pages: &[Ref]) -> Option<Ref> {
    let bookmarks: Vec<_> = layout
        .outline
        .iter()
        .filter(|b| b.page < pages.len())
        .collect();
    if bookmarks.is_empty() {
        return None;
    }
    let root = file.alloc();
    let ids: Vec<Ref> = bookmarks.iter().map(|_| file.alloc()).collect();
    for (i, bookmark) in bookmarks.iter().enumerate() {
        let page_height = layout.pages[bookmark.page].size.height;
        file.packed(ids[i], |o| {
            let mut d = Dict::new(o);
            d.text("Title", &bookmark.title)
                .reference("Parent", root)
                .raw("Dest", |o| {
                    o.push(b'[');
                    syntax::reference(o, pages[bookmark.page]);
                    o.extend_from_slice(b"/XYZ null ");
                    syntax::real(o, page_height - bookmark.y + 4.0, 2);
                    o.extend_from_slice(b" null]");
                });
            if i > 0 {
                d.reference("Prev", ids[i - 1]);
            }
            if let Some(&next) = ids.get(i + 1) {
                d.reference("Next", next);
            }
            d.finish();
        });
    }
    file.packed(root, |o| {
        let mut d = Dict::new(o);
        d.name("Type", "Outlines")
            .reference("First", ids[0])
            .reference("Last", ids[ids.len() - 1])
            .int("Count", ids.len() as i64);
        d.finish();
    });
    Some(root)
}

/// Title, author, subject and who made the file; dates come only from the caller (the
/// content's review date or `SOURCE_DATE_EPOCH`), never the time of the build.
fn document_info(out: &mut Vec<u8>, layout: &PagedLayout, timestamp: Option<i64>) {
    let info = &layout.info;
    let mut d = Dict::new(out);
    d.text("Title", &info.title).text("Author", &info.author);
    if let Some(subject) = info.subject.as_deref().filter(|s| !s.is_empty()) {
        d.text("Subject", subject);
    }
    d.text("Creator", "handout")
        .text("Producer", concat!("handout ", env!("CARGO_PKG_VERSION")));
    if let Some(seconds) = timestamp {
        let date = pdf_date(seconds);
        d.raw("CreationDate", |o| syntax::literal(o, date.as_bytes()))
            .raw("ModDate", |o| syntax::literal(o, date.as_bytes()));
    }
    d.finish();
}

/// `D:YYYYMMDDHHmmSSZ` for a Unix time.
fn pdf_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = crate::calendar::civil_from_days(days);
    format!(
        "D:{year:04}{month:02}{day:02}{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_are_utc_calendar_dates() {
        assert_eq!(pdf_date(0), "D:19700101000000Z");
        // 2026-11-23 00:00:00 UTC
        assert_eq!(pdf_date(1_795_392_000), "D:20261123000000Z");
        assert_eq!(pdf_date(951_782_400 + 3_723), "D:20000229010203Z");
    }

    #[test]
    fn uris_are_ascii() {
        assert_eq!(uri_bytes("https://a.example/x"), b"https://a.example/x");
        assert_eq!(
            uri_bytes("https://ü.example/a b"),
            b"https://%C3%BC.example/a%20b"
        );
    }
}
