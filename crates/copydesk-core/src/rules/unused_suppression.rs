use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::rule::{Context, Reporter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a suppression comment that silences nothing: a `copydesk-disable`,
    /// `copydesk-disable-next-line` or `copydesk-disable-file` comment none of whose
    /// rules had a finding where it applies, and a rule name in such a comment that is
    /// not a rule. A comment naming a rule that the configuration switched off for the
    /// file is not reported.
    ///
    /// The linter applies suppression comments to every rule's findings and reports
    /// this rule after all the others have run (the rule's own `check` has nothing to
    /// look at on its own).
    ///
    /// ## Why
    /// A suppression is an exception the desk agreed to. Once the text it excused has
    /// been edited, it only hides the next real mistake in the same place.
    ///
    /// ## Example
    /// ```text
    /// <!-- copydesk-disable-next-line citation-format -->
    /// The committee met in Almaty on Friday (Kursiv, March 4).
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The committee met in Almaty on Friday (Kursiv, March 4).
    /// ```
    ///
    /// ## Fix
    /// Removing the comment (its line, when it stands alone) is safe. A comment that
    /// still silences one of its rules only names the stale ones.
    pub struct UnusedSuppression => "unused-suppression", Severity::Warning,
        "Suppression comments silence a finding and name real rules";
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Nothing to do here: see `suppression::apply`, which the linter runs after the
    /// other rules with their findings.
    fn check(&self, _doc: &Document, _ctx: &Context<'_>, _report: &mut Reporter<'_>) {}
}
