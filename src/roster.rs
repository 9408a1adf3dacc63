//! Rosters: one handout for each row of a CSV file, with the person's name, an
//! optional note, clinician and date, and per-exercise dosage overrides in
//! columns named `EXERCISE_ID.FIELD` (`split-squat.reps`): the library id, or the
//! name of an exercise written in place, in lower case with hyphens.
//!
//! Each row becomes a [`Personalization`], checked against the handout before anything
//! is built, so a bad row stops the whole batch with its file, row and column.

use std::path::{Path, PathBuf};

use crate::calendar::parse_date;
use crate::content::suggest::closest;
use crate::content::{exercise_key, slug, DosageChange, Given, Personalization, Personalizer};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{Document, DosageField};

/// The rows of a roster, checked against one handout.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    pub rows: Vec<Row>,
    /// What checking the rows warned about: characters of their details the font lacks.
    pub warnings: Diagnostics,
}

/// One person's handout.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line of the file the row starts on.
    pub line: u64,
    pub personalization: Personalization,
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

/// Reads `path`, and checks every row as `personalizer` personalizes `document` with it.
pub fn read(
    path: &Path,
    document: &Document,
    personalizer: &Personalizer,
) -> Result<Roster, Diagnostics> {
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
        let mut personalization = Personalization::default();
        for (i, (cell, column)) in record.iter().zip(&columns).enumerate() {
            let Some(column) = column else { continue };
            let given = Given {
                text: cell.trim().to_string(),
                key: headers[i].trim().to_string(),
                location: Some(at(position.as_ref(), i)),
            };
            if let Err(problem) = fill(&mut personalization, column, given) {
                problems.push(*problem);
            }
        }
        if personalization.name.is_none() && columns.contains(&Some(Column::Name)) {
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
        match personalizer.personalize(document, &personalization) {
            Ok(personalized) => problems.extend(personalized.warnings),
            Err(refused) => problems.extend(refused),
        }
        rows.push(Row {
            line,
            personalization,
        });
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
    Ok(Roster {
        rows,
        warnings: problems,
    })
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

/// Puts one cell into `personalization`; an empty cell leaves the handout as it is.
fn fill(
    personalization: &mut Personalization,
    column: &Column,
    cell: Given,
) -> Result<(), Box<Diagnostic>> {
    if cell.text.is_empty() {
        return Ok(());
    }
    match column {
        Column::Name => personalization.name = Some(cell),
        Column::Note => personalization.note = Some(cell),
        Column::Clinician => personalization.clinician = Some(cell),
        Column::Date => match parse_date(&cell.text) {
            Ok(date) => personalization.date = Some(date),
            Err(message) => {
                let mut problem = Diagnostic::error(message).key(cell.key);
                problem.location = cell.location;
                return Err(Box::new(problem));
            }
        },
        Column::Dosage { exercise, field } => personalization.dosages.push(DosageChange {
            exercise: exercise.clone(),
            field: *field,
            value: cell,
        }),
    }
    Ok(())
}

/// File names for the rows: `STEM--NAME` in lower-case ASCII, with `-2`, `-3`, …
/// added where two people share a name.
pub fn file_stems(stem: &str, roster: &Roster) -> Vec<String> {
    let mut taken: Vec<String> = Vec::with_capacity(roster.rows.len());
    for (i, row) in roster.rows.iter().enumerate() {
        let name = row
            .personalization
            .name
            .as_ref()
            .map_or("", |name| name.text.as_str());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_columns_count_characters_and_skip_quoted_commas() {
        let text = "name,note\n\"O’Brien, Aoife\",é,x\n".as_bytes();
        let second_line = text.iter().position(|&b| b == b'\n').unwrap() + 1;
        assert_eq!(cell_column(text, 0, 1), 6);
        assert_eq!(cell_column(text, second_line, 0), 1);
        assert_eq!(cell_column(text, second_line, 1), 18);
        assert_eq!(cell_column(text, second_line, 2), 20);
    }
}
