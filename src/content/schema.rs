//! The JSON Schema of the three file kinds, made from the structs the loader reads, for
//! completion and checking in editors; and the keys each table allows, for "did you mean".

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

use super::brand::BrandFile;
use super::exercise::ExerciseFile;
use super::file::Step;
use super::handout::HandoutFile;

/// The kinds of content file, each with its definition in the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Brand,
    Handout,
    Exercise,
}

impl FileKind {
    fn definition(self) -> &'static str {
        match self {
            FileKind::Brand => "brand",
            FileKind::Handout => "handout",
            FileKind::Exercise => "exercise",
        }
    }
}

/// The schema as JSON text, with a definition in `$defs` for each file kind.
pub fn schema() -> String {
    serde_json::to_string_pretty(made()).expect("a schema is JSON")
}

/// The keys the table at `steps` of a file of `kind` allows, sorted.
pub(crate) fn keys(kind: FileKind, steps: &[Step]) -> Vec<String> {
    let schema = made();
    let mut node = resolve(schema, &schema["$defs"][kind.definition()]);
    for step in steps {
        let next = match step {
            // A table keyed by the writer, such as [language.es], holds its values under
            // additionalProperties.
            Step::Key(name) => node["properties"]
                .get(name.as_str())
                .unwrap_or(&node["additionalProperties"]),
            Step::Item(_) => &node["items"],
        };
        node = resolve(schema, next);
    }
    node["properties"]
        .as_object()
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default()
}

/// `node`, or what it refers to.
fn resolve<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    match node["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => schema.pointer(pointer).unwrap_or(&Value::Null),
        None => node,
    }
}

fn made() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let mut generator = SchemaSettings::draft2020_12().into_generator();
        let kinds = [
            generator.subschema_for::<BrandFile>(),
            generator.subschema_for::<HandoutFile>(),
            generator.subschema_for::<ExerciseFile>(),
        ];
        let definitions = generator.take_definitions(true);
        let mut schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "handout content",
            "description": "The three file kinds of a handout workspace: content/brand.toml, \
                content/handouts/*.toml and content/exercises/*.toml.",
            "anyOf": kinds,
            "$defs": definitions,
        });
        close(&mut schema);
        schema
    })
}

/// Makes the schema say what the loader does: a key left out is absent, never `null` (TOML
/// has none), and a table takes no key it does not name.
fn close(node: &mut Value) {
    match node {
        Value::Object(object) => {
            drop_null(object);
            if object.contains_key("properties") {
                object.insert("additionalProperties".into(), Value::Bool(false));
            }
            object.values_mut().for_each(close);
        }
        Value::Array(items) => items.iter_mut().for_each(close),
        _ => {}
    }
}

/// Takes `null` out of the types an optional field's schema allows.
fn drop_null(object: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            object.insert("type".into(), only);
        }
    }
    let null = json!({ "type": "null" });
    if let Some(Value::Array(choices)) = object.get_mut("anyOf") {
        choices.retain(|choice| *choice != null);
        if let [only] = choices.as_slice() {
            let Value::Object(only) = only.clone() else {
                return;
            };
            object.remove("anyOf");
            for (key, value) in only {
                object.entry(key).or_insert(value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Step {
        Step::Key(name.into())
    }

    #[test]
    fn the_keys_of_each_table_come_from_the_structs() {
        assert!(keys(FileKind::Brand, &[]).contains(&"website".to_string()));
        assert_eq!(
            keys(FileKind::Brand, &[key("colors")]),
            ["accent", "primary"]
        );
        let image = keys(
            FileKind::Handout,
            &[key("exercise"), Step::Item(0), key("image"), Step::Item(1)],
        );
        assert_eq!(image, ["alt", "caption", "file"]);
        assert!(
            keys(FileKind::Handout, &[key("exercise"), Step::Item(0)]).contains(&"use".to_string())
        );
        assert!(!keys(FileKind::Exercise, &[]).contains(&"use".to_string()));
        assert!(keys(FileKind::Exercise, &[key("nothing")]).is_empty());
    }

    #[test]
    fn no_field_is_null_and_no_table_takes_other_keys() {
        let text = schema();
        assert!(!text.contains("\"null\""), "{text}");
        let schema: Value = serde_json::from_str(&text).unwrap();
        let brand = &schema["$defs"]["brand"];
        assert_eq!(brand["additionalProperties"], false);
        assert_eq!(brand["required"], json!(["name"]));
    }
}
