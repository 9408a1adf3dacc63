//! The outline (bookmarks), written with lopdf: printpdf's is flat and sorted by page and
//! title. Each exercise is nested under its section, in reading order, each entry pointing
//! at its heading, and the outline is open.

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::layout::{Bookmark, PagedLayout};

/// Writes the outline of `layout` over the pages `page_ids`; `None` when it has no entries.
pub fn outline(
    doc: &mut Document,
    layout: &PagedLayout,
    page_ids: &[ObjectId],
) -> Option<ObjectId> {
    let bookmarks: Vec<&Bookmark> = layout
        .outline
        .iter()
        .filter(|b| b.page < page_ids.len())
        .collect();
    if bookmarks.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = bookmarks.iter().map(|_| doc.new_object_id()).collect();
    // Each entry's parent: the last entry above it one level up, else the root.
    let parents: Vec<Option<usize>> = (0..bookmarks.len())
        .map(|i| {
            let level = bookmarks[i].level;
            (0..i).rev().find(|&j| bookmarks[j].level < level)
        })
        .collect();
    let children = |parent: Option<usize>| -> Vec<usize> {
        (0..bookmarks.len())
            .filter(|&i| parents[i] == parent)
            .collect()
    };
    for (i, bookmark) in bookmarks.iter().enumerate() {
        let page = &layout.pages[bookmark.page];
        let top = (page.size.height - bookmark.y).max(0.0);
        let mut dict = Dictionary::new();
        dict.set("Title", lopdf::text_string(&bookmark.title));
        dict.set(
            "Parent",
            Object::Reference(parents[i].map_or(root, |p| ids[p])),
        );
        dict.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page_ids[bookmark.page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real((top * 100.0).round() / 100.0),
                Object::Null,
            ]),
        );
        let siblings = children(parents[i]);
        let at = siblings
            .iter()
            .position(|&s| s == i)
            .expect("a child of its parent");
        if at > 0 {
            dict.set("Prev", Object::Reference(ids[siblings[at - 1]]));
        }
        if let Some(&next) = siblings.get(at + 1) {
            dict.set("Next", Object::Reference(ids[next]));
        }
        let descendants = bookmarks[i + 1..]
            .iter()
            .take_while(|b| b.level > bookmark.level)
            .count();
        link_children(&mut dict, &children(Some(i)), descendants, &ids);
        doc.set_object(ids[i], dict);
    }
    let mut dict = Dictionary::from_iter([("Type", Object::Name(b"Outlines".to_vec()))]);
    link_children(&mut dict, &children(None), bookmarks.len(), &ids);
    doc.set_object(root, dict);
    Some(root)
}

/// `/First` and `/Last` of an entry's children, and as `/Count` how many entries below
/// it are shown: all of them, as every entry is open.
fn link_children(dict: &mut Dictionary, children: &[usize], shown: usize, ids: &[ObjectId]) {
    if let (Some(&first), Some(&last)) = (children.first(), children.last()) {
        dict.set("First", Object::Reference(ids[first]));
        dict.set("Last", Object::Reference(ids[last]));
        dict.set("Count", Object::Integer(shown as i64));
    }
}
