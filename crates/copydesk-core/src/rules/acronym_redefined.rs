use crate::analysis::acronyms::{definitions_by_key, line_of};
use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Context, Reporter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Finds an acronym expanded again after its first definition. A safe fix removes
    /// the repeated expansion and leaves the acronym.
    ///
    /// Expansions inside quotations, and descriptions that merely introduce an acronym
    /// ("the state railway company (KTZ)"), are left alone.
    ///
    /// ## Why
    /// Once defined, an acronym stands on its own; spelling it out again pads the copy
    /// and makes the reader wonder whether a second body is meant.
    ///
    /// ## Example
    /// ```text
    /// The Shanghai Cooperation Organization (SCO) met in June. Later, the Shanghai
    /// Cooperation Organization (SCO) admitted Iran.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The Shanghai Cooperation Organization (SCO) met in June. Later, the SCO admitted
    /// Iran.
    /// ```
    pub struct AcronymRedefined => "acronym-redefined", Severity::Warning, fix: Sometimes,
        "An acronym is expanded only once";
}

impl Rule for AcronymRedefined {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(
        &self,
        doc: &Document,
        _ctx: &Context<'_>,
        analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let analysis = analyses.acronyms();
        for (key, defs) in definitions_by_key(analysis) {
            // An expansion inside a quotation is the speaker's, not the writer's: it
            // neither repeats nor is repeated.
            let defs: Vec<_> = defs.into_iter().filter(|d| !d.quoted).collect();
            let Some((first, later)) = defs.split_first() else {
                continue;
            };
            if !first.kind.is_expansion() {
                continue;
            }
            for def in later {
                if !def.kind.is_expansion() {
                    continue;
                }
                let d = report.report(
                    def.range,
                    format!(
                        "`{key}` is expanded again; it was defined on line {}",
                        line_of(doc, first.range.start)
                    ),
                );
                d.help = Some(format!("After its definition, write `{key}` alone"));
                if let Some((range, text)) = &def.removal {
                    d.fix = Some(Fix::safe(
                        format!("Remove the repeated expansion of `{key}`"),
                        vec![Edit::replace(*range, text.clone())],
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::acronyms::tests::{findings, lint_fix};

    fn redefined(text: &str) -> Vec<(String, String)> {
        findings(text, &AcronymRedefined)
    }

    #[test]
    fn one_definition_passes() {
        assert_eq!(
            redefined("The Shanghai Cooperation Organization (SCO) met. The SCO's charter held; SCO members agreed."),
            vec![]
        );
    }

    #[test]
    fn second_expansion_is_removed_by_a_safe_fix() {
        let text = "The Shanghai Cooperation Organization (SCO) met in June.\n\nLater, the Shanghai Cooperation Organization (SCO) admitted Iran.";
        let f = redefined(text);
        assert_eq!(
            f,
            vec![(
                "Shanghai Cooperation Organization (SCO)".into(),
                "`SCO` is expanded again; it was defined on line 1".into()
            )]
        );
        let (d, fixed) = lint_fix(text, &AcronymRedefined);
        assert_eq!(
            d[0].fix.as_ref().unwrap().applicability,
            crate::Applicability::Safe
        );
        assert_eq!(
            fixed,
            "The Shanghai Cooperation Organization (SCO) met in June.\n\nLater, the SCO admitted Iran."
        );
    }

    #[test]
    fn acronym_first_and_plural_forms_are_fixed_without_losing_bytes() {
        let text = "Some non-governmental organizations (NGOs) left. Other non-governmental organizations (NGOs) stayed. The EAEU (Eurasian Economic Union) met; the EAEU (Eurasian Economic Union) grew.";
        let (d, fixed) = lint_fix(text, &AcronymRedefined);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(
            fixed,
            "Some non-governmental organizations (NGOs) left. Other NGOs stayed. The EAEU (Eurasian Economic Union) met; the EAEU grew."
        );
    }

    #[test]
    fn an_expansion_after_a_quoted_one_is_not_a_repeat() {
        let text = "“The Shanghai Cooperation Organization (SCO) is our shield,” he said. The writer notes that the Shanghai Cooperation Organization (SCO) has no army.";
        assert_eq!(redefined(text), vec![]);
    }

    #[test]
    fn quoted_and_descriptive_repeats_are_left_alone() {
        let text = "The Collective Security Treaty Organization (CSTO) met. He said, “the Collective Security Treaty Organization (CSTO) is ready.” The railway company (KTZ) cut fares; the national railway company (KTZ) later raised them.";
        assert_eq!(redefined(text), vec![]);
    }
}
