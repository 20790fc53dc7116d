use jiff::civil::Date;

use super::*;
use crate::document::SourceKind;
use crate::style::HouseStyle;

fn claim_of(sentence: &str) -> Option<(ClaimKind, String)> {
    let doc = Document::parse(sentence, SourceKind::Text);
    let style = HouseStyle::embedded();
    let s = Sourcing::new(&doc, style, Date::new(2021, 9, 15).unwrap());
    let block = doc.blocks.first()?;
    let c = s.block_claims(block).into_iter().next()?;
    Some((c.kind, doc.text(c.range).to_string()))
}

#[test]
fn figures() {
    for (text, figure) in [
        (
            "Trade amounted to a modest $229.7 million in the period.",
            "$229.7 million",
        ),
        (
            "Over 60 percent of the flour comes from Kazakhstan.",
            "60 percent",
        ),
        (
            "The country admitted 135 staff members of the mission.",
            "135 staff members",
        ),
        (
            "The rumor spoke of some 2,000 Afghan refugees.",
            "some 2,000 Afghan refugees",
        ),
        ("Exports reached 72.8 tons of wheat.", "72.8 tons"),
        (
            "Thousands of protesters gathered in the square.",
            "Thousands of protesters",
        ),
        ("The fund lost 4.5% of its value.", "4.5%"),
        (
            "The budget set aside KZT 500 billion for roads.",
            "KZT 500 billion",
        ),
    ] {
        assert_eq!(
            claim_of(text),
            Some((ClaimKind::Figure, figure.to_string())),
            "{text}"
        );
    }
}

#[test]
fn numbers_that_are_not_figures() {
    for text in [
        "In the first half of 2021, relations cooled.",
        "The region has not been this tense since World War II.",
        "The COVID-19 pandemic and the S-400 deal mattered.",
        "Article 5 of the treaty is the heart of the alliance.",
        "The 1990s were a hard decade for the steppe.",
        "He ruled the country for 30 years.",
        "Kazakhstan has 17 regions and three cities of republican significance.",
        "The country is home to some 130 ethnic groups.",
        "It was the 18th round of talks.",
        "The period 2019–2021 was calm.",
        "Exports could grow by 10 percent next year.",
        "There is nothing to suggest that 5 percent is realistic.",
    ] {
        assert_eq!(claim_of(text), None, "{text}");
    }
}

fn paragraph_claims(text: &str) -> Vec<(ClaimKind, String)> {
    let doc = Document::parse(text, SourceKind::Text);
    let style = HouseStyle::embedded();
    let s = Sourcing::new(&doc, style, Date::new(2021, 9, 15).unwrap());
    doc.blocks
        .iter()
        .flat_map(|b| s.block_claims(b))
        .map(|c| (c.kind, doc.text(c.range).to_string()))
        .collect()
}

#[test]
fn figures_of_history_are_background() {
    for text in [
        "In 1989, some 40,000 miners struck across the Karaganda basin.",
        "The famine of the early 1930s killed about 1.5 million people in the republic.",
        "The civil war of 1992–1997 displaced more than 600,000 people.",
        "The reservoir was filled in 1978. Its builders moved 12,000 families out of the valley.",
    ] {
        assert_eq!(paragraph_claims(text), vec![], "{text}");
    }
    // A recent year, "since" a year, or a return to the present keeps the figure.
    assert_eq!(
        claim_of("The lake has lost 60 percent of its area since 1985."),
        Some((ClaimKind::Figure, "60 percent".into()))
    );
    assert_eq!(
        claim_of("In 1994 and again in 2019, exports fell by 20 percent."),
        Some((ClaimKind::Figure, "20 percent".into()))
    );
    assert_eq!(
        paragraph_claims(
            "The mine opened in 1975. Today it employs 3,000 workers from the valley."
        ),
        vec![(ClaimKind::Figure, "3,000 workers".into())]
    );
}

#[test]
fn population_sizes_are_background() {
    // Negatives first: the size of a population, then and now.
    for text in [
        "The region's population has shrunk from about 8 million in 1991 to 7.6 million.",
        "Its population, just under 3 million in the last census, keeps falling.",
    ] {
        assert_eq!(paragraph_claims(text), vec![], "{text}");
    }
    // Other counts in the same sentence, and money, stay figures.
    for text in [
        "The population of the city fell as 2 million people left in the spring.",
        "The refugee population received $3 million in aid last month.",
    ] {
        assert!(!paragraph_claims(text).is_empty(), "{text}");
    }
}

#[test]
fn background_counts_lengths_and_legal_terms() {
    for text in [
        "Tajikistan, a mountainous country of about 10 million people, borders China.",
        "Estonia has a population of just over 1.3 million.",
        "The Baltic states have a combined population of just over six million.",
        "The Irtysh flows some 4,200 kilometers before it joins the Ob.",
        "The herders roam a steppe spread over 300,000 square kilometers.",
        "The country irrigates about 4.3 million hectares, most of them along two rivers.",
        "The savings bank had more than 1,000 branches at its peak.",
        "In its heyday, the plant employed 12,000 people.",
        "The new law requires outlets that receive more than 20 percent of their money from abroad to register.",
        "The ceasefire agreement, signed in March, set out 12 points for both sides to meet.",
    ] {
        assert_eq!(claim_of(text), None, "{text}");
    }
    assert_eq!(
        claim_of("Floods destroyed 2,000 houses in the valley last week."),
        Some((ClaimKind::Figure, "2,000 houses".into()))
    );
    assert_eq!(
        claim_of("The savings bank closed 300 branches in the spring, long after its peak.")
            .map(|c| c.0),
        Some(ClaimKind::Figure)
    );
    assert_eq!(
        claim_of("The farm ministry paid $40 million for 4,000 hectares of flooded land.")
            .map(|c| c.0),
        Some(ClaimKind::Figure)
    );
}

#[test]
fn dates_of_reference_and_background_months() {
    for text in [
        "Since February 24, the border crossings have been busier than ever.",
        "The joint statement of March 3 mentions neither sanctions nor trade.",
        "The country was granted candidate status in June 2021 and has waited since.",
        // A meeting, a visit or a signing is public record.
        "On March 3, the two presidents signed a joint statement.",
        "On May 28, the president met with the mayor of Dushanbe.",
    ] {
        assert_eq!(claim_of(text), None, "{text}");
    }
    assert_eq!(
        claim_of("On March 3, the two armies exchanged fire at the border."),
        Some((ClaimKind::DatedEvent, "March 3".into()))
    );
    assert_eq!(
        claim_of("But in June 2021, parliament voted the bill down."),
        Some((ClaimKind::DatedEvent, "June 2021".into()))
    );
}

#[test]
fn standing_positions_are_not_reported_speech() {
    for text in [
        "Beijing has long insisted that the pipeline is a purely commercial project.",
        "Moscow has always said that the base serves regional stability.",
        "Direct flights, which Tbilisi had insisted on for some time, are back.",
        "Moscow has said for years that the base serves regional stability.",
    ] {
        assert_eq!(claim_of(text), None, "{text}");
    }
    assert_eq!(
        claim_of("Beijing insisted on Monday that the pipeline is a commercial project."),
        Some((ClaimKind::ReportedSpeech, "insisted".into()))
    );
}

#[test]
fn dated_events_and_history() {
    assert_eq!(
        claim_of("On August 18, the two ministers discussed the situation."),
        Some((ClaimKind::DatedEvent, "August 18".into()))
    );
    assert_eq!(
        claim_of("In June 2011, the Senate refused to ratify the agreement."),
        Some((ClaimKind::DatedEvent, "June 2011".into()))
    );
    assert_eq!(
        claim_of("On December 16, 1991, the republic declared independence."),
        None
    );
    assert_eq!(
        claim_of("The capital (renamed in March 2019) kept its old role."),
        None
    );
    assert_eq!(
        claim_of("Constitution Day is celebrated on August 30 every year."),
        None
    );
}

#[test]
fn reported_speech_and_idioms() {
    assert_eq!(
        claim_of("The minister said the border would stay open."),
        Some((ClaimKind::ReportedSpeech, "said".into()))
    );
    // Silence and chains of command report nothing; what is said about them does.
    for text in [
        "Ashgabat has said little in public about the new canal.",
        "The minister has said nothing since the vote.",
        "The cabinet has not said whether the border will reopen.",
        "The security services have reported to him for three decades.",
        "Officials insisted at the time that the land was of little value.",
        "In the provinces no casualty figures were reported during the clashes.",
    ] {
        assert_eq!(claim_of(text), None, "{text}");
    }
    for text in [
        "The governor said little had changed since the flood.",
        "The minister said nothing would be decided before the vote.",
        "The ministry reported to parliament that the reservoir was full.",
        "The time has come, the minister said at a rally on Monday.",
        "The minister said at the time of the signing that the land was of little value.",
        "Heavy casualties were reported during the clashes.",
        "Tbilisi insisted on Monday that the flights were safe.",
    ] {
        assert_eq!(
            claim_of(text).map(|c| c.0),
            Some(ClaimKind::ReportedSpeech),
            "{text}"
        );
    }
    for text in [
        "That said, the outlook is uncertain.",
        "It is often said that the steppe forgives nothing.",
        "The stated goal of the reform is a leaner state.",
        "None of it has touched the president's stated aim of attracting investors.",
        "The reform follows Tashkent’s announced plan to open the border.",
        "The long-announced reform has yet to reach the regions.",
        // What a thing shows is no speech.
        "One mild winter says more about the climate than about the route.",
        "The empty terminal says volumes about the plan.",
    ] {
        assert_eq!(claim_of(text), None, "{text}");
    }
    // A contraction of "has" is still reported speech.
    assert_eq!(
        claim_of("He's stated that the border will reopen.").map(|c| c.0),
        Some(ClaimKind::ReportedSpeech)
    );
    assert_eq!(
        claim_of("The minister said more about the route than his deputy.").map(|c| c.0),
        Some(ClaimKind::ReportedSpeech)
    );
}

#[test]
fn the_house_styles_language_lists_apply() {
    let text = "Every spring the festival opens on March 21.";
    let doc = Document::parse(text, SourceKind::Text);
    let published = Date::new(2021, 9, 15).unwrap();
    let claims = |style: &HouseStyle| {
        let s = Sourcing::new(&doc, style, published);
        doc.blocks
            .iter()
            .flat_map(|b| s.block_claims(b))
            .map(|c| (c.kind, doc.text(c.range).to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        claims(HouseStyle::embedded()),
        vec![(ClaimKind::DatedEvent, "March 21".to_string())]
    );
    let mut style = HouseStyle::embedded().clone();
    style
        .language
        .recurring_cues
        .patch(vec!["every spring".into()], false);
    assert_eq!(claims(&style), vec![]);
}
