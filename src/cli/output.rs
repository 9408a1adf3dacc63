//! Where PDFs go, and writing them so a failed build never leaves half a file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use handout::model::Edition;

/// `DIR/NAME.pdf` for the handout file `NAME.toml` in the standard edition,
/// `DIR/NAME.large.pdf` in the large one, and so on.
pub fn pdf_path(out: &Path, handout: &Path, edition: Edition) -> PathBuf {
    let stem = handout
        .file_stem()
        .map_or_else(|| "handout".into(), |s| s.to_os_string());
    let mut name = stem;
    name.push(edition.file_suffix());
    name.push(".pdf");
    out.join(name)
}

/// Refuses two handouts that would write the same PDF in any of `editions`.
pub fn check_names_unique(handouts: &[PathBuf], editions: &[Edition]) -> Result<(), String> {
    let mut seen: BTreeMap<PathBuf, &Path> = BTreeMap::new();
    let names = handouts.iter().flat_map(|handout| {
        editions
            .iter()
            .map(move |&edition| (pdf_path(Path::new(""), handout, edition), handout))
    });
    for (name, handout) in names {
        if let Some(other) = seen.insert(name.clone(), handout) {
            return Err(format!(
                "{} and {} would both write {}; rename one of them",
                other.display(),
                handout.display(),
                name.display()
            ));
        }
    }
    Ok(())
}

/// Makes sure PDFs can be written into `folder` before anything is built: the folder, or
/// the nearest one above it that exists (the rest is made when the first PDF is written),
/// must be a folder that takes new files. Parts of PDFs that an interrupted build left
/// there are removed.
pub fn ready_folder(folder: &Path) -> Result<(), String> {
    let existing = folder
        .ancestors()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .find(|p| p.exists())
        .unwrap_or(Path::new("."));
    if !existing.is_dir() {
        let which = if existing == folder {
            String::new()
        } else {
            format!(" can't be made: {}", existing.display())
        };
        return Err(format!(
            "the output folder {}{which} is a file; choose another folder with -o",
            folder.display()
        ));
    }
    let probe = existing.join(format!("{PART_PREFIX}{}.probe", std::process::id()));
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .map_err(|e| {
            format!(
                "cannot write in the output folder {}: {e}",
                folder.display()
            )
        })?;
    let _ = std::fs::remove_file(&probe);
    remove_stale_parts(existing);
    Ok(())
}

const PART_PREFIX: &str = ".handout-";
const PART_SUFFIX: &str = ".pdf.part";

/// Removes parts of PDFs over a minute old: a build takes milliseconds, so these were left
/// by one that was killed, not by one still running.
fn remove_stale_parts(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_part = name.starts_with(PART_PREFIX) && name.ends_with(PART_SUFFIX);
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok());
        if is_part && age.is_some_and(|age| age.as_secs() > 60) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes the file's contents (what `write` writes) to a temporary file beside `target`,
/// then renames it into place: readers see the old file or the new one, never a part of
/// either, whenever the build stops.
///
/// The file is not flushed to the disk before the rename: that took longer than the rest
/// of writing a PDF (0.7 ms here, for each PDF of a roster), and guards only against the
/// machine losing power, after which a PDF, being built from the content, can be built
/// again.
pub fn write_atomically(
    target: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(PART_PREFIX)
        .suffix(PART_SUFFIX)
        .tempfile_in(dir)?;
    write(file.as_file_mut())?;
    readable_by_all(file.path(), target)?;
    file.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// Writes a file that must not exist yet, creating its folder.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)
}

/// Temporary files are private to their owner; a PDF gets the permissions of the one
/// it replaces, or the usual read-for-all.
fn readable_by_all(temporary: &Path, target: &Path) -> std::io::Result<()> {
    let permissions = match std::fs::metadata(target) {
        Ok(existing) => existing.permissions(),
        Err(_) => default_permissions(temporary)?,
    };
    std::fs::set_permissions(temporary, permissions)
}

#[cfg(unix)]
fn default_permissions(_: &Path) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(temporary: &Path) -> std::io::Result<std::fs::Permissions> {
    Ok(std::fs::metadata(temporary)?.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdfs_are_named_after_their_handout_files() {
        let handout = Path::new("content/handouts/inner-knee-pain.toml");
        let path = pdf_path(Path::new("out"), handout, Edition::Standard);
        assert_eq!(path, PathBuf::from("out/inner-knee-pain.pdf"));
        let path = pdf_path(Path::new("out"), handout, Edition::Large);
        assert_eq!(path, PathBuf::from("out/inner-knee-pain.large.pdf"));
    }

    #[test]
    fn two_handouts_with_one_name_are_refused() {
        let handouts = [PathBuf::from("a/knee.toml"), PathBuf::from("b/knee.toml")];
        let error = check_names_unique(&handouts, &[Edition::Standard]).unwrap_err();
        assert!(error.contains("would both write knee.pdf"), "{error}");
        assert!(check_names_unique(&handouts[..1], &Edition::all(2)).is_ok());
        // knee.large.toml's standard edition is knee.toml's large one.
        let handouts = [PathBuf::from("knee.toml"), PathBuf::from("knee.large.toml")];
        assert!(check_names_unique(&handouts, &[Edition::Standard]).is_ok());
        let error = check_names_unique(&handouts, &Edition::all(2)).unwrap_err();
        assert!(error.contains("would both write knee.large.pdf"), "{error}");
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/x.pdf");
        write_atomically(&target, |f| f.write_all(b"first")).unwrap();
        write_atomically(&target, |f| f.write_all(b"second")).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }
}
