//! Generated hostile documents, mixing every construct the rules read (quotations of every
//! kind, nested and unbalanced brackets, acronyms and their definitions, places, dates,
//! citation groups, suppression comments, Markdown and HTML markup, control characters,
//! combining marks, bidi controls, odd line ends): linting never panics, every finding and
//! every edit lies on character boundaries inside the text, and `--fix` settles (fixing
//! its own output changes nothing).
//!
//! The normal run tries 160 documents a property; `PROPTEST_CASES=1000` tries more (CI's
//! longer run, `.ci/run`).

use copydesk_core::document::{Document, SourceKind};
use copydesk_core::{fix_until_stable, lint_default, Diagnostic, FixMode};
use jiff::civil::date;
use proptest::prelude::*;

/// Pieces a document is built from: each is something a rule reads, or input that has
/// broken a reader before.
const PIECES: &[&str] = &[
    "Talks went on (TASS, August 20). ",
    "(Reuters, Sept. 3; RBC, Aug. 2) ",
    "the Collective Security Treaty Organization (CSTO) ",
    "the CSTO ",
    "NATO (North Atlantic Treaty Organization) ",
    "Federal Security Service (Federalnaya Sluzhba Bezopasnosti—FSB) ",
    "known as the SNB ",
    "in Kiev ",
    "Astana\u{301} ",
    "Alma-Ata, ",
    "Kharkov ",
    "on Monday, March 3, 2019, ",
    "in Sept. 2021 ",
    "“He said ‘no’” ",
    "\"open ",
    "« guillemets » ",
    "‘ ",
    "” ",
    "(((",
    ")))",
    "([)] ",
    "[1] ",
    "grid.(3) ",
    "55 people were killed, ",
    "according to officials, ",
    "said Ferhat Demir, a professor. ",
    "He argues that prices rose 20 percent. ",
    "<!-- copydesk-disable place-name -->",
    "<!-- copydesk-enable place-name -->",
    "<!-- copydesk-disable-next-line -->\n",
    "<!-- copydesk-disable-file acronym-undefined -->",
    "\n\n",
    "\n",
    "\r\n",
    "\r",
    "\n# Heading\n",
    "\n> quoted block\n",
    "\n- item\n",
    "\n```\ncode (CSTO)\n```\n",
    "`Kiev` ",
    "[link](https://example.org) ",
    "*Kiev* ",
    "[^1] ",
    "\n[^1]: A note.\n",
    "<em>Kiev</em> ",
    "<abbr title=\"Shanghai Cooperation Organisation\">SCO</abbr> ",
    "&amp; &#x41; ",
    "---\ndate: 2024-05-01\n---\n",
    "Date: 2024-05-01\n",
    "ALMATY, Feb 10 (IPS) - ",
    "\u{feff}",
    "\u{0}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{2028}",
    "\u{85}",
    "👩‍👩‍👧 ",
    "e\u{301}\u{302} ",
    "שלום ",
    "... ",
    "… ",
    ". ",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{0,12}",
        1 => "[ ()\\[\\]\"“”‘’«».,;:A-Z\\-\n]{0,12}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

fn kind() -> impl Strategy<Value = SourceKind> {
    prop_oneof![
        Just(SourceKind::Markdown),
        Just(SourceKind::Text),
        Just(SourceKind::Html)
    ]
}

fn lint(text: &str, kind: SourceKind) -> Vec<Diagnostic> {
    lint_default(&Document::parse(text, kind), date(2024, 5, 1))
}

/// How many documents each property tries.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(160)
}

fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn findings_lie_on_character_boundaries(text in document(), kind in kind()) {
        for d in lint(&text, kind) {
            prop_assert!(
                on_boundaries(&text, d.range.start, d.range.end),
                "{} at {:?} in {:?}", d.rule, d.range, text
            );
            for edit in d.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(
                    on_boundaries(&text, edit.range.start, edit.range.end),
                    "{} edit at {:?} in {:?}", d.rule, edit.range, text
                );
            }
        }
    }

    #[test]
    fn fixing_settles(text in document(), kind in kind(), unsafe_fixes in any::<bool>()) {
        let mode = if unsafe_fixes { FixMode::Unsafe } else { FixMode::Safe };
        let once = fix_until_stable(&text, mode, |t| lint(t, kind));
        let twice = fix_until_stable(&once.text, mode, |t| lint(t, kind));
        prop_assert_eq!(twice.applied, 0, "fixing {:?} again changed {:?}", text, once.text);
        prop_assert_eq!(&twice.text, &once.text);
    }
}

#[test]
fn the_pieces_give_findings_and_fixes_to_settle() {
    // The properties are only worth their cases if the generated documents have fixes.
    let text = PIECES.concat();
    let found = lint(&text, SourceKind::Markdown);
    assert!(found.iter().any(|d| d.fix.is_some()), "{found:?}");
    let fixed = fix_until_stable(&text, FixMode::Unsafe, |t| lint(t, SourceKind::Markdown));
    assert!(fixed.applied > 0);
}
