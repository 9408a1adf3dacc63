//! The keys each table of a content file allows, for "did you mean": read from the JSON
//! Schema of the struct the file is read into, closed to say what the loader does.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{json, Map, Value};

use super::key_path::Step;

/// The keys each table of one kind of content file allows.
pub(crate) struct AllowedKeys {
    /// The closed schema of the struct the file is read into.
    schema: Value,
}

impl AllowedKeys {
    /// The keys of the tables of `T`, the struct a content file is read into.
    pub fn of<T: JsonSchema>() -> AllowedKeys {
        let generator = SchemaSettings::draft2020_12().into_generator();
        let mut schema = Value::from(generator.into_root_schema_for::<T>());
        close(&mut schema);
        AllowedKeys { schema }
    }

    /// The keys the table at `steps` allows, sorted; none where there is no table.
    pub fn at(&self, steps: &[Step]) -> Vec<String> {
        let mut node = self.resolve(&self.schema);
        for step in steps {
            let next = match step {
                // A table keyed by the writer, such as [language.es], holds its values under
                // additionalProperties.
                Step::Key(name) => node["properties"]
                    .get(name.as_str())
                    .unwrap_or(&node["additionalProperties"]),
                Step::Item(_) => &node["items"],
            };
            node = self.resolve(next);
        }
        node["properties"]
            .as_object()
            .map(|properties| properties.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// `node`, or what it refers to.
    fn resolve<'a>(&'a self, node: &'a Value) -> &'a Value {
        match node["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
            Some(pointer) => self.schema.pointer(pointer).unwrap_or(&Value::Null),
            None => node,
        }
    }
}

/// Makes the schema say what the loader does: a key left out is absent, never `null` (TOML
/// has none), and a table takes no key it does not name.
pub(crate) fn close(node: &mut Value) {
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
    use crate::content::brand::BrandFile;
    use crate::content::exercise::ExerciseFile;
    use crate::content::handout::HandoutFile;

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
}
