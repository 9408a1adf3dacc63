//! Reading PDFs back in Rust: the text of each page as it is drawn, and the structure tree,
//! so the tests need no PDF tools on the machine.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object, ObjectId};

pub fn parse(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("the PDF parses")
}

/// Each page's text in the order it is drawn, the order readers that ignore the structure
/// tree follow: glyphs decoded through their font's Unicode map, a line break where the
/// text moves to another baseline, and a space where it moves on along one by more than
/// a fifth of an em, as text extraction tools read a gap.
pub fn page_texts(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .values()
        .map(|&page| page_text(doc, page, Gaps::Read))
        .collect()
}

/// Each page's text as its strings hold it, nothing read from where it is drawn: the text
/// a reader that goes by the structure tree gets, and a copy of a paragraph.
pub fn page_strings(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .values()
        .map(|&page| page_text(doc, page, Gaps::Ignored))
        .collect()
}

/// Whether a move to another baseline, or along one, reads as a break or a space.
#[derive(Clone, Copy, PartialEq)]
enum Gaps {
    Read,
    Ignored,
}

/// A font as text is read through it: codes to text, and codes to widths.
struct ReadFont<'a> {
    encoding: Encoding<'a>,
    /// Thousandths of an em, by two-byte code.
    widths: BTreeMap<u16, f32>,
}

fn read_font<'a>(doc: &'a Document, font: &'a lopdf::Dictionary) -> ReadFont<'a> {
    let encoding = font.get_font_encoding(doc).expect("an encoding");
    let mut widths = BTreeMap::new();
    let descendant = font
        .get(b"DescendantFonts")
        .and_then(Object::as_array)
        .ok()
        .and_then(|fonts| fonts.first())
        .map(|d| match d {
            Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
            other => other.as_dict().unwrap(),
        });
    if let Some(w) = descendant.and_then(|d| d.get(b"W").and_then(Object::as_array).ok()) {
        let mut items = w.iter();
        while let Some(first) = items.next() {
            let first = first.as_i64().unwrap() as u16;
            match items.next() {
                Some(Object::Array(run)) => {
                    for (i, width) in run.iter().enumerate() {
                        widths.insert(first + i as u16, width.as_float().unwrap());
                    }
                }
                Some(last) => {
                    let last = last.as_i64().unwrap() as u16;
                    let width = items.next().unwrap().as_float().unwrap();
                    for code in first..=last {
                        widths.insert(code, width);
                    }
                }
                None => break,
            }
        }
    }
    ReadFont { encoding, widths }
}

fn page_text(doc: &Document, page: ObjectId, gaps: Gaps) -> String {
    let fonts: BTreeMap<Vec<u8>, ReadFont> = doc
        .get_page_fonts(page)
        .expect("the page's fonts")
        .into_iter()
        .map(|(name, font)| (name, read_font(doc, font)))
        .collect();
    let content = Content::decode(&doc.get_page_content(page)).expect("the content parses");
    let mut text = String::new();
    let mut font: Option<(&ReadFont, f32)> = None;
    // Where the current text line starts, and the pen after the text shown last.
    let (mut line_x, mut line_y) = (0.0, 0.0);
    let mut pen: Option<(f32, f32)> = None;
    let number = |o: &Object| o.as_float().expect("a number");
    for operation in &content.operations {
        let operands = &operation.operands;
        match operation.operator.as_str() {
            "BT" => (line_x, line_y) = (0.0, 0.0),
            "Td" => {
                line_x += number(&operands[0]);
                line_y += number(&operands[1]);
            }
            "Tf" => {
                let name = operands[0].as_name().expect("a font name");
                font = Some((&fonts[name], number(&operands[1])));
            }
            "Tj" | "TJ" => {
                let (read, size) = font.expect("a font set before text");
                match pen.filter(|_| gaps == Gaps::Read) {
                    Some((_, y)) if (y - line_y).abs() > 0.01 => text.push('\n'),
                    Some((x, _)) if line_x - x > size * 0.2 && !text.ends_with(' ') => {
                        text.push(' ')
                    }
                    _ => {}
                }
                let items: Vec<&Object> = match &operands[0] {
                    Object::Array(items) => items.iter().collect(),
                    string => vec![string],
                };
                let mut x = line_x;
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            text.push_str(&read.encoding.bytes_to_string(bytes).expect("decodes"));
                            for code in bytes.chunks(2) {
                                let code = u16::from_be_bytes([code[0], code[1]]);
                                x += read.widths.get(&code).copied().unwrap_or(0.0) * size / 1000.0;
                            }
                        }
                        other => x -= number(other) * size / 1000.0,
                    }
                }
                pen = Some((x, line_y));
            }
            _ => {}
        }
    }
    text
}

/// An element of the structure tree, read back.
#[derive(Debug, Clone)]
pub struct Element {
    pub role: String,
    pub alt: Option<String>,
    pub attributes: Option<lopdf::Dictionary>,
    pub kids: Vec<Kid>,
}

#[derive(Debug, Clone)]
pub enum Kid {
    Element(Element),
    /// Marked content `mcid` on the page `page` (an object id).
    Content {
        page: ObjectId,
        mcid: i64,
    },
    /// An annotation.
    Object(ObjectId),
}

impl Element {
    /// This element and every element below it, depth first: the reading order.
    pub fn walk(&self) -> Vec<&Element> {
        let mut all = vec![self];
        for kid in &self.kids {
            if let Kid::Element(child) = kid {
                all.extend(child.walk());
            }
        }
        all
    }
}

/// The structure tree's document element, read from the catalog down, every element's
/// `/P` checked to point at the element it sits in.
pub fn structure_tree(doc: &Document) -> Element {
    let root_id = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .expect("a structure tree");
    let root = doc.get_dictionary(root_id).unwrap();
    let document = root
        .get(b"K")
        .and_then(Object::as_reference)
        .expect("one kid");
    read_element(doc, document, root_id)
}

fn read_element(doc: &Document, id: ObjectId, parent: ObjectId) -> Element {
    let dict = doc.get_dictionary(id).expect("an element");
    assert_eq!(
        dict.get(b"P").and_then(Object::as_reference).ok(),
        Some(parent),
        "an element's /P is the element it sits in"
    );
    let page = dict.get(b"Pg").and_then(Object::as_reference).ok();
    let kids: Vec<Object> = match dict.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    let kids = kids
        .into_iter()
        .map(|kid| match kid {
            Object::Integer(mcid) => Kid::Content {
                page: page.expect("a bare MCID needs the element's /Pg"),
                mcid,
            },
            Object::Reference(child) => Kid::Element(read_element(doc, child, id)),
            Object::Dictionary(reference) => {
                let kind = reference.get(b"Type").and_then(Object::as_name).unwrap();
                let on = reference.get(b"Pg").and_then(Object::as_reference).unwrap();
                match kind {
                    b"MCR" => Kid::Content {
                        page: on,
                        mcid: reference.get(b"MCID").and_then(Object::as_i64).unwrap(),
                    },
                    b"OBJR" => Kid::Object(
                        reference
                            .get(b"Obj")
                            .and_then(Object::as_reference)
                            .unwrap(),
                    ),
                    other => panic!("a kid of type {}", String::from_utf8_lossy(other)),
                }
            }
            other => panic!("a kid {other:?}"),
        })
        .collect();
    Element {
        role: String::from_utf8(dict.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap(),
        alt: dict.get(b"Alt").ok().map(text_string),
        attributes: dict.get(b"A").and_then(Object::as_dict).ok().cloned(),
        kids,
    }
}

/// A text string: UTF-16 after a byte order mark, else one byte a character.
pub fn text_string(object: &Object) -> String {
    lopdf::decode_text_string(object).expect("a text string")
}
