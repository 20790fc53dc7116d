//! The document model: what is prose, its blocks, sentences, quotations,
//! parentheticals and citation groups, each with its byte range in the source.
//!
//! Markdown and plain text are both reduced to a *prose view*: a string of exactly
//! the same length as the source in which everything that is not prose (code, URLs,
//! HTML, front matter, Markdown markup) is blanked out with spaces, line breaks kept.
//! Every range found in the prose view is therefore a range of the original source.

mod citation;
mod date;
mod dateline;
pub mod directive;
mod docx;
mod html;
mod markdown;
mod plain;
mod quotes;
mod segment;
mod words;

use std::path::Path;

pub use citation::{
    edit_distance, month_of, CitationDate, CitationGroup, CitationItem, MONTHS, WEEKDAYS,
};
pub use date::{
    parse_date_text, yearless_date, DateSource, DocxDate, PublicationDate, YearlessDay,
    LAST_YEAR_WINDOW_DAYS,
};
pub use dateline::Dateline;
pub use docx::CoreDates;
pub use html::{Abbreviation, SourceMap};
pub use quotes::Quote;
pub use words::{LineLabels, ProseWords};

use crate::text::{LineIndex, TextRange};

/// The input format of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Text,
    Markdown,
    /// A web page (`.html`, `.htm`): only its article is prose.
    Html,
    /// A Word document (`.docx`), read from its bytes ([`Document::from_docx`]): its
    /// source is its text, one paragraph a line.
    Docx,
}

impl SourceKind {
    /// File extensions read as Markdown.
    pub const MARKDOWN_EXTENSIONS: &'static [&'static str] =
        &["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"];
    /// File extensions read as plain text.
    pub const TEXT_EXTENSIONS: &'static [&'static str] = &["txt", "text"];
    /// File extensions read as HTML.
    pub const HTML_EXTENSIONS: &'static [&'static str] = &["html", "htm", "xhtml"];

    /// The kind for a file name by its extension (`.txt`, `.md`, `.markdown`, ...), if
    /// any. The one table of extensions, for the CLI's directory walk and the editor.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if Self::MARKDOWN_EXTENSIONS.contains(&ext.as_str()) {
            Some(SourceKind::Markdown)
        } else if Self::TEXT_EXTENSIONS.contains(&ext.as_str()) {
            Some(SourceKind::Text)
        } else if Self::HTML_EXTENSIONS.contains(&ext.as_str()) {
            Some(SourceKind::Html)
        } else if ext == "docx" {
            Some(SourceKind::Docx)
        } else {
            None
        }
    }

    /// The kind for an editor's language id (LSP `languageId`), if it names one.
    pub fn from_language_id(id: &str) -> Option<Self> {
        match id {
            "markdown" | "mdx" | "rmd" | "quarto" => Some(SourceKind::Markdown),
            "plaintext" | "text" => Some(SourceKind::Text),
            "html" => Some(SourceKind::Html),
            _ => None,
        }
    }
}

/// Why a file cannot be read as a document of its kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReadError(pub String);

/// Front matter (YAML between `---` lines or TOML between `+++` lines) at the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub range: TextRange,
    /// The raw value of the `date` key, or else of `published` (`published_at`,
    /// `publishdate`, `pubdate`), if present.
    pub date_text: Option<String>,
    pub date: Option<jiff::civil::Date>,
    pub title: Option<String>,
}

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A body paragraph.
    Paragraph,
    /// A list item's text.
    ListItem,
    /// A paragraph inside a block quote (quoted material, often a source).
    BlockQuote,
    /// A heading (Markdown `#`, or a plain-text title line).
    Heading,
    /// A caption or credit line such as `(Source: The Astana Times)` or `Photo: ...`.
    Caption,
    /// A header line such as `Publication: ... Volume: ... Issue: ...` or `Date: ...`.
    Header,
    /// The text of a Markdown footnote definition.
    Footnote,
}

impl BlockKind {
    /// Body prose that the sourcing, naming and acronym rules read.
    pub const fn is_body(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::ListItem)
    }
}

/// A paragraph-level element with its segmentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// From the first to the last prose character.
    pub range: TextRange,
    pub sentences: Vec<TextRange>,
    /// Quotations, outermost first in order of their opening mark.
    pub quotes: Vec<Quote>,
    /// The stretches inside any quotation: the union of the ranges of `quotes`, sorted
    /// and disjoint, so that [`Block::in_quote`] is a binary search.
    pub quoted: Vec<TextRange>,
    /// Round and square brackets with their content, in order of the opening bracket.
    pub parentheticals: Vec<TextRange>,
    /// Parenthetical citation groups, such as `(TASS, August 20; Lenta, July 9)`.
    pub citations: Vec<CitationGroup>,
}

impl Block {
    /// The citation group that ends the block, if any.
    pub fn final_citation(&self) -> Option<&CitationGroup> {
        self.citations.iter().rev().find(|c| c.ends_block)
    }

    /// The sentence that holds `offset` (sentences are sorted and disjoint).
    pub fn sentence_at(&self, offset: usize) -> Option<TextRange> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= offset && offset < s.end)
    }

    /// The start of the first sentence that starts after `offset`.
    pub fn next_sentence_start(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= offset);
        self.sentences.get(i).map(|s| s.start)
    }

    /// The parentheticals that open inside `range` (they are in order of their opening
    /// bracket, so this is a binary search).
    pub fn parentheticals_in(&self, range: TextRange) -> &[TextRange] {
        let from = self
            .parentheticals
            .partition_point(|p| p.start < range.start);
        let to = self.parentheticals.partition_point(|p| p.start < range.end);
        &self.parentheticals[from..to.max(from)]
    }

    /// The citation groups that open inside `range` (in order of their opening bracket).
    pub fn citations_in(&self, range: TextRange) -> &[CitationGroup] {
        let from = self
            .citations
            .partition_point(|c| c.range.start < range.start);
        let to = self
            .citations
            .partition_point(|c| c.range.start < range.end);
        &self.citations[from..to.max(from)]
    }

    /// Whether `offset` lies inside a quotation of the block (in time logarithmic in the
    /// number of quotations).
    pub fn in_quote(&self, offset: usize) -> bool {
        let i = self.quoted.partition_point(|r| r.end <= offset);
        self.quoted.get(i).is_some_and(|r| r.contains(offset))
    }

    pub fn in_citation(&self, offset: usize) -> bool {
        self.citations.iter().any(|c| c.range.contains(offset))
    }

    /// The block moved to start at `to`: every range of its segmentation moved with
    /// it ([`TextRange::moved`]). Two blocks with the same prose are segmented alike
    /// exactly when they are equal moved to one origin.
    pub fn moved_to(&self, to: usize) -> Block {
        let from = self.range.start;
        let mv = |r: &TextRange| r.moved(from, to);
        Block {
            kind: self.kind,
            range: mv(&self.range),
            sentences: self.sentences.iter().map(mv).collect(),
            quotes: self
                .quotes
                .iter()
                .map(|q| Quote {
                    range: mv(&q.range),
                    inner: mv(&q.inner),
                    ..*q
                })
                .collect(),
            quoted: self.quoted.iter().map(mv).collect(),
            parentheticals: self.parentheticals.iter().map(mv).collect(),
            citations: self.citations.iter().map(|c| c.moved(from, to)).collect(),
        }
    }
}

/// A Markdown link `[text](destination)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The whole link in the source.
    pub range: TextRange,
    pub destination: String,
}

/// A parsed document.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: String,
    /// Same length as `source`; non-prose bytes are spaces (line breaks kept).
    pub prose: String,
    pub kind: SourceKind,
    pub front_matter: Option<FrontMatter>,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    /// Footnote references such as `[^1]`.
    pub footnote_refs: Vec<TextRange>,
    /// Where suppression comments may stand: raw HTML in Markdown (`<!-- ... -->`),
    /// `# copydesk-...` directive lines in plain text (blank in the prose view).
    pub comments: Vec<TextRange>,
    /// Emphasis set in the source (Markdown `*...*` and `_..._`, markers included),
    /// outermost spans only, in order; bold is not emphasis.
    pub emphasis: Vec<TextRange>,
    /// The story's dateline (`ASTANA, Sept 20 (Reuters) -`), if it opens with one.
    pub dateline: Option<Dateline>,
    pub line_index: LineIndex,
    /// The acronyms the source expands itself (HTML `<abbr title>`), in order.
    pub abbreviations: Vec<Abbreviation>,
    /// Where the prose view of an HTML page stands apart from its source (decoded
    /// character references) and which of its bytes are text; `None` for other kinds.
    pub source_map: Option<SourceMap>,
    /// A Word document's core-properties dates; none for other kinds.
    pub core_dates: CoreDates,
}

impl Document {
    /// Read `source` as a document of `kind`, recovering from whatever is malformed (as
    /// an editor must, while a page is being written), its sentences split with `words`
    /// (the house style's language; [`Document::parse`] takes the embedded one).
    pub fn parse_with(source: impl Into<String>, kind: SourceKind, words: &dyn ProseWords) -> Self {
        Self::parse_checked(source.into(), kind, words).0
    }

    /// Read `source` as a document of `kind`, or say why it cannot be read as it stands
    /// (an HTML page that ends inside a tag or a comment); its sentences split with
    /// `words`.
    pub fn read_with(
        source: impl Into<String>,
        kind: SourceKind,
        words: &dyn ProseWords,
    ) -> Result<Self, ReadError> {
        match Self::parse_checked(source.into(), kind, words) {
            (doc, None) => Ok(doc),
            (_, Some(reason)) => Err(ReadError(reason)),
        }
    }

    /// Read a Word document from the bytes of its `.docx` file, or say why it cannot be
    /// read (not a zip archive, no document part, XML that does not parse); its
    /// sentences split with `words`.
    pub fn from_docx_with(bytes: &[u8], words: &dyn ProseWords) -> Result<Self, ReadError> {
        let (source, raw, dates) = docx::read(bytes)?;
        let mut doc = Self::assemble(source, SourceKind::Docx, None, raw, Vec::new(), None, words);
        doc.core_dates = dates;
        Ok(doc)
    }

    fn parse_checked(
        source: String,
        kind: SourceKind,
        words: &dyn ProseWords,
    ) -> (Self, Option<String>) {
        let mut front_matter = date::front_matter(&source);
        let mut abbreviations = Vec::new();
        let mut source_map = None;
        let mut malformed = None;
        let raw = match kind {
            SourceKind::Markdown => markdown::scan(&source, front_matter.as_ref()),
            SourceKind::Text => plain::scan(&source, front_matter.as_ref(), words),
            SourceKind::Html => {
                let scan = html::scan(&source);
                front_matter = scan.front_matter;
                abbreviations = scan.abbreviations;
                source_map = Some(scan.map);
                malformed = scan.malformed;
                scan.raw
            }
            SourceKind::Docx => docx::scan_text(&source),
        };
        let doc = Self::assemble(
            source,
            kind,
            front_matter,
            raw,
            abbreviations,
            source_map,
            words,
        );
        (doc, malformed)
    }

    fn assemble(
        source: String,
        kind: SourceKind,
        front_matter: Option<FrontMatter>,
        raw: RawDocument,
        abbreviations: Vec<Abbreviation>,
        source_map: Option<SourceMap>,
        words: &dyn ProseWords,
    ) -> Self {
        let blocks = raw
            .blocks
            .into_iter()
            .map(|(kind, range)| {
                // What a paragraph is by its shape: a header, a caption, a title.
                let kind = match kind {
                    BlockKind::Paragraph => plain::classify(range.slice(&raw.prose), words),
                    other => other,
                };
                segment::segment_block(&raw.prose, kind, range, words)
            })
            .collect();
        let line_index = LineIndex::new(&source);
        let mut doc = Document {
            source,
            prose: raw.prose,
            kind,
            front_matter,
            blocks,
            links: raw.links,
            footnote_refs: raw.footnote_refs,
            comments: raw.comments,
            emphasis: raw.emphasis,
            dateline: None,
            line_index,
            abbreviations,
            source_map,
            core_dates: CoreDates::default(),
        };
        doc.dateline = dateline::find(&doc);
        doc
    }

    /// The source text of a range.
    pub fn text(&self, range: TextRange) -> &str {
        range.slice(&self.source)
    }

    /// The prose view of a range (non-prose blanked).
    pub fn prose_text(&self, range: TextRange) -> &str {
        range.slice(&self.prose)
    }

    /// The source range of a range of the prose view (they differ in an HTML page, where
    /// a decoded character reference moves the rest of its word).
    pub fn source_range(&self, range: TextRange) -> TextRange {
        self.source_map.as_ref().map_or(range, |m| m.range(range))
    }

    /// The prose-view offset that shows a source offset (a cursor's).
    pub fn view_offset(&self, offset: usize) -> usize {
        self.source_map
            .as_ref()
            .map_or(offset, |m| m.view_offset(&self.prose, offset))
    }

    /// Body blocks (paragraphs and list items), in order.
    pub fn body_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_body())
    }

    /// The block that holds `offset`.
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.range.end <= offset);
        self.blocks.get(i).filter(|b| b.range.contains(offset))
    }

    /// Whether `offset` lies inside a quotation.
    pub fn in_quote(&self, offset: usize) -> bool {
        self.block_at(offset).is_some_and(|b| b.in_quote(offset))
    }

    /// Whether `range` lies inside an italic span ([`Document::emphasis`]: Markdown's
    /// `*The Gates of Kiev*`, HTML's `<em>`, `<i>`, `<cite>`): the title of a work, a
    /// ship's or a foreign name, or a word cited as a word. Bold is not italic, and a
    /// whole line of prose in italics (an author's bio) is not a title.
    pub fn in_italics(&self, range: TextRange) -> bool {
        self.emphasis_at(range)
            .is_some_and(|span| !italic_block(&self.prose, span))
    }

    /// Whether `offset` lies inside a Markdown link's range.
    pub fn in_link(&self, offset: usize) -> bool {
        self.links.iter().any(|l| l.range.contains(offset))
    }

    /// The emphasis span that holds all of `range`, if any.
    pub fn emphasis_at(&self, range: TextRange) -> Option<TextRange> {
        let i = self.emphasis.partition_point(|e| e.start <= range.start);
        let span = *self.emphasis.get(i.checked_sub(1)?)?;
        (span.end >= range.end).then_some(span)
    }

    /// The suppression directives of the document's comments, in order.
    pub fn directives(&self) -> Vec<directive::Directive> {
        directive::directives(self)
    }

    /// The date given by a header line (`Date: ...`, `Published: ...`) near the top.
    pub fn header_date(&self) -> Option<jiff::civil::Date> {
        date::header_date(self)
    }
}

/// What the format scanners hand to segmentation.
pub(crate) struct RawDocument {
    pub prose: String,
    pub blocks: Vec<(BlockKind, TextRange)>,
    pub links: Vec<Link>,
    pub footnote_refs: Vec<TextRange>,
    pub comments: Vec<TextRange>,
    pub emphasis: Vec<TextRange>,
}

/// Whether the italic `span` stands alone on its lines and reads as prose (five words
/// or more): an author's bio or a caption set in italics ("*Olena Petrenko is a
/// journalist from Kharkiv.*"), not a title. Read on the prose view, where the markup
/// around it is blank.
fn italic_block(prose: &str, span: TextRange) -> bool {
    let (Some(before), Some(inner), Some(after)) = (
        prose.get(..span.start),
        prose.get(span.start..span.end),
        prose.get(span.end..),
    ) else {
        return false;
    };
    let line_before = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let line_after = after.find('\n').map_or(after, |i| &after[..i]);
    line_before.trim().is_empty()
        && line_after.trim().is_empty()
        && inner.split_whitespace().count() >= 5
}

/// Trim a range to its first and last non-whitespace character in `text`.
pub(crate) fn trim_range(text: &str, range: TextRange) -> TextRange {
    let s = range.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return TextRange::new(range.start, range.start);
    }
    TextRange::new(range.start + lead, range.end - trail)
}

#[cfg(test)]
mod scaling_tests;
#[cfg(test)]
mod tests;
