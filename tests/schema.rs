//! The JSON Schema `handout schema` prints, checked with a JSON Schema validator: every
//! sample, fixture and `new` template file passes it (TOML converted to JSON), and what
//! the loader refuses, the schema refuses too, wherever a schema can say it.

mod common;

use std::fs;
use std::path::Path;

use common::repo;
use handout::content::{self, LoadOptions};

/// The content file kinds, by their definition in the schema.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Brand,
    Handout,
    Exercise,
}

impl Kind {
    fn definition(self) -> &'static str {
        match self {
            Kind::Brand => "brand",
            Kind::Handout => "handout",
            Kind::Exercise => "exercise",
        }
    }

    /// Where a file of this kind goes in a workspace.
    fn place(self) -> &'static str {
        match self {
            Kind::Brand => "content/brand.toml",
            Kind::Handout => "content/handouts/h.toml",
            Kind::Exercise => "content/exercises/e.toml",
        }
    }
}

/// The schema, compiled once for each kind.
struct Validator {
    schemas: boon::Schemas,
    kinds: [(boon::SchemaIndex, Kind); 3],
}

impl Validator {
    fn new() -> Validator {
        let schema: serde_json::Value = serde_json::from_str(&content::schema()).unwrap();
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        compiler.add_resource("schema.json", schema).unwrap();
        let mut schemas = boon::Schemas::new();
        let mut compile = |kind: Kind| {
            let location = format!("schema.json#/$defs/{}", kind.definition());
            let index = compiler
                .compile(&location, &mut schemas)
                .unwrap_or_else(|e| panic!("{location}: {e}"));
            (index, kind)
        };
        let kinds = [
            compile(Kind::Brand),
            compile(Kind::Handout),
            compile(Kind::Exercise),
        ];
        Validator { schemas, kinds }
    }

    /// Why the TOML `text` of a file of `kind` does not pass the schema, if it doesn't.
    fn refusal(&self, kind: Kind, text: &str) -> Option<String> {
        let toml: toml::Value = toml::from_str(text).expect("the file is TOML");
        let json = to_json(toml);
        let (index, _) = self
            .kinds
            .iter()
            .find(|(_, k)| k.definition() == kind.definition())
            .unwrap();
        self.schemas
            .validate(&json, *index)
            .err()
            .map(|e| format!("{e:#}"))
    }
}

/// A TOML value as JSON: a date becomes the string it is written as.
fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(i) => Json::from(i),
        toml::Value::Float(f) => Json::from(f),
        toml::Value::Boolean(b) => Json::Bool(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Json::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

/// Every content file of the workspace at `root`, with its kind.
fn content_files(root: &Path) -> Vec<(Kind, std::path::PathBuf)> {
    let mut files = vec![(Kind::Brand, root.join("content/brand.toml"))];
    for (kind, folder) in [
        (Kind::Handout, "content/handouts"),
        (Kind::Exercise, "content/exercises"),
    ] {
        let Ok(entries) = fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries {
            files.push((kind, entry.unwrap().path()));
        }
    }
    files
}

#[test]
fn the_sample_the_fixtures_and_the_templates_pass_the_schema() {
    let validator = Validator::new();
    let mut files = Vec::new();
    for root in ["", "tests/fixtures/clinic", "tests/fixtures/long-names"] {
        files.extend(content_files(&repo().join(root)));
    }
    assert!(files.len() >= 9, "{files:?}");
    for (kind, path) in files {
        let text = fs::read_to_string(&path).unwrap();
        if let Some(refusal) = validator.refusal(kind, &text) {
            panic!("{} does not pass the schema: {refusal}", path.display());
        }
    }
    for (kind, template) in [
        (Kind::Handout, "src/cli/templates/handout.toml"),
        (Kind::Exercise, "src/cli/templates/exercise.toml"),
    ] {
        let text = fs::read_to_string(repo().join(template))
            .unwrap()
            .replace("{name}", "calf-raise")
            .replace("{title}", "Calf raise")
            .replace("{today}", "2026-11-23");
        if let Some(refusal) = validator.refusal(kind, &text) {
            panic!("{template} does not pass the schema: {refusal}");
        }
    }
}

const BRAND: &str = "name = \"Riverside\"\n";
const HANDOUT: &str = "title = \"Knee\"\n\n[[exercise]]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n";
const EXERCISE: &str = "name = \"Bridge\"\nsteps = [\"Lift.\"]\n";

/// The errors of a workspace holding `text` as its file of `kind`, and good files besides.
fn loader_errors(kind: Kind, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    for (other, good) in [
        (Kind::Brand, BRAND),
        (Kind::Handout, HANDOUT),
        (Kind::Exercise, EXERCISE),
    ] {
        let path = dir.path().join(other.place());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let written = if other.definition() == kind.definition() {
            text
        } else {
            good
        };
        fs::write(path, written).unwrap();
    }
    let options = LoadOptions::default();
    let mut problems = content::check_workspace(dir.path(), &options);
    if let Err(handout) = content::load(&dir.path().join(Kind::Handout.place()), &options) {
        problems.extend(handout);
    }
    problems
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn what_the_loader_refuses_the_schema_refuses() {
    let validator = Validator::new();
    let cases: Vec<(&str, Kind, String)> = vec![
        (
            "an unknown key",
            Kind::Handout,
            format!("colour = \"red\"\n{HANDOUT}"),
        ),
        (
            "an unknown key in a nested table",
            Kind::Handout,
            format!("{HANDOUT}[[exercise.image]]\nfile = \"x.png\"\nalt = \"x\"\nsize = 3\n"),
        ),
        (
            "a key below its table",
            Kind::Brand,
            format!("{BRAND}[colors]\nprimary = \"#0F6E6E\"\ntagline = \"x\"\n"),
        ),
        (
            "a missing title",
            Kind::Handout,
            HANDOUT.replace("title = \"Knee\"\n", ""),
        ),
        (
            "a handout without exercises",
            Kind::Handout,
            "title = \"Knee\"\n".into(),
        ),
        (
            "an exercise in place without steps",
            Kind::Handout,
            HANDOUT.replace("steps = [\"Squat.\"]\n", ""),
        ),
        (
            "a picture without alt",
            Kind::Exercise,
            format!("{EXERCISE}[[image]]\nfile = \"x.png\"\n"),
        ),
        (
            "a brand without a name",
            Kind::Brand,
            "tagline = \"x\"\n".into(),
        ),
        (
            "a library exercise without steps",
            Kind::Exercise,
            "name = \"Bridge\"\n".into(),
        ),
        (
            "a number in quotes",
            Kind::Handout,
            format!("{HANDOUT}sets = \"3\"\n"),
        ),
        (
            "a decimal number",
            Kind::Handout,
            format!("{HANDOUT}hold_seconds = 2.5\n"),
        ),
        (
            "steps as one string",
            Kind::Handout,
            HANDOUT.replace("[\"Squat.\"]", "\"Squat.\""),
        ),
        (
            "a flag in quotes",
            Kind::Exercise,
            format!("{EXERCISE}each_side = \"yes\"\n"),
        ),
        (
            "a table where a list of tables belongs",
            Kind::Handout,
            "title = \"Knee\"\n[exercise]\nname = \"Squat\"\nsteps = [\"Squat.\"]\n".into(),
        ),
        (
            "an empty list of steps",
            Kind::Exercise,
            EXERCISE.replace("[\"Lift.\"]", "[]"),
        ),
        (
            "too few sets",
            Kind::Handout,
            format!("{HANDOUT}sets = 0\n"),
        ),
        (
            "too many reps",
            Kind::Exercise,
            format!("{EXERCISE}reps = 501\n"),
        ),
        (
            "days past a week",
            Kind::Handout,
            format!("{HANDOUT}days_per_week = 8\n"),
        ),
        (
            "an unknown urgency",
            Kind::Handout,
            format!("{HANDOUT}\n[[red_flag]]\nname = \"x\"\ntext = \"y\"\nurgency = \"later\"\n"),
        ),
        (
            "an unknown position",
            Kind::Exercise,
            format!("{EXERCISE}position = \"upside-down\"\n"),
        ),
        (
            "an unknown paper",
            Kind::Brand,
            format!("{BRAND}[page]\npaper = \"a3\"\n"),
        ),
        (
            "a colour by name",
            Kind::Brand,
            format!("{BRAND}[colors]\nprimary = \"teal\"\n"),
        ),
        (
            "an empty title",
            Kind::Handout,
            HANDOUT.replace("\"Knee\"", "\"\""),
        ),
        (
            "a language with an underscore",
            Kind::Handout,
            format!("language = \"en_GB\"\n{HANDOUT}"),
        ),
        (
            "a video that is not a web page",
            Kind::Exercise,
            format!("{EXERCISE}video = \"ftp://x.org/v\"\n"),
        ),
        (
            "a date with a time",
            Kind::Handout,
            format!("reviewed = 2026-11-23T10:00:00\n{HANDOUT}"),
        ),
        (
            "an empty exercise id",
            Kind::Handout,
            "title = \"Knee\"\n[[exercise]]\nuse = \"\"\n".into(),
        ),
    ];
    let mut failures = Vec::new();
    for (what, kind, text) in &cases {
        let loader = loader_errors(*kind, text);
        if loader.is_empty() {
            failures.push(format!("{what}: the loader accepts it"));
        }
        if validator.refusal(*kind, text).is_none() {
            failures.push(format!(
                "{what}: the schema accepts it; the loader says {loader:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
