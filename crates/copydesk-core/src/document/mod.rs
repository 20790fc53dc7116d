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
mod emphasis;
mod markdown;
mod plain;
mod quotes;
mod segment;

use std::path::Path;

pub use citation::{
    edit_distance, month_of, CitationDate, CitationGroup, CitationItem, MONTHS, WEEKDAYS,
};
pub use date::{
    parse_date_text, yearless_date, DateSource, PublicationDate, YearlessDay, LAST_YEAR_WINDOW_DAYS,
};
pub use dateline::Dateline;
pub use quotes::Quote;

use crate::text::{LineIndex, TextRange};

/// The input format of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Text,
    Markdown,
}

impl SourceKind {
    /// File extensions read as Markdown.
    pub const MARKDOWN_EXTENSIONS: &'static [&'static str] =
        &["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"];
    /// File extensions read as plain text.
    pub const TEXT_EXTENSIONS: &'static [&'static str] = &["txt", "text"];

    /// The kind for a file name by its extension (`.txt`, `.md`, `.markdown`, ...), if
    /// any. The one table of extensions, for the CLI's directory walk and the editor.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if Self::MARKDOWN_EXTENSIONS.contains(&ext.as_str()) {
            Some(SourceKind::Markdown)
        } else if Self::TEXT_EXTENSIONS.contains(&ext.as_str()) {
            Some(SourceKind::Text)
        } else {
            None
        }
    }
}

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

    /// The sentence that holds `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<TextRange> {
        self.sentences
            .iter()
            .copied()
            .find(|s| s.start <= offset && offset < s.end)
    }

    /// The innermost quotation that holds `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        self.quotes
            .iter()
            .filter(|q| q.range.contains(offset))
            .max_by_key(|q| q.depth)
    }

    pub fn in_citation(&self, offset: usize) -> bool {
        self.citations.iter().any(|c| c.range.contains(offset))
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
    /// The story's dateline (`ASTANA, Sept 20 (Reuters) -`), if it opens with one.
    pub dateline: Option<Dateline>,
    pub line_index: LineIndex,
}

impl Document {
    pub fn parse(source: impl Into<String>, kind: SourceKind) -> Self {
        let source = source.into();
        let front_matter = date::front_matter(&source);
        let raw = match kind {
            SourceKind::Markdown => markdown::scan(&source, front_matter.as_ref()),
            SourceKind::Text => plain::scan(&source, front_matter.as_ref()),
        };
        let blocks = raw
            .blocks
            .into_iter()
            .map(|(kind, range)| segment::segment_block(&raw.prose, kind, range))
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
            dateline: None,
            line_index,
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
        self.block_at(offset)
            .is_some_and(|b| b.quote_at(offset).is_some())
    }

    /// Whether `range` lies inside a Markdown italic span (`*The Gates of Kiev*`): the
    /// title of a work, a ship's or a foreign name, or a word cited as a word. Bold is
    /// not italic, and a whole line of prose in italics (an author's bio) is not a title.
    pub fn in_italics(&self, range: TextRange) -> bool {
        emphasis::in_italics(self, range)
    }

    /// Whether `offset` lies inside a Markdown link's range.
    pub fn in_link(&self, offset: usize) -> bool {
        self.links.iter().any(|l| l.range.contains(offset))
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
