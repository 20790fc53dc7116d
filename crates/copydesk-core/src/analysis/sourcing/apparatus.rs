//! What is not the article's own prose: wire copy (the document's dateline naming an
//! agency, a credit line), the editor's note of an interview, and the notes, bios and
//! reprint credits around an article, which make no claims.

use std::sync::LazyLock;

use regex::Regex;

use super::Sourcing;

/// A wire story's credit line, "(Reporting by ...; Editing by ...)": the agency's own
/// report, whatever its dateline says.
pub(super) static WIRE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(\s*(?:additional\s+)?(?:reporting|writing)\s+by\b[^()]*\bediting\s+by\b")
        .expect("valid regex")
});

/// The credit line of a reprint or a translation: "From Nezavisimaya gazeta, June 6,
/// 2022, p. 5. Condensed text:".
pub(super) static REPRINT_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^From\s+(?:[Tt]he\s+)?\p{Lu}[^,.\n]{1,60},\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2},\s*\d{4}(?:,\s*pp?\.\s*\d+(?:[-–]\d+)?)?\.(?:\s+\p{Lu}[\p{L} ]{0,30}:)?\s*$")
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
        // Any agency the dateline names, known to the house or not ("ASTANA (TCA) —",
        // "Bishkek, Mar. 3, 2023. / Kabar/."): the story is that agency's report.
        self.doc
            .dateline
            .as_ref()
            .is_some_and(|d| d.agency.is_some())
            // A reprint or a translation credited at the top is the paper's report.
            || self
                .doc
                .blocks
                .iter()
                .take(3)
                .any(|b| REPRINT_CREDIT.is_match(self.doc.prose_text(b.range).trim()))
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
    /// wire credit line, a reprint's credit line ("From Nezavisimaya gazeta, June 6, 2022,
    /// p. 5."), or an author's bio ("Aigerim Seitkali is a journalist in Almaty.")
    /// in the last body paragraphs. Such blocks make no claims.
    pub fn is_apparatus(&self, index: usize) -> bool {
        let doc = self.doc;
        let Some(block) = doc.blocks.get(index) else {
            return false;
        };
        let text = doc.prose_text(block.range).trim_start();
        if self.m.note.is_match(text) || REPRINT_CREDIT.is_match(text.trim_end()) {
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
