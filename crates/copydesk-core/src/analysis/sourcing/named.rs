//! Named sources, the news desk's standard (`attribution = "named-source"`): a claim is
//! sourced by whoever its sentence, or the sentence before in its paragraph, names as
//! speaking (a person, a role, an institution, a document, a group such as "analysts"),
//! and the story's lead lends its attribution to the later paragraphs of figures.

use super::{sentence_index, window_after, window_before, Claim, ClaimKind, Sourcing};
use crate::document::{Block, MONTHS};
use crate::style::sourcing::Attribution;
use crate::text::TextRange;

/// Pronouns that stand for a speaker named earlier ("he said", "according to him").
const PRONOUNS: [&str; 8] = ["he", "she", "they", "we", "him", "her", "them", "i"];

/// Subjects that name nobody: "sources said", "reports say".
const NOBODY: [&str; 9] = [
    "sources", "reports", "rumors", "rumours", "some", "many", "insiders", "it", "there",
];

impl Sourcing<'_> {
    /// Whether the house sources claims by named speakers (news copy).
    pub fn named_sources(&self) -> bool {
        self.style.attribution() == Attribution::NamedSource
    }

    /// See [`Sourcing::lead_attributed`].
    pub(super) fn find_lead_attribution(&self) -> bool {
        if !self.named_sources() {
            return false;
        }
        // The lead: the first two body paragraphs (a plain-text headline is read as one).
        self.doc
            .blocks
            .iter()
            .filter(|b| b.kind.is_body())
            .take(2)
            .any(|b| {
                // An outlet, an institution or data it keeps: a person quoted in the lead
                // speaks for that sentence only.
                self.block_sourced(b)
                    || b.sentences.iter().any(|&s| {
                        self.m
                            .named_source_verbs
                            .is_match(&self.masked(b, s, false))
                            && self.names_a_source(b, s)
                    })
            })
    }

    /// Whether the story's lead names an outlet, an institution or the data it keeps,
    /// which then covers the later paragraphs of figures (a statistics story attributed once, at the top). Only with named
    /// sources.
    pub fn lead_attributed(&self) -> bool {
        self.lead_attributed
    }

    /// Whether a claim is sourced by a named speaker: in its sentence or the sentence
    /// before in the paragraph (a quotation also by the sentence after), or, for a
    /// figure, by the story's lead. Only with named sources.
    pub fn named_source_for(&self, block: &Block, claim: &Claim) -> bool {
        if !self.named_sources() {
            return false;
        }
        if claim.kind == ClaimKind::Figure && self.lead_attributed {
            return true;
        }
        let Some(i) = sentence_index(block, claim.sentence.start) else {
            return false;
        };
        // A quotation of several sentences runs to the one that names its speaker.
        let last = match claim.kind {
            ClaimKind::Quotation => {
                sentence_index(block, claim.range.end.saturating_sub(1)).unwrap_or(i) + 1
            }
            _ => i,
        };
        (i.saturating_sub(1)..=last)
            .filter_map(|j| block.sentences.get(j))
            .any(|&s| self.names_a_source(block, s))
    }

    /// Whether a sentence names someone or something as speaking: a speech cue, an
    /// attribution phrase or a verb of data ("show") with a subject or an agent that is
    /// a name, a role, a pronoun or a group, but not "it is said" or "sources say".
    pub(super) fn names_a_source(&self, block: &Block, sentence: TextRange) -> bool {
        if self.inline_attribution(block, sentence) {
            return true;
        }
        let text = self.masked(block, sentence, false);
        let cues = self
            .m
            .speech
            .find_iter(&text)
            .chain(self.m.attribution.find_iter(&text))
            .chain(self.m.named_source_verbs.find_iter(&text));
        for m in cues {
            let before = window_before(&text, m.start(), 6);
            let after = window_after(&text, m.end(), 6);
            if self.names_speaker_words(before, true) || self.names_speaker_words(after, false) {
                return true;
            }
        }
        false
    }

    /// Whether the words next to a speech cue name a speaker: a capitalized name (not a
    /// sentence opener, a month or a day), "the" and a noun, a pronoun, or a plural
    /// noun; `before` when the words precede the cue (its subject), else they follow it
    /// ("said Bekova", "according to him", "by the President").
    fn names_speaker_words(&self, words: &str, before: bool) -> bool {
        let words: Vec<&str> = words
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        // Before the cue, the subject is the last words; "it is said", "is reported".
        if before {
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let n = lower.len();
            let passive = n >= 1
                && matches!(
                    lower[n - 1].as_str(),
                    "is" | "are" | "was" | "were" | "been" | "be" | "reportedly"
                );
            if passive
                || lower
                    .iter()
                    .rev()
                    .take(3)
                    .any(|w| NOBODY.contains(&w.as_str()))
            {
                return false;
            }
        } else if words
            .first()
            .is_some_and(|w| NOBODY.contains(&w.to_lowercase().as_str()))
        {
            return false;
        }
        let after: Vec<&str> = if before {
            words.clone()
        } else {
            // After the cue, the speaker comes first ("said Bekova", "said the minister",
            // "according to him", "by the President").
            let skip = usize::from(words.first().is_some_and(|w| *w == "by" || *w == "to"));
            words.iter().skip(skip).take(3).copied().collect()
        };
        after.iter().enumerate().any(|(i, &w)| {
            let lower = w.to_lowercase();
            if PRONOUNS.contains(&lower.as_str()) {
                return true;
            }
            if lower == "the" && i + 1 < after.len() {
                return true;
            }
            let name = w.starts_with(char::is_uppercase)
                && !MONTHS.contains(&w)
                && !(i == 0 && before && self.language.sentence_openers.contains(w));
            // "Analysts said", "officials told": a group is a source on the news desk.
            let group = before && i + 1 == after.len() && lower.ends_with('s') && lower.len() > 3;
            name || group
        })
    }
}
