//! Acronym data: the exemptions a desk prints bare, the glossary of expansions for its
//! beat, and the words that tell an acronym from a name or a shouted word, embedded from
//! `data/acronyms.toml`.

use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde::{Deserialize, Deserializer};

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
}

impl GlossaryEntry {
    /// Every accepted form: the expansion, the alternatives, the original-language name.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.expansion.as_str())
            .chain(self.also.iter().map(String::as_str))
            .chain(self.original.as_deref())
    }
}

/// Words (or phrases) that a rule compiles into one pattern, as an alternation in the
/// order of the data, once per style: the pattern is kept with the list.
#[derive(Debug, Clone, Default)]
pub struct PatternList {
    words: Vec<String>,
    compiled: OnceLock<Regex>,
}

impl PartialEq for PatternList {
    fn eq(&self, other: &Self) -> bool {
        self.words == other.words
    }
}

impl Eq for PatternList {}

impl<'de> Deserialize<'de> for PatternList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(PatternList::new(Vec::<String>::deserialize(d)?))
    }
}

impl PatternList {
    pub fn new(words: Vec<String>) -> Self {
        Self {
            words,
            compiled: OnceLock::new(),
        }
    }

    /// The words as written in the data.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The pattern `template` makes of the words, compiled the first time it is asked
    /// for. `template` gets the words escaped and joined with `|` (a pattern that never
    /// matches when the list is empty) and must always be the same for one list.
    pub fn pattern(&self, template: fn(&str) -> String) -> &Regex {
        self.compiled.get_or_init(|| {
            let alternation = if self.words.is_empty() {
                r"[^\s\S]".to_string()
            } else {
                self.words
                    .iter()
                    .map(|w| regex::escape(w))
                    .collect::<Vec<_>>()
                    .join("|")
            };
            Regex::new(&template(&alternation)).expect("a template of escaped words is valid")
        })
    }

    /// Add `items` (skipping words already present), or with `replace` make them the list.
    pub fn patch(&mut self, items: Vec<String>, replace: bool) {
        let mut words = std::mem::take(&mut self.words);
        super::extend_or_replace(&mut words, items, replace);
        *self = PatternList::new(words);
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
    pub company_nouns: PatternList,
    /// Lowercase nouns after an acronym that say what kind of body it is ("the OMON
    /// riot police"): such a gloss stands for the expansion at the first use.
    #[serde(default)]
    pub gloss_nouns: PatternList,
    /// What an author is in the note that closes a piece ("Jane Doe is a researcher
    /// at ..."): acronyms of such a note are neither uses nor definitions.
    #[serde(default)]
    pub author_roles: PatternList,
    /// Expansions by acronym.
    #[serde(default)]
    pub glossary: BTreeMap<String, GlossaryEntry>,
}

impl Default for AcronymStyle {
    /// The embedded data.
    fn default() -> Self {
        static EMBEDDED: LazyLock<AcronymStyle> = LazyLock::new(|| {
            AcronymStyle::from_toml(EMBEDDED_ACRONYMS)
                .expect("the embedded acronym data is valid (tested)")
        });
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
        self.company_nouns.patch(other.company_nouns.words, false);
        self.gloss_nouns.patch(other.gloss_nouns.words, false);
        self.author_roles.patch(other.author_roles.words, false);
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
        for list in [
            &style.company_nouns,
            &style.gloss_nouns,
            &style.author_roles,
        ] {
            assert!(!list.words().is_empty());
            assert!(list
                .pattern(|words| format!("^(?:{words})$"))
                .is_match(&list.words()[0]));
        }
    }

    #[test]
    fn an_empty_pattern_list_matches_nothing() {
        let list = PatternList::new(Vec::new());
        let pattern = list.pattern(|words| format!("(?:{words})"));
        assert!(!pattern.is_match("") && !pattern.is_match("firm"));
        let mut list = PatternList::new(vec!["a.b".into()]);
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
