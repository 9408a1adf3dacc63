//! Values as a content file writes them, each with its place, and never a reason to stop.
//!
//! The content files' structs are derived with serde, and no field of them fails to
//! deserialize: a [`Leaf`] keeps what was written and is read as its kind afterwards, where a
//! mismatch can be explained with a hint fitting what was written; a [`List`] or a [`Table`]
//! given something else keeps that instead. One wrong value so never hides the rest of the
//! file, and every problem of it is reported in one run.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserialize, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use toml::value::Datetime;
use toml::Spanned;

/// What was written for a value, whatever its field expected.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Written {
    Text(String),
    /// A whole number; `None` when it does not fit in 64 bits.
    Whole(Option<i64>),
    Decimal(f64),
    Flag(bool),
    Date(Datetime),
    List(Vec<Written>),
    Table(Vec<(String, Written)>),
}

impl Written {
    /// What the value is, for "found …".
    pub fn found(&self) -> String {
        match self {
            Written::Text(_) => "a string".into(),
            Written::Whole(_) => "a whole number".into(),
            Written::Decimal(_) => "a decimal number".into(),
            Written::Flag(b) => format!("`{b}`"),
            Written::Date(d) => match (d.date, d.time) {
                (Some(_), Some(_)) => "a date and time".into(),
                (Some(_), None) => "a date".into(),
                (None, _) => "a time".into(),
            },
            Written::List(_) => "a list".into(),
            Written::Table(_) => "a table".into(),
        }
    }
}

/// Builds a [`Written`] from any value, tables and lists included. Nested values are read,
/// not skipped, so that nothing inside a value of the wrong kind counts as an unknown key.
struct WrittenVisitor;

impl<'de> Visitor<'de> for WrittenVisitor {
    type Value = Written;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any TOML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Written, E> {
        Ok(Written::Flag(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Written, E> {
        Ok(Written::Whole(Some(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Written, E> {
        Ok(Written::Whole(i64::try_from(v).ok()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Written, E> {
        Ok(Written::Whole(i64::try_from(v).ok()))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Written, E> {
        Ok(Written::Whole(i64::try_from(v).ok()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Written, E> {
        Ok(Written::Decimal(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Written, E> {
        Ok(Written::Text(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Written, E> {
        Ok(Written::Text(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Written, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Capture)? {
            items.push(item);
        }
        Ok(Written::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Written, A::Error> {
        // toml hands a date over as a table with one private key.
        let first = match toml_datetime::de::VisitMap::next_key_seed(&mut map)? {
            None => return Ok(Written::Table(Vec::new())),
            Some(toml_datetime::de::VisitMap::Datetime(date)) => return Ok(Written::Date(date)),
            Some(toml_datetime::de::VisitMap::Key(key)) => key.into_owned(),
        };
        let mut entries = vec![(first, map.next_value_seed(Capture)?)];
        while let Some(key) = map.next_key::<String>()? {
            entries.push((key, map.next_value_seed(Capture)?));
        }
        Ok(Written::Table(entries))
    }
}

/// A seed that reads any value as [`Written`].
struct Capture;

impl<'de> de::DeserializeSeed<'de> for Capture {
    type Value = Written;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Written, D::Error> {
        deserializer.deserialize_any(WrittenVisitor)
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WrittenVisitor)
    }
}

/// One value of kind `T` (text, a number, a flag, a date), as written, and where.
#[derive(Debug, Clone)]
pub(crate) struct Leaf<T> {
    pub span: Range<usize>,
    pub written: Written,
    kind: PhantomData<T>,
}

impl<'de, T> Deserialize<'de> for Leaf<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Written>::deserialize(deserializer)?;
        Ok(Leaf {
            span: spanned.span(),
            written: spanned.into_inner(),
            kind: PhantomData,
        })
    }
}

/// A list of `T`, each item with its own place; or, when something else was written, that.
#[derive(Debug, Clone)]
pub(crate) struct List<T> {
    pub span: Range<usize>,
    pub items: Result<Vec<T>, Written>,
}

/// A table with the fields of `T`; or, when something else was written, that.
#[derive(Debug, Clone)]
pub(crate) struct Table<T> {
    pub span: Range<usize>,
    pub fields: Result<T, Written>,
}

/// Reads `T` from a list (`IS_LIST`) or else a table, and anything else as [`Written`].
struct ShapeVisitor<T, const IS_LIST: bool>(PhantomData<T>);

/// The visits of single values, each kept as written, being of another shape.
macro_rules! written_otherwise {
    ($($visit:ident: $ty:ty),*) => {
        $(fn $visit<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            WrittenVisitor.$visit(v).map(Err)
        })*
    };
}

impl<'de, T: Deserialize<'de>, const IS_LIST: bool> Visitor<'de> for ShapeVisitor<T, IS_LIST> {
    type Value = Result<T, Written>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any TOML value")
    }

    written_otherwise!(
        visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_i128: i128,
        visit_u128: u128, visit_f64: f64, visit_str: &str, visit_string: String
    );

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if IS_LIST {
            T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Ok)
        } else {
            WrittenVisitor.visit_seq(seq).map(Err)
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        if IS_LIST {
            return WrittenVisitor.visit_map(map).map(Err);
        }
        // toml hands a date over as a table with one private key.
        let mut map = map;
        let first = match toml_datetime::de::VisitMap::next_key_seed(&mut map)? {
            Some(toml_datetime::de::VisitMap::Datetime(date)) => {
                return Ok(Err(Written::Date(date)))
            }
            Some(toml_datetime::de::VisitMap::Key(key)) => Some(key.into_owned()),
            None => None,
        };
        let resumed = Resumed { first, rest: map };
        T::deserialize(de::value::MapAccessDeserializer::new(resumed)).map(Ok)
    }
}

/// A table's entries, the first key of which has been read already.
struct Resumed<A> {
    first: Option<String>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Resumed<A> {
    type Error = A::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => seed.deserialize(key.into_deserializer()).map(Some),
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.rest.next_value_seed(seed)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Shaped<Vec<T>, { LIST }>>::deserialize(deserializer)?;
        Ok(List {
            span: spanned.span(),
            items: spanned.into_inner().0,
        })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Table<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Shaped<T, { TABLE }>>::deserialize(deserializer)?;
        Ok(Table {
            span: spanned.span(),
            fields: spanned.into_inner().0,
        })
    }
}

const LIST: bool = true;
const TABLE: bool = false;

/// `T` read from a list (`IS_LIST`) or a table, or what was written instead.
struct Shaped<T, const IS_LIST: bool>(Result<T, Written>);

impl<'de, T: Deserialize<'de>, const IS_LIST: bool> Deserialize<'de> for Shaped<T, IS_LIST> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(ShapeVisitor::<T, IS_LIST>(PhantomData))
            .map(Shaped)
    }
}

// The schema of each wrapper is the schema of what it holds.

impl<T: JsonSchema> JsonSchema for Leaf<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

impl<T: JsonSchema> JsonSchema for List<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("List_of_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "array",
            "items": generator.subschema_for::<T>(),
        })
    }
}

impl<T: JsonSchema> JsonSchema for Table<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct File {
        title: Option<Leaf<String>>,
        steps: Option<List<Leaf<String>>>,
        image: Option<List<Table<Image>>>,
    }

    #[derive(Debug, Deserialize)]
    struct Image {
        file: Option<Leaf<String>>,
    }

    fn read(text: &str) -> File {
        let tree = toml::de::DeTable::parse(text).unwrap();
        File::deserialize(toml::de::Deserializer::from(tree)).unwrap()
    }

    #[test]
    fn keeps_what_was_written_and_where() {
        let text = "title = 3\nsteps = [\"a\", 2]\n[[image]]\nfile = 2026-11-23\n";
        let file = read(text);
        let title = file.title.unwrap();
        assert_eq!(title.written, Written::Whole(Some(3)));
        assert_eq!(&text[title.span], "3");
        let steps = file.steps.unwrap().items.unwrap();
        assert_eq!(steps[0].written, Written::Text("a".into()));
        assert_eq!(&text[steps[1].span.clone()], "2");
        let images = file.image.unwrap().items.unwrap();
        let image = images[0].fields.as_ref().unwrap();
        assert!(matches!(
            image.file.as_ref().unwrap().written,
            Written::Date(_)
        ));
    }

    #[test]
    fn a_list_or_table_of_another_shape_is_kept_as_written() {
        let file = read("steps = \"Stand up.\"\nimage = { file = \"x\" }\ntitle = [1, [2]]\n");
        assert_eq!(
            file.steps.unwrap().items.unwrap_err(),
            Written::Text("Stand up.".into())
        );
        assert_eq!(
            file.image.unwrap().items.unwrap_err(),
            Written::Table(vec![("file".into(), Written::Text("x".into()))])
        );
        assert_eq!(
            file.title.unwrap().written,
            Written::List(vec![
                Written::Whole(Some(1)),
                Written::List(vec![Written::Whole(Some(2))])
            ])
        );
    }

    #[test]
    fn numbers_past_64_bits_are_kept_as_too_large() {
        let file = read("title = 99999999999999999999\n");
        assert_eq!(file.title.unwrap().written, Written::Whole(None));
    }
}
