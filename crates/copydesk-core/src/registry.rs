//! Every rule, in a fixed order.

use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Rule, RuleMeta};
use crate::rules;

/// The id of the findings about suppression comments.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

declare_rule! {
    /// ## What it does
    /// Reports a suppression comment that silences nothing: a `copydesk-disable`,
    /// `copydesk-disable-next-line` or `copydesk-disable-file` comment none of whose
    /// rules had a finding where it applies, and a rule name in such a comment that is
    /// not a rule. A comment naming a rule that the configuration switched off for the
    /// file is not reported.
    ///
    /// It is not a check of the text but of the comments: the linter applies
    /// suppression comments to every rule's findings after the rules have run, and
    /// reports these findings then (`linter::suppression`).
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
    pub struct UnusedSuppression => "unused-suppression", Severity::Warning, fix: Sometimes,
        "Suppression comments silence a finding and name real rules";
}

/// All rules that check the text, in the order `copydesk rules` lists them (the
/// findings about suppression comments, [`UnusedSuppression`], come after them).
pub fn all_rules() -> &'static [&'static dyn Rule] {
    static RULES: &[&dyn Rule] = &[
        &rules::citation_format::CitationFormat,
        &rules::unsourced_claim::UnsourcedClaim,
        &rules::unattributed_quote::UnattributedQuote,
        &rules::acronym_undefined::AcronymUndefined,
        &rules::acronym_mismatch::AcronymMismatch,
        &rules::acronym_redefined::AcronymRedefined,
        &rules::place_name::PlaceName,
        &rules::name_consistency::NameConsistency,
        &rules::date_weekday::DateWeekday,
        &rules::date_style::DateStyle,
        &rules::number_style::NumberStyle,
        &rules::quote_style::QuoteStyle,
    ];
    RULES
}

/// What every rule is, in order: the rules that check the text, then
/// `unused-suppression`, which the linter reports after them.
pub fn all_metas() -> impl Iterator<Item = &'static RuleMeta> {
    all_rules()
        .iter()
        .map(|r| r.meta())
        .chain(std::iter::once(&UnusedSuppression::META))
}

/// The rule that checks the text with this id (`unused-suppression` is not one: see
/// [`find_meta`]).
pub fn find_rule(id: &str) -> Option<&'static dyn Rule> {
    all_rules().iter().copied().find(|r| r.meta().id == id)
}

/// What the rule with this id is, `unused-suppression` included.
pub fn find_meta(id: &str) -> Option<&'static RuleMeta> {
    all_metas().find(|m| m.id == id)
}

/// Every rule id, in order.
pub fn rule_ids() -> Vec<&'static str> {
    all_metas().map(|m| m.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let ids = rule_ids();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "duplicate rule ids");
        assert_eq!(UnusedSuppression::META.id, UNUSED_SUPPRESSION);
        for meta in all_metas() {
            assert!(
                meta.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                meta.id
            );
            let doc = meta.documentation();
            for section in ["## What it does", "## Why", "## Example", "## Use instead"] {
                assert!(doc.contains(section), "{} lacks {section}", meta.id);
            }
        }
    }
}
