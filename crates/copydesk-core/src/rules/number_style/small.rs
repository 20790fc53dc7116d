//! Whole numbers below ten: in words or in numerals, as the house prints them.

use crate::text::Pattern;

use super::forms::model_number;
use super::{readable, word_after, word_before, Found};
use crate::diagnostic::Edit;
use crate::document::{Block, Document, MONTHS};
use crate::style::{LanguageStyle, SmallNumbers};

const WORDS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// A digit standing alone.
static DIGIT: Pattern = Pattern::new(r"\b[1-9]\b");

/// A number from two to nine in words, standing alone.
static WORD: Pattern = Pattern::new(r"\b(two|three|four|five|six|seven|eight|nine)\b");

/// A figure.
static FIGURE: Pattern = Pattern::new(r"\d[\d,]*");

/// A figure and the words that join it to the next: `1 to`, `2 or`, `3,`, `1 in`,
/// `2 of the`.
static AFTER_FIGURE: Pattern = Pattern::new(
    r"\d[\d,.]*(?:%| percent)?(?: to| and| or| through| in| of| of the| out of|,| -| –|-|–) ?$",
);

/// What joins two figures of one set: `5 ministers and 12`, `5, 12`, `5 or 12`.
static JOINED: Pattern =
    Pattern::new(r"^(?: [a-z]+)?(?:,| and| or| to| of| out of| in| versus| vs\.) $");

/// Small numbers in the form the house does not print.
pub fn small_numbers(
    doc: &Document,
    house: SmallNumbers,
    language: &LanguageStyle,
    out: &mut Vec<Found>,
) {
    match house {
        SmallNumbers::Any => {}
        SmallNumbers::Words => {
            for block in doc.body_blocks() {
                digits_to_words(doc, block, language, out);
            }
        }
        SmallNumbers::Numerals => {
            for block in doc.body_blocks() {
                words_to_digits(doc, block, out);
            }
        }
    }
}

fn sentence_start(block: &Block, at: usize) -> usize {
    block
        .sentence_at(block.range.start + at)
        .map_or(0, |s| s.start - block.range.start)
}

/// Whether the figure at `start..end` is one of a set that has a figure of 10 or more
/// (`5 ministers and 12 deputies`, `between 8 and 12`): the set takes numerals.
fn in_set_of_figures(block: &Block, text: &str, start: usize, end: usize) -> bool {
    let from = sentence_start(block, start);
    let to = block
        .sentence_at(block.range.start + start)
        .map_or(text.len(), |s| s.end - block.range.start)
        .min(text.len());
    FIGURE.find_iter(&text[from..to]).any(|m| {
        let (m_start, m_end) = (from + m.start(), from + m.end());
        let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
        let value: u64 = digits.parse().unwrap_or(0);
        let year = digits.len() == 4 && (1000..2200).contains(&value);
        let between = if m_start >= end {
            &text[end..m_start]
        } else if m_end <= start {
            &text[m_end..start]
        } else {
            return false;
        };
        value >= 10 && !year && JOINED.is_match(between)
    })
}

/// The last few words of `text[..at]`.
fn tail(text: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(32);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

fn digits_to_words(doc: &Document, block: &Block, language: &LanguageStyle, out: &mut Vec<Found>) {
    let text = doc.prose_text(block.range);
    for m in DIGIT.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        // A figure stands after a space, a bracket or the start, and before one space
        // and a word in lower case.
        if before.is_some_and(|c| !(c == ' ' || c == '\u{a0}' || c == '(')) {
            continue;
        }
        let Some(next) = word_after(text, m.end()) else {
            continue;
        };
        let rest = &text[m.end() + gap_at(text, m.end())..];
        let shown = next.trim_end_matches('.');
        let next_lower = next.to_lowercase();
        if !next.starts_with(char::is_lowercase)
            || language
                .measure_words
                .contains(next_lower.trim_end_matches(['.', ',']))
            || language.measure_words.contains(&next_lower)
            || rest[next.len()..].starts_with(['-', '/', '’'])
            || (next == "years" || next == "months") && rest[next.len()..].starts_with(" old")
        {
            continue;
        }
        let lead = word_before(text, m.start());
        let lead_lower = lead.map(str::to_lowercase);
        if lead_lower.as_deref().is_some_and(|w| {
            language.label_words.contains(w) || MONTHS.iter().any(|mo| mo.eq_ignore_ascii_case(w))
        }) || model_number(block, text, m.start())
            || in_set_of_figures(block, text, m.start(), m.end())
            || AFTER_FIGURE.is_match(tail(text, m.start()))
        {
            continue;
        }
        let Some(range) = readable(doc, block, text, m.start(), m.end()) else {
            continue;
        };
        let digit: usize = m.as_str().parse().unwrap_or(0);
        let opens = text[sentence_start(block, m.start())..m.start()]
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
        let word = if opens {
            let w = WORDS[digit];
            format!("{}{}", w[..1].to_uppercase(), &w[1..])
        } else {
            WORDS[digit].to_string()
        };
        out.push(Found {
            range,
            message: format!(
                "`{} {shown}`: the house spells out whole numbers below ten, `{word} {shown}`",
                m.as_str()
            ),
            help: "Spell out a whole number below ten that counts something (`four officers`); numerals from 10",
            title: format!("Write `{word}`"),
            edits: vec![Edit::replace(range, word.clone())],
            safe: true,
        });
    }
}

fn words_to_digits(doc: &Document, block: &Block, out: &mut Vec<Found>) {
    let text = doc.prose_text(block.range);
    for m in WORD.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|c| !(c == ' ' || c == '\u{a0}' || c == '(')) {
            continue;
        }
        let Some(next) = word_after(text, m.end()) else {
            continue;
        };
        let rest = &text[m.end() + gap_at(text, m.end()) + next.len()..];
        // A count of things: a plural in lower case, not a fraction (`two thirds`).
        let plural = next.len() > 2
            && next.starts_with(char::is_lowercase)
            && next.ends_with('s')
            && !next.ends_with("ss")
            && !matches!(
                next,
                "thirds"
                    | "fourths"
                    | "fifths"
                    | "sixths"
                    | "sevenths"
                    | "eighths"
                    | "ninths"
                    | "times"
                    | "others"
                    | "ways"
            );
        let lead = word_before(text, m.start()).map(str::to_lowercase);
        if !plural
            || rest.starts_with(['-', '\''])
            || lead
                .as_deref()
                .is_some_and(|w| matches!(w, "the" | "these" | "those" | "all" | "of"))
            || model_number(block, text, m.start())
        {
            continue;
        }
        let Some(range) = readable(doc, block, text, m.start(), m.end()) else {
            continue;
        };
        let digit = WORDS.iter().position(|w| *w == m.as_str()).unwrap_or(0);
        out.push(Found {
            range,
            message: format!(
                "`{} {next}`: the house prints whole numbers in numerals, `{digit} {next}`",
                m.as_str()
            ),
            help: "Print a number that counts something in numerals (`4 officers`)",
            title: format!("Write `{digit}`"),
            edits: vec![Edit::replace(range, digit.to_string())],
            safe: true,
        });
    }
}

/// The length in bytes of the space at `at` (a no-break space is two).
fn gap_at(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}
