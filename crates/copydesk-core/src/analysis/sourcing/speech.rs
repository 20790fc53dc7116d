//! Reported speech (reporting verbs and the idioms that only look like them) and the
//! speakers of quotations.

use crate::text::Pattern;
use std::collections::HashSet;

use super::quotations::word_count;
use super::{last_word, sentence_index, Sourcing};
use crate::document::{Block, Quote};
use crate::text::TextRange;

/// "says more about the climate than about ...": what a thing shows, not speech.
pub(super) static SAYS_ABOUT: Pattern = Pattern::new(
    r"(?i)^(?:(?:much|far|rather|a\s+lot|a\s+great\s+deal)\s+)?(?:more|less)\s+about\b[^.;]*\bthan\s+(?:about|of)\b|^volumes\b",
);

impl Sourcing<'_> {
    pub(super) fn reporting_verb(&self, text: &str) -> Option<TextRange> {
        self.m
            .reporting
            .find_iter(text)
            .find(|m| {
                let word = m.as_str().to_lowercase();
                let prev = last_word(&text[..m.start()]).to_lowercase();
                let rest = text[m.end()..].trim_start();
                // Idioms: "That said,", "having said that", "all told", "truth be told",
                // "according to plan", "it is often said"; adjectives: "the stated goal",
                // "the long-announced reform".
                let hyphenated = text[..m.start()].ends_with(['-', '‐']);
                let adjective = matches!(
                    prev.as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "whose"
                ) && !word.starts_with("said");
                // "Mirziyoyev's stated aim", "the ministry’s announced plan": a participle
                // after a possessive is an adjective ("he's said" is a contraction).
                let after_possessive = ["'s", "’s"].iter().any(|s| {
                    prev.strip_suffix(s).is_some_and(|stem| {
                        !stem.is_empty()
                            && !matches!(
                                stem,
                                "he" | "she"
                                    | "it"
                                    | "that"
                                    | "there"
                                    | "who"
                                    | "what"
                                    | "here"
                                    | "where"
                                    | "one"
                            )
                    })
                }) && !word.starts_with("said");
                let commonplace = word == "said"
                    && matches!(
                        prev.as_str(),
                        "is" | "often"
                            | "widely"
                            | "commonly"
                            | "sometimes"
                            | "frequently"
                            | "been"
                            | "oft"
                    );
                !(hyphenated
                    || adjective
                    || after_possessive
                    || commonplace
                    || (matches!(prev.as_str(), "that" | "this") && rest.starts_with(','))
                    || prev == "having"
                    // "have long insisted", "has always said": a standing position.
                    || matches!(prev.as_str(), "long" | "always")
                    // "which Baku had insisted on for some time": the same, by its length.
                    || held_for_long(rest)
                    // "no casualty figures were reported": nobody reported anything.
                    || nothing_reported(&text[..m.start()])
                    || (matches!(prev.as_str(), "all" | "be") && word == "told")
                    // "one voyage says more about the climate than about trade".
                    || (matches!(word.as_str(), "says" | "said") && SAYS_ABOUT.is_match(rest))
                    // "has said little about it", "has not said": no statement reported.
                    || nothing_said(prev.as_str(), rest)
                    // "the services have reported to him for years": answering to someone.
                    || (word == "reported" && reported_to_someone(rest))
                    // "Officials insisted at the time that ...": a position recounted as
                    // part of past events.
                    || at_the_time(rest)
                    // "on the issues announced in the address": a participle after the
                    // object of a preposition, not a statement.
                    || reduced_relative(&text[..m.start()], rest)
                    || (word.starts_with("according") && not_attribution(rest, &self.m.conformity_nouns))
                    // "he announced a program of reforms", "claimed responsibility for
                    // the attack": an act, told as an event, not words reported.
                    || names_an_act(&word, rest))
            })
            .map(|m| TextRange::new(m.start(), m.end()))
    }

    /// Whether a quotation has a speaker in its sentence, the one before or the one after
    /// (or, at a paragraph's start, the previous paragraph's last sentence).
    /// `quotes` are the block's [`significant_quotes`](Self::significant_quotes).
    pub fn quote_has_speaker(&self, block_index: usize, quote: &Quote, quotes: &[&Quote]) -> bool {
        let Some(block) = self.doc.blocks.get(block_index) else {
            return true;
        };
        let sentences = &block.sentences;
        let first = sentence_index(block, quote.range.start).unwrap_or(0);
        let last = sentence_index(block, quote.range.end.saturating_sub(1))
            .unwrap_or(first)
            .max(first);
        // A fragment woven into a sentence ("the treaty obliges members to “provide
        // assistance”") belongs to the sentence's subject.
        let inner = quote.inner.slice(&self.doc.prose).trim_start();
        let fragment = inner.starts_with(char::is_lowercase)
            && sentences.get(first).is_some_and(|s| {
                word_count(self.lead(s.start, quote.range.start).slice(&self.doc.prose)) >= 2
            });
        if fragment {
            return true;
        }
        if let Some(&own) = sentences.get(first) {
            // A citation group in the quotation's own sentence names where it is from.
            if !block.citations_in(own).is_empty() {
                return true;
            }
            if self.introduced(block, own, quote) {
                return true;
            }
        }
        // A run of quotations shares the speaker named before the first of them.
        let quoted: Vec<usize> = quotes.iter().map(|q| q.range.start).collect();
        let mut lo = first.saturating_sub(1);
        while lo > 0
            && first - lo < 4
            && sentences
                .get(lo)
                .is_some_and(|s| quoted.iter().any(|&q| s.contains(q)))
        {
            lo -= 1;
        }
        let hi = (last + 1).min(sentences.len().saturating_sub(1));
        if sentences
            .get(lo..=hi)
            .unwrap_or_default()
            .iter()
            .any(|&s| self.names_speaker(block, s))
        {
            return true;
        }
        if first == 0 && block_index > 0 {
            let prev = &self.doc.blocks[block_index - 1];
            // Only a paragraph that introduces the quotation ("She told lawmakers:")
            // lends it its speaker; one that ends with its own business does not.
            let introduces = self
                .doc
                .prose_text(prev.range)
                .trim_end()
                .ends_with([':', ',']);
            if prev.kind.is_body() && introduces {
                if let Some(&s) = prev.sentences.last() {
                    return self.names_speaker(prev, s);
                }
            }
        }
        false
    }

    pub(super) fn names_speaker(&self, block: &Block, sentence: TextRange) -> bool {
        let text = self.masked(block, sentence, false);
        self.m.speech.is_match(&text) || self.m.attribution.is_match(&text)
    }

    /// A quotation introduced by a colon or comma after a name or a pronoun: "Tokayev was
    /// blunt: “...”".
    pub(super) fn introduced(&self, block: &Block, sentence: TextRange, quote: &Quote) -> bool {
        if quote.range.start <= sentence.start {
            return false;
        }
        let lead = self.masked(block, self.lead(sentence.start, quote.range.start), false);
        let lead = lead.trim_end();
        if !lead.ends_with([':', ',']) {
            return false;
        }
        // "The government’s line is simple:", "The ministry was clear:".
        if self.m.source_token.is_match(lead) {
            return true;
        }
        lead.split_whitespace().enumerate().any(|(i, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(
                w.to_lowercase().as_str(),
                "he" | "she" | "they" | "we" | "i" | "his" | "her" | "their"
            ) || w.ends_with("'s")
                || w.ends_with("’s")
                || (w.starts_with(char::is_uppercase)
                    && (i > 0 || !self.language.sentence_openers.contains(w)))
        })
    }
}

/// Whether a reporting verb ending in "-ed" qualifies the noun before it, which is the
/// object of a preposition ("on the issues announced in the address", "of the measures
/// stated at the meeting"), rather than reporting what its subject said.
pub(super) fn reduced_relative(head: &str, rest: &str) -> bool {
    let words: Vec<String> = head
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.to_lowercase())
        .collect();
    let [noun, article, preposition] = words.as_slice() else {
        return false;
    };
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    noun.chars().all(char::is_alphabetic)
        && matches!(article.as_str(), "the" | "these" | "those")
        && matches!(
            preposition.as_str(),
            "on" | "of" | "about" | "with" | "for" | "to" | "from" | "among" | "over" | "regarding"
        )
        && matches!(
            next.as_str(),
            "in" | "at" | "during" | "by" | "earlier" | "last"
        )
}

/// Whether a reporting verb reports that nothing was said: "has said little about
/// it", "said nothing", "has not said whether".
pub(super) fn nothing_said(prev: &str, rest: &str) -> bool {
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // "said little had changed" still reports what was said: only "little" or
    // "nothing" that ends the clause or takes a preposition is the whole statement.
    let after = rest.split_whitespace().nth(1).map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let closes = rest
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with([',', '.', ';', ':']));
    matches!(
        prev,
        "not" | "never" | "hasn’t" | "hasn't" | "haven’t" | "haven't"
    ) || (matches!(next.as_str(), "little" | "nothing")
        && (closes
            || after.as_deref().map_or(true, |a| {
                matches!(
                    a,
                    "" | "about"
                        | "in"
                        | "on"
                        | "of"
                        | "publicly"
                        | "since"
                        | "so"
                        | "beyond"
                        | "more"
                        | "else"
                        | "to"
                )
            })))
}

/// Whether a reporting verb is followed by how long the position has been held ("had
/// insisted on for some time", "has said for years"): a standing position.
pub(super) fn held_for_long(rest: &str) -> bool {
    let lower = rest.to_lowercase();
    let lower = ["on ", "upon "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    [
        "for some time",
        "for a long time",
        "for years",
        "for decades",
        "for many years",
        "for some years",
    ]
    .iter()
    .any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
    })
}

/// Whether a passive "were reported" has "no" in its subject ("no casualty figures were
/// reported", "no numbers were announced"): the absence of a report, not a report.
pub(super) fn nothing_reported(head: &str) -> bool {
    let clause = head
        .rsplit([',', ';', ':', '.', '(', '—'])
        .next()
        .unwrap_or(head)
        .to_lowercase();
    let words: Vec<&str> = clause.split_whitespace().rev().take(7).collect();
    words
        .first()
        .is_some_and(|w| matches!(*w, "was" | "were" | "been"))
        && words.iter().skip(1).any(|w| *w == "no")
}

/// Whether a reporting verb is followed by "at the time" on its own ("insisted at the
/// time that"), not "at the time of the signing", which dates a statement.
pub(super) fn at_the_time(rest: &str) -> bool {
    let lower = rest.to_lowercase();
    let Some(after) = lower.strip_prefix("at the time") else {
        return false;
    };
    let next = after.split_whitespace().next().unwrap_or("");
    next.is_empty() || next == "that" || after.starts_with([',', '.', ';', ':'])
}

/// Whether "reported" is followed by "to" and a person it answers to ("have reported
/// to him for three decades", "reported directly to the president"), not a report.
pub(super) fn reported_to_someone(rest: &str) -> bool {
    let mut words = rest.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let mut w = words.next().unwrap_or_default();
    if w == "directly" {
        w = words.next().unwrap_or_default();
    }
    w == "to"
        && matches!(
            words.next().unwrap_or_default().as_str(),
            "him" | "her" | "them" | "me" | "us" | "whom"
        )
}

/// "according to plan", "according to the schedule": conformity, not attribution.
pub(super) fn not_attribution(rest: &str, conformity_nouns: &HashSet<String>) -> bool {
    let mut words = rest.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let mut w = words.next().unwrap_or_default();
    if matches!(
        w.as_str(),
        "the" | "a" | "an" | "its" | "their" | "his" | "her"
    ) {
        w = words.next().unwrap_or_default();
    }
    conformity_nouns.contains(&w)
}

/// Whether the reporting verb `word` names an act done to a thing, not words reported:
/// "announced a program of reforms" or "his resignation" (but "announced that ...",
/// "announced plans to ..."), "claimed responsibility for the attack", "claimed victory",
/// "was claimed by the group" (but "claimed that ..."). The act's date or figure is the
/// claim then.
fn names_an_act(word: &str, rest: &str) -> bool {
    let next = rest
        .split_whitespace()
        .next()
        .map(str::to_lowercase)
        .unwrap_or_default();
    let objects: &[&str] = if word.starts_with("announce") {
        &["a", "an", "the", "his", "her", "its", "their"]
    } else if word.starts_with("claim") {
        &[
            "responsibility",
            "credit",
            "victory",
            "most",
            "all",
            "several",
            "by",
        ]
    } else {
        &[]
    };
    objects.contains(&next.as_str())
}
