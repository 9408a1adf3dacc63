//! A JSON Schema of the three file kinds, for completion and checking in editors.
//!
//! The loader is what decides; the schema describes the same keys, choices and
//! bounds, and the tests below keep the two from drifting apart.

/// The schema, with `$defs` for `brand`, `handout` and `exercise`.
pub const SCHEMA: &str = include_str!("schema.json");

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::SCHEMA;
    use crate::content::{brand, exercise, handout};

    fn schema() -> Value {
        serde_json::from_str(SCHEMA).expect("the schema is JSON")
    }

    /// The property names of the object schema at `pointer`.
    fn keys(schema: &Value, pointer: &str) -> BTreeSet<String> {
        schema
            .pointer(pointer)
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("no properties at {pointer}"))
            .keys()
            .cloned()
            .collect()
    }

    fn set(keys: &[&str]) -> BTreeSet<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    fn choices<T>(pointer: &str, schema: &Value, loader: &[(&str, T)]) {
        let listed: BTreeSet<String> = schema
            .pointer(pointer)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("no enum at {pointer}"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let accepted: BTreeSet<String> = loader.iter().map(|(name, _)| name.to_string()).collect();
        assert_eq!(listed, accepted, "{pointer}");
    }

    #[test]
    fn the_schema_names_the_keys_the_loader_accepts() {
        let s = schema();
        let brand_defs = "/$defs/brand/properties";
        assert_eq!(keys(&s, brand_defs), set(brand::KEYS));
        assert_eq!(
            keys(&s, &format!("{brand_defs}/colors/properties")),
            set(brand::COLOR_KEYS)
        );
        assert_eq!(
            keys(&s, &format!("{brand_defs}/fonts/properties")),
            set(brand::FONT_KEYS)
        );
        assert_eq!(
            keys(&s, &format!("{brand_defs}/page/properties")),
            set(brand::PAGE_KEYS)
        );

        let handout_defs = "/$defs/handout/properties";
        assert_eq!(keys(&s, handout_defs), set(handout::KEYS));
        assert_eq!(
            keys(&s, &format!("{handout_defs}/headings/properties")),
            set(handout::HEADING_KEYS)
        );
        assert_eq!(
            keys(&s, &format!("{handout_defs}/cause/items/properties")),
            set(handout::CAUSE_KEYS)
        );
        assert_eq!(
            keys(&s, &format!("{handout_defs}/red_flag/items/properties")),
            set(handout::RED_FLAG_KEYS)
        );
        assert_eq!(
            keys(&s, &format!("{handout_defs}/section/items/properties")),
            set(handout::SECTION_KEYS)
        );
        assert_eq!(
            keys(&s, &format!("{handout_defs}/closing/properties")),
            set(handout::CLOSING_KEYS)
        );

        assert_eq!(keys(&s, "/$defs/exercise/properties"), set(exercise::KEYS));
        assert_eq!(keys(&s, "/$defs/exercise_fields"), set(exercise::KEYS));
        let mut in_handout = set(exercise::KEYS);
        in_handout.insert("use".to_string());
        assert_eq!(keys(&s, "/$defs/handout_exercise/properties"), in_handout);
        assert_eq!(
            keys(&s, "/$defs/exercise_fields/image/items/properties"),
            set(exercise::IMAGE_KEYS)
        );
    }

    #[test]
    fn the_schema_lists_the_choices_the_loader_accepts() {
        let s = schema();
        choices(
            "/$defs/brand/properties/page/properties/paper/enum",
            &s,
            brand::PAPERS,
        );
        choices(
            "/$defs/handout/properties/red_flag/items/properties/urgency/enum",
            &s,
            handout::URGENCIES,
        );
        choices(
            "/$defs/exercise_fields/position/enum",
            &s,
            exercise::POSITIONS,
        );
    }

    #[test]
    fn every_reference_in_the_schema_resolves() {
        let s = schema();
        fn refs(value: &Value, found: &mut Vec<String>) {
            match value {
                Value::Object(map) => {
                    if let Some(Value::String(target)) = map.get("$ref") {
                        found.push(target.clone());
                    }
                    map.values().for_each(|v| refs(v, found));
                }
                Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        refs(&s, &mut found);
        assert!(found.len() > 40);
        for target in found {
            let pointer = target.strip_prefix('#').expect("a local reference");
            assert!(s.pointer(pointer).is_some(), "{target} does not resolve");
        }
    }
}
