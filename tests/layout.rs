//! Layout as a value: a snapshot of a fixture, and the rules every page keeps.

mod common;

use std::path::Path;

use handout::content::LoadOptions;
use handout::layout::{dump::dump, Item, PagedLayout};
use handout::model::{Edition, Paper};
use handout::BuildOptions;

use common::*;

fn lay_out(handout: &Path, options: &BuildOptions) -> PagedLayout {
    handout::lay_out(handout, options)
        .unwrap_or_else(|e| panic!("{}: {e}", handout.display()))
        .0
}

fn letter() -> BuildOptions {
    BuildOptions {
        load: LoadOptions {
            paper: Some(Paper::Letter),
            ..LoadOptions::default()
        },
        ..BuildOptions::default()
    }
}

/// Compares with the stored snapshot; `UPDATE_SNAPSHOTS=1` stores the new one instead.
#[test]
fn the_clinic_fixture_lays_out_as_stored() {
    let actual = dump(&lay_out(&clinic(), &BuildOptions::default()));
    let path = repo().join("tests/snapshots/low-back-pain.layout.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "layout differs from {} at line {}:\n  now:    {:?}\n  stored: {:?}\nRun with UPDATE_SNAPSHOTS=1 to accept, and review the diff.",
            path.display(),
            first + 1,
            actual.lines().nth(first),
            expected.lines().nth(first)
        );
    }
}

fn text_runs(
    layout: &PagedLayout,
) -> impl Iterator<Item = (usize, f32, f32, f32, f32, String)> + '_ {
    layout.pages.iter().enumerate().flat_map(|(page, p)| {
        p.items.iter().filter_map(move |placed| match &placed.item {
            Item::Text(run) => {
                let width: f32 = run.glyphs.iter().map(|g| g.advance).sum();
                Some((
                    page,
                    placed.at.x,
                    placed.at.y,
                    width,
                    run.style.size,
                    run.text(),
                ))
            }
            _ => None,
        })
    })
}

fn assert_inside_the_printable_area(layout: &PagedLayout) {
    for (page, x, baseline, width, size, text) in text_runs(layout) {
        let size_of_page = layout.pages[page].size;
        let inside = x >= 14.0
            && x + width <= size_of_page.width - 14.0 + 0.01
            && baseline - size >= 14.0
            && baseline + 0.3 * size <= size_of_page.height - 14.0;
        assert!(
            inside,
            "page {}: {text:?} at ({x}, {baseline}) width {width}",
            page + 1
        );
    }
}

#[test]
fn no_text_comes_near_the_edge_of_the_paper() {
    assert_inside_the_printable_area(&lay_out(&sample(), &BuildOptions::default()));
    assert_inside_the_printable_area(&lay_out(&sample(), &letter()));
    assert_inside_the_printable_area(&lay_out(&clinic(), &for_patient("Aoife O’Brien")));
}

#[test]
fn body_text_is_at_least_12_pt() {
    let layout = lay_out(&sample(), &BuildOptions::default());
    let mut sizes = std::collections::BTreeMap::new();
    for (_, _, _, _, size, text) in text_runs(&layout) {
        *sizes.entry((size * 10.0) as u32).or_insert(0) += text.chars().count();
    }
    let (most_common, _) = sizes.iter().max_by_key(|(_, count)| **count).unwrap();
    assert!(
        *most_common >= 120,
        "body text is {} pt",
        *most_common as f32 / 10.0
    );
}

#[test]
fn a_heading_never_ends_a_page() {
    for layout in [
        lay_out(&sample(), &BuildOptions::default()),
        lay_out(&sample(), &letter()),
        lay_out(&clinic(), &BuildOptions::default()),
    ] {
        let runs: Vec<_> = text_runs(&layout).collect();
        for (i, (page, _, _, _, size, text)) in runs.iter().enumerate() {
            if *size < 18.0 || *size > 20.0 {
                continue; // not a section heading
            }
            let next = runs.get(i + 1).expect("something follows a heading");
            assert!(
                next.0 == *page && next.4 > 11.5,
                "page {}: heading {text:?} is followed by {:?}",
                page + 1,
                next.5
            );
        }
    }
}

#[test]
fn every_exercise_card_is_whole_on_one_page() {
    for options in [BuildOptions::default(), letter()] {
        let layout = lay_out(&sample(), &options);
        let runs: Vec<_> = text_runs(&layout).collect();
        for (number, (name, last_step)) in [
            ("Single leg bridge", "Repeat, then swap legs."),
            ("Hamstring bridge", "slowly straighten your legs"),
            ("Split squat", "Repeat, then swap legs."),
        ]
        .iter()
        .enumerate()
        {
            let title = format!("{}. {name}", number + 1);
            let page = runs
                .iter()
                .find(|r| r.5 == title)
                .unwrap_or_else(|| panic!("no card {title}"))
                .0;
            let page_text: String = runs
                .iter()
                .filter(|r| r.0 == page)
                .map(|r| r.5.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                page_text.contains(last_step),
                "{title}: its last step is not on page {}",
                page + 1
            );
        }
    }
}

/// A scratch workspace with the clinic fixture's brand, library and pictures,
/// and one handout written by the test.
fn scratch_handout(handout: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let ws = clinic_workspace();
    let file = ws.path().join("content/handouts/scratch.toml");
    std::fs::write(&file, handout).unwrap();
    (ws, file)
}

fn quoted_list(items: impl Iterator<Item = String>) -> String {
    items
        .map(|item| format!("{item:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn a_card_taller_than_a_page_continues_on_the_next_and_nothing_overflows() {
    let steps = quoted_list(
        (1..=100).map(|i| format!("Step number {i}: move slowly and breathe out as you go.")),
    );
    let (_ws, file) = scratch_handout(&format!(
        "title = \"Long\"\n[[exercise]]\nuse = \"glute-bridge\"\nsteps = [{steps}]\n"
    ));
    let layout = lay_out(&file, &BuildOptions::default());
    assert!(layout.pages.len() >= 3);
    let runs: Vec<_> = text_runs(&layout).collect();
    assert!(
        runs.iter().any(|r| r.5 == "1. Glute bridge (continued)"),
        "no continuation header"
    );
    assert!(runs.iter().any(|r| r.5.contains("Step number 100")));
    // Three-digit step numbers keep their full stop and a gap before the step.
    let marker = runs
        .iter()
        .find(|r| r.5 == "100.")
        .expect("the marker 100. whole");
    let step = runs
        .iter()
        .find(|r| r.5.starts_with("Step number 100:"))
        .unwrap();
    assert!(
        step.1 > marker.1 + marker.3 + 3.0,
        "step 100 touches its number"
    );
    assert_inside_the_printable_area(&layout);
}

#[test]
fn a_red_flag_that_continues_repeats_its_urgency_and_name() {
    let text =
        "Pain that wakes you at night and does not ease when you change position. ".repeat(90);
    let (_ws, file) = scratch_handout(&format!(
        "title = \"Long\"\n[[red_flag]]\nname = \"Night pain\"\ntext = {text:?}\nurgency = \"urgent\"\n[[exercise]]\nuse = \"glute-bridge\"\n"
    ));
    let layout = lay_out(&file, &BuildOptions::default());
    let runs: Vec<_> = text_runs(&layout).collect();
    let continued = runs
        .iter()
        .find(|r| r.5 == "Night pain (continued)")
        .expect("a continuation");
    let label = runs
        .iter()
        .find(|r| r.0 == continued.0 && r.5.starts_with("Urgent"));
    assert!(label.is_some(), "the continued card says how urgent it is");
    assert_inside_the_printable_area(&layout);
}

#[test]
fn a_video_address_too_long_for_a_qr_code_is_still_printed() {
    let url = format!("https://videos.example/{}", "x".repeat(4000));
    let (_ws, file) = scratch_handout(&format!(
        "title = \"Video\"\n[[exercise]]\nname = \"Walk\"\nsteps = [\"Walk.\"]\nvideo = {url:?}\n"
    ));
    let layout = lay_out(&file, &BuildOptions::default());
    let text: String = text_runs(&layout).map(|r| r.5).collect();
    assert!(text.contains("Watch how to do it:"));
    assert!(text.contains("https://videos.example/xxxx"));
    let qr = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .any(|i| matches!(i.item, Item::Qr { .. }));
    assert!(!qr, "no QR code can hold it");
    assert!(layout
        .warnings
        .iter()
        .any(|w| w.message.contains("too long for a QR code")));
}

#[test]
fn a_brand_that_crowds_out_the_page_is_one_clear_error() {
    let (ws, file) = scratch_handout("title = \"Crowded\"\n[[exercise]]\nuse = \"glute-bridge\"\n");
    let brand = ws.path().join("content/brand.toml");
    let text = std::fs::read_to_string(&brand).unwrap();
    let long = "This sentence makes the disclaimer far too long. ".repeat(60);
    std::fs::write(
        &brand,
        text.replace("disclaimer = \"", &format!("disclaimer = \"{long}")),
    )
    .unwrap();
    let diagnostics = handout::lay_out(&file, &BuildOptions::default()).expect_err("an error");

    assert_eq!(diagnostics.0.len(), 1, "{diagnostics}");
    assert!(
        diagnostics.0[0]
            .message
            .contains("the header and footer leave"),
        "{diagnostics}"
    );
}

fn long_names() -> PagedLayout {
    lay_out(
        &repo().join("tests/fixtures/long-names/content/handouts/shoulder.toml"),
        &BuildOptions::default(),
    )
}

/// Runs of page 1 as (x, baseline, size, bold, text).
fn first_page_runs(layout: &PagedLayout) -> Vec<(f32, f32, f32, bool, String)> {
    layout.pages[0]
        .items
        .iter()
        .filter_map(|placed| match &placed.item {
            Item::Text(run) => Some((
                placed.at.x,
                placed.at.y,
                run.style.size,
                run.style.face.is_bold(),
                run.text(),
            )),
            _ => None,
        })
        .collect()
}

// Text that wraps beside another column reads back interleaved with it, so
// wrapped text never shares a baseline with a neighbouring column.
#[test]
fn a_wrapped_clinic_name_does_not_share_lines_with_the_contact_details() {
    let runs = first_page_runs(&long_names());
    let name_lines: Vec<f32> = runs
        .iter()
        .filter(|r| r.2 == 14.0 && r.3)
        .map(|r| r.1)
        .collect();
    assert!(name_lines.len() >= 2, "the fixture's name wraps");
    let name_bottom = name_lines.iter().copied().fold(0.0, f32::max);
    let contact = runs
        .iter()
        .filter(|r| r.4.contains("Old Mill") || r.4.contains("reception@"));
    for (_, baseline, size, _, text) in contact {
        assert!(
            baseline - size > name_bottom,
            "{text:?} sits beside the clinic's name"
        );
    }
}

#[test]
fn long_captions_sit_beside_their_own_picture() {
    let layout = long_names();
    let captions: Vec<(usize, f32)> = text_runs(&layout)
        .filter(|r| {
            r.4 == 12.0
                && (r.5.contains("hang")
                    || r.5.contains("circles")
                    || r.5.contains("Swing")
                    || r.5.contains("Let the"))
        })
        .map(|r| (r.0, r.2))
        .collect();
    assert!(captions.len() >= 2);
    let mut baselines = captions.clone();
    baselines.dedup();
    assert_eq!(
        baselines.len(),
        captions.len(),
        "two captions share a line: {captions:?}"
    );
}

#[test]
fn the_page_number_is_on_the_footers_last_line() {
    for layout in [long_names(), lay_out(&sample(), &BuildOptions::default())] {
        let runs = first_page_runs(&layout);
        let number = runs
            .iter()
            .find(|r| r.4.starts_with("Page 1 of"))
            .expect("a page number");
        let lowest = runs.iter().map(|r| r.1).fold(0.0, f32::max);
        assert_eq!(number.1, lowest);
    }
}

#[test]
fn the_large_print_edition_sets_18_pt_and_one_exercise_a_page() {
    let options = BuildOptions {
        edition: Edition::Large,
        ..BuildOptions::default()
    };
    let layout = lay_out(&sample(), &options);
    let mut sizes = std::collections::BTreeMap::new();
    for (_, _, _, _, size, text) in text_runs(&layout) {
        *sizes.entry((size * 10.0) as u32).or_insert(0) += text.chars().count();
        assert!(size >= 15.0, "{text:?} at {size} pt");
    }
    let (most_common, _) = sizes.iter().max_by_key(|(_, count)| **count).unwrap();
    assert_eq!(*most_common, 180);
    assert_inside_the_printable_area(&layout);

    // Short exercises that would share a page each get one of their own.
    let short = "[[exercise]]\nname = \"Walk\"\nsteps = [\"Walk for ten minutes.\"]\n";
    let (_ws, file) = scratch_handout(&format!("title = \"Walking\"\n{}", short.repeat(3)));
    let layout = lay_out(&file, &options);
    let card_pages: Vec<usize> = text_runs(&layout)
        .filter(|r| r.5.ends_with(". Walk"))
        .map(|r| r.0)
        .collect();
    assert_eq!(card_pages, [0, 1, 2]);
}
