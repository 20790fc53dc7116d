//! What is not the article's own prose: wire copy (the document's dateline naming an
//! agency, a credit line), the editor's note of an interview, and the notes, bios and
//! reprint credits around an article, which make no claims.

use crate::text::Pattern;

use super::Sourcing;
use crate::analysis::apparatus::Role;

/// A wire story's credit line, "(Reporting by ...; Editing by ...)": the agency's own
/// report, whatever its dateline says.
pub(super) static WIRE_CREDIT: Pattern =
    Pattern::new(r"(?i)^\(\s*(?:additional\s+)?(?:reporting|writing)\s+by\b[^()]*\bediting\s+by\b");

/// The editor's note of an interview.
pub(super) static INTERVIEW_NOTE: Pattern = Pattern::new(
    r"(?i)\b(?:(?:the|this)\s+interview\s+(?:has\s+been|was)\s+(?:edited|condensed|translated|shortened)|(?:spoke|talked)\s+(?:with|to)\s+our\s+(?:correspondent|reporter))\b",
);

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
            || (0..3).any(|i| self.apparatus.role(i) == Role::ReprintCredit)
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

    /// A note about the article rather than part of it (see
    /// [`crate::analysis::apparatus`]): an editor's note, a correction, a credit line,
    /// an author's bio or disclaimer, a notes section. Such blocks make no claims.
    pub fn is_apparatus(&self, index: usize) -> bool {
        self.apparatus.is_apparatus(index)
    }
}
