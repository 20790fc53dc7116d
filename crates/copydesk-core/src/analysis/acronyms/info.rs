//! What the language server shows: each acronym of a document with its expansion, where
//! it was defined and where it occurs (hover, go to definition).

use super::Analysis;
use crate::document::Document;
use crate::style::HouseStyle;
use crate::text::TextRange;

/// For the language server: an acronym, its expansion and where it was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcronymInfo {
    pub acronym: String,
    /// As the document defines it, or else as the glossary gives it.
    pub expansion: String,
    /// The first definition in the document (expansion to closing parenthesis).
    pub defined_at: Option<TextRange>,
    /// Whether the expansion comes from the house glossary, not the document.
    pub from_glossary: bool,
    /// Every occurrence of the acronym in the body (quoted ones too).
    pub uses: Vec<TextRange>,
}

/// Each acronym of `doc` that has a known expansion: the document's own (its first
/// definition) or the glossary's, with every place it occurs. In order of first
/// appearance.
pub fn acronym_definitions(doc: &Document, style: &HouseStyle) -> Vec<AcronymInfo> {
    let analysis = Analysis::new(doc, style);
    let mut out = Vec::new();
    for key in analysis.keys() {
        let uses: Vec<TextRange> = analysis
            .occurrences
            .iter()
            .filter(|o| o.token.key == key)
            .map(|o| o.token.range)
            .collect();
        let expansion = analysis
            .definitions_of(key)
            .find(|d| d.kind.is_expansion() && !d.expansion_text.is_empty());
        let first = analysis.definitions_of(key).next();
        let info = match (expansion, style.acronyms.glossary_entry(key), first) {
            (Some(d), _, _) => AcronymInfo {
                acronym: key.to_string(),
                expansion: d.expansion_text.clone(),
                defined_at: Some(d.range),
                from_glossary: false,
                uses,
            },
            // Introduced with a description (or a slip): the glossary's name is the
            // better hover.
            (None, Some(entry), d) => AcronymInfo {
                acronym: key.to_string(),
                expansion: entry.expansion.clone(),
                defined_at: d.map(|d| d.range),
                from_glossary: true,
                uses,
            },
            (None, None, Some(d)) if !d.expansion_text.is_empty() => AcronymInfo {
                acronym: key.to_string(),
                expansion: d.expansion_text.clone(),
                defined_at: Some(d.range),
                from_glossary: false,
                uses,
            },
            _ => continue,
        };
        out.push(info);
    }
    out
}

/// The acronym information for the occurrence at `offset`, if there is one.
pub fn acronym_at(doc: &Document, style: &HouseStyle, offset: usize) -> Option<AcronymInfo> {
    acronym_definitions(doc, style).into_iter().find(|info| {
        info.uses
            .iter()
            .any(|r| r.start <= offset && offset <= r.end)
            || info.defined_at.is_some_and(|r| r.contains(offset))
    })
}
