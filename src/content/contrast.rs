//! Warnings on a brand's primary colour where, as the renderer prints it, it does not
//! read well enough: in colour or in grey, and saying which colour is printed instead
//! where the renderer darkens it.

use super::file::Value;
use crate::checks::contrast::{brand_problems, ContrastProblem};
use crate::model::Colors;

/// Reports, at the primary colour's value, each way the brand's colours fall short.
pub(crate) fn report(primary: &Value, colors: Colors) {
    for problem in brand_problems(colors) {
        let hint = format!(
            "choose a darker primary colour, such as \"{}\"",
            problem.suggestion
        );
        primary.emit(primary.warning(message(&problem)).hint(hint));
    }
}

/// "headings, links and step numbers on white (#CCCCCC on #FFFFFF) read at 1.6:1, …".
fn message(problem: &ContrastProblem) -> String {
    let printed = if problem.greyscale {
        "printed in grey, "
    } else {
        ""
    };
    let mut message = format!(
        "{printed}{} ({} on {}) read at {:.1}:1, less than the {}:1 WCAG asks",
        problem.used_for.describe(),
        problem.foreground,
        problem.background,
        // Cut, not rounded, so that a ratio just short is never shown as enough.
        (problem.ratio * 10.0).floor() / 10.0,
        problem.needed,
    );
    if let Some(instead) = problem.printed_instead {
        message.push_str(&format!(
            "; the renderer prints them in {instead} instead, dark enough to read"
        ));
    }
    message
}
