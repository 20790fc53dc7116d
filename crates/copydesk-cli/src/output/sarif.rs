//! `--format sarif`: SARIF 2.1.0, for code-scanning tools such as GitHub's.
//!
//! One run; the driver lists every rule with its summary, documentation, default
//! severity and whether its findings carry fixes (`properties.fixAvailability`); each finding is a result with its region (columns count Unicode code
//! points, as `columnKind` says) and, when it has one, its fix.

use std::io::Write;

use serde_json::{json, Value};

use copydesk_core::{all_metas, Severity};

use crate::output::json::PrettyArray;
use crate::report::{Finding, Finished};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: forward slashes, `./` dropped, and every byte
/// outside the unreserved set and `/` percent-encoded. Absolute paths become `file:`
/// URIs.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

/// The text of a documentation section ("What it does") without its heading.
fn section(doc: &str, heading: &str) -> Option<String> {
    let start = doc.find(heading)? + heading.len();
    let rest = &doc[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    let text = rest[..end].trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn rules() -> Vec<Value> {
    all_metas()
        .map(|m| {
            let doc = m.documentation();
            let full = section(&doc, "## What it does").unwrap_or_else(|| m.summary.to_string());
            json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": full },
                "help": { "text": doc, "markdown": doc },
                "defaultConfiguration": { "level": level(m.default_severity) },
                "properties": { "fixAvailability": m.fix.as_str() },
            })
        })
        .collect()
}

fn result(file: &Finished, f: &Finding, rule_index: Option<usize>) -> Value {
    let d = &f.d;
    let ((start_line, start_col), (end_line, end_col)) = (f.start, f.end);
    let uri = path_uri(&file.path);
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\n\n");
        message.push_str(help);
    }
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": {
                    "startLine": start_line,
                    "startColumn": start_col,
                    "endLine": end_line,
                    "endColumn": end_col,
                    "byteOffset": d.range.start,
                    "byteLength": d.range.len(),
                    "snippet": { "text": f.text },
                }
            }
        }],
    });
    if let Some(i) = rule_index {
        result["ruleIndex"] = json!(i);
    }
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": { "byteOffset": e.range.start, "byteLength": e.range.len() },
                    "insertedContent": { "text": e.replacement },
                })).collect::<Vec<_>>(),
            }],
            "properties": { "applicability": fix.applicability.as_str() },
        }]);
    }
    result
}

/// The whole SARIF log, with `results` for its results.
fn log(results: Value) -> Value {
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// What stands for the results in the log's text while the results are written apart:
/// no rule's documentation holds it.
const PLACEHOLDER: &str = "\u{1}copydesk-results\u{1}";

/// The SARIF log written as files finish, byte for byte the log that serde_json's
/// pretty printer writes whole: the text before its results, each file's results, then
/// the text after.
pub struct Log {
    results: PrettyArray,
    after: String,
    ids: Vec<&'static str>,
}

impl Log {
    /// Write the log up to its results.
    pub fn start(out: &mut impl Write) -> std::io::Result<Self> {
        let text = serde_json::to_string_pretty(&log(json!(PLACEHOLDER)))?;
        let placeholder = serde_json::to_string(PLACEHOLDER)?;
        let at = text
            .find(&placeholder)
            .expect("the placeholder is in the log");
        let line = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let indent: String = text[line..].chars().take_while(|c| *c == ' ').collect();
        out.write_all(&text.as_bytes()[..at])?;
        Ok(Log {
            results: PrettyArray::new(&indent),
            after: text[at + placeholder.len()..].to_string(),
            ids: all_metas().map(|m| m.id).collect(),
        })
    }

    pub fn write_file(&mut self, out: &mut impl Write, file: &Finished) -> std::io::Result<()> {
        for f in &file.findings {
            let index = self.ids.iter().position(|id| *id == f.d.rule);
            self.results.push(out, &result(file, f, index))?;
        }
        Ok(())
    }

    pub fn finish(self, out: &mut impl Write) -> std::io::Result<()> {
        self.results.finish(out)?;
        writeln!(out, "{}", self.after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(path_uri("./drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(path_uri("dir\\ü.txt"), "dir/%C3%BC.txt");
        assert_eq!(path_uri("/tmp/x#1.md"), "file:///tmp/x%231.md");
    }

    #[test]
    fn the_log_written_as_files_finish_is_the_whole_log() {
        for results in [vec![], vec![json!({"ruleId": "a"}), json!({"ruleId": "b"})]] {
            let whole = serde_json::to_string_pretty(&log(json!(results))).unwrap() + "\n";
            let mut out = Vec::new();
            let mut streamed = Log::start(&mut out).unwrap();
            for r in &results {
                streamed.results.push(&mut out, r).unwrap();
            }
            streamed.finish(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole);
        }
    }

    #[test]
    fn sections() {
        let doc = "## What it does\nChecks.\n\n## Why\nBecause.\n";
        assert_eq!(section(doc, "## What it does").as_deref(), Some("Checks."));
        assert_eq!(section(doc, "## Why").as_deref(), Some("Because."));
    }
}
