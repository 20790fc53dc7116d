//! `--format human`: each finding with its source, an underline, rule, message and help.

use std::io::{IsTerminal, Write};

use annotate_snippets::{Level, Renderer, Snippet};

use copydesk_core::{Diagnostic, Severity, TextRange};

use crate::check::Checked;

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
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

pub fn render(checked: &Checked, d: &Diagnostic, renderer: &Renderer) -> String {
    let (lines, line_start) = context_lines(checked, d.range);
    let source = checked.doc.text(lines);
    let span = (d.range.start - lines.start)..(d.range.end - lines.start);
    let label = d.fix.as_ref().map(|f| f.title.as_str()).unwrap_or("");
    let mut message = level(d.severity).title(&d.message).id(d.rule).snippet(
        Snippet::source(source)
            .line_start(line_start)
            .origin(&checked.path)
            .fold(false)
            .annotation(level(d.severity).span(span).label(label)),
    );
    if let Some(help) = &d.help {
        message = message.footer(Level::Help.title(help));
    }
    renderer.render(message).to_string()
}

pub fn write(
    out: &mut impl Write,
    checked: &[Checked],
    files: usize,
    fixed: usize,
    quiet: bool,
) -> std::io::Result<()> {
    let renderer = if use_color() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut findings = 0;
    for c in checked {
        for d in &c.diagnostics {
            writeln!(out, "{}\n", render(c, d, &renderer))?;
            findings += 1;
        }
    }
    if quiet {
        return Ok(());
    }
    let s = |n: usize| if n == 1 { "" } else { "s" };
    let fixed = if fixed == 0 {
        String::new()
    } else {
        format!(" ({fixed} fixed)")
    };
    writeln!(
        out,
        "Checked {files} file{}: {}{fixed}.",
        s(files),
        if findings == 0 {
            "no findings".to_string()
        } else {
            format!("{findings} finding{}", s(findings))
        }
    )
}
