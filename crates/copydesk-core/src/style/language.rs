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

use crate::document::{Document, LineLabels, ProseWords, ReadError, SourceKind};
use crate::text::Pattern;

/// The embedded language data, as TOML.
pub const EMBEDDED_LANGUAGE: &str = include_str!("../../data/language.toml");

/// Words or phrases matched whole and in any case.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    words: Vec<String>,
    lower: OnceLock<HashSet<String>>,
    pattern: OnceLock<Regex>,
    /// The list inside a rule's own pattern ([`WordList::pattern`]).
    templated: OnceLock<Pattern>,
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

    /// Whether `word` is in the list exactly as written (a list whose case matters: "MW",
    /// "The"). A scan: such lists are short and asked seldom.
    pub fn contains_as_written(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
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
    /// for (a [`Pattern`]: narrowed to the Latin range for a Latin text): `template` gets
    /// the words as a [`plain_group`] (a pattern that never matches when the list is
    /// empty), and must always be the same for one list. For a rule that reads a list
    /// inside its own grammar ("the firm TBEA", an author's bio). A pattern too large to
    /// compile matches nothing.
    pub fn pattern(&self, template: fn(&str) -> String) -> &Pattern {
        self.templated
            .get_or_init(|| Pattern::lenient(template(&plain_group(&self.words))))
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
    /// Units after a four-figure number that make it a measure, not a year ("1378
    /// kilometers"), matched as written.
    pub year_like_units: WordList,
    /// Titles and occupations right before a name that make it a person's ("economist
    /// Nikolaev").
    pub person_titles: WordList,
    /// Words right before a speech cue that make it a passive with no speaker ("it is
    /// said", "reportedly said").
    pub passive_cues: WordList,
    /// Words a few words before a place's name that mention the name on purpose
    /// ("formerly Astana").
    pub name_cues: WordList,
    /// Words of time right before a place's name that mention it on purpose ("then
    /// Leningrad").
    pub name_time_cues: WordList,
    /// Verbs that give a place's name "as" what it is called ("refers to it as Kiev").
    pub name_as_verbs: WordList,
    /// Words after a city's name that make it its region's ("the Sverdlovsk governor"),
    /// matched as written.
    pub region_words: WordList,
    /// Words after which a full stop does not end a sentence ("Mr.", "Sept.").
    pub abbreviations: WordList,
    /// Words after which a full stop ends a sentence only before a word in lower case
    /// ("etc.", "Inc.").
    pub soft_abbreviations: WordList,
    /// Words that open a new sentence after a dotted initialism ("U.S. The"), matched as
    /// written.
    pub sentence_starters: WordList,
    /// Labels that open a header line ("Publication:", "Read more:").
    pub header_labels: WordList,
    /// Labels that open a caption or credit line ("Photo:", "(Source: ...)").
    pub caption_labels: WordList,
    /// Labels of a numbered figure or table ("Figure 1.").
    pub figure_labels: WordList,
    /// Labels of a credit in brackets that ends a caption ("(Photo: ...)").
    pub credit_labels: WordList,
    /// Lower-case words inside an outlet's name in a citation group ("Radio Free
    /// Europe", "Le Monde").
    pub outlet_connectors: WordList,
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
            "year-like-units" => &mut self.year_like_units,
            "person-titles" => &mut self.person_titles,
            "passive-cues" => &mut self.passive_cues,
            "name-cues" => &mut self.name_cues,
            "name-time-cues" => &mut self.name_time_cues,
            "name-as-verbs" => &mut self.name_as_verbs,
            "region-words" => &mut self.region_words,
            "abbreviations" => &mut self.abbreviations,
            "soft-abbreviations" => &mut self.soft_abbreviations,
            "sentence-starters" => &mut self.sentence_starters,
            "header-labels" => &mut self.header_labels,
            "caption-labels" => &mut self.caption_labels,
            "figure-labels" => &mut self.figure_labels,
            "credit-labels" => &mut self.credit_labels,
            "outlet-connectors" => &mut self.outlet_connectors,
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
        "year-like-units",
        "person-titles",
        "passive-cues",
        "name-cues",
        "name-time-cues",
        "name-as-verbs",
        "region-words",
        "abbreviations",
        "soft-abbreviations",
        "sentence-starters",
        "header-labels",
        "caption-labels",
        "figure-labels",
        "credit-labels",
        "outlet-connectors",
    ];
}

/// The document model's words are the language data's.
impl ProseWords for LanguageStyle {
    fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    fn is_soft_abbreviation(&self, word: &str) -> bool {
        self.soft_abbreviations.contains(word)
    }

    fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains_as_written(word)
    }

    fn is_outlet_connector(&self, word: &str) -> bool {
        self.outlet_connectors.contains(word)
    }

    fn labels(&self, list: LineLabels, template: fn(&str) -> String) -> &Pattern {
        match list {
            LineLabels::Header => &self.header_labels,
            LineLabels::Caption => &self.caption_labels,
            LineLabels::Figure => &self.figure_labels,
            LineLabels::Credit => &self.credit_labels,
        }
        .pattern(template)
    }
}

/// Reading a document with the embedded language data, for a caller without a house
/// style (tests, tools, a one-off parse). Written here, not in `document`, because the
/// document does not know the house style's data: the front ends read each file with
/// its configuration's language ([`Document::parse_with`]).
impl Document {
    /// [`Document::parse_with`] the embedded language data.
    pub fn parse(source: impl Into<String>, kind: SourceKind) -> Self {
        Self::parse_with(source, kind, LanguageStyle::embedded())
    }

    /// [`Document::read_with`] the embedded language data.
    pub fn read(source: impl Into<String>, kind: SourceKind) -> Result<Self, ReadError> {
        Self::read_with(source, kind, LanguageStyle::embedded())
    }

    /// [`Document::from_docx_with`] the embedded language data.
    pub fn from_docx(bytes: &[u8]) -> Result<Self, ReadError> {
        Self::from_docx_with(bytes, LanguageStyle::embedded())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;

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
    fn sentences_are_cut_with_the_language_data_given() {
        let sentences = |doc: &Document| -> Vec<String> {
            doc.blocks[0]
                .sentences
                .iter()
                .map(|&s| doc.text(s).to_string())
                .collect()
        };
        let text = "Talks in Tashkent ended at 5 p.m. Tues. Officials left the U.S. THE END.";
        let embedded = Document::parse(text, SourceKind::Text);
        assert_eq!(
            sentences(&embedded),
            [
                "Talks in Tashkent ended at 5 p.m. Tues.",
                "Officials left the U.S. THE END."
            ]
        );
        // A desk's own abbreviation ("Tues."), and a starter matched as written.
        let mut desk = LanguageStyle::embedded().clone();
        let list = desk.list_mut("abbreviations").unwrap();
        list.patch(vec!["tues".into()], false);
        desk.list_mut("sentence-starters")
            .unwrap()
            .patch(vec!["THE".into()], false);
        let doc = Document::parse_with(text, SourceKind::Text, &desk);
        assert_eq!(
            sentences(&doc),
            [
                "Talks in Tashkent ended at 5 p.m. Tues. Officials left the U.S.",
                "THE END."
            ]
        );
    }

    #[test]
    fn lines_of_the_page_are_read_with_the_language_data_given() {
        let text = "Talks resumed in Baku.\n\nFoto: Aziz Karimov for the agency.\n\nFUENTE: the OSCE mission.\n";
        let kinds = |language: &LanguageStyle| -> Vec<BlockKind> {
            Document::parse_with(text, SourceKind::Text, language)
                .blocks
                .iter()
                .map(|b| b.kind)
                .collect()
        };
        let embedded = LanguageStyle::embedded();
        assert_eq!(kinds(embedded), [BlockKind::Paragraph; 3]);
        // A desk that labels its photographs and sources in Spanish.
        let mut desk = embedded.clone();
        let captions = desk.list_mut("caption-labels").unwrap();
        captions.patch(vec!["foto".into(), "fuente".into()], false);
        assert_eq!(
            kinds(&desk),
            [BlockKind::Paragraph, BlockKind::Caption, BlockKind::Caption]
        );
    }

    #[test]
    fn outlets_of_a_citation_are_read_with_the_language_data_given() {
        let text = "Talks stalled (Le Journal sur Internet, May 3).";
        let groups = |language: &LanguageStyle| {
            Document::parse_with(text, SourceKind::Text, language).blocks[0]
                .citations
                .len()
        };
        let embedded = LanguageStyle::embedded();
        assert_eq!(
            groups(embedded),
            0,
            "\"sur\" is no connector of English names"
        );
        let mut desk = embedded.clone();
        let connectors = desk.list_mut("outlet-connectors").unwrap();
        connectors.patch(vec!["sur".into()], false);
        assert_eq!(groups(&desk), 1);
    }

    #[test]
    fn word_lists_match_whole_words_in_any_case_and_patch() {
        let mut list = WordList::new(vec!["and".into(), "Per".into()]);
        assert!(list.contains("AND") && list.contains("per") && !list.contains("an"));
        assert!(list.contains_as_written("Per") && !list.contains_as_written("per"));
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
