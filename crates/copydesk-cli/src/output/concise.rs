//! `--format concise`: `path:line:col: rule message`, one finding a line.

use std::io::Write;

use crate::check::Checked;
use crate::output::escape::{escape, Keep};
use crate::output::fix_mark;

/// Each finding as `path:line:col: rule [*] message`, with ruff's `[*] ` when `--fix`
/// (with `--unsafe-fixes`, if given) fixes it.
pub fn write(out: &mut impl Write, checked: &[Checked], unsafe_fixes: bool) -> std::io::Result<()> {
    for c in checked {
        for d in &c.diagnostics {
            let (line, col) = c.doc.line_index.line_col(&c.doc.source, d.range.start);
            // One finding, one line: a message never breaks it, and a line break in the
            // file name is escaped with the other control characters.
            let message = d.message.replace(['\r', '\n'], " ");
            let message = escape(&message, Keep::NoLineBreaks);
            let path = escape(&c.path, Keep::NoLineBreaks);
            let mark = fix_mark(d, unsafe_fixes);
            writeln!(out, "{path}:{line}:{col}: {} {mark}{message}", d.rule)?;
        }
    }
    Ok(())
}
