//! `--format concise`: `path:line:col: rule message`, one finding a line.

use std::io::Write;

use crate::output::escape::{escape, Keep};
use crate::output::fix_mark;
use crate::report::Finished;

/// Each finding as `path:line:col: rule [*] message`, with ruff's `[*] ` when `--fix`
/// (with `--unsafe-fixes`, if given) fixes it.
pub fn write_file(
    out: &mut impl Write,
    file: &Finished,
    unsafe_fixes: bool,
) -> std::io::Result<()> {
    let path = escape(&file.path, Keep::NoLineBreaks);
    for f in &file.findings {
        let (line, col) = f.start;
        // One finding, one line: a message never breaks it, and a line break in the
        // file name is escaped with the other control characters.
        let message = f.d.message.replace(['\r', '\n'], " ");
        let message = escape(&message, Keep::NoLineBreaks);
        let mark = fix_mark(&f.d, unsafe_fixes);
        writeln!(out, "{path}:{line}:{col}: {} {mark}{message}", f.d.rule)?;
    }
    Ok(())
}
