//! The PDF read back: pages, fonts, pictures, metadata, links and text.

mod common;

use std::collections::BTreeSet;

use handout::content::LoadOptions;
use handout::model::Paper;
use handout::BuildOptions;
use lopdf::{Document, Object};

use common::*;

fn parse(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("the PDF parses")
}

/// A page's entry, or the nearest page tree node's above it (where the PDF puts what
/// all pages share).
fn inherited<'a>(doc: &'a Document, page: lopdf::ObjectId, key: &[u8]) -> &'a Object {
    let mut node = doc.get_dictionary(page).unwrap();
    loop {
        if let Ok(value) = node.get(key) {
            return value;
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).unwrap();
        node = doc.get_dictionary(parent).unwrap();
    }
}

fn media_boxes(doc: &Document) -> Vec<(f32, f32)> {
    doc.get_pages()
        .values()
        .map(|&id| {
            let mb = inherited(doc, id, b"MediaBox").as_array().unwrap();
            let n = |o: &Object| o.as_float().unwrap();
            (n(&mb[2]) - n(&mb[0]), n(&mb[3]) - n(&mb[1]))
        })
        .collect()
}

#[test]
fn the_sample_is_a4_and_a_letter_build_is_letter() {
    let a4 = parse(&build(&sample(), &BuildOptions::default()));
    assert!(media_boxes(&a4)
        .iter()
        .all(|&(w, h)| (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5));
    let letter_options = BuildOptions {
        load: LoadOptions {
            paper: Some(Paper::Letter),
            ..LoadOptions::default()
        },
        ..BuildOptions::default()
    };
    let letter = parse(&build(&sample(), &letter_options));
    assert!(media_boxes(&letter)
        .iter()
        .all(|&(w, h)| (w, h) == (612.0, 792.0)));
}

#[test]
fn fonts_are_embedded_as_subsets_with_a_unicode_map() {
    let doc = parse(&build(&sample(), &BuildOptions::default()));
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        fonts += 1;
        let name = dict.get(b"BaseFont").unwrap().as_name().unwrap();
        let (tag, rest) = name.split_at(7);
        assert!(
            tag[..6].iter().all(u8::is_ascii_uppercase) && tag[6] == b'+',
            "{:?}",
            String::from_utf8_lossy(name)
        );
        assert!(rest.starts_with(b"AtkinsonHyperlegible"));
        assert!(dict.get(b"ToUnicode").is_ok(), "no ToUnicode map");
        let resolve = |o: &'_ Object| match o {
            Object::Reference(id) => doc.get_dictionary(*id).unwrap().clone(),
            other => other.as_dict().unwrap().clone(),
        };
        let descendant = resolve(&dict.get(b"DescendantFonts").unwrap().as_array().unwrap()[0]);
        assert_eq!(
            descendant.get(b"BaseFont").unwrap().as_name().unwrap(),
            name
        );
        let descriptor = resolve(descendant.get(b"FontDescriptor").unwrap());
        assert_eq!(
            descriptor.get(b"FontName").unwrap().as_name().unwrap(),
            name
        );
        let file = descriptor
            .get(b"FontFile2")
            .unwrap()
            .as_reference()
            .unwrap();
        let program = doc.get_object(file).unwrap().as_stream().unwrap();
        let size = program
            .decompressed_content()
            .map(|c| c.len())
            .unwrap_or(program.content.len());
        assert!(
            size < 40_000,
            "font program of {size} bytes is not a subset"
        );
    }
    assert_eq!(
        fonts, 2,
        "regular and bold are used; nothing is set in italics"
    );
}

/// The compressed image data of a PNG file: its IDAT chunks, joined.
fn png_data(bytes: &[u8]) -> Vec<u8> {
    let mut rest = &bytes[8..];
    let mut data = Vec::new();
    while rest.len() >= 12 {
        let len = u32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
        if &rest[4..8] == b"IDAT" {
            data.extend_from_slice(&rest[8..8 + len]);
        }
        rest = &rest[12 + len..];
    }
    data
}

#[test]
fn each_picture_is_stored_once_and_without_loss() {
    let doc = parse(&build(&sample(), &BuildOptions::default()));
    let mut images = Vec::new();
    let mut masks = BTreeSet::new();
    for (id, object) in &doc.objects {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image".as_slice()) {
            images.push((*id, stream.content.clone()));
            if let Ok(mask) = stream.dict.get(b"SMask").and_then(Object::as_reference) {
                masks.insert(mask);
            }
        }
    }
    let pictures: Vec<_> = images
        .iter()
        .filter(|(id, _)| !masks.contains(id))
        .collect();
    assert_eq!(
        pictures.len(),
        7,
        "six exercise pictures and the logo, once each"
    );
    assert_eq!(masks.len(), 1, "the logo keeps its transparency");
    for name in [
        "single-leg-bridge-start",
        "hamstring-bridge-end",
        "split-squat-end",
    ] {
        let png = std::fs::read(repo().join(format!("images/exercises/{name}.png"))).unwrap();
        let idat = png_data(&png);
        let copies = pictures
            .iter()
            .filter(|(_, content)| *content == idat)
            .count();
        assert_eq!(copies, 1, "{name}.png is embedded byte for byte, once");
    }
}

#[test]
fn a_jpeg_is_passed_through_unchanged() {
    let doc = parse(&build(&clinic(), &BuildOptions::default()));
    let jpeg = std::fs::read(repo().join("tests/fixtures/clinic/images/cat-cow.jpg")).unwrap();
    let found = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .any(|s| {
            s.dict.get(b"Filter").and_then(Object::as_name).ok() == Some(b"DCTDecode".as_slice())
                && s.content == jpeg
        });
    assert!(found, "the JPEG's own bytes are in the PDF");
}

#[test]
fn metadata_names_the_handout_and_its_language() {
    let doc = parse(&build(&sample(), &BuildOptions::default()));
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .unwrap();
    let info = doc.get_dictionary(info).unwrap();
    let text = |key: &[u8]| {
        let Object::String(bytes, _) = info.get(key).unwrap() else {
            panic!()
        };
        if bytes.starts_with(&[0xFE, 0xFF]) {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        } else {
            String::from_utf8(bytes.clone()).unwrap()
        }
    };
    assert_eq!(text(b"Title"), "How to fix inner knee pain from running");
    assert_eq!(text(b"Author"), "Richard Harris");
    assert!(text(b"Subject").starts_with("Inner knee pain"));
    assert_eq!(
        text(b"CreationDate"),
        "D:20261123000000Z",
        "the review date, not the clock"
    );
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");
}

#[test]
fn the_website_is_a_link_on_every_page() {
    let doc = parse(&build(&sample(), &BuildOptions::default()));
    for (number, page) in doc.get_pages() {
        let annots = doc
            .get_dictionary(page)
            .unwrap()
            .get(b"Annots")
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        let uris: Vec<Vec<u8>> = annots
            .iter()
            .filter_map(|a| match a {
                Object::Reference(id) => doc.get_dictionary(*id).ok(),
                other => other.as_dict().ok(),
            })
            .filter_map(|a| {
                a.get(b"A")
                    .ok()?
                    .as_dict()
                    .ok()?
                    .get(b"URI")
                    .ok()?
                    .as_str()
                    .ok()
                    .map(<[u8]>::to_vec)
            })
            .collect();
        assert!(
            uris.contains(&b"https://riverside.example".to_vec()),
            "page {number}: {uris:?}"
        );
    }
}

#[test]
fn the_outline_lists_headings_and_exercises_in_reading_order() {
    let doc = parse(&build(&sample(), &BuildOptions::default()));
    let outlines = doc
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut next = doc
        .get_dictionary(outlines)
        .unwrap()
        .get(b"First")
        .and_then(Object::as_reference)
        .ok();
    let mut titles = Vec::new();
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        titles.push(
            String::from_utf8_lossy(item.get(b"Title").unwrap().as_str().unwrap()).into_owned(),
        );
        next = item.get(b"Next").and_then(Object::as_reference).ok();
    }
    assert_eq!(
        titles,
        [
            "What might be causing your pain?",
            "When to see your doctor",
            "Exercises to strengthen your knee",
            "Single leg bridge",
            "Hamstring bridge",
            "Split squat",
            "Getting back to running",
            "Final thoughts"
        ]
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let first = build(&sample(), &for_patient("Aoife O’Brien"));
    let second = build(&sample(), &for_patient("Aoife O’Brien"));
    assert!(first == second, "two builds differ");
    let other = build(&sample(), &for_patient("Sinéad Ní Bhriain"));
    assert!(first != other, "the patient's name changes the PDF");
}

#[test]
fn text_extracts_as_written_and_the_patient_is_named_on_every_page() {
    let pdf = write_temp_pdf(&build(&sample(), &for_patient("Aoife O’Brien")));
    let pages = parse(&std::fs::read(pdf.path()).unwrap()).get_pages().len();
    assert!(pages >= 3);
    let mut all = String::new();
    for page in 1..=pages {
        let text = page_text(pdf.path(), page);
        assert!(
            text.contains("Prepared for Aoife O’Brien"),
            "page {page}:\n{text}"
        );
        // Read last, after the footer line it ends, as it is seen.
        assert!(
            text.trim_end()
                .ends_with(&format!("Page {page} of {pages}")),
            "page {page}:\n{text}"
        );
        all.push_str(&text);
    }
    let all = all.replace('\u{a0}', " ");
    for expected in [
        "Overexertion (runner’s knee)",
        "3 sets × 8 reps",
        "MCL (medial collateral ligament) injury",
        "Written by Richard Harris",
    ] {
        assert!(all.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn qpdf_finds_nothing_wrong() {
    let builds = [
        build(&sample(), &BuildOptions::default()),
        build(&sample(), &for_patient("Aoife O’Brien")),
        build(&clinic(), &BuildOptions::default()),
    ];
    for bytes in builds {
        let pdf = write_temp_pdf(&bytes);
        let out = tool("qpdf", &["--check", pdf.path().to_str().unwrap()]);
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && !report.contains("WARNING"),
            "{report}"
        );
    }
}

/// Letters and digits only, lower case: how text compares once line breaks,
/// hyphens and spacing are set aside.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn long_names_disclaimers_and_captions_are_printed_whole() {
    let fixture = repo().join("tests/fixtures/long-names/content");
    let pdf = write_temp_pdf(&build(
        &fixture.join("handouts/shoulder.toml"),
        &BuildOptions::default(),
    ));
    let pages = parse(&std::fs::read(pdf.path()).unwrap()).get_pages().len();
    let text: String = (1..=pages)
        .map(|page| page_text(pdf.path(), page))
        .collect();
    let text = squeeze(&text);
    let brand = std::fs::read_to_string(fixture.join("brand.toml")).unwrap();
    let handout = std::fs::read_to_string(fixture.join("handouts/shoulder.toml")).unwrap();
    let values: Vec<&str> = brand
        .lines()
        .chain(handout.lines())
        .filter(|l| {
            [
                "name",
                "tagline",
                "address",
                "disclaimer",
                "caption",
                "title",
            ]
            .iter()
            .any(|k| l.starts_with(k))
        })
        .filter_map(|l| l.split_once(" = \"").map(|(_, v)| v.trim_end_matches('"')))
        .collect();
    assert!(values.len() >= 8);
    for value in values {
        assert!(
            text.contains(&squeeze(value)),
            "{value:?} is not printed whole"
        );
    }
}

/// A brand that gives only a regular font sets bold and italics in it too; the PDF then
/// holds that font once, not a copy per face.
#[test]
fn faces_set_in_one_font_file_share_one_embedded_font() {
    let ws = sample_workspace();
    let fonts = ws.path().join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::copy(
        repo().join("fonts/AtkinsonHyperlegible_400Regular.ttf"),
        fonts.join("Brand.ttf"),
    )
    .unwrap();
    let brand = ws.path().join("content/brand.toml");
    let text = std::fs::read_to_string(&brand).unwrap();
    std::fs::write(
        &brand,
        format!("{text}\n[fonts]\nregular = \"/fonts/Brand.ttf\"\n"),
    )
    .unwrap();
    let handout = ws.path().join("content/handouts/inner-knee-pain.toml");
    let bytes = build(&handout, &BuildOptions::default());
    let doc = parse(&bytes);
    let fonts: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0".as_slice()))
        .collect();
    assert_eq!(fonts.len(), 1, "one font file, one embedded font");
    let pdf = write_temp_pdf(&bytes);
    let text = page_text(pdf.path(), 1);
    assert!(text.contains("In short"), "bold text still copies: {text}");
}
