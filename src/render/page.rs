//! One laid-out page → printpdf operations, each item inside the marked content its mark
//! asks for. Layout's origin is the top left; PDF's is the bottom left, so every y is
//! flipped here and nowhere else.
//!
//! Items are drawn in the order layout placed them, which is the reading order, so each
//! list label comes before its body and every reader, whether it goes by the structure
//! tree or by the drawing, reads the same. The operations are kept few: text that follows
//! on shares a text object (the marked content of its elements inside it) and moves by
//! relative offsets, and a colour, font or line width is set only when it changes. Positions are rounded to a hundredth of a point.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use printpdf::{
    Codepoint, Color, DictItem, FontId, Greyscale, LinePoint, Op, PaintMode, PdfFontHandle,
    Point as PdfPoint, Polygon, PolygonRing, Pt, Rect, TextItem, WindingOrder, XObjectId,
    XObjectTransform,
};

use super::fonts::Codes;
use crate::layout::{Artifact, ElementId, Item, Mark, Page, Shape, Structure, TextRun};
use crate::model::Rgb;
use crate::text::FaceId;

/// What a page's operations name: fonts and pictures by resource, elements by role.
pub struct Resources<'a> {
    pub structure: &'a Structure,
    pub fonts: BTreeMap<FaceId, (FontId, &'a Codes)>,
    pub images: HashMap<&'a Path, XObjectId>,
}

/// A page's drawing, and what the structure tree needs to know of it.
#[derive(Default)]
pub struct PageContent {
    /// The drawing in parts, each its own content stream: the header, the body, the
    /// footer and the page number. Each part sets every state it draws with, so it draws
    /// the same after any other: a roster's pages differ from one recipient to the next
    /// only in the parts that name them, and the others are made into bytes once, and a
    /// header or footer that repeats on every page is stored once.
    pub parts: Vec<Vec<Op>>,
    /// By marked-content id: the element whose content that marked content is.
    pub owners: Vec<ElementId>,
    pub links: Vec<LinkArea>,
    /// Where each figure is drawn on the page, as PDF rectangles `[left, bottom, right, top]`.
    pub figures: Vec<(ElementId, [f32; 4])>,
}

/// A clickable area, in PDF's coordinates.
pub struct LinkArea {
    pub rect: [f32; 4],
    /// The link element it belongs to, which holds its address and description.
    pub element: ElementId,
}

/// The operations that draw `page`.
pub fn content(page: &Page, resources: &Resources) -> PageContent {
    let mut writer = Writer {
        out: PageContent::default(),
        ops: Vec::new(),
        resources,
        mark: None,
        text: None,
        fill: None,
        stroke: None,
        line_width: None,
        font: None,
    };
    let footer = page.items.len() - page.number_items - page.footer_items;
    let number = page.items.len() - page.number_items;
    for (at, placed) in page.items.iter().enumerate() {
        if at == page.header_items || at == footer || at == number {
            writer.end_part();
        }
        let (x, top) = (placed.at.x, page.size.height - placed.at.y);
        // Links are annotations, beside the content.
        if let Item::Link { size, .. } = &placed.item {
            if let Mark::Content(element) = placed.mark {
                let rect = [x, top - size.height, x + size.width, top].map(round);
                writer.out.links.push(LinkArea { rect, element });
            }
            continue;
        }
        // Text that follows on shares one text object, its elements' marked content
        // inside it; anything else is drawn outside text objects.
        match &placed.item {
            Item::Text(_) => {
                writer.begin_text();
            }
            _ => writer.end_text(),
        }
        writer.enter(placed.mark);
        match &placed.item {
            Item::Text(run) => writer.text(run, x, top),
            Item::Shape(shape) => writer.shape(shape, x, top),
            Item::Image { size, picture } => {
                if let Some(id) = resources.images.get(picture.path.as_path()) {
                    let rect = [x, top - size.height, x + size.width, top];
                    writer.figure(placed.mark, rect);
                    writer.image(id.clone(), rect);
                }
            }
            Item::Qr {
                size,
                modules,
                width,
                color,
            } => {
                writer.figure(placed.mark, [x, top - size, x + size, top]);
                writer.qr(*size, modules, *width, *color, x, top);
            }
            Item::Link { .. } => {}
        }
    }
    writer.end_part();
    writer.out
}

struct Writer<'a> {
    out: PageContent,
    /// The operations of the part being written.
    ops: Vec<Op>,
    resources: &'a Resources<'a>,
    /// The marked content open now.
    mark: Option<Mark>,
    /// Inside a text object: where the current line starts, in hundredths of a point.
    text: Option<(i64, i64)>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    line_width: Option<f32>,
    /// The face and size set, the size in hundredths of a point.
    font: Option<(FaceId, i64)>,
}

/// A position or size to a hundredth of a point (a third of a micrometre), which is also
/// how short printpdf writes it.
fn round(value: f32) -> f32 {
    (value * 100.0).round() / 100.0
}

fn pt(value: f32) -> Pt {
    Pt(round(value))
}

fn hundredths(value: f32) -> i64 {
    (f64::from(value) * 100.0).round() as i64
}

impl Writer<'_> {
    /// Ends the part being written, if it drew anything, and forgets the state it set,
    /// so that the next part sets its own.
    fn end_part(&mut self) {
        self.end_text();
        self.close_mark();
        (self.fill, self.stroke, self.line_width, self.font) = (None, None, None, None);
        if !self.ops.is_empty() {
            self.out.parts.push(std::mem::take(&mut self.ops));
        }
    }

    /// Makes `mark` the marked content open: the items of an element's content are one
    /// marked-content sequence until something else is drawn.
    fn enter(&mut self, mark: Mark) {
        if self.mark == Some(mark) {
            return;
        }
        self.close_mark();
        let (tag, properties) = match mark {
            Mark::Content(element) => {
                let id = self.out.owners.len() as i64;
                self.out.owners.push(element);
                let role = self.resources.structure.get(element).role.name();
                (role, vec![("MCID", DictItem::Int(id))])
            }
            Mark::Artifact(Artifact::Layout) => ("Artifact", vec![("Type", name("Layout"))]),
            Mark::Artifact(Artifact::Header) => (
                "Artifact",
                vec![("Type", name("Pagination")), ("Subtype", name("Header"))],
            ),
            Mark::Artifact(Artifact::Footer) => (
                "Artifact",
                vec![("Type", name("Pagination")), ("Subtype", name("Footer"))],
            ),
        };
        let map = properties
            .into_iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect();
        self.ops.push(Op::BeginMarkedContentWithProperties {
            tag: tag.to_string(),
            properties: DictItem::Dict { map },
        });
        self.mark = Some(mark);
    }

    fn close_mark(&mut self) {
        if self.mark.take().is_some() {
            self.ops.push(Op::EndMarkedContent);
        }
    }

    /// Opens a text object, unless one is open (marked content opened outside it is closed
    /// first, as the two must nest); returns where its current line starts.
    fn begin_text(&mut self) -> (i64, i64) {
        match self.text {
            Some(line) => line,
            None => {
                self.close_mark();
                self.ops.push(Op::StartTextSection);
                // A new text object starts its lines at the origin.
                self.text = Some((0, 0));
                (0, 0)
            }
        }
    }

    /// Closes the text object open, and the marked content inside it.
    fn end_text(&mut self) {
        if self.text.take().is_some() {
            self.close_mark();
            self.ops.push(Op::EndTextSection);
        }
    }

    /// Notes where a figure element is drawn.
    fn figure(&mut self, mark: Mark, rect: [f32; 4]) {
        if let Mark::Content(element) = mark {
            self.out.figures.push((element, rect.map(round)));
        }
    }

    fn set_fill(&mut self, rgb: Rgb) {
        if self.fill != Some(rgb) {
            self.fill = Some(rgb);
            self.ops.push(Op::SetFillColor { col: color(rgb) });
        }
    }

    fn set_stroke(&mut self, rgb: Rgb, width: f32) {
        if self.stroke != Some(rgb) {
            self.stroke = Some(rgb);
            self.ops.push(Op::SetOutlineColor { col: color(rgb) });
        }
        let width = round(width);
        if self.line_width != Some(width) {
            self.line_width = Some(width);
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
    }

    fn text(&mut self, run: &TextRun, x: f32, baseline: f32) {
        let Some((font, codes)) = self.resources.fonts.get(&run.style.face) else {
            return;
        };
        let (line_x, line_y) = self.begin_text();
        let size = hundredths(run.style.size);
        if self.font != Some((run.style.face, size)) {
            self.font = Some((run.style.face, size));
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: pt(run.style.size),
            });
        }
        self.set_fill(run.style.color);
        let (to_x, to_y) = (hundredths(x), hundredths(baseline));
        self.ops.push(Op::SetTextCursor {
            pos: PdfPoint {
                x: Pt((to_x - line_x) as f32 / 100.0),
                y: Pt((to_y - line_y) as f32 / 100.0),
            },
        });
        self.text = Some((to_x, to_y));
        Glyphs::new(&mut self.ops, codes, run.style.size).show(run);
    }

    fn shape(&mut self, shape: &Shape, x: f32, top: f32) {
        let mode = match (shape.fill, shape.stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        if let Some(fill) = shape.fill {
            self.set_fill(fill);
        }
        if let Some((stroke, width)) = shape.stroke {
            self.set_stroke(stroke, width);
        }
        let (w, h) = (shape.size.width, shape.size.height);
        let bottom = top - h;
        let radius = shape.radius.min(w / 2.0).min(h / 2.0);
        if radius <= 0.0 {
            self.ops.push(Op::DrawRectangle {
                rectangle: rect(x, bottom, w, h, mode),
            });
        } else {
            self.ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing {
                        points: rounded_rectangle(x, bottom, w, h, radius),
                    }],
                    mode,
                    winding_order: WindingOrder::NonZero,
                },
            });
        }
    }

    fn image(&mut self, id: XObjectId, [left, bottom, right, top]: [f32; 4]) {
        self.ops.push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(pt(left)),
                translate_y: Some(pt(bottom)),
                scale_x: Some(round(right - left)),
                scale_y: Some(round(top - bottom)),
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        });
    }

    /// Dark modules as rectangles, one per horizontal run.
    fn qr(&mut self, size: f32, modules: &[bool], width: usize, ink: Rgb, x: f32, top: f32) {
        if width == 0 {
            return;
        }
        self.set_fill(ink);
        let cell = size / width as f32;
        for (row, cells) in modules.chunks_exact(width).enumerate() {
            let mut column = 0;
            while column < width {
                if !cells[column] {
                    column += 1;
                    continue;
                }
                let start = column;
                while column < width && cells[column] {
                    column += 1;
                }
                self.ops.push(Op::DrawRectangle {
                    rectangle: rect(
                        x + start as f32 * cell,
                        top - (row + 1) as f32 * cell,
                        (column - start) as f32 * cell,
                        cell,
                        PaintMode::Fill,
                    ),
                });
            }
        }
    }
}

fn name(name: &str) -> DictItem {
    DictItem::Name(name.as_bytes().to_vec())
}

/// A colour in one number when it is a grey: the same colour, printed in black ink alone
/// rather than a mix. Three places tell every one of 256 levels from its neighbours.
fn color(rgb: Rgb) -> Color {
    let channel = |c: u8| (f32::from(c) / 255.0 * 1000.0).round() / 1000.0;
    if rgb.0 == rgb.1 && rgb.1 == rgb.2 {
        Color::Greyscale(Greyscale {
            percent: channel(rgb.0),
            icc_profile: None,
        })
    } else {
        Color::Rgb(printpdf::Rgb {
            r: channel(rgb.0),
            g: channel(rgb.1),
            b: channel(rgb.2),
            icc_profile: None,
        })
    }
}

fn rect(x: f32, y: f32, width: f32, height: f32, mode: PaintMode) -> Rect {
    Rect {
        x: pt(x),
        y: pt(y),
        width: pt(width),
        height: pt(height),
        mode: Some(mode),
        winding_order: Some(WindingOrder::NonZero),
    }
}

/// Lines and quarter circles (as cubic Béziers), counter-clockwise from the bottom left.
fn rounded_rectangle(x: f32, y: f32, w: f32, h: f32, r: f32) -> Vec<LinePoint> {
    // Distance of the control points from a corner's ends for a quarter circle.
    let k = r * 0.552_284_8;
    let point = |px: f32, py: f32, bezier: bool| LinePoint {
        p: PdfPoint {
            x: pt(px),
            y: pt(py),
        },
        bezier,
    };
    let (right, top) = (x + w, y + h);
    vec![
        point(x + r, y, false),
        point(right - r, y, false),
        point(right - r + k, y, true),
        point(right, y + r - k, true),
        point(right, y + r, false),
        point(right, top - r, false),
        point(right, top - r + k, true),
        point(right - r + k, top, true),
        point(right - r, top, false),
        point(x + r, top, false),
        point(x + r - k, top, true),
        point(x, top - r + k, true),
        point(x, top - r, false),
        point(x, y + r, false),
        point(x, y + r - k, true),
        point(x + r - k, y, true),
        point(x + r, y, false),
    ]
}

/// One run's glyphs as `TJ` arrays, with the moves between glyphs that put each exactly
/// where layout placed it: kerning, a mark's offset over its letter, and what the `W`
/// array's whole-numbered widths leave out.
struct Glyphs<'o> {
    ops: &'o mut Vec<Op>,
    codes: &'o Codes,
    /// Thousandths of an em per point.
    per_point: f64,
    items: Vec<Codepoint>,
    /// How far left to move the pen before the next glyph, in thousandths of an em: what
    /// is written is rounded to a tenth, and the rest carried on.
    pending: f64,
    /// A move to write before the run's first glyph.
    lead: f32,
}

impl<'o> Glyphs<'o> {
    fn new(ops: &'o mut Vec<Op>, codes: &'o Codes, size: f32) -> Self {
        Glyphs {
            ops,
            codes,
            per_point: 1000.0 / f64::from(size),
            items: Vec::new(),
            pending: 0.0,
            lead: 0.0,
        }
    }

    fn show(mut self, run: &TextRun) {
        for glyph in run.glyphs.iter() {
            let (code, copies_as, width) = self.codes.glyph(glyph.id);
            // A glyph that stands for other text than its font's map says (the replacement
            // drawn for a character no font has) is shown alone, with its text as ActualText.
            let own_text = !glyph.text.is_empty() && glyph.text != copies_as;
            if own_text {
                self.flush();
                self.ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Span".to_string(),
                    properties: DictItem::Dict {
                        map: [("ActualText".to_string(), text_string(&glyph.text))].into(),
                    },
                });
            }
            self.pending -= f64::from(glyph.x_offset) * self.per_point;
            self.write_move();
            // The text a glyph copies as goes into its font's map once a document (see
            // `show_every_glyph`), not with each glyph drawn.
            self.items.push(Codepoint {
                gid: code,
                offset: 0.0,
                cid: None,
            });
            let advance = f64::from(glyph.advance - glyph.x_offset) * self.per_point;
            self.pending += width as f64 - advance;
            if own_text {
                self.flush();
                self.ops.push(Op::EndMarkedContent);
            }
        }
        // A move after the last glyph is dropped: the next run says where it starts.
        self.flush();
    }

    /// Writes the pending move, as TJ says it, after the last glyph written (or before the
    /// first).
    fn write_move(&mut self) {
        let written = (self.pending * 10.0).round() / 10.0;
        if written == 0.0 {
            return;
        }
        self.pending -= written;
        match self.items.last_mut() {
            Some(last) => last.offset += written as f32,
            None => self.lead += written as f32,
        }
    }

    fn flush(&mut self) {
        if self.items.is_empty() {
            return;
        }
        let mut items = Vec::with_capacity(2);
        if self.lead != 0.0 {
            items.push(TextItem::Offset(std::mem::take(&mut self.lead)));
        }
        items.push(TextItem::GlyphIds(std::mem::take(&mut self.items)));
        self.ops.push(Op::ShowText { items });
    }
}

/// A PDF text string that holds any character: UTF-16, big-endian, after its byte order mark.
pub fn text_string(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    DictItem::String {
        data,
        literal: false,
    }
}
