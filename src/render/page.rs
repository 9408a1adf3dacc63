//! One laid-out page → printpdf operations. Layout's origin is the top left;
//! PDF's is the bottom left, so every y is flipped here and nowhere else.

use printpdf::{
    Actions, BorderArray, Codepoint, Color, DictItem, LinePoint, LinkAnnotation, Op, PaintMode,
    PdfFontHandle, Point as PdfPoint, Polygon, PolygonRing, Pt, Rect, TextItem, WindingOrder,
    XObjectId, XObjectTransform,
};

use super::finish::utf16_with_bom;
use super::Resources;
use crate::content::Rgb;
use crate::layout::{Item, Page, Shape, TextRun};

/// The ops that draw `page`.
pub fn ops(page: &Page, resources: &Resources) -> Vec<Op> {
    let height = page.size.height;
    let mut ops = Vec::new();
    for placed in &page.items {
        let x = placed.at.x;
        let y = height - placed.at.y;
        match &placed.item {
            Item::Text(run) => text(&mut ops, run, x, y, resources),
            Item::Shape(shape) => rectangle(&mut ops, shape, x, y),
            Item::Image { size, picture } => {
                if let Some(id) = resources.image(picture) {
                    image(&mut ops, id, x, y - size.height, size.width, size.height);
                }
            }
            Item::Link { size, uri } => ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect {
                        x: Pt(x),
                        y: Pt(y - size.height),
                        width: Pt(size.width),
                        height: Pt(size.height),
                        mode: None,
                        winding_order: None,
                    },
                    Actions::uri(uri.clone()),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                ),
            }),
            Item::Qr {
                size,
                modules,
                width,
                color,
            } => qr(&mut ops, *size, modules, *width, *color, x, y),
        }
    }
    ops
}

fn color(rgb: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(rgb.0) / 255.0,
        g: f32::from(rgb.1) / 255.0,
        b: f32::from(rgb.2) / 255.0,
        icc_profile: None,
    })
}

fn text(ops: &mut Vec<Op>, run: &TextRun, x: f32, baseline: f32, resources: &Resources) {
    let Some((font, subset)) = resources.font(run.style.face) else {
        return;
    };
    let size = run.style.size;
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(font.clone()),
        size: Pt(size),
    });
    ops.push(Op::SetFillColor {
        col: color(run.style.color),
    });
    // A fresh text section starts at the origin, so this relative move is absolute.
    ops.push(Op::SetTextCursor {
        pos: PdfPoint {
            x: Pt(x),
            y: Pt(baseline),
        },
    });
    let mut items = Vec::new();
    for glyph in &run.glyphs {
        let (gid, copies_as) = subset.glyph(glyph.id);
        // A glyph that stands for other text than its font's map says (the replacement
        // drawn for a character no font has) is shown alone, with its text as ActualText.
        let own_text = (!glyph.text.is_empty() && glyph.text != copies_as).then_some(&glyph.text);
        if own_text.is_some() && !items.is_empty() {
            ops.push(show(std::mem::take(&mut items)));
        }
        // TJ numbers are thousandths of an em, and a positive one moves the pen left.
        let em = |points: f32| points * 1000.0 / size;
        if glyph.x_offset.abs() >= 1e-3 {
            items.push(TextItem::Offset(-em(glyph.x_offset)));
        }
        let after = glyph.natural_advance - glyph.advance + glyph.x_offset;
        items.push(TextItem::GlyphIds(vec![Codepoint {
            gid,
            offset: if after.abs() < 1e-3 { 0.0 } else { em(after) },
            cid: Some(copies_as),
        }]));
        if let Some(text) = own_text {
            ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".to_string(),
                properties: DictItem::Dict {
                    map: [("ActualText".to_string(), text_string(text))].into(),
                },
            });
            ops.push(show(std::mem::take(&mut items)));
            ops.push(Op::EndMarkedContent);
        }
    }
    if !items.is_empty() {
        ops.push(show(items));
    }
    ops.push(Op::EndTextSection);
}

fn show(items: Vec<TextItem>) -> Op {
    Op::ShowText { items }
}

/// A PDF text string that holds any character.
fn text_string(text: &str) -> DictItem {
    DictItem::String {
        data: utf16_with_bom(text),
        literal: false,
    }
}

fn rectangle(ops: &mut Vec<Op>, shape: &Shape, x: f32, top: f32) {
    let mode = match (shape.fill, shape.stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Fill,
        (None, Some(_)) => PaintMode::Stroke,
        (None, None) => return,
    };
    ops.push(Op::SaveGraphicsState);
    if let Some(fill) = shape.fill {
        ops.push(Op::SetFillColor { col: color(fill) });
    }
    if let Some((stroke, width)) = shape.stroke {
        ops.push(Op::SetOutlineColor { col: color(stroke) });
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    }
    let (w, h) = (shape.size.width, shape.size.height);
    let bottom = top - h;
    let radius = shape.radius.min(w / 2.0).min(h / 2.0);
    if radius <= 0.0 {
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(bottom),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    } else {
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: rounded_rect(x, bottom, w, h, radius),
                }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
    ops.push(Op::RestoreGraphicsState);
}

/// A rounded rectangle as lines and cubic Béziers, counter-clockwise from the bottom left.
fn rounded_rect(x: f32, y: f32, w: f32, h: f32, r: f32) -> Vec<LinePoint> {
    // Distance of the control points from a corner's ends for a quarter circle.
    let k = r * 0.552_284_8;
    let point = |px: f32, py: f32, bezier: bool| LinePoint {
        p: PdfPoint {
            x: Pt(px),
            y: Pt(py),
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

fn image(ops: &mut Vec<Op>, id: &XObjectId, x: f32, bottom: f32, width: f32, height: f32) {
    ops.push(Op::UseXobject {
        id: id.clone(),
        transform: XObjectTransform {
            translate_x: Some(Pt(x)),
            translate_y: Some(Pt(bottom)),
            scale_x: Some(width),
            scale_y: Some(height),
            dpi: Some(72.0),
            no_auto_scale: true,
            ..Default::default()
        },
    });
}

/// Dark modules as filled rectangles, one per horizontal run.
fn qr(ops: &mut Vec<Op>, size: f32, modules: &[bool], width: usize, ink: Rgb, x: f32, top: f32) {
    if width == 0 {
        return;
    }
    let cell = size / width as f32;
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::SetFillColor { col: color(ink) });
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
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x + start as f32 * cell),
                    y: Pt(top - (row + 1) as f32 * cell),
                    width: Pt((column - start) as f32 * cell),
                    height: Pt(cell),
                    mode: Some(PaintMode::Fill),
                    winding_order: Some(WindingOrder::NonZero),
                },
            });
        }
    }
    ops.push(Op::RestoreGraphicsState);
}
