//! The definition parser: `Expansion (ACR)`, `ACR (Expansion)`, `English Name
//! (Original Name—ACR)`, descriptions before an acronym, and acronyms introduced by name
//! ("known as the SNB").

use crate::text::Pattern;

use super::fit::{
    fits, fitting_suffix, glossary_name_of_near_acronym, glossary_suffix, is_glossary_form,
    letters_of, mismatch_start, near_miss, proper_name_run, Word, EXPANSION_WORD,
};
use super::token::{lone_acronym, tail_before};
use super::{Definition, DefinitionKind, Occurrence};
use crate::document::{Block, Document};
use crate::style::{HouseStyle, LanguageStyle};
use crate::text::TextRange;

/// The original-language form inside the parentheses: "Federalnaya Sluzhba
/// Bezopasnosti—FSB", "Russian: Federalnaya Sluzhba Bezopasnosti, FSB", "Ardchilsan
/// Nam or abbreviated AN".
static ORIGINAL_FORM: Pattern = Pattern::new(
    r"^(?P<orig>.+?)(?:\s*(?:[—–,;:]|\s-)\s*(?:or\s+)?(?:abbreviated\s+(?:as\s+)?)?|\s+(?:or\s+)?abbreviated\s+(?:as\s+)?)(?P<acr>[\p{L}\p{N}'’\-–]+)$",
);

/// A language label before an original-language name: "Russian:", "in Kazakh,".
static LANGUAGE_LABEL: Pattern =
    Pattern::new(r"^(?:(?:in\s+)?\p{Lu}\p{Ll}+\s*:\s*|in\s+\p{Lu}\p{Ll}+,\s*)");

/// An acronym introduced by name in the text: "the National Security Service, known
/// under Karimov as the SNB", "what Moscow calls the SVO".
static KNOWN_AS: Pattern = Pattern::new(
    r"\b(?:(?:known|referred to|abbreviated)(?:\s+[\p{L}\p{N}’'-]+){0,4}?\s+as|(?:call|called|calls|dubbed|nicknamed))\s+(?:the\s+)?$",
);

/// Whether `c` (between `prev` and `next`) ends a clause for [`clause_words`].
fn is_clause_boundary(prev: char, c: char, next: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '«'
            | '»'
            | '!'
            | '?'
            | '—'
    ) || (matches!(c, '.' | '…') && next.is_whitespace())
        || (matches!(c, '-' | '–') && prev.is_whitespace() && next.is_whitespace())
}

/// The words of the clause that ends at `end`, at most 14, with their ranges. The clause
/// is found by reading back from `end` to the last boundary, so the work is the clause's
/// length, not the block's.
fn clause_words(prose: &str, language: &LanguageStyle, block: &Block, end: usize) -> Vec<Word> {
    let text = prose.get(block.range.start..end).unwrap_or("");
    let mut start = 0;
    let mut after = ' ';
    let mut chars = text.char_indices().rev().peekable();
    while let Some((i, c)) = chars.next() {
        let prev = chars.peek().map_or(' ', |&(_, p)| p);
        if is_clause_boundary(prev, c, after) {
            start = i + c.len_utf8();
            break;
        }
        after = c;
    }
    let base = block.range.start + start;
    let mut words: Vec<Word> = EXPANSION_WORD
        .find_iter(&text[start..])
        .map(|m| {
            Word::new(
                m.as_str(),
                TextRange::new(base + m.start(), base + m.end()),
                language,
            )
        })
        .collect();
    if words.len() > 14 {
        words.drain(..words.len() - 14);
    }
    words
}

/// The occurrences inside `range`, a run of `occurrences` (which are in text order).
fn covered(occurrences: &[Occurrence], range: TextRange) -> std::ops::Range<usize> {
    let from = occurrences.partition_point(|o| o.token.range.start < range.start);
    let to = from + occurrences[from..].partition_point(|o| o.token.range.start < range.end);
    from..to
}

/// The occurrence whose token ends at `end` (tokens do not overlap, so they are in order
/// of their ends too).
fn ending_at(occurrences: &[Occurrence], end: usize) -> Option<usize> {
    let i = occurrences.partition_point(|o| o.token.range.end < end);
    occurrences
        .get(i)
        .is_some_and(|o| o.token.range.end == end)
        .then_some(i)
}

fn join_range(prose: &str, words: &[Word]) -> Option<(TextRange, String)> {
    let first = words.first()?;
    let last = words.last()?;
    let range = TextRange::new(first.range.start, last.range.end);
    Some((range, range.slice(prose).to_string()))
}

/// The edit that replaces `range` (expansion to closing parenthesis) with the acronym,
/// when the source has no markup inside it.
pub(super) fn removal(
    doc: &Document,
    range: TextRange,
    acronym: &str,
) -> Option<(TextRange, String)> {
    (doc.text(range) == doc.prose_text(range)).then(|| (range, acronym.to_string()))
}

/// Definitions in one body block; marks the occurrences that are their acronyms.
pub(super) fn find_definitions(
    doc: &Document,
    block: &Block,
    style: &HouseStyle,
    occurrences: &mut [Occurrence],
) -> Vec<Definition> {
    let prose = &doc.prose;
    let mut out = Vec::new();
    for &paren in &block.parentheticals {
        if !prose[paren.start..].starts_with('(') || block.in_citation(paren.start) {
            continue;
        }
        // The agency of a dateline, `ALMATY, Feb 10 (IPS) -`, defines nothing.
        if doc
            .dateline
            .as_ref()
            .is_some_and(|d| d.range.contains(paren.start))
        {
            continue;
        }
        let quoted = block.in_quote(paren.start);
        let inner = TextRange::new(paren.start + 1, paren.end - 1);
        let inner_text = inner.slice(prose);
        let trimmed = inner_text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let words = clause_words(prose, &style.language, block, paren.start);

        // Expansion (ACR); Expansion (ACR1 or ACR2); Expansion (ACR, known in Russian as
        // the ODKB): the first acronym is defined by the words before the parenthesis, and
        // the other acronyms inside are its aliases.
        // Only the first segment is read, when it can be an acronym (an acronym opens with
        // a capital): a long parenthetical is not split once per bracket nested in it.
        let first = trimmed
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then(|| first_acronym(first_segment(trimmed)))
            .flatten();
        if let Some((first_key, first_len)) = first {
            let acr_start = inner.start + (inner_text.len() - inner_text.trim_start().len());
            let mut keys = vec![(first_key, TextRange::new(acr_start, acr_start + first_len))];
            for o in &occurrences[covered(occurrences, paren)] {
                if paren.covers(o.token.range) && !keys.iter().any(|(k, _)| *k == o.token.key) {
                    keys.push((o.token.key.clone(), o.token.range));
                }
            }
            let mut primary: Option<String> = None;
            for (i, (key, acronym)) in keys.iter().enumerate() {
                if style.acronyms.is_exempt(key) {
                    continue;
                }
                let (kind, start) = if let Some(k) = fitting_suffix(&letters_of(key), &words) {
                    (DefinitionKind::Fit, Some(k))
                } else if let Some(k) = glossary_suffix(style, key, &words) {
                    (DefinitionKind::Glossary, Some(k))
                } else if let Some(k) = (i == 0)
                    .then(|| {
                        glossary_name_of_near_acronym(style, key, &words)
                            .or_else(|| mismatch_start(style, key, &words))
                    })
                    .flatten()
                {
                    (DefinitionKind::Mismatch, Some(k))
                } else {
                    (DefinitionKind::Description, None)
                };
                let (expansion, expansion_text) = match start {
                    Some(k) => join_range(prose, &words[k..])
                        .map(|(r, t)| (Some(r), t))
                        .unwrap_or_default(),
                    None => (
                        None,
                        primary
                            .clone()
                            .unwrap_or_else(|| description(prose, &words)),
                    ),
                };
                if i == 0 {
                    primary = Some(expansion_text.clone());
                }
                let range = TextRange::new(expansion.map_or(paren.start, |e| e.start), paren.end);
                let removal = (kind.is_expansion() && i == 0 && single_segment(trimmed))
                    .then(|| removal(doc, range, trimmed))
                    .flatten();
                out.push(Definition {
                    key: key.clone(),
                    kind,
                    acronym: *acronym,
                    range,
                    expansion,
                    expansion_text: strip_possessive(&expansion_text).to_string(),
                    removal,
                    quoted,
                });
            }
            let keys: Vec<String> = keys.into_iter().map(|(k, _)| k).collect();
            mark_defining(occurrences, paren, &keys);
            continue;
        }

        // English Name (Original Name—ACR), (Russian: Original Name, ACR)
        if let Some(c) = ends_in_acronym_letter(trimmed)
            .then(|| ORIGINAL_FORM.captures(trimmed))
            .flatten()
        {
            let acr = c.name("acr").expect("group");
            let orig = c.name("orig").expect("group");
            if let Some(key) = lone_acronym(acr.as_str()).filter(|k| !style.acronyms.is_exempt(k)) {
                let offset = inner.start + (inner_text.len() - inner_text.trim_start().len());
                let label = LANGUAGE_LABEL.find(orig.as_str()).map_or(0, |m| m.end());
                let orig_start = offset + orig.start() + label;
                let orig_words: Vec<Word> = EXPANSION_WORD
                    .find_iter(&orig.as_str()[label..])
                    .map(|m| {
                        Word::new(
                            m.as_str(),
                            TextRange::new(orig_start + m.start(), orig_start + m.end()),
                            &style.language,
                        )
                    })
                    .collect();
                let name_like = orig_words.len() >= 2
                    && orig_words.iter().all(|w| w.capitalised || w.function)
                    && orig_words.first().is_some_and(|w| w.capitalised);
                if name_like {
                    let letters = letters_of(&key);
                    let acronym = TextRange::new(offset + acr.start(), offset + acr.end());
                    let english = fitting_suffix(&letters, &words)
                        .or_else(|| glossary_suffix(style, &key, &words))
                        .or_else(|| {
                            let run = proper_name_run(&words)?;
                            Some(run)
                        });
                    let orig_fits =
                        fits(&letters, &orig_words) || is_glossary_form(style, &key, &orig_words);
                    let english_fits = fitting_suffix(&letters, &words).is_some()
                        || glossary_suffix(style, &key, &words).is_some();
                    let kind = if orig_fits {
                        DefinitionKind::Original
                    } else if english_fits {
                        DefinitionKind::Fit
                    } else if near_miss(
                        style.acronyms.glossary_entry(&key).is_some(),
                        &key,
                        &orig_words,
                    ) {
                        DefinitionKind::Mismatch
                    } else {
                        DefinitionKind::Description
                    };
                    let orig_text = join_range(prose, &orig_words)
                        .map(|(_, t)| t)
                        .unwrap_or_default();
                    let english_range =
                        english.and_then(|k| join_range(prose, &words[k..]).map(|(r, _)| r));
                    let expansion_text = match english_range {
                        Some(r) => format!("{} ({orig_text})", r.slice(prose)),
                        None => orig_text.clone(),
                    };
                    let (expansion, range) = match (kind, english_range) {
                        (DefinitionKind::Mismatch, _) => (
                            join_range(prose, &orig_words).map(|(r, _)| r),
                            TextRange::new(orig_start, paren.end),
                        ),
                        (_, Some(r)) => (Some(r), TextRange::new(r.start, paren.end)),
                        (_, None) => (None, paren),
                    };
                    let removal = (kind.is_expansion() && english_range.is_some())
                        .then(|| removal(doc, range, acr.as_str()))
                        .flatten();
                    out.push(Definition {
                        key: key.clone(),
                        kind,
                        acronym,
                        range,
                        expansion,
                        expansion_text,
                        removal,
                        quoted,
                    });
                    mark_defining(occurrences, paren, std::slice::from_ref(&key));
                    continue;
                }
            }
        }

        // Expansion (known by its Russian acronym, ACR): an acronym that closes the
        // parentheses and fits the words before them.
        let inner_end = inner.start + inner_text.trim_end().len();
        if let Some(o) = ending_at(occurrences, inner_end)
            .map(|i| &occurrences[i])
            .filter(|o| paren.covers(o.token.range))
        {
            let key = o.token.key.clone();
            let acronym = o.token.range;
            let found = fitting_suffix(&letters_of(&key), &words)
                .map(|k| (DefinitionKind::Fit, k))
                .or_else(|| {
                    glossary_suffix(style, &key, &words).map(|k| (DefinitionKind::Glossary, k))
                });
            if let Some((kind, k)) = found {
                let (expansion, expansion_text) = join_range(prose, &words[k..])
                    .map(|(r, t)| (Some(r), t))
                    .unwrap_or_default();
                out.push(Definition {
                    key: key.clone(),
                    kind,
                    acronym,
                    range: TextRange::new(expansion.map_or(paren.start, |e| e.start), paren.end),
                    expansion,
                    expansion_text: strip_possessive(&expansion_text).to_string(),
                    removal: None,
                    quoted,
                });
                mark_defining(occurrences, paren, std::slice::from_ref(&key));
                continue;
            }
        }

        // ACR (Expansion)
        let before = prose[block.range.start..paren.start].trim_end();
        let before_end = block.range.start + before.len();
        if before.len() == paren.start - block.range.start {
            continue; // "ACR(" without a space is not this form
        }
        let Some(idx) = ending_at(occurrences, before_end) else {
            continue;
        };
        let key = occurrences[idx].token.key.clone();
        // Only words (and the spaces between them) inside the parentheses.
        let only_words = inner_text.chars().all(|c| {
            c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '–' | '\'' | '’' | '&')
        });
        if !only_words {
            continue;
        }
        let inner_words: Vec<Word> = EXPANSION_WORD
            .find_iter(inner_text)
            .map(|m| {
                Word::new(
                    m.as_str(),
                    TextRange::new(inner.start + m.start(), inner.start + m.end()),
                    &style.language,
                )
            })
            .collect();
        if inner_words.len() < 2 {
            continue;
        }
        let letters = letters_of(&key);
        let kind = if fits(&letters, &inner_words) {
            DefinitionKind::Fit
        } else if is_glossary_form(style, &key, &inner_words) {
            DefinitionKind::Glossary
        } else if proper_name_run(&inner_words) == Some(0) && near_miss(false, &key, &inner_words) {
            // A remark in parentheses ("the SCO (Shanghai Five)") is common after an
            // acronym: only a one-letter slip is flagged here, glossary or not.
            DefinitionKind::Mismatch
        } else {
            continue;
        };
        let token = occurrences[idx].token.clone();
        let expansion = join_range(prose, &inner_words).map(|(r, _)| r);
        let range = TextRange::new(token.range.start, paren.end);
        let removal = kind
            .is_expansion()
            .then(|| {
                let cut = TextRange::new(token.range.end, paren.end);
                (doc.text(cut) == doc.prose_text(cut)).then(|| (cut, String::new()))
            })
            .flatten();
        out.push(Definition {
            key,
            kind,
            acronym: token.range,
            range,
            expansion,
            expansion_text: expansion
                .map(|r| r.slice(prose).to_string())
                .unwrap_or_default(),
            removal,
            quoted,
        });
        occurrences[idx].defines = true;
        occurrences[idx].counts = false;
    }
    // A use that describes itself: inside an HTML `<abbr title="...">` (the title is its
    // expansion), or after "known as" and the like.
    for o in occurrences.iter_mut() {
        if o.defines {
            continue;
        }
        let at = o.token.range;
        let i = doc
            .abbreviations
            .partition_point(|a| a.range.start <= at.start);
        let abbr = i
            .checked_sub(1)
            .and_then(|i| doc.abbreviations.get(i))
            .filter(|a| at.end <= a.range.end);
        let expansion_text = match abbr {
            Some(abbr) => abbr.title.clone(),
            None if !style.acronyms.is_exempt(&o.token.key)
                && KNOWN_AS.is_match(tail_before(prose, block.range.start, at.start, 80)) =>
            {
                String::new()
            }
            None => continue,
        };
        o.defines = true;
        o.counts = false;
        out.push(Definition {
            key: o.token.key.clone(),
            kind: DefinitionKind::Description,
            acronym: at,
            range: at,
            expansion: None,
            expansion_text,
            removal: None,
            quoted: block.in_quote(at.start),
        });
    }
    out.sort_by_key(|d| d.range.start);
    out
}

/// A description before "(ACR)": the proper name that ends the clause, or else its
/// last three words without a leading article.
pub(super) fn description(prose: &str, words: &[Word]) -> String {
    let mut k = words.len();
    while k > 0 && (words[k - 1].capitalised || (k < words.len() && words[k - 1].function)) {
        k -= 1;
    }
    while k < words.len() && words[k].function {
        k += 1;
    }
    if k == words.len() {
        k = words.len().saturating_sub(3);
        while k < words.len()
            && matches!(
                words[k].parts.first().map(String::as_str),
                Some("the" | "a" | "an" | "its" | "their" | "his" | "her" | "that" | "this")
            )
        {
            k += 1;
        }
    }
    join_range(prose, &words[k..])
        .map(|(_, t)| t)
        .unwrap_or_default()
}

/// A name without its possessive ending.
fn strip_possessive(text: &str) -> &str {
    text.strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(text)
}

/// The first of the segments of a parenthetical's text (split at commas, semicolons and
/// " or "), trimmed.
fn first_segment(text: &str) -> &str {
    let head = &text[..text.find([',', ';']).unwrap_or(text.len())];
    head[..head.find(" or ").unwrap_or(head.len())].trim()
}

/// Whether a parenthetical's text is one segment: no comma, semicolon or " or ".
fn single_segment(text: &str) -> bool {
    !text.contains([',', ';']) && !text.contains(" or ")
}

/// The acronym that a parenthetical's first segment is, with its length: a lone acronym,
/// or the first part of a compound of acronyms, "(FGP-WPMP)", "(OSCE/ODIHR)", which
/// introduces each part.
fn first_acronym(segment: &str) -> Option<(String, usize)> {
    if let Some(key) = lone_acronym(segment) {
        return Some((key, segment.len()));
    }
    let mut parts = segment.split(['-', '–', '/']);
    let head = parts.next()?;
    let key = lone_acronym(head)?;
    let mut rest = parts.peekable();
    rest.peek()?;
    rest.all(|p| lone_acronym(p).is_some())
        .then_some((key, head.len()))
}

/// Whether `text` ends in a character that [`ORIGINAL_FORM`]'s acronym can end in: the
/// regex is only tried where it can match.
fn ends_in_acronym_letter(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '–'))
}

fn mark_defining(occurrences: &mut [Occurrence], paren: TextRange, keys: &[String]) {
    let run = covered(occurrences, paren);
    for o in &mut occurrences[run] {
        if paren.covers(o.token.range) && keys.contains(&o.token.key) {
            o.defines = true;
            o.counts = false;
        }
    }
}
