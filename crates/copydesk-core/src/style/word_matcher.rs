//! A case-insensitive whole-word list, searched with Aho-Corasick instead of compiling
//! the alternation into a regular expression.
//!
//! The regular expression it stands for is [`alternation`]`(words, true)`: the words
//! longest first, each case-insensitive (Unicode simple case folding), white space inside
//! a word matching any run of white space, `\b` on a side that starts or ends with a
//! letter or a digit, and the first listed word winning at the leftmost position.
//! Compiling that expression was a fifth of copydesk's start; the automaton over the
//! same words costs a small part of it.
//!
//! The automaton folds ASCII case itself and holds each word in every case of its letters
//! outside ASCII ("communiqué", "COMMUNIQUÉ"), as the regular expression's case folding
//! has them. It answers for a text without white space outside ASCII (only ASCII runs are
//! folded to one space) and without a character outside ASCII that is a case variant of
//! an ASCII letter (the Kelvin sign `K`, the long s `ſ`); any other text (a no-break
//! space) reads the regular expression, compiled the first time such a text comes. Word
//! boundaries are read with `regex_syntax::is_word_character`, as `\b` reads them.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::{Class, HirKind};
use regex_syntax::is_word_character;

use super::language::{alternation, NOTHING};
use crate::text::Pattern;

/// One match of a [`WordMatcher`], answering as `regex::Match` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordMatch<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> WordMatch<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub(crate) fn new(haystack: &'h str, start: usize, end: usize) -> Self {
        Self {
            haystack,
            start,
            end,
        }
    }
}

/// A case-insensitive whole-word list that finds what the regular expression
/// [`alternation`]`(words, true)` finds.
#[derive(Debug, Clone)]
pub(crate) struct WordMatcher {
    /// The words in the order of the alternation, their inner white space one space.
    words: Vec<Word>,
    /// Built the first time a text asks; `None` when a word has too many spellings (the
    /// regular expression then answers for every text).
    automaton: OnceLock<Option<Automaton>>,
    regex: Pattern,
}

/// Every spelling of each word that case folding allows outside ASCII ("communiqué",
/// "COMMUNIQUÉ"), and for each spelling the index of its word.
#[derive(Debug, Clone)]
struct Automaton {
    spellings: AhoCorasick,
    words: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Word {
    text: String,
    /// `\b` before the word.
    lead: bool,
    /// `\b` after the word.
    trail: bool,
}

impl WordMatcher {
    pub fn new(words: &[String]) -> Self {
        let source = alternation(words, true);
        let regex = Pattern::lenient(if source.is_empty() {
            NOTHING.to_string()
        } else {
            source
        });
        // The same order as `alternation`: longest first, ties as listed.
        let mut listed: Vec<&String> = words.iter().filter(|w| !w.trim().is_empty()).collect();
        listed.sort_by_key(|w| std::cmp::Reverse(w.len()));
        listed.dedup();
        let words: Vec<Word> = listed
            .iter()
            .map(|w| {
                let w = w.trim();
                Word {
                    text: w.split_whitespace().collect::<Vec<_>>().join(" "),
                    lead: w.starts_with(|c: char| c.is_alphanumeric()),
                    trail: w.ends_with(|c: char| c.is_alphanumeric()),
                }
            })
            .collect();
        Self {
            words,
            automaton: OnceLock::new(),
            regex,
        }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        match self.automaton_for(haystack) {
            Some(ac) => self.candidates(ac, haystack).next().is_some(),
            None => self.regex.is_match(haystack),
        }
    }

    /// The successive non-overlapping matches, as `Regex::find_iter` gives them.
    pub fn find_iter<'h>(&self, haystack: &'h str) -> std::vec::IntoIter<WordMatch<'h>> {
        let found: Vec<WordMatch<'h>> = match self.automaton_for(haystack) {
            Some(ac) => {
                // Leftmost first, then the first listed word at that position.
                let mut all: Vec<(usize, usize, usize)> = self.candidates(ac, haystack).collect();
                all.sort_unstable();
                let mut found = Vec::new();
                let mut at = 0;
                for (start, _, end) in all {
                    if start >= at {
                        found.push(WordMatch {
                            haystack,
                            start,
                            end,
                        });
                        at = end;
                    }
                }
                found
            }
            None => self
                .regex
                .find_iter(haystack)
                .map(|m| WordMatch {
                    haystack,
                    start: m.start(),
                    end: m.end(),
                })
                .collect(),
        };
        found.into_iter()
    }

    /// Every match the regular expression finds at some position of `haystack` (with
    /// `find_at`), as (start, end), sorted by start: at each start, the match the
    /// alternation prefers. `None` when the automaton does not answer for `haystack`.
    pub(crate) fn starts(&self, haystack: &str) -> Option<Vec<(usize, usize)>> {
        let ac = self.automaton_for(haystack)?;
        let mut all: Vec<(usize, usize, usize)> = self.candidates(ac, haystack).collect();
        all.sort_unstable();
        all.dedup_by_key(|&mut (start, _, _)| start);
        Some(
            all.into_iter()
                .map(|(start, _, end)| (start, end))
                .collect(),
        )
    }

    /// The regular expression the automaton stands for.
    pub(crate) fn regex(&self) -> &Pattern {
        &self.regex
    }

    /// The automaton when it answers for `haystack`.
    fn automaton_for(&self, haystack: &str) -> Option<&Automaton> {
        if !haystack
            .chars()
            .all(|c| c.is_ascii() || plain_outside_ascii(c))
        {
            return None;
        }
        self.automaton
            .get_or_init(|| {
                let mut spellings = Vec::new();
                let mut words = Vec::new();
                for (i, word) in self.words.iter().enumerate() {
                    for spelling in spell(&word.text)? {
                        spellings.push(spelling);
                        words.push(i);
                    }
                }
                let spellings = AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .ascii_case_insensitive(true)
                    .build(&spellings)
                    .ok()?;
                Some(Automaton { spellings, words })
            })
            .as_ref()
    }

    /// Every occurrence of a word with its boundaries, overlapping, as (start, index of
    /// the word, end) in bytes of `haystack`.
    fn candidates<'a>(
        &'a self,
        automaton: &'a Automaton,
        haystack: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let text = Folded::new(haystack);
        let hits: Vec<(usize, usize, usize)> = automaton
            .spellings
            .find_overlapping_iter(text.bytes())
            .filter_map(|m| {
                let index = automaton.words[m.pattern().as_usize()];
                let word = &self.words[index];
                let (start, end) = text.original(m.start(), m.end());
                let ok = (!word.lead || boundary(haystack, start))
                    && (!word.trail || boundary(haystack, end));
                ok.then_some((start, index, end))
            })
            .collect();
        hits.into_iter()
    }
}

/// The haystack with each run of (ASCII) white space as one space, and the way back.
struct Folded<'h> {
    haystack: &'h str,
    /// The folded bytes and, for each, its offset in the haystack; `None` when the
    /// haystack has no run to fold.
    folded: Option<(Vec<u8>, Vec<usize>)>,
}

impl<'h> Folded<'h> {
    fn new(haystack: &'h str) -> Self {
        let bytes = haystack.as_bytes();
        let plain = bytes
            .iter()
            .enumerate()
            .all(|(i, &b)| (b == b' ' && bytes.get(i + 1) != Some(&b' ')) || !is_space(b));
        if plain {
            return Self {
                haystack,
                folded: None,
            };
        }
        let mut folded = Vec::with_capacity(bytes.len());
        let mut offsets = Vec::with_capacity(bytes.len());
        let mut in_space = false;
        for (i, &b) in bytes.iter().enumerate() {
            if is_space(b) {
                if !in_space {
                    folded.push(b' ');
                    offsets.push(i);
                }
                in_space = true;
            } else {
                folded.push(b);
                offsets.push(i);
                in_space = false;
            }
        }
        Self {
            haystack,
            folded: Some((folded, offsets)),
        }
    }

    fn bytes(&self) -> &[u8] {
        match &self.folded {
            Some((folded, _)) => folded,
            None => self.haystack.as_bytes(),
        }
    }

    /// The haystack's range of a match over the folded bytes (a word neither starts nor
    /// ends with white space).
    fn original(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.folded {
            Some((_, offsets)) => (offsets[start], offsets[end - 1] + 1),
            None => (start, end),
        }
    }
}

/// White space as `\s` reads it among ASCII bytes.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether a character outside ASCII is one the automaton reads as the regular
/// expression does: not white space (only ASCII runs are folded) and not a case variant
/// of an ASCII letter (the Kelvin sign `K` of `k`, the long s `ſ` of `s`), which the
/// automaton's ASCII case folding would miss.
fn plain_outside_ascii(c: char) -> bool {
    !c.is_whitespace()
        && !c.to_lowercase().any(|l| l.is_ascii())
        && !c.to_uppercase().any(|u| u.is_ascii())
}

/// The case variants of `c` under the regular expression's case folding.
fn case_variants(c: char) -> Option<Vec<char>> {
    let hir = regex_syntax::Parser::new()
        .parse(&format!(
            "(?i){}",
            regex::escape(c.encode_utf8(&mut [0; 4]))
        ))
        .ok()?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Some(
            class
                .ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .collect(),
        ),
        HirKind::Literal(_) => Some(vec![c]),
        _ => None,
    }
}

/// Every spelling of `word` with its letters outside ASCII in each case (the automaton
/// folds ASCII itself); `None` for more than [`MAX_SPELLINGS`] or a letter outside ASCII
/// whose variants include ASCII or white space.
fn spell(word: &str) -> Option<Vec<String>> {
    let mut spellings = vec![String::new()];
    for c in word.chars() {
        let variants = if c.is_ascii() {
            vec![c]
        } else {
            case_variants(c)?
        };
        if variants.len() > 1 && variants.iter().any(|&v| v.is_ascii() || v.is_whitespace()) {
            return None;
        }
        if spellings.len() * variants.len() > MAX_SPELLINGS {
            return None;
        }
        spellings = spellings
            .iter()
            .flat_map(|s| {
                variants.iter().map(move |&v| {
                    let mut s = s.clone();
                    s.push(v);
                    s
                })
            })
            .collect();
    }
    Some(spellings)
}

/// The most spellings of one word the automaton takes.
const MAX_SPELLINGS: usize = 16;

/// `\b` at byte `at` of `text`.
fn boundary(text: &str, at: usize) -> bool {
    let before = text[..at]
        .chars()
        .next_back()
        .is_some_and(is_word_character);
    let after = text[at..].chars().next().is_some_and(is_word_character);
    before != after
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn both(words: &[&str], texts: &[&str]) {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let matcher = WordMatcher::new(&words);
        // An empty list matches nothing, as the sourcing matchers always had it.
        let source = alternation(&words, true);
        let regex = Regex::new(if source.is_empty() { NOTHING } else { &source }).unwrap();
        for text in texts {
            let want: Vec<(usize, usize)> = regex
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            let got: Vec<(usize, usize)> = matcher
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(got, want, "{words:?} in {text:?}");
            assert_eq!(matcher.is_match(text), regex.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn the_automaton_finds_what_the_regex_finds() {
        both(
            &[
                "said",
                "say",
                "according to",
                "told",
                "sa",
                "said to",
                "s",
                "_x",
                "x_",
            ],
            &[
                "He said it.",
                "He SAID it; they Say so.",
                "according  to\n\tthem, according\u{0B}to",
                "according to",
                "accordingto",
                "saidx said_ _said 1said said1",
                "said to be, said  to",
                "a s b ss _x __x x_ x__ _x_",
                "“said” — ‘told’",
                "He ſaid it, he \u{212A}new, he said",
                "he said\u{A0}to them, according\u{A0}to",
                "café said, naïve told",
                "",
                "   ",
                "said",
            ],
        );
        both(
            &["author’s interview", "communiqué", "K", "st", "é", "ét"],
            &[
                "été, ÉTÉ, ét é, xé éx _é é_",
                "the communiqué said, Communiqué; a communiquéx",
                "the author’s interview and the AUTHOR’S  INTERVIEW",
                "a communiqué, a COMMUNIQUÉ",
                "k K \u{212A} ST ſt st",
                "the author's interview",
            ],
        );
        both(&["", "  "], &["said", ""]);
    }

    #[test]
    fn no_plain_character_is_a_case_variant_of_ascii() {
        for c in ('a'..='z').chain('A'..='Z') {
            for v in case_variants(c).unwrap() {
                assert!(v.is_ascii() || !plain_outside_ascii(v), "{c} {v}");
            }
        }
        let words = ["communiqué".to_string(), "author’s interview".to_string()];
        assert!(WordMatcher::new(&words).automaton_for("said").is_some());
    }

    #[test]
    fn the_embedded_lists_agree_with_their_regexes() {
        let style = super::super::SourcingStyle::embedded();
        let lists = [
            &style.reporting_verbs,
            &style.speech_cues,
            &style.attribution_phrases,
            &style.self_sources,
            &style.named_source_verbs,
            &style.authored_works,
            &style.public_acts,
        ];
        for list in lists {
            let sentence = list.join(" x ");
            let upper = sentence.to_uppercase();
            let glued = list.join("");
            let spaced = list.join("\n\n").replace(' ', "  ");
            both(
                &list.iter().map(String::as_str).collect::<Vec<_>>(),
                &[&sentence, &upper, &glued, &spaced],
            );
        }
    }
}
