//! Walking a parsed TOML file with getters that report problems instead of stopping.
//!
//! Each getter that finds something wrong records a diagnostic (file, line:column, dotted key,
//! what was expected and a hint) and returns `None`, so one run reports every problem it can.
//! Positions in lists count from 1, as a reader counts them: `exercise[1]` is the first exercise.

use std::cell::{OnceCell, RefCell};
use std::path::Path;

use toml::de::{DeTable, DeValue};
use toml::value::Datetime;
use toml::Spanned;

use super::coverage::Coverage;
use super::report::Report;
use super::source::SourceFile;
use super::suggest;
use crate::diag::{Diagnostic, Location};

/// One file being walked, and where its problems go.
pub(crate) struct FileCx<'a> {
    pub file: &'a SourceFile,
    pub report: &'a Report,
    /// What the handout's font covers, once the brand has said which font that is; text
    /// read before then is not checked.
    pub coverage: &'a OnceCell<Coverage>,
}

impl<'a> FileCx<'a> {
    pub fn path(&self) -> &'a Path {
        &self.file.path
    }

    /// Byte `offset` of this file, as a line and column.
    pub fn location(&self, offset: usize) -> Location {
        Location::at_offset(&self.file.path, &self.file.text, offset)
    }

    /// An error at byte `offset` of this file about the dotted `key`.
    pub fn error(&self, offset: usize, key: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message)
            .at(self.location(offset))
            .key(key)
    }

    /// A warning at byte `offset` of this file about the dotted `key`.
    pub fn warning(&self, offset: usize, key: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(message)
            .at(self.location(offset))
            .key(key)
    }

    pub fn emit(&self, diagnostic: Diagnostic) {
        self.report.push(diagnostic);
    }
}

/// The most items a list may have: far more than a printed handout can use (a page holds
/// about 20 steps), and few enough that layout stays quick and small.
pub(crate) const MAX_LIST_ITEMS: usize = 100;

/// A TOML table and its dotted key (empty for the top of the file).
#[derive(Clone)]
pub(crate) struct Table<'a> {
    cx: &'a FileCx<'a>,
    entries: &'a DeTable<'a>,
    /// Where the table's header is, or the start of the file for the top level.
    offset: usize,
    key: String,
    /// The keys [`Table::check_keys`] found unknown.
    unknown: RefCell<Vec<String>>,
}

impl<'a> Table<'a> {
    pub fn root(cx: &'a FileCx<'a>, tree: &'a Spanned<DeTable<'a>>) -> Self {
        Table {
            cx,
            entries: tree.get_ref(),
            offset: tree.span().start,
            key: String::new(),
            unknown: RefCell::default(),
        }
    }

    pub fn cx(&self) -> &'a FileCx<'a> {
        self.cx
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The dotted key of `name` inside this table.
    pub fn child_key(&self, name: &str) -> String {
        if self.key.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.key)
        }
    }

    pub fn get(&self, name: &'a str) -> Option<Value<'a>> {
        self.entries.get(name).map(|value| Value {
            cx: self.cx,
            value,
            key: self.child_key(name),
            name,
        })
    }

    /// `read` applied to the value of `name`, when the table has one.
    pub fn read<T>(&self, name: &'a str, read: impl FnOnce(&Value<'a>) -> Option<T>) -> Option<T> {
        self.get(name).and_then(|value| read(&value))
    }

    /// The value of `name`, or a "missing required key" error at the table's header.
    ///
    /// `example` is a line the user could add, shown in the hint. The error is left out when
    /// a misspelling of `name` is there, as its "did you mean" already says what is wrong.
    pub fn require(&self, name: &'a str, example: &str) -> Option<Value<'a>> {
        let value = self.get(name);
        // An unknown key close to this name (`titel`) has been reported with the name as
        // its suggestion, which says all there is to say.
        let misspelt = || {
            self.unknown
                .borrow()
                .iter()
                .any(|key| suggest::closest(key, [name]).is_some())
        };
        if value.is_none() && !misspelt() {
            let message = format!("missing required key `{name}`");
            let hint = format!("add a line `{example}`");
            let diagnostic = self.cx.error(self.offset, &self.child_key(name), message);
            self.cx.emit(diagnostic.hint(hint));
        }
        value
    }

    /// Reports each key that is not in `allowed`, with the closest allowed key as a suggestion.
    ///
    /// `outer` names the keys of the table around this one, when a key of it written too low
    /// would land here: TOML puts every key below a `[table]` header into that table.
    pub fn check_keys(&self, allowed: &[&str], outer: Option<&Outer>) {
        for (key, _) in self.entries.iter() {
            let name: &str = key.get_ref();
            if allowed.contains(&name) {
                continue;
            }
            let hint = if let Some(close) = suggest::closest(name, allowed.iter().copied()) {
                format!("did you mean `{close}`?")
            } else if let Some(outer) = outer.filter(|o| o.keys.contains(&name)) {
                format!(
                    "keys below a [header] line belong to that table; move `{name}` above {}",
                    outer.move_above
                )
            } else {
                format!("allowed here: {}", suggest::one_of(allowed, '`'))
            };
            let diagnostic = self.cx.error(
                key.span().start,
                &self.child_key(name),
                format!("unknown key `{name}`"),
            );
            self.cx.emit(diagnostic.hint(hint));
            self.unknown.borrow_mut().push(name.to_string());
        }
    }
}

/// The table around a nested one, for [`Table::check_keys`].
pub(crate) struct Outer {
    pub keys: &'static [&'static str],
    /// Where a key must be written to belong to the outer table, e.g. "the first [table]".
    pub move_above: &'static str,
}

/// One value, its dotted key and the name it was given.
#[derive(Clone)]
pub(crate) struct Value<'a> {
    cx: &'a FileCx<'a>,
    value: &'a Spanned<DeValue<'a>>,
    key: String,
    /// The key the value was written under; list items share their list's name.
    name: &'a str,
}

impl<'a> Value<'a> {
    pub fn cx(&self) -> &'a FileCx<'a> {
        self.cx
    }

    pub fn name(&self) -> &'a str {
        self.name
    }

    pub fn offset(&self) -> usize {
        self.value.span().start
    }

    /// A warning located at this value and naming its key.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        self.cx.warning(self.offset(), &self.key, message)
    }

    /// An error located at this value and naming its key.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        self.cx.error(self.offset(), &self.key, message)
    }

    pub fn emit(&self, diagnostic: Diagnostic) {
        self.cx.emit(diagnostic);
    }

    /// The value as written in the file.
    fn written(&self) -> &'a str {
        &self.cx.file.text[self.value.span()]
    }

    /// Reports "expected …, found …" and gives up on the value.
    fn mismatch<T>(&self, expected: &str, hint: Option<String>) -> Option<T> {
        let mut diagnostic = self.error(format!("expected {expected}, found {}", self.found()));
        diagnostic.hint = hint;
        self.emit(diagnostic);
        None
    }

    /// What the value is, for "found …".
    fn found(&self) -> String {
        match self.value.get_ref() {
            DeValue::String(_) => "a string".into(),
            DeValue::Integer(_) => "a whole number".into(),
            DeValue::Float(_) => "a decimal number".into(),
            DeValue::Boolean(b) => format!("`{b}`"),
            DeValue::Datetime(d) => match (d.date, d.time) {
                (Some(_), Some(_)) => "a date and time".into(),
                (Some(_), None) => "a date".into(),
                (None, _) => "a time".into(),
            },
            DeValue::Array(_) => "a list".into(),
            DeValue::Table(_) => "a table".into(),
        }
    }

    pub fn str(&self) -> Option<&'a str> {
        let name = self.name;
        match self.value.get_ref() {
            DeValue::String(s) => Some(s.as_ref()),
            DeValue::Array(_) => self.mismatch(
                "a string",
                Some("write a single string here, not a list".into()),
            ),
            DeValue::Table(_) => self.mismatch("a string", None),
            _ => {
                let hint = format!("put text in double quotes: {name} = \"{}\"", self.written());
                self.mismatch("a string", Some(hint))
            }
        }
    }

    /// A whole number; `None` also when it does not fit in 64 bits.
    pub fn integer(&self) -> Option<i64> {
        let name = self.name;
        match self.value.get_ref() {
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(i.as_str(), i.radix()).ok();
                if n.is_none() {
                    let hint = format!("write {name} = and a small whole number, e.g. {name} = 10");
                    self.emit(self.error("the number is too large").hint(hint));
                }
                n
            }
            DeValue::String(s) => {
                let hint = match s.trim().parse::<i64>() {
                    Ok(n) => format!("write {name} = {n} without quotes"),
                    Err(_) => format!("write a number without quotes, e.g. {name} = 3"),
                };
                self.mismatch("a whole number", Some(hint))
            }
            DeValue::Float(f) => {
                let rounded = f.as_str().parse::<f64>().map_or(1.0, f64::round);
                let hint = format!("use a whole number, e.g. {name} = {rounded}");
                self.mismatch("a whole number", Some(hint))
            }
            _ => self.mismatch("a whole number", None),
        }
    }

    pub fn bool(&self) -> Option<bool> {
        let name = self.name;
        match self.value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            DeValue::String(s) => {
                let hint = match s.trim().to_lowercase().as_str() {
                    "true" | "yes" => format!("write {name} = true without quotes"),
                    "false" | "no" => format!("write {name} = false without quotes"),
                    _ => format!("write {name} = true or {name} = false"),
                };
                self.mismatch("true or false", Some(hint))
            }
            _ => {
                let hint = format!("write {name} = true or {name} = false");
                self.mismatch("true or false", Some(hint))
            }
        }
    }

    pub fn datetime(&self) -> Option<&'a Datetime> {
        let name = self.name;
        match self.value.get_ref() {
            DeValue::Datetime(d) => Some(d),
            DeValue::String(s) if s.trim().parse::<Datetime>().is_ok() => {
                let hint = format!("write {name} = {} without quotes", s.trim());
                self.mismatch("a date", Some(hint))
            }
            _ => {
                let hint = format!(
                    "write the date as YYYY-MM-DD without quotes, e.g. {name} = 2026-11-23"
                );
                self.mismatch("a date", Some(hint))
            }
        }
    }

    pub fn table(&self) -> Option<Table<'a>> {
        match self.value.get_ref() {
            DeValue::Table(entries) => Some(Table {
                cx: self.cx,
                entries,
                offset: self.offset(),
                key: self.key.clone(),
                unknown: RefCell::default(),
            }),
            _ => {
                let hint = format!(
                    "write [{}] on a line of its own, with its keys on the lines below it",
                    header(&self.key)
                );
                self.mismatch("a table", Some(hint))
            }
        }
    }

    /// The items of a list, each keyed by its position.
    pub fn list(&self) -> Option<Vec<Value<'a>>> {
        let name = self.name;
        match self.value.get_ref() {
            DeValue::Array(items) if items.len() > MAX_LIST_ITEMS => {
                let message = format!(
                    "the list has {} items; a handout takes at most {MAX_LIST_ITEMS}",
                    items.len()
                );
                let hint = "shorten it, or split the material over several handouts";
                self.emit(self.error(message).hint(hint));
                None
            }
            DeValue::Array(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, value)| Value {
                        cx: self.cx,
                        value,
                        key: format!("{}[{}]", self.key, i + 1),
                        name,
                    })
                    .collect(),
            ),
            DeValue::String(s) => {
                let example = if s.chars().count() <= 40 {
                    s.as_ref()
                } else {
                    "…"
                };
                let hint =
                    format!("write a list in square brackets, e.g. {name} = [\"{example}\"]");
                self.mismatch("a list", Some(hint))
            }
            _ => {
                let hint = format!("write a list in square brackets, e.g. {name} = [\"…\", \"…\"]");
                self.mismatch("a list", Some(hint))
            }
        }
    }

    /// A list of tables, as `[[name]]` headers write it; items that are not tables are reported.
    pub fn tables(&self) -> Option<Vec<Table<'a>>> {
        let each = format!(
            "start each one with [[{}]] on a line of its own",
            header(&self.key)
        );
        match self.value.get_ref() {
            DeValue::Array(_) => {
                let items = self.list()?;
                let tables: Vec<Table<'a>> = items
                    .iter()
                    .filter_map(|item| match item.value.get_ref() {
                        DeValue::Table(_) => item.table(),
                        _ => item.mismatch("a table", Some(each.clone())),
                    })
                    .collect();
                (tables.len() == items.len()).then_some(tables)
            }
            DeValue::Table(_) => {
                let hint = format!("write [[{}]] with double brackets", header(&self.key));
                self.mismatch("a list of tables", Some(hint))
            }
            _ => self.mismatch("a list of tables", Some(each)),
        }
    }
}

/// `read` applied to every item, in order; `None` when any item could not be read.
///
/// Every item is read even after one fails, so that the problems of all of them are reported
/// in one run rather than one per run.
pub(crate) fn read_all<I, T>(items: &[I], read: impl FnMut(&I) -> Option<T>) -> Option<Vec<T>> {
    let read: Vec<Option<T>> = items.iter().map(read).collect();
    read.into_iter().collect()
}

/// The TOML header that opens the table at `key`: `exercise[2].image` is `exercise.image`.
fn header(key: &str) -> String {
    let mut header = String::with_capacity(key.len());
    let mut in_index = false;
    for c in key.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => header.push(c),
            _ => {}
        }
    }
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diagnostics `walk` reports on `text`, one line each: `line:col key: message | hint`.
    fn walk(text: &str, walk: impl FnOnce(Table)) -> Vec<String> {
        let file = SourceFile {
            path: "t.toml".into(),
            text: text.into(),
        };
        let report = Report::default();
        let tree = file.parse(&report).expect("test TOML parses");
        let cx = FileCx {
            file: &file,
            report: &report,
            coverage: &OnceCell::new(),
        };
        walk(Table::root(&cx, &tree));
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
    fn unknown_keys_get_a_suggestion_or_the_allowed_list() {
        let problems = walk("titel = \"x\"\nzzz = 1\n[page]\nsummary = \"s\"\n", |t| {
            t.check_keys(&["title", "summary", "page"], None);
            let top = Outer {
                keys: &["title", "summary", "page"],
                move_above: "the first [table]",
            };
            let page = t.get("page").unwrap().table().unwrap();
            page.check_keys(&["paper"], Some(&top));
        });
        assert_eq!(
            problems,
            [
                "1:1 titel: unknown key `titel` | did you mean `title`?",
                "2:1 zzz: unknown key `zzz` | allowed here: `title`, `summary` or `page`",
                "4:1 page.summary: unknown key `summary` | keys below a [header] line belong to \
                 that table; move `summary` above the first [table]",
            ]
        );
    }

    #[test]
    fn wrong_types_say_what_was_expected_and_how_to_fix_it() {
        let text = "sets = \"3\"\nreps = 2.5\neach_side = \"yes\"\nname = 12\nsteps = \"Lie down.\"\nreviewed = \"2026-11-23\"\n";
        let problems = walk(text, |t| {
            assert_eq!(t.get("sets").unwrap().integer(), None);
            assert_eq!(t.get("reps").unwrap().integer(), None);
            assert_eq!(t.get("each_side").unwrap().bool(), None);
            assert_eq!(t.get("name").unwrap().str(), None);
            assert!(t.get("steps").unwrap().list().is_none());
            assert!(t.get("reviewed").unwrap().datetime().is_none());
        });
        assert_eq!(
            problems,
            [
                "1:8 sets: expected a whole number, found a string | write sets = 3 without quotes",
                "2:8 reps: expected a whole number, found a decimal number | use a whole number, e.g. reps = 3",
                "3:13 each_side: expected true or false, found a string | write each_side = true without quotes",
                "4:8 name: expected a string, found a whole number | put text in double quotes: name = \"12\"",
                "5:9 steps: expected a list, found a string | write a list in square brackets, e.g. steps = [\"Lie down.\"]",
                "6:12 reviewed: expected a date, found a string | write reviewed = 2026-11-23 without quotes",
            ]
        );
    }

    #[test]
    fn missing_keys_point_at_the_table_header() {
        let problems = walk("title = \"x\"\n\n[[cause]]\ntext = \"t\"\n", |t| {
            let causes = t.get("cause").unwrap().tables().unwrap();
            assert!(causes[0].require("name", "name = \"Bursitis\"").is_none());
        });
        assert_eq!(
            problems,
            ["3:1 cause[1].name: missing required key `name` | add a line `name = \"Bursitis\"`"]
        );
    }

    #[test]
    fn a_single_bracket_table_where_a_list_of_tables_belongs() {
        let problems = walk("[exercise]\nname = \"x\"\n", |t| {
            assert!(t.get("exercise").unwrap().tables().is_none());
        });
        assert_eq!(
            problems,
            ["1:1 exercise: expected a list of tables, found a table | write [[exercise]] with double brackets"]
        );
    }

    #[test]
    fn read_all_reads_every_item_after_one_fails() {
        let problems = walk("x = [1, \"two\", 3, \"four\"]\n", |t| {
            let items = t.get("x").unwrap().list().unwrap();
            let mut read = Vec::new();
            let all = read_all(&items, |item| {
                read.push(item.key.clone());
                item.integer()
            });
            assert_eq!(all, None);
            assert_eq!(read, ["x[1]", "x[2]", "x[3]", "x[4]"]);
            let numbers = [items[0].clone(), items[2].clone()];
            assert_eq!(read_all(&numbers, Value::integer), Some(vec![1, 3]));
        });
        assert_eq!(
            problems,
            [
                "1:9 x[2]: expected a whole number, found a string | write a number without quotes, e.g. x = 3",
                "1:19 x[4]: expected a whole number, found a string | write a number without quotes, e.g. x = 3",
            ]
        );
    }

    #[test]
    fn list_items_are_keyed_from_one() {
        let problems = walk(
            "[[exercise]]\n[[exercise.image]]\n[[exercise.image]]\nfile = 3\n",
            |t| {
                let exercise = &t.get("exercise").unwrap().tables().unwrap()[0];
                let images = exercise.get("image").unwrap().tables().unwrap();
                assert_eq!(images[1].get("file").unwrap().str(), None);
            },
        );
        assert_eq!(
            problems,
            ["4:8 exercise[1].image[2].file: expected a string, found a whole number | put text in double quotes: file = \"3\""]
        );
    }
}
