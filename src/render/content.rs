//! Laid-out items → a content stream. Layout's origin is the top left; PDF's is the
//! bottom left, so every y is flipped here and nowhere else.
//!
//! A stream assumes nothing of the state the streams before it leave (a page's contents
//! are its header's, its body's, its footer's and its page number's streams, one after
//! another), so one stream can be drawn on several pages.
//!
//! The stream is kept short: consecutive text shares one text object and moves by
//! relative offsets, a colour, font or line width is set only when it changes, and
//! positions are written to a hundredth of a point (a third of a micrometre).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::fonts::Codes;
use super::syntax::{self, fixed, real};
use crate::layout::{Item, Placed, Shape, TextRun};
use crate::model::Rgb;
use crate::text::FaceId;

/// What a page's stream names, by resource number (`/F1`, `/Im1`, …).
pub struct Resources<'a> {
    pub fonts: BTreeMap<FaceId, (usize, &'a Codes)>,
    pub images: HashMap<&'a Path, usize>,
}

/// Positions are written in hundredths of a point.
const PLACES: u32 = 2;

fn hundredths(value: f32) -> i64 {
    (f64::from(value) * 100.0).round() as i64
}

/// The content stream that draws `items` on a page `height` tall.
pub fn stream(items: &[Placed], height: f32, resources: &Resources) -> Vec<u8> {
    let mut writer = Writer {
        out: Vec::with_capacity(8 * 1024),
        resources,
        fill: None,
        stroke: None,
        line_width: None,
        font: None,
        text: None,
    };
    for placed in items {
        let (x, top) = (placed.at.x, height - placed.at.y);
        match &placed.item {
            Item::Text(run) => writer.text(run, x, top),
            Item::Shape(shape) => writer.shape(shape, x, top),
            Item::Image { size, picture } => {
                if let Some(&index) = resources.images.get(picture.path.as_path()) {
                    writer.image(index, x, top - size.height, size.width, size.height);
                }
            }
            Item::Qr {
                size,
                modules,
                width,
                color,
            } => writer.qr(*size, modules, *width, *color, x, top),
            // Links are annotations, beside the content.
            Item::Link { .. } => {}
        }
    }
    writer.end_text();
    writer.out
}

struct Writer<'a> {
    out: Vec<u8>,
    resources: &'a Resources<'a>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    line_width: Option<i64>,
    /// The font resource and size set, in hundredths of a point.
    font: Option<(usize, i64)>,
    /// Inside a text object: where the current line starts, in hundredths of a point.
    text: Option<(i64, i64)>,
}

impl Writer<'_> {
    fn op(&mut self, operator: &[u8]) {
        self.out.extend_from_slice(operator);
        self.out.push(b'\n');
    }

    fn number(&mut self, value: f32) {
        real(&mut self.out, value, PLACES);
        self.out.push(b' ');
    }

    /// Sets a colour with `rgb` (or `RG`), or a grey with `gray` (or `G`): the same
    /// colour, said in one number, and printed in black ink alone rather than a mix.
    fn color(&mut self, rgb: Rgb, rgb_operator: &[u8], gray_operator: &[u8]) {
        let channels: &[u8] = if rgb.0 == rgb.1 && rgb.1 == rgb.2 {
            &[rgb.0]
        } else {
            &[rgb.0, rgb.1, rgb.2]
        };
        for &channel in channels {
            // Three places tell every one of 256 levels from its neighbours.
            real(&mut self.out, f32::from(channel) / 255.0, 3);
            self.out.push(b' ');
        }
        self.op(if channels.len() == 1 {
            gray_operator
        } else {
            rgb_operator
        });
    }

    fn set_fill(&mut self, rgb: Rgb) {
        if self.fill != Some(rgb) {
            self.fill = Some(rgb);
            self.color(rgb, b"rg", b"g");
        }
    }

    fn set_stroke(&mut self, rgb: Rgb, width: f32) {
        if self.stroke != Some(rgb) {
            self.stroke = Some(rgb);
            self.color(rgb, b"RG", b"G");
        }
        let width = hundredths(width);
        if self.line_width != Some(width) {
            self.line_width = Some(width);
            fixed(&mut self.out, width, PLACES);
            self.op(b" w");
        }
    }

    fn end_text(&mut self) {
        if self.text.take().is_some() {
            self.op(b"ET");
        }
    }

    fn text(&mut self, run: &TextRun, x: f32, baseline: f32) {
        let Some(&(font, codes)) = self.resources.fonts.get(&run.style.face) else {
            return;
        };
        let (line_x, line_y) = match self.text {
            Some(line) => line,
            None => {
                // A new text object starts its lines at the origin.
                self.op(b"BT");
                (0, 0)
            }
        };
        let size = hundredths(run.style.size);
        if self.font != Some((font, size)) {
            self.font = Some((font, size));
            self.out.extend_from_slice(b"/F");
            syntax::integer(&mut self.out, font as u64 + 1);
            self.out.push(b' ');
            fixed(&mut self.out, size, PLACES);
            self.op(b" Tf");
        }
        self.set_fill(run.style.color);
        let (to_x, to_y) = (hundredths(x), hundredths(baseline));
        fixed(&mut self.out, to_x - line_x, PLACES);
        self.out.push(b' ');
        fixed(&mut self.out, to_y - line_y, PLACES);
        self.op(b" Td");
        self.text = Some((to_x, to_y));
        Glyphs::new(self, codes, run.style.size).show(run);
    }

    fn shape(&mut self, shape: &Shape, x: f32, top: f32) {
        let paint: &[u8] = match (shape.fill, shape.stroke) {
            (Some(_), Some(_)) => b"B",
            (Some(_), None) => b"f",
            (None, Some(_)) => b"S",
            (None, None) => return,
        };
        self.end_text();
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
            self.rectangle(x, bottom, w, h);
        } else {
            self.rounded_rectangle(x, bottom, w, h, radius);
        }
        self.op(paint);
    }

    fn rectangle(&mut self, x: f32, y: f32, w: f32, h: f32) {
        for value in [x, y, w, h] {
            self.number(value);
        }
        self.op(b"re");
    }

    /// Lines and quarter circles (as cubic Béziers), counter-clockwise from the bottom left.
    fn rounded_rectangle(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32) {
        // Distance of the control points from a corner's ends for a quarter circle.
        let k = r * 0.552_284_8;
        let (right, top) = (x + w, y + h);
        let mut segment = |points: &[f32], operator: &[u8]| {
            for &value in points {
                self.number(value);
            }
            self.op(operator);
        };
        segment(&[x + r, y], b"m");
        segment(&[right - r, y], b"l");
        segment(&[right - r + k, y, right, y + r - k, right, y + r], b"c");
        segment(&[right, top - r], b"l");
        segment(
            &[right, top - r + k, right - r + k, top, right - r, top],
            b"c",
        );
        segment(&[x + r, top], b"l");
        segment(&[x + r - k, top, x, top - r + k, x, top - r], b"c");
        segment(&[x, y + r], b"l");
        segment(&[x, y + r - k, x + r - k, y, x + r, y], b"c");
        self.op(b"h");
    }

    fn image(&mut self, index: usize, x: f32, bottom: f32, width: f32, height: f32) {
        self.end_text();
        self.op(b"q");
        for value in [width, 0.0, 0.0, height, x, bottom] {
            self.number(value);
        }
        self.op(b"cm");
        self.out.extend_from_slice(b"/Im");
        syntax::integer(&mut self.out, index as u64 + 1);
        self.op(b" Do");
        self.op(b"Q");
    }

    /// Dark modules as one path of rectangles, one per horizontal run, filled at once.
    fn qr(&mut self, size: f32, modules: &[bool], width: usize, ink: Rgb, x: f32, top: f32) {
        if width == 0 {
            return;
        }
        self.end_text();
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
                self.rectangle(
                    x + start as f32 * cell,
                    top - (row + 1) as f32 * cell,
                    (column - start) as f32 * cell,
                    cell,
                );
            }
        }
        self.op(b"f");
    }
}

/// One run's glyphs as `TJ` strings, with the kerning and mark offsets between them.
struct Glyphs<'w, 'a> {
    writer: &'w mut Writer<'a>,
    codes: &'w Codes,
    size: f32,
    /// Inside `[`…`]`, and inside a string in it.
    open_array: bool,
    open_string: bool,
    /// How far left to move the pen before the next glyph, in points.
    pending: f32,
}

impl<'w, 'a> Glyphs<'w, 'a> {
    fn new(writer: &'w mut Writer<'a>, codes: &'w Codes, size: f32) -> Self {
        Glyphs {
            writer,
            codes,
            size,
            open_array: false,
            open_string: false,
            pending: 0.0,
        }
    }

    fn show(mut self, run: &TextRun) {
        for glyph in run.glyphs.iter() {
            let (code, copies_as) = self.codes.glyph(glyph.id);
            // A glyph that stands for other text than its font's map says (the replacement
            // drawn for a character no font has) is shown alone, with its text as ActualText.
            let own_text = !glyph.text.is_empty() && glyph.text != copies_as;
            if own_text {
                self.move_pen();
                self.close();
                let out = &mut self.writer.out;
                out.extend_from_slice(b"/Span<</ActualText");
                syntax::hex(out, &syntax::utf16_with_bom(&glyph.text));
                out.extend_from_slice(b">>BDC\n");
            }
            self.pending -= glyph.x_offset;
            self.move_pen();
            self.code(code);
            self.pending += glyph.natural_advance - glyph.advance + glyph.x_offset;
            if own_text {
                self.move_pen();
                self.close();
                self.writer.op(b"EMC");
            }
        }
        // A move after the last glyph is dropped: the next run says where it starts.
        self.close();
    }

    /// Writes the pending move, as TJ says it: in thousandths of an em (to a tenth), a
    /// positive number moving the pen left.
    fn move_pen(&mut self) {
        let ten_thousandths = f64::from(self.pending) * 10_000.0 / f64::from(self.size);
        self.pending = 0.0;
        let ten_thousandths = ten_thousandths.round() as i64;
        if ten_thousandths == 0 {
            return;
        }
        self.open_array();
        if self.open_string {
            self.writer.out.push(b')');
            self.open_string = false;
        } else if self.writer.out.last() != Some(&b'[') {
            self.writer.out.push(b' ');
        }
        fixed(&mut self.writer.out, ten_thousandths, 1);
    }

    fn open_array(&mut self) {
        if !self.open_array {
            self.writer.out.push(b'[');
            self.open_array = true;
        }
    }

    fn code(&mut self, code: u16) {
        self.open_array();
        if !self.open_string {
            self.writer.out.push(b'(');
            self.open_string = true;
        }
        let bytes = code.to_be_bytes();
        syntax::literal_body(&mut self.writer.out, &bytes[2 - self.codes.width..]);
    }

    fn close(&mut self) {
        self.pending = 0.0;
        if self.open_string {
            self.writer.out.push(b')');
            self.open_string = false;
        }
        if self.open_array {
            self.writer.op(b"]TJ");
            self.open_array = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use smol_str::SmolStr;

    use super::*;
    use crate::geom::{Point, Size};
    use crate::render::fonts::FontUse;
    use crate::text::{PlacedGlyph, TextStyle};

    fn glyph(id: u16, text: &str, advance: f32, natural: f32) -> PlacedGlyph {
        PlacedGlyph {
            id,
            advance,
            natural_advance: natural,
            x_offset: 0.0,
            text: SmolStr::new(text),
        }
    }

    fn run(x: f32, y: f32, color: Rgb, glyphs: Vec<PlacedGlyph>) -> Placed {
        Placed {
            at: Point::new(x, y),
            item: Item::Text(TextRun {
                style: TextStyle {
                    face: FaceId::Regular,
                    size: 13.0,
                    color,
                },
                glyphs: glyphs.into(),
            }),
        }
    }

    #[test]
    fn text_shares_a_text_object_and_state_is_set_only_when_it_changes() {
        let used = FontUse {
            faces: vec![FaceId::Regular],
            texts: [(7, "a".to_string()), (9, "b".to_string())].into(),
        };
        let codes = Codes::new(&used);
        let resources = Resources {
            fonts: [(FaceId::Regular, (0, &codes))].into(),
            images: HashMap::new(),
        };
        let grey = Rgb(26, 26, 26);
        let items = [
            // "ab", kerned: a's advance half a point short of its width.
            run(
                10.0,
                20.0,
                grey,
                vec![glyph(7, "a", 6.5, 7.0), glyph(9, "b", 7.0, 7.0)],
            ),
            run(10.0, 37.55, grey, vec![glyph(9, "b", 7.0, 7.0)]),
            Placed {
                at: Point::new(0.0, 50.0),
                item: Item::Shape(Shape::filled(Size::new(100.0, 2.0), Rgb(15, 110, 110))),
            },
        ];
        let stream = String::from_utf8_lossy(&stream(&items, 100.0, &resources)).into_owned();
        let expected = "BT\n/F1 13 Tf\n0.102 g\n10 80 Td\n[(\u{1})38.5(\u{2})]TJ\n\
                        0 -17.55 Td\n[(\u{2})]TJ\nET\n\
                        0.059 0.431 0.431 rg\n0 48 100 2 re\nf\n";
        assert_eq!(stream, expected);
    }
}
