//! handout: plain TOML content in, branded printable PDF handouts out.
//!
//! The pipeline runs one way, each stage handing the next an owned value:
//!
//! ```text
//! content/*.toml ──load──▶ Document ──layout──▶ PagedLayout ──render──▶ PDF bytes
//! ```
//!
//! [`content::load`] validates everything and reports every problem at once, and
//! [`content::personalize`] makes a copy for one recipient; [`layout::layout`] measures,
//! breaks and paginates; [`render::pdf`] only draws. [`build`] runs them for one handout.

pub(crate) mod big_endian;
pub mod calendar;
pub mod checks;
pub mod content;
pub mod diag;
pub mod geom;
pub mod layout;
pub mod locale;
pub mod memo;
pub mod model;
pub mod render;
pub mod roster;
pub mod text;
pub mod unicode;

use std::path::Path;
use std::sync::Arc;

use content::{Coverage, LoadOptions, Personalization, Personalizer};
use diag::{Diagnostic, Diagnostics};
use layout::PagedLayout;
use model::{Document, Edition};
use render::{PdfOptions, PictureStore, Renderer};
use text::{FaceId, FontBook, Shaper, Typesetter};

/// What a build needs besides the handout file.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub load: LoadOptions,
    /// Who the handout is for: "prepared for" details, printed on every page, and
    /// dosages changed for them.
    pub personalization: Personalization,
    /// What the handout is printed as.
    pub edition: Edition,
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
    Content(#[from] Diagnostics),
    /// Writing the PDF failed; not the content's fault.
    #[error(transparent)]
    Render(#[from] render::RenderError),
}

/// Loads, lays out and renders one handout, as the options' edition.
pub fn build(handout: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    let mut built = build_editions(handout, options, &[options.edition])?;
    built.remove(0)
}

/// Loads one handout once, then lays it out and renders it as each of `editions`, in
/// that order. A handout that does not load builds in none.
pub fn build_editions(
    handout: &Path,
    options: &BuildOptions,
    editions: &[Edition],
) -> Result<Vec<Result<Built, BuildError>>, BuildError> {
    let prepared = prepare(handout, options)?;
    Ok(std::thread::scope(|scope| {
        // The pictures are made into PDF objects on another core while this one lays out,
        // and the fonts are cut there while this one writes the pages.
        scope.spawn(|| prepared.pictures.make_all(&prepared.document));
        let reuse = prepared.reuse_with(Renderer::with_spare_core());
        editions
            .iter()
            .map(|&edition| reuse.build(&prepared.document, edition, options.timestamp))
            .collect()
    }))
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
    let layout = prepared.lay_out(&prepared.document, options.edition)?;
    Ok((layout, prepared.fonts))
}

/// One thread's share of a run over a prepared handout: the words it has shaped, the
/// paragraphs it has set and the fonts it has subset, kept from one document to the next.
/// It belongs to the [`Prepared`] it came from, so what it keeps always fits.
pub struct Reuse<'a> {
    prepared: &'a Prepared,
    typesetter: Typesetter<'a>,
    renderer: Renderer,
}

/// A handout loaded once, with its fonts, ready to lay out in any edition for any
/// number of recipients.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The handout, personalized as the options say.
    pub document: Document,
    /// Personalizes further copies of the document, for a roster's rows.
    pub personalizer: Personalizer,
    pub fonts: FontBook,
    /// The handout's pictures as PDF objects, made once for every document of a run.
    pub pictures: Arc<PictureStore>,
    /// What loading warned about.
    pub warnings: Diagnostics,
}

/// Loads a handout and everything it needs to be laid out.
pub fn prepare(handout: &Path, options: &BuildOptions) -> Result<Prepared, Diagnostics> {
    let loaded = content::load(handout, &options.load)?;
    let fonts = FontBook::from_brand(&loaded.document.brand.fonts)
        .map_err(|e| Diagnostic::error(e.to_string()).in_file(&loaded.document.source))?;
    let regular = fonts.font(FaceId::Regular).chars().clone();
    let personalizer = Personalizer::with_coverage(Coverage::of_chars(regular));
    let mut warnings = loaded.warnings;
    let personalized = personalizer
        .personalize(&loaded.document, &options.personalization)
        .map_err(|mut problems| {
            problems.extend(warnings.clone());
            problems
        })?;
    warnings.extend(personalized.warnings);
    Ok(Prepared {
        pictures: Arc::default(),
        document: personalized.document,
        personalizer,
        fonts,
        warnings,
    })
}

impl Prepared {
    /// What the documents of a run can reuse, on one thread: words already shaped,
    /// paragraphs already set and fonts already subset.
    pub fn reuse(&self) -> Reuse<'_> {
        self.reuse_with(Renderer::default())
    }

    fn reuse_with(&self, renderer: Renderer) -> Reuse<'_> {
        Reuse {
            prepared: self,
            typesetter: Typesetter::new(Shaper::new(&self.fonts)),
            renderer,
        }
    }

    /// Lays out `document` (this handout, perhaps for another recipient) as `edition`,
    /// with the loading warnings ahead of its own.
    pub fn lay_out(
        &self,
        document: &Document,
        edition: Edition,
    ) -> Result<PagedLayout, Diagnostics> {
        self.reuse().lay_out(document, edition)
    }

    /// Lays out and renders `document` as `edition`; the PDF's date is `timestamp`, else
    /// the review date.
    pub fn build(
        &self,
        document: &Document,
        edition: Edition,
        timestamp: Option<i64>,
    ) -> Result<Built, BuildError> {
        self.reuse().build(document, edition, timestamp)
    }
}

impl Reuse<'_> {
    /// [`Prepared::lay_out`], reusing what earlier documents of the run left here.
    pub fn lay_out(
        &self,
        document: &Document,
        edition: Edition,
    ) -> Result<PagedLayout, Diagnostics> {
        let prepared = self.prepared;
        let mut warnings = prepared.warnings.clone();
        match layout::layout(document, edition, &self.typesetter) {
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

    /// [`Prepared::build`], reusing what earlier documents of the run left here.
    pub fn build(
        &self,
        document: &Document,
        edition: Edition,
        timestamp: Option<i64>,
    ) -> Result<Built, BuildError> {
        let layout = self
            .lay_out(document, edition)
            .map_err(BuildError::Content)?;
        let timestamp = timestamp.or_else(|| layout.info.date.map(calendar::midnight));
        let options = PdfOptions { timestamp };
        let prepared = self.prepared;
        let pdf = render::pdf(
            &layout,
            &prepared.fonts,
            &options,
            &prepared.pictures,
            &self.renderer,
        )?;
        Ok(Built {
            pdf,
            pages: layout.pages.len(),
            warnings: layout.warnings,
        })
    }
}
