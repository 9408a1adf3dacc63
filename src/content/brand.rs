//! The brand file: who the handout is from, its colours, fonts and paper.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustybuzz::ttf_parser;
use schemars::JsonSchema;
use serde::Deserialize;
use subsetter::GlyphRemapper;

use super::contrast;
use super::coverage::Coverage;
use super::fields;
use super::file::{self, FileCx, Value};
use super::kinds::{Choice, Colour, Text};
use super::labels::{self, LabelsTable};
use super::loader::Loader;
use super::pain_rule::{self, PainRuleTable, WrittenRule};
use super::passage::Passage;
use super::plain::{self, Targets};
use super::source::SourceFile;
use super::written::{Leaf, Table};
use crate::diag::Diagnostic;
use crate::locale;
use crate::model::{Brand, Colors, FontFile, FontFiles, Paper, Rgb, RichText};

/// content/brand.toml: who the handouts are from.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "brand")]
pub(crate) struct BrandFile {
    /// The clinic's name, printed in the header.
    #[schemars(required)]
    name: Option<Leaf<Text>>,
    /// A line printed under the name.
    tagline: Option<Leaf<Text>>,
    /// A PNG or JPEG picture, printed in the header. A path starting with / starts at the
    /// workspace; any other at this file's folder.
    logo: Option<Leaf<String>>,
    phone: Option<Leaf<Text>>,
    email: Option<Leaf<String>>,
    /// Printed as written and made a clickable link; https:// is added when missing.
    website: Option<Leaf<String>>,
    address: Option<Leaf<Text>>,
    /// Printed at the end of every handout. Inline **bold**, *italic* and [links](https://example.org).
    disclaimer: Option<Leaf<Text>>,
    colors: Option<Table<ColorsTable>>,
    /// TrueType or OpenType files. Faces left out come from the same family; the bundled
    /// Atkinson Hyperlegible is used without a regular face.
    fonts: Option<Table<FontsTable>>,
    page: Option<Table<PageTable>>,
    /// Your own words for any fixed word of the handouts.
    labels: Option<Table<LabelsTable>>,
    /// The brand's words in other languages, by language tag: `[language.es]` holds what
    /// handouts written in Spanish print instead.
    language: Option<Table<LanguagesTable>>,
    /// The language the brand's own words are written in, a tag such as "en" (the
    /// default) or "es": its `[pain_rule]` is printed on handouts in that language only;
    /// handouts in another take theirs from `[language.TAG]`, or else their language's.
    written_in: Option<Leaf<String>>,
    checks: Option<Table<ChecksTable>>,
    pain_rule: Option<Table<PainRuleTable>>,
}

/// The brand's words in each language it has them in.
#[derive(Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(rename = "languages")]
struct LanguagesTable(BTreeMap<String, Table<WordsTable>>);

/// What a brand says in words, in one language; what it leaves out is the brand's own.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "brand_words")]
struct WordsTable {
    tagline: Option<Leaf<Text>>,
    address: Option<Leaf<Text>>,
    disclaimer: Option<Leaf<Text>>,
    labels: Option<Table<LabelsTable>>,
    pain_rule: Option<Table<PainRuleTable>>,
}

/// The brand's colours, each "#RRGGBB".
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "colors")]
struct ColorsTable {
    /// Headings, header band, exercise card accents. Darkened for text until it reads at 4.5:1.
    primary: Option<Leaf<Colour>>,
    /// Fills such as the dosage box.
    accent: Option<Leaf<Colour>>,
}

/// The brand's font files, each a path like "/fonts/MyFont-Regular.ttf".
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "fonts")]
struct FontsTable {
    regular: Option<Leaf<String>>,
    bold: Option<Leaf<String>>,
    italic: Option<Leaf<String>>,
    bold_italic: Option<Leaf<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "page")]
struct PageTable {
    /// The command line's --paper overrides it.
    paper: Option<Leaf<Choice<PaperChoice>>>,
}

/// What the plain-language checks of `check` and `build` ask of every handout.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "checks")]
struct ChecksTable {
    /// The highest school grade a section may read at. Default 8.
    #[schemars(range(min = *MAX_GRADES.start(), max = *MAX_GRADES.end()))]
    max_grade: Option<Leaf<i64>>,
    /// The most words a sentence may have. Default 25.
    #[schemars(range(min = *MAX_SENTENCE_WORDS.start(), max = *MAX_SENTENCE_WORDS.end()))]
    max_sentence_words: Option<Leaf<i64>>,
}

/// The grades `max_grade` takes: from the first year of school to far past the last.
const MAX_GRADES: std::ops::RangeInclusive<u32> = 1..=20;
/// The lengths `max_sentence_words` takes.
const MAX_SENTENCE_WORDS: std::ops::RangeInclusive<u32> = 5..=100;

/// A paper size.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "paper")]
pub(crate) enum PaperChoice {
    A4,
    Letter,
}

impl From<PaperChoice> for Paper {
    fn from(paper: PaperChoice) -> Paper {
        match paper {
            PaperChoice::A4 => Paper::A4,
            PaperChoice::Letter => Paper::Letter,
        }
    }
}

const PRIMARY: Rgb = Rgb(0x0F, 0x6E, 0x6E);
const ACCENT: Rgb = Rgb(0xE6, 0x91, 0x38);
const MAX_FONT_BYTES: u64 = 50 * 1024 * 1024;

/// A brand, and what it asks of every handout: the paper of its `[page]`, the targets of
/// its `[checks]` and its `[pain_rule]`.
pub(crate) struct BrandRead {
    pub brand: Brand,
    pub paper: Option<Paper>,
    /// The brand's own words for fixed words, by catalogue key.
    pub labels: BTreeMap<String, String>,
    /// The brand's words in other languages, by the tag of the language they are in.
    languages: BTreeMap<&'static str, BrandWords>,
    /// The language the brand's own words are written in.
    written_in: &'static str,
    pub targets: Targets,
    pain_rule: WrittenRule,
}

/// A brand's words in one language.
struct BrandWords {
    tagline: Option<String>,
    address: Option<String>,
    disclaimer: Option<RichText>,
    labels: BTreeMap<String, String>,
    pain_rule: WrittenRule,
}

/// A brand as the handouts of one language print it.
pub(crate) struct BrandInLanguage {
    pub brand: Brand,
    /// The brand's own words for fixed words, by catalogue key.
    pub labels: BTreeMap<String, String>,
    pub pain_rule: WrittenRule,
}

impl BrandRead {
    /// The brand as handouts in `language` print it.
    pub fn in_language(self, language: &str) -> BrandInLanguage {
        let BrandRead {
            mut brand,
            mut labels,
            mut languages,
            mut pain_rule,
            written_in,
            ..
        } = self;
        let tag = locale::resolve(language).map(|l| l.tag);
        // A rule to follow is read in the reader's language or not at all: the brand's
        // own lights in another language would sit beside lights in the handout's.
        let base = |tag: &str| tag.split('-').next().unwrap_or_default().to_string();
        if tag.as_deref().map(base) != Ok(base(written_in)) {
            pain_rule = WrittenRule::default();
        }
        if let Some(words) = tag.ok().and_then(|tag| languages.remove(tag)) {
            brand.tagline = words.tagline.or(brand.tagline);
            brand.address = words.address.or(brand.address);
            brand.disclaimer = words.disclaimer.or(brand.disclaimer);
            labels.extend(words.labels);
            pain_rule = words.pain_rule.over(&pain_rule);
        }
        BrandInLanguage {
            brand,
            labels,
            pain_rule,
        }
    }
}

/// Reads the brand file at `path`; `given` says it was named on the command line.
pub(crate) fn read(loader: &Loader, path: &Path, given: bool) -> Option<BrandRead> {
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
    let (cx, file) = file::read::<BrandFile>(&source, loader.report, &loader.coverage)?;

    // The fonts first, so that the brand's own text is checked against them.
    let fonts = read_fonts(loader, &cx, &file);
    let coverage = match fonts.as_ref().and_then(|f| f.regular.as_ref()) {
        Some(regular) => Coverage::of(&regular.data),
        None => Coverage::bundled(),
    };
    let _ = loader.coverage.set(coverage);
    let name = cx
        .require(&file.name, cx.top(), "name", "name = \"Riverside Physio\"")
        .and_then(|_| cx.leaf(&file.name, fields::plain));
    let colors = read_colors(&cx, &file);
    let paper = cx
        .table(&file.page)
        .and_then(|page| cx.leaf(&page.paper, |_, Choice(paper)| Some(Paper::from(paper))));
    let tagline = cx.leaf(&file.tagline, fields::plain);
    let logo = cx.leaf(&file.logo, |v, path| loader.picture(v, &path));
    let phone = cx.leaf(&file.phone, fields::plain);
    let email = cx.leaf(&file.email, fields::email);
    let website = cx.leaf(&file.website, fields::website);
    let address = cx.leaf(&file.address, fields::plain);
    let disclaimer = cx.leaf(&file.disclaimer, fields::rich_text);
    let labels = labels::read(&cx, &file.labels);
    let languages = read_languages(&cx, &file);
    let written_in = cx
        .leaf(&file.written_in, fields::language)
        .and_then(|tag| locale::resolve(&tag).ok().map(|l| l.tag))
        .unwrap_or(DEFAULT_WRITTEN_IN);
    let targets = read_targets(&cx, &file);
    let pain_rule = pain_rule::read(&cx, &file.pain_rule);
    for passage in [&file.name, &file.tagline]
        .into_iter()
        .filter_map(|leaf| Passage::of_leaf(&cx, leaf))
    {
        plain::report_placeholders(&passage, loader.report);
    }
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
        colors,
        fonts: fonts?,
    };
    Some(BrandRead {
        brand,
        paper,
        labels,
        languages,
        written_in,
        targets,
        pain_rule,
    })
}

/// The language of a brand's own words when it does not say.
const DEFAULT_WRITTEN_IN: &str = "en";

/// The `[language.TAG]` tables, by the tag of the language each is in.
fn read_languages(cx: &FileCx, file: &BrandFile) -> BTreeMap<&'static str, BrandWords> {
    let mut languages = BTreeMap::new();
    let Some(LanguagesTable(tables)) = cx.table(&file.language) else {
        return languages;
    };
    for (tag, table) in tables {
        let language = match locale::resolve(tag) {
            Ok(language) => language,
            Err(unknown) => {
                let value = cx.at(table.span.clone());
                let languages = format!("the languages are {}", locale::supported());
                let hint = match &unknown.suggestion {
                    Some(tag) => format!("did you mean [language.{tag}]? {languages}"),
                    None => languages,
                };
                value.emit(value.error(unknown.to_string()).hint(hint));
                continue;
            }
        };
        let Some(words) = cx.fields_of(table) else {
            continue;
        };
        languages.insert(
            language.tag,
            BrandWords {
                tagline: cx.leaf(&words.tagline, fields::plain),
                address: cx.leaf(&words.address, fields::plain),
                disclaimer: cx.leaf(&words.disclaimer, fields::rich_text),
                labels: labels::read(cx, &words.labels),
                pain_rule: pain_rule::read(cx, &words.pain_rule),
            },
        );
    }
    languages
}

fn read_colors(cx: &FileCx, file: &BrandFile) -> Colors {
    let colors = cx.table(&file.colors);
    let colour = |leaf: Option<&Option<Leaf<Colour>>>, default| {
        leaf.and_then(|leaf| cx.leaf(leaf, fields::colour))
            .unwrap_or(default)
    };
    let read = Colors {
        primary: colour(colors.map(|c| &c.primary), PRIMARY),
        accent: colour(colors.map(|c| &c.accent), ACCENT),
    };
    // The default colours read; a primary colour of the brand's own is checked.
    if let Some(primary) = colors.and_then(|c| c.primary.as_ref()) {
        contrast::report(&cx.at(primary.span.clone()), read);
    }
    read
}

fn read_targets(cx: &FileCx, file: &BrandFile) -> Targets {
    let defaults = Targets::default();
    let Some(checks) = cx.table(&file.checks) else {
        return defaults;
    };
    let number = |leaf, range| cx.leaf(leaf, |v, n| fields::whole_number(v, n, range));
    Targets {
        max_grade: number(&checks.max_grade, MAX_GRADES).map_or(defaults.max_grade, f64::from),
        max_sentence_words: number(&checks.max_sentence_words, MAX_SENTENCE_WORDS)
            .map_or(defaults.max_sentence_words, |n| n as usize),
    }
}

fn read_fonts(loader: &Loader, cx: &FileCx, file: &BrandFile) -> Option<FontFiles> {
    let Some(fonts) = cx.table(&file.fonts) else {
        return Some(FontFiles::default());
    };
    // The other faces fall back on the regular one, so a family needs it.
    let named_any = [&fonts.bold, &fonts.italic, &fonts.bold_italic]
        .iter()
        .any(|face| face.is_some());
    if named_any {
        let table = file.fonts.as_ref().map_or(cx.top(), |t| t.span.clone());
        let example = "regular = \"/fonts/MyFont-Regular.ttf\"";
        cx.require(&fonts.regular, table, "regular", example);
    }
    let mut checked = HashMap::new();
    let mut font = |face: &Option<Leaf<String>>| {
        face.as_ref()?;
        cx.leaf(face, |v, path| font_file(loader, v, &path, &mut checked))
            .map(Some)
    };
    let regular = font(&fonts.regular);
    let bold = font(&fonts.bold);
    let italic = font(&fonts.italic);
    let bold_italic = font(&fonts.bold_italic);
    Some(FontFiles {
        regular: regular.flatten(),
        bold: bold.flatten(),
        italic: italic.flatten(),
        bold_italic: bold_italic.flatten(),
    })
}

/// The font file a value names, read, once it is known to be a font that can be used;
/// `checked` remembers the files already read: their bytes, or why they could not be used.
fn font_file(
    loader: &Loader,
    value: &Value,
    written: &str,
    checked: &mut HashMap<PathBuf, Result<Arc<[u8]>, String>>,
) -> Option<FontFile> {
    let (path, written) = loader.resolve(value, written)?;
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

/// Why `bytes` can't be used as a face, if they can't, said as what the file is: they must
/// parse, and cut down to a few glyphs as the PDF will embed them, so a font that can't be
/// subset is found now rather than when a PDF is written.
fn check_font(bytes: &[u8]) -> Result<(), String> {
    use ttf_parser::FaceParsingError as Parsing;
    let face = ttf_parser::Face::parse(bytes, 0).map_err(|error| match error {
        Parsing::UnknownMagic => not_a_font(bytes),
        Parsing::MalformedFont => "the font file is damaged or cut short".to_string(),
        Parsing::FaceIndexOutOfBounds => "the font collection holds no font".to_string(),
        Parsing::NoHeadTable | Parsing::NoHheaTable | Parsing::NoMaxpTable => {
            "it lacks tables every font has: it is damaged, or not a whole font".to_string()
        }
    })?;
    let mut glyphs: Vec<u16> = "Aa1"
        .chars()
        .filter_map(|c| face.glyph_index(c))
        .map(|id| id.0)
        .collect();
    glyphs.push(0);
    let remapper = GlyphRemapper::new_from_glyphs(&glyphs);
    subsetter::subset(bytes, 0, &remapper)
        .map(|_| ())
        .map_err(|error| match error {
            subsetter::Error::UnknownKind => {
                "it has no letter shapes in a form handout can read (TrueType or CFF \
                 outlines): it is cut short, or not a whole font"
                    .to_string()
            }
            subsetter::Error::MalformedFont => "the font file is damaged or cut short".to_string(),
            _ => "it uses font features handout can't yet embed in a PDF".to_string(),
        })
}

/// What a file that is not a TrueType or OpenType font is, from its first bytes.
fn not_a_font(bytes: &[u8]) -> String {
    match bytes.get(..4) {
        Some(b"wOFF" | b"wOF2") => {
            "it is a web font (WOFF), packed for websites; use the .ttf or .otf file of the \
             font, which font sites offer for download too"
                .to_string()
        }
        Some(b"%PDF") => "it is a PDF document, not a font".to_string(),
        _ => "it is not a TrueType or OpenType font".to_string(),
    }
}
