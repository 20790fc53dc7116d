use super::*;

fn kinds(doc: &Document) -> Vec<BlockKind> {
    doc.blocks.iter().map(|b| b.kind).collect()
}

#[test]
fn plain_text_header_caption_title_and_paragraphs() {
    let text = "Kazakhstan Weighs Its Options\n\nPublication: Steppe Review Volume: 4 Issue: 12\n\n(Source: The Astana Times)\n\nThe ministry spoke. It said more.\n\nA second paragraph\nwraps over two lines.\n";
    let doc = Document::parse(text, SourceKind::Text);
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Heading,
            BlockKind::Header,
            BlockKind::Caption,
            BlockKind::Paragraph,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(
        doc.text(doc.blocks[3].range),
        "The ministry spoke. It said more."
    );
    assert_eq!(doc.blocks[3].sentences.len(), 2);
    assert_eq!(
        doc.text(doc.blocks[4].range),
        "A second paragraph\nwraps over two lines."
    );
}

#[test]
fn markdown_non_prose_is_blank_and_offsets_are_exact() {
    let text = "---\ntitle: Türkiye — a note\ndate: 2023-01-05\n---\n# Héading 😀\n\nThe “Türkiye” desk — in Анкара 😀 — met `Astana` at <https://example.org/Astana> and https://example.com/x today.\n\n```\nAstana code\n```\n\n<!-- Astana comment -->\nA [link to Lenta](https://lenta.ru/Astana) and a note[^1].\n\n[^1]: TASS, August 20.\n";
    let doc = Document::parse(text, SourceKind::Markdown);
    assert_eq!(doc.prose.len(), text.len());
    assert_eq!(
        doc.front_matter.as_ref().unwrap().date,
        Some(jiff::civil::date(2023, 1, 5))
    );
    // Every "Astana" in code, URLs, HTML comments and link destinations is blank.
    assert!(!doc.prose.contains("Astana"), "{}", doc.prose);
    assert!(!doc.prose.contains("title"));
    let p = &doc.blocks[1];
    assert_eq!(p.kind, BlockKind::Paragraph);
    assert!(doc
        .text(p.range)
        .starts_with("The “Türkiye” desk — in Анкара 😀 — met `Astana`"));
    let at = doc.prose.find("Анкара").unwrap();
    assert_eq!(&doc.source[at..at + "Анкара".len()], "Анкара");
    let (line, col) = doc.line_index.line_col(&doc.source, at);
    assert_eq!((line, col), (7, 25));
    let q = &p.quotes[0];
    assert_eq!(doc.text(q.inner), "Türkiye");
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
    assert_eq!(doc.text(doc.blocks[0].range), "Héading 😀");
    assert_eq!(doc.links.len(), 2);
    assert_eq!(
        doc.text(doc.links[1].range),
        "[link to Lenta](https://lenta.ru/Astana)"
    );
    assert_eq!(doc.footnote_refs.len(), 1);
    assert_eq!(doc.text(doc.footnote_refs[0]), "[^1]");
    assert_eq!(doc.blocks.last().unwrap().kind, BlockKind::Footnote);
}

#[test]
fn markdown_lists_quotes_and_emphasis() {
    let text = "- first item says *this*\n- second item\n\n> Quoted source text.\n\nSome **bold** words (TASS, August 20).\n";
    let doc = Document::parse(text, SourceKind::Markdown);
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::BlockQuote,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(doc.text(doc.blocks[0].range), "first item says *this");
    let para = &doc.blocks[3];
    assert_eq!(
        doc.prose_text(para.range),
        "Some   bold   words (TASS, August 20)."
    );
    assert_eq!(para.citations.len(), 1);
    assert!(para.final_citation().is_some());
}

#[test]
fn emphasis_spans_are_outermost_and_bold_is_not_emphasis() {
    let text = "The film *Kiev by _Night_* ran in **Almaty** and _Astana_ in 2_000 rooms.\n\n*Olena Petrenko is a\njournalist in Kharkiv.*\n";
    let doc = Document::parse(text, SourceKind::Markdown);
    let spans: Vec<&str> = doc.emphasis.iter().map(|&e| doc.text(e)).collect();
    assert_eq!(
        spans,
        vec![
            "*Kiev by _Night_*",
            "_Astana_",
            "*Olena Petrenko is a\njournalist in Kharkiv.*"
        ]
    );
    let at = |word: &str| {
        let start = text.find(word).unwrap();
        doc.emphasis_at(TextRange::new(start, start + word.len()))
            .map(|e| doc.text(e))
    };
    assert_eq!(at("Night"), Some("*Kiev by _Night_*"));
    assert_eq!(at("Almaty"), None);
    assert_eq!(at("Kharkiv"), Some(spans[2]));
    assert_eq!(at("rooms"), None);
    // Plain text has no emphasis: asterisks are characters.
    assert!(Document::parse(text, SourceKind::Text).emphasis.is_empty());
}

#[test]
fn markdown_header_lines_and_captions_are_classified() {
    let text = "Publication: Steppe Review Volume: 4 Issue: 12\n\n(Source: Kazinform)\n\nBody text here.\n";
    let doc = Document::parse(text, SourceKind::Markdown);
    assert_eq!(
        kinds(&doc),
        vec![BlockKind::Header, BlockKind::Caption, BlockKind::Paragraph]
    );
}

#[test]
fn lists_of_sources_are_captions() {
    // Negatives first: a sentence about sources is body text.
    let text = "Sources consulted by the commission disagreed on the count (TASS, May 3).\n\n\
                Sources consulted: Armenpress; APA; Trend; UNHCR.\n\n\
                References: Kapital.kz; NBK annual report, 2016.\n";
    let doc = Document::parse(text, SourceKind::Text);
    assert_eq!(
        kinds(&doc),
        vec![BlockKind::Paragraph, BlockKind::Caption, BlockKind::Caption]
    );
}

#[test]
fn numbered_figure_and_table_captions_are_captions() {
    let text = "Figure 1. FDI inflows, 2015–2023 (source: UNCTAD).\n\nTable 2: Trade with China\n\nTable salt prices rose. Figure skating is popular.\n";
    let doc = Document::parse(text, SourceKind::Markdown);
    assert_eq!(
        kinds(&doc),
        vec![BlockKind::Caption, BlockKind::Caption, BlockKind::Paragraph]
    );
}

#[test]
fn a_question_headline_in_title_case_is_a_heading() {
    let text = "Why Did the CSTO Intervene in Kazakhstan?\n\nWhy did the bloc intervene at all?\n\nWho Wins?\n";
    let doc = Document::parse(text, SourceKind::Text);
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Heading,
            BlockKind::Paragraph,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn a_quoted_crosshead_is_a_heading_and_a_quoted_sentence_is_not() {
    // Negatives first: a quoted sentence with its full stop, a quotation and its
    // speaker, a long quoted line, a lower-case fragment.
    for text in [
        "“We will not give up.”\n",
        "\"Talks will go on,\" he said.\n",
        "\"The border talks have come to a standstill and neither side expects a new round before the spring thaw\"\n",
        "\"coming to a standstill\"\n",
    ] {
        let doc = Document::parse(text, SourceKind::Text);
        assert_eq!(kinds(&doc), vec![BlockKind::Paragraph], "{text}");
    }
    for text in [
        "\"Talks coming to a standstill\"\n",
        "«Nobody wants a new war»\n",
    ] {
        let doc = Document::parse(text, SourceKind::Markdown);
        assert_eq!(kinds(&doc), vec![BlockKind::Heading], "{text}");
    }
}

#[test]
fn header_date_is_read() {
    let text = "Title of the Piece\n\nPublished: September 10, 2021\n\nBody text here.\n";
    let doc = Document::parse(text, SourceKind::Text);
    assert_eq!(doc.header_date(), Some(jiff::civil::date(2021, 9, 10)));
    let today = jiff::civil::date(2026, 1, 1);
    let p = PublicationDate::resolve(&doc, Some("2020-01-01-x.txt"), None, today);
    assert_eq!(p.source, DateSource::Header);
    let p = PublicationDate::resolve(&doc, None, Some(jiff::civil::date(2019, 1, 1)), today);
    assert_eq!(p.source, DateSource::Flag);
    let bare = Document::parse("Body only.", SourceKind::Text);
    let p = PublicationDate::resolve(&bare, Some("2020-01-02-x.txt"), None, today);
    assert_eq!(
        (p.date, p.source),
        (jiff::civil::date(2020, 1, 2), DateSource::FileName)
    );
    let p = PublicationDate::resolve(&bare, Some("x.txt"), None, today);
    assert_eq!((p.date, p.source), (today, DateSource::Assumed));
}

#[test]
fn crlf_and_bom_text() {
    let text = "\u{feff}First para.\r\nStill first.\r\n\r\nSecond para (TASS, August 20).\r\n";
    let doc = Document::parse(text, SourceKind::Text);
    assert_eq!(doc.blocks.len(), 2);
    assert_eq!(
        doc.text(doc.blocks[1].range),
        "Second para (TASS, August 20)."
    );
    assert!(doc.text(doc.blocks[0].range).starts_with("First"));
}

#[test]
fn a_short_line_ending_with_its_credit_is_a_caption() {
    // Body paragraphs end with citation groups, not credits; a long paragraph that ends
    // with a credit stays body.
    let long = "Monitors counted more than forty explosions on the northern outskirts during the night and reported that two houses in the village had been hit, one of them for the second time in a week, while a school stood empty (Source: OSCE)";
    let text = format!("The talks resumed (TASS, May 3).\n\nMonitors inspect a damaged school near the village (Source: OSCE)\n\n{long}\n");
    let doc = Document::parse(&text, SourceKind::Text);
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Paragraph,
            BlockKind::Caption,
            BlockKind::Paragraph
        ]
    );
    let md =
        "Body text here.\n\n*Container trains at a port on the Caspian (Photo: Kazakh railways)*\n";
    let doc = Document::parse(md, SourceKind::Markdown);
    assert_eq!(kinds(&doc), vec![BlockKind::Paragraph, BlockKind::Caption]);
}

#[test]
fn pointers_to_other_pages_are_furniture() {
    let md = "Body text here.\n\nRead more: [the CSTO statement](https://example.org/a) and [our report](https://example.org/b)\n\nSee also: Kazakhstan's new constitution\n\nRelated reading matters more than ever, the editor said.\n";
    let doc = Document::parse(md, SourceKind::Markdown);
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Paragraph,
            BlockKind::Header,
            BlockKind::Header,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn the_desks_notes_about_the_piece_are_furniture() {
    let md = "*Editor's note: This is the second part of a series on the CSTO.*\n\nBody text here.\n\n*Correction: An earlier version misstated a date.*\n\nA correction was demanded by the ministry on Monday.\n";
    let doc = Document::parse(md, SourceKind::Markdown);
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Header,
            BlockKind::Paragraph,
            BlockKind::Header,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn front_matter_publication_dates_in_the_forms_a_cms_writes() {
    let read = |fm: &str| {
        let text = format!("{fm}\nThe grain board met.\n");
        Document::parse(&text, SourceKind::Markdown)
            .front_matter
            .and_then(|f| f.date)
    };
    let oct3 = Some(jiff::civil::date(2022, 10, 3));
    // Negatives first: keys that are not the publication date, and a date that is not one.
    assert_eq!(read("---\nupdated: 2022-10-03\ntitle: Grain\n---"), None);
    assert_eq!(read("---\ndate: soon\n---"), None);
    assert_eq!(read("---\nlast-published: 2022-10-03\n---"), None);
    for fm in [
        "---\ndate: 2022-10-03T09:00:00Z\n---",
        "---\ndate: 2022-10-03 09:00\n---",
        "---\ndate: \"2022-10-03T09:00:00+06:00\"\n---",
        "---\ndate: October 3, 2022\n---",
        "---\ndate: 3 October 2022\n---",
        "---\npublished: 2022-10-03\n---",
        "---\npublished: October 3, 2022\n---",
        "---\npublished_at: 2022-10-03T09:00:00Z\n---",
        "+++\ndate = 2022-10-03T09:00:00Z\n+++",
        "+++\npublished = \"3 October 2022\"\n+++",
        "---\nPublished: 2022-10-03 09:00\n---",
    ] {
        assert_eq!(read(fm), oct3, "{fm}");
    }
    // `date` wins over `published` when both are given, whatever their order.
    assert_eq!(
        read("---\npublished: 2021-01-05\ndate: 2022-10-03\n---"),
        oct3
    );
}
