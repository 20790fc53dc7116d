//! Evaluation of `citation-format` on a corpus of original articles (2015-2025) with
//! known mistakes: `tests/fixtures/eval/citations/` (read with the articles of
//! `eval/place-name/`) holds the texts and `labels.toml`, which lists every genuine
//! mistake (file, line, flagged text, expected replacement when there is one). Every
//! other citation group in the corpus is correct text, so any other finding is a false
//! positive.

use copydesk_tests::eval;

const RULES: &[&str] = &["citation-format"];

#[test]
fn citation_format_precision_and_recall_on_the_eval_corpus() {
    let dir = eval::corpus("citations");
    let dirs = [dir.clone(), eval::corpus("place-name")];
    let labels = eval::labels(&dir, RULES, &dirs);
    let findings = eval::findings(&dirs, RULES);
    let score = eval::score(&findings, &labels, |f, i| f.is_at(&labels[i]));

    // Where a label gives the expected replacement, the fix is that one.
    let wrong_fixes: Vec<String> = score
        .matched
        .iter()
        .filter(|&&(f, l)| labels[l].fix.is_some() && findings[f].fix != labels[l].fix)
        .map(|&(f, l)| format!("{:?}: fix {:?}", labels[l], findings[f].fix))
        .collect();
    assert!(
        wrong_fixes.is_empty(),
        "fixes must be the expected ones: {wrong_fixes:#?}"
    );
    score.report_and_check("citation-format", 0.95, 0.80);
}
