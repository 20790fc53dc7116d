use std::io::Write;

use zip::write::SimpleFileOptions;

use crate::document::{BlockKind, Document, SourceKind};

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
                  xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

/// A `.docx` archive (deflated, as Word writes it) with these parts.
fn archive(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn body(paragraphs: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{paragraphs}<w:sectPr/></w:body></w:document>")
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn read(paragraphs: &str) -> Document {
    Document::from_docx(&archive(&[("word/document.xml", &body(paragraphs))])).unwrap()
}

#[test]
fn paragraphs_are_lines_and_headings_keep_their_kind() {
    let heading = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Rail link opens</w:t></w:r></w:p>";
    let d = read(&format!(
        "{heading}{}<w:p/>{}",
        p("The line reached Astana in May &amp; June."),
        p("Officials said more trains would follow.")
    ));
    assert_eq!(
        d.source,
        "Rail link opens\nThe line reached Astana in May & June.\n\nOfficials said more trains would follow.\n"
    );
    let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Heading,
            BlockKind::Paragraph,
            BlockKind::Paragraph
        ]
    );
    // The paragraph number is the line.
    let at = d.source.find("Officials").unwrap();
    assert_eq!(d.line_index.line_col(&d.source, at), (4, 1));
}

#[test]
fn tracked_changes_read_as_accepted_and_comments_are_not_text() {
    let d = read(
        "<w:p><w:r><w:t xml:space=\"preserve\">The talks </w:t></w:r>\
         <w:del w:id=\"1\" w:author=\"Ed\"><w:r><w:delText>collapsed </w:delText></w:r></w:del>\
         <w:ins w:id=\"2\" w:author=\"Ed\"><w:r><w:t xml:space=\"preserve\">resumed </w:t></w:r></w:ins>\
         <w:commentRangeStart w:id=\"3\"/><w:r><w:t>on Monday.</w:t></w:r><w:commentRangeEnd w:id=\"3\"/>\
         <w:r><w:commentReference w:id=\"3\"/></w:r></w:p>",
    );
    assert_eq!(d.source, "The talks resumed on Monday.\n");
}

#[test]
fn text_boxes_field_codes_and_tables_are_not_prose() {
    let d = read(&format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">Body text </w:t></w:r>\
         <w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>{}</w:txbxContent></w:drawing></mc:Choice>\
         <mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"x\" </w:instrText></w:r>\
         <w:r><w:t>continues.</w:t></w:r></w:p>\
         <w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("A pull quote"),
        p("A pull quote"),
        p("Exports 2023 1.2")
    ));
    assert_eq!(d.source, "Body text continues.\nExports 2023 1.2\n");
    assert_eq!(d.blocks.len(), 1);
    assert_eq!(d.prose_text(d.blocks[0].range), "Body text continues.");
}

#[test]
fn footnotes_follow_the_body() {
    let notes = format!(
        "<w:footnotes {NS}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:id=\"1\">{}</w:footnote></w:footnotes>",
        p("Interfax, March 3.")
    );
    let bytes = archive(&[
        ("word/document.xml", &body(&p("Body."))),
        ("word/footnotes.xml", &notes),
    ]);
    let d = Document::from_docx(&bytes).unwrap();
    assert_eq!(d.source, "Body.\nInterfax, March 3.\n");
    assert_eq!(d.blocks[1].kind, BlockKind::Footnote);
}

#[test]
fn a_corrupt_document_says_why() {
    let err = Document::from_docx(b"PK\x03\x04 not really a zip").unwrap_err();
    assert!(err.to_string().starts_with("not a Word document"), "{err}");
    let err = Document::from_docx(&archive(&[("word/other.xml", "<x/>")])).unwrap_err();
    assert!(err.to_string().contains("no word/document.xml"), "{err}");
    let err = Document::from_docx(&archive(&[(
        "word/document.xml",
        "<w:document><w:body><w:p></w:r></w:body>",
    )]))
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("corrupt Word document: word/document.xml"),
        "{err}"
    );
}

#[test]
fn text_given_as_text_is_one_paragraph_a_line() {
    let d = Document::parse("Heading\nOne paragraph.\n\nAnother.\n", SourceKind::Docx);
    assert_eq!(d.blocks.len(), 3);
}

#[test]
fn core_properties_date_a_document_only_when_asked() {
    use crate::document::{DateSource, DocxDate, PublicationDate};
    let core = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-08-20T09:15:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">2021-08-23T17:40:00Z</dcterms:modified></cp:coreProperties>";
    let d = Document::from_docx(&archive(&[
        (
            "word/document.xml",
            &body(&p("The talks opened on Monday, August 16.")),
        ),
        ("docProps/core.xml", core),
    ]))
    .unwrap();
    let (created, modified) = (
        jiff::civil::date(2021, 8, 20),
        jiff::civil::date(2021, 8, 23),
    );
    assert_eq!(
        (d.core_dates.created, d.core_dates.modified),
        (Some(created), Some(modified))
    );
    let today = jiff::civil::date(2026, 12, 7);
    let assumed = PublicationDate::resolve(&d, Some("draft.docx"), None, today);
    assert_eq!(assumed.source, DateSource::Assumed);
    // Not asked: today's date is still assumed.
    assert_eq!(assumed.or_properties(&d, DocxDate::None), assumed);
    let by_created = assumed.or_properties(&d, DocxDate::Created);
    assert_eq!(
        (by_created.date, by_created.source),
        (created, DateSource::Properties)
    );
    assert_eq!(assumed.or_properties(&d, DocxDate::Modified).date, modified);
    // A date the name gives wins over the properties.
    let named = PublicationDate::resolve(&d, Some("2021-09-01-draft.docx"), None, today);
    assert_eq!(named.or_properties(&d, DocxDate::Created), named);
    // A document without the part, or with a date that does not parse, has none.
    let bare = read(&p("No properties."));
    assert_eq!(bare.core_dates, Default::default());
    let odd = Document::from_docx(&archive(&[
        ("word/document.xml", &body(&p("Odd."))),
        ("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"x\" xmlns:dcterms=\"y\"><dcterms:created>yesterday</dcterms:created></cp:coreProperties>"),
    ]))
    .unwrap();
    assert_eq!(odd.core_dates.created, None);
}
