//! Linting takes time linear in the document, whatever it holds: brackets side by side or
//! nested (acronym definitions), many quotations among many words; and reading a
//! configuration, linear in its lists. Each shape is worked
//! on at n and at 4n bytes; the work at 4n may be at most 2.5 times that of four documents
//! of n bytes (linear time takes about 1 times, quadratic time 4 times).

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk_core::document::{Document, SourceKind};
use copydesk_core::{acronym_definitions, lint_file, Config};
use jiff::civil::date;

/// Makes a document of about the given length.
type Shape = fn(usize) -> String;

/// What is done to a document: linted, or only read for its acronyms.
type Work = fn(&Config, &str) -> usize;

fn lint(config: &Config, text: &str) -> usize {
    let doc = Document::parse(text, SourceKind::Markdown);
    let settings = config.settings_for(Path::new("piece.md"));
    lint_file(&doc, &settings, date(2024, 5, 1)).len()
}

fn acronyms(config: &Config, text: &str) -> usize {
    let doc = Document::parse(text, SourceKind::Markdown);
    let settings = config.settings_for(Path::new("piece.md"));
    acronym_definitions(&doc, settings.style).len()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// The median of three runs of linting `large`, and of three runs of linting `small` four
/// times, interleaved so that a busy machine slows both alike.
fn large_and_small(config: &Config, work: Work, large: &str, small: &str) -> (Duration, Duration) {
    let (mut l, mut s) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let t = Instant::now();
        std::hint::black_box(work(config, large));
        l.push(t.elapsed());
        let t = Instant::now();
        for _ in 0..4 {
            std::hint::black_box(work(config, small));
        }
        s.push(t.elapsed());
    }
    (median(l), median(s))
}

fn assert_linear(work: Work, shapes: &[(&str, usize, Shape)]) {
    let config = Config::default();
    for &(name, n, make) in shapes {
        let (large, small) = (make(4 * n), make(n));
        let (l, s) = large_and_small(&config, work, &large, &small);
        assert!(
            l.as_secs_f64() <= s.as_secs_f64() * 2.5,
            "{name}: {} KB took {l:?}, 4 x {} KB took {s:?}: more than linear",
            4 * n / 1000,
            n / 1000
        );
    }
}

#[test]
fn acronym_definitions_grow_linearly_with_the_brackets() {
    // Before: 25 KB and 100 KB of `(...)` pairs took 0.23 s and 2.3 s (release), of
    // nested brackets 2.6 s and 44 s.
    assert_linear(
        lint,
        &[
            ("bracket pairs", 25_000, |n| "(...) ".repeat(n / 6)),
            ("acronyms in brackets", 25_000, |n| {
                "the Collective Security Treaty Organization (CSTO) and the CSTO ".repeat(n / 65)
            }),
        ],
    );
    assert_linear(
        acronyms,
        &[("nested brackets", 25_000, |n| {
            format!("{}x{}", "(".repeat(n / 2), ")".repeat(n / 2))
        })],
    );
}

#[test]
fn nested_brackets_grow_linearly_when_linted() {
    // Before: 25 KB and 50 KB of nested brackets took 3.0 s and 10.7 s (release): each
    // bracket's inside was read in full for a looser citation ("(Reuters)") and blanked.
    assert_linear(
        lint,
        &[
            ("nested round brackets", 10_000, |n| {
                format!("{}x{}", "(".repeat(n / 2), ")".repeat(n / 2))
            }),
            ("nested square brackets", 10_000, |n| {
                format!("{}1{}", "[".repeat(n / 2), "]".repeat(n / 2))
            }),
            ("nested names and dates", 10_000, |n| {
                let k = n / 40;
                format!("{}x{}", "(Abc(interview, 2021, ".repeat(k), "))".repeat(k))
            }),
        ],
    );
}

#[test]
fn quotations_among_many_words_grow_linearly() {
    // An opening mark that never closes holds every later quotation of the paragraph.
    assert_linear(
        lint,
        &[("quotations in one paragraph", 25_000, |n| {
            format!("“{}", "the NATO “plan” in Kiev ".repeat(n / 25))
        })],
    );
}

#[test]
fn paragraphs_grow_linearly_with_their_number() {
    // Each paragraph asks whether it is sourced (links and footnotes of the whole document,
    // the block after it) and whether its speaker was sourced in a paragraph before.
    assert_linear(
        lint,
        &[("sourced speakers, links and footnotes", 25_000, |n| {
            let unit = "In a commentary on Centrasia.ru, Zhantoro Shadakulov argues that 55 \
                        people left in 2021 ([link](https://example.org)).\n\nShadakulov sums \
                        it up: “the plan failed.” He argues that prices rose 20 percent.[^1]\n\n\
                        ## Later\n\n";
            let mut text = unit.repeat(n / unit.len());
            text.push_str("[^1]: A note.\n");
            text
        })],
    );
}

#[test]
fn suppression_comments_grow_linearly_with_their_number() {
    // Before: 5k, 10k, 20k directives took 1.1, 4.4, 20.6 s (release); each finding tried
    // every directive, and each disable directive looked for its enable among all after it.
    assert_linear(
        lint,
        &[("directives over findings", 25_000, |n| {
            let unit = "<!-- copydesk-disable-next-line place-name -->\nTalks in Kiev went on.\n\n\
                        <!-- copydesk-disable place-name -->\nKiev again.\n\n";
            unit.repeat(n / unit.len())
        })],
    );
    // Before: 10k, 20k, 40k sentences in one paragraph took 0.5, 2.1, 8.5 s.
    assert_linear(
        lint,
        &[("places in many sentences of one paragraph", 25_000, |n| {
            "Talks in Kiev went on. The “talks” in Astana ended. ".repeat(n / 54)
        })],
    );
}

#[test]
fn one_long_sentence_or_paragraph_with_speech_verbs_and_places_grows_linearly() {
    // A one-line file (minified HTML, text without line breaks) is one long sentence.
    // Before (release, `copydesk check`): 100 KB 0.59 s, 400 KB 5.93 s.
    assert_linear(
        lint,
        &[("speech verbs and places in one line", 100_000, |n| {
            let unit =
                "The minister said the plan would work, and critics told reporters it would \
                        fail while officials say prices rose 20 percent in Kiev and Astana ";
            unit.repeat(n / unit.len())
        })],
    );
    // Before: 10k, 20k, 40k sentences in one paragraph took 0.5, 2.1, 8.5 s.
    assert_linear(
        lint,
        &[("places in many sentences of one paragraph", 25_000, |n| {
            "Talks in Kiev went on. The “talks” in Astana ended. ".repeat(n / 54)
        })],
    );
}

#[test]
fn configuration_lists_grow_linearly_with_their_length() {
    // Before (release, `copydesk check --config`): 10k, 20k, 40k acronym exemptions took
    // 0.39, 1.31, 4.77 s, as many sourcing entries 0.45, 1.37, 4.63 s: each item was
    // looked for in the list so far.
    let toml = |n: usize| {
        let items: Vec<String> = (0..n)
            .map(|i| format!("\"Steppe Review {i:06}\""))
            .collect();
        let items = items.join(", ");
        format!(
            "[house-style.acronyms]\nexempt = [{items}]\n\
             [house-style.sourcing]\nsource-documents = [{items}]\n"
        )
    };
    let parse = |text: &str| {
        let config = Config::parse(text, Path::new("copydesk.toml")).expect("a configuration");
        std::hint::black_box(config);
    };
    let n = 5_000;
    let (large, small) = (toml(4 * n), toml(n));
    let (mut l, mut s) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let t = Instant::now();
        parse(&large);
        l.push(t.elapsed());
        let t = Instant::now();
        for _ in 0..4 {
            parse(&small);
        }
        s.push(t.elapsed());
    }
    let (l, s) = (median(l), median(s));
    assert!(
        l.as_secs_f64() <= s.as_secs_f64() * 2.5,
        "{} list entries took {l:?}, 4 x {n} took {s:?}: more than linear",
        4 * n
    );
}
