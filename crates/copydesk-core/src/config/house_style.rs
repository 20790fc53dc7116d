//! `[house-style]` in a configuration file: patches over the embedded house style.
//!
//! Each section of [`HouseStyle`] has a patch type here: same key names, every field
//! optional, `deny_unknown_fields`. A patch changes what it names and keeps the rest.
//! Sections that hold lists (gazetteer places, acronym exemptions and glossary,
//! sourcing word lists) extend the embedded lists, or replace them with
//! `replace = true`:
//!
//! ```toml
//! [house-style.acronyms]
//! replace = false          # true: only the entries below
//! exempt = ["NATO", "OSCE"]
//! ```
//!
//! # Adding a section (a few lines each)
//! For a section `foo: FooStyle` of [`HouseStyle`]:
//!
//! 1. define the patch, with the section's keys as `Option`s (scalars) or `Vec`s (lists):
//!    ```text
//!    #[derive(Debug, Clone, Default, Deserialize)]
//!    #[serde(deny_unknown_fields, rename_all = "kebab-case")]
//!    pub struct FooPatch {
//!        #[serde(default)]
//!        pub replace: bool,
//!        #[serde(default)]
//!        pub exempt: Vec<String>,
//!        pub scope: Option<Scope>,
//!    }
//!    ```
//! 2. say how it applies:
//!    ```text
//!    impl Patch<FooStyle> for FooPatch {
//!        fn apply_to(self, target: &mut FooStyle) {
//!            extend_or_replace(&mut target.exempt, self.exempt, self.replace);
//!            set(&mut target.scope, self.scope);
//!        }
//!    }
//!    ```
//! 3. add `pub foo: Option<FooPatch>,` to [`HouseStylePatch`] and one line to its
//!    `apply_to`, and a commented `[house-style.foo]` block to [`STARTER_HOUSE_STYLE`].
//!
//! Then `copydesk init` documents it, unknown keys are errors with their position, and
//! the CLI and the language server both see the merged data.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::gazetteer::{Gazetteer, History, Place};
use crate::style::{
    AcronymStyle, CitationStyle, DateOrder, DateStyle, GlossaryEntry, HouseName, HouseStyle,
    LanguageStyle, NameStyle, NumberStyle, PercentForm, QuoteMarks, QuoteStyle, RangeDash,
    ScaleForm, SmallNumbers, SourcingStyle, Thousands,
};

/// A change to one part of the house style.
pub trait Patch<T> {
    fn apply_to(self, target: &mut T);
}

/// Set `target` to `value` when the patch gives one.
pub fn set<T>(target: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *target = v;
    }
}

pub use crate::style::extend_or_replace;

/// `[house-style]`: one optional patch per section of [`HouseStyle`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HouseStylePatch {
    pub citation: Option<CitationPatch>,
    pub quotes: Option<QuotesPatch>,
    pub dates: Option<DatesPatch>,
    pub numbers: Option<NumbersPatch>,
    pub acronyms: Option<AcronymsPatch>,
    pub places: Option<PlacesPatch>,
    /// `[house-style.sourcing]`: the sourcing section has the patch's shape already
    /// (optional scalars, lists that extend, `replace = true`).
    pub sourcing: Option<SourcingStyle>,
    pub language: Option<LanguagePatch>,
    pub names: Option<NamesPatch>,
}

impl Patch<HouseStyle> for HouseStylePatch {
    fn apply_to(self, style: &mut HouseStyle) {
        if let Some(p) = self.citation {
            p.apply_to(&mut style.citation);
        }
        if let Some(p) = self.quotes {
            p.apply_to(&mut style.quotes);
        }
        if let Some(p) = self.dates {
            p.apply_to(&mut style.dates);
        }
        if let Some(p) = self.numbers {
            p.apply_to(&mut style.numbers);
        }
        if let Some(p) = self.acronyms {
            p.apply_to(&mut style.acronyms);
        }
        if let Some(p) = self.sourcing {
            style.sourcing.merge(p);
        }
        if let Some(p) = self.places {
            p.apply_to(&mut style.places);
        }
        if let Some(p) = self.language {
            p.apply_to(&mut style.language);
        }
        if let Some(p) = self.names {
            p.apply_to(&mut style.names);
        }
    }
}

/// `[house-style.names]`: the names of `name-consistency`. `[[house-style.names.name]]`
/// entries (same keys as `data/names.toml`) replace the embedded entry with the same id
/// or are added; `titles` extend the titles; `exempt` adds official names that print a
/// variant to entries by id. With `replace = true`, the entries given
/// are the only ones, and `titles`, when given, the only titles. The result is
/// validated when the configuration is read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NamesPatch {
    #[serde(default)]
    pub replace: bool,
    pub titles: Option<Vec<String>>,
    #[serde(default)]
    pub name: Vec<HouseName>,
    /// Official names that print a variant, added to the entries by id:
    /// `exempt = { nazarbayev = ["Nazarbaev Fund"] }`.
    #[serde(default)]
    pub exempt: BTreeMap<String, Vec<String>>,
}

impl Patch<NameStyle> for NamesPatch {
    fn apply_to(self, target: &mut NameStyle) {
        target.patch(self.name, self.titles, self.exempt, self.replace);
    }
}

/// `[house-style.language]`: word lists of `data/language.toml` by their keys; each list
/// given is added to the embedded one, or with `replace = true` replaces it (the lists
/// not named keep their embedded words). A key that names no list is an error.
#[derive(Debug, Clone, Default)]
pub struct LanguagePatch {
    pub replace: bool,
    pub lists: Vec<(String, Vec<String>)>,
}

impl<'de> Deserialize<'de> for LanguagePatch {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = LanguagePatch;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a table of word lists")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<LanguagePatch, A::Error> {
                let mut patch = LanguagePatch::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "replace" {
                        patch.replace = map.next_value()?;
                    } else if LanguageStyle::KEYS.contains(&key.as_str()) {
                        let words: Vec<String> = map.next_value()?;
                        patch.lists.push((key, words));
                    } else {
                        return Err(serde::de::Error::custom(format!(
                            "unknown field `{key}`, expected `replace` or one of {}",
                            LanguageStyle::KEYS
                                .iter()
                                .map(|k| format!("`{k}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )));
                    }
                }
                Ok(patch)
            }
        }
        d.deserialize_map(Visitor)
    }
}

impl Patch<LanguageStyle> for LanguagePatch {
    fn apply_to(self, target: &mut LanguageStyle) {
        for (key, words) in self.lists {
            if let Some(list) = target.list_mut(&key) {
                list.patch(words, self.replace);
            }
        }
    }
}

/// `[house-style.acronyms]`: acronyms printed bare, units, glossary entries (which
/// replace the embedded entry for the same acronym), and the word lists that tell an
/// acronym from a name or a shouted word (`not-acronyms`, `company-heads`,
/// `company-nouns`, `gloss-nouns`, as in `data/acronyms.toml`).
/// With `replace = true`, exemptions, units and glossary are the patch's alone, and so
/// is each word list the patch gives (the word lists it does not name keep their
/// embedded words).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AcronymsPatch {
    #[serde(default)]
    pub replace: bool,
    #[serde(default)]
    pub exempt: Vec<String>,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub glossary: BTreeMap<String, GlossaryEntry>,
    pub not_acronyms: Option<Vec<String>>,
    pub company_heads: Option<Vec<String>>,
    pub company_nouns: Option<Vec<String>>,
    pub gloss_nouns: Option<Vec<String>>,
}

impl Patch<AcronymStyle> for AcronymsPatch {
    fn apply_to(self, target: &mut AcronymStyle) {
        let replace = self.replace;
        extend_or_replace(&mut target.exempt, self.exempt, replace);
        extend_or_replace(&mut target.units, self.units, replace);
        if replace {
            target.glossary.clear();
        }
        target.glossary.extend(self.glossary);
        if let Some(words) = self.not_acronyms {
            extend_or_replace(&mut target.not_acronyms, words, replace);
        }
        if let Some(words) = self.company_heads {
            extend_or_replace(&mut target.company_heads, words, replace);
        }
        if let Some(words) = self.company_nouns {
            target.company_nouns.patch(words, replace);
        }
        if let Some(words) = self.gloss_nouns {
            target.gloss_nouns.patch(words, replace);
        }
    }
}

/// `[house-style.places]`: the gazetteer of `place-name`. `[[house-style.places.place]]`
/// entries (same keys as `data/places.toml`) replace the embedded place with the same
/// id or are added; `enable` turns optional places on; `exempt` adds exempt compounds
/// to places by id; `history` says which name a place takes in a sentence about a past
/// period. The result is validated when the configuration is read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PlacesPatch {
    #[serde(default)]
    pub replace: bool,
    /// `"name-of-the-time"` or `"present-name-accepted"`: see [`History`].
    pub history: Option<History>,
    #[serde(default)]
    pub enable: Vec<String>,
    #[serde(default)]
    pub exempt: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub place: Vec<Place>,
}

impl Patch<Gazetteer> for PlacesPatch {
    fn apply_to(self, target: &mut Gazetteer) {
        set(&mut target.history, self.history);
        target.patch(self.replace, self.place, self.enable, self.exempt);
    }
}

/// `[house-style.citation]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CitationPatch {
    pub full_month_names: Option<bool>,
    pub year_for_earlier_years: Option<bool>,
}

impl Patch<CitationStyle> for CitationPatch {
    fn apply_to(self, target: &mut CitationStyle) {
        set(&mut target.full_month_names, self.full_month_names);
        set(
            &mut target.year_for_earlier_years,
            self.year_for_earlier_years,
        );
    }
}

/// `[house-style.quotes]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuotesPatch {
    pub marks: Option<QuoteMarks>,
}

impl Patch<QuoteStyle> for QuotesPatch {
    fn apply_to(self, target: &mut QuoteStyle) {
        set(&mut target.marks, self.marks);
    }
}

/// `[house-style.dates]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DatesPatch {
    pub order: Option<DateOrder>,
    pub full_month_names: Option<bool>,
    pub docx_date: Option<crate::document::DocxDate>,
}

impl Patch<DateStyle> for DatesPatch {
    fn apply_to(self, target: &mut DateStyle) {
        set(&mut target.order, self.order);
        set(&mut target.full_month_names, self.full_month_names);
        set(&mut target.docx_date, self.docx_date);
    }
}

/// `[house-style.numbers]`: the forms of `number-style`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NumbersPatch {
    pub percent: Option<PercentForm>,
    pub small_numbers: Option<SmallNumbers>,
    pub thousands: Option<Thousands>,
    pub scale: Option<ScaleForm>,
    pub ranges: Option<RangeDash>,
}

impl Patch<NumberStyle> for NumbersPatch {
    fn apply_to(self, target: &mut NumberStyle) {
        set(&mut target.percent, self.percent);
        set(&mut target.small_numbers, self.small_numbers);
        set(&mut target.thousands, self.thousands);
        set(&mut target.scale, self.scale);
        set(&mut target.ranges, self.ranges);
    }
}

/// The `[house-style]` part of the starter configuration, at the embedded defaults
/// (a test checks that they are).
pub const STARTER_HOUSE_STYLE: &str = "\
# Changes to the embedded house style. A section changes what it names; sections
# with lists add to the embedded lists, or replace them with `replace = true`.
[house-style.citation]
# Months in citation groups are written in full (\"September 3\", not \"Sept. 3\").
full-month-names = true
# A cited date in a year before the publication year carries its year.
year-for-earlier-years = true

[house-style.quotes]
# Quotation marks in the body: \"curly\", \"straight\", or \"consistent\" (one kind in
# a document, the kind most of its quotations use).
marks = \"consistent\"

[house-style.dates]
# The order of a date in the body: \"month-day\" (August 15, 2021), \"day-month\" (15
# August 2021) or \"consistent\" (one order in a document, the order most of its dates
# use). Months in full in the body (\"August 15\", not \"Aug. 15\").
order = \"month-day\"
full-month-names = true
# A Word document (.docx) without a date that copydesk can read is dated by its core
# properties: \"created\" or \"modified\"; \"none\" (a draft's creation date is not its
# publication date) assumes today's.
docx-date = \"none\"

[house-style.numbers]
# Percentages: \"percent\", \"per cent\", \"%\", \"consistent\" (one form in a document)
# or \"any\" (not checked). Whole numbers below ten that count something: \"words\"
# (\"four officers\"), \"numerals\" or \"any\". Thousands: \"comma\" (136,000), \"space\"
# or \"any\". Millions and billions: \"words\" ($4 billion), \"abbreviated\" ($4bn),
# \"consistent\" or \"any\". The dash of ranges of figures: \"hyphen\" (70-80),
# \"en-dash\" (70\u{2013}80), \"consistent\" or \"any\".
percent = \"percent\"
small-numbers = \"words\"
thousands = \"comma\"
scale = \"words\"
ranges = \"consistent\"

[house-style.acronyms]
# true: the lists below replace the embedded ones instead of extending them.
replace = false
# Acronyms printed bare on first use, added to the embedded list (US, UN, EU, GDP...).
exempt = []
# Units written in capitals, never taken for acronyms (MW, GW...).
units = []
# Word lists that tell an acronym from a word or a name (see data/acronyms.toml):
# capitalised words that are never acronyms (\"THE\", \"BREAKING\"), head nouns after a
# company's initials (\"APM Terminals\") and nouns before them (\"the firm TBEA\"), glosses
# after a first use (\"the OMON riot police\").
# not-acronyms = []
# company-heads = []
# company-nouns = []
# gloss-nouns = []
# Expansions suggested for undefined acronyms, by acronym:
# [house-style.acronyms.glossary.KEGOC]
# expansion = \"Kazakhstan Electricity Grid Operating Company\"

[house-style.places]
# true: the places below replace the embedded gazetteer instead of extending it.
replace = false
# A place in a sentence about a past period: \"name-of-the-time\" (in 2017 the capital
# was Astana, not Nur-Sultan) or \"present-name-accepted\" (the name in force at
# publication is accepted too, as most news desks do; a name in force at neither
# time, such as Nur-Sultan for 2017 in a 2023 piece, is still flagged).
history = \"name-of-the-time\"
# Optional places to check (off by default): \"turkiye\", \"czechia\", \"myanmar\",
# \"timor-leste\".
enable = []
# Exempt compounds added to a place, by id:
# exempt = { astana = [\"Astana Motors\"] }
# A place (same keys as the embedded gazetteer) replaces the one with its id:
# [[house-style.places.place]]
# id = \"kyiv\"
# ...

[house-style.sourcing]
# What sources a claim besides a citation: \"named-person\" (the analysis preset:
# also a speaker named by name next to the claim), \"citation\" (an outlet or an
# institution only; a speaker's name alone is no source) or \"named-source\" (the
# wire preset: a named speaker, a role, an institution or a document in the claim's
# sentence or the one before; the lead's attribution for the story's later figures).
# `copydesk explain unsourced-claim` tells more.
# attribution = \"named-person\"
# Word lists (outlets, institutions, reporting verbs...) by the keys of the embedded
# `sourcing.toml`; the words given are added, or with `replace = true` replace them.
# outlets = []

[house-style.names]
# true: the names below replace the embedded ones instead of extending them.
replace = false
# Official names that print a variant as their owner spells it, left as written, by id:
# exempt = { nazarbayev = [\"Nazarbaev Fund\"] }
# A name (same keys as the embedded `names.toml`) replaces the one with its id:
# [[house-style.names.name]]
# id = \"zelensky\"
# form = \"Zelenskyy\"
# variants = [\"Zelensky\", \"Zelenskiy\"]
# who = \"Volodymyr Zelenskyy, President of Ukraine\"
# reference = \"The President's office (president.gov.ua/en)\"

[house-style.language]
# Word lists of English the rules read (function words, sentence openers...), by the
# keys of the embedded `language.toml` (`copydesk explain` names them); the words given
# are added, or with `replace = true` replace each list named.
replace = false
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extend_skips_duplicates_and_replace_clears() {
        let mut v = vec![1, 2];
        extend_or_replace(&mut v, vec![2, 3], false);
        assert_eq!(v, [1, 2, 3]);
        extend_or_replace(&mut v, vec![9], true);
        assert_eq!(v, [9]);
    }

    #[test]
    fn names_patch_exempts_official_names_by_id() {
        let mut style = HouseStyle::embedded().clone();
        let patch: HouseStylePatch =
            toml::from_str("[names]\nexempt = { nazarbayev = [\"Nazarbaev Fund\"] }\n").unwrap();
        patch.apply_to(&mut style);
        style.names.validate().unwrap();
        assert_eq!(style.names.find_in("The Nazarbaev Fund met.").len(), 0);
        let mut style = HouseStyle::embedded().clone();
        let patch: HouseStylePatch =
            toml::from_str("[names]\nexempt = { nobody = [\"Nazarbaev Fund\"] }\n").unwrap();
        patch.apply_to(&mut style);
        assert!(style.names.validate().is_err());
    }

    #[test]
    fn numbers_patch_sets_the_forms_it_names_and_rejects_unknown_ones() {
        let mut style = HouseStyle::embedded().clone();
        let patch: HouseStylePatch =
            toml::from_str("[numbers]\npercent = \"%\"\nranges = \"en-dash\"\n").unwrap();
        patch.apply_to(&mut style);
        assert_eq!(style.numbers.percent, PercentForm::Sign);
        assert_eq!(style.numbers.ranges, RangeDash::EnDash);
        assert_eq!(style.numbers.scale, ScaleForm::Words);
        assert!(toml::from_str::<HouseStylePatch>("[numbers]\npercent = \"pct\"\n").is_err());
        assert!(toml::from_str::<HouseStylePatch>("[numbers]\ndecimals = \"any\"\n").is_err());
    }

    #[test]
    fn language_patch_extends_or_replaces_named_lists_and_rejects_unknown_keys() {
        let mut style = HouseStyle::embedded().clone();
        let patch: HouseStylePatch =
            toml::from_str("[language]\nfunction-words = [\"thru\"]\n").unwrap();
        patch.apply_to(&mut style);
        assert!(style.language.function_words.contains("thru"));
        assert!(style.language.function_words.contains("and"));
        let patch: HouseStylePatch =
            toml::from_str("[language]\nreplace = true\nfunction-words = [\"thru\"]\n").unwrap();
        patch.apply_to(&mut style);
        assert_eq!(style.language.function_words.words(), ["thru"]);
        let err = toml::from_str::<HouseStylePatch>("[language]\nfunction-word = []\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("function-word") && err.contains("`function-words`"),
            "{err}"
        );
    }

    #[test]
    fn acronym_patch_extends_or_replaces() {
        let patch: AcronymsPatch = toml::from_str(
            "exempt = [\"KEGOC\"]\n[glossary.KEGOC]\nexpansion = \"Kazakhstan Electricity Grid Operating Company\"\n",
        )
        .unwrap();
        let mut style = HouseStyle::embedded().acronyms.clone();
        patch.clone().apply_to(&mut style);
        assert!(style.is_exempt("KEGOC") && style.is_exempt("US"));
        assert!(style.glossary_entry("KEGOC").is_some() && style.glossary_entry("CSTO").is_some());
        let replace = AcronymsPatch {
            replace: true,
            ..patch
        };
        let mut style = HouseStyle::embedded().acronyms.clone();
        replace.apply_to(&mut style);
        assert!(style.is_exempt("KEGOC") && !style.is_exempt("US"));
        assert!(style.glossary_entry("CSTO").is_none());
        assert_eq!(
            style.not_acronyms,
            HouseStyle::embedded().acronyms.not_acronyms,
            "a word list the patch does not give keeps its words"
        );
    }

    #[test]
    fn acronym_word_lists_extend_or_replace_by_key() {
        let embedded = &HouseStyle::embedded().acronyms;
        let patch: AcronymsPatch =
            toml::from_str("company-heads = [\"Cement\"]\ngloss-nouns = [\"militia\"]\n").unwrap();
        let mut style = embedded.clone();
        patch.clone().apply_to(&mut style);
        assert!(style.company_heads.iter().any(|h| h == "Cement"));
        assert!(style.company_heads.iter().any(|h| h == "Holding"));
        assert_eq!(style.gloss_nouns.words().last().unwrap(), "militia");
        assert_eq!(style.exempt, embedded.exempt);
        let replace = AcronymsPatch {
            replace: true,
            ..patch
        };
        let mut style = embedded.clone();
        replace.apply_to(&mut style);
        assert_eq!(style.company_heads, ["Cement"]);
        assert_eq!(style.gloss_nouns.words(), ["militia"]);
        assert_eq!(style.not_acronyms, embedded.not_acronyms);
        assert!(toml::from_str::<AcronymsPatch>("company-head = []\n").is_err());
    }

    #[test]
    fn places_patch_enables_exempts_and_overrides() {
        let patch: PlacesPatch =
            toml::from_str("enable = [\"turkiye\"]\nexempt = { astana = [\"Astana Motors\"] }\n")
                .unwrap();
        let mut style = HouseStyle::embedded().clone();
        patch.apply_to(&mut style.places);
        style.places.validate().unwrap();
        assert!(style
            .places
            .is_enabled(style.places.place("turkiye").unwrap()));
        assert!(style
            .places
            .place("astana")
            .unwrap()
            .exempt
            .contains(&"Astana Motors".into()));
        let bad: PlacesPatch =
            toml::from_str("exempt = { atlantis = [\"Atlantis Bank\"] }").unwrap();
        let mut style = HouseStyle::embedded().clone();
        bad.apply_to(&mut style.places);
        assert!(style
            .places
            .validate()
            .unwrap_err()
            .to_string()
            .contains("atlantis"));
    }

    #[test]
    fn places_patch_sets_history_and_rejects_unknown_values() {
        let mut style = HouseStyle::embedded().clone();
        assert_eq!(style.places.history, History::NameOfTheTime);
        let patch: PlacesPatch = toml::from_str("history = \"present-name-accepted\"").unwrap();
        patch.apply_to(&mut style.places);
        assert_eq!(style.places.history, History::PresentNameAccepted);
        // A patch without the key leaves it as it is.
        let patch: PlacesPatch = toml::from_str("enable = [\"turkiye\"]").unwrap();
        patch.apply_to(&mut style.places);
        assert_eq!(style.places.history, History::PresentNameAccepted);
        assert!(toml::from_str::<PlacesPatch>("history = \"present-name\"").is_err());
    }

    #[test]
    fn sourcing_patch_sets_scope_and_extends_lists() {
        let patch: HouseStylePatch =
            toml::from_str("[sourcing]\nscope = \"sentence\"\noutlets = [\"Steppe Review\"]\n")
                .unwrap();
        let mut style = HouseStyle::embedded().clone();
        let before = style.sourcing.outlets.len();
        patch.apply_to(&mut style);
        assert_eq!(
            style.sourcing.scope(),
            crate::style::CitationScope::Sentence
        );
        assert_eq!(style.sourcing.outlets.len(), before + 1);
        assert!(toml::from_str::<HouseStylePatch>("[sourcing]\nscope = \"page\"\n").is_err());
    }

    #[test]
    fn starter_house_style_is_the_embedded_one() {
        #[derive(Deserialize)]
        #[serde(rename_all = "kebab-case")]
        struct Wrapper {
            house_style: HouseStylePatch,
        }
        let w: Wrapper = toml::from_str(STARTER_HOUSE_STYLE).unwrap();
        let mut style = HouseStyle::embedded().clone();
        // Flip every value, then apply the starter: it must restore the embedded data.
        style.citation.full_month_names = !style.citation.full_month_names;
        style.citation.year_for_earlier_years = !style.citation.year_for_earlier_years;
        style.places.history = History::PresentNameAccepted;
        style.quotes.marks = QuoteMarks::Curly;
        style.dates.order = DateOrder::Consistent;
        style.dates.full_month_names = false;
        w.house_style.apply_to(&mut style);
        assert_eq!(&style, HouseStyle::embedded());
    }
}
