use super::*;
use crate::diagnostic::Applicability;
use crate::document::SourceKind;
use crate::linter::testing::{context, lint_rules};
use crate::style::{HouseStyle, PercentForm, RangeDash, ScaleForm, SmallNumbers, Thousands};

/// (flagged, fixed text, safe) of each finding on `text` under `style`.
fn found_with(text: &str, style: &HouseStyle) -> Vec<(String, String, bool)> {
    let ctx = context(jiff::civil::date(2023, 9, 1), style);
    lint_rules(&[&NumberStyle], text, SourceKind::Text, &ctx)
        .1
        .into_iter()
        .map(|d| {
            let fix = d.fix.expect("a fix");
            let mut fixed = d.range.slice(text).to_string();
            let edit = &fix.edits[0];
            let local = TextRange::new(
                edit.range.start - d.range.start,
                edit.range.end - d.range.start,
            );
            fixed.replace_range(local.start..local.end, &edit.replacement);
            (
                d.range.slice(text).to_string(),
                fixed,
                fix.applicability == Applicability::Safe,
            )
        })
        .collect()
}

fn found(text: &str) -> Vec<(String, String, bool)> {
    found_with(text, HouseStyle::embedded())
}

fn s(a: &str, b: &str, safe: bool) -> (String, String, bool) {
    (a.to_string(), b.to_string(), safe)
}

#[test]
fn names_dates_times_ages_sections_and_quotations_pass() {
    // Negatives first.
    let texts = [
        "The Group of Seven met in Hiroshima, and the Big Four audit firms and the Five Eyes were named.",
        "Under Article 5 of the treaty and Vision 2030, the plan has 3 MW of panels and 5 km of road.",
        "One of the ministers said no one had left; one day the talks will resume.",
        "The talks opened on August 5 and 6 at 5 p.m. in room 4, and a 7-year-old boy was aged 7.",
        "“We have 3 options and 2 weeks,” the minister said (TASS, August 20).",
        "In 2024 the ministry counted 2019 cases? No: 1998 and 2024 are years; section 3 applies.",
        "The score was 3-2 in 2013-14 and 2014-15, and the shares rose 4.5 percent to 1.25.",
        "The agency's site is www.example.kz/news/5 and its code is 12345/2024, No. 40567.",
        "3 ministers and 12 deputies voted; it won the 1st and 2nd rounds.",
        "The map lists 1 to 5 regions and 2 or 3 districts; the index stands at 1 now.",
        "Some 1 in 3 voters agreed, and 2 of the 3 judges and 17 regions and 3 cities voted.",
        "Call 555-1234 or the iPhone 5 users' line; the index fell to 1 after the vote.",
        "Boeing 737-800 jets and COVID-19 cases rose; the 2+2 format met in Su-27 hangars.",
        "Turnout was 68.05 percent, and 77.18 percent voted for; $229.7 million of $4 billion.",
        "Kazakhstan admitted 135 staff members and some 2,000 refugees, and 136,000 signed.",
    ];
    for text in texts {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn house_forms_are_fixed_safely() {
    assert_eq!(
        found("Turnout reached 68%, up from 55 per cent, and 4 observers counted 13000 ballots worth $2bn, from 10-12 a polling station."),
        vec![
            s("68%", "68 percent", true),
            s("55 per cent", "55 percent", true),
            s("4", "four", true),
            s("13000", "13,000", true),
            s("$2bn", "$2 billion", true),
            s("10-12", "10 to 12", true),
        ]
    );
    assert_eq!(
        found("5 officers crossed 1378 kilometres of border between 3–4 villages."),
        vec![
            s("5", "Five", true),
            s("1378", "1,378", true),
            s("3–4", "3 and 4", true),
        ]
    );
}

#[test]
fn consistent_forms_follow_the_majority_unsafely_and_leave_ties() {
    let mut style = HouseStyle::embedded().clone();
    style.numbers.percent = PercentForm::Consistent;
    style.numbers.scale = ScaleForm::Consistent;
    assert_eq!(
        found_with(
            "Prices rose 5%, wages 3% and rents 7 percent; $4bn and $2bn, then $3 billion.",
            &style
        ),
        vec![s("7 percent", "7%", false), s("$3 billion", "$3bn", false),]
    );
    assert_eq!(
        found_with("Prices rose 5% and wages 3 percent.", &style),
        vec![]
    );
    assert_eq!(
        found_with(
            "Exports rose to 4 bln tons and 23 mln tons, worth $5 billion.",
            &style
        ),
        vec![s("$5 billion", "$5 bln", false)]
    );
    assert_eq!(
        found("Growth was 70-80 in 2019, 60–70 in 2020 and 50-60 in 2021."),
        vec![s("60–70", "60-70", false)]
    );
}

#[test]
fn other_houses() {
    let mut style = HouseStyle::embedded().clone();
    style.numbers = crate::style::NumberStyle {
        percent: PercentForm::Sign,
        small_numbers: SmallNumbers::Numerals,
        thousands: Thousands::Space,
        scale: ScaleForm::Abbreviated,
        ranges: RangeDash::EnDash,
    };
    assert_eq!(
        found_with("Four soldiers and two of the guards saw four tanks, 20 percent of 136,000 votes worth $4 billion in 2013-14, as 40 % said.", &style),
        vec![
            s("four", "4", true),
            s("20 percent", "20%", true),
            s("136,000", "136\u{a0}000", true),
            s("$4 billion", "$4bn", true),
            s("2013-14", "2013–14", true),
            s("40 %", "40%", true),
        ]
    );
}

#[test]
fn white_space_wider_than_a_byte_before_a_figure_is_read_without_a_panic() {
    // Found by the property tests: U+2028 and U+0085 are white space of two and three
    // bytes, and a figure's word starts after them.
    for text in [
        "on Monday, March 3, 2019, \u{2028}෦%",
        "rates rose to\u{85}5% in May",
    ] {
        let _ = found(text);
    }
    let f = found("Inflation reached\u{2028}12% in May.");
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn a_no_break_space_around_a_figure_is_read_without_a_panic() {
    // A no-break space is two bytes: the word after a figure, and a name before it
    // (`Flight 5`), start after it.
    let f = found("Flight\u{a0}5\u{a0}crashed, and 4\u{a0}officers and four\u{a0}soldiers died.");
    assert!(f.iter().any(|(text, _, _)| text == "4"), "{f:?}");
}
