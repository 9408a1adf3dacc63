//! The catalogues, each parsed once per process, and what their messages take.

use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;

use super::languages::{english, Language, LANGUAGES};

static PARSED: [OnceLock<Arc<FluentResource>>; LANGUAGES.len()] =
    [const { OnceLock::new() }; LANGUAGES.len()];

/// A language's own catalogue, parsed the first time it is asked for.
pub(super) fn parsed(language: &Language) -> &'static Arc<FluentResource> {
    PARSED[language.index()].get_or_init(|| Arc::new(parse(language.catalogue.to_string()).0))
}

/// What a language's messages come from, in order, each replacing the messages of the ones
/// before it: the catalogue it extends, then its own.
pub(super) fn layers(language: &Language) -> Vec<&'static Arc<FluentResource>> {
    let base = language
        .extends
        .and_then(|tag| LANGUAGES.iter().find(|l| l.tag == tag));
    base.into_iter().chain([language]).map(parsed).collect()
}

/// Fluent source parsed; an entry that does not parse is left out and its error returned.
pub(super) fn parse(source: String) -> (FluentResource, Vec<ParserError>) {
    match FluentResource::try_new(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    }
}

/// The keys of a catalogue's messages, in the file's order.
pub(super) fn keys(resource: &FluentResource) -> impl Iterator<Item = &str> {
    resource.entries().filter_map(|entry| match entry {
        ast::Entry::Message(message) => Some(message.id.name),
        _ => None,
    })
}

/// The message with this key.
pub(super) fn message<'r>(
    resource: &'r FluentResource,
    key: &str,
) -> Option<&'r ast::Message<&'r str>> {
    resource.entries().find_map(|entry| match entry {
        ast::Entry::Message(message) if message.id.name == key => Some(message),
        _ => None,
    })
}

/// Every key a clinic's label may replace: the English catalogue's, in its order.
pub fn label_keys() -> impl Iterator<Item = &'static str> {
    keys(parsed(english()))
}

/// What a message's text refers to inside `{ }`.
#[derive(Debug, Default)]
pub(super) struct References<'r> {
    /// The values the program fills in, such as `$count`, each once, in order.
    pub variables: Vec<&'r str>,
    /// Other messages, terms and functions, written as they are in the text.
    pub others: Vec<String>,
}

impl<'r> References<'r> {
    pub fn of(message: &ast::Message<&'r str>) -> References<'r> {
        let mut references = References::default();
        if let Some(pattern) = &message.value {
            references.pattern(pattern);
        }
        references
    }

    fn pattern(&mut self, pattern: &ast::Pattern<&'r str>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&'r str>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
            ast::Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&'r str>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                if !self.variables.contains(&id.name) {
                    self.variables.push(id.name);
                }
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            ast::InlineExpression::StringLiteral { .. }
            | ast::InlineExpression::NumberLiteral { .. } => {}
            ast::InlineExpression::MessageReference { id, .. } => {
                self.others.push(id.name.to_string());
            }
            ast::InlineExpression::TermReference { id, .. } => {
                self.others.push(format!("-{}", id.name));
            }
            ast::InlineExpression::FunctionReference { id, .. } => {
                self.others.push(format!("{}()", id.name));
            }
        }
    }
}
