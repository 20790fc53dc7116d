//! Evaluation of `acronym-undefined`, `acronym-mismatch`, `acronym-redefined` and
//! `citation-format` against a labelled corpus of original articles
//! (`tests/fixtures/eval/acronyms/`): precision and recall of these rules' findings
//! against the mistakes listed in `labels.toml`. Any other finding of these rules is a
//! false positive.

use std::collections::BTreeSet;
use std::path::Path;

use copydesk_tests::{copydesk, workspace_root};

const RULES: &[&str] = &[
    "acronym-undefined",
    "acronym-mismatch",
    "acronym-redefined",
    "citation-format",
];

const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.80;

/// One planted mistake.
#[derive(Debug)]
struct Label {
    file: String,
    rule: String,
    line: u64,
    text: String,
}

/// One finding of the rules under evaluation.
#[derive(Debug)]
struct Finding {
    file: String,
    rule: String,
    line: u64,
    text: String,
    message: String,
}

impl Finding {
    fn matches(&self, label: &Label) -> bool {
        self.file == label.file
            && self.rule == label.rule
            && self.line == label.line
            && self.text.contains(&label.text)
    }
}

fn labels(dir: &Path) -> Vec<Label> {
    let text = std::fs::read_to_string(dir.join("labels.toml")).expect("labels.toml is readable");
    let value: toml::Value = toml::from_str(&text).expect("labels.toml is valid TOML");
    let str_of = |t: &toml::Value, key: &str| {
        t.get(key)
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| panic!("label {t:?} has no string `{key}`"))
            .to_string()
    };
    value["mistake"]
        .as_array()
        .expect("labels.toml lists [[mistake]] tables")
        .iter()
        .map(|t| {
            let label = Label {
                file: str_of(t, "file"),
                rule: str_of(t, "rule"),
                line: t
                    .get("line")
                    .and_then(toml::Value::as_integer)
                    .and_then(|l| u64::try_from(l).ok())
                    .expect("label has a line"),
                text: str_of(t, "text"),
            };
            assert!(
                RULES.contains(&label.rule.as_str()),
                "label for an unknown rule: {label:?}"
            );
            assert!(
                dir.join(&label.file).is_file(),
                "label for a missing file: {label:?}"
            );
            label
        })
        .collect()
}

fn findings(dir: &Path) -> Vec<Finding> {
    let out = copydesk()
        .args(["check", "--no-config", "--format", "json", "."])
        .current_dir(dir)
        .output()
        .expect("copydesk runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "copydesk failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    v.as_array()
        .expect("an array of findings")
        .iter()
        .filter(|f| RULES.contains(&f["rule"].as_str().unwrap_or("")))
        .map(|f| Finding {
            file: Path::new(f["path"].as_str().expect("path"))
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned(),
            rule: f["rule"].as_str().expect("rule").to_string(),
            line: f["line"].as_u64().expect("line"),
            text: f["text"].as_str().unwrap_or("").to_string(),
            message: f["message"].as_str().unwrap_or("").to_string(),
        })
        .collect()
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

#[test]
fn acronym_and_citation_rules_meet_the_bar_on_the_corpus() {
    let dir = workspace_root().join("tests/fixtures/eval/acronyms");
    let labels = labels(&dir);
    let findings = findings(&dir);

    let mut found = BTreeSet::new();
    let mut false_positives = Vec::new();
    for f in &findings {
        match labels.iter().position(|l| f.matches(l)) {
            Some(i) => {
                found.insert(i);
            }
            None => false_positives.push(f),
        }
    }
    let true_positives = findings.len() - false_positives.len();
    let precision = ratio(true_positives, findings.len());
    let recall = ratio(found.len(), labels.len());

    for f in &false_positives {
        eprintln!(
            "false positive: {}:{} {} `{}`: {}",
            f.file, f.line, f.rule, f.text, f.message
        );
    }
    for (i, l) in labels.iter().enumerate() {
        if !found.contains(&i) {
            eprintln!("missed: {}:{} {} `{}`", l.file, l.line, l.rule, l.text);
        }
    }
    println!(
        "eval acronyms+citations: {} findings, {} mistakes labelled, {} found; \
         precision {precision:.3}, recall {recall:.3}",
        findings.len(),
        labels.len(),
        found.len()
    );
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} is below {MIN_PRECISION}"
    );
    assert!(
        recall >= MIN_RECALL,
        "recall {recall:.3} is below {MIN_RECALL}"
    );
}
