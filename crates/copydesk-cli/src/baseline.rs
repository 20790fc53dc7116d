//! Baselines: the findings an archive had when copydesk was adopted, so that a run
//! reports only new ones.
//!
//! A finding is recorded by a fingerprint of its rule, its file and the text it flags
//! with a little of the line around it, never its line or offset: an edit elsewhere in
//! the file leaves the fingerprint as it was, and an edit to the flagged words or next
//! to them makes it a new finding. Equal fingerprints are counted, so that a file with
//! the same slip twice and a baseline that holds it once reports one.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use copydesk_core::Diagnostic;

use crate::files;
use crate::report::Finished;

/// What the fingerprint reads on each side of the flagged text, in characters, within
/// its line.
const CONTEXT_CHARS: usize = 24;

/// The version of the file's layout and of the fingerprint.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    /// What wrote the file.
    copydesk_baseline: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    rule: String,
    fingerprint: String,
    /// For a reader of the file: the flagged text and where it was when recorded.
    text: String,
    line: usize,
}

/// The path as a baseline keys it: without a leading `./`.
fn key_path(path: &str) -> &str {
    path.trim_start_matches("./")
}

/// The fingerprint of `d` in `source`, the text of the file reported as `path`.
pub fn fingerprint(path: &str, source: &str, d: &Diagnostic) -> String {
    let line_start = source[..d.range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[d.range.end..]
        .find('\n')
        .map_or(source.len(), |i| d.range.end + i);
    let before: String = {
        let chars: Vec<char> = source[line_start..d.range.start].chars().collect();
        chars[chars.len().saturating_sub(CONTEXT_CHARS)..]
            .iter()
            .collect()
    };
    let after: String = source[d.range.end..line_end]
        .chars()
        .take(CONTEXT_CHARS)
        .collect();
    let mut h = blake3::Hasher::new();
    for part in [
        d.rule,
        key_path(path),
        &squeeze(&before),
        &squeeze(&source[d.range.start..d.range.end]),
        &squeeze(&after),
    ] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

/// `text` with each run of white space made one space: re-wrapping a paragraph keeps
/// its fingerprints.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The findings a run records with `--write-baseline`, gathered as files finish.
#[derive(Default)]
pub struct Recorder {
    findings: Vec<Entry>,
}

impl Recorder {
    /// Record the findings of `file` (fingerprinted: [`crate::report::Needs`]).
    pub fn add(&mut self, file: &Finished) {
        for f in &file.findings {
            self.findings.push(Entry {
                path: key_path(&file.path).to_string(),
                rule: f.d.rule.to_string(),
                fingerprint: f.fingerprint.clone().unwrap_or_default(),
                text: f.text.clone(),
                line: f.start.0,
            });
        }
    }

    /// Write every finding recorded to `file`; how many.
    pub fn write(self, file: &Path) -> anyhow::Result<usize> {
        let n = self.findings.len();
        let mut text = serde_json::to_string_pretty(&BaselineFile {
            copydesk_baseline: VERSION,
            findings: self.findings,
        })?;
        text.push('\n');
        std::fs::write(file, text)
            .with_context(|| format!("writing the baseline {}", files::display_name(file)))?;
        Ok(n)
    }
}

/// What `--baseline` did.
pub struct Outcome {
    pub file: String,
    /// Findings the baseline held, not reported.
    pub hidden: usize,
    /// Baseline entries that matched no finding of this run (fixed, edited, or their
    /// file not checked).
    pub stale: usize,
}

impl Outcome {
    pub fn note(&self) -> String {
        let stale = match self.stale {
            0 => String::new(),
            1 => "; 1 baseline entry no longer matches (fixed or edited): write the \
                  baseline again to drop it"
                .to_string(),
            n => format!(
                "; {n} baseline entries no longer match (fixed or edited): write the \
                 baseline again to drop them"
            ),
        };
        format!(
            "copydesk: baseline {}: {} not reported{stale}.",
            crate::output::escape::escape(&self.file, crate::output::escape::Keep::NoLineBreaks),
            crate::output::count(self.hidden, "known finding", "known findings"),
        )
    }
}

/// A baseline read, and what it has matched so far.
pub struct Baseline {
    file: String,
    /// How many findings of each path and fingerprint are still to match.
    left: HashMap<(String, String), usize>,
    hidden: usize,
}

impl Baseline {
    /// Read the baseline `file`.
    pub fn read(file: &Path) -> anyhow::Result<Self> {
        let name = files::display_name(file);
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("reading the baseline {name}"))?;
        let base: BaselineFile = serde_json::from_str(&text)
            .with_context(|| format!("{name} is not a copydesk baseline"))?;
        anyhow::ensure!(
            base.copydesk_baseline == VERSION,
            "{name} is a baseline of version {}; this copydesk reads version {VERSION}: write it again with --write-baseline",
            base.copydesk_baseline
        );
        let mut left: HashMap<(String, String), usize> = HashMap::new();
        for e in base.findings {
            *left.entry((e.path, e.fingerprint)).or_insert(0) += 1;
        }
        Ok(Baseline {
            file: name,
            left,
            hidden: 0,
        })
    }

    /// Drop from `file` the findings that the baseline holds (fingerprinted:
    /// [`crate::report::Needs`]). Files are given in the order of the report.
    pub fn filter(&mut self, file: &mut Finished) {
        let path = key_path(&file.path).to_string();
        let left = &mut self.left;
        let mut hidden = 0;
        file.findings.retain(|f| {
            let print = f.fingerprint.clone().unwrap_or_default();
            match left.get_mut(&(path.clone(), print)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    hidden += 1;
                    false
                }
                _ => true,
            }
        });
        self.hidden += hidden;
    }

    /// What the baseline did over the whole run.
    pub fn outcome(&self) -> Outcome {
        Outcome {
            file: self.file.clone(),
            hidden: self.hidden,
            stale: self.left.values().sum(),
        }
    }
}
