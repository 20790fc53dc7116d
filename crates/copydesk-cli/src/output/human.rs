//! `--format human`: each finding with its source, an underline, rule, message and help.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};

use annotate_snippets::{Level, Renderer, Snippet};
use clap::ColorChoice;

use copydesk_core::{Diagnostic, Severity, TextRange};

use crate::check::Checked;
use crate::output::escape::{escape, escape_source, Keep};
use crate::output::{count, fix_command, fix_label, fix_mark, fixable, hidden_fixes, hidden_note};

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Whether to colour the report: `--color always` or `never` decide; `auto` follows the
/// conventions of <https://no-color.org> and <https://bixense.com/clicolors/> as
/// anstream reads them: a non-empty `NO_COLOR` turns colour off, else a `CLICOLOR_FORCE`
/// other than `0` turns it on, else `CLICOLOR=0` or `TERM=dumb` turn it off, else a
/// terminal is coloured.
pub fn use_color(
    choice: ColorChoice,
    var: impl Fn(&str) -> Option<OsString>,
    is_terminal: bool,
) -> bool {
    let set = |name: &str| var(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else if set("CLICOLOR").is_some_and(|v| v == "0")
                || set("TERM").is_some_and(|v| v == "dumb")
            {
                false
            } else {
                is_terminal
            }
        }
    }
}

/// [`use_color`] for this process's environment and standard output.
pub fn use_color_here(choice: ColorChoice) -> bool {
    use_color(
        choice,
        |name| std::env::var_os(name),
        std::io::stdout().is_terminal(),
    )
}

/// The whole lines that hold `range`.
fn context_lines(checked: &Checked, range: TextRange) -> (TextRange, usize) {
    let doc = &checked.doc;
    let first = doc.line_index.line_of(range.start);
    let last = doc.line_index.line_of(range.end.max(range.start));
    let start = doc
        .line_index
        .line_range(first, &doc.source)
        .map_or(range.start, |r| r.start);
    let end = doc
        .line_index
        .line_range(last, &doc.source)
        .map_or(range.end, |r| r.end)
        .max(range.end);
    (TextRange::new(start, end), first + 1)
}

/// One finding as annotate-snippets draws it: `[*] ` before the message when `--fix`
/// (with `--unsafe-fixes`, if given) fixes it, and the fix's title under the flagged
/// text, with what an unsafe fix or a suggestion takes ([`fix_label`]).
pub fn render(
    checked: &Checked,
    d: &Diagnostic,
    renderer: &Renderer,
    unsafe_fixes: bool,
) -> String {
    let (lines, line_start) = context_lines(checked, d.range);
    let span = (d.range.start - lines.start)..(d.range.end - lines.start);
    let (source, span) = escape_source(checked.doc.text(lines), span);
    let label = d.fix.as_ref().map(fix_label).unwrap_or_default();
    let label = escape(&label, Keep::NoLineBreaks);
    let title = format!("{}{}", fix_mark(d, unsafe_fixes), d.message);
    let title = escape(&title, Keep::LineBreaks);
    let origin = escape(&checked.path, Keep::NoLineBreaks);
    let help = d.help.as_deref().map(|h| escape(h, Keep::LineBreaks));
    let mut message = level(d.severity).title(&title).id(d.rule).snippet(
        Snippet::source(&source)
            .line_start(line_start)
            .origin(&origin)
            .fold(false)
            .annotation(level(d.severity).span(span).label(&label)),
    );
    if let Some(help) = &help {
        message = message.footer(Level::Help.title(help));
    }
    let rendered = renderer.render(message).to_string();
    rendered
}

pub fn write(
    out: &mut impl Write,
    checked: &[Checked],
    files: usize,
    fixed: usize,
    options: &Options,
) -> std::io::Result<()> {
    let Options {
        quiet,
        color,
        unsafe_fixes,
    } = *options;
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut findings = 0;
    for c in checked {
        for d in &c.diagnostics {
            writeln!(out, "{}\n", render(c, d, &renderer, unsafe_fixes))?;
            findings += 1;
        }
    }
    if quiet {
        return Ok(());
    }
    let fixed = if fixed == 0 {
        String::new()
    } else {
        format!(" ({fixed} fixed)")
    };
    writeln!(
        out,
        "Checked {}: {}{fixed}.",
        count(files, "file", "files"),
        if findings == 0 {
            "no findings".to_string()
        } else {
            count(findings, "finding", "findings")
        }
    )?;
    let diagnostics = || checked.iter().flat_map(|c| &c.diagnostics);
    let can_fix = diagnostics().filter(|d| fixable(d, unsafe_fixes)).count();
    let hidden = hidden_fixes(diagnostics(), unsafe_fixes);
    if let Some(line) = fix_summary(can_fix, hidden, unsafe_fixes) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// How the human format is printed.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The findings only: no summary.
    pub quiet: bool,
    pub color: bool,
    /// `--unsafe-fixes`: unsafe fixes count as fixable.
    pub unsafe_fixes: bool,
}

/// ruff's line under the summary: how many findings `--fix` can fix, and how many more
/// `--unsafe-fixes` would add (`hidden`).
fn fix_summary(can_fix: usize, hidden: usize, unsafe_fixes: bool) -> Option<String> {
    let hidden = hidden_note(hidden);
    match can_fix {
        0 if hidden.is_empty() => None,
        0 => Some(format!("No fixes available{hidden}.")),
        n => Some(format!(
            "[*] {n} fixable with the `{}` option{}{hidden}.",
            fix_command(unsafe_fixes),
            if unsafe_fixes { "s" } else { "" }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fix_summary_counts_as_ruff_does() {
        assert_eq!(fix_summary(0, 0, false), None);
        assert_eq!(
            fix_summary(3, 2, false).unwrap(),
            "[*] 3 fixable with the `--fix` option (2 hidden fixes can be enabled with the `--unsafe-fixes` option)."
        );
        assert_eq!(
            fix_summary(1, 0, false).unwrap(),
            "[*] 1 fixable with the `--fix` option."
        );
        assert_eq!(
            fix_summary(0, 1, false).unwrap(),
            "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option)."
        );
        assert_eq!(
            fix_summary(5, 0, true).unwrap(),
            "[*] 5 fixable with the `--fix --unsafe-fixes` options."
        );
    }

    fn color(choice: ColorChoice, vars: &[(&str, &str)], terminal: bool) -> bool {
        let var = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        };
        use_color(choice, var, terminal)
    }

    #[test]
    fn always_and_never_win_over_the_environment() {
        assert!(color(ColorChoice::Always, &[("NO_COLOR", "1")], false));
        assert!(!color(ColorChoice::Never, &[("CLICOLOR_FORCE", "1")], true));
    }

    #[test]
    fn auto_follows_no_color_clicolor_force_and_the_terminal() {
        use ColorChoice::Auto;
        assert!(color(Auto, &[], true));
        assert!(!color(Auto, &[], false));
        assert!(!color(Auto, &[("NO_COLOR", "1")], true));
        // An empty NO_COLOR does not count.
        assert!(color(Auto, &[("NO_COLOR", "")], true));
        assert!(color(Auto, &[("CLICOLOR_FORCE", "1")], false));
        assert!(!color(Auto, &[("CLICOLOR_FORCE", "0")], false));
        assert!(!color(
            Auto,
            &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")],
            true
        ));
        assert!(!color(Auto, &[("CLICOLOR", "0")], true));
        assert!(!color(Auto, &[("TERM", "dumb")], true));
        assert!(color(
            Auto,
            &[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")],
            false
        ));
    }
}
