//! Quotations as printed in real copy, read through the document model: the negatives
//! (marks that open nothing) first, then the quotations a reader sees.

use crate::document::{Document, SourceKind};

/// The quotations of each block, as source text.
fn quoted(text: &str) -> Vec<Vec<&str>> {
    let doc = Document::parse(text, SourceKind::Text);
    doc.blocks
        .iter()
        .map(|b| b.quotes.iter().map(|q| q.range.slice(text)).collect())
        .collect()
}

/// The quotations of a one-block text with their depth and whether they closed.
fn quotes_of(text: &str) -> Vec<(&str, u8, bool)> {
    let doc = Document::parse(text, SourceKind::Text);
    assert_eq!(doc.blocks.len(), 1, "{text}");
    doc.blocks[0]
        .quotes
        .iter()
        .map(|q| (q.range.slice(text), q.depth, q.closed))
        .collect()
}

/// Whether the text of `needle` lies outside every quotation.
fn outside_quotes(text: &str, needle: &str) -> bool {
    let doc = Document::parse(text, SourceKind::Text);
    let at = text.find(needle).expect("needle in text");
    !doc.in_quote(at)
}

#[test]
fn apostrophes_and_elisions_open_nothing() {
    for text in [
        "The country's future and the Taliban’s policies were set in the ’90s.",
        "Prices of the '90s returned; officials said they had warned 'em for years.",
        "It was rock 'n' roll to the ministers, and rock ’n’ roll to the press.",
        "The ministers' view and the ministries’ plans did not change by ‘97.",
        "’Tis the season, the governor's office said, and nobody's budget will wait.",
    ] {
        assert_eq!(quotes_of(text), vec![], "{text}");
    }
}

#[test]
fn inch_and_foot_marks_open_nothing() {
    assert_eq!(
        quotes_of(r#"The guard is 5'10" tall and carried a 6" pipe to the 12' gate."#),
        vec![]
    );
    // Inside a quotation they do not close it.
    let text = r#""He is 5'10" tall and the pipe is 6" wide," the guard said. Talks ended."#;
    assert_eq!(
        quotes_of(text),
        vec![(r#""He is 5'10" tall and the pipe is 6" wide,""#, 0, true)]
    );
    assert!(outside_quotes(text, "Talks ended."));
}

#[test]
fn scare_quotes_of_one_word_stay_one_word() {
    let text = "The so-called \"reforms\" failed, the ‘experts’ said the “plan” was dead, and the «deal» too. The ministry declined to comment.";
    assert_eq!(
        quotes_of(text),
        vec![
            ("\"reforms\"", 0, true),
            ("‘experts’", 0, true),
            ("“plan”", 0, true),
            ("«deal»", 0, true)
        ]
    );
    assert!(outside_quotes(text, "The ministry declined"));
}

#[test]
fn a_plural_possessive_does_not_close_a_single_quotation() {
    let text =
        "‘The ministers’ view is clear and the voters’ patience is short,’ she said. Talks resume.";
    assert_eq!(
        quotes_of(text),
        vec![(
            "‘The ministers’ view is clear and the voters’ patience is short,’",
            0,
            true
        )]
    );
    assert!(outside_quotes(text, "Talks resume."));
}

#[test]
fn straight_and_curly_marks_pair_in_one_paragraph() {
    let text = "\"We will act,” he said. “We are ready to sign,\" she added. The talks resume on Monday in Astana.";
    assert_eq!(
        quotes_of(text),
        vec![
            ("\"We will act,”", 0, true),
            ("“We are ready to sign,\"", 0, true)
        ]
    );
    assert!(outside_quotes(text, "The talks resume"));
}

#[test]
fn a_closing_mark_typed_the_wrong_way_round_closes() {
    let text = "“We will act now“ he said, and ”we will not wait for the others” she added. Nothing else was said.";
    assert_eq!(
        quotes_of(text),
        vec![
            ("“We will act now“", 0, true),
            ("”we will not wait for the others”", 0, true)
        ]
    );
    let text = "‘We will act now‘ he said. Nothing else was said.";
    assert_eq!(quotes_of(text), vec![("‘We will act now‘", 0, true)]);
    assert!(outside_quotes(text, "Nothing else"));
}

#[test]
fn guillemets_and_low_high_marks_pair() {
    let text = "«Nous agirons», a-t-il dit. « Nous sommes prêts », a ajouté le ministre. »Wir handeln«, sagte er. „Wir sind bereit“, sagte sie. „Jesteśmy gotowi”, dodał.";
    assert_eq!(
        quotes_of(text),
        vec![
            ("«Nous agirons»", 0, true),
            ("« Nous sommes prêts »", 0, true),
            ("»Wir handeln«", 0, true),
            ("„Wir sind bereit“", 0, true),
            ("„Jesteśmy gotowi”", 0, true)
        ]
    );
    assert!(outside_quotes(text, "sagte sie"));
}

#[test]
fn apostrophes_inside_a_quotation_stay_inside() {
    let text = "\"The country's future is at stake,\" he said. ‘The ’90s were hard and the ministers’ plans failed,’ she said. 'It's over,' they said.";
    assert_eq!(
        quotes_of(text),
        vec![
            ("\"The country's future is at stake,\"", 0, true),
            (
                "‘The ’90s were hard and the ministers’ plans failed,’",
                0,
                true
            ),
            ("'It's over,'", 0, true)
        ]
    );
}

#[test]
fn nested_single_quotes_pair_inside_double_and_the_reverse() {
    for (text, outer, inner) in [
        (
            "“They called it ‘the Astana format' then,” he said. It ended.",
            "“They called it ‘the Astana format' then,”",
            "‘the Astana format'",
        ),
        (
            "\"They called it 'the Astana format' then,\" he said. It ended.",
            "\"They called it 'the Astana format' then,\"",
            "'the Astana format'",
        ),
        (
            "‘They called it “the Astana format\" then,’ he said. It ended.",
            "‘They called it “the Astana format\" then,’",
            "“the Astana format\"",
        ),
        (
            "«Ils l’appelaient “le format d’Astana”», a-t-il dit. It ended.",
            "«Ils l’appelaient “le format d’Astana”»",
            "“le format d’Astana”",
        ),
    ] {
        assert_eq!(
            quotes_of(text),
            vec![(outer, 0, true), (inner, 1, true)],
            "{text}"
        );
        assert!(outside_quotes(text, "It ended."), "{text}");
    }
}

#[test]
fn a_quotation_continued_in_the_next_paragraph_stays_open_at_the_break() {
    for text in [
        "The minister spoke first: “We will act. We have waited long enough.\n\n“The others will follow,” he added. Nothing else was said.\n",
        "The minister spoke first: \"We will act. We have waited long enough.\n\n\"The others will follow,\" he added. Nothing else was said.\n",
        "The minister spoke first: \"We will act. We have waited long enough.\n\n“The others will follow,\" he added. Nothing else was said.\n",
        "The minister spoke first: ‘We will act. The ministers’ patience is gone.\n\n‘The others will follow,’ he added. Nothing else was said.\n",
    ] {
        let doc = Document::parse(text, SourceKind::Text);
        assert_eq!(doc.blocks.len(), 2, "{text}");
        let first = &doc.blocks[0].quotes;
        assert_eq!(first.len(), 1, "{text}");
        assert!(!first[0].closed, "{text}");
        assert_eq!(first[0].range.end, doc.blocks[0].range.end, "{text}");
        let second = &doc.blocks[1].quotes;
        assert_eq!(second.len(), 1, "{text}");
        assert!(second[0].closed, "{text}");
        assert!(doc.text(second[0].inner).starts_with("The others will follow,"));
        assert!(outside_quotes(text, "Nothing else"), "{text}");
    }
    assert_eq!(
        quoted("“We will act.\n\nWe will not wait.”\n"),
        vec![vec!["“We will act."], vec![]]
    );
}
