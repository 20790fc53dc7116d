//! `--format json`: one array of findings, sorted by path and position.

use std::io::Write;

use serde::Serialize;

use copydesk_core::Diagnostic;

use crate::check::Checked;

#[derive(Serialize)]
pub struct JsonEdit<'a> {
    pub byte_start: usize,
    pub byte_end: usize,
    pub replacement: &'a str,
}

#[derive(Serialize)]
pub struct JsonFix<'a> {
    pub applicability: &'static str,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    /// The file's name; a byte that is not UTF-8 is written `\xNN`.
    pub path: &'a str,
    /// A name that is not UTF-8 exactly, its bytes in base64 (as ripgrep's JSON gives
    /// them); absent for a UTF-8 name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<String>,
    pub rule: &'static str,
    pub severity: &'static str,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub text: &'a str,
    pub fix: Option<JsonFix<'a>>,
}

impl<'a> JsonFinding<'a> {
    pub fn new(checked: &'a Checked, d: &'a Diagnostic) -> Self {
        let doc = &checked.doc;
        let (line, column) = doc.line_index.line_col(&doc.source, d.range.start);
        let (end_line, end_column) = doc.line_index.line_col(&doc.source, d.range.end);
        JsonFinding {
            path: &checked.path,
            path_bytes: checked.path_bytes.as_deref().map(base64),
            rule: d.rule,
            severity: d.severity.as_str(),
            message: &d.message,
            line,
            column,
            end_line,
            end_column,
            byte_start: d.range.start,
            byte_end: d.range.end,
            text: doc.text(d.range),
            fix: d.fix.as_ref().map(|f| JsonFix {
                applicability: f.applicability.as_str(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        byte_start: e.range.start,
                        byte_end: e.range.end,
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
        }
    }
}

/// `bytes` in standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Every finding of every checked document (already sorted by path, then position).
pub fn findings(checked: &[Checked]) -> Vec<JsonFinding<'_>> {
    checked
        .iter()
        .flat_map(|c| c.diagnostics.iter().map(move |d| JsonFinding::new(c, d)))
        .collect()
}

pub fn write(out: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &findings(checked))?;
    writeln!(out)
}

/// `--format json-lines`: one finding a line, with the keys of `json`.
pub fn write_lines(out: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    for f in findings(checked) {
        serde_json::to_writer(&mut *out, &f)?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_as_rfc_4648_gives_it() {
        for (bytes, encoded) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foobar", "Zm9vYmFy"),
            (b"\xff\xfe\x00", "//4A"),
        ] {
            assert_eq!(base64(bytes), encoded);
        }
    }
}
