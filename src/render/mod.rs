//! Render: a [`PagedLayout`] → PDF bytes, through printpdf, with lopdf (which printpdf is
//! built on) for what printpdf has no API for: the structure tree, link annotations as
//! their own objects, the outline, the language, XMP metadata and the document ID.
//!
//! Rendering makes no decision and finds no fault in the content: loading checked and
//! prepared everything, and layout placed and marked every item. Fonts are subset and
//! embedded with a map from each glyph to its text, so copying gives back the source;
//! pictures are stored losslessly, each file once however often it is drawn; and resource
//! names, font tags, dates and the document ID all derive from the input, so the same
//! layout always gives the same bytes.
//!
//! What a run's documents share is made once: the pictures ([`PictureStore`], shared by
//! every thread), and the font subsets for the same glyphs and the content streams of the
//! same parts of pages ([`Renderer`], one a thread). Each page is drawn by the streams of
//! its header, body, footer and number, so that a roster's handouts, which differ only in
//! the header and footer that name the recipient, write and deflate their bodies once.

mod deflate;
mod document;
mod fonts;
mod images;
mod outline;
mod page;
mod parts;
mod sfnt;
mod tagging;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use printpdf::{
    ExternalXObject, FontId, OffsetDateTime, Op, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, Rect, TextItem, XObject, XObjectId,
};

pub use images::PictureStore;

use crate::layout::{Item, PagedLayout};
use crate::model::Picture;
use crate::text::FontBook;
use deflate::{DeflatedCache, Deflater, Effort};
pub use fonts::SubsetError as RenderError;
use fonts::{Codes, FontUse, Subset, SubsetCache};
use parts::PartCache;

/// Choices for the PDF file that are not part of the layout.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Creation date as Unix seconds; no date is written without one.
    pub timestamp: Option<i64>,
}

/// Renders the documents of one thread, keeping what the next document of the run can
/// use: font subsets by the glyphs they hold (a roster's handouts differ only where a
/// recipient's name needs other letters), the parts of pages written and deflated (all
/// but those that name the recipient), and other streams deflated (fonts).
#[derive(Default)]
pub struct Renderer {
    subsets: RefCell<SubsetCache>,
    parts: RefCell<PartCache>,
    streams: RefCell<DeflatedCache>,
    /// Setting a compressor up costs more than deflating a page; one, set up when first
    /// needed, serves every document of the thread.
    deflater: RefCell<Option<Deflater>>,
    /// Whether a core is free to cut fonts and make pictures while this one writes the
    /// pages: so for a single handout, not for a roster, whose rows keep every core busy.
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

/// What printpdf is told to do when it makes its lopdf document: nothing to the pictures
/// and fonts, which come ready.
pub(crate) fn save_options() -> PdfSaveOptions {
    PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    }
}

/// Writes the layout as a PDF.
pub fn pdf(
    layout: &PagedLayout,
    fonts: &FontBook,
    options: &PdfOptions,
    pictures: &PictureStore,
    renderer: &Renderer,
) -> Result<Vec<u8>, RenderError> {
    let uses = fonts::uses(layout, fonts);
    let plans: Vec<FontPlan> = {
        let subsets = renderer.subsets.borrow();
        uses.iter()
            .map(|used| match subsets.get(used) {
                Some(subset) => FontPlan::Known(subset),
                None => FontPlan::New(Codes::new(used, fonts)),
            })
            .collect()
    };
    let shown = distinct_pictures(layout);
    let resources = page::Resources {
        structure: &layout.structure,
        fonts: plans
            .iter()
            .enumerate()
            .flat_map(|(index, plan)| {
                let codes = plan.codes();
                let id = FontId(format!("F{}", index + 1));
                codes
                    .faces
                    .iter()
                    .map(move |&face| (face, (id.clone(), codes)))
            })
            .collect(),
        images: shown
            .iter()
            .enumerate()
            .map(|(index, picture)| (picture.path.as_path(), image_id(index)))
            .collect(),
    };
    // The fonts are cut and the pictures made on another core, if there is one, while this
    // one writes the pages.
    let make = || {
        let mut deflater = Deflater::new(Effort::Font);
        let cut: Result<Vec<Subset>, RenderError> = plans
            .iter()
            .filter_map(|plan| match plan {
                FontPlan::New(codes) => Some(Subset::cut(codes.clone(), fonts, &mut deflater)),
                FontPlan::Known(_) => None,
            })
            .collect();
        let images: Vec<ExternalXObject> = shown.iter().map(|p| pictures.get(p)).collect();
        (cut, images)
    };
    let (contents, (cut, images)) = std::thread::scope(|scope| {
        let making = renderer.spare_core.then(|| scope.spawn(make));
        let contents: Vec<page::PageContent> = layout
            .pages
            .iter()
            .map(|page| page::content(page, &resources))
            .collect();
        let made = match making {
            Some(making) => making
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => make(),
        };
        (contents, made)
    });
    let subsets = keep_subsets(uses, plans, cut?, renderer);
    let (contents, parts): (Vec<_>, Vec<_>) = contents
        .into_iter()
        .map(|mut content| {
            let parts = std::mem::take(&mut content.parts);
            (content, parts)
        })
        .unzip();
    let parts = {
        let mut deflater = renderer.deflater.borrow_mut();
        let deflater = deflater.get_or_insert_with(|| Deflater::new(Effort::Page));
        renderer.parts.borrow_mut().streams(parts, deflater)
    };

    let mut document = PdfDocument::new(&layout.info.title);
    describe(&mut document, layout, options.timestamp);
    for (index, subset) in subsets.iter().enumerate() {
        let id = FontId(format!("F{}", index + 1));
        let font = PdfFont::new(subset.font.clone());
        document.resources.fonts.map.insert(id, font);
    }
    for (index, image) in images.into_iter().enumerate() {
        let images = &mut document.resources.xobjects.map;
        images.insert(image_id(index), XObject::External(image));
    }
    // The pages are drawn by their parts' streams, added below. printpdf is given only
    // the glyphs each font shows, from which it writes the fonts.
    let mut glyphs = Some(show_every_glyph(&subsets));
    let pages = layout
        .pages
        .iter()
        .map(|page| {
            let size = Rect::from_wh(Pt(page.size.width), Pt(page.size.height));
            PdfPage {
                media_box: size.clone(),
                trim_box: size.clone(),
                crop_box: size,
                ops: glyphs.take().unwrap_or_default(),
            }
        })
        .collect();
    document.with_pages(pages);

    let mut doc = document.to_lopdf_document(&save_options(), &mut Vec::new());
    // Tagged content, the artifact types and /Tabs need PDF 1.7 (printpdf starts at 1.3).
    doc.version = "1.7".to_string();
    let page_ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    draw_pages(&mut doc, &page_ids, parts);
    document::tidy_pages(&mut doc, &page_ids);
    let structure = tagging::tag(&mut doc, &page_ids, &contents, &layout.structure);
    let outline = outline::outline(&mut doc, layout, &page_ids);
    document::catalog(
        &mut doc,
        &layout.info,
        options.timestamp,
        structure,
        outline,
    );
    document::tidy_info(&mut doc, &layout.info, options.timestamp);
    deflate_streams(&mut doc, renderer);
    document::identify(&mut doc);

    let mut bytes = Vec::with_capacity(256 * 1024);
    let save = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(1000)
        .compression_level(6)
        .build();
    doc.save_with_options(&mut bytes, save)
        .expect("writing to memory cannot fail");
    Ok(bytes)
}

/// Operations that show every glyph of every font once: what printpdf writes each font's
/// widths and map to text from.
fn show_every_glyph(subsets: &[Arc<Subset>]) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (index, subset) in subsets.iter().enumerate() {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(format!("F{}", index + 1))),
            size: Pt(1.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(subset.codes.shown())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Makes each page's contents its parts' streams, in order, in place of what printpdf
/// wrote; a stream that several pages draw is stored once.
fn draw_pages(
    doc: &mut lopdf::Document,
    page_ids: &[lopdf::ObjectId],
    parts: Vec<Vec<parts::Stream>>,
) {
    let mut stored: HashMap<parts::Stream, lopdf::ObjectId> = HashMap::new();
    for (&page, streams) in page_ids.iter().zip(parts) {
        let references: Vec<lopdf::Object> = streams
            .into_iter()
            .map(|stream| {
                let id = *stored.entry(stream).or_insert_with_key(|stream| {
                    let mut dict = lopdf::Dictionary::new();
                    if stream.deflated {
                        dict.set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
                    }
                    doc.add_object(lopdf::Stream::new(dict, stream.bytes.to_vec()))
                });
                lopdf::Object::Reference(id)
            })
            .collect();
        let page = doc
            .get_dictionary_mut(page)
            .expect("printpdf wrote the page");
        let written = page
            .get(b"Contents")
            .and_then(lopdf::Object::as_reference)
            .ok();
        // One stream is referred to alone, as most readers expect.
        let contents = match <[lopdf::Object; 1]>::try_from(references) {
            Ok([one]) => one,
            Err(references) => lopdf::Object::Array(references),
        };
        page.set("Contents", contents);
        if let Some(written) = written {
            doc.objects.remove(&written);
        }
    }
}

/// `/Im1`, `/Im2`, …: fixed names, where printpdf would draw random ones.
fn image_id(index: usize) -> XObjectId {
    XObjectId(format!("Im{}", index + 1))
}

/// Title, author, subject and who made the file, and its date when one is given.
fn describe(document: &mut PdfDocument, layout: &PagedLayout, timestamp: Option<i64>) {
    let info = &mut document.metadata.info;
    info.author = layout.info.author.clone();
    info.subject = layout.info.subject.clone().unwrap_or_default();
    info.creator = "handout".to_string();
    info.producer = concat!("handout ", env!("CARGO_PKG_VERSION")).to_string();
    if let Some(date) = timestamp.and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok()) {
        info.creation_date = date;
        info.modification_date = date;
    }
}

/// Every font's subset: those of earlier documents as they were, the new ones as cut
/// (`cut`, in the plans' order) and kept for the next document.
fn keep_subsets(
    uses: Vec<FontUse>,
    plans: Vec<FontPlan>,
    cut: Vec<Subset>,
    renderer: &Renderer,
) -> Vec<Arc<Subset>> {
    let mut cut = cut.into_iter();
    uses.into_iter()
        .zip(plans)
        .map(|(used, plan)| match plan {
            FontPlan::Known(subset) => subset,
            FontPlan::New(_) => {
                let subset = Arc::new(cut.next().expect("a subset for every new font"));
                renderer.subsets.borrow_mut().insert(used, subset.clone());
                let program = &subset.font.original_bytes;
                renderer
                    .streams
                    .borrow_mut()
                    .insert(program, subset.deflated.clone());
                subset
            }
        })
        .collect()
}

/// Deflates every stream left plain (pages, font programs and their Unicode maps, the
/// metadata), with the thread's one compressor, each once a run. A stream that deflating
/// would not shrink stays as it is.
fn deflate_streams(doc: &mut lopdf::Document, renderer: &Renderer) {
    let mut deflater = renderer.deflater.borrow_mut();
    let deflater = deflater.get_or_insert_with(|| Deflater::new(Effort::Page));
    let mut cache = renderer.streams.borrow_mut();
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") {
            continue;
        }
        let deflated = cache.get(&stream.content, deflater);
        // `/Filter/FlateDecode` costs 19 bytes.
        if deflated.len() + 19 < stream.content.len() {
            stream
                .dict
                .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(deflated.to_vec());
        }
    }
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
