//! The words the document model reads: vocabulary, which the language data holds
//! (`data/language.toml`, patched by `[house-style.language]`), while the grammar that
//! reads them is the document's. The document does not know the house style: whoever
//! parses hands it the words ([`super::Document::parse_with`]).

use crate::text::Pattern;

/// A list of labels that open or close a line of the page's apparatus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineLabels {
    /// A header line's label: "Publication:", "Date:", "Read more:" (`header-labels`).
    Header,
    /// A caption or credit line's label: "Photo:", "(Source: ...)" (`caption-labels`).
    Caption,
    /// A numbered figure's or table's label: "Figure 1." (`figure-labels`).
    Figure,
    /// The label of a credit in brackets that ends a caption: "(Photo: ...)"
    /// (`credit-labels`).
    Credit,
}

/// The words the document model reads.
pub trait ProseWords {
    /// Whether a full stop after `word` (in lower case) never ends a sentence: "Mr.",
    /// "No. 5", "Sept. 3" (`abbreviations`).
    fn is_abbreviation(&self, word: &str) -> bool;
    /// Whether a full stop after `word` (in lower case) ends a sentence only when what
    /// follows is not capitalised either: "etc.", "Inc." (`soft-abbreviations`).
    fn is_soft_abbreviation(&self, word: &str) -> bool;
    /// Whether `word`, as written, shows that a new sentence began after a dotted
    /// initialism ("the U.S. The ministry"; `sentence-starters`).
    fn is_sentence_starter(&self, word: &str) -> bool;
    /// Whether `word` (in lower case) may stand inside an outlet's name in a citation
    /// group: "Radio Free Europe", "Centre for Eastern Studies", "Le Monde"
    /// (`outlet-connectors`).
    fn is_outlet_connector(&self, word: &str) -> bool;
    /// The pattern `template` makes of the labels of `list` (as one group of
    /// alternatives), compiled once; `template` is always the same for one list.
    fn labels(&self, list: LineLabels, template: fn(&str) -> String) -> &Pattern;
}
