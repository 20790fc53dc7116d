//! What the tests of the rules and the linter share: a text read and linted in one call,
//! instead of a document, a context and a run written out in every test module.

use jiff::civil::Date;

use super::lint_with;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, SourceKind};
use crate::rule::{Context, Rule};
use crate::style::HouseStyle;

/// The context of a piece published on `date` (a date given, not assumed) under `style`.
pub(crate) fn context(date: Date, style: &HouseStyle) -> Context<'_> {
    Context {
        date,
        style,
        date_assumed: false,
    }
}

/// `text` read as `kind`, and the findings of `rules` on it in `ctx`.
pub(crate) fn lint_rules(
    rules: &[&dyn Rule],
    text: &str,
    kind: SourceKind,
    ctx: &Context<'_>,
) -> (Document, Vec<Diagnostic>) {
    let doc = Document::parse(text, kind);
    let found = lint_with(&doc, ctx, rules);
    (doc, found)
}

/// The findings of `rule` on the plain text `text`, published on `date`, under the
/// embedded house style.
pub(crate) fn findings_of(rule: &dyn Rule, text: &str, date: Date) -> Vec<Diagnostic> {
    let ctx = context(date, HouseStyle::embedded());
    lint_rules(&[rule], text, SourceKind::Text, &ctx).1
}
