//! Language data: word lists of English the rules read, embedded from
//! `data/language.toml` and patched by `[house-style.language]`.
//!
//! One loader for every list: a [`WordList`] is a list of words or phrases matched
//! whole and in any case; [`LanguageStyle::list_mut`] names each list once, so that the
//! configuration patch ([`crate::config::LanguagePatch`]) reaches every list by its key
//! with one meaning of `replace`: the lists the patch gives replace the embedded ones.
//! A list searched for inside a text ([`WordList::is_match_in`]) is compiled to a
//! pattern once per list, on first use.

use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde::{Deserialize, Deserializer};

/// The embedded language data, as TOML.
pub const EMBEDDED_LANGUAGE: &str = include_str!("../../data/language.toml");

/// Words or phrases matched whole and in any case.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    words: Vec<String>,
    lower: OnceLock<HashSet<String>>,
    pattern: OnceLock<Regex>,
    /// The list inside a rule's own pattern ([`WordList::pattern`]).
    templated: OnceLock<Regex>,
}

impl PartialEq for WordList {
    fn eq(&self, other: &Self) -> bool {
        self.words == other.words
    }
}

impl Eq for WordList {}

impl<'de> Deserialize<'de> for WordList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(WordList::new(Vec::<String>::deserialize(d)?))
    }
}

impl WordList {
    pub fn new(words: Vec<String>) -> Self {
        Self {
            words,
            lower: OnceLock::new(),
            pattern: OnceLock::new(),
            templated: OnceLock::new(),
        }
    }

    /// The words as written in the data.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether `word` is in the list, in any case.
    pub fn contains(&self, word: &str) -> bool {
        let set = self
            .lower
            .get_or_init(|| self.words.iter().map(|w| w.to_lowercase()).collect());
        if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
            set.contains(&word.to_lowercase())
        } else {
            set.contains(word)
        }
    }

    /// Whether any entry occurs in `text` as whole words, in any case; white space inside
    /// an entry matches any run of white space.
    pub fn is_match_in(&self, text: &str) -> bool {
        self.pattern
            .get_or_init(|| {
                let alt = alternation(&self.words, true);
                // Entries are escaped, so the pattern is valid; an oversized list matches
                // nothing rather than panicking.
                Regex::new(if alt.is_empty() { NOTHING } else { &alt })
                    .unwrap_or_else(|_| Regex::new(NOTHING).expect("valid regex"))
            })
            .is_match(text)
    }

    /// The pattern `template` makes of the words, compiled the first time it is asked
    /// for: `template` gets the words as a [`plain_group`] (a pattern that never matches when
    /// the list is empty), and must always be the same
    /// for one list. For a rule that reads a list inside its own grammar ("the firm
    /// TBEA", an author's bio).
    pub fn pattern(&self, template: fn(&str) -> String) -> &Regex {
        self.templated.get_or_init(|| {
            Regex::new(&template(&plain_group(&self.words)))
                .expect("a template of escaped words is valid")
        })
    }

    /// The words, taken out of the list.
    pub fn into_words(self) -> Vec<String> {
        self.words
    }

    /// Add `items` (skipping words already present), or with `replace` make them the list.
    pub fn patch(&mut self, items: Vec<String>, replace: bool) {
        let mut words = std::mem::take(&mut self.words);
        super::extend_or_replace(&mut words, items, replace);
        *self = WordList::new(words);
    }
}

/// A pattern that matches nothing.
pub(crate) const NOTHING: &str = r"[^\s\S]";

/// `words` as one non-capturing group of escaped alternatives, longest first, white
/// space inside an entry matching any run of white space; for a rule's own pattern to
/// place inside its grammar (no word boundaries or case flag of its own). A pattern that
/// never matches when there are no words.
pub(crate) fn plain_group(words: &[String]) -> String {
    let mut words: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return NOTHING.to_string();
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    let alts: Vec<String> = words
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

/// A whole-word alternation of `words`, longest first (empty for no words); white space
/// inside an entry matches any run of white space.
pub(crate) fn alternation(words: &[String], case_insensitive: bool) -> String {
    let mut words: Vec<&String> = words.iter().filter(|w| !w.trim().is_empty()).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    let alts: Vec<String> = words
        .iter()
        .map(|w| {
            let w = w.trim();
            let body = w
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let lead = if w.starts_with(|c: char| c.is_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            let trail = if w.ends_with(|c: char| c.is_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            format!("{lead}{body}{trail}")
        })
        .collect();
    if alts.is_empty() {
        return String::new();
    }
    let flags = if case_insensitive { "(?i)" } else { "" };
    format!("(?:{flags}{})", alts.join("|"))
}

/// Every language list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LanguageStyle {
    /// Words after a number that show it counts nothing ("in 2019 and").
    pub function_words: WordList,
    /// Minor words of a name, which its initials skip ("Ministry of Defence (MoD)").
    pub minor_words: WordList,
    /// The second part of a compound after a name ("CSTO-led"), left out of its words.
    pub compound_suffixes: WordList,
    /// Prefixes written solid, whose stem starts a word for initials ("Demilitarized").
    pub word_prefixes: WordList,
    /// Words before a number that make it a quantity, not a label ("Some 2,000").
    pub quantity_words: WordList,
    /// Words that make a number approximate and belong to its figure ("some 2,000").
    pub approximators: WordList,
    /// Words between "of" and the number of a size ("a population of just over").
    pub size_qualifiers: WordList,
    /// Capitalized words that open a sentence without naming anyone.
    pub sentence_openers: WordList,
    /// Words that title case leaves in lower case ("under", "without").
    pub title_minor_words: WordList,
    /// Words that bring a sentence back to the present ("today", "still").
    pub present_cues: WordList,
    /// A past state of things ("at its peak", "in its heyday").
    pub bygone_cues: WordList,
    /// A recurring date ("every year", "is celebrated").
    pub recurring_cues: WordList,
    /// What an author's bio says its subject is ("a journalist in Almaty").
    pub author_roles: WordList,
    /// Prepositions after which a capitalized word is a place, not a speaker
    /// ("Officials in Minsk reported").
    pub place_prepositions: WordList,
    /// Lower-case particles inside a person's name ("bin", "kyzy").
    pub name_particles: WordList,
    /// How an author's closing disclaimer opens ("The views expressed").
    pub disclaimer_openers: WordList,
    /// Labels of a note about the article ("Editor's note:", "Correction:").
    pub note_labels: WordList,
    /// Headings of a section of notes, references or sources.
    pub notes_sections: WordList,
    /// Words between a speaker and the verb, skipped to find the speaker ("has told").
    pub speech_adverbs: WordList,
    /// Capitalized words before a place's name that do not make it a surname ("In
    /// Nikolaev", "Central Kiev").
    pub not_given_names: WordList,
    /// Pronouns that stand for a speaker named earlier ("he said").
    pub speaker_pronouns: WordList,
    /// Subjects of a speech cue that name nobody ("sources said").
    pub nobody_subjects: WordList,
    /// US states and Canadian provinces, matched in their case ("Texas", "TX", "Tex.").
    pub north_american_regions: WordList,
    /// Words after a small figure that keep it in numerals ("5 km").
    pub measure_words: WordList,
    /// Words before a small figure that keep it in numerals ("chapter 3").
    pub label_words: WordList,
}

impl Default for LanguageStyle {
    /// The embedded data.
    fn default() -> Self {
        Self::embedded().clone()
    }
}

impl LanguageStyle {
    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// The embedded language data.
    pub fn embedded() -> &'static LanguageStyle {
        static EMBEDDED: LazyLock<LanguageStyle> =
            LazyLock::new(|| super::embedded::read(super::embedded::LANGUAGE));
        &EMBEDDED
    }

    /// The list with this key (as in `data/language.toml`); one line per list.
    pub fn list_mut(&mut self, key: &str) -> Option<&mut WordList> {
        Some(match key {
            "function-words" => &mut self.function_words,
            "minor-words" => &mut self.minor_words,
            "compound-suffixes" => &mut self.compound_suffixes,
            "word-prefixes" => &mut self.word_prefixes,
            "quantity-words" => &mut self.quantity_words,
            "approximators" => &mut self.approximators,
            "size-qualifiers" => &mut self.size_qualifiers,
            "sentence-openers" => &mut self.sentence_openers,
            "title-minor-words" => &mut self.title_minor_words,
            "present-cues" => &mut self.present_cues,
            "bygone-cues" => &mut self.bygone_cues,
            "recurring-cues" => &mut self.recurring_cues,
            "author-roles" => &mut self.author_roles,
            "place-prepositions" => &mut self.place_prepositions,
            "name-particles" => &mut self.name_particles,
            "disclaimer-openers" => &mut self.disclaimer_openers,
            "note-labels" => &mut self.note_labels,
            "notes-sections" => &mut self.notes_sections,
            "speech-adverbs" => &mut self.speech_adverbs,
            "not-given-names" => &mut self.not_given_names,
            "speaker-pronouns" => &mut self.speaker_pronouns,
            "nobody-subjects" => &mut self.nobody_subjects,
            "north-american-regions" => &mut self.north_american_regions,
            "measure-words" => &mut self.measure_words,
            "label-words" => &mut self.label_words,
            _ => return None,
        })
    }

    /// Every list key, in the order of the data file.
    pub const KEYS: &'static [&'static str] = &[
        "function-words",
        "minor-words",
        "compound-suffixes",
        "word-prefixes",
        "quantity-words",
        "approximators",
        "size-qualifiers",
        "sentence-openers",
        "title-minor-words",
        "present-cues",
        "bygone-cues",
        "recurring-cues",
        "author-roles",
        "place-prepositions",
        "name-particles",
        "disclaimer-openers",
        "note-labels",
        "notes-sections",
        "speech-adverbs",
        "not-given-names",
        "speaker-pronouns",
        "nobody-subjects",
        "north-american-regions",
        "measure-words",
        "label-words",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_language_data_is_valid_and_every_key_is_reachable() {
        let mut style = LanguageStyle::from_toml(EMBEDDED_LANGUAGE).unwrap();
        let table: toml::Table = EMBEDDED_LANGUAGE.parse().unwrap();
        assert_eq!(
            table.len(),
            LanguageStyle::KEYS.len(),
            "a list without a key"
        );
        for key in LanguageStyle::KEYS {
            assert!(table.contains_key(*key), "{key} is not in the data");
            let list = style.list_mut(key).expect("every key has a list");
            assert!(!list.words().is_empty(), "{key} is empty");
        }
        assert!(style.list_mut("no-such-list").is_none());
    }

    #[test]
    fn word_lists_match_whole_words_in_any_case_and_patch() {
        let mut list = WordList::new(vec!["and".into(), "Per".into()]);
        assert!(list.contains("AND") && list.contains("per") && !list.contains("an"));
        list.patch(vec!["or".into(), "and".into()], false);
        assert_eq!(list.words(), ["and", "Per", "or"]);
        assert!(list.contains("or"));
        let phrases = WordList::new(vec!["at present".into(), "now".into()]);
        assert!(phrases.is_match_in("Wages are, at\n present, low") && phrases.is_match_in("Now"));
        assert!(!phrases.is_match_in("nowadays") && !phrases.is_match_in("pre sent"));
        list.patch(vec!["nor".into()], true);
        assert_eq!(list.words(), ["nor"]);
        assert!(!list.contains("and"));
    }
}
