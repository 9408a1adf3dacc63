//! The look of a handout: paper, margins, type sizes and colours, from the brand.
//!
//! Type follows clear-print guidance for patients: body text of 13 pt with generous
//! line spacing, left aligned, and every text colour at least 4.5:1 against its
//! background (brand colours are darkened until they are).

use crate::geom::Size;
use crate::model::{Brand, Edition, Paper, Rgb, Urgency, TEXT_CONTRAST};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub page: Size,
    /// Distance from the page's left and right edges to the text column.
    pub margin_x: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub body_size: f32,
    /// Line height of body text as a multiple of the font size.
    pub leading: f32,
    /// The least line height of any text, headings and labels included.
    pub min_leading: f32,
    /// Whether long words of running text may be broken with a hyphen.
    pub hyphenate: bool,
    pub small_size: f32,
    pub title_size: f32,
    pub subtitle_size: f32,
    pub h2_size: f32,
    pub h3_size: f32,
    pub card_title_size: f32,
    /// The summary and the clinician's note, a step above body text.
    pub callout_size: f32,
    /// The clinic's name in the header.
    pub brand_size: f32,
    /// Captions, the byline and an exercise's position and equipment: the
    /// smallest text, at the clear-print minimum.
    pub caption_size: f32,
    /// Space between paragraphs.
    pub paragraph_gap: f32,
    /// The widest an exercise picture is printed.
    pub max_picture_width: f32,
    /// Each exercise card starts a page.
    pub exercise_per_page: bool,
    pub colors: Palette,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub text: Rgb,
    pub muted: Rgb,
    /// Headings and links: the brand's primary colour, darkened if needed for contrast.
    pub heading: Rgb,
    pub primary: Rgb,
    pub accent: Rgb,
    pub rule: Rgb,
    pub card_fill: Rgb,
    pub card_border: Rgb,
    pub summary_fill: Rgb,
    pub dosage_fill: Rgb,
    pub caution: Rgb,
    pub on_primary: Rgb,
}

/// The colours of a care card for one level of urgency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UrgencyColors {
    pub bar: Rgb,
    pub fill: Rgb,
    pub label: Rgb,
}

impl Theme {
    pub fn new(brand: &Brand, paper: Paper) -> Theme {
        let primary = brand.colors.primary;
        let accent = brand.colors.accent;
        let heading = primary.with_contrast(Rgb::WHITE, TEXT_CONTRAST);
        Theme {
            page: paper_size(paper),
            margin_x: 40.0,
            margin_top: 26.0,
            margin_bottom: 24.0,
            body_size: 13.0,
            leading: 1.35,
            min_leading: 1.0,
            hyphenate: true,
            small_size: 12.0,
            title_size: 26.0,
            subtitle_size: 15.0,
            h2_size: 19.0,
            h3_size: 15.0,
            card_title_size: 16.0,
            callout_size: 14.5,
            brand_size: 14.0,
            caption_size: 12.0,
            paragraph_gap: 7.0,
            // About 68 mm: big enough to read a pose from across a room, small enough
            // that a card with two pictures and seven steps fits with room to spare.
            max_picture_width: 192.0,
            exercise_per_page: false,
            colors: Palette {
                text: Rgb::INK,
                muted: Rgb(0x45, 0x45, 0x45),
                heading,
                primary,
                accent,
                rule: primary.mix(Rgb::WHITE, 0.55),
                card_fill: primary.mix(Rgb::WHITE, 0.05),
                card_border: primary.mix(Rgb::WHITE, 0.45),
                summary_fill: primary.mix(Rgb::WHITE, 0.10),
                dosage_fill: accent.mix(Rgb::WHITE, 0.20),
                caution: Rgb(0x9C, 0x1C, 0x1C),
                on_primary: primary.text_on(),
            },
        }
    }

    /// The theme of `edition`, from the standard one.
    pub fn for_edition(self, edition: Edition) -> Theme {
        match edition {
            // The sheet and the log keep the standard sizes, none under 12 pt, and set
            // their own rows and cells.
            Edition::Standard | Edition::Sheet | Edition::Log { .. } => self,
            Edition::Large => self.large_print(),
        }
    }

    /// The large-print edition: 18 pt text, every other size and space scaled with it,
    /// pictures as wide as two fit the column, and one exercise a page.
    fn large_print(self) -> Theme {
        // Every piece of text at 18 pt or more, and lines at least 1.4 apart, as large
        // print guidance asks (APH); no word broken with a hyphen.
        Theme {
            // Narrower margins keep more words to a line of large text.
            margin_x: 30.0,
            body_size: 18.0,
            leading: 1.4,
            min_leading: 1.4,
            hyphenate: false,
            small_size: 18.0,
            title_size: 32.0,
            subtitle_size: 21.0,
            h2_size: 25.0,
            h3_size: 21.0,
            card_title_size: 21.0,
            callout_size: 19.0,
            brand_size: 19.0,
            caption_size: 18.0,
            paragraph_gap: 10.0,
            max_picture_width: f32::INFINITY,
            exercise_per_page: true,
            ..self
        }
    }

    pub fn column_width(&self) -> f32 {
        self.page.width - 2.0 * self.margin_x
    }
}

/// Care-card colours: amber, orange and red, always paired with words.
pub fn urgency_colors(urgency: Urgency) -> UrgencyColors {
    let (bar, fill, label) = match urgency {
        Urgency::Soon => (
            Rgb(0xD9, 0x9A, 0x00),
            Rgb(0xFF, 0xF6, 0xDB),
            Rgb(0x70, 0x4C, 0x00),
        ),
        Urgency::Urgent => (
            Rgb(0xE8, 0x70, 0x2A),
            Rgb(0xFD, 0xEB, 0xDF),
            Rgb(0x9A, 0x3A, 0x08),
        ),
        Urgency::Emergency => (
            Rgb(0xC8, 0x1E, 0x1E),
            Rgb(0xFD, 0xE3, 0xE3),
            Rgb(0x9C, 0x12, 0x12),
        ),
    };
    UrgencyColors { bar, fill, label }
}

pub fn paper_size(paper: Paper) -> Size {
    match paper {
        Paper::A4 => Size::new(595.276, 841.89),
        Paper::Letter => Size::new(612.0, 792.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgency_labels_read_on_their_cards() {
        for urgency in [Urgency::Soon, Urgency::Urgent, Urgency::Emergency] {
            let c = urgency_colors(urgency);
            assert!(c.label.contrast(c.fill) >= TEXT_CONTRAST, "{urgency:?}");
        }
    }
}
