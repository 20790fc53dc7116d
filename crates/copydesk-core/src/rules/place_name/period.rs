//! The date that matters for a place mention: explicit periods ("In June 2011",
//! "between 2010 and 2018", "until 2019", "in the 1990s") and vaguer cues of a past
//! time ("then", "Soviet", "at the time") in a sentence.

use crate::text::Pattern;
use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::ToSpan;

use crate::document::MONTHS;
use crate::text::TextRange;

/// A span of time named in the text: every day of `first..=last` may be meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Period {
    /// The expression in the source ("In June 2011"); empty for a cue.
    pub range: TextRange,
    /// How a message names the period: "in June 2011", "between 2010 and 2018".
    pub label: String,
    pub first: Date,
    pub last: Date,
}

impl Period {
    /// Any time before `published`: what a cue of the past ("then", "Mobutu's")
    /// points to, which can only excuse a name.
    pub(crate) fn before(published: Date) -> Self {
        Period {
            range: TextRange::default(),
            label: "at the time".into(),
            first: Date::MIN,
            last: published.checked_sub(1.day()).unwrap_or(published),
        }
    }
}

static PERIOD: LazyLock<Pattern> = LazyLock::new(|| {
    let months = MONTHS.join("|");
    Pattern::owned(format!(
        r"(?x)
        (?-u:\b)(?P<prep>[Ii]n|[Dd]uring|[Tt]hroughout|[Bb]y|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]efore
           |[Aa]fter|[Bb]etween|[Oo]n|[Oo]f|[Tt]he|[Aa]s\ of|[Aa]s\ early\ as|[Aa]s\ late\ as)
        \s+
        (?:the\s+)?
        (?:(?:early|late|mid|end\ of|beginning\ of|start\ of|spring\ of|summer\ of|autumn\ of
            |fall\ of|winter\ of|first\ half\ of|second\ half\ of)[\s-]+(?:the\s+)?)?
        (?:(?P<day1>\d{{1,2}})\s+)?
        (?:(?P<month>{months})\s+)?
        (?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?
        (?P<year>1[6-9]\d\d|20\d\d)(?P<decade>s)?
        (?:\s*(?:[–-]|to|and|through|until)\s*(?P<year2>1[6-9]\d\d|20\d\d))?
        (?-u:\b)(?:[^,\d]|,\D|$)"
    ))
});

/// A day without its year ("on September 14", "since May 2"), dated by
/// `document::yearless_date`.
static YEARLESS_DAY: LazyLock<Pattern> = LazyLock::new(|| {
    let months = MONTHS.join("|");
    Pattern::owned(format!(
        r"(?-u:\b)(?P<prep>[Oo]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Bb]y)\s+(?P<month>{months})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)"
    ))
});
/// What follows a day that gives it a year after all ("September 14, 2022").
static YEAR_AFTER: Pattern = Pattern::new(r"^,?\s*(?:1[6-9]\d\d|20\d\d)(?-u:\b)");

/// A year standing alone ("Expo 2017", "its 2010 budget").
static BARE_YEAR: Pattern = Pattern::new(r"(?-u:\b)(?:1[6-9]\d\d|20\d\d)(?-u:\b)");

/// Words that set a sentence in the Soviet past, or in some past time.
static SOVIET_CUE: Pattern = Pattern::new(
    r"(?i)(?-u:\b)(?:soviet|ussr|tsarist|czarist|russian\s+empire|world\s+war|wwii|great\s+patriotic\s+war|red\s+army|bolshevik\w*|nazis?|wehrmacht|stalin|khrushchev|brezhnev|siege|blockade|tsars?|czars?|tsarina|(?:october|february|bolshevik|russian)\s+revolution|provisional\s+government)(?-u:\b)",
);
static PAST_CUE: Pattern = Pattern::new(
    r"(?i)(?-u:\b)(?:then|at\s+the\s+time|used\s+to|historically|formerly|once|founded|natives?|back\s+(?:in|then)\s+(?:the\s+)?(?:day|days|\d)|born|grew\s+up|raised|childhood|as\s+an?\s+(?:student|child|boy|girl|teenager|schoolboy|schoolgirl|young\s+(?:man|woman|officer))|in\s+(?:his|her|their)\s+youth|ancient|medieval|ottoman|byzantine|empire|kingdom|century)(?-u:\b)",
);
/// Words that bring a clause back to the present.
static PRESENT_CUE: Pattern =
    Pattern::new(r"(?i)(?-u:\b)(?:now|today|currently|nowadays|at\s+present|these\s+days)(?-u:\b)");

/// The explicit periods in `text` (which starts at byte `offset` of the document),
/// given the publication date.
pub(crate) fn periods(text: &str, offset: usize, published: Date) -> Vec<Period> {
    let mut out = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    for caps in PERIOD.captures_iter(text) {
        let (Some(prep), Some(year)) = (caps.name("prep"), caps.name("year")) else {
            continue;
        };
        let Ok(y) = year.as_str().parse::<i16>() else {
            continue;
        };
        let end = caps
            .name("year2")
            .or(caps.name("decade"))
            .map_or(year.end(), |m| m.end());
        let month = caps
            .name("month")
            .and_then(|m| MONTHS.iter().position(|n| *n == m.as_str()))
            .and_then(|i| i8::try_from(i + 1).ok());
        let day = caps
            .name("day1")
            .or(caps.name("day2"))
            .and_then(|d| d.as_str().parse::<i8>().ok());
        let (first, last) = if caps.name("decade").is_some() && y % 10 == 0 {
            (Date::new(y, 1, 1), Date::new(y + 9, 12, 31))
        } else {
            match (month, day) {
                (Some(m), Some(d)) => (Date::new(y, m, d), Date::new(y, m, d)),
                (Some(m), None) => (
                    Date::new(y, m, 1),
                    Date::new(y, m, 1).map(|d| d.last_of_month()),
                ),
                _ => (Date::new(y, 1, 1), Date::new(y, 12, 31)),
            }
        };
        let (Ok(mut first), Ok(mut last)) = (first, last) else {
            continue;
        };
        if let Some(y2) = caps
            .name("year2")
            .and_then(|m| m.as_str().parse::<i16>().ok())
        {
            match Date::new(y2, 12, 31) {
                Ok(d) if d >= last => last = d,
                _ => continue,
            }
        }
        match prep.as_str().to_ascii_lowercase().as_str() {
            "since" | "as of" => last = published.max(first),
            "from" if caps.name("year2").is_none() => last = published.max(first),
            "after" => {
                first = last.checked_add(1.day()).unwrap_or(last);
                last = published.max(first);
            }
            "until" | "till" | "by" | "as late as" => first = Date::MIN,
            "before" => {
                last = first.checked_sub(1.day()).unwrap_or(first);
                first = Date::MIN;
            }
            _ => {}
        }
        let range = TextRange::new(offset + prep.start(), offset + end);
        let written = text.get(prep.start()..end).unwrap_or("");
        let label = match prep.as_str() {
            // "the 2020 census", "the mills of the 1920s": say "in".
            "the" | "The" | "of" | "Of" => {
                let year_text = text.get(year.start()..end).unwrap_or("");
                if caps.name("decade").is_some() {
                    format!("in the {year_text}")
                } else {
                    format!("in {year_text}")
                }
            }
            _ => lower_first(written),
        };
        out.push(Period {
            range,
            label,
            first,
            last,
        });
    }
    out
}

/// Days written without a year ("visited the capital on September 14"), dated by the
/// one policy of `document::yearless_date` (this year, a year-end day of the year
/// before, or a day still to come).
pub(crate) fn yearless_days(text: &str, offset: usize, published: Date) -> Vec<Period> {
    let mut out = Vec::new();
    let mut years = BARE_YEAR
        .find_iter(text)
        .filter_map(|m| m.as_str().parse::<i16>().ok())
        .filter(|y| *y <= published.year());
    let sentence_year = match (years.next(), years.next()) {
        (Some(y), None) => Some(y),
        _ => None,
    };
    // "The first flight will leave on March 2": a day after publication is still to
    // come when the sentence speaks of the future.
    let how = crate::document::YearlessDay::told_in(text);
    for caps in YEARLESS_DAY.captures_iter(text) {
        let (Some(whole), Some(prep), Some(month), Some(day)) = (
            caps.get(0),
            caps.name("prep"),
            caps.name("month"),
            caps.name("day"),
        ) else {
            continue;
        };
        if YEAR_AFTER.is_match(text.get(whole.end()..).unwrap_or("")) {
            continue;
        }
        let Some(m) = MONTHS
            .iter()
            .position(|n| *n == month.as_str())
            .and_then(|i| i8::try_from(i + 1).ok())
        else {
            continue;
        };
        let Ok(d) = day.as_str().parse::<i8>() else {
            continue;
        };
        let date = match sentence_year.map(|y| Date::new(y, m, d)) {
            // "On March 19, 2019, he resigned; on March 20 the city was renamed": a
            // sentence that gives one year gives it to its days.
            Some(Ok(date)) => date,
            Some(Err(_)) => continue,
            None => match crate::document::yearless_date(m, d, published, how) {
                Some(date) => date,
                None => continue,
            },
        };
        let (first, last) = match prep.as_str().to_ascii_lowercase().as_str() {
            "since" => (date, published.max(date)),
            "after" => (
                date.checked_add(1.day()).unwrap_or(date),
                published.max(date),
            ),
            "until" | "till" | "by" => (Date::MIN, date),
            "before" => (Date::MIN, date.checked_sub(1.day()).unwrap_or(date)),
            _ => (date, date),
        };
        out.push(Period {
            range: TextRange::new(offset + prep.start(), offset + whole.end()),
            label: lower_first(whole.as_str()),
            first,
            last,
        });
    }
    out
}

/// Years written without a preposition ("Expo 2017 in Astana"): each a period that
/// can excuse a name of its time. Years after publication are left out (a "Strategy
/// 2050" says nothing about the past).
pub(crate) fn bare_years(text: &str, offset: usize, published: Date) -> Vec<Period> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    BARE_YEAR
        .find_iter(text)
        .filter(|m| {
            // Not part of a figure such as "2,000,000", "$2019", "2019.5" or "2019%".
            let before = text[..m.start()].chars().next_back();
            let mut rest = text[m.end()..].chars();
            let (after, after2) = (rest.next(), rest.next());
            let figure_before = matches!(before, Some(',' | '.' | '$' | '€' | '£'));
            let figure_after = after == Some('%')
                || (matches!(after, Some(',' | '.')) && after2.is_some_and(|c| c.is_ascii_digit()));
            !figure_before && !figure_after
        })
        .filter_map(|m| {
            let year: i16 = m.as_str().parse().ok()?;
            let first = Date::new(year, 1, 1).ok()?;
            let last = Date::new(year, 12, 31).ok()?;
            (first <= published).then(|| Period {
                range: TextRange::new(offset + m.start(), offset + m.end()),
                label: format!("in {year}"),
                first,
                last,
            })
        })
        .collect()
}

/// Whether `text` holds a word of a past time ("Empire" in "Central African Empire").
pub(crate) fn has_cue(text: &str) -> bool {
    SOVIET_CUE.is_match(text) || PAST_CUE.is_match(text)
}

/// Periods implied by vague cues in `text`: the Soviet past, or any time before
/// publication. They can excuse a name but never make one wrong.
pub(crate) fn cue_periods(text: &str, published: Date) -> Vec<Period> {
    let mut out = Vec::new();
    if SOVIET_CUE.is_match(text) {
        out.push(Period {
            range: TextRange::default(),
            label: "in Soviet times".into(),
            first: Date::MIN,
            last: Date::new(1991, 12, 26).expect("valid date"),
        });
    }
    if PAST_CUE.is_match(text) {
        out.push(Period::before(published));
    }
    out
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `text` has a word that brings it back to the present ("now", "today").
pub(crate) fn has_present_cue(text: &str) -> bool {
    PRESENT_CUE.is_match(text)
}

/// Words that tie a clause to the days around publication, the days of the news:
/// "said last week", "yesterday", "on Tuesday", "this week", "earlier this month".
static RECENT_CUE: Pattern = Pattern::new(
    r"(?i)(?-u:\b)(?:yesterday|recently|(?:on|last|this|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:earlier\s+|later\s+)?this\s+(?:week|month)|last\s+(?:week|night)|this\s+(?:morning|afternoon|evening)|tonight)(?-u:\b)",
);
/// What follows a weekday that gives its date ("Tuesday, March 19", "Tuesday 19 March"):
/// the date, not the days of the news, sets the time.
static DATE_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    let months = MONTHS.join("|");
    Pattern::owned(format!(r"^,?\s*(?:\d{{1,2}}\s+)?(?:{months})(?-u:\b)"))
});

/// Whether `text` names a day of the news ("yesterday", "on Tuesday", "this week"),
/// which the publication date dates: a weekday with its date after it (in `text`, or
/// in `rest`, the text that follows it) does not count.
pub(crate) fn has_recent_cue(text: &str, rest: &str) -> bool {
    RECENT_CUE.find_iter(text).any(|m| {
        let after = text.get(m.end()..).unwrap_or("");
        let after = if after.trim().is_empty() { rest } else { after };
        !DATE_AFTER.is_match(after)
    })
}

/// Whether a sentence, of which `before` is the text up to a mention, opens with a
/// day of the news before its first clause break ("On Tuesday, ...", "Yesterday,
/// ..."), which dates the whole sentence.
pub(crate) fn opens_with_recent_cue(before: &str) -> bool {
    let Some(end) = before.find([',', ';', ':', '—']) else {
        return false;
    };
    let head = &before[..end];
    head.split_whitespace().count() <= 3
        && RECENT_CUE
            .find_iter(head)
            .any(|m| !DATE_AFTER.is_match(before.get(m.end()..).unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn spans(text: &str) -> Vec<(String, Date, Date)> {
        periods(text, 0, date(2021, 9, 10))
            .into_iter()
            .map(|p| (p.range.slice(text).to_string(), p.first, p.last))
            .collect()
    }

    #[test]
    fn explicit_periods() {
        assert_eq!(
            spans("In June 2011, the senate met."),
            vec![("In June 2011".into(), date(2011, 6, 1), date(2011, 6, 30))]
        );
        assert_eq!(
            spans("They met in 2015 and between 2010 and 2018 too."),
            vec![
                ("in 2015".into(), date(2015, 1, 1), date(2015, 12, 31)),
                (
                    "between 2010 and 2018".into(),
                    date(2010, 1, 1),
                    date(2018, 12, 31)
                )
            ]
        );
        assert_eq!(
            spans("Until 2019, it was so; in the early 1990s it was not."),
            vec![
                ("Until 2019".into(), Date::MIN, date(2019, 12, 31)),
                (
                    "in the early 1990s".into(),
                    date(1990, 1, 1),
                    date(1999, 12, 31)
                )
            ]
        );
        assert_eq!(
            spans("On August 15, 2019, talks began; since 2017 they go on."),
            vec![
                (
                    "On August 15, 2019".into(),
                    date(2019, 8, 15),
                    date(2019, 8, 15)
                ),
                ("since 2017".into(), date(2017, 1, 1), date(2021, 9, 10))
            ]
        );
        assert_eq!(
            spans("on 6 May 1998 it changed"),
            vec![("on 6 May 1998".into(), date(1998, 5, 6), date(1998, 5, 6))]
        );
    }

    #[test]
    fn not_periods() {
        assert!(spans("They shipped 2,000 tonnes in 2,015 crates and $2019 in cash.").is_empty());
        assert!(spans("On August 15 the envoy left.").is_empty());
        // A day without its year is read apart, in the publication year or the last.
        let days = |t: &str| -> Vec<(Date, Date)> {
            yearless_days(t, 0, date(2021, 9, 10))
                .into_iter()
                .map(|p| (p.first, p.last))
                .collect()
        };
        assert!(days("On August 15, 2019, the envoy left.").is_empty());
        assert!(days("On August 15 2019 the envoy left.").is_empty());
        assert!(days("In August the envoy left.").is_empty());
        assert_eq!(
            days("On August 15 the envoy left."),
            [(date(2021, 8, 15), date(2021, 8, 15))]
        );
        assert_eq!(
            days("on October 2 it was"),
            [(date(2020, 10, 2), date(2020, 10, 2))]
        );
        assert_eq!(
            days("since May 3 they wait"),
            [(date(2021, 5, 3), date(2021, 9, 10))]
        );
        // A sentence with one year gives it to its days.
        assert_eq!(
            days("On March 19, 2019, he resigned; on March 20 the city was renamed."),
            [(date(2019, 3, 20), date(2019, 3, 20))]
        );
        assert!(spans("It fell by 1,500 units.").is_empty());
    }

    #[test]
    fn cues() {
        assert_eq!(
            cue_periods("the Soviet-era plant", date(2021, 1, 1)).len(),
            1
        );
        assert_eq!(
            cue_periods("Tokayev, then foreign minister", date(2021, 1, 1)).len(),
            1
        );
        assert!(cue_periods("Tokayev is the president", date(2021, 1, 1)).is_empty());
        assert!(has_present_cue("the city now hosts"));
    }

    #[test]
    fn bare_years_up_to_publication() {
        let years: Vec<String> = bare_years(
            "Expo 2017 opened; Strategy 2050 waits; 2,019,000 tonnes; 2019% ; the 1997 move.",
            0,
            date(2021, 9, 10),
        )
        .into_iter()
        .map(|p| p.label)
        .collect();
        assert_eq!(years, vec!["in 2017", "in 1997"]);
    }
}
