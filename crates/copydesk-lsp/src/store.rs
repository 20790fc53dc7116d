//! The open documents: their text in a rope, version and kind, and the edits the
//! client sends (full and incremental sync).

use std::fmt;
use std::path::Path;

use copydesk_core::SourceKind;
use ropey::Rope;
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, Url};

use crate::position::{rope_char_index, PositionEncoding};

/// An edit that cannot be applied: the document is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// A position of the edit's range is on a line the document does not have.
    OutOfRange { line: u32, character: u32 },
    /// The range ends before it starts.
    Reversed,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::OutOfRange { line, character } => write!(
                f,
                "edit position {line}:{character} is outside the document"
            ),
            EditError::Reversed => f.write_str("edit range ends before it starts"),
        }
    }
}

impl std::error::Error for EditError {}

/// The kind of document from the client's language id, or else the file extension
/// (both tables are the core's).
pub fn source_kind(uri: &Url, language_id: &str) -> SourceKind {
    SourceKind::from_language_id(language_id)
        .or_else(|| SourceKind::from_path(Path::new(uri.path())))
        .unwrap_or(SourceKind::Text)
}

/// The file name of a `file:` URI (for the `YYYY-MM-DD-` publication date prefix).
pub fn file_name(uri: &Url) -> Option<String> {
    uri.path_segments()?
        .next_back()
        .filter(|s| !s.is_empty())
        // Not percent-decoded: only the ASCII `YYYY-MM-DD` prefix is read.
        .map(str::to_string)
}

/// One open document.
#[derive(Debug, Clone)]
pub struct TextDocument {
    rope: Rope,
    pub version: i32,
    pub kind: SourceKind,
}

impl TextDocument {
    pub fn new(text: &str, version: i32, kind: SourceKind) -> Self {
        Self {
            rope: Rope::from_str(text),
            version,
            kind,
        }
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The length of the text in bytes (UTF-8).
    pub fn byte_len(&self) -> usize {
        self.rope.len_bytes()
    }

    /// Apply the changes of one `didChange` in order. Either all apply or none does.
    pub fn apply_changes(
        &mut self,
        changes: &[TextDocumentContentChangeEvent],
        version: i32,
        encoding: PositionEncoding,
    ) -> Result<(), EditError> {
        let mut rope = self.rope.clone();
        for change in changes {
            let Some(range) = change.range else {
                rope = Rope::from_str(&change.text);
                continue;
            };
            let at = |p: tower_lsp::lsp_types::Position| {
                rope_char_index(&rope, p, encoding).ok_or(EditError::OutOfRange {
                    line: p.line,
                    character: p.character,
                })
            };
            let start = at(range.start)?;
            let end = at(range.end)?;
            if end < start {
                return Err(EditError::Reversed);
            }
            rope.remove(start..end);
            rope.insert(start, &change.text);
        }
        self.rope = rope;
        self.version = version;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::{Position, Range};

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(sl, sc), Position::new(el, ec))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_edits_after_non_ascii_text() {
        let mut doc = TextDocument::new("“Türkiye” 😀 (TASS, Agust 20).\n", 1, SourceKind::Text);
        // UTF-16: “Türkiye” is 9 units, space, emoji 2, space, "(TASS, " 7 → 20.
        doc.apply_changes(
            &[change(0, 20, 0, 25, "August")],
            2,
            PositionEncoding::Utf16,
        )
        .unwrap();
        assert_eq!(doc.text(), "“Türkiye” 😀 (TASS, August 20).\n");
        assert_eq!(doc.version, 2);
        let start = "“Türkiye” 😀 (TASS, ".len() as u32;
        doc.apply_changes(
            &[change(0, start, 0, start + 6, "July")],
            3,
            PositionEncoding::Utf8,
        )
        .unwrap();
        assert_eq!(doc.text(), "“Türkiye” 😀 (TASS, July 20).\n");
    }

    #[test]
    fn several_changes_apply_in_order_and_full_replacement() {
        let mut doc = TextDocument::new("one\ntwo\n", 1, SourceKind::Text);
        doc.apply_changes(
            &[
                change(0, 0, 0, 3, "1"),
                change(1, 0, 1, 0, "x"),
                change(2, 0, 2, 0, "end"),
            ],
            2,
            PositionEncoding::Utf16,
        )
        .unwrap();
        assert_eq!(doc.text(), "1\nxtwo\nend");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "fresh".into(),
        };
        doc.apply_changes(&[full, change(0, 5, 0, 5, "!")], 3, PositionEncoding::Utf16)
            .unwrap();
        assert_eq!(doc.text(), "fresh!");
    }

    #[test]
    fn out_of_range_edits_leave_the_document_alone() {
        let mut doc = TextDocument::new("abc\n", 1, SourceKind::Text);
        let err = doc
            .apply_changes(
                &[change(0, 0, 0, 1, "X"), change(9, 0, 9, 1, "Y")],
                2,
                PositionEncoding::Utf16,
            )
            .unwrap_err();
        assert_eq!(
            err,
            EditError::OutOfRange {
                line: 9,
                character: 0
            }
        );
        assert_eq!(doc.text(), "abc\n");
        assert_eq!(doc.version, 1);
        let err = doc
            .apply_changes(&[change(0, 2, 0, 1, "")], 2, PositionEncoding::Utf16)
            .unwrap_err();
        assert_eq!(err, EditError::Reversed);
    }

    #[test]
    fn kinds_from_language_id_or_extension() {
        let md = Url::parse("file:///news/2021-08-23-talks.md").unwrap();
        let txt = Url::parse("file:///news/story.txt").unwrap();
        assert_eq!(source_kind(&md, "markdown"), SourceKind::Markdown);
        assert_eq!(source_kind(&txt, "markdown"), SourceKind::Markdown);
        assert_eq!(source_kind(&md, "other"), SourceKind::Markdown);
        assert_eq!(source_kind(&txt, "plaintext"), SourceKind::Text);
        assert_eq!(source_kind(&txt, ""), SourceKind::Text);
        assert_eq!(file_name(&md).as_deref(), Some("2021-08-23-talks.md"));
    }
}
