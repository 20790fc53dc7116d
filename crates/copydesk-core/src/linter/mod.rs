//! Running the rules over a document: the one entry point of both front ends.
//!
//! The linter runs the selected rules, then the suppression pass ([`suppression`]):
//! findings that a suppression comment silences are dropped and, when
//! `unused-suppression` is selected, the comments that silence nothing are reported.
//! Last, the configured severities apply and the findings are put in a deterministic
//! order.

pub mod suppression;

use jiff::civil::Date;

use crate::analysis::Analyses;
use crate::config::FileSettings;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::registry::{all_rules, UNUSED_SUPPRESSION};
use crate::rule::{Context, Reporter, Rule};
use crate::style::HouseStyle;

/// Lint `doc`, published on `date`, with the settings of its file: the selected rules
/// at their configured severities, without the findings its suppression comments
/// silence. What the CLI and the language server call.
pub fn lint_file(doc: &Document, settings: &FileSettings<'_>, date: Date) -> Vec<Diagnostic> {
    let ctx = Context {
        date,
        style: settings.style,
    };
    let mut out = run(doc, &ctx, &settings.rules, settings.unused_suppressions);
    for d in &mut out {
        if let Some(s) = settings.severity.get(d.rule) {
            d.severity = *s;
        }
    }
    out
}

/// Run `rules` over `doc` and drop the findings that the document's suppression
/// comments silence (without reporting unused ones), in a deterministic order.
pub fn lint_with(doc: &Document, ctx: &Context<'_>, rules: &[&dyn Rule]) -> Vec<Diagnostic> {
    run(doc, ctx, rules, false)
}

/// Run every rule over `doc`, and report the suppression comments that silence nothing.
pub fn lint(doc: &Document, ctx: &Context<'_>) -> Vec<Diagnostic> {
    run(doc, ctx, all_rules(), true)
}

/// Lint `doc`, published on `date`, with every rule and the embedded house style.
pub fn lint_default(doc: &Document, date: Date) -> Vec<Diagnostic> {
    let ctx = Context {
        date,
        style: HouseStyle::embedded(),
    };
    lint(doc, &ctx)
}

pub(crate) fn run(
    doc: &Document,
    ctx: &Context<'_>,
    rules: &[&dyn Rule],
    report_unused: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut active = Vec::with_capacity(rules.len() + 1);
    let analyses = Analyses::new(doc, ctx.style, ctx.date);
    for rule in rules {
        active.push(rule.meta().id);
        let mut reporter = Reporter::new(rule.meta(), &mut out);
        rule.check(doc, ctx, &analyses, &mut reporter);
    }
    if report_unused {
        active.push(UNUSED_SUPPRESSION);
    }
    suppression::apply(doc, &mut out, &active, report_unused);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}
