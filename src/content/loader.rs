//! What one call to `load` shares: the workspace, the report and the caches.

use std::cell::OnceCell;
use std::path::PathBuf;
use std::sync::Arc;

use super::coverage::Coverage;
use super::file::Value;
use super::paths::Workspace;
use super::pictures::Pictures;
use super::report::Report;
use crate::model::Picture;

pub(crate) struct Loader<'a> {
    pub report: &'a Report,
    pub workspace: Workspace,
    pub pictures: Pictures,
    /// Set once the brand's fonts are known.
    pub coverage: OnceCell<Coverage>,
}

impl<'a> Loader<'a> {
    pub fn new(report: &'a Report, workspace: Workspace) -> Self {
        Loader {
            report,
            workspace,
            pictures: Pictures::default(),
            coverage: OnceCell::new(),
        }
    }

    /// The file a path value names, resolved and checked to be inside the workspace.
    ///
    /// Returns the canonical path and the path as written.
    pub fn resolve<'w>(&self, value: &Value, written: &'w str) -> Option<(PathBuf, &'w str)> {
        let written = written.trim();
        if written.is_empty() {
            let hint = format!(
                "write the path of a file, e.g. {} = \"/images/knee.png\"",
                value.name()
            );
            value.emit(value.error("the path is empty").hint(hint));
            return None;
        }
        let naming_file = value.cx().path();
        match self.workspace.resolve(naming_file, written) {
            Ok(path) => Some((path, written)),
            Err(error) => {
                let (message, hint) = error.explain(written, naming_file, self.workspace.root());
                value.emit(value.error(message).hint(hint));
                None
            }
        }
    }

    /// The PNG or JPEG picture a path value names, read, checked and made ready once per load.
    pub fn picture(&self, value: &Value, written: &str) -> Option<Arc<Picture>> {
        let (path, written) = self.resolve(value, written)?;
        match self.pictures.get(&path) {
            Ok(picture) => Some(picture),
            Err(error) => {
                let (message, hint) = error.explain(written);
                value.emit(value.error(message).hint(hint));
                None
            }
        }
    }
}
