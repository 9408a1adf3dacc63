//! The brand file: who the handout is from, its colours, fonts and paper.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustybuzz::ttf_parser;
use subsetter::GlyphRemapper;

use super::coverage::Coverage;
use super::fields;
use super::loader::Loader;
use super::source::SourceFile;
use super::toml_tree::{Outer, Table, Value};
use crate::diag::Diagnostic;
use crate::model::{Brand, Colors, FontFile, FontFiles, Paper, Rgb};

pub(crate) const KEYS: &[&str] = &[
    "name",
    "tagline",
    "logo",
    "phone",
    "email",
    "website",
    "address",
    "disclaimer",
    "colors",
    "fonts",
    "page",
];
pub(crate) const COLOR_KEYS: &[&str] = &["primary", "accent"];
pub(crate) const FONT_KEYS: &[&str] = &["regular", "bold", "italic", "bold_italic"];
pub(crate) const PAGE_KEYS: &[&str] = &["paper"];
const OUTER: Outer = Outer {
    keys: KEYS,
    move_above: "the first [table]",
};

const PRIMARY: Rgb = Rgb(0x0F, 0x6E, 0x6E);
const ACCENT: Rgb = Rgb(0xE6, 0x91, 0x38);
pub(crate) const PAPERS: &[(&str, Paper)] = &[("a4", Paper::A4), ("letter", Paper::Letter)];
const MAX_FONT_BYTES: u64 = 50 * 1024 * 1024;

/// A brand, and the paper its `[page]` asks for.
pub(crate) struct BrandFile {
    pub brand: Brand,
    pub paper: Option<Paper>,
}

/// Reads the brand file at `path`; `given` says it was named on the command line.
pub(crate) fn read(loader: &Loader, path: &Path, given: bool) -> Option<BrandFile> {
    if !path.exists() {
        let hint = if given {
            "check the path given to --brand".to_string()
        } else {
            format!(
                "create {} with at least the line name = \"Your clinic\", or pass --brand FILE",
                path.display()
            )
        };
        loader.report.file_read(path);
        loader.report.push(
            Diagnostic::error("brand file not found")
                .in_file(path)
                .hint(hint),
        );
        return None;
    }
    let source = SourceFile::read(
        path,
        "a brand needs at least name = \"Your clinic\"",
        loader.report,
    )?;
    let tree = source.parse(loader.report)?;
    let cx = loader.file_cx(&source);
    let table = Table::root(&cx, &tree);
    table.check_keys(KEYS, None);

    // The fonts first, so that the brand's own text is checked against them.
    let fonts = read_fonts(loader, &table);
    let coverage = match fonts.as_ref().and_then(|f| f.regular.as_ref()) {
        Some(regular) => Coverage::of(&regular.data),
        None => Coverage::bundled(),
    };
    let _ = loader.coverage.set(coverage);
    let name = table
        .require("name", "name = \"Riverside Physio\"")
        .and_then(|v| fields::plain(&v));
    let colors = read_colors(&table);
    let paper = table.read("page", |v| v.table()).and_then(|page| {
        page.check_keys(PAGE_KEYS, Some(&OUTER));
        page.read("paper", |v| fields::choice(v, PAPERS))
    });
    let tagline = table.read("tagline", fields::plain);
    let logo = table.read("logo", |v| loader.picture(v));
    let phone = table.read("phone", fields::plain);
    let email = table.read("email", fields::email);
    let website = table.read("website", fields::website);
    let address = table.read("address", fields::plain);
    let disclaimer = table.read("disclaimer", fields::rich_text);
    let brand = Brand {
        name: name?,
        tagline,
        logo,
        phone,
        email,
        website_url: website.as_ref().map(|w| w.url.clone()),
        website: website.map(|w| w.written),
        address,
        disclaimer,
        colors: colors?,
        fonts: fonts?,
    };
    Some(BrandFile { brand, paper })
}

fn read_colors(table: &Table) -> Option<Colors> {
    let colors = table.read("colors", |v| v.table());
    if let Some(colors) = &colors {
        colors.check_keys(COLOR_KEYS, Some(&OUTER));
    }
    let colour = |name, default| match colors.as_ref().and_then(|c| c.get(name)) {
        Some(value) => fields::colour(&value),
        None => Some(default),
    };
    let primary = colour("primary", PRIMARY);
    let accent = colour("accent", ACCENT);
    Some(Colors {
        primary: primary?,
        accent: accent?,
    })
}

fn read_fonts(loader: &Loader, table: &Table) -> Option<FontFiles> {
    let Some(fonts) = table.read("fonts", |v| v.table()) else {
        return Some(FontFiles::default());
    };
    fonts.check_keys(FONT_KEYS, Some(&OUTER));
    let mut checked = HashMap::new();
    let mut font = |name| match fonts.get(name) {
        Some(value) => font_file(loader, &value, &mut checked).map(Some),
        None => Some(None),
    };
    // The other faces fall back on the regular one, so a family needs it.
    let named_any = ["bold", "italic", "bold_italic"]
        .iter()
        .any(|name| fonts.get(name).is_some());
    if named_any && fonts.get("regular").is_none() {
        fonts.require("regular", "regular = \"/fonts/MyFont-Regular.ttf\"");
    }
    let regular = font("regular");
    let bold = font("bold");
    let italic = font("italic");
    let bold_italic = font("bold_italic");
    Some(FontFiles {
        regular: regular?,
        bold: bold?,
        italic: italic?,
        bold_italic: bold_italic?,
    })
}

/// The font file a value names, read, once it is known to be a font that can be used;
/// `checked` remembers the files already read: their bytes, or why they could not be used.
fn font_file(
    loader: &Loader,
    value: &Value,
    checked: &mut HashMap<PathBuf, Result<Arc<[u8]>, String>>,
) -> Option<FontFile> {
    let (path, written) = loader.resolve(value)?;
    let result = checked
        .entry(path.clone())
        .or_insert_with(|| read_font(&path))
        .clone();
    match result {
        Ok(data) => Some(FontFile { path, data }),
        Err(reason) => {
            let message = format!("`{written}` is not a font that can be used: {reason}");
            let hint = "use a TrueType (.ttf) or OpenType (.otf) font file";
            value.emit(value.error(message).hint(hint));
            None
        }
    }
}

/// The bytes of the font file at `path`, once they are known to parse and to subset.
fn read_font(path: &Path) -> Result<Arc<[u8]>, String> {
    let size = fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_FONT_BYTES {
        return Err(format!(
            "it is {} MiB, more than the {} MiB a font may be",
            size / (1024 * 1024),
            MAX_FONT_BYTES / (1024 * 1024)
        ));
    }
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    check_font(&bytes)?;
    Ok(bytes.into())
}

/// Why `bytes` can't be used as a face, if they can't: they must parse, and cut down to a
/// few glyphs as the PDF will embed them, so a font that can't be subset is found now
/// rather than when a PDF is written.
fn check_font(bytes: &[u8]) -> Result<(), String> {
    let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| e.to_string())?;
    let mut glyphs: Vec<u16> = "Aa1"
        .chars()
        .filter_map(|c| face.glyph_index(c))
        .map(|id| id.0)
        .collect();
    glyphs.push(0);
    let remapper = GlyphRemapper::new_from_glyphs(&glyphs);
    subsetter::subset(bytes, 0, &remapper)
        .map(|_| ())
        .map_err(|e| format!("it can't be cut down to the letters a handout uses ({e})"))
}
