//! Quotations long enough to be someone's words, as opposed to titles, slogans and
//! terms.

use super::{sentence_index, Sourcing};
use crate::document::{Block, Quote};
use crate::style::WordList;
use crate::text::TextRange;

impl Sourcing<'_> {
    /// Quotations long enough to be someone's words: outermost, at least
    /// `min-quote-words` words, not a title, a slogan or a term, not inside a citation.
    pub fn significant_quotes<'b>(&self, block: &'b Block) -> Vec<&'b Quote> {
        // A quotation joined by "and", "or" or a comma to a title, a slogan or a term
        // is one too: placards reading “...” and “...”.
        let mut prev_term: Option<usize> = None;
        let mut out = Vec::new();
        for q in block
            .quotes
            .iter()
            .filter(|q| q.depth == 0 && !block.in_citation(q.range.start))
        {
            let joined = prev_term.is_some_and(|end| {
                let between = TextRange::new(end.min(q.range.start), q.range.start)
                    .slice(&self.doc.prose)
                    .trim_matches(|c: char| c.is_whitespace() || c == ',');
                matches!(between, "" | "and" | "or" | "and the" | "or the")
            });
            let inner = q.inner.slice(&self.doc.prose);
            let mut end = block.range.end.min(q.range.end + 60).max(q.range.end);
            while !self.doc.prose.is_char_boundary(end) {
                end -= 1;
            }
            let after = TextRange::new(q.range.end, end.max(q.range.end)).slice(&self.doc.prose);
            let term = joined
                || is_title(inner, &self.language.title_minor_words)
                || self.term_after(after)
                || {
                    let start = sentence_index(block, q.range.start)
                        .map_or(block.range.start, |i| block.sentences[i].start);
                    let before = self.masked(block, self.lead(start, q.range.start), false);
                    self.m.term_cue_at_end.is_match(&before)
                };
            prev_term = term.then_some(q.range.end);
            if !term && word_count(inner) >= self.style.min_quote_words() {
                out.push(q);
            }
        }
        out
    }

    /// Whether the words after a quotation make it an inscription: "“...,” read a
    /// banner", "“...,” said the placards".
    pub(super) fn term_after(&self, after: &str) -> bool {
        let mut words = after.split_whitespace().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        let Some(verb) = words.next() else {
            return false;
        };
        if !matches!(
            verb.as_str(),
            "read" | "reads" | "said" | "says" | "proclaimed" | "ran"
        ) {
            return false;
        }
        words
            .take(2)
            .any(|w| self.m.term_nouns.contains(&w) || self.m.inscription_nouns.contains(&w))
    }
}

/// Words with at least one letter or digit.
pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A title in title case: every word of four letters or more is capitalized, except the
/// prepositions and conjunctions that title case leaves in lower case ("The Memoir of a
/// Kazakh Nomad under Stalin").
pub(super) fn is_title(text: &str, minor: &WordList) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .filter(|w| !(w.chars().all(|c| !c.is_uppercase()) && minor.contains(w)))
        .collect();
    long.len() >= 2 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}
