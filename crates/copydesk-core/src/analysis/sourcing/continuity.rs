//! An author sourced once stays sourced. Analysis copy says once where a commentator
//! wrote ("In a commentary on Centrasia.ru, Zhantoro Shadakulov asks ..."), then goes
//! through the text, quoting its author by name in the paragraphs after ("Shadakulov
//! sums it up: “...”") or by pronoun in the next one ("he argues"). Those later claims
//! carry the source the first one gave. A work counts (`authored-works` in
//! `data/sourcing.toml`: a commentary, an article, a book, a programme), and so does the
//! writer's interview ("..., says Ferhat Demir, a professor at ..."); a speaker quoted
//! by a news outlet does not, as their next words were said on another occasion.

use std::sync::LazyLock;

use regex::Regex;

use super::attribution::interviewed;
use super::{Claim, ClaimKind, Sourcing};
use crate::document::Block;
use crate::text::TextRange;

/// A person's full name as a writer introduces it: two to four capitalised words
/// ("Zhantoro Shadakulov", "Daniel N. Rosenblum", "Aizada Nurlan-kyzy").
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+){1,3}")
        .expect("valid regex")
});

/// Pronouns that stand for a speaker named before.
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:he|she|they|He|She|They)(?-u:\b)").expect("valid regex")
});

/// How far (in bytes) a name may stand from the word that shows it speaking.
const NEAR: usize = 60;

impl Sourcing<'_> {
    /// See [`Sourcing::continues_sourced_speaker`]: the surnames of the authors of the
    /// works that each sourced body block quotes, by block index, in document order.
    pub(super) fn find_sourced_speakers(&self) -> Vec<(usize, Vec<String>)> {
        let mut found = Vec::new();
        for (i, block) in self.doc.blocks.iter().enumerate() {
            if !block.kind.is_body() || self.is_apparatus(i) || !self.block_sourced(block) {
                continue;
            }
            let mut names: Vec<String> = Vec::new();
            for &s in &block.sentences {
                let text = self.masked(block, s, false);
                // Only the author of a text the piece goes through, or someone the
                // writer interviewed: a politician quoted by a news outlet speaks again
                // elsewhere, on another occasion.
                let interview = self
                    .m
                    .reporting
                    .find_iter(&text)
                    .any(|m| interviewed(&text, m.start(), m.end()));
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
                for name in FULL_NAME.find_iter(&text) {
                    let near = cues.iter().any(|&(start, end)| {
                        name.start() < end + NEAR && start < name.end() + NEAR
                    });
                    let words: Vec<&str> = name.as_str().split_whitespace().collect();
                    if !near || self.language.sentence_openers.contains(words[0]) {
                        continue;
                    }
                    let surname = words[words.len() - 1].to_string();
                    if !names.contains(&surname) {
                        names.push(surname);
                    }
                }
            }
            if !names.is_empty() {
                found.push((i, names));
            }
        }
        found
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
        let earlier: Vec<&str> = self
            .sourced_speakers
            .iter()
            .take_while(|(i, _)| *i < index)
            .flat_map(|(_, names)| names.iter().map(String::as_str))
            .collect();
        if earlier.is_empty() || !self.speaks(block, claim) {
            return false;
        }
        let text = self.masked(block, claim.sentence, false);
        if earlier.iter().any(|name| names_word(&text, name)) {
            return true;
        }
        // A pronoun carries the author of the paragraph just before, when that one was
        // sourced by them or quoted them by name again.
        if !PRONOUN.is_match(&text) {
            return false;
        }
        let Some(prev) = (0..index)
            .rev()
            .find(|&i| self.doc.blocks[i].kind.is_body() && !self.is_apparatus(i))
        else {
            return false;
        };
        let prev_block = &self.doc.blocks[prev];
        self.sourced_speakers.iter().any(|(i, _)| *i == prev)
            || self.block_claims(prev_block).iter().any(|c| {
                self.speaks(prev_block, c) && {
                    let text = self.masked(prev_block, c.sentence, false);
                    earlier.iter().any(|name| names_word(&text, name))
                }
            })
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

/// Whether `text` holds `word` as a whole word, as written.
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
