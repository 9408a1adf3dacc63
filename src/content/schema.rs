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
    use crate::content::allowed_keys::AllowedKeys;
    use crate::content::key_path::Step;

    fn key(name: &str) -> Step {
        Step::Key(name.into())
    }

    #[test]
    fn the_keys_of_each_table_come_from_the_structs() {
        let brand = AllowedKeys::of::<BrandFile>();
        assert!(brand.at(&[]).contains(&"website".to_string()));
        assert_eq!(brand.at(&[key("colors")]), ["accent", "primary"]);
        let handout = AllowedKeys::of::<HandoutFile>();
        let image = handout.at(&[key("exercise"), Step::Item(0), key("image"), Step::Item(1)]);
        assert_eq!(image, ["alt", "caption", "file"]);
        assert!(handout
            .at(&[key("exercise"), Step::Item(0)])
            .contains(&"use".to_string()));
        let exercise = AllowedKeys::of::<ExerciseFile>();
        assert!(!exercise.at(&[]).contains(&"use".to_string()));
        assert!(exercise.at(&[key("nothing")]).is_empty());
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
