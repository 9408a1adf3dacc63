//! What printpdf cannot say: the document language, an outline in reading order,
//! subset font names, fixed dates and a document ID derived from the content, so
//! the same input always gives the same bytes.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::fonts::Subset;
use crate::layout::PagedLayout;

pub fn finish(
    doc: &mut Document,
    layout: &PagedLayout,
    subsets: &[Subset],
    timestamp: Option<i64>,
) {
    doc.version = "1.7".to_string();
    make_annotations_indirect(doc);
    name_subset_fonts(doc, subsets);
    set_info(doc, timestamp);
    let outline = add_outline(doc, layout);
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Lang", text_string(&layout.info.language));
        // The outline is there for who wants it; the sidebar stays closed.
        catalog.remove(b"PageMode");
        if let Some(outline) = outline {
            catalog.set("Outlines", Object::Reference(outline));
        }
        let mut viewer = Dictionary::new();
        viewer.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(viewer));
    }
    let id = document_id(doc);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

/// Moves each page's link annotations into objects of their own: the standard wants a
/// page's `/Annots` to hold references, and printpdf writes the dictionaries in place.
fn make_annotations_indirect(doc: &mut Document) {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page in pages {
        let direct: Vec<Object> = match doc
            .get_dictionary(page)
            .and_then(|p| p.get(b"Annots"))
            .and_then(Object::as_array)
        {
            Ok(annotations) => annotations.clone(),
            Err(_) => continue,
        };
        let indirect: Vec<Object> = direct
            .into_iter()
            .map(|annotation| match annotation {
                Object::Dictionary(_) => Object::Reference(doc.add_object(annotation)),
                other => other,
            })
            .collect();
        if let Ok(dict) = doc.get_dictionary_mut(page) {
            dict.set("Annots", Object::Array(indirect));
        }
    }
}

/// A PDF text string: plain when ASCII, else UTF-16BE with a byte-order mark.
pub fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        Object::String(utf16_with_bom(text), StringFormat::Hexadecimal)
    }
}

/// `text` as UTF-16BE after a byte-order mark, the form of a PDF text string that holds
/// any character.
pub fn utf16_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

/// Gives each embedded font the `ABCDEF+Name` form PDF uses for subsets, the tag
/// derived from the subset itself.
fn name_subset_fonts(doc: &mut Document, subsets: &[Subset]) {
    let resources = font_resources(doc);
    for (index, subset) in subsets.iter().enumerate() {
        let Some(&font) = resources.get(&super::font_resource_name(index)) else {
            continue;
        };
        let name = format!("{}+{}", subset_tag(&subset.bytes), subset.postscript_name);
        rename_font(doc, font, &name);
    }
}

/// Font resource names (`F1`, …) → the font dictionaries they point at, over all pages.
fn font_resources(doc: &Document) -> BTreeMap<String, ObjectId> {
    let mut found = BTreeMap::new();
    for page in doc.get_pages().into_values() {
        let Ok(page) = doc.get_dictionary(page) else {
            continue;
        };
        let resources = page.get(b"Resources").and_then(|r| deref_dict(doc, r));
        let fonts = resources
            .and_then(|r| r.get(b"Font"))
            .and_then(|f| deref_dict(doc, f));
        if let Ok(fonts) = fonts {
            for (name, value) in fonts.iter() {
                if let Ok(id) = value.as_reference() {
                    found.insert(String::from_utf8_lossy(name).into_owned(), id);
                }
            }
        }
    }
    found
}

fn deref_dict<'a>(doc: &'a Document, object: &'a Object) -> lopdf::Result<&'a Dictionary> {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id),
        other => other.as_dict(),
    }
}

/// Renames the font, its descendant CID font and the descriptor, wherever printpdf
/// put them (inline or as separate objects).
fn rename_font(doc: &mut Document, font: ObjectId, name: &str) {
    let base = Object::Name(name.as_bytes().to_vec());
    let mut descriptors = Vec::new();
    let Ok(dict) = doc.get_dictionary_mut(font) else {
        return;
    };
    dict.set("BaseFont", base.clone());
    let mut descendant_ids = Vec::new();
    if let Ok(Object::Array(descendants)) = dict.get_mut(b"DescendantFonts") {
        for descendant in descendants.iter_mut() {
            match descendant {
                Object::Reference(id) => descendant_ids.push(*id),
                Object::Dictionary(inline) => rename_descendant(inline, &base, &mut descriptors),
                _ => {}
            }
        }
    }
    for id in descendant_ids {
        if let Ok(descendant) = doc.get_dictionary_mut(id) {
            rename_descendant(descendant, &base, &mut descriptors);
        }
    }
    for id in descriptors {
        if let Ok(descriptor) = doc.get_dictionary_mut(id) {
            descriptor.set("FontName", base.clone());
        }
    }
}

/// Renames a CID font and its inline descriptor; collects a descriptor held elsewhere.
fn rename_descendant(font: &mut Dictionary, base: &Object, descriptors: &mut Vec<ObjectId>) {
    font.set("BaseFont", base.clone());
    match font.get_mut(b"FontDescriptor") {
        Ok(Object::Reference(id)) => descriptors.push(*id),
        Ok(Object::Dictionary(descriptor)) => descriptor.set("FontName", base.clone()),
        _ => {}
    }
}

fn subset_tag(bytes: &[u8]) -> String {
    let mut hash = digest(&[bytes]);
    (0..6)
        .map(|_| {
            let letter = (b'A' + (hash % 26) as u8) as char;
            hash /= 26;
            letter
        })
        .collect()
}

/// Dates come only from the caller (the content's review date or `SOURCE_DATE_EPOCH`);
/// without one the document carries none, never the time of the build.
fn set_info(doc: &mut Document, timestamp: Option<i64>) {
    let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    let Ok(info) = doc.get_dictionary_mut(info) else {
        return;
    };
    for key in [
        &b"CreationDate"[..],
        b"ModDate",
        b"Trapped",
        b"GTS_PDFXVersion",
        b"Identifier",
    ] {
        info.remove(key);
    }
    let empty: Vec<Vec<u8>> = info
        .iter()
        .filter(
            |(_, value)| matches!(value, Object::String(s, _) if s.is_empty() || s == b"\xFE\xFF"),
        )
        .map(|(key, _)| key.clone())
        .collect();
    for key in empty {
        info.remove(&key);
    }
    if let Some(seconds) = timestamp {
        let date = Object::String(pdf_date(seconds).into_bytes(), StringFormat::Literal);
        info.set("CreationDate", date.clone());
        info.set("ModDate", date);
    }
}

/// `D:YYYYMMDDHHmmSSZ` for a Unix time.
fn pdf_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = crate::calendar::civil_from_days(days);
    format!(
        "D:{year:04}{month:02}{day:02}{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The outline (bookmarks) in reading order, each pointing at its heading.
fn add_outline(doc: &mut Document, layout: &PagedLayout) -> Option<ObjectId> {
    if layout.outline.is_empty() {
        return None;
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = layout.outline.iter().map(|_| doc.new_object_id()).collect();
    for (i, bookmark) in layout.outline.iter().enumerate() {
        let Some(&page) = pages.get(bookmark.page) else {
            continue;
        };
        let page_height = layout.pages[bookmark.page].size.height;
        let mut item = Dictionary::new();
        item.set("Title", text_string(&bookmark.title));
        item.set("Parent", Object::Reference(root));
        item.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(page_height - bookmark.y + 4.0),
                Object::Null,
            ]),
        );
        if i > 0 {
            item.set("Prev", Object::Reference(ids[i - 1]));
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", Object::Reference(*next));
        }
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    outlines.set("First", Object::Reference(ids[0]));
    outlines.set("Last", Object::Reference(ids[ids.len() - 1]));
    outlines.set("Count", Object::Integer(ids.len() as i64));
    doc.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}

/// A 16-byte document ID from the document's own streams, so it changes only when
/// the content does.
fn document_id(doc: &Document) -> Vec<u8> {
    let streams: Vec<&[u8]> = doc
        .objects
        .values()
        .filter_map(|object| object.as_stream().ok())
        .map(|stream| stream.content.as_slice())
        .collect();
    let first = digest(&streams);
    let second = digest(&[&first.to_le_bytes(), b"handout"]);
    [first.to_be_bytes(), second.to_be_bytes()].concat()
}

/// A stable 64-bit hash (the standard library's SipHash with fixed keys).
fn digest(parts: &[&[u8]]) -> u64 {
    #[allow(deprecated)]
    let mut hasher = std::hash::SipHasher::new();
    for part in parts {
        part.hash(&mut hasher);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_are_utc_calendar_dates() {
        assert_eq!(pdf_date(0), "D:19700101000000Z");
        // 2026-11-23 00:00:00 UTC
        assert_eq!(pdf_date(1_795_392_000), "D:20261123000000Z");
        assert_eq!(pdf_date(951_782_400 + 3_723), "D:20000229010203Z");
    }

    #[test]
    fn text_strings_are_utf16_when_not_ascii() {
        assert_eq!(
            text_string("en"),
            Object::String(b"en".to_vec(), StringFormat::Literal)
        );
        let Object::String(bytes, _) = text_string("’") else {
            panic!()
        };
        assert_eq!(bytes, vec![0xFE, 0xFF, 0x20, 0x19]);
    }

    #[test]
    fn subset_tags_are_six_capitals_and_follow_the_bytes() {
        let a = subset_tag(b"one");
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(a, subset_tag(b"one"));
        assert_ne!(a, subset_tag(b"two"));
    }
}
