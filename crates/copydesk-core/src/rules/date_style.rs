use crate::text::Pattern;
use std::sync::LazyLock;

use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{month_of, Block, Document, MONTHS};
use crate::rule::{Context, Reporter, Rule, RuleMeta};
use crate::style::DateOrder;
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Checks the form of the dates in the body: the house's order (`August 15, 2021`
    /// or `15 August 2021`) and months written in full (`August 15`, not `Aug. 15`).
    ///
    /// `order` in `[house-style.dates]` is `"month-day"` (the default), `"day-month"`,
    /// or `"consistent"` (either, but one order in a document, the order most of its
    /// dates use; as many of each is left alone); `full-month-names` (true by default)
    /// asks for months in full.
    ///
    /// Read: body paragraphs and list items. Left alone: citation groups (their dates
    /// are `citation-format`'s), quotations, a story's dateline (`ASTANA, Sept 20
    /// (Reuters) -`, the agency's style), titles in italics, and the first day of a
    /// range (`10 and 15 August`, `August 10-15`), whose fix would part it from the
    /// other day.
    ///
    /// ## Why
    /// One piece in two date styles reads as two pieces pasted together, and a desk's
    /// style is the reader's habit.
    ///
    /// ## Example
    /// ```text
    /// The talks opened on 15 August 2021 and closed on Aug. 18.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The talks opened on August 15, 2021 and closed on August 18.
    /// ```
    ///
    /// ## Fixes
    /// A fix rewrites the date in the house's form. It is safe when the house's
    /// setting decides the form, unsafe when the document's majority does.
    pub struct DateStyle => "date-style", Severity::Warning, fix: Always,
        "Dates in the body take the house's form";
}

/// A date written with a month's name: "15 August 2021", "15th of August", "August
/// 15, 2021", "Aug. 15", "Sept 20".
static DATE: LazyLock<Pattern> = LazyLock::new(|| {
    let months = MONTHS.join("|");
    let abbr = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    Pattern::owned(format!(
        r"(?-u:\b)(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{months})(?:,?\s+(?P<y1>1[6-9]\d\d|20\d\d))?|(?P<m2>{months}|{abbr}\.?)\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<y2>1[6-9]\d\d|20\d\d))?)(?-u:\b)"
    ))
});

/// What makes a day part of a range: "10 and 15 August", "August 10-15".
static RANGE_BEFORE: Pattern =
    Pattern::new(r"\d(?:st|nd|rd|th)?\s*(?:[-–—]|to|and|through|until|or)\s*$");
static RANGE_AFTER: Pattern = Pattern::new(r"^\s*(?:[-–—]|to\s|and\s|through\s|until\s|or\s)\s*\d");

/// One date of the body.
struct Found {
    range: TextRange,
    month: u8,
    day: u8,
    year: Option<String>,
    day_first: bool,
    abbreviated: bool,
}

impl Rule for DateStyle {
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
        let style = &ctx.style.dates;
        let found: Vec<Found> = doc.body_blocks().flat_map(|b| dates_in(doc, b)).collect();
        let day_first = found.iter().filter(|f| f.day_first).count();
        let month_first = found.len() - day_first;
        let (order, safe) = match style.order {
            DateOrder::MonthDay => (Some(false), true),
            DateOrder::DayMonth => (Some(true), true),
            DateOrder::Consistent if day_first > month_first => (Some(true), false),
            DateOrder::Consistent if month_first > day_first => (Some(false), false),
            DateOrder::Consistent => (None, false),
        };
        for f in &found {
            let wrong_order = order.is_some_and(|o| o != f.day_first);
            let abbreviated = style.full_month_names && f.abbreviated;
            if !wrong_order && !abbreviated {
                continue;
            }
            let want_day_first = order.unwrap_or(f.day_first);
            let month = MONTHS[usize::from(f.month) - 1];
            let rewritten = match (want_day_first, &f.year) {
                (true, Some(y)) => format!("{} {month} {y}", f.day),
                (true, None) => format!("{} {month}", f.day),
                (false, Some(y)) => format!("{month} {}, {y}", f.day),
                (false, None) => format!("{month} {}", f.day),
            };
            let written = doc.text(f.range);
            let message = if wrong_order {
                let (form, why) = match (want_day_first, safe) {
                    (true, true) => ("day before month", "the house style"),
                    (false, true) => ("month before day", "the house style"),
                    (true, false) => ("day before month", "most dates of the document"),
                    (false, false) => ("month before day", "most dates of the document"),
                };
                format!("`{written}` is not in the form of {why} ({form}): `{rewritten}`")
            } else {
                format!("`{written}` abbreviates the month; the house writes `{rewritten}`")
            };
            let title = format!("Write `{rewritten}`");
            let edits = vec![Edit::replace(f.range, rewritten)];
            let d = report.report(f.range, message);
            d.help = Some(
                match (want_day_first, style.full_month_names) {
                    (true, true) => {
                        "Write dates day first with the month in full: `15 August 2021`"
                    }
                    (true, false) => "Write dates day first: `15 August 2021`",
                    (false, true) => {
                        "Write dates month first with the month in full: `August 15, 2021`"
                    }
                    (false, false) => "Write dates month first: `August 15, 2021`",
                }
                .to_string(),
            );
            d.fix = Some(if safe || !wrong_order {
                Fix::safe(title, edits)
            } else {
                Fix::unsafe_(title, edits)
            });
        }
    }
}

fn dates_in(doc: &Document, block: &Block) -> Vec<Found> {
    let text = doc.prose_text(block.range);
    let mut out = Vec::new();
    for caps in DATE.captures_iter(text) {
        let Some(whole) = caps.get(0) else {
            continue;
        };
        let range = TextRange::new(whole.start(), whole.end()).shift(block.range.start);
        let day_first = caps.name("d1").is_some();
        let (Some(m), Some(d)) = (
            caps.name("m1").or(caps.name("m2")),
            caps.name("d1").or(caps.name("d2")),
        ) else {
            continue;
        };
        let written_month = m.as_str().trim_end_matches('.');
        let (Some(month), Ok(day)) = (month_of(written_month), d.as_str().parse::<u8>()) else {
            continue;
        };
        let abbreviated = !MONTHS.contains(&written_month);
        // "Jan" and "Mar" are words and names too: abbreviations only with their period.
        if (written_month == "Jan" || written_month == "Mar") && !m.as_str().ends_with('.') {
            continue;
        }
        if !(1..=31).contains(&day)
            || block.in_quote(range.start)
            || block.in_citation(range.start)
            || doc
                .dateline
                .as_ref()
                .is_some_and(|dl| dl.range.overlaps(range))
            || doc.in_italics(range)
            || RANGE_BEFORE.is_match(&text[..whole.start()])
            || RANGE_AFTER.is_match(&text[whole.end()..])
            || text[whole.end()..].starts_with([':', '/', '.'].as_slice())
                && text[whole.end()..]
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        out.push(Found {
            range,
            month,
            day,
            year: caps
                .name("y1")
                .or(caps.name("y2"))
                .map(|y| y.as_str().to_string()),
            day_first,
            abbreviated,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability;
    use crate::document::SourceKind;
    use crate::linter::testing::{context, lint_rules};
    use crate::style::HouseStyle;

    /// (written, replacement, safe) of each finding.
    fn found(text: &str, order: DateOrder) -> Vec<(String, String, bool)> {
        let mut style = HouseStyle::embedded().clone();
        style.dates.order = order;
        let ctx = context(jiff::civil::date(2023, 9, 1), &style);
        lint_rules(&[&DateStyle], text, SourceKind::Text, &ctx)
            .1
            .into_iter()
            .map(|d| {
                let fix = d.fix.expect("a fix");
                (
                    d.range.slice(text).to_string(),
                    fix.edits[0].replacement.clone(),
                    fix.applicability == Applicability::Safe,
                )
            })
            .collect()
    }

    #[test]
    fn house_dates_citations_quotations_and_ranges_pass() {
        // Negatives first.
        let text = "The talks opened on August 15, 2021 and closed on August 18 (Kursiv, 18 Aug). “We met on 15 August,” he said. Talks ran 10-15 August and between 3 and 5 September. Jan Kowalski arrived at 5 p.m.; the May 9 parade went ahead.";
        assert_eq!(found(text, DateOrder::MonthDay), vec![]);
    }

    #[test]
    fn other_orders_and_abbreviations_are_rewritten() {
        let text = "The talks opened on 15 August 2021 and closed on Aug. 18. A second round began on the 3rd of September.";
        assert_eq!(
            found(text, DateOrder::MonthDay),
            vec![
                ("15 August 2021".into(), "August 15, 2021".into(), true),
                ("Aug. 18".into(), "August 18".into(), true),
                ("3rd of September".into(), "September 3".into(), true),
            ]
        );
        let text = "The talks opened on August 15, 2021 and closed on 18 August.";
        assert_eq!(
            found(text, DateOrder::DayMonth),
            vec![("August 15, 2021".into(), "15 August 2021".into(), true)]
        );
    }

    #[test]
    fn consistent_takes_the_majority_by_an_unsafe_fix_and_leaves_a_tie() {
        let text = "Talks opened on 15 August, resumed on 18 August and closed on August 20.";
        assert_eq!(
            found(text, DateOrder::Consistent),
            vec![("August 20".into(), "20 August".into(), false)]
        );
        assert_eq!(
            found(
                "Talks opened on 15 August and closed on August 20.",
                DateOrder::Consistent
            ),
            vec![]
        );
    }
}
