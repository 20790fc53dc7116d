//! Input formats other than Markdown and plain text, end to end, on fixtures written for
//! these tests (no real article):
//!
//! - `tests/fixtures/inputs/html/`: `article.html` has every construct the HTML reader
//!   knows (page furniture, scripts, character references, headings, captions, block
//!   quotes, `<abbr title>`, links, a suppression comment, `article:published_time`);
//!   `largest-body.html` has neither `<article>` nor `<main>` and dates itself with `<time
//!   datetime>`; `json-ld.html` dates itself with JSON-LD `datePublished`. The malformed
//!   page (cut off inside a tag) is made here, so that `tests/fixtures` stays checkable as
//!   a whole.
//! - `tests/fixtures/inputs/docx/draft/`: the parts of a Word document, kept as readable
//!   XML and zipped here: a title, a tracked deletion and insertion, an empty paragraph,
//!   a commented italic run, a table, a footnote and a comment.
//!
//! (`tests/fixtures/README.md` is itself a fixture of the findings dump, so these notes
//! live here.)

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::{run, tempdir, write};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/inputs/html")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

/// (rule, line, column, text) of each finding of a `--format json` run.
fn findings(stdout: &str) -> Vec<(String, u64, u64, String)> {
    let v: Vec<Value> = serde_json::from_str(stdout).expect(stdout);
    v.iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The markup of a page: every tag and comment, in order.
fn markup(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn an_html_page_is_checked_as_its_article() {
    let dir = fixtures();
    let r = run(
        &dir,
        &["check", "--no-config", "--format", "json", "article.html"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    // The old name in the article (twice in the page furniture, once suppressed in the
    // article), and the reported speech without a source; nothing from the scripts,
    // styles, navigation, widgets, asides or footer.
    assert_eq!(
        findings(&r.stdout),
        vec![
            ("place-name".to_string(), 17, 33, "Astana".to_string()),
            ("unsourced-claim".to_string(), 17, 112, "said".to_string()),
        ]
    );
}

#[test]
fn the_publication_date_comes_from_the_page() {
    let dir = fixtures();
    // `<time datetime>`: September 2019, after the capital was renamed.
    let r = run(
        &dir,
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "largest-body.html",
        ],
    );
    assert!(r.stdout.contains("in September 2019"), "{}", r.stdout);
    // Outside the largest body of paragraphs nothing is read.
    assert!(!r.stdout.contains(":3:"), "{}", r.stdout);
    // JSON-LD `datePublished`.
    let r = run(
        &dir,
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "json-ld.html",
        ],
    );
    assert!(r.stdout.contains("in June 2021"), "{}", r.stdout);
    // `--date` comes first.
    let r = run(
        &dir,
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "--date",
            "2018-07-01",
            "json-ld.html",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn fixes_edit_text_and_never_markup() {
    let dir = tempdir();
    let page = fixture("article.html");
    // The fixes land in a paragraph whose words hold references: the name is replaced,
    // a citation skeleton added, and the references and every tag stay as they are.
    write(dir.path(), "page.html", &page);
    let r = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--fix",
            "--unsafe-fixes",
            "page.html",
        ],
    );
    // The skeleton is still a finding, for the desk to fill in.
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("page.html")).unwrap();
    assert_ne!(fixed, page);
    assert_eq!(markup(&fixed), markup(&page));
    assert!(fixed.contains("outside Nur-Sultan began loading"));
    assert!(fixed.contains("the operator&rsquo;s director said (SOURCE, Month Day)."));
    // The furniture keeps its old name: it is not prose.
    assert!(fixed.contains("Astana: 24&deg;C"));
    assert!(fixed.contains("<a href=\"/a\">Astana budget &amp; rail</a>"));
}

#[test]
fn an_unused_suppression_comment_is_removed_with_its_line() {
    let dir = tempdir();
    let page = "<html><head><meta property=\"article:published_time\" content=\"2021-05-04\"></head><body><article>\n\
                <!-- copydesk-disable-next-line citation-format -->\n\
                <p>Talks in Astana ended on Monday (TASS, May 3).</p>\n</article></body></html>\n";
    write(dir.path(), "page.html", page);
    let r = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--extend-select",
            "unused-suppression",
            "--diff",
            "page.html",
        ],
    );
    assert!(
        r.stdout
            .contains("-<!-- copydesk-disable-next-line citation-format -->"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("+<p>Talks in Nur-Sultan ended"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_malformed_page_is_an_error_for_that_file_alone() {
    // A page cut off inside a tag, as a broken download leaves it (made here, so that
    // the fixture folders stay checkable as a whole).
    let dir = tempdir();
    let page = fixture("article.html");
    let cut = page.find("<a href=\"https://example.org/report\"").unwrap() + 12;
    write(dir.path(), "malformed.html", &page[..cut]);
    write(dir.path(), "json-ld.html", fixture("json-ld.html"));
    let r = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "malformed.html",
            "json-ld.html",
        ],
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("malformed.html: malformed HTML: the page ends inside a tag"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("json-ld.html:4:17: place-name"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_directory_walk_takes_html_pages() {
    let dir = tempdir();
    write(dir.path(), "site/page.htm", fixture("json-ld.html"));
    write(dir.path(), "site/style.css", "p { color: red; }");
    let r = run(
        dir.path(),
        &["check", "--no-config", "--format", "concise", "site"],
    );
    assert!(
        r.stdout.contains("page.htm:4:17: place-name"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("style.css"), "{}", r.stdout);
}

/// The `.docx` of a fixture folder: its parts, deflated as Word writes them.
fn docx(name: &str) -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/inputs/docx")
        .join(name);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for part in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/footnotes.xml",
        "word/comments.xml",
    ] {
        if let Ok(text) = std::fs::read(root.join(part)) {
            zip.start_file(part, options).unwrap();
            zip.write_all(&text).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_word_document_reports_paragraph_and_character() {
    let dir = tempdir();
    write(dir.path(), "draft.docx", docx("draft"));
    let r = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--date",
            "2020-03-05",
            "--format",
            "json",
            "draft.docx",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    // Paragraph 2, its 40th character; paragraph 5 (the empty fourth counts) across its
    // italic run. The deleted "Astana" of paragraph 3, the comment and the table are not
    // read, and the place-name rule leaves footnotes alone.
    assert_eq!(
        findings(&r.stdout),
        vec![
            ("place-name".to_string(), 2, 40, "Astana".to_string()),
            ("unsourced-claim".to_string(), 5, 36, "said".to_string()),
        ]
    );
    // The human format quotes the paragraph.
    let r = run(
        dir.path(),
        &["check", "--no-config", "--date", "2020-03-05", "draft.docx"],
    );
    assert!(
        r.stdout
            .contains("2 | Delegations from five countries met in Astana on Tuesday"),
        "{}",
        r.stdout
    );
}

#[test]
fn fix_is_refused_for_a_word_document() {
    let dir = tempdir();
    let bytes = docx("draft");
    write(dir.path(), "draft.docx", &bytes);
    let r = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--date",
            "2020-03-05",
            "--fix",
            "--unsafe-fixes",
            "draft.docx",
        ],
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("draft.docx: not fixed: --fix and --diff do not rewrite Word documents"),
        "{}",
        r.stderr
    );
    assert_eq!(common::read(dir.path(), "draft.docx"), bytes);
}

#[test]
fn a_corrupt_word_document_is_an_error_for_that_file_alone() {
    let dir = tempdir();
    let bytes = docx("draft");
    write(dir.path(), "cut.docx", &bytes[..bytes.len() / 2]);
    write(dir.path(), "page.html", fixture("json-ld.html"));
    let r = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "concise",
            "cut.docx",
            "page.html",
        ],
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("cut.docx: not a Word document"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("page.html:4:17: place-name"),
        "{}",
        r.stdout
    );
}

/// A Word document with one paragraph, created and modified on these days.
fn docx_with_properties(text: &str, created: &str, modified: &str) -> Vec<u8> {
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let parts = [
        (
            "word/document.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {ns}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"),
        ),
        (
            "docProps/core.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}T09:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{modified}T18:30:00Z</dcterms:modified></cp:coreProperties>"),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, xml) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_word_document_is_dated_by_its_properties_only_when_the_house_asks() {
    let dir = tempdir();
    // Nur-Sultan was the capital's name from March 2019 to September 2022: right for a
    // draft created in 2021, out of date for one modified in 2023 or dated today.
    write(
        dir.path(),
        "draft.docx",
        docx_with_properties(
            "Delegations met in Nur-Sultan on Tuesday (Kursiv, August 17).",
            "2021-08-20",
            "2023-01-10",
        ),
    );
    let check = |config: &str| {
        write(dir.path(), "copydesk.toml", config);
        run(
            dir.path(),
            &[
                "check",
                "--select",
                "place-name",
                "--format",
                "concise",
                "draft.docx",
            ],
        )
    };
    // Not asked: today's date is assumed, and said to be.
    let r = check("");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("place-name"), "{}", r.stdout);
    assert!(
        r.stderr.contains("no publication date found"),
        "{}",
        r.stderr
    );
    let r = check("[house-style.dates]\ndocx-date = \"created\"\n");
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    assert!(
        !r.stderr.contains("no publication date found"),
        "{}",
        r.stderr
    );
    let r = check("[house-style.dates]\ndocx-date = \"modified\"\n");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("in January 2023"), "{}", r.stdout);
    // `--date` still wins.
    write(
        dir.path(),
        "copydesk.toml",
        "[house-style.dates]\ndocx-date = \"modified\"\n",
    );
    let r = run(
        dir.path(),
        &[
            "check",
            "--select",
            "place-name",
            "--date",
            "2021-08-20",
            "draft.docx",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
}
