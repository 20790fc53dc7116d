//! `--format github`: GitHub Actions workflow commands, which the runner shows as
//! annotations on the changed lines of a pull request.
//!
//! `::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE`

use std::io::Write;

use copydesk_core::Severity;

use crate::output::escape::{escape, Keep};
use crate::report::Finished;

/// Escape the message of a workflow command; other control characters than line
/// breaks are shown as `\x1b` (see [`crate::output::escape`]).
pub fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    escape(&s, Keep::NoLineBreaks).into_owned()
}

/// Escape a property value of a workflow command (`:` and `,` separate properties).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

pub fn write_file(out: &mut impl Write, file: &Finished) -> std::io::Result<()> {
    let path = escape_property(&file.path);
    for f in &file.findings {
        let ((line, col), (end_line, end_col)) = (f.start, f.end);
        writeln!(
            out,
            "::{} file={path},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            command(f.d.severity),
            escape_property(f.d.rule),
            escape_data(&f.d.message),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(escape_data("a\u{1b}]8;;x\u{7}b"), "a\\x1b]8;;x\\x07b");
    }
}
