//! Rosters: one handout for each row of a CSV file, with the person's name, an
//! optional note, clinician and date, and per-exercise dosage overrides and notes in
//! columns named `EXERCISE_ID.FIELD` (`split-squat.reps`, `split-squat.note`): the
//! library id, or the name of an exercise written in place, in lower case with hyphens.
//!
//! Files are read as spreadsheets save them: with a byte order mark or without, lines
//! ending in CRLF or LF, cells separated by commas, or by semicolons or tabs where a
//! spreadsheet's language uses the comma in numbers; column names in any letter case.
//!
//! Each row becomes a [`Personalization`], checked against the handout before anything
//! is built, so a bad row stops the whole batch with its file, row and column.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::calendar::parse_date;
use crate::content::suggest::closest;
use crate::content::{
    exercise_key, slug, DosageChange, ExerciseNote, Given, Personalization, Personalizer,
};
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
    /// `EXERCISE_ID.note`: a note printed in that exercise's card.
    ExerciseNote {
        exercise: String,
    },
}

const PERSON_COLUMNS: [&str; 4] = ["name", "note", "clinician", "date"];

/// The longest file name most file systems take, in bytes.
const MAX_FILE_NAME: usize = 255;

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
    let separator = separator(text);
    let place = |offset: usize| Location::at_offset(path, &String::from_utf8_lossy(text), offset);
    if let Some(quote) = unclosed_quote(text, separator) {
        return Err(Diagnostic::error("this quote is never closed")
            .at(place(quote))
            .hint("close the cell with a second \", or delete the quote; a quote inside a quoted cell is written twice (\"\")")
            .into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(separator)
        .from_reader(text);
    let mut problems = Diagnostics::default();
    let mut lines = Lines::new(text);
    // Where cell `index` of the record starting at byte `start` on `line` is.
    let at = |(line, start): (usize, usize), index: usize| Location {
        file: PathBuf::from(path),
        line: Some(line),
        column: Some(cell_column(text, start, index, separator)),
    };
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => return Err(csv_error(path, &error).into()),
    };
    let header_place = lines.record(headers.position());
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    if let [only] = names.as_slice() {
        if column(only, document).is_err() {
            return Err(one_column(only).at(at(header_place, 0)).into());
        }
    }
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        if let Some(first) = names[..i].iter().position(|earlier| earlier == name) {
            problems.push(
                Diagnostic::error(format!(
                    "the column `{name}` is given twice: here and as column {}",
                    first + 1
                ))
                .at(at(header_place, i))
                .key(name.clone())
                .hint("keep one of them; which of two values to print can't be known"),
            );
            columns.push(None);
            continue;
        }
        columns.push(match column(name, document) {
            Ok(column) => Some(column),
            Err(problem) => {
                problems.push(problem.at(at(header_place, i)).key(name.clone()));
                None
            }
        });
    }
    if !columns.contains(&Some(Column::Name)) {
        problems.push(
            Diagnostic::error("the roster has no `name` column")
                .at(at(header_place, 0))
                .hint(format!(
                    "add a first line of column names, e.g. name{0}note{0}split-squat.reps",
                    separator_name(separator).0
                )),
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
        let place = lines.record(record.position());
        let line = place.0 as u64;
        if record.len() != headers.len() {
            problems.push(
                Diagnostic::error(format!(
                    "this row has {} cells, the first line names {}",
                    record.len(),
                    headers.len()
                ))
                .at(at(place, 0))
                .hint(format!(
                    "give every row one cell per column; quote cells that hold {}",
                    separator_name(separator).1
                )),
            );
            continue;
        }
        let mut personalization = Personalization::default();
        for (i, (cell, column)) in record.iter().zip(&columns).enumerate() {
            let Some(column) = column else { continue };
            let given = Given {
                text: cell.trim().to_string(),
                key: names[i].clone(),
                location: Some(at(place, i)),
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
                    .at(at(place, i))
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

/// The first line read as one column that is none of a roster's: most likely its cells
/// are separated by something the reader does not take as a separator.
fn one_column(name: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "the first line is read as one column, `{name}`, which is not a roster's column"
    ))
    .hint(
        "separate the cells with commas, e.g. name,note,split-squat.reps (semicolons and tabs \
         are read too); most spreadsheets save this as \"CSV\"",
    )
}

/// What separates the cells: a comma, or a semicolon or a tab when the first line has one
/// of those outside quotes and no comma, as spreadsheets set to languages that write
/// decimal commas save "CSV".
fn separator(text: &[u8]) -> u8 {
    let mut quoted = false;
    let mut found = None;
    for &byte in text {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => return b',',
            b';' | b'\t' if !quoted => {
                found.get_or_insert(byte);
            }
            _ => {}
        }
    }
    found.unwrap_or(b',')
}

/// The separator as a word for a hint, and as the character that separates.
fn separator_name(separator: u8) -> (char, &'static str) {
    match separator {
        b';' => (';', "semicolons"),
        b'\t' => ('\t', "tabs"),
        _ => (',', "commas"),
    }
}

/// The byte offset of a quote that opens a cell and is never closed. The CSV reader takes
/// everything after such a quote, to the end of the file, as one cell, silently.
fn unclosed_quote(text: &[u8], separator: u8) -> Option<usize> {
    let mut at_cell_start = true;
    let mut i = 0;
    while i < text.len() {
        let byte = text[i];
        if at_cell_start && byte == b'"' {
            let open = i;
            i += 1;
            loop {
                match text.get(i..)?.iter().position(|&b| b == b'"') {
                    None => return Some(open),
                    // A quote written twice is one quote in the cell.
                    Some(j) if text.get(i + j + 1) == Some(&b'"') => i += j + 2,
                    Some(j) => {
                        i += j + 1;
                        break;
                    }
                }
            }
            at_cell_start = false;
            continue;
        }
        at_cell_start = byte == separator || byte == b'\n' || byte == b'\r';
        i += 1;
    }
    None
}

/// Line numbers of records, counted as the file is read. A record of a CRLF file starts
/// where the CSV reader finished the one before, on that one's `\n`: its start is moved
/// past line endings, and its line counted from them.
struct Lines<'a> {
    text: &'a [u8],
    /// A byte offset, and the line it is on.
    counted: (usize, usize),
}

impl<'a> Lines<'a> {
    fn new(text: &'a [u8]) -> Self {
        Lines {
            text,
            counted: (0, 1),
        }
    }

    /// The line a record starts on and the byte where its first cell starts.
    fn record(&mut self, position: Option<&csv::Position>) -> (usize, usize) {
        let mut start = position
            .map_or(0, |p| p.byte() as usize)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let (from, line) = self.counted;
        let line = if start >= from {
            line + self.text[from..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        } else {
            1 + self.text[..start].iter().filter(|&&b| b == b'\n').count()
        };
        self.counted = (start, line);
        (line, start)
    }
}

/// The 1-based character column where cell `index` starts, in the record that
/// starts at byte `start` of `text`: separators inside quotes do not count.
fn cell_column(text: &[u8], start: usize, index: usize, separator: u8) -> usize {
    let line = text.get(start..).unwrap_or_default();
    let mut cells = 0;
    let mut quoted = false;
    let mut at = 0;
    for (i, &byte) in line.iter().enumerate() {
        if cells == index || (!quoted && matches!(byte, b'\n' | b'\r')) {
            break;
        }
        match byte {
            b'"' => quoted = !quoted,
            _ if byte == separator && !quoted => {
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

/// What a column name, in lower case, means for this handout.
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
    // The column name is in lower case; an id need not be (`Calf_Raise.toml`).
    let Some(exercise) = ids.iter().copied().find(|id| id.to_lowercase() == exercise) else {
        let hint = match closest(exercise, ids.iter().copied()) {
            Some(near) => format!("did you mean `{near}.{field}`?"),
            None => format!("this handout's exercises are {}", ids.join(", ")),
        };
        return Err(Box::new(
            Diagnostic::error(format!("the handout has no exercise `{exercise}`")).hint(hint),
        ));
    };
    if field == "note" {
        return Ok(Column::ExerciseNote {
            exercise: exercise.to_string(),
        });
    }
    let keys = DosageField::ALL.map(DosageField::key);
    let Some(&dosage) = DosageField::ALL.iter().find(|f| f.key() == field) else {
        let fields: Vec<&str> = keys.iter().copied().chain(["note"]).collect();
        let hint = match closest(field, fields.iter().copied()) {
            Some(near) => format!("did you mean `{exercise}.{near}`?"),
            None => format!(
                "an exercise's columns are its dosage fields, {}, and note",
                keys.join(", ")
            ),
        };
        return Err(Box::new(
            Diagnostic::error(format!("`{field}` is not a dosage field or note")).hint(hint),
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
        Column::ExerciseNote { exercise } => personalization.exercise_notes.push(ExerciseNote {
            exercise: exercise.clone(),
            note: cell,
        }),
    }
    Ok(())
}

/// File names for the rows, without `.pdf`: `STEM--NAME` in lower-case ASCII, with `-2`,
/// `-3`, … added where two people share a name. A name too long for the file system is cut
/// at a word, and the stem too if it must be, so that every file name fits in 255 bytes.
pub fn file_stems(stem: &str, roster: &Roster) -> Vec<String> {
    // Room for ".pdf" and a "-N" that tells apart names cut to the same words.
    let room = MAX_FILE_NAME - ".pdf".len() - "-99999999".len();
    let mut taken: HashSet<String> = HashSet::with_capacity(roster.rows.len());
    let mut stems = Vec::with_capacity(roster.rows.len());
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
        let stem = cut_at_word(stem, room / 2);
        let slug = cut_at_word(&slug, room - stem.len() - "--".len());
        let base = format!("{stem}--{slug}");
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(candidate.clone());
        stems.push(candidate);
    }
    stems
}

/// `text` (words joined by hyphens) cut to at most `bytes`, at a hyphen when one is
/// in the last part, so the name stays readable.
fn cut_at_word(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let cut = (0..=bytes)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let at_word = text[..cut].rfind('-').filter(|&hyphen| hyphen > cut / 2);
    text[..at_word.unwrap_or(cut)].trim_end_matches('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_columns_count_characters_and_skip_quoted_separators() {
        let text = "name,note\n\"O’Brien, Aoife\",é,x\n".as_bytes();
        let second_line = text.iter().position(|&b| b == b'\n').unwrap() + 1;
        assert_eq!(cell_column(text, 0, 1, b','), 6);
        assert_eq!(cell_column(text, second_line, 0, b','), 1);
        assert_eq!(cell_column(text, second_line, 1, b','), 18);
        assert_eq!(cell_column(text, second_line, 2, b','), 20);
        assert_eq!(cell_column(b"a;b;c", 0, 2, b';'), 5);
    }

    #[test]
    fn the_separator_is_read_from_the_first_line() {
        assert_eq!(separator(b"name,note\n"), b',');
        assert_eq!(separator(b"name;note\r\nA;1,5\r\n"), b';');
        assert_eq!(separator(b"name\tnote\n"), b'\t');
        assert_eq!(separator(b"\"a;b\",note\n"), b',');
        assert_eq!(separator(b"name\n"), b',');
    }

    #[test]
    fn a_quote_never_closed_is_found_where_it_opens() {
        assert_eq!(unclosed_quote(b"name,note\nA,\"x\nB,y\n", b','), Some(12));
        assert_eq!(
            unclosed_quote(b"name,note\nA,\"say \"\"hi\"\"\"\n", b','),
            None
        );
        assert_eq!(
            unclosed_quote(b"name,note\nA,5\" tall\n", b','),
            None,
            "a quote inside a cell is a character"
        );
        assert_eq!(unclosed_quote(b"name;note\nA;\"x\n", b';'), Some(12));
    }

    #[test]
    fn records_of_crlf_files_are_on_their_own_lines() {
        let text = b"name,reps\r\nAoife,6\r\nBrian,x\r\n";
        let mut reader = csv::ReaderBuilder::new().from_reader(&text[..]);
        let mut lines = Lines::new(text);
        let header = lines.record(reader.headers().unwrap().position());
        assert_eq!(header, (1, 0));
        let places: Vec<(usize, usize)> = reader
            .records()
            .map(|r| lines.record(r.unwrap().position()))
            .collect();
        assert_eq!(places, [(2, 11), (3, 20)]);
        assert_eq!(cell_column(text, 20, 1, b','), 7);
    }

    #[test]
    fn long_names_are_cut_at_a_word_and_told_apart() {
        assert_eq!(cut_at_word("aoife-obrien", 40), "aoife-obrien");
        assert_eq!(
            cut_at_word("aoife-obrien-nic-giolla", 17),
            "aoife-obrien-nic"
        );
        assert_eq!(cut_at_word("a".repeat(30).as_str(), 10), "a".repeat(10));
    }
}
