//! Evaluation of `place-name` on a corpus of original articles (2015-2025) with known
//! mistakes: `tests/fixtures/eval/place-name/` (read with the articles of
//! `eval/citations/`) holds the texts and `labels.toml`, which lists every genuine
//! mistake (file, line, flagged text, expected replacement). Every other mention in the
//! corpus is correct text, so any other finding is a false positive.

use copydesk_tests::eval;

const RULES: &[&str] = &["place-name"];

#[test]
fn place_name_precision_and_recall_on_the_eval_corpus() {
    let dir = eval::corpus("place-name");
    // The citation corpus names places too; its articles are read with this one.
    let dirs = [dir.clone(), eval::corpus("citations")];
    let labels = eval::labels(&dir, RULES, &dirs);
    let articles = eval::articles(&dirs);
    assert!(
        articles >= 15,
        "the corpus has {articles} articles, want 15"
    );
    let findings = eval::findings(&dirs, RULES);
    let score = eval::score(&findings, &labels, |f, i| f.is_at(&labels[i]));

    // A found mistake is fixed with the expected form and case (`KIEV` -> `KYIV`).
    let wrong_fixes: Vec<String> = score
        .matched
        .iter()
        .filter(|&&(f, l)| findings[f].fix != labels[l].fix)
        .map(|&(f, l)| {
            format!(
                "{:?}: fix {:?}, want {:?}",
                labels[l], findings[f].fix, labels[l].fix
            )
        })
        .collect();
    assert!(
        wrong_fixes.is_empty(),
        "fixes must keep case and form: {wrong_fixes:#?}"
    );
    score.report_and_check(&format!("place-name ({articles} articles)"), 0.95, 0.80);
}
