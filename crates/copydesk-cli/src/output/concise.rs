//! `--format concise`: `path:line:col: rule message`, one finding a line.

use std::io::Write;

use crate::check::Checked;
use crate::output::escape::{escape, Keep};

pub fn write(out: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    for c in checked {
        for d in &c.diagnostics {
            let (line, col) = c.doc.line_index.line_col(&c.doc.source, d.range.start);
            // One finding, one line: a message never breaks it, and a line break in the
            // file name is escaped with the other control characters.
            let message = d.message.replace(['\r', '\n'], " ");
            let message = escape(&message, Keep::NoLineBreaks);
            let path = escape(&c.path, Keep::NoLineBreaks);
            writeln!(out, "{path}:{line}:{col}: {} {message}", d.rule)?;
        }
    }
    Ok(())
}
