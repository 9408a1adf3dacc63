//! Font files: those a brand names, read while loading, and those built into the binary.

use std::path::PathBuf;
use std::sync::Arc;

/// Font files named by the brand; `None` means the bundled face.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FontFiles {
    pub regular: Option<FontFile>,
    pub bold: Option<FontFile>,
    pub italic: Option<FontFile>,
    pub bold_italic: Option<FontFile>,
}

/// A font file, read while loading and found to parse and to subset.
///
/// The same file named for two faces is the same `Arc`.
#[derive(Clone, PartialEq, Eq)]
pub struct FontFile {
    pub path: PathBuf,
    /// The file's bytes, as read.
    pub data: Arc<[u8]>,
}

impl std::fmt::Debug for FontFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontFile")
            .field("path", &self.path)
            .field("bytes", &self.data.len())
            .finish()
    }
}

/// The bundled family's regular face.
pub const BUNDLED_REGULAR: &[u8] = BUNDLED[0].1;

/// The fallback face, built into the binary.
pub const FALLBACK: (&str, &[u8]) = (
    "DejaVuSans.ttf",
    include_bytes!("../../fonts/DejaVuSans.ttf"),
);

/// The bundled family, Atkinson Hyperlegible: regular, bold, italic and bold italic.
pub const BUNDLED: [(&str, &[u8]); 4] = [
    (
        "AtkinsonHyperlegible_400Regular.ttf",
        include_bytes!("../../fonts/AtkinsonHyperlegible_400Regular.ttf"),
    ),
    (
        "AtkinsonHyperlegible_700Bold.ttf",
        include_bytes!("../../fonts/AtkinsonHyperlegible_700Bold.ttf"),
    ),
    (
        "AtkinsonHyperlegible_400Regular_Italic.ttf",
        include_bytes!("../../fonts/AtkinsonHyperlegible_400Regular_Italic.ttf"),
    ),
    (
        "AtkinsonHyperlegible_700Bold_Italic.ttf",
        include_bytes!("../../fonts/AtkinsonHyperlegible_700Bold_Italic.ttf"),
    ),
];
