//! A [`LintSession`] re-lints an edited document from what it kept of the blocks that
//! did not change, and finds exactly what a full lint finds: the same findings, ranges,
//! messages, help and fixes, after every edit of random sequences of edits.

use std::path::Path;
use std::sync::Arc;

use copydesk_core::document::{Document, PublicationDate, SourceKind};
use copydesk_core::{lint_file, Config, LintSession};
use jiff::civil::date;
use proptest::prelude::*;

/// Articles of the tuned sourcing corpus (never the sealed one): claims, sources,
/// quotations, acronyms, places and dates in every paragraph.
const ARTICLES: &[&str] = &[
    include_str!("../../../tests/fixtures/eval/sourcing/2021-05-25-tajik-border.md"),
    include_str!("../../../tests/fixtures/eval/sourcing/2024-02-06-moldova-speech.md"),
    include_str!("../../../tests/fixtures/eval/sourcing/2019-07-02-heldout3-china-debt.md"),
];

/// Text an edit inserts: each changes what a block claims, how it is segmented, or a
/// document-wide reading (a dateline, the front matter's date, a quotation running on).
const INSERTS: &[&str] = &[
    "x",
    " ",
    "\n",
    "\n\n",
    ".",
    "“",
    "”",
    "\"",
    "(",
    ")",
    " said Reuters",
    " grew 5 percent",
    "On August 18, ",
    " (TASS, August 20)",
    " the CSTO",
    "ASTANA, Sept 20 (Reuters) - ",
    "---\ndate: 2021-08-19\n---\n",
    "> ",
    "- ",
];

/// One edit: insert a piece, delete a stretch, or copy a stretch elsewhere, at places
/// given as fractions of the text's length.
#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, usize),
    Delete(f64, usize),
    Copy(f64, usize, f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1.0, 0..INSERTS.len()).prop_map(|(at, i)| Edit::Insert(at, i)),
        (0.0..1.0, 1usize..60).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0.0..1.0, 1usize..400, 0.0..1.0).prop_map(|(at, n, to)| Edit::Copy(at, n, to)),
    ]
}

/// The character boundary at or after `fraction` of `text`.
fn boundary(text: &str, fraction: f64) -> usize {
    let mut at = ((text.len() as f64) * fraction) as usize;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Insert(at, i) => {
            let at = boundary(text, at);
            text.insert_str(at, INSERTS[i]);
        }
        Edit::Delete(at, n) => {
            let start = boundary(text, at);
            let end = boundary(
                text,
                ((start + n) as f64 / text.len().max(1) as f64).min(1.0),
            );
            text.replace_range(start..end.max(start), "");
        }
        Edit::Copy(at, n, to) => {
            let start = boundary(text, at);
            let end = boundary(
                text,
                ((start + n) as f64 / text.len().max(1) as f64).min(1.0),
            );
            let piece = text[start..end.max(start)].to_string();
            let to = boundary(text, to);
            text.insert_str(to, &piece);
        }
    }
}

fn base(articles: usize) -> String {
    ARTICLES[..articles]
        .iter()
        .map(|a| a.split("---").last().unwrap_or(a).trim())
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

/// The session's findings for `text` against a full lint, and how many readings of
/// blocks the session made afresh.
fn compare(session: &mut LintSession, config: &Config, text: &str) -> Result<usize, TestCaseError> {
    let doc = Document::parse(text, SourceKind::Markdown);
    let published = PublicationDate::resolve(&doc, None, None, date(2021, 8, 23));
    let settings = config.settings_for(Path::new("piece.md"));
    let full = lint_file(&doc, &settings, published);
    let incremental = session.lint(&doc, published);
    prop_assert_eq!(&incremental, &full, "after editing into {:?}", text);
    Ok(session.read_afresh())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn every_edit_finds_what_a_full_lint_finds(
        articles in 1usize..=ARTICLES.len(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let config = Arc::new(Config::default());
        let mut session = LintSession::new(config.clone(), "piece.md");
        let mut text = base(articles);
        compare(&mut session, &config, &text)?;
        for e in &edits {
            apply(&mut text, e);
            compare(&mut session, &config, &text)?;
        }
    }
}

#[test]
fn an_edit_reads_only_the_paragraph_it_changed() {
    let config = Arc::new(Config::default());
    let mut session = LintSession::new(config.clone(), "piece.md");
    let text = base(ARTICLES.len()) + "\nExports grew 5 percent last year.\n";
    let first = compare(&mut session, &config, &text).unwrap();
    assert!(first > 12, "the first lint reads every paragraph ({first})");
    let kept = session.remembered();
    // The same text again: nothing is read afresh.
    assert_eq!(compare(&mut session, &config, &text).unwrap(), 0);
    // One letter typed in the last paragraph, an unsourced claim: that paragraph alone
    // (at most its four readings: claims, sourced, people introduced, authors quoted).
    let edited = text.replace("Exports grew", "Exportsx grew");
    let one = compare(&mut session, &config, &edited).unwrap();
    assert!((1..=4).contains(&one), "{one} readings");
    assert_eq!(session.remembered(), kept, "the old paragraph is forgotten");
    // A paragraph added at the top moves every other one: still only the new one.
    let moved = format!("Imports fell 3 percent in May.\n\n{edited}");
    assert_eq!(compare(&mut session, &config, &moved).unwrap(), one);
}

#[test]
fn a_new_publication_date_forgets_what_was_read() {
    let config = Arc::new(Config::default());
    let mut session = LintSession::new(config.clone(), "piece.md");
    let text = base(1);
    let first = compare(&mut session, &config, &text).unwrap();
    let dated = format!("---\ndate: 2016-01-05\n---\n{text}");
    assert_eq!(compare(&mut session, &config, &dated).unwrap(), first);
}
