//! Layout: a [`Document`] → pages of positioned text, shapes and pictures.
//!
//! Layout measures with real font metrics, breaks lines, and paginates with
//! look-ahead: headings stay with what follows, cards and boxes stay whole, and no
//! paragraph leaves a single line alone at a page break. It does no I/O and knows
//! nothing of PDF; the result is a value tests can inspect.

mod article;
mod card;
mod compose;
pub mod dump;
pub mod frame;
mod furniture;
mod guidance;
mod log;
pub mod paginate;
mod sheet;
pub mod structure;
pub mod theme;

pub use frame::{Frame, Item, Placed, Shape, TextRun};
pub use structure::{Artifact, Element, ElementId, Mark, Role, Scope, Structure};
pub use theme::Theme;

use crate::diag::{Diagnostic, Diagnostics};
use crate::geom::{Point, Size};
use crate::locale::{self, Words};
use crate::model::{Date, Document, Edition};
use crate::text::Typesetter;
use paginate::Heights;

/// Space between the header and the text, and between the text and the footer.
const FURNITURE_GAP: f32 = 14.0;
/// Below this share of the page left for the handout, the brand's header and
/// footer have crowded it out.
const MIN_BODY_SHARE: f32 = 0.4;

/// The laid-out handout: pages to draw, what each drawn item is, and what the PDF says
/// about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct PagedLayout {
    pub pages: Vec<Page>,
    /// The elements the pages' items are marked with.
    pub structure: Structure,
    pub info: DocumentInfo,
    pub outline: Vec<Bookmark>,
    pub warnings: Diagnostics,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub size: Size,
    /// What the page shows, in reading order: the header, the handout's content, the
    /// footer, then the page number (which sits at the end of the footer's last line).
    pub items: Vec<Placed>,
    /// How many of the first items are the header, and of the last the footer and the
    /// page number. The header and footer are the same on every page of a handout, so
    /// the PDF can hold them once.
    pub header_items: usize,
    pub footer_items: usize,
    pub number_items: usize,
}

impl Page {
    pub fn header(&self) -> &[Placed] {
        &self.items[..self.header_items]
    }

    /// The handout's own content on this page.
    pub fn body(&self) -> &[Placed] {
        &self.items[self.header_items..self.footer_start()]
    }

    pub fn footer(&self) -> &[Placed] {
        &self.items[self.footer_start()..self.items.len() - self.number_items]
    }

    pub fn number(&self) -> &[Placed] {
        &self.items[self.items.len() - self.number_items..]
    }

    fn footer_start(&self) -> usize {
        self.items.len() - self.number_items - self.footer_items
    }
}

/// Metadata for the PDF's document information.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInfo {
    pub title: String,
    pub author: String,
    pub subject: Option<String>,
    pub language: String,
    pub date: Option<Date>,
}

/// An outline entry: a section's heading, or an exercise nested in its section (level 1),
/// with its page (from 0) and position.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub title: String,
    pub level: usize,
    pub page: usize,
    pub y: f32,
}

/// Lays out `doc` as `edition`, on pages of its paper, in the typesetter's fonts.
pub fn layout(
    doc: &Document,
    edition: Edition,
    typesetter: &Typesetter,
) -> Result<PagedLayout, Diagnostics> {
    let theme = Theme::new(&doc.brand, doc.paper).for_edition(edition);
    // The loader let through only languages handouts can be written in.
    let language = locale::resolve(&doc.language).unwrap_or_else(|_| locale::english());
    let words = Words::new(
        language,
        doc.labels.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let mut c = compose::Composer::new(&theme, typesetter, words);
    let header = furniture::header(&mut c, doc);
    let running_header = furniture::running_header(&mut c, doc);
    let footer = furniture::footer(&mut c, doc);
    let footer_top = theme.page.height - theme.margin_bottom - footer.frame.height;
    let body_top = |header: &Frame| theme.margin_top + header.height + FURNITURE_GAP;
    let heights = Heights {
        first: footer_top - FURNITURE_GAP - body_top(&header),
        rest: footer_top - FURNITURE_GAP - body_top(&running_header),
    };
    if heights.first < theme.page.height * MIN_BODY_SHARE {
        let message = format!(
            "the header and footer leave {:.0} pt of each {:.0} pt page for the handout",
            heights.first.max(0.0),
            theme.page.height
        );
        return Err(Diagnostic::error(message)
            .in_file(&doc.source)
            .hint("shorten the brand's name, tagline, address or disclaimer in brand.toml")
            .into());
    }

    let flow = match edition {
        Edition::Standard | Edition::Large => article::flow(&mut c, doc, heights),
        Edition::Sheet => sheet::flow(&mut c, doc, heights),
        Edition::Log { weeks } => log::flow(&mut c, doc, weeks, heights),
    };
    let slots = paginate::paginate(&flow.blocks, heights);
    let mut errors = Diagnostics::default();
    let total = slots.len();
    let mut pages = Vec::with_capacity(total);
    let mut outline = Vec::new();
    for (index, page_slots) in slots.iter().enumerate() {
        let mut frame = Frame::default();
        // The full header is read where it appears, on the first page; the slim one that
        // runs on the others is furniture.
        let header = if index == 0 { &header } else { &running_header };
        frame.push_frame(Point::new(theme.margin_x, theme.margin_top), header.clone());
        let header_items = frame.items.len();
        let body_top = body_top(header);
        for slot in page_slots {
            let block = &flow.blocks[slot.block];
            let placed = block.frame_in(slot);
            if placed.height > heights.of(index) + 0.5 && !errors.has_errors() {
                let message = format!(
                    "part of the handout is {:.0} pt tall, more than the {:.0} pt a page holds",
                    placed.height,
                    heights.of(index)
                );
                errors.push(
                    Diagnostic::error(message)
                        .in_file(&doc.source)
                        .hint("split the text into shorter paragraphs or list items"),
                );
            }
            let top = body_top + slot.top;
            // A box's heading repeated where the box goes on is made an artifact where
            // the box is made.
            if let (true, Some(continuation)) = (slot.continued, &block.continuation) {
                let at = Point::new(theme.margin_x, top - continuation.height);
                frame.push_frame(at, continuation.clone());
            }
            frame.push_frame(Point::new(theme.margin_x, top), placed.clone());
            for entry in flow.entries.iter().filter(|e| e.block == slot.block) {
                outline.push(Bookmark {
                    title: entry.title.clone(),
                    level: entry.level,
                    page: index,
                    y: top,
                });
            }
        }
        let footer_at = Point::new(theme.margin_x, footer_top);
        let number = furniture::page_number(&mut c, &footer, index + 1, total);
        let footer_items = footer.frame.items.len();
        let number_items = number.items.len();
        frame.push_frame(footer_at, footer.frame.clone());
        frame.push_frame(footer_at, number);
        pages.push(Page {
            size: theme.page,
            items: frame.items,
            header_items,
            footer_items,
            number_items,
        });
    }
    if errors.has_errors() {
        errors.extend(c.warnings);
        return Err(errors);
    }
    Ok(PagedLayout {
        pages,
        structure: c.structure,
        info: info(doc),
        outline,
        warnings: c.warnings,
    })
}

fn info(doc: &Document) -> DocumentInfo {
    let subject = doc.summary.as_ref().or(doc.subtitle.as_ref()).map(|text| {
        text.paragraphs
            .iter()
            .map(|p| p.to_plain())
            .collect::<Vec<_>>()
            .join(" ")
    });
    DocumentInfo {
        title: doc.title.clone(),
        author: doc.author.clone().unwrap_or_else(|| doc.brand.name.clone()),
        subject,
        language: doc.language.clone(),
        date: doc.reviewed,
    }
}
