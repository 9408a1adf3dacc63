//! handout: plain TOML content in, branded printable PDF handouts out.
//!
//! The pipeline runs one way, each stage handing the next an owned value:
//!
//! ```text
//! content/*.toml ──load──▶ Document ──layout──▶ PagedLayout ──render──▶ PDF bytes
//! ```
//!
//! [`content::load`] validates everything and reports every problem at once;
//! [`layout::layout`] measures, breaks and paginates; [`render::pdf`] only draws.
//! [`build`] runs the three for one handout.

pub mod calendar;
pub mod cli;
pub mod content;
pub mod diag;
pub mod geom;
pub mod layout;
pub mod render;
pub mod text;

use std::path::Path;

use content::{LoadOptions, Recipient};
use diag::{Diagnostic, Diagnostics};
use layout::{PagedLayout, Theme};
use render::PdfOptions;
use text::FontBook;

/// What a build needs besides the handout file.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub load: LoadOptions,
    /// "Prepared for" details, printed on every page.
    pub recipient: Option<Recipient>,
    /// The large-print edition: 18 pt body text, one exercise a page.
    pub large_print: bool,
    /// The PDF's creation date as Unix seconds (e.g. from `SOURCE_DATE_EPOCH`);
    /// when absent the handout's `reviewed` date is used, and failing that none.
    pub timestamp: Option<i64>,
}

/// A handout turned into a PDF, in memory.
#[derive(Debug, Clone)]
pub struct Built {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub warnings: Diagnostics,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the content, for the user to fix.
    #[error("{0}")]
    Content(Diagnostics),
    /// Writing the PDF failed; not the content's fault.
    #[error(transparent)]
    Render(#[from] render::RenderError),
}

/// Loads, lays out and renders one handout.
pub fn build(handout: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let (layout, fonts) = lay_out(handout, options).map_err(BuildError::Content)?;
    let timestamp = options
        .timestamp
        .or_else(|| layout.info.date.map(calendar::midnight));
    let pdf = render::pdf(&layout, &fonts, &PdfOptions { timestamp })?;
    Ok(Built {
        pdf,
        pages: layout.pages.len(),
        warnings: layout.warnings,
    })
}

/// Everything a build checks, short of writing the PDF; returns the warnings.
pub fn check(handout: &Path, options: &BuildOptions) -> Result<Diagnostics, Diagnostics> {
    lay_out(handout, options).map(|(layout, _)| layout.warnings)
}

/// Loads and lays out one handout, warnings from both stages kept together.
pub fn lay_out(
    handout: &Path,
    options: &BuildOptions,
) -> Result<(PagedLayout, FontBook), Diagnostics> {
    let loaded = content::load(handout, &options.load)?;
    let mut document = loaded.document;
    document.recipient = options.recipient.clone();
    let fonts = FontBook::from_brand(&document.brand.fonts)
        .map_err(|e| Diagnostic::error(e.to_string()).in_file(&document.source))?;
    let theme = Theme::new(&document.brand, document.paper);
    let theme = if options.large_print {
        theme.large_print()
    } else {
        theme
    };
    let mut layout = layout::layout(&document, &theme, &fonts).map_err(|mut diagnostics| {
        diagnostics.extend(loaded.warnings.clone());
        diagnostics
    })?;
    let mut warnings = loaded.warnings;
    warnings.extend(layout.warnings);
    layout.warnings = warnings;
    Ok((layout, fonts))
}
