//! Plain text: paragraphs are separated by blank lines; header, caption and title
//! lines are recognised by their shape.

use crate::text::Pattern;

use super::words::{LineLabels, ProseWords};
use super::{trim_range, BlockKind, FrontMatter, RawDocument};
use crate::text::TextRange;

/// `Publication: ... Volume: 18 Issue: 137`, `Date: ...`, `By ...` style header lines,
/// the page's pointers to other pages (`Read more: ...`, `See also: ...`) and the
/// desk's notes about the piece (`Editor's note: ...`, `Correction: ...`): a line that
/// opens with one of the `header-labels` and a colon.
fn header_line(labels: &str) -> String {
    format!(r"(?i)^{labels}\s*:\s*\S")
}

/// `(Source: ...)`, `Photo: ...`, `Credit: ...` caption and credit lines and lists of
/// sources (`Sources consulted: ...`, `References: ...`): a line that opens with one of
/// the `caption-labels` and a colon.
fn caption_line(labels: &str) -> String {
    format!(r"(?i)^\(?\s*{labels}\s*:")
}

/// Numbered figure and table captions, `Figure 1. FDI inflows (source: UNCTAD)`: one of
/// the `figure-labels` and its number.
fn figure_line(labels: &str) -> String {
    format!(r"(?i)^{labels}\s+\d{{1,2}}[a-z]?\s*[.:—–]\s")
}

/// A picture's caption that ends with its credit, one of the `credit-labels` in
/// brackets: "Monitors at a checkpoint near Mariupol (Source: OSCE)".
fn credit_end(labels: &str) -> String {
    format!(r"(?i)\({labels}\s*:[^()\n]*\)\s*$")
}

/// Whether `line` is a header line ([`header_line`]).
fn is_header_line(line: &str, words: &dyn ProseWords) -> bool {
    words.labels(LineLabels::Header, header_line).is_match(line)
}

/// Whether `line` is a caption or credit line ([`caption_line`], [`figure_line`]).
fn is_caption_line(line: &str, words: &dyn ProseWords) -> bool {
    words
        .labels(LineLabels::Caption, caption_line)
        .is_match(line)
        || words.labels(LineLabels::Figure, figure_line).is_match(line)
}

/// Bare URLs in prose: not prose themselves.
static BARE_URL: Pattern = Pattern::new(r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>()\[\]"“”‘’]+"#);

/// Classify a block of prose by its shape.
pub(crate) fn classify(text: &str, words: &dyn ProseWords) -> BlockKind {
    let text = text.trim();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return BlockKind::Paragraph;
    }
    if lines.iter().all(|l| is_header_line(l, words)) {
        return BlockKind::Header;
    }
    if lines.len() == 1
        && (is_caption_line(lines[0], words)
            || (words
                .labels(LineLabels::Credit, credit_end)
                .is_match(lines[0])
                && lines[0].split_whitespace().count() <= 30))
    {
        return BlockKind::Caption;
    }
    if lines.len() == 1 && (looks_like_title(lines[0]) || quoted_crosshead(lines[0])) {
        return BlockKind::Heading;
    }
    BlockKind::Paragraph
}

/// A single line with no sentence-ending punctuation and no more than 20 words.
fn looks_like_title(line: &str) -> bool {
    let last = line.chars().last().unwrap_or('.');
    // A headline that asks or exclaims, in title case: "Why Did the CSTO Intervene?"
    if matches!(last, '?' | '!') && title_case(line) {
        return true;
    }
    if matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | ',' | ')' | '"' | '”' | '’' | '…' | '\''
    ) {
        return false;
    }
    let words = line.split_whitespace().count();
    let first = line.chars().next().unwrap_or('a');
    words <= 20 && (first.is_uppercase() || first.is_numeric())
}

/// A crosshead that quotes the section's speaker, alone on its line: `"Negotiations
/// coming to a standstill"`. One short quotation of twelve words at most, opening with
/// a capital, with no sentence punctuation before its closing mark: a quoted sentence
/// set as a paragraph ends with its full stop (`"We will not give up."`).
fn quoted_crosshead(line: &str) -> bool {
    let mut chars = line.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let pair = matches!(
        (open, close),
        ('"', '"') | ('“', '”') | ('«', '»') | ('„', '“') | ('‘', '’')
    );
    let inner = chars.as_str().trim();
    let marks = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '„');
    pair && inner.starts_with(char::is_uppercase)
        && !inner.contains(marks)
        && !inner.ends_with(['.', '!', '?', ',', ';', ':', '…'])
        && (1..=12).contains(&inner.split_whitespace().count())
}

/// Three words or more, every word of four letters or more capitalised.
fn title_case(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 3
        && words.len() <= 20
        && words.iter().all(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters < 4
                || w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
        })
        && words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
}

/// Blank bare URLs in the prose view.
pub(crate) fn mask_urls(prose: &mut String) {
    // A URL holds `://` or `www.` (no case variant of `w` lies outside ASCII): a text
    // without either never compiles the pattern.
    let bytes = prose.as_bytes();
    if !bytes.windows(3).any(|w| w == b"://")
        && !bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."))
    {
        return;
    }
    let ranges: Vec<_> = BARE_URL.find_iter(prose).map(|m| m.range()).collect();
    if ranges.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(prose).into_bytes();
    for r in ranges {
        // Do not swallow the full stop that ends a sentence after a URL.
        let mut end = r.end;
        while end > r.start && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?') {
            end -= 1;
        }
        for b in &mut bytes[r.start..end] {
            *b = b' ';
        }
    }
    *prose = String::from_utf8(bytes).expect("only ASCII bytes of whole characters were replaced");
}

/// Replace every byte of `range` in `prose` by a space, keeping line breaks.
pub(crate) fn blank(prose: &mut [u8], range: TextRange) {
    for b in &mut prose[range.start..range.end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// The prose view and the blocks of a plain text; a paragraph's kind by its shape is
/// read later ([`classify`]), but a header or caption line stands alone here.
pub(crate) fn scan(
    source: &str,
    front_matter: Option<&FrontMatter>,
    words: &dyn ProseWords,
) -> RawDocument {
    let mut bytes = source.as_bytes().to_vec();
    if source.starts_with('\u{feff}') {
        blank(&mut bytes, TextRange::new(0, 3));
    }
    if let Some(fm) = front_matter {
        blank(&mut bytes, fm.range);
    }
    // Blanking whole byte runs of ASCII-delimited regions keeps UTF-8 valid only when
    // the blanked range covers whole characters, which ranges from the source do.
    // Suppression directives (`# copydesk-disable ...`) on lines of their own are not
    // prose: no rule sees them, and they do not break the paragraph they stand in.
    let mut comments = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let range = TextRange::new(offset, offset + line.len());
        offset += line.len();
        let in_front_matter = front_matter.is_some_and(|fm| fm.range.contains(range.start));
        if !in_front_matter && super::directive::is_plain_directive(line) {
            blank(&mut bytes, range);
            let mut range = trim_range(source, range);
            if range.start == 0 && source.starts_with('\u{feff}') {
                range.start = 3;
            }
            comments.push(range);
        }
    }
    let mut prose = String::from_utf8(bytes).unwrap_or_else(|_| " ".repeat(source.len()));
    mask_urls(&mut prose);

    let mut blocks = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut para_end = 0;
    let mut offset = 0;
    let flush =
        |blocks: &mut Vec<(BlockKind, TextRange)>, start: usize, end: usize, prose: &str| {
            let range = trim_range(prose, TextRange::new(start, end));
            if !range.is_empty() {
                blocks.push((BlockKind::Paragraph, range));
            }
        };
    for line in prose.split_inclusive('\n') {
        let line_range = TextRange::new(offset, offset + line.len());
        offset += line.len();
        let content = line.trim();
        if comments.iter().any(|c| line_range.covers(*c)) {
            continue;
        }
        if content.is_empty() {
            if let Some(start) = para_start.take() {
                flush(&mut blocks, start, para_end, &prose);
            }
            continue;
        }
        // Header and caption lines stand alone even without a blank line around them.
        if is_header_line(content, words) || is_caption_line(content, words) {
            if let Some(start) = para_start.take() {
                flush(&mut blocks, start, para_end, &prose);
            }
            flush(&mut blocks, line_range.start, line_range.end, &prose);
            continue;
        }
        para_start.get_or_insert(line_range.start);
        para_end = line_range.end;
    }
    if let Some(start) = para_start {
        flush(&mut blocks, start, para_end, &prose);
    }
    RawDocument {
        prose,
        blocks,
        links: Vec::new(),
        footnote_refs: Vec::new(),
        comments,
        emphasis: Vec::new(),
    }
}
