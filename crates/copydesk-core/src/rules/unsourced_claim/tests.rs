//! Tests of the unsourced-claim rule.
use super::*;
use crate::analysis::sourcing::SourcingStyle;
use crate::document::SourceKind;
use crate::linter::testing::{context, lint_rules};
use crate::style::HouseStyle;
use jiff::civil::date;

fn lint(text: &str, kind: SourceKind, style: &HouseStyle) -> (Document, Vec<crate::Diagnostic>) {
    lint_rules(
        &[&UnsourcedClaim],
        text,
        kind,
        &context(date(2021, 8, 23), style),
    )
}

#[test]
fn a_skeleton_already_present_gets_no_second_one() {
    let style = HouseStyle::embedded();
    let (_, d) = lint(
        "Exports rose by 14 percent to 1.2 million tonnes (SOURCE, Month Day).",
        SourceKind::Text,
        style,
    );
    assert_eq!(d.len(), 1);
    assert!(d[0].fix.is_none());
    assert!(d[0].help.as_deref().unwrap().contains("Fill in"));
}

#[test]
fn finding_names_kind_count_and_fix() {
    let text = "Trade reached $229.7 million. Wheat made up 40 percent of it.";
    let (doc, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert_eq!(d.len(), 1);
    assert_eq!(doc.text(d[0].range), "$229.7 million");
    assert_eq!(
        d[0].message,
        "Unsourced figure `$229.7 million`: the paragraph makes 2 claims and names no source"
    );
    let fix = d[0].fix.as_ref().unwrap();
    assert_eq!(fix.applicability, crate::Applicability::Unsafe);
    assert_eq!(fix.edits[0].range.start, text.len() - 1);
    assert_eq!(fix.edits[0].replacement, " (SOURCE, Month Day)");
}

#[test]
fn fix_appends_after_a_paragraph_without_full_stop() {
    let text = "Trade with the southern neighbor reached $229.7 million in the first half of the year. Wheat and flour made up 40 percent of it";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].fix.as_ref().unwrap().edits[0].range.start, text.len());
}

#[test]
fn sources_of_every_kind() {
    for text in [
        "Trade reached $229.7 million (Total.kz, August 23).",
        "Trade reached $229.7 million, according to Kazinform.",
        "Trade reached $229.7 million, the Ministry of Trade reported.",
        "Trade reached [$229.7 million](https://stat.gov.kz/trade).",
        "Trade reached $229.7 million.[^1]\n\n[^1]: Statistics bureau, August 2021.",
        "Trade reached $229.7 million (https://stat.gov.kz/trade).",
        "Trade reached $229.7 million [4].",
        "Our survey of 1,200 households found that 43 percent had a member abroad.",
        "Trade reached $229.7 million. Source: https://stat.gov.kz/trade",
    ] {
        let (_, d) = lint(text, SourceKind::Markdown, HouseStyle::embedded());
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn interviews_anonymous_sources_and_survey_reports_are_sources() {
    let citation = citation_style();
    for text in [
        "Herders in Naryn described the winter losses to this author: “We lost 300 sheep in one night.”",
        "“The quota will not be raised this year.” So a senior official put it to the author in Tashkent.",
        "In the words of a diplomat who asked not to be named, the talks were “a dialogue of the deaf, and both sides know it.”",
        "A driver in Osh described the queue at the border: “We waited four days and paid twice.” He asked that his name not be used.",
        "About 70 percent of Armenians back the reform, according to surveys by the International Republican Institute.",
        "The city has grown by about 90,000 people since 2020, according to its mayor, Yerlan Zhakanov.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
    for text in [
        "“Nobody here will vote for the treaty,” a member of parliament said.",
        "“The treaty is dead and buried,” a member of Kazakhstan’s Security Council said in a newspaper interview.",
        "“The treaty is dead and buried,” a deputy minister told a local television channel.",
        "The city has grown by about 90,000 people, according to the mayor, Astana officials say.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
}

#[test]
fn one_person_met_in_the_field_is_the_writer_s_own_reporting() {
    let citation = citation_style();
    for text in [
        "“We have water now, and no fields left to use it on,” one elderly farmer said.",
        "“They told me to come back in three weeks,” said Dilshod, 31, a builder from the Sughd region.",
        "A villager in Ak-Sai said 40 families had left since the spring.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
    // A class of people names nobody; an official's words still need a source.
    for text in [
        "Farmers say 40 families have left since the spring.",
        "Residents said 40 families had left since the spring.",
        "“The canal will be finished next year,” the deputy governor said.",
        "“The canal will be finished next year,” said Rustam Nabiev, the deputy governor.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
}

#[test]
fn notes_bios_and_named_reporters() {
    let citation = citation_style();
    for text in [
        "Editor’s note: This article was corrected on May 3. The dam is 215 meters high, not 250.",
        "The talks resumed.\n\nZarina Akhmedova is a researcher in Dushanbe. She wrote about the 2012 Khorog clashes for this publication.",
        "The tenge fell 4 percent on Monday, Kabar reported.",
        "“The verdict is a disgrace,” said Aibek Osmonov, a spokesman for the Bishkek City Court, in a statement on Friday.",
        "The diaspora, estimated at several million people, follows the vote closely.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
    // A closing paragraph that is no bio is checked; so is a name that reports
    // without a comma before it.
    for text in [
        "The talks resumed.\n\nTokayev is a cautious man, and 70 percent of voters backed him in June.",
        "The tenge fell 4 percent on Monday, and a trader in Almaty reported heavy losses.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
}

#[test]
fn bodies_outlets_and_public_forums_named_inline_are_sources() {
    let citation = citation_style();
    for text in [
        "The International Monetary Fund warned that public debt had reached 68 percent of GDP.",
        "The ministry’s statement put the losses at $40 million.",
        "The central bank’s response, published on its website, put the losses at $40 million.",
        "Talks on the border section have stalled and 3,000 wagons stand idle, railway officials told The Diplomat.",
        "The Moscow-based Civic Assistance Committee estimates that some 200,000 migrants are barred from returning.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
    for text in [
        "An estimated 200,000 migrants are barred from returning.",
        "The government’s response has been a mix of rescue and closure: 11 banks lost their licenses.",
        "The regulator’s position is clear, and 11 banks lost their licenses.",
        "The government estimates that 200,000 migrants are barred from returning.",
        "Public debt had reached 68 percent of GDP, a fund economist warned.",
        // An unnamed venue is no source.
        "Deputy Minister Tursun Aliyev told a conference in Khujand in June that 300,000 people would gain power.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
}

#[test]
fn wire_copy_is_the_agency_s_own_report() {
    // A joint dateline names two cities.
    let text = "KYIV/LONDON, May 10 (Reuters) - Ukraine holds 20 million tonnes of grain, an official said.\n\nBefore the war, the country exported up to 6 million tonnes a month.\n";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
    let text = "ASTANA, March 2 (Reuters) - Kazakhstan raised its key rate to 16 percent on Monday.\n\nThe tenge rose 2 percent against the dollar after the decision.\n";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
    // A dateline without an agency is no wire copy.
    let text = "ASTANA, March 2 - The tenge rose 2 percent against the dollar on Monday.\n";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn any_agency_named_by_the_dateline_makes_wire_copy() {
    // Negatives first: a dateline with no agency, and an agency named only in the
    // body, leave the story to be sourced paragraph by paragraph.
    for text in [
        "BISHKEK -- Turnout in the mayoral vote reached 31 percent on Sunday.\n",
        "Bishkek, Mar. 3, 2023. The council spent 40 million soms on new buses.\n\nA reporter for Kabar counted 12 of them in the depot.\n",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    // Agencies the house does not list, in their own dateline forms.
    for text in [
        "ASTANA (TCA) — Wheat exports rose 14 percent in the first quarter.\n",
        "Bishkek, Mar. 3, 2023. / Kabar/. The council spent 40 million soms on new buses.\n",
        "BISHKEK. Jan 16 (Interfax) - The council spent 40 million soms on new buses.\n",
        "ALMATY, Feb 10 2012 (IPS) - Some 3,000 herders lost their flocks in the frost.\n",
        "MOSCOW, March 3. /TASS/. Grain shipments fell by 9 percent in February.\n",
        "NUR-SULTAN. KAZINFORM The akim opened 12 new schools this year.\n",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

/// The embedded style with `attribution` set to `value`.
fn attributed_by(value: &str) -> HouseStyle {
    let mut style = HouseStyle::embedded().clone();
    let toml = format!("attribution = \"{value}\"\n");
    style
        .sourcing
        .merge(crate::style::SourcingStyle::from_toml(&toml).unwrap());
    style
}

fn named_source_style() -> HouseStyle {
    attributed_by("named-source")
}

/// The analysis house that takes no speaker's name as a source.
fn citation_style() -> HouseStyle {
    attributed_by("citation")
}

#[test]
fn named_sources_need_the_named_source_standard() {
    let citation = citation_style();
    // Negatives first: in the citation standard a person or a role is no
    // source, and in named-source a claim with nobody speaking, or only "sources"
    // or "it is said", is still unsourced.
    let named = named_source_style();
    for text in [
        "“We cannot pay the rent any more,” said Dana Ospanova.",
        "The deputy mayor said 40 buses would join the fleet in May.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    for text in [
        "Bus fares in the capital rose by 30 percent last year.",
        "Sources said 40 buses would join the fleet in May.",
        "It was reported that 40 buses joined the fleet on August 3.",
        "The fleet has 312 buses.\n\nBus fares rose by 30 percent last year, and 12 routes were cut.\n",
        "Some residents called for a boycott. Police detained 12 activists on August 5.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &named);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    for text in [
        "“We cannot pay the rent any more,” said Dana Ospanova.",
        "“We cannot pay the rent any more,” Ospanova said.",
        "“The buses are old and we have no money for spare parts,” the Mayor said.",
        "The deputy mayor said 40 buses would join the fleet in May.",
        "Deputy Mayor Arman Seitov announced that 40 buses would join the fleet in May.",
        "The transport ministry said 40 buses would join the fleet in May.",
        "Analysts said the fare rise of 30 percent would hit commuters hardest.",
        "Data from the city's statistics office show fares rose by 30 percent last year.",
        "“Fares will rise by 30 percent from May,” the statement reads.",
        "In a televised address, he promised 40 new buses by May.",
        "Seitov spoke to commuters at the depot. According to him, 40 buses will join the fleet in May.",
        "The mayor visited the depot on Monday. “We will buy 40 buses by May, and 12 more in the autumn,” he added.",
        "“The fleet is old and half of it is broken. We need 40 new buses. Fares will rise,” the Mayor said.",
        "The mayor, Arman Seitov, hailed the new depot as “a new stage for the city.”",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &named);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn named_persons_source_only_by_name_by_default() {
    let style = HouseStyle::embedded();
    // Negatives first: a pronoun, a role, a group, "sources", a place before the
    // speaker, or a name that is the subject of the words reported.
    for text in [
        "“We cannot pay the rent any more,” he said.",
        "The deputy mayor said 40 buses would join the fleet in May.",
        "Analysts said the fare rise of 30 percent would hit commuters hardest.",
        "Sources said 40 buses would join the fleet in May.",
        "In Almaty, officials said 40 buses would join the fleet in May.",
        "He said Almaty would buy 40 buses by May.",
        "He has said 40 buses would join the fleet in May.",
        "Officials in Almaty reported that 40 buses joined the fleet in May.",
        "Several NGOs warned that 40 buses would not be enough.",
        "The fleet has 312 buses.\n\nBus fares rose by 30 percent last year, and 12 routes were cut.\n",
    ] {
        let (_, d) = lint(text, SourceKind::Text, style);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    for text in [
        "“We cannot pay the rent any more,” said Dana Ospanova.",
        "“We cannot pay the rent any more,” Ospanova said.",
        "Arman Seitov, the deputy mayor, said 40 buses would join the fleet in May.",
        "According to Seitov, 40 buses will join the fleet in May.",
        "Gelman says: “The buses are old and half of them are broken.”",
        "Seitov has told the city council that 40 buses would join the fleet in May.",
        "Seitov had earlier said 40 buses would join the fleet in May.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, style);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn the_lead_s_attribution_covers_the_story_s_figures() {
    let named = named_source_style();
    // Negative first: an unattributed lead lends nothing, and a lead's attribution
    // does not cover later quotations.
    let text = "Retail sales rose by 4 percent in March.\n\nFood sales grew by 6 percent, and fuel sales fell by 2 percent.\n";
    let (_, d) = lint(text, SourceKind::Text, &named);
    assert_eq!(d.len(), 2, "{d:?}");
    // A person quoted in the lead speaks for that sentence only.
    let text = "Retail sales rose by 4 percent in March, Seitov said.\n\nFood sales grew by 6 percent, and fuel sales fell by 2 percent.\n";
    let (_, d) = lint(text, SourceKind::Text, &named);
    assert_eq!(d.len(), 1, "{d:?}");
    let text = "Retail sales rose by 4 percent in March, the statistics office said.\n\n“Nobody buys cars any more, and the dealers are closing down,” a dealer's sign read in Aktobe.\n";
    let (_, d) = lint(text, SourceKind::Text, &named);
    assert_eq!(d.len(), 1, "{d:?}");
    let text = "Retail sales rose by 4 percent in March, the statistics office said.\n\nFood sales grew by 6 percent, and fuel sales fell by 2 percent.\n\nSales of cars dropped by 11 percent.\n";
    let (_, d) = lint(text, SourceKind::Text, &named);
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn outlets_and_people_told_by_name_in_every_preset() {
    // Negatives first: a month after "wrote in" is a date, and an unnamed venue names
    // nobody.
    for text in [
        "The envoy wrote in March that 300 soldiers had crossed the border.",
        "The envoy told a meeting that 300 soldiers had crossed the border.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    for text in [
        "“We expect 300 soldiers to leave by June,” the prime minister told Euronews.",
        "The envoy said to Kommersant that 300 soldiers had crossed the border.",
        "In an interview with Azattyq, the envoy said 300 soldiers had crossed the border.",
        "The envoy wrote in Foreign Affairs that 300 soldiers had crossed the border.",
        "The United Nations Development Programme (UNDP) estimated that 40 percent of households lack clean water.",
        "As one hydrologist put it to me, “the river will be dry by August in ten years.”",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn named_records_venues_and_parties_speaking_in_every_preset() {
    let citation = citation_style();
    let presets = [
        HouseStyle::embedded().clone(),
        citation.clone(),
        named_source_style(),
    ];
    // Negatives first: an unattributed figure still needs a source, and "in a bid to
    // address" names no address; in the citation standard, so do a bare quotation with a
    // name, "according to reports" and a group of observers.
    for text in [
        "Prices of bread rose by 17 percent in a month.",
        "The mayor acted in a bid to address a fuel price rise of 12 percent.",
    ] {
        for style in &presets {
            let (_, d) = lint(text, SourceKind::Text, style);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
        }
    }
    for text in [
        "“We will not give up a metre of the border,” Putin said.",
        "According to reports, 30 people were detained at the crossing.",
        "Observers reported that turnout was 41 percent.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    for text in [
        "“The crossing will reopen on Monday for 40 trucks a day,” the statement reads.",
        "In a statement on arrival, the minister said the port had handled 12 million tonnes.",
        "The premier wrote in a signed article that exports grew by 14 percent.",
        "The president told the country in a televised address that 300 reservists had been called up.",
        "The envoy said at a Senate committee hearing that 15 observers would be sent.",
        "The two governments agreed in a joint statement to exchange 40 detainees.",
        "The accord came in a first-of-its-kind trilateral statement. The sides agreed to free 45 detainees.",
        "The two states scored 3.4 and 2.1 respectively on the World Press Freedom Index for 2020.",
        "The foreign minister tweeted on March 3 that 20 aid trucks had crossed.",
        "The new tariff of 8 percent took effect, the official State Gazette said.",
        "Both sides reported that 12 soldiers had been wounded.",
        "The opposition and observers reported that turnout was 41 percent.",
        "The hearing took place in a half-empty House Armed Services Committee session. “We are close to a deal on 4 crossings,” said the deputy envoy.",
    ] {
        for style in &presets {
            let (_, d) = lint(text, SourceKind::Text, style);
            assert!(d.is_empty(), "{text}: {d:?}");
        }
    }
}

#[test]
fn glued_footnotes_reprint_credits_and_participles() {
    // Negatives first: a number in brackets inside a sentence is no footnote, and a
    // verb of saying with its subject is still reported speech.
    for text in [
        "Half the villages (3) lost power for a week in 40 percent of the district.",
        "The villagers announced at a meeting that they would leave.",
        "From Almaty, June 6, 2021, the convoy drove on to the border.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    for text in [
        "The region lost 40 percent of its power supply in the winter.(3) Repairs are slow.",
        "From Steppe Courier, June 6, 2021, p. 5. Condensed text:\n\nTurnout in Kok-Tal reached 61 percent on June 5.\n",
        "The governors discussed progress on the issues announced in the address on Tuesday.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn a_wire_credit_line_marks_agency_copy() {
    // Negatives first: the credit line makes the whole story the agency's report.
    let text = "GAO, June 3 (Newswire) - Two soldiers were killed when a mine hit their truck, the army said.\n\nAttacks on the road have risen by 40 percent since March.\n\n(Reporting by Ana Silva; Editing by Tom Reed)\n";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
    // A line that merely names a reporter is no credit line.
    let text =
        "Attacks on the road have risen by 40 percent since March.\n\n(Reporting by Ana Silva)\n";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn words_said_to_the_writer_or_the_press_corps_are_first_hand() {
    for text in [
        "“The port will reopen within a month,” the harbor master told reporters in Durres on Friday.",
        "“Nobody here trusts the new tariff,” a retired customs officer told me in Tirana.",
        "The minister told a news conference that 40 ships were waiting at anchor.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert!(d.is_empty(), "{text}: {d:?}");
    }
    for text in [
        "“The port will reopen within a month,” the harbor master said.",
        "The minister told a conference in Durres that 40 ships were waiting at anchor.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
}

#[test]
fn data_named_by_the_body_that_compiled_it_is_sourced() {
    let text = "Output fell to 600,000 barrels a day, according to the monthly estimates compiled by the International Energy Agency.";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
    for text in [
        "Output fell to 600,000 barrels a day, according to the sources used by local activists.",
        "Output fell to 600,000 barrels a day, according to sources in the industry.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
}

#[test]
fn a_named_person_met_in_the_field_keeps_the_role_before_the_name() {
    let text = "“They promise jobs, but the river is what feeds us,” a sheep farmer, Aqqalu Petersen, told a visiting reporter.";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
    let text = "“They promise jobs, but the river is what feeds us,” the regional governor, Aqqalu Petersen, told a visiting reporter.";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn an_interview_is_its_own_source() {
    let text = "*Aliya Nurlanova ran the grain exchange until 2020. She spoke with our correspondent on May 3. The interview has been edited for length.*\n\n**How bad was the harvest?**\n\nWe lost 30 percent of the wheat in the north. “Sell now or lose it all,” I told the farmers.\n";
    let (_, d) = lint(text, SourceKind::Markdown, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
    let text = "**How bad was the harvest?**\n\nWe lost 30 percent of the wheat in the north.\n";
    let (_, d) = lint(text, SourceKind::Markdown, HouseStyle::embedded());
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn a_colon_lead_shares_the_source_of_the_quotation_it_introduces() {
    let text = "The minister opened the session on May 4 with a warning. He told the deputies:\n\n“We cannot keep the border closed for another year without losing the harvest” (Kabar, May 4).\n";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn an_unsourced_list_is_one_finding() {
    let text = "Trade figures for the year:\n\n- exports rose to $4.1 billion;\n- imports fell by 12 percent;\n- 300 firms lost their licenses.\n";
    let (doc, d) = lint(text, SourceKind::Markdown, HouseStyle::embedded());
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(doc.text(d[0].range), "$4.1 billion");
}

#[test]
fn headings_captions_and_block_quotes_are_not_checked() {
    let text = "# Exports Rose 40 Percent\n\n> The minister said exports rose 40 percent.\n\nPhoto: 2,000 people at the rally (Reuters)\n";
    let (_, d) = lint(text, SourceKind::Markdown, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn a_quotation_running_into_the_next_paragraph_shares_its_source() {
    let text = "The president said: “We will not close the border to anyone who needs help.\n\n“We will also keep the embassy open for as long as it is safe,” he added (Akorda.kz, August 16).";
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn a_block_quote_introduced_with_a_colon_sources_its_lead() {
    let text = "The president wrote to his Uzbek counterpart:\n\n> We will not close the border to anyone who needs help (Akorda.kz, August 16).\n";
    let (_, d) = lint(text, SourceKind::Markdown, HouseStyle::embedded());
    assert!(d.is_empty(), "{d:?}");
    let text = "The president wrote to his Uzbek counterpart.\n\n> We will not close the border to anyone who needs help (Akorda.kz, August 16).\n";
    let (doc, d) = lint(text, SourceKind::Markdown, HouseStyle::embedded());
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(doc.text(d[0].range), "wrote");
}

#[test]
fn a_huge_paragraph_gets_one_finding() {
    // One paragraph of 4,000 sentences and 2,000 quotations (its time is measured by
    // the scaling benchmark, not here): one finding for the paragraph.
    let text =
        "He said “we will build a new road to the north soon” and left. Trade grew 5 percent. "
            .repeat(2000);
    let (_, d) = lint(&text, SourceKind::Text, HouseStyle::embedded());
    assert_eq!(d.len(), 1);
}

#[test]
fn sentence_scope_asks_each_claim_for_its_own_source() {
    let mut style = HouseStyle::embedded().clone();
    style
        .sourcing
        .merge(SourcingStyle::from_toml("scope = \"sentence\"").unwrap());
    let text =
        "Trade reached $229.7 million. Wheat made up 40 percent of it (Total.kz, August 23).";
    let (doc, d) = lint(text, SourceKind::Text, &style);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(doc.text(d[0].range), "$229.7 million");
    assert!(
        d[0].message.contains("1 of the paragraph's 2 claims"),
        "{}",
        d[0].message
    );
    let (_, d) = lint(text, SourceKind::Text, HouseStyle::embedded());
    assert!(d.is_empty());
}

#[test]
fn wire_institutions_speak_by_pronoun_and_give_counts() {
    let named = named_source_style();
    // Negatives first: "sources said it", and a count nobody gives.
    for text in [
        "Sources said it would take weeks to restore power to 12,000 homes.",
        "The flood left 40 people dead in three districts.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &named);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    for text in [
        "The ministry late on Sunday gave a preliminary figure of 40 dead in three districts.",
        "The regional governor put the death toll at 40.",
        "The ministry described the damage. “Rescuers are still reaching remote villages,” it said.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &named);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn a_call_is_a_venue_and_a_title_is_no_quotation() {
    let citation = citation_style();
    // Negative first: a quotation with no venue in the citation standard.
    let text = "Putin apologized for the “tragic incident over Russian territory” on Saturday.";
    let (_, d) = lint(text, SourceKind::Text, &citation);
    assert_eq!(d.len(), 1, "{d:?}");
    for text in [
        "In a phone call with Aliyev on Saturday, Putin apologized for the “tragic incident over Russian territory”.",
        "The president signed the Decree “On the celebration of the 20th anniversary of the capital” on Friday.",
        "The details are in our article “Presidential election in the republic: a detailed analysis of political nuances”.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &citation);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn quotations_go_on_and_legal_acts_speak() {
    let named = named_source_style();
    // Negatives first: a quotation after a paragraph that quotes nobody, and "according
    // to" a word that names no document.
    for text in [
        "Parliament voted the prime minister out.\n\n“I think it means internal party politics, and nothing more than that.”",
        "According to this logic, 40 ministers would have to resign.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &named);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
    }
    for text in [
        "“I do not think it means instability for the government,” said Dale Choi, a fund manager.\n\n“I think it means internal party politics, and nothing more than that.”",
        "According to this resolution, 40 ministers were instructed to stay on until May.",
    ] {
        let (_, d) = lint(text, SourceKind::Text, &named);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}
