//! `--format sarif`: SARIF 2.1.0, for code-scanning tools such as GitHub's.
//!
//! One run; the driver lists every rule with its summary, documentation, default
//! severity and whether its findings carry fixes (`properties.fixAvailability`); each finding is a result with its region (columns count Unicode code
//! points, as `columnKind` says) and, when it has one, its fix.

use std::io::Write;

use serde_json::{json, Value};

use copydesk_core::{all_metas, Diagnostic, Severity};

use crate::check::Checked;

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

fn result(c: &Checked, d: &Diagnostic, rule_index: Option<usize>) -> Value {
    let doc = &c.doc;
    let (start_line, start_col) = doc.line_index.line_col(&doc.source, d.range.start);
    let (end_line, end_col) = doc.line_index.line_col(&doc.source, d.range.end);
    let uri = path_uri(&c.path);
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
                    "snippet": { "text": doc.text(d.range) },
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

/// The whole SARIF log.
pub fn log(checked: &[Checked]) -> Value {
    let ids: Vec<&str> = all_metas().map(|m| m.id).collect();
    let results: Vec<Value> = checked
        .iter()
        .flat_map(|c| {
            c.diagnostics
                .iter()
                .map(|d| result(c, d, ids.iter().position(|id| *id == d.rule)))
                .collect::<Vec<_>>()
        })
        .collect();
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

pub fn write(out: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(checked))?;
    writeln!(out)
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
    fn sections() {
        let doc = "## What it does\nChecks.\n\n## Why\nBecause.\n";
        assert_eq!(section(doc, "## What it does").as_deref(), Some("Checks."));
        assert_eq!(section(doc, "## Why").as_deref(), Some("Because."));
    }
}
