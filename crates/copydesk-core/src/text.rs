//! Byte ranges and the line index that maps byte offsets to lines and columns.
//!
//! The core speaks byte offsets into the original source everywhere; columns in
//! characters (for people) and UTF-16 or UTF-8 code units (for the language server)
//! are computed here, at the edge, from one precomputed table of line starts.

pub mod pattern;

pub use pattern::Pattern;

use std::ops::Range;

/// A half-open byte range `start..end` into a document's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies inside the range (`start <= offset < end`).
    pub const fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether `other` lies entirely inside this range.
    pub const fn covers(&self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two ranges share at least one byte (or both are the same empty point).
    pub const fn overlaps(&self, other: TextRange) -> bool {
        (self.start < other.end && other.start < self.end)
            || (self.start == other.start && self.end == other.end)
    }

    /// The range moved by `delta` bytes (used for ranges computed on a slice).
    pub const fn shift(self, delta: usize) -> Self {
        Self::new(self.start + delta, self.end + delta)
    }

    /// The range moved as `from` moves to `to`, in wrapping arithmetic: a one-to-one
    /// map of ranges, so two blocks are the same text at different places exactly when
    /// their ranges moved to one origin are equal (never a panic on a range before
    /// `from`).
    pub const fn moved(self, from: usize, to: usize) -> Self {
        Self {
            start: self.start.wrapping_sub(from).wrapping_add(to),
            end: self.end.wrapping_sub(from).wrapping_add(to),
        }
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub const fn as_range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for TextRange {
    fn from(r: Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}

/// How columns are counted in a [`Position`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Unicode scalar values (what a person counts; used in CLI output).
    Char,
    /// UTF-16 code units (the LSP default).
    Utf16,
    /// UTF-8 bytes (LSP `positionEncoding: "utf-8"`).
    Utf8,
}

/// A zero-based line and column, the column counted in an [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

/// The start offset of every line of a text. Lines end at `\n`, `\r\n` or a lone `\r`,
/// as the Language Server Protocol counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(i + 2);
                    i += 1;
                }
                b'\r' => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Self {
            line_starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Zero-based line that holds `offset` (an offset at the end of the text is on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte range of a zero-based line, without its line terminator.
    pub fn line_range(&self, line: usize, text: &str) -> Option<TextRange> {
        let start = *self.line_starts.get(line)?;
        let mut end = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(TextRange::new(start, end))
    }

    /// Position of a byte offset. Offsets past the end, or inside a multi-byte
    /// character, are clamped to the nearest character boundary before it.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let prefix = &text[start..offset];
        let character = match encoding {
            Encoding::Char => prefix.chars().count(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
            Encoding::Utf8 => prefix.len(),
        };
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    /// One-based line and one-based character column of a byte offset, for people. A
    /// byte-order mark is invisible and not counted.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let p = self.position(text, offset, Encoding::Char);
        let bom = usize::from(p.line == 0 && p.character > 0 && text.starts_with('\u{feff}'));
        (p.line as usize + 1, p.character as usize + 1 - bom)
    }

    /// Byte offset of a position, or `None` when the line does not exist. A column past
    /// the end of its line is clamped to the end of the line, and a column that falls
    /// inside a character (a UTF-16 surrogate half) to the start of that character, as
    /// the LSP specification asks.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> Option<usize> {
        let line = position.line as usize;
        if line == self.line_starts.len() && position.character == 0 {
            return Some(self.len);
        }
        let range = self.line_range(line, text)?;
        let line_text = range.slice(text);
        let wanted = position.character as usize;
        let mut counted = 0;
        for (i, ch) in line_text.char_indices() {
            let width = match encoding {
                Encoding::Char => 1,
                Encoding::Utf16 => ch.len_utf16(),
                Encoding::Utf8 => ch.len_utf8(),
            };
            if counted + width > wanted {
                return Some(range.start + i);
            }
            counted += width;
        }
        Some(range.end)
    }
}

/// Whether `text[start..end]` stands as a whole word: no letter or digit touches it on
/// either side ("Kievan" holds no "Kiev"). Checked after a match rather than with `\b`
/// in the pattern, which would keep a large alternation off the regex's fast path.
pub fn whole_word_at(text: &str, start: usize, end: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !word(before) && !word(after)
}

/// `text` as a case-insensitive regex reads ASCII words: ASCII letters in lower case,
/// and the two characters that Unicode case folding pairs with ASCII letters (the Kelvin
/// sign with `k`, the long s with `s`) as those letters. Letters stay letters, so the
/// words of the text and what separates them are unchanged.
pub fn fold_ascii_case(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{212A}' => 'k',
            '\u{17F}' => 's',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Whether `text` may hold one of `words` (lower-case ASCII) where a case-insensitive
/// regex would find it ([`fold_ascii_case`]). A necessary condition, tested before a
/// large case-insensitive pattern that needs one of the words, so that a text without
/// them never compiles it.
pub fn may_hold_folded(text: &str, words: &[&str]) -> bool {
    let folded = fold_ascii_case(text);
    words.iter().any(|w| folded.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_words_are_where_a_case_insensitive_regex_finds_them() {
        let regex = regex::Regex::new(r"(?i)known|tweet|kiss").unwrap();
        let words = ["known", "tweet", "kiss"];
        for text in [
            "KNOWN as",
            "Tweeted",
            "\u{212A}nown",
            "\u{212A}i\u{17F}\u{17F}",
            "unknowable",
            "k\u{e9}nown",
            "",
        ] {
            assert_eq!(
                may_hold_folded(text, &words),
                regex.is_match(text),
                "{text}"
            );
        }
    }

    #[test]
    fn lines_end_at_lf_crlf_and_cr() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_range(1, text).unwrap().slice(text), "b");
        assert_eq!(index.line_col(text, text.find('d').unwrap()), (4, 1));
    }

    #[test]
    fn columns_count_characters_and_code_units() {
        let text = "x\n—“Türkiye” 😀 Astana";
        let index = LineIndex::new(text);
        let at = text.find("Astana").unwrap();
        assert_eq!(index.line_col(text, at), (2, 14));
        let utf16 = index.position(text, at, Encoding::Utf16);
        assert_eq!(
            utf16,
            Position {
                line: 1,
                character: 14
            }
        );
        let utf8 = index.position(text, at, Encoding::Utf8);
        assert_eq!(utf8.character as usize, at - 2);
        for enc in [Encoding::Char, Encoding::Utf16, Encoding::Utf8] {
            let p = index.position(text, at, enc);
            assert_eq!(index.offset(text, p, enc), Some(at));
        }
    }

    #[test]
    fn byte_order_mark_is_not_a_column() {
        let text = "\u{feff}Astana";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), (1, 1));
        assert_eq!(index.line_col(text, 4), (1, 2));
    }

    #[test]
    fn out_of_range_positions_are_clamped_or_none() {
        let text = "abc\n😀x";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 9,
                    character: 0
                },
                Encoding::Utf16
            ),
            None
        );
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 0,
                    character: 99
                },
                Encoding::Utf16
            ),
            Some(3)
        );
        // Inside the surrogate pair of the emoji: the start of the emoji.
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 1,
                    character: 1
                },
                Encoding::Utf16
            ),
            Some(4)
        );
        assert_eq!(index.position(text, 999, Encoding::Char).line, 1);
    }

    #[test]
    fn a_whole_word_has_no_letter_or_digit_beside_it() {
        let text = "Kievan Rus, old Kiev, Kiev2";
        let at = |w: &str, from: usize| {
            let i = text[from..].find(w).unwrap() + from;
            whole_word_at(text, i, i + w.len())
        };
        assert!(!at("Kiev", 0));
        assert!(at("Kiev", 15));
        assert!(!at("Kiev", 22));
    }
}
