use crate::text::Pattern;
use std::sync::LazyLock;

use jiff::civil::Date;

use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::document::{month_of, yearless_date, Block, BlockKind, Document, YearlessDay};
use crate::document::{MONTHS, WEEKDAYS};
use crate::rule::{Context, Reporter, Rule, RuleMeta};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Checks a weekday written with its date (`on Monday, August 16`, `Tuesday 16
    /// August 2021`) against the calendar, and names the real weekday when they
    /// disagree.
    ///
    /// The year is the one written after the date; else the one year its sentence
    /// names; else the year the publication date gives a day without its year (the
    /// publication year, the year before for a later day that is told, not announced).
    /// When another year named nearby (in the paragraph or the one before) would make
    /// the weekday right, the text may speak of that year, and nothing is reported.
    ///
    /// When the document gives no publication date (no `--date`, no front matter or
    /// metadata, no `Date:` line, no dated file name), today's date is assumed, and a
    /// finding whose year comes from it says so and asks for the date. It is still
    /// reported: a draft being written (in the editor, which has no `--date`) is
    /// published this year, so the check is right where writers work; for an archived
    /// piece the note names what to give. A Word document is dated by its core
    /// properties only when the house asks, with `docx-date` in `[house-style.dates]`
    /// (`"created"` or `"modified"`; `"none"` by default).
    ///
    /// Left alone: quotations, citation groups (`citation-format`'s), block quotes and
    /// footnotes; named days (`Black Friday, November 24`, `the Mail on Sunday`), and
    /// ranges of days (`Monday, March 4-8`).
    ///
    /// ## Why
    /// A weekday that does not match its date is a fact that cannot be true: either the
    /// day or the date is wrong, and the reader cannot tell which.
    ///
    /// ## Example
    /// ```text
    /// The talks opened in Astana on Monday, August 17, 2021.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The talks opened in Astana on Tuesday, August 17, 2021.
    /// ```
    ///
    /// ## Fixes
    /// None: which of the two is wrong, the weekday or the date, is for the writer.
    pub struct DateWeekday => "date-weekday", Severity::Warning, fix: None,
        "A weekday agrees with its date";
}

/// A weekday and its date: "Monday, August 16", "Monday 16 August, 2021".
static WEEKDAY_DATE: LazyLock<Pattern> = LazyLock::new(|| {
    let weekdays = WEEKDAYS.join("|");
    let months = format!(
        "{}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec",
        MONTHS.join("|")
    );
    Pattern::owned(format!(
        r"(?-u:\b)(?P<weekday>{weekdays}),?\s+(?:the\s+)?(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month1>{months})\.?|(?P<month2>{months})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)(?-u:\b)(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d)(?-u:\b))?"
    ))
});

/// What makes the date the first day of a range: "Monday, March 4-8", "March 4 to 8".
static RANGE_AFTER: Pattern = Pattern::new(r"^\s*(?:[-–—]|to\s|through\s|and\s|until\s)\s*\d");

/// A year in the text around a date.
static YEAR: Pattern = Pattern::new(r"(?-u:\b)(?:1[6-9]\d\d|20\d\d)(?-u:\b)");

impl Rule for DateWeekday {
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
        let mut previous: Option<&Block> = None;
        for block in &doc.blocks {
            if !matches!(block.kind, BlockKind::BlockQuote | BlockKind::Footnote) {
                check_block(doc, ctx, block, previous, report);
            }
            previous = Some(block);
        }
    }
}

fn check_block(
    doc: &Document,
    ctx: &Context<'_>,
    block: &Block,
    previous: Option<&Block>,
    report: &mut Reporter<'_>,
) {
    let published = ctx.date;
    let text = doc.prose_text(block.range);
    for caps in WEEKDAY_DATE.captures_iter(text) {
        let (Some(whole), Some(weekday)) = (caps.get(0), caps.name("weekday")) else {
            continue;
        };
        let range = TextRange::new(whole.start(), whole.end()).shift(block.range.start);
        let (Some(month), Some(day)) = (
            caps.name("month1").or(caps.name("month2")),
            caps.name("day1").or(caps.name("day2")),
        ) else {
            continue;
        };
        let (Some(month), Ok(day)) = (month_of(month.as_str()), day.as_str().parse::<i8>()) else {
            continue;
        };
        let Ok(month) = i8::try_from(month) else {
            continue;
        };
        if block.in_quote(range.start)
            || block.in_citation(range.start)
            || RANGE_AFTER.is_match(&text[whole.end()..])
            || named_day(&text[..whole.start()], weekday.as_str())
        {
            continue;
        }
        let sentence = block
            .sentence_at(range.start)
            .map_or(block.range, |s| s)
            .slice(&doc.prose);
        let Some((date, from_text)) = date_of(
            month,
            day,
            caps.name("year").map(|y| y.as_str()),
            sentence,
            whole.as_str(),
            published,
        ) else {
            continue;
        };
        let written = WEEKDAYS
            .iter()
            .position(|w| *w == weekday.as_str())
            .unwrap_or(0);
        let real = usize::from(date.weekday().to_monday_zero_offset().unsigned_abs());
        if real == written || (!from_text && another_year_fits(doc, block, previous, date, written))
        {
            continue;
        }
        let verb = if date > published { "is" } else { "was" };
        // A year taken from a date that is only assumed may not be the text's.
        let assumed = !from_text && ctx.date_assumed;
        let d = report.report(
            range,
            format!(
                "`{}` does not match the calendar: {} {}, {} {verb} a {}{}",
                doc.text(range),
                MONTHS[usize::from(date.month().unsigned_abs()) - 1],
                date.day(),
                date.year(),
                WEEKDAYS[real],
                if assumed {
                    " (the year is assumed: the document gives no publication date)"
                } else {
                    ""
                }
            ),
        );
        d.help = Some(if from_text {
            "Correct the weekday or the date".to_string()
        } else if assumed {
            format!(
                "The year is today's ({}), assumed because the document gives no publication date: give one (`--date`, front matter `date:`, a `Date:` line) or write the year; else correct the weekday or the date",
                published.year()
            )
        } else {
            format!(
                "Correct the weekday or the date; the year is taken from the publication date ({published}); if another year is meant, write it"
            )
        });
    }
}

/// Whether `weekday` ends a named day or a title ("Black Friday", "Easter Monday",
/// "the Mail on Sunday"): `before` is the text before it.
fn named_day(before: &str, weekday: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if last == "on" {
        return weekday == "Sunday" && words.next().is_some_and(capitalised);
    }
    capitalised(last)
        && !last.ends_with(['.', '!', '?', ':', ';', ',', '—', '"', '”'])
        && !matches!(
            last,
            "On" | "By"
                | "Until"
                | "Since"
                | "From"
                | "Before"
                | "After"
                | "Last"
                | "Next"
                | "This"
        )
}

/// The date meant, and whether its year is written in the text (after the date or once
/// in its sentence) rather than taken from the publication date.
fn date_of(
    month: i8,
    day: i8,
    year: Option<&str>,
    sentence: &str,
    written: &str,
    published: Date,
) -> Option<(Date, bool)> {
    if let Some(y) = year.and_then(|y| y.parse::<i16>().ok()) {
        return Date::new(y, month, day).ok().map(|d| (d, true));
    }
    let mut years: Vec<i16> = YEAR
        .find_iter(&sentence.replacen(written, "", 1))
        .filter_map(|m| m.as_str().parse().ok())
        .collect();
    years.sort_unstable();
    years.dedup();
    match years.as_slice() {
        [] => {
            yearless_date(month, day, published, YearlessDay::told_in(sentence)).map(|d| (d, false))
        }
        [y] => Date::new(*y, month, day).ok().map(|d| (d, true)),
        // A sentence naming several years: which one the day belongs to is unclear.
        _ => None,
    }
}

/// Whether a year named in the paragraph or the one before would make the weekday
/// right: the text may speak of that year.
fn another_year_fits(
    doc: &Document,
    block: &Block,
    previous: Option<&Block>,
    date: Date,
    written: usize,
) -> bool {
    let (month, day) = (date.month(), date.day());
    previous
        .into_iter()
        .chain(std::iter::once(block))
        .flat_map(|b| YEAR.find_iter(doc.prose_text(b.range)))
        .filter_map(|m| m.as_str().parse::<i16>().ok())
        .filter_map(|y| Date::new(y, month, day).ok())
        .any(|d| usize::from(d.weekday().to_monday_zero_offset().unsigned_abs()) == written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;
    use crate::linter::testing::{context, lint_rules};
    use crate::style::HouseStyle;

    /// (flagged text, message) of each finding, for a piece published on `published`.
    fn found(text: &str, published: Date) -> Vec<(String, String)> {
        found_dated(text, published, false)
    }

    fn found_dated(text: &str, published: Date, date_assumed: bool) -> Vec<(String, String)> {
        let ctx = Context {
            date_assumed,
            ..context(published, HouseStyle::embedded())
        };
        lint_rules(&[&DateWeekday], text, SourceKind::Text, &ctx)
            .1
            .into_iter()
            .map(|d| {
                assert!(d.fix.is_none());
                (d.range.slice(text).to_string(), d.message)
            })
            .collect()
    }

    fn day(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn right_weekdays_pass_in_every_form() {
        let text = "The talks opened on Tuesday, August 17, 2021, and resumed on Thursday 19 August. On Monday, Aug. 16 the delegates arrived.";
        assert_eq!(found(text, day(2021, 8, 20)), vec![]);
    }

    #[test]
    fn a_weekday_as_a_name_or_in_a_quotation_or_citation_is_left_alone() {
        // Negatives first.
        let text = "Crowds marked Bloody Sunday, January 22, in the old capital. “We met on Monday, August 17,” she said. The vote was reported (TASS, Monday, August 17). The Mail on Sunday, August 15, ran the story. Talks ran Monday, August 17-20.";
        assert_eq!(found(text, day(2021, 8, 20)), vec![]);
    }

    #[test]
    fn a_weekday_of_another_year_given_by_context_passes() {
        // March 4, 2019 was a Monday; in 2021 it was a Thursday.
        let text = "In 2019, the protests began on Monday, March 4.";
        assert_eq!(found(text, day(2021, 8, 20)), vec![]);
        let text = "The year 2019 was one of protest.\n\nThe first march came on Monday, March 4, in the capital.";
        assert_eq!(found(text, day(2021, 8, 20)), vec![]);
    }

    #[test]
    fn a_year_from_an_assumed_date_is_said_to_be_assumed() {
        // August 17 was a Tuesday in 2021; the year comes from the assumed date.
        let text = "The ministers met on Friday, August 17.";
        assert_eq!(
            found_dated(text, day(2021, 8, 20), true)[0].1,
            "`Friday, August 17` does not match the calendar: August 17, 2021 was a Tuesday (the year is assumed: the document gives no publication date)"
        );
        // A year the text writes is not assumed.
        let text = "The ministers met on Friday, August 17, 2021.";
        assert_eq!(
            found_dated(text, day(2021, 8, 20), true)[0].1,
            "`Friday, August 17, 2021` does not match the calendar: August 17, 2021 was a Tuesday"
        );
    }

    #[test]
    fn a_wrong_weekday_is_reported_with_the_real_one() {
        let text = "The talks opened in Astana on Monday, August 17, 2021.";
        assert_eq!(
            found(text, day(2021, 8, 20)),
            vec![(
                "Monday, August 17, 2021".into(),
                "`Monday, August 17, 2021` does not match the calendar: August 17, 2021 was a Tuesday".into()
            )]
        );
        // Without a year, the publication year.
        let text = "The ministers met on Friday, August 17.";
        assert_eq!(
            found(text, day(2021, 8, 20))[0].1,
            "`Friday, August 17` does not match the calendar: August 17, 2021 was a Tuesday"
        );
        // A day still to come.
        let text = "The summit will open on Monday, September 14.";
        assert_eq!(
            found(text, day(2021, 8, 20))[0].1,
            "`Monday, September 14` does not match the calendar: September 14, 2021 is a Tuesday"
        );
    }

    #[test]
    fn a_day_told_after_publication_is_last_years() {
        // Published January 5, 2024: "Friday, December 29" is December 29, 2023, a Friday.
        let text = "The decree was signed on Friday, December 29.";
        assert_eq!(found(text, day(2024, 1, 5)), vec![]);
    }
}
