//! The PDF read back: pages, fonts, pictures, metadata, links, text and the structure
//! tree that tells assistive technology what each part is.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use handout::content::LoadOptions;
use handout::model::{Edition, Paper};
use handout::BuildOptions;
use lopdf::content::Content;
use lopdf::{Document, Object};

use common::*;

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

/// The page's link annotations: each an object of its own, with its address and its
/// description.
fn links(doc: &Document, page: lopdf::ObjectId) -> Vec<(String, String)> {
    let annots = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"Annots")
        .and_then(Object::as_array)
        .cloned()
        .unwrap_or_default();
    annots
        .iter()
        .map(|annot| {
            let Object::Reference(id) = annot else {
                panic!("an annotation written in place: {annot:?}")
            };
            let annot = doc.get_dictionary(*id).unwrap();
            let uri = annot
                .get(b"A")
                .unwrap()
                .as_dict()
                .unwrap()
                .get(b"URI")
                .unwrap();
            let uri = String::from_utf8(uri.as_str().unwrap().to_vec()).unwrap();
            (uri, text_string(annot.get(b"Contents").unwrap()))
        })
        .collect()
}

/// The clinic's details are read, and can be clicked, on the first page; where the header
/// repeats it is furniture, which a link never is.
#[test]
fn the_clinics_phone_email_and_website_are_links_on_the_first_page() {
    let doc = parse(&build(&sample(), &BuildOptions::default()));
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let first = links(&doc, pages[0]);
    for (uri, description) in [
        ("tel:02079460321", "020 7946 0321"),
        ("mailto:hello@riverside.example", "hello@riverside.example"),
        ("https://riverside.example", "https://riverside.example"),
    ] {
        assert!(
            first.contains(&(uri.to_string(), description.to_string())),
            "{uri}: {first:?}"
        );
    }
    for &page in &pages[1..] {
        assert!(links(&doc, page).is_empty(), "{:?}", links(&doc, page));
    }
}

/// An outline entry's title and its children's, from its `/First` along `/Next`.
fn outline_entries(doc: &Document, parent: lopdf::ObjectId) -> Vec<(String, Vec<String>)> {
    let mut next = doc
        .get_dictionary(parent)
        .unwrap()
        .get(b"First")
        .and_then(Object::as_reference)
        .ok();
    let mut entries = Vec::new();
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let children = outline_entries(doc, id)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        entries.push((text_string(item.get(b"Title").unwrap()), children));
        next = item.get(b"Next").and_then(Object::as_reference).ok();
    }
    entries
}

#[test]
fn the_outline_nests_each_exercise_under_its_section_and_opens_with_the_document() {
    let doc = parse(&build(&sample(), &BuildOptions::default()));
    let catalog = doc.catalog().unwrap();
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    let outlines = catalog.get(b"Outlines").unwrap().as_reference().unwrap();
    let exercises = ["Single leg bridge", "Hamstring bridge", "Split squat"];
    let expected: Vec<(String, Vec<String>)> = [
        ("What might be causing your pain?", &[][..]),
        ("When to see your doctor", &[]),
        ("Exercises to strengthen your knee", &exercises),
        ("Getting back to running", &[]),
        ("Final thoughts", &[]),
    ]
    .iter()
    .map(|(title, children)| {
        let children = children.iter().map(|c| c.to_string()).collect();
        (title.to_string(), children)
    })
    .collect();
    assert_eq!(outline_entries(&doc, outlines), expected);
    let count = doc.get_dictionary(outlines).unwrap().get(b"Count").unwrap();
    assert_eq!(count.as_i64().unwrap(), 8, "every entry shown");
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
    let doc = parse(&build(&sample(), &for_patient("Aoife O’Brien")));
    let texts = page_texts(&doc);
    let pages = texts.len();
    assert!(pages >= 3);
    let mut all = String::new();
    for (page, text) in (1..).zip(texts) {
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

/// A screen reader reads a paragraph from the text its strings hold, not from where the
/// lines are drawn: the words either side of a line break must still read apart.
#[test]
fn words_either_side_of_a_line_break_read_apart() {
    let doc = parse(&build(&sample(), &BuildOptions::default()));
    let strings = page_strings(&doc).concat();
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let read = words(&strings);
    let toml: toml::Table = std::fs::read_to_string(sample()).unwrap().parse().unwrap();
    // The causes' and red flags' plain texts, each a paragraph of several lines.
    let paragraphs: Vec<&str> = ["cause", "red_flag"]
        .iter()
        .flat_map(|key| toml[*key].as_array().unwrap())
        .map(|item| item["text"].as_str().unwrap())
        .collect();
    assert!(paragraphs.len() >= 4);
    // A wrapped list's line ends with its separator, and the space after it.
    let after_separators = strings.match_indices('·').map(|(at, _)| &strings[at + 2..]);
    for after in after_separators {
        assert!(after.starts_with(char::is_whitespace), "·{after:.20}");
    }
    for paragraph in paragraphs {
        assert!(
            read.contains(&words(paragraph)),
            "{paragraph:?} in:\n{read}"
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
    let doc = parse(&build(
        &fixture.join("handouts/shoulder.toml"),
        &BuildOptions::default(),
    ));
    let text = squeeze(&page_texts(&doc).concat());
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
    let text = &page_texts(&doc)[0];
    assert!(text.contains("In short"), "bold text still copies: {text}");
}

/// The builds the structure checks below run on: the sample as it is, for a patient, in
/// Letter and in large print, and the clinic fixture (links in the text, a QR code, a
/// JPEG, all three urgencies).
fn tagged_builds() -> Vec<(&'static str, Document)> {
    static BUILDS: std::sync::OnceLock<Vec<(&str, Vec<u8>)>> = std::sync::OnceLock::new();
    let builds = BUILDS.get_or_init(build_for_tagging);
    builds
        .iter()
        .map(|(name, bytes)| (*name, parse(bytes)))
        .collect()
}

fn build_for_tagging() -> Vec<(&'static str, Vec<u8>)> {
    let letter = BuildOptions {
        load: LoadOptions {
            paper: Some(Paper::Letter),
            ..LoadOptions::default()
        },
        ..BuildOptions::default()
    };
    let large = BuildOptions {
        edition: Edition::Large,
        ..for_patient("Zoë “Zed” Müller")
    };
    [
        ("sample", build(&sample(), &BuildOptions::default())),
        ("patient", build(&sample(), &for_patient("Aoife O’Brien"))),
        ("letter", build(&sample(), &letter)),
        ("large print", build(&sample(), &large)),
        ("clinic", build(&clinic(), &BuildOptions::default())),
    ]
    .into()
}

/// The operators that put something on the page.
const DRAWING: [&str; 15] = [
    "Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh",
];

/// Every page: each drawing inside marked content, marked content balanced, and the
/// marked-content ids 0, 1, 2, … in order; returns each page's ids with their tags.
fn marked_content(doc: &Document, name: &str) -> BTreeMap<lopdf::ObjectId, Vec<String>> {
    let mut pages = BTreeMap::new();
    for (number, page) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(page)).unwrap();
        let mut depth = 0;
        let mut tags = Vec::new();
        for operation in &content.operations {
            let operator = operation.operator.as_str();
            match operator {
                "BDC" | "BMC" => {
                    depth += 1;
                    let properties = operation.operands.get(1).and_then(|p| p.as_dict().ok());
                    if let Some(mcid) = properties.and_then(|p| p.get(b"MCID").ok()) {
                        assert_eq!(
                            mcid.as_i64().unwrap(),
                            tags.len() as i64,
                            "{name} p{number}"
                        );
                        let tag = operation.operands[0].as_name().unwrap();
                        tags.push(String::from_utf8(tag.to_vec()).unwrap());
                    }
                }
                "EMC" => depth -= 1,
                _ if DRAWING.contains(&operator) => {
                    assert!(
                        depth > 0,
                        "{name} p{number}: {operator} outside marked content"
                    )
                }
                _ => {}
            }
            assert!(depth >= 0, "{name} p{number}: EMC without BDC");
        }
        assert_eq!(depth, 0, "{name} p{number}: marked content left open");
        pages.insert(page, tags);
    }
    pages
}

/// What the parent tree maps each key to.
fn parent_tree(doc: &Document) -> BTreeMap<i64, Object> {
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = doc.get_dictionary(root.as_reference().unwrap()).unwrap();
    let tree = root.get(b"ParentTree").unwrap().as_reference().unwrap();
    let nums = doc.get_dictionary(tree).unwrap().get(b"Nums").unwrap();
    let nums = nums.as_array().unwrap();
    let next_key = root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap();
    let map: BTreeMap<i64, Object> = nums
        .chunks(2)
        .map(|pair| (pair[0].as_i64().unwrap(), pair[1].clone()))
        .collect();
    assert!(map.keys().all(|&key| key < next_key));
    map
}

#[test]
fn every_drawing_is_tagged_content_or_an_artifact_and_the_tree_finds_it() {
    for (name, doc) in tagged_builds() {
        let marked = marked_content(&doc, name);
        let tree = structure_tree(&doc);
        // Each page's marked content, as the tree claims it: every id once, in its element.
        let mut claimed: BTreeMap<(lopdf::ObjectId, i64), String> = BTreeMap::new();
        for element in tree.walk() {
            for kid in &element.kids {
                if let Kid::Content { page, mcid } = kid {
                    let earlier = claimed.insert((*page, *mcid), element.role.clone());
                    assert!(earlier.is_none(), "{name}: MCID {mcid} claimed twice");
                }
            }
        }
        let parents = parent_tree(&doc);
        for (page, tags) in &marked {
            for (mcid, tag) in tags.iter().enumerate() {
                let role = claimed.get(&(*page, mcid as i64));
                assert_eq!(role, Some(tag), "{name}: MCID {mcid} on {page:?}");
            }
            // A reader going from the page to the tree finds the same elements.
            let page_dict = doc.get_dictionary(*page).unwrap();
            if tags.is_empty() {
                continue;
            }
            let key = page_dict.get(b"StructParents").unwrap().as_i64().unwrap();
            let owners = doc
                .get_object(parents[&key].as_reference().unwrap())
                .unwrap()
                .as_array()
                .unwrap();
            assert_eq!(owners.len(), tags.len(), "{name}");
            for (mcid, owner) in owners.iter().enumerate() {
                let owner = doc.get_dictionary(owner.as_reference().unwrap()).unwrap();
                let role = owner.get(b"S").unwrap().as_name().unwrap();
                assert_eq!(role, tags[mcid].as_bytes(), "{name}: MCID {mcid}");
            }
        }
        assert_eq!(
            claimed.len(),
            marked.values().map(Vec::len).sum::<usize>(),
            "{name}: the tree claims content no page has"
        );
    }
}

#[test]
fn grouping_elements_hold_elements_and_content_sits_in_leaves() {
    let grouping = ["Document", "Sect", "Div", "L", "LI"];
    for (name, doc) in tagged_builds() {
        let tree = structure_tree(&doc);
        assert_eq!(tree.role, "Document");
        for element in tree.walk() {
            if grouping.contains(&element.role.as_str()) {
                assert!(
                    element.kids.iter().all(|k| matches!(k, Kid::Element(_))),
                    "{name}: {} holds content",
                    element.role
                );
            }
            if element.role == "LI" {
                let roles: Vec<&str> = element
                    .kids
                    .iter()
                    .map(|k| match k {
                        Kid::Element(e) => e.role.as_str(),
                        _ => "content",
                    })
                    .collect();
                assert_eq!(roles, ["Lbl", "LBody"], "{name}: a list item's label first");
            }
            if element.role == "L" {
                assert!(element
                    .kids
                    .iter()
                    .all(|k| matches!(k, Kid::Element(e) if e.role == "LI")));
                let numbering = element.attributes.as_ref().unwrap().get(b"ListNumbering");
                assert!(numbering.is_ok(), "{name}: a list says how it is numbered");
            }
        }
    }
}

#[test]
fn headings_start_at_h1_and_never_skip_a_level() {
    for (name, doc) in tagged_builds() {
        let levels: Vec<u32> = structure_tree(&doc)
            .walk()
            .iter()
            .filter_map(|e| e.role.strip_prefix('H')?.parse().ok())
            .collect();
        assert_eq!(levels.first(), Some(&1), "{name}");
        assert_eq!(
            levels.iter().filter(|&&l| l == 1).count(),
            1,
            "{name}: one title"
        );
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{name}: H{} after H{}",
                pair[1],
                pair[0]
            );
        }
    }
}

/// Every `alt = "…"` written in a workspace's content files.
/// The alt texts of the content files in `content`, those in other languages
/// (`NAME.es.toml`) left out.
fn alt_texts(content: &std::path::Path) -> Vec<String> {
    let mut alts = Vec::new();
    for folder in ["exercises", "handouts"] {
        for entry in std::fs::read_dir(content.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.file_stem().unwrap().to_string_lossy().contains('.') {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            alts.extend(text.lines().filter_map(|line| {
                let value = line.trim().strip_prefix("alt = \"")?;
                Some(value.trim_end_matches('"').to_string())
            }));
        }
    }
    alts
}

#[test]
fn every_picture_is_a_figure_described_by_its_alt_text() {
    let sample_doc = parse(&build(&sample(), &BuildOptions::default()));
    let clinic_doc = parse(&build(&clinic(), &BuildOptions::default()));
    let cases = [
        (
            sample_doc,
            repo().join("content"),
            "Riverside Physio & Running Clinic",
        ),
        (
            clinic_doc,
            repo().join("tests/fixtures/clinic/content"),
            "Northside Sports Therapy",
        ),
    ];
    for (doc, content, clinic_name) in cases {
        let tree = structure_tree(&doc);
        let figures: Vec<&Element> = tree
            .walk()
            .into_iter()
            .filter(|e| e.role == "Figure")
            .collect();
        let described: Vec<&str> = figures.iter().filter_map(|f| f.alt.as_deref()).collect();
        assert_eq!(described.len(), figures.len(), "every figure has /Alt");
        assert_eq!(
            described[0],
            format!("{clinic_name} logo"),
            "the logo, first, named for the clinic"
        );
        for alt in alt_texts(&content) {
            assert!(described.contains(&alt.as_str()), "no figure says {alt:?}");
        }
        for figure in figures {
            let attributes = figure.attributes.as_ref().expect("a figure's layout");
            let bbox = attributes.get(b"BBox").unwrap().as_array().unwrap();
            let [left, bottom, right, top] = [0, 1, 2, 3].map(|i| bbox[i].as_float().unwrap());
            assert!(left < right && bottom < top, "{bbox:?}");
        }
    }
}

#[test]
fn every_link_is_a_described_annotation_in_a_link_element() {
    for (name, doc) in tagged_builds() {
        let tree = structure_tree(&doc);
        let in_links: BTreeSet<lopdf::ObjectId> = tree
            .walk()
            .iter()
            .filter(|e| e.role == "Link")
            .flat_map(|e| &e.kids)
            .filter_map(|k| match k {
                Kid::Object(id) => Some(*id),
                _ => None,
            })
            .collect();
        let parents = parent_tree(&doc);
        let mut annotations = 0;
        for page in doc.get_pages().into_values() {
            let page_dict = doc.get_dictionary(page).unwrap();
            assert_eq!(page_dict.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
            let annots = page_dict.get(b"Annots").and_then(Object::as_array);
            for annot in annots.into_iter().flatten() {
                annotations += 1;
                let id = annot.as_reference().expect("an annotation of its own");
                let dict = doc.get_dictionary(id).unwrap();
                assert!(!text_string(dict.get(b"Contents").unwrap()).is_empty());
                assert_eq!(dict.get(b"F").unwrap().as_i64().unwrap() & 4, 4, "printed");
                assert!(
                    in_links.contains(&id),
                    "{name}: annotation {id:?} not in a Link"
                );
                let key = dict.get(b"StructParent").unwrap().as_i64().unwrap();
                let link = doc
                    .get_dictionary(parents[&key].as_reference().unwrap())
                    .unwrap();
                assert_eq!(link.get(b"S").unwrap().as_name().unwrap(), b"Link");
            }
        }
        assert_eq!(annotations, in_links.len(), "{name}");
        assert!(
            annotations >= 3,
            "{name}: phone, email and website at least"
        );
    }
}

#[test]
fn the_document_says_it_is_tagged_titled_in_its_language_and_pdf_ua() {
    for (name, doc) in tagged_builds() {
        let catalog = doc.catalog().unwrap();
        let marked = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap();
        assert!(marked.get(b"Marked").unwrap().as_bool().unwrap(), "{name}");
        let language = if name == "clinic" { "en-US" } else { "en" };
        assert_eq!(
            catalog.get(b"Lang").unwrap().as_str().unwrap(),
            language.as_bytes()
        );
        let preferences = catalog
            .get(b"ViewerPreferences")
            .unwrap()
            .as_dict()
            .unwrap();
        assert!(preferences
            .get(b"DisplayDocTitle")
            .unwrap()
            .as_bool()
            .unwrap());
        let metadata = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
        let metadata = doc.get_object(metadata).unwrap().as_stream().unwrap();
        let xmp = String::from_utf8(metadata.decompressed_content().unwrap()).unwrap();
        assert!(
            xmp.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{name}: {xmp}"
        );
        assert!(
            xmp.contains(">How to fix inner knee pain from running</rdf:li>") || name == "clinic",
            "{name}: {xmp}"
        );
        let listed = format!("<dc:language><rdf:Bag><rdf:li>{language}</rdf:li>");
        assert!(xmp.contains(&listed), "{name}");
    }
}

/// Readers that go by the drawing order (copying, most text extraction) read each step's
/// number before its text, and the page number last.
#[test]
fn list_numbers_and_bullets_are_read_before_their_items() {
    for (name, doc) in tagged_builds() {
        let text = page_texts(&doc).concat().replace('\u{a0}', " ");
        let exercise = std::fs::read_to_string(repo().join("content/exercises/split-squat.toml"));
        if name != "clinic" {
            let steps = exercise.unwrap();
            let first = steps
                .lines()
                .find_map(|l| l.trim().strip_prefix('"'))
                .unwrap();
            let opening: Vec<&str> = first.split(' ').take(4).collect();
            let opening = format!("1. {}", opening.join(" "));
            assert!(text.contains(&opening), "{name}: {opening:?}");
            assert!(text.contains("• Put a cold ice"), "{name}");
        } else {
            assert!(
                text.contains("1. Lie on your back with your knees bent."),
                "{name}"
            );
        }
    }
}
