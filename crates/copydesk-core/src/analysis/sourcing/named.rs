//! Named sources, the news desk's standard (`attribution = "named-source"`): a claim is
//! sourced by whoever its sentence, or the sentence before in its paragraph, names as
//! speaking (a person, a role, an institution, a document, a group such as "analysts"),
//! and the story's lead lends its attribution to the later paragraphs of figures.

use super::{
    last_word, sentence_index, tail, window_after, window_before, Claim, ClaimKind, Sourcing,
};
use crate::document::{Block, MONTHS};
use crate::style::sourcing::Attribution;
use crate::style::WordMatch;
use crate::text::TextRange;

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
    /// figure, by the story's lead. Only with `attribution = "named-source"`, or with
    /// `"named-person"`, where only a speaker named by name counts ("Gelman says:",
    /// "said Aigerim Bekova", "according to Gelman"), not a pronoun, a role, a group or
    /// the lead.
    pub fn named_source_for(&self, block: &Block, claim: &Claim) -> bool {
        let persons_only = match self.style.attribution() {
            Attribution::Citation => return false,
            Attribution::NamedPerson => true,
            Attribution::NamedSource => false,
        };
        if !persons_only && claim.kind == ClaimKind::Figure && self.lead_attributed {
            return true;
        }
        let Some(i) = sentence_index(block, claim.sentence.start) else {
            return false;
        };
        if claim.kind == ClaimKind::Quotation
            && i == 0
            && self.continues_quotation(block, persons_only)
        {
            return true;
        }
        // A quotation of several sentences runs to the one that names its speaker.
        let last = match claim.kind {
            ClaimKind::Quotation => {
                sentence_index(block, claim.range.end.saturating_sub(1)).unwrap_or(i) + 1
            }
            _ => i,
        };
        // A run of quotations goes back to the sentence that names their speaker:
        // "Tokayev spoke for an hour. “We will stay.” “Every embassy stays open.”"
        // With names only, a figure or an event needs its speaker in its own sentence:
        // the sentence before names who spoke, not who counted.
        let mut first = if persons_only && claim.kind != ClaimKind::Quotation {
            i
        } else {
            i.saturating_sub(1)
        };
        while first > 0 && claim.kind == ClaimKind::Quotation && self.only_quotes(block, first) {
            first -= 1;
        }
        let named = (first..=last)
            .filter_map(|j| block.sentences.get(j))
            .any(|&s| self.names_to_standard(block, s, persons_only));
        named
            || (persons_only
                && matches!(claim.kind, ClaimKind::Quotation | ClaimKind::ReportedSpeech)
                && (first..=last)
                    .filter_map(|j| block.sentences.get(j))
                    .any(|&s| self.speaker_by_reference(block, s))
                && self.speaker_named_before(block, first))
    }

    /// Whether `sentence` names a speaker: by name (`persons_only`), or as the news
    /// desk's sources go.
    fn names_to_standard(&self, block: &Block, sentence: TextRange, persons_only: bool) -> bool {
        if persons_only {
            self.names_a_speaker_by_name(block, sentence)
        } else {
            self.names_a_source(block, sentence)
        }
    }

    /// The index of `block` in the document.
    pub(super) fn block_index(&self, block: &Block) -> usize {
        // Blocks are in order of their start.
        self.doc
            .blocks
            .partition_point(|b| b.range.start < block.range.start)
    }

    /// The first sentence of the block at `index` that names a speaker to the house's
    /// standard, worked out once per block.
    fn first_speaker_sentence(&self, index: usize) -> Option<usize> {
        let cell = self.first_speaker.get(index)?;
        if let Some(known) = cell.get() {
            return known;
        }
        let persons_only = self.style.attribution() == Attribution::NamedPerson;
        let block = &self.doc.blocks[index];
        let found = block
            .sentences
            .iter()
            .position(|&s| self.names_to_standard(block, s, persons_only));
        cell.set(Some(found));
        found
    }

    /// Whether a speaker is named by name before the sentence at `sentence` of `block`:
    /// in an earlier sentence of it, or in the body paragraph before. A pronoun or a role
    /// speaks for them ("“It will cost more,” she said.", "The analyst said").
    fn speaker_named_before(&self, block: &Block, sentence: usize) -> bool {
        let index = self.block_index(block);
        self.first_speaker_sentence(index)
            .is_some_and(|first| first < sentence)
            || self
                .sourced_speakers
                .previous_body(index)
                .is_some_and(|prev| self.first_speaker_sentence(prev).is_some())
    }

    /// The speech cues and attribution phrases of `text`, in that order.
    fn cues<'t>(&self, text: &'t str) -> impl Iterator<Item = WordMatch<'t>> + use<'t> {
        self.m
            .speech
            .find_iter(text)
            .chain(self.m.attribution.find_iter(text))
    }

    /// Whether a sentence shows someone speaking who is named by a pronoun or a role,
    /// not by name: "she said", "he says:", "The analyst said", "says the tired mother."
    fn speaker_by_reference(&self, block: &Block, sentence: TextRange) -> bool {
        let text = self.masked(block, sentence, false);
        let found = self.cues(&text).any(|m| {
            let head = self.subject_head(&text[..m.start()]);
            let before: Vec<&str> = window_before(head, head.len(), 3)
                .split_whitespace()
                .collect();
            let after: Vec<&str> = window_after(&text, m.end(), 4).split_whitespace().collect();
            let reference = |words: &[&str]| match words {
                [one] => matches!(*one, "he" | "she" | "He" | "She" | "they" | "They"),
                [the, rest @ ..] => {
                    matches!(*the, "the" | "The")
                        && (1..=2).contains(&rest.len())
                        && rest.iter().all(|w| {
                            w.chars().all(|c| c.is_lowercase())
                                && !self.language.nobody_subjects.contains(w)
                        })
                }
                [] => false,
            };
            let subject_at = before
                .iter()
                .rposition(|w| matches!(*w, "the" | "The"))
                .unwrap_or(before.len().saturating_sub(1));
            reference(&before[subject_at..])
                || before.last().is_some_and(|w| reference(&[*w]))
                || (!after.is_empty() && after.len() <= 3 && reference(&after))
        });
        found
    }

    /// Whether `block` opens with a quotation that goes on from the paragraph before,
    /// whose last sentence quotes a speaker it names ("“...,” he said." then "“I think
    /// it means party politics,” ..."): the wire's way of quoting at length. With
    /// `persons_only`, the speaker must be named by name.
    pub fn continues_quotation(&self, block: &Block, persons_only: bool) -> bool {
        if !self
            .doc
            .text(block.range)
            .trim_start()
            .starts_with(['"', '“'])
        {
            return false;
        }
        // A binary search, not a scan of the blocks per quotation.
        let index = self.block_index(block);
        let previous = self.doc.blocks[..index]
            .iter()
            .rev()
            .find(|b| b.kind.is_body());
        previous.is_some_and(|prev| {
            prev.sentences.last().is_some_and(|&last| {
                // Or the paragraph introduces it: "..., says Le Temps:".
                let quotes = prev.quotes.iter().any(|q| last.contains(q.range.start))
                    || self.doc.text(last).trim_end().ends_with(':');
                quotes
                    && if persons_only {
                        self.names_a_speaker_by_name(prev, last)
                    } else {
                        self.names_a_source(prev, last)
                    }
            })
        })
    }

    /// Whether the sentence at `index` of `block` is a quotation and nothing else.
    fn only_quotes(&self, block: &Block, index: usize) -> bool {
        block.sentences.get(index).is_some_and(|&s| {
            let text = self.doc.text(s).trim().trim_end_matches(['.', '!', '?']);
            text.starts_with(['"', '“']) && text.ends_with(['"', '”'])
        })
    }

    /// Whether a sentence names its speaker by name next to a speech cue or an
    /// attribution phrase: the subject just before it ("Gelman says:", "Vladimir Putin,
    /// Russia's president, said"), or the name that ends the clause after it ("said
    /// Aigerim Bekova."), or the name after "according to".
    fn names_a_speaker_by_name(&self, block: &Block, sentence: TextRange) -> bool {
        let text = self.masked(block, sentence, false);
        let openers: Vec<usize> = self
            .m
            .open_attribution
            .find_iter(&text)
            .map(|m| m.start())
            .collect();
        let found = self.cues(&text).any(|m| {
            let head = self.subject_head(&text[..m.start()]);
            let subject = last_word(head);
            let rest = &text[m.end()..];
            // "a 23-year-old said to be more interested in football": hearsay.
            if ["to be ", "to have "]
                .iter()
                .any(|p| rest.trim_start().starts_with(p))
            {
                return false;
            }
            if openers.contains(&m.start()) {
                // "according to Gelman": the name comes first after the phrase.
                return rest
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| self.is_a_name(w, false));
            }
            // "Officials in Minsk reported": the name is where they are.
            let before = head.trim_end().trim_end_matches('.').strip_suffix(subject);
            let placed = last_word(before.unwrap_or("")).to_lowercase();
            (self.is_a_name(subject, head.len() == subject.len())
                && !self.language.place_prepositions.contains(&placed))
                || self.unclosed_apposition(head)
                || name_ends_clause(&text, m.end(), |w| self.is_a_name(w, false))
                || self.agent_named(rest)
        });
        found
    }

    /// The words before a speech cue up to its subject: without a closing apposition
    /// ("Vladimir Putin, Russia's president,") and the adverbs between ("Pashinyan has
    /// told", "Tokayev had earlier said").
    fn subject_head<'t>(&self, before: &'t str) -> &'t str {
        // Bounded, so that a long sentence with many cues stays linear.
        let mut head = strip_apposition(tail(before, 200).trim_end());
        let mut stripped = false;
        while let Some(shorter) = Some(last_word(head))
            .filter(|w| !w.is_empty() && self.language.speech_adverbs.contains(w))
            .and_then(|w| head.strip_suffix(w))
        {
            head = shorter.trim_end();
            stripped = true;
        }
        // "Marat Ospanov, leading the delegation, also noted".
        if stripped {
            head = strip_apposition(head);
        }
        head
    }

    /// Whether `head`, the words before a speech cue, ends in a name and an apposition
    /// that the writer left without its closing comma: "..., Roshchin, a research
    /// scholar says". Not "In Almaty, a taxi driver says", where the name is a place.
    fn unclosed_apposition(&self, head: &str) -> bool {
        let near = tail(head, 80);
        let Some(comma) = near.rfind(',').map(|c| head.len() - near.len() + c) else {
            return false;
        };
        let role = head[comma + 1..].trim_start();
        if !(role.starts_with("a ") || role.starts_with("an ") || role.starts_with("the "))
            || role.contains(|c: char| c.is_uppercase() || matches!(c, ',' | ';' | ':'))
        {
            return false;
        }
        let before = head[..comma].trim_end();
        let name = last_word(before);
        let placed = before
            .strip_suffix(name)
            .map_or(String::new(), |b| last_word(b).to_lowercase());
        !name.is_empty()
            && self.is_a_name(name, before.len() == name.len())
            && !self.language.place_prepositions.contains(&placed)
    }

    /// Whether the words after a cue name its agent by name: "estimated by the British
    /// firm Gaffney, Cline & Associates", "was announced by Tokayev".
    fn agent_named(&self, rest: &str) -> bool {
        let Some(agent) = rest.trim_start().strip_prefix("by ") else {
            return false;
        };
        window_after(agent, 0, 4)
            .split_whitespace()
            .enumerate()
            .any(|(i, w)| !(i == 0 && w == "the") && self.is_a_name(w, false))
    }

    /// Whether `word` is a name: capitalized, not a month, a day or a word that names
    /// nobody; at a sentence's start (`first`), not one of the usual openers.
    fn is_a_name(&self, word: &str, first: bool) -> bool {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        let nobody = self.language.nobody_subjects.contains(&lower)
            || self.language.speaker_pronouns.contains(&lower)
            || self.m.vague_sources.contains(&lower)
            || self.language.function_words.contains(&lower);
        let date = MONTHS.contains(&w) || crate::document::WEEKDAYS.contains(&w);
        // At a sentence's start every word is capitalized: "But", and plural nouns
        // ("Analysts said", "Officials said").
        let opener = first && (self.language.sentence_openers.contains(w) || w.ends_with('s'));
        // "Several NGOs warned", "MPs said": the plural of initials is a class.
        let class = w
            .strip_suffix('s')
            .is_some_and(|stem| stem.len() > 1 && stem.chars().all(|c| c.is_uppercase()));
        w.starts_with(char::is_uppercase) && !(nobody || date || opener || class)
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
            .cues(&text)
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
            let passive = n >= 1 && self.language.passive_cues.contains(&lower[n - 1]);
            // "..., it said.": an institution named before speaks through its pronoun
            // (not "it is said", a passive, nor "sources said it").
            if !passive && lower.last().is_some_and(|w| w == "it") {
                return true;
            }
            if passive
                || lower
                    .iter()
                    .rev()
                    .take(3)
                    .any(|w| self.language.nobody_subjects.contains(w))
            {
                return false;
            }
        } else if words
            .first()
            .is_some_and(|w| self.language.nobody_subjects.contains(w))
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
            if self.language.speaker_pronouns.contains(&lower) {
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

/// `head` without a closing apposition: "Vladimir Putin, Russia's president," gives
/// "Vladimir Putin".
fn strip_apposition(head: &str) -> &str {
    let Some(inner) = head.strip_suffix(',') else {
        return head;
    };
    match inner.rfind(',') {
        Some(comma) if inner.len() - comma <= 80 => inner[..comma].trim_end(),
        _ => head,
    }
}

/// Whether the words after a speech cue are a name that ends the clause ("said Aigerim
/// Bekova.", "adds Umarov, who ..."), not the subject of a reported clause ("said Moscow
/// would ...").
fn name_ends_clause(text: &str, at: usize, is_name: impl Fn(&str) -> bool) -> bool {
    // Five words at most: a clause that ends within four.
    let mut words: Vec<&str> = window_after(text, at, 5).split_whitespace().collect();
    // "says the MFA,", "said the Kremlin.": a body named by its name.
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    (1..=4).contains(&words.len()) && words.iter().all(|w| is_name(w))
}
