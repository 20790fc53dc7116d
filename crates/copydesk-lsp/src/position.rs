//! Byte offsets <-> LSP positions, in the encoding negotiated with the client.
//!
//! The core speaks byte offsets into the source; this is the one module that turns
//! them into LSP `Position`s and back. Positions that do not exist are `None`, never a
//! panic. Two views are served: a [`LineIndex`] over a `&str` (diagnostics, actions,
//! hover) and a [`Rope`] (applying incremental edits to the stored document).

use copydesk_core::{Encoding, LineIndex, TextRange};
use ropey::Rope;
use tower_lsp::lsp_types::{self as lsp, PositionEncodingKind};

/// How the columns of LSP positions are counted on this connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    /// UTF-8 bytes, when the client offers `utf-8` in `general.positionEncodings`.
    Utf8,
    /// UTF-16 code units: the LSP default, and what every client understands.
    #[default]
    Utf16,
}

impl PositionEncoding {
    /// UTF-8 if the client offers it (the core counts bytes, so nothing is converted),
    /// otherwise the mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Self::Utf8,
            _ => Self::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Self::Utf8 => PositionEncodingKind::UTF8,
            Self::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn core(self) -> Encoding {
        match self {
            Self::Utf8 => Encoding::Utf8,
            Self::Utf16 => Encoding::Utf16,
        }
    }

    fn width(self, ch: char) -> usize {
        match self {
            Self::Utf8 => ch.len_utf8(),
            Self::Utf16 => ch.len_utf16(),
        }
    }
}

/// A text with its line index, for converting positions without rescanning it.
#[derive(Debug, Clone, Copy)]
pub struct Positions<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: PositionEncoding,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str, index: &'a LineIndex, encoding: PositionEncoding) -> Self {
        Self {
            text,
            index,
            encoding,
        }
    }

    /// The LSP position of a byte offset (clamped to the text and to a char boundary).
    pub fn position(&self, offset: usize) -> lsp::Position {
        let p = self.index.position(self.text, offset, self.encoding.core());
        lsp::Position::new(p.line, p.character)
    }

    pub fn range(&self, range: TextRange) -> lsp::Range {
        lsp::Range::new(self.position(range.start), self.position(range.end))
    }

    /// The byte offset of an LSP position, or `None` when its line does not exist. A
    /// column past the end of the line means the end of the line, as LSP asks.
    pub fn offset(&self, position: lsp::Position) -> Option<usize> {
        let p = copydesk_core::Position {
            line: position.line,
            character: position.character,
        };
        self.index.offset(self.text, p, self.encoding.core())
    }

    /// The byte range of an LSP range, or `None` when a line does not exist or the
    /// range ends before it starts.
    pub fn text_range(&self, range: lsp::Range) -> Option<TextRange> {
        let start = self.offset(range.start)?;
        let end = self.offset(range.end)?;
        (start <= end).then(|| TextRange::new(start, end))
    }
}

/// Whether two LSP ranges touch or overlap (a cursor at either end of a range counts).
pub fn ranges_touch(a: lsp::Range, b: lsp::Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The char index in `rope` of an LSP position, or `None` when its line does not exist.
/// The line just after the last one is accepted at column 0 (the end of the text). A
/// column past the end of its line is the end of the line; a column inside a character
/// (half a surrogate pair) is the start of that character.
pub fn rope_char_index(
    rope: &Rope,
    position: lsp::Position,
    encoding: PositionEncoding,
) -> Option<usize> {
    let line = usize::try_from(position.line).ok()?;
    let lines = rope.len_lines();
    if line == lines && position.character == 0 {
        return Some(rope.len_chars());
    }
    if line >= lines {
        return None;
    }
    let line_start = rope.try_line_to_char(line).ok()?;
    let wanted = position.character as usize;
    let mut counted = 0;
    for (i, ch) in rope.line(line).chars().enumerate() {
        if ch == '\n' || ch == '\r' {
            return Some(line_start + i);
        }
        let width = encoding.width(ch);
        if counted + width > wanted {
            return Some(line_start + i);
        }
        counted += width;
    }
    Some(
        rope.len_chars()
            .min(line_start + rope.line(line).len_chars()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TEXT: &str = "Ankara — “Türkiye” said\nМосква 😀 Agust here\r\nlast";

    fn pos(line: u32, character: u32) -> lsp::Position {
        lsp::Position::new(line, character)
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        assert_eq!(PositionEncoding::negotiate(None), PositionEncoding::Utf16);
        assert_eq!(
            PositionEncoding::negotiate(Some(&[PositionEncodingKind::UTF16])),
            PositionEncoding::Utf16
        );
        assert_eq!(
            PositionEncoding::negotiate(Some(&[
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ])),
            PositionEncoding::Utf8
        );
        assert_eq!(
            PositionEncoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            PositionEncoding::Utf16
        );
    }

    #[test]
    fn utf16_columns_over_non_ascii_text() {
        let index = LineIndex::new(TEXT);
        let p = Positions::new(TEXT, &index, PositionEncoding::Utf16);
        let at = TEXT.find("Agust").unwrap();
        // "Москва " is 7 units, the emoji 2, the space 1.
        assert_eq!(p.position(at), pos(1, 10));
        assert_eq!(p.offset(pos(1, 10)), Some(at));
        let said = TEXT.find("said").unwrap();
        // "Ankara — “Türkiye” " : every char one UTF-16 unit.
        assert_eq!(p.position(said), pos(0, 19));
        assert_eq!(p.offset(pos(0, 19)), Some(said));
    }

    #[test]
    fn utf8_columns_are_bytes_within_the_line() {
        let index = LineIndex::new(TEXT);
        let p = Positions::new(TEXT, &index, PositionEncoding::Utf8);
        let at = TEXT.find("Agust").unwrap();
        let line_start = TEXT.find('М').unwrap();
        let col = (at - line_start) as u32;
        assert_eq!(p.position(at), pos(1, col));
        assert_eq!(p.offset(pos(1, col)), Some(at));
        let range = TextRange::new(at, at + 5);
        assert_eq!(p.text_range(p.range(range)), Some(range));
    }

    #[test]
    fn out_of_range_is_none_or_clamped() {
        let index = LineIndex::new(TEXT);
        let p = Positions::new(TEXT, &index, PositionEncoding::Utf16);
        assert_eq!(p.offset(pos(7, 0)), None);
        assert_eq!(p.offset(pos(0, 999)), TEXT.find('\n'));
        assert_eq!(p.text_range(lsp::Range::new(pos(1, 3), pos(1, 1))), None);
        assert_eq!(p.position(usize::MAX), pos(2, 4));
    }

    #[test]
    fn rope_positions_match_the_line_index() {
        let rope = Rope::from_str(TEXT);
        for encoding in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
            let index = LineIndex::new(TEXT);
            let p = Positions::new(TEXT, &index, encoding);
            for (offset, _) in TEXT.char_indices() {
                if TEXT[..offset].ends_with('\r') {
                    // Between CR and LF: no position of its own.
                    continue;
                }
                let lsp_pos = p.position(offset);
                let char_index = rope_char_index(&rope, lsp_pos, encoding).unwrap();
                assert_eq!(rope.char_to_byte(char_index), offset, "{lsp_pos:?}");
            }
        }
    }

    #[test]
    fn rope_positions_out_of_range() {
        let rope = Rope::from_str("ab\n😀c");
        let enc = PositionEncoding::Utf16;
        assert_eq!(rope_char_index(&rope, pos(5, 0), enc), None);
        assert_eq!(rope_char_index(&rope, pos(2, 1), enc), None);
        assert_eq!(
            rope_char_index(&rope, pos(2, 0), enc),
            Some(rope.len_chars())
        );
        assert_eq!(rope_char_index(&rope, pos(0, 99), enc), Some(2));
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(rope_char_index(&rope, pos(1, 1), enc), Some(3));
        assert_eq!(rope_char_index(&rope, pos(1, 2), enc), Some(4));
        assert_eq!(rope_char_index(&rope, pos(1, 9), enc), Some(5));
        // NEL and U+2028 are not line breaks for LSP.
        let rope = Rope::from_str("a\u{85}b\u{2028}c\nd");
        assert_eq!(rope.len_lines(), 2);
        assert_eq!(rope_char_index(&rope, pos(1, 0), enc), Some(6));
    }

    /// Texts with every line end (LF, CRLF, a lone CR), the breaks LSP does not count
    /// (NEL, U+2028), and characters of every width in both encodings.
    fn text() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "a",
            " ",
            "\t",
            "é",
            "e\u{301}",
            "😀",
            "Москва",
            "“",
            "\u{feff}",
            "\n",
            "\r\n",
            "\r",
            "\u{85}",
            "\u{2028}",
        ];
        proptest::collection::vec(proptest::sample::select(PIECES), 0..60)
            .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Every offset (but between CR and LF) goes to a position and back, through the
        /// line index and through the rope.
        #[test]
        fn positions_round_trip(text in text(), utf8 in any::<bool>()) {
            let encoding = if utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
            let index = LineIndex::new(&text);
            let p = Positions::new(&text, &index, encoding);
            let rope = Rope::from_str(&text);
            let offsets = text.char_indices().map(|(i, _)| i).chain([text.len()]);
            for offset in offsets {
                if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                    continue;
                }
                let position = p.position(offset);
                prop_assert_eq!(p.offset(position), Some(offset), "{:?}", position);
                let char_index = rope_char_index(&rope, position, encoding);
                prop_assert_eq!(
                    char_index.map(|i| rope.char_to_byte(i)),
                    Some(offset),
                    "{:?}",
                    position
                );
            }
        }
    }
}
