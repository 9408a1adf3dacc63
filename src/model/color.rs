//! Colour arithmetic on [`Rgb`]: WCAG 2 luminance and contrast, blending, and the
//! darkening the theme applies to a brand colour that does not read on its background.
//! The theme and the contrast check both use these, so what one prints the other reports.

use std::fmt;

use super::Rgb;

/// The contrast WCAG 2 asks of body text on its background (success criterion 1.4.3).
pub const TEXT_CONTRAST: f64 = 4.5;
/// The contrast WCAG 2 asks of graphics that carry meaning, such as bars and
/// borders, against what is next to them (success criterion 1.4.11).
pub const GRAPHICS_CONTRAST: f64 = 3.0;

impl Rgb {
    pub const WHITE: Rgb = Rgb(255, 255, 255);
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    /// The near-black of body text.
    pub const INK: Rgb = Rgb(0x1A, 0x1A, 0x1A);

    /// The colour of text printed on this colour: white where it reads, else ink.
    pub fn text_on(self) -> Rgb {
        if Rgb::WHITE.contrast(self) >= TEXT_CONTRAST {
            Rgb::WHITE
        } else {
            Rgb::INK
        }
    }

    /// WCAG 2 relative luminance, from 0 for black to 1 for white.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio with `other`, from 1 to 21; the order does not matter.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour blended towards `other`, keeping `share` of this one.
    pub fn mix(self, other: Rgb, share: f32) -> Rgb {
        let blend =
            |x: u8, y: u8| (f32::from(x) * share + f32::from(y) * (1.0 - share)).round() as u8;
        Rgb(
            blend(self.0, other.0),
            blend(self.1, other.1),
            blend(self.2, other.2),
        )
    }

    /// This colour, darkened until its contrast with `background` is at least `ratio`.
    pub fn with_contrast(self, background: Rgb, ratio: f64) -> Rgb {
        self.darkened_until(|color| color.contrast(background) >= ratio)
    }

    /// This colour, darkened a twentieth at a time towards black until `reads` holds,
    /// and black if it never does.
    pub fn darkened_until(self, reads: impl Fn(Rgb) -> bool) -> Rgb {
        let mut current = self;
        let mut share = 1.0;
        while !reads(current) && share > 0.0 {
            share -= 0.05;
            current = self.mix(Rgb::BLACK, share);
        }
        current
    }
}

/// `#RRGGBB`, as a brand file writes a colour.
impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luminance_and_contrast_match_wcag() {
        // WCAG 2: black on white is 21:1, a colour on itself 1:1, and white's luminance is 1.
        assert!((Rgb::BLACK.contrast(Rgb::WHITE) - 21.0).abs() < 1e-9);
        assert!((Rgb::WHITE.contrast(Rgb::WHITE) - 1.0).abs() < 1e-9);
        assert!((Rgb::WHITE.luminance() - 1.0).abs() < 1e-9);
        // #777777 on white is the well-known near miss: 4.48:1, just under 4.5.
        let grey = Rgb(0x77, 0x77, 0x77);
        assert!((grey.contrast(Rgb::WHITE) - 4.48).abs() < 0.005);
        assert_eq!(grey.contrast(Rgb::WHITE), Rgb::WHITE.contrast(grey));
    }

    #[test]
    fn a_light_colour_is_darkened_until_it_reads() {
        let orange = Rgb(0xE6, 0x91, 0x38);
        assert!(orange.contrast(Rgb::WHITE) < TEXT_CONTRAST);
        let darker = orange.with_contrast(Rgb::WHITE, TEXT_CONTRAST);
        assert!(darker.contrast(Rgb::WHITE) >= TEXT_CONTRAST);
        let teal = Rgb(0x0F, 0x6E, 0x6E);
        assert_eq!(teal.with_contrast(Rgb::WHITE, TEXT_CONTRAST), teal);
    }

    #[test]
    fn text_on_a_colour_is_white_where_it_reads_else_ink() {
        assert_eq!(Rgb(0x0F, 0x6E, 0x6E).text_on(), Rgb::WHITE);
        assert_eq!(Rgb(0xFF, 0xFF, 0x66).text_on(), Rgb::INK);
    }

    #[test]
    fn darkening_that_never_reads_ends_at_black() {
        assert_eq!(Rgb::WHITE.darkened_until(|_| false), Rgb::BLACK);
    }

    #[test]
    fn a_colour_shows_as_a_brand_file_writes_it() {
        assert_eq!(Rgb(0x0F, 0x6E, 0xAB).to_string(), "#0F6EAB");
    }

    #[test]
    fn mixing_keeps_the_share_asked_for() {
        assert_eq!(Rgb::WHITE.mix(Rgb::BLACK, 1.0), Rgb::WHITE);
        assert_eq!(Rgb::WHITE.mix(Rgb::BLACK, 0.0), Rgb::BLACK);
        assert_eq!(Rgb(200, 100, 0).mix(Rgb::WHITE, 0.5), Rgb(228, 178, 128));
    }
}
