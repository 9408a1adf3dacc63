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
/// text moves to another baseline, and a space between two pieces of text set apart on
/// one line.
pub fn page_texts(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .values()
        .map(|&page| page_text(doc, page))
        .collect()
}

fn page_text(doc: &Document, page: ObjectId) -> String {
    let encodings: BTreeMap<Vec<u8>, Encoding> = doc
        .get_page_fonts(page)
        .expect("the page's fonts")
        .into_iter()
        .map(|(name, font)| (name, font.get_font_encoding(doc).expect("an encoding")))
        .collect();
    let content = Content::decode(&doc.get_page_content(page)).expect("the content parses");
    let mut text = String::new();
    let mut font: Option<&Encoding> = None;
    // Where the current text line starts, and the baseline of the text shown last.
    let (mut x, mut y) = (0.0, 0.0);
    let mut shown_y: Option<f32> = None;
    let mut new_object = false;
    let number = |o: &Object| o.as_float().expect("a number");
    for operation in &content.operations {
        let operands = &operation.operands;
        match operation.operator.as_str() {
            "BT" => {
                (x, y) = (0.0, 0.0);
                new_object = true;
            }
            "Td" => {
                x += number(&operands[0]);
                y += number(&operands[1]);
            }
            "Tf" => {
                font = encodings.get(operands[0].as_name().expect("a font name"));
            }
            "Tj" | "TJ" => {
                match shown_y {
                    Some(last) if (last - y).abs() > 0.01 => text.push('\n'),
                    Some(_) if new_object && !text.ends_with(' ') => text.push(' '),
                    _ => {}
                }
                shown_y = Some(y);
                new_object = false;
                let encoding = font.expect("a font set before text");
                let strings: Vec<&Object> = match &operands[0] {
                    Object::Array(items) => items.iter().collect(),
                    string => vec![string],
                };
                for string in strings {
                    if let Object::String(bytes, _) = string {
                        text.push_str(&encoding.bytes_to_string(bytes).expect("decodes"));
                    }
                }
            }
            _ => {}
        }
    }
    let _ = x;
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
