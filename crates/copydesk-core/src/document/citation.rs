//! Citation groups: the parenthetical list of sources that ends a sentence or a
//! paragraph in the house style, `(Outlet[, Outlet...], Month Day[, Day][, Year][; ...])`.
//!
//! Detection is deliberately lenient about the *form* of the dates (a misspelt month,
//! an abbreviation, an impossible day are still recognised as a citation's date), so that
//! the `citation-format` rule can report them; and strict about the *shape* of the
//! group (every part is a source name or a date), so that ordinary parentheticals such
//! as "(as the capital has been known since March 2019)" are never taken for one.

use crate::text::Pattern;

use super::words::ProseWords;
use crate::text::TextRange;

/// English month names, January first.
/// The days of the week, as written in English.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A parenthetical citation group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationGroup {
    /// With the parentheses.
    pub range: TextRange,
    /// Without the parentheses.
    pub inner: TextRange,
    pub items: Vec<CitationItem>,
    /// Whether nothing but closing punctuation follows it in its block.
    pub ends_block: bool,
}

impl CitationGroup {
    /// The group with every range moved as `from` moves to `to` ([`TextRange::moved`]).
    pub fn moved(&self, from: usize, to: usize) -> CitationGroup {
        let mv = |r: &TextRange| r.moved(from, to);
        CitationGroup {
            range: mv(&self.range),
            inner: mv(&self.inner),
            items: self
                .items
                .iter()
                .map(|item| CitationItem {
                    range: mv(&item.range),
                    outlets: item.outlets.iter().map(mv).collect(),
                    dates: item
                        .dates
                        .iter()
                        .map(|d| CitationDate {
                            range: mv(&d.range),
                            month_range: mv(&d.month_range),
                            day_range: d.day_range.as_ref().map(mv),
                            year_range: d.year_range.as_ref().map(mv),
                            ..d.clone()
                        })
                        .collect(),
                    outlet_dropped: item.outlet_dropped,
                })
                .collect(),
            ends_block: self.ends_block,
        }
    }
}

/// One `;`-separated item: outlets, then dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationItem {
    pub range: TextRange,
    pub outlets: Vec<TextRange>,
    pub dates: Vec<CitationDate>,
    /// The item opens with an empty field where its outlet was (`, August 25`): what a
    /// CMS leaves when it drops a link's text.
    pub outlet_dropped: bool,
}

/// A date in a citation, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationDate {
    /// The whole date part (for a continuation day such as the "16" of "August 15, 16",
    /// just the day).
    pub range: TextRange,
    /// The month word as written; for a continuation day, the month word it inherits.
    pub month_range: TextRange,
    /// 1-12 when the month word is a month name or a standard abbreviation of one.
    pub month: Option<u8>,
    /// Whether the month was written as an abbreviation ("Aug.", "Sept").
    pub month_abbreviated: bool,
    /// Whether the month was inherited from an earlier date of the item.
    pub inherited_month: bool,
    pub day: Option<u8>,
    pub day_range: Option<TextRange>,
    /// The last day of a range such as "August 15–16".
    pub day_end: Option<u8>,
    pub year: Option<i16>,
    pub year_range: Option<TextRange>,
}

static DATE_PART: Pattern = Pattern::new(
    r"^(?P<month>\p{Lu}\p{Ll}{1,9})(?P<dot>\.?)\s+(?:(?P<day>\d{1,2})(?:\s*(?:[-–]|\band\b)\s*(?P<day2>\d{1,2}))?|(?P<myear>\d{4}))$",
);
/// A date written day first, as British and European desks do: "24 September",
/// "23–24 September", "3 March 2022".
static DAY_FIRST_DATE_PART: Pattern = Pattern::new(
    r"^(?P<day>\d{1,2})(?:\s*(?:[-–]|\band\b)\s*(?P<day2>\d{1,2}))?\s+(?P<month>\p{Lu}\p{Ll}{1,9})(?P<dot>\.?)(?:\s+(?P<myear>\d{4}))?$",
);
/// A time of day after a date: "14:30", "2:30 PM", "09:15 GMT".
/// A range of days across months, "April 30–May 3" or "30 April–3 May": two dates
/// joined by a dash, each with its month.
static CROSS_MONTH_DASH: Pattern = Pattern::new(
    r"^(?:\p{Lu}\p{Ll}{1,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{1,9}\.?)\s*(?P<dash>[-–—])\s*(?:\p{Lu}\p{Ll}{1,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{1,9}\.?(?:\s+\d{4})?)$",
);

static TIME_PART: Pattern =
    Pattern::new(r"^\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?))?(?:\s+\p{Lu}{2,4})?$");
static DAY_PART: Pattern =
    Pattern::new(r"^(?P<day>\d{1,2})(?:\s*(?:[-–]|\band\b)\s*(?P<day2>\d{1,2}))?$");
static YEAR_PART: Pattern = Pattern::new(r"^\d{4}$");
/// Domains ("Tengrinews.kz"), handles ("Twitter.com/TokayevKZ") and addresses without
/// their scheme ("centrasia.ru/news.php?st=1406192160").
static DOMAIN_LIKE: Pattern = Pattern::new(
    r"^[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:/[\p{L}\p{N}_.\-/@?=&%#~+]*)?$",
);

/// A pointer before a source: "see EDM, March 3, 2021", "see also TASS", "cf. RBC".
static SEE_PREFIX: Pattern = Pattern::new(r"^(?:see(?:\s+also)?|cf\.)\s+");
/// A note on the source's language after its date: "March 3, 2019 [in Russian]".
static LANGUAGE_NOTE: Pattern =
    Pattern::new(r"\s*\[in\s+\p{Lu}\p{Ll}+(?:\s+and\s+\p{Lu}\p{Ll}+)?\]$");

const MONTH_ABBREVIATIONS: [(&str, u8); 13] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
    ("May", 5),
];

/// The month number of a full month name.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u8 + 1)
}

/// The month number of a full month name or its abbreviation ("Aug", "Sept").
pub fn month_of(word: &str) -> Option<u8> {
    month_number(word).or_else(|| {
        MONTH_ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == word)
            .map(|&(_, m)| m)
    })
}

/// Whether `word` reads as an attempt at a month: a name, an abbreviation, or a
/// misspelling within two edits of a name.
fn month_like(word: &str) -> (bool, Option<u8>, bool) {
    if let Some(m) = month_number(word) {
        return (true, Some(m), false);
    }
    if let Some(&(_, m)) = MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == word) {
        return (true, Some(m), true);
    }
    let near = word.chars().count() >= 4
        && MONTHS
            .iter()
            .any(|m| edit_distance(&word.to_lowercase(), &m.to_lowercase()) <= 2);
    (near, None, false)
}

/// Levenshtein distance between two short words.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether `part` reads as an outlet's name: a web domain, or capitalised words and the
/// language's `outlet-connectors` ("Radio Free Europe", "Centre for Eastern Studies").
fn outlet_like(part: &str, words: &dyn ProseWords) -> bool {
    if DOMAIN_LIKE.is_match(part) {
        return true;
    }
    let parts: Vec<&str> = part.split_whitespace().collect();
    if parts.is_empty() || parts.len() > 8 {
        return false;
    }
    let first = parts[0].chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    parts.iter().all(|w| {
        let c = w.chars().next().unwrap_or(' ');
        c.is_uppercase()
            || c.is_ascii_digit()
            || words.is_outlet_connector(&w.to_lowercase())
            || DOMAIN_LIKE.is_match(w)
    }) && part
        .chars()
        .all(|c| c.is_alphanumeric() || " .-–'’&/@_:+!".contains(c))
}

enum Part {
    Outlet(TextRange),
    Date(CitationDate),
    /// A range across months, "April 30–May 3": its first and last dates.
    Dates(CitationDate, CitationDate),
    Day(TextRange, u8, Option<u8>),
    Year(TextRange, i16),
    /// A time of day, after a date.
    Time,
}

fn classify_part(part: &str, range: TextRange, words: &dyn ProseWords) -> Option<Part> {
    if let Some(dash) = part
        .contains(['-', '–', '—'])
        .then(|| CROSS_MONTH_DASH.captures(part))
        .flatten()
        .and_then(|c| c.name("dash"))
    {
        let first = part[..dash.start()].trim_end();
        let second = part[dash.end()..].trim_start();
        let second_start = part.len() - second.len();
        let first_range = TextRange::new(range.start, range.start + first.len());
        let second_range = TextRange::new(range.start + second_start, range.end);
        if let (Some(Part::Date(a)), Some(Part::Date(b))) = (
            classify_part(first, first_range, words),
            classify_part(second, second_range, words),
        ) {
            return Some(Part::Dates(a, b));
        }
    }
    if let Some(c) = DATE_PART
        .captures(part)
        .or_else(|| DAY_FIRST_DATE_PART.captures(part))
    {
        let month = c.name("month").expect("group");
        let (is_month, number, abbreviated) = month_like(month.as_str());
        let dot = !c.name("dot").is_some_and(|d| d.as_str().is_empty());
        if is_month {
            let day = c.name("day");
            let myear = c.name("myear");
            return Some(Part::Date(CitationDate {
                range,
                month_range: TextRange::new(
                    range.start + month.start(),
                    range.start + month.end() + usize::from(dot),
                ),
                month: number,
                month_abbreviated: abbreviated || dot,
                inherited_month: false,
                day: day.and_then(|d| d.as_str().parse().ok()),
                day_range: day
                    .map(|d| TextRange::new(range.start + d.start(), range.start + d.end())),
                day_end: c.name("day2").and_then(|d| d.as_str().parse().ok()),
                year: myear.and_then(|y| y.as_str().parse().ok()),
                year_range: myear
                    .map(|y| TextRange::new(range.start + y.start(), range.start + y.end())),
            }));
        }
    }
    if let Some(c) = DAY_PART.captures(part) {
        let day = c["day"].parse().ok()?;
        let day2 = c.name("day2").and_then(|d| d.as_str().parse().ok());
        return Some(Part::Day(range, day, day2));
    }
    if TIME_PART.is_match(part) {
        return Some(Part::Time);
    }
    if YEAR_PART.is_match(part) {
        return Some(Part::Year(range, part.parse().ok()?));
    }
    if outlet_like(part, words) {
        return Some(Part::Outlet(range));
    }
    None
}

/// Split `range` of `text` on `sep`, each piece trimmed; empty pieces are kept as empty
/// ranges so that "(TASS,, August 20)" is not silently accepted.
fn split_trimmed(text: &str, range: TextRange, sep: char) -> Vec<TextRange> {
    let s = range.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), sep))) {
        if c == sep {
            let piece = &s[start..i];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            let a = range.start + start + lead;
            out.push(TextRange::new(a, a + trimmed.len()));
            start = i + c.len_utf8();
        }
    }
    out
}

/// Parse the inside of a parenthetical as a citation group, if it is one.
fn parse_group(prose: &str, inner: TextRange, words: &dyn ProseWords) -> Option<Vec<CitationItem>> {
    let mut items = Vec::new();
    let mut any_outlet = false;
    let mut any_date = false;
    let mut all_outlets_domains = true;
    for item_range in split_trimmed(prose, inner, ';') {
        if item_range.is_empty() {
            return None;
        }
        let mut item = CitationItem {
            range: item_range,
            outlets: Vec::new(),
            dates: Vec::new(),
            outlet_dropped: false,
        };
        // Dates since the last year, which a year token then applies to.
        let mut open_dates = 0usize;
        let parts = split_trimmed(prose, item_range, ',');
        let last = parts.len().saturating_sub(1);
        for (n, part_range) in parts.into_iter().enumerate() {
            // "see EDM, March 3, 2021", "Vedomosti, March 3, 2019 [in Russian]": the
            // pointer and the language note are not part of the source or its date.
            let mut part_range = part_range;
            if n == 0 {
                if let Some(m) = SEE_PREFIX.find(part_range.slice(prose)) {
                    part_range.start += m.end();
                }
            }
            if n == last {
                if let Some(m) = LANGUAGE_NOTE.find(part_range.slice(prose)) {
                    part_range.end = part_range.start + m.start();
                }
            }
            let part = part_range.slice(prose);
            if part.is_empty() {
                // Empty fields before anything else: the outlet was dropped (",, June
                // 30"). An empty field anywhere else is not a citation.
                if item.outlets.is_empty() && item.dates.is_empty() && n < last {
                    item.outlet_dropped = true;
                    continue;
                }
                return None;
            }
            match classify_part(part, part_range, words)? {
                Part::Outlet(r) => {
                    if !item.dates.is_empty() {
                        // "TASS, August 20, Interfax, August 21": a new item without its `;`.
                        let end = item.dates.last().map_or(r.start, |d| d.range.end);
                        let mut done = std::mem::replace(
                            &mut item,
                            CitationItem {
                                range: TextRange::new(r.start, item_range.end),
                                outlets: Vec::new(),
                                dates: Vec::new(),
                                outlet_dropped: false,
                            },
                        );
                        done.range.end = end;
                        items.push(done);
                        open_dates = 0;
                    }
                    all_outlets_domains &= DOMAIN_LIKE.is_match(part);
                    any_outlet = true;
                    item.outlets.push(r);
                }
                Part::Date(d) => {
                    any_date = true;
                    open_dates += 1;
                    item.dates.push(d);
                }
                Part::Dates(mut a, b) => {
                    // "29 June–1 July 2023": the year written once is both dates'.
                    if a.year.is_none() {
                        a.year = b.year;
                        a.year_range = b.year_range;
                    }
                    any_date = true;
                    open_dates += 2;
                    item.dates.push(a);
                    item.dates.push(b);
                }
                Part::Day(r, day, day2) => {
                    let prev = item.dates.last()?.clone();
                    item.dates.push(CitationDate {
                        range: r,
                        inherited_month: true,
                        day: Some(day),
                        day_range: Some(r),
                        day_end: day2,
                        year: None,
                        year_range: None,
                        ..prev
                    });
                    open_dates += 1;
                }
                Part::Time => {
                    if item.dates.is_empty() {
                        return None;
                    }
                }
                Part::Year(r, year) => {
                    if open_dates == 0 {
                        return None;
                    }
                    let n = item.dates.len();
                    for d in &mut item.dates[n - open_dates..] {
                        d.year = Some(year);
                        d.year_range = Some(r);
                    }
                    if let Some(last) = item.dates.last_mut() {
                        last.range.end = r.end;
                    }
                    open_dates = 0;
                }
            }
        }
        // A dropped outlet is followed by dates only.
        if item.outlet_dropped && (!item.outlets.is_empty() || item.dates.is_empty()) {
            return None;
        }
        items.push(item);
    }
    let outlets_dropped = !items.is_empty() && items.iter().all(|i| i.outlet_dropped);
    ((any_outlet && (any_date || all_outlets_domains)) || (outlets_dropped && any_date))
        .then_some(items)
}

/// Citation groups among a block's parentheticals: round brackets whose content is a
/// citation and that close a sentence (followed by `.`, `;`, `,` or the block's end).
pub(crate) fn find_citations(
    prose: &str,
    block: TextRange,
    parentheticals: &[TextRange],
    words: &dyn ProseWords,
) -> Vec<CitationGroup> {
    // A citation's parts never hold a round bracket, so a parenthetical with another one
    // inside is not parsed (parsing every level of nested brackets would take time
    // growing with the square of the depth). Brackets nest, so it holds one exactly when
    // the next round parenthetical in order starts inside it.
    let round = |p: &TextRange| p.slice(prose).starts_with('(');
    let mut next_round = vec![usize::MAX; parentheticals.len()];
    let mut later = usize::MAX;
    for (i, p) in parentheticals.iter().enumerate().rev() {
        next_round[i] = later;
        if round(p) {
            later = p.start;
        }
    }
    let mut out: Vec<CitationGroup> = Vec::new();
    for (&p, &nested) in parentheticals.iter().zip(&next_round) {
        // Citations do not overlap and come in order, so only the last can cover `p`.
        if !round(&p) || nested < p.end || out.last().is_some_and(|c| c.range.covers(p)) {
            continue;
        }
        let after = &prose[p.end..block.end];
        let after_trim = after.trim_start();
        let sentence_final = after_trim.is_empty()
            || after_trim.starts_with(['.', ';', ',', '!', '?'])
            || after_trim.starts_with(|c: char| c.is_uppercase())
                && after.starts_with(char::is_whitespace);
        if !sentence_final {
            continue;
        }
        let inner = TextRange::new(p.start + 1, p.end - 1);
        if let Some(items) = parse_group(prose, inner, words) {
            let ends_block = after
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?'))
                .is_empty();
            out.push(CitationGroup {
                range: p,
                inner,
                items,
                ends_block,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::segment::parentheticals;

    fn groups(text: &str) -> Vec<CitationGroup> {
        let block = TextRange::new(0, text.len());
        find_citations(
            text,
            block,
            &parentheticals(text),
            crate::style::LanguageStyle::embedded(),
        )
    }

    #[test]
    fn house_citation_group_parses() {
        let text = "Trade fell (Tengrinews.kz, August 20; Akorda.kz, August 15, 16; Kursiv.kz, Radio Azattyq, September 10, 2018)";
        let g = &groups(text)[0];
        assert!(g.ends_block);
        assert_eq!(g.items.len(), 3);
        assert_eq!(g.items[1].dates.len(), 2);
        assert_eq!(g.items[1].dates[1].day, Some(16));
        assert_eq!(g.items[1].dates[1].month, Some(8));
        assert!(g.items[1].dates[1].inherited_month);
        let outlets: Vec<_> = g.items[2].outlets.iter().map(|r| r.slice(text)).collect();
        assert_eq!(outlets, vec!["Kursiv.kz", "Radio Azattyq"]);
        assert_eq!(g.items[2].dates[0].year, Some(2018));
        assert_eq!(g.items[2].dates[0].range.slice(text), "September 10, 2018");
    }

    #[test]
    fn ordinary_parentheticals_are_not_citations() {
        for text in [
            "Nur-Sultan (as the Kazakhstani capital has been known since March 2019) waits.",
            "the Collective Security Treaty Organization (CSTO).",
            "flour ($123 million) and wheat.",
            "three countries (Kazakhstan, Kyrgyzstan and Tajikistan).",
            "the city (then Astana).",
            "the meeting (August 20).",
            "the period (1991–2019).",
        ] {
            assert!(groups(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_group_whose_outlets_a_cms_dropped_is_a_citation() {
        // Negatives first: an aside that opens with a comma is not a citation.
        for text in [
            "the board met (, that is, in secret).",
            "the board met (, ).",
            "the board met (; June 30).",
        ] {
            assert!(groups(text).is_empty(), "{text}");
        }
        let g = &groups("Prices rose (,, June 30;, June 27).")[0];
        assert_eq!(g.items.len(), 2);
        assert!(g
            .items
            .iter()
            .all(|i| i.outlet_dropped && i.outlets.is_empty()));
        assert_eq!(g.items[1].dates[0].day, Some(27));
        let g = &groups("Prices rose (TASS, June 30;, June 27).")[0];
        assert!(!g.items[0].outlet_dropped && g.items[1].outlet_dropped);
    }

    #[test]
    fn malformed_dates_are_still_read_as_a_citation() {
        let g = &groups("Talks stalled (TASS, Agust 20; Interfax, Sept. 3).")[0];
        assert_eq!(g.items[0].dates[0].month, None);
        assert_eq!(g.items[1].dates[0].month, Some(9));
        assert!(g.items[1].dates[0].month_abbreviated);
    }

    #[test]
    fn a_group_of_domains_without_dates_is_a_citation() {
        let g = &groups("He said so (Akorda.kz, Twitter.com/TokayevKZ).")[0];
        assert_eq!(g.items[0].outlets.len(), 2);
        assert!(g.items[0].dates.is_empty());
        // An address without its scheme, query and all.
        let text = "He asked so (centrasia.ru/news.php?st=1406192160).";
        let g = &groups(text)[0];
        assert_eq!(
            g.items[0].outlets[0].slice(text),
            "centrasia.ru/news.php?st=1406192160"
        );
        // A question in brackets is no address.
        assert!(groups("He asked (who.is/next? nobody).").is_empty());
    }

    #[test]
    fn a_see_pointer_and_a_language_note_are_not_part_of_the_source() {
        let text = "The drills were announced (see EDM, March 19, 2015; Vedomosti, March 3, 2019 [in Russian]).";
        let g = &groups(text)[0];
        assert_eq!(g.items.len(), 2);
        assert_eq!(g.items[0].outlets[0].slice(text), "EDM");
        assert_eq!(g.items[0].dates[0].year, Some(2015));
        assert_eq!(g.items[1].outlets[0].slice(text), "Vedomosti");
        assert_eq!(g.items[1].dates[0].range.slice(text), "March 3, 2019");
        // Not a pointer: "see" inside ordinary prose.
        assert!(groups("He left (as we will see in March 2019).").is_empty());
    }

    #[test]
    fn day_first_dates_and_times_of_day_are_read() {
        let text = "It was held in secret (Novaya Gazeta, 24 September; Meduza, 23–24 September; Interfax, September 27, 2020, 14:30).";
        let g = &groups(text)[0];
        assert_eq!(g.items.len(), 3);
        assert_eq!(g.items[0].dates[0].month, Some(9));
        assert_eq!(g.items[0].dates[0].day, Some(24));
        assert_eq!(g.items[1].dates[0].day_end, Some(24));
        assert_eq!(g.items[2].dates.len(), 1);
        assert_eq!(g.items[2].dates[0].year, Some(2020));
        // A time alone is not a date.
        assert!(groups("They met (Interfax, 14:30).").is_empty());
        let g = &groups("It was agreed (TASS, March 3; Financial Times, 3 March 2022).")[0];
        assert_eq!(g.items[1].dates[0].day, Some(3));
        assert_eq!(g.items[1].dates[0].year, Some(2022));
    }

    #[test]
    fn days_joined_by_and_are_one_date() {
        let text = "The deal collapsed (Reuters, March 10, 11 and 12; Meduza, 3 and 4 March; TASS, March 5 and 6).";
        let g = &groups(text)[0];
        assert_eq!(g.items.len(), 3);
        assert!(g.items.iter().all(|i| i.outlets.len() == 1));
        assert_eq!(g.items[0].dates.len(), 2);
        assert_eq!(g.items[0].dates[1].day, Some(11));
        assert_eq!(g.items[0].dates[1].day_end, Some(12));
        assert_eq!(g.items[1].dates[0].day_end, Some(4));
        assert_eq!(g.items[2].dates[0].day_end, Some(6));
        // An outlet with "and" in its name is still an outlet.
        let g = &groups("It fell (Kazakh Agency for Trade and Industry, March 3).")[0];
        assert_eq!(g.items[0].outlets.len(), 1);
    }

    #[test]
    fn a_range_across_months_is_two_dates() {
        // Not ranges: an outlet with a dash, a day range inside one month.
        let g = &groups("Talks resumed (Kyiv Post–Ukrinform, May 3).")[0];
        assert_eq!(g.items[0].outlets.len(), 1);
        let g = &groups("Talks resumed (Meduza, May 2–3).")[0];
        assert_eq!(g.items[0].dates.len(), 1);
        assert_eq!(g.items[0].dates[0].day_end, Some(3));
        let text = "Shelling went on (Suspilne, March 30–April 2; Meduza, 29 June–1 July 2023).";
        let g = &groups(text)[0];
        assert_eq!(g.items.len(), 2);
        assert!(g.items[0].outlets.len() == 1);
        let dates = &g.items[0].dates;
        assert_eq!(dates.len(), 2);
        assert_eq!((dates[0].month, dates[0].day), (Some(3), Some(30)));
        assert_eq!((dates[1].month, dates[1].day), (Some(4), Some(2)));
        assert_eq!(dates[1].range.slice(text), "April 2");
        let dates = &g.items[1].dates;
        assert_eq!((dates[0].month, dates[1].month), (Some(6), Some(7)));
        assert_eq!(dates[1].year, Some(2023));
    }

    #[test]
    fn mid_paragraph_citation_before_full_stop() {
        let text = "He wrote on Twitter (Twitter.com/TokayevKZ, August 15). The president agreed.";
        let g = groups(text);
        assert_eq!(g.len(), 1);
        assert!(!g[0].ends_block);
    }
}
