//! Render: a [`PagedLayout`] → PDF bytes. The only module that names printpdf.
//!
//! Fonts are subset and embedded with a ToUnicode map, so copying text gives back
//! the source; pictures are embedded losslessly, each file once however often it
//! is drawn; and resource names, font tags, dates and the document ID are all
//! derived from the input, so the same layout always gives the same bytes.

mod finish;
mod fonts;
mod images;
mod page;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use printpdf::{
    ExternalXObject, FontId, ParsedFont, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, Pt, Rect,
    XObject, XObjectId,
};

use flate2::write::ZlibEncoder;
use flate2::Compression;

use crate::content::Picture;
use crate::layout::{Item, PagedLayout};
use crate::text::{FaceId, FontBook};
use fonts::Subset;

/// Choices for the PDF file that are not part of the layout.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Creation date as Unix seconds; no date is written without one.
    pub timestamp: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Subset(#[from] fonts::SubsetError),
    #[error(transparent)]
    Image(#[from] images::ImageError),
    #[error("cannot read back the subset of font {0}")]
    Font(String),
    #[error("cannot write the PDF: {0}")]
    Write(#[from] std::io::Error),
}

/// The fonts and pictures a document's pages refer to, under fixed resource names.
pub(crate) struct Resources {
    fonts: Vec<(FontId, Subset)>,
    /// Which of `fonts` sets each face.
    faces: BTreeMap<FaceId, usize>,
    images: BTreeMap<PathBuf, XObjectId>,
}

impl Resources {
    fn font(&self, face: FaceId) -> Option<(&FontId, &Subset)> {
        let (id, subset) = &self.fonts[*self.faces.get(&face)?];
        Some((id, subset))
    }

    fn image(&self, picture: &Picture) -> Option<&XObjectId> {
        self.images.get(&picture.path)
    }
}

/// What rendering keeps for the next document of a run: the pictures made into PDF image
/// objects (a roster's handouts all show the same logo and exercise pictures), and the
/// deflated font subsets (which differ only when a reader's name needs other letters).
#[derive(Default)]
pub struct RenderCache {
    objects: RefCell<HashMap<PathBuf, ExternalXObject>>,
    fonts: RefCell<HashMap<Vec<u8>, Vec<u8>>>,
}

impl RenderCache {
    fn object(&self, picture: &Picture) -> Result<ExternalXObject, RenderError> {
        if let Some(object) = self.objects.borrow().get(&picture.path) {
            return Ok(object.clone());
        }
        let object = images::xobject(picture)?;
        self.objects
            .borrow_mut()
            .insert(picture.path.clone(), object.clone());
        Ok(object)
    }
}

/// Deflates every stream not compressed yet, as tightly as zlib can, with one compressor
/// for all of them (setting one up costs more than deflating a page of text). A font
/// subset deflated for an earlier document of the run is taken from `cache`.
fn deflate_streams(doc: &mut lopdf::Document, cache: &RenderCache) -> std::io::Result<()> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let is_font = stream.dict.has(b"Length1");
        let known = is_font
            .then(|| cache.fonts.borrow().get(&stream.content).cloned())
            .flatten();
        let deflated = match known {
            Some(deflated) => deflated,
            None => {
                encoder.write_all(&stream.content)?;
                let deflated = encoder.reset(Vec::new())?;
                if is_font {
                    let mut fonts = cache.fonts.borrow_mut();
                    fonts.insert(stream.content.clone(), deflated.clone());
                }
                deflated
            }
        };
        // As lopdf does: a stream that deflating would not shrink stays as it is.
        if deflated.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(deflated);
        }
    }
    Ok(())
}

fn font_resource_name(index: usize) -> String {
    format!("F{}", index + 1)
}

/// Writes the layout as a PDF.
pub fn pdf(
    layout: &PagedLayout,
    fonts: &FontBook,
    options: &PdfOptions,
    cache: &RenderCache,
) -> Result<Vec<u8>, RenderError> {
    let mut doc = PdfDocument::new(&layout.info.title);
    let subsets = fonts::subset_fonts(layout, fonts)?;
    let resources = register(&mut doc, layout, subsets, cache)?;

    let pages = layout
        .pages
        .iter()
        .map(|page| {
            let size = Rect::from_wh(Pt(page.size.width), Pt(page.size.height));
            PdfPage {
                media_box: size.clone(),
                trim_box: size.clone(),
                crop_box: size,
                ops: page::ops(page, &resources),
            }
        })
        .collect();
    doc.with_pages(pages);

    let info = &mut doc.metadata.info;
    info.author = layout.info.author.clone();
    info.subject = layout.info.subject.clone().unwrap_or_default();
    info.creator = "handout".to_string();
    info.producer = concat!("handout ", env!("CARGO_PKG_VERSION")).to_string();

    let save = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lopdf = doc.to_lopdf_document(&save, &mut warnings);
    let subsets: Vec<Subset> = resources
        .fonts
        .into_iter()
        .map(|(_, subset)| subset)
        .collect();
    finish::finish(&mut lopdf, layout, &subsets, options.timestamp);
    deflate_streams(&mut lopdf, cache)?;
    let mut bytes = Vec::new();
    lopdf.save_modern(&mut bytes)?;
    Ok(bytes)
}

/// Adds the font subsets and every distinct picture to the document.
fn register(
    doc: &mut PdfDocument,
    layout: &PagedLayout,
    subsets: Vec<Subset>,
    cache: &RenderCache,
) -> Result<Resources, RenderError> {
    let mut fonts = Vec::new();
    let mut faces = BTreeMap::new();
    for (index, subset) in subsets.into_iter().enumerate() {
        let parsed = ParsedFont::from_bytes(&subset.bytes, 0, &mut Vec::new())
            .ok_or_else(|| RenderError::Font(subset.postscript_name.clone()))?;
        let id = FontId(font_resource_name(index));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        faces.extend(subset.faces.iter().map(|&face| (face, index)));
        fonts.push((id, subset));
    }
    let mut images: BTreeMap<PathBuf, XObjectId> = BTreeMap::new();
    let pictures = layout
        .pages
        .iter()
        .flat_map(|page| &page.items)
        .filter_map(|placed| match &placed.item {
            Item::Image { picture, .. } => Some(picture),
            _ => None,
        });
    for picture in pictures {
        if images.contains_key(&picture.path) {
            continue;
        }
        let id = XObjectId(format!("Im{}", images.len() + 1));
        let object = cache.object(Arc::as_ref(picture))?;
        doc.resources
            .xobjects
            .map
            .insert(id.clone(), XObject::External(object));
        images.insert(picture.path.clone(), id);
    }
    Ok(Resources {
        fonts,
        faces,
        images,
    })
}
