//! The house style: data the rules read, embedded in the binary and overridable by
//! configuration.

use std::collections::HashSet;
use std::hash::Hash;
use std::sync::LazyLock;

use serde::Deserialize;

mod acronyms;
mod alternatives;
pub(crate) mod embedded;
pub mod language;
pub mod names;
pub mod numbers;
pub mod sourcing;
mod word_matcher;
pub use acronyms::{AcronymStyle, GlossaryEntry, EMBEDDED_ACRONYMS};
pub use language::{LanguageStyle, WordList};
pub use names::{HouseName, NameMatch, NameStyle, EMBEDDED_NAMES};
pub use numbers::{NumberStyle, PercentForm, RangeDash, ScaleForm, SmallNumbers, Thousands};
pub use sourcing::{CitationScope, SourcingStyle};
pub(crate) use word_matcher::WordMatch;

/// The embedded default house style, as TOML.
pub const EMBEDDED_HOUSE_STYLE: &str = include_str!("../data/house-style.toml");

/// An error in house-style data.
#[derive(Debug, thiserror::Error)]
pub enum StyleError {
    #[error("invalid house-style data: {0}")]
    Toml(#[from] toml::de::Error),
}

/// Conventions of citation groups.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CitationStyle {
    /// Months are written in full in citation groups.
    pub full_month_names: bool,
    /// A cited date in an earlier year than the publication carries its year.
    pub year_for_earlier_years: bool,
}

/// Which quotation marks the house prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteMarks {
    /// Curly marks: “...”.
    Curly,
    /// Straight marks: "...".
    Straight,
    /// Either, one kind in a document: the kind most of its quotations use.
    Consistent,
}

/// Conventions of quotation marks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuoteStyle {
    pub marks: QuoteMarks,
}

impl Default for QuoteStyle {
    /// One kind of marks in a document, as the embedded house style says.
    fn default() -> Self {
        Self {
            marks: QuoteMarks::Consistent,
        }
    }
}

/// The order of a date in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// "August 15, 2021".
    MonthDay,
    /// "15 August 2021".
    DayMonth,
    /// Either, one order in a document: the order most of its dates use.
    Consistent,
}

/// Conventions of dates in the body.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DateStyle {
    pub order: DateOrder,
    /// Months are written in full ("August 15", not "Aug. 15").
    pub full_month_names: bool,
    /// A Word document's core-properties date as its publication date, when nothing
    /// else gives one (off by default).
    #[serde(default)]
    pub docx_date: crate::document::DocxDate,
}

impl Default for DateStyle {
    /// As the embedded house style says.
    fn default() -> Self {
        Self {
            order: DateOrder::MonthDay,
            full_month_names: true,
            docx_date: crate::document::DocxDate::None,
        }
    }
}

/// Append `items` to `base` (skipping ones already there), or make them the whole list
/// when `replace` holds. Linear: a configuration may list 100,000 exemptions.
pub fn extend_or_replace<T: Eq + Hash + Clone>(base: &mut Vec<T>, items: Vec<T>, replace: bool) {
    if replace {
        base.clear();
    }
    if items.is_empty() {
        return;
    }
    let mut seen: HashSet<T> = base.iter().cloned().collect();
    for item in items {
        if !seen.contains(&item) {
            seen.insert(item.clone());
            base.push(item);
        }
    }
}

/// All house-style data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HouseStyle {
    pub citation: CitationStyle,
    /// The dates of `date-style`.
    #[serde(default)]
    pub dates: DateStyle,
    /// The quotation marks of `quote-style`.
    #[serde(default)]
    pub quotes: QuoteStyle,
    /// The forms of numbers of `number-style`.
    #[serde(default)]
    pub numbers: NumberStyle,
    /// Acronym exemptions and glossary; embedded from `data/acronyms.toml` by default.
    #[serde(default)]
    pub acronyms: AcronymStyle,
    /// The gazetteer of the `place-name` rule, from its own file (`data/places.toml`).
    #[serde(default)]
    pub places: crate::gazetteer::Gazetteer,
    /// Sourcing word lists (`data/sourcing.toml`); a `[sourcing]` section extends them.
    #[serde(
        default = "SourcingStyle::embedded_clone",
        deserialize_with = "SourcingStyle::deserialize_over_embedded"
    )]
    pub sourcing: SourcingStyle,
    /// Word lists of English (`data/language.toml`); `[language]` extends them.
    #[serde(default)]
    pub language: LanguageStyle,
    /// The house forms of names of the `name-consistency` rule (`data/names.toml`).
    #[serde(default)]
    pub names: NameStyle,
}

impl HouseStyle {
    pub fn from_toml(text: &str) -> Result<Self, StyleError> {
        Ok(toml::from_str(text)?)
    }

    /// The embedded default house style (`data/house-style.toml`, read in the form the
    /// build script gives it: [`embedded`]).
    pub fn embedded() -> &'static HouseStyle {
        static STYLE: LazyLock<HouseStyle> =
            LazyLock::new(|| embedded::read(embedded::HOUSE_STYLE));
        &STYLE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_house_style_parses() {
        let style = HouseStyle::from_toml(EMBEDDED_HOUSE_STYLE).unwrap();
        assert!(style.citation.full_month_names);
        assert!(style.acronyms.is_exempt("US"));
        assert!(style.acronyms.glossary_entry("CSTO").is_some());
        assert!(!style.sourcing.reporting_verbs.is_empty());
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = HouseStyle::from_toml(
            "[citation]\nfull-month-names = true\nyear-for-earlier-years = true\ncolour = 1\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
