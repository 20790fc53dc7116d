//! Segmentation of a block of prose: sentences, quotations, parentheticals.

use super::citation;
use super::quotes::{quotes, Quote};
use super::words::ProseWords;
use super::{Block, BlockKind};
use crate::text::TextRange;

pub(crate) fn segment_block(
    prose: &str,
    kind: BlockKind,
    range: TextRange,
    words: &dyn ProseWords,
) -> Block {
    let text = range.slice(prose);
    let parentheticals: Vec<TextRange> = parentheticals(text)
        .into_iter()
        .map(|r| r.shift(range.start))
        .collect();
    let quotes: Vec<Quote> = quotes(text)
        .into_iter()
        .map(|q| Quote {
            range: q.range.shift(range.start),
            inner: q.inner.shift(range.start),
            ..q
        })
        .collect();
    let sentences = sentences(text, words)
        .into_iter()
        .map(|r| r.shift(range.start))
        .collect();
    let citations = if matches!(
        kind,
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::BlockQuote
    ) {
        citation::find_citations(prose, range, &parentheticals, words)
    } else {
        Vec::new()
    };
    let quoted = quoted_stretches(&quotes);
    Block {
        kind,
        range,
        sentences,
        quotes,
        quoted,
        parentheticals,
        citations,
    }
}

/// The union of the quotations' ranges: sorted, disjoint stretches.
fn quoted_stretches(quotes: &[Quote]) -> Vec<TextRange> {
    let mut ranges: Vec<TextRange> = quotes.iter().map(|q| q.range).collect();
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<TextRange> = Vec::with_capacity(ranges.len());
    for r in ranges.into_iter().filter(|r| !r.is_empty()) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Round and square brackets with their content, in order of the opening bracket.
/// Unbalanced brackets are ignored; a closing bracket closes the innermost open bracket
/// of its shape, and the brackets of the other shape opened inside it stay unbalanced.
pub(crate) fn parentheticals(text: &str) -> Vec<TextRange> {
    // The open brackets (their slot in `slots`, where each is found in the text), and
    // for each shape the positions of its brackets in `open`, so that a closing bracket
    // finds its opening bracket in constant time.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut round: Vec<usize> = Vec::new();
    let mut square: Vec<usize> = Vec::new();
    let mut slots: Vec<Option<TextRange>> = Vec::new();
    for (i, b) in text.bytes().enumerate() {
        let (shape, closing) = match b {
            b'(' => (&mut round, false),
            b'[' => (&mut square, false),
            b')' => (&mut round, true),
            b']' => (&mut square, true),
            _ => continue,
        };
        if !closing {
            shape.push(open.len());
            open.push((slots.len(), i));
            slots.push(None);
        } else if let Some(pos) = shape.pop() {
            let (slot, start) = open[pos];
            slots[slot] = Some(TextRange::new(start, i + 1));
            open.truncate(pos);
            for other in [&mut round, &mut square] {
                while other.last().is_some_and(|&p| p >= pos) {
                    other.pop();
                }
            }
        }
    }
    slots.into_iter().flatten().collect()
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Sentences of a block, as ranges relative to `text`.
pub(crate) fn sentences(text: &str, words: &dyn ProseWords) -> Vec<TextRange> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if start.is_none() {
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            start = Some(at);
        }
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        // The run of terminators, then closing quotes and brackets.
        let mut j = i;
        while j < chars.len() && is_terminator(chars[j].1) {
            j += 1;
        }
        let dots = j - i;
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
        // A boundary needs white space (or the end) after it.
        if j < chars.len() && !chars[j].1.is_whitespace() {
            i = j.max(i + 1);
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let boundary = if k >= chars.len() {
            true
        } else {
            let next = chars[k].1;
            let next_word = word_at(text, chars[k].0);
            if next.is_lowercase() {
                false
            } else if c == '.' && dots == 1 && j == i + 1 {
                let word = word_before(text, at);
                !is_abbreviation(word, next, next_word, words)
            } else {
                true
            }
        };
        if boundary {
            if let Some(s) = start.take() {
                out.push(TextRange::new(s, end));
            }
        }
        i = j.max(i + 1);
    }
    if let Some(s) = start {
        let end = text.trim_end().len();
        if end > s {
            out.push(TextRange::new(s, end));
        }
    }
    out
}

/// The word that ends at the full stop at `dot` (without the stop).
fn word_before(text: &str, dot: usize) -> &str {
    let before = &text[..dot];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '—' | '–'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

fn is_abbreviation(word: &str, next: char, next_word: &str, words: &dyn ProseWords) -> bool {
    let lower = word.to_lowercase();
    // A single capital letter: an initial ("Antony J. Blinken").
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    if words.is_abbreviation(&lower) {
        // "No. 5", "Sept. 3", "Mr. Tokayev": the next word is part of the same sentence.
        return true;
    }
    if words.is_soft_abbreviation(&lower) {
        return !next.is_uppercase();
    }
    // Dotted initialisms: "U.S.", "U.K.", "a.m.".
    let dotted = word.len() >= 3
        && word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    if dotted {
        return !words.is_sentence_starter(next_word);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, crate::style::LanguageStyle::embedded())
            .into_iter()
            .map(|r| r.slice(text))
            .collect()
    }

    #[test]
    fn sentences_survive_abbreviations_and_decimals() {
        let text = "Mr. Tokayev met U.S. officials on Sept. 3 in Nur-Sultan. Trade reached $229.7 million, or 4.5 percent. Antony J. Blinken called.";
        assert_eq!(
            split(text),
            vec![
                "Mr. Tokayev met U.S. officials on Sept. 3 in Nur-Sultan.",
                "Trade reached $229.7 million, or 4.5 percent.",
                "Antony J. Blinken called."
            ]
        );
    }

    #[test]
    fn dotted_initialism_ends_a_sentence_before_a_starter() {
        assert_eq!(
            split("Aid came from the U.S. The ministry denied it."),
            vec!["Aid came from the U.S.", "The ministry denied it."]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_continues() {
        assert_eq!(
            split("He paused… and then went on. The talks ended... Nothing followed."),
            vec![
                "He paused… and then went on.",
                "The talks ended...",
                "Nothing followed."
            ]
        );
    }

    #[test]
    fn quotes_and_citations_close_sentences() {
        let text = "He wrote, “We are watching closely.” The ministry agreed (TASS, August 15). Talks go on (Lenta, July 9)";
        assert_eq!(
            split(text),
            vec![
                "He wrote, “We are watching closely.”",
                "The ministry agreed (TASS, August 15).",
                "Talks go on (Lenta, July 9)"
            ]
        );
    }

    #[test]
    fn nested_quotes_have_depths() {
        let text = "She said, “They called it ‘the Astana format’ then.” Done.";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(
            q[0].range.slice(text),
            "“They called it ‘the Astana format’ then.”"
        );
        assert_eq!(q[0].depth, 0);
        assert_eq!(q[1].inner.slice(text), "the Astana format");
        assert_eq!(q[1].depth, 1);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let text = "Afghanistan’s flour and the Taliban’s policies; 'Kazakhstan's line' held.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].inner.slice(text), "Kazakhstan's line");
    }

    #[test]
    fn straight_double_quotes() {
        let text = r#"He said "we will act" and left. An "open" question."#;
        let q: Vec<_> = quotes(text)
            .into_iter()
            .map(|q| q.inner.slice(text))
            .collect();
        assert_eq!(q, vec!["we will act", "open"]);
    }

    #[test]
    fn unclosed_quote_runs_to_block_end() {
        let text = "“The first paragraph of a long quotation.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert_eq!(q[0].range.end, text.len());
    }

    #[test]
    fn parentheticals_nest() {
        let text = "A (b [c] d) e (f)";
        let p: Vec<_> = parentheticals(text)
            .into_iter()
            .map(|r| r.slice(text))
            .collect();
        assert_eq!(p, vec!["(b [c] d)", "[c]", "(f)"]);
    }
}
