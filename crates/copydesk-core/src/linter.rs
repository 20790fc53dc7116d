//! Running the rules over a document.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::registry::all_rules;
use crate::rule::{Context, Reporter, Rule};
use crate::suppression::{self, UNUSED_SUPPRESSION};

/// Run `rules` over `doc`, drop the findings that the document's suppression comments
/// silence (reporting the comments that silence nothing when `unused-suppression` is
/// among `rules`), and return the findings in a deterministic order.
pub fn lint_with(doc: &Document, ctx: &Context<'_>, rules: &[&dyn Rule]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut active = Vec::with_capacity(rules.len());
    let mut report_unused = false;
    for rule in rules {
        let id = rule.meta().id;
        active.push(id);
        if id == UNUSED_SUPPRESSION {
            report_unused = true;
            continue;
        }
        let mut reporter = Reporter::new(rule.meta(), &mut out);
        rule.check(doc, ctx, &mut reporter);
    }
    suppression::apply(doc, &mut out, &active, report_unused);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// Run every rule over `doc`.
pub fn lint(doc: &Document, ctx: &Context<'_>) -> Vec<Diagnostic> {
    lint_with(doc, ctx, all_rules())
}
