//! Finding acronym tokens in a body block: what is an acronym and what only looks like
//! one (shouted runs, datelines, Roman numerals, ordinary words opening a sentence,
//! a company's initials used as its name).

use crate::text::Pattern;
use std::collections::HashSet;

use super::{Occurrence, Token};
use crate::document::{Block, Document};
use crate::style::HouseStyle;
use crate::text::TextRange;

/// The longest all-capitals word read as an acronym; longer ones are shouting.
const MAX_LETTERS: usize = 8;

static WORD: Pattern = Pattern::new(r"[\p{L}\p{N}]+");

/// A dateline or label that opens a block: "KIEV, March 3 —", "MOSCOW —",
/// "TBILISI—Georgia", "NOTE:".
static DATELINE: Pattern = Pattern::new(
    r"^(?:\p{Lu}[\p{Lu}.'’\- ]*\p{Lu}\.?(?:,\s*\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\.?)?(?:\s*\([^)\n]{1,40}\))?(?:,\s*\p{Lu}\p{Ll}+\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^)\n]{1,40}\))?(?:\s*[—–]\s*|\s+--?\s)|\p{Lu}[\p{Lu}'’ ]*\p{Lu}:\s)",
);

/// Whether `text` may open with a [`DATELINE`] (slow to compile), tested without it: two
/// capitals or a capital and a character between them (never an ASCII lower-case
/// letter), and a dash or a colon after them.
fn may_open_with_dateline(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(|c| !c.is_ascii_lowercase())
        && text.contains(['—', '–', '-', ':'])
}

/// The pattern of a descriptive noun in apposition before a company's or an outlet's
/// initials ("the Chinese firm TBEA", "the public broadcaster LRT"), of the house
/// style's `company-nouns`.
fn described_name(nouns: &str) -> String {
    [r"\b(?:", nouns, r")\s+$"].concat()
}

/// The text of `prose` before `at`, at most about `max` bytes, cut at a char boundary.
pub(super) fn tail_before(prose: &str, from: usize, at: usize, max: usize) -> &str {
    let mut start = at.saturating_sub(max).max(from);
    while start < at && !prose.is_char_boundary(start) {
        start += 1;
    }
    prose.get(start..at).unwrap_or("")
}

/// Lowercase words of the body, to tell a capitalised ordinary word from an acronym.
pub(super) fn lowercase_words(doc: &Document) -> HashSet<String> {
    let mut set = HashSet::new();
    for block in doc.body_blocks() {
        for m in WORD.find_iter(doc.prose_text(block.range)) {
            let w = m.as_str();
            if w.chars().all(char::is_lowercase) {
                set.insert(w.to_uppercase());
            }
        }
    }
    set
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Classify a word as an acronym core: its key, whether it was plural, whether it has
/// digits. `None` for anything that is not an acronym.
fn acronym_shape(word: &str) -> Option<(String, bool, bool)> {
    let first = word.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    if has_digit {
        // G20, MH17; the letters must be capitals and precede the digits.
        let letters: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
        let rest = &word[letters.len()..];
        if letters.chars().all(char::is_uppercase)
            && !letters.is_empty()
            && rest.chars().all(|c| c.is_ascii_digit())
        {
            return Some((word.to_string(), false, true));
        }
        return None;
    }
    let (core, plural) = match word.strip_suffix('s') {
        Some(core) if core.chars().count() >= 2 && core.chars().all(char::is_uppercase) => {
            (core, true)
        }
        _ => (word, false),
    };
    let upper = core.chars().filter(|c| c.is_uppercase()).count();
    let lower = core.chars().filter(|c| c.is_lowercase()).count();
    if upper < 2 || !core.chars().all(char::is_alphabetic) {
        return None;
    }
    if lower > 0 {
        // Mixed: VTsIOM, MoD. Ends with a capital, never two lowercase in a row.
        let chars: Vec<char> = core.chars().collect();
        let ends_upper = chars.last().is_some_and(|c| c.is_uppercase());
        let runs_ok = chars
            .windows(2)
            .all(|w| !(w[0].is_lowercase() && w[1].is_lowercase()));
        if plural || !ends_upper || !runs_ok || lower >= upper {
            return None;
        }
    } else if upper > MAX_LETTERS {
        return None;
    }
    Some((core.to_string(), plural, false))
}

/// Whether `word` is a valid Roman numeral ("II", "XXI", "IV").
fn is_roman_numeral(word: &str) -> bool {
    static ROMAN: Pattern =
        Pattern::new(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$");
    !word.is_empty() && ROMAN.is_match(word)
}

/// The acronym tokens of one body block.
pub(super) fn scan_block(
    doc: &Document,
    block: &Block,
    style: &HouseStyle,
    lower_words: &HashSet<String>,
    out: &mut Vec<Occurrence>,
) {
    let prose = &doc.prose;
    let text = doc.prose_text(block.range);
    // The story's dateline (`ASTANA, July 5. /TASS/.`, `NUR-SULTAN. KAZINFORM`) names a
    // place and an agency in capitals, not acronyms; so does a dateline or label that
    // opens any block.
    let dateline_end = may_open_with_dateline(text)
        .then(|| DATELINE.find(text))
        .flatten()
        .map_or(block.range.start, |m| block.range.start + m.end())
        .max(
            doc.dateline
                .as_ref()
                .filter(|d| block.range.contains(d.range.start))
                .map_or(block.range.start, |d| d.range.end),
        );
    let words: Vec<TextRange> = WORD
        .find_iter(text)
        .map(|m| TextRange::new(block.range.start + m.start(), block.range.start + m.end()))
        .collect();
    let shouted = shouted_words(prose, &style.acronyms.not_acronyms, &words);
    for (i, &w) in words.iter().enumerate() {
        let word = w.slice(prose);
        let Some((key, plural, designation)) = acronym_shape(word) else {
            continue;
        };
        if shouted[i] || w.start < dateline_end || block.in_citation(w.start) {
            continue;
        }
        let before = char_before(prose, w.start);
        let after = char_after(prose, w.end);
        // Dotted initialisms, domains, handles, "AT&T", "RFE/RL".
        if before.is_some_and(|c| matches!(c, '.' | '@' | '#' | '/' | '&' | '_' | '\\'))
            || after.is_some_and(|c| matches!(c, '/' | '&' | '_' | '@'))
        {
            continue;
        }
        let after_rest = prose.get(w.end..).unwrap_or("");
        if after == Some('.') && after_rest[1..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // The second part of a designation ("SARS-CoV-2", "Su-35S").
        if let Some(dash @ ('-' | '–')) = before {
            if char_before(prose, w.start - dash.len_utf8()).is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
        }
        // "OPEC+" names a group of its own, not a use of OPEC.
        if after == Some('+') {
            continue;
        }
        let mut end = w.end;
        let mut designation = designation;
        let mut key = key;
        let mut bare = !plural;
        // "COVID-19", "BMP-3": a designation.
        if let Some(dash @ ('-' | '–')) = after {
            let digits = &after_rest[dash.len_utf8()..];
            let n = digits.chars().take_while(char::is_ascii_digit).count();
            if n > 0 {
                designation = true;
                key = format!("{key}-{}", &digits[..n]);
                end = w.end + dash.len_utf8() + n;
                bare = false;
            } else if let Some(letter) = branch_letter(digits) {
                // "ISIS-K", "IS-K": a branch named by one letter, a name of its own.
                designation = true;
                key = format!("{key}-{letter}");
                end = w.end + dash.len_utf8() + letter.len_utf8();
                bare = false;
            }
        }
        if !designation && is_roman_numeral(&key) {
            continue;
        }
        if style.acronyms.is_exempt(&key) || style.acronyms.is_exempt(word) {
            continue;
        }
        let sentence_start = block.sentence_at(w.start).is_some_and(|s| {
            prose
                .get(s.start..w.start)
                .is_some_and(|p| !p.chars().any(char::is_alphanumeric))
        }) || w.start == block.range.start;
        if sentence_start
            && !plural
            && !designation
            && (style.acronyms.not_acronyms.contains(&key) || lower_words.contains(&key))
        {
            continue;
        }
        // Possessive and compound suffix.
        let rest = prose.get(end..).unwrap_or("");
        if let Some(p) = ["'s", "’s", "'", "’"].iter().find(|p| {
            rest.starts_with(**p) && !char_after(rest, p.len()).is_some_and(char::is_alphanumeric)
        }) {
            if !designation && (p.len() > 1 || plural) {
                end += p.len();
                bare = false;
            }
        } else if let Some(suffix) = compound_suffix(rest) {
            end += suffix;
            bare = false;
        }
        // A company's or an outlet's initials used as its name: "APM Terminals", "the
        // Chinese firm TBEA".
        if bare {
            let next_word = prose
                .get(end..)
                .and_then(|r| r.strip_prefix(' '))
                .and_then(|r| WORD.find(r).filter(|m| m.start() == 0))
                .map(|m| m.as_str());
            if next_word.is_some_and(|n| style.acronyms.company_heads.iter().any(|h| h == n))
                || style
                    .acronyms
                    .company_nouns
                    .pattern(described_name)
                    .is_match(tail_before(prose, block.range.start, w.start, 40))
            {
                continue;
            }
        }
        let quoted = block.in_quote(w.start);
        out.push(Occurrence {
            token: Token {
                key,
                range: TextRange::new(w.start, end),
                core: w,
                bare,
                plural,
                designation,
            },
            counts: !quoted,
            defines: false,
            sentence_start,
        });
    }
}

/// The length of a compound suffix such as "-led" at the start of `rest`.
fn compound_suffix(rest: &str) -> Option<usize> {
    let dash = rest.chars().next().filter(|c| matches!(c, '-' | '–'))?;
    let after = &rest[dash.len_utf8()..];
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    (!word.is_empty() && word.chars().all(char::is_lowercase)).then(|| dash.len_utf8() + word.len())
}

/// Which words belong to a shouted run: three or more capitalised words in a row, or two
/// when one of them is an ordinary word of `not_acronyms` ("BREAKING NEWS").
fn shouted_words(prose: &str, not_acronyms: &[String], words: &[TextRange]) -> Vec<bool> {
    let caps = |r: &TextRange| {
        let w = r.slice(prose);
        w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
    };
    let mut out = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        if !caps(&words[i]) || words[i].len() < 2 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && caps(&words[j]) {
            let gap = prose.get(words[j - 1].end..words[j].start).unwrap_or("");
            if !gap.chars().all(|c| c == ' ' || c == '-') || gap.is_empty() {
                break;
            }
            j += 1;
        }
        let run = &words[i..j];
        let long = run.iter().filter(|r| r.len() >= 2).count();
        let common = run
            .iter()
            .any(|r| not_acronyms.iter().any(|w| w == r.slice(prose)) && r.len() >= 2);
        if long >= 3 || (long >= 2 && common) {
            for o in &mut out[i..j] {
                *o = true;
            }
        }
        i = j;
    }
    out
}

/// The one capital letter that names a branch after an acronym's dash ("ISIS-K"): the
/// letter, when no letter or digit follows it.
fn branch_letter(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    (!chars.next().is_some_and(char::is_alphanumeric)).then_some(letter)
}

/// An acronym written alone in `text` (with an optional plural, possessive or suffix):
/// its key.
pub(super) fn lone_acronym(text: &str) -> Option<String> {
    let m = WORD.find(text)?;
    if m.start() != 0 {
        return None;
    }
    let (key, plural, _) = acronym_shape(m.as_str())?;
    let rest = &text[m.end()..];
    let rest_ok = rest.is_empty()
        || compound_suffix(rest) == Some(rest.len())
        || (!plural && matches!(rest, "'s" | "’s"));
    let key = if let Some(d) = rest
        .strip_prefix('-')
        .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    {
        format!("{key}-{d}")
    } else if let Some(letter) = rest
        .strip_prefix('-')
        .and_then(branch_letter)
        .filter(|_| rest.len() == 2)
    {
        format!("{key}-{letter}")
    } else if rest_ok {
        key
    } else {
        return None;
    };
    (!is_roman_numeral(&key)).then_some(key)
}
