//! House-style data for sourcing: what counts as a reporting verb, an inline attribution,
//! an outlet, a hedge. Read by the `unsourced-claim` and `unattributed-quote` rules.
//!
//! The data lives in `data/sourcing.toml`. A `[sourcing]` section in a house-style file
//! (or a user's configuration) is merged over the embedded data: lists are extended,
//! scalars replaced.

use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

use serde::{Deserialize, Deserializer};

use crate::text::Pattern;

use super::alternatives::{Alternative, Alternatives, ExactNames, WholeName};
use super::language::{alternation, plain_group, NOTHING};
use super::word_matcher::WordMatcher;
use super::StyleError;

/// The embedded sourcing data, as TOML.
pub const EMBEDDED_SOURCING: &str = include_str!("../../data/sourcing.toml");

/// Which claims a citation group sources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationScope {
    /// A paragraph's citation group (or any source in the paragraph) sources every claim
    /// in it: the house style.
    #[default]
    Paragraph,
    /// Every claim needs a source in its own sentence.
    Sentence,
}

/// What sources a claim besides a citation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// A citation group, a link, a footnote or an inline attribution naming an outlet or
    /// an institution, and nothing else: a house that wants every speaker's venue.
    Citation,
    /// The analysis house (the default): besides a citation, a speaker named by name
    /// next to the claim ("Gelman says:", "said Aigerim Bekova", "according to
    /// Gelman"); a pronoun, a role or a group still names nobody.
    #[default]
    NamedPerson,
    /// News copy: besides a citation, whoever the claim's sentence, or the sentence before
    /// in its paragraph, names as speaking (a person, a role, an institution, a document,
    /// "analysts"), and the attribution of the story's lead for later paragraphs of
    /// figures.
    NamedSource,
}

/// Sourcing data. Every field may be left out of a TOML section that extends the
/// embedded data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct SourcingStyle {
    /// In a section merged over other data (a configuration's `[sourcing]`): the lists
    /// it gives replace the ones there instead of extending them. Never set in the
    /// embedded data.
    pub replace: bool,
    pub scope: Option<CitationScope>,
    pub attribution: Option<Attribution>,
    pub dated_event_max_age_years: Option<i16>,
    pub min_quote_words: Option<usize>,
    pub reporting_verbs: Vec<String>,
    pub speech_cues: Vec<String>,
    pub attribution_phrases: Vec<String>,
    pub open_attribution_phrases: Vec<String>,
    pub vague_sources: Vec<String>,
    pub source_documents: Vec<String>,
    pub self_sources: Vec<String>,
    pub witness_roles: Vec<String>,
    pub outlets: Vec<String>,
    pub platforms: Vec<String>,
    pub media_nouns: Vec<String>,
    pub institutions: Vec<String>,
    pub hedges: Vec<String>,
    pub term_cues: Vec<String>,
    pub term_nouns: Vec<String>,
    pub number_labels: Vec<String>,
    pub background_nouns: Vec<String>,
    pub standing_verbs: Vec<String>,
    pub non_count_units: Vec<String>,
    pub measure_units: Vec<String>,
    pub currency_codes: Vec<String>,
    pub currency_names: Vec<String>,
    pub conformity_nouns: Vec<String>,
    pub inscription_nouns: Vec<String>,
    pub provision_nouns: Vec<String>,
    pub provision_verbs: Vec<String>,
    pub source_modifiers: Vec<String>,
    pub stance_nouns: Vec<String>,
    pub generic_media_nouns: Vec<String>,
    pub named_source_verbs: Vec<String>,
    pub authored_works: Vec<String>,
    pub interview_verbs: Vec<String>,
    pub public_votes: Vec<String>,
    pub public_acts: Vec<String>,
    pub people_nouns: Vec<String>,
    #[serde(skip)]
    matchers: MatcherCache,
}

impl SourcingStyle {
    pub fn from_toml(text: &str) -> Result<Self, StyleError> {
        Ok(toml::from_str(text)?)
    }

    /// The embedded sourcing data.
    pub fn embedded() -> &'static SourcingStyle {
        static STYLE: LazyLock<SourcingStyle> =
            LazyLock::new(|| super::embedded::read(super::embedded::SOURCING));
        &STYLE
    }

    /// Serde helper for [`crate::style::HouseStyle`]: a `[sourcing]` section extends the
    /// embedded data instead of replacing it.
    pub(crate) fn deserialize_over_embedded<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        let extra = SourcingStyle::deserialize(deserializer)?;
        let mut style = SourcingStyle::embedded().clone();
        style.merge(extra);
        Ok(style)
    }

    pub(crate) fn embedded_clone() -> Self {
        SourcingStyle::embedded().clone()
    }

    /// Extend the lists with `other`'s and take its scalars where it sets them.
    ///
    /// With `other.replace`, the lists `other` gives replace the ones here.
    pub fn merge(&mut self, other: SourcingStyle) {
        let replace = other.replace;
        self.merge_with(other, replace);
    }

    /// Like [`merge`](Self::merge), but a list that `other` gives replaces the list here
    /// (a configuration's `replace = true`).
    pub fn replace_with(&mut self, other: SourcingStyle) {
        self.merge_with(other, true);
    }

    fn merge_with(&mut self, other: SourcingStyle, replace: bool) {
        // A list that `other` gives replaces this one; an empty one leaves it.
        let extend = |into: &mut Vec<String>, from: Vec<String>| {
            let replace = replace && !from.is_empty();
            super::extend_or_replace(into, from, replace);
        };
        self.scope = other.scope.or(self.scope);
        self.attribution = other.attribution.or(self.attribution);
        self.dated_event_max_age_years = other
            .dated_event_max_age_years
            .or(self.dated_event_max_age_years);
        self.min_quote_words = other.min_quote_words.or(self.min_quote_words);
        extend(&mut self.reporting_verbs, other.reporting_verbs);
        extend(&mut self.speech_cues, other.speech_cues);
        extend(&mut self.attribution_phrases, other.attribution_phrases);
        extend(
            &mut self.open_attribution_phrases,
            other.open_attribution_phrases,
        );
        extend(&mut self.vague_sources, other.vague_sources);
        extend(&mut self.source_documents, other.source_documents);
        extend(&mut self.self_sources, other.self_sources);
        extend(&mut self.witness_roles, other.witness_roles);
        extend(&mut self.outlets, other.outlets);
        extend(&mut self.platforms, other.platforms);
        extend(&mut self.media_nouns, other.media_nouns);
        extend(&mut self.institutions, other.institutions);
        extend(&mut self.hedges, other.hedges);
        extend(&mut self.term_cues, other.term_cues);
        extend(&mut self.term_nouns, other.term_nouns);
        extend(&mut self.number_labels, other.number_labels);
        extend(&mut self.background_nouns, other.background_nouns);
        extend(&mut self.standing_verbs, other.standing_verbs);
        extend(&mut self.non_count_units, other.non_count_units);
        extend(&mut self.measure_units, other.measure_units);
        extend(&mut self.currency_codes, other.currency_codes);
        extend(&mut self.currency_names, other.currency_names);
        extend(&mut self.conformity_nouns, other.conformity_nouns);
        extend(&mut self.inscription_nouns, other.inscription_nouns);
        extend(&mut self.provision_nouns, other.provision_nouns);
        extend(&mut self.provision_verbs, other.provision_verbs);
        extend(&mut self.source_modifiers, other.source_modifiers);
        extend(&mut self.stance_nouns, other.stance_nouns);
        extend(&mut self.generic_media_nouns, other.generic_media_nouns);
        extend(&mut self.named_source_verbs, other.named_source_verbs);
        extend(&mut self.authored_works, other.authored_works);
        extend(&mut self.interview_verbs, other.interview_verbs);
        extend(&mut self.public_votes, other.public_votes);
        extend(&mut self.public_acts, other.public_acts);
        extend(&mut self.people_nouns, other.people_nouns);
        self.matchers = MatcherCache::default();
    }

    pub fn scope(&self) -> CitationScope {
        self.scope.unwrap_or_default()
    }

    pub fn attribution(&self) -> Attribution {
        self.attribution.unwrap_or_default()
    }

    pub fn dated_event_max_age_years(&self) -> i16 {
        self.dated_event_max_age_years.unwrap_or(15)
    }

    pub fn min_quote_words(&self) -> usize {
        self.min_quote_words.unwrap_or(5).max(1)
    }

    /// The word lists compiled to patterns, once per style.
    pub(crate) fn matchers(&self) -> &Matchers {
        self.matchers.0.get_or_init(|| Matchers::new(self))
    }
}

/// Compiled patterns, built on first use. Not part of the data: always equal.
#[derive(Debug, Clone, Default)]
struct MatcherCache(OnceLock<Matchers>);

impl PartialEq for MatcherCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for MatcherCache {}

/// The sourcing word lists as patterns, each compiled the first time it is read: a
/// document that never asks for one does not pay for compiling it.
#[derive(Debug, Clone)]
pub(crate) struct Matchers {
    pub reporting: WordMatcher,
    /// Reporting verbs and speech cues.
    pub speech: WordMatcher,
    pub attribution: WordMatcher,
    pub open_attribution: LazyRegex,
    /// The writer's own research: "our survey", "author's interview".
    pub self_source: WordMatcher,
    /// One person the writer met, by role: "a farmer", "one elderly villager".
    pub witness: LazyRegex,
    /// Outlets, platforms, media nouns, institutions and domains, searched as the
    /// alternation of the five, in that order.
    pub source_token: Alternatives,
    /// A whole text that is an outlet, a platform or a domain: "Reuters", "Akorda.kz".
    pub outlet_exact: WholeName,
    /// Whether an outlet or platform of the house has a bracket in its name (only then
    /// can a text with a bracket be one).
    pub outlet_brackets: bool,
    pub hedge: LazyRegex,
    /// A term cue at the end of a text.
    pub term_cue_at_end: LazyRegex,
    pub vague_sources: HashSet<String>,
    pub source_documents: HashSet<String>,
    pub number_labels: HashSet<String>,
    pub background_nouns: HashSet<String>,
    /// A standing verb at the end of a text.
    pub standing_verb_at_end: LazyRegex,
    pub non_count_units: HashSet<String>,
    pub measure_units: HashSet<String>,
    pub term_nouns: HashSet<String>,
    /// An amount with a currency code: "USD 5 million", "200 billion KZT".
    pub money_code: LazyRegex,
    /// An amount with a currency name: "5 million tenge", "300 US dollars".
    pub money_word: LazyRegex,
    pub conformity_nouns: HashSet<String>,
    pub inscription_nouns: HashSet<String>,
    /// A legal text stating its own terms: "the law requires", "Article 4 obliges".
    pub provision: LazyRegex,
    pub source_modifiers: HashSet<String>,
    pub stance_nouns: HashSet<String>,
    pub generic_media_nouns: HashSet<String>,
    /// What data and documents do when they speak: "the data show".
    pub named_source_verbs: WordMatcher,
    /// A text its author speaks through: "in a commentary on Centrasia.ru".
    pub authored_work: WordMatcher,
    /// A work named by its author or its publisher: "analysis by IStories", "in a
    /// commentary for the Carnegie Endowment".
    pub work_by: LazyRegex,
    /// The present tense of the writer's interview, lower case: "says", "recalls".
    pub interview_verbs: HashSet<String>,
    /// A vote held on the date the law set: "parliamentary elections were held",
    /// "Kazakhstan held a referendum".
    pub public_vote_held: LazyRegex,
    /// An act of office done in public on its date: "signed", "met with", "visited".
    pub public_act: WordMatcher,
    pub people_nouns: HashSet<String>,
}

/// Domains ("Tengrinews.kz") and handles ("Twitter.com/TokayevKZ").
pub(super) const DOMAIN: &str = r"\b[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|ru|kz|uz|kg|tj|tm|az|am|ge|ua|by|cn|uk|de|fr|io|info|gov|edu|int|eu|news|media|tv)\b(?:/[\p{L}\p{N}_.\-/@]*)?";

impl Matchers {
    fn new(style: &SourcingStyle) -> Self {
        let lower =
            |v: &[String]| -> HashSet<String> { v.iter().map(|s| s.to_lowercase()).collect() };
        // The alternation of the lists and the domain pattern, each list left out when
        // it holds no word: the case-sensitive names as patterns, the case-insensitive
        // nouns as word lists.
        let listed = |v: &[String]| v.iter().any(|w| !w.trim().is_empty());
        let mut source_token = Vec::new();
        for names in [&style.outlets, &style.platforms] {
            if listed(names) {
                source_token.push(Alternative::Pattern(lazy(&alternation(names, false))));
            }
        }
        for nouns in [&style.media_nouns, &style.institutions] {
            if listed(nouns) {
                source_token.push(Alternative::Words(WordMatcher::new(nouns)));
            }
        }
        source_token.push(Alternative::Pattern(Pattern::new(DOMAIN)));
        let mut speech: Vec<String> = style.reporting_verbs.clone();
        speech.extend(style.speech_cues.iter().cloned());
        // Hedges match as written and capitalized at a sentence start, but "May" before a
        // number or a year is the month.
        let mut hedges: Vec<String> = style.hedges.clone();
        hedges.extend(style.hedges.iter().map(|h| capitalize(h)));
        Matchers {
            reporting: WordMatcher::new(&style.reporting_verbs),
            speech: WordMatcher::new(&speech),
            attribution: WordMatcher::new(&style.attribution_phrases),
            open_attribution: lazy(&format!(
                r"{}\W*$",
                group(&alternation(&style.open_attribution_phrases, true))
            )),
            self_source: WordMatcher::new(&style.self_sources),
            witness: lazy(&format!(
                r"(?i)\b(?:a|an|one)\s+(?:[\p{{L}}’'-]+\s+){{0,2}}?{}",
                group(&alternation(&style.witness_roles, true))
            )),
            source_token: Alternatives(source_token),
            outlet_exact: WholeName {
                names: ExactNames::new(style.outlets.iter().chain(&style.platforms)),
                pattern: Pattern::owned(format!("^(?:{DOMAIN})$")),
            },
            outlet_brackets: style
                .outlets
                .iter()
                .chain(&style.platforms)
                .any(|o| o.contains(['(', ')', '[', ']'])),
            hedge: lazy(&alternation(&hedges, false)),
            term_cue_at_end: lazy(&format!(
                r"(?:{}(?:\s+(?:the|a|an|it|this|that|them|him|her|as|simply|now|also))*|{}(?:[\s,]+[^\s.;:!?“”\x22]+){{0,4}}|{}\s+(?:that|which)(?:[\s,]+[^\s.;:!?“”\x22]+){{1,6}})[\s,:]*$",
                group(&alternation(&style.term_cues, true)),
                group(&alternation(&style.term_nouns, true)),
                group(&alternation(&style.term_nouns, true))
            )),
            vague_sources: lower(&style.vague_sources),
            source_documents: lower(&style.source_documents),
            number_labels: lower(&style.number_labels),
            background_nouns: lower(&style.background_nouns),
            standing_verb_at_end: lazy(&format!(
                r"{}(?:\s+\S+){{0,2}}\s*$",
                group(&alternation(&style.standing_verbs, true))
            )),
            non_count_units: lower(&style.non_count_units),
            measure_units: lower(&style.measure_units),
            term_nouns: lower(&style.term_nouns),
            money_code: lazy(&format!(
                r"\b{codes}\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand|mln|bln|bn))?\b|\b\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand|mln|bln|bn))?\s+{codes}\b",
                codes = plain_group(&style.currency_codes)
            )),
            money_word: lazy(&format!(
                r"(?i)\b\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand))?\s+(?:US\s+|U\.S\.\s+)?{}\b",
                plain_group(&style.currency_names)
            )),
            conformity_nouns: lower(&style.conformity_nouns),
            inscription_nouns: lower(&style.inscription_nouns),
            provision: lazy(&format!(
                r"(?i)\b{}\b[^.;:!?]{{0,40}}?\b{}\b",
                plain_group(&style.provision_nouns),
                plain_group(&style.provision_verbs)
            )),
            source_modifiers: lower(&style.source_modifiers),
            stance_nouns: lower(&style.stance_nouns),
            generic_media_nouns: lower(&style.generic_media_nouns),
            named_source_verbs: WordMatcher::new(&style.named_source_verbs),
            authored_work: WordMatcher::new(&style.authored_works),
            work_by: lazy(&format!(
                r"(?i:\b{}\s+(?:by|for|published\s+by|commissioned\s+by))\s+(?:[Tt]he\s+)?\p{{Lu}}",
                plain_group(&style.authored_works)
            )),
            interview_verbs: lower(&style.interview_verbs),
            public_vote_held: lazy(&format!(
                r"(?i)\b{votes}\b[^.;:!?]{{0,60}}?\b(?:was|were)\s+(?:held|conducted)\b|\b{votes}\b[^.;:!?]{{0,60}}?\btook\s+place\b|\b(?:held|holds)\s+(?:(?:a|an|its|their|the)\s+)?(?:[\p{{L}}-]+\s+){{0,3}}?{votes}\b",
                votes = plain_group(&style.public_votes)
            )),
            public_act: WordMatcher::new(&style.public_acts),
            people_nouns: lower(&style.people_nouns),
        }
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn group(alt: &str) -> String {
    if alt.is_empty() {
        // Matches nothing.
        NOTHING.to_string()
    } else {
        format!("(?:{alt})")
    }
}

/// A pattern of the house's word lists, compiled on first use; an oversized user list
/// matches nothing rather than panicking.
pub(crate) type LazyRegex = Pattern;

fn lazy(pattern: &str) -> LazyRegex {
    Pattern::lenient(if pattern.is_empty() { NOTHING } else { pattern }.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_sourcing_data_is_valid() {
        let style = SourcingStyle::from_toml(EMBEDDED_SOURCING).unwrap();
        assert_eq!(style.scope(), CitationScope::Paragraph);
        assert!(!style.replace, "the embedded data replaces nothing");
        for (name, list) in [
            ("reporting-verbs", &style.reporting_verbs),
            ("speech-cues", &style.speech_cues),
            ("attribution-phrases", &style.attribution_phrases),
            ("open-attribution-phrases", &style.open_attribution_phrases),
            ("vague-sources", &style.vague_sources),
            ("source-documents", &style.source_documents),
            ("self-sources", &style.self_sources),
            ("witness-roles", &style.witness_roles),
            ("outlets", &style.outlets),
            ("platforms", &style.platforms),
            ("media-nouns", &style.media_nouns),
            ("institutions", &style.institutions),
            ("hedges", &style.hedges),
            ("term-cues", &style.term_cues),
            ("term-nouns", &style.term_nouns),
            ("number-labels", &style.number_labels),
            ("background-nouns", &style.background_nouns),
            ("standing-verbs", &style.standing_verbs),
            ("non-count-units", &style.non_count_units),
            ("measure-units", &style.measure_units),
            ("currency-codes", &style.currency_codes),
            ("currency-names", &style.currency_names),
            ("conformity-nouns", &style.conformity_nouns),
            ("inscription-nouns", &style.inscription_nouns),
            ("provision-nouns", &style.provision_nouns),
            ("provision-verbs", &style.provision_verbs),
            ("source-modifiers", &style.source_modifiers),
            ("stance-nouns", &style.stance_nouns),
            ("generic-media-nouns", &style.generic_media_nouns),
            ("authored-works", &style.authored_works),
            ("interview-verbs", &style.interview_verbs),
            ("public-votes", &style.public_votes),
            ("public-acts", &style.public_acts),
            ("people-nouns", &style.people_nouns),
        ] {
            assert!(!list.is_empty(), "{name} is empty");
            let mut seen = HashSet::new();
            for entry in list {
                assert_eq!(entry.trim(), entry, "{name}: `{entry}` has outer spaces");
                assert!(
                    seen.insert(entry.to_lowercase()),
                    "{name}: `{entry}` is listed twice"
                );
            }
        }
        // Open phrases are attribution phrases too.
        for p in &style.open_attribution_phrases {
            assert!(style.attribution_phrases.contains(p), "{p}");
        }
        // Every pattern compiles to something that matches its own entries.
        let m = style.matchers();
        for verb in &style.reporting_verbs {
            assert!(m.reporting.is_match(verb), "{verb}");
            assert!(m.speech.is_match(verb), "{verb}");
        }
        assert!(m
            .public_vote_held
            .is_match("parliamentary elections were held in Mongolia"));
        assert!(m
            .public_vote_held
            .is_match("Kazakhstan held a constitutional referendum"));
        assert!(!m.public_vote_held.is_match("Police held the activist"));
        assert!(m.work_by.is_match("Analysis by IStories estimated"));
        assert!(m
            .work_by
            .is_match("in a commentary for the Carnegie Endowment"));
        assert!(!m.work_by.is_match("in a commentary for the newspaper"));
        // The interview's verbs are found where speech is.
        for verb in &style.interview_verbs {
            assert!(
                m.speech
                    .find_iter(verb)
                    .next()
                    .is_some_and(|f| f.as_str() == verb),
                "{verb}"
            );
        }
        for outlet in &style.outlets {
            assert!(m.source_token.is_match(outlet), "{outlet}");
        }
        assert!(m.source_token.is_match("Tengrinews.kz"));
        assert!(m.source_token.is_match("Twitter.com/TokayevKZ"));
        assert!(m.outlet_exact.is_match("Reuters"));
        assert!(!m.outlet_exact.is_match("CSTO"));
        assert!(m.hedge.is_match("Growth will likely slow"));
        assert!(m.term_cue_at_end.is_match("under the slogan "));
        assert!(m.term_cue_at_end.is_match("critics have dubbed it the "));
        // A relative clause keeps the noun the head: the quotation is the phrase.
        assert!(m
            .term_cue_at_end
            .is_match("a phrase that drivers repeat among themselves: "));
        assert!(m.term_cue_at_end.is_match("critics call it "));
        assert!(!m
            .term_cue_at_end
            .is_match("the phrase is old, and the minister said on Monday: "));
        assert!(!m.term_cue_at_end.is_match("he called the protests "));
        assert!(m.term_cue_at_end.is_match("the slogan of the 1990s, "));
        assert_eq!(
            m.money_code.find("up by KZT 5 billion").unwrap().as_str(),
            "KZT 5 billion"
        );
        assert_eq!(
            m.money_code
                .find("200 billion KZT in all")
                .unwrap()
                .as_str(),
            "200 billion KZT"
        );
        assert!(!m.money_code.is_match("200 billion kzt"));
        assert_eq!(
            m.money_word
                .find("a loan of 300 US Dollars")
                .unwrap()
                .as_str(),
            "300 US Dollars"
        );
        assert!(!m.money_word.is_match("5 million somonis"));
        assert!(m
            .provision
            .is_match("Article 4 of the charter obliges members"));
        assert!(m.provision.is_match("the law sets  out quotas"));
        assert!(!m.provision.is_match("the law. It requires"));
    }

    #[test]
    fn a_section_extends_the_embedded_data() {
        let extra =
            SourcingStyle::from_toml("scope = \"sentence\"\noutlets = [\"Steppe Courier\"]\n")
                .unwrap();
        let mut style = SourcingStyle::embedded().clone();
        let before = style.outlets.len();
        style.merge(extra);
        assert_eq!(style.scope(), CitationScope::Sentence);
        assert_eq!(style.outlets.len(), before + 1);
        assert!(style.matchers().source_token.is_match("Steppe Courier"));
        assert!(style.matchers().source_token.is_match("TASS"));
        assert!(SourcingStyle::from_toml("colour = 1").is_err());
        let mut replaced = SourcingStyle::embedded().clone();
        replaced
            .replace_with(SourcingStyle::from_toml("outlets = [\"Steppe Courier\"]\n").unwrap());
        assert_eq!(replaced.outlets, ["Steppe Courier"]);
        assert!(!replaced.matchers().source_token.is_match("Xinhua"));
        assert_eq!(replaced.platforms, SourcingStyle::embedded().platforms);
        let mut replaced = SourcingStyle::embedded().clone();
        replaced.merge(
            SourcingStyle::from_toml("replace = true\noutlets = [\"Steppe Courier\"]\n").unwrap(),
        );
        assert_eq!(replaced.outlets, ["Steppe Courier"]);
        assert!(!replaced.replace);
    }

    #[test]
    fn a_house_style_sourcing_section_extends_the_embedded_lists() {
        let style = crate::style::HouseStyle::from_toml(
            "[citation]\nfull-month-names = true\nyear-for-earlier-years = true\n\n[sourcing]\nscope = \"sentence\"\nplatforms = [\"Mastodon\"]\n",
        )
        .unwrap();
        assert_eq!(style.sourcing.scope(), CitationScope::Sentence);
        assert!(style.sourcing.platforms.iter().any(|p| p == "Mastodon"));
        assert!(style.sourcing.platforms.iter().any(|p| p == "Telegram"));
        // Without a section, the embedded data applies.
        let plain = crate::style::HouseStyle::from_toml(
            "[citation]\nfull-month-names = true\nyear-for-earlier-years = true\n",
        )
        .unwrap();
        assert_eq!(plain.sourcing, *SourcingStyle::embedded());
        assert!(crate::style::HouseStyle::from_toml(
            "[citation]\nfull-month-names = true\nyear-for-earlier-years = true\n[sourcing]\ncolour = 1\n"
        )
        .is_err());
    }
}
