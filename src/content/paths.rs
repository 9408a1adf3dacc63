//! The workspace root and how paths written in content files resolve against it.
//!
//! Paths resolve like Typst's: `"/images/x.png"` starts at the workspace root, `"x.png"` at the
//! folder of the TOML file that names it. Nothing outside the root may be read, whether it is
//! reached through `..` or through a symbolic link.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::suggest;

/// The nearest ancestor of the handout file that holds a `content/` folder.
pub fn workspace_root(handout: &Path) -> Option<PathBuf> {
    let file = handout.canonicalize().ok()?;
    file.ancestors()
        .skip(1)
        .find(|dir| dir.join("content").is_dir())
        .map(Path::to_path_buf)
}

/// Whether `path` names a content file: a `.toml` file that is neither hidden nor what an
/// editor keeps beside a file it edits: a lock (`.#x.toml`), a backup (`x.toml~`), a swap
/// file (`.x.toml.swp`) or an autosave (`#x.toml#`).
pub fn is_content_file(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let name = name.to_string_lossy();
    name.ends_with(".toml") && !name.starts_with(['.', '#'])
}

/// The folder of handouts a folder given on the command line stands for: a workspace's
/// `content/handouts`, the `handouts` of a `content` folder, or the folder itself; refused,
/// with the reason, when it is the exercise library.
pub fn handouts_in(folder: &Path, root: Option<&Path>) -> Result<PathBuf, String> {
    let handouts = folder.join("content/handouts");
    if handouts.is_dir() {
        return Ok(handouts);
    }
    let in_content = folder.join("handouts");
    let is_content = folder
        .canonicalize()
        .ok()
        .is_some_and(|f| f.ends_with("content"));
    if is_content && in_content.is_dir() {
        return Ok(in_content);
    }
    let library = library_of(folder, root);
    if library.is_some_and(|library| same_file(folder, &library)) {
        return Err(format!(
            "{} holds the exercise library; handouts live in content/handouts",
            folder.display()
        ));
    }
    Ok(folder.to_path_buf())
}

/// Why the file `path`, given as a handout, is not one, when it is the brand file or an
/// exercise of the library.
pub fn not_a_handout(path: &Path, root: Option<&Path>) -> Option<String> {
    let root = root
        .map(Path::to_path_buf)
        .or_else(|| workspace_root(path))?;
    let content = root.join("content");
    let what = if same_file(path, &content.join("brand.toml")) {
        "the brand file"
    } else if path
        .parent()
        .is_some_and(|folder| same_file(folder, &content.join("exercises")))
    {
        "an exercise file"
    } else {
        return None;
    };
    Some(format!(
        "{} is {what}; handouts live in content/handouts",
        path.display()
    ))
}

/// The exercise library of the workspace around `folder`.
fn library_of(folder: &Path, root: Option<&Path>) -> Option<PathBuf> {
    let root = match root {
        Some(root) => root.to_path_buf(),
        None => folder
            .canonicalize()
            .ok()?
            .ancestors()
            .find(|dir| dir.join("content").is_dir())?
            .to_path_buf(),
    };
    Some(root.join("content/exercises"))
}

/// Whether `a` and `b` name the same existing file or folder.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The folder everything a handout reads must come from.
#[derive(Debug)]
pub(crate) struct Workspace {
    /// The root as given or found; content files are named from it in diagnostics.
    root: PathBuf,
    /// The root with every symbolic link resolved, for the containment check.
    canonical: PathBuf,
}

/// Why a written path can't be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathError {
    Outside,
    OutsideThroughLink,
    NotFound {
        suggestion: Option<String>,
    },
    Folder,
    /// A device, pipe or socket, which could block or never end.
    Special,
    Unreadable(String),
}

impl Workspace {
    pub fn new(root: PathBuf) -> io::Result<Self> {
        let canonical = root.canonicalize()?;
        if !canonical.is_dir() {
            return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
        }
        Ok(Workspace { root, canonical })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `relative` inside the root's `content/` folder.
    pub fn content(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.root.join("content").join(relative)
    }

    /// The file `written` names, from a TOML file at `naming_file`: its canonical path.
    pub fn resolve(&self, naming_file: &Path, written: &str) -> Result<PathBuf, PathError> {
        let (base, relative) = match written.strip_prefix('/') {
            Some(rest) => (self.canonical.clone(), rest.trim_start_matches('/')),
            None => {
                let folder = folder_of(naming_file)
                    .canonicalize()
                    .map_err(|e| PathError::Unreadable(e.to_string()))?;
                (folder, written)
            }
        };
        let joined = normalize(&base.join(relative)).ok_or(PathError::Outside)?;
        if !joined.starts_with(&self.canonical) {
            return Err(PathError::Outside);
        }
        let canonical = match joined.canonicalize() {
            Ok(canonical) => canonical,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(PathError::NotFound {
                    suggestion: similar_name(&joined, written),
                })
            }
            Err(e) => return Err(PathError::Unreadable(e.to_string())),
        };
        if !canonical.starts_with(&self.canonical) {
            return Err(PathError::OutsideThroughLink);
        }
        match fs::metadata(&canonical) {
            Ok(m) if m.is_file() => Ok(canonical),
            Ok(m) if m.is_dir() => Err(PathError::Folder),
            Ok(_) => Err(PathError::Special),
            Err(e) => Err(PathError::Unreadable(e.to_string())),
        }
    }
}

impl PathError {
    /// The message and hint for this error about the path `written` in `naming_file`.
    pub fn explain(&self, written: &str, naming_file: &Path, root: &Path) -> (String, String) {
        match self {
            PathError::Outside => (
                format!("`{written}` is outside the workspace"),
                format!(
                    "files must be inside the workspace {}; a path starting with / starts there",
                    root.display()
                ),
            ),
            PathError::OutsideThroughLink => (
                format!("`{written}` leads outside the workspace through a symbolic link"),
                "copy the file into the workspace instead of linking to it".into(),
            ),
            PathError::NotFound {
                suggestion: Some(suggestion),
            } => (
                format!("file `{written}` not found"),
                format!("did you mean \"{suggestion}\"?"),
            ),
            PathError::NotFound { suggestion: None } => {
                let folder = folder_of(naming_file);
                (
                    format!("file `{written}` not found"),
                    format!(
                        "a path starting with / starts at the workspace {}; any other path \
                         starts at the folder of this file, {}",
                        root.display(),
                        folder.display()
                    ),
                )
            }
            PathError::Folder => (
                format!("`{written}` is a folder, not a file"),
                "name the file inside it".into(),
            ),
            PathError::Special => (
                format!("`{written}` is not a regular file"),
                "name a picture or font file".into(),
            ),
            PathError::Unreadable(reason) => (
                format!("cannot read `{written}`: {reason}"),
                "check that the file can be opened".into(),
            ),
        }
    }
}

/// The folder a file is in; for a bare file name such as `rel.toml`, whose parent is empty,
/// the current folder, written out in full so that a hint can name it.
fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    }
}

/// `path` with `.` and `..` taken out by name alone; `None` when `..` climbs above the top.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !normal.pop() {
                    return None;
                }
            }
            other => normal.push(other),
        }
    }
    Some(normal)
}

/// `written` with its last part replaced by the most alike name in the same folder.
fn similar_name(missing: &Path, written: &str) -> Option<String> {
    let wanted = missing.file_name()?.to_str()?;
    let mut names: Vec<String> = fs::read_dir(missing.parent()?)
        .ok()?
        .filter_map(|entry| entry.ok()?.file_name().to_str().map(str::to_string))
        .collect();
    // The folder's own order differs between file systems; sorted, a tie always goes the
    // same way.
    names.sort_unstable();
    let found = names
        .iter()
        .find(|name| name.eq_ignore_ascii_case(wanted))
        .map(String::as_str)
        .or_else(|| suggest::closest(wanted, names.iter().map(String::as_str)))?;
    let folder = written.rsplit_once('/').map_or("", |(folder, _)| folder);
    Some(if folder.is_empty() && !written.starts_with('/') {
        found.to_string()
    } else {
        format!("{folder}/{found}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["content/handouts", "images"] {
            fs::create_dir_all(dir.path().join(folder)).unwrap();
        }
        fs::write(dir.path().join("images/Knee.png"), b"x").unwrap();
        fs::write(dir.path().join("content/handouts/near.png"), b"x").unwrap();
        let workspace = Workspace::new(dir.path().to_path_buf()).unwrap();
        (dir, workspace)
    }

    #[test]
    fn editor_locks_backups_and_hidden_files_are_not_content() {
        for skipped in [
            ".#knee.toml",
            "knee.toml~",
            ".knee.toml.swp",
            "#knee.toml#",
            ".hidden.toml",
            "knee.md",
        ] {
            assert!(!is_content_file(Path::new(skipped)), "{skipped}");
        }
        assert!(is_content_file(Path::new("content/handouts/knee.toml")));
    }

    #[test]
    fn finds_the_nearest_folder_holding_content() {
        let (dir, _) = workspace();
        let handout = dir.path().join("content/handouts/knee.toml");
        fs::write(&handout, "").unwrap();
        assert_eq!(
            workspace_root(&handout),
            Some(dir.path().canonicalize().unwrap())
        );
    }

    #[test]
    fn resolves_from_the_root_or_the_naming_file() {
        let (dir, ws) = workspace();
        let handout = dir.path().join("content/handouts/knee.toml");
        let root = dir.path().canonicalize().unwrap();
        assert_eq!(
            ws.resolve(&handout, "/images/Knee.png"),
            Ok(root.join("images/Knee.png"))
        );
        assert_eq!(
            ws.resolve(&handout, "near.png"),
            Ok(root.join("content/handouts/near.png"))
        );
        assert_eq!(
            ws.resolve(&handout, "../../images/Knee.png"),
            Ok(root.join("images/Knee.png"))
        );
    }

    #[test]
    fn refuses_paths_outside_the_root() {
        let (dir, ws) = workspace();
        let handout = dir.path().join("content/handouts/knee.toml");
        assert_eq!(
            ws.resolve(&handout, "../../../secret.png"),
            Err(PathError::Outside)
        );
        assert_eq!(
            ws.resolve(&handout, "/../../../../../../etc/passwd"),
            Err(PathError::Outside)
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_symbolic_link_that_leads_outside() {
        let (dir, ws) = workspace();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.png"), b"x").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.png"),
            dir.path().join("images/link.png"),
        )
        .unwrap();
        let handout = dir.path().join("content/handouts/knee.toml");
        assert_eq!(
            ws.resolve(&handout, "/images/link.png"),
            Err(PathError::OutsideThroughLink)
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_pipe_that_could_block_reading() {
        let (dir, ws) = workspace();
        let pipe = dir.path().join("images/pipe.png");
        let path = std::ffi::CString::new(pipe.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: `path` is a NUL-terminated string that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
        let handout = dir.path().join("content/handouts/knee.toml");
        assert_eq!(
            ws.resolve(&handout, "/images/pipe.png"),
            Err(PathError::Special)
        );
    }

    #[test]
    fn suggests_a_name_that_differs_only_in_case() {
        let (dir, ws) = workspace();
        let handout = dir.path().join("content/handouts/knee.toml");
        assert_eq!(
            ws.resolve(&handout, "/images/knee.png"),
            Err(PathError::NotFound {
                suggestion: Some("/images/Knee.png".into())
            })
        );
        assert_eq!(ws.resolve(&handout, "/images"), Err(PathError::Folder));
    }

    #[test]
    fn a_tie_between_suggestions_goes_the_same_way_on_every_file_system() {
        let (dir, ws) = workspace();
        // Equally alike to the missing name, and written in an order that is not sorted.
        for n in [7, 3, 9, 1, 5, 0, 8, 2, 6, 4] {
            fs::write(dir.path().join(format!("images/pic{n}.png")), b"x").unwrap();
        }
        for name in ["PIC.png", "Pic.png", "pic.PNG"] {
            fs::write(dir.path().join("content/handouts").join(name), b"x").unwrap();
        }
        let handout = dir.path().join("content/handouts/knee.toml");
        assert_eq!(
            ws.resolve(&handout, "/images/pic.png"),
            Err(PathError::NotFound {
                suggestion: Some("/images/pic0.png".into())
            })
        );
        assert_eq!(
            ws.resolve(&handout, "pic.png"),
            Err(PathError::NotFound {
                suggestion: Some("PIC.png".into())
            })
        );
    }

    /// `cd content/handouts && handout check rel.toml`: the naming file is a bare name,
    /// whose parent is the empty path. Tests run in the crate's folder, so `Cargo.toml` is one.
    #[test]
    fn resolves_from_a_naming_file_given_as_a_bare_name() {
        let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let ws = Workspace::new(crate_root.to_path_buf()).unwrap();
        let naming_file = Path::new("Cargo.toml");
        assert!(naming_file.is_file(), "tests run in the crate's folder");
        assert_eq!(
            ws.resolve(naming_file, "Cargo.lock"),
            Ok(crate_root.join("Cargo.lock").canonicalize().unwrap())
        );
        let missing = ws
            .resolve(naming_file, "zzzz-no-such-file.png")
            .unwrap_err();
        assert_eq!(missing, PathError::NotFound { suggestion: None });
        let (_, hint) = missing.explain("zzzz-no-such-file.png", naming_file, ws.root());
        let here = std::env::current_dir().unwrap();
        assert!(
            hint.ends_with(&format!(
                "starts at the folder of this file, {}",
                here.display()
            )),
            "{hint}"
        );
    }
}
