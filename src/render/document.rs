//! What the PDF says about itself, written with lopdf where printpdf has no API for it:
//! its language, that it is tagged, its XMP metadata claiming PDF/UA-1, that viewers show
//! its title, and an ID derived from its content. Dates come only from the caller (the
//! content's review date or `SOURCE_DATE_EPOCH`), never the time of the build.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use crate::layout::DocumentInfo;

/// The catalog's entries for a tagged, titled document in `info.language`, with its
/// structure tree and outline.
pub fn catalog(
    doc: &mut Document,
    info: &DocumentInfo,
    timestamp: Option<i64>,
    structure: ObjectId,
    outline: Option<ObjectId>,
) {
    let metadata = doc.add_object(Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(info, timestamp).into_bytes(),
    ));
    let catalog = doc.catalog_mut().expect("printpdf wrote the catalog");
    catalog.set("Lang", Object::string_literal(info.language.as_str()));
    catalog.set(
        "MarkInfo",
        Object::Dictionary(Dictionary::from_iter([("Marked", Object::Boolean(true))])),
    );
    catalog.set("StructTreeRoot", Object::Reference(structure));
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set(
        "ViewerPreferences",
        Object::Dictionary(Dictionary::from_iter([(
            "DisplayDocTitle",
            Object::Boolean(true),
        )])),
    );
    match outline {
        Some(outline) => {
            catalog.set("Outlines", Object::Reference(outline));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }
}

/// Leaves the document information only what it says of this handout: printpdf also
/// writes a PDF/X version, an identifier, keywords and trapping, and dates even when it
/// is given none.
pub fn tidy_info(doc: &mut Document, info: &DocumentInfo, timestamp: Option<i64>) {
    let Ok(id) = doc.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    let Ok(dict) = doc.get_dictionary_mut(id) else {
        return;
    };
    for key in ["GTS_PDFXVersion", "Identifier", "Keywords", "Trapped"] {
        dict.remove(key.as_bytes());
    }
    if info.subject.as_deref().is_none_or(str::is_empty) {
        dict.remove(b"Subject");
    }
    // printpdf writes every text in UTF-16, twice the bytes of the plain text most of
    // them are; lopdf writes each the shorter way that holds it.
    for key in ["Title", "Author", "Subject", "Creator", "Producer"] {
        let text = dict
            .get(key.as_bytes())
            .ok()
            .and_then(|text| lopdf::decode_text_string(text).ok());
        if let Some(text) = text {
            dict.set(key, lopdf::text_string(&text));
        }
    }
    match timestamp {
        Some(seconds) => {
            let date = pdf_date(seconds);
            dict.set("CreationDate", Object::string_literal(date.as_str()));
            dict.set("ModDate", Object::string_literal(date));
        }
        None => {
            dict.remove(b"CreationDate");
            dict.remove(b"ModDate");
        }
    }
}

/// Leaves the pages only what they need: one resource dictionary that they all share,
/// without the empty graphics state and shading dictionaries printpdf adds, and no trim
/// or crop box, which are the media box unless given.
pub fn tidy_pages(doc: &mut Document, page_ids: &[ObjectId]) {
    let mut shared = None;
    for &page in page_ids {
        let Ok(dict) = doc.get_dictionary_mut(page) else {
            continue;
        };
        dict.remove(b"TrimBox");
        dict.remove(b"CropBox");
        let Ok(resources) = dict.get(b"Resources").and_then(Object::as_reference) else {
            continue;
        };
        match shared {
            Some(shared) => {
                dict.set("Resources", Object::Reference(shared));
                doc.objects.remove(&resources);
            }
            None => shared = Some(resources),
        }
    }
    let Some(Ok(resources)) = shared.map(|id| doc.get_dictionary_mut(id)) else {
        return;
    };
    let mut unused = Vec::new();
    for key in ["ExtGState", "Shading"] {
        if let Ok(id) = resources.get(key.as_bytes()).and_then(Object::as_reference) {
            unused.push(id);
        }
        resources.remove(key.as_bytes());
    }
    for id in unused {
        doc.objects.remove(&id);
    }
}

/// Sets the file's ID from a hash of its content, so the same handout always has the same
/// ID (printpdf draws one at random), and a changed one another.
pub fn identify(doc: &mut Document) {
    let mut forward = crc32fast::Hasher::new();
    let mut salted = crc32fast::Hasher::new_with_initial(0x6861_6E64);
    for (id, object) in &doc.objects {
        let fed = id.0.to_be_bytes();
        forward.update(&fed);
        salted.update(&fed);
        if let Object::Stream(stream) = object {
            forward.update(&stream.content);
            salted.update(&stream.content);
        }
    }
    let mut id = forward.finalize().to_be_bytes().to_vec();
    id.extend(salted.finalize().to_be_bytes());
    let id = Object::String(id, StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
}

/// The XMP packet: title, language, author, subject and dates as the document information
/// says them, and the PDF/UA-1 identification.
fn xmp(info: &DocumentInfo, timestamp: Option<i64>) -> String {
    let mut properties = format!(
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\
         <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\
         <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
        escape(&info.title),
        escape(&info.language),
        escape(&info.author)
    );
    if let Some(subject) = info.subject.as_deref().filter(|s| !s.is_empty()) {
        properties.push_str(&format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li>\
             </rdf:Alt></dc:description>",
            escape(subject)
        ));
    }
    if let Some(seconds) = timestamp {
        let date = xmp_date(seconds);
        properties.push_str(&format!(
            "<xmp:CreateDate>{date}</xmp:CreateDate><xmp:ModifyDate>{date}</xmp:ModifyDate>"
        ));
    }
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description rdf:about=\"\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
         xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\
         {properties}\
         <xmp:CreatorTool>handout</xmp:CreatorTool>\
         <pdf:Producer>handout {}</pdf:Producer>\
         <pdfuaid:part>1</pdfuaid:part>\
         </rdf:Description></rdf:RDF></x:xmpmeta>\
         <?xpacket end=\"r\"?>",
        env!("CARGO_PKG_VERSION")
    )
}

/// Text as XML character data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The UTC date and time of a Unix time.
fn utc(seconds: i64) -> (i64, i64, i64, i64, i64, i64) {
    let (year, month, day) = crate::calendar::civil_from_days(seconds.div_euclid(86_400));
    let rest = seconds.rem_euclid(86_400);
    (year, month, day, rest / 3600, rest % 3600 / 60, rest % 60)
}

/// `D:YYYYMMDDHHmmSSZ`.
fn pdf_date(seconds: i64) -> String {
    let (year, month, day, hour, minute, second) = utc(seconds);
    format!("D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z")
}

/// `YYYY-MM-DDTHH:mm:SSZ`.
fn xmp_date(seconds: i64) -> String {
    let (year, month, day, hour, minute, second) = utc(seconds);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(pdf_date(0), "D:19700101000000Z");
        // 2026-11-23 00:00:00 UTC
        assert_eq!(pdf_date(1_795_392_000), "D:20261123000000Z");
        assert_eq!(pdf_date(951_782_400 + 3_723), "D:20000229010203Z");
        assert_eq!(xmp_date(951_782_400 + 3_723), "2000-02-29T01:02:03Z");
    }

    #[test]
    fn the_xmp_says_pdf_ua_and_escapes_what_it_quotes() {
        let info = DocumentInfo {
            title: "Knees & <hips>".to_string(),
            author: "Zoë".to_string(),
            subject: None,
            language: "en-GB".to_string(),
            date: None,
        };
        let xmp = xmp(&info, None);
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xmp.contains(">Knees &amp; &lt;hips&gt;</rdf:li>"), "{xmp}");
        assert!(xmp.contains("<rdf:li>en-GB</rdf:li>"));
        assert!(!xmp.contains("CreateDate"), "no date unless given");
    }
}
