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
pub mod memo;
pub mod render;
pub mod roster;
pub mod text;

use std::path::Path;
use std::sync::Arc;

use content::{Document, LoadOptions, Recipient};
use diag::{Diagnostic, Diagnostics};
use layout::{PagedLayout, Theme};
use render::{Pdf, PdfOptions, PictureStore, RenderCache, RenderError};
use text::{Coverage, FaceId, FontBook, Shaper, Typesetter};

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
    pub pdf: Pdf,
    pub pages: usize,
    pub warnings: Diagnostics,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the content, for the user to fix.
    #[error("{0}")]
    Content(#[from] Diagnostics),
    /// Writing the PDF failed; not the content's fault.
    #[error(transparent)]
    Render(#[from] render::RenderError),
}

/// Loads, lays out and renders one handout.
pub fn build(handout: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let prepared = prepare(handout, options)?;
    std::thread::scope(|scope| {
        // The pictures are made into PDF objects on another core while this one lays out,
        // and the fonts are cut there while this one writes the pages.
        scope.spawn(|| prepared.pictures.prepare_all());
        let reuse = Reuse {
            rendered: RenderCache::with_spare_core(),
            ..prepared.reuse()
        };
        prepared.build_reusing(&prepared.document, options.timestamp, &reuse)
    })
}

/// Everything a build checks, short of writing the PDF; returns the warnings.
pub fn check(handout: &Path, options: &BuildOptions) -> Result<Diagnostics, Diagnostics> {
    match build(handout, options) {
        Ok(built) => Ok(built.warnings),
        Err(BuildError::Content(diagnostics)) => Err(diagnostics),
        Err(BuildError::Render(error)) => {
            Err(Diagnostic::error(error.to_string()).in_file(handout).into())
        }
    }
}

/// Loads and lays out one handout, warnings from both stages kept together.
pub fn lay_out(
    handout: &Path,
    options: &BuildOptions,
) -> Result<(PagedLayout, FontBook), Diagnostics> {
    let prepared = prepare(handout, options)?;
    let layout = prepared.lay_out(&prepared.document)?;
    Ok((layout, prepared.fonts))
}

/// What the documents of a run reuse on one thread; see [`Prepared::reuse`].
pub struct Reuse<'a> {
    typesetter: Typesetter<'a>,
    rendered: RenderCache,
}

/// A handout loaded once, with its fonts and theme, ready to lay out for any
/// number of readers.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The handout, with the options' recipient.
    pub document: Document,
    pub fonts: FontBook,
    pub theme: Theme,
    /// The handout's pictures as PDF objects, made once for every document of a run.
    pub pictures: Arc<PictureStore>,
    /// What loading warned about.
    pub warnings: Diagnostics,
}

/// Loads a handout and everything it needs to be laid out.
pub fn prepare(handout: &Path, options: &BuildOptions) -> Result<Prepared, Diagnostics> {
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
    Ok(Prepared {
        pictures: Arc::new(PictureStore::new(&document)),
        document,
        fonts,
        theme,
        warnings: loaded.warnings,
    })
}

impl Prepared {
    /// What the documents of a run can reuse, on one thread: words already shaped,
    /// paragraphs already set and fonts already subset.
    pub fn reuse(&self) -> Reuse<'_> {
        Reuse {
            typesetter: Typesetter::new(Shaper::new(&self.fonts)),
            rendered: RenderCache::default(),
        }
    }

    /// Lays out `document` (this handout, perhaps for another reader), with the
    /// loading warnings ahead of its own.
    pub fn lay_out(&self, document: &Document) -> Result<PagedLayout, Diagnostics> {
        self.lay_out_reusing(document, &self.reuse())
    }

    /// [`Prepared::lay_out`], with what earlier documents of the run left in `reuse`.
    pub fn lay_out_reusing(
        &self,
        document: &Document,
        reuse: &Reuse,
    ) -> Result<PagedLayout, Diagnostics> {
        let mut warnings = self.warnings.clone();
        if let Some(recipient) = &document.recipient {
            warnings.extend(self.recipient_warnings(recipient));
        }
        match layout::layout(document, &self.theme, &reuse.typesetter) {
            Ok(mut layout) => {
                warnings.extend(layout.warnings);
                layout.warnings = warnings;
                Ok(layout)
            }
            Err(diagnostics) => {
                let mut all = diagnostics;
                all.extend(warnings);
                Err(all)
            }
        }
    }

    /// Warnings for characters of the reader's details that the font lacks: these come
    /// from the command line or a roster, which the loader never saw.
    fn recipient_warnings(&self, recipient: &Recipient) -> Diagnostics {
        let coverage = Coverage::of_chars(self.fonts.font(FaceId::Regular).chars().clone());
        let fields = [
            ("the reader's name", &recipient.name),
            ("the clinician's name", &recipient.clinician),
            ("the note", &recipient.note),
        ];
        let mut warnings = Diagnostics::default();
        for (what, text) in fields {
            let missing = text.as_deref().and_then(|t| coverage.missing(t));
            if let Some(missing) = missing {
                let (message, hint) = missing.explain();
                warnings.push(Diagnostic::warning(format!("{what}: {message}")).hint(hint));
            }
        }
        warnings
    }

    /// Lays out and renders `document`; the PDF's date is `timestamp`, else the review date.
    pub fn build(&self, document: &Document, timestamp: Option<i64>) -> Result<Built, BuildError> {
        self.build_reusing(document, timestamp, &self.reuse())
    }

    /// [`Prepared::build`], with what earlier documents of the run left in `reuse`.
    pub fn build_reusing(
        &self,
        document: &Document,
        timestamp: Option<i64>,
        reuse: &Reuse,
    ) -> Result<Built, BuildError> {
        let layout = self
            .lay_out_reusing(document, reuse)
            .map_err(BuildError::Content)?;
        let timestamp = timestamp.or_else(|| layout.info.date.map(calendar::midnight));
        let options = PdfOptions { timestamp };
        let pdf = render::pdf(
            &layout,
            &self.fonts,
            &options,
            &self.pictures,
            &reuse.rendered,
        )
        .map_err(|error| match error {
            // A picture whose data turns out damaged when it is decoded for the PDF is the
            // content's problem, as one found when it was loaded.
            RenderError::Image(image) => BuildError::Content(
                Diagnostic::error(image.to_string())
                    .in_file(&image.path)
                    .hint("the file may be damaged; export or download it again")
                    .into(),
            ),
            other => BuildError::Render(other),
        })?;
        Ok(Built {
            pdf,
            pages: layout.pages.len(),
            warnings: layout.warnings,
        })
    }
}
