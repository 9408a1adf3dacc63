//! Contrast: whether the brand's colours read as the renderer prints them, in colour and
//! on a greyscale printer, by WCAG 2's measure (4.5:1 for text, 3:1 for graphics).
//!
//! The primary colour is printed four ways: as text on white paper (headings, links,
//! step numbers), where the renderer darkens it until it reads; as the same text on the
//! pale tints of itself that fill the summary box and the exercise cards; as graphics on
//! white (bars, borders, the exercise band), printed as it is; and behind the exercise's
//! name, set in white or, where white does not read, in ink. The accent colour is only a
//! pale fill behind ink text, which reads whatever the accent, so it is not checked.
//!
//! Printed in grey, a colour becomes the grey a PDF's DeviceRGB converts to DeviceGray,
//! 0.30 R + 0.59 G + 0.11 B (PDF Reference 1.7, section 6.2.1). Saturated colours turn
//! darker in grey than their luminance says, so ink on a mid-tone red can read in
//! colour and not in grey.

use crate::model::{Colors, Rgb, GRAPHICS_CONTRAST, TEXT_CONTRAST};

/// The share of the primary colour in the strongest tint that text in it is printed on:
/// the summary box's fill, a tenth of the colour on white, as the theme mixes it.
pub const TEXT_TINT: f32 = 0.10;

/// How the renderer prints the primary colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorUse {
    /// Headings, links and step numbers: text on white paper.
    Text,
    /// The same text on a pale tint of the colour: the summary box, the exercise cards.
    TextOnTint,
    /// Bars, borders, rules and the exercise band: graphics on white paper.
    Graphics,
    /// The exercise's name on its band.
    TextOnBand,
}

impl ColorUse {
    /// What the colour is used for, for a message: "headings and links on white".
    pub fn describe(self) -> &'static str {
        match self {
            ColorUse::Text => "headings, links and step numbers on white",
            ColorUse::TextOnTint => "links and step numbers on the summary box and exercise cards",
            ColorUse::Graphics => "bars, borders and the exercise band on white",
            ColorUse::TextOnBand => "an exercise's name on its coloured band",
        }
    }

    /// The contrast WCAG asks of this use.
    pub fn needed(self) -> f64 {
        match self {
            ColorUse::Text | ColorUse::TextOnTint | ColorUse::TextOnBand => TEXT_CONTRAST,
            ColorUse::Graphics => GRAPHICS_CONTRAST,
        }
    }
}

/// A pair of colours the renderer prints that do not read well enough.
#[derive(Debug, Clone, PartialEq)]
pub struct ContrastProblem {
    pub used_for: ColorUse,
    /// On a greyscale printer; in colour the pair reads.
    pub greyscale: bool,
    pub foreground: Rgb,
    pub background: Rgb,
    /// Their contrast, in grey for a greyscale problem.
    pub ratio: f64,
    /// The contrast WCAG asks.
    pub needed: f64,
    /// The colour the renderer prints instead of the brand's, darkened until it reads;
    /// `None` where it prints the brand's colour as it is.
    pub printed_instead: Option<Rgb>,
    /// A darker primary colour for the brand with which the problem goes away.
    pub suggestion: Rgb,
}

/// The problems the brand's colours have as the renderer prints them, in colour and in
/// grey; none for colours that read.
pub fn brand_problems(colors: Colors) -> Vec<ContrastProblem> {
    let primary = colors.primary;
    let paper = Rgb::WHITE;
    let mut problems = Vec::new();

    let text = ColorUse::Text;
    let printed = primary.with_contrast(paper, TEXT_CONTRAST);
    if printed != primary {
        problems.push(ContrastProblem {
            used_for: text,
            greyscale: false,
            foreground: primary,
            background: paper,
            ratio: primary.contrast(paper),
            needed: text.needed(),
            printed_instead: Some(printed),
            suggestion: printed,
        });
    }
    let text_in_grey = grey_problem(text, printed, paper, |_| paper);
    let reads_in_grey = text_in_grey.is_none();
    problems.extend(text_in_grey);

    // Darkened for white, the text can still fall short on the tint behind it.
    let on_tint = ColorUse::TextOnTint;
    let tint = primary.mix(paper, TEXT_TINT);
    let ratio = printed.contrast(tint);
    let tint_of = |c: Rgb| c.mix(paper, TEXT_TINT);
    if ratio < on_tint.needed() {
        problems.push(ContrastProblem {
            used_for: on_tint,
            greyscale: false,
            foreground: printed,
            background: tint,
            ratio,
            needed: on_tint.needed(),
            printed_instead: None,
            suggestion: primary.darkened_until(|c| c.contrast(tint_of(c)) >= on_tint.needed()),
        });
    } else if reads_in_grey {
        problems.extend(grey_problem(on_tint, printed, tint, tint_of));
    }

    let graphics = ColorUse::Graphics;
    let ratio = primary.contrast(paper);
    if ratio < graphics.needed() {
        problems.push(ContrastProblem {
            used_for: graphics,
            greyscale: false,
            foreground: primary,
            background: paper,
            ratio,
            needed: graphics.needed(),
            printed_instead: None,
            suggestion: primary.with_contrast(paper, graphics.needed()),
        });
    } else {
        problems.extend(grey_problem(graphics, primary, paper, |_| paper));
    }

    let band = ColorUse::TextOnBand;
    let name = primary.text_on();
    let ratio = name.contrast(primary);
    if ratio < band.needed() {
        problems.push(ContrastProblem {
            used_for: band,
            greyscale: false,
            foreground: name,
            background: primary,
            ratio,
            needed: band.needed(),
            printed_instead: None,
            // Dark enough for white to read on it.
            suggestion: primary.with_contrast(Rgb::WHITE, band.needed()),
        });
    } else {
        problems.extend(grey_problem(band, primary, name, |c| c.text_on()));
    }
    problems
}

/// The problem, if any, of `color` printed in grey with `other`; `other_of` gives the
/// other colour for a darker `color`, to find a suggestion that reads.
fn grey_problem(
    used_for: ColorUse,
    color: Rgb,
    other: Rgb,
    other_of: impl Fn(Rgb) -> Rgb,
) -> Option<ContrastProblem> {
    let needed = used_for.needed();
    let ratio = grey_contrast(color, other);
    (ratio < needed).then(|| ContrastProblem {
        used_for,
        greyscale: true,
        foreground: color,
        background: other,
        ratio,
        needed,
        printed_instead: None,
        suggestion: color.darkened_until(|c| grey_contrast(c, other_of(c)) >= needed),
    })
}

/// The grey a greyscale printer makes of `color`.
pub fn grey(color: Rgb) -> Rgb {
    let Rgb(r, g, b) = color;
    let level = 0.30 * f64::from(r) + 0.59 * f64::from(g) + 0.11 * f64::from(b);
    let level = level.round() as u8;
    Rgb(level, level, level)
}

/// The WCAG contrast of two colours printed in grey.
pub fn grey_contrast(a: Rgb, b: Rgb) -> f64 {
    grey(a).contrast(grey(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(primary: Rgb) -> Vec<ContrastProblem> {
        brand_problems(Colors {
            primary,
            accent: Rgb(0xE6, 0x91, 0x38),
        })
    }

    #[test]
    fn greys_follow_the_pdf_conversion() {
        // PDF Reference 1.7, 6.2.1: gray = 0.3 red + 0.59 green + 0.11 blue.
        assert_eq!(grey(Rgb(255, 0, 0)), Rgb(77, 77, 77));
        assert_eq!(grey(Rgb(0, 255, 0)), Rgb(150, 150, 150));
        assert_eq!(grey(Rgb(0, 0, 255)), Rgb(28, 28, 28));
        assert_eq!(grey(Rgb::WHITE), Rgb::WHITE);
        assert!((grey_contrast(Rgb::BLACK, Rgb::WHITE) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn a_dark_brand_colour_has_no_problems() {
        assert!(problems(Rgb(0x0F, 0x6E, 0x6E)).is_empty());
    }

    #[test]
    fn a_pale_yellow_is_darkened_for_text_and_reported_for_graphics() {
        let yellow = Rgb(0xFF, 0xFF, 0x66);
        let found = problems(yellow);
        let text = &found[0];
        assert_eq!((text.used_for, text.greyscale), (ColorUse::Text, false));
        assert!(text.ratio < 1.2, "{text:?}");
        let printed = text.printed_instead.expect("darkened for text");
        assert_eq!(printed, yellow.with_contrast(Rgb::WHITE, TEXT_CONTRAST));
        assert!(printed.contrast(Rgb::WHITE) >= TEXT_CONTRAST);

        let graphics = &found[1];
        assert_eq!(graphics.used_for, ColorUse::Graphics);
        assert_eq!(graphics.printed_instead, None);
        assert_eq!(graphics.needed, GRAPHICS_CONTRAST);
        assert!(graphics.suggestion.contrast(Rgb::WHITE) >= GRAPHICS_CONTRAST);
        // Ink reads on a pale band.
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn light_grey_is_reported_for_text_and_graphics() {
        let uses: Vec<ColorUse> = problems(Rgb(0xCC, 0xCC, 0xCC))
            .iter()
            .map(|p| p.used_for)
            .collect();
        assert_eq!(uses, [ColorUse::Text, ColorUse::Graphics]);
    }

    #[test]
    fn text_that_reads_on_white_is_checked_on_its_tint() {
        // A bright blue reads at 5.1:1 on white and 4.4:1 on a tenth of itself.
        let blue = Rgb(0x00, 0x66, 0xEE);
        let found = problems(blue);
        let tint = found
            .iter()
            .find(|p| p.used_for == ColorUse::TextOnTint)
            .expect("a tint problem");
        assert_eq!(tint.foreground, blue);
        assert_eq!(tint.background, blue.mix(Rgb::WHITE, TEXT_TINT));
        assert!(tint.ratio < TEXT_CONTRAST);
        let fixed = tint.suggestion;
        assert!(fixed.contrast(fixed.mix(Rgb::WHITE, TEXT_TINT)) >= TEXT_CONTRAST);
    }

    #[test]
    fn a_colour_that_fails_only_in_grey_is_given_one_that_reads_in_grey() {
        // A muted purple reads at 4.6:1 on white, and its grey at 4.4:1.
        let purple = Rgb(0x88, 0x66, 0xAA);
        let found = problems(purple);
        let text = found
            .iter()
            .find(|p| p.used_for == ColorUse::Text)
            .expect("a text problem");
        assert!(text.greyscale);
        assert_eq!(text.printed_instead, None);
        let fixed = text.suggestion;
        assert!(grey_contrast(fixed, Rgb::WHITE) >= TEXT_CONTRAST);
        // Darkened until it reads, not all the way to black.
        assert_ne!(fixed, Rgb::BLACK);
    }
}
