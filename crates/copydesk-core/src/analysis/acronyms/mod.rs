//! Acronym analysis shared by `acronym-undefined`, `acronym-mismatch` and
//! `acronym-redefined`, and by the language server's hover: the acronym tokens of a
//! document, their definitions and their uses, in document order.
//!
//! [`Analysis::new`] is a pure function of the document and the house style (the acronym
//! data of `data/acronyms.toml` and the word lists of `data/language.toml`), linear in
//! the length of the document. The rules reach it through the linter's
//! [`crate::analysis::Analyses`], which computes it once per document; the hover
//! computes it for the document it shows.
//!
//! What counts:
//! - *Acronyms* are tokens of two or more capitals, with lowercase letters inside where
//!   real ones have them (`VTsIOM`, `MoD`), read through a plural or possessive (`NGOs`,
//!   `CSTO's`) and a suffix (`CSTO-led`). Tokens with digits (`G20`, `COVID-19`) are
//!   only read when the glossary lists them or the text defines them. Roman numerals,
//!   units, dotted initialisms (`U.S.`), words of a shouted run or dateline, and
//!   sentence-initial capitals that spell an ordinary word are not acronyms.
//! - Only body paragraphs and list items are read, not the apparatus around the
//!   article ([`crate::analysis::apparatus`]: notes, bios, credits); citation groups are skipped, and a
//!   use inside a quotation does not count (a definition there does).
//! - *Definitions* are `Expansion (ACR)`, `ACR (Expansion)` and
//!   `English Name (Original Name—ACR)` / `(Russian: Original Name, ACR)`.

mod definition;
mod fit;
mod info;
mod token;

use std::collections::{BTreeMap, HashSet};

use super::apparatus::Apparatus;
use crate::document::Document;
use crate::style::HouseStyle;
use crate::text::TextRange;

use definition::find_definitions;
pub use fit::expansion_fits;
pub(crate) use fit::{glossary_acronym_for, written_out_before};
pub use info::{acronym_at, acronym_definitions, AcronymInfo};
use token::{lowercase_words, scan_block};

/// How an acronym token is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The acronym itself: "NGO" for "NGOs", "CSTO" for "CSTO's" and "CSTO-led".
    pub key: String,
    /// The whole written form, with plural, possessive and suffix.
    pub range: TextRange,
    /// Just the acronym letters.
    pub core: TextRange,
    /// Written bare: no plural, possessive or suffix.
    pub bare: bool,
    /// Written as a plural ("NGOs").
    pub plural: bool,
    /// A designation with digits ("G20", "COVID-19").
    pub designation: bool,
}

/// One occurrence of an acronym in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub token: Token,
    /// Whether this occurrence counts as a use: body prose outside quotations, and not
    /// the acronym of a definition.
    pub counts: bool,
    /// Whether it is the acronym of a definition.
    pub defines: bool,
    /// Whether it opens a sentence.
    pub sentence_start: bool,
}

/// What kind of definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DefinitionKind {
    /// `Expansion (ACR)` or `ACR (Expansion)` whose letters fit.
    Fit,
    /// An expansion the glossary gives for the acronym.
    Glossary,
    /// `(Original Name—ACR)`: the acronym fits the original-language name.
    Original,
    /// `description (ACR)`: the acronym is introduced after a description that is not
    /// its expansion ("the state railway company (KTZ)").
    Description,
    /// A name that does not fit its acronym.
    Mismatch,
}

impl DefinitionKind {
    /// A real expansion, one that a second one repeats.
    pub fn is_expansion(self) -> bool {
        matches!(
            self,
            DefinitionKind::Fit | DefinitionKind::Glossary | DefinitionKind::Original
        )
    }
}

/// A definition of an acronym.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Definition {
    pub key: String,
    pub kind: DefinitionKind,
    /// The acronym as written in the definition.
    pub acronym: TextRange,
    /// From the start of the expansion to the closing parenthesis.
    pub range: TextRange,
    /// The expansion (or description) as written, if any.
    pub expansion: Option<TextRange>,
    /// The expansion for people: "Federal Security Service (Federalnaya Sluzhba
    /// Bezopasnosti)".
    pub expansion_text: String,
    /// The edit that leaves the acronym alone in place of the whole definition.
    pub removal: Option<(TextRange, String)>,
    /// Whether the definition stands inside a quotation.
    pub quoted: bool,
}

/// Acronyms, definitions and uses of a document, in document order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Analysis {
    pub occurrences: Vec<Occurrence>,
    pub definitions: Vec<Definition>,
}

impl Analysis {
    /// Analyse the acronyms of `doc` with the acronym data and word lists of `style`.
    pub fn new(doc: &Document, style: &HouseStyle) -> Analysis {
        Self::with_apparatus(doc, style, &Apparatus::new(doc, style), &|| false)
    }

    /// [`Analysis::new`] with the document's apparatus already read: the body blocks
    /// that are notes, bios or credits are neither uses nor definitions. Ends early,
    /// incomplete, when `stop` answers `true` (asked once a block).
    pub fn with_apparatus(
        doc: &Document,
        style: &HouseStyle,
        apparatus: &Apparatus,
        stop: &dyn Fn() -> bool,
    ) -> Analysis {
        let lower_words = lowercase_words(doc);
        let mut analysis = Analysis::default();
        let body = doc
            .blocks
            .iter()
            .enumerate()
            .filter(|&(i, b)| b.kind.is_body() && !apparatus.is_apparatus(i))
            .map(|(_, b)| b);
        for block in body {
            if stop() {
                return analysis;
            }
            let start = analysis.occurrences.len();
            scan_block(doc, block, style, &lower_words, &mut analysis.occurrences);
            let defs = find_definitions(doc, block, style, &mut analysis.occurrences[start..]);
            analysis.definitions.extend(defs);
        }
        // Designations (G20, MH17) only when the glossary or the text knows them.
        let defined: HashSet<String> = analysis.definitions.iter().map(|d| d.key.clone()).collect();
        analysis.occurrences.retain(|o| {
            !o.token.designation
                || style.acronyms.glossary_entry(&o.token.key).is_some()
                || defined.contains(&o.token.key)
        });
        analysis
    }
    /// Every acronym that has a counted use or a definition, in order of first appearance.
    pub fn keys(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        let mut firsts: Vec<(usize, &str)> = Vec::new();
        for o in &self.occurrences {
            if seen.insert(o.token.key.as_str()) {
                firsts.push((o.token.range.start, &o.token.key));
            }
        }
        for d in &self.definitions {
            if seen.insert(d.key.as_str()) {
                firsts.push((d.range.start, &d.key));
            }
        }
        firsts.sort();
        firsts.into_iter().map(|(_, k)| k).collect()
    }

    pub fn definitions_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Definition> {
        self.definitions.iter().filter(move |d| d.key == key)
    }

    /// The first counted use of `key`.
    pub fn first_use(&self, key: &str) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.counts && o.token.key == key)
    }
}

/// One-based line of an offset.
pub(crate) fn line_of(doc: &Document, offset: usize) -> usize {
    doc.line_index.line_of(offset) + 1
}

/// Definitions grouped by acronym, in document order.
pub(crate) fn definitions_by_key(analysis: &Analysis) -> BTreeMap<&str, Vec<&Definition>> {
    let mut map: BTreeMap<&str, Vec<&Definition>> = BTreeMap::new();
    for d in &analysis.definitions {
        map.entry(d.key.as_str()).or_default().push(d);
    }
    map
}

#[cfg(test)]
pub(crate) mod tests;
