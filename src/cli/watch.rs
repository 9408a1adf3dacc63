//! `handout watch`: build, then build again whatever a saved file changes, until Ctrl-C or
//! SIGTERM.
//!
//! A handout is built again when a file it read changes: itself, the brand, a library
//! exercise it uses, a picture or a font. One whose last load failed is built again when any
//! content file or picture changes, since what it will read is not known. A failed build
//! leaves the last good PDF where it is, as `build` does.
//!
//! The watcher also reports files being opened, as a build opens them; a file counts as
//! changed only when it was modified (or removed) since the build that read it began.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult};

use super::args::{Inputs, WatchArgs};
use super::report::{shown_path, Reporter};
use super::{
    check_workspaces, find_handouts, handouts_and_options, out_folder, output, usage_error,
    write_editions, Outcome,
};
use handout::content::{is_content_file, workspace_root};
use handout::model::Edition;
use handout::{BuildError, BuildOptions, Prepared};

/// How long the files must be quiet after a change before building: an editor's save is
/// often several writes and a rename.
const QUIET: Duration = Duration::from_millis(150);

/// What wakes the watch up.
enum Event {
    /// Files created, changed or removed.
    Changed(Vec<PathBuf>),
    /// The watcher could not follow the files.
    Failed(String),
    /// Ctrl-C, SIGTERM or SIGHUP.
    Stop,
}

/// One handout being watched.
struct Watched {
    handout: PathBuf,
    /// Where its PDFs go.
    folder: PathBuf,
    /// The files its last load read, canonical; `None` when it failed to load.
    reads: Option<BTreeSet<PathBuf>>,
    /// When its last build began: the files it read were as they were then.
    built: SystemTime,
    /// Whether its PDF has been opened in the viewer.
    opened: bool,
}

pub fn run(args: WatchArgs) -> Outcome {
    let (options, handouts) = match handouts_and_options(&args.inputs, &args.recipient) {
        Ok(read) => read,
        Err(message) => return usage_error(&message),
    };
    let editions = args.inputs.editions();
    let out = args.out.as_deref();
    let mut watched = Vec::new();
    for handout in handouts {
        match watch_for(handout, out, &options) {
            Ok(entry) => watched.push(entry),
            Err(message) => return usage_error(&message),
        }
    }

    let (events, received) = mpsc::channel();
    let stop = events.clone();
    if let Err(error) = ctrlc::set_handler(move || {
        let _ = stop.send(Event::Stop);
    }) {
        return usage_error(&format!("cannot stop cleanly on Ctrl-C: {error}"));
    }
    let mut debouncer = match new_debouncer(QUIET, move |result: DebounceEventResult| {
        let event = match result {
            Ok(changes) => Event::Changed(changes.into_iter().map(|c| c.path).collect()),
            Err(error) => Event::Failed(error.to_string()),
        };
        let _ = events.send(event);
    }) {
        Ok(debouncer) => debouncer,
        Err(error) => return usage_error(&format!("cannot watch for changes: {error}")),
    };
    let folders = folders_to_watch(&watched, &options);
    for folder in &folders {
        if let Err(error) = debouncer.watcher().watch(folder, RecursiveMode::Recursive) {
            return usage_error(&format!("cannot watch {}: {error}", folder.display()));
        }
    }

    let all: Vec<usize> = (0..watched.len()).collect();
    rebuild(&mut watched, &all, &options, &editions, args.open);
    let shown: Vec<String> = folders.iter().map(|f| shown_path(f)).collect();
    say!(
        "watching {} for changes; press Ctrl-C to stop",
        shown.join(", ")
    );
    let outs: BTreeSet<PathBuf> = watched
        .iter()
        .filter_map(|w| w.folder.canonicalize().ok())
        .collect();
    for event in received {
        match event {
            Event::Stop => break,
            Event::Failed(message) => complain!("warning: watching for changes: {message}"),
            Event::Changed(paths) => {
                let changed: Vec<PathBuf> = paths
                    .into_iter()
                    .filter(|path| !outs.iter().any(|out| path.starts_with(out)))
                    .filter(|path| is_watched_kind(path))
                    .collect();
                if changed.iter().any(|path| is_content_file(path)) {
                    add_new_handouts(&mut watched, &args.inputs, out, &options);
                }
                let affected = affected(&watched, &changed);
                if !affected.is_empty() {
                    rebuild(&mut watched, &affected, &options, &editions, args.open);
                }
            }
        }
    }
    Outcome::Success
}

/// A handout to watch, its PDF going to the folder `out` names or its workspace's out/.
fn watch_for(
    handout: PathBuf,
    out: Option<&Path>,
    options: &BuildOptions,
) -> Result<Watched, String> {
    let folder = out_folder(out, &handout, options);
    output::ready_folder(&folder)?;
    Ok(Watched {
        folder,
        handout,
        reads: None,
        // Never built: any change builds it.
        built: SystemTime::UNIX_EPOCH,
        opened: false,
    })
}

/// Watches the handouts written since the watch began (`handout new handout` in another
/// window), among those the command line names; they are built with the next change.
fn add_new_handouts(
    watched: &mut Vec<Watched>,
    inputs: &Inputs,
    out: Option<&Path>,
    options: &BuildOptions,
) {
    let Ok(handouts) = find_handouts(inputs) else {
        return;
    };
    if let Err(message) = output::check_names_unique(&handouts, &inputs.editions()) {
        complain!("error: {message}");
        return;
    }
    for handout in handouts {
        if watched.iter().all(|entry| entry.handout != handout) {
            match watch_for(handout, out, options) {
                Ok(entry) => watched.push(entry),
                Err(message) => complain!("error: {message}"),
            }
        }
    }
}

/// Builds the handouts at `indices` of `watched` in each of `editions`, reporting as `build`
/// does, and notes what each read.
fn rebuild(
    watched: &mut [Watched],
    indices: &[usize],
    options: &BuildOptions,
    editions: &[Edition],
    open: bool,
) {
    // Each round reads the files afresh and says every problem again.
    let mut reporter = Reporter::default();
    let handouts: Vec<PathBuf> = indices
        .iter()
        .map(|&i| watched[i].handout.clone())
        .collect();
    check_workspaces(&handouts, options, &mut reporter);
    for &i in indices {
        let entry = &mut watched[i];
        entry.built = SystemTime::now();
        let prepared = handout::prepare(&entry.handout, options);
        entry.reads = prepared
            .as_ref()
            .ok()
            .map(|prepared| reads(&entry.handout, prepared, options));
        let built = prepared.map_err(BuildError::Content).map(|prepared| {
            editions
                .iter()
                .map(|&edition| prepared.build(&prepared.document, edition, options.timestamp))
                .collect()
        });
        let targets: Vec<PathBuf> = editions
            .iter()
            .map(|&edition| output::pdf_path(&entry.folder, &entry.handout, edition))
            .collect();
        let outcome = write_editions(
            &entry.handout,
            targets.iter().cloned(),
            built,
            &mut reporter,
        );
        if open && !entry.opened && outcome == Outcome::Success {
            entry.opened = true;
            if let Err(error) = open::that_detached(&targets[0]) {
                complain!(
                    "warning: cannot open {} in a viewer: {error}; open it yourself",
                    shown_path(&targets[0])
                );
            }
        }
    }
}

/// The files a handout's load read: the handout, the brand, the library exercises it uses,
/// its pictures and its fonts, each canonical.
fn reads(handout: &Path, prepared: &Prepared, options: &BuildOptions) -> BTreeSet<PathBuf> {
    let document = &prepared.document;
    let root = options
        .load
        .root
        .clone()
        .or_else(|| workspace_root(handout));
    let mut files = vec![handout.to_path_buf()];
    if let Some(root) = &root {
        let brand = options
            .load
            .brand
            .clone()
            .unwrap_or_else(|| root.join("content/brand.toml"));
        files.push(brand);
        for id in document.exercises.iter().filter_map(|e| e.id.as_ref()) {
            files.push(root.join("content/exercises").join(format!("{id}.toml")));
        }
    }
    let brand = &document.brand;
    files.extend(brand.logo.iter().map(|logo| logo.path.clone()));
    let fonts = &brand.fonts;
    for face in [
        &fonts.regular,
        &fonts.bold,
        &fonts.italic,
        &fonts.bold_italic,
    ] {
        files.extend(face.iter().map(|font| font.path.clone()));
    }
    for exercise in &document.exercises {
        files.extend(exercise.images.iter().map(|f| f.picture.path.clone()));
    }
    files
        .into_iter()
        .filter_map(|file| file.canonicalize().ok())
        .collect()
}

/// The indices of the handouts a change of `changed` affects: those that read a file of
/// it that has been modified or removed since their build began.
fn affected(watched: &[Watched], changed: &[PathBuf]) -> Vec<usize> {
    (0..watched.len())
        .filter(|&i| {
            let entry = &watched[i];
            let handout = entry.handout.canonicalize().ok();
            changed.iter().any(|path| {
                let read = match &entry.reads {
                    Some(reads) => reads.contains(path) || handout.as_ref() == Some(path),
                    None => true,
                };
                read && modified_since(path, entry.built)
            })
        })
        .collect()
}

/// Whether the file at `path` was modified, or removed, at or after `time`.
fn modified_since(path: &Path, time: SystemTime) -> bool {
    match std::fs::metadata(path).and_then(|m| m.modified()) {
        Ok(modified) => modified >= time,
        Err(_) => true,
    }
}

/// Whether a change of `path` can matter to a build: a content file, a picture or a font,
/// and not a file an editor keeps beside one it edits.
fn is_watched_kind(path: &Path) -> bool {
    if is_content_file(path) {
        return true;
    }
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let kind = name.rsplit_once('.').map_or("", |(_, kind)| kind);
    !name.starts_with(['.', '#']) && matches!(kind, "png" | "jpg" | "jpeg" | "ttf" | "otf")
}

/// The folders whose files the handouts read: each workspace's content/, images/ and
/// fonts/, the brand file's folder, and any folder of a handout outside them; canonical, so
/// the changes reported name files as [`reads`] does.
fn folders_to_watch(watched: &[Watched], options: &BuildOptions) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    let mut add = |folder: &Path| {
        let Ok(folder) = folder.canonicalize() else {
            return;
        };
        if !folders.iter().any(|known| folder.starts_with(known)) {
            folders.retain(|known| !known.starts_with(&folder));
            folders.push(folder);
        }
    };
    for entry in watched {
        let root = options
            .load
            .root
            .clone()
            .or_else(|| workspace_root(&entry.handout));
        if let Some(root) = root {
            for part in ["content", "images", "fonts"] {
                add(&root.join(part));
            }
        }
        if let Some(folder) = entry.handout.parent() {
            add(folder);
        }
    }
    if let Some(folder) = options.load.brand.as_deref().and_then(Path::parent) {
        add(folder);
    }
    folders.sort();
    folders
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watched(handout: &Path, reads: Option<&[&Path]>, built: SystemTime) -> Watched {
        Watched {
            handout: handout.to_path_buf(),
            folder: PathBuf::from("out"),
            reads: reads.map(|files| files.iter().map(|f| f.to_path_buf()).collect()),
            built,
            opened: false,
        }
    }

    #[test]
    fn a_change_rebuilds_the_handouts_that_read_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let file = |name: &str| {
            let path = root.join(name);
            std::fs::write(&path, name).unwrap();
            path
        };
        let (brand, squat, bridge) = (file("brand.toml"), file("squat.toml"), file("bridge.toml"));
        let (knee, back, broken) = (file("knee.toml"), file("back.toml"), file("broken.toml"));
        let before = SystemTime::UNIX_EPOCH;
        let all = [
            watched(&knee, Some(&[&brand, &squat]), before),
            watched(&back, Some(&[&brand, &bridge]), before),
            watched(&broken, None, before),
        ];
        let changed = |file: &Path| affected(&all, &[file.to_path_buf()]);
        assert_eq!(
            changed(&squat),
            [0, 2],
            "the exercise's users, and a failed one"
        );
        assert_eq!(changed(&brand), [0, 1, 2], "the brand: all");
        assert_eq!(changed(&back), [1, 2], "a handout: itself");
        assert_eq!(affected(&all, &[]), Vec::<usize>::new());
        let later = SystemTime::now() + Duration::from_secs(60);
        let read_since = [watched(&knee, Some(&[&brand, &squat]), later)];
        assert_eq!(
            affected(&read_since, std::slice::from_ref(&squat)),
            Vec::<usize>::new(),
            "a file only opened since the build began is no change"
        );
        std::fs::remove_file(&squat).unwrap();
        assert_eq!(
            affected(&read_since, &[squat]),
            [0],
            "a removed file is one"
        );
    }

    #[test]
    fn editor_files_and_other_kinds_are_not_watched() {
        for ignored in [
            "/ws/content/.#knee.toml",
            "/ws/content/knee.toml~",
            "/ws/content/.knee.toml.swp",
            "/ws/content/4913",
            "/ws/images/.picture.png",
            "/ws/notes.txt",
        ] {
            assert!(!is_watched_kind(Path::new(ignored)), "{ignored}");
        }
        for watched in [
            "/ws/content/knee.toml",
            "/ws/images/Knee.JPG",
            "/ws/fonts/a.otf",
        ] {
            assert!(is_watched_kind(Path::new(watched)), "{watched}");
        }
    }
}
