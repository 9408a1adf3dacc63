//! The editions of a handout: one content, printed for different readers and uses.

/// What a handout is printed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Edition {
    /// The whole handout at 13 pt.
    #[default]
    Standard,
    /// The whole handout at 18 pt, each exercise on a page of its own.
    Large,
}

impl Edition {
    /// Every edition, in the order they are written.
    pub const ALL: [Edition; 2] = [Edition::Standard, Edition::Large];

    /// Its name on the command line, and in its PDF's file name.
    pub fn name(self) -> &'static str {
        match self {
            Edition::Standard => "standard",
            Edition::Large => "large",
        }
    }

    /// What its PDF's file name adds to the handout's: `knee.large.pdf`; nothing for the
    /// standard edition, `knee.pdf`.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Edition::Standard => "",
            Edition::Large => ".large",
        }
    }
}
