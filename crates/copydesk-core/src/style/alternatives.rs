//! Matchers searched as the regular expression of their alternation would be, without
//! compiling that expression: the sourcing lists of outlets, platforms, media nouns and
//! institutions, and the domain pattern, were one alternation of the four lists and a
//! pattern with Unicode classes, the largest expression compiled at start-up.
//!
//! `a|b|c` with leftmost-first semantics finds, from a position, the leftmost position
//! where any alternative matches, and there the first alternative (in order) that matches,
//! with the match that alternative prefers. Each alternative searched alone from the same
//! position finds its own leftmost match with the match it prefers there; so the
//! alternation's match is the leftmost of the alternatives' matches, the first
//! alternative winning a tie. [`Alternatives`] answers so; none of its alternatives
//! matches the empty string (word lists and the domain pattern do not).

use std::collections::HashSet;

use regex_syntax::is_word_character;

use super::word_matcher::{WordMatch, WordMatcher};
use crate::text::Pattern;

/// One alternative: a pattern or a case-insensitive word list.
#[derive(Debug, Clone)]
pub(crate) enum Alternative {
    Pattern(Pattern),
    Words(WordMatcher),
}

/// Alternatives searched as their alternation `a|b|...` (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct Alternatives(pub Vec<Alternative>);

/// An alternative ready to search one haystack: its matches by start for a word list the
/// automaton answers for, else the pattern searched from each position asked.
enum Searcher<'a> {
    Sorted(Vec<(usize, usize)>),
    Regex(&'a Pattern),
}

impl Searcher<'_> {
    /// The alternative's match leftmost at or after `at`.
    fn find_at(&self, haystack: &str, at: usize) -> Option<(usize, usize)> {
        match self {
            Searcher::Sorted(all) => {
                let i = all.partition_point(|&(start, _)| start < at);
                all.get(i).copied()
            }
            Searcher::Regex(pattern) => pattern.find_at(haystack, at).map(|m| (m.start(), m.end())),
        }
    }
}

impl Alternatives {
    pub fn is_match(&self, haystack: &str) -> bool {
        self.0.iter().any(|alt| match alt {
            Alternative::Pattern(p) => p.is_match(haystack),
            Alternative::Words(w) => w.is_match(haystack),
        })
    }

    /// The successive non-overlapping matches from the start, as `Regex::find_iter` gives
    /// them.
    pub fn find_iter<'h>(&self, haystack: &'h str) -> std::vec::IntoIter<WordMatch<'h>> {
        self.find_iter_at(haystack, 0)
    }

    /// The successive non-overlapping matches from byte `at`, as successive calls of
    /// `Regex::find_at` from the end of each match give them.
    pub fn find_iter_at<'h>(
        &self,
        haystack: &'h str,
        at: usize,
    ) -> std::vec::IntoIter<WordMatch<'h>> {
        let searchers: Vec<Searcher<'_>> = self
            .0
            .iter()
            .map(|alt| match alt {
                Alternative::Pattern(p) => Searcher::Regex(p),
                // The automaton reads from the character before `at` (the one `\b`
                // looks at), not from the start: a caller searches each bracket of a
                // long text from that bracket.
                Alternative::Words(w) => {
                    let from = haystack[..at]
                        .char_indices()
                        .next_back()
                        .map_or(0, |(i, _)| i);
                    match w.starts(&haystack[from..]) {
                        Some(all) => Searcher::Sorted(
                            all.into_iter()
                                .map(|(start, end)| (from + start, from + end))
                                .filter(|&(start, _)| start >= at)
                                .collect(),
                        ),
                        None => Searcher::Regex(w.regex()),
                    }
                }
            })
            .collect();
        // Each alternative's next match at or after the position searched from.
        let mut next: Vec<Option<(usize, usize)>> =
            searchers.iter().map(|s| s.find_at(haystack, at)).collect();
        let mut found = Vec::new();
        let mut at = at;
        while at <= haystack.len() {
            for (slot, searcher) in next.iter_mut().zip(&searchers) {
                if slot.is_some_and(|(start, _)| start < at) {
                    *slot = searcher.find_at(haystack, at);
                }
            }
            // The leftmost start; the first alternative at that start.
            let Some((start, end)) =
                next.iter()
                    .flatten()
                    .copied()
                    .reduce(|best, m| if m.0 < best.0 { m } else { best })
            else {
                break;
            };
            found.push(WordMatch::new(haystack, start, end));
            at = end.max(start + 1);
        }
        found.into_iter()
    }
}

/// A case-sensitive list of names matched against a whole text, as the regular
/// expression `^(?:`[`alternation`](super::language::alternation)`(names, false))$`
/// would: the text is a name with its white space as any run of white space, and a name
/// that starts or ends with a letter or digit (`\b` there) only when that character is a
/// word character.
#[derive(Debug, Clone, Default)]
pub(crate) struct ExactNames(HashSet<String>);

impl ExactNames {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a String>) -> Self {
        Self(
            names
                .into_iter()
                .map(|n| n.trim())
                .filter(|n| !n.is_empty())
                .filter(|n| {
                    let first = n.chars().next().expect("not empty");
                    let last = n.chars().next_back().expect("not empty");
                    (!first.is_alphanumeric() || is_word_character(first))
                        && (!last.is_alphanumeric() || is_word_character(last))
                })
                .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect(),
        )
    }

    /// Whether the whole of `text` is one of the names.
    pub fn is_match(&self, text: &str) -> bool {
        if self.0.is_empty() || text.trim() != text {
            return false;
        }
        self.0
            .contains(&text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// A whole text that is one of some names or that a pattern (anchored at both ends)
/// matches.
#[derive(Debug, Clone)]
pub(crate) struct WholeName {
    pub names: ExactNames,
    pub pattern: Pattern,
}

impl WholeName {
    pub fn is_match(&self, text: &str) -> bool {
        self.names.is_match(text) || self.pattern.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use crate::style::language::alternation;
    use crate::style::SourcingStyle;

    /// Texts with outlets, platforms, nouns and domains, next to each other and inside
    /// one another, with white space outside ASCII and case variants outside ASCII.
    const TEXTS: &[&str] = &[
        "Reuters reported, citing the Ministry of Energy and Tengrinews.kz, that the \
         Financial Times and the financial times disagree (Akorda.kz/press).",
        "According to the New York Times and The New York Times, RIA\u{a0}Novosti said on \
         Telegram and twitter.com/TokayevKZ that the ministry’s newspaper…",
        "a local television channel, the parliament, the \u{212A}remlin press service, \
         Radio  Free\tEurope, Al Jazeera’s, Interpressnews.ge; Kommersant-Vlast",
        "",
        "Reuters",
        " Reuters",
        "Akorda.kz",
        "Eurasia Daily\u{a0}Monitor",
        "Eurasia  Daily Monitor",
        "CSTO",
        include_str!("../../tests/fixtures/sourcing/article.txt"),
    ];

    fn old_patterns(style: &SourcingStyle) -> (Regex, Regex) {
        let domain = super::super::sourcing::DOMAIN;
        let mut source = vec![
            alternation(&style.outlets, false),
            alternation(&style.platforms, false),
            alternation(&style.media_nouns, true),
            alternation(&style.institutions, true),
        ];
        source.retain(|a| !a.is_empty());
        source.push(domain.to_string());
        let mut outlet = vec![
            alternation(&style.outlets, false),
            alternation(&style.platforms, false),
        ];
        outlet.retain(|a| !a.is_empty());
        outlet.push(domain.to_string());
        (
            Regex::new(&source.join("|")).unwrap(),
            Regex::new(&format!("^(?:{})$", outlet.join("|"))).unwrap(),
        )
    }

    #[test]
    fn the_alternatives_find_what_their_alternation_finds() {
        let style = SourcingStyle::embedded();
        let m = style.matchers();
        let (source, outlet) = old_patterns(style);
        for text in TEXTS {
            let mut starts: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .step_by(7)
                .collect();
            starts.push(0);
            for at in starts {
                let mut want = Vec::new();
                let mut from = at;
                while let Some(found) = source.find_at(text, from) {
                    want.push(found.range());
                    from = found.end().max(found.start() + 1);
                    if from > text.len() {
                        break;
                    }
                }
                let got: Vec<_> = m
                    .source_token
                    .find_iter_at(text, at)
                    .map(|m| m.range())
                    .collect();
                assert_eq!(got, want, "{text:?} from {at}");
            }
            assert_eq!(
                m.source_token.is_match(text),
                source.is_match(text),
                "{text:?}"
            );
            for part in text.split([',', '(', ')', ';']) {
                for part in [part, part.trim()] {
                    assert_eq!(
                        m.outlet_exact.is_match(part),
                        outlet.is_match(part),
                        "{part:?}"
                    );
                    assert_eq!(
                        m.source_token.is_match(part),
                        source.is_match(part),
                        "{part:?}"
                    );
                }
            }
        }
        for name in style.outlets.iter().chain(&style.platforms) {
            assert!(m.outlet_exact.is_match(name), "{name}");
        }
    }
}
