use super::*;
use crate::document::{Document, SourceKind};

fn doc(html: &str) -> Document {
    Document::parse(html, SourceKind::Html)
}

fn blocks(d: &Document) -> Vec<(BlockKind, &str)> {
    d.blocks
        .iter()
        .map(|b| (b.kind, d.prose_text(b.range)))
        .collect()
}

#[test]
fn only_the_article_is_prose() {
    let d = doc(
        "<html><head><title>T</title><style>p{}</style></head><body>\
        <header><nav><a href=\"/\">Home</a></nav><h1>Site</h1></header>\
        <article><h1>Rail link opens</h1><p>The line reached Astana in May.</p>\
        <aside><p>Read more about trains</p></aside>\
        <div class=\"share-buttons\"><p>Share this</p></div>\
        <figure><img src=\"a.jpg\"><figcaption>The first train (Photo: staff)</figcaption></figure>\
        <blockquote><p>It is a great day, the minister said.</p></blockquote></article>\
        <footer><p>Copyright</p></footer><script>var x = \"quoted\";</script></body></html>",
    );
    assert_eq!(
        blocks(&d),
        vec![
            (BlockKind::Heading, "Rail link opens"),
            (BlockKind::Paragraph, "The line reached Astana in May."),
            (BlockKind::Caption, "The first train (Photo: staff)"),
            (
                BlockKind::BlockQuote,
                "It is a great day, the minister said."
            ),
        ]
    );
    assert_eq!(d.prose.len(), d.source.len());
    for b in &d.blocks {
        assert_eq!(d.text(b.range), d.prose_text(b.range));
    }
}

#[test]
fn main_or_the_largest_body_of_paragraphs() {
    let d = doc(
        "<body><div id=\"top\"><p>Menu text here</p></div><main><p>Body one.</p></main></body>",
    );
    assert_eq!(blocks(&d), vec![(BlockKind::Paragraph, "Body one.")]);
    let d = doc(
        "<body><div><p>Short note.</p></div><div class=\"story\"><h2>Title</h2>\
        <p>A first long paragraph of the story.</p><p>A second long paragraph.</p></div></body>",
    );
    assert_eq!(
        blocks(&d),
        vec![
            (BlockKind::Heading, "Title"),
            (BlockKind::Paragraph, "A first long paragraph of the story."),
            (BlockKind::Paragraph, "A second long paragraph."),
        ]
    );
}

#[test]
fn implied_ends_and_list_items() {
    let d = doc("<article><p>One.<p>Two.<ul><li>First<li>Second</ul>Loose text.</article>");
    assert_eq!(
        blocks(&d),
        vec![
            (BlockKind::Paragraph, "One."),
            (BlockKind::Paragraph, "Two."),
            (BlockKind::ListItem, "First"),
            (BlockKind::ListItem, "Second"),
            (BlockKind::Paragraph, "Loose text."),
        ]
    );
}

#[test]
fn inline_markup_stays_inside_its_block() {
    let d = doc(
        "<article><p>The <em>Akorda</em> said, <a href=\"https://example.org/x\">citing</a> \
        the <abbr title=\"Eurasian Economic Union\">EAEU</abbr>.</p></article>",
    );
    assert_eq!(d.blocks.len(), 1);
    assert_eq!(d.links.len(), 1);
    assert_eq!(d.links[0].destination, "https://example.org/x");
    assert!(d.text(d.links[0].range).starts_with("<a href"));
    assert_eq!(d.abbreviations.len(), 1);
    assert_eq!(d.text(d.abbreviations[0].range), "EAEU");
    assert_eq!(d.abbreviations[0].title, "Eurasian Economic Union");
}

#[test]
fn references_decode_and_offsets_stay_in_the_source() {
    let d = doc("<article><p>&#8220;We don&rsquo;t know,&#8221; she said.</p></article>");
    let b = &d.blocks[0];
    let text = d.prose_text(b.range);
    // The padding of each reference goes where its word ends.
    assert_eq!(text, "“We     don’t     know,”     she said.");
    assert_eq!(d.prose.len(), d.source.len());
    let map = d.source_map.as_ref().unwrap();
    let t = d.prose.find("don’t").unwrap() + "don’".len();
    assert!(d.source[map.offset(t)..].starts_with("t know"));
}

#[test]
fn comments_are_kept_for_directives() {
    let d = doc("<article><!-- copydesk-disable-next-line place-name --><p>Astana.</p></article>");
    assert_eq!(d.comments.len(), 1);
    assert!(d.text(d.comments[0]).starts_with("<!--"));
}

#[test]
fn the_publication_date_comes_from_metadata_in_order() {
    let head = |h: &str| {
        doc(&format!(
            "<html><head>{h}</head><body><article><p>Text.</p></article></body></html>"
        ))
    };
    let date = |d: &Document| d.front_matter.as_ref().and_then(|f| f.date);
    let meta = "<meta property=\"article:published_time\" content=\"2019-03-04T10:00:00Z\">";
    let time = "<time datetime=\"2018-01-02\">2 Jan</time>";
    let json = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-05-06\"}</script>";
    assert_eq!(
        date(&head(&format!("{json}{time}{meta}"))),
        Some(jiff::civil::date(2019, 3, 4))
    );
    assert_eq!(
        date(&head(&format!("{json}{time}"))),
        Some(jiff::civil::date(2018, 1, 2))
    );
    assert_eq!(date(&head(json)), Some(jiff::civil::date(2017, 5, 6)));
    assert_eq!(date(&head("")), None);
    // A date in a paragraph is not the page's.
    let d = doc(
        "<article><p>On <time datetime=\"2010-01-01\">New Year</time> it snowed.</p></article>",
    );
    assert_eq!(date(&d), None);
}

#[test]
fn a_page_that_ends_inside_a_tag_is_malformed() {
    let err = Document::read("<article><p>Text.</p><a href=\"x", SourceKind::Html).unwrap_err();
    assert!(err.to_string().contains("malformed HTML"), "{err}");
    assert!(Document::read("<p>Unclosed <em>tags are fine", SourceKind::Html).is_ok());
}

#[test]
fn an_abbr_title_defines_its_acronym() {
    let date = jiff::civil::date(2024, 5, 1);
    let html =
        |body: &str| format!("<article><p>{body}</p><p>Later the EAEU met again.</p></article>");
    let undefined = |body: &str| {
        crate::lint_default(&doc(&html(body)), date)
            .into_iter()
            .filter(|d| d.rule == "acronym-undefined")
            .count()
    };
    assert_eq!(undefined("Officials of the EAEU met."), 1);
    assert_eq!(
        undefined("Officials of the <abbr title=\"Eurasian Economic Union\">EAEU</abbr> met."),
        0
    );
}

#[test]
fn of_several_articles_the_longest_is_the_page() {
    let d = doc(
        "<main><article><h2>Other story</h2><p>A teaser.</p></article>\
        <article><h1>The story</h1><p>The first paragraph of the story itself.</p>\
        <p>And its second paragraph, longer than any teaser.</p></article>\
        <article><p>Another teaser.</p></article></main>",
    );
    assert_eq!(
        blocks(&d),
        vec![
            (BlockKind::Heading, "The story"),
            (
                BlockKind::Paragraph,
                "The first paragraph of the story itself."
            ),
            (
                BlockKind::Paragraph,
                "And its second paragraph, longer than any teaser."
            ),
        ]
    );
}

#[test]
fn a_block_quote_keeps_its_credit() {
    let d = doc("<article><blockquote><p>Water is the new oil here.</p>\
        <footer>— <cite>A hydrologist in Tashkent</cite></footer></blockquote>\
        <footer><p>Tags: water</p></footer></article>");
    assert_eq!(
        blocks(&d),
        vec![
            (BlockKind::BlockQuote, "Water is the new oil here."),
            // The `<cite>` tag is blank in the prose view.
            (BlockKind::BlockQuote, "—       A hydrologist in Tashkent"),
        ]
    );
}

#[test]
fn italics_are_emphasis_spans_outermost_and_inside_the_article() {
    let html =
        "<nav><p><em>Menu item</em></p></nav><article><p>The film <em>Kiev by <i>Night</i></em> \
                ran in <b>Almaty</b>; <cite>The Steppe</cite> reviewed it.</p></article>";
    let d = doc(html);
    let spans: Vec<&str> = d.emphasis.iter().map(|&e| d.text(e)).collect();
    assert_eq!(
        spans,
        vec!["<em>Kiev by <i>Night</i></em>", "<cite>The Steppe</cite>"]
    );
    let kiev = html.find("Kiev").unwrap();
    assert!(d.emphasis_at(TextRange::new(kiev, kiev + 4)).is_some());
    let almaty = html.find("Almaty").unwrap();
    assert!(d.emphasis_at(TextRange::new(almaty, almaty + 6)).is_none());
}
