//! A clinic's `[labels]`: its own words for any fixed word of its handouts, each key one
//! of the language catalogue's messages (see `locales/en.ftl`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;

use super::file::{FileCx, Kind};
use super::kinds::Text;
use super::written::{Leaf, Table};
use crate::locale;

/// The `[labels]` table of a brand or a handout: a message key and the words for it.
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct LabelsTable(BTreeMap<String, Leaf<Text>>);

/// The keys are the catalogue's, not fields of a struct, so the schema lists them itself.
impl JsonSchema for LabelsTable {
    fn schema_name() -> Cow<'static, str> {
        "labels".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // A key is written as the catalogue writes it (`in-short`) or with underscores
        // (`in_short`), which needs no quotes in TOML.
        let label = serde_json::json!({ "type": "string", "minLength": 1 });
        let properties: serde_json::Map<String, serde_json::Value> = locale::label_keys()
            .flat_map(|key| [key.to_string(), key.replace('-', "_")])
            .map(|key| (key, label.clone()))
            .collect();
        json_schema!({
            "type": "object",
            "description": "Your own words for any fixed word of the handouts, by its key in \
                            the language catalogue (locales/en.ftl), e.g. in_short = \"The main thing\".",
            "properties": properties,
            "additionalProperties": false,
        })
    }
}

/// The labels of `table`, each checked against the catalogue; a label that is not one is
/// reported at its place and left out.
pub(crate) fn read(cx: &FileCx, table: &Option<Table<LabelsTable>>) -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    let Some(LabelsTable(written)) = cx.table(table) else {
        return labels;
    };
    for (key, leaf) in written {
        let value = cx.at(leaf.span.clone());
        let Some(Text(text)) = Text::read(&value, &leaf.written) else {
            continue;
        };
        match locale::check_label(key, &text) {
            Ok(()) => {
                labels.insert(key.replace('_', "-"), text);
            }
            Err(error) => value.emit(value.error(error.to_string()).hint(error.hint())),
        }
    }
    labels
}
