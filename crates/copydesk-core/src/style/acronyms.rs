//! Acronym data: the exemptions a desk prints bare, the glossary of expansions for its
//! beat, and the words that tell an acronym from a name or a shouted word, embedded from
//! `data/acronyms.toml`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

use serde::Deserialize;

use super::language::WordList;

/// The embedded acronym data, as TOML.
pub const EMBEDDED_ACRONYMS: &str = include_str!("../../data/acronyms.toml");

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GlossaryEntry {
    /// The expansion the desk prints, for example "Collective Security Treaty Organization".
    pub expansion: String,
    /// Other expansions in use that the rules accept.
    #[serde(default)]
    pub also: Vec<String>,
    /// The name in the original language, when the acronym stands for it
    /// ("Federalnaya Sluzhba Bezopasnosti" for FSB).
    #[serde(default)]
    pub original: Option<String>,
    /// Where the name is taken from.
    #[serde(default)]
    pub reference: Option<String>,
    /// The acronym does not follow the initials of its name, as the body itself writes
    /// it ("CICA" skips "Measures").
    #[serde(default)]
    pub irregular: bool,
    /// The forms as the acronym analysis compares them, with the language data they were
    /// read with ([`GlossaryEntry::normalised_forms`]).
    #[serde(skip)]
    normalised: FormsCache,
}

/// Normalised forms of an entry, computed on first use. Not part of the data: always
/// equal.
#[derive(Debug, Clone, Default)]
struct FormsCache(OnceLock<(Vec<String>, Vec<Vec<String>>)>);

impl PartialEq for FormsCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for FormsCache {}

impl GlossaryEntry {
    /// Every accepted form: the expansion, the alternatives, the original-language name.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.expansion.as_str())
            .chain(self.also.iter().map(String::as_str))
            .chain(self.original.as_deref())
    }

    /// `normalise` of each of [`GlossaryEntry::forms`], computed once per entry and kept
    /// with `language`, the language data it depends on: a later call with other data
    /// computes the forms again without keeping them. (A reading of the analysis, which
    /// the data layer only keeps: the glossary was normalised again for every look-up.)
    pub(crate) fn normalised_forms(
        &self,
        language: &[String],
        normalise: impl Fn(&str) -> Vec<String>,
    ) -> Cow<'_, [Vec<String>]> {
        let compute = || self.forms().map(&normalise).collect::<Vec<_>>();
        let (kept_language, forms) = self
            .normalised
            .0
            .get_or_init(|| (language.to_vec(), compute()));
        if kept_language.as_slice() == language {
            Cow::Borrowed(forms)
        } else {
            Cow::Owned(compute())
        }
    }
}

/// Acronym conventions of the house style.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AcronymStyle {
    /// Acronyms printed bare on first use (US, EU, GDP, TASS...).
    #[serde(default)]
    pub exempt: Vec<String>,
    /// Units of measurement written in capitals (MW, GW); never acronyms.
    #[serde(default)]
    pub units: Vec<String>,
    /// Ordinary words written in capitals by a shouted line, a label or a drop-capital
    /// opening ("THE", "BREAKING"): not acronyms at the start of a sentence, and the
    /// mark of a shouted run. Matched as written.
    #[serde(default)]
    pub not_acronyms: Vec<String>,
    /// Head nouns of a company's name after its initials ("APM Terminals"): the
    /// initials are then a name, not an acronym. Matched as written.
    #[serde(default)]
    pub company_heads: Vec<String>,
    /// Nouns in apposition before a company's or an outlet's initials ("the Chinese
    /// firm TBEA"): the initials are then a name.
    #[serde(default)]
    pub company_nouns: WordList,
    /// Lowercase nouns after an acronym that say what kind of body it is ("the OMON
    /// riot police"): such a gloss stands for the expansion at the first use.
    #[serde(default)]
    pub gloss_nouns: WordList,
    /// Expansions by acronym.
    #[serde(default)]
    pub glossary: BTreeMap<String, GlossaryEntry>,
}

impl Default for AcronymStyle {
    /// The embedded data.
    fn default() -> Self {
        static EMBEDDED: LazyLock<AcronymStyle> =
            LazyLock::new(|| super::embedded::read(super::embedded::ACRONYMS));
        EMBEDDED.clone()
    }
}

impl AcronymStyle {
    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// Extend this data with `other`: its word lists are added, its glossary entries
    /// replace entries for the same acronym.
    pub fn merge(&mut self, other: AcronymStyle) {
        use super::extend_or_replace;
        extend_or_replace(&mut self.exempt, other.exempt, false);
        extend_or_replace(&mut self.units, other.units, false);
        extend_or_replace(&mut self.not_acronyms, other.not_acronyms, false);
        extend_or_replace(&mut self.company_heads, other.company_heads, false);
        self.company_nouns
            .patch(other.company_nouns.into_words(), false);
        self.gloss_nouns
            .patch(other.gloss_nouns.into_words(), false);
        self.glossary.extend(other.glossary);
    }

    /// Whether `acronym` (as written, or its singular) is printed bare or is a unit.
    pub fn is_exempt(&self, acronym: &str) -> bool {
        self.exempt.iter().chain(&self.units).any(|e| e == acronym)
    }

    pub fn glossary_entry(&self, acronym: &str) -> Option<&GlossaryEntry> {
        self.glossary.get(acronym)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_acronyms_are_valid() {
        let style = AcronymStyle::from_toml(EMBEDDED_ACRONYMS).unwrap();
        for must in ["US", "UN", "EU", "UK", "USSR", "GDP"] {
            assert!(style.is_exempt(must), "{must}");
        }
        for (acronym, entry) in &style.glossary {
            assert!(
                !style.is_exempt(acronym),
                "{acronym} is both exempt and glossed"
            );
            assert!(
                acronym
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
                "{acronym}"
            );
            assert!(!entry.expansion.trim().is_empty(), "{acronym}");
            assert!(entry.reference.is_some(), "{acronym} has no reference");
            assert!(
                crate::analysis::acronyms::expansion_fits(
                    crate::style::LanguageStyle::embedded(),
                    acronym,
                    &entry.expansion
                )
                    || entry.original.is_some()
                    || entry.irregular,
                "{acronym}: `{}` does not fit, is not marked irregular and no original-language name is given",
                entry.expansion
            );
        }
        let mut sorted = style.exempt.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), style.exempt.len(), "duplicate exemptions");
        assert!(
            !style.not_acronyms.is_empty()
                && style
                    .not_acronyms
                    .iter()
                    .all(|w| !w.chars().any(char::is_lowercase)),
            "not-acronyms are written in capitals"
        );
        assert!(!style.company_heads.is_empty());
        for list in [&style.company_nouns, &style.gloss_nouns] {
            assert!(!list.words().is_empty());
            assert!(list
                .pattern(|words| format!("^(?:{words})$"))
                .is_match(&list.words()[0]));
        }
    }

    #[test]
    fn normalised_forms_are_kept_only_for_the_language_they_were_read_with() {
        let style = AcronymStyle::default();
        let entry = style.glossary_entry("CSTO").unwrap();
        let first = ["led".to_string()];
        let other = ["based".to_string()];
        let read = |tag: &'static str| move |form: &str| vec![tag.to_string(), form.to_string()];
        let kept = entry.normalised_forms(&first, read("first"));
        assert!(matches!(kept, Cow::Borrowed(_)));
        assert_eq!(kept[0], ["first", entry.expansion.as_str()]);
        // Kept: the same language reads the forms kept, not the function's.
        assert_eq!(entry.normalised_forms(&first, read("again"))[0][0], "first");
        // Other language data: read again, and not kept.
        let fresh = entry.normalised_forms(&other, read("other"));
        assert!(matches!(fresh, Cow::Owned(_)));
        assert_eq!(fresh[0][0], "other");
        assert_eq!(entry.normalised_forms(&first, read("again"))[0][0], "first");
    }

    #[test]
    fn an_empty_pattern_list_matches_nothing() {
        let list = WordList::new(Vec::new());
        let pattern = list.pattern(|words| format!("(?:{words})"));
        assert!(!pattern.is_match("") && !pattern.is_match("firm"));
        let mut list = WordList::new(vec!["a.b".into()]);
        assert!(!list.pattern(|w| format!("^(?:{w})$")).is_match("axb"));
        list.patch(vec!["firm".into()], true);
        assert!(list.pattern(|w| format!("^(?:{w})$")).is_match("firm"));
    }

    #[test]
    fn merge_extends_and_overrides() {
        let mut style = AcronymStyle::default();
        let extra = AcronymStyle::from_toml(
            "exempt = [\"OSCE\"]\n[glossary.CSTO]\nexpansion = \"Collective Security Treaty Organisation\"\n",
        )
        .unwrap();
        style.merge(extra);
        assert!(style.is_exempt("OSCE"));
        assert!(style.is_exempt("US"));
        assert_eq!(
            style.glossary_entry("CSTO").unwrap().expansion,
            "Collective Security Treaty Organisation"
        );
    }

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(AcronymStyle::from_toml("exemptions = [\"US\"]\n").is_err());
        assert!(AcronymStyle::from_toml("[glossary.X]\nexpansion = \"x\"\nnote = 1\n").is_err());
    }
}
