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

use schemars::JsonSchema;
use serde::Deserialize;

use super::fields;
use super::file::{self, FileCx, Tabled, Value};
use super::kinds::{Choice, Text};
use super::loader::Loader;
use super::passage::Passage;
use super::paths::{is_content_file, PathError};
use super::personalize::slug;
use super::source::SourceFile;
use super::suggest;
use super::written::{Leaf, List, Table};
use crate::locale;
use crate::model::{Dosage, DosageField, Exercise, Figure, Paragraph, Position, RichText};

/// The lowest and highest number a dosage field takes, for the schema.
fn lowest(field: DosageField) -> u32 {
    field.range().map_or(0, |r| *r.start())
}

fn highest(field: DosageField) -> u32 {
    field.range().map_or(0, |r| *r.end())
}

/// The fields of an exercise, as a library file and a handout's `[[exercise]]` both write
/// them: each becomes a field of [`ExerciseFile`] and of [`HandoutExercise`], and of the
/// [`WrittenFields`] that reads either.
macro_rules! exercise_fields {
    ($($(#[$meta:meta])* $field:ident: $ty:ty,)*) => {
        /// content/exercises/ID.toml: an exercise of the library; ID is the file name without .toml.
        #[derive(Deserialize, JsonSchema)]
        #[schemars(rename = "exercise", extend("required" = ["name", "steps"]))]
        pub(crate) struct ExerciseFile {
            $($(#[$meta])* $field: $ty,)*
        }

        /// An exercise from the library by `use`, with any field given here replacing the
        /// library's; or written in place, with at least name and steps.
        #[derive(Deserialize, JsonSchema)]
        #[schemars(
            rename = "handout_exercise",
            extend("anyOf" = [{ "required": ["use"] }, { "required": ["name", "steps"] }])
        )]
        pub(crate) struct HandoutExercise {
            /// The id of an exercise in content/exercises/: its file name without .toml.
            #[serde(rename = "use")]
            #[schemars(length(min = 1))]
            library_id: Option<Leaf<String>>,
            $($(#[$meta])* $field: $ty,)*
        }

        /// The fields of one exercise as one file wrote them.
        struct WrittenFields<'a> {
            $($field: &'a $ty,)*
        }

        impl ExerciseFile {
            fn written(&self) -> WrittenFields<'_> {
                WrittenFields { $($field: &self.$field,)* }
            }
        }

        impl HandoutExercise {
            fn written(&self) -> WrittenFields<'_> {
                WrittenFields { $($field: &self.$field,)* }
            }
        }
    };
}

exercise_fields! {
    name: Option<Leaf<Text>>,
    /// What the exercise is for. Inline **bold**, *italic* and [links](https://example.org).
    purpose: Option<Leaf<Text>>,
    position: Option<Leaf<Choice<PositionChoice>>>,
    equipment: Option<List<Leaf<Text>>>,
    /// Printed numbered.
    #[schemars(length(min = 1))]
    steps: Option<List<Leaf<Text>>>,
    tips: Option<List<Leaf<Text>>>,
    cautions: Option<List<Leaf<Text>>>,
    /// A web address starting with https:// or http://, printed as a QR code and a link.
    #[schemars(regex(pattern = "^[Hh][Tt][Tt][Pp][Ss]?://"))]
    video: Option<Leaf<String>>,
    /// The one thing to keep in mind, e.g. "Squeeze your bottom and lift.": the sheet
    /// edition's line for the exercise, and its card's "Key point:".
    cue: Option<Leaf<Text>>,
    /// What to do when it feels easy, printed after "When it feels easy:".
    progression: Option<Leaf<Text>>,
    /// What to do instead if it hurts, printed "If it hurts".
    regression: Option<Leaf<Text>>,
    #[schemars(range(min = lowest(DosageField::Sets), max = highest(DosageField::Sets)))]
    sets: Option<Leaf<i64>>,
    #[schemars(range(min = lowest(DosageField::Reps), max = highest(DosageField::Reps)))]
    reps: Option<Leaf<i64>>,
    #[schemars(range(min = lowest(DosageField::HoldSeconds), max = highest(DosageField::HoldSeconds)))]
    hold_seconds: Option<Leaf<i64>>,
    #[schemars(range(min = lowest(DosageField::RestSeconds), max = highest(DosageField::RestSeconds)))]
    rest_seconds: Option<Leaf<i64>>,
    each_side: Option<Leaf<bool>>,
    #[schemars(range(min = lowest(DosageField::TimesPerDay), max = highest(DosageField::TimesPerDay)))]
    times_per_day: Option<Leaf<i64>>,
    #[schemars(range(min = lowest(DosageField::DaysPerWeek), max = highest(DosageField::DaysPerWeek)))]
    days_per_week: Option<Leaf<i64>>,
    /// Seconds one repetition takes, for the session's time. Default 3.
    #[schemars(range(min = lowest(DosageField::TempoSeconds), max = highest(DosageField::TempoSeconds)))]
    tempo_seconds: Option<Leaf<i64>>,
    /// Pictures; two print side by side.
    image: Option<List<Table<ImageTable>>>,
}

/// A picture of an exercise.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "image")]
struct ImageTable {
    /// A PNG or JPEG file: "/images/x.png" starts at the workspace, "x.png" at this file's folder.
    #[schemars(required, length(min = 1))]
    file: Option<Leaf<String>>,
    caption: Option<Leaf<Text>>,
    /// What the picture shows, for readers who cannot see it.
    #[schemars(required)]
    alt: Option<Leaf<Text>>,
}

/// The position an exercise is done in.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "position")]
pub(crate) enum PositionChoice {
    Lying,
    Sitting,
    Kneeling,
    Standing,
}

impl From<PositionChoice> for Position {
    fn from(position: PositionChoice) -> Position {
        match position {
            PositionChoice::Lying => Position::Lying,
            PositionChoice::Sitting => Position::Sitting,
            PositionChoice::Kneeling => Position::Kneeling,
            PositionChoice::Standing => Position::Standing,
        }
    }
}

/// How many library ids a hint lists before saying how many more there are.
const IDS_LISTED: usize = 20;

/// The library files read so far, each read once however often a handout uses it.
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
    cue: Option<Paragraph>,
    progression: Option<Paragraph>,
    regression: Option<Paragraph>,
    sets: Option<u32>,
    reps: Option<u32>,
    hold_seconds: Option<u32>,
    rest_seconds: Option<u32>,
    each_side: Option<bool>,
    times_per_day: Option<u32>,
    days_per_week: Option<u32>,
    tempo_seconds: Option<u32>,
    images: Option<Vec<Figure>>,
    texts: FieldTexts,
}

/// The texts of an exercise's fields as their files write them, field by field, for the
/// plain-language checks.
#[derive(Debug, Default, Clone)]
struct FieldTexts(Vec<(&'static str, Vec<Passage>)>);

impl FieldTexts {
    /// The texts of the fields a reader reads as the exercise: its name and what it says
    /// about doing it, not its equipment or its pictures.
    fn read<'a>(cx: &'a FileCx<'a>, written: &WrittenFields) -> FieldTexts {
        let leaves = [
            ("name", written.name),
            ("purpose", written.purpose),
            ("cue", written.cue),
            ("progression", written.progression),
            ("regression", written.regression),
        ];
        let lists = [
            ("steps", written.steps),
            ("tips", written.tips),
            ("cautions", written.cautions),
        ];
        // A field written empty (`tips = []`) is the handout's own, with no text: it
        // replaces the library's as its value does.
        let leaves = leaves
            .into_iter()
            .filter(|(_, leaf)| leaf.is_some())
            .map(|(field, leaf)| (field, Passage::of_leaf(cx, leaf).into_iter().collect()));
        let lists = lists
            .into_iter()
            .filter(|(_, list)| list.is_some())
            .map(|(field, list)| (field, Passage::of_list(cx, list)));
        FieldTexts(leaves.chain(lists).collect())
    }

    /// These texts, and `base`'s of the fields these do not have.
    fn over(mut self, base: &FieldTexts) -> FieldTexts {
        let missing: Vec<_> = base
            .0
            .iter()
            .filter(|(field, _)| !self.0.iter().any(|(own, _)| own == field))
            .cloned()
            .collect();
        self.0.extend(missing);
        self
    }

    fn passages(self) -> Vec<Passage> {
        self.0.into_iter().flat_map(|(_, texts)| texts).collect()
    }
}

/// An exercise as a handout gives it, and the texts of it to check.
pub(crate) struct ExerciseRead {
    pub exercise: Exercise,
    pub texts: Vec<Passage>,
}

/// Reads one `[[exercise]]` of a handout.
pub(crate) fn read_in_handout(
    loader: &Loader,
    library: &Library,
    cx: &FileCx,
    exercise: &Tabled<HandoutExercise>,
    language: &str,
) -> Option<ExerciseRead> {
    let written = exercise.fields;
    let fields = Fields::read(loader, cx, written.written());
    if written.library_id.is_some() {
        return cx.leaf(&written.library_id, |value, id| {
            let id = id.trim();
            let base = from_library(loader, library, value, id, language)?;
            fields.over(&base).into_exercise(Some(id.to_string()))
        });
    }
    let span = exercise.span.clone();
    let name = cx.require(
        &written.name,
        span.clone(),
        "name",
        "name = \"Split squat\"",
    );
    let example = "steps = [\"First step.\", \"Second step.\"]";
    let steps = cx.require(&written.steps, span, "steps", example);
    name?;
    steps?;
    fields.into_exercise(None)
}

impl Fields {
    fn read(loader: &Loader, cx: &FileCx, written: WrittenFields) -> Fields {
        let texts = FieldTexts::read(cx, &written);
        let number = |leaf: &Option<Leaf<i64>>, field: DosageField| {
            let range = field.range().expect("a count field");
            cx.leaf(leaf, |v, n| fields::whole_number(v, n, range))
        };
        Fields {
            name: cx.leaf(written.name, fields::plain),
            purpose: cx.leaf(written.purpose, fields::rich_text),
            position: cx.leaf(written.position, |_, Choice(p)| Some(p.into())),
            equipment: cx.items(written.equipment, fields::plain),
            steps: steps(cx, written.steps),
            tips: cx.items(written.tips, fields::paragraph),
            cautions: cx.items(written.cautions, fields::paragraph),
            video: cx.leaf(written.video, fields::web_page),
            cue: cx.leaf(written.cue, fields::paragraph),
            progression: cx.leaf(written.progression, fields::paragraph),
            regression: cx.leaf(written.regression, fields::paragraph),
            sets: number(written.sets, DosageField::Sets),
            reps: number(written.reps, DosageField::Reps),
            hold_seconds: number(written.hold_seconds, DosageField::HoldSeconds),
            rest_seconds: number(written.rest_seconds, DosageField::RestSeconds),
            each_side: cx.leaf(written.each_side, |_, flag| Some(flag)),
            times_per_day: number(written.times_per_day, DosageField::TimesPerDay),
            days_per_week: number(written.days_per_week, DosageField::DaysPerWeek),
            tempo_seconds: number(written.tempo_seconds, DosageField::TempoSeconds),
            images: figures(loader, cx, written.image),
            texts,
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
            cue: self.cue.or_else(|| base.cue.clone()),
            progression: self.progression.or_else(|| base.progression.clone()),
            regression: self.regression.or_else(|| base.regression.clone()),
            sets: self.sets.or(base.sets),
            reps: self.reps.or(base.reps),
            hold_seconds: self.hold_seconds.or(base.hold_seconds),
            rest_seconds: self.rest_seconds.or(base.rest_seconds),
            each_side: self.each_side.or(base.each_side),
            times_per_day: self.times_per_day.or(base.times_per_day),
            days_per_week: self.days_per_week.or(base.days_per_week),
            tempo_seconds: self.tempo_seconds.or(base.tempo_seconds),
            images: self.images.or_else(|| base.images.clone()),
            texts: self.texts.over(&base.texts),
        }
    }

    /// The exercise, once it has its required name and steps.
    fn into_exercise(self, id: Option<String>) -> Option<ExerciseRead> {
        let exercise = Exercise {
            id,
            name: self.name?,
            purpose: self.purpose,
            position: self.position,
            equipment: self.equipment.unwrap_or_default(),
            steps: self.steps?,
            tips: self.tips.unwrap_or_default(),
            cautions: self.cautions.unwrap_or_default(),
            video: self.video,
            cue: self.cue,
            progression: self.progression,
            regression: self.regression,
            dosage: Dosage {
                sets: self.sets,
                reps: self.reps,
                hold_seconds: self.hold_seconds,
                rest_seconds: self.rest_seconds,
                each_side: self.each_side.unwrap_or(false),
                times_per_day: self.times_per_day,
                days_per_week: self.days_per_week,
                tempo_seconds: self.tempo_seconds,
            },
            images: self.images.unwrap_or_default(),
            // Only a recipient's copy has one: see `personalize`.
            note: None,
        };
        Some(ExerciseRead {
            exercise,
            texts: self.texts.passages(),
        })
    }
}

/// Steps: one or more paragraphs.
fn steps(cx: &FileCx, list: &Option<List<Leaf<Text>>>) -> Option<Vec<Paragraph>> {
    let steps = cx.items(list, fields::paragraph)?;
    if steps.is_empty() {
        let value = cx.at(list.as_ref()?.span.clone());
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
fn figures(
    loader: &Loader,
    cx: &FileCx,
    list: &Option<List<Table<ImageTable>>>,
) -> Option<Vec<Figure>> {
    let tables = cx.tables(list)?;
    file::read_all(&tables, |image| figure(loader, cx, image))
}

fn figure(loader: &Loader, cx: &FileCx, image: &Tabled<ImageTable>) -> Option<Figure> {
    let table = image.fields;
    let span = image.span.clone();
    let example = "file = \"/images/exercises/start.png\"";
    let picture = cx
        .require(&table.file, span.clone(), "file", example)
        .and_then(|_| cx.leaf(&table.file, |v, path| loader.picture(v, &path)));
    let caption = cx.leaf(&table.caption, fields::plain);
    let example = "alt = \"What the picture shows, for readers who can't see it\"";
    let alt = cx
        .require(&table.alt, span, "alt", example)
        .and_then(|_| cx.leaf(&table.alt, fields::plain));
    Some(Figure {
        picture: picture?,
        caption,
        alt: alt?,
    })
}

/// The library exercise `id`, written as `use_value`, in `language` when the library has
/// it in that language (`ID.es.toml` for `es` and `es-MX`), read on first use.
fn from_library(
    loader: &Loader,
    library: &Library,
    use_value: &Value,
    id: &str,
    language: &str,
) -> Option<Rc<Fields>> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
    {
        let message = format!(
            "\"{id}\" is not an exercise id: an id is lower-case words joined by hyphens, \
             the name of a file in content/exercises/ without .toml"
        );
        let hint = id_hint(loader, library, id);
        use_value.emit(use_value.error(message).hint(hint));
        return None;
    }
    let name = file_name_in(loader, id, language);
    if let Some(known) = library.read.borrow().get(&name) {
        return known.clone();
    }
    let relative = format!("exercises/{name}.toml");
    let naming_file = use_value.cx().path();
    match loader
        .workspace
        .resolve(naming_file, &format!("/content/{relative}"))
    {
        Ok(_) => {}
        Err(PathError::NotFound { .. }) => {
            let message = format!("unknown exercise \"{id}\": there is no content/{relative}");
            let hint = unknown_id_hint(loader, library, id);
            use_value.emit(use_value.error(message).hint(hint));
            return None;
        }
        Err(error) => {
            let written = format!("/content/{relative}");
            let (message, hint) = error.explain(&written, naming_file, loader.workspace.root());
            use_value.emit(use_value.error(message).hint(hint));
            return None;
        }
    }
    library_file(loader, library, &name)
}

/// The name, without `.toml`, of the library file of `id` for a handout in `language`: its
/// edition in that language or region when there is one, else `id` itself.
fn file_name_in(loader: &Loader, id: &str, language: &str) -> String {
    let resolved = locale::resolve(language).map(|l| l.tag).unwrap_or(language);
    [language, resolved]
        .into_iter()
        .map(|tag| format!("{id}.{tag}"))
        .find(|name| {
            loader
                .workspace
                .content(format!("exercises/{name}.toml"))
                .is_file()
        })
        .unwrap_or_else(|| id.to_string())
}

/// The library file `name` (an id, or an id and a language), read once per load.
fn library_file(loader: &Loader, library: &Library, name: &str) -> Option<Rc<Fields>> {
    if let Some(known) = library.read.borrow().get(name) {
        return known.clone();
    }
    let path = loader.workspace.content(format!("exercises/{name}.toml"));
    let fields = read_library_file(loader, &path).map(Rc::new);
    library
        .read
        .borrow_mut()
        .insert(name.to_string(), fields.clone());
    fields
}

/// Reads every file of the library, used by a handout or not, in every language, reporting
/// their problems.
pub(crate) fn read_library(loader: &Loader) {
    let library = Library::default();
    for name in library_file_names(loader) {
        // A file that leads outside the workspace is not read; a handout that uses it is
        // told why.
        let path = loader.workspace.content(format!("exercises/{name}.toml"));
        let written = format!("/content/exercises/{name}.toml");
        if loader.workspace.resolve(&path, &written).is_ok() {
            library_file(loader, &library, &name);
        }
    }
}

/// The id a name that is not one was likely meant as: its words in lower case, joined by
/// hyphens; said as what to write, and whether the library has it.
fn id_hint(loader: &Loader, library: &Library, written: &str) -> String {
    let id = slug(written);
    if id.is_empty() {
        return "write the id of a library exercise, e.g. use = \"split-squat\" for \
                content/exercises/split-squat.toml"
            .to_string();
    }
    let ids = library.ids.get_or_init(|| library_ids(loader));
    if ids.contains(&id) {
        format!("did you mean use = \"{id}\"?")
    } else {
        format!(
            "write use = \"{id}\" for content/exercises/{id}.toml, or write the exercise in \
             place with name and steps"
        )
    }
}

fn unknown_id_hint(loader: &Loader, library: &Library, id: &str) -> String {
    let ids = library.ids.get_or_init(|| library_ids(loader));
    let as_id = slug(id);
    if as_id != id && ids.contains(&as_id) {
        return format!(
            "did you mean \"{as_id}\"? An id is lower-case words joined by hyphens, as the \
             file is named"
        );
    }
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

/// The ids of the library's exercises, sorted: its files' names, a language edition
/// (`split-squat.es`) counting as its exercise's.
fn library_ids(loader: &Loader) -> Vec<String> {
    let mut ids: Vec<String> = library_file_names(loader)
        .into_iter()
        .map(|name| match name.split_once('.') {
            Some((id, _language)) => id.to_string(),
            None => name,
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The names of the library's files without `.toml`, sorted.
fn library_file_names(loader: &Loader) -> Vec<String> {
    let Ok(entries) = fs::read_dir(loader.workspace.content("exercises")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            if !is_content_file(&path) {
                return None;
            }
            let name = path.file_name()?.to_str()?;
            name.strip_suffix(".toml").map(str::to_string)
        })
        .collect();
    names.sort_unstable();
    names
}

fn read_library_file(loader: &Loader, path: &Path) -> Option<Fields> {
    let what = "an exercise needs at least name = \"…\" and steps = [\"…\"]";
    let source = SourceFile::read(path, what, loader.report)?;
    let (cx, file) = file::read::<ExerciseFile>(&source, loader.report, &loader.coverage)?;
    let name = cx.require(&file.name, cx.top(), "name", "name = \"Split squat\"");
    let example = "steps = [\"First step.\", \"Second step.\"]";
    let steps = cx.require(&file.steps, cx.top(), "steps", example);
    let fields = Fields::read(loader, &cx, file.written());
    name?;
    steps?;
    (fields.name.is_some() && fields.steps.is_some()).then_some(fields)
}
