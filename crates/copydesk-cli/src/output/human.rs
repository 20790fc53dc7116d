//! `--format human`: each finding with its source, an underline, rule, message and help.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};

use annotate_snippets::{Level, Renderer, Snippet};
use clap::ColorChoice;

use copydesk_core::{Diagnostic, Severity, TextRange};

use crate::check::Checked;
use crate::output::escape::{escape, escape_source, escaped_chars, Keep};
use crate::output::{count, fix_command, fix_label, fix_mark, hidden_note};
use crate::report::Finished;

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

/// A line longer than this is cropped around its finding before annotate-snippets
/// draws it: it reads the whole line it is given for every finding, so that the
/// findings of one long line (a minified page, a text without line breaks) took time
/// that grew with the square of the line.
const CROP_LINE: usize = 4096;

/// What a cropped line keeps on either side of its finding: far more than the 140
/// columns drawn, so that the line is drawn as before, `...` at either end.
const CROP_KEEP: usize = 1024;

/// The part of the one line `line` (of `source`) to draw for a finding at `range`
/// with a label of `label` bytes. A line of [`CROP_LINE`] bytes or fewer, or a
/// finding on several lines, is drawn whole. Cropped on the left, the part starts at
/// a character that is not white space (annotate-snippets measures the indentation),
/// and only when the line's indentation is short.
fn crop(source: &str, line: TextRange, range: TextRange, label: usize) -> TextRange {
    if line.len() <= CROP_LINE || range.end > line.end {
        return line;
    }
    let mut start = line.start;
    let indented = source[line.start..]
        .chars()
        .take(CROP_KEEP / 2)
        .all(char::is_whitespace);
    if range.start - line.start > 2 * CROP_KEEP && !indented {
        let mut cut = range.start - CROP_KEEP;
        while !source.is_char_boundary(cut) {
            cut += 1;
        }
        while cut < range.start && source[cut..].starts_with(char::is_whitespace) {
            cut += source[cut..].chars().next().map_or(1, char::len_utf8);
        }
        start = cut;
    }
    let mut end = line.end;
    let keep = CROP_KEEP + 4 * label;
    if line.end - range.end > 2 * keep {
        let mut cut = range.end + keep;
        while !source.is_char_boundary(cut) {
            cut += 1;
        }
        end = cut;
    }
    TextRange::new(start, end)
}

/// One finding as annotate-snippets draws it: `[*] ` before the message when `--fix`
/// (with `--unsafe-fixes`, if given) fixes it, and the fix's title under the flagged
/// text, with what an unsafe fix or a suggestion takes ([`fix_label`]).
pub fn render(
    checked: &Checked,
    d: &Diagnostic,
    renderer: &Renderer,
    unsafe_fixes: bool,
    columns: &mut Columns,
) -> String {
    let (line, line_start) = context_lines(checked, d.range);
    let label = d.fix.as_ref().map(fix_label).unwrap_or_default();
    let lines = crop(&checked.doc.source, line, d.range, label.len());
    let excerpt = Excerpt {
        text: checked.doc.text(lines),
        at: lines.start,
        line_start,
        path: &checked.path,
    };
    let drawn = draw(&excerpt, d, &label, renderer, unsafe_fixes);
    if lines.start == line.start {
        return drawn;
    }
    // The column in `--> path:line:column` counts the characters before the finding on
    // its line, the cropped ones too.
    let cropped = columns.chars_to(&checked.doc.source, line.start, lines.start);
    let origin = escape(&checked.path, Keep::NoLineBreaks);
    let before = escaped_chars(checked.doc.text(TextRange::new(lines.start, d.range.start)));
    let drawn_at = format!(" {origin}:{line_start}:{}\n", before + 1);
    let true_at = format!(" {origin}:{line_start}:{}\n", cropped + before + 1);
    drawn.replacen(&drawn_at, &true_at, 1)
}

/// The characters (as escaped) from the start of a line to an offset on it, counted on
/// from the offset asked for before when it is on the same line and not after this one:
/// findings come in order, so the findings of a long line count its characters once.
#[derive(Debug, Default)]
pub struct Columns {
    line: usize,
    at: usize,
    chars: usize,
}

impl Columns {
    fn chars_to(&mut self, source: &str, line: usize, offset: usize) -> usize {
        if self.line != line || offset < self.at {
            *self = Columns {
                line,
                at: line,
                chars: 0,
            };
        }
        self.chars += escaped_chars(&source[self.at..offset]);
        self.at = offset;
        self.chars
    }
}

/// The source drawn for a finding: `text` starts at byte `at` of the file, on line
/// `line_start`.
struct Excerpt<'a> {
    text: &'a str,
    at: usize,
    line_start: usize,
    path: &'a str,
}

fn draw(
    excerpt: &Excerpt<'_>,
    d: &Diagnostic,
    label: &str,
    renderer: &Renderer,
    unsafe_fixes: bool,
) -> String {
    let span = (d.range.start - excerpt.at)..(d.range.end - excerpt.at);
    let (source, span) = escape_source(excerpt.text, span);
    let line_start = excerpt.line_start;
    let label = escape(label, Keep::NoLineBreaks);
    let title = format!("{}{}", fix_mark(d, unsafe_fixes), d.message);
    let title = escape(&title, Keep::LineBreaks);
    let origin = escape(excerpt.path, Keep::NoLineBreaks);
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

/// The findings of `file`, each as [`render`] drew it.
pub fn write_file(out: &mut impl Write, file: &Finished) -> std::io::Result<()> {
    for f in &file.findings {
        writeln!(out, "{}\n", f.drawn.as_deref().unwrap_or_default())?;
    }
    Ok(())
}

/// The closing lines: `Checked N files: M findings (K fixed).`, and how many `--fix`
/// fixes.
pub fn write_summary(out: &mut impl Write, totals: &crate::summary::Totals) -> std::io::Result<()> {
    let fixed = totals.fixed;
    let fixed = if fixed == 0 {
        String::new()
    } else {
        format!(" ({fixed} fixed)")
    };
    writeln!(
        out,
        "Checked {}: {}{fixed}.",
        count(totals.files, "file", "files"),
        if totals.findings == 0 {
            "no findings".to_string()
        } else {
            count(totals.findings, "finding", "findings")
        }
    )?;
    if let Some(line) = fix_summary(totals.fixable, totals.hidden, totals.unsafe_fixes) {
        writeln!(out, "{line}")?;
    }
    Ok(())
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
    fn a_long_line_is_drawn_cropped_as_it_was_drawn_whole() {
        let sentence = "The envoy’s talks in Astana ended on “Sept. 3” — without a deal. ";
        let line = sentence.repeat(300);
        let source = format!("# Title\n\n{line}\nThe end.\n");
        let line = TextRange::new(9, 9 + line.len());
        let renderer = Renderer::plain();
        let mut crops = 0;
        let mut columns = Columns::default();
        for (i, _) in source
            .match_indices("Astana")
            .chain(source.match_indices("Sept."))
        {
            let range = TextRange::new(i, i + 6);
            let d = Diagnostic {
                rule: "place-name",
                severity: Severity::Warning,
                message: "`Astana` was renamed".into(),
                range,
                help: Some("Write the name of the time".into()),
                fix: Some(copydesk_core::Fix::safe(
                    "Replace `Astana` with `Nur-Sultan`",
                    vec![copydesk_core::Edit::replace(range, "Nur-Sultan")],
                )),
            };
            let label = fix_label(d.fix.as_ref().unwrap());
            let excerpt = |lines: TextRange| Excerpt {
                text: &source[lines.start..lines.end],
                at: lines.start,
                line_start: 3,
                path: "piece.md",
            };
            let cropped = crop(&source, line, range, label.len());
            let whole = draw(&excerpt(line), &d, &label, &renderer, false);
            let checked = Checked {
                path: "piece.md".into(),
                path_bytes: None,
                doc: crate::check::Source::new(source.clone()),
                date: copydesk_core::PublicationDate {
                    date: jiff::civil::date(2024, 1, 1),
                    source: copydesk_core::DateSource::Assumed,
                },
                diagnostics: Vec::new(),
                fixed: 0,
                diff: None,
                not_fixed: None,
            };
            // One count of columns for all: in order, then back to the start of the line.
            assert_eq!(render(&checked, &d, &renderer, false, &mut columns), whole);
            let styled = Renderer::styled();
            assert_eq!(
                render(&checked, &d, &styled, false, &mut Columns::default()),
                draw(&excerpt(line), &d, &label, &styled, false)
            );
            assert!(whole.contains("..."), "{whole}");
            if cropped != line {
                crops += 1;
                assert!(cropped.len() < 4 * CROP_KEEP, "{cropped:?}");
            }
        }
        assert!(crops > 500, "{crops} cropped");
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
