//! `handout new`: a commented starting file for a handout or a library exercise.

use std::path::{Path, PathBuf};

use super::args::NewKind;
use super::output::write_new;

const HANDOUT: &str = include_str!("templates/handout.toml");
const EXERCISE: &str = include_str!("templates/exercise.toml");

/// Writes the starting file under `root`; returns its path.
pub fn create(root: &Path, kind: NewKind, name: &str, today: &str) -> Result<PathBuf, String> {
    check_name(name)?;
    if !root.is_dir() {
        return Err(format!(
            "{} is not a folder; create it first, or name another with --root",
            root.display()
        ));
    }
    let (folder, template) = match kind {
        NewKind::Handout => ("content/handouts", HANDOUT),
        NewKind::Exercise => ("content/exercises", EXERCISE),
    };
    let path = root.join(folder).join(format!("{name}.toml"));
    let text = template
        .replace("{name}", name)
        .replace("{title}", &title_of(name))
        .replace("{today}", today);
    write_new(&path, text.as_bytes()).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            format!("{} already exists; choose another name", path.display())
        }
        _ => format!("cannot write {}: {e}", path.display()),
    })?;
    Ok(path)
}

/// Names become file names and exercise ids: lower-case words joined by hyphens.
fn check_name(name: &str) -> Result<(), String> {
    let valid = !name.is_empty()
        && name.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if valid {
        Ok(())
    } else {
        Err(format!("`{name}` is not a usable name; use lower-case words joined by hyphens, e.g. inner-knee-pain"))
    }
}

/// "inner-knee-pain" → "Inner knee pain".
fn title_of(name: &str) -> String {
    let words = name.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_hyphenated_lower_case_words() {
        assert!(check_name("split-squat-2").is_ok());
        for bad in ["", "Split", "split squat", "../x", "a--b", "-a"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(title_of("inner-knee-pain"), "Inner knee pain");
    }
}
