//! What is not the article's own prose: wire copy (a dateline naming an agency, a
//! credit line), the editor's note of an interview, and the notes and bios around an
//! article, which make no claims.

use std::sync::LazyLock;

use regex::Regex;

use super::Sourcing;
use crate::document::BlockKind;

/// A wire dateline: "BISHKEK, April 9 (Reuters) -", "ALMATY (AP) —", and a joint one
/// filed from two cities, "KYIV/LONDON, May 10 (Reuters) -".
pub(super) static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{Lu}\p{M} .'’/-]+(?:,[^()\n]{1,40})?\s*\((?P<agency>[^()\n]{2,30})\)\s*[-–—]",
    )
    .expect("valid regex")
});

/// A wire story's credit line, "(Reporting by ...; Editing by ...)": the agency's own
/// report, whatever its dateline says.
pub(super) static WIRE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(\s*(?:additional\s+)?(?:reporting|writing)\s+by\b[^()]*\bediting\s+by\b")
        .expect("valid regex")
});

/// The editor's note of an interview.
pub(super) static INTERVIEW_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:the|this)\s+interview\s+(?:has\s+been|was)\s+(?:edited|condensed|translated|shortened)|(?:spoke|talked)\s+(?:with|to)\s+our\s+(?:correspondent|reporter))\b")
        .expect("valid regex")
});

impl Sourcing<'_> {
    /// See [`Sourcing::wire_copy`].
    pub(super) fn find_wire_copy(&self) -> bool {
        let Some(block) = self
            .doc
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
        else {
            return false;
        };
        let head: String = self.doc.text(block.range).chars().take(120).collect();
        WIRE_DATELINE
            .captures(&head)
            .is_some_and(|c| self.m.outlet_exact.is_match(c["agency"].trim()))
            || self
                .doc
                .blocks
                .iter()
                .rev()
                .take(3)
                .any(|b| WIRE_CREDIT.is_match(self.doc.text(b.range).trim_start()))
    }

    /// See [`Sourcing::interview`].
    pub(super) fn find_interview(&self) -> bool {
        self.doc
            .blocks
            .iter()
            .take(6)
            .chain(self.doc.blocks.iter().rev().take(3))
            .any(|b| INTERVIEW_NOTE.is_match(self.doc.prose_text(b.range)))
    }

    /// A note about the article rather than part of it: an editor's note, a correction, a
    /// wire credit line, or an author's bio ("Aigerim Seitkali is a journalist in Almaty.")
    /// in the last body paragraphs. Such blocks make no claims.
    pub fn is_apparatus(&self, index: usize) -> bool {
        let doc = self.doc;
        let Some(block) = doc.blocks.get(index) else {
            return false;
        };
        let text = doc.prose_text(block.range).trim_start();
        if self.m.note.is_match(text) {
            return true;
        }
        let later_body = doc.blocks[index + 1..]
            .iter()
            .filter(|b| b.kind.is_body())
            .count();
        let head: String = text.chars().take(200).collect();
        later_body == 0 && self.m.bio.is_match(text) && self.m.bio_role.is_match(&head)
    }
}
