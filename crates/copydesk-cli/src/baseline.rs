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

use crate::check::Checked;
use crate::files;

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

/// The fingerprint of `d` in `checked`.
pub fn fingerprint(checked: &Checked, d: &Diagnostic) -> String {
    let source = &checked.doc.source;
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
        key_path(&checked.path),
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

/// Write every finding of `checked` to `file`; how many.
pub fn write(file: &Path, checked: &[Checked]) -> anyhow::Result<usize> {
    let findings: Vec<Entry> = checked
        .iter()
        .flat_map(|c| {
            c.diagnostics.iter().map(move |d| Entry {
                path: key_path(&c.path).to_string(),
                rule: d.rule.to_string(),
                fingerprint: fingerprint(c, d),
                text: c.doc.text(d.range).to_string(),
                line: c.doc.line_index.line_of(d.range.start) + 1,
            })
        })
        .collect();
    let n = findings.len();
    let mut text = serde_json::to_string_pretty(&BaselineFile {
        copydesk_baseline: VERSION,
        findings,
    })?;
    text.push('\n');
    std::fs::write(file, text)
        .with_context(|| format!("writing the baseline {}", files::display_name(file)))?;
    Ok(n)
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

/// Drop from `checked` the findings that the baseline `file` holds.
pub fn apply(file: &Path, checked: &mut [Checked]) -> anyhow::Result<Outcome> {
    let name = files::display_name(file);
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading the baseline {name}"))?;
    let base: BaselineFile = serde_json::from_str(&text)
        .with_context(|| format!("{name} is not a copydesk baseline"))?;
    anyhow::ensure!(
        base.copydesk_baseline == VERSION,
        "{name} is a baseline of version {}; this copydesk reads version {VERSION}: write it again with --write-baseline",
        base.copydesk_baseline
    );
    let mut left: HashMap<(String, String), usize> = HashMap::new();
    for e in &base.findings {
        *left
            .entry((e.path.clone(), e.fingerprint.clone()))
            .or_insert(0) += 1;
    }
    let mut hidden = 0;
    for c in checked.iter_mut() {
        let prints: Vec<String> = c.diagnostics.iter().map(|d| fingerprint(c, d)).collect();
        let path = key_path(&c.path).to_string();
        let mut keep = Vec::with_capacity(c.diagnostics.len());
        for (d, print) in std::mem::take(&mut c.diagnostics).into_iter().zip(prints) {
            match left.get_mut(&(path.clone(), print)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    hidden += 1;
                }
                _ => keep.push(d),
            }
        }
        c.diagnostics = keep;
    }
    Ok(Outcome {
        file: name,
        hidden,
        stale: left.values().sum(),
    })
}
