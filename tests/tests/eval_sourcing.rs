//! Evaluation of `unsourced-claim` and `unattributed-quote` on a corpus of original
//! articles in the styles real desks publish (tests/fixtures/eval/sourcing): mostly
//! correct text with a known set of mistakes listed in `labels.toml`. One binary run
//! over the folder; precision and recall for these two rules only. A finding matches a
//! label of its rule in the paragraph that holds the labelled text, once.

use copydesk_tests::eval;

const RULES: &[&str] = &["unsourced-claim", "unattributed-quote"];

#[test]
fn sourcing_rules_meet_the_bar_on_the_evaluation_corpus() {
    let dir = eval::corpus("sourcing");
    let dirs = [dir.clone()];
    let labels = eval::labels(&dir, RULES, &dirs);
    let paragraphs: Vec<(usize, usize)> =
        labels.iter().map(|l| eval::paragraph_of(&dir, l)).collect();
    let findings = eval::findings(&dirs, RULES);
    for rule in RULES {
        let of_rule: Vec<eval::Finding> = findings
            .iter()
            .filter(|f| f.rule == *rule)
            .cloned()
            .collect();
        let n = labels.iter().filter(|l| l.rule == *rule).count();
        let hits = eval::score(&of_rule, &labels, |f, i| {
            labels[i].rule == f.rule
                && labels[i].file == f.file
                && (paragraphs[i].0..paragraphs[i].1).contains(&f.byte_start)
        });
        println!(
            "{rule}: {} true positives, {} false positives, {} misses",
            hits.matched.len(),
            hits.false_positives.len(),
            n - hits.matched.len()
        );
    }
    let score = eval::score(&findings, &labels, |f, i| {
        let l = &labels[i];
        l.rule == f.rule
            && l.file == f.file
            && (paragraphs[i].0..paragraphs[i].1).contains(&f.byte_start)
    });
    score.report_and_check("sourcing eval", 0.95, 0.80);
}
