//! The kinds of single value a content file's field holds: text, whole numbers, flags,
//! dates and choices. Each is read from what was written, with a hint fitting what was
//! written instead, and has the schema that describes it.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::value::Datetime;

use super::file::{Kind, Value};
use super::suggest;
use super::written::Written;

impl Kind for String {
    fn read(value: &Value, written: &Written) -> Option<String> {
        let name = value.name();
        match written {
            Written::Text(s) => Some(s.clone()),
            Written::List(_) => value.mismatch(
                "a string",
                written,
                Some("write a single string here, not a list".into()),
            ),
            Written::Table(_) => value.mismatch("a string", written, None),
            _ => {
                let hint = format!("put text in double quotes: {name} = \"{}\"", value.source());
                value.mismatch("a string", written, Some(hint))
            }
        }
    }
}

/// A whole number as written; `None` when it does not fit in 64 bits.
impl Kind for i64 {
    fn read(value: &Value, written: &Written) -> Option<i64> {
        let name = value.name();
        match written {
            Written::Whole(Some(n)) => Some(*n),
            Written::Whole(None) => {
                let hint = format!("write {name} = and a small whole number, e.g. {name} = 10");
                value.emit(value.error("the number is too large").hint(hint));
                None
            }
            Written::Text(s) => {
                let hint = match s.trim().parse::<i64>() {
                    Ok(n) => format!("write {name} = {n} without quotes"),
                    Err(_) => format!("write a number without quotes, e.g. {name} = 3"),
                };
                value.mismatch("a whole number", written, Some(hint))
            }
            Written::Decimal(f) => {
                let hint = format!("use a whole number, e.g. {name} = {}", f.round());
                value.mismatch("a whole number", written, Some(hint))
            }
            _ => value.mismatch("a whole number", written, None),
        }
    }
}

impl Kind for bool {
    fn read(value: &Value, written: &Written) -> Option<bool> {
        let name = value.name();
        match written {
            Written::Flag(b) => Some(*b),
            Written::Text(s) => {
                let hint = match s.trim().to_lowercase().as_str() {
                    "true" | "yes" => format!("write {name} = true without quotes"),
                    "false" | "no" => format!("write {name} = false without quotes"),
                    _ => format!("write {name} = true or {name} = false"),
                };
                value.mismatch("true or false", written, Some(hint))
            }
            _ => {
                let hint = format!("write {name} = true or {name} = false");
                value.mismatch("true or false", written, Some(hint))
            }
        }
    }
}

/// Text to print, with inline Markdown where the field takes it.
#[derive(Debug, Clone)]
pub(crate) struct Text(pub String);

impl Kind for Text {
    fn read(value: &Value, written: &Written) -> Option<Text> {
        String::read(value, written).map(Text)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "minLength": 1 })
    }
}

/// A colour as written: text, read as "#RRGGBB" by `fields::colour`. A colour written as
/// a number, as programs write colours (`0x2E7D32`), is answered with the text meant.
#[derive(Debug, Clone)]
pub(crate) struct Colour(pub String);

impl Kind for Colour {
    fn read(value: &Value, written: &Written) -> Option<Colour> {
        let expected = "a colour in double quotes, like \"#0F6E6E\"";
        match written {
            Written::Whole(_) | Written::Decimal(_) => {
                let name = value.name();
                let source = value.source().replace('_', "");
                let hex = source
                    .strip_prefix("0x")
                    .or_else(|| source.strip_prefix("0X"))
                    .filter(|hex| hex.len() <= 6);
                let hint = match hex {
                    Some(hex) => format!(
                        "write {name} = \"#{:0>6}\": a # where 0x is, in double quotes",
                        hex.to_uppercase()
                    ),
                    None => format!(
                        "write # and six hex digits in double quotes, e.g. {name} = \"#0F6E6E\""
                    ),
                };
                value.mismatch(expected, written, Some(hint))
            }
            _ => String::read(value, written).map(Colour),
        }
    }
}

impl JsonSchema for Colour {
    fn schema_name() -> Cow<'static, str> {
        "colour".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^#[0-9A-Fa-f]{6}$" })
    }
}

/// A calendar date as TOML writes it, without quotes.
#[derive(Debug, Clone)]
pub(crate) struct Day(pub Datetime);

impl Kind for Day {
    fn read(value: &Value, written: &Written) -> Option<Day> {
        let name = value.name();
        match written {
            Written::Date(date) => Some(Day(*date)),
            Written::Text(s) if s.trim().parse::<Datetime>().is_ok() => {
                let hint = format!("write {name} = {} without quotes", s.trim());
                value.mismatch("a date", written, Some(hint))
            }
            _ => {
                let hint = format!(
                    "write the date as YYYY-MM-DD without quotes, e.g. {name} = 2026-11-23"
                );
                value.mismatch("a date", written, Some(hint))
            }
        }
    }
}

impl JsonSchema for Day {
    fn schema_name() -> Cow<'static, str> {
        "date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // TOML writes a date bare; converted to JSON it is a string in this form.
        json_schema!({ "type": "string", "format": "date" })
    }
}

/// One of a fixed set of words, matched without regard to case: `C` is an enum whose
/// variants serde names, and whose schema lists them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Choice<C>(pub C);

impl<C: DeserializeOwned + JsonSchema> Kind for Choice<C> {
    fn read(value: &Value, written: &Written) -> Option<Choice<C>> {
        let text = String::read(value, written)?;
        choice(value, &text).map(Choice)
    }
}

impl<C: JsonSchema> JsonSchema for Choice<C> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        C::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<C>()
    }
}

/// The words of a choice, from its schema: its `enum`, or those of each of its `oneOf`.
fn words<C: JsonSchema>() -> Vec<String> {
    fn collect(node: &serde_json::Value, words: &mut Vec<String>) {
        if let Some(word) = node.get("const").and_then(|c| c.as_str()) {
            words.push(word.to_string());
        }
        let listed = node.get("enum").and_then(|e| e.as_array());
        words.extend(
            listed
                .into_iter()
                .flatten()
                .filter_map(|w| w.as_str().map(str::to_string)),
        );
        let choices = node.get("oneOf").and_then(|o| o.as_array());
        choices
            .into_iter()
            .flatten()
            .for_each(|c| collect(c, words));
    }
    let schema = C::json_schema(&mut SchemaGenerator::default());
    let mut words = Vec::new();
    collect(schema.as_value(), &mut words);
    words
}

/// One of the words of the choice `C`, matched without regard to case: its variants are
/// named in lower case.
fn choice<C: DeserializeOwned + JsonSchema>(value: &Value, written: &str) -> Option<C> {
    let word = written.trim();
    let lower = word.to_lowercase();
    let chosen: Result<C, serde::de::value::Error> = C::deserialize(lower.into_deserializer());
    if let Ok(chosen) = chosen {
        return Some(chosen);
    }
    let words = words::<C>();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let message = format!(
        "expected {}, found \"{written}\"",
        suggest::one_of(&words, '"')
    );
    let hint = match suggest::closest(word, words.iter().copied()) {
        Some(close) => format!("did you mean \"{close}\"?"),
        None => format!(
            "write {} = \"{}\"",
            value.name(),
            words.first().unwrap_or(&"")
        ),
    };
    value.emit(value.error(message).hint(hint));
    None
}
