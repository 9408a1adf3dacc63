//! Exercises: taken from the library with `use = "id"` and overridden field by field, or
//! written in place.
//!
//! The library is `content/exercises/ID.toml`, one file per exercise. A field written beside
//! `use` replaces the library's whole value, lists and pictures included. Each library file is
//! read once per load however often it is used, and its problems point into it.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::rc::Rc;

use super::fields;
use super::loader::Loader;
use super::paths::PathError;
use super::source::SourceFile;
use super::suggest;
use super::toml_tree::{read_all, Outer, Table, Value};
use crate::model::{Dosage, DosageField, Exercise, Figure, Paragraph, Position, RichText};

/// The fields of an exercise, in a library file or in place.
pub(crate) const KEYS: &[&str] = &[
    "name",
    "purpose",
    "position",
    "equipment",
    "steps",
    "tips",
    "cautions",
    "video",
    "sets",
    "reps",
    "hold_seconds",
    "rest_seconds",
    "each_side",
    "times_per_day",
    "days_per_week",
    "image",
];
pub(crate) const IMAGE_KEYS: &[&str] = &["file", "caption", "alt"];
pub(crate) const POSITIONS: &[(&str, Position)] = &[
    ("lying", Position::Lying),
    ("sitting", Position::Sitting),
    ("kneeling", Position::Kneeling),
    ("standing", Position::Standing),
];
const IN_HANDOUT_IMAGE: Outer = Outer {
    keys: KEYS,
    move_above: "the first [[exercise.image]]",
};
const IN_LIBRARY_IMAGE: Outer = Outer {
    keys: KEYS,
    move_above: "the first [[image]]",
};
/// How many library ids a hint lists before saying how many more there are.
const IDS_LISTED: usize = 20;

/// The library files read so far in this load.
#[derive(Debug, Default)]
pub(crate) struct Library {
    /// The ids in the library, listed the first time an id is not found.
    ids: OnceCell<Vec<String>>,
    /// Each file read, by id; `None` when it had errors.
    read: RefCell<HashMap<String, Option<Rc<Fields>>>>,
}

/// An exercise's fields as one file wrote them; absent fields are `None`.
#[derive(Debug, Default)]
struct Fields {
    name: Option<String>,
    purpose: Option<RichText>,
    position: Option<Position>,
    equipment: Option<Vec<String>>,
    steps: Option<Vec<Paragraph>>,
    tips: Option<Vec<Paragraph>>,
    cautions: Option<Vec<Paragraph>>,
    video: Option<String>,
    sets: Option<u32>,
    reps: Option<u32>,
    hold_seconds: Option<u32>,
    rest_seconds: Option<u32>,
    each_side: Option<bool>,
    times_per_day: Option<u32>,
    days_per_week: Option<u32>,
    images: Option<Vec<Figure>>,
}

/// Reads one `[[exercise]]` of a handout.
pub(crate) fn read_in_handout(loader: &Loader, table: &Table, outer: &Outer) -> Option<Exercise> {
    let allowed: Vec<&str> = std::iter::once("use").chain(KEYS.iter().copied()).collect();
    table.check_keys(&allowed, Some(outer));
    let fields = Fields::read(loader, table, &IN_HANDOUT_IMAGE);
    match table.get("use") {
        Some(use_value) => {
            let id = use_value.str()?.trim();
            let base = from_library(loader, &use_value, id)?;
            fields.over(&base).into_exercise(Some(id.to_string()))
        }
        None => {
            let name = table.require("name", "name = \"Split squat\"");
            let steps = table.require("steps", "steps = [\"First step.\", \"Second step.\"]");
            name?;
            steps?;
            fields.into_exercise(None)
        }
    }
}

impl Fields {
    fn read(loader: &Loader, table: &Table, image_outer: &Outer) -> Fields {
        let number = |field: DosageField| {
            let range = field.range().expect("a count field");
            table.read(field.key(), |v| fields::whole_number(v, range))
        };
        Fields {
            name: table.read("name", fields::plain),
            purpose: table.read("purpose", fields::rich_text),
            position: table.read("position", |v| fields::choice(v, POSITIONS)),
            equipment: table.read("equipment", fields::plain_list),
            steps: table.read("steps", steps),
            tips: table.read("tips", fields::paragraphs),
            cautions: table.read("cautions", fields::paragraphs),
            video: table.read("video", fields::web_page),
            sets: number(DosageField::Sets),
            reps: number(DosageField::Reps),
            hold_seconds: number(DosageField::HoldSeconds),
            rest_seconds: number(DosageField::RestSeconds),
            each_side: table.read("each_side", Value::bool),
            times_per_day: number(DosageField::TimesPerDay),
            days_per_week: number(DosageField::DaysPerWeek),
            images: table.read("image", |v| figures(loader, v, image_outer)),
        }
    }

    /// These fields where given, `base`'s where not.
    fn over(self, base: &Fields) -> Fields {
        Fields {
            name: self.name.or_else(|| base.name.clone()),
            purpose: self.purpose.or_else(|| base.purpose.clone()),
            position: self.position.or(base.position),
            equipment: self.equipment.or_else(|| base.equipment.clone()),
            steps: self.steps.or_else(|| base.steps.clone()),
            tips: self.tips.or_else(|| base.tips.clone()),
            cautions: self.cautions.or_else(|| base.cautions.clone()),
            video: self.video.or_else(|| base.video.clone()),
            sets: self.sets.or(base.sets),
            reps: self.reps.or(base.reps),
            hold_seconds: self.hold_seconds.or(base.hold_seconds),
            rest_seconds: self.rest_seconds.or(base.rest_seconds),
            each_side: self.each_side.or(base.each_side),
            times_per_day: self.times_per_day.or(base.times_per_day),
            days_per_week: self.days_per_week.or(base.days_per_week),
            images: self.images.or_else(|| base.images.clone()),
        }
    }

    /// The exercise, once it has its required name and steps.
    fn into_exercise(self, id: Option<String>) -> Option<Exercise> {
        Some(Exercise {
            id,
            name: self.name?,
            purpose: self.purpose,
            position: self.position,
            equipment: self.equipment.unwrap_or_default(),
            steps: self.steps?,
            tips: self.tips.unwrap_or_default(),
            cautions: self.cautions.unwrap_or_default(),
            video: self.video,
            dosage: Dosage {
                sets: self.sets,
                reps: self.reps,
                hold_seconds: self.hold_seconds,
                rest_seconds: self.rest_seconds,
                each_side: self.each_side.unwrap_or(false),
                times_per_day: self.times_per_day,
                days_per_week: self.days_per_week,
            },
            images: self.images.unwrap_or_default(),
        })
    }
}

/// Steps: one or more paragraphs.
fn steps(value: &Value) -> Option<Vec<Paragraph>> {
    let steps = fields::paragraphs(value)?;
    if steps.is_empty() {
        let hint = format!(
            "write at least one step, e.g. {} = [\"Lie on your back.\"]",
            value.name()
        );
        value.emit(
            value
                .error("expected at least one step, found an empty list")
                .hint(hint),
        );
        return None;
    }
    Some(steps)
}

/// The `[[image]]` tables of an exercise; `None` when any of them is wrong.
fn figures(loader: &Loader, value: &Value, outer: &Outer) -> Option<Vec<Figure>> {
    read_all(&value.tables()?, |table| figure(loader, table, outer))
}

fn figure(loader: &Loader, table: &Table, outer: &Outer) -> Option<Figure> {
    table.check_keys(IMAGE_KEYS, Some(outer));
    let picture = table
        .require("file", "file = \"/images/exercises/start.png\"")
        .and_then(|v| loader.picture(&v));
    let caption = table.read("caption", fields::plain);
    let alt = table
        .require(
            "alt",
            "alt = \"What the picture shows, for readers who can't see it\"",
        )
        .and_then(|v| fields::plain(&v));
    Some(Figure {
        picture: picture?,
        caption,
        alt: alt?,
    })
}

/// The library exercise `id`, written as `use_value`, read on first use.
fn from_library(loader: &Loader, use_value: &Value, id: &str) -> Option<Rc<Fields>> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
    {
        let message = format!("\"{id}\" is not an exercise id");
        let hint = "an id is the name of a file in content/exercises/ without .toml, e.g. use = \"split-squat\"";
        use_value.emit(use_value.error(message).hint(hint));
        return None;
    }
    if let Some(known) = loader.library.read.borrow().get(id) {
        return known.clone();
    }
    let relative = format!("exercises/{id}.toml");
    let naming_file = use_value.cx().path();
    match loader
        .workspace
        .resolve(naming_file, &format!("/content/{relative}"))
    {
        Ok(_) => {}
        Err(PathError::NotFound { .. }) => {
            let message = format!("unknown exercise \"{id}\": there is no content/{relative}");
            use_value.emit(use_value.error(message).hint(unknown_id_hint(loader, id)));
            return None;
        }
        Err(error) => {
            let written = format!("/content/{relative}");
            let (message, hint) = error.explain(&written, naming_file, loader.workspace.root());
            use_value.emit(use_value.error(message).hint(hint));
            return None;
        }
    }
    let fields = read_library_file(loader, &loader.workspace.content(&relative)).map(Rc::new);
    loader
        .library
        .read
        .borrow_mut()
        .insert(id.to_string(), fields.clone());
    fields
}

fn unknown_id_hint(loader: &Loader, id: &str) -> String {
    let ids = loader.library.ids.get_or_init(|| library_ids(loader));
    if ids.is_empty() {
        return format!(
            "the library {} has no exercises yet; add {id}.toml there, or write the exercise \
             in place with name and steps",
            loader.workspace.content("exercises").display()
        );
    }
    let listed: Vec<&str> = ids.iter().take(IDS_LISTED).map(String::as_str).collect();
    let more = ids.len() - listed.len();
    let mut hint = String::new();
    if let Some(close) = suggest::closest(id, ids.iter().map(String::as_str)) {
        hint = format!("did you mean \"{close}\"? ");
    }
    hint.push_str(&format!("The library has {}", listed.join(", ")));
    if more > 0 {
        hint.push_str(&format!(" and {more} more"));
    }
    hint
}

/// The ids of the library's exercise files, sorted.
fn library_ids(loader: &Loader) -> Vec<String> {
    let Ok(entries) = fs::read_dir(loader.workspace.content("exercises")) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .filter_map(|entry| {
            let name = entry.ok()?.file_name();
            name.to_str()?.strip_suffix(".toml").map(str::to_string)
        })
        .collect();
    ids.sort_unstable();
    ids
}

fn read_library_file(loader: &Loader, path: &Path) -> Option<Fields> {
    let what = "an exercise needs at least name = \"…\" and steps = [\"…\"]";
    let source = SourceFile::read(path, what, loader.report)?;
    let tree = source.parse(loader.report)?;
    let cx = loader.file_cx(&source);
    let table = Table::root(&cx, &tree);
    table.check_keys(KEYS, None);
    let name = table.require("name", "name = \"Split squat\"");
    let steps = table.require("steps", "steps = [\"First step.\", \"Second step.\"]");
    let fields = Fields::read(loader, &table, &IN_LIBRARY_IMAGE);
    name?;
    steps?;
    (fields.name.is_some() && fields.steps.is_some()).then_some(fields)
}
