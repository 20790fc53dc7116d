//! `--format concise`: `path:line:col: rule message`, one finding a line.

use std::io::Write;

use crate::check::Checked;

pub fn write(out: &mut impl Write, checked: &[Checked]) -> std::io::Result<()> {
    for c in checked {
        for d in &c.diagnostics {
            let (line, col) = c.doc.line_index.line_col(&c.doc.source, d.range.start);
            // One finding, one line: a message never breaks it.
            let message = d.message.replace(['\r', '\n'], " ");
            writeln!(out, "{}:{line}:{col}: {} {message}", c.path, d.rule)?;
        }
    }
    Ok(())
}
