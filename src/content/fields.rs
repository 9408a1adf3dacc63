//! Readers for the kinds of field the content format has: text, numbers within bounds,
//! colours, dates, language tags and web addresses.
//!
//! Each reader takes a [`Value`] and what it holds, read as its kind, reports what is wrong
//! with it, and returns `None` when the value can't be used.

use std::ops::RangeInclusive;

use super::file::Value;
use super::kinds::{Colour, Day, Text};
use super::links::{self, Refusal};
use super::markdown;
use crate::locale;
use crate::model::{Date, Paragraph, Rgb, RichText};
use crate::unicode::shows;

/// Text that may run to several paragraphs, with inline Markdown.
pub(crate) fn rich_text(value: &Value, text: Text) -> Option<RichText> {
    let source = text_source(value, &text.0)?;
    let (text, refusals) = markdown::rich_text(source);
    if !report_refusals(value, refusals) {
        return None;
    }
    let plain: Vec<String> = text.paragraphs.iter().map(Paragraph::to_plain).collect();
    if !prints_something(value, &plain.concat()) {
        return None;
    }
    let blank: Vec<String> = (1..)
        .zip(&plain)
        .filter(|(_, p)| !p.chars().any(is_visible))
        .map(|(n, _)| n.to_string())
        .collect();
    if !blank.is_empty() {
        let message = format!(
            "paragraph {} of the text prints as nothing",
            blank.join(", ")
        );
        let hint = "write its text, or delete it and the blank line before it";
        value.emit(value.error(message).hint(hint));
        return None;
    }
    Some(text)
}

/// One paragraph with inline Markdown, as each item of a list field is.
pub(crate) fn paragraph(value: &Value, text: Text) -> Option<Paragraph> {
    let source = text_source(value, &text.0)?;
    let (paragraph, refusals) = markdown::paragraph(source);
    (report_refusals(value, refusals) && prints_something(value, &paragraph.to_plain()))
        .then_some(paragraph)
}

/// A name, title or caption: one line of text, any Markdown markup taken away.
pub(crate) fn plain(value: &Value, text: Text) -> Option<String> {
    let source = text_source(value, &text.0)?;
    let (text, refusals) = markdown::plain(source);
    (report_refusals(value, refusals) && prints_something(value, &text)).then_some(text)
}

/// A whole number within `range`.
pub(crate) fn whole_number(value: &Value, n: i64, range: RangeInclusive<u32>) -> Option<u32> {
    match u32::try_from(n) {
        Ok(n) if range.contains(&n) => Some(n),
        _ => {
            let message = format!(
                "expected a whole number from {} to {}, found {n}",
                range.start(),
                range.end()
            );
            let hint = format!(
                "write {} = and a number from {} to {}",
                value.name(),
                range.start(),
                range.end()
            );
            value.emit(value.error(message).hint(hint));
            None
        }
    }
}

/// A colour written `"#RRGGBB"`.
pub(crate) fn colour(value: &Value, Colour(written): Colour) -> Option<Rgb> {
    let digits = written.trim().strip_prefix('#').unwrap_or("");
    let channel = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    let parsed = if digits.len() == 6 && digits.is_ascii() {
        channel(0).zip(channel(2)).zip(channel(4))
    } else {
        None
    };
    match parsed {
        Some(((r, g), b)) => Some(Rgb(r, g, b)),
        None => {
            let message = format!("expected a colour like \"#0F6E6E\", found \"{written}\"");
            let hint = "write # and six hex digits (0-9, A-F): two each for red, green and blue";
            value.emit(value.error(message).hint(hint));
            None
        }
    }
}

/// A calendar date, without a time of day.
pub(crate) fn date(value: &Value, day: Day) -> Option<Date> {
    let datetime = day.0;
    match (datetime.date, datetime.time) {
        (Some(date), None) => Some(Date {
            year: date.year,
            month: date.month,
            day: date.day,
        }),
        (Some(date), Some(_)) => {
            let hint = format!(
                "write the date alone: {} = {:04}-{:02}-{:02}",
                value.name(),
                date.year,
                date.month,
                date.day
            );
            value.emit(
                value
                    .error("expected a date without a time of day")
                    .hint(hint),
            );
            None
        }
        (None, _) => {
            let hint = format!(
                "write a date as YYYY-MM-DD, e.g. {} = 2026-11-23",
                value.name()
            );
            value.emit(
                value
                    .error("expected a date, found a time of day")
                    .hint(hint),
            );
            None
        }
    }
}

/// A BCP 47 language tag such as `en` or `en-GB` of a language handouts can be written in
/// (a region of one, such as `es-MX`, is written in its language), in the usual case, so
/// that `EN` and `En-gb` match `en` and `en-GB` downstream.
pub(crate) fn language(value: &Value, written: String) -> Option<String> {
    let tag = written.trim();
    match locale::resolve(tag) {
        Ok(_) => Some(normal_language_case(tag)),
        Err(unknown) => {
            let languages = format!("the languages are {}", locale::supported());
            let hint = match &unknown.suggestion {
                Some(tag) => format!("did you mean {} = \"{tag}\"? {languages}", value.name()),
                None => languages,
            };
            value.emit(value.error(unknown.to_string()).hint(hint));
            None
        }
    }
}

/// `tag` in the case BCP 47 recommends (RFC 5646, 2.1.1): the language lower case, a
/// four-letter script title case (`Latn`), a region upper case (`GB`, `419`), the rest lower
/// case, and everything after a single-letter subtag (an extension or `x-` private use) lower case.
fn normal_language_case(tag: &str) -> String {
    let mut after_singleton = false;
    let subtags: Vec<String> = tag
        .split('-')
        .enumerate()
        .map(|(i, subtag)| {
            let letters = subtag.chars().all(|c| c.is_ascii_alphabetic());
            if i == 0 || after_singleton {
                subtag.to_ascii_lowercase()
            } else if subtag.len() == 1 {
                after_singleton = true;
                subtag.to_ascii_lowercase()
            } else if subtag.len() == 2 && letters {
                subtag.to_ascii_uppercase()
            } else if subtag.len() == 4 && letters {
                let (first, rest) = subtag.split_at(1);
                first.to_ascii_uppercase() + &rest.to_ascii_lowercase()
            } else {
                // Three digits are a region too; digits have no case.
                subtag.to_ascii_lowercase()
            }
        })
        .collect();
    subtags.join("-")
}

/// A web page address, such as an exercise video.
pub(crate) fn web_page(value: &Value, written: String) -> Option<String> {
    let url = written.trim();
    match links::check_web_page(url) {
        Ok(()) => Some(url.to_string()),
        Err(refusal) => {
            report_refusals(value, vec![refusal]);
            None
        }
    }
}

/// A website: as written, to print, and the absolute address it links to; without a
/// scheme, `https://` is implied.
pub(crate) fn website(value: &Value, written: String) -> Option<Website> {
    let written = written.trim();
    match links::website_url(written) {
        Ok(url) => Some(Website {
            written: written.to_string(),
            url,
        }),
        Err(refusal) => {
            report_refusals(value, vec![refusal]);
            None
        }
    }
}

/// A website as [`website`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Website {
    pub written: String,
    pub url: String,
}

/// An email address, checked for its shape only.
pub(crate) fn email(value: &Value, written: String) -> Option<String> {
    let written = written.trim();
    let shaped = written
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.contains('@'))
        && !written.chars().any(char::is_whitespace);
    if shaped {
        return Some(written.to_string());
    }
    let message =
        format!("expected an email address like hello@clinic.example, found \"{written}\"");
    value.emit(value.error(message));
    None
}

/// The most characters one text field may hold: about ten printed pages.
pub(crate) const MAX_TEXT_CHARS: usize = 30_000;

/// Why `text` can't be printed, when it is too long or holds a character that must not be
/// there: the message and the hint. The same rules hold for every text, whether a content
/// file, the command line or a roster gives it.
pub(crate) fn unprintable(text: &str) -> Option<(String, &'static str)> {
    let length = text.chars().count();
    if length > MAX_TEXT_CHARS {
        let message = format!(
            "the text has {length} characters; a field holds at most {MAX_TEXT_CHARS} \
             (about ten pages)"
        );
        return Some((message, "shorten it, or split it over several sections"));
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        let message = format!("the text contains the control character U+{:04X}", c as u32);
        return Some((message, "delete it; it can't be printed"));
    }
    if let Some(c) = text.chars().find(|c| is_direction_override(*c)) {
        let message = format!(
            "the text contains the direction control U+{:04X}, which would show the text in \
             another order than it is written",
            c as u32
        );
        let hint = "delete it; right-to-left words are set in their own direction without it";
        return Some((message, hint));
    }
    None
}

/// Why `text` would print nothing, when it has no character that shows.
pub(crate) fn invisible(text: &str) -> Option<String> {
    if text.chars().any(is_visible) {
        return None;
    }
    if text.trim().is_empty() {
        return Some("the text is empty".to_string());
    }
    let mut codes: Vec<String> = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let code = format!("U+{:04X}", c as u32);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Some(format!(
        "the text has no visible characters, only invisible ones ({})",
        codes.join(", ")
    ))
}

/// The source of a text field, refused when too long, holding control characters or
/// showing nothing; warned about when the font lacks some of its characters.
fn text_source<'t>(value: &Value, text: &'t str) -> Option<&'t str> {
    if let Some((message, hint)) = unprintable(text) {
        value.emit(value.error(message).hint(hint));
        return None;
    }
    if let Some(message) = invisible(text) {
        let hint = format!("write the text, or delete the `{}` line", value.name());
        value.emit(value.error(message).hint(hint));
        return None;
    }
    if let Some(missing) = value.cx().lacking_unnamed(text) {
        let (message, hint) = missing.explain();
        let hint = format!("{hint} (named where first used: not warned again in this file)");
        value.emit(value.warning(message).hint(hint));
    }
    Some(text)
}

/// Whether `text`, as it will be printed, shows anything; reports at `value` when not.
///
/// The source has been found to hold something visible, so what was lost went with the
/// Markdown: a link whose text is only a zero-width space, say.
fn prints_something(value: &Value, text: &str) -> bool {
    if text.chars().any(is_visible) {
        return true;
    }
    let hint = format!(
        "Markdown marks such as ** and [](…) are not printed; write the text itself, or delete \
         the `{}` line",
        value.name()
    );
    value.emit(value.error("the text prints as nothing").hint(hint));
    false
}

/// The embeddings, overrides and isolates of the Unicode bidirectional algorithm, which can
/// make text read differently from its source ("Trojan Source"); the marks U+200E and
/// U+200F, which only nudge neutral characters, are allowed.
fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` leaves a mark on the page: it has a glyph of its own, and is not the blank
/// Braille pattern, whose glyph is empty.
fn is_visible(c: char) -> bool {
    shows(c) && c != '\u{2800}'
}

/// Reports each refusal at `value`; true when there were none.
fn report_refusals(value: &Value, refusals: Vec<Refusal>) -> bool {
    let none = refusals.is_empty();
    for refusal in refusals {
        value.emit(value.error(refusal.message).hint(refusal.hint));
    }
    none
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemars::JsonSchema;
    use serde::Deserialize;

    use crate::content::file::Kind;
    use crate::content::file::{self, FileCx};
    use crate::content::kinds::Choice;
    use crate::content::report::Report;
    use crate::content::source::SourceFile;
    use crate::content::written::{Leaf, List};

    #[derive(Deserialize, JsonSchema)]
    #[serde(bound = "")]
    struct X<K> {
        x: Option<Leaf<K>>,
    }

    #[derive(Deserialize, JsonSchema)]
    #[serde(bound = "")]
    struct Xs<K> {
        x: Option<List<Leaf<K>>>,
    }

    /// What `read` makes of `text`'s content, and every problem reported as
    /// `line:col key: message | hint`.
    fn read_file<D: serde::de::DeserializeOwned + JsonSchema, T>(
        text: &str,
        read: impl FnOnce(&FileCx, &D) -> Option<T>,
    ) -> (Option<T>, Vec<String>) {
        let source = SourceFile {
            path: "t.toml".into(),
            text: text.into(),
        };
        let report = Report::default();
        let coverage = std::cell::OnceCell::new();
        let (cx, content) = file::read::<D>(&source, &report, &coverage).unwrap();
        let result = read(&cx, &content);
        let problems = report
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
            .collect();
        (result, problems)
    }

    /// What `read` makes of the value of `x` in `text`.
    fn read_x<K: Kind + JsonSchema, T>(
        text: &str,
        read: impl FnOnce(&Value, K) -> Option<T>,
    ) -> (Option<T>, Vec<String>) {
        read_file(text, |cx, content: &X<K>| cx.leaf(&content.x, read))
    }

    /// What `read` makes of each item of the list `x` in `text`.
    fn read_xs<K: Kind + JsonSchema, T>(
        text: &str,
        read: impl FnMut(&Value, K) -> Option<T>,
    ) -> (Option<Vec<T>>, Vec<String>) {
        read_file(text, |cx, content: &Xs<K>| cx.items(&content.x, read))
    }

    #[test]
    fn numbers_out_of_range_name_the_range() {
        assert_eq!(
            read_x("x = 3", |v, n| whole_number(v, n, 1..=20)),
            (Some(3), vec![])
        );
        for n in ["0", "-2", "10000"] {
            let (n_read, problems) = read_x(&format!("x = {n}"), |v, n| whole_number(v, n, 1..=20));
            assert_eq!(n_read, None);
            assert_eq!(
                problems,
                [format!(
                    "1:5 x: expected a whole number from 1 to 20, found {n} | write x = and a number from 1 to 20"
                )]
            );
        }
    }

    #[test]
    fn an_unknown_choice_lists_the_choices_and_suggests_one() {
        #[derive(Debug, PartialEq, Deserialize, JsonSchema)]
        #[serde(rename_all = "lowercase")]
        enum Urgency {
            Soon,
            /// Described, so that the schema lists this word apart from the others.
            Urgent,
            Emergency,
        }
        let chosen = |_: &Value, Choice(urgency)| Some(urgency);
        assert_eq!(read_x("x = \" Urgent\"", chosen).0, Some(Urgency::Urgent));
        assert_eq!(
            read_x("x = \"urgnt\"", chosen).1,
            ["1:5 x: expected \"soon\", \"emergency\" or \"urgent\", found \"urgnt\" | did you mean \"urgent\"?"]
        );
    }

    #[test]
    fn colours_are_hash_and_six_hex_digits() {
        assert_eq!(
            read_x("x = \"#0f6E6e\"", colour).0,
            Some(Rgb(0x0F, 0x6E, 0x6E))
        );
        for bad in ["teal", "#0F6E6", "0F6E6E", "#0F6E6G", "#ÿÿÿ"] {
            let (rgb, problems) = read_x(&format!("x = \"{bad}\""), colour);
            assert_eq!(rgb, None);
            assert_eq!(
                problems,
                [format!("1:5 x: expected a colour like \"#0F6E6E\", found \"{bad}\" | write # and six hex digits (0-9, A-F): two each for red, green and blue")]
            );
        }
    }

    #[test]
    fn a_colour_written_as_a_number_is_answered_with_the_text_meant() {
        for (written, hint) in [
            (
                "0x2E7D32",
                "write x = \"#2E7D32\": a # where 0x is, in double quotes",
            ),
            (
                "0xfff",
                "write x = \"#000FFF\": a # where 0x is, in double quotes",
            ),
            (
                "123456",
                "write # and six hex digits in double quotes, e.g. x = \"#0F6E6E\"",
            ),
        ] {
            let (rgb, problems) = read_x(&format!("x = {written}"), colour);
            assert_eq!(rgb, None);
            assert_eq!(
                problems,
                [format!("1:5 x: expected a colour in double quotes, like \"#0F6E6E\", found a whole number | {hint}")]
            );
        }
    }

    #[test]
    fn dates_have_no_time() {
        assert_eq!(
            read_x("x = 2026-11-23", date).0,
            Some(Date {
                year: 2026,
                month: 11,
                day: 23
            })
        );
        assert_eq!(
            read_x("x = 2026-11-23T10:00:00", date).1,
            ["1:5 x: expected a date without a time of day | write the date alone: x = 2026-11-23"]
        );
    }

    #[test]
    fn a_language_must_be_one_handouts_are_written_in() {
        assert_eq!(
            read_x("x = \"en-GB\"", language).0.as_deref(),
            Some("en-GB")
        );
        assert_eq!(
            read_x("x = \"es-MX\"", language).0.as_deref(),
            Some("es-MX")
        );
        let problems = read_x("x = \"en_GB\"", language).1;
        assert!(
            problems[0].starts_with(
                "1:5 x: handouts cannot be written in the language \"en_GB\" | did you mean x = \"en-GB\"? the languages are \"en\" (English)"
            ),
            "{problems:?}"
        );
        let (tag, problems) = read_x("x = \"xx\"", language);
        assert_eq!(tag, None);
        assert!(problems[0].contains("\"pl\" (Polish)"), "{problems:?}");
        let problems = read_x("x = \"Spanish\"", language).1;
        assert!(
            problems[0].contains("did you mean x = \"es\"?"),
            "{problems:?}"
        );
    }

    #[test]
    fn language_tags_are_written_in_the_usual_case() {
        for (written, normal) in [
            ("EN", "en"),
            ("En-gb", "en-GB"),
            (" en-US ", "en-US"),
            ("PT-br", "pt-BR"),
            ("es-419", "es-419"),
            ("DE-latn-AT", "de-Latn-AT"),
        ] {
            let (tag, problems) = read_x(&format!("x = \"{written}\""), language);
            assert_eq!(tag.as_deref(), Some(normal), "{written}");
            assert!(problems.is_empty(), "{problems:?}");
        }
    }

    #[test]
    fn text_may_not_be_empty_or_hold_control_characters() {
        assert_eq!(
            read_x("x = \"  \"", plain).1,
            ["1:5 x: the text is empty | write the text, or delete the `x` line"]
        );
        assert_eq!(
            read_x("x = \"Knee\\u0000\"", rich_text).1,
            ["1:5 x: the text contains the control character U+0000 | delete it; it can't be printed"]
        );
    }

    #[test]
    fn text_with_nothing_visible_is_refused() {
        let hint = "write the text, or delete the `x` line";
        assert_eq!(
            read_x("x = \"\\u200B\"", plain).1,
            [format!(
                "1:5 x: the text has no visible characters, only invisible ones (U+200B) | {hint}"
            )]
        );
        assert_eq!(
            read_x("x = \" \\u200D\\u00AD\\uFEFF \\u200D\"", rich_text).1,
            [format!("1:5 x: the text has no visible characters, only invisible ones (U+200D, U+00AD, U+FEFF) | {hint}")]
        );
        let markup = "Markdown marks such as ** and [](…) are not printed; write the text itself, \
                      or delete the `x` line";
        assert_eq!(
            read_x("x = \"[\\u200B](https://x.org)\"", plain).1,
            [format!("1:5 x: the text prints as nothing | {markup}")]
        );
        assert_eq!(
            read_xs(
                "x = [\"Lie down.\", \"[\\u2060](https://x.org)\"]",
                paragraph
            )
            .1,
            [format!("1:19 x[2]: the text prints as nothing | {markup}")]
        );
        assert_eq!(
            read_x("x = \"\"\"\nOne.\n\n\\u200B\n\nThree.\"\"\"", rich_text).1,
            ["1:5 x: paragraph 2 of the text prints as nothing | write its text, or delete it and the blank line before it"]
        );
        assert_eq!(
            read_x("x = \"Knee\\u200B pain\"", plain).0.as_deref(),
            Some("Knee\u{200B} pain")
        );
    }

    #[test]
    fn a_picture_in_plain_text_is_refused_not_dropped() {
        let picture =
            "a picture can't go inside text | add it as an [[image]] with `file` and `alt`";
        let (caption, problems) = read_x("x = \"![x](y)\"", plain);
        assert_eq!(caption, None);
        assert_eq!(problems, [format!("1:5 x: {picture}")]);
        let (name, problems) = read_x("x = \"Squat ![p](x)\"", plain);
        assert_eq!(name, None);
        assert_eq!(problems, [format!("1:5 x: {picture}")]);
        let (equipment, problems) = read_xs("x = [\"chair\", \"![p](x)\"]", plain);
        assert_eq!(equipment, None);
        assert_eq!(problems, [format!("1:15 x[2]: {picture}")]);
    }

    #[test]
    fn a_bad_link_in_a_list_item_names_the_item() {
        let (items, problems) = read_xs(
            "x = [\"ok\", \"see [this](file:///etc/passwd)\"]",
            paragraph,
        );
        assert_eq!(items, None);
        assert_eq!(
            problems,
            ["1:12 x[2]: the link `file:///etc/passwd` starts with `file:`, which is not allowed | links may start with https://, http://, mailto: or tel:"]
        );
    }

    #[test]
    fn websites_may_leave_out_the_scheme() {
        let site = |written: &str, url: &str| Website {
            written: written.into(),
            url: url.into(),
        };
        assert_eq!(
            read_x("x = \"clinic.example\"", website).0,
            Some(site("clinic.example", "https://clinic.example"))
        );
        assert_eq!(
            read_x("x = \" clinic.example:8080 \"", website).0,
            Some(site("clinic.example:8080", "https://clinic.example:8080"))
        );
        assert_eq!(
            read_x("x = \"http:clinic.example\"", website).1,
            ["1:5 x: the link `http:clinic.example` has no // after the scheme | write a web address like http://clinic.example"]
        );
        assert_eq!(read_x("x = \"//clinic.example\"", website).0, None);
        assert_eq!(read_x("x = \"javascript:alert(1)\"", website).0, None);
        assert_eq!(read_x("x = \"mailto:a@b.org\"", web_page).0, None);
    }
}
