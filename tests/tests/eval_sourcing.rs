//! Evaluation of `unsourced-claim` and `unattributed-quote` on a corpus of original
//! articles in the styles real desks publish (tests/fixtures/eval/sourcing): mostly
//! correct text with a known set of mistakes listed in `labels.toml`. One binary run
//! over the folder; precision and recall for these two rules only.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use copydesk_tests::{copydesk, workspace_root};
use serde_json::Value;

const RULES: &[&str] = &["unsourced-claim", "unattributed-quote"];
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.80;

/// A labelled mistake: the rule and the byte range of the paragraph that holds it.
struct Mistake {
    file: String,
    rule: String,
    text: String,
    paragraph: (usize, usize),
}

/// The blank-line-delimited block of `source` that holds `at`.
fn paragraph_at(source: &str, at: usize) -> (usize, usize) {
    let start = source[..at].rfind("\n\n").map_or(0, |i| i + 2);
    let end = source[at..].find("\n\n").map_or(source.len(), |i| at + i);
    (start, end)
}

fn mistakes(dir: &Path) -> Vec<Mistake> {
    let labels: toml::Value = fs::read_to_string(dir.join("labels.toml"))
        .expect("labels.toml")
        .parse()
        .expect("labels.toml is TOML");
    labels["mistake"]
        .as_array()
        .expect("[[mistake]] entries")
        .iter()
        .map(|m| {
            let field = |k: &str| m[k].as_str().expect("string field").to_string();
            let (file, rule, text) = (field("file"), field("rule"), field("text"));
            assert!(RULES.contains(&rule.as_str()), "unknown rule {rule}");
            let source = fs::read_to_string(dir.join(&file)).expect("labelled file exists");
            let at = source
                .find(&text)
                .unwrap_or_else(|| panic!("`{text}` not in {file}"));
            assert_eq!(
                source.matches(&text).count(),
                1,
                "`{text}` is not unique in {file}"
            );
            Mistake {
                paragraph: paragraph_at(&source, at),
                file,
                rule,
                text,
            }
        })
        .collect()
}

#[test]
fn sourcing_rules_meet_the_bar_on_the_evaluation_corpus() {
    let dir = workspace_root().join("tests/fixtures/eval/sourcing");
    let mistakes = mistakes(&dir);
    let out = copydesk()
        .args(["check", "--format", "json", "--no-config"])
        .arg(&dir)
        .output()
        .expect("copydesk runs");
    let findings: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
        .as_array()
        .expect("an array")
        .iter()
        .filter(|f| RULES.contains(&f["rule"].as_str().unwrap_or("")))
        .cloned()
        .collect();

    let mut matched = vec![false; mistakes.len()];
    let mut false_positives = Vec::new();
    let mut per_rule: BTreeMap<&str, [usize; 3]> = BTreeMap::new(); // tp, fp, fn
    for f in &findings {
        let path = f["path"].as_str().unwrap_or("");
        let file = Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        let rule = f["rule"].as_str().unwrap_or("");
        let at = f["byte_start"].as_u64().unwrap_or(0) as usize;
        let hit = mistakes.iter().enumerate().position(|(i, m)| {
            !matched[i]
                && m.file == file
                && m.rule == rule
                && (m.paragraph.0..m.paragraph.1).contains(&at)
        });
        let rule_key = RULES.iter().find(|r| **r == rule).copied().unwrap_or("");
        match hit {
            Some(i) => {
                matched[i] = true;
                per_rule.entry(rule_key).or_default()[0] += 1;
            }
            None => {
                per_rule.entry(rule_key).or_default()[1] += 1;
                false_positives.push(format!(
                    "{file}:{} {rule} `{}`",
                    f["line"],
                    f["text"].as_str().unwrap_or("")
                ));
            }
        }
    }
    let misses: Vec<String> = mistakes
        .iter()
        .zip(&matched)
        .filter(|(_, &m)| !m)
        .map(|(m, _)| {
            per_rule
                .entry(RULES.iter().find(|r| **r == m.rule).copied().unwrap_or(""))
                .or_default()[2] += 1;
            format!("{} {} `{}`", m.file, m.rule, m.text)
        })
        .collect();

    let tp = matched.iter().filter(|&&m| m).count();
    let precision = if findings.is_empty() {
        1.0
    } else {
        tp as f64 / findings.len() as f64
    };
    let recall = if mistakes.is_empty() {
        1.0
    } else {
        tp as f64 / mistakes.len() as f64
    };
    for (rule, [tp, fp, fn_]) in &per_rule {
        println!("{rule}: {tp} true positives, {fp} false positives, {fn_} misses");
    }
    println!(
        "sourcing eval: precision {precision:.3} ({tp}/{}), recall {recall:.3} ({tp}/{})",
        findings.len(),
        mistakes.len()
    );
    for fp in &false_positives {
        println!("false positive: {fp}");
    }
    for miss in &misses {
        println!("miss: {miss}");
    }
    assert!(
        precision >= MIN_PRECISION && recall >= MIN_RECALL,
        "precision {precision:.3} (min {MIN_PRECISION}), recall {recall:.3} (min {MIN_RECALL})\nfalse positives:\n{}\nmisses:\n{}",
        false_positives.join("\n"),
        misses.join("\n")
    );
}
