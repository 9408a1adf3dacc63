//! Inline Markdown in text fields: `**bold**`, `*italic*` and `[links](url)`.
//!
//! Blank lines split a field into paragraphs before Markdown sees it, and each paragraph is
//! parsed as one line with its whitespace collapsed. Block syntax therefore can't take over
//! what was typed: a step that starts with "1." or "-" stays text instead of becoming a list.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::links::{self, Refusal};
use crate::model::{Paragraph, RichText, Run};

/// Paragraphs split at blank lines, each with its inline styles.
///
/// Links the handout may not carry are reported and printed as plain text.
pub(crate) fn rich_text(source: &str) -> (RichText, Vec<Refusal>) {
    let mut refusals = Vec::new();
    let paragraphs = split_paragraphs(source)
        .iter()
        .map(|p| parse_line(p, &mut refusals))
        .collect();
    (RichText { paragraphs }, refusals)
}

/// The whole of `source` as one paragraph; blank lines count as spaces.
pub(crate) fn paragraph(source: &str) -> (Paragraph, Vec<Refusal>) {
    let mut refusals = Vec::new();
    let paragraph = parse_line(&collapse_whitespace(source), &mut refusals);
    (paragraph, refusals)
}

/// The text of `source` with the Markdown markup taken away, and what in it was refused.
///
/// A picture prints nothing in plain text either, so it is refused as in [`paragraph`];
/// links print their text.
pub(crate) fn plain(source: &str) -> (String, Vec<Refusal>) {
    let (paragraph, refusals) = paragraph(source);
    (paragraph.to_plain().trim().to_string(), refusals)
}

fn split_paragraphs(source: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in source.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

fn collapse_whitespace(source: &str) -> String {
    source.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_line(line: &str, refusals: &mut Vec<Refusal>) -> Paragraph {
    if is_plain(line) {
        return Paragraph {
            runs: vec![Run {
                text: line.to_string(),
                bold: false,
                italic: false,
                link: None,
            }],
        };
    }
    markdown_line(line, refusals)
}

/// Whether Markdown would read `line` as nothing but its own text: no character that
/// marks up inline text (emphasis, code, links, pictures, HTML, escapes, entities) and no
/// start that opens a block (headings, quotes, lists, fences, rules). Most fields are such
/// text, and parsing each would cost more than the rest of loading it.
fn is_plain(line: &str) -> bool {
    let marks = |b: u8| {
        matches!(
            b,
            b'*' | b'_'
                | b'`'
                | b'['
                | b']'
                | b'!'
                | b'<'
                | b'>'
                | b'\\'
                | b'&'
                | b'#'
                | b'~'
                | b'|'
        ) || b.is_ascii_control()
    };
    line.chars()
        .next()
        .is_some_and(|first| !first.is_ascii_digit() && !matches!(first, '-' | '+' | '='))
        && !line.bytes().any(marks)
}

fn markdown_line(line: &str, refusals: &mut Vec<Refusal>) -> Paragraph {
    let escaped;
    let line = if starts_a_block(line) {
        escaped = escape_block_marker(line);
        &escaped
    } else {
        line
    };
    let mut runs = Runs::default();
    let mut in_picture = 0;
    for event in Parser::new_ext(line, Options::empty()) {
        match event {
            Event::Start(Tag::Strong) => runs.bold += 1,
            Event::End(TagEnd::Strong) => runs.bold -= 1,
            Event::Start(Tag::Emphasis) => runs.italic += 1,
            Event::End(TagEnd::Emphasis) => runs.italic -= 1,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                runs.open_link(match links::check_link(&url) {
                    Ok(()) => Some(url),
                    Err(refusal) => {
                        refusals.push(refusal);
                        None
                    }
                });
            }
            Event::End(TagEnd::Link) => runs.close_link(),
            Event::Start(Tag::Image { .. }) => {
                in_picture += 1;
                refusals.push(Refusal {
                    message: "a picture can't go inside text".into(),
                    hint: "add it as an [[image]] with `file` and `alt`".into(),
                });
            }
            Event::End(TagEnd::Image) => in_picture -= 1,
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text)
                if in_picture == 0 =>
            {
                runs.push(&text)
            }
            Event::SoftBreak | Event::HardBreak => runs.push(" "),
            _ => {}
        }
    }
    Paragraph { runs: runs.runs }
}

/// Whether Markdown would read `line` as something other than a paragraph of text.
fn starts_a_block(line: &str) -> bool {
    !matches!(
        Parser::new_ext(line, Options::empty()).next(),
        Some(Event::Start(Tag::Paragraph))
    )
}

/// `line` with a backslash before the mark that opens a block, so it reads as text.
///
/// Every such mark (`#`, `-`, `+`, `*`, `>`, `<`, `[`, a fence, or the `.` or `)` of a
/// numbered item) is ASCII punctuation, after at most some digits.
fn escape_block_marker(line: &str) -> String {
    match line.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, c)) if c.is_ascii_punctuation() => format!("{}\\{}", &line[..i], &line[i..]),
        _ => line.to_string(),
    }
}

/// Styled runs being built; text in the same style as the last run joins it.
#[derive(Default)]
struct Runs {
    runs: Vec<Run>,
    bold: usize,
    italic: usize,
    link: Option<String>,
    /// Whether the open link has any text yet; a link without text shows its address.
    link_has_text: bool,
}

impl Runs {
    fn push(&mut self, text: &str) {
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        self.link_has_text = true;
        if let Some(last) = self.runs.last_mut() {
            if last.bold == bold && last.italic == italic && last.link == self.link {
                last.text.push_str(text);
                return;
            }
        }
        self.runs.push(Run {
            text: text.to_string(),
            bold,
            italic,
            link: self.link.clone(),
        });
    }

    fn open_link(&mut self, url: Option<String>) {
        self.link = url;
        self.link_has_text = false;
    }

    fn close_link(&mut self) {
        if !self.link_has_text {
            if let Some(url) = self.link.clone() {
                self.push(&url);
            }
        }
        self.link = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, bold: bool, italic: bool, link: Option<&str>) -> Run {
        Run {
            text: text.into(),
            bold,
            italic,
            link: link.map(str::to_string),
        }
    }

    #[test]
    fn plain_text_reads_as_markdown_would_read_it() {
        let lines = [
            "Rest your knee for a week.",
            "It’s “fine” (mostly); 3 sets × 10 reps, each side.",
            "Sinéad Ní Bhriain, 020 7946 0958, riverside.example/knee",
            "Run 5–10 km; 50% less: that's a start.",
            "Press your heels down, then lift.",
        ];
        for line in lines {
            assert!(is_plain(line), "{line}");
            let mut refusals = Vec::new();
            assert_eq!(
                parse_line(line, &mut refusals),
                markdown_line(line, &mut refusals),
                "{line}"
            );
        }
        for marked in [
            "**bold**",
            "1. a list",
            "- a bullet",
            "# heading",
            "> quote",
            "a <b>tag</b>",
            "a & b",
            "a\\b",
            "snake_case",
            "see [x](y)",
        ] {
            assert!(!is_plain(marked), "{marked}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_line_taken_as_plain_reads_as_markdown_reads_it(
            line in "[a-zA-Z0-9 .,;:'\"()?/%+=–—’“”é@$^{}-]{1,40}"
        ) {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if is_plain(&line) {
                let mut refusals = Vec::new();
                proptest::prop_assert_eq!(
                    parse_line(&line, &mut refusals),
                    markdown_line(&line, &mut refusals)
                );
            }
        }
    }

    #[test]
    fn parses_bold_italic_and_links_into_runs() {
        let (text, refusals) = rich_text(
            "Keep **knees soft** and *breathe*.\nSee [the video](https://example.org/v).",
        );
        assert!(refusals.is_empty());
        assert_eq!(
            text.paragraphs,
            [Paragraph {
                runs: vec![
                    run("Keep ", false, false, None),
                    run("knees soft", true, false, None),
                    run(" and ", false, false, None),
                    run("breathe", false, true, None),
                    run(". See ", false, false, None),
                    run("the video", false, false, Some("https://example.org/v")),
                    run(".", false, false, None),
                ]
            }]
        );
    }

    #[test]
    fn blank_lines_split_paragraphs_and_whitespace_collapses() {
        let (text, _) = rich_text("  One\n   line.\n\n \t\nTwo   words\n");
        let plain: Vec<String> = text.paragraphs.iter().map(Paragraph::to_plain).collect();
        assert_eq!(plain, ["One line.", "Two words"]);
    }

    #[test]
    fn block_syntax_stays_text() {
        for line in [
            "1. Lie down",
            "- Knees bent",
            "# Not a heading",
            "> quote",
            "---",
            "[a]: https://x.org",
        ] {
            assert_eq!(paragraph(line).0.to_plain(), line);
        }
    }

    #[test]
    fn refused_links_are_reported_and_printed_as_text() {
        let (paragraph, refusals) = paragraph("Click [here](javascript:alert(1)) now");
        assert_eq!(paragraph.runs, [run("Click here now", false, false, None)]);
        assert_eq!(
            refusals[0].message,
            "the link `javascript:alert(1)` starts with `javascript:`, which is not allowed"
        );
    }

    #[test]
    fn autolinks_and_links_without_text_show_the_address() {
        let (p, refusals) = paragraph("<hello@clinic.example> or [](https://clinic.example)");
        assert!(refusals.is_empty());
        assert_eq!(
            p.runs,
            [
                run(
                    "hello@clinic.example",
                    false,
                    false,
                    Some("mailto:hello@clinic.example")
                ),
                run(" or ", false, false, None),
                run(
                    "https://clinic.example",
                    false,
                    false,
                    Some("https://clinic.example")
                ),
            ]
        );
    }

    #[test]
    fn plain_strips_markup() {
        let (text, refusals) = plain("**Single** leg\n  *bridge*");
        assert_eq!(text, "Single leg bridge");
        assert!(refusals.is_empty());
    }

    #[test]
    fn plain_reports_a_picture_instead_of_dropping_it() {
        let (text, refusals) = plain("Squat ![p](x.png)");
        assert_eq!(text, "Squat");
        assert_eq!(refusals.len(), 1);
        assert_eq!(refusals[0].message, "a picture can't go inside text");
        let (text, refusals) = plain("Go [here](javascript:alert(1))");
        assert_eq!(text, "Go here");
        assert_eq!(refusals.len(), 1);
    }
}
