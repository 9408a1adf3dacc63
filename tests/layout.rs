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
fn a_red_flag_never_leaves_its_name_alone_at_the_foot_of_a_page() {
    // Taller than a page, so that it must break; intros of every length move its start
    // down the page, past its foot. The second begins with a paragraph of one line.
    let long =
        "Pain that wakes you at night and does not ease when you change position. ".repeat(60);
    let led = format!("Pain that wakes you needs a doctor.\n\n{long}");
    for (sentences, text) in (1..40).flat_map(|n| [(n, long.clone()), (n, led.clone())]) {
        let intro = "You will get better with time and the right exercises. ".repeat(sentences);
        let (_ws, file) = scratch_handout(&format!(
            "title = \"Long\"\nintro = {intro:?}\n[[red_flag]]\nname = \"Night pain\"\ntext = {text:?}\nurgency = \"urgent\"\n[[exercise]]\nuse = \"glute-bridge\"\n"
        ));
        let layout = lay_out(&file, &BuildOptions::default());
        let runs: Vec<_> = text_runs(&layout).collect();
        let name = runs.iter().find(|r| r.5 == "Night pain").expect("the name");
        let lines_with_it = runs
            .iter()
            .filter(|r| r.0 == name.0 && r.5.contains("Pain that wakes you"))
            .count();
        assert!(lines_with_it >= 2, "{sentences} sentences: {lines_with_it}");
    }
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
        assert!(size >= 18.0, "{text:?} at {size} pt");
        assert!(!text.ends_with('-'), "{text:?}: large print breaks no word");
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

#[test]
fn a_large_print_card_that_goes_over_a_page_starts_one_and_keeps_its_pictures_full_size() {
    let large = lay_out(&sample(), &large());
    let standard = lay_out(&sample(), &BuildOptions::default());
    let picture_widths = |layout: &PagedLayout| {
        let mut widths: Vec<f32> = layout
            .pages
            .iter()
            .flat_map(|page| page.body())
            .filter_map(|placed| match &placed.item {
                Item::Image { size, .. } => Some(size.width),
                _ => None,
            })
            .collect();
        widths.sort_by(f32::total_cmp);
        widths
    };
    // Whole or not, a large print card's pictures are as wide as the standard edition's
    // widest: shrinking them would not keep a card that goes on over a page on one.
    let in_large = picture_widths(&large);
    let in_standard = picture_widths(&standard);
    assert_eq!(in_large.len(), in_standard.len());
    let standard_widest = in_standard.iter().copied().fold(0.0, f32::max);
    for width in &in_large {
        assert!(
            *width >= standard_widest - 0.5,
            "{in_large:?} against {in_standard:?}"
        );
    }
    // Each card's title band is the first text of its page's body.
    let sample_doc = document(&sample()).0;
    for (i, exercise) in sample_doc.exercises.iter().enumerate() {
        let title = format!("{}. {}", i + 1, exercise.name);
        let page = text_runs(&large)
            .find(|run| run.5 == title)
            .unwrap_or_else(|| panic!("{title:?}"))
            .0;
        let first_text = large.pages[page]
            .body()
            .iter()
            .find_map(|placed| match &placed.item {
                Item::Text(run) => Some(run.text()),
                _ => None,
            });
        assert_eq!(
            first_text.as_deref(),
            Some(title.as_str()),
            "page {}",
            page + 1
        );
    }
}

#[test]
fn a_title_that_wraps_leaves_no_word_alone_on_its_last_line() {
    let layout = lay_out(&sample(), &large());
    let title_size = text_runs(&layout).map(|run| run.4).fold(0.0, f32::max);
    let lines: Vec<String> = text_runs(&layout)
        .filter(|run| run.0 == 0 && run.4 == title_size)
        .map(|run| run.5.trim().to_string())
        .collect();
    // At 18 pt body text the title needs two lines, whose first would hold all but
    // "running".
    assert_eq!(lines.len(), 2, "{lines:?}");
    let words = |line: &String| line.split_whitespace().count();
    assert!(words(&lines[1]) >= 3, "{lines:?}");
    assert!(
        words(&lines[0]).abs_diff(words(&lines[1])) <= 2,
        "{lines:?}"
    );
}

/// The top and bottom of what an item draws.
fn extent(placed: &handout::layout::Placed) -> (f32, f32) {
    let y = placed.at.y;
    match &placed.item {
        Item::Text(run) => (y - 0.8 * run.style.size, y + 0.3 * run.style.size),
        Item::Shape(shape) => (y, y + shape.size.height),
        Item::Image { size, .. } | Item::Link { size, .. } => (y, y + size.height),
        Item::Qr { size, .. } => (y, y + size),
    }
}

/// The room a page has for its body: from the foot of its header to the top of its footer.
fn room(page: &handout::layout::Page) -> (f32, f32) {
    let header_bottom = page
        .header()
        .iter()
        .map(|p| extent(p).1)
        .fold(0.0, f32::max);
    let footer_top = page
        .footer()
        .iter()
        .map(|p| extent(p).0)
        .fold(f32::INFINITY, f32::min);
    (header_bottom, footer_top)
}

/// How full each page is: the share of the room between its header and its footer that
/// its content reaches down to.
fn fill(layout: &PagedLayout) -> Vec<f32> {
    layout
        .pages
        .iter()
        .map(|page| {
            let (header_bottom, footer_top) = room(page);
            let content_bottom = page.body().iter().map(|p| extent(p).1).fold(0.0, f32::max);
            (content_bottom - header_bottom) / (footer_top - header_bottom)
        })
        .collect()
}

fn large() -> BuildOptions {
    BuildOptions {
        edition: Edition::Large,
        ..BuildOptions::default()
    }
}

/// The role of the element an item is content of, and that element's parent's.
fn roles(layout: &PagedLayout, placed: &handout::layout::Placed) -> Option<(String, String)> {
    let handout::layout::Mark::Content(id) = placed.mark else {
        return None;
    };
    let element = layout.structure.get(id);
    let parent = element.parent.map(|p| layout.structure.get(p).role.name());
    Some((
        element.role.name().to_string(),
        parent.unwrap_or_default().to_string(),
    ))
}

/// Where something is drawn: its left, top and bottom.
type Spot = [f32; 3];

/// Each page's pictures and lines of steps, where each is drawn.
fn pictures_and_steps(layout: &PagedLayout) -> Vec<(Vec<Spot>, Vec<Spot>)> {
    layout
        .pages
        .iter()
        .map(|page| {
            let mut pictures = Vec::new();
            let mut steps = Vec::new();
            for placed in page.body() {
                let (top, bottom) = extent(placed);
                match (&placed.item, roles(layout, placed)) {
                    (Item::Image { .. }, _) => pictures.push([placed.at.x, top, bottom]),
                    (Item::Text(_), Some((role, parent))) if role == "LBody" && parent == "LI" => {
                        steps.push([placed.at.x, top, bottom])
                    }
                    _ => {}
                }
            }
            (pictures, steps)
        })
        .collect()
}

#[test]
fn a_card_puts_its_pictures_beside_the_steps_when_that_is_shorter_and_above_when_too_narrow() {
    // In the standard edition the first card's seven steps are taller than its two
    // pictures in a row above them would be, so they go beside the steps: each is right of
    // text it shares a height with. (The other two, with fewer steps and their tips and
    // cautions side by side below, are shorter with their pictures above.)
    let beside = pictures_and_steps(&lay_out(&sample(), &BuildOptions::default()));
    let mut pictures = 0;
    let mut pictures_beside = 0;
    for (page_pictures, steps) in &beside {
        for [x, top, bottom] in page_pictures {
            pictures += 1;
            if steps
                .iter()
                .any(|[sx, st, sb]| sx < x && st < bottom && sb > top)
            {
                pictures_beside += 1;
            }
        }
    }
    assert_eq!(pictures, 6, "the sample's six pictures");
    assert_eq!(pictures_beside, 2, "the first card's two pictures");
    // At 18 pt the steps beside full-size pictures would be too narrow to read: the
    // first card that is whole on its page has its pictures above its steps.
    let above = pictures_and_steps(&lay_out(&sample(), &large()));
    let (page_pictures, steps) = above
        .iter()
        .find(|(pictures, steps)| !pictures.is_empty() && !steps.is_empty())
        .expect("a page with pictures and steps");
    let lowest_picture = page_pictures.iter().map(|p| p[2]).fold(0.0, f32::max);
    let steps_beside = steps.iter().filter(|s| s[1] < lowest_picture).count();
    let steps_below = steps.len() - steps_beside;
    assert!(steps_below > 0, "{page_pictures:?} {steps:?}");
}

#[test]
fn no_picture_is_printed_narrower_than_40_mm() {
    for options in [BuildOptions::default(), letter(), large()] {
        let layout = lay_out(&sample(), &options);
        for page in &layout.pages {
            for placed in page.body() {
                if let Item::Image { size, .. } = &placed.item {
                    assert!(size.width >= 113.0 || size.height >= 113.0, "{size:?}");
                }
            }
        }
    }
}

#[test]
fn red_flags_come_most_pressing_first_and_as_written_within_one_urgency() {
    let (_ws, file) = scratch_handout(
        "title = \"Back pain\"\n\
         [[red_flag]]\nname = \"First soon\"\ntext = \"A.\"\n\
         [[red_flag]]\nname = \"Emergency\"\ntext = \"B.\"\nurgency = \"emergency\"\n\
         [[red_flag]]\nname = \"Second soon\"\ntext = \"C.\"\n\
         [[red_flag]]\nname = \"Urgent\"\ntext = \"D.\"\nurgency = \"urgent\"\n\
         [[exercise]]\nname = \"Walk\"\nsteps = [\"Walk.\"]\n",
    );
    let layout = lay_out(&file, &BuildOptions::default());
    let names: Vec<String> = text_runs(&layout)
        .map(|run| run.5)
        .filter(|text| {
            ["First soon", "Second soon", "Emergency", "Urgent"].contains(&text.as_str())
        })
        .collect();
    assert_eq!(names, ["Emergency", "Urgent", "First soon", "Second soon"]);
}

#[test]
fn pages_after_the_first_carry_a_slim_header_with_the_recipient() {
    let layout = lay_out(&sample(), &for_patient("Aoife O’Brien"));
    let header_height = |page: &handout::layout::Page| {
        page.header()
            .iter()
            .map(|p| extent(p).1)
            .fold(0.0, f32::max)
    };
    let first = header_height(&layout.pages[0]);
    for page in &layout.pages[1..] {
        let texts: Vec<String> = page
            .header()
            .iter()
            .filter_map(|placed| match &placed.item {
                Item::Text(run) => Some(run.text()),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            ["Riverside Physio & Running Clinic", "Aoife O’Brien"]
        );
        assert!(
            header_height(page) < first - 20.0,
            "{} vs {first}",
            header_height(page)
        );
    }
}

/// A page that ends less than three quarters full does so only because what comes next
/// is a card (with the headings above it) that would not fit whole in what is left.
#[test]
fn a_page_ends_early_only_before_a_card_that_would_not_fit() {
    for options in [BuildOptions::default(), letter()] {
        let layout = lay_out(&sample(), &options);
        let fills = fill(&layout);
        for (index, fill) in fills.iter().enumerate().take(fills.len() - 1) {
            if *fill >= 0.75 {
                continue;
            }
            let next = &layout.pages[index + 1];
            let opens_a_card = next.body().iter().take(6).any(|placed| {
                matches!(&placed.item, Item::Text(run) if run.style.size >= 16.0
                    && run.text().starts_with(|c: char| c.is_ascii_digit()))
            });
            assert!(opens_a_card, "page {} is {fill:.2} full", index + 1);
            // The card is taller than the room the page had left.
            let card = next
                .body()
                .iter()
                .filter_map(|placed| match &placed.item {
                    Item::Shape(shape) if shape.stroke.is_some() && shape.radius > 0.0 => {
                        Some(shape.size.height)
                    }
                    _ => None,
                })
                .next()
                .expect("the card's box");
            let (body_top, footer_top) = room(&layout.pages[index]);
            let left = (footer_top - body_top) * (1.0 - fill);
            assert!(
                card > left,
                "page {}: a {card} pt card would fit in {left} pt",
                index + 1
            );
        }
    }
}

#[test]
fn large_print_sets_lines_at_least_1_4_apart() {
    let layout = lay_out(&sample(), &large());
    for page in &layout.pages {
        let mut previous: Option<(f32, f32, f32)> = None;
        for placed in page.body() {
            let Item::Text(run) = &placed.item else {
                continue;
            };
            let (x, y, size) = (placed.at.x, placed.at.y, run.style.size);
            if let Some((px, py, psize)) = previous {
                // The next line of the same column.
                if (x - px).abs() < 30.0 && y > py + 0.1 && size == psize {
                    assert!(
                        y - py >= 1.4 * size - 0.05,
                        "{:?} {} after {}",
                        run.text(),
                        y,
                        py
                    );
                }
            }
            previous = Some((x, y, size));
        }
    }
}
