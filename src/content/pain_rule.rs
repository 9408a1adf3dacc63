//! The `[pain_rule]` table: how much pain is all right, as a traffic light, written in the
//! brand for every handout and over it, light by light, in a handout.

use schemars::JsonSchema;
use serde::Deserialize;

use super::fields;
use super::file::FileCx;
use super::kinds::Text;
use super::passage::Passage;
use super::plain::Section;
use super::written::{Leaf, Table};
use crate::diag::Location;
use crate::model::{PainRule, Paragraph};

/// How much pain is all right during and after the exercises, printed once per handout as
/// a traffic light. A light left out keeps the brand's words, or else the language's own.
#[derive(Deserialize, JsonSchema)]
#[schemars(rename = "pain_rule")]
pub(crate) struct PainRuleTable {
    /// When to carry on, e.g. "Up to 3 out of 10 during the exercises, and settled by the
    /// next morning: carry on."
    green: Option<Leaf<Text>>,
    /// When to ease off, e.g. "4 or 5 out of 10: do fewer, or make it easier."
    amber: Option<Leaf<Text>>,
    /// When to stop, e.g. "6 out of 10 or more, or new swelling: stop and contact us."
    red: Option<Leaf<Text>>,
}

/// A pain rule as files write it: each light's words and where they are written.
#[derive(Debug, Clone, Default)]
pub(crate) struct WrittenRule {
    green: Option<Light>,
    amber: Option<Light>,
    red: Option<Light>,
    /// Where the `[pain_rule]` table of the file that gives the rule is, and its key.
    table: Option<(Location, String)>,
}

#[derive(Debug, Clone)]
struct Light {
    words: Paragraph,
    passage: Passage,
}

/// The pain rule of `table`, in the file `cx` reads; an empty one without the table.
pub(crate) fn read<'a>(cx: &'a FileCx<'a>, table: &Option<Table<PainRuleTable>>) -> WrittenRule {
    let Some(fields) = cx.table(table) else {
        return WrittenRule::default();
    };
    let light = |leaf: &Option<Leaf<Text>>| {
        Some(Light {
            words: cx.leaf(leaf, fields::paragraph)?,
            passage: Passage::of_leaf(cx, leaf)?,
        })
    };
    let at = table.as_ref().map(|table| cx.at(table.span.clone()));
    WrittenRule {
        green: light(&fields.green),
        amber: light(&fields.amber),
        red: light(&fields.red),
        table: at.map(|at| (at.location(), at.key())),
    }
}

impl WrittenRule {
    /// This rule's lights where it gives them, `base`'s where not.
    pub fn over(self, base: &WrittenRule) -> WrittenRule {
        WrittenRule {
            green: self.green.or_else(|| base.green.clone()),
            amber: self.amber.or_else(|| base.amber.clone()),
            red: self.red.or_else(|| base.red.clone()),
            table: self.table.or_else(|| base.table.clone()),
        }
    }

    /// The rule to print.
    pub fn rule(&self) -> PainRule {
        let words = |light: &Option<Light>| light.as_ref().map(|l| l.words.clone());
        PainRule {
            green: words(&self.green),
            amber: words(&self.amber),
            red: words(&self.red),
        }
    }

    /// The rule's words as a section to check; `None` when it has none of its own.
    pub fn section(&self) -> Option<Section> {
        let (location, key) = self.table.clone()?;
        let passages: Vec<Passage> = [&self.green, &self.amber, &self.red]
            .into_iter()
            .flatten()
            .map(|light| light.passage.clone())
            .collect();
        Some(Section {
            name: "the pain rule".into(),
            location,
            key,
            passages,
            graded: true,
        })
    }
}
