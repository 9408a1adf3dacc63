//! Rosters: one handout for each row of a CSV file, with the person's name, an
//! optional note, clinician and date, and per-exercise dosage overrides in
//! columns named `EXERCISE_ID.FIELD` (`split-squat.reps`): the library id, or the
//! name of an exercise written in place, in lower case with hyphens.
//!
//! Every row is checked against the handout before anything is built, so a bad
//! row stops the whole batch with its file, row and column.

use std::path::{Path, PathBuf};

use crate::calendar::parse_date;
use crate::content::suggest::closest;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{Document, DosageField, DosageValue, Exercise, Recipient};

/// The rows of a roster, checked against one handout.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    pub rows: Vec<Row>,
}

/// One person's handout.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line of the file the row starts on.
    pub line: u64,
    pub recipient: Recipient,
    pub overrides: Vec<Override>,
}

/// A dosage for one exercise of the handout, by its library id.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub exercise: String,
    pub field: DosageField,
    pub value: DosageValue,
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Name,
    Note,
    Clinician,
    Date,
    Dosage {
        exercise: String,
        field: DosageField,
    },
}

const PERSON_COLUMNS: [&str; 4] = ["name", "note", "clinician", "date"];

/// Reads `path` and checks every cell against `document`'s exercises.
pub fn read(path: &Path, document: &Document) -> Result<Roster, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostics::from(
            Diagnostic::error(format!("cannot read the roster: {e}"))
                .in_file(path)
                .hint("check the path given to --roster"),
        )
    })?;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text);
    let mut problems = Diagnostics::default();
    // Where cell `index` of the record starting at byte `start` is, as the user sees it.
    let at = |position: Option<&csv::Position>, index: usize| {
        let (line, start) = position.map_or((1, 0), |p| (p.line() as usize, p.byte() as usize));
        Location {
            file: PathBuf::from(path),
            line: Some(line),
            column: Some(cell_column(text, start, index)),
        }
    };
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => return Err(csv_error(path, &error).into()),
    };
    let header_position = headers.position().cloned();
    let columns: Vec<Option<Column>> = headers
        .iter()
        .enumerate()
        .map(|(i, header)| match column(header.trim(), document) {
            Ok(column) => Some(column),
            Err(problem) => {
                problems.push(
                    problem
                        .at(at(header_position.as_ref(), i))
                        .key(header.trim().to_string()),
                );
                None
            }
        })
        .collect();
    if !columns.contains(&Some(Column::Name)) {
        problems.push(
            Diagnostic::error("the roster has no `name` column")
                .at(at(header_position.as_ref(), 0))
                .hint("add a first line of column names, e.g. name,note,split-squat.reps"),
        );
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(csv_error(path, &error));
                continue;
            }
        };
        let position = record.position().cloned();
        let line = position.as_ref().map_or(0, csv::Position::line);
        if record.len() != headers.len() {
            problems.push(
                Diagnostic::error(format!(
                    "this row has {} cells, the first line names {}",
                    record.len(),
                    headers.len()
                ))
                .at(at(position.as_ref(), 0))
                .hint("give every row one cell per column; quote cells that hold commas"),
            );
            continue;
        }
        let mut row = Row {
            line,
            recipient: Recipient::default(),
            overrides: Vec::new(),
        };
        for (i, (cell, column)) in record.iter().zip(&columns).enumerate() {
            let Some(column) = column else { continue };
            if let Err(problem) = fill(&mut row, column, cell.trim()) {
                problems.push(
                    problem
                        .at(at(position.as_ref(), i))
                        .key(headers[i].trim().to_string()),
                );
            }
        }
        if row.recipient.name.is_none() && columns.contains(&Some(Column::Name)) {
            let i = columns
                .iter()
                .position(|c| c == &Some(Column::Name))
                .unwrap_or(0);
            problems.push(
                Diagnostic::error("the name is empty")
                    .at(at(position.as_ref(), i))
                    .key("name")
                    .hint("every row needs the name of the person the handout is for"),
            );
        }
        rows.push(row);
    }
    if rows.is_empty() && !problems.has_errors() {
        problems.push(
            Diagnostic::error("the roster has no rows")
                .in_file(path)
                .hint("add one line per person below the column names"),
        );
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Roster { rows })
}

/// The 1-based character column where cell `index` starts, in the record that
/// starts at byte `start` of `text`: commas inside quotes do not count.
fn cell_column(text: &[u8], start: usize, index: usize) -> usize {
    let line = text.get(start..).unwrap_or_default();
    let mut cells = 0;
    let mut quoted = false;
    let mut at = 0;
    for (i, &byte) in line.iter().enumerate() {
        if cells == index || byte == b'\n' {
            break;
        }
        match byte {
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                cells += 1;
                at = i + 1;
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&line[..at]).chars().count() + 1
}

fn csv_error(path: &Path, error: &csv::Error) -> Diagnostic {
    let line = error.position().map(|p| p.line() as usize);
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "the roster is not UTF-8 text".to_string(),
        _ => format!("the roster cannot be read as CSV: {error}"),
    };
    Diagnostic::error(message)
        .at(Location {
            file: PathBuf::from(path),
            line,
            column: None,
        })
        .hint("save it as CSV, UTF-8 (most spreadsheets offer \"CSV UTF-8\")")
}

/// What a column name means for this handout.
fn column(header: &str, document: &Document) -> Result<Column, Box<Diagnostic>> {
    match header {
        "name" => return Ok(Column::Name),
        "note" => return Ok(Column::Note),
        "clinician" => return Ok(Column::Clinician),
        "date" => return Ok(Column::Date),
        _ => {}
    }
    let keys: Vec<String> = document.exercises.iter().map(exercise_key).collect();
    let ids: Vec<&str> = keys.iter().map(String::as_str).collect();
    let Some((exercise, field)) = header.split_once('.') else {
        let hint = match closest(header, PERSON_COLUMNS) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "columns are name, note, clinician, date and EXERCISE_ID.FIELD, e.g. split-squat.reps"
                .to_string(),
        };
        return Err(Box::new(
            Diagnostic::error(format!("unknown column `{header}`")).hint(hint),
        ));
    };
    if !ids.contains(&exercise) {
        let hint = match closest(exercise, ids.iter().copied()) {
            Some(near) => format!("did you mean `{near}.{field}`?"),
            None => format!("this handout's exercises are {}", ids.join(", ")),
        };
        return Err(Box::new(
            Diagnostic::error(format!("the handout has no exercise `{exercise}`")).hint(hint),
        ));
    }
    let keys = DosageField::ALL.map(DosageField::key);
    let Some(&dosage) = DosageField::ALL.iter().find(|f| f.key() == field) else {
        let hint = match closest(field, keys) {
            Some(near) => format!("did you mean `{exercise}.{near}`?"),
            None => format!("the dosage fields are {}", keys.join(", ")),
        };
        return Err(Box::new(
            Diagnostic::error(format!("`{field}` is not a dosage field")).hint(hint),
        ));
    };
    Ok(Column::Dosage {
        exercise: exercise.to_string(),
        field: dosage,
    })
}

/// Puts one cell's value into `row`; an empty cell leaves the handout as it is.
fn fill(row: &mut Row, column: &Column, cell: &str) -> Result<(), Box<Diagnostic>> {
    if cell.is_empty() {
        return Ok(());
    }
    if let Some(c) = cell.chars().find(|c| c.is_control()) {
        return Err(Box::new(
            Diagnostic::error(format!(
                "the cell holds the control character U+{:04X}",
                c as u32
            ))
            .hint("remove it"),
        ));
    }
    let recipient = &mut row.recipient;
    match column {
        Column::Name => recipient.name = Some(cell.to_string()),
        Column::Note => recipient.note = Some(cell.to_string()),
        Column::Clinician => recipient.clinician = Some(cell.to_string()),
        Column::Date => {
            recipient.date = Some(parse_date(cell).map_err(|e| Box::new(Diagnostic::error(e)))?)
        }
        Column::Dosage { exercise, field } => row.overrides.push(Override {
            exercise: exercise.clone(),
            field: *field,
            value: dosage_value(*field, cell)?,
        }),
    }
    Ok(())
}

fn dosage_value(field: DosageField, cell: &str) -> Result<DosageValue, Box<Diagnostic>> {
    let Some(range) = field.range() else {
        return match cell.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" => Ok(DosageValue::Flag(true)),
            "false" | "no" | "n" | "0" => Ok(DosageValue::Flag(false)),
            _ => Err(Box::new(
                Diagnostic::error(format!("expected yes or no, found `{cell}`"))
                    .hint("write yes, no, true or false"),
            )),
        };
    };
    match cell.parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(DosageValue::Count(n)),
        _ => Err(Box::new(Diagnostic::error(format!(
            "expected a whole number from {} to {}, found `{cell}`",
            range.start(),
            range.end()
        )))),
    }
}

impl Row {
    /// The handout for this row: its person's details over the handout's own
    /// (those given on the command line), and its dosages over the handout's.
    pub fn apply(&self, document: &Document) -> Document {
        let mut document = document.clone();
        let defaults = document.recipient.take().unwrap_or_default();
        let row = &self.recipient;
        document.recipient = Some(Recipient {
            name: row.name.clone().or(defaults.name),
            clinician: row.clinician.clone().or(defaults.clinician),
            date: row.date.or(defaults.date),
            note: row.note.clone().or(defaults.note),
        });
        for change in &self.overrides {
            let matching = document
                .exercises
                .iter_mut()
                .filter(|e| exercise_key(e) == change.exercise);
            for exercise in matching {
                exercise.dosage.set(change.field, change.value);
            }
        }
        document
    }
}

/// How a roster names an exercise: its library id, or for one written in place,
/// its name as lower-case words joined by hyphens ("Split Squat" → `split-squat`).
fn exercise_key(exercise: &Exercise) -> String {
    exercise.id.clone().unwrap_or_else(|| slug(&exercise.name))
}

/// File names for the rows: `STEM--NAME` in lower-case ASCII, with `-2`, `-3`, …
/// added where two people share a name.
pub fn file_stems(stem: &str, roster: &Roster) -> Vec<String> {
    let mut taken: Vec<String> = Vec::with_capacity(roster.rows.len());
    for (i, row) in roster.rows.iter().enumerate() {
        let name = row.recipient.name.as_deref().unwrap_or_default();
        let mut slug = slug(name);
        if slug.is_empty() {
            slug = format!("row-{}", i + 1);
        }
        let base = format!("{stem}--{slug}");
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        taken.push(candidate);
    }
    taken
}

/// "Aoife O’Brien" → "aoife-obrien", "Sinéad Ní Bhriain" → "sinead-ni-bhriain".
fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if c == '\'' {
            // Apostrophes join: O'Brien is one word.
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_readable_ascii_file_names() {
        assert_eq!(slug("Aoife O’Brien"), "aoife-obrien");
        assert_eq!(slug("Sinéad Ní Bhriain"), "sinead-ni-bhriain");
        assert_eq!(slug("  Jane   Doe (2nd) "), "jane-doe-2nd");
        assert_eq!(slug("张伟"), "zhang-wei");
    }

    #[test]
    fn cell_columns_count_characters_and_skip_quoted_commas() {
        let text = "name,note\n\"O’Brien, Aoife\",é,x\n".as_bytes();
        let second_line = text.iter().position(|&b| b == b'\n').unwrap() + 1;
        assert_eq!(cell_column(text, 0, 1), 6);
        assert_eq!(cell_column(text, second_line, 0), 1);
        assert_eq!(cell_column(text, second_line, 1), 18);
        assert_eq!(cell_column(text, second_line, 2), 20);
    }

    #[test]
    fn counts_and_flags_are_checked_against_the_dosage_field() {
        assert_eq!(
            dosage_value(DosageField::Reps, "12"),
            Ok(DosageValue::Count(12))
        );
        assert_eq!(
            dosage_value(DosageField::EachSide, "Yes"),
            Ok(DosageValue::Flag(true))
        );
        assert!(dosage_value(DosageField::Sets, "21").is_err());
        assert!(dosage_value(DosageField::Sets, "three").is_err());
        assert!(dosage_value(DosageField::Sets, "-1").is_err());
        assert!(dosage_value(DosageField::EachSide, "maybe").is_err());
    }
}
