use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Block, Document};
use crate::rule::{Context, Reporter, Rule, RuleMeta};
use crate::text::TextRange;

mod forms;
mod small;

declare_rule! {
    /// ## What it does
    /// Checks that figures take the house's forms, the same way throughout a piece:
    ///
    /// - percentages: `20 percent`, `20 per cent` or `20%`;
    /// - a whole number below ten that counts something: in words (`four officers`,
    ///   numerals from 10) or in numerals (`4 officers`);
    /// - thousands: `136,000` (or `136 000`) in numbers of five digits or more, and in
    ///   four-digit counts (`5,000 troops`, `1,378 kilometers`), never in a year (`in
    ///   1998`, `the 2024 elections`);
    /// - millions, billions and trillions: `$4 billion` or `$4bn`;
    /// - ranges of figures: one dash (`70-80` or `70–80`), and never a dash after
    ///   `from` or `between` (`from 70 to 80`, `between 70 and 80`).
    ///
    /// `[house-style.numbers]` sets each form: `percent` (`"percent"`, the default,
    /// `"per cent"`, `"%"`, `"consistent"` or `"any"`), `small-numbers` (`"words"`, the
    /// default, `"numerals"` or `"any"`), `thousands` (`"comma"`, the default, `"space"`
    /// or `"any"`), `scale` (`"words"`, the default, `"abbreviated"`, `"consistent"` or
    /// `"any"`) and `ranges` (`"consistent"`, the default, `"hyphen"`, `"en-dash"` or
    /// `"any"`). `"consistent"` takes the form most of the document's figures use and
    /// leaves a tie alone; `"any"` does not check. The `wire` preset sets `percent` and
    /// `scale` to `"consistent"`: agencies differ (`20%`, `20 percent`; `$4bn`, `4 bln`).
    ///
    /// Read: body paragraphs and list items. Left alone: quotations, citation groups,
    /// titles in italics, a story's dateline, URLs and anything with a slash, and every
    /// figure that is not a count: dates, times (`5 p.m.`), ages (`aged 7`), scores and
    /// decimals, section and article numbers (`Article 5`, `section 3`, `No. 1`),
    /// names with a number (`Vision 2030`, `Group of Seven`, `the Big Four`, `the Five
    /// Eyes`), ordinals, `one` in any sense (`one of the`, `no one`), figures with a
    /// unit (`5 km`, `3 MW`, `5 million`), and a small number in a sentence that counts
    /// the same things with a figure of 10 or more (`5 ministers and 12 deputies`,
    /// where the set takes numerals). Numbers below ten are spelled out only by a
    /// words house; a numerals house leaves a number that opens a sentence in words.
    ///
    /// ## Why
    /// A reader notices `20%` beside `30 percent` before the figures themselves, and a
    /// desk's forms are part of its voice. `from 70-80` reads as "from 70 to 80" only
    /// when the reader repairs it.
    ///
    /// ## Example
    /// ```text
    /// Turnout reached 68%, up from 55 percent, and 4 observers counted 13000 ballots
    /// worth $2bn, from 10-12 a polling station.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Turnout reached 68 percent, up from 55 percent, and four observers counted 13,000
    /// ballots worth $2 billion, from 10 to 12 a polling station.
    /// ```
    ///
    /// ## Fixes
    /// Each finding's fix rewrites the figure alone: safe when the house's setting
    /// decides the form, unsafe when the document's majority does.
    pub struct NumberStyle => "number-style", Severity::Warning, fix: Always,
        "Figures take the house's forms: percent, small numbers, thousands, millions, ranges";
}

/// One finding of a check, before it is reported.
pub(super) struct Found {
    pub range: TextRange,
    pub message: String,
    pub help: &'static str,
    pub title: String,
    pub edits: Vec<Edit>,
    pub safe: bool,
}

impl Rule for NumberStyle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(
        &self,
        doc: &Document,
        ctx: &Context<'_>,
        _analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let style = &ctx.style.numbers;
        let mut found = Vec::new();
        forms::percentages(doc, style.percent, &mut found);
        forms::scales(doc, style.scale, &mut found);
        forms::ranges(doc, style.ranges, &mut found);
        forms::thousands(doc, style.thousands, &ctx.style.language, &mut found);
        small::small_numbers(doc, style.small_numbers, &ctx.style.language, &mut found);
        found.sort_by_key(|f| (f.range.start, f.range.end));
        for f in found {
            let d = report.report(f.range, f.message);
            d.help = Some(f.help.to_string());
            d.fix = Some(if f.safe {
                Fix::safe(f.title, f.edits)
            } else {
                Fix::unsafe_(f.title, f.edits)
            });
        }
    }
}

/// The form most of `forms` take, when one does (a tie has none).
pub(super) fn majority<T: Copy + Eq>(forms: &[T]) -> Option<T> {
    let mut best: Option<(T, usize)> = None;
    let mut tie = false;
    for &f in forms {
        let n = forms.iter().filter(|&&g| g == f).count();
        match best {
            Some((b, m)) if b == f || n < m => {}
            Some((_, m)) if n == m => tie = true,
            _ => {
                best = Some((f, n));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(f, _)| f)
}

/// A figure in `block` at `range` (relative to the block's prose) that a check reads:
/// not in a quotation, a citation group, an italic title, the dateline, a URL or a
/// word with a slash. Returns the range in the document.
pub(super) fn readable(
    doc: &Document,
    block: &Block,
    text: &str,
    start: usize,
    end: usize,
) -> Option<TextRange> {
    let range = TextRange::new(start, end).shift(block.range.start);
    // White space may be wider than a byte (U+2028, U+0085).
    let word_start = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word_end = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    let word = &text[word_start..word_end];
    let skip = block.in_quote(range.start)
        || block.in_citation(range.start)
        || doc.in_italics(range)
        || doc
            .dateline
            .as_ref()
            .is_some_and(|dl| dl.range.overlaps(range))
        || word.contains(['/', '@', '_', '=', '\\'])
        || word.contains("www.");
    (!skip).then_some(range)
}

/// The word before byte `at` of `text` (letters, digits, `.`, `'`), if any, with
/// nothing but spaces between.
pub(super) fn word_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].strip_suffix([' ', '\u{a0}'])?;
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[start..];
    (!word.is_empty()).then_some(word)
}

/// The word after byte `at` of `text` (letters, `.`, `'`), if one follows after a
/// single space.
pub(super) fn word_after(text: &str, at: usize) -> Option<&str> {
    let after = text[at..].strip_prefix([' ', '\u{a0}'])?;
    let end = after
        .find(|c: char| !(c.is_alphabetic() || c == '.' || c == '\''))
        .unwrap_or(after.len());
    let word = &after[..end];
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
mod tests;
