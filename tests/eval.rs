//! Scoring copydesk against the labelled evaluation corpora under `tests/fixtures/eval/`:
//! each folder holds original articles and a `labels.toml` listing every genuine mistake
//! (`[[mistake]]` with `file`, `rule`, `text`, and where the corpus uses them `line` and
//! `fix`). Every other finding of the rules under evaluation is a false positive.

use std::path::{Path, PathBuf};

use copydesk_core::{Document, SourceKind};
use serde_json::Value;

use crate::{copydesk, workspace_root};

/// A corpus folder under `tests/fixtures/eval/`.
pub fn corpus(name: &str) -> PathBuf {
    workspace_root().join("tests/fixtures/eval").join(name)
}

/// One labelled mistake.
#[derive(Debug, Clone)]
pub struct Label {
    pub file: String,
    pub rule: String,
    pub text: String,
    pub line: Option<u64>,
    /// The expected replacement, where the label gives one.
    pub fix: Option<String>,
}

/// One finding of the rules under evaluation.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The file name, without its folder.
    pub file: String,
    pub rule: String,
    pub line: u64,
    pub byte_start: usize,
    pub text: String,
    pub message: String,
    /// The first edit's replacement, if the finding has a fix.
    pub fix: Option<String>,
}

impl Finding {
    /// Same file, rule and line, and the flagged text as labelled.
    pub fn is_at(&self, label: &Label) -> bool {
        self.file == label.file
            && self.rule == label.rule
            && label.line == Some(self.line)
            && self.text == label.text
    }
}

/// The mistakes of `dir/labels.toml`; each names one of `rules` and a file in one of
/// `dirs`.
pub fn labels(dir: &Path, rules: &[&str], dirs: &[PathBuf]) -> Vec<Label> {
    let raw = std::fs::read_to_string(dir.join("labels.toml")).expect("labels.toml is readable");
    let table: toml::Table = raw.parse().expect("labels.toml is TOML");
    let str_of =
        |m: &toml::Table, k: &str| m.get(k).and_then(toml::Value::as_str).map(str::to_string);
    table
        .get("mistake")
        .and_then(toml::Value::as_array)
        .expect("labels.toml has [[mistake]] entries")
        .iter()
        .map(|v| {
            let m = v.as_table().expect("a [[mistake]] table");
            let need =
                |k: &str| str_of(m, k).unwrap_or_else(|| panic!("label without `{k}`: {m:?}"));
            let label = Label {
                file: need("file"),
                rule: need("rule"),
                text: need("text"),
                line: m
                    .get("line")
                    .and_then(toml::Value::as_integer)
                    .and_then(|l| u64::try_from(l).ok()),
                fix: str_of(m, "fix"),
            };
            assert!(
                rules.contains(&label.rule.as_str()),
                "label for another rule: {label:?}"
            );
            assert!(
                dirs.iter().any(|d| d.join(&label.file).is_file()),
                "label for a missing file: {label:?}"
            );
            label
        })
        .collect()
}

/// The byte range of the paragraph of `dir/label.file` that holds the labelled text
/// (on the label's line, or else occurring once in the file), as copydesk's document model reads it: a list
/// item, a block quote or a plain-text paragraph, not a split on blank lines.
pub fn paragraph_of(dir: &Path, label: &Label) -> (usize, usize) {
    let path = dir.join(&label.file);
    let source = std::fs::read_to_string(&path).expect("labelled file");
    let at = match label.line {
        // On its line, when the label gives one.
        Some(line) => {
            let line_start: usize = source
                .split_inclusive('\n')
                .take(line.saturating_sub(1) as usize)
                .map(str::len)
                .sum();
            let line_end = source[line_start..]
                .find('\n')
                .map_or(source.len(), |i| line_start + i);
            source[line_start..line_end]
                .find(&label.text)
                .map(|i| line_start + i)
                .unwrap_or_else(|| panic!("`{}` not on line {line} of {}", label.text, label.file))
        }
        None => {
            let at = source
                .find(&label.text)
                .unwrap_or_else(|| panic!("`{}` not in {}", label.text, label.file));
            assert_eq!(
                source.matches(&label.text).count(),
                1,
                "`{}` is not unique in {}",
                label.text,
                label.file
            );
            at
        }
    };
    let kind = SourceKind::from_path(&path).unwrap_or(SourceKind::Text);
    let doc = Document::parse(source, kind);
    let block = doc.block_at(at).unwrap_or_else(|| {
        panic!(
            "`{}` in {} is not in a paragraph of the document",
            label.text, label.file
        )
    });
    (block.range.start, block.range.end)
}

/// The number of articles (`.md`, `.txt`) in `dirs`.
pub fn articles(dirs: &[PathBuf]) -> usize {
    dirs.iter()
        .flat_map(|d| std::fs::read_dir(d).expect("the corpus folder is readable"))
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".md") || name.ends_with(".txt")
        })
        .count()
}

/// The findings of `rules` over `dirs`, from one run of the binary with the embedded
/// house style (each article dates itself).
pub fn findings(dirs: &[PathBuf], rules: &[&str]) -> Vec<Finding> {
    run(dirs, rules, &["--no-config"])
}

/// Like [`findings`], with the configuration files found from each article's folder
/// upwards (a corpus that checks its news folder with the wire preset says so in its
/// own `copydesk.toml`).
pub fn findings_with_config(dirs: &[PathBuf], rules: &[&str]) -> Vec<Finding> {
    run(dirs, rules, &[])
}

fn run(dirs: &[PathBuf], rules: &[&str], args: &[&str]) -> Vec<Finding> {
    let out = copydesk()
        .args(["check", "--format", "json"])
        .args(args)
        .args(dirs)
        .output()
        .expect("copydesk runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "copydesk failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    all.as_array()
        .expect("a JSON array")
        .iter()
        .filter(|f| rules.contains(&f["rule"].as_str().unwrap_or("")))
        .map(|f| Finding {
            file: Path::new(f["path"].as_str().unwrap_or(""))
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            rule: f["rule"].as_str().unwrap_or("").to_string(),
            line: f["line"].as_u64().unwrap_or(0),
            byte_start: f["byte_start"].as_u64().unwrap_or(0) as usize,
            text: f["text"].as_str().unwrap_or("").to_string(),
            message: f["message"].as_str().unwrap_or("").to_string(),
            fix: f["fix"]["edits"][0]["replacement"]
                .as_str()
                .map(str::to_string),
        })
        .collect()
}

/// How findings met labels.
#[derive(Debug, Default)]
pub struct Score {
    /// Findings counted: each labelled mistake once, however often it was reported.
    pub findings: usize,
    /// Findings that repeat a mistake already found (not counted).
    pub repeats: usize,
    pub labels: usize,
    /// (finding, label) index pairs.
    pub matched: Vec<(usize, usize)>,
    pub false_positives: Vec<String>,
    pub misses: Vec<String>,
}

/// Match each finding to a label with `matches(finding, label index)`. A finding that
/// matches only labels already found repeats a true positive: it is counted once, as
/// neither a second true positive nor a false positive.
pub fn score(
    findings: &[Finding],
    labels: &[Label],
    matches: impl Fn(&Finding, usize) -> bool,
) -> Score {
    let mut taken = vec![false; labels.len()];
    let mut s = Score {
        findings: findings.len(),
        labels: labels.len(),
        ..Score::default()
    };
    for (fi, f) in findings.iter().enumerate() {
        let fresh = (0..labels.len()).find(|&li| !taken[li] && matches(f, li));
        match fresh {
            Some(li) => {
                taken[li] = true;
                s.matched.push((fi, li));
            }
            None if (0..labels.len()).any(|li| matches(f, li)) => {
                s.repeats += 1;
                s.findings -= 1;
            }
            None => s.false_positives.push(format!(
                "{}:{} {} `{}`: {}",
                f.file, f.line, f.rule, f.text, f.message
            )),
        }
    }
    s.misses = labels
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(l, _)| format!("{}:{} {} `{}`", l.file, l.line.unwrap_or(0), l.rule, l.text))
        .collect();
    s
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.findings - self.false_positives.len(), self.findings)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.labels - self.misses.len(), self.labels)
    }

    /// Print the figures, every false positive and miss, and fail below the bar.
    pub fn report_and_check(&self, name: &str, min_precision: f64, min_recall: f64) {
        let (p, r) = (self.precision(), self.recall());
        println!(
            "{name}: {} findings, {} labelled mistakes, {} found, {} false positives: precision {p:.3}, recall {r:.3}",
            self.findings,
            self.labels,
            self.labels - self.misses.len(),
            self.false_positives.len()
        );
        for fp in &self.false_positives {
            println!("  false positive {fp}");
        }
        for m in &self.misses {
            println!("  miss {m}");
        }
        assert!(
            p >= min_precision && r >= min_recall,
            "{name}: precision {p:.3} (min {min_precision}), recall {r:.3} (min {min_recall})"
        );
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}
