//! Finding how much of a word fits a line without measuring every head of it.
//!
//! Measuring a head costs time in its length, so trying heads one by one, or bisecting
//! over the whole word, costs the square of a long word's length. Instead the word's own
//! glyph widths give a guess (a head set alone differs only where it is cut: a kerning
//! pair, a joining form), and a search outwards from the guess confirms it with a few
//! heads near it.

/// A word's glyph widths by the byte offset their clusters start at, summed, so that the
/// width of any stretch of it is two look-ups.
pub struct Reach {
    /// Where clusters start, ascending.
    offsets: Vec<usize>,
    /// The width of the glyphs before each offset; one more entry than `offsets`. In
    /// double precision: a long word's sum reaches where single precision steps by 1/64 pt.
    before: Vec<f64>,
}

impl Reach {
    /// From each glyph's cluster offset and advance, in any order (right-to-left text
    /// comes in the order it is seen).
    pub fn new(mut glyphs: Vec<(usize, f32)>) -> Reach {
        glyphs.sort_by_key(|&(offset, _)| offset);
        let mut before = Vec::with_capacity(glyphs.len() + 1);
        let mut sum = 0.0;
        before.push(sum);
        for &(_, advance) in &glyphs {
            sum += f64::from(advance);
            before.push(sum);
        }
        Reach {
            offsets: glyphs.into_iter().map(|(offset, _)| offset).collect(),
            before,
        }
    }

    /// The width of the glyphs whose clusters start from `from` up to `to`.
    pub fn width(&self, from: usize, to: usize) -> f32 {
        (self.before_offset(to) - self.before_offset(from)) as f32
    }

    fn before_offset(&self, at: usize) -> f64 {
        self.before[self.offsets.partition_point(|&offset| offset < at)]
    }
}

/// The last of `count` candidates that `fits`, when the ones that fit all come first:
/// tried at `guess`, then at steps doubling away from it until the edge is passed, then
/// bisected. A guess off by `d` costs about 2·log2(d) + 1 calls. The last call that
/// `fits` answers yes is about the candidate returned, so what it made can be kept.
pub fn last_fitting(
    count: usize,
    guess: usize,
    mut fits: impl FnMut(usize) -> bool,
) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let guess = guess.min(count - 1);
    // Candidates below `low` fit; none from `high` on does.
    let (mut low, mut high) = (0, count);
    let mut step = 1;
    if fits(guess) {
        low = guess + 1;
        while low < high {
            let probe = (guess + step).min(high - 1);
            if !fits(probe) {
                high = probe;
                break;
            }
            low = probe + 1;
            step *= 2;
        }
    } else {
        high = guess;
        while low < high {
            let probe = guess.saturating_sub(step).max(low);
            if fits(probe) {
                low = probe + 1;
                break;
            }
            high = probe;
            step *= 2;
        }
    }
    while low < high {
        let middle = low + (high - low) / 2;
        if fits(middle) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low.checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_last_that_fits_from_any_guess() {
        for count in 0..40 {
            for fitting in 0..=count {
                for guess in 0..count + 2 {
                    let (mut calls, mut last_yes) = (0, None);
                    let found = last_fitting(count, guess, |i| {
                        calls += 1;
                        assert!(i < count, "asked about candidate {i} of {count}");
                        if i < fitting {
                            last_yes = Some(i);
                        }
                        i < fitting
                    });
                    assert_eq!(found, fitting.checked_sub(1), "{count} {fitting} {guess}");
                    assert_eq!(found, last_yes, "{count} {fitting} {guess}");
                    assert!(calls <= 12, "{calls} calls for {count} {fitting} {guess}");
                }
            }
        }
    }

    #[test]
    fn a_good_guess_is_confirmed_with_two_calls() {
        let mut calls = 0;
        let found = last_fitting(1_000_000, 500, |i| {
            calls += 1;
            i <= 500
        });
        assert_eq!((found, calls), (Some(500), 2));
    }

    #[test]
    fn stretches_are_measured_by_where_their_clusters_start() {
        // A base letter, a mark in its cluster, then two letters given right to left.
        let reach = Reach::new(vec![(0, 5.0), (0, 0.0), (3, 2.0), (2, 1.0)]);
        assert_eq!(reach.width(0, 4), 8.0);
        assert_eq!(
            reach.width(0, 1),
            5.0,
            "a cut inside a cluster keeps it whole"
        );
        assert_eq!(reach.width(2, 3), 1.0);
        assert_eq!(reach.width(3, 9), 2.0);
    }
}
