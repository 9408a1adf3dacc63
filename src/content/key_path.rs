//! The way from the top of a content file to a value, step by step, and the two ways a reader
//! writes it: as a dotted key, `exercise[2].image[1].file`, its list items counted from 1;
//! and as the header of a table, `exercise.image`.

/// One step of the way from the top of a file to a value: a key, or a list's item (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Item(usize),
}

/// `exercise[2].image[1].file`, for the steps to it.
pub(crate) fn dotted(steps: &[Step]) -> String {
    let mut key = String::new();
    for step in steps {
        match step {
            Step::Key(name) if key.is_empty() => key.push_str(name),
            Step::Key(name) => {
                key.push('.');
                key.push_str(name);
            }
            Step::Item(index) => key.push_str(&format!("[{}]", index + 1)),
        }
    }
    key
}

/// The TOML header that opens the table at `steps`: `exercise[2].image` is `exercise.image`.
pub(crate) fn header(steps: &[Step]) -> String {
    let names: Vec<&str> = steps
        .iter()
        .filter_map(|step| match step {
            Step::Key(name) => Some(name.as_str()),
            Step::Item(_) => None,
        })
        .collect();
    names.join(".")
}
