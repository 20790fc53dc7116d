use crate::analysis::acronyms::{glossary_acronym_for, DefinitionKind};
use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Context, Reporter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Finds an expansion that does not fit its acronym: the acronym's letters are not
    /// found, in order, at the starts of the name's significant words. Function words
    /// (of, the, for, and, in...) may be skipped, letters may come from inside compounds
    /// ("Eurasian Economic Union (EAEU)") and hyphenated words, and a trailing "-led" or
    /// "-backed" is ignored. An original-language name ("Federal Security Service
    /// (Federalnaya Sluzhba Bezopasnosti—FSB)") and the house glossary's expansions are
    /// accepted.
    ///
    /// Only a name that looks like a slip is flagged: it starts with the acronym's first
    /// letter, and its initials are one edit away from the acronym, or the glossary
    /// knows the acronym. A translated name whose acronym follows another language
    /// ("National Security Committee (KNB)") and a description ("the state railway
    /// company (KTZ)") are left alone.
    ///
    /// ## Why
    /// A name and an acronym that disagree tell the reader that one of them is wrong,
    /// and usually one is.
    ///
    /// ## Example
    /// ```text
    /// Minsk hosted the Collective Security Treaty Organization (CSO) summit.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Minsk hosted the Collective Security Treaty Organization (CSTO) summit.
    /// ```
    pub struct AcronymMismatch => "acronym-mismatch", Severity::Warning, fix: Sometimes,
        "An expansion fits its acronym";
}

impl Rule for AcronymMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(
        &self,
        doc: &Document,
        ctx: &Context<'_>,
        analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let style = ctx.style;
        let analysis = analyses.acronyms();
        for def in &analysis.definitions {
            if def.kind != DefinitionKind::Mismatch || def.quoted {
                continue;
            }
            let Some(expansion) = def.expansion else {
                continue;
            };
            let name = doc.text(expansion);
            let acronym = doc.text(def.acronym);
            let d = report.report(
                def.range,
                format!("`{name}` does not fit the acronym `{acronym}`"),
            );
            if let Some(right) = glossary_acronym_for(style, doc.prose_text(expansion)) {
                d.help = Some(format!(
                    "The house glossary abbreviates `{name}` as `{right}`"
                ));
                if acronym == def.key
                    && doc.text(def.acronym) == doc.prose_text(def.acronym)
                    && !def.acronym.is_empty()
                {
                    d.fix = Some(Fix::unsafe_(
                        format!("Replace `{acronym}` with `{right}`"),
                        vec![Edit::replace(def.acronym, right)],
                    ));
                }
            } else if let Some(entry) = style.acronyms.glossary_entry(&def.key) {
                d.help = Some(format!(
                    "The house glossary expands `{}` as `{}`",
                    def.key, entry.expansion
                ));
            } else {
                d.help = Some("Check the name and the acronym against each other".into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::acronyms::tests::{findings, lint_fix};

    fn mismatches(text: &str) -> Vec<(String, String)> {
        findings(text, &AcronymMismatch)
    }

    #[test]
    fn fitting_expansions_pass() {
        let text = "The United Nations Assistance Mission in Afghanistan (UNAMA) stayed. The Organization for Security and Co-operation in Europe (OSCE) watched. The Eurasian Economic Union (EAEU) and the Shanghai Cooperation Organisation (SCO) met. Kabul hosted the Organization of the Petroleum Exporting Countries (OPEC) envoy. Minsk joined the North Atlantic Treaty Organization–led (NATO-led) talks. The Turkmenistan-Afghanistan-Pakistan-India (TAPI) pipeline stalled. The Ministry of Defence (MoD) agreed.";
        assert_eq!(mismatches(text), vec![]);
    }

    #[test]
    fn original_language_names_pass() {
        let text = "The Federal Security Service (Federalnaya Sluzhba Bezopasnosti—FSB) made arrests. Officers of the Federal Protective Service (Russian: Federalnaya Sluzhba Okhrany, FSO) stood by. Russia's Federal Security Service (FSB) denied it.";
        assert_eq!(mismatches(text), vec![]);
    }

    #[test]
    fn a_country_the_name_ends_with_may_stay_out_of_the_initials() {
        let text = "The National Liberation Front of Tajikistan (NLF) took the valley. The Popular Movement of the Kyrgyz Republic (PM) held a rally.";
        assert_eq!(mismatches(text), vec![]);
        // A name without such a country still has to fit.
        let f = mismatches("The Collective Security Treaty Organization (CTSO) met.");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn an_original_name_given_as_abbreviated_defines_it() {
        let text = "The opposition Democratic Party (Ardchilsan Nam or abbreviated AN) lost seats, and the AN leader resigned.";
        assert_eq!(mismatches(text), vec![]);
        assert_eq!(
            findings(text, &crate::rules::acronym_undefined::AcronymUndefined),
            vec![]
        );
    }

    #[test]
    fn translations_and_descriptions_pass() {
        let text = "Kazakhstan's National Security Committee (KNB) detained him. The national railway company (KTZ) cut fares. Kazakhstan's National Bank (NBK) raised rates. The Interior Ministry (MVD) said nothing. The Democratic Choice of Kazakhstan (DVK) was banned.";
        assert_eq!(mismatches(text), vec![]);
    }

    #[test]
    fn a_slip_is_flagged_with_the_glossary_acronym() {
        let text = "Minsk hosted the Collective Security Treaty Organization (CSO) summit.";
        let f = mismatches(text);
        assert_eq!(
            f,
            vec![(
                "Collective Security Treaty Organization (CSO)".into(),
                "`Collective Security Treaty Organization` does not fit the acronym `CSO`".into()
            )]
        );
        let (d, fixed) = lint_fix(text, &AcronymMismatch);
        assert_eq!(
            d[0].fix.as_ref().unwrap().title,
            "Replace `CSO` with `CSTO`"
        );
        assert_eq!(
            fixed,
            "Minsk hosted the Collective Security Treaty Organization (CSTO) summit."
        );
    }

    #[test]
    fn dropped_added_and_swapped_letters_are_flagged() {
        let f = mismatches("The Astana International Financial Centre (AIC) opened. The Caspian Pipeline Consortium (CPCC) grew. The Organization of Turkic States (OST) met.");
        let flagged: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            flagged,
            vec![
                "Astana International Financial Centre (AIC)",
                "Caspian Pipeline Consortium (CPCC)",
                "Organization of Turkic States (OST)"
            ]
        );
    }

    #[test]
    fn an_acronym_that_skips_a_word_of_its_known_name_passes() {
        let text = "Leaders met at the Conference on Interaction and Confidence-Building Measures in Asia (CICA) in Astana. Diplomats from the Collective Security Treaty Organization (ODKB in Russian) attended. The Collective Security Treaty Organization (ODKB) answered.";
        assert_eq!(mismatches(text), vec![]);
    }

    #[test]
    fn a_glossary_name_that_skips_a_verb_passes() {
        // Negatives first: the fund's own acronym leaves out "Saving".
        let text = "Donors pledged money to the International Fund for Saving the Aral Sea (IFAS) at its summit in Dushanbe.";
        assert_eq!(mismatches(text), vec![]);
        // A slip in the same name is still flagged.
        let f = mismatches("Donors pledged money to the International Fund for Saving the Aral Sea (IFSA) at its summit.");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn a_stem_after_a_prefix_gives_a_letter() {
        let text = "Guard posts in the Demilitarized Zone (DMZ) came down. The Nonproliferation Treaty (NPT) review failed. An Intercontinental Ballistic Missile (ICBM) was tested.";
        assert_eq!(mismatches(text), vec![]);
        // The letter still has to be there: a slip after a prefix is flagged.
        let f = mismatches("Guard posts in the Demilitarized Zone (DNZ) came down.");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn a_country_the_name_leaves_out_and_compound_company_names_pass() {
        let text = "The banned Islamic Renaissance Party (IRPT) met in Warsaw. The Social Democratic Party (SDPK) split. The Islamic Movement (IMU) was once active. Gazprom Neft (GPN) bought a stake.";
        assert_eq!(mismatches(text), vec![]);
    }

    #[test]
    fn the_glossary_name_of_a_near_acronym_is_a_slip() {
        let text = "Leaders of the Organization of Turkic States (OTC) met in Samarkand.";
        let (d, fixed) = lint_fix(text, &AcronymMismatch);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "`Organization of Turkic States` does not fit the acronym `OTC`"
        );
        assert_eq!(
            fixed,
            "Leaders of the Organization of Turkic States (OTS) met in Samarkand."
        );
    }

    #[test]
    fn a_wrong_name_for_a_glossary_acronym_is_flagged() {
        let f = mismatches("Agents of the Federal Intelligence Service (FSB) came.");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].1,
            "`Federal Intelligence Service` does not fit the acronym `FSB`"
        );
    }

    #[test]
    fn acronym_first_form() {
        assert_eq!(
            mismatches("The CSTO (Collective Security Treaty Organization) met. The CSTO (Collective Security Organization) did not."),
            vec![(
                "CSTO (Collective Security Organization)".into(),
                "`Collective Security Organization` does not fit the acronym `CSTO`".into()
            )]
        );
        // A remark in parentheses is not an expansion.
        assert_eq!(
            mismatches("The CSTO (which Tashkent left in 2012) met. NATO (then 30 members strong) watched. The SCO (Shanghai Five) grew."),
            vec![]
        );
    }

    #[test]
    fn quoted_slips_are_left_alone() {
        assert_eq!(
            mismatches("He said, “the Collective Security Treaty Organization (CSO) is ready.”"),
            vec![]
        );
    }
}
