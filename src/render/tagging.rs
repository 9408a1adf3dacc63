//! The structure tree (ISO 32000-1, 14.7 and 14.8; PDF/UA-1), added with lopdf to the
//! document printpdf made, which has no API for it.
//!
//! The tree is read off the marked content of the pages, in drawing order: an element
//! joins its parent where its first content is drawn, so every element's kids come in
//! reading order, and elements with nothing drawn are left out. Each page's marked
//! content is found from the page through the parent tree, and each link annotation is
//! a kid of its link element.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::page::PageContent;
use crate::layout::{ElementId, Role, Structure};

/// One kid of an element, in reading order.
enum Kid {
    Element(ElementId),
    /// Marked content `mcid` of page `page`.
    Content {
        page: usize,
        mcid: i64,
    },
    /// A link annotation on page `page`.
    Annotation {
        page: usize,
        annotation: ObjectId,
    },
}

/// Writes the structure tree of `pages` (their objects and their content, in order) and
/// their link annotations; returns the tree's root.
pub fn tag(
    doc: &mut Document,
    page_ids: &[ObjectId],
    pages: &[PageContent],
    structure: &Structure,
) -> ObjectId {
    let mut kids: Vec<Vec<Kid>> = (0..structure.len()).map(|_| Vec::new()).collect();
    let mut shown = vec![false; structure.len()];
    shown[ElementId::DOCUMENT.index()] = true;
    // Each element's first page, and whether all its content is on that one page.
    let mut pages_of: Vec<Option<(usize, bool)>> = vec![None; structure.len()];
    let mut attach = |element: ElementId, kids: &mut Vec<Vec<Kid>>| {
        for id in structure.lineage(element) {
            if std::mem::replace(&mut shown[id.index()], true) {
                break;
            }
            if let Some(parent) = structure.get(id).parent {
                kids[parent.index()].push(Kid::Element(id));
            }
        }
    };
    let mut on_page = |element: ElementId, page: usize| {
        let slot = &mut pages_of[element.index()];
        match slot {
            Some((first, alone)) => *alone &= *first == page,
            None => *slot = Some((page, true)),
        }
    };
    let mut parent_tree = Vec::new();
    let mut next_key = 0;
    for (page, content) in pages.iter().enumerate() {
        for (mcid, &owner) in content.owners.iter().enumerate() {
            attach(owner, &mut kids);
            kids[owner.index()].push(Kid::Content {
                page,
                mcid: mcid as i64,
            });
            on_page(owner, page);
        }
        let mut annotations = Vec::with_capacity(content.links.len());
        for link in &content.links {
            let Role::Link { uri, description } = &structure.get(link.element).role else {
                continue;
            };
            let annotation =
                doc.add_object(annotation_dict(link.rect, uri, description, page_ids[page]));
            attach(link.element, &mut kids);
            kids[link.element.index()].push(Kid::Annotation { page, annotation });
            on_page(link.element, page);
            annotations.push((annotation, link.element));
        }
        let page_dict = doc
            .get_dictionary_mut(page_ids[page])
            .expect("printpdf wrote the page");
        // Tab through the page's links in the order the structure gives.
        page_dict.set("Tabs", Object::Name(b"S".to_vec()));
        if annotations.is_empty() {
            page_dict.remove(b"Annots");
        } else {
            let references = annotations.iter().map(|&(id, _)| Object::Reference(id));
            page_dict.set("Annots", Object::Array(references.collect()));
        }
        if !content.owners.is_empty() {
            page_dict.set("StructParents", Object::Integer(next_key));
            parent_tree.push((next_key, Parent::Page(page)));
            next_key += 1;
        }
        for (annotation, link) in annotations {
            doc.get_dictionary_mut(annotation)
                .expect("just added")
                .set("StructParent", Object::Integer(next_key));
            parent_tree.push((next_key, Parent::Annotation(link)));
            next_key += 1;
        }
    }

    let root = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = shown
        .iter()
        .map(|&shown| shown.then(|| doc.new_object_id()))
        .collect();
    let reference = |element: ElementId| Object::Reference(ids[element.index()].expect("shown"));
    for (element, entry) in structure.iter() {
        let Some(id) = ids[element.index()] else {
            continue;
        };
        let first_page = pages_of[element.index()].map(|(page, _)| page);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"StructElem".to_vec()));
        dict.set("S", Object::Name(entry.role.name().as_bytes().to_vec()));
        dict.set("P", entry.parent.map_or(Object::Reference(root), reference));
        if let Some(page) = first_page {
            dict.set("Pg", Object::Reference(page_ids[page]));
        }
        let element_kids: Vec<Object> = kids[element.index()]
            .iter()
            .map(|kid| match *kid {
                Kid::Element(child) => reference(child),
                Kid::Content { page, mcid } if Some(page) == first_page => Object::Integer(mcid),
                Kid::Content { page, mcid } => Object::Dictionary(Dictionary::from_iter([
                    ("Type", Object::Name(b"MCR".to_vec())),
                    ("Pg", Object::Reference(page_ids[page])),
                    ("MCID", Object::Integer(mcid)),
                ])),
                Kid::Annotation { page, annotation } => {
                    Object::Dictionary(Dictionary::from_iter([
                        ("Type", Object::Name(b"OBJR".to_vec())),
                        ("Obj", Object::Reference(annotation)),
                        ("Pg", Object::Reference(page_ids[page])),
                    ]))
                }
            })
            .collect();
        // One kid is written alone, as most of them are (and as some checkers expect).
        let kids = match <[Object; 1]>::try_from(element_kids) {
            Ok([kid]) => kid,
            Err(kids) => Object::Array(kids),
        };
        dict.set("K", kids);
        match &entry.role {
            Role::Figure { alt } => {
                dict.set("Alt", lopdf::text_string(alt));
                // The title too, which tools that list the tree show (the description
                // is what assistive technology reads).
                dict.set("T", lopdf::text_string(alt));
                let on_one_page = pages_of[element.index()].is_some_and(|(_, alone)| alone);
                if let (true, Some(bbox)) = (on_one_page, figure_box(pages, element)) {
                    dict.set("A", layout_attributes(bbox));
                }
            }
            Role::List { numbered } => {
                let numbering: &[u8] = if *numbered { b"Decimal" } else { b"Disc" };
                dict.set(
                    "A",
                    Object::Dictionary(Dictionary::from_iter([
                        ("O", Object::Name(b"List".to_vec())),
                        ("ListNumbering", Object::Name(numbering.to_vec())),
                    ])),
                );
            }
            Role::TableHeader { scope } => {
                dict.set(
                    "A",
                    Object::Dictionary(Dictionary::from_iter([
                        ("O", Object::Name(b"Table".to_vec())),
                        ("Scope", Object::Name(scope.name().as_bytes().to_vec())),
                    ])),
                );
            }
            _ => {}
        }
        doc.set_object(id, dict);
    }

    let nums: Vec<Object> = parent_tree
        .into_iter()
        .flat_map(|(key, parent)| {
            let value = match parent {
                Parent::Page(page) => {
                    let owners = pages[page].owners.iter().map(|&owner| reference(owner));
                    Object::Reference(doc.add_object(Object::Array(owners.collect())))
                }
                Parent::Annotation(link) => reference(link),
            };
            [Object::Integer(key), value]
        })
        .collect();
    let parent_tree = doc.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    doc.set_object(
        root,
        Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("K", reference(ElementId::DOCUMENT)),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(next_key)),
        ]),
    );
    root
}

/// What the parent tree maps a key to.
enum Parent {
    /// The owners of the page's marked content, by id.
    Page(usize),
    /// The link element of an annotation.
    Annotation(ElementId),
}

/// The rectangle around everything drawn for a figure, on the one page it is on.
fn figure_box(pages: &[PageContent], element: ElementId) -> Option<[f32; 4]> {
    pages
        .iter()
        .flat_map(|page| &page.figures)
        .filter(|(owner, _)| *owner == element)
        .map(|(_, rect)| *rect)
        .reduce(|a, b| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        })
}

/// `<</O/Layout/BBox[…]>>`: where a figure is, for readers that show it alone.
fn layout_attributes(bbox: [f32; 4]) -> Object {
    Object::Dictionary(Dictionary::from_iter([
        ("O", Object::Name(b"Layout".to_vec())),
        ("BBox", Object::Array(bbox.map(Object::Real).to_vec())),
    ]))
}

/// A link annotation that opens `uri`, described for those who cannot see its text, and
/// printed (flag 4) as the page is.
fn annotation_dict(rect: [f32; 4], uri: &str, description: &str, page: ObjectId) -> Dictionary {
    Dictionary::from_iter([
        ("Type", Object::Name(b"Annot".to_vec())),
        ("Subtype", Object::Name(b"Link".to_vec())),
        ("Rect", Object::Array(rect.map(Object::Real).to_vec())),
        (
            "Border",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(0),
                Object::Integer(0),
            ]),
        ),
        ("F", Object::Integer(4)),
        ("Contents", lopdf::text_string(description)),
        ("P", Object::Reference(page)),
        (
            "A",
            Object::Dictionary(Dictionary::from_iter([
                ("S", Object::Name(b"URI".to_vec())),
                ("URI", Object::String(uri_bytes(uri), StringFormat::Literal)),
            ])),
        ),
    ])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_ascii() {
        assert_eq!(uri_bytes("https://a.example/x"), b"https://a.example/x");
        assert_eq!(
            uri_bytes("https://ü.example/a b"),
            b"https://%C3%BC.example/a%20b"
        );
    }
}
