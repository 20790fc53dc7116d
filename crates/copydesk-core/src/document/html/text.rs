//! The text of an HTML page in the prose view: character references (`&nbsp;`,
//! `&#8220;`, `&amp;`) are decoded for the rules, and every offset a rule can hold still
//! names a place in the source.
//!
//! A reference is longer than the character it stands for (`&rsquo;` is seven bytes,
//! `’` three), and the prose view keeps the source's length. Padding the gap in place
//! would cut words in two (`don’    t`), so the rest of the word closes up behind the
//! decoded character and the padding goes where the word ends (`don’t    `). Only the
//! rest of such a word stands apart from the source, and [`SourceMap`] says where each
//! of its bytes comes from. A word is not closed up past a character outside ASCII:
//! there the padding goes first, so that every offset in a moved stretch falls on a
//! character boundary of the source as well as of the view.

use crate::text::Pattern;

use html5gum::{Token, Tokenizer};

use crate::text::TextRange;

/// A character reference as the tokenizer may read one: named (with or without its
/// semicolon), decimal or hexadecimal.
static REFERENCE: Pattern =
    Pattern::new(r"^&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)");

/// From offsets of the prose view to offsets of an HTML source, and the stretches of
/// the source a fix may edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// `(view offset, source offset)` for each character and padding byte of the view
    /// that stands apart from the source, in order; every other offset is the same.
    anchors: Vec<(usize, usize)>,
    /// The source ranges of the article's text, in order (markup lies between them).
    runs: Vec<TextRange>,
}

impl SourceMap {
    /// The source offset of a prose-view offset.
    pub fn offset(&self, offset: usize) -> usize {
        match self.anchors.binary_search_by_key(&offset, |a| a.0) {
            Ok(i) => self.anchors[i].1,
            Err(_) => offset,
        }
    }

    /// The source range of a prose-view range.
    pub fn range(&self, range: TextRange) -> TextRange {
        let start = self.offset(range.start);
        TextRange::new(start, self.offset(range.end).max(start))
    }

    /// Whether an edit of `range` (a range of the prose view) changes only text: the
    /// range lies within one run of the article's text, and the view there is the
    /// source itself (no decoded reference, nothing moved).
    pub fn editable(&self, source: &str, prose: &str, range: TextRange) -> bool {
        let i = self.runs.partition_point(|r| r.end < range.start);
        let Some(run) = self.runs.get(i) else {
            return false;
        };
        run.start <= range.start
            && range.end <= run.end
            && source.get(range.start..range.end) == prose.get(range.start..range.end)
            && self.offset(range.start) == range.start
            && self.offset(range.end) == range.end
    }

    /// The prose-view offset that shows the source offset `offset` (a cursor's): the
    /// last view offset whose source offset is not after it (the map is monotonic), on
    /// a character boundary of `prose`. Inside a reference, the start of its decoded
    /// character.
    pub fn view_offset(&self, prose: &str, offset: usize) -> usize {
        let (mut lo, mut hi) = (0, prose.len().min(offset));
        // The largest v in [lo, hi] with self.offset(v) <= offset (v = 0 always fits).
        while lo < hi {
            let mid = lo + (hi - lo).div_ceil(2);
            if self.offset(mid) <= offset {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while lo > 0 && !prose.is_char_boundary(lo) {
            lo -= 1;
        }
        lo
    }

    /// The source range of each run of text, in order.
    pub fn runs(&self) -> &[TextRange] {
        &self.runs
    }
}

/// The character(s) a reference at the start of `text` stands for, as the HTML
/// tokenizer decodes it, and the reference's length; `None` when `text` does not start
/// with a reference. A page repeats its references (`&rsquo;`, `&#8220;`): `cache`
/// keeps what each one decoded to.
fn reference_at(text: &str, cache: &mut Vec<(String, Option<String>)>) -> Option<(usize, String)> {
    let m = REFERENCE.find(text)?;
    let raw = m.as_str();
    if let Some((_, decoded)) = cache.iter().find(|(r, _)| r == raw) {
        return decoded.clone().map(|d| (raw.len(), d));
    }
    let decoded = decode(raw);
    cache.push((raw.to_string(), decoded.clone()));
    decoded.map(|d| (raw.len(), d))
}

/// What the tokenizer reads a reference as, when it is one.
fn decode(raw: &str) -> Option<String> {
    let mut decoded = String::new();
    for token in Tokenizer::new(raw).flatten() {
        if let Token::String(s) = token {
            decoded.push_str(&String::from_utf8_lossy(&s));
        }
    }
    (!decoded.is_empty() && decoded != raw).then_some(decoded)
}

/// Writes the article's text runs into the prose view and builds the [`SourceMap`].
pub(super) struct TextWriter {
    map: SourceMap,
    cache: Vec<(String, Option<String>)>,
}

impl TextWriter {
    pub fn new() -> Self {
        Self {
            map: SourceMap::default(),
            cache: Vec::new(),
        }
    }

    /// Copy the source run `range` into `prose` (blank there), decoding its references.
    /// Runs must come in source order.
    pub fn write(&mut self, source: &str, prose: &mut [u8], range: TextRange) {
        self.map.runs.push(range);
        let raw = range.slice(source);
        let base = range.start;
        if !raw.contains('&') {
            prose[range.start..range.end].copy_from_slice(raw.as_bytes());
            return;
        }
        let anchors = &mut self.map.anchors;
        let mut out: Vec<u8> = Vec::with_capacity(raw.len());
        // How far the view has fallen behind the source: `out.len() + behind == i`.
        let mut behind = 0;
        let mut i = 0;
        while i < raw.len() {
            let rest = &raw[i..];
            if rest.starts_with('&') {
                if let Some((len, decoded)) = reference_at(rest, &mut self.cache) {
                    if behind > 0 {
                        for (k, _) in decoded.char_indices() {
                            anchors.push((base + out.len() + k, base + i));
                        }
                    }
                    out.extend_from_slice(decoded.as_bytes());
                    behind += len - decoded.len();
                    i += len;
                    if decoded.chars().all(char::is_whitespace) {
                        pad(&mut out, &mut behind, base, base + i, anchors);
                    }
                    continue;
                }
            }
            if behind == 0 {
                // In step with the source: copy up to the next reference at once.
                // (`&` is ASCII: the byte after any character may start the search.)
                let next = rest.as_bytes()[1..]
                    .iter()
                    .position(|&b| b == b'&')
                    .map_or(rest.len(), |j| j + 1);
                out.extend_from_slice(&rest.as_bytes()[..next]);
                i += next;
                continue;
            }
            let c = rest.chars().next().expect("i < raw.len()");
            if c.is_whitespace() || !c.is_ascii() {
                pad(&mut out, &mut behind, base, base + i, anchors);
            } else {
                anchors.push((base + out.len(), base + i));
            }
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            i += c.len_utf8();
        }
        pad(&mut out, &mut behind, base, base + raw.len(), anchors);
        prose[range.start..range.end].copy_from_slice(&out);
    }

    pub fn finish(self) -> SourceMap {
        self.map
    }
}

/// Close the gap: `behind` spaces, each standing for the source offset `at` (where the
/// moved stretch ends).
fn pad(
    out: &mut Vec<u8>,
    behind: &mut usize,
    base: usize,
    at: usize,
    anchors: &mut Vec<(usize, usize)>,
) {
    for _ in 0..*behind {
        anchors.push((base + out.len(), at));
        out.push(b' ');
    }
    *behind = 0;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(source: &str) -> (String, SourceMap) {
        let mut prose = vec![b' '; source.len()];
        let mut w = TextWriter::new();
        w.write(source, &mut prose, TextRange::new(0, source.len()));
        (String::from_utf8(prose).unwrap(), w.finish())
    }

    #[test]
    fn a_word_closes_up_behind_a_reference() {
        let (prose, map) = view("They don&rsquo;t know.");
        assert_eq!(prose, "They don’t     know.");
        // `t` stands at 11 in the view, at 15 in the source.
        assert_eq!(map.offset(11), 15);
        // The end of the word in the view is the end of the word in the source.
        assert_eq!(map.offset(12), 16);
        assert_eq!(map.offset(15), 16);
        assert_eq!(map.offset(16), 16);
        assert_eq!(map.range(TextRange::new(5, 12)), TextRange::new(5, 16));
        assert_eq!(&"They don&rsquo;t know."[5..16], "don&rsquo;t");
    }

    #[test]
    fn a_source_offset_finds_its_place_in_the_view() {
        let source = "They don&rsquo;t know.";
        let (prose, map) = view(source);
        // `t` (15 in the source) is at 11 in the view; inside the reference, the
        // decoded mark; before and after the word, the same offset.
        assert_eq!(map.view_offset(&prose, 15), 11);
        assert_eq!(map.view_offset(&prose, 10), 8);
        assert_eq!(map.view_offset(&prose, 12), 8);
        assert_eq!(map.view_offset(&prose, 5), 5);
        assert_eq!(map.view_offset(&prose, 16), 16);
        assert_eq!(map.view_offset(&prose, 18), 18);
        for v in 0..=prose.len() {
            if prose.is_char_boundary(v) && !prose[..v].ends_with(' ') {
                assert!(map.offset(map.view_offset(&prose, map.offset(v))) == map.offset(v));
            }
        }
    }

    #[test]
    fn quotation_marks_and_spaces_decode() {
        let (prose, map) = view("&#8220;Yes,&#8221; 10&nbsp;km away &amp; back");
        assert!(prose.starts_with("“Yes,”"), "{prose:?}");
        assert!(prose.contains("10\u{a0}"));
        assert!(prose.contains(" & "));
        assert_eq!(prose.len(), 45);
        assert_eq!(map.offset(0), 0);
        // `Y` moved from 7 to 3.
        assert_eq!(map.offset(3), 7);
    }

    #[test]
    fn text_outside_ascii_is_copied_around_references() {
        let (prose, _) = view("éé &amp; ü&nbsp;ß");
        assert_eq!(prose, "éé &     ü\u{a0}    ß");
    }

    #[test]
    fn text_without_references_is_copied() {
        let (prose, map) = view("Plain words, R&D and AT&T 5 & 6");
        assert_eq!(prose, "Plain words, R&D and AT&T 5 & 6");
        assert_eq!(map.offset(14), 14);
    }

    #[test]
    fn a_word_is_not_closed_up_past_a_character_outside_ascii() {
        let (prose, map) = view("Bah&ccedil;eşehir");
        assert_eq!(prose, "Bahçe      şehir");
        assert!(prose.is_char_boundary(5));
        assert_eq!(map.offset(5), 11);
    }

    #[test]
    fn only_plain_text_of_one_run_is_editable() {
        let source = "<p>Old Astana &amp; Co</p><p>x</p>";
        let mut prose = vec![b' '; source.len()];
        let mut w = TextWriter::new();
        w.write(source, &mut prose, TextRange::new(3, 22));
        w.write(source, &mut prose, TextRange::new(29, 30));
        let map = w.finish();
        let prose = String::from_utf8(prose).unwrap();
        assert!(map.editable(source, &prose, TextRange::new(7, 13)));
        assert!(!map.editable(source, &prose, TextRange::new(7, 18)));
        assert!(!map.editable(source, &prose, TextRange::new(20, 30)));
        assert!(!map.editable(source, &prose, TextRange::new(0, 3)));
    }
}
