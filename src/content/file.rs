//! One content file read: its TOML into the file's serde struct, the keys no field took
//! reported with the nearest known key, and for any value in it, its place and dotted key.
//!
//! Positions in lists count from 1, as a reader counts them: `exercise[1]` is the first
//! exercise. Problems are reported, not returned: a reader that finds something wrong records
//! a diagnostic (file, line:column, dotted key, what was expected, a hint) and gives `None`,
//! so one run reports every problem it can.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::path::Path;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::allowed_keys::AllowedKeys;
use super::coverage::{Coverage, Missing};
use super::key_path::{dotted, header, Step};
use super::report::Report;
use super::source::SourceFile;
use super::suggest;
use super::written::{Leaf, List, Table, Written};
use crate::diag::{Diagnostic, Location};

/// The most items a list may have: far more than a printed handout can use (a page holds
/// about 20 steps), and few enough that layout stays quick and small.
pub(crate) const MAX_LIST_ITEMS: usize = 100;

/// A content file being read, and where its problems go.
pub(crate) struct FileCx<'a> {
    pub file: &'a SourceFile,
    pub report: &'a Report,
    /// What the handout's font covers, once the brand has said which font that is; text
    /// read before then is not checked.
    pub coverage: &'a OnceCell<Coverage>,
    /// The parsed file, to find the key of a value from its place.
    tree: Spanned<DeTable<'a>>,
    /// The unknown keys reported, each with the dotted key of its table.
    unknown: RefCell<Vec<(String, String)>>,
    /// The characters the font lacks that a warning has named: each is named once a file,
    /// where it is first used, not in every text that uses it.
    lacking_named: RefCell<Vec<char>>,
}

/// Reads the content file `source` into `T`; `None` after reporting why not.
///
/// Every syntax error, every key no field of `T` takes, and anything else that stops the
/// file being read is reported; the values themselves are read later, from `T`. The keys
/// suggested for an unknown key are those `T`'s schema allows.
pub(crate) fn read<'a, T: DeserializeOwned + JsonSchema>(
    source: &'a SourceFile,
    report: &'a Report,
    coverage: &'a OnceCell<Coverage>,
) -> Option<(FileCx<'a>, T)> {
    let tree = source.parse(report)?;
    let cx = FileCx {
        file: source,
        report,
        coverage,
        tree: tree.clone(),
        unknown: RefCell::default(),
        lacking_named: RefCell::default(),
    };
    let mut ignored: Vec<Vec<Step>> = Vec::new();
    let read = serde_ignored::deserialize(toml::de::Deserializer::from(tree), |path| {
        ignored.push(steps(&path));
    });
    let content = match read {
        Ok(content) => content,
        Err(error) => {
            cx.report_unreadable(&error);
            return None;
        }
    };
    // The schema is made only for a file with an unknown key: most files have none.
    if !ignored.is_empty() {
        let allowed = AllowedKeys::of::<T>();
        for path in ignored {
            cx.report_unknown(&allowed, &path);
        }
    }
    Some((cx, content))
}

/// The steps of a path serde_ignored reports, without the layers only the reading adds.
fn steps(path: &serde_ignored::Path) -> Vec<Step> {
    let mut steps = match path {
        serde_ignored::Path::Root => return Vec::new(),
        serde_ignored::Path::Seq { parent, .. }
        | serde_ignored::Path::Map { parent, .. }
        | serde_ignored::Path::Some { parent }
        | serde_ignored::Path::NewtypeStruct { parent }
        | serde_ignored::Path::NewtypeVariant { parent } => steps(parent),
    };
    match path {
        serde_ignored::Path::Seq { index, .. } => steps.push(Step::Item(*index)),
        // The spans are read through a private table of toml's, whose value is the value.
        serde_ignored::Path::Map { key, .. } if !key.starts_with("$__serde_spanned") => {
            steps.push(Step::Key(key.clone()))
        }
        _ => {}
    }
    steps
}

impl<'a> FileCx<'a> {
    /// What `text` has that the font lacks and no warning in this file has named yet.
    pub fn lacking_unnamed(&self, text: &str) -> Option<Missing> {
        let missing = self.coverage.get()?.missing(text)?;
        let mut named = self.lacking_named.borrow_mut();
        let unnamed = missing.without(&named)?;
        named.extend(unnamed.chars());
        Some(unnamed)
    }

    pub fn path(&self) -> &'a Path {
        &self.file.path
    }

    /// Byte `offset` of this file, as a line and column.
    pub fn location(&self, offset: usize) -> Location {
        Location::at_offset(&self.file.path, &self.file.text, offset)
    }

    pub fn emit(&self, diagnostic: Diagnostic) {
        self.report.push(diagnostic);
    }

    /// The value written at `span`, to read it or to report about it.
    pub fn at(&'a self, span: Range<usize>) -> Value<'a> {
        Value { cx: self, span }
    }

    /// The place of the whole file, as a table.
    pub fn top(&self) -> Range<usize> {
        self.tree.span()
    }

    /// The steps to the value written at `span`; none for the file's top.
    fn steps_to(&self, span: &Range<usize>) -> Vec<Step> {
        /// A step as the search takes it, borrowing the key.
        enum Through<'k> {
            Key(&'k str),
            Item(usize),
        }
        // The deepest value wins: a list of one `[[table]]` has the span of that table.
        fn find<'k>(
            value: &'k Spanned<DeValue>,
            span: &Range<usize>,
            path: &mut Vec<Through<'k>>,
        ) -> bool {
            let inside = match value.get_ref() {
                DeValue::Table(table) => in_table(table, span, path),
                DeValue::Array(items) => items.iter().enumerate().any(|(i, item)| {
                    path.push(Through::Item(i));
                    find(item, span, path) || {
                        path.pop();
                        false
                    }
                }),
                _ => false,
            };
            inside || value.span() == *span
        }
        fn in_table<'k>(
            table: &'k DeTable,
            span: &Range<usize>,
            path: &mut Vec<Through<'k>>,
        ) -> bool {
            table.iter().any(|(key, value)| {
                path.push(Through::Key(key.get_ref()));
                find(value, span, path) || {
                    path.pop();
                    false
                }
            })
        }
        let mut path = Vec::new();
        if self.tree.span() != *span {
            in_table(self.tree.get_ref(), span, &mut path);
        }
        path.into_iter()
            .map(|step| match step {
                Through::Key(name) => Step::Key(name.to_string()),
                Through::Item(i) => Step::Item(i),
            })
            .collect()
    }

    /// The value at `steps`; `None` for the file's top, or when there is none there.
    fn value_at(&self, steps: &[Step]) -> Option<&Spanned<DeValue<'a>>> {
        let (last, parent) = steps.split_last()?;
        match last {
            Step::Key(name) => self.table_at(parent)?.get(name.as_str()),
            Step::Item(i) => match self.value_at(parent)?.get_ref() {
                DeValue::Array(items) => items.get(*i),
                _ => None,
            },
        }
    }

    /// The table at `steps`, when there is one there.
    fn table_at(&self, steps: &[Step]) -> Option<&DeTable<'a>> {
        if steps.is_empty() {
            return Some(self.tree.get_ref());
        }
        match self.value_at(steps)?.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => None,
        }
    }

    /// Reports the key at `path` that no field took, with the closest known key, or the
    /// way to move it where it belongs, or the keys allowed there.
    fn report_unknown(&self, allowed: &AllowedKeys, path: &[Step]) {
        let Some((Step::Key(name), table)) = path.split_last() else {
            return;
        };
        let Some(entries) = self.table_at(table) else {
            return;
        };
        let offset = entries
            .iter()
            .find(|(key, _)| key.get_ref() == name)
            .map_or(0, |(key, _)| key.span().start);
        let allowed_here = allowed.at(table);
        let allowed_here: Vec<&str> = allowed_here.iter().map(String::as_str).collect();
        // The table around this one, when the key is one of its: TOML puts every key below
        // a `[table]` header into that table, so a key written too low lands here.
        let outer = table
            .iter()
            .rposition(|step| matches!(step, Step::Key(_)))
            .map(|at| &table[..at])
            .filter(|outer| allowed.at(outer).iter().any(|key| key == name));
        let hint = if let Some(close) = suggest::closest(name, allowed_here.iter().copied()) {
            format!("did you mean `{close}`?")
        } else if let Some(outer) = outer {
            let move_above = if outer.is_empty() {
                "the first [table]".to_string()
            } else {
                format!("the first [[{}]]", header(table))
            };
            format!(
                "keys below a [header] line belong to that table; move `{name}` above {move_above}"
            )
        } else {
            format!("allowed here: {}", suggest::one_of(&allowed_here, '`'))
        };
        let mut key_path = table.to_vec();
        key_path.push(Step::Key(name.clone()));
        let diagnostic = Diagnostic::error(format!("unknown key `{name}`"))
            .at(self.location(offset))
            .key(dotted(&key_path))
            .hint(hint);
        self.emit(diagnostic);
        self.unknown
            .borrow_mut()
            .push((dotted(table), name.clone()));
    }

    /// Reports an error that stopped toml reading the file at all: only a number past 128
    /// bits does, as far as is known, the syntax having been checked before.
    fn report_unreadable(&self, error: &toml::de::Error) {
        let span = error.span().unwrap_or_else(|| self.top());
        let value = self.at(span);
        let diagnostic = if error.message().contains("overflowed") {
            let name = value.name();
            value.error("the number is too large").hint(format!(
                "write {name} = and a small whole number, e.g. {name} = 10"
            ))
        } else {
            value.error(error.message().trim().to_string())
        };
        self.emit(diagnostic);
    }

    /// The value of the required field `name` of the table at `table`, or a "missing
    /// required key" error at the table's header.
    ///
    /// `example` is a line the user could add, shown in the hint. The error is left out when
    /// a misspelling of `name` is in the table, as its "did you mean" already says what is
    /// wrong.
    pub fn require<'f, T>(
        &self,
        field: &'f Option<T>,
        table: Range<usize>,
        name: &str,
        example: &str,
    ) -> Option<&'f T> {
        if field.is_none() {
            let table_steps = self.steps_to(&table);
            let table_key = dotted(&table_steps);
            let misspelt = self
                .unknown
                .borrow()
                .iter()
                .any(|(t, key)| *t == table_key && suggest::closest(key, [name]).is_some());
            if !misspelt {
                let mut key = table_steps;
                key.push(Step::Key(name.to_string()));
                let diagnostic = Diagnostic::error(format!("missing required key `{name}`"))
                    .at(self.location(table.start))
                    .key(dotted(&key))
                    .hint(format!("add a line `{example}`"));
                self.emit(diagnostic);
            }
        }
        field.as_ref()
    }

    /// `read` applied to the leaf, when there is one and it is of its kind.
    pub fn leaf<T: Kind, R>(
        &'a self,
        leaf: &Option<Leaf<T>>,
        read: impl FnOnce(&Value<'a>, T) -> Option<R>,
    ) -> Option<R> {
        let leaf = leaf.as_ref()?;
        let value = self.at(leaf.span.clone());
        let typed = T::read(&value, &leaf.written)?;
        read(&value, typed)
    }

    /// `read` applied to every item of a list of leaves; `None` when the list is absent, or is
    /// not a list, or any item could not be read.
    pub fn items<T: Kind, R>(
        &'a self,
        list: &Option<List<Leaf<T>>>,
        mut read: impl FnMut(&Value<'a>, T) -> Option<R>,
    ) -> Option<Vec<R>> {
        let list = list.as_ref()?;
        let items = self.list_items(list, "a list", list_hint)?;
        read_all(items, |item| {
            let value = self.at(item.span.clone());
            let typed = T::read(&value, &item.written)?;
            read(&value, typed)
        })
    }

    /// The items of a list, once it is known to be one and not too long; `expected` and
    /// `hint` say what to write instead of something else.
    fn list_items<'l, T>(
        &'a self,
        list: &'l List<T>,
        expected: &str,
        hint: fn(&Value, &Written) -> String,
    ) -> Option<&'l [T]> {
        let value = self.at(list.span.clone());
        match &list.items {
            Ok(items) if items.len() > MAX_LIST_ITEMS => {
                let message = format!(
                    "the list has {} items; a handout takes at most {MAX_LIST_ITEMS}",
                    items.len()
                );
                let hint = "shorten it, or split the material over several handouts";
                value.emit(value.error(message).hint(hint));
                None
            }
            Ok(items) => Some(items),
            Err(written) => value.mismatch(expected, written, Some(hint(&value, written))),
        }
    }

    /// The fields of a table, when it is one.
    pub fn table<'t, S>(&'a self, table: &'t Option<Table<S>>) -> Option<&'t S> {
        self.fields_of(table.as_ref()?)
    }

    /// The fields of a table that is there, when it is a table.
    pub fn fields_of<'t, S>(&'a self, table: &'t Table<S>) -> Option<&'t S> {
        match &table.fields {
            Ok(fields) => Some(fields),
            Err(written) => {
                let value = self.at(table.span.clone());
                let steps = self.steps_to(&table.span);
                let hint = format!(
                    "write [{}] on a line of its own, with its keys on the lines below it",
                    header(&steps)
                );
                value.mismatch("a table", written, Some(hint))
            }
        }
    }

    /// The tables of a list of tables, as `[[name]]` headers write it, each with its place;
    /// `None` when absent, or when it or any item is not what it should be.
    pub fn tables<'t, S>(&'a self, list: &'t Option<List<Table<S>>>) -> Option<Vec<Tabled<'t, S>>> {
        let list = list.as_ref()?;
        let items = self.list_items(list, "a list of tables", tables_hint)?;
        let hint = tables_hint(&self.at(list.span.clone()), &Written::List(Vec::new()));
        read_all(items, |item| match &item.fields {
            Ok(fields) => Some(Tabled {
                fields,
                span: item.span.clone(),
            }),
            Err(written) => {
                self.at(item.span.clone())
                    .mismatch("a table", written, Some(hint.clone()))
            }
        })
    }
}

/// One table of a list of tables, and its place.
pub(crate) struct Tabled<'t, S> {
    pub fields: &'t S,
    pub span: Range<usize>,
}

fn list_hint(value: &Value, written: &Written) -> String {
    let name = value.name();
    match written {
        Written::Text(s) => {
            let example = if s.chars().count() <= 40 { s } else { "…" };
            format!("write a list in square brackets, e.g. {name} = [\"{example}\"]")
        }
        _ => format!("write a list in square brackets, e.g. {name} = [\"…\", \"…\"]"),
    }
}

fn tables_hint(value: &Value, written: &Written) -> String {
    let steps = value.cx.steps_to(&value.span);
    match written {
        Written::Table(_) => format!("write [[{}]] with double brackets", header(&steps)),
        _ => format!(
            "start each one with [[{}]] on a line of its own",
            header(&steps)
        ),
    }
}

/// `read` applied to every item, in order; `None` when any item could not be read.
///
/// Every item is read even after one fails, so that the problems of all of them are reported
/// in one run rather than one per run.
pub(crate) fn read_all<'i, I, T>(
    items: &'i [I],
    read: impl FnMut(&'i I) -> Option<T>,
) -> Option<Vec<T>> {
    let read: Vec<Option<T>> = items.iter().map(read).collect();
    read.into_iter().collect()
}

/// One value of a file: its place, for reading it and reporting about it.
#[derive(Clone)]
pub(crate) struct Value<'a> {
    cx: &'a FileCx<'a>,
    span: Range<usize>,
}

impl<'a> Value<'a> {
    pub fn cx(&self) -> &'a FileCx<'a> {
        self.cx
    }

    /// Where the value is written.
    pub fn location(&self) -> Location {
        self.cx.location(self.span.start)
    }

    /// The value's dotted key, e.g. `exercise[2].image[1].file`.
    pub fn key(&self) -> String {
        dotted(&self.cx.steps_to(&self.span))
    }

    /// The key the value was written under; list items share their list's name.
    pub fn name(&self) -> String {
        let steps = self.cx.steps_to(&self.span);
        steps
            .iter()
            .rev()
            .find_map(|step| match step {
                Step::Key(name) => Some(name.clone()),
                Step::Item(_) => None,
            })
            .unwrap_or_default()
    }

    /// The value as written in the file.
    pub fn source(&self) -> &'a str {
        self.cx.file.text.get(self.span.clone()).unwrap_or_default()
    }

    /// An error located at this value and naming its key.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message)
            .at(self.location())
            .key(self.key())
    }

    /// A warning located at this value and naming its key.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(message)
            .at(self.location())
            .key(self.key())
    }

    pub fn emit(&self, diagnostic: Diagnostic) {
        self.cx.emit(diagnostic);
    }

    /// Reports "expected …, found …" and gives up on the value.
    pub fn mismatch<T>(&self, expected: &str, found: &Written, hint: Option<String>) -> Option<T> {
        let message = format!("expected {expected}, found {}", found.found());
        let mut diagnostic = self.error(message);
        diagnostic.hint = hint;
        self.emit(diagnostic);
        None
    }
}

/// A kind of single value a field holds, read from what was written with a hint fitting
/// what was written instead; `kinds` has the kinds content files use.
pub(crate) trait Kind: Sized {
    /// The value, or `None` after reporting at `value` why `written` is not one.
    fn read(value: &Value, written: &Written) -> Option<Self>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::written::Leaf;
    use serde::Deserialize;

    #[derive(Deserialize, JsonSchema)]
    struct Doc {
        sets: Option<Leaf<i64>>,
        reps: Option<Leaf<i64>>,
        each_side: Option<Leaf<bool>>,
        name: Option<Leaf<String>>,
        steps: Option<List<Leaf<String>>>,
        x: Option<List<Leaf<i64>>>,
        exercise: Option<List<Table<Exercise>>>,
        page: Option<Table<Image>>,
    }

    #[derive(Deserialize, JsonSchema)]
    struct Exercise {
        image: Option<List<Table<Image>>>,
    }

    #[derive(Deserialize, JsonSchema)]
    struct Image {
        file: Option<Leaf<String>>,
    }

    /// What `check` reports on `text`, one line each: `line:col key: message | hint`.
    fn problems(text: &str, check: impl FnOnce(&FileCx, &Doc)) -> Vec<String> {
        let file = SourceFile {
            path: "t.toml".into(),
            text: text.into(),
        };
        let report = Report::default();
        let coverage = OnceCell::new();
        let (cx, doc) = read::<Doc>(&file, &report, &coverage).unwrap();
        check(&cx, &doc);
        report
            .finish()
            .iter()
            .map(|d| {
                let l = d.location.as_ref().unwrap();
                format!(
                    "{}:{} {}: {} | {}",
                    l.line.unwrap(),
                    l.column.unwrap(),
                    d.key.as_deref().unwrap_or(""),
                    d.message,
                    d.hint.as_deref().unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn wrong_types_say_what_was_expected_and_how_to_fix_it() {
        let text =
            "sets = \"3\"\nreps = 2.5\neach_side = \"yes\"\nname = 12\nsteps = \"Lie down.\"\n";
        let found = problems(text, |cx, doc| {
            assert_eq!(cx.leaf(&doc.sets, |_, n| Some(n)), None);
            assert_eq!(cx.leaf(&doc.reps, |_, n| Some(n)), None);
            assert_eq!(cx.leaf(&doc.each_side, |_, b| Some(b)), None);
            assert_eq!(cx.leaf(&doc.name, |_, s| Some(s)), None);
            assert_eq!(cx.items(&doc.steps, |_, s| Some(s)), None);
        });
        assert_eq!(
            found,
            [
                "1:8 sets: expected a whole number, found a string | write sets = 3 without quotes",
                "2:8 reps: expected a whole number, found a decimal number | use a whole number, e.g. reps = 3",
                "3:13 each_side: expected true or false, found a string | write each_side = true without quotes",
                "4:8 name: expected a string, found a whole number | put text in double quotes: name = \"12\"",
                "5:9 steps: expected a list, found a string | write a list in square brackets, e.g. steps = [\"Lie down.\"]",
            ]
        );
    }

    #[test]
    fn every_item_is_read_after_one_fails_and_keyed_from_one() {
        let found = problems("x = [1, \"two\", 3, \"four\"]\n", |cx, doc| {
            assert_eq!(cx.items(&doc.x, |_, n| Some(n)), None);
        });
        assert_eq!(
            found,
            [
                "1:9 x[2]: expected a whole number, found a string | write a number without quotes, e.g. x = 3",
                "1:19 x[4]: expected a whole number, found a string | write a number without quotes, e.g. x = 3",
            ]
        );
    }

    #[test]
    fn items_of_nested_lists_of_tables_are_keyed_from_one() {
        let text = "[[exercise]]\n[[exercise.image]]\n[[exercise.image]]\nfile = 3\n";
        let found = problems(text, |cx, doc| {
            let exercises = cx.tables(&doc.exercise).unwrap();
            let images = cx.tables(&exercises[0].fields.image).unwrap();
            assert_eq!(cx.leaf(&images[1].fields.file, |_, s| Some(s)), None);
        });
        assert_eq!(
            found,
            ["4:8 exercise[1].image[2].file: expected a string, found a whole number | put text in double quotes: file = \"3\""]
        );
    }

    #[test]
    fn a_single_bracket_table_where_a_list_of_tables_belongs() {
        let found = problems("[exercise]\nname = \"x\"\n", |cx, doc| {
            assert!(cx.tables(&doc.exercise).is_none());
        });
        assert_eq!(
            found,
            ["1:1 exercise: expected a list of tables, found a table | write [[exercise]] with double brackets"]
        );
        let found = problems("[steps]\nfirst = \"x\"\n", |cx, doc| {
            assert!(cx.items(&doc.steps, |_, s: String| Some(s)).is_none());
        });
        assert_eq!(
            found,
            ["1:1 steps: expected a list, found a table | write a list in square brackets, e.g. steps = [\"…\", \"…\"]"]
        );
    }

    #[test]
    fn a_date_or_a_string_where_a_table_belongs_is_named() {
        for (text, found) in [
            ("page = 2026-01-01\n", "a date"),
            ("page = \"a4\"\n", "a string"),
        ] {
            let problems = problems(text, |cx, doc| {
                assert!(cx.table(&doc.page).is_none());
            });
            assert_eq!(
                problems,
                [format!("1:8 page: expected a table, found {found} | write [page] on a line of its own, with its keys on the lines below it")]
            );
        }
    }

    #[test]
    fn missing_keys_point_at_the_table_header() {
        let found = problems("sets = 1\n\n[[exercise]]\n", |cx, doc| {
            let exercises = cx.tables(&doc.exercise).unwrap();
            let image = cx.require(
                &exercises[0].fields.image,
                exercises[0].span.clone(),
                "image",
                "x",
            );
            assert!(image.is_none());
        });
        assert_eq!(
            found,
            ["3:1 exercise[1].image: missing required key `image` | add a line `x`"]
        );
    }
}
