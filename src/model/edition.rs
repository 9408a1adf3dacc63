//! The editions of a handout: one content, printed for different readers and uses.

/// What a handout is printed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Edition {
    /// The whole handout at 13 pt.
    #[default]
    Standard,
    /// The whole handout at 18 pt, each exercise on a page of its own.
    Large,
    /// One page for the fridge: the summary, the red flags, and each exercise as a row.
    Sheet,
    /// A tick-box log of the exercises, a column a day for `weeks` weeks.
    Log { weeks: u8 },
}

impl Edition {
    /// The weeks a log covers when nobody says.
    pub const DEFAULT_WEEKS: u8 = 2;
    /// The most weeks a log covers: a quarter of a year, after which a programme is
    /// usually reviewed and a new log printed.
    pub const MAX_WEEKS: u8 = 13;

    /// Every edition, in the order they are written, the log covering `weeks` weeks.
    pub fn all(weeks: u8) -> [Edition; 4] {
        [
            Edition::Standard,
            Edition::Large,
            Edition::Sheet,
            Edition::Log { weeks },
        ]
    }

    /// Its name on the command line, and in its PDF's file name.
    pub fn name(self) -> &'static str {
        match self {
            Edition::Standard => "standard",
            Edition::Large => "large",
            Edition::Sheet => "sheet",
            Edition::Log { .. } => "log",
        }
    }

    /// What its PDF's file name adds to the handout's: `knee.large.pdf`; nothing for the
    /// standard edition, `knee.pdf`.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Edition::Standard => "",
            Edition::Large => ".large",
            Edition::Sheet => ".sheet",
            Edition::Log { .. } => ".log",
        }
    }
}
