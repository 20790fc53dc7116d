//! An author sourced once stays sourced. Analysis copy says once where a commentator
//! wrote ("In a commentary on Centrasia.ru, Zhantoro Shadakulov asks ..."), then goes
//! through the text, quoting its author by name in the paragraphs after ("Shadakulov
//! sums it up: “...”") or by pronoun in the next one ("he argues"). Those later claims
//! carry the source the first one gave. A work counts (`authored-works` in
//! `data/sourcing.toml`: a commentary, an article, a book); a speaker quoted by a news
//! outlet does not, as their next words were said on another occasion.

use std::sync::LazyLock;

use regex::Regex;

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
                // Only the author of a text the piece goes through: a politician quoted
                // by a news outlet speaks again elsewhere, on another occasion.
                if !self.m.authored_work.is_match(&text) {
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

#[cfg(test)]
mod tests {
    use jiff::civil::{date, Date};

    use crate::document::{Document, SourceKind};
    use crate::linter::lint_with;
    use crate::rule::Context;
    use crate::rules::unsourced_claim::UnsourcedClaim;
    use crate::style::HouseStyle;

    /// The unsourced claims of `text`, by the text they flag.
    fn flagged(text: &str, published: Date) -> Vec<String> {
        let doc = Document::parse(text, SourceKind::Text);
        let ctx = Context {
            date: published,
            style: HouseStyle::embedded(),
        };
        lint_with(&doc, &ctx, &[&UnsourcedClaim])
            .iter()
            .map(|d| doc.text(d.range).to_string())
            .collect()
    }

    const COMMENTARY: &str = "In a commentary for the Steppe Review portal, Marat Dzhunusov asks whether Bishkek will be next (steppereview.kz/news.php?st=4411).\n\n";

    #[test]
    fn a_politician_quoted_by_an_outlet_speaks_again_on_another_occasion() {
        // Negatives first: the earlier source reported one statement, not a text the
        // piece goes through.
        let text = "President Sadyr Japarov said the mine would stay in state hands (Kabar, May 3).\n\nIn a speech to miners on May 20, Japarov called the old deal \"a bribe disguised as a settlement.\"\n";
        assert_eq!(flagged(text, date(2021, 6, 1)).len(), 1);
        // A pronoun after a paragraph sourced by an outlet is not the author of a work.
        let text = "Pashinyan has promised early elections (CivilNet, May 9).\n\n\"We did not make a revolution to change the flags,\" he told a crowd in Yerevan.\n";
        assert_eq!(flagged(text, date(2018, 5, 10)).len(), 1);
        // Another person quoted after a commentary is not its author.
        let text = format!(
            "{COMMENTARY}\"Nobody in Bishkek wants a base,\" said Aibek Toktosunov, a deputy.\n"
        );
        assert_eq!(flagged(&text, date(2014, 7, 24)).len(), 1);
    }

    #[test]
    fn the_author_of_a_sourced_commentary_is_quoted_on_by_name_and_pronoun() {
        let text = format!(
            "{COMMENTARY}Dzhunusov sums up the country's recent past this way: \"two revolutions in five years and a fragile state.\"\n\nTo call the country sovereign, he argues, is to empty the word, since Bishkek keeps being kept from \"standing on its own feet.\"\n"
        );
        assert_eq!(flagged(&text, date(2014, 7, 24)), Vec::<String>::new());
        // The pronoun reaches one paragraph, not the rest of the piece.
        let text = format!(
            "{COMMENTARY}The border has been quiet since May.\n\n\"Nobody in Bishkek wants a base,\" he writes.\n"
        );
        assert_eq!(flagged(&text, date(2014, 7, 24)).len(), 1);
    }

    #[test]
    fn a_datelined_story_reports_the_day_it_covers() {
        let sworn =
            "BISHKEK -- The new president was sworn in on January 28 at the Philharmonic Hall.\n";
        assert!(flagged(sworn, date(2021, 1, 28)).is_empty());
        // Another day, or no dateline: a dated event that needs its source.
        assert_eq!(flagged(sworn, date(2021, 2, 3)).len(), 1);
        let plain = "The new president was sworn in on January 28 at the Philharmonic Hall.\n";
        assert_eq!(flagged(plain, date(2021, 1, 28)).len(), 1);
    }
}
