//! `--format json`: one array of findings, sorted by path and position.

use std::io::Write;

use serde::Serialize;

use crate::report::{Finding, Finished};

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
    pub fn new(file: &'a Finished, f: &'a Finding) -> Self {
        let d = &f.d;
        let ((line, column), (end_line, end_column)) = (f.start, f.end);
        JsonFinding {
            path: &file.path,
            path_bytes: file.path_bytes.as_deref().map(base64),
            rule: d.rule,
            severity: d.severity.as_str(),
            message: &d.message,
            line,
            column,
            end_line,
            end_column,
            byte_start: d.range.start,
            byte_end: d.range.end,
            text: &f.text,
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

/// A JSON array written an element at a time, byte for byte as serde_json's pretty
/// printer writes the whole array when its opening line is indented by `indent`.
pub struct PrettyArray {
    indent: String,
    written: usize,
}

impl PrettyArray {
    pub fn new(indent: &str) -> Self {
        PrettyArray {
            indent: indent.to_string(),
            written: 0,
        }
    }

    pub fn push(&mut self, out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(value)?;
        out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        // A string in JSON holds no line break: each line of the text is a line of the
        // layout, one level deeper.
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "{}  {line}", self.indent)?;
        }
        self.written += 1;
        Ok(())
    }

    pub fn finish(self, out: &mut impl Write) -> std::io::Result<()> {
        if self.written == 0 {
            write!(out, "[]")
        } else {
            write!(out, "\n{}]", self.indent)
        }
    }
}

/// `--format json`: the findings of `file` into the array.
pub fn write_file(
    out: &mut impl Write,
    array: &mut PrettyArray,
    file: &Finished,
) -> std::io::Result<()> {
    for f in &file.findings {
        array.push(out, &JsonFinding::new(file, f))?;
    }
    Ok(())
}

/// `--format json-lines`: one finding a line, with the keys of `json`.
pub fn write_lines_file(out: &mut impl Write, file: &Finished) -> std::io::Result<()> {
    for f in &file.findings {
        serde_json::to_writer(&mut *out, &JsonFinding::new(file, f))?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{base64, PrettyArray};

    #[test]
    fn an_array_written_an_element_at_a_time_is_the_pretty_printed_array() {
        let values = [
            serde_json::json!({"a": 1, "b": [1, 2, {"c": "x\ny"}], "d": {}, "e": []}),
            serde_json::json!("text"),
            serde_json::json!([]),
        ];
        for n in 0..=values.len() {
            let whole = serde_json::to_string_pretty(&values[..n]).unwrap();
            let mut out = Vec::new();
            let mut array = PrettyArray::new("");
            for v in &values[..n] {
                array.push(&mut out, v).unwrap();
            }
            array.finish(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole);
            // Nested, as the results of a SARIF log.
            let nested = serde_json::to_string_pretty(&serde_json::json!({ "r": &values[..n] }));
            let mut out = b"{\n  \"r\": ".to_vec();
            let mut array = PrettyArray::new("  ");
            for v in &values[..n] {
                array.push(&mut out, v).unwrap();
            }
            array.finish(&mut out).unwrap();
            out.extend_from_slice(b"\n}");
            assert_eq!(String::from_utf8(out).unwrap(), nested.unwrap());
        }
    }

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
