//! The sealed held-out corpus (`tests/fixtures/eval/sealed/`): 24 original articles, 10
//! analysis pieces and 14 news stories, written by someone who had not read the rules,
//! with every genuine mistake listed in `labels.toml`. No rule is tuned on it and its
//! articles never move into the tuned corpora: it is measured, and its figures are
//! reported in the README beside the tuned ones. It is checked as a desk would check
//! it: its `copydesk.toml` gives the news folder the wire preset.
//!
//! It has no precision or recall bar (a bar on a held-out set becomes a target to tune
//! to); the test checks that the corpus and its labels are whole and prints the figures
//! per rule and per kind of copy.

use copydesk_tests::eval::{self, Finding, Label};

const RULES: &[&str] = &[
    "place-name",
    "unsourced-claim",
    "unattributed-quote",
    "acronym-undefined",
    "acronym-mismatch",
    "acronym-redefined",
    "citation-format",
];

/// The folder of a labelled or reported file: "analysis" or "news".
fn kind_of(file: &str) -> &'static str {
    if file.starts_with("news/") || file.contains("/news/") {
        "news"
    } else {
        "analysis"
    }
}

#[test]
fn sealed_corpus_figures() {
    let dir = eval::corpus("sealed");
    let dirs = [dir.clone()];
    let labels = eval::labels(&dir, RULES, &dirs);
    let kinds = [dir.join("analysis"), dir.join("news")];
    assert_eq!(eval::articles(&kinds[..1]), 10, "analysis pieces");
    assert_eq!(eval::articles(&kinds[1..]), 14, "news stories");
    let paragraphs: Vec<(usize, usize)> =
        labels.iter().map(|l| eval::paragraph_of(&dir, l)).collect();
    // Findings name files by their name alone; labels by folder and name.
    let base = |l: &Label| l.file.rsplit('/').next().unwrap_or(&l.file).to_string();
    let news: Vec<String> = std::fs::read_dir(&kinds[1])
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let findings = eval::findings_with_config(&dirs, RULES);
    let matches = |f: &Finding, i: usize| {
        let l = &labels[i];
        if l.rule != f.rule || base(l) != f.file {
            return false;
        }
        if matches!(f.rule.as_str(), "unsourced-claim" | "unattributed-quote") {
            (paragraphs[i].0..paragraphs[i].1).contains(&f.byte_start)
        } else {
            l.line == Some(f.line) && (f.text.contains(&l.text) || l.text.contains(&f.text))
        }
    };
    for kind in ["analysis", "news"] {
        for rule in RULES {
            let of: Vec<Finding> = findings
                .iter()
                .filter(|f| f.rule == *rule && (news.contains(&f.file) == (kind == "news")))
                .cloned()
                .collect();
            let n = labels
                .iter()
                .filter(|l| l.rule == *rule && kind_of(&l.file) == kind)
                .count();
            if of.is_empty() && n == 0 {
                continue;
            }
            let s = eval::score(&of, &labels, matches);
            println!(
                "sealed {kind:8} {rule:20} findings {:3}  true {:3}  false {:3}  labelled {:3}",
                s.findings,
                s.matched.len(),
                s.false_positives.len(),
                n
            );
            for fp in &s.false_positives {
                println!("    false positive {fp}");
            }
        }
    }
    let all = eval::score(&findings, &labels, matches);
    println!(
        "sealed all: {} findings, {} labelled mistakes, {} found, {} false positives: precision {:.3}, recall {:.3}",
        all.findings,
        all.labels,
        all.labels - all.misses.len(),
        all.false_positives.len(),
        all.precision(),
        all.recall()
    );
    for m in &all.misses {
        println!("  miss {m}");
    }
}
