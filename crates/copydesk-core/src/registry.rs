//! Every rule, in a fixed order.

use crate::rule::Rule;
use crate::rules;

/// All rules, in the order `copydesk rules` lists them.
pub fn all_rules() -> &'static [&'static dyn Rule] {
    static RULES: &[&dyn Rule] = &[
        &rules::citation_format::CitationFormat,
        &rules::unsourced_claim::UnsourcedClaim,
        &rules::unattributed_quote::UnattributedQuote,
        &rules::acronym_undefined::AcronymUndefined,
        &rules::acronym_mismatch::AcronymMismatch,
        &rules::acronym_redefined::AcronymRedefined,
        &rules::place_name::PlaceName,
        // Last: it reports on the suppression comments after the other rules ran.
        &rules::unused_suppression::UnusedSuppression,
    ];
    RULES
}

/// The rule with this id.
pub fn find_rule(id: &str) -> Option<&'static dyn Rule> {
    all_rules().iter().copied().find(|r| r.meta().id == id)
}

/// Every rule id, in order.
pub fn rule_ids() -> Vec<&'static str> {
    all_rules().iter().map(|r| r.meta().id).collect()
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
        for rule in all_rules() {
            let meta = rule.meta();
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
