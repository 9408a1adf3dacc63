//! A layout as stable text, one item a line with what it is to a reader, then the
//! structure tree and the outline, for snapshot tests.

use std::fmt::Write;

use super::{Artifact, Item, Mark, PagedLayout, Role, Structure};
use crate::model::Rgb;

pub fn dump(layout: &PagedLayout) -> String {
    let mut out = String::new();
    for (index, page) in layout.pages.iter().enumerate() {
        let _ = writeln!(
            out,
            "page {} {}x{}",
            index + 1,
            num(page.size.width),
            num(page.size.height)
        );
        for (at, placed) in page.items.iter().enumerate() {
            if at == page.header_items && at > 0 {
                out.push_str("  -- body\n");
            }
            let number_start = page.items.len() - page.number_items;
            if at == number_start - page.footer_items && page.footer_items > 0 {
                out.push_str("  -- footer\n");
            }
            if at == number_start && page.number_items > 0 {
                out.push_str("  -- page number\n");
            }
            let at = format!(
                "{} ({},{})",
                mark(&layout.structure, placed.mark),
                num(placed.at.x),
                num(placed.at.y)
            );
            let _ = match &placed.item {
                Item::Text(run) => writeln!(
                    out,
                    "  text {at} {:?} {} {} {:?}",
                    run.style.face,
                    num(run.style.size),
                    hex(run.style.color),
                    run.text()
                ),
                Item::Shape(shape) => writeln!(
                    out,
                    "  shape {at} {}x{} fill {} stroke {} radius {}",
                    num(shape.size.width),
                    num(shape.size.height),
                    shape.fill.map_or("none".to_string(), hex),
                    shape.stroke.map_or("none".to_string(), |(c, w)| format!(
                        "{} {}",
                        hex(c),
                        num(w)
                    )),
                    num(shape.radius)
                ),
                Item::Image { size, picture } => writeln!(
                    out,
                    "  image {at} {}x{} {}",
                    num(size.width),
                    num(size.height),
                    picture
                        .path
                        .file_name()
                        .map_or(String::new(), |n| n.to_string_lossy().into_owned())
                ),
                Item::Link { size, uri } => writeln!(
                    out,
                    "  link {at} {}x{} {uri}",
                    num(size.width),
                    num(size.height)
                ),
                Item::Qr { size, width, .. } => {
                    writeln!(out, "  qr {at} {} {width} modules", num(*size))
                }
            };
        }
    }
    tree(&mut out, &layout.structure);
    for bookmark in &layout.outline {
        let _ = writeln!(
            out,
            "bookmark {}page {} y {} {:?}",
            "  ".repeat(bookmark.level),
            bookmark.page + 1,
            num(bookmark.y),
            bookmark.title
        );
    }
    out
}

/// `H2#12` for content of element 12, a heading; `-layout` and the like for an artifact.
fn mark(structure: &Structure, mark: Mark) -> String {
    match mark {
        Mark::Content(id) => format!("{}#{}", structure.get(id).role.name(), id.index()),
        Mark::Artifact(Artifact::Layout) => "-layout".to_string(),
        Mark::Artifact(Artifact::Header) => "-header".to_string(),
        Mark::Artifact(Artifact::Footer) => "-footer".to_string(),
    }
}

/// The elements, each under its parent, with what a reader is told of figures and links.
fn tree(out: &mut String, structure: &Structure) {
    out.push_str("structure\n");
    for (id, element) in structure.iter() {
        let depth = structure.lineage(id).count();
        let detail = match &element.role {
            Role::Figure { alt } => format!(" alt {alt:?}"),
            Role::Link { uri, description } => format!(" {uri} {description:?}"),
            Role::List { numbered: true } => " numbered".to_string(),
            Role::TableHeader { scope } => format!(" scope {}", scope.name()),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{}{}#{}{detail}",
            "  ".repeat(depth),
            element.role.name(),
            id.index()
        );
    }
}

/// A number rounded to 0.01 pt, without trailing zeros.
fn num(value: f32) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn hex(color: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}
