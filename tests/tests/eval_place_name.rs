//! Evaluation of `place-name` on a corpus of original articles (2015-2025) with known
//! mistakes: `tests/fixtures/eval/place-name/` (with the articles of `eval/citations/`)
//! holds the texts and `labels.toml`, which
//! lists every genuine mistake (file, line, flagged text, expected replacement). Every
//! other mention in the corpus is correct text, so any other finding is a false positive.

use std::collections::HashSet;

use copydesk_tests::{copydesk, workspace_root};
use serde_json::Value;

const RULE: &str = "place-name";
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.80;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    file: String,
    line: u64,
    text: String,
}

struct Label {
    key: Key,
    fix: String,
}

fn labels(dir: &std::path::Path, dirs: &[std::path::PathBuf]) -> Vec<Label> {
    let raw = std::fs::read_to_string(dir.join("labels.toml")).expect("labels.toml is readable");
    let table: toml::Table = raw.parse().expect("labels.toml is TOML");
    let str_of = |m: &toml::Table, k: &str| {
        m.get(k)
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| panic!("label without `{k}`: {m:?}"))
            .to_string()
    };
    table
        .get("mistake")
        .and_then(toml::Value::as_array)
        .expect("labels.toml has [[mistake]] entries")
        .iter()
        .map(|v| {
            let m = v.as_table().expect("a [[mistake]] table");
            assert_eq!(str_of(m, "rule"), RULE, "only {RULE} is labelled here");
            let file = str_of(m, "file");
            assert!(
                dirs.iter().any(|d| d.join(&file).is_file()),
                "labelled file {file} exists"
            );
            Label {
                key: Key {
                    file,
                    line: m
                        .get("line")
                        .and_then(toml::Value::as_integer)
                        .and_then(|l| u64::try_from(l).ok())
                        .expect("a line number"),
                    text: str_of(m, "text"),
                },
                fix: str_of(m, "fix"),
            }
        })
        .collect()
}

#[test]
fn place_name_precision_and_recall_on_the_eval_corpus() {
    let dir = workspace_root().join("tests/fixtures/eval/place-name");
    // The citation corpus names places too; its articles are read with this one.
    let dirs = [
        dir.clone(),
        workspace_root().join("tests/fixtures/eval/citations"),
    ];
    let labels = labels(&dir, &dirs);
    let articles = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).expect("the corpus folder is readable"))
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".md") || name.ends_with(".txt")
        })
        .count();
    assert!(
        articles >= 15,
        "the corpus has {articles} articles, want 15"
    );

    // One invocation over the folder; each article dates itself.
    let out = copydesk()
        .args(["check", "--no-config", "--format", "json"])
        .args(&dirs)
        .output()
        .expect("copydesk runs");
    assert_ne!(
        out.status.code(),
        Some(2),
        "copydesk failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let findings: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout)
        .expect("stdout is JSON")
        .as_array()
        .expect("a JSON array")
        .clone();

    let mut hits: HashSet<Key> = HashSet::new();
    let mut false_positives = Vec::new();
    let mut wrong_fixes = Vec::new();
    for f in findings.iter().filter(|f| f["rule"] == RULE) {
        let path = f["path"].as_str().unwrap_or_default();
        let file = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let key = Key {
            file,
            line: f["line"].as_u64().unwrap_or_default(),
            text: f["text"].as_str().unwrap_or_default().to_string(),
        };
        match labels.iter().find(|l| l.key == key) {
            Some(label) => {
                let replacement = f["fix"]["edits"][0]["replacement"].as_str();
                if replacement != Some(label.fix.as_str()) {
                    wrong_fixes.push(format!("{key:?}: fix {replacement:?}, want {}", label.fix));
                }
                hits.insert(key);
            }
            None => false_positives.push(format!("{key:?}: {}", f["message"])),
        }
    }
    let misses: Vec<&Key> = labels
        .iter()
        .map(|l| &l.key)
        .filter(|k| !hits.contains(k))
        .collect();

    let tp = hits.len() as f64;
    let precision = if tp + false_positives.len() as f64 == 0.0 {
        0.0
    } else {
        tp / (tp + false_positives.len() as f64)
    };
    let recall = tp / labels.len() as f64;
    println!(
        "{RULE}: {articles} articles, {} labelled mistakes, {} true positives, {} false \
         positives, {} misses: precision {precision:.3}, recall {recall:.3}",
        labels.len(),
        hits.len(),
        false_positives.len(),
        misses.len()
    );
    for fp in &false_positives {
        println!("  false positive {fp}");
    }
    for m in &misses {
        println!("  miss {m:?}");
    }
    assert!(
        wrong_fixes.is_empty(),
        "fixes must keep case and form: {wrong_fixes:#?}"
    );
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}: {false_positives:#?}"
    );
    assert!(
        recall >= MIN_RECALL,
        "recall {recall:.3} < {MIN_RECALL}: {misses:#?}"
    );
}
