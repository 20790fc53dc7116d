//! Readings of a mention found on real copy: a name given as what something is called,
//! regions that kept a city's old name, surnames, past lives and eras, italics.

use jiff::civil::date;

use super::*;

#[test]
fn a_name_given_as_what_something_is_called_is_a_mention() {
    let published = date(2024, 2, 20);
    for text in [
        "Russian state television refers to the capital only as Kishinev in its bulletins.",
        "Older residents still describe the city as Kishinev when speaking Russian.",
    ] {
        assert!(flagged(text, published).is_empty(), "{text}");
    }
    // Positives: "as" without a verb of naming is an ordinary mention.
    assert_eq!(
        flagged("Prices rose in Kishinev as fuel became scarce.", published),
        ["Kishinev"]
    );
    assert_eq!(
        flagged("He served as mayor of Kishinev for a decade.", published),
        ["Kishinev"]
    );
}

#[test]
fn a_region_that_kept_the_old_name_is_named_by_it() {
    let published = date(2023, 6, 15);
    for text in [
        "The Sverdlovsk governor met factory directors in Yekaterinburg on Tuesday.",
        "Deputies of the Dnipropetrovsk regional council voted to rename several streets.",
        "The Leningrad governor inspected the port at Ust-Luga.",
    ] {
        assert!(flagged(text, published).is_empty(), "{text}");
    }
    // Positives: the city itself, and a region whose name changed with the city's.
    assert_eq!(
        flagged(
            "The governor flew to Sverdlovsk for the opening.",
            published
        ),
        ["Sverdlovsk"]
    );
    assert_eq!(
        flagged("The Kharkov regional council met in a shelter.", published),
        ["Kharkov"]
    );
}

#[test]
fn a_place_name_that_is_also_a_surname_can_be_a_person() {
    let published = date(2021, 5, 12);
    for text in [
        "Igor Nikolaev, an economist in Moscow, expects rates to rise. According to Nikolaev, the bank will move twice.",
        "Economist Nikolaev warned that the budget could not absorb the cost.",
    ] {
        assert!(flagged(text, published).is_empty(), "{text}");
    }
    // Positives: the city, even where a person of that name appears elsewhere.
    assert_eq!(
        flagged("Shipyards in Nikolaev were idle for a decade.", published),
        ["Nikolaev"]
    );
    assert_eq!(
        flagged(
            "Igor Nikolaev spoke in Moscow. The shipyards in Nikolaev were idle.",
            published
        ),
        ["Nikolaev"]
    );
    assert_eq!(
        flagged("In Nikolaev, the shipyards were idle.", published),
        ["Nikolaev"]
    );
}

#[test]
fn a_past_life_and_the_astana_format_keep_their_names() {
    let published = date(2021, 5, 12);
    for text in [
        "He moved to Moscow from Alma-Ata as a student and later taught there.",
        "She had lived in Frunze in her youth, before the family left for Riga.",
        "The Astana-brokered ceasefire in Syria has held only partly.",
    ] {
        assert!(flagged(text, published).is_empty(), "{text}");
    }
    // Positives: the same names in the present.
    assert_eq!(
        flagged(
            "He moved to Alma-Ata last year to open a bakery.",
            published
        ),
        ["Alma-Ata"]
    );
    assert_eq!(
        flagged(
            "The Astana-based bank opened a branch abroad this spring.",
            published
        ),
        ["Astana"]
    );
}

#[test]
fn the_revolution_and_the_tsars_set_a_sentence_in_their_time() {
    let published = date(2017, 11, 7);
    for text in [
        "The provisional government ruled from Petrograd until the October Revolution.",
        "The tsar's ministers met in Petrograd as the army collapsed.",
    ] {
        assert!(flagged(text, published).is_empty(), "{text}");
    }
    // Positive: a revolution of another kind does not date the city.
    assert_eq!(
        flagged("Officials in Petrograd fear a color revolution.", published),
        ["Petrograd"]
    );
}

#[test]
fn a_region_in_a_list_of_regions_keeps_its_name() {
    // Negatives first: the oblast kept the old name of its city.
    let text = "Floods reached farmland in the Kherson, Zaporizhzhia and Dnipropetrovsk \
                regions. Shelling hit the Dnipropetrovsk and Kharkiv oblasts overnight, and \
                the Dnipropetrovsk, Poltava and Sumy regions lost power.";
    assert_eq!(flagged(text, date(2023, 6, 13)), Vec::<String>::new());
    // The city itself, in a list of cities, is still out of date.
    assert_eq!(
        flagged(
            "Trains ran between Kharkiv and Dnipropetrovsk again.",
            date(2023, 6, 13)
        ),
        vec!["Dnipropetrovsk"]
    );
}

#[test]
fn a_bio_set_in_italics_is_checked() {
    // Negatives first: a title in italics, alone on its line, keeps its name.
    let md = "The exhibition opened.\n\n*The Gates of Kiev*\n\n\
              *Olena Petrenko is a journalist from Zaporizhzhia.*\n";
    let found = run(
        md,
        SourceKind::Markdown,
        date(2018, 10, 30),
        HouseStyle::embedded(),
    );
    assert!(found.is_empty(), "{found:?}");
    // A bio in italics is prose, not a title: its place names are checked.
    let md = "The port reopened.\n\n*Andriy Melnyk is a journalist from Zaporozhye.*\n";
    let found: Vec<String> = run(
        md,
        SourceKind::Markdown,
        date(2018, 10, 30),
        HouseStyle::embedded(),
    )
    .into_iter()
    .map(|f| f.text)
    .collect();
    assert_eq!(found, vec!["Zaporozhye"]);
}
