//! Language data: word lists of English the rules read, embedded from
//! `data/language.toml` and patched by `[house-style.language]`.
//!
//! One loader for every list: a [`WordList`] is a list of words or phrases matched
//! whole and in any case; [`LanguageStyle::list_mut`] names each list once, so that the
//! configuration patch ([`crate::config::LanguagePatch`]) reaches every list by its key
//! with one meaning of `replace`: the lists the patch gives replace the embedded ones.

use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

use serde::{Deserialize, Deserializer};

/// The embedded language data, as TOML.
pub const EMBEDDED_LANGUAGE: &str = include_str!("../../data/language.toml");

/// Words or phrases matched whole and in any case.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    words: Vec<String>,
    lower: OnceLock<HashSet<String>>,
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

    /// Add `items` (skipping words already present), or with `replace` make them the list.
    pub fn patch(&mut self, items: Vec<String>, replace: bool) {
        let mut words = std::mem::take(&mut self.words);
        super::extend_or_replace(&mut words, items, replace);
        *self = WordList::new(words);
    }
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
        static EMBEDDED: LazyLock<LanguageStyle> = LazyLock::new(|| {
            LanguageStyle::from_toml(EMBEDDED_LANGUAGE)
                .expect("the embedded language data is valid (tested)")
        });
        &EMBEDDED
    }

    /// The list with this key (as in `data/language.toml`); one line per list.
    pub fn list_mut(&mut self, key: &str) -> Option<&mut WordList> {
        Some(match key {
            "function-words" => &mut self.function_words,
            "minor-words" => &mut self.minor_words,
            "compound-suffixes" => &mut self.compound_suffixes,
            "word-prefixes" => &mut self.word_prefixes,
            _ => return None,
        })
    }

    /// Every list key, in the order of the data file.
    pub const KEYS: &'static [&'static str] = &[
        "function-words",
        "minor-words",
        "compound-suffixes",
        "word-prefixes",
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
        list.patch(vec!["nor".into()], true);
        assert_eq!(list.words(), ["nor"]);
        assert!(!list.contains("and"));
    }
}
