//! Running the rules over a document.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::registry::all_rules;
use crate::rule::{Context, Reporter, Rule};

/// Run `rules` over `doc` and return their findings in a deterministic order.
pub fn lint_with(doc: &Document, ctx: &Context<'_>, rules: &[&dyn Rule]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules {
        let mut reporter = Reporter::new(rule.meta(), &mut out);
        rule.check(doc, ctx, &mut reporter);
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// Run every rule over `doc`.
pub fn lint(doc: &Document, ctx: &Context<'_>) -> Vec<Diagnostic> {
    lint_with(doc, ctx, all_rules())
}
