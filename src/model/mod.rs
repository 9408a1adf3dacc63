//! The model: the validated handout, everything resolved, nothing left to check.
//!
//! Loading builds these values once; layout and render only read them. Defaults are
//! applied, library exercises merged with their overrides, Markdown parsed into
//! styled runs, paths resolved and pictures read and checked. The model is the ground
//! floor: every stage imports it, and it imports none of them.

pub mod charset;
pub mod color;
pub mod edition;
pub mod fonts;
pub mod session;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use charset::CharSet;
pub use color::{GRAPHICS_CONTRAST, TEXT_CONTRAST};
pub use edition::Edition;
pub use fonts::{FontFile, FontFiles};
pub use session::{about_minutes, DEFAULT_TEMPO_SECONDS};

/// One handout, ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The handout file this came from.
    pub source: PathBuf,
    /// The handout file's name without `.toml`; the PDF is named after it.
    pub stem: String,
    /// BCP 47 language tag, `en` when not given.
    pub language: String,
    pub brand: Brand,
    pub paper: Paper,
    pub title: String,
    pub subtitle: Option<RichText>,
    pub summary: Option<RichText>,
    pub intro: Option<RichText>,
    pub author: Option<String>,
    pub reviewed: Option<Date>,
    /// Section headings, with the handout's `[headings]` applied over the defaults.
    pub headings: Headings,
    pub causes: Vec<Cause>,
    pub red_flags: Vec<RedFlag>,
    pub exercises: Vec<Exercise>,
    pub sections: Vec<Section>,
    pub closing: Option<Closing>,
    /// The clinic's own words for fixed words, by catalogue key (the brand's, then the
    /// handout's over them).
    pub labels: BTreeMap<String, String>,
    /// How much pain is all right: the handout's `[pain_rule]` over the brand's.
    pub pain_rule: PainRule,
    /// "Prepared for" details given on the command line, printed on every page.
    pub recipient: Option<Recipient>,
}

/// Who the handout is from.
#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    pub name: String,
    pub tagline: Option<String>,
    pub logo: Option<Arc<Picture>>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Printed as written.
    pub website: Option<String>,
    /// What the printed website links to: an absolute `http` or `https` address with a host,
    /// `https://` added when the brand wrote none. `Some` exactly when `website` is.
    pub website_url: Option<String>,
    pub address: Option<String>,
    pub disclaimer: Option<RichText>,
    pub colors: Colors,
    pub fonts: FontFiles,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    pub primary: Rgb,
    pub accent: Rgb,
}

/// An sRGB colour from `"#RRGGBB"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// The handout's own section headings; `None` where the language's are printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headings {
    pub causes: Option<String>,
    pub red_flags: Option<String>,
    pub exercises: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub name: String,
    pub text: RichText,
    pub self_care: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RedFlag {
    pub name: String,
    pub text: RichText,
    pub urgency: Urgency,
}

/// How soon to see a doctor, from the least pressing to the most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Urgency {
    /// Book a visit.
    #[default]
    Soon,
    /// Same day.
    Urgent,
    /// Call now.
    Emergency,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// The library id (`content/exercises/ID.toml`), when the exercise came from there.
    pub id: Option<String>,
    pub name: String,
    pub purpose: Option<RichText>,
    pub position: Option<Position>,
    pub equipment: Vec<String>,
    /// One or more, printed numbered.
    pub steps: Vec<Paragraph>,
    pub tips: Vec<Paragraph>,
    pub cautions: Vec<Paragraph>,
    pub video: Option<String>,
    /// The one thing to keep in mind doing the exercise: the sheet edition's line for it,
    /// and its card's key point.
    pub cue: Option<Paragraph>,
    /// What to do when it feels easy.
    pub progression: Option<Paragraph>,
    /// What to do instead if it hurts.
    pub regression: Option<Paragraph>,
    pub dosage: Dosage,
    pub images: Vec<Figure>,
    /// A note for the recipient of one copy, such as a roster's `EXERCISE_ID.note`
    /// ("Left leg only this week"); printed in the exercise's card.
    pub note: Option<String>,
}

/// The position an exercise is done in, in the order a body moves through them from the
/// floor up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    Lying,
    Sitting,
    Kneeling,
    Standing,
}

/// How much and how often; every field optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dosage {
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    pub hold_seconds: Option<u32>,
    pub rest_seconds: Option<u32>,
    pub each_side: bool,
    pub times_per_day: Option<u32>,
    pub days_per_week: Option<u32>,
    /// Seconds one repetition takes; [`DEFAULT_TEMPO_SECONDS`] when not given.
    pub tempo_seconds: Option<u32>,
}

/// One of the dosage fields, by its key in the content format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DosageField {
    Sets,
    Reps,
    HoldSeconds,
    RestSeconds,
    EachSide,
    TimesPerDay,
    DaysPerWeek,
    TempoSeconds,
}

/// A value for one dosage field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DosageValue {
    Count(u32),
    Flag(bool),
}

impl DosageField {
    pub const ALL: [DosageField; 8] = [
        DosageField::Sets,
        DosageField::Reps,
        DosageField::HoldSeconds,
        DosageField::RestSeconds,
        DosageField::EachSide,
        DosageField::TimesPerDay,
        DosageField::DaysPerWeek,
        DosageField::TempoSeconds,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DosageField::Sets => "sets",
            DosageField::Reps => "reps",
            DosageField::HoldSeconds => "hold_seconds",
            DosageField::RestSeconds => "rest_seconds",
            DosageField::EachSide => "each_side",
            DosageField::TimesPerDay => "times_per_day",
            DosageField::DaysPerWeek => "days_per_week",
            DosageField::TempoSeconds => "tempo_seconds",
        }
    }

    /// The whole numbers a count field accepts; `None` for the yes/no `each_side`.
    pub fn range(self) -> Option<std::ops::RangeInclusive<u32>> {
        match self {
            DosageField::Sets => Some(1..=20),
            DosageField::Reps => Some(1..=500),
            DosageField::HoldSeconds => Some(1..=600),
            DosageField::RestSeconds => Some(0..=600),
            DosageField::EachSide => None,
            DosageField::TimesPerDay => Some(1..=12),
            DosageField::DaysPerWeek => Some(1..=7),
            DosageField::TempoSeconds => Some(1..=60),
        }
    }
}

impl Dosage {
    /// Sets one field; a value of the other kind (a count for `each_side`, a flag
    /// for a count) is ignored, as the loader never produces one.
    pub fn set(&mut self, field: DosageField, value: DosageValue) {
        let count = match value {
            DosageValue::Count(n) => Some(n),
            DosageValue::Flag(_) => None,
        };
        match (field, value) {
            (DosageField::EachSide, DosageValue::Flag(flag)) => self.each_side = flag,
            (DosageField::EachSide, _) => {}
            (DosageField::Sets, _) => self.sets = count.or(self.sets),
            (DosageField::Reps, _) => self.reps = count.or(self.reps),
            (DosageField::HoldSeconds, _) => self.hold_seconds = count.or(self.hold_seconds),
            (DosageField::RestSeconds, _) => self.rest_seconds = count.or(self.rest_seconds),
            (DosageField::TimesPerDay, _) => self.times_per_day = count.or(self.times_per_day),
            (DosageField::DaysPerWeek, _) => self.days_per_week = count.or(self.days_per_week),
            (DosageField::TempoSeconds, _) => self.tempo_seconds = count.or(self.tempo_seconds),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub picture: Arc<Picture>,
    pub caption: Option<String>,
    pub alt: String,
}

/// A PNG or JPEG file, read, checked and made ready to embed while loading.
///
/// The same file named twice is the same `Arc`, so the PDF stores it once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub path: PathBuf,
    /// The size as displayed, in pixels: with the file's Exif orientation applied, so a
    /// photo taken with the phone held upright is taller than wide although its pixels are
    /// stored sideways.
    pub width: u32,
    pub height: u32,
    pub pixels: Pixels,
}

/// A picture's pixels as a PDF image holds them, without loss, upright.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pixels {
    /// A JPEG's coded data, as the file has it but for its metadata.
    Jpeg {
        data: bytes::Bytes,
        colors: ColorSpace,
    },
    /// A PNG's compressed pixels behind their row filters, as the file's data chunks have
    /// them (read in order they are one zlib stream).
    Png {
        data: Vec<bytes::Bytes>,
        colors: ColorSpace,
    },
    /// Decoded 8-bit samples, row by row, for a picture PDF can't hold as stored (one
    /// with transparency, or stored sideways); the transparency, if any, apart.
    Samples {
        colors: ColorSpace,
        samples: bytes::Bytes,
        alpha: Option<bytes::Bytes>,
    },
}

/// The colours a picture's samples are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColorSpace {
    Gray,
    Rgb,
    /// One byte a pixel, an index into `palette`'s RGB triples.
    Indexed {
        palette: bytes::Bytes,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub text: Option<RichText>,
    pub bullets: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Closing {
    /// `None` where the language's heading is printed.
    pub title: Option<String>,
    pub text: RichText,
}

/// How much pain is all right during and after the exercises, printed once per handout
/// as a traffic light. Each light is the clinic's words, or `None` where the words of
/// the handout's language are printed: the catalogue's `pain-green`, `pain-amber` and
/// `pain-red`, which a clinic's labels may replace in turn.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PainRule {
    /// Carry on.
    pub green: Option<Paragraph>,
    /// Ease off.
    pub amber: Option<Paragraph>,
    /// Stop and get in touch.
    pub red: Option<Paragraph>,
}

/// "Prepared for …" details for one patient or athlete.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recipient {
    pub name: Option<String>,
    pub clinician: Option<String>,
    pub date: Option<Date>,
    pub note: Option<String>,
}

/// A text field: paragraphs separated by a blank line in the source.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RichText {
    pub paragraphs: Vec<Paragraph>,
}

/// A run of styled text with no paragraph break inside.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    pub runs: Vec<Run>,
}

/// Text in one style: `**bold**`, `*italic*`, and `[links](url)` from Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

impl Paragraph {
    /// A paragraph of one plain run.
    pub fn plain(text: impl Into<String>) -> Self {
        Paragraph {
            runs: vec![Run {
                text: text.into(),
                bold: false,
                italic: false,
                link: None,
            }],
        }
    }

    /// The text without styling.
    pub fn to_plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

impl RichText {
    pub fn plain(text: impl Into<String>) -> Self {
        RichText {
            paragraphs: vec![Paragraph::plain(text)],
        }
    }
}
