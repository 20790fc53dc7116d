//! An author sourced once stays sourced. Analysis copy says once where a commentator
//! wrote ("In a commentary on Centrasia.ru, Zhantoro Shadakulov asks ..."), then goes
//! through the text, quoting its author by name in the paragraphs after ("Shadakulov
//! sums it up: “...”") or by pronoun in the next one ("he argues"). Those later claims
//! carry the source the first one gave. A work counts (`authored-works` in
//! `data/sourcing.toml`: a commentary, an article, a book, a programme), and so does the
//! writer's interview ("..., says Ferhat Demir, a professor at ..."); a speaker quoted
//! by a news outlet does not, as their next words were said on another occasion.

use crate::text::Pattern;
use std::cell::Cell;
use std::collections::HashMap;

use super::attribution::{interviewed, introduces_speaker};
use super::{Claim, ClaimKind, Sourcing};
use crate::document::Block;
use crate::text::TextRange;

/// A person's full name as a writer introduces it: two to four capitalised words
/// ("Zhantoro Shadakulov", "Daniel N. Rosenblum", "Aizada Nurlan-kyzy").
static FULL_NAME: Pattern =
    Pattern::new(r"\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+){1,3}");

/// Pronouns that stand for a speaker named before.
static PRONOUN: Pattern = Pattern::new(r"(?-u:\b)(?:he|she|they|He|She|They)(?-u:\b)");

/// A surname as [`FULL_NAME`] ends: a capital and the letters, marks, apostrophes and
/// hyphens after it.
static SURNAME: Pattern = Pattern::new(r"\p{Lu}[\p{Ll}\p{M}'’-]+");

/// How far (in bytes) a name may stand from the word that shows it speaking.
const NEAR: usize = 60;

/// The people who speak in the sourced body blocks, read once per document so that each
/// claim is checked in time of its own sentence (not of the blocks before it).
#[derive(Debug, Default)]
pub(super) struct SourcedSpeakers {
    /// The sourced body blocks that name a speaker, by index, in order.
    blocks: Vec<usize>,
    /// Each surname, with the first such block that names it.
    first_named: HashMap<String, usize>,
    /// The longest surname, in bytes.
    longest: usize,
    /// Each person the piece introduces by name and role as they speak, in any tense
    /// ("..., Mehman Aliyev, head of the Turan agency, said"), by surname, with the
    /// first block that does so.
    introduced: HashMap<String, usize>,
    /// The longest surname of `introduced`, in bytes.
    longest_introduced: usize,
    /// Per block: the body block before it that is not apparatus.
    previous_body: Vec<Option<usize>>,
    /// The last answer of [`Sourcing::previous_names_speaker`]: the previous block, the
    /// block asking, and the answer (claims of one block ask in turn).
    last_previous: Cell<Option<(usize, usize, bool)>>,
}

impl SourcedSpeakers {
    /// The body block before the block at `index` that is not apparatus.
    pub(super) fn previous_body(&self, index: usize) -> Option<usize> {
        self.previous_body.get(index).copied().flatten()
    }

    /// Whether a surname first named in a block before `index` stands in `text` as a
    /// whole word.
    fn named_before(&self, text: &str, index: usize) -> bool {
        self.blocks.first().is_some_and(|&b| b < index)
            && names_one_of(text, &self.first_named, self.longest, index)
    }

    /// Whether a surname introduced with a role in a block before `index` stands in
    /// `text` as a whole word.
    fn introduced_before(&self, text: &str, index: usize) -> bool {
        names_one_of(text, &self.introduced, self.longest_introduced, index)
    }
}

/// Whether one of the surnames of `first_named` (at most `longest` bytes long) that
/// were first named before the block at `index` stands in `text` as a whole word.
fn names_one_of(
    text: &str,
    first_named: &HashMap<String, usize>,
    longest: usize,
    index: usize,
) -> bool {
    SURNAME.find_iter(text).any(|m| {
        let start = m.start();
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            return false;
        }
        // Every end inside the run at which a whole word can stop.
        let run = &text[start..m.end()];
        run.char_indices()
            .skip(1)
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&end| end <= longest)
            .any(|end| {
                !text[start + end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                    && first_named.get(&run[..end]).is_some_and(|&b| b < index)
            })
    })
}

impl Sourcing<'_> {
    /// See [`Sourcing::continues_sourced_speaker`]: the surnames of the authors of the
    /// works that each sourced body block quotes, with the first block that names each,
    /// and for each block the body block before it.
    pub(super) fn find_sourced_speakers(&self) -> SourcedSpeakers {
        let mut speakers = SourcedSpeakers::default();
        let mut previous = None;
        for (i, block) in self.doc.blocks.iter().enumerate() {
            speakers.previous_body.push(previous);
            if block.kind.is_body() && !self.is_apparatus(i) {
                previous = Some(i);
            }
        }
        for (i, names) in self.speakers_by_block() {
            speakers.blocks.push(i);
            for name in names {
                speakers.longest = speakers.longest.max(name.len());
                speakers.first_named.entry(name).or_insert(i);
            }
        }
        for (i, names) in self.introduced_by_block() {
            for name in names {
                speakers.longest_introduced = speakers.longest_introduced.max(name.len());
                speakers.introduced.entry(name).or_insert(i);
            }
        }
        speakers
    }

    /// The surnames of the people each body block introduces by name and role as they
    /// speak, by block index, in document order.
    fn introduced_by_block(&self) -> Vec<(usize, Vec<String>)> {
        let mut found = Vec::new();
        for (i, block) in self.doc.blocks.iter().enumerate() {
            if !block.kind.is_body() || self.is_apparatus(i) {
                continue;
            }
            let names = match self.memo {
                Some(memo) => memo.introduced(self.doc, block, || self.introduced_in(block)),
                None => self.introduced_in(block),
            };
            if !names.is_empty() {
                found.push((i, names));
            }
        }
        found
    }

    /// The surnames of the people a block introduces by name and role as they speak,
    /// sorted: a function of the block and the house style, which the memo keeps.
    fn introduced_in(&self, block: &Block) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for &s in &block.sentences {
            let text = self.masked(block, s, false);
            let cues: Vec<(usize, usize)> = self
                .m
                .speech
                .find_iter(&text)
                .filter(|m| introduces_speaker(&text, m.start(), m.end()))
                .map(|m| (m.start(), m.end()))
                .collect();
            if cues.is_empty() {
                continue;
            }
            self.push_surnames_near(&text, &cues, &mut names);
        }
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Adds to `names` the surname of each full name in `text` that stands near one of
    /// the speech words at `cues` (not a sentence opener such as "But").
    fn push_surnames_near(&self, text: &str, cues: &[(usize, usize)], names: &mut Vec<String>) {
        // Cues by start, each with the furthest end up to it: whether one lies near a
        // name is a binary search, so a long sentence of names and cues stays linear.
        let mut cues = cues.to_vec();
        cues.sort_unstable();
        let mut reach = 0;
        for cue in &mut cues {
            reach = reach.max(cue.1);
            cue.1 = reach;
        }
        for name in FULL_NAME.find_iter(text) {
            let before = cues.partition_point(|&(start, _)| start < name.end() + NEAR);
            let near = before > 0 && name.start() < cues[before - 1].1 + NEAR;
            let words: Vec<&str> = name.as_str().split_whitespace().collect();
            if !near || self.language.sentence_openers.contains(words[0]) {
                continue;
            }
            names.push(words[words.len() - 1].to_string());
        }
    }

    /// The surnames of the authors of the works that each sourced body block quotes, by
    /// block index, in document order.
    fn speakers_by_block(&self) -> Vec<(usize, Vec<String>)> {
        let mut found = Vec::new();
        for (i, block) in self.doc.blocks.iter().enumerate() {
            if !block.kind.is_body() || self.is_apparatus(i) || !self.block_sourced(block) {
                continue;
            }
            let names = match self.memo {
                Some(memo) => memo.speakers(self.doc, block, || self.speakers_in(block)),
                None => self.speakers_in(block),
            };
            if !names.is_empty() {
                found.push((i, names));
            }
        }
        found
    }

    /// The surnames of the authors of the works a block quotes, sorted: a function of
    /// the block and the house style, which the memo keeps.
    fn speakers_in(&self, block: &Block) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for &s in &block.sentences {
            let text = self.masked(block, s, false);
            // Only the author of a text the piece goes through, or someone the
            // writer interviewed: a politician quoted by a news outlet speaks again
            // elsewhere, on another occasion.
            let interview = self
                .m
                .speech
                .find_iter(&text)
                .any(|m| interviewed(&text, m.start(), m.end(), &self.m.interview_verbs));
            if !interview && !self.m.authored_work.is_match(&text) {
                continue;
            }
            let cues: Vec<(usize, usize)> = self
                .m
                .speech
                .find_iter(&text)
                .chain(self.m.authored_work.find_iter(&text))
                .map(|m| (m.start(), m.end()))
                .collect();
            self.push_surnames_near(&text, &cues, &mut names);
        }
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Whether `claim`, in the block at `index`, is the word of someone whose source an
    /// earlier paragraph gave: its sentence names them speaking ("Shadakulov sums it
    /// up:"), or speaks of them by pronoun ("he argues") right after a paragraph that
    /// named them so.
    pub fn continues_sourced_speaker(&self, index: usize, claim: &Claim) -> bool {
        if !matches!(claim.kind, ClaimKind::Quotation | ClaimKind::ReportedSpeech) {
            return false;
        }
        let Some(block) = self.doc.blocks.get(index) else {
            return false;
        };
        let speakers = &self.sourced_speakers;
        let text = self.masked(block, claim.sentence, false);
        // "Aliyev recalls": someone the piece has introduced, in the present tense of
        // the writer's interview.
        if self
            .m
            .speech
            .find_iter(&text)
            .any(|m| self.m.interview_verbs.contains(&m.as_str().to_lowercase()))
            && speakers.introduced_before(&text, index)
        {
            return true;
        }
        if !speakers.blocks.first().is_some_and(|&b| b < index) || !self.speaks(block, claim) {
            return false;
        }
        if speakers.named_before(&text, index) {
            return true;
        }
        // A pronoun carries the author of the paragraph just before, when that one was
        // sourced by them or quoted them by name again.
        if !PRONOUN.is_match(&text) {
            return false;
        }
        let Some(prev) = speakers.previous_body.get(index).copied().flatten() else {
            return false;
        };
        speakers.blocks.binary_search(&prev).is_ok() || self.previous_names_speaker(prev, index)
    }

    /// Whether a claim of the block at `prev` shows someone speaking and names a speaker
    /// named before the block at `index`.
    fn previous_names_speaker(&self, prev: usize, index: usize) -> bool {
        let speakers = &self.sourced_speakers;
        if let Some((p, i, answer)) = speakers.last_previous.get() {
            if (p, i) == (prev, index) {
                return answer;
            }
        }
        let prev_block = &self.doc.blocks[prev];
        let answer = self.block_claims(prev_block).iter().any(|c| {
            self.speaks(prev_block, c) && {
                let text = self.masked(prev_block, c.sentence, false);
                speakers.named_before(&text, index)
            }
        });
        speakers.last_previous.set(Some((prev, index, answer)));
        answer
    }

    /// Whether the claim's sentence shows someone speaking: a reporting verb or a cue, or
    /// a quotation introduced by a colon or a comma after its speaker.
    fn speaks(&self, block: &Block, claim: &Claim) -> bool {
        if self.names_speaker(block, claim.sentence) {
            return true;
        }
        claim.kind == ClaimKind::Quotation && {
            let lead = TextRange::new(
                claim.sentence.start,
                claim.range.start.max(claim.sentence.start),
            );
            self.masked(block, lead, false)
                .trim_end()
                .ends_with([':', ','])
        }
    }
}
