//! Control characters made visible, as ripgrep shows them: a checked file's text or name
//! never reaches the terminal raw (no escape sequence can retitle the terminal, forge a
//! hyperlink, ring the bell or move the cursor), and a record never breaks where the
//! format does not break it.
//!
//! A C0 control character or DEL becomes `\xNN` (`\x1b` for ESC, `\x07` for BEL), a C1
//! control character `\u{NN}`. Tabs stay; line breaks stay only where [`Keep`] says.
//! A backslash is left as it is, so text without control characters prints unchanged.
//!
//! Invisible format characters are shown the same way (`\u{202e}`): the bidirectional
//! controls, which make a terminal show text in another order than it is read ("Trojan
//! Source"), and the characters that take no space and hide a difference (zero-width
//! space, word joiner, soft hyphen, byte order mark, tag characters). The zero-width
//! joiner and non-joiner stay: Persian, the Indic scripts and emoji need them.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

/// Which line breaks a text keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// None: a file name, a one-line record.
    NoLineBreaks,
    /// `\n`, and `\r` just before `\n`: a message or a source excerpt of several lines.
    LineBreaks,
}

/// Whether `c` at byte `i` of `s` is shown as it is.
fn is_plain(s: &str, i: usize, c: char, keep: Keep) -> bool {
    match c {
        '\t' => true,
        '\n' => keep == Keep::LineBreaks,
        '\r' => keep == Keep::LineBreaks && s[i + 1..].starts_with('\n'),
        c => !c.is_control() && !is_invisible_format(c),
    }
}

/// Whether `c` is a bidirectional control or another format character that shows
/// nothing (except the joiners that scripts need).
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

fn push_escaped(out: &mut String, c: char) {
    let n = c as u32;
    // Writing to a String cannot fail.
    let _ = if n < 0x80 {
        write!(out, "\\x{n:02x}")
    } else {
        write!(out, "\\u{{{n:x}}}")
    };
}

/// `s` with its control characters escaped.
pub fn escape(s: &str, keep: Keep) -> Cow<'_, str> {
    if s.char_indices().all(|(i, c)| is_plain(s, i, c, keep)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        if is_plain(s, i, c, keep) {
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// How many characters [`escape`] makes of `s` when it keeps line breaks.
pub fn escaped_chars(s: &str) -> usize {
    let mut count = 0;
    let mut scratch = String::new();
    for (i, c) in s.char_indices() {
        if is_plain(s, i, c, Keep::LineBreaks) {
            count += 1;
        } else {
            scratch.clear();
            push_escaped(&mut scratch, c);
            count += scratch.chars().count();
        }
    }
    count
}

/// [`escape`] of a source excerpt (line breaks kept) and where the byte range `span` of
/// `source` lies in the escaped text.
pub fn escape_source(source: &str, span: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    let escaped = escape(source, Keep::LineBreaks);
    if let Cow::Borrowed(_) = escaped {
        return (escaped, span);
    }
    // The escaped offset of an original offset: the original plus what escaping added
    // before it.
    let mut added = 0;
    let mut start = None;
    let mut end = None;
    let mut scratch = String::new();
    for (i, c) in source.char_indices() {
        if start.is_none() && i >= span.start {
            start = Some(i + added);
        }
        if end.is_none() && i >= span.end {
            end = Some(i + added);
        }
        if !is_plain(source, i, c, Keep::LineBreaks) {
            scratch.clear();
            push_escaped(&mut scratch, c);
            added += scratch.len() - c.len_utf8();
        }
    }
    let start = start.unwrap_or(span.start + added);
    let end = end.unwrap_or(span.end + added).max(start);
    (escaped, start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_as_ripgrep_shows_them() {
        let s = "a\u{1b}]0;owned\u{7}b\u{1b}[31m\u{7f}\u{9b}c\\x1b\td";
        assert_eq!(
            escape(s, Keep::NoLineBreaks),
            "a\\x1b]0;owned\\x07b\\x1b[31m\\x7f\\u{9b}c\\x1b\td"
        );
        assert!(matches!(
            escape("plain `text`\t", Keep::NoLineBreaks),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn bidirectional_controls_and_invisible_characters_are_shown() {
        let s = "a\u{202e}txt.exe\u{202c} \u{2066}b\u{2069}\u{200e}\u{200f}\u{61c}";
        assert_eq!(
            escape(s, Keep::NoLineBreaks),
            "a\\u{202e}txt.exe\\u{202c} \\u{2066}b\\u{2069}\\u{200e}\\u{200f}\\u{61c}"
        );
        let hidden = "As\u{200b}ta\u{ad}na\u{2060}\u{feff}\u{e0041}";
        assert_eq!(
            escape(hidden, Keep::LineBreaks),
            "As\\u{200b}ta\\u{ad}na\\u{2060}\\u{feff}\\u{e0041}"
        );
        // The joiners that scripts and emoji need, and visible text, stay.
        let kept = "می\u{200c}خواهم 👩\u{200d}🔬 Москва “Türkiye” café";
        assert!(matches!(escape(kept, Keep::NoLineBreaks), Cow::Borrowed(_)));
        assert_eq!(escaped_chars("\u{202e}ab"), "\\u{202e}ab".chars().count());
    }

    #[test]
    fn line_breaks_are_kept_only_where_asked() {
        assert_eq!(escape("a\nb\r\nc\rd", Keep::LineBreaks), "a\nb\r\nc\\x0dd");
        assert_eq!(
            escape("a\nb\r\nc", Keep::NoLineBreaks),
            "a\\x0ab\\x0d\\x0ac"
        );
    }

    #[test]
    fn the_span_follows_the_escaped_text() {
        let source = "\u{1b}[2J Astana \u{7} x";
        let start = source.find("Astana").unwrap();
        let (escaped, span) = escape_source(source, start..start + 6);
        assert_eq!(&escaped[span.clone()], "Astana");
        let (escaped, span) = escape_source(source, 0..source.len());
        assert_eq!(&escaped[span], &*escaped);
        let (escaped, span) = escape_source("plain", 1..3);
        assert_eq!((&*escaped, span), ("plain", 1..3));
    }
}
