//! Dated events ("On August 18", "In June 2011") and the narrative time of a paragraph:
//! whether its years lie beyond the dated-event horizon, and the cues that bring it
//! back to the present or keep it in the past.

use crate::text::Pattern;
use std::sync::LazyLock;

use jiff::civil::Date;

use super::{last_word, Sourcing};
use crate::document::MONTHS;
use crate::text::TextRange;

pub(super) const MONTH_ALT: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

pub(super) static MONTH_DAY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"\b(?P<month>{MONTH_ALT})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    ))
});
pub(super) static DAY_MONTH: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_ALT})\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    ))
});
pub(super) static MONTH_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"\b(?:[Ii]n|[Oo]n|dated)\s+(?:(?:early|late|mid)[\s-]+)?(?P<month>{MONTH_ALT})\s+(?P<year>\d{{4}})\b"
    ))
});

/// A year or a decade ("1986", "1990s"); ranges ("1992–1997") give two.
pub(super) static YEAR: Pattern = Pattern::new(
    r"(?:^|[^\p{L}\p{N}$€£₽¥₸.,/-])(?P<year>1[0-9]{3}|20[0-9]{2})(?P<decade>s|’s|'s)?\b",
);

impl Sourcing<'_> {
    /// Whether the years a sentence names all lie before the dated-event horizon:
    /// `None` when it names none.
    pub(super) fn years_historical(&self, text: &str) -> Option<bool> {
        let max_age = self.style.dated_event_max_age_years();
        let mut any = false;
        for c in YEAR.captures_iter(text) {
            let year: i16 = c["year"].parse().unwrap_or(0);
            // A decade reaches to its last year; "since 1960" reaches to the present.
            let since = last_word(&text[..c.name("year").expect("year group").start()])
                .eq_ignore_ascii_case("since");
            let year = if since {
                self.year
            } else if c.name("decade").is_some() {
                year + 9
            } else {
                year
            };
            any = true;
            if year > self.year || self.year - year < max_age {
                return Some(false);
            }
        }
        any.then_some(true)
    }

    /// The first specific, recent date of an event ("On August 18", "In June 2011").
    pub(super) fn dated_event(&self, text: &str) -> Option<TextRange> {
        if self.language.recurring_cues.is_match_in(text) {
            // "Independence Day is celebrated on December 16": a calendar, not an event.
            return None;
        }
        if self.m.public_vote_held.is_match(text) || self.m.public_act.is_match(text) {
            // "Parliamentary elections were held on June 28": the date the law set for a
            // vote is public record, and so is the day of a meeting, a visit or a
            // signing.
            return None;
        }
        let max_age = self.style.dated_event_max_age_years();
        let recent = |year: Option<regex::Match<'_>>| match year {
            None => true,
            Some(y) => y
                .as_str()
                .parse::<i16>()
                .is_ok_and(|y| y <= self.year && self.year - y < max_age),
        };
        let month_of = |name: &str| {
            MONTHS
                .iter()
                .position(|m| *m == name)
                .map_or(1, |i| i as i8 + 1)
        };
        // A date after publication is a schedule or a forecast, not an event. In a story
        // filed under a dateline ("BISHKEK --"), the day of publication is the day the
        // reporter covered: what happened then is the desk's own report.
        let datelined = self.doc.dateline.is_some();
        let scheduled = |c: &regex::Captures<'_>, day: i8| {
            let year = c
                .name("year")
                .and_then(|y| y.as_str().parse::<i16>().ok())
                .unwrap_or(self.year);
            Date::new(year, month_of(&c["month"]), day)
                .is_ok_and(|d| d > self.published || (datelined && d == self.published))
        };
        let mut found: Vec<TextRange> = Vec::new();
        for re in [&*MONTH_DAY, &*DAY_MONTH] {
            for c in re.captures_iter(text) {
                let day: u8 = c["day"].parse().unwrap_or(0);
                let m = c.get(0).expect("group 0");
                // "Since February 24", "the statement of October 10": a point of
                // reference, not an event.
                let reference = matches!(
                    last_word(&text[..m.start()]).to_lowercase().as_str(),
                    "since" | "until" | "till" | "of"
                );
                if (1..=31).contains(&day)
                    && !reference
                    && recent(c.name("year"))
                    && !scheduled(&c, day as i8)
                {
                    found.push(TextRange::new(m.start(), m.end()));
                    break;
                }
            }
        }
        for c in MONTH_YEAR.captures_iter(text) {
            // "In June 2011, the Senate refused ...": the sentence tells that event. Later
            // in a sentence a month and year mostly date background ("was granted
            // candidate status in December 2023").
            let opening = text[..c.get(0).expect("group 0").start()]
                .trim_matches(|c: char| c.is_whitespace() || "“\"‘'".contains(c))
                .to_lowercase();
            // A run-in label ("BACKGROUND: In December 2018, ...") opens nothing.
            let opening = match opening.strip_suffix(':') {
                Some(label) if label.split_whitespace().count() <= 2 => "",
                _ => opening.as_str(),
            };
            let opens = matches!(
                opening,
                "" | "but" | "and" | "then" | "yet" | "later" | "already" | "back"
            );
            if opens && recent(c.name("year")) && !scheduled(&c, 1) {
                let m = c.name("month").expect("month group");
                let y = c.name("year").expect("year group");
                found.push(TextRange::new(m.start(), y.end()));
                break;
            }
        }
        found.into_iter().min_by_key(|r| r.start)
    }
}
