//! The JSON Schema of the three file kinds, made from the structs the loader reads, for
//! completion and checking in editors.

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use serde_json::{json, Value};

use super::allowed_keys::close;
use super::brand::BrandFile;
use super::exercise::ExerciseFile;
use super::handout::HandoutFile;

/// The schema as JSON text, with a definition in `$defs` for each file kind.
pub fn schema() -> String {
    serde_json::to_string_pretty(made()).expect("a schema is JSON")
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

#[cfg(test)]
mod tests {
    use super::*;

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
