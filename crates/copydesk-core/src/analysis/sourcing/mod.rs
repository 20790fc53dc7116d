//! Claims and their sources, shared by the `unsourced-claim` and `unattributed-quote`
//! rules.
//!
//! A *claim* is a sentence that states something a reader may want to check: a figure,
//! a direct quotation, reported speech, or a specific dated event. Analysis, forecast
//! and opinion are not claims by themselves: figures and dates in a hedged sentence
//! ("could reach 5 percent") are left alone.
//!
//! A *source* is a citation group, an inline attribution naming where something was said
//! or published ("according to Interfax", "wrote on Twitter", "the Ministry ...
//! reported"), a looser bracket such as "(Reuters)", a Markdown link, a bare URL or a
//! footnote reference.
//!
//! Everything is read on the prose view, with citation groups blanked, so that the dates
//! and numbers of a citation are never taken for claims. The word lists are data: house
//! sourcing knowledge in `data/sourcing.toml` ([`SourcingStyle`], compiled once per
//! style), English word lists in `data/language.toml` (the house style's
//! [`LanguageStyle`]); the grammar (number shapes, idioms) is here. Every analysis is
//! linear in the length of a paragraph: look-behinds are bounded and the masked views
//! of every block are built once, in [`Sourcing::new`].
//!
//! The modules follow the concerns: `figures` (money, percentages, counts), `dates`
//! (dated events, the narrative time of a paragraph), `speech` (reporting verbs, the
//! speakers of quotations), `quotations`, `attribution` (where a claim is sourced),
//! `named` (named speakers, the news desk's sources), `continuity` (a speaker
//! sourced once stays sourced), `apparatus` (wire copy,
//! interviews, notes and bios), `units` (blocks that share
//! their sources) and `style` (the sourcing data).

mod apparatus;
mod attribution;
mod continuity;
mod dates;
mod figures;
#[cfg(test)]
mod forms_tests;
mod loose_citation;
mod named;
mod quotations;
mod speech;
#[cfg(test)]
mod tests;
mod units;

use jiff::civil::Date;
use std::cell::Cell;

pub use crate::style::sourcing::{CitationScope, SourcingStyle, EMBEDDED_SOURCING};
pub use units::{ends_in_open_quote, opens_with_quote, sourcing_units};

use super::apparatus::Apparatus;
use super::memo::BlockMemo;
use crate::document::{Block, Document, Quote};
use crate::style::sourcing::Matchers;
use crate::style::{HouseStyle, LanguageStyle};
use crate::text::TextRange;
use attribution::References;
use continuity::SourcedSpeakers;

/// What kind of claim a sentence makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    Quotation,
    ReportedSpeech,
    Figure,
    DatedEvent,
}

impl ClaimKind {
    pub const fn label(self) -> &'static str {
        match self {
            ClaimKind::Quotation => "direct quotation",
            ClaimKind::ReportedSpeech => "reported speech",
            ClaimKind::Figure => "figure",
            ClaimKind::DatedEvent => "dated event",
        }
    }
}

/// A sentence's claim: its kind and the text that makes it (the quotation, the reporting
/// verb, the figure, the date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub kind: ClaimKind,
    pub range: TextRange,
    pub sentence: TextRange,
}

/// Claims and sources of one document under one house style.
///
/// Built once per document ([`Sourcing::new`] does every per-document step up front:
/// the masked views of every block, whether the document is wire copy or an
/// interview, its sourcing units) and then only read, so one value serves every rule
/// that needs it.
pub struct Sourcing<'a> {
    doc: &'a Document,
    style: &'a SourcingStyle,
    language: &'a LanguageStyle,
    m: &'a Matchers,
    /// The publication date.
    published: Date,
    year: i16,
    /// Per block of `doc.blocks`: its prose with citation groups and the insides of
    /// quotations blanked, and the same with every parenthetical blanked too.
    masks: Vec<[String; 2]>,
    wire_copy: bool,
    interview: bool,
    /// Whether the story's lead names a source (named sources only).
    lead_attributed: bool,
    units: Vec<Vec<usize>>,
    apparatus: Apparatus,
    /// The people who speak in the sourced body blocks, and where each is first named.
    sourced_speakers: SourcedSpeakers,
    references: References,
    /// Where a block's claims are remembered across lints, if anywhere.
    memo: Option<&'a BlockMemo>,
    /// Per block, once asked: the first of its sentences that names a speaker to the
    /// house's standard ([`Sourcing::first_speaker_sentence`]).
    first_speaker: Vec<Cell<Option<Option<usize>>>>,
}

impl<'a> Sourcing<'a> {
    pub fn new(doc: &'a Document, style: &'a HouseStyle, published: Date) -> Self {
        Self::with_apparatus(doc, style, published, Apparatus::new(doc, style), &|| false)
    }

    /// [`Sourcing::new`] with the document's apparatus already read. Ends early,
    /// incomplete, when `stop` answers `true` (asked once a block).
    pub fn with_apparatus(
        doc: &'a Document,
        style: &'a HouseStyle,
        published: Date,
        apparatus: Apparatus,
        stop: &dyn Fn() -> bool,
    ) -> Self {
        Self::remembering(doc, style, published, apparatus, None, stop)
    }

    /// [`Sourcing::with_apparatus`] that reads the readings of single blocks from `memo`
    /// and remembers them there, from the document-wide passes of its construction on.
    pub(crate) fn remembering(
        doc: &'a Document,
        style: &'a HouseStyle,
        published: Date,
        apparatus: Apparatus,
        memo: Option<&'a BlockMemo>,
        stop: &dyn Fn() -> bool,
    ) -> Self {
        let mut sourcing = Self {
            doc,
            style: &style.sourcing,
            language: &style.language,
            m: style.sourcing.matchers(),
            published,
            year: published.year(),
            masks: Vec::new(),
            wire_copy: false,
            interview: false,
            lead_attributed: false,
            units: sourcing_units(doc),
            apparatus,
            sourced_speakers: SourcedSpeakers::default(),
            references: References::new(doc),
            memo,
            first_speaker: vec![Cell::new(None); doc.blocks.len()],
        };
        sourcing.masks = doc
            .blocks
            .iter()
            .map_while(|b| (!stop()).then(|| sourcing.mask_block(b)))
            .collect();
        if stop() {
            return sourcing;
        }
        sourcing.wire_copy = sourcing.find_wire_copy();
        sourcing.interview = sourcing.find_interview();
        sourcing.lead_attributed = sourcing.find_lead_attribution();
        sourcing.sourced_speakers = sourcing.find_sourced_speakers();
        sourcing
    }

    /// Body blocks grouped into the units that share their sources ([`sourcing_units`]).
    pub fn units(&self) -> &[Vec<usize>] {
        &self.units
    }

    /// Whether the document is wire copy: its dateline ([`Document::dateline`]) names an
    /// agency, any agency ("BISHKEK, April 9 (Reuters) -", "ASTANA (TCA) —",
    /// "Bishkek, Mar. 3, 2023. / Kabar/."), it opens with a reprint's credit line ("From
    /// Nezavisimaya gazeta, June 6, 2022, p. 5."), or it ends with a wire credit line. The agency reports first hand, so its own account needs no citation.
    pub fn wire_copy(&self) -> bool {
        self.wire_copy
    }

    /// Whether the document is an interview, by its editor's note ("The interview has
    /// been edited for length", "She spoke with our correspondent"): the answers are
    /// the interview itself, their own source. ("spoke to the author" in an analysis
    /// sources only its own paragraph.)
    pub fn interview(&self) -> bool {
        self.interview
    }

    /// The prose of `range` (inside `block`) with citation groups and the insides of
    /// quotations blanked, and with `parens` every parenthetical too. Offsets are
    /// relative to `range.start`.
    pub(super) fn masked(&self, block: &Block, range: TextRange, parens: bool) -> String {
        if !block.range.covers(range) {
            return String::new();
        }
        let first = self.block_index(block);
        let own = self.doc.blocks[first..]
            .iter()
            .take_while(|b| b.range.start == block.range.start)
            .position(|b| std::ptr::eq(b, block) || b.range == block.range)
            .and_then(|i| self.masks.get(first + i));
        let slice = |views: &[String; 2]| {
            views[usize::from(parens)]
                .get(range.start - block.range.start..range.end - block.range.start)
                .unwrap_or("")
                .to_string()
        };
        match own {
            Some(views) => slice(views),
            // A block of another document: mask it now.
            None => slice(&self.mask_block(block)),
        }
    }

    fn mask_block(&self, block: &Block) -> [String; 2] {
        let range = block.range;
        let Some(bytes) = self.doc.prose.as_bytes().get(range.start..range.end) else {
            return Default::default();
        };
        let blank = |bytes: &mut Vec<u8>, r: TextRange| {
            let s = r.start.max(range.start);
            let e = r.end.min(range.end);
            if s < e {
                for b in &mut bytes[s - range.start..e - range.start] {
                    *b = b' ';
                }
            }
        };
        let mut quoted = bytes.to_vec();
        for c in &block.citations {
            blank(&mut quoted, c.range);
        }
        // The dateline's day is when the story was filed, not an event it reports.
        if let Some(day) = self.doc.dateline.as_ref().and_then(|d| d.date) {
            blank(&mut quoted, day);
        }
        for q in block.quotes.iter().filter(|q| q.depth == 0) {
            blank(&mut quoted, q.inner);
        }
        let mut bracketed = quoted.clone();
        // In order of their start: a bracket inside one already blanked is skipped, so
        // nested brackets are blanked once.
        let mut reach = 0;
        for p in &block.parentheticals {
            if p.end > reach {
                blank(&mut bracketed, TextRange::new(p.start.max(reach), p.end));
                reach = p.end;
            }
        }
        // Ranges are character boundaries, so this never fails; blank rather than panic.
        let text = |b: Vec<u8>| {
            let len = b.len();
            String::from_utf8(b).unwrap_or_else(|_| " ".repeat(len))
        };
        [text(quoted), text(bracketed)]
    }

    /// The range from `start` to `at`, at most [`LEAD_BYTES`] long: what precedes a
    /// quotation in its sentence, bounded so long sentences stay linear.
    pub(super) fn lead(&self, start: usize, at: usize) -> TextRange {
        let mut from = start.max(at.saturating_sub(LEAD_BYTES));
        while from < at && !self.doc.prose.is_char_boundary(from) {
            from += 1;
        }
        TextRange::new(from.min(at), at)
    }

    /// The claim a sentence makes, if any: a direct quotation, reported speech, a figure
    /// or a dated event, in that order of precedence.
    /// `quotes` are the block's [`significant_quotes`](Self::significant_quotes).
    pub fn sentence_claim(
        &self,
        block: &Block,
        sentence: TextRange,
        quotes: &[&Quote],
    ) -> Option<Claim> {
        let text = self.masked(block, sentence, false);
        let historical = self.years_historical(&text).unwrap_or(false)
            || self.language.bygone_cues.is_match_in(&text);
        self.claim_in(block, sentence, quotes, historical)
    }

    /// [`sentence_claim`](Self::sentence_claim) where `historical` says whether the
    /// sentence is told in the past beyond the dated-event horizon (its own years, or
    /// the paragraph's last years when it names none): figures of history ("the war
    /// killed some 30,000 people") are background, not claims.
    pub(super) fn claim_in(
        &self,
        block: &Block,
        sentence: TextRange,
        quotes: &[&Quote],
        historical: bool,
    ) -> Option<Claim> {
        let claim = |kind, range: TextRange| Claim {
            kind,
            range,
            sentence,
        };
        let i = quotes.partition_point(|q| q.range.start < sentence.start);
        if let Some(q) = quotes.get(i).filter(|q| sentence.contains(q.range.start)) {
            return Some(claim(ClaimKind::Quotation, q.range));
        }
        let text = self.masked(block, sentence, false);
        if let Some(r) = self.reporting_verb(&text) {
            return Some(claim(ClaimKind::ReportedSpeech, r.shift(sentence.start)));
        }
        if self.hedged(&text) {
            return None;
        }
        if !historical && !self.m.provision.is_match(&text) && !figures::states_a_rule(&text) {
            if let Some(r) = self.figure(&text) {
                return Some(claim(ClaimKind::Figure, r.shift(sentence.start)));
            }
        }
        let text = self.masked(block, sentence, true);
        if let Some(r) = self.dated_event(&text) {
            return Some(claim(ClaimKind::DatedEvent, r.shift(sentence.start)));
        }
        None
    }

    /// Every claim of a block, one a sentence. A function of the block, the house
    /// style, the publication date and whether the document has a dateline, so the
    /// memo ([`BlockMemo`]) keeps it.
    pub fn block_claims(&self, block: &Block) -> Vec<Claim> {
        match self.memo {
            Some(memo) => memo.claims(self.doc, block, || self.find_block_claims(block)),
            None => self.find_block_claims(block),
        }
    }

    fn find_block_claims(&self, block: &Block) -> Vec<Claim> {
        let quotes = self.significant_quotes(block);
        // The paragraph's narrative time: whether its last sentence with a year was told
        // beyond the horizon. A sentence without a year of its own keeps it, unless it
        // comes back to the present ("today", "still").
        let mut told_in_history = false;
        let mut claims = Vec::new();
        for &s in &block.sentences {
            let text = self.masked(block, s, false);
            let historical = match self.years_historical(&text) {
                Some(h) => h,
                None => told_in_history && !self.language.present_cues.is_match_in(&text),
            };
            told_in_history = historical;
            let historical = historical || self.language.bygone_cues.is_match_in(&text);
            if let Some(c) = self.claim_in(block, s, &quotes, historical) {
                claims.push(c);
            }
        }
        claims
    }
}

/// The index of the sentence that holds `offset` (sentences are sorted and disjoint).
pub(super) fn sentence_index(block: &Block, offset: usize) -> Option<usize> {
    let i = block.sentences.partition_point(|s| s.end <= offset);
    block
        .sentences
        .get(i)
        .filter(|s| s.contains(offset))
        .map(|_| i)
}

/// How far back from a quotation or a cue the analyses look, in bytes.
pub(super) const LEAD_BYTES: usize = 240;

/// The last `n` bytes of `text` or a little less, at a character boundary.
pub(super) fn tail(text: &str, n: usize) -> &str {
    let mut from = text.len().saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// The last word of `text` (letters, digits, apostrophes, dots and hyphens).
pub(super) fn last_word(text: &str) -> &str {
    let t = text.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    t[start..].trim_end_matches('.')
}

/// Up to `words` words after `at`, stopping at a clause boundary. One pass that ends at
/// whichever comes first, so the work is the window's, not the rest of the sentence's.
pub(super) fn window_after(text: &str, at: usize, words: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in rest.char_indices() {
        if matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '—' | '–' | '(' | ')') {
            return &rest[..i];
        }
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    return &rest[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    rest
}

/// The words after `at` up to the end of the clause, commas included ("said Dilshod,
/// 31, a builder from Khujand"), at most 60 characters.
pub(super) fn apposition_after(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let end = rest
        .char_indices()
        .take_while(|&(i, c)| i < 60 && !matches!(c, '.' | ';' | '!' | '?' | '(' | '—' | '–'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    &rest[..end]
}

/// Up to `words` words before `at`, stopping at a sentence-internal boundary other than
/// a comma.
pub(super) fn window_before(text: &str, at: usize, words: usize) -> &str {
    let head = tail(text.get(..at).unwrap_or(""), LEAD_BYTES);
    let start = head
        .rfind([';', ':', '.', '!', '?', '—', '(', ')'])
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &head[start..];
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in clause.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    return &clause[i..];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    clause
}

/// A short, single-line excerpt of a range's source text for a message.
pub fn excerpt(doc: &Document, range: TextRange, max_chars: usize) -> String {
    let text = doc
        .text(range)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}
