use crate::analysis::sourcing::{ends_in_open_quote, excerpt};
use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::rule::{Context, Reporter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Finds direct quotations of five words or more (by default) with no speaker: no
    /// reporting verb, speech cue or attribution ("said", "wrote", "speaking at",
    /// "according to") in the quotation's sentence, the sentence before or the one after,
    /// and no name or pronoun introducing it with a colon. Scare quotes, short terms,
    /// titles in title case and slogans ("under the slogan “...”", "“...,” read a
    /// banner") are not quotations of anyone. A fragment woven into a sentence ("the treaty obliges members to
    /// “provide assistance ...”") belongs to the sentence's subject, a run of quotations
    /// shares the speaker named before the first, and a quotation that runs on from the
    /// previous paragraph, or that a paragraph ending in a colon introduces, keeps that
    /// paragraph's speaker. Headings, captions and block
    /// quotes are not checked.
    ///
    /// ## Why
    /// A quotation without a speaker cannot be checked and reads as the writer's own
    /// words in quotation marks.
    ///
    /// ## Example
    /// ```text
    /// Relations with Kabul have been frozen since August. “We will not recognize any
    /// government that came to power by force.”
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Relations with Kabul have been frozen since August. “We will not recognize any
    /// government that came to power by force,” the foreign minister told Kazinform.
    /// ```
    ///
    /// ## Configuration
    /// `[sourcing] min-quote-words` (default 5), `speech-cues`, `reporting-verbs` and
    /// `term-cues` in the house style.
    pub struct UnattributedQuote => "unattributed-quote", Severity::Warning, fix: None,
        "Direct quotations name who said or wrote them";
}

impl Rule for UnattributedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(
        &self,
        doc: &Document,
        _ctx: &Context<'_>,
        analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let sourcing = analyses.sourcing();
        for (i, block) in doc.blocks.iter().enumerate() {
            if !block.kind.is_body() {
                continue;
            }
            let prev_open = i
                .checked_sub(1)
                .and_then(|p| doc.blocks.get(p))
                .is_some_and(|p| p.kind.is_body() && ends_in_open_quote(p));
            let quotes = sourcing.significant_quotes(block);
            for &quote in &quotes {
                // The rest of a quotation opened in the previous paragraph.
                // A paragraph that quotes on from the speaker the one before named.
                if quote.range.start == block.range.start
                    && (prev_open || sourcing.continues_quotation(block, false))
                {
                    continue;
                }
                if sourcing.quote_has_speaker(i, quote, &quotes) {
                    continue;
                }
                let d = report.report(
                    quote.range,
                    format!(
                        "Quotation `{}` names no speaker in its sentence or the one before",
                        excerpt(doc, quote.range, 60)
                    ),
                );
                d.help = Some(
                    "Say who said or wrote it (\"..., the minister said\", \"according to ...\"), or paraphrase it"
                        .into(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;
    use crate::linter::testing::{context, findings_of, lint_rules};
    use crate::style::HouseStyle;
    use jiff::civil::date;

    fn findings(text: &str) -> Vec<String> {
        findings_of(&UnattributedQuote, text, date(2021, 8, 23))
            .into_iter()
            .map(|d| d.range.slice(text).to_string())
            .collect()
    }

    #[test]
    fn quotation_without_speaker_is_flagged() {
        let text = "Relations have been frozen since August. “We will not recognize any government that came to power by force.”";
        assert_eq!(
            findings(text),
            vec!["“We will not recognize any government that came to power by force.”"]
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let article = include_str!("../../tests/fixtures/sourcing/article.txt");
        let mut inputs: Vec<String> = [
            "",
            "“",
            "”",
            "“ ”",
            "(TASS,\nAugust 20)) “ ” “” ‘ ’ ( [ ] ) $ % 5 percent 1,2,3 12.5. $$ €€ — – …",
            "Ελληνικά 15 άνθρωποι, 日本語 200 人, emoji 🎉 300 people 🎉 said “ünïcödé wörds ärë hërë töö”.",
            "of 5 of. 5 some. 5 $ 5 5. 5.. 5.5.5 1,000,000,000.",
            "According to",
            "said",
            "On August",
            "In May 2021 may",
            "Tokayev—who was elected in June 2019 with 71 percent of the vote—has promised a “listening state.”",
            "He—said—“five words or more here—” told… (see—TASS—, August—20) ‘x’—reported—",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let cuts: Vec<usize> = article
            .char_indices()
            .map(|(i, _)| i)
            .filter(|i| i % 37 == 0)
            .collect();
        for &i in &cuts {
            inputs.push(article[..i].to_string());
            inputs.push(article[i..].to_string());
        }
        // Deterministic noise from the pieces the rules look at.
        const TOKENS: &[&str] = &[
            "“",
            "”",
            "‘",
            "’",
            "\"",
            "'",
            "«",
            "»",
            "(",
            ")",
            "[",
            "]",
            "—",
            "–",
            "-",
            "…",
            ".",
            ",",
            ";",
            ":",
            "\n",
            "\n\n",
            " ",
            "5",
            "2,000",
            "$4.2",
            "€",
            "₸",
            "%",
            "percent",
            "million",
            "of",
            "some",
            "August",
            "May",
            "12",
            "2019",
            "said",
            "told",
            "according",
            "to",
            "Reuters",
            "Tengrinews.kz",
            "the",
            "ministry",
            "could",
            "slogan",
            "Ё",
            "日本",
            "🎉",
            "é",
            "[^1]",
            "[a](http://x.kz)",
            "> ",
            "# ",
            "- ",
            "`",
            "*",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(TOKENS[(seed >> 33) as usize % TOKENS.len()]);
                if seed & 1 == 0 {
                    text.push(' ');
                }
            }
            inputs.push(text);
        }
        for text in &inputs {
            for kind in [SourceKind::Text, SourceKind::Markdown] {
                let ctx = context(date(2021, 8, 23), HouseStyle::embedded());
                let rules: [&dyn Rule; 2] = [
                    &UnattributedQuote,
                    &crate::rules::unsourced_claim::UnsourcedClaim,
                ];
                let _ = lint_rules(&rules, text, kind, &ctx);
            }
        }
    }

    #[test]
    fn titles_and_runs_of_slogans_are_not_quotations() {
        for text in [
            "The shop had a rare copy of “The Steppe and the Sown: Farmers under Soviet Rule” on its shelf.",
            "Students carried banners reading “Free the prisoners now” and “No more rigged elections in this country.”",
            "“Land belongs to those who work it,” read a placard in the square. Another read: “We will not leave until the governor resigns.”",
            "“Жер сатылмайды, жер халықтыкі — land is not for sale,” read a banner at the rally in Zhanaozen.",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", findings(text));
        }
        // A quotation after a sentence of the writer's own is still flagged.
        let text = "Students marched to the square. “No more rigged elections in this country.”";
        assert_eq!(findings(text).len(), 1);
    }

    #[test]
    fn a_paragraph_lends_its_speaker_only_to_a_quotation_it_introduces() {
        let text = "The minister spoke for an hour. He told the deputies:\n\n“We cannot keep the border closed for another year.”";
        assert!(findings(text).is_empty());
        let text = "The minister responded by closing the consulate.\n\n“We cannot keep the border closed for another year.”";
        assert_eq!(
            findings(text),
            vec!["“We cannot keep the border closed for another year.”"]
        );
    }

    #[test]
    fn a_paragraph_quotes_on_from_the_speaker_the_one_before_named() {
        // Negative first: the paragraph before quotes nobody it names.
        let text = "Parliament voted the prime minister out.\n\n“I think it means internal party politics, and nothing more than that.”";
        assert_eq!(findings(text).len(), 1);
        let text = "“I do not think it means instability for the government,” said Dale Choi, a fund manager.\n\n“I think it means internal party politics, and nothing more than that.”";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn speakers_before_after_and_with_a_colon() {
        for text in [
            "The minister was blunt. He said: “We will not recognize any government that came to power by force.”",
            "“We will not recognize any government that came to power by force,” the minister said.",
            "Tokayev was blunt: “We will not recognize any government that came to power by force.”",
            "The protesters marched under the slogan “land must never be sold to foreigners again.”",
            "The report “The Great Game Returns to Central Asia” was widely read.",
            "Officials called it a “temporary” measure.",
            "The treaty obliges members to “provide necessary assistance, including military assistance.”",
            "Many in Almaty are asking: “What comes next for the security of the region?”",
            "A former minister was blunter in a conversation with journalists. “The reform is dead, and everybody in the cabinet knows it.”",
            "“Both capitals want the road, and neither wants to pay for it.” That is how a Kazakh engineer summarized the talks.",
        ] {
            assert!(findings(text).is_empty(), "{text}");
        }
    }
}
