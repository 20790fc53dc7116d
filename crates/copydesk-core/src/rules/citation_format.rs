use jiff::civil::Date;

use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{CitationDate, CitationGroup, Document, MONTHS};
use crate::rule::{Context, Reporter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Checks the parenthetical citation groups that close sentences and paragraphs,
    /// `(Outlet[, Outlet...], Month Day[, Day][, Year][; ...])`:
    ///
    /// - every item names an outlet and a date; a group whose outlets are all missing
    ///   (`(, August 25)`, `(,, June 30;, June 27)`: what a CMS leaves when it drops the
    ///   text of its links) is reported once, without a fix;
    /// - month names are real months, written in full (house style);
    /// - the day exists in its month;
    /// - no cited date is after the publication date; a date that would be, read in the
    ///   publication year, is from an earlier year and must carry it — except in the
    ///   first weeks of a year, when "(TASS, December 28)" is last December.
    ///
    /// ## Why
    /// A citation is how a reader checks a claim. A misspelt month, a date that does not
    /// exist or one after the piece was published tells the reader the sourcing was not
    /// checked either.
    ///
    /// ## Example
    /// Published 23 August 2021:
    ///
    /// ```text
    /// The ministers spoke by phone (TASS, Agust 20; Interfax; Kommersant, Sept. 31).
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The ministers spoke by phone (TASS, August 20; Interfax, August 19; Kommersant, July 31).
    /// ```
    ///
    /// ## Configuration
    /// `[citation] full-month-names` (default `true`) asks for months in full.
    pub struct CitationFormat => "citation-format", Severity::Warning, fix: Sometimes,
        "Citation groups name an outlet and a real date, no later than publication";
}

impl Rule for CitationFormat {
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
        for block in doc.body_blocks() {
            for group in &block.citations {
                check_group(doc, ctx, group, report);
            }
        }
    }
}

fn check_group(
    doc: &Document,
    ctx: &Context<'_>,
    group: &CitationGroup,
    report: &mut Reporter<'_>,
) {
    // "(, August 25)": every outlet dropped, as a CMS leaves a group when it loses the
    // text of its links.
    let outlets_dropped = group.items.iter().all(|i| i.outlet_dropped);
    if outlets_dropped {
        let d = report.report(
            group.range,
            format!("Citation group `{}` names no outlet", doc.text(group.range)),
        );
        d.help = Some(
            "The outlets were probably links whose text was lost: name each outlet before \
             its date, `(Outlet, Month Day)`"
                .into(),
        );
    }
    for (i, item) in group.items.iter().enumerate() {
        // "(see EDM, March 3, 2021; June 1, 2022)": more dates of the same source.
        let continues = i > 0 && {
            let prev = &group.items[i - 1];
            !prev.outlets.is_empty() && !prev.dates.is_empty() && !item.dates.is_empty()
        };
        if item.outlets.is_empty() && !outlets_dropped && (!continues || item.outlet_dropped) {
            let d = report.report(
                item.range,
                format!("Citation item `{}` names no outlet", doc.text(item.range)),
            );
            d.help = Some("Name the outlet before the date: `(Outlet, Month Day)`".into());
        }
        if item.dates.is_empty() {
            let outlets = item
                .outlets
                .iter()
                .map(|r| doc.text(*r))
                .collect::<Vec<_>>()
                .join(", ");
            let d = report.report(item.range, format!("`{outlets}` is cited without a date"));
            d.help = Some(format!(
                "Date every source in the house format: `({outlets}, Month Day)`"
            ));
        }
        for date in &item.dates {
            check_date(doc, ctx, date, report);
        }
    }
}

fn check_date(doc: &Document, ctx: &Context<'_>, date: &CitationDate, report: &mut Reporter<'_>) {
    let month_text = doc.text(date.month_range);
    let Some(month) = date.month else {
        if date.inherited_month {
            return;
        }
        let d = report.report(date.month_range, format!("`{month_text}` is not a month"));
        d.help = Some("Write the month's name in full: `(Outlet, March 3)`".into());
        if let Some(nearest) = nearest_month(month_text) {
            d.help = Some(format!("Did you mean `{nearest}`?"));
            d.fix = Some(Fix::unsafe_(
                format!("Replace `{month_text}` with `{nearest}`"),
                vec![Edit::replace(date.month_range, nearest)],
            ));
        }
        return;
    };
    let full = MONTHS[usize::from(month - 1)];
    if date.month_abbreviated && !date.inherited_month && ctx.style.citation.full_month_names {
        let d = report.report(
            date.month_range,
            format!("Month `{month_text}` is abbreviated in a citation"),
        );
        d.help = Some("House style writes months in full in citation groups".into());
        d.fix = Some(Fix::safe(
            format!("Replace `{month_text}` with `{full}`"),
            vec![Edit::replace(date.month_range, full)],
        ));
    }
    let year = date.year.unwrap_or(ctx.date.year());
    let Some(day) = date.day else {
        // "March 2019": only the month can be checked against publication.
        if let Some(y) = date.year {
            if (y, month as i8) > (ctx.date.year(), ctx.date.month()) {
                report
                    .report(
                        date.range,
                        format!(
                            "Cited date `{}` is after the publication date ({})",
                            doc.text(date.range),
                            human_date(ctx.date)
                        ),
                    )
                    .help = Some(AFTER_PUBLICATION_HELP.into());
            }
        }
        return;
    };
    let day_range = date.day_range.unwrap_or(date.range);
    for d in std::iter::once(day).chain(date.day_end) {
        if Date::new(year, month as i8, d as i8).is_err() {
            let in_year = if date.year.is_some() || (month == 2 && d == 29) {
                format!(" in {year}")
            } else {
                String::new()
            };
            let days = Date::new(year, month as i8, 1).map_or(31, |first| first.days_in_month());
            report
                .report(day_range, format!("{full} {d} does not exist{in_year}"))
                .help = Some(format!(
                "{full} has {days} days{in_year}; check the date with the source"
            ));
            return;
        }
    }
    if date.day_end.is_some_and(|e| e <= day) {
        report
            .report(
                day_range,
                format!("Day range `{}` runs backwards", doc.text(day_range)),
            )
            .help = Some("Write the range from the earlier day to the later one".into());
    }
    let last = date.day_end.unwrap_or(day);
    let Ok(cited) = Date::new(year, month as i8, last as i8) else {
        return;
    };
    // A day without its year is read by the one policy of `document::yearless_date`.
    let cited = if date.year.is_none() {
        crate::document::yearless_date(
            month as i8,
            last as i8,
            ctx.date,
            crate::document::YearlessDay::Cited,
        )
        .unwrap_or(cited)
    } else {
        cited
    };
    if cited > ctx.date {
        let written = format!("{full} {last}");
        let d = report.report(
            date.range,
            format!(
                "Cited date `{}` is after the publication date ({})",
                doc.text(date.range),
                human_date(ctx.date)
            ),
        );
        d.help = Some(AFTER_PUBLICATION_HELP.into());
        if date.year.is_none() && ctx.style.citation.year_for_earlier_years {
            d.help = Some(format!(
                "If the source is from an earlier year, give the year: `{written}, {}`",
                ctx.date.year() - 1
            ));
        }
    }
}

/// The help of a cited date after publication.
const AFTER_PUBLICATION_HELP: &str =
    "A source cannot be dated after the piece that cites it: check the date with the source, and the piece's publication date";

/// The month within two edits of `word`, if exactly one is.
fn nearest_month(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    let mut best: Vec<(usize, &str)> = MONTHS
        .iter()
        .map(|m| {
            (
                crate::document::edit_distance(&lower, &m.to_lowercase()),
                *m,
            )
        })
        .filter(|(d, _)| *d <= 2)
        .collect();
    best.sort_unstable();
    match best.as_slice() {
        [(d, m)] => Some(m).copied().filter(|_| *d <= 2),
        [(d1, m), (d2, _), ..] if d1 < d2 => Some(m),
        _ => None,
    }
}

/// "23 August 2021".
pub(crate) fn human_date(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month() as usize - 1],
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linter::testing::findings_of;
    use jiff::civil::date;

    fn findings(text: &str, published: Date) -> Vec<(String, String)> {
        findings_of(&CitationFormat, text, published)
            .into_iter()
            .map(|d| (d.range.slice(text).to_string(), d.message))
            .collect()
    }

    #[test]
    fn well_formed_groups_pass() {
        let text = "The ministers spoke by phone on August 18 (TASS, August 20; Rossiyskaya Gazeta, August 18; Lenta, RBC, July 9).\n\nAid was pledged in 2018 (Informburo.kz, September 10, 2018).";
        assert_eq!(findings(text, date(2021, 8, 23)), vec![]);
    }

    #[test]
    fn ordinary_parentheticals_are_not_checked() {
        let text = "Nur-Sultan (as the capital has been known since March 2019) waited. Wheat ($72.8 million) led exports.";
        assert_eq!(findings(text, date(2021, 8, 23)), vec![]);
    }

    #[test]
    fn ranges_across_months_and_days_joined_by_and_are_dates() {
        let published = date(2022, 3, 15);
        let text = "The ceasefire failed (ISW, February 28–March 2; Reuters, March 10, 11 and 12; Meduza, 3 and 4 March).";
        assert_eq!(findings(text, published), vec![]);
        // The last day of a range is still checked against publication.
        let f = findings("Shelling went on (Suspilne, March 12–April 2).", published);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "April 2");
        let f = findings("Shelling went on (Suspilne, March 10 and 31).", published);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn misspelt_month_is_flagged_with_a_suggestion() {
        let f = findings("Talks stalled (TASS, Agust 20).", date(2021, 8, 23));
        assert_eq!(f, vec![("Agust".into(), "`Agust` is not a month".into())]);
    }

    #[test]
    fn abbreviated_month_gets_a_safe_fix() {
        let text = "Talks stalled (TASS, Sept. 3).";
        let d = findings_of(&CitationFormat, text, date(2021, 9, 10));
        assert_eq!(d.len(), 1);
        let fix = d[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, crate::Applicability::Safe);
        assert_eq!(fix.edits[0].range.slice(text), "Sept.");
        assert_eq!(fix.edits[0].replacement, "September");
    }

    #[test]
    fn impossible_days_are_flagged() {
        let f = findings(
            "It was denied (Kommersant, June 31; Vedomosti, February 29, 2021).",
            date(2021, 8, 23),
        );
        assert_eq!(
            f,
            vec![
                ("31".into(), "June 31 does not exist".into()),
                ("29".into(), "February 29 does not exist in 2021".into())
            ]
        );
        assert_eq!(
            findings(
                "Leap day (Kommersant, February 29, 2020).",
                date(2021, 8, 23)
            ),
            vec![]
        );
    }

    #[test]
    fn dates_after_publication_are_flagged() {
        let f = findings(
            "Trade fell (Total.kz, August 25; Lsm.kz, August 16, 24).",
            date(2021, 8, 23),
        );
        assert_eq!(
            f,
            vec![
                (
                    "August 25".into(),
                    "Cited date `August 25` is after the publication date (23 August 2021)".into()
                ),
                (
                    "24".into(),
                    "Cited date `24` is after the publication date (23 August 2021)".into()
                )
            ]
        );
        // The same date in an earlier year is fine when it says so.
        assert_eq!(
            findings("Trade fell (Total.kz, August 25, 2020).", date(2021, 8, 23)),
            vec![]
        );
    }

    #[test]
    fn a_year_end_piece_cites_december_without_the_year() {
        // Published in early January: December is last December.
        let text =
            "Exports fell in the autumn (Kursiv, December 28; TASS, November 30, December 2).";
        assert_eq!(findings(text, date(2021, 1, 8)), vec![]);
        // A date just after publication is still a slip, not last year's.
        let f = findings("Talks resumed (TASS, January 10).", date(2021, 1, 8));
        assert_eq!(f.len(), 1);
        // And so is one from far back in the year before, which needs its year.
        let f = findings("Talks resumed (TASS, June 15).", date(2019, 6, 14));
        assert_eq!(f.len(), 1);
        let f = findings("Talks resumed (TASS, September 30).", date(2021, 1, 8));
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn day_first_dates_and_times_are_dates() {
        let text = "The inauguration was held in secret (Novaya Gazeta, 24 September; Meduza, 23–24 September; Interfax, September 27, 2020, 14:30).";
        assert_eq!(findings(text, date(2020, 9, 30)), vec![]);
        let f = findings(
            "It was held in secret (Meduza, 31 September).",
            date(2020, 10, 30),
        );
        assert_eq!(f, vec![("31".into(), "September 31 does not exist".into())]);
    }

    #[test]
    fn more_dates_of_the_same_source_after_a_semicolon() {
        let text = "The drills grew each year (see EDM, March 3, 2021; June 1, 2022; TASS, May 9).";
        assert_eq!(findings(text, date(2022, 6, 10)), vec![]);
    }

    #[test]
    fn items_without_outlet_or_date() {
        let f = findings(
            "It was reported (TASS, August 20; Interfax; August 21).",
            date(2021, 8, 23),
        );
        assert_eq!(
            f,
            vec![
                (
                    "Interfax".into(),
                    "`Interfax` is cited without a date".into()
                ),
                (
                    "August 21".into(),
                    "Citation item `August 21` names no outlet".into()
                )
            ]
        );
    }

    #[test]
    fn parenthetical_asides_that_begin_oddly_are_not_citation_groups() {
        // Negatives first: asides with a comma or a date in them that no CMS left
        // behind, and dates in brackets without a dropped outlet.
        for text in [
            "The board met again (, that is, in secret) before the vote.",
            "The board met again (and, on June 30, once more).",
            "The board met again (June 30).",
            "The board met again (, ).",
            "The board met again (; June 30).",
            "The board met again (, June 30 or later, nobody knows).",
            "The board met again (, sic).",
        ] {
            assert_eq!(findings(text, date(2021, 8, 23)), vec![], "{text}");
        }
    }

    #[test]
    fn a_group_whose_outlets_were_dropped_names_no_outlet() {
        let published = date(2021, 9, 2);
        let message = |g: &str| format!("Citation group `{g}` names no outlet");
        assert_eq!(
            findings("Grain prices rose again (, August 25).", published),
            vec![("(, August 25)".into(), message("(, August 25)"))]
        );
        assert_eq!(
            findings("Grain prices rose again (,, June 30;, June 27).", published),
            vec![(
                "(,, June 30;, June 27)".into(),
                message("(,, June 30;, June 27)")
            )]
        );
        // One dropped outlet among named ones is an item without its outlet.
        assert_eq!(
            findings(
                "Grain prices rose again (Kursiv, August 25;, August 24).",
                published
            ),
            vec![(
                ", August 24".into(),
                "Citation item `, August 24` names no outlet".into()
            )]
        );
        // Its dates are still checked.
        assert_eq!(
            findings("Grain prices rose again (, Agust 25).", published),
            vec![
                ("(, Agust 25)".into(), message("(, Agust 25)")),
                ("Agust".into(), "`Agust` is not a month".into())
            ]
        );
    }
}
