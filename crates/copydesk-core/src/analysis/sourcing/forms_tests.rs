//! Forms of real published copy, each written anew here: what sources a claim and what
//! does not, read through the `unsourced-claim` rule.

use jiff::civil::{date, Date};

use crate::document::SourceKind;
use crate::linter::testing::{context, lint_rules};
use crate::rules::unsourced_claim::UnsourcedClaim;
use crate::style::HouseStyle;

/// The unsourced claims of `text` in the citation standard (`attribution =
/// "citation"`, where a speaker's name alone is no source), by the text they flag.
fn flagged(text: &str, published: Date) -> Vec<String> {
    let mut style = HouseStyle::embedded().clone();
    let citation = crate::style::SourcingStyle::from_toml("attribution = \"citation\"\n");
    style.sourcing.merge(citation.unwrap());
    flagged_in(text, published, &style)
}

/// The unsourced claims of `text` in `style`, by the text they flag.
fn flagged_in(text: &str, published: Date, style: &HouseStyle) -> Vec<String> {
    lint_rules(
        &[&UnsourcedClaim],
        text,
        SourceKind::Text,
        &context(published, style),
    )
    .1
    .iter()
    .map(|d| d.range.slice(text).to_string())
    .collect()
}

#[test]
fn a_speaker_named_by_name_is_a_source_by_default() {
    // Negatives first: a pronoun, a role, a name that is what the words are about.
    let style = HouseStyle::embedded();
    for text in [
        "\"Nobody in Baku expects a deal before the winter,\" he said.\n",
        "\"Nobody in Baku expects a deal before the winter,\" the deputy minister said.\n",
        "He said Mammadov had lost 40 percent of his votes.\n",
    ] {
        assert_eq!(
            flagged_in(text, date(2022, 11, 10), style).len(),
            1,
            "{text}"
        );
    }
    for text in [
        INTRODUCED,
        "\"The ministers met in Washington and the mood was already sour,\" Mammadov said.\n",
        "Boris Karpov, then the foreign minister, said the talks would resume in May.\n",
    ] {
        assert!(
            flagged_in(text, date(2022, 11, 10), style).is_empty(),
            "{text}"
        );
    }
}

const COMMENTARY: &str = "In a commentary for the Steppe Review portal, Marat Dzhunusov asks whether Bishkek will be next (steppereview.kz/news.php?st=4411).\n\n";

#[test]
fn a_politician_quoted_by_an_outlet_speaks_again_on_another_occasion() {
    // Negatives first: the earlier source reported one statement, not a text the
    // piece goes through.
    let text = "President Sadyr Japarov said the mine would stay in state hands (Kabar, May 3).\n\nIn a speech to miners on May 20, Japarov called the old deal \"a bribe disguised as a settlement.\"\n";
    assert_eq!(flagged(text, date(2021, 6, 1)).len(), 1);
    // A pronoun after a paragraph sourced by an outlet is not the author of a work.
    let text = "Pashinyan has promised early elections (CivilNet, May 9).\n\n\"We did not make a revolution to change the flags,\" he told a crowd in Yerevan.\n";
    assert_eq!(flagged(text, date(2018, 5, 10)).len(), 1);
    // Another person quoted after a commentary is not its author.
    let text = format!(
        "{COMMENTARY}\"Nobody in Bishkek wants a base,\" said Aibek Toktosunov, a deputy.\n"
    );
    assert_eq!(flagged(&text, date(2014, 7, 24)).len(), 1);
}

#[test]
fn the_author_of_a_sourced_commentary_is_quoted_on_by_name_and_pronoun() {
    let text = format!(
            "{COMMENTARY}Dzhunusov sums up the country's recent past this way: \"two revolutions in five years and a fragile state.\"\n\nTo call the country sovereign, he argues, is to empty the word, since Bishkek keeps being kept from \"standing on its own feet.\"\n"
        );
    assert_eq!(flagged(&text, date(2014, 7, 24)), Vec::<String>::new());
    // The pronoun reaches one paragraph, not the rest of the piece.
    let text = format!(
            "{COMMENTARY}The border has been quiet since May.\n\n\"Nobody in Bishkek wants a base,\" he writes.\n"
        );
    assert_eq!(flagged(&text, date(2014, 7, 24)).len(), 1);
}

#[test]
fn a_datelined_story_reports_the_day_it_covers() {
    let sworn = "BISHKEK -- Protesters blocked the road to the airport on January 28.\n";
    assert!(flagged(sworn, date(2021, 1, 28)).is_empty());
    // Another day, or no dateline: a dated event that needs its source.
    assert_eq!(flagged(sworn, date(2021, 2, 3)).len(), 1);
    let plain = "Protesters blocked the road to the airport on January 28.\n";
    assert_eq!(flagged(plain, date(2021, 1, 28)).len(), 1);
    // An act of office done in public is public record on any day.
    let plain = "The new president was sworn in on January 28 at the Philharmonic Hall.\n";
    assert!(flagged(plain, date(2021, 2, 3)).is_empty());
}

#[test]
fn a_person_introduced_by_name_and_role_in_the_present_is_the_writer_s_interview() {
    // Negatives first: the past tense, a name without a role, a role without a name.
    for text in [
        "“The corridor will open next year,” said Rustam Nabiev, the deputy governor.",
        "“The corridor will open next year,” Tokayev says.",
        "“The corridor will open next year,” says the deputy governor.",
    ] {
        assert_eq!(flagged(text, date(2022, 10, 11)).len(), 1, "{text}");
    }
    for text in [
        "“After the war, a new reality emerged in the region,” says Ferhat Demir, a professor of international relations at Uludag University.",
        "Daniel Ross, the U.S. ambassador to Uzbekistan, says the state now exists for its citizens.",
    ] {
        assert!(flagged(text, date(2022, 10, 11)).is_empty(), "{text}");
    }
    // The interviewee goes on speaking in the next paragraphs.
    let text = "Daniel Ross, the U.S. ambassador to Uzbekistan, says the state now exists for its citizens.\n\n“This has not always been realized in practice,” said Ross, “but it sets a standard.”\n";
    assert!(flagged(text, date(2020, 8, 25)).is_empty());
}

#[test]
fn an_outlet_named_in_quotation_marks_is_named() {
    let text = "On February 1, the president held a meeting on gas exports. It was reported by «Turkmenistan today».";
    assert!(flagged(text, date(2022, 2, 3)).is_empty());
    let text =
        "On February 1, the president held a meeting on gas exports. It was reported by the media.";
    assert_eq!(flagged(text, date(2022, 2, 3)).len(), 1);
}

#[test]
fn counts_written_in_words_and_dates_after_a_run_in_label_are_claims() {
    // Negatives first: a pair, a group the text knows, background.
    for text in [
        "The two presidents met in Sochi.",
        "The three soldiers were later released.",
        "It is a village of forty families.",
    ] {
        assert!(flagged(text, date(2022, 9, 26)).is_empty(), "{text}");
    }
    for text in [
        "The clashes left fifty-five people dead.",
        "Dozens of protesters were detained in the capital.",
        "BACKGROUND: In December 2021, the two leaders agreed to restart talks.",
    ] {
        assert_eq!(flagged(text, date(2022, 1, 20)).len(), 1, "{text}");
    }
}

#[test]
fn a_rule_stated_of_anyone_it_applies_to_is_no_reported_figure() {
    // Negatives first: an obligation of a named party, a result.
    for text in [
        "Kazakhstan must repay $5 billion by 2025 under the deal.",
        "Tokayev won 81 percent of the vote.",
    ] {
        assert_eq!(flagged(text, date(2019, 6, 10)).len(), 1, "{text}");
    }
    for text in [
        "A candidate must win more than 50% of the vote to win the election.",
        "Each party has to collect 20,000 signatures to register.",
    ] {
        assert!(flagged(text, date(2019, 6, 10)).is_empty(), "{text}");
    }
}

/// A speaker the piece introduces by name and role, then quotes again.
const INTRODUCED: &str = "\"Nobody in Baku expects a deal before the winter,\" Farid Mammadov, head of an independent think tank in Baku, said.\n\n";

#[test]
fn a_speaker_introduced_once_is_still_queried_in_the_past_tense_or_unnamed() {
    // The introduction itself, in the past tense: said to whom, and where?
    assert_eq!(flagged(INTRODUCED, date(2022, 11, 10)).len(), 1);
    // Later words in the past tense are another occasion.
    let text = format!("{INTRODUCED}\"The ministers met in Washington and the mood was already sour,\" Mammadov said.\n");
    assert_eq!(flagged(&text, date(2022, 11, 10)).len(), 2);
    // The present tense of someone the piece never introduced.
    let text =
        "\"The ministers met in Washington and the mood was already sour,\" Mammadov recalls.\n";
    assert_eq!(flagged(text, date(2022, 11, 10)).len(), 1);
    // Someone else in the present tense.
    let text = format!("{INTRODUCED}\"The ministers met in Washington and the mood was already sour,\" Huseynov recalls.\n");
    assert_eq!(flagged(&text, date(2022, 11, 10)).len(), 2);
    // A name without a role does not introduce anyone.
    let text = "\"Nobody in Baku expects a deal before the winter,\" Farid Mammadov said.\n\n\"The ministers met in Washington and the mood was already sour,\" Mammadov recalls.\n";
    assert_eq!(flagged(text, date(2022, 11, 10)).len(), 2);
}

#[test]
fn an_introduced_speaker_speaks_on_in_the_present_tense_of_an_interview() {
    let text = format!("{INTRODUCED}\"When the ministers met in Washington, the mood in Baku was already sour,\" Farid Mammadov recalls.\n\nThe ministry's statement, Mammadov notes, \"promised more than it could deliver.\"\n");
    assert_eq!(flagged(&text, date(2022, 11, 10)).len(), 1);
    // Introduced in the present tense with a role: the interview from the first words.
    let text = "\"When the ministers met in Washington, the mood was already sour,\" recalls Leyla Hasanova, director of a research centre in Ganja.\n";
    assert!(flagged(text, date(2022, 11, 10)).is_empty());
}

#[test]
fn announcements_and_votes_that_stay_claims() {
    // Words announced are reported speech.
    let text = "He announced that the border would reopen.\n";
    assert_eq!(flagged(text, date(2024, 9, 19)).len(), 1);
    let text = "On Monday he announced plans to reopen the border.\n";
    assert_eq!(flagged(text, date(2024, 9, 19)).len(), 1);
    // A thing announced with a figure: the figure is the claim.
    let text = "He announced a 12 percent rise in pensions.\n";
    assert_eq!(flagged(text, date(2024, 9, 19)), vec!["12 percent"]);
    // What a vote decided is a claim; so is an arrest on the day of a vote.
    let text = "Parliamentary elections were held on June 28, and the ruling party won 68 seats.\n";
    assert_eq!(flagged(text, date(2024, 8, 1)).len(), 1);
    let text = "On June 5, police held the activist for six hours.\n";
    assert_eq!(flagged(text, date(2022, 6, 10)).len(), 1);
}

#[test]
fn an_act_announced_and_a_vote_held_on_its_date_are_not_reported_words() {
    let text = "To win popular support, he announced a program of reforms in March 2022.\n";
    assert!(flagged(text, date(2024, 9, 19)).is_empty());
    let text = "On June 28, 2024, parliamentary elections were held across the country.\n";
    assert!(flagged(text, date(2024, 8, 1)).is_empty());
    let text = "The national referendum on the new constitution took place on June 5.\n";
    assert!(flagged(text, date(2022, 6, 10)).is_empty());
    let text = "On April 9, Kyrgyzstan held a snap presidential election.\n";
    assert!(flagged(text, date(2021, 5, 1)).is_empty());
}

#[test]
fn a_work_an_outlet_or_a_count_that_names_nobody_is_no_source() {
    let text = "Moscow has moved two battalions to the border, one newspaper writes.\n";
    assert_eq!(flagged(text, date(2024, 9, 25)).len(), 1);
    let text = "\"The president has run out of allies,\" he wrote for a local newspaper.\n";
    assert_eq!(flagged(text, date(2026, 2, 22)).len(), 1);
    let text = "Unofficial counts put the incumbent at 61 percent.\n";
    assert_eq!(flagged(text, date(2024, 3, 22)).len(), 1);
    // An answer given after a question is someone's words.
    let text =
        "Asked about the ballot, he said: \"We will never accept such terms from Moscow.\"\n";
    assert_eq!(flagged(text, date(2024, 10, 6)).len(), 1);
}

#[test]
fn a_work_by_its_author_or_publisher_an_outlet_that_writes_and_an_official_count_are_sources() {
    let text = "Moscow has moved two battalions to the border, Novye Izvestiya writes.\n";
    assert!(flagged(text, date(2024, 9, 25)).is_empty());
    let text = "\"The president has run out of allies and time.\" That is the conclusion reached by Almaty analyst Dauren Seitov in a commentary on the end of the tandem.\n\n\"Nobody in the security service will take orders from him now,\" adds Seitov.\n";
    assert!(flagged(text, date(2026, 2, 22)).is_empty());
    let text = "Analysis by Vazhnye Istorii estimated that about 20 million votes were added.\n";
    assert!(flagged(text, date(2024, 3, 22)).is_empty());
    let text = "The official results have the incumbent taking 87 percent of the vote.\n";
    assert!(flagged(text, date(2024, 3, 22)).is_empty());
    // A ballot's wording is a document's text, not someone's words.
    let text = "Voters found one question on the ballot paper: \"Do you agree with building a nuclear power plant?\" They could answer one of two options: \"Yes, I agree\" or \"No, I do not agree\".\n";
    assert!(flagged(text, date(2024, 10, 6)).is_empty());
}

#[test]
fn a_range_of_counts_is_one_figure_and_a_range_of_years_none() {
    let text = "Last spring an estimated 8,000–10,000 fighters crossed the border.\n";
    assert_eq!(
        flagged(text, date(2021, 8, 27)),
        vec!["8,000–10,000 fighters"]
    );
    let text = "The 2019–2021 drought emptied the reservoirs of the valley.\n";
    assert!(flagged(text, date(2021, 8, 27)).is_empty());
    let text = "The talks of June 12-14 ended without a statement.\n";
    assert!(flagged(text, date(2021, 8, 27)).is_empty());
}

#[test]
fn responsibility_claimed_is_an_act_and_a_claim_that_is_words() {
    // Negatives first: what someone claimed is reported speech.
    let text = "He claimed that the strike had killed the group's leader.\n";
    assert_eq!(flagged(text, date(2025, 11, 28)).len(), 1);
    let text = "The group claimed responsibility for the bombing, which killed 14 people.\n";
    assert_eq!(flagged(text, date(2025, 11, 28)), vec!["14 people"]);
    let text = "The group, which has claimed most attacks on the army since 2021, grew stronger.\n";
    assert!(flagged(text, date(2025, 11, 28)).is_empty());
}

#[test]
fn a_name_after_its_verb_after_an_unclosed_apposition_or_after_by_is_a_speaker() {
    let style = HouseStyle::embedded();
    // Negatives first: hearsay, a passive with nobody named, a place before the comma.
    for text in [
        "Rustam, a 23-year-old said to be more interested in football, was given the agency on Tuesday.\n",
        "The reserves are now estimated by most geologists to be as much as 26 trillion cubic meters.\n",
        "In Almaty, the new mayor says, fares rose by 40 percent in May.\n",
    ] {
        assert_eq!(
            flagged_in(text, date(2024, 1, 10), style).len(),
            1,
            "{text}"
        );
    }
    for text in [
        "\"As the presidency showed, the agreements will hold for years,” Asadov concluded.\n",
        "Of course, pointed out Aigerim Bekova, not every minister is \"pleased to see the budget cut by a third this year.\"\n",
        "\"There are serious processes under way in the region,\" says the MFA, adding that talks resume in May.\n",
        "The reserves are now estimated by the British firm Gaffney, Cline & Associates to be as much as 26 trillion cubic meters.\n",
        "The cost was put at $3 billion, Marat Ospanov, a research scholar says.\n",
        "Deputy Minister of Energy Marat Ospanov, leading the delegation, also noted the project's potential to \"ensure stability in our region.\"\n",
    ] {
        assert!(
            flagged_in(text, date(2024, 1, 10), style).is_empty(),
            "{text}"
        );
    }
}

#[test]
fn a_pronoun_or_a_role_speaks_for_the_speaker_named_just_before() {
    let style = HouseStyle::embedded();
    // Negatives first: nobody named before, or only a group; a paragraph between.
    for text in [
        "\"It will cost the budget more than it saves,\" the minister said.\n",
        "The deal was rushed, officials said.\n\n\"It will cost the budget more than it saves,\" she said.\n",
        "Aigerim Bekova, an economist, said the deal was rushed.\n\nThe tariff rose in May.\n\n\"It will cost the budget more than it saves,\" she said.\n",
    ] {
        let flagged = flagged_in(text, date(2024, 1, 10), style);
        assert!(
            flagged.iter().any(|f| f.contains("It will cost") || f == "said"),
            "{text}: {flagged:?}"
        );
    }
    for text in [
        "Aigerim Bekova, an economist at the Almaty Institute, said the deal was rushed.\n\n\"It will cost the budget more than it saves,\" she said.\n",
        "Aigerim Bekova, an economist at the Almaty Institute, said the deal was rushed.\n\nThe analyst said the plan was \"also difficult to fathom\" given the budget.\n",
        "Aigerim Bekova spoke first, saying the deal was rushed. \"It will cost the budget more than it saves,\" says the economist.\n",
    ] {
        assert!(
            flagged_in(text, date(2024, 1, 10), style).is_empty(),
            "{text}"
        );
    }
}

#[test]
fn a_venue_told_an_introduction_by_colon_and_the_writers_own_work_source_a_quotation() {
    let style = HouseStyle::embedded();
    for text in [
        "He gave the news on February 22, telling France 24 that the bloc had failed. \"As for what comes next, we shall have to see,\" he said.\n",
        "The decision to send more troops is justified, says Le Temps:\n\n\"Since the end of the war in 1999, this piece of land has been a source of tension.\"\n",
        "As I wrote in 2017, \"The next time the country holds an election, the outcome will be known in advance.\"\n",
    ] {
        assert!(
            flagged_in(text, date(2024, 1, 10), style).is_empty(),
            "{text}"
        );
    }
    // Not introduced: a paragraph that ends without naming anyone.
    let text = "The decision to send more troops was discussed at length:\n\n\"Since the end of the war in 1999, this piece of land has been a source of tension.\"\n";
    assert_eq!(flagged_in(text, date(2024, 1, 10), style).len(), 1);
}

#[test]
fn the_day_of_a_dateline_is_when_the_story_was_filed_not_an_event() {
    let style = HouseStyle::embedded();
    // Negative first: the same day in the story's own sentence is an event.
    let text = "The president received the envoy of the bank on May 20.\n";
    assert_eq!(flagged_in(text, date(2024, 5, 21), style), ["May 20"]);
    for text in [
        "ASTANA, May 20 -- The president received the envoy of the bank.\n",
        "ASTANA. May 20. KAZINFORM - The president received the envoy of the bank.\n",
    ] {
        assert!(
            flagged_in(text, date(2024, 5, 21), style).is_empty(),
            "{text}"
        );
    }
}
