//! Emphasis in Markdown source: which words are set in italics.

use super::{Document, SourceKind};
use crate::text::TextRange;

/// Whether `at` lies inside a Markdown italic span (`*The Gates of Kiev*`,
/// `_Kiev: A Portrait_`): the title of a work, a ship's or a foreign name, or a word
/// cited as a word, all of which keep the name as written. Bold (`**KIEV —**`) is
/// not italic.
pub(crate) fn in_italics(doc: &Document, at: TextRange) -> bool {
    if doc.kind != SourceKind::Markdown {
        return false;
    }
    let src = doc.source.as_str();
    let (Some(before), Some(after)) = (src.get(..at.start), src.get(at.end..)) else {
        return false;
    };
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = after.find('\n').map_or(src.len(), |i| at.end + i);
    let Some(line) = src.get(start..end) else {
        return false;
    };
    let (from, to) = (at.start - start, at.end - start);
    let mut open = None;
    for (i, c) in line.char_indices() {
        let Some(m) = italic_marker(line, i, c) else {
            continue;
        };
        if i >= to {
            if let (Some(o), true) = (open, m.closes) {
                return !italic_block(line, o, i);
            }
        } else if i < from {
            if open.is_none() && m.opens {
                open = Some(i);
            } else if open.is_some() && m.closes {
                open = None;
            }
        }
    }
    false
}

/// Whether the italic span from the marker at `open` to the one at `close` is the
/// whole line and reads as prose (five words or more): an author's bio or a caption
/// set in italics ("*Olena Petrenko is a journalist from Kharkiv.*"), not a title.
fn italic_block(line: &str, open: usize, close: usize) -> bool {
    let lead = line.len() - line.trim_start().len();
    let inner = line.get(open + 1..close).unwrap_or("");
    open == lead
        && line
            .get(close + 1..)
            .is_some_and(|rest| rest.trim().is_empty())
        && inner.split_whitespace().count() >= 5
}

struct Marker {
    opens: bool,
    closes: bool,
}

/// A single `*` or `_` at byte `i` of `line` that can open or close an italic span.
fn italic_marker(line: &str, i: usize, c: char) -> Option<Marker> {
    if c != '*' && c != '_' {
        return None;
    }
    let prev = line[..i].chars().next_back();
    let next = line[i + c.len_utf8()..].chars().next();
    if prev == Some(c) || next == Some(c) {
        return None;
    }
    let outside = |ch: Option<char>| ch.map_or(true, |ch| !ch.is_alphanumeric());
    let opens = next.is_some_and(|n| !n.is_whitespace()) && outside(prev);
    let closes = prev.is_some_and(|p| !p.is_whitespace()) && outside(next);
    (opens || closes).then_some(Marker { opens, closes })
}
