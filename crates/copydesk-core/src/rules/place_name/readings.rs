//! Which reading of a mention applies: a plain mention of the place, or part of a
//! proper noun (a person's or an institution's name, a title in italics, a North
//! American town, a region that kept the old name, an entry of the notes).

use crate::text::Pattern;
use std::collections::HashMap;

use crate::document::{MONTHS, WEEKDAYS};
use crate::gazetteer::Place;
use crate::style::language::LanguageStyle;
use crate::text::TextRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    Plain,
    /// Next to another capitalised word: a person's or an institution's name.
    Compound,
    /// "Kingdom of Swaziland": a proper noun, or a plain mention.
    OfCompound,
}

/// Whether a capitalised word is not a name: a weekday or "I" (months are checked
/// apart, from [`MONTHS`]).
fn calendar_word(word: &str) -> bool {
    word == "I" || WEEKDAYS.contains(&word)
}

pub(super) fn proper_noun_reading(prose: &str, sentence: TextRange, at: TextRange) -> Reading {
    let written = at.slice(prose);
    if !written.chars().any(char::is_lowercase) {
        // A dateline or a heading in capitals: no case to read.
        return Reading::Plain;
    }
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !calendar_word(w)
            && !MONTHS.contains(&w)
    };
    // The word right after, across one space (or a no-break space).
    let after = prose.get(at.end..sentence.end).unwrap_or("");
    if let Some(rest) = after
        .strip_prefix(' ')
        .or_else(|| after.strip_prefix('\u{a0}'))
    {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if capitalised(&word) {
            return Reading::Compound;
        }
    }
    // The word right before, across one space, unless it opens the sentence.
    let before = prose.get(sentence.start..at.start).unwrap_or("");
    if let Some(rest) = before
        .strip_suffix(' ')
        .or_else(|| before.strip_suffix('\u{a0}'))
    {
        let word_start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &rest[word_start..];
        let opens = rest[..word_start].chars().all(|c| !c.is_alphanumeric());
        if capitalised(word) && !opens {
            return Reading::Compound;
        }
        if word == "of" {
            let head = rest[..word_start].trim_end();
            let prev_start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let prev = &head[prev_start..];
            if capitalised(prev) {
                return Reading::OfCompound;
            }
        }
    }
    Reading::Plain
}

/// The template of `north-american-regions` right after a name: a comma, then a region
/// written whole (an abbreviation ends with its full stop, which needs no word boundary
/// after it).
fn after_a_name(regions: &str) -> String {
    format!(r"^,\s+{regions}(?:(?-u:\b)|[^0-9A-Za-z_]|$)")
}

/// A name followed by a US state or a Canadian province ("Odessa, Texas", "St.
/// Petersburg, Fla.", "Calcutta, Ohio") names a North American town; the regions are
/// `north-american-regions` of the language data.
pub(super) fn names_a_north_american_town(
    prose: &str,
    at: TextRange,
    language: &LanguageStyle,
) -> bool {
    let regions = language.north_american_regions.pattern(after_a_name);
    prose
        .get(at.end..)
        .is_some_and(|after| regions.is_match(after))
}

/// A place-name adjective of location: "-based", "-headquartered".
pub(super) static BASED: Pattern = Pattern::new(r"^(?:['’]s)?[-‑](?:based|headquartered)(?-u:\b)");

/// The language's `person-titles` right before a name, which make it a person's
/// ("economist Nikolaev"), in any case.
fn before_a_name(titles: &str) -> String {
    format!(r"(?i)(?-u:\b){titles}\s+$")
}

/// A preposition right before a name that makes it a place ("shipyards in Nikolaev").
static PLACE_PREPOSITION: Pattern = Pattern::new(
    r"(?i)(?-u:\b)(?:in|near|outside|from|of|at|into|around|across|toward|towards|via|through)\s+$",
);

/// Whether a name that is also a surname ("Nikolaev") means a person at `at`: a
/// title comes right before it, or the document names someone by it ("Igor
/// Nikolaev") and no preposition of place comes before this mention.
///
/// Whether the document names someone by a name reads the whole document: `named` keeps
/// the answer for each name written, so that each is read once.
pub(super) fn names_a_person(
    prose: &str,
    at: TextRange,
    language: &LanguageStyle,
    named: &mut HashMap<String, bool>,
) -> bool {
    let mut start = at.start.saturating_sub(40);
    while !prose.is_char_boundary(start) {
        start += 1;
    }
    let before = prose.get(start..at.start).unwrap_or("");
    if language
        .person_titles
        .pattern(before_a_name)
        .is_match(before)
    {
        return true;
    }
    if PLACE_PREPOSITION.is_match(before) {
        return false;
    }
    let written = at.slice(prose);
    if let Some(&known) = named.get(written) {
        return known;
    }
    let person = prose.match_indices(written).any(|(i, _)| {
        let after = prose[i + written.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            return false;
        }
        let Some(head) = prose[..i].strip_suffix(' ') else {
            return false;
        };
        let word_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(0, |(j, c)| j + c.len_utf8());
        let word = &head[word_start..];
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && word.chars().count() > 1
            && !language.not_given_names.contains(word)
            && !MONTHS.contains(&word)
            && !calendar_word(word)
    });
    named.insert(written.to_string(), person);
    person
}

/// The language's `region-words` after a name that make it the name of a region ("the
/// Sverdlovsk governor"), also as the last of a list of regions ("the Kherson,
/// Zaporizhzhia and Dnipropetrovsk regions", "the Dnipropetrovsk and Kharkiv oblasts");
/// matched as written.
fn region_after(words: &str) -> String {
    format!(
        r"^(?:(?:,[ \u{{a0}}]+\p{{Lu}}[\p{{L}}'’-]*)*,?[ \u{{a0}}]+(?:and|or)[ \u{{a0}}]+\p{{Lu}}[\p{{L}}'’-]*)?[ \u{{a0}}]{words}(?-u:\b)"
    )
}

/// Whether `at` names a region that kept the old name of its city ("the Sverdlovsk
/// governor", "Dnipropetrovsk regional council"): the place's exemptions list the
/// written name as a region's ("Sverdlovsk Oblast").
pub(super) fn names_its_region(
    prose: &str,
    at: TextRange,
    place: &Place,
    language: &LanguageStyle,
) -> bool {
    let written = at.slice(prose);
    language
        .region_words
        .pattern(region_after)
        .is_match(prose.get(at.end..).unwrap_or(""))
        && place.exempt.iter().any(|e| {
            e.strip_prefix(written)
                .is_some_and(|rest| matches!(rest, " Oblast" | " Region" | " Province"))
        })
}
