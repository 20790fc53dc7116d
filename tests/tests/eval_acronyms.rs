//! Evaluation of `acronym-undefined`, `acronym-mismatch`, `acronym-redefined` and
//! `citation-format` against a labelled corpus of original articles
//! (`tests/fixtures/eval/acronyms/`): precision and recall of these rules' findings
//! against the mistakes listed in `labels.toml`. Any other finding of these rules is a
//! false positive.

use copydesk_tests::eval;

const RULES: &[&str] = &[
    "acronym-undefined",
    "acronym-mismatch",
    "acronym-redefined",
    "citation-format",
];

#[test]
fn acronym_and_citation_rules_meet_the_bar_on_the_corpus() {
    let dir = eval::corpus("acronyms");
    let dirs = [dir.clone()];
    let labels = eval::labels(&dir, RULES, &dirs);
    let findings = eval::findings(&dirs, RULES);
    // A label names the flagged text or a part of it (a sentence's two findings can
    // share one label).
    let score = eval::score(&findings, &labels, |f, i| {
        let l = &labels[i];
        f.file == l.file && f.rule == l.rule && l.line == Some(f.line) && f.text.contains(&l.text)
    });
    score.report_and_check("eval acronyms+citations", 0.95, 0.80);
}
