//! `--format junit`: JUnit XML, one test suite a file, one failing test case a finding
//! (a file without findings has one passing test case).

use std::io::Write;

use crate::check::Checked;

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

pub fn write(out: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    let total: usize = checked.iter().map(|c| c.diagnostics.len().max(1)).sum();
    let failures: usize = checked.iter().map(|c| c.diagnostics.len()).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="copydesk" tests="{total}" failures="{failures}" errors="0">"#
    )?;
    for c in checked {
        let path = escape(&c.path);
        let n = c.diagnostics.len();
        writeln!(
            out,
            r#"  <testsuite name="{path}" tests="{}" failures="{n}" errors="0">"#,
            n.max(1)
        )?;
        if n == 0 {
            writeln!(out, r#"    <testcase name="copydesk" classname="{path}"/>"#)?;
        }
        for d in &c.diagnostics {
            let (line, col) = c.doc.line_index.line_col(&c.doc.source, d.range.start);
            let message = escape(&d.message);
            writeln!(
                out,
                r#"    <testcase name="{} at {line}:{col}" classname="{path}" file="{path}" line="{line}">"#,
                d.rule
            )?;
            writeln!(
                out,
                r#"      <failure message="{message}" type="{}">{path}:{line}:{col}: {} {message}</failure>"#,
                d.severity, d.rule
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
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
