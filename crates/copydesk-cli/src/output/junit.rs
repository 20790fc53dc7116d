//! `--format junit`: JUnit XML, one test suite a file, one failing test case a finding
//! (a file without findings has one passing test case).

use std::io::Write;

use crate::report::Finished;

/// Escape text for XML content and attribute values; characters that XML 1.0 cannot
/// hold (most control characters) become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The test suites, gathered as files finish: the document's opening line counts them
/// all, so that its suites are kept as text until the end (a few lines a file).
#[derive(Default)]
pub struct Suites {
    total: usize,
    failures: usize,
    body: String,
}

impl Suites {
    pub fn add(&mut self, file: &Finished) {
        use std::fmt::Write as _;
        let path = escape(&file.path);
        let n = file.findings.len();
        self.total += n.max(1);
        self.failures += n;
        let out = &mut self.body;
        let _ = writeln!(
            out,
            r#"  <testsuite name="{path}" tests="{}" failures="{n}" errors="0">"#,
            n.max(1)
        );
        if n == 0 {
            let _ = writeln!(out, r#"    <testcase name="copydesk" classname="{path}"/>"#);
        }
        for f in &file.findings {
            let (line, col) = f.start;
            let message = escape(&f.d.message);
            let _ = writeln!(
                out,
                r#"    <testcase name="{} at {line}:{col}" classname="{path}" file="{path}" line="{line}">"#,
                f.d.rule
            );
            let _ = writeln!(
                out,
                r#"      <failure message="{message}" type="{}">{path}:{line}:{col}: {} {message}</failure>"#,
                f.d.severity, f.d.rule
            );
            let _ = writeln!(out, "    </testcase>");
        }
        let _ = writeln!(out, "  </testsuite>");
    }

    pub fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="copydesk" tests="{}" failures="{}" errors="0">"#,
            self.total, self.failures
        )?;
        out.write_all(self.body.as_bytes())?;
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\u{fffd}\n"
        );
    }
}
