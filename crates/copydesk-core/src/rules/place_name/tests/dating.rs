//! Which date a mention is read at: how far a date in one sentence reaches, where a
//! notes section ends, dated events of the news, and the house's choice for places
//! in history. All sentences are original.

use jiff::civil::date;

use super::*;

fn flagged_md(md: &str, published: Date) -> Vec<String> {
    run(md, SourceKind::Markdown, published, HouseStyle::embedded())
        .into_iter()
        .map(|f| f.text)
        .collect()
}

#[test]
fn a_date_in_a_relative_clause_stays_in_its_sentence() {
    let published = date(2020, 12, 16);
    // Negatives first: a date that sets the time of its whole sentence still reaches
    // the next one, and a date in the clause of the name still excuses it.
    for text in [
        "In 2011 the strike in the oil town turned deadly. Ministers in Astana blamed \
         outside agitators.",
        "The oil workers struck in 2011. Ministers in Astana blamed outside agitators.",
        "Monitors went back to the oil town, where ministers in Astana had sent troops \
         in 2011.",
    ] {
        assert!(flagged(text, published).is_empty(), "{text}");
    }
    // Positives: a year inside a relative clause of the sentence before dates only
    // that clause.
    for text in [
        "Monitors went back to the oil town, where the 2011 strike ended in bloodshed \
         (Vlast, December 2). Ministers in Astana did not comment.",
        "The report quotes a welder who lost his job in 2011. Ministers in Astana did \
         not comment.",
        "Grain went by rail to the port, which the army had closed in 2014. Traders in \
         Astana expect more of it this winter.",
    ] {
        assert_eq!(flagged(text, published), ["Astana"], "{text}");
    }
}

#[test]
fn a_notes_heading_covers_its_entries_only() {
    let published = date(2023, 6, 1);
    // Negatives first: the entries of the notes, as a list, as marked lines or as
    // short comma-separated references, cite works as published.
    let md = "The grain board met.\n\n## Notes\n\n\
              1. Kazinform, Nur-Sultan, May 29, 2020.\n\
              2. UNIAN, Kiev, March 3, 2015.\n";
    assert_eq!(flagged_md(md, published), Vec::<String>::new());
    let md = "The grain board met.\n\n## Sources\n\n[1] Kazinform, Nur-Sultan, 2020.\n\n\
              UNIAN, Kiev.\n\nhttps://example.org/kiev-rail\n";
    assert_eq!(flagged_md(md, published), Vec::<String>::new());
    let text = "The grain board met.\n\nReferences\n\n\
                [1] Kazinform, Nur-Sultan, May 29, 2020.\n\
                [2] UNIAN, Kiev, March 3, 2015.";
    assert_eq!(flagged(text, published), Vec::<String>::new());
    // Positives: prose after the entries is the piece again, without a new heading:
    // an author's note, a closing paragraph, a line of plain text.
    let md = "The grain board met.\n\n## Notes\n\n\
              1. Kazinform, Nur-Sultan, May 29, 2020.\n\n\
              The author reported from Nur-Sultan and Kiev this spring.\n";
    assert_eq!(flagged_md(md, published), ["Nur-Sultan", "Kiev"]);
    let text = "The grain board met.\n\nNotes\n\n\
                [1] Kazinform, Nur-Sultan, May 29, 2020.\n\n\
                Farmers near Nur-Sultan expect a poor harvest this year.";
    assert_eq!(flagged(text, published), ["Nur-Sultan"]);
}

#[test]
fn renamed_in_any_letter_case_explains_the_name() {
    let published = date(2020, 5, 4);
    for text in [
        "The capital has been renamed Nur-sultan in honour of the first president.",
        "Astana has been renamed Nur-sultan in honour of the first president.",
        "Astana has been renamed NUR-SULTAN in honour of the first president.",
        "Astana, renamed nur-sultan by parliament, keeps its old airport code.",
    ] {
        assert!(flagged(text, published).is_empty(), "{text}");
    }
    // Positives: the explanation covers its own sentence, not the next; a word that is
    // a name only with its capital does not explain.
    assert_eq!(
        flagged(
            "Astana has been renamed Nur-sultan. Traders in Astana expect a poor harvest.",
            published
        ),
        ["Astana"]
    );
    assert_eq!(
        flagged(
            "Officials in Nur-Sultan posted the new rules on astana.gov.kz.",
            date(2023, 3, 1)
        ),
        ["Nur-Sultan"]
    );
}

#[test]
fn a_dated_event_is_dated_by_the_publication_date() {
    let published = date(2021, 9, 10);
    // Negatives first: a day with its year is a past period; a dated sentence without
    // an event of the news still excuses the next.
    for text in [
        "On Tuesday, March 19, 2019, deputies met in Astana.",
        "Deputies met in Astana on Tuesday, March 19, 2019.",
        "In 2015 the talks moved north. Delegates flew to Astana for a week.",
        "The talks of 2015 moved north. On Tuesday, delegates recalled their week in \
         Astana in 2015.",
    ] {
        assert!(flagged(text, published).is_empty(), "{text}");
    }
    // Positives: yesterday, a weekday, this week are the days of the news.
    for text in [
        "In 2015 the talks moved north. On Tuesday delegates flew to Astana again.",
        "In 2015 the talks moved north. Delegates flew to Astana yesterday.",
        "In 2015 the talks moved north. Delegates gather in Astana this week.",
        "The then minister opened the plant. Delegates met in Astana on Monday.",
        "In 2015 the talks moved north. On Tuesday, delegates flew to Astana again.",
        "The Soviet-era plant was shut for years. Yesterday, officials from Astana \
         reopened it.",
    ] {
        assert_eq!(flagged(text, published), ["Astana"], "{text}");
    }
}

fn with_history(history: crate::gazetteer::History) -> HouseStyle {
    let mut style = HouseStyle::embedded().clone();
    style.places.history = history;
    style
}

#[test]
fn the_present_name_for_places_in_history_when_the_desk_accepts_it() {
    use crate::gazetteer::History;
    let published = date(2023, 4, 12);
    let found = |text: &str, history| -> Vec<String> {
        run(text, SourceKind::Text, published, &with_history(history))
            .into_iter()
            .map(|f| f.text)
            .collect()
    };
    // The name of the time, by default: the present name in a dated past is flagged.
    assert_eq!(
        found("Astana became the capital in 1997.", History::NameOfTheTime),
        ["Astana"]
    );
    // Negatives first, with the present name accepted: the present name in the past,
    // and the name of the time, both pass.
    for text in [
        "Astana became the capital in 1997.",
        "In 2005, the new ministries in Astana opened their doors.",
        "In 2005, the new ministries in Astana opened their doors, when it was still \
         a building site.",
        "Akmola became the capital in 1997.",
        "In 2017, the ceasefire talks opened in Astana.",
    ] {
        assert!(
            found(text, History::PresentNameAccepted).is_empty(),
            "{text}"
        );
    }
    // Positives: a name in force at neither time, and an old name in the present, are
    // still wrong.
    for (text, name) in [
        (
            "In 2017, the ceasefire talks opened in Nur-Sultan.",
            "Nur-Sultan",
        ),
        (
            "Officials in Nur-Sultan announced the grain quota.",
            "Nur-Sultan",
        ),
        (
            "In 1975, the grain harvest in Nur-Sultan failed.",
            "Nur-Sultan",
        ),
    ] {
        assert_eq!(found(text, History::PresentNameAccepted), [name], "{text}");
    }
}

#[test]
fn a_rename_decided_before_it_came_into_force_accepts_both_names_in_between() {
    // Between the vote of 20 March 2019 and the decree of 23 March: negatives.
    for (text, published) in [
        ("Officials in Astana met the envoys.", date(2019, 3, 21)),
        ("Officials in Nur-Sultan met the envoys.", date(2019, 3, 21)),
        (
            "On March 22, 2019, officials in Nur-Sultan met the envoys.",
            date(2021, 5, 4),
        ),
        (
            "On March 22, 2019, officials in Astana met the envoys.",
            date(2021, 5, 4),
        ),
    ] {
        assert!(flagged(text, published).is_empty(), "{text} ({published})");
    }
    // Positives: before the vote the new name is not yet the name, and after the
    // decree the old one is out of date.
    assert_eq!(
        flagged("Officials in Nur-Sultan met the envoys.", date(2019, 3, 19)),
        ["Nur-Sultan"]
    );
    assert_eq!(
        flagged("Officials in Astana met the envoys.", date(2019, 3, 25)),
        ["Astana"]
    );
    assert_eq!(
        flagged(
            "On March 19, 2019, officials in Nur-Sultan met the envoys.",
            date(2021, 5, 4)
        ),
        ["Nur-Sultan"]
    );
}
